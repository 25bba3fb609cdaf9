"""The committee's summary workbook (xlsxwriter), from a :class:`Summary`, and the list posted for the
staff (a workbook of its own).

This module is the packager, as in XlsxWriter: it opens the workbook, decides which sheets it has and
in which order, hands each sheet group the part of the summary it shows, and closes the workbook.
The sheet groups are the modules beside it; the pieces they are all written with are in
:mod:`.book`, over the engine shared with the department workbooks (:mod:`thidua_xlsx.write.engine`).
The file's own timestamps are fixed to the newest input, so the same inbox gives the same file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.report import Report, report_of
from thidua_xlsx.model.results import Summary, by_department
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary import (
    awards,
    council,
    minutes,
    overview,
    problems,
    proposals,
    public,
    sources,
    tables,
    year,
)
from thidua_xlsx.write.summary.book import Book, open_workbook
from thidua_xlsx.write.summary.content import school_of
from thidua_xlsx.write.summary.meta import meta_json, summary_meta


def write_summary(summary: Summary, path: Path, report: Report | None = None) -> None:
    """Write the summary workbook to ``path`` (through a temporary file and a rename); its "Kiểm tra"
    sheet from ``report`` (the run's, or the summary's own)."""
    school = school_of(summary)
    with engine.replacing(path) as tmp:
        wb = open_workbook(tmp)
        engine.set_properties(wb, f"{sx.S_OVERVIEW} {ly.ROUNDS.get(summary.round, '')} {school.school_year}".strip(),
                              school.name, summary.newest_input or engine.FIXED_DATE)
        _sheets(Book(wb, school, draft=bool(summary.draft)), summary, report or report_of(summary))
        engine.meta_sheet(wb, meta_json(summary_meta(summary)))
        wb.close()


def _sheets(book: Book, s: Summary, report: Report) -> None:
    """The sheets in their order: the registration round's, and the scoring round's around them. A period's
    summary has its scores, ratings and ranks, and none of the titles' sheets (lists, ballot, minutes, letter):
    the titles are the year's."""
    scoring = s.round == ly.SCORING
    titled = scoring and not s.period
    members = by_department(s.people)
    by_dept = {d.code: members.get(d.code, []) for d in s.departments}
    overview.overview_sheet(book, s, by_dept, scoring)
    tables.registration_sheet(book, s.people, s.departments,
                              s.year.registration_sent if s.year is not None else None)
    if s.year is not None:
        year.year_sheet(book, s.people, s.year, s.campaign, s.council_changes)
        proposals.refused_sheet(book, s.people, year=True)  # who registered, not proposed, and why: for the council
    elif scoring:
        tables.detail_sheet(book, s.people, s.campaign, s.period_label)
        tables.ranking_sheet(book, s.people, s.period_label)
        if minutes.lists_attached(s):  # the lists the Biên bản and the Tờ trình say are attached
            proposals.proposal_sheet(book, s.people, s.tally)
            proposals.refused_sheet(book, s.people)
    if not s.period:
        tables.collective_sheet(book, s.departments, scoring)
    if s.history is not None:
        awards.history_sheet(book, s.campaign, s.history)
    if titled and s.campaign.special_awards:
        awards.special_sheet(book, s.campaign)
    if titled:
        council.tally_sheet(book, s)
    if scoring and s.tally is not None:  # a council pass (a period's: the head's scores)
        council.changes_sheet(book, s)
    if titled:
        minutes.minutes_sheet(book, s)
        minutes.letter_sheet(book, s)
    problems.check_sheet(book, report)
    sources.sources_sheet(book, s.files, s.issues, s.applied, {p.code: p.label for p in s.campaign.periods})


def write_public_list(summary: Summary, path: Path, posted_on: dt.date, days: int) -> None:
    """The list posted for the staff (:mod:`.public`), through a temporary file and a rename."""
    school = school_of(summary)
    with engine.replacing(path) as tmp:
        wb = open_workbook(tmp)
        engine.set_properties(wb, sx.PUBLIC_TITLE.format(year=school.school_year), school.name,
                              summary.newest_input or engine.FIXED_DATE)
        book = Book(wb, school, draft=bool(summary.draft))
        public.public_sheet(book, summary, posted_on, posted_on + dt.timedelta(days=days))
        wb.close()
