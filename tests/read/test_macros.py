"""A returned book that carries macros: read as any other (only values are read, no macro ever runs), and said, so
that nobody opens it with its macros enabled; the issued books have none."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.corpus import zipped
from thidua_xlsx.cli import main
from thidua_xlsx.read.macros import macro_enabled, macros_in

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
BOOK = "2025-2026_cham-diem_To-khoi-1.xlsx"
VBA_RELATIONSHIP = ('<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
                    ' Target="vbaProject.bin"/></Relationships>')


def _with_vba_project(book: Path, target: Path) -> None:
    """``book`` as Excel saves it with a VBA project: the project (Excel's own, from XlsxWriter's tests) related to
    the workbook, the file an .xlsm."""
    vba = zipfile.ZipFile(ROOT / "tests" / "excel_books" / "macro01.xlsm").read("xl/vbaProject.bin")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", VBA_RELATIONSHIP.encode())
            dst.writestr(info, data)
        dst.writestr("xl/vbaProject.bin", vba)


def test_a_returned_book_with_macros_is_read_and_said(tmp_path):
    copy = tmp_path / "samples"
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "outbox", "*.lock",
                                                                 "da-ghi.json"))
    book = copy / "inbox" / BOOK
    _with_vba_project(book, book.with_suffix(".xlsm"))
    book.unlink()

    result = CliRunner().invoke(main, ["merge", str(copy / "inbox"), "-o", str(tmp_path / "s.xlsx"),
                                       "--json", str(tmp_path / "s.json")])

    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "s.json").read_text("utf-8"))
    said = [p for p in report["problems"] if p["code"] == "file.macros"]
    assert [p["file"] for p in said] == [book.with_suffix(".xlsm").name]
    used = {f["name"]: f["status"] for f in report["files"]}
    assert used[book.with_suffix(".xlsm").name] == used["2025-2026_cham-diem_To-khoi-4-5.xlsx"]  # read as the others
    output = " ".join(result.output.split())
    assert "không bao giờ chạy macro" in output and "Đừng mở tệp này bằng Excel hay LibreOffice mà bật macro" in output


def test_the_books_the_tool_issues_and_the_other_programs_saves_have_none():
    for book in (*(SAMPLES / "outbox").rglob("*.xlsx"), *(SAMPLES / "inbox").glob("[!~]*.xlsx")):
        assert not macros_in(book.read_bytes()) and not macro_enabled(book.read_bytes()), book.name


SHEET_REL = (b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             b'worksheet" Target="worksheets/sheet1.xml"/>')


def _xlsx(relationships: bytes = b"", types: bytes = b"", **more: bytes) -> bytes:
    rels = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s%s</Relationships>'
    declared = b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">%s</Types>'
    return zipped({"[Content_Types].xml": declared % types, "xl/workbook.xml": b"<workbook/>",
                     "xl/_rels/workbook.xml.rels": rels % (SHEET_REL, relationships), **more})


@pytest.mark.parametrize("book", [
    # a VBA project under another name, its relationship's type written with a character reference (&#80; is P)
    _xlsx(b'<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vba&#80;roject" '
          b'Target="hinh.bin"/>', **{"xl/hinh.bin": b"\xd0\xcf\x11\xe0"}),
    # the same declared by its content type only
    _xlsx(types=b'<Override PartName="/xl/anh.bin" ContentType="application/vnd.ms-office.vba&#80;roject"/>'),
    # an Excel 4.0 macro sheet (its Auto_Open runs), by its relationship or where Excel puts it
    _xlsx(b'<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" '
          b'Target="trang.xml"/>'),
    _xlsx(**{"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"}),
    # an .xls's VBA storage; an .ods's Basic library, and a cell bound to a macro of the program's
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "_VBA_PROJECT_CUR".encode("utf-16-le"),
    zipped({"content.xml": b"<office:document-content/>", "Basic/Standard/Module1.xml": b"<module/>"}),
    zipped({"content.xml": b"<table:table-cell><office:event-listeners><script:event-listener "
                             b"script:macro-name=\"vnd.sun.star.script:Tools.Misc.Shell\"/></office:event-listeners>"}),
], ids=["vba-renamed-char-ref", "vba-content-type", "macro-sheet-rel", "macro-sheet-place", "xls-vba", "ods-basic",
        "ods-event"])
def test_macros_are_found_where_the_programs_find_them(book):
    assert macros_in(book)


def test_a_book_without_code_has_no_macros_and_an_xlsm_without_code_is_only_macro_enabled():
    assert not macros_in(_xlsx())
    assert not macros_in(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"))
    assert not macros_in(zipped({"content.xml": b"<office:document-content/>", "Configurations2/toolbar/": b""}))
    xlsm = _xlsx(types=b'<Override PartName="/xl/workbook.xml" '
                       b'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>')
    assert not macros_in(xlsm) and macro_enabled(xlsm)  # the commune holds it (the tool never writes one)
