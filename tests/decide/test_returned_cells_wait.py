"""No returned cell ignored: a form returned with a required item blank, or a score that could not be
read back, is the department's book come in — the person's year waits for it, said as unfinished, whether its period
is over or still running on the day of the run (NĐ 233/2026 điều 12 khoản 5 averages the periods' results: a score not
known yet is neither 0 nor a period to come); and a department's collective title waits, never refused, while a month
of its members' waits in a year still DỰ THẢO (Luật TĐKT 2022 điều 28; docs/domain.md §2 "Pending, not refused").
Monthly (tests/year_fixtures.py, 2025) and quarterly (the nd233 school of 2026-2027), the clock pinned."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests import year_fixtures as yf
from tests.quarter_year import QUARTERS, decision, department, school, summaries
from thidua_xlsx.decide import consolidate as cons
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.inbox import DEPT
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT

BLANK = ev.PeriodEntry(None, DEPT, CSTDCS)  # the department's column begun, a required item left blank
UNREADABLE = ev.PeriodEntry(None, unreadable=True)


def _monthly(entry: ev.PeriodEntry, today: dt.date):
    """The monthly year with GV01's (CSTĐCS, 95 96 94) November returned as ``entry``, closed on ``today``."""
    made = yf.period_summaries(yf.TOTALS, yf.PERIODS, yf.REGISTERED)
    november = made["thang-11"]
    made["thang-11"] = dataclasses.replace(november, people={**november.people, "GV01": entry})
    return year_summary(yf.campaign(), [], made, today=today, book="campaign.xlsx")


@pytest.mark.parametrize("today", [dt.date(2025, 11, 20), dt.date(2025, 12, 10)], ids=["running", "over"])
@pytest.mark.parametrize("entry, why", [(BLANK, "unfinished"), (UNREADABLE, "unreadable")])
def test_a_returned_november_that_cannot_be_counted_keeps_her_year_and_titles_waiting(today, entry, why):
    summary = _monthly(entry, today)
    rating = summary.year.ratings["GV01"]
    assert (rating.rating, rating.score, getattr(rating, why), rating.later) == (ev.PENDING, None, ("thang-11",), ())
    for title in (LDTT, CSTDCS):  # 0.8.0 granted both from September and October while November ran
        got = decision(summary, "GV01", title)
        assert (got.granted, got.pending) == (False, True), (title, got.reason)
    if why == "unfinished":
        [told] = [i for i in summary.issues if i.code == "year.person_unfinished"]
        assert "Nguyễn Thị Lan (GV01): phiếu chấm Tháng 11/2025 chưa chấm xong" in told.message


def test_a_month_running_with_nothing_returned_is_still_to_come():
    made = yf.period_summaries(yf.TOTALS, yf.PERIODS[:2], yf.REGISTERED)
    summary = year_summary(yf.campaign(), [], made, today=dt.date(2025, 11, 20))
    rating = summary.year.ratings["GV01"]
    assert (rating.later, rating.unfinished, rating.rating) == (("thang-11",), (), ev.HTXSNV)


@pytest.mark.parametrize("today", [dt.date(2026, 11, 20), dt.date(2026, 12, 10)], ids=["running", "over"])
def test_a_quarter_returned_with_a_blank_item_waits_running_or_over(today):
    campaign = school()
    periods = {code: s for code, s in summaries(campaign, GV002={"quy-1": BLANK}).items() if code == "quy-1"}
    summary = year_summary(campaign, [], periods, None, today, book="campaign.xlsx")
    rating = summary.year.ratings["GV002"]
    assert (rating.rating, rating.unfinished) == (ev.PENDING, ("quy-1",))
    assert decision(summary, "GV002", LDTT).pending


def _draft_year_without_october():
    """The monthly year on 20/11/2025: T1 never sent October (its people's year waits), November running."""
    made = yf.period_summaries(yf.TOTALS, yf.PERIODS[:2], yf.REGISTERED)
    t1 = {p.code for p in yf.campaign().staff if p.department == "T1"}
    october = made["thang-10"]
    made["thang-10"] = dataclasses.replace(october, people={c: e for c, e in october.people.items() if c not in t1},
                                           collectives={"T1": TTLDTT})
    return year_summary(yf.campaign(), [], made, today=dt.date(2025, 11, 20), book="campaign.xlsx")


def test_a_department_whose_month_waits_has_its_collective_title_wait_in_a_draft_year():
    summary = _draft_year_without_october()
    assert summary.draft
    ttldtt = department(summary, "T1", TTLDTT)
    assert (ttldtt.granted, ttldtt.pending) == (False, True), ttldtt.reason
    assert ttldtt.reasons[0].code != "collective.department_missing"


def test_the_title_decided_again_on_that_draft_year_waits_still():
    """What the council's pass and the history do once they have changed the people (decide.council, decide.history):
    the departments decided again from the year's own — T1 did not send every month over, and waits for it."""
    summary = _draft_year_without_october()
    assert not {d.code: d for d in summary.departments}["T1"].submitted  # the Biên bản's "đã nộp": not this tổ
    again = cons.decide_departments(summary.campaign, list(summary.people), summary.departments)
    ttldtt = next(d for x in again if x.code == "T1" for d in x.decisions if d.title == TTLDTT)
    assert (ttldtt.granted, ttldtt.pending) == (False, True), ttldtt.reason


# --- the Biên bản's "đã nộp": the books that came for the periods it covers, over or not ------------------------

@pytest.mark.parametrize("today, sent", [(dt.date(2026, 11, 20), True), (dt.date(2026, 12, 10), True)],
                         ids=["quarter-running", "quarter-over"])
def test_departments_that_sent_quy_i_early_are_counted_as_sent(today, sent):
    """Every department sent its Quý I book before the quarter ended: 0.8.0's Biên bản said "0/3 tổ đã nộp"."""
    campaign = school()
    periods = {code: s for code, s in summaries(campaign).items() if code == "quy-1"}
    summary = year_summary(campaign, [], periods, None, today, book="campaign.xlsx")
    assert [d.submitted for d in summary.departments] == [sent] * len(campaign.departments)


def test_before_any_book_came_no_department_is_counted_as_sent():
    campaign = school()
    summary = year_summary(campaign, [], {}, None, dt.date(2026, 11, 20), book="campaign.xlsx")
    assert not any(d.submitted for d in summary.departments)


# --- one state of a period, one word: the draft line and each person's period from the same value ----------------

@pytest.mark.parametrize("today, words, states", [
    (dt.date(2026, 8, 20), "Quý I, Quý II, Quý III chưa đến kỳ", ("not_begun", "not_begun", "not_begun")),
    (dt.date(2026, 11, 20), "Quý I chưa hết kỳ; Quý II, Quý III chưa đến kỳ", ("scored", "not_begun", "not_begun")),
    (dt.date(2026, 12, 10), "Quý I chưa có lượt Hiệu trưởng duyệt; Quý II chưa hết kỳ; Quý III chưa đến kỳ",
     ("scored", "running", "not_begun")),
], ids=["before", "inside", "after"])
def test_a_quarterly_draft_says_each_quarter_s_state_as_its_people_s_periods_do(today, words, states):
    campaign = school()
    periods = {code: s for code, s in summaries(campaign).items() if code == "quy-1" and today >= QUARTERS[0].start}
    summary = year_summary(campaign, [], periods, None, today, book="campaign.xlsx")
    said = next(i for i in summary.issues if i.code == "year.draft")
    assert f"DỰ THẢO: {words}." in said.message
    assert tuple(summary.year.periods_of("GV002").values()) == states
