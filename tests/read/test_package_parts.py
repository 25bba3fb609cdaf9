"""Where a workbook's parts may be (read.package_parts): where every spreadsheet program puts them, and nowhere else —
a file that sends Excel to one part and the reader to another is refused before any reader sees it, as a department's
book in the school's inbox and as a school's summary at the commune (tests/e2e/test_commune_sheets_seen.py)."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from thidua_xlsx.read.containment import check_workbook

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx"
BOOK_RELS = "xl/_rels/workbook.xml.rels"
SHEET = b'Target="/xl/worksheets/sheet1.xml"'  # a teacher's book saved by openpyxl (the samples' filling): absolute


def _changed(data: bytes, change) -> bytes:
    """The book ``data`` with each part put through ``change(name, xml) -> [(name, xml), …]`` (none: taken out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            for name, xml in change(info.filename, source.read(info)):
                target.writestr(name, xml)
    return out.getvalue()


def _in(part: str, old: bytes, new: bytes):
    def change(name: str, xml: bytes) -> list[tuple[str, bytes]]:
        assert name != part or old in xml, (part, old)
        return [(name, xml.replace(old, new) if name == part else xml)]
    return change


def _problem(data: bytes) -> str | None:
    found = check_workbook(Path("so.xlsx"), data, ".xlsx", {})
    return found.code if found else None


def test_a_book_as_excel_libreoffice_and_openpyxl_write_it_is_read():
    """Relative targets (Excel, LibreOffice, the tool's xlsxwriter: tests/read/test_excel_books.py, the corpus) and
    absolute ones (openpyxl's sheets)."""
    openpyxl_book = io.BytesIO()
    Workbook().save(openpyxl_book)
    assert SHEET in zipfile.ZipFile(SAMPLE).read(BOOK_RELS) and _problem(SAMPLE.read_bytes()) is None
    assert b'Target="/xl/worksheets/sheet1.xml"' in zipfile.ZipFile(openpyxl_book).read(BOOK_RELS)
    assert _problem(openpyxl_book.getvalue()) is None


@pytest.mark.parametrize("how", ["escaped", "dotted", "up and back", "workbook elsewhere", "two workbooks", "id twice",
                                 "two style sheets", "style sheet without its relationship"])
def test_a_part_named_in_another_spelling_or_sent_elsewhere_is_refused(how):
    """Each a way to make Excel read one part and calamine (or the tool's checks) another, or none."""
    data = SAMPLE.read_bytes()
    changes = {
        "escaped": _in(BOOK_RELS, SHEET, b'Target="/xl/worksheets/sheet%31.xml"'),
        "dotted": _in(BOOK_RELS, SHEET, b'Target="/xl/worksheets/./sheet1.xml"'),
        "up and back": _in(BOOK_RELS, SHEET, b'Target="/xl/../xl/worksheets/sheet1.xml"'),
        "workbook elsewhere": _in("_rels/.rels", b'Target="xl/workbook.xml"', b'Target="xl/other.xml"'),
        "two workbooks": _in("_rels/.rels", b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.'
                             b'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workb'
                             b'ook.xml"/></Relationships>'),
        "id twice": _in(BOOK_RELS, b'Id="rId2"', b'Id="rId1"'),
        "two style sheets": _in(BOOK_RELS, b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.'
                                b'openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"'
                                b"/></Relationships>"),
        "style sheet without its relationship": _in(BOOK_RELS, b"relationships/styles", b"relationships/theme"),
    }
    assert _problem(_changed(data, changes[how])) == "file.strict_or_foreign"


def test_one_part_twice_or_under_two_spellings_is_refused():
    """Which of two parts of one name is read depends on the reader: a zip may hold both, and OPC's names ignore
    case."""
    data = SAMPLE.read_bytes()
    twice = _changed(data, lambda name, xml: [(name, xml)] + ([(name.upper(), xml)] if name.endswith("sheet1.xml")
                                                              else []))
    assert _problem(twice) == "file.strict_or_foreign"


def test_a_book_without_its_package_relationships_is_refused():
    data = _changed(SAMPLE.read_bytes(), lambda name, xml: [] if name == "_rels/.rels" else [(name, xml)])
    assert _problem(data) == "file.strict_or_foreign"


@pytest.mark.parametrize("twin", [str.upper, lambda name: unicodedata.normalize("NFD", name)])
def test_two_sheets_of_one_name_are_refused(twin):
    """Found by trying: a very hidden copy of a form listed first under the form's name — calamine reads the first of
    two sheets of one name, the head sees the other. Excel refuses two sheets whose names differ only by case."""
    data = SAMPLE.read_bytes()
    first, second = re.findall(rb'<sheet [^>]*?name="([^"]+)"', zipfile.ZipFile(SAMPLE).read("xl/workbook.xml"))[:2]
    renamed = twin(first.decode()).encode()
    assert _problem(_changed(data, _in("xl/workbook.xml", b'name="' + second + b'"', b'name="' + renamed + b'"'))) \
        == "file.strict_or_foreign"


@pytest.mark.parametrize("cell", [
    b'<c r="B7" t="str"><v>Nguyen Van B</v><is><t>Le Thi A</t></is></c>',  # calamine reads the text, LibreOffice v
    b'<c r="B7" t="str"><v>Nguyen Van B</v><x9:v xmlns:x9="urn:x9">Le Thi A</x9:v></c>',  # by local name vs namespace
    b'<c r="B7"><v>5<!-- x -->1</v></c>',  # calamine 5, LibreOffice 51
    b'<c r="B7"><v><![CDATA[1]]></v></c>',
    b'<c r="B7"><v>5<?x y?>1</v></c>',
])
def test_a_cell_readers_take_apart_differently_refuses_the_book(cell):
    """Found by trying (two strangers, a commune's list and a department's scores): each of these showed a person
    one value and gave the reader another, the tool silent. No spreadsheet program writes them."""
    data = SAMPLE.read_bytes()
    assert _problem(_changed(data, _in("xl/worksheets/sheet2.xml", b"</sheetData>",
                                       b'<row r="999">' + cell + b"</row></sheetData>"))) == "file.strict_or_foreign"


def test_a_sheet_of_the_strict_dialect_in_a_transitional_book_is_refused():
    data = SAMPLE.read_bytes()
    strict = _in("xl/worksheets/sheet2.xml", b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                 b"http://purl.oclc.org/ooxml/spreadsheetml/main")
    assert _problem(_changed(data, strict)) == "file.strict_or_foreign"
