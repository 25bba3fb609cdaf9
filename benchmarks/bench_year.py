"""The evaluation year (issue 26): does the year's rating cost the same for each period added and each person?
By hand:

    python benchmarks/bench_year.py                         # 60 people (a school) and 8,400 (1,000 departments)
    python benchmarks/bench_year.py --sizes 60 --periods 12 --repeat 9

For each size, a staff like the tiểu học preset's cloned (leaders, teachers, staff: three groups of one
unit, whose HTXSNV caps are counted apart) with a year of 1 to ``--periods`` monthly periods; the scores
are a deterministic function of the person and the month (about one person in ten at 90 or more, so the
cap has work; one score in forty missing), a few people with fewer than 6 months, on leave, disciplined,
heading the unit or with a rating the authority entered. :func:`thidua_xlsx.decide.evaluation.rate_year`
is timed on the same inputs, the fastest of ``--repeat`` samples, the numbers of periods alternating (each
sample loops until it lasts ~0.2 s).

Printed per size and number of periods: the time of one year's computation, per person, per person and
period, what the last period added cost per person, and the ratios against the 1-period baseline measured
in the same run (flat per period: the cost per person and period does not grow as periods are added; the
fixed cost per person — the rating, the cap — is spread over more periods, so it falls) and, for the
larger sizes, the cost per person against the smallest size at the same number of periods (flat per person).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from thidua_xlsx.decide.evaluation import rate_year  # noqa: E402
from thidua_xlsx.model import evaluation as ev  # noqa: E402

MONTHS = (9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8)  # the school year, September first


def periods(count: int) -> tuple[ev.Period, ...]:
    found = []
    for month in MONTHS[:count]:
        year = 2026 if month >= 9 else 2027
        end = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        found.append(ev.Period(f"thang-{month}", f"Tháng {month}/{year}", dt.date(year, month, 1), end))
    return tuple(found)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 8400], help="people (8,400: 1,000 departments)")
    parser.add_argument("--periods", type=int, default=12, help="monthly periods, 1 up to this (at most 12)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    counts = range(1, min(12, args.periods) + 1)
    unit_ratings = {"TRUONG": ev.HTTNV}
    inputs = {people: staff(people) for people in args.sizes}  # built first: every run sees the same heap
    runs = {}
    for people, (facts, scores) in inputs.items():
        for count in counts:
            year = periods(count)
            assert len(rate_year(year, scores, facts, unit_ratings=unit_ratings)) == people
            runs[people, count] = functools.partial(rate_year, year, scores, facts, unit_ratings=unit_ratings)
    seconds = timed(runs, args.repeat)
    smallest = min(args.sizes)
    for people in args.sizes:
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


if __name__ == "__main__":
    main()
