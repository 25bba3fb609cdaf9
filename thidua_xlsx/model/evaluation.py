"""The evaluation year of Nghị định 233/2026/NĐ-CP, as values: its periods, a person's period scores and
facts, the year's formula and rules, and the year's rating of each person (decided in
:mod:`thidua_xlsx.decide.evaluation`).

Since 01/07/2026 a viên chức is scored monthly or quarterly (NĐ 233/2026 điều 3 khoản 5) on 100 points
(general criteria ≤ 30, task results ≤ 70: điều 10, 11); the year's score comes from the periods' scores
(điều 12 khoản 5, the average: điều 15 khoản 1 điểm a) and the year's rating from it (điều 12). Codes
here, words in :mod:`thidua_xlsx.text.messages`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

# The periods and the year's formula are declared by a campaign (campaign.xlsx, sheet Kỳ đánh giá), so they live
# in model/campaign (which this module imports: the other way round would be a cycle); named here as well.
from thidua_xlsx.model.campaign import AVERAGE as AVERAGE
from thidua_xlsx.model.campaign import LEAVE_MATERNITY_WORD as MATERNITY_WORD
from thidua_xlsx.model.campaign import LEAVE_SICK_WORD as SICK_WORD
from thidua_xlsx.model.campaign import LEAVE_STUDY_WORD as STUDY_WORD
from thidua_xlsx.model.campaign import LEAVE_UNPAID_WORD as UNPAID_WORD
from thidua_xlsx.model.campaign import RATINGS, SCORE, Level, Rubric, YearFormula
from thidua_xlsx.model.campaign import SEMESTERS as SEMESTERS
from thidua_xlsx.model.campaign import WEIGHTED as WEIGHTED
from thidua_xlsx.model.campaign import Period as Period
from thidua_xlsx.model.decisions import Applied
from thidua_xlsx.model.inbox import DEPT, SELF
from thidua_xlsx.model.issues import Reason
from thidua_xlsx.model.rule_set import Band

HTXSNV, HTTNV, HTNV, KHTNV = RATINGS  # best first (NĐ 233/2026 điều 12 khoản 1–4)
NOT_RATED = "KHONG_XEP_LOAI"  # no year rating: no period score, or fewer than 6 months worked (điều 14 khoản 1)
PENDING = "CHUA_XEP_LOAI"  # not rated yet: a period unreadable, unfinished or unsent, a discipline's scope unsaid

# Leave during the year (điều 14 khoản 2).
LEAVE_UNPAID = "NGHI_VIEC_RIENG"  # personal leave without pay
LEAVE_SICK = "NGHI_OM"  # sick leave under the social insurance law
LEAVE_MATERNITY = "NGHI_THAI_SAN"  # maternity leave under the social insurance law
LEAVE_STUDY = "DI_HOC"  # a course the unit sent the person on: away for a legitimate reason (điều 15 khoản 1 điểm c)
INSURED_LEAVE = frozenset({LEAVE_SICK, LEAVE_MATERNITY})  # rated on the time worked, even under 6 months
LEAVE_OF_WORD = {MATERNITY_WORD: LEAVE_MATERNITY, SICK_WORD: LEAVE_SICK, UNPAID_WORD: LEAVE_UNPAID,
                 STUDY_WORD: LEAVE_STUDY}  # sheet Nhân sự

# A discipline decided this year for an act of the former unit (điều 14 khoản 3 điểm c): YearFacts.discipline_act.
ACT_FORMER_UNIT = "DON_VI_CU"

# What the HTXSNV cap is a share of (điều 12 khoản 6): its words are "tổng số viên chức được xếp loại HTTNV".
CAP_BASE_HTTNV = "HTTNV"  # those rated HTTNV once the cap is applied (the capped among them): the default
CAP_BASE_AT_LEAST_HTTNV = "HTTNV_TRO_LEN"  # those reaching HTTNV or better, the reading some guidance gives

BANDS = (Level(HTXSNV, 90), Level(HTTNV, 70), Level(HTNV, 50))  # below the last: KHTNV (điều 12 khoản 1–4)

# The two parts of the 100 points (điều 10: the general criteria, at most 30; điều 11: the task results, at most 70),
# the lines of part I of the Phiếu xếp loại (Phụ lục II): codes, worded in the message catalogue.
GENERAL, TASKS = "general", "tasks"
PART_MAX = {GENERAL: 30, TASKS: 70}
PARTS_TOLERANCE = 0.001  # parts and totals are kept to 4 decimals each: their sum may differ by 0.0001

# A decision resting on a rating the tool computed, not yet the authority's (điều 13 khoản 3, điều 15 khoản 2–3):
# the code of the reason that says so, which the summary and the papers print as "tạm thời".
PROVISIONAL = "rating.provisional"


class ComputedRating(str):
    """A year's rating as the tool computed it from the periods — not the competent authority's decision (NĐ
    233/2026 điều 13 khoản 3; for the head, the managing body's: khoản 3 điểm a). Compares and words as its code;
    the title rules add :data:`PROVISIONAL` to a decision resting on it."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)  # one per person and period: no __dict__ each
class Parts:
    """A score's two parts (NĐ 233/2026 điều 10, 11; part I of the Phiếu xếp loại): the general criteria (≤ 30) and
    the task results (≤ 70). None: not known — never 0."""

    general: float | None = None
    tasks: float | None = None

    def get(self, part: str) -> float | None:
        """The part of code ``part`` (:data:`GENERAL` or :data:`TASKS`)."""
        return self.general if part == GENERAL else self.tasks

    def make(self, total: float | None) -> bool:
        """Both parts known and adding up to ``total``: the parts of that score, not of another."""
        return self.general is not None and self.tasks is not None and total is not None and \
            abs(self.general + self.tasks - total) <= PARTS_TOLERANCE


UNKNOWN_PARTS = Parts()


def decree_groups(rubric: Rubric) -> dict[str, str]:
    """The rubric's group code of each part, where the rubric is the decree's frame: one "cộng" group of 30 points
    and one of 70, nothing else (a bonus or a deduction would be in neither part); else nothing."""
    if len(rubric.groups) != 2 or any(g.kind != SCORE for g in rubric.groups):
        return {}
    by_max = {g.max: g.code for g in rubric.groups}
    return {part: by_max[most] for part, most in PART_MAX.items()} if set(by_max) == set(PART_MAX.values()) else {}


def decree_parts(rubric: Rubric, groups: Mapping[str, float | None]) -> Parts:
    """The two parts of a score made with ``rubric`` (``groups``: its groups' subtotals by code, None: not known)."""
    codes = decree_groups(rubric)
    return Parts(groups.get(codes[GENERAL]), groups.get(codes[TASKS])) if codes else UNKNOWN_PARTS


@dataclass(frozen=True, slots=True)  # one per person: no __dict__ each
class PeriodScores:
    """A person's score in each period. A period absent or None has no score: never 0 (a period nobody
    scored is not a period scored nothing). ``unreadable``: the periods whose score was there but could not be
    read back (a text, a score out of range): the year is left pending, never rated on the others. ``parts``: the
    two parts of each period's score, where known (not used by the rating: the year's parts come from them).
    ``unfinished``: the periods whose form was begun but not completed (a required criterion blank): the score is
    not known yet — the department's unfinished job, not a period away —, the year waits for it (điều 12 khoản 5).
    ``unsent``: the periods whose book the person's department did not send (nobody of it scored there, the period's
    summary made without it): not known either, the year waits for the book (điều 12 khoản 5)."""

    person: str
    scores: Mapping[str, float | None]
    unreadable: tuple[str, ...] = ()
    parts: Mapping[str, Parts] = field(default_factory=dict)
    unfinished: tuple[str, ...] = ()
    unsent: tuple[str, ...] = ()
    # the periods not over on the school's day of the run, running or not begun: nobody's to score yet, never missing
    running: tuple[str, ...] = ()
    not_begun: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)  # one per person: no __dict__ each
class YearFacts:
    """What the year's rating needs beyond the scores; None: not known (not "clean").

    ``unit`` and ``group`` are where the HTXSNV cap is counted (điều 12 khoản 6: the same unit and each
    group with similar tasks, e.g. leaders and staff); ``head_of`` the unit this person heads (điều 12
    khoản 7); ``months_worked`` the months actually worked in the year, leave excluded (điều 14);
    ``discipline`` the heaviest discipline of the year (a word of :data:`~thidua_xlsx.model.campaign.DISCIPLINES`)
    and ``discipline_scope`` what it was for (a word of :data:`~thidua_xlsx.model.campaign.DISCIPLINE_SCOPES`; None:
    not said — never assumed); ``entered`` the rating the competent authority decided (sheet Nhân sự), which wins over
    the computed one; ``away`` the periods wholly on leave (điều 14 khoản 2: rated on the time actually worked) and
    ``before_start`` those that ended before the person started (a newcomer's): neither is a period missing;
    ``discipline_act`` the school year of the act the discipline was decided for ("2024-2025"; "" this year's) or
    :data:`ACT_FORMER_UNIT`, and ``act_rating`` that year's rating as the history reads it (None: not known);
    ``moved_on`` (ISO) and ``moved_to`` a move to another school during the year, ``after_leaving`` the periods from
    that day — not hers, not missing: the new school rates her year (điều 15 khoản 1 điểm a).
    """

    person: str
    unit: str = ""
    group: str = ""
    head_of: str = ""
    months_worked: float | None = None
    leave: frozenset[str] = frozenset()
    discipline: str | None = None
    entered: str | None = None
    discipline_scope: str | None = None
    away: frozenset[str] = frozenset()
    before_start: frozenset[str] = frozenset()
    discipline_act: str = ""
    act_rating: str | None = None
    moved_on: str = ""
    moved_to: str = ""
    after_leaving: frozenset[str] = frozenset()


@dataclass(frozen=True)
class YearRules:
    """The year's parameters, each a campaign setting; the defaults are NĐ 233/2026's.

    ``bands``: the minimum of each rating, best first (điều 12 khoản 1–3; a :class:`Band` may be "trên" its
    minimum, as Hải Phòng's "trên 90"); ``cap_percent``: HTXSNV at most
    this share (điều 12 khoản 6 điểm a); ``excellent_unit_cap_percent``: the share the unit decided for a year it
    is itself rated HTXSNV (điểm b: above 20 %, at most 25 % — the unit's choice, never automatic: None, not
    decided, keeps ``cap_percent``); ``small_groups_together``: the groups of ``small_group`` people or fewer in a
    unit counted with its largest group (by the letter of điểm a each is its own group, where 20 % of five or fewer
    is no slot);
    ``min_months``: fewer months worked, not rated (điều 14 khoản 1); ``managing_body``: who rates the head (điều
    13 khoản 3 điểm a), as the reasons name it.
    """

    formula: YearFormula = YearFormula()
    bands: tuple[Level | Band, ...] = BANDS
    bands_citation: str = ""  # a province's scale (model.rule_set): its bands' reasons cite it, not NĐ 233/2026
    disciplined_citation: str = ""  # that scale's KHTNV for any discipline in the year (Hải Phòng): its article
    cap_percent: float = 20
    excellent_unit_cap_percent: float | None = None
    cap_base: str = CAP_BASE_HTTNV
    small_groups_together: bool = False
    small_group: int = 5
    min_months: float = 6
    managing_body: str = ""


@dataclass(frozen=True, slots=True)  # one per person: no __dict__ each
class YearRating:
    """A person's year: the score, the rating, and why.

    ``computed`` is what the periods and the rules give; ``rating`` is the one that counts — the
    authority's entered rating when there is one (``entered``), else the computed one. ``used`` and
    ``missing`` are the periods with and without a score, by code; ``unreadable``: those whose score could not be
    read back (the year pending); ``capped``: HTXSNV by the score but HTTNV by the cap (điều 12 khoản 6), outside
    it or tied at its edge; ``head``: the head of the unit, whom the managing body rates (điều 13 khoản 3 điểm a) —
    the school's computed rating is its proposal, outside the school's cap; ``parts``: the year's score in its two
    parts (điều 10, 11), each known only where every period the score used has it; ``unfinished``: the periods
    whose form is not completed (the year pending, said as unfinished, not as absent); ``away`` the periods wholly on
    leave and ``before_start`` those before a newcomer's start, ``after_leaving`` those from the day she moved to
    another school — not the person's periods, not missing; ``unsent`` the periods whose book the department did not
    send (the year pending until it comes).
    """

    person: str
    score: float | None
    rating: str
    computed: str
    used: tuple[str, ...]
    missing: tuple[str, ...]
    reasons: tuple[Reason, ...] = ()
    capped: bool = False
    entered: bool = False
    head: bool = False
    unreadable: tuple[str, ...] = ()
    parts: Parts = UNKNOWN_PARTS
    unfinished: tuple[str, ...] = ()
    away: tuple[str, ...] = ()
    before_start: tuple[str, ...] = ()
    unsent: tuple[str, ...] = ()
    after_leaving: tuple[str, ...] = ()
    later: tuple[str, ...] = ()  # the periods not over on the day of the run, without a score: not missing, to come

    @property
    def not_theirs(self) -> tuple[str, ...]:
        """The periods that are not the person's: wholly away, before their start, after they moved away."""
        return (*self.away, *self.before_start, *self.after_leaving)

    def periods_counted(self, total: int) -> int:
        """How many of the year's ``total`` periods are the person's so far, as the law counts them — the "of" of "2/2
        kỳ" on every output: a period not theirs (away, before their start, after they moved away) is not one missing
        (NĐ 233/2026 điều 14 khoản 2, điều 15 khoản 1 điểm a), nor, in a year still running, a period to come (điều
        12 khoản 5: the year from the periods' results)."""
        return total - len(self.not_theirs) - len(self.later)

    @property
    def months_short(self) -> Reason | None:
        """Why the decree does not rate this year — under six months worked (điều 14 khoản 1), with the months —, or
        None: the titles resting on a rating are refused on it, none waits for it (decide.rules)."""
        if self.entered or self.rating != NOT_RATED:
            return None
        return next((r for r in self.reasons if r.code in ("year.months_short", "year.months_short_unpaid")), None)

    @property
    def overridden(self) -> bool:
        """The entered rating differs from the computed one (a reason flags it for the council)."""
        return self.rating != self.computed

    @property
    def provisional(self) -> bool:
        """A rating the tool computed, not yet the authority's (điều 13 khoản 3): what rests on it is provisional."""
        return not self.entered and self.rating in RATINGS

    @property
    def reason(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    def to_dict(self) -> dict[str, object]:
        return {"person": self.person, "score": self.score, "rating": self.rating, "computed": self.computed,
                "entered": self.entered, "provisional": self.provisional, "capped": self.capped, "head": self.head,
                "used": list(self.used), "missing": list(self.missing), "unreadable": list(self.unreadable),
                "unfinished": list(self.unfinished), "away": list(self.away), "before_start": list(self.before_start),
                "parts": {GENERAL: self.parts.general, TASKS: self.parts.tasks},
                "reasons": [r.to_dict() for r in self.reasons],
                **({"unsent": list(self.unsent)} if self.unsent else {}),  # a book not sent: said where there is one
                **({"after_leaving": list(self.after_leaving)} if self.after_leaving else {}),  # a move: where one is
                **({"later": list(self.later)} if self.later else {})}  # a year still running: its periods to come



# Why the head's pass gave a period's score (:class:`HeadScore`): a correction of the department's score, a
# transfer-in's result at her former school (the department gave none: NĐ 233/2026 điều 15 khoản 1 điểm a), or not
# said (a summary written by an earlier release keeps no reason).
HEAD_CORRECTED, HEAD_FORMER_SCHOOL, HEAD_NOT_SAID = "corrected", "former_school", ""


@dataclass(frozen=True, slots=True)
class HeadScore:
    """What the head's pass on a period says of the score it gave: ``kind`` (HEAD_CORRECTED, HEAD_FORMER_SCHOOL,
    HEAD_NOT_SAID), the score it replaced (a correction's) and the head's note (Ghi chú Hội đồng)."""

    kind: str = HEAD_NOT_SAID
    before: float | None = None
    note: str = ""


HEAD_UNSAID = HeadScore()


@dataclass(frozen=True, slots=True)  # one per person and period: no __dict__ each
class PeriodEntry:
    """A person's result in one period's summary (its metadata): the score that counts (None: none), where
    it came from (self, department, the head's column of the council's pass), what the person registered, and
    the score's two parts (not known: in a summary written before they were kept, or for the head's score)."""

    final: float | None
    source: str = ""
    registered: str = ""
    form: str = ""
    initiative: str = ""
    unreadable: bool = False  # its score was there but not a number in range: said, never used
    parts: Parts = UNKNOWN_PARTS
    head: HeadScore = HEAD_UNSAID  # the head's pass gave the score (source "council"): why, where its summary says

    @property
    def unfinished(self) -> bool:
        """A form begun but not completed: no score, yet the column it would come from is named (the merge names the
        self or department column begun with a required criterion blank; a form left blank names none)."""
        return self.final is None and not self.unreadable and self.source in (SELF, DEPT)


@dataclass(frozen=True)
class PeriodSummary:
    """One period's summary as the year reads it: its file (by name in the folder), its period, whether the
    head's pass made it (``council``), and its people's results by staff code."""

    file: str
    period: str
    council: bool
    people: Mapping[str, PeriodEntry]
    collectives: Mapping[str, str] = field(default_factory=dict)  # department code → its collective title registered
    applied: tuple[Applied, ...] = ()  # the head's pass it rests on, as its metadata says


PERIOD_OVER, PERIOD_RUNNING, PERIOD_NOT_BEGUN = "over", "running", "not_begun"
# A period of a person's year on the day of the run (:meth:`YearResults.period_of`): computed once, worded once
# (text.decisions.PERIOD_WORDS) and printed from that one value on every paper, sheet, page and JSON. Besides the two
# above: a score, none for a period over, a period from the day the person moved away, wholly on leave, before a
# newcomer's start, a form returned unfinished (a required item blank) or a score returned unreadable.
SCORED, MISSING, LEFT, AWAY, BEFORE_START = "scored", "missing", "left", "away", "before_start"
UNFINISHED, UNREADABLE = "unfinished", "unreadable"


def period_state(start: dt.date, end: dt.date, today: dt.date | None) -> str:
    """A period's state on ``today`` (None: every period over): not begun, running (its last day included), over."""
    if today is None or end < today:
        return PERIOD_OVER
    return PERIOD_RUNNING if start <= today else PERIOD_NOT_BEGUN


@dataclass(frozen=True)
class YearResults:
    """The year of a summary made from its periods (``thidua-xlsx year``): the campaign's periods, the file used
    for each (absent: no summary of that period), every person's period scores and the year's rating."""

    periods: tuple[Period, ...]
    used: Mapping[str, str]  # period code → the file of the summary used
    scores: Mapping[str, Mapping[str, float | None]]  # person → period code → score
    ratings: Mapping[str, YearRating]  # person → the year
    parts: Mapping[str, Mapping[str, Parts]] = field(default_factory=dict)  # person → period code → its two parts
    # person → each period whose score the head's pass gave (in the periods' order) → why: a correction of the
    # department's score with her note, or a transfer's month at the former school
    head_entered: Mapping[str, Mapping[str, HeadScore]] = field(default_factory=dict)
    # period code → PERIOD_RUNNING or PERIOD_NOT_BEGUN on the school's day of the run (absent: over)
    states: Mapping[str, str] = field(default_factory=dict)
    # department code → the periods whose summary has a score (or a form) of one of its people: the books it sent
    sent: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # the departments that sent their registration book (None: the registration round not merged, or not known)
    registration_sent: tuple[str, ...] | None = None

    def state(self, period: str) -> str:
        """``period``'s state on the day of the run: PERIOD_OVER, PERIOD_RUNNING or PERIOD_NOT_BEGUN."""
        return self.states.get(period, PERIOD_OVER)

    def period_of(self, person: str, period: str) -> str:
        """``person``'s ``period`` on the day of the run, one state: from the day they moved away, or wholly on leave
        (a score typed there is not the year's: decide.evaluation sets it aside); scored; before a newcomer's start; a
        book returned that cannot be counted yet (a form unfinished, a score unreadable: the year waits for it, the
        period over or not); else not begun, running, or — over — missing."""
        rating = self.ratings.get(person)
        found: tuple[tuple[str, tuple[str, ...]], ...] = \
            ((LEFT, rating.after_leaving), (AWAY, rating.away)) if rating is not None else ()
        if self.scores.get(person, {}).get(period) is not None:
            return next((state for state, periods in found if period in periods), SCORED)
        if rating is not None:
            found += ((BEFORE_START, rating.before_start), (UNFINISHED, rating.unfinished),
                      (UNREADABLE, rating.unreadable))
        state = self.state(period)
        return next((state for state, periods in found if period in periods),
                    MISSING if state == PERIOD_OVER else state)

    def periods_of(self, person: str) -> dict[str, str]:
        """``person``'s state in each period of the year (:meth:`period_of`), by period code."""
        return {p.code: self.period_of(person, p.code) for p in self.periods}

    def over(self) -> tuple[Period, ...]:
        """The periods over on the day of the run: the only ones a book can be missing for."""
        return tuple(p for p in self.periods if self.state(p.code) == PERIOD_OVER)

    def covered(self) -> tuple[Period, ...]:
        """The periods the year's papers cover: those over, and those not over whose summary was made all the same (a
        book sent before its period ended counts as sent)."""
        return tuple(p for p in self.periods if self.state(p.code) == PERIOD_OVER or p.code in self.used)

    def department_sent(self, department: str) -> bool:
        """Whether ``department`` sent its book of every period covered (at least one): a Biên bản's "tổ đã nộp"."""
        covered = self.covered()
        return bool(covered) and all(p.code in self.sent.get(department, ()) for p in covered)

    @property
    def missing(self) -> tuple[Period, ...]:
        """The campaign's periods no summary was given for."""
        return tuple(p for p in self.periods if p.code not in self.used)
