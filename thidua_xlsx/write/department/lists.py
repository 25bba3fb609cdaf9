"""The hidden "lists" sheet: the values of every dropdown, each list under a defined name."""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name

from thidua_xlsx.model import layout as ly
from thidua_xlsx.write.department.book import DepartmentBook


def lists_sheet(book: DepartmentBook) -> None:
    ws = book.wb.add_worksheet(ly.LISTS_SHEET)
    for col, (name, values) in enumerate((k, v) for k, v in book.lists.items() if v):
        ws.write_string(0, col, name)
        for r, value in enumerate(values, start=1):
            ws.write_string(r, col, value)
        letter = xl_col_to_name(col)
        book.wb.define_name(name, f"='{ly.LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}")
    ws.protect(book.c.settings.sheet_password)
    ws.hide()
