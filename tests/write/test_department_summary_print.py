"""The department's own summary ("Tổng hợp tổ", the page its head signs) keeps its signatures on the page of its last
people's lines: a department of twelve with long names ran one page over, and its signatures printed alone under the
table's repeated head. A newcomer's long code ("MOI-TO-K23-1") gets a row of two lines, as a long name does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.libreoffice import require_libreoffice
from tests.pdf_pages import pdf_pages
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import workbook as wx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BOOK = "2025-2026_cham-diem_To-khoi-2-3.xlsx"  # 12 people, a long name, a newcomer, 3 spare rows
LAST = "Nguyễn Thị Hồng Nhung"  # the last person's line (the newcomer registered in the spring)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("to-khoi-2-3")
    for name in ("campaign.xlsx", "tong-hop_dang-ky.xlsx"):
        shutil.copy(SAMPLES / name, root / name)
    shutil.copytree(SAMPLES / "so-da-phat", root / "so-da-phat")
    result = CliRunner().invoke(main, ["generate", str(root / "campaign.xlsx"), "--round", "cham-diem", "--from",
                                       str(root / "tong-hop_dang-ky.xlsx"), "-o", str(root / "out"), "--force"])
    assert result.exit_code == 0, result.output
    return root / "out" / BOOK


def test_the_signatures_begin_no_page_of_their_own(book):
    ws = load_workbook(book)[ly.DEPARTMENT_SHEET]
    rows = {cell.value: cell.row for cell in ws["C"] if isinstance(cell.value, str)}
    signed = next(c.row for row in ws.iter_rows() for c in row if c.value == wx.SIGN_MAKER.upper())
    breaks = [b.id for b in ws.row_breaks.brk]  # a break's id: the last row of its page (1-based)
    assert not [b for b in breaks if rows[LAST] - 1 <= b < signed]  # the last two lines and the signatures: one page
    assert ws.row_dimensions[rows[LAST]].height == 31.5  # the newcomer's code on two lines


@pytest.mark.libreoffice
def test_libreoffice_prints_the_signatures_under_the_last_people(book, tmp_path):
    require_libreoffice()
    pages = pdf_pages(convert(book, "pdf", tmp_path))
    signed = next(page for page in pages if wx.SIGN_MAKER.upper() in page)
    assert LAST in signed
