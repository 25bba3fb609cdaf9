"""What the tests of the reading and writing workers share: a reader that stalls, a worker that cannot start, and a
round generated on two workers or in this process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time

from tests.conftest import make_folder
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.service import generate_round
from thidua_xlsx.system import pool


def stall() -> None:
    end = time.monotonic() + 5
    while time.monotonic() < end:  # Python code: the alarm interrupts it
        time.sleep(0.01)


def cannot_start(_shared) -> None:
    """A worker's initializer that fails, as one whose start broke (its memory refused, its import failed): the pool
    is broken before any task is done. A module-level function, so that a spawned worker finds it too."""
    raise MemoryError("a worker that cannot start")


def generated(root, monkeypatch, parallel_path: bool, problems: list | None = None) -> dict[str, bytes]:
    """The books and records of a scoring round generated on two workers (``parallel_path``) or in this process:
    name → bytes; what generate said added to ``problems``."""
    monkeypatch.setattr(pool, "workers_for_workbooks", lambda count: 2 if parallel_path else 0)
    preset = load_preset("tieu-hoc")  # 5 departments
    folder = make_folder(root, dataclasses.replace(preset, id="scale-test"))
    done = generate_round(folder, ly.SCORING, root / "outbox", today=dt.date(2026, 5, 1))
    if problems is not None:
        problems.extend(done.problems)
    paths = done.paths
    found = {p.name: p.read_bytes() for p in paths}
    found |= {f"record/{p.name}": p.read_bytes() for p in (root / "so-da-phat").glob("*.json")}
    assert not list((root / "outbox").glob("*.moi")), "no staging file left behind"
    return found
