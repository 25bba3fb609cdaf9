"""The commune officer's decisions on the proposals held apart, typed on the page (accept or reject, each with its
reason), written where she would tick them in Excel: into a copy of the commune's last summary, its sheet "Chờ quyết
định" ("Đồng ý", the reason), kept as ``hoi-dong/xa-duyet.xlsx``. Every later merge of the commune on the page reads it
as the officer's pass (``merge … --council hoi-dong/xa-duyet.xlsx`` from the terminal), so her word is kept, and the
file is hers to open and check."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.places import LEVEL_ABOVE_KEY, Places

AGREED = "x"  # what the officer types in "Đồng ý" (any text counts as ticked: read.level_above_council)


def officer_decisions(folder: Path, decisions: dict[tuple[str, str, str, str], tuple[bool, str]]) -> Path:
    """``decisions`` ({proposal key: (accept, reason)}) typed into a copy of the commune's last summary, kept as
    hoi-dong/xa-duyet.xlsx (with the decisions an earlier pass of the page kept there); its path. Refused when no
    summary of the commune is written yet, when a reason is missing, or when a proposal is not among those its last
    summary holds apart (merged since: merge again, then decide)."""
    from openpyxl import load_workbook

    from thidua_xlsx.system.files import replacing
    from thidua_xlsx.system.runs import summary_of

    at = Places(folder)
    last = summary_of(folder, LEVEL_ABOVE_KEY, "", "")
    if not last:
        raise _refused("ui.officer_no_summary")
    missing = [key for key, (_accept, reason) in decisions.items() if not reason.strip()]
    if missing:
        raise _refused("ui.officer_reason", count=len(missing))
    source = at.officer_book if at.officer_book.is_file() else folder / last
    sheet, (agree_col, reason_col), rows = _held_rows(folder / last)
    where = {(str(school), str(kind), str(who), str(title)): int(row) for row, school, kind, who, title in rows}
    unknown = [key for key in decisions if key not in where]
    if unknown:
        raise _refused("ui.officer_stale", count=len(unknown))
    book = load_workbook(folder / last)
    kept = _marks(source) if source != folder / last else {}
    ws = book[sheet]
    for key, row in where.items():
        accept, reason = decisions.get(key, kept.get(key, (False, "")))
        ws.cell(row + 1, agree_col + 1).value = AGREED if accept else None
        ws.cell(row + 1, reason_col + 1).value = reason.strip() or None
    at.council.mkdir(exist_ok=True)
    with replacing(at.officer_book) as tmp:
        book.save(tmp)
    return at.officer_book


def _held_rows(path: Path) -> tuple[str, tuple[int, int], list]:
    """The sheet, the officer's two columns (0-based) and the rows (0-based, with each line's key) of the proposals a
    commune summary holds apart, from the metadata the tool wrote in it."""
    from thidua_xlsx.read.level_above_council import held_rows

    return held_rows(path)


def _marks(path: Path) -> dict[tuple[str, str, str, str], tuple[bool, str]]:
    """The decisions kept in an earlier copy: {key: (accepted, reason)} of its lines held apart."""
    from thidua_xlsx.read.level_above_council import held_marks

    return held_marks(path)


def _refused(code: str, **params) -> Refused:
    problems = Problems()
    return Refused(problems.add(code, **params).message, problems)
