"""``campaign.xlsx``: the workbook the secretary edits, written from a Campaign (its layout: model/campaign_book)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from xlsxwriter.format import Format
from xlsxwriter.utility import quote_sheetname, xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import (
    BOOL,
    CRITERIA_COLUMNS,
    CRITERIA_SHEET,
    DATE,
    DEPARTMENT_COLUMNS,
    DEPARTMENT_LIST,
    DEPARTMENTS_SHEET,
    GUIDE_SHEET,
    LEGAL_COLUMNS,
    LEGAL_SHEET,
    LEVEL_COLUMNS,
    LEVELS_SHEET,
    LIST_ROWS,
    PERIOD_COLUMNS,
    PERIOD_FIELDS,
    PERIOD_FIELDS_COLUMN,
    PERIOD_KIND_WORDS,
    PERIODS_SHEET,
    ROLE_LIST,
    RUBRIC_COLUMNS,
    RUBRICS_SHEET,
    RULE_FIELDS,
    RULES_SHEET,
    SCHOOL_FIELDS,
    SCHOOL_SHEET,
    SMALL_GROUP_WORDS,
    SPECIAL_COLUMNS,
    SPECIAL_SHEET,
    STAFF_COLUMNS,
    STAFF_SHEET,
    TITLE_COLUMNS,
    TITLE_KINDS,
    TITLES_SHEET,
    VALIDATION_ROWS,
    YEAR_FORMULA_WORDS,
    Column,
    Field,
    SourceList,
)
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text.commands import CAMPAIGN_BOOK_TITLE, CAMPAIGN_FIELD_HEADERS, CAMPAIGN_GUIDE, CAMPAIGN_GUIDE_TITLE
from thidua_xlsx.text.workbook import NO, YES
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.engine import FIXED_DATE, FONT, HEADER_FILL, replacing

# The guide's one column, as wide as A4 upright holds between the decree's margins: LibreOffice does not scale a
# sheet of one column to the page's width (a guide 110 wide printed cut at the right). Measured: a unit of this book
# (Calibri 11 its default font) prints 7 pt wide, 60 units end 38 pt inside the right margin; its lines are
# counted in the engine's units (CHAR_PT wide) for the rows' heights.
GUIDE_WIDTH = 60
_UNIT_PT = 7.0
GUIDE_TITLE_PT = 14


def _fields(value) -> dict:
    """A dataclass's fields by name, one level deep (``vars`` for the classes kept without a ``__dict__``)."""
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}


def write_campaign_book(campaign: cm.Campaign, path: Path, provinces: tuple[str, ...] = ()) -> None:
    """Write ``campaign.xlsx`` whole (through a temporary file and a rename: a full disk leaves the old book,
    never half of a new one). ``provinces``: the dropdown of the province field (read.rule_sets.province_names:
    the data files found); none given, the field is typed freely."""
    with replacing(path) as tmp:
        _write_book(campaign, tmp, provinces)


def _write_book(campaign: cm.Campaign, path: Path, provinces: tuple[str, ...] = ()) -> None:
    """The book at ``path`` (xlsxwriter; fixed document dates so output is reproducible)."""
    wb, fmt = open_book(path, CAMPAIGN_BOOK_TITLE.format(year=campaign.school.school_year))
    write_guide(wb, fmt, CAMPAIGN_GUIDE_TITLE.format(year=campaign.school.school_year, school=campaign.school.name),
                CAMPAIGN_GUIDE)

    s, settings = campaign.school, campaign.settings
    school_values = {**vars(s), **vars(settings), "id": campaign.id, "level": campaign.level}
    write_fields(wb, SCHOOL_SHEET, SCHOOL_FIELDS, school_values, fmt, lists={"province": provinces})
    rules = vars(campaign.rules) | {"ldtt_ratings": ", ".join(campaign.rules.ldtt_ratings),
                                    "gate_cap": campaign.gate_cap}
    write_fields(wb, RULES_SHEET, RULE_FIELDS, rules, fmt)

    dept_name = {d.code: d.name for d in campaign.departments}
    write_table(wb, DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS, [vars(d) for d in campaign.departments], fmt)
    staff_rows = [{**_fields(p), **_fields(p.facts), "department": dept_name.get(p.department, p.department),
                   "away": ", ".join(p.facts.away)} for p in campaign.staff]
    staff_sheet = write_table(wb, STAFF_SHEET, STAFF_COLUMNS, staff_rows, fmt)
    _source_validation(wb, staff_sheet, STAFF_COLUMNS, "role", ROLE_LIST)
    _source_validation(wb, staff_sheet, STAFF_COLUMNS, "department", DEPARTMENT_LIST)
    write_table(wb, RUBRICS_SHEET, RUBRIC_COLUMNS, [{"role": r.role, "total": r.total} for r in campaign.rubrics], fmt)
    criteria_rows = []
    for rubric in campaign.rubrics:
        for group in rubric.groups:
            criteria_rows.append({"role": rubric.role, "code": group.code, "text": group.name, "kind": group.kind,
                                  "max": group.max, "min": group.min})
            criteria_rows += [{"role": rubric.role, "code": i.code, "text": i.text, "max": i.max, "hint": i.hint}
                              for i in group.items]
    write_table(wb, CRITERIA_SHEET, CRITERIA_COLUMNS, criteria_rows, fmt)
    t = campaign.titles
    titles = [{"kind": kind, "name": name}
              for kind, names in zip(TITLE_KINDS, (map(title_name, t.individual), map(title_name, t.collective),
                                                   t.forms))
              for name in names]
    write_table(wb, TITLES_SHEET, TITLE_COLUMNS, titles, fmt)
    write_table(wb, LEVELS_SHEET, LEVEL_COLUMNS, [vars(level) for level in campaign.classification], fmt)
    write_table(wb, LEGAL_SHEET, LEGAL_COLUMNS, [{"line": line} for line in campaign.legal_basis], fmt)
    _write_periods(wb, campaign, fmt)
    names = {p.code: p.name for p in campaign.staff} | dept_name
    write_table(wb, SPECIAL_SHEET, SPECIAL_COLUMNS, [{**vars(a), "name": names.get(a.who, "")}
                                                      for a in campaign.special_awards], fmt)
    wb.close()


def _write_periods(wb, campaign: cm.Campaign, fmt) -> None:
    """Sheet "Kỳ đánh giá": the periods' table, and its fields beside it (an empty table and "Không": one round at
    the end of the year, as before NĐ 233/2026; the unit's choices of điều 12 khoản 6 at their defaults, said)."""
    weights = dict(campaign.year_formula.weights) if campaign.year_formula.kind == cm.WEIGHTED else {}
    rows = [{**_fields(p), "weight": weights.get(p.code)} for p in campaign.periods]
    sheet = write_table(wb, PERIODS_SHEET, PERIOD_COLUMNS, rows, fmt)
    word = {code: word for word, code in PERIOD_KIND_WORDS.items()} | {
        code: word for word, code in YEAR_FORMULA_WORDS.items()}
    together = {flag: word for word, flag in SMALL_GROUP_WORDS.items()}
    values = {"period_kind": word[campaign.period_kind], "year_formula": word[campaign.year_formula.kind],
              "unit_rating": campaign.unit_rating, "excellent_unit_cap_percent": campaign.excellent_unit_cap_percent,
              "small_groups_together": together[campaign.small_groups_together]}
    write_fields(wb, PERIODS_SHEET, PERIOD_FIELDS, values, fmt, sheet=sheet, column=PERIOD_FIELDS_COLUMN)


def open_book(path: Path, title: str) -> tuple[Workbook, dict[str, Format]]:
    """An xlsxwriter workbook at ``path`` for a book the secretary (or the commune's officer) edits, and its formats
    (fixed document dates: the same content gives the same file)."""
    wb = xlsx.file_alike_workbook_class()(str(path), {
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "default_date_format": "dd/mm/yyyy",
    })
    wb.set_properties({"title": title, "author": ly.APP_ID, "comments": ly.written_by(), "created": FIXED_DATE})
    base = {"font_name": FONT, "font_size": 12, "valign": "top", "text_wrap": True}
    fmt = {
        "head": wb.add_format({**base, "bold": True, "bg_color": HEADER_FILL, "border": 1, "align": "center"}),
        "cell": wb.add_format({**base, "border": 1}),
        "label": wb.add_format({**base, "border": 1, "bold": True, "bg_color": "#F2F2F2"}),
        "note": wb.add_format({**base, "italic": True, "font_color": "#595959"}),
        "date": wb.add_format({**base, "border": 1, "num_format": "dd/mm/yyyy"}),
        "title": wb.add_format({**base, "bold": True, "font_size": GUIDE_TITLE_PT}),
        "text": wb.add_format({**base}),
    }
    return wb, fmt


def write_guide(wb, fmt, title: str, lines) -> None:
    """Sheet "Hướng dẫn": the title and the lines, wrapped, each row as high as its lines, printed on A4 upright."""
    guide = wb.add_worksheet(GUIDE_SHEET)
    engine.page_setup(guide)
    guide.set_column(0, 0, GUIDE_WIDTH, fmt["text"])
    guide.write(0, 0, title, fmt["title"])
    width = GUIDE_WIDTH * _UNIT_PT / engine.CHAR_PT
    guide.set_row(0, engine.row_height(engine.cell_lines(title, width * 12 / GUIDE_TITLE_PT, bold=True),
                                       GUIDE_TITLE_PT))
    for row, line in enumerate(lines, start=2):
        guide.write(row, 0, line, fmt["text"])
        guide.set_row(row, engine.row_height(engine.cell_lines(line, width)))


def _cell_value(column_kind: str, value):
    if value is None or value == "":
        return None
    if column_kind == DATE:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if column_kind == BOOL:
        return YES if value else NO
    return value


def _write_any(sheet, row, col, kind, value, fmt, style="cell"):
    value = _cell_value(kind, value)
    if value is None:
        sheet.write_blank(row, col, None, fmt[style])
    elif kind == DATE:
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt["date"])
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        sheet.write_number(row, col, value, fmt[style])
    else:
        sheet.write_string(row, col, str(value), fmt[style])


def write_fields(wb: Workbook, name: str, fields: Sequence[Field], values: Mapping[str, object],
                 fmt: dict[str, Format], sheet: Worksheet | None = None, column: int = 0,
                 lists: Mapping[str, Sequence[str]] | None = None) -> Worksheet:
    """Labels, values and notes in three columns from ``column`` of a new sheet ``name`` (or of ``sheet``).
    ``lists``: field key → a dropdown found at run time (the provinces' files), a warning only: a province
    added after the book was written may still be typed."""
    into = wb.add_worksheet(name) if sheet is None else sheet
    dropdowns = lists or {}
    for col, width in enumerate((44, 46, 60), start=column):
        into.set_column(col, col, width)
    for col, header in enumerate(CAMPAIGN_FIELD_HEADERS, start=column):
        into.write_string(0, col, header, fmt["head"])
    for row, f in enumerate(fields, start=1):
        into.write_string(row, column, f.label, fmt["label"])
        _write_any(into, row, column + 1, f.kind, values.get(f.key), fmt)
        if f.note:
            into.write_string(row, column + 2, f.note, fmt["note"])
        if f.choices:
            into.data_validation(row, column + 1, row, column + 1, {"validate": "list", "source": list(f.choices)})
        elif dropdowns.get(f.key) and len(",".join(dropdowns[f.key])) <= 255:  # Excel's limit for inline lists
            _check(into.data_validation(row, column + 1, row, column + 1, {
                "validate": "list", "source": list(dropdowns[f.key]), "error_type": "warning"}))
    if sheet is None:
        into.freeze_panes(1, 0)
    return into


def write_table(wb: Workbook, name: str, columns: Sequence[Column], rows: Sequence[Mapping[str, object]],
                fmt: dict[str, Format]) -> Worksheet:
    sheet = wb.add_worksheet(name)
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.header, fmt["head"])
    for r, values in enumerate(rows, start=1):
        for col, column in enumerate(columns):
            _write_any(sheet, r, col, column.kind, values.get(column.key), fmt)
    for col, column in enumerate(columns):
        if column.choices:
            _list_validation(sheet, columns, column.key, column.choices)
        elif column.kind == BOOL:
            _list_validation(sheet, columns, column.key, (YES, NO))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    return sheet


def _list_validation(sheet, columns, key, choices):
    """A fixed dropdown (ratings, disciplines…): the values the loader accepts, written inline."""
    col = [c.key for c in columns].index(key)
    source = list(choices)
    if len(",".join(source)) <= 255:  # Excel's limit for inline lists
        _check(sheet.data_validation(1, col, VALIDATION_ROWS, col, {"validate": "list", "source": source,
                                                                    "error_type": "warning"}))


def _source_validation(wb, sheet, columns, key, source: SourceList):
    """A dropdown that follows a list of the book (see :class:`SourceList`)."""
    letter = xl_col_to_name([c.key for c in source.columns].index(source.key))
    first, where = f"${letter}$2", quote_sheetname(source.sheet)
    _check(wb.define_name(source.name, f"=OFFSET({where}!{first},0,0,"
                                       f"MAX(1,COUNTA({where}!{first}:${letter}${LIST_ROWS})),1)"))
    col = [c.key for c in columns].index(key)
    _check(sheet.data_validation(1, col, VALIDATION_ROWS, col, {"validate": "list", "source": f"={source.name}",
                                                                "error_type": "warning"}))


def _check(result) -> None:
    """xlsxwriter reports a refused name or validation by a return code (and a warning): make it loud."""
    if result not in (None, 0):
        raise AssertionError(f"xlsxwriter refused a name or a data validation ({result})")


# --- loading -------------------------------------------------------------------------------


