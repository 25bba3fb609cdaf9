"""What came in by the page or the mail, as the campaign's record ``so-da-nhan/`` keeps it (written by
:mod:`thidua_xlsx.steps.intake`, one JSON per file filed): read back for the summary's "Nguồn dữ liệu" sheet,
which shows who sent each file and when, found by the file's SHA-256.

The record is beside the inbox, in the campaign folder: looked for in the inbox's folder's parents (an inbox, or a
period's folder inside it). A record that cannot be read, or is larger than a record can be, is left out: the sheet
then shows nothing for that file, as for a file saved by hand.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model.places import RECEIVED_FOLDER

MAX_RECORD_BYTES = 64 * 1024  # a record is a few hundred bytes
LEVELS_UP = 3  # inbox/<period>/file → the campaign folder


@dataclass(frozen=True)
class Came:
    """How one file came in: from whom (an address), when (the message's date, ISO), by which door."""

    sender: str
    date: str
    via: str


def received_by_digest(paths: list[Path]) -> dict[str, Came]:
    """SHA-256 → how the file came in, from the records of the campaign folders above ``paths`` (the files of an
    inbox); empty when none came by the page or the mail."""
    folders = {parent / RECEIVED_FOLDER for path in paths for parent in list(Path(path).parents)[:LEVELS_UP + 1]}
    found: dict[str, Came] = {}
    for folder in sorted(folders):
        if not folder.is_dir():
            continue
        for record in sorted(folder.glob("*.json")):
            with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
                if record.stat().st_size > MAX_RECORD_BYTES:
                    continue
                data = json.loads(record.read_text(encoding="utf-8"))
                digest, sender = str(data.get("sha256", "")), str(data.get("sender", ""))
                if digest and (sender or data.get("date") or data.get("via")):
                    found.setdefault(digest, Came(sender, str(data.get("date", "")), str(data.get("via", ""))))
    return found
