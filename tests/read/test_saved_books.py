"""A department book of ours as LibreOffice (.xlsx, .ods, .xls) and Gnumeric (.xlsx, .xls) save it is read as it was
when the corpus was built: the same status, problems, cells and values, with the python-calamine installed. This test
is what pyproject.toml's bound on python-calamine rests on: a release that reads one of them otherwise is outside it.
The books, the campaign they were issued by and what was read are in tests/saved_books/, rebuilt by
tools/build_saved_books.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thidua_xlsx.model.inbox import Cell
from thidua_xlsx.read.containment import FILE, InboxItem
from thidua_xlsx.read.department import ReadContext, read_file

SAVED = Path(__file__).resolve().parents[1] / "saved_books"
BOOKS = ("libreoffice.xlsx", "libreoffice.ods", "libreoffice.xls", "gnumeric.xlsx", "gnumeric.xls")


def _value(value: object) -> object:
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)


def _cell(cell: Cell | None, sheet: str = "") -> list | None:
    """A cell read as [where, value] (and its mark when it has one); where: its address, its sheet unless ``sheet``."""
    if cell is None:
        return None
    where = cell.cell if cell.sheet == sheet else f"{cell.sheet}!{cell.cell}"
    return [where, _value(cell.value), *([cell.mark] if cell.mark else [])]


def what_is_read(path: Path) -> dict:
    """What the reader finds in the saved book ``path``, as JSON: its status and problems, the collective's cell and
    each form's cells with their values."""
    from thidua_xlsx.steps.workspace import open_campaign

    folder, problems = open_campaign(SAVED / "campaign" / "campaign.xlsx")
    assert folder is not None, [p.render() for p in problems]
    found = read_file(InboxItem(path, path.name, FILE), ReadContext(folder.campaign, folder.registry))
    submission = found.submission
    forms = submission.forms if submission else ()
    return {
        "status": found.status, "reason": found.reason,
        "saved_at": found.saved_at.isoformat() if found.saved_at else None,
        "issues": [[i.code, i.severity, i.sheet, i.cell, [[k, _value(v)] for k, v in i.params]] for i in found.issues],
        "collective": _cell(submission.collective) if submission else None,
        "missing": list(submission.missing) if submission else [],
        "marked": list(submission.marked) if submission else [],
        "forms": [{"marker": form.marker, "sheet": form.sheet,
                   "cells": [_cell(form.name, form.sheet), _cell(form.position, form.sheet),
                             *(_cell(cell, form.sheet) for cell in form.shown_totals)],
                   "items": [[item.code, *(_cell(cell, form.sheet) for cell in (item.self, item.dept, item.note))]
                             for item in form.items],
                   "facts": [[code, _cell(cell, form.sheet)] for code, cell in form.facts]}
                  for form in forms],
    }


def as_json(read: dict[str, dict]) -> str:
    """What was read of each book, one line a form (a diff shows which)."""
    def book(found: dict) -> str:
        head = json.dumps({k: v for k, v in found.items() if k != "forms"}, ensure_ascii=False)
        forms = ",\n".join("  " + json.dumps(form, ensure_ascii=False) for form in found["forms"])
        return f'{head[:-1]}, "forms": [\n{forms}\n ]}}'
    return "{\n" + ",\n".join(f" {json.dumps(name)}: {book(found)}" for name, found in read.items()) + "\n}\n"


@pytest.mark.parametrize("name", BOOKS)
def test_a_saved_book_is_read_as_it_was_when_the_corpus_was_built(name):
    expected = json.loads((SAVED / "expected.json").read_text(encoding="utf-8"))[name]
    assert json.loads(json.dumps(what_is_read(SAVED / name), ensure_ascii=False)) == expected
