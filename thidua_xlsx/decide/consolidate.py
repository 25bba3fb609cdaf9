"""Consolidation: every person's scores, ranks and title decisions. Pure: no I/O, frozen in and out.

``consolidate(campaign, selection, clean)`` takes the campaign (the source of truth: roster,
rubric, rules, title facts as they are today), the file selection and the validated submissions,
and returns a frozen :class:`Summary`. Every roster person appears once, in their current
department, whichever department's workbook carried their scores.

A period's merge (NĐ 233/2026: viên chức scored monthly or quarterly, điều 3 khoản 5) scores, classifies and
ranks; it decides no title: the titles rest on the year's rating (Luật Thi đua, khen thưởng 2022 điều 24, 26),
decided by ``thidua-xlsx year`` over the periods. A period is not the period of a newcomer who started after it
ended (sheet Nhân sự, his start date): he is not among its people, unless his department scored him; a person marked
in Nhân sự as wholly on leave for it is not asked for a score (no "no score", no reminder to the department).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple, cast

from thidua_xlsx.decide import quota, rules
from thidua_xlsx.decide.followup import untouched_files
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.evaluation import LEAVE_OF_WORD
from thidua_xlsx.model.inbox import ACCEPTED, DEPT, SELF, SUPERSEDED, CleanSubmission, Entry, ItemScores, Selection
from thidua_xlsx.model.issued import name_key as match_key
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, Reason, issue, reason
from thidua_xlsx.model.results import (
    SOURCE_DEPT,
    SOURCE_SELF,
    STATUS_DEPT_MISSING,
    STATUS_SHEET_MISSING,
    STATUS_SUBMITTED,
    Decision,
    DepartmentResult,
    PersonResult,
    Score,
    Summary,
    away,
    by_department,
    is_granted,
)
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT
from thidua_xlsx.text.collation import name_key
from thidua_xlsx.text.messages import shortened


def consolidate(campaign: cm.Campaign, selection: Selection, clean: list[CleanSubmission]) -> Summary:
    round_ = selection.round
    problems: list[Issue] = [i for f in selection.files for i in f.issues]
    for sub in clean:
        problems.extend(sub.issues)
    by_dept = {sub.department: sub for sub in clean}
    entries = _assign(campaign, clean, problems)
    untouched = untouched_files(selection.files, round_)  # said by their file: sent back with nothing typed
    people: list[PersonResult] = []
    for dept in campaign.departments:
        if dept.code not in by_dept and dept.code not in untouched:
            problems.append(issue("department.missing", WARNING, department=dept.name))
        people += _members(campaign, selection, dept, entries, problems)
    if round_ == ly.SCORING:
        people = ranked(people) if selection.period else judged(people, campaign)
    order = _order(campaign)
    people.sort(key=lambda p: (order.get(p.department, len(campaign.departments)), name_key(p.name), p.code))
    departments = _departments(campaign, people, by_dept, round_ == ly.SCORING and not selection.period)
    if round_ == ly.SCORING:
        problems.extend(council_signals(campaign, people, by_dept))
    stamps = [f.version_time for f in selection.files if f.status in (ACCEPTED, SUPERSEDED)]
    return Summary(campaign, round_, selection.files, tuple(people), tuple(departments), tuple(problems),
                   max(stamps) if stamps else None, period=selection.period)


def _members(campaign: cm.Campaign, selection: Selection, dept: cm.Department, entries: _Assigned,
             problems: list[Issue]) -> list[PersonResult]:
    """A department's people: its roster (who is not of the round, :func:`_not_of_round`, left out unless scored
    there), each with the entry that speaks for them, then the newcomers its workbook registered on spare rows."""
    round_ = selection.round
    period = next((p for p in campaign.periods if p.code == selection.period), None)
    people = []
    for person in campaign.members(dept.code):
        entry, flags = entries.speaking.get(person.code, (None, ()))
        if _not_of_round(person, period, round_) and not _scored_in(entry):
            continue  # a newcomer, started after the period, or a person who moved away before it: not of it
        base = PersonResult(code=person.code, name=person.name, department=dept.code, department_name=dept.name,
                            role=person.role, position=person.position, status=STATUS_DEPT_MISSING,
                            facts=person.facts)
        people.append(_fill(base, entry, campaign, round_, problems, flags, selection.period) if entry else base)
    for entry in entries.newcomers.get(dept.code, ()):
        base = PersonResult(code=entry.code, name=entry.name, department=dept.code, department_name=dept.name,
                            role=entry.role, position=entry.position, status=STATUS_SUBMITTED, newcomer=True,
                            flags=(reason("flag.newcomer"),))
        people.append(_fill(base, entry, campaign, round_, problems, ()))
    return people


def _not_of_round(person: cm.Person, period: cm.Period | None, round_: str) -> bool:
    """``person`` is not of the period merged — started after it ended, or moved to another school before it began —
    nor, in a year scored once at its end, of its scoring round once moved away (the new school scores her)."""
    if period is not None:
        return not cm.started_by(person, period.end) or cm.moved_by(person, period.start)
    return round_ == ly.SCORING and bool(person.facts.moved_on)


class _Assigned(NamedTuple):
    speaking: dict[str, tuple[Entry, tuple[Reason, ...]]]  # roster code → the entry that speaks for them, its flags
    newcomers: dict[str, list[Entry]]  # department code → the newcomers its workbook registered, not in the roster


def _assign(campaign: cm.Campaign, clean: list[CleanSubmission], problems: list[Issue]) -> _Assigned:
    """Which entry speaks for each roster person (each once), and the newcomers left per department.

    A person's own department's workbook first; a person moved to another department after the
    workbooks went out is taken from the workbook that still carries them (said, with both departments).
    A person a workbook carries who is no longer in the roster is said and left out. A newcomer
    registered on a spare row is matched to the roster by department and name once the secretary has
    added them.
    """
    roster = {p.code: p for p in campaign.staff}
    dept_names: dict[str, str] = {}
    for d in campaign.departments:
        dept_names.setdefault(d.code, d.name)
    found: dict[str, tuple[Entry, tuple[Reason, ...]]] = {}
    newcomers: dict[str, list[Entry]] = {}
    own = sorted(clean, key=lambda s: s.department)
    for sub in own:
        for entry in sub.entries:
            person = roster.get(entry.code)
            if entry.newcomer:
                continue
            if person is None:
                problems.append(issue("person.removed", WARNING, file=entry.file, sheet=entry.sheet,
                                      name=shortened(entry.name), person=entry.code,
                                      department=dept_names.get(sub.department, sub.department)))
                continue
            moved = person.department != sub.department
            current = found.get(entry.code)
            if current is None or (current[1] and not moved):
                flags: tuple[Reason, ...] = (reason("flag.moved", department=dept_names.get(sub.department,
                                                                                           sub.department)),) \
                    if moved else ()
                found[entry.code] = (entry, flags)
    for code, (entry, flags) in found.items():
        if flags:  # still taken from another department's workbook: the current one does not carry them
            person = roster[code]
            problems.append(issue("person.moved", WARNING, file=entry.file, sheet=entry.sheet, name=person.name,
                                  person=code, found=dept_names.get(entry.department, entry.department),
                                  current=dept_names.get(person.department, person.department)))
    by_name = {(p.department, match_key(p.name)): p.code for p in campaign.staff}
    for sub in own:
        for entry in sub.entries:
            if not entry.newcomer:
                continue
            known = by_name.get((sub.department, match_key(entry.name)))
            if known is None:
                newcomers.setdefault(sub.department, []).append(entry)
            elif known not in found:
                person = roster[known]
                matched = dataclasses.replace(entry, code=known, name=person.name, role=person.role,
                                              position=person.position, newcomer=False)
                found[known] = (matched, (reason("flag.newcomer_matched", roster_code=known),))
    return _Assigned(found, newcomers)


def _scored_in(entry: Entry | None) -> bool:
    """The department typed a score for this person (either column)."""
    return entry is not None and bool(entry.self_scores.entered or entry.dept_scores.entered)


def _order(campaign: cm.Campaign) -> dict[str, int]:
    """Department code → its place in the campaign (the first, if a code repeats)."""
    order: dict[str, int] = {}
    for i, d in enumerate(campaign.departments):
        order.setdefault(d.code, i)
    return order


def _fill(p: PersonResult, entry: Entry, campaign: cm.Campaign, round_: str, problems: list[Issue],
          flags: tuple[Reason, ...], period: str = "") -> PersonResult:
    facts = p.facts
    on_form = campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT
    if entry.facts is not None and on_form:
        # the year's leave, what a discipline was for and a move are the roster's (sheet Nhân sự): the form asks none
        facts = dataclasses.replace(entry.facts, leave=facts.leave, away=facts.away,
                                    discipline_scope=facts.discipline_scope, moved_on=facts.moved_on,
                                    moved_to=facts.moved_to)
    extra = list(flags)
    if entry.marked:
        extra.append(reason("flag.marked"))
    scored = _Scored(p.self_score, p.dept_score, p.final, p.final_source, p.classification, p.flags + tuple(extra))
    if round_ == ly.SCORING and entry.has_sheet:
        scored = _scored(dataclasses.replace(p, facts=facts), scored.flags, entry, campaign, problems, period)
    return dataclasses.replace(  # once: a person's result has 28 fields
        p, status=STATUS_SUBMITTED if entry.has_sheet else STATUS_SHEET_MISSING, file=entry.file, sheet=entry.sheet,
        registered=entry.registered, form=entry.form, initiative=entry.initiative, note=entry.note, facts=facts,
        facts_on_form=on_form and entry.facts is not None,
        self_score=scored.self_score, dept_score=scored.dept_score, final=scored.final,
        final_source=scored.final_source, classification=scored.classification, flags=scored.flags)


class _Scored(NamedTuple):
    """The fields of a person's result that come from its scores."""

    self_score: Score | None
    dept_score: Score | None
    final: float | None
    final_source: str
    classification: str
    flags: tuple[Reason, ...]


def _scored(p: PersonResult, flags_so_far: tuple[Reason, ...], entry: Entry, campaign: cm.Campaign,
            problems: list[Issue], period: str = "") -> _Scored:
    """The fields of ``p``'s result that come from its scores (``flags_so_far``: its flags so far; ``period``: the
    period merged — a person wholly on leave for it has no score to give, and one given is said)."""
    rubric = _rubric(campaign, p.role)
    where = {"file": entry.file, "sheet": entry.sheet}
    flags = list(flags_so_far)
    unknown = [entry.cells[key] for key in ((i.code, column) for _, i in rubric.items for column in (SELF, DEPT))
               if key in entry.invalid and key in entry.cells] if entry.invalid else []  # usually none
    if unknown:
        flags.append(reason("flag.score_unknown", cells=", ".join(unknown)))
    self_score, dept_score = (_column_score(rubric, values, column, source, entry, problems, where)
                              for values, column, source in ((entry.self_scores, SELF, SOURCE_SELF),
                                                             (entry.dept_scores, DEPT, SOURCE_DEPT)))
    _shown_totals(entry, (self_score, dept_score), problems, flags)
    chosen, source = _chosen(p, entry, campaign, period, (self_score, dept_score), problems, flags)
    final, classification = None, ""
    if chosen is not None and chosen.total is None:  # a column begun with cells unknown: its total is unknown too
        column, values = (DEPT, entry.dept_scores) if source == SOURCE_DEPT else (SELF, entry.self_scores)
        blanks = [entry.cells.get((item.code, column), item.code)
                  for group, item in rubric.items if group.kind == cm.SCORE and values.get(item.code) is None]
        flags.append(reason("flag.total_pending", column=(source,), cells=", ".join(blanks)))
    elif chosen is not None:
        final = chosen.total
        classification = rules.classify(campaign.classification, campaign.gate_cap, chosen.total, chosen.gate_ok)
    _gap(p, where, self_score, dept_score, campaign.settings.score_gap_tolerance, problems, flags)
    return _Scored(self_score=self_score, dept_score=dept_score, final=final, final_source=source,
                   classification=classification, flags=tuple(flags))


def _shown_totals(entry: Entry, scores: tuple[Score, Score], problems: list[Issue], flags: list[Reason]) -> None:
    """A total shown in the workbook (its cached formula result) that is not the total computed again, said."""
    for column, computed, shown in ((SOURCE_SELF, scores[0], entry.shown_totals[0]),
                                    (SOURCE_DEPT, scores[1], entry.shown_totals[1])):
        if computed.total is not None and shown is not None and abs(shown - computed.total) > 0.005:
            problems.append(issue("value.total_mismatch", WARNING, file=entry.file, sheet=entry.sheet, shown=shown,
                                  computed=computed.total))
            flags.append(reason("flag.total_mismatch", column=(column,)))


def _chosen(p: PersonResult, entry: Entry, campaign: cm.Campaign, period: str, scores: tuple[Score, Score],
            problems: list[Issue], flags: list[Reason]) -> tuple[Score | None, str]:
    """The column that is the person's score and its source: the department's once begun, else their own; none
    typed is said unless they were wholly on leave for the period, and a score typed for such a period is said."""
    self_score, dept_score = scores
    chosen, source = None, ""
    on_leave = away(p, period)
    if on_leave:
        flags.append(reason("flag.away", leave=(LEAVE_OF_WORD.get(p.facts.leave or "", "NGHI"),)))
    if dept_score.entered:  # the department's column begun is the department's score, even if not yet complete
        chosen, source = dept_score, SOURCE_DEPT
    elif self_score.entered:
        chosen, source = self_score, SOURCE_SELF
    elif not on_leave:
        problems.append(issue("person.no_scores", WARNING, file=entry.file, sheet=entry.sheet, name=p.name))
        flags.append(reason("flag.no_scores"))
    if on_leave and chosen is not None:
        label = next((x.label for x in campaign.periods if x.code == period), period)
        problems.append(issue("person.away_scored", WARNING, file=entry.file, sheet=entry.sheet, name=p.name,
                              period=label))
    return chosen, source


def _gap(p: PersonResult, where: dict[str, str], self_score: Score, dept_score: Score, tolerance: float,
         problems: list[Issue], flags: list[Reason]) -> None:
    """A gap between the person's own total and the department's above the campaign's tolerance, said."""
    if self_score.total is not None and dept_score.total is not None:
        gap = abs(self_score.total - dept_score.total)
        if gap > tolerance:
            problems.append(issue("person.score_gap", WARNING, **where, name=p.name,
                                  self_score=self_score.total, dept_score=dept_score.total, gap=round(gap, 2),
                                  tolerance=tolerance))
            flags.append(reason("flag.score_gap", gap=round(gap, 2)))


def _column_score(rubric: cm.Rubric, values: ItemScores, column: str, source: str, entry: Entry, problems: list[Issue],
                  where: dict[str, str]) -> Score:
    """A column's score. Unknown is never zero: a column begun with a required criterion left blank, or with a cell
    that could not be read, has no total (each blank said at its cell); nothing entered, no total either. Its group
    subtotals are then blank, never 0 (printed blank)."""
    score = rules.score(rubric, values)
    invalid = [item.code for _, item in rubric.items if (item.code, column) in entry.invalid] if entry.invalid else []
    if score.entered and score.blank_required:  # the criteria left blank in a column begun
        for group, item in rubric.items:
            if group.kind == cm.SCORE and values.get(item.code) is None and item.code not in invalid:
                problems.append(issue("value.required_blank", WARNING, **where,
                                      cell=entry.cells.get((item.code, column), ""), item=item.code, column=(source,)))
    if score.total is not None and not score.blank_required and not invalid:
        return score
    if not score.entered:
        return dataclasses.replace(score, total=None, groups=dict.fromkeys(score.groups))
    # only the groups with a required criterion blank, or a cell unknown, have their subtotal unknown: a group fully
    # filled keeps its own (one blank of group II never blanks group I)
    unknown = {group.code for group, item in rubric.items
               if item.code in invalid or (group.kind == cm.SCORE and values.get(item.code) is None)}
    return dataclasses.replace(score, total=None, groups={code: None if code in unknown else value
                                                          for code, value in score.groups.items()})


SIGNAL_AVERAGE_GAP = 10  # percentage points of the rubric's total between a department's average and the school's


def council_signals(campaign: cm.Campaign, people: list[PersonResult], by_dept: dict[str, CleanSubmission]
                    ) -> list[Issue]:
    """What the council should look at, flagged and never judged: a department scored all at the
    maximum, with department scores equal to the self scores for everyone, or far from the school's
    average; and a department whose "Tổ chấm" column was left blank (that one the department fixes)."""
    found: list[Issue] = []
    rubric = _rubrics(campaign)
    percent = {p.code: 100 * p.final / rubric(p.role).total for p in people
               if p.final is not None and rubric(p.role).total}
    school = sum(percent.values()) / len(percent) if percent else None
    members = by_department(people)
    for dept in campaign.departments:
        sub = by_dept.get(dept.code)
        scored = [p for p in members.get(dept.code, ()) if p.final is not None]
        if sub is None or not scored:
            continue
        self_only = [p for p in scored if p.dept_score is None or p.dept_score.total is None]
        if len(self_only) == len(scored):
            found.append(issue("department.dept_column_blank", WARNING, file=sub.file, department=dept.name,
                               count=len(scored)))
        else:  # the department scored the others: one form's column left blank may be forgotten, or emptied
            found += [issue("person.dept_column_blank", WARNING, file=p.file, sheet=p.sheet, name=p.name,
                            others=len(scored) - len(self_only)) for p in self_only]
        if len(scored) >= 2 and all(p.final is not None and p.final >= rubric(p.role).total for p in scored):
            found.append(issue("signal.all_max", NOTE, department=dept.name, count=len(scored)))
        found += _equal_columns(dept, scored)
        found += _average_far(dept, scored, percent, school)
    return found


def _equal_columns(dept: cm.Department, scored: list[PersonResult]) -> list[Issue]:
    """A department whose column equals each person's own score, for everyone (two people or more)."""
    both = [(p.self_score.total, p.dept_score.total) for p in scored
            if p.self_score is not None and p.self_score.total is not None
            and p.dept_score is not None and p.dept_score.total is not None]
    if len(both) >= 2 and len(both) == len(scored) and all(own == dept for own, dept in both):
        return [issue("signal.dept_equals_self", NOTE, department=dept.name, count=len(both))]
    return []


def _average_far(dept: cm.Department, scored: list[PersonResult], percent: dict[str, float],
                 school: float | None) -> list[Issue]:
    """A department whose average (in percent of the rubric's total) is far from the school's."""
    mine = [percent[p.code] for p in scored if p.code in percent]
    # Someone outside the department was scored too (the school is more than this department):
    # counted, not listed — listing the others for every department was departments × people.
    others = len(percent) - sum(1 for code in {p.code for p in scored} if code in percent)
    if mine and others and school is not None and abs(sum(mine) / len(mine) - school) > SIGNAL_AVERAGE_GAP:
        return [issue("signal.average_far", NOTE, department=dept.name, average=round(sum(mine) / len(mine), 1),
                      school=round(school, 1), gap=SIGNAL_AVERAGE_GAP)]
    return []


def _rubric(campaign: cm.Campaign, role: str) -> cm.Rubric:
    return next((r for r in campaign.rubrics if r.role == role), campaign.rubrics[0])


def _rubrics(campaign: cm.Campaign) -> Callable[[str], cm.Rubric]:
    """``_rubric`` for many people: role → rubric looked up once per role."""
    known: dict[str, cm.Rubric] = {}

    def rubric(role: str) -> cm.Rubric:
        found = known.get(role)
        if found is None:
            found = known[role] = _rubric(campaign, role)
        return found
    return rubric


def ranks(people: list[PersonResult]) -> tuple[list[int | None], list[int | None]]:
    """Each person's school-wide and within-department rank by final score (ties share a rank)."""
    school = rules.rank([p.final for p in people])
    in_dept: list[int | None] = [None] * len(people)
    indexes: dict[str, list[int]] = {}
    for i, p in enumerate(people):
        indexes.setdefault(p.department, []).append(i)
    for index in indexes.values():
        for i, rank in zip(index, rules.rank([people[i].final for i in index])):
            in_dept[i] = rank
    return school, in_dept


def ranked(people: list[PersonResult]) -> list[PersonResult]:
    """Each person ranked (:func:`ranks`), no title proposed: a period's result, on its merge and on the head's pass."""
    school, in_dept = ranks(people)
    return [dataclasses.replace(p, rank_school=s, rank_department=d) for p, s, d in zip(people, school, in_dept)]


def _candidate(p: PersonResult, campaign: cm.Campaign) -> rules.Candidate:
    f = p.facts
    return rules.Candidate(registered=p.registered, rating=f.rating, months=f.months,
                           maternity_months=f.maternity_months, days_off=f.days_off, discipline=f.discipline,
                           under_review=f.under_review, initiative=f.initiative, initiative_level=f.initiative_level,
                           initiative_decision=f.initiative_decision, classification=p.classification, total=p.final,
                           total_pending=any(flag.code in PENDING_FLAGS for flag in p.flags), leave=f.leave,
                           rating_pending=rating_waits(p), course_months=rules.course_months(f, campaign.periods),
                           moved_to=(f.moved_to or "—") if f.moved_on else None,
                           registration_unsent=any(flag.code == REGISTRATION_UNSENT for flag in p.flags),
                           not_rated=any(flag.code == YEAR_NOT_RATED for flag in p.flags),
                           facts_on_form=p.facts_on_form)


def judged(people: list[PersonResult], campaign: cm.Campaign) -> list[PersonResult]:
    """Each person ranked (:func:`ranks`) and given the tool's proposal — LĐTT, CSTĐCS within the quota,
    higher titles —, on the merge and again on the council's pass: one copy of each result."""
    r = campaign.rules
    school, in_dept = ranks(people)
    proposals = [_proposal(p, campaign) for p in people]
    ldtt_count = sum(1 for p, decisions in zip(people, proposals)
                     if p.status != STATUS_DEPT_MISSING and decisions[0].granted)
    winners = [(p.code, p.final) for p, decisions in zip(people, proposals) if is_granted(decisions, CSTDCS)]
    genders = {p.code: p.gender for p in campaign.staff}  # NĐ 152/2025 điều 4 khoản 6: women first on a tie
    missed = quota.apply_quota(winners, ldtt_count, r.cstdcs_quota_percent, genders, r)
    not_registered = reason(NOT_REGISTERED_FLAG)
    result = []
    for i, (p, decisions) in enumerate(zip(people, proposals)):
        why = missed.get(p.code) if is_granted(decisions, CSTDCS) else None
        if why is not None:
            decisions = tuple(quota.after_quota(d, why, r) if d.title == CSTDCS else d for d in decisions)
        flags = p.flags
        if p.status != STATUS_DEPT_MISSING and not p.has_registered and not_registered not in flags and \
                not any(flag.code == REGISTRATION_UNSENT for flag in flags):  # chose nothing: the book never came
            flags += (not_registered,)  # once: the council's pass judges the merge's results again
        result.append(dataclasses.replace(p, rank_school=school[i], rank_department=in_dept[i], decisions=decisions,
                                          flags=flags))
    return result


UNFINISHED_YEAR = "flag.year_unfinished"  # a year waiting for a period's form to be completed (decide.year)
YEAR_PENDING = "flag.year_pending"  # a year's rating waiting for something else (decide.year): the titles wait
YEAR_NOT_RATED = "flag.year_not_rated"  # the decree rates no year of under six months worked (decide.year): none waits
# the flags the year's own reasons say already (its sheet gives each once): the rating entered, the year not rated
SAID_BY_THE_YEAR = frozenset({"flag.year_rating_entered", YEAR_NOT_RATED})
NOT_REGISTERED_FLAG = "flag.not_registered"  # the person's book came and she registered for no title (judged)
REGISTRATION_UNSENT = "flag.registration_unsent"  # the person's department never sent its registration book (the year)
PENDING_FLAGS = frozenset({"flag.total_pending", UNFINISHED_YEAR})  # the score is not known yet: the titles wait


def rating_waits(p: PersonResult) -> tuple[Reason, ...]:
    """What ``p``'s year rating waits for, from its flags (set by decide.year; none: it waits for nothing): a rating
    not known yet is not missing — the titles resting on it wait (decide.rules)."""
    waits: list[Reason] = []
    for flag in p.flags:
        if flag.code == UNFINISHED_YEAR:
            waits.append(reason("wait.unfinished", periods=dict(flag.params)["periods"]))
        elif flag.code == YEAR_PENDING:
            waits += cast("tuple[Reason, ...]", dict(flag.params)["waits"])  # a flag's parameters are untyped
    return tuple(waits)


def _pending(p: PersonResult, title: str) -> bool:
    return any(d.title == title and d.pending for d in p.decisions)
KEPT_OUT_BY_QUOTA = frozenset({"quota.outside", "quota.tie", "quota.women_first_out"})  # the quota alone, not a vote


def quota_again(people: list[PersonResult], campaign: cm.Campaign, spent: Collection[str],
                voted: bool) -> tuple[list[PersonResult], tuple[str, ...]]:
    """``people`` with the CSTĐCS quota shared again once the history withdrew the CSTĐCS of ``spent`` (their
    codes; the decisions withdrawn already in ``people``): they never qualified, so the places they held go, by score
    as the quota goes, to those the quota alone had kept out (a vote the council took is not undone: ``voted``, the
    council's pass, leaves each of them pending its vote). Returns the people and the names of those given a place."""
    r = campaign.rules
    before, winners = _kept_out(people, campaign, spent)
    ldtt_count = sum(1 for p in people if p.status != STATUS_DEPT_MISSING and is_granted(p.decisions, LDTT))
    genders = {p.code: p.gender for p in campaign.staff}
    missed = quota.apply_quota(winners, ldtt_count, r.cstdcs_quota_percent, genders, r)
    freed = reason("quota.freed", names=", ".join(p.name for p in people if p.code in spent))
    result, given = [], []
    for p in people:
        if p.code in before:
            decision = quota.after_quota(before[p.code], missed.get(p.code), r)
            if decision.granted:
                given.append(p.name)
                decision = Decision(CSTDCS, not voted, (*decision.reasons, freed,
                                                        *((reason("quota.freed_vote"),) if voted else ())),
                                    pending=voted)
            if decision.granted or decision.pending:
                p = dataclasses.replace(p, decisions=tuple(decision if d.title == CSTDCS else d
                                                           for d in p.decisions))
        result.append(p)
    return result, tuple(given)


def _kept_out(people: list[PersonResult], campaign: cm.Campaign,
              spent: Collection[str]) -> tuple[dict[str, Decision], list[tuple[str, float | None]]]:
    """Those the quota alone kept out of CSTĐCS, each with the CSTĐCS the rules give before the quota, and the
    candidates for the quota again (those granted it, those kept out), by code and score; ``spent`` left out."""
    before: dict[str, Decision] = {}
    winners = []
    for p in people:
        decision = next((d for d in p.decisions if d.title == CSTDCS), None)
        if decision is None or p.code in spent:
            continue
        if decision.granted:
            winners.append((p.code, p.final))
        elif decision.reasons and decision.reasons[0].code in KEPT_OUT_BY_QUOTA:
            ldtt = next(d for d in p.decisions if d.title == LDTT)
            again = rules.decide_cstdcs(_candidate(p, campaign), ldtt, campaign.rules)
            if again is not None and again.granted:
                before[p.code] = again
                winners.append((p.code, p.final))
    return before, winners


def _proposal(p: PersonResult, campaign: cm.Campaign) -> tuple[Decision, ...]:
    """The titles the rules give ``p`` before the CSTĐCS quota, LĐTT first."""
    if p.status == STATUS_DEPT_MISSING:
        return (Decision(LDTT, False, (reason("ldtt.department_missing"),)),)
    candidate = _candidate(p, campaign)
    ldtt = rules.decide_ldtt(candidate, campaign.rules, campaign.classification)
    extra = (rules.decide_cstdcs(candidate, ldtt, campaign.rules),
             rules.decide_higher(candidate))
    return (ldtt, *(d for d in extra if d is not None))


def _departments(campaign: cm.Campaign, people: list[PersonResult], by_dept: dict[str, CleanSubmission],
                 titled: bool) -> list[DepartmentResult]:
    """Each department, what it sent, and (``titled``: the year's scoring round) its collective titles."""
    base = []
    groups = by_department(people)
    for dept in campaign.departments:
        sub = by_dept.get(dept.code)
        members = len(groups.get(dept.code, ()))
        base.append(DepartmentResult(dept.code, dept.name, members, sub is not None, sub.file if sub else "",
                                     sub.collective if sub else ""))
    return decide_departments(campaign, people, base) if titled else base


def decide_departments(campaign: cm.Campaign, people: Iterable[PersonResult], departments: Iterable[DepartmentResult]
                       ) -> list[DepartmentResult]:
    """The collective titles of each department from its members' results (scoring round), with the decision's own
    counts (its members here when it is decided — who moved to another school during the year is none —, LĐTT,
    CSTĐCS, disciplined) for every sheet and paper to print. Refused for a book not sent only where the round's own
    book is missing (its members' scores unknown, docs/domain.md §2): in a year made from its periods, a month a
    department did not send leaves its members' year waiting, and so its title — decided from them, never refused
    for it (Luật TĐKT 2022 điều 28 counts the members' titles)."""
    results = []
    groups = by_department(people)
    for d in departments:
        unit = _unit(d, [p for p in groups.get(d.code, []) if not p.facts.moved_on])
        decisions: tuple[Decision, ...]
        if not d.submitted and all(p.status == STATUS_DEPT_MISSING for p in groups.get(d.code, [])):
            decisions = (Decision(TTLDTT, False, (reason("collective.department_missing"),)),)
        else:
            decisions = tuple(rules.decide_collective(unit, campaign.rules))
        results.append(dataclasses.replace(d, members=unit.members, ldtt=unit.ldtt, cstdcs=unit.cstdcs,
                                           disciplined=unit.disciplined, decisions=decisions))
    return results


def _unit(d: DepartmentResult, members: list[PersonResult]) -> rules.Unit:
    """What the collective rules count of ``d``'s ``members`` (those here when the title is decided)."""
    disciplines = [p.facts.discipline for p in members]
    waiting = sum(p.facts.rating is None and bool(rating_waits(p)) for p in members)
    not_rated = sum(any(flag.code == YEAR_NOT_RATED for flag in p.flags) for p in members)
    return rules.Unit(
        registered=d.collective, members=len(members),
        ldtt=sum(p.granted(LDTT) for p in members),
        cstdcs=sum(p.granted(CSTDCS) for p in members),
        at_least_htnv=sum(p.facts.rating in cm.RATINGS[:3] for p in members),
        disciplined=sum(x not in (None, cm.DISCIPLINES[0]) for x in disciplines),
        warned_or_worse=sum(x in cm.DISCIPLINES[2:] for x in disciplines),
        unrated=sum(p.facts.rating is None for p in members) - waiting - not_rated, not_rated=not_rated,
        discipline_unknown=sum(x is None for x in disciplines),
        under_review=sum(p.facts.under_review is True for p in members),
        ldtt_pending=sum(_pending(p, LDTT) for p in members),
        cstdcs_pending=sum(_pending(p, CSTDCS) for p in members), rating_pending=waiting)
