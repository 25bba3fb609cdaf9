"""Locked department workbooks (xlsxwriter): one per department and round.

The writer receives a :class:`~thidua_xlsx.model.issued.WorkbookSpec` — one department, and of its
people only code, name, position, role and registered title — and returns the typed layout it
wrote (:class:`~thidua_xlsx.model.layout.WorkbookLayout`), which also goes, as the workbook's only
metadata, into a very hidden sheet. Excel quirks worth knowing are noted where they bite.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import workbook as tx
from thidua_xlsx.model.issued import IssuedPerson, WorkbookSpec

FONT = "Times New Roman"
INPUT_FILL = "#FFFFFF"
LOCKED_FILL = "#F2F2F2"
HEADER_FILL = "#D9E1F2"
GROUP_FILL = "#E2EFDA"
BAD_FILL = "#FFC7CE"
GAP_FILL = "#FFEB9C"
# Nghị định 30/2020: left 30–35 mm, right 15–20 mm, top/bottom 20–25 mm (inches here).
SIGNATURE_ROWS = 7  # the date line, the roles, the notes and room to sign
MARGINS = {"left": 1.18, "right": 0.7, "top": 0.79, "bottom": 0.79}
A4 = 9
FIXED_DATE = dt.datetime(2000, 1, 1)


def write_department_workbook(spec: WorkbookSpec, path: Path) -> ly.WorkbookLayout:
    """Write one department's workbook to ``path`` (through a temporary file); returns its layout."""
    tmp = path.with_name(path.name + ".tmp")
    # in_memory: the parts are assembled in memory, not in ~25 temporary files a workbook (a few hundred
    # KB; the files cost more than the writing where the disk or a virus scanner is slow)
    wb = _workbook_class()(str(tmp), {
        "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "default_format_properties": {"font_name": FONT, "font_size": 12},
    })
    wb.set_properties({"title": f"{ly.ROUNDS[spec.round]} {spec.school.school_year} – {spec.department.name}",
                       "author": ly.APP_ID, "company": spec.school.name, "created": FIXED_DATE})
    writer = _Writer(wb, spec)
    if spec.round == ly.REGISTRATION:
        writer.registration_sheets()
    else:
        writer.scoring_sheets()
    writer.guide_sheet()
    writer.lists_sheet()
    layout = writer.meta_sheet()
    wb.close()
    tmp.replace(path)
    return layout


_PREPARED_LIMIT = 100_000  # formulas remembered per process (a few MB); the cache starts over beyond


def _workbook_class():
    """xlsxwriter's Workbook whose worksheets remember how each formula was prepared.

    xlsxwriter runs ~200 regular expressions over every formula, conditional format and data
    validation it writes (to add Excel's "_xlfn." prefixes; our formulas never need one), and
    that was a third of the time of ``generate``. The preparation is a pure function of the
    formula text and two flags, and most formulas repeat — every form of a rubric has the same
    ones, in every department — so the result is remembered: the bytes written are the same."""
    global _WORKBOOK_CLASS
    if _WORKBOOK_CLASS is None:
        import xlsxwriter
        from xlsxwriter.worksheet import Worksheet

        prepared: dict[tuple[str, bool], str] = {}

        class _Worksheet(Worksheet):
            def _prepare_formula(self, formula, expand_future_functions=False):
                key = (formula, bool(self.use_future_functions or expand_future_functions))
                found = prepared.get(key)
                if found is None:
                    if len(prepared) >= _PREPARED_LIMIT:
                        prepared.clear()
                    found = prepared[key] = super()._prepare_formula(formula, expand_future_functions)
                return found

        class _Workbook(xlsxwriter.Workbook):
            worksheet_class = _Worksheet

        _WORKBOOK_CLASS = _Workbook
    return _WORKBOOK_CLASS


_WORKBOOK_CLASS = None


class _Writer:
    def __init__(self, wb, spec: WorkbookSpec):
        self.wb, self.c, self.dept, self.round = wb, spec, spec.department, spec.round
        self.members = list(spec.people)
        self.taken: set[str] = {ly.META_SHEET.casefold(), ly.LISTS_SHEET.casefold(), ly.GUIDE_SHEET.casefold()}
        self.records: list[ly.SheetLayout] = []
        self.lists = self._list_values()
        self.f = self._formats()

    # --- formats and shared pieces ------------------------------------------------------

    def _formats(self):
        base = {"font_name": FONT, "font_size": 12, "valign": "vcenter", "text_wrap": True}
        locked = {**base, "border": 1, "bg_color": LOCKED_FILL, "locked": True}
        unlocked = {**base, "border": 1, "bg_color": INPUT_FILL, "locked": False}
        group = {**locked, "bold": True, "bg_color": GROUP_FILL}
        total = {**locked, "bold": True, "bg_color": HEADER_FILL}
        number = {"align": "center"}  # General: "0.##" would show 90 as "90."
        center = {"align": "center"}
        styles = {
            "plain": base,
            "body_upper": {**base, **center},
            "school": {**base, **center, "bold": True},
            "motto1": {**base, **center, "bold": True},
            "motto2": {**base, **center, "bold": True, "font_size": 13, "underline": True},
            "title": {**base, **center, "bold": True, "font_size": 14},
            "subtitle": {**base, **center, "italic": True},
            "label": {**base, "bold": True},
            "head": {**base, **center, "bold": True, "border": 1, "bg_color": HEADER_FILL},
            "locked": locked,
            "locked_c": {**locked, **center},
            "locked_num": {**locked, **number},
            "group": group,
            "group_num": {**group, **number},
            "total": total,
            "total_num": {**total, **number},
            "input": unlocked,
            "input_num": {**unlocked, **number},
            "check": {**base, **center, "bold": True, "border": 2, "font_color": "#C00000"},
            "sign_role": {**base, **center, "bold": True},
            "sign_note": {**base, **center, "italic": True},
            "bad": {"bg_color": BAD_FILL, "font_color": "#9C0006"},
            "gap": {"bg_color": GAP_FILL},
            "ok": {"font_color": "#006100", "bg_color": "#C6EFCE"},
        }
        return {name: self.wb.add_format(props) for name, props in styles.items()}

    def _list_values(self) -> dict[str, list[str]]:
        """The dropdown lists this workbook uses (the facts lists only where the department enters facts)."""
        c = self.c
        lists = {
            "DS_DanhHieuCaNhan": [*c.titles.individual, ly.NOT_REGISTERED],
            "DS_HinhThuc": list(c.titles.forms),
            "DS_DanhHieuTapThe": [*c.titles.collective, ly.NOT_REGISTERED],
        }
        if self.round == ly.SCORING and c.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
            lists |= {"DS_XepLoaiVC": list(cm.RATINGS), "DS_KyLuat": list(cm.DISCIPLINES),
                      "DS_CoKhong": [tx.YES, tx.NO], "DS_CapSangKien": list(cm.INITIATIVE_LEVELS)}
        return lists

    def _sheet(self, title: str, *, landscape: bool = False, widths: tuple[float, ...] = ()):
        name = ly.sheet_title(title, self.taken)
        ws = self.wb.add_worksheet(name)
        ws.set_paper(A4)
        ws.set_landscape() if landscape else ws.set_portrait()
        ws.set_margins(**MARGINS)
        ws.fit_to_pages(1, 0)  # fit to width, as many pages down as needed
        ws.center_horizontally()
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        password = self.c.settings.sheet_password
        ws.protect(password, {"select_locked_cells": True, "select_unlocked_cells": True})
        return ws

    def _header(self, ws, last_col: int, split: int) -> int:
        """School header (left) and national motto (right), Nghị định 30/2020. Returns next row."""
        s = self.c.school
        ws.merge_range(0, 0, 0, split - 1, s.managing_body.upper(), self.f["body_upper"])
        ws.merge_range(1, 0, 1, split - 1, s.name.upper(), self.f["school"])
        ws.merge_range(0, split, 0, last_col, ly.MOTTO_1, self.f["motto1"])
        ws.merge_range(1, split, 1, last_col, ly.MOTTO_2, self.f["motto2"])
        ws.set_row(0, 18)
        ws.set_row(1, 18)
        return 3

    def _title(self, ws, row: int, last_col: int, title: str, subtitle: str) -> int:
        ws.merge_range(row, 0, row, last_col, title, self.f["title"])
        ws.merge_range(row + 1, 0, row + 1, last_col, subtitle, self.f["subtitle"])
        return row + 3

    def _signatures(self, ws, row: int, last_col: int, left: tuple[str, str], right: tuple[str, str]) -> None:
        split = (last_col + 1) // 2
        place = f"{self.c.school.place}, {tx.DATE_LINE_BLANK}"
        ws.merge_range(row, split, row, last_col, place, self.f["sign_note"])
        for (role, note), (c0, c1) in zip((left, right), ((0, split - 1), (split, last_col))):
            ws.merge_range(row + 1, c0, row + 1, c1, role.upper(), self.f["sign_role"])
            ws.merge_range(row + 2, c0, row + 2, c1, note, self.f["sign_note"])

    def _dropdown(self, ws, cell_range: str, list_name: str, title: str, message: str) -> None:
        if not self.lists[list_name]:  # an empty list would make Excel offer the list's header
            return
        ws.data_validation(cell_range, {
            "validate": "list", "source": f"={list_name}",
            "input_title": title, "input_message": message,
            "error_title": tx.LIST_ERROR_TITLE, "error_message": tx.LIST_ERROR_MESSAGE, "error_type": "stop",
        })

    def _number(self, ws, cell_range: str, low: float, high: float, title: str, message: str,
                whole: bool = False) -> None:
        ws.data_validation(cell_range, {
            "validate": "integer" if whole else "decimal", "criteria": "between", "minimum": low, "maximum": high,
            "input_title": title, "input_message": message, "error_title": tx.NUMBER_ERROR_TITLE,
            "error_message": tx.NUMBER_ERROR_MESSAGE.format(low=cm.num_text(low), high=cm.num_text(high)), "error_type": "stop",
        })

    def _mark_bad_numbers(self, ws, cell_range: str, first_cell: str, high) -> None:
        """Red when a value is not a number or out of range (pasting bypasses validation)."""
        ws.conditional_format(cell_range, {
            "type": "formula", "format": self.f["bad"],
            "criteria": f'=AND({first_cell}<>"",OR(NOT(ISNUMBER({first_cell})),{first_cell}<0,{first_cell}>{high}))',
        })

    # --- registration round ---------------------------------------------------------------

    def registration_sheets(self) -> None:
        widths = (5, 9, 26, 16, 22, 24, 34, 16)
        last = len(widths) - 1
        ws = self._sheet(ly.REG_PEOPLE_SHEET, landscape=True, widths=widths)
        row = self._header(ws, last, 4)
        row = self._title(ws, row, last, tx.REG_TITLE.format(year=self.c.school.school_year),
                          f"{self.dept.name} – {self.c.school.name}")
        head = row
        for col, text in enumerate(tx.REG_HEADERS):
            ws.write_string(row, col, text, self.f["head"])
        ws.set_row(row, 36)
        rows: dict[str, int] = {}
        for n, person in enumerate(self.members, start=1):
            r = head + n
            rows[person.code] = r + 1
            ws.write_number(r, 0, n, self.f["locked_c"])
            ws.write_string(r, 1, person.code, self.f["locked_c"])
            ws.write_string(r, 2, person.name, self.f["locked"])
            ws.write_string(r, 3, person.position, self.f["locked"])
            for col in range(4, 8):
                ws.write_blank(r, col, None, self.f["input"])
            ws.set_row(r, 31.5 if len(person.name) > 24 else 20)
        spare = []
        for k in range(self.c.settings.spare_rows):
            r = head + len(self.members) + 1 + k
            spare.append(r + 1)
            ws.write_string(r, 0, tx.SPARE_MARK, self.f["locked_c"])
            ws.write_blank(r, 1, None, self.f["locked"])
            for col in range(2, 8):
                ws.write_blank(r, col, None, self.f["input"])
        first, last_row = head + 1, head + len(self.members) + len(spare)
        rng = lambda col: f"{xl_col_to_name(col)}{first + 1}:{xl_col_to_name(col)}{last_row + 1}"  # noqa: E731
        self._dropdown(ws, rng(4), "DS_DanhHieuCaNhan", tx.V_TITLE_TITLE, tx.V_TITLE_MESSAGE)
        self._dropdown(ws, rng(5), "DS_HinhThuc", tx.V_FORM_TITLE, tx.V_FORM_MESSAGE)
        ws.data_validation(rng(6), {"validate": "length", "criteria": "<=", "value": 250,
                                    "input_title": tx.V_INITIATIVE_TITLE, "input_message": tx.V_INITIATIVE_MESSAGE,
                                    "error_title": tx.TEXT_ERROR_TITLE, "error_message": tx.TEXT_ERROR_MESSAGE})
        if spare:
            ws.data_validation(f"C{spare[0]}:D{spare[-1]}", {
                "validate": "any", "input_title": tx.V_SPARE_TITLE, "input_message": tx.V_SPARE_MESSAGE})
        # Check cell: how many registered titles are still blank among the roster rows.
        check_row = last_row + 2
        blank = f"COUNTBLANK(E{first + 1}:E{head + len(self.members) + 1})"
        ws.merge_range(check_row, 0, check_row, 3, tx.CHECK_LABEL, self.f["label"])
        ws.merge_range(check_row, 4, check_row, 5, "", self.f["check"])
        ws.write_formula(check_row, 4, f'=IF({blank}=0,"{tx.CHECK_DONE}","{tx.CHECK_MISSING_PREFIX}"&{blank}&" ô")',
                         self.f["check"], tx.check_value(len(self.members)))
        self._check_colors(ws, xl_rowcol_to_cell(check_row, 4))
        self._signatures(ws, check_row + 2, last, (tx.SIGN_MAKER, tx.SIGN_NOTE), (tx.SIGN_HEAD, tx.SIGN_NOTE))
        ws.freeze_panes(head + 1, 3)
        ws.repeat_rows(head)
        self.records.append(ly.RegistrationSheet(ws.name, head + 1, tuple(rows.items()), tuple(spare),
                                                 xl_rowcol_to_cell(check_row, 4)))

        cs = self._sheet(ly.REG_COLLECTIVE_SHEET, widths=(30, 12, 30, 30))
        row = self._header(cs, 3, 2)
        row = self._title(cs, row, 3, tx.REG_COLLECTIVE_TITLE.format(year=self.c.school.school_year),
                          self.c.school.name)
        for col, text in enumerate(tx.REG_COLLECTIVE_HEADERS):
            cs.write_string(row, col, text, self.f["head"])
        cs.write_string(row + 1, 0, self.dept.name, self.f["locked"])
        cs.write_number(row + 1, 1, len(self.members), self.f["locked_c"])
        cs.write_blank(row + 1, 2, None, self.f["input"])
        cs.write_blank(row + 1, 3, None, self.f["input"])
        cell = xl_rowcol_to_cell(row + 1, 2)
        self._dropdown(cs, cell, "DS_DanhHieuTapThe", tx.V_COLLECTIVE_TITLE, tx.V_COLLECTIVE_MESSAGE)
        cs.set_row(row + 1, 33)
        self._signatures(cs, row + 3, 3, (tx.SIGN_MAKER, tx.SIGN_NOTE), (tx.SIGN_HEAD, tx.SIGN_NOTE))
        self.records.append(ly.CollectiveSheet(cs.name, row + 1, cell, xl_rowcol_to_cell(row + 1, 3)))

    def _check_colors(self, ws, cell: str) -> None:
        ws.conditional_format(cell, {"type": "cell", "criteria": "==", "value": f'"{tx.CHECK_DONE}"',
                                     "format": self.f["ok"]})

    # --- scoring round --------------------------------------------------------------------

    def scoring_sheets(self) -> None:
        dept_ws = self._sheet(ly.DEPARTMENT_SHEET, landscape=True, widths=(5, 9, 26, 16, 9, 9, 9, 14, 9, 10))
        people: list[tuple[IssuedPerson, str]] = [(p, p.code) for p in self.members]
        roles = [p.role for p in self.members]
        spare_role = max(set(roles), key=roles.count) if roles else self.c.rubrics[0].role
        for k in range(1, self.c.settings.spare_rows + 1):
            people.append((IssuedPerson(code="", name="", position="", role=spare_role), tx.SPARE_SHEET.format(n=k)))
        person_cells = []
        for n, (person, marker) in enumerate(people, start=1):
            title = marker if not person.code else f"{n:02d} {person.name}"
            person_cells.append(self._person_sheet(title, person, marker))
        self._department_sheet(dept_ws, people, person_cells)

    def _registration_shown(self, person: IssuedPerson) -> str:
        """The locked "Đăng ký:" cell: the registered title, or why there is none (no registration, no title)."""
        if person.registered:
            return person.registered
        return tx.NOT_REGISTERED_SHOWN

    def _person_sheet(self, title: str, person: IssuedPerson, marker: str) -> dict:
        rubric = self.c.rubric_for(person.role)
        spare = not person.code
        f = self.f
        ws = self._sheet(title, widths=(11, 50, 8, 9, 9, 22))
        row = self._header(ws, 5, 2)
        row = self._title(ws, row, 5, tx.SCORE_TITLE, tx.SCORE_SUBTITLE.format(year=self.c.school.school_year,
                                                                               role=rubric.role))
        rec = {"name": ws.name, "person_code": person.code, "marker": marker, "role": rubric.role}

        def info(label: str, value: str, editable: bool, key: str, label2: str = "", value2: str = "") -> None:
            nonlocal row
            ws.write_string(row, 0, label, f["label"])
            style = f["input"] if editable else f["locked"]
            ws.write_string(row, 1, value, style) if value else ws.write_blank(row, 1, None, style)
            rec[key + "_cell"] = xl_rowcol_to_cell(row, 1)
            if label2:
                ws.write_string(row, 2, label2, f["label"])
                ws.merge_range(row, 3, row, 5, value2, f["locked"])
            ws.set_row(row, 20)
            row += 1

        info(tx.L_NAME, person.name, spare, "name", tx.L_CODE, marker)
        rec["marker_cell"] = xl_rowcol_to_cell(row - 1, 3)
        info(tx.L_POSITION, person.position, spare, "position", tx.L_DEPARTMENT, self.dept.name)
        info(tx.L_TITLE, self._registration_shown(person), False, "title")
        if self.c.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
            row = self._facts_block(ws, row, rec)
        row += 1
        head = row
        for col, text in enumerate(tx.SCORE_HEADERS):
            ws.write_string(row, col, text, f["head"])
        ws.set_row(row, 33)
        ws.repeat_rows(head)
        rec["header_row"] = head + 1
        row += 1
        items: dict[str, int] = {}
        subtotal: dict[str, int] = {}
        required: list[tuple[int, int]] = []  # first/last row of each "cộng" group's items
        all_items: list[tuple[int, int]] = []
        for group in rubric.groups:
            g_row = row
            subtotal[group.code] = g_row
            label = tx.GROUP_LABEL[group.kind].format(name=group.name, max=cm.num_text(group.max))
            ws.write_string(g_row, 0, group.code, f["group"])
            ws.write_string(g_row, 1, label, f["group"])
            ws.write_number(g_row, 2, group.max, f["group_num"])
            ws.write_blank(g_row, 5, None, f["group"])
            ws.set_row(g_row, _height(label, 52))
            first = g_row + 1
            for k, item in enumerate(group.items):
                r = first + k
                items[item.code] = r + 1
                text = item.text + (f"\n({tx.HINT_PREFIX}: {item.hint})" if item.hint else "")
                ws.write_string(r, 0, item.code, f["locked_c"])
                ws.write_string(r, 1, text, f["locked"])
                ws.write_number(r, 2, item.max, f["locked_num"])
                for col in (3, 4):
                    ws.write_blank(r, col, None, f["input_num"])
                ws.write_blank(r, 5, None, f["input"])
                ws.set_row(r, _height(text, 52))
            last = first + len(group.items) - 1
            all_items.append((first, last))
            if group.kind == cm.SCORE:
                required.append((first, last))
            kind_msg = {cm.SCORE: tx.V_SCORE_MESSAGE, cm.BONUS: tx.V_BONUS_MESSAGE,
                        cm.DEDUCTION: tx.V_DEDUCTION_MESSAGE}[group.kind]
            for col, who in ((3, tx.V_SELF), (4, tx.V_DEPT)):
                letter = xl_col_to_name(col)
                rng = f"{letter}{first + 1}:{letter}{last + 1}"
                ws.data_validation(rng, {
                    "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": f"=$C{first + 1}",
                    "input_title": who, "input_message": kind_msg,
                    "error_title": tx.NUMBER_ERROR_TITLE, "error_message": tx.SCORE_ERROR_MESSAGE,
                    "error_type": "stop"})
                self._mark_bad_numbers(ws, rng, f"{letter}{first + 1}", f"$C{first + 1}")
                inner = f"SUM({rng})"
                formula = inner if group.kind == cm.SCORE else f"MIN($C{g_row + 1},{inner})"
                ws.write_formula(g_row, col, f"={formula}", f["group_num"], 0)
            row = last + 1
        # Totals, classification, and how many required cells are still blank.
        # The count of blank required cells sits below the signatures, outside the printed area: a form
        # to be signed never shows "còn thiếu".
        total_row, class_row = row, row + 1
        sign_row = class_row + 2
        miss_row = sign_row + SIGNATURE_ROWS + 1
        ws.write_string(total_row, 0, "", f["total"])
        ws.write_string(total_row, 1, tx.L_TOTAL, f["total"])
        ws.write_number(total_row, 2, rubric.total, f["total_num"])
        ws.write_string(class_row, 0, "", f["total"])
        ws.write_string(class_row, 1, tx.L_CLASS, f["total"])
        ws.write_blank(class_row, 2, None, f["total"])
        ws.write_string(miss_row, 0, "", f["locked"])
        ws.write_string(miss_row, 1, tx.L_MISSING, f["locked"])
        ws.write_blank(miss_row, 2, None, f["locked"])
        for r in (total_row, class_row, miss_row):
            ws.write_blank(r, 5, None, f["locked"])
        for col in (3, 4):
            letter = xl_col_to_name(col)
            entered = "+".join(f"COUNT({letter}{a + 1}:{letter}{b + 1})" for a, b in all_items)
            parts = []
            for group in rubric.groups:
                cell = f"{letter}{subtotal[group.code] + 1}"
                parts.append(("-" if group.kind == cm.DEDUCTION else "+") + cell)
            total = "".join(parts).lstrip("+")
            ws.write_formula(total_row, col, f'=IF({entered}=0,"",{total})', f["total_num"], "")
            gate = [f"{letter}{subtotal[g.code] + 1}>={g.min}" for g in rubric.groups if g.min is not None]
            t = f"{letter}{total_row + 1}"
            ws.write_formula(class_row, col, f'=IF({t}="","",{_classification_formula(self.c, t, gate)})',
                             f["total_num"], "")
            # blank scores on rows that show a criterion code: a row inserted inside the table is not one
            blanks = "+".join(f'SUMPRODUCT((A{a + 1}:A{b + 1}<>"")*({letter}{a + 1}:{letter}{b + 1}=""))'
                              for a, b in required)
            n_required = sum(b - a + 1 for a, b in required)
            ws.write_formula(miss_row, col, f"={blanks}", f["locked_num"], n_required)
        gap = self.c.settings.score_gap_tolerance
        ws.conditional_format(f"E{total_row + 1}", {
            "type": "formula", "format": f["gap"],
            "criteria": f'=AND(ISNUMBER(D{total_row + 1}),ISNUMBER(E{total_row + 1}),'
                        f'ABS(D{total_row + 1}-E{total_row + 1})>{gap})'})
        ws.set_row(total_row, 20)
        self._signatures(ws, sign_row, 5, (tx.SIGN_PERSON, tx.SIGN_NOTE), (tx.SIGN_HEAD, tx.SIGN_NOTE))
        ws.print_area(0, 0, miss_row - 2, 5)
        ws.fit_to_pages(1, 2)  # one page wide, at most two pages down
        ws.freeze_panes(head + 1, 0)
        rec.update(items=tuple(items.items()), total_row=total_row + 1)
        self.records.append(ly.ScoringSheet(**rec))
        return {"sheet": ws.name, "self_total": f"D{total_row + 1}", "dept_total": f"E{total_row + 1}",
                "self_class": f"D{class_row + 1}", "dept_class": f"E{class_row + 1}",
                "self_missing": f"D{miss_row + 1}", "dept_missing": f"E{miss_row + 1}",
                "name": rec["name_cell"], "position": rec["position_cell"], "n_required": sum(
                    b - a + 1 for a, b in required)}

    def _facts_block(self, ws, row: int, rec: dict) -> int:
        f = self.f
        ws.merge_range(row, 0, row, 5, tx.FACTS_HEADING, f["label"])
        row += 1
        facts = {}
        for key, label, kind in tx.FACT_FIELDS:
            ws.merge_range(row, 0, row, 2, label, f["locked"])
            ws.merge_range(row, 3, row, 5, "", f["input"])
            cell = xl_rowcol_to_cell(row, 3)
            facts[key] = cell
            if kind == "rating":
                self._dropdown(ws, cell, "DS_XepLoaiVC", tx.V_RATING_TITLE, tx.V_RATING_MESSAGE)
            elif kind == "discipline":
                self._dropdown(ws, cell, "DS_KyLuat", tx.V_DISCIPLINE_TITLE, tx.V_DISCIPLINE_MESSAGE)
            elif kind == "bool":
                self._dropdown(ws, cell, "DS_CoKhong", tx.V_REVIEW_TITLE, tx.V_REVIEW_MESSAGE)
            elif kind == "level":
                self._dropdown(ws, cell, "DS_CapSangKien", tx.V_LEVEL_TITLE, tx.V_LEVEL_MESSAGE)
            elif kind == "months":
                self._number(ws, cell, 0, 12, tx.V_MONTHS_TITLE, tx.V_MONTHS_MESSAGE)
                self._mark_bad_numbers(ws, cell, cell, 12)
            elif kind == "days":
                self._number(ws, cell, 0, 366, tx.V_DAYS_TITLE, tx.V_DAYS_MESSAGE)
                self._mark_bad_numbers(ws, cell, cell, 366)
            ws.set_row(row, 20)
            row += 1
        rec["facts"] = tuple(facts.items())
        return row

    def _department_sheet(self, ws, people, person_cells) -> None:
        f = self.f
        last = 9
        row = self._header(ws, last, 4)
        row = self._title(ws, row, last, tx.DEPT_TITLE.format(year=self.c.school.school_year),
                          f"{self.dept.name} – {self.c.school.name}")
        ws.merge_range(row, 0, row, 3, tx.L_COLLECTIVE, f["label"])
        ws.merge_range(row, 4, row, 7, "", f["input"])
        collective_cell = xl_rowcol_to_cell(row, 4)
        if self.c.collective:
            ws.write_string(row, 4, self.c.collective, f["input"])
        self._dropdown(ws, collective_cell, "DS_DanhHieuTapThe", tx.V_COLLECTIVE_TITLE, tx.V_COLLECTIVE_MESSAGE)
        row += 2
        head = row
        for col, text in enumerate(tx.DEPT_HEADERS):
            ws.write_string(row, col, text, f["head"])
        ws.set_row(row, 36)
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
            ws.set_row(r, 31.5 if len(person.name) > 24 else 20)
        sign_row = last_row + 2
        check_row = sign_row + SIGNATURE_ROWS + 1  # below the signatures, outside the printed area
        missing_sum = f"SUM(J{first + 1}:J{last_row + 1})"
        ws.merge_range(check_row, 0, check_row, 3, tx.CHECK_LABEL, f["label"])
        ws.merge_range(check_row, 4, check_row, 7, "", f["check"])
        expected = sum(2 * c["n_required"] for (p, _marker), c in zip(people, person_cells) if p.code)
        ws.write_formula(check_row, 4,
                         f'=IF({missing_sum}=0,"{tx.CHECK_DONE}","{tx.CHECK_MISSING_PREFIX}"&{missing_sum}&" ô")',
                         f["check"], tx.check_value(expected))
        self._check_colors(ws, xl_rowcol_to_cell(check_row, 4))
        self._signatures(ws, sign_row, last, (tx.SIGN_MAKER, tx.SIGN_NOTE), (tx.SIGN_HEAD, tx.SIGN_NOTE))
        ws.print_area(0, 0, check_row - 2, last)
        ws.freeze_panes(head + 1, 3)
        ws.repeat_rows(head)
        ws.activate()
        self.records.append(ly.DepartmentSheet(ws.name, head + 1, tuple(rows.items()), collective_cell,
                                               xl_rowcol_to_cell(check_row, 4)))

    # --- instructions, lists, metadata ----------------------------------------------------

    def guide_sheet(self) -> None:
        ws = self.wb.add_worksheet(ly.GUIDE_SHEET)
        ws.set_paper(A4)
        ws.set_margins(**MARGINS)
        ws.fit_to_pages(1, 1)  # the guide on one page
        ws.set_column(0, 0, 100)
        ws.protect(self.c.settings.sheet_password)
        s = self.c.school
        deadline = s.registration_deadline if self.round == ly.REGISTRATION else s.scoring_deadline
        lines = tx.guide_lines(self.round, self.dept.name, s, deadline, self.c.settings.facts_source)
        ws.write_string(0, 0, lines[0], self.f["title"])
        for r, line in enumerate(lines[1:], start=2):
            ws.write_string(r, 0, line, self.f["plain"])
            ws.set_row(r, _height(line, 100))

    def lists_sheet(self) -> None:
        ws = self.wb.add_worksheet(ly.LISTS_SHEET)
        for col, (name, values) in enumerate((k, v) for k, v in self.lists.items() if v):
            ws.write_string(0, col, name)
            for r, value in enumerate(values, start=1):
                ws.write_string(r, col, value)
            letter = xl_col_to_name(col)
            self.wb.define_name(name, f"='{ly.LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}")
        ws.protect(self.c.settings.sheet_password)
        ws.hide()

    def meta_sheet(self) -> ly.WorkbookLayout:
        layout = workbook_layout(self.c, self.records)
        ws = self.wb.add_worksheet(ly.META_SHEET)
        for row, text in enumerate(ly.meta_cells(layout.to_json())):
            ws.write_string(row, 0, text)
        ws.protect(self.c.settings.sheet_password)
        ws.very_hidden()
        return layout


def workbook_layout(spec: WorkbookSpec, sheets: list[ly.SheetLayout]) -> ly.WorkbookLayout:
    """The layout with its submission id: a digest of the layout and everything the writer was given
    (but the sheet password), so that generating twice gives byte-identical files and any change of
    content — people, rubric, titles, gate, settings — a new id."""
    layout = ly.WorkbookLayout(spec.campaign_id, spec.school.school_year, spec.round, spec.department.code,
                               spec.department.name, "", tuple(sheets))
    unsecret = dataclasses.replace(spec, settings=dataclasses.replace(spec.settings, sheet_password=""))
    content = json.dumps([layout.to_json(), dataclasses.asdict(unsecret)], ensure_ascii=False, sort_keys=True,
                         default=str)
    digest = hashlib.sha256(content.encode()).hexdigest()[:20]
    return dataclasses.replace(layout, submission_id=digest)


def _classification_formula(campaign: cm.Campaign, total: str, gate: list[str]) -> str:
    """Nested IFs, highest level first; levels above the gate cap also need every group minimum."""
    levels = campaign.classification
    names = [lv.name for lv in levels]
    cap_index = names.index(campaign.gate_cap) if campaign.gate_cap in names else len(names)
    fallback = f'"{levels[-1].name}"' if levels[-1].min == 0 else f'"{tx.NOT_CLASSIFIED}"'
    formula = fallback
    for index in range(len(levels) - 1, -1, -1):
        level = levels[index]
        if index == len(levels) - 1 and level.min == 0:
            continue
        condition = f"{total}>={level.min}"
        if gate and index < cap_index:
            condition = f"AND({condition},{','.join(gate)})"
        formula = f'IF({condition},"{level.name}",{formula})'
    return formula


def _height(text: str, width_chars: float) -> float:
    """Row height for wrapped text: Excel does not grow rows for wrapped text written by a library."""
    lines = sum(max(1, math.ceil(len(part) * 1.1 / width_chars)) for part in text.split("\n"))
    return max(20, 15.75 * lines + 3)
