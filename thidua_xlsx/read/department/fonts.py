"""The fonts of the input cells whose text may be TCVN3/VNI: calamine reads values only."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import Cell
from thidua_xlsx.read.containment import sheet_parts
from thidua_xlsx.read.department import styles
from thidua_xlsx.read.department.extraction import Found
from thidua_xlsx.read.inflating import DAMAGED_ZIP
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


def cell_fonts(wanted: dict[str, set[tuple[int, int]]], data: bytes, suffix: str,
               parts: dict[str, bytes]) -> dict[str, dict[tuple[int, int], str]]:
    """The font of each ``wanted`` cell, whose text may be TCVN3/VNI (".VnTime", "VNI-Times" decide the reading), by
    sheet, from an .xlsx/.xlsm's style sheet (:mod:`.styles`; ``parts``: what the containment checks inflated).
    A cell whose font is not found is left out: its text is then told by its characters alone, as in an .ods."""
    if suffix not in (".xlsx", ".xlsm"):
        return {}
    try:
        styled = styles.style_sheet(data, parts)
    except (KeyError, *DAMAGED_ZIP):
        return {}
    fonts = styles.format_fonts(styled) if styled is not None else ()
    if not fonts:
        return {}
    xml_of = sheet_parts(data, parts)
    found: dict[str, dict[tuple[int, int], str]] = {}
    for sheet, cells in wanted.items():
        xml = xml_of.get(sheet)
        if xml is None:
            continue
        for row, col in cells:
            attributes = styles.cell_start(xml, ly.a1(row, col))
            if attributes is None:
                continue
            index = styles.cell_format(attributes) or 0  # none named: the workbook's first format
            if index < len(fonts) and fonts[index]:
                found.setdefault(sheet, {})[(row, col)] = fonts[index]
    return found
