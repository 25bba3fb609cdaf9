"""A list that runs onto another printed page shows its column header there too, on the sheets that hold several lists
one under another (the school's "Đề nghị khen thưởng", the commune's "Danh sách"): Excel and LibreOffice repeat one
range of rows per sheet, so the head is written again where the tool ends a page inside a list. The readers of these
sheets take it for what it is: the commune reads the school's list as the school wrote it, and the officer's marks
land on the lines they are beside."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from tests.pdf_pages import pdf_pages
from tests.summaries import make_summary
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.read.own_summary import open_book, summary_record_in
from thidua_xlsx.read.school_lists import list_check
from thidua_xlsx.text import commune as lx
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary import write_summary
from thidua_xlsx.write.summary.book import Book, open_workbook

COMMUNE = Path(__file__).resolve().parents[2] / "samples" / "cap-xa"
MANY = 60  # people proposed Lao động tiên tiến: three landscape pages and more


def _pages(ws) -> list[list[tuple]]:
    """The sheet's rows (values) as printed: cut at its manual page breaks (the tool ends every page with one)."""
    rows = [tuple(cell.value for cell in row) for row in ws.iter_rows()]
    cuts = [0, *sorted(b.id for b in ws.row_breaks.brk), len(rows)]
    return [rows[a:b] for a, b in zip(cuts, cuts[1:])]


def _numbered(row: tuple) -> bool:
    return isinstance(row[0], int)


def _headless(pages: list[list[tuple]], head: tuple[str, ...]) -> list[int]:
    """The pages (from 1) showing lines of a list with no header row above the first of them."""
    found = []
    for n, page in enumerate(pages, start=1):
        lines = [k for k, row in enumerate(page) if _numbered(row)]
        heads = [k for k, row in enumerate(page) if row[:len(head)] == head]
        if lines and not (heads and heads[0] < lines[0]):
            found.append(n)
    return found


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> Path:
    """A small school's summary (one CSTĐCS) with :data:`MANY` more people proposed Lao động tiên tiến."""
    summary = make_summary()
    proposed = next(p for p in summary.people if p.code == "NV01")  # granted LĐTT
    many = [replace(proposed, code=f"L{n:03d}", name=f"Nguyễn Văn Người {n:03d}", registered=LDTT)
            for n in range(MANY)]
    path = tmp_path_factory.mktemp("truong") / "tong-hop.xlsx"
    write_summary(replace(summary, people=summary.people + tuple(many)), path)
    return path


def test_every_printed_page_of_a_school_s_list_shows_its_header_and_the_commune_reads_it_as_written(school):
    ws = openpyxl.load_workbook(school)[sx.S_PROPOSAL]
    pages = _pages(ws)
    assert len(pages) >= 3
    assert _headless(pages, sx.PROPOSAL_HEAD) == []
    copies = [n for n, page in enumerate(pages, start=1) if page[0][:len(sx.PROPOSAL_HEAD)] == sx.PROPOSAL_HEAD]
    assert copies  # the LĐTT list goes on over pages, each begun by its head
    rows = list(ws.iter_rows(values_only=True))
    lists = sum(1 for row in rows if str(row[0]).startswith("DANH SÁCH ĐỀ NGHỊ"))
    heads = sum(1 for row in rows if row[:len(sx.PROPOSAL_HEAD)] == sx.PROPOSAL_HEAD)
    assert heads == lists + len(copies)  # a head within a page only under its list's title
    ldtt = [row for row in rows if _numbered(row) and row[6] == "Lao động tiên tiến"]
    assert [row[0] for row in ldtt] == list(range(1, len(ldtt) + 1)) and len(ldtt) > MANY
    book = open_book(school.read_bytes())
    record = summary_record_in(book)
    assert record is not None
    assert list_check(book, record[0]) == (False, ())  # no line added, none lost, no row that is no line


def test_a_short_list_s_title_goes_to_the_next_page_with_its_line_and_signature(tmp_path):
    """A list of one line whose title, head and line would end a page and whose signature would not fit under them:
    the title moves to the next page with them (no title and head left alone at a page's foot)."""
    widths = (20.0,) * 5
    path = tmp_path / "ngan.xlsx"
    book = Book(open_workbook(path), cm.School("Trường A", "UBND X", "X", "2025-2026", ""))
    ws = book.sheet("Danh sách", widths, landscape=True, page_breaks=True)
    signature = (2 + book.sign_pair_rows(sx.SIGN_MAKER, sx.SIGN_HEAD)) * engine.DEFAULT_ROW_PT
    filled = int((engine.page_room(widths, True) - signature) // 20)  # rows of 20 points: the rest holds no signature
    for row in range(filled):
        book.text(ws, row, 0, 4, f"Dòng {row}", "note")
        book.row(ws, row, 20)
    book.text(ws, filled, 0, 4, "DANH SÁCH", "title")
    head, last, copies = book.list_table(ws, filled + 1, ("STT", "Họ và tên", "Chức vụ", "Tổ", "Ghi chú"),
                                         [[1, "Nguyễn Văn A", "Giáo viên", "Tổ 1", None]], ["center", *["text"] * 4],
                                         keep_from=filled, tail=signature)
    book.sign_pair(ws, last + 2, 4, sx.SIGN_MAKER, "Thư ký", sx.SIGN_HEAD, "Hiệu trưởng")
    book.keep_together(ws, [])
    book.wb.close()
    assert copies == [] and (head, last) == (filled + 1, filled + 2)
    assert [b.id for b in openpyxl.load_workbook(path)["Danh sách"].row_breaks.brk] == [filled]


@pytest.fixture(scope="module")
def commune(tmp_path_factory) -> dict:
    """The shipped commune merged (its LĐTT list: 68 lines)."""
    out = tmp_path_factory.mktemp("xa")
    shutil.copytree(COMMUNE, out / "cap-xa", ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx",
                                                                           "xa.json"))
    result = CliRunner().invoke(main, ["merge", str(out / "cap-xa" / "inbox"), "-o", str(out / "xa.xlsx")])
    assert result.exit_code == 0, result.output
    return {"out": out, "inbox": out / "cap-xa" / "inbox", "book": out / "xa.xlsx"}


def test_every_printed_page_of_the_commune_s_lists_shows_their_header(commune):
    pages = _pages(openpyxl.load_workbook(commune["book"])[lx.S_LISTS])
    assert len(pages) >= 3
    assert _headless(pages, lx.LISTS_HEAD) == []
    assert any(page[0][:len(lx.LISTS_HEAD)] == lx.LISTS_HEAD for page in pages)


def test_the_officer_takes_off_a_line_below_a_repeated_header(commune):
    """The first line of a page begun by a copy of the head: unticked with a reason, that line is taken off — the
    officer's book records each line's row past the copies."""
    out = commune["out"]
    wb = openpyxl.load_workbook(commune["book"])
    ws = wb[lx.S_LISTS]
    pages = _pages(ws)
    starts = [sum(len(page) for page in pages[:n]) + 1 for n in range(1, len(pages))]  # rows, from 1
    copies = [r for r in starts if tuple(c.value for c in ws[r])[:len(lx.LISTS_HEAD)] == lx.LISTS_HEAD]
    assert copies
    line = ws[copies[0] + 1]
    line[5].value, line[6].value = None, "Chưa đủ minh chứng"
    wb.save(out / "duyet.xlsx")
    result = CliRunner().invoke(main, ["merge", str(commune["inbox"]), "--council", str(out / "duyet.xlsx"),
                                       "-o", str(out / "sau.xlsx"), "--json", str(out / "sau.json")])
    assert result.exit_code == 0, result.output
    removed = json.loads((out / "sau.json").read_text("utf-8"))["removed"]
    assert [r["reason"] for r in removed] == ["Chưa đủ minh chứng"]
    said = " ".join(result.output.split())
    assert f"{line[1].value} ({line[3].value}) được bỏ khỏi danh sách" in said


@pytest.mark.libreoffice
def test_libreoffice_prints_the_header_on_every_page_of_the_commune_s_lists(commune, tmp_path):
    """Rendered by LibreOffice: every page of sheet Danh sách shows the head's words."""
    from tests.libreoffice import require_libreoffice
    from thidua_xlsx.system.office import convert

    require_libreoffice()
    pages = pdf_pages(convert(commune["book"], "pdf", tmp_path))
    first = next(n for n, page in enumerate(pages) if lx.LISTS_TITLE.format(year="2025-2026").upper() in page)
    after = next(n for n, page in enumerate(pages) if lx.CHECK_TITLE in page)
    assert after - first >= 3
    assert [n - first + 1 for n in range(first, after) if lx.LISTS_HEAD[1] not in pages[n]] == []
