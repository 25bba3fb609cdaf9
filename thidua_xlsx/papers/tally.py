"""The Biên bản kiểm phiếu: the count of the secret ballot, per candidate and title."""

from __future__ import annotations

from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import TALLY
from thidua_xlsx.papers.docx_engine import BODY_PT, Paper, Sign, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.workbook import DATE_LINE_BLANK


def paper(s: Facts) -> Paper:
    """Biên bản kiểm phiếu: the count of the secret ballot, per candidate and title."""
    t = s.tally
    doc = Paper(s, dw.DOC_NAMES[TALLY], dw.TALLY_TITLE, number=dw.TALLY_NUMBER)
    doc.centered(dw.TALLY_SUBTITLE.format(year=s.year), bold=True, size=BODY_PT, space_after=12)
    doc.para(dw.TALLY_OPEN.format(date=DATE_LINE_BLANK, school=s.school.name))
    for line in dw.TALLY_BOARD:
        doc.para(line)
    doc.para(dw.TALLY_DONE)
    for field, line in dw.TALLY_FIELDS:
        value = getattr(t, field) if t is not None else None
        doc.para(line.format(value=value if value is not None else dw.DOTS))
    doc.para(dw.TALLY_VALID)
    doc.para(dw.TALLY_TABLE_HEAD)
    for title, chosen in s.ballot.items():
        needed = s.needed(title)
        percent = s.percent_text(title)
        threshold = (dw.TALLY_THRESHOLD.format(needed=needed) if needed is not None
                     else dw.TALLY_THRESHOLD_BLANK.format(percent=percent))
        at_least = dw.MINUTES_NEEDED.format(needed=needed, members=s.members_count) if needed is not None else ""
        doc.para(dw.TALLY_TITLE_LINE.format(title=title_name(title), count=len(chosen), percent=percent,
                                            needed=at_least), bold=True, keep=True)
        rows = []
        for c in chosen:
            name, department, votes, share, result = s.vote_row(c, title)
            rows.append([name, department, votes, share, threshold, result])
        doc.table(dw.TALLY_HEAD, numbered(rows), (14, 42, 30, 20, 20, 22, 17), aligns="cllcccc", size=11,
                  row_height_mm=s.vote_rows_mm(rows))
        doc.para("", space_after=0)
    doc.para(dw.TALLY_END, space_before=6, keep=True)
    doc.signatures(Sign(dw.SIGN_TALLY_MEMBERS, dw.SIGN_NOTE, dw.SIGN_BLANK_NAME, extra=dw.SIGN_BLANK_NAME),
                   Sign(dw.SIGN_TALLY_HEAD, dw.SIGN_NOTE, dw.SIGN_BLANK_NAME), keep=True)
    return doc
