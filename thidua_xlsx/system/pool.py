"""Worker processes for work that takes a while per file (generate, feedback copies, reading an inbox):
the cores to use, and a pool whose workers each hold once what every task needs (:func:`share`)."""

from __future__ import annotations

import contextlib
import os
import sys

MAX_WORKERS = 16


def usable_cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@contextlib.contextmanager
def process_pool(workers: int, shared, initializer=None):
    """A pool of ``workers`` processes, each given ``shared`` once (``initializer``, :func:`share` by
    default), shut down on exit.

    fork where it is safe and cheap (Linux, one thread: ``shared`` — the campaign — is inherited, not
    pickled); else the platform's own way of starting processes. While the pool lives, what this
    process holds is frozen out of the garbage collector's walks (``gc.freeze``, made for fork): the
    workers' collections never walk the campaign they inherited."""
    import gc
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    forking = sys.platform.startswith("linux") and threading.active_count() == 1
    if forking:
        gc.freeze()
    context = multiprocessing.get_context("fork") if forking else multiprocessing.get_context()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer or share,
                               initargs=(shared,))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if forking:
            gc.unfreeze()


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
    import signal

    global _SHARED
    _SHARED = value
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle


def _call_shared(task):
    function, argument = task
    return function(_SHARED, argument)


@contextlib.contextmanager
def shared_pool(shared, workers: int):
    """``run(function, arguments)`` → ``[function(shared, a) for a in arguments]``, in order, computed by
    ``workers`` processes that each receive ``shared`` once (in this process when ``workers`` is 0).
    ``function`` is a module-level function; an exception it raises is raised here."""
    if workers <= 0:
        yield lambda function, arguments: [function(shared, a) for a in arguments]
        return
    with process_pool(workers, shared) as pool:
        def run(function, arguments):
            tasks = [(function, a) for a in arguments]
            return list(pool.map(_call_shared, tasks, chunksize=max(1, min(16, len(tasks) // (workers * 8)))))

        yield run


def shared():
    """In a worker: what its pool shares with every task (see :func:`share`)."""
    return _SHARED
