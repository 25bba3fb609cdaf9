"""A school's proposal lists, as its summary's sheet "Đề nghị khen thưởng" shows them and as its data gives them
(the hidden metadata the level above decides from): the tool writes both alike and seals the shown lists with a
digest (model.layout.lists_digest). Any difference between the two views, or between the shown lists and the seal,
means the summary was edited after the tool wrote it; the differences are named line by line (a proposal added or
removed, a person renamed, a title or a place changed), each by the data's person and title where it has one.

Every sheet a person reads of these lists is compared, visible or hidden: the list sheet itself (hidden, it is a
change: what is read is elsewhere), any other visible sheet laid out as a list (a copy shown beside the original is a
change, and its lines are compared too), the count each list's caption says against the lines under it, and each
department's proposed title on sheet "Tập thể" against its data. And each list sheet as it shows (read.sheet_views):
a formula, a number format that can show another thing than the value, a hidden row or column, a row that is no line
of the list, a cell beside the table, a line's proof columns (rating, sáng kiến, ballot) against its data; a sheet the
tool never writes. A year made from its periods seals no proposal sheet: its Tập thể and its sheets are compared."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from types import SimpleNamespace

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    ADDED,
    CAPTION,
    COLLECTIVE_REGISTERED,
    COLLECTIVE_RETITLED,
    COLUMN_HIDDEN,
    CONDITIONAL,
    EXTRA_ROW,
    FORMULA,
    MOVED,
    NUMBER_FORMAT,
    OUTSIDE,
    PROOF,
    REMOVED,
    RENAMED,
    RETITLED,
    ROW_HIDDEN,
    SHEET_COPY,
    SHEET_EXTRA,
    SHEET_HIDDEN,
    ListChange,
)
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.sheet_views import NO_VIEW, SheetView
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.wording import initiative_text

PROPOSAL_TITLE_COLUMN = 6  # "Danh hiệu đề nghị" of sheet Đề nghị khen thưởng (write.summary.proposals)

Line = tuple[str, str, str, str]  # (name, position, department, title's words), spaces aside
Views = Callable[[list[str]], dict[str, SheetView]]  # the named sheets' views (read.sheet_views)


def list_check(workbook, meta: ly.SummaryMeta, views: Views = lambda _names: {}
               ) -> tuple[bool, tuple[ListChange, ...]]:
    """Whether the sheets a person reads of the summary were edited after the tool wrote them, and how (the data's
    lines against the sheets'; ``views``: what the named sheets show besides their cached values). A year made from
    its periods shows no proposal sheet (its metadata seals none): its Tập thể and its sheets are compared, and a
    proposal sheet in it is one the tool never wrote."""
    lists = bool(meta.lists_digest)
    own_lists = (sx.S_PROPOSAL, sx.S_COLLECTIVE) if lists else (sx.S_COLLECTIVE,)
    own = OWN_SHEETS if lists else OWN_SHEETS - {sx.S_PROPOSAL}
    visible = {m.name: str(m.visible).endswith("Visible") for m in workbook.sheets_metadata}
    rows = {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in own_lists
            if name in visible}
    rows |= {name: workbook.get_sheet_by_name(name).to_python() for name, shown in visible.items()
             if shown and name not in own}  # a sheet the tool never writes: a list copied, perhaps
    data = data_lines(meta)
    shown = shown_lines(rows.get(sx.S_PROPOSAL, []))
    changes = list(compare(data, shown)) if lists else []
    changes += _sheets(rows, visible, own_lists, data, meta)
    changes += [ListChange(SHEET_EXTRA, "", "", name) for name in visible
                if name not in own and (name not in rows or _laid_out_as(rows[name]) is None)]
    shown_lists = {name: rows[name] for name in own_lists if name in rows}
    changes += _as_shown(shown_lists, views(list(shown_lists)), data, meta)
    changes = list(dict.fromkeys(changes))
    return bool(changes) or (lists and ly.lists_digest(shown) != meta.lists_digest), tuple(changes)


def _sheets(rows: dict[str, list], visible: dict[str, bool], own_lists: tuple[str, ...],
            data: list[tuple[str, str, Line]], meta: ly.SummaryMeta) -> list[ListChange]:
    """Each sheet read (``rows``) laid out as one of the lists: the tool's own list hidden, a copy shown (its lines
    compared), each list's captions, sheet Tập thể's titles."""
    changes: list[ListChange] = []
    for name, cells in rows.items():
        kind = _laid_out_as(cells)
        if kind is None:
            continue
        if name in own_lists and not visible[name]:
            changes.append(ListChange(SHEET_HIDDEN, "", "", name))
        elif name not in own_lists:
            changes.append(ListChange(SHEET_COPY, "", "", name))
            if kind == sx.S_PROPOSAL:
                changes += compare(data, shown_lines(cells))
        changes += _captions(name, cells) if kind == sx.S_PROPOSAL else _collectives(cells, meta)
    return changes


# The sheets a final summary of ours has (text.summary's S_ names) and its metadata: any other is not ours.
OWN_SHEETS = frozenset({*(v for k, v in vars(sx).items() if k.startswith("S_") and isinstance(v, str)), ly.META_SHEET})
COLLECTIVE_PROPOSED_COLUMN = sx.COLLECTIVE_HEAD.index("Đề nghị")  # of sheet Tập thể: the title proposed
COLLECTIVE_REGISTERED_COLUMN = sx.COLLECTIVE_HEAD.index("Danh hiệu đăng ký")  # … and the one registered


_HEADS = {tuple(sx.PROPOSAL_HEAD): sx.S_PROPOSAL, tuple(sx.COLLECTIVE_HEAD): sx.S_COLLECTIVE}
_FIRST_HEADS = frozenset(head[0] for head in _HEADS)


def _laid_out_as(cells: list) -> str | None:
    """Which of our list sheets ``cells`` is laid out as (its header row): sx.S_PROPOSAL, sx.S_COLLECTIVE or None."""
    for row in cells:
        if not row or _text(row[0]) not in _FIRST_HEADS:  # no header row begins otherwise
            continue
        found = _HEADS.get(tuple(_text(c) for c in row[:len(sx.PROPOSAL_HEAD)])) or \
            _HEADS.get(tuple(_text(c) for c in row[:len(sx.COLLECTIVE_HEAD)]))
        if found:
            return found
    return None


def shown_lines(cells: list) -> list[Line]:
    """The proposal lines a list sheet shows now (its numbered rows that name a title), from its ``cells``."""
    col = PROPOSAL_TITLE_COLUMN
    return [_line(row[1], row[2], row[3], row[col]) for row in cells if _numbered(row) and row[col]]


def _numbered(row: list) -> bool:
    return len(row) > PROPOSAL_TITLE_COLUMN and isinstance(row[0], (int, float)) and not isinstance(row[0], bool)


def _captions(sheet: str, cells: list) -> list[ListChange]:
    """Each list's caption ("…; 6 người") whose count is not the number of lines under it, up to the next caption."""
    before, rest = sx.PROPOSAL_SUBTITLE.split("{school}")
    middle, after = rest.split("{count}")
    pattern = re.compile(f"{re.escape(before)}.*{re.escape(middle)}(\\d+){re.escape(after)}")
    blocks: list[list] = []  # [caption, its count, the lines under it]
    for row in cells:
        match = pattern.fullmatch(_text(row[0])) if row and isinstance(row[0], str) else None
        if match:
            blocks.append([_text(row[0]), int(match[1]), 0])
        elif blocks and _numbered(row) and row[PROPOSAL_TITLE_COLUMN]:
            blocks[-1][2] += 1
    return [ListChange(CAPTION, "", "", sheet, caption, lines) for caption, said, lines in blocks if said != lines]


def _collectives(cells: list, meta: ly.SummaryMeta) -> list[ListChange]:
    """Each department whose proposed title on sheet "Tập thể" is not the one its data proposes, or whose registered
    title is not the one its data says it registered (where the summary seals them: ``collectives``; found by its
    name)."""
    col, registered_col = COLLECTIVE_PROPOSED_COLUMN, COLLECTIVE_REGISTERED_COLUMN
    proposed = {_text(name): (code, granted[0] if granted else "") for code, name, granted in meta.department_outcomes}
    registered = dict(meta.collectives)
    found = []
    for row in cells:
        line = proposed.get(_text(row[0]) if row else "")
        if line is None or len(row) <= col:
            continue
        code, title = line
        if _text(row[col]) != title_name(title):
            found.append(ListChange(COLLECTIVE_RETITLED, str(code), str(title), _text(row[0]), _text(row[col])))
        if code in registered and _text(row[registered_col]) != title_name(registered[code] or ""):
            found.append(ListChange(COLLECTIVE_REGISTERED, str(code), str(registered[code] or ""), _text(row[0]),
                                    _text(row[registered_col])))
    return found


def _as_shown(rows: dict[str, list], views: dict[str, SheetView], data: list[tuple[str, str, Line]],
              meta: ly.SummaryMeta) -> list[ListChange]:
    """What the tool's own list sheets (``rows``, as calamine reads them, from their first row) show besides the lines
    compared: the proof columns of each proposal line, rows that are no line of the list, cells right of the table,
    and what the sheets' ``views`` tell (formulas, number formats, hidden rows and columns). A change on a proposal's
    (or a department's) row names its person (its department) and title: that proposal is held; any other is said
    for the school."""
    found = []
    for name, cells in rows.items():
        if name == sx.S_PROPOSAL:
            owners = _proposal_rows(cells, data)
            found += _proofs(cells, owners, meta)
            extra = [r for r, row in enumerate(cells) if r not in owners and _proposal_extra(row)]
        else:
            owners = _department_rows(cells, meta)
            extra = [r for r, row in enumerate(cells) if r not in owners and _collective_extra(row)]
        found += [ListChange(EXTRA_ROW, "", "", name, _row_words(cells[r]), r + 1) for r in extra]
        found += _outside(name, cells, _WIDTHS[name], owners)
        found += _seen(name, views.get(name, NO_VIEW), owners)
    return found


_WIDTHS = {sx.S_PROPOSAL: len(sx.PROPOSAL_HEAD), sx.S_COLLECTIVE: len(sx.COLLECTIVE_HEAD)}  # the tables' columns
_NAME_COLUMN = sx.PROPOSAL_HEAD.index("Họ và tên")
# The proof columns of a proposal line (what a CSTĐCS rests on, and the council's ballot), compared with the data.
_RATING_COLUMN = sx.PROPOSAL_HEAD.index("Xếp loại viên chức")
_INITIATIVE_COLUMN = sx.PROPOSAL_HEAD.index("Sáng kiến (tên, cấp, số QĐ)")
_VOTES_COLUMN = sx.PROPOSAL_HEAD.index("Số phiếu / tỷ lệ")
Owners = dict[int, tuple[str, str]]  # a row (from 0) → the (person or department, title) whose line it is


def _proposal_rows(cells: list, data: list[tuple[str, str, Line]]) -> Owners:
    """The rows of the proposal sheet that show a line of the data, each with the data's person and title."""
    wanted: dict[Line, list[tuple[str, str]]] = {}
    for who, title, line in data:
        wanted.setdefault(line, []).append((who, title))
    found = {}
    for r, row in enumerate(cells):
        if _numbered(row) and row[PROPOSAL_TITLE_COLUMN]:
            owners = wanted.get(_line(row[1], row[2], row[3], row[PROPOSAL_TITLE_COLUMN]))
            if owners:
                found[r] = owners.pop(0)
    return found


def _department_rows(cells: list, meta: ly.SummaryMeta) -> Owners:
    """The rows of sheet Tập thể that show a department of the data (by its name), each with its code and the title
    its data proposes ("" none)."""
    departments = {_text(name): (str(code), str(granted[0]) if granted else "")
                   for code, name, granted in meta.department_outcomes}
    found = {}
    for r, row in enumerate(cells):
        department = departments.get(_text(row[0])) if len(row) > COLLECTIVE_PROPOSED_COLUMN else None
        if department is not None:
            found[r] = department
    return found


def _proposal_extra(row: list) -> bool:
    """A row that shows a name or a title on the proposal sheet without being a numbered line or the table's head."""
    if not any(len(row) > k and _text(row[k]) for k in (_NAME_COLUMN, PROPOSAL_TITLE_COLUMN)):
        return False
    return not _numbered(row) and tuple(_text(c) for c in row[:len(sx.PROPOSAL_HEAD)]) != sx.PROPOSAL_HEAD


def _collective_extra(row: list) -> bool:
    """A row that shows a title on sheet Tập thể without being a department's or the table's head."""
    if not any(len(row) > k and _text(row[k]) for k in (COLLECTIVE_REGISTERED_COLUMN, COLLECTIVE_PROPOSED_COLUMN)):
        return False
    return tuple(_text(c) for c in row[:len(sx.COLLECTIVE_HEAD)]) != sx.COLLECTIVE_HEAD


def _row_words(row: list) -> str:
    return " – ".join(text for text in (_text(c) for c in row) if text)


def _proofs(cells: list, owners: Owners, meta: ly.SummaryMeta) -> list[ListChange]:
    """Each proposal line whose proof columns (the rating, the sáng kiến with its level and decision, the ballot) do
    not show what the data says of the person, with what they show."""
    outcomes = {o[0]: o for o in meta.outcomes}
    votes = {(v[0], v[1]): v for v in meta.votes}
    found = []
    for r, (who, title) in owners.items():
        outcome, row = outcomes.get(who), cells[r]
        if outcome is None:
            continue
        differ = [col for col, allowed in _proof_texts(outcome, votes.get((who, title))).items()
                  if _text(row[col] if len(row) > col else "") not in allowed]
        if differ:
            shown = "; ".join(f"{sx.PROPOSAL_HEAD[col]}: '{_text(row[col] if len(row) > col else '')}'"
                              for col in differ)
            found.append(ListChange(PROOF, who, title, _text(outcome[1]), shown))
    return found


def _proof_texts(outcome: tuple, vote: tuple | None) -> dict[int, frozenset[str]]:
    """What each proof column of a person's line may show, as write.summary.proposals writes it from the person's
    outcome (code, name, birth date, rating, titles, award form, sáng kiến, its level, its decision, …) and ballot. A
    sáng kiến with neither level nor decision may be blank: the registration named it, the campaign book did not."""
    initiative, level, decision = (_text(outcome[k]) for k in (6, 7, 8))
    written = initiative_text(SimpleNamespace(initiative=initiative, initiative_level=level,
                                              initiative_decision=decision))
    votes = ""
    if vote is not None and type(vote[2]) is int and type(vote[3]) is int and vote[3] > 0:  # a count as written (a
        # ballot of another kind is the commune's reader's to refuse, naming its table)
        votes = sx.VOTES_SHORT.format(votes=vote[2], members=vote[3],
                                      share=cm.num_text(round(100 * vote[2] / vote[3], 1)))
    return {_RATING_COLUMN: frozenset({_text(outcome[3])}),
            _INITIATIVE_COLUMN: frozenset({_text(written), *(("",) if not (level or decision) else ())}),
            _VOTES_COLUMN: frozenset({_text(votes)})}


def _outside(sheet: str, cells: list, width: int, owners: Owners) -> list[ListChange]:
    """Each row with something right of the table (where the tool writes nothing), by its cells."""
    found = []
    for r, row in enumerate(cells):
        refs = [ly.a1(r, c) for c in range(width, len(row)) if _text(row[c])]
        if refs:
            found.append(ListChange(OUTSIDE, *owners.get(r, ("", "")), sheet, ", ".join(refs)))
    return found


def _seen(sheet: str, view: SheetView, owners: Owners) -> list[ListChange]:
    """What the sheet's ``view`` tells: the cells holding a formula, those shown through a format that can say
    another thing, those a conditional format applies to (by row), the rows hidden, the columns hidden (all in one)."""
    found = []
    for kind, cells in ((FORMULA, view.formulas), (NUMBER_FORMAT, view.formats), (CONDITIONAL, view.conditional)):
        by_row: dict[int, list[str]] = {}
        for r, c in sorted(cells):
            by_row.setdefault(r, []).append(ly.a1(r, c))
        found += [ListChange(kind, *owners.get(r, ("", "")), sheet, ", ".join(refs)) for r, refs in by_row.items()]
    found += [ListChange(ROW_HIDDEN, *owners.get(r, ("", "")), sheet, str(r + 1)) for r in sorted(view.hidden_rows)]
    if view.hidden_columns:
        columns = ", ".join(map(ly.column_letters, sorted(view.hidden_columns)))
        found.append(ListChange(COLUMN_HIDDEN, "", "", sheet, columns))
    return found


def _text(cell) -> str:
    """The cell as text, its spaces made single; a text cell's is looked up, made once for all the lists read (the
    same positions, departments and titles come back on every line)."""
    if cell.__class__ is not str:
        return " ".join(str(cell or "").split())
    return _spaced(cell)


@functools.lru_cache(maxsize=50_000)
def _spaced(text: str) -> str:
    return " ".join(text.split())




def data_lines(meta: ly.SummaryMeta) -> list[tuple[str, str, Line]]:
    """Each person's granted title as the data gives it: (person code, title code, the line it shows as)."""
    names = {o[0]: o[1] for o in meta.outcomes}
    places = {i[0]: (i[3], i[2]) for i in meta.people_info}
    found = []
    for code, title, granted, _pending in meta.decisions:
        if granted:
            position, department = places.get(code, ("", ""))
            found.append((str(code), str(title), _line(names.get(code, ""), position, department, title_name(title))))
    return found


def compare(data: list[tuple[str, str, Line]], shown: list[Line]) -> tuple[ListChange, ...]:
    """The differences, the data's lines first (in its order), then the lines only the sheet shows. A line missing
    on one side is paired with one only the other side has when they share all but one thing: the same person (by
    name) with another title or place, else another name in the same place for the same title."""
    extra = Counter(shown) - Counter(line for _, _, line in data)
    unmatched = Counter(line for _, _, line in data) - Counter(shown)
    changes = []
    for who, title, line in data:
        if not unmatched[line]:
            continue
        unmatched[line] -= 1
        change = _pair(who, title, line, extra)
        changes.append(change or ListChange(REMOVED, who, title, line[0]))
    changes += [ListChange(ADDED, "", "", line[0], line[3]) for line in extra.elements()]
    return tuple(changes)


def _pair(who: str, title: str, line: Line, extra: Counter) -> ListChange | None:
    """The shown line that replaced ``line`` (taken out of ``extra``), as a change; None when none did."""
    name, words = line[0], line[3]
    rules = ((RETITLED, lambda s: s[:3] == line[:3], lambda s: s[3]),
             (MOVED, lambda s: (s[0], s[3]) == (name, words), lambda s: ", ".join(p for p in s[1:3] if p)),
             (RENAMED, lambda s: s[1:] == line[1:], lambda s: s[0]))
    for change, same, shown in rules:
        found = next((s for s in extra if extra[s] and same(s)), None)
        if found is not None:
            extra[found] -= 1
            return ListChange(change, who, title, name, shown(found))
    return None


def _line(name, position, department, title) -> Line:
    return _text(name), _text(position), _text(department), _text(title)
