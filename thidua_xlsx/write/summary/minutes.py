"""The council's papers as sheets: "Biên bản" (the minutes of the meeting) and "Tờ trình" (the
letter asking the level above for the titles), drafts of the Word papers that say the same."""

from __future__ import annotations

from thidua_xlsx.decide.ballots import vote_percent
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import Summary, provisional, sent_count
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import DRAFT_HEAD, DRAFT_LINE, draft_text
from thidua_xlsx.text.workbook import DATE_LINE_BLANK
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary.book import Book
from thidua_xlsx.write.summary.content import (
    COLLECTIVE_ORDER,
    INDIVIDUAL_ORDER,
    criteria_line,
    multi_year_counts,
    passed_not_proposed_text,
    put_to_vote,
    refusals,
    titles_in_order,
    waits,
)

WIDTHS = (13, 13, 12, 13, 13, 12)


def lists_attached(summary: Summary) -> bool:
    """Whether the summary's lists go with its Biên bản and Tờ trình as sheets of their own (Đề nghị khen thưởng, Không
    đề nghị): a title round's summary of the departments' books has them; a year made from its periods has its
    periods' scores instead (Xếp loại năm), and its Biên bản and Tờ trình name the people proposed themselves."""
    return summary.round == ly.SCORING and not summary.period and summary.year is None


def _counts(summary: Summary, *, voted: bool = False) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """People's names per individual title and department names per collective title (both in order): the titles
    someone is proposed for, as the Word papers list them (no line of 0); ``voted``: the Biên bản's also each title
    put to the vote, whose line says how the vote went though nobody is left proposed."""
    people_voted, units_voted = _put_to_vote(summary) if voted else (set(), set())
    granted = {d.title for p in summary.people for d in p.decisions if d.granted}
    individual = {t: [p.name for p in summary.people if p.granted(t)]
                  for t in titles_in_order(INDIVIDUAL_ORDER, granted | people_voted)}
    found = {d.proposed for d in summary.departments if d.proposed}
    collective = {t: [d.name for d in summary.departments if d.proposed == t]
                  for t in titles_in_order(COLLECTIVE_ORDER, found | units_voted)}
    return individual, collective


def _put_to_vote(summary: Summary) -> tuple[set[str], set[str]]:
    """The titles put to the vote (:func:`put_to_vote`), of people and of departments."""
    if summary.campaign is None:
        return set(), set()
    units = {d.code for d in summary.departments}
    ballot = put_to_vote(summary, summary.campaign.rules)
    return ({t for t, cs in ballot.items() if any(c.code not in units for c in cs)},
            {t for t, cs in ballot.items() if any(c.code in units for c in cs)})


def _present(s: Summary) -> str:
    """Who attended, with the quorum, once the council's count is typed; dotted lines to fill in before."""
    t = s.tally
    if t is None or not t.members or t.present is None:
        return sx.MINUTES_PRESENT_BLANK
    rules = s.campaign.rules
    quorum = dw.MINUTES_QUORUM_MET if t.quorum_met else dw.MINUTES_QUORUM_NOT_MET
    return " ".join((dw.MINUTES_PRESENT.format(present=t.present, members=t.members, absent=t.members - t.present),
                     quorum.format(needed=t.quorum_needed, members=t.members, percent=dw.PERCENT.format(
                         value=cm.num_text(round(rules.council_quorum_percent, 1))))))


def _vote(s: Summary, title: str) -> str:
    """What the secret ballot gave a title: nothing for a title not put to a vote, dotted lines before the
    count, the cases passed after it."""
    if s.campaign is None or vote_percent(title, s.campaign.rules) is None:
        return ""
    if s.tally is None:
        return sx.MINUTES_VOTE_BLANK
    if s.tally.quorum_met is False:
        return sx.MINUTES_VOTE_NONE
    results = [r for r in s.tally.results if r.title == title and r.passed is not None]
    if not results:
        return sx.MINUTES_VOTE_BLANK
    dropped = passed_not_proposed_text(s, title)
    return sx.MINUTES_VOTE_COUNTED.format(passed=sum(r.passed is True for r in results), voted=len(results)) + \
        (f"; {dropped}" if dropped else "")


def _names(names: list[str]) -> str:
    return sx.LISTED_NAMES.format(names=", ".join(names)) if names else ""


def _listed(summary: Summary, names: list[str]) -> str:
    """Where the people of a line are: on the list attached, or named here (nobody: nowhere)."""
    if not names:
        return ""
    return sx.LISTED_ATTACHED if lists_attached(summary) else _names(names)


def _provisional(s: Summary) -> list[tuple[str, str]]:
    """The sentence on the proposals resting on a rating not yet decided, as the Word papers say it (the people are
    named on the sheet, not marked on a list attached)."""
    resting = provisional(s)
    if not resting.count:
        return []
    return [("note", dw.provisional_sentence(len(resting.people), len(resting.units), s.campaign.school.school_year))]


def draft_lines(summary: Summary) -> list[tuple[str, str]]:
    """A year still running: its Biên bản and Tờ trình open with DỰ THẢO and the periods not final (as the Word
    papers do); none for a final year."""
    if not summary.draft:
        return []
    labels = {p.code: p.label for p in summary.campaign.periods}
    words = draft_text((labels.get(code, code), why) for code, why in summary.draft)
    return [("note", f"{DRAFT_HEAD} {DRAFT_LINE.format(periods=words)}")]


def minutes_sheet(book: Book, summary: Summary) -> None:
    last_col = len(WIDTHS) - 1
    ws = book.sheet(sx.S_MINUTES, WIDTHS, document=True, page_breaks=True)
    row = book.header(ws, last_col, 2, date=True)  # the motto's half wide enough for one line
    row = book.title(ws, row + 1, last_col, sx.MINUTES_TITLE.format(year=book.year))
    s, school = summary, book.school
    people, submitted, departments = sent_count(s)
    fill = {"blank_date": DATE_LINE_BLANK, "principal": school.principal or "……………………",
            "secretary": school.secretary or "……………………", "school": school.name, "year": book.year,
            "people": people, "submitted": submitted, "departments": departments, "present_line": _present(s)}
    individual, collective = _counts(s, voted=True)
    lines = [*draft_lines(s), *((style, text.format(**fill)) for style, text in sx.MINUTES_LINES)]
    lines.insert(lines.index(("heading", sx.MINUTES_RESULTS_HEADING)), ("body", criteria_line(s)))
    lines += [("body", sx.MINUTES_INDIVIDUAL.format(title=title_name(t), count=len(names), listed=_listed(s, names),
                                                    vote=_vote(s, t)))
              for t, names in individual.items()] or [("body", dw.MINUTES_NONE)]
    lines += _not_proposed(s)
    lines.append(("heading", sx.MINUTES_COLLECTIVE_HEAD))
    lines += [("body", sx.MINUTES_COLLECTIVE.format(title=title_name(t), count=len(names), names=_names(names),
                                                    vote=_vote(s, t)))
              for t, names in collective.items()] or [("body", dw.MINUTES_NONE)]
    lines += _provisional(s)
    lines += [("body", text) for text in sx.MINUTES_END]
    row = book.paragraphs(ws, row, last_col, lines)
    end = book.sign_pair(ws, row + 1, last_col, sx.SIGN_SECRETARY, school.secretary, sx.SIGN_CHAIR,
                         school.principal, date=False, seal=False)
    book.keep_together(ws, [(row - 1, end, 0)])  # the last paragraph with the signatures


def _not_proposed(s: Summary) -> list[tuple[str, str]]:
    """Who registered and is not proposed: those refused, those whose decision waits (said apart, only when there
    are some: a fact or a period awaited is no refusal), and those proposed a lower title."""
    nothing = [p for p in s.people if p.has_registered and not p.proposed]
    waiting = [p for p in nothing if waits(p)]
    lower = [p for p, _ in refusals(s.people) if p.proposed]  # counted once: on the list of the title they got
    # the internal list of those not proposed is a sheet of its own (a year's: not said attached, for its Biên bản and
    # Tờ trình name their people and attach nothing), or nowhere: no paper names them
    listed = sx.LISTED_ATTACHED if nothing and lists_attached(s) else ""
    lines = [("body", sx.MINUTES_REFUSED.format(count=len(nothing) - len(waiting), listed=listed))]
    if waiting:
        lines.append(("body", sx.MINUTES_WAITING.format(count=len(waiting), listed=listed)))
    if lower:
        lines.append(("body", sx.MINUTES_LOWER.format(count=len(lower))))
    return lines


def letter_sheet(book: Book, summary: Summary) -> None:
    last_col = len(WIDTHS) - 1
    ws = book.sheet(sx.S_LETTER, WIDTHS, document=True, page_breaks=True)
    school = book.school
    row = book.header(ws, last_col, 2, number=sx.LETTER_NUMBER, date=True)
    row = book.title(ws, row + 1, last_col, sx.LETTER_TITLE) - 1
    book.text(ws, row, 0, last_col, sx.LETTER_SUBJECT.format(year=book.year), "subject", fit=True)
    book.text(ws, row + 2, 0, last_col, sx.LETTER_TO.format(recipient=school.recipient), "to", fit=True)
    row += 4
    individual, collective = _counts(summary)
    fill = {"school": school.name, "recipient": school.recipient, "year": book.year,
            "blank_date": DATE_LINE_BLANK}
    lines = [*draft_lines(summary), *(("basis", line) for line in (summary.campaign.legal_basis if summary.campaign
                                                                    else ()))]
    lines += [("basis", sx.LETTER_APPROVED.format(**fill)), ("body", sx.LETTER_REQUEST.format(**fill))]
    attached = lists_attached(summary)
    lines += [("body", sx.LETTER_INDIVIDUAL.format(title=title_name(t), count=len(names),
                                                   listed="" if attached else _names(names)))
              for t, names in individual.items()]
    lines += [("body", sx.LETTER_COLLECTIVE.format(title=title_name(t), count=len(names), names=_names(names)))
              for t, names in collective.items()]
    if not individual and not collective:
        lines.append(("body", dw.LETTER_NONE))
    awards = multi_year_counts(summary)
    if awards:  # one line: a heading alone at a page's foot is what a line never is
        lines.append(("body", sx.LETTER_AWARDS.format(sheet=sx.S_HISTORY, awards=", ".join(
            sx.LETTER_AWARD.format(award=title_name(a), count=n) for a, n in awards.items()))))
    lines += _provisional(summary)
    if attached and any(individual.values()):
        lines.append(("note", sx.LETTER_ATTACHED))
    lines.append(("body", sx.LETTER_CLOSE.format(**fill)))
    row = book.paragraphs(ws, row, last_col, lines) + 1
    receivers = [(sx.RECEIVERS_HEAD, "receivers_head"), *((line, "receivers") for line in sx.RECEIVERS)]
    end = book.signatures(ws, row, [(0, 2, receivers),
                                    engine.sign_block(3, last_col, sx.SIGN_PRINCIPAL, sx.SIGN_NOTE_SEAL,
                                                      school.principal)], date=False)
    book.keep_together(ws, [(row - 2, end, 0)])
