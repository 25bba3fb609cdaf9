"""The formulas of a workbook's locked cells, as what they are made of: their numbers and texts.

A department head who removes the sheet protection can lower the thresholds of a form's classification
formula (``D23>=90`` → ``D23>=80``) and the form then shows a better classification. The merge never uses
a formula's result (every total and classification is computed again), but such an edit is a locked cell
changed and is reported like one. python-calamine gives values only: the formulas are read from the file
(.xlsx/.xlsm: the sheets' XML the containment step has already inflated; .ods: content.xml). An .xls is
not looked at (:attr:`Sheet.formulas` stays None: its formulas are not compared).

A formula is compared by its constants only — the numbers and the texts in quotes, in order — never by its
references: Excel rewrites references when rows move or a sheet is renamed (both allowed), LibreOffice
writes them in its own syntax (``[.D23]``), and the constants stay what they were issued as.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Collection, Mapping
from html import unescape

from thidua_xlsx.read.containment import sheet_parts
from thidua_xlsx.read.department import ods
from thidua_xlsx.read.department.cells import Formulas, Sheet
from thidua_xlsx.read.inflating import DAMAGED_ZIP

NO_FORMULA = ""  # a locked cell issued with a formula and found without one (a value typed over it)

# A text in quotes | a sheet name in quotes | an .ods reference [.D23] | an A1 reference | a number.
_TOKEN = re.compile(r'"((?:[^"]|"")*)"|\'(?:[^\']|\'\')*\'|\[[^\]]*\]|(?<![A-Za-z_.$\d])\$?[A-Za-z]{1,3}\$?\d+(?![\d(])'
                    r'|(?<![A-Za-z_.$\d])(\d+(?:\.\d+)?(?:[Ee][+-]?\d+)?)')
_FORMULA = re.compile(rb'<f\b([^>]*?)(?:/>|>([^<]*)</f>)')
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d{1,7})"')
_SHARED = re.compile(rb'\bsi="(\d+)"')


def constants(formula: str) -> str:
    """The numbers and texts of ``formula`` in order, as JSON: '=IF(D23>=90,"Tốt","")' → '[90, "Tốt", ""]'."""
    found: list = []
    for match in _TOKEN.finditer(formula):
        text, number = match.group(1), match.group(2)
        if text is not None:
            found.append(text.replace('""', '"'))
        elif number is not None:
            value = float(number)
            found.append(int(value) if value.is_integer() else value)
    return json.dumps(found, ensure_ascii=False)


@functools.lru_cache(maxsize=100_000)  # a formula as written in the XML → its constants: the forms of a campaign
def _constants_of(text: bytes) -> str:  # repeat the same few dozen formulas in every file
    return constants(unescape(text.decode("utf-8", "replace")))


def attach_formulas(sheets: dict[str, Sheet], data: bytes, suffix: str, parts: dict[str, bytes]) -> None:
    """Each sheet's formulas by cell, in :attr:`Sheet.formulas` (``parts``: the inflated sheet parts): for
    an .xlsx/.xlsm, looked up cell by cell when asked (a form's dozen locked formulas among its hundreds of
    cells); for an .ods, all of them read at once from content.xml."""
    found: Mapping[str, Formulas]
    try:
        if suffix in (".xlsx", ".xlsm"):
            found = {name: XmlFormulas(xml) for name, xml in sheet_parts(data, parts).items()}
        elif suffix == ".ods":
            found = _ods_formulas(data)
        else:
            return
    except (KeyError, *DAMAGED_ZIP):
        return
    for name, sheet in sheets.items():
        if name in found:
            sheet.formulas = found[name]


class XmlFormulas:
    """The formulas of one sheet's XML by cell (a mapping's ``get``), indexed when first asked: each found
    from its "<f" (a sheet has dozens among hundreds of cells), its cell's address from the "<c " before it;
    a cell of a shared formula has the constants of the formula's first cell."""

    def __init__(self, xml: bytes):
        self.xml = xml
        self._by_cell: dict[tuple[int, int], str] | None = None
        self._unread: list[int] = []  # where an "<f" was not read as a cell's formula

    def get(self, where: tuple[int, int], default: str = NO_FORMULA) -> str:
        return self._indexed().get(where, default)

    def cells(self) -> tuple[Collection[tuple[int, int]], list[int]]:
        """Every cell holding a formula, and where an "<f" was not read as the formula of a cell (an element of
        another name, as a data validation's "<formula1>", or one cut short)."""
        return self._indexed().keys(), self._unread

    def _indexed(self) -> dict[tuple[int, int], str]:
        if self._by_cell is None:
            self._by_cell, self._unread = _index(self.xml)
        return self._by_cell


def _index(xml: bytes) -> tuple[dict[tuple[int, int], str], list[int]]:
    """The constants of each cell's formula, and where an "<f" was not read as one."""
    found: dict[tuple[int, int], str] = {}
    shared: dict[bytes, str] = {}
    unread: list[int] = []
    at = xml.find(b"<f")
    while at != -1:
        formula = _FORMULA.match(xml, at)
        ref = _REF.search(xml, xml.rfind(b"<c ", 0, at), at) if formula else None
        if formula is None or ref is None:
            unread.append(at)
        else:
            col = 0
            for ch in ref.group(1):
                col = col * 26 + ch - 64
            found[(int(ref.group(2)) - 1, col - 1)] = _signature(formula, shared)
        at = xml.find(b"<f", at + 2)
    return found, unread


def _signature(formula: re.Match, shared: dict[bytes, str]) -> str:
    """A formula's constants; a cell of a shared formula without its text has those of the formula's first cell met
    before it (``shared``: by the formula's ``si``, kept as the sheet is read in order)."""
    text, si = formula.group(2), _SHARED.search(formula.group(1))
    if text:
        signature = _constants_of(text)
        if si is not None:
            shared[si.group(1)] = signature
        return signature
    return shared.get(si.group(1), "[]") if si is not None else "[]"


def _ods_formulas(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    def signature(element) -> str | None:
        formula = element.get(f"{{{ods.TABLE}}}formula")
        if formula is None:
            return None
        return constants(formula.split(":", 1)[1] if formula.startswith("of:") else formula)

    return ods.cells_where(ods.content_of(data), signature)
