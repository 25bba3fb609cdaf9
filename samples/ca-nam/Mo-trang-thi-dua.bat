@echo off
rem thidua-xlsx: mo trang thi dua
chcp 65001 >nul
cd /d "%~dp0"
if exist "/work/main/.venv/bin/python" (
  "/work/main/.venv/bin/python" -m thidua_xlsx ui "%~dp0."
  goto :done
)
where thidua-xlsx >nul 2>nul
if errorlevel 1 (
  echo Không tìm thấy chương trình thidua-xlsx trên máy này. Hãy cài lại (pip install thidua-xlsx) rồi bấm đúp lại tệp này.
  pause
  exit /b 1
)
thidua-xlsx ui "%~dp0."
:done
if errorlevel 1 pause
