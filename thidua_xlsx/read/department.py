"""Read an inbox: every file is accounted for; values only, no macro ever runs; never raises on bad input.

A returned workbook brings only its input cells. Its very hidden sheet names the campaign and
the submission id; everything else — who is in it, their registered titles, what its locked
cells said — comes from the record ``generate`` kept (:mod:`thidua_xlsx.model.issued`) and the rubric
from the campaign. Sheets and rows are found **by the codes they show**, never by position:
a person's form by the code beside "Mã số:", a criterion's row by its code in the "Mã" column, a
table by its header row. What cannot be placed is reported by cell.

The fast path is python-calamine (values of .xlsx/.xlsm/.xls/.ods, hidden sheets included).
Before any parser sees a file, cheap containment checks run on its bytes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import operator
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import (
    ACCEPTED,
    Cell,
    InboxFile,
    ItemCells,
    RegistrationEntry,
    ScoringForm,
    Submission,
    reject,
    skip,
)
from thidua_xlsx.model.issued import IssuedPerson, IssuedWorkbook, fingerprint
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, issue
from thidua_xlsx.model.layout import a1
from thidua_xlsx.model.titles import NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.containment import (
    FILE,
    LINK,
    MAX_FILE_BYTES,
    SPECIAL,
    UNREADABLE_FOLDER,
    WORKBOOK_FOLDER,
    WORKBOOK_SUFFIXES,
    InboxItem,
    check_workbook,
    sha256_of,
)
from thidua_xlsx.read.legacy_text import might_be_legacy
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.text import workbook as tx

SYSTEM_FILES = {".ds_store", "thumbs.db", "desktop.ini"}
# Sheets of ours that hold no input: never parsed. Every other sheet is (those the issued record names,
# and any it does not: a copied or renamed form is found by the code it shows, and reported).
NOT_READ = (ly.LISTS_SHEET, ly.GUIDE_SHEET)
SECONDS_PER_FILE = 20  # a workbook reads in well under a second; a file that takes longer is stopped


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
    return reject(_blank_entry(item), code, **params)


def _blank_entry(item: InboxItem, size: int = 0, modified: dt.datetime | None = None, sha256: str = "") -> InboxFile:
    return InboxFile(path=item.path, name=item.name, size=size, modified=modified or dt.datetime(1970, 1, 1),
                     sha256=sha256)


def _read_item(item: InboxItem, context: ReadContext) -> InboxFile:
    if item.kind != FILE:
        code = {LINK: f"file.link_{item.detail}", SPECIAL: "file.special", UNREADABLE_FOLDER: "file.unreadable_folder",
                WORKBOOK_FOLDER: "file.workbook_folder"}[item.kind]
        return reject(_blank_entry(item), code) if item.kind != LINK or item.detail != "inside" else \
            skip(_blank_entry(item), code)
    path = item.path
    info = path.lstat()
    modified = dt.datetime.fromtimestamp(info.st_mtime, dt.timezone.utc).replace(tzinfo=None)
    entry = _blank_entry(item, info.st_size, modified)
    base = path.name.lower()
    if base.startswith("~$") or base.startswith(".~lock.") or base in SYSTEM_FILES:
        reason = "lock" if base.startswith(("~$", ".~lock.")) else "system"
        return _with_hash(skip(entry, f"file.skipped_{reason}"))
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES:
        return _with_hash(reject(entry, "file.not_workbook"))
    if info.st_size > MAX_FILE_BYTES:
        return _with_hash(reject(entry, "file.too_big", size_mb=info.st_size // (1024 * 1024),
                                 max_mb=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        data = path.read_bytes()
    except OSError:
        return reject(entry, "file.unreadable")
    entry = dataclasses.replace(entry, sha256=hashlib.sha256(data).hexdigest())
    problem = check_workbook(path, data, suffix)
    if problem is not None:
        return reject(entry, problem.code, **dict(problem.params))
    if suffix != ".xls":
        entry = dataclasses.replace(entry, saved_at=_saved_at(data, suffix))
    try:
        sheets = _load_values(data, skip=NOT_READ)
    except Exception:  # calamine raises many kinds on a broken file: one message for all
        return reject(entry, "file.corrupt")
    if suffix in (".xlsx", ".xlsm"):
        sheets.styled = data
    return _read_workbook(entry, sheets, context)


def _with_hash(entry: InboxFile) -> InboxFile:
    """A file that is not read is hashed streaming, and only up to the workbook size limit (a 5 GB
    video in the inbox costs nothing)."""
    if entry.size > MAX_FILE_BYTES:
        return entry
    try:
        return dataclasses.replace(entry, sha256=sha256_of(entry.path))
    except OSError:
        return entry


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int):
    """A wall-clock limit where the platform has interval timers in this thread (POSIX main thread)."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
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


def _read_workbook(entry: InboxFile, sheets: "_Sheets", context: ReadContext) -> InboxFile:
    if ly.META_SHEET not in sheets:
        return reject(entry, "file.not_ours")
    try:
        layout = _parse_meta(sheets[ly.META_SHEET], with_sheets=False)
    except _OldTemplate:
        return reject(entry, "file.old_template")
    except _NewerTemplate as newer:
        return reject(entry, "file.newer_version", version=str(newer))
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):  # edited by hand or damaged
        return reject(entry, "file.meta_broken")
    if layout.campaign_id != context.campaign.id:
        return reject(entry, "file.other_campaign", year=layout.school_year or "?")
    try:
        issued = context.registry.get(layout.submission_id)
    except (OSError, ValueError, KeyError, TypeError):
        issued = None
    if issued is None:
        return reject(entry, "file.not_issued", department=layout.department_name or "?")
    found = _Extractor(entry.name, sheets, issued, context.campaign).run()
    wanted = _legacy_inputs(found) if getattr(sheets, "styled", None) is not None else {}
    if wanted:  # rare: the fonts of those input cells, then the same reading with them
        _attach_fonts(sheets.styled, sheets, wanted)
        found = _Extractor(entry.name, sheets, issued, context.campaign).run()
    issues = list(found.issues)
    if _identity_fields(layout) != _identity_fields(issued.layout):
        issues.append(issue("file.meta_edited", WARNING, file=entry.name, department=issued.layout.department_name))
    if found.people_found == 0 and found.foreign:
        return reject(entry, "file.identity_mismatch", department=issued.layout.department_name,
                      codes=", ".join(sorted(found.foreign)[:5]))
    if issued.sha256 and entry.sha256 == issued.sha256:
        issues.append(issue("file.unfilled", WARNING, file=entry.name))
    changed = _locked_changes(entry.name, issued, found.locked, context.registry)
    if changed is None:
        return reject(entry, "file.locked_record_missing", department=issued.layout.department_name)
    marked = tuple(dict.fromkeys([*found.marked, *(code for code, _ in changed)]))
    issues.extend(i for _, i in changed)
    submission = Submission(issued, tuple(found.registrations), tuple(found.forms), found.collective,
                            tuple(found.missing), tuple(c for c in marked if c))
    return dataclasses.replace(entry, status=ACCEPTED, reason="", submission=submission, issues=tuple(issues))


def _identity_fields(layout: ly.WorkbookLayout) -> tuple:
    return layout.campaign_id, layout.round, layout.department_code, layout.department_name, layout.school_year


def locked_content(path: Path, issued_people: tuple[IssuedPerson, ...], layout: ly.WorkbookLayout,
                   campaign_rubrics: tuple[cm.Rubric, ...]) -> tuple[tuple[str, str], ...]:
    """The canonical locked content of a workbook, read back the way the merge will read it."""
    sheets = _load_values(Path(path).read_bytes())
    stub = IssuedWorkbook(layout, issued_people, "", (), "", "", ())
    found = _Extractor(Path(path).name, sheets, stub, None, rubrics=campaign_rubrics).run()
    return tuple(sorted((key, value) for key, (value, *_where) in found.locked.items()))


def read_layout(path: Path) -> ly.WorkbookLayout | None:
    """The layout a generated workbook carries, or None (for tools and tests that fill workbooks)."""
    sheets = _load_values(Path(path).read_bytes())
    return _parse_meta(sheets[ly.META_SHEET]) if ly.META_SHEET in sheets else None


def _locked_changes(file: str, issued: IssuedWorkbook, found: dict[str, tuple[str, _Sheet, int, int]],
                    registry: IssuedRegistry) -> list[tuple[str, Issue]] | None:
    """(person code, issue) for each locked cell whose value differs from what was issued; None when
    the content differs and what was issued is no longer there to tell where."""
    if fingerprint(tuple((k, v[0]) for k, v in found.items())) == issued.fingerprint:
        return []  # the very content issued (the usual case, told without reading it)
    locked = registry.locked(issued)
    if not locked:
        return None
    names = {p.code: p.name for p in issued.people}
    changes = []
    for key, was in locked:
        if key not in found or found[key][0] == was:
            continue
        now, sheet, row, col = found[key]
        where = sheet.cell(row, col)
        owner = key.split("|")[1] if key.startswith(("person|", "reg|", "dept|")) else ""
        if key.endswith("|title") and was in (tx.NOT_REGISTERED_SHOWN, title_name(NOT_REGISTERED)):
            code = "person.title_typed"
        else:
            code = "locked.changed"
        changes.append((owner, issue(code, ERROR, file=file, sheet=where.sheet, cell=where.cell,
                                     issued=was or "(trống)", found=now or "(trống)", name=names.get(owner, ""))))
    return changes


# --- the workbook's own save time ---------------------------------------------------------------

_CORE_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_ODS_DATE = re.compile(rb"<dc:date>([^<]+)</dc:date>")
_APPLICATION = re.compile(rb"<Application>([^<]*)</Application>")
# LibreOffice writes local time: in .ods with no zone, in .xlsx wrongly marked "Z" (seen with 7.4).


def _saved_at(data: bytes, suffix: str) -> dt.datetime | None:
    """The workbook's own last-saved time (set by Excel/LibreOffice/WPS on save), UTC, naive."""
    import io

    member, pattern = ("meta.xml", _ODS_DATE) if suffix == ".ods" else ("docProps/core.xml", _CORE_MODIFIED)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if zf.getinfo(member).file_size > 1_000_000:
                return None
            match = pattern.search(zf.read(member))
            app = _APPLICATION.search(zf.read("docProps/app.xml")) if "docProps/app.xml" in zf.namelist() else None
    except (KeyError, zipfile.BadZipFile):
        return None
    if not match:
        return None
    text = re.sub(r"\.\d+", "", match.group(1).decode(errors="replace").strip())  # 3.10 refuses 9-digit fractions
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    local_time = stamp.tzinfo is None or (app is not None and app.group(1).startswith(b"LibreOffice"))
    if local_time:
        return stamp.replace(tzinfo=None) - ly.VIETNAM_UTC_OFFSET
    return stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)


# --- cells ---------------------------------------------------------------------------------------

class _Sheet:
    """Cell access over calamine rows (which start at the first used cell), 0-based coordinates.

    Lookups by text (:meth:`find`, :meth:`header`) index the rows from the top only as far as they
    need: a form's labels and table header are near its top, the table is then read row by row."""

    def __init__(self, name: str, start: tuple[int, int], rows: list[list]):
        self.name, self.start, self.rows = name, start, rows
        self._r0, self._c0 = start
        self._indexed: list[tuple[int, dict[str, int]]] = []  # (row, {clean text: first column}), top down
        self._next = 0  # the next row of ``rows`` to index
        self._first: dict[str, tuple[int, int]] = {}  # clean text → where it first appears (row by row)
        self.fonts: dict[tuple[int, int], str] = {}  # (row, col) → font name, for possible legacy text

    def value(self, row: int, col: int):
        r, c = row - self._r0, col - self._c0
        if 0 <= r < len(self.rows):
            line = self.rows[r]
            if 0 <= c < len(line):
                return line[c]
        return ""

    def cell(self, row: int, col: int) -> Cell:
        return Cell(self.value(row, col), self.name, row, col, self.fonts.get((row, col), "") if self.fonts else "")

    def text(self, row: int, col: int) -> str:
        return _text_of(self.value(row, col))

    def _index_next(self) -> bool:
        """Index one more row (its text cells: every label and header looked up is text); False at the end."""
        if self._next >= len(self.rows):
            return False
        r, self._next = self._next, self._next + 1
        found: dict[str, int] = {}
        first, c0, row = self._first, self._c0, self._r0 + r
        for c, value in enumerate(self.rows[r]):
            if type(value) is str and value:
                text = _text_of(value)
                if text not in found:
                    found[text] = c0 + c
                    if text not in first:
                        first[text] = (row, c0 + c)
        if found:
            self._indexed.append((row, found))
        return True

    def find(self, label: str) -> tuple[int, int] | None:
        while label not in self._first and self._index_next():
            pass
        return self._first.get(label)

    def header(self, wanted: dict[str, str]) -> tuple[int, dict[str, int]] | None:
        """The first row holding every header text of ``wanted``: (row, {key: column})."""
        heads = tuple(wanted.values())
        first, k = heads[0], 0
        while True:
            while k < len(self._indexed):
                r, found = self._indexed[k]
                if first in found and all(h in found for h in heads):
                    return r, {key: found[h] for key, h in wanted.items()}
                k += 1
            if not self._index_next():
                return None

    @property
    def last_row(self) -> int:
        return self._r0 + len(self.rows) - 1


_CANONICAL: dict[str, str] = {}  # text → cleaned: the same labels and names come back in every workbook
_CANONICAL_LIMIT = 200_000


def canonical(value) -> str:
    """A cell value as text to compare: 10.0 → '10', text cleaned (NFC, spaces)."""
    if type(value) is str:
        found = _CANONICAL.get(value)
        if found is None:
            if len(_CANONICAL) >= _CANONICAL_LIMIT:
                _CANONICAL.clear()
            found = _CANONICAL[value] = cm.clean_text(value)
        return found
    if isinstance(value, float):  # calamine's numbers: the next usual case
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return str(value)
    return cm.clean_text(value)


def _text_of(value) -> str:
    """:func:`canonical`, its usual case (text seen before) without a call."""
    if type(value) is str:
        found = _CANONICAL.get(value)
        if found is not None:
            return found
    return canonical(value)


def _at_columns(*columns: int):
    """``line → (line[c] for c in columns)``, "" for a column the line does not reach (calamine's rows
    are as wide as the sheet's used range: usually all reached, told at C speed)."""
    fast = operator.itemgetter(*columns)
    low, high = min(columns), max(columns)

    def at(line):
        if low >= 0 and high < len(line):
            return fast(line)
        return tuple(line[c] if 0 <= c < len(line) else "" for c in columns)

    return at


class _Sheets(dict):
    """Sheet name → :class:`_Sheet`; ``styled``: the file's bytes when its cell fonts can be looked up."""

    styled: bytes | None = None


def _load_values(data: bytes, skip: tuple[str, ...] = ()) -> _Sheets:
    """Every sheet's values but those named in ``skip``, from the bytes already read for the checksum."""
    import io

    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = _Sheets()
    for name in wb.sheet_names:
        if name in skip:
            continue
        ws = wb.get_sheet_by_name(name)
        sheets[name] = _Sheet(name, tuple(ws.start or (0, 0)), ws.to_python(skip_empty_area=True))
    return sheets


def _legacy_inputs(found: "_Found") -> dict[str, set[tuple[int, int]]]:
    """Sheet → (row, col) of the input cells whose text may be TCVN3/VNI: the only cells whose font
    matters (the validator reads them; locked labels such as "Mã" are compared, never converted)."""
    cells: list[Cell | None] = [found.collective]
    for row in found.registrations:
        cells += [row.title, row.form, row.initiative, row.note]
        if row.person is None:  # a spare row: its name and position are typed too
            cells += [row.name, row.position]
    for form in found.forms:
        cells += [c for _, c in form.facts] + [c for item in form.items for c in (item.self, item.dept)]
        if form.spare:
            cells += [form.name, form.position]
    wanted: dict[str, set[tuple[int, int]]] = {}
    for cell in cells:
        if cell is not None and type(cell.value) is str and might_be_legacy(cell.value):
            wanted.setdefault(cell.sheet, set()).add((cell.row, cell.col))
    return wanted


def _attach_fonts(data: bytes, sheets: dict[str, _Sheet], wanted: dict[str, set[tuple[int, int]]]) -> None:
    """The font of each ``wanted`` cell, whose text may be TCVN3/VNI (".VnTime", "VNI-Times" decide the reading).

    Only when such text was typed in an input cell (rare), with openpyxl in read-only mode over
    sheets whose extent the containment step has already bounded; calamine reads values only."""
    import io
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(data), read_only=True)
        try:
            for name, cells in wanted.items():
                last = max(row for row, _ in cells) + 1
                for row in wb[name].iter_rows(min_row=min(row for row, _ in cells) + 1, max_row=last):
                    for cell in row:
                        where = (getattr(cell, "row", 0) - 1, getattr(cell, "column", 0) - 1)
                        if where in cells and cell.font is not None and cell.font.name:
                            sheets[name].fonts[where] = cell.font.name
        finally:
            wb.close()


class _OldTemplate(Exception):
    pass


class _NewerTemplate(Exception):
    pass


def _parse_meta(sheet: _Sheet, with_sheets: bool = True) -> ly.WorkbookLayout:
    column = [sheet.value(r, 0) for r in range(sheet.start[0], sheet.last_row + 1)]
    if column and column[0] == "app":  # version 1 kept key/value rows and the whole campaign
        raise _OldTemplate
    data = ly.meta_json(column)
    version = data.get("template_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("template version")
    if version > ly.TEMPLATE_VERSION:
        raise _NewerTemplate(version)
    if version < ly.TEMPLATE_VERSION:
        raise _OldTemplate
    return ly.WorkbookLayout.from_json(data, with_sheets)


# --- finding things by code ----------------------------------------------------------------------

@dataclass
class _Found:
    registrations: list[RegistrationEntry] = dataclasses.field(default_factory=list)
    forms: list[ScoringForm] = dataclasses.field(default_factory=list)
    collective: Cell | None = None
    missing: list[str] = dataclasses.field(default_factory=list)
    marked: list[str] = dataclasses.field(default_factory=list)
    locked: dict[str, tuple[str, "_Sheet", int, int]] = dataclasses.field(default_factory=dict)  # value, where
    issues: list[Issue] = dataclasses.field(default_factory=list)
    foreign: set[str] = dataclasses.field(default_factory=set)  # codes shown that were never issued here
    people_found: int = 0


class _Extractor:
    """Finds the sheets and rows of one workbook by the codes they show."""

    def __init__(self, file: str, sheets: dict[str, _Sheet], issued: IssuedWorkbook, campaign: cm.Campaign | None,
                 rubrics: tuple[cm.Rubric, ...] | None = None):
        self.file, self.issued = file, issued
        self.sheets = {k: v for k, v in sheets.items() if k != ly.META_SHEET and k not in NOT_READ}
        self.rubrics = rubrics if rubrics is not None else campaign.rubrics
        self.people = {p.code: p for p in issued.people}
        self.found = _Found()

    def add(self, code: str, severity: str, sheet: str = "", cell: str = "", **params) -> None:
        self.found.issues.append(issue(code, severity, file=self.file, sheet=sheet, cell=cell, **params))

    def lock(self, key: str, sheet: _Sheet, row: int, col: int) -> None:
        """Remember a locked cell's text and where it is (the first place its key is found)."""
        if key not in self.found.locked:
            self.found.locked[key] = (sheet.text(row, col), sheet, row, col)

    def run(self) -> _Found:
        kinds = self._classify()
        if self.issued.round == ly.REGISTRATION:
            self._one(kinds, "registration", self._registration)
            self._one(kinds, "collective", self._collective)
        else:
            self._forms(kinds.get("person", []))
            self._one(kinds, "department", self._department)
        return self.found

    def _classify(self) -> dict[str, list[tuple[_Sheet, object]]]:
        kinds: dict[str, list] = {}
        for sheet in self.sheets.values():
            marker = sheet.find(tx.L_CODE)
            if marker is not None:
                kinds.setdefault("person", []).append((sheet, marker))
                continue
            for kind, wanted in (("department", {"code": tx.DEPT_HEADERS[1], "final": tx.DEPT_HEADERS[6]}),
                                 ("registration", ly.REGISTRATION_HEADER), ("collective", ly.COLLECTIVE_HEADER)):
                found = sheet.header(wanted)
                if found is not None:
                    kinds.setdefault(kind, []).append((sheet, found))
                    break
        return kinds

    def _one(self, kinds, kind: str, read) -> None:
        """A sheet that appears once per workbook: read the first; a copy is reported, not read."""
        found = kinds.get(kind, [])
        if not found:
            self.add("file.sheet_missing", ERROR, sheet=_issued_name(self.issued, kind))
            if kind in ("registration",):
                self.found.missing.extend(self.people)
            return
        for sheet, _ in found[1:]:
            self.add("sheet.duplicate", ERROR, sheet=sheet.name, used=found[0][0].name)
        sheet, where = found[0]
        read(sheet, where)

    # --- registration round ---

    def _registration(self, sheet: _Sheet, where) -> None:
        header, _ = where
        _, cols = sheet.header(ly.REGISTRATION_HEADER)
        seen: set[str] = set()
        after_table = False  # below the check cell come the signatures: only rows with a person's code count
        for row in range(header + 1, sheet.last_row + 1):
            code = sheet.text(row, cols["code"])
            if sheet.text(row, cols["stt"]) == tx.CHECK_LABEL:
                after_table = True
            if after_table and code not in self.people:
                continue
            inputs = [sheet.cell(row, cols[k]) for k in ("title", "form", "initiative", "note")]
            cells = {k: sheet.cell(row, cols[k]) for k in ("name", "position", "title", "form", "initiative", "note")}
            if code in self.people and code not in seen:
                seen.add(code)
                self.found.people_found += 1
                self.lock(f"reg|{code}|name", sheet, row, cols["name"])
                self.lock(f"reg|{code}|position", sheet, row, cols["position"])
                self.found.registrations.append(RegistrationEntry(self.people[code], **cells))
            elif not code and sheet.text(row, cols["stt"]) == tx.SPARE_MARK:
                self.found.registrations.append(RegistrationEntry(None, **cells))
            elif code in seen:
                self._unplaced(sheet, row, [c for c in inputs if canonical(c.value)], duplicate=code)
            else:
                if code:
                    self.found.foreign.add(code)
                self._unplaced(sheet, row, [c for c in (cells["name"], *inputs) if canonical(c.value)], code=code)
        self._missing_people(seen)
        for code in self.found.missing:
            self.add("row.person_missing", ERROR, sheet=sheet.name, name=self.people[code].name, person=code)

    def _collective(self, sheet: _Sheet, where) -> None:
        header, cols = where
        self.lock("collective|unit", sheet, header + 1, cols["unit"])
        self.found.collective = sheet.cell(header + 1, cols["title"])

    # --- scoring round ---

    def _forms(self, found: list[tuple[_Sheet, tuple[int, int]]]) -> None:
        by_marker = {s.marker: s for s in self.issued.layout.of_kind(ly.ScoringSheet)}
        seen: set[str] = set()
        for sheet, (r, c) in found:
            marker = sheet.text(r, c + 1)
            record = by_marker.get(marker)
            if record is None or marker in seen:
                if marker and record is None:
                    self.found.foreign.add(marker)
                self.add("sheet.unknown_form" if record is None else "sheet.duplicate", ERROR, sheet=sheet.name,
                         cell=a1(r, c + 1), marker=marker, used=marker)
                continue
            seen.add(marker)
            person = self.people.get(record.person_code) or IssuedPerson("", "", "", record.role)
            self.found.people_found += bool(person.code)
            self._form(sheet, marker, person, record.role, bool(record.facts))
        for marker, record in by_marker.items():
            if marker not in seen and record.person_code:
                self.add("file.sheet_missing", ERROR, sheet=record.name)
        self._missing_people({by_marker[m].person_code for m in seen})

    def _form(self, sheet: _Sheet, marker: str, person: IssuedPerson, role: str, with_facts: bool) -> None:
        """``with_facts``: the form went out with the facts block (the department enters them); else
        the facts come from the roster and no label typed on the form is looked for."""
        rubric = next((r for r in self.rubrics if r.role == role), self.rubrics[0])
        key = f"person|{marker}"
        cells: dict[str, Cell | None] = {}
        for field, label in (("name", tx.L_NAME), ("position", tx.L_POSITION), ("title", tx.L_TITLE),
                             ("department", tx.L_DEPARTMENT)):
            at = sheet.find(label)
            cells[field] = sheet.cell(at[0], at[1] + 1) if at else None
            if at and (field in ("title", "department") or person.code):
                self.lock(f"{key}|{field}", sheet, at[0], at[1] + 1)
        facts = []
        for fact, label, _kind in tx.FACT_FIELDS if with_facts else ():
            at = sheet.find(label)
            if at:
                facts.append((fact, sheet.cell(at[0], at[1] + ly.FACT_VALUE_OFFSET)))
        header = sheet.header(ly.SCORING_HEADER)
        items: dict[str, ItemCells] = {}
        totals: tuple[Cell | None, Cell | None] = (None, None)
        if header is None:
            self.add("sheet.table_missing", ERROR, sheet=sheet.name)
            self.found.marked.append(person.code)
        else:
            items, totals = self._criteria(sheet, header, rubric, key, person.code)
        missing = [i.code for _, i in rubric.items if i.code not in items]
        if header is not None and missing:
            self.add("row.missing_code", ERROR, sheet=sheet.name, codes=", ".join(missing))
            self.found.marked.append(person.code)
        self.found.forms.append(ScoringForm(marker, person, sheet.name, cells["name"], cells["position"],
                                            tuple(items.values()), tuple(facts), totals))

    def _criteria(self, sheet: _Sheet, header, rubric: cm.Rubric, key: str, owner: str):
        """The table's rows (the cells of a workbook read most: written for speed, on calamine's rows)."""
        head, cols = header
        item_codes = {i.code for _, i in rubric.items}
        group_codes = {g.code for g in rubric.groups}
        items: dict[str, ItemCells] = {}
        totals: tuple[Cell | None, Cell | None] = (None, None)
        after_table = False  # below the classification come the signatures: only stray scores count there
        r0, c0 = sheet.start
        code_col, text_col, max_col = cols["code"], cols["text"], cols["max"]
        own, dept, note = cols["self"], cols["dept"], cols["note"]
        at = _at_columns(code_col - c0, text_col - c0, max_col - c0, own - c0, dept - c0, note - c0)
        locked, name, fonts = self.found.locked, sheet.name, sheet.fonts
        ends = (tx.L_CLASS, tx.L_MISSING)

        def cell(value, col: int) -> Cell:  # sheet.cell() with the value already at hand
            return Cell(value, name, row, col, fonts.get((row, col), "") if fonts else "")

        for r in range(head + 1 - r0, len(sheet.rows)):
            row = r + r0
            code_v, text_v, max_v, own_v, dept_v, note_v = at(sheet.rows[r])
            code, text = _text_of(code_v), _text_of(text_v)
            if text in ends:
                after_table = True
            elif after_table and code not in items and not (_is_number(own_v) or _is_number(dept_v)):
                continue
            elif text == tx.L_TOTAL:
                totals = (sheet.cell(row, own), sheet.cell(row, dept))
                self.lock(f"{key}|total|max", sheet, row, max_col)
            elif (item := code in item_codes and code not in items) or code in group_codes:
                if item:
                    items[code] = ItemCells(code, cell(own_v, own), cell(dept_v, dept), cell(note_v, note))
                prefix = f"{key}|{code}|"  # lock(), inline: the rows of every form of every file
                locked.setdefault(prefix + ("text" if item else "label"), (text, sheet, row, text_col))
                locked.setdefault(prefix + "max", (_text_of(max_v), sheet, row, max_col))
            else:
                typed = [sheet.cell(row, c) for c in (own, dept) if canonical(sheet.value(row, c))]
                if typed:
                    self._unplaced(sheet, row, typed, code=code, duplicate=code if code in items else "")
                    self.found.marked.append(owner)
        return items, totals

    def _department(self, sheet: _Sheet, where) -> None:
        header, cols = where
        at = sheet.find(tx.L_COLLECTIVE)
        if at is not None:
            self.found.collective = sheet.cell(at[0], at[1] + ly.COLLECTIVE_VALUE_OFFSET)
        _, cols = sheet.header({"code": tx.DEPT_HEADERS[1], "name": tx.DEPT_HEADERS[2],
                                "position": tx.DEPT_HEADERS[3]})
        for row in range(header + 1, sheet.last_row + 1):
            code = sheet.text(row, cols["code"])
            if code in self.people and not self.people[code].newcomer:
                self.lock(f"dept|{code}|name", sheet, row, cols["name"])
                self.lock(f"dept|{code}|position", sheet, row, cols["position"])

    # --- what cannot be placed ---

    def _unplaced(self, sheet: _Sheet, row: int, cells: list[Cell], code: str = "", duplicate: str = "") -> None:
        for found in cells:
            if duplicate:
                self.add("row.duplicate_code", ERROR, sheet=sheet.name, cell=found.cell, row_code=duplicate,
                         value=canonical(found.value))
            elif code:
                self.add("row.unknown_code", ERROR, sheet=sheet.name, cell=found.cell, row_code=code,
                         value=canonical(found.value))
            else:
                self.add("row.no_code", ERROR, sheet=sheet.name, cell=found.cell, value=canonical(found.value))

    def _missing_people(self, seen: set[str]) -> None:
        for code, person in self.people.items():
            if code not in seen:
                self.found.missing.append(code)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _issued_name(issued: IssuedWorkbook, kind: str) -> str:
    return next((s.name for s in issued.layout.sheets if s.kind == kind), kind)
