"""The schools' final summaries in the level above's inbox (``merge`` of a ``cap-tren.xlsx`` campaign): each entry
through containment as any input, each summary read from its hidden metadata (schema 5: the school, its people's
places, every decision, the council's ballot), never from its visible cells. Those serve one check only: the
proposal lists the sheet "Đề nghị khen thưởng" shows are compared with the data and with the digest the tool wrote;
lists that no longer match were edited by hand after the merge (``SchoolSummary.edited``, each difference in
``changes``: read.school_lists). The inbox is only read.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from sys import intern
from typing import TypeVar

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import COLLECTIVE, NEWER, PERSON, Proposal, SchoolSummary
from thidua_xlsx.model.inbox import SKIPPED, InboxFile, reject
from thidua_xlsx.model.issues import NOTE, WARNING, Problems, issue
from thidua_xlsx.model.summary_fields import Mistyped
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.read import own_summary as gate
from thidua_xlsx.read.containment import FILE, SCHOOL, InboxItem, unreadable
from thidua_xlsx.read.entries import saved_at, sorted_out
from thidua_xlsx.read.macros import macro_enabled, macros_in
from thidua_xlsx.read.own_summary import Opened, Refusals, Wanted, open_summary, release_words
from thidua_xlsx.read.package_parts import BOOK_PART
from thidua_xlsx.system import pool
from thidua_xlsx.text.messages import REASONS
from thidua_xlsx.text.releases import VERSION

RATING_EXCELLENT = "HTXSNV"
# A school's final summary, as another party's file (a school's bounds); data edited by hand is read and flagged,
# for the officer to see and decide (never dropped unseen, never used unflagged).
_WANTED = Wanted(ly.SCORING, False, oldest=5, bounds=SCHOOL, edited_ok=True, views=True)
_REFUSALS: Refusals = {gate.UNREADABLE: "level_above.unreadable", gate.NOT_OURS: "level_above.not_summary",
                       gate.META_DAMAGED: "level_above.meta_damaged",
                       gate.SCHEMA_UNKNOWN: NEWER, gate.OTHER_ROUND: "level_above.not_final",
                       gate.PERIOD: "level_above.not_final", gate.OLDER: "level_above.older"}
DOSSIER_SUFFIXES = (".docx", ".doc", ".pdf", ".txt")  # a school's hồ sơ (its papers, checklists) sent with its summary


def read_school_summaries(items: list[InboxItem], on_file: Callable[[str], None] = lambda _name: None,
                          problems: Problems | None = None) -> tuple[list[InboxFile], dict[str, SchoolSummary]]:
    """Every entry of the inbox (``items``, as :func:`~thidua_xlsx.read.containment.scan_inbox` found them) with its
    status — a summary read is SKIPPED, given its own by the level above's choice among each school's versions —
    and the summaries read, by file name.

    From :data:`PARALLEL_FROM` entries, on every core: each entry read in a worker process, handed over in order.
    Should the pool fail (a worker that could not start or died: :func:`~thidua_xlsx.system.pool.started`), it is
    said among ``problems`` (the run's), and the entries from the one it failed on are read here, as they would be
    on one core: the same outcome. An error of ours on an entry is no pool's failure: it is raised."""
    files: list[InboxFile] = []
    read: dict[str, SchoolSummary] = {}

    def said(failed: BaseException, left: int) -> None:
        if problems is not None:
            problems.add("level_above.workers_failed", NOTE, error=type(failed).__name__, count=left)

    for item, (entry, summary) in zip(items, pool.shared_map(None, _read_entry, items, _workers_for(len(items)), said),
                                      strict=True):
        _keep(entry, summary, files, read)
        on_file(item.name)
    return files, read


PARALLEL_FROM = 24  # entries: a worker starts in ~50 ms (fork) to ~1 s (spawn); a summary reads in ~5 ms


def _workers_for(count: int) -> int:
    cores = pool.usable_cores()
    return 0 if cores < 2 or count < PARALLEL_FROM else min(cores, pool.MAX_WORKERS)


def _keep(entry: InboxFile, summary: SchoolSummary | None, files: list[InboxFile], read: dict[str, SchoolSummary]
          ) -> None:
    files.append(entry)
    if summary is not None:
        read[entry.name] = summary


def _read_entry(_shared: None, item: InboxItem) -> tuple[InboxFile, SchoolSummary | None]:
    """One entry of the inbox: its entry with its status, and the summary read from it (None when it is none)."""
    entry = sorted_out(item)
    if entry.reason and item.kind == FILE and item.path.suffix.lower() in DOSSIER_SUFFIXES:
        return dataclasses.replace(entry, status=SKIPPED, reason="level_above.dossier_file", issues=(
            issue("level_above.dossier_file", NOTE, file=entry.name),)), None  # a school's hồ sơ sent along
    if entry.reason:
        return entry, None
    return read_school_summary(entry)


def read_school_summary(entry: InboxFile) -> tuple[InboxFile, SchoolSummary | None]:
    """One school's final summary: the entry with its status (SKIPPED when read, REJECTED with the reason) and the
    summary read; for the merge, and for a file brought in by the page or the mail (:mod:`thidua_xlsx.steps.intake`)."""
    problems = Problems()
    try:
        opened = open_summary(entry.path, _WANTED, _REFUSALS, problems, file=entry.name)
    except OSError as exc:
        return unreadable(entry, exc), None
    if opened is None:
        found = problems.items[0]
        if found.code == NEWER:  # read whole within the bounds: its fingerprint, to be compared by phone all the same
            entry = dataclasses.replace(entry, sha256=hashlib.sha256(entry.path.read_bytes()).hexdigest())
        return reject(entry, found.code, **{k: v for k, v in found.params if k != "file"}), None
    meta, digest = opened.meta, opened.sha256
    entry = dataclasses.replace(entry, sha256=digest, saved_at=saved_at(opened.data, entry.path.suffix.lower()))
    if not meta.school:  # written before the summaries named their school
        return reject(entry, "level_above.older", year=meta.school_year), None
    try:
        proposals = _proposals(meta)
    except Mistyped as damaged:  # a table not as the tool writes it: damaged, or crafted
        return reject(entry, "level_above.meta_damaged", field=damaged.field), None
    # the content's digest, which the seal is checked over: what the file's own layout sealed, as read (the gate's)
    content = opened.content
    summary = SchoolSummary(entry.name, digest, entry.saved_at, meta.campaign_id, meta.school, meta.school_year,
                            bool(meta.council), proposals, edited=opened.edited, changes=opened.changes, seal=meta.seal,
                            content=content, newest_input=meta.newest_input, macros=has_macros(opened),
                            unchecked=BOOK_PART not in opened.unzipped.names)
    if opened.newer:  # a newer release that only added: read as this one reads, said once per file
        entry = dataclasses.replace(entry, issues=(*entry.issues, issue(
            "level_above.newer_minor", NOTE, file=entry.name, school=meta.school, release=release_words(meta.release),
            current=VERSION)))
    if meta.schema_version < ly.SEAL_SCHEMA:  # no seal could be made then: said, with what the school must do
        entry = dataclasses.replace(entry, issues=(*entry.issues, issue(
            "level_above.before_seal", WARNING, file=entry.name, school=meta.school, found=meta.schema_version)))
    return dataclasses.replace(entry, status=SKIPPED), summary


def has_macros(opened: Opened) -> bool:
    """Whether a school's summary carries macros (:func:`~thidua_xlsx.read.macros.macros_in`) or is a macro-enabled
    workbook even without code: the tool never writes one, and a ``.xlsm`` renamed ``.xlsx`` opens in Excel as one."""
    return macros_in(opened.data, opened.unzipped.parts) or macro_enabled(opened.data, opened.unzipped.parts)


def _proposals(meta: ly.SummaryMeta) -> tuple[Proposal, ...]:
    """Each person's and department's granted titles as the school's metadata gives them (the school's code is
    set by the level above, which knows its list), each value of the type the tool writes — :class:`Mistyped`
    naming the table that holds another. The words many lines repeat — title, position, gender, grounds —
    are one text each (``sys.intern``), not one per line as the metadata's JSON gives them: a worker hands a school's
    over once each, and a province's 72,000 proposals hold ~200,000 fewer texts (~13 MB)."""
    votes = dict(_table(meta, "votes", _vote))
    return (*_people_proposals(meta, votes), *_department_proposals(meta, votes))


def _people_proposals(meta: ly.SummaryMeta, votes: dict[tuple[str, str], Ballot]) -> list[Proposal]:
    """The people's granted titles, each with what the school's file says of the person, the council's vote and,
    for CSTĐCS, what it rests on."""
    outcomes = dict(_table(meta, "outcomes", _outcome))
    places = dict(_table(meta, "people_info", _place))
    found = []
    for code, title in _table(meta, "decisions", _granted):
        name, dob, rating, initiative, level, decision = outcomes.get(code, _NO_OUTCOME)
        position, gender = places.get(code, ("", ""))
        vote, members = votes.get((code, title), _NO_BALLOT)
        grounds = _grounds(rating, initiative, level, decision) if title == CSTDCS else ""
        found.append(Proposal("", PERSON, code, name, intern(title), position=intern(position), unit=meta.school,
                              gender=intern(gender), dob=dob, votes=vote, members=members, grounds=intern(grounds)))
    return found


def _department_proposals(meta: ly.SummaryMeta, votes: dict[tuple[str, str], Ballot]) -> list[Proposal]:
    """The departments' granted titles, each with the council's vote."""
    names = dict(_table(meta, "department_outcomes", _department))
    found = []
    for code, title in _table(meta, "department_decisions", _granted):
        vote, members = votes.get((code, title), _NO_BALLOT)
        found.append(Proposal("", COLLECTIVE, code, names.get(code, code), intern(title), unit=meta.school,
                              votes=vote, members=members))
    return found


# --- the school's tables, each row read as the tool writes it (write/summary/meta.py) ---------------------------

Ballot = tuple[int | None, int | None]  # the votes for a title and the council's members; None: not counted
_NO_BALLOT: Ballot = (None, None)
Outcome = tuple[str, str, str, str, str, str]  # a person's name, birth date, rating, sáng kiến, its level, its decision
_NO_OUTCOME: Outcome = ("", "", "", "", "", "")
COUNCIL_MAX = 10_000  # members of a school's council: far beyond any school's
Row = TypeVar("Row")


def _table(meta: ly.SummaryMeta, field: str, row_of: Callable[..., Row | None]) -> list[Row]:
    """The rows of ``meta``'s table ``field``, each as ``row_of`` reads its cells (None: a row it passes over);
    :class:`Mistyped` naming ``field`` when a row is not as the tool writes it (its cells' number or types)."""
    try:
        return [found for row in getattr(meta, field) if (found := row_of(*row)) is not None]
    except (TypeError, ValueError):
        raise Mistyped(field) from None


# Each reads one row of a table as the metadata's JSON gives it: its cells of any type, each checked (TypeError or
# ValueError when not as the tool writes it).

def _vote(code: object, title: object, votes: object, members: object, _passed: object
          ) -> tuple[tuple[str, str], Ballot]:
    ballot = _count(votes), _count(members)
    if ballot[0] is not None and ballot[1] is not None and ballot[0] > ballot[1]:
        raise ValueError("more votes than members")
    return (_key(code), _key(title)), ballot


def _granted(code: object, title: object, granted: object, _pending: object) -> tuple[str, str] | None:
    if type(granted) is not bool:
        raise TypeError("granted: a yes or no")
    return (_key(code), _key(title)) if granted else None


def _outcome(code: object, name: object, dob: object, rating: object, _titles: object, _form: object,
             initiative: object, level: object, decision: object, _discipline: object) -> tuple[str, Outcome]:
    return _key(code), (_text(name), _text(dob), _text(rating), _text(initiative), _text(level), _text(decision))


def _place(code: object, _department: object, _department_name: object, position: object, gender: object,
           _final: object) -> tuple[str, tuple[str, str]]:
    return _key(code), (_text(position), _text(gender))


def _department(code: object, name: object, _titles: object) -> tuple[str, str]:
    return _key(code), _text(name)


def _key(value: object) -> str:
    """A code or a title: a text, never empty."""
    if type(value) is not str or not value:
        raise TypeError("a code: a text")
    return value


def _text(value: object) -> str:
    """A text of the school's data ("" for nothing)."""
    if value is None:
        return ""
    if type(value) is not str:
        raise TypeError("a text")
    return value


def _count(value: object) -> int | None:
    """A count of the council's ballot (None: not counted)."""
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= COUNCIL_MAX:
        raise ValueError("a count")
    return value


def _grounds(rating: str, initiative: str, level: str, decision: str) -> str:
    """What a CSTĐCS rests on, as the school's file proves it: HTXSNV, a sáng kiến with its decision; "" none."""
    parts = [RATING_EXCELLENT] if rating == RATING_EXCELLENT else []
    if initiative and decision:
        parts.append(REASONS["level_above.grounds_initiative"].format(initiative=initiative, level=level or "…",
                                                                      decision=decision))
    return "; ".join(parts)
