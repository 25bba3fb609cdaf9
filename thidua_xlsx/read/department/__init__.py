"""Read an inbox: every file is accounted for; values only, no macro ever runs; never raises on bad input.

A returned workbook brings only its input cells. Its very hidden sheet names the campaign and
the submission id; everything else — who is in it, their registered titles, what its locked
cells said — comes from the record ``generate`` kept (:mod:`thidua_xlsx.model.issued`) and the rubric
from the campaign. Sheets and rows are found **by the codes they show**, never by position:
a person's form by the code beside "Mã số:", a criterion's row by its code in the "Mã" column, a
table by its header row. What cannot be placed is reported by cell.

Before any parser sees a file, cheap containment checks run on its bytes. Its values are then read by
python-calamine (values of .xlsx/.xlsm/.xls/.ods, hidden sheets included), the one reader of a department's book.

This module is the coordinator: it takes one inbox entry from the file on disk to an accepted
submission or a reason, decides which sheets the round has and hands each part its sheet. The parts
are the modules beside it: :mod:`.entry` (what is recorded of the file), :mod:`.meta` (the hidden
sheet), :mod:`.cells` (the values and the lookups by text), :mod:`.extraction` (what the parts share),
:mod:`.registration`, :mod:`.scoring` and :mod:`.overview` (the sheets of each round), :mod:`.fonts`
(legacy text), :mod:`.marks` (what a value does not say: an error, a formula without its result, a
percent format), :mod:`.formulas` (the locked formulas, by their constants) and :mod:`.locked` (the
locked cells against what was issued).

A workbook sent back with nothing typed in it is no submission: skipped, said, and kept with its
department (``status`` says "sent but not filled in").

A file is read for at most :data:`SECONDS_PER_FILE`. Where the platform can interrupt the reader
(POSIX, main thread: ``signal.setitimer``) the limit is kept here, at no cost; where it cannot (Windows,
another thread) even a small inbox is read in a worker process, killed at its deadline
(:func:`thidua_xlsx.system.pool.interrupts_in_process`, :mod:`thidua_xlsx.steps.parallel`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import signal
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import ACCEPTED, SKIPPED, Cell, InboxFile, Submission, reject
from thidua_xlsx.model.issued import IssuedPerson, IssuedWorkbook
from thidua_xlsx.model.issues import NOTE, WARNING, issue
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.containment import MAX_FILE_BYTES, InboxItem, check_workbook, returned_book, unreadable
from thidua_xlsx.read.department import overview, registration, scoring
from thidua_xlsx.read.department.cells import Sheet, Sheets, canonical, load_values
from thidua_xlsx.read.department.extraction import NOT_READ, Extraction, Found
from thidua_xlsx.read.department.fonts import cell_fonts, legacy_inputs
from thidua_xlsx.read.department.formulas import attach_formulas
from thidua_xlsx.read.department.locked import locked_changes
from thidua_xlsx.read.department.marks import input_marks
from thidua_xlsx.read.department.meta import NewerTemplate, OldTemplate, identity_fields, parse_meta
from thidua_xlsx.read.entries import blank_entry, possible_save, saved_stamp, sorted_out, stat_entry, with_hash
from thidua_xlsx.read.macros import macros_in
from thidua_xlsx.read.registry import DamagedRecord, IssuedRegistry
from thidua_xlsx.system import pool
from thidua_xlsx.text.messages import shortened

# A workbook reads in well under a second; a file that takes longer is stopped. A worker's task has for its
# deadline this value as the process that started the worker holds it (parallel.py).
SECONDS_PER_FILE = 20


@dataclass(frozen=True)
class ReadContext:
    """What the reader trusts: the campaign and the record of what was issued."""

    campaign: cm.Campaign
    registry: IssuedRegistry


def read_file(item: InboxItem, context: ReadContext) -> InboxFile:
    """Read one inbox entry. Whatever happens — a broken file, a limit, a bug of ours — becomes the
    entry's status and message; nothing raised here stops the merge."""
    try:
        with _time_limit(SECONDS_PER_FILE):
            return _read_item(item, context)
    except _TooSlow:
        return refused(item, "file.too_slow", seconds=SECONDS_PER_FILE)
    except MemoryError:
        return refused(item, "file.too_big_to_read")
    except Exception as exc:  # a bug of ours on this file: the file says so, the others are read
        return refused(item, "file.internal_error", error=type(exc).__name__)


def refused(item: InboxItem, code: str, **params) -> InboxFile:
    """``item`` rejected before anything of it could be read (a bug of ours, a reader that died)."""
    return reject(blank_entry(item), code, **params)


# --- a byte-identical copy, known by its fingerprint -------------------------------------------------

def content_key(item: InboxItem) -> tuple[str, int] | None:
    """What a file read as a workbook has in common with its byte-identical copies that is known without reading
    it — its kind (suffix) and size — or None when it would not be read as a workbook (a link, a lock file, another
    kind of file, too big: :func:`sorted_out`), or cannot be looked at."""
    if not returned_book(item):
        return None
    suffix = item.path.suffix.lower()
    try:
        size = item.path.lstat().st_size
    except OSError:
        return None
    return (suffix, size) if size <= MAX_FILE_BYTES else None


def copy_entry(item: InboxItem, original: InboxFile, sha256: str) -> InboxFile | None:
    """The entry of ``item``, whose bytes have the fingerprint ``sha256`` of ``original`` (read before it, of the
    same kind): what reading it would give — the same content read the same way — without reading it again, named
    a copy of ``original`` (as :class:`~thidua_xlsx.check.selection.Kept` names it). None when it must be read:
    ``original`` was not read to its fingerprint (a read stopped by its time limit, our error) or ``item`` cannot
    be looked at now."""
    if not sha256 or original.sha256 != sha256:
        return None
    try:
        entry = stat_entry(item)
    except OSError:
        return None
    return dataclasses.replace(entry, sha256=sha256, saved_at=original.saved_at, status=SKIPPED,
                               reason="file.copy_of", issues=(issue("file.copy_of", NOTE, file=entry.name,
                                                                    original=original.name),))


def _read_item(item: InboxItem, context: ReadContext) -> InboxFile:
    entry = sorted_out(item)
    if entry.reason:
        return entry
    path, suffix = item.path, item.path.suffix.lower()
    if entry.size > MAX_FILE_BYTES:
        return with_hash(reject(entry, "file.too_big", size_mb=entry.size // (1024 * 1024),
                                max_mb=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(entry, exc)
    entry = dataclasses.replace(entry, sha256=hashlib.sha256(data).hexdigest())
    parts: dict[str, bytes] = {}
    problem = check_workbook(path, data, suffix, parts)
    if problem is not None:
        return reject(entry, problem.code, **dict(problem.params))
    if macros_in(data, parts):  # read all the same: values only, none runs
        entry = dataclasses.replace(entry, issues=(*entry.issues, issue("file.macros", WARNING, file=entry.name)))
    if suffix != ".xls":
        entry = _with_save_time(entry, saved_stamp(data, suffix))
    try:
        sheets = load_values(data, skip=NOT_READ)
    except CalamineError:  # a broken file: one message for all
        return reject(entry, "file.corrupt")
    attach_formulas(sheets, data, suffix, parts)
    formulas = {name: sheet.formulas for name, sheet in sheets.items()}
    return _read_workbook(entry, sheets, context, lambda found: input_marks(found, data, suffix, parts, formulas),
                          lambda wanted: cell_fonts(wanted, data, suffix, parts))


def _with_save_time(entry: InboxFile, stamp: dt.datetime | None) -> InboxFile:
    """``entry`` with the time its workbook says it was saved, where a save can have been made then; else with its
    file's time, and said: a time in the future would make it its department's newest version for good."""
    if stamp is None or possible_save(stamp):
        return dataclasses.replace(entry, saved_at=stamp)
    said = issue("file.saved_time_impossible", WARNING, file=entry.name,
                 saved="?" if stamp == dt.datetime.max else f"{stamp:%d/%m/%Y}")
    return dataclasses.replace(entry, saved_impossible=True, issues=(*entry.issues, said))


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int):
    """A wall-clock limit on this thread where the platform can interrupt it (POSIX main thread: an interval
    timer); elsewhere the file is read in a worker process whose deadline the pool enforces
    (:mod:`thidua_xlsx.steps.parallel`)."""
    if not pool.interrupts_in_process():
        yield
        return

    def stop(_signum, _frame):
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read_workbook(entry: InboxFile, sheets: Sheets, context: ReadContext, marks_of, fonts_of) -> InboxFile:
    """``marks_of(found)``: the marks of the input cells found (:mod:`.marks`), looked up in the file;
    ``fonts_of(wanted)``: the fonts of the cells whose text may be TCVN3/VNI (:mod:`.fonts`), looked up there too."""
    layout = _layout(entry, sheets, context)
    if isinstance(layout, InboxFile):
        return layout
    issued = _issued(entry, layout, context)
    if isinstance(issued, InboxFile):
        return issued
    if issued.sha256 and entry.sha256 == issued.sha256:  # the very file issued: nothing in it to read
        entry = dataclasses.replace(entry, saved_at=None)  # its save time is generate's: sent is the file's time
        return _untouched(entry, "file.unfilled", Submission(issued), ())
    found = _found(entry.name, sheets, issued, context, marks_of, fonts_of)
    issues = [*entry.issues, *found.issues]  # the save time's, said before it was read
    if identity_fields(layout) != identity_fields(issued.layout):
        issues.append(issue("file.meta_edited", WARNING, file=entry.name, department=issued.layout.department_name))
    if found.people_found == 0 and found.foreign:
        return reject(entry, "file.identity_mismatch", department=issued.layout.department_name,
                      codes=shortened(", ".join(sorted(found.foreign)[:5])))
    changed = locked_changes(entry.name, issued, found.locked, context.registry)
    if changed is None:
        return reject(entry, "file.locked_record_missing", department=issued.layout.department_name)
    marked = tuple(dict.fromkeys([*found.marked, *(code for code, _ in changed)]))
    issues.extend(i for _, i in changed)
    submission = Submission(issued, tuple(found.registrations), tuple(found.forms), found.collective,
                            tuple(found.missing), tuple(c for c in marked if c))
    if not _anything_typed(found, issued):
        return _untouched(entry, "file.nothing_filled", submission, issues)
    return dataclasses.replace(entry, status=ACCEPTED, reason="", submission=submission, issues=tuple(issues))


def _layout(entry: InboxFile, sheets: Sheets, context: ReadContext) -> ly.WorkbookLayout | InboxFile:
    """The layout record of the hidden sheet, of this campaign; else the file rejected, saying why (not ours, an
    older or newer template, the record broken, another campaign)."""
    if ly.META_SHEET not in sheets:
        return reject(entry, "file.not_ours")
    try:
        layout = parse_meta(sheets[ly.META_SHEET], with_sheets=False)
    except OldTemplate:
        return reject(entry, "file.old_template")
    except NewerTemplate as newer:
        return reject(entry, "file.newer_version", version=str(newer))
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):  # edited by hand or damaged
        return reject(entry, "file.meta_broken")
    if layout.campaign_id != context.campaign.id:
        return reject(entry, "file.other_campaign", year=layout.school_year or "?")
    return layout


def _issued(entry: InboxFile, layout: ly.WorkbookLayout, context: ReadContext) -> IssuedWorkbook | InboxFile:
    """The record ``generate`` kept of the workbook, issued this school year; else the file rejected, saying why."""
    try:
        issued = context.registry.get(layout.submission_id)
    except DamagedRecord as damaged:  # issued, its record damaged: restore it, never issue again
        return reject(entry, damaged.code, department=layout.department_name or "?", **damaged.params)
    except (OSError, ValueError, KeyError, TypeError):
        issued = None
    if issued is None:
        return reject(entry, "file.not_issued", department=layout.department_name or "?")
    issued_year, year = issued.layout.school_year, context.campaign.school.school_year
    # last year's book, recorded in a so-da-phat/ copied by hand with the campaign
    if issued_year and issued_year != year:
        return reject(entry, "file.other_year", year=issued_year, expected=year)
    return issued


def _found(file: str, sheets: Sheets, issued: IssuedWorkbook, context: ReadContext, marks_of, fonts_of) -> Found:
    """What the round's sheets hold; read again with the fonts or marks of some input cells where there are any
    (rare: a legacy encoding, an error value, a formula without its result)."""
    found = _extract(file, sheets, issued, context.campaign.rubrics)
    wanted = legacy_inputs(found)
    fonts = fonts_of(wanted) if wanted else {}
    marks = marks_of(found)
    if fonts or marks:  # rare: the fonts or marks of some input cells, then the same reading with them
        for name, found_fonts in fonts.items():
            if name in sheets:
                sheets[name].fonts.update(found_fonts)
        for name, marked in marks.items():
            if name in sheets:
                sheets[name].marks = marked
        found = _extract(file, sheets, issued, context.campaign.rubrics)
    return found


def _untouched(entry: InboxFile, code: str, submission: Submission, issues) -> InboxFile:
    """A workbook sent back with nothing typed in it is no submission: skipped, said (a warning), and kept
    with its department so that ``status`` can say "sent but not filled in"."""
    return dataclasses.replace(entry, status=SKIPPED, reason=code, submission=submission, issues=(
        *issues, issue(code, WARNING, file=entry.name, department=submission.issued.layout.department_name)))


_TYPED_BUT_UNREAD = ("row.no_code", "row.unknown_code", "row.duplicate_code", "sheet.form_copies_differ")


def _anything_typed(found: Found, issued: IssuedWorkbook) -> bool:
    """Whether any input cell holds something it did not hold when issued (the collective's title goes out
    filled in when it was registered); a value typed where it cannot be placed counts, and so do a person's form
    copies that differ (neither is read, but someone typed in them: not "nothing filled")."""
    if any(i.code in _TYPED_BUT_UNREAD for i in found.issues):
        return True
    issued_title = canonical(title_name(issued.collective))  # the record keeps a code, the sheet shows its name
    cells: list[Cell | None] = [] if found.collective is None or canonical(found.collective.value) == issued_title \
        else [found.collective]
    for row in found.registrations:
        cells += [row.title, row.form, row.initiative, row.note] + ([row.name, row.position] if row.person is None
                                                                    else [])
    for form in found.forms:
        cells += [c for item in form.items for c in (item.self, item.dept, item.note)]
        cells += [c for _, c in form.facts] + ([form.name, form.position] if form.spare else [])
    return any(c is not None and (c.mark or canonical(c.value)) for c in cells)


def _extract(file: str, sheets: dict[str, Sheet], issued: IssuedWorkbook, rubrics: tuple[cm.Rubric, ...]) -> Found:
    """The round's sheets, found by what they show, each read by its part."""
    ex = Extraction(file, sheets, issued, rubrics)
    kinds = ex.classify()
    if issued.round == ly.REGISTRATION:
        ex.one(kinds, "registration", registration.people_sheet)
        ex.one(kinds, "collective", registration.collective_sheet)
    else:
        scoring.person_forms(ex, kinds.forms)
        ex.one(kinds, "department", overview.department_sheet)
    return ex.found


def locked_content(path: Path, issued_people: tuple[IssuedPerson, ...], layout: ly.WorkbookLayout,
                   campaign_rubrics: tuple[cm.Rubric, ...], named: Path | None = None) -> tuple[tuple[str, str], ...]:
    """The canonical locked content of a workbook, read back the way the merge will read it; ``named``: the name the
    workbook will have (its kind: ``path`` is where it was staged, ``… .xlsx.<token>.tmp``), else ``path``'s."""
    data = Path(path).read_bytes()
    name = Path(named or path)
    sheets = load_values(data)
    parts: dict[str, bytes] = {}
    check_workbook(name, data, name.suffix.lower(), parts)  # our own file: only its parts wanted
    attach_formulas(sheets, data, name.suffix.lower(), parts)
    stub = IssuedWorkbook(layout, issued_people, "", (), "", "", ())
    found = _extract(name.name, sheets, stub, campaign_rubrics)
    return tuple(sorted((key, value) for key, (value, *_where) in found.locked.items()))
