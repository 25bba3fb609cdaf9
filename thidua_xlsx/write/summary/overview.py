"""The "Tổng hợp" sheet: one row per department and the school's total, and a chart of them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from thidua_xlsx.model.inbox import ACCEPTED
from thidua_xlsx.model.results import DepartmentResult, PersonResult, Summary
from thidua_xlsx.model.titles import CSTDCS, LDTT, is_registered
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.workbook import period_text
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.engine import FONT
from thidua_xlsx.write.summary.book import Book
from thidua_xlsx.write.summary.content import criteria_line, date_words, rule_set_line, score_cell

# the chart's size in pixels, and its height in points: low enough to share the table's page where a school's
# departments leave room (6 departments and the year's words on each: one landscape page, not two)
CHART_PX = (760, 220)
CHART_PT = CHART_PX[1] * 0.75 + 6


def levels(summary: Summary) -> list[str]:
    """Classification levels of the campaign, then any other value found (e.g. "Không xếp loại")."""
    names = [lv.name for lv in summary.campaign.classification] if summary.campaign else []
    extra = [p.classification for p in summary.people if p.classification and p.classification not in names]
    return names + list(dict.fromkeys(extra))


def overview_sheet(book: Book, summary: Summary, by_dept: dict[str, list[PersonResult]], scoring: bool) -> None:
    """A period's overview counts its ratings, not titles (the titles are the year's)."""
    s = summary
    found = levels(s)
    titled = scoring and not s.period
    heads, widths, series_cols, titles = _columns(s, found, scoring, titled)
    last_col = len(heads) - 1
    widths = (engine.name_width(widths[0], [d.name for d in s.departments]), *widths[1:])
    ws = book.sheet(sx.S_OVERVIEW, widths, landscape=True, page_breaks=True)
    row = book.header(ws, last_col, (last_col + 1) // 2)
    title = (sx.OVERVIEW_TITLE_PERIOD if s.period else sx.OVERVIEW_TITLE) if scoring else sx.OVERVIEW_TITLE_REG
    row = book.title(ws, row, last_col, title.format(year=book.year, period=s.period_label.upper()),
                     _subtitle(s, scoring))
    sent = {d.code: _sent(s, d) for d in s.departments}
    rows = [_row(d.name, by_dept[d.code], sent[d.code][0], title_name(d.proposed if scoring else d.collective),
                 titles, found, scoring, titled)
            for d in s.departments]
    head, last = book.table(ws, row, heads, rows, _styles(len(heads), scoring, titled), data_table=False)
    submitted = sum(whole for _, whole in sent.values())
    collective_total = sum(1 for d in s.departments
                           if (d.proposed if scoring else is_registered(d.collective)))
    total = _row(sx.SCHOOL_TOTAL, s.people, f"{submitted}/{len(s.departments)}", collective_total, titles, found,
                 scoring, titled)
    total_row = last + 1
    _total(book, ws, total_row, total, scoring)
    ws.freeze_panes(head + 1, 0)
    ws.autofilter(head, 0, max(last, head), last_col)
    if _table_breaks(book, ws, head, total_row):  # its head again on the next pages; not above a chart alone
        ws.repeat_rows(head)
    source = rows if scoring else [total]
    peak = max((r[c] for r in source for c in series_cols if r[c] is not None), default=0)
    _chart(book, ws, head, last, total_row, series_cols, peak, scoring)


def _columns(s: Summary, found: list[str], scoring: bool,
             titled: bool) -> tuple[list[str], tuple, list[int], list[str]]:
    """The table's heads, their widths, the columns the chart draws and (a registration round) the titles
    registered, by code: the campaign's, then any other a person registered."""
    if scoring:
        first = sx.OVERVIEW_HEAD_YEAR if s.year is not None else sx.OVERVIEW_HEAD
        heads = [*first, *sx.OVERVIEW_HEAD_SCORING, *found, *(sx.OVERVIEW_HEAD_TITLES if titled else ())]
        # a year's "Kỳ đã nộp" says the periods over and those missing ("1/2 kỳ đã hết; thiếu: Tháng 10/2026"): wide
        # enough for two lines, not three or more — rows that tall spread a few departments over several pages
        widths = (24, 8, 9 if s.year is None else 22, 8, 10, *(11,) * len(found), *((8, 9, 22) if titled else ()))
        return heads, widths, list(range(5, 5 + len(found))), []
    titles = list(s.campaign.titles.individual) if s.campaign else []
    titles += list(dict.fromkeys(p.registered for p in s.people if p.has_registered and p.registered
                                 not in titles))
    heads = [*sx.OVERVIEW_HEAD, *map(title_name, titles), sx.OVERVIEW_HEAD_REG_BLANK,
             sx.OVERVIEW_HEAD_REG_COLLECTIVE]
    return heads, (24, 8, 9, *(13,) * (len(titles) + 1), 24), list(range(3, 4 + len(titles))), titles


def _subtitle(s: Summary, scoring: bool) -> str:
    """Where the figures come from (or that no book was used), then in a scoring round the criteria and the rule
    set, the period with its dates first."""
    used = [f for f in s.files if f.status == ACCEPTED]
    subtitle = _source_line(s, len(used), date_words(s.newest_input)) if used and s.newest_input else \
        sx.OVERVIEW_SUBTITLE_EMPTY
    if scoring:
        subtitle = ". ".join(part for part in (subtitle, criteria_line(s), rule_set_line(s.campaign)) if part)
    if s.period:
        subtitle = f"{period_words(s)}. {subtitle}"
    return subtitle


def _styles(columns: int, scoring: bool, titled: bool) -> list[str]:
    """Each column's cell style: the name as text, counts as numbers, the average score to two decimals, the
    collective title (its name) as text."""
    styles = ["text", "num", "center", *["num"] * (columns - 3)]
    if scoring:
        styles[4] = "avg"
    if titled or not scoring:
        styles[-1] = "text"
    return styles


def _total(book: Book, ws, total_row: int, total: list, scoring: bool) -> None:
    """The school's total row, under the departments'."""
    for col, value in enumerate(total):
        book.put(ws, total_row, col, value, "total_avg" if scoring and col == 4 else
                 "total" if col == 0 else "total_num")
    book.row(ws, total_row, engine.row_height(1))


def period_words(s: Summary) -> str:
    """The period a summary is of, with its dates: "Kỳ đánh giá: Quý I (01/09/2026 – 30/11/2026)"."""
    period = next((p for p in s.campaign.periods if p.code == s.period), None) if s.campaign else None
    return sx.PERIOD_LINE.format(period=period_text(period) if period else s.period_label)


def _source_line(s: Summary, used: int, date: str) -> str:
    """Where the figures come from (``used`` files, the newest saved on ``date``): the departments' workbooks, or (the
    year's) the periods' summaries."""
    if s.year is not None:
        return sx.OVERVIEW_SUBTITLE_YEAR.format(used=len(s.year.used), total=len(s.year.periods), date=date)
    return sx.OVERVIEW_SUBTITLE.format(files=used, date=date)


def _sent(s: Summary, department: DepartmentResult) -> tuple[str, bool]:
    """What a department sent, in words, and whether it is all: its book (Có / Chưa nộp), or, in a year made from its
    periods, the periods covered whose summary has a score of one of its people ("1/2 kỳ đã hết; thiếu: Tháng
    10/2026"; a period with no summary is missing for every department, a period not over is nobody's to send — unless
    its summary was made all the same: the Biên bản counts what came, YearResults.covered)."""
    year = s.year
    if year is None:
        return (sx.YES_SUBMITTED if department.submitted else sx.NOT_SUBMITTED), department.submitted
    covered = year.covered()
    sent = year.sent.get(department.code, ())
    missing = [p.label for p in covered if p.code not in sent]
    if len(covered) == len(year.periods):
        words = sx.YEAR_SENT_MISSING if missing else sx.YEAR_SENT_ALL
    elif len(covered) == len(year.over()):
        words = sx.YEAR_SENT_OVER_MISSING if missing else sx.YEAR_SENT_OVER
    else:
        words = sx.YEAR_SENT_SO_FAR_MISSING if missing else sx.YEAR_SENT_SO_FAR
    return words.format(sent=len(covered) - len(missing), total=len(covered), missing=", ".join(missing)), \
        department.submitted


def _table_breaks(book: Book, ws, head: int, total_row: int) -> bool:
    """Whether the table from its head to its total row runs over more than one printed page (as estimated for
    the page breaks: :func:`engine.page_breaks`)."""
    breaks = engine.page_breaks(book.heights[ws.name], book.widths[ws.name], xlsx.landscape(ws),
                                [(head, total_row, 0)])
    return any(head < b <= total_row for b in breaks)


def _row(label: str, people: Sequence[PersonResult], submitted: str, collective, titles: list[str], found: list[str],
         scoring: bool, titled: bool) -> list:
    if scoring:
        finals = [p.final for p in people if p.final is not None]
        counts = Counter(p.classification for p in people)
        return [label, len(people), submitted, len(finals),
                score_cell(sum(finals) / len(finals)) if finals else None,
                *(counts[name] if finals else None for name in found),  # nobody scored: not known, never 0
                *((sum(p.granted(LDTT) for p in people), sum(p.granted(CSTDCS) for p in people), collective)
                  if titled else ())]
    counts = Counter(p.registered if p.has_registered else "" for p in people)
    return [label, len(people), submitted, *(counts[t] for t in titles), counts[""], collective]


def _chart(book: Book, ws, head: int, last: int, total_row: int, series_cols: list[int], peak: int,
           scoring: bool) -> None:
    if last <= head or not series_cols:
        return
    font = {"name": FONT, "size": 10}
    chart = book.wb.add_chart({"type": "column"})
    if scoring:  # one series per classification level, departments along the axis
        for col in series_cols:
            chart.add_series({"name": [ws.name, head, col], "categories": [ws.name, head + 1, 0, last, 0],
                              "values": [ws.name, head + 1, col, last, col],
                              "data_labels": {"value": True, "font": font}})
        chart.set_title({"name": sx.CHART_SCORING, "name_font": {**font, "size": 12}})
    else:  # the school's registrations per title
        chart.add_series({"name": [ws.name, total_row, 0],
                          "categories": [ws.name, head, series_cols[0], head, series_cols[-1]],
                          "values": [ws.name, total_row, series_cols[0], total_row, series_cols[-1]],
                          "data_labels": {"value": True, "font": font}})
        chart.set_title({"name": sx.CHART_REGISTRATION, "name_font": {**font, "size": 12}})
    chart.set_x_axis({"num_font": font})
    chart.set_y_axis({"name": sx.CHART_Y, "name_font": font, "num_font": font, "min": 0,
                      "major_unit": max(1, math.ceil(peak / 8)),  # whole people, not 0.5 steps
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_legend({"position": "bottom", "font": font} if scoring else {"none": True})
    chart.set_size({"width": CHART_PX[0], "height": CHART_PX[1]})
    ws.insert_chart(total_row + 2, 0, chart, {"x_offset": 4, "y_offset": 4})
    book.keep_together(ws, [(total_row + 2, total_row + 2, CHART_PT)], repeat=(head,))
