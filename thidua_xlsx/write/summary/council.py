"""The council's sheets: "Kiểm phiếu" (the tally, typed in at the meeting and read back) and "Thay
đổi của Hội đồng" (what a council pass changed; a period's: "Thay đổi của Hiệu trưởng", the head's scoring)."""

from __future__ import annotations

from thidua_xlsx.decide.ballots import candidates, vote_percent
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import NOT_PASSED, TIE_OPEN, CouncilChange
from thidua_xlsx.model.results import Summary
from thidua_xlsx.model.titles import NO_PROPOSAL
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import report_lines as rl
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.messages import YEAR_STATE_WORDS
from thidua_xlsx.write.summary.book import PROTECTED, Book, Styled

SPARE_TALLY_ROWS = 5  # for candidates the council adds at the meeting


def tally_sheet(book: Book, summary: Summary) -> None:
    widths = (10, 28, 18, 24, 12, 44)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_TALLY, widths, landscape=True)
    c = summary.campaign
    rules_ = c.rules
    thresholds = [sx.TALLY_THRESHOLD.format(title=title_name(t), percent=cm.num_text(round(percent, 2)))
                  for t in (*c.titles.individual, *c.titles.collective)
                  if (percent := vote_percent(t, rules_)) is not None]
    row = book.title(ws, 0, last_col, sx.TALLY_TITLE.format(year=book.year), book.school.name)
    book.text(ws, row - 1, 0, last_col, sx.TALLY_NOTE.format(
        quorum=cm.num_text(round(rules_.council_quorum_percent, 2)),
        thresholds="; ".join(thresholds) or sx.TALLY_NO_VOTE), "note", fit=True)
    tally = summary.tally
    row += 1
    for key, label in sx.TALLY_FIELDS.items():
        book.text(ws, row, 0, 1, label, "text")
        book.put(ws, row, 2, getattr(tally, key) if tally else None, "council")
        row += 1
    names = {p.code: (p.name, p.department_name) for p in summary.people}
    names |= {d.code: (d.name, d.name) for d in summary.departments}
    lines = [(r.code, r.title, r.votes, r.reason.text) for r in (tally.results if tally else ())]
    seen = {(code, title) for code, title, _, _ in lines}
    lines += [(x.code, x.title, None, "") for x in candidates(summary.people, summary.departments, rules_)
              if (x.code, x.title) not in seen]
    rows: list[list[object]] = [[code, *names.get(code, ("", "")), title_name(title), votes, result]
                                for code, title, votes, result in lines]
    spare = Styled(None, "council")  # a candidate the council adds: code and title typed at the meeting
    rows += [[spare, None, None, spare, None, None]] * SPARE_TALLY_ROWS
    head, last = book.table(ws, row + 1, list(sx.TALLY_HEADS.values()), rows,
                            ["center", "text", "text", "text", "council", "text"])
    ws.data_validation(head + 1, 4, last, 4, {"validate": "integer", "criteria": ">=", "value": 0})
    ws.protect("", PROTECTED)


def changes_sheet(book: Book, summary: Summary) -> None:
    widths = (5, 9, 24, 16, 16, 16, 34, 24)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_CHANGES_PERIOD if summary.period else sx.S_CHANGES, widths, landscape=True)
    title = sx.CHANGES_TITLE_PERIOD if summary.period else sx.CHANGES_TITLE  # a period's: the head's scores
    row = book.title(ws, 0, last_col, title.format(year=book.year, period=summary.period_label.upper()),
                     book.school.name)
    rows = [[n, c.code, c.name, *change_words(c), sx.CHANGES_AGAINST_RULE if c.against_rule else ""]
            for n, c in enumerate(summary.council_changes, start=1)]
    head, none = (sx.CHANGES_HEAD_PERIOD, sx.CHANGES_NONE_PERIOD) if summary.period else \
        (sx.CHANGES_HEAD, sx.CHANGES_NONE)
    book.table(ws, row, head, rows or [[None, None, none]],
               ["center", "center", "text", "text", "text", "text", "text", "text"])


_CHANGED = {TIE_OPEN: sx.CHANGES_TIE_OPEN, NOT_PASSED: sx.CHANGES_NOT_PASSED, **YEAR_STATE_WORDS, "": "—"}


def change_words(c: CouncilChange) -> tuple[str, str, str, str]:
    """A council change in words, as the change log and the Biên bản list it: what, before, after, why."""
    return (sx.CHANGES_WHAT.get(c.what, c.what), _changed(c.before), _changed(c.after),
            c.note or (c.reason.text if c.reason else ""))


def _changed(value: str | float | None) -> str:
    """A council change's before or after in words: a score, a title's name, or what happened."""
    if isinstance(value, (int, float)):
        return cm.score_text(value)
    if value is None:
        return _CHANGED[""]
    return _CHANGED.get(value) or title_name(value)


def change_sentence(c: CouncilChange) -> str:
    """A council change as one sentence (the console's and the page's line; the change log gives the same in
    columns): "bằng điểm ở suất cuối – Hội đồng chọn Chiến sĩ thi đua cơ sở (trước đó đề nghị Lao động tiên tiến)",
    "điểm đổi từ 94,5 thành 88", "không đề nghị Lao động tiên tiến nữa". The why is the caller's (change_words)."""
    what, before, after, _why = change_words(c)
    return _sentence(c).format(what=what, before=before, after=after)


def _sentence(c: CouncilChange) -> str:
    """The template of ``c``'s sentence: by what changed, and whether there was anything before or after."""
    untitled = ("", None, NO_PROPOSAL)
    if c.what == "score":
        return rl.CHANGE_SCORE_FIRST if c.before is None else rl.CHANGE_SCORE
    if c.what == "title" and not (c.before in untitled and c.after in untitled):
        return rl.CHANGE_TITLE_ADDED if c.before in untitled else \
            rl.CHANGE_TITLE_DROPPED if c.after in untitled else rl.CHANGE_TITLE
    if c.what == "vote" and c.after == NOT_PASSED:
        return rl.CHANGE_VOTE
    if c.what == "tie":
        if c.before == TIE_OPEN:  # a tie the council settled for others: this person not chosen
            return rl.CHANGE_TIE_OTHER_NONE if c.after in untitled else rl.CHANGE_TIE_OTHER
        return rl.CHANGE_TIE_CHOSEN if c.before in untitled else rl.CHANGE_TIE_CHOSEN_OVER
    if c.what == "rating":
        return rl.CHANGE_RATING
    return rl.CHANGE_OTHER
