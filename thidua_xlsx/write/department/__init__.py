"""Locked department workbooks (xlsxwriter): one per department and round.

The writer receives a :class:`~thidua_xlsx.model.issued.WorkbookSpec` — one department, and of its
people only code, name, position, role and registered title — and returns the typed layout it
wrote (:class:`~thidua_xlsx.model.layout.WorkbookLayout`), which also goes, as the workbook's only
metadata, into a very hidden sheet. Excel quirks worth knowing are noted where they bite.

This module is the packager, as in XlsxWriter: it opens the workbook and gives it its look, decides
the sheets and their order for the round, hands each sheet group the book (:mod:`.book`), and closes
it with the layout the groups recorded. The sheet groups are the modules beside it. The scoring round's forms are
placed from a skeleton made once a process per kind of form (:mod:`.skeleton`: the bytes xlsxwriter writes, each part
compressed once a process); ``THIDUA_WRITER=xlsxwriter`` writes them cell by cell.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson, WorkbookSpec, as_data
from thidua_xlsx.model.kept import per_object
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.department import guide, lists, overview, registration, scoring, skeleton
from thidua_xlsx.write.department.book import DepartmentBook
from thidua_xlsx.write.department.locked import LockedCells, locked_as_written
from thidua_xlsx.write.engine import BASE_STYLE, CENTER, ERROR_FILL, ERROR_FONT_COLOUR, HEADER_FILL, WARNING_FILL
from thidua_xlsx.write.xlsx import skeletons

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


def write_issued_workbook(spec: WorkbookSpec, path: Path, period: cm.Period | None = None
                          ) -> tuple[ly.WorkbookLayout, LockedCells | None]:
    """Write one department's workbook to ``path`` (through a temporary file); returns its layout, and the workbook's
    locked cells as written when they are what the merge will read back (:func:`.locked.locked_as_written`; None: read
    it back). ``period``: the period of a period's scoring workbook (``spec.period``), whose dates and deadline its
    guide and its "Tổng hợp tổ" say."""
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
        layout, meta = layout_with_json(spec, book.records, period)
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
        people.append((IssuedPerson(code="", name="", position="", role=spare_role), wx.SPARE_SHEET.format(n=k)))
    person_cells = []
    forms = skeleton.Forms(book, STYLES) if skeletons.takes_skeletons(book.wb) else None
    for n, (person, marker) in enumerate(people, start=1):
        title = marker if not person.code else f"{n:02d} {person.name}"
        person_cells.append(forms.person_sheet(title, person, marker) if forms is not None else
                            scoring.person_sheet(book, title, person, marker))
    overview.department_sheet(book, dept_ws, people, person_cells)


def _workbook_class() -> type:
    """xlsxwriter's Workbook remembering what every form repeats, whose forms are made from skeletons and whose parts
    are compressed once a process (:func:`.xlsx.skeletons.skeleton_workbook_class`, :mod:`.skeleton`); with
    ``THIDUA_WRITER=xlsxwriter``, without skeletons (:func:`.xlsx.remembering_workbook_class`). Named here so that a
    test can write with xlsxwriter's own instead."""
    return xlsx.remembering_workbook_class() if skeleton.forced_xlsxwriter() else skeletons.skeleton_workbook_class()


def _titles_named(spec: WorkbookSpec) -> WorkbookSpec:
    """``spec`` with its titles by name, as the workbook shows them: the id digests what the department sees,
    and a workbook has the id it had before titles had codes."""
    people = tuple(dataclasses.replace(p, registered=title_name(p.registered)) for p in spec.people)
    return dataclasses.replace(spec, titles=_titles_by_name(spec.titles), people=people,
                               collective=title_name(spec.collective))


def _titles_by_name(t: cm.Titles) -> cm.Titles:
    return dataclasses.replace(t, individual=tuple(map(title_name, t.individual)),
                               collective=tuple(map(title_name, t.collective)))


def layout_with_json(spec: WorkbookSpec, sheets: list[ly.SheetLayout], period: cm.Period | None = None
                      ) -> tuple[ly.WorkbookLayout, dict]:
    """The layout with its submission id, and its JSON (the metadata written), made once for both. The id is a digest
    of the layout and everything the writer was given (but the sheet password; with the period's dates and deadline),
    so that generating twice gives byte-identical files and any change of content — people, rubric, titles, gate,
    settings, the period's dates — a new id."""
    layout = ly.WorkbookLayout(spec.campaign_id, spec.school.school_year, spec.round, spec.department.code,
                               spec.department.name, "", tuple(sheets), period=spec.period)
    named = _titles_named(spec)
    # each field's JSON (the sheet password left out), what every department shares made once: json.dumps of the whole
    # writes the same
    given = {f.name: _shared_json(getattr(spec, f.name), f.name) if f.name in _SHARED
             else _json(_data(getattr(named, f.name))) for f in dataclasses.fields(spec)}
    if not spec.period:  # the year's single round: its ids as before periods existed
        del given["period"], given["period_label"]
    elif period is not None:
        given["period_dates"] = _json(dataclasses.asdict(period))
    data = layout.to_json()
    # json.dumps([data, given], ensure_ascii=False, sort_keys=True, default=str), the given values' JSON made apart
    content = f"[{_json(data)}, {{{', '.join(f'{_json(key)}: {given[key]}' for key in sorted(given))}}}]"
    digest = hashlib.sha256(content.encode()).hexdigest()[:20]
    return dataclasses.replace(layout, submission_id=digest), {**data, "submission_id": digest}


_json = functools.partial(json.dumps, ensure_ascii=False, sort_keys=True, default=str)
# what the workbook's id is made of, of each part of the campaign every department shares (the sheet password out)
_SHARED: dict[str, Callable[[Any], object]] = {
    "school": dataclasses.asdict, "titles": lambda t: dataclasses.asdict(_titles_by_name(t)), "rubrics": as_data,
    "classification": as_data, "settings": lambda s: dataclasses.asdict(dataclasses.replace(s, sheet_password=""))}


@per_object(64)
def _shared_json(part: object, field: str) -> str:
    """The JSON of what field ``field`` of the spec is made of — ``part``, a part of the campaign (its school,
    settings, titles, rubrics, levels: the same objects for every department) — made once for that object."""
    return _json(_SHARED[field](part))


def _data(value: object) -> object:
    """``value`` (a department's, its people) as ``dataclasses.asdict`` gives it inside a dataclass."""
    if isinstance(value, tuple):
        return [_data(item) for item in value]
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) and not isinstance(value, type) else value
