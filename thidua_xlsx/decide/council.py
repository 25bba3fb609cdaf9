"""The council's word over the tool's proposal (``merge INBOX --council SUMMARY.xlsx``).

The summary the secretary brought to the meeting is read back like any returned workbook: it must
be this campaign's scoring summary (its very hidden metadata says so), rows are found by the
person codes they show, and only the council's cells count — "Điểm Hội đồng", "Quyết định Hội
đồng", "Ghi chú Hội đồng" in "Điểm chi tiết" and the tally in "Kiểm phiếu". Everything else comes
from the inbox and the campaign again.

Applying it is pure: council scores replace the final score (ranks and classifications follow), the
tool's proposal is made again, then the council's decisions win — a title the rules refuse is
accepted only with a note and is flagged; a quota tie is settled by the council's choice; a title put
to a vote is kept only when the vote reached its threshold. Every change goes into the change log:
who (the council), what (before → after), why (the note typed). The council's choices arrive as title
codes (:mod:`thidua_xlsx.read.council` reads its words) and are compared as codes.
"""

from __future__ import annotations

import dataclasses

from thidua_xlsx.decide import rules
from thidua_xlsx.decide.ballots import count, vote_percent
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import NOT_PASSED, TIE_OPEN, CouncilChange, CouncilEntry, CouncilInput
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, issue, reason
from thidua_xlsx.model.results import Decision
from thidua_xlsx.model.titles import CSTDCS, LDTT, NO_PROPOSAL, Title

# --- reading ------------------------------------------------------------------------------------


# --- applying (pure) ------------------------------------------------------------------------------

def apply_council(summary, council: CouncilInput, campaign: cm.Campaign):
    """The final summary: the council's word over the tool's proposal, with the change log."""
    from thidua_xlsx.decide.consolidate import decide_departments, judged
    from thidua_xlsx.model.results import SOURCE_COUNCIL

    problems = list(council.issues)
    problems += _inbox_changes(summary, council)
    changes: list[CouncilChange] = []
    by_code = {p.code: p for p in summary.people}
    entries = {}
    for e in council.entries:
        if e.code not in by_code:
            problems.append(issue("council.unknown_code", WARNING, file=council.file, sheet=e.sheet, person=e.code,
                                  row=e.row))
        else:
            entries[e.code] = e
    people = []
    for p in summary.people:
        e = entries.get(p.code)
        if e is None:
            people.append(p)
            continue
        p = dataclasses.replace(p, council_score=e.score, council_decision=e.decision, council_note=e.note)
        rubric = next((r for r in campaign.rubrics if r.role == p.role), campaign.rubrics[0])
        if e.score is not None and not 0 <= e.score <= rubric.max_total:
            problems.append(issue("council.score_out_of_range", ERROR, file=council.file, sheet=e.sheet,
                                  name=p.name, value=e.score, max=rubric.max_total))
        elif e.score is not None and e.score != p.final:
            chosen = p.dept_score if p.dept_score and p.dept_score.total is not None else p.self_score
            gate_ok = chosen.gate_ok if chosen is not None else True
            changes.append(CouncilChange(p.code, p.name, "score", p.final, e.score, e.note))
            p = dataclasses.replace(p, final=e.score, final_source=SOURCE_COUNCIL, classification=rules.classify(
                campaign.classification, campaign.gate_cap, e.score, gate_ok))
        people.append(p)
    proposed = {p.code: p.proposed for p in summary.people}
    people = judged(people, campaign)
    people = [_council_decision(p, entries.get(p.code), council.file, problems, changes) for p in people]
    people = _settle_ties(people, problems, changes)
    tally = count(council.tally, campaign.rules)
    if council.tally.members is not None and tally.quorum_met is False:
        problems.append(issue("vote.no_quorum_meeting", WARNING, present=tally.present, members=tally.members,
                              needed=tally.quorum_needed))
    people = [_voted(p, tally, campaign.rules, problems, changes) for p in people]
    said = {c.code for c in changes if c.what in ("title", "vote", "tie")}
    for p in people:  # a score the council changed may change the proposal itself: say so
        if p.proposed != proposed[p.code] and p.code not in said:
            e = entries.get(p.code)
            changes.append(CouncilChange(p.code, p.name, "title", proposed[p.code], p.proposed, e.note if e else ""))
            said.add(p.code)
    departments = decide_departments(campaign, people, summary.departments)
    return dataclasses.replace(summary, people=tuple(people), departments=tuple(departments),
                               issues=(*summary.issues, *problems), tally=tally, council_changes=tuple(changes))


def _council_decision(p, e: CouncilEntry | None, file: str, problems: list[Issue], changes: list[CouncilChange]):
    if e is None or not e.decision:
        return p
    before = p.proposed
    if e.decision == NO_PROPOSAL:
        if not p.proposed:
            return p
        decisions = tuple(Decision(d.title, False, (reason("council.refused", note=e.note or "—"),))
                          for d in p.decisions)
        changes.append(CouncilChange(p.code, p.name, "title", before, NO_PROPOSAL, e.note))
        return dataclasses.replace(p, decisions=decisions)
    wanted = _with_lower(e.decision)
    current = {d.title: d for d in p.decisions}
    refused_by_rule = [t for t in wanted if not current.get(t, Decision(t, False)).granted
                       and not current.get(t, Decision(t, False)).pending]
    if refused_by_rule and not e.note:
        problems.append(issue("council.needs_note", ERROR, file=file, sheet=e.sheet, name=p.name,
                              title=Title(e.decision), why=_why(current.get(refused_by_rule[0]))))
        return p
    decisions = []
    for d in p.decisions:
        if d.title in wanted:
            decisions.append(d if d.granted else Decision(d.title, True, (reason(
                "council.tie_chosen" if d.pending else "council.granted", note=e.note or "—"),)))
        elif d.granted:  # a lower choice than proposed: the higher title is not proposed
            decisions.append(Decision(d.title, False, (reason("council.refused", note=e.note or "—"),)))
        else:
            decisions.append(d)
    decisions += [Decision(t, True, (reason("council.granted", note=e.note),)) for t in wanted
                  if t not in current]
    p = dataclasses.replace(p, decisions=tuple(decisions))
    if refused_by_rule:
        problems.append(issue("council.against_rule", WARNING, file=file, sheet=e.sheet, name=p.name,
                              title=Title(e.decision), why=_why(current.get(refused_by_rule[0])), note=e.note))
    if p.proposed != before:
        tie = any(current.get(t) is not None and current[t].pending for t in wanted)
        changes.append(CouncilChange(p.code, p.name, "tie" if tie and not refused_by_rule else "title", before,
                                     p.proposed, e.note, against_rule=bool(refused_by_rule)))
    return p


def _with_lower(title: str) -> tuple[str, ...]:
    """CSTĐCS rests on LĐTT: choosing it chooses both."""
    return (LDTT, CSTDCS) if title == CSTDCS else (title,)


def _why(decision: Decision | None):
    """Why the rules refuse: the decision's reasons, or that nothing was registered."""
    return decision.reasons if decision is not None and decision.reasons else reason("council.not_registered")


def _settle_ties(people, problems: list[Issue], changes: list[CouncilChange]):
    """A tie the council settled: those of the tie it did not choose are not proposed; an open one is said."""
    chosen = any(d.reasons and d.reasons[0].code == "council.tie_chosen" for p in people for d in p.decisions)
    settled = []
    for p in people:
        if any(d.pending for d in p.decisions):
            if chosen:
                decisions = tuple(Decision(d.title, False, (reason("council.tie_not_chosen"),)) if d.pending
                                  else d for d in p.decisions)
                changes.append(CouncilChange(p.code, p.name, "tie", TIE_OPEN, p.proposed, ""))
                p = dataclasses.replace(p, decisions=decisions)
            else:
                problems.append(issue("council.tie_open", WARNING, name=p.name))
        settled.append(p)
    return settled


def _voted(p, tally, r: cm.Rules, problems: list[Issue], changes: list[CouncilChange]):
    decisions = []
    for d in p.decisions:
        if not d.granted or vote_percent(d.title, r) is None:
            decisions.append(d)
            continue
        result = tally.result(p.code, d.title)
        if result is None or result.passed is None:
            problems.append(issue("vote.missing", WARNING, name=p.name, title=Title(d.title)))
            decisions.append(d)
        elif result.passed:
            decisions.append(dataclasses.replace(d, reasons=(*d.reasons, result.reason)))
        else:
            decisions.append(Decision(d.title, False, (result.reason,)))
            changes.append(CouncilChange(p.code, p.name, "vote", d.title, NOT_PASSED, "", reason=result.reason))
    return dataclasses.replace(p, decisions=tuple(decisions))


def _inbox_changes(summary, council: CouncilInput) -> list[Issue]:
    """The council met over a summary of other inputs than those read now: say which."""
    then = {(name, sha) for name, sha, status in council.meta.inputs if status == "accepted"}
    now = {(f.name, f.sha256) for f in summary.files if f.status == "accepted"}
    differ = sorted({name for name, _ in then ^ now})
    return [issue("council.inbox_changed", WARNING, file=council.file, files=", ".join(differ))] if differ else []
