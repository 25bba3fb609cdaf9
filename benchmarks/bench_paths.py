"""The two ways a department's workbook is read (issue 50) — the reader of the sheets' XML (``fast``, its cells scanned
in C) and python-calamine (``fallback``) — give the same merge, and how many books take the fast path.

    python benchmarks/bench_paths.py [--sizes 1000 10000]

1. **The same outputs.** Each inbox is merged twice through the command line, on a copy of its campaign (times of
   the files kept), once as it is and once with ``THIDUA_READER=fallback``, with ``--json`` and ``--feedback``; then
   every output is compared: every workbook part by part (``docProps/core.xml`` aside: the time it was written), the
   JSON report (its times and the copy's folder aside), the console, and every other file byte for byte (the record
   of runs and of the files written, which hold times and hashes of those workbooks, aside). The inboxes: the samples'
   (scoring, registration, each month of the NĐ 233 year) and the benchmark's campaigns built by ``bench_scale.py``
   (``--sizes``; those not built are said and left out).
2. **The share read on the fast path**, by reason for the others: the samples' books as they are, re-saved by openpyxl,
   re-saved by LibreOffice (when it is installed), and each benchmark inbox.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_read import reading_paths, said  # noqa: E402

SAMPLES = ROOT / "samples"
CACHE = Path(__file__).resolve().parent / "cache"
INBOXES = [(SAMPLES, "inbox"), (SAMPLES, "inbox-dang-ky"), (SAMPLES / "ca-nam", "inbox/thang-9"),
           (SAMPLES / "ca-nam", "inbox/thang-10")]
TIMES = re.compile(r'"(when|generated_at|merged_at|created|time)": "[^"]*"')


def merged(campaign: Path, inbox: str, work: Path, way: str) -> Path:
    """The campaign copied into ``work/way`` (the files' times kept) and its inbox merged there on the path ``way``."""
    folder = work / way
    shutil.copytree(campaign, folder / "c", ignore=shutil.ignore_patterns("*.thidua-xlsx.lock"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("THIDUA_READER", None)
    if way == "fallback":
        env["THIDUA_READER"] = "fallback"
    run = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", f"c/{inbox}", "--force", "--json",
                          "report.json", "--feedback", "gop-y"], cwd=folder, env=env, capture_output=True, text=True)
    (folder / "console.txt").write_text(f"{run.stdout}{run.stderr}exit {run.returncode}\n".replace(str(folder), "X"),
                                        encoding="utf-8")
    return folder


def differences(fast: Path, slow: Path) -> tuple[int, list[str]]:
    """(how many files were compared, those that differ)."""
    compared, differ = 0, []
    left_aside = ("c/cac-lan-chay.json", "c/da-ghi.json")
    for path in sorted(p for p in fast.rglob("*") if p.is_file()):
        rel = path.relative_to(fast).as_posix()
        other = slow / rel
        if rel in left_aside:
            continue
        compared += 1
        if not other.is_file():
            differ.append(rel)
        elif rel == "report.json":
            if TIMES.sub("T", path.read_text(encoding="utf-8").replace(str(fast), "X")) != \
                    TIMES.sub("T", other.read_text(encoding="utf-8").replace(str(slow), "X")):
                differ.append(rel)
        elif zipfile.is_zipfile(path) and zipfile.is_zipfile(other):
            with zipfile.ZipFile(path) as a, zipfile.ZipFile(other) as b:
                if a.namelist() != b.namelist() or any(a.read(n) != b.read(n) for n in a.namelist()
                                                       if n != "docProps/core.xml"):
                    differ.append(rel)
        elif path.read_bytes() != other.read_bytes():
            differ.append(rel)
    return compared, differ


def compare(campaign: Path, inbox: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fast, slow = merged(campaign, inbox, work, "fast"), merged(campaign, inbox, work, "fallback")
        compared, differ = differences(fast, slow)
        books = sorted(p for p in (campaign / inbox).rglob("*") if p.is_file())
        return {"inbox": f"{campaign.relative_to(ROOT).as_posix()}/{inbox}", "compared": compared, "differ": differ,
                "paths": reading_paths(books)}


def resaved_paths() -> dict[str, Counter]:
    """The fast path's share of the samples' books as they are, re-saved by openpyxl and by LibreOffice."""
    from openpyxl import load_workbook

    books = sorted(p for campaign, inbox in INBOXES for p in (campaign / inbox).rglob("*.xlsx")
                   if not p.name.startswith("~$"))
    found = {"the samples' books as they are": reading_paths(books)}
    with tempfile.TemporaryDirectory() as tmp:
        saved = []
        for k, book in enumerate(books):
            try:
                wb = load_workbook(book)
            except Exception:  # a hostile sample: not a workbook openpyxl opens
                continue
            wb.save(Path(tmp) / f"{k}.xlsx")
            saved.append(Path(tmp) / f"{k}.xlsx")
        found["re-saved by openpyxl"] = reading_paths(saved)
        try:
            from thidua_xlsx.system import office

            converted = [office.convert(book, "xlsx", Path(tmp) / "lo" / str(k)) for k, book in enumerate(books)
                         if zipfile.is_zipfile(book)]
        except Exception as exc:  # no LibreOffice here
            print(f"LibreOffice re-saves left out: {type(exc).__name__}", file=sys.stderr)
        else:
            found["re-saved by LibreOffice"] = reading_paths(converted)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000])
    args = parser.parse_args()
    inboxes = list(INBOXES)
    for n in args.sizes:
        campaign = CACHE / f"departments-{n}" / "campaign"
        if campaign.is_dir():
            inboxes.append((campaign, "inbox"))
        else:
            print(f"{campaign} not built (python benchmarks/bench_scale.py --sizes {n}): left out", file=sys.stderr)
    print("| inbox | outputs compared | differ | read by |\n|---|---:|---:|---|")
    results = []
    for campaign, inbox in inboxes:
        found = compare(campaign, inbox)
        results.append(found)
        print(f"| {found['inbox']} | {found['compared']} | {len(found['differ'])} | {said(found['paths'])} |",
              flush=True)
    print("\n| books | read by |\n|---|---|")
    for label, paths in resaved_paths().items():
        print(f"| {label} | {said(paths)} |")
    if any(r["differ"] for r in results):
        print(json.dumps({r["inbox"]: r["differ"] for r in results if r["differ"]}, indent=1), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
