"""Every other list that runs onto another printed page shows its own column header there (after
test_lists_continued.py): the people's and the units' lists of the posted list "Công khai", and "Khen đột xuất" (one
table: its print titles)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import campaign_dict
from tests.pdf_pages import pdf_pages
from tests.summaries import make_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.summary import write_public_list, write_summary

MANY = 60  # more people proposed Lao động tiên tiến
UNITS = 40  # more departments, each proposed Tập thể lao động tiên tiến
AWARDS = 40  # đột xuất awards
YEAR = "2025-2026"


def _long(round_: str = ly.SCORING):
    """The small school of tests.summaries with :data:`MANY` more people, :data:`UNITS` more departments and
    :data:`AWARDS` đột xuất awards."""
    summary = make_summary(round_)
    awards = [{"who": "GV01", "kind": "Đột xuất", "achievement": f"Thành tích đột xuất số {n:02d}",
               "form": "Giấy khen của Hiệu trưởng", "note": ""} for n in range(AWARDS)]
    campaign = cm.from_dict(campaign_dict(special_awards=awards))
    proposed = next(p for p in summary.people if p.code == "NV01")  # granted LĐTT
    people = [replace(proposed, code=f"L{n:03d}", name=f"Nguyễn Văn Người {n:03d}", registered=LDTT)
              for n in range(MANY)]
    unit = summary.departments[0]  # granted TTLĐTT
    units = [replace(unit, code=f"U{n:02d}", name=f"Tổ chuyên môn số {n:02d}") for n in range(UNITS)]
    return replace(summary, campaign=campaign, people=summary.people + tuple(people),
                   departments=summary.departments + tuple(units))


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dai")
    summary = _long()
    write_summary(summary, out / "tong-hop.xlsx")
    write_public_list(summary, out / "cong-khai.xlsx", dt.date(2026, 5, 25), 5)
    return {"summary": out / "tong-hop.xlsx", "public": out / "cong-khai.xlsx"}


def _pages(ws) -> list[list[tuple]]:
    """The sheet's rows (values) as printed: cut at its manual page breaks (the tool ends every page with one)."""
    rows = [tuple(cell.value for cell in row) for row in ws.iter_rows()]
    cuts = [0, *sorted(b.id for b in ws.row_breaks.brk), len(rows)]
    return [rows[a:b] for a, b in zip(cuts, cuts[1:])]


def _heads_of_lines(pages: list[list[tuple]], heads: tuple[tuple[str, ...], ...]) -> list[list[tuple | None]]:
    """Per page, the head printed above each numbered line on that page (None: no head above it there)."""
    found = []
    for page in pages:
        above: tuple | None = None
        shown = []
        for row in page:
            above = next((head for head in heads if row[:len(head)] == head), above)
            if isinstance(row[0], int):
                shown.append(above)
        found.append(shown)
    return found


def test_each_printed_page_of_the_posted_list_shows_its_list_s_head(books):
    ws = openpyxl.load_workbook(books["public"])[sx.S_PUBLIC]
    pages = _pages(ws)
    assert len(pages) >= 3
    shown = _heads_of_lines(pages, (sx.PUBLIC_HEAD, sx.PUBLIC_HEAD_COLLECTIVE))
    rows = [row for page in pages for row in page if isinstance(row[0], int)]
    for row, head in zip(rows, (head for page in shown for head in page), strict=True):
        unit = str(row[1]).startswith(("Tổ chuyên môn", "Tổ khối"))
        assert head == (sx.PUBLIC_HEAD_COLLECTIVE if unit else sx.PUBLIC_HEAD), row
    last = pages[-1]
    assert [row[0] for row in last if isinstance(row[0], int)][-2:] == [UNITS, UNITS + 1]  # with the signature
    assert any(sx.SIGN_HEAD[0] in str(cell) for row in last for cell in row)


def test_the_special_awards_head_is_printed_on_every_page_and_the_signature_with_the_last_lines(books):
    ws = openpyxl.load_workbook(books["summary"])[sx.S_SPECIAL]
    rows = [tuple(cell.value for cell in row) for row in ws.iter_rows()]
    head = next(n for n, row in enumerate(rows, start=1) if row[:len(sx.SPECIAL_HEAD)] == sx.SPECIAL_HEAD)
    assert ws.print_title_rows == f"${head}:${head}"
    pages = _pages(ws)
    assert len(pages) >= 3
    last = pages[-1]
    assert [row[0] for row in last if isinstance(row[0], int)][-2:] == [AWARDS - 1, AWARDS]
    assert any(sx.SIGN_MAKER[0] in str(cell) for row in last for cell in row)


def _sheet_pages(pages: list[str], first_title: str, next_title: str) -> list[str]:
    """The printed pages of one sheet: from the page of its title to the page before the next sheet's."""
    flat = [" ".join(page.split()) for page in pages]
    first = next(n for n, page in enumerate(flat) if first_title in page)
    after = next(n for n, page in enumerate(flat) if n > first and next_title in page)
    return flat[first:after]


@pytest.mark.libreoffice
def test_libreoffice_prints_each_list_s_own_head_on_each_of_its_pages(books, tmp_path):
    """Rendered by LibreOffice: each page of the special awards, the posted people and the posted units shows its
    list's head."""
    from tests.libreoffice import require_libreoffice
    from thidua_xlsx.system.office import convert

    require_libreoffice()
    pages = pdf_pages(convert(books["summary"], "pdf", tmp_path))
    special = _sheet_pages(pages, sx.SPECIAL_TITLE.format(year=YEAR), sx.TALLY_TITLE.format(year=YEAR))
    assert len(special) >= 3 and all(sx.SPECIAL_HEAD[1] in page for page in special)
    posted = [" ".join(page.split()) for page in pdf_pages(convert(books["public"], "pdf", tmp_path))]
    assert len(posted) >= 3
    head_people, head_units = sx.PUBLIC_HEAD[2], sx.PUBLIC_HEAD_COLLECTIVE[3]  # "Chức vụ", "Tổ trưởng"
    assert [n for n, page in enumerate(posted, start=1) if "Người" in page and head_people not in page] == []
    assert [n for n, page in enumerate(posted, start=1) if "chuyên môn số" in page and head_units not in page] == []
