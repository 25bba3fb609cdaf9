"""Who to chase, and for what: each department against the round's deadline (pure, no I/O).

A department has sent on time, sent late (by how many days), not sent, or sent a workbook that is
blank or nearly blank (fewer than one person in five with anything filled in); in a sent workbook, who has
nothing filled in, and who has nothing but what could not be used (an entry with an error naming them: a title not
in the list, a score that is no number) — told apart, never "nothing yet" for someone who typed. A workbook sent back
with nothing typed in it is no submission (the reader skipped it), but it was sent: "sent, not
filled in" — unless the department's filled book is used: then it is a copy set aside (:func:`set_aside_copies`),
never a reason to remind it. The send date is the workbook's own save time (or the file's time), in Vietnam;
"today" is given by the caller.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import SKIPPED, UNTOUCHED, InboxFile
from thidua_xlsx.model.issues import ERROR, NOTE, Issue, issue
from thidua_xlsx.model.results import STATUS_DEPT_MISSING, PersonResult, Summary, away, by_department

ON_TIME, LATE, NOT_SENT, UNFILLED = "on_time", "late", "not_sent", "unfilled"
SET_ASIDE = "file.unfilled_set_aside"  # an untouched copy of a department whose filled book is used
NEARLY_BLANK = 0.2  # below this share of people with anything filled, a workbook counts as not filled


@dataclass(frozen=True)
class FollowUp:
    code: str
    name: str
    head: str
    email: str
    state: str  # ON_TIME, LATE, NOT_SENT or UNFILLED
    deadline: dt.date | None
    sent_on: dt.date | None
    days_late: int  # sent late: days after the deadline; not sent: days overdue today (0 before the deadline)
    file: str
    people: int
    filled: int  # people with anything filled in
    errors: int  # errors in the department's file
    missing: tuple[str, ...]  # names of people with nothing filled in (a sent, filled workbook)
    wrong: tuple[tuple[str, str, str], ...] = ()  # (name, where: "sheet!cell", the value typed or "") of people with
    # nothing but a wrong entry

    @property
    def needs_reminder(self) -> bool:
        return self.state in (NOT_SENT, UNFILLED) or bool(self.errors or self.missing or self.wrong)


def deadline_of(summary: Summary) -> dt.date | None:
    """The round's deadline: a period's own (sheet Kỳ đánh giá), else the school's for the round."""
    if summary.period:
        return next((p.deadline for p in summary.campaign.periods if p.code == summary.period), None)
    school = summary.campaign.school
    text = school.registration_deadline if summary.round == ly.REGISTRATION else school.scoring_deadline
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def follow_up(summary: Summary, today: dt.date) -> tuple[FollowUp, ...]:
    """Each department's state for the secretary's follow-up: not sent, sent untouched or nearly blank, late or on
    time, with the people it left blank and those whose entry was typed wrong."""
    deadline = deadline_of(summary)
    files = {f.name: f for f in summary.files}
    errors, wrong = _errors(summary)
    untouched = untouched_files(summary.files, summary.round)
    found: list[FollowUp] = []
    contacts = {x.code: x for x in reversed(summary.campaign.departments)}  # the first, if a code repeats
    people = by_department(summary.people)
    for d in summary.departments:
        dept = contacts[d.code]
        members = [p for p in people.get(d.code, ()) if p.status != STATUS_DEPT_MISSING and not p.newcomer
                   and not away(p, summary.period)]  # a period wholly on leave: nothing to ask for
        common = FollowUp(code=d.code, name=d.name, head=dept.head, email=dept.email, state="", deadline=deadline,
                          sent_on=None, days_late=0, file=d.file, people=len(members), filled=0, errors=0, missing=())
        if not d.submitted and d.code in untouched:
            blank = untouched[d.code]
            sent_on = (blank.version_time + ly.VIETNAM_UTC_OFFSET).date()
            everyone = sum(not p.newcomer and not away(p, summary.period) for p in people.get(d.code, ()))
            found.append(dataclasses.replace(common, file=blank.name, people=everyone, state=UNFILLED, sent_on=sent_on,
                                             days_late=max(0, (sent_on - deadline).days) if deadline else 0))
        elif not d.submitted:
            overdue = max(0, (today - deadline).days) if deadline else 0
            found.append(dataclasses.replace(common, state=NOT_SENT, days_late=overdue))
        else:
            found.append(_sent(summary.round, common, members, files[d.file], errors.get(d.file, 0), wrong))
    return tuple(found)


def _errors(summary: Summary) -> tuple[dict[str, int], dict[tuple[str, str], tuple[str, str]]]:
    """The errors per file, and each person's first wrong entry per file ((file, person code) → where, what)."""
    errors: dict[str, int] = {}
    wrong: dict[tuple[str, str], tuple[str, str]] = {}
    for i in summary.issues:
        if i.severity == ERROR and i.file:
            errors[i.file] = errors.get(i.file, 0) + 1
            params = dict(i.params)
            person = params.get("person")
            if person:
                wrong.setdefault((i.file, str(person)), (f"{i.sheet}!{i.cell}" if i.cell else i.sheet,
                                                              str(params.get("value", ""))))
    return errors, wrong


def _sent(round_: str, common: FollowUp, members: list[PersonResult], file: InboxFile, errors: int,
          wrong: dict[tuple[str, str], tuple[str, str]]) -> FollowUp:
    """A department whose book was used: nearly blank, late or on time, with the people it left blank or typed wrong
    (none named when nearly blank: the whole book is to fill)."""
    deadline = common.deadline
    empty = [p for p in members if not _filled(p, round_)]
    not_filled = [p.name for p in empty if (common.file, p.code) not in wrong]
    typed_wrong = tuple((p.name, *wrong[(common.file, p.code)]) for p in empty if (common.file, p.code) in wrong)
    filled = len(members) - len(empty)
    sent_on = (file.version_time + ly.VIETNAM_UTC_OFFSET).date()
    nearly_blank = filled < NEARLY_BLANK * len(members)
    late = max(0, (sent_on - deadline).days) if deadline else 0
    state = UNFILLED if nearly_blank else (LATE if late else ON_TIME)
    missing = () if nearly_blank else tuple(not_filled)
    return dataclasses.replace(common, state=state, sent_on=sent_on, days_late=late, filled=filled, errors=errors,
                               missing=missing, wrong=() if nearly_blank else typed_wrong)


def untouched_files(files: Iterable[InboxFile], round_: str) -> dict[str, InboxFile]:
    """Department code → the newest workbook of ``round_`` it sent back with nothing typed in it."""
    found: dict[str, InboxFile] = {}
    for f in files:
        if f.status == SKIPPED and f.reason in UNTOUCHED and f.submission is not None and \
                f.submission.round == round_:
            code = f.submission.department_code
            if code not in found or f.version_time > found[code].version_time:
                found[code] = f
    return found


def set_aside_copies(summary: Summary) -> Summary:
    """``summary`` with each copy sent back untouched (as issued, or saved with nothing typed) by a department whose
    filled book of the round is used said as a copy set aside: a note naming the book used, in place of the reader's
    "nothing filled in: remind the department" — at its file and in the run's problems alike."""
    used = {d.code: d.file for d in summary.departments if d.submitted and d.file}
    said: dict[Issue, Issue] = {}
    files = []
    for f in summary.files:
        sub = f.submission
        if f.status == SKIPPED and f.reason in UNTOUCHED and sub is not None and sub.round == summary.round and \
                sub.period == (summary.period or "") and sub.department_code in used:
            for old in (i for i in f.issues if i.code in UNTOUCHED):
                said[old] = issue(SET_ASIDE, NOTE, file=old.file, sheet=old.sheet, cell=old.cell,
                                  department=f.department_name, used=used[sub.department_code])
            f = dataclasses.replace(f, issues=tuple(said.get(i, i) for i in f.issues))
        files.append(f)
    if not said:
        return summary
    return dataclasses.replace(summary, files=tuple(files), issues=tuple(said.get(i, i) for i in summary.issues))


def _filled(p: PersonResult, round_: str) -> bool:
    if round_ == ly.REGISTRATION:
        return bool(p.registered)
    return any(s is not None and s.entered for s in (p.self_score, p.dept_score))
