"""What a cell's value does not say, read from the file itself (:attr:`Cell.mark <thidua_xlsx.model.inbox.Cell>`).

python-calamine gives an error value (#DIV/0!, #N/A…) and a formula saved without its result both as an
empty cell, and a number formatted as a percent as the number itself (4 typed in a percent cell is 0.04).
A score cell holding one of these must be reported as what it is, never read as blank (0) or as 0.04.

* .xlsx/.xlsm: the sheets' XML (the parts the containment step has already inflated) and the style sheet;
  a sheet is searched cell by cell only when a plain search of its bytes finds one of these at all.
* .ods: content.xml, only when it holds an error or a percentage at all (LibreOffice marks an error cell
  ``calcext:value-type="error"`` and writes its text; every formula has its result).
* .xls: not looked at.
"""

from __future__ import annotations

import io
import re
import zipfile
from html import unescape

from thidua_xlsx.model.inbox import FORMULA_MARK, PERCENT_MARK
from thidua_xlsx.read.department.cells import Sheet

Marks = dict[str, dict[tuple[int, int], str]]  # sheet name → (row, col) → mark, 0-based

BUILTIN_PERCENT_FORMATS = {9, 10}  # "0%", "0.00%"
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_STYLE = re.compile(rb'\bs="(\d+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
# a formula with no result after it: "</f></c>", "<f …/><v/></c>", "</f><v></v></c>" (then told apart from
# an empty text result, t="str", cell by cell)
_BARE_FORMULA = re.compile(rb"(?:</f>|<f\b[^>]*/>)(?:<v\s*/>|<v></v>)?</c>")
_NUM_FMT = re.compile(rb'<numFmt\b[^>]*?\bnumFmtId="(\d+)"[^>]*?\bformatCode="([^"]*)"')
_XF = re.compile(rb"<xf\b([^>]*)>")
_NUM_FMT_ID = re.compile(rb'\bnumFmtId="(\d+)"')


def attach_marks(sheets: dict[str, Sheet], data: bytes, suffix: str, parts: dict[str, bytes]) -> None:
    """Each sheet's marks, in :attr:`Sheet.marks` (``parts``: the inflated sheet parts, by part name)."""
    try:
        found = _xlsx_marks(data, parts) if suffix in (".xlsx", ".xlsm") else \
            _ods_marks(data) if suffix == ".ods" else {}
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return  # calamine read the file: what cannot be looked at here is left as calamine gave it
    for name, marks in found.items():
        if name in sheets:
            sheets[name].marks = marks


def _xlsx_marks(data: bytes, parts: dict[str, bytes]) -> Marks:
    from thidua_xlsx.read.containment import sheet_names

    percent = _percent_styles(data)
    candidates = {}
    for part, xml in parts.items():
        if b't="e"' in xml or _BARE_FORMULA.search(xml) or \
                (percent and any(b's="%d"' % style in xml for style in percent)):
            candidates[part.rsplit("/", 1)[-1]] = xml
    if not candidates:
        return {}
    names = sheet_names(data)
    return {names.get(part, part): marks for part, xml in candidates.items() if (marks := _sheet_marks(xml, percent))}


def _sheet_marks(xml: bytes, percent: set[int]) -> dict[tuple[int, int], str]:
    marks = {}
    for match in _CELL.finditer(xml):
        attributes, body = match.group(1), match.group(2) or b""
        kind = _TYPE.search(attributes)
        kind = kind.group(1) if kind else b"n"
        value = _VALUE.search(body)
        if kind == b"e":
            mark = unescape(value.group(1).decode("utf-8", "replace")) if value else "#?"
        elif b"<f" in body and not (value and value.group(1)) and kind not in (b"str", b"inlineStr"):
            mark = FORMULA_MARK
        elif percent and kind == b"n" and value and value.group(1) and \
                (style := _STYLE.search(attributes)) and int(style.group(1)) in percent:
            mark = PERCENT_MARK
        else:
            continue
        ref = _REF.search(attributes)
        if ref:
            marks[(int(ref.group(2)) - 1, _column(ref.group(1)))] = mark
    return marks


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number - 1


def _percent_styles(data: bytes) -> set[int]:
    """The cell formats (indexes into cellXfs) that show a number as a percent."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        if "xl/styles.xml" not in zf.namelist() or zf.getinfo("xl/styles.xml").file_size > 4 * 1024 * 1024:
            return set()
        styles = zf.read("xl/styles.xml")
    percent_formats = set(BUILTIN_PERCENT_FORMATS)
    for number, code in _NUM_FMT.findall(styles):
        if "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", unescape(code.decode("utf-8", "replace"))):
            percent_formats.add(int(number))
    start, end = styles.find(b"<cellXfs"), styles.find(b"</cellXfs>")
    if start < 0 or end < 0:
        return set()
    found = set()
    for index, xf in enumerate(_XF.findall(styles, start, end)):
        number = _NUM_FMT_ID.search(xf)
        if number and int(number.group(1)) in percent_formats:
            found.add(index)
    return found


_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
_TABLE, _OFFICE, _TEXT = _ODS + "table:1.0", _ODS + "office:1.0", _ODS + "text:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def _ods_marks(data: bytes) -> Marks:
    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        content = zf.read("content.xml")  # bounded by the containment step
    if b'value-type="error"' not in content and b'value-type="percentage"' not in content:
        return {}
    cells = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    found: Marks = {}
    sheet, row, col = None, 0, 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        if event == "start" and element.tag == f"{{{_TABLE}}}table":
            sheet, row = found.setdefault(element.get(f"{{{_TABLE}}}name", ""), {}), 0
        elif event == "start" and element.tag == f"{{{_TABLE}}}table-row":
            col = 0
        elif event == "end" and element.tag in cells:
            repeat = int(element.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
            mark = ""
            if element.get(f"{{{_CALCEXT}}}value-type") == "error":
                mark = "".join(element.itertext()).strip() or "#?"
            elif element.get(f"{{{_OFFICE}}}value-type") == "percentage":
                mark = PERCENT_MARK
            if mark and sheet is not None:
                sheet.update({(row, col + k): mark for k in range(min(repeat, 64))})
            col += repeat
            element.clear()
        elif event == "end" and element.tag == f"{{{_TABLE}}}table-row":
            row += int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
            element.clear()
    return {name: marks for name, marks in found.items() if marks}
