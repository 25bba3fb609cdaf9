"""The fonts of the input cells whose text may be TCVN3/VNI (rare): calamine reads values only."""

from __future__ import annotations

from thidua_xlsx.model.inbox import Cell
from thidua_xlsx.read.department.cells import Sheet
from thidua_xlsx.read.department.extraction import Found
from thidua_xlsx.read.legacy_text import might_be_legacy


def legacy_inputs(found: Found) -> dict[str, set[tuple[int, int]]]:
    """Sheet → (row, col) of the input cells whose text may be TCVN3/VNI: the only cells whose font
    matters (the validator reads them; locked labels such as "Mã" are compared, never converted)."""
    cells: list[Cell | None] = [found.collective]
    for row in found.registrations:
        cells += [row.title, row.form, row.initiative, row.note]
        if row.person is None:  # a spare row: its name and position are typed too
            cells += [row.name, row.position]
    for form in found.forms:
        cells += [c for _, c in form.facts] + [c for item in form.items for c in (item.self, item.dept)]
        if form.spare:
            cells += [form.name, form.position]
    wanted: dict[str, set[tuple[int, int]]] = {}
    for cell in cells:
        if cell is not None and type(cell.value) is str and might_be_legacy(cell.value):
            wanted.setdefault(cell.sheet, set()).add((cell.row, cell.col))
    return wanted


def attach_fonts(data: bytes, sheets: dict[str, Sheet], wanted: dict[str, set[tuple[int, int]]]) -> None:
    """The font of each ``wanted`` cell, whose text may be TCVN3/VNI (".VnTime", "VNI-Times" decide the reading).

    Only when such text was typed in an input cell (rare), with openpyxl in read-only mode over
    sheets whose extent the containment step has already bounded; calamine reads values only. A file
    whose style sheet openpyxl refuses (calamine read its values) keeps the fonts found so far: its text
    is then told by its characters alone, as in an .ods."""
    import io
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = load_workbook(io.BytesIO(data), read_only=True)
        except Exception:  # openpyxl raises many kinds on a style sheet it refuses
            return
        try:
            for name, cells in wanted.items():
                if name not in wb.sheetnames:  # a sheet openpyxl names otherwise: its fonts are not known
                    continue
                last = max(row for row, _ in cells) + 1
                for row in wb[name].iter_rows(min_row=min(row for row, _ in cells) + 1, max_row=last):
                    for cell in row:
                        where = (getattr(cell, "row", 0) - 1, getattr(cell, "column", 0) - 1)
                        if where in cells and cell.font is not None and cell.font.name:
                            sheets[name].fonts[where] = cell.font.name
        except Exception:  # a style openpyxl refuses met on the way (read-only mode reads styles lazily)
            pass
        finally:
            wb.close()
