"""Builders for the level above's tests: a school's summary as a school with the commune's code writes it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from openpyxl import load_workbook

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.level_above import LevelAbove, SchoolSummary
from thidua_xlsx.model.level_above_book import AUTHORITY_SHEET
from thidua_xlsx.text.collation import fold

KEY = CommuneKey(bytes(range(32)))  # the tests' commune's key


def sealed(summary: SchoolSummary, campaign: LevelAbove, key: CommuneKey = KEY) -> SchoolSummary:
    """``summary`` sealed with the code the commune of ``key`` issued the school it names (its content: a stand-in
    digest)."""
    school = next(s for s in campaign.schools if fold(s.name) == fold(summary.school))  # as the commune matches
    content = summary.content or "d" * 64
    return dataclasses.replace(summary, content=content, seal=ly.seal_for(
        key.school_code(school.code, campaign.school_year), content))


def set_field(book: Path, label: str, value) -> None:
    """The commune's book ``book`` with its field ``label`` (sheet Đơn vị) typed as ``value``."""
    wb = load_workbook(book)
    ws = wb[AUTHORITY_SHEET]
    next(r for r in ws.iter_rows(min_row=2) if r[0].value == label)[1].value = value
    wb.save(book)
