"""What a person sees of a sheet besides the values cached in it (which calamine reads): the cells that hold a formula
(Excel shows what it computes when it opens the file, not the value cached), the cells shown through a number format
that can say something else than their value (literal text, a hidden section, a colour, a condition, a scale), and
the rows and columns hidden — each only where there is something to see (a cell with content).

Read from the sheet's XML and the style sheet, which containment inflated under its bounds (read.containment,
:class:`~thidua_xlsx.read.inflating.Unzipped`); a sheet part bigger than containment keeps is inflated here, at most to
its declared size (within the bounds containment checked). A small reader of these few things rather than openpyxl,
which builds the whole workbook: ~145 ms a school's final summary against ~1 ms (benchmarks/RESULTS.md)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from thidua_xlsx.read.containment import sheet_names
from thidua_xlsx.read.inflating import Unzipped, inflated_part
from thidua_xlsx.read.package_parts import STYLES_PART

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _COL, _FORMULA = _MAIN + "row", _MAIN + "c", _MAIN + "col", _MAIN + "f"
_VALUE, _INLINE = _MAIN + "v", _MAIN + "is"

Cell = tuple[int, int]  # (row, column), from 0


@dataclass(frozen=True)
class SheetView:
    """What a sheet shows besides its cached values (see the module): ``formulas`` and ``formats`` by cell (the
    formula's text, the format's code), the rows and columns hidden (from 0) that hold content, the cells with content
    a conditional format applies to (it can change what shows: a number format, the text's colour)."""

    formulas: dict[Cell, str]
    formats: dict[Cell, str]
    hidden_rows: frozenset[int]
    hidden_columns: frozenset[int]
    conditional: frozenset[Cell] = frozenset()


NO_VIEW = SheetView({}, {}, frozenset(), frozenset())  # a sheet whose XML could not be read: nothing more is said


def sheet_views(data: bytes, unzipped: Unzipped, names: Iterable[str]) -> dict[str, SheetView]:
    """The view of each sheet of ``names`` the workbook (``data``, as containment saw it: ``unzipped``) has."""
    parts = unzipped.parts
    by_name = {name: f"xl/worksheets/{part}" for part, name in sheet_names(data, parts).items()}
    odd = _odd_styles(parts.get(STYLES_PART, b""))
    found = {}
    for name in names:
        part = by_name.get(name)
        xml = parts.get(part) if part else None
        if part is not None and xml is None:
            xml = inflated_part(data, part)
        if xml is not None:
            found[name] = _view(xml, odd)
    return found


# What a sheet the tool wrote never has: a formula (its element, with or without a prefix), a row or a column hidden
# or too small to read (its own size, or the sheet's default for those without one). A sheet with none of these and no
# cell in a style of ``odd`` shows its values as they are: told from its bytes alone, ~50x quicker than parsing it
# (the parse reads the sheet exactly).
MIN_ROW_HEIGHT = 4.0  # points: in a lower row a line of text cannot be read (Excel draws 0.1 as nothing at all)
MIN_COLUMN_WIDTH = 1.0  # characters: the same for a narrower column
_SIGNS = (b"<f", b":f", b"hidden", b":row", b":col", b"onditionalFormatting")  # (prefixed row, column: parsed)
_HEIGHT, _WIDTH = rb"0*(?:[4-9]|[1-9]\d+)(?:\.\d*)?", rb"0*[1-9]\d*(?:\.\d*)?"  # sizes plainly big enough
_SMALL = (re.compile(rb"""\b(?:ht|defaultRowHeight)\s*=\s*(["'])(?!%s\1)""" % _HEIGHT),  # anything else: parsed
          re.compile(rb"""\b(?:width|defaultColWidth|baseColWidth)\s*=\s*(["'])(?!%s\1)""" % _WIDTH))
assert (MIN_ROW_HEIGHT, MIN_COLUMN_WIDTH) == (4.0, 1.0), "the patterns spell these out"


def _as_written(xml: bytes, odd: dict[int, str]) -> bool:
    """Whether the sheet ``xml`` has none of what the tool never writes (see above)."""
    if any(sign in xml for sign in _SIGNS) or (odd and _any_styled(tuple(odd)).search(xml)):
        return False
    return not any(small.search(xml) for small in _SMALL) and not _OTHER_STYLE.search(xml)


_OTHER_STYLE = re.compile(rb"""\ss\s*=\s*(["'])(?!(?:0|[1-9][0-9]*)\1)""")  # a style not spelled as written


@functools.lru_cache(maxsize=64)
def _any_styled(odd: tuple[int, ...]) -> re.Pattern:
    return re.compile(rb"""\bs\s*=\s*["'](?:%s)["']""" % b"|".join(str(k).encode() for k in odd))


def _view(xml: bytes, odd: dict[int, str]) -> SheetView:
    if _as_written(xml, odd):
        return NO_VIEW
    from defusedxml.ElementTree import ParseError, fromstring  # deferred: defusedxml at start-up

    try:
        root = fromstring(xml)
    except (ValueError, ParseError):
        return NO_VIEW
    formulas: dict[Cell, str] = {}
    formats: dict[Cell, str] = {}
    hidden_rows: set[int] = set()
    filled_rows: set[int] = set()
    filled_columns: set[int] = set()
    filled: set[Cell] = set()
    default = root.find(_MAIN + "sheetFormatPr")
    default = {} if default is None else default.attrib
    # (a sheet's zeroHeight hides only the rows it does not list: Excel shows a listed row, XlsxWriter's default_row02)
    rows_unseen = _small(default.get("defaultRowHeight"), MIN_ROW_HEIGHT)
    row_at = -1
    for row in root.iter(_ROW):
        row_at = _index(row.get("r"), row_at + 1, 1)
        height = row.get("ht")
        if _hidden(row.get("hidden")) or (rows_unseen if height is None else _small(height, MIN_ROW_HEIGHT)):
            hidden_rows.add(row_at)
        col_at = -1
        for cell in row.iter(_CELL):
            col_at = _column(cell.get("r"), col_at + 1)
            formula = cell.find(_FORMULA)
            if formula is None and not _content(cell):
                continue
            where = (row_at, col_at)
            filled.add(where)
            filled_rows.add(row_at)
            filled_columns.add(col_at)
            if formula is not None:
                formulas[where] = "=" + (formula.text or "")
            code = odd.get(_index(cell.get("s"), 0))
            if code is not None:
                formats[where] = code
    width = default.get("defaultColWidth", default.get("baseColWidth"))
    return SheetView(formulas, formats, frozenset(hidden_rows & filled_rows),
                     frozenset(_hidden_columns(root, filled_columns, _small(width, MIN_COLUMN_WIDTH)) & filled_columns),
                     _conditional(root, filled))


_CONDITIONAL = "conditionalFormatting"  # the sheet's own (main) and Excel 2010's (x14, in an extension: xm:sqref)
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def _conditional(root, filled: set[Cell]) -> frozenset[Cell]:
    """The cells of ``filled`` a conditional format of the sheet (either kind) applies to."""
    ranges = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not element.tag.endswith("}" + _CONDITIONAL):
            continue
        refs = element.get("sqref") or " ".join(child.text or "" for child in element if isinstance(child.tag, str)
                                                 and child.tag.endswith("}sqref"))
        for ref in refs.split():
            found = _RANGE.fullmatch(ref)
            if found is None:  # not a range as Excel writes one (B:B, a name): taken to cover the whole sheet
                return frozenset(filled)
            first = (int(found[2]) - 1, _column(found[1] + found[2], 0))
            last = (int(found[4]) - 1, _column(found[3] + found[4], 0)) if found[3] else first
            ranges.append((first, last))
    return frozenset(cell for cell in filled if any(a[0] <= cell[0] <= b[0] and a[1] <= cell[1] <= b[1]
                                                    for a, b in ranges))


def _content(cell) -> bool:
    value = cell.find(_VALUE)
    return (value is not None and bool(value.text)) or cell.find(_INLINE) is not None


def _hidden_columns(root, filled: set[int], others_unseen: bool) -> set[int]:
    """The columns hidden or too narrow to read, of those ``filled``; ``others_unseen``: those no ``<col>`` sizes are
    (the sheet's default width too narrow)."""
    found: set[int] = set()
    sized: set[int] = set()
    for col in root.iter(_COL):
        first = _index(col.get("min"), 1)
        columns = range(first - 1, min(_index(col.get("max"), first), 16384))
        width = col.get("width")
        if width is not None:
            sized.update(c for c in columns if c in filled)
        if _hidden(col.get("hidden")) or (others_unseen if width is None else _small(width, MIN_COLUMN_WIDTH)):
            found.update(c for c in columns if c in filled)
    return found | (filled - sized if others_unseen else set())


def _small(size: str | None, least: float) -> bool:
    """Whether a size written as ``size`` is too small to read (NaN too, and anything not a number: "2pt" drew a row
    1.5 points high in LibreOffice); None (not given): no."""
    try:
        return size is not None and not float(size) >= least
    except ValueError:
        return True


def _index(text: str | None, default: int, base: int = 0) -> int:
    """A whole number as XML Schema spells one ("031", " +31": a style so spelled went unlooked at, found by trying)."""
    found = _WHOLE.fullmatch(text.strip()) if text is not None else None
    return int(found[0]) - base if found else default


_WHOLE = re.compile(r"\+?[0-9]+")


def _hidden(flag: str | None) -> bool:
    """Whether a ``hidden`` attribute may hide (anything but a plain no: " 1", "on" hid a row in LibreOffice)."""
    return flag is not None and flag.strip() not in ("0", "false")


_REF = re.compile(r"([A-Z]{1,3})\d+")


def _column(ref: str | None, default: int) -> int:
    match = _REF.fullmatch(ref or "")
    if not match:
        return default
    number = 0
    for ch in match[1]:
        number = number * 26 + ord(ch) - 64
    return number - 1


# Built-in formats (ECMA-376 §18.8.30) that show a value as it is: General, numbers, percentages, dates and times,
# text. The others say more than the value (currency signs, brackets, colours).
_PLAIN_BUILT_IN = frozenset({0, 1, 2, 3, 4, 9, 10, 11, 12, 13, *range(14, 23), 45, 46, 47, 48, 49})
_LOCALE = re.compile(r"\[\$-[0-9A-Fa-f]{1,8}\]")  # a language for the value's words (the tool's [$-42A]): not shown
# ";@" ends Excel's time formats ("hh:mm;@"): a text section that shows the text
_PLAIN_CODE = re.compile(r"(?:general|@|[#0?,]*[0#?](?:\.[0#?]+)?%?(?:e[+-]0+)?"
                         r"|[dmyhs]+(?:[/\-.: ]+[dmyhs]+)*(?: ?am/pm)?)(?:;@)?", re.IGNORECASE)
_ESCAPED_SEPARATOR = re.compile(r"\\([/\-.: ])")  # Excel writes a date's separators escaped: "d\-m\-yyyy", "d\ mmm"


@functools.lru_cache(maxsize=64)  # the summaries of one commune's tool share their style sheet
def _odd_styles(styles: bytes) -> dict[int, str]:
    """Each cell style (by index) whose number format can show other than the value, with the format's code."""
    from defusedxml.ElementTree import ParseError, fromstring  # deferred: defusedxml at start-up

    try:
        root = fromstring(styles) if styles else None
    except (ValueError, ParseError):
        root = None
    if root is None:
        return {}
    codes = {_index(f.get("numFmtId"), -1): f.get("formatCode") or "" for f in root.iter(_MAIN + "numFmt")}
    xfs = root.find(_MAIN + "cellXfs")
    odd = {}
    for k, xf in enumerate(xfs if xfs is not None else ()):
        number = _index(xf.get("numFmtId"), 0)
        code = codes.get(number)
        if code is None and number not in _PLAIN_BUILT_IN:
            odd[k] = f"#{number}"
        elif code is not None and not _PLAIN_CODE.fullmatch(_ESCAPED_SEPARATOR.sub(r"\1", _LOCALE.sub("", code))):
            odd[k] = code
    return odd
