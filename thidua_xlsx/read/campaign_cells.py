"""Where the values of campaign.xlsx are, read back for a warning that names its cell once the campaign is loaded
(check.campaign: a sample school's leftover). The loaded campaign holds values only; its cells are read again,
the way the loader reads them (read.campaign_book: labels in column A, tables by their headers, blank rows
skipped), only when such a warning is to be said."""

from __future__ import annotations

from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import (
    DEPARTMENT_COLUMNS,
    DEPARTMENTS_SHEET,
    LEGAL_COLUMNS,
    LEGAL_SHEET,
    SCHOOL_FIELDS,
    SCHOOL_SHEET,
    STAFF_COLUMNS,
    STAFF_SHEET,
)
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.campaign_book import BookReader, open_grids


class CampaignCells:
    """(sheet, field key, whose) → the cell ("B7"): sheet Trường's fields by key (whose ""), the columns of sheets
    Tổ and Nhân sự by the row's code, each line of sheet Căn cứ by its number among the lines ("1", "2", …). A
    row's addresses are made when asked (a roster of 84,000 people keeps one small record a row)."""

    def __init__(self, school: dict[str, str], rows: dict[str, dict], lines: list):
        self.school, self.rows, self.lines = school, rows, lines

    def get(self, key: tuple[str, str, str], default: str = "") -> str:
        sheet, field, whose = key
        if sheet == SCHOOL_SHEET:
            return self.school.get(field, default)
        if sheet == LEGAL_SHEET:
            n = int(whose) if whose.isdigit() else 0
            return self.lines[n - 1].get(field, default) if 0 < n <= len(self.lines) else default
        cells = self.rows.get(sheet, {}).get(whose)
        return cells.get(field, default) if cells is not None else default


def campaign_cells(book: Path) -> CampaignCells:
    """Where the values of ``book`` are (:class:`CampaignCells`); none when it cannot be read any more (the
    warnings then name their sheet only)."""
    problems = Problems()  # the loader has said them
    grids = open_grids(Path(book), problems, "campaign.broken", "campaign.no_access")
    if grids is None:
        return CampaignCells({}, {}, [])
    school = grids.get(SCHOOL_SHEET)
    fields = {}
    if school is not None:
        rows = {cm.clean_text(label): r for r in range(1, school.height) if (label := school.value(r, 0))}
        fields = {f.key: ly.a1(rows[f.label], 1) for f in SCHOOL_FIELDS if f.label in rows}
    read = BookReader(grids, Path(book).name, problems)
    tables = {sheet: {values["code"]: cells for _, values, cells in read.table(sheet, columns) or () if values["code"]}
              for sheet, columns in ((DEPARTMENTS_SHEET, DEPARTMENT_COLUMNS), (STAFF_SHEET, STAFF_COLUMNS))}
    return CampaignCells(fields, tables, [cells for _, _, cells in read.table(LEGAL_SHEET, LEGAL_COLUMNS) or ()])
