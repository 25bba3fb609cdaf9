"""``lich-su.xlsx``, the history workbook (its layout: model/history_book): made empty (:func:`new_book`), a year
added from a final summary (:func:`with_year`), and saved (:func:`save_history_book`).

A year is added where it stood (a year the tool added before is replaced, in place), the rows of other years
and the secretary's own columns written back as read: their values (a formula as the value it shows, a value merged
down a column in each of its cells); the book's other sheets, its colours, comments and merges are not written
again. Saving never loses the secretary's file: the
book is written whole through a temporary file and a rename, the previous version kept beside it as a dated
copy (``lich-su.2026-06-01.xlsx``), and a book that would come out the same is not touched (running the same
update twice changes nothing).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import xlsxwriter

from thidua_xlsx.model import history as hs
from thidua_xlsx.model.campaign import iso_day
from thidua_xlsx.model.campaign_book import DATE
from thidua_xlsx.model.history_book import (
    DEPARTMENTS,
    INITIATIVES,
    PEOPLE,
    SERVICE,
    TABLES,
    VALIDATION_ROWS,
    YEAR,
    BookMeta,
    HistoryBook,
    SummaryYear,
    Table,
    TableRows,
    YearSource,
    school_year,
)
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.system import files
from thidua_xlsx.text import history as hx
from thidua_xlsx.write import engine


def new_book(school: str = "") -> HistoryBook:
    """An empty history: every table with its headers, no row."""
    return HistoryBook(BookMeta(school), {t.sheet: TableRows(tuple(c.header for c in t.columns)) for t in TABLES})


# --- a year added ---------------------------------------------------------------------------------------------


def with_year(book: HistoryBook, found: SummaryYear) -> HistoryBook:
    """``book`` with the year of ``found`` added: the year's rows the tool wrote before (from the same campaign;
    :func:`~thidua_xlsx.model.history_book.refusal` has said no to any other) replaced where they stood, a
    Thâm niên row added for each person not listed yet (to be filled in), the campaign's Ngày vào ngành
    (``found.starts``) written where a Thâm niên row has none (a day typed there is kept), everything else as it
    was."""
    year, history = found.year, found.history
    replacing = book.meta.source_of(year) is not None
    tables = dict(book.tables)
    # a year recorded before it ended (on purpose: history --final) says so on each of its rows, the periods not
    # final named — the year's rating is made once the year is over (NĐ 233/2026 điều 15 khoản 1 điểm a), and the
    # multi-year titles rest on these rows (decide.history_rules)
    note = hx.NOTE_DRAFT.format(periods=found.draft) if found.draft else None
    people = [_person_row(p) | {"note": note} for p in history.people]
    tables[PEOPLE.sheet] = _placed(_table(book, PEOPLE), people, PEOPLE, lambda row: row["year"] == year, replacing)
    departments = [_department_row(d) | {"note": note} for d in history.departments]
    tables[DEPARTMENTS.sheet] = _placed(_table(book, DEPARTMENTS), departments, DEPARTMENTS,
                                        lambda row: row["year"] == year, replacing)
    initiatives = [_initiative_row(i) for i in history.initiatives]
    tables[INITIATIVES.sheet] = _placed(_table(book, INITIATIVES), initiatives, INITIATIVES,
                                        lambda row: row["used_year"] == year or (not row["used_year"]
                                                                                 and row["year"] == year), replacing)
    service = _started(_table(book, SERVICE), found.starts)
    listed = _keys(service, SERVICE, "code")
    newcomers = [{"code": p.person, "name": p.name, "dob": iso_day(p.dob),
                  "sector_start": iso_day(found.starts.get(p.person, ""))}
                 for p in history.people if p.person.casefold() not in listed]
    tables[SERVICE.sheet] = _placed(service, newcomers, SERVICE, lambda _row: False, False)
    source = YearSource(year, found.campaign_id, found.file, found.sha256, found.draft)
    years = tuple(sorted((*(s for s in book.meta.years if s.year != year), source), key=lambda s: s.year))
    return HistoryBook(replace(book.meta, school=book.meta.school or found.school, years=years), tables)


def _table(book: HistoryBook, table: Table) -> TableRows:
    """The table as read, our headers it lacks added at its right (its rows blank there)."""
    rows = book.tables.get(table.sheet) or TableRows(())
    missing = tuple(c.header for c in table.columns if c.header not in rows.headers)
    if not missing:
        return rows
    return TableRows(rows.headers + missing, tuple(row + (None,) * len(missing) for row in rows.rows))


def _keyed(rows: TableRows, table: Table, row: tuple) -> dict:
    """A row's values by our column key, the years read as school years (None: not one)."""
    values = {c.key: row[rows.headers.index(c.header)] for c in table.columns}
    for c in table.columns:
        if c.kind == YEAR:
            values[c.key] = school_year(str(values[c.key])) if values[c.key] is not None else None
    return values


def _keys(rows: TableRows, table: Table, key: str) -> set[str]:
    return {str(v).strip().casefold() for row in rows.rows if (v := _keyed(rows, table, row)[key]) is not None}


def _started(rows: TableRows, starts: Mapping[str, str]) -> TableRows:
    """The Thâm niên rows, one without a Ngày vào ngành given the campaign's (``starts``: code → ISO day)."""
    by_code = {code.casefold(): day for code, day in starts.items()}
    column = rows.headers.index(hx.SERVICE_HEADERS["sector_start"])
    filled = []
    for row in rows.rows:
        values = _keyed(rows, SERVICE, row)
        day = by_code.get(str(values["code"]).strip().casefold()) if values["sector_start"] in (None, "") else None
        filled.append(row[:column] + (iso_day(day),) + row[column + 1:] if day else row)
    return TableRows(rows.headers, tuple(filled))


def _placed(rows: TableRows, new: list[dict], table: Table, replaced, replacing: bool) -> TableRows:
    """``new`` (values by column key) laid out in the table's headers, where the rows ``replaced`` stood when
    ``replacing`` (else at the end); every other row kept as it was."""
    kept: list[tuple[object, ...]] = []
    at: int | None = None
    for row in rows.rows:
        if replacing and replaced(_keyed(rows, table, row)):
            at = len(kept) if at is None else at
            continue
        kept.append(row)
    header_keys = {c.header: c.key for c in table.columns}
    laid = [tuple(values.get(header_keys[h]) if h in header_keys else None for h in rows.headers) for values in new]
    at = len(kept) if at is None else at
    return TableRows(rows.headers, tuple(kept[:at] + laid + kept[at:]))


def _joined(parts, separator: str) -> str | None:
    return separator.join(parts) or None


def _person_row(p: hs.PersonYear) -> dict:
    return {"year": p.year, "code": p.person, "name": p.name or None, "dob": iso_day(p.dob), "rating": p.rating,
            "titles": _joined(map(title_name, p.titles), ", "), "forms": _joined(p.forms, "; "),
            "special": _joined(p.special, "; "), "discipline": p.discipline,
            "discipline_end": iso_day(p.discipline_end)}


def _department_row(d: hs.DepartmentYear) -> dict:
    return {"year": d.year, "code": d.department, "name": d.name or None,
            "titles": _joined(map(title_name, d.titles), ", "), "forms": _joined(d.forms, "; ")}


def _initiative_row(i: hs.Initiative) -> dict:
    use = i.used[0] if i.used else None
    return {"name": i.name, "author": i.author, "author_name": i.author_name or None, "level": i.level or None,
            "decision": i.decision or None, "decision_date": iso_day(i.decision_date), "year": i.year or None,
            "used_year": use.year if use else None,
            "used_for": (title_name(use.award) if use.kind == hs.USED_FOR_TITLE else use.award) if use else None}


# --- saving -----------------------------------------------------------------------------------------------------


def save_history_book(book: HistoryBook, path: Path, today: dt.date) -> tuple[bool, Path | None]:
    """Write ``book`` to ``path`` whole; the previous file kept beside it as ``<name>.<today>.xlsx`` (or
    ``… (2)``). Returns (written, the copy kept): nothing is written when the file would come out the same."""
    data = book_bytes(book)
    path = Path(path)
    old = path.read_bytes() if path.exists() else None
    if old == data:
        return False, None
    backup = None
    if old is not None:
        backup = _free_backup(path, today, old)
        if not backup.exists():
            with files.replacing(backup) as tmp:
                tmp.write_bytes(old)
    with files.replacing(path) as tmp:
        tmp.write_bytes(data)
    return True, backup


def _free_backup(path: Path, today: dt.date, old: bytes) -> Path:
    """``lich-su.2026-06-01.xlsx``, or the first ``… (n)`` free or already holding ``old``."""
    base, n = path.with_name(f"{path.stem}.{today.isoformat()}{path.suffix}"), 1
    candidate = base
    while candidate.exists() and candidate.read_bytes() != old:
        n += 1
        candidate = base.with_name(f"{base.stem} ({n}){base.suffix}")
    return candidate


def book_bytes(book: HistoryBook) -> bytes:
    """The workbook of ``book`` (xlsxwriter, in memory; fixed document dates so that the same book gives the
    same bytes)."""
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, engine.workbook_options(in_memory=True, default_date_format="dd/mm/yyyy"))
    engine.set_properties(wb, hx.GUIDE_TITLE.format(school=book.meta.school).rstrip(" –"), book.meta.school,
                          engine.FIXED_DATE)
    base = {"font_name": engine.FONT, "font_size": 12, "valign": "top", "text_wrap": True}
    fmt = {
        "head": wb.add_format({**base, "bold": True, "bg_color": engine.HEADER_FILL, "border": 1, "align": "center",
                               "valign": "vcenter"}),
        "cell": wb.add_format({**base, "border": 1}),
        "date": wb.add_format({**base, "border": 1, "num_format": "dd/mm/yyyy", "align": "center"}),
        "title": wb.add_format({**base, "bold": True, "font_size": 14, "text_wrap": False}),
        "text": wb.add_format(base),
    }
    _guide(wb, book, fmt)
    for table in TABLES:
        _table_sheet(wb, table, book.tables.get(table.sheet) or TableRows(tuple(c.header for c in table.columns)),
                     fmt)
    engine.meta_sheet(wb, book.meta.to_json())
    wb.close()
    return buffer.getvalue()


GUIDE_WIDTH = 125


def _guide(wb, book: HistoryBook, fmt) -> None:
    ws = wb.add_worksheet(hx.S_GUIDE)
    engine.page_setup(ws, landscape=True, widths=(GUIDE_WIDTH,))
    title = hx.GUIDE_TITLE.format(school=book.meta.school.upper()).rstrip(" –")
    ws.write_string(0, 0, title, fmt["title"])
    for row, line in enumerate(hx.GUIDE, start=2):
        ws.set_row(row, engine.row_height(engine.cell_lines(line, GUIDE_WIDTH)), fmt["text"])
        ws.write_string(row, 0, line, fmt["text"])


def _table_sheet(wb, table: Table, rows: TableRows, fmt) -> None:
    ws = wb.add_worksheet(table.sheet)
    ours = {c.header: c for c in table.columns}
    widths = tuple(ours[h].width if h in ours else 16 for h in rows.headers)
    engine.page_setup(ws, landscape=table.landscape, widths=widths, footer="&C&P / &N")
    head_lines = max((engine.cell_lines(h, w, bold=True) for h, w in zip(rows.headers, widths)), default=1)
    ws.set_row(0, engine.row_height(head_lines))
    for col, header in enumerate(rows.headers):
        ws.write_string(0, col, header, fmt["head"])
    for r, row in enumerate(rows.rows, start=1):
        # Excel does not grow a row for wrapped text a library wrote: its height is estimated here
        lines = max((engine.cell_lines(v, w) for v, w in zip(row, widths) if isinstance(v, str)), default=1)
        if lines > 1:
            ws.set_row(r, engine.row_height(lines))
        for col, value in enumerate(row):
            _put(ws, r, col, value, fmt["date"] if rows.headers[col] in ours and
                 ours[rows.headers[col]].kind == DATE else fmt["cell"], fmt)
    for col, header in enumerate(rows.headers):
        column = ours.get(header)
        if column is not None and column.choices and len(",".join(column.choices)) <= 255:  # Excel's inline limit
            _check(ws.data_validation(1, col, VALIDATION_ROWS, col, {"validate": "list", "source": list(column.choices),
                                                                     "error_type": "warning"}))
    ws.freeze_panes(1, 0)
    ws.repeat_rows(0)
    ws.autofilter(0, 0, max(len(rows.rows), 1), max(len(rows.headers) - 1, 0))


def _put(ws, row: int, col: int, value, style, fmt) -> None:
    """A value as read written back as such: text stays text, a number a number, a date a date."""
    if value is None or value == "":
        ws.write_blank(row, col, None, style)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, style)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, style)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, fmt["date"])
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt["date"])
    elif isinstance(value, dt.timedelta):  # a time of day typed in a cell (calamine gives a duration)
        ws.write_number(row, col, value.total_seconds() / 86400, style)
    else:
        ws.write_string(row, col, str(value)[:32767], style)


def _check(result) -> None:
    """xlsxwriter reports a refused validation by a return code (and a warning): make it loud."""
    if result not in (None, 0):
        raise AssertionError(f"xlsxwriter refused a data validation ({result})")

