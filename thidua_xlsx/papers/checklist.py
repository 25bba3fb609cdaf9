"""Per hồ sơ: what the school must still attach (QĐ 638/QĐ-BNV: the sáng kiến decision, the HTXSNV
certificate, the collective's report) and ``Danh-muc-ho-so.txt``, the checklist saying what the hồ sơ holds."""

from __future__ import annotations

import os
from pathlib import Path

from thidua_xlsx.model.titles import CSTDCS, TTLDXS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import REPORT, Attachment, Document
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw


def to_attach(s: Facts, title: str) -> tuple[Attachment, ...]:
    """What the school must add to the hồ sơ of ``title``, per person (or department)."""
    found = []
    if title == CSTDCS:
        for p, d in s.individual.get(title, ()):
            excellent, initiative = s.grounds(p, d)
            f = p.facts
            if excellent:
                found.append(Attachment(p.code, p.name, p.department_name, "htxsnv_certificate",
                                        dw.ATTACHMENTS["htxsnv_certificate"].format(year=s.year)))
            if initiative:
                found.append(Attachment(p.code, p.name, p.department_name, "initiative_decision",
                                        dw.ATTACHMENTS["initiative_decision"].format(
                                            initiative=f.initiative, level=f.initiative_level or dw.DOTS,
                                            decision=f.initiative_decision or dw.DOTS)))
    elif title == TTLDXS:
        for dept in s.collective.get(title, ()):
            found.append(Attachment(dept.code, dept.name, dept.name, "collective_report",
                                    dw.ATTACHMENTS["collective_report"]))
    return tuple(found)


def write_checklist(path: Path, s: Facts, title: str, papers: tuple[Document, ...],
                    attachments: tuple[Attachment, ...], top: Path) -> None:
    """The checklist of the hồ sơ of ``title`` at ``path``, in its folder below ``top``: its ``papers``, each
    with its PDF or a note that it is missing, then the ``attachments`` still to add."""
    _write_text(path, _checklist_text(s, title, papers, attachments, top, path.parent))


def _checklist_text(s: Facts, title: str, papers: tuple[Document, ...], attachments: tuple[Attachment, ...],
                    top: Path, home: Path) -> str:
    def where(d: Document) -> str:
        rel = os.path.relpath(d.path, home).replace(os.sep, "/")
        pdf = f" ({Path(rel).with_suffix('.pdf').as_posix()})" if d.pdf else dw.CHECKLIST_PDF_MISSING
        return rel + pdf

    lines = [dw.CHECKLIST_TITLE.format(title=title_name(title).upper(), year=s.year),
             dw.CHECKLIST_SCHOOL.format(school=s.school.name, recipient=s.school.recipient), "",
             # a year still running: its papers are marked DỰ THẢO, and so is what the checklist asks of them
             *((dw.CHECKLIST_DRAFT.format(periods=s.draft), "", dw.CHECKLIST_MADE_DRAFT) if s.draft else
               (dw.CHECKLIST_MADE,))]
    n = 0
    reports = [d for d in papers if d.kind == REPORT]
    for d in papers:
        if d.kind == REPORT:
            continue
        n += 1
        lines.append(dw.CHECKLIST_DOC.format(n=n, name=d.name, file=where(d)))
    if reports:
        n += 1
        lines.append(dw.CHECKLIST_REPORTS.format(n=n, count=len(reports)))
        people = [p for p, _ in s.individual.get(title, ())]
        for p, d in zip(people, reports):
            lines.append(dw.CHECKLIST_REPORT.format(name=p.name, file=where(d)))
    lines += ["", dw.CHECKLIST_ATTACH]
    for k, a in enumerate(attachments, start=1):
        lines.append(dw.CHECKLIST_ATTACH_LINE.format(n=k, name=a.name, department=a.department, what=a.text))
    if not attachments:
        lines.append(dw.CHECKLIST_NOTHING)
    lines += ["", dw.CHECKLIST_NOTE.format(folder=top.name)]
    return "\r\n".join(lines) + "\r\n"


def _write_text(path: Path, text: str) -> None:
    """UTF-8 with a byte-order mark and CRLF: Notepad on older Windows shows Vietnamese correctly."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8-sig"))
    os.replace(tmp, path)
