"""A move to another school during the year (NĐ 233/2026 điều 15 khoản 1 điểm a) as sheet Nhân sự says it — "Chuyển đi
từ ngày", "Chuyển đến trường" — read back and checked at its cells, a book written before the columns still opening;
and the year over a quarter the move falls in: the quarter she began is hers, the next is not, and she is in no HTXSNV
cap group of the school. The command-line journey is tests/e2e/test_moved_away.py."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from tests.campaign_books import edit, facts_of, load, make_book, set_staff
from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import evaluation as ev

NEW_SCHOOL = "Trường THCS Hòa Bình"




def test_the_day_and_the_school_are_read_back(tmp_path):
    book = make_book(tmp_path / "c", "nd233")  # 2026-2027
    set_staff(book, "GV002", **{cb.MOVED_ON_HEADER: dt.datetime(2026, 11, 1), cb.MOVED_TO_HEADER: f"  {NEW_SCHOOL} "})
    set_staff(book, "GV003", **{cb.MOVED_ON_HEADER: "15/01/2027", cb.MOVED_TO_HEADER: NEW_SCHOOL})

    campaign, problems = load(book)

    assert problems == []
    assert [(facts_of(campaign, c).moved_on, facts_of(campaign, c).moved_to) for c in ("GV002", "GV003", "GV004")] == [
        ("2026-11-01", NEW_SCHOOL), ("2027-01-15", NEW_SCHOOL), (None, None)]
    person = next(p for p in campaign.staff if p.code == "GV002")
    assert not cm.moved_by(person, dt.date(2026, 10, 1)) and cm.moved_by(person, dt.date(2026, 11, 1))


def test_a_day_outside_the_year_or_one_column_without_the_other_is_said_at_its_cell(tmp_path):
    book = make_book(tmp_path / "c", "nd233")
    columns = {c.value: c.column_letter for c in load_workbook(book)[cb.STAFF_SHEET][1]}
    outside = set_staff(book, "GV002", **{cb.MOVED_ON_HEADER: "01/09/2027", cb.MOVED_TO_HEADER: NEW_SCHOOL})
    no_school = set_staff(book, "GV003", **{cb.MOVED_ON_HEADER: "01/11/2026"})
    no_day = set_staff(book, "GV004", **{cb.MOVED_TO_HEADER: NEW_SCHOOL})

    campaign, problems = load(book)

    assert campaign is None  # a day outside the year would cut her periods wrong: an error
    said = {p.code: p for p in problems}
    assert said["campaign.moved_outside_year"].where.endswith(f"Nhân sự!{columns[cb.MOVED_ON_HEADER]}{outside}")
    assert said["campaign.moved_outside_year"].message.endswith(
        "cột 'Chuyển đi từ ngày' ghi 01/09/2027, ngoài năm học 2026-2027 (01/08/2026 – 31/07/2027). Hãy ghi ngày người "
        "này chuyển công tác trong năm học (dạng dd/mm/yyyy), hoặc xóa ô này nếu người này không chuyển đi trong năm.")
    missing = said["campaign.moved_to_missing"]
    assert (missing.severity, missing.where.split("!")[-1]) == ("warning", f"{columns[cb.MOVED_TO_HEADER]}{no_school}")
    assert "chuyển đi từ 01/11/2026 nhưng cột 'Chuyển đến trường' để trống" in missing.message
    alone = said["campaign.moved_day_missing"]
    assert (alone.severity, alone.where.split("!")[-1]) == ("warning", f"{columns[cb.MOVED_TO_HEADER]}{no_day}")
    assert f"ghi chuyển đến '{NEW_SCHOOL}' nhưng cột 'Chuyển đi từ ngày' để trống – không dùng" in alone.message
    assert len(problems) == 3


def test_a_book_written_before_the_columns_still_opens(tmp_path):
    book = make_book(tmp_path / "c", "nd233")

    def old(wb):
        ws = wb[cb.STAFF_SHEET]
        for header in (cb.MOVED_TO_HEADER, cb.MOVED_ON_HEADER):
            ws.delete_cols(next(c.column for c in ws[1] if c.value == header))
    edit(book, old)

    campaign, problems = load(book)

    assert problems == [] and {(p.facts.moved_on, p.facts.moved_to) for p in campaign.staff} == {(None, None)}


# --- a quarterly year: the quarter the move falls in ----------------------------------------------------------------

QUARTERS = [{"code": "quy-1", "label": "Quý I", "start": "2026-09-01", "end": "2026-11-30", "deadline": ""},
            {"code": "quy-2", "label": "Quý II", "start": "2026-12-01", "end": "2027-02-28", "deadline": ""}]


def _quarterly_year():
    data = campaign_dict(period_kind=cm.QUARTERS, periods=QUARTERS, rubrics=[RUBRIC_GV, RUBRIC_NV],
                         classification=[{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70},
                                         {"name": "HTNV", "min": 50}, {"name": "KHTNV", "min": 0}], gate_cap="HTNV",
                         rules={"ldtt_min_classification": ""})
    for person in data["staff"]:
        person |= {"rating": None, "months": 12, "maternity_months": 0, "discipline": "Không"}
        if person["code"] == "GV02":
            person |= {"moved_on": "2026-10-15", "moved_to": NEW_SCHOOL}
    campaign = cm.from_dict(data)
    totals = {p.code: (95, 95) for p in campaign.staff}
    periods = {q["code"]: ev.PeriodSummary(f"tong-hop_{q['code']}.xlsx", q["code"], True,
                                           {code: ev.PeriodEntry(t[k]) for code, t in totals.items()
                                            if not (code == "GV02" and k == 1)})
               for k, q in enumerate(QUARTERS)}
    return year_summary(campaign, [], periods)


def test_the_quarter_she_began_is_hers_the_next_is_not_and_neither_is_missing():
    summary = _quarterly_year()
    duc = summary.year.ratings["GV02"]
    assert (duc.used, duc.after_leaving, duc.missing, duc.rating) == (("quy-1",), ("quy-2",), (), ev.NOT_RATED)
    assert [r.code for r in duc.reasons][-1] == "year.moved_away"
    assert not [i for i in summary.issues if i.code in ("year.person_periods_missing",
                                                        "year.department_period_missing")]


def test_who_moved_away_is_in_no_htxsnv_cap_group():
    summary = _quarterly_year()
    capped = {r.person for r in summary.year.ratings.values() if any(x.code.startswith("year.cap") for x in r.reasons)}
    assert capped == {"GV01", "GV03", "GV04", "GV05", "NV01"}  # everyone at 95 is counted in a group, but her
