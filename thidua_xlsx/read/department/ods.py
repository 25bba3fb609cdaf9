"""An .ods sheet's cells walked once from its content.xml (defusedxml, streamed): what calamine does not
give — a cell's formula, an error value, a percent format — looked up by the callers' own test."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from defusedxml.ElementTree import iterparse

_ODS = "urn:oasis:names:tc:opendocument:xmlns:"
TABLE, OFFICE = _ODS + "table:1.0", _ODS + "office:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_REPEATS_KEPT = 64  # a cell repeated across a whole row is kept for its first columns only


def content_of(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("content.xml")  # bounded by the containment step


def cells_where(content: bytes, value_of: Callable[[object], str | None]) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name → {(row, column): value} for every cell ``value_of(element)`` gives a value (not None)."""
    cells = (f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell")
    found: dict[str, dict[tuple[int, int], str]] = {}
    sheet, row, col = None, 0, 0
    for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
        if event == "start" and element.tag == f"{{{TABLE}}}table":
            sheet, row = found.setdefault(element.get(f"{{{TABLE}}}name", ""), {}), 0
        elif event == "start" and element.tag == f"{{{TABLE}}}table-row":
            col = 0
        elif event == "end" and element.tag in cells:
            repeat = int(element.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            value = value_of(element)
            if value is not None and sheet is not None:
                sheet.update({(row, col + k): value for k in range(min(repeat, _REPEATS_KEPT))})
            col += repeat
            element.clear()
        elif event == "end" and element.tag == f"{{{TABLE}}}table-row":
            row += int(element.get(f"{{{TABLE}}}number-rows-repeated", "1"))
            element.clear()
    return found
