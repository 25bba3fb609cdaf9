"""The locked cells read back against what was issued: each change is reported where it was found.

Locked cells are texts (names, criteria, maxima, the registered title) and formulas, each formula by its
constants (:mod:`.formulas`): a classification formula whose thresholds were lowered is a change too."""

from __future__ import annotations

import json

from thidua_xlsx.model.issued import IssuedWorkbook, fingerprint
from thidua_xlsx.model.issues import ERROR, Issue, issue
from thidua_xlsx.model.titles import NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.department.cells import Sheet
from thidua_xlsx.read.department.formulas import NO_FORMULA
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.text.messages import BLANK_SHOWN, FORMULA_REPLACED, shortened

FORMULA_KEY = "|formula"  # in the key of every locked formula


def locked_changes(file: str, issued: IssuedWorkbook, found: dict[str, tuple[str, Sheet, int, int]],
                   registry: IssuedRegistry) -> list[tuple[str, Issue]] | None:
    """(person code, issue) for each locked cell whose value differs from what was issued; None when
    the content differs and what was issued is no longer there to tell where."""
    content = {k: v[0] for k, v in found.items()}
    if fingerprint(content) == issued.fingerprint:
        return []  # the very content issued (the usual case, told without reading it)
    if fingerprint({k: v for k, v in content.items() if FORMULA_KEY not in k}) == issued.fingerprint:
        return []  # issued before formulas were recorded, and nothing else changed
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
        place = dict(file=file, sheet=where.sheet, cell=where.cell)
        if FORMULA_KEY in key:
            changes.append((owner, issue("locked.formula_changed", ERROR, **place, change=_formula_change(was, now))))
            continue
        if key.endswith("|title") and was in (wx.NOT_REGISTERED_SHOWN, title_name(NOT_REGISTERED)):
            code = "person.title_typed"
        else:
            code = "locked.changed"
        changes.append((owner, issue(code, ERROR, **place, issued=shortened(was or BLANK_SHOWN),
                                     found=shortened(now or BLANK_SHOWN), name=names.get(owner, ""))))
    return changes


def _formula_change(was: str, now: str) -> str:
    """What changed in a formula's constants, in words: "90 → 80, 70 → 60"."""
    if now == NO_FORMULA:
        return FORMULA_REPLACED
    before, after = json.loads(was), json.loads(now)
    if len(before) == len(after):
        pairs = [(b, a) for b, a in zip(before, after) if b != a]
        if pairs:
            return ", ".join(f"{_word(b)} → {_word(a)}" for b, a in pairs[:5]) + (", …" if len(pairs) > 5 else "")
    return f"{shortened(', '.join(map(_word, before)))} → {shortened(', '.join(map(_word, after)))}"


def _word(constant) -> str:
    return f'"{constant}"' if isinstance(constant, str) else str(constant).replace(".", ",")
