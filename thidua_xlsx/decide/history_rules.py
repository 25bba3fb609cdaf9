"""The multi-year rules, one per title or form (CSTĐ cấp tỉnh, the Bằng khen of the provincial chair for a person
and for a collective, Kỷ niệm chương "Vì sự nghiệp giáo dục"), their parameters (:class:`MultiYearRules`) and what
they cite, each deciding from one person's past (:mod:`thidua_xlsx.decide.history_past`). Who is decided for what,
and why, is told in :mod:`thidua_xlsx.decide.history`. Pure: no I/O."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from thidua_xlsx.decide.consolidate import rating_waits
from thidua_xlsx.decide.history_past import (
    EXCELLENT,
    Past,
    PastInitiative,
    Run,
    cstdcs_run,
    day_written,
    excellent_years,
    years_before,
)
from thidua_xlsx.decide.rules import CITATIONS
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.history import Service, Use
from thidua_xlsx.model.issues import WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.results import Decision, PersonResult
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDXS, Title
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.history import SERVICE_HEADERS
from thidua_xlsx.text.history_rules import AWARD_NAMES, PROVINCE_BK_ARTICLES

BK_FORM = "bang khen"  # a registered form naming a Bằng khen …
PROVINCE_WORDS = ("tinh", "thanh pho")  # … of the province (or of a centrally-run city); folded, whole words


@dataclass(frozen=True)
class MultiYearRules:
    """The multi-year rules' parameters, each with its source. The Bằng khen's figures read alike across the
    provinces (docs/domain.md §4c); what its reasons cite is the school's own province's (text.history_rules)."""

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
class Bases:
    """What the school's decisions cite: its province's Bằng khen (a person's, a collective's), the medal's circular."""

    bk: Reason
    bk_collective: Reason
    medal: Reason


def cited_bases(campaign: cm.Campaign, rules: MultiYearRules) -> Bases:
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
    return Bases(*bk, reason(next(code for since, code in rules.medal_bases if day >= since)))


def _reference_day(campaign: cm.Campaign, rules: MultiYearRules) -> str:
    """The campaign's reference day (ISO): its rule set's, else its filing date or scoring deadline, else the day the
    years are reckoned to."""
    if campaign.rule_set is not None:
        return campaign.rule_set.day.isoformat()
    school = campaign.school
    return rset.reference_date(school.filing_date, school.scoring_deadline,
                             reckoned_on(school.school_year, rules))[0].isoformat()

def reckoned_on(year: str, rules: MultiYearRules) -> dt.date:
    """The day the years in the sector are reckoned to: the end of school year ``year``."""
    month, day = rules.medal_reckoned_on
    return dt.date(int(year[5:9]), month, day)


# --- the person's decisions --------------------------------------------------------------------------------------

@dataclass
class Said:
    """What a person's decisions found for the council: issues and flags, each said once."""

    issues: list[Issue] = field(default_factory=list)
    flags: list[Reason] = field(default_factory=list)
    warned: set[tuple[str, Use]] = field(default_factory=set)

    def reuse(self, p: PersonResult, initiative: PastInitiative, earlier: Use, target: str) -> None:
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


def _this_years_initiative(p: PersonResult, past: Past, year: str) -> PastInitiative | None:
    """This year's recognised sáng kiến (the facts'), as the registry knows it if it does."""
    f = p.facts
    if not (f.initiative and f.initiative_decision and f.initiative_level in cm.INITIATIVE_LEVELS):
        return None
    known = next((i for i in past.initiatives if fold(i.name) == fold(f.initiative)), None)
    if known is None:
        known = PastInitiative(f.initiative, f.initiative_level, year, [])
        past.initiatives.append(known)
    return known


def _cstd_tinh(p: PersonResult, past: Past, year: str, rules: MultiYearRules, said: Said) -> Decision:
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


def _may_want_bk(p: PersonResult) -> bool:
    """A way to the Bằng khen rests on a decision not made yet: this year's CSTĐCS pending, or the year's rating."""
    return _pending(p, CSTDCS) or _rating_pending(p)


def _pending(p: PersonResult, title: str) -> bool:
    return any(d.title == title and d.pending for d in p.decisions)


def _rating_pending(p: PersonResult) -> bool:
    """This year's rating not known yet (decide.year): it may still be HTXSNV."""
    return p.facts.rating is None and bool(rating_waits(p))


def _cstdcs_run(p: PersonResult, past: Past, year: str, needed: int) -> Run:
    """:func:`~thidua_xlsx.decide.history_past.cstdcs_run`, this year's CSTĐCS pending read as not known yet: a break
    in the earlier years breaks the run whatever this year gives; else the run waits for this year's decision
    ("run.this_year_cstdcs_pending"), never refused on it."""
    if not _pending(p, CSTDCS):
        return cstdcs_run(p, past, year, needed)
    run = cstdcs_run(dataclasses.replace(p, decisions=(Decision(CSTDCS, True),)), past, year, needed)
    return run if run.failures else Run(run.years, pending=(reason("run.this_year_cstdcs_pending"), *run.pending))


def _bk_person(p: PersonResult, past: Past, year: str, rules: MultiYearRules, basis: Reason) -> Decision:
    """Bằng khen of the provincial chair (e.g. Bắc Ninh QĐ 86/2025 điều 3 khoản 3 điểm a; ``basis``: the school's
    province's): 2 consecutive CSTĐCS, or ≥ 2 consecutive years HTXSNV with 2 sáng kiến in that time that have
    served nothing yet."""
    rule = reason("bk.rule", cstdcs=rules.bk_cstdcs_years, excellent=rules.bk_excellent_years,
                  initiatives=rules.bk_initiatives, basis=basis)
    cstdcs = _cstdcs_run(p, past, year, rules.bk_cstdcs_years)
    if not cstdcs.reasons:
        return Decision(hs.BK_TINH, True, (reason("bk.granted_cstdcs", count=len(cstdcs.years), years=cstdcs.years,
                                               basis=basis),), years=cstdcs.used(year))
    waiting = _rating_pending(p)  # this year's rating not known yet: the run read as if it were HTXSNV, then waits
    as_rated = dataclasses.replace(p, facts=dataclasses.replace(p.facts, rating=EXCELLENT)) if waiting else p
    run, ended, unknown = excellent_years(as_rated, past, year)
    window = sorted(run)
    inside = [i for i in past.initiatives if i.year in run]
    free = [i for i in inside if not i.uses]
    reached = len(run) >= rules.bk_excellent_years and len(free) >= rules.bk_initiatives
    if reached and not waiting:
        named = tuple(reason("bk.initiative", initiative=i.name, year=i.year)
                      for i in sorted(free, key=lambda i: i.year)[:rules.bk_initiatives])
        return Decision(hs.BK_TINH, True, (reason("bk.granted_excellent", count=len(run), years=tuple(window),
                                               found=len(named), initiatives=named, basis=basis),),
                        years=tuple(y for y in window if y != year))
    if reached:  # reached were this year HTXSNV: it waits for the rating
        excellent = Run(tuple(window))
    elif len(run) < rules.bk_excellent_years:
        excellent = Run(tuple(window), pending=(ended,)) if unknown else Run(tuple(window), (ended,))
    else:
        excellent = _few_initiatives(past, window, inside, unknown, ended, rules)
    if waiting and not excellent.failures:
        excellent = Run(excellent.years, pending=(reason("run.this_year_rating_pending"), *excellent.pending))
    open_paths = [r for r in (cstdcs, excellent) if not r.failures]
    reasons = tuple(dict.fromkeys((*cstdcs.reasons, *excellent.reasons)))
    years = tuple(sorted(set(cstdcs.used(year)) | set(excellent.used(year))))
    return Decision(hs.BK_TINH, False, (*reasons, rule), pending=bool(open_paths), years=years)


def _few_initiatives(past: Past, window: list[str], inside: list[PastInitiative], unknown: bool, ended: Reason,
                     rules: MultiYearRules) -> Run:
    """The HTXSNV run long enough, too few free sáng kiến in it: pending while the sáng kiến are not known, or while
    a year not known may join the run to a free sáng kiến before it; else refused, each sáng kiến spent said."""
    earlier_free = any(not i.uses and i.year and i.year < window[0] for i in past.initiatives)
    if hs.INITIATIVES_PART in past.unknown:
        return Run(tuple(window), pending=(reason("initiatives.unknown"),))
    if unknown and earlier_free:  # the year not known may join the run to a sáng kiến before it
        return Run(tuple(window), pending=(ended,))
    free = [i for i in inside if not i.uses]
    undated = tuple(i.name for i in past.initiatives if not i.uses and not i.year)
    if undated and len(free) + len(undated) >= rules.bk_initiatives:  # a year nobody typed may be in the run
        return Run(tuple(window), pending=(reason("initiatives.year_unknown", initiatives=", ".join(undated)),))
    spent = tuple(_spent(i) for i in inside if i.uses)
    return Run(tuple(window), (reason("bk.few_initiatives", count=len(window), years=tuple(window),
                                      found=len(free), needed=rules.bk_initiatives), *spent))


def _spent(i: PastInitiative) -> Reason:
    """Why a sáng kiến cannot serve the Bằng khen: its use, a form's first (CV 5007/BNV-TĐKT)."""
    use = (i.used(hs.USED_FOR_FORM) or i.uses)[0]
    code = "initiative.used_for_form" if use.kind == hs.USED_FOR_FORM else "initiative.used_for_title"
    return reason(code, initiative=i.name, award=_award(use), year=use.year, target=AWARD_NAMES[hs.BK_TINH])


def _medal(p: PersonResult, start_text: str, past: Past, year: str, rules: MultiYearRules,
           basis: Reason) -> Decision | None:
    """Kỷ niệm chương "Vì sự nghiệp giáo dục" (``basis``: TT 07/2026 or TT 29/2023 điều 8): the years in the sector
    at the end of the school year, less the disciplined years; 5 fewer after years in especially difficult areas;
    once — so granted only where a Thâm niên row read whole says it was not received."""
    service = past.service
    received = _medal_received(past)
    reckoned = reckoned_on(year, rules)
    date = reckoned.strftime("%d/%m/%Y")
    start = cm.iso_day(start_text)
    if received and (start is None or start > reckoned):
        return Decision(hs.KNC_GD, False, (reason("knc.received", year=received, basis=basis),), years=(received,))
    if start is None:
        return Decision(hs.KNC_GD, False, (reason("knc.start_unknown", basis=basis),), pending=True)
    if start > reckoned:
        return Decision(hs.KNC_GD, False, (reason("knc.start_to_come", start=day_written(start_text), date=date,
                                                  basis=basis),), pending=True)
    doubt = _medal_doubt(service, past)
    months, uncounted, difficult, needed = _served(service, start, reckoned, rules)
    if doubt is not None and not received:
        unread = set(service.unread) if service else set()
        could_need = rules.medal_years_difficult if service is None or "difficult_years" in unread else needed
        if months < could_need * 12:
            return None
        short = reason("knc.short") if months < needed * 12 else None
        return Decision(hs.KNC_GD, False, (reason("knc.not_known", service=_duration(months),
                                                  start=day_written(start_text), date=date, why=doubt, short=short,
                                                  basis=basis),), pending=True)
    if months < needed * 12:
        return None
    if received:
        return Decision(hs.KNC_GD, False, (reason("knc.received", year=received, basis=basis),), years=(received,))
    minus = reason("knc.minus", uncounted=_duration(uncounted)) if uncounted else None
    easier = reason("knc.difficult", years=float(difficult), needed=float(rules.medal_difficult_years)) \
        if needed != rules.medal_years else None
    return Decision(hs.KNC_GD, True, (reason("knc.granted", service=_duration(months), start=day_written(start_text),
                                          date=date, minus=minus, needed=float(needed), difficult=easier,
                                          basis=basis),))


def _medal_received(past: Past) -> str:
    """The year the medal was received: the Thâm niên row's, else the first year whose forms list it ("" if none)."""
    service = past.service
    return (service.medal_year if service else "") or \
        next((y for y, row in past.years.items() if hs.KNC_GD in row.forms), "")


def _served(service: Service | None, start: dt.date, reckoned: dt.date,
            rules: MultiYearRules) -> tuple[int, int, float, float]:
    """The months served from ``start`` to the day ``reckoned`` (that day served), less the months not counted
    (disciplined years) where read; those months; the years in especially difficult areas; the years needed."""
    unread = set(service.unread) if service else set()
    uncounted = 0 if "uncounted_years" in unread else round(((service.uncounted_years if service else 0) or 0) * 12)
    months = _months(start, reckoned + dt.timedelta(days=1)) - uncounted
    difficult = (service.difficult_years if service else 0) or 0
    needed = rules.medal_years_difficult if difficult >= rules.medal_difficult_years else rules.medal_years
    return months, uncounted, difficult, needed


def _medal_doubt(service: Service | None, past: Past) -> Reason | None:
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


def person_decisions(p: PersonResult, start: str, past: Past, year: str, campaign: cm.Campaign,
                     rules: MultiYearRules, bases: Bases, said: Said) -> tuple[tuple[Decision, ...], PersonResult]:
    """The person's multi-year decisions, and the person as they stand after: this year's CSTĐCS withdrawn where
    it rests on a sáng kiến already used for an award form (CV 5007/BNV-TĐKT), unless the council chose it; this
    year's LĐTT and CSTĐCS refused where a discipline's term runs into this school year (:func:`_discipline_running`).
    A Bằng khen reached only through a decision not made yet (this year's CSTĐCS or rating pending) is listed only
    while it may still be reached (pending)."""
    if past.counts_from > year:
        p = _discipline_running(p, past.cut_reason, said)
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
    elif _may_want_bk(p):
        bk = _bk_person(p, past, year, rules, bases.bk)
        found += [bk] if bk.pending else []
    medal = _medal(p, start, past, year, rules, bases.medal)
    return _one_achievement(p, (*found, *([medal] if medal else ())), year, said), p


def _one_achievement(p: PersonResult, found: tuple[Decision, ...], year: str, said: Said) -> tuple[Decision, ...]:
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


def _discipline_running(p: PersonResult, cut: Reason, said: Said) -> PersonResult:
    """``p`` with this year's LĐTT and CSTĐCS naming a discipline whose term runs into this school year (``cut``: the
    history's "run.disciplined", naming its end; history_past reads the term from "Kỷ luật đến ngày").

    NĐ 152/2025 điều 4 khoản 4, as docs/domain.md §1 reads it (the decree's text is not among the texts at hand, the
    clause not quoted): after a discipline, achievements count only from the end of the discipline period. The Bằng khen
    reads it so (history_past: a school year that started before the term ended does not count); this year's titles
    rest on this year's achievements, which started before the term ended: **refused**, as the Bằng khen is — not
    pending, since no fact is missing —, the reason naming the discipline's end and the clause, and saying the council
    may decide otherwise with its reason. A title the council already chose for the person stays the council's, named
    and warned. A title refused already (not registered …) keeps its reasons, this one added."""
    why = reason("title.discipline_running", cut=cut)
    titles = (LDTT, CSTDCS)
    if p.council_decision in titles:
        said.issues.append(issue("history.discipline_running_council", WARNING, name=p.name, person=p.code,
                                 cut=cut, title=Title(p.council_decision)))
        said.flags.append(why)
        return p
    decisions = []
    for d in p.decisions:
        if d.title not in titles or (d.reasons and d.reasons[0].code == "ldtt.not_registered"):
            decisions.append(d)
            continue
        cites = tuple(r for r in d.reasons if r.code in CITATIONS)
        kept = () if d.granted or d.pending else tuple(r for r in d.reasons if r not in cites)
        decisions.append(Decision(d.title, False, (*kept, why, *cites)))
    if tuple(decisions) == p.decisions:
        return p
    if any(d.granted or d.pending for d in p.decisions if d.title in titles):
        said.issues.append(issue("history.discipline_running", WARNING, name=p.name, person=p.code, cut=cut))
    return dataclasses.replace(p, decisions=tuple(decisions))


def _withdrawn(p: PersonResult, initiative: PastInitiative, use: Use) -> PersonResult:
    """``p`` without this year's CSTĐCS, its sáng kiến spent on ``use`` (an award form); the CSTĐCS rule's citation
    kept."""
    before = next(d for d in p.decisions if d.title == CSTDCS)
    cites = tuple(r for r in before.reasons if r.code in CITATIONS)
    decision = Decision(CSTDCS, False, (reason("cstdcs.initiative_spent", initiative=initiative.name, award=_award(use),
                                               year=use.year, target=Title(CSTDCS)), *cites))
    return dataclasses.replace(p, decisions=tuple(decision if d.title == CSTDCS else d for d in p.decisions))


def department_decision(past: Mapping[str, set[str]], year: str, rules: MultiYearRules, basis: Reason,
                        unknown: bool, held: frozenset[str] = frozenset()) -> Decision:
    """Bằng khen of the provincial chair for a collective (e.g. Bắc Ninh QĐ 86/2025 điều 3 khoản 3 điểm c; ``basis``:
    the school's province's): 2 consecutive TTLĐXS. ``unknown``: the departments' past was not read; ``held``: its
    years typed on two rows that say different things — the title waits for the rows to be made one."""
    found, missing = [year], []
    for y in years_before(year, rules.bk_collective_years - 1):
        titles = past.get(y)
        if y in held:
            return Decision(hs.BK_TINH, False, (reason("bk_collective.year_twice", years=(y,)),
                                             reason("bk_collective.rule", needed=rules.bk_collective_years,
                                                    basis=basis)), pending=True, years=tuple(sorted(found[1:])))
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
