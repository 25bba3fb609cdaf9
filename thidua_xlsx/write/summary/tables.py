"""The summary's tables of people and departments: "Đăng ký" (who registered for what), "Điểm chi
tiết" (scores per group, with the council's columns), "Xếp hạng" and "Tập thể"."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_xlsx.decide.consolidate import NOT_REGISTERED_FLAG
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.results import SOURCE_COUNCIL, DepartmentResult, PersonResult
from thidua_xlsx.model.titles import NO_PROPOSAL, NOT_REGISTERED
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.collation import name_key
from thidua_xlsx.text.messages import REASONS
from thidua_xlsx.write import engine
from thidua_xlsx.write.engine import cell_lines, row_height
from thidua_xlsx.write.summary.book import PROTECTED, Book
from thidua_xlsx.write.summary.content import remarks, score_cell, total

# Room in every row of a sheet the council types into (Điểm chi tiết, Xếp loại năm): a row written with its height
# set does not grow as it is typed into, and LibreOffice does not fit a row to its text when it opens a book; a
# title's name takes two lines of the decision's column, a reason of a sentence ("Sổ của tổ có ô sai, ô trống; Hội
# đồng xác định lại điểm") two lines of the note's — one line left both cut in half.
COUNCIL_LINES = 2
COUNCIL_NOTE_WIDTH = 24
# Điểm chi tiết is ~290 columns wide: one page wide it printed at 4.6 points. It prints pages across instead, each
# beginning with the name columns (STT, Mã, Họ và tên), a row's pages side by side (across, then down): the groups'
# scores, then — on a page of its own — the totals and the council's columns, at a scale of at least 8 points.
NAME_COLUMNS = 3
PRINTED_PT = 8
XLSX_PADDING = 0.71  # what a column's width gains in the file (xlsxwriter: 8 is stored 8.71), printed too
# a landscape page's width inside the margins, of which a page across fills no more than PAGE_SAFETY: the estimate of
# a column's print (engine.CHAR_PT) errs narrow, and a page filled further would spill a column onto a page of its own
PAGE_ACROSS_PT = (engine.A4_LONG - (engine.MARGINS["left"] + engine.MARGINS["right"]) * 72) * engine.PAGE_SAFETY


def registration_sheet(book: Book, people: Sequence[PersonResult], departments: Sequence[DepartmentResult],
                       sent: tuple[str, ...] | None = None) -> None:
    """The registrations; ``sent``: a year's departments that sent their registration book (None: each department's
    own submission — the registration round's)."""
    names = [d.name for d in departments]  # the people's departments (column 4), the collective's names (column 2)
    widths = (5, 9, engine.name_width(24, names), 14, engine.name_width(16, names), 22, 20, 28, 18)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_REGISTRATION, widths, landscape=True)
    row = book.header(ws, last_col, 4)
    row = book.title(ws, row, last_col, sx.REG_TITLE.format(year=book.year), book.school.name)
    rows = ([n, p.code, p.name, p.position, p.department_name, _registered(p), p.form, p.initiative,
             remarks(p, p.note, sx.NEWCOMER if p.newcomer else "")]
            for n, p in enumerate(people, start=1))  # made row by row as written: 84,000 at a province
    _, last = book.table(ws, row, sx.REG_HEAD, rows, ["center", "center", *["text"] * 7])
    row = last + 2
    book.text(ws, row, 0, last_col, sx.REG_COLLECTIVE_TITLE, "heading")
    collective = [[n, d.code, d.name, d.members,
                   sx.YES_SUBMITTED if (d.submitted if sent is None else d.code in sent) else sx.NOT_SUBMITTED,
                   title_name(d.collective)] for n, d in enumerate(departments, start=1)]
    book.table(ws, row + 1, sx.REG_COLLECTIVE_HEAD, collective, ["center", "center", "text", "num", "center", "text"],
               data_table=False)


def _registered(p: PersonResult) -> str:
    """The title ``p`` registered, in words; "Không đăng ký", as the year's sheet says it, for one judged to have
    registered for none (her book came, its title blank: the rules refuse her every title for it)."""
    if not p.registered and any(flag.code == NOT_REGISTERED_FLAG for flag in p.flags):
        return title_name(NOT_REGISTERED)
    return title_name(p.registered)


# --- Điểm chi tiết ------------------------------------------------------------------------

def _group_columns(campaign: cm.Campaign | None, people: Sequence[PersonResult]) -> list[tuple[str, str]]:
    """(code, heading) per distinct group code across the rubrics, in rubric order."""
    names: dict[str, list[str]] = {}
    for rubric in (campaign.rubrics if campaign else ()):
        for g in rubric.groups:
            label = g.name + sx.GROUP_KIND_SUFFIX.get(g.kind, "")
            if label not in names.setdefault(g.code, []):
                names[g.code].append(label)
    for p in people:  # codes only known from scores (no campaign)
        for score in (p.self_score, p.dept_score):
            for code in (score.groups if score else {}):
                names.setdefault(code, [])
    return [(code, sx.GROUP_HEAD.format(code=code, name=" / ".join(labels)) if labels else code)
            for code, labels in names.items()]


def _source(p: PersonResult, period: str = "") -> str:
    """Where the score that counts comes from; a period's council column is the head's score."""
    if period and p.final_source == SOURCE_COUNCIL:
        return sx.SOURCE_HEAD
    return REASONS["source." + p.final_source] if p.final_source else ""


def detail_sheet(book: Book, people: Sequence[PersonResult], campaign: cm.Campaign | None, period: str = "") -> None:
    """``period`` (its label): a period's sheet, where the head (the competent authority, NĐ 233/2026 điều 13) types
    the period's scores in the council's score column; it has no decision column: a period decides no title."""
    groups = _group_columns(campaign, people)
    first = sx.DETAIL_HEAD_FIRST
    parts = bool(period) and _decree_frame(campaign)
    last_fixed = sx.DETAIL_HEAD_LAST_PARTS if parts else sx.DETAIL_HEAD_LAST_PERIOD if period else sx.DETAIL_HEAD_LAST
    group_width = 6  # "13,5", and "Tự chấm" on two lines: the page of the groups holds seven at 8 points
    council_widths = (9, 9, 9, COUNCIL_NOTE_WIDTH) if parts else (9, COUNCIL_NOTE_WIDTH) if period else \
        (9, 14, COUNCIL_NOTE_WIDTH)
    departments = [d.name for d in campaign.departments] if campaign else [p.department_name for p in people]
    widths = (5, 8, 22, engine.name_width(13, departments), 10, *(group_width,) * (2 * len(groups)), 8, 8,
              *council_widths, 8, 9, 11, 26)
    ws = book.sheet(sx.S_DETAIL, widths, landscape=True)
    last_col = len(widths) - 1
    title = sx.DETAIL_TITLE_PERIOD.format(period=period.upper(), year=book.year) if period else \
        sx.DETAIL_TITLE.format(year=book.year)
    note = sx.DETAIL_NOTE_PERIOD + (sx.DETAIL_NOTE_PERIOD_PARTS if parts else "") if period else sx.DETAIL_NOTE
    tail = len(first) + 2 * len(groups)
    starts = _page_starts(widths, [*range(len(first), tail, 2), tail], tail)
    for row, text, style in ((0, title, "title"), (1, note, "subtitle")):  # right of the names, on the first page:
        book.text(ws, row, NAME_COLUMNS, starts[0] - 1, text, style, fit=True)  # they print on each, cutting it
    head, sub = 3, 4
    score_col = tail + 2
    decision_col = None if period else tail + 3
    note_col = tail + 1 + len(council_widths)
    council_cols = set(range(score_col, note_col + 1))
    fixed = [*enumerate(first), *((tail + k, t) for k, t in enumerate(last_fixed))]
    _detail_heads(book, ws, head, fixed, len(first), groups, council_cols, group_width)
    styles = ["center", "center", "text", "text", "text", *["num"] * (2 * len(groups)), "num", "num",
              *["council"] * len(council_widths), "num", "center", "center", "text"]
    wrapped = (2, 3, *(c for c in (decision_col, note_col) if c is not None), len(styles) - 1)
    r = book.rows(ws, sub + 1, (_detail_row(n, p, groups, period, parts) for n, p in enumerate(people, start=1)),
                  styles, lambda values: council_row_height(values, widths, wrapped, book))
    ws.freeze_panes(sub + 1, 3)
    ws.autofilter(sub, 0, max(r, sub), last_col)
    ws.repeat_rows(head, sub)
    _print_across(ws, widths, starts)
    if people:
        council_inputs(ws, sub + 1, r, score_col, decision_col, campaign,
                       max(rb.max_total for rb in campaign.rubrics) if campaign else 1000)
        for col, most in enumerate(ev.PART_MAX.values(), start=score_col + 1) if parts else ():
            ws.data_validation(sub + 1, col, r, col, {"validate": "decimal", "criteria": "between", "minimum": 0,
                                                      "maximum": most})
    ws.protect("", PROTECTED)


def _span(widths: Sequence[float]) -> float:
    """Points the columns of ``widths`` print across at 100 %."""
    return sum(w + XLSX_PADDING for w in widths) * engine.CHAR_PT


def _page_starts(widths: tuple[float, ...], blocks: list[int], own_page: int) -> list[int]:
    """The first column of each page across after the first: ``blocks`` (the first columns of what is not cut — a
    group's two columns) filled into pages as long as a page, with the name columns, prints at :data:`PRINTED_PT`;
    ``own_page`` (the totals, then the council's columns) begins a page."""
    starts, begun = [], NAME_COLUMNS
    for start, end in zip(blocks, [*blocks[1:], len(widths)]):
        printed = (_span(widths[:NAME_COLUMNS]) + _span(widths[begun:end])) * PRINTED_PT / 12
        if start > begun and (start == own_page or printed > PAGE_ACROSS_PT):
            starts.append(start)
            begun = start
    return starts


def _print_across(ws, widths: tuple[float, ...], starts: list[int]) -> None:
    """Pages across beginning at ``starts``, the name columns on each, at the scale the widest page fits (never above
    100 %): Excel and LibreOffice keep a page break only when the sheet is not fitted to a number of pages."""
    edges = [NAME_COLUMNS, *starts, len(widths)]
    widest = max(_span(widths[:NAME_COLUMNS]) + _span(widths[a:b]) for a, b in zip(edges, edges[1:]))
    ws.set_print_scale(min(100, int(100 * PAGE_ACROSS_PT / widest)))
    ws.set_v_pagebreaks(starts)
    ws.repeat_columns(0, NAME_COLUMNS - 1)
    ws.print_across()


def _decree_frame(campaign: cm.Campaign | None) -> bool:
    """Whether a rubric of ``campaign`` is the decree's frame (30 + 70): the head's pass on a period then takes her
    score's two parts beside it (a transfer-in's former school result), part I of the year's Phiếu."""
    return campaign is not None and any(ev.decree_groups(rubric) for rubric in campaign.rubrics)


def _detail_heads(book: Book, ws, head: int, fixed: list[tuple[int, str]], first: int,
                  groups: list[tuple[str, str]], council_cols: set[int], group_width: int) -> None:
    """Two header rows, written in order: a fixed column's heading in the upper cell with no line under it (the
    lower one has none above: they read as one), a group's over its two columns (the person's, the department's),
    the first after the ``first`` fixed columns."""
    kind = {col: "council_head" if col in council_cols else "head" for col, _ in fixed}
    upper = sorted([(col, text, kind[col] + "_upper", col) for col, text in fixed] +
                   [(first + 2 * k, heading, "head", first + 2 * k + 1) for k, (_, heading) in enumerate(groups)])
    for col, text, style, end in upper:
        book.text(ws, head, col, end, text, style)
    book.row(ws, head, row_height(max([cell_lines(h, 2 * group_width * 0.85) for _, h in groups] + [2])))
    lower: dict[int, tuple[str | None, str]] = {col: (None, kind[col] + "_lower") for col, _ in fixed}
    for k in range(len(groups)):
        col = first + 2 * k
        lower |= {col: (sx.DETAIL_SELF, "head"), col + 1: (sx.DETAIL_DEPT, "head")}
    for col in sorted(lower):
        book.put(ws, head + 1, col, *lower[col])
    book.row(ws, head + 1, row_height(max(cell_lines(sx.DETAIL_SELF, group_width, bold=True),
                                          cell_lines(sx.DETAIL_DEPT, group_width, bold=True))))


def _detail_row(n: int, p: PersonResult, groups: list[tuple[str, str]], period: str, parts: bool) -> list:
    """One person's row of Điểm chi tiết: who, each group's two scores, the totals, the council's columns (a period:
    no decision; ``parts``: her score's two parts), the final score, its source, the classification and the
    remarks."""
    scores = []
    for code, _ in groups:
        scores += [score_cell(p.self_score.groups.get(code)) if p.self_score else None,
                   score_cell(p.dept_score.groups.get(code)) if p.dept_score else None]
    given = [p.council_parts.general, p.council_parts.tasks] if parts else []
    council = [p.council_score, *given, p.council_note] if period else \
        [p.council_score, title_name(p.council_decision), p.council_note]
    return [n, p.code, p.name, p.department_name, p.role, *scores, score_cell(total(p.self_score)),
            score_cell(total(p.dept_score)), *council, score_cell(p.final), _source(p, period),
            p.classification, remarks(p, *(f.text for f in p.flags))]


def council_row_height(values: Sequence, widths: tuple[float, ...], wrapped: tuple[int, ...], book: Book) -> float:
    """A row's height for the longest of its ``wrapped`` columns (names, the council's decision and note, the
    remarks), and at least :data:`COUNCIL_LINES` lines."""
    return row_height(max(COUNCIL_LINES, *(book.lines(values[c] or "", widths[c]) for c in wrapped)))


def council_inputs(ws, first: int, last: int, score_col: int, decision_col: int | None, campaign: cm.Campaign | None,
                   max_score: float) -> None:
    """The council's cells of rows ``first``..``last``: a score from 0 to ``max_score``, a title of the campaign's
    list (or "Không đề nghị"; ``decision_col`` None: no title, a period's), each with its prompt."""
    if decision_col is not None:
        choices = [title_name(c) for c in (*(campaign.titles.individual if campaign else ()), NO_PROPOSAL)]
        ws.data_validation(first, decision_col, last, decision_col, {
            "validate": "list", "source": choices, "input_title": sx.DETAIL_DECISION_TITLE,
            "input_message": sx.DETAIL_DECISION_MESSAGE})
    ws.data_validation(first, score_col, last, score_col, {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": max_score})


# --- Xếp hạng and Tập thể -----------------------------------------------------------------

# why a person has no final score, as their flags say it (the status is said by remarks)
_UNSCORED_FLAGS = frozenset({"flag.no_scores", "flag.total_pending", "flag.score_unknown", "flag.away"})


def ranking_sheet(book: Book, people: Sequence[PersonResult], period: str = "") -> None:
    """Everyone by rank; who is not ranked (no final score) last, with why — never a bare blank row."""
    widths = (10, 10, 26, engine.name_width(20, [p.department_name for p in people]), 9, 14, 30)
    ws = book.sheet(sx.S_RANKING, widths)
    title = sx.RANK_TITLE_PERIOD.format(period=period.upper(), year=book.year) if period else \
        sx.RANK_TITLE.format(year=book.year)
    row = book.title(ws, 0, len(widths) - 1, title, book.school.name)
    ordered = sorted(people, key=lambda p: (p.rank_school is None, p.rank_school or 0, name_key(p.name), p.code))
    rows = ([p.rank_school, p.rank_department, p.name, p.department_name, score_cell(p.final), p.classification,
             remarks(p, *(f.text for f in p.flags if f.code in _UNSCORED_FLAGS)) if p.final is None else ""]
            for p in ordered)
    book.table(ws, row, sx.RANK_HEAD, rows, ["num", "num", "text", "text", "num", "center", "small"])


def collective_sheet(book: Book, departments: Sequence[DepartmentResult], scoring: bool) -> None:
    heads: tuple[str, ...]
    widths: tuple[float, ...]
    rows: list[list[object]]
    if scoring:
        heads, widths = sx.COLLECTIVE_HEAD, (20, 8, 8, 8, 9, 9, 18, 18, 40)
        styles = ["text", "num", "num", "pct", "num", "num", "text", "text", "text"]
        rows = []
        for d in departments:  # the decision's own counts: its members here when it is decided (decide.consolidate)
            reasons = "\n".join(f"{title_name(x.title)}: {x.reason}" for x in d.decisions)
            rows.append([d.name, d.members, d.ldtt, d.ldtt / d.members if d.members else None, d.cstdcs,
                         d.disciplined, title_name(d.collective), title_name(d.proposed), reasons])
        title = sx.COLLECTIVE_TITLE
    else:
        heads, widths = sx.COLLECTIVE_HEAD_REG, (30, 10, 12, 34)
        styles = ["text", "num", "center", "text"]
        rows = [[d.name, d.members, sx.YES_SUBMITTED if d.submitted else sx.NOT_SUBMITTED, title_name(d.collective)]
                for d in departments]
        title = sx.COLLECTIVE_TITLE_REG
    last_col = len(heads) - 1
    widths = (engine.name_width(widths[0], [d.name for d in departments]), *widths[1:])
    ws = book.sheet(sx.S_COLLECTIVE, widths, landscape=scoring, page_breaks=True)
    row = book.header(ws, last_col, (last_col + 1) // 2)
    row = book.title(ws, row, last_col, title.format(year=book.year), book.school.name)
    head, last = book.table(ws, row, heads, rows, styles)
    end = book.sign_pair(ws, last + 2, last_col, sx.SIGN_MAKER, book.school.secretary, sx.SIGN_HEAD,
                         book.school.principal)
    book.keep_together(ws, [(max(head + 1, last - 1), end, 0)], repeat=(head,))
