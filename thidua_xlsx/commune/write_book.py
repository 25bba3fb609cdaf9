"""Write ``cap-tren.xlsx``, the level above's campaign book (layout: commune.model_book), with the same engine
and conventions as a school's campaign.xlsx (write.campaign_book): a guide, labelled fields, tables with headers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from thidua_xlsx.commune import model_book as mb
from thidua_xlsx.model.commune import LevelAbove
from thidua_xlsx.text import commune as lx
from thidua_xlsx.write.campaign_book import open_book, write_fields, write_guide, write_table
from thidua_xlsx.write.engine import replacing


def write_level_above_book(campaign: LevelAbove, path: Path, provinces: tuple[str, ...] = ()) -> None:
    """Write the book whole (through a temporary file and a rename)."""
    with replacing(path) as tmp:
        wb, fmt = open_book(tmp, lx.BOOK_TITLE.format(year=campaign.school_year))
        write_guide(wb, fmt, lx.GUIDE_TITLE.format(year=campaign.school_year, authority=campaign.authority.upper()),
                    lx.GUIDE)
        values = {f.name: getattr(campaign, f.name) for f in dataclasses.fields(campaign)}
        write_fields(wb, mb.AUTHORITY_SHEET, mb.AUTHORITY_FIELDS, values, fmt, lists={"province": provinces})
        write_table(wb, mb.SCHOOLS_SHEET, mb.SCHOOL_COLUMNS, [dataclasses.asdict(s) for s in campaign.schools], fmt)
        write_table(wb, mb.LEGAL_SHEET, mb.LEGAL_COLUMNS, [{"line": line} for line in campaign.legal_basis], fmt)
        wb.close()
