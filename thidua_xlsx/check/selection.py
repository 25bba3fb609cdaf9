"""Which files count: the round of this inbox and the winning file of each department. Pure: no I/O.

The campaign is chosen before reading (the secretary's campaign folder); files of another
campaign or never issued were already rejected by the reader. Here the round is settled and,
when a department sent several versions, the newest wins: the one whose workbook was saved
last, by the save time the spreadsheet program writes inside the file (docProps/core.xml, ODS
meta.xml), else the file's modification time; then the file name. E-mail clients reset file
times when saving attachments, so the workbook's own time is the better witness. A workbook that says a save time no
save can have been made at (a date to come: a PC's clock, or someone who wants his version to win for good) is
ranked below every version that does not, by its file's time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import (
    ACCEPTED,
    SKIPPED,
    SUPERSEDED,
    CleanSubmission,
    InboxFile,
    Packed,
    Selection,
    Submission,
    reject,
)
from thidua_xlsx.model.issued import IssuedWorkbook
from thidua_xlsx.model.issues import NOTE, WARNING, Lines, issue
from thidua_xlsx.read.department.cells import canonical
from thidua_xlsx.text.messages import BLANK_SHOWN, NO_PERIOD
from thidua_xlsx.text.messages.files import SAVED_IN_FILE, SAVED_ON_DISK

MAX_DIFF_LINES = 30  # per superseded version, in "Nguồn dữ liệu"

# (who, what, which column) → (value, name of who): the input cells of a version (see _cells).
_Cells = dict[tuple[str, str, str], tuple[object, str]]


class Kept:
    """What the merge keeps of the files as they are read, in the inbox's order (``add``):

    * each byte-identical copy of an earlier file (a forwarded mail, a file saved twice) named as a
      copy of the first;
    * a file whose validation failed (a bug of ours) rejected, saying so;
    * the validated entries of each department's newest version so far only (per round: the round
      is settled at the end) — :func:`select` picks no other, the older ones only show a diff;
    * one identity of an issued workbook for all the versions sent back of it, and one shape of their
      cells when it is the same (each keeps only its values).
    """

    def __init__(self) -> None:
        self.files: list[InboxFile] = []
        self.clean: dict[str, CleanSubmission] = {}  # file name → its validated entries
        self._first: dict[str, str] = {}  # sha256 → the name of the first file with it
        self._newest: dict[tuple[str, str, str], InboxFile] = {}  # (department, round, period) → its newest so far
        self._identities: dict[str, IssuedWorkbook] = {}  # submission id → the slim record of what was issued
        self._shapes: dict[bytes, bytes] = {}  # the shape of a version's cells → its first copy

    def add(self, f: InboxFile, clean: CleanSubmission | None, error: str = "") -> None:
        if f.sha256 and f.sha256 in self._first:
            f = dataclasses.replace(f, status=SKIPPED, reason="file.copy_of", submission=None, issues=(
                issue("file.copy_of", NOTE, file=f.name, original=self._first[f.sha256]),))
        elif f.sha256:
            self._first[f.sha256] = f.name
        if f.status == ACCEPTED and error:
            f = reject(f, "file.internal_error", error=error)
        elif f.status == ACCEPTED:
            f = self._shared(f)
            version = (f.submitted.department_code, f.submitted.round, f.submitted.period)
            older = self._newest.get(version)
            if older is None or version_key(f) > version_key(older):
                if older is not None:
                    self.clean.pop(older.name, None)
                self._newest[version] = f
                if clean is not None:  # always, but where a test adds a file it did not validate
                    self.clean[f.name] = clean
        self.files.append(f)

    def _shared(self, f: InboxFile) -> InboxFile:
        """``f`` with the identity of its workbook, and the shape of its cells, of the first version that
        had them (a later version of a workbook: objects made only then)."""
        sub = f.submitted
        issued = self._identities.setdefault(sub.issued.submission_id, sub.issued)
        inputs = sub.inputs
        if inputs is not None and (shape := self._shapes.setdefault(inputs.shape, inputs.shape)) is not inputs.shape:
            inputs = Packed(shape, inputs.values)
        if issued is sub.issued and inputs is sub.inputs:
            return f
        return dataclasses.replace(f, submission=dataclasses.replace(sub, issued=issued, inputs=inputs))


def version_key(f: InboxFile) -> tuple[bool, dt.datetime, dt.datetime, str]:
    """Of a department's versions, the one with the greatest key is used (see the module); one whose workbook says a
    save time that cannot be (a date to come) never wins over one that does not."""
    return not f.saved_impossible, f.version_time, f.modified, f.name


def _when(f: InboxFile) -> str:
    local = f.version_time + ly.VIETNAM_UTC_OFFSET
    source = SAVED_IN_FILE if f.saved_at else SAVED_ON_DISK
    return f"{local:%d/%m/%Y %H:%M} ({source})"


_ITEM_LABELS = ("tự chấm", "tổ chấm", "ghi chú")
_REGISTRATION_LABELS = ("họ tên", "danh hiệu", "hình thức", "sáng kiến", "ghi chú")


def pack_inputs(sub: Submission) -> Packed:
    """What :meth:`_Newest.changes` needs of a version, compressed (under a KB for a department): all a
    file keeps of its cells once validated, in case a newer version supersedes it or it supersedes another."""
    forms, rows, collective = _records(sub)
    shape = [[[who, name, [code for code, *_ in items], [key for key, _ in facts], spare is not None]
              for who, name, items, facts, spare in forms], [[who, name] for who, name, _ in rows],
             collective is not None]
    values = []
    for _, _, items, facts, spare in forms:
        for _, *cells in items:
            values += cells
        values += [value for _, value in facts] + ([spare] if spare is not None else [])
    for _, _, cells in rows:
        values += cells
    values += [collective] if collective is not None else []
    return Packed(_compress(shape), _compress(values))


def _compress(data: list) -> bytes:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)  # a date: as canonical()
    return zlib.compress(body.encode())


def _expand(part: bytes) -> list:
    return json.loads(zlib.decompress(part))


def _unpack(packed: Packed) -> list:
    """The :func:`_records` that :func:`pack_inputs` packed."""
    (forms, rows, collective), values = _expand(packed.shape), _expand(packed.values)
    taken = iter(values)
    return [[[who, name, [[code, next(taken), next(taken), next(taken)] for code in codes],
              [[key, next(taken)] for key in facts], next(taken) if spare else None]
             for who, name, codes, facts, spare in forms],
            [[who, name, [next(taken) for _ in _REGISTRATION_LABELS]] for who, name in rows],
            next(taken) if collective else None]


def _records(sub: Submission) -> list:
    """The input values of a version, by code, as plain lists (what :func:`_cells` expands)."""
    forms = []
    for form in sub.forms:
        who = form.person.code or form.marker
        name = form.person.name or canonical(form.name.value if form.name else "") or form.marker
        items = [[c.code, c.self.value, c.dept.value, c.note.value] for c in form.items]  # made text when compared
        facts = [[key, canonical(cell.value)] for key, cell in form.facts]
        spare_name = canonical(form.name.value) if form.spare and form.name is not None else None
        forms.append([who, name, items, facts, spare_name])
    rows = []
    for n, row in enumerate(sub.registrations):
        who = row.person.code if row.person else f"+{n}"
        name = row.person.name if row.person else canonical(row.name.value)
        rows.append([who, name, [canonical(c.value) for c in (row.name, row.title, row.form, row.initiative,
                                                              row.note)]])
    collective = canonical(sub.collective.value) if sub.collective is not None else None
    return [forms, rows, collective]


def _cells(sub: Submission) -> _Cells:
    """(who, what, which column) → (value, name of who): the input cells of a version, by code. A
    score is kept as read (made text by :func:`_changes` only where two versions differ)."""
    forms, rows, collective = _unpack(sub.inputs) if sub.inputs else _records(sub)
    found: _Cells = {}
    for who, name, items, facts, spare_name in forms:
        for code, *values in items:
            for label, value in zip(_ITEM_LABELS, values):
                found[(who, code, label)] = (value, name)
        for key, value in facts:
            found[(who, key, "")] = (value, name)
        if spare_name is not None:
            found[(who, "họ tên", "")] = (spare_name, name)
    for who, name, values in rows:
        for label, value in zip(_REGISTRATION_LABELS, values):
            found[(who, label, "")] = (value, name)
    if collective is not None:
        found[("tập thể", "danh hiệu", "")] = (collective, "tổ")
    return found


def _changes(before: _Cells, after: _Cells) -> list[str]:
    """What the newer version changed, cell by cell, between two versions' :func:`_cells`: "Nguyễn Thị Lan, I.1 tự
    chấm: 8 → 9"."""
    blank = ("", "")
    differ = [key for key, was in before.items() if after.get(key, blank)[0] != was[0]]
    differ += [key for key in after if key not in before and after[key][0] != ""]
    return _lines((key, (after.get(key) or before[key])[1], before.get(key, blank)[0], after.get(key, blank)[0])
                  for key in sorted(differ))


def _lines(differ: Iterable[tuple[tuple[str, str, str], str, object, object]]) -> list[str]:
    """One line per (key, name, old, new), in that order, where the two differ once made text (10.0 and "10"
    are the same)."""
    changes = []
    for key, name, was, now in differ:
        old, new = canonical(was), canonical(now)
        if old != new:
            changes.append(f"{name}, {f'{key[1]} {key[2]}'.rstrip()}: {_shown(old)} → {_shown(new)}")
    return changes


def _shown(text: str) -> str:
    """A cell's value as a message quotes it: a decimal with the Vietnamese comma (5,5), a blank said."""
    if re.fullmatch(r"-?\d+\.\d+", text):
        return text.replace(".", ",")
    return text or BLANK_SHOWN


class _Newest:
    """A department's newest version, its cells expanded once, to tell what each older one changed: an
    older version of the same shape (the usual case: the same workbook sent again) compared value by
    value in the packed order, without expanding its cells."""

    def __init__(self, winner: InboxFile):
        self.file, self.saved = winner, _when(winner)
        self.cells = _cells(winner.submitted)
        inputs = winner.submitted.inputs
        self.shape = inputs.shape if inputs else None

    def changes(self, older: Submission) -> list[str]:
        packed, cells = older.inputs, self.cells
        before = _expand(packed.values) if packed and packed.shape == self.shape else None
        if before is None or len(before) != len(cells):  # another shape, or a code twice in a form
            return _changes(_cells(older), cells)
        differ = [(key, was) for key, was in zip(cells, before) if cells[key][0] != was]
        return _lines((key, cells[key][1], was, cells[key][0]) for key, was in sorted(differ))


def select(files: list[InboxFile], campaign: cm.Campaign, round_: str | None = None,
           period: str | None = None) -> Selection:
    """``round_`` and ``period`` (by code) when asked, else those of most files; a file of another round or
    period is refused, by its recorded identity."""
    round_, period = _round_and_period(files, campaign, round_, period)
    departments = {d.code: n for n, d in enumerate(campaign.departments)}
    settled = _settled(files, campaign, round_, period, departments)
    groups: dict[str, list[InboxFile]] = {}
    for f in settled:
        if f.status == ACCEPTED:
            groups.setdefault(f.submitted.department_code, []).append(f)
    newest = {code: max(group, key=version_key) for code, group in groups.items()}
    # Each version of a department as it leaves: the older ones superseded, saying what changed (the
    # newest's cells expanded once per department), all without their packed cells: compared, no longer needed.
    final: dict[int, InboxFile] = {}  # id of an accepted file → it as it leaves
    lines: dict[str, str] = {}  # a line of a diff → its first copy
    for code, group in groups.items():
        winner = newest[code]
        compared = _Newest(winner) if len(group) > 1 else None
        for f in group:
            if f is winner:
                final[id(f)] = _unpacked(f)
            elif compared is not None:  # always: a group with a version besides its winner
                final[id(f)] = _superseded(f, compared, lines)
    winners = sorted((final[id(f)] for f in newest.values()), key=lambda f: departments[f.submitted.department_code])
    return Selection(round_, tuple(final.get(id(f), f) for f in settled), tuple(winners), period)


def _round_and_period(files: list[InboxFile], campaign: cm.Campaign, round_: str | None,
                      period: str | None) -> tuple[str, str]:
    """The round and period asked, else those of most files read (of two as many rounds, scoring); registration is
    the year's, whatever the periods."""
    readable = [f for f in files if f.status == ACCEPTED]
    if round_ is None:
        rounds = Counter(f.submitted.round for f in readable)
        round_ = max(rounds.items(), key=lambda kv: (kv[1], kv[0] == ly.SCORING))[0] if rounds else ly.SCORING
    if round_ != ly.SCORING:
        return round_, ""
    if period is None:
        return round_, _majority_period(Counter(f.submitted.period for f in readable if f.submitted.round == round_),
                                        campaign)
    return round_, period


def _settled(files: list[InboxFile], campaign: cm.Campaign, round_: str, period: str,
             departments: dict[str, int]) -> list[InboxFile]:
    """``files`` with each file read of another round, another period or a department the campaign does not have
    refused, by its recorded identity."""
    labels = {p.code: p.label for p in campaign.periods}
    settled = []
    for f in files:
        if f.status == ACCEPTED and f.submitted.round != round_:
            f = reject(f, "file.other_round", round=f.submitted.round, expected=round_)
        elif f.status == ACCEPTED and f.submitted.period != period:
            f = reject(f, "file.other_period", period=labels.get(f.submitted.period, f.submitted.period or NO_PERIOD),
                       expected=labels.get(period, period or NO_PERIOD))
        elif f.status == ACCEPTED and f.submitted.department_code not in departments:
            f = reject(f, "file.unknown_department", department=f.department_name)
        settled.append(f)
    return settled


def _majority_period(periods: Counter[str], campaign: cm.Campaign) -> str:
    """The period of most files (of two as many, the later in the campaign); "" when none was read."""
    order = {p.code: n for n, p in enumerate(campaign.periods)}
    return max(periods.items(), key=lambda kv: (kv[1], order.get(kv[0], -1)))[0] if periods else ""


def _unpacked(f: InboxFile) -> InboxFile:
    return dataclasses.replace(f, submission=dataclasses.replace(f.submitted, inputs=None))


def _superseded(f: InboxFile, newest: _Newest, lines: dict[str, str]) -> InboxFile:
    """``f`` superseded by its department's newest version; each line of what changed taken from
    ``lines`` when an earlier version's diff has it."""
    winner, changes = newest.file, newest.changes(f.submitted)
    cut = changes[:MAX_DIFF_LINES] + ([f"… (+{len(changes) - MAX_DIFF_LINES})"] if len(changes) > MAX_DIFF_LINES
                                      else [])
    shown = Lines(lines.setdefault(line, line) for line in cut)
    return dataclasses.replace(_unpacked(f), status=SUPERSEDED, reason="file.superseded", issues=(
        *f.issues, issue("file.superseded", WARNING, file=f.name, department=f.department_name,
                         newer=winner.name, saved=_when(f), newer_saved=newest.saved),
        issue("file.version_diff", NOTE, file=f.name, count=len(changes), newer=winner.name, changes=shown or "-")))
