"""``history``: the history book (lich-su.xlsx) kept from each year's final summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua_xlsx.model import places
from thidua_xlsx.model import result as rs
from thidua_xlsx.model.history_book import HistoryBook, HistoryUpdate, YearAdded, refusal
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.requests import HistoryRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.system import lock
from thidua_xlsx.system.files import check_writable, open_elsewhere
from thidua_xlsx.system.voice import Voice, vietnam_today, warn_problems
from thidua_xlsx.text import history as hx

YEAR_DRAFT, YEAR_DRAFT_PRE_COUNCIL = "history.year_draft", "history.year_draft_pre_council"  # a year still running


def update_history(book: Path | None, summaries: list[Path], today: dt.date | None = None, final: bool = False
                   ) -> HistoryUpdate:
    """``history``: the history book ``book`` made when missing, then each final summary of ``summaries`` added
    as its year (a year the tool added before from the same campaign is replaced; a year typed by hand, another
    school's summary or one that is no final summary is refused, said in the problems). The book is written
    once, whole, its previous version kept beside it; not at all when it is open in Excel or LibreOffice, when
    it cannot be read, or when a column the update needs is missing. A year still running (a period not final: its
    summary says which) is refused unless ``final`` says, on purpose, to record it as it is. Returns a
    :class:`~thidua_xlsx.model.history_book.HistoryUpdate`."""
    from thidua_xlsx.read.history import read_history_book  # deferred: python-calamine at start-up
    from thidua_xlsx.write.history import new_book, save_history_book  # deferred: xlsxwriter at start-up

    book = Path(book) if book else (summaries[0].parent if summaries else Path()) / places.HISTORY_BOOK  # the year's
    if book.suffix.lower() != ".xlsx":
        raise out.Refused(hx.BOOK_NOT_XLSX.format(path=book))
    problems, created = Problems(), not book.exists()
    with out.holding([lock.lock_path(book)], "history", problems):
        if not created and open_elsewhere(book):
            problems.add("history.book_open", file=book.name)
            return HistoryUpdate(book, False, (), problems, given=len(summaries))
        kept: HistoryBook | None
        if created:
            out.prepare([out.Output("book", book)], force=False)
            kept = new_book()
        else:
            check_writable(book)
            kept, _history, found = read_history_book(book)
            problems.extend(found)
            if kept is None or any(p.code == "history.column_missing" for p in found):
                return HistoryUpdate(book, False, (), problems, given=len(summaries))
        kept, added = _years_added(kept, summaries, final, book.name, problems)
        if not added and (not created or summaries):  # nothing to add (each summary refused: said): the secretary's
            # file is left as she saved it, and no empty book is made for a year that could not be recorded
            return HistoryUpdate(book, False, (), problems, years=kept.years, given=len(summaries))
        written, backup = save_history_book(kept, book, today or vietnam_today())
        return HistoryUpdate(book, created, tuple(added), problems, written, backup, kept.years, len(summaries))



def _years_added(kept: HistoryBook, summaries: list[Path], final: bool, book_name: str,
                 problems: Problems) -> tuple[HistoryBook, list[YearAdded]]:
    """The book with each final summary's year added, and what each added; a summary refused (not final, a year
    still running unless ``final``, a year the book may not take) said."""
    from thidua_xlsx.read.history import read_final_summary  # deferred: python-calamine at start-up
    from thidua_xlsx.write.history import with_year  # deferred: xlsxwriter at start-up

    added = []
    for path in summaries:
        year, refused = read_final_summary(path)
        problems.extend(refused)
        why = refusal(kept, year) if year is not None else None
        if year is not None and year.draft and not final:  # before the council too: the way on passes it first
            before_council = why is not None and why[0] == "history.summary_pre_council"
            problems.add(YEAR_DRAFT_PRE_COUNCIL if before_council else YEAR_DRAFT, file=year.file, year=year.year,
                         periods=year.draft)
            continue
        if why is not None:
            problems.add(why[0], file=book_name, **why[1])
        if year is None or why is not None:
            continue
        people = year.history.people
        added.append(YearAdded(year.year, year.file, kept.meta.source_of(year.year) is not None, len(people),
                               sum(len(p.titles) for p in people), len(year.history.initiatives),
                               len(year.history.departments), year.draft))
        kept = with_year(kept, year)
    return kept, added


def run(request: HistoryRequest, voice: Voice) -> Result:
    """``history``: the book updated (:func:`update_history`), its problems and what was done said."""
    done = update_history(request.book, list(request.summaries), final=request.final)
    warn_problems(done.problems, voice)
    if done.created and done.written:
        voice.say(hx.CREATED.format(path=done.book))
    for year in done.added:
        voice.say((hx.REPLACED if year.replaced else hx.ADDED).format(**vars(year)))
        if year.draft:
            voice.warn(hx.ADDED_DRAFT.format(year=year.year, periods=year.draft))
    if done.written:
        voice.say(hx.WRITTEN.format(path=done.book, backup=done.backup) if done.backup else
                  hx.WRITTEN_NEW.format(path=done.book))
        voice.say(hx.YEARS.format(count=len(done.years), years=", ".join(done.years) or "—"))
    elif not done.problems.errors:
        voice.say(hx.UNCHANGED.format(path=done.book))
    files = (WrittenFile(done.book, rs.HISTORY, not done.created), *(
        (WrittenFile(done.backup, rs.BACKUP),) if done.backup else ())) if done.written else ()
    return Result("history", done.report, files, places.HISTORY_KEY, done.book.parent)
