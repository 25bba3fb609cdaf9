"""``init --tu`` rolls the periods by the calendar — a period ending on the last day of February ends on the
last day of February, 28 or 29 — so that the periods tile the new year as they tiled the old (model.new_year)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.new_year_fixtures import DAY, gaps, monthly, months
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.new_year import next_year, rolled_spans


@pytest.mark.parametrize("old, today, february", [
    (2026, dt.date(2027, 8, 20), dt.date(2028, 2, 29)),  # 28/02/2027 ended February: 29/02/2028 ends it
    (2027, dt.date(2028, 8, 20), dt.date(2029, 2, 28)),  # 29/02/2028 → 28/02/2029, the other way
    (2025, dt.date(2027, 9, 1), dt.date(2028, 2, 29)),  # two years on, into the leap year
])
def test_months_across_a_leap_february_still_tile_the_year(old, today, february):
    made = next_year(monthly(old), today, "moi")

    assert made.school.school_year == f"{february.year - 1}-{february.year}"
    feb = next(p for p in made.periods if p.code == "thang-2")
    assert (feb.start, feb.end) == (february.replace(day=1), february)
    assert gaps(made.periods) == [DAY] * 8 and all(p.start <= p.end for p in made.periods)
    assert made.periods == months(february.year - 1), "the new year's months, labels and deadlines too"


def test_a_period_ending_28_february_that_was_not_the_month_s_end_is_moved_as_a_day():
    """28/02/2028 is not the end of February 2028: it moves to 28/02/2029 (now the month's end), and the period that
    started on 29/02/2028, the day after, starts the day after it — 01/03/2029 — not on 28/02/2029 beside it."""
    periods = (cm.Period("a", "A", dt.date(2027, 9, 1), dt.date(2028, 2, 28)),
               cm.Period("b", "B", dt.date(2028, 2, 29), dt.date(2028, 5, 31)))

    assert rolled_spans(periods, 1) == ((dt.date(2028, 9, 1), dt.date(2029, 2, 28)),
                                        (dt.date(2029, 3, 1), dt.date(2029, 5, 31)))


def test_a_quarter_ending_with_february_and_periods_in_any_order():
    periods = (cm.Period("hk2", "Học kỳ II", dt.date(2027, 3, 1), dt.date(2027, 5, 31)),
               cm.Period("hk1", "Học kỳ I", dt.date(2026, 9, 1), dt.date(2027, 2, 28)))

    assert rolled_spans(periods, 1) == ((dt.date(2028, 3, 1), dt.date(2028, 5, 31)),
                                        (dt.date(2027, 9, 1), dt.date(2028, 2, 29)))


def test_days_that_are_no_month_s_end_move_as_before_and_a_gap_stays_a_gap():
    """Only an end on its month's last day and a start right after the period before are read by the calendar: the
    15th stays the 15th, a week left out between two periods stays left out."""
    periods = (cm.Period("a", "A", dt.date(2027, 9, 15), dt.date(2027, 12, 20)),
               cm.Period("b", "B", dt.date(2028, 1, 3), dt.date(2028, 2, 29)))

    assert rolled_spans(periods, 1) == ((dt.date(2028, 9, 15), dt.date(2028, 12, 20)),
                                        (dt.date(2029, 1, 3), dt.date(2029, 2, 28)))
    assert rolled_spans((), 1) == ()
