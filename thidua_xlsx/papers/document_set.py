"""What :func:`~thidua_xlsx.papers.dossiers.write_documents` returns: the papers written, one hồ sơ per
title, and what the school must still attach; and the kinds of paper."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.text import documents as dw

LETTER, MINUTES, TALLY, LIST, REPORT, BALLOT, CHECKLIST, APPRAISAL, SPECIAL, AWARDS = (
    "letter", "minutes", "tally", "list", "report", "ballot", "checklist", "appraisal", "special", "awards")
MINUTES_BEFORE_VOTE = "minutes_before_vote"  # the Biên bản's name in a checklist before the council counted its vote
TRANSFER = "transfer"  # a person who moved to another school: her periods' results, for the new school


@dataclass(frozen=True)
class Document:
    kind: str  # LETTER, MINUTES, TALLY, LIST, REPORT, BALLOT, CHECKLIST, APPRAISAL, SPECIAL, AWARDS or TRANSFER
    name: str  # what it is, in words
    path: Path  # the .docx (the checklist: a .txt)
    pdf: Path | None = None  # the PDF beside it, when one was written


@dataclass(frozen=True)
class Attachment:
    """A paper the school must add to a hồ sơ for one person (or department): not made by the tool."""

    code: str
    name: str
    department: str
    what: str  # a key of thidua_xlsx.text.documents.ATTACHMENTS
    text: str  # what to attach, in words


@dataclass(frozen=True)
class Dossier:
    """The hồ sơ of one title: its folder, its papers in filing order (the shared ones from the top
    folder first), what must still be attached, and the checklist file saying all that."""

    title: str  # the title's name, as the papers say it
    collective: bool
    folder: Path
    documents: tuple[Document, ...]
    attachments: tuple[Attachment, ...]
    checklist: Path


@dataclass(frozen=True)
class DocumentSet:
    folder: Path
    shared: tuple[Document, ...]  # in the top folder: Tờ trình, Biên bản họp, Biên bản kiểm phiếu, Phiếu bầu, and
    # for a year made from its periods the Phiếu xếp loại chất lượng viên chức and, for each person who moved to another
    # school, the Phiếu kết quả sent there
    dossiers: tuple[Dossier, ...]  # one per title proposed
    missing_pdfs: tuple[Path, ...] = ()  # .docx written without a PDF beside it
    pdf_problem: str = ""  # why those PDFs are missing, in words ("" when none is, or none was asked)
    warnings: tuple[str, ...] = ()  # what the secretary should know before printing, in words
    # an earlier run's papers no longer in the hồ sơ: (where it was, where it was moved: the papers' cu/ folder)
    set_aside: tuple[tuple[Path, Path], ...] = ()
    stuck: tuple[Path, ...] = ()  # those that could not be moved (open in Word): still there

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every file written, each once (shared papers first, then each hồ sơ's own, checklists included)."""
        found = {d.path: d for d in self.shared}
        for dossier in self.dossiers:
            for d in dossier.documents:
                found.setdefault(d.path, d)
            found.setdefault(dossier.checklist, Document(CHECKLIST, dw.DOC_NAMES[CHECKLIST], dossier.checklist))
        return tuple(found.values())
