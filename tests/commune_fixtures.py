"""Builders for the level above's tests: a school's summary as a school with the commune's code writes it (sealed as
a value, or by the school's own merge), a commune book as an earlier release left it, a code looked for in what is
said."""

from __future__ import annotations

import dataclasses
import re
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.commune.model_book import AUTHORITY_SHEET
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import LevelAbove, SchoolSummary
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.text.collation import fold

KEY = CommuneKey(bytes(range(32)))  # the tests' commune's key
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


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


def school_run(work: Path, target: Path, code: str | None) -> None:
    """The sample school's final summary as a school would make it, its code typed as ``code`` (None: left)."""
    for name in ("inbox", "so-da-phat"):
        shutil.copytree(SAMPLES / name, work / name)
    shutil.copy(SAMPLES / "campaign.xlsx", work)
    if code is not None:
        wb = load_workbook(work / "campaign.xlsx")
        next(r for r in wb["Trường"].iter_rows() if r[0].value == "Mã xác thực do cấp trên cấp")[1].value = code
        wb.save(work / "campaign.xlsx")
    result = CliRunner().invoke(main, ["merge", str(work / "inbox"), "--council", str(SAMPLES / "hoi-dong.xlsx"),
                                       "-o", str(target)])
    assert result.exit_code == 0, result.output


def holds_a_code(said: str, codes) -> list[str]:
    """The codes ``said`` holds, grouped as printed or run together (dashes, spaces and case aside)."""
    plain = re.sub(r"[\s-]", "", said.upper())
    return [c for c in codes if c in said or c.replace("-", "") in plain]


def as_before_keys(book: Path) -> None:
    """The commune's book as a release before 0.8 wrote it (its document properties name 0.7.0)."""
    rewrite_part(book, "docProps/core.xml",
                 lambda text: re.sub(r"thidua-xlsx \d+\.\d+\.\d+", "thidua-xlsx 0.7.0", text))


def rewrite_part(path: Path, part: str, change) -> None:
    """``path``'s zip entry ``part`` (UTF-8 text) rewritten by ``change``, the rest as it was."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == part else data)
