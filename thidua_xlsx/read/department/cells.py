"""A workbook's values as python-calamine gives them, and the lookups by text every part reads with."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from typing import Protocol

from python_calamine import CalamineError, CalamineWorkbook

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.inbox import Cell
from thidua_xlsx.read.inflating import DAMAGED_ZIP


class Formulas(Protocol):
    """A sheet's formulas by cell, (row, col) → its constants: a dict (an .ods, read whole), or indexed when first
    asked (:class:`.formulas.XmlFormulas`)."""

    def get(self, where: tuple[int, int], default: str, /) -> str: ...


class Sheet:
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
        self.marks: dict[tuple[int, int], str] = {}  # (row, col) → what its value does not say (Cell.mark)
        self.formulas: Formulas | None = None  # (row, col) → its constants; None: not read

    def value(self, row: int, col: int):
        r, c = row - self._r0, col - self._c0
        if 0 <= r < len(self.rows):
            line = self.rows[r]
            if 0 <= c < len(line):
                return line[c]
        return ""

    def cell(self, row: int, col: int) -> Cell:
        return Cell(self.value(row, col), self.name, row, col, self.fonts.get((row, col), "") if self.fonts else "",
                    self.marks.get((row, col), "") if self.marks else "")

    def text(self, row: int, col: int) -> str:
        return text_of(self.value(row, col))

    def _index_next(self) -> bool:
        """Index one more row (its text cells: every label and header looked up is text); False at the end."""
        if self._next >= len(self.rows):
            return False
        r, self._next = self._next, self._next + 1
        found: dict[str, int] = {}
        first, c0, row = self._first, self._c0, self._r0 + r
        for c, value in enumerate(self.rows[r]):
            if type(value) is str and value:
                text = text_of(value)
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


# text → cleaned, made once a process: the same labels and names come back in every workbook
_cleaned = functools.lru_cache(maxsize=200_000)(cm.clean_text)


def canonical(value) -> str:
    """A cell value as text to compare: 10.0 → '10', text cleaned (NFC, spaces)."""
    if type(value) is str:
        return _cleaned(value)
    if isinstance(value, float):  # calamine's numbers: the next usual case
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return str(value)
    return cm.clean_text(value)


def text_of(value) -> str:
    """:func:`canonical`, its usual case (a text) without going through it."""
    return _cleaned(value) if type(value) is str else canonical(value)


class Sheets(dict[str, Sheet]):
    """Sheet name → :class:`Sheet`."""


def load_values(data: bytes, skip: tuple[str, ...] = ()) -> Sheets:
    """Every sheet's values but those named in ``skip``, from the bytes already read for the checksum."""
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except CalamineError:  # perhaps an .ods calamine reads only compacted: tried once more
        compact = _compact_ods(data)
        if compact is None:
            raise
        wb = CalamineWorkbook.from_filelike(io.BytesIO(compact))
    sheets = Sheets()
    for name in wb.sheet_names:
        if name in skip:
            continue
        ws = wb.get_sheet_by_name(name)
        start = ws.start or (0, 0)
        sheets[name] = Sheet(name, (start[0], start[1]), ws.to_python(skip_empty_area=True))
    return sheets


# Gnumeric writes an .ods indented, with line breaks and spaces between the table's elements; calamine
# 0.9 stops at the first of them ("Expecting 'table-cell', found Text"). ODF allows no text there: it can go.
# Gnumeric also writes a line break inside a cell as <text:line-break/>, which calamine drops (joining the
# lines without a space): it becomes the line break itself.
_INDENT = re.compile(rb"(</?table:[^>]*>)\s+(?=</?table:)")


def _compact_ods(data: bytes) -> bytes | None:
    """An .ods whose content.xml is indented, with the indentation between table elements removed (the
    text inside cells is untouched); None when ``data`` is not such a file. Its size was bounded before."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "content.xml" not in zf.namelist():
                return None
            content = zf.read("content.xml")
            compact = _INDENT.sub(rb"\1", content).replace(b"<text:line-break/>", b"\n")  # calamine drops it
            if compact == content:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for info in zf.infolist():  # "mimetype" first and stored, as ODF wants
                    body = compact if info.filename == "content.xml" else zf.read(info)
                    copy.writestr(info.filename, body, zipfile.ZIP_STORED if info.filename == "mimetype"
                                  else zipfile.ZIP_DEFLATED)
            return out.getvalue()
    except DAMAGED_ZIP:
        return None
