"""The monthly campaigns of the tests of ``init --tu`` across a leap February
(tests/model/test_new_year_dates.py, tests/e2e/test_next_year_review.py): the nine months of a school year as the
nd233 preset has them."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm

DAY = dt.timedelta(days=1)


def months(first: int) -> tuple[cm.Period, ...]:
    """September to May of the school year ``first``-``first + 1``, each due on the 5th of the month after."""
    found = []
    for month in (9, 10, 11, 12, 1, 2, 3, 4, 5):
        year = first if month >= 9 else first + 1
        due = dt.date(year + 1, 1, 5) if month == 12 else dt.date(year, month + 1, 5)
        found.append(cm.Period(f"thang-{month}", f"Tháng {month}/{year}", dt.date(year, month, 1),
                               dt.date(year, month, calendar.monthrange(year, month)[1]), due))
    return tuple(found)


def monthly(first: int, **overrides) -> cm.Campaign:
    """tests.conftest's campaign in the school year ``first``-``first + 1``, scored by the month."""
    campaign = cm.from_dict(campaign_dict(**overrides))
    return dataclasses.replace(campaign, school=dataclasses.replace(
        campaign.school, school_year=f"{first}-{first + 1}", registration_deadline=f"{first}-09-30",
        scoring_deadline=f"{first + 1}-05-20"), period_kind=cm.MONTHS, periods=months(first))


def gaps(periods: tuple[cm.Period, ...]) -> list[dt.timedelta]:
    """The distance from each period's end to the next one's start, by start: all one day when they tile."""
    ordered = sorted(periods, key=lambda p: p.start)
    return [b.start - a.end for a, b in zip(ordered, ordered[1:])]
