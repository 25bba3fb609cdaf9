"""What ``merge`` and ``year`` write once the summary is decided, each file said as it is written: the PDF beside
a workbook (and the font LibreOffice set it in), the public list, the departments' feedback copies and the papers;
and the files kept beside (someone's file left as it was, the new one written beside it). ``voice`` is the
command's :class:`~thidua_xlsx.system.voice.Voice`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import Summary
from thidua_xlsx.system import office
from thidua_xlsx.system.files import scratch_folder
from thidua_xlsx.system.office import OfficeError, convert, fallback_fonts, install_advice, pdf_fonts
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commands as ct


class Kept:
    """Says, each time it is called, the files kept since the last call (someone's file left as it was,
    the new one written beside it)."""

    def __init__(self, written: Written, voice: Voice) -> None:
        self.written, self.voice, self.said = written, voice, 0

    def __call__(self) -> None:
        for kept, new in self.written.beside[self.said:]:
            self.voice.warn(ct.KEPT_BESIDE.format(kept=kept, new=new.name))
        self.said = len(self.written.beside)


def export_pdf(path: Path, written: Written, voice: Voice) -> None:
    """The PDF of the workbook ``path`` beside it (made in a temporary folder, then put in place whole)."""


    if office.find_soffice() is None:
        voice.warn(ct.PDF_NO_OFFICE.format(install=install_advice()))
        return
    with scratch_folder("thidua_pdf_") as work:
        try:
            made = convert(path, "pdf", Path(work))
        except OfficeError as exc:
            voice.warn(ct.PDF_FAILED.format(reason=exc))
            return
        fonts = pdf_fonts(made)
        pdf = written.name_for(path.with_suffix(".pdf"))
        written.install(made, pdf)
    voice.say(ct.PDF_DONE.format(path=pdf))
    _say_fonts(fonts, voice)


def _say_fonts(fonts: Sequence[str], voice: Voice) -> None:
    """Which font LibreOffice set the PDF in: Times New Roman's metric twin, or a fallback (said as a warning:
    the pages break otherwise than in Word and Excel, and not in Nghị định 30's font)."""
    if not fonts:
        return
    def families(names: Iterable[str]) -> str:
        return ", ".join(dict.fromkeys(f.split("-")[0] for f in names))

    other = fallback_fonts(fonts)
    if other:
        voice.warn(ct.PDF_FONT_FALLBACK.format(fonts=families(other)))
    else:
        voice.say(ct.PDF_FONT_USED.format(fonts=families(fonts)))


def write_public(summary: Summary, path: Path, days: int, pdf: bool, written: Written, voice: Voice,
                 today: dt.date) -> None:
    from thidua_xlsx.write.summary import write_public_list  # deferred: xlsxwriter at start-up

    if summary.round != ly.SCORING:
        voice.warn(ct.PUBLIC_ONLY_SCORING)
        return
    if summary.period:  # a period proposes no title: nothing to post
        voice.warn(ct.NOT_FOR_A_PERIOD.format(what=ct.PUBLIC_WHAT, period=summary.period_label))
        return
    path = written.name_for(path, (".pdf",) if pdf else ())
    write_public_list(summary, path, today, days)
    written.note(path)
    voice.say(ct.PUBLIC_DONE.format(path=path, until=(today + dt.timedelta(days=days)).strftime("%d/%m/%Y")))
    if pdf:
        export_pdf(path, written, voice)


def write_feedback(summary: Summary, folder: Path, written: Written, voice: Voice) -> None:
    from thidua_xlsx.write import feedback  # deferred: openpyxl at start-up

    result = feedback.write_feedback(summary, folder, summary.campaign.settings.sheet_password, written)
    feedback.warn_workers_failed(result, voice)
    if result.written:
        voice.say(ct.FEEDBACK_DONE.format(count=len(result.written), folder=folder,
                                          names=", ".join(p.name for p in result.written)))
    elif not result.not_converted:
        voice.say(ct.FEEDBACK_NONE)
    if result.not_converted:
        voice.warn(ct.FEEDBACK_NOT_CONVERTED.format(names=", ".join(result.not_converted)))


def write_documents(summary: Summary, folder: Path, written: Written, voice: Voice) -> None:
    from thidua_xlsx.papers import dossiers  # deferred: python-docx at start-up

    if summary.round != ly.SCORING:
        voice.warn(ct.DOCS_ONLY_SCORING)
        return
    if summary.period:  # no Tờ trình, ballot or list before the year: the titles are the year's
        voice.warn(ct.NOT_FOR_A_PERIOD.format(what=ct.DOCS_WHAT, period=summary.period_label))
        return
    papers = dossiers.write_documents(summary, folder, written=written)
    docx = [d for d in papers.documents if d.path.suffix == ".docx"]
    voice.say(ct.DOCS_DONE.format(folder=folder, docx=len(docx), pdf=sum(d.pdf is not None for d in docx)))
    voice.say(ct.DOCS_SHARED.format(names=", ".join(d.path.name for d in papers.shared)))
    for dossier in papers.dossiers:
        shared = sum(d in papers.shared for d in dossier.documents)
        voice.say(ct.DOCS_DOSSIER.format(title=dossier.title, folder=dossier.folder.name,
                                         own=len(dossier.documents) - shared, shared=shared,
                                         attach=len(dossier.attachments), checklist=dossier.checklist.name))
    if papers.pdf_problem:
        voice.warn(papers.pdf_problem)
    _say_fonts(tuple(sorted({f for d in docx if d.pdf is not None for f in pdf_fonts(d.pdf)})), voice)
    for warning in papers.warnings:
        voice.warn(warning)
    for path, aside in papers.set_aside:  # a paper the hồ sơ no longer holds: moved, so the folders match the Tờ trình
        voice.warn(ct.DOCS_SET_ASIDE.format(path=path, aside=aside))
    for path in papers.stuck:
        voice.warn(ct.DOCS_NOT_SET_ASIDE.format(path=path))
