@echo off
rem thidua-xlsx installer for Windows 10/11: the secretary double-clicks this file, in the folder that holds README.md:
rem the Windows release she extracted (tools/build_windows_release.py: python\ and wheels\ beside it), or a checkout.
rem Its twins: Cai-dat-thi-dua.command (macOS) and cai-dat-thi-dua.sh (Linux). It cannot run on the Linux CI:
rem tests/test_installer.py reads it for what it calls, so keep the lines it looks for.
rem
rem What it does, saying each step in Vietnamese and never a command for her to type:
rem   1. the release: its own Python (python\ beside this file) is used, nothing is fetched. A checkout: finds
rem      Python 3.10 or newer, "py -3" (the python.org launcher), then "python"; or says how to install it from
rem      python.org (tick "Add python.exe to PATH"), opens that page, and stops. Either way it says which;
rem   2. asks for the campaign folder in a folder dialog (PowerShell, FolderBrowserDialog; the default: the folder
rem      chosen last time, else Documents\Thi-dua; a dialog closed, or one a managed PC does not let open, keeps the
rem      default, and says so); a folder inside OneDrive is warned about (sync locks, "(1)" copies);
rem   3. the release: copies its Python to LOCALAPPDATA\thidua-xlsx\python and installs the program's wheels into it
rem      from wheels\ with pip --no-index and constraints.txt (no network). An install there before is first renamed
rem      python-cu (refused while its page runs: said, nothing changed) and put back if this one fails halfway (disk
rem      full, an antivirus): the previous install keeps working, said with the log. The versions, before and after,
rem      are asked of what is installed (that Python, else the checkout way's), never of this folder.
rem      A checkout: installs the tool for this user from this folder: pip install --user --upgrade with
rem      constraints.txt (the versions the tests passed on) (run again: an update), unless
rem      the tool installed is this folder's already (its fingerprint, ban-cai.txt: nothing fetched, no network
rem      needed). pip's words go to cai-dat.log, never on her screen. Without a network, a tool already installed is
rem      kept (said, and the next steps still run);
rem   4. writes a campaign into the folder when it holds none (no campaign.xlsx, campaign.ods, cap-tren.xlsx): asks
rem      the school's level (no default: she answers) and how it scores (Enter: by month, ND 233/2026), then
rem      thidua_xlsx init --level --cham-theo, which also writes the double-click launchers Mo-trang-thi-dua.*; a
rem      campaign already there is kept, only its launchers renewed;
rem   5. puts a "Thi dua" shortcut on the desktop (the Desktop folder Windows names, OneDrive's too) to the folder's
rem      Mo-trang-thi-dua.bat, made by WScript.Shell; same name each run: replaced, never a second one;
rem   then opens the page in a window of its own (the folder's Mo-trang-thi-dua.bat).
rem The remembered folder, the fingerprint, pip's log and where the shortcut went are in LOCALAPPDATA\thidua-xlsx.
rem Its undoing: Go-cai-dat-thi-dua.bat (pip uninstall, the shortcut, that folder; never a campaign folder).
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
rem   THIDUA_KHONG_HOI=1      no dialog, no question, no pause, no page opened (without THIDUA_THU_MUC: the default
rem                           folder; a new campaign: THIDUA_CAP_HOC, THIDUA_CHAM_THEO, else tieu-hoc by month)
rem
rem This file is UTF-8 without BOM, with CRLF line ends: cmd reads the lines above in any code page (all ASCII), and
rem the Vietnamese below as UTF-8 once chcp 65001 has run. No ( ... ) block holds a message: a ")" in its words would
rem end the block; jumps instead. What she types is compared with its quotes removed.
setlocal EnableExtensions DisableDelayedExpansion
chcp 65001 >nul
title Cài đặt chương trình thi đua
set "KHONG_HOI="
if "%THIDUA_KHONG_HOI%"=="1" set "KHONG_HOI=1"
set "NGUON=%~dp0."
set "DU_LIEU=%LOCALAPPDATA%\thidua-xlsx"
set "NHO=%DU_LIEU%\thu-muc.txt"
set "BAN_CAI=%DU_LIEU%\ban-cai.txt"
set "NHAT_KY=%DU_LIEU%\cai-dat.log"
set "KEM=%DU_LIEU%\python"

echo CÀI ĐẶT CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx)
echo.
if exist "%~dp0python\python.exe" if exist "%~dp0wheels\" goto :python_kem_theo
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
echo       Cài bằng Python của máy này, từ thư mục mã nguồn (cần mạng Internet).
set "CACH="
goto :thu_muc
:python_kem_theo
echo [1/5] Dùng Python đi kèm bản tải về này: không cần cài Python, không cần mạng Internet.
set PY="%KEM%\python.exe"
set "CACH=kem"

rem --- 2. the campaign folder -----------------------------------------------------------------------------------------
:thu_muc
rem PowerShell draws the folder dialog and makes the shortcut; a PC without it (or where it is blocked) gets words.
set "CO_PS="
for %%P in (powershell.exe) do if not "%%~$PATH:P"=="" set "CO_PS=1"
echo [2/5] Thư mục chiến dịch (nơi để sổ sách thi đua của trường)...
set "THU_MUC=%THIDUA_THU_MUC%"
if defined THU_MUC goto :co_thu_muc
set "MAC_DINH=%USERPROFILE%\Documents\Thi-dua"
if exist "%NHO%" set /p MAC_DINH=<"%NHO%"
if defined KHONG_HOI set "THU_MUC=%MAC_DINH%"
if defined KHONG_HOI goto :co_thu_muc
if not defined CO_PS goto :khong_hop_thoai
echo       Hãy chọn thư mục trong hộp thoại vừa mở (đóng hộp thoại thì dùng thư mục mặc định).
for /f "usebackq delims=" %%D in (`powershell -NoProfile -STA -ExecutionPolicy Bypass -Command "[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false; Add-Type -AssemblyName System.Windows.Forms; $p = Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'Thi-dua'; $m = Join-Path $env:LOCALAPPDATA 'thidua-xlsx\thu-muc.txt'; if (Test-Path -LiteralPath $m) { $p = [IO.File]::ReadAllText($m).Trim() }; $d = New-Object System.Windows.Forms.FolderBrowserDialog; $d.Description = 'Chọn thư mục chiến dịch thi đua, hoặc tạo thư mục mới. Đóng hộp này thì dùng: ' + $p; $d.ShowNewFolderButton = $true; $d.SelectedPath = $(if (Test-Path -LiteralPath $p) { $p } else { [Environment]::GetFolderPath('MyDocuments') }); $f = New-Object System.Windows.Forms.Form -Property @{ TopMost = $true }; if ($d.ShowDialog($f) -eq 'OK') { $d.SelectedPath }"`) do set "THU_MUC=%%D"
if defined THU_MUC goto :co_thu_muc
:khong_hop_thoai
set "THU_MUC=%MAC_DINH%"
echo       Không có thư mục nào được chọn (hộp thoại đã đóng, hoặc máy không cho mở hộp chọn thư mục): dùng thư mục mặc định.
:co_thu_muc
if "%THU_MUC:~-1%"=="\" set "THU_MUC=%THU_MUC%."
if not exist "%THU_MUC%\" mkdir "%THU_MUC%" >nul 2>nul
if not exist "%THU_MUC%\" goto :loi_thu_muc
call :noi_thu_muc "      "
if /i not "%THU_MUC:OneDrive=%"=="%THU_MUC%" call :dong_bo

rem --- 3. the tool, for this user -------------------------------------------------------------------------------------
if not exist "%DU_LIEU%\" mkdir "%DU_LIEU%" >nul 2>nul
if defined CACH goto :cai_kem
set "VAN_TAY="
for /f "delims=" %%H in ('%PY% -c "import hashlib, pathlib, sys; r = pathlib.Path(sys.argv[1]); h = hashlib.sha256(); [h.update(p.relative_to(r).as_posix().encode() + b'/' + p.read_bytes()) for p in sorted([r / 'pyproject.toml', r / 'setup.py', *(r / 'thidua_xlsx').rglob('*')]) if p.is_file() and '__pycache__' not in p.parts and p.suffix not in ('.pyc', '.so', '.pyd')]; print(h.hexdigest())" "%NGUON%"') do set "VAN_TAY=%%H"
set "BAN_CU="
if exist "%BAN_CAI%" set /p BAN_CU=<"%BAN_CAI%"
set "DA_CAI="
set "BAN_TRUOC="
rem The release installed, asked from outside this folder: here "python -m" would find this folder's own thidua_xlsx.
pushd "%TEMP%"
%PY% -m thidua_xlsx --version >nul 2>nul
if not errorlevel 1 set "DA_CAI=1"
rem The release installed before, the last word of --version; every release before 0.8.0 said "..., phiên bản 0.1.0".
if defined DA_CAI call :phien_ban BAN_TRUOC %PY%
popd
if not defined DA_CAI goto :cai_moi
if not defined VAN_TAY goto :cap_nhat
if not "%BAN_CU%"=="%VAN_TAY%" goto :cap_nhat
echo [3/5] Chương trình đã cài đúng bản trong thư mục này: không cần cài lại.
goto :da_cai
:cap_nhat
echo [3/5] Cập nhật chương trình từ thư mục này (cần mạng Internet)...
goto :chay_pip
:cai_moi
echo [3/5] Cài chương trình cho người dùng này (lần đầu mất vài phút, cần mạng Internet)...
:chay_pip
if exist "%BAN_CAI%" del "%BAN_CAI%" >nul 2>nul
%PY% -m pip install --user --upgrade --quiet --disable-pip-version-check --no-warn-script-location -c "%NGUON%\constraints.txt" "%NGUON%" >"%NHAT_KY%" 2>&1
if not errorlevel 1 goto :pip_xong
if not defined DA_CAI goto :loi_cai
%PY% -m thidua_xlsx --version >nul 2>nul
if errorlevel 1 goto :loi_cai
echo       Chưa cập nhật được (máy không vào được mạng Internet, mạng của trường cần proxy, hoặc phần mềm diệt virus chặn): vẫn dùng bản đã cài.
call :noi_nhat_ky
goto :da_cai
:pip_xong
if defined VAN_TAY >"%BAN_CAI%" echo %VAN_TAY%
:da_cai
call :phien_ban BAN_SAU %PY%
if "%BAN_TRUOC%"=="0.1.0" set "BAN_TRUOC=một bản trước 0.8.0"
set "PHIEN_BAN=thidua-xlsx %BAN_SAU%"
if defined BAN_TRUOC if not "%BAN_TRUOC%"=="%BAN_SAU%" set "PHIEN_BAN=thidua-xlsx %BAN_TRUOC% → %BAN_SAU% (những gì thay đổi: CHANGELOG.md trong thư mục này)"
echo       Xong: %PHIEN_BAN%
if defined BAN_TRUOC if not "%BAN_TRUOC%"=="%BAN_SAU%" call :thay_doi %PY%
call :nho_thu_muc

rem --- 4. a campaign in the folder ------------------------------------------------------------------------------------
set "CO_CHIEN_DICH="
if exist "%THU_MUC%\campaign.xlsx" set "CO_CHIEN_DICH=1"
if exist "%THU_MUC%\campaign.ods" set "CO_CHIEN_DICH=1"
if exist "%THU_MUC%\cap-tren.xlsx" set "CO_CHIEN_DICH=1"
if defined CO_CHIEN_DICH goto :da_co_chien_dich
echo [4/5] Tạo chiến dịch mới (sổ campaign.xlsx có sẵn một trường mẫu để sửa cho đúng trường mình).
set "CAP_HOC=%THIDUA_CAP_HOC%"
set "CHAM_THEO=%THIDUA_CHAM_THEO%"
if not defined CAP_HOC set "CAP_HOC=tieu-hoc"
if not defined CHAM_THEO set "CHAM_THEO=thang"
if defined KHONG_HOI goto :tao_chien_dich
echo       Trường của bạn là:
echo         1. Trường mầm non
echo         2. Trường tiểu học
echo         3. Trường trung học cơ sở, THCS
echo         4. Trường trung học phổ thông, THPT
echo         5. Cấp trên của các trường: UBND xã, phường hoặc Sở GD-ĐT, tổng hợp báo cáo của các trường
set "GOI_Y="
call :hoi "" 5
if errorlevel 1 goto :khong_tra_loi
if "%SO%"=="1" set "CAP_HOC=mam-non"
if "%SO%"=="2" set "CAP_HOC=tieu-hoc"
if "%SO%"=="3" set "CAP_HOC=thcs"
if "%SO%"=="4" set "CAP_HOC=thpt"
if "%SO%"=="5" set "CAP_HOC=cap-xa"
if "%CAP_HOC%"=="cap-xa" goto :tao_chien_dich
echo       Trường chấm điểm viên chức:
echo         1. Theo tháng, Nghị định 233/2026, từ năm học 2026-2027
echo         2. Theo quý, Nghị định 233/2026
echo         3. Một lần cuối năm học, như trước Nghị định 233/2026
set "GOI_Y= (chỉ nhấn Enter: 1)"
call :hoi "1" 3
if errorlevel 1 goto :khong_tra_loi
if "%SO%"=="1" set "CHAM_THEO=thang"
if "%SO%"=="2" set "CHAM_THEO=quy"
if "%SO%"=="3" set "CHAM_THEO=ca-nam"
:tao_chien_dich
if "%CAP_HOC%"=="cap-xa" %PY% -m thidua_xlsx init "%THU_MUC%" --level cap-xa >nul
if not "%CAP_HOC%"=="cap-xa" %PY% -m thidua_xlsx init "%THU_MUC%" --level %CAP_HOC% --cham-theo %CHAM_THEO% >nul
if errorlevel 1 goto :loi_init
set "TRUONG=cấp trên, tổng hợp báo cáo của các trường"
if "%CAP_HOC%"=="mam-non" set "TRUONG=trường mầm non"
if "%CAP_HOC%"=="tieu-hoc" set "TRUONG=trường tiểu học"
if "%CAP_HOC%"=="thcs" set "TRUONG=trường THCS"
if "%CAP_HOC%"=="thpt" set "TRUONG=trường THPT"
set "CACH=, chấm một lần cuối năm học"
if "%CHAM_THEO%"=="thang" set "CACH=, chấm theo tháng"
if "%CHAM_THEO%"=="quy" set "CACH=, chấm theo quý"
if "%CAP_HOC%"=="cap-xa" set "CACH="
echo       Đã tạo chiến dịch: %TRUONG%%CACH%.
goto :loi_tat
:da_co_chien_dich
echo [4/5] Thư mục đã có chiến dịch: giữ nguyên mọi sổ, chỉ làm mới các tệp mở trang (Mo-trang-thi-dua).
%PY% -c "import sys; from pathlib import Path; from thidua_xlsx.write.launchers import write_launchers; write_launchers(Path(sys.argv[1]))" "%THU_MUC%" >nul

rem --- 5. the "Thi dua" shortcut on the desktop -----------------------------------------------------------------------
:loi_tat
if not exist "%THU_MUC%\Mo-trang-thi-dua.bat" goto :loi_loi_tat
if not defined CO_PS goto :loi_loi_tat
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
  "[IO.File]::WriteAllText((Join-Path $nho 'man-hinh.txt'), $ban + [char]13 + [char]10, (New-Object Text.UTF8Encoding $false));" ^
  "Write-Output ('      ' + $hien)"
if errorlevel 1 goto :loi_loi_tat

echo.
echo XONG. Mỗi lần làm thi đua, bấm đúp biểu tượng "Thi đua" trên màn hình nền: trang thi đua mở trong trình duyệt
echo (cửa sổ đen đi kèm là chương trình đang chạy, đóng nó khi làm xong).
echo Khi có bản mới của chương trình, bấm đúp lại tệp Cai-dat-thi-dua.bat này để cập nhật; sổ sách trong thư mục
echo chiến dịch giữ nguyên. Gỡ chương trình: bấm đúp tệp Go-cai-dat-thi-dua.bat bên cạnh tệp này.
echo Phiên bản: %PHIEN_BAN%
if defined KHONG_HOI goto :mo_xong
echo.
echo Trang thi đua đang mở trong trình duyệt, cửa sổ đen mới mở là chương trình đang chạy.
start "Thi đua" "%THU_MUC%\Mo-trang-thi-dua.bat"
:mo_xong
call :dong_cua_so
exit /b 0

rem --- 3. the release: its Python and wheels, into LOCALAPPDATA, the previous install kept until this one works ----
:cai_kem
rem A run stopped between the two renames (power cut): the previous install is put back first.
if not exist "%KEM%\" if exist "%KEM%-cu\" ren "%KEM%-cu" python
set "BAN_TRUOC="
if exist "%KEM%\python.exe" call :phien_ban BAN_TRUOC "%KEM%\python.exe"
if not defined BAN_TRUOC call :ban_cua_may
if exist "%KEM%-cu\" rmdir /s /q "%KEM%-cu" >nul 2>nul
if exist "%KEM%\" ren "%KEM%" python-cu >nul 2>nul
if exist "%KEM%\" goto :dang_mo_trang
echo [3/5] Cài chương trình từ bản tải về này (không cần mạng Internet)...
xcopy "%~dp0python" "%KEM%" /e /i /q /y >"%NHAT_KY%" 2>&1
if errorlevel 1 goto :kem_do_dang
%PY% -m pip install --no-index --find-links "%~dp0wheels" -c "%~dp0constraints.txt" --disable-pip-version-check --no-warn-script-location thidua-xlsx >>"%NHAT_KY%" 2>&1
if errorlevel 1 goto :kem_do_dang
%PY% -m thidua_xlsx --version >>"%NHAT_KY%" 2>&1
if errorlevel 1 goto :kem_do_dang
if exist "%KEM%-cu\" rmdir /s /q "%KEM%-cu" >nul 2>nul
goto :da_cai
:kem_do_dang
rem Half-finished (disk full, an antivirus taking a file): this attempt removed, the previous install put back.
if exist "%KEM%\" rmdir /s /q "%KEM%" >nul 2>nul
if exist "%KEM%-cu\" ren "%KEM%-cu" python
if not exist "%KEM%\python.exe" goto :loi_cai_kem
echo       Chưa cài được bản mới (ổ đĩa đầy, hoặc phần mềm diệt virus chặn một tệp): vẫn dùng bản đã cài.
call :noi_nhat_ky
goto :da_cai

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
echo Không cài được chương trình: máy không vào được mạng Internet, mạng của trường cần proxy - xem README, mục "Cài
echo đặt và chạy thử" - hoặc phần mềm diệt virus chặn. Hãy kiểm tra rồi bấm đúp lại tệp này.
call :noi_nhat_ky
goto :dung

:loi_cai_kem
echo.
echo Không cài được chương trình (ổ đĩa đầy, hoặc phần mềm diệt virus chặn một tệp): máy không thay đổi gì. Hãy kiểm
echo tra rồi bấm đúp lại tệp này.
call :noi_nhat_ky
goto :dung

:dang_mo_trang
echo.
echo Trang thi đua đang mở (cửa sổ đen "Thi đua"): chưa cài gì, bản đã cài vẫn dùng được. Hãy đóng cửa sổ đó rồi bấm
echo đúp lại tệp này.
goto :dung

:khong_tra_loi
echo.
echo Chưa có câu trả lời nên chưa tạo chiến dịch. Hãy bấm đúp lại tệp này.
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
:hoi
rem :hoi DEFAULT LAST - the number she types, in SO: 1 to LAST (3 or 5), or DEFAULT on Enter alone (none: asked
rem again, as anything else is), five times at most (then errorlevel 1). Her quotes and spaces are removed
rem before it is compared.
set "LAN="
:hoi_lai
set "LAN=%LAN%x"
if "%LAN%"=="xxxxxx" exit /b 1
set "SO="
set /p "SO=      Gõ số rồi nhấn Enter%GOI_Y%: "
if not defined SO set "SO=%~1"
if not defined SO goto :hoi_sai
set "SO=%SO:"=%"
set "SO=%SO: =%"
if "%SO%"=="1" exit /b 0
if "%SO%"=="2" exit /b 0
if "%SO%"=="3" exit /b 0
if "%~2"=="3" goto :hoi_sai
if "%SO%"=="4" exit /b 0
if "%SO%"=="5" exit /b 0
:hoi_sai
echo       Hãy gõ một trong các số trên.
goto :hoi_lai

:thay_doi
rem :thay_doi PYTHON... - what changed since the release installed before, for a school and a commune, what to do
rem first: the lines the program's first run in a folder says (thidua-xlsx --thay-doi-tu, "" before 0.8.0).
set "TU=%BAN_TRUOC%"
if "%TU%"=="một bản trước 0.8.0" set "TU="
call %1 %2 -m thidua_xlsx --thay-doi-tu "%TU%" 2>nul
exit /b 0

:phien_ban
rem :phien_ban NAME PYTHON... - NAME set to the last word of what "PYTHON -m thidua_xlsx --version" prints (every
rem release before 0.8.0 said "..., phiên bản 0.1.0"), unset when it prints nothing.
set "TU="
for /f "tokens=*" %%V in ('call %2 %3 -m thidua_xlsx --version 2^>nul') do call :tu_cuoi %%V
set "%~1=%TU%"
exit /b 0

:tu_cuoi
if "%~1"=="" exit /b 0
set "TU=%~1"
shift
goto :tu_cuoi

:ban_cua_may
rem The version the checkout way installed (pip --user, "py -3" or "python"), asked from outside this folder.
pushd "%TEMP%"
call :phien_ban BAN_TRUOC py -3
if not defined BAN_TRUOC call :phien_ban BAN_TRUOC python
popd
exit /b 0

:dong_bo
echo       Lưu ý: thư mục này nằm trong OneDrive. Khi đang đồng bộ, sổ có thể bị khóa tạm hoặc sinh bản sao tên có "(1)":
echo       nên chọn thư mục ngoài OneDrive, hoặc tạm dừng đồng bộ khi tổng hợp.
exit /b 0

:noi_nhat_ky
setlocal EnableDelayedExpansion
echo       Chi tiết kỹ thuật cho người giúp bạn: !NHAT_KY!
endlocal
exit /b 0

:nho_thu_muc
rem The folder chosen, the next run's default (UTF-8, as chcp 65001 writes it).
setlocal EnableDelayedExpansion
>"!NHO!" echo:!THU_MUC!
endlocal
exit /b 0

:noi_thu_muc
rem The folder name printed as it is: an ampersand or a parenthesis in it is not read as cmd syntax.
setlocal EnableDelayedExpansion
set "TRUOC=%~1"
echo:!TRUOC!!THU_MUC!
endlocal
exit /b 0

:dong_cua_so
rem The window stays open until she has read it (not in tests: THIDUA_KHONG_HOI=1).
if defined KHONG_HOI exit /b 0
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit /b 0
