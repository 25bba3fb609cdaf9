"""The council's summary read back (``merge INBOX --council SUMMARY.xlsx``): only the cells the council
fills in — scores, decisions and notes, the vote count — each found by its header, every impossible
entry reported by cell. The titles typed (decisions, the tally's) are read as their codes. Applying them
is :mod:`thidua_xlsx.decide.council`."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.council import CouncilEntry, CouncilInput, TallyInput, VoteCount
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, Problems, issue
from thidua_xlsx.model.layout import a1
from thidua_xlsx.model.titles import NO_PROPOSAL
from thidua_xlsx.model.titles import code as title_code
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.model.typed import typed_text
from thidua_xlsx.read.own_summary import calamine_error
from thidua_xlsx.read.registrations import checked_summary
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.messages import YEAR_STATE_WORDS
from thidua_xlsx.text.period_pass import PART_BLANK


def read_council(path: Path, campaign: cm.Campaign, problems: Problems) -> CouncilInput | None:
    """The council's cells of ``path``, or None with the reason in ``problems`` (a wrong file)."""
    opened = checked_summary(path, campaign, problems, ly.SCORING)
    if opened is None:
        return None
    meta = opened.meta
    try:
        sheets = _sheets(opened.book)
    except calamine_error():  # a broken sheet (its XML cut, a string it does not hold) becomes one message
        problems.add("council.unreadable", file=path.name, path=str(path))
        return None
    found: list[Issue] = []
    read = _entries(path.name, sheets, campaign, found, meta)
    if read is None:
        problems.add("council.no_period_columns" if meta.period else "council.no_council_columns", path=str(path))
        return None
    entries, codes = read
    return CouncilInput(path.name, meta, entries, _tally(path.name, sheets, found), tuple(found), codes)


def council_period(path: Path, campaign: cm.Campaign, problems: Problems) -> str | None:
    """The period of the summary the council met with ("": the year's, or the year's round), from its metadata alone:
    a command checks it before any work. None when it is not this campaign's scoring summary (``problems`` say
    why)."""
    opened = checked_summary(path, campaign, problems, ly.SCORING)
    return None if opened is None else opened.meta.period


def _sheets(book) -> dict[str, list[list]]:
    """Every sheet's values from A1 of the calamine workbook ``book``: the summary of a province is
    millions of cells (openpyxl took 46 s on that of 84,000 people). A cell is read through :func:`_value`."""
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names
            if name != ly.META_SHEET}


def _value(row: list, col: int):
    """The cell ``col`` of ``row`` as the council typed it (:func:`campaign.cell_value`)."""
    return cm.cell_value(row[col]) if col < len(row) else None


def _header(rows: list[list], wanted: dict[str, str]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows):
        texts = [cm.clean_text(v) for v in row]
        if all(h in texts for h in wanted.values()):
            return r, {k: texts.index(h) for k, h in wanted.items()}
    return None


def _entries(file: str, sheets, campaign: cm.Campaign, found: list[Issue],
             meta: ly.SummaryMeta) -> tuple[tuple[CouncilEntry, ...], frozenset[str]] | None:
    """The council's entries, and the codes of every row its sheet shows. A person's row twice is reported
    with both rows and neither is used: which one the council meant is not guessed. A period's summary (the head's
    pass) has no decision column: one there (a summary written before) is not read, and what is typed in it is said
    by its cell; so is a score typed over in Điểm xét, which no pass reads."""
    heads = sx.PERIOD_COUNCIL_HEADS if meta.period else sx.COUNCIL_HEADS
    names = {p.code: p.name for p in campaign.staff}
    written = _written(meta)
    for name, rows in sheets.items():
        head = _header(rows, heads)
        if head is None:
            continue
        start, cols = head
        cols |= _part_columns(rows[start]) if meta.period else {}
        unread = _unread_columns(rows[start], meta)
        choices = {title_name(c): c for c in (*campaign.titles.individual, NO_PROPOSAL)}  # as its dropdown lists them
        entries: list[CouncilEntry] = []
        rows_of: dict[str, list[int]] = {}
        for r in range(start + 1, len(rows)):
            code = cm.clean_text(_value(rows[r], cols["code"]))
            if not code:
                continue
            rows_of.setdefault(code, []).append(r + 1)
            found += _typed_unread(rows[r], r, unread, code, names.get(code, code), written, file, name)
            entry = _entry(rows[r], r, cols, code, names.get(code, code), choices, file, name, found)
            if entry is not None:
                entries.append(entry)
        twice = {code: found_rows for code, found_rows in rows_of.items() if len(found_rows) > 1}
        found += [issue("council.duplicate_row", ERROR, file=file, sheet=name, person=code,
                        rows=", ".join(map(str, found_rows))) for code, found_rows in twice.items()]
        return tuple(e for e in entries if e.code not in twice), frozenset(rows_of)
    return None


def _entry(row: list, r: int, cols: dict[str, int], code: str, person: str, choices: dict[str, str], file: str,
           sheet: str, found: list[Issue]) -> CouncilEntry | None:
    """The council's entry on row ``r`` (0-based) of person ``code``, None when nothing is typed in its columns: the
    score as a number, the decision among ``choices``, the note cleaned of a paste's control characters (each said
    at its cell)."""
    cell = lambda key: _value(row, cols[key])  # noqa: E731
    score, kept = cell("score"), typed_text(str(cell("note") or ""))
    note = kept.text
    if kept.removed:  # a paste's control characters: taken out of the note, said by its cell
        found.append(issue("council.note_cleaned", WARNING, file=file, sheet=sheet, cell=a1(r, cols["note"]),
                           name=person, person=code, count=kept.removed))
    typed = cm.clean_text(cell("decision")) if "decision" in cols else ""
    parts = {part: cell(part) for part in sx.PERIOD_COUNCIL_PARTS if part in cols}
    if score in (None, "") and not typed and not note and all(v in (None, "") for v in parts.values()):
        return None
    number = _number(score)
    if score not in (None, "") and number is None:
        found.append(issue("council.bad_score", ERROR, file=file, sheet=sheet, cell=a1(r, cols["score"]),
                           value=cm.clean_text(score)))
    decision = _choice(typed, choices) if typed else ""
    if typed and not decision:
        found.append(issue("council.bad_decision", ERROR, file=file, sheet=sheet, cell=a1(r, cols["decision"]),
                           value=typed, choices=", ".join(choices)))
    where = dict(file=file, sheet=sheet, name=person, person=code)
    return CouncilEntry(code, number, decision, note, sheet, r + 1,
                        _head_parts(parts, number, r, cols, where, found) if parts else ev.UNKNOWN_PARTS)


def _part_columns(head: list) -> dict[str, int]:
    """The columns of the two parts of the head's score in a period's sheet, where it has both (since 0.9, and only
    where the rubric is the decree's frame); none in an older summary: her score is then a total alone."""
    texts = [cm.clean_text(v) for v in head]
    wanted = sx.PERIOD_COUNCIL_PARTS
    return {key: texts.index(text) for key, text in wanted.items()} if all(t in texts for t in wanted.values()) else {}


def _head_parts(typed: dict[str, object], score: float | None, r: int, cols: dict[str, int], where: dict,
                found: list[Issue]) -> ev.Parts:
    """The two parts the head typed beside her score on row ``r`` (0-based): each a number from 0 to its maximum (NĐ
    233/2026 điều 10, 11), both there and adding up to her score — else said by their cells and not used (her score
    counts alone, its parts not known: never a part made up)."""
    numbers = {}
    for part, value in typed.items():
        numbers[part] = number = _number(value)
        if value not in (None, "") and (number is None or not 0 <= number <= ev.PART_MAX[part]):
            found.append(issue("council.bad_part", WARNING, cell=a1(r, cols[part]), part=sx.PERIOD_COUNCIL_PARTS[part],
                               value=cm.clean_text(value), max=ev.PART_MAX[part], **where))
            return ev.UNKNOWN_PARTS
    parts = ev.Parts(numbers[ev.GENERAL], numbers[ev.TASKS])
    if parts == ev.UNKNOWN_PARTS or parts.make(score):
        return parts
    found.append(issue("council.parts_not_total", WARNING, cell=f"{a1(r, cols[ev.GENERAL])}:{a1(r, cols[ev.TASKS])}",
                       general=_part_text(parts.general), tasks=_part_text(parts.tasks), total=_part_text(score),
                       **where))
    return ev.UNKNOWN_PARTS


def _part_text(value: float | None) -> str:
    """A part or a score as the message says it: two decimals cut, or blank."""
    return PART_BLANK if value is None else cm.score_text(value)


class _Written(NamedTuple):
    """What the summary wrote for each person by code: the score that counts (a period's people, a year-end's
    people_info) and the year's rating (a year-end's outcomes)."""

    finals: dict[str, float | None]
    ratings: dict[str, str | None]


def _written(meta: ly.SummaryMeta) -> _Written:
    if meta.period:
        return _Written({row[0]: row[1] for row in meta.people}, {})
    return _Written({row[0]: row[5] for row in meta.people_info if len(row) > 5},
                    {row[0]: row[3] for row in meta.outcomes if len(row) > 3})


def _unread_columns(head: list, meta: ly.SummaryMeta) -> dict[str, tuple[int, str]]:
    """The columns of the council's sheet someone may type in that no pass reads, each (column, heading): the score
    written (Điểm xét; a year's Điểm năm), a year's rating (Xếp loại năm), and a period's decision column (a summary
    written before a period's had none)."""
    texts = [cm.clean_text(v) for v in head]
    final = sx.DETAIL_HEAD_LAST[5] if sx.DETAIL_HEAD_LAST[5] in texts else sx.YEAR_HEAD_LAST[1]  # Điểm xét, Điểm năm
    wanted = {"final": final, "rating": sx.YEAR_HEAD_LAST[7],
              **({"decision": sx.COUNCIL_HEADS["decision"]} if meta.period else {})}
    return {key: (texts.index(text), text) for key, text in wanted.items() if text in texts}


def _typed_unread(row: list, r: int, unread: dict[str, tuple[int, str]], code: str, person: str,
                  written: _Written, file: str, sheet: str) -> list[Issue]:
    """What row ``r`` holds in the columns of ``unread`` that the summary did not write there: a warning at its cell,
    never dropped silently."""
    found = []
    where = dict(file=file, sheet=sheet, name=person, person=code)
    if "decision" in unread:
        typed = cm.clean_text(_value(row, unread["decision"][0]))
        if typed:
            found.append(issue("council.period_decision_not_read", WARNING, cell=a1(r, unread["decision"][0]),
                               value=typed, **where))
    if "final" in unread and code in written.finals:
        col, heading = unread["final"]
        shown, score = _value(row, col), written.finals[code]
        number = _number(shown)
        if score is None:
            same = shown in (None, "") or cm.clean_text(shown) == sx.YEAR_NO_SCORE
        else:
            same = number is not None and cm.score_value(number) == cm.score_value(float(score))
        if not same:
            found.append(issue("council.final_typed_over", WARNING, cell=a1(r, col), column=heading,
                               shown=cm.clean_text(shown) or "—", value=_shown_score(score), **where))
    if "rating" in unread and code in written.ratings:
        col, heading = unread["rating"]
        typed, rating = cm.clean_text(_value(row, col)), written.ratings[code]
        # no rating in the data: the sheet said the year not rated, or not rated yet
        if typed not in ((rating,) if rating else tuple(YEAR_STATE_WORDS.values())):
            found.append(issue("council.rating_typed_over", WARNING, cell=a1(r, col), column=heading,
                               shown=typed or "—", value=rating or sx.YEAR_NOT_RATED, **where))
    return found


def _shown_score(value: float | None) -> str:
    """A score as the summary's sheet shows it (two decimals, cut; "—" for none)."""
    return "—" if value is None else cm.score_text(float(value))


def _tally(file: str, sheets, found: list[Issue]) -> TallyInput:
    for name, rows in sheets.items():
        head = _header(rows, {k: v for k, v in sx.TALLY_HEADS.items() if k in ("code", "title", "votes")})
        if head is None:
            continue
        start, cols = head
        fields, cells = {}, {}
        for r in range(start):
            label = cm.clean_text(_value(rows[r], 0))
            key = next((k for k, v in sx.TALLY_FIELDS.items() if v == label), None)
            if key is not None:
                value = next((v for c in range(1, len(rows[r])) if (v := _value(rows[r], c)) is not None), None)
                cells[key] = a1(r, 2)
                fields[key] = _count(value, file, name, cells[key], found)
        limits = _limits(fields, file, name, cells, found)
        counts = []
        for r in range(start + 1, len(rows)):
            row = rows[r]
            code, title = cm.clean_text(_value(row, cols["code"])), cm.clean_text(_value(row, cols["title"]))
            votes = _count(_value(row, cols["votes"]), file, name, a1(r, cols["votes"]), found)
            if code and title:
                above = next(((key, limit) for key, limit in limits if votes is not None and votes > limit), None)
                if above is not None:
                    found.append(issue("council.votes_above", ERROR, file=file, sheet=name, cell=a1(r, cols["votes"]),
                                       counted=sx.TALLY_VOTES_OF.format(person=code), votes=votes, limit=above[1],
                                       what=sx.TALLY_FIELDS[above[0]].lower()))
                    votes = None
                counts.append(VoteCount(code, title_code(title), votes))
        return TallyInput(counts=tuple(counts), **fields)
    return TallyInput()


def _limits(fields: dict, file: str, sheet: str, cells: dict, found: list[Issue]) -> list[tuple[str, int]]:
    """The counts no other may pass: the members, then the ballots returned (absent members vote in
    writing, so those, not the members present, bound the votes). A count above the members is reported
    and not used."""
    members = fields.get("members")
    for key in ("present", "ballots_issued", "ballots_returned"):
        if members is not None and fields.get(key) is not None and fields[key] > members:
            found.append(issue("council.votes_above", ERROR, file=file, sheet=sheet, cell=cells[key],
                               counted=sx.TALLY_FIELDS[key], votes=fields[key], limit=members,
                               what=sx.TALLY_FIELDS["members"].lower()))
            fields[key] = None
    bound = "ballots_returned" if fields.get("ballots_returned") is not None else "present"
    return [(key, fields[key]) for key in ("members", bound) if fields.get(key) is not None]


def _choice(typed: str, choices: dict[str, str]) -> str:
    """The code of the choice named ``typed`` (as listed, else case, accents and spacing aside); "" for none."""
    if typed in choices:
        return choices[typed]
    return next((c for text, c in choices.items() if fold(text) == fold(typed)), "")


def _count(value, file: str, sheet: str, cell: str, found: list[Issue]) -> int | None:
    if value in (None, ""):
        return None
    number = _number(value)
    if number is None or number < 0 or number != int(number):
        found.append(issue("council.bad_count", ERROR, file=file, sheet=sheet, cell=cell, value=cm.clean_text(value)))
        return None
    return int(number)


def _number(value) -> float | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(cm.clean_text(value).replace(",", "."))
    except ValueError:
        return None
