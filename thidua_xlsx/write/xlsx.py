"""xlsxwriter's Workbook, its plain cells written the short way (issue 40).

xlsxwriter writes every cell through a list of attributes, each escaped by a regular expression; a cell reference
and a style index never need escaping. Here a text, number, blank or formula cell is written as xlsxwriter writes it
— the same characters — without that list: ~30 % of a summary's time (400,000 cells at 1,000 departments) and of a
department workbook's writing. Any other cell is xlsxwriter's own.

The shortcuts (these and the department workbooks' own, :mod:`thidua_xlsx.write.department`) lean on xlsxwriter's
internals — its cell tuples, a worksheet's ``fh``, ``table``, ``row_info`` — and are used only with the versions
they were compared on byte for byte (:data:`CHECKED_VERSIONS`; tests/write/test_summary_speed.py,
tests/test_generate_writing.py): with any other version xlsxwriter writes every cell its own way, the same bytes,
slower.
"""

from __future__ import annotations

from functools import cache

CHECKED_VERSIONS = ("3.3.",)  # xlsxwriter's versions (prefixes) the shortcuts were compared on
_SHORT_CELLS = frozenset(("String", "Blank", "Number", "Formula"))  # xlsxwriter's cell tuples, by class name
_ERROR_CODES = frozenset(("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"))  # as xlsxwriter's
_INLINED_LIMIT = 50_000  # texts whose inline XML is kept (a province's names are not all kept)


@cache
def shortcuts() -> bool:
    """Whether the installed xlsxwriter is one the shortcuts were compared on."""
    import xlsxwriter

    return xlsxwriter.__version__.startswith(CHECKED_VERSIONS)


@cache
def worksheet_class() -> type:
    """xlsxwriter's Worksheet writing its plain cells the short way (xlsxwriter's own one where
    :func:`shortcuts` is False)."""
    from xlsxwriter.utility import _preserve_whitespace, xl_rowcol_to_cell_fast
    from xlsxwriter.worksheet import Worksheet

    if not shortcuts():
        return Worksheet
    inlined: dict[str, str] = {}  # a text → its inline string's XML after the style (constant_memory)

    class ShortCells(Worksheet):
        def _write_cell(self, row, col, cell):
            kind = type(cell).__name__
            if kind not in _SHORT_CELLS:
                return super()._write_cell(row, col, cell)
            if cell.format:
                style = f' s="{cell.format._get_xf_index()}"'
            elif row in self.row_info and self.row_info[row].row_format:
                style = f' s="{self.row_info[row].row_format._get_xf_index()}"'
            elif col in self.col_info and self.col_info[col].column_format is not None:
                style = f' s="{self.col_info[col].column_format._get_xf_index()}"'
            else:
                style = ""
            start = f'<c r="{xl_rowcol_to_cell_fast(row, col)}"{style}'
            if kind == "Number":
                self.fh.write(f"{start}><v>{cell.number:.16G}</v></c>")
            elif kind == "Blank":
                self.fh.write(f"{start}/>")
            elif kind == "String" and not self.constant_memory:  # a shared string: its index
                self.fh.write(f'{start} t="s"><v>{cell.string}</v></c>')
            elif kind == "String":
                inline = inlined.get(cell.string)
                if inline is None:
                    inline = self._inline(cell.string)
                    if inline is None:  # xlsxwriter's rich text: its own way
                        return super()._write_cell(row, col, cell)
                    if len(inlined) >= _INLINED_LIMIT:
                        inlined.clear()
                    inlined[cell.string] = inline
                self.fh.write(f"{start}{inline}")
            else:
                value, kind_of_value = cell.value, ""
                if isinstance(value, bool):
                    value, kind_of_value = int(value), ' t="b"'
                elif isinstance(value, str) and value:
                    kind_of_value = ' t="e"' if value in _ERROR_CODES else ' t="str"'
                self.fh.write(f'{start}{kind_of_value}><f>{self._escape_data(cell.formula)}</f>'
                              f'<v>{self._escape_data(value)}</v></c>')
            return None

        def _inline(self, string: str) -> str | None:
            """An inline string's XML after the cell's style (control characters escaped as _xHHHH_, spaces at its
            ends kept), made once per text (departments, roles, remarks repeat on every row); None for what
            xlsxwriter writes as rich text."""
            text = self._escape_control_characters(string)
            if text.startswith("<r>") and text.endswith("</r>"):
                return None
            space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
            return f' t="inlineStr"><is><t{space}>{self._escape_data(text)}</t></is></c>'

    return ShortCells


@cache
def workbook_class() -> type:
    """xlsxwriter's Workbook whose worksheets are :func:`worksheet_class`'s."""
    import xlsxwriter

    if not shortcuts():
        return xlsxwriter.Workbook

    class ShortCellsWorkbook(xlsxwriter.Workbook):
        worksheet_class = worksheet_class()

    return ShortCellsWorkbook
