"""Consolidation: which file counts, every person's scores, ranks and title decisions. Pure: no I/O.

Which version of a department wins: the one whose workbook was saved last, by the save time the
spreadsheet program writes inside the file (docProps/core.xml, ODS meta.xml), else the file's
modification time; then the file name. E-mail clients reset file times when saving attachments,
so the workbook's own time is the better witness.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from thidua_xlsx import campaign as cm
from thidua_xlsx import layout as ly
from thidua_xlsx import rules
from thidua_xlsx.collation import name_key
from thidua_xlsx.issues import ERROR, WARNING, Issue, issue
from thidua_xlsx.reader import ACCEPTED, REJECTED, SUPERSEDED, InboxFile
from thidua_xlsx.validate import DEPT_LABEL as SOURCE_DEPT
from thidua_xlsx.validate import SELF_LABEL as SOURCE_SELF
from thidua_xlsx.validate import CleanSubmission, Entry

SOURCE_COUNCIL = "Hội đồng"
STATUS_SUBMITTED, STATUS_DEPT_MISSING, STATUS_SHEET_MISSING = "đã nộp", "tổ chưa nộp", "thiếu phiếu"


@dataclass
class PersonResult:
    code: str
    name: str
    department: str
    department_name: str
    role: str
    position: str
    status: str
    newcomer: bool = False
    file: str = ""
    sheet: str = ""
    registered: str = ""
    form: str = ""
    initiative: str = ""
    note: str = ""
    facts: cm.Facts = field(default_factory=cm.Facts)
    self_score: rules.Score | None = None
    dept_score: rules.Score | None = None
    final: float | None = None
    final_source: str = ""
    classification: str = ""
    rank_school: int | None = None
    rank_department: int | None = None
    decisions: list[rules.Decision] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def has_registered(self) -> bool:
        return bool(self.registered) and self.registered != ly.NOT_REGISTERED

    def granted(self, title: str) -> bool:
        return any(d.title == title and d.granted for d in self.decisions)

    @property
    def proposed(self) -> str:
        """The highest title granted ("" if none)."""
        granted = [d.title for d in self.decisions if d.granted]
        return granted[-1] if granted else ""


@dataclass
class DepartmentResult:
    code: str
    name: str
    members: int
    submitted: bool
    file: str = ""
    collective: str = ""
    decisions: list[rules.Decision] = field(default_factory=list)

    @property
    def proposed(self) -> str:
        granted = [d.title for d in self.decisions if d.granted]
        return granted[0] if granted else ""


@dataclass
class Summary:
    campaign: cm.Campaign | None
    round: str
    files: list[InboxFile]
    people: list[PersonResult]
    departments: list[DepartmentResult]
    issues: list[Issue]
    newest_input: dt.datetime | None

    @property
    def accepted_files(self) -> list[InboxFile]:
        return [f for f in self.files if f.status == ACCEPTED]


def select_files(files: list[InboxFile], campaign: cm.Campaign | None = None, round_: str | None = None
                 ) -> tuple[cm.Campaign | None, str, list[InboxFile]]:
    """Decide the campaign and round of this inbox, reject strangers, keep the newest per department.

    Returns (campaign, round, winners). Without ``campaign``, the campaign most files belong to is
    used (from its newest file); without ``round_``, the round most files belong to.
    """
    readable = [f for f in files if f.status == ACCEPTED]
    if campaign is None and readable:
        ids = Counter(f.submission.campaign.id for f in readable)
        top = max(ids.items(), key=lambda kv: (kv[1], kv[0]))[0]
        campaign = max((f for f in readable if f.submission.campaign.id == top),
                       key=lambda f: (f.version_time, f.name)).submission.campaign
    if round_ is None:
        rounds = Counter(f.submission.round for f in readable if f.submission.campaign.id == getattr(campaign, "id",
                                                                                                      None))
        round_ = max(rounds.items(), key=lambda kv: (kv[1], kv[0] == ly.SCORING))[0] if rounds else ly.SCORING
    for f in readable:
        other = f.submission.campaign
        if campaign is not None and other.id != campaign.id:
            _reject(f, "file.other_campaign", school=other.school.name, year=other.school.school_year)
        elif f.submission.round != round_:
            _reject(f, "file.other_round", round=f.submission.round, expected=round_)
    winners = []
    by_department: dict[str, list[InboxFile]] = {}
    for f in files:
        if f.status == ACCEPTED:
            by_department.setdefault(f.submission.department_code, []).append(f)
    for code, group in sorted(by_department.items()):
        group.sort(key=lambda f: (f.version_time, f.modified, f.name), reverse=True)
        winners.append(group[0])
        for older in group[1:]:
            older.status, older.reason = SUPERSEDED, "file.superseded"
            older.issues.append(issue("file.superseded", WARNING, file=older.name,
                                      department=older.submission.meta.get("department_name", code),
                                      newer=group[0].name))
    return campaign, round_, winners


def _reject(f: InboxFile, code: str, **params) -> None:
    f.status, f.reason = REJECTED, code
    f.issues.append(issue(code, ERROR, file=f.name, **params))


def consolidate(campaign: cm.Campaign, round_: str, files: list[InboxFile], clean: list[CleanSubmission]
                ) -> Summary:
    problems: list[Issue] = [i for f in files for i in f.issues]
    for sub in clean:
        problems.extend(sub.issues)
    by_dept = {sub.department: sub for sub in clean}
    people: list[PersonResult] = []
    for dept in campaign.departments:
        sub = by_dept.get(dept.code)
        if sub is None:
            problems.append(issue("department.missing", WARNING, department=dept.name))
        entries = {e.code: e for e in sub.entries} if sub else {}
        for person in campaign.members(dept.code):
            result = PersonResult(code=person.code, name=person.name, department=dept.code,
                                  department_name=dept.name, role=person.role, position=person.position,
                                  status=STATUS_DEPT_MISSING, facts=person.facts)
            entry = entries.pop(person.code, None)
            if entry is not None:
                problems.extend(_fill(result, entry, campaign, round_))
            people.append(result)
        for entry in entries.values():  # newcomers (spare rows / sheets)
            result = PersonResult(code=entry.code, name=entry.name, department=dept.code, department_name=dept.name,
                                  role=entry.role, position=entry.position, status=STATUS_SUBMITTED, newcomer=True)
            result.flags.append("người mới, chưa có trong danh sách")
            problems.extend(_fill(result, entry, campaign, round_))
            people.append(result)
    if round_ == ly.SCORING:
        assign_ranks(people)
        _decide(people, campaign)
    departments = _departments(campaign, people, by_dept, round_)
    people.sort(key=lambda p: (dept_order(campaign, p.department), name_key(p.name), p.code))
    stamps = [f.version_time for f in files if f.status in (ACCEPTED, SUPERSEDED)]
    return Summary(campaign, round_, files, people, departments, problems, max(stamps) if stamps else None)


def dept_order(campaign: cm.Campaign, code: str) -> int:
    return next((i for i, d in enumerate(campaign.departments) if d.code == code), len(campaign.departments))


def _fill(result: PersonResult, entry: Entry, campaign: cm.Campaign, round_: str) -> list[Issue]:
    result.status = STATUS_SUBMITTED if entry.has_sheet else STATUS_SHEET_MISSING
    result.file, result.sheet = entry.file, entry.sheet
    result.registered, result.form, result.initiative, result.note = (entry.registered, entry.form,
                                                                      entry.initiative, entry.note)
    if entry.facts is not None and campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
        result.facts = entry.facts
    return _score(result, entry, campaign) if round_ == ly.SCORING and entry.has_sheet else []


def _score(p: PersonResult, entry: Entry, campaign: cm.Campaign) -> list[Issue]:
    found = []
    rubric = campaign.rubric_for(p.role) if any(r.role == p.role for r in campaign.rubrics) else campaign.rubrics[0]
    p.self_score = rules.score(rubric, entry.self_scores)
    p.dept_score = rules.score(rubric, entry.dept_scores)
    where = {"file": entry.file, "sheet": entry.sheet}
    for label, computed, shown in ((SOURCE_SELF, p.self_score, entry.file_totals[0]),
                                   (SOURCE_DEPT, p.dept_score, entry.file_totals[1])):
        if computed.total is not None and shown is not None and abs(shown - computed.total) > 0.005:
            found.append(issue("value.total_mismatch", WARNING, **where, shown=cm.num_text(shown),
                               computed=cm.num_text(computed.total)))
            p.flags.append(f"tổng {label.lower()} trong sổ khác tổng tính lại")
    if p.dept_score.total is not None:
        chosen, p.final_source = p.dept_score, SOURCE_DEPT
    elif p.self_score.total is not None:
        chosen, p.final_source = p.self_score, SOURCE_SELF
    else:
        chosen = None
        found.append(issue("person.no_scores", WARNING, **where, name=p.name))
        p.flags.append("chưa có điểm")
    if chosen is not None:
        p.final = chosen.total
        p.classification = rules.classify(campaign.classification, campaign.gate_cap, chosen.total, chosen.gate_ok)
        for column, values in ((SOURCE_SELF, entry.self_scores), (SOURCE_DEPT, entry.dept_scores)):
            if any(v is not None for v in values.values()):
                for group, item in rubric.items:
                    if group.kind == cm.SCORE and values.get(item.code) is None and \
                            (item.code, column) not in entry.invalid:
                        found.append(issue("value.required_blank", WARNING, **where, cell=entry.cells.get((item.code, column), ""),
                                           item=item.code, column=column))
    tolerance = campaign.settings.score_gap_tolerance
    if p.self_score.total is not None and p.dept_score.total is not None:
        gap = abs(p.self_score.total - p.dept_score.total)
        if gap > tolerance:
            found.append(issue("person.score_gap", WARNING, **where, name=p.name,
                               self_score=cm.num_text(p.self_score.total), dept_score=cm.num_text(p.dept_score.total),
                               gap=cm.num_text(round(gap, 2)), tolerance=cm.num_text(tolerance)))
            p.flags.append(f"tự chấm và tổ chấm lệch {cm.num_text(round(gap, 2))} điểm")
    return found


def assign_ranks(people: list[PersonResult]) -> None:
    """School-wide and within-department ranks by final score (ties share a rank)."""
    for p, r in zip(people, rules.rank([p.final for p in people])):
        p.rank_school = r
    for code in {p.department for p in people}:
        members = [p for p in people if p.department == code]
        for p, r in zip(members, rules.rank([p.final for p in members])):
            p.rank_department = r


def _candidate(p: PersonResult) -> rules.Candidate:
    f = p.facts
    return rules.Candidate(registered=p.registered, rating=f.rating, months=f.months,
                           maternity_months=f.maternity_months, days_off=f.days_off, discipline=f.discipline,
                           under_review=f.under_review, initiative=f.initiative, initiative_level=f.initiative_level,
                           initiative_decision=f.initiative_decision, classification=p.classification, total=p.final)


def _decide(people: list[PersonResult], campaign: cm.Campaign) -> None:
    r = campaign.rules
    considered = [p for p in people if p.status != STATUS_DEPT_MISSING]
    for p in people:
        if p.status == STATUS_DEPT_MISSING:
            p.decisions = [rules.Decision(rules.LDTT, False, ["tổ chưa nộp sổ chấm điểm"])]
    for p in considered:
        candidate = _candidate(p)
        ldtt = rules.decide_ldtt(candidate, r, campaign.classification)
        p.decisions = [ldtt]
        cstdcs = rules.decide_cstdcs(candidate, ldtt, r)
        if cstdcs is not None:
            p.decisions.append(cstdcs)
    winners = [p for p in considered if p.granted(rules.CSTDCS)]
    ldtt_count = sum(1 for p in considered if p.decisions[0].granted)
    missed = rules.apply_quota([(p.code, p.final) for p in winners], ldtt_count, r.cstdcs_quota_percent)
    for p in winners:
        reason = missed.get(p.code)
        if reason:
            decision = next(d for d in p.decisions if d.title == rules.CSTDCS)
            decision.granted = False
            decision.reasons = [reason]


def _departments(campaign: cm.Campaign, people: list[PersonResult], by_dept: dict[str, CleanSubmission],
                 round_: str) -> list[DepartmentResult]:
    results = []
    for dept in campaign.departments:
        sub = by_dept.get(dept.code)
        members = [p for p in people if p.department == dept.code]
        result = DepartmentResult(dept.code, dept.name, len(members), sub is not None, sub.file if sub else "",
                                  sub.collective if sub else "")
        if round_ == ly.SCORING:
            if sub is None:
                result.decisions = [rules.Decision(rules.TTLDTT, False, ["tổ chưa nộp sổ chấm điểm"])]
            else:
                disciplines = [p.facts.discipline or cm.DISCIPLINES[0] for p in members]
                unit = rules.Unit(
                    registered=result.collective, members=len(members),
                    ldtt=sum(p.granted(rules.LDTT) for p in members),
                    cstdcs=sum(p.granted(rules.CSTDCS) for p in members),
                    at_least_htnv=sum(p.facts.rating in cm.RATINGS[:3] for p in members),
                    disciplined=sum(d != cm.DISCIPLINES[0] for d in disciplines),
                    warned_or_worse=sum(d in cm.DISCIPLINES[2:] for d in disciplines))
                result.decisions = rules.decide_collective(unit, campaign.rules)
        results.append(result)
    return results
