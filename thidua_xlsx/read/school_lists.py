"""A school's proposal lists, as its summary's sheet "Đề nghị khen thưởng" shows them and as its data gives them
(the hidden metadata the level above decides from): the tool writes both alike and seals the shown lists with a
digest (model.layout.lists_digest). Any difference between the two views, or between the shown lists and the seal,
means the summary was edited after the tool wrote it; the differences are named line by line (a proposal added or
removed, a person renamed, a title or a place changed), each by the data's person and title where it has one."""

from __future__ import annotations

from collections import Counter

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.level_above import ADDED, MOVED, REMOVED, RENAMED, RETITLED, ListChange
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx

PROPOSAL_TITLE_COLUMN = 6  # "Danh hiệu đề nghị" of sheet Đề nghị khen thưởng (write.summary.proposals)

Line = tuple[str, str, str, str]  # (name, position, department, title's words), spaces aside


def list_check(workbook, meta: ly.SummaryMeta) -> tuple[bool, tuple[ListChange, ...]]:
    """Whether the summary's proposal lists were edited after the tool wrote them, and how (the data's lines against
    the sheet's); a summary that shows no such lists (a year made from its periods) is not compared."""
    if not meta.lists_digest:
        return False, ()
    shown = shown_lines(workbook)
    changes = compare(data_lines(meta), shown)
    return bool(changes) or ly.lists_digest(shown) != meta.lists_digest, changes


def shown_lines(workbook) -> list[Line]:
    """The proposal lines sheet "Đề nghị khen thưởng" shows now (its numbered rows that name a title)."""
    if sx.S_PROPOSAL not in workbook.sheet_names:
        return []
    col = PROPOSAL_TITLE_COLUMN
    return [_line(row[1], row[2], row[3], row[col]) for row in workbook.get_sheet_by_name(sx.S_PROPOSAL).to_python()
            if len(row) > col and isinstance(row[0], (int, float)) and not isinstance(row[0], bool) and row[col]]


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


def _line(*cells) -> Line:
    name, position, department, title = (" ".join(str(cell or "").split()) for cell in cells)
    return name, position, department, title
