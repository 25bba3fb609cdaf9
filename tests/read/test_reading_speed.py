"""The reading's shortcuts give what the long way gives: the sheet names and percent formats told from the
parts the containment checks inflated (and parsed once for the same bytes) are those read from the file itself; the
marks of the blank input cells, looked for at their addresses only (or said none from the sheet's formulas), are
those the whole sheet has. On the samples' workbooks and on workbooks written as other programs write them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from thidua_xlsx.model.inbox import FORMULA_MARK, Cell
from thidua_xlsx.read.containment import check_workbook, sheet_names
from thidua_xlsx.read.department import marks, styles
from thidua_xlsx.read.department.formulas import XmlFormulas
from thidua_xlsx.read.package_parts import BOOK_PART, STYLES_PART

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_BOOKS = sorted(p for folder in ("inbox", "inbox-dang-ky", "outbox", "so-da-phat") for p in
                      (ROOT / "samples" / folder).rglob("*.xlsx") if not p.name.startswith("~$"))


def _openpyxl_book(percent_formats: tuple[str, ...] = ()) -> bytes:
    """A workbook as openpyxl writes it (its own workbook part, relationships and style sheet), a sheet renamed
    and reordered, and a number in each of ``percent_formats``."""
    wb = Workbook()
    wb.active.title = "Tổ Toán & Tin"
    other = wb.create_sheet("Phiếu <1>", 0)
    other["A1"] = 1
    for row, number_format in enumerate(("0.00", *percent_formats), start=2):
        cell = other.cell(row, 1, 0.5)
        cell.number_format = number_format
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _with_part(data: bytes, part: str, body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info.filename, body if info.filename == part else source.read(info))
    return buffer.getvalue()


def _checked_parts(data: bytes) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    assert check_workbook(Path("book.xlsx"), data, ".xlsx", parts) is None
    return parts


def _books() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in SAMPLE_BOOKS] + [
        ("openpyxl", _openpyxl_book()), ("openpyxl, percent", _openpyxl_book(("0%", '0.0"%"', "#,##0.00 %")))]


def test_the_samples_are_there_to_compare_with():
    assert len(SAMPLE_BOOKS) >= 10


@pytest.mark.parametrize(("name", "data"), _books(), ids=[name for name, _ in _books()])
def test_sheet_names_and_percent_formats_from_the_checked_parts_are_those_of_the_file(name, data):
    parts = _checked_parts(data)
    assert {BOOK_PART, STYLES_PART} <= set(parts)
    by_file = sheet_names(data)
    assert by_file and sheet_names(data, parts) == by_file
    sheet_names(data, parts).clear()  # what a caller does with its copy is not kept
    assert sheet_names(data, parts) == by_file
    assert _percent(data, parts) == _percent(data, {}) and _fonts(data, parts) == _fonts(data, {})


def _percent(data: bytes, parts: dict[str, bytes]) -> frozenset[int]:
    return styles.percent_formats(styles.style_sheet(data, parts) or b"")


def _fonts(data: bytes, parts: dict[str, bytes]) -> tuple[str, ...]:
    return styles.format_fonts(styles.style_sheet(data, parts) or b"")


def test_percent_formats_are_found_from_the_checked_style_sheet():
    data = _openpyxl_book(("0%", '0.0"%"', "#,##0.00 %"))
    plain = _percent(_openpyxl_book(), _checked_parts(_openpyxl_book()))
    assert not plain
    assert len(_percent(data, _checked_parts(data))) == 2  # "%" in quotes is a text, not a percent


def test_a_damaged_workbook_part_gives_no_names_either_way_and_is_refused():
    data = _with_part(_openpyxl_book(), BOOK_PART, b"<workbook><sheets><sheet name='x'")
    parts: dict[str, bytes] = {}
    found = check_workbook(Path("book.xlsx"), data, ".xlsx", parts)  # its sheets' names are looked at: not XML
    assert found is not None and found.code == "file.corrupt"
    assert sheet_names(data, parts) == sheet_names(data) == {}


# A sheet's cells as Excel, LibreOffice and scripts write them: errors, formulas with and without their result.
SHEET = (b'<worksheet><sheetData><row r="1">'
         b'<c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'  # Excel: an error, its formula
         b'<c r="B1" t="e"><v>#N/A</v></c>'  # an error typed
         b'<c r="C1"><f>SUM(A2:A3)</f></c>'  # a script's formula: no result
         b'<c r="D1" s="3"><f>IF(1,"",2)</f><v></v></c>'  # xlsxwriter's: an empty result
         b'<c r="E1"><f t="shared" ref="E1:E2" si="0">A1*2</f><v/></c>'
         b'<c r="F1"><f t="shared" si="0"/></c>'  # a shared formula's cell, no result
         b'<c r="G1"><f t="shared" si="0"/><v></v></c>'
         b'<c r="H1" t="str"><f>""</f><v></v></c>'  # an empty text result is a result
         b'<c r="I1"><f>2+2</f><v>4</v></c>'  # a result
         b'<c r="J1"><v/></c><c r="K1" s="2"/><c r="L1" t="s"><v>0</v></c>'  # no formula
         b'</row><row r="2"><c r="A2" t="e"><v>#REF!</v></c><c r="C2"><f>1</f></c></row></sheetData></worksheet>')
EVERY_MARK = {"A1": "#DIV/0!", "B1": "#N/A", "C1": FORMULA_MARK, "D1": FORMULA_MARK, "E1": FORMULA_MARK,
              "F1": FORMULA_MARK, "G1": FORMULA_MARK, "A2": "#REF!", "C2": FORMULA_MARK}


@pytest.mark.parametrize("wanted", [
    {"A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "K1", "L1", "A2", "C2"},
    {"C1", "H1", "J1"}, {"A2"}, {"Z9"}, set()])
def test_the_marks_looked_for_at_some_addresses_are_those_the_whole_sheet_has_there(wanted):
    assert marks._unknown_cells(SHEET, wanted) == {a: m for a, m in EVERY_MARK.items() if a in wanted}


def _blank(address: str) -> Cell:
    letters = address.rstrip("0123456789")
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return Cell("", "Phiếu", int(address[len(letters):]) - 1, col - 1)


VALIDATIONS = (b'<conditionalFormatting sqref="D2"><cfRule type="expression"><formula>AND(D2&lt;0)</formula></cfRule>'
               b'</conditionalFormatting><dataValidations count="1"><dataValidation type="decimal" sqref="D2:E3">'
               b'<formula1>0</formula1><formula2>$C2</formula2></dataValidation></dataValidations></worksheet>')
# Sheets as generate writes them (formulas with an empty result, validations after the cells), then as a hostile
# file may write them: another element named "<f…" in a cell, a formula cut short, a cell inside a cell, an error.
PLAIN = (b'<worksheet><sheetData><row r="2"><c r="C2"><v>10</v></c><c r="D2"/><c r="E2" s="1"/>'
         b'<c r="F2"><f>IF(1,"",2)</f><v></v></c></row><row r="3"><c r="D3"><v>5</v></c><c r="E3" s="1"/>'
         b'</row></sheetData>' + VALIDATIONS)
SHEETS = [PLAIN, SHEET,
          PLAIN.replace(b'<c r="E2" s="1"/>', b'<c r="E2" s="1"><formula1/></c>'),
          PLAIN.replace(b'<c r="E2" s="1"/>', b'<c r="E2" s="1"><fx>1</fx></c>'),
          PLAIN.replace(b'<c r="E3" s="1"/>', b'<c r="E3" s="1"><f>1+'),
          PLAIN.replace(b'<c r="E3" s="1"/>', b'<c r="E3" s="1"><c r="E4"><f>1</f></c></c>'),
          PLAIN.replace(b'<c r="D2"/>', b'<c r="D2" t="e"><v>#N/A</v></c>'),
          PLAIN.replace(b"</sheetData>", b'</sheetData><c r="E2"><f>1</f></c>')]


@pytest.mark.parametrize("xml", SHEETS, ids=["generated", "every kind", "formula1 in a cell", "fx in a cell",
                                             "cut short", "a cell in a cell", "an error", "a cell after the data"])
def test_the_marks_are_said_none_without_searching_only_where_searching_finds_none(xml):
    addresses = ["C2", "D2", "E2", "F2", "D3", "E3", "E4", "A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1"]
    for wanted in ([a] for a in addresses):
        if marks._none_marked(xml, XmlFormulas(xml), [_blank(a) for a in wanted]):
            assert marks._unknown_cells(xml, set(wanted)) == {}, wanted
    if xml is PLAIN:  # a generated sheet's blank input cells are told apart without the search
        assert marks._none_marked(xml, XmlFormulas(xml), [_blank("D2"), _blank("E2"), _blank("E3")])
        assert not marks._none_marked(xml, XmlFormulas(xml), [_blank("F2")])
