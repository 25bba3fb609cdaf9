"""The registration round's sheets: "Đăng ký cá nhân" (each person's title, form and initiative,
spare rows for newcomers) and "Đăng ký tập thể" (the department's own title)."""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import engine
from thidua_xlsx.write.department.book import DepartmentBook


def people_sheet(book: DepartmentBook) -> None:
    widths = (5, 9, 26, 16, 22, 24, 34, 16)
    last = len(widths) - 1
    f, school = book.f, book.c.school
    ws = book.sheet(ly.REG_PEOPLE_SHEET, landscape=True, widths=widths)
    row = book.header(ws, last, 4)
    row = book.title(ws, row, last, wx.REG_TITLE.format(year=school.school_year),
                     f"{book.dept.name} – {school.name}")
    head = row
    for col, text in enumerate(wx.REG_HEADERS):
        ws.write_string(row, col, text, f["head"])
    ws.set_row(row, 36)
    rows: dict[str, int] = {}
    for n, person in enumerate(book.members, start=1):
        r = head + n
        rows[person.code] = r + 1
        ws.write_number(r, 0, n, f["locked_c"])
        ws.write_string(r, 1, person.code, f["locked_c"])
        ws.write_string(r, 2, person.name, f["locked"])
        ws.write_string(r, 3, person.position, f["locked"])
        for col in range(4, 8):
            ws.write_blank(r, col, None, f["input"])
        ws.set_row(r, 31.5 if len(person.name) > 24 else 20)
    spare = []
    for k in range(book.c.settings.spare_rows):
        r = head + len(book.members) + 1 + k
        spare.append(r + 1)
        ws.write_string(r, 0, wx.SPARE_MARK, f["locked_c"])
        ws.write_blank(r, 1, None, f["locked"])
        for col in range(2, 8):
            ws.write_blank(r, col, None, f["input"])
    first, last_row = head + 1, head + len(book.members) + len(spare)
    rng = lambda col: f"{xl_col_to_name(col)}{first + 1}:{xl_col_to_name(col)}{last_row + 1}"  # noqa: E731
    book.dropdown(ws, rng(4), "DS_DanhHieuCaNhan", wx.V_TITLE_TITLE, wx.V_TITLE_MESSAGE)
    book.dropdown(ws, rng(5), "DS_HinhThuc", wx.V_FORM_TITLE, wx.V_FORM_MESSAGE)
    ws.data_validation(rng(6), {"validate": "length", "criteria": "<=", "value": 250,
                                "input_title": wx.V_INITIATIVE_TITLE, "input_message": wx.V_INITIATIVE_MESSAGE,
                                "error_title": wx.TEXT_ERROR_TITLE, "error_message": wx.TEXT_ERROR_MESSAGE})
    if spare:
        ws.data_validation(f"C{spare[0]}:D{spare[-1]}", {
            "validate": "any", "input_title": wx.V_SPARE_TITLE, "input_message": wx.V_SPARE_MESSAGE})
    # Check cell: how many registered titles are still blank among the roster rows.
    check_row = last_row + 2
    blank = f"COUNTBLANK(E{first + 1}:E{head + len(book.members) + 1})"
    check = book.check_cell(ws, check_row, 5, blank, len(book.members), "reg")
    book.signatures(ws, check_row + 2, last, (wx.SIGN_MAKER, wx.SIGN_NOTE), (wx.SIGN_HEAD, wx.SIGN_NOTE))
    ws.freeze_panes(head + 1, 3)
    ws.repeat_rows(head)
    book.records.append(ly.RegistrationSheet(ws.name, head + 1, tuple(rows.items()), tuple(spare), check))


def collective_sheet(book: DepartmentBook) -> None:
    f, school = book.f, book.c.school
    cs = book.sheet(ly.REG_COLLECTIVE_SHEET, widths=(engine.name_width(30, [book.dept.name]), 12, 30, 30))
    row = book.header(cs, 3, 2)
    row = book.title(cs, row, 3, wx.REG_COLLECTIVE_TITLE.format(year=school.school_year), school.name)
    for col, text in enumerate(wx.REG_COLLECTIVE_HEADERS):
        cs.write_string(row, col, text, f["head"])
    cs.write_string(row + 1, 0, book.dept.name, f["locked"])
    cs.write_number(row + 1, 1, len(book.members), f["locked_c"])
    cs.write_blank(row + 1, 2, None, f["input"])
    cs.write_blank(row + 1, 3, None, f["input"])
    cell = xl_rowcol_to_cell(row + 1, 2)
    book.dropdown(cs, cell, "DS_DanhHieuTapThe", wx.V_COLLECTIVE_TITLE, wx.V_COLLECTIVE_MESSAGE)
    cs.set_row(row + 1, 33)
    book.signatures(cs, row + 3, 3, (wx.SIGN_MAKER, wx.SIGN_NOTE), (wx.SIGN_HEAD, wx.SIGN_NOTE))
    book.records.append(ly.CollectiveSheet(cs.name, row + 1, cell, xl_rowcol_to_cell(row + 1, 3)))
