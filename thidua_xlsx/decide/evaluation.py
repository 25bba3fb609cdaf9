"""The year's rating of each viên chức from the periods' scores (Nghị định 233/2026/NĐ-CP điều 12, 14, 15):
values in (:mod:`thidua_xlsx.model.evaluation`), each rating with its reasons out.

In the order the decree reads, per person:

1. the year's score from the periods that have one (điều 12 khoản 5; the average, điều 15 khoản 1 điểm a,
   or the unit's formula); a period without a score is named and left out, never counted as 0 — the
   decree rates on the time actually worked (điều 14 khoản 2, điều 15 khoản 1 điểm a, c); a period wholly on
   leave, or ended before a newcomer started, is not the person's (not missing, said as such); a period whose
   form is unfinished (a required criterion blank) leaves the year pending, said as unfinished — the score is
   not known yet, it is not a period away; so is a period whose book the person's department did not send (nobody
   of it scored there): the year waits for the book, never rated on the other periods;
2. fewer than 6 months worked: not rated, unless on sick or maternity leave under the social insurance law
   (điều 14 khoản 1–2); on a course the unit sent (away for a legitimate reason, điều 15 khoản 1 điểm c: rated on
   the time actually worked, its periods away said as such), whether its months are working time for khoản 1 the
   decree does not say — pending, the head's judgement asked (điều 13 khoản 3 điểm b: the head rates);
3. a discipline from khiển trách in the year, by what it was for: a violation in carrying out one's duties, KHTNV
   whatever the score (điều 12 khoản 4 điểm c); a decline in political ideology, ethics or lifestyle, KHTNV (điều
   14 khoản 3 điểm a); another violation is not KHTNV by these clauses (rated by the score, said so); what it was
   for not said: pending, never assumed either way; counted once — not for an act of the former unit (điều 14
   khoản 3 điểm c) nor for an act of an earlier year rated KHTNV for it (điểm b); no score: not rated; else the
   bands (điều 12 khoản 1–4);
4. the head no higher than the unit (điều 12 khoản 7); the head is rated by the head of the managing body
   (điều 13 khoản 2 điểm a, khoản 3 điểm a): the school computes and proposes, outside its own cap;

then per unit and group, HTXSNV at most 20 % of HTTNV (điểm a; in a unit rated HTXSNV, the share the unit decided,
at most 25 %: điểm b — never raised unless it decided), ranked by the year's score (điều 12 khoản 6), the groups
of five or fewer counted together when the unit chose so; last, the rating the authority entered wins and a
difference is flagged (điều 13 khoản 3: the head of the unit decides the rating). A period whose score could not be
read back leaves the person's year pending, never rated on the other periods.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TypeVar, overload

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.issues import Reason, reason
from thidua_xlsx.model.rule_set import Band

_SCORE_REASONS = {ev.AVERAGE: "year.score_average", ev.SEMESTERS: "year.score_semesters",
                  ev.WEIGHTED: "year.score_weighted"}
_BAND_CLAUSES = {ev.HTXSNV: 1, ev.HTTNV: 2, ev.HTNV: 3}  # điều 12: the clause that defines each band


def htxsnv_slots(eligible: int, percent: float, base: str = ev.CAP_BASE_HTTNV) -> int:
    """How many of ``eligible`` people (those reaching HTTNV or better in one unit and group) may be rated
    HTXSNV: "không vượt quá {percent}% tổng số viên chức được xếp loại HTTNV" (điều 12 khoản 6).

    Rounded down: "không vượt quá" is a ceiling, 20 % of 7 is 1.4 people, and 2 would exceed it (the
    decree has no small-group exception for viên chức, as điều 7 khoản 7 điểm c has for units).
    :data:`~thidua_xlsx.model.evaluation.CAP_BASE_HTTNV` reads the base as the article's words: the people
    rated HTTNV once the cap is applied — the largest k with k ≤ percent × (eligible − k), e.g. 1 of 7, 9 of
    55; :data:`~thidua_xlsx.model.evaluation.CAP_BASE_AT_LEAST_HTTNV`: percent × eligible (1 of 7, 11 of 55).
    """
    share = Fraction(str(percent)) / 100  # exact: 20 % of 10 is 2, never 1.9999
    if base == ev.CAP_BASE_HTTNV:
        return math.floor(share * eligible / (1 + share))
    if base == ev.CAP_BASE_AT_LEAST_HTTNV:
        return math.floor(share * eligible)
    raise ValueError(f"unknown cap base: {base!r}")


class _Draft:
    """One person's year while it is decided (a plain object: 8,400 people change theirs in place)."""

    __slots__ = ("facts", "score", "used", "missing", "unreadable", "computed", "rating", "reasons", "capped",
                 "unfinished", "away", "before_start", "unsent", "after_leaving", "later")

    def __init__(self, facts: ev.YearFacts, score: float | None, used: tuple[str, ...], missing: tuple[str, ...],
                 unreadable: tuple[str, ...] = (), unfinished: tuple[str, ...] = (), unsent: tuple[str, ...] = ()):
        self.facts, self.score, self.used, self.missing, self.unreadable = facts, score, used, missing, unreadable
        self.unfinished, self.unsent = unfinished, unsent
        self.away: tuple[str, ...] = ()
        self.before_start: tuple[str, ...] = ()
        self.after_leaving: tuple[str, ...] = ()
        self.later: tuple[str, ...] = ()
        self.computed = self.rating = ev.NOT_RATED
        self.reasons: list[Reason] = []
        self.capped = False


def rate_year(periods: Sequence[ev.Period], scores: Iterable[ev.PeriodScores], facts: Iterable[ev.YearFacts] = (),
              rules: ev.YearRules = ev.YearRules(), unit_ratings: Mapping[str, str] | None = None
              ) -> tuple[ev.YearRating, ...]:
    """Every person's year: those of ``facts`` (the roster) in its order, then those with scores only (their
    facts unknown). ``unit_ratings``: unit code → the unit's own rating (điều 7), where known.

    A score of a period not in ``periods`` is not the year's and is not used. The formula must weigh
    every period (ValueError otherwise: the campaign's check says so to the secretary first).
    """
    unit_ratings = unit_ratings or {}
    weights = _weights(periods, rules.formula)
    labels = {p.code: p.label for p in periods}
    known = {f.person: f for f in facts}
    by_person = {s.person: s for s in scores}
    people = [*known, *(p for p in by_person if p not in known)]
    drafts = []
    for person in people:
        given = by_person.get(person) or ev.PeriodScores(person, {})
        draft = _scored(known.get(person) or ev.YearFacts(person), given, weights, labels, rules)
        draft.computed = _rating(draft, rules)
        _head_no_higher(draft, unit_ratings)
        drafts.append(draft)
    for (unit, group), members in cap_groups([d.facts for d in drafts], rules, drafts).items():
        cap = _Cap(unit_ratings.get(unit) == ev.HTXSNV, group, rules)
        cap.apply(members)
        _entered(members, cap)
    for draft in drafts:
        if draft.facts.head_of:
            _head_proposed(draft, rules)
            _entered([draft], None)
    return tuple(ev.YearRating(d.facts.person, d.score, d.rating, d.computed, d.used, d.missing, tuple(d.reasons),
                               d.capped, bool(d.facts.entered), bool(d.facts.head_of), d.unreadable,
                               unfinished=d.unfinished, away=d.away, before_start=d.before_start,
                               unsent=d.unsent, after_leaving=d.after_leaving, later=d.later) for d in drafts)


_Item = TypeVar("_Item")  # what the groups hold: the facts, or one item per fact


@overload
def cap_groups(facts: Sequence[ev.YearFacts], rules: ev.YearRules) -> dict[tuple[str, str], list[ev.YearFacts]]: ...


@overload
def cap_groups(facts: Sequence[ev.YearFacts], rules: ev.YearRules, items: Sequence[_Item]
               ) -> dict[tuple[str, str], list[_Item]]: ...


def cap_groups(facts: Sequence[ev.YearFacts], rules: ev.YearRules, items: Sequence[object] | None = None
               ) -> Mapping[tuple[str, str], Sequence[object]]:
    """The groups the HTXSNV cap is counted in (điều 12 khoản 6 điểm a: the same unit and each group with similar
    tasks), keyed (unit, the group's name): ``items`` (one per fact, default the facts) by group. The head of a unit
    is in none: the managing body rates the head (điều 13 khoản 3 điểm a); nor is a person who moved to another school
    during the year: the new school rates her (điều 15 khoản 1 điểm a).

    With ``rules.small_groups_together``, a unit's groups of ``rules.small_group`` people or fewer are counted with
    its largest group ("Viên chức + Viên chức quản lý"), or with each other when all its groups are that small."""
    items = list(facts) if items is None else list(items)
    groups: dict[tuple[str, str], list[object]] = {}
    for fact, item in zip(facts, items):
        if not fact.head_of and not fact.moved_on:
            groups.setdefault((fact.unit, fact.group), []).append(item)
    if not rules.small_groups_together:
        return groups
    for unit in dict.fromkeys(unit for unit, _ in groups):
        keys = [key for key in groups if key[0] == unit]
        small = [key for key in keys if len(groups[key]) <= rules.small_group]
        large = [key for key in keys if key not in small]
        pooled = ([max(large, key=lambda key: len(groups[key]))] if large else []) + small
        if len(pooled) > 1:
            members = [item for key in pooled for item in groups.pop(key)]
            groups[(unit, " + ".join(group for _, group in pooled))] = members
    return groups


def _weights(periods: Sequence[ev.Period], formula: cm.YearFormula) -> dict[str, float]:
    if formula.kind == ev.AVERAGE:
        return {p.code: 1 for p in periods}
    if formula.kind not in _SCORE_REASONS:
        raise ValueError(f"unknown year formula: {formula.kind!r}")
    given = dict(formula.weights)
    unweighted = [p.code for p in periods if not given.get(p.code, 0) > 0]
    if unweighted:
        raise ValueError(f"the year formula gives no positive weight to {', '.join(unweighted)}")
    return {p.code: given[p.code] for p in periods}


def _scored(facts: ev.YearFacts, given: ev.PeriodScores, weights: dict[str, float],
            labels: dict[str, str], rules: ev.YearRules) -> _Draft:
    """The year's score over the person's periods with a score, the others named (điều 12 khoản 5, điều 15 khoản 1). A
    period wholly on leave is not theirs (điều 14 khoản 2: the time actually worked; a score there is set aside, said),
    nor one that ended before they started while it has no score, nor one from the day they moved to another school
    (điều 15 khoản 1 điểm a: the new school's); a period whose score could not be read back, whose form is unfinished,
    or whose book the department did not send, leaves the score unknown (never the others' average)."""
    after = tuple(code for code in weights if code in facts.after_leaving)
    away = tuple(code for code in weights if code in facts.away and code not in after)
    before = tuple(code for code in weights if code in facts.before_start and code not in facts.away
                   and given.scores.get(code) is None)
    # a period not over without a score is nobody's yet (điều 12 khoản 5 averages the periods' results: a period
    # running or not begun has none to give): not missing, the year's score so far over the periods over — unless a
    # book came for it: a form begun with a required item blank, or a score unreadable, is a returned cell the year
    # waits for, whether the period is over or not
    returned = (*given.unfinished, *given.unreadable)
    later = tuple(code for code in weights if code in given.running + given.not_begun
                  and given.scores.get(code) is None and code not in (*away, *before, *after, *returned))
    theirs = {code: weight for code, weight in weights.items() if code not in away + before + after + later}
    pending = _unknown_score(facts, given, theirs, labels)
    draft = _weighted(facts, given, theirs, labels, rules) if pending is None else pending
    draft.later = later
    for code, state in (("year.running", given.running), ("year.not_begun", given.not_begun)):
        if found := tuple(labels[c] for c in later if c in state):
            draft.reasons.append(reason(code, periods=found))
    _outside(draft, (away, before, after), given, labels)
    if pending is None:
        _facts_unknown(draft)
    return draft


def _unknown_score(facts: ev.YearFacts, given: ev.PeriodScores, theirs: dict[str, float],
                   labels: dict[str, str]) -> _Draft | None:
    """The draft of a year whose score is not known yet — a period of the person's unreadable, unfinished or in a
    book not sent — each such period named; None when every period of theirs can be counted."""
    unreadable, unfinished, unsent = _not_counted(given, theirs)
    if not (unreadable or unfinished or unsent):
        return None
    known = [code for code in theirs if code not in unreadable + unfinished + unsent]
    draft = _Draft(facts, None, tuple(c for c in known if given.scores.get(c) is not None),
                   tuple(c for c in known if given.scores.get(c) is None), unreadable, unfinished, unsent)
    for code, periods in (("year.unreadable", unreadable), ("year.unfinished", unfinished),
                          ("year.unsent", unsent)):
        if periods:
            draft.reasons.append(reason(code, periods=tuple(labels[c] for c in periods)))
    return draft


def _not_counted(given: ev.PeriodScores, theirs: dict[str, float]) -> tuple[tuple[str, ...], ...]:
    """The person's periods whose score is not known yet: unreadable, else unfinished, else in a book not sent."""
    unreadable = tuple(code for code in theirs if code in given.unreadable)
    unfinished = tuple(code for code in theirs if code in given.unfinished and code not in unreadable)
    unsent = tuple(code for code in theirs if code in given.unsent and code not in unreadable + unfinished)
    return unreadable, unfinished, unsent


def _weighted(facts: ev.YearFacts, given: ev.PeriodScores, theirs: dict[str, float], labels: dict[str, str],
              rules: ev.YearRules) -> _Draft:
    """The year's score by the formula's weights over the periods of theirs with a score, the others named."""
    used: list[str] = []
    missing: list[str] = []
    parts: list[float] = []
    weight_sum: float = 0
    for code, weight in theirs.items():
        value = given.scores.get(code)
        if value is None:
            missing.append(code)
        else:
            used.append(code)
            parts.append(weight * value)
            weight_sum += weight
    score = round(math.fsum(parts) / weight_sum, 4) if used else None  # 4 decimals: float noise, as the scores
    draft = _Draft(facts, score, tuple(used), tuple(missing))
    if score is not None:
        draft.reasons.append(reason(_SCORE_REASONS[rules.formula.kind], score=score, used=len(used)))
        if missing:
            draft.reasons.append(reason("year.missing", periods=tuple(labels[c] for c in missing), used=len(used),
                                        total=len(theirs)))
    return draft


def _facts_unknown(draft: _Draft) -> None:
    """The person's facts the year's rating needs and nobody gave (months worked, discipline), said."""
    facts = draft.facts
    unknown = tuple(name for name, value in (("months", facts.months_worked), ("discipline", facts.discipline))
                    if value is None)
    if unknown:
        draft.reasons.append(reason("year.facts_unknown", fields=unknown))


def _outside(draft: _Draft, outside: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], given: ev.PeriodScores,
             labels: dict[str, str]) -> None:
    """The periods that are not the person's, said: wholly on leave (a score there set aside), before their start,
    from the day they moved to another school."""
    away, before, after = outside
    draft.away, draft.before_start, draft.after_leaving = away, before, after
    if away:
        if ev.LEAVE_STUDY in draft.facts.leave:  # away for a legitimate reason, not a leave of điều 14 khoản 2
            draft.reasons.append(reason("year.away_study", periods=tuple(labels[c] for c in away)))
        else:
            leave = tuple(sorted(draft.facts.leave)) or ("NGHI",)  # the kind not said (a campaign built in code)
            draft.reasons.append(reason("year.away", periods=tuple(labels[c] for c in away), leave=leave))
        scored = tuple(labels[c] for c in away if given.scores.get(c) is not None)
        if scored:
            draft.reasons.append(reason("year.away_scored", periods=scored))
    if before:
        draft.reasons.append(reason("year.before_start", periods=tuple(labels[c] for c in before)))
    if after:
        draft.reasons.append(reason("year.after_leaving", periods=tuple(labels[c] for c in after)))


def _rating(draft: _Draft, rules: ev.YearRules) -> str:
    """The rating by the person's own facts and score (steps 2–3 of the module's list); pending while a period's
    score is unreadable."""
    facts, reasons = draft.facts, draft.reasons
    if facts.moved_on:  # the new school rates the year, from this one's results (điều 15 khoản 1 điểm a)
        reasons.append(reason("year.moved_away", day=_shown(facts.moved_on), school=facts.moved_to or "—"))
        return ev.NOT_RATED
    if draft.unreadable or draft.unfinished or draft.unsent:
        return ev.PENDING
    months = facts.months_worked
    if months is not None and months < rules.min_months:
        insured = facts.leave & ev.INSURED_LEAVE
        if not insured and ev.LEAVE_STUDY in facts.leave:  # the decree does not say: the head's judgement, asked
            reasons.append(reason("year.study_months_short", months=months, needed=rules.min_months,
                                  periods=len(draft.away)))
            return ev.PENDING
        if not insured:
            reasons.append(reason("year.months_short_unpaid" if ev.LEAVE_UNPAID in facts.leave else "year.months_short",
                                  months=months, needed=rules.min_months))
            return ev.NOT_RATED
        reasons.append(reason("year.leave_rated", leave=tuple(sorted(insured)), months=months,
                              needed=rules.min_months))
    if facts.discipline and facts.discipline != cm.DISCIPLINES[0]:
        rated = _disciplined(facts, reasons, rules.disciplined_citation)
        if rated is not None:
            return rated
    if draft.score is None:
        reasons.append(reason("year.all_away" if draft.away and not draft.missing else "year.no_scores"))
        return ev.NOT_RATED
    rating, why = _band(draft.score, rules.bands, rules.bands_citation)
    reasons.append(why)
    return rating


def _disciplined(facts: ev.YearFacts, reasons: list[Reason], province: str = "") -> str | None:
    """A discipline from khiển trách in the year, by what it was for: KHTNV for a violation in carrying out one's
    duties (điều 12 khoản 4 điểm c) or for a decline in political ideology, ethics or lifestyle (điều 14 khoản 3 điểm
    a); None — rated by the score — for another violation, which neither clause covers (the title rules may still
    refuse LĐTT); pending while what it was for is not said (never assumed either way).

    Counted once: for an act of the former unit, it goes to the former unit's rating (điều 14 khoản 3 điểm c) — rated
    here by the score; for an act of an earlier year that year's rating already rested on as KHTNV, it does not count
    again (điểm b) — rated by the score; where the history says that year was rated otherwise, it counts as its
    clause says, said; where that year's rating is not known, it counts as its clause says, and the reason asks for
    the history or the head's rating (the entered rating wins). A province's scale that makes any discipline in the
    year KHTNV (``province``, its article: Hải Phòng QĐ 212/2025 điều 6 khoản 4 điểm d) rates by its own word."""
    discipline = facts.discipline.lower() if facts.discipline else ""
    if facts.discipline_act == ev.ACT_FORMER_UNIT:
        reasons.append(reason("year.discipline_former_unit", discipline=discipline))
        return None
    if facts.discipline_act:
        act = facts.discipline_act
        if facts.act_rating == ev.KHTNV:
            reasons.append(reason("year.discipline_counted_before", discipline=discipline, year=act))
            return None
        reasons.append(reason("year.discipline_act_rated", discipline=discipline, year=act, rating=facts.act_rating)
                       if facts.act_rating in cm.RATINGS else
                       reason("year.discipline_act_unknown", discipline=discipline, year=act))
    if province:
        reasons.append(reason("year.disciplined_province", discipline=discipline, citation=province))
        return ev.KHTNV
    if facts.discipline_scope == cm.SCOPE_DUTIES:
        reasons.append(reason("year.disciplined_duties", discipline=discipline))
        return ev.KHTNV
    if facts.discipline_scope == cm.SCOPE_ETHICS:
        reasons.append(reason("year.disciplined_ethics", discipline=discipline))
        return ev.KHTNV
    if facts.discipline_scope == cm.SCOPE_OTHER:
        reasons.append(reason("year.disciplined_other", discipline=discipline))
        return None
    reasons.append(reason("year.discipline_scope_unknown", discipline=discipline))
    return ev.PENDING


def _band(score: float, bands: tuple[cm.Level | Band, ...], citation: str = "") -> tuple[str, Reason]:
    """Điều 12 khoản 1–4 điểm a: from 90 HTXSNV, 70 to under 90 HTTNV, 50 to under 70 HTNV, under 50 KHTNV.

    A province's scale (``citation``: its article) may put a band strictly above its minimum: Hải Phòng QĐ
    212/2025 điều 6, HTXSNV "trên 90", HTTNV "trên 80", HTNV "từ 50" — 90 is HTTNV there, 90.5 HTXSNV."""
    for index, band in enumerate(bands):
        if score > band.min if _above(band) else score >= band.min:
            if citation:
                return band.name, reason("year.band_cited", score=score, rating=band.name, citation=citation,
                                         range=_range(band, bands[index - 1] if index else None))
            clause = _BAND_CLAUSES[band.name]
            if index == 0:
                return band.name, reason("year.band_top", score=score, low=band.min, rating=band.name, clause=clause)
            return band.name, reason("year.band", score=score, low=band.min, high=bands[index - 1].min,
                                     rating=band.name, clause=clause)
    if citation:
        last = bands[-1]
        below = reason("band.at_most" if _above(last) else "band.under", high=last.min)
        return ev.KHTNV, reason("year.band_cited", score=score, rating=ev.KHTNV, citation=citation, range=below)
    return ev.KHTNV, reason("year.band_below", score=score, high=bands[-1].min, rating=ev.KHTNV)


def _above(band: cm.Level | Band) -> bool:
    """A band "trên" its minimum (a :class:`~thidua_xlsx.model.rule_set.Band`); a Level is "từ" it."""
    return isinstance(band, Band) and band.above


def _range(band: cm.Level | Band, higher: cm.Level | Band | None) -> Reason:
    """A band's scores in words: its own minimum ("từ 50" / "trên 80"), up to the next band's ("đến dưới 90" when
    the next starts at 90, "đến 80" when the next starts above 80)."""
    if higher is None:
        return reason("band.top_above" if _above(band) else "band.top_from", low=band.min)
    code = {(False, False): "band.from_below", (False, True): "band.from_to", (True, False): "band.above_below",
            (True, True): "band.above_to"}[(_above(band), _above(higher))]
    return reason(code, low=band.min, high=higher.min)


def _highest_first(draft: _Draft) -> float:
    """The sort key of the year's score, highest first: a draft rated by its score has one."""
    if draft.score is None:
        raise ValueError(f"{draft.facts.person}: rated {draft.computed} without a year's score")
    return -draft.score


def _head_no_higher(draft: _Draft, unit_ratings: Mapping[str, str]) -> None:
    """Điều 12 khoản 7: the head's rating is no higher than the unit's."""
    unit = draft.facts.head_of
    if not unit or draft.computed not in cm.RATINGS:
        return
    unit_rating = unit_ratings.get(unit)
    if unit_rating not in cm.RATINGS:
        draft.reasons.append(reason("year.head_unit_unknown"))
    elif cm.RATINGS.index(draft.computed) < cm.RATINGS.index(unit_rating):
        draft.reasons.append(reason("year.head_capped", unit_rating=unit_rating, before=draft.computed))
        draft.computed = unit_rating


def _head_proposed(draft: _Draft, rules: ev.YearRules) -> None:
    """Điều 13 khoản 2 điểm a, khoản 3 điểm a: the head of a public unit is followed, assessed and rated by the head
    of its managing body. What the school computed is its proposal, outside the school's HTXSNV cap."""
    body = reason("year.body", name=rules.managing_body) if rules.managing_body else None
    proposal = reason("year.head_proposal", rating=draft.computed) if draft.computed in cm.RATINGS else None
    draft.reasons.append(reason("year.head_proposed", body=body, proposal=proposal))


class _Cap:
    """The HTXSNV cap of one unit and group (điều 12 khoản 6): 20 % (điểm a); in a unit rated HTXSNV, the share the
    unit decided, at most 25 % (điểm b) — 20 % while it has not decided; of the base :func:`htxsnv_slots` reads."""

    def __init__(self, excellent_unit: bool, group: str, rules: ev.YearRules):
        chosen = rules.excellent_unit_cap_percent if excellent_unit else None
        self.percent = chosen if chosen is not None else rules.cap_percent
        self.clause = "b" if chosen is not None else "a"
        self.group, self.base = group, rules.cap_base

    def slots(self, eligible: int) -> tuple[int, Reason]:
        """The slots among ``eligible`` people (HTTNV or better), and the reason that counts them."""
        slots = htxsnv_slots(eligible, self.percent, self.base)
        return slots, reason("year.cap_slots" if self.base == ev.CAP_BASE_HTTNV else "year.cap_slots_at_least",
                             slots=slots, eligible=eligible, percent=self.percent, group=self.group, clause=self.clause)

    def apply(self, members: list[_Draft]) -> None:
        """Keep HTXSNV by the ranking of the year's score; the others HTTNV with the reason.

        A tie that straddles the last slot is not broken by the tool: keeping all of them would exceed the
        cap ("không vượt quá"), choosing some is the authority's decision (điều 13 khoản 3), and the decree
        gives no tie-break. NĐ 152/2025 điều 4 khoản 6 (women first) is not applied here: it breaks ties for
        khen thưởng, and a rating is not one (the CSTĐCS quota applies it: decide.quota.apply_quota). All those
        tied are rated HTTNV, the reason saying how many slots are left for them; the authority enters its choice
        in Nhân sự and it wins. A member whose year is pending (a period unreadable) may change the count: said.
        """
        excellent = sorted((d for d in members if d.computed == ev.HTXSNV), key=_highest_first)
        if not excellent:
            return
        slots, counted = self.slots(sum(d.computed in (ev.HTXSNV, ev.HTTNV) for d in members))
        pending = sum(d.computed == ev.PENDING for d in members)
        unsure = (reason("year.cap_pending", count=pending),) if pending else ()
        taken = index = 0
        while index < len(excellent):
            value, end = excellent[index].score, index + 1
            while end < len(excellent) and excellent[end].score == value:  # equal scores are next to each other
                end += 1
            tied = excellent[index:end]
            if taken + len(tied) <= slots:
                why = reason("year.cap_within", rank=index + 1, cap=counted)
                taken += len(tied)
            elif taken < slots:
                why = reason("year.cap_tie", score=value, tied=len(tied), left=slots - taken, cap=counted)
                taken = slots
            else:
                why = reason("year.cap_outside", rank=index + 1, cap=counted)
            for draft in tied:
                draft.reasons += (why, *unsure)
                if why.code != "year.cap_within":
                    draft.computed, draft.capped = ev.HTTNV, True
            index = end


def _entered(members: list[_Draft], cap: _Cap | None) -> None:
    """The authority's rating wins (điều 13 khoản 3) and a difference is flagged for the council; the group's
    ratings as they finally stand are checked against the cap again (entered ratings may exceed it). ``cap``
    None: the head, outside every cap."""
    for draft in members:
        entered = draft.facts.entered
        draft.rating = entered or draft.computed
        if entered and entered != draft.computed and draft.computed != ev.PENDING:  # pending: its reason says why
            draft.reasons.append(reason("year.entered_differs", entered=entered, computed=draft.computed)
                                 if draft.computed != ev.NOT_RATED else reason("year.entered_unrated", entered=entered))
    excellent = [d for d in members if d.rating == ev.HTXSNV]
    if cap is None or not excellent or not any(d.facts.entered for d in members):
        return
    slots, counted = cap.slots(sum(d.rating in (ev.HTXSNV, ev.HTTNV) for d in members))
    if len(excellent) > slots:
        over = reason("year.entered_over_cap", excellent=len(excellent), cap=counted)
        for draft in excellent:
            draft.reasons.append(over)


def _shown(iso: str) -> str:
    """An ISO day as the papers write it (01/11/2026)."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
