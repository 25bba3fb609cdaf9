"""The titles and forms that rest on earlier years (docs/domain.md §4c), decided from the history
(:mod:`thidua_xlsx.model.history`), each citing the years it used and its article. Pure: no I/O.

**Matching** (:func:`match`): a roster person is found in the history by staff code; where the code is not
there, by name (case and accents folded) and birth date, said (a note naming both codes). Several people of the
history with that name and birth date: asked (a warning naming them), never guessed, and the person's history
is unknown. A name without a birth date on either side is no match (said).

**Who is decided for what** (:func:`decide_history`), so that the summary lists what is worth reading:

- *CSTĐ cấp tỉnh*: those registered for it (this replaces :func:`thidua_xlsx.decide.rules.decide_higher`'s
  "Hội đồng xét").
- *Bằng khen of the provincial chair*: those granted CSTĐCS this year, those rated HTXSNV this year (the two
  ways to it), and those who registered an award form naming a Bằng khen of the province ("tỉnh" or "thành
  phố"). Nobody else has a way to it this year. Its reasons cite the school's own province's text where the
  tool has it, else "theo quy định của tỉnh/thành phố" — never another province's. One run of CSTĐCS years
  proposed for both CSTĐ cấp tỉnh and the Bằng khen is flagged on both decisions for the council: one
  achievement, one reward (Luật TĐKT 2022 điều 5 khoản 2 điểm c).
- *Kỷ niệm chương "Vì sự nghiệp giáo dục"* (TT 07/2026/TT-BGDĐT from 02/04/2026, the campaign's reference day;
  TT 29/2023 before it, whose years are kept and said not yet checked against TT 07/2026): those who reach the
  years in the sector (granted); those who received it already, when they reach the years or their start is
  not known (refused: it is given once); those short of the years: nothing. Whether it was received is known
  only from a Thâm niên row read whole: without one (no row for the person, the sheet unread, a folder of
  summaries), those who may reach the years are pending, never granted again. A start date nobody typed: the
  person's decision is pending ("chưa đủ thông tin: ngày vào ngành") and one note counts them — except where
  nobody at all has a start date (a school that never typed them): the note alone, no 50 pending rows; a start
  after the day reckoned to is said and not known. Years in especially difficult areas or of discipline left
  blank on a person's row count as none. The years are reckoned to the end of the school year
  (:attr:`~thidua_xlsx.decide.history_rules.MultiYearRules.medal_reckoned_on`), that day included.
- *Collectives*: departments granted TTLĐXS this year.

**A part of the history not read** (:attr:`~thidua_xlsx.model.history.History.unknown`: a broken or wrong
book, a sheet missing) is not known: every decision resting on it is pending and says why.

**Consecutive** years are the school years just before this one, with no gap. A year a rule needs with no row
for the person is not known: the decision is pending, naming the year ("chưa đủ thông tin: năm 2023-2024"),
never a silent no; a year with a row and without the title breaks the run. Maternity leave counts as work (NĐ
152/2025 điều 4 khoản 5) through each year's own decision, which the history records. After discipline,
achievements count only from the end of the discipline period (điều 4 khoản 4): a year that started before a
discipline period ended does not count, nor any earlier one — this school year neither: its LĐTT and CSTĐCS are
refused, naming the discipline's end, and the departments' titles decided again. Đột xuất and chuyên đề awards
(``PersonYear.special``) never count (điều 4 khoản 3). History rows of this school year or later are not read
(a history updated from this year's own summary would count the year twice).

**A sáng kiến counts once** (CV 5007/BNV-TĐKT 2023): the registry's (matched by name, folded, and author) and
this year's (the facts'). One already used for a title cannot serve an award form and the reverse (the
decision refused, naming the year and the use): this year's CSTĐCS resting on a sáng kiến used for a form
(a Giấy khen …) is withdrawn — unless the council chose it, then kept and warned — and the departments'
titles are decided again without it; one used for a form never serves another form; one used for an earlier
year's title and used again for a title this year is warned for the council (an issue and a flag), not
refused. This year's CSTĐCS uses its sáng kiến only where it needed it (rated HTXSNV under the "hoặc"
condition it did not).

The rules per title are in :mod:`thidua_xlsx.decide.history_rules`, one person's past as they read it in
:mod:`thidua_xlsx.decide.history_past`; here the roster is matched to the history and the decisions are put into
the summary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from thidua_xlsx.decide.consolidate import decide_departments, quota_again
from thidua_xlsx.decide.history_past import Past, PastIndex, day_written
from thidua_xlsx.decide.history_rules import (
    MultiYearRules,
    Said,
    cited_bases,
    department_decision,
    person_decisions,
    reckoned_on,
)
from thidua_xlsx.decide.year import with_provisional
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import history as hs
from thidua_xlsx.model.campaign_book import STAFF_SHEET
from thidua_xlsx.model.history import History, HistoryResults, Match, PersonYear, Service
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.results import Decision, DepartmentResult, PersonResult, Summary, is_granted
from thidua_xlsx.model.titles import CSTD_TINH, INDIVIDUAL_ORDER, TTLDXS
from thidua_xlsx.text.collation import fold

# --- matching ----------------------------------------------------------------------------------------------------

def match(staff: Sequence[cm.Person], history: History) -> tuple[dict[str, Match], tuple[Issue, ...]]:
    """Each roster person's :class:`Match` in ``history`` (absent: not found) and what was said on the way."""
    known = {r.person for r in history.people} | {s.person for s in history.service} | \
        {i.author for i in history.initiatives} | {code for _year, code in history.held}  # a year held: found
    roster = {p.code for p in staff}
    namesakes: dict[str, dict[str, set[str]]] = {}  # folded name → history code (of nobody on the roster) → dobs
    rows: tuple[PersonYear | Service, ...] = (*history.people, *history.service)
    for row in rows:
        if row.person not in roster:
            namesakes.setdefault(fold(row.name), {}).setdefault(row.person, set()).add(row.dob)
    found: dict[str, Match] = {}
    problems: list[Issue] = []
    for p in staff:
        same_name = namesakes.get(fold(p.name), {})
        if p.code in known and sum(bool(p.dob) and p.dob in dobs for dobs in same_name.values()) != 1:
            same_name = {}  # an earlier code joins the code's only when it is the one of that name and birth date
        matched, said = _matched(p, p.code in known, same_name)
        if matched is not None:
            found[p.code] = matched
        problems.extend(said)
    return found, tuple(problems)


def _matched(p: cm.Person, by_code: bool, same_name: dict[str, set[str]]) -> tuple[Match | None, tuple[Issue, ...]]:
    """Roster person ``p``'s match (``by_code``: the history holds their code; ``same_name``: the history's other
    codes under their name, with the birth dates each gives — for a person found by code, only an earlier code of
    theirs) and what is said of it."""
    same = tuple(sorted(code for code, dobs in same_name.items() if p.dob and p.dob in dobs))
    if by_code:  # earlier years under a code changed since, by name and birth date: read with the code's, said
        said = (issue("history.matched_also_by_name", NOTE, name=p.name, person=p.code, old=", ".join(same),
                      dob=day_written(p.dob)),) if same else ()
        return Match(p.code, hs.MATCH_CODE_AND_NAME if same else hs.MATCH_CODE, (p.code, *same)), said
    if len(same) == 1:
        return Match(p.code, hs.MATCH_NAME_DOB, same), (issue("history.matched_by_name", NOTE, name=p.name,
                                                              person=p.code, old=same[0], dob=day_written(p.dob)),)
    if same:
        return Match(p.code, hs.MATCH_NAME_DOB, same), (issue("history.ambiguous", WARNING, name=p.name,
                                                              person=p.code, count=len(same), codes=same),)
    undated = tuple(sorted(code for code, dobs in same_name.items() if not p.dob or "" in dobs))
    return None, (issue("history.name_without_dob", WARNING, name=p.name, person=p.code, codes=undated),) \
        if undated else ()


def decide_history(campaign: cm.Campaign, people: Sequence[PersonResult], departments: Sequence[DepartmentResult],
                   history: History, matches: Mapping[str, Match],
                   rules: MultiYearRules = MultiYearRules()) -> HistoryResults:
    """The multi-year decisions of this year's ``people`` and ``departments`` (their results decided, CSTĐCS and
    TTLĐXS included) from ``history`` as :func:`match` found it; see the module's docstring for who gets which."""
    year = campaign.school.school_year
    index = PastIndex(history, year)
    bases = cited_bases(campaign, rules)
    roster = {p.code: p for p in campaign.staff}
    pasts = {p.code: index.past(matches.get(p.code)) for p in people}
    starts = {p.code: _start(roster.get(p.code), pasts[p.code]) for p in people}
    nobody_dated = not any(cm.iso_day(start) for start in starts.values())
    decided, flags, undated, withdrawn, after = {}, {}, 0, {}, []
    problems: list[Issue] = []
    for p in people:
        said = Said()
        found, now = person_decisions(p, starts[p.code], pasts[p.code], year, campaign, rules, bases, said)
        after.append(now)
        if now is not p:  # this year's titles the history changed (a sáng kiến spent, a discipline running on)
            withdrawn[p.code] = tuple(d for d in now.decisions if d not in p.decisions)
        found, unknown = _medal_dates(p, found, starts[p.code], nobody_dated, year, rules, problems)
        undated += unknown
        if found:
            decided[p.code] = found
        if said.flags:
            flags[p.code] = tuple(said.flags)
        problems += said.issues
    if undated:
        problems.append(issue("knc.no_start_any" if nobody_dated else "knc.start_missing", NOTE, count=undated))
    if withdrawn:  # a CSTĐCS fewer may cost a department its TTLĐXS (the quota's places: with_history)
        departments = decide_departments(campaign, after, departments)
    collective = {d.code: (department_decision(index.departments.get(d.code, {}), year, rules, bases.bk_collective,
                                               hs.DEPARTMENTS_PART in index.unknown,
                                               index.held_departments.get(d.code, frozenset())),)
                  for d in departments if is_granted(d.decisions, TTLDXS)}
    awarded = {code: years for code, past in pasts.items() if (years := _awarded(past))}
    return HistoryResults(matches=dict(matches), people=decided, departments=collective, issues=tuple(problems),
                          sources=history.sources, flags=flags, withdrawn=withdrawn, awarded=awarded)


def _awarded(past: Past) -> tuple[hs.AwardedYear, ...]:
    """The earlier years in which ``past``'s person was awarded something, oldest first: the titles the tool knows,
    highest first (a word it does not know was said where it was read, and is left for the person to write), the
    forms and special awards as written, but a "Không" typed for none."""
    found = []
    for year, y in past.years.items():
        titles = tuple(t for t in INDIVIDUAL_ORDER if t in y.titles)
        forms = tuple(f for f in (*sorted(y.forms), *y.special) if fold(f).strip(" .-") not in _NONE_WORDS)
        if titles or forms:
            found.append(hs.AwardedYear(year, titles, forms))
    return tuple(found)


_NONE_WORDS = frozenset({"", "khong", "khong co", "chua co"})  # folded: what is typed in a column for "none"


def _medal_dates(p: PersonResult, found: tuple[Decision, ...], start: str, nobody_dated: bool, year: str,
                 rules: MultiYearRules, problems: list[Issue]) -> tuple[tuple[Decision, ...], int]:
    """The person's decisions with the medal's pending for a start date not known left out when nobody's start is
    dated (said once for all), and how many such there were; a start date still to come said."""
    unknown = [d for d in found if d.title == hs.KNC_GD and d.reasons[0].code == "knc.start_unknown"]
    if nobody_dated and unknown:
        found = tuple(d for d in found if d not in unknown)
    if any(d.title == hs.KNC_GD and d.reasons[0].code == "knc.start_to_come" for d in found):
        problems.append(issue("history.start_to_come", WARNING, sheet=STAFF_SHEET, name=p.name, person=p.code,
                              start=day_written(start), date=reckoned_on(year, rules).strftime("%d/%m/%Y")))
    return found, len(unknown)


def past_ratings(staff: Sequence[cm.Person], history: History) -> dict[str, dict[str, str]]:
    """Each roster person's earlier ratings as ``history`` has them (roster code → school year → rating), found as
    :func:`match` finds them (a person asked about — several of the history with that name — has none): what the year
    compares a discipline for an earlier year's act with (NĐ 233/2026 điều 14 khoản 3 điểm b)."""
    matches, _ = match(staff, history)
    rated: dict[str, dict[str, str]] = {}
    for row in history.people:
        if row.rating:
            rated.setdefault(row.person, {})[row.year] = row.rating
    return {code: {y: r for c in reversed(m.codes) for y, r in rated.get(c, {}).items()}  # the roster code's first
            for code, m in matches.items() if not m.ambiguous}


def _acts(summary: Summary, history: History) -> tuple[dict[str, tuple[Reason, ...]], list[Issue]]:
    """A discipline for an act of an earlier year, the year rated without that year's rating (its reason
    ``year.discipline_act_unknown``), compared with ``history``: that year rated KHTNV — not counted again (NĐ 233/2026
    điều 14 khoản 3 điểm b), said on the person and among the problems for the head to enter the rating; rated
    otherwise — counted as the year counted it, said on the person."""
    if summary.year is None:
        return {}, []
    past = past_ratings(summary.campaign.staff, history)
    flags: dict[str, tuple[Reason, ...]] = {}
    problems: list[Issue] = []
    for p in summary.campaign.staff:
        rating = summary.year.ratings.get(p.code)
        act = p.facts.discipline_act
        if rating is None or not act or not any(r.code == "year.discipline_act_unknown" for r in rating.reasons):
            continue
        then = past.get(p.code, {}).get(act)
        if then == ev.KHTNV:
            flags[p.code] = (reason("flag.discipline_counted_before", year=act, score=rating.score),)
            problems.append(issue("history.discipline_counted_before", WARNING, sheet=STAFF_SHEET, name=p.name,
                                  person=p.code, year=act, score=rating.score))
        elif then in cm.RATINGS:
            flags[p.code] = (reason("flag.discipline_act_rated", year=act, rating=then),)
    return flags, problems


def _start(person: cm.Person | None, past: Past) -> str:
    """The day a person entered the sector: the roster's "Ngày vào ngành", else the history's."""
    return (person.start if person else "") or (past.service.sector_start if past.service else "")

def with_history(summary: Summary, history: History, rules: MultiYearRules = MultiYearRules()) -> Summary:
    """``summary`` with its multi-year decisions (``summary.history``): CSTĐ cấp tỉnh also in the person's own
    decisions, in place of "needs the history", and this year's titles the history withdrew (the departments' titles
    decided again); the flags on the people; what matching and deciding found among the issues."""
    matches, found = match(summary.campaign.staff, history)
    results = decide_history(summary.campaign, summary.people, summary.departments, history, matches, rules)
    acts, disciplines = _acts(summary, history)
    people = []
    for p in summary.people:
        changed = {d.title: d for d in results.people.get(p.code, ()) if d.title == CSTD_TINH}
        changed |= {d.title: d for d in results.withdrawn.get(p.code, ())}
        flags = p.flags + tuple(f for f in (*results.flags.get(p.code, ()), *acts.get(p.code, ())) if f not in p.flags)
        people.append(dataclasses.replace(p, decisions=tuple(changed.get(d.title, d) for d in p.decisions),
                                          flags=flags) if changed or flags != p.flags else p)
    freed: list[Issue] = []
    if results.withdrawn:  # they never qualified: the quota's places they held go to the next (history first)
        people, given = quota_again(people, summary.campaign, results.withdrawn, voted=summary.tally is not None)
        if given:
            freed.append(issue("history.quota_freed_vote" if summary.tally is not None else "history.quota_freed",
                               NOTE, count=len(results.withdrawn), given=", ".join(given),
                               names=", ".join(p.name for p in people if p.code in results.withdrawn)))
    departments = decide_departments(summary.campaign, people, summary.departments) if results.withdrawn else \
        summary.departments

    return with_provisional(dataclasses.replace(  # the proposals as the history left them: one count in the run
        summary, people=tuple(people), departments=tuple(departments), history=results,
        issues=(*summary.issues, *found, *results.issues, *disciplines, *freed)))
