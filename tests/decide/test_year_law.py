"""The year's law: what a year rests on and what it lacks, decided as NĐ 233/2026 says and said to the
secretary — the bands of the periods' own dates (a provincial scale resting on NĐ 90/2020 set aside from
01/07/2026), periods before the decree, the transition of its điều 20 khoản 1, periods not over, a filing date
before the year's end, a department or a person missing a period (never 0), a rating typed in Nhân sự beside the
computed one, the head rated by the managing body, the unit's choices at their defaults, and the proposals that
rest on a computed rating said to be provisional. Built in code: the nd233 preset's school, its rule set laid on
from the shipped data files."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.decisions import is_provisional
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.results import provisional
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.rule_sets import with_rule_set

AUTUMN = ("thang-9", "thang-10", "thang-11")


def school(first_year: int = 2026, months: int = 3, province: str = "", filed: str = "", **changes) -> cm.Campaign:
    """The nd233 sample school in the school year starting ``first_year``, its first ``months`` monthly periods, no
    rating typed in Nhân sự (the preset's sample values cleared), ``province`` and ``filed`` set, its rule set laid."""
    base = cm.in_school_year(load_preset("nd233"), dt.date(first_year, 9, 1))
    staff = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, rating=None)) for p in base.staff)
    campaign = dataclasses.replace(base, staff=staff, periods=base.periods[:months], school=dataclasses.replace(
        base.school, province=province, filing_date=filed), **changes)
    problems = Problems()
    laid = with_rule_set(campaign, problems, dt.date(first_year + 1, 6, 1))
    assert list(problems) == []
    return laid


def summaries(campaign: cm.Campaign, score=80.0, scores: dict[str, float] | None = None,
              absent: dict[str, tuple[str, ...]] | None = None, periods=None) -> dict[str, ev.PeriodSummary]:
    """A summary per period (``periods``: their codes, default all): everyone at ``score`` but ``scores``; a person
    (or a department code) of ``absent`` has no entry in the periods listed; GV009 registered CSTĐCS, others LĐTT."""
    scores, absent = scores or {}, absent or {}
    found = {}
    for period in campaign.periods:
        if periods is not None and period.code not in periods:
            continue
        people = {p.code: ev.PeriodEntry(scores.get(p.code, score), "department", CSTDCS if p.code == "GV009" else LDTT)
                  for p in campaign.staff
                  if period.code not in absent.get(p.code, ()) + absent.get(p.department, ())}
        found[period.code] = ev.PeriodSummary(f"tong-hop_{period.code}.xlsx", period.code, False, people)
    return found


def run(campaign, periods, today=dt.date(2027, 6, 10), school_rating=None):
    return year_summary(campaign, [], periods, school_rating, today, book="campaign.xlsx")


def codes(summary) -> list[str]:
    return [i.code for i in summary.issues]


def said(summary, code: str):
    (found,) = [i for i in summary.issues if i.code == code]
    return found


# --- the bands are those of the periods' dates (NĐ 233/2026 điều 12; docs/domain.md §4d) ---------------------------

@pytest.mark.parametrize("province, first_year, months, score, rating, words", [
    # Hải Phòng's "> 90 / > 80" (QĐ 212/2025 điều 6) rests on NĐ 90/2020, replaced from 01/07/2026 by NĐ 233/2026
    ("Hải Phòng", 2026, 3, 90, ev.HTXSNV, "điểm năm 90, từ 90 điểm trở lên: HTXSNV (NĐ 233/2026 điều 12 khoản 1)"),
    ("Hải Phòng", 2026, 9, 70, ev.HTTNV, "điểm năm 70, từ 70 đến dưới 90 điểm: HTTNV (NĐ 233/2026 điều 12 khoản 2)"),
    # a 2025-26 year rated in May 2026, while NĐ 90/2020 and the city's QĐ 212/2025 (from 01/12/2025) were in force
    ("Hải Phòng", 2025, 9, 90, ev.HTTNV, "điểm năm 90, trên 80 đến 90 điểm: HTTNV (QĐ 212/2025/QĐ-UBND thành phố Hải "
                                         "Phòng điều 6)"),
    # the same city's autumn 2025, before QĐ 212/2025 and before NĐ 233: the decree's marks for reference only, never
    # called the decree's rating, nor the school's own scale (which the tool does not know)
    ("Hải Phòng", 2025, 3, 90, ev.HTXSNV, "điểm năm 90, từ 90 điểm trở lên: HTXSNV (chỉ để tham khảo: mốc điểm của NĐ "
                                          "233/2026, nhưng các kỳ kết thúc trước 01/07/2026, chưa theo NĐ này)"),
    ("", 2025, 9, 90, ev.HTXSNV, "điểm năm 90, từ 90 điểm trở lên: HTXSNV (chỉ để tham khảo: mốc điểm của NĐ 233/2026, "
                                 "nhưng các kỳ kết thúc trước 01/07/2026, chưa theo NĐ này)"),
    ("", 2026, 3, 69.9, ev.HTNV, "điểm năm 69,9, từ 50 đến dưới 70 điểm: HTNV (NĐ 233/2026 điều 12 khoản 3)"),
])
def test_the_year_is_banded_by_the_texts_of_its_periods(province, first_year, months, score, rating, words):
    campaign = school(first_year, months, province=province)
    summary = run(campaign, summaries(campaign, scores={"GV002": score}), today=dt.date(first_year + 1, 6, 10))

    found = summary.year.ratings["GV002"]
    assert found.rating == rating
    assert found.reasons[1].text == words


# --- what the year rests on: the decree, the transition, the periods not over, the filing date ---------------------

@pytest.mark.parametrize("first_year, months, filed, today, given, expected", [
    (2025, 3, "", dt.date(2026, 11, 24), AUTUMN, ["year.before_decree"]),
    (2026, 3, "", dt.date(2026, 11, 24), AUTUMN, ["year.transition", "year.period_future_used"]),
    (2026, 9, "2027-05-20", dt.date(2027, 6, 10), None, ["year.filed_before_end"]),
    (2026, 9, "2027-06-10", dt.date(2027, 6, 10), None, []),
    (2026, 9, "", dt.date(2027, 1, 15), ("thang-9", "thang-10", "thang-11", "thang-12"),
     ["year.period_future"] * 5),  # January to May: not over, not "missing"
])
def test_what_the_year_rests_on_is_said(first_year, months, filed, today, given, expected):
    campaign = school(first_year, months, filed=filed)
    summary = run(campaign, summaries(campaign, periods=given), today=today)

    assert [c for c in codes(summary) if c.startswith("year.") and c not in (  # whose word and whether it is
        "year.head_rated_above", "year.small_groups", "year.provisional",  # final: tests/e2e/test_word_sticks.py
        "year.registration_missing", "year.draft")] == expected


def test_each_such_fact_is_said_with_what_the_law_says_and_what_to_do():
    before = run(school(2025), summaries(school(2025)), today=dt.date(2026, 11, 24))
    assert said(before, "year.before_decree").message.startswith(
        "Mọi kỳ đánh giá (Tháng 9/2025, Tháng 10/2025, Tháng 11/2025) kết thúc trước 01/07/2026, ngày NĐ 233/2026 có "
        "hiệu lực: năm này chưa xếp loại theo NĐ 233/2026 mà theo văn bản cũ (NĐ 90/2020, sửa đổi bởi NĐ 48/2023). "
        "Xếp loại năm trong bảng chỉ để tham khảo (theo các mốc điểm của NĐ 233/2026, không phải của văn bản cũ)")
    autumn = school(2026)
    transition = run(autumn, summaries(autumn), today=dt.date(2026, 11, 24))
    assert said(transition, "year.transition").message.startswith(
        "Xếp loại cuối năm 2026 (kỳ cuối kết thúc 30/11/2026): nếu đến lúc xếp loại trường chưa ban hành Quy chế đánh "
        "giá theo NĐ 233/2026 (chậm nhất 30/11/2026, điều 18 khoản 3 điểm a), trường xếp loại theo NĐ 90/2020")
    assert said(transition, "year.period_future_used").render() == (
        "[campaign.xlsx · Kỳ đánh giá] Bảng tổng hợp của Tháng 11/2026 được dùng dù kỳ chưa kết thúc (30/11/2026, "
        "hôm nay 24/11/2026): điểm kỳ này có thể chưa đủ, xếp loại năm còn tạm thời. Hãy tổng hợp lại kỳ này khi kỳ "
        "kết thúc rồi chạy lại.")
    late = school(2026, 9, filed="2027-05-20")
    assert said(run(late, summaries(late)), "year.filed_before_end").render() == (
        "[campaign.xlsx · Trường] Ngày gửi hồ sơ (20/05/2027) trước ngày kỳ đánh giá cuối kết thúc (31/05/2027): hồ "
        "sơ gửi khi năm đánh giá chưa hết, xếp loại năm và các đề nghị dựa trên đó còn tạm thời. Hãy sửa Ngày gửi hồ "
        "sơ ở sheet Trường (hoặc ngày các kỳ ở sheet Kỳ đánh giá) rồi chạy lại.")


def test_a_year_before_the_decree_banded_by_its_province_says_which_marks_and_what_stays_the_decree_s():
    """Hải Phòng's 2025-26 (QĐ 212/2025 in force): the reference rating takes the city's marks — said as the city's,
    never "NĐ 233's" — while the six months, long leave and the HTXSNV share are still the decree's (said)."""
    campaign = school(2025, 9, province="Hải Phòng")
    summary = run(campaign, summaries(campaign), today=dt.date(2026, 6, 10))

    message = said(summary, "year.before_decree_scale").message
    assert "mốc điểm theo QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 6" in message
    assert "còn các điều khác (dưới 6 tháng, nghỉ dài ngày, tỷ lệ HTXSNV) vẫn theo NĐ 233/2026" in message
    assert "year.before_decree" not in codes(summary)


def test_periods_of_a_year_partly_before_the_decree_are_named():
    campaign = school(2026)
    june = cm.Period("thang-6", "Tháng 6/2026", dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    campaign = dataclasses.replace(campaign, periods=(june, *campaign.periods))
    summary = run(campaign, summaries(campaign), today=dt.date(2026, 12, 10))

    assert said(summary, "year.periods_before_decree").message.startswith(
        "Các kỳ Tháng 6/2026 kết thúc trước 01/07/2026, ngày NĐ 233/2026 có hiệu lực: không phải kỳ đánh giá theo NĐ "
        "233/2026; điểm các kỳ này vẫn được tính vào điểm năm như điểm chấm theo quy chế của trường")
    assert "year.before_decree" not in codes(summary)


# --- what is missing: per department, per person, never 0 ---------------------------------------------------------

def test_a_department_missing_a_period_and_a_person_missing_one_are_said_apart():
    campaign = school(2026)
    summary = run(campaign, summaries(campaign, absent={"TO-NK": ("thang-10",), "GV019": ("thang-11",)}))

    department = said(summary, "year.department_period_missing")
    assert department.file == "tong-hop_thang-10.xlsx"  # the period's summary where nobody of it has a score
    assert department.message.startswith("Tổ Năng khiếu: không ai có điểm Tháng 10/2026 (tổ chưa nộp sổ kỳ này?) – "
                                         "chưa biết điểm kỳ đó của 5 người trong tổ nên chưa xếp loại năm, chưa xét "
                                         "danh hiệu cho họ: điểm năm từ điểm các kỳ (NĐ 233/2026 điều 12 khoản 5)")
    person = said(summary, "year.person_periods_missing")
    assert person.message.startswith("Vũ Thị Hồng Nhung (GV019) không có điểm Tháng 11/2026: điểm năm tính trên "
                                     "2/3 kỳ có điểm, kỳ thiếu không tính là 0")
    assert summary.year.ratings["GV019"].score == 80  # the average of the two, not (80 + 80 + 0) / 3


# --- one truth for a rating; the head; what rests on a computed rating ---------------------------------------------

def test_a_rating_typed_in_nhan_su_that_differs_is_used_shown_beside_the_computed_and_warned():
    base = school(2026)
    staff = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, rating=ev.HTXSNV)) if p.code == "GV002"
                  else p for p in base.staff)
    campaign = dataclasses.replace(base, staff=staff)
    summary = run(campaign, summaries(campaign))

    rating = summary.year.ratings["GV002"]
    assert (rating.rating, rating.computed, rating.entered, rating.provisional) == (ev.HTXSNV, ev.HTTNV, True, False)
    warned = said(summary, "year.rating_typed")
    assert (warned.severity, warned.sheet) == ("warning", "Nhân sự")
    assert warned.message.startswith("Lê Thị Hương (GV002): cột Xếp loại viên chức ghi HTXSNV, xếp loại tính từ "
                                     "các kỳ là HTTNV; chương trình dùng HTXSNV")


def test_the_head_is_proposed_to_the_managing_body_and_the_year_says_so():
    campaign = school(2026)
    summary = run(campaign, summaries(campaign, scores={"QL001": 95}), school_rating=ev.HTXSNV)

    head = summary.year.ratings["QL001"]
    assert (head.head, head.rating, head.capped) == (True, ev.HTXSNV, False)
    note = said(summary, "year.head_rated_above")
    assert note.severity == "note" and "do người đứng đầu cơ quan quản lý (UBND xã Kim Sơn)" in note.message


def test_proposals_resting_on_a_computed_rating_are_provisional_and_counted():
    campaign = school(2026)
    summary = run(campaign, summaries(campaign, scores={"GV009": 96}))

    gv009 = next(p for p in summary.people if p.code == "GV009")
    assert [d.title for d in gv009.decisions if d.granted] == [LDTT, CSTDCS]
    assert all(is_provisional(d) for d in gv009.decisions)
    assert isinstance(gv009.facts.rating, ev.ComputedRating)
    warned = said(summary, "year.provisional")
    counted = provisional(summary)
    assert (dict(warned.params)["count"], dict(warned.params)["units"]) == (len(counted.people), len(counted.units))
    assert "GV009" in counted.people
    assert warned.message.startswith(f"{len(counted.people)} người và {len(counted.units)} tập thể (tổ có người ấy "
                                     "trong số Lao động tiên tiến) được đề nghị danh hiệu dựa trên xếp loại năm do "
                                     "chương trình tính từ các kỳ")


# --- the unit's choices of điều 12 khoản 6, their defaults said where they matter ----------------------------------

@pytest.mark.parametrize("choices, unit, said_codes, percent", [
    ({}, ev.HTXSNV, ["year.cap_unit_default", "year.small_groups"], 20),
    ({"excellent_unit_cap_percent": 25}, ev.HTXSNV, ["year.small_groups"], 25),
    ({"excellent_unit_cap_percent": 25}, ev.HTTNV, ["year.small_groups"], 20),  # 25 % only for an HTXSNV unit
    ({"small_groups_together": True}, None, [], 20),
])
def test_the_units_choices_are_applied_and_their_defaults_said(choices, unit, said_codes, percent):
    campaign = school(2026, **choices)
    summary = run(campaign, summaries(campaign, scores={"GV009": 96}), school_rating=unit)

    assert [c for c in codes(summary) if c in ("year.cap_unit_default", "year.small_groups")] == said_codes
    slots = next(r for r in summary.year.ratings["GV009"].reasons if r.code == "year.cap_within")
    assert dict(dict(slots.params)["cap"].params)["percent"] == percent


def test_a_period_unreadable_leaves_the_persons_year_and_titles_pending():
    campaign = school(2026)
    periods = summaries(campaign)
    entries = dict(periods["thang-10"].people)
    entries["GV002"] = ev.PeriodEntry(None, "department", LDTT, unreadable=True)
    periods["thang-10"] = dataclasses.replace(periods["thang-10"], people=entries)
    summary = run(campaign, periods)

    rating = summary.year.ratings["GV002"]
    assert (rating.rating, rating.score, rating.unreadable) == (ev.PENDING, None, ("thang-10",))
    ldtt = next(p for p in summary.people if p.code == "GV002").decisions[0]
    assert (ldtt.granted, ldtt.pending) == (False, True)  # it waits for the rating, not refused on a blank fact
    assert ldtt.reason.startswith("chưa xét: chưa có xếp loại viên chức năm vì điểm Tháng 10/2026 không đọc được")
