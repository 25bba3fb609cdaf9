"""Build the samples with a commit's code and with the work tree's, and compare every output: the proof that a
refactor changes no output (or the list of what a change changed).

    python tools/compare_samples.py REF [--keep DIR] [--without-guide]       # e.g. REF = 0ba13dd (0.8.0)

Each side is a copy in a new folder of /tmp (REF's files from ``git archive``; the work tree's tracked and untracked
files), in which samples/build_samples.py, build_year.py, build_commune.py and build_guide.py (LibreOffice) run in
turn with this Python, two things pinned on both sides: the clock, by time-machine (``pip install -e '.[bench]'``),
so every date and time the code asks for is CLOCK; and the program's version, as the work tree's (a release's new
number is no change of output, and it is written into every file, its digest and the seals). What stays the machine's:
a file's time on disk (the JSON reports' ``modified``, left out of the comparison) and LibreOffice's clock (a PDF's
bytes: a PDF is compared by its text). Every file of either side's samples/ (but the builders) is compared: its bytes
(SHA-256), and when they differ its content by benchmarks/compare_outputs.py (a workbook cell by cell with its
styles, JSON as data, Word and PDF by their text). Prints a line per file whose bytes differ and the counts; exits 1
when any file's content differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.compare_outputs import _without, same, workbook  # noqa: E402

BUILDERS = ("build_samples", "build_year", "build_commune", "build_guide")
CLOCK = "2026-11-20 10:00:00+07:00"  # after the sample year's two months (ca-nam: Tháng 9, Tháng 10/2026)
RUN_PINNED = ("import runpy, sys, time_machine, thidua_xlsx, thidua_xlsx.text.releases as r; "
              "thidua_xlsx.__version__ = r.VERSION = sys.argv[2]; sys.argv = [sys.argv[1]]; "
              f"time_machine.travel({CLOCK!r}, tick=False).start(); runpy.run_path(sys.argv[0], run_name='__main__')")
ON_DISK = {"modified"}  # the JSON keys that hold a file's time on disk, not pinned
DIGEST = re.compile(r"\b[0-9a-f]{12,64}\b")  # a fingerprint or SHA-256: of a file whose time on disk is written in it


def checkout(ref: str, into: Path) -> Path:
    """``ref``'s files (the work tree's when ``ref`` is empty) copied to ``into``."""
    into.mkdir(parents=True)
    if ref:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
        return into
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():  # a file deleted but not yet staged is listed too
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, into / name)
    return into


def build(tree: Path, builders: tuple[str, ...], version: str) -> None:
    """The builders run in ``tree`` with its own code, the clock and the version pinned; stops at the first that
    fails."""
    for builder in builders:
        print(f"{tree.name}: samples/{builder}.py", flush=True)
        subprocess.run([sys.executable, "-c", RUN_PINNED, f"samples/{builder}.py", version], cwd=tree, check=True,
                       env={**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"},
                       stdout=subprocess.DEVNULL)


def _version(tree: Path) -> str:
    """The program's version in ``tree`` (text/releases.py, the one number)."""
    found = subprocess.run([sys.executable, "-c", "from thidua_xlsx.text.releases import VERSION; print(VERSION)"],
                           cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)}, capture_output=True, text=True,
                           check=True)
    return found.stdout.strip()


def outputs(samples: Path) -> set[Path]:
    """Every file of ``samples`` but the builders themselves, relative to it."""
    return {p.relative_to(samples) for p in samples.rglob("*")
            if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _masked(data, window: tuple[dt.datetime, dt.datetime]):
    """``data`` (a workbook's cells as compare_outputs reads them, or JSON) with each time of the build's own hours
    (a file's time on disk: Vietnam's or UTC) and each digest (which such a time changes) put as a mark."""
    if isinstance(data, dict):
        return {k: _masked(v, window) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_masked(v, window) for v in data]
    if isinstance(data, dt.datetime) and window[0] <= data.replace(tzinfo=None) <= window[1]:
        return "<time on disk>"
    return DIGEST.sub("<digest>", data) if isinstance(data, str) else data


def _same_but_disk_times(a: Path, b: Path, window: tuple[dt.datetime, dt.datetime]) -> bool:
    """Whether ``a`` and ``b`` (a workbook or JSON) differ only in times on disk and the digests they change."""
    if a.suffix == ".xlsx":
        return _masked(workbook(a), window) == _masked(workbook(b), window)
    if a.suffix == ".json":
        one, two = (_masked(json.loads(path.read_text(encoding="utf-8")), window) for path in (a, b))
        return _without(one, ON_DISK) == _without(two, ON_DISK)
    return False


def _build_hours(*folders: Path) -> tuple[dt.datetime, dt.datetime]:
    """From the first file written to the last, widened to hold both UTC and Vietnam's hours (UTC+7)."""
    times = [p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()]
    first, last = (dt.datetime.fromtimestamp(t, dt.timezone.utc).replace(tzinfo=None) for t in (min(times), max(times)))
    return first - dt.timedelta(minutes=1), last + dt.timedelta(hours=7, minutes=1)


def compare(before: Path, after: Path) -> tuple[list[str], int, int]:
    """(a line per file whose bytes differ, the files compared, the files whose content differs)."""
    lines, differing = [], 0
    names = sorted(outputs(before) | outputs(after))
    window = _build_hours(before, after)
    for name in names:
        a, b = before / name, after / name
        if not (a.is_file() and b.is_file()):
            lines.append(f"only in {'REF' if a.is_file() else 'the work tree'}: {name}")
            differing += 1
        elif digest(a) != digest(b):
            content = same(a, b, ON_DISK)
            if not content:
                lines.append(f"same content, other bytes: {name}")
            elif _same_but_disk_times(a, b, window):
                lines.append(f"same but for times on disk and the digests they change: {name}")
            else:
                differing += 1
                lines.append(f"differs: {name} — {content[:300]}")
    return lines, len(names), differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the commit to compare the work tree with, e.g. 0ba13dd")
    parser.add_argument("--keep", type=Path, help="build in this new folder and leave both builds there")
    parser.add_argument("--built", type=Path, help="compare the builds a --keep left in this folder, build nothing")
    parser.add_argument("--without-guide", action="store_true", help="skip build_guide.py (LibreOffice, ~40 s)")
    args = parser.parse_args()
    if not (args.built or importlib.util.find_spec("time_machine")):
        sys.exit("compare_samples needs time-machine to pin the clock: pip install -e '.[bench]'")
    builders = BUILDERS[:-1] if args.without_guide else BUILDERS
    work = args.built or args.keep or Path(tempfile.mkdtemp(prefix="compare-samples-"))
    try:
        if not args.built:
            sides = checkout(args.ref, work / "ref"), checkout("", work / "work-tree")
            version = _version(sides[1])
            for tree in sides:
                build(tree, builders, version)
        lines, count, differing = compare(work / "ref" / "samples", work / "work-tree" / "samples")
    finally:
        if not (args.keep or args.built):
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    disk = sum(line.startswith("same but") for line in lines)
    print(f"{count} files compared: {count - len(lines)} identical bytes, {len(lines) - differing - disk} the same "
          f"content in other bytes, {disk} the same but for times on disk, {differing} differ")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
