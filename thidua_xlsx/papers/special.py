"""The Tờ trình of the đột xuất and chuyên đề awards, with its list: papers of their own, never part of the year's
hồ sơ, as these awards never count toward the titles or the higher awards (NĐ 152/2025 điều 4 khoản 3)."""

from __future__ import annotations

from thidua_xlsx.papers.document_set import SPECIAL
from thidua_xlsx.papers.docx_engine import TITLE_PT, Paper, Receivers, Sign, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.write.summary.content import special_rows


def paper(s: Facts) -> Paper:
    school = s.school
    rows = special_rows(s.c)
    doc = Paper(s, dw.DOC_NAMES[SPECIAL], dw.LETTER_TITLE, number=dw.LETTER_NUMBER)
    doc.centered(dw.SPECIAL_SUBJECT.format(year=s.year), bold=True, size=TITLE_PT)
    doc.rule_paragraph(40)
    doc.centered(dw.LETTER_TO.format(recipient=school.recipient), size=TITLE_PT, space_before=6, space_after=12)
    for line in s.c.legal_basis:
        doc.para(line, italic=True)
    doc.para(dw.SPECIAL_REQUEST.format(school=school.name, recipient=school.recipient, count=len(rows)))
    doc.para(dw.SPECIAL_NOT_COUNTED, italic=True)
    doc.table(dw.SPECIAL_HEAD, numbered([[str(v or "") for v in row] for row in rows]),
              (13, 29, 22, 21, 37, 25, 22), aligns="cllllll")
    doc.para(dw.LIST_TOTAL.format(count=len(rows), unit=dw.UNIT_CASE), italic=True, space_before=4)
    doc.para(dw.LETTER_CLOSE.format(recipient=school.recipient), keep=True)
    doc.signatures(Receivers(dw.RECEIVERS_HEAD, dw.RECEIVERS),
                   Sign(dw.SIGN_PRINCIPAL, dw.SIGN_NOTE_SEAL, school.principal), shares=(0.45, 0.55), keep=True)
    return doc
