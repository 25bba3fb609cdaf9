"""A returned book that carries macros: read as any other (only values are read, no macro ever runs), and said, so
that nobody opens it with its macros enabled; the issued books have none."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.read.macros import macros_in

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
        with zipfile.ZipFile(book) as zf:
            assert not macros_in(book.read_bytes(), ".xlsx", zf.namelist()), book.name


def test_macros_of_an_xls_and_an_ods_are_found_by_their_storage():
    assert macros_in(b"\xd0\xcf\x11\xe0" + "_VBA_PROJECT_CUR".encode("utf-16-le") + b"\x00" * 8, ".xls", ())
    assert not macros_in(b"\xd0\xcf\x11\xe0" + "Workbook".encode("utf-16-le"), ".xls", ())
    assert macros_in(b"", ".ods", ["content.xml", "Basic/Standard/Module1.xml"])
    assert not macros_in(b"", ".ods", ["content.xml", "Configurations2/toolbar/"])


def test_a_vba_project_under_another_name_or_an_excel_4_macro_sheet_is_found_by_its_relationship():
    """Excel finds a VBA project by the workbook's relationship, whatever its part is named, and runs an Excel 4.0
    macro sheet's Auto_Open as well."""
    renamed = (b'<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
               b'Target="hinh.bin"/>')
    assert macros_in(b"PK", ".xlsx", ["xl/workbook.xml", "xl/hinh.bin"], renamed)
    macro_sheet = (b'<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/'
                   b'xlMacrosheet" Target="sheet2.xml"/>')
    assert macros_in(b"PK", ".xlsx", ["xl/workbook.xml"], macro_sheet)
    assert macros_in(b"PK", ".xlsx", ["xl/workbook.xml", "xl/macrosheets/sheet1.xml"])
    plain = b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/' \
            b'worksheet" Target="worksheets/sheet1.xml"/>'
    assert not macros_in(b"PK", ".xlsx", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"], plain)
