"""The Báo cáo thành tích cá nhân (Mẫu 05, Nghị định 152/2025/NĐ-CP), one per CSTĐCS proposed."""

from __future__ import annotations

from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import REPORT
from thidua_xlsx.papers.docx_engine import BODY_PT, Paper, Sign
from thidua_xlsx.papers.facts import Facts, points
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.wording import day_text


def paper(s: Facts, p: PersonResult, title: str) -> Paper:
    """Báo cáo thành tích cá nhân (Mẫu 05, Nghị định 152/2025/NĐ-CP), pre-filled with what the campaign
    knows; the parts only the person can write are dotted lines."""
    doc = Paper(s, dw.DOC_NAMES[REPORT].format(name=p.name), dw.REPORT_TITLE)
    doc.centered(dw.REPORT_SUBTITLE.format(title=title_name(title).upper()), bold=True, size=BODY_PT)
    doc.centered(dw.REPORT_YEAR.format(year=s.year), bold=True, size=BODY_PT, space_after=12)
    person = s.staff.get(p.code)
    f = p.facts
    doc.para(dw.REPORT_PART_1, bold=True, indent=False)
    doc.para(dw.REPORT_NAME.format(name=p.name), indent=False)
    dob = day_text(person.dob) if person is not None and person.dob else ""
    gender = person.gender if person is not None else ""
    doc.pair(dw.REPORT_BORN.format(dob=dob), dw.REPORT_GENDER.format(gender=gender), blank_first=not dob,
             blank_second=not gender)
    for label in dw.REPORT_BLANKS_1:
        doc.dotted(label)
    doc.para(dw.REPORT_UNIT.format(department=p.department_name, school=s.school.name), indent=False)
    if p.position:
        doc.para(dw.REPORT_POSITION.format(position=p.position), indent=False)
    else:
        doc.dotted(dw.REPORT_POSITION.format(position="").rstrip())
    for label in dw.REPORT_BLANKS_2:
        doc.dotted(label)
    doc.para(dw.REPORT_PART_2, bold=True, indent=False, space_before=6)
    doc.para(dw.REPORT_DUTIES, bold=True, indent=False)
    doc.dotted("", lines=dw.REPORT_DUTY_LINES)
    doc.para(dw.REPORT_RESULTS, bold=True, indent=False)
    if f.rating:
        said = dw.REPORT_RATING_PROVISIONAL if p.code in s.provisional else dw.REPORT_RATING
        doc.para(said.format(year=s.year, words=dw.RATING_WORDS.get(f.rating, f.rating), rating=f.rating), indent=False)
    else:
        doc.dotted(dw.REPORT_RATING_BLANK.format(year=s.year))
    if p.final is not None:
        doc.para(dw.REPORT_SCORE.format(year=s.year, score=points(p.final), classification=p.classification),
                 indent=False)
    else:
        doc.dotted(dw.REPORT_SCORE_BLANK.format(year=s.year))
    if f.initiative and f.initiative_decision:
        doc.para(dw.REPORT_INITIATIVE.format(initiative=f.initiative, level=f.initiative_level or dw.DOTS,
                                             decision=f.initiative_decision), indent=False)
    else:
        doc.dotted(dw.REPORT_INITIATIVE_BLANK)
    doc.dotted(dw.REPORT_WRITE, lines=dw.REPORT_WRITE_LINES)
    doc.dotted(dw.REPORT_ETHICS, lines=2)
    doc.para(dw.REPORT_PART_3, bold=True, indent=False, space_before=6)
    titles, forms = _awarded(s, p)
    for heading, heads, known in ((dw.REPORT_TITLES, dw.REPORT_TITLES_HEAD, titles),
                                  (dw.REPORT_AWARDS, dw.REPORT_AWARDS_HEAD, forms)):
        doc.para(heading, bold=True, indent=False, keep=True)
        blank = [["", "", ""] for _ in range(max(1, dw.REPORT_HISTORY_ROWS - len(known)))]  # what the history lacks
        doc.table(heads, [*known, *blank], (25, 60, 80), aligns="cll", row_height_mm=8,  # room to write by hand
                  keep_end=heads is dw.REPORT_AWARDS_HEAD)
        doc.para("", space_after=0)
    own = bool(s.school.principal) and fold(p.name) == fold(s.school.principal)  # nobody confirms their own report
    doc.signatures(Sign(dw.SIGN_CONFIRM_ABOVE, dw.SIGN_NOTE_SEAL, dw.SIGN_BLANK_NAME) if own else
                   Sign(dw.SIGN_CONFIRM, dw.SIGN_NOTE_SEAL, s.school.principal),
                   Sign(dw.SIGN_REPORTER, dw.SIGN_NOTE, p.name), keep=True)
    return doc


def _awarded(s: Facts, p: PersonResult) -> tuple[list[list[str]], list[list[str]]]:
    """Part III's rows the history read (``--history``) gives: each earlier year's titles, then its forms; the
    decision's number and date the history does not keep, left to write."""
    years = s.s.history.awarded.get(p.code, ()) if s.s.history is not None else ()
    return ([[y.year, "; ".join(title_name(t) for t in y.titles), ""] for y in years if y.titles],
            [[y.year, "; ".join(title_name(f) for f in y.forms), ""] for y in years if y.forms])
