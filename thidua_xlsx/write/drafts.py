"""Ready e-mail drafts (``--thu DIR``): one ``.eml`` per message the secretary would otherwise write by hand — each
department's book, each reminder, each feedback copy, the summary and papers to the managing authority, the
commune's file to the level above it (its drafts: :mod:`thidua_xlsx.commune.write_drafts`).

Built with the standard library's :class:`email.message.EmailMessage` (``policy.SMTP``: CRLF line ends, headers
folded and encoded as RFC 2047 words), marked ``X-Unsent: 1`` so that Outlook opens it as a new message ready to send,
not as a message received. No ``From``: the mail program sends it from the account it is opened in.

Each attachment's name is given twice, as the mail programs that send Vietnamese names do (Thunderbird, Gmail): as
RFC 2231 ``filename*=`` in Content-Disposition (the standard, read by Thunderbird, Apple Mail and the webmails) and as
RFC 2047 words inside ``name="…"`` in Content-Type — the only form Outlook reads over IMAP and POP, which shows an
attachment named in RFC 2231 alone as "Untitled attachment" (MimeKit's FAQ, "UntitledAttachments"). The modern email
API cannot write the second: its header registry decodes encoded words inside a parameter and writes them back as
RFC 2231 (python/cpython#83952, open). So the attachment part is built with the standard library's legacy API
(``policy.compat32``), whose :meth:`~email.message.Message.set_param` writes a value as given, the
words made by :class:`email.header.Header` (at most 75 characters each, folded between words); the draft's policy
leaves such a header as written (``refold_source="none"``), and Content-Disposition is handed to the modern header
registry to be folded as RFC 2231 continuations. A name Windows cannot hold (a reserved device name such as CON or
NUL, a trailing dot or space, ``<>:"/\\|?*``) is folded into one it can (:func:`attachment_name`).

A recipient without an address in the campaign still gets its draft (the To line left for the secretary to fill) and
is listed (:attr:`Drafted.no_address`), never skipped silently. A draft never replaces a file: the campaign's record
of its own outputs (:class:`~thidua_xlsx.system.written.Written`) lets a run replace only a draft it wrote itself,
unchanged; anything else is kept and the new draft written beside it (``… (moi).eml``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from email import encoders, policy
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import make_msgid
from pathlib import Path

from thidua_xlsx.decide.followup import FollowUp, deadline_of
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign import Campaign
from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.places import windows_device
from thidua_xlsx.model.received import ATTACHMENT_TYPES
from thidua_xlsx.model.results import Summary
from thidua_xlsx.system.files import replacing, scratch_folder
from thidua_xlsx.system.voice import Voice, vietnam_now
from thidua_xlsx.system.written import Written
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import mail as tm
from thidua_xlsx.text.collation import fold, unmarked
from thidua_xlsx.text.wording import day_text
from thidua_xlsx.write.console import reminder_lines

DRAFT_POLICY = policy.SMTP.clone(refold_source="none")  # a header written as given stays so (see the module)
UNSENT_HEADER = "X-Unsent"  # Outlook: open as a new message to send (Thunderbird opens it as a message to edit too)
LONG_LINE = 998  # RFC 5322's limit of a line
MAX_DRAFT_BYTES = 20 * 1024 * 1024  # above this most mail servers refuse the message: the draft is said as too big
NOT_IN_WINDOWS_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
MAX_ATTACHMENT_NAME = 120  # characters: saved beside others, the name stays well inside Windows' 260 of a path


@dataclass(frozen=True)
class Draft:
    """One message to write: ``name`` (the draft's file name without .eml), to whom (``to``: an address, "" when the
    campaign has none; ``to_name``: how the person or office is called), ``subject``, ``body`` (plain text) and the
    files attached (as they are on disk, under their own names); ``label``: who it is for, as the console names it."""

    name: str
    label: str
    to: str
    to_name: str
    subject: str
    body: str
    attachments: tuple[Path, ...] = ()
    where: str = tm.WHERE_DEPARTMENT  # where the campaign keeps the address (said when it is missing or wrong)
    secret: bool = False  # it carries a school's code: its file readable by the officer alone (0600), never world's


@dataclass(frozen=True)
class Drafted:
    """What :func:`write_drafts` wrote: the drafts' paths, the labels of those without an address, of those too big
    to send as one message."""

    paths: tuple[Path, ...]
    no_address: tuple[str, ...] = ()
    too_big: tuple[str, ...] = ()
    bad_address: tuple[str, ...] = ()  # "label (what was typed)"
    where: tuple[tuple[str, str], ...] = ()  # (label, where its address is kept) of those above


def message_of(draft: Draft) -> EmailMessage:
    """The draft as a MIME message (see the module)."""
    message = EmailMessage(policy=DRAFT_POLICY)
    message[UNSENT_HEADER] = "1"
    recipients = addresses_of(draft.to, draft.to_name)
    if recipients:
        message["To"] = recipients
    message["Subject"] = _one_line(draft.subject)
    message["Date"] = vietnam_now()  # the school's time, +0700, whatever zone the computer is set to
    message["Message-ID"] = make_msgid(domain="thidua-xlsx.local")
    message["X-Mailer"] = "thidua-xlsx"
    message.set_content(draft.body)
    if draft.attachments:
        message.make_mixed()
    for path in draft.attachments:
        message.attach(attachment_part(path.read_bytes(), attachment_name(path.name)))
    return message


def attachment_part(data: bytes, name: str) -> EmailMessage:
    """One attachment, base64, its ``name`` given in both forms (see the module): RFC 2231 ``filename*`` in
    Content-Disposition, RFC 2047 words in Content-Type's ``name`` (a plain ASCII name: as it is, in both). Its
    headers are set through the legacy API (``policy.compat32``: a parameter written as given)."""
    maintype, subtype = ATTACHMENT_TYPES.get(os.path.splitext(name)[1].lower(), ("application", "octet-stream"))
    part = EmailMessage(policy=policy.compat32)
    part["Content-Type"] = f"{maintype}/{subtype}"
    part.set_payload(data)
    encoders.encode_base64(part)
    part.add_header("Content-Disposition", "attachment", filename=name)  # non-ASCII: RFC 2231 (filename*=utf-8'')
    part.replace_header("Content-Disposition", DRAFT_POLICY.header_factory("Content-Disposition",
                                                                           part["Content-Disposition"]))
    plain = name.isascii()
    part.set_param("name", name if plain else Header(name, "utf-8", maxlinelen=76).encode(), replace=True)
    return part


def attachment_name(name: str) -> str:
    """``name`` as Windows can hold it when the attachment is saved: NFC, each character Windows refuses (and any
    control character) an underscore, no trailing dot or space, no device's name (CON, NUL, COM1… with any
    extension: an underscore before it), at most :data:`MAX_ATTACHMENT_NAME` characters (its extension kept)."""
    name = NOT_IN_WINDOWS_NAMES.sub("_", unicodedata.normalize("NFC", name)).strip().rstrip(". ")
    stem, suffix = os.path.splitext(name)
    if not stem:
        stem, suffix = (suffix or "tep"), ""
    if windows_device(stem):
        stem = "_" + stem
    suffix = suffix[:12]
    return stem[:MAX_ATTACHMENT_NAME - len(suffix)].rstrip(". ") + suffix


def addresses_of(text: str, name: str) -> tuple[Address, ...]:
    """The addresses typed in a campaign's Email cell (one, or several separated by ';' or ','), each named ``name``;
    () when there is none or one of them is no address (the draft is then written without a To line and said)."""
    found = []
    for part in re.split(r"[;,]", text or ""):
        part = part.strip()
        if not part:
            continue
        try:
            found.append(Address(display_name=_one_line(name), addr_spec=part))
        except (ValueError, IndexError, HeaderParseError):
            return ()
    return tuple(found)


def _one_line(text: str) -> str:
    """A header's text on one line: a line break or a control character typed in a cell would end the header."""
    return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", text).split())


def draft_bytes(message: EmailMessage) -> bytes:
    """The message's bytes, folded at 78 characters as RFC 5322 asks — unless Python's folder (3.11, fixed later)
    drops a space between two RFC 2047 words of a header ("Tiểu họcThử"): then each header on one line (an encoded
    word longer than 75 characters, which every mail program reads) rather than a name or subject changed."""
    data = message.as_bytes()
    back = BytesParser(policy=policy.default).parsebytes(data, headersonly=True)
    if all(str(back.get(name, "")) == str(message.get(name, "")) for name in ("To", "Subject")):
        return data
    return message.as_bytes(policy=DRAFT_POLICY.clone(max_line_length=LONG_LINE))


def write_drafts(drafts: list[Draft], folder: Path, written: Written) -> Drafted:
    """Each draft written whole into ``folder`` (made when missing) as ``<name>.eml``, recorded in ``written``; a file
    already there that is not a draft this tool wrote (unchanged) is kept, the new one written beside it. A secret
    draft (:attr:`Draft.secret`) is readable by its writer alone, as the folder made for it."""
    folder.mkdir(0o700 if any(d.secret for d in drafts) else 0o777, parents=True, exist_ok=True)
    paths: list[Path] = []
    no_address: list[str] = []
    bad_address: list[str] = []
    too_big: list[str] = []
    where: list[tuple[str, str]] = []
    for draft in drafts:
        data = draft_bytes(message_of(draft))
        target = written.name_for(folder / f"{draft.name}.eml")
        with replacing(target) as tmp:
            _write_new(tmp, data, 0o600 if draft.secret else 0o666)
        written.note(target)
        paths.append(target)
        if not draft.to.strip():
            no_address.append(draft.label)
            where.append((draft.label, draft.where))
        elif not addresses_of(draft.to, draft.to_name):
            bad_address.append(f"{draft.label} ({draft.to})")
            where.append((bad_address[-1], draft.where))
        if len(data) > MAX_DRAFT_BYTES:
            too_big.append(draft.label)
    return Drafted(tuple(paths), tuple(no_address), tuple(too_big), tuple(bad_address), tuple(where))


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """``data`` written to the new file ``path``, made with ``mode`` (where the system has modes; the umask applies):
    a secret's file is never readable by others, not even for a moment."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode), "wb") as f:
        f.write(data)


def draft_name(kind: str, who: str) -> str:
    """A draft's file name: its kind and who it is for, in plain letters ('thu_giao-so_To-Toan')."""
    return f"{kind}_{ly.ascii_slug(unmarked(who))}"


def _deadline(iso: str | dt.date | None) -> str:
    if not iso:
        return tm.NO_DEADLINE
    return day_text(iso.isoformat() if isinstance(iso, dt.date) else iso)


def _sign(campaign: Campaign) -> str:
    school = campaign.school
    return tm.SIGNATURE.format(secretary=school.secretary or tm.SECRETARY, school=school.name)


# --- generate: each department's book ------------------------------------------------------------------------------

def book_drafts(campaign: Campaign, round_: str, paths: tuple[Path, ...], period_code: str | None) -> list[Draft]:
    """One draft per department of ``campaign`` with its book (``paths``, in the campaign's order of departments, as
    ``generate`` returns them): to its head's address, the round, the period and the deadline in the subject and body,
    what to do."""
    school = campaign.school
    period = next((p for p in campaign.periods if p.code == period_code), None) if period_code else None
    if period is not None:
        deadline = _deadline(period.deadline)
    else:
        deadline = _deadline(school.registration_deadline if round_ == ly.REGISTRATION else school.scoring_deadline)
    round_words = ly.ROUNDS[round_].lower() + (tm.PERIOD_OF.format(period=period.label) if period else "")
    drafts = []
    for department, path in zip(campaign.departments, paths):
        what = tm.BOOK_STEPS_REGISTRATION if round_ == ly.REGISTRATION else tm.BOOK_STEPS_SCORING
        body = tm.BOOK_BODY.format(head=department.head or tm.HEAD, department=department.name, round=round_words,
                                   year=school.school_year, school=school.name, file=path.name, deadline=deadline,
                                   steps=what, sign=_sign(campaign))
        drafts.append(Draft(draft_name(period_code or round_, department.name), department.name, department.email,
                            department.head or department.name,
                            tm.BOOK_SUBJECT.format(round=round_words, department=department.name,
                                                   year=school.school_year, deadline=deadline),
                            body, (path,)))
    return drafts


# --- status --nhac: each reminder ----------------------------------------------------------------------------------

def reminder_drafts(summary: Summary, followups: tuple[FollowUp, ...],
                    copies: dict[str, Path] | None = None) -> list[Draft]:
    """One draft per department head to remind (those :attr:`FollowUp.needs_reminder`), its body the reminder
    ``status --nhac`` prints (the same words), the deadline in the subject. A department whose file has errors gets
    its feedback copy attached (``copies``: the returned file's name → its copy, :func:`reminder_copies`) and the body
    points to it; without a copy, the body names the errors and the file but speaks of no copy."""
    drafts = []
    year = summary.campaign.school.school_year
    round_words = ly.ROUNDS[summary.round].lower() + \
        (tm.PERIOD_OF.format(period=summary.period_label) if summary.period else "")
    for f in followups:
        if not f.needs_reminder:
            continue
        lines = reminder_lines(summary, [f])
        copy = (copies or {}).get(f.file) if f.errors else None
        text = lines[1]
        if f.errors:  # the console's "see the feedback copy of the file": true of the draft only with it attached
            text = text.replace(ct.REMIND_ERRORS.format(count=f.errors, file=f.file),
                                tm.REMIND_ERRORS_ATTACHED.format(count=f.errors, file=attachment_name(copy.name))
                                if copy is not None else tm.REMIND_ERRORS_NO_COPY.format(count=f.errors, file=f.file))
        body = f"{text}\n\n{_sign(summary.campaign)}\n"
        drafts.append(Draft(draft_name("nhac", f.name), f.name, f.email, f.head or f.name,
                            tm.REMIND_SUBJECT.format(round=round_words, department=f.name, year=year,
                                                     deadline=_deadline(f.deadline)), body,
                            (copy,) if copy is not None else ()))
    return drafts


def reminder_copies(summary: Summary, followups: tuple[FollowUp, ...], folder: Path,
                    voice: Voice) -> dict[str, Path]:
    """The feedback copy (as ``merge --feedback`` writes it) of each returned file a reminder speaks of errors in,
    written into ``folder`` (a scratch folder: the drafts carry their bytes): the file's name → its copy. A file that
    gets none (an .xls or .ods without LibreOffice) is left out."""
    from thidua_xlsx.write.feedback import (  # deferred: openpyxl, unused by status
        feedback_for,
        warn_workers_failed,
        write_feedback,
    )

    wanted = {f.file for f in followups if f.needs_reminder and f.errors}
    if not wanted or not any(item.file.name in wanted for item in feedback_for(summary)):
        return {}
    result = write_feedback(summary, folder, summary.campaign.settings.sheet_password, Written())
    warn_workers_failed(result, voice)
    made = set(result.written)
    copies = {}
    for item in feedback_for(summary):
        source = item.file.path
        for path in (folder / source.name, folder / f"{source.stem}.xlsx"):
            if item.file.name in wanted and path in made:
                copies[item.file.name] = path
                break
    return copies


# --- merge: feedback copies, the summary and papers to the managing authority ---------------------------------------

def feedback_drafts(summary: Summary, folder: Path, written: Written) -> list[Draft]:
    """One draft per feedback copy ``merge --feedback`` wrote into ``folder`` (one per department with problems, under
    its returned file's name, or beside a file kept): to the department's head, what to fix and by when."""
    from thidua_xlsx.write.feedback import feedback_for  # deferred: openpyxl, unused by status

    moved = {kept: new for kept, new in written.beside}
    contacts = {fold(d.name): d for d in reversed(summary.campaign.departments)}
    deadline = _deadline(deadline_of(summary))
    year = summary.campaign.school.school_year
    round_words = ly.ROUNDS[summary.round].lower() + \
        (tm.PERIOD_OF.format(period=summary.period_label) if summary.period else "")
    drafts = []
    for item in feedback_for(summary):
        path = folder / item.file.path.name
        path = moved.get(path, path)
        if not path.is_file():  # not written (a .xls without LibreOffice): said by the feedback itself
            continue
        department = contacts.get(fold(item.department))
        name = department.name if department else item.department
        body = tm.FEEDBACK_BODY.format(head=(department.head if department else "") or tm.HEAD, department=name,
                                       round=round_words, year=year, file=path.name, deadline=deadline,
                                       sign=_sign(summary.campaign))
        drafts.append(Draft(draft_name("gop-y", name), name, department.email if department else "",
                            (department.head if department else "") or name,
                            tm.FEEDBACK_SUBJECT.format(round=round_words, department=name, year=year), body, (path,)))
    return drafts


def authority_draft(summary: Summary, output: Path, docs: Path) -> Draft:
    """The draft to the managing authority (the campaign's Nơi nhận and its address): the final summary ``output`` and
    the papers it asks for (:func:`papers_to_send`) attached; the reports each person signs, and the dossiers'
    folders, named in the body for the secretary to add."""
    school = summary.campaign.school
    folders = sorted(p.name for p in docs.iterdir() if p.is_dir()) if docs.is_dir() else []
    attached = [output, *papers_to_send(docs)]
    body = tm.AUTHORITY_BODY.format(recipient=school.recipient or tm.AUTHORITY, school=school.name,
                                    year=school.school_year, files="\n".join(f"  - {p.name}" for p in attached),
                                    folders=tm.AUTHORITY_FOLDERS.format(folder=docs, names=", ".join(folders))
                                    if folders else "", sign=_sign(summary.campaign))
    return Draft(draft_name("gui", school.recipient or tm.AUTHORITY), school.recipient or tm.AUTHORITY,
                 school.recipient_email, school.recipient or tm.AUTHORITY,
                 tm.AUTHORITY_SUBJECT.format(school=school.name, year=school.school_year), body, tuple(attached),
                 tm.WHERE_AUTHORITY)


def papers_to_send(docs: Path) -> list[Path]:
    """What goes up with the summary (the guide's step 8): the Tờ trình, the minutes, the tally, the đột xuất Tờ
    trình, and each title's list — each as its PDF when there is one (the one the secretary signed, if she signed
    it there), else its Word file. Not the ballots (a council's blank form), not the appraisal forms (kept at the
    school), not the reports each person writes and signs (named in the body)."""
    if not docs.is_dir():
        return []
    top = (dw.FILE_LETTER, dw.FILE_MINUTES, dw.FILE_TALLY, dw.FILE_SPECIAL)
    lists = dw.FILE_LIST.split("{", 1)[0]
    stems = [docs / stem for stem in top] + sorted(folder / path.stem for folder in docs.iterdir() if folder.is_dir()
                                                   for path in folder.glob(f"{lists}*.docx"))
    found = []
    for stem in stems:
        for suffix in (".pdf", ".docx"):
            path = stem.with_name(stem.name + suffix)
            if path.is_file():
                found.append(path)
                break
    return found


def merge_drafts(summary: Summary, output: Path, feedback: Path | None, docs: Path | None, folder: Path,
                 written: Written, voice: Voice) -> Drafted:
    """``merge``/``year`` with ``--thu``: the feedback copies' drafts, and with ``--docs`` (a final summary) the
    managing authority's; each said."""
    drafts = feedback_drafts(summary, feedback, written) if feedback is not None else []
    final = summary.decides_titles
    if docs is not None and final:
        drafts.append(authority_draft(summary, output, docs))
    if not drafts:  # no feedback copy (no department with a problem), no final summary's papers: said, none made
        voice.warn(tm.NOTHING_TO_DRAFT)
        return Drafted(())
    return say_drafted(write_drafts(drafts, folder, written), folder, voice)


def say_drafted(done: Drafted, folder: Path, voice: Voice) -> Drafted:
    """What was drafted, said: how many and where, then who has no address and which are too big."""
    voice.say(tm.DRAFTS_DONE.format(count=len(done.paths), folder=folder))
    where = dict(done.where)
    for label in done.no_address:
        voice.warn(tm.NO_ADDRESS.format(who=label, where=where.get(label, tm.WHERE_DEPARTMENT)))
    for label in done.bad_address:
        voice.warn(tm.BAD_ADDRESS.format(who=label, where=where.get(label, tm.WHERE_DEPARTMENT)))
    for label in done.too_big:
        voice.warn(tm.TOO_BIG.format(who=label, mb=MAX_DRAFT_BYTES // (1024 * 1024)))
    return done


# --- the doors' calls ------------------------------------------------------------------------------------------------

def status_drafts(summary: Summary, followups: tuple[FollowUp, ...], target: Path, written: Written,
                  voice: Voice) -> Drafted | None:
    """``status --nhac --thu``: a draft per reminder (None, said, when no department needs one), each speaking of
    errors with the department's feedback copy attached (:func:`reminder_copies`)."""
    if not any(f.needs_reminder for f in followups):
        voice.say(tm.NO_REMINDER_DRAFT)
        return None
    with scratch_folder("thidua_nhac_") as work:
        drafts = reminder_drafts(summary, followups, reminder_copies(summary, followups, Path(work), voice))
        return say_drafted(write_drafts(drafts, target, written), target, voice)


def refuse_in_inbox(target: Path | None, inbox: Path) -> None:
    """``--thu`` inside the inbox: :class:`~thidua_xlsx.model.errors.Refused` (the inbox is never written)."""
    if target is not None and target.resolve().is_relative_to(inbox.resolve()):
        raise Refused(tm.DRAFTS_IN_INBOX.format(path=target, inbox=inbox))
