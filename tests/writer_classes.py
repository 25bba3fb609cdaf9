"""Test helper: an xlsxwriter of another version than the installed one, as pip would install it the day it is
published. The writing shortcuts' classes (thidua_xlsx.write.xlsx) are made once a process for the xlsxwriter found:
a test that changes the version forgets them before and after, or every later test of its process writes with the
classes of the version it pretended (a sheet of xlsxwriter's own where a shortcut's is expected)."""

from __future__ import annotations

from thidua_xlsx.write import xlsx
from thidua_xlsx.write.xlsx import skeletons


def forget_classes() -> None:
    for made in (xlsx.remembering_workbook_class, skeletons.skeleton_workbook_class, xlsx.shortcuts,
                 xlsx.worksheet_class, xlsx.workbook_class, xlsx.file_alike_workbook_class):
        made.cache_clear()


def pretend_xlsxwriter(monkeypatch, version: str) -> None:
    """xlsxwriter says it is ``version`` until ``monkeypatch`` is undone (then :func:`forget_classes` again)."""
    import xlsxwriter

    monkeypatch.setattr(xlsxwriter, "__version__", version)
    forget_classes()
