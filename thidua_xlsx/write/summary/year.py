"""The year summary's "Xếp loại năm" sheet (``thidua-xlsx year``): every person's period scores side by side, the
year's score and rating with where the rating comes from, the council's columns (read back by ``--council`` as on
"Điểm chi tiết", which a year summary does not have: its scores are the periods', not the criteria's), and a short
reason per person (first the periods whose score the head entered: a transfer's months at the former school, NĐ
233/2026 điều 15 khoản 1 điểm a). The articles of NĐ 233/2026 the ratings rest on are said once, above the table,
from the reasons the year gave (each reason in full, with its article, is in the JSON report): a paragraph of law per
person made 45 people nine pages."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_xlsx.decide.consolidate import SAID_BY_THE_YEAR
from thidua_xlsx.decide.year import draft_reason
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.council import CouncilChange
from thidua_xlsx.model.evaluation import YearRating, YearResults
from thidua_xlsx.model.issues import Reason
from thidua_xlsx.model.results import PersonResult, rating_source
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS, draft_text
from thidua_xlsx.text.messages import LABELS, YEAR_STATE_WORDS
from thidua_xlsx.text.messages.untidy import HEAD_ENTERED_NOTE
from thidua_xlsx.write.engine import cell_lines, name_width, row_height
from thidua_xlsx.write.summary.book import PROTECTED, Book
from thidua_xlsx.write.summary.content import head_lines, own_periods, remarks, score_cell
from thidua_xlsx.write.summary.tables import COUNCIL_NOTE_WIDTH, council_inputs, council_row_height

PERIOD_WIDTH = 7


def year_sheet(book: Book, people: Sequence[PersonResult], year: YearResults, campaign: cm.Campaign,
               changes: tuple[CouncilChange, ...] = ()) -> None:
    """``changes``: the council's change log (a council's pass): a score it gave is said in the person's reason."""
    periods = year.periods
    first, last = sx.YEAR_HEAD_FIRST, sx.YEAR_HEAD_LAST
    widths = (5, 8, 22, name_width(15, [d.name for d in campaign.departments]), *(PERIOD_WIDTH,) * len(periods), 7, 8,
              10, 10, 9, 14, COUNCIL_NOTE_WIDTH, 10, 13, 30)
    ws = book.sheet(sx.S_YEAR, widths, landscape=True)
    last_col = len(widths) - 1
    row = book.title(ws, 0, last_col, sx.YEAR_TITLE.format(year=book.year), sx.YEAR_NOTE.format(
        used=len(year.used), total=len(periods), missing=_without_summary(year)))
    rules_note = sx.YEAR_RULES_NOTE.format(rules="; ".join(legend(year.ratings.values())))
    if year.head_entered:  # a transfer's months at the former school: where its scores came from, said once
        rules_note += " " + HEAD_ENTERED_NOTE
    book.text(ws, row - 1, 0, last_col, rules_note, "note", fit=True)
    row += 1
    heads = (*first, *(p.label for p in periods), *last)
    tail = len(first) + len(periods)
    council = {tail + 4, tail + 5, tail + 6}
    for col, text in enumerate(heads):
        book.put(ws, row, col, text, "council_head" if col in council else "head")
    book.row(ws, row, row_height(max(cell_lines(h, widths[c] * 0.85) for c, h in enumerate(heads))))
    styles = ["center", "center", "text", "text", *["num"] * len(periods), "center", "num", "center", "center",
              "council", "council", "council", "center", "text", "text"]
    scored = {c.code: c for c in changes if c.what == "score"}
    rerated = {c.code: c for c in changes if c.what == "rating" and c.code not in scored}
    r = row
    for n, p in enumerate(people, start=1):
        r = row + n
        values = _person_row(n, p, year, scored.get(p.code), rerated.get(p.code))
        for col, value in enumerate(values):
            book.put(ws, r, col, value, styles[col])
        book.row(ws, r, council_row_height(values, widths, (2, 3, tail + 5, tail + 6, last_col), book))
    ws.freeze_panes(row + 1, 3)
    ws.autofilter(row, 0, max(r, row), last_col)
    ws.repeat_rows(row)
    if people:
        council_inputs(ws, row + 1, r, tail + 4, tail + 5, campaign, 100)
    ws.protect("", PROTECTED)


def _without_summary(year: YearResults) -> str:
    """The periods no summary was given for, by why, as the DỰ THẢO line words them ("Tháng 11/2026 chưa hết kỳ; 6
    kỳ (Tháng 12/2026 – Tháng 5/2027) chưa đến kỳ"): every period the "2/9" leaves out is named, never "không"."""
    return draft_text((p.label, draft_reason(year.state(p.code), False, False)) for p in year.missing) \
        or sx.YEAR_NONE_MISSING


def _person_row(n: int, p: PersonResult, year: YearResults, scored: CouncilChange | None,
                rerated: CouncilChange | None) -> list:
    """One person's row: who, each period's cell, the periods counted, the year's score, the rating computed and the
    one entered, the council's columns, the rating and its source, the short reasons (``scored``, ``rerated``: the
    council's change of this person's score, of their rating by scoring others)."""
    rating = year.ratings.get(p.code)
    rated = ["", None, "", ""] if rating is None else [
        f"{len(rating.used)}/{own_periods(rating, year.periods)}", score_cell(rating.score), _rating(rating.computed),
        _rating(rating.rating) if rating.entered else ""]
    return [n, p.code, p.name, p.department_name,
            *(_period_cell(year, p.code, c.code, p.facts.leave) for c in year.periods),
            *rated,
            p.council_score, title_name(p.council_decision), p.council_note,
            _rating(rating.rating) if rating else "",
            sx.YEAR_SOURCES[rating_source(p, rating)] if rating else "",
            remarks(p, head_entered(year, p.code), *_reasons(rating, scored, rerated),
                    *(f.text for f in p.flags if f.code not in SAID_BY_THE_YEAR))]


def head_entered(year: YearResults, person: str) -> str:
    """The periods of ``person`` whose score the head's pass gave, in the Phiếu's words (a correction with her reason,
    a transfer-in's months at her former school), each a clause of the Lý do; "" when none."""
    return "; ".join(line.rstrip(".") for line in head_lines(year, person))


def _period_cell(year: YearResults, person: str, period: str, leave: str | None = None):
    """A period's cell: its score (cut to two decimals), or the word of the person's state there (the one value
    every output prints: :meth:`~thidua_xlsx.model.evaluation.YearResults.period_of`) — wholly away on a course the
    unit sent said as such (``leave``, the person's kind of leave)."""
    state = year.period_of(person, period)
    if state == ev.SCORED:
        return score_cell(year.scores[person][period])
    return sx.YEAR_AWAY_STUDY if state == ev.AWAY and leave == cm.LEAVE_STUDY_WORD else PERIOD_WORDS[state]


def _rating(code: str) -> str:
    return YEAR_STATE_WORDS.get(code, code)


def _reasons(rating: YearRating | None, council: CouncilChange | None, rerated: CouncilChange | None) -> list[str]:
    """What is particular to a person's year, in a few words (first the council's score, or the rating it moved by
    scoring others); what applies to all (the year's formula, the bands) is in the legend above the table. A reason
    without a short form is said in full."""
    found = []
    if council is not None:  # a score's change: its before and after are numbers (None: no year's score before)
        after, before = (v if isinstance(v, (int, float)) else None for v in (council.after, council.before))
        found.append(sx.YEAR_SHORT_COUNCIL.format(score=_score_or_none(after), before=_score_or_none(before)))
    if rerated is not None:
        found.append(sx.YEAR_SHORT_RERATED.format(before=_rating(str(rerated.before))))  # a rating's code
    for reason in rating.reasons if rating else ():
        template = sx.YEAR_SHORT.get(reason.code)
        if template is None:
            found.append(reason.text)
        elif template:
            found.append(template.format(**_words(reason)))
    return found


def _score_or_none(score: float | None) -> str:
    return sx.YEAR_NO_SCORE if score is None else cm.score_text(score)


def legend(ratings) -> list[str]:
    """The rules the year's ratings rest on, each once with its article, in the order of :data:`tx.YEAR_LEGEND`:
    from the reasons given, so that it says the rules applied (a province's scale, the unit's formula, the share of
    each group) and no other. The bands of one scale are said together, best first, their article once."""
    order = {code: k for k, code in enumerate(sx.YEAR_LEGEND)}
    found: dict[str, tuple[int, dict[str, float]]] = {}  # a rule (a scale: its article) → its place, its bands
    for rating in ratings:
        for reason in rating.reasons:
            entry = sx.YEAR_LEGEND.get(reason.code)
            if entry is None:
                continue
            words = _words(reason)
            text, article = (part.format(**words) for part in entry)
            place, members = found.setdefault(article or text, (order[reason.code], {}))
            found[article or text] = (min(place, order[reason.code]), members)
            if article:
                members.setdefault(text, -_floor(reason))
    lines = []
    for head, (_place, members) in sorted(found.items(), key=lambda item: item[1][0]):
        lines.append(f"{', '.join(sorted(members, key=members.__getitem__))} ({head})" if members else head)
    return lines


def _floor(reason: Reason) -> float:
    """The lowest score of a band's reason (of the range it holds, for a province's scale): the bands best first."""
    params = dict(reason.params)
    inner = params.get("range")
    low = params.get("low") or (dict(inner.params).get("low") if isinstance(inner, Reason) else None)
    return float(low) if isinstance(low, (int, float)) else 0.0


def _words(reason: Reason) -> dict[str, str]:
    """A reason's parameters as its short form and the legend say them (those of a reason it holds too: the share
    of a group, inside the cap's reason): a number as a score is shown (two decimals, cut), a list by its labels."""
    inner: dict[str, str] = {}
    words: dict[str, str] = {}
    for key, value in reason.params:
        if isinstance(value, Reason):
            inner |= _words(value)
            words[key] = value.text
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            words[key] = cm.score_text(value)
        elif isinstance(value, tuple):
            words[key] = ", ".join(LABELS.get(v, str(v)) for v in value)
        else:
            words[key] = "" if value is None else str(value)
    return inner | words

