"""The council's word over the tool's proposal (``merge INBOX --council SUMMARY.xlsx``).

The summary the secretary brought to the meeting is read back like any returned workbook: it must
be this campaign's scoring summary (its very hidden metadata says so), rows are found by the
person codes they show, and only the council's cells count — "Điểm Hội đồng", "Quyết định Hội
đồng", "Ghi chú Hội đồng" in "Điểm chi tiết" and the tally in "Kiểm phiếu". Everything else comes
from the inbox and the campaign again.

Applying it is pure: council scores replace the final score (ranks and classifications follow), the
tool's proposal is made again, then the council's decisions win — a title the rules refuse is
accepted only with a note and is flagged; a quota tie is settled by the council's choice; a title put
to a vote — a person's, or a department's TTLĐXS when its percentage is set — is kept only when the vote reached its
threshold (a department's TTLĐXS voted down is then decided as TTLĐTT). Every change goes into the change log:
who (the council), what (before → after), why (the note typed). The council's choices arrive as title
codes (:mod:`thidua_xlsx.read.council` reads its words) and are compared as codes.

A period's pass (``merge --period … --council``) is the head's scoring of the period (NĐ 233/2026 điều 13): its
scores count, no title is decided, no ballot counted — the titles are the year's. On the year's summary a score the
council changes is the year's score: the year is rated again from it by the decree's rules (the bands, the HTXSNV
share ranked again, an entered rating still winning), so that the rating the sheet, the JSON and the titles use is
one; every rating that changes is in the change log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping

from thidua_xlsx.decide import rules
from thidua_xlsx.decide.ballots import count, vote_percent
from thidua_xlsx.decide.consolidate import decide_departments, judged, ranked
from thidua_xlsx.decide.year import with_provisional
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.council import NOT_PASSED, TIE_OPEN, CouncilChange, CouncilEntry, CouncilInput, Tally, TallyInput
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.results import SOURCE_COUNCIL, Decision, DepartmentResult, PersonResult, Summary
from thidua_xlsx.model.titles import CSTDCS, LDTT, NO_PROPOSAL, TTLDTT, Title

# --- applying (pure) ------------------------------------------------------------------------------

def apply_council(summary: Summary, council: CouncilInput, campaign: cm.Campaign,
                  year_again: Callable[[Mapping[str, float]], Summary] | None = None) -> Summary:
    """The final summary: the council's word over the tool's proposal, with the change log. ``year_again`` (the
    year's summary): the year decided again with the year's scores the council gave (person → score)."""
    problems = list(council.issues)
    problems += _inbox_changes(summary, council)
    changes: list[CouncilChange] = []
    entries = _entries(summary, council, problems)
    people: list[PersonResult] = []
    scores: dict[str, float] = {}
    for p in summary.people:
        e = entries.get(p.code)
        people.append(p if e is None else _scored(p, e, summary, campaign, council.file, problems, changes, scores))
    if summary.period:  # the head's scores of a period: ranked, nothing to propose, vote or settle
        return dataclasses.replace(summary, people=tuple(ranked(people)), issues=(*summary.issues, *problems),
                                   tally=count(TallyInput(), campaign.rules), council_changes=tuple(changes))
    year = summary.year
    if year is not None and year_again is not None and scores:
        people, year = _rated_again(people, year, year_again(scores), scores, entries, changes)
    proposed = {p.code: p.proposed for p in summary.people}
    people = judged(people, campaign)
    slots = _tie_slots(people)
    before_council = {p.code: p for p in people}
    people = [_council_decision(p, entries.get(p.code), council.file, problems, changes) for p in people]
    people = _settle_ties(people, before_council, slots, problems, changes)
    tally = count(council.tally, campaign.rules)
    if council.tally.members is not None and tally.quorum_met is False:
        problems.append(issue("vote.no_quorum_meeting", WARNING, present=tally.present, members=tally.members,
                              needed=tally.quorum_needed))
    people = [dataclasses.replace(p, decisions=_voted(p.code, p.name, p.decisions, tally, campaign.rules, problems,
                                                      changes)) for p in people]
    _proposals_changed(people, proposed, entries, changes)
    departments = [_department_voted(d, people, tally, campaign, problems, changes)
                   for d in decide_departments(campaign, people, summary.departments)]
    final = dataclasses.replace(summary, people=tuple(people), departments=tuple(departments),
                                issues=(*summary.issues, *problems), tally=tally, council_changes=tuple(changes),
                                year=year)
    return with_provisional(final)  # the proposals as the council left them: one count in the run


def _entries(summary: Summary, council: CouncilInput, problems: list[Issue]) -> dict[str, CouncilEntry]:
    """The council's rows by person code; a row of a code the summary does not have, and a person whose row the
    council's sheet no longer shows (one deleted takes its decision with it), said."""
    by_code = {p.code: p for p in summary.people}
    if council.codes:
        problems += [issue("council.row_missing", WARNING, file=council.file, name=p.name, person=p.code)
                     for p in summary.people if p.code not in council.codes]
    entries: dict[str, CouncilEntry] = {}
    for entry in council.entries:
        if entry.code not in by_code:
            problems.append(issue("council.unknown_code", WARNING, file=council.file, sheet=entry.sheet,
                                  person=entry.code, row=entry.row))
        else:
            entries[entry.code] = entry
    return entries


def _scored(p: PersonResult, e: CouncilEntry, summary: Summary, campaign: cm.Campaign, file: str, problems: list[Issue],
            changes: list[CouncilChange], scores: dict[str, float]) -> PersonResult:
    """``p`` with the council's columns, and the council's score (within the rubric's range) as its final score,
    classified again; a score changed goes into the change log and ``scores``."""
    # a period's pass decides no title: its summary has no decision column (one typed in an older summary is said
    # by the reader, at its cell, and not read)
    decision = "" if summary.period else e.decision
    p = dataclasses.replace(p, council_score=e.score, council_decision=decision, council_note=e.note)
    rubric = next((r for r in campaign.rubrics if r.role == p.role), campaign.rubrics[0])
    if e.score is not None and not 0 <= e.score <= rubric.max_total:
        problems.append(issue("council.score_out_of_range", ERROR, file=file, sheet=e.sheet,
                              name=p.name, value=e.score, max=rubric.max_total))
    elif e.score is not None and e.score != p.final:
        # The council's score is the evaluation as a whole: the criterion groups' minimums (the gate)
        # judge the criteria typed, which it replaces — a form come back blank is classified by it.
        changes.append(CouncilChange(p.code, p.name, "score", p.final, e.score, e.note))
        scores[p.code] = e.score
        p = dataclasses.replace(p, final=e.score, final_source=SOURCE_COUNCIL, council_parts=e.parts,
                                classification=rules.classify(campaign.classification, campaign.gate_cap, e.score,
                                                              True))
    return p


def _proposals_changed(people: list[PersonResult], proposed: dict[str, str], entries: dict[str, CouncilEntry],
                       changes: list[CouncilChange]) -> None:
    """A score the council changed may change the proposal itself: each proposal changed and not said yet by a
    title, vote or tie goes into the change log."""
    said = {c.code for c in changes if c.what in ("title", "vote", "tie")}
    for p in people:
        if p.proposed != proposed[p.code] and p.code not in said:
            e = entries.get(p.code)
            changes.append(CouncilChange(p.code, p.name, "title", proposed[p.code], p.proposed, e.note if e else ""))
            said.add(p.code)


def _rated_again(people: list[PersonResult], year: ev.YearResults, again: Summary, scores: Mapping[str, float],
                 entries: dict[str, CouncilEntry], changes: list[CouncilChange]
                 ) -> tuple[list[PersonResult], ev.YearResults]:
    """The year's people and results once rated again with the council's ``scores`` (``again``: that year's
    summary): each person's rating, flags and facts from it, the council's columns and scores kept; the periods' own
    scores kept (what each period gave, not the council's); a score the council gave is said by its change, not as
    the periods' average. Each rating that changed goes into the change log — the council's note for those it
    scored, the rule that moved it for the others (the HTXSNV share ranked again)."""
    found = {p.code: p for p in again.people}
    ratings = {code: dataclasses.replace(r, reasons=tuple(x for x in r.reasons if not x.code.startswith("year.score_")))
               if code in scores else r for code, r in (again.year.ratings if again.year is not None else {}).items()}
    result = []
    for p in people:
        new = found.get(p.code)
        if new is not None:
            p = dataclasses.replace(p, classification=new.classification, facts=new.facts, flags=new.flags)
        before, after = year.ratings.get(p.code), ratings.get(p.code)
        if before is not None and after is not None and before.rating != after.rating:
            note = entries[p.code].note if p.code in scores else ""
            why = None if p.code in scores or not after.reasons else after.reasons[-1]
            changes.append(CouncilChange(p.code, p.name, "rating", before.rating, after.rating, note, reason=why))
        result.append(p)
    return result, dataclasses.replace(year, ratings={**year.ratings, **ratings})


def with_year_scores(periods: Mapping[str, ev.PeriodSummary], scores: Mapping[str, float]
                     ) -> dict[str, ev.PeriodSummary]:
    """The periods' summaries as the year reads them, with each person of ``scores`` given that score in every
    period where they have one (in every period, when they have none): whatever the year's formula, the year's
    score is then the council's, over the same periods."""
    scored = {code for s in periods.values() for code, e in s.people.items() if e.final is not None}
    result = {}
    for period, s in periods.items():
        people = dict(s.people)
        for code, score in scores.items():
            entry = people.get(code)
            if code not in scored or (entry is not None and entry.final is not None):
                people[code] = dataclasses.replace(entry or ev.PeriodEntry(None), final=score)
        result[period] = dataclasses.replace(s, people=people)
    return result


def _council_decision(p: PersonResult, e: CouncilEntry | None, file: str, problems: list[Issue],
                      changes: list[CouncilChange]) -> PersonResult:
    """``p`` with the title the council chose (or its refusal of all): a title the rules refuse needs the council's
    note (without one, an error and nothing changed; with one, a warning); a change goes into the change log."""
    if e is None or not e.decision:
        return p
    before = p.proposed
    if e.decision == NO_PROPOSAL:
        return _refused(p, e, changes)
    wanted = _with_lower(e.decision)
    current = {d.title: d for d in p.decisions}
    refused_by_rule = [t for t in wanted if not current.get(t, Decision(t, False)).granted
                       and not current.get(t, Decision(t, False)).pending]
    if refused_by_rule and not e.note:
        problems.append(issue("council.needs_note", ERROR, file=file, sheet=e.sheet, name=p.name,
                              title=Title(e.decision), why=_why(current.get(refused_by_rule[0]))))
        return p
    p = dataclasses.replace(p, decisions=_chosen(p, e, wanted, current))
    if refused_by_rule:
        problems.append(issue("council.against_rule", WARNING, file=file, sheet=e.sheet, name=p.name,
                              title=Title(e.decision), why=_why(current.get(refused_by_rule[0])), note=e.note))
    if p.proposed != before:
        tie = any(current.get(t) is not None and _is_tie(current[t]) for t in wanted)
        changes.append(CouncilChange(p.code, p.name, "tie" if tie and not refused_by_rule else "title", before,
                                     p.proposed, e.note, against_rule=bool(refused_by_rule)))
    return p


def _refused(p: PersonResult, e: CouncilEntry, changes: list[CouncilChange]) -> PersonResult:
    """``p`` with every title refused by the council (nothing to refuse: unchanged)."""
    if not p.proposed:
        return p
    decisions = tuple(Decision(d.title, False, (reason("council.refused", note=e.note or "—"),))
                      for d in p.decisions)
    changes.append(CouncilChange(p.code, p.name, "title", p.proposed, NO_PROPOSAL, e.note))
    return dataclasses.replace(p, decisions=decisions)


def _chosen(p: PersonResult, e: CouncilEntry, wanted: tuple[str, ...],
            current: dict[str, Decision]) -> tuple[Decision, ...]:
    """``p``'s decisions once the council chose ``wanted``: those granted (by the council where the rules did
    not, or chosen of a tie), a higher title the rules gave refused by a lower choice, the others as they were."""
    chosen: list[Decision] = []
    for d in p.decisions:
        if d.title in wanted:
            chosen.append(d if d.granted else Decision(d.title, True, (reason(
                "council.tie_chosen" if _is_tie(d) else "council.granted", note=e.note or "—"),)))
        elif d.granted and _above(d.title, e.decision):  # a lower choice than proposed: the higher title goes
            chosen.append(Decision(d.title, False, (reason("council.refused", note=e.note or "—"),)))
        else:  # a higher title chosen is decided on its own: the lower ones the rules gave stay
            chosen.append(d)
    chosen += [Decision(t, True, (reason("council.granted", note=e.note),)) for t in wanted
               if t not in current]
    return tuple(chosen)


def _with_lower(title: str) -> tuple[str, ...]:
    """CSTĐCS rests on LĐTT: choosing it chooses both. A higher title (CSTĐ cấp tỉnh …) is chosen alone."""
    return (LDTT, CSTDCS) if title == CSTDCS else (title,)


_ORDER = (LDTT, CSTDCS)  # the titles a council's lower choice takes back; any other is decided on its own


def _above(title: str, chosen: str) -> bool:
    """``title`` is one the council's choice ``chosen`` takes back: a title of the ladder above the one chosen."""
    return title in _ORDER and chosen in _ORDER and _ORDER.index(title) > _ORDER.index(chosen)


def _is_tie(decision: Decision) -> bool:
    """Left to the council by a quota tie (not a higher title waiting for its records, also pending)."""
    return decision.pending and bool(decision.reasons) and decision.reasons[0].code == "quota.tie"


def _tie_slots(people: Iterable[PersonResult]) -> dict[str, int]:
    """Title → the slots left for those tied at the quota's last place (as the rules said)."""
    return {d.title: left for p in people for d in p.decisions if _is_tie(d)
            if isinstance(left := dict(d.reasons[0].params)["left"], int)}  # the quota's rule says a count


def _why(decision: Decision | None) -> tuple[Reason, ...] | Reason:
    """Why the rules refuse: the decision's reasons, or that nothing was registered."""
    return decision.reasons if decision is not None and decision.reasons else reason("council.not_registered")


def _settle_ties(people: list[PersonResult], before_council: dict[str, PersonResult], slots: dict[str, int],
                 problems: list[Issue], changes: list[CouncilChange]) -> list[PersonResult]:
    """A tie the council settled: those of the tie it did not choose are not proposed; an open one is said.
    Choosing more of the tie than its slots settles nothing: the choices are set aside, the tie stays open."""
    chosen = {title: [p for p in people if any(d.title == title and d.reasons and d.reasons[0].code ==
                                               "council.tie_chosen" for d in p.decisions)] for title in slots}
    too_many = {title for title, who in chosen.items() if len(who) > slots[title]}
    for title in sorted(too_many):
        problems.append(issue("council.tie_too_many", ERROR, title=Title(title), slots=slots[title],
                              chosen=len(chosen[title]), names=", ".join(p.name for p in chosen[title])))
    set_aside = {p.code for t in too_many for p in chosen[t]}
    settled = []
    for p in people:
        if p.code in set_aside:  # back to the tool's word: the tie is open again
            changes[:] = [c for c in changes if c.code != p.code or c.what != "tie"]
            p = dataclasses.replace(p, decisions=before_council[p.code].decisions)
        if any(_is_tie(d) for d in p.decisions):
            p = _not_chosen(p, chosen, too_many, problems, changes)
        settled.append(p)
    return settled


def _not_chosen(p: PersonResult, chosen: dict[str, list[PersonResult]], too_many: set[str], problems: list[Issue],
                changes: list[CouncilChange]) -> PersonResult:
    """One of a tie: not proposed when the council settled the tie without them, else the tie said open."""
    if any(chosen[d.title] and d.title not in too_many for d in p.decisions if _is_tie(d)):
        decisions = tuple(Decision(d.title, False, (reason("council.tie_not_chosen"),)) if _is_tie(d)
                          else d for d in p.decisions)
        changes.append(CouncilChange(p.code, p.name, "tie", TIE_OPEN, p.proposed, ""))
        return dataclasses.replace(p, decisions=decisions)
    problems.append(issue("council.tie_open", WARNING, name=p.name))
    return p


def _voted(code: str, name: str, decided: tuple[Decision, ...], tally: Tally, r: cm.Rules, problems: list[Issue],
           changes: list[CouncilChange]) -> tuple[Decision, ...]:
    """The decisions of one candidate (a person, or a department by its code) after the ballot: each title put to a
    vote granted only when the vote reached its threshold at a meeting with its quorum; one whose votes nobody typed
    kept, and said."""
    decisions = []
    for d in decided:
        if not d.granted or vote_percent(d.title, r) is None:
            decisions.append(d)
            continue
        result = tally.result(code, d.title)
        if tally.quorum_met is False:  # a meeting without its quorum grants no title put to a vote
            why = reason("vote.no_quorum", present=tally.present, members=tally.members, needed=tally.quorum_needed)
            decisions.append(Decision(d.title, False, (why,)))
            changes.append(CouncilChange(code, name, "vote", d.title, NOT_PASSED, "", reason=why))
        elif result is None or result.passed is None:
            problems.append(issue("vote.missing", WARNING, name=name, title=Title(d.title)))
            decisions.append(d)
        elif result.passed:
            decisions.append(dataclasses.replace(d, reasons=(*d.reasons, result.reason)))
        else:
            decisions.append(Decision(d.title, False, (result.reason,)))
            changes.append(CouncilChange(code, name, "vote", d.title, NOT_PASSED, "", reason=result.reason))
    return tuple(decisions)


def _department_voted(d: DepartmentResult, people: list[PersonResult], tally: Tally, campaign: cm.Campaign,
                      problems: list[Issue], changes: list[CouncilChange]) -> DepartmentResult:
    """A department's collective title after the ballot (:func:`_voted`): its TTLĐXS, when put to a vote and not
    carried, refused with the vote's reason, and the department's TTLĐTT decided as for a department that registered
    it (Luật TĐKT 2022 điều 28) — a lower title the vote did not refuse."""
    voted = _voted(d.code, d.name, d.decisions, tally, campaign.rules, problems, changes)
    if voted == d.decisions or any(v.granted for v in voted):
        return dataclasses.replace(d, decisions=voted)
    lower = decide_departments(campaign, people, [dataclasses.replace(d, collective=TTLDTT)])[0]
    return dataclasses.replace(d, decisions=(*voted, *lower.decisions))


def _inbox_changes(summary: Summary, council: CouncilInput) -> list[Issue]:
    """The council met over a summary of other inputs than those read now: say which."""
    then = {(name, sha) for name, sha, status in council.meta.inputs if status == "accepted"}
    now = {(f.name, f.sha256) for f in summary.files if f.status == "accepted"}
    differ = sorted({name for name, _ in then ^ now})
    code = "council.inbox_changed_period" if summary.period else "council.inbox_changed"  # a period: the head's
    return [issue(code, WARNING, file=council.file, files=", ".join(differ))] if differ else []
