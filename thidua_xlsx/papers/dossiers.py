"""The papers as Word documents and PDF, in Nghị định 30/2020 form, gathered into one hồ sơ per title.

``write_documents(summary, folder)`` writes, from a :class:`~thidua_xlsx.decide.consolidate.Summary`:

* in ``folder``: the Tờ trình (Mẫu 01 of Nghị định 152/2025), the Biên bản họp bình xét with the
  ballot result, and — when a title is put to a vote — the Biên bản kiểm phiếu and one Phiếu bầu per
  title; these are shared by every hồ sơ;
* one folder per title proposed (``Chien-si-thi-dua-co-so/``, ``Lao-dong-tien-tien/``,
  ``Tap-the-lao-dong-tien-tien/``…): the Danh sách đề nghị, for CSTĐCS a pre-filled Báo cáo thành
  tích (Mẫu 05) per person, and ``Danh-muc-ho-so.txt``, the checklist of the hồ sơ with what must
  still be attached per person (QĐ 638/QĐ-BNV: the sáng kiến decision, the HTXSNV certificate);
* a PDF beside each .docx (one LibreOffice run for all of them), when asked and LibreOffice is there.

What the papers carry comes from the summary's decisions (the council pass applies the vote to
them); the tally fills in the votes, and a proposal it turned down before any council pass is marked
on its list and named in ``DocumentSet.warnings``, never dropped silently. The internal list of people not proposed, with its
reasons, stays in the Excel summary: no paper names anyone who is not proposed.

Existing files of the same names are replaced (a PDF of an earlier run beside a paper is removed when no
new one is made); nothing else in ``folder`` is touched. The caller decides whether a folder that already
holds papers may be written over: a Báo cáo thành tích someone has filled in carries the same name.

The facts the papers share are worked out once (:mod:`~thidua_xlsx.papers.facts`); each paper has its
module (letter, minutes, tally, lists, report, ballot) built on :mod:`~thidua_xlsx.papers.docx_engine`;
the checklist and what to attach are in :mod:`~thidua_xlsx.papers.checklist`, the PDFs in
:mod:`~thidua_xlsx.papers.pdf`.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from thidua_xlsx.model.results import PersonResult, Summary
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers import ballot, letter, lists, minutes, report, tally
from thidua_xlsx.papers.checklist import to_attach, write_checklist
from thidua_xlsx.papers.document_set import BALLOT, LETTER, LIST, MINUTES, REPORT, TALLY, Document, DocumentSet, Dossier
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.text import documents as tx


def write_documents(summary: Summary, folder: Path, *, pdf: bool = True) -> DocumentSet:
    """Write the papers of ``summary`` into ``folder`` (created if needed); see the module docstring."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    s = Facts(summary)
    planned: list[tuple[str, str, Path]] = [(LETTER, tx.DOC_NAMES[LETTER], folder / f"{tx.FILE_LETTER}.docx"),
                                           (MINUTES, tx.DOC_NAMES[MINUTES], folder / f"{tx.FILE_MINUTES}.docx")]
    letter.paper(s).save(planned[0][2])
    minutes.paper(s).save(planned[1][2])
    if s.ballot:
        path = folder / f"{tx.FILE_TALLY}.docx"
        tally.paper(s).save(path)
        planned.append((TALLY, tx.DOC_NAMES[TALLY], path))
        for title, chosen in s.ballot.items():
            name = title_name(title)
            path = folder / f"{tx.FILE_BALLOT.format(title=ascii_name(name))}.docx"
            ballot.paper(s, title, chosen).save(path)
            planned.append((BALLOT, tx.DOC_NAMES[BALLOT].format(title=name), path))
    shared_count = len(planned)
    own: dict[str, list[tuple[str, str, Path]]] = {}
    for title in [*s.individual, *s.collective]:
        name = title_name(title)
        sub = folder / ascii_name(name)
        sub.mkdir(exist_ok=True)
        path = sub / f"{tx.FILE_LIST.format(title=ascii_name(name))}.docx"
        lists.paper(s, title).save(path)
        own[title] = [(LIST, tx.DOC_NAMES[LIST].format(title=name), path)]
        if title == CSTDCS:
            for p, path in _report_paths(sub, [p for p, _ in s.individual[title]]):
                report.paper(s, p, title).save(path)
                own[title].append((REPORT, tx.DOC_NAMES[REPORT].format(name=p.name), path))
        planned.extend(own[title])
    for _, _, path in planned:  # a PDF beside a paper is always the PDF of that paper, never of an earlier run
        path.with_suffix(".pdf").unlink(missing_ok=True)
    pdfs: dict[Path, Path] = {}
    problem = ""
    if pdf:
        pdfs, problem = convert_pdfs([path for _, _, path in planned])
    documents = {path: Document(kind, name, path, pdfs.get(path)) for kind, name, path in planned}
    shared = tuple(documents[path] for _, _, path in planned[:shared_count])
    dossiers = []
    for title, files in own.items():
        collective = title in s.collective
        mine = tuple(documents[path] for _, _, path in files)
        papers = tuple(d for d in shared if d.kind != BALLOT) + mine
        attachments = to_attach(s, title)
        checklist = folder / ascii_name(title_name(title)) / tx.FILE_CHECKLIST
        write_checklist(checklist, s, title, papers, attachments, folder)
        dossiers.append(Dossier(title_name(title), collective, checklist.parent, papers, attachments, checklist))
    missing = tuple(path for _, _, path in planned if path not in pdfs) if pdf else ()
    return DocumentSet(folder, shared, tuple(dossiers), missing, problem if missing else "", s.warnings())


def ascii_name(text: str) -> str:
    """'Chiến sĩ thi đua cơ sở' → 'Chien-si-thi-dua-co-so': no diacritics (đ → d), words joined by '-'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in plain).split()
    return "-".join(words) or "_"


def _report_paths(folder: Path, people: list[PersonResult]) -> list[tuple[PersonResult, Path]]:
    """One file per person, named after the person; two people of the same name get their codes added."""
    names = [ascii_name(p.name) for p in people]
    count = Counter(names)
    found = []
    for p, name in zip(people, names):
        if count[name] > 1:
            name = f"{name}_{ascii_name(p.code)}"
        found.append((p, folder / f"{tx.FILE_REPORT.format(name=name)}.docx"))
    return found
