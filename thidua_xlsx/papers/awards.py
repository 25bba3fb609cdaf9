"""The Danh sách đề nghị of the awards that rest on earlier years (Bằng khen of the provincial chair, Kỷ niệm chương
"Vì sự nghiệp giáo dục"; docs/domain.md §4c), from the history read with ``--history``: one table per award, people then
departments, each line with the years it rests on. CSTĐ cấp tỉnh is a title: it has its own hồ sơ, as every title."""

from __future__ import annotations

from thidua_xlsx.model.history import BK_TINH
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import AWARDS
from thidua_xlsx.papers.docx_engine import Paper, Sign, numbered
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.write.summary.content import MULTI_YEAR_AWARDS

ORDER = MULTI_YEAR_AWARDS  # the forms proposed, highest first: as the summary's Tờ trình counts them


def proposed(s: Facts) -> dict[str, list[list[str]]]:
    """Award → the lines proposed (name, position, department, the years or the grounds), in the summary's order;
    awards nobody is proposed for are left out."""
    history = s.s.history
    if history is None:
        return {}
    found: dict[str, list[list[str]]] = {}
    for p in s.s.people:
        for d in history.people.get(p.code, ()):
            if d.granted and d.title in ORDER:
                found.setdefault(d.title, []).append([p.name, p.position, p.department_name,
                                                      _grounds(d, p.code in s.provisional)])
    for unit in s.s.departments:
        for d in history.departments.get(unit.code, ()):
            if d.granted and d.title in ORDER:
                found.setdefault(d.title, []).append([dw.AWARDS_COLLECTIVE.format(name=unit.name), "", "",
                                                      _grounds(d, unit.code in s.provisional_units)])
    return {award: found[award] for award in ORDER if award in found}


def _grounds(d, provisional: bool) -> str:
    """The decision's first reason; a Bằng khen counts this year's title or rating, so one resting on a rating not
    yet decided says it is provisional (the Kỷ niệm chương counts years in the sector only)."""
    grounds = d.reasons[0].text if d.reasons else ""
    if provisional and d.title == BK_TINH:
        return "; ".join(n for n in (grounds, dw.NOTES["provisional"]) if n)
    return grounds


def paper(s: Facts) -> Paper:
    lists = proposed(s)
    noted = any(row[-1].endswith(dw.NOTES["provisional"]) for rows in lists.values() for row in rows)
    provisional = dw.LIST_PROVISIONAL if noted else ""
    doc = Paper(s, dw.DOC_NAMES[AWARDS], dw.AWARDS_TITLE.format(year=s.year), landscape=True)
    doc.centered(dw.LIST_SUBTITLE.format(school=s.school.name), italic=True, space_after=8)
    widths = doc.name_widths((14, 60, 36, 40, 120), 3, [row[2] for rows in lists.values() for row in rows])
    for n, (award, rows) in enumerate(lists.items()):
        doc.para(dw.AWARDS_HEAD.format(n=n + 1, award=title_name(award), count=len(rows)), bold=True)
        if n < len(lists) - 1:
            doc.table(dw.AWARDS_TABLE_HEAD, numbered(rows), widths, aligns="cllll")
        else:  # the last table ends with the signatures, kept on its page
            doc.list_table(dw.AWARDS_TABLE_HEAD, numbered(rows), widths, aligns="cllll",
                           total=dw.AWARDS_TOTAL.format(count=sum(map(len, lists.values()))) + provisional,
                           left=Sign(dw.SIGN_MAKER, dw.SIGN_NOTE, s.school.secretary),
                           right=Sign(dw.SIGN_HEAD, dw.SIGN_NOTE_SEAL, s.school.principal))
    return doc
