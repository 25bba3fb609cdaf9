"""The names at the top left of every paper (the managing body, the school) are broken only between their groups
(issue 36): "UBND PHƯỜNG HÀ ĐÔNG" holds on one line of the upright column, a longer name is broken before its place
or its proper name and never inside it — in the .docx as written, and in the PDF as LibreOffice lays it out."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from tests.documents import require_writer
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.papers.docx_engine import MARGINS_MM, Paper, header_lines
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.write.engine import FIXED_DATE

# managing body, school → the lines each takes in the header of an upright paper
CASES = [
    (("UBND phường Hà Đông", "Trường THCS Kim Sơn"), (["UBND PHƯỜNG HÀ ĐÔNG"], ["TRƯỜNG THCS KIM SƠN"])),
    (("Ủy ban nhân dân phường Hà Đông", "Trường Trung học cơ sở Nguyễn Thị Minh Khai"),
     (["ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ ĐÔNG"], ["TRƯỜNG TRUNG HỌC", "CƠ SỞ", "NGUYỄN THỊ MINH KHAI"])),
    (("UBND thành phố Hồ Chí Minh", "Trường Tiểu học Trực Cường"),
     (["UBND", "THÀNH PHỐ HỒ CHÍ MINH"], ["TRƯỜNG TIỂU HỌC", "TRỰC CƯỜNG"])),
    (("Phòng Giáo dục và Đào tạo quận Hà Đông", "Trường THCS Trung Sơn"),  # "TRUNG SƠN" is a name, not a level
     (["PHÒNG GIÁO DỤC VÀ", "ĐÀO TẠO QUẬN HÀ ĐÔNG"], ["TRƯỜNG THCS", "TRUNG SƠN"])),
    (("Ủy ban nhân dân xã Trực Cường", "Phòng Văn hóa – Xã hội"),  # the commune's office, as its papers have it
     (["ỦY BAN NHÂN DÂN", "XÃ TRỰC CƯỜNG"], ["PHÒNG", "VĂN HÓA – XÃ HỘI"])),
]


@dataclass(frozen=True)
class _Issuer:
    """Who heads a paper: the school's block and the document's date (what Paper reads of the facts)."""

    school: cm.School
    created: object = FIXED_DATE


def _paper(managing_body: str, school: str, path: Path) -> Path:
    issuer = _Issuer(cm.School(school, managing_body, "Hà Đông", "2026-2027", "UBND phường Hà Đông"))
    Paper(issuer, "Thử", "X", date=False).save(path)  # no number and no date row: the header's cell alone
    return path


def _cell_lines(path: Path) -> tuple[list[str], list[str]]:
    body, school = [p for p in docx.Document(str(path)).tables[0].rows[0].cells[0].paragraphs if p.text][:2]
    assert not any(r.bold for r in body.runs) and all(r.bold for r in school.runs)
    return body.text.split("\n"), school.text.split("\n")


@pytest.mark.parametrize("names, expected", CASES)
def test_the_docx_header_breaks_a_name_only_between_its_groups(tmp_path, names, expected):
    path = _paper(*names, tmp_path / "giay.docx")
    assert _cell_lines(path) == expected
    cell = docx.Document(str(path)).tables[0].rows[0].cells[0]
    assert round(cell.width.mm) == 57, "the upright header's left column: 165 mm less the motto's 108 mm"


def test_a_place_too_long_for_a_line_is_broken_after_its_unit_then_between_words():
    assert header_lines("UBND THÀNH PHỐ HỒ CHÍ MINH", 40, size=12, bold=False) == ["UBND THÀNH PHỐ", "HỒ CHÍ MINH"]
    assert header_lines("UBND XÃ THƯỢNG HÀ", 20, size=12, bold=False) == ["UBND XÃ", "THƯỢNG", "HÀ"]  # no other way
    assert header_lines("", 50, size=12, bold=False) == [""]


def _left_column_lines(pdf: Path) -> list[str]:
    """The text LibreOffice laid out in the header's left column (the page's left margin, 57 mm wide, the top 60 mm),
    line by line."""
    pt = 72 / 25.4
    x, width = round(MARGINS_MM["left"] * pt) - 4, round(57 * pt) + 4
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
    for path, (_, (body, school)) in zip(paths, CASES):
        assert _left_column_lines(made[path]) == [*body, *school], path.name
