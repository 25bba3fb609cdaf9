"""The periods' summaries read back for the year (``thidua-xlsx year FOLDER``).

A folder holds the summaries the secretary made each period (``merge --period``, and the head's pass with
``--council``). Each is read through the same containment as the secretary's other books, and only from its
very hidden metadata: its campaign, year, round and period, and each person's result as the tool wrote it
(schema 3). A cell typed into a summary after it was written is not read: a score is changed through the
council's pass, which writes a new summary. Every entry of the folder is accounted for, as an inbox's is.

What the metadata holds is checked before the year uses it, as a returned workbook's cells are: a score that is not
a number, or is outside 0 to the person's rubric's maximum, is said with the cell that shows it (sheet Điểm chi
tiết, column Điểm xét) and that person's year is left pending — never rated on the other periods, never a
TypeError; metadata of the wrong shape rejects the file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Callable

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import SKIPPED, InboxFile, reject
from thidua_xlsx.model.issues import ERROR, Issue, Problems, issue
from thidua_xlsx.read.containment import InboxItem, unreadable
from thidua_xlsx.read.department import sorted_out
from thidua_xlsx.read.department.entry import saved_at
from thidua_xlsx.read.registrations import PERIODS, checked_summary
from thidua_xlsx.system.files import sha256_of
from thidua_xlsx.text import summary as tx
from thidua_xlsx.text.messages import shortened

DETAIL_CODE, DETAIL_SCORE = tx.COUNCIL_HEADS["code"], tx.DETAIL_HEAD_LAST[5]  # "Mã", "Điểm xét": the score that counts


def read_period_summaries(items: list[InboxItem], campaign: cm.Campaign,
                          on_file: Callable[[str], None] = lambda _name: None
                          ) -> tuple[list[InboxFile], dict[str, ev.PeriodSummary]]:
    """Every entry of the folder (``items``: as :func:`~thidua_xlsx.read.containment.scan_inbox` found them) with
    its status — an entry read as a period's summary is given its own by
    :func:`~thidua_xlsx.decide.year.select_periods` —, and the summaries read, by file name."""
    files, read = [], {}
    for item in items:
        entry = sorted_out(item)
        if not entry.reason:
            entry, summary = _read(entry, campaign)
            if summary is not None:
                read[entry.name] = summary
        files.append(entry)
        on_file(item.name)
    return files, read


def _read(entry: InboxFile, campaign: cm.Campaign) -> tuple[InboxFile, ev.PeriodSummary | None]:
    problems = Problems()
    try:
        checked = checked_summary(entry.path, campaign, problems, PERIODS, name=entry.name)
        data = entry.path.read_bytes() if checked is not None else None  # within the bounds containment checked
        entry = dataclasses.replace(entry, sha256=sha256_of(entry.path) if data is None else
                                    hashlib.sha256(data).hexdigest())
    except OSError as exc:
        return unreadable(entry, exc), None
    if checked is None:
        found = problems.items[0]
        return reject(entry, found.code, **{k: v for k, v in found.params if k != "file"}), None
    meta, book = checked
    periods = {p.code: p.label for p in campaign.periods}
    if meta.period not in periods:
        return reject(entry, "year.period_unknown", period=meta.period), None
    if meta.schema_version < 3:
        return reject(entry, "year.no_people", period=meta.period), None
    if not _well_formed(meta):
        return reject(entry, "year.meta_broken"), None
    people, said = _people(meta.people, campaign, periods[meta.period], entry.name, book)
    entry = dataclasses.replace(entry, saved_at=saved_at(data, entry.path.suffix.lower()),
                                issues=(*entry.issues, *said), status=SKIPPED)  # given its status by the year
    return entry, ev.PeriodSummary(entry.name, meta.period, meta.council, people, dict(meta.collectives))


def _well_formed(meta) -> bool:
    """Each person's row is (code, score, source, title, form, sáng kiến) with text where text belongs; each
    department's (code, title). The score itself is judged person by person (:func:`_people`)."""
    def texts(row, at):
        return all(isinstance(row[i], str) for i in at)

    return isinstance(meta.people, tuple) and isinstance(meta.collectives, tuple) and \
        all(isinstance(row, tuple) and len(row) == 6 and texts(row, (0, 2, 3, 4, 5)) for row in meta.people) and \
        all(isinstance(row, tuple) and len(row) == 2 and texts(row, (0, 1)) for row in meta.collectives)


def _people(rows, campaign: cm.Campaign, period: str, file: str, book
            ) -> tuple[dict[str, ev.PeriodEntry], list[Issue]]:
    """Each person's entry by code, a score that is not a number from 0 to the maximum of the person's rubric
    marked unreadable (None, never used) and said by the cell showing it."""
    roster = {p.code: p for p in campaign.staff}
    top = max((r.max_total for r in campaign.rubrics), default=100)
    people, said, cells = {}, [], None
    for code, final, source, registered, form, initiative in rows:
        person = roster.get(code)
        most = campaign.rubric_for(person.role).max_total if person is not None and \
            any(r.role == person.role for r in campaign.rubrics) else top
        number = isinstance(final, (int, float)) and not isinstance(final, bool) and math.isfinite(final)
        if final is None or (number and 0 <= final <= most):
            people[code] = ev.PeriodEntry(final, source, registered, form, initiative)
            continue
        cells = _score_cells(book) if cells is None else cells
        sheet, cell = cells.get(code) or cells.get("") or ("", "")
        name = person.name if person is not None else code
        said.append(issue("year.score_out_of_range", ERROR, file=file, sheet=sheet, cell=cell, period=period,
                          name=name, person=code, value=final, max=most) if number else
                    issue("year.score_not_number", ERROR, file=file, sheet=sheet, cell=cell, period=period,
                          name=name, person=code, value=shortened(final)))
        people[code] = ev.PeriodEntry(None, source, registered, form, initiative, unreadable=True)
    return people, said


def _score_cells(book) -> dict[str, tuple[str, str]]:
    """Where the summary shows each person's score (sheet Điểm chi tiết, column Điểm xét, the row of the code), by
    code; "" → the sheet alone. Only looked up when a score is wrong: the year reads the metadata, not the cells."""
    try:
        rows = book.get_sheet_by_name(tx.S_DETAIL).to_python(skip_empty_area=False)
    except Exception:  # the sheet renamed or removed: the file alone locates it
        return {}
    found: dict[str, tuple[str, str]] = {"": (tx.S_DETAIL, "")}
    columns = None
    for r, row in enumerate(rows):
        cells = [cm.clean_text(cm.cell_value(v)) for v in row]
        if columns is None:
            if DETAIL_CODE in cells and DETAIL_SCORE in cells:
                columns = cells.index(DETAIL_CODE), cells.index(DETAIL_SCORE)
            continue
        if len(cells) > max(columns) and cells[columns[0]]:
            found.setdefault(cells[columns[0]], (tx.S_DETAIL, ly.a1(r, columns[1])))
    return found
