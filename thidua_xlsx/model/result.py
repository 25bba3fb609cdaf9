"""What every command returns: one :class:`Result` — its Report, the files it wrote, its exit code from the Report.

A door (the CLI, the page, a library caller) never guesses what a run did from its type or by walking the campaign
folder: it reads the Result. What stops a command before any work is one exception family (model.errors).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model.report import Report
from thidua_xlsx.model.results import Summary

# The kinds of file a command writes (WrittenFile.kind): the doors' words for them are the catalogue's.
SUMMARY, SUMMARY_PDF, JSON, PUBLIC, PUBLIC_PDF = "summary", "summary_pdf", "json", "public", "public_pdf"
FEEDBACK, PAPER, IMPORT, DRAFT = "feedback", "paper", "import", "draft"
BOOK, CAMPAIGN, LAUNCHER, HISTORY, BACKUP, RECEIVED = "book", "campaign", "launcher", "history", "backup", "received"


@dataclass(frozen=True)
class WrittenFile:
    """One file a run wrote: where, what it is, whether it replaced a file of the tool's own, and — when a file someone
    changed was kept there — ``beside``, the path kept (the new file went beside it as ``… (moi)``)."""

    path: Path
    kind: str
    replaced: bool = False
    beside: Path | None = None


@dataclass(frozen=True)
class Result:
    """One command's run: ``command`` (its name), ``key`` (the round it was about — a round's or period's code,
    ``ca-nam``, ``xa`` — "" none), its :class:`Report`, the files written in the order written, ``home`` (the campaign
    folder whose runs record keeps it; None: not kept), and ``decided``: what a school's merge or year decided, the
    decide step's own :class:`~thidua_xlsx.model.results.Summary` (the people with their ranks, titles and reasons, the
    council's changes) — None for every other command and the level above's merge, whose lists are its papers."""

    command: str
    report: Report
    files: tuple[WrittenFile, ...] = ()
    key: str = ""
    home: Path | None = None
    council: bool = False  # the council's (or for a period the head's) word was applied: the round's final summary
    decided: Summary | None = None

    @property
    def exit_code(self) -> int:
        return self.report.exit_code

    def of_kind(self, *kinds: str) -> tuple[WrittenFile, ...]:
        return tuple(f for f in self.files if f.kind in kinds)
