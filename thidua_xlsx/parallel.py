"""Reading an inbox on every core: each file read, checked and made slim in a worker process.

One file, one outcome, as in :func:`thidua_xlsx.read.department.read_file`: whatever happens to a file —
a broken file, the per-file time limit (SIGALRM, in the worker's main thread), a bug of ours,
even a worker process that dies under it — becomes that file's status, and the others are read.

What comes back per file is a :class:`Read`: the entry with its submission made slim (identity,
what was missing or marked, the input values packed for the comparison of versions) and, for a
file read as a submission, its validated entries with nothing the consolidation does not use.
The reads are handed over one at a time, in the inbox's order, as soon as they are done: the
merge keeps the entries of a department's newest version only, so its memory grows with the
people, not with the files.

Below :data:`PARALLEL_FROM` files (or on one core) the same work runs in this process: starting
workers costs more than it saves. Either way the results are the same, in the inbox's order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from thidua_xlsx.check.selection import pack_inputs
from thidua_xlsx.check.validate import validate
from thidua_xlsx.model.inbox import ACCEPTED, CleanSubmission, InboxFile
from thidua_xlsx.read.containment import InboxItem
from thidua_xlsx.read.department import ReadContext, read_file, refused
from thidua_xlsx.system import pool

PARALLEL_FROM = 24  # files: a worker starts in ~50 ms (fork) to ~1 s (spawn); a file reads in ~10 ms
CHUNK = 4  # files per task: fewer round trips; a worker that dies takes at most this many files to retry alone
IN_FLIGHT = 2  # tasks queued per worker, so that no worker waits for the next one


@dataclass(frozen=True)
class Read:
    """One inbox entry as the merge keeps it."""

    file: InboxFile  # its submission slim (Submission.slim)
    clean: CleanSubmission | None = None  # validated, when the file was read as a submission
    error: str = ""  # the type of the exception validation raised on it (a bug of ours), if any


def workers_for(count: int) -> int:
    """How many worker processes ``count`` files are read with (0: in this process)."""
    cores = pool.usable_cores()
    if cores < 2 or count < PARALLEL_FROM:
        return 0
    return min(cores, pool.MAX_WORKERS, -(-count // CHUNK))


def read_inbox(items: Sequence[InboxItem], context: ReadContext, on_file: Callable[[str], None] | None = None,
               workers: int | None = None) -> Iterator[Read]:
    """The read of each of ``items``, in this order, each as soon as it and those before it are done;
    with ``workers`` processes (default: :func:`workers_for`).

    ``on_file(name)`` is called once per entry as it is done (for a progress bar), from this process."""
    workers = workers_for(len(items)) if workers is None else workers
    if workers <= 0:
        for item in items:
            read = read_one(item, context)
            if on_file is not None:
                on_file(item.name)
            yield read
        return
    yield from _Pool(items, context, on_file, workers).run()


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
    def __init__(self, items: Sequence[InboxItem], context: ReadContext, on_file, workers: int):
        self.items, self.context, self.on_file, self.workers = items, context, on_file, workers
        self.waiting: dict[int, Read] = {}  # done, but a file before it is not: usually a chunk or two
        self.next = 0  # the next file to hand over
        self.failed: dict[int, str] = {}  # file → why its task failed (a worker died: BrokenProcessPool)

    def run(self) -> Iterator[Read]:
        unread = list(range(len(self.items)))
        while unread:
            suspects, unread = yield from self._run(_chunks(unread, CHUNK), self.workers)
            for index in suspects:  # in a worker's hands when it died: each alone, to find the one that kills
                if (yield from self._run([(index,)], 1))[0]:
                    self._done(index, Read(refused(self.items[index], "file.internal_error",
                                                   error=self.failed[index])))
                    yield from self._ready()

    def _done(self, index: int, read: Read) -> None:
        item = self.items[index]  # its path and name: the scan's own, kept once, not the worker's unpickled copies
        self.waiting[index] = dataclasses.replace(read, file=dataclasses.replace(read.file, path=item.path,
                                                                                  name=item.name))
        if self.on_file is not None:
            self.on_file(item.name)

    def _ready(self) -> Iterator[Read]:
        """The reads that can be handed over now, in order."""
        while self.next in self.waiting:
            yield self.waiting.pop(self.next)
            self.next += 1

    def _run(self, chunks: list[tuple[int, ...]], workers: int):
        """Read ``chunks`` with ``workers`` processes, handing over what is ready as it comes; returns
        (files whose task failed, files not sent when the pool broke). Nothing is sent to a broken
        pool; what it had in hand fails."""
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        todo, running, failed, broken = chunks[::-1], {}, [], False
        with pool.process_pool(workers, self.context, _share_for_reading) as executor:
            while running or (todo and not broken):
                while todo and not broken and len(running) < workers * IN_FLIGHT:
                    chunk = todo.pop()
                    try:
                        running[executor.submit(_read_chunk, tuple(self.items[i] for i in chunk))] = chunk
                    except BrokenProcessPool:
                        todo.append(chunk)
                        broken = True
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = running.pop(future)
                    try:
                        reads = future.result()
                    except Exception as exc:  # BrokenProcessPool: a worker died; else a result that did not come back
                        broken = broken or isinstance(exc, BrokenProcessPool)
                        failed += chunk
                        self.failed.update(dict.fromkeys(chunk, type(exc).__name__))
                        continue
                    for index, read in zip(chunk, reads):
                        self._done(index, read)
                    yield from self._ready()
        return failed, [index for chunk in todo[::-1] for index in chunk]


def _chunks(indexes: list[int], size: int) -> list[tuple[int, ...]]:
    return [tuple(indexes[k:k + size]) for k in range(0, len(indexes), size)]



# A reading worker makes many short-lived objects (calamine's rows, the cells found in them), freed by
# reference counting and never in cycles; Python's default threshold (700) ran the collector over the
# file in hand every few hundred of them: ~5 % of a file's CPU (benchmarks/RESULTS.md, eighth session).
# generate's and feedback's workers keep the default: xlsxwriter's and openpyxl's objects hold cycles.
READING_GC_THRESHOLD = (50_000, 20, 100)


def _share_for_reading(context) -> None:
    import gc

    pool.share(context)
    gc.set_threshold(*READING_GC_THRESHOLD)  # a worker process is ours alone: the caller's is left as it is


