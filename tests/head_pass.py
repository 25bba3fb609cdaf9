"""What the head (the competent authority, NĐ 233/2026 điều 13) types into a period's summary before its pass
(``merge --period … --council``): scores and notes only — a period decides no title: its summary has no decision
column —, and where she has them (a transfer-in's former school result) her score's two parts."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.filling import table_rows
from thidua_xlsx.text import summary as sx


def head_scores(src: Path, dst: Path, scores: dict[str, tuple]) -> None:
    """{code: (score, note[, general criteria, task results])} typed in the council's score and note columns of
    "Điểm chi tiết" and, where given, its two part columns (unlocked cells only)."""
    wb = load_workbook(src)
    ws = wb[sx.S_DETAIL]
    parts = any(len(typed) > 2 for typed in scores.values())
    head, cols = table_rows(ws, sx.PERIOD_COUNCIL_HEADS | (sx.PERIOD_COUNCIL_PARTS if parts else {}))
    for row in range(head + 1, ws.max_row + 1):
        for key, value in zip(("score", "note", "general", "tasks"), scores.get(ws.cell(row, cols["code"]).value, ())):
            cell = ws.cell(row, cols[key])
            assert cell.protection.locked is False, (key, cell.coordinate)
            cell.value = value
    wb.save(dst)
