@echo off
rem thidua-xlsx installer for Windows 10/11: the secretary double-clicks this file, in the folder that holds README.md.
rem Its twins: Cai-dat-thi-dua.command (macOS) and cai-dat-thi-dua.sh (Linux). It cannot run on the Linux CI:
rem tests/test_installer.py reads it for what it calls, so keep the lines it looks for.
rem
rem What it does, saying each step in Vietnamese and never a command for her to type:
rem   1. finds Python 3.10 or newer: "py -3" (the python.org launcher), then "python"; or says how to install it
rem      from python.org (tick "Add python.exe to PATH"), opens that page, and stops;
rem   2. asks for the campaign folder in a folder dialog (PowerShell, FolderBrowserDialog; the default: the folder
rem      chosen last time, else Documents\Thi-dua; closing the dialog keeps the default);
rem   3. installs the tool for this user from this folder: pip install --user --upgrade (run again: an update);
rem   4. writes a campaign into the folder when it holds none (no campaign.xlsx, campaign.ods, cap-tren.xlsx):
rem      thidua_xlsx init, which also writes the double-click launchers Mo-trang-thi-dua.bat/.command/.sh; a
rem      campaign already there is kept, only its launchers renewed;
rem   5. puts a "Thi dua" shortcut on the desktop (the Desktop folder Windows names, OneDrive's too) to the folder's
rem      Mo-trang-thi-dua.bat, made by WScript.Shell; same name each run: replaced, never a second one.
rem
rem Why pip --user and not a venv under LOCALAPPDATA: the Microsoft Store's Python redirects what it writes under
rem LOCALAPPDATA into its own package folder, so such a venv is not where the shortcut would look; --user works the
rem same with the python.org and the Store Pythons, needs no administrator, and the launchers name the Python by its
rem full path and run "-m thidua_xlsx", so the user Scripts folder need not be on the PATH.
rem Why the shortcut is saved under an ASCII name and then renamed: WScript.Shell saves through the ANSI code page,
rem which refuses a name outside it ("Thi dua" with its d-bar on an English Windows) and garbles a target path
rem outside it; a target it garbled (read back and compared) gives a "Thi dua.cmd" instead, written in UTF-8.
rem
rem Environment, for tests (the secretary sets none):
rem   THIDUA_THU_MUC=folder   the campaign folder: no dialog
rem   THIDUA_KHONG_HOI=1      no dialog and no pause (without THIDUA_THU_MUC: the default folder)
rem
rem This file is UTF-8 without BOM, with CRLF line ends: cmd reads the lines above in any code page (all ASCII), and
rem the Vietnamese below as UTF-8 once chcp 65001 has run.
setlocal EnableExtensions DisableDelayedExpansion
chcp 65001 >nul
title Cài đặt chương trình thi đua
set "KHONG_HOI="
if "%THIDUA_KHONG_HOI%"=="1" set "KHONG_HOI=1"
set "NGUON=%~dp0."

echo CÀI ĐẶT CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx)
echo.
if not exist "%~dp0pyproject.toml" goto :chua_giai_nen
if not exist "%~dp0thidua_xlsx\" goto :chua_giai_nen

rem --- 1. Python 3.10 or newer ----------------------------------------------------------------------------------------
echo [1/5] Tìm Python 3.10 trở lên trên máy...
set "PY=py -3"
py -3 -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul
if not errorlevel 1 goto :co_python
set "PY=python"
python -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul
if not errorlevel 1 goto :co_python
goto :khong_co_python
:co_python
for /f "delims=" %%V in ('%PY% -c "import sys; print(sys.version.split()[0])"') do echo       Có Python %%V.

rem --- 2. the campaign folder -----------------------------------------------------------------------------------------
echo [2/5] Thư mục chiến dịch (nơi để sổ sách thi đua của trường)...
set "THU_MUC=%THIDUA_THU_MUC%"
if defined THU_MUC goto :co_thu_muc
set "THU_MUC=%USERPROFILE%\Documents\Thi-dua"
if defined KHONG_HOI goto :co_thu_muc
echo       Hãy chọn thư mục trong hộp thoại vừa mở (đóng hộp thoại thì dùng thư mục mặc định).
for /f "usebackq delims=" %%D in (`powershell -NoProfile -STA -ExecutionPolicy Bypass -Command "[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false; Add-Type -AssemblyName System.Windows.Forms; $p = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'Thi-dua'; $m = Join-Path $env:LOCALAPPDATA 'thidua-xlsx\thu-muc.txt'; if (Test-Path -LiteralPath $m) { $p = [IO.File]::ReadAllText($m).Trim() }; $d = New-Object System.Windows.Forms.FolderBrowserDialog; $d.Description = 'Chọn thư mục chiến dịch thi đua, hoặc tạo thư mục mới. Đóng hộp này thì dùng: ' + $p; $d.ShowNewFolderButton = $true; $d.SelectedPath = $(if (Test-Path -LiteralPath $p) { $p } else { [Environment]::GetFolderPath('MyDocuments') }); $f = New-Object System.Windows.Forms.Form -Property @{ TopMost = $true }; if ($d.ShowDialog($f) -eq 'OK') { $p = $d.SelectedPath }; $p"`) do set "THU_MUC=%%D"
:co_thu_muc
if "%THU_MUC:~-1%"=="\" set "THU_MUC=%THU_MUC%."
if not exist "%THU_MUC%\" mkdir "%THU_MUC%" >nul 2>nul
if not exist "%THU_MUC%\" goto :loi_thu_muc
call :noi_thu_muc "      "

rem --- 3. the tool, for this user -------------------------------------------------------------------------------------
echo [3/5] Cài hoặc cập nhật chương trình cho người dùng này (lần đầu mất vài phút, cần mạng Internet)...
%PY% -m pip install --user --upgrade --quiet --disable-pip-version-check --no-warn-script-location "%NGUON%"
if errorlevel 1 goto :loi_cai
for /f "delims=" %%V in ('%PY% -m thidua_xlsx --version') do echo       Xong: %%V

rem --- 4. a campaign in the folder ------------------------------------------------------------------------------------
set "CO_CHIEN_DICH="
if exist "%THU_MUC%\campaign.xlsx" set "CO_CHIEN_DICH=1"
if exist "%THU_MUC%\campaign.ods" set "CO_CHIEN_DICH=1"
if exist "%THU_MUC%\cap-tren.xlsx" set "CO_CHIEN_DICH=1"
if defined CO_CHIEN_DICH goto :da_co_chien_dich
echo [4/5] Tạo chiến dịch mới (sổ campaign.xlsx có sẵn một trường mẫu để sửa cho đúng trường mình)...
%PY% -m thidua_xlsx init "%THU_MUC%" >nul
if errorlevel 1 goto :loi_init
goto :loi_tat
:da_co_chien_dich
echo [4/5] Thư mục đã có chiến dịch: giữ nguyên mọi sổ, chỉ làm mới các tệp mở trang (Mo-trang-thi-dua).
%PY% -c "import sys; from pathlib import Path; from thidua_xlsx.write.launchers import write_launchers; write_launchers(Path(sys.argv[1]))" "%THU_MUC%" >nul

rem --- 5. the "Thi dua" shortcut on the desktop -----------------------------------------------------------------------
:loi_tat
if not exist "%THU_MUC%\Mo-trang-thi-dua.bat" goto :loi_loi_tat
echo [5/5] Đặt lối tắt "Thi đua" lên màn hình nền...
set "THIDUA_THU_MUC=%THU_MUC%"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$ErrorActionPreference = 'Stop';" ^
  "$thu = [IO.Path]::GetFullPath($env:THIDUA_THU_MUC); $dich = Join-Path $thu 'Mo-trang-thi-dua.bat';" ^
  "$ban = [Environment]::GetFolderPath('Desktop');" ^
  "$lnk = Join-Path $ban 'Thi đua.lnk'; $cmd = Join-Path $ban 'Thi đua.cmd'; $tam = Join-Path $ban 'thidua-loi-tat.lnk';" ^
  "$sh = New-Object -ComObject WScript.Shell; $ok = $false;" ^
  "try { $s = $sh.CreateShortcut($tam); $s.TargetPath = $dich; $s.WorkingDirectory = $thu;" ^
  "  $s.Description = 'Mo trang thi dua (thidua-xlsx)'; $s.Save();" ^
  "  $ok = $sh.CreateShortcut($tam).TargetPath -eq $dich } catch { $ok = $false };" ^
  "if ($ok) { Move-Item -LiteralPath $tam -Destination $lnk -Force;" ^
  "  Remove-Item -LiteralPath $cmd -ErrorAction SilentlyContinue; $hien = $lnk }" ^
  "else { Remove-Item -LiteralPath $tam, $lnk -ErrorAction SilentlyContinue; $q = [char]34; $nl = [char]13 + [char]10;" ^
  "  $text = '@echo off' + $nl + 'chcp 65001 >nul' + $nl + 'call ' + $q + $dich + $q + $nl;" ^
  "  [IO.File]::WriteAllText($cmd, $text, (New-Object Text.UTF8Encoding $false)); $hien = $cmd };" ^
  "$nho = Join-Path $env:LOCALAPPDATA 'thidua-xlsx'; New-Item -ItemType Directory -Force -Path $nho | Out-Null;" ^
  "[IO.File]::WriteAllText((Join-Path $nho 'thu-muc.txt'), $thu, (New-Object Text.UTF8Encoding $false));" ^
  "Write-Output ('      ' + $hien)"
if errorlevel 1 goto :loi_loi_tat

echo.
echo XONG. Mỗi lần làm thi đua, bấm đúp biểu tượng "Thi đua" trên màn hình nền: trang thi đua mở trong trình duyệt
echo (cửa sổ đen đi kèm là chương trình đang chạy, đóng nó khi làm xong).
echo Khi có bản mới của chương trình, bấm đúp lại tệp Cai-dat-thi-dua.bat này để cập nhật; sổ sách trong thư mục
echo chiến dịch giữ nguyên.
call :dong_cua_so
exit /b 0

rem --- what stops it, said in Vietnamese ------------------------------------------------------------------------------
:chua_giai_nen
echo Tệp cài đặt này phải nằm trong thư mục chương trình (thư mục có tệp README.md và thư mục thidua_xlsx).
echo Nếu bạn tải về một tệp nén (.zip): bấm chuột phải vào tệp nén, chọn "Extract All" (Giải nén tất cả), rồi bấm
echo đúp tệp Cai-dat-thi-dua.bat trong thư mục đã giải nén.
goto :dung

:khong_co_python
echo Máy này chưa có Python 3.10 trở lên, chương trình cần nó để chạy. Cách cài Python:
echo   1. Mở trình duyệt, vào trang https://www.python.org/downloads/
echo   2. Bấm nút "Download Python" (bản mới nhất), mở tệp vừa tải về.
echo   3. Ở màn hình đầu tiên của bộ cài, ĐÁNH DẤU ô "Add python.exe to PATH", rồi bấm "Install Now".
echo   4. Cài xong, bấm đúp lại tệp Cai-dat-thi-dua.bat này.
if not defined KHONG_HOI start "" "https://www.python.org/downloads/"
goto :dung

:loi_thu_muc
call :noi_thu_muc "Không tạo được thư mục "
echo Hãy bấm đúp lại tệp này và chọn thư mục khác.
goto :dung

:loi_cai
echo.
echo Không cài được chương trình (lý do ở các dòng báo lỗi phía trên). Hãy kiểm tra mạng Internet, rồi bấm đúp lại
echo tệp này.
goto :dung

:loi_init
echo.
echo Không tạo được chiến dịch trong thư mục này (lý do ở dòng báo lỗi phía trên). Hãy bấm đúp lại tệp này và chọn
echo thư mục khác.
goto :dung

:loi_loi_tat
echo.
echo Chưa đặt được lối tắt "Thi đua" lên màn hình nền. Chương trình đã cài xong: mở thư mục chiến dịch và bấm đúp
echo tệp Mo-trang-thi-dua.bat trong đó để mở trang thi đua.
goto :dung

:dung
echo.
call :dong_cua_so
exit /b 1

rem --- helpers --------------------------------------------------------------------------------------------------------
:noi_thu_muc
rem The folder name printed as it is: an ampersand or a parenthesis in it is not read as cmd syntax.
setlocal EnableDelayedExpansion
set "TRUOC=%~1"
echo(!TRUOC!!THU_MUC!
endlocal
exit /b 0

:dong_cua_so
rem The window stays open until she has read it (not in tests: THIDUA_KHONG_HOI=1).
if defined KHONG_HOI exit /b 0
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit /b 0
