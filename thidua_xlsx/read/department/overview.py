"""The scoring round's "Tổng hợp tổ" sheet: the collective's title, and the locked names and formulas of its
people's rows."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.department.cells import Sheet
from thidua_xlsx.read.department.extraction import Extraction, Header, stray_finder
from thidua_xlsx.text import workbook as wx


def department_sheet(ex: Extraction, sheet: Sheet, where: Header) -> None:
    header, cols = where
    at = sheet.find(wx.L_COLLECTIVE)
    if at is not None:
        ex.found.collective = sheet.cell(at[0], at[1] + ly.COLLECTIVE_VALUE_OFFSET)
    named = sheet.header({"code": wx.DEPT_HEADERS[1], "name": wx.DEPT_HEADERS[2], "position": wx.DEPT_HEADERS[3]})
    heads = sheet.header({head: head for head in wx.DEPT_HEADERS[4:]})  # the formula columns
    formulas = heads[1] if heads is not None and heads[0] == header else {}
    every = sheet.header({head: head for head in wx.DEPT_HEADERS})
    if named is not None:
        _, cols = named
    else:  # "Họ và tên" or "Chức vụ" retyped (the sheet unprotected): every column where it was issued (in the
        # order of DEPT_HEADERS, write.department.overview), counted from the code's
        first = cols["code"] - 1
        every = header, {head: first + k for k, head in enumerate(wx.DEPT_HEADERS)}
        cols = {"code": first + 1, "name": first + 2, "position": first + 3}
    stray = stray_finder(sheet, every[1].values() if every is not None and every[0] == header else cols.values())
    for row in range(header + 1, sheet.last_row + 1):
        code = sheet.text(row, cols["code"])
        if code in ex.people:
            ex.stray(sheet, row, stray(sheet.rows[row - sheet.start[0]]), code)
        if code in ex.people and not ex.people[code].newcomer:
            ex.lock(f"dept|{code}|name", sheet, row, cols["name"])
            ex.lock(f"dept|{code}|position", sheet, row, cols["position"])
            for head, col in formulas.items():  # totals, classification, rank, blanks: all formulas
                ex.lock_formula(f"dept|{code}|formula|{head}", sheet, row, col)
    ex.lock_check("dept", sheet)
