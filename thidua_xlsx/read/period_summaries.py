"""The periods' summaries read back for the year (``thidua-xlsx year FOLDER``).

A folder holds the summaries the secretary made each period (``merge --period``, and the head's pass with
``--council``). Each is read through the same containment as the secretary's other books, and only from its
very hidden metadata: its campaign, year, round and period, and each person's result as the tool wrote it
(schema 3). A cell typed into a summary after it was written is not read: a score is changed through the
council's pass, which writes a new summary. Every entry of the folder is accounted for, as an inbox's is; the tool's
own files there (read.containment.own_file: the JSON report ``merge --period … --json`` wrote beside its summary,
a record, a lock, a temporary file, a launcher; and here, where every workbook is a summary the tool wrote, a PDF
beside the workbook of its name: ``merge --pdf``'s print of it) are passed over with a note (``year.own_file``),
never an error: no department sent them and nobody has anything to do about them, but each is listed, as a lock file
of Excel is, so the folder's every file is accounted for and the secretary sees why it was not read.

What the metadata holds is checked before the year uses it, as a returned workbook's cells are: a score that is not
a number, or is outside 0 to the person's rubric's maximum, is said with the cell that shows it (sheet Điểm chi
tiết, column Điểm xét) and that person's year is left pending — never rated on the other periods, never a
TypeError; metadata of the wrong shape rejects the file. The score's two parts (NĐ 233/2026 điều 10, 11; schema 6)
are checked alike — a number from 0 to 30 and 0 to 70, adding up to the score —, one that is not is said with its
cell and left not known (the rating rests on the score, not on its parts); a summary written before the parts were
kept is read all the same, its parts not known and said so, never 0.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable
from typing import TypeGuard

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.decisions import applied_of
from thidua_xlsx.model.inbox import DEPT, SELF, SKIPPED, InboxFile, reject, skip
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue, Problems, issue
from thidua_xlsx.model.results import SOURCE_COUNCIL
from thidua_xlsx.read.containment import FILE, WORKBOOK_SUFFIXES, InboxItem, own_file, unreadable
from thidua_xlsx.read.entries import saved_at, sorted_out
from thidua_xlsx.read.own_summary import calamine_error
from thidua_xlsx.read.registrations import PERIODS, checked_summary
from thidua_xlsx.system.files import sha256_of
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.messages import shortened

DETAIL_CODE, DETAIL_SCORE = sx.COUNCIL_HEADS["code"], sx.DETAIL_HEAD_LAST[5]  # "Mã", "Điểm xét": the score that counts
DETAIL_COUNCIL = sx.COUNCIL_HEADS["score"]  # "Điểm Hội đồng": what the head's pass reads (merge --period --council)
COUNCIL = "council"  # the key of that column among the sheet's columns
GROUP_MARK = sx.GROUP_HEAD.format(code="", name="")  # ". ": a group's heading is "{code}. {name}"


def read_period_summaries(items: list[InboxItem], campaign: cm.Campaign,
                          on_file: Callable[[str], None] = lambda _name: None
                          ) -> tuple[list[InboxFile], dict[str, ev.PeriodSummary]]:
    """Every entry of the folder (``items``: as :func:`~thidua_xlsx.read.containment.scan_inbox` found them) with
    its status — an entry read as a period's summary is given its own by
    :func:`~thidua_xlsx.decide.year.select_periods` —, and the summaries read, by file name."""
    files, read = [], {}
    own = _own_files(items)
    for item in items:
        entry = sorted_out(item)
        if item.name in own:  # listed as sorted out (its size, time and fingerprint), said as the tool's own
            entry = skip(dataclasses.replace(entry, issues=()), "year.own_file", NOTE, kind=(own[item.name],))
        elif not entry.reason:
            entry, summary = _read(entry, campaign)
            if summary is not None:
                read[entry.name] = summary
        files.append(entry)
        on_file(item.name)
    return files, read


OWN_PRINT = "own.print"  # a PDF beside the workbook of its name in the year's folder: that summary printed


def _own_files(items: list[InboxItem]) -> dict[str, str]:
    """The tool's own files among ``items``, by name → their kind: read.containment's, and a PDF beside a workbook of
    its name (in an inbox that PDF could be a department's print of its book; here it is the summary's)."""
    books = {(item.path.parent, item.path.stem.casefold()) for item in items
             if item.kind == FILE and item.path.suffix.lower() in WORKBOOK_SUFFIXES}
    found = {}
    for item in items:
        kind = own_file(item) or (OWN_PRINT if item.kind == FILE and item.path.suffix.lower() == ".pdf" and
                                  (item.path.parent, item.path.stem.casefold()) in books else "")
        if kind:
            found[item.name] = kind
    return found


def _read(entry: InboxFile, campaign: cm.Campaign) -> tuple[InboxFile, ev.PeriodSummary | None]:
    problems = Problems()
    try:
        opened = checked_summary(entry.path, campaign, problems, PERIODS, name=entry.name)
        entry = dataclasses.replace(entry, sha256=sha256_of(entry.path) if opened is None else opened.sha256)
    except OSError as exc:
        return unreadable(entry, exc), None
    if opened is None:
        found = problems.items[0]
        return reject(entry, found.code, **{k: v for k, v in found.params if k != "file"}), None
    meta, book, data = opened.meta, opened.book, opened.data
    periods = {p.code: p.label for p in campaign.periods}
    if meta.period not in periods:
        return reject(entry, "year.period_unknown", period=meta.period), None
    if meta.schema_version < 3:
        return reject(entry, "year.no_people", period=meta.period), None
    if not _well_formed(meta):
        return reject(entry, "year.meta_broken"), None
    people, said = _people(meta, campaign, periods[meta.period], entry.name, book)
    if meta.schema_version < ly.PERIOD_PARTS_SCHEMA:
        said.append(issue("year.parts_old", NOTE, file=entry.name, period=periods[meta.period],
                          period_code=meta.period))
    entry = dataclasses.replace(entry, saved_at=saved_at(data, entry.path.suffix.lower()),
                                issues=(*entry.issues, *said), status=SKIPPED)  # given its status by the year
    return entry, ev.PeriodSummary(entry.name, meta.period, meta.council, people, dict(meta.collectives),
                                   applied_of(meta.applied))


def _well_formed(meta) -> bool:
    """Each person's row is (code, score, source, title, form, sáng kiến) with text where text belongs; each
    department's (code, title); each person's parts (code, general criteria, task results); each score the head gave
    (code, the score it replaced, her note). The numbers themselves
    are judged person by person (:func:`_people`)."""
    def texts(row, at):
        return all(isinstance(row[i], str) for i in at)

    def rows(value, size, at):
        return isinstance(value, tuple) and all(isinstance(row, tuple) and len(row) == size and texts(row, at)
                                                for row in value)

    return rows(meta.people, 6, (0, 2, 3, 4, 5)) and rows(meta.collectives, 2, (0, 1)) and \
        rows(meta.parts, 3, (0,)) and rows(meta.head_entries, 3, (0, 2))


def _people(meta: ly.SummaryMeta, campaign: cm.Campaign, period: str, file: str, book
            ) -> tuple[dict[str, ev.PeriodEntry], list[Issue]]:
    """Each person's entry by code, a score that is not a number from 0 to the maximum of the person's rubric
    marked unreadable (None, never used) and said by the cell showing it; its parts checked (:func:`_parts`)."""
    roster = {p.code: p for p in campaign.staff}
    rubrics = {r.role: r for r in campaign.rubrics}
    top = max((r.max_total for r in campaign.rubrics), default=100)
    given = {code: (general, tasks) for code, general, tasks in meta.parts}
    heads = {code: _head_score(before, note) for code, before, note in meta.head_entries}
    shown = _Shown(book)
    people: dict[str, ev.PeriodEntry] = {}
    said: list[Issue] = []
    for code, final, source, registered, form, initiative in meta.people:
        person = roster.get(code)
        rubric = rubrics.get(person.role) if person is not None else None
        most = rubric.max_total if rubric is not None else top
        where = {"file": file, "period": period, "name": person.name if person is not None else code, "person": code}
        if final is None or (_number(final) and 0 <= final <= most):
            parts = _parts(given.get(code), final, source, rubric, shown, where, said) if final is not None else \
                ev.UNKNOWN_PARTS
            people[code] = ev.PeriodEntry(final, source, registered, form, initiative, parts=parts,
                                          head=heads.get(code, ev.HEAD_UNSAID) if source == SOURCE_COUNCIL else
                                          ev.HEAD_UNSAID)
            continue
        sheet, cell = shown.score(code)
        said.append(issue("year.score_out_of_range", ERROR, sheet=sheet, cell=cell, **where, value=final, max=most)
                    if _number(final) else
                    issue("year.score_not_number", ERROR, sheet=sheet, cell=cell, **where, value=shortened(final)))
        people[code] = ev.PeriodEntry(None, source, registered, form, initiative, unreadable=True)
    said.extend(_typed_over(meta, people, shown, roster, period, file))
    return people, said


def _head_score(before: object, note: str) -> ev.HeadScore:
    """Why the head gave a score, as the summary of her pass says it: a correction of the score it replaced, or — the
    department gave none — a transfer-in's result at her former school; a replaced score that is not a number (the
    data edited) says nothing."""
    if before is None:
        return ev.HeadScore(ev.HEAD_FORMER_SCHOOL, note=note)
    return ev.HeadScore(ev.HEAD_CORRECTED, float(before), note) if _number(before) else ev.HEAD_UNSAID


def _typed_over(meta: ly.SummaryMeta, people: dict[str, ev.PeriodEntry], shown: _Shown, roster: dict, period: str,
                file: str) -> list[Issue]:
    """What was typed into the summary's visible scores after it was written, which the year does not use (it reads
    the data the tool wrote): a score that counts (Điểm xét) typed over, and a score in the Điểm Hội đồng column
    that the head's pass never applied — each said at its cell with what the year used and how to change a score."""
    found: list[Issue] = []
    for code, entry in people.items():
        if entry.unreadable:
            continue
        person = roster.get(code)
        where: dict[str, object] = {"period": period, "period_code": meta.period, "person": code,
                                    "name": person.name if person is not None else code,
                                    "value": entry.final if entry.final is not None else "—"}
        for key, message in (("", "year.score_typed_over"), (COUNCIL, "year.council_score_unapplied")):
            value, sheet, cell = shown.value(code, key)
            blank = value is None or (isinstance(value, str) and not value.strip())
            if blank and key == COUNCIL:
                continue
            if _same_score(value, entry.final):
                continue
            shown_as = "—" if blank else value if _number(value) else shortened(str(value))  # 99.0 said "99"
            found.append(issue(message, WARNING, file=file, sheet=sheet, cell=cell, **where, shown=shown_as))
    return found


def _same_score(shown: object, final: float | None) -> bool:
    """Whether the sheet's cell shows the data's score (blank for none; cut to two decimals, as the sheet stores it)."""
    if final is None:
        return shown is None or (isinstance(shown, str) and not shown.strip())
    return _number(shown) and cm.score_value(float(shown)) == cm.score_value(final)


def _parts(raw: tuple | None, final: float, source: str, rubric: cm.Rubric | None, shown: _Shown, where: dict,
           said: list[Issue]) -> ev.Parts:
    """The two parts of a score read (``raw``: as the metadata has them, None: not there), each a number from 0 to
    its maximum (NĐ 233/2026 điều 10, 11), both adding up to the score; what is not is said by the cell showing it
    and left not known."""
    if raw is None:
        return ev.UNKNOWN_PARTS
    groups = ev.decree_groups(rubric) if rubric is not None else {}
    found = {}
    for part, value in zip((ev.GENERAL, ev.TASKS), raw, strict=True):
        most = ev.PART_MAX[part]
        if value is None or (_number(value) and 0 <= value <= most):
            found[part] = value
            continue
        found[part] = None
        sheet, cell = shown.subtotal(where["person"], groups.get(part), source)
        said.append(issue("year.part_out_of_range", ERROR, sheet=sheet, cell=cell, **where, part=(part,),
                          value=value, max=most) if _number(value) else
                    issue("year.part_not_number", ERROR, sheet=sheet, cell=cell, **where, part=(part,),
                          value=shortened(value)))
    parts = ev.Parts(found[ev.GENERAL], found[ev.TASKS])
    if None in (parts.general, parts.tasks) or parts.make(final):
        return parts
    sheet, cell = shown.score(where["person"])
    said.append(issue("year.parts_not_total", ERROR, sheet=sheet, cell=cell, **where, general=parts.general,
                      tasks=parts.tasks, total=final))
    return ev.UNKNOWN_PARTS


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


class _Shown:
    """Where the summary shows each person's figures (sheet Điểm chi tiết), looked up once and only when a value is
    wrong: the year reads the metadata, not the cells."""

    def __init__(self, book):
        self.book = book

    @functools.cached_property
    def cells(self) -> list[list] | None:
        """Sheet Điểm chi tiết as calamine reads it; None where it is not there (renamed or removed)."""
        try:
            return self.book.get_sheet_by_name(sx.S_DETAIL).to_python(skip_empty_area=False)
        except calamine_error():  # the sheet renamed or removed: the file alone locates it
            return None

    @functools.cached_property
    def detail(self) -> tuple[dict[str, int], dict[str, int]] | None:
        return None if self.cells is None else _detail(self.cells)

    def score(self, code: str) -> tuple[str, str]:
        """(sheet, cell) of ``code``'s score (column Điểm xét)."""
        return self._at(code, "")

    def value(self, code: str, key: str) -> tuple[object, str, str]:
        """What ``code``'s cell in the column of ``key`` ("": Điểm xét; :data:`COUNCIL`) holds, with its sheet and
        cell; (None, …) where the sheet, the row or the column is not there."""
        sheet, cell = self._at(code, key)
        if not cell or self.detail is None or self.cells is None:
            return None, sheet, cell
        rows, columns = self.detail
        line = self.cells[rows[code]]
        column = columns[key]
        return (line[column] if column < len(line) else None), sheet, cell


    def subtotal(self, code: str, group: str | None, source: str) -> tuple[str, str]:
        """(sheet, cell) of ``code``'s subtotal of ``group`` (None: not known) in the column of ``source`` (self,
        department)."""
        return self._at(code, group, {SELF: 0, DEPT: 1}.get(source))

    def _at(self, code: str, key: str | None, offset: int | None = 0) -> tuple[str, str]:
        """The sheet and the cell of ``code``'s row in the column of ``key`` moved by ``offset``; the sheet alone
        where the row or the column is not found, nothing where the sheet is not."""
        if self.detail is None:
            return "", ""
        rows, columns = self.detail
        row, column = rows.get(code), columns.get(key) if key is not None else None
        if row is None or column is None or offset is None:
            return sx.S_DETAIL, ""
        return sx.S_DETAIL, ly.a1(row, column + offset)


def _detail(rows: list[list]) -> tuple[dict[str, int], dict[str, int]]:
    """Sheet Điểm chi tiết's ``rows``: each code's row, and the columns — the score that counts (Điểm xét) by "", the
    council's (Điểm Hội đồng) by :data:`COUNCIL`, each group's first (its "Tự chấm") by the group's code."""
    found: dict[str, int] = {}
    columns: dict[str, int] = {}
    code_column = None
    for r, row in enumerate(rows):
        cells = [cm.clean_text(cm.cell_value(v)) for v in row]
        if code_column is None:
            if DETAIL_CODE in cells and DETAIL_SCORE in cells:
                code_column = cells.index(DETAIL_CODE)
                columns = {"": cells.index(DETAIL_SCORE), **{text.split(GROUP_MARK, 1)[0]: k
                                                            for k, text in enumerate(cells) if GROUP_MARK in text}}
                if DETAIL_COUNCIL in cells:
                    columns[COUNCIL] = cells.index(DETAIL_COUNCIL)
            continue
        if len(cells) > code_column and cells[code_column]:
            found.setdefault(cells[code_column], r)
    return found, columns
