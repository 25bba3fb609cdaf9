"""campaign.xlsx made by ``init`` and edited as a secretary would, with openpyxl; read back with its problems."""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from thidua_xlsx import service
from thidua_xlsx.read.campaign_book import load_campaign_book

_MADE: dict[tuple[str, dt.date], tempfile.TemporaryDirectory] = {}  # (level, init's day) → the folder init made


def make_book(directory: Path, level: str = "tieu-hoc") -> Path:
    """``directory`` as ``init`` makes it for ``level`` (campaign id "x"; campaign.xlsx, inbox/, outbox/, the
    launchers): made once a process for each level and day init sees (a test may set the day), then copied, each
    test's own to edit, its files saved now."""
    from thidua_xlsx.commands import init

    key = (level, init.vietnam_today())
    made = _MADE.get(key)
    if made is None:
        made = tempfile.TemporaryDirectory(prefix="init-")
        atexit.register(made.cleanup)
        service.init_campaign(Path(made.name) / "c", level, campaign_id="x")
        _MADE[key] = made
    shutil.copytree(Path(made.name) / "c", directory, copy_function=shutil.copy, dirs_exist_ok=True)
    return directory / "campaign.xlsx"


def edit(path: Path, change) -> object:
    """Open campaign.xlsx in openpyxl, let ``change(wb)`` edit it, save; returns what change returns."""
    wb = load_workbook(path)
    result = change(wb)
    wb.save(path)
    return result


def row_of(ws, column: str, value) -> int:
    """The first row whose cell in ``column`` holds ``value``."""
    for cell in ws[column]:
        if cell.value == value:
            return cell.row
    raise AssertionError(f"{value!r} not in column {column} of {ws.title}")


def set_staff(path: Path, code: str, **by_header) -> int:
    """Sheet Nhân sự's row of person ``code`` given each value of ``by_header`` (a column's heading → its value);
    returns the row."""
    from thidua_xlsx.model import campaign_book as cb

    def change(wb):
        ws = wb[cb.STAFF_SHEET]
        row = row_of(ws, "A", code)
        columns = {c.value: c.column_letter for c in ws[1] if c.value}
        for header, value in by_header.items():
            ws[f"{columns[header]}{row}"] = value
        return row
    return edit(path, change)


def facts_of(campaign, code: str):
    """The facts sheet Nhân sự gives of person ``code``."""
    return next(p for p in campaign.staff if p.code == code).facts


def first_item_of_first_group(ws) -> tuple[int, int]:
    """(group row, first item row) of the first rubric group on the "Tiêu chí" sheet."""
    group_row = next(c.row for c in ws["B"][1:] if c.value and "." not in str(c.value))
    return group_row, group_row + 1


def strings(value):
    """Every str inside a (nested) dataclass value."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)


def load(path: Path):
    campaign, problems = load_campaign_book(path)
    return campaign, list(problems)
