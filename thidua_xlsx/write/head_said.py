"""What a year says of a person's periods whose score the head's pass gave (decide.year head_entered), one value
printed everywhere — part I of the Phiếu xếp loại, the year's sheet (its Lý do), the year's JSON: a correction with the
score it replaced and her reason, a transfer-in's months at her former school, or (a period's summary of an earlier
release keeps no reason) whose hand and where the reason is."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.text import appraisal as atx


def head_lines(year: ev.YearResults, person: str) -> list[str]:
    """``person``'s periods whose score the head gave, in words: each correction on its own line, then the months at
    her former school on one, then those whose summary keeps no reason on one."""
    given = year.head_entered.get(person, {})
    labels = {p.code: p.label for p in year.periods}
    lines = [head_said(year, person, code) for code, head in given.items() if head.kind == ev.HEAD_CORRECTED]
    for kind, words in ((ev.HEAD_FORMER_SCHOOL, atx.PERIODS_FORMER_SCHOOL),
                        (ev.HEAD_NOT_SAID, atx.PERIODS_HEAD_ENTERED)):
        periods = [labels[code] for code, head in given.items() if head.kind == kind]
        lines += [words.format(periods=", ".join(periods))] if periods else []
    return lines


def head_said(year: ev.YearResults, person: str, period: str) -> str:
    """The words of one period whose score the head gave (a line of :func:`head_lines`, that period alone)."""
    head = year.head_entered[person][period]
    label = next((p.label for p in year.periods if p.code == period), period)
    if head.kind == ev.HEAD_CORRECTED:
        return atx.PERIOD_HEAD_CORRECTED.format(period=label, before=cm.score_text(head.before or 0),
                                                score=cm.score_text(year.scores[person][period] or 0),
                                                note=head.note.rstrip(". ") or atx.HEAD_NO_NOTE)
    words = atx.PERIODS_FORMER_SCHOOL if head.kind == ev.HEAD_FORMER_SCHOOL else atx.PERIODS_HEAD_ENTERED
    return words.format(periods=label)
