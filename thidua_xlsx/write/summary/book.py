"""The pieces every sheet of the summary is written with: its formats, sheets set up for print,
values, merged text, tables, the header, titles, paragraphs and signatures, over the engine.

Every value goes through :meth:`Book.put`: strings from submissions are written with
``write_string`` (and the workbook refuses to turn strings into formulas or links), so a name
typed as ``=HYPERLINK(...)`` stays text; None and NaN become blanks.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import itertools
import math
import numbers
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.wording import date_line
from thidua_xlsx.text.workbook import NO, YES
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.engine import BASE_STYLE, CENTER, ERROR_FILL, ERROR_FONT_COLOUR, HEADER_FILL, WARNING_FILL

EXCEL_MAX_CHARS = 32767
MEASURED_LIMIT = 100_000  # values whose lines are kept per workbook (Book.lines): a province's names are not kept all
TOTAL_FILL = "#EDEDED"
COUNCIL_FILL = "#FFF2CC"  # the columns the council may fill in
# Numbers shown the Vietnamese way (89,5; 1.234,5) whatever the locale of the program that prints them:
# LCID 042A in the format, as Excel and LibreOffice read it; the words around them say "89,5" too.
VN = "[$-42A]"
FILE_KB_FORMAT, TIME_FORMAT = VN + "0.0", "dd/mm/yyyy hh:mm"
LARGER_STYLES = {"title": 14, "subject": 13, "to": 13}  # font sizes other than 12, for row heights
# the sheets the council types into: protected, filtering and resizing left free
PROTECTED = {"autofilter": True, "sort": False, "format_columns": True, "format_rows": True}

_CELL = {**BASE_STYLE, "border": 1}
_TOTAL = {**_CELL, "bold": True, "bg_color": TOTAL_FILL}
STYLES = {
    "text": _CELL,
    "center": {**_CELL, **CENTER},
    "num": {**_CELL, **CENTER, "num_format": VN + "General"},
    "avg": {**_CELL, **CENTER, "num_format": VN + "0.00"},
    "pct": {**_CELL, **CENTER, "num_format": VN + "0.0%"},
    "kb": {**_CELL, **CENTER, "num_format": FILE_KB_FORMAT},
    "time": {**_CELL, **CENTER, "num_format": TIME_FORMAT},
    "small": {**_CELL, "font_size": 10},
    "head_upper": {**_CELL, **CENTER, "bold": True, "bg_color": HEADER_FILL, "bottom": 0},
    "head_lower": {**_CELL, **CENTER, "bold": True, "bg_color": HEADER_FILL, "top": 0},
    "total": _TOTAL,
    "total_num": {**_TOTAL, **CENTER, "num_format": VN + "General"},
    "total_avg": {**_TOTAL, **CENTER, "num_format": VN + "0.00"},
    "council": {**_CELL, "bg_color": COUNCIL_FILL, "locked": False},
    "council_head": {**_CELL, **CENTER, "bold": True, "bg_color": COUNCIL_FILL},
    "council_head_upper": {**_CELL, **CENTER, "bold": True, "bg_color": COUNCIL_FILL, "bottom": 0},
    "council_head_lower": {**_CELL, **CENTER, "bold": True, "bg_color": COUNCIL_FILL, "top": 0},
    **engine.PRINTED_STYLES,
    "subject": {**BASE_STYLE, **CENTER, "bold": True, "font_size": 13},
    "to": {**BASE_STYLE, **CENTER, "font_size": 13},
    # left, not justified: Excel and LibreOffice justify a paragraph's last line too, spreading a short line
    # ("Ý kiến thảo luận: …") across the page; the Word papers justify as Nghị định 30 does
    "body": {**BASE_STYLE, "align": "left", "valign": "top"},
    "basis": {**BASE_STYLE, "align": "left", "valign": "top", "italic": True},
    "heading": {**BASE_STYLE, "bold": True},
    "note": {**BASE_STYLE, "italic": True},
    "receivers_head": {**BASE_STYLE, "bold": True, "italic": True, "valign": "top"},
    "receivers": {**BASE_STYLE, "font_size": 11, "valign": "top"},
    "error": {"bg_color": ERROR_FILL, "font_color": ERROR_FONT_COLOUR},
    "warning": {"bg_color": WARNING_FILL},
}

PARAGRAPH_GAP_PT = 3  # under a paragraph's lines (Book.text(fit=True))


def open_workbook(path: Path):
    """An xlsxwriter workbook that writes each row out as soon as the next one starts (constant_memory:
    a province's 84,000 people are never 4 million cells in memory), so every sheet is written top to
    bottom and each row left to right before the next; text stays text."""
    return xlsx.workbook_class()(str(path), engine.workbook_options(constant_memory=True))


def blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


@dataclasses.dataclass(frozen=True)
class Styled:
    """A table cell in another style than its column's."""

    value: object
    style: str


def _written(ws, row: int, col: int, code: int) -> None:
    """xlsxwriter's refusal (a row already written out, a bad value) as an error, never a lost cell."""
    if code < 0:
        raise RuntimeError(f"xlsxwriter refused to write {ws.name}!R{row + 1}C{col + 1} (code {code})")


class Book:
    """One summary workbook being written: its formats, and per sheet the column widths and the row
    heights set (those of the sheets whose page breaks are placed, :meth:`keep_together`; of a sheet of lists, its
    printed pages filled as its rows are written, :meth:`list_table`)."""

    def __init__(self, wb, school: cm.School, *, draft: bool = False):
        self.wb, self.school, self.year = wb, school, school.school_year
        self.draft = draft  # a year still running: every sheet's printed pages say DỰ THẢO, as its papers do
        self.widths: dict[str, tuple[float, ...]] = {}
        self.heights: dict[str, dict[int, float]] = {}  # row heights set, per sheet with page breaks
        self._pages: dict[str, engine.Pages] = {}  # per sheet of lists (list_table), its pages so far
        self.f = {name: wb.add_format(props) for name, props in STYLES.items()}
        self._lines: dict[tuple[type, object, float], int] = {}  # see lines()

    def sheet(self, name: str, widths: tuple[float, ...], *, landscape: bool = False, document: bool = False,
              page_breaks: bool = False):
        """``page_breaks``: the sheet's row heights are kept for :meth:`keep_together` (not those of the
        long tables, one row per person or per file)."""
        ws = self.wb.add_worksheet(name)
        engine.page_setup(ws, landscape=landscape, footer=sx.PAGE_FOOTER, gridlines=not document, widths=widths,
                          header=sx.PAGE_HEADER_DRAFT if self.draft else "")
        self.widths[name] = widths
        if page_breaks:
            self.heights[name] = {}
        return ws

    def row(self, ws, row: int, height: float) -> None:
        ws.set_row(row, height)
        if ws.name in self.heights:
            self.heights[ws.name][row] = height

    def keep_together(self, ws, blocks: list[tuple[int, int, float]], repeat: tuple[int, ...] = ()) -> None:
        """Manual page breaks so that no block — (first row, last row, extra points) — is cut across two
        printed pages (:func:`engine.page_breaks`). A sheet of lists (:meth:`list_table`) goes on from its pages so
        far, below its last list (it has no ``repeat``: each list repeats its own head)."""
        pages = self._pages.pop(ws.name, None)
        breaks = pages.finish(blocks) if pages is not None else engine.page_breaks(
            self.heights[ws.name], self.widths[ws.name], xlsx.landscape(ws), blocks, repeat)
        if breaks:
            ws.set_h_pagebreaks(breaks)

    def span(self, ws, c0: int, c1: int) -> float:
        return sum(self.widths[ws.name][c0:c1 + 1])

    def put(self, ws, row: int, col: int, value, style: str | None = None) -> None:
        fmt = self.f[style] if style else None
        kind = type(value)
        if kind is str and value:  # the usual cases first: 400,000 cells at 1,000 departments
            code = ws.write_string(row, col, value[:EXCEL_MAX_CHARS], fmt)
        elif kind is int or (kind is float and not math.isnan(value)):
            code = ws.write_number(row, col, value, fmt)
        elif blank(value):
            code = ws.write_blank(row, col, None, fmt)
        elif isinstance(value, bool):
            code = ws.write_string(row, col, YES if value else NO, fmt)
        elif isinstance(value, numbers.Real):
            code = ws.write_number(row, col, value, fmt)
        elif isinstance(value, dt.datetime):
            code = ws.write_datetime(row, col, value, fmt)
        elif kind is Styled:
            return self.put(ws, row, col, value.value, value.style)
        else:
            code = ws.write_string(row, col, str(value)[:EXCEL_MAX_CHARS], fmt)
        _written(ws, row, col, code)

    def lines(self, value, width: float) -> int:
        """:func:`engine.cell_lines` of ``value`` in a column ``width`` wide, measured once per value (of its type) and
        width: a long table repeats its departments, roles, classifications and remarks on every row."""
        key = (type(value), value, width)
        try:
            found = self._lines.get(key)
        except TypeError:  # a value that cannot be a key
            return engine.cell_lines(value, width)
        if found is None:
            found = engine.cell_lines(value, width)
            if len(self._lines) < MEASURED_LIMIT:
                self._lines[key] = found
        return found

    def text(self, ws, row: int, c0: int, c1: int, value, style: str, *, fit: bool = False) -> None:
        """One value over columns c0..c1 (merged when more than one); ``fit`` sizes the row for it."""
        if c1 > c0:
            _written(ws, row, c0, ws.merge_range(row, c0, row, c1, "", self.f[style]))
        self.put(ws, row, c0, value, style)
        if fit:
            size = LARGER_STYLES.get(style, 12)
            lines = engine.cell_lines(value, self.span(ws, c0, c1) * 12 / size, bold=bool(self.f[style].bold))
            self.row(ws, row, engine.row_height(lines, size) + PARAGRAPH_GAP_PT)

    def header(self, ws, last_col: int, split: int, *, number: str = "", date: bool = False) -> int:
        """The school and national motto header (:func:`engine.header_rows`); returns the next free row."""
        rows = engine.header_rows(self.school, number=number, date=date, left_width=self.span(ws, 0, split - 1))
        for row, ((lt, ls), (rt, rs)) in enumerate(rows):
            self.text(ws, row, 0, split - 1, lt, ls)
            self.text(ws, row, split, last_col, rt, rs)
            lines = max(lt.count("\n") + 1,  # the names come broken into the lines of their half
                        engine.cell_lines(rt, self.span(ws, split, last_col) * 0.9))
            self.row(ws, row, engine.row_height(lines, 13))
        return len(rows) + 1

    def title(self, ws, row: int, last_col: int, title: str, subtitle: str = "") -> int:
        self.text(ws, row, 0, last_col, title, "title", fit=True)
        if subtitle:
            self.text(ws, row + 1, 0, last_col, subtitle, "subtitle", fit=True)
        return row + (3 if subtitle else 2)

    def table(self, ws, row: int, headers, rows, styles, *, data_table: bool = True) -> tuple[int, int]:
        """A header row then one row per item; returns (header row, last row written).

        ``data_table``: freeze below the header, filter buttons, header repeated on every printed page.
        """
        self._head(ws, row, headers)
        last = self.rows(ws, row + 1, rows, styles, lambda values: self._line_height(ws, values))
        if data_table:
            ws.freeze_panes(row + 1, 0)
            ws.autofilter(row, 0, max(last, row), len(headers) - 1)
            ws.repeat_rows(row)
        return row, last

    def list_table(self, ws, row: int, headers, rows: Iterable[Sequence], styles: Sequence[str | None], *,
                   keep_from: int, tail: float = 0.0) -> tuple[int, int, list[int]]:
        """A list whose every printed page begins with its head, on a sheet of several lists (Excel and LibreOffice
        repeat one range of rows per sheet, so it has none): the head at ``row``, then a row per item; where a page
        ends inside the list (:meth:`pages`, the sheet set up with ``page_breaks``) a copy of the head is written as
        the next page's first row, the page broken above it. The rows from ``keep_from`` (the list's title) to its
        first two lines begin on one page (a list of two lines or fewer, with its ``tail``); its last two lines stay
        on the page of the ``tail`` points below them (a signature). Returns (head row, last row written, the rows of
        the head's copies, which are no line)."""
        pages = self.pages(ws)
        head_pt = self._head(ws, row, headers)
        measured = ((values, self._line_height(ws, values)) for values in rows)
        ahead = collections.deque(itertools.islice(measured, 3))
        short = len(ahead) < 3
        pages.keep(keep_from, pages.size(keep_from, row) + sum(height for _, height in itertools.islice(ahead, 2)) +
                   (tail if short else 0.0))
        at, copies = row + 1, []

        def line(values: Sequence, height: float, below: float = 0.0, *, last: bool = False) -> None:
            """A line at ``at``, on a new page begun by the head's copy when it leaves this one — or when it and the
            ``below`` points after it, together, leave this one and fit on a page under the head."""
            nonlocal at
            pages.place(at)
            kept = height + below
            if pages.full(height) or (below and pages.full(kept) and head_pt + kept <= pages.room):
                pages.new_page()
                copies.append(at)
                self._head(ws, at, headers)
                at += 1
            self._row(ws, at, values, height, styles, at_once=not last)
            at += 1

        while len(ahead) > 2:
            line(*ahead.popleft())
            ahead.extend(itertools.islice(measured, 1))
        if ahead:
            values, height = ahead.popleft()
            line(values, height, sum(h for _, h in ahead) + tail, last=not ahead)
        for values, height in ahead:
            line(values, height, last=True)
        return row, at - 1, copies

    def pages(self, ws) -> engine.Pages:
        """The printed pages of a sheet of lists (set up with ``page_breaks``), filled as its rows are written; its
        breaks are set by :meth:`keep_together` once it is written."""
        if ws.name not in self._pages:
            self._pages[ws.name] = engine.Pages(self.heights[ws.name], self.widths[ws.name], xlsx.landscape(ws))
        return self._pages[ws.name]

    def _head(self, ws, row: int, headers) -> float:
        """A table's header row at ``row``; returns its height."""
        widths = self.widths[ws.name]
        for col, text in enumerate(headers):
            self.put(ws, row, col, text, "head")
        height = engine.row_height(max(engine.cell_lines(h, widths[c] * 0.85) for c, h in enumerate(headers)))
        self.row(ws, row, height)
        return height

    def _line_height(self, ws, values: Sequence) -> float:
        """A table row's height: that of its cell of the most lines (a cell in a style of its own measured by its
        value, not by its wrapper's words)."""
        widths = self.widths[ws.name]
        cells = ((c, v.value if isinstance(v, Styled) else v) for c, v in enumerate(values))
        return engine.row_height(max([self.lines(v, widths[c]) for c, v in cells if not blank(v)], default=1))

    def rows(self, ws, first: int, rows: Iterable[Sequence], styles: Sequence[str | None],
             height: Callable[[Sequence], float]) -> int:
        """Rows of values (each column in its style of ``styles``) from row ``first`` down, each ``height(values)``
        high; returns the last row written (``first - 1`` when none). A row of plain values (:meth:`_plain_cells`) is
        written out at once (:func:`.xlsx.worksheet_class`'s ``write_plain_row``: a province's 84,000 people) once
        the next one comes; the last, which the sheet's next writes may still reach, cell by cell."""
        last, pending = first - 1, None
        for last, values in enumerate(rows, start=first):
            if pending is not None:
                self._row(ws, *pending, styles, at_once=True)
            pending = (last, values, height(values))
        if pending is not None:
            self._row(ws, *pending, styles, at_once=False)
        return last

    def _row(self, ws, row: int, values: Sequence, height: float, styles: Sequence[str | None], *,
             at_once: bool) -> None:
        self.row(ws, row, height)
        if at_once:
            cells = self._plain_cells(values, styles)
            write_at_once = getattr(ws, "write_plain_row", None)  # xlsxwriter's own: none
            if cells is not None and write_at_once is not None and write_at_once(row, cells):
                return
        for col, value in enumerate(values):
            self.put(ws, row, col, value, styles[col])

    def _plain_cells(self, values, styles) -> list[tuple[int, str | int | float | None, object]] | None:
        """``values`` as :meth:`put` writes them — (column, text, number or None for a blank, format) — or None when
        one is of another kind (put writes it its own way)."""
        cells: list[tuple[int, str | int | float | None, object]] = []
        for col, given in enumerate(values):
            value, style = (given.value, given.style) if isinstance(given, Styled) else (given, styles[col])
            plain: str | int | float | None
            if type(value) is str:
                if len(value) > EXCEL_MAX_CHARS // 2:
                    return None
                plain = value or None  # "": a blank
            elif type(value) is int or (type(value) is float and not math.isinf(value)):
                plain = None if math.isnan(value) else value
            elif value is None:
                plain = None
            else:
                return None
            cells.append((col, plain, self.f[style] if style else None))
        return cells

    def signatures(self, ws, row: int, blocks: list[engine.SignBlock], *, date: bool = True) -> int:
        """Blocks side by side (:func:`engine.sign_block`), written row by row across them (rows are
        written in order); the date line above the last one. Returns the next row."""
        cells, row = engine.signature_cells(row, blocks, (date_line(self.school), "date") if date else None)
        for r, c0, c1, text, style in sorted(cells, key=lambda cell: cell[0]):
            self.text(ws, r, c0, c1, text, style)
        return row

    def sign_pair(self, ws, row: int, last_col: int, left: tuple[str, ...], left_name: str,
                  right: tuple[str, ...], right_name: str, *, date: bool = True, seal: bool = True) -> int:
        """The usual pair: maker / secretary on the left, the one who signs for the school on the right."""
        return self.signatures(ws, row, _pair(last_col, left, left_name, right, right_name, seal), date=date)

    def sign_pair_rows(self, left: tuple[str, ...], right: tuple[str, ...], *, date: bool = True) -> int:
        """The rows :meth:`sign_pair` takes with these roles (left at their default height)."""
        return engine.signature_cells(0, _pair(1, left, "", right, ""), ("", "date") if date else None)[1]

    def paragraphs(self, ws, row: int, last_col: int, lines) -> int:
        """Document text, one merged row per (style, text); returns the next row."""
        for style, text in lines:
            self.text(ws, row, 0, last_col, text, style, fit=True)
            row += 1
        return row


def _pair(last_col: int, left: tuple[str, ...], left_name: str, right: tuple[str, ...], right_name: str,
          seal: bool = True) -> list[engine.SignBlock]:
    """The usual pair's blocks over columns 0..last_col (:meth:`Book.sign_pair`)."""
    (l0, l1), (r0, r1) = engine.halves(last_col)
    right_note = sx.SIGN_NOTE_SEAL if seal else sx.SIGN_NOTE
    return [engine.sign_block(l0, l1, left, sx.SIGN_NOTE, left_name),
            engine.sign_block(r0, r1, right, right_note, right_name)]
