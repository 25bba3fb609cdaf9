"""The year's summary from its periods' summaries (``thidua-xlsx year``): which summary speaks for each period,
every person's year rated (:func:`~thidua_xlsx.decide.evaluation.rate_year`) and that rating given to the title
rules, then the titles decided as a year-end merge decides them. Pure: no I/O.

The roster (sheet Nhân sự) is the year's list of people: a person of a period's summary who is no longer on it
is named and not rated (the secretary adds them back, with their months worked, to rate them). Each person's
registered title, award form and sáng kiến are those of the latest period that has them (a registration made
in an earlier month stands until changed).

The year also says what it rests on (:func:`year_law`): periods before NĐ 233/2026 (not its periods), the
transition of its điều 20 khoản 1, periods not over yet, a filing date before the year's end; what is missing
per department and per person (a missing period is not 0: điều 15 khoản 1 điểm a, c); a rating typed in Nhân sự
that differs from the computed one; the head, whom the managing body rates; the unit's choices left at their
defaults where they matter. A rating the tool computed is carried as
:class:`~thidua_xlsx.model.evaluation.ComputedRating`: the titles resting on it say they are provisional.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from thidua_xlsx.decide import consolidate as cons
from thidua_xlsx.decide.evaluation import cap_groups, rate_year
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.campaign_book import (
    FORMER_UNIT,
    PERIOD_FIELDS,
    PERIODS_SHEET,
    SCHOOL_SHEET,
    SCOPE_HEADER,
    SMALL_GROUP_WORDS,
    STAFF_SHEET,
)
from thidua_xlsx.model.decisions import Applied, YearRegistrations
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED, SUPERSEDED, InboxFile
from thidua_xlsx.model.issued import Registration
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.places import REGISTRATION_INBOX
from thidua_xlsx.model.results import (
    SOURCE_COUNCIL,
    STATUS_SUBMITTED,
    Decision,
    DepartmentResult,
    PersonResult,
    Summary,
    by_department,
    provisional,
)
from thidua_xlsx.model.titles import is_registered
from thidua_xlsx.text.collation import fold, name_key
from thidua_xlsx.text.decisions import draft_text, saved_words
from thidua_xlsx.text.messages import BEFORE_DECREE_SCALE

SOURCE_YEAR = "year"  # a person's final score is the year's, from the periods
SCHOOL = "truong"  # the one unit a school's year rates (the cap's unit, the unit its head heads)
HEAD_POSITIONS = ("hieu truong", "giam doc")  # the head of the unit (NĐ 233/2026 điều 12 khoản 7), by position
# What the year says on screen as it closes (the console lists these problems, the others are counted).
SAID_ON_SCREEN = frozenset({
    "year.period_missing", "year.person_not_in_roster", "year.department_period_missing", "year.period_future",
    "year.period_future_used", "year.before_decree", "year.before_decree_scale", "year.periods_before_decree",
    "year.transition", "year.filed_before_end", "year.rating_typed", "year.head_rated_above", "year.cap_unit_default",
    "year.small_groups", "year.score_not_number", "year.score_out_of_range", "year.meta_broken",
    "year.person_periods_missing", "year.part_not_number", "year.part_out_of_range", "year.parts_not_total",
    "year.parts_old", "year.score_typed_over", "year.council_score_unapplied", "year.person_unfinished",
    "year.discipline_scope_missing", "year.registration_missing", "year.registration_used",
    "year.registration_from_periods", "year.draft"})
# Not said as the periods are read: the count of provisional proposals ("year.provisional") is the run's last word,
# counted once its council's pass and its history have decided (:func:`with_provisional`), and said with its report.
# A file of the folder refused for these reasons was a period's summary the year could not use: a period with no
# usable summary is then not known (every year pending), never "not made yet" (decided from the other periods).
REFUSED_PERIOD = frozenset({"summary.data_edited", "summary.schema_unknown", "year.meta_broken", "year.no_people",
                            "year.unreadable"})


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
                 school_rating: str | None = None, today: dt.date | None = None, book: str = "",
                 registrations: YearRegistrations | None = None,
                 past: Mapping[str, Mapping[str, str]] | None = None) -> Summary:
    """The year's summary: ``files`` every entry of the folder (statuses said), ``periods`` the summary used for
    each period (:func:`select_periods`), ``school_rating`` the school's own rating where known (điều 7),
    ``today`` the day the year is closed (a period not over by then is said; None: not checked), ``book`` the
    campaign book's file name (what is said of its sheets names it), ``registrations`` the registration round's
    result (None: not merged yet — the periods' books say what they were made with, and that is said), ``past`` each
    person's earlier ratings (roster code → school year → rating, :func:`~thidua_xlsx.decide.history.past_ratings`):
    a discipline for an act of a year rated KHTNV for it is not counted again (điều 14 khoản 3 điểm b)."""
    problems: list[Issue] = [i for f in files for i in f.issues]
    law = year_law(campaign, periods, today)
    states = {p.code: state for p in campaign.periods
              if (state := ev.period_state(p.start, p.end, today)) != ev.PERIOD_OVER}
    used = {code: s.file for code, s in periods.items()}
    draft = draft_periods(campaign, periods, states)  # before a refused period is made "not known"
    periods, absent = _periods_known(campaign, files, periods, set(states))
    problems += [*absent, *_not_in_roster(campaign, periods)]
    scores, ratings, rules = _rated(campaign, periods, school_rating, past or {}, states)
    problems += _missing(campaign, periods, ratings)
    said = [*law, *_said(campaign, ratings, rules, school_rating)]
    names = {d.code: d.name for d in campaign.departments}
    people = [_person(p, campaign, periods, ratings[p.code], names, registrations) for p in _ordered(campaign)]
    problems += _registration_said(campaign, people, registrations)
    people = cons.judged(people, campaign)
    problems += [dataclasses.replace(i, file=book) if book and i.sheet else i for i in said]
    year = ev.YearResults(campaign.periods, used,
                          {s.person: dict(s.scores) for s in scores}, ratings,
                          {s.person: dict(s.parts) for s in scores}, _head_entered(campaign, periods),
                          states, _sent_periods(campaign, periods),
                          registrations.departments if registrations is not None else None)
    departments = _departments(campaign, people, periods, registrations, year)
    problems.extend(cons.council_signals(campaign, people, {}))
    if draft:
        problems.append(issue("year.draft", WARNING, sheet=PERIODS_SHEET, periods=draft_words(campaign, draft)))
    stamps = [f.version_time for f in files if f.status in (ACCEPTED, SUPERSEDED)]
    summary = Summary(campaign, ly.SCORING, tuple(files), tuple(people), tuple(departments), tuple(problems),
                      max(stamps) if stamps else None, year=year, applied=_applied(campaign, periods, registrations),
                      draft=draft)
    return with_provisional(summary, book)


def _periods_known(campaign: cm.Campaign, files: Sequence[InboxFile], periods: dict[str, ev.PeriodSummary],
                   future: set[str]) -> tuple[dict[str, ev.PeriodSummary], list[Issue]]:
    """``periods`` with each period over and without a summary said: missing, or — a file of the folder refused
    that may have been its summary — not known (every person's score there unreadable, every year pending on it)."""
    refused = tuple(f.name for f in files if f.status == REJECTED and f.reason in REFUSED_PERIOD)
    found = []
    for period in campaign.periods:
        if period.code in periods or period.code in future:
            continue
        if refused:  # perhaps this period's: not known, every year pending on it
            found.append(issue("year.period_refused", ERROR, period=period.label, period_code=period.code,
                               files=", ".join(refused)))
            periods = {**periods, period.code: _not_known(period, refused, campaign)}
        else:
            found.append(issue("year.period_missing", WARNING, period=period.label))
    return periods, found


def _not_in_roster(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary]) -> list[Issue]:
    """Each person of a period's summary no longer on the roster, with the periods they are in: named, not rated."""
    roster = {p.code for p in campaign.staff}
    gone: dict[str, list[str]] = {}
    for period in campaign.periods:
        for code in periods[period.code].people if period.code in periods else ():
            if code not in roster:
                gone.setdefault(code, []).append(period.label)
    return [issue("year.person_not_in_roster", WARNING, person=code, periods=tuple(found))
            for code, found in gone.items()]


def _rated(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary], school_rating: str | None,
           past: Mapping[str, Mapping[str, str]], states: Mapping[str, str]
           ) -> tuple[list[ev.PeriodScores], dict[str, ev.YearRating], ev.YearRules]:
    """Every roster person's scores per period and year rated (:func:`rate_year`), with the year's two parts;
    ``states``: the periods not over on the day of the run (:func:`~thidua_xlsx.model.evaluation.period_state`)."""
    unsent = _unsent(campaign, periods)
    scores = [_scores(p.code, campaign, periods, unsent.get(p.code, ()), states) for p in campaign.staff]
    rules = year_rules(campaign)
    ratings = {r.person: r for r in rate_year(campaign.periods, scores,
                                              [_facts(p, campaign, past) for p in campaign.staff], rules,
                                              {SCHOOL: school_rating} if school_rating else None)}
    return scores, _with_parts(campaign.periods, scores, ratings, rules), rules


def _sent_periods(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary]) -> dict[str, tuple[str, ...]]:
    """Each department's periods whose summary holds something of one of its people (a score, a form begun, a score
    unreadable): the books it sent — a book sent before its period ended is sent (what the Biên bản counts); a period
    not over without one is nobody's to send yet, never missing."""
    members = by_department(campaign.staff)
    return {d.code: tuple(p.code for p in campaign.periods if p.code in periods and
                          any(_sent(periods[p.code].people.get(m.code)) for m in members.get(d.code, ())))
            for d in campaign.departments}


def _departments(campaign: cm.Campaign, people: list[PersonResult], periods: dict[str, ev.PeriodSummary],
                 registrations: YearRegistrations | None, year: ev.YearResults) -> list[DepartmentResult]:
    """Each department's collective title decided from its members' year: the title it registered — as the
    registration round's result says it, else as the latest period's book carried it. Submitted: it sent the book of
    every period over (what the Biên bản counts)."""
    members = by_department(people)  # one pass: 1,000 departments × 8,400 people cost 0.75 s counted per department
    registered: dict[str, str] = {}  # each department's collective title as the latest period says it (carried)
    for period in campaign.periods:
        registered |= {code: title for code, title in periods[period.code].collectives.items() if title} \
            if period.code in periods else {}
    if registrations is not None:  # the registration round's own result is the year's fact
        registered |= {code: title for code, title in registrations.collectives.items() if title}
    # a book missing leaves its members' year waiting, and so the title (never refused for it: cons.decide_departments)
    decided = cons.decide_departments(campaign, people, [
        DepartmentResult(d.code, d.name, len(members.get(d.code, ())), year.department_sent(d.code),
                         collective=registered.get(d.code, "")) for d in campaign.departments])
    return [dataclasses.replace(d, decisions=_registration_unsent(d, registrations)) for d in decided]


def _registration_unsent(d: DepartmentResult, registrations: YearRegistrations | None) -> tuple[Decision, ...]:
    """``d``'s decisions, or — its registration book never sent, nothing registered — its collective title waiting for
    the book (a title is considered only for those registered: the registration is the unit's plan, docs/domain.md §4f):
    not "tổ không đăng ký", which is a choice it never made."""
    if registrations is None or not registrations.unsent(d.code) or d.collective:
        return d.decisions
    return tuple(Decision(x.title, False, (reason("collective.registration_unsent"), *x.reasons[1:]), pending=True)
                 for x in d.decisions)


def _applied(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary], registrations: YearRegistrations | None
             ) -> tuple[Applied, ...]:
    """The records of the decisions the year applied: the registration round's, then each period's (its head's)."""
    return (*((registrations.applied,) if registrations is not None else ()),
            *(a for period in campaign.periods if period.code in periods for a in periods[period.code].applied))


def draft_periods(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary], states: Mapping[str, str]
                  ) -> tuple[tuple[str, str], ...]:
    """Each period that keeps the year a draft, with why: not begun or running (``states``: the periods not over on
    the day of the run, :func:`~thidua_xlsx.model.evaluation.period_state`), not merged (or its summary refused: not
    known), or merged without the head's pass. The year is final only when every period has the head's result (NĐ
    233/2026 điều 12 khoản 5 averages the periods' results; điều 13 khoản 2: the head of the unit evaluates)."""
    found = []
    for period in campaign.periods:
        summary = periods.get(period.code)
        why = draft_reason(states.get(period.code, ev.PERIOD_OVER), summary is not None,
                           bool(summary and summary.council))
        found += [(period.code, why)] if why else []
    return tuple(found)


def draft_reason(state: str, merged: bool, passed: bool) -> str:
    """Why a period keeps the year a draft ("" it does not): its ``state`` (not begun, running: the words every
    output gives that state), else not merged, or not passed by the head."""
    return state if state != ev.PERIOD_OVER else "not_merged" if not merged else "not_passed" if not passed else ""


def draft_words(campaign: cm.Campaign, draft: Sequence[tuple[str, str]]) -> str:
    """The periods keeping a year a draft, in words: "Tháng 4/2027 chưa tổng hợp; Tháng 5/2027 chưa hết kỳ"."""
    labels = {p.code: p.label for p in campaign.periods}
    return draft_text((labels.get(code, code), why) for code, why in draft)


def with_provisional(summary: Summary, book: str = "") -> Summary:
    """``summary`` with its one count of the proposals resting on a computed rating ("year.provisional"), counted as
    the Biên bản, the Tờ trình and the Word papers count them (:func:`~thidua_xlsx.model.results.provisional`): made
    again whenever the proposals change (the council's pass, the history), so that a run says one count everywhere
    — the screen, Kiểm tra, the JSON and the papers. ``book``: the campaign book's name (default: the count's file
    so far)."""
    if summary.year is None:
        return summary
    before = [i for i in summary.issues if i.code == "year.provisional"]
    kept = tuple(i for i in summary.issues if i.code != "year.provisional")
    resting = provisional(summary)
    said = (issue("year.provisional", WARNING, file=book or (before[0].file if before else ""), sheet=STAFF_SHEET,
                  count=len(resting.people), units=len(resting.units)),) if resting.count else ()
    return dataclasses.replace(summary, issues=(*kept, *said))


def _not_known(period: cm.Period, refused: tuple[str, ...], campaign: cm.Campaign) -> ev.PeriodSummary:
    """A period whose summary may be among the ``refused`` files: every person's score there unreadable (said, never
    used), so that no year is rated, and no title decided, on the other periods alone."""
    return ev.PeriodSummary(", ".join(refused), period.code, False,
                            {p.code: ev.PeriodEntry(None, unreadable=True) for p in campaign.staff})


def year_rules(campaign: cm.Campaign) -> ev.YearRules:
    """The year's parameters from the campaign: its formula; the bands of the rule set of its rating day (a
    province's, cited, when one applies; else NĐ 233/2026's — or, for a year whose periods all end before that
    decree, the school's own scale, cited as such: not banded by NĐ 233 without a word); the unit's choices of
    điều 12 khoản 6; the managing body, who rates the head."""
    bands = campaign.rules.rating_bands
    citation = campaign.rules.cite(rset.RATING) if bands else ""
    decree = _decree(campaign)
    if not bands and decree is not None and all(p.end < decree[1] for p in campaign.periods):
        citation = BEFORE_DECREE_SCALE.format(since=_day(decree[1]))
    return ev.YearRules(campaign.year_formula, bands or ev.BANDS, citation,
                        disciplined_citation=campaign.rules.rating_discipline if bands else "",
                        excellent_unit_cap_percent=campaign.excellent_unit_cap_percent,
                        small_groups_together=campaign.small_groups_together,
                        managing_body=campaign.school.managing_body)


def year_law(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary], today: dt.date | None) -> list[Issue]:
    """What the year rests on, said: periods before NĐ 233/2026 (the decree of the campaign's rule set: none
    without one), the transition of its điều 20 khoản 1 for a year rated at the end of 2026, periods not over by
    ``today``, a filing date ("Ngày gửi hồ sơ") before the last period ends."""
    if not campaign.periods:
        return []
    found: list[Issue] = []
    end = max(p.end for p in campaign.periods)
    decree = _decree(campaign)
    if decree is not None:
        name, since = decree
        before = [p.label for p in campaign.periods if p.end < since]
        scale = {"scale": campaign.rules.cite(rset.RATING)} if campaign.rules.rating_bands else {}  # a province's
        if before:
            code = "year.periods_before_decree" if len(before) < len(campaign.periods) else \
                "year.before_decree_scale" if scale else "year.before_decree"
            found.append(issue(code, WARNING, sheet=PERIODS_SHEET, periods=tuple(before), since=_day(since),
                               decree=name, **(scale if code == "year.before_decree_scale" else {})))
        if since <= end <= dt.date(since.year, 12, 31):  # art. 20.1: "cuối năm 2026", the decree's first year
            found.append(issue("year.transition", WARNING, sheet=PERIODS_SHEET, end=_day(end), decree=name))
    if today is not None:
        found += [issue("year.period_future_used" if period.code in periods else "year.period_future", WARNING,
                        sheet=PERIODS_SHEET, period=period.label, start=_day(period.start), end=_day(period.end),
                        today=_day(today)) for period in campaign.periods if period.end > today]
    filed = _iso(campaign.school.filing_date)
    if filed is not None and filed < end:
        found.append(issue("year.filed_before_end", WARNING, sheet=SCHOOL_SHEET, filed=_day(filed), end=_day(end)))
    return found


def _missing(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary], ratings: dict[str, ev.YearRating]
             ) -> list[Issue]:
    """Each department with nobody scored in a period whose summary is there (did it send its book?), then each
    person missing periods the rest of the department has (a missing period is not 0), and each whose form of a
    period is unfinished (the year waits for it). A period wholly on leave, or before a newcomer's start, is not the
    person's: never missing."""
    found: list[Issue] = []
    labels = {p.code: p.label for p in campaign.periods}
    by_department: dict[str, list[cm.Person]] = {}
    for person in campaign.staff:
        by_department.setdefault(person.department, []).append(person)
    names = {d.code: d.name for d in campaign.departments}
    for department, people in by_department.items():
        absent = []
        for code in labels:
            theirs = [p for p in people if _theirs(ratings[p.code], code)]
            if code in periods and theirs and all(code in ratings[p.code].unsent for p in theirs):
                absent.append((code, len(theirs)))
        found += [issue("year.department_period_missing", WARNING, file=periods[code].file,
                        department=names.get(department, department), period=labels[code], count=count)
                  for code, count in absent]
        for p in people:
            rating = ratings[p.code]
            own = [code for code in rating.missing if code in periods and code not in dict(absent)]
            if own and rating.used:  # nobody scored at all is said by the person's own reason
                found.append(issue("year.person_periods_missing", WARNING, name=p.name, person=p.code,
                                   periods=tuple(labels[c] for c in own), used=len(rating.used),
                                   total=rating.periods_counted(len(labels))))
            if rating.unfinished:
                found.append(issue("year.person_unfinished", WARNING, name=p.name, person=p.code,
                                   periods=tuple(labels[c] for c in rating.unfinished)))
    return found


def _theirs(rating: ev.YearRating, period: str) -> bool:
    """``period`` is one of the person's: not wholly on leave, not before their start, not after they moved away."""
    return period not in rating.not_theirs


def _said(campaign: cm.Campaign, ratings: dict[str, ev.YearRating], rules: ev.YearRules,
          school_rating: str | None) -> list[Issue]:
    """A rating typed in Nhân sự that differs from the computed one, the head rated by the managing body, and the
    unit's choices left at their defaults where they matter (điều 12 khoản 6)."""
    found: list[Issue] = []
    for p in campaign.staff:
        rating = ratings[p.code]
        if rating.entered and rating.overridden and rating.computed != ev.PENDING:
            found.append(issue("year.rating_typed", WARNING, sheet=STAFF_SHEET, name=p.name, person=p.code,
                               entered=rating.rating, computed=rating.computed))
        if rating.head:
            found.append(issue("year.head_rated_above", NOTE, sheet=STAFF_SHEET, name=p.name, person=p.code,
                               body=campaign.school.managing_body))
        if not rating.entered and any(r.code == "year.discipline_scope_unknown" for r in rating.reasons):
            found.append(issue("year.discipline_scope_missing", WARNING, sheet=STAFF_SHEET, name=p.name,
                               person=p.code, discipline=(p.facts.discipline or "").lower(), field=SCOPE_HEADER,
                               choices=", ".join(cm.DISCIPLINE_SCOPES)))
    fields = {f.key: f.label for f in PERIOD_FIELDS}
    if school_rating == ev.HTXSNV and rules.excellent_unit_cap_percent is None:
        found.append(issue("year.cap_unit_default", NOTE, sheet=PERIODS_SHEET,
                           field=fields["excellent_unit_cap_percent"]))
    if not rules.small_groups_together:  # said where counting them together would change a group
        groups = cap_groups([_facts(p, campaign, {}) for p in campaign.staff], rules)
        small = [group for (_unit, group), members in groups.items() if len(members) <= rules.small_group]
        if small and len(groups) > 1:
            together = next(word for word, flag in SMALL_GROUP_WORDS.items() if flag)
            found.append(issue("year.small_groups", NOTE, sheet=PERIODS_SHEET, groups=tuple(small),
                               size=rules.small_group, together=together, field=fields["small_groups_together"]))
    return found


def _decree(campaign: cm.Campaign) -> tuple[str, dt.date] | None:
    """The decree of the year's rating by periods (NĐ 233/2026) as the campaign's rule set knows it: how it is
    cited and the day it came into force (None: no rule set, or no such text)."""
    decree = campaign.rule_set.decree if campaign.rule_set is not None else None
    if decree is None or decree.in_force_from is None:
        return None
    return decree.short, decree.in_force_from


def _unsent(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary]) -> dict[str, tuple[str, ...]]:
    """Each person's periods whose book their department did not send: a period with a summary where nobody of the
    department whose period it is (not wholly on leave, not before their start) has a score, a form begun or a score
    unreadable. Not known, so not missing: the year waits for the book (NĐ 233/2026 điều 12 khoản 5 averages the
    periods' scores) — or for the head's pass on that period, or the authority's rating typed in Nhân sự."""
    found: dict[str, tuple[str, ...]] = {}
    by_department: dict[str, list[cm.Person]] = {}
    for person in campaign.staff:
        by_department.setdefault(person.department, []).append(person)
    for period in campaign.periods:
        summary = periods.get(period.code)
        if summary is None:
            continue
        for people in by_department.values():
            theirs = [p for p in people if period.code not in p.facts.away and not cm.moved_by(p, period.start) and
                      (cm.started_by(p, period.end) or _sent(summary.people.get(p.code)))]
            if theirs and not any(_sent(summary.people.get(p.code)) for p in theirs):
                for p in theirs:
                    found[p.code] = (*found.get(p.code, ()), period.code)
    return found


def _sent(entry: ev.PeriodEntry | None) -> bool:
    """The department sent something for this person: a score, a form begun, or a score it could not read."""
    return entry is not None and (entry.final is not None or entry.unreadable or entry.unfinished)


def _scores(person: str, campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary],
            unsent: tuple[str, ...], states: Mapping[str, str]) -> ev.PeriodScores:
    """``person``'s score in each period, and its two parts where they are that score's (a score the council gave
    the year replaces the periods' totals, not their parts: council.with_year_scores); ``unsent``: the periods whose
    book their department did not send (:func:`_unsent`)."""
    entries = {period.code: entry for period in campaign.periods
               if (entry := _entry(periods, period.code, person)) is not None}
    readable = {code: e for code, e in entries.items() if not e.unreadable}
    return ev.PeriodScores(person, {code: e.final for code, e in readable.items()},
                           tuple(code for code in entries if code not in readable),
                           {code: e.parts for code, e in readable.items() if e.parts.make(e.final)},
                           tuple(code for code, e in readable.items() if e.unfinished), unsent,
                           tuple(code for code, state in states.items() if state == ev.PERIOD_RUNNING),
                           tuple(code for code, state in states.items() if state == ev.PERIOD_NOT_BEGUN))


def _with_parts(periods: Sequence[ev.Period], scores: Sequence[ev.PeriodScores], ratings: dict[str, ev.YearRating],
                rules: ev.YearRules) -> dict[str, ev.YearRating]:
    """Each rating with the year's score in its two parts (NĐ 233/2026 điều 10, 11)."""
    general, tasks = (_year_part(periods, scores, ratings, ev.YearRules(formula=rules.formula), part)
                      for part in (ev.GENERAL, ev.TASKS))
    return {code: dataclasses.replace(r, parts=ev.Parts(general.get(code), tasks.get(code)))
            for code, r in ratings.items()}


def _year_part(periods: Sequence[ev.Period], scores: Sequence[ev.PeriodScores], ratings: dict[str, ev.YearRating],
               formula: ev.YearRules, part: str) -> dict[str, float | None]:
    """Each person's ``part`` for the year, made from the periods' as the score is from theirs (:func:`rate_year`:
    the year's formula, the same rounding) over the same periods: known only where every period the score used has
    it — never over fewer periods, never 0."""
    given = []
    for s in scores:
        rating = ratings[s.person]
        values = {code: s.parts[code].get(part) if code in s.parts else None for code in rating.used}
        if rating.score is not None and None not in values.values():
            given.append(ev.PeriodScores(s.person, values))
    return {r.person: r.score for r in rate_year(periods, given, rules=formula)}


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _entry(periods: dict[str, ev.PeriodSummary], period: str, person: str) -> ev.PeriodEntry | None:
    summary = periods.get(period)
    return summary.people.get(person) if summary else None


def _facts(person: cm.Person, campaign: cm.Campaign, past: Mapping[str, Mapping[str, str]]) -> ev.YearFacts:
    """What the roster says of ``person``'s year: one unit (the school), the cap counted per role (the groups
    with similar tasks, điều 12 khoản 6: a leaders' form and a staff form), the head by position; the leave of the
    year (its kind, months of maternity leave) and the periods wholly on it, what a discipline was for and the act it
    was for (the rating of the act's year, where ``past`` — person → school year → rating — has it), the periods
    that ended before the person started (a newcomer's: not theirs), and a move to another school with the periods
    from its day (not hers: the new school rates her year, NĐ 233/2026 điều 15 khoản 1 điểm a)."""
    f = person.facts
    act = ev.ACT_FORMER_UNIT if f.discipline_act == FORMER_UNIT else f.discipline_act or ""
    leave = {ev.LEAVE_MATERNITY} if f.maternity_months else set()
    if f.leave in ev.LEAVE_OF_WORD:
        leave.add(ev.LEAVE_OF_WORD[f.leave])
    head = fold(person.position).strip() in HEAD_POSITIONS
    return ev.YearFacts(person.code, unit=SCHOOL, group=person.role, head_of=SCHOOL if head else "",
                        months_worked=f.months, leave=frozenset(leave), discipline=f.discipline,
                        entered=f.rating if f.rating in cm.RATINGS else None, discipline_scope=f.discipline_scope,
                        away=frozenset(f.away), discipline_act=act,
                        act_rating=past.get(person.code, {}).get(act) if act != ev.ACT_FORMER_UNIT else None,
                        before_start=frozenset(p.code for p in campaign.periods if not cm.started_by(person, p.end)),
                        moved_on=f.moved_on or "", moved_to=f.moved_to or "",
                        after_leaving=frozenset(p.code for p in campaign.periods if cm.moved_by(person, p.start)))


def _ordered(campaign: cm.Campaign) -> list[cm.Person]:
    order = {d.code: k for k, d in enumerate(campaign.departments)}
    return sorted(campaign.staff, key=lambda p: (order.get(p.department, len(order)), name_key(p.name), p.code))


def _person(p: cm.Person, campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary],
            rating: ev.YearRating, names: dict[str, str], registrations: YearRegistrations | None) -> PersonResult:
    """``p``'s year as a result the title rules judge: the year's score and rating (the one that counts), what
    they registered — as the registration round's result says it, else as the latest period's book showed it (a
    book made before the registration was merged shows none: it does not undo the registration)."""
    entries = [e for period in campaign.periods if (e := _entry(periods, period.code, p.code)) is not None]
    own = registrations.people.get(p.code) if registrations is not None else None
    if own is None:  # not in the registration round's result (none yet, a newcomer): as the latest book showed it
        shown = next((e for e in reversed(entries) if e.registered), None)
        own = Registration(shown.registered, shown.form, shown.initiative) if shown is not None else Registration()
    unsent: tuple[Reason, ...] = (reason(cons.REGISTRATION_UNSENT),) if registrations is not None and \
        registrations.unsent(p.department) and not own.title else ()  # the book never came, not "không đăng ký"
    rated = rating.rating if rating.rating in cm.RATINGS else None
    if rated is not None and not rating.entered:  # computed, not decided: the titles resting on it are provisional
        rated = ev.ComputedRating(rated)
    labels = {period.code: period.label for period in campaign.periods}
    flags = ((reason("flag.year_rating_entered", entered=rating.rating, computed=rating.computed),)
             if rating.overridden else ()) + \
        ((reason(cons.UNFINISHED_YEAR, periods=tuple(labels[c] for c in rating.unfinished)),)
         if rating.unfinished and not rating.entered else ()) + _waiting(rating, labels) + unsent + \
        ((reason(cons.YEAR_NOT_RATED, **dict(short.params)),) if (short := rating.months_short) else ())
    return PersonResult(
        code=p.code, name=p.name, department=p.department, department_name=names.get(p.department, p.department),
        role=p.role, position=p.position, status=STATUS_SUBMITTED,
        registered=own.title, form=own.form, initiative=own.initiative,
        facts=dataclasses.replace(p.facts, rating=rated),
        final=rating.score, final_source=SOURCE_YEAR if rating.score is not None else "",
        classification=rated or "", flags=flags)


def _waiting(rating: ev.YearRating, labels: dict[str, str]) -> tuple[Reason, ...]:
    """The flag of a year's rating not known yet for another reason than an unfinished form (its own flag): what it
    waits for, so that the titles resting on it wait too (decide.rules) — a rating the authority entered waits for
    nothing."""
    if rating.entered or rating.rating != ev.PENDING:
        return ()
    waits = (*((reason("wait.unsent", periods=tuple(labels[c] for c in rating.unsent)),) if rating.unsent else ()),
             *((reason("wait.unreadable", periods=tuple(labels[c] for c in rating.unreadable)),)
               if rating.unreadable else ()),
             *(reason("wait.discipline_scope") for r in rating.reasons if r.code == "year.discipline_scope_unknown"),
             *(reason("wait.study_months") for r in rating.reasons if r.code == "year.study_months_short"))
    return (reason(cons.YEAR_PENDING, waits=waits),) if waits else ()


def _registration_said(campaign: cm.Campaign, people: Sequence[PersonResult],
                       registrations: YearRegistrations | None) -> list[Issue]:
    """Where the year's registrations came from: the registration round's result (its file, fingerprint and time;
    those it does not list, registered in a period's book, named), or — not merged yet — the periods' books, said as
    a warning: a book made before the registration was merged shows nobody registered."""
    if registrations is None:
        return [issue("year.registration_missing", WARNING, inbox=REGISTRATION_INBOX)]
    a = registrations.applied
    found = [issue("year.registration_used", NOTE, file=a.file, fingerprint=a.fingerprint, saved=saved_words(a.saved),
                   people=sum(1 for r in registrations.people.values() if is_registered(r.title)),
                   units=sum(1 for t in registrations.collectives.values() if is_registered(t)))]
    elsewhere = [p.name for p in people if p.code not in registrations.people and is_registered(p.registered)]
    if elsewhere:
        found.append(issue("year.registration_from_periods", NOTE, file=a.file, count=len(elsewhere),
                           names=", ".join(elsewhere)))
    return found


def _head_entered(campaign: cm.Campaign, periods: dict[str, ev.PeriodSummary]
                  ) -> dict[str, dict[str, ev.HeadScore]]:
    """Each person's periods whose score the head's pass on the period gave (its summary's source "council"), with
    why: a correction (her note), or a transfer's month at the former school (NĐ 233/2026 điều 15 khoản 1 điểm a)."""
    found = {}
    for person in campaign.staff:
        given = {period.code: e.head for period in campaign.periods
                 if (e := _entry(periods, period.code, person.code)) is not None and e.source == SOURCE_COUNCIL
                 and e.final is not None and not e.unreadable}
        if given:
            found[person.code] = given
    return found
