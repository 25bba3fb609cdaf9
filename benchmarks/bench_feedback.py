"""``merge --feedback`` at scale: copies written on every core against one process. By hand:

    python benchmarks/bench_feedback.py                 # 1,000 departments, 300 of them with a problem
    python benchmarks/bench_feedback.py --copies 1000

The inbox is ``bench_scale.py``'s departments inbox (built and cached there). It is merged once; its
filled workbooks have no problem, so one warning is added to each of the first ``--copies`` accepted
files (a department with something to fix). Then, ``--repeat`` times, the feedback copies are written
in this process and by the worker pool, alternating; medians, the ratio and the time per copy are
printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_scale import cached_inbox  # noqa: E402

from thidua_xlsx.model.inbox import ACCEPTED
from thidua_xlsx.model.issues import WARNING, issue  # noqa: E402
from thidua_xlsx.service import merge_inbox  # noqa: E402
from thidua_xlsx.steps.workspace import open_campaign  # noqa: E402
from thidua_xlsx.system import pool  # noqa: E402
from thidua_xlsx.write.feedback import write_feedback  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    built, _ = cached_inbox("departments", args.departments, rebuild=False)
    folder, _ = open_campaign(built / "campaign" / "campaign.xlsx")
    summary = merge_inbox(built / "campaign" / "inbox", folder)
    files = [f for f in summary.files if f.status == ACCEPTED][:args.copies]
    problems = tuple(issue("row.missing_code", WARNING, file=f.name, codes="X") for f in files)
    summary = dataclasses.replace(summary, issues=(*summary.issues, *problems))

    pooled = pool.workers_for_workbooks(len(files))
    runs: dict[int, list[float]] = {0: [], pooled: []}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            for workers in runs:
                pool.workers_for_workbooks = lambda count, workers=workers: workers
                start = time.perf_counter()
                written = write_feedback(summary, Path(tmp) / f"{workers}-{k}").written
                runs[workers].append(time.perf_counter() - start)
                print(f"  {workers} workers: {len(written)} copies in {runs[workers][-1]:.1f} s", flush=True)
    one, many = statistics.median(runs[0]), statistics.median(runs[pooled])
    print(f"{len(written)} copies: one process {one:.1f} s ({one / len(written) * 1000:.0f} ms a copy), "
          f"{pooled} workers {many:.1f} s ({many / len(written) * 1000:.0f} ms a copy): {one / many:.2f}x")


if __name__ == "__main__":
    main()
