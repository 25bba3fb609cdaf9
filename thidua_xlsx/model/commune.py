"""The level above, as values (docs/domain.md §4b, docs/spec.md §5d): the commune (or the Sở) that receives its schools'
final summaries and decides LĐTT, CSTĐCS, TTLĐTT and Giấy khen for its preschools, primary and lower-secondary
schools (NĐ 129/2025 điều 59; NĐ 142/2025), and what each school proposes.

A school's final summary carries what it proposes in its hidden metadata; the level above reads that (never
the visible cells, which only serve to tell a summary edited by hand), and each person or department proposed
becomes a :class:`Proposal`: the same value the commune's lists, its decision papers and the province's import
file (:mod:`thidua_xlsx.write.province_import`) are written from. Codes here, words in :mod:`thidua_xlsx.text`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.issues import Issue, Reason

PERSON, COLLECTIVE = "CANHAN", "TAPTHE"  # the kinds of a proposal: the province's import file's own codes (column R)

# What the commune's chair decides (NĐ 129/2025 điều 59): LĐTT, CSTĐCS, TTLĐTT (and Giấy khen); TTLĐXS, CSTĐ cấp
# tỉnh and the Bằng khen go up to the province, through the commune.
DECIDED_HERE = ("CSTDCS", "LDTT", "TTLDTT")


@dataclass(frozen=True, slots=True)
class SchoolRef:
    """A school the level above receives from: its code in the commune's list, its name as its summaries say it
    (matched case, accents and spacing aside), its level (campaign.LEVELS)."""

    code: str
    name: str
    level: str = ""
    email: str = ""  # the school's address (sheet Các trường; "": none): its summary's drafts, mail's provenance


@dataclass(frozen=True, slots=True)  # one per person or department proposed: a province's thousands
class Proposal:
    """One person or department a school proposes for a title or an award form.

    ``school``: the school's code in the level above's list; ``who``: the staff or department code within the
    school; ``title``: a title code (model.titles) or an award form's code (model.history) or words; ``gender``
    as the school's roster says it ("Nam", "Nữ", "" not known); ``unit``: where the person works, as a decision
    lists it (the school's name); ``votes`` / ``members``: the school council's ballot for the title (None: no
    ballot recorded); ``grounds``: what the title rests on for CSTĐCS ("HTXSNV", the sáng kiến and its decision),
    "" when nothing is recorded."""

    school: str
    kind: str  # PERSON or COLLECTIVE
    who: str
    name: str
    title: str
    position: str = ""
    unit: str = ""
    gender: str = ""
    dob: str = ""
    votes: int | None = None
    members: int | None = None
    grounds: str = ""

    def of_school(self, school: str) -> Proposal:
        """This proposal under ``school``, its school's code in the level above's list (what
        ``dataclasses.replace`` gives, without its checks: a province's 72,000 proposals)."""
        return Proposal(school, *_BUT_SCHOOL(self))

    def __reduce__(self) -> tuple[type[Proposal], tuple[object, ...]]:
        """Pickled as its values, made again by its constructor: a worker hands a province's 72,000 over, pickled
        in 0.4x and unpickled in 0.6x the time the dataclass's own state takes (its fields by name, set one by one)."""
        values: tuple[object, ...] = _VALUES(self)
        return Proposal, values


_BUT_SCHOOL = operator.attrgetter(*(f.name for f in fields(Proposal)[1:]))  # school is the first field
_VALUES = operator.attrgetter(*(f.name for f in fields(Proposal)))


@dataclass(frozen=True)
class LevelAbove:
    """The level above's campaign (``cap-tren.xlsx``): who decides (``authority``, e.g. "Ủy ban nhân dân xã Trực
    Cường"), its chair and officer, the school year and deadline, the province whose rules apply, the schools it
    receives from, and the căn cứ lines of its decision."""

    id: str
    authority: str
    managing_body: str  # the line above the authority on its papers ("ỦY BAN NHÂN DÂN TỈNH …"), may be ""
    place: str
    school_year: str
    chair: str = ""
    officer: str = ""
    office: str = ""  # the office that prepares the file (Phòng Văn hóa – Xã hội)
    deadline: str = ""  # ISO
    province: str = ""
    schools: tuple[SchoolRef, ...] = ()
    legal_basis: tuple[str, ...] = ()
    recipient_email: str = ""  # where the level above sends its file up (the province's office; "": none)


# How a school's proposal list as its sheet shows it differs from its data (read.school_lists): a line shown that
# the data does not propose, a line the data proposes that is not shown, a person's name, title or place changed.
ADDED, REMOVED, RENAMED, RETITLED, MOVED = "added", "removed", "renamed", "retitled", "moved"
# … and how the sheets a person reads differ from what the tool wrote: a list sheet hidden, a copy of one shown beside
# it, a caption's count that is not its list's, a department's title on sheet "Tập thể" that is not its data's — the
# one proposed, or the one it registered (read where the summary seals the registrations: since 0.8).
SHEET_HIDDEN, SHEET_COPY, CAPTION = "hidden", "copy", "caption"
COLLECTIVE_RETITLED, COLLECTIVE_REGISTERED = "collective", "registered"
# … and what a list sheet (Đề nghị khen thưởng, Tập thể) shows that the tool never writes there: a formula (Excel shows
# what it computes, not the value kept), a number format that can show another thing than the value, a hidden row or
# column, a row that is no line of the list (no number in STT, no department of the school), a cell right of the
# table, a proposal line's proof columns (rating, sáng kiến, ballot) that are not its data's; and a sheet the tool
# never writes. ``name`` is the sheet's; ``shown`` the cells, the row or the columns (for PROOF: ``name`` the
# person's, ``shown`` the columns as they read); ``who`` and ``title``, where the row is a proposal's (a person's or a
# department's), that proposal's (held).
FORMULA, NUMBER_FORMAT, ROW_HIDDEN, COLUMN_HIDDEN = "formula", "number_format", "row_hidden", "column_hidden"
EXTRA_ROW, OUTSIDE, PROOF, SHEET_EXTRA = "extra_row", "outside", "proof", "extra_sheet"
CONDITIONAL = "conditional"  # a conditional format on cells with content (a number format, a colour it can bring)
SHOWN_CELLS = frozenset({FORMULA, NUMBER_FORMAT, CONDITIONAL, ROW_HIDDEN, OUTSIDE, PROOF})  # a proposal's row: held


@dataclass(frozen=True, slots=True)
class ListChange:
    """One difference between a school's proposal list as shown (sheet "Đề nghị khen thưởng", and "Tập thể") and as
    its data gives it. ``who`` and ``title``: the data's person (or department: COLLECTIVE_RETITLED, and with the title
    it registered: COLLECTIVE_REGISTERED) code and title code (both "" for ADDED, which the data lacks, and for the
    sheets' own changes); ``name``: the data's name (the shown one for ADDED; the sheet's for SHEET_HIDDEN, SHEET_COPY,
    CAPTION); ``shown``: what the sheet shows instead — the name (RENAMED), the title's words (RETITLED,
    COLLECTIVE_RETITLED, COLLECTIVE_REGISTERED, ADDED), the position and department (MOVED), the caption (CAPTION,
    with ``lines``: how many lines its list has)."""

    change: str
    who: str
    title: str
    name: str
    shown: str = ""
    lines: int = 0


@dataclass(frozen=True)
class SchoolSummary:
    """A school's final summary as the level above reads it (its metadata, never its visible cells): the file
    (name, digest, saved time), whose and which year, whether the council's pass wrote it, what it proposes, and
    whether its proposal lists still say what the tool wrote (``edited``: they do not — changed by hand; ``changes``:
    how, when the data and the shown list tell it)."""

    file: str
    sha256: str
    saved_at: object  # datetime.datetime | None
    campaign_id: str
    school: str  # the school's name, as its campaign says it
    school_year: str
    council: bool
    proposals: tuple[Proposal, ...]
    edited: bool = False
    changes: tuple[ListChange, ...] = ()
    seal: str = ""  # the school's keyed seal, as the file carries it ("" none) …
    content: str = ""  # … over this digest of its data (model.layout.content_digest): checked by the level above
    newest_input: str = ""  # ISO, from the sealed data: which of two versions is newer
    macros: bool = False  # the file carries a macro project (whatever its name says): never one the tool wrote
    unchecked: bool = False  # saved as .ods or .xls: what its sheets show besides their values cannot be compared


NEWER = "level_above.schema_newer"  # why a school's summary is refused: it says a newer release wrote it (not proven)


@dataclass(frozen=True)
class SchoolResult:
    """A school of the level above's list: the file that speaks for it (None: it sent nothing) and its summary; or,
    when it sent only files this release cannot read because a newer one wrote them, the last of those (``newer``, its
    fingerprint): sent, the commune's release to update."""

    school: SchoolRef
    file: str = ""
    summary: SchoolSummary | None = None
    origin: str = ""  # of the file used: SEALED, UNSEALED (no seal), OLD_CODE (sealed with the code a release before
    # 0.8 issued, which anyone holding the commune's outputs could make), PREVIOUS_KEY (with the code a key the commune
    # replaced issued) or BAD_SEAL (not this school's code, or edited)
    newer: str = ""
    newer_fingerprint: str = ""

    @property
    def sent(self) -> bool:
        """Whether the school sent its summary: a file sealed with its code (an unproven file speaks for it only
        held, and never counts as sent)."""
        return self.summary is not None and self.origin == SEALED

    def saved(self, file_time: dt.datetime) -> dt.datetime:
        """When its file was saved, as "lưu lúc" says it and "sau hạn" is decided from (UTC, naive): for a file sent
        (sealed with its code), its newest input's time as the seal covers it; else ``file_time``, the file's own
        document properties, which anyone can change."""
        if self.sent and self.summary is not None:
            try:
                return dt.datetime.fromisoformat(self.summary.newest_input).replace(tzinfo=None)
            except (TypeError, ValueError):
                pass
        return file_time


SEALED, UNSEALED, OLD_CODE, BAD_SEAL = "sealed", "unsealed", "old_code", "bad_seal"
PREVIOUS_KEY = "previous_key"  # sealed with the code a key the commune replaced issued: named, never trusted


@dataclass(frozen=True, slots=True)
class Held:
    """A proposal held apart: out of the lists, the papers and the province's import file until the officer accepts
    or removes it (``merge … --council``), with why (a school's file not passed by its council, no ballot, no proof,
    its list edited, the person proposed by two schools)."""

    proposal: Proposal
    why: tuple[Reason, ...]
    fingerprint: str = ""  # the SHA-256 of the school's file it was read from: what the officer's word is bound to


# Where a line of the level above's summary stood when the officer marked it: in the lists (kept), among the lines
# the officer took off, or among the proposals held apart.
LISTED, TAKEN_OFF, HELD = "listed", "removed", "held"
ProposalKey = tuple[str, str, str, str]  # a proposal's identity across passes: school, kind, who, title (proposal_key)


@dataclass(frozen=True, slots=True)
class OfficerMark:
    """The officer's two cells of one line of the level above's summary: "Đồng ý" ticked or not, the reason typed;
    where the line stood (``part``: LISTED, TAKEN_OFF, HELD), its sheet and row (1-based), the name shown on it, whether
    the cells that say who and what the line is (name, position, school, title or grounds) still read as the tool
    wrote them there (``as_written``; ``shown``: what they read, for the words), and the fingerprint (SHA-256) of the
    school's file the line was read from when the officer marked it: her word holds for that file alone, and for the
    proposal the line showed her."""

    agree: bool
    reason: str
    part: str
    sheet: str
    row: int
    name: str
    as_written: bool
    shown: str = ""
    fingerprint: str = ""
    earlier: bool = False  # from her book of an earlier release: its removals carried, its acceptances asked again


@dataclass(frozen=True)
class OfficerPass:
    """The officer's pass (``merge … --council``): the file, and each line's marks by its key (:func:`proposal_key`),
    each with the fingerprint of the file it was made on."""

    file: str
    marks: Mapping[ProposalKey, OfficerMark]


@dataclass(frozen=True)
class LevelAboveSummary:
    """The level above's merge: every file of its inbox with its status, each school of its list with the file
    used, the proposals kept across schools (in the order a decision lists them: those listed, and those held apart
    that the officer accepted), those held apart still waiting for the officer, and what was found."""

    campaign: LevelAbove
    files: tuple[InboxFile, ...]
    schools: tuple[SchoolResult, ...]
    proposals: tuple[Proposal, ...]
    issues: tuple[Issue, ...] = ()
    removed: tuple[tuple[Proposal, str], ...] = ()  # the officer's pass: each proposal taken off, with the reason
    held: tuple[Held, ...] = ()  # waiting for the officer: in none of the lists, papers and import files
    accepted: tuple[tuple[Held, str], ...] = ()  # held apart, then accepted by the officer (among ``proposals``)

    def every_issue(self) -> tuple[Issue, ...]:
        """What the merge found, as every door says it: each file's own (a summary from before the seal, a version
        superseded, a file refused) and then the merge's, so that the console, the Kiểm tra sheet, the JSON and the
        counts name the same problems."""
        return (*(i for f in self.files for i in f.issues), *self.issues)

    def lists(self, here: bool | None = None) -> dict[str, dict[str, list[Proposal]]]:
        """Kind (PERSON, COLLECTIVE) → title → its proposals, in the decision's order: all, or only those the level
        above decides (``here`` True, :data:`DECIDED_HERE`), or only those it sends up (False)."""
        found: dict[str, dict[str, list[Proposal]]] = {PERSON: {}, COLLECTIVE: {}}
        for p in self.proposals:
            if here is None or (p.title in DECIDED_HERE) == here:
                found[p.kind].setdefault(p.title, []).append(p)
        return found

    def fingerprints(self) -> dict[str, str]:
        """School code → the fingerprint (SHA-256) of the file used for it."""
        return {r.school.code: r.summary.sha256 for r in self.schools if r.summary is not None}

    def counts(self) -> dict[str, dict[str, int]]:
        """Title → school code → how many proposed (people and departments alike)."""
        found: dict[str, dict[str, int]] = {}
        for p in self.proposals:
            per_school = found.setdefault(p.title, {})
            per_school[p.school] = per_school.get(p.school, 0) + 1
        return found


LEVEL_ABOVE_META_KIND = "level_above"  # the level above's summary's own metadata (commune.write, read back)


def proposal_key(p: Proposal) -> ProposalKey:
    """A proposal's identity across the level above's passes: the school, the kind, who and the title."""
    return (p.school, p.kind, p.who, p.title)


DecisionKey = tuple[str, str, str, str, str]


def decision_key(held: Held) -> DecisionKey:
    """What an officer's decision on a held proposal is about: the proposal's identity and the fingerprint of the file
    it was read from (a decision on one file of a school is not a decision on another)."""
    return (*proposal_key(held.proposal), held.fingerprint)


OFFICER_SEAL_FIELD = "seal"  # in the level above summary's metadata: the commune's seal over the rest of it
# What a commune summary's sealed record says the file is (its "purpose"): the officer's book, which her pass reads
# (``merge … --council``), or a copy sent on (attached to a mail, ``merge … --thu``), which carries no line and decides
# nothing, whoever ticks it. A record without one was written before the lines' identities were sealed.
PURPOSE_FIELD, OFFICER_BOOK, SENT_COPY = "purpose", "officer", "sent"
SHOWN_DIGITS = 16  # hex digits of a line's shown identity kept in the record: 64 bits, under the seal


def shown_digest(cells: Iterable[object]) -> str:
    """What a line of the commune summary shows that says which proposal it is (its name, position, school, title or
    grounds: ``cells``), as a short digest the sealed record keeps beside the line's key: a line whose cells read
    otherwise (rows swapped, cut and pasted, typed over) is told. Each cell as a person reads it (NFC, spaces
    collapsed): a spreadsheet program that saves the same words keeps the same digest."""
    text = "\x1f".join(cm.clean_text(cell) for cell in cells)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHOWN_DIGITS]


def officer_seal(key: CommuneKey, record: Mapping[str, object]) -> str:
    """The commune's keyed seal over its summary's metadata ``record`` (all but the seal itself, as canonical JSON),
    with the commune's own key (model.commune_key, never sent): only the tool of this commune makes it, and a line of
    the record re-pointed (an x on one person's line read as another's) breaks it."""
    return key.officer_seal_of([record_body(record)])


def record_body(record: Mapping[str, object]) -> str:
    """The canonical JSON a commune summary's record is sealed over: every field but the seal."""
    return json.dumps({k: v for k, v in record.items() if k != OFFICER_SEAL_FIELD}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))


# What the officer types into her book (a reason), kept as typed (model.campaign.typed_text: control characters out
# and counted); written as text, never as a formula (the writer's business: commands.officer sets the cell's type).
REASON_LIMIT = 1_000  # characters of a reason the officer types (a cell holds 32,767; a paper's line far fewer)

