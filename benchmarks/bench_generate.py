"""What ``generate`` costs for the scoring round of an N-department campaign, against another checkout. By hand:

    python benchmarks/bench_generate.py --departments 200 --baseline /tmp/before
    taskset -c 0 python benchmarks/bench_generate.py --departments 100 --baseline /tmp/before   # one core
    python benchmarks/bench_generate.py --departments 40 --repeat 7 --public    # the shortcuts against xlsxwriter alone

Each checkout (this one, and ``--baseline``: another checkout, e.g. ``git worktree add /tmp/before <commit>``)
generates in a child process, alternating, ``--repeat`` times: the campaign of ``bench_campaign_size.campaign_of``
(the tiểu học preset cloned to N departments, ~8 people each) written by ``init``, then its scoring round. Reported:
generate's wall time, and its CPU time — the child's own and its workers' (``RUSAGE_SELF`` + ``RUSAGE_CHILDREN``
around the call: the workers are reaped when generate ends) — per run and per workbook, and the ratio of the
medians. Then the two checkouts' outputs are compared byte for byte: every workbook of the outbox and every file
of the campaign's ``so-da-phat/`` (the records of what was issued). Nothing in them is the time of the run: the
workbooks carry a fixed creation date, and the records the date generate is given (the same here). A checkout whose
forms are placed from skeletons also says, untimed, how every 10th book's forms were made: placed, or
written by xlsxwriter and why (``THIDUA_WRITER=xlsxwriter`` in the environment measures it without skeletons).

``--public``: the baseline is this checkout writing through xlsxwriter's public API alone — none of the shortcuts of
thidua_xlsx/write/xlsx/ (no short cell writer, no remembered XML, no skeletons), as with an xlsxwriter version they
were not compared on: the child says its xlsxwriter is another version before anything asks (the workers are forked
from it, Linux), and says whether the shortcuts were on. The outputs of the two must be byte-identical.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import datetime as dt, json, resource, sys, time
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/benchmarks"]
if sys.argv[4] == "public":  # xlsxwriter's public API alone: thidua_xlsx.write.xlsx.shortcuts() asks its version
    import xlsxwriter
    xlsxwriter.__version__ = "not-compared-" + xlsxwriter.__version__
from bench_campaign_size import campaign_of
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import generate_round, init_campaign
from thidua_xlsx.steps.workspace import CampaignFolder
try:  # measured as the CLI runs it, in a process of the tool's own (a checkout from before it could say so: always)
    from thidua_xlsx.service import own_process
    own_process()
except ImportError:
    pass

def cpu():
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime

folder = Path(sys.argv[2])
campaign = campaign_of(int(sys.argv[3]))
init_campaign(folder, campaign.level, campaign=campaign)
cpu0, wall0 = cpu(), time.perf_counter()
generated = generate_round(CampaignFolder(folder, campaign), ly.SCORING, folder / "outbox", today=dt.date(2026, 9, 1))
wall, used = time.perf_counter() - wall0, cpu() - cpu0
assert not generated.problems.errors, [p.render() for p in generated.problems.errors]
forms = {}
try:  # how the forms were made (a checkout with skeletons): every 10th book written again in this process, untimed
    from thidua_xlsx.write.department import skeleton
except ImportError:
    skeleton = None
if skeleton is not None and not skeleton.forced_xlsxwriter():
    import tempfile
    from thidua_xlsx.model.issued import department_spec
    from thidua_xlsx.write.department import write_issued_workbook
    with tempfile.TemporaryDirectory() as scratch:
        for department in campaign.departments[::10]:
            write_issued_workbook(department_spec(campaign, department, ly.SCORING), Path(scratch) / "book.xlsx")
    forms = dict(skeleton.made)
try:
    from thidua_xlsx.write.xlsx import shortcuts
    short = shortcuts()
except ImportError:  # a checkout from before the shortcuts were gated
    short = None
print(json.dumps({"wall_s": wall, "cpu_s": used, "workbooks": len(generated.paths), "forms": forms,
                  "shortcuts": short}))
"""


def run(code: Path, folder: Path, departments: int, mode: str = "as-installed") -> dict:
    """``mode``: "public" for xlsxwriter's public API alone (``--public``), else as the installed xlsxwriter says."""
    child = subprocess.run([sys.executable, "-c", CHILD, str(code), str(folder), str(departments), mode],
                           capture_output=True, text=True, cwd=code, env={**os.environ, "PYTHONPATH": str(code)})
    if child.returncode:
        raise RuntimeError(child.stderr[-3000:])
    return json.loads(child.stdout.strip().splitlines()[-1])


def differences(left: Path, right: Path) -> list[str]:
    """The files of the outbox and of ``so-da-phat/`` that are not byte-identical in the two campaign folders (or
    found in one only)."""
    found = []
    for part in ("outbox", "so-da-phat"):
        a = sorted(p.relative_to(left) for p in (left / part).rglob("*") if p.is_file())
        b = sorted(p.relative_to(right) for p in (right / part).rglob("*") if p.is_file())
        found += [f"only in one: {p}" for p in sorted(set(a) ^ set(b))]
        found += [str(p) for p in sorted(set(a) & set(b)) if not filecmp.cmp(left / p, right / p, shallow=False)]
        if not a:
            found.append(f"nothing in {part}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--departments", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout, measured in the same run, alternating")
    parser.add_argument("--public", action="store_true",
                        help="the baseline: this checkout through xlsxwriter's public API alone (no shortcuts)")
    args = parser.parse_args()
    checkouts = {"this": ROOT, **({"baseline": args.baseline.resolve()} if args.baseline else {}),
                 **({"public": ROOT} if args.public else {})}
    timed: dict[str, list[dict]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.repeat):
            order = list(checkouts.items()) if k % 2 == 0 else list(checkouts.items())[::-1]
            for name, code in order:
                folder = Path(tmp) / f"{name}-{k}"
                result = run(code, folder, args.departments, "public" if name == "public" else "as-installed")
                timed[name].append(result)
                n = result["workbooks"]
                print(f"{name:8s} run {k + 1}: wall {result['wall_s']:7.2f} s, CPU {result['cpu_s']:7.2f} s "
                      f"({1000 * result['cpu_s'] / n:.1f} ms a workbook, {n} workbooks; "
                      f"shortcuts {result.get('shortcuts')})", flush=True)
                if k == 0 and result.get("forms"):
                    forms = dict(result["forms"])
                    placed = forms.pop("skeleton", 0)
                    print(f"{name:8s} forms of every 10th book, written again in one process: {placed} placed from a "
                          f"skeleton, {sum(forms.values())} written by xlsxwriter"
                          + "".join(f"; {count} {reason}" for reason, count in sorted(forms.items())), flush=True)
        medians = {name: {key: statistics.median(r[key] for r in runs) for key in ("wall_s", "cpu_s")}
                   for name, runs in timed.items()}
        for name, m in medians.items():
            print(f"{name:8s} median: wall {m['wall_s']:.2f} s, CPU {m['cpu_s']:.2f} s")
        differ = []
        for other in (name for name in timed if name != "this"):
            paired = {key: statistics.median(a[key] / b[key] for a, b in zip(timed["this"], timed[other]))
                      for key in ("wall_s", "cpu_s")}
            print(f"this / {other}: wall {medians['this']['wall_s'] / medians[other]['wall_s']:.2f}, "
                  f"CPU {medians['this']['cpu_s'] / medians[other]['cpu_s']:.2f} (the medians'); run by run, median "
                  f"wall {paired['wall_s']:.2f}, CPU {paired['cpu_s']:.2f}")
            differ_here = differences(Path(tmp) / "this-0", Path(tmp) / f"{other}-0")
            print("outputs byte-identical (outbox, so-da-phat/)" if not differ_here else
                  f"OUTPUTS DIFFER ({len(differ_here)}): " + ", ".join(differ_here[:10]))
            differ += differ_here
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
