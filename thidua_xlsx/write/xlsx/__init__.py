"""Every use of xlsxwriter's internals, in this one package: this module and :mod:`.skeletons`.

xlsxwriter's documented surface (``add_worksheet``, ``write_*``, ``merge_range``, ``data_validation``…) is used
everywhere; what it keeps to itself — its cell tuples, a worksheet's ``table``, ``row_info``, ``fh``, the workbook's
shared strings, its ``_write_*`` methods — is used here only, behind a few names:

- :func:`workbook_class` (and :func:`worksheet_class`): one short cell writer for every workbook — a text, number,
  blank or formula cell written as xlsxwriter writes it, the same characters, without escaping by a regular expression
  what never needs it (a cell reference, a style index): ~30 % of a summary's time (400,000 cells at 1,000
  departments) and of a department workbook's writing; and a row of plain values written out at once (the summary's
  long tables, in constant_memory mode);
- :func:`file_alike_workbook_class`: a book written to a path (the campaign books) made in memory, zipped as
  xlsxwriter zips it from its temporary files;
- :func:`remembering_workbook_class`: the department workbooks', which also remember the XML of the formulas, data
  validations, conditional formats and rows that every form of a rubric repeats;
- :class:`Watch` and :class:`Written`: rows written once a workbook and given again to its later sheets
  (:mod:`thidua_xlsx.write.department.repeat`);
- :func:`formula_written`, :class:`CellTexts`, :func:`landscape`: what a worksheet holds, read back before closing;
- :mod:`.skeletons`: a sheet's XML as xlsxwriter wrote it once, its workbook-dependent numbers made slots,
  placed in other workbooks with other texts; such a workbook zipped by :mod:`thidua_xlsx.write.zipped`.

The shortcuts (the classes, :class:`Written`) are used only with the versions they were compared on byte for byte
(:data:`CHECKED_VERSIONS`; tests/write/test_xlsx_shortcuts.py, tests/write/test_summary_speed.py,
tests/commands/test_generate_writing.py): with any other version xlsxwriter writes every cell its own way, the same
bytes, slower. What is only read back (:func:`formula_written`, :class:`CellTexts`, :func:`landscape`) has been the same
since xlsxwriter 1.x. tests/house/test_architecture.py checks that no module outside this package uses xlsxwriter's
private names.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, TextIO

import xlsxwriter
from xlsxwriter.utility import _preserve_whitespace, xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellBlankTuple as Blank
from xlsxwriter.worksheet import CellNumberTuple as Number
from xlsxwriter.worksheet import CellStringTuple as String
from xlsxwriter.worksheet import Worksheet

from thidua_xlsx.write.zipped import FILE_PART_ATTRIBUTES, FILE_PART_DATE, zip_bytes

# xlsxwriter's releases the shortcuts were compared on, each by name: a later patch release writes its own way until it
# is compared too (docs/dependencies.md: "The gate").
CHECKED_VERSIONS = ("3.3.0", "3.3.1")
_SHORT_CELLS = frozenset(("String", "Blank", "Number", "Formula"))  # xlsxwriter's cell tuples, by class name
_ERROR_CODES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))  # as xlsxwriter's
_INLINED_LIMIT = 50_000  # texts whose inline XML is kept (a province's names are not all kept)
_PLAIN_TEXT_LONGEST = 16_383  # characters of a text write_plain_row writes (half Excel's cell: never cut)
_INLINED_LONGEST = 1_000  # characters: a longer text (a chunk of a metadata sheet's JSON) is not kept, it never repeats
_REMEMBERED_LIMIT = 100_000  # formulas (and XML elements) remembered per process (a few MB); started over beyond
_PLAIN = frozenset((str, int, float, bool, type(None), list))  # xlsxwriter's options' values (lists: of ranges)


@cache
def shortcuts() -> bool:
    """Whether the installed xlsxwriter is one the shortcuts were compared on."""
    return xlsxwriter.__version__ in CHECKED_VERSIONS


@cache
def worksheet_class() -> type:
    """xlsxwriter's Worksheet writing its plain cells the short way (xlsxwriter's own one where
    :func:`shortcuts` is False)."""
    if not shortcuts():
        return Worksheet
    inlined: dict[str, str] = {}  # a text → its inline string's XML after the style (constant_memory)
    sizes: dict[tuple, list] = {}  # a row's (height, hidden) → the one list of them its written-out rows share

    class ShortCells(Worksheet):
        fh: TextIO  # xlsxwriter's: where the sheet's XML goes
        previous_row: int  # xlsxwriter's, in constant_memory mode: the row whose cells are not written out yet

        def _write_single_row(self, current_row_num=0):
            row = self.previous_row
            super()._write_single_row(current_row_num)
            self._forget_row(row)

        def _forget_row(self, row: int) -> None:
            """What xlsxwriter keeps of row ``row`` once it is written out in constant_memory mode, made small: its
            RowInfo dropped (only writing the row reads it), its size (which places an image or a chart at close)
            one list shared by every row of that height — a province's 150,000 rows kept ~18 MB after writing."""
            self.row_info.pop(row, None)
            size = self.row_sizes.get(row)
            if size is not None:
                self.row_sizes[row] = sizes.setdefault(tuple(size), size)

        def _write_cell(self, row, col, cell):
            kind = type(cell).__name__
            if kind not in _SHORT_CELLS:
                return super()._write_cell(row, col, cell)
            start = self._cell_start(row, col, cell.format)
            if kind == "Number":
                self.fh.write(f"{start}><v>{cell.number:.16G}</v></c>")
            elif kind == "Blank":
                self.fh.write(f"{start}/>")
            elif kind == "String" and not self.constant_memory:  # a shared string: its index
                self.fh.write(f'{start} t="s"><v>{cell.string}</v></c>')
            elif kind == "String":
                inline = self._inline(cell.string)
                if inline is None:  # xlsxwriter's rich text: its own way
                    return super()._write_cell(row, col, cell)
                self.fh.write(f"{start}{inline}")
            else:
                value, kind_of_value = cell.value, ""
                if isinstance(value, bool):
                    value, kind_of_value = int(value), ' t="b"'
                elif isinstance(value, str) and value:
                    kind_of_value = ' t="e"' if value in _ERROR_CODES else ' t="str"'
                self.fh.write(f'{start}{kind_of_value}><f>{self._escape_data(cell.formula)}</f>'
                              f'<v>{self._escape_data(value)}</v></c>')
            return None

        def write_plain_row(self, row: int, cells: list[tuple[int, str | int | float | None, Any]]) -> bool:
            """Row ``row`` written at once — ``cells``: (column, value, format) in column order, each value a text of
            at most 16,383 characters (never cut), a finite number, or None (a blank, written only with a format) —
            as writing each cell would: in constant_memory mode written out, the characters writing each cell then
            starting the next row writes, and the sheet then past it (a later write to it refused, as to any row
            written out); else each cell kept as xlsxwriter keeps it, to be written at close. False, nothing done, but
            on a row no cell was written to yet (in constant_memory mode, nor any after it), and for a text xlsxwriter
            writes as rich text (the caller writes it cell by cell)."""
            kept = [(col, value, fmt) for col, value, fmt in cells if value is not None or fmt is not None]
            if not self.constant_memory:
                return self._kept_row(row, kept)
            if row < self.previous_row or (row == self.previous_row and self.table.get(row)):
                return False  # a row written out, or one holding cells still to write
            inline = {value: self._inline(value) for _, value, _ in kept if type(value) is str}
            if None in inline.values():  # xlsxwriter's rich text
                return False
            if not kept:  # nothing a cell write would have stored
                return True
            if self._check_dimensions(row, kept[0][0]) or self._check_dimensions(row, kept[-1][0]):
                return False
            if row > self.previous_row:  # the row before, as the first write to this one would
                self._write_single_row(row)
            info, fh = self.row_info.get(row), self.fh
            self.fh = tag = io.StringIO()
            try:
                self._write_row(row, None, info)
            finally:
                self.fh = fh
            parts = [tag.getvalue()]
            for col, value, fmt in kept:
                start = self._cell_start(row, col, fmt)
                if type(value) is str:
                    parts.append(f"{start}{inline[value]}")
                elif value is None:
                    parts.append(f"{start}/>")
                else:
                    parts.append(f"{start}><v>{value:.16G}</v></c>")
            parts.append("</row>")
            fh.write("".join(parts))
            self.previous_row = row + 1  # this row is out: the next write flushes nothing of it
            self._forget_row(row)
            return True

        def _kept_row(self, row: int, kept: list[tuple[int, str | int | float | None, Any]]) -> bool:
            """:meth:`write_plain_row` out of constant_memory mode: each cell kept as ``write_string``,
            ``write_number``, ``write_blank`` keep it (a text among the shared strings, in the order written)."""
            table = self.table
            if table.get(row) or any(type(value) is str and len(value) > _PLAIN_TEXT_LONGEST for _, value, _ in kept):
                return False
            if not kept:
                return True
            if self._check_dimensions(row, kept[0][0]) or self._check_dimensions(row, kept[-1][0]):
                return False
            index, cells = self.str_table._get_shared_string_index, table[row]
            for col, value, fmt in kept:
                cells[col] = (String(index(value), fmt) if type(value) is str else Blank(fmt) if value is None
                              else Number(value, fmt))
            return True

        def _cell_start(self, row: int, col: int, fmt) -> str:
            """A cell's opening tag, as xlsxwriter writes it: its address and style — its own format, else its row's,
            else its column's."""
            if fmt is None:
                info = self.row_info.get(row)
                if info is not None and info.row_format:
                    fmt = info.row_format
                elif col in self.col_info:
                    fmt = self.col_info[col].column_format
            style = f' s="{fmt._get_xf_index()}"' if fmt is not None else ""
            return f'<c r="{xl_rowcol_to_cell_fast(row, col)}"{style}'

        def _inline(self, string: str) -> str | None:
            """An inline string's XML after the cell's style (control characters escaped as _xHHHH_, spaces at its
            ends kept), made once per text a process (departments, roles, remarks repeat on every row); None for
            what xlsxwriter writes as rich text."""
            found = inlined.get(string)
            if found is not None:
                return found
            text = self._escape_control_characters(string)
            if text.startswith("<r>") and text.endswith("</r>"):
                return None
            space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
            found = f' t="inlineStr"><is><t{space}>{self._escape_data(text)}</t></is></c>'
            if len(string) <= _INLINED_LONGEST:
                if len(inlined) >= _INLINED_LIMIT:
                    inlined.clear()
                inlined[string] = found
            return found

    return ShortCells


@cache
def workbook_class() -> type:
    """xlsxwriter's Workbook whose worksheets are :func:`worksheet_class`'s."""
    if not shortcuts():
        return xlsxwriter.Workbook

    class ShortCellsWorkbook(xlsxwriter.Workbook):
        worksheet_class = worksheet_class()

    return ShortCellsWorkbook


@cache
def file_alike_workbook_class() -> type:
    """xlsxwriter's Workbook for a book written to a path (a campaign book), its parts made in memory and zipped by
    :func:`thidua_xlsx.write.zipped.zip_bytes` as its own ``close`` zips them from a temporary file each (dated and
    marked as those files: ``FILE_PART_DATE``, ``FILE_PART_ATTRIBUTES``): the same bytes, without a temporary file
    made, written, dated and removed for every part. xlsxwriter's own where :func:`shortcuts` is False."""
    if not shortcuts():
        return xlsxwriter.Workbook

    class FileAlikeWorkbook(xlsxwriter.Workbook):
        def __init__(self, filename: str, options: dict | None = None):
            super().__init__(io.BytesIO(), {**(options or {}), "in_memory": True})
            self.target = filename

        def close(self):
            with open(self.target, "wb") as fh:
                fh.write(zip_bytes(workbook_parts(self), FILE_PART_DATE, FILE_PART_ATTRIBUTES))

    return FileAlikeWorkbook


@cache
def remembering_workbook_class() -> type:
    """xlsxwriter's Workbook for many sheets alike (the department workbooks): its worksheets remember how each
    formula was prepared and the XML of their data validations, conditional formats and rows, and write their plain
    cells the short way (:func:`worksheet_class`); xlsxwriter's own Workbook where :func:`shortcuts` is False.

    xlsxwriter runs ~200 regular expressions over every formula, conditional format and data validation it writes
    (to add Excel's "_xlfn." prefixes; our formulas never need one), and that was a third of the time of
    ``generate``. The preparation is a pure function of the formula text and two flags, and most formulas repeat —
    every form of a rubric has the same ones, in every department — so the result is remembered: the bytes written
    are the same. So are the XML of the data validations, conditional formats and rows."""
    if not shortcuts():
        return xlsxwriter.Workbook
    prepared: dict[tuple[str, bool], str] = {}
    elements: dict[tuple, str] = {}
    rows_written: dict[tuple, str] = {}

    short_cells: Any = worksheet_class()  # a class made at run time

    class RememberingWorksheet(short_cells):
        fh: TextIO  # xlsxwriter's: where the sheet's XML goes

        def _prepare_formula(self, formula, expand_future_functions=False):
            key = (formula, bool(self.use_future_functions or expand_future_functions))
            found = prepared.get(key)
            if found is None:
                if len(prepared) >= _REMEMBERED_LIMIT:
                    prepared.clear()
                found = prepared[key] = super()._prepare_formula(formula, expand_future_functions)
            return found

        def _write_data_validation(self, options):
            self._write_remembered(super()._write_data_validation, options)

        def _write_cf_rule(self, params):
            if params.get("type") in ("cellIs", "expression"):  # ours; a data bar also writes elsewhere
                self._write_remembered(super()._write_cf_rule, params)
            else:
                super()._write_cf_rule(params)

        def _write_remembered(self, write, options):
            # A data validation's or a conditional format's XML is a function of its options (and of how
            # formulas are prepared), and the same ones come on every form: written once, then remembered by
            # the options' repr — of plain data only (text, numbers, lists of them), which it tells apart.
            if not all(type(value) in _PLAIN for value in options.values()):
                write(options)
                return
            key = (write.__name__, self.use_future_functions, repr(options))
            found = elements.get(key)
            if found is None:
                kept = self.fh
                self.fh = io.StringIO()
                try:
                    write(options)
                    found = self.fh.getvalue()
                finally:
                    self.fh = kept
                if len(elements) >= _REMEMBERED_LIMIT:
                    elements.clear()
                elements[key] = found
            self.fh.write(found)

        def _calculate_spans(self):
            # xlsxwriter's spans (each 16 rows' first and last used column) from the rows' own columns, not
            # by trying every column of every row; comments take xlsxwriter's own way
            if self.comments:
                return super()._calculate_spans()
            spans: dict[int, list[int]] = {}
            for row_num, cells in self.table.items():
                if cells:
                    low, high = min(cells), max(cells)
                    span = spans.get(row_num // 16)
                    if span is None:
                        spans[row_num // 16] = [low, high]
                    else:
                        span[0], span[1] = min(span[0], low), max(span[1], high)
            self.row_spans = {block: f"{low + 1}:{high + 1}" for block, (low, high) in sorted(spans.items())}
            return None

        rows_remembered = True  # False: a workbook whose rows do not repeat (its forms placed from skeletons)

        def _write_rows(self):
            # xlsxwriter's rows, each row whose cells all have a format written once a workbook and remembered
            # (its XML is a function of its number, its 16 rows' span, its height and style and its cells:
            # the rows given again to each form, :class:`Written`, are the same rows).
            if self.comments or self.constant_memory:
                return super()._write_rows()
            self._calculate_spans()
            table, row_info, spans = self.table, self.row_info, self.row_spans
            sheet = (self.default_row_height, self.original_row_height, self.excel_version)
            for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
                cells, info = table[row_num], row_info.get(row_num)
                span = spans.get(row_num // 16)
                if not cells:
                    if info is not None:
                        self._write_empty_row(row_num, span, info)
                    continue
                if not self.rows_remembered:
                    self._write_row(row_num, span, info)
                    for col_num in sorted(cells):
                        self._write_cell(row_num, col_num, cells[col_num])
                    self._xml_end_tag("row")
                    continue
                key = (row_num, span, id(info), sheet, tuple(cells.items()))
                found = rows_written.get(key) if all(cell.format for cell in cells.values()) else None
                if found is None:
                    kept = self.fh
                    self.fh = io.StringIO()
                    try:
                        self._write_row(row_num, span, info)
                        for col_num in range(self.dim_colmin, self.dim_colmax + 1):
                            if col_num in cells:
                                self._write_cell(row_num, col_num, cells[col_num])
                        self._xml_end_tag("row")
                        found = self.fh.getvalue()
                    finally:
                        self.fh = kept
                    if all(cell.format for cell in cells.values()):
                        rows_written[key] = found
                self.fh.write(found)
            return None

    class RememberingWorkbook(xlsxwriter.Workbook):
        worksheet_class = RememberingWorksheet

        def __init__(self, *args, **kwargs):
            rows_written.clear()  # its rows hold the formats of the workbook before: never this one's
            super().__init__(*args, **kwargs)

    return RememberingWorkbook


def packaged_parts(wb) -> list[tuple[str, bytes]]:
    """The parts of the in-memory workbook ``wb`` (name, bytes), in the order xlsxwriter 3.3's ``close`` zips them
    (its ``_store_workbook`` up to the zip): for a zip made otherwise than by :class:`zipfile.ZipFile`
    (:func:`thidua_xlsx.write.zipped.zip_bytes`). Nothing is written to ``wb`` after."""
    packager = wb._get_packager()
    if not wb.worksheets():
        wb.add_worksheet()
    if wb.worksheet_meta.activesheet == 0:
        wb.worksheets_objs[0].selected = 1
        wb.worksheets_objs[0].hidden = 0
    for sheet in wb.worksheets():
        if sheet.index == wb.worksheet_meta.activesheet:
            sheet.active = 1
    for prepare in (wb._prepare_sst_string_data, wb._prepare_vml, wb._prepare_defined_names, wb._prepare_drawings,
                    wb._add_chart_data, wb._prepare_tables, wb._prepare_metadata):
        prepare()
    packager._add_workbook(wb)
    packager._set_tmpdir(wb.tmpdir)
    packager._set_in_memory(wb.in_memory)
    return [(name, data.getvalue() if binary else data.getvalue().encode("utf-8"))
            for data, name, binary in packager._create_package()]


def workbook_parts(wb) -> list[tuple[str, bytes]]:
    """The parts of ``wb`` — an xlsxwriter workbook made with ``in_memory`` to a BytesIO, with no macros — in the
    order its ``close`` zips them, and ``wb`` closed: taken from xlsxwriter's packager by :func:`packaged_parts`
    where :func:`shortcuts` holds, else read back from the zip its own ``close`` made."""
    if shortcuts() and not wb.vba_project:
        parts = packaged_parts(wb)
        wb.fileclosed = True
        return parts

    wb.close()
    with zipfile.ZipFile(wb.filename) as made:
        return [(info.filename, made.read(info)) for info in made.infolist()]


# --- rows written once a workbook, given again to its later sheets --------------------------------------


@dataclass(frozen=True)
class Written:
    """What writing rows ``start``…``end`` (excluded) did to a sheet that had ``priority`` as its next
    conditional format's priority and ``formatted`` as its conditional formats' ranges: its cells, merged ranges,
    row heights, data validations, conditional formats and the count of shared strings (:meth:`Watch.written`).
    Given to another sheet whose state is the same where it matters (:meth:`fits`), xlsxwriter then writes the same
    bytes as had that sheet been written cell by cell (tests/commands/test_generate_writing.py)."""

    start: int
    end: int
    priority: int
    formatted: tuple[str, ...]
    cells: dict[int, dict]  # row → column → xlsxwriter's cell
    rows: dict[int, tuple[object, list]]  # row → (its RowInfo, its row_sizes entry)
    merges: tuple[tuple[list, ...], tuple[tuple[tuple[int, int], str], ...]]  # ranges; each cell's range
    validations: tuple[dict, ...]
    conditional: tuple[tuple[str, tuple[dict, ...]], ...]  # (range, its formats added), in their order
    strings: int  # shared strings written (each counted, as Excel counts them)
    corners: tuple[tuple[int, int], tuple[int, int]]  # the first and last (row, column) written

    def fits(self, ws) -> bool:
        """Whether ``ws`` is where these rows can be given as they were written: the same conditional formats
        before them (their priorities are numbered per sheet), nothing yet in their rows."""
        return (ws.dxf_priority == self.priority and tuple(ws.cond_formats) == self.formatted
                and not any(ws.table.get(r) or r in ws.row_info for r in range(self.start, self.end))
                and not any(cell in ws.merged_cells for cell, _ in self.merges[1]))

    def give(self, wb, ws) -> None:
        """Put the rows in ``ws`` as writing them did (cells are xlsxwriter's immutable tuples: shared)."""
        for r, cells in self.cells.items():
            ws.table[r].update(cells)
        for r, (info, size) in self.rows.items():
            ws.row_info[r], ws.row_sizes[r] = info, list(size)
        ranges, merged = self.merges
        ws.merge.extend(list(cell_range) for cell_range in ranges)
        ws.merged_cells.update(merged)
        ws.validations.extend(dict(v) for v in self.validations)
        for cell_range, formats in self.conditional:
            ws.cond_formats.setdefault(cell_range, []).extend(dict(f) for f in formats)
        ws.dxf_priority += sum(len(formats) for _, formats in self.conditional)
        wb.str_table.count += self.strings
        for row, col in self.corners:
            ws._check_dimensions(row, col)


class Watch:
    """A sheet's state before rows from ``start`` are written; :meth:`written` then tells what writing them did."""

    def __init__(self, wb, ws, start: int):
        self.wb, self.ws, self.start = wb, ws, start
        self.priority, self.strings, self.validations = ws.dxf_priority, wb.str_table.count, len(ws.validations)
        self.formats = {cell_range: len(formats) for cell_range, formats in ws.cond_formats.items()}
        self.merges, self.merged = len(ws.merge), len(ws.merged_cells)
        self.cells, self.rows = sum(map(len, ws.table.values())), len(ws.row_info)

    def written(self, end: int) -> Written | None:
        """What was written in rows ``start``…``end``; None when it wrote outside them or added to the
        conditional formats of ranges before them (then it is not given again)."""
        ws = self.ws
        cells = {r: dict(row) for r in range(self.start, end) if (row := ws.table.get(r))}
        rows = {r: (ws.row_info[r], ws.row_sizes[r]) for r in range(self.start, end) if r in ws.row_info}
        conditional = tuple((cell_range, tuple(dict(f) for f in formats[self.formats.get(cell_range, 0):]))
                            for cell_range, formats in ws.cond_formats.items()
                            if len(formats) > self.formats.get(cell_range, 0))
        ranges = tuple(list(cell_range) for cell_range in ws.merge[self.merges:])
        merged = tuple(list(ws.merged_cells.items())[self.merged:])
        inside = all(self.start <= r < end for cell_range in ranges for r in (cell_range[0], cell_range[2])) \
            and sum(map(len, cells.values())) == sum(map(len, ws.table.values())) - self.cells \
            and len(rows) == len(ws.row_info) - self.rows
        if any(cell_range in self.formats for cell_range, _ in conditional) or not cells or not inside:
            return None
        touched = sorted({*cells, *rows})
        columns = sorted({col for row in cells.values() for col in row})
        return Written(self.start, end, self.priority, tuple(self.formats), cells, rows, (ranges, merged),
                       tuple(dict(v) for v in ws.validations[self.validations:]), conditional,
                       self.wb.str_table.count - self.strings,
                       ((touched[0], columns[0]), (touched[-1], columns[-1])))


# --- what a worksheet holds, read back before the workbook is closed --------------------------------------


def formula_written(ws, row: int, col: int) -> str | None:
    """The formula at (``row``, ``col``) of ``ws`` as xlsxwriter prepared it — what the file holds: no leading "=",
    any "_xlfn." prefix added; None when xlsxwriter made it another kind of cell (an array formula)."""
    cell = ws.table[row][col]
    return cell.formula if type(cell).__name__ == "Formula" else None


class CellTexts:
    """The texts the cells of ``wb`` (not written in constant_memory: its rows are gone) show as written: a text
    cell's (xlsxwriter keeps it as an index into the workbook's shared strings) and a formula's result when it is
    text (what a reader of the cached values gets)."""

    def __init__(self, wb):
        self.strings = {index: text for text, index in wb.str_table.string_table.items()}

    def of(self, ws) -> Iterator[str]:
        """Each text shown in ``ws``, row by row, once per cell showing it."""
        placed = getattr(ws, "placed_texts", None)
        if placed is not None:  # a sheet made from a skeleton (skeletons.placed_texts): its texts, its values placed
            texts, at, values = placed
            shown = list(texts)
            for k, value in zip(at, values):
                shown[k] = value
            yield from shown
            return
        strings = self.strings
        for cells in ws.table.values():
            for cell in cells.values():
                kind = type(cell).__name__
                if kind == "String":
                    yield strings[cell.string]
                elif kind == "Formula" and isinstance(cell.value, str):
                    yield cell.value


def landscape(ws) -> bool:
    """Whether ``ws`` is set to print landscape (``set_landscape``; xlsxwriter has no getter: its ``orientation``
    is 0 then, 1 for portrait)."""
    return ws.orientation == 0
