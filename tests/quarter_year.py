"""A school in three quarters of 2026-2027 built in code (the nd233 preset's, its rule set laid on from the shipped data
files), its quarters' summaries and how to find a decision in its year: shared by the tests of titles that follow the
year and of returned cells that wait."""

from __future__ import annotations

import dataclasses
import datetime as dt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.results import Decision
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.rule_sets import with_rule_set

QUARTERS = (cm.Period("quy-1", "Quý I", dt.date(2026, 9, 1), dt.date(2026, 11, 30)),
            cm.Period("quy-2", "Quý II", dt.date(2026, 12, 1), dt.date(2027, 2, 28)),
            cm.Period("quy-3", "Quý III", dt.date(2027, 3, 1), dt.date(2027, 5, 31)))


def school(**facts_of: dict) -> cm.Campaign:
    """The nd233 school of 2026-2027 in three quarters, no rating typed in Nhân sự; ``facts_of``: a person's code →
    changes to their facts."""
    base = cm.in_school_year(load_preset("nd233"), dt.date(2026, 9, 1))
    staff = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, **{"rating": None,
                                                                             **facts_of.get(p.code, {})}))
                  for p in base.staff)
    campaign = dataclasses.replace(base, staff=staff, period_kind=cm.QUARTERS, periods=QUARTERS)
    return with_rule_set(campaign, Problems(), dt.date(2027, 6, 1))


def summaries(campaign: cm.Campaign, score: float = 95.0, cstdcs=("GV002",), collectives=None,
              **entries: dict[str, ev.PeriodEntry | None]) -> dict[str, ev.PeriodSummary]:
    """A summary per quarter, everyone at ``score`` with the department's column, ``cstdcs`` registered CSTĐCS and
    the others LĐTT; ``entries``: a person's code → period code → their entry (None: none at all)."""
    found = {}
    for period in campaign.periods:
        people = {}
        for p in campaign.staff:
            given = entries.get(p.code, {})
            title = CSTDCS if p.code in cstdcs else LDTT
            entry = given[period.code] if period.code in given else ev.PeriodEntry(score, "department", title)
            if entry is not None:
                people[p.code] = entry
        found[period.code] = ev.PeriodSummary(f"tong-hop_{period.code}.xlsx", period.code, False, people,
                                              collectives or {})
    return found


def decision(summary, person: str, title: str) -> Decision:
    return next(d for p in summary.people if p.code == person for d in p.decisions if d.title == title)


def department(summary, code: str, title: str) -> Decision:
    return next(d for x in summary.departments if x.code == code for d in x.decisions if d.title == title)
