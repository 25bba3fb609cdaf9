"""The scoring round's forms, one per person (and per spare form): found by the code beside "Mã số:",
each criterion's row by its code in the "Mã" column."""

from __future__ import annotations

import operator

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import Cell, ItemCells, ScoringForm
from thidua_xlsx.model.issued import IssuedPerson
from thidua_xlsx.model.issues import ERROR, WARNING
from thidua_xlsx.model.layout import a1
from thidua_xlsx.read.department.cells import Sheet, canonical, text_of
from thidua_xlsx.read.department.extraction import Extraction, Found, stray_finder
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.text.messages import shortened


def person_forms(ex: Extraction, found: list[tuple[Sheet, tuple[int, int]]]) -> None:
    """Each issued form found by the code it shows. A form shown on several sheets (a copy made in the workbook)
    is read from one of them when the others add nothing — blank, or the same values — and from none when they
    differ: which one is right is not ours to guess, so the person is left without scores, marked, and each
    sheet says why (:func:`_copies`)."""
    by_marker = {s.marker: s for s in ex.issued.layout.of_kind(ly.ScoringSheet)}
    shown: dict[str, list[tuple[Sheet, str]]] = {}
    for sheet, (r, c) in found:
        marker = sheet.text(r, c + 1)
        if by_marker.get(marker) is None:
            if marker:
                ex.found.foreign.add(marker)
            ex.add("sheet.unknown_form", ERROR, sheet=sheet.name, cell=a1(r, c + 1), marker=shortened(marker))
            continue
        shown.setdefault(marker, []).append((sheet, a1(r, c + 1)))
    read: set[str] = set()
    for marker, sheets in shown.items():
        record = by_marker[marker]
        person = ex.people.get(record.person_code) or IssuedPerson("", "", "", record.role)
        ex.found.people_found += bool(person.code)
        if len(sheets) == 1:  # the usual case, read straight in
            _form(ex, sheets[0][0], marker, person, record.role, bool(record.facts))
            read.add(marker)
            continue
        parts = [_apart(ex, _form, sheet, marker, person, record.role, bool(record.facts)) for sheet, _ in sheets]
        used = _copies(ex, record, person, sheets, parts)
        _take(ex.found, parts[used or 0], whole=used is not None)
        if used is not None:
            read.add(marker)
        elif person.code:
            ex.found.marked.append(person.code)
    for marker, record in by_marker.items():
        if marker not in shown and record.person_code:
            ex.add("file.sheet_missing", ERROR, sheet=record.name)
    ex.missing_people({by_marker[m].person_code for m in read})


def _apart(ex: Extraction, read, *args) -> Found:
    """What ``read(ex, *args)`` finds, kept apart from what the workbook's other sheets gave."""
    kept, ex.found = ex.found, Found()
    try:
        read(ex, *args)
        return ex.found
    finally:
        ex.found = kept


def _take(found: Found, part: Found, whole: bool) -> None:
    """``part`` added to ``found``: everything (``whole``), else only its locked cells (a form read from no sheet
    still has its locked content compared with what was issued)."""
    for key, value in part.locked.items():
        found.locked.setdefault(key, value)
    if whole:
        found.forms += part.forms
        found.issues += part.issues
        found.marked += part.marked
        found.foreign |= part.foreign


def _copies(ex: Extraction, record: ly.ScoringSheet, person: IssuedPerson, sheets: list[tuple[Sheet, str]],
            parts: list[Found]) -> int | None:
    """Which of the sheets showing one form is read (its index), or None. Copies holding nothing typed add
    nothing; the others must hold the same values. The sheet with the issued name is preferred among equals."""
    typed = [_inputs(part.forms[0]) for part in parts]
    filled = [k for k, values in enumerate(typed) if any(values)]
    same = len({typed[k] for k in filled}) <= 1
    names = [sheet.name for sheet, _ in sheets]
    who = f"{person.name} ({record.marker})" if person.code else record.marker
    if not same:
        listed = ", ".join(f"'{names[k]}'" for k in filled)
        for k in filled:
            ex.add("sheet.form_copies_differ", ERROR, sheet=names[k], cell=sheets[k][1], who=who, count=len(filled),
                   sheets=listed)
        return None
    candidates = filled or list(range(len(sheets)))
    chosen = next((k for k in candidates if names[k] == record.name), candidates[0])
    for k, (sheet, cell) in enumerate(sheets):
        if k != chosen:
            ex.add("sheet.form_copy_same" if k in filled else "sheet.form_copy_blank", WARNING, sheet=sheet.name,
                   cell=cell, who=who, used=names[chosen])
    return chosen


def _inputs(form: ScoringForm) -> tuple[str, ...]:
    """Every input value of a form as text ("" where blank), in a fixed order: two copies compared."""
    cells: list[Cell | None] = [c for item in sorted(form.items) for c in (item.self, item.dept, item.note)]
    cells += [c for _, c in sorted(form.facts)] + ([form.name, form.position] if form.spare else [])
    return tuple(c.mark or canonical(c.value) if c is not None else "" for c in cells)


def _form(ex: Extraction, sheet: Sheet, marker: str, person: IssuedPerson, role: str, with_facts: bool) -> None:
    """``with_facts``: the form went out with the facts block (the department enters them); else
    the facts come from the roster and no label typed on the form is looked for."""
    rubric = next((r for r in ex.rubrics if r.role == role), ex.rubrics[0])
    key = f"person|{marker}"
    cells: dict[str, Cell | None] = {}
    for field, label in (("name", wx.L_NAME), ("position", wx.L_POSITION), ("title", wx.L_TITLE),
                         ("department", wx.L_DEPARTMENT)):
        at = sheet.find(label)
        cells[field] = sheet.cell(at[0], at[1] + 1) if at else None
        if at and (field in ("title", "department") or person.code):
            ex.lock(f"{key}|{field}", sheet, at[0], at[1] + 1)
    facts = []
    for fact, label, _kind in wx.FACT_FIELDS if with_facts else ():
        at = sheet.find(label)
        if at:
            facts.append((fact, sheet.cell(at[0], at[1] + ly.FACT_VALUE_OFFSET)))
    header = sheet.header(ly.SCORING_HEADER)
    items: dict[str, ItemCells] = {}
    totals: tuple[Cell | None, Cell | None] = (None, None)
    if header is None:
        ex.add("sheet.table_missing", ERROR, sheet=sheet.name)
        ex.found.marked.append(person.code)
    else:
        items, totals = _criteria(ex, sheet, header, rubric, key, person.code)
    missing = [i.code for _, i in rubric.items if i.code not in items]
    if header is not None and missing:
        ex.add("row.missing_code", ERROR, sheet=sheet.name, codes=", ".join(missing))
        ex.found.marked.append(person.code)
    ex.found.forms.append(ScoringForm(marker, person, sheet.name, cells["name"], cells["position"],
                                      tuple(items.values()), tuple(facts), totals))


def _criteria(ex: Extraction, sheet: Sheet, header, rubric: cm.Rubric, key: str, owner: str):
    """The table's rows (the cells of a workbook read most: written for speed, on calamine's rows)."""
    head, cols = header
    item_codes = {i.code for _, i in rubric.items}
    group_codes = {g.code for g in rubric.groups}
    items: dict[str, ItemCells] = {}
    totals: tuple[Cell | None, Cell | None] = (None, None)
    after_table = False  # below the classification come the signatures: only stray scores count there
    r0, c0 = sheet.start
    code_col, text_col, max_col = cols["code"], cols["text"], cols["max"]
    own, dept, note = cols["self"], cols["dept"], cols["note"]
    at = _at_columns(code_col - c0, text_col - c0, max_col - c0, own - c0, dept - c0, note - c0)
    locked, name, fonts, marks = ex.found.locked, sheet.name, sheet.fonts, sheet.marks
    ends = (wx.L_CLASS, wx.L_MISSING)
    # the columns each kind of row was issued with; a value typed anywhere else in the row is in a locked cell
    on_item = stray_finder(sheet, cols.values())
    on_group = stray_finder(sheet, (code_col, text_col, max_col, own, dept))
    on_total, on_end = stray_finder(sheet, (text_col, max_col, own, dept)), stray_finder(sheet, (text_col, own, dept))

    plain = not fonts and not marks  # the usual file: no cell of it has a font or a mark to look up
    make = tuple.__new__  # a named tuple made from its fields at once (its class's __new__ is a Python call)

    def cell(value, col: int) -> Cell:  # sheet.cell() with the value already at hand
        if plain:
            return make(Cell, (value, name, row, col, "", ""))
        return Cell(value, name, row, col, fonts.get((row, col), "") if fonts else "",
                    marks.get((row, col), "") if marks else "")

    for r, line in enumerate(sheet.rows[head + 1 - r0:], head + 1 - r0):
        row = r + r0
        code_v, text_v, max_v, own_v, dept_v, note_v = at(line)
        code, text = text_of(code_v), text_of(text_v)
        if text in ends:
            after_table = True
            _lock_formulas(ex, f"{key}|{_ENDS[text]}", sheet, row, own, dept)
            ex.stray(sheet, row, on_end(line), owner)
        elif after_table and code not in items and not (_is_number(own_v) or _is_number(dept_v)):
            continue
        elif text == wx.L_TOTAL:
            totals = (sheet.cell(row, own), sheet.cell(row, dept))
            ex.lock(f"{key}|total|max", sheet, row, max_col)
            _lock_formulas(ex, f"{key}|total", sheet, row, own, dept)
            ex.stray(sheet, row, on_total(line), owner)
        elif (item := code in item_codes and code not in items) or code in group_codes:
            strays = (on_item if item else on_group)(line)
            if strays:
                ex.stray(sheet, row, strays, owner)
            if item:
                items[code] = make(ItemCells, (code, cell(own_v, own), cell(dept_v, dept), cell(note_v, note)))
            else:
                _lock_formulas(ex, f"{key}|{code}", sheet, row, own, dept)  # the group's subtotals
            prefix = f"{key}|{code}|"  # lock(), inline: the rows of every form of every file
            locked.setdefault(prefix + ("text" if item else "label"), (text, sheet, row, text_col))
            locked.setdefault(prefix + "max", (text_of(max_v), sheet, row, max_col))
        else:
            typed = [sheet.cell(row, c) for c in (own, dept) if canonical(sheet.value(row, c))]
            if typed:
                ex.unplaced(sheet, row, typed, code=code, duplicate=code if code in items else "")
                ex.found.marked.append(owner)
    return items, totals


_ENDS = {wx.L_CLASS: "class", wx.L_MISSING: "missing"}  # the rows below the table, by the key of their formulas


def _lock_formulas(ex: Extraction, key: str, sheet: Sheet, row: int, own: int, dept: int) -> None:
    """The formulas of a row's two score columns (a subtotal, the total, the classification, the count of
    blank cells)."""
    if sheet.formulas is not None:
        ex.lock_formula(f"{key}|formula|self", sheet, row, own)
        ex.lock_formula(f"{key}|formula|dept", sheet, row, dept)


def _at_columns(*columns: int):
    """``line → (line[c] for c in columns)``, "" for a column the line does not reach (calamine's rows
    are as wide as the sheet's used range: usually all reached, told at C speed)."""
    fast = operator.itemgetter(*columns)
    low, high = min(columns), max(columns)

    def at(line):
        if low >= 0 and high < len(line):
            return fast(line)
        return tuple(line[c] if 0 <= c < len(line) else "" for c in columns)

    return at


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
