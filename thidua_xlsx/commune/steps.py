"""What the level above (the commune, the Sở) reads and shows of its schools: its campaign and inbox read, checked and
decided (:func:`read_level_above`, the merge's, status's and the commune page's one way), and each school against
its deadline (:func:`school_states`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from thidua_xlsx.commune.decide import level_above_summary
from thidua_xlsx.commune.read_book import load_level_above_book
from thidua_xlsx.commune.read_inbox import read_school_summaries
from thidua_xlsx.commune.read_officer import kept_unusable, read_officer
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.commune import LevelAbove, LevelAboveSummary
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.issues import WARNING, Issue, Problems, issue
from thidua_xlsx.model.layout import VIETNAM_UTC_OFFSET
from thidua_xlsx.model.places import COMMUNE_KEY_FILE
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.text import commands as ct


def read_level_above(inbox: Path, book: Path, voice: Voice = Voice(), officer: Path | None = None,
                     kept: bool = False) -> tuple[LevelAbove, LevelAboveSummary, CommuneKey]:
    """The level above's campaign and what its inbox holds (read only; the merge's and the commune page's one way):
    (LevelAbove, LevelAboveSummary, CommuneKey), with the officer's pass in ``officer`` when given (lines taken off,
    lines held apart accepted, with reasons; its problems among the summary's). Stopped when its book, its key or the
    officer's book given cannot be used; the book ``kept`` in the commune's folder that cannot be used any more (a key
    renewed, the file damaged) is said, with what to do, and the run goes on without it. The book used is said; a
    key made now (a commune folder of a release before 0.8) is said once, among the summary's problems."""
    campaign, key, made = commune_book(book, voice)
    items = scan_inbox(inbox)
    said, marks = Problems(), None
    with voice.reading(len(items)) as on_file:
        files, read = read_school_summaries(items, on_file, said)
    said.extend(key_notes(key, made))
    if officer is not None:
        why = Problems()
        marks = read_officer(officer, campaign, key, why)
        if marks is None and not kept:
            raise Stopped(Problems([*said, *why]))
        said.extend(why if marks is not None else
                    [kept_unusable(why, officer.name)])
    summary = level_above_summary(campaign, files, read, key, marks)
    return campaign, replace(summary, issues=(*summary.issues, *said)), key


def key_notes(key: CommuneKey, made: bool) -> tuple[Issue, ...]:
    """What the commune is told of its key: one made now, once; the sample's public one, at each run (its codes
    prove nothing)."""
    return tuple(issue(code, WARNING, file=COMMUNE_KEY_FILE)
                 for code, told in (("level_above.key_made", made), ("level_above.key_public", key.public)) if told)


def commune_book(book: Path, voice: Voice = Voice()) -> tuple[LevelAbove, CommuneKey, bool]:
    """The level above's campaign in ``book`` (the book used, said) and its key, with whether the key was made now.
    Stopped when the book or its key cannot be used."""
    campaign, problems = load_level_above_book(book)
    if campaign is None:
        raise Stopped(problems, ct.CAMPAIGN_INVALID.format(count=len(problems.errors), file=book))
    voice.warn(ct.LEVEL_ABOVE_USED.format(path=book, authority=campaign.authority))
    key, made = commune_key(book.parent)
    return campaign, key, made


@dataclass(frozen=True)
class SchoolState:
    """One school of the level above's list against its deadline, as ``status`` says it: sent (a file proven its)
    or not; with a file (sent, or only an unproven one, held), the file used, when it was saved (Vietnam's time),
    late or not, its fingerprint, origin, council and hand edits; with none, ``days`` left before the deadline
    (negative: overdue; None: no deadline)."""

    school: str
    sent: bool
    file: str = ""
    saved: dt.datetime | None = None
    late: bool = False
    fingerprint: str = ""
    origin: str = ""
    council: bool = False
    edited: bool = False
    days: int | None = None
    versions: int = 0  # the files it sent that were read (more than one: it sent twice)
    newer: str = ""  # with none read: the file it sent that a newer release wrote (this one to update), its fingerprint


def school_states(summary: LevelAboveSummary, today: dt.date) -> list[SchoolState]:
    """Each school of ``summary``'s list (a LevelAboveSummary) against its campaign's deadline on ``today`` (never its
    code: a secret, shown only when asked — commune.steps_codes)."""
    deadline = summary.campaign.deadline
    by_name = {f.name: f for f in summary.files}
    older: dict[object, int] = {}  # school name → its older versions read (superseded by the one used)
    for i in (i for f in summary.files for i in f.issues if i.code == "level_above.superseded"):
        older[dict(i.params).get("school")] = older.get(dict(i.params).get("school"), 0) + 1
    found = []
    for school in summary.schools:
        name = school.school.name
        if school.summary is None:
            days = (dt.date.fromisoformat(deadline) - today).days if deadline else None
            found.append(SchoolState(name, False, days=days, newer=school.newer,
                                     fingerprint=school.newer_fingerprint[:12]))
            continue
        s = school.summary
        saved = school.saved(by_name[school.file].version_time) + VIETNAM_UTC_OFFSET
        found.append(SchoolState(name, school.sent, school.file, saved,
                                 bool(deadline) and saved.date().isoformat() > deadline,
                                 s.sha256[:12], school.origin, s.council, s.edited, versions=1 + older.get(name, 0)))
    return found


