"""The Biên bản họp bình xét: the council's meeting, with the ballot result (QĐ 638/QĐ-BNV)."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.results import sent_count
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import MINUTES
from thidua_xlsx.papers.docx_engine import Paper, Sign, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.papers.letter import proposed_counts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.workbook import DATE_LINE_BLANK
from thidua_xlsx.write.summary.content import criteria_line, passed_not_proposed_text
from thidua_xlsx.write.summary.council import change_words


def paper(s: Facts) -> Paper:
    """Biên bản họp bình xét, with the ballot result (QĐ 638/QĐ-BNV)."""
    school, t = s.school, s.tally
    doc = Paper(s, dw.DOC_NAMES[MINUTES], dw.MINUTES_TITLE.format(year=s.year), number=dw.MINUTES_NUMBER)
    doc.para(dw.MINUTES_TIME.format(date=DATE_LINE_BLANK))
    doc.para(dw.MINUTES_PLACE.format(school=school.name))
    doc.para(dw.MINUTES_PART_1, bold=True, indent=False)
    doc.para(dw.MINUTES_CHAIR.format(principal=school.principal or dw.DOTS_LONG))
    doc.para(dw.MINUTES_SECRETARY.format(secretary=school.secretary or dw.DOTS_LONG))
    if t is not None and t.members and t.present is not None:
        doc.para(dw.MINUTES_PRESENT.format(present=t.present, members=t.members, absent=t.members - t.present))
        quorum = dw.MINUTES_QUORUM_MET if t.quorum_met else dw.MINUTES_QUORUM_NOT_MET
        doc.para(quorum.format(needed=t.quorum_needed, members=t.members,
                               percent=dw.PERCENT.format(value=cm.num_text(round(s.rules.council_quorum_percent, 1)))))
    else:
        doc.para(dw.MINUTES_PRESENT_BLANK)
    doc.para(dw.MINUTES_PART_2, bold=True, indent=False)
    people, submitted, departments = sent_count(s.s)
    doc.para(dw.MINUTES_CONTENT.format(school=school.name, year=s.year, people=people, submitted=submitted,
                                       departments=departments))
    doc.para(criteria_line(s.s, dw.CRITERIA_BLANK, end="."))
    doc.para(dw.MINUTES_PART_3, bold=True, indent=False)
    doc.dotted(dw.MINUTES_DISCUSSION, lines=2)
    proposed_counts(doc, s, dw.MINUTES_INDIVIDUAL_HEAD, dw.MINUTES_INDIVIDUAL, dw.MINUTES_COLLECTIVE_HEAD,
                    dw.MINUTES_COLLECTIVE, dw.MINUTES_NONE)
    if s.provisional_text():
        doc.para(s.provisional_text(), italic=True)
    if s.ballot:
        doc.para(dw.MINUTES_VOTE_HEAD, bold=True)
        for title, chosen in s.ballot.items():
            _ballot(doc, s, title, chosen)
    if s.s.council_changes:
        doc.para(dw.MINUTES_CHANGES_HEAD, bold=True)
        # what changed, not the council's notes: they may be private (a health reason), and stay in the
        # summary's change log
        rows = [[c.name, *change_words(c)[:3]] for c in s.s.council_changes]
        doc.table(dw.MINUTES_CHANGES_HEAD_ROW, numbered(rows), (12, 52, 36, 38, 38), aligns="cllll", size=11)
        doc.para("", space_after=0)
    doc.dotted(dw.MINUTES_OTHER, lines=1, space_before=6)
    doc.para(dw.MINUTES_END, keep=True)
    doc.signatures(Sign(dw.SIGN_SECRETARY, dw.SIGN_NOTE, school.secretary),
                   Sign(dw.SIGN_CHAIR, dw.SIGN_NOTE, school.principal), keep=True)
    return doc


def _ballot(doc: Paper, s: Facts, title: str, chosen) -> None:
    """One title's ballot: its rule and how many passed (blank to fill when the votes were not counted), then the
    table of those put to the vote."""
    t = s.tally
    results = [s.result(c.code, title) for c in chosen]
    counted = [r for r in results if r is not None and r.passed is not None]
    percent, name = s.percent_text(title), title_name(title)
    if t is not None and t.members and counted:
        needed = dw.MINUTES_NEEDED.format(needed=s.needed(title), members=t.members)
        not_held = len(chosen) - len(counted)
        doc.para(dw.MINUTES_VOTE_RULE.format(
            title=name, percent=percent, needed=needed, count=len(counted),
            passed=sum(bool(r.passed) for r in counted),
            not_held=dw.MINUTES_NOT_HELD.format(count=not_held) if not_held else ""), keep=True)
    else:
        doc.para(dw.MINUTES_VOTE_RULE_BLANK.format(title=name, percent=percent, count=len(chosen)), keep=True)
    rows = [s.vote_row(c, title) for c in chosen]
    doc.table(dw.VOTE_HEAD, numbered(rows), (14, 51, 36, 20, 24, 20), aligns="cllccc",
              row_height_mm=s.vote_rows_mm(rows))
    dropped = passed_not_proposed_text(s.s, title)
    doc.para(f"{dropped[:1].upper()}{dropped[1:]}." if dropped else "", space_after=0)
