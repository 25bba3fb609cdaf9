"""The runs remembered: each command's result kept in its campaign folder (``cac-lan-chay.json``), so that any door
finds the last results of each round again — after the browser or the page was closed, whichever door ran it.

A run is kept as: the command, its round's key, when (Vietnam's time, ISO), from which door (``cli``, ``trang``),
its exit code, its counts, its problems (severity, code, the sentence), the lines it said, and the files it wrote
(relative to the campaign folder when inside it: the folder can be moved), each with its kind, whether it replaced a
file of ours and the file it went beside. The record is bounded (:data:`KEEP` runs, :data:`KEEP_ISSUES` problems and
:data:`KEEP_LINES` lines a run) and written whole or not at all; a damaged record is read as empty (nothing is
lost but the memory of earlier runs: the files are where they were). The record names the release that last ran in
the folder (``release``; none in a record written before 0.8.0): the first run of a newer release says once what
changed since (:func:`release_before`). Two runs ending at once on one campaign are kept
both: the record is rewritten under its own lock, a run that cannot get it in a few seconds is not remembered.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.exits import EXIT_UNUSABLE
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.model.result import SUMMARY, Result
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import replacing
from thidua_xlsx.system.voice import vietnam_now
from thidua_xlsx.text.releases import VERSION

SCHEMA = 1
KEEP = 100  # runs; the oldest go first
KEEP_ISSUES = 200
KEEP_LINES = 400
LOCK_WAIT_SECONDS = 5.0
# A school's code as the commune shows it (model.commune_key: three groups of five base-32 letters and digits; before
# 0.8, two): a line holding one is never kept.
CODE_SHAPED = re.compile(r"(?<![A-Z0-9])[A-Z2-7]{5}(?:-[A-Z2-7]{5}){1,2}(?![A-Z0-9-])")


@dataclass(frozen=True)
class RunFile:
    path: str  # relative to the campaign folder when inside it
    kind: str
    replaced: bool
    beside: str  # the file kept, when this one went beside it ("" none)


@dataclass(frozen=True)
class Run:
    """One run as remembered (see the module)."""

    command: str
    key: str
    when: str
    door: str
    exit_code: int
    counts: dict
    issues: tuple[tuple[str, str, str], ...]  # (severity, code, sentence)
    lines: tuple[str, ...]
    files: tuple[RunFile, ...]
    council: bool = False  # the council's (a period's: the head's) word applied

    def of_kind(self, *kinds: str) -> tuple[RunFile, ...]:
        return tuple(f for f in self.files if f.kind in kinds)


def run_of(result: Result, door: str, lines: list[str], when: dt.datetime | None = None) -> Run:
    home = result.home.resolve() if result.home is not None else None

    def shown(path: Path | None) -> str:
        if path is None:
            return ""
        absolute = Path(os.path.abspath(path))
        return absolute.relative_to(home).as_posix() if home and absolute.is_relative_to(home) else str(absolute)

    return Run(result.command, result.key,
               (when or vietnam_now()).isoformat(timespec="seconds"), door, result.exit_code,
               asdict(result.report.counts),
               tuple((i.severity, i.code, i.render()) for i in result.report.issues[:KEEP_ISSUES]),
               tuple(lines[:KEEP_LINES]),
               tuple(RunFile(shown(f.path), f.kind, f.replaced, shown(f.beside)) for f in result.files), result.council)


def remember(home: Path, run: Run) -> bool:
    """Add ``run`` to the record of campaign folder ``home`` (this release named as the last that ran there); False
    when the record's lock could not be had in time."""
    return _rewritten(home, lambda: [*recent(home), run][-KEEP:]) is not None


def release_before(home: Path, books_say: Callable[[], str | None] = lambda: None) -> str | None:
    """The release that last ran in campaign folder ``home`` before this one, this one named in its stead (said once
    after an update: text.releases): "" when its record names no release (written before 0.8.0), else the release it
    names; a folder with no record (the releases before 0.5.0 kept none) is asked ``books_say`` — the release its
    books say wrote them, "" one before 0.8.0 —, None when they say none either (a new folder: nothing to say, nothing
    written)."""
    before = release_in(home) if (home / RUNS_RECORD).is_file() else books_say()
    if before is None:
        return None
    if before != VERSION:
        with contextlib.suppress(OSError):  # a folder that cannot be written (read-only): said again next time
            _rewritten(home, lambda: recent(home))
    return before


def release_in(home: Path) -> str:
    """The release the run record of ``home`` names as the last that ran there ("": none, or before 0.8.0)."""
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        return str(json.loads((home / RUNS_RECORD).read_text(encoding="utf-8")).get("release") or "")
    return ""


def _rewritten(home: Path, runs_now) -> list[Run] | None:
    """The record of ``home`` written whole under its lock: ``runs_now()``'s runs, this release named as the last that
    ran there; the runs written, None when the lock could not be had in time."""
    path = home / RUNS_RECORD
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            with lock.holding([lock.lock_path(path)], "runs"):
                runs = runs_now()
                with replacing(path) as tmp:
                    tmp.write_text(json.dumps({"schema": SCHEMA, "release": VERSION,
                                               "runs": [asdict(r) for r in runs]},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
                return runs
        except lock.Busy:
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)


def recent(home: Path) -> list[Run]:
    """The runs remembered in ``home``, oldest first ([] when none or the record is damaged)."""
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
        data = json.loads((home / RUNS_RECORD).read_text(encoding="utf-8"))
        if data.get("schema") == SCHEMA:
            return [_run(item) for item in data["runs"]]
    return []


def _run(item: dict) -> Run:
    """A run as the record holds it, less any line that holds a school's code: a commune's record written by 0.8.0
    remembered ``status``'s codes in clear; the first run of this release rewrites the record without them."""
    return Run(str(item["command"]), str(item["key"]), str(item["when"]), str(item["door"]), int(item["exit_code"]),
               dict(item["counts"]), tuple((str(a), str(b), str(c)) for a, b, c in item["issues"]
                                           if not CODE_SHAPED.search(str(c))),
               tuple(str(line) for line in item["lines"] if not CODE_SHAPED.search(str(line))),
               tuple(RunFile(str(f["path"]), str(f["kind"]), bool(f["replaced"]), str(f["beside"]))
                     for f in item["files"]), bool(item.get("council", False)))


def summary_of(folder: Path, key: str, round_: str, period: str) -> str:
    """The summary of round ``key`` to offer (relative to the campaign folder; "" none): the one its last merge wrote,
    whichever door ran it; when no merge of it is remembered (a folder of an earlier version, the shipped sample), the
    round's own name (model.places: ``tong-hop_dang-ky.xlsx`` for the registration), else the registration's
    earlier name (``tong-hop-dang-ky.xlsx``) or the README's for the single scoring round (``tong-hop-cuoi.xlsx``
    after the council, ``tong-hop.xlsx``)."""
    for run in reversed(recent(folder)):
        if run.key == key and run.command in ("merge", "year") and run.exit_code != EXIT_UNUSABLE:
            made = run.of_kind(SUMMARY)
            if made and (folder / made[0].path).is_file():
                return made[0].path
    at = places.Places(folder)
    own = at.year_summary if key == places.YEAR_KEY else at.level_above_summary if key == places.LEVEL_ABOVE_KEY \
        else at.summary(round_, period)
    readme = {ly.REGISTRATION: (places.OLD_REGISTRATION_SUMMARY,),
              ly.SCORING: (places.README_FINAL_SUMMARY, places.README_SCORING_SUMMARY)}.get(key, ())
    names = (own.relative_to(folder).as_posix(), *readme)
    return next((name for name in names if (folder / name).is_file()), "")
