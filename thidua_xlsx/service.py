"""The one way through the house: every door (the CLI, the page, the mail) asks for a command with a typed request
(model.requests) and gets one Result (model.result): its Report, the files it wrote, its exit code; a library caller
reads summaries back through :func:`read_rows`. What stops a command before any work is a
:class:`~thidua_xlsx.model.errors.CommandError`.

Each command lives in its own module of :mod:`thidua_xlsx.commands` (a commune's in
:mod:`thidua_xlsx.commune.commands`), imported here as any module is (mypy and the house's picture see each call a door
makes); none imports pandas, openpyxl or xlsxwriter before it runs, and the CLI imports this module only inside the
functions that need it, never at its top, so that ``--help`` and ``--version`` answer at once.
Each run that belongs to a campaign folder is remembered there
(:mod:`thidua_xlsx.system.runs`): whichever door ran it, the others find its result and its files again.

What a run writes is checked before any work: no output inside the inbox or on an input, no two outputs on one path,
each output's folder made and asked whether it can be written. Then the run holds a lock on each output and on the
campaign (a second run is refused, never mixed with the first). ``--force`` replaces only the tool's own files; a file
someone changed is kept and the new one written beside it (:mod:`thidua_xlsx.system.written`). Every file is written
whole (:mod:`thidua_xlsx.system.files`); an OSError that still comes (a disk filling up while writing) reaches the
door as one, naming the file.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from thidua_xlsx.commands import collect, generate, history, init, merge, status
from thidua_xlsx.commands.collect import mailbox_of, open_intake, stored_password
from thidua_xlsx.commands.generate import generate_round
from thidua_xlsx.commands.init import init_campaign
from thidua_xlsx.commune.steps_codes import school_code
from thidua_xlsx.commune.steps_officer import officer_decisions
from thidua_xlsx.commune.steps_overview import commune_overview
from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.places import CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK
from thidua_xlsx.model.received import Filed
from thidua_xlsx.model.result import Result
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.overview import (
    REGISTRATION,
    final_summary,
    next_year_name,
    registrations_of,
    round_page,
    rounds_of,
    runs_of,
    school_overview,
    year_page,
)
from thidua_xlsx.steps.reading import apply_council_file, merge_inbox
from thidua_xlsx.steps.receive import council_upload, file_uploads, keep_council
from thidua_xlsx.steps.summaries import read_rows
from thidua_xlsx.steps.updated import installer_news, release_news, writer_news
from thidua_xlsx.steps.workspace import campaign_in, commune_book_of, open_campaign
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import fault_text
from thidua_xlsx.system.pool import own_process
from thidua_xlsx.system.runs import remember, run_of
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.write.console import council_lines

# The library's entry points below the commands, for the page's views, tests and benchmarks: each the function of the
# module that owns it, named here so that a door needs the service only.
__all__ = [
    "REGISTRATION", "REMEMBERED_EMPTY", "apply_council_file", "campaign_held", "campaign_in", "commune_overview",
    "council_lines", "council_upload", "fault_text", "final_summary", "generate_round", "init_campaign",
    "installer_news", "is_campaign_folder", "keep_council", "mailbox_of", "merge_inbox", "next_year_name",
    "officer_decisions", "open_campaign", "own_process", "read_rows", "receive", "registrations_of", "release_news",
    "round_page", "rounds_of", "run", "runs_of", "school_code", "school_overview", "stored_password", "year_page",
]

# The commands remembered even when they wrote nothing (a merge that found nothing usable: its report is the round's
# news); the others only when they wrote a file (status reads only; a refused history leaves the folder as it was).
REMEMBERED_EMPTY = ("merge", "year")


def command(request: rq.Request, voice: Voice) -> Result:
    """The command of :mod:`thidua_xlsx.commands` that ``request`` asks for, run with ``voice`` (a year's request
    before a merge's: it is one): the commune's (commune.commands) where its folder is a commune's."""
    book = commune_book_of(request)  # the commune's flow, or the school's
    if book is not None:
        from thidua_xlsx.commune import commands as commune  # deferred: python-calamine, for a commune's folder alone
    match request:
        case rq.InitRequest() if book is not None:
            return commune.init(request, voice)
        case rq.MergeRequest() if book is not None:
            return commune.merge(request, book, voice)
        case rq.StatusRequest() if book is not None:
            return commune.status(request, book, voice)
        case rq.InitRequest():
            return init.run(request, voice)
        case rq.GenerateRequest():
            return generate.run(request, voice)
        case rq.YearRequest():
            return merge.year(request, voice)
        case rq.MergeRequest():
            return merge.merge(request, voice)
        case rq.StatusRequest():
            return status.status(request, voice)
        case rq.HistoryRequest():
            return history.run(request, voice)
        case rq.CollectRequest():
            return collect.run(request, voice)


def run(request: rq.Request, voice: Voice = Voice(), door: str = rq.CLI) -> Result:
    """The command ``request`` asks for, run: its Result, remembered in its campaign folder (with ``door`` and the lines
    it said and warned, never a secret it showed; see :data:`REMEMBERED_EMPTY`). A
    :class:`~thidua_xlsx.model.errors.CommandError` when it stops before any work."""
    lines: list[str] = []

    def say(text: str) -> None:
        lines.append(text)
        voice.say(text)

    def warn(text: str) -> None:
        lines.append(text)
        voice.warn(text)

    heard = replace(voice, say=say, warn=warn)  # a secret (a school's code) shown, never among the lines kept
    result = command(request, heard)
    if result.home is not None and is_campaign_folder(result.home):  # the first run after an update: what changed
        for line in release_news(result.home):
            say(line)
        for line in writer_news(result.home) if result.files else ():
            warn(line)
    if result.home is not None and (result.files or result.command in REMEMBERED_EMPTY) and \
            is_campaign_folder(result.home):
        remember(result.home, run_of(result, door, lines))
    return result


def receive(folder: Path, uploads: list[tuple[str, bytes]], expected: tuple[str, str] | None, via: str) -> list[Filed]:
    """Each of ``uploads`` (name, bytes) filed into campaign folder ``folder`` by the intake of its kind, a school's or
    a commune's (:func:`~thidua_xlsx.commands.collect.open_intake`, as ``collect`` opens it): what became of each
    (:func:`~thidua_xlsx.steps.receive.file_uploads`). An :class:`~thidua_xlsx.steps.intake.IntakeError` (a
    Stopped) when ``folder`` is no campaign folder its intake can open."""
    return file_uploads(open_intake(folder), uploads, expected, via)


def campaign_held(folder: Path, command: str, voice: Voice) -> AbstractContextManager[None]:
    """The campaign folder ``folder`` held (its lock) while the block runs, by ``command``: what a door writes for a
    run (the officer's decisions, the council's summary uploaded) is written only inside it, and the run started
    inside it takes the lock again at no cost (:mod:`thidua_xlsx.system.lock`). A
    :class:`~thidua_xlsx.model.errors.Blocked` (who holds it, in words) when another run holds it: nothing written."""
    return out.holding([lock.folder_lock_path(folder)], command, voice)


def is_campaign_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a campaign book (a school's or a commune's): only there are runs remembered."""
    return any((folder / name).is_file() for name in (CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK))

