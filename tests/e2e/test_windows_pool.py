"""The secretary's Windows computer: no SIGALRM, and worker processes started by spawn only.

Here on Linux the pool is made to start its workers by spawn (:func:`pool.start_method`) and this process
to be one that cannot interrupt its reader (:func:`pool.interrupts_in_process`): the path Windows takes,
with real workers. A spawned worker imports the package anew, so no monkeypatch reaches it: what it must
do differently travels in what it is given — a record of what was issued that stalls or dies on one
workbook (:class:`_Troubled`), pickled to it with the read context like the real one.
"""

from __future__ import annotations

import os
import time

import pytest

from tests.corpus import fail_on_khoi_1, valid_inbox
from tests.workers import generated, stall
from thidua_xlsx.read import department as reader
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.steps import parallel, workspace
from thidua_xlsx.system import pool


@pytest.fixture
def windows(monkeypatch):
    """Workers started by spawn, and a reader this process cannot interrupt."""
    monkeypatch.setattr(pool, "start_method", lambda: "spawn")
    monkeypatch.setattr(pool, "interrupts_in_process", lambda: False)


class _Troubled(IssuedRegistry):
    """The campaign's record of what was issued, except that in a worker process, looking up a workbook
    named in ``stalls`` takes a minute, and one named in ``dies`` kills the worker (as a native parser's
    crash would). This process reads it as it is (the merge looks records up after reading, too)."""

    def __init__(self, campaign_folder, stalls=(), dies=()):
        super().__init__(campaign_folder)
        self.stalls, self.dies = set(stalls), set(dies)

    def get(self, submission_id):
        import multiprocessing

        found = super().get(submission_id)
        if found is not None and multiprocessing.parent_process() is not None:
            if found.file_name in self.dies:
                os._exit(3)
            if found.file_name in self.stalls:
                time.sleep(60)
        return found


def _troubled(monkeypatch, **trouble) -> None:
    """Every merge of this test reads the campaign's record through :class:`_Troubled`."""
    monkeypatch.setattr(workspace.CampaignFolder, "registry",
                        property(lambda folder: _Troubled(folder.folder, **trouble)))


def _outcomes(summary) -> dict[str, tuple[str, str]]:
    return {f.name: (f.status, f.reason) for f in summary.files}


def test_where_the_reader_cannot_be_interrupted_even_one_file_is_read_by_a_worker(monkeypatch):
    monkeypatch.setattr(pool, "interrupts_in_process", lambda: True)
    assert parallel.workers_for(1) == 0 and parallel.workers_for(parallel.PARALLEL_FROM - 1) == 0
    monkeypatch.setattr(pool, "interrupts_in_process", lambda: False)
    assert parallel.workers_for(1) == 1 and parallel.workers_for(parallel.PARALLEL_FROM - 1) == 1
    monkeypatch.setattr(pool, "usable_cores", lambda: 1)
    assert parallel.workers_for(1000) == 1


def test_the_same_summary_read_in_a_spawned_worker(school, windows, monkeypatch):
    """The filled inbox of test_merge, small: read by one spawned worker, as on Windows."""
    done = []
    assert parallel.workers_for(len(scan_inbox(school["inbox"]))) == 1
    spawned = merge_inbox(school["inbox"], school["folder"], on_file=done.append)
    monkeypatch.setattr(parallel, "workers_for", lambda count: 0)
    assert spawned == merge_inbox(school["inbox"], school["folder"])
    assert sorted(done) == sorted(item.name for item in scan_inbox(school["inbox"]))  # the progress bar: once each


def test_the_same_summary_for_the_hostile_corpus_in_spawned_workers(hostile_inbox, base, windows, monkeypatch):
    """Every broken and hostile entry of test_corpus.py, read by two spawned workers in chunks."""
    monkeypatch.setattr(parallel, "workers_for", lambda count: 2)
    spawned = merge_inbox(hostile_inbox["inbox"], base["folder"])
    assert _outcomes(spawned) == hostile_inbox["expected"]
    monkeypatch.setattr(parallel, "workers_for", lambda count: 0)
    assert spawned == merge_inbox(hostile_inbox["inbox"], base["folder"])


@pytest.mark.long(8)
@pytest.mark.parametrize(("stalled", "seconds"), [("t1", 3), ("both", 1)])
def test_the_time_limit_holds_in_spawned_workers_with_no_signal(base, tmp_path, windows, monkeypatch,
                                                                 stalled, seconds):
    """The deadline is this process's (``seconds`` a file: time enough for a fresh worker's first file when
    one is to be read; the spawned workers keep their own 20 s): a file that stalls is too slow at this
    process's limit, the merge finishes and accounts for every file."""
    inbox = valid_inbox(base, tmp_path / "inbox")
    t1, t2 = base["t1"].name, base["t2"].name
    monkeypatch.setattr(reader, "SECONDS_PER_FILE", seconds)
    _troubled(monkeypatch, stalls=[t1] if stalled == "t1" else [t1, t2])
    summary = merge_inbox(inbox, base["folder"])
    slow = ("rejected", "file.too_slow")
    assert _outcomes(summary) == {t1: slow, t2: ("accepted", "") if stalled == "t1" else slow}
    too_slow = [i for f in summary.files for i in f.issues if i.code == "file.too_slow"]
    assert too_slow and all(dict(i.params)["seconds"] == seconds for i in too_slow)


def test_a_spawned_worker_that_dies_is_one_files_outcome(base, tmp_path, windows, monkeypatch):
    inbox = valid_inbox(base, tmp_path / "inbox")
    t1, t2 = base["t1"].name, base["t2"].name
    _troubled(monkeypatch, dies=[t1])
    summary = merge_inbox(inbox, base["folder"])
    assert _outcomes(summary) == {t1: ("rejected", "file.internal_error"), t2: ("accepted", "")}
    assert "ProcessExpired" in next(f for f in summary.files if f.name == t1).issues[-1].message


@pytest.mark.long(3)
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the test patches the reader inside forked workers")
def test_the_deadline_alone_stops_a_slow_file_in_forked_workers(base, tmp_path, monkeypatch):
    """No alarm in this process nor in the workers (the patch is inherited by fork): a file stalled in
    Python code is stopped by its task's deadline only, and only that file is refused."""
    inbox = valid_inbox(base, tmp_path / "inbox")
    monkeypatch.setattr(pool, "interrupts_in_process", lambda: False)
    monkeypatch.setattr(reader, "SECONDS_PER_FILE", 1)
    fail_on_khoi_1(monkeypatch, stall)
    assert pool.start_method() == "fork"
    summary = merge_inbox(inbox, base["folder"])
    assert _outcomes(summary) == {base["t1"].name: ("rejected", "file.too_slow"), base["t2"].name: ("accepted", "")}


def test_generate_writes_the_same_bytes_in_spawned_workers(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "start_method", lambda: "spawn")
    spawned = generated(tmp_path / "a", monkeypatch, True)
    assert spawned == generated(tmp_path / "b", monkeypatch, False)


def test_feedback_copies_written_in_spawned_workers_are_those_written_in_one_process(returned, tmp_path,
                                                                                      monkeypatch):
    import zipfile

    from thidua_xlsx.write.feedback import write_feedback

    monkeypatch.setattr(pool, "start_method", lambda: "spawn")
    copies = []
    for workers in (0, 2):
        monkeypatch.setattr(pool, "workers_for_workbooks", lambda count, workers=workers: workers)
        written = write_feedback(returned["summary"], tmp_path / str(workers)).written
        with zipfile.ZipFile(written[0]) as zf:  # all but the time it was saved
            copies.append({n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"})
    assert copies[0] == copies[1]


def _cannot_start(_context) -> None:
    raise OSError("no worker today")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the test patches the workers' start inside forked workers")
def test_a_pool_whose_workers_cannot_start_still_accounts_for_every_file(base, tmp_path, monkeypatch):
    """pebble's pool breaks when its workers die with no task in hand: each file is tried alone in another
    pool, then said as our error; the merge ends."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(5):
        (inbox / f"{n}-{base['t1'].name}").write_bytes(base["t1"].read_bytes())
    monkeypatch.setattr(parallel, "_share_for_reading", _cannot_start)
    monkeypatch.setattr(parallel, "workers_for", lambda count: 2)
    summary = merge_inbox(inbox, base["folder"])
    assert set(_outcomes(summary).values()) == {("rejected", "file.internal_error")} and len(summary.files) == 5
