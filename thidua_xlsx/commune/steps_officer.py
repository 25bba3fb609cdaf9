"""The commune officer's decisions on the proposals held apart, typed on the page (accept or reject, each with its
reason), written where she would tick them in Excel: into a copy of the commune's last summary, its sheet "Chờ quyết
định" ("Đồng ý", the reason), kept as ``hoi-dong/xa-duyet.xlsx``; her summary ticked in Excel and given to a merge
(``--council``) is kept there too. Every later merge and status of the commune, from either door, reads the kept
book as the officer's pass (said), until another replaces it or she drops it (``--bo-duyet``: moved to
``hoi-dong/cu/``, never deleted), so her word is kept, and the file is hers to open and check.

Each decision is keyed by who and what it is about — the school, the kind, the person's (or department's) code, the
title and the fingerprint of the school's file — never by a place in a list; a decision whose key the last summary
does not hold apart, on that very file, is refused. Her reasons are kept as typed: text (never a formula), control
characters taken out and said, a reason over its limit refused. Everything is checked before the book is touched."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua_xlsx.commune.read_officer import (
    ASKED_AGAIN,
    NAME_COLUMN,
    held_marks,
    held_rows,
    not_officer_book,
    record_of,
)
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.commune import REASON_LIMIT, DecisionKey
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.issues import ERROR, NOTE, Issue, Problems
from thidua_xlsx.model.places import LEVEL_ABOVE_BOOK, LEVEL_ABOVE_KEY, Places, shown
from thidua_xlsx.model.typed import typed_text
from thidua_xlsx.steps.decisions import saved_time, set_aside
from thidua_xlsx.system.files import replacing, sha256_of
from thidua_xlsx.system.runs import summary_of
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.text import commune as lx
from thidua_xlsx.text import decisions as dx

AGREED = "x"  # what the officer types in "Đồng ý" (any text counts as ticked: commune.read_officer)


def officer_decisions(folder: Path, decisions: dict[DecisionKey, tuple[bool, str]]) -> tuple[Path, tuple[Issue, ...]]:
    """``decisions`` ({decision key: (accept, reason)}) typed into a copy of the commune's last summary, kept as
    hoi-dong/xa-duyet.xlsx (with the decisions an earlier pass of the page kept there, each on its own file); its path
    and what was said of her reasons (control characters taken out). Refused, nothing written, when no summary of the
    commune is written yet, when a reason is missing or over its limit, when a decision is not about a proposal its
    last summary holds apart from that very file (merged since: merge again, then decide), or when the last summary
    is no officer's book of this commune (not sealed by it; of an earlier release: said so, merge again). Her book of
    an earlier release (sealed before 0.8, or before its lines' identities were sealed) is taken as no book: its
    decisions are asked again."""
    from openpyxl import load_workbook  # deferred: openpyxl at start-up


    at = Places(folder)
    last = summary_of(folder, LEVEL_ABOVE_KEY, "", "")
    if not last:
        raise _refused("ui.officer_no_summary")
    typed, removed = _typed(decisions)
    commune, _made = commune_key(folder)
    held = held_rows(folder / last, commune)
    if held is None:
        raise _refused(_unsealed(folder / last, folder, commune), file=last)
    sheet, (agree_col, reason_col), rows = held
    where = {key: row for row, key in rows}
    unknown = [key for key in typed if key not in where]
    if unknown:
        raise _refused("ui.officer_stale", count=len(unknown))
    kept_marks = held_marks(at.officer_book, commune) if at.officer_book.is_file() else {}
    why = _unsealed(at.officer_book, folder, commune) if kept_marks is None else ""
    if why in ASKED_AGAIN:  # her book of an earlier release: its decisions asked again
        kept_marks = {}
    if kept_marks is None:
        raise _refused(why, file=at.officer_book.relative_to(folder).as_posix())
    book = load_workbook(folder / last)
    ws = book[sheet]

    def name(key: DecisionKey) -> str:  # as the line shows it
        return str(ws.cell(where[key] + 1, NAME_COLUMN + 1).value or key[2])

    long = [key for key, (_accept, reason) in typed.items() if len(reason) > REASON_LIMIT]
    if long:
        raise _refused("ui.officer_reason_long", who=", ".join(map(name, long)), limit=REASON_LIMIT,
                       length=max(len(typed[k][1]) for k in long))
    said = Problems()
    for cleaned in (key for key, count in removed.items() if count):
        said.add("ui.officer_controls", NOTE, name=name(cleaned), count=removed[cleaned])
    for key, row in where.items():
        accept, reason = typed.get(key) or kept_marks.get(key, (False, ""))
        ws.cell(row + 1, agree_col + 1).value = AGREED if accept else None
        _as_text(ws.cell(row + 1, reason_col + 1), reason)
    at.council.mkdir(exist_ok=True)
    with replacing(at.officer_book) as tmp:
        book.save(tmp)
    return at.officer_book, tuple(said)


def officer_pass(folder: Path, given: Path | None, drop: bool, voice: Voice) -> Path | None:
    """The officer's pass a merge or a status of commune folder ``folder`` applies: the book ``given`` (``--council``),
    else the one kept (hoi-dong/xa-duyet.xlsx: said, with how to drop it), none when ``drop`` (the kept one moved to
    hoi-dong/cu/, said) or none is kept."""
    kept = Places(folder).officer_book
    if given is not None:
        return given
    if drop:
        if kept.is_file():
            aside = set_aside(folder, kept)
            voice.say(lx.OFFICER_DROPPED.format(file=shown(kept, folder), aside=shown(aside, folder)))
        else:
            voice.say(lx.OFFICER_NOTHING_TO_DROP)
        return None
    if not kept.is_file():
        return None
    voice.say(lx.OFFICER_AGAIN.format(file=shown(kept, folder), fingerprint=sha256_of(kept)[:12],
                                      saved=dx.saved_words(saved_time(kept))))
    return kept


def keep_officer_book(folder: Path, given: Path, voice: Voice) -> None:
    """The officer's book ``given`` to a merge that has just applied it, copied to hoi-dong/xa-duyet.xlsx (the one kept
    before moved to hoi-dong/cu/), said; nothing when it is the kept book itself, or its bytes."""
    kept = Places(folder).officer_book
    if kept.is_file() and (kept.resolve() == given.resolve() or sha256_of(kept) == sha256_of(given)):
        return  # the very book kept, given again: nothing to set aside
    aside = set_aside(folder, kept) if kept.is_file() else None
    kept.parent.mkdir(parents=True, exist_ok=True)
    with replacing(kept) as tmp:
        tmp.write_bytes(given.read_bytes())
    voice.say(lx.OFFICER_KEPT.format(file=shown(kept, folder), replaced=lx.OFFICER_KEPT_REPLACED.format(
        aside=shown(aside, folder)) if aside is not None else ""))


def _typed(decisions: dict[DecisionKey, tuple[bool, str]]
           ) -> tuple[dict[DecisionKey, tuple[bool, str]], dict[DecisionKey, int]]:
    """Each decision with its reason cleaned of control characters, and how many were taken out of each; refused
    when a reason is missing."""
    typed: dict[DecisionKey, tuple[bool, str]] = {}
    removed: dict[DecisionKey, int] = {}
    for key, (accept, reason) in decisions.items():
        kept = typed_text(reason)
        typed[key], removed[key] = (accept, kept.text), kept.removed
    missing = [key for key, (_accept, reason) in typed.items() if not reason]
    if missing:
        raise _refused("ui.officer_reason", count=len(missing))
    return typed, removed


def _as_text(cell: Any, text: str) -> None:  # an openpyxl cell: openpyxl ships no types
    """``text`` in ``cell`` as text: never read as a formula (a reason may start with =, +, - or @)."""
    cell.value = text or None
    if text:
        cell.data_type = "s"


def _unsealed(path: Path, folder: Path, commune: CommuneKey) -> str:
    """Why the commune summary at ``path`` is no officer's book of this commune (``commune``: its key): sealed by a
    release before 0.8 or written before its lines' identities were sealed (asked again), edited (or another
    commune's), a copy sent on — the message's code."""
    from thidua_xlsx.commune.read_book import load_level_above_book  # deferred: python-calamine at start-up

    campaign, _problems = load_level_above_book(folder / LEVEL_ABOVE_BOOK)
    return not_officer_book(record_of(path), commune, campaign.id if campaign is not None else None)


def _refused(code: str, **params: object) -> Refused:
    problems = Problems()
    return Refused(problems.add(code, ERROR, **params).message, problems)
