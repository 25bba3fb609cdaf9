"""The PDF beside each paper: a LibreOffice started while the papers are written — or from the start of a command that
will write them (:func:`started_early`) — handed each paper as it is written (:class:`Pdfs`); else as few LibreOffice
runs as the file names allow (:mod:`thidua_xlsx.system.office`)."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from thidua_xlsx.system import office
from thidua_xlsx.text import documents as dw

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
def pdf_converter(pdf: bool = True) -> Iterator[Pdfs]:
    """The :class:`Pdfs` of papers about to be written: handed to the LibreOffice the command started
    (:func:`started_early`), else to one started at once when ``pdf`` (:func:`thidua_xlsx.system.office
    .started_ahead`): its start goes on while they are written."""
    early = _EARLY.get()
    if early is not None:
        with Pdfs(early) as pdfs:
            yield pdfs
        return
    with office.started_ahead() if pdf else contextlib.nullcontext() as ahead, Pdfs(ahead) as pdfs:
        yield pdfs


class Pdfs:
    """The PDFs of papers as they are written: each paper :meth:`add`-ed is handed to the LibreOffice started ahead
    (``ahead``, its profile) with those written while it converted the last ones, so that it converts while the next
    papers are written; :meth:`result` waits for the last. With none started ahead, every paper is converted by
    :meth:`result` (:func:`convert_pdfs`). Used as a context manager: a block left by an error leaves the papers
    not yet handed, and does not wait for those being converted (the LibreOffice they are with is stopped by its
    own block)."""

    def __init__(self, ahead: Path | None):
        self.ahead = ahead
        self.handed = ahead is not None and office.find_soffice() is not None  # else all converted by result()
        self.papers: list[Path] = []
        self.done: dict[Path, Path] = {}
        self.overran = False
        self.failed: BaseException | None = None
        self._waiting: list[Path] = []
        self._closed = False
        self._ready = threading.Condition()
        self._handing: threading.Thread | None = None

    def __enter__(self) -> Pdfs:
        return self

    def __exit__(self, *exc) -> None:
        with self._ready:
            self._waiting.clear()
            self._closed = True
            self._ready.notify()

    def add(self, path: Path) -> None:
        """The paper ``path``, written, to convert."""
        self.papers.append(Path(path))
        if not self.handed:
            return
        with self._ready:
            self._waiting.append(Path(path))
            if self._handing is None:
                self._handing = threading.Thread(target=self._hand, name="papers-pdf", daemon=True)
                self._handing.start()
            self._ready.notify()

    def _hand(self) -> None:
        """Hands the papers waiting to LibreOffice, as many as it can take at once, until :meth:`result`."""
        try:
            while True:
                with self._ready:
                    while not self._waiting and not self._closed:
                        self._ready.wait()
                    if not self._waiting:
                        return
                    batch = _batches(self._waiting)[0]
                    self._waiting = [p for p in self._waiting if p not in batch]
                done, overran = _convert(batch, self.ahead)
                self.done.update(done)
                self.overran = self.overran or overran
        except BaseException as exc:  # said by result(), in the run's own thread
            self.failed = exc

    def result(self) -> tuple[dict[Path, Path], str]:
        """(each paper → its PDF, for those written; why some are missing, in words), every paper added converted
        or tried. Never raises for a missing or failing LibreOffice."""
        if self._handing is None:
            return convert_pdfs(self.papers, self.ahead)
        with self._ready:
            self._closed = True
            self._ready.notify()
        self._handing.join()
        if self.failed is not None:
            raise self.failed
        return self.done, _problem(self.papers, self.done, self.overran)


def convert_pdfs(paths: list[Path], ahead: Path | None = None) -> tuple[dict[Path, Path], str]:
    """Convert .docx files to PDF beside them with as few LibreOffice runs as possible (one per set of
    distinct file names); ``ahead``: the profile of a LibreOffice started for them. Returns (each .docx → its
    PDF, for those written; why some are missing, in words). Never raises for a missing or failing LibreOffice."""
    paths = [Path(p) for p in paths]
    if not paths:
        return {}, ""
    if office.find_soffice() is None:
        return {}, dw.PDF_NO_LIBREOFFICE.format(install=office.install_advice())
    done: dict[Path, Path] = {}
    overran = False
    for batch in _batches(paths):
        found, late = _convert(batch, ahead)
        done.update(found)
        overran = overran or late
    return done, _problem(paths, done, overran)


def _batches(paths: list[Path]) -> list[list[Path]]:
    """``paths`` in batches of distinct file names, in order: LibreOffice names each PDF after its input, so one name
    goes once in a run, the n-th file of a name in run n."""
    batches: list[list[Path]] = []
    named: Counter[str] = Counter()
    for path in paths:
        run = named[path.stem]
        named[path.stem] += 1
        if run == len(batches):
            batches.append([])
        batches[run].append(path)
    return batches


def _convert(batch: list[Path], ahead: Path | None) -> tuple[dict[Path, Path], bool]:
    """(each of ``batch`` → its PDF, for those written; whether LibreOffice overran) of one LibreOffice run."""
    found, finished = office.convert_beside(batch, "pdf:writer_pdf_Export", ahead=ahead,
                                            timeout=PDF_TIMEOUT + PDF_TIMEOUT_PER_FILE * len(batch))
    return {path: found[path.resolve()] for path in batch if path.resolve() in found}, not finished


def _problem(paths: list[Path], done: dict[Path, Path], overran: bool) -> str:
    """Why some of ``paths`` have no PDF, in words ("": none missing)."""
    missing = [p for p in paths if p not in done]
    if not missing:
        return ""
    detail = "LibreOffice timeout" if overran else ", ".join(p.name for p in missing)
    return dw.PDF_FAILED.format(count=len(missing), detail=detail)
