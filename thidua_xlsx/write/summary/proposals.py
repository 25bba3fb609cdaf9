"""The proposal lists: "Đề nghị khen thưởng" (one signed list per title) and "Không đề nghị" (who
registered and is not proposed, and why)."""

from __future__ import annotations

from collections.abc import Sequence

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import Tally
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.wording import initiative_text, short_note
from thidua_xlsx.write.engine import DEFAULT_ROW_PT, name_width
from thidua_xlsx.write.summary.book import Book, Styled
from thidua_xlsx.write.summary.content import proposal_lists, refusals, score_cell, score_text, waits

LIST_STYLES = ["center", "text", "text", "text", "center", "center", "text", "text", "center", "text"]


SCORE_COLUMN = 5  # of the lists: the score


def proposal_sheet(book: Book, people: Sequence[PersonResult], tally: Tally | None) -> None:
    """One list per title, each with its own signature, kept on the page with the end of its table; every printed
    page of a list begins with its head (:meth:`Book.list_table`: the sheet's several lists have no print titles);
    short notes only (the reasons for refusals are on the internal sheet "Không đề nghị")."""
    widths = (5, 21, 12, name_width(13, [p.department_name for p in people]), 10, 12, 13, 22, 12, 22)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_PROPOSAL, widths, landscape=True, page_breaks=True)
    row = book.header(ws, last_col, 4)
    lists = proposal_lists(people)
    if not lists:
        book.text(ws, row, 0, last_col, sx.NO_PROPOSAL, "note")
    # below a list's last row: a row left empty, the signatures, a row left empty
    signature = (1 + book.sign_pair_rows(sx.SIGN_MAKER, sx.SIGN_HEAD) + 1) * DEFAULT_ROW_PT
    for title, chosen in lists.items():
        first, name = row, title_name(title)
        row = book.title(ws, row, last_col, sx.PROPOSAL_TITLE.format(title=name.upper(), year=book.year),
                         sx.PROPOSAL_SUBTITLE.format(school=book.school.name, count=len(chosen)))
        rows = [[n, p.name, p.position, p.department_name, p.facts.rating, score_text(p), name,
                 initiative_text(p.facts), _votes(tally, p.code, title), short_note(d)]
                for n, (p, d) in enumerate(chosen, start=1)]
        _head, last, _copies = book.list_table(ws, row - 1, sx.PROPOSAL_HEAD, rows, LIST_STYLES, keep_from=first,
                                               tail=signature)
        end = book.sign_pair(ws, last + 2, last_col, sx.SIGN_MAKER, book.school.secretary, sx.SIGN_HEAD,
                             book.school.principal)
        row = end + 2
    book.keep_together(ws, [])


def _votes(tally: Tally | None, code: str, title: str) -> str:
    if tally is None:
        return ""
    result = tally.result(code, title)
    if result is None or result.votes is None or not tally.members:
        return ""
    return sx.VOTES_SHORT.format(votes=result.votes, members=tally.members,
                                 share=cm.num_text(round(100 * result.votes / tally.members, 1)))


def refused_sheet(book: Book, people: Sequence[PersonResult], year: bool = False) -> None:
    """Who registered and is not proposed, and why — for the council, never attached to the Tờ trình. ``year``: a
    year made from its periods, whose score is the year's."""
    widths = (5, 21, 12, name_width(13, [p.department_name for p in people]), 10, 12, 13, 22, 10, 40)
    last_col = len(widths) - 1
    ws = book.sheet(sx.S_REFUSED, widths, landscape=True)
    refused = refusals(people)
    waiting = sum(waits(p) for p, _ in refused)
    row = book.title(ws, 0, last_col, sx.REFUSED_TITLE,
                     sx.REFUSED_SUBTITLE_WAITING.format(refused=len(refused) - waiting, waiting=waiting) if waiting
                     else sx.REFUSED_SUBTITLE.format(count=len(refused)))
    rows = [[n, p.name, p.position, p.department_name, p.facts.rating, _score(p, year), title_name(p.registered),
             initiative_text(p.facts), None, reason] for n, (p, reason) in enumerate(refused, start=1)]
    head = tuple(sx.YEAR_SCORE_HEAD if year and k == SCORE_COLUMN else h for k, h in enumerate(sx.REFUSED_HEAD))
    book.table(ws, row - 1, head, rows or [[None, sx.NONE_ROW]], LIST_STYLES)


def _score(p: PersonResult, year: bool) -> str | Styled:
    """A year's: the year's score, a number cut to two decimals (unknown said, never 0); else the self / department /
    council scores in words."""
    if not year:
        return score_text(p)
    return Styled(score_cell(p.final), "num") if p.final is not None else sx.SCORE_BLANK
