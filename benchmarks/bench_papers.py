"""The council's pass with its papers, as the head's secretary runs it on the samples: what the papers (Word and
PDF, LibreOffice) add to the merge, against another checkout. By hand:

    python benchmarks/bench_papers.py --repeat 5 --baseline /tmp/before

On a copy of ``samples/``, alternating, ``--repeat`` times, each checkout given (this one, and ``--baseline``'s, e.g.
``git worktree add /tmp/before <commit>``) runs in a child process
  * ``merge inbox --council hoi-dong.xlsx -o … --json … --docs ho-so --force`` (the papers, Word and PDF), and
  * the same without ``--docs`` (what the papers add is the difference).
Medians of the wall-clock and of the CPU of each run's whole process tree (LibreOffice included), and the load of
the machine while it ran. The first run of each checkout is not counted (LibreOffice's first start after a build,
the profile kept in the cache folder made): each checkout has a cache folder of the benchmark's own
(``XDG_CACHE_HOME``), so that no other run on the machine holds its kept profile meanwhile (a run finding it held
converts on a fresh one), and what one checkout tells its profile does not serve the other. Every
output of the last runs of both checkouts is then compared
(``compare_outputs.py``: the workbook cell by cell, the JSON, the papers' text, the PDFs' text).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_outputs import compare  # noqa: E402


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(code: Path, samples: Path, out: Path, papers: bool, cache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of its tree) of one council pass by the checkout ``code``, into ``out``."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    command = [sys.executable, "-m", "thidua_xlsx", "merge", "inbox", "--council", "hoi-dong.xlsx",
               "-o", str(out / "tong-hop-cuoi.xlsx"), "--json", str(out / "bao-cao.json"), "--force"]
    if papers:
        command += ["--docs", str(out / "ho-so")]
    start, used = time.perf_counter(), _children_cpu()
    child = subprocess.run(command, cwd=samples, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(code), "XDG_CACHE_HOME": str(cache)})
    took, cpu = time.perf_counter() - start, _children_cpu() - used
    if child.returncode not in (0, 1):
        raise RuntimeError(f"merge exited {child.returncode}: {child.stderr[-2000:]}")
    return took, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", type=Path)
    args = parser.parse_args()
    codes = {"this": ROOT} | ({"before": args.baseline} if args.baseline else {})
    runs: dict[tuple[str, bool], list[tuple[float, float]]] = {(n, p): [] for n in codes for p in (True, False)}
    loads = []
    with tempfile.TemporaryDirectory() as tmp:
        samples = Path(tmp) / "samples"
        shutil.copytree(ROOT / "samples", samples)
        for k in range(args.repeat + 1):
            for name, code in codes.items():
                for papers in (True, False):
                    took = run(code, samples, Path(tmp) / name / str(papers), papers, Path(tmp) / "cache" / name)
                    if k:
                        runs[(name, papers)].append(took)
            loads.append(os.getloadavg()[0])
            print(k, {f"{n} {'papers' if p else 'no papers'}": f"{v[-1][0]:.2f} s" for (n, p), v in runs.items()
                      if v}, f"load {loads[-1]:.1f}", flush=True)
        print(f"\nmedians of {args.repeat} runs (the first of each not counted); load average "
              f"{min(loads):.1f}–{max(loads):.1f} on {os.cpu_count()} cores")
        print("| code | with papers | without | papers add | CPU with papers | CPU without |")
        print("|---|---:|---:|---:|---:|---:|")
        for name in codes:
            with_, without = runs[(name, True)], runs[(name, False)]
            wall = statistics.median(w for w, _ in with_)
            bare = statistics.median(w for w, _ in without)
            cpu, cpu_bare = (statistics.median(c for _, c in found) for found in (with_, without))
            print(f"| {name} | {wall:.2f} s | {bare:.2f} s | {wall - bare:.2f} s | {cpu:.2f} s | {cpu_bare:.2f} s |")
        if args.baseline:
            pairs = [a[0] / b[0] for a, b in zip(runs[("this", True)], runs[("before", True)])]
            print(f"this / before, with papers, pair by pair: median {statistics.median(pairs):.2f} "
                  f"({', '.join(f'{x:.2f}' for x in pairs)})")
            count, differences = compare(Path(tmp) / "before" / "True", Path(tmp) / "this" / "True", set())
            print(f"outputs: {count} files compared, {len(differences)} differ", *differences, sep="\n")


if __name__ == "__main__":
    main()
