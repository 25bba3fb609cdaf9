"""A year still running, written into the history book on purpose and carried into next year, through the page's
own runs (the sample school by month on 20/10/2026: Tháng 10 still running, so the year is a DỰ THẢO). The history
button's first refusal names every step the year lacks — the council's pass as well as the periods — so that the
step it advises is not refused in turn; and *Sang năm học mới* says the year written on purpose is in the new
folder's book, never that it is "chưa ghi vào sổ lịch sử" (docs/domain.md: the year is final only when every period
has its head's result; history records only a finished year, unless told on purpose)."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.filling import council_types
from tests.init_fixtures import on_day
from tests.ui.pages import client, log_lines, period_school, ran, text

RUNNING_DAY = dt.date(2026, 10, 20)  # Tháng 10/2026 of the sample's two months still running


@pytest.fixture
def draft_year(tmp_path, monkeypatch):
    """The sample school's year merged on the page while Tháng 10 runs, and the page."""
    on_day(monkeypatch, RUNNING_DAY)
    folder = period_school(tmp_path)
    _app, found = client(folder)
    state, page, _job = ran(found, "/vong/ca-nam/tong-hop")
    assert state["state"] == "done", text(page)
    return tmp_path, folder, found


def _errors(page) -> list[str]:
    return [line for line in log_lines(page) if line.startswith("Lỗi:")]


def test_the_first_refusal_of_a_draft_year_before_the_council_advises_a_step_that_then_works(draft_year):
    tmp_path, folder, found = draft_year
    state, page, _job = ran(found, "/lich-su")
    assert state["state"] == "failed"
    first = _errors(page)
    assert len(first) == 1 and "còn DỰ THẢO (Tháng 10/2026 chưa hết kỳ) và chưa qua Hội đồng" in first[0], first
    assert "Bảng cả năm Hội đồng đã ghi" in first[0] and "Ghi dù năm chưa xong" in first[0]
    # what it advises, done: the council's pass on the year, then the box ticked — the year is written
    council = tmp_path / "hoi-dong_ca-nam.xlsx"
    council_types(folder / "tong-hop_ca-nam.xlsx", council, {})
    state, page, _job = ran(found, "/vong/ca-nam/tong-hop", council=(io.BytesIO(council.read_bytes()), council.name))
    assert state["state"] == "done", text(page)
    state, page, _job = ran(found, "/lich-su", **{"chinh-thuc": "1"})
    assert state["state"] == "done" and not _errors(page), log_lines(page)
    assert (folder / "lich-su.xlsx").is_file()


def test_next_year_says_the_draft_year_written_on_purpose_is_in_the_new_book(draft_year):
    tmp_path, folder, found = draft_year
    council = tmp_path / "hoi-dong_ca-nam.xlsx"
    council_types(folder / "tong-hop_ca-nam.xlsx", council, {})
    assert ran(found, "/vong/ca-nam/tong-hop", council=(io.BytesIO(council.read_bytes()), council.name))[0][
        "state"] == "done"
    assert ran(found, "/lich-su", **{"chinh-thuc": "1"})[0]["state"] == "done"
    state, page, _job = ran(found, "/nam-moi", ten="nam-sau")
    assert state["state"] == "done", text(page)
    log = log_lines(page)
    assert any("Sổ lịch sử lich-su.xlsx (khen thưởng nhiều năm) đã có trong thư mục mới" in line and "2026-2027"
               in line for line in log), log
    said = [line for line in log if "còn DỰ THẢO" in line or "chưa có kết quả năm học" in line]
    assert not said, said
