"""The level above's summary workbook (the commune's or the Sở's): per school the file used and what it proposes,
the proposals held apart for the officer, the lists per title across schools as a decision lists them (I. Cá nhân,
II. Tập thể), every problem, every file. Written with the school summary's pieces (write.summary.book) over the same
engine; and its JSON report.

The officer marks it and gives it back (``merge … --council``, commune.read_officer): every line the officer may
mark — listed, taken off, held apart — is recorded in the metadata with its row and key (the school, the kind, who,
the title and the fingerprint of the school's file it was read from) and a digest of what the line shows of who and
what it is (a line whose cells were swapped with another's, or typed over, is told), and carries the officer's marks of
the pass before (a reason given once is not asked again). The metadata is sealed with the commune's own key
(model.commune.officer_seal, model.commune_key): a line of it re-pointed is told, in this summary and in the
officer's copy of it (hoi-dong/xa-duyet.xlsx) alike. The copy a mail carries on (``--thu``) says in its sealed record
that it is a copy sent, and records no line: ticked by whoever receives it, it decides nothing. No school's code is
written here: the officer reads them on the page or from ``status``."""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    COLLECTIVE,
    LEVEL_ABOVE_META_KIND,
    OFFICER_BOOK,
    OFFICER_SEAL_FIELD,
    PERSON,
    PURPOSE_FIELD,
    LevelAboveSummary,
    ListChange,
    Proposal,
    decision_key,
    proposal_key,
    shown_digest,
)
from thidua_xlsx.model.commune_key import CommuneKey
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING
from thidua_xlsx.model.report import Report
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import commune as lx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary import sources
from thidua_xlsx.write.summary.book import PROTECTED, Book, open_workbook
from thidua_xlsx.write.summary.content import VN_TIME

# A line of the officer's book's record as its JSON holds it: [row, school, kind, who, title, fingerprint, shown digest]
RecordLine = list[int | str]
ListBlock = tuple[int, list[Proposal], list[int]]  # a list of sheet Danh sách: its first line's row, its lines, the
# rows of its head's copies among them (write.summary.book.Book.list_table)

LEVEL_ABOVE_REPORT_VERSION = 3  # 2: the proposals held apart (``held``, ``accepted``), each edited list's changes;
# 3: ``report``: the run's counts and exit code, as a school's JSON report gives them; each school's ``sent`` (a file
# proven its) and ``newer`` (a file a newer release wrote, which this one cannot read) added in 0.9.0, which a reader of
# 3 may ignore


def authority_as_school(summary: LevelAboveSummary) -> cm.School:
    """The level above in the place of a school in the papers' header (its managing body above its own name)."""
    c = summary.campaign
    return cm.School(c.authority, c.managing_body, c.place, c.school_year, "", principal=c.chair, secretary=c.officer)


def write_level_above_summary(summary: LevelAboveSummary, path: Path, key: CommuneKey,
                              purpose: str = OFFICER_BOOK) -> None:
    """Write the workbook to ``path`` (through a temporary file and a rename), its record sealed with the commune's
    ``key`` (which nothing written carries): the officer's book, every line she may mark recorded; or (``purpose``
    SENT_COPY) the copy a mail carries on, the same sheets with a record of no line, said to be sent."""
    with engine.replacing(path) as tmp:
        wb = open_workbook(tmp)
        engine.set_properties(wb, lx.SUMMARY_TITLE.format(year=summary.campaign.school_year),
                              summary.campaign.authority, engine.FIXED_DATE)
        book = Book(wb, authority_as_school(summary))
        _schools_sheet(book, summary)
        held = _held_sheet(book, summary) if summary.held else []
        blocks, removed = _lists_sheet(book, summary)
        _check_sheet(book, summary)
        sources.sources_sheet(book, summary.files, summary.every_issue())
        c = summary.campaign
        record: dict[str, object] = {"kind": LEVEL_ABOVE_META_KIND, "app": ly.APP_ID, "campaign_id": c.id,
                  "school_year": c.school_year, PURPOSE_FIELD: purpose}
        if purpose == OFFICER_BOOK:
            record |= _lines_record(summary, blocks, removed, held)
        seal = key.officer_seal_of(engine.meta_json(record))  # the record made twice, never held whole
        engine.meta_sheet(wb, {**record, OFFICER_SEAL_FIELD: seal})
        wb.close()


def _lines_record(summary: LevelAboveSummary, blocks: list[ListBlock],
                  removed: list[RecordLine], held: list[RecordLine]) -> dict[str, object]:
    """The officer's book's record of every line she may mark: per sheet its two columns and the columns that say
    which proposal a line is; per line its row, its proposal's key, its file's fingerprint (her word is bound to it)
    and the digest of what the line shows (model.commune.shown_digest)."""
    files = summary.fingerprints()
    names = {r.school.code: r.school.name for r in summary.schools}
    return {"sheet": lx.S_LISTS, "columns": list(OFFICER_COLUMNS), "shown": list(SHOWN_COLUMNS),
            "rows": engine.Streamed(lambda: _listed_keys(blocks, files, names)), "removed_rows": removed,
            "held": {"sheet": lx.S_HELD, "columns": list(HELD_OFFICER_COLUMNS), "shown": list(SHOWN_COLUMNS),
                     "rows": held}}


def _listed_keys(blocks: list[ListBlock], files: dict[str, str], names: dict[str, str]) -> Iterator[RecordLine]:
    """Each line of sheet Danh sách as the metadata records it — its row, its proposal's key, its file's fingerprint,
    what it shows — from the lists' ``blocks`` (the row of each list's first line, the list, its head's copies)."""
    for first, lines, copies in blocks:
        for row, p in zip(_line_rows(first, copies), lines):
            yield [row, *proposal_key(p), files.get(p.school, ""), shown_digest(_listed_shown(p, names))]


def _line_rows(first: int, copies: list[int]) -> Iterator[int]:
    """The rows of a list's lines from ``first`` down, past the copies of its head where a printed page begins."""
    skipped = set(copies)
    return (row for row in itertools.count(first) if row not in skipped)


def _listed_shown(p: Proposal, names: dict[str, str]) -> tuple[str, ...]:
    """What a line of the lists shows of its proposal (columns SHOWN_COLUMNS): name, position, school, grounds."""
    return p.name, p.position, names.get(p.school, p.school), p.grounds


def _titles(summary: LevelAboveSummary) -> list[str]:
    return list(dict.fromkeys(p.title for p in summary.proposals))


def _schools_sheet(book: Book, s: LevelAboveSummary) -> None:
    titles = _titles(s)
    heads = [*lx.SCHOOLS_HEAD, *map(title_name, titles)]
    widths = (5, 30, 30, 16, 14, 24, 10, *(12,) * len(titles))
    last_col = len(widths) - 1
    ws = book.sheet(lx.S_SCHOOLS, widths, landscape=True)
    row = book.header(ws, last_col, 3)
    sent = sum(1 for r in s.schools if r.sent)
    row = book.title(ws, row, last_col, lx.SUMMARY_TITLE.format(year=book.year).upper(),
                     lx.SUMMARY_SUBTITLE.format(sent=sent, schools=len(s.schools), proposals=len(s.proposals),
                                                held=len(s.held)))
    counts = s.counts()
    held = Counter(h.proposal.school for h in s.held)
    files = {f.name: f for f in s.files}
    rows = []
    for n, r in enumerate(s.schools, start=1):
        f = files.get(r.file)
        state = lx.STATE_MISSING if r.summary is None else lx.STATE_COUNCIL[r.summary.council] + \
            (lx.STATE_EDITED if r.summary.edited else "") + lx.STATE_ORIGIN[r.origin]
        saved = r.saved(f.version_time) if f else None
        rows.append([n, r.school.name, r.file or lx.NOT_SENT, (saved + VN_TIME) if saved else None,
                     f.sha256[:12] if f else "", state, held[r.school.code],
                     *(counts.get(t, {}).get(r.school.code) or 0 for t in titles)])
    rows.append([None, lx.TOTAL, None, None, None, None, len(s.held),
                 *(sum(counts.get(t, {}).values()) for t in titles)])
    book.table(ws, row - 1, heads, rows, ["center", "text", "text", "time", "small", "text", "num",
                                          *["num"] * len(titles)])


LIST_STYLES = ["center", "text", "text", "text", "text", "council", "council"]  # of sheet Danh sách's tables
OFFICER_COLUMNS = (5, 6)  # "Đồng ý", "Lý do" of sheet Danh sách: what the officer's pass reads back
HELD_OFFICER_COLUMNS = (6, 7)  # the same two of sheet Chờ quyết định
SHOWN_COLUMNS = (1, 2, 3, 4)  # of both: what a line shows of who and what it is (its digest in the record)


def _held_sheet(book: Book, s: LevelAboveSummary) -> list[RecordLine]:
    """The proposals held apart, each with why and the officer's two yellow cells (blank: x and a reason accept it,
    a reason alone takes it off). Returns each line's row and key, for the metadata."""
    widths = (6, 30, 28, 18, 22, 48, 9, 30)
    last_col = len(widths) - 1
    ws = book.sheet(lx.S_HELD, widths, landscape=True)
    row = book.title(ws, 0, last_col, lx.HELD_TITLE.format(count=len(s.held)))
    book.text(ws, row - 1, 0, last_col, lx.HELD_GUIDE, "note", fit=True)
    names = {r.school.code: r.school.name for r in s.schools}
    shown = [(h.proposal.name, names[h.proposal.school], h.proposal.position, title_name(h.proposal.title))
             for h in s.held]  # columns SHOWN_COLUMNS
    rows = [[n, *cells, "; ".join(why.text for why in h.why), None, None]
            for n, (h, cells) in enumerate(zip(s.held, shown, strict=True), start=1)]
    head, _last = book.table(ws, row, lx.HELD_HEAD, rows, ["center", "text", "text", "text", "text", "text", "council",
                                                           "council"])
    ws.protect("", PROTECTED)
    return [[head + n, *decision_key(h), shown_digest(cells)]
            for n, (h, cells) in enumerate(zip(s.held, shown, strict=True), start=1)]


def _lists_sheet(book: Book, s: LevelAboveSummary) -> tuple[list[ListBlock], list[RecordLine]]:
    """I. Cá nhân, II. Tập thể: per title its lines "n. Họ tên, chức vụ, đơn vị", as the decision's list, each with
    the officer's two yellow cells ("Đồng ý" ticked; untick and give a reason to take a line off; a line held apart
    and accepted shows the officer's reason); then the lines the officer took off, each with its reason (tick it
    again to put it back). Every printed page of a list begins with its head (Book.list_table: the sheet's lists have
    no print titles). Returns, for the metadata, each list's first row with its lines and its head's copies
    (:func:`_listed_keys` makes their keys as they are written) and each line taken off with its row and key."""
    widths = (6, 28, 18, 28, 40, 9, 26)
    last_col = len(widths) - 1
    ws = book.sheet(lx.S_LISTS, widths, landscape=True, page_breaks=True)
    row = book.title(ws, 0, last_col, lx.LISTS_TITLE.format(year=book.year).upper(),
                     lx.LISTS_SUBTITLE.format(count=len(s.proposals)))
    if s.held:
        book.text(ws, row - 1, 0, last_col, lx.LISTS_HELD.format(count=len(s.held), sheet=lx.S_HELD), "note")
    names = {r.school.code: r.school.name for r in s.schools}
    files = s.fingerprints()  # each line's key carries its file's: the officer's word is bound to it
    accepted = {proposal_key(h.proposal): why for h, why in s.accepted}
    blocks: list[ListBlock] = []
    by_kind = s.lists()
    for part, kind in ((lx.PART_PEOPLE, PERSON), (lx.PART_COLLECTIVES, COLLECTIVE)):
        chosen = by_kind[kind]
        book.text(ws, row, 0, last_col, part, "heading")
        row += 1
        for k, (title, lines) in enumerate(chosen.items(), start=1):
            book.text(ws, row, 0, last_col, lx.TITLE_LINE.format(n=k, title=title_name(title), count=len(lines)),
                      "heading")
            listed = ([n, *_listed_shown(p, names), lx.AGREE,  # each made as written: 72,000
                       accepted.get(proposal_key(p))] for n, p in enumerate(lines, start=1))
            head, last, copies = book.list_table(ws, row + 1, lx.LISTS_HEAD, listed, LIST_STYLES,
                                                 keep_from=row - 1 if k == 1 else row)  # the part's heading too
            blocks.append((head + 1, lines, copies))
            row = last + 2
        if not chosen:
            book.text(ws, row, 0, last_col, lx.NONE, "note")
            row += 2
    removed: list[RecordLine] = []
    if s.removed:
        book.text(ws, row, 0, last_col, lx.REMOVED_TITLE.format(count=len(s.removed)), "heading")
        shown = [(p.name, p.position, names.get(p.school, p.school), title_name(p.title))
                 for p, _why in s.removed]  # columns SHOWN_COLUMNS
        rows = [[n, *cells, None, why] for n, (cells, (_p, why)) in enumerate(zip(shown, s.removed, strict=True),
                                                                            start=1)]
        head, _last, copies = book.list_table(ws, row + 1, lx.REMOVED_HEAD, rows, LIST_STYLES, keep_from=row)
        removed = [[at, *proposal_key(p), files.get(p.school, ""), shown_digest(cells)]
                   for at, cells, (p, _why) in zip(_line_rows(head + 1, copies), shown, s.removed)]
    book.keep_together(ws, [])
    ws.protect("", PROTECTED)
    return blocks, removed


def _check_sheet(book: Book, s: LevelAboveSummary) -> None:
    widths = (5, 32, 10, 90)
    ws = book.sheet(lx.S_CHECK, widths, landscape=True)
    order = {ERROR: 0, WARNING: 1, NOTE: 2}
    issues = sorted(s.every_issue(), key=lambda i: order.get(i.severity, 3))
    row = book.title(ws, 0, len(widths) - 1, lx.CHECK_TITLE, lx.CHECK_SUBTITLE.format(count=len(issues)))
    rows = [[n, i.file, i.severity_label, i.message] for n, i in enumerate(issues, start=1)]
    book.table(ws, row, lx.CHECK_HEAD, rows or [[None, lx.NONE]], ["center", "text", "center", "text"])


def write_level_above_json(summary: LevelAboveSummary, report: Report, path: Path) -> None:
    """The level above's report for machines: codes and parameters, no Vietnamese wording; ``report``'s counts and
    exit code as the school's JSON gives its own."""
    c = summary.campaign
    data = {
        "schema_version": LEVEL_ABOVE_REPORT_VERSION, "kind": "level_above", "report": report.to_dict(),
        "campaign": {"id": c.id, "authority": c.authority, "school_year": c.school_year},
        "files": ({"name": f.name, "status": f.status, "reason": f.reason, "sha256": f.sha256} for f in summary.files),
        "schools": ({"code": r.school.code, "name": r.school.name, "file": r.file or None, "sent": r.sent,
                     "council": r.summary.council if r.summary else None,
                     "edited": r.summary.edited if r.summary else None,
                     "origin": r.origin or None, "fingerprint": r.summary.sha256 if r.summary else None,
                     "newer": {"file": r.newer, "fingerprint": r.newer_fingerprint} if r.newer else None,
                     "changes": [_change(c) for c in r.summary.changes] if r.summary else []}
                    for r in summary.schools),
        "proposals": (_proposal(p) for p in summary.proposals),
        "held": ({**_proposal(h.proposal), "why": [w.to_dict() for w in h.why]} for h in summary.held),
        "accepted": ({"school": h.proposal.school, "kind": h.proposal.kind, "who": h.proposal.who,
                      "title": h.proposal.title, "why": [w.to_dict() for w in h.why], "reason": why}
                     for h, why in summary.accepted),
        "counts": summary.counts(),
        "problems": (i.to_dict() for i in summary.every_issue()),
        "removed": ({"school": p.school, "kind": p.kind, "who": p.who, "title": p.title, "reason": why}
                    for p, why in summary.removed),
    }
    with engine.replacing(path) as tmp, tmp.open("w", encoding="utf-8") as handle:  # as write_text wrote it
        _write_json(handle, data)


def _write_json(handle: TextIO, data: dict[str, object]) -> None:
    """``json.dumps(data, ensure_ascii=False, indent=1)``, with each generator among its values as the list of what
    it yields, written key by key and such a list item by item, each item made as it is written: a province's
    72,000 proposals were 72,000 dicts and ~3.9 million pieces of text held at once (~230 MB) until joined. JSON text
    breaks a line only to indent, so a value's own text with each line indented one more level is its text inside
    ``data``."""
    def text(value: object, level: int) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)

    handle.write("{")
    for n, (key, value) in enumerate(data.items()):
        handle.write(f"{',' if n else ''}\n {json.dumps(key, ensure_ascii=False)}: ")
        if not isinstance(value, Iterator):
            handle.write(text(value, 1))
            continue
        first = True
        for item in value:
            handle.write(("[\n  " if first else ",\n  ") + text(item, 2))
            first = False
        handle.write("[]" if first else "\n ]")
    handle.write("\n}" if data else "}")


def _change(c: ListChange) -> dict[str, object]:
    """A difference of a school's lists (a ListChange), its count of lines said only where it has one (a caption)."""
    return {k: v for k, v in dataclasses.asdict(c).items() if k != "lines" or v}


def _proposal(p: Proposal) -> dict[str, object]:
    return {"school": p.school, "kind": p.kind, "who": p.who, "name": p.name, "title": p.title, "position": p.position,
            "unit": p.unit, "gender": p.gender, "dob": p.dob, "votes": p.votes, "members": p.members,
            "grounds": p.grounds}
