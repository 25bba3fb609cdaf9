"""A paper's header and last page as a Vietnamese office prints them (Nghị định 30/2020): a unit's name broken
after its dash — "PHÒNG VĂN HÓA –" / "XÃ HỘI", never "PHÒNG" alone on a line —, in the Word papers and the workbooks
alike; two signature blocks side by side with their names (or the dotted lines to write them on) on one line however
their titles wrap, a long title broken evenly ("CÁC THÀNH VIÊN" / "BAN KIỂM PHIẾU"); and the closing line going over
with the signatures, never a page of signatures alone."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from tests.documents import page_texts, require_writer
from tests.samples import SAMPLES, school_copy
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.papers.docx_engine import MARGINS_MM, PAGE_MM, Paper, Sign
from thidua_xlsx.text import documents as dw
from thidua_xlsx.write import engine
from thidua_xlsx.write.engine import FIXED_DATE

OFFICE = cm.School("Phòng Văn hóa – Xã hội", "Ủy ban nhân dân xã Trực Cường", "Trực Cường", "2025-2026",
                   "Chủ tịch Ủy ban nhân dân xã Trực Cường")  # the commune's office, as its papers have it
OFFICE_LINES = ["PHÒNG VĂN HÓA –", "XÃ HỘI"]
PT = 72 / 25.4
LEFT_PT, HALF_PT = MARGINS_MM["left"] * PT, (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 2 * PT


@dataclass(frozen=True)
class _Issuer:
    """Who heads a paper: the block at the top left and the paper's date (what Paper reads of the facts)."""

    school: cm.School
    created: dt.datetime = FIXED_DATE
    draft: str = ""


def _cell_paragraphs(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def test_the_commune_office_s_name_is_broken_after_its_dash_in_the_paper_s_header(tmp_path):
    path = tmp_path / "to-trinh.docx"
    Paper(_Issuer(OFFICE), "Thử", "TỜ TRÌNH", date=False).save(path)
    body, office = [p.text for p in docx.Document(str(path)).tables[0].rows[0].cells[0].paragraphs if p.text][:2]
    assert body.split("\n") == ["ỦY BAN NHÂN DÂN", "XÃ TRỰC CƯỜNG"]
    assert office.split("\n") == OFFICE_LINES  # was "PHÒNG" / "VĂN HÓA – XÃ HỘI"


def test_a_workbook_s_header_breaks_the_name_after_its_dash_too():
    rows = engine.header_rows(OFFICE, left_width=24)  # 141 points: the name whole (159) does not fit
    assert rows[1][0][0].split("\n") == OFFICE_LINES
    assert engine.header_rows(OFFICE, left_width=30)[1][0][0] == "PHÒNG VĂN HÓA – XÃ HỘI"  # whole where it fits


@pytest.mark.parametrize("name, width, lines", [
    ("UBND XÃ ĐẮK – MIL", 14, ["UBND", "XÃ ĐẮK – MIL"]),  # a place stays whole under its body (review)
    ("PHÒNG VĂN HÓA – XÃ HỘI", 17, ["PHÒNG VĂN HÓA –", "XÃ HỘI"]),
    ("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", 22, ["HỘI ĐỒNG", "THI ĐUA – KHEN THƯỞNG"]),
])
def test_a_dashed_pair_is_broken_after_its_dash_only_to_keep_a_word_from_standing_alone(name, width, lines):
    assert engine.name_lines(name, lambda text: len(text) <= width) == lines


def test_the_tally_s_signing_lines_stand_on_one_line_under_titles_of_different_lengths(tmp_path):
    """The Biên bản kiểm phiếu's blocks: the members' title takes two lines, the head's one; both dotted lines on the
    same line of the table, the members' title broken between its groups."""
    paper = Paper(_Issuer(OFFICE), "Thử", "BIÊN BẢN KIỂM PHIẾU", date=False)
    paper.signatures(Sign(dw.SIGN_TALLY_MEMBERS, dw.SIGN_NOTE, dw.SIGN_BLANK_NAME, extra=dw.SIGN_BLANK_NAME),
                     Sign(dw.SIGN_TALLY_HEAD, dw.SIGN_NOTE, dw.SIGN_BLANK_NAME), keep=True)
    path = tmp_path / "kiem-phieu.docx"
    paper.save(path)
    members, head = (_cell_paragraphs(c) for c in docx.Document(str(path)).tables[-1].rows[0].cells)
    assert members[:3] == ["CÁC THÀNH VIÊN", "BAN KIỂM PHIẾU", dw.SIGN_NOTE]  # not "… BAN KIỂM" / "PHIẾU"
    assert head[:2] == ["TRƯỞNG BAN KIỂM PHIẾU", dw.SIGN_NOTE]
    assert members.index(dw.SIGN_BLANK_NAME) == head.index(dw.SIGN_BLANK_NAME) == 7  # a line more to sign, right


# --- as LibreOffice prints the sample's papers ---------------------------------------------------------------------

def _words(pdf: Path, page: int) -> list[tuple[float, float, str]]:
    """(x, y, word) of each word on ``page`` (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), word) for x, y, word in
            re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', out)]


@pytest.mark.libreoffice
def test_the_sample_tally_prints_its_signing_lines_level_with_the_closing_line_on_their_page(tmp_path):
    require_writer()
    folder = school_copy(tmp_path)
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--council", str(folder / "hoi-dong.xlsx"),
                                       "--docs", str(folder / "ho-so"), "--pdf", "--force"])
    assert result.exit_code == 0, result.output
    pdf = folder / "ho-so" / "03_Bien-ban-kiem-phieu.pdf"
    pages = page_texts(pdf)
    last = len(pages)
    assert "Biên bản kiểm phiếu được lập lúc" in pages[-1] and "TRƯỞNG BAN KIỂM PHIẾU" in pages[-1]
    dots = sorted((round(y), x) for x, y, word in _words(pdf, last) if word == dw.SIGN_BLANK_NAME)
    members_first, head = dots[0], dots[1]
    assert len(dots) == 3 and members_first[0] == head[0]  # the first two: one line, a column each
    assert {x < LEFT_PT + HALF_PT for _, x in dots[:2]} == {True, False}


@pytest.mark.libreoffice
def test_the_commune_letter_prints_the_office_s_name_after_its_dash(tmp_path):
    require_writer()
    folder = tmp_path / "cap-xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so"))
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(folder / "tong-hop-xa.xlsx"),
                                       "--docs", str(folder / "ho-so"), "--pdf", "--force"])
    assert result.exit_code == 0, result.output
    pdf = folder / "ho-so" / "01_To-trinh-cong-nhan.pdf"
    header = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W",
                             str(round(LEFT_PT + 57 * PT)), "-H", str(round(50 * PT)), str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout  # the header's left column
    assert [line.strip() for line in header.splitlines() if line.strip()][2:4] == OFFICE_LINES
