"""What a summary's hidden metadata may hold, field by field: the types its writer writes (write/summary/meta.py),
nothing else.

A school's summary travels; whoever holds it can rewrite its metadata (the seal then fails, but the file is still
read to say so). Every field is typed here before any reader sees it — a name as a bounded text, a flag as a bool,
the seal and the digests as hex or nothing, a time as ISO, every table as rows of texts, numbers, flags and nothing
(a cell of a row may be a list of those: a person's titles) —, so that no value of another type reaches a comparison,
a key or a sort, and every text is one UTF-8 can write: a field that is not what the tool writes is
:class:`Mistyped`, and the gate refuses the file by name (read.own_summary). docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from itertools import chain
from typing import Any, cast

NAME_CHARS = 1_000  # a school's name, a year, a round, a code, a release: far beyond any a campaign book holds
CELL_CHARS = 32_767  # a text of a table: no cell of a workbook holds more (Excel's limit)
EXACT_INT = 2**53  # a whole number JSON carries exactly: a count, a vote; never anything near it
TIME_CHARS = 40  # "2026-05-18T09:40:00.000000+07:00" and room
REQUIRED = ("campaign_id", "school_year", "round", "inputs", "departments_submitted")  # every layout's since 1
# half of a surrogate pair: JSON's escapes carry it, no UTF-8 can (the content's digest could not be made). A control
# character is a person's text as typed in a cell (calamine reads Excel's _x0001_): the tool writes it, so it is read.
_HALF = re.compile("[\ud800-\udfff]")
_HEX = {16: re.compile("[0-9a-f]{16}"), 64: re.compile("[0-9a-f]{64}")}


# A table's row as read: every cell checked to be a text, a number, a flag, nothing or a list of those — by kind, not
# by column (its readers index the columns they know): what a cell of a given column is, the reader says.
Row = tuple[Any, ...]


class Mistyped(ValueError):
    """A summary's metadata of ours (its app and kind say so) with a field (``field``) that is not what the tool
    writes: damaged, or made to break its reader."""

    def __init__(self, field: str):
        super().__init__(f"the summary's field {field!r} is not what thidua-xlsx writes")
        self.field = field


def typed_fields(data: Mapping[str, object]) -> dict[str, Any]:
    """The fields of ``data`` (a summary's metadata as its JSON reads, of a layout this release knows), each as its
    type: tables as tuples of tuples. Keys of no field are left out. :class:`Mistyped` naming the first field that is
    not what the tool writes, or a field every layout has that is missing."""
    missing = next((name for name in REQUIRED if name not in data), None)
    if missing is not None:
        raise Mistyped(missing)
    typed: dict[str, Any] = {}  # each value checked to be its field's type: SummaryMeta's keywords
    for name, value in data.items():
        check = _CHECKS.get(name)
        if check is None:
            continue
        try:
            typed[name] = check(value)
        except (TypeError, ValueError):
            raise Mistyped(name) from None
    return typed


def named_fields(data: Mapping[str, object]) -> dict[str, Any]:
    """Of a summary whose layout this release does not know (a newer release's, or its number edited): its number,
    and the school and release its refusal names when they are names ("" when not). Its other fields may be anything
    and are never read."""
    return {**{name: () if name in ("inputs", "departments_submitted") else "" for name in REQUIRED},
            "school": _name_or_nothing(data.get("school")), "release": _name_or_nothing(data.get("release")),
            "schema_version": data["schema_version"]}


def _name(value: object) -> str:
    if type(value) is not str or len(value) > NAME_CHARS or not _text_ok(value):
        raise TypeError("not a name")
    return value


def _name_or_nothing(value: object) -> str:
    try:
        return _name(value)
    except TypeError:
        return ""


def _text_ok(text: str) -> bool:
    return text.isascii() or _HALF.search(text) is None


def _hex(digits: int) -> Callable[[object], str]:
    """A digest or a seal: "" (none), or ``digits`` lowercase hex digits, as the tool writes them."""
    pattern = _HEX[digits]

    def check(value: object) -> str:
        if type(value) is not str or (value and pattern.fullmatch(value) is None):
            raise ValueError("not a digest")
        return value

    return check


def _time(value: object) -> str:
    """The newest input's time: "" (none), or ISO as the tool writes it."""
    if type(value) is not str or len(value) > TIME_CHARS:
        raise TypeError("not a time")
    if value:
        dt.datetime.fromisoformat(value)  # ValueError when it names no time
    return value


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError("not a flag")
    return value


def _version(value: object) -> int:
    if type(value) is not int:
        raise TypeError("not a layout number")
    return value


def _texts(value: object) -> tuple[str, ...]:
    """A list of codes (the departments that sent their books)."""
    if type(value) is not list or not all(type(v) is str for v in value):
        raise TypeError("not a list of texts")
    _plain(value)
    return tuple(value)


def _rows(value: object) -> tuple[Row, ...]:
    """A table: a list of rows, each a list of cells — a text, a number, a flag, nothing, or a list of those (a
    person's titles). Checked a kind of cell at a time, not cell by cell: a school of a thousand people holds some
    forty thousand, read for every school at the commune."""
    if type(value) is not list or not all(type(row) is list for row in value):
        raise TypeError("not a table")
    cells = list(chain.from_iterable(value))
    lists = [cell for cell in cells if type(cell) is list]
    if not lists:
        _plain(cells)
        return tuple(map(tuple, value))
    _plain([cell for cell in cells if type(cell) is not list])
    _plain(list(chain.from_iterable(lists)))  # no list in a list
    return tuple(tuple(tuple(cell) if type(cell) is list else cell for cell in row) for row in value)


_PLAIN = frozenset({str, int, float, bool, type(None)})  # what JSON gives for a text, a number, a flag, nothing


def _plain(cells: list[object]) -> None:
    """Each of ``cells`` a text a cell can hold, a number (a whole one JSON carries exactly), a flag, or nothing; else
    TypeError or ValueError."""
    kinds = set(map(type, cells))
    if not kinds <= _PLAIN:
        raise TypeError("not a cell")
    if str in kinds:
        texts = cast("list[str]", cells) if len(kinds) == 1 else [cell for cell in cells if type(cell) is str]
        every = "".join(texts)  # one look over them all for half a surrogate pair, not one a text
        if (len(every) > CELL_CHARS and max(map(len, texts)) > CELL_CHARS) or not _text_ok(every):
            raise ValueError("not a text the tool writes")
    if int in kinds:
        numbers = [cell for cell in cells if type(cell) is int]
        if min(numbers) < -EXACT_INT or max(numbers) > EXACT_INT:
            raise ValueError("a number beyond any count")


_CHECKS: dict[str, Callable[[object], object]] = {
    "campaign_id": _name, "school_year": _name, "round": _name, "period": _name, "school": _name, "release": _name,
    "kind": _name, "app": _name, "council": _flag, "schema_version": _version, "schema_minor": _version,
    "newest_input": _time, "lists_digest": _hex(16), "digest": _hex(64), "seal": _hex(64),
    "departments_submitted": _texts,
    **dict.fromkeys(("inputs", "rubric_versions", "people", "parts", "head_entries", "collectives", "outcomes",
                     "department_outcomes", "special_outcomes", "people_info", "decisions", "department_decisions",
                     "votes", "starts", "applied", "draft"), _rows),
}
