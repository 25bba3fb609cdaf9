"""What a merge found, counted once.

The console's report, the "Kiểm tra" sheet, the JSON report and the exit code are all read from one
:class:`Report`, made from the :class:`Summary` by :func:`report_of`: they can never disagree on how
many files were used, how many problems were found, or whether the run succeeded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import LevelAboveSummary
from thidua_xlsx.model.exits import EXIT_OK, EXIT_STRICT, EXIT_UNUSABLE
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED, SKIPPED, SUPERSEDED, InboxFile
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue
from thidua_xlsx.model.places import HISTORY_KEY
from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import CSTDCS, LDTT

REPORT_SCHEMA_VERSION = 6  # of the JSON report (README: what each version changed)

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}


@dataclass(frozen=True)
class Counts:
    """Every figure the outputs show about the run itself (not about the titles' lists). ``departments`` and
    ``submitted`` are the units asked and those that sent (at the level above: its schools); a figure a command does
    not count (the people at the level above, anything but the files in ``history``) is None, never 0."""

    files: int
    accepted: int
    superseded: int
    rejected: int
    skipped: int
    departments: int | None
    submitted: int | None
    people: int | None
    scored: int | None
    newcomers: int | None
    registered: int | None
    ldtt: int | None
    cstdcs: int | None
    errors: int
    warnings: int
    notes: int


@dataclass(frozen=True)
class FileLine:
    """One inbox entry as the report lists it: its status and how many problems (notes aside) it had."""

    name: str
    status: str
    problems: int


@dataclass(frozen=True)
class Report:
    round: str
    counts: Counts
    files: tuple[FileLine, ...]
    issues: tuple[Issue, ...]  # errors first, then warnings, then notes; in the order found within each
    missing: tuple[str, ...]  # the departments that sent nothing usable, by name (at the level above: its schools)
    strict: bool = False  # --strict: errors make the run fail (EXIT_STRICT)
    usable: bool | None = None  # where the run's use is not "a workbook was used" (history: see history_report)

    @property
    def valid(self) -> bool:
        """At least one workbook was used: there is a summary to write (or what ``usable`` says)."""
        return self.usable if self.usable is not None else self.counts.accepted > 0

    @property
    def exit_code(self) -> int:
        if not self.valid:
            return EXIT_UNUSABLE
        if self.strict and self.counts.errors:
            return EXIT_STRICT
        return EXIT_OK

    @property
    def signals(self) -> tuple[Issue, ...]:
        """The hints for the council (odd patterns): shown apart, never counted against anyone."""
        return tuple(i for i in self.issues if i.code.startswith("signal."))

    def to_dict(self) -> dict[str, object]:
        return {"valid": self.valid, "exit_code": self.exit_code, "strict": self.strict, "counts": asdict(self.counts),
                "missing_departments": list(self.missing)}


def report_of(summary: Summary, strict: bool = False) -> Report:
    statuses = Counter(f.status for f in summary.files)
    severities = Counter(i.severity for i in summary.issues)
    people = summary.people
    scoring = summary.round == ly.SCORING
    counts = Counts(
        files=len(summary.files), accepted=statuses[ACCEPTED], superseded=statuses[SUPERSEDED],
        rejected=statuses[REJECTED], skipped=statuses[SKIPPED],
        departments=len(summary.departments), submitted=sum(d.submitted for d in summary.departments),
        people=len(people), scored=sum(p.final is not None for p in people), newcomers=sum(p.newcomer for p in people),
        registered=sum(p.has_registered for p in people),
        ldtt=sum(p.granted(LDTT) for p in people) if scoring else 0,
        cstdcs=sum(p.granted(CSTDCS) for p in people) if scoring else 0,
        errors=severities[ERROR], warnings=severities[WARNING], notes=severities[NOTE])
    return Report(summary.round, counts, tuple(_file_line(f) for f in summary.files), _in_order(summary.issues),
                  tuple(d.name for d in summary.departments if not d.submitted), strict)


def _file_line(file: InboxFile) -> FileLine:
    return FileLine(file.name, file.status, sum(1 for i in file.issues if i.severity != NOTE))


LEVEL_ABOVE_ROUND = "cap-tren"  # the level above's merge of its schools' final summaries
HISTORY_ROUND = HISTORY_KEY  # the history book updated from final summaries


def level_above_report(summary: LevelAboveSummary, strict: bool = False) -> Report:
    """The level above's merge counted as a school's is: its files (each school's used one accepted), its schools
    asked and sent, its problems; valid when a school's summary was used. Its people are not counted here (None): it
    reads proposals."""
    sent = [s for s in summary.schools if s.sent]
    statuses = Counter(f.status for f in summary.files)
    issues = summary.every_issue()
    severities = Counter(i.severity for i in issues)
    counts = Counts(files=len(summary.files), accepted=statuses[ACCEPTED], superseded=statuses[SUPERSEDED],
                    rejected=statuses[REJECTED], skipped=statuses[SKIPPED],
                    departments=len(summary.schools), submitted=len(sent), people=None, scored=None, newcomers=None,
                    registered=None, ldtt=None, cstdcs=None, errors=severities[ERROR], warnings=severities[WARNING],
                    notes=severities[NOTE])
    return Report(LEVEL_ABOVE_ROUND, counts, tuple(_file_line(f) for f in summary.files), _in_order(issues),
                  tuple(s.school.name for s in summary.schools if not s.sent), strict)


def history_report(summaries: int, added: int, issues: tuple[Issue, ...]) -> Report:
    """``history`` counted: the summaries given, the years added, the problems. Usable when a year was added or
    nothing was refused (a book made or left as it was); a run that refused every summary it was given is not."""
    return command_report(HISTORY_ROUND, issues, added > 0 or not any(i.severity == ERROR for i in issues),
                          files=summaries, accepted=added)


def command_report(name: str, issues: Iterable[Issue], usable: bool, files: int = 0, accepted: int = 0) -> Report:
    """The Report of a command that reads no inbox (init, generate, history, collect): its problems, the files it was
    given (``files``) and used (``accepted``; the others refused); usable or not (exit 0 or 1). What it does not count
    (departments, people, titles) is None."""
    found = tuple(issues)
    severities = Counter(i.severity for i in found)
    counts = Counts(files=files, accepted=accepted, superseded=0, rejected=files - accepted, skipped=0,
                    departments=None, submitted=None, people=None, scored=None, newcomers=None, registered=None,
                    ldtt=None, cstdcs=None, errors=severities[ERROR], warnings=severities[WARNING],
                    notes=severities[NOTE])
    return Report(name, counts, (), _in_order(found), (), usable=usable)


def _in_order(issues: Iterable[Issue]) -> tuple[Issue, ...]:
    return tuple(sorted(issues, key=lambda i: _SEVERITY_ORDER.get(i.severity, len(_SEVERITY_ORDER))))
