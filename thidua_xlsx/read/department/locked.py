"""The locked cells read back against what was issued: each change is reported where it was found."""

from __future__ import annotations

from thidua_xlsx.model.issued import IssuedWorkbook, fingerprint
from thidua_xlsx.model.issues import ERROR, Issue, issue
from thidua_xlsx.model.titles import NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.department.cells import Sheet
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.text import workbook as tx


def locked_changes(file: str, issued: IssuedWorkbook, found: dict[str, tuple[str, Sheet, int, int]],
                   registry: IssuedRegistry) -> list[tuple[str, Issue]] | None:
    """(person code, issue) for each locked cell whose value differs from what was issued; None when
    the content differs and what was issued is no longer there to tell where."""
    if fingerprint(tuple((k, v[0]) for k, v in found.items())) == issued.fingerprint:
        return []  # the very content issued (the usual case, told without reading it)
    locked = registry.locked(issued)
    if not locked:
        return None
    names = {p.code: p.name for p in issued.people}
    changes = []
    for key, was in locked:
        if key not in found or found[key][0] == was:
            continue
        now, sheet, row, col = found[key]
        where = sheet.cell(row, col)
        owner = key.split("|")[1] if key.startswith(("person|", "reg|", "dept|")) else ""
        if key.endswith("|title") and was in (tx.NOT_REGISTERED_SHOWN, title_name(NOT_REGISTERED)):
            code = "person.title_typed"
        else:
            code = "locked.changed"
        changes.append((owner, issue(code, ERROR, file=file, sheet=where.sheet, cell=where.cell,
                                     issued=was or "(trống)", found=now or "(trống)", name=names.get(owner, ""))))
    return changes
