"""The officer's pass over the level above's summary (``merge … --council tong-hop-xa.xlsx``): the metadata the
tool wrote says which row is which proposal — the lines of sheet "Danh sách", those the officer took off below them,
and those held apart on sheet "Chờ quyết định" —, with the fingerprint of the school's file each was read from and a
digest of what the row shows of who and what it is; only the officer's two cells of each are read ("Đồng ý", the
reason), with the cells that say which proposal the row is, compared with that digest (a row swapped with another,
cut and pasted, typed over: its mark decides nothing, commune.decide says so). What the marks mean is decided
with the schools' files (commune.decide): unticked with a reason takes a line off, ticked with a reason accepts
one held apart. The record is sealed by the commune that wrote it (model.commune.officer_seal) and says it is the
officer's book: a record re-pointed, a copy sent on by mail (``--thu``) and ticked by whoever received it, decide
nothing. Every field of the record is typed before use: one this release does not write is refused by name, never
read as something else. Contained like any book read back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    HELD,
    LEVEL_ABOVE_META_KIND,
    LISTED,
    OFFICER_BOOK,
    OFFICER_SEAL_FIELD,
    PURPOSE_FIELD,
    SENT_COPY,
    TAKEN_OFF,
    DecisionKey,
    LevelAbove,
    OfficerMark,
    OfficerPass,
    ProposalKey,
    officer_seal,
    record_body,
    shown_digest,
)
from thidua_xlsx.model.commune_key import CommuneKey, legacy_officer_seal_of
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue, reason
from thidua_xlsx.read.containment import read_own_book
from thidua_xlsx.read.own_summary import open_book

if TYPE_CHECKING:  # for the annotations only: python-calamine loads when a book is read
    from python_calamine import CalamineWorkbook

NAME_COLUMN = 1  # "Họ và tên / Tập thể" of every sheet the officer marks (commune.write)
# Why a commune summary is no officer's book to decide by (message codes): these two are a book of an earlier release,
# whose decisions are asked again (the merge goes on); the others refuse the book.
Record = Mapping[str, object]  # an officer's book's metadata, as its JSON holds it: each field typed before use
Grid = Sequence[Sequence[object]]  # a sheet's cells as calamine reads them
SEAL_OLD, RECORD_OLD = "level_above.officer_seal_old", "level_above.officer_record_old"
ASKED_AGAIN = (SEAL_OLD, RECORD_OLD)
NOT_SEALED, SENT, RECORD_UNKNOWN = "level_above.officer_seal", "level_above.officer_sent", "level_above.officer_record"
# Why her kept book (hoi-dong/xa-duyet.xlsx) is refused, by the refusal's code, worded without the advice meant for a
# book given (level_above.officer_kept_unused says what to do); any other refusal: the file itself is damaged.
_KEPT_WHY = {"level_above.council_other": "level_above.kept_other",
             "level_above.officer_sheet": "level_above.kept_sheet", NOT_SEALED: "level_above.kept_seal",
             SENT: "level_above.kept_sent", RECORD_UNKNOWN: "level_above.kept_record"}


class _Line(NamedTuple):
    """One line of the record: its row (0-based), its proposal's key, its file's fingerprint, its shown digest."""

    row: int
    key: ProposalKey
    fingerprint: str
    shown: str


class _Part(NamedTuple):
    """The lines of one part of the officer's book (LISTED, TAKEN_OFF, HELD): its sheet, the officer's two columns,
    the columns that say which proposal a row is, its lines."""

    part: str
    sheet: str
    officer: tuple[int, int]
    shown: tuple[int, ...]
    lines: tuple[_Line, ...]


class _Unknown(ValueError):
    """A sealed record whose fields are not as this release writes them (a newer release's)."""


class _NoSheet(LookupError):
    """A sheet the record names is not in the book (deleted or renamed)."""

    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.sheet = sheet


def read_officer(path: Path, campaign: LevelAbove, key: CommuneKey, problems: Problems) -> OfficerPass | None:
    """The officer's marks of every line, or None when ``path`` is not this campaign's officer's book sealed with its
    ``key`` (said in ``problems``); no marks (said) when it is her book of an earlier release: asked again."""
    from python_calamine import CalamineError  # deferred: python-calamine at start-up

    name = Path(path).name
    try:
        data = read_own_book(Path(path), problems, "level_above.council_other", file=name, year="?")
    except OSError:
        problems.add("file.unreadable", file=name)
        return None
    if data is None:
        return None
    try:
        return _officer_pass(open_book(data), name, campaign, key, problems)
    except CalamineError:  # a file calamine cannot read as a workbook, once past the containment's checks
        problems.add("level_above.council_other", file=name, year="?")
    except _NoSheet as missing:
        problems.add("level_above.officer_sheet", file=name, sheet=missing.sheet)
    return None


def kept_unusable(why: Problems, file: str) -> Issue:
    """What is said of the kept book ``file`` :func:`read_officer` refused (its refusal in ``why``): one it could not
    open now (open elsewhere, locked, not readable) is to be closed and read again, its decisions kept; one that cannot
    be used any more, with why in a phrase, is to be dropped (--bo-duyet)."""
    if any(p.code == "file.unreadable" for p in why):
        return issue("level_above.officer_kept_unreadable", WARNING, file=file)
    refused = next((p for p in why if p.code in _KEPT_WHY), None)
    said = reason("level_above.kept_damaged") if refused is None else reason(
        _KEPT_WHY[refused.code], **({"sheet": refused.sheet} if refused.code.endswith("_sheet") else {}))
    return issue("level_above.officer_kept_unused", WARNING, file=file, why=said)


def _officer_pass(book: CalamineWorkbook, name: str, campaign: LevelAbove, key: CommuneKey, problems: Problems
                  ) -> OfficerPass | None:
    """:func:`read_officer` of the opened ``book``."""
    meta = _meta(book) or {}
    if meta.get("campaign_id") != campaign.id or meta.get("school_year") != campaign.school_year:
        year = meta.get("school_year")
        problems.add("level_above.council_other", file=name, year=year if isinstance(year, str) else "?")
        return None
    why, parts = officer_record(meta, key)
    if why == NOT_SEALED and sealed_before_key(meta, campaign.id):
        why = SEAL_OLD
    if why in ASKED_AGAIN:  # her book of an earlier release, its own seal matching: carried, each decision re-checked
        problems.add(why, WARNING, file=name)
        try:
            return OfficerPass(name, _marks(book, _earlier_parts(meta), earlier=True))
        except _Unknown:
            return OfficerPass(name, {})
    if why:  # a line re-pointed, a copy sent on, a record of another release: nothing of it decides
        problems.add(why, file=name)
        return None
    return OfficerPass(name, _marks(book, parts))


def officer_record(meta: Record, key: CommuneKey) -> tuple[str, tuple[_Part, ...]]:
    """The parts of an officer's book's record, typed, with "" — or why the record is none this release reads as
    one (a message code: not sealed by the commune of ``key``, written before the lines' identities, a copy sent on,
    fields of another release), with no part."""
    if not sealed(meta, key):
        return NOT_SEALED, ()
    purpose = meta.get(PURPOSE_FIELD)
    if purpose is None:
        return RECORD_OLD, ()
    if purpose == SENT_COPY:
        return SENT, ()
    if purpose != OFFICER_BOOK:
        return RECORD_UNKNOWN, ()
    try:
        return "", (_part(LISTED, meta, "rows"), _part(TAKEN_OFF, meta, "removed_rows"),
                    _part(HELD, meta.get("held"), "rows"))
    except _Unknown:
        return RECORD_UNKNOWN, ()


def not_officer_book(meta: Record, key: CommuneKey, campaign_id: str | None) -> str:
    """Why a commune summary's record is no officer's book of the commune of ``key`` (a message code, "" when it is
    one): :func:`officer_record`'s, a seal of a release before 0.8 told by the campaign's id."""
    why, _parts = officer_record(meta, key)
    if why == NOT_SEALED and campaign_id is not None and sealed_before_key(meta, campaign_id):
        return SEAL_OLD
    return why


def _part(part: str, where: object, rows: str) -> _Part:
    """One part of the record, typed (:class:`_Unknown` when a field is not as written)."""
    if not isinstance(where, dict):
        raise _Unknown(part)
    officer, shown = _indexes(where.get("columns")), _indexes(where.get("shown"))
    if len(officer) != 2 or not shown:
        raise _Unknown(part)
    lines = where.get(rows)
    if not isinstance(lines, list):
        raise _Unknown(part)
    return _Part(part, _text(where.get("sheet")), (officer[0], officer[1]), shown, tuple(map(_line, lines)))


def _line(value: object) -> _Line:
    """A line of the record: [row, school, kind, who, title, fingerprint, shown digest]."""
    if not isinstance(value, list) or len(value) != 7:
        raise _Unknown("line")
    row, school, kind, who, title, fingerprint, shown = value
    return _Line(_index(row), (_text(school), _text(kind), _text(who), _text(title)), _text(fingerprint),
                 _text(shown))


def _earlier_parts(meta: Record) -> tuple[_Part, ...]:
    """The parts of an officer's book of an earlier release (0.6 to 0.8.0: the lines of "Danh sách" and those taken
    off under its sheet and columns, those held apart under "held"; each line [row, school, kind, who, title,
    fingerprint], no digest of what it shows), typed (:class:`_Unknown` when not as written)."""
    held = meta.get("held") if meta.get("held") is not None else {"sheet": "", "columns": [0, 0], "rows": []}
    listed = {"sheet": meta.get("sheet"), "columns": meta.get("columns"), "rows": meta.get("rows"),
              "removed_rows": meta.get("removed_rows", [])}
    return tuple(_earlier_part(part, where, rows) for part, where, rows in (
        (LISTED, listed, "rows"), (TAKEN_OFF, listed, "removed_rows"), (HELD, held, "rows")))


def _earlier_part(part: str, where: object, rows: str) -> _Part:
    if not isinstance(where, dict):
        raise _Unknown(part)
    officer, lines = _indexes(where.get("columns")), where.get(rows)
    if len(officer) != 2 or not isinstance(lines, list) or not all(isinstance(x, list) and len(x) == 6
                                                                    for x in lines):
        raise _Unknown(part)
    return _Part(part, _text(where.get("sheet")), (officer[0], officer[1]), (),
                 tuple(_line([*line, ""]) for line in lines))


def _indexes(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise _Unknown("columns")
    return tuple(map(_index, value))


def _index(value: object) -> int:
    if type(value) is not int or value < 0:  # a bool is no row
        raise _Unknown("index")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Unknown("text")
    return value


def _marks(book: CalamineWorkbook, parts: tuple[_Part, ...], earlier: bool = False
           ) -> dict[ProposalKey, OfficerMark]:
    """Each recorded line's marks by its key (:class:`_NoSheet` when a sheet the record names is gone); ``earlier``:
    of a book of an earlier release (OfficerMark.earlier)."""
    grids: dict[str, Grid] = {}
    found: dict[ProposalKey, OfficerMark] = {}
    for part in parts:
        if part.lines and part.sheet not in grids:
            if part.sheet not in book.sheet_names:
                raise _NoSheet(part.sheet)
            grids[part.sheet] = book.get_sheet_by_name(part.sheet).to_python()
        for line in part.lines:
            found[line.key] = _mark(part, line, grids[part.sheet], earlier)
    return found


def _mark(part: _Part, line: _Line, grid: Grid, earlier: bool = False) -> OfficerMark:
    """The officer's two cells of ``line``, and whether the cells that say which proposal it is read as written."""
    cells = grid[line.row] if line.row < len(grid) else []

    def at(col: int) -> str:
        return cm.clean_text(cells[col] if col < len(cells) else "")

    shown = tuple(at(col) for col in part.shown)
    agree_col, reason_col = part.officer
    return OfficerMark(bool(at(agree_col)), at(reason_col), part.part, part.sheet, line.row + 1, at(NAME_COLUMN),
                       not earlier and shown_digest(shown) == line.shown, " – ".join(cell for cell in shown if cell),
                       line.fingerprint, earlier)


def sealed(meta: Record, key: CommuneKey) -> bool:
    """Whether a commune summary's metadata carries the seal the commune of ``key`` made over it (one sealed before
    0.8, with the campaign id, does not: asked again)."""
    seal = meta.get(OFFICER_SEAL_FIELD)
    return isinstance(seal, str) and ly.same_seal(seal, officer_seal(key, meta))


def sealed_before_key(meta: Record, campaign_id: str) -> bool:
    """Whether a commune summary's metadata carries the seal a release before 0.8 made with the campaign id."""
    seal = meta.get(OFFICER_SEAL_FIELD)
    return isinstance(seal, str) and ly.same_seal(seal, legacy_officer_seal_of(campaign_id, [record_body(meta)]))


def record_of(path: Path) -> Record:
    """A commune summary's metadata ({} when it has none of ours)."""
    return _meta(open_book(Path(path).read_bytes())) or {}


def _meta(book: CalamineWorkbook) -> Record | None:
    if ly.META_SHEET not in book.sheet_names:
        return None
    rows = book.get_sheet_by_name(ly.META_SHEET).to_python()
    try:
        data = ly.meta_json([row[0] for row in rows if row], ly.MAX_SUMMARY_META_CHARS)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("kind") != LEVEL_ABOVE_META_KIND or data.get("app") != ly.APP_ID:
        return None
    return data


def held_rows(path: Path, key: CommuneKey) -> tuple[str, tuple[int, int], list[tuple[int, DecisionKey]]] | None:
    """Where an officer's book of ours holds its proposals apart: the sheet, the officer's two columns (0-based) and
    each line's (row 0-based, (school, kind, who, title, fingerprint)), from its metadata; no rows when it holds none.
    None when it is no officer's book of the commune of ``key`` (:func:`not_officer_book` says why)."""
    why, parts = officer_record(_meta(open_book(Path(path).read_bytes())) or {}, key)
    if why:
        return None
    held = parts[-1]
    return held.sheet, held.officer, [(line.row, (*line.key, line.fingerprint)) for line in held.lines]


def held_marks(path: Path, key: CommuneKey) -> dict[DecisionKey, tuple[bool, str]] | None:
    """The officer's marks on the lines an officer's book of ours holds apart: {key with the file's fingerprint:
    (ticked, reason)}; None when it is no officer's book of the commune of ``key``."""
    book = open_book(Path(path).read_bytes())
    why, parts = officer_record(_meta(book) or {}, key)
    if why:
        return None
    return {(*key, mark.fingerprint): (mark.agree, mark.reason)
            for key, mark in _marks(book, parts).items() if mark.part == HELD}
