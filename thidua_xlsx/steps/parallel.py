"""Reading an inbox on every core: each file read, checked and made slim in a worker process.

One file, one outcome, as in :func:`thidua_xlsx.read.department.read_file`: whatever happens to a file —
a broken file, the per-file time limit, a bug of ours, even a worker process that dies under it — becomes
that file's status, and the others are read.

What comes back per file is a :class:`Read`: the entry with its submission made slim (identity,
what was missing or marked, the input values packed for the comparison of versions) and, for a
file read as a submission, its validated entries with nothing the consolidation does not use.
The reads are handed over one at a time, in the inbox's order, as soon as they are done: the
merge keeps the entries of a department's newest version only, so its memory grows with the
people, not with the files.

A byte-identical copy of a file before it (a forwarded mail, a file saved twice) is known by its fingerprint,
not read again: the files of the same kind and size are hashed here first (:func:`copies`), and a copy's entry
is made from its first's read when that is handed over (:func:`thidua_xlsx.read.department.copy_entry`), as
reading it would have made it.

Below :data:`PARALLEL_FROM` files (or on one core) the same work runs in this process: starting
workers costs more than it saves. Either way the results are the same, in the inbox's order.

The time limit on every platform: each task of the pool has a deadline, :data:`CHUNK` times
``SECONDS_PER_FILE`` for a chunk, kept by this process (pebble kills the worker and starts another).
A chunk that overruns it, or whose worker dies, is read again one file per task, to find the file: that
file alone is then too slow, or our error. The in-process path stays where the platform can interrupt
the reader itself (POSIX, main thread: ``signal.setitimer``, at no cost); where it cannot (Windows, or a
thread other than the main one: :func:`thidua_xlsx.system.pool.interrupts_in_process`) even a small inbox
is read by one worker process, for its deadline. On POSIX a worker keeps its own alarm too: a slow file
is stopped there without losing its chunk.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from thidua_xlsx.check.selection import pack_inputs
from thidua_xlsx.check.validate import validate
from thidua_xlsx.model.inbox import ACCEPTED, CleanSubmission, InboxFile
from thidua_xlsx.read import department as reader
from thidua_xlsx.read.containment import InboxItem
from thidua_xlsx.read.department import ReadContext, read_file, refused
from thidua_xlsx.system import pool

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_FROM = 24  # files: a worker starts in ~50 ms (fork) to ~1 s (spawn); a file reads in ~10 ms
CHUNK = 4  # files per task: fewer round trips; a worker that dies takes at most this many files to retry alone
IN_FLIGHT = 2  # tasks queued per worker, so that no worker waits for the next one
BROKEN_POOL_CHECK = 1.0  # seconds: how often, while no task comes back, the pool is looked at for having broken

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    """One inbox entry as the merge keeps it."""

    file: InboxFile  # its submission slim (Submission.slim)
    clean: CleanSubmission | None = None  # validated, when the file was read as a submission
    error: str = ""  # the type of the exception validation raised on it (a bug of ours), if any


def workers_for(count: int) -> int:
    """How many worker processes ``count`` files are read with (0: in this process, only where the platform
    can stop a file there at its time limit)."""
    cores = pool.usable_cores()
    if cores < 2 or count < PARALLEL_FROM:
        return 0 if pool.interrupts_in_process() else 1
    return min(cores, pool.MAX_WORKERS, -(-count // CHUNK))


def read_inbox(items: Sequence[InboxItem], context: ReadContext, on_file: Callable[[str], None] | None = None,
               workers: int | None = None) -> Iterator[Read]:
    """The read of each of ``items``, in this order, each as soon as it and those before it are done;
    with ``workers`` processes (default: :func:`workers_for`).

    ``on_file(name)`` is called once per entry as it is done (for a progress bar), from this process."""
    workers = workers_for(len(items)) if workers is None else workers
    copies = find_copies(items)
    if workers <= 0:
        firsts = {first for first, _ in copies.values()}
        kept: dict[int, InboxFile] = {}  # a first's read, for its copies
        for index, item in enumerate(items):
            copy = copies.get(index)
            read = _copy_read(item, kept.get(copy[0]), copy[1]) if copy is not None else None
            if read is None:
                read = read_one(item, context)
            if index in firsts:
                kept[index] = read.file
            if on_file is not None:
                on_file(item.name)
            yield read
        return
    yield from _Pool(items, context, on_file, workers, copies).run()


def find_copies(items: Sequence[InboxItem]) -> dict[int, tuple[int, str]]:
    """Of ``items``, each byte-identical copy of an item before it: its index → (the first's index, their
    SHA-256). Only files read as workbooks of the same kind, size and last bytes (:data:`TAIL_BYTES`) are hashed
    (streamed, within the workbook size limit); a file that cannot be read now, or is no longer the regular file of
    that size the scan found, is left to its reader, which says so."""
    groups: dict[tuple[str, int], list[int]] = {}
    for index, item in enumerate(items):
        key = reader.content_key(item)
        if key is not None:
            groups.setdefault(key, []).append(index)
    copies: dict[int, tuple[int, str]] = {}
    for (_, size), indexes in groups.items():
        if len(indexes) < 2:
            continue
        by_tail: dict[bytes, list[int]] = {}  # files of one size told apart by their last bytes first (below)
        for index in indexes:
            tail = _last_bytes(items[index].path, size)
            if tail is not None:
                by_tail.setdefault(tail, []).append(index)
        for same in by_tail.values():
            first: dict[str, int] = {}
            for index in same if len(same) > 1 else ():
                digest = _fingerprint(items[index].path, size)
                if digest is None:
                    continue
                if digest in first:
                    copies[index] = (first[digest], digest)
                else:
                    first[digest] = index
    return copies


# A workbook ends with its zip's directory: every part's name, size and CRC. Books of the same size whose last bytes
# differ are no copies, told without hashing them whole (the books of a campaign have sizes close to each other: at
# 10,000 books, 9,966 shared their size with another, and hashing them took ~1 s before any was read).
TAIL_BYTES = 4096


def _last_bytes(path: Path, size: int) -> bytes | None:
    """The last :data:`TAIL_BYTES` of the regular file at ``path`` when it still holds ``size`` bytes; else None."""
    return _opened(path, size, _tail)


def _fingerprint(path: Path, size: int) -> str | None:
    """The SHA-256 of the regular file at ``path`` when it still holds ``size`` bytes; else None."""
    return _opened(path, size, _sha256)


def _tail(handle: int, size: int) -> bytes:
    os.lseek(handle, max(0, size - TAIL_BYTES), os.SEEK_SET)
    return _read(handle, min(size, TAIL_BYTES))


def _read(handle: int, count: int) -> bytes:
    """Up to ``count`` bytes from ``handle``, fewer only at its end."""
    blocks, left = [], count
    while left > 0:
        block = os.read(handle, left)
        if not block:
            break
        blocks.append(block)
        left -= len(block)
    return b"".join(blocks)


def _sha256(handle: int, size: int) -> str | None:
    digest, left = hashlib.sha256(), size
    while left > 0:
        block = os.read(handle, min(left, 1 << 20))
        if not block:
            return None
        digest.update(block)
        left -= len(block)
    return None if os.read(handle, 1) else digest.hexdigest()


def _opened(path: Path, size: int, read: Callable[[int, int], T]) -> T | None:
    """``read(handle, size)`` of the regular file at ``path`` when it still holds ``size`` bytes; else None. Opened
    without following a link and without waiting (a FIFO put in its place since the scan is not waited on), never
    read past ``size``."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size != size:
            return None
        return read(handle, size)
    except OSError:
        return None
    finally:
        os.close(handle)


def _copy_read(item: InboxItem, first: InboxFile | None, sha256: str) -> Read | None:
    """The read of ``item``, a copy of the file read as ``first``; None when it must be read itself."""
    entry = None if first is None else reader.copy_entry(item, first, sha256)
    return None if entry is None else Read(entry)


def read_one(item: InboxItem, context: ReadContext) -> Read:
    """Read, validate and slim one entry: the unit of work of both paths."""
    try:
        f = read_file(item, context)
    except BaseException as exc:  # a native parser's panic is no Exception: still only this file's outcome
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return Read(refused(item, "file.internal_error", error=type(exc).__name__))
    clean, error = None, ""
    if f.status == ACCEPTED:
        try:
            clean = validate(f, context.campaign)
        except Exception as exc:  # a bug of ours on this file: said by the merge unless the file is a copy
            error = type(exc).__name__
    if f.submission is not None:
        f = dataclasses.replace(f, submission=f.submission.slim(pack_inputs(f.submission)))
    return Read(f, clean, error)


# --- the worker pool --------------------------------------------------------------------------------

def _read_chunk(items: tuple[InboxItem, ...]) -> list[Read]:
    return [read_one(item, pool.shared()) for item in items]  # the ReadContext (see _share_for_reading)


class _Pool:
    def __init__(self, items: Sequence[InboxItem], context: ReadContext, on_file: Callable[[str], None] | None,
                 workers: int, copies: dict[int, tuple[int, str]] | None = None) -> None:
        self.items, self.context, self.on_file, self.workers = items, context, on_file, workers
        self.waiting: dict[int, Read] = {}  # done, but a file before it is not: usually a chunk or two
        self.next = 0  # the next file to hand over
        self.copies = copies or {}  # not sent to a worker: made from their first's read (find_copies)
        self.firsts = {first for first, _ in self.copies.values()}
        self.kept: dict[int, InboxFile] = {}  # a first's read, for its copies
        self.sent: set[int] = set()  # copies read after all (their first was not read to its fingerprint)

    def run(self) -> Iterator[Read]:
        todo = deque(_chunks([i for i in range(len(self.items)) if i not in self.copies], CHUNK))
        while todo:  # what a pool that broke did not read (see _run) goes to another
            yield from self._run(todo)

    def _run(self, todo: deque[tuple[int, ...]]) -> Iterator[Read]:
        """Read the chunks of ``todo`` (taken from it as they are sent), handing over what is ready as it
        comes, until none is left or the pool breaks. pebble's pool outlives its workers' deaths and
        deadlines; it breaks only when a worker is gone with no task known to be in its hands (a worker
        that could not start, one killed while idle), and then may leave tasks unanswered: those fail, as
        a dead worker's do."""
        from concurrent.futures import FIRST_COMPLETED, wait  # deferred: concurrent.futures, unused by status

        running: dict[Future[list[Read]], tuple[int, ...]] = {}  # a task sent → its chunk
        given = False
        with pool.process_pool(self.workers, self.context, _share_for_reading) as executor:
            while running or todo:
                while todo and len(running) < self.workers * IN_FLIGHT:
                    chunk = todo.popleft()
                    try:
                        future = executor.schedule(_read_chunk, args=(tuple(self.items[i] for i in chunk),),
                                                   timeout=len(chunk) * reader.SECONDS_PER_FILE)
                    except RuntimeError:  # it broke since it took its first task (before that: it cannot start, raised)
                        if not given:
                            raise
                        todo.appendleft(chunk)
                        break
                    running[future], given = chunk, True
                done, _ = wait(running, timeout=BROKEN_POOL_CHECK, return_when=FIRST_COMPLETED)
                if not done and not executor.active:
                    break
                for future in done:
                    self._answered(running.pop(future), future, todo)
                yield from self._ready(todo)
        for future, chunk in running.items():  # in the hands of a pool that broke
            self._answered(chunk, future, todo)
        yield from self._ready(todo)

    def _answered(self, chunk: tuple[int, ...], future: Future[list[Read]], todo: deque[tuple[int, ...]]) -> None:
        """The reads of a task; or, when it failed (its deadline passed, its worker died, its pool broke, a
        result did not come back), its files again each alone, first, to find the one that failed it; a
        file alone is then too slow, or our error."""
        from concurrent.futures import TimeoutError  # deferred: concurrent.futures, unused by status
        from concurrent.futures.process import BrokenProcessPool  # deferred: multiprocessing, unused by status

        failure = future.exception() if future.done() else BrokenProcessPool("left unanswered")
        if failure is None:
            for index, read in zip(chunk, future.result()):
                self._done(index, read)
        elif len(chunk) > 1:
            todo.extendleft((index,) for index in reversed(chunk))
        else:
            item = self.items[chunk[0]]
            self._done(chunk[0], Read(refused(item, "file.too_slow", seconds=reader.SECONDS_PER_FILE)
                                      if isinstance(failure, TimeoutError) else
                                      refused(item, "file.internal_error", error=type(failure).__name__)))

    def _done(self, index: int, read: Read) -> None:
        item = self.items[index]  # its path and name: the scan's own, kept once, not the worker's unpickled copies
        self.waiting[index] = dataclasses.replace(read, file=dataclasses.replace(read.file, path=item.path,
                                                                                  name=item.name))
        if self.on_file is not None:
            self.on_file(item.name)

    def _ready(self, todo: deque[tuple[int, ...]]) -> Iterator[Read]:
        """The reads that can be handed over now, in order; a copy's made when it is its turn (its first is
        handed over before it), or sent to be read (to ``todo``) when its first's read cannot stand for it."""
        while True:
            if self.next in self.waiting:
                read = self.waiting.pop(self.next)
                if self.next in self.firsts:
                    self.kept[self.next] = read.file
                yield read
                self.next += 1
                continue
            copy = self.copies.get(self.next)
            if copy is None or self.next in self.sent:
                return
            read_ = _copy_read(self.items[self.next], self.kept.get(copy[0]), copy[1])
            if read_ is None:
                self.sent.add(self.next)
                todo.appendleft((self.next,))
                return
            self._done(self.next, read_)


def _chunks(indexes: list[int], size: int) -> list[tuple[int, ...]]:
    return [tuple(indexes[k:k + size]) for k in range(0, len(indexes), size)]


# A reading worker makes many short-lived objects (calamine's rows, the cells found in them), freed by
# reference counting and never in cycles; Python's default threshold (700) ran the collector over the
# file in hand every few hundred of them: ~5 % of a file's CPU (benchmarks/RESULTS.md, eighth session).
# generate's and feedback's workers keep the default: xlsxwriter's and openpyxl's objects hold cycles.
READING_GC_THRESHOLD = (50_000, 20, 100)


def _share_for_reading(context: ReadContext) -> None:
    pool.share(context)
    gc.set_threshold(*READING_GC_THRESHOLD)  # a worker process is ours alone: the caller's is left as it is


