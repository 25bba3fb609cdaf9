"""The small campaign's scoring round, as the e2e tests use it: the registration merged, the scoring workbooks
issued, and each department's workbook filled with the scores below (only the unlocked cells)."""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, register, sheet, stamp_saved_time
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import generate_round

# Scores typed by the department, by person: (self, department) per item.
T1_SCORES = {
    "GV01": ({"I.1": 10, "I.2": 9, "II.1": 45, "II.2": 28, "III.1": 3, "III.2": 3},
             {"I.1": 10, "I.2": 9, "II.1": 44, "II.2": 27, "III.1": 3, "III.2": 3, "IV.1": 3}),
    "GV02": ({"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25}, {"I.1": 9, "I.2": 8.5, "II.1": 40, "II.2": 25}),
    "GV03": ({"I.1": 10, "I.2": 10, "II.1": 40, "II.2": 20}, {}),
}
T2_SCORES = {
    "GV04": ({"I.1": 8, "I.2": 8, "II.1": 40, "II.2": 20}, {"I.1": 8, "I.2": 8, "II.1": 40, "II.2": 20}),
    "GV05": ({"I.1": 10, "I.2": 10, "II.1": 45, "II.2": 25}, {"I.1": 10, "I.2": 10, "II.1": 45, "II.2": 25}),
    "NV01": ({"I.1": 55, "I.2": 35}, {"I.1": 55, "I.2": 36}),
}
TITLES = {"GV01": "Chiến sĩ thi đua cơ sở", "GV02": "Chiến sĩ thi đua cơ sở", "GV03": "Lao động tiên tiến",
          "GV04": "Lao động tiên tiến", "GV05": "Lao động tiên tiến", "NV01": "Lao động tiên tiến"}


_FILLED: dict[tuple, bytes] = {}  # (the book's bytes' digest, what was typed, when saved) → the book filled


def fill_department(src: Path, dst: Path, scores: dict, saved: dt.datetime, extra: dict | None = None,
                    collective: str = "Tập thể lao động tiên tiến") -> None:
    """``src`` filled with ``scores`` (``extra``: more cells; the collective's title) and saved at ``saved``, as
    ``dst``; the same book filled the same way a second time in a process is copied (the bytes are the same)."""
    key = (hashlib.sha256(src.read_bytes()).hexdigest(), repr(scores), saved, repr(extra), collective)
    if key in _FILLED:
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(_FILLED[key])
        return
    _fill_department(src, dst, scores, saved, extra, collective)
    _FILLED[key] = dst.read_bytes()


def _fill_department(src: Path, dst: Path, scores: dict, saved: dt.datetime, extra: dict | None,
                     collective: str) -> None:
    found = layout(src)
    values = {}
    for code, (own, dept) in scores.items():
        values |= person_values(sheet(found, ly.ScoringSheet, code), own, dept)
    dept_rec = sheet(found, ly.DepartmentSheet)
    values[(dept_rec.name, dept_rec.collective_cell)] = collective
    values |= extra or {}
    fill(src, dst, values)
    stamp_saved_time(dst, saved)


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


_MADE: dict[tuple, tuple[tempfile.TemporaryDirectory, tuple[str, ...]]] = {}  # what a round was made of → made


def scoring_round(root: Path, **overrides):
    """A campaign folder whose registration round is merged and whose scoring workbooks are out: ``root/campaign``,
    ``root/dang-ky`` (the registration round) and ``root/outbox``. Made once a process for each campaign and day,
    then copied, each caller's own to change, and its campaign opened from ``root``."""
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.system.voice import vietnam_today

    key = (json.dumps(overrides, sort_keys=True, default=repr), vietnam_today(), dt.date.today())
    if key not in _MADE:
        made = tempfile.TemporaryDirectory(prefix="scoring-round-")
        atexit.register(made.cleanup)
        _, paths = _scoring_round(Path(made.name), **overrides)
        _MADE[key] = made, tuple(p.relative_to(made.name).as_posix() for p in paths)
    made, names = _MADE[key]
    shutil.copytree(made.name, root, dirs_exist_ok=True)
    folder, problems = open_campaign(root / "campaign" / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    return folder, tuple(root / name for name in names)


def _scoring_round(root: Path, **overrides):
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict(**overrides)))
    summary = register(folder, TITLES, root / "dang-ky",
                       collective={"T1": "Tập thể lao động tiên tiến", "T2": "Tập thể lao động tiên tiến"})
    paths = generate_round(folder, ly.SCORING, root / "outbox", summary).paths
    return folder, paths
