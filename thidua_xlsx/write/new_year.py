"""What ``init --tu`` says on the console: the new campaign written, what was carried, what was moved to the new
school year, what was cleared, its new code, and what to check before the books go out (model.new_year)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.campaign_book import SCHOOL_FIELDS, STAFF_COLUMNS
from thidua_xlsx.model.new_year import YEAR_DATES, cleared_facts, legal_naming_past
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text.wording import day_text


def new_year_lines(previous: cm.Campaign, campaign: cm.Campaign, path: Path, source: Path,
                   history: tuple[str, ...] | None = None) -> list[str]:
    """The report of ``init --tu``: ``campaign`` (as read back from ``path``) made from ``previous`` (``source``);
    ``history``: the years of the history book carried into the new folder (None: none carried)."""
    old_year, year = previous.school.school_year, campaign.school.school_year
    carried = history is not None and old_year in history
    history_line = ct.NEW_YEAR_HISTORY_CARRIED.format(years=", ".join(history or ()), year=year) if carried else \
        ct.NEW_YEAR_CHECK_HISTORY.format(old_year=old_year)
    return [ct.NEW_YEAR_DONE.format(path=path, year=year, old=source, old_year=old_year),
            _carried(campaign), _moved(previous, campaign), _cleared(previous),
            ct.NEW_YEAR_ID.format(id=campaign.id, old_year=old_year), ct.NEW_YEAR_CHECK, ct.NEW_YEAR_CHECK_STAFF,
            *_legal_to_check(campaign, old_year), *_dates_to_check(campaign), *_periods_to_check(campaign),
            history_line]


def _carried(campaign: cm.Campaign) -> str:
    school = campaign.school
    kind = ct.NEW_YEAR_PERIOD_KINDS.get(campaign.period_kind, campaign.period_kind)
    periods = ct.NEW_YEAR_PERIODS.format(count=len(campaign.periods), kind=kind) if campaign.periods else \
        ct.NEW_YEAR_NO_PERIODS
    return ct.NEW_YEAR_CARRIED.format(
        school=school.name, province=ct.NEW_YEAR_PROVINCE.format(province=school.province) if school.province else "",
        departments=len(campaign.departments), staff=len(campaign.staff),
        started=sum(bool(p.start) for p in campaign.staff), rubrics=len(campaign.rubrics),
        criteria=sum(len(r.items) for r in campaign.rubrics), legal=len(campaign.legal_basis), periods=periods)


def _moved(previous: cm.Campaign, campaign: cm.Campaign) -> str:
    labels = {f.key: f.label for f in SCHOOL_FIELDS}
    dates = [ct.NEW_YEAR_DATE_MOVED.format(field=labels[key], before=day_text(getattr(previous.school, key)),
                                           after=day_text(getattr(campaign.school, key)))
             for key in YEAR_DATES if getattr(previous.school, key)]
    if campaign.periods:
        before, after = previous.periods, campaign.periods
        dates.append(ct.NEW_YEAR_PERIODS_MOVED.format(count=len(after), first=before[0].label,
                                                      first_after=after[0].label, last=before[-1].label,
                                                      last_after=after[-1].label))
    year = campaign.school.school_year
    return ct.NEW_YEAR_MOVED.format(year=year, dates="; ".join(dates)) if dates else \
        ct.NEW_YEAR_NOTHING_MOVED.format(year=year)


def _cleared(previous: cm.Campaign) -> str:
    headers = {c.key: c.header for c in STAFF_COLUMNS}
    runs: list[tuple[list[str], int]] = []  # the columns side by side held by as many people: said together
    for key, count in cleared_facts(previous):
        if runs and runs[-1][1] == count:
            runs[-1][0].append(headers[key])
        else:
            runs.append(([headers[key]], count))
    items = [ct.NEW_YEAR_CLEARED_FACT.format(field=", ".join(fields), count=count) for fields, count in runs]
    if previous.special_awards:
        items.append(ct.NEW_YEAR_CLEARED_SPECIAL.format(count=len(previous.special_awards)))
    if previous.unit_rating:
        items.append(ct.NEW_YEAR_CLEARED_UNIT.format(rating=previous.unit_rating))
    school = previous.school
    resolution = ", ".join(filter(None, (school.criteria_resolution, day_text(school.criteria_resolution_date))))
    if resolution:
        items.append(ct.NEW_YEAR_CLEARED_RESOLUTION.format(resolution=resolution))
    if school.authority_code:  # issued for one school year: this year's is asked of the level above
        items.append(ct.NEW_YEAR_CLEARED_CODE)
    old_year = school.school_year
    return ct.NEW_YEAR_CLEARED.format(old_year=old_year, items="; ".join(items)) if items else \
        ct.NEW_YEAR_NOTHING_CLEARED.format(old_year=old_year)


def _legal_to_check(campaign: cm.Campaign, old_year: str) -> list[str]:
    """The lines of sheet Căn cứ naming a past school year (last year's plan, its guidance: model.new_year), each by
    its number and cell (the table from row 2, as workspace.legal_notices says each one)."""
    lines = legal_naming_past(campaign, old_year)
    if not lines:
        return []
    return [ct.NEW_YEAR_CHECK_LEGAL.format(year=campaign.school.school_year, lines=", ".join(
        ct.NEW_YEAR_LEGAL_LINE.format(n=n, cell=ly.a1(n, 0)) for n, _, _ in lines))]


def _dates_to_check(campaign: cm.Campaign) -> list[str]:
    """The deadlines moved by a year: to be checked against the new year's plan, those on a weekend named."""
    days = [dt.date.fromisoformat(value) for key in YEAR_DATES if (value := getattr(campaign.school, key))]
    days += [p.deadline for p in campaign.periods if p.deadline is not None]
    if not days:
        return []
    weekend = sorted({d for d in days if d.weekday() >= 5})
    return [ct.NEW_YEAR_CHECK_DATES.format(
        periods=ct.NEW_YEAR_CHECK_PERIOD_DATES if campaign.periods else "",
        weekend=ct.NEW_YEAR_CHECK_WEEKEND.format(dates=", ".join(ct.NEW_YEAR_WEEKEND_DAY.format(
            day=d.strftime("%d/%m/%Y"), weekday=ct.NEW_YEAR_WEEKEND_NAMES[d.weekday() - 5]) for d in weekend))
        if weekend else "")]


def _periods_to_check(campaign: cm.Campaign) -> list[str]:
    """A campaign without periods for a school year the decree of the periods (NĐ 233/2026, as its rule set knows
    it) is in force from its first day."""
    decree = campaign.rule_set.decree if campaign.rule_set is not None else None
    days = cm.school_year_days(campaign.school.school_year)
    if campaign.periods or decree is None or decree.in_force_from is None or days is None or \
            days[0] < decree.in_force_from:
        return []
    return [ct.NEW_YEAR_CHECK_DECREE.format(since=decree.in_force_from.strftime("%d/%m/%Y"), decree=decree.short)]
