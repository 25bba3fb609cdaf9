"""The council pass's summary read back as the secretary checks it: the titles proposed per list, and the change
log (who, what, why)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.filling import table_rows
from thidua_xlsx.text import summary as sx


def proposed_titles(path: Path) -> dict[str, list[str]]:
    ws = load_workbook(path)["Đề nghị khen thưởng"]
    found, title = {}, None
    for row in ws.iter_rows(values_only=True):
        text = str(row[0] or "")
        if text.startswith("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU"):
            title = text
            found[title] = []
        elif text.startswith(sx.REFUSED_TITLE[:20]):
            title = None
        elif title and isinstance(row[0], int):
            found[title].append(row[1])
    return {t.split("DANH HIỆU ")[1].split(" NĂM")[0]: names for t, names in found.items()}


def change_log(path: Path) -> list[tuple]:
    book = load_workbook(path)
    period = sx.S_CHANGES_PERIOD in book.sheetnames  # a period's: the head's changes
    ws = book[sx.S_CHANGES_PERIOD if period else sx.S_CHANGES]
    head, cols = table_rows(ws, dict(enumerate(sx.CHANGES_HEAD_PERIOD if period else sx.CHANGES_HEAD)))
    return [tuple(ws.cell(r, c).value for c in (3, 4, 5, 6, 7, 8)) for r in range(head + 1, ws.max_row + 1)
            if ws.cell(r, 2).value]
