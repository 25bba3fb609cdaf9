"""What a cell's value does not say, read from the file itself (:attr:`Cell.mark <thidua_xlsx.model.inbox.Cell>`).

python-calamine gives an error value (#DIV/0!, #N/A…) and a formula saved without its result both as an
empty cell, a number formatted as a percent as the number itself (4 typed in a percent cell is 0.04), and a formula
typed into an input cell as the result the file saved (which Excel computes again on opening, and a crafted file can
save otherwise). An input cell holding one of these must be reported as what it is, never read as blank (0), as 0.04
or as the saved result.

Only the input cells the reader found are looked at, and only those that may hide one: an empty one
(an error, a formula without its result), one with a value whose sheet holds a formula, and, when the style sheet
has a percent format at all, a number. When one is found (rare), the workbook is read again with its marks, as with
the fonts of legacy text.

* .xlsx/.xlsm: each such cell's element in its sheet's XML (the parts the containment step has already
  inflated), found by its address; the style sheet for the percent formats.
* .ods: content.xml, only when it holds an error or a percentage at all (LibreOffice marks an error cell
  ``calcext:value-type="error"`` and writes its text; every formula has its result).
* .xls: not looked at.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from html import unescape

from thidua_xlsx.model.inbox import FORMULA_MARK, PERCENT_MARK, TYPED_FORMULA_MARK, Cell
from thidua_xlsx.read.containment import sheet_parts
from thidua_xlsx.read.department import ods, styles
from thidua_xlsx.read.department.cells import Formulas
from thidua_xlsx.read.department.extraction import Found
from thidua_xlsx.read.department.formulas import XmlFormulas
from thidua_xlsx.read.inflating import DAMAGED_ZIP

Marks = dict[str, dict[tuple[int, int], str]]  # sheet name → (row, col) → mark, 0-based

_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_REF = re.compile(rb'\br="([A-Z]{1,3}\d{1,7})"')
_ERROR_TYPE = b't="e"'
# the end of a cell with a formula and no result after it ("</f></c>", "<f …/><v/></c>", "</f><v></v></c>"),
# found by plain searches; its cell is then read (an empty text result, t="str", is a result)
_BARE_ENDS = (b"</f></c>", b"</f><v></v></c>", b"</f><v/></c>", b"/></c>", b"/><v></v></c>")
_VALUE = re.compile(rb"<v>([^<]*)</v>")


def input_cells(found: Found) -> list[Cell]:
    """Every input cell the reader found (what the department types)."""
    cells: list[Cell | None] = [found.collective]
    for row in found.registrations:
        cells += [row.title, row.form, row.initiative, row.note, row.name, row.position]
    for form in found.forms:
        cells += [c for _, c in form.facts] + [c for item in form.items for c in (item.self, item.dept, item.note)]
        cells += [form.name, form.position]
    return [c for c in cells if c is not None]


def input_marks(found: Found, data: bytes, suffix: str, parts: dict[str, bytes],
                formulas: Mapping[str, Formulas | None] | None = None) -> Marks:
    """The marks of the input cells of ``found`` that have one (``parts``: the inflated sheet parts; ``formulas``:
    the sheets' formulas by name, as read for the locked cells, when they were)."""
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_marks(input_cells(found), data, parts, formulas or {})
        return _ods_marks(data) if suffix == ".ods" else {}
    except (KeyError, *DAMAGED_ZIP):
        return {}  # calamine read the file: what cannot be looked at here is left as calamine gave it


def _xlsx_marks(cells: list[Cell], data: bytes, parts: dict[str, bytes],
                formulas: Mapping[str, Formulas | None]) -> Marks:
    blank: dict[str, list[Cell]] = {}  # sheet → its blank input cells
    for cell in cells:
        if cell.value == "":
            blank.setdefault(cell.sheet, []).append(cell)
    numbers = [c for c in cells if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
    styled = styles.style_sheet(data, parts) if numbers else None
    percent = styles.percent_formats(styled) if styled is not None else frozenset()
    xml_of = sheet_parts(data, parts)
    found: Marks = {}
    _mark_typed_formulas(found, [c for c in cells if c.value != ""], xml_of, formulas)
    if not blank and not percent:
        return found
    _mark_blank(found, blank, xml_of, formulas)
    for cell in numbers if percent else ():
        xml = xml_of.get(cell.sheet)
        if xml is not None and _is_percent(xml, cell, percent):
            found.setdefault(cell.sheet, {})[(cell.row, cell.col)] = PERCENT_MARK
    return found


def _mark_typed_formulas(found: Marks, filled: list[Cell], xml_of: Mapping[str, bytes],
                         formulas: Mapping[str, Formulas | None]) -> None:
    """Into ``found``: the input cells read with a value that hold a formula (its result saved, which Excel computes
    again on opening: see model.inbox.TYPED_FORMULA_MARK) — the sheets' formulas as read for the locked cells, else
    read here."""
    by_sheet: dict[str, list[Cell]] = {}
    for cell in filled:
        by_sheet.setdefault(cell.sheet, []).append(cell)
    for sheet, cells in by_sheet.items():
        xml = xml_of.get(sheet)
        if xml is None or b"<f" not in xml:
            continue
        known = formulas.get(sheet)
        held = (known if isinstance(known, XmlFormulas) and known.xml is xml else XmlFormulas(xml)).cells()[0]
        for cell in cells:
            if (cell.row, cell.col) in held:
                found.setdefault(sheet, {})[(cell.row, cell.col)] = TYPED_FORMULA_MARK


def _mark_blank(found: Marks, blank: dict[str, list[Cell]], xml_of: Mapping[str, bytes],
                formulas: Mapping[str, Formulas | None]) -> None:
    """Into ``found``: the marks of the input cells read blank (sheet → its blank cells) that hold an error value or
    a formula saved without its result."""
    for sheet, empty in blank.items():
        xml = xml_of.get(sheet)
        if xml is not None and not _none_marked(xml, formulas.get(sheet), empty):
            unknown = _unknown_cells(xml, {cell.cell for cell in empty})
            for cell in empty if unknown else ():
                mark = unknown.get(cell.cell)
                if mark:
                    found.setdefault(cell.sheet, {})[(cell.row, cell.col)] = mark


def _none_marked(xml: bytes, formulas: Formulas | None, cells: list[Cell]) -> bool:
    """Whether none of ``cells`` can hold an error value or a formula without its result, told without searching
    the sheet's XML for them (:func:`_unknown_cells`) from its formulas, already read for the locked cells
    (:class:`~.formulas.XmlFormulas`): the sheet has no error value (no 't="e"'), none of ``cells`` holds a formula,
    and no "<f" that was not read as a formula is inside a cell's element. (A cell that search marks has an "<f"
    in its element, and the "<c " before that "<f" is the cell's own: read as a formula, it was given to the
    cell's address; not read as one, it is inside a cell's element.)"""
    if not isinstance(formulas, XmlFormulas) or formulas.xml is not xml or _ERROR_TYPE in xml:
        return False
    held, unread = formulas.cells()
    return not any((cell.row, cell.col) in held for cell in cells) and not _in_a_cell(xml, unread)


def _in_a_cell(xml: bytes, places: list[int]) -> bool:
    """Whether one of ``places`` is inside the element of the cell whose "<c " comes last before it, as
    :data:`_CELL` reads it (a sheet's data validations and conditional formats, after its cells, have the last cell
    for theirs: read once)."""
    last = xml.rfind(b"<c ")
    last_cell = _CELL.match(xml, last) if last != -1 else None
    for at in places:
        start = last if at > last else xml.rfind(b"<c ", 0, at)  # an "<f" after the last "<c " is past its end
        cell = last_cell if start == last else _CELL.match(xml, start) if start != -1 else None
        if cell is not None and cell.group(2) is not None and cell.start(2) <= at < cell.end(2):
            return True
    return False


def _unknown_cells(xml: bytes, wanted: Collection[str]) -> dict[str, str]:
    """Address → mark of the cells at the addresses ``wanted`` of one sheet's XML that hold an error value or a
    formula saved without its result: found from plain searches (few cells ever have one), then each cell's
    element read — only when its address is wanted (the locked subtotals xlsxwriter writes without a result, a
    dozen a form, are passed over by their address)."""
    starts = set()
    for end in _ERROR_TYPE, *_BARE_ENDS:
        at = xml.find(end)
        while at != -1:
            starts.add(xml.rfind(b"<c ", 0, at + 1))
            at = xml.find(end, at + len(end))
    found = {}
    for start in starts - {-1}:
        tag_end = xml.find(b">", start)  # the address as the cell's start tag gives it, as _CELL reads it below
        address = _REF.search(xml, start, tag_end) if tag_end != -1 else None
        if address is None or address.group(1).decode() not in wanted:
            continue
        cell = _CELL.match(xml, start)
        ref = _REF.search(cell.group(1)) if cell else None
        if cell is None or ref is None:
            continue
        typed = _TYPE.search(cell.group(1))
        kind = typed.group(1) if typed else b"n"
        body = cell.group(2) or b""
        value = _VALUE.search(body)
        if kind == b"e":
            found[ref.group(1).decode()] = unescape(value.group(1).decode("utf-8", "replace")) if value else "#?"
        elif b"<f" in body and not (value and value.group(1)) and kind not in (b"str", b"inlineStr"):
            found[ref.group(1).decode()] = FORMULA_MARK
    return found


def _is_percent(xml: bytes, cell: Cell, percent: frozenset[int]) -> bool:
    attributes = styles.cell_start(xml, cell.cell)
    return attributes is not None and styles.is_number(attributes) and styles.cell_format(attributes) in percent


def _ods_marks(data: bytes) -> Marks:
    content = ods.content_of(data)
    if b'value-type="error"' not in content and b'value-type="percentage"' not in content:
        return {}

    def mark(element) -> str | None:
        if element.get(f"{{{ods.CALCEXT}}}value-type") == "error":
            return "".join(element.itertext()).strip() or "#?"
        return PERCENT_MARK if element.get(f"{{{ods.OFFICE}}}value-type") == "percentage" else None

    return {name: marks for name, marks in ods.cells_where(content, mark).items() if marks}
