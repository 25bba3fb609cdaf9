"""One run at a time on a campaign or an output: a lock file.

A run takes a lock by creating its lock file with ``O_CREAT | O_EXCL`` — the file system's own atomic "create
if absent", on local disks and network shares alike — and writes into it who holds it: the process id, the
computer's name, the command and the time. It keeps the file open for the whole run, holding the system's own
lock on it (``flock`` on macOS and Linux; on Windows an open file cannot be removed, which is the same hold), and
removes the file when it ends, however it ends (an error, Ctrl-C). A second run finding the file is refused
with those words (:class:`Busy`): it never waits, and never mixes its outputs with the first run's.

A lock outlives its run only when the run was killed (the power cut, the window closed). Such a lock is
**stale** and taken over, with no word needed:

* when it names this computer and a process that no longer runs;
* when it cannot be read — empty or cut short: a run killed between creating and writing it — and nothing
  holds it (the system's lock on it can be taken; on Windows, it can be removed): every run holds its lock
  file from the moment it creates it, and the system lets go of that hold when the process ends, however it
  ends. So a killed run's empty lock blocks nobody, at once, while a run that has just created its lock (and
  is writing it) keeps it. Where the file system has no such locks (some network shares), an unreadable lock
  is stale only after :data:`UNREADABLE_STALE_SECONDS` without a change (a run writes its lock within a
  moment of creating it).

A thread that holds a campaign's lock holds it again at no cost (as a ``threading.RLock``): the page's run holds
its campaign from before it writes what its command reads (the officer's decisions, the council's summary
uploaded) to the command's end, the command's own taking of it included. Every other thread and process is
refused as before, and every other lock (an output's, a LibreOffice profile's: two conversions of one run never
share a profile) is taken once.

A lock of another computer that can be read is never judged (its processes cannot be seen from here): the
message says which computer holds it and that the file may be deleted once no run goes on there. Two live runs
never both hold a lock: one that creates its file checks, once it has written it, that the file is still its
own (another run may have judged it stale in the moment between), and gives way if not.

The standard library only: a dependency such as ``filelock`` would add little (its OS locks vanish with the
process, but say nothing of who holds them, and are unreliable on the network shares a school uses — here they
only tell whether an unreadable lock's run still goes on).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model.errors import Blocked
from thidua_xlsx.system.files import as_write_error
from thidua_xlsx.system.voice import vietnam_now
from thidua_xlsx.text import commands as ct

LOCK_SUFFIX = ".thidua-xlsx.lock"
UNREADABLE_STALE_SECONDS = 60  # where the file system has no locks of its own
LONG_NAME = 100  # characters of a target's name kept in its lock's name; longer names end in a digest


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says."""

    pid: int
    host: str
    command: str
    since: str  # "dd/mm/yyyy hh:mm:ss", local time


class Busy(Blocked):
    """The lock ``path`` is held by another run (``holder``; None when its file cannot be read): the message says who
    holds it and what to do."""

    def __init__(self, path: Path, holder: Holder | None):
        super().__init__(busy_text(path, holder))
        self.path, self.holder = path, holder


def busy_text(path: Path, holder: Holder | None) -> str:
    """Who holds the lock ``path`` and what to do, in words."""
    name = path.name
    what = ct.BUSY_CAMPAIGN.format(path=path.parent) if name == LOCK_SUFFIX else \
        ct.BUSY_OUTPUT.format(path=path.parent / name[1:-len(LOCK_SUFFIX)])
    if holder is None:
        return ct.BUSY_UNKNOWN.format(what=what, lock=path)
    return ct.BUSY.format(command=holder.command, what=what, host=holder.host, pid=holder.pid, since=holder.since,
                          lock=path)


def lock_path(target: Path) -> Path:
    """The lock of an output ``target`` (a file or a folder): a hidden file beside it (:func:`hide`)."""
    target = Path(os.path.abspath(target))
    name = target.name
    if len(name) > LONG_NAME:
        name = f"{name[:LONG_NAME // 2]}-{hashlib.sha256(name.encode()).hexdigest()[:12]}"
    return target.with_name(f".{name}{LOCK_SUFFIX}")


def folder_lock_path(folder: Path) -> Path:
    """The lock of a campaign: a hidden file in its folder."""
    return Path(folder) / LOCK_SUFFIX


def target_of(path: Path) -> Path | None:
    """The campaign folder or the output a lock at ``path`` is of; None when its name was shortened (a long
    name ends in a digest in its lock's name)."""
    name = path.name
    if name == LOCK_SUFFIX:
        return path.parent
    target = name[1:-len(LOCK_SUFFIX)]
    return path.with_name(target) if lock_path(path.with_name(target)) == path else None


_CAMPAIGNS_HERE = threading.local()  # per thread: the campaign locks it holds (_campaigns_here)


@contextlib.contextmanager
def holding(paths: list[Path], command: str) -> Iterator[None]:
    """Hold every lock of ``paths`` (taken in order, each once; a campaign's this thread holds already, kept: see
    the module) while the block runs; :class:`Busy` when one is held by another run, after letting go of those
    taken."""
    with contextlib.ExitStack() as stack:
        for path in dict.fromkeys(paths):
            if not _held_here(path):
                stack.enter_context(_held(path, command))
        yield


def _held_here(path: Path) -> bool:
    """Whether ``path`` is a campaign's lock this thread holds: the very file one of its held locks has open (however
    the folder's path is written)."""
    return path.name == LOCK_SUFFIX and any(_still_ours(path, fd) for fd in _campaigns_here())


def _campaigns_here() -> list[int]:
    """The open files of the campaign locks this thread holds."""
    if not hasattr(_CAMPAIGNS_HERE, "fds"):
        _CAMPAIGNS_HERE.fds = []
    return _CAMPAIGNS_HERE.fds


@contextlib.contextmanager
def _held(path: Path, command: str) -> Iterator[None]:
    fd = _take(path, command)
    campaign = path.name == LOCK_SUFFIX
    if campaign:
        _campaigns_here().append(fd)
    try:
        yield
    finally:
        if campaign:
            _campaigns_here().remove(fd)
        _let_go(path, fd)


def _take(path: Path, command: str) -> int:
    """The open lock file at ``path``, created, held and written (see the module)."""
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = read_holder(path)
            if not _taken_over(path, holder):
                raise Busy(path, holder) from None
            continue
        except OSError as exc:  # the folder cannot be written: said as the output's own fault
            raise as_write_error(exc, path) from None
        if _hold(fd) is False:  # another run is judging this file right now: it is no longer ours
            os.close(fd)
            continue
        try:
            os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "command": command,
                                     "since": vietnam_now().strftime(
                                         "%d/%m/%Y %H:%M:%S")},  # Vietnam's time, as every time the tool says
                                    ensure_ascii=False).encode("utf-8"))
        except BaseException as exc:
            _let_go(path, fd)
            raise as_write_error(exc, path) if isinstance(exc, OSError) else exc from None
        if not _still_ours(path, fd):  # judged stale and removed in the moment between: give way
            os.close(fd)
            continue
        hide(path)
        return fd
    raise Busy(path, read_holder(path))


def _let_go(path: Path, fd: int) -> None:
    """Remove the lock file ``fd`` holds at ``path`` (when it is still ours), and close it: on macOS and Linux
    removed first, the hold kept until it is gone; on Windows closed first (an open file cannot be removed)."""
    ours = _still_ours(path, fd)
    if sys.platform == "win32":
        os.close(fd)
    if ours:
        with contextlib.suppress(OSError):
            path.unlink()
    if sys.platform != "win32":
        os.close(fd)


def _still_ours(path: Path, fd: int) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["command"]), str(data["since"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _taken_over(path: Path, holder: Holder | None) -> bool:
    """Whether the lock at ``path`` outlived its run (see the module) and is now removed."""
    if holder is not None and (holder.host != socket.gethostname() or process_alive(holder.pid)):
        return False
    return _remove_unheld(path, dead=holder is not None)


def _remove_unheld(path: Path, dead: bool) -> bool:
    """Remove the lock file at ``path`` unless a process holds it; whether it is gone. ``dead``: its run is
    known to have ended (else, where the file system has no locks, its age tells). Judged under the file's own
    lock: of two runs judging one stale lock, one removes it, the other finds it removed (never the new one)."""
    if sys.platform == "win32":  # a run keeps its lock open, and Windows removes no file held open
        try:
            path.unlink(missing_ok=True)
        except PermissionError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True  # let go of meanwhile: try again
    except OSError:
        return False
    try:
        held = _hold(fd)
        if held is False or (held is None and not dead
                             and time.time() - os.fstat(fd).st_mtime <= UNREADABLE_STALE_SECONDS):
            return False
        if _still_ours(path, fd):
            path.unlink()
        return True
    except FileNotFoundError:
        return True
    finally:
        os.close(fd)


def _hold(fd: int) -> bool | None:
    """Take the system's lock on the lock file ``fd`` (see the module): True; False when another process holds
    it; None where the file system has no such locks."""
    if sys.platform == "win32":  # the open file is the hold
        return True
    import fcntl  # deferred: POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (psutil: the same answer on Windows, where
    ``os.kill(pid, 0)`` would end the process, as on macOS and Linux)."""
    import psutil  # deferred: psutil at start-up

    return pid > 0 and psutil.pid_exists(pid)


FILE_ATTRIBUTE_HIDDEN = 0x2


def hide(path: Path) -> None:
    """Hide ``path`` in Windows' Explorer as its leading dot hides it on macOS and Linux: a lock file is
    nothing for her to open or move. Where the attribute cannot be set, the file is only visible."""
    if sys.platform == "win32":
        ctypes.windll.kernel32.SetFileAttributesW(str(path), FILE_ATTRIBUTE_HIDDEN)
