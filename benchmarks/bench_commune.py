"""The commune's merge of the schools' final summaries at a province's size: its time and memory against a naive
loop and another checkout. By hand:

    python benchmarks/bench_commune.py                                   # 2,000 summaries
    python benchmarks/bench_commune.py --size 2000 --baseline /tmp/before --repeat 3
    python benchmarks/bench_commune.py --size 2000 --baseline /tmp/before --read-cpu 300 --repeat 5   # one core

The inbox is ``bench_scale.py``'s cached ``--kind schools`` build (N copies of the sample school's final summary, each
under its own school name, and a ``cap-tren.xlsx`` listing the N schools). One run alternates, ``--repeat`` times:
  * the naive loop, what reading costs without the tool: ``pandas.read_excel(engine="calamine")`` of every sheet
    of every file, one core
    (from ``--naive-files`` files, scaled up);
  * ``thidua-xlsx merge INBOX --campaign … -o … --json …`` end to end in a child process (its reading phase timed in
    place, its own peak memory), and the same with ``--xuat-tinh`` (the province's import files): the difference is
    what the export adds;
  * the same two by ``--baseline``'s checkout (e.g. ``git worktree add /tmp/before <commit>``), when given.
The whole process tree's memory is sampled every 20 ms (RSS summed, and PSS: a page a forked worker shares with
the merge counted once). With ``--baseline``, every output of the last runs with ``--xuat-tinh`` of both checkouts is
compared (compare_outputs.py: the workbook cell by cell with its styles, the JSON, every import file).
Medians are printed: wall-clock, and CPU (user + system; on a machine shared with other work it moves less than the
wall-clock) of the merge process alone (its one core: what the workers do not share) and of all its processes.

``--read-cpu N`` times instead what a reading worker does with a summary: N of them read one after the other in one
process (as ``read_school_summaries`` reads each: its entry sorted out, containment, the gate, the lists' check, the
proposals), CPU per summary, the best of three passes; this checkout and ``--baseline``'s alternate, ``--repeat``
times, each in a child process pinned to one core; the medians and the pairs' ratios are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import MERGE, cached_inbox, warm  # noqa: E402
from compare_outputs import compare  # noqa: E402


def naive(files: list[Path]) -> float:
    import pandas as pd

    start = time.perf_counter()
    for path in files:
        pd.read_excel(path, sheet_name=None, engine="calamine", header=None)
    return time.perf_counter() - start


def naive_peak(files: list[Path]) -> float:
    """The naive loop's own peak memory (a child process), MB."""
    code = ("import sys, pandas as pd\n"
            "for p in sys.argv[1:]: pd.read_excel(p, sheet_name=None, engine='calamine', header=None)\n"
            "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')) / 1024)")
    return float(subprocess.run([sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True,
                                check=True).stdout)


def merge(code: Path, folder: Path, work: Path, export: bool) -> dict:
    report = work / "child.json"
    command = [sys.executable, "-c", MERGE, str(report), "merge", str(folder / "inbox"), "--campaign", str(folder),
               "-o", str(work / "xa.xlsx"), "--json", str(work / "xa.json"), "--force"]
    if export:
        command += ["--xuat-tinh", str(work / "nhap-tinh")]
    start, used = time.perf_counter(), _children_cpu()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=code,
                             env={**os.environ, "PYTHONPATH": str(code)})
    tree_mb, tree_pss_mb = tree_peak(child)
    stderr = child.stderr.read() if child.stderr else ""
    child.wait()
    took, cpu = time.perf_counter() - start, _children_cpu() - used
    if child.returncode not in (0, 1):
        raise RuntimeError(f"merge exited {child.returncode}: {stderr[-2000:]}")
    found = json.loads(report.read_text())
    data = json.loads((work / "xa.json").read_text(encoding="utf-8"))
    report.unlink()  # the run's own figures: the folder then holds the outputs alone
    return {"seconds": took, **found, "all_cpu_s": cpu, "tree_mb": tree_mb, "tree_pss_mb": tree_pss_mb,
            "proposals": len(data["proposals"]),
            "import_files": len(list((work / "nhap-tinh").glob("*.xlsx"))) if export else 0}


def tree_peak(child: subprocess.Popen, every: float = 0.02) -> tuple[float, float]:
    """The largest sums over ``child`` and every process below it (its workers), MB, sampled every ``every`` seconds
    until it ends: of their resident memory (RSS: the pages a forked worker shares with its parent counted in each),
    and of their proportional share of it (PSS, Linux: a shared page counted once across them)."""
    import psutil

    peak = peak_pss = 0
    process = psutil.Process(child.pid)
    while child.poll() is None:
        total = pss = 0
        try:
            for one in (process, *process.children(recursive=True)):
                with contextlib.suppress(psutil.Error, OSError, StopIteration):
                    total += one.memory_info().rss
                    with open(f"/proc/{one.pid}/smaps_rollup") as rollup:
                        pss += 1024 * next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except psutil.Error:
            break
        peak, peak_pss = max(peak, total), max(peak_pss, pss)
        time.sleep(every)
    return peak / 2**20, peak_pss / 2**20


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished children and theirs: a merge and its workers."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


READ_CPU = r"""
import sys, time
from pathlib import Path
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.commune.read_inbox import _read_entry
items = scan_inbox(Path(sys.argv[1]))[:int(sys.argv[2])]
for item in items[:20]:
    _read_entry(None, item)
def one_pass():
    start = time.process_time()
    for item in items:
        _read_entry(None, item)
    return time.process_time() - start
best = min(one_pass() for _ in range(3))
print(best / len(items) * 1000)
"""


def read_cpu(code: Path, inbox: Path, count: int) -> float:
    """CPU milliseconds a summary, read by ``code``'s checkout on one core (see the module)."""
    pin = ["taskset", "-c", "0"] if sys.platform.startswith("linux") else []
    done = subprocess.run([*pin, sys.executable, "-c", READ_CPU, str(inbox), str(count)], capture_output=True,
                          text=True, check=True, cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
    return float(done.stdout)


def read_cpu_runs(codes: dict[str, Path], inbox: Path, count: int, repeat: int) -> None:
    runs: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeat):
        for name, code in codes.items():
            runs[name].append(read_cpu(code, inbox, count))
        print(json.dumps({name: round(found[-1], 3) for name, found in runs.items()}), flush=True)
    for name, found in runs.items():
        print(f"{name}: {statistics.median(found):.2f} ms a summary (runs {', '.join(f'{x:.2f}' for x in found)})")
    if "before" in runs:
        pairs = [a / b for a, b in zip(runs["this"], runs["before"])]
        print(f"this / before: median {statistics.median(pairs):.2f} (pairs {', '.join(f'{x:.2f}' for x in pairs)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--naive-files", type=int, default=200)
    parser.add_argument("--baseline", type=Path)
    parser.add_argument("--read-cpu", type=int, default=0, metavar="N",
                        help="time N summaries read on one core instead of the merges")
    args = parser.parse_args()
    target, _ = cached_inbox("schools", args.size, False)
    folder = target / "campaign"
    files = sorted((folder / "inbox").iterdir())
    warm(files)
    if args.read_cpu:
        read_cpu_runs({"this": ROOT} | ({"before": args.baseline} if args.baseline else {}), folder / "inbox",
                      args.read_cpu, args.repeat)
        return
    sample = files[:: max(1, len(files) // args.naive_files)][: args.naive_files]
    codes = {"this": ROOT} | ({"before": args.baseline} if args.baseline else {})
    runs: dict[str, list] = {"naive": []} | {f"{name} {kind}": [] for name in codes for kind in ("merge", "export")}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            runs["naive"].append({"seconds": naive(sample) * len(files) / len(sample)})
            for name, code in codes.items():
                for kind in ("merge", "export"):
                    work = Path(tmp) / f"{name}-{kind}-{k}"
                    work.mkdir()
                    runs[f"{name} {kind}"].append(merge(code, folder, work, kind == "export"))
            print(json.dumps({key: value[-1] for key, value in runs.items()}), flush=True)
        if args.baseline:  # every output of the last runs, both checkouts
            last = args.repeat - 1
            count, differences = compare(Path(tmp) / f"before-export-{last}", Path(tmp) / f"this-export-{last}",
                                         set())
            print(f"outputs: {count} files compared, {len(differences)} differ", *differences, sep="\n")
    peak = naive_peak(sample[:50])
    print(f"\n{args.size} summaries, medians of {args.repeat}; naive loop from {len(sample)} files scaled "
          f"(its peak over 50 files: {peak:.0f} MB):")
    naive_s = statistics.median(r["seconds"] for r in runs["naive"])
    print(f"naive loop: {naive_s:.1f} s")
    print("| code | run | end to end | naive / it | CPU: the merge process | CPU: all processes | reading | peak RSS | "
          "workers' peak | the tree's peak, RSS / PSS | proposals | files |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key, found in runs.items():
        if key == "naive":
            continue
        med = {m: statistics.median(r[m] for r in found)
               for m in ("seconds", "cpu_s", "all_cpu_s", "read_s", "peak_mb", "worker_peak_mb", "tree_mb",
                         "tree_pss_mb")}
        name, kind = key.split()
        print(f"| {name} | {kind} | {med['seconds']:.1f} s | {naive_s / med['seconds']:.2f}× | {med['cpu_s']:.1f} s | "
              f"{med['all_cpu_s']:.1f} s | {med['read_s']:.1f} s | "
              f"{med['peak_mb']:.0f} MB | {med['worker_peak_mb']:.0f} MB | "
              f"{med['tree_mb']:.0f} / {med['tree_pss_mb']:.0f} MB | "
              f"{found[0]['proposals']} | "
              f"{found[0]['import_files']} |")
    for name in codes:
        extra = [e["seconds"] - m["seconds"] for m, e in zip(runs[f"{name} merge"], runs[f"{name} export"])]
        extra_cpu = [e["all_cpu_s"] - m["all_cpu_s"] for m, e in zip(runs[f"{name} merge"], runs[f"{name} export"])]
        print(f"{name}: --xuat-tinh adds {statistics.median(extra):.1f} s (runs: "
              f"{', '.join(f'{x:.1f}' for x in extra)}), {statistics.median(extra_cpu):.1f} s of CPU")


if __name__ == "__main__":
    main()
