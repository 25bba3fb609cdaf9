"""Where LibreOffice is on this computer — where its installers put it on Windows, macOS and Linux, or where the
user says (:data:`SOFFICE_VARIABLE`) — and how to install it, in each system's words (:mod:`thidua_xlsx.system.office`
runs it)."""

from __future__ import annotations

import glob
import os
import shutil
import sys

from thidua_xlsx.text import commands as ct

#: An environment variable naming the soffice program (or LibreOffice's folder) when it is somewhere else.
SOFFICE_VARIABLE = "THIDUA_XLSX_SOFFICE"
#: Where LibreOffice's installers put it, by system, for when it is not on PATH (on Windows and macOS it never is).
_LINUX_PLACES = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice*/program/soffice",
                 "/snap/bin/libreoffice")
_MACOS_PLACES = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 "~/Applications/LibreOffice.app/Contents/MacOS/soffice")
_WINDOWS_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")  # each + LibreOffice*\program
#: Where the Windows installer records its program folder (the default value of the key): for all users, a 32-bit
#: LibreOffice on a 64-bit Windows, and for this user only.
_WINDOWS_KEYS = (("HKEY_LOCAL_MACHINE", r"SOFTWARE\LibreOffice\UNO\InstallPath"),
                 ("HKEY_LOCAL_MACHINE", r"SOFTWARE\WOW6432Node\LibreOffice\UNO\InstallPath"),
                 ("HKEY_CURRENT_USER", r"SOFTWARE\LibreOffice\UNO\InstallPath"))

def find_soffice(platform: str | None = None, environ=None, registry=None) -> str | None:
    """Path of the LibreOffice ``soffice`` program, or None when it is not installed.

    Looked for in this order: the folder or program named by :data:`SOFFICE_VARIABLE`, PATH, then where the
    installers of ``platform`` (``sys.platform`` by default) put it — on Windows the folder recorded in the
    registry (``registry()``: the recorded folders; read with ``winreg`` by default), then Program Files
    (64- and 32-bit) and the user's own programs; on macOS the application bundle."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    windows = platform == "win32"
    program = "soffice.exe" if windows else "soffice"
    named = environ.get(SOFFICE_VARIABLE, "").strip().strip('"')
    if named:
        for path in (named, os.path.join(named, program), os.path.join(named, "program", program)):
            if _runnable(path):
                return path
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return found
    if windows:
        recorded = (registry or _windows_recorded_folders)()
        places = [os.path.join(folder, program) for folder in recorded]
        places += [os.path.join(environ[var], "LibreOffice*", "program", program)
                   for var in _WINDOWS_FOLDERS if environ.get(var)]
    elif platform == "darwin":
        places = [os.path.expanduser(place) for place in _MACOS_PLACES]
    else:
        places = list(_LINUX_PLACES)
    for place in places:
        for path in sorted(glob.glob(place), reverse=True) if glob.has_magic(place) else [place]:
            if _runnable(path):
                return path  # the newest version first where several lie side by side (LibreOffice 24.8, 25.2)
    return None


def _runnable(path: str) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _windows_recorded_folders() -> list[str]:
    """The program folders LibreOffice's Windows installer recorded in the registry (see :data:`_WINDOWS_KEYS`)."""
    if sys.platform != "win32":
        return []
    import winreg  # deferred: Windows only

    folders = []
    for hive, key in _WINDOWS_KEYS:
        try:
            with winreg.OpenKey(getattr(winreg, hive), key) as opened:
                value, _kind = winreg.QueryValueEx(opened, "")
        except OSError:
            continue
        if isinstance(value, str) and value.strip():
            folders.append(value.strip())
    return folders


def install_advice(platform: str | None = None) -> str:
    """How to install LibreOffice, in the words of ``platform``'s users (``sys.platform`` by default)."""
    platform = platform or sys.platform
    system = "windows" if platform == "win32" else "macos" if platform == "darwin" else "linux"
    return ct.OFFICE_INSTALL[system].format(variable=SOFFICE_VARIABLE)
