"""Titles follow the year: a title resting on a decision not made yet waits for it (NĐ 233/2026 điều 12 khoản 5: the
year's score is the periods'; Luật TĐKT 2022 điều 23: CSTĐCS rests on LĐTT; điều 27, 28: the collective titles count
the members'), a discipline whose term runs into this school year is named on this year's LĐTT and CSTĐCS (NĐ
152/2025 điều 4 khoản 4, as the Bằng khen already read it), and a period whose book a department never sent keeps its
people's year waiting instead of rating them on the other periods. Built in code: the nd233 preset's school in three
quarters of 2026-2027, its rule set laid on from the shipped data files; the history built in memory."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.quarter_year import decision, department, school, summaries
from thidua_xlsx.decide import history as dh
from thidua_xlsx.decide import rules
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import history as hs
from thidua_xlsx.model.history import History, Initiative, PersonYear
from thidua_xlsx.model.issues import reason
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS

MUSIC = ("GV031", "GV032", "GV033", "GV034", "GV035")  # Tổ Năng khiếu
UNFINISHED = ev.PeriodEntry(None, "department", CSTDCS)  # a form begun, a required item left blank


def run(campaign, periods):
    return year_summary(campaign, [], periods, None, dt.date(2027, 6, 10), book="campaign.xlsx")


def candidate(rating, initiative: bool = False, months=12.0, leave=None, waits=()) -> rules.Candidate:
    return rules.Candidate(registered=CSTDCS, rating=rating, months=months, maternity_months=0.0, days_off=0.0,
                           discipline="Không", under_review=False, initiative="Dạy đọc" if initiative else "",
                           initiative_level="Trường" if initiative else "",
                           initiative_decision="15/QĐ-TH" if initiative else "", classification=rating or "",
                           total=None if rating is None else 85.0, leave=leave, rating_pending=waits)


QUARTER_III = (reason("wait.unfinished", periods=("Quý III",)),)


# --- a title resting on a pending rating or a pending LĐTT is pending ----------------------------------------------

def test_a_blank_item_in_the_last_quarter_keeps_cstdcs_pending_with_the_ldtt():
    campaign = school()
    summary = run(campaign, summaries(campaign, GV002={"quy-3": UNFINISHED}))

    ldtt, cstdcs = decision(summary, "GV002", LDTT), decision(summary, "GV002", CSTDCS)
    assert (ldtt.granted, ldtt.pending) == (False, True)
    assert (cstdcs.granted, cstdcs.pending) == (False, True)  # refused "chưa đạt Lao động tiên tiến" before
    assert cstdcs.reasons[0].code == "cstdcs.ldtt_pending"
    assert cstdcs.reason.startswith(
        "chưa xét: Chiến sĩ thi đua cơ sở chỉ xét cho người đạt Lao động tiên tiến (Luật TĐKT 2022 điều 23) mà Lao "
        "động tiên tiến còn chờ (chưa xét: phiếu chấm điểm còn ô bắt buộc trống")
    assert "hãy nhập ở sheet Nhân sự" not in ldtt.reason  # the rating is not a fact to type: it is not known yet


def test_without_a_classification_threshold_ldtt_waits_for_the_rating_and_says_for_what():
    found = rules.decide_ldtt(candidate(None, waits=QUARTER_III), cm.Rules(), ())
    assert (found.granted, found.pending) == (False, True)  # refused "chưa đủ thông tin: xếp loại" before
    assert found.reason == (
        "chưa xét: chưa có xếp loại viên chức năm vì phiếu chấm Quý III chưa chấm xong – điểm năm tính từ điểm các kỳ "
        "(NĐ 233/2026 điều 12 khoản 5), chờ có xếp loại năm rồi xét")


@pytest.mark.parametrize("rating, initiative, condition, leave, waits, pending, first", [
    (None, False, "hoặc", None, QUARTER_III, True, "cstdcs.ldtt_pending"),  # the rating may still be HTXSNV
    (None, True, "và", None, QUARTER_III, True, "cstdcs.ldtt_pending"),
    (None, False, "và", None, QUARTER_III, False, "cstdcs.refused"),  # no sáng kiến: refused whatever LĐTT gives
    ("HTXSNV", False, "hoặc", cm.LEAVE_SICK_WORD, (), True, "cstdcs.ldtt_pending"),  # the council judges the LĐTT
    ("HTTNV", False, "hoặc", cm.LEAVE_SICK_WORD, (), False, "cstdcs.refused"),  # not HTXSNV, no sáng kiến: known
])
def test_cstdcs_waits_for_its_ldtt_unless_its_own_condition_fails_on_what_is_known(rating, initiative, condition,
                                                                                     leave, waits, pending, first):
    c = candidate(rating, initiative, months=3.0 if leave else 12.0, leave=leave, waits=waits)
    r = dataclasses.replace(cm.Rules(), cstdcs_condition=condition)
    ldtt = rules.decide_ldtt(c, r, ())
    assert ldtt.pending and not ldtt.granted
    found = rules.decide_cstdcs(c, ldtt, r)
    assert (found.granted, found.pending, found.reasons[0].code) == (False, pending, first)
    if rating is None:
        assert "không HTXSNV" not in found.reason  # a rating not known yet is not said to be below


@pytest.mark.parametrize("counts, title, pending, first", [
    ((TTLDTT, 0, 0, 0, {"ldtt_pending": 5, "rating_pending": 5}), TTLDTT, True, "collective.ldtt_pending"),
    ((TTLDTT, 1, 0, 5, {"ldtt_pending": 1}), TTLDTT, False, "collective.share_not_above"),  # 2 of 5 at best
    ((TTLDXS, 5, 0, 5, {"cstdcs_pending": 1}), TTLDXS, True, "collective.cstdcs_pending"),
    ((TTLDXS, 4, 1, 4, {"ldtt_pending": 1, "rating_pending": 1}), TTLDXS, True, "collective.rating_pending"),
    ((TTLDXS, 4, 1, 3, {"ldtt_pending": 1, "rating_pending": 1}), TTLDXS, False, "collective.not_done"),
])
def test_a_collective_title_counting_pending_members_waits_unless_what_is_known_refuses_it(counts, title, pending,
                                                                                           first):
    """Five members: (the title registered, LĐTT granted, CSTĐCS granted, rated HTNV or better, those pending)."""
    registered, ldtt, cstdcs, done, waiting = counts
    unit = rules.Unit(registered, 5, ldtt, cstdcs, done, 0, 0, **waiting)
    found = next(d for d in rules.decide_collective(unit, cm.Rules()) if d.title == title)
    assert (found.granted, found.pending, found.reasons[0].code) == (False, pending, first)


def test_a_department_whose_share_rests_on_pending_members_waits_for_them():
    campaign = school()
    missing = {code: {"quy-2": None} for code in MUSIC}
    summary = run(campaign, summaries(campaign, collectives={"TO-NK": TTLDTT}, **missing))

    found = department(summary, "TO-NK", TTLDTT)
    assert (found.granted, found.pending) == (False, True)
    assert found.reason.startswith("0/5 LĐTT (0%) – còn 5 người chờ xét Lao động tiên tiến nên chưa biết tỷ lệ cuối "
                                   "cùng: chờ kết quả của họ")


# --- the Bằng khen and CSTĐ cấp tỉnh resting on this year's pending decisions ---------------------------------------

def test_a_bang_khen_resting_on_this_year_s_pending_cstdcs_is_pending_not_refused():
    campaign = school()
    summary = run(campaign, summaries(campaign, GV002={"quy-3": UNFINISHED}))
    history = History(people=(PersonYear("2025-2026", "GV002", "", rating="HTXSNV", titles=(LDTT, CSTDCS)),))

    after = dh.with_history(summary, history)

    [bk] = [d for d in after.history.people["GV002"] if d.title == hs.BK_TINH]
    assert (bk.granted, bk.pending) == (False, True)
    assert bk.reasons[0].code == "run.this_year_cstdcs_pending"
    assert bk.reason.startswith("chưa xét xong: CSTĐCS năm nay còn chờ, các năm trước không làm đứt chuỗi")


def test_a_bang_khen_the_earlier_years_break_is_not_listed_though_this_year_waits():
    """Reached only through this year's pending CSTĐCS, and last year breaks both ways to it: nothing to list, as for
    anyone with no way to it this year."""
    campaign = school()
    summary = run(campaign, summaries(campaign, GV002={"quy-3": UNFINISHED}))
    history = History(people=(PersonYear("2025-2026", "GV002", "", rating="HTTNV", titles=(LDTT,)),))

    after = dh.with_history(summary, history)

    assert not [d for d in after.history.people.get("GV002", ()) if d.title == hs.BK_TINH]


def test_a_bang_khen_on_two_years_htxsnv_waits_for_this_year_s_rating():
    campaign = school()
    summary = run(campaign, summaries(campaign, cstdcs=(), GV003={"quy-2": UNFINISHED}))
    ideas = tuple(Initiative(name, "GV003", "", "Trường", "9/QĐ-TH", year=year)
                  for name, year in (("Dạy đọc", "2025-2026"), ("Dạy viết", "2026-2027")))
    history = History(people=(PersonYear("2025-2026", "GV003", "", rating="HTXSNV", titles=(LDTT,)),),
                      initiatives=ideas)

    after = dh.with_history(summary, history)

    [bk] = [d for d in after.history.people["GV003"] if d.title == hs.BK_TINH]
    assert (bk.granted, bk.pending) == (False, True)
    assert "chưa xét xong: xếp loại viên chức năm nay còn chờ (có thể là HTXSNV)" in bk.reason


# --- a discipline whose term runs into this school year -------------------------------------------------------------

IDEA = {"GV002": {"initiative": "Dạy đọc", "initiative_level": "Trường", "initiative_decision": "15/QĐ-THCS"}}
WARNED = PersonYear("2025-2026", "GV002", "", rating="HTTNV", titles=(), discipline="Cảnh cáo",
                    discipline_end="2027-03-20")


def test_last_year_s_discipline_running_into_this_year_is_named_on_this_year_s_ldtt_and_cstdcs():
    campaign = school(**IDEA)
    summary = run(campaign, summaries(campaign))
    assert decision(summary, "GV002", CSTDCS).granted  # the year alone does not know the discipline's term

    after = dh.with_history(summary, History(people=(WARNED,)))

    person = next(p for p in after.people if p.code == "GV002")
    for title in (LDTT, CSTDCS):
        found = next(d for d in person.decisions if d.title == title)
        assert (found.granted, found.pending) == (False, False)
        assert found.reason.startswith(
            "thành tích từ năm 2026-2027 trở về trước không được tính: bị kỷ luật đến 20/03/2027 (NĐ 152/2025 điều 4 "
            "khoản 4): thời hạn kỷ luật kéo vào năm học này nên thành tích năm nay chưa được tính – không đề nghị; Hội "
            "đồng có thể quyết định khác, ghi lý do")
    [said] = [i for i in after.issues if i.code == "history.discipline_running"]
    assert said.message.startswith(f"{person.name} (GV002): thành tích từ năm 2026-2027 trở về trước không được tính")
    assert "Lao động tiên tiến và CSTĐCS năm nay không được đề nghị" in said.message
    assert not any(d.granted for d in after.history.people.get("GV002", ()))  # no Bằng khen on it either


def test_a_discipline_that_ended_before_the_school_year_names_nothing():
    campaign = school(**IDEA)
    summary = run(campaign, summaries(campaign))
    ended = dataclasses.replace(WARNED, discipline_end="2026-07-15")

    after = dh.with_history(summary, History(people=(ended,)))

    assert decision(after, "GV002", LDTT).granted and decision(after, "GV002", CSTDCS).granted
    assert not [i for i in after.issues if i.code.startswith("history.discipline_running")]


def test_a_title_the_council_chose_stays_the_council_s_and_is_warned():
    campaign = school(**IDEA)
    summary = run(campaign, summaries(campaign))
    chosen = tuple(dataclasses.replace(p, council_decision=CSTDCS) if p.code == "GV002" else p
                   for p in summary.people)

    after = dh.with_history(dataclasses.replace(summary, people=chosen), History(people=(WARNED,)))

    assert decision(after, "GV002", CSTDCS).granted
    [said] = [i for i in after.issues if i.code == "history.discipline_running_council"]
    assert "Hội đồng đã chọn Chiến sĩ thi đua cơ sở cho người này: giữ theo Hội đồng" in said.message


# --- a department's missing period keeps its people's year waiting -------------------------------------------------

def test_a_department_that_never_sent_a_quarter_keeps_its_people_s_year_and_titles_waiting():
    campaign = school(GV031={"leave": cm.LEAVE_MATERNITY_WORD, "maternity_months": 3, "away": ("quy-2",)})
    missing = {code: {"quy-2": None} for code in MUSIC}
    summary = run(campaign, summaries(campaign, **missing))

    rating = summary.year.ratings["GV032"]
    assert (rating.rating, rating.score, rating.unsent, rating.missing) == (ev.PENDING, None, ("quy-2",), ())
    assert rating.reasons[0].text.startswith(
        "tổ chưa nộp sổ Quý II (không ai trong tổ có điểm kỳ đó): chưa biết điểm kỳ đó nên chưa xếp loại năm – kỳ "
        "thiếu không tính là 0, cũng không tính trên các kỳ còn lại (NĐ 233/2026 điều 12 khoản 5")
    ldtt = decision(summary, "GV032", LDTT)
    assert (ldtt.granted, ldtt.pending) == (False, True)
    assert ldtt.reason.startswith("chưa xét: chưa có xếp loại viên chức năm vì tổ chưa nộp sổ Quý II")
    away = summary.year.ratings["GV031"]  # Quý II is away for her: not missing, rated on her two quarters
    assert (away.score, away.unsent, away.away) == (95, (), ("quy-2",)) and away.rating in cm.RATINGS
    [told] = [i for i in summary.issues if i.code == "year.department_period_missing"]
    assert dict(told.params)["count"] == 4
    assert "chưa biết điểm kỳ đó của 4 người trong tổ nên chưa xếp loại năm, chưa xét danh hiệu cho họ" in \
        told.message


def test_a_rating_the_authority_entered_waits_for_no_book():
    campaign = school(GV032={"rating": "HTTNV"})
    missing = {code: {"quy-2": None} for code in MUSIC}
    summary = run(campaign, summaries(campaign, **missing))

    rating = summary.year.ratings["GV032"]
    assert (rating.rating, rating.entered, rating.unsent) == ("HTTNV", True, ("quy-2",))
    person = next(p for p in summary.people if p.code == "GV032")
    assert not [f for f in person.flags if f.code == "flag.year_pending"]


def test_a_course_longer_than_her_months_at_school_leaves_ldtt_pending_with_her_rating_never_refused():
    """Sent on a course for Quý I and II, three months at school: her rating is the head's to decide (NĐ 233/2026
    điều 14 khoản 1, điều 13 khoản 3 điểm b: 'chưa xếp loại'), so her LĐTT waits for it — pending, the wait said
    first — and is never refused on the classification a pending rating leaves blank ('xếp loại thi đua  (cần từ
    HTTNV)'); her CSTĐCS waits for the LĐTT."""
    campaign = school(GV002={"leave": cm.LEAVE_STUDY_WORD, "away": ("quy-1", "quy-2"), "months": 3.0})
    summary = run(campaign, summaries(campaign))
    person = next(p for p in summary.people if p.code == "GV002")
    assert person.facts.rating is None and not person.classification
    ldtt, cstdcs = decision(summary, "GV002", LDTT), decision(summary, "GV002", CSTDCS)
    assert (ldtt.granted, ldtt.pending) == (False, True), ldtt.reason
    assert [r.code for r in ldtt.reasons][:2] == ["ldtt.rating_pending", "ldtt.course_needed"]
    assert "ldtt.classification" not in [r.code for r in ldtt.reasons]
    assert "người đứng đầu quyết định có tính thời gian đi học" in ldtt.reason
    assert (cstdcs.granted, cstdcs.pending, cstdcs.reasons[0].code) == (False, True, "cstdcs.ldtt_pending")


def test_a_pending_rating_still_refuses_nothing_a_known_fact_does_not():
    """A discipline known refuses LĐTT whatever the rating gives; the wait is said beside it."""
    c = dataclasses.replace(candidate(None, waits=QUARTER_III), discipline="Khiển trách")
    r = dataclasses.replace(cm.Rules(), ldtt_min_classification="HTTNV")
    found = rules.decide_ldtt(c, r, ())
    assert (found.granted, found.pending) == (False, False)
    assert [x.code for x in found.reasons][:2] == ["ldtt.disciplined", "ldtt.rating_pending"]
