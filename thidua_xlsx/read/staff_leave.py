"""The columns of sheet Nhân sự about an untidy year (NĐ 233/2026 điều 12, 14): each person's long leave
(maternity or sick leave under the social insurance law, unpaid personal leave), the periods wholly on it, what a
discipline was for and a move to another school during the year (điều 15 khoản 1 điểm a) — checked at their cells once
the periods are read (a period away must be one of sheet Kỳ đánh giá), every problem said, none stopping the others.

Their columns were added later: a book written before them has none, its leave, scope and moves not said (never assumed:
the year says a discipline of unknown scope as unknown, decide.evaluation)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.campaign_book import (
    ACT_HEADER,
    AWAY_HEADER,
    AWAY_SEPARATORS,
    FORMER_UNIT,
    LEAVE_HEADER,
    MOVED_ON_HEADER,
    MOVED_TO_HEADER,
    SCOPE_HEADER,
    STAFF_SHEET,
)
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.text.collation import fold


def check_leave_columns(rows, periods: Sequence[cm.Period], problems: Problems, file: str,
                        school_year: str | None = None) -> None:
    """In the staff ``rows`` (as the reader gives them; None: the sheet not read), each one's periods away
    (``values["away"]``: the text typed) made a tuple of period codes, in the periods' order — a code or a name of
    sheet Kỳ đánh giá, matched without case or marks; what is not one is an error at its cell. Periods away without
    a kind of leave are an error (điều 14 khoản 2 rates the kinds apart); a discipline's scope given without a
    discipline is a warning (not used). A discipline's act (:func:`_act`) is a school year before ``school_year``
    or the former unit; a move to another school (:func:`_moved`) a day of ``school_year`` and the school's name."""
    by_word = {fold(word).strip(): p.code for p in periods for word in (p.code, p.label)}
    order = {p.code: k for k, p in enumerate(periods)}
    for _, values, cells in rows or ():
        name = values.get("name") or values.get("code") or ""
        typed = values.get("away")
        values["away"] = ()
        words = [w for w in (cm.clean_text(w) for w in re.split(f"[{AWAY_SEPARATORS}]", str(typed or ""))) if w]
        if words and not periods:
            problems.add("campaign.away_no_periods", WARNING, file=file, sheet=STAFF_SHEET, cell=cells["away"],
                         name=name, field=AWAY_HEADER, value=typed)
            continue
        found = []
        for word in words:
            code = by_word.get(fold(word).strip())
            if code is None:
                problems.add("campaign.away_unknown", file=file, sheet=STAFF_SHEET, cell=cells["away"], name=name,
                             field=AWAY_HEADER, value=word, periods=", ".join(p.code for p in periods))
            elif code not in found:
                found.append(code)
        values["away"] = tuple(sorted(found, key=order.__getitem__))
        if found and not values.get("leave"):
            problems.add("campaign.away_without_leave", file=file, sheet=STAFF_SHEET, cell=cells["away"], name=name,
                         periods=", ".join(values["away"]), field=LEAVE_HEADER, kinds=", ".join(cm.LEAVE_KINDS))
        _act(values, cells, name, school_year, problems, file)
        _moved(values, cells, name, school_year, problems, file)
        if values.get("discipline_scope") and values.get("discipline") in (None, cm.DISCIPLINES[0]):
            problems.add("campaign.scope_without_discipline", WARNING, file=file, sheet=STAFF_SHEET,
                         cell=cells["discipline_scope"], name=name, field=SCOPE_HEADER,
                         value=values["discipline_scope"])


def _act(values: dict, cells: dict, name: str, school_year: str | None, problems: Problems, file: str) -> None:
    """The act a discipline was decided for (``values["discipline_act"]``, as typed) made "2024-2025" — a school year
    before ``school_year`` (NĐ 233/2026 điều 14 khoản 3 điểm b) — or :data:`FORMER_UNIT` (điểm c); this school year
    is None (the act of the year rated). Anything else, or a later year, is an error at its cell; an act without a
    discipline a warning (not used)."""
    typed = values.get("discipline_act")
    values["discipline_act"] = None
    word = cm.clean_text(str(typed)) if typed is not None else ""
    if not word:
        return
    year = re.fullmatch(r"(\d{4})\s*[-–/]\s*(\d{4})", word)
    this = int(school_year[:4]) if school_year and school_year[:4].isdigit() else None
    if fold(word).strip() == fold(FORMER_UNIT):
        values["discipline_act"] = FORMER_UNIT
    elif year is None or int(year[2]) != int(year[1]) + 1 or (this is not None and int(year[1]) > this):
        problems.add("campaign.act_unknown", file=file, sheet=STAFF_SHEET, cell=cells["discipline_act"], name=name,
                     field=ACT_HEADER, value=typed, year=school_year or "2025-2026", former=FORMER_UNIT)
        return
    elif this is None or int(year[1]) < this:
        values["discipline_act"] = f"{year[1]}-{year[2]}"
    if values.get("discipline") in (None, cm.DISCIPLINES[0]):
        problems.add("campaign.act_without_discipline", WARNING, file=file, sheet=STAFF_SHEET,
                     cell=cells["discipline_act"], name=name, field=ACT_HEADER, value=typed)


def _moved(values: dict, cells: dict, name: str, school_year: str | None, problems: Problems, file: str) -> None:
    """A move to another school during the year (NĐ 233/2026 điều 15 khoản 1 điểm a): "Chuyển đi từ ngày" a day of
    ``school_year`` — else an error at its cell, since it decides which periods are hers — and "Chuyển đến trường" the
    school, named on the paper sent there (papers.transfer). One without the other is a warning: a school without
    the day is not used (the day decides), a day without the school leaves the paper's "where to" blank."""
    day, school = values.get("moved_on"), cm.clean_text(values.get("moved_to") or "") or None
    values["moved_to"] = school
    days = cm.school_year_days(school_year or "")
    if day and days is not None and not days[0].isoformat() <= day <= days[1].isoformat():
        problems.add("campaign.moved_outside_year", file=file, sheet=STAFF_SHEET, cell=cells["moved_on"], name=name,
                     field=MOVED_ON_HEADER, value=_shown(day), year=school_year, first=_shown(days[0].isoformat()),
                     last=_shown(days[1].isoformat()))
        values["moved_on"] = None
    elif day and not school:
        problems.add("campaign.moved_to_missing", WARNING, file=file, sheet=STAFF_SHEET,
                     cell=cells.get("moved_to") or cells["moved_on"], name=name, field=MOVED_TO_HEADER,
                     day=_shown(day))
    elif school and not day:
        problems.add("campaign.moved_day_missing", WARNING, file=file, sheet=STAFF_SHEET, cell=cells["moved_to"],
                     name=name, field=MOVED_ON_HEADER, school=school)


def _shown(iso: str) -> str:
    """An ISO day as the secretary types it (01/11/2026)."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
