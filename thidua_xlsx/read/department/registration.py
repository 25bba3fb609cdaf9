"""The registration round's sheets: the people's registration table and the collective's title."""

from __future__ import annotations

from thidua_xlsx.model.inbox import RegistrationEntry
from thidua_xlsx.model.issues import ERROR
from thidua_xlsx.read.department.cells import Sheet, canonical
from thidua_xlsx.read.department.extraction import Extraction, Header, stray_finder
from thidua_xlsx.text import workbook as wx


def people_sheet(ex: Extraction, sheet: Sheet, where: Header) -> None:
    header, cols = where  # the sheet was told by ly.REGISTRATION_HEADER (Extraction.classify)
    stray = stray_finder(sheet, cols.values())
    seen: set[str] = set()
    after_table = False  # below the check cell come the signatures: only rows with a person's code count
    for row in range(header + 1, sheet.last_row + 1):
        code = sheet.text(row, cols["code"])
        if sheet.text(row, cols["stt"]) == wx.CHECK_LABEL:
            after_table = True
        if after_table and code not in ex.people:
            continue
        inputs = [sheet.cell(row, cols[k]) for k in ("title", "form", "initiative", "note")]
        cells = {k: sheet.cell(row, cols[k]) for k in ("name", "position", "title", "form", "initiative", "note")}
        if code in ex.people or (not code and sheet.text(row, cols["stt"]) == wx.SPARE_MARK):
            ex.stray(sheet, row, stray(sheet.rows[row - sheet.start[0]]), code if code in ex.people else "")
        if code in ex.people and code not in seen:
            seen.add(code)
            ex.found.people_found += 1
            ex.lock(f"reg|{code}|name", sheet, row, cols["name"])
            ex.lock(f"reg|{code}|position", sheet, row, cols["position"])
            ex.found.registrations.append(RegistrationEntry(ex.people[code], **cells))
        elif not code and sheet.text(row, cols["stt"]) == wx.SPARE_MARK:
            ex.found.registrations.append(RegistrationEntry(None, **cells))
        elif code in seen:
            ex.unplaced(sheet, row, [c for c in inputs if canonical(c.value)], duplicate=code)
        else:
            if code:
                ex.found.foreign.add(code)
            ex.unplaced(sheet, row, [c for c in (cells["name"], *inputs) if canonical(c.value)], code=code)
    ex.lock_check("reg", sheet)
    ex.missing_people(seen)
    for code in ex.found.missing:
        ex.add("row.person_missing", ERROR, sheet=sheet.name, name=ex.people[code].name, person=code)


def collective_sheet(ex: Extraction, sheet: Sheet, where: Header) -> None:
    header, cols = where
    ex.lock("collective|unit", sheet, header + 1, cols["unit"])
    ex.found.collective = sheet.cell(header + 1, cols["title"])
