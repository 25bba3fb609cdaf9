"""The scoring round's "Đăng ký" sheet says what the school knows of each registration, and its "Điểm chi tiết" prints
at a size a council member reads on paper — the shipped sample, read back as the secretary prints it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.libreoffice import require_libreoffice
from thidua_xlsx.model.titles import LDTT, NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.summary import write_summary

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
POINTS_PER_BOX = 1.30  # a word's box as pdftotext -bbox gives it, per point of its font (Liberation Serif, measured)


def _merged():
    """The sample's scoring round merged."""
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _problems = open_campaign(SAMPLES / "campaign.xlsx")
    assert folder is not None
    return merge_inbox(SAMPLES / "inbox", folder)


@pytest.fixture(scope="module")
def summary_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("dang-ky") / "tong-hop.xlsx"
    write_summary(_merged(), path)
    return path


def _registrations(path: Path) -> tuple[dict[str, dict[str, object]], dict[str, object]]:
    """Sheet Đăng ký: each person's row by code (its heads as keys), each department's collective title by code."""
    rows = [[c.value for c in row] for row in load_workbook(path)[sx.S_REGISTRATION].iter_rows()]
    head = next(k for k, row in enumerate(rows) if sx.REG_COLUMNS["title"] in row)
    people, collectives = {}, {}
    for row in rows[head + 1:]:
        if not isinstance(row[0], int):
            break
        people[row[1]] = dict(zip(rows[head], row))
    collective_head = next(row for row in rows if sx.REG_COLLECTIVE_COLUMNS["title"] in row)
    title = collective_head.index(sx.REG_COLLECTIVE_COLUMNS["title"])
    for row in rows[rows.index(collective_head) + 1:]:
        if isinstance(row[0], int):
            collectives[row[1]] = row[title]
    return people, collectives


def test_one_whose_book_came_with_no_title_reads_not_registered_as_the_year_says_it(summary_book):
    """Dương Thị Kim Chi registered for nothing (generate said so; her LĐTT is refused for it): her row says
    "Không đăng ký", the words of the year's sheet — not a blank, which reads as not known."""
    people, _ = _registrations(summary_book)
    assert people["GV015"][sx.REG_COLUMNS["title"]] == title_name(NOT_REGISTERED) == "Không đăng ký"
    assert people["GV016"][sx.REG_COLUMNS["title"]] == title_name(LDTT)  # a title registered: as before


def _detail_setup(path: Path):
    ws = load_workbook(path)[sx.S_DETAIL]
    head = next(r for r in ws.iter_rows() if sx.DETAIL_HEAD_LAST[0] in [c.value for c in r])
    return ws, [c.value for c in head]


def test_the_detail_sheet_prints_pages_across_with_the_names_on_each(summary_book):
    """Two pages across — the groups' scores, then the totals and the council's columns —, the names on each, a
    row's two pages one after the other, at a scale of at least 8 points (fitted one page wide: 4.6)."""
    ws, heads = _detail_setup(summary_book)
    totals = heads.index(sx.DETAIL_HEAD_LAST[0])  # "Tổng tự chấm": the page of the council's columns begins there
    assert [b.id for b in ws.col_breaks.brk] == [totals]
    assert ws.print_title_cols == "$A:$C" and ws.page_setup.pageOrder == "overThenDown"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale >= 100 * 8 / 12


def _words(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each page's words: (height of its box, the word)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(y1) - float(y0), w) for y0, y1, w in
             re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page)]
            for page in re.findall(r"<page.*?</page>", out, re.S)]


@pytest.mark.libreoffice
def test_the_detail_sheet_prints_at_eight_points_and_the_council_page_names_each_person(summary_book, tmp_path):
    """Every page of Điểm chi tiết prints its words at 8 points or more (one page wide: 4.6), and each page of the
    council's columns names the people of its rows."""
    require_libreoffice()
    pages = _words(convert(summary_book, "pdf", tmp_path))
    texts = [" ".join(w for _, w in page) for page in pages]
    first = next(k for k, text in enumerate(texts) if sx.DETAIL_TITLE.format(year="2025-2026") in text)
    end = next(k for k, text in enumerate(texts) if sx.RANK_TITLE.format(year="2025-2026") in text)
    assert end - first >= 4  # the groups' page and the council's, each more than one page down
    for k in range(first, end):
        heights = sorted(h for h, _ in pages[k])
        assert heights[len(heights) // 2] / POINTS_PER_BOX >= 7.9, k  # the body's size: its median word's
    council = [k for k in range(first, end) if "Quyết" in texts[k].split()]  # its head: "Quyết định Hội đồng"
    assert len(council) == (end - first) // 2
    assert all(re.search(r"\b(GV|QL|NV)\d{3}\b", texts[k]) for k in council)  # the codes printed again on each
