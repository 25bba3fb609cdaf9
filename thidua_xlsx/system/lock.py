"""One run at a time on a campaign or an output: a lock file.

A run takes a lock by creating its lock file with ``O_CREAT | O_EXCL`` — the file system's own atomic "create
if absent", on local disks and network shares alike — and writes into it who holds it: the process id, the
computer's name, the command and the time. It removes the file when it ends, however it ends (an error,
Ctrl-C). A second run finding the file is refused with those words (:class:`Busy`): it never waits, and never
mixes its outputs with the first run's.

A lock outlives its run only when the run was killed (the power cut, the window closed). Such a lock is
**stale** and taken over, with no word needed, when it names this computer and a process that no longer
runs; a lock of another computer is never judged (its processes cannot be seen from here) — the message
says which computer holds it and that the file may be deleted once no run goes on there. A lock file that
cannot be read (a run killed between creating and writing it) is stale after :data:`UNREADABLE_STALE_SECONDS`.

The standard library only: a dependency such as ``filelock`` would add little (its OS locks vanish with the
process, but say nothing of who holds them, and are unreliable on the network shares a school uses).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.system.files import as_write_error

LOCK_SUFFIX = ".thidua-xlsx.lock"
UNREADABLE_STALE_SECONDS = 60
LONG_NAME = 100  # characters of a target's name kept in its lock's name; longer names end in a digest


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its file says."""

    pid: int
    host: str
    command: str
    since: str  # "dd/mm/yyyy hh:mm:ss", local time


class Busy(Exception):
    """The lock ``path`` is held by another run (``holder``; None when its file cannot be read)."""

    def __init__(self, path: Path, holder: Holder | None):
        super().__init__(str(path))
        self.path, self.holder = path, holder


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


@contextlib.contextmanager
def holding(paths: list[Path], command: str) -> Iterator[None]:
    """Hold every lock of ``paths`` (taken in order, each once) while the block runs; :class:`Busy` when one
    is held by another run, after letting go of those taken."""
    with contextlib.ExitStack() as stack:
        for path in dict.fromkeys(paths):
            stack.enter_context(_held(path, command))
        yield


@contextlib.contextmanager
def _held(path: Path, command: str) -> Iterator[None]:
    _take(path, command)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _take(path: Path, command: str) -> None:
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = read_holder(path)
            if not _stale(path, holder):
                raise Busy(path, holder) from None
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        except OSError as exc:  # the folder cannot be written: said as the output's own fault
            raise as_write_error(exc, path) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "command": command,
                                    "since": dt.datetime.now().strftime("%d/%m/%Y %H:%M:%S")}, ensure_ascii=False))
        except BaseException as exc:
            path.unlink(missing_ok=True)
            raise as_write_error(exc, path) if isinstance(exc, OSError) else exc from None
        hide(path)
        return
    raise Busy(path, read_holder(path))


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["command"]), str(data["since"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _stale(path: Path, holder: Holder | None) -> bool:
    """Whether the lock at ``path`` outlived its run (see the module)."""
    if holder is None:
        try:
            return time.time() - path.stat().st_mtime > UNREADABLE_STALE_SECONDS
        except FileNotFoundError:
            return True  # let go of meanwhile: try again
    return holder.host == socket.gethostname() and not process_alive(holder.pid)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (psutil: the same answer on Windows, where
    ``os.kill(pid, 0)`` would end the process, as on macOS and Linux)."""
    import psutil

    return pid > 0 and psutil.pid_exists(pid)


FILE_ATTRIBUTE_HIDDEN = 0x2


def hide(path: Path) -> None:
    """Hide ``path`` in Windows' Explorer as its leading dot hides it on macOS and Linux: a lock file is
    nothing for her to open or move. Where the attribute cannot be set, the file is only visible."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.kernel32.SetFileAttributesW(str(path), FILE_ATTRIBUTE_HIDDEN)
