"""Returned workbooks brought into a campaign from outside its folders — dropped on the local page, attached to an
e-mail — each filed into the inbox its own codes name, never by its file name.

What the filing is, the same for every campaign folder, is :class:`Intake`'s; what a book is and where it goes is its
folder's kind's: a school's (:class:`SchoolIntake`, here) or a commune's (:mod:`thidua_xlsx.commune.steps_intake`),
picked by the folder's book (:func:`thidua_xlsx.commands.collect.open_intake`). A school's book is read as ``merge``
reads it (:func:`thidua_xlsx.steps.parallel.read_inbox`, against the record of issued books, within the same time
limit): the round, the period and the department come from that record, found by the book's hidden id. So a book
of another campaign, year or school, last year's, one never issued, a damaged one, is refused with the reason the
merge would give, before it is anywhere in an inbox; a book with wrong values is filed (the merge and ``status`` say
what is wrong in it, at its cell, as for a book saved by hand).

Where each goes (:func:`inbox_for`): a registration book to ``inbox-dang-ky/``, a scoring book to ``inbox/``, a
period's to ``inbox/<period>/`` (as the README's year does).

Nothing is overwritten and nothing is half-written in an inbox: the bytes are first written in the campaign's
staging folder, read there, and then linked into the inbox under a name no file has (``Tổ Toán (2).xlsx`` beside
an earlier version: the merge keeps the newest of a department's versions); a file byte-identical to one already in
that inbox is not filed again (:data:`SAME`). Each filed file has a record in ``so-da-nhan/`` (who sent it, when,
the message it came in: :class:`Received`).

What the mail's collector settled of each message is kept beside, in ``so-da-nhan/thu/`` (:class:`MessageRecord`: one
record per message, by its id): which attachments reached an outcome that needs nothing more (:func:`settled`: filed,
a copy of one filed, refused for its content, not ours) and whether all did. An attachment refused for a reason
outside the file (a write that failed: a full disk, an antivirus' lock) is not settled: the next collect tries it
again, and never files a settled one twice.

A ZIP is opened in memory under the inbox's bounds (entries, sizes, no nested archive, no name of it used as a
path); each workbook in it is filed as if sent alone; anything else in it, and any file that is no workbook, is
:data:`NOT_OURS`: listed, left alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import json
import os
import re
import secrets
import stat
import unicodedata
import zipfile
from abc import ABC, abstractmethod
from dataclasses import asdict, replace
from pathlib import Path, PurePosixPath, PureWindowsPath

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.errors import Stopped
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.issues import ERROR, NOTE, Issue, Problems, issue
from thidua_xlsx.model.places import (
    INBOX,
    MESSAGES_FOLDER,
    RECEIVED_FOLDER,
    REGISTRATION_INBOX,
    STAGING_FOLDER,
    windows_device,
)
from thidua_xlsx.model.received import (
    FILED,
    MAX_FILE_BYTES,
    NOT_OURS,
    REFUSED,
    SAME,
    WORKBOOK_SUFFIXES,
    Addresses,
    Filed,
    MessageRecord,
    Received,
)
from thidua_xlsx.read.containment import FILE, LOCK, InboxItem, left_beside
from thidua_xlsx.read.inflating import DAMAGED_ZIP
from thidua_xlsx.steps.workspace import CampaignFolder, campaign_in, open_campaign
from thidua_xlsx.system import files
from thidua_xlsx.system.lock import hide
from thidua_xlsx.system.voice import vietnam_now

MAX_ARCHIVE_ENTRIES = 200  # in a ZIP sent: a school's books are a few dozen
MAX_ARCHIVE_BYTES = 4 * MAX_FILE_BYTES  # a ZIP's workbooks unpacked, all together
MAX_VERSIONS = 999  # of one name in one inbox: "Tổ Toán (2).xlsx"…
MAX_NAME_CHARS = 120  # of a filed file's name: the inbox's path stays well inside Windows' 260
MAX_NAME_BYTES = 200  # of a filed file's name in UTF-8: Linux and macOS take 255 (120 Vietnamese letters may be 360)
#: In a Windows file name, and what would make a name show other than it is: control characters (C0, C1), the marks
#: that turn a line's direction (``ab\u202excod.xlsx`` shows as "abdocx.xlsx"), zero-width characters.
_FORBIDDEN = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
_ARCHIVES = (".zip",)
_NOT_OURS = ("file.not_ours", "level_above.not_summary")  # a workbook, but none of ours: left alone
MAX_MESSAGE_RECORD_BYTES = 256 * 1024  # a message's record: a few hundred bytes per attachment


class IntakeError(Stopped):
    """The folder is no campaign folder (or its campaign cannot be read): ``problems`` say why."""

    def __init__(self, problems: Problems):
        super().__init__(problems)


def inbox_for(folder: Path, round_: str, period: str = "") -> Path:
    """The inbox a school's returned books of ``round_`` (and ``period``) go into, in campaign folder ``folder``."""
    if round_ == ly.REGISTRATION:
        return folder / REGISTRATION_INBOX
    return folder / INBOX / period if period else folder / INBOX


def open_school_intake(folder: Path) -> SchoolIntake:
    """The intake of a school's campaign folder ``folder`` (its ``campaign.xlsx``). :class:`IntakeError` when it holds
    no campaign book (nor, since a commune's folder is picked before, a ``cap-tren.xlsx``), or its campaign cannot be
    read."""
    folder = Path(folder)
    school_book = campaign_in(folder)
    if school_book is None:
        problems = Problems()
        problems.add("intake.no_campaign", folder=str(folder))
        raise IntakeError(problems)
    opened, problems = open_campaign(school_book)
    if opened is None:
        raise IntakeError(problems)
    return SchoolIntake(folder, opened)


class Intake(ABC):
    """Files brought into one campaign folder (see the module); what each is and where it goes is the folder's kind's
    (:meth:`_placed`), and so are the addresses its books come from (:meth:`addresses`)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._hashed: dict[tuple[Path, int, int], str] = {}  # (file, size, time) → its SHA-256, while unchanged
        self._versions: dict[tuple[Path, str], int] = {}  # (inbox, name) → the next "(n)" to try for it

    def file(self, name: str, data: bytes, received: Received | None = None,
             expected: tuple[str, str] | None = None) -> list[Filed]:
        """File ``data``, received as ``name``; one :class:`Filed` per workbook (a ZIP gives one each). With
        ``expected`` (a round and a period: the page of that round), a book of another round or period is filed into
        its own round's inbox all the same, with a note naming both (the drop files each book by its codes)."""
        shown = display_name(name)
        if Path(shown).suffix.lower() in _ARCHIVES:
            return self._archive(shown, data, received, expected)
        return [self._one(shown, data, received, expected)]

    @abstractmethod
    def addresses(self) -> Addresses:
        """The address each unit that sends this folder its books writes from, by the unit (who sent a mail)."""

    @abstractmethod
    def _placed(self, item: InboxItem, expected: tuple[str, str] | None) -> Filed:
        """Where the staged book ``item`` (received as its name) belongs, as the readers of the merge judge it: FILED
        with its ``path`` still to be chosen (its inbox in ``path``), or REFUSED / NOT_OURS with the reason."""

    def received(self) -> list[dict[str, object]]:
        """Every record of ``so-da-nhan/`` (a damaged one left out): what was filed, from whom, when."""
        found: list[dict[str, object]] = []
        for path in sorted((self.folder / RECEIVED_FOLDER).glob("*.json")):
            with contextlib.suppress(OSError, ValueError):
                record = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(record, dict):
                    found.append(record)
        return found

    def messages_collected(self) -> dict[str, MessageRecord]:
        """What the collector settled of each message it looked at, by the message's id (``so-da-nhan/thu/``). A
        message files were taken from before these records were kept counts those files settled (by their SHA-256),
        not the message done: it is looked at once more, and only what is not yet settled of it is filed."""
        found: dict[str, MessageRecord] = {}
        for r in self.received():
            message_id, sha = r.get("message_id"), r.get("sha256")
            if isinstance(message_id, str) and message_id and isinstance(sha, str) and sha:
                known = found.get(message_id, MessageRecord(message_id))
                found[message_id] = replace(known, settled=known.settled | {sha}, taken=True)
        for path in sorted((self.folder / RECEIVED_FOLDER / MESSAGES_FOLDER).glob("*.json")):
            with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
                if path.stat().st_size > MAX_MESSAGE_RECORD_BYTES:
                    continue
                data = json.loads(path.read_text(encoding="utf-8"))
                message_id = str(data["message_id"])
                known = found.get(message_id, MessageRecord(message_id))
                found[message_id] = MessageRecord(message_id, known.settled | {str(s) for s in data["settled"]},
                                                  data.get("done") is True, known.taken or data.get("taken") is True,
                                                  str(data.get("digest") or ""), int(data.get("size") or 0),
                                                  int(data.get("unlooked") or 0))
        return found

    def note_message(self, record: MessageRecord) -> None:
        """``record`` kept, written whole over the message's earlier one. A failure to write it loses nothing: the
        message is looked at again next time, and what was filed from it is then found already filed (SAME)."""
        folder = self.folder / RECEIVED_FOLDER / MESSAGES_FOLDER
        name = hashlib.sha256(record.message_id.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        data = {"message_id": record.message_id, "settled": sorted(record.settled), "done": record.done,
                "taken": record.taken, "digest": record.digest, "size": record.size,
                "unlooked": record.unlooked,
                "at": vietnam_now().astimezone(dt.timezone.utc).isoformat(timespec="seconds")}
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            with files.replacing(folder / f"{name}.json") as tmp:
                tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")

    # --- one file -----------------------------------------------------------------------------------------------

    def _one(self, name: str, data: bytes, received: Received | None, expected: tuple[str, str] | None) -> Filed:
        suffix = Path(name).suffix.lower()
        if left_beside(name) == LOCK:  # Excel's (~$) or LibreOffice's (.~lock.) mark of a book open there, as the
            # merge tells it (any case): a book filed under such a name would never be read
            return Filed(name, NOT_OURS, problem=issue("intake.lock_file", NOTE, file=name))
        if suffix not in WORKBOOK_SUFFIXES:
            return Filed(name, NOT_OURS, problem=issue("intake.not_workbook", NOTE, file=name))
        if len(data) > MAX_FILE_BYTES:
            return Filed(name, REFUSED, problem=issue("file.too_big", ERROR, file=name,
                                                      size_mb=len(data) // (1024 * 1024),
                                                      max_mb=MAX_FILE_BYTES // (1024 * 1024)))
        sha = hashlib.sha256(data).hexdigest()
        staging = self.folder / STAGING_FOLDER
        try:
            staging.mkdir(exist_ok=True)
            hide(staging)
            staged = staging / f"{secrets.token_hex(8)}{suffix}"
            staged.write_bytes(data)
        except OSError as exc:
            return Filed(name, REFUSED, sha256=sha, problem=issue("intake.cannot_write", ERROR, file=name,
                                                                  folder=str(staging), fault=files.fault_text(exc)))
        try:
            placed = self._placed(InboxItem(staged, name, FILE), expected)
            if placed.outcome != FILED:
                return _with_sha(placed, sha)
            return self._install(placed, staged, sha, received)
        finally:
            with contextlib.suppress(OSError):
                staged.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                staging.rmdir()  # only when empty: another file may be waiting there

    def _install(self, placed: Filed, staged: Path, sha: str, received: Received | None) -> Filed:
        inbox = Path(placed.path)
        try:
            inbox.mkdir(parents=True, exist_ok=True)
            same = self._same_file(inbox, sha, staged.stat().st_size)
            if same is not None:
                return _with_sha(placed, sha, outcome=SAME, path=self._relative(same))
            target = self._link_new(staged, inbox, placed.name)
        except OSError as exc:
            return Filed(placed.name, REFUSED, sha256=sha, round=placed.round, period=placed.period, unit=placed.unit,
                         unit_name=placed.unit_name, problem=issue("intake.cannot_write", ERROR, file=placed.name,
                                                                   folder=str(inbox), fault=files.fault_text(exc)))
        filed = _with_sha(placed, sha, path=self._relative(target))
        self._record(filed, received or Received())
        return filed

    def _same_file(self, inbox: Path, sha: str, size: int) -> Path | None:
        """A file of ``inbox`` (its folders included) byte-identical to the one of SHA-256 ``sha`` and ``size``. Each
        file is hashed once while it stays as it is (its size and time): collecting 500 messages into a growing inbox
        stats its files for each, never hashes them all again."""
        for path in sorted(inbox.rglob("*")):
            with contextlib.suppress(OSError):
                info = path.lstat()
                if not stat.S_ISREG(info.st_mode) or info.st_size != size:
                    continue
                key = (path, info.st_size, info.st_mtime_ns)
                if key not in self._hashed:
                    self._hashed[key] = files.sha256_of(path)
                if self._hashed[key] == sha:
                    return path
        return None

    def _link_new(self, staged: Path, inbox: Path, name: str) -> Path:
        """``staged`` moved whole into ``inbox`` under ``name``, or ``name (2)``, ``(3)``… — the first no file has
        (:func:`~thidua_xlsx.system.files.place_new`), tried from the last this intake gave that name (a department
        sending its book again and again is not tried from (2) each time)."""
        suffix = PurePosixPath(name).suffix
        stem = name[:len(name) - len(suffix)]
        for n in range(self._versions.get((inbox, name), 1), MAX_VERSIONS + 1):
            target = inbox / (name if n == 1 else f"{stem} ({n}){suffix}")
            try:
                files.place_new(staged, target)
            except FileExistsError:
                continue
            self._versions[(inbox, name)] = n + 1
            return target
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(inbox / name))

    def _record(self, filed: Filed, received: Received) -> None:
        """The record of ``filed`` in ``so-da-nhan/`` (a failure to write it loses nothing of the file: said)."""
        record = {"name": filed.name, "path": filed.path, "sha256": filed.sha256, "round": filed.round,
                  "period": filed.period, "unit": filed.unit, "unit_name": filed.unit_name,
                  "filed_at": vietnam_now().astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
                  **asdict(received)}
        folder = self.folder / RECEIVED_FOLDER
        with contextlib.suppress(OSError):
            folder.mkdir(exist_ok=True)
            with files.replacing(folder / f"{filed.sha256[:20]}-{secrets.token_hex(3)}.json") as tmp:
                tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")

    # --- a ZIP --------------------------------------------------------------------------------------------------

    def _archive(self, name: str, data: bytes, received: Received | None,
                 expected: tuple[str, str] | None) -> list[Filed]:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = [i for i in zf.infolist() if not i.is_dir() and "__MACOSX/" not in i.filename]
                if len(infos) > MAX_ARCHIVE_ENTRIES or sum(i.file_size for i in infos) > MAX_ARCHIVE_BYTES:
                    return [Filed(name, REFUSED, problem=issue("intake.archive_too_big", ERROR, file=name,
                                                               count=len(infos)))]
                said: dict[int, Filed] = {}
                books: dict[int, bytes] = {}  # every book read whole before any is filed: a ZIP broken further
                unpacked = 0  # on files none of it, never some said refused yet filed
                for k, info in enumerate(infos):
                    inner = f"{name}/{display_name(info.filename)}"
                    if Path(info.filename).suffix.lower() not in WORKBOOK_SUFFIXES:
                        said[k] = Filed(inner, NOT_OURS, problem=issue("intake.not_workbook", NOTE, file=inner))
                    elif info.file_size > MAX_FILE_BYTES:
                        said[k] = Filed(inner, REFUSED, problem=issue(
                            "file.too_big", ERROR, file=inner, size_mb=info.file_size // (1024 * 1024),
                            max_mb=MAX_FILE_BYTES // (1024 * 1024)))
                    else:
                        books[k] = _bounded_read(zf, info, MAX_ARCHIVE_BYTES - unpacked)
                        unpacked += len(books[k])
        except (RuntimeError, *DAMAGED_ZIP):
            return [Filed(name, REFUSED, problem=issue("intake.archive_broken", ERROR, file=name))]
        found = [said[k] if k in said else self._one(display_name(info.filename), books[k], received, expected)
                 for k, info in enumerate(infos)]
        if not infos:
            found.append(Filed(name, NOT_OURS, problem=issue("intake.archive_empty", NOTE, file=name)))
        return found

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()


class SchoolIntake(Intake):
    """The books a school's departments return, filed by the codes the record of issued books knows them by."""

    def __init__(self, folder: Path, school: CampaignFolder):
        super().__init__(folder)
        self.school = school

    def addresses(self) -> Addresses:
        """Each department head's address, by the department's code."""
        return Addresses({d.code: d.email.strip().lower() for d in self.school.campaign.departments if d.email})

    def _placed(self, item: InboxItem, expected: tuple[str, str] | None) -> Filed:
        from thidua_xlsx.read.department import ReadContext  # deferred: python-calamine at start-up
        from thidua_xlsx.steps.parallel import read_inbox  # deferred: python-calamine at start-up

        name = item.name
        # as the merge reads it, within its time limit: in this process where it can stop the reader (the command
        # line on POSIX), else in a worker process (the page's threads, Windows)
        [read] = read_inbox([item], ReadContext(self.school.campaign, self.school.registry))
        entry = read.file
        if entry.submission is None:
            return refusal(name, entry)
        layout = entry.submission.issued.layout
        elsewhere = None  # a book dropped on another round's page: filed by its codes all the same, and said
        if expected is not None and (layout.round, layout.period) != expected:
            elsewhere = issue("intake.other_round", NOTE, file=name, department=layout.department_name,
                              found=self._round_words(layout.round, layout.period),
                              expected=self._round_words(*expected))
        inbox = inbox_for(self.folder, layout.round, layout.period)
        return Filed(name, FILED, path=str(inbox), problem=elsewhere, round=layout.round, period=layout.period,
                     unit=layout.department_code, unit_name=layout.department_name, issues=entry.issues)

    def _round_words(self, round_: str, period: str) -> str:
        if period:
            labels = {p.code: p.label for p in self.school.campaign.periods}
            return f"{ly.ROUNDS.get(round_, round_)} – {labels.get(period, period)}"
        return ly.ROUNDS.get(round_, round_)


def display_name(name: str) -> str:
    """The last part of ``name`` (an attachment's, an upload's, a ZIP entry's: never a path to follow), made a name
    Windows accepts: NFC, no forbidden or control character, no reserved device name, no trailing dot or space, at
    most :data:`MAX_NAME_CHARS` characters and :data:`MAX_NAME_BYTES` bytes (the suffix kept)."""
    base = PureWindowsPath(PurePosixPath(unicodedata.normalize("NFC", name or "")).name).name
    base = _FORBIDDEN.sub("_", base).strip().rstrip(". ")
    suffix = PurePosixPath(base).suffix  # as the intake and the merge tell a book: "..xlsx" is one
    stem = base[:len(base) - len(suffix)]
    stem = stem if stem.strip(". ") else ""  # "..xlsx": no name but dots, a hidden file to the folder
    if windows_device(base) or not stem:  # "nul .xlsx", "con.ban.xlsx": the device, to Windows
        stem = f"_{stem}" if stem else "tep"
    suffix = suffix[:12]
    stem = stem[:MAX_NAME_CHARS - len(suffix)]
    while len((stem + suffix).encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


def refusal(name: str, entry: InboxFile) -> Filed:
    """The reader's reason for not taking ``entry`` (the issue :func:`~thidua_xlsx.model.inbox.reject` added), said
    of the file as it was received, as the reason for not filing it."""
    found = next(i for i in entry.issues if i.code == entry.reason)
    reason = Issue(found.code, found.severity, name, found.sheet, found.cell, found.params)
    return Filed(name, NOT_OURS if entry.reason in _NOT_OURS else REFUSED, problem=reason)


def _with_sha(filed: Filed, sha: str, outcome: str | None = None, path: str | None = None) -> Filed:
    return replace(filed, sha256=sha, outcome=outcome or filed.outcome, path=filed.path if path is None else path)


def _bounded_read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, left: int) -> bytes:
    """A ZIP entry's bytes, stopped past :data:`MAX_FILE_BYTES` or the ``left`` bytes the archive may still unpack,
    whatever its header claims (a bomb)."""
    chunks, total = [], 0
    with zf.open(info) as member:
        while chunk := member.read(1 << 20):
            total += len(chunk)
            if total > min(MAX_FILE_BYTES, left):
                raise ValueError("entry larger than it says")
            chunks.append(chunk)
    return b"".join(chunks)


