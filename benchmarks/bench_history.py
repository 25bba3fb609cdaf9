"""The multi-year decisions: does the history cost the same for each person and each earlier year? By hand:

    python benchmarks/bench_history.py                    # 7, 100 and 1,000 departments (61, 840, 8,400 people)
    python benchmarks/bench_history.py --sizes 7 100 --years 3 10 --repeat 5

For N departments (the tiểu học preset's departments and roster cloned, ``bench_campaign_size.campaign_of``) the
year's results are made in memory as a merge ends them (every person LĐTT; one in four CSTĐCS, one in twelve
registered for CSTĐ cấp tỉnh with a provincial sáng kiến; every department TTLĐXS one year in two), with a history
of Y earlier school years (every person a row a year, CSTĐCS one year in three; a sáng kiến used for a title for one
person in three; the service sheet filled) — the shape of a lich-su.xlsx kept for Y years.

Timed in one process, the fastest of ``--repeat`` samples: **the baseline**, ``judged`` (the year's ranks and
title decisions, what every merge does for these people), and ``with_history`` (matching the roster to the history
and deciding CSTĐ cấp tỉnh, Bằng khen and Kỷ niệm chương), for each number of years. Printed per size and years: the
two times, the ratio (× the year's own title decisions), µs per person and per person·year (flat: the cost per
person·year does not grow with the people or the years).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_campaign_size import campaign_of  # noqa: E402
from thidua_xlsx.decide.consolidate import judged  # noqa: E402
from thidua_xlsx.decide.history import with_history  # noqa: E402
from thidua_xlsx.model import history as hs  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402
from thidua_xlsx.model.results import STATUS_SUBMITTED, Decision, DepartmentResult, PersonResult, Summary  # noqa: E402
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDXS  # noqa: E402


def school_year(start: int) -> str:
    return f"{start}-{start + 1}"


def inputs(departments: int, years: int):
    """(campaign, this year's summary, the history of ``years`` earlier school years)."""
    base = campaign_of(departments)
    staff = []
    for k, p in enumerate(base.staff):
        provincial = k % 12 == 0
        facts = dataclasses.replace(p.facts, rating="HTXSNV" if k % 4 == 0 else "HTTNV",
                                    initiative=f"Sáng kiến {k}" if k % 3 == 0 else "",
                                    initiative_level="Tỉnh" if provincial else "Trường",
                                    initiative_decision=f"{k}/QĐ" if k % 3 == 0 else "")
        staff.append(dataclasses.replace(p, facts=facts, start=p.start or "2005-09-01"))
    campaign = dataclasses.replace(base, staff=tuple(staff))
    people = []
    for k, p in enumerate(campaign.staff):
        decisions = [Decision(LDTT, True), Decision(CSTDCS, k % 4 == 0)]
        registered = CSTD_TINH if k % 12 == 0 else CSTDCS if k % 4 == 0 else LDTT
        if registered == CSTD_TINH:
            decisions.append(Decision(CSTD_TINH, False, pending=True))
        people.append(PersonResult(p.code, p.name, p.department, "", p.role, p.position, STATUS_SUBMITTED,
                                   registered=registered, facts=p.facts, final=80 + k % 20, decisions=tuple(decisions)))
    units = [DepartmentResult(d.code, d.name, 8, True, decisions=(Decision(TTLDXS, True),))
             for d in campaign.departments]
    now = int(campaign.school.school_year[:4])
    earlier = [school_year(now - y) for y in range(years, 0, -1)]
    history = hs.History(
        people=tuple(hs.PersonYear(year, p.code, p.name, p.dob, "HTXSNV" if (k + y) % 3 == 0 else "HTTNV",
                                   (LDTT, CSTDCS) if (k + y) % 3 == 0 else (LDTT,))
                     for y, year in enumerate(earlier) for k, p in enumerate(campaign.staff)),
        service=tuple(hs.Service(p.code, p.name, p.dob, p.start, 0, 0, "") for p in campaign.staff),
        initiatives=tuple(hs.Initiative(p.facts.initiative, p.code, p.name, "Trường", "1/QĐ", "", earlier[-1],
                                        (hs.Use(earlier[-1], hs.USED_FOR_TITLE, CSTDCS),))
                          for p in campaign.staff if p.facts.initiative),
        departments=tuple(hs.DepartmentYear(year, d.code, d.name, (TTLDXS,) if y % 2 else ())
                          for y, year in enumerate(earlier) for d in campaign.departments))
    summary = Summary(campaign, ly.SCORING, (), tuple(people), tuple(units), (), None)
    return campaign, summary, history


def fastest(repeat: int, work) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[7, 100, 1000])
    parser.add_argument("--years", type=int, nargs="+", default=[3, 10])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| people | earlier years | judged (baseline) | with_history | × baseline | µs / person | µs / person·year |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        for years in args.years:
            campaign, summary, history = inputs(size, years)
            people = list(summary.people)
            base = fastest(args.repeat, lambda: judged(people, campaign))
            multi = fastest(args.repeat, lambda: with_history(summary, history))
            n = len(people)
            print(f"| {n:,} | {years} | {base:.3f} s | {multi:.3f} s | {multi / base:.2f}× | {1e6 * multi / n:.0f} | "
                  f"{1e6 * multi / (n * years):.1f} |", flush=True)


if __name__ == "__main__":
    main()
