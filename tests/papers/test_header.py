"""The names at the top left of every paper (the managing body, the school) are broken only between their groups:
"UBND PHƯỜNG HÀ ĐÔNG" holds on one line of the upright column, a longer name is broken before its place
or its proper name and never inside it — in the .docx as written, and in the PDF as LibreOffice lays it out.

A long school name is laid out as a school prints it — in at most two lines, the left column widened for it
(up to what the motto leaves), else three, at a smaller size only where three lines of 12 points cannot hold it; a
place it carries ("…, xã Bắc Sơn, tỉnh Lạng Sơn") kept whole on its line."""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from tests.documents import require_writer
from tests.samples import school_copy
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.papers.docx_engine import MARGINS_MM, Paper, header_lines
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.text.releases import VERSION
from thidua_xlsx.write.engine import FIXED_DATE

# managing body, school → the lines each takes in the header of an upright paper
CASES = [
    (("UBND phường Hà Đông", "Trường THCS Kim Sơn"), (["UBND PHƯỜNG HÀ ĐÔNG"], ["TRƯỜNG THCS KIM SƠN"])),
    (("Ủy ban nhân dân phường Hà Đông", "Trường Trung học cơ sở Nguyễn Thị Minh Khai"),  # two lines, the column wider
     (["ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ ĐÔNG"], ["TRƯỜNG TRUNG HỌC CƠ SỞ", "NGUYỄN THỊ MINH KHAI"])),
    (("UBND thành phố Hồ Chí Minh", "Trường Tiểu học Trực Cường"),
     (["UBND", "THÀNH PHỐ HỒ CHÍ MINH"], ["TRƯỜNG TIỂU HỌC", "TRỰC CƯỜNG"])),
    (("Phòng Giáo dục và Đào tạo quận Hà Đông", "Trường THCS Trung Sơn"),  # "TRUNG SƠN" is a name, not a level
     (["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO QUẬN HÀ ĐÔNG"], ["TRƯỜNG THCS", "TRUNG SƠN"])),
    (("Ủy ban nhân dân xã Trực Cường", "Phòng Văn hóa – Xã hội"),  # the commune's office, as its papers have it
     (["ỦY BAN NHÂN DÂN", "XÃ TRỰC CƯỜNG"], ["PHÒNG VĂN HÓA –", "XÃ HỘI"])),
    (("UBND xã Tràng Định", "Trường Phổ thông Dân tộc bán trú Tiểu học và THCS Nguyễn Bỉnh Khiêm"),  # 67 characters
     (["UBND XÃ TRÀNG ĐỊNH"], ["TRƯỜNG PHỔ THÔNG DÂN TỘC", "BÁN TRÚ TIỂU HỌC VÀ THCS", "NGUYỄN BỈNH KHIÊM"])),
    (("Ủy ban nhân dân xã Bắc Sơn, tỉnh Lạng Sơn",  # 71 characters with its place: three lines of 11 points
      "Trường Tiểu học và Trung học cơ sở Bắc Quỳnh, xã Bắc Sơn, tỉnh Lạng Sơn"),
     (["ỦY BAN NHÂN DÂN", "XÃ BẮC SƠN, TỈNH LẠNG SƠN"],
      ["TRƯỜNG TIỂU HỌC VÀ", "TRUNG HỌC CƠ SỞ BẮC QUỲNH,", "XÃ BẮC SƠN, TỈNH LẠNG SƠN"])),
]
# the school's size and the left column's width (mm) of each case: 12 points and the usual 57 mm while two lines hold
LAYOUTS = [(12, 57), (12, 65), (12, 57), (12, 57), (12, 57), (12, 71), (11, 67)]


@dataclass(frozen=True)
class _Issuer:
    """Who heads a paper: the school's block and the document's date (what Paper reads of the facts)."""

    school: cm.School
    created: object = FIXED_DATE
    draft: str = ""  # not a paper of a year still running


def _paper(managing_body: str, school: str, path: Path) -> Path:
    issuer = _Issuer(cm.School(school, managing_body, "Hà Đông", "2026-2027", "UBND phường Hà Đông"))
    Paper(issuer, "Thử", "X", date=False).save(path)  # no number and no date row: the header's cell alone
    return path


def _cell_lines(path: Path) -> tuple[list[str], list[str]]:
    body, school = [p for p in docx.Document(str(path)).tables[0].rows[0].cells[0].paragraphs if p.text][:2]
    assert not any(r.bold for r in body.runs) and all(r.bold for r in school.runs)
    return body.text.split("\n"), school.text.split("\n")


def _school_size(path: Path) -> float:
    school = [p for p in docx.Document(str(path)).tables[0].rows[0].cells[0].paragraphs if p.text][1]
    return school.runs[0].font.size.pt


@pytest.mark.parametrize("names, expected, layout", [(n, e, lay) for (n, e), lay in zip(CASES, LAYOUTS)])
def test_the_docx_header_breaks_a_name_only_between_its_groups(tmp_path, names, expected, layout):
    path = _paper(*names, tmp_path / "giay.docx")
    assert _cell_lines(path) == expected
    cell = docx.Document(str(path)).tables[0].rows[0].cells[0]
    # the upright header's left column: 165 mm less the motto's 108 mm, wider only for a name of three lines or more
    assert (_school_size(path), round(cell.width.mm)) == layout
    words = " ".join(names[1].upper().split())
    assert " ".join(expected[1]) == words  # every word, whole, in its order: none split, none dropped


def test_the_widened_column_leaves_the_motto_and_the_date_line_their_room():
    """However long the name, the motto (bold 12) and the date line stay on one line beside it."""
    from thidua_xlsx.papers.docx_engine import CELL_MARGINS_MM, HEADER_RIGHT_MM, header_layout
    from thidua_xlsx.write.engine import text_pt

    dated = "Thị trấn Tràng Định, ngày …… tháng …… năm ……"
    left, size = header_layout("UBND", "TRƯỜNG " + "RẤT DÀI " * 30, 165, False, dated)
    assert size == 11 and 165 - HEADER_RIGHT_MM[False] <= left
    assert text_pt(dated, size=13, bold=False) * 25.4 / 72 + CELL_MARGINS_MM <= 165 - left


def test_a_place_too_long_for_a_line_is_broken_after_its_unit_then_between_words():
    assert header_lines("UBND THÀNH PHỐ HỒ CHÍ MINH", 40, size=12, bold=False) == ["UBND THÀNH PHỐ", "HỒ CHÍ MINH"]
    assert header_lines("UBND XÃ THƯỢNG HÀ", 20, size=12, bold=False) == ["UBND XÃ", "THƯỢNG", "HÀ"]  # no other way
    assert header_lines("", 50, size=12, bold=False) == [""]


def _left_column_lines(pdf: Path, column_mm: float = 57) -> list[str]:
    """The text LibreOffice laid out in the header's left column (the page's left margin, ``column_mm`` wide, the top
    60 mm), line by line."""
    pt = 72 / 25.4
    x, width = round(MARGINS_MM["left"] * pt) - 4, round(column_mm * pt) + 4
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-x", str(x), "-y", "0", "-W", str(width), "-H",
                          str(round(60 * pt)), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


@pytest.mark.libreoffice
def test_libreoffice_lays_out_the_lines_the_docx_holds(tmp_path):
    """The widths the lines are measured with are the printing font's: the PDF breaks nowhere else."""
    require_writer()
    paths = [_paper(*names, tmp_path / f"giay-{k}.docx") for k, (names, _) in enumerate(CASES)]
    made, problem = convert_pdfs(paths)
    assert problem == ""
    for path, (_, (body, school)), (_, column) in zip(paths, CASES, LAYOUTS):
        assert _left_column_lines(made[path], column) == [*body, *school], path.name


def test_a_paper_and_a_workbook_name_the_release_that_wrote_them_in_their_properties(tmp_path):
    """File → Properties in Word or Excel says which thidua-xlsx wrote the file (docs/compatibility.md)."""
    paper = docx.Document(str(_paper("UBND phường Hà Đông", "Trường THCS Kim Sơn", tmp_path / "p.docx")))
    assert paper.core_properties.version == VERSION
    assert paper.core_properties.comments == f"thidua-xlsx {VERSION}"
    folder = school_copy(tmp_path)
    assert CliRunner().invoke(main, ["merge", str(folder / "inbox")]).exit_code == 0
    with zipfile.ZipFile(folder / "tong-hop_cham-diem.xlsx") as book:
        assert f"thidua-xlsx {VERSION}" in book.read("docProps/core.xml").decode("utf-8")
