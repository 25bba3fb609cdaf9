"""Title rules, classification, ranks and name order: table-driven, with their boundaries."""

from __future__ import annotations

import importlib
import inspect

import pytest

from tests.decisions import is_provisional
from thidua_xlsx.decide import quota, rules
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, NOT_REGISTERED, TTLDTT, TTLDXS
from thidua_xlsx.text.collation import name_key

LEVELS = (cm.Level("Xuất sắc", 90), cm.Level("Tốt", 70), cm.Level("Hoàn thành", 50), cm.Level("Không hoàn thành", 0))
RULES = cm.Rules(ldtt_min_classification="Tốt")


def candidate(**changes) -> rules.Candidate:
    base = dict(registered=LDTT, rating="HTTNV", months=12, maternity_months=0, days_off=0,
                discipline="Không", under_review=False, initiative="", initiative_level="",
                initiative_decision="", classification="Tốt", total=80)
    return rules.Candidate(**{**base, **changes})


@pytest.mark.parametrize("changes, granted, reason_part", [
    ({}, True, "đủ điều kiện"),
    ({"registered": ""}, False, "không đăng ký thi đua đầu năm"),
    ({"registered": NOT_REGISTERED}, False, "không đăng ký thi đua đầu năm"),
    ({"rating": "HTNV"}, False, "xếp loại viên chức HTNV"),
    ({"rating": None}, False, "chưa đủ thông tin: xếp loại viên chức"),
    ({"discipline": None}, False, "chưa đủ thông tin: kỷ luật"),  # unknown is not "không bị kỷ luật"
    ({"under_review": None}, False, "chưa đủ thông tin: đang xem xét kỷ luật"),
    ({"rating": None, "discipline": None}, False, "chưa đủ thông tin: xếp loại viên chức, kỷ luật"),
    ({"rating": "HTXSNV"}, True, "HTXSNV"),
    ({"months": 6}, True, "làm việc 6 tháng"),  # exactly 6 months: enough
    ({"months": 5.5}, False, "chỉ làm việc 5,5 tháng (cần từ 6)"),
    ({"months": 2, "maternity_months": 4}, True, "kể cả 4 tháng nghỉ thai sản"),  # maternity counts as work
    ({"months": 1, "maternity_months": 4}, False, "chỉ làm việc 5 tháng"),
    ({"months": None}, False, "chưa đủ thông tin: số tháng làm việc"),
    ({"discipline": "Khiển trách"}, False, "bị kỷ luật khiển trách"),
    ({"discipline": "Cảnh cáo"}, False, "bị kỷ luật cảnh cáo"),
    ({"under_review": True}, False, "đang bị xem xét kỷ luật"),
    ({"classification": "Hoàn thành", "total": 69.5}, False, "xếp loại thi đua Hoàn thành (cần từ Tốt)"),
    ({"classification": "", "total": None}, False, "chưa có điểm thi đua"),  # never "xếp loại thi đua  (…)"
    ({"months": 2, "maternity_months": None}, False, "chưa đủ thông tin: số tháng nghỉ thai sản"),  # not 0
    ({"months": 12, "maternity_months": None}, True, "làm việc 12 tháng"),  # a full year needs no maternity figure
])
def test_ldtt(changes, granted, reason_part):
    decision = rules.decide_ldtt(candidate(**changes), RULES, LEVELS)
    assert decision.title == LDTT
    assert decision.granted is granted
    assert reason_part in decision.reason


def test_ldtt_days_off_setting():
    strict = cm.Rules(ldtt_max_days_off=40)
    assert rules.decide_ldtt(candidate(days_off=40), strict, LEVELS).granted
    refused = rules.decide_ldtt(candidate(days_off=41), strict, LEVELS)
    assert not refused.granted and "nghỉ 41 ngày (tối đa 40)" in refused.reason
    assert rules.decide_ldtt(candidate(days_off=100), cm.Rules(), LEVELS).granted  # off by default
    unknown = rules.decide_ldtt(candidate(days_off=None), strict, LEVELS)  # blank is not 0 days
    assert not unknown.granted and "chưa đủ thông tin: số ngày nghỉ" in unknown.reason
    assert rules.decide_ldtt(candidate(days_off=None), cm.Rules(), LEVELS).granted  # no limit: not needed


def test_ldtt_lists_every_failed_condition():
    decision = rules.decide_ldtt(candidate(rating="HTNV", months=3, discipline="Khiển trách"), RULES, LEVELS)
    assert len(decision.reasons) == 3


INITIATIVE = dict(initiative="Rèn đọc lớp 1", initiative_level="Trường", initiative_decision="12/QĐ-TH")


@pytest.mark.parametrize("condition, changes, granted, reason_part", [
    ("hoặc", {"rating": "HTXSNV"}, True, "HTXSNV"),
    ("hoặc", INITIATIVE, True, "sáng kiến 'Rèn đọc lớp 1' được công nhận cấp Trường (QĐ 12/QĐ-TH)"),
    ("hoặc", {}, False, "không HTXSNV và không có sáng kiến được công nhận"),
    ("hoặc", {**INITIATIVE, "initiative_decision": ""}, False, "chưa có quyết định công nhận"),
    ("và", {"rating": "HTXSNV"}, False, "không có sáng kiến"),
    ("và", {**INITIATIVE, "rating": "HTXSNV"}, True, "HTXSNV và sáng kiến"),
    ("hoặc", {"rating": "HTXSNV", "discipline": "Khiển trách"}, False, "chưa đạt Lao động tiên tiến"),
])
def test_cstdcs(condition, changes, granted, reason_part):
    c = candidate(registered=CSTDCS, **changes)
    r = cm.Rules(cstdcs_condition=condition)
    ldtt = rules.decide_ldtt(c, r, LEVELS)
    decision = rules.decide_cstdcs(c, ldtt, r)
    assert decision.granted is granted
    assert reason_part in decision.reason


@pytest.mark.parametrize("level", ["", "Cấp xã"])  # blank, or unreadable: the checker keeps neither
@pytest.mark.parametrize("condition, rating, pending, reason_part", [
    ("hoặc", "HTTNV", True, "chờ xét: sáng kiến 'Rèn đọc lớp 1' (QĐ 12/QĐ-TH) chưa rõ cấp công nhận"),
    ("hoặc", "HTXSNV", False, "HTXSNV"),  # granted on the rating: the sáng kiến decides nothing
    ("và", "HTXSNV", True, "chưa rõ cấp công nhận"),
    ("và", "HTTNV", False, "không HTXSNV"),  # refused on the rating, the sáng kiến not said missing
])
def test_a_sang_kien_whose_level_is_not_known_waits_where_it_would_decide(level, condition, rating, pending,
                                                                          reason_part):
    """A sáng kiến named with its decision, its level blank or unreadable: its recognition is not known — never taken
    as "chưa có quyết định công nhận" while the decision is on the same row."""
    c = candidate(registered=CSTDCS, rating=rating, **{**INITIATIVE, "initiative_level": level})
    r = cm.Rules(cstdcs_condition=condition)
    decision = rules.decide_cstdcs(c, rules.decide_ldtt(c, r, LEVELS), r)
    assert decision.pending is pending and reason_part in decision.reason
    assert "chưa có quyết định công nhận" not in decision.reason
    assert decision.granted is (rating == "HTXSNV" and condition == "hoặc")


def test_a_sang_kien_whose_level_is_not_known_is_said_while_ldtt_waits_too():
    """LĐTT waiting for the rating and the sáng kiến's level blank: both things to fill are said now, not one after
    the other."""
    c = candidate(registered=CSTDCS, rating=None, **{**INITIATIVE, "initiative_level": ""})
    decision = rules.decide_cstdcs(c, rules.decide_ldtt(c, RULES, LEVELS), RULES)
    assert decision.pending and [r.code for r in decision.reasons][:2] == ["cstdcs.ldtt_pending",
                                                                           "cstdcs.initiative_level_unknown"]


def test_cstdcs_needs_registration_for_it():
    c = candidate(registered=LDTT, rating="HTXSNV", **INITIATIVE)
    assert rules.decide_cstdcs(c, rules.decide_ldtt(c, RULES, LEVELS), RULES) is None
    higher = candidate(registered=CSTD_TINH, rating="HTXSNV")
    assert rules.decide_cstdcs(higher, rules.decide_ldtt(higher, RULES, LEVELS), RULES).granted


@pytest.mark.parametrize("scores, ldtt_count, percent, kept", [
    ([("a", 95), ("b", 90), ("c", 85)], 20, None, {"a", "b", "c"}),  # no quota
    ([("a", 95), ("b", 90), ("c", 85)], 20, 15, {"a", "b", "c"}),  # 3 slots
    ([("a", 95), ("b", 90), ("c", 85), ("d", 80)], 20, 15, {"a", "b", "c"}),
    ([("a", 95), ("b", 90), ("c", 90), ("d", 80)], 14, 15, {"a"}),  # 2 slots, tie at the boundary
    ([("a", 95), ("b", 90)], 6, 15, set()),  # 0 slots
])
def test_quota(scores, ldtt_count, percent, kept):
    result = quota.apply_quota(scores, ldtt_count, percent)
    assert {code for code, reason in result.items() if reason is None} == kept


def test_quota_tie_reason_leaves_it_to_the_council():
    result = quota.apply_quota([("a", 95), ("b", 90), ("c", 90)], 14, 15)
    assert result["b"].code == "quota.tie" and result["b"] == result["c"]
    assert "Hội đồng bỏ phiếu chọn" in result["b"].text


def unit(**changes) -> rules.Unit:
    base = dict(registered=TTLDXS, members=10, ldtt=7, cstdcs=1, at_least_htnv=10, disciplined=0,
                warned_or_worse=0)
    return rules.Unit(**{**base, **changes})


@pytest.mark.parametrize("changes, proposed, reason_part", [
    ({}, TTLDXS, "7/10 LĐTT (70%)"),  # exactly 70%: enough for TTLĐXS
    ({"ldtt": 6}, TTLDTT, "6/10 LĐTT (60%), cần từ 70%"),
    ({"cstdcs": 0}, TTLDTT, "không có CSTĐCS"),
    ({"at_least_htnv": 9}, TTLDTT, "1 người chưa hoàn thành nhiệm vụ"),
    # khiển trách: TTLĐXS all the same (Luật TĐKT 2022 điều 27 sets it no condition of discipline), said to the council
    ({"disciplined": 1}, TTLDXS, "1 người bị kỷ luật trong năm: tiêu chuẩn Tập thể lao động xuất sắc không loại tổ"),
    ({"ldtt": 5, "registered": TTLDTT}, None, "5/10 LĐTT (50%), cần trên 50%"),  # exactly 50%: not enough
    ({"ldtt": 6, "registered": TTLDTT}, TTLDTT, "6/10 LĐTT (60%)"),
    ({"ldtt": 8, "disciplined": 1, "warned_or_worse": 1, "registered": TTLDTT}, None, "1 người bị kỷ luật từ cảnh cáo"),
    # cảnh cáo bars TTLĐTT (điều 28) but is no condition of TTLĐXS (điều 27): granted, and said to the council
    ({"ldtt": 8, "disciplined": 1, "warned_or_worse": 1}, TTLDXS, "Hội đồng xét tổ có nội bộ đoàn kết"),
    ({"registered": ""}, None, "không đăng ký danh hiệu tập thể"),
])
def test_collective(changes, proposed, reason_part):
    decisions = rules.decide_collective(unit(**changes), cm.Rules())
    granted = [d.title for d in decisions if d.granted]
    assert granted == ([proposed] if proposed else [])
    assert any(reason_part in d.reason for d in decisions)


RUBRIC = cm.Rubric("Giáo viên", 100, (
    cm.Group("I", "Đạo đức", cm.SCORE, 20, 15, (cm.Item("I.1", "a", 10), cm.Item("I.2", "b", 10))),
    cm.Group("II", "Chuyên môn", cm.SCORE, 80, None, (cm.Item("II.1", "c", 80),)),
    cm.Group("III", "Thưởng", cm.BONUS, 5, None, (cm.Item("III.1", "d", 3), cm.Item("III.2", "e", 3))),
    cm.Group("IV", "Trừ", cm.DEDUCTION, 10, None, (cm.Item("IV.1", "f", 9), cm.Item("IV.2", "g", 9))),
))


@pytest.mark.parametrize("values, total, gate_ok, classification", [
    ({}, None, False, ""),
    ({"I.1": 10, "I.2": 10, "II.1": 70}, 90, True, "Xuất sắc"),
    ({"I.1": 10, "I.2": 10, "II.1": 70, "III.1": 3, "III.2": 3}, 95, True, "Xuất sắc"),  # bonus capped at 5
    ({"I.1": 10, "I.2": 10, "II.1": 80, "IV.1": 9, "IV.2": 9}, 90, True, "Xuất sắc"),  # deductions capped at 10
    ({"I.1": 7, "I.2": 7, "II.1": 80}, 94, False, "Hoàn thành"),  # gate: group I below 15 caps it
    ({"I.1": 10, "I.2": 10, "II.1": 49.5}, 69.5, True, "Hoàn thành"),
    ({"I.1": 10, "I.2": 10, "II.1": 50}, 70, True, "Tốt"),
    ({"I.1": 10, "I.2": 5, "II.1": 20}, 35, True, "Không hoàn thành"),
])
def test_score_and_classification(values, total, gate_ok, classification):
    result = rules.score(RUBRIC, values)
    assert result.total == total
    if total is not None:
        assert result.gate_ok is gate_ok
    assert rules.classify(LEVELS, "Hoàn thành", result.total, result.gate_ok) == classification


def test_blank_required_cells_are_counted():
    assert rules.score(RUBRIC, {"I.1": 10}).blank_required == 2


@pytest.mark.parametrize("values, ranks", [
    ([90, 85, 85, 80], [1, 2, 2, 4]),
    ([70, None, 90], [2, None, 1]),
    ([50, 50, 50], [1, 1, 1]),
    ([], []),
])
def test_rank_ties_share(values, ranks):
    assert rules.rank(values) == ranks


def test_vietnamese_name_order():
    names = ["Trần Văn Đức", "Lê Thị Dung", "Nguyễn Văn Dũng", "Phạm Ngọc Ánh", "Đỗ Văn Anh", "Nguyễn Thị Đào",
             "Lê Dao", "Bùi Thị Ăn", "Hà Thị Ân", "Vũ Thị Ý", "Ngô Thị Yến", "Lý Văn Ơn", "Đinh Văn Ôn", "Mai Ư"]
    assert sorted(names, key=name_key) == [
        "Đỗ Văn Anh", "Phạm Ngọc Ánh", "Bùi Thị Ăn", "Hà Thị Ân",  # a < á (tone) ; a < ă < â
        "Lê Dao", "Lê Thị Dung", "Nguyễn Văn Dũng", "Nguyễn Thị Đào", "Trần Văn Đức",  # d < đ
        "Đinh Văn Ôn", "Lý Văn Ơn", "Mai Ư",  # o < ô < ơ ; u < ư
        "Vũ Thị Ý", "Ngô Thị Yến"]
    assert sorted(["Mai", "Lan"]) == ["Lan", "Mai"]


@pytest.mark.parametrize("first, second", [
    ("A Anh", "A Ánh"), ("A Ba", "A Bà"), ("A Bà", "A Bả"), ("A Bả", "A Bã"), ("A Bã", "A Bá"), ("A Bá", "A Bạ"),
])
def test_tone_order(first, second):
    """Tones: không dấu < huyền < hỏi < ngã < sắc < nặng (CLDR vi)."""
    assert name_key(first) < name_key(second)


def test_same_given_name_sorts_by_middle_then_family():
    assert sorted(["Trần Thị Hương", "Lê Thu Hương", "Đỗ Thị Hương"], key=name_key) == [
        "Đỗ Thị Hương", "Trần Thị Hương", "Lê Thu Hương"]


def test_unknown_facts_are_not_taken_as_clean():
    """A blank rating or discipline never becomes "không bị kỷ luật" or "chưa hoàn thành nhiệm vụ"."""
    decision = rules.decide_ldtt(candidate(discipline=None, under_review=None), RULES, LEVELS)
    assert not decision.granted
    assert "không bị kỷ luật" not in decision.reason
    assert decision.reasons[0].code == "facts.missing"
    decisions = rules.decide_collective(unit(at_least_htnv=8, unrated=2, discipline_unknown=1), cm.Rules())
    text = "; ".join(d.reason for d in decisions)
    assert "chưa đủ thông tin: 2 người chưa có xếp loại viên chức" in text
    assert "chưa hoàn thành nhiệm vụ" not in text
    assert "chưa đủ thông tin: 1 người chưa có thông tin kỷ luật" in text
    assert not any(d.granted for d in decisions)


@pytest.mark.parametrize("registered, pending", [(CSTD_TINH, True), ("Danh hiệu riêng của trường", True),
                                                 (CSTDCS, None), (LDTT, None)])
def test_a_title_above_cstdcs_gets_an_explicit_decision(registered, pending):
    """A title the tool knows above CSTĐCS, or one the school added (its name is its code), is left to the council."""
    decision = rules.decide_higher(candidate(registered=registered))
    if pending is None:
        assert decision is None
    else:
        assert decision.title == registered and decision.pending and not decision.granted
        assert "cần hồ sơ nhiều năm" in decision.reason and "Hội đồng xét" in decision.reason


# --- a decision resting on a computed rating is provisional; one without a text in force is pending ----

PROVISIONAL_WORDS = ("tạm thời: xếp loại {rating} do chương trình tính từ các kỳ, chưa có quyết định của cấp có thẩm "
                     "quyền (NĐ 233/2026 điều 13 khoản 3)")
CITED = cm.Rules(citations=((rset.LDTT, "Luật TĐKT 2022 điều 24"), (rset.CSTDCS, "Luật TĐKT 2022 điều 23")))


@pytest.mark.parametrize("rating, initiative, ldtt, cstdcs, provisional", [
    (ev.ComputedRating("HTXSNV"), "", True, True, True),  # CSTĐCS by the computed HTXSNV alone
    ("HTXSNV", "", True, True, False),  # the authority's HTXSNV (entered): decided
    (ev.ComputedRating("HTTNV"), "SK", True, True, True),  # CSTĐCS by the sáng kiến, LĐTT by the computed HTTNV
    (ev.ComputedRating("HTTNV"), "", True, False, True),  # refused for "không HTXSNV": the authority may decide it
    (ev.ComputedRating("HTNV"), "", False, False, True),  # LĐTT refused for the computed rating
    ("HTNV", "", False, False, False),
])
def test_a_decision_resting_on_a_computed_rating_says_it_is_provisional(rating, initiative, ldtt, cstdcs,
                                                                       provisional):
    c = candidate(registered=CSTDCS, rating=rating, initiative=initiative,
                  initiative_level="Trường" if initiative else "", initiative_decision="12/QĐ" if initiative else "")
    first = rules.decide_ldtt(c, CITED, LEVELS)
    second = rules.decide_cstdcs(c, first, CITED)

    assert (first.granted, second.granted) == (ldtt, cstdcs)
    assert (is_provisional(first), is_provisional(second)) == (provisional, provisional)
    for decision, basis in ((first, "căn cứ Luật TĐKT 2022 điều 24"), (second, "căn cứ Luật TĐKT 2022 điều 23")):
        assert decision.reason.endswith(basis)  # the citation stays last
        if provisional:
            assert f"{PROVISIONAL_WORDS.format(rating=rating)}; {basis}" in decision.reason


def test_a_refusal_for_another_reason_than_the_rating_is_not_provisional():
    decision = rules.decide_ldtt(candidate(rating=ev.ComputedRating("HTTNV"), discipline="Khiển trách"), RULES, LEVELS)
    assert not decision.granted and not is_provisional(decision)


BARE = cm.Rules(unanswered=(rset.LDTT, rset.CSTDCS, rset.TTLDTT, rset.TTLDXS))
NO_TEXT = "chưa xét: ngày xét trước mọi văn bản chương trình biết cho danh hiệu này (không có căn cứ) – Hội đồng xét"


@pytest.mark.parametrize("decide, titles", [
    (lambda: [rules.decide_ldtt(candidate(), BARE, LEVELS)], [LDTT]),
    (lambda: [rules.decide_cstdcs(candidate(registered=CSTDCS), rules.decide_ldtt(candidate(), RULES, LEVELS), BARE)],
     [CSTDCS]),
    (lambda: rules.decide_collective(rules.Unit(TTLDTT, 5, 5, 0, 5, 0, 0), BARE), [TTLDTT]),
    (lambda: rules.decide_collective(rules.Unit(TTLDXS, 5, 5, 1, 5, 0, 0), BARE), [TTLDXS, TTLDTT]),
])
def test_a_title_no_text_in_force_speaks_of_is_left_pending_never_decided_bare(decide, titles):
    decisions = decide()
    assert [d.title for d in decisions] == titles
    for d in decisions:
        assert (d.granted, d.pending) == (False, True) and d.reason.startswith(NO_TEXT)


def test_not_registered_is_said_even_without_a_text():
    decision = rules.decide_ldtt(candidate(registered=""), BARE, LEVELS)
    assert not decision.pending and "không đăng ký thi đua đầu năm" in decision.reason


#: The functions that decide one title each, and the article each must cite in its docstring (docs/conventions.md,
#: "Rules"): a new title's function goes here.
TITLE_DECISIONS = {
    "rules.decide_ldtt": "art. 24", "rules.decide_cstdcs": "art. 23", "rules.decide_higher": "art. 22",
    "rules._ttldxs": "art. 27", "rules._ttldtt": "art. 28", "history_rules._cstd_tinh": "điều 22 khoản 1",
    "history_rules._bk_person": "điều 3 khoản 3", "history_rules._medal": "điều 8",
}


def test_each_title_s_decision_cites_its_article_of_law_in_its_docstring():
    for name, article in TITLE_DECISIONS.items():
        module, function = name.split(".")
        doc = " ".join(inspect.getdoc(getattr(importlib.import_module(f"thidua_xlsx.decide.{module}"), function))
                       .split())
        assert article in doc, (name, article, doc)


SCHOOL = "Quy chế thi đua, khen thưởng của trường"
CITED_WITH_SCHOOL = cm.Rules(citations=(*CITED.citations, (rset.SCHOOL_RULES, SCHOOL)), ldtt_max_days_off=40,
                             cstdcs_condition="và")


@pytest.mark.parametrize("changes, title, cited", [
    ({"days_off": 41}, LDTT, f"căn cứ Luật TĐKT 2022 điều 24 và {SCHOOL}"),  # days off: the school's condition
    ({"rating": "HTTNV", "initiative": "SK", "initiative_level": "Trường", "initiative_decision": "12/QĐ"}, CSTDCS,
     f"căn cứ Luật TĐKT 2022 điều 23 và {SCHOOL}"),  # the Law's "or" met, the school's "và" not
    ({"months": 5}, LDTT, "căn cứ Luật TĐKT 2022 điều 24"),  # the Law's own condition: the Law alone
    ({"discipline": "Khiển trách"}, LDTT, "căn cứ Luật TĐKT 2022 điều 24"),
])
def test_a_refusal_on_a_condition_only_the_school_sets_cites_its_quy_che_beside_the_law(changes, title, cited):
    """Found by a stranger's read: a refusal on the school's own condition (days off, a score classification, "và")
    ended "căn cứ Luật TĐKT 2022 điều 24", an article that asks no such thing."""
    c = candidate(registered=CSTDCS, **{"rating": "HTXSNV", **changes})
    first = rules.decide_ldtt(c, CITED_WITH_SCHOOL, LEVELS)
    decision = first if title == LDTT else rules.decide_cstdcs(c, first, CITED_WITH_SCHOOL)
    assert not decision.granted and decision.reason.endswith(cited)
    assert cited.endswith(SCHOOL) or SCHOOL not in decision.reason
