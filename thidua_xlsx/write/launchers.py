"""The double-click files ``init`` leaves in a campaign folder: each opens the page of that folder
(``thidua-xlsx ui``) with the tool installed where ``init`` ran — ``.bat`` for Windows, ``.command`` for macOS (the
Finder runs it in Terminal), ``.sh`` for Linux. The folder is the launcher's own (moved with the folder, it still
opens that folder). The Python that ran ``init`` is named first; gone (another computer, a reinstall), the
``thidua-xlsx`` on the PATH, then on Windows the Python of ``py -3`` or of ``python`` that has the tool (where the
installer puts it); none, the launcher says so in Vietnamese and waits.

A launcher is rewritten only when it is one of ours (its marker line); a file of that name someone made is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath

from thidua_xlsx.system.files import replacing
from thidua_xlsx.text.commands import LAUNCHER_CLOSE, LAUNCHER_GONE_BAT, LAUNCHER_GONE_SHELL
from thidua_xlsx.text.ui import LAUNCHER_STEM

MARKER = "thidua-xlsx: mo trang thi dua"  # in every launcher of ours (ASCII: read the same in any code page)


def _bat(python: PurePath) -> str:
    # Jumps, never a ( … ) block: a ")" in a message inside a block would end the block there. Its Python gone (a
    # folder brought from another PC, a Python reinstalled): the thidua-xlsx on the PATH, looked up by the for loop's
    # %~$PATH: (Wine's where.exe answers "found" for anything); else where the installer puts the tool, with pip
    # --user (its thidua-xlsx.exe on no PATH): the Python of "py -3", else of "python", that has it.
    exe = str(python).replace("%", "%%")
    lines = ["@echo off", f"rem {MARKER}", "chcp 65001 >nul", 'cd /d "%~dp0"',
             f'if not exist "{exe}" goto :tren_path', f'"{exe}" -m thidua_xlsx ui "%~dp0."', "goto :xong",
             ":tren_path", 'for %%P in (thidua-xlsx.exe) do if not "%%~$PATH:P"=="" goto :co_lenh',
             'py -3 -c "import thidua_xlsx" >nul 2>nul', "if not errorlevel 1 goto :co_py",
             'python -c "import thidua_xlsx" >nul 2>nul', "if not errorlevel 1 goto :co_python",
             f"echo {LAUNCHER_GONE_BAT}", "pause", "exit /b 1",
             ":co_py", 'py -3 -m thidua_xlsx ui "%~dp0."', "goto :xong",
             ":co_python", 'python -m thidua_xlsx ui "%~dp0."', "goto :xong",
             ":co_lenh", 'thidua-xlsx ui "%~dp0."', ":xong", "if errorlevel 1 pause", ""]
    return "\r\n".join(lines)  # cmd.exe reads CRLF lines


def _shell(python: PurePath) -> str:
    exe = "'" + str(python).replace("'", "'\\''") + "'"
    return "\n".join([
        "#!/bin/sh", f"# {MARKER}", 'cd "$(dirname "$0")" || exit 1', f"PYTHON={exe}",
        'if [ -x "$PYTHON" ]; then exec "$PYTHON" -m thidua_xlsx ui "$(pwd)"; fi',
        'if command -v thidua-xlsx >/dev/null 2>&1; then exec thidua-xlsx ui "$(pwd)"; fi',
        f"echo '{LAUNCHER_GONE_SHELL}'", f"printf '%s' '{LAUNCHER_CLOSE}'; read -r _", "exit 1", ""])


def launcher_texts(python: PurePath) -> dict[str, str]:
    """The launchers' names and texts for the Python at ``python`` (a Windows or a POSIX path)."""
    shell = _shell(python)
    return {f"{LAUNCHER_STEM}.bat": _bat(python), f"{LAUNCHER_STEM}.command": shell, f"{LAUNCHER_STEM}.sh": shell}


def write_launchers(folder: Path, python: PurePath | None = None) -> list[Path]:
    """Write the launchers into ``folder`` (those missing, or ours to renew); returns those written."""
    written = []
    for name, text in launcher_texts(python or PurePath(sys.executable)).items():
        path = folder / name
        if path.exists() and MARKER.encode() not in path.read_bytes()[:400]:
            continue  # someone's own file of that name: kept
        with replacing(path) as tmp:
            tmp.write_bytes(text.encode("utf-8"))
            if not name.endswith(".bat"):
                tmp.chmod(0o755)
        written.append(path)
    return written
