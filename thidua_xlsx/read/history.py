"""The history read back (docs/domain.md §4c): the secretary's ``lich-su.xlsx`` (:func:`read_history_book`), a final
summary of a year (:func:`read_final_summary`) and a folder of them (:func:`read_summary_folder`). Each gives a
:class:`~thidua_xlsx.model.history.History` plus its problems; none raises on bad content.

The book is read like the campaign book (containment first, then python-calamine, tables found by their
header texts): every cell it cannot understand is a problem naming its sheet and cell, and the row is kept
with that value unknown (None, never zero or "nothing"); a row without its year or code is reported and left
out of the history (it cannot be placed), but stays in the book. A school year still to come, a day in the
sector still to come, are said and not counted. A workbook that is not a history book (the campaign book, a
summary, a department's workbook picked by mistake) is said for what it is and gives no book, so that nothing
is ever written over it; a book that cannot be read, or a sheet of it, leaves that part of the history unknown
(:attr:`~thidua_xlsx.model.history.History.unknown`), never empty.

A summary is read only from its very hidden metadata (its ``outcomes``, summary schema 4), as the tool wrote
it; a folder is never written to, and each of its entries is either used or named with the reason it was not.
Summaries carry no Thâm niên: a folder of them leaves that part unknown.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from defusedxml.ElementTree import ParseError, fromstring

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import titles as tt
from thidua_xlsx.model.campaign_book import DATE, NUMBER, SCHOOL_SHEET, STAFF_SHEET, Column
from thidua_xlsx.model.history_book import (
    DEPARTMENTS,
    INITIATIVES,
    PEOPLE,
    SERVICE,
    TABLES,
    TITLES,
    WORDS,
    YEAR,
    BookMeta,
    HistoryBook,
    SummaryYear,
    Table,
    TableRows,
    school_year,
    split_titles,
    split_words,
)
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.read import own_summary as gate
from thidua_xlsx.read.campaign_book import Grid, convert_value, read_grids
from thidua_xlsx.read.containment import FILE, LINK, SCHOOL, WORKBOOK_SUFFIXES, read_own_book, scan_inbox
from thidua_xlsx.read.inflating import DAMAGED_ZIP
from thidua_xlsx.read.own_summary import Refusals, Wanted, open_summary
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.text import history as hx
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.decisions import draft_text
from thidua_xlsx.text.titles import TITLE_NAMES

KNOWN_TITLES = (tt.LDTT, tt.CSTDCS, tt.CSTD_TINH, tt.TTLDTT, tt.TTLDXS)
TITLES_NEEDING_INITIATIVE = (tt.CSTD_TINH, tt.CSTDCS)  # highest first: what a sáng kiến of the year served


# --- lich-su.xlsx ----------------------------------------------------------------------------------------------


UNKNOWN = hs.History(unknown=hs.ALL_PARTS)  # a book not read: nothing of it is known (not: nothing happened)


def read_history_book(path: Path, today: dt.date | None = None) -> tuple[HistoryBook | None, hs.History, Problems]:
    """The book at ``path`` as typed (to be written back with a year added) and the history it gives; the book
    None when it cannot be read at all or is not a history book (one message naming it, the history unknown).
    ``today`` (Vietnam's, by default): a school year or a day in the sector after it is not counted."""
    problems, name = Problems(), Path(path).name
    try:
        data = read_own_book(Path(path), problems, "history.book_broken", SCHOOL, file=name)
    except OSError:
        problems.add("history.book_no_access", file=name)
        return None, UNKNOWN, problems
    if data is None:
        return None, UNKNOWN, problems
    try:
        grids = read_grids(data, columns_merged=True)  # a year typed once over its rows: each row's
    except gate.calamine_error():  # a broken, encrypted or foreign file: one message
        problems.add("history.book_broken", file=name)
        return None, UNKNOWN, problems
    meta = _meta_data(grids.get(ly.META_SHEET))
    if not _is_history_book(grids, meta):
        code, params = _what_book(grids, meta)
        problems.add(code, file=name, **params)
        return None, UNKNOWN, problems
    today = today or vietnam_today()
    reader = _BookReader(grids, name, problems, today)
    tables = {table.sheet: reader.rows(table) for table in TABLES}
    parsed = {table.sheet: reader.parse(table, tables[table.sheet]) for table in TABLES}
    book = HistoryBook(_book_meta(meta), {s: rows for s, rows in tables.items() if rows})
    present = set(book.years)  # a year added from a summary whose rows the secretary deleted is typed again
    book = replace(book, meta=replace(book.meta, years=tuple(y for y in book.meta.years if y.year in present)))
    held: list[tuple[str, ...]] = []
    held_departments: list[tuple[str, ...]] = []
    history = hs.History(
        people=tuple(_person(row.values, row.source) for row in _unique(parsed[PEOPLE.sheet], ("year", "code"),
                                                                        reader, PEOPLE, held)),
        service=tuple(_service(row) for row in _unique(parsed[SERVICE.sheet], ("code",), reader, SERVICE)),
        initiatives=_initiatives(parsed[INITIATIVES.sheet], reader),
        departments=tuple(_department(row.values, row.source) for row in _unique(
            parsed[DEPARTMENTS.sheet], ("year", "code"), reader, DEPARTMENTS, held_departments)),
        sources=(name,), unknown=tuple(t.part for t in TABLES if t.sheet in reader.unread),
        held=tuple((year, code) for year, code in held),
        held_departments=tuple((year, code) for year, code in held_departments))
    return book, history, problems


def _meta_data(grid: Grid | None) -> dict | None:
    """The very hidden record a book of the tool carries (a summary's may be large); None: none, or damaged."""
    if grid is None:
        return None
    try:
        return ly.meta_json([grid.value(r, 0) for r in range(grid.height)], ly.MAX_SUMMARY_META_CHARS)
    except ValueError:
        return None


def _book_meta(data: dict | None) -> BookMeta:
    """The book's own record; a book without one (made by hand, or its record damaged): every year typed."""
    try:
        return BookMeta.from_json(data) if data is not None else BookMeta()
    except (KeyError, TypeError, ValueError):
        return BookMeta()


def _is_history_book(grids: dict[str, Grid], meta: dict | None) -> bool:
    """Ours says so in its record; one typed by hand (no record) has at least one of the history's sheets."""
    if meta is not None:
        return meta.get("kind") == BookMeta.kind
    return any(table.sheet in grids for table in TABLES)


def _what_book(grids: dict[str, Grid], meta: dict | None) -> tuple[str, dict]:
    """What a workbook that is not a history book is, as a message code and its parameters."""
    if meta is not None and meta.get("kind") == "summary":
        return "history.book_is_summary", {"year": str(meta.get("school_year", ""))}
    if meta is not None and "department_code" in meta:
        return "history.book_is_department", {"department": str(meta.get("department_name", ""))}
    if meta is None and SCHOOL_SHEET in grids and STAFF_SHEET in grids:
        return "history.book_is_campaign", {}
    return "history.book_is_other", {"sheets": ", ".join(s for s in grids if s != ly.META_SHEET) or "—"}


@dataclass(frozen=True)
class _Row:
    """A table row understood: its values by column key (None: blank or not understood), the keys typed but not
    understood, and where it is."""

    values: dict
    number: int  # 1-based, as the sheet shows it
    source: str
    unread: tuple[str, ...] = ()


class _BookReader:
    def __init__(self, grids: dict[str, Grid], file_name: str, problems: Problems, today: dt.date):
        self.grids, self.file, self.problems = grids, file_name, problems
        self.today, self.this_year = today, cm.school_year_of(today)
        self.positions: dict[str, dict[str, int]] = {}  # sheet → column key → 0-based column
        self.numbers: dict[str, list[int]] = {}  # sheet → the 0-based row of each row kept
        self.unread: set[str] = set()  # the sheets whose rows could not be read: their part of the history unknown

    def add(self, code: str, table: Table, cell: str = "", severity: str = "error", **params) -> None:
        self.problems.add(code, severity, file=self.file, sheet=table.sheet, cell=cell, **params)

    def rows(self, table: Table) -> TableRows | None:
        """The sheet's rows as typed, every column kept (the secretary's own too); None: no such sheet."""
        grid = self.grids.get(table.sheet)
        if grid is None:
            self.problems.add("history.sheet_missing", file=self.file, sheet=table.sheet)
            self.unread.add(table.sheet)
            return None
        headers = tuple(cm.clean_text(grid.value(0, c)) for c in range(grid.width))
        position: dict[str, int] = {}
        for c, header in enumerate(headers):
            if header:
                position.setdefault(header, c)
        for column in table.columns:
            if column.header not in position:
                self.add("history.column_missing", table, column=column.header)
        self.positions[table.sheet] = {c.key: position[c.header] for c in table.columns if c.header in position}
        cols = list(range(len(headers)))
        rows = []
        for r in range(1, grid.height):
            raw = grid.values(r, cols)
            if any(v is not None and cm.clean_text(v) != "" for v in raw):
                rows.append((r, tuple(raw)))
        self.numbers[table.sheet] = [r for r, _ in rows]
        return TableRows(headers, tuple(raw for _, raw in rows))

    def parse(self, table: Table, rows: TableRows | None) -> list[_Row]:
        """Each row's values by key, every cell not understood reported with its address and left None."""
        if rows is None:
            return []
        position = self.positions[table.sheet]
        if any(c.required and c.key not in position for c in table.columns):
            self.unread.add(table.sheet)
            return []  # said once (the column is missing), not once per row
        parsed = []
        for r, raw in zip(self.numbers[table.sheet], rows.rows):
            values, unread = {}, []
            for column in table.columns:
                col = position.get(column.key)
                values[column.key] = None if col is None else self.value(table, column, raw[col], ly.a1(r, col))
                if values[column.key] is None and col is not None and cm.clean_text(raw[col]) != "":
                    unread.append(column.key)
            if any(values[c.key] is None for c in table.columns if c.required):
                continue
            parsed.append(_Row(values, r + 1, hx.SOURCE_ROW.format(file=self.file, sheet=table.sheet, row=r + 1),
                               tuple(unread)))
        return parsed

    def value(self, table: Table, column: Column, value, cell: str):
        text = cm.clean_text(value) if isinstance(value, str) else value
        if text is None or text == "":
            if column.required:
                self.add("history.required", table, cell, field=column.header)
            return None
        try:
            if column.kind == YEAR:
                found = school_year(str(text))
                if found is None:
                    raise ValueError
                return self.not_to_come(table, column, cell, found, found > self.this_year)
            if column.kind == TITLES:
                return self.titles(table, str(text), cell)
            if column.kind == WORDS:
                return tuple(split_words(str(text)))
            converted = convert_value(column.kind, text)
            if column.kind == NUMBER and converted < 0:
                raise ValueError
            if column.kind == DATE and column.key == "sector_start":
                return self.not_to_come(table, column, cell, converted, converted > self.today.isoformat())
        except (ValueError, TypeError, OverflowError):
            code = {YEAR: "history.bad_year", DATE: "history.bad_date", NUMBER: "history.bad_number"}[column.kind]
            self.add(code, table, cell, field=column.header, value=text)
            return None
        if column.choices:
            chosen = {fold(c): c for c in column.choices}.get(fold(converted))
            if chosen is None:
                self.add("history.bad_choice", table, cell, field=column.header, value=converted,
                         choices=", ".join(column.choices))
            return chosen
        return converted

    def not_to_come(self, table: Table, column: Column, cell: str, value: str, to_come: bool) -> str | None:
        """``value`` (a school year, an ISO day), or None when it is still to come: said, not counted."""
        if not to_come:
            return value
        if column.kind == YEAR:
            self.add("history.year_to_come", table, cell, WARNING, field=column.header, value=value,
                     current=self.this_year)
        else:
            self.add("history.day_to_come", table, cell, WARNING, field=column.header,
                     value=dt.date.fromisoformat(value).strftime("%d/%m/%Y"), today=self.today.strftime("%d/%m/%Y"))
        return None

    def titles(self, table: Table, text: str, cell: str) -> tuple[str, ...]:
        found = []
        for part in split_titles(text):
            code = tt.code(part)
            if code not in KNOWN_TITLES:
                self.add("history.unknown_title", table, cell, WARNING, value=part,
                         choices=", ".join(TITLE_NAMES[c] for c in KNOWN_TITLES))
            found.append(code)
        return tuple(found)


def _unique(rows: list[_Row], keys: tuple[str, ...], reader: _BookReader, table: Table,
            held: list[tuple[str, ...]] | None = None) -> list[_Row]:
    """The rows, each key (a person's year, a person, a department's year) once: a second is reported, not used.
    With ``held`` (a person's or a department's years): a second row that says otherwise than the first (CSTĐCS on
    one, LĐTT on the other) leaves the year unsettled — neither row used, the key put in ``held`` (values as typed in
    the first), so that what rests on that year waits for the rows to be made one (decide.history_past), never takes
    the first."""
    seen: dict[tuple[str, ...], _Row] = {}
    unsettled: set[tuple[str, ...]] = set()
    kept: list[_Row] = []
    for row in rows:
        key = tuple(cm.clean_text(row.values[k]).casefold() for k in keys)
        if key in seen:
            what = " ".join(str(row.values[k]) for k in keys)
            first = seen[key]
            differs = held is not None and _says_otherwise(first, row)
            reader.add("history.duplicate_differs" if differs else "history.duplicate_row", table,
                       ly.a1(row.number - 1, 0), what=what, first=first.number)
            if differs and held is not None and key not in unsettled:
                unsettled.add(key)
                held.append(tuple(str(first.values[k]) for k in keys))
            continue
        seen[key] = row
        kept.append(row)
    return [row for row in kept if tuple(cm.clean_text(row.values[k]).casefold() for k in keys) not in unsettled]


# what a person's year says (a department's: its titles and forms)
_YEAR_FACTS = ("rating", "titles", "forms", "special", "discipline", "discipline_end")


def _says_otherwise(first: _Row, second: _Row) -> bool:
    """Two rows of a year that say different things of it: a fact given in both, not the same (a fact blank
    in one row says nothing against the other; a name or a note is no fact of the year)."""
    for key in _YEAR_FACTS:
        a, b = first.values.get(key), second.values.get(key)
        if a in (None, "", ()) or b in (None, "", ()):
            continue
        if (set(a) != set(b)) if isinstance(a, tuple) and isinstance(b, tuple) else \
                cm.clean_text(str(a)).casefold() != cm.clean_text(str(b)).casefold():
            return True
    return False


def _text(value) -> str:
    return "" if value is None else str(value)


def _person(v: dict, source: str) -> hs.PersonYear:
    return hs.PersonYear(v["year"], v["code"], _text(v["name"]), _text(v["dob"]), v["rating"], v["titles"] or (),
                         v["forms"] or (), v["special"] or (), v["discipline"], _text(v["discipline_end"]), source)


def _service(row: _Row) -> hs.Service:
    v = row.values
    return hs.Service(v["code"], _text(v["name"]), _text(v["dob"]), _text(v["sector_start"]), v["difficult_years"],
                      v["uncounted_years"], _text(v["medal_year"]), row.source, row.unread)


def _department(v: dict, source: str) -> hs.DepartmentYear:
    return hs.DepartmentYear(v["year"], v["code"], _text(v["name"]), v["titles"] or (), v["forms"] or (), source)


def _initiatives(rows: list[_Row], reader: _BookReader) -> tuple[hs.Initiative, ...]:
    """One per sáng kiến (its name and author, case and accents aside), its uses gathered from its rows; rows that
    disagree on its recognition are said, the first one's kept."""
    found: dict[tuple[str, str], tuple[hs.Initiative, int]] = {}
    for row in rows:
        v = row.values
        key = (fold(v["name"]), cm.clean_text(v["author"]).casefold())
        use = _use(v["used_year"], v["used_for"])
        if key not in found:
            found[key] = (hs.Initiative(v["name"], v["author"], _text(v["author_name"]), _text(v["level"]),
                                        _text(v["decision"]), _text(v["decision_date"]), _text(v["year"]),
                                        (use,) if use else (), row.source), row.number)
            continue
        first, number = found[key]
        if any(v[k] is not None and _text(v[k]) != getattr(first, k) for k in ("level", "decision", "decision_date")):
            reader.add("history.initiative_differs", INITIATIVES, ly.a1(row.number - 1, 0), name=v["name"],
                       author=v["author"], first=number)
        if use and use not in first.used:
            found[key] = (replace(first, used=(*first.used, use)), number)
    return tuple(initiative for initiative, _ in found.values())


def _use(year: str | None, award: str | None) -> hs.Use | None:
    """What a row says the sáng kiến served: a title the tool knows (by its name or code), else an award form."""
    if not year or not award:
        return None
    code = tt.code(award)
    return hs.Use(year, hs.USED_FOR_TITLE, code) if code in KNOWN_TITLES else hs.Use(year, hs.USED_FOR_FORM, award)


# --- the final summaries --------------------------------------------------------------------------------------

_FINAL_REFUSALS: Refusals = {gate.UNREADABLE: "history.summary_unreadable", gate.NOT_OURS: "history.summary_not_ours",
                             gate.SCHEMA_UNKNOWN: "summary.schema_unknown", gate.DATA_EDITED: "summary.data_edited",
                             gate.META_DAMAGED: "summary.meta_damaged",
                             gate.OTHER_ROUND: "history.summary_registration", gate.PERIOD: "history.summary_period"}


def draft_words(rows) -> str:
    """What keeps a year a draft, from its summary's metadata ((period code, why, label) rows), in words."""
    return draft_text((str(row[2]), row[1]) for row in rows or () if isinstance(row, (tuple, list)) and len(row) == 3)


def read_final_summary(path: Path, name: str = "") -> tuple[SummaryYear | None, Problems]:
    """The year a final summary ends (from its metadata's ``outcomes``), or None with the reason: not readable,
    not ours, a registration round, a period, written before the summaries carried the outcomes."""
    problems, name = Problems(), name or Path(path).name
    try:
        opened = open_summary(Path(path), Wanted(ly.SCORING, False, bounds=SCHOOL), _FINAL_REFUSALS, problems,
                              file=name, path=str(path))
    except OSError:
        problems.add("history.summary_unreadable", file=name)
        return None, problems
    if opened is None:
        return None, problems
    meta, data = opened.meta, opened.data
    try:
        history = _year_history(meta, name, problems)
        starts = {str(code): str(day) for code, day in meta.starts}  # the campaign's Ngày vào ngành
    except (TypeError, ValueError):  # metadata edited by hand: not what the tool wrote
        problems.add("history.summary_unreadable", file=name)
        return None, problems
    if history is None:
        problems.add("history.summary_no_outcomes", file=name, year=meta.school_year)
        return None, problems
    return SummaryYear(name, opened.sha256, meta.school_year, meta.campaign_id, meta.school or _school_of(data),
                       bool(meta.council), history, starts, draft_words(meta.draft)), problems


def _year_history(meta: ly.SummaryMeta, name: str, problems: Problems) -> hs.History | None:
    """The year's people, sáng kiến and departments as the summary ends it: what was decided, never what was only
    asked for. A title the council's ballot decides whose count was never typed (its vote ``passed`` unknown) is no
    title received: not recorded, said. The award form an outcome carries is the one asked for at registration (the
    tool decides no form of the campaign's): no form received — the secretary types a form once it is awarded."""
    year = meta.school_year
    if meta.schema_version < 4 or not meta.outcomes or school_year(year) != year:
        return None
    uncounted = {(str(code), str(title)) for code, title, _votes, _members, passed in meta.votes if passed is None}
    unvoted: dict[str, list[str]] = {}  # title → the people whose vote was not counted
    people, initiatives = [], []
    special = _special(meta)
    for code, person, dob, rating, titles, _asked, initiative, level, decision, discipline in meta.outcomes:
        people.append(hs.PersonYear(year, str(code), str(person), str(dob or ""), rating or None,
                                    _voted_titles(str(code), str(person), titles, uncounted, unvoted),
                                    (), tuple(special.get(str(code), ())),
                                    discipline or None, "", name))
        if initiative:
            initiatives.append(_initiative(year, people[-1], str(initiative), str(level or ""), str(decision or "")))
    departments = tuple(hs.DepartmentYear(year, str(code), str(dept), tuple(str(t) for t in titles), (), name)
                        for code, dept, titles in meta.department_outcomes)
    for title, names in unvoted.items():
        problems.add("history.title_without_vote", WARNING, file=name, year=year, title=tt.name(title),
                     count=len(names), people=", ".join(names))
    return hs.History(tuple(people), (), tuple(initiatives), departments, (name,))


def _voted_titles(code: str, person: str, titles, uncounted: set[tuple[str, str]],
                  unvoted: dict[str, list[str]]) -> tuple[str, ...]:
    """A person's titles of the year but those whose vote was never counted, each of those noted in ``unvoted``
    (title → the people)."""
    for title in (str(t) for t in titles if (code, str(t)) in uncounted):
        unvoted.setdefault(title, []).append(person)
    return tuple(str(t) for t in titles if (code, str(t)) not in uncounted)


def _special(meta: ly.SummaryMeta) -> dict[str, list[str]]:
    """The đột xuất and chuyên đề awards of the year by person, in words: apart, they never count (NĐ 152 điều 4.3)."""
    special: dict[str, list[str]] = {}
    for who, kind, achievement, form in meta.special_outcomes:
        special.setdefault(str(who), []).append(hx.SPECIAL_AWARD.format(kind=kind, achievement=achievement,
                                                                        form=form or "—"))
    return special


def _initiative(year: str, person: hs.PersonYear, name: str, level: str, decision: str) -> hs.Initiative:
    """A person's sáng kiến of the year, with what it served that year: a title granted that needs one; else unused
    (a form only asked for spends none, CV 5007/BNV-TĐKT 2023: it may still serve a later year)."""
    served = next((t for t in TITLES_NEEDING_INITIATIVE if t in person.titles), None)
    use = hs.Use(year, hs.USED_FOR_TITLE, served) if served else None
    return hs.Initiative(name, person.person, person.name, level, decision, "", year, (use,) if use else (),
                         person.source)


def _school_of(data: bytes) -> str:
    """The school a summary names in its properties (the writer sets "Company"), for a summary whose data names none
    (written before its schema held the school); "" when it does not say."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            app = fromstring(zf.read("docProps/app.xml"))
    except (KeyError, ParseError, *DAMAGED_ZIP):
        return ""
    company = next((e for e in app.iter() if e.tag.rsplit("}", 1)[-1] == "Company"), None)
    return cm.clean_text(company.text) if company is not None else ""


def read_summary_folder(folder: Path, school: str = "", current_year: str = "",
                        on_file: Callable[[str], None] = lambda _name: None) -> tuple[hs.History, Problems]:
    """The history the final summaries of ``folder`` give (read only; sub-folders too). Each entry is used (its
    name in ``sources``) or named in the problems: not a workbook, a link, not a final summary, another school's
    (``school``; none given: the school most summaries name), not earlier than ``current_year``, a second
    summary of a year (the council's pass first, then the one saved last)."""
    problems = Problems()
    read = _final_summaries(folder, on_file, problems)
    kept = _one_a_year(read, school or _most_named(found.school for found, _ in read), current_year, problems)
    years = [kept[year][0].history for year in sorted(kept)]
    return hs.History(tuple(p for h in years for p in h.people), (), tuple(i for h in years for i in h.initiatives),
                      tuple(d for h in years for d in h.departments), tuple(s for h in years for s in h.sources),
                      unknown=(hs.SERVICE_PART,)), problems  # summaries carry no Thâm niên


def _final_summaries(folder: Path, on_file: Callable[[str], None],
                     problems: Problems) -> list[tuple[SummaryYear, float]]:
    """The final summaries of ``folder`` read, each with the time it was saved; every other entry named."""
    read = []
    for item in scan_inbox(folder):
        if item.kind == LINK:
            problems.add("history.summary_link", file=item.name)
        elif item.kind != FILE or item.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            problems.add("history.summary_other_file", file=item.name)
        else:
            found, refused = read_final_summary(item.path, item.name)
            problems.extend(refused)
            if found is not None:
                read.append((found, item.path.stat().st_mtime))
        on_file(item.name)
    return read


def _one_a_year(read: list[tuple[SummaryYear, float]], expected: str, current_year: str,
                problems: Problems) -> dict[str, tuple[SummaryYear, float]]:
    """The summary used for each year, of the ``expected`` school and earlier than ``current_year``: the council's
    pass first, then the one saved last; the others named."""
    kept: dict[str, tuple[SummaryYear, float]] = {}
    for found, saved in read:
        if expected and found.school and fold(found.school) != fold(expected):
            problems.add("history.summary_other_school", file=found.file, school=found.school, expected=expected)
        elif current_year and found.year >= current_year:
            problems.add("history.summary_not_earlier", file=found.file, year=found.year, current=current_year)
        elif found.year in kept:
            first, first_saved = kept[found.year]
            used, dropped = ((found, saved), (first, first_saved)) if (found.council, saved) > \
                (first.council, first_saved) else ((first, first_saved), (found, saved))
            kept[found.year] = used
            problems.add("history.summary_duplicate_year", file=dropped[0].file, year=found.year, used=used[0].file)
        else:
            kept[found.year] = (found, saved)
    return kept


def _most_named(schools) -> str:
    counts: dict[str, int] = {}
    for school in schools:
        if school:
            counts[school] = counts.get(school, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else ""

