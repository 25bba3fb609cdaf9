"""No fork in a threaded process: a forked child holds only the thread that forked, with the locks the others held
at that moment held for ever. While a second thread runs (the page's runs, an analyst's program), the workers are
spawned — they import the package anew and inherit nothing — and they own themselves (their collector is theirs to
tune); in a process the CLI said its own, only the main thread does."""

from __future__ import annotations

import sys
import threading

import pytest

from thidua_xlsx.system import pool

MARK = "as imported"  # set otherwise in this process below: a forked worker would inherit it, a spawned one cannot


def _seen_in_worker(_shared: None, _argument: int) -> tuple[str, bool]:
    return MARK, pool.owns_itself()


@pytest.fixture
def second_thread():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, name="a second thread")
    thread.start()
    yield thread
    stop.set()
    thread.join()


def test_a_process_running_a_second_thread_spawns_its_workers(second_thread, monkeypatch):
    assert threading.active_count() > 1
    assert pool.start_method() == "spawn"
    monkeypatch.setattr(sys.modules[__name__], "MARK", "set in this process")
    with pool.shared_pool(None, 2) as run:
        assert run(_seen_in_worker, [1, 2]) == [("as imported", True)] * 2


def test_only_the_main_thread_of_a_process_said_its_own_owns_itself(monkeypatch):
    monkeypatch.setattr(pool, "_OWNED", True)
    assert pool.owns_itself()
    seen: list[bool] = []
    thread = threading.Thread(target=lambda: seen.append(pool.owns_itself()))  # as the page's runs are
    thread.start()
    thread.join()
    assert seen == [False]
