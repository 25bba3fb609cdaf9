"""The titles and forms that rest on earlier years (DOMAIN.md §4c), decided from the history
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
  (:attr:`MultiYearRules.medal_reckoned_on`), that day included.
- *Collectives*: departments granted TTLĐXS this year.

**A part of the history not read** (:attr:`~thidua_xlsx.model.history.History.unknown`: a broken or wrong
book, a sheet missing) is not known: every decision resting on it is pending and says why.

**Consecutive** years are the school years just before this one, with no gap. A year a rule needs with no row
for the person is not known: the decision is pending, naming the year ("chưa đủ thông tin: năm 2023-2024"),
never a silent no; a year with a row and without the title breaks the run. Maternity leave counts as work (NĐ
152/2025 điều 4 khoản 5) through each year's own decision, which the history records. After discipline,
achievements count only from the end of the discipline period (điều 4 khoản 4): a year that started before a
discipline period ended does not count, nor any earlier one. Đột xuất and chuyên đề awards
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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from thidua_xlsx.decide.consolidate import decide_departments, quota_again
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import rule_set as rs
from thidua_xlsx.model.campaign_book import STAFF_SHEET
from thidua_xlsx.model.history import History, HistoryResults, Match, PersonYear, Service, Use
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.results import Decision, DepartmentResult, PersonResult, Summary, is_granted
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, TTLDXS, Title
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.history import SERVICE_HEADERS
from thidua_xlsx.text.history_rules import AWARD_NAMES, PROVINCE_BK_ARTICLES

EXCELLENT = cm.RATINGS[0]  # HTXSNV
NO_DISCIPLINE = cm.DISCIPLINES[0]
CSTDCS_YEAR = frozenset({CSTDCS, CSTD_TINH})  # a year of CSTĐ cấp tỉnh was a year of CSTĐCS too
BK_FORM = "bang khen"  # a registered form naming a Bằng khen …
PROVINCE_WORDS = ("tinh", "thanh pho")  # … of the province (or of a centrally-run city); folded, whole words


@dataclass(frozen=True)
class MultiYearRules:
    """The multi-year rules' parameters, each with its source. The Bằng khen's figures read alike across the
    provinces (DOMAIN.md §4c); what its reasons cite is the school's own province's (text.history_rules)."""

    cstd_tinh_years: int = 3  # Luật TĐKT 2022 điều 22 khoản 1: "03 lần liên tục" CSTĐCS …
    cstd_tinh_level: str = "Tỉnh"  # … and a sáng kiến with effect in the province: this level or higher
    cstd_tinh_basis: str = "basis.law2022_22_1"
    bk_cstdcs_years: int = 2  # e.g. QĐ 86/2025 Bắc Ninh điều 3 khoản 3 điểm a: "02 lần liên tục" CSTĐCS, or
    bk_excellent_years: int = 2  # "liên tục từ 02 năm trở lên" HTXSNV
    bk_initiatives: int = 2  # "trong thời gian đó có 02 sáng kiến"
    bk_collective_years: int = 2  # điểm c: "02 năm liên tục" TTLĐXS
    medal_years: float = 20  # TT 29/2023 điều 8 (TT 22/2018 điều 6 before it): 20 years in the sector,
    medal_years_difficult: float = 15  # 5 years earlier …
    medal_difficult_years: float = 5  # … after this many years in especially difficult areas
    # The day the years in the sector are reckoned to, in the school year's second calendar year: the end of the
    # school year on the education ministry's calendar (the year ends by 31/5); the files are made in June–July.
    medal_reckoned_on: tuple[int, int] = (5, 31)
    # The circular the medal's reasons cite, by the campaign's reference day (its filing date …): the first whose
    # day has come. TT 07/2026/TT-BGDĐT replaced TT 29/2023 from 02/04/2026; its text is not at hand (the years
    # above are TT 29/2023's, and its reason says so).
    medal_bases: tuple[tuple[str, str], ...] = (("2026-04-02", "basis.tt07_2026"), ("", "basis.tt29_8"))


@dataclass(frozen=True)
class _Bases:
    """What the school's decisions cite: its province's Bằng khen (a person's, a collective's), the medal's circular."""

    bk: Reason
    bk_collective: Reason
    medal: Reason


def _bases(campaign: cm.Campaign, rules: MultiYearRules) -> _Bases:
    """The Bằng khen's text is the school's province's in force on the reference day, where the tool has it; else
    "theo quy định của tỉnh/thành phố …", never another province's text."""
    texts = campaign.rule_set.texts if campaign.rule_set else ()
    articles = next(((t.short, PROVINCE_BK_ARTICLES[t.key]) for t in texts if t.key in PROVINCE_BK_ARTICLES), None)
    province = campaign.school.province
    if articles is not None:
        short, (person, collective) = articles
        bk = (reason("basis.province_text", citation=f"{short} {person}"),
              reason("basis.province_text", citation=f"{short} {collective}"))
    else:
        bk = (reason("basis.province", province=province),) * 2 if province else (reason("basis.province_unset"),) * 2
    day = _reference_day(campaign, rules)
    return _Bases(*bk, reason(next(code for since, code in rules.medal_bases if day >= since)))


def _reference_day(campaign: cm.Campaign, rules: MultiYearRules) -> str:
    """The campaign's reference day (ISO): its rule set's, else its filing date or scoring deadline, else the day the
    years are reckoned to."""
    if campaign.rule_set is not None:
        return campaign.rule_set.day.isoformat()
    school = campaign.school
    return rs.reference_date(school.filing_date, school.scoring_deadline,
                             _reckoned(school.school_year, rules))[0].isoformat()


# --- matching ----------------------------------------------------------------------------------------------------

def match(staff: Sequence[cm.Person], history: History) -> tuple[dict[str, Match], tuple[Issue, ...]]:
    """Each roster person's :class:`Match` in ``history`` (absent: not found) and what was said on the way."""
    known = {r.person for r in history.people} | {s.person for s in history.service} | \
        {i.author for i in history.initiatives}
    roster = {p.code for p in staff}
    namesakes: dict[str, dict[str, set[str]]] = {}  # folded name → history code (of nobody on the roster) → dobs
    rows: tuple[PersonYear | Service, ...] = (*history.people, *history.service)
    for row in rows:
        if row.person not in roster:
            namesakes.setdefault(fold(row.name), {}).setdefault(row.person, set()).add(row.dob)
    found: dict[str, Match] = {}
    problems: list[Issue] = []
    for p in staff:
        if p.code in known:
            found[p.code] = Match(p.code, hs.MATCH_CODE, (p.code,))
            continue
        same_name = namesakes.get(fold(p.name), {})
        same = tuple(sorted(code for code, dobs in same_name.items() if p.dob and p.dob in dobs))
        if len(same) == 1:
            found[p.code] = Match(p.code, hs.MATCH_NAME_DOB, same)
            problems.append(issue("history.matched_by_name", NOTE, name=p.name, person=p.code, old=same[0],
                                  dob=_day(p.dob)))
        elif same:
            found[p.code] = Match(p.code, hs.MATCH_NAME_DOB, same)
            problems.append(issue("history.ambiguous", WARNING, name=p.name, person=p.code, count=len(same),
                                  codes=same))
        else:
            undated = tuple(sorted(code for code, dobs in same_name.items() if not p.dob or "" in dobs))
            if undated:
                problems.append(issue("history.name_without_dob", WARNING, name=p.name, person=p.code,
                                      codes=undated))
    return found, tuple(problems)


# --- one person's past, as the rules read it ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Year:
    titles: frozenset[str]
    forms: frozenset[str]
    special: tuple[str, ...]
    rating: str | None


@dataclass
class _Initiative:
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
class _Past:
    years: dict[str, _Year]
    initiatives: list[_Initiative]
    service: Service | None
    known: bool = True  # found in the history (by code or name and birth date, one person)
    unsure: tuple[str, ...] = ()  # the history's codes this person may be (asked): nothing of them is read
    counts_from: str = ""  # the first school year whose achievements count after a discipline ("": all)
    cut: Reason | None = None  # why the earlier ones do not
    unknown: frozenset[str] = frozenset()  # the parts of the history not read (model.history.ALL_PARTS)

    @property
    def cut_reason(self) -> Reason:
        """:attr:`cut`, asked where a year before :attr:`counts_from` was reached (set together)."""
        if self.cut is None:
            raise ValueError(f"no reason for the years before {self.counts_from!r} not to count")
        return self.cut


@dataclass(frozen=True)
class _Run:
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


class _Index:
    """The history by code, read once for a school: rows of this school year and later are left out."""

    def __init__(self, history: History, year: str):
        self.rows: dict[str, list[PersonYear]] = {}
        for r in history.people:
            if r.year < year:
                self.rows.setdefault(r.person, []).append(r)
        self.service: dict[str, list[Service]] = {}
        for s in history.service:
            self.service.setdefault(s.person, []).append(s)
        self.initiatives: dict[str, list] = {}
        for i in history.initiatives:
            self.initiatives.setdefault(i.author, []).append(i)
        self.departments: dict[str, dict[str, set[str]]] = {}
        for d in history.departments:
            if d.year < year:
                self.departments.setdefault(d.department, {}).setdefault(d.year, set()).update(d.titles)
        self.year = year
        self.unknown = frozenset(history.unknown)

    def past(self, found: Match | None) -> _Past:
        if found is None:
            return _Past({}, [], None, known=False, unknown=self.unknown)
        if found.ambiguous:
            return _Past({}, [], None, known=False, unsure=found.codes, unknown=self.unknown)
        rows = [r for code in found.codes for r in self.rows.get(code, ())]
        years: dict[str, _Year] = {}
        for y in sorted({r.year for r in rows}):
            same = [r for r in rows if r.year == y]
            years[y] = _Year(frozenset(t for r in same for t in r.titles), frozenset(f for r in same for f in r.forms),
                             tuple(s for r in same for s in r.special),
                             next((r.rating for r in same if r.rating is not None), None))
        initiatives: dict[str, _Initiative] = {}
        for i in (i for code in found.codes for i in self.initiatives.get(code, ())):
            if i.level not in cm.INITIATIVE_LEVELS or not i.decision:
                continue  # not recognised: it serves nothing
            known = initiatives.setdefault(fold(i.name), _Initiative(i.name, i.level, _initiative_year(i), []))
            known.uses += [u for u in i.used if u.year < self.year]
        service = next((s for code in found.codes for s in self.service.get(code, ())), None)
        counts_from, cut = _discipline_cut(rows)
        return _Past(years, list(initiatives.values()), service, counts_from=counts_from, cut=cut,
                     unknown=self.unknown)


def _initiative_year(i) -> str:
    if i.year:
        return i.year
    day = _date(i.decision_date)
    return cm.school_year_of(day) if day else ""


def _discipline_cut(rows: Iterable[PersonYear]) -> tuple[str, Reason | None]:
    """The first school year whose achievements count (NĐ 152/2025 điều 4 khoản 4) and why the earlier do not."""
    counts_from, why = "", None
    for r in rows:
        end = _date(r.discipline_end)
        if end is not None:
            first = cm.school_year_of(end)
            if _year_start(first) < end:
                first = _next(first)
            cause = reason("run.disciplined", year=_previous(first), end=_day(r.discipline_end))
        elif r.discipline and r.discipline != NO_DISCIPLINE:
            first = _next(r.year)
            cause = reason("run.disciplined_no_end", year=r.year, discipline=r.discipline.lower())
        else:
            continue
        if first > counts_from:
            counts_from, why = first, cause
    return counts_from, why


# --- the runs of consecutive years -------------------------------------------------------------------------------

def _cstdcs_run(p: PersonResult, past: _Past, year: str, needed: int) -> _Run:
    """``needed`` consecutive CSTĐCS counting this year's (Luật TĐKT 2022 điều 22; QĐ 86/2025 điều 3 khoản 3)."""
    if not p.granted(CSTDCS):
        return _Run((), (reason("run.this_year_not_cstdcs"),))
    if past.counts_from > year:
        return _Run((), (past.cut_reason,))
    found, missing = [year], []
    for y in _before(year, needed - 1):
        if past.counts_from > y:
            return _Run(tuple(reversed(found)), (past.cut_reason,))
        row = past.years.get(y)
        if row is None:
            missing.append(y)
        elif not row.titles & CSTDCS_YEAR:
            special = reason("run.special", awards=", ".join(row.special)) if row.special else None
            return _Run(tuple(reversed(found)), (reason("run.not_cstdcs", year=y, special=special),))
        else:
            found.append(y)
    return _Run(tuple(reversed(found)), pending=_unknown(past, missing))


def _unknown(past: _Past, missing: list[str]) -> tuple[Reason, ...]:
    if not missing:
        return ()
    if hs.PEOPLE_PART in past.unknown:
        return (reason("run.people_unknown", years=tuple(sorted(missing))),)
    if past.unsure:
        return (reason("run.ambiguous", codes=past.unsure),)
    return (reason("run.missing", years=tuple(sorted(missing))),)


def _excellent_years(p: PersonResult, past: _Past, year: str) -> tuple[list[str], Reason, bool]:
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


# --- the person's decisions --------------------------------------------------------------------------------------

@dataclass
class _Said:
    """What a person's decisions found for the council: issues and flags, each said once."""

    issues: list[Issue] = field(default_factory=list)
    flags: list[Reason] = field(default_factory=list)
    warned: set[tuple[str, Use]] = field(default_factory=set)

    def reuse(self, p: PersonResult, initiative: _Initiative, earlier: Use, target: str) -> None:
        """A title this year on a sáng kiến used before: for a form (the title withdrawn, or kept where the council
        chose it), or for an earlier year's title (warned)."""
        key = (initiative.name, earlier)
        if key in self.warned:
            return
        self.warned.add(key)
        form = earlier.kind == hs.USED_FOR_FORM
        code = "initiative.reused"
        if form:
            code = "initiative.form_for_title_council" if p.council_decision == target else "initiative.form_for_title"
        award, said = _award(earlier), Title(target)
        self.issues.append(issue(code, WARNING, name=p.name, person=p.code, initiative=initiative.name, award=award,
                                 year=earlier.year, target=said))
        self.flags.append(reason("flag.initiative_form_for_title" if form else "flag.initiative_reused",
                                 initiative=initiative.name, award=award, year=earlier.year, target=said))



def _award(use: Use) -> object:
    """How a use's award is worded: a title by its name, a form by its name or as written."""
    return Title(use.award) if use.kind == hs.USED_FOR_TITLE else AWARD_NAMES.get(use.award, use.award)


def _this_years_initiative(p: PersonResult, past: _Past, year: str) -> _Initiative | None:
    """This year's recognised sáng kiến (the facts'), as the registry knows it if it does."""
    f = p.facts
    if not (f.initiative and f.initiative_decision and f.initiative_level in cm.INITIATIVE_LEVELS):
        return None
    known = next((i for i in past.initiatives if fold(i.name) == fold(f.initiative)), None)
    if known is None:
        known = _Initiative(f.initiative, f.initiative_level, year, [])
        past.initiatives.append(known)
    return known


def _cstd_tinh(p: PersonResult, past: _Past, year: str, rules: MultiYearRules, said: _Said) -> Decision:
    """CSTĐ cấp tỉnh (Luật TĐKT 2022 điều 22 khoản 1): 3 consecutive CSTĐCS and a provincial sáng kiến."""
    rule = reason("cstd_tinh.rule", needed=rules.cstd_tinh_years, basis=reason(rules.cstd_tinh_basis))
    run = _cstdcs_run(p, past, year, rules.cstd_tinh_years)
    level = cm.INITIATIVE_LEVELS.index(rules.cstd_tinh_level)
    provincial = sorted((i for i in past.initiatives if i.rank >= level),
                        key=lambda i: (bool(i.used(hs.USED_FOR_TITLE, before=year)), -i.rank))
    usable = [i for i in provincial if not i.used(hs.USED_FOR_FORM)]
    failures, pending = list(run.failures), list(run.pending)
    if not provincial and hs.INITIATIVES_PART in past.unknown:
        pending.append(reason("initiatives.unknown"))
    elif not provincial:  # of a person the history does not know, not known: the registry may have one
        (failures if past.known else pending).append(reason("cstd_tinh.no_initiative"))
    elif not usable:
        form = provincial[0].used(hs.USED_FOR_FORM)[0]
        failures.append(reason("initiative.used_for_form", initiative=provincial[0].name, award=_award(form),
                               year=form.year, target=Title(CSTD_TINH)))
    used = run.used(year)
    if failures:
        return Decision(CSTD_TINH, False, (*failures, rule), years=used)
    if pending:
        return Decision(CSTD_TINH, False, (*pending, rule), pending=True, years=used)
    chosen = usable[0]
    for earlier in chosen.used(hs.USED_FOR_TITLE, before=year)[:1]:
        said.reuse(p, chosen, earlier, CSTD_TINH)
    chosen.uses.append(Use(year, hs.USED_FOR_TITLE, CSTD_TINH))
    return Decision(CSTD_TINH, True, (reason("cstd_tinh.granted", count=len(run.years), years=run.years,
                                             initiative=chosen.name, level=chosen.level,
                                             when=reason("cstd_tinh.when", year=chosen.year) if chosen.year else None,
                                             basis=reason(rules.cstd_tinh_basis)),), years=used)


def _wants_bk(p: PersonResult) -> bool:
    form = f" {fold(p.form)} "
    registered = f" {BK_FORM} " in form and any(f" {words} " in form for words in PROVINCE_WORDS)
    return registered or p.granted(CSTDCS) or p.facts.rating == EXCELLENT


def _bk_person(p: PersonResult, past: _Past, year: str, rules: MultiYearRules, basis: Reason) -> Decision:
    """Bằng khen of the provincial chair (e.g. Bắc Ninh QĐ 86/2025 điều 3 khoản 3 điểm a; ``basis``: the school's
    province's): 2 consecutive CSTĐCS, or ≥ 2 consecutive years HTXSNV with 2 sáng kiến in that time that have
    served nothing yet."""
    rule = reason("bk.rule", cstdcs=rules.bk_cstdcs_years, excellent=rules.bk_excellent_years,
                  initiatives=rules.bk_initiatives, basis=basis)
    cstdcs = _cstdcs_run(p, past, year, rules.bk_cstdcs_years)
    if not cstdcs.reasons:
        return Decision(hs.BK_TINH, True, (reason("bk.granted_cstdcs", count=len(cstdcs.years), years=cstdcs.years,
                                               basis=basis),), years=cstdcs.used(year))
    run, ended, unknown = _excellent_years(p, past, year)
    window = sorted(run)
    inside = [i for i in past.initiatives if i.year in run]
    free = [i for i in inside if not i.uses]
    if len(run) >= rules.bk_excellent_years and len(free) >= rules.bk_initiatives:
        named = tuple(reason("bk.initiative", initiative=i.name, year=i.year)
                      for i in sorted(free, key=lambda i: i.year)[:rules.bk_initiatives])
        return Decision(hs.BK_TINH, True, (reason("bk.granted_excellent", count=len(run), years=tuple(window),
                                               found=len(named), initiatives=named, basis=basis),),
                        years=tuple(y for y in window if y != year))
    if len(run) < rules.bk_excellent_years:
        excellent = _Run(tuple(window), pending=(ended,)) if unknown else _Run(tuple(window), (ended,))
    else:
        earlier_free = any(not i.uses and i.year and i.year < window[0] for i in past.initiatives)
        if hs.INITIATIVES_PART in past.unknown:
            excellent = _Run(tuple(window), pending=(reason("initiatives.unknown"),))
        elif unknown and earlier_free:  # the year not known may join the run to a sáng kiến before it
            excellent = _Run(tuple(window), pending=(ended,))
        else:
            spent = tuple(_spent(i) for i in inside if i.uses)
            excellent = _Run(tuple(window), (reason("bk.few_initiatives", count=len(run), years=tuple(window),
                                                    found=len(free), needed=rules.bk_initiatives), *spent))
    open_paths = [r for r in (cstdcs, excellent) if not r.failures]
    reasons = tuple(dict.fromkeys((*cstdcs.reasons, *excellent.reasons)))
    years = tuple(sorted(set(cstdcs.used(year)) | set(excellent.used(year))))
    return Decision(hs.BK_TINH, False, (*reasons, rule), pending=bool(open_paths), years=years)


def _spent(i: _Initiative) -> Reason:
    """Why a sáng kiến cannot serve the Bằng khen: its use, a form's first (CV 5007/BNV-TĐKT)."""
    use = (i.used(hs.USED_FOR_FORM) or i.uses)[0]
    code = "initiative.used_for_form" if use.kind == hs.USED_FOR_FORM else "initiative.used_for_title"
    return reason(code, initiative=i.name, award=_award(use), year=use.year, target=AWARD_NAMES[hs.BK_TINH])


def _medal(p: PersonResult, start_text: str, past: _Past, year: str, rules: MultiYearRules,
           basis: Reason) -> Decision | None:
    """Kỷ niệm chương "Vì sự nghiệp giáo dục" (``basis``: TT 07/2026 or TT 29/2023 điều 8): the years in the sector
    at the end of the school year, less the disciplined years; 5 fewer after years in especially difficult areas;
    once — so granted only where a Thâm niên row read whole says it was not received."""
    service = past.service
    received = (service.medal_year if service else "") or \
        next((y for y, row in past.years.items() if hs.KNC_GD in row.forms), "")
    reckoned = _reckoned(year, rules)
    date = reckoned.strftime("%d/%m/%Y")
    start = _date(start_text)
    if received and (start is None or start > reckoned):
        return Decision(hs.KNC_GD, False, (reason("knc.received", year=received, basis=basis),), years=(received,))
    if start is None:
        return Decision(hs.KNC_GD, False, (reason("knc.start_unknown", basis=basis),), pending=True)
    if start > reckoned:
        return Decision(hs.KNC_GD, False, (reason("knc.start_to_come", start=_day(start_text), date=date,
                                                  basis=basis),), pending=True)
    doubt = _medal_doubt(service, past)
    unread = set(service.unread) if service else set()
    uncounted = 0 if "uncounted_years" in unread else round(((service.uncounted_years if service else 0) or 0) * 12)
    months = _months(start, reckoned + dt.timedelta(days=1)) - uncounted  # the day reckoned to is served
    difficult = (service.difficult_years if service else 0) or 0
    needed = rules.medal_years_difficult if difficult >= rules.medal_difficult_years else rules.medal_years
    if doubt is not None and not received:
        could_need = rules.medal_years_difficult if service is None or "difficult_years" in unread else needed
        if months < could_need * 12:
            return None
        short = reason("knc.short") if months < needed * 12 else None
        return Decision(hs.KNC_GD, False, (reason("knc.not_known", service=_duration(months), start=_day(start_text),
                                                  date=date, why=doubt, short=short, basis=basis),), pending=True)
    if months < needed * 12:
        return None
    if received:
        return Decision(hs.KNC_GD, False, (reason("knc.received", year=received, basis=basis),), years=(received,))
    minus = reason("knc.minus", uncounted=_duration(uncounted)) if uncounted else None
    easier = reason("knc.difficult", years=float(difficult), needed=float(rules.medal_difficult_years)) \
        if needed != rules.medal_years else None
    return Decision(hs.KNC_GD, True, (reason("knc.granted", service=_duration(months), start=_day(start_text),
                                          date=date, minus=minus, needed=float(needed), difficult=easier,
                                          basis=basis),))


def _medal_doubt(service: Service | None, past: _Past) -> Reason | None:
    """Why it is not known whether the medal was received (or how many years count), or None: a Thâm niên row
    read whole."""
    if hs.SERVICE_PART in past.unknown:
        return reason("knc.why_no_sheet")
    if service is None:
        return reason("knc.why_no_row")
    unread = [f for f in ("medal_year", "difficult_years", "uncounted_years") if f in service.unread]
    if unread:
        return reason("knc.why_unread", fields=", ".join(f"'{SERVICE_HEADERS[f]}'" for f in unread))
    return None


def _months(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def _duration(months: int) -> Reason:
    years, rest = divmod(months, 12)
    return reason("duration.years_months", years=years, months=rest) if rest else reason("duration.years", years=years)


def _person(p: PersonResult, start: str, past: _Past, year: str, campaign: cm.Campaign, rules: MultiYearRules,
            bases: _Bases, said: _Said) -> tuple[tuple[Decision, ...], PersonResult]:
    """The person's multi-year decisions, and the person as they stand after: this year's CSTĐCS withdrawn where
    it rests on a sáng kiến already used for an award form (CV 5007/BNV-TĐKT), unless the council chose it."""
    current = _this_years_initiative(p, past, year)
    needed = campaign.rules.cstdcs_condition == cm.CSTDCS_CONDITIONS[1] or p.facts.rating != EXCELLENT
    if current is not None and p.granted(CSTDCS) and needed:
        form = current.used(hs.USED_FOR_FORM, before=year)[:1]
        for earlier in (form or current.used(before=year))[:1]:
            said.reuse(p, current, earlier, CSTDCS)
        if form and p.council_decision != CSTDCS:
            p = _withdrawn(p, current, form[0])
        else:
            current.uses.append(Use(year, hs.USED_FOR_TITLE, CSTDCS))
    found = []
    if p.registered == CSTD_TINH:
        found.append(_cstd_tinh(p, past, year, rules, said))
    if _wants_bk(p):
        found.append(_bk_person(p, past, year, rules, bases.bk))
    medal = _medal(p, start, past, year, rules, bases.medal)
    return _one_achievement(p, (*found, *([medal] if medal else ())), year, said), p


def _one_achievement(p: PersonResult, found: tuple[Decision, ...], year: str, said: _Said) -> tuple[Decision, ...]:
    """``found`` with CSTĐ cấp tỉnh and the Bằng khen granted on one run of CSTĐCS years flagged on both, and said:
    one achievement, one reward (Luật TĐKT 2022 điều 5 khoản 2 điểm c) — the council chooses."""
    cstd = next((d for d in found if d.title == CSTD_TINH and d.granted), None)
    bk = next((d for d in found if d.title == hs.BK_TINH and d.granted and d.reasons[0].code == "bk.granted_cstdcs"),
              None)
    if cstd is None or bk is None:
        return found
    words: dict[str, Any] = {"count": len(cstd.years) + 1, "years": (*cstd.years, year), "first": Title(CSTD_TINH),
                             "second": Title(hs.BK_TINH)}
    flag = reason("flag.one_achievement", **words)
    said.issues.append(issue("history.one_achievement", WARNING, name=p.name, person=p.code, **words))
    said.flags.append(flag)
    return tuple(dataclasses.replace(d, reasons=(*d.reasons, flag)) if d in (cstd, bk) else d for d in found)


def _withdrawn(p: PersonResult, initiative: _Initiative, use: Use) -> PersonResult:
    """``p`` without this year's CSTĐCS, its sáng kiến spent on ``use`` (an award form); the CSTĐCS rule's citation
    kept."""
    before = next(d for d in p.decisions if d.title == CSTDCS)
    cites = tuple(r for r in before.reasons if r.code == "basis.cite")
    decision = Decision(CSTDCS, False, (reason("cstdcs.initiative_spent", initiative=initiative.name, award=_award(use),
                                               year=use.year, target=Title(CSTDCS)), *cites))
    return dataclasses.replace(p, decisions=tuple(decision if d.title == CSTDCS else d for d in p.decisions))


def _department(past: Mapping[str, set[str]], year: str, rules: MultiYearRules, basis: Reason,
                unknown: bool) -> Decision:
    """Bằng khen of the provincial chair for a collective (e.g. Bắc Ninh QĐ 86/2025 điều 3 khoản 3 điểm c; ``basis``:
    the school's province's): 2 consecutive TTLĐXS. ``unknown``: the departments' past was not read."""
    found, missing = [year], []
    for y in _before(year, rules.bk_collective_years - 1):
        titles = past.get(y)
        if titles is None:
            missing.append(y)
        elif TTLDXS not in titles:
            return Decision(hs.BK_TINH, False, (reason("bk_collective.not_ttldxs", year=y),
                                             reason("bk_collective.rule", needed=rules.bk_collective_years,
                                                    basis=basis)), years=tuple(sorted(found[1:])))
        else:
            found.append(y)
    used = tuple(sorted(found[1:]))
    if missing:
        return Decision(hs.BK_TINH, False, (reason("bk_collective.unknown" if unknown else "bk_collective.missing",
                                                  years=tuple(sorted(missing))),
                                         reason("bk_collective.rule", needed=rules.bk_collective_years, basis=basis)),
                        pending=True, years=used)
    return Decision(hs.BK_TINH, True, (reason("bk_collective.granted", count=len(found), years=tuple(sorted(found)),
                                           basis=basis),), years=used)


def decide_history(campaign: cm.Campaign, people: Sequence[PersonResult], departments: Sequence[DepartmentResult],
                   history: History, matches: Mapping[str, Match],
                   rules: MultiYearRules = MultiYearRules()) -> HistoryResults:
    """The multi-year decisions of this year's ``people`` and ``departments`` (their results decided, CSTĐCS and
    TTLĐXS included) from ``history`` as :func:`match` found it; see the module's docstring for who gets which."""
    year = campaign.school.school_year
    index = _Index(history, year)
    bases = _bases(campaign, rules)
    roster = {p.code: p for p in campaign.staff}
    pasts = {p.code: index.past(matches.get(p.code)) for p in people}
    starts = {p.code: _start(roster.get(p.code), pasts[p.code]) for p in people}
    nobody_dated = not any(_date(start) for start in starts.values())
    decided, flags, problems, undated, withdrawn, after = {}, {}, [], 0, {}, []
    for p in people:
        said = _Said()
        found, now = _person(p, starts[p.code], pasts[p.code], year, campaign, rules, bases, said)
        after.append(now)
        if now is not p:
            withdrawn[p.code] = next(d for d in now.decisions if d.title == CSTDCS)
        unknown = [d for d in found if d.title == hs.KNC_GD and d.reasons[0].code == "knc.start_unknown"]
        undated += len(unknown)
        if nobody_dated and unknown:
            found = tuple(d for d in found if d not in unknown)
        if any(d.title == hs.KNC_GD and d.reasons[0].code == "knc.start_to_come" for d in found):
            problems.append(issue("history.start_to_come", WARNING, sheet=STAFF_SHEET, name=p.name, person=p.code,
                                  start=_day(starts[p.code]), date=_reckoned(year, rules).strftime("%d/%m/%Y")))
        if found:
            decided[p.code] = found
        if said.flags:
            flags[p.code] = tuple(said.flags)
        problems += said.issues
    if undated:
        problems.append(issue("knc.no_start_any" if nobody_dated else "knc.start_missing", NOTE, count=undated))
    if withdrawn:  # a CSTĐCS fewer may cost a department its TTLĐXS (the quota's places: with_history)
        departments = decide_departments(campaign, after, departments)
    collective = {}
    for d in departments:
        if is_granted(d.decisions, TTLDXS):
            collective[d.code] = (_department(index.departments.get(d.code, {}), year, rules, bases.bk_collective,
                                              hs.DEPARTMENTS_PART in index.unknown),)
    return HistoryResults(matches=dict(matches), people=decided, departments=collective, issues=tuple(problems),
                          sources=history.sources, flags=flags, withdrawn=withdrawn)


def _start(person: cm.Person | None, past: _Past) -> str:
    """The day a person entered the sector: the roster's "Ngày vào ngành", else the history's."""
    return (person.start if person else "") or (past.service.sector_start if past.service else "")


# --- school years and dates --------------------------------------------------------------------------------------

def _previous(year: str) -> str:
    start = int(year[:4])
    return f"{start - 1}-{start}"


def _next(year: str) -> str:
    start = int(year[:4])
    return f"{start + 1}-{start + 2}"


def _before(year: str, count: int) -> list[str]:
    """The ``count`` school years just before ``year``, newest first."""
    found = []
    for _ in range(count):
        year = _previous(year)
        found.append(year)
    return found


def _reckoned(year: str, rules: MultiYearRules) -> dt.date:
    """The day the years in the sector are reckoned to: the end of school year ``year``."""
    month, day = rules.medal_reckoned_on
    return dt.date(int(year[5:9]), month, day)


def _year_start(year: str) -> dt.date:
    return dt.date(int(year[:4]), cm.SCHOOL_YEAR_STARTS, 1)


def _date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _day(iso: str) -> str:
    """An ISO date as people write it (05/09/2025); as given if it is not one."""
    day = _date(iso)
    return day.strftime("%d/%m/%Y") if day else iso


def with_history(summary: Summary, history: History, rules: MultiYearRules = MultiYearRules()) -> Summary:
    """``summary`` with its multi-year decisions (``summary.history``): CSTĐ cấp tỉnh also in the person's own
    decisions, in place of "needs the history", and a CSTĐCS the history withdrew (the departments' titles decided
    again); the flags on the people; what matching and deciding found among the issues."""
    matches, found = match(summary.campaign.staff, history)
    results = decide_history(summary.campaign, summary.people, summary.departments, history, matches, rules)
    people = []
    for p in summary.people:
        changed = {d.title: d for d in results.people.get(p.code, ()) if d.title == CSTD_TINH}
        if p.code in results.withdrawn:
            changed[CSTDCS] = results.withdrawn[p.code]
        flags = p.flags + tuple(f for f in results.flags.get(p.code, ()) if f not in p.flags)
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
    return dataclasses.replace(summary, people=tuple(people), departments=tuple(departments), history=results,
                               issues=(*summary.issues, *found, *results.issues, *freed))
