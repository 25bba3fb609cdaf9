"""The Phiếu xếp loại chất lượng viên chức (Phụ lục II, Nghị định 233/2026/NĐ-CP): one page per person of the
year's roster, all in one document, from the year's results (:class:`~thidua_xlsx.model.evaluation.YearResults`).

The annex's layout: the national motto centred (the form has no school block and no number), the title and the
year, who the person is, then I. the monitoring results (general criteria ≤ 30, task results ≤ 70), II. the
person's own rating, III. the competent authority's, IV. its remarks, and both signatures.

What the tool knows goes in; what it does not is left to write by hand, never guessed:

* I. — the year's general criteria (≤ 30) and task results (≤ 70), each made from the periods' as the total is; a
  part not known (a period the total used lacks it: a summary of an older version, the head's score typed as a
  total, a rubric not split 30 + 70) says "chưa có" and stays dotted (never 0); the year's total under them, with
  how it was reached, and each period's score — a period with its total alone said so where others have their
  parts, a period without a score said so, not counted as 0, and a period wholly away (or before a newcomer's
  start) said so, not as missing nor in the count of the year's periods;
* II. — the person's own rating: four boxes to tick;
* III. — the rating that counts (the authority's entered one, else the computed one) ticked, and where it comes
  from: a computed one is provisional until the authority decides it (điều 13 khoản 3); nothing ticked for a
  person the periods do not rate, with the reason;
* IV. — dotted lines: the remarks are the authority's own words (the tool's reasons stay in the summary).

One page per person, the pages in the roster's order, no page numbers: the secretary prints one file, hands
each person their sheet to tick II and sign, and the authority signs the pile.
"""

from __future__ import annotations

from collections.abc import Mapping

from docx.shared import Mm, Pt

from thidua_xlsx.decide.consolidate import rating_waits
from thidua_xlsx.decide.year import HEAD_POSITIONS
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.papers.docx_engine import BODY_PT, HEADER_PT, TITLE_PT, Paper, cell_text, grid
from thidua_xlsx.papers.docx_xml import cant_split, qn, run
from thidua_xlsx.papers.facts import Facts, points
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.messages import YEAR_STATE_WORDS
from thidua_xlsx.text.wording import date_line
from thidua_xlsx.write.summary.content import head_lines, own_periods

FOOTNOTE_PT, DATE_PT = 11, 12  # the date lines at 12: "Place, ngày …… tháng …… năm ……" on one line of a half page
# a person's page must hold on one sheet, twelve monthly periods and a long name included: tighter than a letter
LINE_AFTER_PT, HEADING_BEFORE_PT, TITLE_BEFORE_PT = 2, 4, 12
IV_LINES = 4  # dotted lines for the authority's remarks
SIGN_LINES = 3  # blank lines to sign in
BOX_INDENT_MM = 10
# the reasons that leave a person without a rating (decide.evaluation): said under III when nothing is ticked
_UNRATED_REASONS = ("year.months_short", "year.months_short_unpaid", "year.no_scores")


def paper(s: Facts) -> Paper:
    """Every person's Phiếu, one page each, in the roster's order."""
    year = s.s.year
    if year is None:
        raise ValueError("the Phiếu are written from a year's summary (its ratings)")
    doc = _Forms(s)
    # who moved to another school during the year is rated by the new school (its own Phiếu): papers.transfer
    for k, p in enumerate(p for p in s.s.people if not p.facts.moved_on):
        doc.person(p, year.ratings.get(p.code), year, first=k == 0)
    return doc


class _Forms(Paper):
    """The annex's pages: each opened by the national motto alone, centred; no page numbers (a person's page is a
    paper of its own, not page 7 of the school's)."""

    s: Facts  # a school's papers: the summary's facts, not only who issues them

    def __init__(self, s: Facts):
        self._opened = False  # the first motto opens the document, every other one a new page
        super().__init__(s, atx.DOC_NAME, atx.TITLE, date=False)
        self.doc.paragraphs[-1].paragraph_format.space_before = Pt(TITLE_BEFORE_PT)  # the first page's title
        header = self.doc.sections[0].header.paragraphs[0]._p
        for field in header.findall(qn("w:fldSimple")):
            header.remove(field)

    def _header(self, **_) -> None:
        """The motto of the annex (Paper's own header block has the school's on its left): written for the first
        person while the paper opens, for every other at the top of a new page."""
        motto = self.centered(ly.MOTTO_1, bold=True, size=HEADER_PT)
        motto.paragraph_format.page_break_before = self._opened
        motto.paragraph_format.keep_with_next = True
        self.centered(ly.MOTTO_2, bold=True, size=HEADER_PT + 1).paragraph_format.keep_with_next = True
        self.rule_paragraph(62)
        self.doc.paragraphs[-1].paragraph_format.space_after = Pt(0)
        self._opened = True

    def person(self, p: PersonResult, rating: ev.YearRating | None, year: ev.YearResults, *, first: bool) -> None:
        """``p``'s page: who, I.–IV., the signatures and the annex's footnote (the first page's motto and title are
        written while the paper opens)."""
        if not first:
            self._header()
            self.centered(atx.TITLE, bold=True, size=TITLE_PT, space_before=TITLE_BEFORE_PT)
        self.centered(atx.YEAR.format(year=self.s.year), bold=True, space_after=10)
        self._line(atx.NAME.format(name=p.name))
        self._dotted(atx.POSITION.format(position=p.position).rstrip())
        self._line(atx.UNIT.format(department=p.department_name, school=self.s.school.name))
        self._scores(p, rating, year)
        self._boxes(atx.PART_2, None)
        chosen = rating.rating if rating is not None and rating.rating in cm.RATINGS else None
        self._boxes(atx.PART_3, chosen)
        if rating is not None and chosen is not None:
            self._line(_source(rating), italic=True, size=FOOTNOTE_PT)
        else:
            self._line(atx.NOT_RATED.format(reason=_why_unrated(p, rating)), italic=True, size=FOOTNOTE_PT)
        heading = self._line(atx.PART_4, bold=True, space_before=HEADING_BEFORE_PT)
        run(heading, atx.FOOTNOTE_MARK, size=BODY_PT, bold=True).font.superscript = True
        self._dotted("", lines=IV_LINES)
        for remark in self.doc.paragraphs[-IV_LINES:]:
            remark.paragraph_format.keep_with_next = True  # the last lines go with the signatures
        self._signatures(p)
        note = self._line("", space_before=4)
        run(note, atx.FOOTNOTE_MARK, size=FOOTNOTE_PT, italic=True).font.superscript = True
        run(note, f" {atx.FOOTNOTE}", size=FOOTNOTE_PT, italic=True)

    def _line(self, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
              space_before: float = 0):
        """A line of the form: flush left, as the annex has them."""
        return self.para(text, bold=bold, italic=italic, size=size, indent=False, align="left",
                         space_before=space_before, space_after=LINE_AFTER_PT)

    def _dotted(self, label: str, *, lines: int = 1) -> None:
        self.dotted(label, lines=lines)
        for p in self.doc.paragraphs[-lines:]:
            p.paragraph_format.space_after = Pt(LINE_AFTER_PT)

    def _scores(self, p: PersonResult, rating: ev.YearRating | None, year: ev.YearResults) -> None:
        """I.: the year's two parts (dotted where not known), the year's total and each period's score."""
        self._line(atx.PART_1, bold=True, space_before=HEADING_BEFORE_PT)
        parts = rating.parts if rating is not None else ev.UNKNOWN_PARTS
        printed, cut_once = printed_parts(parts.get(ev.GENERAL), parts.get(ev.TASKS),
                                          rating.score if rating is not None else None)
        for label, part, text in zip((atx.GENERAL, atx.TASKS), (ev.GENERAL, ev.TASKS), printed, strict=True):
            if text is None:
                lacking = _part_lacking(year, rating, p.code, part)
                self._dotted(atx.PART_NOT_KNOWN.format(label=label, periods=", ".join(lacking)) if lacking else
                             atx.PART_UNKNOWN.format(label=label))
            else:
                self._line(atx.PART_KNOWN.format(label=label, score=text))
        if cut_once:
            self._line(atx.PARTS_CUT_ONCE, size=FOOTNOTE_PT)
        if rating is None or rating.score is None:
            self._dotted(atx.TOTAL_BLANK)
        else:
            score = rating.score
            formula = self.s.c.year_formula.kind if self.s.c is not None else ev.AVERAGE
            how = atx.HOW[formula].format(used=len(rating.used), total=own_periods(rating, year.periods))
            self._line(atx.TOTAL.format(score=points(score), how=how))
        self._periods(year, rating, year.scores.get(p.code, {}), year.parts.get(p.code, {}), p.facts.leave)
        for line in head_lines(year, p.code):
            self._line(line, size=FOOTNOTE_PT)

    def _periods(self, year: ev.YearResults, rating: ev.YearRating | None, mine: Mapping[str, float | None],
                 parts: Mapping[str, ev.Parts], leave: str | None) -> None:
        """Each period's score, those without their two parts said so where others have them (why the year's parts
        are not known); the periods without a score named; those that are not the person's (wholly away, before a
        newcomer's start) said so, not as missing."""
        states = year.periods_of(rating.person) if rating is not None else {}
        scored = [(period, score) for period in year.periods
                  if (score := mine.get(period.code)) is not None and states.get(period.code, ev.SCORED) == ev.SCORED]
        split = any(period.code in parts for period, _ in scored)
        if scored:
            self._line(atx.PERIODS.format(scores="; ".join(
                (atx.PERIOD_SCORE_WHOLE if split and period.code not in parts else atx.PERIOD_SCORE).format(
                    label=period.label, score=points(score)) for period, score in scored)), size=FOOTNOTE_PT)
        for words, labels in _unscored(year, rating.person if rating is not None else "", leave):
            if labels:
                self._line(words.format(periods=", ".join(labels)), size=FOOTNOTE_PT)

    def _boxes(self, heading: str, ticked: str | None) -> None:
        """A part of the form with the four ratings, each with its box; ``ticked``: the rating ticked, if any."""
        self._line(heading, bold=True, space_before=HEADING_BEFORE_PT)
        for code in cm.RATINGS:
            line = self.doc.add_paragraph()
            line.paragraph_format.left_indent = Mm(BOX_INDENT_MM)
            line.paragraph_format.space_after = Pt(0)
            line.paragraph_format.keep_with_next = True
            mine = code == ticked
            run(line, f"{atx.BOX_TICKED if mine else atx.BOX}  ", size=BODY_PT)
            run(line, dw.RATING_WORDS[code], size=BODY_PT, bold=mine)

    def _signatures(self, p: PersonResult) -> None:
        """The person's signature (left) and the authority's (right), each under its date line; the authority's
        name is the principal's, except on the principal's own page (the level above rates the head)."""
        school = self.s.school
        principal = school.principal if school.principal and not _is_head(p, school.principal) else ""
        table = grid(self.doc, 1, (self.width_mm / 2, self.width_mm / 2))
        cant_split(table.rows[0])
        for cell, date, role, name in zip(table.rows[0].cells, (date_line(school), atx.SIGN_DATE_RIGHT),
                                          (atx.SIGN_SELF, atx.SIGN_AUTHORITY), (p.name, principal)):
            cell_text(cell, date, size=DATE_PT, italic=True, first=True, space_before=6)
            cell_text(cell, role, size=BODY_PT, bold=True)
            cell_text(cell, atx.SIGN_NOTE, size=BODY_PT, italic=True)
            for _ in range(SIGN_LINES):
                cell_text(cell, "", size=BODY_PT)
            cell_text(cell, name or dw.SIGN_BLANK_NAME, size=BODY_PT, bold=True)


def _source(rating: ev.YearRating) -> str:
    """Where the rating ticked under III comes from: the authority's decision (beside the computed one where they
    differ), or the score — then provisional until the authority decides (NĐ 233/2026 điều 13 khoản 3)."""
    if not rating.entered:
        return atx.RATED_COMPUTED
    if rating.overridden and rating.computed in cm.RATINGS:
        return atx.RATED_ENTERED_DIFFERS.format(computed=dw.RATING_WORDS[rating.computed])
    return atx.RATED_ENTERED


def _why_unrated(p: PersonResult, rating: ev.YearRating | None) -> str:
    """Why nothing is ticked under III, in words: the reason the person is not rated (NĐ 233/2026 điều 14 khoản 1,
    2; no score), else — a rating pending — what it waits for (a department's book not sent, a form unfinished, a
    discipline's scope unsaid, the head's judgement: decide.year), else the year's state in words; never dots."""
    why = [r.text for r in (rating.reasons if rating else ()) if r.code in _UNRATED_REASONS]
    if why:
        return why[0]
    waits = rating_waits(p)
    if waits:
        return atx.PENDING_WAITS.format(waits="; ".join(w.text for w in waits))
    state = rating.rating if rating is not None else ev.PENDING
    return YEAR_STATE_WORDS.get(state, YEAR_STATE_WORDS[ev.PENDING]).lower()


def printed_parts(general: float | None, tasks: float | None, total: float | None
                  ) -> tuple[tuple[str | None, str | None], bool]:
    """The two parts as the Phiếu prints them beside the total (None: not known), and whether they were made to add up:
    the total is cut to two decimals once (model.campaign.score_text: never rounded across a band, NĐ 233/2026 điều
    12 khoản 1); each part cut on its own could print 27,83 + 62,16 under 90 — so the general criteria are cut and
    the task results printed as the total printed less them (điều 10, 11: the two parts make the total)."""
    if general is None or tasks is None or total is None:
        return (None if general is None else points(general), None if tasks is None else points(tasks)), False
    whole, first = cm.score_value(total), cm.score_value(general)
    rest = round(whole - first, 2)
    return (points(first), points(rest)), points(rest) != points(tasks)


def _part_lacking(year: ev.YearResults, rating: ev.YearRating | None, person: str, part: str) -> list[str]:
    """The periods the year used that lack ``part`` (a total alone), by label, where another has it — why the
    year's part is not known; none where no period has it (a rubric not split 30 + 70, an older summary)."""
    mine = year.parts.get(person, {})
    used = [period for period in year.periods if period.code in (rating.used if rating else ())]
    lacking = [period.label for period in used if mine.get(period.code, ev.UNKNOWN_PARTS).get(part) is None]
    return lacking if len(lacking) < len(used) else []


def _unscored(year: ev.YearResults, person: str, leave: str | None) -> tuple[tuple[str, list[str]], ...]:
    """The person's periods without a score the year counts, by their one state (:meth:`ev.YearResults.period_of`,
    as every output says it), each with the words that say it: missing, a form returned unfinished or a score
    unreadable, running, not begun, wholly away (on a course the unit sent: ``leave`` says so), before a newcomer's
    start, from the day they moved away."""
    states = year.periods_of(person)
    labels = {state: [p.label for p in year.periods if states[p.code] == state] for state in set(states.values())}
    return ((atx.PERIODS_NONE, labels.get(ev.MISSING, [])), (atx.PERIODS_UNFINISHED, labels.get(ev.UNFINISHED, [])),
            (atx.PERIODS_UNREADABLE, labels.get(ev.UNREADABLE, [])),
            (atx.PERIODS_RUNNING, labels.get(ev.PERIOD_RUNNING, [])),
            (atx.PERIODS_NOT_BEGUN, _span(labels.get(ev.PERIOD_NOT_BEGUN, []))),
            (atx.PERIODS_AWAY_STUDY if leave == cm.LEAVE_STUDY_WORD else atx.PERIODS_AWAY, labels.get(ev.AWAY, [])),
            (atx.PERIODS_BEFORE_START, labels.get(ev.BEFORE_START, [])), (atx.PERIODS_LEFT, labels.get(ev.LEFT, [])))


def _span(labels: list[str]) -> list[str]:
    """The periods not begun — the year's last, one after the other — as a span where they are more than two
    ("Tháng 12/2026 – Tháng 5/2027 (6 kỳ)"): one line, not two, on a page that holds one sheet."""
    return [atx.PERIODS_SPAN.format(first=labels[0], last=labels[-1], count=len(labels))] if len(labels) > 2 else labels


def _is_head(p: PersonResult, principal: str) -> bool:
    return fold(p.position).strip() in HEAD_POSITIONS or fold(p.name) == fold(principal)
