"""The short console report of ``merge`` and ``status`` (lines of text; the CLI prints them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import ERROR, WARNING
from thidua_xlsx.model.report import Report
from thidua_xlsx.model.results import Summary
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import report_lines as rl
from thidua_xlsx.text.messages import OPENING_CODES
from thidua_xlsx.text.period_pass import TYPED_NOT_READ


def console_lines(summary: Summary, report: Report, verbose: bool, said: Iterable[str] = ()) -> list[str]:
    """The report in a few lines: the round, the files, the departments (a year's: its periods, said by ``year``),
    the people, the titles (not a period's: the titles are the year's), the problems counted, and each error on its
    own line (a file turned away, with its reason) — ``verbose`` (``status``, ``merge``): each warning too. ``said``:
    the lines the run already warned (a problem said where it was found): not printed a second time."""
    n = report.counts
    lines = []
    c = summary.campaign
    if c is not None:
        lines.append(ct.REPORT_ROUND.format(round=ly.ROUNDS[report.round], school=c.school.name,
                                            year=c.school.school_year))
    lines.append(ct.REPORT_FILES.format(total=n.files, accepted=n.accepted, superseded=n.superseded,
                                        rejected=n.rejected, skipped=n.skipped))
    lines += _file_lines(report)
    if c is not None:
        if summary.year is None:
            lines.append(ct.REPORT_DEPARTMENTS.format(submitted=n.submitted, total=n.departments))
            lines += _untouched_line(summary)
            if report.missing:
                lines.append(ct.REPORT_MISSING.format(names=", ".join(report.missing)))
        if report.round == ly.SCORING:
            lines.append(ct.REPORT_PEOPLE.format(people=n.people, scored=n.scored, newcomers=n.newcomers))
            lines.append(ct.REPORT_PERIOD_NO_TITLES.format(period=summary.period_label) if summary.period else
                         ct.REPORT_TITLES.format(ldtt=n.ldtt, cstdcs=n.cstdcs))
        else:
            lines.append(ct.REPORT_REGISTERED.format(registered=n.registered, people=n.people))
    lines.append(ct.REPORT_PROBLEMS.format(errors=n.errors, warnings=n.warnings, notes=n.notes))
    lines += _problem_lines(report, verbose, said)
    if report.signals:
        lines.append(ct.REPORT_SIGNALS_PERIOD if summary.period else ct.REPORT_SIGNALS)  # a period: the head reviews
        lines += [f"  {i.message}" for i in report.signals]
    return lines


def _file_lines(report: Report) -> list[str]:
    """A line for each file read: its status (an untouched copy set aside: the file used instead) and its problems."""
    from thidua_xlsx.decide.followup import SET_ASIDE  # deferred: decide.followup at start-up

    aside = {i.file: dict(i.params)["used"] for i in report.issues if i.code == SET_ASIDE}
    lines = []
    for f in report.files:
        extra = ct.REPORT_FILE_PROBLEMS.format(count=f.problems) if f.problems else ""
        status = rl.FILE_SET_ASIDE.format(used=aside[f.name]) if f.name in aside else ct.FILE_STATUS[f.status]
        lines.append(ct.REPORT_FILE_LINE.format(name=f.name, status=status, problems=extra))
    return lines


def _problem_lines(report: Report, verbose: bool, said: Iterable[str]) -> list[str]:
    """Each error (``verbose``: each warning too) on its own line, but those ``said`` already where they were found."""
    shown = (ERROR, WARNING) if verbose else (ERROR,)
    already = Counter(said)
    lines = []
    for i in report.issues:
        if (i.severity in shown or i.code in TYPED_NOT_READ) \
                and i.code not in OPENING_CODES:  # typed but not read: said, never only counted; those: at opening
            line = f"{i.severity_label}: {i.render()}"
            if already[line]:  # said where it was found (the record of issued books, the rule set…): once
                already[line] -= 1
            else:
                lines.append(f"  {line}")
    return lines


def council_lines(summary: Summary) -> list[str]:
    """What a council's pass changed (a period's: the head's scoring), a sentence each: who, what the council did,
    why (the note typed, or the rule's reason) — the changes the change log sheet lists in columns."""
    from thidua_xlsx.write.summary.council import (  # deferred: xlsxwriter at start-up
        change_sentence,
        change_words,
    )

    changes = summary.council_changes
    head = ct.COUNCIL_CHANGES_PERIOD.format(period=summary.period_label, count=len(changes)) if summary.period \
        else ct.COUNCIL_CHANGES.format(count=len(changes))
    lines = [head if changes else head.removesuffix(":") + "."]  # no list follows: no colon
    for c in changes:
        why = change_words(c)[3]
        lines.append(rl.COUNCIL_CHANGE_SENTENCE.format(name=c.name, code=c.code, change=change_sentence(c),
                                                       why=rl.COUNCIL_CHANGE_BECAUSE.format(why=why) if why else ""))
    return lines


def _untouched_line(summary: Summary) -> list[str]:
    """The departments that sent their workbook back with nothing typed in it (not counted as submitted)."""
    from thidua_xlsx.decide.followup import untouched_files  # deferred: decide.followup at start-up

    blank = untouched_files(summary.files, summary.round)
    names = [f"{d.name} ({blank[d.code].name})" for d in summary.departments if d.code in blank and not d.submitted]
    return [ct.REPORT_UNTOUCHED.format(count=len(names), names=", ".join(names))] if names else []


def followup_lines(summary: Summary, followups) -> list[str]:
    """``status``: each department against the round's deadline."""
    from thidua_xlsx.decide.followup import deadline_of  # deferred: decide.followup at start-up

    deadline = deadline_of(summary)
    when = _date(deadline) if deadline else ct.NO_DEADLINE
    lines = [ct.FOLLOWUP_HEAD_PERIOD.format(period=summary.period_label, deadline=when) if summary.period
             else ct.FOLLOWUP_HEAD.format(deadline=when)]
    for f in followups:
        text = ct.FOLLOWUP_STATES[f.state].format(sent=_date(f.sent_on), days=f.days_late, filled=f.filled,
                                                  people=f.people)
        if f.state == "not_sent" and f.days_late:
            text += ct.FOLLOWUP_OVERDUE.format(days=f.days_late)
        extra = []
        if f.errors:
            extra.append(ct.FOLLOWUP_ERRORS.format(count=f.errors))
        if f.missing:
            extra.append(ct.FOLLOWUP_MISSING.format(count=len(f.missing), names=", ".join(f.missing)))
        if f.wrong:
            extra.append(ct.FOLLOWUP_WRONG.format(count=len(f.wrong), names=_wrong(f.wrong)))
        lines.append(ct.FOLLOWUP_LINE.format(department=f.name, text=text, extra="".join(extra)))
    return lines


def _wrong(wrong) -> str:
    """People whose entries were all wrong, each with where and what: "Lê Thị Dung (Đăng ký cá nhân!E9: 'LĐ giỏi')"."""
    return ", ".join((ct.WRONG_ENTRY_VALUE if value else ct.WRONG_ENTRY).format(name=name, where=where, value=value)
                     for name, where, value in wrong)


def _round_words(summary: Summary) -> str:
    """The round as a reminder names it: "chấm điểm thi đua (Tháng 11/2026)" for a period's."""
    words = ly.ROUNDS[summary.round].lower()
    return ct.REMIND_PERIOD.format(round=words, period=summary.period_label) if summary.period else words


def reminder_lines(summary: Summary, followups) -> list[str]:
    """``status --nhac``: one message per department head to paste into Zalo or an e-mail."""
    from thidua_xlsx.decide.followup import deadline_of  # deferred: decide.followup at start-up

    deadline = deadline_of(summary)
    school = summary.campaign.school
    lines: list[str] = []
    for f in followups:
        if not f.needs_reminder:
            continue
        what = []
        if f.state == "not_sent":
            what.append(ct.REMIND_NOT_SENT)
        elif f.state == "unfilled":
            what.append(ct.REMIND_UNFILLED.format(file=f.file))
        if f.errors:
            what.append(ct.REMIND_ERRORS.format(count=f.errors, file=f.file))
        if f.missing:
            what.append(ct.REMIND_MISSING.format(names=", ".join(f.missing)))
        if f.wrong:
            what.append(ct.REMIND_WRONG.format(names=_wrong(f.wrong)))
        when = ct.REMIND_DEADLINE.format(deadline=_date(deadline)) if deadline else ""
        if when and f.state == "not_sent" and f.days_late:
            when += ct.FOLLOWUP_OVERDUE.format(days=f.days_late)
        when = f"{when}. " if when else ""
        lines += [ct.REMIND_HEAD.format(department=f.name, head=f.head or "?", email=f.email or ct.NO_EMAIL),
                  ct.REMIND_BODY.format(head=f.head or ct.REMIND_ANYONE, department=f.name,
                                        round=_round_words(summary), year=school.school_year,
                                        what="; ".join(what), when=when,
                                        secretary=school.secretary or ct.REMIND_SECRETARY),
                  ""]
    return lines or [ct.REMIND_NONE]


def _date(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def checklist_lines(checklist) -> list[str]:
    """What ``generate --from`` prints: departments without registration, people not registered, newcomers."""
    lines = [ct.CHECKLIST_HEAD]
    if checklist.departments_missing:
        lines.append(ct.CHECKLIST_MISSING.format(names=", ".join(checklist.departments_missing)))
    if checklist.not_registered:
        names = ", ".join(f"{name} ({department})" for department, name in checklist.not_registered)
        lines.append(ct.CHECKLIST_NOT_REGISTERED.format(count=len(checklist.not_registered), names=names))
    lines += [ct.CHECKLIST_NEWCOMER.format(department=d, name=n, title=t) for d, n, t in checklist.newcomers]
    if len(lines) == 1:
        lines.append(ct.CHECKLIST_OK)
    return lines
