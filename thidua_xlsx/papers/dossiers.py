"""The papers as Word documents and PDF, in Nghị định 30/2020 form, gathered into one hồ sơ per title.

``write_documents(summary, folder)`` writes, from a :class:`~thidua_xlsx.decide.consolidate.Summary`:

* in ``folder``: the Tờ trình (Mẫu 01 of Nghị định 152/2025), the Biên bản họp bình xét with the
  ballot result, and — when a title is put to a vote — the Biên bản kiểm phiếu and one Phiếu bầu per
  title; these are shared by every hồ sơ;
* one folder per title proposed (``Chien-si-thi-dua-co-so/``, ``Lao-dong-tien-tien/``,
  ``Tap-the-lao-dong-tien-tien/``…): the Danh sách đề nghị, for CSTĐCS a pre-filled Báo cáo thành
  tích (Mẫu 05) per person, and ``Danh-muc-ho-so.txt``, the checklist of the hồ sơ with what must
  still be attached per person (QĐ 638/QĐ-BNV: the sáng kiến decision, the HTXSNV certificate);
* for a year made from its periods (``summary.year``), in ``folder`` too: the Phiếu xếp loại chất lượng viên
  chức (Phụ lục II, Nghị định 233/2026), one page per person, signed by each person and the authority — the
  rating's paper, not a title's: like the Phiếu bầu, it is in no hồ sơ's list;
* a PDF beside each .docx (one LibreOffice for all of them, handed each paper as it is written), when asked and
  LibreOffice is there.

What the papers carry comes from the summary's decisions (the council pass applies the vote to
them); the tally fills in the votes, and a proposal it turned down before any council pass is marked
on its list and named in ``DocumentSet.warnings``, never dropped silently. The internal list of people not proposed,
with its reasons, stays in the Excel summary: no paper names anyone who is not proposed.

Nothing a person made is written over (:mod:`thidua_xlsx.system.written`): a file already at a paper's
name is replaced only when it is the tool's own, as written; a paper someone has edited since (a Báo cáo
thành tích filled in, a PDF signed) is kept, and the new paper written beside it as ``<name> (moi).docx``
with its PDF (the record's ``beside`` lists them, for the caller to say). A PDF of the tool's own beside a
paper that has none now is removed. Every paper, PDF and checklist is made in a temporary folder first and
moved into ``folder`` only once all are made, each file whole: a failure (a full disk) leaves the papers
that were there, never half of one. An earlier run's paper of the tool that no hồ sơ holds now (a nominee the
council voted down, a title no longer proposed) is moved to ``cu/`` in ``folder``, never deleted, and said
(``DocumentSet.set_aside``), so that each title folder holds what the Tờ trình proposes. Nothing else in ``folder`` is
touched; the caller decides whether a folder that already holds papers may be written into at all (``merge --docs``
without ``--force``).

The facts the papers share are worked out once (:mod:`~thidua_xlsx.papers.facts`); each paper has its
module (letter, minutes, tally, lists, report, ballot, appraisal) built on :mod:`~thidua_xlsx.papers.docx_engine`;
the checklist and what to attach are in :mod:`~thidua_xlsx.papers.checklist`, the PDFs in
:mod:`~thidua_xlsx.papers.pdf`.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from thidua_xlsx.model import places
from thidua_xlsx.model.results import PersonResult, Summary
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers import appraisal, awards, ballot, letter, lists, minutes, report, special, tally, transfer
from thidua_xlsx.papers.checklist import to_attach, write_checklist
from thidua_xlsx.papers.document_set import (
    APPRAISAL,
    AWARDS,
    BALLOT,
    LETTER,
    LIST,
    MINUTES,
    MINUTES_BEFORE_VOTE,
    REPORT,
    SPECIAL,
    TALLY,
    TRANSFER,
    Document,
    DocumentSet,
    Dossier,
)
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.papers.pdf import pdf_converter
from thidua_xlsx.system.files import scratch_folder
from thidua_xlsx.system.written import Written, free_name
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import transfer as trx
from thidua_xlsx.text.collation import unmarked

_UNFILED = (BALLOT, APPRAISAL, SPECIAL, AWARDS, TRANSFER)  # papers of the top folder that are in no title's hồ sơ


def write_documents(summary: Summary, folder: Path, *, pdf: bool = True, written: Written | None = None) -> DocumentSet:
    """Write the papers of ``summary`` into ``folder`` (created if needed); see the module docstring.
    ``written``: the record of the tool's own files (none: no file already there is taken for the tool's own)."""
    folder = Path(folder)
    written = written if written is not None else Written()
    s = Facts(summary)
    planned = _plan(s, folder)  # (kind, name, path, make the paper) in filing order, the shared ones first
    final = {path: written.name_for(path, (".pdf",)) for _, _, path, _ in planned}  # a paper moves with its PDF
    for title in _own_titles(s):
        checklist = _title_folder(folder, title) / dw.FILE_CHECKLIST
        final[checklist] = written.name_for(checklist)
    with scratch_folder("thidua_papers_") as work, pdf_converter(pdf) as converting:
        stage = Path(work) / folder.name  # the same name: the checklists name the folder
        staged = {path: stage / there.relative_to(folder) for path, there in final.items()}
        for _, _, path, make in planned:
            staged[path].parent.mkdir(parents=True, exist_ok=True)
            make().save(staged[path])
            if pdf:
                converting.add(staged[path])  # converted while the next papers are written
        pdfs: dict[Path, Path] = {}
        problem = ""
        if pdf:
            made, problem = converting.result()
            pdfs = {path: final[path].with_suffix(".pdf") for _, _, path, _ in planned if staged[path] in made}
        dossiers = _dossiers(s, folder, planned, staged, pdfs)
        _install(final, staged, pdfs, written)
    aside, stuck = _set_aside(folder, written, {*final, *final.values(), *pdfs.values()})
    documents = {path: Document(kind, name, final[path], pdfs.get(path)) for kind, name, path, _ in planned}
    shared = tuple(documents[path] for _, _, path, _ in planned if path.parent == folder)
    dossiers = [Dossier(d.title, d.collective, final[d.checklist].parent,
                        tuple(documents[doc.path] for doc in d.documents), d.attachments, final[d.checklist])
                for d in dossiers]
    missing = tuple(final[path] for _, _, path, _ in planned if path not in pdfs) if pdf else ()
    return DocumentSet(folder, shared, tuple(dossiers), missing, problem if missing else "", s.warnings(), aside,
                       stuck)


def _set_aside(folder: Path, written: Written, kept: set[Path]) -> tuple[tuple[tuple[Path, Path], ...],
                                                                         tuple[Path, ...]]:
    """An earlier run's papers that this run's hồ sơ no longer hold (a nominee the council voted down, a title no
    longer proposed, a ballot no longer held) moved to ``cu/`` under their place in ``folder``, never deleted, so that
    each title folder holds what the Tờ trình proposes; a title folder left empty removed. Only the tool's own papers
    (the record's): a title's folder whole, in the top folder a paper (.docx) and its PDF. Returns (each paper moved,
    where to), and those that could not be moved (open in Word)."""
    top = Path(os.path.realpath(folder))
    aside = top / places.PAPERS_ASIDE
    kept = {found for p in kept for found in (Path(os.path.realpath(p)), Path(os.path.realpath(p)).with_suffix(".pdf"))}
    own = [real for p in written.own_under(folder)
           if (real := Path(os.path.realpath(p))) not in kept and not real.is_relative_to(aside)]
    papers = {p.with_suffix("") for p in own if p.parent != top or p.suffix == ".docx"}
    moved, stuck = [], []
    for path in (p for p in own if p.with_suffix("") in papers):
        target = free_name(aside / path.relative_to(top), lambda p: not p.exists())
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
        except OSError:
            stuck.append(path)
            continue
        written.moved(path, target)
        moved.append((path, target))
        with contextlib.suppress(OSError):  # a title folder left empty: the title is no longer proposed
            if path.parent != top and not any(path.parent.iterdir()):
                path.parent.rmdir()
    return tuple(moved), tuple(stuck)


def _install(final: dict[Path, Path], staged: dict[Path, Path], pdfs: dict[Path, Path], written: Written) -> None:
    """Each staged paper put in its place, with its PDF where one was made; an older PDF beside a paper that has none
    now removed (a PDF beside a paper is always the PDF of that paper)."""
    for path, there in final.items():
        written.install(staged[path], there)
        if path in pdfs:
            written.install(staged[path].with_suffix(".pdf"), pdfs[path])
        elif path.suffix == ".docx":
            written.remove(there.with_suffix(".pdf"))


def _own_titles(s: Facts) -> list[str]:
    """The titles with a hồ sơ of their own: each individual title proposed, then each collective one."""
    return [*s.individual, *s.collective]


def _title_folder(folder: Path, title: str) -> Path:
    """A title's hồ sơ folder: its name in plain letters (Chien-si-thi-dua-co-so)."""
    return folder / ascii_name(title_name(title))


def _plan(s: Facts, folder: Path) -> list[tuple[str, str, Path, Callable]]:
    """Every paper: (kind, name in words, where it goes, what makes it), the shared ones first."""
    planned: list[tuple[str, str, Path, Callable]] = [
        (LETTER, dw.DOC_NAMES[LETTER], folder / f"{dw.FILE_LETTER}.docx", lambda: letter.paper(s)),
        (MINUTES, dw.DOC_NAMES[MINUTES_BEFORE_VOTE if s.ballot and s.tally is None else MINUTES],
         folder / f"{dw.FILE_MINUTES}.docx", lambda: minutes.paper(s))]
    if s.ballot:
        planned.append((TALLY, dw.DOC_NAMES[TALLY], folder / f"{dw.FILE_TALLY}.docx", lambda: tally.paper(s)))
        for title, chosen in s.ballot.items():
            name = title_name(title)
            planned.append((BALLOT, dw.DOC_NAMES[BALLOT].format(title=name),
                            folder / f"{dw.FILE_BALLOT.format(title=ascii_name(name))}.docx",
                            functools.partial(ballot.paper, s, title, chosen)))
    if awards.proposed(s):
        planned.append((AWARDS, dw.DOC_NAMES[AWARDS], folder / f"{dw.FILE_AWARDS}.docx", lambda: awards.paper(s)))
    if s.c.special_awards and not s.s.period:
        planned.append((SPECIAL, dw.DOC_NAMES[SPECIAL], folder / f"{dw.FILE_SPECIAL}.docx", lambda: special.paper(s)))
    if s.s.year is not None:
        planned.append((APPRAISAL, atx.DOC_NAME, folder / f"{atx.FILE_APPRAISAL}.docx", lambda: appraisal.paper(s)))
    for p in transfer.movers(s):  # sent to the new school (NĐ 233/2026 điều 15 khoản 1 điểm a)
        name = f"{ascii_name(p.name)}_{ascii_name(p.code)}"
        planned.append((TRANSFER, trx.DOC_NAME.format(name=p.name),
                        folder / f"{trx.FILE_TRANSFER.format(name=name)}.docx",
                        functools.partial(transfer.paper, s, p)))
    for title in _own_titles(s):
        name = title_name(title)
        sub = _title_folder(folder, title)
        planned.append((LIST, dw.DOC_NAMES[LIST].format(title=name),
                        sub / f"{dw.FILE_LIST.format(title=ascii_name(name))}.docx",
                        functools.partial(lists.paper, s, title)))
        if title == CSTDCS:
            for p, path in _report_paths(sub, [p for p, _ in s.individual[title]]):
                planned.append((REPORT, dw.DOC_NAMES[REPORT].format(name=p.name), path,
                                functools.partial(report.paper, s, p, title)))
    return planned


def _dossiers(s: Facts, folder: Path, planned, staged: dict[Path, Path], pdfs: dict[Path, Path]) -> list[Dossier]:
    """One hồ sơ per title, its checklist written in the temporary folder (its papers named as they will be
    in ``folder``: the checklist's paths are relative). Its documents and checklist carry their paths in
    ``folder`` as planned; the caller gives them their final names."""
    shared = [Document(kind, name, staged[path], pdfs.get(path)) for kind, name, path, _ in planned
              if path.parent == folder and kind not in _UNFILED]
    dossiers = []
    for title in _own_titles(s):
        sub = _title_folder(folder, title)
        mine = [(kind, name, path) for kind, name, path, _ in planned if path.parent == sub]
        papers = (*shared, *(Document(kind, name, staged[path], pdfs.get(path)) for kind, name, path in mine))
        attachments = to_attach(s, title)
        checklist = sub / dw.FILE_CHECKLIST
        staged[checklist].parent.mkdir(parents=True, exist_ok=True)
        write_checklist(staged[checklist], s, title, papers, attachments, staged[checklist].parents[1])
        planned_papers = (*(Document(kind, name, path) for kind, name, path, _ in planned
                            if path.parent == folder and kind not in _UNFILED),
                          *(Document(kind, name, path) for kind, name, path in mine))
        dossiers.append(Dossier(title_name(title), title in s.collective, sub, planned_papers, attachments,
                                checklist))
    return dossiers


def ascii_name(text: str) -> str:
    """'Chiến sĩ thi đua cơ sở' → 'Chien-si-thi-dua-co-so': no diacritics (đ → d), words joined by '-'."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in unmarked(text)).split()
    return "-".join(words) or "_"


def _report_paths(folder: Path, people: list[PersonResult]) -> list[tuple[PersonResult, Path]]:
    """One file per person, named after the person; two people of the same name get their codes added."""
    names = [ascii_name(p.name) for p in people]
    count = Counter(names)
    found = []
    for p, name in zip(people, names):
        if count[name] > 1:
            name = f"{name}_{ascii_name(p.code)}"
        found.append((p, folder / f"{dw.FILE_REPORT.format(name=name)}.docx"))
    return found
