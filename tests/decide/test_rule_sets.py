"""Rules by date and province: reasons cite their article, a province's floor, women first on a tie
(NĐ 152/2025 điều 4 khoản 6), a member under review blocks TTLĐXS, a province's rating scale."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from thidua_xlsx.decide import quota, rules
from thidua_xlsx.decide.evaluation import _band, rate_year
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua_xlsx.read.rule_sets import national_source, province_source
from thidua_xlsx.text.rule_sets import SCHOOL_RULES_CITATION


def rules_of(province: str = "", day=dt.date(2026, 5, 20), school: cm.Rules = cm.Rules()) -> cm.Rules:
    """The shipped data files' rule set of ``day`` (and ``province``) laid on ``school``."""
    problems = Problems()
    source = province_source(province, problems) if province else None
    applied, _ = rset.applied(school, rset.pick(national_source(problems), source, day), SCHOOL_RULES_CITATION)
    assert list(problems) == []
    return applied


def unit(**changes) -> rules.Unit:
    base = dict(registered=TTLDTT, members=5, ldtt=3, cstdcs=0, at_least_htnv=5, disciplined=0, warned_or_worse=0)
    return rules.Unit(**{**base, **changes})


# --- a province's floor --------------------------------------------------------------------------------------


def test_the_province_switch_changes_a_departments_ttldtt():
    """3/5 LĐTT = 60 %: above the national 50 %, under Bắc Ninh's 70 %."""
    (national,) = rules.decide_collective(unit(), rules_of())
    (bac_ninh,) = rules.decide_collective(unit(), rules_of("Bắc Ninh"))

    assert national.granted and national.reason.endswith("căn cứ Luật TĐKT 2022 điều 28")
    assert not bac_ninh.granted
    assert bac_ninh.reasons[0].code == "collective.share_below"
    assert bac_ninh.reason == ("3/5 LĐTT (60%), cần từ 70%; căn cứ QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 4 khoản 2 "
                               "điểm b")


def test_bac_ninh_counts_exactly_70_percent_where_the_law_wants_more_than_50():
    assert rules.decide_collective(unit(members=10, ldtt=7), rules_of("bac-ninh"))[0].granted
    assert not rules.decide_collective(unit(members=10, ldtt=5), rules_of())[0].granted  # "> 50 %": 50 is not


def test_a_school_stricter_than_its_province_keeps_its_value_cited_to_its_quy_che():
    strict = rules_of("Bắc Ninh", school=cm.Rules(ttldtt_min_percent=80, ttldtt_at_least=True))

    (decision,) = rules.decide_collective(unit(members=10, ldtt=7), strict)
    assert (strict.ttldtt_min_percent, decision.granted) == (80, False)
    assert decision.reason.endswith(f"căn cứ {SCHOOL_RULES_CITATION}")


def test_a_school_looser_than_its_province_is_raised_and_said():
    problems = Problems()
    _, rule_set = rset.applied(cm.Rules(ttldxs_min_percent=60), rset.pick(
        national_source(problems), province_source("Bắc Ninh", problems), dt.date(2026, 5, 20)), "QC")

    assert [(r.field, r.school, r.applied) for r in rule_set.raised] == [
        ("ttldtt_min_percent", (50, False), (70, True)), ("ttldxs_min_percent", 60, 70)]


def test_a_province_not_yet_in_force_adds_nothing():
    """QĐ 86/2025 is in force from 15/12/2025: a file received before follows the national texts."""
    before = rules_of("Bắc Ninh", day=dt.date(2025, 12, 14))
    assert (before.ttldtt_min_percent, before.ttldtt_at_least) == (50, False)
    assert before.cite(rset.TTLDTT) == "Luật TĐKT 2022 điều 28"


# --- every title reason cites its article ------------------------------------------------------------------


def test_each_title_reason_ends_with_its_citation():
    r = rules_of(day=dt.date(2026, 11, 2))
    c = rules.Candidate(registered=CSTDCS, rating="HTXSNV", months=12, maternity_months=0, days_off=0,
                        discipline="Không", under_review=False, initiative="", initiative_level="",
                        initiative_decision="", classification="", total=90)
    ldtt = rules.decide_ldtt(c, r, ())
    cstdcs = rules.decide_cstdcs(c, ldtt, r)
    amended = "Luật TĐKT 2022 (sửa đổi bởi Luật 06/2026/QH16)"

    assert ldtt.reasons[0].code == "ldtt.granted" and ldtt.reason.endswith(f"căn cứ {amended} điều 24")
    assert cstdcs.reasons[0].code == "cstdcs.granted" and cstdcs.reason.endswith(f"căn cứ {amended} điều 23")
    refused = rules.decide_ldtt(dataclasses.replace(c, registered=""), r, ())
    assert refused.reason == f"không đăng ký thi đua đầu năm nên không được xét; căn cứ {amended} điều 24"


def test_a_refusal_under_disciplinary_review_cites_the_decree_that_says_it():
    """The title's article (Luật TĐKT 2022 điều 24, a province's LĐTT article) says nothing of a review: the refusal
    names NĐ 152/2025 điều 4, the rule set's text for it."""
    r = rules_of(day=dt.date(2026, 5, 20))
    c = rules.Candidate(registered=LDTT, rating="HTTNV", months=12, maternity_months=0, days_off=0,
                        discipline="Không", under_review=True, initiative="", initiative_level="",
                        initiative_decision="", classification="", total=80)

    refused = rules.decide_ldtt(c, r, ())
    assert not refused.granted and not refused.pending
    assert refused.reason.startswith(f"đang bị xem xét kỷ luật ({r.cite(rset.UNDER_REVIEW)}: chưa khen thưởng")
    assert "NĐ 152/2025" in r.cite(rset.UNDER_REVIEW)
    assert rules.decide_ldtt(c, cm.Rules(), ()).reason == "đang bị xem xét kỷ luật"  # no rule set: nothing cited


def test_a_campaign_without_a_rule_set_cites_nothing():
    (decision,) = rules.decide_collective(unit(), cm.Rules())
    assert "căn cứ" not in decision.reason and len(decision.reasons) == 1


# --- NĐ 152/2025 điều 4 khoản 6: women first on a tie ------------------------------------------------------

CANDIDATES = [("a", 95), ("b", 90), ("c", 90)]  # 14 LĐTT × 15 % = 2 slots: b and c tied for the last one


def test_a_woman_and_a_man_tied_for_the_last_slot_the_woman_is_proposed():
    r = rules_of(school=cm.Rules(cstdcs_quota_percent=15))
    result = quota.apply_quota(CANDIDATES, 14, 15, {"a": "Nam", "b": "Nam", "c": "Nữ"}, r)

    assert (result["a"], result["c"].code, result["b"].code) == (None, "quota.women_first", "quota.women_first_out")
    granted = rules.Decision(CSTDCS, True, (rules.reason("cstdcs.excellent"),))
    woman, man = quota.after_quota(granted, result["c"], r), quota.after_quota(granted, result["b"], r)
    assert woman.granted and not man.granted and not man.pending
    assert "ưu tiên cá nhân nữ (NĐ 152/2025 điều 4 khoản 6)" in woman.reason
    assert "suất dành cho cá nhân nữ cùng điểm (NĐ 152/2025 điều 4 khoản 6)" in man.reason
    assert woman.reason.endswith(f"căn cứ {SCHOOL_RULES_CITATION}")  # the quota is the school's own


@pytest.mark.parametrize("genders, pending, detail", [
    ({"b": "Nữ", "c": "Nữ"}, {"b", "c"}, "2 người đều là nữ nên không phân định được theo NĐ 152/2025 điều 4 khoản 6"),
    ({"b": "Nam", "c": ""}, {"b", "c"}, "chưa rõ giới tính của 1 người ở sheet Nhân sự nên chưa áp dụng ưu tiên nữ"),
    ({"b": "Nam", "c": "Nam"}, {"b", "c"}, "không ai là nữ nên không phân định được"),
])
def test_a_tie_the_women_first_rule_cannot_settle_stays_with_the_council(genders, pending, detail):
    result = quota.apply_quota(CANDIDATES, 14, 15, {"a": "Nam", **genders}, rules_of())

    assert {code for code, why in result.items() if why is not None and why.code == "quota.tie"} == pending
    assert "Hội đồng bỏ phiếu chọn" in result["b"].text and detail in result["b"].text
    assert dict(result["b"].params)["left"] == 1  # what the council's tie-break reads


def test_fewer_women_than_slots_the_men_tied_share_what_is_left():
    tied = [("a", 90), ("b", 90), ("c", 90), ("d", 90)]  # 20 LĐTT × 15 % = 3 slots for 4 tied
    result = quota.apply_quota(tied, 20, 15, {"a": "Nữ", "b": "Nam", "c": "Nam", "d": "Nam"}, rules_of())

    assert result["a"].code == "quota.women_first"
    assert {result[c].code for c in "bcd"} == {"quota.tie"} and dict(result["b"].params)["left"] == 2
    assert "đã ưu tiên 1 người nữ cùng điểm theo NĐ 152/2025 điều 4 khoản 6" in result["b"].text


def test_before_nd_152_a_tie_goes_to_the_council_as_before():
    result = quota.apply_quota(CANDIDATES, 14, 15, {"b": "Nam", "c": "Nữ"}, rules_of(day=dt.date(2025, 5, 20)))
    assert result["b"].code == result["c"].code == "quota.tie"


# --- under review ----------------------------------------------------------------------------------------


def test_a_member_under_review_is_said_to_the_council_for_ttldxs_and_ttldtt_and_refuses_neither():
    """Luật TĐKT 2022 điều 27 khoản 1 (as Bắc Ninh QĐ 86/2025 điều 3 khoản 2 điểm b repeats it) sets TTLĐXS no
    condition of discipline: a review the council weighs, never a refusal."""
    ttldxs, = rules.decide_collective(unit(registered=TTLDXS, members=10, ldtt=8, cstdcs=1, at_least_htnv=10,
                                           under_review=1), rules_of())
    ttldtt, = rules.decide_collective(unit(registered=TTLDTT, members=10, ldtt=8, cstdcs=1, at_least_htnv=10,
                                           under_review=1), rules_of())

    assert (ttldxs.title, ttldxs.granted, ttldtt.title, ttldtt.granted) == (TTLDXS, True, TTLDTT, True)
    assert "1 người đang bị xem xét kỷ luật, điều tra hoặc xác minh khiếu nại, tố cáo: Hội đồng xem lại" in \
        ttldxs.reason
    assert "1 người đang bị xem xét kỷ luật: nếu bị kỷ luật từ cảnh cáo thì tổ không đạt" in ttldtt.reason


def test_ttldxs_waits_for_no_discipline_fact_its_conditions_do_not_hold():
    ttldxs, = rules.decide_collective(unit(registered=TTLDXS, members=10, ldtt=8, cstdcs=1, at_least_htnv=10,
                                           discipline_unknown=2), cm.Rules())
    ttldtt, = rules.decide_collective(unit(registered=TTLDTT, members=10, ldtt=8, cstdcs=1, at_least_htnv=10,
                                           discipline_unknown=2), cm.Rules())
    assert ttldxs.granted and "kỷ luật" not in ttldxs.reason
    assert ttldtt.pending and "chưa đủ thông tin: 2 người chưa có thông tin kỷ luật" in ttldtt.reason


# --- a province's rating scale (Hải Phòng QĐ 212/2025 điều 6) -------------------------------------------------


@pytest.mark.parametrize("score, rating, words", [
    (90.5, ev.HTXSNV, "điểm năm 90,5, trên 90 điểm: HTXSNV"),
    (90, ev.HTTNV, "điểm năm 90, trên 80 đến 90 điểm: HTTNV"),
    (80, ev.HTNV, "điểm năm 80, từ 50 đến 80 điểm: HTNV"),
    (49, ev.KHTNV, "điểm năm 49, dưới 50 điểm: KHTNV"),
])
def test_hai_phong_bands_reach_the_years_rating(score, rating, words):
    r = rules_of("Hải Phòng")
    found = _band(score, r.rating_bands, r.cite(rset.RATING))

    assert found[0] == rating
    assert found[1].text == f"{words} (QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 6)"


@pytest.mark.parametrize("bands, score, words", [
    ((rset.Band("HTXSNV", 90), rset.Band("HTTNV", 70, True)), 95, "từ 90 điểm trở lên"),
    ((rset.Band("HTXSNV", 90), rset.Band("HTTNV", 70)), 80, "từ 70 đến dưới 90 điểm"),
    ((rset.Band("HTXSNV", 90), rset.Band("HTTNV", 70, True)), 80, "trên 70 đến dưới 90 điểm"),
    ((rset.Band("HTXSNV", 90), rset.Band("HTTNV", 70, True)), 70, "từ 70 điểm trở xuống"),
])
def test_every_band_is_worded_as_the_text_reads(bands, score, words):
    assert _band(score, bands, "QĐ x")[1].text.startswith(f"điểm năm {cm.num_text(score)}, {words}:")


def test_the_years_rating_takes_the_provinces_bands():
    r = rules_of("Hải Phòng")
    rules_ = ev.YearRules(bands=r.rating_bands, bands_citation=r.cite(rset.RATING))
    period = (ev.Period("hk1", "Học kỳ I", dt.date(2026, 9, 1), dt.date(2027, 1, 15)),)
    (rated,) = rate_year(period, [ev.PeriodScores("an", {"hk1": 90})],
                         [ev.YearFacts("an", months_worked=12, discipline="Không")], rules_)
    assert rated.rating == ev.HTTNV


@pytest.mark.parametrize("scope", [cm.SCOPE_OTHER, cm.SCOPE_DUTIES, None])
def test_under_hai_phong_s_scale_any_discipline_in_the_year_is_khtnv_citing_it(scope):
    """Found by a stranger's read: the year banded by QĐ 212/2025 điều 6 judged a discipline by NĐ 233/2026's clauses
    (a decree not in force for those periods): a khiển trách for "another violation" at 80 points was HTNV. The scale
    the tool cites says any discipline in the year is KHTNV (điều 6 khoản 4 điểm d) — whatever it was for."""
    r = rules_of("Hải Phòng")
    assert r.rating_discipline == ("QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 6 khoản 4 điểm d, điều 7 khoản 4 "
                                   "điểm e")  # the staff's article and the managers'
    rules_ = ev.YearRules(bands=r.rating_bands, bands_citation=r.cite(rset.RATING),
                          disciplined_citation=r.rating_discipline)
    period = (ev.Period("t5", "Tháng 5", dt.date(2026, 5, 1), dt.date(2026, 5, 31)),)
    (rated,) = rate_year(period, [ev.PeriodScores("an", {"t5": 80})],
                         [ev.YearFacts("an", months_worked=12, discipline="Khiển trách", discipline_scope=scope)],
                         rules_)
    assert rated.rating == ev.KHTNV
    assert [r.text for r in rated.reasons if r.code == "year.disciplined_province"] == [
        "bị kỷ luật khiển trách trong năm đánh giá: KHTNV (QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 6 khoản 4 "
        "điểm d, điều 7 khoản 4 điểm e)"]
    assert not rules_of().rating_discipline  # the national texts: NĐ 233/2026's clauses, by what it was for
