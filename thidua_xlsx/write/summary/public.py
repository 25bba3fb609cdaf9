"""The list posted for the staff (danh sách công khai), a workbook of its own: who is proposed for
which title, and until when comments and complaints are received. Names, positions, departments
and titles only."""

from __future__ import annotations

import datetime as dt

from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary.book import PARAGRAPH_GAP_PT, Book
from thidua_xlsx.write.summary.content import proposal_lists


def public_sheet(book: Book, summary: Summary, posted_on: dt.date, until: dt.date) -> None:
    """The people's list, then the units'; every printed page of a list begins with its head (:meth:`Book.list_table`:
    the sheet's two lists have no print titles), the units' last lines kept on the page of the window and the
    signature below them."""
    names = [d.name for d in summary.departments]  # the people's departments (column 3), the units' names (column 1)
    widths = (6, engine.name_width(28, names), 18, engine.name_width(22, names), 26)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_PUBLIC, widths, page_breaks=True)
    row = book.header(ws, last_col, 2, date=True)
    row = book.title(ws, row, last_col, sx.PUBLIC_TITLE.format(year=book.year).upper(), book.school.name)
    people = [[n, p.name, p.position, p.department_name, title_name(title)]
              for n, (p, title) in enumerate(((p, d.title) for chosen in proposal_lists(summary.people).values()
                                              for p, d in chosen), start=1)]
    book.text(ws, row, 0, last_col, sx.PUBLIC_INDIVIDUAL, "heading")
    _, row, _ = book.list_table(ws, row + 1, sx.PUBLIC_HEAD, people or [[None, sx.NONE_ROW]],
                                ["center", "text", "text", "text", "text"], keep_from=row)
    heads = {d.code: d.head for d in summary.campaign.departments} if summary.campaign else {}
    units = [[n, d.name, d.members, heads.get(d.code, ""), title_name(d.proposed)] for n, d in
             enumerate((d for d in summary.departments if d.proposed), start=1)]
    window = sx.PUBLIC_WINDOW.format(start=posted_on.strftime("%d/%m/%Y"), end=until.strftime("%d/%m/%Y"),
                                     secretary=book.school.secretary or sx.PUBLIC_SECRETARY)
    signature = [engine.sign_block(2, last_col, sx.SIGN_HEAD, sx.SIGN_NOTE_SEAL, book.school.principal)]
    # below the units' list: a row left empty, the window's paragraph, a row left empty, the signature
    window_pt = engine.row_height(engine.cell_lines(window, book.span(ws, 0, last_col))) + PARAGRAPH_GAP_PT
    tail = window_pt + (2 + engine.signature_cells(0, signature, None)[1]) * engine.DEFAULT_ROW_PT
    book.text(ws, row + 2, 0, last_col, sx.PUBLIC_COLLECTIVE, "heading")
    _, row, _ = book.list_table(ws, row + 3, sx.PUBLIC_HEAD_COLLECTIVE, units or [[None, sx.NONE_ROW]],
                                ["center", "text", "center", "text", "text"], keep_from=row + 2, tail=tail)
    row = book.paragraphs(ws, row + 2, last_col, [("body", window)])
    book.signatures(ws, row + 1, signature, date=False)
    book.keep_together(ws, [])
