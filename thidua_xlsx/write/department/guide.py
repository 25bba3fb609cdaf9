"""The "Hướng dẫn" sheet: how to fill in the workbook and where to send it, on one printed page."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import workbook as tx
from thidua_xlsx.write import engine
from thidua_xlsx.write.department.book import DepartmentBook, height


def guide_sheet(book: DepartmentBook) -> None:
    ws = book.wb.add_worksheet(ly.GUIDE_SHEET)
    engine.page_setup(ws, pages_down=1, widths=(100,))  # the guide on one page
    ws.protect(book.c.settings.sheet_password)
    s = book.c.school
    deadline = s.registration_deadline if book.round == ly.REGISTRATION else s.scoring_deadline
    lines = tx.guide_lines(book.round, book.dept.name, s, deadline, book.c.settings.facts_source)
    ws.write_string(0, 0, lines[0], book.f["title"])
    for r, line in enumerate(lines[1:], start=2):
        ws.write_string(r, 0, line, book.f["plain"])
        ws.set_row(r, height(line, 100))
