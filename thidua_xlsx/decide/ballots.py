"""The council's vote: who is on the ballot, the tally the secretary types, and whether each
threshold is met (pure, no I/O).

Defaults (docs/domain.md §2, all campaign settings in "Quy tắc"): the meeting is valid with at least
2/3 of the council's members present; CSTĐCS needs votes of at least 80 % of *all* members
(Nghị định 98/2023 art. 30(7): secret ballot, absent members vote in writing); LĐTT and TTLĐXS
are not put to a vote unless a percentage is set (older practice, TT 35/2015: 70 %).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import Candidate, Tally, TallyInput, VoteResult
from thidua_xlsx.model.issues import reason
from thidua_xlsx.model.results import DepartmentResult, PersonResult
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDXS


def vote_percent(title: str, r: cm.Rules) -> float | None:
    """The share of all members a title needs, or None when the title is not put to a vote."""
    return {CSTDCS: r.cstdcs_vote_percent, LDTT: r.ldtt_vote_percent,
            TTLDXS: r.ttldxs_vote_percent}.get(title)


def needed_votes(members: int, percent: float) -> int:
    """The smallest whole number of votes that is at least ``percent`` of ``members``. A percentage is
    typed with two decimals (2/3 as 66,67), so a hundredth of a vote is forgiven: 66,67 % of 15 is 10."""
    return math.ceil(members * percent / 100 - 0.01)


def count(tally: TallyInput, r: cm.Rules) -> Tally:
    members, present = tally.members, tally.present
    quorum_needed = needed_votes(members, r.council_quorum_percent) if members else 0
    quorum_met = None if members is None or present is None else present >= quorum_needed
    results = []
    for c in tally.counts:
        percent = vote_percent(c.title, r)
        if percent is None:
            continue
        needed = needed_votes(members, percent) if members else 0
        if c.votes is None or members is None:
            results.append(VoteResult(c.code, c.title, c.votes, needed, None, reason("vote.not_counted")))
        elif quorum_met is False:
            results.append(VoteResult(c.code, c.title, c.votes, needed, None,
                                      reason("vote.no_quorum", present=present, members=members,
                                             needed=quorum_needed)))
        else:
            passed = c.votes >= needed
            results.append(VoteResult(c.code, c.title, c.votes, needed, passed, reason(
                "vote.passed" if passed else "vote.failed", votes=c.votes, members=members,
                share=round(100 * c.votes / members, 1), percent=percent,
                needed=needed)))
    return Tally(members, present, tally.ballots_issued, tally.ballots_returned, quorum_needed, quorum_met,
                 tuple(results))


def candidates(people: Iterable[PersonResult], departments: Iterable[DepartmentResult], r: cm.Rules
               ) -> tuple[Candidate, ...]:
    """Who goes on the ballot: each person proposed (or left to the council by a quota tie) for a title
    put to a vote, and each department proposed for a collective title put to a vote."""
    found = []
    for p in people:
        for d in p.decisions:
            if (d.granted or d.pending) and vote_percent(d.title, r) is not None:
                found.append(Candidate(p.code, p.name, p.department_name, d.title))
    for unit in departments:
        if unit.proposed and vote_percent(unit.proposed, r) is not None:
            found.append(Candidate(unit.code, unit.name, unit.name, unit.proposed))
    return tuple(found)
