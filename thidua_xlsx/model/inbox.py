"""What an inbox holds once read: each file's outcome (status, problems) and the input cells it brought,
placed by code; then the checked entries per person and the selection of the winning file per department.
Values only: the reader (read/) makes them, the checks (check/) and the decisions (decide/) take them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson, IssuedWorkbook
from thidua_xlsx.model.issues import ERROR, NOTE, Issue, issue
from thidua_xlsx.model.titles import is_registered

# File statuses, as written in "Nguồn dữ liệu".
ACCEPTED = "accepted"
SUPERSEDED = "superseded"
REJECTED = "rejected"
SKIPPED = "skipped"
# The reasons of a workbook sent back as it was issued (skipped: no submission, but sent): byte for byte, or
# saved again with nothing typed in it.
UNTOUCHED = ("file.unfilled", "file.nothing_filled")


class Cell(NamedTuple):
    """One cell value as read, with where it was found (0-based). A named tuple whose A1 address is
    made only when asked: hundreds are made per workbook, few addresses are ever shown."""

    value: object
    sheet: str
    row: int
    col: int
    font: str = ""  # the cell's font, looked up only for text that may be legacy Vietnamese (.xlsx/.xlsm)
    mark: str = ""  # what the value does not say (:mod:`thidua_xlsx.read.department.marks`): FORMULA_MARK for a
    # formula saved without its result, PERCENT_MARK for a percent format, else an error value ("#DIV/0!", "Err:502")

    @property
    def cell(self) -> str:
        return ly.a1(self.row, self.col)


class ItemCells(NamedTuple):
    code: str
    self: Cell
    dept: Cell
    note: Cell


@dataclass(frozen=True)
class ScoringForm:
    """One person's scoring form as found in a returned workbook."""

    marker: str  # the code beside "Mã số:"
    person: IssuedPerson  # who it was issued for (a blank spare person on a spare form)
    sheet: str
    name: Cell | None
    position: Cell | None
    items: tuple[ItemCells, ...]
    facts: tuple[tuple[str, Cell], ...]
    shown_totals: tuple[Cell | None, Cell | None]  # the workbook's own totals (self, department)

    @property
    def spare(self) -> bool:
        return not self.person.code


@dataclass(frozen=True)
class RegistrationEntry:
    person: IssuedPerson | None  # None: a spare row
    name: Cell
    position: Cell
    title: Cell
    form: Cell
    initiative: Cell
    note: Cell


@dataclass(frozen=True, slots=True)
class Packed:
    """A version's input values, compressed, for the comparison of versions (:func:`selection.pack_inputs`):
    ``shape`` — whose forms and rows, which codes —, then ``values`` in that order. The versions sent
    back of one workbook share one shape (:class:`selection.Kept`): each keeps only its values."""

    shape: bytes
    values: bytes


@dataclass(frozen=True, slots=True)  # one per file of an inbox: no __dict__ each
class Submission:
    """What a returned workbook brought: its input cells, placed by code, and who it was issued for.

    Once a file has been validated the merge keeps it *slim* (:meth:`slim`): who it was issued for
    (identity only), what was missing or marked, and its input values packed for the comparison of
    versions — no cell objects, no rubric, no locked content. At 10,000 files that is the
    difference between a few MB and several GB."""

    issued: IssuedWorkbook
    registrations: tuple[RegistrationEntry, ...] = ()
    forms: tuple[ScoringForm, ...] = ()
    collective: Cell | None = None
    missing: tuple[str, ...] = ()  # issued person codes whose row or form was not found
    marked: tuple[str, ...] = ()  # person codes with cells that could not be placed or were changed
    inputs: Packed | None = None  # slim: the input values, for the diff of versions, until it is made

    def slim(self, inputs: Packed) -> Submission:
        issued = self.issued
        identity = IssuedWorkbook(dataclasses.replace(issued.layout, sheets=()), (), issued.collective, (),
                                  issued.fingerprint, issued.file_name, issued.issued_on, issued.sha256)
        return Submission(identity, missing=self.missing, marked=self.marked, inputs=inputs)

    @property
    def department_code(self) -> str:
        return self.issued.department_code

    @property
    def round(self) -> str:
        return self.issued.round

    @property
    def period(self) -> str:
        """The period it was issued for, by its recorded identity ("": the year's single round)."""
        return self.issued.layout.period


@dataclass(frozen=True, slots=True)  # one per file of an inbox: no __dict__ each
class InboxFile:
    path: Path
    name: str  # relative to the inbox, with "/" separators
    size: int
    modified: dt.datetime  # file system time
    sha256: str
    saved_at: dt.datetime | None = None  # the workbook's own "last saved" time (docProps), if any
    saved_impossible: bool = False  # it said one no save can have been made at (read.entries.possible_save)
    status: str = REJECTED
    reason: str = ""
    submission: Submission | None = None
    issues: tuple[Issue, ...] = ()

    @property
    def version_time(self) -> dt.datetime:
        """What decides the newest version of a department: the workbook's own save time, else mtime."""
        return self.saved_at or self.modified

    @property
    def department_name(self) -> str:
        return self.submission.issued.layout.department_name if self.submission else ""

    @property
    def submitted(self) -> Submission:
        """The submission of a file read as one (accepted, then maybe superseded or refused for its round,
        period or department): a bug to ask it of a file that brought none."""
        if self.submission is None:
            raise ValueError(f"{self.name}: no submission was read from this file (status {self.status})")
        return self.submission


def reject(entry: InboxFile, code: str, **where_and_params: Any) -> InboxFile:
    """``entry`` refused, with the issue :func:`~thidua_xlsx.model.issues.issue` makes of the rest."""
    found = issue(code, ERROR, file=entry.name, **where_and_params)
    return dataclasses.replace(entry, status=REJECTED, reason=code, issues=(*entry.issues, found))


def skip(entry: InboxFile, code: str, severity: str = NOTE, **where_and_params: Any) -> InboxFile:
    found = issue(code, severity, file=entry.name, **where_and_params)
    return dataclasses.replace(entry, status=SKIPPED, reason=code, issues=(*entry.issues, found))


class ItemScores(Mapping[str, "float | None"]):
    """One column of a person's scores — criterion code → score, None where none was given — in the rubric's order.
    Read as a mapping by the rules; kept as an array of floats (NaN: not given) beside the rubric's codes, shared by
    every person of the rubric: a province's 84,000 entries come back from the reading workers and wait for
    consolidation (~0.9 KB each, not ~7 KB as dicts)."""

    __slots__ = ("codes", "_values")

    def __init__(self, codes: tuple[str, ...], values: Iterable[float | None]):
        self.codes = codes
        self._values = array("d", [*(math.nan if v is None else v for v in values), math.nan])  # last: "no such"

    def __getitem__(self, code: str) -> float | None:
        value = self._values[_positions(self.codes)[code]]
        return None if value != value else value  # NaN: not given

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def take(self, codes: Iterable[str]) -> list[float | None]:
        """The scores of ``codes``, in that order (None: not given, or no such criterion) — the rules' way in: one
        lookup table, no mapping protocol per criterion (16,800 columns at a province's 1,000 departments)."""
        at, values = _positions(self.codes), self._values
        return [None if (v := values[k]) != v else v for k in map(at.get, codes, itertools.repeat(len(self.codes)))]

    @property
    def entered(self) -> int:
        """How many criteria have a score."""
        return sum(v == v for v in self._values)  # NaN (not given, and the last) is not itself

    def __len__(self) -> int:
        return len(self.codes)

    def __reduce__(self) -> tuple[type[ItemScores], tuple[tuple[str, ...], list[float | None]]]:
        """Sent back by the reading workers: the codes and the numbers, not the lookup."""
        return ItemScores, (self.codes, [None if v != v else v for v in self._values[:-1]])

    def __repr__(self) -> str:
        return f"ItemScores({dict(self)!r})"


@functools.lru_cache(maxsize=256)
def _positions(codes: tuple[str, ...]) -> dict[str, int]:
    """Each code's place in ``codes``: one lookup table per rubric, shared by its people."""
    return {code: k for k, code in enumerate(codes)}


NO_SCORES = ItemScores((), ())


@dataclass(frozen=True, slots=True)
class Entry:
    """One person as submitted by a department, cleaned.

    Its scores are two :class:`ItemScores` (the person's own, the department's): one representation from the check
    that makes them to the rules that add them up."""

    code: str
    name: str
    department: str
    role: str
    position: str
    newcomer: bool
    file: str
    sheet: str = ""
    registered: str = ""  # a title code, titles.NOT_REGISTERED or ""
    form: str = ""
    initiative: str = ""
    note: str = ""
    facts: cm.Facts | None = None  # None: take them from the roster
    self_scores: ItemScores = field(default_factory=lambda: NO_SCORES)  # criterion code → the person's own score
    dept_scores: ItemScores = field(default_factory=lambda: NO_SCORES)  # criterion code → the department's
    shown_totals: tuple[float | None, float | None] = (None, None)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (item, column) → cell, of a score not given
    invalid: frozenset[tuple[str, str]] = frozenset()  # (item, column) with a reported error
    has_sheet: bool = True
    marked: bool = False  # cells of this person could not be placed or locked cells were changed

    @property
    def has_registered(self) -> bool:
        return is_registered(self.registered)



@dataclass(frozen=True)
class CleanSubmission:
    file: str
    department: str
    entries: tuple[Entry, ...]
    collective: str
    issues: tuple[Issue, ...]


@dataclass(frozen=True)
class Selection:
    round: str
    files: tuple[InboxFile, ...]  # every inbox entry, with its final status
    winners: tuple[InboxFile, ...]  # one accepted file per department, in campaign order
    period: str = ""  # the period merged (a campaign with periods), by code


SELF, DEPT = "self", "department"  # score columns (codes; labels in the message catalogue)

# Marks of a cell (Cell.mark) besides an error value's own text ("#DIV/0!", "#N/A", "Err:502"…).
FORMULA_MARK = "="  # a formula whose result was never saved (a file written by a program that does not calculate)
PERCENT_MARK = "%"  # a number shown as a percent: 4 typed into such a cell is 0.04
# a formula typed into an input cell, its result saved: Excel computes it again when it opens the file, and a file
# made to can save another result than its formula gives (found by trying): the value is never taken
TYPED_FORMULA_MARK = "=…"
