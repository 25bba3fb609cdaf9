"""A school's proposal lists, as its summary's sheet "Đề nghị khen thưởng" shows them and as its data gives them
(the hidden metadata the level above decides from): the tool writes both alike and seals the shown lists with a
digest (model.layout.lists_digest). Any difference between the two views, or between the shown lists and the seal,
means the summary was edited after the tool wrote it; the differences are named line by line (a proposal added or
removed, a person renamed, a title or a place changed), each by the data's person and title where it has one.

Every sheet a person reads of these lists is compared, visible or hidden: the list sheet itself (hidden, it is a
change: what is read is elsewhere), any other visible sheet laid out as a list (a copy shown beside the original is a
change, and its lines are compared too), the count each list's caption says against the lines under it, and each
department's proposed title on sheet "Tập thể" against its data."""

from __future__ import annotations

import functools
import re
from collections import Counter

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.level_above import (
    ADDED,
    CAPTION,
    COLLECTIVE_REGISTERED,
    COLLECTIVE_RETITLED,
    MOVED,
    REMOVED,
    RENAMED,
    RETITLED,
    SHEET_COPY,
    SHEET_HIDDEN,
    ListChange,
)
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx

PROPOSAL_TITLE_COLUMN = 6  # "Danh hiệu đề nghị" of sheet Đề nghị khen thưởng (write.summary.proposals)

Line = tuple[str, str, str, str]  # (name, position, department, title's words), spaces aside


def list_check(workbook, meta: ly.SummaryMeta) -> tuple[bool, tuple[ListChange, ...]]:
    """Whether the summary's proposal lists were edited after the tool wrote them, and how (the data's lines against
    the sheets'); a summary that shows no such lists (a year made from its periods) is not compared."""
    if not meta.lists_digest:
        return False, ()
    visible = {m.name: str(m.visible).endswith("Visible") for m in workbook.sheets_metadata}
    rows = {name: workbook.get_sheet_by_name(name).to_python() for name in (sx.S_PROPOSAL, sx.S_COLLECTIVE)
            if name in visible}
    rows |= {name: workbook.get_sheet_by_name(name).to_python() for name, shown in visible.items()
             if shown and name not in OWN_SHEETS}  # a sheet the tool never writes: a list copied, perhaps
    data = data_lines(meta)
    shown = shown_lines(rows.get(sx.S_PROPOSAL, []))
    changes = list(compare(data, shown))
    for name, cells in rows.items():
        kind = _laid_out_as(cells)
        if kind is None:
            continue
        if name in (sx.S_PROPOSAL, sx.S_COLLECTIVE) and not visible[name]:
            changes.append(ListChange(SHEET_HIDDEN, "", "", name))
        elif name not in (sx.S_PROPOSAL, sx.S_COLLECTIVE):
            changes.append(ListChange(SHEET_COPY, "", "", name))
            if kind == sx.S_PROPOSAL:
                changes += compare(data, shown_lines(cells))
        changes += _captions(name, cells) if kind == sx.S_PROPOSAL else _collectives(cells, meta)
    changes = list(dict.fromkeys(changes))
    return bool(changes) or ly.lists_digest(shown) != meta.lists_digest, tuple(changes)


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
