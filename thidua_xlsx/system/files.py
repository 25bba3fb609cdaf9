"""Files written whole, and the machine's refusals said in words.

Every file the tool writes is written under a temporary name beside its target and renamed over the target
only once complete (:func:`replacing`; :func:`install` for a file made elsewhere, such as LibreOffice's
PDF): whoever opens the target finds the old file or the new one, never half of one. When anything fails —
a full disk, a folder that may not be written, the target open in Excel on Windows, Ctrl-C — the temporary
file is removed and the error is raised again as a :class:`WriteError` naming the target (never the
temporary name), so nothing partial remains under a final name nor beside it.

The temporary name is ``<name>.<run>.<random>.tmp`` (the name cut to :data:`TMP_STEM` characters: a target whose
name is near the system's limit still has a temporary name; ``<run>``: the process writing it, its id and its start
as a scratch folder names them): two runs never share one. Only a run killed outright (the power cut, the window
closed, the task ended) leaves one; the next run that holds the target, or writes in its folder, removes those it
can tell are ours and abandoned (:func:`remove_abandoned`): named exactly so (eight lowercase hexadecimal digits
before ``.tmp``: never a file a person named), and either written by a run no longer running, or for a target that
run now holds (no other run can be writing it), or untouched for :data:`ABANDONED_SECONDS` (a name without its run,
as earlier versions wrote them). The scratch folders of :func:`scratch_folder` left in the system's temporary folder
name the run that made them (its process id and start time): the next run removes those whose run is no longer
running, at once, after stopping a LibreOffice that outlived its run in one, and never a running run's
(:func:`remove_abandoned_scratch`). A run asked to end (SIGTERM on macOS and Linux: ``kill``, a system monitor)
ends as Ctrl-C does, every clean-up done (:func:`~thidua_xlsx.system.console.terminate_as_exit`); Windows ends a
process outright, and the next run cleans what it left.

:func:`check_writable` asks the machine before any work whether a target could be written (its folder
writable, its name within the limit, on Windows the file not held open by Excel); :func:`fault_text` says
an OSError as one Vietnamese sentence with what to do (free disk space, close the file in Excel, choose
another folder or a shorter path).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import secrets
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from thidua_xlsx.text import commands as ct

TMP_STEM = 60  # characters of the target's name kept in its temporary name
NAME_MAX = 255  # of one name: bytes on ext4 and APFS, UTF-16 units on NTFS and exFAT
PROBE_NAME = "thidua-xlsx"  # of the temporary file made to try a folder
# The temporary names this tool makes: the target's name, the run writing it (none in earlier versions), 8 random.
TEMPORARY = re.compile(r"(?P<target>.+?)(?:\.(?P<pid>[0-9]+)-(?P<started>[0-9]+))?\.[0-9a-f]{8}\.tmp")
# A scratch folder's name: thidua_office_, the run that made it (its process id - its start, in whole seconds
# since 1970: an id alone may be a later process's), 8 of tempfile's: thidua_office_4242-1764057600_k2x9abcd.
OWNED_SCRATCH = re.compile(r"thidua_[a-z_]+?_(?P<pid>[0-9]+)-(?P<started>[0-9]+)_[a-z0-9_]{8}")
SCRATCH = re.compile(r"thidua_[a-z_]+_[a-z0-9_]{8}")  # as versions before named them, without their run
# Seconds a process's start time may differ between two readings: Linux gives it from the boot time, which it
# recomputes (the clock set by NTP moves it by a second or so).
STARTED_SLACK = 2
# A run writes a file in seconds, then renames it; a temporary file or scratch folder untouched this long is
# abandoned (an hour: clocks of two computers sharing a folder may differ by minutes).
ABANDONED_SECONDS = 3600
# Windows' own codes, where errno says only "permission denied": the file is held open by another program; or
# only "not found": the path is past the system's limit (206; 3 for a path past MAX_PATH characters).
WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION, WINDOWS_PATH_TOO_LONG = 32, 33, 206
WINDOWS_PATH_NOT_FOUND, WINDOWS_MAX_PATH = 3, 260
DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
NO_PERMISSION = {errno.EACCES, errno.EPERM}


class WriteError(OSError):
    """The machine would not let the tool write a target: the OSError it raised, naming the target."""

    winerror: int | None  # Windows' own error code, kept from the OSError (which has it on Windows only)


def temporary_name(path: Path) -> Path:
    """A fresh temporary path beside ``path`` (see the module)."""
    return path.with_name(f"{path.name[:TMP_STEM]}.{_this_run()}.{secrets.token_hex(4)}.tmp")


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to, renamed over ``path`` once written; on any failure
    removed, the error raised as a :class:`WriteError` of ``path`` (see the module)."""
    path = Path(path)
    tmp = temporary_name(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        fault = _os_error_in(exc)
        if fault is None:
            raise
        raise as_write_error(fault, path) from exc


def install(source: Path, target: Path) -> None:
    """Move the finished file ``source`` to ``target`` whole: a rename on the same disk, else a copy written
    beside ``target`` and renamed (see :func:`replacing`); ``source`` is gone afterwards."""
    try:
        os.replace(source, target)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise as_write_error(exc, target) from exc
    with replacing(target) as tmp:
        shutil.copyfile(source, tmp)
    Path(source).unlink(missing_ok=True)


def place_new(source: Path, target: Path, platform: str = sys.platform) -> None:
    """Move the finished file ``source`` to ``target`` on the same disk only if no file has that name
    (FileExistsError otherwise): never replaces one, never half-written under ``target``. The check and the move
    are one step: a hard link (POSIX), a rename (Windows, whose rename refuses an existing name); on a disk without
    hard links (FAT, exFAT) a check, then the rename."""
    if platform != "win32":
        try:
            os.link(source, target)
            Path(source).unlink()
            return
        except FileExistsError:
            raise
        except OSError:  # no hard links on this disk
            pass
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
    os.rename(source, target)


def as_write_error(fault: OSError, path: Path) -> WriteError:
    """``fault`` as a :class:`WriteError` naming ``path`` (Windows' own error code kept)."""
    if isinstance(fault, WriteError) and fault.filename == str(path):
        return fault
    error = WriteError(fault.errno, fault.strerror or str(fault), str(path))
    error.winerror = getattr(fault, "winerror", None)
    return error


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc``: itself, or the one a library wrapped (xlsxwriter's FileCreateError)."""
    if isinstance(exc, OSError):
        return exc
    if isinstance(exc, Exception) and exc.args and isinstance(exc.args[0], OSError):
        return exc.args[0]
    return None


def check_writable(target: Path) -> None:
    """Raise a :class:`WriteError` now, before any work, when ``target`` (a file, or a folder to write into)
    could not be written: its name is past the limit, its folder cannot be written (a temporary file is
    made there and removed), or — on Windows, where an open file cannot be replaced — another program
    holds it open."""
    target = Path(target)
    if _name_length(target.name) > NAME_MAX:
        raise WriteError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(target))
    probe = temporary_name(target / PROBE_NAME if target.is_dir() else target)
    try:
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        probe.unlink(missing_ok=True)  # removed meanwhile as abandoned by another run: no fault of the folder
        if os.name == "nt" and target.is_file():
            if read_only(target):  # Windows' own refusal to replace it, asked (Wine opens it for a root user)
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
            with open(target, "r+b"):
                pass
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
        raise as_write_error(exc, target) from None


def read_only(path: Path) -> bool:
    """Whether ``path`` is a file Windows may not replace nor delete: its Read-only attribute set (the file's, or its
    folder's Properties applied to the files inside). Elsewhere a file's own mode does not stop either: its folder's
    does (:func:`check_writable`)."""
    try:
        return os.name == "nt" and bool(getattr(os.stat(path), "st_file_attributes", 0) & stat.FILE_ATTRIBUTE_READONLY)
    except OSError:
        return False


def _name_length(name: str) -> int:
    return len(name.encode("utf-16-le")) // 2 if os.name == "nt" else len(os.fsencode(name))


def fault_text(exc: OSError) -> str:
    """What went wrong and what to do, in one Vietnamese sentence: a full disk, a file open in Excel, no
    permission, a read-only disk, a path too long, else the system's own words."""
    path = str(exc.filename or "")
    action = ct.FAULT_SYSTEM if not path else ct.FAULT_WRITE if isinstance(exc, WriteError) else ct.FAULT_OPEN
    winerror = getattr(exc, "winerror", None)
    name = Path(path).name if path else ""
    folder = str(Path(path).parent) if path else ""
    if exc.errno in DISK_FULL:
        what = ct.FAULT_DISK_FULL
    elif too_long(exc):
        what = ct.FAULT_NAME_TOO_LONG
    elif winerror in (WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION) or (
            exc.errno in NO_PERMISSION and path and open_elsewhere(Path(path))):
        what = ct.FAULT_OPEN_ELSEWHERE
    elif exc.errno == errno.EROFS:
        what = ct.FAULT_READ_ONLY
    elif exc.errno in NO_PERMISSION:
        what = ct.FAULT_NO_PERMISSION
    else:
        what = ct.FAULT_OTHER
    return action.format(path=path) + " " + what.format(name=name, folder=folder, length=len(path),
                                                        reason=exc.strerror or str(exc))


def too_long(exc: OSError) -> bool:
    """Whether ``exc`` says its path is longer than the system allows — not missing, nor forbidden: ENAMETOOLONG
    (macOS and Linux: a name past 255 bytes, a path past 1,024 or 4,096), or Windows' own codes behind its "not
    found" (206: a name too long; 3, "path not found", for a path past MAX_PATH, which Windows cannot reach
    without long paths turned on)."""
    winerror = getattr(exc, "winerror", None)
    return exc.errno == errno.ENAMETOOLONG or winerror == WINDOWS_PATH_TOO_LONG or (
        winerror == WINDOWS_PATH_NOT_FOUND and len(str(exc.filename or "")) >= WINDOWS_MAX_PATH)


def open_elsewhere(path: Path) -> bool:
    """Whether Excel or LibreOffice has ``path`` open: the owner file each keeps beside an open document
    (Excel ``~$name``, or ``~$`` over the name's first two characters when it is long; LibreOffice
    ``.~lock.name#``)."""
    owners = (f"~${path.name}", f"~${path.name[2:]}", f".~lock.{path.name}#")
    return any((path.parent / owner).exists() for owner in owners)


def scratch_folder(prefix: str) -> contextlib.AbstractContextManager[str]:
    """A temporary folder for work made before it is put in place, named with ``prefix`` and this run
    (:data:`OWNED_SCRATCH`), removed after — as far as it can be: on Windows an antivirus scanning a new file,
    or a LibreOffice still closing, may hold a file in it for a moment; finished work is not turned into an
    error for that (the next run removes what is left: the first scratch folder a process makes clears those
    of runs no longer running, :func:`remove_abandoned_scratch`)."""
    _scratch_cleared()
    return tempfile.TemporaryDirectory(prefix=f"{prefix}{_this_run()}_", ignore_cleanup_errors=True)


def _this_run() -> str:
    """This process as a scratch folder's name says it: ``<id>-<start>`` (see :data:`OWNED_SCRATCH`). By its id
    asked each time: a worker forked from the run is another process, which finds its own."""
    return _run_of(os.getpid())


@functools.lru_cache(maxsize=4)
def _run_of(pid: int) -> str:
    """``<pid>-<start>``, asked of the system once a process (psutil reads /proc for it: each staged file has it)."""
    import psutil  # deferred: psutil at start-up

    return f"{pid}-{int(psutil.Process(pid).create_time())}"


def _running(pid: int, started: int) -> bool:
    """Whether the process ``pid`` that started at ``started`` (whole seconds since 1970) still runs: a process
    of that id that started at another time is a later one; one that cannot be asked is taken as running."""
    import psutil  # deferred: psutil at start-up

    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and \
            abs(int(process.create_time()) - started) <= STARTED_SLACK
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:  # another user's, on macOS and Windows
        return True


@functools.cache
def _scratch_cleared() -> None:
    remove_abandoned_scratch()


def remove_abandoned_scratch(parent: Path | None = None) -> list[Path]:
    """Remove the scratch folders of this tool in ``parent`` (the system's temporary folder) that runs ended
    without removing (killed outright): named as :func:`scratch_folder` names them, by a run no longer running
    (:func:`_running`) — at once, however fresh; a running run's never, however old — or, named as earlier
    versions named them, with nothing in them changed for :data:`ABANDONED_SECONDS`. A process still working in
    one (a LibreOffice that outlived the run that started it, named in its command line) is stopped first.
    Returns those removed; what cannot be removed (another user's) is left.

    The system's temporary folder is taken as this machine's own (per user on Windows and macOS): a run of
    another machine, or of another container sharing it, would be taken as ended."""
    parent = Path(parent or tempfile.gettempdir())
    ended, old = [], []
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if not entry.is_dir(follow_symlinks=False):
                continue
            owned = OWNED_SCRATCH.fullmatch(entry.name)
            if owned is not None:
                if not _running(int(owned["pid"]), int(owned["started"])):
                    ended.append(Path(entry.path))
            elif SCRATCH.fullmatch(entry.name) and _untouched(Path(entry.path)):
                old.append(Path(entry.path))
    if ended:
        stop_working_in(ended)
    removed = []
    for folder in (*ended, *old):
        shutil.rmtree(folder, ignore_errors=True)
        if not os.path.lexists(folder):
            removed.append(folder)
    return removed


#: How LibreOffice is told its profile folder, on its command line.
PROFILE_OPTION = "-env:UserInstallation="


def stop_working_in(folders: list[Path]) -> list[int]:
    """Stop (kill) every LibreOffice working in one of ``folders`` — scratch folders of runs that ended — where
    nothing ended it with its run (macOS; Windows when no job could be made): a LibreOffice (its command line gives
    its profile, ``-env:UserInstallation=…``) whose profile, output folder (``--outdir``) or document lies in the
    folder — its profile one of the folder's or one kept in the user's cache folder (a process that only names the
    folder otherwise, a person's ``ls``, is left). Matched on the folder's name, which no other run shares and which
    reads the same in a path and in a file:// address. Returns their ids, once ended."""
    import psutil  # deferred: psutil at start-up

    names = [folder.name for folder in folders]
    found = []
    for process in psutil.process_iter(["cmdline"]):
        line = process.info["cmdline"] or ()
        if process.pid != os.getpid() and any(part.startswith(PROFILE_OPTION) for part in line) and \
                any(name in part for part in line for name in names):
            found.append(process)
    for process in found:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(found, timeout=5)  # ended before their folders are removed (Windows keeps open files)
    return [process.pid for process in found]


def _untouched(folder: Path) -> bool:
    """Whether nothing in ``folder`` (the folder itself included) changed for :data:`ABANDONED_SECONDS`."""
    since = time.time() - ABANDONED_SECONDS
    try:
        if os.lstat(folder).st_mtime > since:
            return False
        for root, folders, names in os.walk(folder):
            if any(os.lstat(os.path.join(root, name)).st_mtime > since for name in (*folders, *names)):
                return False
    except OSError:
        return False
    return True


def remove_abandoned(folder: Path, held: Callable[[Path], bool], below: bool = False) -> list[Path]:
    """Remove the temporary files of this tool in ``folder`` (and the folders ``below`` it) that no run will
    rename any more: each written by a run no longer running (:func:`_running`), for a target that ``held`` says
    this run holds, or untouched for :data:`ABANDONED_SECONDS`. Returns those removed; a file that cannot be removed
    is left."""
    removed = []
    since = time.time() - ABANDONED_SECONDS
    with contextlib.suppress(OSError):
        for path in Path(folder).rglob("*.tmp") if below else Path(folder).glob("*.tmp"):
            found = TEMPORARY.fullmatch(path.name)
            if found is None or path.is_symlink() or not path.is_file():
                continue
            with contextlib.suppress(OSError):
                ended = found["pid"] is not None and not _running(int(found["pid"]), int(found["started"]))
                if ended or held(path.with_name(found["target"])) or path.stat().st_mtime < since:
                    path.unlink()
                    removed.append(path)
    return removed


def sha256_of(path: Path) -> str:
    """A file's SHA-256, streamed: a large file is never read whole into memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

