@echo off
rem thidua-xlsx uninstaller for Windows 10/11: the secretary double-clicks it, beside Cai-dat-thi-dua.bat (its undoing).
rem Its twins: Go-cai-dat-thi-dua.command (macOS) and go-cai-dat-thi-dua.sh (Linux).
rem
rem It removes what Cai-dat-thi-dua.bat made, and nothing else:
rem   - the release's install, LOCALAPPDATA\thidua-xlsx\python: its Python, the program and every package it brought.
rem     A page still running from it holds its files: the folder is first renamed, which Windows refuses then; it says
rem     so and removes nothing (she closes the page's window and runs it again);
rem   - the checkout way's program: pip uninstall thidua-xlsx, with the Python that has it ("py -3", else "python");
rem   - the "Thi dua" shortcut on the desktop the installer wrote down (man-hinh.txt; else USERPROFILE\Desktop), as
rem     "Thi ?ua.lnk" and "Thi ?ua.cmd": the d-bar matched by ?, so this line reads the same in any code page;
rem   - LOCALAPPDATA\thidua-xlsx: the remembered folder, the fingerprint of the source installed, pip's log, and the
rem     cache (cache\libreoffice: the LibreOffice profile the program keeps for the papers).
rem Never a campaign folder: the books stay, and the Mo-trang-thi-dua files in them, which then say the program is gone
rem and which file to double-click to install it again. It asks first (c and Enter: remove; Enter alone: nothing).
rem
rem Environment, for tests (the secretary sets none):
rem   THIDUA_KHONG_HOI=1      no question (remove), no pause
rem
rem UTF-8 without BOM, CRLF line ends, ASCII until chcp 65001, as Cai-dat-thi-dua.bat.
setlocal EnableExtensions DisableDelayedExpansion
chcp 65001 >nul
title Gỡ chương trình thi đua
set "KHONG_HOI="
if "%THIDUA_KHONG_HOI%"=="1" set "KHONG_HOI=1"
set "DU_LIEU=%LOCALAPPDATA%\thidua-xlsx"
set "THU_MUC="
if exist "%DU_LIEU%\thu-muc.txt" set /p THU_MUC=<"%DU_LIEU%\thu-muc.txt"
set "MAN_HINH=%USERPROFILE%\Desktop"
if exist "%DU_LIEU%\man-hinh.txt" set /p MAN_HINH=<"%DU_LIEU%\man-hinh.txt"

echo GỠ CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx) KHỎI MÁY NÀY
echo.
echo Sẽ gỡ: chương trình, lối tắt "Thi đua" trên màn hình nền, và những gì chương trình ghi nhớ trên máy.
echo Giữ nguyên: mọi thư mục chiến dịch và sổ sách trong đó.
if defined THU_MUC call :noi_thu_muc
echo.
if defined KHONG_HOI goto :go
set "TRA_LOI="
set /p "TRA_LOI=Gõ c rồi nhấn Enter để gỡ, chỉ nhấn Enter để thôi: "
if not defined TRA_LOI goto :thoi
set "TRA_LOI=%TRA_LOI:"=%"
if /i "%TRA_LOI%"=="c" goto :go
if /i "%TRA_LOI%"=="co" goto :go
:thoi
echo Không gỡ gì cả.
call :dong_cua_so
exit /b 0

:go
set "GO_KEM="
if not exist "%DU_LIEU%\python\" goto :go_cach_cu
ren "%DU_LIEU%\python" python-go >nul 2>nul
if exist "%DU_LIEU%\python\" goto :loi_go
rmdir /s /q "%DU_LIEU%\python-go" >nul 2>nul
if exist "%DU_LIEU%\python-go\" goto :loi_go
set "GO_KEM=1"
echo - Đã gỡ chương trình và Python đi kèm.
:go_cach_cu
set "PY=py -3"
py -3 -c "import thidua_xlsx" >nul 2>nul
if not errorlevel 1 goto :go_chuong_trinh
set "PY=python"
python -c "import thidua_xlsx" >nul 2>nul
if not errorlevel 1 goto :go_chuong_trinh
if not defined GO_KEM echo - Chương trình: không có trên máy này, không cần gỡ.
goto :go_loi_tat
:go_chuong_trinh
%PY% -m pip uninstall --yes --quiet thidua-xlsx >nul 2>nul
if errorlevel 1 goto :loi_go
echo - Đã gỡ chương trình.
:go_loi_tat
set "CO_LOI_TAT="
if exist "%MAN_HINH%\Thi ?ua.lnk" set "CO_LOI_TAT=1"
if exist "%MAN_HINH%\Thi ?ua.cmd" set "CO_LOI_TAT=1"
if exist "%MAN_HINH%\Thi ?ua.lnk" del /q "%MAN_HINH%\Thi ?ua.lnk" >nul 2>nul
if exist "%MAN_HINH%\Thi ?ua.cmd" del /q "%MAN_HINH%\Thi ?ua.cmd" >nul 2>nul
if defined CO_LOI_TAT echo - Đã xóa lối tắt "Thi đua" trên màn hình nền.
if exist "%DU_LIEU%\" rmdir /s /q "%DU_LIEU%" >nul 2>nul
if exist "%DU_LIEU%\" goto :loi_go
echo - Đã xóa những gì chương trình ghi nhớ trên máy.
echo.
echo XONG. Sổ sách trong thư mục chiến dịch vẫn còn nguyên. Muốn dùng lại chương trình: bấm đúp tệp
echo Cai-dat-thi-dua.bat trong thư mục chương trình.
call :dong_cua_so
exit /b 0

:loi_go
echo.
echo Chưa gỡ xong: chương trình có lẽ đang chạy. Hãy đóng cửa sổ đen của trang thi đua, rồi bấm đúp lại tệp này.
call :dong_cua_so
exit /b 1

:noi_thu_muc
rem The folder printed as it is: an ampersand or a parenthesis in it is not read as cmd syntax.
setlocal EnableDelayedExpansion
echo:Thư mục chiến dịch dùng lần trước, được giữ nguyên: !THU_MUC!
endlocal
exit /b 0

:dong_cua_so
if defined KHONG_HOI exit /b 0
echo Nhấn phím bất kỳ để đóng cửa sổ này.
pause >nul
exit /b 0
