"""The day that picks the campaign's rule set typed far from its school year: "Ngày gửi hồ sơ" 01/01/2099
is used, and said at its cell with what it picks and what to do; a day within a year of the school year's end is not
said (a file sent late is a file)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.campaign_books import edit, make_book, row_of
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.read.campaign_book import load_campaign_book

TODAY = dt.date(2026, 5, 1)
LABELS = {f.key: f.label for f in cb.SCHOOL_FIELDS}


def _typed(tmp_path, **values):
    path = make_book(tmp_path)  # tiểu học, school year 2025-2026 on the day init runs (moved here: the sample's)

    def change(wb):
        ws = wb[cb.SCHOOL_SHEET]
        ws[f"B{row_of(ws, 'A', LABELS['school_year'])}"] = "2025-2026"
        for key, value in values.items():
            ws[f"B{row_of(ws, 'A', LABELS[key])}"] = value
        return {key: f"B{row_of(ws, 'A', LABELS[key])}" for key in values}

    return path, edit(path, change)


@pytest.mark.parametrize("filed, said", [
    ("01/01/2099", True),
    (dt.datetime(2027, 8, 1), True),  # a year and a day after 31/07/2026
    (dt.datetime(2027, 7, 31), False),  # a year after: a late file, still the year's
    (dt.datetime(2026, 6, 10), False),
])
def test_a_filing_date_far_after_the_school_year_is_said_at_its_cell(tmp_path, filed, said):
    path, cells = _typed(tmp_path, filing_date=filed)

    campaign, problems = load_campaign_book(path, today=TODAY)

    assert campaign is not None  # used, not refused
    found = [p for p in problems if p.code == "campaign.reference_day_far"]
    if not said:
        assert found == []
        return
    (warning,) = found
    day = campaign.rule_set.day.strftime("%d/%m/%Y")
    assert (warning.severity, warning.where) == ("warning", f"campaign.xlsx · Trường!{cells['filing_date']}")
    assert warning.message == (
        f"Ngày gửi hồ sơ là {day}, muộn hơn một năm sau khi năm học 2025-2026 kết thúc (31/07/2026): có lẽ gõ nhầm "
        f"năm. Ngày này chọn các văn bản áp dụng khi xét (các văn bản có hiệu lực ngày {day}), nên một ngày sai làm hồ "
        "sơ trích dẫn và áp dụng văn bản không đúng. Hãy sửa Ngày gửi hồ sơ ở sheet Trường cho đúng ngày trường gửi hồ "
        "sơ lên cấp trên (dạng dd/mm/yyyy) rồi chạy lại.")


def test_without_a_filing_date_a_far_scoring_deadline_is_what_is_said(tmp_path):
    path, cells = _typed(tmp_path, filing_date=None, scoring_deadline="20/05/2062")

    _, problems = load_campaign_book(path, today=TODAY)

    (warning,) = [p for p in problems if p.code == "campaign.reference_day_far"]
    assert warning.cell == cells["scoring_deadline"]
    assert warning.message.startswith("Hạn nộp chấm điểm là 20/05/2062") and "hạn các tổ nộp sổ chấm điểm" in \
        warning.message


def test_no_date_typed_picks_today_and_says_nothing(tmp_path):
    path, _ = _typed(tmp_path, filing_date=None, scoring_deadline=None)

    _, problems = load_campaign_book(path, today=dt.date(2099, 1, 1))

    assert [p for p in problems if p.code == "campaign.reference_day_far"] == []
