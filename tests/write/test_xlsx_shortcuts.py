"""The writing shortcuts (thidua_xlsx.write.xlsx, the department workbooks' and the summary's) are used only with
the xlsxwriter versions they were compared on; with any other, xlsxwriter's own classes write the same bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import department_spec
from thidua_xlsx.write import department, engine, xlsx
from thidua_xlsx.write.summary.book import open_workbook


def _forget_classes() -> None:
    for made in (xlsx.remembering_workbook_class, xlsx.skeleton_workbook_class, xlsx.shortcuts,
                 xlsx.worksheet_class, xlsx.workbook_class):
        made.cache_clear()


def _fresh(monkeypatch, version: str) -> None:
    import xlsxwriter

    monkeypatch.setattr(xlsxwriter, "__version__", version)
    _forget_classes()


def _written(tmp_path, name: str) -> tuple[bytes, bytes]:
    """A scoring workbook of the small campaign and a summary-like sheet of every plain kind of cell."""
    campaign = cm.from_dict(campaign_dict())
    spec = department_spec(campaign, campaign.departments[0], ly.SCORING)
    book = tmp_path / f"{name}-book.xlsx"
    department.write_department_workbook(spec, book)
    summary = tmp_path / f"{name}-summary.xlsx"
    wb = open_workbook(summary)
    # xlsxwriter dates a book it is not given a date for by the clock: two writes a second apart differ
    engine.set_properties(wb, "Tổng hợp", "Trường", dt.datetime(2026, 5, 20, 8, 0))
    ws = wb.add_worksheet("Danh sách")
    style = wb.add_format(engine.BASE_STYLE)
    ws.set_row(2, None, style)
    for row, value in enumerate(["Nguyễn Thị Lan", " cách ", 91.5, "", "=A1", "a\x01b", 0], start=0):
        ws.write(row, 0, value, style if row != 2 else None)
    ws.write_formula(7, 0, "=SUM(A3:A3)", style, 91.5)
    wb.close()
    return book.read_bytes(), summary.read_bytes()


@pytest.fixture
def restore_classes():
    yield
    _forget_classes()


def test_an_xlsxwriter_the_shortcuts_were_not_compared_on_writes_its_own_way_the_same_bytes(
        tmp_path, monkeypatch, restore_classes):
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

    assert xlsx.shortcuts(), f"xlsxwriter {xlsxwriter.__version__}: compare the shortcuts, then name it in " \
        "CHECKED_VERSIONS and pyproject.toml"
    _fresh(monkeypatch, xlsxwriter.__version__)
    short = _written(tmp_path, "short")
    assert xlsx.worksheet_class() is not Worksheet

    _fresh(monkeypatch, "9.0.0")
    assert not xlsx.shortcuts()
    assert xlsx.workbook_class() is xlsxwriter.Workbook and department._workbook_class() is xlsxwriter.Workbook
    own = _written(tmp_path, "own")
    assert short == own
