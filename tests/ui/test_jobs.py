"""A run of the page is said to have ended only once what it wrote is known: the page that sees it ended lists its
files (the council's papers were once missing from a finished run's page, read while the folder was still walked)."""

from __future__ import annotations

import threading
import time

from thidua_xlsx.ui import jobs as ui_jobs


def test_a_run_is_said_ended_only_with_the_files_it_wrote(tmp_path, monkeypatch):
    walked, walking = threading.Event(), threading.Event()
    real_files_of = ui_jobs.files_of
    calls = []

    def slow_files_of(folder):
        calls.append(folder)
        if len(calls) == 2:  # the walk after the run: held until the test has looked at the run
            walking.set()
            walked.wait(10)
        return real_files_of(folder)

    monkeypatch.setattr(ui_jobs, "files_of", slow_files_of)
    runs = ui_jobs.Jobs(tmp_path)

    def write_papers(_voice):
        (tmp_path / "ho-so").mkdir()
        (tmp_path / "ho-so" / "01_To-trinh.docx").write_bytes(b"papers")

    job = runs.start("merge", "Tổng hợp – thử", "cham-diem", write_papers)
    assert walking.wait(10)
    assert job.state == ui_jobs.RUNNING and job.written == []  # its work is done, its files not yet known
    walked.set()
    deadline = time.monotonic() + 10
    while job.state == ui_jobs.RUNNING and time.monotonic() < deadline:
        time.sleep(0.01)
    assert job.state == ui_jobs.DONE
    assert job.written == ["ho-so/01_To-trinh.docx"]


def test_a_run_that_fails_is_said_failed_with_the_files_it_wrote(tmp_path):
    runs = ui_jobs.Jobs(tmp_path)

    def half_then_fault(_voice):
        (tmp_path / "tong-hop.xlsx").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    job = runs.start("merge", "Tổng hợp – thử", "cham-diem", half_then_fault)
    deadline = time.monotonic() + 10
    while job.state == ui_jobs.RUNNING and time.monotonic() < deadline:
        time.sleep(0.01)
    assert job.state == ui_jobs.FAILED
    assert job.written == ["tong-hop.xlsx"] and job.message
