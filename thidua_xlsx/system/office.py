"""Run LibreOffice headless to convert a workbook (xlsx, ods, xls, pdf).

Each conversion gets its own soffice: a fresh profile (``-env:UserInstallation``;
with a shared profile the request would be handed to whichever soffice already runs
on it), its own process group and a private output directory. LibreOffice is found
where its installers put it on Windows, macOS and Linux (:func:`find_soffice`).

LibreOffice quirks handled here:

* ``soffice --convert-to`` exits 0 even when the file could not be loaded, so the
  output file is what decides success.
* By default LibreOffice does not recalculate an .xlsx on load and writes back the
  cached formula results (xlsxwriter caches 0). ``recalc=True`` seeds the profile
  with "always recalculate on load" for OOXML and ODF documents.
* soffice ignores a request to end while it starts up, so a timeout escalates to
  a kill, and ``soffice.bin`` is stopped before its parent (``oosplash``,
  ``soffice.exe``) so that the parent can reap it (no zombies): :func:`stop_tree`,
  with psutil on every system.
* soffice runs in a process group of its own (a Ctrl-C meant for us does not reach it half-way), so
  nothing ends it when we end: :func:`_run` stops it whenever it returns or raises, and turns a request
  to end us (SIGTERM) into an exception for that; the scratch folders of a run killed outright are
  removed by the next one (:func:`thidua_xlsx.system.files.scratch_folder`).
* ``--convert-to`` names the output after the input, so converting into the
  input's own directory would overwrite it; the private output directory avoids
  that until the result is moved into place — whole (:func:`thidua_xlsx.system.files.install`):
  a PDF cut short by a full disk never lies under its final name.
"""
from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from thidua_xlsx.system.files import install, scratch_folder, terminate_as_exit
from thidua_xlsx.text import commands as ct

__all__ = ["OfficeError", "find_soffice", "install_advice", "convert", "convert_beside", "stop_tree", "FORMATS"]

#: ``convert`` format -> ``soffice --convert-to`` argument (extension:filter).
FORMATS = {
    "pdf": "pdf:calc_pdf_Export",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "ods": "ods",
    "xls": "xls:MS Excel 97",
}

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

_RECALC_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


class OfficeError(Exception):
    """LibreOffice is missing, timed out, or produced no output."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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
    import winreg

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


def convert(src: Path, fmt: str, outdir: Path, *, recalc: bool = True,
            timeout: float = 120) -> Path:
    """Convert ``src`` with headless LibreOffice and return the path of the result.

    ``fmt`` is one of :data:`FORMATS` (``"pdf"``, ``"xlsx"``, ``"ods"``, ``"xls"``) or a
    raw ``"ext:Filter name"`` for ``--convert-to``. The result is ``outdir/<stem>.<ext>``,
    replacing a file of that name. Raises :class:`OfficeError` when soffice is missing,
    exceeds ``timeout`` seconds, or writes no output (e.g. the file is not a workbook).
    """
    src = Path(src).resolve()
    outdir = Path(outdir)
    target = FORMATS.get(fmt) or (fmt if ":" in fmt else None)
    if target is None:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    ext = target.split(":", 1)[0]
    if not src.is_file():
        raise OfficeError(ct.OFFICE_NO_INPUT.format(name=src.name))
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(ct.OFFICE_MISSING)

    with scratch_folder("thidua_office_") as work:
        private_out = Path(work) / "out"
        finished, log = _run(soffice, [src], target, private_out, recalc=recalc, timeout=timeout)
        if not finished:
            raise OfficeError(ct.OFFICE_TIMEOUT.format(name=src.name, seconds=f"{timeout:g}"))
        produced = sorted(p for p in private_out.iterdir() if p.is_file() and p.stat().st_size
                          and p.suffix == f".{ext}" and not p.name.startswith(".~lock."))  # a failed try leaves a lock
        if not produced:
            raise OfficeError(ct.OFFICE_FAILED.format(name=src.name, ext=ext) + (f": {log}" if log else ""))
        expected = private_out / f"{src.stem}.{ext}"
        result = expected if expected in produced else produced[0]
        outdir.mkdir(parents=True, exist_ok=True)
        dest = outdir / result.name
        install(result, dest)
        return dest


def convert_beside(sources: list[Path], target: str, *, timeout: float) -> tuple[dict[Path, Path], bool]:
    """Convert several files in one soffice run, each result beside its source (replacing a file of that
    name). ``target`` is a ``--convert-to`` argument ("pdf:writer_pdf_Export"); the sources' names must
    differ (soffice names a result after its input). Returns (source → result, for those converted;
    whether soffice finished within ``timeout``). Raises :class:`OfficeError` when soffice is missing."""
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(ct.OFFICE_MISSING)
    ext = target.split(":", 1)[0]
    sources = [Path(p).resolve() for p in sources]
    with scratch_folder("thidua_office_") as work:
        private_out = Path(work) / "out"
        finished, _log = _run(soffice, sources, target, private_out, recalc=False, timeout=timeout)
        done = {}
        for src in sources:
            produced = private_out / f"{src.stem}.{ext}"
            if produced.is_file() and produced.stat().st_size:
                dest = src.with_suffix(f".{ext}")
                install(produced, dest)
                done[src] = dest
        return done, finished


def _run(soffice: str, sources: list[Path], target: str, outdir: Path, *, recalc: bool,
         timeout: float) -> tuple[bool, str]:
    """One headless soffice converting ``sources`` into ``outdir`` with a fresh profile beside it,
    killed with its whole process tree when it overruns, or when this process is interrupted or asked to
    end (Ctrl-C, SIGTERM: :func:`~thidua_xlsx.system.files.terminate_as_exit`) — soffice runs in a session of
    its own, which a signal to ours never reaches. Returns (finished in time, the tail of its log)."""
    work = outdir.parent
    profile, log = work / "profile", work / "soffice.log"
    (profile / "user").mkdir(parents=True)
    outdir.mkdir()
    if recalc:
        (profile / "user" / "registrymodifications.xcu").write_text(_RECALC_XCU, encoding="utf-8")
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
           "-env:UserInstallation=" + profile.as_uri(),
           "--convert-to", target, "--outdir", str(outdir), *(str(s) for s in sources)]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    finished = True
    with open(log, "wb") as log_file, terminate_as_exit():
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT, env=env,
                                **_own_group())
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            finished = False
        finally:
            if proc.poll() is None:  # overran, or interrupted: its whole tree stopped, nothing of ours left running
                stop_tree(proc.pid)
                proc.wait()
    return finished, _tail(log)


def _own_group() -> dict:
    """soffice in a process group of its own, so that a Ctrl-C meant for us does not reach it half-way."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _tail(log: Path, limit: int = 400) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = [ln for ln in text.splitlines() if ln.strip() and "javaldx" not in ln]
    return " ".join(lines)[-limit:]


STOP_GRACE = 3.0  # seconds soffice is given to end when asked, before it is killed


def stop_tree(pid: int) -> None:
    """Stop the process ``pid`` and every process it started, on any system (psutil).

    The children first (soffice.bin, asked to end, then killed), so that their parent (oosplash on Linux,
    soffice.exe on Windows) reaps them and ends by itself; then the parent. soffice ignores the request
    to end while it starts up, hence the kill after :data:`STOP_GRACE`."""
    import psutil

    try:
        parent = psutil.Process(pid)
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return
    for group in (children, [parent]):
        for process in group:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                process.terminate()
        _, alive = psutil.wait_procs(group, timeout=STOP_GRACE)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                process.kill()
        psutil.wait_procs(alive, timeout=STOP_GRACE)


# Times New Roman and its metric twins: what the papers are set in (Nghị định 30/2020), and what a PDF's
# pages are laid out for; any other font is a fallback the machine chose.
TIMES_FAMILY = ("TimesNewRoman", "Times-Roman", "Times-Bold", "Times-Italic", "LiberationSerif", "Tinos")


def pdf_fonts(path: Path) -> tuple[str, ...]:
    """The fonts a PDF's pages are set in (its /BaseFont names, the subset tags dropped), read from the
    file: LibreOffice writes its font dictionaries uncompressed."""
    found = re.findall(rb"/BaseFont\s*/([A-Za-z0-9+#_.,-]+)", Path(path).read_bytes())
    return tuple(sorted({name.decode("latin-1").split("+")[-1] for name in found}))


def fallback_fonts(fonts) -> tuple[str, ...]:
    """Those of ``fonts`` that are not Times New Roman nor a metric twin of it."""
    return tuple(f for f in fonts if not f.replace(" ", "").startswith(TIMES_FAMILY))

