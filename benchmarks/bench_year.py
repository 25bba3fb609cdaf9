"""The evaluation year: does the year cost the same for each period added and each person? By hand:

    python benchmarks/bench_year.py                         # the rating alone: 60 people and 8,400 (1,000 departments)
    python benchmarks/bench_year.py --sizes 60 --periods 12 --repeat 9
    python benchmarks/bench_year.py --summaries             # thidua-xlsx year: 7 departments (61 people) and 1,000
    python benchmarks/bench_year.py --summaries --departments 7 --repeat 5

**The rating alone** (the default). For each size, a staff like the tiểu học preset's cloned (leaders, teachers,
staff: three groups of one unit, whose HTXSNV caps are counted apart) with a year of 1 to ``--periods`` monthly
periods; the scores are a deterministic function of the person and the month (about one person in ten at 90 or
more, so the cap has work; one score in forty missing), a few people with fewer than 6 months, on leave,
disciplined, heading the unit or with a rating the authority entered. :func:`thidua_xlsx.decide.evaluation.rate_year`
is timed on the same inputs, the fastest of ``--repeat`` samples, the numbers of periods alternating (each
sample loops until it lasts ~0.2 s). Printed per size and number of periods: the time of one year's computation,
per person, per person and period, what the last period added cost per person, and the ratios against the
1-period baseline measured in the same run (flat per period: the cost per person and period does not grow as
periods are added; the fixed cost per person — the rating, the cap — is spread over more periods, so it falls)
and, for the larger sizes, the cost per person against the smallest size at the same number of periods.

**The year from its periods' summaries** (``--summaries``). For N departments (the tiểu học preset's departments
and roster cloned, as ``bench_campaign_size.campaign_of``: 7 → 61 people, a school; 1,000 → 8,400) a campaign
of 12 monthly periods (September first; the ratings HTXSNV…KHTNV, none entered but one person in fifty's) is
written by ``init``, and each month's summary as ``merge --period`` writes it: the period's Summary made by
:func:`~thidua_xlsx.decide.consolidate.consolidate` from one accepted workbook per department whose entries are
built in memory (a score for every criterion, a deterministic function of the person and the month: about one
person in seven at 90 or more, so the HTXSNV cap has work; one person-month in forty with nothing scored; a title
registered by two people in three), then written by :func:`~thidua_xlsx.write.summary.write_summary`. Built
once per size and cached under ``/tmp/thidua-bench-year/`` (``--rebuild`` builds again; a change of the summary's
metadata schema does too); the folders of the first 1, 3, 6 and 12 months' summaries (``ky-01/`` … ``ky-12/``,
hard links) sit beside them.

One run alternates, ``--repeat`` times, for each size: **the baseline**, one period's summary written
(``write_summary`` of the first month's Summary, made again in a child process from the campaign book), then
``thidua-xlsx year ky-NN -o … --campaign …`` end to end in a child process for each number of periods, its phases
timed in place: reading the folder (``scan_inbox`` + ``read_period_summaries``), deciding (``select_periods`` +
``year_summary``) and writing the year's summary workbook (``write_summary``), with the child's peak memory
(``VmHWM``). Printed: medians per phase, per period and per person·period, each against 1 period (flat: ≤ 1×
per person·period as periods are added; what is fixed per person — the rating, the titles, the year's own
sheets — is spread over more periods, so it falls), and the year against the baseline ("× one period's
summary").
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_campaign_size import PEAK, campaign_of  # noqa: E402

from thidua_xlsx.decide.evaluation import rate_year  # noqa: E402
from thidua_xlsx.model import campaign as cm  # noqa: E402
from thidua_xlsx.model import evaluation as ev  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402

MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)  # the school year, September first


def periods(count: int) -> tuple[ev.Period, ...]:
    found = []
    for month in MONTHS[:count]:
        year = 2026 if month >= 9 else 2027
        end = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        found.append(ev.Period(f"thang-{month}", f"Tháng {month}/{year}", dt.date(year, month, 1), end))
    return tuple(found)


# --- the rating alone ----------------------------------------------------------------------------

def staff(people: int) -> tuple[list[ev.YearFacts], list[ev.PeriodScores]]:
    """``people`` people of one unit (3 % leaders, 85 % teachers, the rest staff) and their 12 months."""
    facts, scores = [], []
    all_months = periods(12)
    for n in range(people):
        share = n % 100
        group = "Lãnh đạo" if share < 3 else "Giáo viên" if share < 88 else "Nhân viên"
        facts.append(ev.YearFacts(
            f"p{n:05}", unit="TRUONG", group=group, head_of="TRUONG" if n == 0 else "",
            months_worked=4 if share == 50 else 12,
            leave=frozenset({ev.LEAVE_MATERNITY}) if n % 200 == 50 else frozenset(),
            discipline="Khiển trách" if share == 77 else "Không",
            entered=ev.HTXSNV if share == 33 else None))
        base = 91 if share % 10 == 5 else 60 + (n * 7) % 29  # one in ten at 90 or more, the others 60–88
        scores.append(ev.PeriodScores(f"p{n:05}", {
            p.code: (None if (n + k) % 40 == 0 else round(min(100, base + (n + 3 * k) % 5 - 2), 1))
            for k, p in enumerate(all_months)}))
    return facts, scores


def timed(runs: dict[int, object], repeat: int) -> dict[int, float]:
    """Seconds of one run of each of ``runs`` (key → function): the fastest of ``repeat`` samples, the runs
    alternating so that a busy moment of the machine falls on all of them alike; each sample loops until it
    lasts ~0.2 s."""
    loops = {}
    for key, run in runs.items():
        start = time.perf_counter()
        run()
        loops[key] = max(1, int(0.2 / max(time.perf_counter() - start, 1e-6)))
    samples: dict[int, list[float]] = {key: [] for key in runs}
    for _ in range(repeat):
        for key, run in runs.items():
            start = time.perf_counter()
            for _ in range(loops[key]):
                run()
            samples[key].append((time.perf_counter() - start) / loops[key])
    return {key: min(found) for key, found in samples.items()}


def rating_alone(sizes: list[int], most: int, repeat: int) -> None:
    counts = range(1, min(12, most) + 1)
    unit_ratings = {"TRUONG": ev.HTTNV}
    inputs = {people: staff(people) for people in sizes}  # built first: every run sees the same heap
    runs = {}
    for people, (facts, scores) in inputs.items():
        for count in counts:
            year = periods(count)
            assert len(rate_year(year, scores, facts, unit_ratings=unit_ratings)) == people
            runs[people, count] = functools.partial(rate_year, year, scores, facts, unit_ratings=unit_ratings)
    seconds = timed(runs, repeat)
    smallest = min(sizes)
    for people in sizes:
        print(f"\n{people:,} people, 1 unit, 3 groups")
        print(f"{'periods':>7} {'ms / year':>10} {'µs / person':>12} {'µs / person·period':>19} "
              f"{'last period µs/person':>22} {'×1 per person·period':>21} {'×1 per person':>14} "
              f"{f'× {smallest} people':>14}")
        per_person = {count: seconds[people, count] / people * 1e6 for count in counts}
        for count in counts:
            added = f"{per_person[count] - per_person[count - 1]:.2f}" if count > 1 else ""
            print(f"{count:>7} {seconds[people, count] * 1e3:>10.2f} {per_person[count]:>12.2f} "
                  f"{per_person[count] / count:>19.2f} {added:>22} {per_person[count] / count / per_person[1]:>20.2f}× "
                  f"{per_person[count] / per_person[1]:>13.2f}× "
                  f"{per_person[count] / (seconds[smallest, count] / smallest * 1e6):>13.2f}×")
        if len(counts) > 1:
            slope, fixed = statistics.linear_regression(list(counts), [per_person[c] for c in counts])
            print(f"each period adds {slope:.2f} µs per person (least squares over 1–{counts[-1]} periods); "
                  f"{fixed:.2f} µs per person whatever the periods (the rating, the cap, the reasons)")


# --- the year from its periods' summaries ----------------------------------------------------------

CACHE = Path(tempfile.gettempdir()) / "thidua-bench-year"
BUILD_VERSION = 1  # bump when what is built changes: cached summaries of another version are built again
COUNTS = (1, 3, 6, 12)
BANDS = tuple(cm.Level(name, low) for name, low in zip(cm.RATINGS, (90, 70, 50, 0)))  # NĐ 233's bands as levels


def year_campaign(departments: int) -> cm.Campaign:
    """``departments`` departments of the tiểu học preset cloned, in the school year 2026-2027 with its 12
    months as periods, rated by NĐ 233's bands; a rating entered for one person in fifty."""
    base = cm.in_school_year(campaign_of(departments), dt.date(2026, 9, 1))
    people = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, rating=ev.HTXSNV if n % 50 == 33
                                                                    else None))
                   for n, p in enumerate(base.staff))
    return dataclasses.replace(base, id=f"bench-year-{departments}", staff=people, period_kind=cm.MONTHS,
                               periods=periods(12), classification=BANDS, gate_cap=ev.HTNV,
                               rules=dataclasses.replace(base.rules, ldtt_min_classification=ev.HTTNV))


def period_summary(campaign: cm.Campaign, k: int):
    """The Summary ``merge --period`` would make of the ``k``-th month's inbox, one workbook per department
    (see the module): :func:`consolidate` of entries made here."""
    from thidua_xlsx.decide.consolidate import consolidate
    from thidua_xlsx.model.inbox import ACCEPTED, CleanSubmission, Entry, InboxFile, ItemScores, Selection
    from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT

    period = campaign.periods[k]
    rubrics = {r.role: r for r in campaign.rubrics}
    index = {p.code: n for n, p in enumerate(campaign.staff)}
    sent = dt.datetime.combine(period.end, dt.time(8))
    files, clean = [], []
    for j, dept in enumerate(campaign.departments):
        name = ly.output_name(campaign.school.school_year, ly.SCORING, dept.name, period.code)
        entries = []
        for p in campaign.members(dept.code):
            n, rubric = index[p.code], rubrics[p.role]
            values = _scores(rubric, n, k)
            codes = tuple(item.code for _, item in rubric.items)
            entries.append(Entry(p.code, p.name, dept.code, p.role, p.position, False, name, p.code,
                                 registered=CSTDCS if n % 10 == 5 else LDTT if n % 3 else "",
                                 self_scores=ItemScores(codes, values), dept_scores=ItemScores(codes, values)))
        stamp = sent + dt.timedelta(minutes=j % 600)
        files.append(InboxFile(Path(name), name, 60_000, stamp, f"{j:064x}", stamp, ACCEPTED))
        clean.append(CleanSubmission(name, dept.code, tuple(entries), TTLDTT if j % 2 == 0 else "", ()))
    return consolidate(campaign, Selection(ly.SCORING, tuple(files), tuple(files), period.code), clean)


def _scores(rubric: cm.Rubric, n: int, k: int) -> list[float | None]:
    """Person ``n``'s department scores in month ``k``: ~93–97 % of each criterion for one person in seven (more
    than the HTXSNV cap lets through), 62–88 % for the others, ±2 % a month; nothing for one person-month in forty
    (None: not given)."""
    excellent = n % 7 == 5
    quality = 0.93 + 0.01 * (n * 3 % 5) if excellent else 0.62 + 0.26 * (n * 7 % 29) / 28
    quality += 0.01 * ((n + 3 * k) % 5 - 2)
    return [None if (n + k) % 40 == 0 else
            min(item.max, round(item.max * quality * 2) / 2) if group.kind == cm.SCORE else 0.0
            for group, item in rubric.items]


def cached_year(departments: int, rebuild: bool) -> tuple[Path, dict]:
    """``CACHE/departments-N``: ``campaign/`` (campaign.xlsx), ``ky/`` (the 12 months' summaries) and
    ``ky-NN/`` (the first NN of them); built now if missing, stale or ``rebuild``."""
    target = CACHE / f"departments-{departments}"
    marker = target / "BUILT.json"
    version = [BUILD_VERSION, ly.SUMMARY_SCHEMA_VERSION]
    if not rebuild and marker.is_file():
        built = json.loads(marker.read_text(encoding="utf-8"))
        if built.get("version") == version:
            return target, built
    from thidua_xlsx.model.report import report_of
    from thidua_xlsx.service import init_campaign
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.write.summary import write_summary

    shutil.rmtree(target, ignore_errors=True)
    print(f"building {departments} departments × 12 months in {target} …", flush=True)
    start = time.perf_counter()
    campaign = year_campaign(departments)
    init_campaign(target / "campaign", campaign.level, campaign=campaign)
    folder, problems = open_campaign(target / "campaign" / "campaign.xlsx")
    assert folder is not None and folder.campaign.periods == campaign.periods, problems
    campaign = folder.campaign  # as the year reads it back
    summaries = target / "ky"
    summaries.mkdir()
    names = []
    for k, period in enumerate(campaign.periods):
        summary = period_summary(campaign, k)
        names.append(f"tong-hop_{period.code}.xlsx")
        write_summary(summary, summaries / names[-1], report_of(summary))
    for count in COUNTS:
        (target / f"ky-{count:02d}").mkdir()
        for name in names[:count]:
            os.link(summaries / name, target / f"ky-{count:02d}" / name)
    built = {"version": version, "departments": departments, "people": len(campaign.staff),
             "build_s": time.perf_counter() - start,
             "summary_kb": [(summaries / name).stat().st_size // 1024 for name in names]}
    marker.write_text(json.dumps(built, indent=1), encoding="utf-8")
    print(f"  built in {built['build_s']:.0f} s ({built['people']:,} people; a month's summary "
          f"{statistics.median(built['summary_kb']):,.0f} KB)", flush=True)
    return target, built


# ``thidua-xlsx year`` as the secretary runs it, in a child process that reports its own peak memory and how
# long its phases took, timed in place: reading the folder, deciding the year, writing the year's workbook.
YEAR = r"""
import atexit, json, sys, time
import thidua_xlsx.decide.year as decide_year
import thidua_xlsx.read.containment as containment
import thidua_xlsx.read.period_summaries as period_summaries
import thidua_xlsx.write.summary as summary_writer
report, timed = sys.argv[1], {"read_s": 0.0, "decide_s": 0.0, "write_s": 0.0}
def timing(module, name, phase):
    original = getattr(module, name)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timed[phase] += time.perf_counter() - start
    setattr(module, name, run)
timing(containment, "scan_inbox", "read_s")
timing(period_summaries, "read_period_summaries", "read_s")
timing(decide_year, "select_periods", "decide_s")
timing(decide_year, "year_summary", "decide_s")
timing(summary_writer, "write_summary", "write_s")
def done():
    timed["peak_mb"] = PEAK
    with open(report, "w") as handle:
        json.dump(timed, handle)
atexit.register(done)
from thidua_xlsx.cli import main
sys.argv = ["thidua-xlsx", *sys.argv[2:]]
main()
""".replace("PEAK", PEAK)

# The baseline: one period's summary written, in a child process as the year is (the campaign read from its
# book, the first month's Summary made again, then only ``write_summary`` timed).
ONE_PERIOD = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench_year import period_summary
from thidua_xlsx.model.report import report_of
from thidua_xlsx.steps.workspace import open_campaign
from thidua_xlsx.write.summary import write_summary
folder, _ = open_campaign(Path(sys.argv[2]))
summary = period_summary(folder.campaign, 0)
report = report_of(summary)
start = time.perf_counter()
write_summary(summary, Path(sys.argv[3]), report)
print(json.dumps({"write_s": time.perf_counter() - start, "people": len(summary.people), "peak_mb": PEAK}))
""".replace("PEAK", PEAK)


def one_period(target: Path, work: Path) -> dict:
    child = subprocess.run([sys.executable, "-c", ONE_PERIOD, str(Path(__file__).resolve().parent),
                            str(target / "campaign" / "campaign.xlsx"), str(work / "mot-ky.xlsx")],
                           capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(child.stdout)


def the_year(target: Path, count: int, work: Path) -> dict:
    report = work / "child.json"
    command = [sys.executable, "-c", YEAR, str(report), "year", str(target / f"ky-{count:02d}"),
               "-o", str(work / "tong-hop_ca-nam.xlsx"), "--campaign", str(target / "campaign" / "campaign.xlsx"),
               "--force"]
    start = time.perf_counter()
    child = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    took = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"year exited {child.returncode}: {child.stdout[-2000:]}{child.stderr[-2000:]}")
    assert f"{count}/12" in child.stdout, child.stdout[-2000:]  # every period read and used
    return {"seconds": took, **json.loads(report.read_text())}


def measure_year(departments: int, repeat: int, rebuild: bool) -> dict:
    target, built = cached_year(departments, rebuild)
    runs: dict = {"baseline": [], **{count: [] for count in COUNTS}}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(repeat):
            runs["baseline"].append(one_period(target, Path(tmp)))
            for count in COUNTS:
                runs[count].append(the_year(target, count, Path(tmp)))
            print(f"  {departments} departments, run {r + 1}/{repeat}: one period's summary "
                  f"{runs['baseline'][-1]['write_s']:.2f} s; year " + ", ".join(
                      f"{c} p. {runs[c][-1]['seconds']:.1f} s" for c in COUNTS), flush=True)
    result = {"departments": departments, "people": built["people"], "repeat": repeat,
              "baseline_s": statistics.median(b["write_s"] for b in runs["baseline"]),
              "baseline_peak_mb": max(b["peak_mb"] for b in runs["baseline"])}
    for count in COUNTS:
        result[count] = {key: statistics.median(run[key] for run in runs[count])
                         for key in ("seconds", "read_s", "decide_s", "write_s")}
        result[count]["peak_mb"] = max(run["peak_mb"] for run in runs[count])
    return result


PHASES = (("read_s", "reading the folder"), ("decide_s", "deciding the year"),
          ("write_s", "writing the year's workbook"), ("seconds", "`year` end to end"))


def year_tables(results: list[dict]) -> str:
    """Two tables over the sizes run: the times (and the year against one period's summary written, the
    baseline), then the cost of each phase per person·period and against 1 period; then, per size and phase,
    the least-squares line over the period counts (what each period adds, what is fixed)."""
    lines = ["| people | periods | " + " | ".join(label for _, label in PHASES) +
             " | `year` ÷ one period's summary | peak RSS (`year`) |", "|---:|---:|" + "---:|" * (len(PHASES) + 2)]
    for r in results:
        for count in COUNTS:
            took = r[count]
            lines.append(f"| {r['people']:,} | {count} | " + " | ".join(f"{took[key]:.2f} s" for key, _ in PHASES) +
                         f" | {took['seconds'] / r['baseline_s']:.2f}× | {took['peak_mb']:.0f} MB |")
    lines += ["", "µs per person·period (× the same at 1 period):", "",
              "| people | periods | " + " | ".join(label for _, label in PHASES) + " |",
              "|---:|---:|" + "---:|" * len(PHASES)]
    for r in results:
        people = r["people"]
        for count in COUNTS:
            cells = [f"{r[count][key] / people / count * 1e6:.1f} ({r[count][key] / count / r[1][key]:.2f}×)"
                     for key, _ in PHASES]
            lines.append(f"| {people:,} | {count} | " + " | ".join(cells) + " |")
    lines.append("")
    for r in results:
        people = r["people"]
        lines.append(f"{people:,} people: one period's summary written (the baseline) {r['baseline_s']:.2f} s, "
                     f"peak {r['baseline_peak_mb']:.0f} MB; least squares over {', '.join(map(str, COUNTS))} periods:")
        for key, label in PHASES:
            slope, fixed = statistics.linear_regression(COUNTS, [r[c][key] for c in COUNTS])
            lines.append(f"  {label}: each period adds {slope * 1e3:.1f} ms ({slope / people * 1e6:.1f} µs a person), "
                         f"{fixed:.2f} s whatever the periods")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0].removesuffix(" By hand:"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 8400],
                        help="the rating alone: people (8,400: 1,000 departments)")
    parser.add_argument("--periods", type=int, default=12, help="the rating alone: 1 up to this (at most 12)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="samples (the rating alone) or alternations (--summaries)")
    parser.add_argument("--summaries", action="store_true",
                        help="thidua-xlsx year over the periods' summary files (read, decided, written)")
    parser.add_argument("--departments", type=int, nargs="+", default=[7, 1000],
                        help="--summaries: departments of ~8.4 people (7: 61 people; 1,000: 8,400)")
    parser.add_argument("--rebuild", action="store_true", help="--summaries: build the cached summaries again")
    args = parser.parse_args()
    if not args.summaries:
        rating_alone(args.sizes, args.periods, args.repeat)
        return
    results = [measure_year(n, args.repeat, args.rebuild) for n in args.departments]
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {results[0]['repeat']}"
          " alternations\n")
    print(year_tables(results))


if __name__ == "__main__":
    main()
