"""The Phiếu bầu of one title: what each council member marks in the secret ballot."""

from __future__ import annotations

from thidua_xlsx.model.council import Candidate
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import BALLOT
from thidua_xlsx.papers.docx_engine import BODY_PT, Paper, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw


def paper(s: Facts, title: str, chosen: list[Candidate]) -> Paper:
    """Phiếu bầu of one title: the candidates, "Đồng ý" / "Không đồng ý", no voter's name; print as many as
    there are members."""
    name = title_name(title)
    doc = Paper(s, dw.DOC_NAMES[BALLOT].format(title=name), dw.BALLOT_TITLE, date=False, council=True)
    doc.centered(dw.BALLOT_SUBTITLE.format(title=name, year=s.year), bold=True, size=BODY_PT, space_after=10)
    for line in dw.BALLOT_RULES:
        doc.para(line.format(percent=s.percent_text(title)), italic=True)
    rows = [[c.name, c.department if c.department != c.name else "", "", ""] for c in chosen]
    widths = doc.name_widths((14, 55, 40, 26, 30), 2, [row[1] for row in rows])
    doc.table(dw.BALLOT_HEAD, numbered(rows), widths, aligns="cllcc", row_height_mm=10)
    return doc
