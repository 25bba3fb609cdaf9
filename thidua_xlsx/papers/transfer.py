"""The Phiếu kết quả theo dõi, đánh giá of a person who moved to another school during the year: NĐ 233/2026 điều 15
khoản 1 điểm a — the new school, where she works when the year is rated, rates her; the former school sends her
monthly or quarterly results, the basis of the year's average. One paper per person marked in sheet Nhân sự as
moved ("Chuyển đi từ ngày", "Chuyển đến trường"), written with the year's papers (``year --docs``), signed by the
head: who she is, where she went and from when, and each period of hers at the school — its two parts and its score
(cut to two decimals, as every paper prints them), or why it has none (away, not scored) — never a rating of the
year, which is the new school's. A period from the day she left is not hers and not listed; the period the move
falls in is, with the last day she worked."""

from __future__ import annotations

import datetime as dt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.papers.docx_engine import TITLE_PT, Paper, Receivers, Sign
from thidua_xlsx.papers.facts import Facts, points
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import transfer as trx


def movers(s: Facts) -> list[PersonResult]:
    """The people of a year's summary who moved to another school during it, in the summary's order."""
    return [p for p in s.s.people if p.facts.moved_on] if s.s.year is not None else []


def paper(s: Facts, p: PersonResult) -> Paper:
    """The paper sent with ``p`` to her new school."""
    year = s.s.year
    if year is None or not p.facts.moved_on:
        raise ValueError("the paper is written from a year's summary, for a person who moved away")
    school = s.school
    moved_on = dt.date.fromisoformat(str(p.facts.moved_on)[:10])
    doc = Paper(s, trx.DOC_NAME.format(name=p.name), trx.TITLE, number=trx.NUMBER)
    doc.centered(trx.SUBTITLE.format(school=school.name, year=s.year), italic=True, size=TITLE_PT, space_after=6)
    doc.centered(trx.TO.format(school=p.facts.moved_to or trx.TO_BLANK), size=TITLE_PT, space_after=10)
    doc.para(trx.BASIS, italic=True)
    doc.para(trx.SENDS.format(school=school.name))
    doc.para(trx.NAME.format(name=p.name), indent=False)
    doc.para(trx.POSITION.format(position=p.position or p.role, department=p.department_name), indent=False)
    rows, used, total, first = _rows(year, p, moved_on)
    doc.para(trx.MOVED.format(school=p.facts.moved_to or trx.TO_BLANK, day=_day(moved_on),
                             first=_day(first or moved_on), last=_day(moved_on - dt.timedelta(days=1))), indent=False)
    doc.para(trx.RESULTS, indent=False, keep=True)
    if rows:
        doc.table(trx.HEADS, rows, (12, 30, 40, 19, 23, 15, 21), aligns="clcrrrl")
    doc.para(trx.COUNT.format(used=used, total=total, year=s.year) if used else trx.NONE, space_before=6)
    doc.signatures(Receivers(dw.RECEIVERS_HEAD, tuple(line.format(name=p.name) for line in trx.RECEIVERS)),
                   Sign(dw.SIGN_PRINCIPAL, dw.SIGN_NOTE_SEAL, school.principal), shares=(0.45, 0.55), keep=True)
    return doc


def _rows(year: ev.YearResults, p: PersonResult, moved_on: dt.date
          ) -> tuple[list[list[str]], int, int, dt.date | None]:
    """Her periods at the school (not those from the day she left, nor those before she started): a row each, how
    many have a score, how many there are, and the first one's first day."""
    rating = year.ratings.get(p.code)
    scores, parts = year.scores.get(p.code, {}), year.parts.get(p.code, {})
    entered = year.head_entered.get(p.code, ())
    outside = set(rating.before_start + rating.after_leaving) if rating is not None else set()
    away = set(rating.away) if rating is not None else set()
    rows: list[list[str]] = []
    used, first = 0, None
    for period in year.periods:
        if period.code in outside or period.start >= moved_on:
            continue
        first = first or period.start
        score = scores.get(period.code)
        part = parts.get(period.code, ev.UNKNOWN_PARTS)
        notes = [trx.PART_OF_PERIOD.format(day=_day(moved_on - dt.timedelta(days=1)))] if period.end >= moved_on else []
        if score is None or period.code in away:
            notes.insert(0, (trx.AWAY_STUDY if p.facts.leave == cm.LEAVE_STUDY_WORD else trx.AWAY)
                         if period.code in away else trx.NO_SCORE)
            cells = ["", "", ""]
        else:
            used += 1
            cells = [_part(part.general), _part(part.tasks), points(score)]
            notes += [trx.HEAD_ENTERED] if period.code in entered else []
        rows.append([str(len(rows) + 1), period.label, _span(period.start, period.end), *cells, "; ".join(notes)])
    return rows, used, len(rows), first


def _part(value: float | None) -> str:
    return points(value) if value is not None else trx.PART_UNKNOWN


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _span(start: dt.date, end: dt.date) -> str:
    """A period's days on one line of its cell: "01/09 – 30/09/2026" (the year once when both days share it)."""
    first = start.strftime("%d/%m") if start.year == end.year else _day(start)
    return trx.SPAN.format(first=first, last=_day(end))
