"""Read registrations back from a registration summary (for ``generate --from``).

The summary's "Đăng ký" sheet is found by its header texts, not positions, so a council that
edited the list (or re-saved it in LibreOffice) still pre-fills correctly.
"""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx import campaign as cm
from thidua_xlsx.issues import Problems
from thidua_xlsx.templates import Registration

SHEET = "Đăng ký"
PERSON_HEADERS = {"code": "Mã", "title": "Danh hiệu đăng ký", "form": "Hình thức khen thưởng",
                  "initiative": "Tên sáng kiến / đề tài"}
COLLECTIVE_HEADERS = {"code": "Mã tổ", "title": "Danh hiệu tập thể đăng ký"}


def read_registration_summary(path: Path, problems: Problems) -> tuple[dict[str, Registration], dict[str, str]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
        rows = [[cm.clean_text(v) for v in row] for row in wb[SHEET].iter_rows(values_only=True)]
        wb.close()
    except Exception:  # a wrong or broken file becomes one message
        problems.add("campaign.from_unreadable", file=path.name, path=str(path))
        return {}, {}
    people: dict[str, Registration] = {}
    collective: dict[str, str] = {}
    columns = None
    kind = None
    for row in rows:
        if _has(row, PERSON_HEADERS):
            columns, kind = {k: row.index(h) for k, h in PERSON_HEADERS.items()}, "person"
            continue
        if _has(row, COLLECTIVE_HEADERS):
            columns, kind = {k: row.index(h) for k, h in COLLECTIVE_HEADERS.items()}, "collective"
            continue
        if columns is None or not any(row):
            continue
        code = row[columns["code"]] if columns["code"] < len(row) else ""
        if not code:
            continue
        if kind == "person":
            people[code] = Registration(**{k: row[i] if i < len(row) else "" for k, i in columns.items()
                                           if k != "code"})
        else:
            collective[code] = row[columns["title"]] if columns["title"] < len(row) else ""
    if not people and not collective:
        problems.add("campaign.from_unreadable", file=path.name, path=str(path))
    return people, collective


def _has(row: list[str], headers: dict[str, str]) -> bool:
    return all(h in row for h in headers.values())
