"""A discipline counted once (NĐ 233/2026 điều 14 khoản 3 điểm b, c): sheet Nhân sự's "Kỷ luật cho hành vi năm" — the
school year of the act, or "Đơn vị cũ" — read back and checked at its cell; the year compared with the history's
rating of that year: not KHTNV again where that year was KHTNV, counted as its clause says where it was not, said
either way; a violation at the former unit goes to the former unit's result. A monthly year built in code."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.campaign_books import edit, facts_of, load, make_book, set_staff
from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from tests.year_fixtures import MONTHS, PERIODS, period_summaries
from thidua_xlsx.decide.history import past_ratings, with_history
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model.history import History, PersonYear

BEFORE, RATED, UNKNOWN, FORMER, NOW = "GV01", "GV02", "GV03", "GV04", "GV05"
ACTS = {BEFORE: "2024-2025", RATED: "2024-2025", UNKNOWN: "2024-2025", FORMER: cb.FORMER_UNIT, NOW: None}
HISTORY = History(people=(PersonYear("2024-2025", BEFORE, "Người 1", rating="KHTNV"),
                          PersonYear("2024-2025", RATED, "Người 2", rating="HTTNV")))


def _campaign() -> cm.Campaign:
    staff = [{"code": code, "name": f"Người {k}", "department": "T1", "role": "Giáo viên", "position": "Giáo viên",
              "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": None, "months": 12,
              "maternity_months": 0, "days_off": 0, "discipline": "Khiển trách", "under_review": False,
              "initiative": "", "initiative_level": "", "initiative_decision": "",
              "discipline_scope": cm.SCOPE_DUTIES, "discipline_act": act}
             for k, (code, act) in enumerate(ACTS.items(), start=1)]
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(id="ky-luat", period_kind=cm.MONTHS, periods=MONTHS, staff=staff,
                                      rules={"ldtt_min_classification": ""}, classification=levels,
                                      gate_cap="HTNV", rubrics=[RUBRIC_GV, RUBRIC_NV]))


def _year(past=None):
    campaign = _campaign()
    totals = {code: (85, 85, 85) for code in ACTS}
    return year_summary(campaign, [], period_summaries(totals, PERIODS, {}), past=past)


def _said(summary, code: str) -> dict[str, str]:
    return {r.code: r.text for r in summary.year.ratings[code].reasons}


def test_the_history_s_ratings_are_found_per_roster_person():
    assert past_ratings(_campaign().staff, HISTORY) == {BEFORE: {"2024-2025": "KHTNV"}, RATED: {"2024-2025": "HTTNV"}}


def test_an_act_of_a_year_rated_khtnv_for_it_is_not_counted_again():
    summary = _year(past_ratings(_campaign().staff, HISTORY))
    assert summary.year.ratings[BEFORE].rating == "HTTNV"
    said = _said(summary, BEFORE)
    assert said["year.discipline_counted_before"] == (
        "bị kỷ luật khiển trách cho hành vi năm học 2024-2025, năm đã xếp loại KHTNV (theo sổ lịch sử): quyết định kỷ "
        "luật ban hành sau năm đánh giá không tính làm căn cứ xếp loại năm nay (NĐ 233/2026 điều 14 khoản 3 điểm b) – "
        "xếp loại theo điểm")
    assert "year.disciplined_duties" not in said and "year.band" in said


def test_an_act_of_a_year_the_history_rated_otherwise_counts_and_is_said():
    summary = _year(past_ratings(_campaign().staff, HISTORY))
    assert summary.year.ratings[RATED].rating == "KHTNV"
    said = _said(summary, RATED)
    assert "sổ lịch sử ghi năm đó xếp loại HTTNV, không phải KHTNV" in said["year.discipline_act_rated"]
    assert "(NĐ 233/2026 điều 12 khoản 4 điểm c)" in said["year.disciplined_duties"]


@pytest.mark.parametrize("past", [None, {}])
def test_an_act_of_a_year_not_known_counts_as_its_clause_says_and_asks_for_the_history(past):
    summary = _year(past)
    assert summary.year.ratings[UNKNOWN].rating == "KHTNV"
    said = _said(summary, UNKNOWN)
    assert "hãy tổng hợp kèm sổ lịch sử (--history)" in said["year.discipline_act_unknown"]
    assert "year.disciplined_duties" in said


def test_a_violation_at_the_former_unit_goes_to_its_result_and_this_year_s_counts():
    summary = _year()
    assert summary.year.ratings[FORMER].rating == "HTTNV"
    assert "(NĐ 233/2026 điều 14 khoản 3 điểm c)" in _said(summary, FORMER)["year.discipline_former_unit"]
    assert summary.year.ratings[NOW].rating == "KHTNV"
    assert "year.discipline_act_unknown" not in _said(summary, NOW)


def test_the_history_read_after_the_year_says_a_discipline_counted_twice_for_the_head():
    summary = with_history(_year(), HISTORY)
    flags = {p.code: [f.code for f in p.flags] for p in summary.people}
    before = next(p for p in summary.people if p.code == BEFORE)
    flag = next(f for f in before.flags if f.code == "flag.discipline_counted_before")
    assert flag.text.startswith("sổ lịch sử ghi năm 2024-2025 xếp KHTNV: kỷ luật cho hành vi năm đó không tính lại "
                                "(NĐ 233/2026 điều 14 khoản 3 điểm b) – xếp loại năm nay theo điểm năm 85")
    said = next(i for i in summary.issues if i.code == "history.discipline_counted_before")
    assert said.severity == "warning" and "Người 1 (GV01)" in said.message
    assert "flag.discipline_act_rated" in flags[RATED]
    assert not any(code.startswith("flag.discipline") for code in flags[UNKNOWN] + flags[FORMER] + flags[NOW])


# --- the column of sheet Nhân sự -----------------------------------------------------------------------------------



def test_the_act_s_year_or_the_former_unit_is_read_back_and_this_year_is_blank(tmp_path):
    book = make_book(tmp_path / "c", "nd233")  # 2026-2027
    disciplined = {"Kỷ luật": "Khiển trách", cb.SCOPE_HEADER: cm.SCOPE_DUTIES}
    set_staff(book, "GV002", **disciplined, **{cb.ACT_HEADER: "2025 – 2026"})
    set_staff(book, "GV003", **disciplined, **{cb.ACT_HEADER: "đơn vị cũ"})
    set_staff(book, "GV004", **disciplined, **{cb.ACT_HEADER: "2026-2027"})

    campaign, problems = load(book)

    assert problems == []
    assert [facts_of(campaign, code).discipline_act for code in ("GV002", "GV003", "GV004", "GV005")] == [
        "2025-2026", cb.FORMER_UNIT, None, None]


def test_a_later_year_or_another_word_is_said_at_its_cell(tmp_path):
    book = make_book(tmp_path / "c", "nd233")
    column = {c.value: c.column_letter for c in load_workbook(book)[cb.STAFF_SHEET][1]}[cb.ACT_HEADER]
    later = set_staff(book, "GV002", **{"Kỷ luật": "Khiển trách", cb.SCOPE_HEADER: "Khác", cb.ACT_HEADER: "2027-2028"})
    alone = set_staff(book, "GV003", **{cb.ACT_HEADER: "2024-2025"})

    campaign, problems = load(book)

    assert campaign is None
    said = {(p.code, p.cell): p for p in problems}
    assert said[("campaign.act_unknown", f"{column}{later}")].message.endswith(
        "cột 'Kỷ luật cho hành vi năm' ghi '2027-2028', không phải một năm học trước năm 2026-2027 hay 'Đơn vị cũ'. "
        "Hãy ghi năm học của hành vi bị kỷ luật, dạng 2024-2025 (NĐ 233/2026 điều 14 khoản 3 điểm b), 'Đơn vị cũ' "
        "nếu vi phạm xảy ra ở đơn vị cũ (điểm c), hoặc để trống nếu hành vi trong năm nay.")
    assert said[("campaign.act_without_discipline", f"{column}{alone}")].severity == "warning"
    assert len(problems) == 2


def test_a_book_written_before_the_column_still_opens(tmp_path):
    book = make_book(tmp_path / "c", "nd233")

    def old(wb):
        ws = wb[cb.STAFF_SHEET]
        ws.delete_cols(next(c.column for c in ws[1] if c.value == cb.ACT_HEADER))
    edit(book, old)

    campaign, problems = load(book)

    assert problems == [] and {p.facts.discipline_act for p in campaign.staff} == {None}


def test_the_year_given_its_history_decides_and_the_history_s_pass_says_nothing_twice():
    """As ``year --history`` runs it (commands.merge): the earlier ratings given to the year first, so that the year
    itself is rated by its score, then the history's pass — which has nothing left to tell the head."""
    campaign = _campaign()
    summary = with_history(_year(past_ratings(campaign.staff, HISTORY)), HISTORY)
    before = next(p for p in summary.people if p.code == BEFORE)
    assert summary.year.ratings[BEFORE].rating == "HTTNV"
    assert "history.discipline_counted_before" not in {i.code for i in summary.issues}
    assert "flag.discipline_counted_before" not in {f.code for f in before.flags}
