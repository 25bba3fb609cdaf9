"""The spare forms for a newcomer ("Người mới 1…") print only once a department head unhides one: LibreOffice prints a
hidden sheet that has a print area (Excel never prints a hidden sheet), so an unused spare form would come out of the
whole book's print or PDF as pages of a blank form. Unhidden and filled, a spare form prints as a person's form: on at
most two pages, one page wide, with its signatures, without the count of blank cells ("còn trống") below them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.filling import fill, forms, person_values
from tests.libreoffice import require_libreoffice
from tests.pdf_pages import pdf_pages
from tests.scoring_round import scoring_round
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import workbook as wx

NEWCOMER = ("Trần Văn Mới", "Giáo viên")
SCORES: dict[str, object] = {"I.1": 9, "I.2": 8, "II.1": 40}


@pytest.fixture(scope="module")
def issued(tmp_path_factory) -> Path:
    """Tổ khối 1's scoring book as issued: its people's forms, its spare forms hidden."""
    _, (book, _t2) = scoring_round(tmp_path_factory.mktemp("spare") / "round")
    return book


def _form_pages(pages: list[str], first: int) -> list[str]:
    """The pages of the form whose first page is ``pages[first]``: those that follow under its table's head, up to
    the next form's title."""
    found = [pages[first]]
    for page in pages[first + 1:]:
        if wx.SCORE_TITLE in page or wx.SCORE_HEADERS[1] not in page:
            break
        found.append(page)
    return found


def _first_page(pages: list[str], marker: str) -> int:
    """The first page of the form showing ``marker`` beside "Mã số:" ("Tổng hợp tổ" shows a person's code too)."""
    return next(n for n, page in enumerate(pages) if wx.SCORE_TITLE in page and marker in page)


def test_a_spare_form_waits_hidden_without_a_print_area_its_count_in_a_hidden_row(issued):
    wb = load_workbook(issued)
    spare = forms(issued, spare=True)
    assert spare
    for rec in spare:
        ws = wb[rec.name]
        count_row = next(r for r in range(rec.total_row, ws.max_row + 1) if ws[f"B{r}"].value == wx.L_MISSING)
        assert ws.sheet_state == "hidden" and not ws.print_area, rec.name
        assert ws.row_dimensions[count_row].hidden, rec.name
        assert (ws.page_setup.fitToWidth in (None, 1), ws.page_setup.fitToHeight) == (True, 2)
    for rec in forms(issued, spare=False):
        assert wb[rec.name].print_area, rec.name


@pytest.mark.libreoffice
def test_the_whole_book_prints_no_page_of_an_unused_spare_form(issued, tmp_path):
    require_libreoffice()
    pages = pdf_pages(convert(issued, "pdf", tmp_path))
    people, spare = forms(issued, spare=False), forms(issued, spare=True)
    assert not [n for n, page in enumerate(pages, 1) if wx.SCORE_TITLE in page and any(rec.marker in page
                                                                                       for rec in spare)]
    assert sum(wx.SCORE_TITLE in page for page in pages) == len(people)


@pytest.mark.libreoffice
def test_an_unhidden_spare_form_prints_as_a_persons_form(issued, tmp_path):
    require_libreoffice()
    rec = forms(issued, spare=True)[0]
    person = forms(issued, spare=False)[0]
    unhidden = tmp_path / "unhidden.xlsx"
    shutil.copy(issued, unhidden)
    wb = load_workbook(unhidden)
    wb[rec.name].sheet_state = "visible"  # as the guide says: right-click a sheet's tab → Unhide
    wb.save(unhidden)
    typed = person_values(rec, SCORES, SCORES, name=NEWCOMER[0], position=NEWCOMER[1])
    fill(unhidden, tmp_path / "filled.xlsx", typed)
    pages = pdf_pages(convert(tmp_path / "filled.xlsx", "pdf", tmp_path))
    printed, persons = (_form_pages(pages, _first_page(pages, form.marker)) for form in (rec, person))
    assert NEWCOMER[0] in printed[0]
    assert len(printed) == len(persons) <= 2  # one page wide: a second column of pages would be more pages
    text = "\n".join(printed)
    assert wx.SIGN_PERSON.upper() in text and wx.SIGN_HEAD.upper() in text
    assert wx.L_MISSING not in text
