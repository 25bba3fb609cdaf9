"""How fast is reading an inbox? Run by hand:  pip install '.[bench]' && python benchmarks/bench_read.py [N]

Copies the filled sample workbooks into a temporary inbox of N files, then times, in the same
run, (a) the baseline: pandas.read_excel(sheet_name=None) with openpyxl on every file, and
(b) thidua-xlsx's whole merge (read with python-calamine, validate, consolidate). Prints the
times and the ratio, so results from different machines compare as ratios, not seconds.

``--cpu``: a department workbook's reading on one core, against the inflate floor (what unzipping alone costs) —

    python benchmarks/bench_read.py --cpu --files 200 --repeat 3 --baseline /tmp/before [--profile 25]

reads ``--files`` workbooks of the cached 1,000-department inbox (``bench_scale.py`` builds it) in a child process
pinned to one core, as a reading worker does (``parallel.read_one``: contain, read, check the locked cells, validate,
make slim), and in the same child inflates every XML part of the same files with ``zipfile`` (the floor). CPU time
(``time.process_time``), not wall: the machine's cores are shared. With ``--baseline`` (another commit's checkout)
the two checkouts' children alternate ``--repeat`` times; medians are printed, and the ratio. ``--profile N``: the N
largest costs of this checkout's reading (cProfile, cumulative; its own child). ``--phases``: where a file's CPU time
goes, each step of the reading timed around its call (no profiler: cProfile's cost per call inflates the Python
steps against calamine's and zlib's), in a child of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHED = Path(__file__).resolve().parent / "cache" / "departments-1000" / "campaign"
sys.path.insert(0, str(ROOT))


def main(n: int) -> None:
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign

    sources = sorted(p for p in (ROOT / "samples" / "inbox").glob("*.xlsx") if not p.name.startswith("~$"))
    folder, _ = open_campaign(ROOT / "samples" / "campaign.xlsx")
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp)
        for i in range(n):
            src = sources[i % len(sources)]
            shutil.copy(src, inbox / f"{i:04d}_{src.name}")
        import pandas as pd

        start = time.perf_counter()
        for path in sorted(inbox.iterdir()):
            pd.read_excel(path, sheet_name=None, engine="openpyxl", header=None)
        baseline = time.perf_counter() - start

        start = time.perf_counter()
        summary = merge_inbox(inbox, folder)
        ours = time.perf_counter() - start
    read = sum(1 for f in summary.files if f.status in ("accepted", "superseded"))
    print(f"{n} files, {read} read as submissions (copies of a department: newest kept, others superseded)")
    print(f"baseline pandas+openpyxl read only : {baseline:7.2f} s")
    print(f"thidua-xlsx merge (read+check+rank): {ours:7.2f} s")
    print(f"ratio baseline / ours              : {baseline / ours:7.1f}x")


# --- a workbook's reading on one core, against the floor ------------------------------------------

# Run in a child with the checkout to measure first on its path: read_one over the files after the first (read once
# to import and warm what a worker has warm), then the floor over the same files. Prints ms per file as JSON.
CPU = r"""
import cProfile, gc, io, json, os, pstats, sys, time, zipfile
from pathlib import Path
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from thidua_xlsx.steps.parallel import READING_GC_THRESHOLD, read_one
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.department import ReadContext
from thidua_xlsx.steps.workspace import open_campaign
campaign, files, profile, phases = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
folder, _ = open_campaign(campaign / "campaign.xlsx")
context = ReadContext(folder.campaign, folder.registry)
spent = {}
if phases:  # each step timed around its call, where read_one and read_file call it; a part of a step under it
    import thidua_xlsx.steps.parallel as parallel
    import thidua_xlsx.read.department as department
    from thidua_xlsx.read.department import extraction, formulas, overview, scoring
    from thidua_xlsx.read.registry import IssuedRegistry

    within = {}  # a part → the step it is timed inside of

    def timed(owner, name, label, step_of=""):
        step = getattr(owner, name)
        def call(*args, **kwargs):
            start = time.process_time()
            try:
                return step(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start
        setattr(owner, name, call)
        if step_of:
            within[label] = step_of

    FINDING, REST = "finding the forms, their cells and locked cells", "the rest (the file read, its entry, hand-over)"
    for owner, name, label, step_of in (
            (department, "check_workbook", "containment: every part inflated and checked", ""),
            (department, "load_values", "calamine: the sheets read", ""),
            (department, "saved_at", "the time saved", ""),
            (department, "attach_formulas", "the formulas' parts attached", ""),
            (department, "_extract", FINDING, ""),
            (scoring, "_form", "a form's labels, header and rows", FINDING),
            (scoring, "_criteria", "its criteria rows, one by one", FINDING),
            (formulas, "_index", "the formulas indexed (asked for by the rows)", FINDING),
            (overview, "department_sheet", "the department sheet", FINDING),
            (extraction.Extraction, "classify", "the sheets told apart", FINDING),
            (department, "input_marks", "the input cells' marks", ""),
            (department, "locked_changes", "the locked content compared", ""),
            (IssuedRegistry, "get", "the issued record read", ""), (parallel, "validate", "the checks", ""),
            (parallel, "pack_inputs", "the inputs packed", ""),
            (department, "parse_meta", "the hidden sheet's JSON", REST)):
        timed(owner, name, label, step_of)
items = scan_inbox(campaign / "inbox")[:files + 1]
for item in items:
    item.path.read_bytes()  # from the page cache, for both
gc.set_threshold(*READING_GC_THRESHOLD)  # as in a reading worker
read_one(items[0], context)
items = items[1:]
if phases:
    spent.clear()
    start = time.process_time()
    for item in items:
        read_one(item, context)
    total = (time.process_time() - start) / len(items) * 1000
    print(f"{len(items)} files, {total:.2f} ms a file (CPU, one core):", file=sys.stderr)
    steps = {label: seconds / len(items) * 1000 for label, seconds in spent.items() if label not in within}
    steps[REST] = total - sum(steps.values())
    for step, ms in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"  {step:52s} {ms:5.2f} ms {100 * ms / total:5.1f} %", file=sys.stderr)
        for part in (p for p, of in within.items() if of == step and p in spent):
            ms = spent[part] / len(items) * 1000  # nested: a form's rows are inside its labels' step, and so on
            print(f"    {part:50s} {ms:5.2f} ms {100 * ms / total:5.1f} %", file=sys.stderr)
    sys.exit()
if profile:
    pr = cProfile.Profile()
    pr.enable()
    for item in items:
        read_one(item, context)
    pr.disable()
    out = io.StringIO()
    pstats.Stats(pr, stream=out).sort_stats("cumulative").print_stats(profile)
    print(out.getvalue(), file=sys.stderr)
    sys.exit()
start = time.process_time()
for item in items:
    read_one(item, context)
read_ms = (time.process_time() - start) / len(items) * 1000
start = time.process_time()
for item in items:
    with zipfile.ZipFile(item.path) as zf:
        for info in zf.infolist():
            if info.filename.endswith((".xml", ".rels")):
                zf.read(info)
floor_ms = (time.process_time() - start) / len(items) * 1000
print(json.dumps({"read_ms": read_ms, "floor_ms": floor_ms}))
"""


def cpu_child(code: Path, files: int, profile: int = 0, phases: bool = False) -> dict:
    child = subprocess.run([sys.executable, "-c", CPU, str(CACHED), str(files), str(profile), "1" if phases else "0"],
                           capture_output=True, text=True, cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
    if child.returncode != 0:
        raise RuntimeError(f"{code}: {child.stderr[-2000:]}")
    if profile or phases:
        print(child.stderr)
        return {}
    return json.loads(child.stdout)


def cpu(files: int, repeat: int, baseline: Path | None, profile: int, phases: bool) -> None:
    if not (CACHED / "inbox").is_dir():
        sys.exit(f"no cached inbox at {CACHED}: build it with  python benchmarks/bench_scale.py --sizes 1000")
    runs: dict[str, list[dict]] = {"this": [], "baseline": []}
    for r in range(repeat):
        for name, code in (("this", ROOT), ("baseline", baseline)):
            if code is None:
                continue
            runs[name].append(cpu_child(code, files))
            last = runs[name][-1]
            print(f"  run {r + 1}/{repeat}, {name}: reading {last['read_ms']:.2f} ms a file, floor "
                  f"{last['floor_ms']:.2f} ms ({last['read_ms'] / last['floor_ms']:.1f}×)", flush=True)
    print(f"\n{files} workbooks of {CACHED.parent.name}, one core, CPU time, medians of {repeat}:")
    for name, found in runs.items():
        if found:
            read = statistics.median(f["read_ms"] for f in found)
            floor = statistics.median(f["floor_ms"] for f in found)
            print(f"  {name:8s}: reading {read:6.2f} ms a file, floor {floor:5.2f} ms: {read / floor:5.1f}× the floor")
    if runs["baseline"]:
        this, before = (statistics.median(f["read_ms"] for f in runs[k]) for k in ("this", "baseline"))
        print(f"  this / baseline: {this / before:.2f}")
    if profile:
        cpu_child(ROOT, files, profile)
    if phases:
        cpu_child(ROOT, files, phases=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=200, help="files of the samples' inbox (without --cpu)")
    parser.add_argument("--cpu", action="store_true", help="a workbook's reading on one core against the floor")
    parser.add_argument("--files", type=int, default=200, help="--cpu: workbooks of the cached inbox read")
    parser.add_argument("--repeat", type=int, default=3, help="--cpu: alternations (medians are printed)")
    parser.add_argument("--baseline", type=Path, help="--cpu: another commit's checkout, alternated with this one")
    parser.add_argument("--profile", type=int, default=0, help="--cpu: print this many of the largest costs")
    parser.add_argument("--phases", action="store_true", help="--cpu: where a file's time goes, step by step")
    args = parser.parse_args()
    if args.cpu:
        cpu(args.files, args.repeat, args.baseline, args.profile, args.phases)
    else:
        main(args.n)
