"""The shipped samples (samples/, a whole campaign folder) and a test's own copy of the sample school: a command run
on a campaign folder writes into it (its record of runs cac-lan-chay.json, its record of outputs da-ghi.json, a lock),
so a test that runs one on the sample works on a copy. The suite fails when a test wrote into samples/
(tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# What the sample school's commands never read: the guide, the year by periods and the commune (samples of their own),
# the papers, the build scripts, and what a run of this machine left (its runs, its launchers, its summary).
_NOT_THE_SCHOOL = ("huong-dan*", "ca-nam", "cap-xa", "ho-so", "*.py", "__pycache__", "cac-lan-chay.json",
                   "Mo-trang-thi-dua.*", "tong-hop_cham-diem.xlsx")


def school_copy(into: Path) -> Path:
    """The sample school's campaign folder (campaign.xlsx, inbox/, outbox/, so-da-phat/, its summaries and records)
    copied to ``into/samples``; returns the copy."""
    target = into / "samples"
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns(*_NOT_THE_SCHOOL))
    return target


def state() -> dict[str, tuple[int, int]]:
    """Each file of samples/ (its path below samples/) with its size and time of change."""
    return {path.relative_to(SAMPLES).as_posix(): (found.st_size, found.st_mtime_ns)
            for path in SAMPLES.rglob("*") if path.is_file() and "__pycache__" not in path.parts
            for found in (path.stat(),)}
