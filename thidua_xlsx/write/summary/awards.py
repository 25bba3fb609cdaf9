"""The awards beside the year's titles: the multi-year ones the history gives (sheet "Khen thưởng nhiều năm": CSTĐ cấp
tỉnh, Bằng khen, Kỷ niệm chương, each with the years it used), and the đột xuất and chuyên đề list (sheet "Khen đột
xuất"), signed like the others and never counted toward the titles or the higher awards (NĐ 152/2025 điều 4 khoản 3)."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.history import KNC_GD, HistoryResults
from thidua_xlsx.model.results import Decision
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.engine import name_width
from thidua_xlsx.write.summary.book import Book
from thidua_xlsx.write.summary.content import special_rows

SPECIAL_STYLES = ["center", "text", "text", "text", "text", "text", "text"]


def special_sheet(book: Book, campaign: cm.Campaign) -> None:
    """One table: its head printed again at the top of every page (print titles), the signature kept on the page of
    the table's last two lines."""
    widths = (5, 28, name_width(21, [d.name for d in campaign.departments]), 11, 38, 24, 16)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_SPECIAL, widths, landscape=True, page_breaks=True)
    rows = special_rows(campaign)
    row = book.header(ws, last_col, 3)
    row = book.title(ws, row, last_col, sx.SPECIAL_TITLE.format(year=book.year),
                     sx.SPECIAL_SUBTITLE.format(school=book.school.name, count=len(rows)))
    table = [[n, *r] for n, r in enumerate(rows, start=1)] or [[None, sx.NONE_ROW]]
    head, last = book.table(ws, row - 1, sx.SPECIAL_HEAD, table, SPECIAL_STYLES, data_table=False)
    ws.repeat_rows(head)
    end = book.sign_pair(ws, last + 2, last_col, sx.SIGN_MAKER, book.school.secretary, sx.SIGN_HEAD,
                         book.school.principal)
    book.keep_together(ws, [(max(head + 1, last - 1), end, 0)], repeat=(head,))


HISTORY_STYLES = ["center", "text", "text", "text", "center", "text", "text"]


def history_sheet(book: Book, campaign: cm.Campaign, history: HistoryResults) -> None:
    """Every multi-year decision, people then departments: the award, proposed or not (or not known), the years
    it used and its reasons — for the council; the proposals among them go to the authority."""
    widths = (5, 22, name_width(16, [d.name for d in campaign.departments]), 22, 12, 16, 60)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_HISTORY, widths, landscape=True)
    departments = {d.code: d.name for d in campaign.departments}
    rows = [[p.name, departments.get(p.department, ""), *_decision_cells(d)]
            for p in campaign.staff for d in history.people.get(p.code, ()) if _worth_listing(d)]
    rows += [[sx.SPECIAL_COLLECTIVE.format(name=departments.get(code, code)), "", *_decision_cells(d)]
             for code in departments for d in history.departments.get(code, ())]
    row = book.title(ws, 0, last_col, sx.HISTORY_TITLE.format(year=book.year),
                     sx.HISTORY_SUBTITLE.format(count=history.proposed, sources=", ".join(history.sources) or "—"))
    table = [[n, *r] for n, r in enumerate(rows, start=1)] or [[None, sx.NONE_ROW]]
    book.table(ws, row - 1, sx.HISTORY_HEAD, table, HISTORY_STYLES)


def _worth_listing(d: Decision) -> bool:
    """A medal refused is one received already (those short of the years have no decision): in the JSON, not on
    the council's sheet, where 30 veterans would bury the proposals."""
    return d.title != KNC_GD or d.granted or d.pending


def _decision_cells(d: Decision) -> list:
    verdict = sx.HISTORY_PENDING if d.pending else sx.HISTORY_VERDICT[d.granted]
    return [title_name(d.title), verdict, ", ".join(d.years), d.reason]
