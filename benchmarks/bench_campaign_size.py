"""Does the merge's cost per workbook stay flat as the campaign grows? Run by hand:

    python benchmarks/bench_campaign_size.py 100 1000

For each N, builds through the product a campaign of N departments (the tiểu học preset's
departments and roster cloned, ~8 people each), ``generate``s its scoring round, then merges the N
issued workbooks in a child process and reports, in the same run: generate time per workbook,
merge time per workbook, and the merge's peak memory (max RSS of the child). The workbooks are
merged as issued (not filled): filling 1,000 files with openpyxl would dominate the run, and a
filled workbook differs only by a few hundred numbers. Results go in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thidua_xlsx.model import campaign as cm  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402
from thidua_xlsx.read.presets import load_preset  # noqa: E402
from thidua_xlsx.service import generate_round  # noqa: E402
from thidua_xlsx.steps.workspace import CampaignFolder  # noqa: E402

# A child's own peak memory: VmHWM, not ru_maxrss — Linux carries into a child's ru_maxrss the
# high-water mark of the image it replaced at exec (a fork of the benchmark and all it holds).
PEAK = 'next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) / 1024'

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from thidua_xlsx.service import merge_inbox, own_process
from thidua_xlsx.steps.workspace import open_campaign
own_process()  # measured as the CLI runs it: a process of the tool's own
folder, _ = open_campaign(Path(sys.argv[2]) / "campaign.xlsx")
start = time.perf_counter()
summary = merge_inbox(Path(sys.argv[2]) / "inbox", folder)
took = time.perf_counter() - start
print(json.dumps({"seconds": took, "files": len(summary.files), "people": len(summary.people),
                  "accepted": len(summary.accepted_files),
                  "peak_mb": PEAK}))
""".replace("PEAK", PEAK)


def campaign_of(departments: int) -> cm.Campaign:
    """The preset school, its departments and roster cloned to ``departments`` departments."""
    base = load_preset("tieu-hoc")
    depts, staff = [], []
    for n in range(departments):
        template = base.departments[n % len(base.departments)]
        code = f"{template.code}-{n:05d}"
        depts.append(dataclasses.replace(template, code=code, name=f"{template.name} {n + 1}"))
        staff += [dataclasses.replace(p, code=f"{p.code}-{n:05d}", department=code)
                  for p in base.staff if p.department == template.code]
    return dataclasses.replace(base, id=f"bench-{departments}", departments=tuple(depts), staff=tuple(staff))


def generate_campaign(n: int, folder: Path, outbox: Path):
    """An N-department campaign written by ``init`` into ``folder``, its scoring round generated into
    ``outbox``: (campaign, what generate returned, seconds generate took)."""
    from thidua_xlsx.service import init_campaign

    campaign = campaign_of(n)
    init_campaign(folder, campaign.level, campaign=campaign)
    start = time.perf_counter()
    generated = generate_round(CampaignFolder(folder, campaign), ly.SCORING, outbox)
    return campaign, generated, time.perf_counter() - start


def run(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "campaign"
        campaign, _, generate = generate_campaign(n, folder, folder / "inbox")
        child = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(folder)], capture_output=True,
                               text=True, check=True)
        merged = json.loads(child.stdout)
    return {"n": n, "people": len(campaign.staff), "generate_s": generate, **merged}


def main(sizes: list[int]) -> None:
    results = [run(n) for n in sizes]
    base = results[0]
    print(f"{'workbooks':>10} {'people':>7} {'generate/wb':>12} {'merge/wb':>10} {'merge total':>12} {'peak MB':>8}"
          f" {'per-file vs first':>18}")
    for r in results:
        per_file = r["seconds"] / r["n"]
        print(f"{r['n']:>10} {r['people']:>7} {r['generate_s'] / r['n'] * 1000:>9.1f} ms {per_file * 1000:>7.1f} ms"
              f" {r['seconds']:>10.1f} s {r['peak_mb']:>8.0f} {per_file / (base['seconds'] / base['n']):>17.2f}x")
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    from thidua_xlsx.service import own_process

    own_process()  # generate measured as the CLI runs it: a process of the tool's own
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
