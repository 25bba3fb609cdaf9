"""``campaign.xlsx`` (or the ``.ods`` LibreOffice saves) loaded back into a Campaign, with every problem at
once (sheet, cell, Vietnamese message); it never raises on bad content.

The book is read with python-calamine, whatever saved it: our own ``campaign.xlsx``, the same
re-saved by Excel or LibreOffice, or LibreOffice's default ``.ods`` ("Save As" in LibreOffice).
Their types differ and are made equal here: numbers come back as floats (``12.0``), dates as
dates, datetimes or plain serial numbers, yes/no as text or booleans, empty cells as ``""``."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import (
    BOOL,
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    DATE,
    DEPARTMENT_COLUMNS,
    DEPARTMENTS_SHEET,
    FACT_KEYS,
    INT,
    LEGAL_COLUMNS,
    LEGAL_SHEET,
    LEVEL_COLUMNS,
    LEVELS_SHEET,
    NUMBER,
    PERIOD_COLUMNS,
    PERIOD_FIELDS,
    PERIOD_FIELDS_COLUMN,
    PERIODS_SHEET,
    RUBRIC_COLUMNS,
    RUBRICS_SHEET,
    RULE_FIELDS,
    RULES_SHEET,
    SCHOOL_FIELDS,
    SCHOOL_SHEET,
    SETTINGS_KEYS,
    SMALL_GROUP_WORDS,
    SPECIAL_COLUMNS,
    SPECIAL_SHEET,
    STAFF_COLUMNS,
    STAFF_SHEET,
    TEXT,
    TITLE_COLUMNS,
    TITLE_KINDS,
    TITLES_SHEET,
)
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.model.titles import codes as title_codes
from thidua_xlsx.read.campaign_checks import Checks, label_of
from thidua_xlsx.read.containment import read_own_book
from thidua_xlsx.read.rule_sets import reference_day_far, with_rule_set
from thidua_xlsx.read.staff_leave import check_leave_columns
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.text import workbook as wx


class Grid:
    """One sheet's values, addressed from A1 (0-based row, column) as the secretary sees them.

    calamine's rows start at the sheet's first used cell (``start``), not at A1. Cells come back
    typed the same whatever saved the book: empty is None, a whole float (``12.0``) is an int."""

    def __init__(self, start: tuple[int, int], rows: list[list]):
        self.start, self.rows = start, rows

    def value(self, row: int, col: int):
        r, c = row - self.start[0], col - self.start[1]
        if not (0 <= r < len(self.rows) and 0 <= c < len(self.rows[r])):
            return None
        return cm.cell_value(self.rows[r][c])

    def values(self, row: int, cols: list[int]) -> list:
        """``[value(row, c) for c in cols]``, the row looked up once (a table's 84,000 rows)."""
        r = row - self.start[0]
        if not 0 <= r < len(self.rows):
            return [None] * len(cols)
        line, first = self.rows[r], self.start[1]
        width, cell_value = len(line), cm.cell_value
        return [cell_value(line[c]) if 0 <= (c := col - first) < width else None for col in cols]

    @property
    def height(self) -> int:
        return self.start[0] + len(self.rows)

    @property
    def width(self) -> int:
        return self.start[1] + max((len(r) for r in self.rows), default=0)



class RowCells:
    """A table row's cell addresses by column key ("B7"), named when asked: only a reported problem
    needs one, and a staff sheet of 84,000 rows would otherwise keep 1.5 million of them."""

    __slots__ = ("row", "letters")

    def __init__(self, row: int, letters: dict[str, str]):
        self.row, self.letters = row, letters  # 0-based row; column key → letters, shared by the table's rows

    def __getitem__(self, key: str) -> str:
        return f"{self.letters[key]}{self.row + 1}"

    def get(self, key: str, default=None):
        return self[key] if key in self.letters else default


def open_grids(path: Path, problems: Problems, broken: str, no_access: str) -> dict[str, Grid] | None:
    """The sheets of a book a person keeps (the campaign book, the level above's, an import template), through
    containment; None with one message naming the file (``broken``: a broken, encrypted or foreign file;
    ``no_access``: one that cannot be read)."""
    file = path.name
    try:
        data = read_own_book(path, problems, broken, file=file)
    except OSError:
        problems.add(no_access, file=file)
        return None
    if data is None:
        return None
    try:
        return read_grids(data)
    except CalamineError:  # a broken, encrypted or foreign file: one message
        problems.add(broken, file=file)
        return None


def read_grids(data: bytes, columns_merged: bool = False) -> dict[str, Grid]:
    """Every sheet of a workbook (.xlsx, .ods, …; the format is found from the content, not the name); with
    ``columns_merged``, the value of cells merged down a column in each cell of it, as the sheet shows it (a book kept
    by hand: a year typed once over its block of rows)."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    grids = {}
    for name in book.sheet_names:
        sheet = book.get_sheet_by_name(name)
        start = sheet.start or (0, 0)
        rows = sheet.to_python(skip_empty_area=True)
        if columns_merged:
            _down_columns(rows, (start[0], start[1]), sheet.merged_cell_ranges or ())
        grids[name] = Grid((start[0], start[1]), rows)
    return grids


def _down_columns(rows: list[list], start: tuple[int, int],
                  merged: Iterable[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Each range of ``merged`` ((first row, column), (last row, column), from A1) that runs down one column below the
    headers' row given the value of its first cell, in ``rows`` (calamine's, from ``start``)."""
    for (top, col), (bottom, last_col) in merged:
        c = col - start[1]
        if top == 0 or col != last_col or bottom <= top or not 0 <= top - start[0] < len(rows) or c < 0:
            continue  # row 1 holds the headers: a header merged down is no value of the rows below
        first = rows[top - start[0]]
        value = first[c] if c < len(first) else None
        for r in range(top - start[0] + 1, min(bottom - start[0] + 1, len(rows))):
            if c < len(rows[r]) and rows[r][c] in (None, ""):
                rows[r][c] = value


class BookReader:
    """Reads cells of the campaign book (and the level above's), converting types and recording problems with their
    cell."""

    def __init__(self, grids: dict[str, Grid], file_name: str, problems: Problems):
        self.grids, self.file, self.problems = grids, file_name, problems
        self.cells: dict[str, dict[str, str]] = {}  # sheet → field key → the cell of its value (:meth:`fields`)

    def sheet(self, name) -> Grid | None:
        if name not in self.grids:
            self.problems.add("campaign.sheet_missing", file=self.file, sheet=name)
            return None
        return self.grids[name]

    def convert(self, sheet_name, cells, key, kind, value, required, choices, label):
        """``cells[key]`` names the cell, when a problem is reported (a table's cells are named lazily)."""
        if isinstance(value, str):
            value = cm.clean_text(value)
        if value is None or value == "":
            if required:
                self.problems.add("campaign.required", field=label, file=self.file, sheet=sheet_name, cell=cells[key])
            return None
        if kind == TEXT and isinstance(value, (dt.date, dt.datetime)):  # Excel made a date of what was typed
            return self._text_date(sheet_name, cells, key, value)
        try:
            value = convert_value(kind, value)
        except ValueError:
            self.problems.add(f"campaign.bad_{kind}", field=label, value=value, file=self.file, sheet=sheet_name,
                              cell=cells[key])
            return None
        if choices and value not in choices:
            self.problems.add("campaign.bad_choice", field=label, value=value, choices=", ".join(choices),
                              file=self.file, sheet=sheet_name, cell=cells[key])
            return None
        return value

    def _text_date(self, sheet_name, cells, key, day: dt.date) -> str:
        """A date in a text column, as people write it ("15/03/2026", never "2026-03-15 00:00:00"); in the sáng
        kiến's decision number, the decision of that day ("ngày 15/03/2026" on the lists), its number asked for."""
        written = f"{day:%d/%m/%Y}"
        if key != "initiative_decision":
            return written
        self.problems.add("campaign.decision_is_date", WARNING, day=written, file=self.file, sheet=sheet_name,
                          cell=cells[key])
        return wx.DECISION_OF_DAY.format(day=written)

    def fields(self, sheet_name, fields, column: int = 0) -> dict:
        """Labels in column A (or ``column``, from row 2), values in the column after it."""
        sheet = self.sheet(sheet_name)
        if sheet is None:
            return {}
        rows = {cm.clean_text(label): r for r in range(1, sheet.height) if (label := sheet.value(r, column))}
        values = {}
        for f in fields:
            r = rows.get(f.label)
            if r is None:
                if not f.added_later:
                    self.problems.add("campaign.field_missing", file=self.file, sheet=sheet_name, field=f.label)
                continue
            self.cells.setdefault(sheet_name, {})[f.key] = ly.a1(r, column + 1)
            values[f.key] = self.convert(sheet_name, {f.key: ly.a1(r, column + 1)}, f.key, f.kind,
                                         sheet.value(r, column + 1),
                                         f.required, f.choices, f.label)
        return values

    def table(self, sheet_name, columns) -> list[tuple[int, dict[str, Any], RowCells]] | None:
        """Rows as (row number, values by key, cell address by key); blank rows skipped.

        None when the table cannot be read (sheet or a required column missing, already reported):
        the cross-sheet checks that need it are skipped rather than reported again for every row."""
        sheet = self.sheet(sheet_name)
        if sheet is None:
            return None
        position = self._headers(sheet, sheet_name, columns)
        if position is None:
            return None
        present = [c for c in columns if c.header in position]
        letters = {c.key: ly.a1(0, position[c.header])[:-1] for c in present}
        cols = [position[c.header] for c in present]
        result = []
        for r in range(1, sheet.height):
            raw = sheet.values(r, cols)
            if all(v is None or cm.clean_text(v) == "" for v in raw):
                continue
            cells = RowCells(r, letters)
            values = {c.key: None if v is None and not c.required else  # a blank optional cell: nothing to check
                      self.convert(sheet_name, cells, c.key, c.kind, v, c.required, c.choices, c.header)
                      for c, v in zip(present, raw)}
            result.append((r + 1, values, cells))
        return result


    def _headers(self, sheet: Grid, sheet_name, columns) -> dict[str, int] | None:
        """Each heading of the sheet's first row → its column (the first, if one repeats); a column missing said (one
        added later may be), None when a required one is."""
        position: dict[str, int] = {}
        for c in range(sheet.width):
            header = sheet.value(0, c)
            if header is not None:
                position.setdefault(cm.clean_text(header), c)
        missing = [c for c in columns if c.header not in position and not c.added_later]
        for column in missing:
            self.problems.add("campaign.column_missing", file=self.file, sheet=sheet_name, column=column.header)
        return None if any(c.required for c in missing) else position


def convert_value(kind, value):
    if kind == TEXT:
        return cm.clean_text(value) if not isinstance(value, float) or not value.is_integer() else str(int(value))
    if kind in (NUMBER, INT):
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, str):
            value = float(value.replace(",", "."))
        if kind == INT:
            if float(value) != int(value):
                raise ValueError
            return int(value)
        return int(value) if float(value).is_integer() else float(value)
    if kind == DATE:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _serial_date(value)
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", str(value))
        if match:
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day).isoformat()
        return dt.date.fromisoformat(str(value)).isoformat()
    if kind == BOOL:
        text = cm.clean_text(value).lower()
        if text in ("có", "x", "true", "1"):
            return True
        if text in ("không", "", "false", "0"):
            return False
        raise ValueError
    raise AssertionError(kind)


EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's 1900 leap-year bug included)


SERIAL_DATES = (dt.date(1930, 1, 1), dt.date(2100, 12, 31))


def _serial_date(value) -> str:
    """A date that lost its date format (e.g. re-saved as General) comes back as Excel's serial number.

    Only serials of 1930–2100 are dates here: birth dates, start dates and deadlines are in that
    window, while a small number typed by mistake (5, 150) stays a mistake that is reported."""
    low, high = ((d - EXCEL_EPOCH).days for d in SERIAL_DATES)
    if not low <= value <= high:
        raise ValueError
    return (EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat()


def load_campaign_book(path: Path, today: dt.date | None = None) -> tuple[cm.Campaign | None, Problems]:
    """Load and check the campaign book (.xlsx or .ods). Returns (campaign, problems); campaign is
    None if any error. A file that cannot be read at all is one message naming it, never a traceback.

    The campaign comes with its rule set (read.rule_sets): the texts in force on its "Ngày gửi hồ sơ", else
    its scoring deadline, else ``today`` (the computer's date when not given), and its province's values."""
    problems = Problems()
    file_name = Path(path).name
    grids = open_grids(Path(path), problems, "campaign.broken", "campaign.no_access")
    if grids is None:
        return None, problems
    if SCHOOL_SHEET not in grids and STAFF_SHEET not in grids:  # another workbook: one word, not a sheet missing each
        problems.add("campaign.not_campaign", file=file_name,
                     sheets=", ".join(s for s in grids if s != ly.META_SHEET) or "—")
        return None, problems
    read = BookReader(grids, file_name, problems)
    school = read.fields(SCHOOL_SHEET, SCHOOL_FIELDS)
    school_cells = read.cells.get(SCHOOL_SHEET, {})
    rules = read.fields(RULES_SHEET, RULE_FIELDS)
    departments = read.table(DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS)
    staff = read.table(STAFF_SHEET, STAFF_COLUMNS)
    rubric_rows = read.table(RUBRICS_SHEET, RUBRIC_COLUMNS)
    criteria = read.table(CRITERIA_SHEET, CRITERIA_COLUMNS)
    titles = read.table(TITLES_SHEET, TITLE_COLUMNS)
    levels = read.table(LEVELS_SHEET, LEVEL_COLUMNS)
    legal = read.table(LEGAL_SHEET, LEGAL_COLUMNS)
    if PERIODS_SHEET in grids:  # added later: a book written before it has no periods
        period_fields, periods = read.fields(PERIODS_SHEET, PERIOD_FIELDS, PERIOD_FIELDS_COLUMN), \
            read.table(PERIODS_SHEET, PERIOD_COLUMNS)
    else:
        period_fields, periods = {}, []
    special = read.table(SPECIAL_SHEET, SPECIAL_COLUMNS) if SPECIAL_SHEET in grids else []  # added later
    del read, grids  # the sheets as read are not needed any more: freed before the roster is built
    # Cell-level problems do not stop the cross-sheet checks: the secretary gets every problem at once.
    check = _Checker(file_name, problems)
    period_kind, period_values, year_formula = check.periods(period_fields, periods, school.get("school_year"))
    # the periods away are the periods' codes; a discipline's act of a year before the school year's
    check_leave_columns(staff, period_values, problems, file_name, school.get("school_year"))
    campaign = check.build(school, rules, departments, staff, rubric_rows, criteria, titles, levels, legal)
    if campaign is not None:
        campaign = replace(campaign, period_kind=period_kind, periods=period_values, year_formula=year_formula,
                           unit_rating=period_fields.get("unit_rating") or "",
                           excellent_unit_cap_percent=period_fields.get("excellent_unit_cap_percent"),
                           small_groups_together=SMALL_GROUP_WORDS.get(period_fields.get("small_groups_together")
                                                                       or "", False),
                           special_awards=check.special_awards(special or (), campaign))
        campaign = with_rule_set(campaign, problems, today or vietnam_today(), file_name,
                                 cell=school_cells.get("province", ""))
        problems.extend(reference_day_far(campaign, file_name, school_cells))
    return (None if problems.errors else campaign), problems


class _Checker(Checks):
    """The campaign built from its sheets once :class:`Checks` has read across them; the awards proposed."""

    def build(self, school, rules, departments, staff, rubric_rows, criteria, titles, levels, legal):
        self.unique(departments, "code", DEPARTMENTS_SHEET)
        self.unique(staff, "code", STAFF_SHEET)
        self.unique(rubric_rows, "role", RUBRICS_SHEET)
        depts = tuple(cm.Department(**{k: v or "" for k, v in values.items()}) for _, values, _ in departments or ())
        rubrics = self.rubrics(rubric_rows, criteria) if rubric_rows is not None and criteria is not None else None
        people = self._people(staff, departments, depts, rubrics)
        staffed = {p.department for p in people}  # not a scan of the staff per department: 10,000 × 84,000
        for department in depts if staff is not None else ():
            if department.code not in staffed:
                self.add("campaign.empty_department", DEPARTMENTS_SHEET, name=department.name)
        classification = self.levels(levels, rubrics or ()) if levels is not None else ()
        if levels is not None:
            self._level_choices(rules, [lv.name for lv in classification])
        ratings = self._ratings(rules)
        self._percents(rules)
        self._school(school)
        if self.problems.errors:
            return None
        return _campaign(school, rules, ratings, classification, titles, legal, rubrics, depts, people)

    def _people(self, staff, departments, depts, rubrics) -> list[cm.Person]:
        """The roster of sheet Nhân sự, each person's department found by its code or name and role by its rubric
        (an unknown one said)."""
        by_name = {d.name: d.code for d in depts} | {d.code: d.code for d in depts}
        roles = {r.role for r in rubrics or ()}
        people = []
        for _, values, cells in staff or ():
            dept = by_name.get(values["department"])
            if dept is None and departments is not None and values["department"] is not None:
                self.add("campaign.unknown_department", STAFF_SHEET, cells["department"], value=values["department"],
                         name=values["name"] or values["code"] or "")
            if rubrics is not None and values["role"] is not None and values["role"] not in roles:
                self.add("campaign.unknown_role", STAFF_SHEET, cells["role"], value=values["role"],
                         roles=", ".join(sorted(roles)))
            given: dict[str, Any] = {k: (values.get(k) if values.get(k) is not None else
                                         ("" if k.startswith("initiative") else None)) for k in FACT_KEYS}
            facts = cm.Facts(**given)
            base = {k: values.get(k) or "" for k in ("code", "name", "gender", "dob", "position", "role", "start",
                                                     "notes")}
            people.append(cm.Person(**base, department=dept or "", facts=facts))
        return people

    def _level_choices(self, rules, level_names: list[str]) -> None:
        """The rules that name a classification level (the gate's cap, LĐTT's lowest level) name one of the book's."""
        for key in ("gate_cap", "ldtt_min_classification"):
            if rules.get(key) and rules[key] not in level_names:
                self.add("campaign.bad_choice", RULES_SHEET, field=label_of(RULE_FIELDS, key), value=rules[key],
                         choices=", ".join(level_names))

    def _ratings(self, rules) -> tuple[str, ...]:
        """The ratings LĐTT accepts, as listed (comma-separated); one that is not a rating said."""
        ratings = tuple(cm.clean_text(r) for r in (rules.get("ldtt_ratings") or "").split(",") if r.strip())
        for rating in ratings:
            if rating not in cm.RATINGS:
                self.add("campaign.bad_choice", RULES_SHEET, field=label_of(RULE_FIELDS, "ldtt_ratings"), value=rating,
                         choices=", ".join(cm.RATINGS))
        return ratings

    def _percents(self, rules) -> None:
        for key in ("ttldtt_min_percent", "ttldxs_min_percent", "cstdcs_quota_percent", "council_quorum_percent",
                    "cstdcs_vote_percent", "ldtt_vote_percent", "ttldxs_vote_percent"):
            value = rules.get(key)
            if value is not None and not 0 <= value <= 100:
                self.add("campaign.percent_range", RULES_SHEET, field=label_of(RULE_FIELDS, key), value=value)

    def _school(self, school) -> None:
        if school.get("spare_rows") is not None and not 0 <= school["spare_rows"] <= 20:
            self.add("campaign.spare_rows", SCHOOL_SHEET, value=school["spare_rows"])
        if school.get("school_year") and not re.fullmatch(r"\d{4}\s*-\s*\d{4}", school["school_year"]):
            self.add("campaign.school_year", SCHOOL_SHEET, value=school["school_year"])

    def special_awards(self, rows, campaign: cm.Campaign) -> tuple[cm.SpecialAward, ...]:
        """The đột xuất and chuyên đề awards proposed: each for a roster person or a department, by its code."""
        known = {p.code for p in campaign.staff} | {d.code for d in campaign.departments}
        awards = []
        for _, values, cells in rows:
            if values["who"] not in known:
                self.add("campaign.special_unknown", SPECIAL_SHEET, cells["who"], value=values["who"])
                continue
            awards.append(cm.SpecialAward(values["who"], values["kind"], values["achievement"], values["form"] or "",
                                          values["note"] or ""))
        return tuple(awards)


def _campaign(school, rules, ratings, classification, titles, legal, rubrics, depts, people) -> cm.Campaign:
    """The campaign from the checked sheets (no error found): the school's fields, settings and rules, the titles by
    code, the legal basis, the rubrics, departments and roster."""
    title_lists = {kind: tuple(v["name"] for _, v, _ in titles or () if v["kind"] == kind) for kind in TITLE_KINDS}
    individual, collective, forms = (title_lists[k] for k in TITLE_KINDS)
    settings = cm.Settings(**{k: school.pop(k) for k in SETTINGS_KEYS})
    settings = replace(settings, sheet_password=settings.sheet_password or "")
    campaign_id, level = school.pop("id"), school.pop("level")
    school["school_year"] = re.sub(r"\s*-\s*", "-", school["school_year"])
    gate_cap = rules.pop("gate_cap")
    return cm.Campaign(
        id=campaign_id, level=level,
        school=cm.School(**{k: v or "" for k, v in school.items()}),
        settings=settings,
        rules=cm.Rules(**{**rules, "ldtt_ratings": ratings, "ttldtt_at_least": bool(rules.get("ttldtt_at_least"))}),
        classification=classification, gate_cap=gate_cap,
        titles=cm.Titles(title_codes(individual), title_codes(collective), forms),  # titles by code
        legal_basis=tuple(v["line"] for _, v, _ in legal or ()),
        rubrics=rubrics or (), departments=depts, staff=tuple(people),  # none: said, the campaign not used
    )
