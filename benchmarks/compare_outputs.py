"""Compare every output of two runs (before and after a change), file by file. By hand:

    python benchmarks/compare_outputs.py FOLDER_BEFORE FOLDER_AFTER [--ignore-key saved_at ...]

The two folders hold the same command's outputs made by two checkouts. Every file of either is compared with its
namesake in the other (a file on one side only is a difference):
  * a workbook (.xlsx, a zip: not an Excel lock file) cell by cell with openpyxl: each sheet's name, every cell's
    value, number format, font, fill, border, alignment and protection, the merged ranges, column widths and row
    heights, data validations;
  * a JSON file as data (``--ignore-key``: keys whose values are the run's own, e.g. a time);
  * a Word file (.docx) by its text: paragraphs and table cells, in order, headers and footers;
  * a PDF by its text, page by page (``pdftotext -layout``: its creation date is the run's);
  * anything else byte for byte.
Prints each difference and a count; exits 1 when any file differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zipfile
from pathlib import Path


def _cell(cell) -> tuple:
    return (cell.value, cell.number_format, repr(cell.font), repr(cell.fill), repr(cell.border),
            repr(cell.alignment), repr(cell.protection))


def workbook(path: Path) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(path)
    found = {"sheets": book.sheetnames}
    for sheet in book.worksheets:
        found[sheet.title] = {
            "cells": {c.coordinate: _cell(c) for row in sheet.iter_rows() for c in row
                      if c.value is not None or c.has_style},
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            "heights": {k: d.height for k, d in sheet.row_dimensions.items()},
            "validations": sorted(repr((v.type, v.formula1, v.formula2, str(v.sqref)))
                                  for v in sheet.data_validations.dataValidation)}
    return found


def _without(data, keys: set[str]):
    if isinstance(data, dict):
        return {k: _without(v, keys) for k, v in data.items() if k not in keys}
    if isinstance(data, list):
        return [_without(v, keys) for v in data]
    return data


def document(path: Path) -> list[str]:
    import docx

    paper = docx.Document(str(path))
    texts = [p.text for p in paper.paragraphs]
    for table in paper.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    for section in paper.sections:
        texts += [p.text for part in (section.header, section.footer) for p in part.paragraphs]
    return texts


def pdf(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def same(a: Path, b: Path, ignore: set[str]) -> str:
    """'' when ``a`` and ``b`` hold the same output, else what differs, in a few words."""
    kind = a.suffix.lower()
    if kind == ".xlsx" and zipfile.is_zipfile(a) and zipfile.is_zipfile(b):  # not a lock file named .xlsx
        left, right = workbook(a), workbook(b)
        if left == right:
            return ""
        for sheet in left.keys() | right.keys():
            if left.get(sheet) != right.get(sheet):
                if sheet == "sheets":
                    return f"sheets {left['sheets']} against {right['sheets']}"
                for part in ("cells", "merged", "widths", "heights", "validations"):
                    one, two = (left.get(sheet) or {}).get(part), (right.get(sheet) or {}).get(part)
                    if one != two:
                        if part == "cells":
                            cells = sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))
                            return f"sheet {sheet}: {len(cells)} cells, first {cells[0]}: " \
                                   f"{one.get(cells[0])} against {two.get(cells[0])}"
                        return f"sheet {sheet}: {part}"
        return "differs"
    if kind == ".json":
        left, right = (_without(json.loads(p.read_text(encoding="utf-8")), ignore) for p in (a, b))
        return "" if left == right else "JSON data differs"
    if kind == ".docx":
        return "" if document(a) == document(b) else "text differs"
    if kind == ".pdf":
        return "" if pdf(a) == pdf(b) else "text differs"
    return "" if a.read_bytes() == b.read_bytes() else "bytes differ"


def compare(before: Path, after: Path, ignore: set[str]) -> tuple[int, list[str]]:
    """(files compared, the differences in words)."""
    names = sorted({p.relative_to(before) for p in before.rglob("*") if p.is_file()} |
                   {p.relative_to(after) for p in after.rglob("*") if p.is_file()})
    differences = []
    for name in names:
        a, b = before / name, after / name
        if not (a.is_file() and b.is_file()):
            differences.append(f"{name}: only in {'the first' if a.is_file() else 'the second'}")
        elif found := same(a, b, ignore):
            differences.append(f"{name}: {found}")
    return len(names), differences


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore-key", action="append", default=[])
    args = parser.parse_args()
    count, differences = compare(args.before, args.after, set(args.ignore_key))
    for line in differences:
        print(line)
    print(f"{count} files compared, {len(differences)} differ")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
