"""The year right where lives are untidy (NĐ 233/2026 điều 12, 14, 15): a long sick leave under the social
insurance law rated on the time worked and not refused LĐTT on its months; a discipline rated by what it was for,
citing exactly the clause that applies (none for another violation), unknown when not said; a period wholly on leave
not missing; an unfinished form keeping the year pending, said as unfinished; a newcomer's periods before his start
not his; and one count of provisional proposals, made again when the council changes the proposals. Built in code:
the nd233 preset's school, its rule set laid on from the shipped data files."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from thidua_xlsx.decide.consolidate import UNFINISHED_YEAR, YEAR_NOT_RATED, _unit
from thidua_xlsx.decide.rules import decide_collective
from thidua_xlsx.decide.year import with_provisional, year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.results import Decision, DepartmentResult, provisional
from thidua_xlsx.model.titles import LDTT, TTLDXS
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.rule_sets import with_rule_set

QUARTERS = (cm.Period("quy-1", "Quý I", dt.date(2026, 9, 1), dt.date(2026, 11, 30)),
            cm.Period("quy-2", "Quý II", dt.date(2026, 12, 1), dt.date(2027, 2, 28)),
            cm.Period("quy-3", "Quý III", dt.date(2027, 3, 1), dt.date(2027, 5, 31)))


def school(**facts_of: dict) -> cm.Campaign:
    """The nd233 school of 2026-2027 in three quarters, no rating typed in Nhân sự; ``facts_of``: a person's code →
    changes to their facts (a "start" among them: their start date)."""
    base = cm.in_school_year(load_preset("nd233"), dt.date(2026, 9, 1))
    staff = []
    for p in base.staff:
        changes = dict(facts_of.get(p.code, {}))
        start = changes.pop("start", p.start)
        changes.setdefault("rating", None)
        staff.append(dataclasses.replace(p, start=start, facts=dataclasses.replace(p.facts, **changes)))
    campaign = dataclasses.replace(base, staff=tuple(staff), period_kind=cm.QUARTERS, periods=QUARTERS)
    problems = Problems()
    return with_rule_set(campaign, problems, dt.date(2027, 6, 1))


def summaries(campaign: cm.Campaign, score: float = 85.0, **entries: dict[str, ev.PeriodEntry | None]
              ) -> dict[str, ev.PeriodSummary]:
    """A summary per quarter, everyone at ``score`` with the department's column; ``entries``: a person's code →
    period code → their entry there (None: no entry at all)."""
    found = {}
    for period in campaign.periods:
        people = {}
        for p in campaign.staff:
            given = entries.get(p.code, {})
            entry = given[period.code] if period.code in given else ev.PeriodEntry(score, "department", LDTT)
            if entry is not None:
                people[p.code] = entry
        found[period.code] = ev.PeriodSummary(f"tong-hop_{period.code}.xlsx", period.code, False, people)
    return found


def run(campaign, periods):
    return year_summary(campaign, [], periods, None, dt.date(2027, 6, 10), book="campaign.xlsx")


def reasons(summary, person: str) -> list[str]:
    return [r.code for r in summary.year.ratings[person].reasons]


def issues_of(summary, code: str) -> list:
    return [i for i in summary.issues if i.code == code]


def ldtt(summary, person: str) -> Decision:
    return next(d for p in summary.people if p.code == person for d in p.decisions if d.title == LDTT)


# --- 1. leave kinds: a long sick leave under the social insurance law (điều 14 khoản 2) ----------------------------

def test_three_months_worked_on_sick_leave_and_85_points_is_rated_and_not_refused_ldtt_on_its_months():
    campaign = school(GV002={"months": 3, "leave": cm.LEAVE_SICK_WORD})
    summary = run(campaign, summaries(campaign))

    rating = summary.year.ratings["GV002"]
    assert (rating.score, rating.rating) == (85, ev.HTTNV)  # not "không xếp loại"
    leave = next(r for r in rating.reasons if r.code == "year.leave_rated")
    assert leave.text == ("nghỉ ốm theo chế độ bảo hiểm xã hội, làm việc 3 tháng (dưới 6 tháng): vẫn xếp loại, theo "
                          "kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều 14 khoản 2)")
    decision = ldtt(summary, "GV002")
    assert decision.pending and not decision.granted  # the council's judgement, never a refusal on the months
    assert "ldtt.months_short" not in [r.code for r in decision.reasons]
    assert decision.reasons[0].text == (
        "nghỉ ốm theo chế độ bảo hiểm xã hội, làm việc 3 tháng (dưới 6 tháng): điều kiện 6 tháng là của người mới "
        "tuyển dụng, không từ chối chỉ vì số tháng – Hội đồng xét nghỉ ốm dài ngày có được Lao động tiên tiến hay "
        "không")


@pytest.mark.parametrize("leave, rating, ldtt_code", [
    (cm.LEAVE_UNPAID_WORD, ev.NOT_RATED, "ldtt.months_short"),  # unpaid: not in khoản 2 under 6 months
    (None, ev.NOT_RATED, "ldtt.months_short"),  # no leave said: the newly recruited's 6 months
])
def test_three_months_without_insured_leave_is_still_not_rated(leave, rating, ldtt_code):
    campaign = school(GV002={"months": 3, "leave": leave})
    summary = run(campaign, summaries(campaign))

    assert summary.year.ratings["GV002"].rating == rating
    decision = ldtt(summary, "GV002")
    assert ldtt_code in [r.code for r in decision.reasons]
    # found by a stranger's read: "không xếp loại" is the decree's outcome, not a rating nobody typed — LĐTT was
    # "chưa đủ thông tin: xếp loại viên chức (hãy nhập …)", asking for a rating the decree forbids
    assert not decision.pending and "facts.missing" not in [r.code for r in decision.reasons]
    assert "không xếp loại viên chức năm nay (làm việc dưới 6 tháng: NĐ 233/2026 điều 14 khoản 1)" in decision.reason
    [person] = [p for p in summary.people if p.code == "GV002"]
    assert [f.text for f in person.flags if f.code == YEAR_NOT_RATED] == [
        "không xếp loại viên chức năm nay: làm việc 3 tháng, chưa đủ 6 tháng (NĐ 233/2026 điều 14 khoản 1)"]


def test_a_member_the_decree_does_not_rate_leaves_ttldxs_to_the_council_not_waiting_for_a_rating():
    """TTLĐXS asks that every member completes their tasks: a member not rated by law (under six months) is the
    council's judgement, said as such — never "chưa đủ thông tin … chưa có xếp loại", which no one can ever enter."""
    campaign = school(GV002={"months": 3})
    summary = run(campaign, summaries(campaign))
    members = [p for p in summary.people if p.department == "TO-VAN"]
    unit = _unit(DepartmentResult("TO-VAN", "Tổ Ngữ văn", len(members), True, collective=TTLDXS), members)
    assert (unit.not_rated, unit.unrated) == (1, 0)
    [ttldxs, *_] = decide_collective(dataclasses.replace(unit, cstdcs=1), campaign.rules)  # its CSTĐCS, as needed
    assert ttldxs.title == TTLDXS and ttldxs.pending and not ttldxs.granted
    assert "1 người không xếp loại viên chức năm nay (làm việc dưới 6 tháng: NĐ 233/2026 điều 14 khoản 1) – Hội " \
           "đồng xét điều kiện 100% hoàn thành nhiệm vụ" in ttldxs.reason and "chưa đủ thông tin" not in ttldxs.reason


def test_maternity_leave_said_in_its_column_is_insured_leave_too():
    campaign = school(GV002={"months": 4, "leave": cm.LEAVE_MATERNITY_WORD, "maternity_months": None})
    summary = run(campaign, summaries(campaign))

    assert summary.year.ratings["GV002"].rating == ev.HTTNV
    assert "year.leave_rated" in reasons(summary, "GV002")


# --- 2. discipline's scope (điều 12 khoản 4 điểm c, điều 14 khoản 3 điểm a) ------------------------------------

@pytest.mark.parametrize("scope, rating, code, cited, not_cited", [
    (cm.SCOPE_DUTIES, ev.KHTNV, "year.disciplined_duties", "điều 12 khoản 4 điểm c)", "điều 14"),
    (cm.SCOPE_ETHICS, ev.KHTNV, "year.disciplined_ethics", "điều 14 khoản 3 điểm a)", "điều 12"),
    (cm.SCOPE_OTHER, ev.HTTNV, "year.disciplined_other", "không thuộc trường hợp KHTNV", None),
])
def test_a_discipline_is_rated_by_what_it_was_for_citing_exactly_its_clause(scope, rating, code, cited, not_cited):
    campaign = school(GV013={"discipline": "Khiển trách", "discipline_scope": scope})
    summary = run(campaign, summaries(campaign))

    found = summary.year.ratings["GV013"]
    assert found.rating == rating
    why = next(r for r in found.reasons if r.code == code)
    assert cited in why.text and (not_cited is None or not_cited not in why.text)
    assert not issues_of(summary, "year.discipline_scope_missing")
    # the title rules still refuse LĐTT for any discipline from khiển trách (Luật TĐKT 2022 art. 24)
    assert "ldtt.disciplined" in [r.code for r in ldtt(summary, "GV013").reasons]


def test_another_violation_is_rated_by_its_band_and_says_so():
    campaign = school(GV013={"discipline": "Cảnh cáo", "discipline_scope": cm.SCOPE_OTHER})
    found = run(campaign, summaries(campaign)).year.ratings["GV013"]

    assert [r.code for r in found.reasons][-2:] == ["year.disciplined_other", "year.band"]
    assert found.reasons[-2].text.startswith("bị kỷ luật cảnh cáo vì vi phạm khác (không liên quan đến thực hiện "
                                             "nhiệm vụ, không do suy thoái tư tưởng chính trị, đạo đức, lối sống)")


def test_a_discipline_whose_scope_is_not_said_is_unknown_never_assumed():
    campaign = school(GV013={"discipline": "Khiển trách", "discipline_scope": None})
    best = ev.PeriodEntry(95, "department", LDTT)  # an HTXSNV in his group: the cap's count may change with him
    summary = run(campaign, summaries(campaign, GV009=dict.fromkeys((p.code for p in QUARTERS), best)))

    found = summary.year.ratings["GV013"]
    assert (found.rating, found.computed, found.score) == (ev.PENDING, ev.PENDING, 85)  # neither KHTNV nor HTTNV
    assert "year.discipline_scope_unknown" in reasons(summary, "GV013")
    [told] = issues_of(summary, "year.discipline_scope_missing")
    assert told.render() == (
        "[campaign.xlsx · Nhân sự] Đoàn Văn Nam (GV013) bị kỷ luật khiển trách nhưng cột 'Kỷ luật về' để trống: chưa "
        "biết có xếp KHTNV theo NĐ 233/2026 (điều 12 khoản 4 điểm c: vi phạm liên quan đến thực hiện nhiệm vụ; điều "
        "14 khoản 3 điểm a: tư tưởng chính trị, đạo đức, lối sống) hay không – xếp loại năm để chờ. Hãy chọn Nhiệm "
        "vụ, Tư tưởng/đạo đức/lối sống, Khác rồi chạy lại.")
    group = [r for code, r in summary.year.ratings.items() if code != "GV013" and "year.cap_pending" in
             [x.code for x in r.reasons]]
    assert group  # the cap's count may still change: the group is told


def test_an_entered_rating_needs_no_scope():
    campaign = school(GV013={"discipline": "Khiển trách", "discipline_scope": None, "rating": "KHTNV"})
    summary = run(campaign, summaries(campaign))

    assert summary.year.ratings["GV013"].rating == ev.KHTNV
    assert not issues_of(summary, "year.discipline_scope_missing")


# --- 3. a whole period away ------------------------------------------------------------------------------------

def test_a_quarter_of_maternity_leave_is_a_period_away_and_the_year_rates_on_the_others():
    campaign = school(GV002={"months": 9, "maternity_months": 3, "leave": cm.LEAVE_MATERNITY_WORD,
                             "away": ("quy-2",)})
    summary = run(campaign, summaries(campaign, GV002={"quy-2": None, "quy-1": ev.PeriodEntry(80, "department"),
                                                       "quy-3": ev.PeriodEntry(90, "department")}))

    found = summary.year.ratings["GV002"]
    assert (found.score, found.rating, found.used, found.missing, found.away) == (
        85, ev.HTTNV, ("quy-1", "quy-3"), (), ("quy-2",))
    away = next(r for r in found.reasons if r.code == "year.away")
    assert away.text == ("nghỉ thai sản trọn Quý II (sheet Nhân sự): không phải kỳ thiếu điểm, không tính vào điểm năm "
                         "– xếp loại theo kết quả của thời gian làm việc thực tế (NĐ 233/2026 điều 14 khoản 2)")
    assert "year.missing" not in reasons(summary, "GV002")
    assert not [i for i in summary.issues if dict(i.params).get("person") == "GV002"]  # nothing to chase
    assert found.to_dict()["away"] == ["quy-2"]


def test_a_score_in_a_period_marked_away_is_set_aside_and_said():
    campaign = school(GV002={"leave": cm.LEAVE_SICK_WORD, "away": ("quy-2",)})
    summary = run(campaign, summaries(campaign, GV002={"quy-2": ev.PeriodEntry(40, "department")}))

    found = summary.year.ratings["GV002"]
    assert (found.score, found.used) == (85, ("quy-1", "quy-3"))
    assert "year.away_scored" in reasons(summary, "GV002")


def test_a_whole_year_away_is_not_rated_and_says_why():
    codes = tuple(p.code for p in QUARTERS)
    campaign = school(GV002={"months": 0, "leave": cm.LEAVE_SICK_WORD, "away": codes})
    summary = run(campaign, summaries(campaign, GV002=dict.fromkeys(codes)))

    found = summary.year.ratings["GV002"]
    assert (found.rating, found.missing) == (ev.NOT_RATED, ())
    assert reasons(summary, "GV002")[-1] == "year.all_away"


def test_a_department_whose_only_scored_members_are_away_is_not_said_missing():
    """Tổ Văn phòng's people all without a Quý II score, one of them away: the others' missing quarter is the
    department's (did it send its book?), counted without her."""
    campaign = school(NV004={"leave": cm.LEAVE_MATERNITY_WORD, "away": ("quy-2",)})
    office = [p.code for p in campaign.staff if p.department == "TO-VP"]
    missing: dict[str, dict[str, ev.PeriodEntry | None]] = {code: {"quy-2": None} for code in office}
    summary = run(campaign, summaries(campaign, 85.0, **missing))

    [told] = issues_of(summary, "year.department_period_missing")
    assert dict(told.params)["count"] == len(office) - 1


# --- 4. an unfinished form is not a month of leave --------------------------------------------------------------

def test_an_unfinished_form_keeps_the_year_pending_said_as_unfinished():
    campaign = school()
    summary = run(campaign, summaries(campaign, GV002={"quy-2": ev.PeriodEntry(None, "department", LDTT)}))

    found = summary.year.ratings["GV002"]
    assert (found.rating, found.score, found.unfinished, found.missing) == (ev.PENDING, None, ("quy-2",), ())
    assert found.reasons[0].text == (
        "phiếu chấm Quý II chưa chấm xong (còn tiêu chí bắt buộc để trống): chưa biết điểm kỳ đó nên chưa xếp loại năm "
        "– không phải kỳ nghỉ, không tính trên các kỳ còn lại (NĐ 233/2026 điều 12 khoản 5); chờ tổ chấm xong rồi tổng "
        "hợp lại kỳ đó")
    [told] = issues_of(summary, "year.person_unfinished")
    assert dict(told.params)["person"] == "GV002" and "không tính như kỳ nghỉ" in told.message
    assert not [i for i in issues_of(summary, "year.person_periods_missing") if dict(i.params)["person"] == "GV002"]
    person = next(p for p in summary.people if p.code == "GV002")
    assert UNFINISHED_YEAR in [f.code for f in person.flags]
    decision = ldtt(summary, "GV002")
    assert decision.pending and decision.reasons[0].code == "ldtt.score_pending"  # waits, as a form unfinished


def test_a_form_left_blank_is_a_missing_period_not_an_unfinished_one():
    campaign = school()
    summary = run(campaign, summaries(campaign, GV002={"quy-2": ev.PeriodEntry(None, "", LDTT)}))

    found = summary.year.ratings["GV002"]
    assert (found.rating, found.missing, found.unfinished) == (ev.HTTNV, ("quy-2",), ())


# --- 5. people who joined after a period are not of that period -------------------------------------------------

def test_a_newcomer_s_quarter_before_his_start_is_not_his():
    campaign = school(GV002={"start": "2027-01-05"})
    summary = run(campaign, summaries(campaign, GV002={"quy-1": None}))

    found = summary.year.ratings["GV002"]
    assert (found.used, found.missing, found.before_start) == (("quy-2", "quy-3"), (), ("quy-1",))
    assert "year.before_start" in reasons(summary, "GV002")
    assert not [i for i in issues_of(summary, "year.person_periods_missing") if dict(i.params)["person"] == "GV002"]


def test_a_score_before_the_start_date_is_used():
    """Scored by his department in a quarter before the date typed: the score is a fact, the date only tells which
    missing quarters are not his."""
    campaign = school(GV002={"start": "2027-01-05"})
    found = run(campaign, summaries(campaign)).year.ratings["GV002"]

    assert (found.used, found.before_start) == (("quy-1", "quy-2", "quy-3"), ())


# --- 6. one count of provisional proposals ---------------------------------------------------------------------

def test_the_provisional_count_is_made_again_when_the_proposals_change():
    campaign = school()
    summary = run(campaign, summaries(campaign))
    [before] = issues_of(summary, "year.provisional")
    counted = provisional(summary)
    assert dict(before.params)["count"] == len(counted.people) > 1

    withdrawn = next(iter(sorted(counted.people)))  # as a council's "no proposal" leaves it
    people = tuple(dataclasses.replace(p, decisions=tuple(dataclasses.replace(d, granted=False) for d in p.decisions))
                   if p.code == withdrawn else p for p in summary.people)
    again = with_provisional(dataclasses.replace(summary, people=people))

    [after] = issues_of(again, "year.provisional")
    assert dict(after.params)["count"] == len(provisional(again).people) == len(counted.people) - 1
    assert after.file == "campaign.xlsx"
