"""Scores, classification and title decisions: pure functions, plain values in, reasons out.

Every threshold is a campaign setting (:class:`thidua_xlsx.model.campaign.Rules`); the defaults follow
Luật Thi đua, khen thưởng 06/2022/QH15 (art. 21–28) and its decrees, see docs/domain.md §2. Each decision's
reasons end with the citation of the rule applied ("căn cứ Luật TĐKT 2022 điều 24", or the province's
article, or the school's Quy chế where its value is the stricter), taken from the campaign's rule set
(``Rules.citations``, laid on at load by model.rule_set): never written here. A campaign built in code
has no rule set and its reasons no citation.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.evaluation import PROVISIONAL, ComputedRating
from thidua_xlsx.model.inbox import ItemScores
from thidua_xlsx.model.issues import Reason, reason
from thidua_xlsx.model.results import Decision, Score
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS, is_registered
from thidua_xlsx.text.messages.title_reasons import RATINGS_OR

_RECOGNISED_LEVELS = set(cm.INITIATIVE_LEVELS)
FACTS_MISSING = {False: "facts.missing", True: "facts.missing_form"}  # where the facts are typed: the roster, the form


def score(rubric: cm.Rubric, values: Mapping[str, float | None]) -> Score:
    """Total = cộng groups + min(cap, bonus) − min(cap, deductions); blanks count as 0."""
    groups: dict[str, float | None] = {}
    total, gate_ok = 0.0, True
    scores = values if isinstance(values, ItemScores) else ItemScores(tuple(values), values.values())
    entered = scores.entered  # as the check made them: their own lookup (8,400 people twice at 1,000 departments)
    blank_required = 0
    every = scores.take(rubric.item_codes)  # the groups' criteria one after another: each group's run of them
    end = 0
    for group in rubric.groups:
        start, end = end, end + len(group.items)
        given = every[start:end]
        raw = sum(filter(None, given))  # blanks (None) and zeros add nothing
        subtotal = raw if group.kind == cm.SCORE else min(group.max, raw)
        groups[group.code] = round(subtotal, 4)
        total += -subtotal if group.kind == cm.DEDUCTION else subtotal
        if group.min is not None and subtotal < group.min:
            gate_ok = False
        if group.kind == cm.SCORE:
            blank_required += given.count(None)
    return Score(round(total, 4) if entered else None, groups, gate_ok, entered, blank_required)


def classify(levels: tuple[cm.Level, ...], gate_cap: str, total: float | None, gate_ok: bool) -> str:
    """Highest level whose minimum is reached; a failed group minimum caps it at ``gate_cap``.

    Mirrors the classification formula of the scoring workbooks (write.department.scoring.classification_formula).
    """
    if total is None:
        return ""
    names = [lv.name for lv in levels]
    cap = names.index(gate_cap) if gate_cap in names else len(names)
    for index, level in enumerate(levels):
        if total >= level.min and (gate_ok or index >= cap):
            return level.name
    return levels[-1].name if levels[-1].min == 0 else "Không xếp loại"


def rank(values: list[float | None]) -> list[int | None]:
    """Competition ranking, ties share a rank (1, 2, 2, 4); None is not ranked."""
    ordered = sorted((v for v in values if v is not None), reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [first[v] if v is not None else None for v in values]


@dataclass(frozen=True)
class Candidate:
    """What the individual rules look at for one person."""

    registered: str  # registered title's code ("" or titles.NOT_REGISTERED: none)
    rating: str | None
    months: float | None
    maternity_months: float | None
    days_off: float | None
    discipline: str | None
    under_review: bool | None
    initiative: str
    initiative_level: str
    initiative_decision: str
    classification: str
    total: float | None
    total_pending: bool = False  # scores begun, some required cell blank or unreadable: the total is not known yet
    leave: str | None = None  # the year's long leave (sheet Nhân sự), a word of campaign.LEAVE_KINDS
    course_months: float = 0  # the months of the periods wholly on a course the unit sent (:func:`course_months`)
    rating_pending: tuple[Reason, ...] = ()  # what the year's rating, not known yet, waits for (decide.year)
    registration_unsent: bool = False  # nothing registered because the department never sent its registration book
    moved_to: str | None = None  # moved to another school during the year (sheet Nhân sự): the school; None: stays
    not_rated: bool = False  # the decree rates no year of under six months worked: no rating is missing, none comes
    facts_on_form: bool = False  # its facts typed by its department at the head of its form (Tổ nhập), not the roster's


def course_months(facts: cm.Facts, periods: tuple[cm.Period, ...]) -> float:
    """The months of the periods ``facts`` says are wholly on a course the unit sent (sheet Nhân sự, its leave
    :data:`~thidua_xlsx.model.campaign.LEAVE_STUDY_WORD`): a period from the 1st to a month's last day counts its
    calendar months, another its days over a mean month (one decimal); 0 on another leave or none."""
    if facts.leave != cm.LEAVE_STUDY_WORD:
        return 0
    total = 0.0
    for period in periods:
        if period.code not in facts.away:
            continue
        start, end = period.start, period.end
        if start.day == 1 and (end + datetime.timedelta(days=1)).day == 1:
            total += (end.year - start.year) * 12 + end.month - start.month + 1
        else:
            total += round(((end - start).days + 1) / (365.25 / 12), 1)
    return total


def _registered_rank(title: str) -> int:
    """0 none, 1 LĐTT, 2 CSTĐCS or higher (CSTĐ cấp tỉnh… include CSTĐCS)."""
    if not is_registered(title):
        return 0
    if title == LDTT:
        return 1
    return 2


def decide_ldtt(c: Candidate, rules: cm.Rules, levels: tuple[cm.Level, ...]) -> Decision:
    """LĐTT — Luật TĐKT 2022 art. 24, TT 01/2024/TT-BNV: registered; HTTNV/HTXSNV; ≥ 6 months
    (maternity leave counts); no discipline from khiển trách; not under disciplinary review. A person who moved to
    another school during the year is not considered here: the school she works at when the year is rated rates her
    and considers her titles, this one sends her periods' results (NĐ 233/2026 điều 15 khoản 1 điểm a).

    The months are the newly recruited's condition (docs/domain.md §4e): a long sick leave under the social insurance
    law (NĐ 233/2026 điều 14 khoản 2 rates it on the time worked) is not refused on the months alone — the months are
    said and the title left to the council (pending), unless another condition refuses it. The months of a course
    the unit sent (``course_months``) count as working time, as the title rules count a short course the person was
    sent on (NĐ 91/2017 điều 10 khoản 3, as its text is quoted; the clause in NĐ 98/2023 and NĐ 152/2025 not checked
    here): where they are needed to reach the months, the title waits for the council, which checks the clause's
    condition (the training institution's rules kept) — never granted on a fact nobody entered.

    A fact nobody entered (rating, months, discipline, review status) is not taken as clean: the
    decision says which are missing ("chưa đủ thông tin"). A year's rating that is not known *yet* (``rating_pending``:
    a period's form unfinished or unreadable, a department's book not sent — the year's score is the periods'
    average, NĐ 233/2026 điều 12 khoản 5) is no missing fact: the title waits for it (pending, "ldtt.rating_pending"
    saying what it waits for), unless a fact known already refuses it. No text in force to cite: pending, for the
    council (:func:`_bare`). A year's rating the tool computed: the decision says it is provisional
    (:func:`_provisional`)."""
    basis = basis_of(rules, rset.LDTT)
    not_considered = _ldtt_not_considered(c, rules, basis)
    if not_considered is not None:
        return not_considered
    waiting = reason("ldtt.rating_pending", why=c.rating_pending) \
        if c.rating is None and c.rating_pending else None
    unknown = _unknown_facts(c, rules, waiting)
    failed = [reason(FACTS_MISSING[c.facts_on_form], fields=unknown)] if unknown else []
    if c.rating is not None and c.rating not in rules.ldtt_ratings:
        failed.append(reason("ldtt.rating", rating=c.rating, needed=RATINGS_OR.join(rules.ldtt_ratings)))
    if c.not_rated:  # a known outcome, not a fact to type: refused on it
        failed.append(reason("ldtt.not_rated"))
    worked = None if c.months is None or "maternity_months" in unknown else \
        min(12.0, c.months + (c.maternity_months or 0) + c.course_months)
    short, judged = _months(c, rules, worked)
    failed += [*short, *_conduct(c, rules)]
    if rules.ldtt_min_classification and (c.total_pending or c.total is None):
        return _school_cited(_total_unknown(c, rules, failed, waiting, judged, basis), rules)
    if c.classification or waiting is None:  # a year's classification is its rating: one pending is no refusal
        failed += _classification(c, rules, levels)
    school_rating = c.rating in _LAW_RATINGS and c.rating not in rules.ldtt_ratings  # the Law takes it, the school not
    return _school_cited(_ldtt_outcome(c, failed, waiting, judged, worked, basis), rules, school_rating)


# What LĐTT asks beyond the Law (điều 24), by the school's Quy chế: refused or waiting on one, it cites both.
_SCHOOL_CONDITIONS = frozenset({"ldtt.days_off", "ldtt.classification", "ldtt.score_pending", "ldtt.no_scores"})
_LAW_RATINGS = cm.Rules().ldtt_ratings  # "hoàn thành tốt nhiệm vụ trở lên"
CITATIONS = frozenset({"basis.cite", "basis.cite_with_school"})  # the reasons a decision's căn cứ is said by


def _school_cited(decision: Decision, rules: cm.Rules, school_only: bool = False) -> Decision:
    """``decision`` with the school's Quy chế cited beside the Law, when it is not granted on a condition only the
    school sets (``school_only``: one the caller knows of)."""
    school, codes = rules.cite(rset.SCHOOL_RULES), {r.code for r in decision.reasons}
    if decision.granted or not school or not (school_only or codes & _SCHOOL_CONDITIONS):
        return decision
    return dataclasses.replace(decision, reasons=tuple(
        reason("basis.cite_with_school", citation=dict(r.params)["citation"], school=school)
        if r.code == "basis.cite" and dict(r.params)["citation"] != school else r for r in decision.reasons))


def _ldtt_not_considered(c: Candidate, rules: cm.Rules, basis: tuple[Reason, ...]) -> Decision | None:
    """LĐTT decided before its conditions are looked at: waiting for a registration book not sent, not registered,
    moved to another school, no text in force to cite; None when the conditions are to be checked."""
    if _registered_rank(c.registered) == 0 and c.registration_unsent:  # not a choice: the title waits for the book
        waited = (reason("ldtt.rating_pending", why=c.rating_pending),) if c.rating is None and c.rating_pending else ()
        return Decision(LDTT, False, (reason("ldtt.registration_unsent"), *waited, *basis), pending=True)
    if _registered_rank(c.registered) == 0:
        return Decision(LDTT, False, (reason("ldtt.not_registered"), *basis))
    if c.moved_to is not None:  # rated, and considered, by the school she works at then (NĐ 233/2026 điều 15.1.a)
        return Decision(LDTT, False, (reason("ldtt.moved_away", school=c.moved_to), *basis))
    if rset.LDTT in rules.unanswered:
        return _bare(LDTT)
    return None


def _unknown_facts(c: Candidate, rules: cm.Rules, waiting: Reason | None) -> tuple[str, ...]:
    """The facts LĐTT needs that nobody entered: the rating (unless it waits for the periods: ``waiting``), the months,
    the maternity months (where the months alone fall short of a person not on sick leave), the days off (where the
    campaign counts them), the discipline and the review."""
    short = c.months is not None and c.months + c.course_months < rules.ldtt_min_months
    sick = c.leave == cm.LEAVE_SICK_WORD
    return tuple(name for name, value in (("rating", c.rating if waiting is None and not c.not_rated else ""),
                                          ("months", c.months),
                                          ("maternity_months", c.maternity_months if short and not sick else 0),
                                          ("days_off", c.days_off if rules.ldtt_max_days_off is not None else 0),
                                          ("discipline", c.discipline), ("under_review", c.under_review))
                 if value is None)


def _months(c: Candidate, rules: cm.Rules, worked: float | None) -> tuple[tuple[Reason, ...], Reason | None]:
    """The months ``worked`` (maternity leave and a course the unit sent counted): (the refusal, what the council
    judges) — a long sick leave short of the months is judged, not refused; a course's months needed are confirmed."""
    if worked is not None and worked < rules.ldtt_min_months:
        if c.leave == cm.LEAVE_SICK_WORD:  # said, not refused on: the council judges a long sick leave
            return (), reason("ldtt.sick_leave", worked=worked, needed=rules.ldtt_min_months)
        return (reason("ldtt.months_short", worked=worked, needed=rules.ldtt_min_months),), None
    if worked is not None and c.course_months and worked - c.course_months < rules.ldtt_min_months:
        return (), reason("ldtt.course_needed", course=c.course_months, worked=worked, needed=rules.ldtt_min_months)
    return (), None


def _conduct(c: Candidate, rules: cm.Rules) -> list[Reason]:
    """The refusals on conduct: too many days off, a discipline from khiển trách, a disciplinary review."""
    found = []
    if rules.ldtt_max_days_off is not None and c.days_off is not None and c.days_off > rules.ldtt_max_days_off:
        found.append(reason("ldtt.days_off", days=c.days_off, max=rules.ldtt_max_days_off))
    if c.discipline and c.discipline != cm.DISCIPLINES[0]:
        found.append(reason("ldtt.disciplined", discipline=c.discipline.lower()))
    if c.under_review:  # its own text (NĐ 152/2025 điều 4), not the title's article the decision ends with
        cited = rules.cite(rset.UNDER_REVIEW)
        found.append(reason("ldtt.under_review_cited", citation=cited) if cited else reason("ldtt.under_review"))
    return found


def _total_unknown(c: Candidate, rules: cm.Rules, failed: list[Reason], waiting: Reason | None,
                   judged: Reason | None, basis: tuple[Reason, ...]) -> Decision:
    """A score's classification is needed and the total is not known (blank cells, or no form at all): unknown is
    never zero, it refuses no one — only what is known (discipline, months …) can, the missing score said beside it;
    else the title waits."""
    unknown_total = reason("ldtt.score_pending", needed=rules.ldtt_min_classification) if c.total_pending else \
        waiting or reason("ldtt.no_scores", needed=rules.ldtt_min_classification)
    known = [r for r in failed if r.code not in FACTS_MISSING.values()]
    said = (judged,) if judged is not None else ()
    return Decision(LDTT, False, (*failed, unknown_total, *said, *basis) if known else
                    (unknown_total, *failed, *said, *basis), pending=not known)


def _classification(c: Candidate, rules: cm.Rules, levels: tuple[cm.Level, ...]) -> tuple[Reason, ...]:
    """The refusal when the score's classification is below the campaign's minimum for LĐTT (none asked: none)."""
    if not rules.ldtt_min_classification:
        return ()
    names = [lv.name for lv in levels]
    needed = names.index(rules.ldtt_min_classification) if rules.ldtt_min_classification in names else 0
    got = names.index(c.classification) if c.classification in names else len(names)
    return (reason("ldtt.classification", got=c.classification or None, needed=rules.ldtt_min_classification),) \
        if got > needed else ()


def _ldtt_outcome(c: Candidate, failed: list[Reason], waiting: Reason | None, judged: Reason | None,
                  worked: float | None, basis: tuple[Reason, ...]) -> Decision:
    """Refused on what failed (waiting, not refused, when all that fails is a fact nobody entered); else waiting for
    the year's rating, or for the council's judgement on the months; else granted, with the months, a leave or a
    course that made them, and the classification."""
    said = (judged,) if judged is not None else ()
    if failed:
        rated = any(r.code == "ldtt.rating" for r in failed)
        waited = (waiting,) if waiting is not None else ()
        known = any(r.code not in FACTS_MISSING.values() for r in failed)  # a fact nobody entered: it waits
        return Decision(LDTT, False, (*failed, *waited, *said, *(_provisional(c) if rated else ()), *basis),
                        pending=not known)
    if waiting is not None:
        return Decision(LDTT, False, (waiting, *said, *basis), pending=True)
    if judged is not None:
        return Decision(LDTT, False, (judged, *_provisional(c), *basis), pending=True)
    maternity = reason("ldtt.maternity", months=c.maternity_months) if c.maternity_months else \
        reason("ldtt.course", months=c.course_months) if c.course_months else None
    classified = (reason("ldtt.classified", classification=c.classification, total=c.total)
                  if c.classification else None)
    return Decision(LDTT, True, (reason("ldtt.granted", rating=c.rating, worked=worked,
                                        maternity=maternity, classified=classified), *_provisional(c), *basis))


def basis_of(rules: cm.Rules, key: str) -> tuple[Reason, ...]:
    """The citation a decision's reasons end with (rule ``key`` of model.rule_set); none without a rule set."""
    cited = rules.cite(key)
    return (reason("basis.cite", citation=cited),) if cited else ()


def _bare(title: str) -> Decision:
    """A title no text in force on the reference day speaks of (a day before every text the tool knows): not
    decided without a căn cứ — pending, the council decides; check.campaign says which day and which texts."""
    return Decision(title, False, (reason("basis.none"),), pending=True)


def _provisional(c: Candidate) -> tuple[Reason, ...]:
    """The reason a decision resting on ``c``'s rating carries when the tool computed that rating from the periods
    (model.evaluation.ComputedRating): provisional until the authority decides it (NĐ 233/2026 điều 13 khoản 3)."""
    return (reason(PROVISIONAL, rating=str(c.rating)),) if isinstance(c.rating, ComputedRating) else ()


def recognised_initiative(c: Candidate) -> bool:
    return bool(c.initiative and c.initiative_decision and c.initiative_level in _RECOGNISED_LEVELS)


def _initiative_level_unknown(c: Candidate) -> bool:
    """A sáng kiến named with its recognition's decision whose level is blank or was unreadable ("Cấp xã", a legacy
    font's letters): its recognition is not known, never taken as none."""
    return bool(c.initiative and c.initiative_decision and c.initiative_level not in _RECOGNISED_LEVELS)


def decide_cstdcs(c: Candidate, ldtt: Decision, rules: cm.Rules) -> Decision | None:
    """CSTĐCS — Luật TĐKT 2022 art. 23: LĐTT and (HTXSNV or a recognised sáng kiến); "và" for both.

    None when the person did not register for CSTĐCS or higher (nothing to decide). It rests on LĐTT: a LĐTT
    refused refuses it ("cstdcs.no_ldtt"); a LĐTT pending (the year's rating not known yet, a long sick leave the
    council judges …) leaves it pending ("cstdcs.ldtt_pending", naming what the LĐTT waits for) — never refused for
    a LĐTT not decided yet —, unless its own condition already fails on what is known (no recognised sáng kiến and
    a rating known and not HTXSNV: refused as it would be with LĐTT). A rating not known yet may still be HTXSNV.
    """
    if _registered_rank(c.registered) < 2:
        return None
    basis = basis_of(rules, rset.CSTDCS)
    if rset.CSTDCS in rules.unanswered:
        return _bare(CSTDCS)
    excellent = c.rating == "HTXSNV"
    initiative, level_unknown = recognised_initiative(c), _initiative_level_unknown(c)
    need_both = rules.cstdcs_condition == "và"
    level = reason("cstdcs.initiative_level_unknown", initiative=c.initiative, decision=c.initiative_decision,
                   levels=", ".join(cm.INITIATIVE_LEVELS)) if level_unknown else None
    if not ldtt.granted:
        resting_on_ldtt = _cstdcs_without_ldtt(c, ldtt, excellent, initiative or level_unknown, need_both, basis)
        if resting_on_ldtt is not None and level is not None and resting_on_ldtt.pending:  # both said at once
            first, *rest = resting_on_ldtt.reasons
            return dataclasses.replace(resting_on_ldtt, reasons=(first, level, *rest))
        if resting_on_ldtt is not None:
            return resting_on_ldtt
    if (excellent and initiative) if need_both else (excellent or initiative):
        return _cstdcs_granted(c, excellent, initiative, basis)
    if level is not None and (excellent or not need_both):  # the sáng kiến's recognition would decide: it waits
        return Decision(CSTDCS, False, (level, *_provisional(c), *basis), pending=True)
    return _school_cited(_cstdcs_refused(c, excellent, initiative or level_unknown, need_both, basis), rules,
                         school_only=excellent or initiative)  # the Law's "or" met, the school's "và" not


def _cstdcs_without_ldtt(c: Candidate, ldtt: Decision, excellent: bool, initiative: bool, need_both: bool,
                         basis: tuple[Reason, ...]) -> Decision | None:
    """CSTĐCS when LĐTT is not granted: refused on a LĐTT refused, pending on a LĐTT pending where its own condition
    could still hold; None when its own condition already fails on what is known (refused as with LĐTT)."""
    resting = tuple(r for r in ldtt.reasons if r.code == PROVISIONAL)  # refused for a computed rating
    could = excellent or c.rating is None  # a rating not known yet may be HTXSNV
    if ldtt.pending and ((could and initiative) if need_both else (could or initiative)):
        return Decision(CSTDCS, False, (reason("cstdcs.ldtt_pending", ldtt=ldtt.reasons[0]), *_provisional(c),
                                        *basis), pending=True)
    if not ldtt.pending:
        return Decision(CSTDCS, False, (reason("cstdcs.no_ldtt"), *resting, *basis))
    return None


def _cstdcs_granted(c: Candidate, excellent: bool, initiative: bool, basis: tuple[Reason, ...]) -> Decision:
    """CSTĐCS granted, saying on what: HTXSNV, the recognised sáng kiến, or both."""
    parts = []
    if excellent:
        parts.append(reason("cstdcs.excellent"))
    if initiative:
        parts.append(reason("cstdcs.initiative", initiative=c.initiative, level=c.initiative_level,
                            decision=c.initiative_decision))
    second = reason("join.and", part=parts[1]) if len(parts) > 1 else None
    return Decision(CSTDCS, True, (reason("cstdcs.granted", first=parts[0], second=second), *_provisional(c),
                                   *basis))


def _cstdcs_refused(c: Candidate, excellent: bool, initiative: bool, need_both: bool,
                    basis: tuple[Reason, ...]) -> Decision:
    """CSTĐCS refused, saying what is missing: HTXSNV (when the rating is known), a recognised sáng kiến
    (``initiative``: one is, or may be — its level not known — so not said missing)."""
    missing = []
    if not excellent and c.rating is not None:  # a rating not known yet is not said "không HTXSNV"
        missing.append(reason("cstdcs.not_excellent"))
    if not initiative:
        missing.append(reason("cstdcs.no_initiative") if not c.initiative else
                       reason("cstdcs.initiative_unrecognised", initiative=c.initiative))
    second = reason("join.or" if need_both else "join.and", part=missing[1]) if len(missing) > 1 else None
    return Decision(CSTDCS, False, (reason("cstdcs.refused", first=missing[0], second=second), *_provisional(c),
                                    *basis))


def decide_higher(c: Candidate) -> Decision | None:
    """A title above CSTĐCS (CSTĐ cấp tỉnh, …) rests on several years' results (Luật TĐKT 2022 art.
    22–23): the tool does not decide it, and says so, rather than staying silent."""
    if _registered_rank(c.registered) < 2 or c.registered == CSTDCS:
        return None
    return Decision(c.registered, False, (reason("higher.needs_history"),), pending=True)


@dataclass(frozen=True)
class Unit:
    """What the collective rules look at for one department."""

    registered: str
    members: int
    ldtt: int
    cstdcs: int
    at_least_htnv: int  # members rated HTNV or better
    disciplined: int  # any discipline
    warned_or_worse: int  # cảnh cáo or heavier
    unrated: int = 0  # members whose rating nobody entered
    discipline_unknown: int = 0  # members whose discipline nobody entered
    under_review: int = 0  # members under disciplinary review, investigation or complaint verification
    ldtt_pending: int = 0  # members whose LĐTT is pending (not known yet, or the council's)
    cstdcs_pending: int = 0  # members whose CSTĐCS is pending
    rating_pending: int = 0  # members whose year rating is not known yet (not counted in ``unrated``)
    not_rated: int = 0  # members the decree does not rate, under six months worked (not counted in ``unrated``)


def decide_collective(u: Unit, rules: cm.Rules) -> list[Decision]:
    """TTLĐXS (Luật TĐKT 2022 art. 27) and TTLĐTT (art. 28), per docs/domain.md §2; a province's floor and "≥"
    (``Rules.ttldtt_at_least``) come in through ``rules``.

    A member disciplined or under disciplinary review blocks neither title: TTLĐXS has no condition of discipline
    (art. 27), TTLĐTT's is "no member disciplined from cảnh cáo", which a review may or may not end in; the granted
    reason says it for the council, which knows the case.

    A title counting members' titles or ratings that are pending is pending too, never refused on them: the LĐTT
    share reached only with the members whose LĐTT is pending, no CSTĐCS granted while one is pending, members whose
    year rating is not known yet (TTLĐXS needs all of them to complete their tasks) — each said
    ("collective.*_pending"); so is one resting on a member's fact nobody entered (a rating, a discipline, a review
    status: "chưa đủ thông tin"); a condition that fails on what is known refuses it as before.
    """
    if not is_registered(u.registered):
        return [Decision(TTLDTT, False, (reason("collective.not_registered"), *basis_of(rules, rset.TTLDTT)))]
    asked = (TTLDXS, TTLDTT) if u.registered == TTLDXS else (TTLDTT,)  # TTLĐTT is decided when TTLĐXS is not
    if {rset.TTLDXS if title == TTLDXS else rset.TTLDTT for title in asked} & set(rules.unanswered):
        return [_bare(title) for title in asked]
    share = 100 * u.ldtt / u.members if u.members else 0
    share_text = reason("collective.share", ldtt=u.ldtt, members=u.members, percent=round(share, 1))
    unknown = []
    if u.discipline_unknown:
        unknown.append(reason("collective.discipline_unknown", count=u.discipline_unknown))
    waiting = reason("collective.ldtt_pending", count=u.ldtt_pending, share=share_text)
    decisions = []
    if u.registered == TTLDXS:
        ttldxs = _ttldxs(u, rules, share, share_text, unknown, waiting)
        if ttldxs.granted:
            return [ttldxs]
        decisions.append(ttldxs)
    decisions.append(_ttldtt(u, rules, share, share_text, unknown, waiting))
    return decisions


def _ttldxs(u: Unit, rules: cm.Rules, share: float, share_text: Reason, unknown: list[Reason],
            waiting: Reason) -> Decision:
    """TTLĐXS (art. 27): every condition checked, each failure said; pending when only pending members stand in the
    way. Its conditions hold no discipline (Luật TĐKT 2022 điều 27 khoản 1, as Bắc Ninh QĐ 86/2025 điều 3 khoản 2
    điểm b repeats it; the 2003 Law's "no one from cảnh cáo up" is gone): a member disciplined or under review
    refuses nothing and waits for nothing here, and is said in the granted reason for the council, which judges the
    unit's "nội bộ đoàn kết, gương mẫu chấp hành tốt … pháp luật" (điểm đ). ``unknown`` (the facts TTLĐTT waits
    for: discipline) is not this title's."""
    basis = basis_of(rules, rset.TTLDXS)
    unknown = [reason("collective.unrated", count=u.unrated)] if u.unrated else []
    failed, pending = [], [*unknown]  # a fact nobody entered refuses nothing: the title waits for it
    if u.rating_pending:
        pending.append(reason("collective.rating_pending", count=u.rating_pending))
    if u.not_rated:  # "100 % hoàn thành nhiệm vụ" of a member with no rating by law: the council's judgement
        pending.append(reason("collective.not_rated", count=u.not_rated))
    if u.at_least_htnv + u.unrated + u.rating_pending + u.not_rated < u.members:
        failed.append(reason("collective.not_done",
                             count=u.members - u.at_least_htnv - u.unrated - u.rating_pending - u.not_rated))
    if share < rules.ttldxs_min_percent:
        if _reached(u, rules.ttldxs_min_percent, True):
            pending.append(waiting)
        else:
            failed.append(reason("collective.share_below", share=share_text,
                                 needed=rules.ttldxs_min_percent))
    if u.cstdcs < 1 and u.cstdcs_pending:
        pending.append(reason("collective.cstdcs_pending", count=u.cstdcs_pending))
    elif u.cstdcs < 1:
        failed.append(reason("collective.no_cstdcs"))
    if not failed and not pending:
        said = (*((reason("collective.disciplined_said", count=u.disciplined),) if u.disciplined else ()),
                *((reason("collective.review_said", count=u.under_review),) if u.under_review else ()))
        return Decision(TTLDXS, True, (reason("collective.ttldxs_granted", share=share_text, cstdcs=u.cstdcs),
                                       *said, *basis))
    return Decision(TTLDXS, False, (*failed, *unknown, *basis) if failed else (*pending, *basis), pending=not failed)


def _ttldtt(u: Unit, rules: cm.Rules, share: float, share_text: Reason, unknown: list[Reason],
            waiting: Reason) -> Decision:
    """TTLĐTT (art. 28): the LĐTT share (from or above the floor, as ``Rules.ttldtt_at_least`` says) and no member
    warned or worse; a member under review is said in the granted reason, for the council."""
    basis = basis_of(rules, rset.TTLDTT)
    failed, pending = [], [*unknown]
    below = share < rules.ttldtt_min_percent if rules.ttldtt_at_least else share <= rules.ttldtt_min_percent
    if below and _reached(u, rules.ttldtt_min_percent, rules.ttldtt_at_least):
        pending.append(waiting)
    elif below:
        failed.append(reason("collective.share_below" if rules.ttldtt_at_least else "collective.share_not_above",
                             share=share_text, needed=rules.ttldtt_min_percent))
    if u.warned_or_worse:
        failed.append(reason("collective.warned", count=u.warned_or_worse))
    if failed:  # the facts nobody entered said beside what fails
        return Decision(TTLDTT, False, (*failed, *unknown, *basis))
    if pending:
        return Decision(TTLDTT, False, (*pending, *basis), pending=True)
    review = (reason("collective.review_pending", count=u.under_review),) if u.under_review else ()
    return Decision(TTLDTT, True, (reason("collective.ttldtt_granted", share=share_text), *review, *basis))


def _reached(u: Unit, percent: float, at_least: bool) -> bool:
    """The LĐTT share would reach ``percent`` (from it: ``at_least``; else above it) were the members whose LĐTT is
    pending granted it: a share not reached yet, rather than one that fails."""
    if not u.ldtt_pending or not u.members:
        return False
    share = 100 * (u.ldtt + u.ldtt_pending) / u.members
    return share >= percent if at_least else share > percent
