"""A readable snapshot of a workbook, read back with openpyxl, for golden tests."""

from __future__ import annotations

import json

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell


def unlocked_cells(ws) -> list[str]:
    return sorted((c.coordinate for row in ws.iter_rows() for c in row
                   if not isinstance(c, MergedCell) and c.protection.locked is False), key=_cell_order)


def _cell_order(ref: str):
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    col, row = coordinate_from_string(ref)
    return row, column_index_from_string(col)


def validations(ws) -> list[dict]:
    found = []
    for dv in ws.data_validations.dataValidation:
        found.append({
            "cells": str(dv.sqref), "type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
            "formula2": dv.formula2, "prompt_title": dv.promptTitle, "prompt": dv.prompt,
            "error_title": dv.errorTitle, "error": dv.error, "error_style": dv.errorStyle,
        })
    return sorted(found, key=lambda d: (d["cells"], d["type"] or ""))


def _meta_values(values: dict) -> dict:
    """A1 (our app id) and the layout JSON of A2, A3, … parsed, with the submission id masked."""
    chunks = [values[f"A{row}"] for row in range(2, len(values) + 1)]
    assert set(values) == {f"A{row}" for row in range(1, len(values) + 1)}, "metadata is column A only"
    data = json.loads("".join(chunks))
    if data.get("submission_id"):
        data["submission_id"] = "<digest>"
    return {"A1": values["A1"], "layout": data}


def snapshot(path) -> dict:
    wb = load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        values, formulas = {}, {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None or isinstance(c, MergedCell):
                    continue
                if isinstance(c.value, str) and c.value.startswith("="):
                    formulas[c.coordinate] = c.value
                else:
                    values[c.coordinate] = c.value
        if ws.title == "_thidua_meta":  # the layout JSON, readable; its id is a digest of everything else
            values = _meta_values(values)
        sheets.append({
            "name": ws.title, "state": ws.sheet_state, "protected": bool(ws.protection.sheet),
            "paper": ws.page_setup.paperSize, "orientation": ws.page_setup.orientation,
            "fit_width": ws.page_setup.fitToWidth, "freeze": ws.freeze_panes,
            "print_title_rows": ws.print_title_rows,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "unlocked": unlocked_cells(ws), "validations": validations(ws),
            "conditional_formats": sorted(str(cf.sqref) for cf in ws.conditional_formatting),
            "values": values, "formulas": formulas,
        })
    return {"sheets": sheets, "defined_names": sorted(f"{n}={d.attr_text}" for n, d in wb.defined_names.items())}
