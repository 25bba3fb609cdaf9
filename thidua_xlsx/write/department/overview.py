"""The scoring round's "Tổng hợp tổ": one row per form, its totals and class taken from the form by
formulas, the rank within the department, the department's own title (the year's book only: a period's asks no
title), and the check cell."""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import engine
from thidua_xlsx.write.department.book import SIGNATURE_ROWS, DepartmentBook

WIDTHS = (5, 9, 26, 16, 9, 9, 9, 14, 9, 11)


def department_sheet(book: DepartmentBook, ws, people: list[tuple[IssuedPerson, str]],
                     person_cells: list[dict]) -> None:
    """Fill ``ws`` (added first, so that it is the first tab) once the forms are written: ``person_cells``
    says where each form's values are (:func:`.scoring.person_sheet`)."""
    f = book.f
    last = len(WIDTHS) - 1
    row = book.header(ws, last, 4)
    school, period = book.c.school, book.period
    if period is not None:  # the head signs a period's summary: it names the period and its dates
        row = book.title(ws, row, last, wx.DEPT_TITLE_PERIOD.format(period=period.label.upper()),
                         wx.DEPT_SUBTITLE_PERIOD.format(period=wx.period_text(period), year=school.school_year,
                                                        department=book.dept.name, school=school.name))
    else:
        row = book.title(ws, row, last, wx.DEPT_TITLE.format(year=school.school_year),
                         f"{book.dept.name} – {school.name}")
    collective_cell = ""  # a period's book asks no title: the collective's is registered once, decided by the year
    if period is None:
        ws.merge_range(row, 0, row, 3, wx.L_COLLECTIVE, f["label"])
        ws.merge_range(row, 4, row, 7, "", f["input"])
        collective_cell = xl_rowcol_to_cell(row, 4)
        if book.c.collective:
            ws.write_string(row, 4, title_name(book.c.collective), f["input"])
        book.dropdown(ws, collective_cell, "DS_DanhHieuTapThe", wx.V_COLLECTIVE_TITLE, wx.V_COLLECTIVE_MESSAGE)
        row += 2
    head = row
    for col, text in enumerate(wx.DEPT_HEADERS):
        ws.write_string(row, col, text, f["head"])
    heights = {head: 36.0}  # the rows set, for the page breaks' estimate (engine.page_breaks)
    ws.set_row(row, heights[head])
    first = head + 1
    n = len(people)
    last_row = head + n
    rows = {}
    for k, ((person, _marker), cells) in enumerate(zip(people, person_cells)):
        spare = not person.code
        r = first + k
        ref = f"'{cells['sheet']}'!"
        if person.code:
            rows[person.code] = r + 1
        ws.write_number(r, 0, k + 1, f["locked_c"])
        ws.write_string(r, 1, person.code, f["locked_c"])
        if spare:
            ws.write_formula(r, 2, f'=IF({ref}{cells["name"]}="","",{ref}{cells["name"]})', f["locked"], "")
            ws.write_formula(r, 3, f'=IF({ref}{cells["position"]}="","",{ref}{cells["position"]})',
                             f["locked"], "")
        else:
            ws.write_string(r, 2, person.name, f["locked"])
            ws.write_string(r, 3, person.position, f["locked"])
        ws.write_formula(r, 4, f"={ref}{cells['self_total']}", f["locked_num"], "")
        ws.write_formula(r, 5, f"={ref}{cells['dept_total']}", f["locked_num"], "")
        ws.write_formula(r, 6, f'=IF(F{r + 1}<>"",F{r + 1},E{r + 1})', f["total_num"], "")
        ws.write_formula(r, 7, f'=IF(F{r + 1}<>"",{ref}{cells["dept_class"]},{ref}{cells["self_class"]})',
                         f["locked"], "")
        ws.write_formula(r, 8, f'=IF(ISNUMBER(G{r + 1}),RANK(G{r + 1},$G${first + 1}:$G${last_row + 1}),"")',
                         f["locked_c"], "")
        if spare:  # a spare sheet counts only once somebody's name is on it
            missing = (f'=IF({ref}{cells["name"]}="",0,{ref}{cells["self_missing"]}+'
                       f'{ref}{cells["dept_missing"]})')
            ws.write_formula(r, 9, missing, f["locked_c"], 0)
        else:
            ws.write_formula(r, 9, f"={ref}{cells['self_missing']}+{ref}{cells['dept_missing']}",
                             f["locked_c"], 2 * cells["n_required"])
        heights[r] = 31.5 if len(person.name) > 24 or len(person.code) > 9 else 20.0  # two lines: "MOI-TO-K23-1"
        ws.set_row(r, heights[r])
        if person.code and not person.newcomer:  # the locked cells, as the merge keys them (a newcomer's are not)
            book.lock(f"dept|{person.code}|name", person.name)
            book.lock(f"dept|{person.code}|position", person.position)
            for col, heading in enumerate(wx.DEPT_HEADERS[4:], start=4):  # the formulas
                book.lock_formula(f"dept|{person.code}|formula|{heading}", ws, r, col)
    sign_row = last_row + 2
    check_row = sign_row + SIGNATURE_ROWS + 1  # below the signatures, outside the printed area
    expected = sum(2 * c["n_required"] for (p, _marker), c in zip(people, person_cells) if p.code)
    check = book.check_cell(ws, check_row, 7, f"SUM(J{first + 1}:J{last_row + 1})", expected, "dept")
    book.signatures(ws, sign_row, last, (wx.SIGN_MAKER, wx.SIGN_NOTE), (wx.SIGN_HEAD, wx.SIGN_NOTE))
    # the signatures on the page of the last two people's lines (and the spare ones below), never under the head's
    # copy alone
    named = [first + k for k, (person, _marker) in enumerate(people) if person.name] or [last_row]
    breaks = engine.page_breaks(heights, WIDTHS, True, [(max(first, named[-1] - 1), check_row - 2, 0)], (head,))
    if breaks:
        ws.set_h_pagebreaks(breaks)
    ws.print_area(0, 0, check_row - 2, last)
    ws.freeze_panes(head + 1, 3)
    ws.repeat_rows(head)
    ws.activate()
    book.records.append(ly.DepartmentSheet(ws.name, head + 1, tuple(rows.items()), collective_cell, check))
