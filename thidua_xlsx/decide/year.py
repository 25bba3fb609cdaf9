"""The year's summary from its periods' summaries (``thidua-xlsx year``): which summary speaks for each period,
every person's year rated (:func:`~thidua_xlsx.decide.evaluation.rate_year`) and that rating given to the title
rules, then the titles decided as a year-end merge decides them. Pure: no I/O.

The roster (sheet Nhân sự) is the year's list of people: a person of a period's summary who is no longer on it
is named and not rated (the secretary adds them back, with their months worked, to rate them). Each person's
registered title, award form and sáng kiến are those of the latest period that has them (a registration made
in an earlier month stands until changed).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from thidua_xlsx.decide import consolidate as cons
from thidua_xlsx.decide.evaluation import rate_year
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import ACCEPTED, SUPERSEDED, InboxFile
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, issue, reason
from thidua_xlsx.model.results import STATUS_SUBMITTED, DepartmentResult, PersonResult, Summary, by_department
from thidua_xlsx.text.collation import fold, name_key

SOURCE_YEAR = "year"  # a person's final score is the year's, from the periods
SCHOOL = "truong"  # the one unit a school's year rates (the cap's unit, the unit its head heads)
HEAD_POSITIONS = ("hieu truong", "giam doc")  # the head of the unit (NĐ 233/2026 điều 12 khoản 7), by position


def select_periods(files: Sequence[InboxFile], read: dict[str, ev.PeriodSummary]) -> tuple[list[InboxFile],
                                                                                          dict[str, ev.PeriodSummary]]:
    """The summary that speaks for each period among the files read (``read``: file name → its summary): the
    head's pass (the council's) over the merge's, then the newest. The others are superseded, naming the one used."""
    chosen: dict[str, InboxFile] = {}
    for f in files:
        summary = read.get(f.name)
        if summary is None:
            continue
        best = chosen.get(summary.period)
        if best is None or (summary.council, f.version_time) > (read[best.name].council, best.version_time):
            chosen[summary.period] = f
    used = {f.name for f in chosen.values()}
    out = []
    for f in files:
        summary = read.get(f.name)
        if summary is None:
            out.append(f)
        elif f.name in used:
            out.append(dataclasses.replace(f, status=ACCEPTED))
        else:
            winner = chosen[summary.period].name
            out.append(dataclasses.replace(f, status=SUPERSEDED, reason="year.period_superseded", issues=(
                *f.issues, issue("year.period_superseded", NOTE, file=f.name, used=winner,
                                 period=summary.period))))
    return out, {period: read[f.name] for period, f in chosen.items()}


def year_summary(campaign: cm.Campaign, files: Sequence[InboxFile], periods: dict[str, ev.PeriodSummary],
                 school_rating: str | None = None) -> Summary:
    """The year's summary: ``files`` every entry of the folder (statuses said), ``periods`` the summary used for
    each period (:func:`select_periods`), ``school_rating`` the school's own rating where known (điều 7)."""
    problems: list[Issue] = [i for f in files for i in f.issues]
    labels = {p.code: p.label for p in campaign.periods}
    for period in campaign.periods:
        if period.code not in periods:
            problems.append(issue("year.period_missing", WARNING, period=period.label))
    roster = {p.code: p for p in campaign.staff}
    gone: dict[str, list[str]] = {}
    for period in campaign.periods:
        summary = periods.get(period.code)
        for code in summary.people if summary else ():
            if code not in roster:
                gone.setdefault(code, []).append(labels[period.code])
    problems += [issue("year.person_not_in_roster", WARNING, person=code, periods=tuple(found))
                 for code, found in gone.items()]
    scores = {p.code: {period.code: entry.final for period in campaign.periods
                       if (entry := _entry(periods, period.code, p.code)) is not None} for p in campaign.staff}
    ratings = {r.person: r for r in rate_year(
        campaign.periods, (ev.PeriodScores(code, s) for code, s in scores.items()),
        [_facts(p) for p in campaign.staff],
        ev.YearRules(campaign.year_formula, campaign.rules.rating_bands or ev.BANDS, campaign.rules.cite("rating")),
        {SCHOOL: school_rating} if school_rating else None)}
    names = {d.code: d.name for d in campaign.departments}
    people = [_person(p, campaign, periods, ratings[p.code], names) for p in _ordered(campaign)]
    people = cons.judged(people, campaign)
    members = by_department(people)  # one pass: 1,000 departments × 8,400 people cost 0.75 s counted per department
    registered = {}  # each department's collective title, as the latest period says it (the registration carried)
    for period in campaign.periods:
        registered |= {code: title for code, title in periods[period.code].collectives.items() if title} \
            if period.code in periods else {}
    departments = cons.decide_departments(campaign, people, [
        DepartmentResult(d.code, d.name, len(members.get(d.code, ())), True, collective=registered.get(d.code, ""))
        for d in campaign.departments])
    problems.extend(cons.council_signals(campaign, people, {}))
    stamps = [f.version_time for f in files if f.status in (ACCEPTED, SUPERSEDED)]
    year = ev.YearResults(campaign.periods, {code: s.file for code, s in periods.items()}, scores, ratings)
    return Summary(campaign, ly.SCORING, tuple(files), tuple(people), tuple(departments), tuple(problems),
                   max(stamps) if stamps else None, year=year)


def _entry(periods: dict[str, ev.PeriodSummary], period: str, person: str) -> ev.PeriodEntry | None:
    summary = periods.get(period)
    return summary.people.get(person) if summary else None


def _facts(person: cm.Person) -> ev.YearFacts:
    """What the roster says of ``person``'s year: one unit (the school), the cap counted per role (the groups
    with similar tasks, điều 12 khoản 6: a leaders' form and a staff form), the head by position."""
    f = person.facts
    leave = frozenset({ev.LEAVE_MATERNITY}) if f.maternity_months else frozenset()
    head = fold(person.position).strip() in HEAD_POSITIONS
    return ev.YearFacts(person.code, unit=SCHOOL, group=person.role, head_of=SCHOOL if head else "",
                        months_worked=f.months, leave=leave, discipline=f.discipline,
                        entered=f.rating if f.rating in cm.RATINGS else None)


def _ordered(campaign: cm.Campaign) -> list[cm.Person]:
    order = {d.code: k for k, d in enumerate(campaign.departments)}
    return sorted(campaign.staff, key=lambda p: (order.get(p.department, len(order)), name_key(p.name), p.code))


def _person(p: cm.Person, campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary],
            rating: ev.YearRating, names: dict[str, str]) -> PersonResult:
    """``p``'s year as a result the title rules judge: the year's score and rating (the one that counts), what
    the latest period says they registered."""
    entries = [e for period in campaign.periods if (e := _entry(periods, period.code, p.code)) is not None]
    registered = next((e for e in reversed(entries) if e.registered), None)
    rated = rating.rating if rating.rating in cm.RATINGS else None
    flags = (reason("flag.year_rating_entered", entered=rating.rating, computed=rating.computed),) \
        if rating.overridden else ()
    return PersonResult(
        code=p.code, name=p.name, department=p.department, department_name=names.get(p.department, p.department),
        role=p.role, position=p.position, status=STATUS_SUBMITTED,
        registered=registered.registered if registered else "", form=registered.form if registered else "",
        initiative=registered.initiative if registered else "", facts=dataclasses.replace(p.facts, rating=rated),
        final=rating.score, final_source=SOURCE_YEAR if rating.score is not None else "",
        classification=rated or "", flags=flags)
