"""Smoke tests against a real LibreOffice Calc (no mocks).

Skipped when LibreOffice is not installed, failed instead on CI (CI=true);
see tests/libreoffice.py. About 10 s in total.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook

from tests.libreoffice import close_servers, fill, require_libreoffice
from tests.once import once_a_session
from thidua_xlsx.system import office

SHEET = "Lớp 5A"
GUIDE = "Hướng dẫn"   # first sheet: typing must not land here


pytestmark = pytest.mark.libreoffice  # every test here starts LibreOffice (the fixture below)


@pytest.fixture(autouse=True)
def _libreoffice():
    require_libreoffice()


def build_workbook(path):
    """A protected sheet after a guide sheet: A1 locked, B2/B3 unlocked with a whole-number
    0..10 Stop validation, C2 = B2*2 (cached 0, as xlsxwriter writes it), D2/E2 unlocked."""
    wb = xlsxwriter.Workbook(str(path))
    unlocked = wb.add_format({"locked": False})
    guide = wb.add_worksheet(GUIDE)
    guide.write("A1", "Điền các ô trắng ở sheet Lớp 5A.")
    guide.protect()
    ws = wb.add_worksheet(SHEET)
    ws.write("A1", "Họ và tên")
    for cell in ("B2", "B3", "D2", "E2"):
        ws.write_blank(cell, None, unlocked)
    ws.write_formula("C2", "=B2*2", None, 0)
    ws.data_validation("B2:B3", {"validate": "integer", "criteria": "between",
                                 "minimum": 0, "maximum": 10, "error_type": "stop"})
    ws.protect()
    ws.activate()
    wb.close()
    return path


FORMATS = ("xlsx", "ods", "xls")


def _fill(folder: Path) -> None:
    """The workbook, typed into in LibreOffice and saved in every format; the fill's report beside them."""
    src = build_workbook(folder / "mau.xlsx")
    outs = {f"out_{fmt}": folder / f"da-dien.{fmt}" for fmt in FORMATS}
    report = fill(src,
                  [{"sheet": SHEET, "cell": "B2", "value": 7},
                   {"sheet": SHEET, "cell": "A1", "value": "x"},
                   {"sheet": SHEET, "cell": "B3", "value": 50},
                   {"sheet": SHEET, "cell": "D2", "value": 9.5},
                   {"sheet": SHEET, "cell": "E2", "value": "Tốt"}],
                  [{"sheet": SHEET, "cell": "C2"}, {"sheet": GUIDE, "cell": "B2"}], timeout=90, **outs)
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """Typed once a test session, whichever processes the tests are dealt to; the tests only read it."""
    require_libreoffice()
    folder = once_a_session(tmp_path_factory, "lo_fill", _fill)
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return folder / "mau.xlsx", report, {fmt: folder / f"da-dien.{fmt}" for fmt in FORMATS}


def test_typing_respects_protection_and_validation(filled):
    _, report, _ = filled
    status = {f["cell"]: f for f in report["fills"]}
    assert status["B2"]["status"] == "accepted" and status["B2"]["value"] == 7
    assert (status["A1"]["status"], status["A1"]["reason"]) == ("refused", "locked cell")
    assert status["A1"]["value"] == "Họ và tên"
    assert (status["B3"]["status"], status["B3"]["reason"]) == ("refused", "data validation")
    assert status["B3"]["type"] == "EMPTY"
    # en-US input locale: "9.5" is a number, not text
    assert status["D2"]["status"] == "accepted"
    assert (status["D2"]["type"], status["D2"]["value"]) == ("VALUE", 9.5)
    assert (status["E2"]["status"], status["E2"]["value"]) == ("accepted", "Tốt")
    assert report["soffice_left_running"] == []


def test_the_soffice_kept_for_fills_ends_with_what_it_started(filled):
    """The fills' soffice runs on between fills; stopped (at the end of the test process, here at once), it leaves
    nothing running: its server says so by its exit code. (The shared fill may have been typed by another test
    process: this one types a value first, so that its own soffice has worked.)"""
    src, _, _ = filled
    typed = fill(src, [{"sheet": SHEET, "cell": "B2", "value": 3}], [], timeout=90)
    assert [f["status"] for f in typed["fills"]] == ["accepted"], typed["fills"]
    closed = close_servers()
    assert closed and all(code == 0 for code in closed), closed


def test_formula_recalculated_and_other_sheet_untouched(filled):
    _, report, _ = filled
    c2, guide_b2 = report["reads"]
    assert (c2["formula"], c2["value"]) == ("=B2*2", 14)
    assert guide_b2["type"] == "EMPTY"


def test_saved_in_every_format(filled):
    _, _, outs = filled
    magic = {"xlsx": b"PK\x03\x04", "ods": b"PK\x03\x04", "xls": b"\xd0\xcf\x11\xe0"}
    for fmt, path in outs.items():
        assert path.read_bytes().startswith(magic[fmt]), fmt
    wb = load_workbook(outs["xlsx"], data_only=True)
    ws = wb[SHEET]
    assert (ws["A1"].value, ws["B2"].value, ws["C2"].value, ws["D2"].value, ws["E2"].value) == (
        "Họ và tên", 7, 14, 9.5, "Tốt")
    assert ws["B3"].value is None
    assert ws.protection.sheet and ws["A1"].protection.locked and not ws["B2"].protection.locked


def test_convert_recalculates_and_exports_pdf(filled, tmp_path):
    src, _, _ = filled
    wb_path = tmp_path / "nhap.xlsx"
    wb = xlsxwriter.Workbook(str(wb_path))
    ws = wb.add_worksheet(SHEET)
    ws.write_number("B2", 3)
    ws.write_formula("C2", "=B2*2", None, 0)   # cached result 0 until a client recalculates
    wb.close()
    resaved = office.convert(wb_path, "xlsx", tmp_path / "out")
    assert resaved == tmp_path / "out" / "nhap.xlsx"
    assert load_workbook(resaved, data_only=True)[SHEET]["C2"].value == 6

    pdf = office.convert(src, "pdf", tmp_path)
    assert pdf == tmp_path / "mau.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_convert_rejects_a_text_file(tmp_path):
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải sổ tính\n", encoding="utf-8")
    with pytest.raises(office.OfficeError):
        office.convert(text, "xlsx", tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# A stand-in for soffice converting to PDF: what it writes into --outdir, as LibreOffice names it.
PDF_WRITER = """#!{python}
import sys
from pathlib import Path
args = sys.argv[1:]
(Path(args[args.index("--outdir") + 1]) / (Path(args[-1]).stem + ".pdf")).write_bytes(b"%PDF-1.7 trang")
"""


def test_a_pdf_cut_short_by_a_full_disk_never_lies_under_its_name(filled, tmp_path, monkeypatch):
    """LibreOffice writes into its own folder; the PDF is moved into place whole (here across disks, the copy
    cut short): nothing under the final name, nothing beside it. What is checked is the move, not the PDF: a
    stand-in writes it where soffice would (test_convert_recalculates_and_exports_pdf converts the same book)."""
    import errno

    from thidua_xlsx.system import files
    from thidua_xlsx.system.files import WriteError

    src, _, _ = filled
    out = tmp_path / "out"
    out.mkdir()
    stand_in = tmp_path / "soffice"
    stand_in.write_text(PDF_WRITER.format(python=sys.executable), encoding="utf-8")
    stand_in.chmod(0o755)
    monkeypatch.setattr(office, "find_soffice", lambda: str(stand_in))

    def across_disks(_src, _dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    def half_copy(_src, dst):
        with open(dst, "wb") as f:
            f.write(b"%PDF-1.7 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", across_disks)
    monkeypatch.setattr(files.shutil, "copyfile", half_copy)
    with pytest.raises(WriteError) as caught:
        office.convert(src, "pdf", out)
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(out / "mau.pdf")
    assert list(out.iterdir()) == []


