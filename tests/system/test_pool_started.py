"""Work started ahead (``pool.started``) — the workers compute from the start while this process does
something else; the results come in order, per start, as they would in this process; an error is raised in its
turn."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from thidua_xlsx.system import pool


def _slow_times(shared: int, value: int) -> int:
    time.sleep(0.2)
    if value < 0:
        raise ValueError(f"refused {value}")
    return shared * value


@pytest.mark.parametrize("workers", [0, 2])
def test_started_work_gives_each_starts_results_in_order(workers):
    with pool.started(3, workers) as start:
        first, second = start(_slow_times, [1, 2, 3]), start(_slow_times, [10])
        assert list(second) == [30] and list(first) == [3, 6, 9]


def _marked(folder: Path, value: int) -> int:
    (folder / f"{value}.done").touch()
    return value


def test_the_workers_compute_while_this_process_does_something_else(tmp_path):
    with pool.started(tmp_path, 2) as start:
        results = start(_marked, [1, 2])
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("*.done"))) < 2 and time.monotonic() < deadline:  # nothing asked for yet
            time.sleep(0.01)
        assert sorted(p.name for p in tmp_path.glob("*.done")) == ["1.done", "2.done"]
        assert list(results) == [1, 2]


@pytest.mark.parametrize("workers", [0, 2])
def test_an_error_is_raised_when_its_turn_comes(workers):
    with pool.started(1, workers) as start:
        results = start(_slow_times, [1, -2, 3])
        assert next(results) == 1
        with pytest.raises(ValueError, match="refused -2"):
            next(results)


def test_work_started_on_a_pool_already_broken_is_said_broken_in_its_turn(monkeypatch):
    """Tasks handed to a pool whose workers could not start, once pebble knows it is broken (it then refuses them
    with its own RuntimeError): the pool's failure, BrokenProcessPool, raised when the first result's turn comes."""
    from concurrent.futures.process import BrokenProcessPool

    from tests.workers import cannot_start

    monkeypatch.setattr(pool, "start_method", lambda: "spawn")  # no fork of this test process
    with pool.process_pool(2, None, initializer=cannot_start) as broken:
        deadline = time.monotonic() + 60
        while broken.active and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not broken.active
        results = pool._in_turn(broken, abs, [-1, 2, -3], 2)  # refused from its first task, raised in its turn
        with pytest.raises(BrokenProcessPool, match="while its tasks were handed"):
            next(results)


def _times(shared: int, value: int) -> int:
    return shared * value


def test_work_on_a_pool_whose_workers_cannot_start_is_done_here_and_said_once(monkeypatch):
    """docs/conventions.md: no silent fallback. Workers whose start fails (a real pool, broken: its initializer
    raises) fail no work: each start's results come in order, computed here from the first the pool did not give,
    a start after the failure here at once; the failure told once, with how many of its start were left."""
    from tests.workers import cannot_start

    monkeypatch.setattr(pool, "start_method", lambda: "spawn")  # no fork of this test process
    monkeypatch.setattr(pool, "share", cannot_start)
    told: list[tuple[str, int]] = []
    with pool.started(3, 2, lambda failure, left: told.append((type(failure).__name__, left))) as start:
        first, second = start(_times, [1, 2, 3]), start(_times, [10])
        assert list(first) == [3, 6, 9] and list(second) == [30]
        assert list(start(_times, [5])) == [15]
    assert told == [("BrokenProcessPool", 3)]
    with pool.shared_pool(2, 2, lambda failure, left: told.append((type(failure).__name__, left))) as run:
        assert run(_times, [1, 2]) == [2, 4]
    assert told[1:] == [("BrokenProcessPool", 2)]


def _full_disk(_shared: None, value: int) -> int:
    if value == 2:
        raise OSError(28, "No space left on device")
    return value


def test_a_tasks_own_os_error_is_raised_in_its_turn_never_taken_for_the_pools(monkeypatch):
    """A task's own OSError (a full disk) is no failure of the workers: raised when its turn comes, the pool not
    said to have failed, the task not done again here."""
    monkeypatch.setattr(pool, "start_method", lambda: "spawn")  # no fork of this test process
    told: list[BaseException] = []
    with pool.started(None, 2, lambda failure, left: told.append(failure)) as start:
        results = start(_full_disk, [1, 2, 3])
        assert next(results) == 1
        with pytest.raises(OSError, match="No space left"):
            next(results)
    assert told == []


_BROKEN_POOL = """
import operator
import sys
from tests.workers import cannot_start
from thidua_xlsx.system import pool

pool.share = cannot_start
for attempt in range(int(sys.argv[1])):
    told = []
    said = lambda failure, left: told.append(f"{type(failure).__name__}:{left}")
    first = next(pool.shared_map(2, operator.mul, list(range(-300, 300)), 2, said))
    print(first, *told, flush=True)
"""


def test_a_pool_whose_workers_cannot_start_is_said_broken_never_waited_for_forever():
    """Workers whose start fails break the pool: every wait for a result ends, the pool's failure told and the work
    done here — a chunk pebble still held queued when the pool broke was once waited for forever (the merge hung,
    now and then)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    ran = subprocess.run([sys.executable, "-c", _BROKEN_POOL, "10"], cwd=root, capture_output=True, text=True,
                         timeout=120)
    assert ran.stdout.splitlines() == ["-600 BrokenProcessPool:600"] * 10, ran.stderr[-2000:]
