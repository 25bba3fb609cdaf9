"""Run LibreOffice headless to convert a workbook (xlsx, ods, xls, pdf) or the papers (docx to pdf).

Each conversion gets its own soffice, process group and private output directory, on a profile
(``-env:UserInstallation``) kept in the user's cache folder between runs — a fresh profile costs a start and a
restart —, one run at a time (:func:`_kept`): the papers' (also taken by a workbook converted as it is), and the
workbooks' (seeded to recalculate); a run finding one held converts on a fresh profile of its own. The papers go to a
soffice started ahead while they are written (:func:`started_ahead`): on a shared profile LibreOffice hands a request
to the soffice already running on it. LibreOffice is found where its installers put it on Windows, macOS and Linux
(:mod:`thidua_xlsx.system.office_found`).

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
  no signal to us reaches it: :func:`_run` stops it whenever it returns or raises, and turns a request
  to end us (SIGTERM) into an exception for that.
* A run killed outright (kill -9, the task ended, a power cut) runs no clean-up, so soffice is started so
  that the system ends it with the run (:func:`_started`). soffice is not one process: ``soffice`` (a
  shell script on Linux) becomes ``oosplash``, which starts ``soffice.bin`` — the worker — and, with a
  fresh profile, starts it a second time (the first exits asking for a restart). What ends with the run
  must therefore be the whole tree, not the process we start:

  - Linux: a parent-death signal (``prctl(PR_SET_PDEATHSIG)``) reaches one process only, and is not
    inherited by what it forks; set on ``oosplash``, it would leave ``soffice.bin`` converting to the
    end (measured here: 30 s on a large workbook). So a small guard (:data:`_GUARD`, this Python, a few
    lines, no thidua_xlsx imported) is started instead: it asks for SIGTERM when the run ends, becomes
    the reaper of its orphaned descendants (``PR_SET_CHILD_SUBREAPER``: ``soffice.bin`` stays below it
    when ``oosplash`` dies), starts soffice and, on that signal, kills every process below it (psutil).
    The guard sets the signal on itself after ``exec`` (no ``preexec_fn``, which is unsafe here: the
    page runs commands in threads) and then checks its parent is still the run (it may have died a
    moment before). The signal is sent when the *thread* that started the guard ends; that thread waits
    for soffice (:func:`_run`), so it cannot end first.
  - Windows: soffice.exe is started suspended, put in a job object that kills every process in it when
    its last handle closes (``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``; soffice.bin, started by soffice.exe,
    is in the job too), then let run. Only the run holds the handle: when the run dies, however it
    dies, Windows closes it and ends the tree. Where the job cannot be made (a Windows before 8, where this run
    may already be in a job of its own) soffice runs unguarded.
  - macOS has neither; a killed run's soffice ends when its conversion does (a watchdog polling for its
    parent is not added: it would be a third process for every conversion, to save seconds).

  Wherever soffice outlived its run, the next run stops it and removes the run's scratch folders — those
  whose run, named in the folder's name, is no longer running; never a running run's
  (:func:`thidua_xlsx.system.files.remove_abandoned_scratch`).
* LibreOffice makes a temporary folder of its own, removed when it ends — not when it is killed: it is made
  inside the conversion's scratch folder (:data:`_TEMPORARY_VARIABLES`), so that it goes with it.
* LibreOffice runs its graphics self-tests (``GraphicsRenderTests``: bitmaps up to 4096×4096 pixels drawn, read
  back and dropped) at each start until its profile records a last version at least its own — which only its window
  records, never a headless run. They were most of every start: an empty text to PDF on a kept profile took 1.27 s
  of CPU and 289,000 page faults with them, 0.26 s and 10,000 without (LibreOffice 7.4 on Linux). Each profile made
  here is told a last version no LibreOffice reaches (:data:`_LAST_VERSION`), and a kept one made before is told it
  when it is taken (:func:`_told_its_last_version`).
* ``--convert-to`` names the output after the input, so converting into the
  input's own directory would overwrite it; the private output directory avoids
  that until the result is moved into place — whole (:func:`thidua_xlsx.system.files.install`):
  a PDF cut short by a full disk never lies under its final name.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thidua_xlsx.system import lock
from thidua_xlsx.system.console import terminate_as_exit
from thidua_xlsx.system.files import PROFILE_OPTION, install, replacing, scratch_folder
from thidua_xlsx.system.office_found import SOFFICE_VARIABLE, find_soffice, install_advice
from thidua_xlsx.text import commands as ct

__all__ = ["OfficeError", "SOFFICE_VARIABLE", "find_soffice", "install_advice", "convert", "convert_beside",
           "started_ahead", "stop_tree", "FORMATS"]

#: ``convert`` format -> ``soffice --convert-to`` argument (extension:filter).
FORMATS = {
    "pdf": "pdf:calc_pdf_Export",
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "ods": "ods",
    "xls": "xls:MS Excel 97",
}

#: The profiles' settings, as LibreOffice keeps them (``user/registrymodifications.xcu``).
_SETTINGS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
"""
_SETTINGS_END = "</oor:items>"
#: The last version LibreOffice ran as (see the module): it compares major × 10 + minor, so no version reaches 99.9.
_LAST_VERSION = """<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" \
oor:op="fuse"><value>99.9</value></prop></item>
"""
#: "Always recalculate on load", for OOXML and ODF documents: the workbooks' profile.
_RECALC = """<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" \
oor:op="fuse"><value>0</value></prop></item>
"""


class OfficeError(Exception):
    """LibreOffice is missing, timed out, or produced no output."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def convert(src: Path, fmt: str, outdir: Path, *, recalc: bool = True,
            timeout: float = 120) -> Path:
    """Convert ``src`` with headless LibreOffice and return the path of the result, on the profile kept for
    workbooks recalculated on load (``recalc``), else on the papers' (:func:`_kept`).

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

    with scratch_folder("thidua_office_") as work, contextlib.ExitStack() as stack:
        finished, log, private_out = _converted(soffice, [src], target, Path(work), kept=_kept(stack, recalc),
                                                recalc=recalc, timeout=timeout)
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


def convert_beside(sources: list[Path], target: str, *, timeout: float,
                   ahead: Path | None = None) -> tuple[dict[Path, Path], bool]:
    """Convert several files in one soffice run, each result beside its source (replacing a file of that
    name). ``target`` is a ``--convert-to`` argument ("pdf:writer_pdf_Export"); the sources' names must
    differ (soffice names a result after its input). ``ahead``: the profile of a LibreOffice
    :func:`started_ahead` for them, handed the files (else the kept profile is taken, when free). Returns
    (source → result, for those converted; whether soffice finished within ``timeout``). Raises
    :class:`OfficeError` when soffice is missing."""
    soffice = find_soffice()
    if soffice is None:
        raise OfficeError(ct.OFFICE_MISSING)
    ext = target.split(":", 1)[0]
    sources = [Path(p).resolve() for p in sources]
    with scratch_folder("thidua_office_") as work, contextlib.ExitStack() as stack:
        kept = ahead if ahead is not None else _kept(stack)
        finished, _log, private_out = _converted(soffice, sources, target, Path(work), kept=kept, recalc=False,
                                                 timeout=timeout)
        done = {}
        for src in sources:
            produced = private_out / f"{src.stem}.{ext}"
            if produced.is_file() and produced.stat().st_size:
                dest = src.with_suffix(f".{ext}")
                install(produced, dest)
                done[src] = dest
        return done, finished


@contextlib.contextmanager
def started_ahead() -> Iterator[Path | None]:
    """A LibreOffice started now, on the profile kept for documents (:func:`_kept`), so that its start — a
    second of the conversion's wait — goes on while the run makes the files it will convert. Gives its profile:
    :func:`convert_beside` given it (``ahead``) starts a soffice on the same profile, which hands the files
    to this one (LibreOffice's one instance per profile), waits until they are converted and ends. This one holds
    an empty text file open, hidden: without a document open, LibreOffice ends after the first files handed to it,
    and the next would wait for a start again; with it, files are handed as they are made. Stopped with its tree
    when the block ends. None (each conversion
    then starts its own) where LibreOffice is missing, where nothing would end it with a run killed outright
    (macOS: :func:`_started`), or when the kept profile is another run's or cannot be made."""
    soffice = find_soffice()
    platform = sys.platform
    if soffice is None or not (platform == "win32" or platform.startswith("linux") and sys.executable):
        yield None
        return
    with contextlib.ExitStack() as stack:
        profile = _kept(stack)
        if profile is None:
            yield None
            return
        work = Path(stack.enter_context(scratch_folder("thidua_office_")))
        (work / "tmp").mkdir()
        held = work / "held-open.txt"
        held.write_bytes(b"")
        log = stack.enter_context(open(work / "soffice.log", "wb"))
        stack.enter_context(terminate_as_exit())
        proc = stack.enter_context(_started([soffice, *_OPTIONS, PROFILE_OPTION + profile.as_uri(), str(held)],
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                            env=_environment(work / "tmp")))
        stack.callback(_stopped, proc)
        yield profile


def _stopped(proc: subprocess.Popen) -> None:
    """``proc`` and its tree stopped if it still runs — idle, its files converted: given :data:`AHEAD_GRACE` to
    end, not :data:`STOP_GRACE` —, and reaped."""
    if proc.poll() is None:
        stop_tree(proc.pid, AHEAD_GRACE)
        proc.wait()


#: The user's folder for what the tool keeps between runs and may make again: Windows' local application data
#: (removed with the program by the uninstaller), macOS' Caches, elsewhere XDG's cache folder.
CACHE_NAME = "thidua-xlsx"
#: The profiles kept there: for the papers (and a workbook converted as it is), and for workbooks recalculated on load.
KEPT_PROFILE, KEPT_RECALC_PROFILE = "libreoffice", "libreoffice-recalc"


def cache_folder(platform: str | None = None, environ=None) -> Path:
    """The user's cache folder of this tool, on ``platform`` (``sys.platform`` by default)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    home = Path(environ.get("USERPROFILE" if platform == "win32" else "HOME") or Path.home())
    if platform == "win32":
        return Path(environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / CACHE_NAME / "cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / CACHE_NAME
    return Path(environ.get("XDG_CACHE_HOME") or home / ".cache") / CACHE_NAME


def _kept(stack: contextlib.ExitStack, recalc: bool = False) -> Path | None:
    """A LibreOffice profile kept between runs in the user's cache folder — the one seeded to recalculate workbooks
    on load when ``recalc`` (:data:`KEPT_RECALC_PROFILE`), else the papers' (:data:`KEPT_PROFILE`) —, held by this
    run alone until ``stack`` closes (a lock file beside it, taken over when its run was killed), made the first
    time — a fresh profile costs LibreOffice a start and a restart. None, at once, when another run (or another
    conversion of this one) holds it or the folder cannot be written: the conversion then runs on a fresh profile
    of its own."""
    profile = cache_folder() / (KEPT_RECALC_PROFILE if recalc else KEPT_PROFILE)
    try:
        profile.parent.mkdir(parents=True, exist_ok=True)
        stack.enter_context(lock.holding([lock.lock_path(profile)], "libreoffice"))
        if not (profile / "user").is_dir():
            shutil.rmtree(profile, ignore_errors=True)
            _new_profile(profile, recalc)
        else:
            _told_its_last_version(profile)
    except (OSError, lock.Busy):
        return None
    return profile


def _new_profile(profile: Path, recalc: bool) -> None:
    """An empty profile for soffice to fill, told its last version, seeded to recalculate workbooks on load when
    ``recalc``."""
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        _SETTINGS_HEAD + _LAST_VERSION + (_RECALC if recalc else "") + _SETTINGS_END + "\n", encoding="utf-8")


def _told_its_last_version(profile: Path) -> None:
    """A kept profile made before it was told (see the module): the setting added to those LibreOffice wrote,
    the file replaced whole. Settings that do not end as LibreOffice ends them, or that cannot be read or written,
    are left as they are: LibreOffice then only tests its graphics again."""
    settings = profile / "user" / "registrymodifications.xcu"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        text = settings.read_text(encoding="utf-8")
        if "ooSetupLastVersion" not in text and text.rstrip().endswith(_SETTINGS_END):
            end = text.rindex(_SETTINGS_END)
            with replacing(settings) as written:
                written.write_text(text[:end] + _LAST_VERSION + text[end:], encoding="utf-8")


def _converted(soffice: str, sources: list[Path], target: str, work: Path, *, kept: Path | None, recalc: bool,
               timeout: float) -> tuple[bool, str, Path]:
    """``sources`` converted into a folder in ``work`` on the ``kept`` profile, else on a fresh one there.
    A kept profile that gave none of the results, or overran, may be broken: it is removed (made anew by the
    next run), and a conversion that gave nothing in time is run once more on a fresh profile. Returns
    (finished in time, the tail of soffice's log, the folder of the results)."""
    ext = target.split(":", 1)[0]
    if kept is not None:
        out = work / "out"
        finished, log = _run(soffice, sources, target, out, kept, timeout=timeout)
        if finished and any(p.suffix == f".{ext}" and p.stat().st_size for p in out.iterdir() if p.is_file()):
            return finished, log, out
        shutil.rmtree(kept, ignore_errors=True)
        if not finished:
            return finished, log, out
    _new_profile(work / "profile", recalc)
    out = work / "out-fresh"
    finished, log = _run(soffice, sources, target, out, work / "profile", timeout=timeout)
    return finished, log, out


#: soffice's options for every run: no window, no recovery nor lock dialog, no start centre.
_OPTIONS = ("--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault")


def _environment(temporary: Path) -> dict[str, str]:
    """soffice's environment: ours without Python's variables, its temporary folder ``temporary``."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(dict.fromkeys(_TEMPORARY_VARIABLES, str(temporary)))  # its lu*.tmp folder in ours, whatever happens
    return env


def _run(soffice: str, sources: list[Path], target: str, outdir: Path, profile: Path, *,
         timeout: float) -> tuple[bool, str]:
    """One headless soffice converting ``sources`` into ``outdir`` on ``profile``, killed with its whole
    process tree when it overruns, or when this process is interrupted or asked to end (Ctrl-C, SIGTERM:
    :func:`~thidua_xlsx.system.console.terminate_as_exit`) — soffice runs in a session of its own, which a signal
    to ours never reaches. Its log and temporary folder beside ``outdir``. Returns (finished in time, the tail
    of its log)."""
    log, temporary = outdir.with_name(outdir.name + ".log"), outdir.with_name(outdir.name + ".tmp")
    outdir.mkdir()
    temporary.mkdir()
    cmd = [soffice, *_OPTIONS, PROFILE_OPTION + profile.as_uri(),
           "--convert-to", target, "--outdir", str(outdir), *(str(s) for s in sources)]
    finished = True
    with open(log, "wb") as log_file, terminate_as_exit(), \
            _started(cmd, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                     env=_environment(temporary)) as proc:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            finished = False
        finally:
            if proc.poll() is None:  # overran, or interrupted: its whole tree stopped, nothing of ours left running
                stop_tree(proc.pid)
                proc.wait()
    return finished, _tail(log)


# --- soffice started so that it ends with the run (see the module) --------------------------------------

#: The guard soffice is started under on Linux: ``python -I -c _GUARD <the run's pid> <psutil's folder> <soffice…>``.
#: Isolated (-I: no PYTHON* variable, no user site), it imports only the standard library and the run's own
#: psutil. SIGTERM — sent by Linux when the run ends (PR_SET_PDEATHSIG), or by :func:`stop_tree` — kills every
#: process below it, looking again until none is left (one started meanwhile, soffice.bin's restart on a fresh
#: profile, is killed too); so does soffice's own end (nothing it started outlives it).
_GUARD = """\
import ctypes, os, signal, subprocess, sys
run, modules, *command = sys.argv[1:]
sys.path.insert(0, modules)
import psutil

def stop_below():
    for _ in range(100):  # again until none is left alive: oosplash may start soffice.bin while the first are killed
        alive = []
        for process in psutil.Process().children(recursive=True):
            try:
                if process.status() != psutil.STATUS_ZOMBIE:
                    process.kill()
                    alive.append(process)
            except psutil.Error:
                pass
        if not alive:
            return
        psutil.wait_procs(alive, timeout=0.5)

def end(signum=signal.SIGTERM, frame=None):
    stop_below()
    os._exit(128 + signum)

signal.signal(signal.SIGTERM, end)
prctl = ctypes.CDLL(None, use_errno=True).prctl
prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG: SIGTERM to this guard when the run ends
prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: soffice.bin, orphaned by oosplash, stays below this guard
if os.getppid() != int(run):  # the run ended before the signal was asked for
    end()
code = subprocess.Popen(command).wait()
stop_below()
os._exit(code if code >= 0 else 128 - code)
"""

# Windows' values (winbase.h, winnt.h, jobapi2.h), for ctypes: no pywin32.
_CREATE_SUSPENDED, _CREATE_NEW_PROCESS_GROUP = 0x00000004, 0x00000200
_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9  # JobObjectExtendedLimitInformation
_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
_PROCESS_TERMINATE, _PROCESS_SET_QUOTA = 0x0001, 0x0100  # what AssignProcessToJobObject needs of the process


class _BasicLimits(ctypes.Structure):  # JOBOBJECT_BASIC_LIMIT_INFORMATION
    _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", ctypes.c_uint32), ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", ctypes.c_uint32),
                ("Affinity", ctypes.c_size_t), ("PriorityClass", ctypes.c_uint32),
                ("SchedulingClass", ctypes.c_uint32)]


class _IoCounters(ctypes.Structure):  # IO_COUNTERS
    _fields_ = [(name, ctypes.c_uint64) for name in ("ReadOperationCount", "WriteOperationCount",
                                                     "OtherOperationCount", "ReadTransferCount",
                                                     "WriteTransferCount", "OtherTransferCount")]


class _ExtendedLimits(ctypes.Structure):  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION: 144 bytes on 64-bit Windows
    _fields_ = [("BasicLimitInformation", _BasicLimits), ("IoInfo", _IoCounters),
                ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]


@contextlib.contextmanager
def _started(cmd: list[str], platform: str | None = None, **popen: Any) -> Iterator[subprocess.Popen]:
    """``cmd`` (soffice) started with ``popen`` (Popen's arguments) in a process group of its own, so that it
    ends with this run however the run ends, where ``platform`` (``sys.platform`` by default) allows (see the
    module): under :data:`_GUARD` on Linux, in a job object on Windows; as it is on macOS."""
    platform = platform or sys.platform
    if platform == "win32":
        with _in_job(cmd, popen) as proc:
            yield proc
    elif platform.startswith("linux") and sys.executable:
        yield subprocess.Popen([sys.executable, "-I", "-c", _GUARD, str(os.getpid()), _psutil_folder(), *cmd],
                               start_new_session=True, **popen)
    else:
        yield subprocess.Popen(cmd, start_new_session=True, **popen)


def _psutil_folder() -> str:
    """The folder the run's psutil is imported from, for the guard (which sees no user site)."""
    import psutil  # deferred: psutil at start-up

    return str(Path(psutil.__file__).resolve().parent.parent)


@contextlib.contextmanager
def _in_job(cmd: list[str], popen: dict[str, Any]) -> Iterator[subprocess.Popen]:
    """Windows: ``cmd`` started suspended (nothing of it runs, nothing is started by it, before it is in the
    job), put in a kill-on-close job, then resumed; the job's handle — the only one — closed when the block
    ends (what is still in the job then ends with it) or when the run dies."""
    kernel32 = _kernel32()
    proc = subprocess.Popen(cmd, creationflags=_CREATE_NEW_PROCESS_GROUP | _CREATE_SUSPENDED, **popen)
    job = None
    try:
        job = _kill_on_close_job(kernel32, proc.pid)
        _resume(proc.pid)
    except BaseException:
        proc.kill()  # suspended: it never ran
        proc.wait()
        if job:
            kernel32.CloseHandle(job)
        raise
    try:
        yield proc
    finally:
        if job:
            kernel32.CloseHandle(job)


def _kill_on_close_job(kernel32: Any, pid: int) -> int | None:
    """A job object that ends every process in it when its last handle closes, the process ``pid`` in it;
    its handle, or None when Windows refuses (soffice then runs unguarded)."""
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return None
    limits = _ExtendedLimits()
    limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    assigned = False
    if kernel32.SetInformationJobObject(job, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION, ctypes.byref(limits),
                                        ctypes.sizeof(limits)):
        process = kernel32.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
        if process:
            assigned = bool(kernel32.AssignProcessToJobObject(job, process))
            kernel32.CloseHandle(process)
    if not assigned:
        kernel32.CloseHandle(job)
        return None
    return job


def _kernel32() -> Any:
    """Windows' kernel32, with the signatures used here (a handle is a pointer: 64 bits on 64-bit Windows)."""
    if sys.platform != "win32":
        raise OSError("kernel32 is Windows' own")
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle, flag = ctypes.c_void_p, ctypes.c_int
    kernel32.CreateJobObjectW.argtypes, kernel32.CreateJobObjectW.restype = [ctypes.c_void_p, ctypes.c_wchar_p], handle
    kernel32.SetInformationJobObject.argtypes = [handle, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
    kernel32.SetInformationJobObject.restype = flag
    kernel32.OpenProcess.argtypes, kernel32.OpenProcess.restype = [ctypes.c_uint32, flag, ctypes.c_uint32], handle
    kernel32.AssignProcessToJobObject.argtypes, kernel32.AssignProcessToJobObject.restype = [handle, handle], flag
    kernel32.CloseHandle.argtypes, kernel32.CloseHandle.restype = [handle], flag
    return kernel32


def _resume(pid: int) -> None:
    """Let the suspended process ``pid`` run (psutil: NtResumeProcess on Windows)."""
    import psutil  # deferred: psutil at start-up

    psutil.Process(pid).resume()


#: Where LibreOffice makes its own temporary folder (``lu<random>.tmp``, left behind when it is killed): TMPDIR on
#: macOS and Linux, TMP and TEMP on Windows. Pointed into the conversion's scratch folder, it goes with it.
_TEMPORARY_VARIABLES = ("TMPDIR", "TMP", "TEMP")


def _tail(log: Path, limit: int = 400) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    lines = [ln for ln in text.splitlines() if ln.strip() and "javaldx" not in ln]
    return " ".join(lines)[-limit:]


STOP_GRACE = 3.0  # seconds soffice is given to end when asked, before it is killed
AHEAD_GRACE = 0.3  # the same for the soffice started ahead, its papers converted (its profile, if cut, made anew)


def stop_tree(pid: int, grace: float = STOP_GRACE) -> None:
    """Stop the process ``pid`` and every process it started, on any system (psutil).

    The children first (soffice.bin, asked to end, then killed), so that their parent (oosplash on Linux,
    soffice.exe on Windows) reaps them and ends by itself; then the parent. soffice ignores the request
    to end while it starts up, hence the kill after ``grace`` seconds. A process that has ended already and waits
    for its parent to collect it (a zombie: the gpg helpers a soffice that converted leaves so) is not waited for —
    it goes with its parent."""
    import psutil  # deferred: psutil at start-up

    try:
        parent = psutil.Process(pid)
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return
    for group in (_running(children), _running([parent])):
        for process in group:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                process.terminate()
        _, alive = psutil.wait_procs(group, timeout=grace)
        for process in alive:
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                process.kill()
        psutil.wait_procs(alive, timeout=STOP_GRACE)


def _running(processes: list) -> list:
    """Those of ``processes`` (psutil's) that have not ended: neither gone nor a zombie."""
    import psutil  # deferred: psutil at start-up

    found = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.NoSuchProcess:
            continue
        except psutil.AccessDenied:
            found.append(process)
    return found


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

