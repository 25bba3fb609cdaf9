"""Workbooks saved by Microsoft Excel itself (tests/excel_books/: files Excel made for XlsxWriter's comparison tests,
taken by tools/build_excel_books.py) go through the reader's checks as they would arrive. The inbox's and a school's
bounds accept every one — none called too big, a zip bomb, damaged or encrypted —, and what the reader's own small
parsers say of each (its sheets' names, the rows and columns hidden where something is in them, the cells holding a
formula) is what openpyxl, a full reader, finds in the same file; the number formats Excel writes for a plain date or
time are plain, those that show more than the value are told."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest

from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.containment import INBOX, SCHOOL, check_workbook, read_own_book, sheet_names
from thidua_xlsx.read.inflating import Unzipped
from thidua_xlsx.read.sheet_views import SheetView, sheet_views

EXCEL = Path(__file__).resolve().parents[1] / "excel_books"
BOOKS = sorted(p.name for p in EXCEL.glob("*.xls[xm]"))
KEPT = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")


def _views(path: Path) -> dict[str, SheetView]:
    """What the reader sees of each sheet of ``path``, read as a school's summary is (its bounds, its parts kept)."""
    unzipped, problems = Unzipped(kept=KEPT), Problems()
    data = read_own_book(path, problems, "summary.unreadable", SCHOOL, unzipped)
    assert data is not None and not list(problems), [p.render() for p in problems]
    return sheet_views(data, unzipped, sheet_names(data, unzipped.parts).values())


def _openpyxl(path: Path):
    with warnings.catch_warnings():  # openpyxl warns of what it does not read (data validation extensions)
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


def _filled(sheet) -> tuple[set[int], set[int]]:
    """The rows and columns (from 0) of ``sheet`` with a value in them."""
    cells = [(c.row - 1, c.column - 1) for row in sheet.iter_rows() for c in row if c.value not in (None, "")]
    return {r for r, _ in cells}, {c for _, c in cells}


def _hidden(sheet) -> tuple[set[int], set[int]]:
    rows = {r - 1 for r, d in sheet.row_dimensions.items() if d.hidden}
    columns = {k - 1 for d in sheet.column_dimensions.values() if d.hidden for k in range(d.min, d.max + 1)}
    return rows, columns


@pytest.mark.parametrize("name", BOOKS)
def test_the_bounds_accept_every_book_excel_saved(name):
    path = EXCEL / name
    assert check_workbook(path, path.read_bytes(), path.suffix, {}) is None  # as a department's book in the inbox
    assert INBOX.rows >= 5000 and INBOX.columns >= 64  # the bounds the README states are the ones tested here
    _views(path)  # as a school's summary at the commune


@pytest.mark.parametrize("name", BOOKS)
def test_what_the_reader_sees_of_an_excel_book_is_what_openpyxl_reads(name):
    path = EXCEL / name
    views, book = _views(path), _openpyxl(path)
    assert list(views) == book.sheetnames
    for sheet in book.worksheets:
        view, (rows, columns), (hidden_rows, hidden_columns) = views[sheet.title], _filled(sheet), _hidden(sheet)
        assert view.hidden_rows == hidden_rows & rows, sheet.title
        assert view.hidden_columns == hidden_columns & columns, sheet.title
        formulas = {(c.row - 1, c.column - 1) for row in sheet.iter_rows() for c in row if c.data_type == "f"}
        assert set(view.formulas) == formulas, sheet.title


def test_excel_books_show_hidden_rows_and_formulas_so_the_comparison_above_is_not_empty():
    seen = {name: _views(EXCEL / name) for name in ("autofilter02.xlsx", "outline02.xlsx", "escapes01.xlsx")}
    assert len(seen["autofilter02.xlsx"]["Sheet1"].hidden_rows) > 10  # rows an autofilter hides
    assert seen["outline02.xlsx"]["Collapsed Rows"].hidden_rows  # a collapsed outline
    assert len(seen["escapes01.xlsx"]["5&4"].formulas) == 6


@pytest.mark.parametrize("name", ["date_examples01.xlsx", "default_date_format01.xlsx", "format19.xlsx"])
def test_a_date_or_time_format_as_excel_writes_it_is_plain(name):
    """Excel escapes a date's separators ("d\\-m\\-yyyy", "dd/mm/yy\\ hh:mm") and gives its time a text section
    ("hh:mm;@"): the value is shown as it is, nothing to tell."""
    assert all(not view.formats for view in _views(EXCEL / name).values())


@pytest.mark.parametrize(("name", "code"), [("escapes06.xlsx", '[Red]0.0%\\ "a"'), ("utf8_09.xlsx", "[$¥-411]#,##0.00"),
                                            ("table14.xlsx", "0.00;[Red]0.00")])
def test_a_format_excel_wrote_that_shows_more_than_the_value_is_told(name, code):
    assert code in _views(EXCEL / name)["Sheet1"].formats.values()
