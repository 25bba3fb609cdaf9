"""The evaluation year (Nghị định 233/2026): what a secretary checks in the year's ratings — the
year's score from the periods, each band's edge, a missing period, the HTXSNV cap and its ties, the
< 6 months rule and its leave exceptions, the head and the unit, and the authority's entered rating."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua_xlsx.decide.evaluation import htxsnv_slots, rate_year
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.campaign import Level

MONTHS = (ev.Period("thang-9", "Tháng 9/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 30)),
          ev.Period("thang-10", "Tháng 10/2026", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
          ev.Period("thang-11", "Tháng 11/2026", dt.date(2026, 11, 1), dt.date(2026, 11, 30)))
SEMESTERS = (ev.Period("hk1", "Học kỳ I", dt.date(2026, 9, 5), dt.date(2027, 1, 15)),
             ev.Period("hk2", "Học kỳ II", dt.date(2027, 1, 18), dt.date(2027, 5, 31)))
QUARTERS = tuple(ev.Period(f"quy-{n}", f"Quý {n}", dt.date(2026, 3 * n - 2, 1), dt.date(2026, 3 * n, 28))
                 for n in (1, 2, 3, 4))


def facts(person: str, **changes) -> ev.YearFacts:
    """A person of the school's staff group who worked the whole year, not disciplined."""
    base = dict(unit="TRUONG", group="Giáo viên", months_worked=12, discipline="Không")
    return ev.YearFacts(person, **{**base, **changes})


def year(scores: dict[str, tuple], people: dict[str, dict] | None = None, periods=MONTHS, **options
         ) -> dict[str, ev.YearRating]:
    """Rate ``scores`` (person → one score per period, None for none) with the facts ``people`` gives each
    person (changes to :func:`facts`); person → rating."""
    people = people or {}
    given = [ev.PeriodScores(p, dict(zip((x.code for x in periods), values))) for p, values in scores.items()]
    roster = [facts(p, **people.get(p, {})) for p in scores]
    return {r.person: r for r in rate_year(periods, given, roster, **options)}


def staff(count: int, score: float = 80, prefix: str = "gv") -> dict[str, tuple]:
    """``count`` people scoring ``score`` every month (HTTNV by default): the rest of a group."""
    return {f"{prefix}{n:02}": (score,) * 3 for n in range(count)}


def codes(rating: ev.YearRating) -> list[str]:
    return [r.code for r in rating.reasons]


# --- the year's score ------------------------------------------------------------------------------------------

def test_the_year_score_is_the_average_of_the_three_monthly_periods():
    found = year({"an": (80, 85, 93)})["an"]

    assert (found.score, found.rating) == (86, ev.HTTNV)
    assert found.used == ("thang-9", "thang-10", "thang-11") and found.missing == ()
    assert found.reasons[0].text == ("điểm năm 86: trung bình cộng điểm của 3 kỳ đánh giá (NĐ 233/2026 điều 12 "
                                     "khoản 5, điều 15 khoản 1 điểm a)")
    assert found.reasons[0].to_dict() == {"code": "year.score_average", "params": {"score": 86.0, "used": 3}}


def test_a_missing_period_is_named_and_never_counted_as_zero():
    """Điều 15 khoản 1 điểm a, c: the year is rated on the periods actually worked: 80 and 90 average 85 (as
    a zero, 56,67 would be HTNV)."""
    found = year({"an": (80, None, 90)})["an"]

    assert (found.score, found.rating) == (85, ev.HTTNV)
    assert found.used == ("thang-9", "thang-11") and found.missing == ("thang-10",)
    assert ("không có điểm Tháng 10/2026: không tính là 0 điểm, điểm năm chỉ tính trên 2/3 kỳ có điểm"
            in found.reason)
    assert found.reasons[1].to_dict()["params"] == {"periods": ["Tháng 10/2026"], "used": 2, "total": 3}


def test_a_period_absent_from_the_scores_is_missing_as_a_blank_is_and_a_zero_is_a_score():
    absent = rate_year(MONTHS, [ev.PeriodScores("an", {"thang-9": 80, "thang-11": 90})], [facts("an")])[0]
    zero = year({"an": (80, 0, 90)})["an"]

    assert (absent.score, absent.missing) == (85, ("thang-10",))
    assert (zero.score, zero.missing, zero.rating) == (56.6667, (), ev.HTNV)


def test_no_period_score_at_all_gives_no_year_score_and_no_rating():
    found = year({"an": (None, None, None)})["an"]

    assert (found.score, found.rating, found.missing) == (None, ev.NOT_RATED, ("thang-9", "thang-10", "thang-11"))
    assert codes(found) == ["year.no_scores"]
    assert "chưa có điểm kỳ đánh giá nào trong năm: chưa xếp loại được" in found.reason


def test_a_score_of_a_period_not_in_the_year_is_not_used():
    found = rate_year(MONTHS, [ev.PeriodScores("an", {"thang-9": 80, "thang-10": 80, "thang-11": 80,
                                                      "thang-12": 20})], [facts("an")])[0]

    assert (found.score, found.used) == (80, ("thang-9", "thang-10", "thang-11"))


def test_the_semester_formula_weighs_the_second_semester_twice():
    option = ev.YearRules(formula=ev.YearFormula.semesters())
    found = year({"an": (80, 95), "binh": (95, 80)} | {f"gv{n}": (80, 80) for n in range(10)},
                 periods=SEMESTERS, rules=option)

    assert (found["an"].score, found["an"].rating) == (90, ev.HTXSNV)  # (80 + 2 × 95) / 3
    assert (found["binh"].score, found["binh"].rating) == (85, ev.HTTNV)  # (95 + 2 × 80) / 3
    assert found["an"].reasons[0].text.startswith("điểm năm 90 theo công thức (điểm HKI + 2 × điểm HKII) / 3")


def test_the_semester_formula_with_a_semester_missing_is_the_other_semester_named():
    option = ev.YearRules(formula=ev.YearFormula.semesters())
    found = year({"an": (82, None)}, periods=SEMESTERS, rules=option)["an"]

    assert (found.score, found.missing) == (82, ("hk2",))
    assert "không có điểm Học kỳ II" in found.reason


def test_a_weighted_formula_weighs_each_period_and_renormalises_over_those_present():
    option = ev.YearRules(formula=ev.YearFormula(ev.WEIGHTED, (("quy-1", 1), ("quy-2", 1), ("quy-3", 1), ("quy-4", 2))))
    found = year({"an": (70, 70, 70, 85), "binh": (70, 70, None, 85)}, periods=QUARTERS, rules=option)

    assert found["an"].score == 76  # (70 + 70 + 70 + 2 × 85) / 5
    assert found["binh"].score == 77.5  # (70 + 70 + 2 × 85) / 4: the missing quarter weighs nothing
    assert found["an"].reasons[0].text.startswith("điểm năm 76: trung bình có trọng số của 4 kỳ")


def test_a_formula_that_weighs_not_every_period_is_refused():
    option = ev.YearRules(formula=ev.YearFormula(ev.WEIGHTED, (("quy-1", 1), ("quy-2", 0))))

    with pytest.raises(ValueError, match="quy-2, quy-3, quy-4"):
        year({"an": (80, 80, 80, 80)}, periods=QUARTERS, rules=option)


# --- the bands (điều 12 khoản 1–4) -----------------------------------------------------------------------------

@pytest.mark.parametrize("score, rating, text", [
    (49.9, ev.KHTNV, "điểm năm 49,9, dưới 50 điểm: KHTNV (NĐ 233/2026 điều 12 khoản 4 điểm a)"),
    (50, ev.HTNV, "điểm năm 50, từ 50 đến dưới 70 điểm: HTNV (NĐ 233/2026 điều 12 khoản 3)"),
    (69.9, ev.HTNV, "điểm năm 69,9, từ 50 đến dưới 70 điểm: HTNV (NĐ 233/2026 điều 12 khoản 3)"),
    (70, ev.HTTNV, "điểm năm 70, từ 70 đến dưới 90 điểm: HTTNV (NĐ 233/2026 điều 12 khoản 2)"),
    (89.9, ev.HTTNV, "điểm năm 89,9, từ 70 đến dưới 90 điểm: HTTNV (NĐ 233/2026 điều 12 khoản 2)"),
    (90, ev.HTXSNV, "điểm năm 90, từ 90 điểm trở lên: HTXSNV (NĐ 233/2026 điều 12 khoản 1)"),
])
def test_each_band_edge(score, rating, text):
    """In a group of ten reaching HTTNV, so that the cap leaves one HTXSNV."""
    found = year({"an": (score,) * 3} | staff(9))["an"]

    assert (found.score, found.rating) == (score, rating)
    assert text in [r.text for r in found.reasons]


def test_the_average_is_not_rounded_up_into_a_band():
    found = year({"an": (89.9, 90, 90)} | staff(9))["an"]

    assert (found.score, found.rating) == (89.9667, ev.HTTNV)


def test_the_bands_are_parameters_a_province_can_change():
    province = ev.YearRules(bands=(Level(ev.HTXSNV, 92), Level(ev.HTTNV, 75), Level(ev.HTNV, 50)))
    found = year({"an": (91,) * 3, "binh": (74,) * 3, "chi": (92,) * 3} | staff(9), rules=province)

    assert (found["an"].rating, found["binh"].rating, found["chi"].rating) == (ev.HTTNV, ev.HTNV, ev.HTXSNV)
    assert "từ 75 đến dưới 92 điểm: HTTNV" in found["an"].reason


# --- a listed violation (điều 12 khoản 4 điểm c) ---------------------------------------------------------------

@pytest.mark.parametrize("discipline", ["Khiển trách", "Cảnh cáo"])
def test_a_discipline_from_khien_trach_for_a_duty_gives_khtnv_whatever_the_score(discipline):
    found = year({"an": (95,) * 3}, {"an": {"discipline": discipline, "discipline_scope": "Nhiệm vụ"}})["an"]

    assert (found.score, found.rating) == (95, ev.KHTNV)
    assert (f"bị kỷ luật {discipline.lower()} trong năm đánh giá vì vi phạm liên quan đến thực hiện nhiệm vụ: KHTNV, "
            "không xét theo điểm (NĐ 233/2026 điều 12 khoản 4 điểm c)") in found.reason


def test_facts_not_entered_are_said_and_the_year_still_rated():
    found = year({"an": (80,) * 3}, {"an": {"months_worked": None, "discipline": None}})["an"]

    assert found.rating == ev.HTTNV
    assert ("chưa nhập số tháng làm việc, kỷ luật ở sheet Nhân sự: chưa kiểm tra được trường hợp không xếp loại hay "
            "bị kỷ luật") in found.reason


def test_a_person_with_scores_but_not_in_the_roster_is_rated_with_their_facts_unknown_after_the_roster():
    given = [ev.PeriodScores("moi", {"thang-9": 80}), ev.PeriodScores("an", {"thang-9": 75})]
    found = rate_year(MONTHS, given, [facts("an"), facts("vang")])

    assert [r.person for r in found] == ["an", "vang", "moi"]
    assert found[1].rating == ev.NOT_RATED and "year.no_scores" in codes(found[1])
    assert found[2].rating == ev.HTTNV and "year.facts_unknown" in codes(found[2])


# --- fewer than 6 months (điều 14) -----------------------------------------------------------------------------

@pytest.mark.parametrize("months, leave, rating, text", [
    (6, frozenset(), ev.HTTNV, None),
    (5.5, frozenset(), ev.NOT_RATED, "chỉ làm việc 5,5 tháng trong năm (chưa đủ 6 tháng): không xếp loại chất lượng "
                                     "(NĐ 233/2026 điều 14 khoản 1)"),
    (4, {ev.LEAVE_UNPAID}, ev.NOT_RATED, "nghỉ việc riêng không hưởng lương, chỉ làm việc 4 tháng trong năm (chưa đủ "
                                         "6 tháng): không xếp loại chất lượng (NĐ 233/2026 điều 14 khoản 1, 2)"),
    (8, {ev.LEAVE_UNPAID}, ev.HTTNV, None),  # unpaid leave, but 6 months worked or more: rated on the time worked
    (4, {ev.LEAVE_MATERNITY}, ev.HTTNV, "nghỉ thai sản theo chế độ bảo hiểm xã hội, làm việc 4 tháng (dưới 6 tháng): "
                                        "vẫn xếp loại, theo kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều "
                                        "14 khoản 2)"),
    (2, {ev.LEAVE_SICK}, ev.HTTNV, "nghỉ ốm theo chế độ bảo hiểm xã hội, làm việc 2 tháng"),
    (3, {ev.LEAVE_SICK, ev.LEAVE_UNPAID}, ev.HTTNV, "nghỉ ốm theo chế độ"),
])
def test_fewer_than_six_months_worked_is_not_rated_except_on_insured_leave(months, leave, rating, text):
    found = year({"an": (None, 80, 80)}, {"an": {"months_worked": months, "leave": frozenset(leave)}})["an"]

    assert found.rating == rating
    assert found.score == 80  # the score of the time worked is kept, rated or not
    if text:
        assert text in found.reason


def test_sick_and_maternity_leave_are_both_named():
    found = year({"an": (80, None, None)}, {"an": {"months_worked": 1,
                                                  "leave": frozenset({ev.LEAVE_MATERNITY, ev.LEAVE_SICK})}})["an"]

    assert "nghỉ ốm, nghỉ thai sản theo chế độ bảo hiểm xã hội, làm việc 1 tháng" in found.reason


def test_insured_leave_the_whole_year_has_no_score_and_no_rating():
    found = year({"an": (None,) * 3}, {"an": {"months_worked": 0, "leave": frozenset({ev.LEAVE_MATERNITY})}})["an"]

    assert (found.score, found.rating) == (None, ev.NOT_RATED)
    assert codes(found) == ["year.leave_rated", "year.no_scores"]


def test_fewer_than_six_months_and_disciplined_is_not_rated_first():
    found = year({"an": (40,) * 3}, {"an": {"months_worked": 3, "discipline": "Cảnh cáo"}})["an"]

    assert found.rating == ev.NOT_RATED and codes(found)[-1] == "year.months_short"


# --- the head and the unit (điều 12 khoản 7) -------------------------------------------------------------------

LEADERS = {"ht": {"group": "Lãnh đạo", "head_of": "TRUONG"}} | {f"pht{n}": {"group": "Lãnh đạo"} for n in range(5)}


def test_the_head_is_rated_no_higher_than_the_unit():
    scores = {"ht": (95,) * 3} | {f"pht{n}": (80,) * 3 for n in range(5)}
    found = year(scores, LEADERS, unit_ratings={"TRUONG": ev.HTTNV})["ht"]

    assert (found.rating, found.capped) == (ev.HTTNV, False)
    assert ("người đứng đầu đơn vị xếp loại không cao hơn đơn vị (HTTNV): hạ từ HTXSNV xuống HTTNV (NĐ 233/2026 "
            "điều 12 khoản 7)") in found.reason


def test_the_head_of_an_excellent_unit_keeps_the_rating_and_a_head_below_the_unit_stays():
    scores = {"ht": (95,) * 3} | {f"pht{n}": (80,) * 3 for n in range(5)}
    excellent = year(scores, LEADERS, unit_ratings={"TRUONG": ev.HTXSNV})["ht"]
    below = year({**scores, "ht": (60,) * 3}, LEADERS, unit_ratings={"TRUONG": ev.HTTNV})["ht"]

    assert excellent.rating == ev.HTXSNV and "year.head_capped" not in codes(excellent)
    assert below.rating == ev.HTNV and "year.head_capped" not in codes(below)


def test_a_head_whose_unit_is_not_rated_yet_is_flagged():
    found = year({"ht": (80,) * 3}, LEADERS)["ht"]

    assert found.rating == ev.HTTNV
    assert "người đứng đầu đơn vị nhưng chưa có xếp loại của đơn vị" in found.reason


def test_the_head_stands_outside_the_schools_cap_and_is_proposed_to_the_managing_body():
    """Điều 13 khoản 2 điểm a, khoản 3 điểm a: the managing body rates the head. Five deputies and the head: the
    head is in no group, so the deputies are five alone (no slot) and the head's HTXSNV is the school's proposal."""
    scores = {"ht": (95,) * 3, "pht0": (93,) * 3} | {f"pht{n}": (80,) * 3 for n in range(1, 5)}
    found = year(scores, LEADERS, unit_ratings={"TRUONG": ev.HTXSNV},
                 rules=ev.YearRules(managing_body="UBND phường Kim Sơn"))

    assert (found["ht"].rating, found["ht"].head, found["ht"].capped) == (ev.HTXSNV, True, False)
    assert found["ht"].reasons[-1].text == (
        "người đứng đầu đơn vị: do người đứng đầu cơ quan quản lý (UBND phường Kim Sơn) theo dõi, đánh giá và xếp "
        "loại (NĐ 233/2026 điều 13 khoản 2 điểm a, khoản 3 điểm a); trường tính HTXSNV để đề xuất; không tính vào "
        "tỷ lệ HTXSNV của trường")
    assert "year.cap_slots" not in str(found["ht"].to_dict())
    assert (found["pht0"].rating, found["pht0"].capped) == (ev.HTTNV, True)
    assert "nhóm Lãnh đạo có 5 người đạt từ HTTNV trở lên, tối đa 0 người HTXSNV" in found["pht0"].reason


def test_the_authoritys_rating_of_the_head_wins_over_the_schools_proposal():
    found = year({"ht": (95,) * 3}, {"ht": LEADERS["ht"] | {"entered": ev.HTTNV}},
                 unit_ratings={"TRUONG": ev.HTXSNV})["ht"]

    assert (found.rating, found.computed, found.entered, found.provisional) == (ev.HTTNV, ev.HTXSNV, True, False)
    assert codes(found)[-2:] == ["year.head_proposed", "year.entered_differs"]


# --- the HTXSNV cap (điều 12 khoản 6) --------------------------------------------------------------------------

@pytest.mark.parametrize("eligible, percent, literal, at_least", [
    (0, 20, 0, 0),
    (3, 20, 0, 0),
    (5, 20, 0, 1),  # 1 HTXSNV for 4 HTTNV would be 25 %
    (6, 20, 1, 1),  # 1 for 5: exactly 20 %, not above
    (7, 20, 1, 1),  # 20 % of 7 is 1,4: rounded down ("không vượt quá")
    (10, 20, 1, 2),
    (12, 20, 2, 2),
    (30, 20, 5, 6),  # 5 for 25 is 20 %; 6 for 24 would be 25 %
    (30, 25, 6, 7),  # 6 for 24 is 25 %; 7 for 23 would be 30,4 %
    (55, 20, 9, 11),
    (10, 22.5, 1, 2),
])
def test_the_slots_of_the_cap_rounded_down(eligible, percent, literal, at_least):
    assert htxsnv_slots(eligible, percent) == literal
    assert htxsnv_slots(eligible, percent, ev.CAP_BASE_AT_LEAST_HTTNV) == at_least


def test_an_unknown_cap_base_is_refused():
    with pytest.raises(ValueError):
        htxsnv_slots(10, 20, "HTXSNV")


def excellent_group(top: tuple[float, ...], httnv: int) -> dict[str, tuple]:
    """People scoring ``top`` (HTXSNV by the score: xs0, xs1 …) and ``httnv`` people at 80."""
    return {f"xs{n}": (score,) * 3 for n, score in enumerate(top)} | staff(httnv)


def test_the_cap_at_20_percent_keeps_the_best_ranked_and_rates_the_others_httnv_with_the_reason():
    """30 people reaching HTTNV, 7 of them at 90 or more: 5 keep HTXSNV (5 for 25 HTTNV is 20 %)."""
    found = year(excellent_group((99, 98, 97, 96, 95, 94, 93), 23))

    kept = [p for p, r in found.items() if r.rating == ev.HTXSNV]
    assert kept == ["xs0", "xs1", "xs2", "xs3", "xs4"]
    assert (found["xs5"].rating, found["xs5"].computed, found["xs5"].capped) == (ev.HTTNV, ev.HTTNV, True)
    assert found["xs5"].reasons[-1].text == (
        "xếp HTTNV vì ngoài tỷ lệ HTXSNV: đứng thứ 6 theo điểm năm; nhóm Giáo viên có 30 người đạt từ HTTNV trở lên, "
        "tối đa 5 người HTXSNV để số HTXSNV không vượt quá 20% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 "
        "điểm a)")
    assert found["xs4"].reasons[-1].text.startswith("trong tỷ lệ HTXSNV: đứng thứ 5 theo điểm năm; nhóm Giáo viên")
    assert not found["xs4"].capped and not found["gv00"].capped
    assert sum(r.rating == ev.HTTNV for r in found.values()) == 25


UNIT_DECIDED_25 = ev.YearRules(excellent_unit_cap_percent=25)


@pytest.mark.parametrize("unit, rules, kept, words", [
    (ev.HTXSNV, ev.YearRules(), 5, "không vượt quá 20% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 điểm a)"),
    (ev.HTTNV, UNIT_DECIDED_25, 5, "không vượt quá 20% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 điểm a)"),
    (ev.HTXSNV, UNIT_DECIDED_25, 6, "không vượt quá 25% số HTTNV, làm tròn xuống (NĐ 233/2026 điều 12 khoản 6 điểm b)"),
    (ev.HTXSNV, ev.YearRules(excellent_unit_cap_percent=22.5), 5, "không vượt quá 22,5% số HTTNV"),
])
def test_25_percent_only_when_the_unit_is_htxsnv_and_decided_it(unit, rules, kept, words):
    """Điều 12 khoản 6 điểm b: an HTXSNV unit *decides* a share above 20 %, at most 25 % — never automatic."""
    found = year(excellent_group((99, 98, 97, 96, 95, 94, 93), 23), unit_ratings={"TRUONG": unit}, rules=rules)

    assert sum(r.rating == ev.HTXSNV for r in found.values()) == kept
    assert words in found["xs6"].reason


def test_the_cap_at_25_percent_in_a_unit_rated_htxsnv():
    found = year(excellent_group((99, 98, 97, 96, 95, 94, 93), 23), unit_ratings={"TRUONG": ev.HTXSNV},
                 rules=UNIT_DECIDED_25)

    assert [p for p, r in found.items() if r.rating == ev.HTXSNV] == ["xs0", "xs1", "xs2", "xs3", "xs4", "xs5"]
    assert "tối đa 6 người HTXSNV để số HTXSNV không vượt quá 25% số HTTNV" in found["xs6"].reason
    assert "điều 12 khoản 6 điểm b" in found["xs6"].reason


def test_the_cap_on_those_reaching_httnv_when_the_campaign_reads_the_base_so():
    rules = ev.YearRules(cap_base=ev.CAP_BASE_AT_LEAST_HTTNV)
    found = year(excellent_group((99, 98, 97, 96, 95, 94, 93), 23), rules=rules)

    assert sum(r.rating == ev.HTXSNV for r in found.values()) == 6
    assert ("nhóm Giáo viên có 30 người đạt từ HTTNV trở lên, tối đa 6 người HTXSNV (20% của 30, làm tròn xuống; "
            "NĐ 233/2026 điều 12 khoản 6 điểm a)") in found["xs6"].reason


def test_a_tie_across_the_last_slot_keeps_all_those_tied_out_and_says_so():
    """Two slots (12 reaching HTTNV): 95 keeps one; 92 and 92 tie for the last: neither is chosen by the tool."""
    found = year(excellent_group((95, 92, 92, 91), 8))

    assert [p for p, r in found.items() if r.rating == ev.HTXSNV] == ["xs0"]
    for tied in ("xs1", "xs2"):
        assert (found[tied].rating, found[tied].capped) == (ev.HTTNV, True)
        assert found[tied].reasons[-1].text.startswith(
            "tạm xếp HTTNV: 2 người bằng điểm năm (92) cho 1 suất HTXSNV cuối, chương trình không chọn; nhóm Giáo viên "
            "có 12 người đạt từ HTTNV trở lên, tối đa 2 người HTXSNV")
        assert found[tied].reasons[-1].text.endswith("– cấp có thẩm quyền chọn và nhập xếp loại ở sheet Nhân sự")
    assert "đứng thứ 4 theo điểm năm" in found["xs3"].reason and found["xs3"].capped


def test_a_tie_within_the_slots_keeps_all_those_tied():
    found = year(excellent_group((95, 95, 91), 9))

    assert [p for p, r in found.items() if r.rating == ev.HTXSNV] == ["xs0", "xs1"]
    assert "trong tỷ lệ HTXSNV: đứng thứ 1 theo điểm năm" in found["xs1"].reason
    assert "xếp HTTNV vì ngoài tỷ lệ HTXSNV: đứng thứ 3" in found["xs2"].reason


def test_a_tie_at_the_25_percent_cap():
    """Six slots (30 reaching HTTNV, unit HTXSNV): five kept, the sixth and seventh tied at 94."""
    found = year(excellent_group((99, 98, 97, 96, 95, 94, 94), 23), unit_ratings={"TRUONG": ev.HTXSNV},
                 rules=UNIT_DECIDED_25)

    assert sum(r.rating == ev.HTXSNV for r in found.values()) == 5
    assert "2 người bằng điểm năm (94) cho 1 suất HTXSNV cuối" in found["xs6"].reason
    assert "tối đa 6 người HTXSNV để số HTXSNV không vượt quá 25% số HTTNV" in found["xs5"].reason


def test_the_cap_counts_each_unit_and_group_apart():
    """Leaders and teachers of one school, and a second school: each its own slots."""
    scores = excellent_group((95, 94), 10) | {"ht": (96,) * 3, "pht": (80,) * 3} | {"b1": (97,) * 3} | staff(6, 80, "b")
    people = {"ht": {"group": "Lãnh đạo"}, "pht": {"group": "Lãnh đạo"}, "b1": {"unit": "TRUONG_B"}} | {
        f"b{n:02}": {"unit": "TRUONG_B"} for n in range(6)}
    found = year(scores, people)

    assert (found["xs0"].rating, found["xs1"].rating) == (ev.HTXSNV, ev.HTXSNV)  # 12 teachers: 2 slots
    assert found["ht"].rating == ev.HTTNV and "nhóm Lãnh đạo có 2 người" in found["ht"].reason  # 2 leaders: none
    assert found["b1"].rating == ev.HTXSNV and "có 7 người đạt" in found["b1"].reason  # the other school: 1 slot


def test_the_cap_leaves_ratings_below_httnv_and_the_unrated_out_of_its_count():
    scores = excellent_group((95,), 5) | {"htnv": (60,) * 3, "moi": (90,) * 3}
    found = year(scores, {"moi": {"months_worked": 3}})

    assert found["xs0"].rating == ev.HTXSNV and "có 6 người đạt từ HTTNV" in found["xs0"].reason
    assert found["moi"].rating == ev.NOT_RATED


# --- the authority's entered rating (điều 13 khoản 3) ----------------------------------------------------------

def test_an_entered_rating_wins_and_a_difference_is_flagged_for_the_council():
    found = year({"an": (80,) * 3} | staff(9), {"an": {"entered": ev.HTXSNV}})["an"]

    assert (found.rating, found.computed, found.entered, found.overridden) == (ev.HTXSNV, ev.HTTNV, True, True)
    assert ("cấp có thẩm quyền xếp loại HTXSNV (sheet Nhân sự), khác kết quả tính từ các kỳ (HTTNV): dùng HTXSNV – "
            "Hội đồng xem lại (NĐ 233/2026 điều 13 khoản 3)") in found.reason


def test_an_entered_rating_equal_to_the_computed_one_is_not_flagged():
    found = year({"an": (80,) * 3}, {"an": {"entered": ev.HTTNV}})["an"]

    assert (found.rating, found.entered, found.overridden) == (ev.HTTNV, True, False)
    assert not {"year.entered_differs", "year.entered_unrated"} & set(codes(found))


def test_an_entered_rating_for_someone_the_periods_leave_unrated():
    found = year({"an": (80,) * 3}, {"an": {"months_worked": 4, "entered": ev.HTTNV}})["an"]

    assert (found.rating, found.computed, found.overridden) == (ev.HTTNV, ev.NOT_RATED, True)
    assert "trong khi theo các kỳ thì không xếp loại: dùng HTTNV – Hội đồng xem lại" in found.reason


def test_the_authority_choosing_among_those_tied_is_within_the_cap():
    found = year(excellent_group((95, 92, 92, 91), 8), {"xs2": {"entered": ev.HTXSNV}})

    assert [p for p, r in found.items() if r.rating == ev.HTXSNV] == ["xs0", "xs2"]
    assert found["xs2"].overridden and "year.entered_over_cap" not in codes(found["xs2"])


def test_entered_ratings_beyond_the_cap_are_flagged_on_every_htxsnv_of_the_group():
    found = year(excellent_group((95, 92, 92, 91), 8), {"xs1": {"entered": ev.HTXSNV}, "xs2": {"entered": ev.HTXSNV}})

    assert [p for p, r in found.items() if r.rating == ev.HTXSNV] == ["xs0", "xs1", "xs2"]
    for person in ("xs0", "xs1", "xs2"):
        assert found[person].reasons[-1].text.startswith(
            "với các xếp loại đã nhập, nhóm có 3 người HTXSNV, vượt tỷ lệ: nhóm Giáo viên có 12 người đạt từ HTTNV trở "
            "lên, tối đa 2 người HTXSNV")
    assert found["xs0"].reasons[-1].text.endswith("– Hội đồng xem lại")


def test_the_json_of_a_year_rating_carries_codes_and_raw_numbers():
    found = year({"an": (89.9, None, 89.9)})["an"]

    data = found.to_dict()
    assert {k: data[k] for k in ("person", "score", "rating", "computed", "entered", "capped", "used", "missing")} == {
        "person": "an", "score": 89.9, "rating": ev.HTTNV, "computed": ev.HTTNV, "entered": False, "capped": False,
        "used": ["thang-9", "thang-11"], "missing": ["thang-10"]}
    assert data["reasons"][-1] == {"code": "year.band", "params": {"score": 89.9, "low": 70, "high": 90,
                                                                   "rating": ev.HTTNV, "clause": 2}}


# --- groups of five or fewer (điều 12 khoản 6 điểm a): apart by default, together when the unit chose so ------

SMALL = {f"ql{n}": {"group": "Lãnh đạo"} for n in range(3)}  # three deputies beside twelve teachers


@pytest.mark.parametrize("together, htxsnv, group", [
    (False, {"xs0", "xs1"}, "nhóm Lãnh đạo có 3 người đạt từ HTTNV trở lên, tối đa 0 người HTXSNV"),  # 2 of 12, 0 of 3
    (True, {"ql0", "xs0"}, "nhóm Giáo viên + Lãnh đạo có 15 người đạt từ HTTNV trở lên, tối đa 2 người HTXSNV"),
])
def test_a_small_group_is_apart_by_default_and_with_the_largest_when_chosen(together, htxsnv, group):
    scores = excellent_group((95, 94), 10) | {"ql0": (96,) * 3, "ql1": (80,) * 3, "ql2": (80,) * 3}
    found = year(scores, SMALL, rules=ev.YearRules(small_groups_together=together))

    assert {p for p, r in found.items() if r.rating == ev.HTXSNV} == htxsnv
    assert group in found["ql0"].reason


def test_small_groups_alone_in_their_unit_are_counted_together():
    scores = {"a0": (95,) * 3, "a1": (80,) * 3, "a2": (80,) * 3, "b0": (80,) * 3, "b1": (80,) * 3, "b2": (80,) * 3,
              "b3": (80,) * 3}
    people = {f"a{n}": {"group": "Nhân viên"} for n in range(3)} | {f"b{n}": {"group": "Kế toán"} for n in range(4)}
    found = year(scores, people, rules=ev.YearRules(small_groups_together=True))

    assert found["a0"].rating == ev.HTXSNV
    assert "nhóm Nhân viên + Kế toán có 7 người đạt từ HTTNV trở lên, tối đa 1 người HTXSNV" in found["a0"].reason


# --- a period's score that could not be read back: the year is pending, never guessed --------------------------

def test_an_unreadable_period_leaves_the_year_pending_and_the_group_is_told():
    given = [ev.PeriodScores("an", {"thang-9": 95, "thang-11": 95}, ("thang-10",))] + \
        [ev.PeriodScores(p, dict(zip((m.code for m in MONTHS), v))) for p, v in excellent_group((96,), 9).items()]
    found = {r.person: r for r in rate_year(MONTHS, given, [facts(g.person) for g in given])}

    an = found["an"]
    assert (an.rating, an.computed, an.score, an.unreadable, an.provisional) == (ev.PENDING, ev.PENDING, None,
                                                                                 ("thang-10",), False)
    assert an.reasons[0].text == ("điểm Tháng 10/2026 trong bảng tổng hợp kỳ không đọc được (xem sheet Kiểm tra): "
                                  "chưa xếp loại năm, không tính trên các kỳ còn lại – hãy tổng hợp lại kỳ đó rồi chạy "
                                  "lại")
    assert an.to_dict()["unreadable"] == ["thang-10"]
    assert found["xs0"].rating == ev.HTXSNV  # 10 reaching HTTNV: 1 slot, and a member the count may still gain
    assert ("1 người trong nhóm chưa xếp loại được (điểm kỳ không đọc được, phiếu chưa chấm xong hoặc chưa rõ kỷ luật "
            "về việc gì): số suất HTXSNV có thể đổi khi bổ sung xong" in found["xs0"].reason)


def test_an_entered_rating_stands_even_when_a_period_is_unreadable():
    given = [ev.PeriodScores("an", {"thang-9": 95}, ("thang-10",))]
    (an,) = rate_year(MONTHS, given, [facts("an", entered=ev.HTTNV)])

    assert (an.rating, an.computed, an.entered) == (ev.HTTNV, ev.PENDING, True)
    assert codes(an) == ["year.unreadable"]  # the authority's word, no "differs from the computed" to add
