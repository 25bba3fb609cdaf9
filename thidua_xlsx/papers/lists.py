"""The Danh sách đề nghị of one title: the people, or the departments for a collective title."""

from __future__ import annotations

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.results import Decision, DepartmentResult
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import LIST
from thidua_xlsx.papers.docx_engine import Paper, Sign, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.wording import initiative_text, short_note


def paper(s: Facts, title: str) -> Paper:
    """Danh sách đề nghị of one title (landscape): people, or departments for a collective title."""
    name = title_name(title)
    doc = Paper(s, dw.DOC_NAMES[LIST].format(title=name), dw.LIST_TITLE.format(title=name.upper(), year=s.year),
                landscape=True)
    doc.centered(dw.LIST_SUBTITLE.format(school=s.school.name), italic=True, space_after=8)
    heads: tuple[str, ...]
    widths: tuple[float, ...]
    if title in s.individual:
        chosen = s.individual[title]
        rows = [[p.name, p.position, p.department_name, p.facts.rating or "", initiative_text(p.facts),
                 s.votes_text(p.code, title), s.note(p, d, title)] for p, d in chosen]
        heads, widths, aligns = dw.LIST_HEAD, (14, 44, 28, 38, 26, 44, 24, 34), "clllclcl"
        widths = doc.name_widths(widths, 3, [p.department_name for p, _ in chosen])
        count, unit = len(chosen), dw.UNIT_PERSON
        provisional = any(p.code in s.provisional for p, _ in chosen)
    else:
        units = s.collective[title]
        rows = []
        for d in units:  # the decision's own counts: its members here when it is decided (decide.consolidate)
            share = dw.PERCENT.format(value=cm.num_text(round(100 * d.ldtt / d.members, 1))) if d.members else ""
            notes = [short_note(_granted(d, title)),
                     dw.NOTES["provisional"] if d.code in s.provisional_units else "", *s.vote_notes(d.code, title)]
            rows.append([d.name, str(d.members), str(d.ldtt), share, str(d.cstdcs),
                         s.heads.get(d.code, ""), s.votes_text(d.code, title), "; ".join(n for n in notes if n)])
        heads, widths, aligns = dw.LIST_HEAD_COLLECTIVE, (14, 48, 20, 20, 22, 24, 40, 28, 36), "clcccclcl"
        widths = doc.name_widths(widths, 1, [d.name for d in units])
        count, unit = len(units), dw.UNIT_COLLECTIVE
        provisional = any(d.code in s.provisional_units for d in units)
    total = dw.LIST_TOTAL.format(count=count, unit=unit) + (dw.LIST_PROVISIONAL if provisional else "")
    doc.list_table(heads, numbered(rows), widths, aligns=aligns, total=total,
                   left=Sign(dw.SIGN_MAKER, dw.SIGN_NOTE, s.school.secretary),
                   right=Sign(dw.SIGN_HEAD, dw.SIGN_NOTE_SEAL, s.school.principal))
    return doc


def _granted(d: DepartmentResult, title: str) -> Decision:
    return next(x for x in d.decisions if x.title == title and x.granted)
