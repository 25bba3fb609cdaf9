"""Untidy lives, second round: a course the unit sent the person on (được cử đi học, bồi dưỡng) — its periods away,
never missing, the year rated on the periods worked (NĐ 233/2026 điều 15 khoản 1 điểm c), its months working time for
Lao động tiên tiến (NĐ 91/2017 điều 10 khoản 3 as quoted), the head asked where the decree is silent; printed "đi
học" on the year's sheet and the Phiếu.

A monthly year of three months built in code (the months' summaries in memory), written as ``year`` writes it and
read back."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from openpyxl import load_workbook

from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from tests.documents import appraisal_pages
from tests.year_fixtures import MONTHS, PERIODS, period_summaries
from thidua_xlsx.decide import rules
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.results import away
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.papers.document_set import APPRAISAL
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS
from thidua_xlsx.write.summary import write_summary

OCTOBER = PERIODS[1]
STUDY, SHORT, DECIDED, SICK = "GV01", "GV02", "GV03", "GV04"
# code, name, the scores of the three months (None: none), what the roster says besides
STAFF = [
    (STUDY, "Nguyễn Thị Lan", (88, None, 86), {"months": 9}),  # October on a course, 9 months at school
    (SHORT, "Trần Văn Đức", (80, None, 80), {"months": 5}),  # 5 months at school, under the 6 of điều 14 khoản 1
    (DECIDED, "Lê Thị Dung", (80, None, 80), {"months": 5, "rating": "HTTNV"}),  # the same, the head has rated her
    (SICK, "Phạm Ngọc Ánh", (80, None, 80), {"months": 9, "leave": cm.LEAVE_SICK_WORD}),  # another kind: "nghỉ"
]


def _campaign() -> cm.Campaign:
    staff = [{"code": code, "name": name, "department": "T1", "role": "Giáo viên", "position": "Giáo viên",
              "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": None, "months": 12,
              "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False, "initiative": "",
              "initiative_level": "", "initiative_decision": "", "leave": cm.LEAVE_STUDY_WORD, "away": [OCTOBER]}
             | extra for code, name, _scores, extra in STAFF]
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(id="di-hoc", period_kind=cm.MONTHS, periods=MONTHS, staff=staff,
                                      rules={"ldtt_min_classification": ""}, classification=levels,
                                      gate_cap="HTNV", rubrics=[RUBRIC_GV, RUBRIC_NV]))


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("di-hoc")
    totals = {code: scores for code, _name, scores, _extra in STAFF}
    summary = year_summary(_campaign(), [], period_summaries(totals, PERIODS, {c: LDTT for c, *_ in STAFF}))
    write_summary(summary, root / "tong-hop_ca-nam.xlsx")
    papers = write_documents(summary, root / "ho-so", pdf=False)
    phieu = next(d for d in papers.shared if d.kind == APPRAISAL)
    return {"summary": summary, "book": load_workbook(root / "tong-hop_ca-nam.xlsx"), "phieu": phieu.path}


def _rating(year, code: str) -> ev.YearRating:
    return year["summary"].year.ratings[code]


def _ldtt(year, code: str):
    return next(d for p in year["summary"].people if p.code == code for d in p.decisions if d.title == LDTT)


# --- the year: away, not missing; rated on the periods worked ---------------------------------------------------

def test_a_month_on_a_course_is_away_and_the_year_is_rated_on_the_months_worked(year):
    found = _rating(year, STUDY)
    assert (found.score, found.rating, found.used, found.missing, found.away) == (
        87, "HTTNV", (PERIODS[0], PERIODS[2]), (), (OCTOBER,))
    said = next(r for r in found.reasons if r.code == "year.away_study")
    assert said.text.startswith("được cử đi học, bồi dưỡng trọn Tháng 10/2025 (sheet Nhân sự): vắng mặt có lý do chính "
                                "đáng, không phải kỳ thiếu điểm")
    assert "(NĐ 233/2026 điều 15 khoản 1 điểm c;" in said.text
    assert "year.away" not in [r.code for r in found.reasons]  # not a leave of điều 14 khoản 2


def test_under_six_months_at_school_the_head_is_asked_not_the_year_refused(year):
    found = _rating(year, SHORT)
    assert (found.rating, found.score) == (ev.PENDING, 80)
    asked = next(r for r in found.reasons if r.code == "year.study_months_short")
    assert "làm việc tại đơn vị 5 tháng (dưới 6)" in asked.text
    assert "để người đứng đầu quyết định (điều 13 khoản 3 điểm b)" in asked.text
    assert "year.months_short" not in [r.code for r in found.reasons]
    waits = _ldtt(year, SHORT)
    assert waits.pending and not waits.granted
    assert "người đứng đầu quyết định có tính thời gian đi học, bồi dưỡng là thời gian làm việc" in waits.reason


def test_the_head_s_rating_stands_and_the_course_s_month_is_for_the_council_to_confirm(year):
    assert _rating(year, DECIDED).rating == "HTTNV"
    decision = _ldtt(year, DECIDED)
    assert decision.pending and not decision.granted
    assert decision.reasons[0].code == "ldtt.course_needed"
    assert decision.reasons[0].text.startswith("làm việc 6 tháng, kể cả 1 tháng được cử đi học, bồi dưỡng: thời gian "
                                               "học tập được tính là thời gian công tác để xét Lao động tiên tiến")
    assert "(NĐ 91/2017 điều 10 khoản 3;" in decision.reasons[0].text


def test_a_course_not_needed_for_the_months_is_counted_and_said_in_the_grant(year):
    decision = _ldtt(year, STUDY)
    assert decision.granted, decision.reason
    assert "làm việc 10 tháng (kể cả 1 tháng được cử đi học, bồi dưỡng)" in decision.reason


def test_a_month_on_a_course_is_away_so_no_department_is_reminded_of_it(year):
    person = next(p for p in year["summary"].people if p.code == STUDY)
    assert away(person, OCTOBER) and not away(person, PERIODS[2])


@pytest.mark.parametrize(("period", "months"), [
    (cm.Period("quy-1", "Quý I", dt.date(2026, 9, 1), dt.date(2026, 11, 30)), 3),
    (cm.Period("thang-2", "Tháng 2", dt.date(2027, 2, 1), dt.date(2027, 2, 28)), 1),
    (cm.Period("dot", "Đợt", dt.date(2026, 9, 15), dt.date(2026, 10, 14)), 1.0),
])
def test_a_course_s_months_are_the_months_of_its_periods(period, months):
    facts = cm.Facts(leave=cm.LEAVE_STUDY_WORD, away=(period.code,))
    assert rules.course_months(facts, (period,)) == months
    assert rules.course_months(dataclasses.replace(facts, leave=cm.LEAVE_SICK_WORD), (period,)) == 0


# --- printed as away, "đi học" where the kind is a course ---------------------------------------------------------

def _year_rows(year) -> tuple[dict[str, int], dict[str, tuple]]:
    rows = list(year["book"][sx.S_YEAR].iter_rows())
    head = next(k for k, row in enumerate(rows) if "Mã" in [c.value for c in row])
    cols = {c.value: k for k, c in enumerate(rows[head]) if c.value}
    return cols, {row[cols["Mã"]].value: row for row in rows[head + 1:] if row[cols["Mã"]].value}


def test_the_year_sheet_prints_a_month_on_a_course_as_di_hoc_and_counts_it_out(year):
    cols, rows = _year_rows(year)
    october, count = cols[MONTHS[1]["label"]], cols[sx.YEAR_HEAD_LAST[0]]
    assert rows[STUDY][october].value == sx.YEAR_AWAY_STUDY == "đi học"
    assert rows[STUDY][count].value == "2/2"
    assert rows[SICK][october].value == PERIOD_WORDS["away"] == "nghỉ"  # another kind of leave: as before
    texts = [c.value for row in year["book"][sx.S_YEAR].iter_rows(max_row=6) for c in row if isinstance(c.value, str)]
    legend = next(t for t in texts if t.startswith("Cách tính"))
    assert 'ghi "đi học", không phải kỳ thiếu điểm' in legend


def _pages(path) -> dict[str, list[str]]:
    return appraisal_pages(path)


def test_the_phieu_says_a_month_on_a_course_as_a_course_not_as_missing(year):
    pages = _pages(year["phieu"])
    page = pages["Nguyễn Thị Lan"]
    assert "Tổng số điểm năm: 87/100 điểm (trung bình cộng điểm của 2/2 kỳ đánh giá)." in page
    assert atx.PERIODS_AWAY_STUDY.format(periods=MONTHS[1]["label"]) in page
    assert not any(line.startswith(("Không có điểm", "Nghỉ trọn kỳ")) for line in page)
    assert atx.PERIODS_AWAY.format(periods=MONTHS[1]["label"]) in pages["Phạm Ngọc Ánh"]
