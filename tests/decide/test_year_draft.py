"""A year still running is a draft (NĐ 233/2026 điều 12 khoản 5, điều 13 khoản 2): each period not over, not merged or
not passed by the head is named with why, in the summary and in words; a year whose every period the head passed is
final. And the registration round's result is the year's, whatever the periods' books showed."""

from __future__ import annotations

import datetime as dt

from tests import year_fixtures as yf
from thidua_xlsx.decide.year import draft_periods, draft_words, year_summary
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.decisions import REGISTRATION, Applied, YearRegistrations
from thidua_xlsx.model.issued import Registration
from thidua_xlsx.model.titles import CSTDCS, LDTT


def _summaries(passed: set[str], merged: list[str]) -> dict[str, ev.PeriodSummary]:
    made = yf.period_summaries(yf.TOTALS, yf.PERIODS, yf.REGISTERED)
    return {code: ev.PeriodSummary(s.file, s.period, code in passed, s.people) for code, s in made.items()
            if code in merged}


def test_each_period_keeping_the_year_a_draft_is_named_with_why():
    campaign = yf.campaign()
    periods = _summaries({"thang-9"}, ["thang-9", "thang-10"])
    draft = draft_periods(campaign, periods, {"thang-11": ev.PERIOD_RUNNING})
    assert draft == (("thang-10", "not_passed"), ("thang-11", "running"))
    assert draft_words(campaign, draft) == "Tháng 10/2025 chưa có lượt Hiệu trưởng duyệt; Tháng 11/2025 chưa hết kỳ"
    assert draft_periods(campaign, _summaries({"thang-9"}, ["thang-9"]), {}) == (
        ("thang-10", "not_merged"), ("thang-11", "not_merged"))


def test_a_year_every_period_of_which_the_head_passed_is_final():
    campaign = yf.campaign()
    summary = year_summary(campaign, [], _summaries(set(yf.PERIODS), yf.PERIODS), today=dt.date(2026, 1, 10))
    assert summary.draft == () and "year.draft" not in {i.code for i in summary.issues}
    running = year_summary(campaign, [], _summaries({"thang-9"}, yf.PERIODS), today=dt.date(2026, 1, 10))
    assert [code for code, _why in running.draft] == ["thang-10", "thang-11"]
    assert "year.draft" in {i.code for i in running.issues}


def test_the_registration_round_s_result_is_the_year_s_not_the_books():
    campaign = yf.campaign()
    books = yf.period_summaries(yf.TOTALS, yf.PERIODS, {"GV10": LDTT})  # made before the registration, but GV10's
    unregistered = {code: ev.PeriodSummary(s.file, s.period, True, s.people) for code, s in books.items()}
    applied = Applied(REGISTRATION, "dang-ky", "tong-hop_dang-ky.xlsx", "0123456789ab", "2025-09-30T08:00:00+07:00")
    registrations = YearRegistrations(applied, {"GV01": Registration(CSTDCS), "GV08": Registration(LDTT)},
                                      {"T1": "TTLDTT"})
    summary = year_summary(campaign, [], unregistered, registrations=registrations)
    people = {p.code: p for p in summary.people}
    assert (people["GV01"].registered, people["GV08"].registered, people["GV02"].registered) == (CSTDCS, LDTT, "")
    assert people["GV10"].registered == LDTT  # not in the registration's result: as the latest book showed it, named
    named = next(i for i in summary.issues if i.code == "year.registration_from_periods")
    assert "1 người không có trong bảng tổng hợp đăng ký" in named.message and "Lý Thị Hạnh" in named.message
    assert any(d.title == LDTT and d.granted for d in people["GV08"].decisions)
    assert {d.code: d.collective for d in summary.departments}["T1"] == "TTLDTT"
    assert summary.applied == (applied,)
    said = next(i for i in summary.issues if i.code == "year.registration_used")
    assert "'tong-hop_dang-ky.xlsx' (dấu vân tay 0123456789ab, ghi lúc 08:00 ngày 30/09/2025)" in said.message
    without = year_summary(campaign, [], unregistered)
    assert {p.registered for p in without.people} == {"", LDTT}  # the books' alone: GV10's
    assert "year.registration_missing" in {i.code for i in without.issues}
