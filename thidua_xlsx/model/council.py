"""The council's word as values: what the secretary typed in the council's summary (entries, the vote
count), the tally counted from it, and the change log of what the council changed."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.evaluation import UNKNOWN_PARTS, Parts
from thidua_xlsx.model.issues import Issue, Reason

TIE_OPEN = "tie_open"  # before a tie the council settled: the tie, left to the council
NOT_PASSED = "not_passed"  # after a vote that did not reach its threshold


@dataclass(frozen=True)
class CouncilChange:
    """One line of the change log: the council changed ``what`` of a person (or a department).

    ``before`` and ``after`` are scores (a number, None: none) for "score"; for the others a title code
    ("": no title), :data:`TIE_OPEN` or :data:`NOT_PASSED` — worded by the writers."""

    code: str
    name: str
    what: str  # a code: "score", "title", "vote", "tie"
    before: str | float | None
    after: str | float | None
    note: str  # what the council typed as its reason
    against_rule: bool = False  # accepted only because a note was given; flagged
    reason: Reason | None = None  # the tool's reason, when the change is not the council's choice (a vote)


@dataclass(frozen=True)
class CouncilEntry:
    code: str
    score: float | None
    decision: str  # "" (agree with the proposal), a title code, or titles.NO_PROPOSAL
    note: str
    sheet: str
    row: int  # 1-based, for the messages
    # a period's pass: the two parts of the head's score where she typed both and they add up to it (a transfer-in's
    # former school result); else not known — her score a total alone
    parts: Parts = UNKNOWN_PARTS


@dataclass(frozen=True)
class CouncilInput:
    file: str
    meta: ly.SummaryMeta
    entries: tuple[CouncilEntry, ...]
    tally: TallyInput
    issues: tuple[Issue, ...]
    codes: frozenset[str] = frozenset()  # every person code the council's sheet still shows a row for


@dataclass(frozen=True)
class Candidate:
    """One line of a ballot: a person (or a department, for a collective title) for one title."""

    code: str
    name: str
    department: str  # department name
    title: str  # a code


@dataclass(frozen=True)
class VoteCount:
    code: str
    title: str  # a code (a title the tool does not know: as typed)
    votes: int | None  # None: not typed


@dataclass(frozen=True)
class TallyInput:
    """What the secretary typed in the summary's "Kiểm phiếu" sheet."""

    members: int | None = None  # council members in all
    present: int | None = None
    ballots_issued: int | None = None
    ballots_returned: int | None = None
    counts: tuple[VoteCount, ...] = ()

    @property
    def empty(self) -> bool:
        return self.members is None and not any(c.votes is not None for c in self.counts)


@dataclass(frozen=True)
class VoteResult:
    code: str
    title: str
    votes: int | None
    needed: int  # votes needed (ceil of the threshold times all members)
    passed: bool | None  # None: no count, or no valid meeting
    reason: Reason


@dataclass(frozen=True)
class Tally:
    members: int | None
    present: int | None
    ballots_issued: int | None
    ballots_returned: int | None
    quorum_needed: int
    quorum_met: bool | None  # None: members or present not typed
    results: tuple[VoteResult, ...]

    def result(self, code: str, title: str) -> VoteResult | None:
        return self._by_candidate.get((code, title))

    @functools.cached_property
    def _by_candidate(self) -> dict[tuple[str, str], VoteResult]:
        """(code, title) → its first result: looked up for every person of the lists and the papers."""
        found: dict[tuple[str, str], VoteResult] = {}
        for r in self.results:
            found.setdefault((r.code, r.title), r)
        return found
