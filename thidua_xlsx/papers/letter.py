"""The Tờ trình (Mẫu 01, Nghị định 152/2025/NĐ-CP): the school asks for the titles it proposes."""

from __future__ import annotations

from thidua_xlsx.decide.ballots import vote_percent
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers import awards
from thidua_xlsx.papers.document_set import LETTER
from thidua_xlsx.papers.docx_engine import TITLE_PT, Paper, Receivers, Sign
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.workbook import DATE_LINE_BLANK


def paper(s: Facts) -> Paper:
    """Tờ trình (Mẫu 01, Nghị định 152/2025/NĐ-CP)."""
    school = s.school
    doc = Paper(s, dw.DOC_NAMES[LETTER], dw.LETTER_TITLE, number=dw.LETTER_NUMBER)
    doc.centered(dw.LETTER_SUBJECT.format(year=s.year), bold=True, size=TITLE_PT)
    doc.rule_paragraph(40)
    doc.centered(dw.LETTER_TO.format(recipient=school.recipient), size=TITLE_PT, space_before=6, space_after=12)
    fill = {"school": school.name, "recipient": school.recipient, "year": s.year, "blank_date": DATE_LINE_BLANK}
    for line in s.c.legal_basis if s.c else ():  # legal texts only: the tool's note of its rules stays in the summary
        doc.para(line, italic=True)
    doc.para(dw.LETTER_APPROVED.format(**fill), italic=True)
    doc.para(_review(s))
    doc.para(dw.LETTER_REQUEST.format(**fill))
    proposed_counts(doc, s, dw.LETTER_INDIVIDUAL_HEAD, dw.LETTER_INDIVIDUAL, dw.LETTER_COLLECTIVE_HEAD,
                    dw.LETTER_COLLECTIVE, dw.LETTER_NONE)
    multi_year = awards.proposed(s)
    if multi_year:
        doc.para(dw.LETTER_AWARDS_HEAD, bold=True)
        for award, rows in multi_year.items():
            doc.para(dw.LETTER_AWARDS.format(award=title_name(award), count=len(rows)))
    if s.provisional_text():
        doc.para(s.provisional_text(), italic=True)
    lists = bool(s.individual or s.collective or multi_year)  # a list paper per title proposed (papers.dossiers)
    if lists:
        doc.para(dw.LETTER_ATTACHED, italic=True, indent=False, align="center")
    reports = (dw.LETTER_FILES_REPORTS.format(title=title_name(CSTDCS)) if s.individual.get(CSTDCS) else "")
    # the last paragraph goes over with the closing line and the signature: never a page of 'Kính trình' alone
    last = doc.para(dw.LETTER_FILES.format(lists=dw.LETTER_FILES_LISTS if lists else "",
                                           tally=dw.LETTER_FILES_TALLY if s.ballot else "", reports=reports), keep=True)
    last.paragraph_format.keep_together = True
    doc.para(dw.LETTER_CLOSE.format(**fill), keep=True)
    doc.signatures(Receivers(dw.RECEIVERS_HEAD, dw.RECEIVERS),
                   Sign(dw.SIGN_PRINCIPAL, dw.SIGN_NOTE_SEAL, school.principal), shares=(0.45, 0.55), keep=True)
    return doc


def _review(s: Facts) -> str:
    """How the council reviewed: who was present (blank to fill when not counted), the ballot, and — every title put
    to a vote passed, the quorum met — the titles voted and the share they needed."""
    t = s.tally
    present = (dw.LETTER_PRESENT.format(present=t.present, members=t.members)
               if t is not None and t.present is not None and t.members else dw.VOTES_BLANK)
    review = dw.LETTER_REVIEW.format(school=s.school.name, present=present,
                                     tally=dw.LETTER_REVIEW_TALLY if s.ballot else "")
    voted = _voted(s)
    if voted and t is not None and t.quorum_met and _all_passed(s, voted):
        review += dw.LETTER_REVIEW_VOTED.format(titles=", ".join(map(title_name, voted)),
                                                percent=" / ".join(dict.fromkeys(s.percent_text(v) for v in voted)))
    return review


def _voted(s: Facts) -> list[str]:
    """The titles proposed that are put to a vote, people's then departments'."""
    voted = [title for title in s.individual if vote_percent(title, s.rules) is not None]
    return voted + [title for title in s.collective if vote_percent(title, s.rules) is not None]


def _all_passed(s: Facts, voted: list[str]) -> bool:
    """Every vote on the titles ``voted`` was held and passed (at least one)."""
    results = [s.result(p.code, title) for title in voted for p, _ in s.individual.get(title, ())]
    results += [s.result(d.code, title) for title in voted for d in s.collective.get(title, ())]
    return bool(results) and all(r is not None and r.passed for r in results)


def proposed_counts(doc: Paper, s: Facts, individual_head: str, individual: str, collective_head: str,
                    collective: str, none: str) -> None:
    """How many are proposed for each title, people then departments (the Tờ trình and the Biên bản
    say it alike, in their own words)."""
    doc.para(individual_head, bold=True)
    for title, chosen in s.individual.items():
        doc.para(individual.format(title=title_name(title), count=len(chosen)))
    if not s.individual:
        doc.para(none)
    doc.para(collective_head, bold=True)
    for title, units in s.collective.items():
        doc.para(collective.format(title=title_name(title), count=len(units), names=", ".join(d.name for d in units)))
    if not s.collective:
        doc.para(none)
