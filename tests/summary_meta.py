"""A summary's metadata rewritten as the tool would have written it (its digest made again): what another version
writes, or a hand that edits the data and recomputes the unkeyed digest — so that the checks behind the digest are
tried too."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

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
    surrogate pair) reaches a reader. Only the metadata sheet's cells are written again: every other part of the
    book keeps its bytes, as when a hand edits that one sheet."""
    with zipfile.ZipFile(source) as book:
        parts = [(info, book.read(info)) for info in book.infolist()]
    sheet = _meta_part({info.filename: content for info, content in parts})
    column = CalamineWorkbook.from_path(str(source)).get_sheet_by_name(ly.META_SHEET).to_python(skip_empty_area=False)
    data = ly.meta_json([row[0] if row else None for row in column], ly.MAX_SUMMARY_META_CHARS)
    changed = change(data)
    data = data if changed is None else changed
    if not by_hand:
        data = as_written(data)
    cells = [ly.APP_ID, json.dumps(data, sort_keys=True)] if escaped else ly.meta_cells(data)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as book:
        for info, content in parts:
            book.writestr(info, _with_column_a(content, cells) if info.filename == sheet else content)
    return target


def _meta_part(parts: dict[str, bytes]) -> str:
    """The zip entry of the metadata sheet, found by its name in the workbook and the workbook's relationships."""
    workbook = parts["xl/workbook.xml"].decode("utf-8")
    rid = re.search(rf'<sheet [^>]*name="{ly.META_SHEET}"[^>]*r:id="([^"]+)"', workbook).group(1)
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    relation = next(r for r in re.findall(r"<Relationship [^>]*>", rels) if f'Id="{rid}"' in r)
    where = re.search(r'Target="([^"]+)"', relation).group(1)
    return where.lstrip("/") if where.startswith("/") else f"xl/{where}"


def _with_column_a(sheet: bytes, cells: list[str]) -> bytes:
    """``sheet``'s XML with ``cells`` in its column A, as inline strings, and nothing else in its cells."""
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'
                   f"</row>" for n, text in enumerate(cells, start=1))
    data = f"<sheetData>{rows}</sheetData>".encode()
    sheet = re.sub(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", lambda _: data, sheet, count=1, flags=re.S)
    return re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:A{len(cells)}"/>'.encode(), sheet, count=1)


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
