"""The pieces every sheet of a department workbook is written with: sheets set up for print and
protected, the header, titles, signatures, dropdowns, number checks and the marks of bad values,
over the engine; and what the writer was given (one department, its people, the round)."""

from __future__ import annotations

from functools import lru_cache

from xlsxwriter.utility import xl_rowcol_to_cell

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import WorkbookSpec
from thidua_xlsx.model.titles import NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import engine, xlsx
from thidua_xlsx.write.department.locked import PlacedCells

SIGNATURE_ROWS = 7  # the date line, the roles, the notes and room to sign


@lru_cache(maxsize=4096)
def height(text: str, width_chars: float) -> float:
    """Row height for wrapped text in a column ``width_chars`` wide, at least 20 points. Remembered: the same
    criteria and labels are measured on every form of every workbook (measuring them letter by letter was a
    quarter of ``generate``'s time; benchmarks/RESULTS.md)."""
    return max(20, engine.row_height(engine.cell_lines(text, width_chars)))


class DepartmentBook:
    """One department workbook being written: the spec it is written from, its formats (``f``), the
    dropdown lists it uses, the sheet names taken and the layout of each sheet written (``records``); ``period``:
    the period a period's scoring workbook is for (its dates and deadline)."""

    def __init__(self, wb, spec: WorkbookSpec, formats: dict, period: cm.Period | None = None):
        self.wb, self.c, self.dept, self.round, self.period = wb, spec, spec.department, spec.round, period
        self.f = formats
        self.members = list(spec.people)
        self.taken: set[str] = {ly.META_SHEET.casefold(), ly.LISTS_SHEET.casefold(), ly.GUIDE_SHEET.casefold()}
        self.records: list[ly.SheetLayout] = []
        self.widths: dict[str, tuple[float, ...]] = {}  # per sheet: the header's halves are measured in them
        self.lists = self._list_values()
        # The scoring round's locked cells as written, by the key the merge reads them under (see :mod:`.locked`)
        self.locked: dict[str, tuple[object, bool]] = {}
        self.placed: list[PlacedCells] = []  # the locked cells of each form placed from a skeleton (:mod:`.skeleton`)
        self.worksheets: dict[str, object] = {}  # the sheets made by :meth:`sheet`, by name
        self.repeated: dict[tuple[int, int], tuple] = {}  # rows written once, given to later sheets (.repeat)

    def _list_values(self) -> dict[str, list[str]]:
        """The dropdown lists this workbook uses (the facts lists only where the department enters facts);
        titles by name."""
        c = self.c
        lists = {
            "DS_DanhHieuCaNhan": [title_name(t) for t in (*c.titles.individual, NOT_REGISTERED)],
            "DS_HinhThuc": list(c.titles.forms),
            "DS_DanhHieuTapThe": [title_name(t) for t in (*c.titles.collective, NOT_REGISTERED)],
        }
        if self.round == ly.SCORING and c.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
            lists |= {"DS_XepLoaiVC": list(cm.RATINGS), "DS_KyLuat": list(cm.DISCIPLINES),
                      "DS_CoKhong": [wx.YES, wx.NO], "DS_CapSangKien": list(cm.INITIATIVE_LEVELS)}
        return lists

    def sheet(self, title: str, *, landscape: bool = False, widths: tuple[float, ...] = ()):
        """A protected sheet, fitted to the page width, named ``title`` (made unique and valid)."""
        ws = self.named(title, widths)
        engine.page_setup(ws, landscape=landscape, centred=True, widths=widths)
        password = self.c.settings.sheet_password
        ws.protect(password, {"select_locked_cells": True, "select_unlocked_cells": True})
        return ws

    def named(self, title: str, widths: tuple[float, ...] = ()):
        """A sheet named ``title`` (made unique and valid), nothing set on it: where a skeleton's sheet is placed
        (:mod:`.skeleton`: its XML has its page set-up and protection)."""
        name = ly.sheet_title(title, self.taken)
        ws = self.wb.add_worksheet(name)
        self.widths[name] = widths
        self.worksheets[name] = ws
        return ws

    def lock(self, key: str, value: str | float) -> None:
        """Remember a locked cell's text, or its number as the file holds it (xlsxwriter writes 16 digits), under
        ``key`` (the first one given: the merge keeps the first place a key is found)."""
        self.locked.setdefault(key, (value if isinstance(value, str) else float(f"{value:.16G}"), False))

    def lock_formula(self, key: str, ws, row: int, col: int) -> None:
        """Remember the formula written at (``row``, ``col``) as xlsxwriter prepared it (what the file holds); None
        when xlsxwriter made it another kind of cell (an array formula)."""
        self.locked.setdefault(key, (xlsx.formula_written(ws, row, col), True))

    def header(self, ws, last_col: int, split: int) -> int:
        """The school and national motto header (:func:`engine.header_rows`). Returns next row."""
        rows = engine.header_rows(self.c.school, left_width=sum(self.widths[ws.name][:split]))
        for side, (c0, c1) in enumerate(((0, split - 1), (split, last_col))):  # each half top to bottom
            for row, pair in enumerate(rows):
                text, style = pair[side]
                ws.merge_range(row, c0, row, c1, text, self.f[style])
        for row, ((left, _), _) in enumerate(rows):  # the names come broken into the lines of their half
            ws.set_row(row, engine.row_height(left.count("\n") + 1))
        return len(rows) + 1

    def title(self, ws, row: int, last_col: int, title: str, subtitle: str) -> int:
        """The title and its subtitle over columns 0..last_col, each row as high as its lines: a merged cell never
        grows, and a subtitle naming a long department and a school with its place ("…, tỉnh Lạng Sơn") wraps."""
        width = sum(self.widths[ws.name][:last_col + 1])
        for r, text, style, size in ((row, title, "title", 14), (row + 1, subtitle, "subtitle", 12)):
            ws.merge_range(r, 0, r, last_col, text, self.f[style])
            lines = engine.cell_lines(text, width * 12 / size, bold=style == "title")
            if lines > 1:
                ws.set_row(r, engine.row_height(lines, size))
        return row + 3

    def signatures(self, ws, row: int, last_col: int, left: tuple[str, str], right: tuple[str, str]) -> None:
        """Two (role, note) blocks side by side under the place and the blank date."""
        blocks = [engine.sign_block(c0, c1, (role.upper(),), note)
                  for (role, note), (c0, c1) in zip((left, right), engine.halves(last_col))]
        cells, _ = engine.signature_cells(row, blocks, (f"{self.c.school.place}, {wx.DATE_LINE_BLANK}", "sign_note"))
        for r, c0, c1, text, style in cells:
            ws.merge_range(r, c0, r, c1, text, self.f[style])

    def dropdown(self, ws, cell_range: str, list_name: str, title: str, message: str) -> None:
        if not self.lists[list_name]:  # an empty list would make Excel offer the list's header
            return
        ws.data_validation(cell_range, {
            "validate": "list", "source": f"={list_name}",
            "input_title": title, "input_message": message,
            "error_title": wx.LIST_ERROR_TITLE, "error_message": wx.LIST_ERROR_MESSAGE, "error_type": "stop",
        })

    def number(self, ws, cell_range: str, low: float, high: float, title: str, message: str,
               whole: bool = False) -> None:
        ws.data_validation(cell_range, {
            "validate": "integer" if whole else "decimal", "criteria": "between", "minimum": low, "maximum": high,
            "input_title": title, "input_message": message, "error_title": wx.NUMBER_ERROR_TITLE,
            "error_message": wx.NUMBER_ERROR_MESSAGE.format(low=cm.num_text(low), high=cm.num_text(high)),
            "error_type": "stop",
        })

    def mark_bad_numbers(self, ws, cell_range: str, first_cell: str, high) -> None:
        """Red when a value is not a number or out of range (pasting bypasses validation)."""
        ws.conditional_format(cell_range, {
            "type": "formula", "format": self.f["bad"],
            "criteria": f'=AND({first_cell}<>"",OR(NOT(ISNUMBER({first_cell})),{first_cell}<0,{first_cell}>{high}))',
        })

    def check_cell(self, ws, row: int, last_col: int, missing: str, expected: int, key: str) -> str:
        """The "Kiểm tra" line: its label, then over columns 4..last_col "Đã đủ" (in green) when the count
        ``missing`` (a formula) is 0, else how many cells are still blank. Returns the cell's address; its formula
        is locked under ``key``."""
        ws.merge_range(row, 0, row, 3, wx.CHECK_LABEL, self.f["label"])
        ws.merge_range(row, 4, row, last_col, "", self.f["check"])
        formula = f'=IF({missing}=0,"{wx.CHECK_DONE}","{wx.CHECK_MISSING_PREFIX}"&{missing}&"{wx.CHECK_MISSING_UNIT}")'
        ws.write_formula(row, 4, formula, self.f["check"], wx.check_value(expected))
        self.lock_formula(f"{key}|check|formula", ws, row, 4)
        cell = xl_rowcol_to_cell(row, 4)
        ws.conditional_format(cell, {"type": "cell", "criteria": "==", "value": f'"{wx.CHECK_DONE}"',
                                     "format": self.f["ok"]})
        return cell
