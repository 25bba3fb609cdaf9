"""The awards outside the year's titles: the đột xuất and chuyên đề list (sheet "Khen đột xuất"), its own list
signed like the others and never counted toward the titles or the higher awards (NĐ 152/2025 điều 4 khoản 3)."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.text import summary as tx
from thidua_xlsx.write.summary.book import Book
from thidua_xlsx.write.summary.content import special_rows

SPECIAL_STYLES = ["center", "text", "text", "text", "text", "text", "text"]


def special_sheet(book: Book, campaign: cm.Campaign) -> None:
    widths = (5, 28, 21, 11, 38, 24, 16)
    last_col = len(widths) - 1
    ws = book.sheet(tx.S_SPECIAL, widths, landscape=True)
    rows = special_rows(campaign)
    row = book.header(ws, last_col, 3)
    row = book.title(ws, row, last_col, tx.SPECIAL_TITLE.format(year=book.year),
                     tx.SPECIAL_SUBTITLE.format(school=book.school.name, count=len(rows)))
    table = [[n, *r] for n, r in enumerate(rows, start=1)] or [[None, tx.NONE_ROW]]
    _, last = book.table(ws, row - 1, tx.SPECIAL_HEAD, table, SPECIAL_STYLES, data_table=False)
    book.sign_pair(ws, last + 2, last_col, tx.SIGN_MAKER, book.school.secretary, tx.SIGN_HEAD, book.school.principal)
