"""What the merge decided: scores, a person's and a department's results, and the :class:`Summary` every
writer takes. Values only: made by decide/, written by write/ and papers/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import CouncilChange, Tally
from thidua_xlsx.model.decisions import Applied
from thidua_xlsx.model.decisions import Decision as Decision  # said in model.decisions: model.history holds them too
from thidua_xlsx.model.evaluation import UNKNOWN_PARTS, Parts, YearRating, YearResults
from thidua_xlsx.model.history import HistoryResults
from thidua_xlsx.model.inbox import ACCEPTED, DEPT, SELF, InboxFile
from thidua_xlsx.model.issues import Issue, Reason
from thidua_xlsx.model.layout import SCORING
from thidua_xlsx.model.titles import LDTT, is_registered


@dataclass(frozen=True, slots=True)  # one or more per person: no __dict__ each
class Score:
    total: float | None  # None: nothing entered in this column
    groups: dict[str, float | None]  # None: a subtotal unknown (a column begun with a cell blank or unreadable)
    gate_ok: bool
    entered: int
    blank_required: int


SOURCE_SELF, SOURCE_DEPT, SOURCE_COUNCIL = SELF, DEPT, "council"


STATUS_SUBMITTED, STATUS_DEPT_MISSING, STATUS_SHEET_MISSING = "submitted", "department_missing", "sheet_missing"


@dataclass(frozen=True, slots=True)  # one or more per person: no __dict__ each
class PersonResult:
    code: str
    name: str
    department: str
    department_name: str
    role: str
    position: str
    status: str  # a STATUS_* code
    newcomer: bool = False
    file: str = ""
    sheet: str = ""
    registered: str = ""  # a title code, titles.NOT_REGISTERED or "" (nothing chosen)
    form: str = ""
    initiative: str = ""
    note: str = ""
    facts: cm.Facts = cm.Facts()
    facts_on_form: bool = False  # its facts typed by its department at the head of its form (Tổ nhập), not the roster's
    self_score: Score | None = None
    dept_score: Score | None = None
    final: float | None = None
    final_source: str = ""  # a SOURCE_* code
    classification: str = ""
    rank_school: int | None = None
    rank_department: int | None = None
    decisions: tuple[Decision, ...] = ()
    flags: tuple[Reason, ...] = ()
    council_score: float | None = None  # what the council typed, after a council pass
    council_decision: str = ""  # "" (agree with the proposal), a title code or titles.NO_PROPOSAL
    council_note: str = ""
    council_parts: Parts = UNKNOWN_PARTS  # a period's head pass: her score's two parts, where she gave both

    @property
    def has_registered(self) -> bool:
        return is_registered(self.registered)

    def granted(self, title: str) -> bool:
        return is_granted(self.decisions, title)

    @property
    def proposed(self) -> str:
        """The highest title granted ("" if none)."""
        granted = [d.title for d in self.decisions if d.granted]
        return granted[-1] if granted else ""


@dataclass(frozen=True)
class DepartmentResult:
    code: str
    name: str
    members: int
    submitted: bool
    file: str = ""
    collective: str = ""  # the collective title registered: a code, titles.NOT_REGISTERED or ""
    decisions: tuple[Decision, ...] = ()
    # the collective decision's own counts (decide.consolidate.decide_departments), printed as they are on sheet Tập
    # thể and the lists: its members LĐTT, CSTĐCS, disciplined — of ``members``, those here when it is decided
    ldtt: int = 0
    cstdcs: int = 0
    disciplined: int = 0

    @property
    def proposed(self) -> str:
        granted = [d.title for d in self.decisions if d.granted]
        return granted[0] if granted else ""


@dataclass(frozen=True)
class Summary:
    campaign: cm.Campaign
    round: str
    files: tuple[InboxFile, ...]
    people: tuple[PersonResult, ...]
    departments: tuple[DepartmentResult, ...]
    issues: tuple[Issue, ...]
    newest_input: dt.datetime | None
    tally: Tally | None = None  # the council's vote, after a council pass
    council_changes: tuple[CouncilChange, ...] = ()  # what the council changed, after a council pass
    period: str = ""  # the period merged, by code ("": the year's single round)
    year: YearResults | None = None  # a summary made from the periods' summaries: their scores and the ratings
    history: HistoryResults | None = None  # the earlier years read (--history): the multi-year decisions
    applied: tuple[Applied, ...] = ()  # whose word it rests on: the registration, the head's and council's passes
    draft: tuple[tuple[str, str], ...] = ()  # a year still running: (period code, why) for each period not final

    @property
    def period_label(self) -> str:
        """The period as people read it ("Tháng 11/2026"); "" without one."""
        periods = self.campaign.periods if self.campaign else ()
        return next((p.label for p in periods if p.code == self.period), self.period)

    @property
    def decides_titles(self) -> bool:
        """Whether this round decides titles: the year's scoring round (a school's single one, or its year made from the
        periods), never the registration or one period (a period's summary has no decision column)."""
        return self.round == SCORING and not self.period

    @property
    def accepted_files(self) -> list[InboxFile]:
        return [f for f in self.files if f.status == ACCEPTED]


RATING_COMPUTED, RATING_ENTERED, RATING_COUNCIL = "computed", "entered", "council"  # where a year's rating comes from


def rating_source(p: PersonResult, rating: YearRating) -> str:
    """Where ``p``'s year rating comes from: the competent authority's, entered in Nhân sự, wins (NĐ 233/2026 điều 13
    khoản 3); else the council's year score, rated by the decree's rules; else the periods' scores."""
    if rating.entered:
        return RATING_ENTERED
    return RATING_COUNCIL if p.final_source == SOURCE_COUNCIL else RATING_COMPUTED


@dataclass(frozen=True)
class Provisional:
    """Who is proposed on a year rating the tool computed from the periods that the competent authority has not
    decided (NĐ 233/2026 điều 13 khoản 3, điều 15 khoản 3 điểm c; docs/domain.md §4d "computed is not decided"): people
    granted a title on such a rating, and the departments granted a collective title that count one of them among
    their LĐTT — by code. Empty outside a year made from its periods (there the roster's rating is the authority's).
    One reckoning for the screen, the workbook's Biên bản and Tờ trình, and the Word papers."""

    people: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()

    @property
    def count(self) -> int:
        return len(self.people) + len(self.units)


def provisional(summary: Summary) -> Provisional:
    """The proposals of ``summary`` that are provisional (:class:`Provisional`)."""
    year = summary.year
    if year is None:
        return Provisional()
    computed = {code for code, r in year.ratings.items() if not r.entered and r.rating in cm.RATINGS}
    people = frozenset(p.code for p in summary.people if p.code in computed and any(d.granted for d in p.decisions))
    members = by_department(summary.people)
    units = frozenset(d.code for d in summary.departments if d.proposed and any(
        p.code in people and p.granted(LDTT) for p in members.get(d.code, ())))
    return Provisional(people, units)


def passed_not_proposed(summary: Summary, title: str) -> list[tuple[PersonResult, Decision]]:
    """Those the secret ballot passed for ``title`` whom the summary does not propose for it, each with its decision
    (a sáng kiến already spent, a tie the council settled, the quota): the minutes say why beside the count."""
    if summary.tally is None:
        return []
    passed = {r.code for r in summary.tally.results if r.title == title and r.passed}
    return [(p, d) for p in summary.people if p.code in passed
            for d in p.decisions if d.title == title and not d.granted]


def away(p: PersonResult, period: str) -> bool:
    """``p`` is marked in sheet Nhân sự as wholly on leave for ``period`` (NĐ 233/2026 điều 14 khoản 2): a period
    away, not a score missing — nobody asks the department for it."""
    return bool(period) and period in p.facts.away


def sent_count(summary: Summary) -> tuple[int, int, int]:
    """What a Biên bản says was sent, from the facts: the people of the departments that sent, those departments, and
    all departments (a year's department sent when it sent the book of every period over)."""
    sent = {d.code for d in summary.departments if d.submitted}
    return sum(p.department in sent for p in summary.people), len(sent), len(summary.departments)


class _OfDepartment(Protocol):
    @property
    def department(self) -> str: ...


_Member = TypeVar("_Member", bound=_OfDepartment)


def by_department(people: Iterable[_Member]) -> dict[str, list[_Member]]:
    """Department code → its people (roster persons or results), in the order given: one pass, so
    that the loops over departments cost the number of people, not departments × people."""
    groups: dict[str, list[_Member]] = {}
    for p in people:
        groups.setdefault(p.department, []).append(p)
    return groups


def is_granted(decisions: tuple[Decision, ...], title: str) -> bool:
    return any(d.title == title and d.granted for d in decisions)
