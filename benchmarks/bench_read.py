"""How fast is reading an inbox? Run by hand:  pip install '.[bench]' && python benchmarks/bench_read.py [N]

Copies the filled sample workbooks into a temporary inbox of N files, then times, in the same
run, (a) the baseline: pandas.read_excel(sheet_name=None) with openpyxl on every file, and
(b) thidua-xlsx's whole merge (read with python-calamine, validate, consolidate). Prints the
times and the ratio, so results from different machines compare as ratios, not seconds.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thidua_xlsx.service import merge_inbox  # noqa: E402
from thidua_xlsx.workspace import open_campaign  # noqa: E402


def main(n: int) -> None:
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
