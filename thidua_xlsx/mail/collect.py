"""``collect SOURCE [FOLDER]``: the returned books taken from e-mail and filed into the campaign by the codes inside
them (:mod:`thidua_xlsx.steps.intake`, the one filing the local page uses too, handed to this door as a
:class:`~thidua_xlsx.model.received.Filing`).

SOURCE is a folder of saved messages (``.eml``; Outlook's ``.msg`` is said, not read: the one well-kept reader,
extract-msg, is GPL-3.0 and this tool is MIT) or an IMAP mailbox, over TLS (``imaps://user@host[:port]/INBOX``) or
STARTTLS (``imap://…``; :mod:`thidua_xlsx.mail.imap` connects, verifies and says what went wrong). The mailbox is only
read: it is opened with EXAMINE (read-only) and every message fetched with ``BODY.PEEK`` (no \\Seen flag set), nothing
moved, flagged or deleted. The password is given by the caller (asked, an environment variable, the keyring), never
written.

Each message is parsed by the standard library (``email``, ``policy.default``: RFC 2047 / 2231 names decoded); each
attachment goes to :meth:`Intake.file` with who sent it, when, and the message's id
(:class:`~thidua_xlsx.model.received.Received`, kept in ``so-da-nhan/``). A message is done only when each of its
attachments reached an outcome that needs nothing more (:func:`~thidua_xlsx.model.received.settled`); what was
settled of it is kept after each attachment (:meth:`Intake.note_message`), so that a write that failed — a full
disk, an antivirus' lock — or a run stopped between two attachments (Ctrl+C, the connection cut) leaves the rest for
the next run, which looks at that message again, files only what is not settled yet, and says each failure until it
is filed. A message that is done is not fetched again; a byte-identical book is never filed twice (the intake's
SAME).

Bounds, as for everything that comes back: a message larger than :data:`MAX_MESSAGE_BYTES` is not downloaded (its
size is asked first), an attachment larger than the inbox's limit is not opened, at most :data:`MAX_ATTACHMENTS` of
one message are looked at. A malformed part, a ``winmail.dat`` (TNEF), an attachment that is not ours: each said,
the rest of the message still collected. A fault of the connection (a wrong password, the server down or silent, a
certificate that does not match, a wrong port, the connection cut) stops the run with one message; what was filed
before it stays filed and is counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import imaplib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from email import errors, policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from thidua_xlsx.mail.imap import TIMEOUT_SECONDS, Mailbox, MailFault, close, connect, login, quoted, said
from thidua_xlsx.mail.imap import parse_mailbox as parse_mailbox  # the address read apart: the doors' call
from thidua_xlsx.model.issues import ERROR, WARNING, Issue, issue
from thidua_xlsx.model.received import (
    ATTACHMENT_TYPES,
    BY_MAIL,
    FILED,
    LOCK_PREFIXES,
    MAX_FILE_BYTES,
    NOT_OURS,
    REFUSED,
    SAME,
    WORKBOOK_SUFFIXES,
    Addresses,
    Filed,
    Filing,
    MessageRecord,
    Received,
    settled,
)
from thidua_xlsx.model.requests import FOLDER
from thidua_xlsx.model.typed import typed_text
from thidua_xlsx.text import mail as tm

MAX_ATTACHMENTS = 20  # of one message: a department sends one book, a school a few; more is a mistake or spam
MAX_MESSAGE_BYTES = 50 * 1024 * 1024  # not downloaded above this (a book is a few hundred KB)
TNEF_TYPES = ("application/ms-tnef", "application/vnd.ms-tnef")
FETCH_BATCH = 200  # message sizes and ids asked per command
STRUCTURE_DEFECTS = (errors.StartBoundaryNotFoundDefect, errors.CloseBoundaryNotFoundDefect,
                     errors.MultipartInvariantViolationDefect, errors.NoBoundaryInMultipartDefect)


@dataclass
class Collected:
    """What a collect did: per message its outcome lines; the counts; the problems (each coded); ``stopped``: the
    fault that ended the run early (None: it went to the end)."""

    messages: int = 0
    known: int = 0  # messages done before, something filed from them: not fetched again
    looked: int = 0  # messages done before with nothing to take (no book, or each refused for its content)
    cut: int = 0  # messages done before with attachments past those looked at (said apart, whatever was taken)
    attachments: int = 0
    books: int = 0  # workbooks lying in the folder collected (a chat program's or the browser's downloads)
    filed: list[tuple[str, Filed]] = field(default_factory=list)  # (message label, what became of each file)
    problems: list[tuple[str, Issue]] = field(default_factory=list)  # (message label, problem)
    stopped: Issue | None = None
    origins: dict[str, Received] = field(default_factory=dict)  # message label → who sent it, when

    def count(self, outcome: str) -> int:
        """The files of ``outcome`` that are settled (a refusal for a reason outside the file is :attr:`retried`)."""
        return sum(1 for _, f in self.filed if f.outcome == outcome and settled(f))

    @property
    def retried(self) -> int:
        """The files not filed for a reason outside them (a write that failed): tried again by the next run."""
        return sum(1 for _, f in self.filed if not settled(f))

    def skipped(self, record: MessageRecord | None) -> bool:
        """Whether the message of ``record`` was done before (counted: not fetched, not looked at again)."""
        if record is None or not record.done:
            return False
        if record.taken:
            self.known += 1
        elif not record.unlooked:
            self.looked += 1
        if record.unlooked:
            self.cut += 1
        return True


# --- one message -----------------------------------------------------------------------------------------------

def collect_message(data: bytes, label: str, intake: Filing, addresses: Addresses, done: Collected,
                    record: MessageRecord | None = None) -> None:
    """Every attachment of the message ``data`` not settled yet (``record``: what an earlier run settled of it) filed
    (see the module); what happened added to ``done``, what is settled of the message kept as each attachment is."""
    record = replace(record or MessageRecord(_message_id(data) or message_key(data)), digest=message_key(data),
                     size=len(data))
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # the parser is lenient; anything it still raises is the message's fault, said
        done.problems.append((label, issue("mail.unreadable", ERROR, file=label, detail=type(exc).__name__)))
        intake.note_message(replace(record, done=True))
        return
    assert isinstance(message, EmailMessage)
    received = _received(message)
    done.origins[label] = received
    broken = [type(d).__name__ for part in message.walk() for d in part.defects if isinstance(d, STRUCTURE_DEFECTS)]
    if broken:  # a multipart cut short or without its boundary: what could be told apart is still looked at
        done.problems.append((label, issue("mail.malformed", WARNING, file=label, detail=", ".join(broken))))
    parts = list(_attachments(message, label, done))
    if len(parts) > MAX_ATTACHMENTS:
        done.problems.append((label, _too_many(parts, label)))
        record = replace(record, unlooked=len(parts) - MAX_ATTACHMENTS)
    kept, taken, open_ = set(record.settled), record.taken, False
    looked_at = parts[:MAX_ATTACHMENTS]
    for k, (name, part) in enumerate(looked_at):
        payload = _payload(part, name, label, done)
        if payload is None:  # its problem said: nothing another run could do better
            done.attachments += 1
            continue
        key = hashlib.sha256(payload).hexdigest()
        if key in record.settled:  # settled by an earlier run: never filed twice (a copy in this message is said)
            continue
        done.attachments += 1
        outcomes = intake.file(name, payload, received)
        for filed in outcomes:
            _filed(filed, label, received, addresses, done)
        if all(settled(f) for f in outcomes):
            kept.add(key)
            taken = taken or any(f.outcome in (FILED, SAME) for f in outcomes)
            if k < len(looked_at) - 1:  # kept at once: a run stopped before the next attachment loses nothing
                intake.note_message(replace(record, settled=frozenset(kept), done=False, taken=taken))
        else:
            open_ = True
    intake.note_message(replace(record, settled=frozenset(kept), done=not open_, taken=taken))


def _known(records: dict[str, MessageRecord], key: str, data: bytes) -> tuple[str, MessageRecord | None]:
    """The key and the record of the message ``data`` known by ``key`` (its Message-ID): another message's record
    under the same ID (its bytes differ: a mail program that reuses IDs, or someone who sent one first) is not its
    own — it is then known by its ID and its bytes' digest."""
    record = records.get(key)
    if record is not None and record.digest and record.digest != (digest := message_key(data)):
        key = f"{key} {digest}"
        record = records.get(key)
    return key, record


def _too_many(parts: list[tuple[str, EmailMessage]], label: str) -> Issue:
    """A message with more attachments than are looked at: those left, named (the first ten)."""
    left = [typed_text(name).text for name, _ in parts[MAX_ATTACHMENTS:]]  # as a terminal may print it
    return issue("mail.too_many_attachments", WARNING, file=label, count=len(parts), limit=MAX_ATTACHMENTS,
                 names=", ".join(left[:10]) + (f", … (+{len(left) - 10})" if len(left) > 10 else ""))


def _filed(filed: Filed, label: str, received: Received, addresses: Addresses, done: Collected) -> None:
    """What became of one attachment, added to ``done``: not filed yet (a write that failed), or filed from another
    address than the unit's own."""
    done.filed.append((label, filed))
    if not settled(filed):
        done.problems.append((label, _not_filed_yet(label, filed)))
    expected = addresses.expected(filed) if filed.outcome in (FILED, SAME) else ""
    mailed = received.via == BY_MAIL  # a message naming no sender is not the unit's own either
    if expected and (received.sender or mailed) and received.sender.lower() != expected:
        code = "mail.other_sender" if filed.outcome == FILED else "mail.other_sender_same"  # a copy already there
        done.problems.append((label, issue(code, WARNING, file=filed.name, unit=filed.unit_name or filed.unit,
                                           sender=received.sender or tm.NO_SENDER, expected=expected,
                                           name=filed.name)))


def _not_filed_yet(label: str, filed: Filed) -> Issue:
    """A file refused for a reason outside it (a write that failed), said as collect says it: still in the message,
    taken again by the next run."""
    params = dict(filed.problem.params) if filed.problem is not None else {}
    return issue("mail.not_filed_yet", ERROR, file=label, name=filed.name, folder=params.get("folder", "?"),
                 fault=params.get("fault", "?"))


def message_key(data: bytes) -> str:
    """What a message without a Message-ID is known by in the records: the SHA-256 of its bytes."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _received(message: EmailMessage) -> Received:
    """Who sent the message, when, and its Message-ID, read from the header's lines as they came: the parser's own
    reading of a line is made when first asked for and raises on a crafted one ("From: <", a Date in the year 10^20),
    which would stop the run at that message, and at every run after it."""
    lines: dict[str, str] = {}
    for name, value in message.raw_items():  # the first line of each name, unfolded
        lines.setdefault(name.lower(), " ".join(str(value).split()))
    return Received(sender=_sender(lines.get("from", "")), date=_date(lines.get("date", "")),
                    message_id=lines.get("message-id", ""), via=BY_MAIL)


def _sender(line: str) -> str:
    """The From line's address when it names exactly one; else the line as it came (what a person can read of it),
    never one address picked out of it: "to.khoi1@truong.vn <ai@khac.vn>" is mail from ai@khac.vn — whose mailbox
    the replies reach and the mail servers check — showing the department's address as its name."""
    pairs = getaddresses([line])
    return typed_text(pairs[0][1] if len(pairs) == 1 and "@" in pairs[0][1] else line).text  # printable


def _date(line: str) -> str:
    """The Date line as an ISO time; "" when there is none or it is no date (a year of twenty digits too)."""
    try:
        parsed = parsedate_to_datetime(line) if line else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""
    return parsed.isoformat() if parsed is not None else ""


def _attachments(message: EmailMessage, label: str, done: Collected) -> Iterator[tuple[str, EmailMessage]]:
    """(file name, part) of each attachment (a part with a file name, or of an attachment's disposition); a
    malformed part said and left out."""
    for part in message.walk():
        if part.is_multipart():
            continue
        try:
            name = part.get_filename()
            disposition = part.get_content_disposition()
        except Exception as exc:  # a header the parser could not make sense of
            done.problems.append((label, issue("mail.malformed", WARNING, file=label, detail=type(exc).__name__)))
            continue
        if name is None and disposition != "attachment" and part.get_content_type() not in TNEF_TYPES:
            continue
        assert isinstance(part, EmailMessage)
        yield (name or _unnamed(part.get_content_type())), part


def _unnamed(content_type: str) -> str:
    """A name for an attachment sent without one, its suffix from its type (a workbook is still told as one)."""
    suffix = next((s for s, (main, sub) in ATTACHMENT_TYPES.items() if f"{main}/{sub}" == content_type), "")
    return f"tep-dinh-kem{suffix}"


def _payload(part: EmailMessage, name: str, label: str, done: Collected) -> bytes | None:
    """The attachment's bytes; None when it is not to be filed (said): a winmail.dat, too big, malformed."""
    if part.get_content_type() in TNEF_TYPES or name.lower() == "winmail.dat":
        done.problems.append((label, issue("mail.tnef", WARNING, file=label, name=typed_text(name).text)))
        return None
    raw = part.get_payload()
    if isinstance(raw, str) and len(raw) * 3 // 4 > MAX_FILE_BYTES:  # judged by its encoded size, before decoding
        done.problems.append((label, issue("mail.attachment_too_big", ERROR, file=label, name=typed_text(name).text,
                                           limit=MAX_FILE_BYTES // (1024 * 1024))))
        return None
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:
        done.problems.append((label, issue("mail.malformed", WARNING, file=label, detail=type(exc).__name__)))
        return None
    defects = [type(d).__name__ for d in part.defects]
    if defects or not isinstance(data, bytes):
        done.problems.append((label, issue("mail.malformed", WARNING, file=label,
                                           detail=", ".join(defects) or "no payload")))
        return None
    if len(data) > MAX_FILE_BYTES:
        done.problems.append((label, issue("mail.attachment_too_big", ERROR, file=label, name=typed_text(name).text,
                                           limit=MAX_FILE_BYTES // (1024 * 1024))))
        return None
    return data


# --- a folder of saved messages ----------------------------------------------------------------------------------

def collect_folder(source: Path, intake: Filing, on_message: Callable[[str], None] | None = None) -> Collected:
    """Every ``.eml`` of ``source`` (and its folders; or ``source`` itself, one saved message) collected, read only;
    an Outlook ``.msg`` said, not read. A workbook (or a ZIP of them) lying in the folder as it is — where a chat
    program (Zalo PC) or the browser saves what it receives, a USB stick — is filed by the codes inside it as an
    attachment is (a book already filed is said as such, never filed twice); the folder is left as it was."""
    done, addresses = Collected(), intake.addresses()
    records = intake.messages_collected()
    top = source.parent if source.is_file() else source
    found = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file() and not p.is_symlink())
    for path in found:
        label = path.relative_to(top).as_posix()
        suffix = path.suffix.lower()
        if suffix == ".msg":
            done.problems.append((label, issue("mail.msg_unsupported", WARNING, file=label, name=path.name)))
            continue
        if suffix in BOOK_SUFFIXES and not path.name.lower().startswith(LOCK_PREFIXES):  # any case, as the merge
            _collect_book(path, label, intake, done)
            continue
        if suffix != ".eml":
            continue
        done.messages += 1
        try:
            if path.stat().st_size > MAX_MESSAGE_BYTES:
                done.problems.append((label, issue("mail.message_too_big", ERROR, file=label,
                                                   limit=MAX_MESSAGE_BYTES // (1024 * 1024))))
                continue
            data = path.read_bytes()
        except OSError as exc:
            done.problems.append((label, issue("mail.unreadable", ERROR, file=label, detail=exc.strerror or str(exc))))
            continue
        key, record = _known(records, _message_id(data) or message_key(data), data)
        if done.skipped(record):
            continue
        collect_message(data, label, intake, addresses, done, record or MessageRecord(key))
        if on_message is not None:
            on_message(label)
    return done


BOOK_SUFFIXES = (*WORKBOOK_SUFFIXES, ".zip")  # what a folder of downloads may hold: books, and ZIPs of them


def _collect_book(path: Path, label: str, intake: Filing, done: Collected) -> None:
    """A workbook lying in the folder (not in a message): filed by its codes, its file's time as when it came."""
    done.books += 1
    try:
        if path.stat().st_size > 4 * MAX_FILE_BYTES:  # a ZIP of books at most: judged by its size, never read
            done.problems.append((label, issue("mail.book_too_big", ERROR, file=label,
                                               limit=4 * MAX_FILE_BYTES // (1024 * 1024))))
            return
        data, saved = path.read_bytes(), dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    except OSError as exc:
        done.problems.append((label, issue("mail.unreadable", ERROR, file=label, detail=exc.strerror or str(exc))))
        return
    for filed in intake.file(path.name, data, Received(date=saved.isoformat(timespec="seconds"), via=FOLDER)):
        done.filed.append((label, filed))


_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(?:\r?\n[ \t]+)?(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


def _message_id(data: bytes) -> str:
    """The Message-ID of a message's header (cheap: before parsing it whole); "" when none."""
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    found = _MESSAGE_ID.search(head)
    return found.group(1).decode("ascii", "replace") if found else ""


# --- an IMAP mailbox ----------------------------------------------------------------------------------------------

def collect_imap(box: Mailbox, password: str, intake: Filing, since: dt.date | None = None,
                 cafile: Path | None = None, timeout: float = TIMEOUT_SECONDS,
                 on_message: Callable[[str], None] | None = None) -> Collected:
    """The messages of ``box`` (since ``since``) collected, the mailbox unchanged (see the module). A fault of the
    connection ends the run: :attr:`Collected.stopped`; what was filed before it stays filed."""
    done, addresses = Collected(), intake.addresses()
    try:
        client = connect(box, cafile, timeout)
    except MailFault as fault:
        done.stopped = fault.problem
        return done
    try:
        login(client, box, password)
        uids = _uids(client, box, since)
        records = intake.messages_collected()
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start:start + FETCH_BATCH]
            for uid, size, message_id in _sizes(client, batch):
                done.messages += 1
                label = f"{box.mailbox} #{uid}"
                known = records.get(message_id) if message_id else None
                if known is not None and known.size in (0, size) and done.skipped(known):  # not fetched again; a
                    continue  # message of another size under its Message-ID is fetched, and told apart by _known
                if size > MAX_MESSAGE_BYTES:
                    done.problems.append((label, issue("mail.message_too_big", ERROR, file=label,
                                                       limit=MAX_MESSAGE_BYTES // (1024 * 1024))))
                    continue
                message = _fetch(client, uid)
                key, record = _known(records, message_id or _message_id(message) or message_key(message), message)
                if done.skipped(record):  # known by its bytes (no Message-ID): fetched, not filed again
                    continue
                collect_message(message, label, intake, addresses, done, record or MessageRecord(key))
                if on_message is not None:
                    on_message(label)
    except MailFault as fault:
        done.stopped = fault.problem
    except TimeoutError:
        done.stopped = issue("mail.timeout", ERROR, host=box.host, port=box.port, seconds=int(timeout))
    except (OSError, imaplib.IMAP4.abort, imaplib.IMAP4.error, EOFError) as exc:
        done.stopped = issue("mail.cut", ERROR, detail=said(exc))
    finally:
        close(client)
    return done


def _uids(client: imaplib.IMAP4, box: Mailbox, since: dt.date | None) -> list[int]:
    """The messages of the mailbox (opened read only: nothing in it changes) since the day asked, by UID."""
    status, data = client.select(quoted(box.mailbox), readonly=True)  # EXAMINE
    if status != "OK":
        raise MailFault(issue("mail.no_mailbox", ERROR, mailbox=box.mailbox, detail=said(data)))
    criteria = ("SINCE", since.strftime("%d-%b-%Y")) if since else ("ALL",)
    status, data = client.uid("SEARCH", *criteria)
    return [int(u) for u in (data[0] or b"").split()] if status == "OK" and data else []


_SIZE = re.compile(rb"UID (\d+)|RFC822\.SIZE (\d+)")


def _sizes(client: imaplib.IMAP4, uids: list[int]) -> list[tuple[int, int, str]]:
    """(uid, size, Message-ID) of each message of ``uids``, in one command (headers peeked: nothing flagged)."""
    status, data = client.uid("FETCH", ",".join(map(str, uids)), "(RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
    if status != "OK":
        raise MailFault(issue("mail.cut", ERROR, detail=said(data)))
    found = []
    for item in data:
        if not isinstance(item, tuple):
            continue
        head, body = item
        uid = size = None
        for match in _SIZE.finditer(head):
            if match.group(1):
                uid = int(match.group(1))
            else:
                size = int(match.group(2))
        if uid is not None:
            found.append((uid, size or 0, _message_id(b"\r\n" + body if body else b"")))
    return sorted(found)


def _fetch(client: imaplib.IMAP4, uid: int) -> bytes:
    """The whole message ``uid``, peeked (its \\Seen flag left as it was)."""
    status, data = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if status != "OK":
        raise MailFault(issue("mail.cut", ERROR, detail=said(data)))
    for item in data:
        if isinstance(item, tuple):
            return bytes(item[1])
    raise MailFault(issue("mail.cut", ERROR, detail=f"UID {uid}"))


# --- what is said ------------------------------------------------------------------------------------------------

def collected_lines(done: Collected) -> tuple[list[str], list[str]]:
    """(the report's lines, the warnings' lines) of a collect: each message's files and what became of them, each
    problem at its message, the counts, and the fault that stopped the run with what stays collected."""
    said, warned = [], []
    current = None
    for label, filed in done.filed:
        if label != current:
            origin = done.origins.get(label)
            if origin is not None:
                said.append(tm.COLLECT_MESSAGE_HEAD.format(message=label, sender=origin.sender or "?",
                                                           date=_shown_date(origin.date)))
            else:  # a workbook lying in the folder, not in a message
                said.append(tm.COLLECT_BOOK_HEAD.format(file=label))
            current = label
        if filed.outcome == FILED:
            said.append(tm.COLLECT_FILED.format(name=filed.name, path=filed.path))
        elif filed.outcome == SAME:
            said.append(tm.COLLECT_SAME.format(name=filed.name, path=filed.path))
        elif not settled(filed):
            said.append(tm.COLLECT_RETRY.format(name=filed.name))
        elif filed.outcome == REFUSED:
            said.append(tm.COLLECT_REFUSED.format(name=filed.name,
                                                  problem=filed.problem.message if filed.problem else "?"))
        elif filed.outcome == NOT_OURS:
            said.append(tm.COLLECT_NOT_OURS.format(name=filed.name))
    for _label, problem in done.problems:
        warned.append(f"{problem.severity_label}: {problem.render()}")
    said.append(tm.COLLECT_SUMMARY.format(messages=done.messages, known=done.known, attachments=done.attachments,
                                          filed=done.count(FILED), same=done.count(SAME),
                                          refused=done.count(REFUSED), other=done.count(NOT_OURS))
                + (tm.COLLECT_LOOKED.format(count=done.looked) if done.looked else "")
                + (tm.COLLECT_BOOKS.format(count=done.books) if done.books else ""))
    if done.cut:
        warned.append(tm.COLLECT_CUT.format(count=done.cut, limit=MAX_ATTACHMENTS))
    if done.retried:
        warned.append(tm.COLLECT_RETRY_SUMMARY.format(count=done.retried))
    if done.stopped is not None:
        warned.append(tm.COLLECT_STOPPED.format(reason=done.stopped.render(), filed=done.count(FILED)))
    return said, warned


def _shown_date(iso: str) -> str:
    """A message's date as the sender's clock gave it: '12/05/2026 09:30' ("?" when it had none)."""
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return "?"
