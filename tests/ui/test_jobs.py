"""A run of the page is one service call: it is said to have ended only once its Result is there, and what it wrote
is what that Result lists — the page never walks the campaign folder to learn it (the council's papers were once
missing from a finished run's page, read while the folder was still walked)."""

from __future__ import annotations

import shutil
import threading
import time

import pytest

from tests.ui.pages import RETURNED, TOKEN, client, held_runs, school_campaign, text, wait_job
from thidua_xlsx import service
from thidua_xlsx.model import requests as rq
from thidua_xlsx.ui import jobs as ui_jobs
from thidua_xlsx.ui.security import form_token


def _ended(job) -> None:
    """Wait for ``job`` to end; still running after a minute, the test fails saying what the job showed."""
    deadline = time.monotonic() + 60
    while job.state == ui_jobs.RUNNING:
        assert time.monotonic() < deadline, f"{job.label} still running after 60 s: {job.to_dict()}"
        time.sleep(0.01)


def test_a_run_is_said_ended_only_with_the_files_its_result_lists(tmp_path, monkeypatch):
    folder, returned = school_campaign(tmp_path)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    done, release = threading.Event(), threading.Event()
    real_run = service.run

    def held(request, voice, door):  # the command is done, its Result not yet handed back
        result = real_run(request, voice, door)
        done.set()
        release.wait(10)
        return result

    monkeypatch.setattr(service, "run", held)
    job = ui_jobs.Jobs(folder).start("generate", "Sinh sổ – thử", "cham-diem",
                                     rq.GenerateRequest(campaign_path=folder, round="cham-diem", force=True))
    assert done.wait(60)
    assert job.state == ui_jobs.RUNNING and job.result is None  # its work is done, its files not yet known
    release.set()
    _ended(job)
    assert job.state == ui_jobs.DONE
    books = [f.path.relative_to(folder).as_posix() for f in job.result.files]
    assert len(books) == 5 and all(b.startswith("outbox/cham-diem/") and (folder / b).is_file() for b in books)
    assert not hasattr(ui_jobs, "files_of") and "os" not in vars(ui_jobs)  # no walk of the folder to find them
    assert job.result.decided is None  # books made: nothing decided


def test_what_a_merge_decided_comes_back_in_its_result_and_its_page_shows_that(tmp_path):
    """The people the run's page lists, by rank with their titles, are its Result's Summary (Result.decided: what a
    library caller gets too), not something the run told the page on the side."""
    folder, returned = school_campaign(tmp_path)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    app, found = client(folder)
    merged = found.post("/vong/cham-diem/tong-hop", data={"csrf": form_token(TOKEN)})
    assert wait_job(found, merged.headers["Location"])["state"] == "done"
    job = app.extensions["thidua_jobs"].get(merged.headers["Location"].rsplit("/", 1)[1])
    decided = job.result.decided
    assert decided is not None and decided.decides_titles and not decided.period
    ranked = sorted((p for p in decided.people if p.rank_school), key=lambda p: p.rank_school)
    page = text(found.get(merged.headers["Location"]))
    for p in ranked[:3]:
        assert f"{p.rank_school} {p.name} {p.department_name}" in page
    assert "Lao động tiên tiến" in page and "Chiến sĩ thi đua cơ sở" in page


def test_a_run_that_cannot_start_is_said_failed_with_why(tmp_path):
    job = ui_jobs.Jobs(tmp_path).start("generate", "Sinh sổ – thử", "cham-diem",
                                       rq.GenerateRequest(campaign_path=tmp_path, round="cham-diem"))
    _ended(job)
    assert job.state == ui_jobs.FAILED and job.result is None
    assert [p.code for p in job.problems] == ["campaign.not_found"]


def test_a_fault_of_the_machine_is_said_in_words(tmp_path, monkeypatch):
    def full_disk(request, voice, door):
        raise OSError(28, "No space left on device", str(tmp_path / "tong-hop.xlsx"))

    monkeypatch.setattr(service, "run", full_disk)
    job = ui_jobs.Jobs(tmp_path).start("merge", "Tổng hợp – thử", "cham-diem", rq.MergeRequest(inbox=tmp_path))
    _ended(job)
    assert job.state == ui_jobs.FAILED and "tong-hop.xlsx" in job.message and "Lỗi nội bộ" not in job.message


def test_a_wait_for_a_run_still_running_at_its_deadline_fails_with_what_it_saw(tmp_path, monkeypatch):
    """The page's tests never take a run still running for ended (tests/ui/pages.wait_job): at the wait's deadline
    the test fails, with the run's state and the words of its page."""
    folder, _returned = school_campaign(tmp_path)
    release = held_runs(monkeypatch)
    _app, found = client(folder)
    started = found.post("/vong/cham-diem/tong-hop", data={"csrf": form_token(TOKEN)})
    try:
        with pytest.raises(AssertionError, match="still running after 0.3 s") as failed:
            wait_job(found, started.headers["Location"], 0.3)
    finally:
        release.set()
    assert "'state': 'running'" in str(failed.value) and "Đang chạy" in str(failed.value)
    assert wait_job(found, started.headers["Location"])["state"] in ("done", "failed")


def test_a_run_ending_while_its_page_is_drawn_is_shown_running_then_done_with_what_it_wrote(tmp_path, monkeypatch):
    """The run's page reads the run's state once, before its Result: a run that ends while the page is drawn is
    shown still running (its page asks again and reloads), never "done" with nothing written and no more asking."""
    from thidua_xlsx.ui import views

    folder, returned = school_campaign(tmp_path)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    release = held_runs(monkeypatch)
    app, found = client(folder)
    merged = found.post("/vong/cham-diem/tong-hop", data={"csrf": form_token(TOKEN)})
    job = app.extensions["thidua_jobs"].get(merged.headers["Location"].rsplit("/", 1)[1])
    real_results = views._results

    def results_then_the_run_ends(running):
        shown = real_results(running)  # read while it runs: nothing written yet
        release.set()
        _ended(running)
        return shown

    monkeypatch.setattr(views, "_results", results_then_the_run_ends)
    drawn = found.get(merged.headers["Location"]).get_data(as_text=True)

    assert job.state == ui_jobs.DONE
    assert 'data-state="running"' in drawn and "tong-hop_cham-diem.xlsx" not in drawn
    monkeypatch.setattr(views, "_results", real_results)
    assert "Xong Tệp đã ghi tong-hop_cham-diem.xlsx" in text(found.get(merged.headers["Location"]))  # asked again


def test_a_run_that_fails_on_the_page_says_what_it_warned_in_the_page_s_words(tmp_path):
    """A merge the machine stops (its summary's place taken by a folder) after opening the sample campaign: the log
    says the campaign's warning as the page says it (a button to press), never a command line to type."""
    from tests.ui.pages import returned_school

    folder, _returned = returned_school(tmp_path)
    (folder / "tong-hop_cham-diem.xlsx").mkdir()  # where the summary goes: a folder, so the run cannot write it
    _app, found = client(folder)
    started = found.post("/vong/cham-diem/tong-hop", data={"csrf": form_token(TOKEN)})
    assert started.status_code == 303, text(started)

    assert wait_job(found, started.headers["Location"])["state"] == ui_jobs.FAILED
    page = text(found.get(started.headers["Location"]))
    assert "Chiến dịch này vẫn là trường mẫu" in page and "Sang năm học mới" in page, page
    assert "thidua-xlsx init" not in page and "--tu" not in page, page
