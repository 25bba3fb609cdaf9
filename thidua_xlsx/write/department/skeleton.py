"""The scoring round's forms made from skeletons: every form of a kind is the same sheet but for its
person's code, name, position, registered title, marker and department.

A form's skeleton is made once a process per kind — the campaign's round (everything the workbook is written from
but its department, people and collective title), the person's role, which of those six values are blank — by
:func:`.scoring.person_sheet` itself, writing a form for a person whose values are marks no campaign gives, in a
workbook of its own; what it wrote is kept: its sheet's XML with the numbers that depend on the workbook made slots
(:class:`.xlsx.skeletons.SheetSkeleton`), its record, its locked cells and the cells it returns. A form of that kind
is then that skeleton placed in the department's workbook with the person's values for the marks: the same bytes as
had it been written cell by cell (tests/write/test_generate_skeleton.py compares every part of every book of every
preset).

A form is written by xlsxwriter, cell by cell, when its skeleton cannot be made (a mark found elsewhere than where
a value goes whole: the form would show it inside another text; the sheet's XML not made again from the skeleton)
or when a value is longer than xlsxwriter keeps whole (it cuts a text at Excel's 32,767 UTF-16 units): counted in
:data:`made` by reason. ``THIDUA_WRITER=xlsxwriter`` in the environment (read at each workbook) writes every
department workbook the way it was before skeletons: every form cell by cell, the zip by xlsxwriter.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import itertools
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson
from thidua_xlsx.write import engine
from thidua_xlsx.write.department import scoring
from thidua_xlsx.write.department.book import DepartmentBook
from thidua_xlsx.write.department.locked import PlacedCells
from thidua_xlsx.write.xlsx import skeletons

WRITER_VARIABLE = "THIDUA_WRITER"  # "xlsxwriter": every department workbook written by xlsxwriter alone
FIELDS = ("code", "name", "position", "title", "marker", "department")  # a form's own values
MARK = "\ue000"  # a private-use character: where a form's own value goes (no campaign's text holds one)
SENTINELS = {field: f"{MARK}{field}\ue001" for field in FIELDS}
_SHEET = f"{MARK}sheet\ue001"  # the form's sheet's name while its skeleton is made
# What a form never shows, each a mark of its own while a skeleton is made (found, the form has no skeleton): the
# department's fields but its name, the collective's title
_ELSEWHERE = {field.name: f"{MARK}department {field.name}\ue001" for field in dataclasses.fields(cm.Department)
              if field.name != "name"}
_COLLECTIVE = f"{MARK}collective\ue001"
_WHOLE = 32_767 // 2  # a text up to this long is never cut by xlsxwriter (Excel's limit is in UTF-16 units)
_KINDS_LIMIT = 512  # skeletons kept a process (then started over)

made: Counter = Counter()  # this process's forms: "skeleton", or why xlsxwriter wrote one
_skeletons: dict[tuple, FormSkeleton | str] = {}  # a kind of form → its skeleton, or why it has none
_numbers = itertools.count()


@functools.lru_cache(maxsize=_KINDS_LIMIT)
def _round_number(_given: tuple) -> int:
    """What a round's books share → its number in the kinds: never a number given before."""
    return next(_numbers)


def forced_xlsxwriter() -> bool:
    """Whether the environment asks for every department workbook to be written by xlsxwriter alone."""
    return os.environ.get(WRITER_VARIABLE, "").strip().lower() == "xlsxwriter"


@dataclass(frozen=True)
class FormSkeleton:
    """A kind of form as :func:`.scoring.person_sheet` wrote it for the marks: its sheet, its record, what it
    returned and its locked cells (key, value), each with the marks where the person's values go; ``marked``: the
    record's fields and the returned keys that hold a mark."""

    sheet: skeletons.SheetSkeleton
    record: ly.ScoringSheet
    returned: dict
    locked: tuple[tuple[str, tuple[object, bool]], ...]
    marked: tuple[tuple[str, ...], tuple[str, ...]]

    @classmethod
    def made(cls, sheet: skeletons.SheetSkeleton, record: ly.ScoringSheet, returned: dict,
             locked: tuple[tuple[str, tuple[object, bool]], ...]) -> FormSkeleton:
        fields = tuple(f.name for f in dataclasses.fields(record) if any(MARK in text for text in
                                                                         _strings(getattr(record, f.name))))
        keys = tuple(key for key, value in returned.items() if any(MARK in text for text in _strings(value)))
        return cls(sheet, record, returned, locked, (fields, keys))

    def place(self, book: DepartmentBook, title: str, values: dict[str, str]) -> dict:
        """The form of ``values`` (field → value) in ``book``, its sheet named from ``title``; returns what
        :func:`.scoring.person_sheet` returns."""
        ws = scoring.form_sheet(book, title, placed=True)
        texts = {SENTINELS[field]: value for field, value in values.items() if value}
        skeletons.place_skeleton(book.wb, ws, self.sheet, book.f, texts)
        swap = {**texts, _SHEET: ws.name}
        fields, keys = self.marked
        book.records.append(dataclasses.replace(self.record, **{
            name: _swapped(getattr(self.record, name), swap) for name in fields}))
        book.placed.append(PlacedCells(self.locked, SENTINELS["marker"], values["marker"], swap))
        return {**self.returned, **{key: _swapped(self.returned[key], swap) for key in keys}}


class Forms:
    """The forms of one workbook being written (``book``, whose formats were made from ``styles``): each placed
    from its kind's skeleton, else written by :func:`.scoring.person_sheet`."""

    def __init__(self, book: DepartmentBook, styles: Mapping[str, Any]):
        self.book, self.styles = book, styles
        spec = book.c
        # everything the workbook is written from but its department and people: the same in every book of a round
        nobody = dataclasses.replace(spec.department, name="", **{field: "" for field in _ELSEWHERE})
        given = (dataclasses.replace(spec, department=nobody, people=(), collective=""), book.period)
        self.round = _round_number(given)  # compared once a workbook, not once a form

    def person_sheet(self, title: str, person: IssuedPerson, marker: str) -> dict:
        """:func:`.scoring.person_sheet` for ``person``'s form."""
        book = self.book
        values = {"code": person.code, "name": person.name, "position": person.position,
                  "title": scoring.shown_title(person), "marker": marker, "department": book.dept.name}
        if any(len(value) > _WHOLE for value in values.values()):
            made["a text xlsxwriter may cut"] += 1
            return scoring.person_sheet(book, title, person, marker)
        kind = (self.round, person.role, person.newcomer, tuple(not value for value in values.values()))
        skeleton = _skeletons.get(kind)
        if skeleton is None:
            if len(_skeletons) >= _KINDS_LIMIT:
                _skeletons.clear()
            skeleton = _skeletons[kind] = self._made(person, values)
        if isinstance(skeleton, str):
            made[skeleton] += 1
            return scoring.person_sheet(book, title, person, marker)
        made["skeleton"] += 1
        return skeleton.place(book, title, values)

    def _made(self, person: IssuedPerson, values: dict[str, str]) -> FormSkeleton | str:
        """The skeleton of ``person``'s kind of form, written for the marks in a workbook of its own; or why it has
        none."""
        marks = {field: SENTINELS[field] if value else "" for field, value in values.items()}
        probe = IssuedPerson(code=marks["code"], name=marks["name"], position=marks["position"], role=person.role,
                             registered=marks["title"], newcomer=person.newcomer)
        if scoring.shown_title(probe) != marks["title"]:
            return "a title shown otherwise"
        spec = self.book.c
        department = dataclasses.replace(spec.department, name=marks["department"], **_ELSEWHERE)
        wb = skeletons.skeleton_workbook_class()(io.BytesIO(), engine.workbook_options(in_memory=True))
        formats = {name: wb.add_format(props) for name, props in self.styles.items()}
        own = DepartmentBook(wb, dataclasses.replace(spec, department=department, people=(probe,),
                                                     collective=_COLLECTIVE), formats, self.book.period)
        returned = scoring.person_sheet(own, _SHEET, probe, marks["marker"])
        sheet = skeletons.sheet_skeleton(wb, own.worksheets[returned["sheet"]], formats)
        if isinstance(sheet, str):
            return sheet
        record = own.records[-1]
        if not isinstance(record, ly.ScoringSheet):
            return "a form without its record"
        skeleton = FormSkeleton.made(sheet, record, returned, tuple(own.locked.items()))
        if returned["sheet"] != _SHEET or not _marks_whole(skeleton):
            return "a value inside another text"
        return skeleton


def _marks_whole(skeleton: FormSkeleton) -> bool:
    """Whether every mark in ``skeleton`` is a whole text where a value goes: a shared string, a text shown, a
    record's or a returned value, a locked value (a locked cell's key holds the marker)."""
    sheet = skeleton.sheet
    whole = {*SENTINELS.values(), _SHEET}
    texts = [*sheet.strings, *sheet.texts,
             *_strings(skeleton.record), *_strings(skeleton.returned), *_strings([v for _, v in skeleton.locked])]
    keys = [key.replace(SENTINELS["marker"], "") for key, _ in skeleton.locked]
    return (MARK not in sheet.template and not any(MARK in key for key in keys)
            and all(text in whole or MARK not in text for text in texts))


def _strings(value: Any) -> list[str]:
    """Every text in ``value`` (a record, a dict, tuples and lists of them)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _strings([getattr(value, f.name) for f in dataclasses.fields(value)])
    if isinstance(value, dict):
        return _strings(list(value.items()))
    if isinstance(value, (tuple, list)):
        return [text for item in value for text in _strings(item)]
    return []


def _swapped(value: Any, swap: dict[str, str]) -> Any:
    """``value`` with each text that is a key of ``swap`` its value (in records, dicts and tuples)."""
    if isinstance(value, str):
        return swap.get(value, value)
    if isinstance(value, tuple):
        return tuple(_swapped(item, swap) for item in value)
    if isinstance(value, dict):
        return {key: _swapped(item, swap) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _swapped(getattr(value, f.name), swap)
                                             for f in dataclasses.fields(value) if f.init})
    return value
