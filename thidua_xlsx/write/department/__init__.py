"""Locked department workbooks (xlsxwriter): one per department and round.

The writer receives a :class:`~thidua_xlsx.model.issued.WorkbookSpec` — one department, and of its
people only code, name, position, role and registered title — and returns the typed layout it
wrote (:class:`~thidua_xlsx.model.layout.WorkbookLayout`), which also goes, as the workbook's only
metadata, into a very hidden sheet. Excel quirks worth knowing are noted where they bite.

This module is the packager, as in XlsxWriter: it opens the workbook and gives it its look, decides
the sheets and their order for the round, hands each sheet group the book (:mod:`.book`), and closes
it with the layout the groups recorded. The sheet groups are the modules beside it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
from pathlib import Path
from typing import Any, TextIO

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson, WorkbookSpec, as_data
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import workbook as tx
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.department import guide, lists, overview, registration, scoring
from thidua_xlsx.write.department.book import DepartmentBook
from thidua_xlsx.write.department.locked import LockedCells, locked_as_written
from thidua_xlsx.write.engine import BASE_STYLE, CENTER, ERROR_FILL, ERROR_FONT_COLOUR, HEADER_FILL, WARNING_FILL

INPUT_FILL = "#FFFFFF"
LOCKED_FILL = "#F2F2F2"
GROUP_FILL = "#E2EFDA"
_LOCKED = {**BASE_STYLE, "border": 1, "bg_color": LOCKED_FILL, "locked": True}
_INPUT = {**BASE_STYLE, "border": 1, "bg_color": INPUT_FILL, "locked": False}
_GROUP = {**_LOCKED, "bold": True, "bg_color": GROUP_FILL}
_TOTAL = {**_LOCKED, "bold": True, "bg_color": HEADER_FILL}
_NUMBER = {"align": "center"}  # General: "0.##" would show 90 as "90."
STYLES = {
    "plain": BASE_STYLE,
    **engine.PRINTED_STYLES,
    "label": {**BASE_STYLE, "bold": True},
    "locked": _LOCKED,
    "locked_c": {**_LOCKED, **CENTER},
    "locked_num": {**_LOCKED, **_NUMBER},
    "group": _GROUP,
    "group_num": {**_GROUP, **_NUMBER},
    "total": _TOTAL,
    "total_num": {**_TOTAL, **_NUMBER},
    "input": _INPUT,
    "input_num": {**_INPUT, **_NUMBER},
    "check": {**BASE_STYLE, **CENTER, "bold": True, "border": 2, "font_color": "#C00000"},
    "bad": {"bg_color": ERROR_FILL, "font_color": ERROR_FONT_COLOUR},
    "gap": {"bg_color": WARNING_FILL},
    "ok": {"font_color": "#006100", "bg_color": "#C6EFCE"},
}


def write_department_workbook(spec: WorkbookSpec, path: Path, period: cm.Period | None = None) -> ly.WorkbookLayout:
    """Write one department's workbook to ``path`` (through a temporary file); returns its layout. ``period``: the
    period of a period's scoring workbook (``spec.period``), whose dates and deadline its guide and its "Tổng hợp
    tổ" say."""
    return write_issued_workbook(spec, path, period)[0]


def write_issued_workbook(spec: WorkbookSpec, path: Path, period: cm.Period | None = None
                          ) -> tuple[ly.WorkbookLayout, LockedCells | None]:
    """:func:`write_department_workbook`, and the workbook's locked cells as written when they are what the merge
    will read back (:func:`.locked.locked_as_written`; None: read it back)."""
    with engine.replacing(path) as tmp:
        # in_memory: the parts are assembled in memory, not in ~25 temporary files a workbook (a few hundred
        # KB; the files cost more than the writing where the disk or a virus scanner is slow)
        wb = _workbook_class()(str(tmp), engine.workbook_options(in_memory=True))
        engine.set_properties(wb, f"{ly.ROUNDS[spec.round]} {spec.school.school_year} – {spec.department.name}",
                              spec.school.name, engine.FIXED_DATE)
        book = DepartmentBook(wb, spec, {name: wb.add_format(props) for name, props in STYLES.items()}, period)
        if spec.round == ly.REGISTRATION:
            registration.people_sheet(book)
            registration.collective_sheet(book)
        else:
            _scoring_sheets(book)
        guide.guide_sheet(book)
        lists.lists_sheet(book)
        layout, meta = _layout_with_json(spec, book.records, period)
        engine.meta_sheet(wb, meta, spec.settings.sheet_password)
        locked = locked_as_written(book) if spec.round == ly.SCORING else None
        wb.close()
    return layout, locked


def _scoring_sheets(book: DepartmentBook) -> None:
    """"Tổng hợp tổ" first (the first tab), then a form per person and per spare form for a newcomer
    (of the department's most common role); "Tổng hợp tổ" is filled in last, from where the forms' values are."""
    dept_ws = book.sheet(ly.DEPARTMENT_SHEET, landscape=True, widths=overview.WIDTHS)
    people: list[tuple[IssuedPerson, str]] = [(p, p.code) for p in book.members]
    roles = [p.role for p in book.members]
    spare_role = max(set(roles), key=roles.count) if roles else book.c.rubrics[0].role
    for k in range(1, book.c.settings.spare_rows + 1):
        people.append((IssuedPerson(code="", name="", position="", role=spare_role), tx.SPARE_SHEET.format(n=k)))
    person_cells = []
    for n, (person, marker) in enumerate(people, start=1):
        title = marker if not person.code else f"{n:02d} {person.name}"
        person_cells.append(scoring.person_sheet(book, title, person, marker))
    overview.department_sheet(book, dept_ws, people, person_cells)


_PREPARED_LIMIT = 100_000  # formulas remembered per process (a few MB); the cache starts over beyond


@functools.cache
def _workbook_class() -> type:
    """xlsxwriter's Workbook whose worksheets remember how each formula was prepared.

    xlsxwriter runs ~200 regular expressions over every formula, conditional format and data
    validation it writes (to add Excel's "_xlfn." prefixes; our formulas never need one), and
    that was a third of the time of ``generate``. The preparation is a pure function of the
    formula text and two flags, and most formulas repeat — every form of a rubric has the same
    ones, in every department — so the result is remembered: the bytes written are the same. So are the XML of
    its data validations, conditional formats and rows, and its plain cells are written the short way
    (:mod:`thidua_xlsx.write.xlsx`, whose versions of xlsxwriter these shortcuts too are used with only)."""
    import xlsxwriter

    if not xlsx.shortcuts():
        return xlsxwriter.Workbook
    prepared: dict[tuple[str, bool], str] = {}
    elements: dict[tuple, str] = {}
    rows_written: dict[tuple, str] = {}

    short_cells: Any = xlsx.worksheet_class()  # a class made at run time

    class _Worksheet(short_cells):
        fh: TextIO  # xlsxwriter's: where the sheet's XML goes

        def _prepare_formula(self, formula, expand_future_functions=False):
            key = (formula, bool(self.use_future_functions or expand_future_functions))
            found = prepared.get(key)
            if found is None:
                if len(prepared) >= _PREPARED_LIMIT:
                    prepared.clear()
                found = prepared[key] = super()._prepare_formula(formula, expand_future_functions)
            return found

        def _write_data_validation(self, options):
            self._write_remembered(super()._write_data_validation, options)

        def _write_cf_rule(self, params):
            if params.get("type") in ("cellIs", "expression"):  # ours; a data bar also writes elsewhere
                self._write_remembered(super()._write_cf_rule, params)
            else:
                super()._write_cf_rule(params)

        def _write_remembered(self, write, options):
            # A data validation's or a conditional format's XML is a function of its options (and of how
            # formulas are prepared), and the same ones come on every form: written once, then remembered by
            # the options' repr — of plain data only (text, numbers, lists of them), which it tells apart.
            if not all(type(value) in _PLAIN for value in options.values()):
                write(options)
                return
            key = (write.__name__, self.use_future_functions, repr(options))
            found = elements.get(key)
            if found is None:
                kept = self.fh
                self.fh = io.StringIO()
                try:
                    write(options)
                    found = self.fh.getvalue()
                finally:
                    self.fh = kept
                if len(elements) >= _PREPARED_LIMIT:
                    elements.clear()
                elements[key] = found
            self.fh.write(found)

        def _calculate_spans(self):
            # xlsxwriter's spans (each 16 rows' first and last used column) from the rows' own columns, not
            # by trying every column of every row; comments take xlsxwriter's own way
            if self.comments:
                return super()._calculate_spans()
            spans: dict[int, list[int]] = {}
            for row_num, cells in self.table.items():
                if cells:
                    low, high = min(cells), max(cells)
                    span = spans.get(row_num // 16)
                    if span is None:
                        spans[row_num // 16] = [low, high]
                    else:
                        span[0], span[1] = min(span[0], low), max(span[1], high)
            self.row_spans = {block: f"{low + 1}:{high + 1}" for block, (low, high) in sorted(spans.items())}
            return None

        def _write_rows(self):
            # xlsxwriter's rows, each row whose cells all have a format written once a workbook and remembered
            # (its XML is a function of its number, its 16 rows' span, its height and style and its cells:
            # the rows given again to each form, .repeat, are the same rows).
            if self.comments or self.constant_memory:
                return super()._write_rows()
            self._calculate_spans()
            table, row_info, spans = self.table, self.row_info, self.row_spans
            sheet = (self.default_row_height, self.original_row_height, self.excel_version)
            for row_num in range(self.dim_rowmin, self.dim_rowmax + 1):
                cells, info = table[row_num], row_info.get(row_num)
                span = spans.get(row_num // 16)
                if not cells:
                    if info is not None:
                        self._write_empty_row(row_num, span, info)
                    continue
                key = (row_num, span, id(info), sheet, tuple(cells.items()))
                found = rows_written.get(key) if all(cell.format for cell in cells.values()) else None
                if found is None:
                    kept = self.fh
                    self.fh = io.StringIO()
                    try:
                        self._write_row(row_num, span, info)
                        for col_num in range(self.dim_colmin, self.dim_colmax + 1):
                            if col_num in cells:
                                self._write_cell(row_num, col_num, cells[col_num])
                        self._xml_end_tag("row")
                        found = self.fh.getvalue()
                    finally:
                        self.fh = kept
                    if all(cell.format for cell in cells.values()):
                        rows_written[key] = found
                self.fh.write(found)
            return None

    class _Workbook(xlsxwriter.Workbook):
        worksheet_class = _Worksheet

        def __init__(self, *args, **kwargs):
            rows_written.clear()  # its rows hold the formats of the workbook before: never this one's
            super().__init__(*args, **kwargs)

    return _Workbook


_PLAIN = frozenset((str, int, float, bool, type(None), list))  # xlsxwriter's options' values (lists: of ranges)


def _titles_named(spec: WorkbookSpec) -> WorkbookSpec:
    """``spec`` with its titles by name, as the workbook shows them: the id digests what the department sees,
    and a workbook has the id it had before titles had codes."""
    t = spec.titles
    titles = dataclasses.replace(t, individual=tuple(map(title_name, t.individual)),
                                 collective=tuple(map(title_name, t.collective)))
    people = tuple(dataclasses.replace(p, registered=title_name(p.registered)) for p in spec.people)
    return dataclasses.replace(spec, titles=titles, people=people, collective=title_name(spec.collective))


def workbook_layout(spec: WorkbookSpec, sheets: list[ly.SheetLayout], period: cm.Period | None = None
                    ) -> ly.WorkbookLayout:
    """The layout with its submission id: a digest of the layout and everything the writer was given
    (but the sheet password; with the period's dates and deadline), so that generating twice gives byte-identical
    files and any change of content — people, rubric, titles, gate, settings, the period's dates — a new id."""
    return _layout_with_json(spec, sheets, period)[0]


def _layout_with_json(spec: WorkbookSpec, sheets: list[ly.SheetLayout], period: cm.Period | None = None
                      ) -> tuple[ly.WorkbookLayout, dict]:
    """:func:`workbook_layout` and its JSON (the metadata written), the layout made JSON once for both."""
    layout = ly.WorkbookLayout(spec.campaign_id, spec.school.school_year, spec.round, spec.department.code,
                               spec.department.name, "", tuple(sheets), period=spec.period)
    unsecret = dataclasses.replace(_titles_named(spec), settings=dataclasses.replace(spec.settings, sheet_password=""),
                                   rubrics=(), classification=())
    given = dataclasses.asdict(unsecret)  # what every department shares made data once (in its place: the same JSON)
    given["rubrics"], given["classification"] = as_data(spec.rubrics), as_data(spec.classification)
    if not spec.period:  # the year's single round: its ids as before periods existed
        del given["period"], given["period_label"]
    elif period is not None:
        given["period_dates"] = dataclasses.asdict(period)
    data = layout.to_json()
    content = json.dumps([data, given], ensure_ascii=False, sort_keys=True, default=str)
    digest = hashlib.sha256(content.encode()).hexdigest()[:20]
    return dataclasses.replace(layout, submission_id=digest), {**data, "submission_id": digest}
