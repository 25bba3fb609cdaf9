"""Run LibreOffice headless to convert a workbook (xlsx, ods, xls, pdf).

Only the standard library. Each conversion gets its own soffice: a fresh profile
(``-env:UserInstallation``; with a shared profile the request would be handed to
whichever soffice already runs on it), its own session (so a timeout can kill the
whole process tree) and a private output directory.

LibreOffice quirks handled here:

* ``soffice --convert-to`` exits 0 even when the file could not be loaded, so the
  output file is what decides success.
* By default LibreOffice does not recalculate an .xlsx on load and writes back the
  cached formula results (xlsxwriter caches 0). ``recalc=True`` seeds the profile
  with "always recalculate on load" for OOXML and ODF documents.
* soffice ignores SIGTERM while it starts up, so a timeout escalates to SIGKILL,
  and ``soffice.bin`` is killed before its parent ``oosplash`` so that the parent
  can reap it (no zombies).
* ``--convert-to`` names the output after the input, so converting into the
  input's own directory would overwrite it; the private output directory avoids
  that until the result is moved into place — whole (:func:`thidua_xlsx.system.files.install`):
  a PDF cut short by a full disk never lies under its final name.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from thidua_xlsx.system.files import install

__all__ = ["OfficeError", "find_soffice", "convert", "convert_beside", "FORMATS"]

#: ``convert`` format -> ``soffice --convert-to`` argument (extension:filter).
FORMATS = {
    "pdf": "pdf:calc_pdf_Export",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "ods": "ods",
    "xls": "xls:MS Excel 97",
}

_CANDIDATES = ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice")

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


def find_soffice() -> str | None:
    """Path of the LibreOffice ``soffice`` program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates = list(_CANDIDATES) + sorted(glob.glob("/opt/libreoffice*/program/soffice"),
                                            reverse=True)
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


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
        raise OfficeError(f"input file not found: {src}")
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError("LibreOffice (soffice) is not installed")

    with tempfile.TemporaryDirectory(prefix="thidua_office_", ignore_cleanup_errors=True) as work:
        private_out = Path(work) / "out"
        finished, log = _run(soffice, [src], target, private_out, recalc=recalc, timeout=timeout)
        if not finished:
            raise OfficeError(f"LibreOffice did not finish converting {src.name} within {timeout:g} s")
        produced = sorted(p for p in private_out.iterdir() if p.is_file() and p.stat().st_size
                          and p.suffix == f".{ext}" and not p.name.startswith(".~lock."))  # a failed try leaves a lock
        if not produced:
            raise OfficeError(f"LibreOffice could not convert {src.name} to {ext}" + (f": {log}" if log else ""))
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
        raise OfficeError("LibreOffice (soffice) is not installed")
    ext = target.split(":", 1)[0]
    sources = [Path(p).resolve() for p in sources]
    with tempfile.TemporaryDirectory(prefix="thidua_office_", ignore_cleanup_errors=True) as work:
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
    killed with its whole process tree when it overruns. Returns (finished in time, the tail of its log)."""
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
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_file,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            finished = False
        finally:
            _kill_tree(proc)   # normally a no-op: nothing of ours is left running
    return finished, _tail(log)


def _tail(log: Path, limit: int = 400) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = [ln for ln in text.splitlines() if ln.strip() and "javaldx" not in ln]
    return " ".join(lines)[-limit:]


def _descendants(pid: int) -> list[int]:
    """Descendant pids of ``pid`` from /proc ([] where /proc is unavailable)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
            ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            stat = f.read()
        return stat[stat.rfind(")") + 2] != "Z"
    except OSError:
        return False


def _kill_tree(proc: subprocess.Popen) -> None:
    """Stop soffice: first soffice.bin (SIGTERM, then SIGKILL), so that its parent
    oosplash reaps it and exits by itself; then oosplash and the whole session."""
    leader = proc.pid
    if proc.poll() is None:
        for sig, grace in ((signal.SIGTERM, 3.0), (signal.SIGKILL, 2.0)):
            kids = [p for p in _descendants(leader) if _alive(p)]
            if not kids:
                break
            for pid in kids:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and any(_alive(p) for p in kids):
                time.sleep(0.05)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                proc.wait(timeout=1.0)
                break
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(leader, sig)
                except (ProcessLookupError, PermissionError):
                    pass
        try:
            proc.wait(timeout=2.0)
        except subprocess.TimeoutExpired:
            pass
    try:   # anything else left in soffice's session
        os.killpg(leader, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


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

