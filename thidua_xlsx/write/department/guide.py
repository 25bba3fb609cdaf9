"""The "Hướng dẫn" sheet: how to fill in the workbook and where to send it, by when (a period's workbook: the
period's own deadline, sheet Kỳ đánh giá), on one printed page."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import engine
from thidua_xlsx.write.department.book import DepartmentBook, height

# As wide as A4 portrait holds at 12 points between the decree's margins: LibreOffice does not scale a sheet of one
# column to the page width, and printed a wider guide cut at the right margin.
WIDTH = 84


def guide_sheet(book: DepartmentBook) -> None:
    ws = book.wb.add_worksheet(ly.GUIDE_SHEET)
    engine.page_setup(ws, pages_down=1, widths=(WIDTH,))  # the guide on one page
    ws.protect(book.c.settings.sheet_password)
    s, period = book.c.school, book.period
    if book.round == ly.REGISTRATION:
        deadline = s.registration_deadline
    elif period is not None:  # a period's workbook is due by the period's deadline, not the year's
        deadline = period.deadline.isoformat() if period.deadline else ""
    else:
        deadline = s.scoring_deadline
    lines = wx.guide_lines(book.round, book.dept.name, s, deadline, book.c.settings.facts_source, period)
    ws.write_string(0, 0, lines[0], book.f["title"])
    for r, line in enumerate(lines[1:], start=2):
        ws.write_string(r, 0, line, book.f["plain"])
        ws.set_row(r, height(line, WIDTH))
