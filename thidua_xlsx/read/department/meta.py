"""The workbook's very hidden sheet: which campaign and submission it names, and its template version."""

from __future__ import annotations

from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.department.cells import Sheet


class OldTemplate(Exception):
    pass


class NewerTemplate(Exception):
    pass


def parse_meta(sheet: Sheet, with_sheets: bool = True) -> ly.WorkbookLayout:
    column = [sheet.value(r, 0) for r in range(sheet.start[0], sheet.last_row + 1)]
    if column and column[0] == "app":  # version 1 kept key/value rows and the whole campaign
        raise OldTemplate
    data = ly.meta_json(column)
    version = data.get("template_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("template version")
    if version > ly.TEMPLATE_VERSION:
        raise NewerTemplate(version)
    if version < ly.TEMPLATE_VERSION:
        raise OldTemplate
    return ly.WorkbookLayout.from_json(data, with_sheets)


def identity_fields(layout: ly.WorkbookLayout) -> tuple:
    return (layout.campaign_id, layout.round, layout.department_code, layout.department_name, layout.school_year,
            layout.period)
