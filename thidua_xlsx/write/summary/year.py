"""The year summary's "Xếp loại năm" sheet (``thidua-xlsx year``): every person's period scores side by side, the
year's score and rating with the reasons citing NĐ 233/2026, and the council's columns (read back by ``--council``
as on "Điểm chi tiết", which a year summary does not have: its scores are the periods', not the criteria's)."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.evaluation import NOT_RATED, YearResults
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as tx
from thidua_xlsx.write.engine import cell_lines, row_height
from thidua_xlsx.write.summary.book import PROTECTED, Book
from thidua_xlsx.write.summary.content import remarks
from thidua_xlsx.write.summary.tables import council_inputs

PERIOD_WIDTH = 7


def year_sheet(book: Book, people: list[PersonResult], year: YearResults, campaign: cm.Campaign) -> None:
    periods = year.periods
    first, last = tx.YEAR_HEAD_FIRST, tx.YEAR_HEAD_LAST
    widths = (5, 8, 22, 13, *(PERIOD_WIDTH,) * len(periods), 7, 8, 10, 10, 9, 14, 16, 10, 52)
    ws = book.sheet(tx.S_YEAR, widths, landscape=True)
    last_col = len(widths) - 1
    row = book.title(ws, 0, last_col, tx.YEAR_TITLE.format(year=book.year), tx.YEAR_NOTE.format(
        used=len(year.used), total=len(periods),
        missing=", ".join(p.label for p in year.missing) or tx.YEAR_NONE_MISSING))
    heads = (*first, *(p.label for p in periods), *last)
    tail = len(first) + len(periods)
    council = {tail + 4, tail + 5, tail + 6}
    for col, text in enumerate(heads):
        book.put(ws, row, col, text, "council_head" if col in council else "head")
    book.row(ws, row, row_height(max(cell_lines(h, widths[c] * 0.85) for c, h in enumerate(heads))))
    styles = ["center", "center", "text", "text", *["num"] * len(periods), "center", "num", "center", "center",
              "council", "council", "council", "center", "text"]
    r = row
    for n, p in enumerate(people, start=1):
        r = row + n
        rating = year.ratings.get(p.code)
        scores = year.scores.get(p.code, {})
        values = [n, p.code, p.name, p.department_name,
                  *(scores[c.code] if scores.get(c.code) is not None else tx.YEAR_NO_SCORE for c in periods),
                  f"{len(rating.used)}/{len(periods)}" if rating else "", rating.score if rating else None,
                  _rating(rating.computed) if rating else "",
                  _rating(rating.rating) if rating and rating.entered else "",
                  p.council_score, title_name(p.council_decision), p.council_note,
                  _rating(rating.rating) if rating else "",
                  remarks(p, rating.reason if rating else "", *(f.text for f in p.flags))]
        for col, value in enumerate(values):
            book.put(ws, r, col, value, styles[col])
        book.row(ws, r, row_height(max(cell_lines(values[c] or "", widths[c]) for c in (2, 3, last_col))))
    ws.freeze_panes(row + 1, 3)
    ws.autofilter(row, 0, max(r, row), last_col)
    ws.repeat_rows(row)
    if people:
        council_inputs(ws, row + 1, r, tail + 4, tail + 5, campaign, 100)
    ws.protect("", PROTECTED)


def _rating(code: str) -> str:
    return tx.YEAR_NOT_RATED if code == NOT_RATED else code
