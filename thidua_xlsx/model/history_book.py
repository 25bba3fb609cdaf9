"""The layout of ``lich-su.xlsx``, the history workbook the secretary keeps (docs/domain.md §4c): its sheets and their
columns (header, width, kind, dropdown choices), shared by the writer (write/history) and the reader
(read/history). Tables are found by their header texts in row 1, never by position: the secretary may reorder
columns or add her own to the right, and those are kept.

The book also carries, in a very hidden sheet, which school it is and which of its years the tool added from
which final summary (:class:`BookMeta`): a year added again from the same campaign is replaced, a year typed
by hand is never overwritten. Rows are carried between reading and writing as the secretary typed them
(:class:`TableRows`): a cell the reader could not understand is still written back, its value as read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import DATE, NUMBER, TEXT, Column
from thidua_xlsx.model.history import History
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.report import Report, history_report
from thidua_xlsx.text import history as hx

YEAR = "year"  # a school year, "2024-2025"
TITLES = "titles"  # title names (or codes) separated by commas: model.titles.code each
WORDS = "words"  # award forms as written, separated by semicolons (a form's name may hold a comma)

SCHOOL_YEAR = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")
TITLE_SEPARATORS = re.compile(r"[,;\n]")
WORD_SEPARATORS = re.compile(r"[;\n]")


def school_year(text: str) -> str | None:
    """'2024 - 2025' → '2024-2025'; None when ``text`` is no school year (two years that follow each other)."""
    match = SCHOOL_YEAR.fullmatch(text.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        return None
    return f"{match.group(1)}-{match.group(2)}"


def split_titles(text: str) -> list[str]:
    return [part for part in (cm.clean_text(p) for p in TITLE_SEPARATORS.split(text)) if part]


def split_words(text: str) -> list[str]:
    return [part for part in (cm.clean_text(p) for p in WORD_SEPARATORS.split(text)) if part]


def _columns(headers: dict[str, str], specs: dict[str, tuple[float, str, bool, tuple[str, ...]]]) -> tuple[Column, ...]:
    """Columns in the order of ``headers``; ``specs``: key → (width, kind, required, choices)."""
    return tuple(Column(key, header, *specs[key]) for key, header in headers.items())


PEOPLE_COLUMNS = _columns(hx.PEOPLE_HEADERS, {
    "year": (12, YEAR, True, ()), "code": (10, TEXT, True, ()), "name": (26, TEXT, False, ()),
    "dob": (12, DATE, False, ()), "rating": (11, TEXT, False, cm.RATINGS), "titles": (28, TITLES, False, ()),
    "forms": (28, WORDS, False, ()), "special": (22, WORDS, False, ()),
    "discipline": (12, TEXT, False, cm.DISCIPLINES), "discipline_end": (12, DATE, False, ()),
    "note": (20, TEXT, False, ()),
})
SERVICE_COLUMNS = _columns(hx.SERVICE_HEADERS, {
    "code": (10, TEXT, True, ()), "name": (26, TEXT, False, ()), "dob": (12, DATE, False, ()),
    "sector_start": (13, DATE, False, ()), "difficult_years": (14, NUMBER, False, ()),
    "uncounted_years": (14, NUMBER, False, ()), "medal_year": (14, YEAR, False, ()), "note": (24, TEXT, False, ()),
})
INITIATIVE_COLUMNS = _columns(hx.INITIATIVE_HEADERS, {
    "name": (36, TEXT, True, ()), "author": (10, TEXT, True, ()), "author_name": (22, TEXT, False, ()),
    "level": (11, TEXT, False, cm.INITIATIVE_LEVELS), "decision": (14, TEXT, False, ()),
    "decision_date": (12, DATE, False, ()), "year": (12, YEAR, False, ()), "used_year": (12, YEAR, False, ()),
    "used_for": (26, TEXT, False, ()), "note": (16, TEXT, False, ()),
})
DEPARTMENT_COLUMNS = _columns(hx.DEPARTMENT_HEADERS, {
    "year": (12, YEAR, True, ()), "code": (10, TEXT, True, ()), "name": (28, TEXT, False, ()),
    "titles": (30, TITLES, False, ()), "forms": (30, WORDS, False, ()), "note": (24, TEXT, False, ()),
})


@dataclass(frozen=True)
class Table:
    sheet: str
    columns: tuple[Column, ...]
    part: str  # the part of the history it holds (model.history.ALL_PARTS): not known when it cannot be read
    landscape: bool = True


PEOPLE = Table(hx.S_PEOPLE, PEOPLE_COLUMNS, hs.PEOPLE_PART)
SERVICE = Table(hx.S_SERVICE, SERVICE_COLUMNS, hs.SERVICE_PART)
INITIATIVES = Table(hx.S_INITIATIVES, INITIATIVE_COLUMNS, hs.INITIATIVES_PART)
DEPARTMENTS = Table(hx.S_DEPARTMENTS, DEPARTMENT_COLUMNS, hs.DEPARTMENTS_PART)
TABLES = (PEOPLE, SERVICE, INITIATIVES, DEPARTMENTS)  # in the book's order, after the guide

HISTORY_SCHEMA_VERSION = 1
VALIDATION_ROWS = 5000  # rows of a table that carry its dropdowns: twenty years of a large school


@dataclass(frozen=True)
class YearSource:
    """A year the tool added from a final summary: the summary's campaign, its file name and digest."""

    year: str
    campaign_id: str
    file: str
    sha256: str
    draft: str = ""  # recorded on purpose before the year ended (history --final): its periods not final, in words


@dataclass(frozen=True)
class BookMeta:
    """What ``lich-su.xlsx`` says about itself in its very hidden sheet."""

    school: str = ""
    years: tuple[YearSource, ...] = ()
    kind: str = "history"
    schema_version: int = HISTORY_SCHEMA_VERSION
    app: str = ly.APP_ID

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BookMeta:
        """Raises KeyError, TypeError or ValueError on anything that is not a history book's metadata."""
        if data.get("kind") != "history" or data.get("app") != ly.APP_ID:
            raise ValueError("not a history book")
        years = tuple(YearSource(**source) for source in data.get("years", ()))
        if not isinstance(data.get("school", ""), str):
            raise TypeError("school")
        return cls(data.get("school", ""), years, schema_version=data.get("schema_version", HISTORY_SCHEMA_VERSION))

    def source_of(self, year: str) -> YearSource | None:
        return next((s for s in self.years if s.year == year), None)


@dataclass(frozen=True)
class TableRows:
    """A table's rows as typed: ``headers`` as found in row 1 (ours, then the secretary's own columns, in the
    order written back), each row one value per header — text, a number, a date, a boolean or None."""

    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...] = ()

    def column(self, header: str) -> int | None:
        return self.headers.index(header) if header in self.headers else None


@dataclass(frozen=True)
class HistoryBook:
    """The history workbook as read, to be written back with a year added: its metadata, and its tables
    by sheet name (a sheet missing from the book: absent, written back empty)."""

    meta: BookMeta
    tables: Mapping[str, TableRows]

    @property
    def years(self) -> tuple[str, ...]:
        """The school years the people's and departments' rows speak of, oldest first."""
        found: set[str] = set()
        for table in (PEOPLE, DEPARTMENTS):
            rows = self.tables.get(table.sheet)
            col = rows.column(next(c.header for c in table.columns if c.key == "year")) if rows else None
            if rows is not None and col is not None:
                found |= {year for row in rows.rows
                          if row[col] is not None and (year := school_year(str(row[col]))) is not None}
        return tuple(sorted(found))


@dataclass(frozen=True)
class SummaryYear:
    """A year as a final summary ends it (its metadata's ``outcomes``): where it came from, and its history —
    each person's year, the departments' titles, the sáng kiến counted that year with what they served."""

    file: str
    sha256: str
    year: str
    campaign_id: str
    school: str  # the school the summary's data names (else its properties); "" not said
    council: bool  # written by the council's pass
    history: History
    starts: Mapping[str, str] = dataclasses.field(default_factory=dict)  # staff code → Ngày vào ngành (ISO)
    draft: str = ""  # a year still running: its periods not final, in words ("" a finished year)


def refusal(book: HistoryBook, found: SummaryYear) -> tuple[str, dict[str, str]] | None:
    """Why ``found`` may not be added to ``book`` (a message code and its parameters), or None: another school's
    summary, a year typed by hand, a year added from another campaign's summary, a summary no council has passed (its
    titles are proposals, not what anyone received: next year's multi-year titles would count them)."""
    school = book.meta.school
    if school and found.school and cm.clean_text(school).casefold() != cm.clean_text(found.school).casefold():
        return "history.book_other_school", {"summary": found.file, "school": found.school, "book_school": school}
    source = book.meta.source_of(found.year) if found.year in book.years else None
    if found.year in book.years and source is None:
        return "history.year_typed", {"year": found.year, "summary": found.file}
    if source is not None and source.campaign_id != found.campaign_id:
        return "history.year_other_campaign", {"year": found.year, "summary": found.file, "first": source.file}
    if not found.council:
        return "history.summary_pre_council", {"summary": found.file, "year": found.year}
    return None


@dataclass(frozen=True)
class YearAdded:
    """A year the ``history`` command added to the book: from which summary, whether it replaced the same
    year added before, and what it holds."""

    year: str
    file: str
    replaced: bool
    people: int
    titles: int  # titles granted, all people together
    initiatives: int
    departments: int
    draft: str = ""  # recorded before the year ended (history --final): its periods not final, in words


@dataclass(frozen=True)
class HistoryUpdate:
    """What the ``history`` command did: the book made or not, the years added, the problems (the book's cells,
    each summary refused), whether the book was written and where its previous version was kept."""

    book: Path
    created: bool
    added: tuple[YearAdded, ...]
    problems: Problems
    written: bool = False
    backup: Path | None = None
    years: tuple[str, ...] = ()
    given: int = 0  # the summaries the command was given

    @property
    def report(self) -> Report:
        """The run counted (:func:`~thidua_xlsx.model.report.history_report`): the exit code's."""
        return history_report(self.given, len(self.added), tuple(self.problems))
