"""One workbook's extraction under way: its sheets told apart by what they show, and what every part
(:mod:`.registration`, :mod:`.scoring`, :mod:`.overview`) records into — the cells found, the locked
cells with where they are, and the problems, each reported by cell."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import Cell, RegistrationEntry, ScoringForm
from thidua_xlsx.model.issued import IssuedWorkbook
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, issue
from thidua_xlsx.read.department.cells import Sheet, canonical
from thidua_xlsx.read.department.formulas import NO_FORMULA
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.text.messages import shortened

# Sheets of ours that hold no input: never parsed. Every other sheet is (those the issued record names,
# and any it does not: a copied or renamed form is found by the code it shows, and reported).
NOT_READ = (ly.LISTS_SHEET, ly.GUIDE_SHEET)

CHECK_VALUE_OFFSET = 4  # the check line's formula starts where its label's merged columns end
Header = tuple[int, dict[str, int]]  # a table's header row and its columns by key (Sheet.header)


class Kinds(NamedTuple):
    """The sheets of a workbook by what they show."""

    forms: list[tuple[Sheet, tuple[int, int]]]  # each sheet showing a person's form, and where its code's label is
    tables: dict[str, list[tuple[Sheet, Header]]]  # kind of sheet → each sheet of that kind, and its table's header


@dataclass
class Found:
    registrations: list[RegistrationEntry] = dataclasses.field(default_factory=list)
    forms: list[ScoringForm] = dataclasses.field(default_factory=list)
    collective: Cell | None = None
    missing: list[str] = dataclasses.field(default_factory=list)
    marked: list[str] = dataclasses.field(default_factory=list)
    locked: dict[str, tuple[str, Sheet, int, int]] = dataclasses.field(default_factory=dict)  # value, where
    issues: list[Issue] = dataclasses.field(default_factory=list)
    foreign: set[str] = dataclasses.field(default_factory=set)  # codes shown that were never issued here
    people_found: int = 0


class Extraction:
    """Finds the sheets of one workbook by the codes they show; the parts read them into :attr:`found`."""

    def __init__(self, file: str, sheets: dict[str, Sheet], issued: IssuedWorkbook,
                 rubrics: tuple[cm.Rubric, ...]):
        self.file, self.issued = file, issued
        self.sheets = {k: v for k, v in sheets.items() if k != ly.META_SHEET and k not in NOT_READ}
        self.rubrics = rubrics
        self.people = {p.code: p for p in issued.people}
        self.found = Found()

    def add(self, code: str, severity: str, sheet: str = "", cell: str = "", **params) -> None:
        self.found.issues.append(issue(code, severity, file=self.file, sheet=sheet, cell=cell, **params))

    def lock(self, key: str, sheet: Sheet, row: int, col: int) -> None:
        """Remember a locked cell's text and where it is (the first place its key is found)."""
        if key not in self.found.locked:
            self.found.locked[key] = (sheet.text(row, col), sheet, row, col)

    def lock_formula(self, key: str, sheet: Sheet, row: int, col: int) -> None:
        """Remember the formula of a locked cell, by its constants (:mod:`.formulas`), where the file's
        formulas are read (not in an .xls)."""
        if sheet.formulas is not None and key not in self.found.locked:
            self.found.locked[key] = (sheet.formulas.get((row, col), NO_FORMULA), sheet, row, col)

    def lock_check(self, key: str, sheet: Sheet) -> None:
        """The formula of a sheet's "Kiểm tra (tự động):" line (the cell after its label's four columns)."""
        at = sheet.find(wx.CHECK_LABEL)
        if at is not None:
            self.lock_formula(f"{key}|check|formula", sheet, at[0], at[1] + CHECK_VALUE_OFFSET)

    def classify(self) -> Kinds:
        kinds = Kinds([], {})
        for sheet in self.sheets.values():
            marker = sheet.find(wx.L_CODE)
            if marker is not None:
                kinds.forms.append((sheet, marker))
                continue
            for kind, wanted in (("department", {"code": wx.DEPT_HEADERS[1], "final": wx.DEPT_HEADERS[6]}),
                                 ("registration", ly.REGISTRATION_HEADER), ("collective", ly.COLLECTIVE_HEADER)):
                found = sheet.header(wanted)
                if found is not None:
                    kinds.tables.setdefault(kind, []).append((sheet, found))
                    break
        return kinds

    def one(self, kinds: Kinds, kind: str, read: Callable[[Extraction, Sheet, Header], None]) -> None:
        """A sheet that appears once per workbook: read the first; a copy is reported, not read."""
        found = kinds.tables.get(kind, [])
        if not found:
            self.add("file.sheet_missing", ERROR, sheet=_issued_name(self.issued, kind))
            if kind in ("registration",):
                self.found.missing.extend(self.people)
            return
        for sheet, _ in found[1:]:
            self.add("sheet.duplicate", ERROR, sheet=sheet.name, used=found[0][0].name)
        sheet, where = found[0]
        read(self, sheet, where)

    # --- what cannot be placed ---

    def unplaced(self, sheet: Sheet, row: int, cells: list[Cell], code: str = "", duplicate: str = "") -> None:
        for found in cells:
            value = shortened(canonical(found.value))
            if duplicate:
                self.add("row.duplicate_code", ERROR, sheet=sheet.name, cell=found.cell, row_code=shortened(duplicate),
                         value=value)
            elif code:
                self.add("row.unknown_code", ERROR, sheet=sheet.name, cell=found.cell, row_code=shortened(code),
                         value=value)
            else:
                self.add("row.no_code", ERROR, sheet=sheet.name, cell=found.cell, value=value)

    def stray(self, sheet: Sheet, row: int, columns: list[int], owner: str) -> None:
        """Values typed in locked cells of a table's row (``columns``, from :func:`stray_finder`) that held
        nothing when issued — a sheet unprotected, a score or a note typed beside the table: never used, said
        cell by cell, the row's person marked."""
        for col in columns:
            value = canonical(sheet.value(row, col))
            if value:
                self.add("locked.typed", WARNING, sheet=sheet.name, cell=ly.a1(row, col), value=shortened(value))
                if owner:
                    self.found.marked.append(owner)

    def missing_people(self, seen: set[str]) -> None:
        for code, person in self.people.items():
            if code not in seen:
                self.found.missing.append(code)


def stray_finder(sheet: Sheet, issued: Iterable[int]) -> Callable[[list], list[int]]:
    """A function: a row of ``sheet`` as calamine gives it (as wide as the sheet's used range) → the columns
    holding something outside the ``issued`` ones; told at once for the usual row, which holds nothing else."""
    c0 = sheet.start[1]
    allowed = {c - c0 for c in issued}
    low, high = min(allowed), max(allowed)
    holes = tuple(k for k in range(low, high + 1) if k not in allowed)
    whole = not low and not holes  # the issued columns start the row, one after the other

    def finder(line: list) -> list[int]:
        width = len(line)
        if whole and width <= high + 1:
            return []
        found = [k for k in (*range(min(low, width)), *(h for h in holes if h < width), *range(high + 1, width))
                 if line[k] not in ("", None)]
        return [c0 + k for k in found]

    return finder


def _issued_name(issued: IssuedWorkbook, kind: str) -> str:
    return next((s.name for s in issued.layout.sheets if s.kind == kind), kind)
