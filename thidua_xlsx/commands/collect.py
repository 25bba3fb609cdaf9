"""``collect``: returned books taken from saved messages or an IMAP mailbox and filed by the codes inside them, holding
the campaign folder (one run at a time: a merge or another collect on it is said, never mixed with this one)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from thidua_xlsx.model import result as rs
from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.received import FILED
from thidua_xlsx.model.report import command_report
from thidua_xlsx.model.requests import CollectRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.intake import Intake, open_school_intake
from thidua_xlsx.steps.workspace import level_above_book
from thidua_xlsx.system import lock
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.text import mail as tm

if TYPE_CHECKING:  # for the annotations only: the CLI starts without the mail reader
    from thidua_xlsx.mail.imap import Mailbox


def run(request: CollectRequest, voice: Voice) -> Result:
    """The source checked (a folder or a saved message, an ``imaps://`` or ``imap://`` address — one holding a
    password refused, before anything connects; ``since`` only for a mailbox), the campaign folder's intake opened,
    every message read and each book filed; what became of each said. Usable unless a fault of the connection stopped
    the run early (what was filed before it stays filed) or a file could not be filed for a reason outside it (a
    failed write: the next run takes it again)."""
    from thidua_xlsx.mail import collect as mc  # deferred: python-calamine at start-up
    from thidua_xlsx.mail.imap import password_in_address  # deferred: mail.imap at start-up

    r = request
    shown = password_in_address(r.source)
    if shown:  # never used, never connected with: it would stay in the shell's history and the page's log
        raise Refused(tm.PASSWORD_IN_ADDRESS.format(address=shown))
    box = mc.parse_mailbox(r.source)
    if box is None and r.source.lower().startswith(("imap:", "imaps:")):
        raise Refused(tm.MAILBOX_INVALID.format(source=r.source))
    source = Path(r.source)
    if box is None and not (source.is_dir() or source.suffix.lower() in (".eml", ".msg") and source.is_file()):
        raise Refused(tm.SOURCE_INVALID.format(source=r.source))
    if box is None and r.since is not None:
        raise Refused(tm.SINCE_FOLDER)
    intake = open_intake(r.folder)  # an IntakeError (Stopped) when it is no campaign folder
    with out.holding([lock.folder_lock_path(intake.folder)], "collect", voice):
        if box is None:
            done = mc.collect_folder(source, intake)
        else:
            done = mc.collect_imap(box, r.password, intake, r.since, r.cafile)
    said, warned = mc.collected_lines(done)
    for line in said:
        voice.say(line)
    for line in warned:
        voice.warn(line)
    problems = [problem for _label, problem in done.problems] + ([done.stopped] if done.stopped else [])
    files = tuple(WrittenFile(r.folder / f.path, rs.RECEIVED) for _label, f in done.filed
                  if f.outcome == FILED and f.path)
    usable = done.stopped is None and not done.retried
    return Result("collect", command_report("collect", problems, usable, done.attachments, len(files)),
                  files, home=intake.folder)


def open_intake(folder: Path) -> Intake:
    """The intake of campaign folder ``folder``, picked by its kind: a commune's where it holds ``cap-tren.xlsx``
    (:mod:`thidua_xlsx.commune.steps_intake`), else a school's (``campaign.xlsx``). An
    :class:`~thidua_xlsx.steps.intake.IntakeError` (a Stopped) when it is neither, or its campaign cannot be read."""
    folder = Path(folder)
    book = level_above_book(folder, folder)
    if book is None:
        return open_school_intake(folder)
    from thidua_xlsx.commune.steps_intake import open_commune_intake  # deferred: python-calamine, a commune's alone

    return open_commune_intake(folder, book)


def mailbox_of(source: str) -> Mailbox | None:
    """The mailbox an ``imaps://`` or ``imap://`` (STARTTLS) address names (its user, host, port, folder), or None: not
    one, or one that holds a password (never asked for then: :func:`run` refuses it with the reason)."""
    from thidua_xlsx.mail.imap import parse_mailbox  # deferred: mail.imap at start-up

    return parse_mailbox(source)


def stored_password(box: Mailbox) -> str:
    """The mailbox's password without asking: from the environment variable :data:`~thidua_xlsx.text.mail.
    PASSWORD_VARIABLE` (a scheduled task, a script), else from the system's keyring when the keyring package is
    installed and holds one (service "thidua-xlsx", user "user@host"); "" none. Never written anywhere."""
    given = os.environ.get(tm.PASSWORD_VARIABLE, "")
    if given:
        return given
    try:
        import keyring  # deferred: optional (Windows' Credential Manager, macOS' Keychain, Secret Service)
    except ImportError:
        return ""
    with contextlib.suppress(Exception):  # a keyring without a backend is no keyring
        return keyring.get_password("thidua-xlsx", f"{box.user}@{box.host}") or ""
    return ""
