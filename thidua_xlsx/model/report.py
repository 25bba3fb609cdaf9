"""What a merge found, counted once.

The console's report, the "Kiểm tra" sheet, the JSON report and the exit code are all read from one
:class:`Report`, made from the :class:`Summary` by :func:`report_of`: they can never disagree on how
many files were used, how many problems were found, or whether the run succeeded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.exits import EXIT_OK, EXIT_STRICT, EXIT_UNUSABLE
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED, SKIPPED, SUPERSEDED, InboxFile
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue
from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import CSTDCS, LDTT

REPORT_SCHEMA_VERSION = 6  # of the JSON report (README: what each version changed)

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTE: 2}


@dataclass(frozen=True)
class Counts:
    """Every figure the outputs show about the run itself (not about the titles' lists)."""

    files: int
    accepted: int
    superseded: int
    rejected: int
    skipped: int
    departments: int
    submitted: int
    people: int
    scored: int
    newcomers: int
    registered: int
    ldtt: int
    cstdcs: int
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
    missing: tuple[str, ...]  # the departments that sent nothing usable, by name
    strict: bool = False  # --strict: errors make the run fail (EXIT_STRICT)

    @property
    def valid(self) -> bool:
        """At least one workbook was used: there is a summary to write."""
        return self.counts.accepted > 0

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

    def to_dict(self) -> dict:
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
    issues = tuple(sorted(summary.issues, key=lambda i: _SEVERITY_ORDER.get(i.severity, len(_SEVERITY_ORDER))))
    return Report(summary.round, counts, tuple(_file_line(f) for f in summary.files), issues,
                  tuple(d.name for d in summary.departments if not d.submitted), strict)


def _file_line(file: InboxFile) -> FileLine:
    return FileLine(file.name, file.status, sum(1 for i in file.issues if i.severity != NOTE))
