"""The province's import file (docs/domain.md §4b) written from the level above's proposals and an installation's
mapping (:func:`import_batches`, :func:`made_file`, :func:`write_batches`), and a mapping written as its data file
(:func:`write_mapping`).

Each file is laid out as the importer reads it: the FIRST sheet (named "file nhận" like the installation's
template), row 1 the template's header — A–I as the importer's template heads them, R–U as the mapping says its
template does —, data from row 2: A the row's number in its file, B "Ông"/"Bà" (blank for a collective), C the
name (a collective's with its unit), D the position, E the unit, F–I the installation's own words for the kind,
title, category and field, and hidden R–U their codes, written as text (a code such as "0003" kept whole, and
kept text when the file is saved again). No formula, no other sheet. The rows go in the proposals' order; every
row has all four codes, taken from the mapping (:func:`thidua_xlsx.model.province_import.import_rows` refuses a
proposal it cannot code, by name).

A file holds at most the rows the importer reads (rows 2 to the mapping's ``last_row``: 199 rows with the
dialog's default): more make ``<stem>_1.xlsx``, ``<stem>_2.xlsx`` …, said; one batch is ``<stem>.xlsx``. A file
of that stem left in the folder by an earlier, longer export is named, never deleted.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import province_import as pi
from thidua_xlsx.model.commune import Proposal
from thidua_xlsx.model.issues import NOTE, WARNING, Issue, issue
from thidua_xlsx.system import pool
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import province_import as px
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.zipped import FILE_PART_ATTRIBUTES, FILE_PART_DATE, zip_bytes

WIDTHS = (6, 15, 30, 22, 32, 18, 36, 36, 20)  # A–I
CODE_WIDTH = 14


@dataclass(frozen=True)
class ImportResult:
    """What was written: the files in order and the data rows of each; the proposals refused, one issue per
    reason, each naming the person or department; the notes (the split, an earlier export's files left)."""

    files: tuple[Path, ...]
    rows: tuple[int, ...]
    refused: tuple[Issue, ...]
    notes: tuple[Issue, ...]

    @property
    def issues(self) -> tuple[Issue, ...]:
        return self.refused + self.notes


@dataclass(frozen=True)
class ImportBatches:
    """What the import files will hold, by ``mapping``: each file's rows, in order, and each proposal refused (one
    issue per reason), of ``given`` proposals."""

    mapping: pi.Mapping
    parts: tuple[tuple[pi.ImportRow, ...], ...]
    refused: tuple[Issue, ...]
    given: int


def import_batches(proposals: list[Proposal] | tuple[Proposal, ...], mapping: pi.Mapping) -> ImportBatches:
    rows, refused = pi.import_rows(proposals, mapping)
    return ImportBatches(mapping, tuple(pi.batches(rows, mapping.rows_per_file)), refused, len(proposals))


def import_workers(batches: ImportBatches) -> int:
    """How many worker processes make the files' bytes (0: in this process)."""
    return 0 if len(batches.parts) < PARALLEL_FROM else pool.workers_for_workbooks(len(batches.parts))


def write_batches(batches: ImportBatches, made: Iterator[bytes], folder: Path, stem: str,
                  written: Written | None = None) -> ImportResult:
    """The import files of ``batches`` in ``folder`` (``<stem>.xlsx``, or ``<stem>_1.xlsx`` … when split); one
    someone edited since the tool wrote it (``written``: the record of the tool's own files) is kept, the new one
    written beside it. Each file's bytes are taken in turn from ``made`` (:func:`made_file`'s of each part, made here
    or by workers started earlier: a province's 74,000 rows are 372 files)."""
    written = written if written is not None else Written()
    mapping, parts, refused = batches.mapping, batches.parts, batches.refused
    if not parts:
        return ImportResult((), (), refused, (issue("province_import.nothing", WARNING, refused=batches.given),))
    names = [f"{stem}.xlsx"] if len(parts) == 1 else [f"{stem}_{i}.xlsx" for i in range(1, len(parts) + 1)]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, data in zip(names, made):
        target = written.name_for(folder / name)
        files.append(target)
        with engine.replacing(target) as tmp:
            tmp.write_bytes(data)
        written.note(target)
    notes = []
    if len(parts) > 1:
        sizes = "; ".join(px.SPLIT_PART.format(file=name, rows=len(part)) for name, part in zip(names, parts))
        notes.append(issue("province_import.split", NOTE, count=sum(map(len, parts)), limit=mapping.rows_per_file,
                           first=pi.FIRST_ROW, last=mapping.last_row, files=len(parts), sizes=sizes))
    ours = re.compile(re.escape(stem) + r"(_\d+)?\.xlsx")
    notes += [issue("province_import.stale", WARNING, file=path.name) for path in sorted(folder.iterdir())
              if ours.fullmatch(path.name) and path.name not in names]
    return ImportResult(tuple(files), tuple(len(part) for part in parts), refused, tuple(notes))


PARALLEL_FROM = 8  # files: one takes ~14 ms to make, a worker ~50 ms (fork) to ~1 s (spawn) to start


def made_file(batches: ImportBatches, part: int) -> bytes:
    """The bytes of the import file of ``batches``' ``part`` (a module-level function: made in a worker, which
    was given the batches once)."""
    return _file_bytes(batches.mapping, batches.parts[part])


# The import files are made in memory (a temporary file made and removed per part cost ~30 ms a file here, more
# than the file's own work) and their parts zipped as the temporary files would have (zipped.FILE_PART_DATE,
# FILE_PART_ATTRIBUTES): the same bytes as before.


def _file_bytes(mapping: pi.Mapping, rows: tuple[pi.ImportRow, ...]) -> bytes:
    """One import file's bytes: its parts zipped once (:func:`thidua_xlsx.write.zipped.zip_bytes`, each dated and
    marked as above; the parts every file shares — styles, theme, workbook — compressed once a process)."""
    wb = xlsx.workbook_class()(io.BytesIO(), engine.workbook_options(in_memory=True))
    _write_file(wb, rows, mapping)
    return zip_bytes(xlsx.workbook_parts(wb), FILE_PART_DATE, FILE_PART_ATTRIBUTES, OWN_PARTS)


OWN_PARTS = frozenset(("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"))  # a file's rows: never kept compressed
# (a worker making 180 files kept ~14 MB of them)


def _write_file(wb, rows: tuple[pi.ImportRow, ...], mapping: pi.Mapping) -> None:
    """The import file's one sheet written in the workbook ``wb`` (not closed: :func:`_file_bytes` zips it)."""
    wb.set_properties({"title": px.DOCUMENT_TITLE, "author": ly.APP_ID, "comments": ly.written_by(),
                       "company": mapping.name, "created": engine.FIXED_DATE})
    ws = wb.add_worksheet(px.SHEET)
    base = {"font_name": engine.FONT, "font_size": 12, "valign": "vcenter", "text_wrap": True, "border": 1}
    head = wb.add_format({**base, "bold": True, "align": "center", "bg_color": engine.HEADER_FILL})
    cell = wb.add_format(base)
    number = wb.add_format({**base, "align": "center"})
    code = wb.add_format({**base, "num_format": "@"})  # text: a code stays whole when the file is saved again
    for col, text in enumerate(px.HEADERS):
        _checked(ws.write_string(0, col, text, head))
    for offset, text in enumerate(mapping.headers):
        _checked(ws.write_string(0, pi.CODE_COLUMN + offset, text, head))
    ws.set_row(0, _height(px.HEADERS, bold=True))
    write_at_once = getattr(ws, "write_plain_row", None)  # xlsxwriter's own: none
    for row, line in enumerate(rows, start=1):
        values = line.cells(row)
        cells = [(0, values[0], number), *((col, text or None, cell) for col, text in enumerate(values[1:], start=1)),
                 *((pi.CODE_COLUMN + offset, text, code) for offset, text in enumerate(line.codes()))]
        if write_at_once is None or not write_at_once(row, cells):
            for col, value, fmt in cells:
                _checked(ws.write_number(row, col, value, fmt) if col == 0 else ws.write_blank(row, col, None, fmt)
                         if value is None else ws.write_string(row, col, value, fmt))
        ws.set_row(row, _height(values))
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    ws.set_column(pi.CODE_COLUMN, pi.CODE_COLUMN + 3, CODE_WIDTH, None, {"hidden": True})
    ws.freeze_panes(1, 0)
    engine.page_setup(ws, landscape=True)
    ws.repeat_rows(0)


def _height(values, bold: bool = False) -> float:
    """A row's height for its longest wrapped cell (neither Excel nor LibreOffice grows a row a library wrote)."""
    return engine.row_height(max(_lines(v, w, bold) for v, w in zip(values, WIDTHS)))


# A cell's lines, measured once per text and width: a file's rows repeat their unit, position, kind, title,
# category and field words.
_lines = functools.lru_cache(maxsize=4096)(engine.cell_lines)


def _checked(code: int) -> None:
    """xlsxwriter reports a refused cell (a text over Excel's 32,767 characters) by a return code: make it loud."""
    if code < 0:
        raise ValueError(f"xlsxwriter refused a cell of the import file (code {code})")


def write_mapping(mapping: pi.Mapping, path: Path, written: Written | None = None) -> Path:
    """``mapping`` as its data file (workbook_templates/SCHEMA.md), written whole: UTF-8, 2-space indents, the
    Vietnamese words as they are, so that a diff reads like the codes themselves. One the officer reviewed and
    changed since (``written``) is kept, the new one beside it."""
    written = written if written is not None else Written()
    path = written.name_for(Path(path))
    text = json.dumps(pi.to_dict(mapping), ensure_ascii=False, indent=2) + "\n"
    with engine.replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    written.note(path)
    return path
