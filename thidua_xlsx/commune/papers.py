"""The level above's decision papers (docs/domain.md §4b), Word and PDF, in Nghị định 30/2020 form: the office's Tờ
trình to the chair, and the draft Quyết định công nhận with its "Danh sách kèm theo" (I. Cá nhân, II. Tập thể; each
line "n. Họ tên, chức vụ, đơn vị"). The counts they give are the lengths of the lists they carry; a proposal held
apart for the officer (commune.decide) is in neither — the Tờ trình says how many wait, from which schools."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.commune.write import authority_as_school
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.commune import COLLECTIVE, PERSON, LevelAboveSummary, Proposal
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.docx_engine import TITLE_PT, Paper, Receivers, Sign
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.system.files import scratch_folder
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commune as lx
from thidua_xlsx.write.engine import FIXED_DATE


@dataclass(frozen=True)
class _Issuer:
    """Who heads a paper (docx_engine.Paper reads ``school`` for its header and ``created`` for its properties)."""

    school: cm.School
    created: dt.datetime = FIXED_DATE
    draft: str = ""  # the commune's papers are never a school year's draft


def letter(summary: LevelAboveSummary) -> Paper:
    """The office's Tờ trình to the chair: the schools' files received and checked, the counts per title."""
    c = summary.campaign
    issuer = _Issuer(cm.School(c.office or c.authority, c.authority, c.place, c.school_year, ""))
    doc = Paper(issuer, lx.DOC_LETTER, lx.LETTER_TITLE, number=lx.LETTER_NUMBER)
    doc.centered(lx.LETTER_SUBJECT.format(year=c.school_year), bold=True, size=TITLE_PT)
    doc.rule_paragraph(40)
    doc.centered(lx.LETTER_TO.format(authority=c.authority), size=TITLE_PT, space_before=6, space_after=12)
    for line in c.legal_basis:
        doc.para(line, italic=True)
    sent = [r for r in summary.schools if r.sent]
    missing = [r.school.name for r in summary.schools if not r.sent]
    doc.para(lx.LETTER_RECEIVED.format(office=c.office or c.authority, sent=len(sent), schools=len(summary.schools),
                                       names=", ".join(r.school.name for r in sent) or "—"))
    if missing:
        doc.para(lx.LETTER_MISSING.format(names=", ".join(missing)))
    if summary.held:
        waiting = {h.proposal.school for h in summary.held}
        doc.para(lx.LETTER_HELD.format(count=len(summary.held), names=", ".join(
            r.school.name for r in summary.schools if r.school.code in waiting)))
    _counts(doc, summary)
    doc.para(lx.LETTER_CLOSE.format(authority=c.authority), keep=True)
    doc.signatures(Receivers(lx.RECEIVERS_HEAD, lx.LETTER_RECEIVERS),
                   Sign(lx.SIGN_OFFICE, lx.SIGN_NOTE, c.officer), shares=(0.45, 0.55), keep=True)
    return doc


def decision(summary: LevelAboveSummary) -> Paper:
    """The draft Quyết định công nhận and, on a new page, its Danh sách kèm theo."""
    c = summary.campaign
    doc = Paper(_Issuer(authority_as_school(summary)), lx.DOC_DECISION, lx.DECISION_TITLE,
                number=lx.DECISION_NUMBER)
    doc.centered(lx.DECISION_SUBJECT.format(year=c.school_year), bold=True, size=TITLE_PT)
    doc.rule_paragraph(40)
    doc.centered(lx.DECISION_BY.format(authority=c.authority.upper()), bold=True, size=TITLE_PT, space_before=6,
                 space_after=12)
    for line in c.legal_basis:
        doc.para(line, italic=True)
    doc.para(lx.DECISION_CONSIDERING.format(office=c.office or c.authority), italic=True)
    doc.centered(lx.DECISION_DECIDES, bold=True, size=TITLE_PT, space_before=6, space_after=6)
    found = summary.lists(here=True)
    doc.para(lx.ARTICLE_1, bold=True)
    for title, people in found[PERSON].items():
        doc.para(lx.ARTICLE_1_PEOPLE.format(title=title_name(title), count=len(people)))
    for title, units in found[COLLECTIVE].items():
        doc.para(lx.ARTICLE_1_UNITS.format(title=title_name(title), count=len(units)))
    doc.para(lx.ARTICLE_1_ATTACHED, italic=True)
    doc.para(lx.ARTICLE_2, keep=False)
    doc.para(lx.ARTICLE_3.format(office=c.office or lx.OFFICE_DEFAULT), keep=True)
    doc.signatures(Receivers(lx.RECEIVERS_HEAD, lx.DECISION_RECEIVERS),
                   Sign(lx.SIGN_CHAIR, lx.SIGN_NOTE_SEAL, c.chair), shares=(0.45, 0.55), keep=True)
    _attached(doc, summary, found)
    return doc


def _counts(doc: Paper, summary: LevelAboveSummary) -> None:
    found = summary.lists(here=True)
    doc.para(lx.LETTER_PEOPLE_HEAD, bold=True)
    for title, people in found[PERSON].items():
        doc.para(lx.LETTER_PEOPLE.format(title=title_name(title), count=len(people)))
    doc.para(lx.LETTER_UNITS_HEAD, bold=True)
    for title, units in found[COLLECTIVE].items():
        doc.para(lx.LETTER_UNITS.format(title=title_name(title), count=len(units)))
    if not found[COLLECTIVE]:
        doc.para(lx.NONE_LINE)
    above = summary.lists(here=False)
    if above[PERSON] or above[COLLECTIVE]:
        doc.para(lx.LETTER_ABOVE_HEAD, bold=True)
        for kind, unit in ((PERSON, lx.UNIT_PEOPLE), (COLLECTIVE, lx.UNIT_COLLECTIVES)):
            for title, chosen in above[kind].items():
                doc.para(lx.LETTER_ABOVE.format(title=title_name(title), count=len(chosen), unit=unit))


def _attached(doc: Paper, summary: LevelAboveSummary, found: dict[str, dict[str, list[Proposal]]]) -> None:
    """DANH SÁCH (Kèm theo Quyết định …): I. Cá nhân, II. Tập thể, each title its lines."""
    c = summary.campaign
    heading = doc.centered(lx.LIST_TITLE, bold=True, size=TITLE_PT, space_before=0)
    heading.paragraph_format.page_break_before = True
    doc.centered(lx.LIST_SUBTITLE.format(authority=c.authority), italic=True, space_after=10)
    for part, kind in ((lx.PART_PEOPLE, PERSON), (lx.PART_COLLECTIVES, COLLECTIVE)):
        doc.para(part, bold=True, indent=False)
        for k, (title, chosen) in enumerate(found[kind].items(), start=1):
            doc.para(lx.LIST_TITLE_LINE.format(n=k, title=title_name(title), count=len(chosen)), bold=True,
                     indent=False)
            for n, p in enumerate(chosen, start=1):
                line = ", ".join(part for part in (p.name, p.position, p.unit) if part)
                doc.para(lx.LIST_LINE.format(n=n, line=line), indent=False, space_after=2)
        if not found[kind]:
            doc.para(lx.NONE_LINE, indent=False)


def write_level_above_papers(summary: LevelAboveSummary, folder: Path, *, pdf: bool = True,
                             written: Written | None = None) -> list[Path]:
    """The Tờ trình and the draft Quyết định in ``folder`` (made in a temporary folder, then put in place, each whole;
    someone's edited paper kept and the new one written beside it, as the school's papers are), with their PDFs."""
    written = written if written is not None else Written()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with scratch_folder("thidua_level_above_") as work:
        staged = []
        for name, make in ((lx.FILE_LETTER, letter), (lx.FILE_DECISION, decision)):
            path = Path(work) / f"{name}.docx"
            make(summary).save(path)
            staged.append(path)
        pdfs, _problem = convert_pdfs(staged) if pdf else ({}, "")
        for path in staged:
            target = written.name_for(folder / path.name, (".pdf",))
            written.install(path, target)
            made.append(target)
            if path in pdfs:
                written.install(pdfs[path], target.with_suffix(".pdf"))
                made.append(target.with_suffix(".pdf"))
    return made
