"""What a byte-identical copy costs the merge: a forwarded mail, a file saved twice. By hand:

    python benchmarks/bench_copies.py                                   # 1,000 departments + 1,000 copies
    python benchmarks/bench_copies.py --copies 5000 --baseline /tmp/before

The cached inbox of ``bench_scale.py`` (N department workbooks, filled) is merged twice in a child process by
``merge_inbox`` (reading on every core, the checks, the selection, the consolidation; no workbook written): as it
is, and with ``--copies`` byte-identical copies of its files added (``zz-chuyen-tiep/``, copied with their times,
each file copied in turn). A copy's cost is the difference divided by the copies; ``--baseline`` (another
checkout, e.g. ``git worktree add /tmp/before <commit>``) does the same in the same run, alternating.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import cached_inbox  # noqa: E402

SAVED = dt.datetime(2026, 5, 12)

CHILD = r"""
import json, sys, time
from pathlib import Path
import thidua_xlsx.steps.parallel as parallel
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.steps.workspace import open_campaign
timed = {}
original = parallel.read_inbox
def read_inbox(*args, **kwargs):
    start = time.perf_counter()
    yield from original(*args, **kwargs)
    timed["read_s"] = time.perf_counter() - start
parallel.read_inbox = read_inbox
folder, _ = open_campaign(Path(sys.argv[1]) / "campaign.xlsx")
start = time.perf_counter()
summary = merge_inbox(Path(sys.argv[2]), folder)
timed["merge_s"] = time.perf_counter() - start
timed["copies"] = sum(f.reason == "file.copy_of" for f in summary.files)
timed["files"] = len(summary.files)
print(json.dumps(timed))
"""


def run(code: Path, campaign: Path, inbox: Path) -> dict:
    child = subprocess.run([sys.executable, "-c", CHILD, str(campaign), str(inbox)], capture_output=True, text=True,
                           cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
    if child.returncode:
        raise RuntimeError(child.stderr[-2000:])
    return json.loads(child.stdout)


def direct(inbox: Path, copies: int, repeat: int = 5) -> None:
    """This checkout's own work for the copies, in this process (no worker, no noise of a whole merge): the files
    of one kind and size hashed (``parallel.find_copies``), each copy's entry made from its first's."""
    import time

    sys.path.insert(0, str(ROOT))
    from thidua_xlsx.model.inbox import InboxFile
    from thidua_xlsx.read import department as reader
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.steps import parallel

    items = scan_inbox(inbox)
    finding, making = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        found = parallel.find_copies(items)
        finding.append(time.perf_counter() - start)
        start = time.perf_counter()
        for index, (first, digest) in found.items():
            original = InboxFile(items[first].path, items[first].name, 0, SAVED, digest)
            assert reader.copy_entry(items[index], original, digest) is not None
        making.append(time.perf_counter() - start)
    assert len(found) == copies
    from collections import Counter

    keys = Counter(reader.content_key(item) for item in items)
    hashed = sum(count for key, count in keys.items() if key is not None and count > 1)
    find, make = statistics.median(finding), statistics.median(making)
    print(f"direct, {len(items)} files ({hashed} hashed: of a kind and size another file has), {copies} copies, "
          f"medians of {repeat}: find_copies {find:.3f} s, the copies' entries {make:.3f} s: "
          f"{(find + make) / copies * 1000:.3f} ms a copy", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1000, help="department workbooks (bench_scale's cache)")
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path)
    args = parser.parse_args()
    target, _ = cached_inbox("departments", args.size, False)
    campaign = target / "campaign"
    originals = sorted((campaign / "inbox").iterdir())
    with tempfile.TemporaryDirectory() as tmp:
        with_copies = Path(tmp) / "inbox"
        shutil.copytree(campaign / "inbox", with_copies)
        (with_copies / "zz-chuyen-tiep").mkdir()
        for k in range(args.copies):
            source = originals[k % len(originals)]
            shutil.copy2(source, with_copies / "zz-chuyen-tiep" / f"{k:05d}-{source.name}")
        for path in with_copies.rglob("*"):  # in the page cache, as the originals are
            if path.is_file():
                path.read_bytes()
        direct(with_copies, args.copies)
        codes = {"this": ROOT} | ({"before": args.baseline} if args.baseline else {})
        found: dict[str, dict[str, list]] = {name: {"plain": [], "copies": []} for name in codes}
        for _ in range(args.repeat):
            for name, code in codes.items():
                plain = run(code, campaign, campaign / "inbox")
                copied = run(code, campaign, with_copies)
                assert copied["copies"] == args.copies, copied
                found[name]["plain"].append(plain)
                found[name]["copies"].append(copied)
                print(name, json.dumps({"plain": plain, "copies": copied}), flush=True)
    print(f"\n{args.size} workbooks + {args.copies} copies, medians of {args.repeat}:")
    print("| code | merge_inbox | with the copies | a copy | reading | with the copies | a copy (reading) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in found.items():
        med = {kind: {key: statistics.median(r[key] for r in runs[kind]) for key in ("merge_s", "read_s")}
               for kind in runs}
        per = [(c["merge_s"] - p["merge_s"]) / args.copies * 1000 for p, c in zip(runs["plain"], runs["copies"])]
        per_read = [(c["read_s"] - p["read_s"]) / args.copies * 1000 for p, c in zip(runs["plain"], runs["copies"])]
        print(f"| {name} | {med['plain']['merge_s']:.2f} s | {med['copies']['merge_s']:.2f} s | "
              f"{statistics.median(per):.2f} ms | {med['plain']['read_s']:.2f} s | {med['copies']['read_s']:.2f} s | "
              f"{statistics.median(per_read):.2f} ms |")


if __name__ == "__main__":
    main()
