"""The next school year made from last year's campaign (``init --tu``), and what in a campaign still names a past
year — values only.

Carried as they were: the school (name, managing body, recipient, addresses and e-mails, principal, secretary,
province), the departments (heads, e-mails), the staff (codes, names, positions, roles, Ngày vào ngành; not who moved
to another school during the year), the
rubrics, titles, rules and classification, the Căn cứ lines, the periods' shape and the year's formula, the unit's
choices of NĐ 233/2026 điều 12 khoản 6 and the settings. Moved to the new year: the school year, the deadlines,
the filing date and the periods (model.campaign.moved_years), the periods' days by the calendar (:func:`rolled_spans`:
a period that ended on the last day of February ends on the last day of February, 28 or 29, so the periods tile the
new year as they tiled the old). Cleared (:func:`without_year`), because a new year must not inherit
them — unknown is never last year's value: each person's facts (xếp loại viên chức, months, maternity leave, days
off, discipline, a discipline under review, the sáng kiến and its decision), the đột xuất and chuyên đề awards,
the unit's own rating, the Hội nghị viên chức's resolution on the criteria (adopted again each year) and the code the
level above issued for the year. ``init`` from a preset clears the same: a new campaign holds no decision of its year,
the secretary enters them as they are made. The campaign gets a new code, so last year's department books are told
apart from this year's.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from thidua_xlsx.model import campaign as cm

YEAR_DATES = ("registration_deadline", "scoring_deadline", "filing_date")  # sheet Trường's days of the year's work


def target_year(previous: cm.Campaign, today: dt.date) -> int:
    """The first calendar year of the new school year: the one after ``previous``'s, or today's school year when
    that is later (a campaign of two years ago goes to this year, not to last year)."""
    return max(int(previous.school.school_year[:4]) + 1, int(cm.school_year_of(today)[:4]))


def next_year(previous: cm.Campaign, today: dt.date, new_id: str) -> cm.Campaign:
    """``previous`` (a campaign as loaded) made the campaign of the next school year (see the module); who moved to
    another school during the year (:func:`moved_away`) is not carried."""
    shift = target_year(previous, today) - int(previous.school.school_year[:4])
    staying = tuple(p for p in previous.staff if not p.facts.moved_on)
    moved = without_year(cm.moved_years(dataclasses.replace(previous, staff=staying), shift))
    periods = tuple(dataclasses.replace(p, start=start, end=end)
                    for p, (start, end) in zip(moved.periods, rolled_spans(previous.periods, shift), strict=True))
    return dataclasses.replace(moved, id=new_id, periods=periods)


def moved_away(previous: cm.Campaign) -> tuple[cm.Person, ...]:
    """The people of ``previous`` who moved to another school during its year (sheet Nhân sự, "Chuyển đi từ ngày"):
    no longer the school's, left out of the next year's roster."""
    return tuple(p for p in previous.staff if p.facts.moved_on)


def without_year(campaign: cm.Campaign) -> cm.Campaign:
    """``campaign`` holding nothing its year decides (see the module): no person's facts, no đột xuất or chuyên đề
    award, no unit rating, no resolution on the criteria, no code of the level above."""
    school = dataclasses.replace(campaign.school, criteria_resolution="", criteria_resolution_date="",
                                 authority_code="")  # the level above issues a code per school year
    staff = tuple(dataclasses.replace(p, facts=cm.Facts()) for p in campaign.staff)
    return dataclasses.replace(campaign, school=school, staff=staff, unit_rating="", special_awards=())


def rolled_spans(periods: tuple[cm.Period, ...], shift: int) -> tuple[tuple[dt.date, dt.date], ...]:
    """Each period's (start, end), in ``periods``' order, ``shift`` years later by the calendar: an end on the last
    day of its month ends on the last day of that month (28/02/2027 → 29/02/2028, 29/02/2028 → 28/02/2029), and a
    start the day after the period before it ended starts the day after that period's new end — so periods that
    tiled the old year, no day in none and none in two, tile the new one. Any other day is moved as
    :func:`~thidua_xlsx.model.campaign.moved_years` moves it (29 February to the 28th in a year without one)."""
    spans: dict[int, tuple[dt.date, dt.date]] = {}
    before: tuple[dt.date, dt.date] | None = None  # the old end and the new end of the period before, by start
    for n in sorted(range(len(periods)), key=lambda k: (periods[k].start, periods[k].end)):
        period = periods[n]
        end = _month_end(period.end, shift) if _is_month_end(period.end) else _moved(period.end, shift)
        start = before[1] + dt.timedelta(days=1) if before is not None and \
            period.start == before[0] + dt.timedelta(days=1) else _moved(period.start, shift)
        spans[n] = (start, end)
        before = (period.end, end)
    return tuple(spans[n] for n in range(len(periods)))


def _moved(day: dt.date, shift: int) -> dt.date:
    """``day`` ``shift`` years later; 29 February to the 28th in a year without one."""
    year = day.year + shift
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def _is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _month_end(day: dt.date, shift: int) -> dt.date:
    """The last day of ``day``'s month ``shift`` years later."""
    year = day.year + shift
    return dt.date(year, day.month, calendar.monthrange(year, day.month)[1])


def cleared_facts(previous: cm.Campaign) -> tuple[tuple[str, int], ...]:
    """Each fact of the year (a :class:`~thidua_xlsx.model.campaign.Facts` field) and how many people of
    ``previous`` held one, those held by somebody only."""
    counts = ((f.name, sum(getattr(p.facts, f.name) not in (None, "", ()) for p in previous.staff))
              for f in dataclasses.fields(cm.Facts))
    return tuple((name, count) for name, count in counts if count)


# --- what names a past school year -------------------------------------------------------------------------------

_SCHOOL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")  # "2025-2026", "2025 – 2026"
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?![\d/])")  # "08/9/2025"
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.IGNORECASE)
# A text that stays in force from year to year (a law, a decree, a circular): its date is no sign of a past year.
_STANDING = re.compile(r"^\W*(?:căn\s+cứ\s+)?(?:bộ\s+)?(?:hiến\s+pháp|luật|pháp\s+lệnh|nghị\s+định|thông\s+tư)\b",
                       re.IGNORECASE)


def past_years_named(line: str, school_year: str, last_year: str = "") -> tuple[str, ...]:
    """What in ``line`` names a school year before ``school_year``: a school year written out ("năm học 2025-2026");
    with ``last_year``, also a date within that school year, unless the line cites a law, decree or circular (which
    stay in force: "Nghị định … ngày 26/6/2026"). As written in the line, each once."""
    start = int(school_year[:4])
    found = [m[0] for m in _SCHOOL_YEAR.finditer(line)
             if int(m[2]) == int(m[1]) + 1 and int(m[1]) < start]
    days = cm.school_year_days(last_year) if last_year else None
    if days is not None and not _STANDING.match(line):
        for pattern in (_DATE, _DATE_WORDS):
            for m in pattern.finditer(line):
                try:
                    day = dt.date(int(m[3]), int(m[2]), int(m[1]))
                except ValueError:
                    continue
                if days[0] <= day <= days[1]:
                    found.append(m[0])
    return tuple(dict.fromkeys(found))


def legal_naming_past(campaign: cm.Campaign, last_year: str = "") -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """Each line of sheet Căn cứ naming a past school year (:func:`past_years_named`): (its number from 1, the
    line, what names the past year)."""
    return tuple((n, line, found) for n, line in enumerate(campaign.legal_basis, start=1)
                 if (found := past_years_named(line, campaign.school.school_year, last_year)))
