"""The PDF beside each paper: as few LibreOffice runs as the file names allow, the first started while the papers
are written — or from the start of a command that will write them (:func:`started_early`) — (:mod:`thidua_xlsx.system
.office`)."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from thidua_xlsx.system import office
from thidua_xlsx.text import documents as tx

PDF_TIMEOUT = 90  # seconds for one LibreOffice run, plus PDF_TIMEOUT_PER_FILE per document
PDF_TIMEOUT_PER_FILE = 15


# The profile of the LibreOffice a command started for its papers (started_early), in the thread running it
_EARLY: ContextVar[Path | None] = ContextVar("papers_libreoffice", default=None)


@contextlib.contextmanager
def started_early(papers: bool = True) -> Iterator[None]:
    """A command that will write papers (``papers``) starts their LibreOffice as it begins
    (:func:`thidua_xlsx.system.office.started_ahead`): its start — a second of CPU — goes on beside the command's own
    work (reading, deciding, the summary), not only beside the papers'. :func:`pdf_converter` within hands it the
    papers; stopped with its tree when the block ends."""
    if not papers:
        yield
        return
    with office.started_ahead() as ahead:
        token = _EARLY.set(ahead)
        try:
            yield
        finally:
            _EARLY.reset(token)


@contextlib.contextmanager
def pdf_converter(pdf: bool = True) -> Iterator[Callable[[list[Path]], tuple[dict[Path, Path], str]]]:
    """:func:`convert_pdfs` for papers about to be written: handed to the LibreOffice the command started
    (:func:`started_early`), else to one started at once when ``pdf`` (:func:`thidua_xlsx.system.office
    .started_ahead`): its start goes on while they are written."""
    early = _EARLY.get()
    if early is not None:
        yield lambda paths: convert_pdfs(paths, early)
        return
    with office.started_ahead() if pdf else contextlib.nullcontext() as ahead:
        yield lambda paths: convert_pdfs(paths, ahead)


def convert_pdfs(paths: list[Path], ahead: Path | None = None) -> tuple[dict[Path, Path], str]:
    """Convert .docx files to PDF beside them with as few LibreOffice runs as possible (one per set of
    distinct file names); ``ahead``: the profile of a LibreOffice started for them. Returns (each .docx → its
    PDF, for those written; why some are missing, in words). Never raises for a missing or failing LibreOffice."""
    paths = [Path(p) for p in paths]
    if not paths:
        return {}, ""
    if office.find_soffice() is None:
        return {}, tx.PDF_NO_LIBREOFFICE.format(install=office.install_advice())
    # LibreOffice names each PDF after its input: one name once per run, the n-th file of a name in run n
    batches: list[list[Path]] = []
    named: Counter[str] = Counter()
    for path in paths:
        run = named[path.stem]
        named[path.stem] += 1
        if run == len(batches):
            batches.append([])
        batches[run].append(path)
    done: dict[Path, Path] = {}
    overran = False
    for batch in batches:
        found, finished = office.convert_beside(batch, "pdf:writer_pdf_Export", ahead=ahead,
                                                timeout=PDF_TIMEOUT + PDF_TIMEOUT_PER_FILE * len(batch))
        done.update({path: found[path.resolve()] for path in batch if path.resolve() in found})
        overran = overran or not finished
    missing = [p for p in paths if p not in done]
    if not missing:
        return done, ""
    detail = "LibreOffice timeout" if overran else ", ".join(p.name for p in missing)
    return done, tx.PDF_FAILED.format(count=len(missing), detail=detail)
