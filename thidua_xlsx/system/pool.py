"""Worker processes for work that takes a while per file (generate, feedback copies, reading an inbox):
the cores to use, how workers start, and a pool whose workers each hold once what every task needs
(:func:`share`).

The pool is pebble's: a task may have a deadline, and a worker whose task overruns it is killed and
replaced, as is a worker that dies; the others go on. A merge's per-file time limit rests on it where no
signal can stop the reader in this process (:func:`interrupts_in_process`: Windows has no SIGALRM).

Every pool starts its workers the way :func:`start_method` says. Under spawn (Windows, macOS; Linux while
another thread runs) what the workers are given — the read context, the generate job — is pickled, and the
functions they run are imported anew: each is a module-level function.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

MAX_WORKERS = 16


def usable_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def start_method() -> str:
    """fork where it is safe and cheap (Linux, one thread: what the workers share — the campaign — is
    inherited, not pickled); else spawn — Windows' and macOS's own way, and Linux's while another thread runs (the
    page's runs, an analyst's program): a forked child holds only the thread that forked, with the locks the others
    held at that moment held for ever. Whatever start method the process set for itself is not asked: Linux's is
    fork."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def interrupts_in_process() -> bool:
    """Whether the platform can stop this thread when its time is up (``signal.setitimer``: POSIX, main
    thread), which costs nothing. Where it cannot (Windows; another thread), work with a time limit runs
    in a worker process whose deadline the pool enforces: no platform goes without the limit."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def process_pool(workers: int, shared, initializer=None):
    """A pool of ``workers`` processes (pebble's ``ProcessPool``), each given ``shared`` once (``initializer``,
    :func:`share` by default), started by :func:`start_method`; stopped on exit (a task still running then,
    when the caller stopped early, is killed).

    While a forking pool of a process that owns itself (:func:`owns_itself`) lives, what this process holds is frozen
    out of the garbage collector's walks (``gc.freeze``, made for fork): the workers' collections never walk the
    campaign they inherited. Before it forks, the memory this process freed is given back to the system
    (:func:`_free_memory_returned`): each worker would count it resident again."""
    import multiprocessing  # deferred: multiprocessing at start-up

    from pebble import ProcessPool  # deferred: pebble at start-up

    method = start_method()
    frozen = method == "fork" and owns_itself()
    if frozen:
        gc.freeze()
        _free_memory_returned()
    executor = ProcessPool(workers, initializer=initializer or share, initargs=(shared,),
                           context=multiprocessing.get_context(method))
    try:
        yield executor
    finally:
        executor.stop()
        executor.join()
        if frozen:
            gc.unfreeze()


def _free_memory_returned() -> None:
    """The C library's free memory given back to the system (glibc's ``malloc_trim``, Linux: the only system that
    forks here; nothing where the library has none): the commune's merge at 2,000 schools forks its writers at
    89 MB instead of 93."""
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


_OWNED = False  # set by own_process: this process is the tool's alone


def own_process() -> None:
    """Say that this process is the tool's alone: a CLI command's (said as the CLI runs it, through the service) and
    each worker's (:func:`share`). Only there are process-wide settings changed — the garbage collector paused or
    frozen, the allocator's free memory given back (:func:`owns_itself`): the page's server (``thidua-xlsx ui``, whose
    runs are threads) and an analyst's program calling ``api`` or ``service`` never see them changed under them. Told
    by whoever starts the process, not guessed: nothing else can say whose a process is."""
    global _OWNED
    _OWNED = True


def owns_itself() -> bool:
    """Whether this thread may change process-wide settings: the main thread of a process the tool owns
    (:func:`own_process`)."""
    return _OWNED and threading.current_thread() is threading.main_thread()


GENERATE_PARALLEL_FROM = 8  # workbooks: one takes ~40 ms to write and record, a worker ~50 ms to start


def workers_for_workbooks(count: int) -> int:
    """How many worker processes ``count`` department workbooks are written with (0: in this process)."""
    cores = usable_cores()
    if cores < 2 or count < GENERATE_PARALLEL_FROM:
        return 0
    return min(cores, MAX_WORKERS)


_SHARED = None  # in a worker process: what every task of its pool needs (the read context, the generate job)


def share(value) -> None:
    """A worker's initializer, for every pool: reading, generate, feedback."""
    global _SHARED
    _SHARED = value
    own_process()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _call_shared(task):
    function, argument = task
    return function(_SHARED, argument)


Broken = Callable[[BaseException, int], None]  # told the pool's failure and how many results are then made here


@contextlib.contextmanager
def shared_pool(shared, workers: int, on_broken: Broken | None = None):
    """``run(function, arguments)`` → ``[function(shared, a) for a in arguments]``, in order, computed by
    ``workers`` processes that each receive ``shared`` once (in this process when ``workers`` is 0; should the pool
    fail, the results it did not give, ``on_broken`` told: :func:`started`). ``function`` is a module-level
    function; an exception it raises is raised here."""
    with started(shared, workers, on_broken) as start:
        yield lambda function, arguments: list(start(function, arguments))


def shared_map(shared, function, arguments: list, workers: int, on_broken: Broken | None = None):
    """``function(shared, a)`` for each of ``arguments``, handed over in order as each is done (a progress bar
    moves), computed by ``workers`` processes that each receive ``shared`` once (in this process when ``workers``
    is 0; should the pool fail, from the result it did not give on: :func:`_or_here`). ``function`` is a
    module-level function; an exception it raises is raised here when its result's turn comes: the results
    before it have been handed over."""
    with started(shared, workers, on_broken) as start:
        yield from start(function, arguments)


@contextlib.contextmanager
def started(shared, workers: int, on_broken: Broken | None = None):
    """``start(function, arguments)`` → an iterator of ``function(shared, a)`` for each of ``arguments``, in order,
    as :func:`shared_map`'s, but the work starts at once: ``workers`` processes (each given ``shared`` once) compute
    while this process does something else, until the block ends (a task still running then is killed). Several
    ``start`` share the workers, the tasks in the order started. With 0 workers each is computed here, when its
    turn comes; so is each from the first a failed pool did not give (:func:`_or_here`), and each of a ``start``
    after it: ``on_broken`` told once, with the failure and how many results of that start were left."""
    if workers <= 0:
        yield lambda function, arguments: (function(shared, a) for a in arguments)
        return
    failed: list[BaseException] = []

    def told(failure: BaseException, left: int) -> None:
        if not failed and on_broken is not None:
            on_broken(failure, left)
        failed.append(failure)

    with process_pool(workers, shared) as pool:

        def start(function, arguments):
            arguments = list(arguments)
            if failed:
                return (function(shared, a) for a in arguments)
            return _or_here(_in_turn(pool, function, arguments, workers), shared, function, arguments, told)

        yield start


def _or_here(outcomes: Iterator[tuple[bool, Any]], shared, function, arguments: list, on_broken: Broken):
    """The results of a pool's ``outcomes`` (:func:`_in_turn`), in order, a task's own exception raised in its turn;
    should the pool fail (:func:`_failures`: a worker that could not start or died — the machine's, not the work's),
    ``on_broken`` is told the failure and how many are left, and each result from the first it did not give is
    computed in this process, as with no worker: the same results, later."""
    given = 0
    while True:
        try:
            failed, value = next(outcomes)
        except StopIteration:
            return
        except _failures() as failure:
            on_broken(failure, len(arguments) - given)
            break
        if failed:
            raise value  # the task's own exception (_call_chunk)
        yield value
        given += 1
    for argument in arguments[given:]:
        yield function(shared, argument)


def _failures() -> tuple[type[BaseException], ...]:
    """What a pool's own failure raises where a result is waited for (:func:`_result`): the pool broken
    (``BrokenProcessPool``: a worker that could not start or whose initializer failed, one gone between tasks), a task
    cancelled with it, a worker that died under its task (pebble's ``ProcessExpired``, an ``OSError``) or processes
    and pipes that could not be made (``OSError``). A task's own exception never comes this way: it comes back as
    the task's outcome (:func:`_call_chunk`)."""
    from concurrent.futures import BrokenExecutor, CancelledError  # deferred: concurrent.futures at start-up

    return (BrokenExecutor, CancelledError, OSError)


WATCHED = 0.2  # seconds: how often a wait for a result looks whether the pool is still alive


def _in_turn(pool, function, arguments, workers: int):
    """``function(shared, a)`` for each of ``arguments``, computed by ``pool`` in chunks scheduled now, handed over in
    order as (failed, its result or the exception the task raised). A pool that
    breaks (a worker that cannot start) raises ``BrokenProcessPool`` here: pebble leaves a chunk still queued when it
    broke waiting for ever (github.com/noxdafox/pebble/issues/163), so each wait looks at the pool every
    :data:`WATCHED` seconds."""
    tasks = [(function, a) for a in arguments]
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = []
    for k in range(0, len(tasks), size):
        try:
            chunks.append(pool.schedule(_call_chunk, args=(tasks[k:k + size],)))
        except RuntimeError:  # pebble refuses a task once its pool broke (a worker that could not start) meanwhile
            if pool.active:
                raise
            return _handed_over(pool, chunks, broken=True)
    return _handed_over(pool, chunks)  # scheduled now: the work starts before the first result is asked


def _handed_over(pool, chunks, broken: bool = False):
    """The chunks' outcomes in order, (failed, result or exception); then, for a pool that broke before every chunk
    was scheduled, ``BrokenProcessPool`` (in the turn of the first result it could not compute)."""
    from concurrent.futures.process import BrokenProcessPool  # deferred: concurrent.futures at start-up

    for chunk in chunks:
        yield from _result(pool, chunk)
    if broken:
        raise BrokenProcessPool("the pool stopped while its tasks were handed to it")


def _call_chunk(tasks) -> list[tuple[bool, object]]:
    """In a worker: each task's (failed, result or exception), so that the results before a failure still arrive."""
    done: list[tuple[bool, object]] = []
    for task in tasks:
        try:
            done.append((False, _call_shared(task)))
        except Exception as exc:  # the task's own: raised in the caller when its turn comes
            done.append((True, exc))
    return done


def _result(pool, future):
    """``future``'s result, waited for while ``pool`` lives; ``BrokenProcessPool`` once it does not."""
    from concurrent.futures.process import BrokenProcessPool  # deferred: concurrent.futures at start-up

    while True:
        try:
            return future.result(timeout=WATCHED)
        except TimeoutError:
            if future.done():  # the task's own time limit, or its own TimeoutError
                raise
            if not pool.active:
                raise BrokenProcessPool("the pool stopped with tasks still waiting") from None


def shared() -> Any:  # Any: each pool shares its own kind of value (the read context, the generate job)
    """In a worker: what its pool shares with every task (see :func:`share`)."""
    return _SHARED
