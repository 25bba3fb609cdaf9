"""The short console report of ``merge`` and ``status`` (lines of text; the CLI prints them)."""

from __future__ import annotations

from collections import Counter

from thidua_xlsx import layout as ly
from thidua_xlsx import messages as mt
from thidua_xlsx import rules
from thidua_xlsx.consolidate import Summary


def console_lines(summary: Summary, verbose: bool) -> list[str]:
    statuses = Counter(f.status for f in summary.files)
    lines = []
    c = summary.campaign
    if c is not None:
        lines.append(mt.REPORT_ROUND.format(round=ly.ROUNDS[summary.round], school=c.school.name,
                                            year=c.school.school_year))
    lines.append(mt.REPORT_FILES.format(total=len(summary.files), **{k: statuses.get(k, 0) for k in
                                                                     ("accepted", "superseded", "rejected",
                                                                      "skipped")}))
    for f in summary.files:
        count = sum(1 for i in f.issues if i.severity != "note")
        extra = mt.REPORT_FILE_PROBLEMS.format(count=count) if count else ""
        lines.append(mt.REPORT_FILE_LINE.format(name=f.name, status=mt.FILE_STATUS[f.status], problems=extra))
    if c is not None:
        submitted = [d for d in summary.departments if d.submitted]
        lines.append(mt.REPORT_DEPARTMENTS.format(submitted=len(submitted), total=len(summary.departments)))
        missing = [d.name for d in summary.departments if not d.submitted]
        if missing:
            lines.append(mt.REPORT_MISSING.format(names=", ".join(missing)))
        if summary.round == ly.SCORING:
            lines.append(mt.REPORT_PEOPLE.format(people=len(summary.people),
                                                 scored=sum(p.final is not None for p in summary.people),
                                                 newcomers=sum(p.newcomer for p in summary.people)))
            lines.append(mt.REPORT_TITLES.format(ldtt=sum(p.granted(rules.LDTT) for p in summary.people),
                                                 cstdcs=sum(p.granted(rules.CSTDCS) for p in summary.people)))
        else:
            registered = sum(p.has_registered for p in summary.people)
            lines.append(mt.REPORT_REGISTERED.format(registered=registered, people=len(summary.people)))
    severities = Counter(i.severity for i in summary.issues)
    lines.append(mt.REPORT_PROBLEMS.format(errors=severities.get("error", 0), warnings=severities.get("warning", 0),
                                           notes=severities.get("note", 0)))
    if verbose:
        lines += [f"  {i.severity_label}: {i.render()}" for i in summary.issues if i.severity != "note"]
    signals = [i for i in summary.issues if i.code.startswith("signal.")]
    if signals:
        lines.append(mt.REPORT_SIGNALS)
        lines += [f"  {i.message}" for i in signals]
    return lines


def checklist_lines(checklist) -> list[str]:
    """What ``generate --from`` prints: departments without registration, people not registered, newcomers."""
    lines = [mt.CHECKLIST_HEAD]
    if checklist.departments_missing:
        lines.append(mt.CHECKLIST_MISSING.format(names=", ".join(checklist.departments_missing)))
    if checklist.not_registered:
        names = ", ".join(f"{name} ({department})" for department, name in checklist.not_registered)
        lines.append(mt.CHECKLIST_NOT_REGISTERED.format(count=len(checklist.not_registered), names=names))
    lines += [mt.CHECKLIST_NEWCOMER.format(department=d, name=n, title=t) for d, n, t in checklist.newcomers]
    if len(lines) == 1:
        lines.append(mt.CHECKLIST_OK)
    return lines
