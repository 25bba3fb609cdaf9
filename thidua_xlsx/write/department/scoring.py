"""The scoring round's form, one sheet per person (and per spare form for a newcomer): who it is,
the facts the department enters (where it enters them), the criteria with the person's and the
department's scores, the totals and the classification as formulas, and the signatures."""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedPerson, WorkbookSpec
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write.department.book import SIGNATURE_ROWS, DepartmentBook, height
from thidua_xlsx.write.department.repeat import once_a_workbook

LAST_COL = 5
WIDTHS = (11, 48, 8, 11, 11, 20)  # the two score columns hold "Hoàn thành" on one line
CLASS_ROW_HEIGHT = 33  # points: "Không hoàn / thành" on two lines, its accents inside the row
_SIDES = {3: "self", 4: "dept"}  # the score columns, as the merge keys their formulas


def person_sheet(book: DepartmentBook, title: str, person: IssuedPerson, marker: str) -> dict:
    """Write one form; returns where its totals, classes, missing counts, name and position are, for
    the department's sheet (``sheet``, ``self_total``, …, ``n_required``)."""
    rubric = book.c.rubric_for(person.role)
    spare = not person.code
    f = book.f
    ws = form_sheet(book, title)
    if spare:  # hidden until a newcomer needs it, without a print area (:func:`_totals`): never printed blank
        ws.hide()

    def header_and_title() -> tuple[int, int]:  # the same on every form of the rubric
        subtitle = wx.SCORE_SUBTITLE_PERIOD if book.c.period_label else wx.SCORE_SUBTITLE
        after = book.title(ws, book.header(ws, LAST_COL, 2), LAST_COL, wx.SCORE_TITLE, subtitle.format(
            year=book.c.school.school_year, period=book.c.period_label, role=rubric.role))
        return after, after

    row = once_a_workbook(book, ws, ("head", rubric.role), 0, header_and_title)
    rec = {"name": ws.name, "person_code": person.code, "marker": marker, "role": rubric.role}

    def info(label: str, value: str, editable: bool, key: str, label2: str = "", value2: str = "") -> None:
        nonlocal row
        ws.write_string(row, 0, label, f["label"])
        style = f["input"] if editable else f["locked"]
        ws.write_string(row, 1, value, style) if value else ws.write_blank(row, 1, None, style)
        rec[key + "_cell"] = xl_rowcol_to_cell(row, 1)
        if label2:
            ws.write_string(row, 2, label2, f["label"])
            ws.merge_range(row, 3, row, LAST_COL, value2, f["locked"])
        ws.set_row(row, 20)
        row += 1

    info(wx.L_NAME, person.name, spare, "name", wx.L_CODE, marker)
    rec["marker_cell"] = xl_rowcol_to_cell(row - 1, 3)
    info(wx.L_POSITION, person.position, spare, "position", wx.L_DEPARTMENT, book.dept.name)
    shown = shown_title(person)
    info(wx.L_TITLE, shown, False, "title")
    key = f"person|{marker}"  # the locked cells, as the merge keys them (a spare form's name and position are inputs)
    if person.code:
        book.lock(f"{key}|name", person.name)
        book.lock(f"{key}|position", person.position)
    book.lock(f"{key}|title", shown)
    book.lock(f"{key}|department", book.dept.name)
    if book.c.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
        row = _facts_block(book, ws, row, rec)
    row += 1
    head = row
    for col, text in enumerate(wx.SCORE_HEADERS):
        ws.write_string(row, col, text, f["head"])
    ws.set_row(row, 33)
    ws.repeat_rows(head)
    rec["header_row"] = head + 1
    items: dict[str, int] = {}
    row, subtotal, required, all_items = _criteria(book, ws, row + 1, rubric, items, key)
    cells = _totals(book, ws, row, rubric, subtotal, required, all_items, key, spare)
    ws.freeze_panes(head + 1, 0)
    rec.update(items=tuple(items.items()), total_row=cells.pop("total_row"))
    book.records.append(ly.ScoringSheet(**rec))
    return {"sheet": ws.name, **cells, "name": rec["name_cell"], "position": rec["position_cell"],
            "n_required": sum(b - a + 1 for a, b in required)}


def form_sheet(book: DepartmentBook, title: str, placed: bool = False):
    """A form's sheet, named ``title`` (made unique and valid), nothing written on it; ``placed``: where a form's
    skeleton is placed, nothing set on it either (:meth:`.book.DepartmentBook.named`)."""
    return book.named(title, WIDTHS) if placed else book.sheet(title, widths=WIDTHS)


def shown_title(person: IssuedPerson) -> str:
    """The locked "Đăng ký:" cell of ``person``'s form: the registered title, or why there is none (no registration,
    no title)."""
    return title_name(person.registered) or wx.NOT_REGISTERED_SHOWN


def _criteria(book: DepartmentBook, ws, row: int, rubric: cm.Rubric, items: dict[str, int], key: str):
    """The groups of criteria from ``row``, each with its subtotal (capped for bonus and deduction
    groups); fills ``items`` (criterion code → row number). Returns the next row, the subtotal row of
    each group, and the (first, last) rows of the required groups' items and of all groups' items.
    ``key``: the form's locked cells' (:meth:`DepartmentBook.lock`). Written once a workbook for a rubric at a
    row, given as written to its later forms (:mod:`.repeat`)."""
    def write():
        found: dict[str, int] = {}
        result = _write_criteria(book, ws, row, rubric, found, key)
        return (result, found), result[0]

    result, found = once_a_workbook(book, ws, ("criteria", id(rubric), row), row, write, f"{key}|")
    items.update(found)
    return result


def _write_criteria(book: DepartmentBook, ws, row: int, rubric: cm.Rubric, items: dict[str, int], key: str):
    """:func:`_criteria`, cell by cell."""
    f = book.f
    subtotal: dict[str, int] = {}
    required: list[tuple[int, int]] = []  # first/last row of each "cộng" group's items
    all_items: list[tuple[int, int]] = []
    for group in rubric.groups:
        g_row = row
        subtotal[group.code] = g_row
        label = wx.group_label(group.kind, group.name, cm.num_text(group.max))
        ws.write_string(g_row, 0, group.code, f["group"])
        ws.write_string(g_row, 1, label, f["group"])
        ws.write_number(g_row, 2, group.max, f["group_num"])
        ws.write_blank(g_row, 5, None, f["group"])
        ws.set_row(g_row, height(label, 52))
        book.lock(f"{key}|{group.code}|label", label)
        book.lock(f"{key}|{group.code}|max", group.max)
        first = g_row + 1
        for k, item in enumerate(group.items):
            r = first + k
            items[item.code] = r + 1
            text = item.text + (f"\n({wx.HINT_PREFIX}: {item.hint})" if item.hint else "")
            ws.write_string(r, 0, item.code, f["locked_c"])
            ws.write_string(r, 1, text, f["locked"])
            ws.write_number(r, 2, item.max, f["locked_num"])
            for col in (3, 4):
                ws.write_blank(r, col, None, f["input_num"])
            ws.write_blank(r, 5, None, f["input"])
            ws.set_row(r, height(text, 52))
            book.lock(f"{key}|{item.code}|text", text)
            book.lock(f"{key}|{item.code}|max", item.max)
        last = first + len(group.items) - 1
        all_items.append((first, last))
        if group.kind == cm.SCORE:
            required.append((first, last))
        kind_msg = {cm.SCORE: wx.V_SCORE_MESSAGE, cm.BONUS: wx.V_BONUS_MESSAGE,
                    cm.DEDUCTION: wx.V_DEDUCTION_MESSAGE}[group.kind]
        for col, who in ((3, wx.V_SELF), (4, wx.V_DEPT)):
            letter = xl_col_to_name(col)
            rng = f"{letter}{first + 1}:{letter}{last + 1}"
            ws.data_validation(rng, {
                "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": f"=$C{first + 1}",
                "input_title": who, "input_message": kind_msg,
                "error_title": wx.NUMBER_ERROR_TITLE, "error_message": wx.SCORE_ERROR_MESSAGE,
                "error_type": "stop"})
            book.mark_bad_numbers(ws, rng, f"{letter}{first + 1}", f"$C{first + 1}")
            inner = f"SUM({rng})"
            formula = inner if group.kind == cm.SCORE else f"MIN($C{g_row + 1},{inner})"
            # a group nobody scored shows nothing, not a 0 (the total counts it as none: N())
            ws.write_formula(g_row, col, f'=IF(COUNT({rng})=0,"",{formula})', f["group_num"], "")
            book.lock_formula(f"{key}|{group.code}|formula|{_SIDES[col]}", ws, g_row, col)
        row = last + 1
    return row, subtotal, required, all_items


def _totals(book: DepartmentBook, ws, row: int, rubric: cm.Rubric, subtotal: dict[str, int],
            required: list[tuple[int, int]], all_items: list[tuple[int, int]], key: str, spare: bool) -> dict:
    """Totals, classification, and how many required cells are still blank, then the signatures.
    The count of blank required cells sits below the signatures, never printed: a form to be signed never shows
    "còn thiếu". Returns the cells of each (``self_total``, …). Written once a workbook for a rubric at a row, given
    as written to its later forms (:mod:`.repeat`).

    A person's form prints its print area, which ends above the count. A ``spare`` form has none: LibreOffice prints
    a hidden sheet that has a print area (Excel never prints one), and a print area cannot wait for the sheet to be
    unhidden. Unhidden, it prints all it holds but its two hidden rows, the count and the blank row above it (hidden
    on the screen too: the newcomer's count is in "Tổng hợp tổ"'s "Ô còn trống")."""
    cells, miss_row = once_a_workbook(
        book, ws, ("totals", id(rubric), row), row,
        lambda: _write_totals(book, ws, row, rubric, subtotal, required, all_items, key), f"{key}|")
    if spare:
        for hidden in (miss_row - 1, miss_row):  # what prints ends where a person's print area ends
            ws.set_row(hidden, None, None, {"hidden": True})
    else:
        ws.print_area(0, 0, miss_row - 2, LAST_COL)
    ws.fit_to_pages(1, 2)  # one page wide, at most two pages down
    return dict(cells)


def _not_scores(scores: str, maxima: str) -> str:
    """How many cells of the range ``scores`` hold what is no score: text, or a number outside 0 – its row's maximum
    (``maxima``, column C); a cell of spaces is blank, as the merge reads it. A number typed as text ("8,5") is one
    too: the merge reads it (said, with a note asking it typed again), the form cannot, in every locale."""
    return (f'SUMPRODUCT((TRIM({scores})<>"")*((NOT(ISNUMBER({scores}))+ISNUMBER({scores})*(({scores}<0)+'
            f'({scores}>{maxima})))>0))')


def _write_totals(book: DepartmentBook, ws, row: int, rubric: cm.Rubric, subtotal: dict[str, int],
                  required: list[tuple[int, int]], all_items: list[tuple[int, int]], key: str):
    """:func:`_totals`' rows, cell by cell: (their cells, the row of the count of blank cells), the row after."""
    f = book.f
    total_row, class_row = row, row + 1
    sign_row = class_row + 2
    miss_row = sign_row + SIGNATURE_ROWS + 1
    ws.write_string(total_row, 0, "", f["total"])
    ws.write_string(total_row, 1, wx.L_TOTAL, f["total"])
    ws.write_number(total_row, 2, rubric.total, f["total_num"])
    book.lock(f"{key}|total|max", rubric.total)
    ws.set_row(class_row, CLASS_ROW_HEIGHT)
    ws.write_string(class_row, 0, "", f["total"])
    ws.write_string(class_row, 1, wx.L_CLASS, f["total"])
    ws.write_blank(class_row, 2, None, f["total"])
    ws.write_string(miss_row, 0, "", f["locked"])
    ws.write_string(miss_row, 1, wx.L_MISSING, f["locked"])
    ws.write_blank(miss_row, 2, None, f["locked"])
    for r in (total_row, class_row, miss_row):
        ws.write_blank(r, 5, None, f["locked"])
    for col in (3, 4):
        letter = xl_col_to_name(col)
        entered = "+".join(f"COUNT({letter}{a + 1}:{letter}{b + 1})" for a, b in all_items)
        parts = []
        for group in rubric.groups:
            cell = f"{letter}{subtotal[group.code] + 1}"
            parts.append(("-" if group.kind == cm.DEDUCTION else "+") + f"N({cell})")
        total = "".join(parts).lstrip("+")
        # a required score still blank, or a cell holding no score (text, out of its row's 0 – max), leaves the total
        # unknown, as the merge says: never summed as 0 or as typed, so never classified nor ranked on the department's
        # sheet (its rank column takes numbers only) — the sheet its head signs never shows a total the school has not
        missing = f"{letter}{miss_row + 1}"
        bad = "+".join(_not_scores(f"{letter}{a + 1}:{letter}{b + 1}", f"C{a + 1}:C{b + 1}") for a, b in all_items)
        ws.write_formula(total_row, col, f'=IF({entered}+{bad}=0,"",IF({missing}+{bad}>0,"{wx.TOTAL_INCOMPLETE}",'
                                         f'{total}))', f["total_num"], "")
        gate = [f"{letter}{subtotal[g.code] + 1}>={g.min}" for g in rubric.groups if g.min is not None]
        t = f"{letter}{total_row + 1}"
        ws.write_formula(class_row, col, f'=IF(ISNUMBER({t}),{classification_formula(book.c, t, gate)},"")',
                         f["total_num"], "")
        # blank scores on rows that show a criterion code: a row inserted inside the table is not one
        blanks = "+".join(f'SUMPRODUCT((A{a + 1}:A{b + 1}<>"")*({letter}{a + 1}:{letter}{b + 1}=""))'
                          for a, b in required)
        n_required = sum(b - a + 1 for a, b in required)
        ws.write_formula(miss_row, col, f"={blanks}", f["locked_num"], n_required)
        for line, at in (("total", total_row), ("class", class_row), ("missing", miss_row)):
            book.lock_formula(f"{key}|{line}|formula|{_SIDES[col]}", ws, at, col)
    gap = book.c.settings.score_gap_tolerance
    ws.conditional_format(f"E{total_row + 1}", {
        "type": "formula", "format": f["gap"],
        "criteria": f'=AND(ISNUMBER(D{total_row + 1}),ISNUMBER(E{total_row + 1}),'
                    f'ABS(D{total_row + 1}-E{total_row + 1})>{gap})'})
    ws.set_row(total_row, 20)
    book.signatures(ws, sign_row, LAST_COL, (wx.SIGN_PERSON, wx.SIGN_NOTE), (wx.SIGN_HEAD, wx.SIGN_NOTE))
    cells = {"total_row": total_row + 1, "self_total": f"D{total_row + 1}", "dept_total": f"E{total_row + 1}",
             "self_class": f"D{class_row + 1}", "dept_class": f"E{class_row + 1}",
             "self_missing": f"D{miss_row + 1}", "dept_missing": f"E{miss_row + 1}"}
    return (cells, miss_row), miss_row + 1


def _facts_block(book: DepartmentBook, ws, row: int, rec: dict) -> int:
    f = book.f
    ws.merge_range(row, 0, row, LAST_COL, wx.FACTS_HEADING, f["label"])
    row += 1
    facts = {}
    for key, label, kind in wx.FACT_FIELDS:
        ws.merge_range(row, 0, row, 2, label, f["locked"])
        ws.merge_range(row, 3, row, LAST_COL, "", f["input"])
        cell = xl_rowcol_to_cell(row, 3)
        facts[key] = cell
        if kind == "rating":
            book.dropdown(ws, cell, "DS_XepLoaiVC", wx.V_RATING_TITLE, wx.V_RATING_MESSAGE)
        elif kind == "discipline":
            book.dropdown(ws, cell, "DS_KyLuat", wx.V_DISCIPLINE_TITLE, wx.V_DISCIPLINE_MESSAGE)
        elif kind == "bool":
            book.dropdown(ws, cell, "DS_CoKhong", wx.V_REVIEW_TITLE, wx.V_REVIEW_MESSAGE)
        elif kind == "level":
            book.dropdown(ws, cell, "DS_CapSangKien", wx.V_LEVEL_TITLE, wx.V_LEVEL_MESSAGE)
        elif kind == "months":
            book.number(ws, cell, 0, 12, wx.V_MONTHS_TITLE, wx.V_MONTHS_MESSAGE)
            book.mark_bad_numbers(ws, cell, cell, 12)
        elif kind == "days":
            book.number(ws, cell, 0, 366, wx.V_DAYS_TITLE, wx.V_DAYS_MESSAGE)
            book.mark_bad_numbers(ws, cell, cell, 366)
        ws.set_row(row, 20)
        row += 1
    rec["facts"] = tuple(facts.items())
    return row


def classification_formula(spec: WorkbookSpec, total: str, gate: list[str]) -> str:
    """Nested IFs, highest level first; levels above the gate cap also need every group minimum."""
    levels = spec.classification
    names = [lv.name for lv in levels]
    cap_index = names.index(spec.gate_cap) if spec.gate_cap in names else len(names)
    fallback = f'"{levels[-1].name}"' if levels[-1].min == 0 else f'"{wx.NOT_CLASSIFIED}"'
    formula = fallback
    for index in range(len(levels) - 1, -1, -1):
        level = levels[index]
        if index == len(levels) - 1 and level.min == 0:
            continue
        condition = f"{total}>={level.min}"
        if gate and index < cap_index:
            condition = f"AND({condition},{','.join(gate)})"
        formula = f'IF({condition},"{level.name}",{formula})'
    return formula
