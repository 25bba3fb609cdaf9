"""How far an .xlsx sheet's cells reach, told from its XML before any parser is given it
(:mod:`thidua_xlsx.read.containment`): a quick look for references beyond the bounds, and the count of the rows and
cells that leave their places implied — ``r="…"`` may be left out of a row (it is then the row after the one before)
and of a cell (the cell after the one before in its row). calamine counts them so, and holds every cell up to the
furthest with content: a 50 KB book of a million empty rows and then one value asked for 524 GB.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# A row or a cell tag without its reference (its attributes end at the tag's ">" and hold no "<": XML allows none).
_IMPLIED = re.compile(rb'<(?:\w+:)?(?:row|c)(?=[\s/>])(?![^<>]*\br=")[^<>]*>')
_PLACED = re.compile(rb'<(?:\w+:)?(row|c)(?=[\s/>])([^<>]*?)(/?)>')
_REFERENCE = re.compile(rb'\br="([A-Z]{0,3})(\d{1,7})"')
# A cell tag, its reference looked for inside it: a search from a tag never runs past its end.
_CELL_TAG = re.compile(rb'<(?:\w+:)?c\b([^<>]*)>')
LONGEST_TAG = 4096  # bytes: a row's or a cell's tag in any real workbook is a few dozen


# Every reference beyond a sheet's bounds has three letters, or two not beginning with A (a column past AZ: every
# bound is past it), or, after one or two letters, a row number of as many digits as the first row beyond (5,001:
# four) or more. This pattern finds those shapes ~1.5x faster than the bounds' own (no counted repeat to back out of
# at each of a sheet's ~4,000 references); a sheet where it finds one is searched with the bounds' pattern, as every
# sheet was.
@functools.cache
def far_hint(rows: int) -> re.Pattern:
    row = rb"\d{%d}" % len(str(rows + 1))
    return re.compile(rb'r="[A-Z](?:(?<=[B-Z])[A-Z]|[A-Z](?:[A-Z]|%s)|%s)' % (row, row))


def far_cell(text: bytes, rows: int, columns: int) -> tuple[int, int] | None:
    """The first cell with content (row, column, from 1) that ``text`` names by its reference beyond ``rows`` or
    ``columns``; a self-closing cell has none (an empty styled cell far away is harmless)."""
    for tag in _CELL_TAG.finditer(text):
        attributes = tag.group(1)
        reference = _REFERENCE.search(attributes)
        if reference is None or not reference.group(1) or attributes.endswith(b"/"):
            continue
        row, col = int(reference.group(2)), column_number(reference.group(1))
        if row > rows or col > columns:
            return row, col
    return None


class TagTooLong(ValueError):
    """A tag longer than any a spreadsheet program writes: no workbook."""


def leaves_places_implied(text: bytes) -> bool:
    """Whether ``text`` (a piece of a sheet's XML) holds a whole row or cell tag without its reference."""
    return _IMPLIED.search(text) is not None


def open_tag(text: bytes) -> tuple[bytes, bool]:
    """What of ``text`` is looked at again with the next piece: the tag it ends inside (else its last 200 bytes), and
    whether that tag is of a length a real workbook writes."""
    start = text.rfind(b"<")
    if start < 0 or b">" in text[start:]:
        return text[-200:], True
    return text[start:], len(text) - start <= LONGEST_TAG


def first_beyond(pieces: Iterable[bytes], rows: int, columns: int) -> tuple[int, int] | None:
    """The first cell with content (row, column, from 1) beyond ``rows`` or ``columns``, each row and cell placed as
    calamine places it (its reference where it has one, else one after the one before); None: none. Raises
    :class:`TagTooLong`."""
    row = col = 0
    rest = b""
    for piece in pieces:
        text = rest + piece
        start = text.rfind(b"<")
        end = start if start >= 0 and b">" not in text[start:] else len(text)  # a tag the next piece ends
        if len(text) - end > LONGEST_TAG:
            raise TagTooLong
        for match in _PLACED.finditer(text, 0, end):
            reference = _REFERENCE.search(match.group(2))
            if match.group(1) == b"row":
                row, col = (int(reference.group(2)) if reference else row + 1), 0
                continue
            if reference and reference.group(1):
                row, col = int(reference.group(2)), column_number(reference.group(1))
            else:
                col += 1
            if not match.group(3) and (row > rows or col > columns):
                return row, col
        rest = text[end:]
    return None


def column_number(letters: bytes) -> int:
    """A column's number from its letters (b"A" 1, b"AB" 28)."""
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number
