"""A scoring workbook's locked content as written, when it is what the merge will read back.

``generate`` records with each workbook its locked content (:class:`~thidua_xlsx.model.issued.IssuedWorkbook`): the
text of every locked label, name and criterion, every maximum, and every locked formula, by the key the merge
finds it under. The merge finds those cells by what the sheets show — a form by the text "Mã số:", its name beside
"Họ và tên:", its table by its header, its criteria by their codes — so the content was first made by reading each
workbook back the way the merge reads it (three quarters of recording it). The writer knows each of those cells as it
writes it (:meth:`.book.DepartmentBook.lock`), and they are where the merge will find them whenever nothing written
can be taken for one of those labels or codes, and every text comes back from the file as it was written. Both
are checked here, on what was written; when either fails the workbook is read back as before (None).
The tests compare the two on every kind of workbook (tests/commands/test_generate_locked.py).

A form placed from a skeleton (:mod:`.skeleton`) records its locked cells as one :class:`PlacedCells`: its skeleton's
cells, with marks, and the form's own values; its texts' labels are counted once a skeleton, then the form's values.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.kept import per_object
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write.xlsx import CellTexts, skeletons

# What the merge looks for by its text on a form or on "Tổng hợp tổ", each written once where it is found
FORM_LABELS = Counter(map(cm.clean_text, (wx.L_CODE, wx.L_NAME, wx.L_POSITION, wx.L_TITLE, wx.L_DEPARTMENT,
                                           *wx.SCORE_HEADERS, wx.L_TOTAL, wx.L_CLASS, wx.L_MISSING)))
DEPARTMENT_LABELS = Counter(map(cm.clean_text, (*wx.DEPT_HEADERS, wx.CHECK_LABEL)))
COLLECTIVE_LABEL = Counter([cm.clean_text(wx.L_COLLECTIVE)])  # the year's "Tổng hợp tổ" only
LABELS = frozenset((*FORM_LABELS, *DEPARTMENT_LABELS, *COLLECTIVE_LABEL))
# What a file may not give back as written: control characters (xlsxwriter writes them as _xHHHH_ escapes),
# such an escape typed as text, a carriage return (XML readers make it a line feed), the two non-characters
MANGLED = re.compile(r"[\x00-\x08\x0b-\x1f\r\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
MAX_CELL_TEXT = 32_767  # Excel's limit, in UTF-16 units: xlsxwriter cuts a longer text


# A text shown → the label it reads as (None: none; _NOT_KEPT: a file would not give it back as written), kept a
# process: the same labels, criteria and names are shown in every workbook of a round
_NOT_KEPT = object()

Cell = tuple[str, tuple[object, bool]]  # (key, (text or number as the file holds it, or formula; is formula))


@dataclass(frozen=True)
class PlacedCells:
    """The locked cells of a form placed from a skeleton: ``cells``, the skeleton's (the same object for every form
    of that skeleton), each key holding ``mark`` where the form's ``marker`` goes, each value that is a key of
    ``values`` (a whole text) that value."""

    cells: tuple[Cell, ...]
    mark: str
    marker: str
    values: Mapping[str, str]

    def items(self) -> Iterator[Cell]:
        """The form's locked cells, as the form shows them."""
        mark, marker, values = self.mark, self.marker, self.values
        for key, (value, formula) in self.cells:
            yield key.replace(mark, marker), (values.get(value, value) if type(value) is str else value, formula)


@dataclass(frozen=True)
class LockedCells:
    """A workbook's locked cells as written: ``loose``, recorded cell by cell (key, value, is formula), in the order
    written; ``placed``, each placed form's."""

    loose: tuple[tuple[str, object, bool], ...]
    placed: tuple[PlacedCells, ...]

    def items(self) -> Iterator[tuple[str, object, bool]]:
        """Every locked cell (key, value, is formula): the loose ones, then each placed form's."""
        yield from self.loose
        for form in self.placed:
            for key, (value, formula) in form.items():
                yield key, value, formula


def locked_as_written(book) -> LockedCells | None:
    """The locked cells ``book`` (a scoring round's :class:`.book.DepartmentBook`, written but not closed) wrote,
    when the merge will read those very cells back; None when it may not (then the workbook is read back)."""
    forms = [r for r in book.records if isinstance(r, ly.ScoringSheet)]
    overview = [r for r in book.records if isinstance(r, ly.DepartmentSheet)]
    if len(overview) != 1 or not _found_by_their_codes(book, forms):
        return None
    loose = book.locked.values()
    if any(formula and type(value) is not str for value, formula in loose):
        return None
    texts = {value for value, _ in loose if type(value) is str}
    for placed in book.placed:  # its skeleton's values checked once a process, then the form's own
        checked = _texts_checked(placed.cells)
        if checked is None:
            return None
        texts.update(value for mark, value in placed.values.items() if mark in checked)
    if any(_label(text) is _NOT_KEPT for text in texts):
        return None
    expected = {**{r.name: FORM_LABELS for r in forms},
                overview[0].name: DEPARTMENT_LABELS + (COLLECTIVE_LABEL if overview[0].collective_cell else Counter())}
    shown = CellTexts(book.wb)  # a formula's result that is text is read as text
    for name, labels in expected.items():
        ws = book.worksheets[name]
        placed_texts = skeletons.placed_texts(ws)
        found = _labels(shown.of(ws)) if placed_texts is None else _placed_labels(*placed_texts)
        if found != labels:  # a label missing, a text that reads as one (the merge would look elsewhere), or None
            return None
    return LockedCells(tuple((key, value, formula) for key, (value, formula) in book.locked.items()),
                       tuple(book.placed))


def _labels(texts: Iterable[str]) -> Counter | None:
    """The labels ``texts`` read as, counted; None when a file would not give one of them back as written."""
    found: Counter = Counter()
    for text in texts:
        label = _label(text)
        if label is _NOT_KEPT:
            return None
        if label is not None:
            found[label] += 1
    return found


_SKELETONS_KEPT = 512


def _placed_labels(texts: tuple[str, ...], at: tuple[int, ...], values: tuple[str, ...]) -> Counter | None:
    """:func:`_labels` of a sheet placed from a skeleton whose texts are ``texts`` but at ``at``, where it shows
    ``values``: the skeleton's own counted once a process."""
    own, theirs = _skeleton_labels(texts, at), _labels(values)
    return None if own is None or theirs is None else own + theirs if theirs else own


@per_object(_SKELETONS_KEPT)  # by the skeleton's texts (the same object for every sheet placed from it)
def _skeleton_labels(texts: tuple[str, ...], at: tuple[int, ...]) -> Counter | None:
    skipped = set(at)
    return _labels(t for k, t in enumerate(texts) if k not in skipped)


@per_object(_SKELETONS_KEPT)  # by the skeleton's locked cells (the same object for every form of it)
def _texts_checked(cells: tuple[Cell, ...]) -> frozenset[str] | None:
    """The texts among the values of a skeleton's locked cells ``cells`` when they pass :func:`locked_as_written`'s
    checks on values (every formula written as a text, every text kept as written), checked once a process; None
    when they do not."""
    texts = frozenset(value for _, (value, _formula) in cells if type(value) is str)
    fine = all(type(value) is str for _, (value, formula) in cells if formula) and \
        not any(_label(text) is _NOT_KEPT for text in texts)
    return texts if fine else None


@functools.lru_cache(maxsize=200_000)
def _label(text: str) -> object:
    """The label ``text`` reads as (None: none; _NOT_KEPT: a file would not give it back as written), remembered."""
    clean = cm.clean_text(text)
    return _NOT_KEPT if not _kept(text) else clean if clean in LABELS else None


def _kept(text: str) -> bool:
    """Whether ``text`` comes back from the file as it was written (not cut: Excel counts UTF-16 units)."""
    fits = len(text) <= MAX_CELL_TEXT // 2 or len(text.encode("utf-16-le")) // 2 <= MAX_CELL_TEXT
    return fits and MANGLED.search(text) is None


def _found_by_their_codes(book, forms: list[ly.ScoringSheet]) -> bool:
    """Whether the merge finds each form by its marker and each criterion and person by its code as written: each
    as its own clean text, none twice, no criterion's code a group's."""
    markers = [r.marker for r in forms]
    codes = [p.code for p in book.members]
    if len(set(markers)) != len(markers) or len(set(codes)) != len(codes):
        return False
    if any(not text or cm.clean_text(text) != text for text in (*markers, *codes)):
        return False
    return all(_codes_apart(rubric) for rubric in {r.role: book.c.rubric_for(r.role) for r in forms}.values())


@per_object(_SKELETONS_KEPT)
def _codes_apart(rubric: cm.Rubric) -> bool:
    """Whether each criterion and group of ``rubric`` has a code of its own, a clean text; checked once a process (the
    same rubric in every book of a campaign)."""
    every = [item.code for _, item in rubric.items] + [group.code for group in rubric.groups]
    return len(set(every)) == len(every) and all(code and cm.clean_text(code) == code for code in every)
