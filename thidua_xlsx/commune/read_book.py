"""Read ``cap-tren.xlsx``, the level above's campaign book (layout: commune.model_book), as a school's
campaign.xlsx is read (read.campaign_book): through containment, every problem by its sheet and cell, all at once."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from thidua_xlsx.commune import model_book as mb
from thidua_xlsx.model.commune import LevelAbove, SchoolRef
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.campaign_book import BookReader, RowCells, open_grids
from thidua_xlsx.read.presets import preset_dir
from thidua_xlsx.text.collation import fold

LEVEL_ABOVE_PRESET = "cap-xa"


def load_level_above_preset() -> LevelAbove:
    """The level above's preset (workbook_templates/cap-xa.json): a commune and its schools, to start from."""
    data = json.loads((preset_dir() / f"{LEVEL_ABOVE_PRESET}.json").read_text(encoding="utf-8"))
    return LevelAbove(id="", authority=data["authority"], managing_body=data.get("managing_body", ""),
                      place=data["place"], school_year=data["school_year"], chair=data.get("chair", ""),
                      officer=data.get("officer", ""), office=data.get("office", ""),
                      deadline=data.get("deadline", ""), province=data.get("province", ""),
                      schools=tuple(SchoolRef(**s) for s in data["schools"]),
                      legal_basis=tuple(data.get("legal_basis", ())))


def load_level_above_book(path: Path) -> tuple[LevelAbove | None, Problems]:
    """The level above's campaign, or None with every problem found."""
    problems, name = Problems(), Path(path).name
    grids = open_grids(Path(path), problems, "campaign.broken", "campaign.no_access")
    if grids is None:
        return None, problems
    read = BookReader(grids, name, problems)
    fields = _texts(read.fields(mb.AUTHORITY_SHEET, mb.AUTHORITY_FIELDS))
    schools = [(_texts(values), cells) for _row, values, cells in read.table(mb.SCHOOLS_SHEET, mb.SCHOOL_COLUMNS) or ()]
    legal = [_texts(values)["line"] for _row, values, _cells in read.table(mb.LEGAL_SHEET, mb.LEGAL_COLUMNS) or ()]
    _duplicates(schools, name, problems)
    if fields.get("school_year") and not re.fullmatch(r"\d{4}\s*-\s*\d{4}", fields["school_year"]):
        problems.add("campaign.school_year", file=name, sheet=mb.AUTHORITY_SHEET, value=fields["school_year"])
    if problems.errors:
        return None, problems
    return _level_above(fields, schools, legal), problems


def _texts(values: Mapping[str, object]) -> dict[str, str]:
    """A row's values (or the fields') by key, each a text, "" a blank cell: every cell of cap-tren.xlsx is read as
    one (its deadline as its ISO date)."""
    return {key: value if isinstance(value, str) else "" for key, value in values.items()}


def _duplicates(schools: list[tuple[dict[str, str], RowCells]], name: str, problems: Problems) -> None:
    """A school's code, or its name (compared folded), listed twice: said at the second, naming the first."""
    seen: dict[tuple[str, str], str] = {}  # (column, value as compared) → the cell it was first seen in
    for values, cells in schools:
        for key in ("code", "name"):
            folded = fold(values[key]) if key == "name" else values[key]
            if folded and (key, folded) in seen:
                problems.add("campaign.duplicate", file=name, sheet=mb.SCHOOLS_SHEET, cell=cells[key],
                             value=values[key], first=seen[(key, folded)])
            seen.setdefault((key, folded), cells[key])


def _level_above(fields: dict[str, str], schools: list[tuple[dict[str, str], RowCells]], legal: list[str]
                 ) -> LevelAbove:
    """The level above's campaign from its checked sheets (an optional field not given: "")."""
    return LevelAbove(
        id=fields["id"], authority=fields["authority"], managing_body=fields.get("managing_body") or "",
        place=fields["place"], school_year=re.sub(r"\s*-\s*", "-", fields["school_year"]),
        chair=fields.get("chair") or "", officer=fields.get("officer") or "", office=fields.get("office") or "",
        deadline=fields.get("deadline") or "", province=fields.get("province") or "",
        schools=tuple(SchoolRef(v["code"], v["name"], v["level"], v.get("email") or "") for v, _cells in schools),
        legal_basis=tuple(legal),
        recipient_email=fields.get("recipient_email") or "")
