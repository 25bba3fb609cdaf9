"""A summary's metadata rewritten as the tool would have written it (its digest made again): what another version
writes, or a hand that edits the data and recomputes the unkeyed digest — so that the checks behind the digest are
tried too."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.own_summary import open_book, summary_record_in

DIGEST_SCHEMA = 7  # the first summary layout carrying a digest of its data


def read_summary_meta(data: bytes) -> ly.SummaryMeta | None:
    """What a summary says about itself, unchecked (its seal, digest and schema not asked); None when ``data`` is no
    summary of ours. A file calamine cannot read raises."""
    record = summary_record_in(open_book(data))
    return record[0] if record is not None else None


def as_written(data: dict) -> dict:
    """``data`` with the digest its own layout's rule gives it (model.layout.sealed_content), as the release that
    wrote that layout would have made it."""
    return {**data, "digest": ly.sealed_content(data) if data.get("schema_version", 0) >= DIGEST_SCHEMA else ""}


def rewrite_meta(source: Path, target: Path, change: Callable[[dict], dict | None], *, by_hand: bool = False,
                 escaped: bool = False) -> Path:
    """``source``'s hidden metadata as ``change`` leaves it (changed in place, or returned), saved as ``target``:
    rewritten as the tool would have written it (:func:`as_written`: another version, another year), or ``by_hand``
    (its digest left as it was: a hand in Excel's very hidden sheet). ``escaped``: its JSON with every character
    beyond ASCII written as its escape (``\\ud800``), as JSON allows — how a text no cell can hold (half a
    surrogate pair) reaches a reader."""
    wb = load_workbook(source)
    ws = wb[ly.META_SHEET]
    data = ly.meta_json([c.value for c in ws["A"]], ly.MAX_SUMMARY_META_CHARS)
    changed = change(data)
    data = data if changed is None else changed
    for cell in ws["A"]:
        cell.value = None
    if not by_hand:
        data = as_written(data)
    cells = [ly.APP_ID, json.dumps(data, sort_keys=True)] if escaped else ly.meta_cells(data)
    for row, text in enumerate(cells, start=1):
        ws.cell(row, 1).value = text
    wb.save(target)
    return target


def with_schema(path: Path, version: int) -> None:
    """``path``'s metadata rewritten to say it was written with schema ``version``."""
    rewrite_meta(path, path, lambda data: {**data, "schema_version": version})


def raw_meta(path: Path) -> dict:
    """``path``'s hidden metadata as its JSON reads, what its own layout sealed (model.layout.sealed_content)."""
    wb = load_workbook(path, read_only=True)
    try:
        return ly.meta_json([row[0] for row in wb[ly.META_SHEET].iter_rows(values_only=True) if row],
                            ly.MAX_SUMMARY_META_CHARS)
    finally:
        wb.close()
