"""The papers as Word documents and PDF, in Nghị định 30/2020 form, gathered into one hồ sơ per title.

``write_documents(summary, folder)`` writes, from a :class:`~thidua_xlsx.decide.consolidate.Summary`:

* in ``folder``: the Tờ trình (Mẫu 01 of Nghị định 152/2025), the Biên bản họp bình xét with the
  ballot result, and — when a title is put to a vote — the Biên bản kiểm phiếu and one Phiếu bầu per
  title; these are shared by every hồ sơ;
* one folder per title proposed (``Chien-si-thi-dua-co-so/``, ``Lao-dong-tien-tien/``,
  ``Tap-the-lao-dong-tien-tien/``…): the Danh sách đề nghị, for CSTĐCS a pre-filled Báo cáo thành
  tích (Mẫu 05) per person, and ``Danh-muc-ho-so.txt``, the checklist of the hồ sơ with what must
  still be attached per person (QĐ 638/QĐ-BNV: the sáng kiến decision, the HTXSNV certificate);
* a PDF beside each .docx (one LibreOffice run for all of them), when asked and LibreOffice is there.

What the papers carry comes from the summary's decisions (the council pass applies the vote to
them); the tally fills in the votes, and a proposal it turned down before any council pass is marked
on its list and named in ``DocumentSet.warnings``, never dropped silently. The internal list of people not proposed, with its
reasons, stays in the Excel summary: no paper names anyone who is not proposed.

Existing files of the same names are replaced (a PDF of an earlier run beside a paper is removed when no
new one is made); nothing else in ``folder`` is touched. The caller decides whether a folder that already
holds papers may be written over: a Báo cáo thành tích someone has filled in carries the same name.

python-docx quirks handled here: its default template carries a Word 2010 ``stylesWithEffects``
part whose defaults differ from ``styles.xml`` (an Open XML validator flags it) and a thumbnail of
some other document: both are dropped. It has no API for paragraph borders (the short rules under
the school's name and the motto), repeated header rows, rows that must not split or page-number
fields: those few elements are added with its ``OxmlElement``, in the schema's order.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.text import documents as tx
from thidua_xlsx.model import layout as ly
from thidua_xlsx.decide import rules
from thidua_xlsx.decide.ballots import Candidate, VoteResult, candidates as ballot_candidates, needed_votes, vote_percent
from thidua_xlsx.decide.consolidate import DepartmentResult, PersonResult, Summary, by_department
from thidua_xlsx.model.issues import Reason
from thidua_xlsx.text.wording import date_line, day_text, initiative_text, short_note
from thidua_xlsx.write.summary.content import COLLECTIVE_ORDER, criteria_line, proposal_lists, school_of, \
    titles_in_order
from thidua_xlsx.write.engine import FIXED_DATE, FONT
from thidua_xlsx.text.workbook import DATE_LINE_BLANK

LETTER, MINUTES, TALLY, LIST, REPORT, BALLOT, CHECKLIST = (
    "letter", "minutes", "tally", "list", "report", "ballot", "checklist")

# Nghị định 30/2020, Phụ lục I: A4; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT, TABLE_PT, HEADER_PT, TITLE_PT = 13, 12, 12, 14
RECEIVERS_HEAD_PT, RECEIVERS_PT = 12, 11
SIGN_SPACE_LINES = 4  # blank lines left to sign in
# The national motto's column: wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in bold 12 on one line even
# where Times New Roman is missing and LibreOffice falls back on a wider serif (DejaVu Serif); the school's
# block takes the rest of the line (its name may wrap, as in most schools' papers).
HEADER_RIGHT_MM = {False: 110, True: 140}  # portrait, landscape (the motto: 85 mm in Times, 103 mm in DejaVu)
PDF_TIMEOUT = 90  # seconds for one LibreOffice run, plus PDF_TIMEOUT_PER_FILE per document
PDF_TIMEOUT_PER_FILE = 15


@dataclass(frozen=True)
class Document:
    kind: str  # LETTER, MINUTES, TALLY, LIST, REPORT, BALLOT or CHECKLIST
    name: str  # what it is, in words
    path: Path  # the .docx (the checklist: a .txt)
    pdf: Path | None = None  # the PDF beside it, when one was written


@dataclass(frozen=True)
class Attachment:
    """A paper the school must add to a hồ sơ for one person (or department): not made by the tool."""

    code: str
    name: str
    department: str
    what: str  # a key of documents_text.ATTACHMENTS
    text: str  # what to attach, in words


@dataclass(frozen=True)
class Dossier:
    """The hồ sơ of one title: its folder, its papers in filing order (the shared ones from the top
    folder first), what must still be attached, and the checklist file saying all that."""

    title: str
    collective: bool
    folder: Path
    documents: tuple[Document, ...]
    attachments: tuple[Attachment, ...]
    checklist: Path


@dataclass(frozen=True)
class DocumentSet:
    folder: Path
    shared: tuple[Document, ...]  # in the top folder: Tờ trình, Biên bản họp, Biên bản kiểm phiếu, Phiếu bầu
    dossiers: tuple[Dossier, ...]  # one per title proposed
    missing_pdfs: tuple[Path, ...] = ()  # .docx written without a PDF beside it
    pdf_problem: str = ""  # why those PDFs are missing, in words ("" when none is, or none was asked)
    warnings: tuple[str, ...] = ()  # what the secretary should know before printing, in words

    @property
    def documents(self) -> tuple[Document, ...]:
        """Every file written, each once (shared papers first, then each hồ sơ's own, checklists included)."""
        found = {d.path: d for d in self.shared}
        for dossier in self.dossiers:
            for d in dossier.documents:
                found.setdefault(d.path, d)
            found.setdefault(dossier.checklist, Document(CHECKLIST, tx.DOC_NAMES[CHECKLIST], dossier.checklist))
        return tuple(found.values())


def write_documents(summary: Summary, folder: Path, *, pdf: bool = True) -> DocumentSet:
    """Write the papers of ``summary`` into ``folder`` (created if needed); see the module docstring."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    s = _Facts(summary)
    planned: list[tuple[str, str, Path]] = [(LETTER, tx.DOC_NAMES[LETTER], folder / f"{tx.FILE_LETTER}.docx"),
                                           (MINUTES, tx.DOC_NAMES[MINUTES], folder / f"{tx.FILE_MINUTES}.docx")]
    _letter(s).save(planned[0][2])
    _minutes(s).save(planned[1][2])
    if s.ballot:
        path = folder / f"{tx.FILE_TALLY}.docx"
        _tally(s).save(path)
        planned.append((TALLY, tx.DOC_NAMES[TALLY], path))
        for title, chosen in s.ballot.items():
            path = folder / f"{tx.FILE_BALLOT.format(title=ascii_name(title))}.docx"
            _ballot(s, title, chosen).save(path)
            planned.append((BALLOT, tx.DOC_NAMES[BALLOT].format(title=title), path))
    shared_count = len(planned)
    own: dict[str, list[tuple[str, str, Path]]] = {}
    for title in [*s.individual, *s.collective]:
        sub = folder / ascii_name(title)
        sub.mkdir(exist_ok=True)
        path = sub / f"{tx.FILE_LIST.format(title=ascii_name(title))}.docx"
        _list(s, title).save(path)
        own[title] = [(LIST, tx.DOC_NAMES[LIST].format(title=title), path)]
        if title == rules.CSTDCS:
            for p, path in _report_paths(sub, [p for p, _ in s.individual[title]]):
                _report(s, p, title).save(path)
                own[title].append((REPORT, tx.DOC_NAMES[REPORT].format(name=p.name), path))
        planned.extend(own[title])
    for _, _, path in planned:  # a PDF beside a paper is always the PDF of that paper, never of an earlier run
        path.with_suffix(".pdf").unlink(missing_ok=True)
    pdfs: dict[Path, Path] = {}
    problem = ""
    if pdf:
        pdfs, problem = convert_pdfs([path for _, _, path in planned])
    documents = {path: Document(kind, name, path, pdfs.get(path)) for kind, name, path in planned}
    shared = tuple(documents[path] for _, _, path in planned[:shared_count])
    dossiers = []
    for title, files in own.items():
        collective = title in s.collective
        mine = tuple(documents[path] for _, _, path in files)
        papers = tuple(d for d in shared if d.kind != BALLOT) + mine
        attachments = _attachments(s, title)
        checklist = folder / ascii_name(title) / tx.FILE_CHECKLIST
        _write_text(checklist, _checklist(s, title, papers, attachments, folder))
        dossiers.append(Dossier(title, collective, checklist.parent, papers, attachments, checklist))
    missing = tuple(path for _, _, path in planned if path not in pdfs) if pdf else ()
    return DocumentSet(folder, shared, tuple(dossiers), missing, problem if missing else "", s.warnings())


# --- what the papers say, worked out once -------------------------------------------------------

class _Facts:
    """The summary seen by the papers: the lists per title (the counts are their lengths), the
    ballot, the tally's votes and the short notes."""

    def __init__(self, summary: Summary):
        self.s = summary
        self.c = summary.campaign
        self.school = school_of(summary)
        self.year = self.school.school_year
        self.rules = self.c.rules if self.c else cm.Rules()
        self.tally = summary.tally
        self.created = summary.newest_input or FIXED_DATE
        people = list(summary.people)
        self.individual: dict[str, list[tuple[PersonResult, rules.Decision]]] = proposal_lists(people)
        found = {d.proposed for d in summary.departments if d.proposed}
        self.collective: dict[str, list[DepartmentResult]] = {
            t: [d for d in summary.departments if d.proposed == t] for t in titles_in_order(COLLECTIVE_ORDER, found)}
        self.members: dict[str, list[PersonResult]] = by_department(people)
        self.staff = {p.code: p for p in self.c.staff} if self.c else {}
        self.heads = {d.code: d.head for d in self.c.departments} if self.c else {}
        self.ballot = self._ballot()

    def _ballot(self) -> dict[str, list[Candidate]]:
        """Who was (or is to be) voted on, per title: those on the ballot now and, after a council pass,
        also those the vote turned down (no longer proposed, still in the minutes)."""
        s = self.s
        found = {(c.code, c.title): c for c in ballot_candidates(s.people, s.departments, self.rules)}
        people = {p.code: p for p in s.people}
        units = {d.code: d for d in s.departments}
        for r in (self.tally.results if self.tally else ()):
            if (r.code, r.title) in found:
                continue
            if r.code in people:
                p = people[r.code]
                found[(r.code, r.title)] = Candidate(r.code, p.name, p.department_name, r.title)
            elif r.code in units:
                found[(r.code, r.title)] = Candidate(r.code, units[r.code].name, units[r.code].name, r.title)
        order = {code: k for k, code in enumerate([*people, *units])}
        by_title: dict[str, list[Candidate]] = {}
        for c in sorted(found.values(), key=lambda c: order.get(c.code, len(order))):
            by_title.setdefault(c.title, []).append(c)
        return by_title

    # --- votes ---

    def percent_text(self, title: str) -> str:
        return tx.PERCENT.format(value=cm.num_text(round(vote_percent(title, self.rules), 2)))

    def result(self, code: str, title: str) -> VoteResult | None:
        return self.tally.result(code, title) if self.tally else None

    @property
    def members_count(self) -> int | None:
        return self.tally.members if self.tally else None

    def votes_text(self, code: str, title: str) -> str:
        if vote_percent(title, self.rules) is None:
            return tx.NOT_VOTED
        r, members = self.result(code, title), self.members_count
        if r is None or r.votes is None or not members:
            return tx.VOTES_BLANK
        return tx.VOTES.format(votes=r.votes, members=members, share=cm.num_text(round(100 * r.votes / members, 1)))

    def share_text(self, r: VoteResult | None) -> str:
        members = self.members_count
        if r is None or r.votes is None or not members:
            return tx.DOTS
        return tx.PERCENT.format(value=cm.num_text(round(100 * r.votes / members, 1)))

    def needed(self, title: str) -> int | None:
        members = self.members_count
        return needed_votes(members, vote_percent(title, self.rules)) if members else None

    def vote_row(self, c: Candidate, title: str) -> list[str]:
        """Name, department, votes, share of all members and result of one line of a ballot."""
        r = self.result(c.code, title)
        votes = str(r.votes) if r is not None and r.votes is not None else tx.DOTS
        return [c.name, c.department if c.department != c.name else "", votes, self.share_text(r),
                tx.VOTE_RESULT[r.passed if r is not None else None]]

    # --- notes and grounds ---

    def note(self, p: PersonResult, d: rules.Decision, title: str) -> str:
        notes = []
        if title == rules.CSTDCS:
            excellent, initiative = self.grounds(p, d)
            key = ("excellent_initiative" if excellent and initiative else "excellent" if excellent else
                   "initiative" if initiative else "")
            if key:
                notes.append(tx.NOTES[key])
        elif title == rules.LDTT:
            if p.facts.maternity_months:
                notes.append(tx.NOTES["maternity"].format(months=cm.num_text(p.facts.maternity_months)))
            if p.granted(rules.CSTDCS):
                notes.append(tx.NOTES["also"].format(title=tx.TITLE_SHORT.get(rules.CSTDCS, rules.CSTDCS)))
        notes.append(short_note(d))  # "Hội đồng quyết định" when the council decided, as on the summary's lists
        notes += self.vote_notes(p.code, title)
        return "; ".join(n for n in notes if n)

    def vote_notes(self, code: str, title: str) -> list[str]:
        r = self.result(code, title)
        if r is None:
            return []
        if self.tally.quorum_met is False:
            return [tx.NOTES["no_quorum"]]
        return [tx.NOTES["vote_failed"]] if r.passed is False else []

    def grounds(self, p: PersonResult, d: rules.Decision) -> tuple[bool, bool]:
        """What a CSTĐCS rests on: (the HTXSNV rating, a recognised sáng kiến), from the decision's
        reasons; from the facts when the decision does not say (a council's decision)."""
        codes = _reason_codes(d.reasons)
        if "cstdcs.excellent" in codes or "cstdcs.initiative" in codes:
            return "cstdcs.excellent" in codes, "cstdcs.initiative" in codes
        f = p.facts
        return f.rating == "HTXSNV", bool(f.initiative and f.initiative_decision)

    def warnings(self) -> tuple[str, ...]:
        found = []
        t = self.tally
        if t is not None and t.quorum_met is False:
            found.append(tx.WARN_NO_QUORUM.format(present=t.present, members=t.members, needed=t.quorum_needed))
        proposed = [(p.code, p.name, title) for title, chosen in self.individual.items() for p, _ in chosen]
        proposed += [(d.code, d.name, title) for title, units in self.collective.items() for d in units]
        for code, name, title in proposed:
            r = self.result(code, title)
            if r is not None and r.passed is False:
                found.append(tx.WARN_VOTE_FAILED.format(name=name, title=title, votes=r.votes, members=t.members,
                                                        needed=r.needed))
        return tuple(found)

    # --- counts ---


def _reason_codes(reasons) -> set[str]:
    found, todo = set(), list(reasons)
    while todo:
        r = todo.pop()
        found.add(r.code)
        for _, value in r.params:
            if isinstance(value, Reason):
                todo.append(value)
            elif isinstance(value, tuple):
                todo.extend(v for v in value if isinstance(v, Reason))
    return found


def ascii_name(text: str) -> str:
    """'Chiến sĩ thi đua cơ sở' → 'Chien-si-thi-dua-co-so': no diacritics (đ → d), words joined by '-'."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in plain).split()
    return "-".join(words) or "_"


def _report_paths(folder: Path, people: list[PersonResult]) -> list[tuple[PersonResult, Path]]:
    """One file per person, named after the person; two people of the same name get their codes added."""
    names = [ascii_name(p.name) for p in people]
    count = Counter(names)
    found = []
    for p, name in zip(people, names):
        if count[name] > 1:
            name = f"{name}_{ascii_name(p.code)}"
        found.append((p, folder / f"{tx.FILE_REPORT.format(name=name)}.docx"))
    return found


# --- the papers ---------------------------------------------------------------------------------

def _letter(s: _Facts) -> _Paper:
    """Tờ trình (Mẫu 01, Nghị định 152/2025/NĐ-CP)."""
    school = s.school
    doc = _Paper(s, tx.DOC_NAMES[LETTER], tx.LETTER_TITLE, number=tx.LETTER_NUMBER)
    doc.centered(tx.LETTER_SUBJECT.format(year=s.year), bold=True, size=TITLE_PT)
    doc.rule_paragraph(40)
    doc.centered(tx.LETTER_TO.format(recipient=school.recipient), size=TITLE_PT, space_before=6, space_after=12)
    fill = {"school": school.name, "recipient": school.recipient, "year": s.year, "blank_date": DATE_LINE_BLANK}
    for line in (s.c.legal_basis if s.c else ()):
        doc.para(line, italic=True)
    doc.para(tx.LETTER_APPROVED.format(**fill), italic=True)
    t = s.tally
    present = (tx.LETTER_PRESENT.format(present=t.present, members=t.members)
               if t is not None and t.present is not None and t.members else tx.VOTES_BLANK)
    review = tx.LETTER_REVIEW.format(school=school.name, present=present,
                                     tally=tx.LETTER_REVIEW_TALLY if s.ballot else "")
    voted = [title for title in s.individual if vote_percent(title, s.rules) is not None]
    voted += [title for title in s.collective if vote_percent(title, s.rules) is not None]
    results = [s.result(p.code, title) for title in voted for p, _ in s.individual.get(title, ())]
    results += [s.result(d.code, title) for title in voted for d in s.collective.get(title, ())]
    if voted and t is not None and t.quorum_met and results and all(r is not None and r.passed for r in results):
        review += tx.LETTER_REVIEW_VOTED.format(titles=", ".join(voted),
                                                percent=" / ".join(dict.fromkeys(s.percent_text(v) for v in voted)))
    doc.para(review)
    doc.para(tx.LETTER_REQUEST.format(**fill))
    _proposed_counts(doc, s, tx.LETTER_INDIVIDUAL_HEAD, tx.LETTER_INDIVIDUAL, tx.LETTER_COLLECTIVE_HEAD,
                     tx.LETTER_COLLECTIVE, tx.LETTER_NONE)
    doc.para(tx.LETTER_ATTACHED, italic=True, indent=False, align="center")
    reports = (tx.LETTER_FILES_REPORTS.format(title=rules.CSTDCS) if s.individual.get(rules.CSTDCS) else "")
    doc.para(tx.LETTER_FILES.format(tally=tx.LETTER_FILES_TALLY if s.ballot else "", reports=reports))
    doc.para(tx.LETTER_CLOSE.format(**fill), keep=True)
    doc.signatures(_Receivers(tx.RECEIVERS_HEAD, tx.RECEIVERS),
                   _Sign(tx.SIGN_PRINCIPAL, tx.SIGN_NOTE_SEAL, school.principal), shares=(0.45, 0.55), keep=True)
    return doc


def _minutes(s: _Facts) -> _Paper:
    """Biên bản họp bình xét, with the ballot result (QĐ 638/QĐ-BNV)."""
    school, t = s.school, s.tally
    doc = _Paper(s, tx.DOC_NAMES[MINUTES], tx.MINUTES_TITLE.format(year=s.year), number=tx.MINUTES_NUMBER)
    doc.para(tx.MINUTES_TIME.format(date=DATE_LINE_BLANK))
    doc.para(tx.MINUTES_PLACE.format(school=school.name))
    doc.para(tx.MINUTES_PART_1, bold=True, indent=False)
    doc.para(tx.MINUTES_CHAIR.format(principal=school.principal or tx.DOTS_LONG))
    doc.para(tx.MINUTES_SECRETARY.format(secretary=school.secretary or tx.DOTS_LONG))
    if t is not None and t.members and t.present is not None:
        doc.para(tx.MINUTES_PRESENT.format(present=t.present, members=t.members, absent=t.members - t.present))
        quorum = tx.MINUTES_QUORUM_MET if t.quorum_met else tx.MINUTES_QUORUM_NOT_MET
        doc.para(quorum.format(needed=t.quorum_needed, members=t.members,
                               percent=tx.PERCENT.format(value=cm.num_text(round(s.rules.council_quorum_percent, 1)))))
    else:
        doc.para(tx.MINUTES_PRESENT_BLANK)
    doc.para(tx.MINUTES_PART_2, bold=True, indent=False)
    people = s.s.people
    doc.para(tx.MINUTES_CONTENT.format(school=school.name, year=s.year, people=len(people),
                                       submitted=sum(d.submitted for d in s.s.departments),
                                       departments=len(s.s.departments)))
    doc.para(criteria_line(s.s, tx.CRITERIA_BLANK, end="."))
    doc.para(tx.MINUTES_PART_3, bold=True, indent=False)
    doc.dotted(tx.MINUTES_DISCUSSION, lines=2)
    _proposed_counts(doc, s, tx.MINUTES_INDIVIDUAL_HEAD, tx.MINUTES_INDIVIDUAL, tx.MINUTES_COLLECTIVE_HEAD,
                     tx.MINUTES_COLLECTIVE, tx.MINUTES_NONE)
    if s.ballot:
        doc.para(tx.MINUTES_VOTE_HEAD, bold=True)
        for title, chosen in s.ballot.items():
            results = [s.result(c.code, title) for c in chosen]
            percent = s.percent_text(title)
            if t is not None and t.members and all(r is not None and r.passed is not None for r in results):
                needed = tx.MINUTES_NEEDED.format(needed=s.needed(title), members=t.members)
                doc.para(tx.MINUTES_VOTE_RULE.format(title=title, percent=percent, needed=needed, count=len(chosen),
                                                     passed=sum(bool(r.passed) for r in results)), keep=True)
            else:
                doc.para(tx.MINUTES_VOTE_RULE_BLANK.format(title=title, percent=percent, count=len(chosen)), keep=True)
            doc.table(tx.VOTE_HEAD, _numbered([s.vote_row(c, title) for c in chosen]), (14, 51, 36, 20, 24, 20),
                      aligns="cllccc")
            doc.para("", space_after=0)
    doc.dotted(tx.MINUTES_OTHER, lines=1, space_before=6)
    doc.para(tx.MINUTES_END, keep=True)
    doc.signatures(_Sign(tx.SIGN_SECRETARY, tx.SIGN_NOTE, school.secretary),
                   _Sign(tx.SIGN_CHAIR, tx.SIGN_NOTE, school.principal), keep=True)
    return doc


def _proposed_counts(doc: _Paper, s: _Facts, individual_head: str, individual: str, collective_head: str,
                     collective: str, none: str) -> None:
    """How many are proposed for each title, people then departments (the Tờ trình and the Biên bản
    say it alike, in their own words)."""
    doc.para(individual_head, bold=True)
    for title, chosen in s.individual.items():
        doc.para(individual.format(title=title, count=len(chosen)))
    if not s.individual:
        doc.para(none)
    doc.para(collective_head, bold=True)
    for title, units in s.collective.items():
        doc.para(collective.format(title=title, count=len(units), names=", ".join(d.name for d in units)))
    if not s.collective:
        doc.para(none)


def _tally(s: _Facts) -> _Paper:
    """Biên bản kiểm phiếu: the count of the secret ballot, per candidate and title."""
    t = s.tally
    doc = _Paper(s, tx.DOC_NAMES[TALLY], tx.TALLY_TITLE, number=tx.TALLY_NUMBER)
    doc.centered(tx.TALLY_SUBTITLE.format(year=s.year), bold=True, size=BODY_PT, space_after=12)
    doc.para(tx.TALLY_OPEN.format(date=DATE_LINE_BLANK, school=s.school.name))
    for line in tx.TALLY_BOARD:
        doc.para(line)
    doc.para(tx.TALLY_DONE)
    for field, line in tx.TALLY_FIELDS:
        value = getattr(t, field) if t is not None else None
        doc.para(line.format(value=value if value is not None else tx.DOTS))
    doc.para(tx.TALLY_VALID)
    doc.para(tx.TALLY_TABLE_HEAD)
    for title, chosen in s.ballot.items():
        needed = s.needed(title)
        percent = s.percent_text(title)
        threshold = (tx.TALLY_THRESHOLD.format(needed=needed) if needed is not None
                     else tx.TALLY_THRESHOLD_BLANK.format(percent=percent))
        at_least = tx.MINUTES_NEEDED.format(needed=needed, members=t.members) if needed is not None else ""
        doc.para(tx.TALLY_TITLE_LINE.format(title=title, count=len(chosen), percent=percent, needed=at_least),
                 bold=True, keep=True)
        rows = []
        for c in chosen:
            name, department, votes, share, result = s.vote_row(c, title)
            rows.append([name, department, votes, share, threshold, result])
        doc.table(tx.TALLY_HEAD, _numbered(rows), (14, 42, 30, 20, 20, 22, 17), aligns="cllcccc", size=11)
        doc.para("", space_after=0)
    doc.para(tx.TALLY_END, space_before=6, keep=True)
    doc.signatures(_Sign(tx.SIGN_TALLY_MEMBERS, tx.SIGN_NOTE, tx.SIGN_BLANK_NAME, extra=tx.SIGN_BLANK_NAME),
                   _Sign(tx.SIGN_TALLY_HEAD, tx.SIGN_NOTE, tx.SIGN_BLANK_NAME), keep=True)
    return doc


def _list(s: _Facts, title: str) -> _Paper:
    """Danh sách đề nghị of one title (landscape): people, or departments for a collective title."""
    doc = _Paper(s, tx.DOC_NAMES[LIST].format(title=title), tx.LIST_TITLE.format(title=title.upper(), year=s.year),
                 landscape=True)
    doc.centered(tx.LIST_SUBTITLE.format(school=s.school.name), italic=True, space_after=8)
    if title in s.individual:
        chosen = s.individual[title]
        rows = [[p.name, p.position, p.department_name, p.facts.rating or "", initiative_text(p.facts),
                 s.votes_text(p.code, title), s.note(p, d, title)] for p, d in chosen]
        heads, widths, aligns = tx.LIST_HEAD, (14, 44, 28, 38, 26, 44, 24, 34), "clllclcl"
        count, unit = len(chosen), tx.UNIT_PERSON
    else:
        units = s.collective[title]
        rows = []
        for d in units:
            members = s.members.get(d.code, [])
            ldtt = sum(p.granted(rules.LDTT) for p in members)
            share = tx.PERCENT.format(value=cm.num_text(round(100 * ldtt / d.members, 1))) if d.members else ""
            rows.append([d.name, str(d.members), str(ldtt), share, str(sum(p.granted(rules.CSTDCS) for p in members)),
                         s.heads.get(d.code, ""), s.votes_text(d.code, title),
                         "; ".join(n for n in [short_note(_granted(d, title)), *s.vote_notes(d.code, title)] if n)])
        heads, widths, aligns = tx.LIST_HEAD_COLLECTIVE, (14, 48, 20, 20, 22, 24, 40, 28, 36), "clcccclcl"
        count, unit = len(units), tx.UNIT_COLLECTIVE
    doc.list_table(heads, _numbered(rows), widths, aligns=aligns, total=tx.LIST_TOTAL.format(count=count, unit=unit),
                   left=_Sign(tx.SIGN_MAKER, tx.SIGN_NOTE, s.school.secretary),
                   right=_Sign(tx.SIGN_HEAD, tx.SIGN_NOTE_SEAL, s.school.principal))
    return doc


def _report(s: _Facts, p: PersonResult, title: str) -> _Paper:
    """Báo cáo thành tích cá nhân (Mẫu 05, Nghị định 152/2025/NĐ-CP), pre-filled with what the campaign
    knows; the parts only the person can write are dotted lines."""
    doc = _Paper(s, tx.DOC_NAMES[REPORT].format(name=p.name), tx.REPORT_TITLE)
    doc.centered(tx.REPORT_SUBTITLE.format(title=title.upper()), bold=True, size=BODY_PT)
    doc.centered(tx.REPORT_YEAR.format(year=s.year), bold=True, size=BODY_PT, space_after=12)
    person = s.staff.get(p.code)
    f = p.facts
    doc.para(tx.REPORT_PART_1, bold=True, indent=False)
    doc.para(tx.REPORT_NAME.format(name=p.name), indent=False)
    dob = day_text(person.dob) if person is not None and person.dob else ""
    gender = person.gender if person is not None else ""
    doc.pair(tx.REPORT_BORN.format(dob=dob), tx.REPORT_GENDER.format(gender=gender), blank_first=not dob,
             blank_second=not gender)
    for label in tx.REPORT_BLANKS_1:
        doc.dotted(label)
    doc.para(tx.REPORT_UNIT.format(department=p.department_name, school=s.school.name), indent=False)
    if p.position:
        doc.para(tx.REPORT_POSITION.format(position=p.position), indent=False)
    else:
        doc.dotted(tx.REPORT_POSITION.format(position="").rstrip())
    for label in tx.REPORT_BLANKS_2:
        doc.dotted(label)
    doc.para(tx.REPORT_PART_2, bold=True, indent=False, space_before=6)
    doc.para(tx.REPORT_DUTIES, bold=True, indent=False)
    doc.dotted("", lines=tx.REPORT_DUTY_LINES)
    doc.para(tx.REPORT_RESULTS, bold=True, indent=False)
    if f.rating:
        doc.para(tx.REPORT_RATING.format(year=s.year, words=tx.RATING_WORDS.get(f.rating, f.rating), rating=f.rating),
                 indent=False)
    else:
        doc.dotted(tx.REPORT_RATING_BLANK.format(year=s.year))
    if p.final is not None:
        doc.para(tx.REPORT_SCORE.format(year=s.year, score=cm.num_text(p.final), classification=p.classification),
                 indent=False)
    else:
        doc.dotted(tx.REPORT_SCORE_BLANK.format(year=s.year))
    if f.initiative and f.initiative_decision:
        doc.para(tx.REPORT_INITIATIVE.format(initiative=f.initiative, level=f.initiative_level or tx.DOTS,
                                             decision=f.initiative_decision), indent=False)
    else:
        doc.dotted(tx.REPORT_INITIATIVE_BLANK)
    doc.dotted(tx.REPORT_WRITE, lines=tx.REPORT_WRITE_LINES)
    doc.dotted(tx.REPORT_ETHICS, lines=2)
    doc.para(tx.REPORT_PART_3, bold=True, indent=False, space_before=6)
    for heading, heads in ((tx.REPORT_TITLES, tx.REPORT_TITLES_HEAD), (tx.REPORT_AWARDS, tx.REPORT_AWARDS_HEAD)):
        doc.para(heading, bold=True, indent=False, keep=True)
        doc.table(heads, [["", "", ""] for _ in range(tx.REPORT_HISTORY_ROWS)], (25, 60, 80), aligns="cll",
                  blank_height_mm=8, keep_end=heads is tx.REPORT_AWARDS_HEAD)
        doc.para("", space_after=0)
    doc.signatures(_Sign(tx.SIGN_CONFIRM, tx.SIGN_NOTE_SEAL, s.school.principal),
                   _Sign(tx.SIGN_REPORTER, tx.SIGN_NOTE, p.name), keep=True)
    return doc


def _ballot(s: _Facts, title: str, chosen: list[Candidate]) -> _Paper:
    """Phiếu bầu of one title: the candidates, "Đồng ý" / "Không đồng ý", no voter's name; print as many as
    there are members."""
    doc = _Paper(s, tx.DOC_NAMES[BALLOT].format(title=title), tx.BALLOT_TITLE, date=False, council=True)
    doc.centered(tx.BALLOT_SUBTITLE.format(title=title, year=s.year), bold=True, size=BODY_PT, space_after=10)
    for line in tx.BALLOT_RULES:
        doc.para(line.format(percent=s.percent_text(title)), italic=True)
    rows = [[c.name, c.department if c.department != c.name else "", "", ""] for c in chosen]
    doc.table(tx.BALLOT_HEAD, _numbered(rows), (14, 55, 40, 26, 30), aligns="cllcc", row_height_mm=10)
    return doc


def _granted(d: DepartmentResult, title: str) -> rules.Decision:
    return next(x for x in d.decisions if x.title == title and x.granted)


def _numbered(rows: list[list[str]]) -> list[list[str]]:
    return [[str(n), *row] for n, row in enumerate(rows, start=1)]


def _attachments(s: _Facts, title: str) -> tuple[Attachment, ...]:
    found = []
    if title == rules.CSTDCS:
        for p, d in s.individual.get(title, ()):
            excellent, initiative = s.grounds(p, d)
            f = p.facts
            if excellent:
                found.append(Attachment(p.code, p.name, p.department_name, "htxsnv_certificate",
                                        tx.ATTACHMENTS["htxsnv_certificate"].format(year=s.year)))
            if initiative:
                found.append(Attachment(p.code, p.name, p.department_name, "initiative_decision",
                                        tx.ATTACHMENTS["initiative_decision"].format(
                                            initiative=f.initiative, level=f.initiative_level or tx.DOTS,
                                            decision=f.initiative_decision or tx.DOTS)))
    elif title == rules.TTLDXS:
        for d in s.collective.get(title, ()):
            found.append(Attachment(d.code, d.name, d.name, "collective_report", tx.ATTACHMENTS["collective_report"]))
    return tuple(found)


def _checklist(s: _Facts, title: str, papers: tuple[Document, ...], attachments: tuple[Attachment, ...],
               top: Path) -> str:
    def where(d: Document) -> str:
        rel = os.path.relpath(d.path, top / ascii_name(title)).replace(os.sep, "/")
        pdf = f" ({Path(rel).with_suffix('.pdf').as_posix()})" if d.pdf else tx.CHECKLIST_PDF_MISSING
        return rel + pdf

    lines = [tx.CHECKLIST_TITLE.format(title=title.upper(), year=s.year),
             tx.CHECKLIST_SCHOOL.format(school=s.school.name, recipient=s.school.recipient), "", tx.CHECKLIST_MADE]
    n = 0
    reports = [d for d in papers if d.kind == REPORT]
    for d in papers:
        if d.kind == REPORT:
            continue
        n += 1
        lines.append(tx.CHECKLIST_DOC.format(n=n, name=d.name, file=where(d)))
    if reports:
        n += 1
        lines.append(tx.CHECKLIST_REPORTS.format(n=n, count=len(reports)))
        people = [p for p, _ in s.individual.get(title, ())]
        for p, d in zip(people, reports):
            lines.append(tx.CHECKLIST_REPORT.format(name=p.name, file=where(d)))
    lines += ["", tx.CHECKLIST_ATTACH]
    for k, a in enumerate(attachments, start=1):
        lines.append(tx.CHECKLIST_ATTACH_LINE.format(n=k, name=a.name, department=a.department, what=a.text))
    if not attachments:
        lines.append(tx.CHECKLIST_NOTHING)
    lines += ["", tx.CHECKLIST_NOTE.format(folder=top.name)]
    return "\r\n".join(lines) + "\r\n"


def _write_text(path: Path, text: str) -> None:
    """UTF-8 with a byte-order mark and CRLF: Notepad on older Windows shows Vietnamese correctly."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(text.encode("utf-8-sig"))
    os.replace(tmp, path)


# --- PDF --------------------------------------------------------------------------------------

def convert_pdfs(paths: list[Path]) -> tuple[dict[Path, Path], str]:
    """Convert .docx files to PDF beside them with as few LibreOffice runs as possible (one per set of
    distinct file names). Returns (each .docx → its PDF, for those written; why some are missing, in
    words). Never raises for a missing or failing LibreOffice."""
    from thidua_xlsx.papers.office import convert_beside, find_soffice

    paths = [Path(p) for p in paths]
    if not paths:
        return {}, ""
    if find_soffice() is None:
        return {}, tx.PDF_NO_LIBREOFFICE
    # LibreOffice names each PDF after its input: one name once per run, the n-th file of a name in run n
    batches: list[list[Path]] = []
    named: Counter[str] = Counter()
    for path in paths:
        run = named[path.stem]
        named[path.stem] += 1
        if run == len(batches):
            batches.append([])
        batches[run].append(path)
    done: dict[Path, Path] = {}
    overran = False
    for batch in batches:
        found, finished = convert_beside(batch, "pdf:writer_pdf_Export",
                                         timeout=PDF_TIMEOUT + PDF_TIMEOUT_PER_FILE * len(batch))
        done.update({path: found[path.resolve()] for path in batch if path.resolve() in found})
        overran = overran or not finished
    missing = [p for p in paths if p not in done]
    if not missing:
        return done, ""
    detail = "LibreOffice timeout" if overran else ", ".join(p.name for p in missing)
    return done, tx.PDF_FAILED.format(count=len(missing), detail=detail)


# --- python-docx, in Nghị định 30/2020 form ----------------------------------------------------

@dataclass(frozen=True)
class _Sign:
    roles: tuple[str, ...]
    note: str
    name: str
    extra: str = ""  # a second name line (a board's members)


@dataclass(frozen=True)
class _Receivers:
    head: str
    lines: tuple[str, ...]


_PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                     "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                     "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                     "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_TRPR_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                          "w:trPrChange")
_TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                       "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
_TCPR_AFTER_MARGINS = _TCPR_AFTER_BORDERS[3:]
_TRPR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


class _Paper:
    """One document: A4, Nghị định 30/2020 margins, Times New Roman, built paragraph by paragraph."""

    def __init__(self, s: _Facts, name: str, heading: str, *, landscape: bool = False, number: str = "",
                 date: bool = True, council: bool = False):
        """A paper called ``name`` (its properties), opened with the header block and its ``heading``."""
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm, Pt

        self.s = s
        self.doc = doc = docx.Document()
        _drop_template_extras(doc)
        section = doc.sections[0]
        width, height = PAGE_MM
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        section.header_distance = section.footer_distance = Mm(10)
        self.landscape = landscape
        self.width_mm = (height if landscape else width) - MARGINS_MM["left"] - MARGINS_MM["right"]
        normal = doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:eastAsia", "w:cs"):
            rfonts.set(_qn(attr), FONT)
        fmt = normal.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        fmt.widow_control = True
        props = doc.core_properties
        props.title, props.subject = name, s.school.name
        props.author = props.last_modified_by = ly.APP_ID
        props.comments, props.keywords, props.category = "", "", ""
        props.language = "vi-VN"
        props.revision = 1
        created = s.created.replace(microsecond=0)
        props.created = props.modified = created
        self._page_numbers(section)
        self._header(number=number, date=date, council=council)
        self.centered(heading, bold=True, size=TITLE_PT, space_before=18)

    # --- blocks ---

    def _header(self, *, number: str, date: bool, council: bool) -> None:
        """The managing body and the school (left), the national motto (right); then the number (left)
        and the date line (right). A borderless table, as Word documents of schools have it."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        school = self.s.school
        left = self.width_mm - HEADER_RIGHT_MM[self.landscape]
        rows = 2 if (number or date) else 1
        table = self._grid(rows, (left, self.width_mm - left))
        cell_l, cell_r = table.rows[0].cells
        top = (tx.BALLOT_COUNCIL if council else school.managing_body).upper()
        self._cell_text(cell_l, top, size=HEADER_PT, first=True)
        self._cell_text(cell_l, school.name.upper(), size=HEADER_PT, bold=True)
        self._rule(cell_l, left, left / 3)
        self._cell_text(cell_r, ly.MOTTO_1, size=HEADER_PT, bold=True, first=True)
        self._cell_text(cell_r, ly.MOTTO_2, size=HEADER_PT + 1, bold=True)
        self._rule(cell_r, self.width_mm - left, 62)
        if rows == 2:
            cell_l, cell_r = table.rows[1].cells
            self._cell_text(cell_l, number, size=BODY_PT, first=True, space_before=6)
            p = self._cell_text(cell_r, date_line(self.s.school) if date else "", size=BODY_PT, italic=True, first=True,
                                space_before=6)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def centered(self, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
                 space_before: float = 0, space_after: float = 0):
        return self.para(text, bold=bold, italic=italic, size=size, indent=False, align="center",
                         space_before=space_before, space_after=space_after)

    def para(self, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
             indent: bool = True, align: str = "justify", space_before: float = 0, space_after: float = 6,
             keep: bool | None = None):
        """A paragraph of text; a bold one (a heading) is kept with what follows unless ``keep`` says no."""
        from docx.shared import Cm, Pt

        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = _align(align)
        fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
        if indent:
            fmt.first_line_indent = Cm(1)
        if keep or (keep is None and bold and text):
            fmt.keep_with_next = True
        if text:
            _run(p, text, size=size, bold=bold, italic=italic)
        return p

    def dotted(self, label: str, *, lines: int = 1, space_before: float = 0) -> None:
        """``label`` then a dotted line to the right margin, and ``lines - 1`` more dotted lines: room to write."""
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm, Pt

        for k in range(lines):
            p = self.doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.space_before = Pt(space_before if k == 0 else 0)
            fmt.space_after = Pt(6)
            fmt.tab_stops.add_tab_stop(Mm(self.width_mm) - 1, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            text = f"{label} \t" if label and k == 0 else "\t"
            _run(p, text, size=BODY_PT)

    def pair(self, first: str, second: str, *, blank_first: bool, blank_second: bool) -> None:
        """Two fields on one line ("Sinh ngày …   Giới tính: …"), dotted where blank."""
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm, Pt

        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        stops = p.paragraph_format.tab_stops
        middle = Mm(self.width_mm * 0.62)
        stops.add_tab_stop(middle, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS if blank_first else WD_TAB_LEADER.SPACES)
        stops.add_tab_stop(Mm(self.width_mm) - 1, WD_TAB_ALIGNMENT.RIGHT,
                           WD_TAB_LEADER.DOTS if blank_second else WD_TAB_LEADER.SPACES)
        _run(p, f"{first}\t{second} \t", size=BODY_PT)

    def table(self, heads, rows, widths_mm, *, aligns: str, size: float = TABLE_PT, keep_end: bool = False,
              row_height_mm: float | None = None, blank_height_mm: float | None = None):
        """A bordered table, its header row repeated on every page, no row split across pages.
        ``keep_end``: the last rows stay with what follows (the signature block)."""
        widths_mm = _fit(widths_mm, self.width_mm)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(heads))
        self._fill(table, [heads, *rows], widths_mm, aligns=aligns, size=size, header=True,
                   row_height_mm=row_height_mm, blank_height_mm=blank_height_mm)
        if keep_end:
            for row in table.rows[-2:]:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        return table

    def list_table(self, heads, rows, widths_mm, *, aligns: str, total: str, left: _Sign, right: _Sign) -> None:
        """The table of a Danh sách, ended by one row that is never split across pages and holds the
        list's last line, its total and the signatures: the signatures always stand on the page where
        the list ends, in Word and in LibreOffice alike. (LibreOffice keeps a table with the paragraph
        after it only while the table has not yet run onto a second page: "keep with next" on the last
        rows is not enough for a list of more than a page.)"""
        from docx.shared import Mm

        widths_mm = _fit(widths_mm, self.width_mm)
        table = self.doc.add_table(rows=len(rows), cols=len(heads))  # header and all but the last line
        self._fill(table, [heads, *rows[:-1]], widths_mm, aligns=aligns, size=TABLE_PT, header=True)
        end = table.add_row()
        _row_flag(end, "w:cantSplit", _TRPR_AFTER_CANT_SPLIT)
        cell = end.cells[0].merge(end.cells[-1])
        _cell_frame(cell)
        last = cell.add_table(1, len(heads))
        self._fill(last, [rows[-1]], widths_mm, aligns=aligns, size=TABLE_PT, header=False)
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)  # the empty paragraph a new cell starts with
        note = cell.paragraphs[-1]  # the paragraph python-docx put after the nested table
        note.paragraph_format.space_before = note.paragraph_format.space_after = Mm(2)
        _run(note, total, size=BODY_PT, italic=True)
        signs = cell.add_table(1, 2)
        for col in signs.columns:
            col.width = Mm(self.width_mm / 2)
        for sign_cell, sign in zip(signs.rows[0].cells, (left, right)):
            sign_cell.width = Mm(self.width_mm / 2)
            self._sign(sign_cell, sign, first=True)

    def _fill(self, table, rows, widths_mm, *, aligns: str, size: float, header: bool,
              row_height_mm: float | None = None, blank_height_mm: float | None = None) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for col, w in zip(table.columns, widths_mm):
            col.width = Mm(w)
        for r, (row, values) in enumerate(zip(table.rows, rows)):
            head = header and r == 0
            _row_flag(row, "w:cantSplit", _TRPR_AFTER_CANT_SPLIT)
            if head:
                _row_flag(row, "w:tblHeader", _TRPR_AFTER_HEADER)
            height = None if head else row_height_mm
            if not head and blank_height_mm and not any(values):
                height = blank_height_mm
            if height:
                row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
            for c, (cell, value) in enumerate(zip(row.cells, values)):
                cell.width = Mm(widths_mm[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                p.paragraph_format.alignment = _align("center" if head else
                                                      {"c": "center", "r": "right"}.get(aligns[c], "left"))
                if value:
                    _run(p, value, size=size, bold=head)
                else:
                    _size_mark(p, size)

    def signatures(self, left, right: _Sign, *, shares: tuple[float, float] = (0.5, 0.5), keep: bool = False
                   ) -> None:
        """Two blocks side by side (a borderless table): the left one a signature or "Nơi nhận", the right
        one the signature that binds. ``keep``: kept on one page with what precedes it."""
        spacer = self.para("", space_after=0, keep=keep)
        spacer.paragraph_format.first_line_indent = None
        table = self._grid(1, tuple(self.width_mm * share for share in shares))
        cell_l, cell_r = table.rows[0].cells
        _row_flag(table.rows[0], "w:cantSplit", _TRPR_AFTER_CANT_SPLIT)
        self._sign(cell_r, right, first=True)
        if isinstance(left, _Sign):
            self._sign(cell_l, left, first=True)
        if isinstance(left, _Receivers):
            p = self._cell_text(cell_l, left.head, size=RECEIVERS_HEAD_PT, bold=True, italic=True, first=True,
                                align="left")
            for line in left.lines:
                self._cell_text(cell_l, line, size=RECEIVERS_PT, align="left")
        if keep:
            for cell in (cell_l, cell_r):
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
                    p.paragraph_format.keep_together = True

    def rule_paragraph(self, length_mm: float) -> None:
        """A short centred rule under a document's subject line (Nghị định 30/2020)."""
        p = self.doc.add_paragraph()
        _rule_format(p, (self.width_mm - length_mm) / 2)

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        self.doc.save(str(tmp))
        os.replace(tmp, path)

    # --- pieces ---

    def _grid(self, rows: int, widths_mm: tuple[float, ...]):
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        table = self.doc.add_table(rows=rows, cols=len(widths_mm))  # no style: no borders
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for col, w in zip(table.columns, widths_mm):
            col.width = Mm(w)
        for row in table.rows:
            for cell, w in zip(row.cells, widths_mm):
                cell.width = Mm(w)
        return table

    @staticmethod
    def _cell_text(cell, text: str, *, size: float, bold: bool = False, italic: bool = False, first: bool = False,
                   align: str = "center", space_before: float = 0):
        from docx.shared import Pt

        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p.paragraph_format.alignment = _align(align)
        p.paragraph_format.space_before = Pt(space_before)
        if text:
            _run(p, text, size=size, bold=bold, italic=italic)
        else:
            _size_mark(p, size)
        return p

    def _sign(self, cell, sign: _Sign, *, first: bool) -> None:
        for k, role in enumerate(sign.roles):
            self._cell_text(cell, role, size=BODY_PT, bold=True, first=first and k == 0)
        self._cell_text(cell, sign.note, size=BODY_PT, italic=True)
        for _ in range(SIGN_SPACE_LINES):
            self._cell_text(cell, "", size=BODY_PT)
        self._cell_text(cell, sign.name or tx.SIGN_BLANK_NAME, size=BODY_PT, bold=True)
        if sign.extra:
            for _ in range(2):
                self._cell_text(cell, "", size=BODY_PT)
            self._cell_text(cell, sign.extra, size=BODY_PT, bold=True)

    @staticmethod
    def _rule(cell, cell_mm: float, length_mm: float) -> None:
        p = cell.add_paragraph()
        _rule_format(p, max(0.0, (cell_mm - 3.8 - length_mm) / 2))  # 3.8 mm: the cell's own margins

    @staticmethod
    def _page_numbers(section) -> None:
        """Page numbers centred in the top margin from the second page on (Nghị định 30/2020)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement

        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        field = OxmlElement("w:fldSimple")
        field.set(_qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        p._p.append(field)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _align(name: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[name]


def _run(p, text: str, *, size: float, bold: bool = False, italic: bool = False):
    from docx.shared import Pt

    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None
    _size_mark(p, size)
    return run


def _size_mark(p, size: float) -> None:
    """The paragraph mark's size decides an empty paragraph's height."""
    from docx.oxml import OxmlElement

    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(_qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    for old in rpr.findall(_qn("w:sz")):
        rpr.remove(old)
    sz = OxmlElement("w:sz")
    sz.set(_qn("w:val"), str(int(round(size * 2))))
    rpr.append(sz)


def _rule_format(p, side_mm: float) -> None:
    """Turn an empty paragraph into a thin horizontal rule (its bottom border), indented ``side_mm`` each side."""
    from docx.oxml import OxmlElement
    from docx.shared import Mm, Pt

    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(side_mm)
    fmt.space_before, fmt.space_after = Pt(1), Pt(0)
    fmt.line_spacing = Pt(3)  # the border is drawn under a 3 pt high empty line: just clear of the text above
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(_qn(key), value)
    border.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(border, *_PPR_AFTER_BORDER)


def _row_flag(row, tag: str, successors: tuple[str, ...]) -> None:
    """An on/off row property (``w:cantSplit``, ``w:tblHeader``) in its place in ``w:trPr``."""
    from docx.oxml import OxmlElement

    trpr = row._tr.get_or_add_trPr()
    if trpr.find(_qn(tag)) is None:
        trpr.insert_element_before(OxmlElement(tag), *successors)


def _cell_frame(cell) -> None:
    """No borders and no inner margins on ``cell``: what it holds is drawn edge to edge."""
    from docx.oxml import OxmlElement

    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("w:top", "w:left", "w:bottom", "w:right"):
        edge = OxmlElement(side)
        edge.set(_qn("w:val"), "nil")
        borders.append(edge)
    tcpr.insert_element_before(borders, *_TCPR_AFTER_BORDERS)
    margins = OxmlElement("w:tcMar")
    for side in ("w:left", "w:right"):
        edge = OxmlElement(side)
        edge.set(_qn("w:w"), "0")
        edge.set(_qn("w:type"), "dxa")
        margins.append(edge)
    tcpr.insert_element_before(margins, *_TCPR_AFTER_MARGINS)


def _fit(widths_mm, total_mm: float) -> tuple[float, ...]:
    scale = total_mm / sum(widths_mm)
    return tuple(w * scale for w in widths_mm)


def _drop_template_extras(doc) -> None:
    """python-docx's default template carries a Word 2010 ``stylesWithEffects`` part that disagrees with its
    ``styles.xml`` (Word may call that unreadable content) and a thumbnail of another document."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package_rels[rid]

