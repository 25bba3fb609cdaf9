"""What the summary says about its people and lists, shared by its sheets and by the Word papers
(:mod:`thidua_xlsx.papers.documents`): who is on which list, in which order, and the phrases
built from a summary's values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from thidua_xlsx.decide.ballots import candidates as ballot_candidates
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.council import Candidate
from thidua_xlsx.model.evaluation import YearRating
from thidua_xlsx.model.history import BK_TINH, KNC_GD
from thidua_xlsx.model.results import (
    SOURCE_COUNCIL,
    STATUS_SUBMITTED,
    Decision,
    PersonResult,
    Score,
    Summary,
    passed_not_proposed,
)
from thidua_xlsx.model.titles import INDIVIDUAL_ORDER, TTLDTT, TTLDXS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.messages import REASONS
from thidua_xlsx.text.rule_sets import DAY_SOURCES
from thidua_xlsx.text.wording import day_text

MULTI_YEAR_AWARDS = (BK_TINH, KNC_GD)  # the forms proposed on earlier years' achievements, highest first

VN_TIME = ly.VIETNAM_UTC_OFFSET  # inputs are naive UTC
COLLECTIVE_ORDER = (TTLDXS, TTLDTT)


def school_of(summary: Summary) -> cm.School:
    return summary.campaign.school if summary.campaign else cm.School("", "", "", "", "")


def titles_in_order(order: tuple[str, ...], found: set[str]) -> list[str]:
    """The title codes ``found``: those of ``order`` first, then the others by name."""
    return [t for t in order if t in found] + sorted(found - set(order), key=title_name)


def proposal_lists(people: Sequence[PersonResult]) -> dict[str, list[tuple[PersonResult, Decision]]]:
    """Granted individual titles, highest first, each with its people (in the summary's order)."""
    granted = {d.title for p in people for d in p.decisions if d.granted}
    return {title: [(p, d) for p in people for d in p.decisions if d.title == title and d.granted]
            for title in titles_in_order(INDIVIDUAL_ORDER, granted)}


def proposal_rows(people) -> list[tuple[str, str, str, str]]:
    """The proposal lists as sheet "Đề nghị khen thưởng" shows them: (name, position, department, title's name) per
    line — what :func:`~thidua_xlsx.model.layout.lists_digest` seals and the level above reads back
    (commune.read_inbox)."""
    return [(p.name, p.position, p.department_name, title_name(title))
            for title, chosen in proposal_lists(people).items() for p, _ in chosen]


def refusals(people: Sequence[PersonResult]) -> list[tuple[PersonResult, str]]:
    """People who registered and are not proposed all they registered for (the lowest title not granted's reason, in
    words; one that waits says so: "chờ xét", never a refusal)."""
    found = []
    for p in people:
        refused = [d for d in p.decisions if not d.granted]
        if p.has_registered and refused:
            reason = sx.REFUSED_WAITING.format(reason=refused[0].reason) if refused[0].pending else refused[0].reason
            found.append((p, sx.REFUSED_STILL.format(reason=reason, title=title_name(p.proposed)) if p.proposed
                          else reason))
    return found


def waits(p: PersonResult) -> bool:
    """Whether the lowest title ``p`` is not proposed for waits (a fact nobody entered, a period not scored yet, the
    council's judgement) rather than being refused: "chờ", never "không đủ điều kiện" (docs/conventions.md:
    Messages)."""
    refused = [d for d in p.decisions if not d.granted]
    return bool(refused) and refused[0].pending


def criteria_line(summary: Summary, not_recorded: str = sx.CRITERIA_NOT_RECORDED, end: str = "") -> str:
    """Which criteria the scores were read with (each form by its role, its number of criteria and points: its
    digest, which tells versions apart, is for the metadata and the checks, not for the reader), and the
    resolution that approved them (``end`` after it); ``not_recorded`` when no resolution is recorded."""
    c, school = summary.campaign, school_of(summary)
    versions = ", ".join(sx.CRITERIA_VERSION.format(role=r.role, items=len(r.items), total=cm.num_text(r.total))
                         for r in c.rubrics) if c else ""
    if school.criteria_resolution:
        day = school.criteria_resolution_date
        when = sx.CRITERIA_DATE.format(date=day_text(day)) if day else ""
        return sx.CRITERIA_APPROVED.format(number=school.criteria_resolution, date=when, versions=versions) + end
    return not_recorded.format(versions=versions)


def date_words(value: dt.datetime) -> str:
    local = value + VN_TIME
    return sx.DATE_WORDS.format(day=local.day, month=local.month, year=local.year)


def total(score: Score | None) -> float | None:
    return score.total if score else None


def score_cell(value: float | None) -> float | None:
    """A score as a sheet stores it: a number cut to two decimals (shown by the cell's format), None a blank."""
    return cm.score_value(value) if value is not None else None


def score_text(p: PersonResult) -> str:
    council = p.final if p.final_source == SOURCE_COUNCIL else None
    return " / ".join(cm.score_text(v) if v is not None else sx.SCORE_BLANK
                      for v in (total(p.self_score), total(p.dept_score), council))


def own_periods(rating: YearRating, periods: Sequence) -> int:
    """How many of the year's ``periods`` are the person's so far (:meth:`YearRating.periods_counted`)."""
    return rating.periods_counted(len(periods))


def remarks(p: PersonResult, *parts: str) -> str:
    """Notes of a person's row: what is given, then the status when the person's sheet is missing."""
    found = [*parts, REASONS["status." + p.status] if p.status != STATUS_SUBMITTED else ""]
    return "; ".join(dict.fromkeys(x for x in found if x))


def special_rows(campaign: cm.Campaign) -> list[list]:
    """Each đột xuất or chuyên đề award as its list shows it: who (a person, or a department), where, which kind,
    the achievement and the form — shared with the Word paper."""
    people = {p.code: p for p in campaign.staff}
    departments = {d.code: d.name for d in campaign.departments}
    rows = []
    for award in campaign.special_awards:
        person = people.get(award.who)
        name, where = (person.name, departments.get(person.department, "")) if person else \
            (sx.SPECIAL_COLLECTIVE.format(name=departments.get(award.who, award.who)), "")
        rows.append([name, where, award.kind, award.achievement, award.form, award.note])
    return rows


def rule_set_line(campaign: cm.Campaign | None) -> str:
    """Which rules were applied, as the summary and the Tờ trình say it: the province (or the national texts), the
    day they were picked for and by what, each text with its number and its date in force; "" without a rule set."""
    rule_set = campaign.rule_set if campaign else None
    if rule_set is None:
        return ""
    texts = "; ".join(sx.RULE_SET_TEXT.format(short=t.short, since=day_text(t.in_force_from.isoformat()))
                      if t.in_force_from else sx.RULE_SET_TEXT_UNDATED.format(short=t.short)
                      for t in rule_set.texts)  # each text once by its short name (its full number: the JSON)
    return sx.RULE_SET_LINE.format(where=rule_set.province or sx.RULE_SET_NATIONAL,
                                   day=day_text(rule_set.day.isoformat()),
                                   source=DAY_SOURCES.get(rule_set.day_from, rule_set.day_from), texts=texts)


# --- a period's score the head's pass gave (decide.year head_entered), one value printed everywhere: part I of the
# Phiếu xếp loại, the year's sheet (its Lý do), the year's JSON — a correction with the score it replaced and her
# reason, a transfer-in's months at her former school, or (a period's summary of an earlier release keeps no reason)
# whose hand and where the reason is

def head_lines(year: ev.YearResults, person: str) -> list[str]:
    """``person``'s periods whose score the head gave, in words: each correction on its own line, then the months at
    her former school on one, then those whose summary keeps no reason on one."""
    given = year.head_entered.get(person, {})
    labels = {p.code: p.label for p in year.periods}
    lines = [head_said(year, person, code) for code, head in given.items() if head.kind == ev.HEAD_CORRECTED]
    for kind, words in ((ev.HEAD_FORMER_SCHOOL, atx.PERIODS_FORMER_SCHOOL),
                        (ev.HEAD_NOT_SAID, atx.PERIODS_HEAD_ENTERED)):
        periods = [labels[code] for code, head in given.items() if head.kind == kind]
        lines += [words.format(periods=", ".join(periods))] if periods else []
    return lines


def head_said(year: ev.YearResults, person: str, period: str) -> str:
    """The words of one period whose score the head gave (a line of :func:`head_lines`, that period alone)."""
    head = year.head_entered[person][period]
    label = next((p.label for p in year.periods if p.code == period), period)
    if head.kind == ev.HEAD_CORRECTED:
        return atx.PERIOD_HEAD_CORRECTED.format(period=label, before=cm.score_text(head.before or 0),
                                                score=cm.score_text(year.scores[person][period] or 0),
                                                note=head.note.rstrip(". ") or atx.HEAD_NO_NOTE)
    words = atx.PERIODS_FORMER_SCHOOL if head.kind == ev.HEAD_FORMER_SCHOOL else atx.PERIODS_HEAD_ENTERED
    return words.format(periods=label)


def passed_not_proposed_text(summary: Summary, title: str) -> str:
    """Who passed the vote for ``title`` and is not proposed, with why ("" when nobody): the count "8/8 đạt" is
    the vote's, the lists hold 6 — the minutes say the difference."""
    dropped = passed_not_proposed(summary, title)
    return dw.MINUTES_PASSED_NOT_PROPOSED.format(title=title_name(title), names="; ".join(
        dw.MINUTES_PASSED_NOT_PROPOSED_ONE.format(name=p.name, why=_dropped_why(d)) for p, d in dropped)) \
        if dropped else ""


def _dropped_why(d: Decision) -> str:
    code = d.reasons[0].code if d.reasons else ""
    return next(why for start, why in dw.MINUTES_DROPPED_WHY.items() if code.startswith(start))


def multi_year_counts(summary: Summary) -> dict[str, int]:
    """Bằng khen, Kỷ niệm chương → how many the history's decisions propose (people and departments), those proposed
    only, highest first: the Tờ trình's third part, as its Word paper says it."""
    history = summary.history
    if history is None:
        return {}
    granted = [d.title for p in summary.people for d in history.people.get(p.code, ()) if d.granted]
    granted += [d.title for u in summary.departments for d in history.departments.get(u.code, ()) if d.granted]
    return {award: granted.count(award) for award in MULTI_YEAR_AWARDS if award in granted}


def put_to_vote(summary: Summary, rules: cm.Rules) -> dict[str, list[Candidate]]:
    """Who was (or is to be) voted on, per title: those on the ballot now and, after a council pass, also those the
    vote turned down (no longer proposed, still in the minutes) — a person's or a department's, in the summary's
    order. The Biên bản says the same of them in Word and on its sheet."""
    found = {(c.code, c.title): c for c in ballot_candidates(summary.people, summary.departments, rules)}
    people = {p.code: p for p in summary.people}
    units = {d.code: d for d in summary.departments}
    for r in (summary.tally.results if summary.tally else ()):
        if (r.code, r.title) in found:
            continue
        if r.code in people:
            p = people[r.code]
            found[(r.code, r.title)] = Candidate(r.code, p.name, p.department_name, r.title)
        elif r.code in units:
            found[(r.code, r.title)] = Candidate(r.code, units[r.code].name, units[r.code].name, r.title)
    order = {code: k for k, code in enumerate([*people, *units])}
    by_title: dict[str, list[Candidate]] = {}
    for c in sorted(found.values(), key=lambda c: order.get(c.code, len(order))):
        by_title.setdefault(c.title, []).append(c)
    return by_title
