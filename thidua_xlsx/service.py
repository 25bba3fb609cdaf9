"""The one way through the house: every door (the CLI, the page, a library caller) asks for a command with a typed
request (model.requests) and gets one Result (model.result): its Report, the files it wrote, its exit code. What stops
a command before any work is a :class:`~thidua_xlsx.model.errors.CommandError`.

Each command lives in its own module of :mod:`thidua_xlsx.commands`, imported only when asked for (as pip and click
load their commands), so that a door starts at once. Each run that belongs to a campaign folder is remembered there
(:mod:`thidua_xlsx.system.runs`): whichever door ran it, the others find its result and its files again.

What a run writes is checked before any work: no output inside the inbox or on an input, no two outputs on one path,
each output's folder made and asked whether it can be written. Then the run holds a lock on each output and on the
campaign (a second run is refused, never mixed with the first). ``--force`` replaces only the tool's own files; a file
someone changed is kept and the new one written beside it (:mod:`thidua_xlsx.system.written`). Every file is written
whole (:mod:`thidua_xlsx.system.files`); an OSError that still comes (a disk filling up while writing) reaches the
door as one, naming the file.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.result import Result
from thidua_xlsx.system.voice import Voice

# Each request's command: (module of thidua_xlsx.commands, its function taking (request, voice)).
_COMMANDS: dict[type, tuple[str, str]] = {
    rq.InitRequest: ("init", "run"), rq.GenerateRequest: ("generate", "run"), rq.YearRequest: ("merge", "year"),
    rq.MergeRequest: ("merge", "merge"), rq.StatusRequest: ("status", "status"), rq.HistoryRequest: ("history", "run"),
    rq.CollectRequest: ("collect", "run")}

# The commands remembered even when they wrote nothing (a merge that found nothing usable: its report is the round's
# news); the others only when they wrote a file (status reads only; a refused history leaves the folder as it was).
REMEMBERED_EMPTY = ("merge", "year")

# The library's entry points below the commands (the page's views, tests, benchmarks), each loaded when first used.
_LIBRARY = {
    "init_campaign": "commands.init", "generate_round": "commands.generate",
    **dict.fromkeys(("merge_inbox", "apply_council_file"), "commands.reading"),
    "mailbox_of": "commands.collect", "stored_password": "commands.collect",
    **dict.fromkeys(("school_overview", "round_page", "commune_overview", "next_year_name", "rounds_of",
                     "final_summary", "runs_of", "year_page"), "commands.overview"),
    "summary_of": "system.runs",
    **dict.fromkeys(("receive", "council_upload", "keep_council"), "commands.receive"),
    "officer_decisions": "commands.officer",
    "read_rows": "commands.summaries",
    **dict.fromkeys(("open_campaign", "campaign_in"), "workspace"),
    **dict.fromkeys(("fault_text", "terminate_as_exit"), "system.files"),
    "council_lines": "write.console",
}


def run(request: rq.Request, voice: Voice = Voice(), door: str = rq.CLI) -> Result:
    """The command ``request`` asks for, run: its Result, remembered in its campaign folder (with ``door`` and the lines
    it said; see :data:`REMEMBERED_EMPTY`). A :class:`~thidua_xlsx.model.errors.CommandError` when it stops before
    any work."""
    module, function = _COMMANDS[type(request)]
    lines: list[str] = []

    def say(text: str) -> None:
        lines.append(text)
        voice.say(text)

    def warn(text: str) -> None:
        lines.append(text)
        voice.warn(text)

    heard = Voice(say=say, warn=warn, reading=voice.reading, decided=voice.decided)
    result = getattr(importlib.import_module(f"thidua_xlsx.commands.{module}"), function)(request, heard)
    if result.home is not None and (result.files or result.command in REMEMBERED_EMPTY) and \
            is_campaign_folder(result.home):
        from thidua_xlsx.system.runs import remember, run_of

        remember(result.home, run_of(result, door, lines))
    return result


def is_campaign_folder(folder: Path) -> bool:
    """Whether ``folder`` holds a campaign book (a school's or a commune's): only there are runs remembered."""
    from thidua_xlsx.model.places import CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK

    return any((folder / name).is_file() for name in (CAMPAIGN_FILE, CAMPAIGN_ODS, LEVEL_ABOVE_BOOK))


def __getattr__(name: str) -> Any:
    if name in _LIBRARY:
        return getattr(importlib.import_module(f"thidua_xlsx.{_LIBRARY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
