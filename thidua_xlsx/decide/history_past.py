"""One person's past as the multi-year rules (:mod:`thidua_xlsx.decide.history_rules`) read it: the history
(:mod:`thidua_xlsx.model.history`) indexed by code once per school, each person's years, sáng kiến and their uses,
Thâm niên row and discipline cut; the runs of consecutive years ending this year; and school years and dates.
Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model.history import History, Initiative, Match, PersonYear, Service, Use
from thidua_xlsx.model.issues import Reason, reason
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS
from thidua_xlsx.text.collation import fold

EXCELLENT = cm.RATINGS[0]  # HTXSNV
NO_DISCIPLINE = cm.DISCIPLINES[0]
CSTDCS_YEAR = frozenset({CSTDCS, CSTD_TINH})  # a year of CSTĐ cấp tỉnh was a year of CSTĐCS too


# --- one person's past, as the rules read it ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Year:
    titles: frozenset[str]
    forms: frozenset[str]
    special: tuple[str, ...]
    rating: str | None


@dataclass
class PastInitiative:
    """A person's sáng kiến and its uses (earlier years' from the registry, this year's as decided here)."""

    name: str
    level: str
    year: str  # the school year it was recognised in ("" not known)
    uses: list[Use]

    @property
    def rank(self) -> int:
        return cm.INITIATIVE_LEVELS.index(self.level)

    def used(self, kind: str | None = None, before: str = "") -> list[Use]:
        return [u for u in self.uses if (kind is None or u.kind == kind) and (not before or u.year < before)]


@dataclass
class Past:
    years: dict[str, _Year]
    initiatives: list[PastInitiative]
    service: Service | None
    known: bool = True  # found in the history (by code or name and birth date, one person)
    unsure: tuple[str, ...] = ()  # the history's codes this person may be (asked): nothing of them is read
    counts_from: str = ""  # the first school year whose achievements count after a discipline ("": all)
    cut: Reason | None = None  # why the earlier ones do not
    unknown: frozenset[str] = frozenset()  # the parts of the history not read (model.history.ALL_PARTS)
    held: frozenset[str] = frozenset()  # the years typed on two rows that say different things: not settled

    @property
    def cut_reason(self) -> Reason:
        """:attr:`cut`, asked where a year before :attr:`counts_from` was reached (set together)."""
        if self.cut is None:
            raise ValueError(f"no reason for the years before {self.counts_from!r} not to count")
        return self.cut


@dataclass(frozen=True)
class Run:
    """A run of consecutive years ending this year: its years (oldest first), and what broke it (``failures``)
    or left it unknown (``pending``)."""

    years: tuple[str, ...]
    failures: tuple[Reason, ...] = ()
    pending: tuple[Reason, ...] = ()

    def used(self, year: str) -> tuple[str, ...]:
        return tuple(y for y in self.years if y != year)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return self.failures or self.pending


class PastIndex:
    """The history by code, read once for a school: rows of this school year and later are left out."""

    def __init__(self, history: History, year: str):
        self.rows: dict[str, list[PersonYear]] = {}
        for r in history.people:
            if r.year < year:
                self.rows.setdefault(r.person, []).append(r)
        self.service: dict[str, list[Service]] = {}
        for s in history.service:
            self.service.setdefault(s.person, []).append(s)
        self.initiatives: dict[str, list[Initiative]] = {}
        for i in history.initiatives:
            self.initiatives.setdefault(i.author, []).append(i)
        self.departments: dict[str, dict[str, set[str]]] = {}
        for d in history.departments:
            if d.year < year:
                self.departments.setdefault(d.department, {}).setdefault(d.year, set()).update(d.titles)
        self.year = year
        self.unknown = frozenset(history.unknown)
        self.held_departments: dict[str, frozenset[str]] = {}
        for held_year, code in history.held_departments:
            self.held_departments[code] = self.held_departments.get(code, frozenset()) | {held_year}
        self.held: dict[str, set[str]] = {}
        for held_year, code in history.held:
            if held_year < year:
                self.held.setdefault(code, set()).add(held_year)

    def past(self, found: Match | None) -> Past:
        if found is None:
            return Past({}, [], None, known=False, unknown=self.unknown)
        if found.ambiguous:
            return Past({}, [], None, known=False, unsure=found.codes, unknown=self.unknown)
        rows = [r for code in found.codes for r in self.rows.get(code, ())]
        twice = _said_twice(rows)  # a year under two of the person's codes, said otherwise: not settled
        rows = [r for r in rows if r.year not in twice]
        service = next((s for code in found.codes for s in self.service.get(code, ())), None)
        counts_from, cut = _discipline_cut(rows)
        return Past(_years(rows), self._initiatives(found.codes), service, counts_from=counts_from, cut=cut,
                    unknown=self.unknown,
                    held=frozenset(y for code in found.codes for y in self.held.get(code, ())) | twice)

    def _initiatives(self, codes: Iterable[str]) -> list[PastInitiative]:
        """The recognised sáng kiến of the history's ``codes`` (a level and a decision), each once by its name, with
        the uses of the years before this one."""
        initiatives: dict[str, PastInitiative] = {}
        for i in (i for code in codes for i in self.initiatives.get(code, ())):
            if i.level not in cm.INITIATIVE_LEVELS or not i.decision:
                continue  # not recognised: it serves nothing
            known = initiatives.setdefault(fold(i.name), PastInitiative(i.name, i.level, _initiative_year(i), []))
            known.uses += [u for u in i.used if u.year < self.year]
        return list(initiatives.values())


def _said_twice(rows: list[PersonYear]) -> frozenset[str]:
    """The school years ``rows`` (one person's, under several codes) give on rows that say different things: a fact
    given in both and not the same (a fact blank in one says nothing against the other, as the reader holds two rows
    of one code)."""
    by_year: dict[str, list[PersonYear]] = {}
    for r in rows:
        by_year.setdefault(r.year, []).append(r)
    return frozenset(year for year, same in by_year.items()
                     if any(_otherwise(a, b) for i, a in enumerate(same) for b in same[i + 1:]))


def _otherwise(a: PersonYear, b: PersonYear) -> bool:
    facts = ((a.rating, b.rating), (frozenset(a.titles), frozenset(b.titles)), (frozenset(a.forms), frozenset(b.forms)),
             (frozenset(a.special), frozenset(b.special)), (a.discipline, b.discipline),
             (a.discipline_end, b.discipline_end))
    return any(x != y for x, y in facts if x not in (None, "", frozenset()) and y not in (None, "", frozenset()))


def _years(rows: list[PersonYear]) -> dict[str, _Year]:
    """Each school year of a person's rows, by year: its titles and forms, its special awards, its first rating."""
    years: dict[str, _Year] = {}
    for y in sorted({r.year for r in rows}):
        same = [r for r in rows if r.year == y]
        years[y] = _Year(frozenset(t for r in same for t in r.titles), frozenset(f for r in same for f in r.forms),
                         tuple(s for r in same for s in r.special),
                         next((r.rating for r in same if r.rating is not None), None))
    return years


def _initiative_year(i: Initiative) -> str:
    if i.year:
        return i.year
    day = cm.iso_day(i.decision_date)
    return cm.school_year_of(day) if day else ""


def _discipline_cut(rows: Iterable[PersonYear]) -> tuple[str, Reason | None]:
    """The first school year whose achievements count (NĐ 152/2025 điều 4 khoản 4) and why the earlier do not."""
    counts_from, why = "", None
    for r in rows:
        end = cm.iso_day(r.discipline_end)
        if end is not None:
            first = cm.school_year_of(end)
            if _year_start(first) < end:
                first = _next(first)
            cause = reason("run.disciplined", year=_previous(first), end=day_written(r.discipline_end))
        elif r.discipline and r.discipline != NO_DISCIPLINE:
            first = _next(r.year)
            cause = reason("run.disciplined_no_end", year=r.year, discipline=r.discipline.lower())
        else:
            continue
        if first > counts_from:
            counts_from, why = first, cause
    return counts_from, why


# --- the runs of consecutive years -------------------------------------------------------------------------------

def cstdcs_run(p: PersonResult, past: Past, year: str, needed: int) -> Run:
    """``needed`` consecutive CSTĐCS counting this year's (Luật TĐKT 2022 điều 22; QĐ 86/2025 điều 3 khoản 3)."""
    if not p.granted(CSTDCS):
        return Run((), (reason("run.this_year_not_cstdcs"),))
    if past.counts_from > year:
        return Run((), (past.cut_reason,))
    found, missing = [year], []
    for y in years_before(year, needed - 1):
        if past.counts_from > y:
            return Run(tuple(reversed(found)), (past.cut_reason,))
        row = past.years.get(y)
        if row is None:
            missing.append(y)
        elif not row.titles & CSTDCS_YEAR:
            special = reason("run.special", awards=", ".join(row.special)) if row.special else None
            return Run(tuple(reversed(found)), (reason("run.not_cstdcs", year=y, special=special),))
        else:
            found.append(y)
    return Run(tuple(reversed(found)), pending=_unknown(past, missing))


def _unknown(past: Past, missing: list[str]) -> tuple[Reason, ...]:
    """Why the years ``missing`` from the person's history are not known: the sheet not read, the person not told
    apart, a year typed on two rows that say different things (waiting for them to be made one), or no row."""
    if not missing:
        return ()
    if hs.PEOPLE_PART in past.unknown:
        return (reason("run.people_unknown", years=tuple(sorted(missing))),)
    if past.unsure:
        return (reason("run.ambiguous", codes=past.unsure),)
    held = tuple(sorted(y for y in missing if y in past.held))
    absent = tuple(sorted(y for y in missing if y not in past.held))
    return (*((reason("run.year_twice", years=held),) if held else ()),
            *((reason("run.missing", years=absent),) if absent else ()))


def excellent_years(p: PersonResult, past: Past, year: str) -> tuple[list[str], Reason, bool]:
    """The run of HTXSNV years ending this year, newest first, for as long as it lasts; what ended it; and
    whether that is only not known (a missing year or rating) rather than a break."""
    if p.facts.rating != EXCELLENT:
        return [], reason("run.this_year_not_excellent"), False
    if past.counts_from > year:
        return [], past.cut_reason, False
    run, y = [year], _previous(year)
    while True:
        if past.counts_from > y:
            return run, past.cut_reason, False
        row = past.years.get(y)
        if row is None:
            return run, _unknown(past, [y])[0], True
        if row.rating is None:
            return run, reason("run.rating_unknown", year=y), True
        if row.rating != EXCELLENT:
            return run, reason("run.not_excellent", year=y, rating=row.rating), False
        run.append(y)
        y = _previous(y)


# --- school years and dates --------------------------------------------------------------------------------------

def _previous(year: str) -> str:
    start = int(year[:4])
    return f"{start - 1}-{start}"


def _next(year: str) -> str:
    start = int(year[:4])
    return f"{start + 1}-{start + 2}"


def years_before(year: str, count: int) -> list[str]:
    """The ``count`` school years just before ``year``, newest first."""
    found = []
    for _ in range(count):
        year = _previous(year)
        found.append(year)
    return found



def _year_start(year: str) -> dt.date:
    return dt.date(int(year[:4]), cm.SCHOOL_YEAR_STARTS, 1)


def day_written(iso: str) -> str:
    """An ISO date as people write it (05/09/2025); as given if it is not one."""
    day = cm.iso_day(iso)
    return day.strftime("%d/%m/%Y") if day else iso

