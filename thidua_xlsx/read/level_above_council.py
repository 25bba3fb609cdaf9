"""The officer's pass over the level above's summary (``merge … --council tong-hop-xa.xlsx``): the metadata the
tool wrote says which row is which proposal — the lines of sheet "Danh sách", those the officer took off below them,
and those held apart on sheet "Chờ quyết định" —, with the fingerprint of the school's file each was read from; only
the officer's two cells of each are read ("Đồng ý", the reason) with the name shown beside, which decide.level_above
checks against the line's key. What they mean is decided with the schools' files (decide.level_above): unticked with a
reason takes a line off, ticked with a reason accepts one held apart. The record is sealed by the commune that wrote
it (model.level_above.officer_seal): a record re-pointed decides nothing. Contained like any book read back."""

from __future__ import annotations

import hmac
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune_key import CommuneKey, legacy_officer_seal_of
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.model.level_above import (
    HELD,
    LEVEL_ABOVE_META_KIND,
    LISTED,
    OFFICER_SEAL_FIELD,
    TAKEN_OFF,
    LevelAbove,
    OfficerMark,
    OfficerPass,
    officer_seal,
    record_body,
)
from thidua_xlsx.read.containment import read_own_book
from thidua_xlsx.read.own_summary import open_book

NAME_COLUMN = 1  # "Họ và tên / Tập thể" of every sheet the officer marks (write.level_above)


def read_officer(path: Path, campaign: LevelAbove, key: CommuneKey, problems: Problems) -> OfficerPass | None:
    """The officer's marks of every line, or None when ``path`` is not this campaign's level above summary sealed
    with its ``key`` (said in ``problems``)."""
    name = Path(path).name
    try:
        data = read_own_book(Path(path), problems, "level_above.council_other", file=name, year="?")
        if data is None:
            return None
        book = open_book(data)
        meta = _meta(book) or {}
        ours = meta.get("campaign_id") == campaign.id and meta.get("school_year") == campaign.school_year
        if ours and not sealed(meta, key) and sealed_before_key(meta, campaign.id):  # nothing decided: asked again
            problems.add("level_above.officer_seal_old", WARNING, file=name)
            return OfficerPass(name, {})
        if ours and not sealed(meta, key):  # a line of the record re-pointed: nothing of it decides
            problems.add("level_above.officer_seal", file=name)
            return None
        marks = _marks(book, meta) if ours else None
    except OSError:
        problems.add("file.unreadable", file=name)
        return None
    except Exception:  # calamine raises many kinds on a broken or foreign file, a foreign record many more: one message
        meta, marks = None, None
    if marks is None:
        problems.add("level_above.council_other", file=name, year=(meta or {}).get("school_year", "?"))
        return None
    return OfficerPass(name, marks)


def _marks(book, meta: dict) -> dict[tuple, OfficerMark]:
    """Each recorded line's marks by its key; raises (KeyError, TypeError, ValueError …) on a record we did not
    write."""
    held = meta.get("held") or {"sheet": "", "columns": [0, 0], "rows": []}
    parts = ((LISTED, meta["sheet"], meta["columns"], meta["rows"]),
             (TAKEN_OFF, meta["sheet"], meta["columns"], meta.get("removed_rows", [])),
             (HELD, held["sheet"], held["columns"], held["rows"]))
    grids: dict[str, list] = {}
    found = {}
    for part, sheet, (agree_col, reason_col), rows in parts:
        if rows and sheet not in grids:
            grids[sheet] = book.get_sheet_by_name(sheet).to_python()
        for row, school, kind, who, title, fingerprint in rows:
            line = grids[sheet][row] if 0 <= row < len(grids[sheet]) else []
            cells = [cm.clean_text(line[col] if col < len(line) else "")
                     for col in (agree_col, reason_col, NAME_COLUMN)]
            found[(str(school), str(kind), str(who), str(title))] = OfficerMark(
                bool(cells[0]), cells[1], part, sheet, int(row) + 1, cells[2], str(fingerprint))
    return found


def sealed(meta: dict, key: CommuneKey) -> bool:
    """Whether a commune summary's metadata carries the seal the commune of ``key`` made over it (one sealed before
    0.8, with the campaign id, does not: asked again)."""
    seal = meta.get(OFFICER_SEAL_FIELD)
    return isinstance(seal, str) and hmac.compare_digest(seal, officer_seal(key, meta))


def sealed_before_key(meta: dict, campaign_id: str) -> bool:
    """Whether a commune summary's metadata carries the seal a release before 0.8 made with the campaign id."""
    seal = meta.get(OFFICER_SEAL_FIELD)
    return isinstance(seal, str) and hmac.compare_digest(seal, legacy_officer_seal_of(campaign_id, [record_body(meta)]))


def record_of(path: Path) -> dict:
    """A commune summary's metadata ({} when it has none of ours)."""
    return _meta(open_book(Path(path).read_bytes())) or {}


def _meta(book) -> dict | None:
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


def held_rows(path: Path, key: CommuneKey) -> tuple[str, tuple[int, int], list] | None:
    """Where a commune summary of ours holds its proposals apart: the sheet, the officer's two columns (0-based) and
    each line's (row 0-based, school, kind, who, title, fingerprint), from its metadata; no sheet and no rows when it
    holds none. None when the metadata is not sealed by the commune of ``key``."""
    meta = _meta(open_book(Path(path).read_bytes())) or {}
    if not sealed(meta, key):
        return None
    held = meta.get("held") or {"sheet": "", "columns": [0, 0], "rows": []}
    agree_col, reason_col = held["columns"]
    return str(held["sheet"]), (int(agree_col), int(reason_col)), list(held["rows"])


def held_marks(path: Path, key: CommuneKey) -> dict[tuple, tuple[bool, str]] | None:
    """The officer's marks on the lines a commune summary of ours holds apart: {key with the file's fingerprint:
    (ticked, reason)}; None when its metadata is not sealed by the commune of ``key``."""
    book = open_book(Path(path).read_bytes())
    meta = _meta(book) or {}
    if not sealed(meta, key):
        return None
    return {(*key, mark.fingerprint): (mark.agree, mark.reason)
            for key, mark in _marks(book, meta).items() if mark.part == HELD}
