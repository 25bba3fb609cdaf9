"""The "Nguồn dữ liệu" sheet: every file of the inbox, whether it was used and why, with its digest."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter

from thidua_xlsx.model.decisions import Applied
from thidua_xlsx.model.inbox import ACCEPTED, InboxFile
from thidua_xlsx.model.issues import Issue
from thidua_xlsx.system.received import Came, received_by_digest
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary.book import Book
from thidua_xlsx.write.summary.content import VN_TIME


def _file_reason(f: InboxFile, issue_count: int) -> str:
    """Why a file has its status: the message of its deciding issue (or the first); for a used file, a count."""
    if f.status == ACCEPTED:
        return sx.ACCEPTED_WITH_ISSUES.format(count=issue_count) if issue_count else ""
    chosen = next((i for i in f.issues if i.code == f.reason), f.issues[0] if f.issues else None)
    return chosen.message if chosen else ""


def sources_sheet(book: Book, files: tuple[InboxFile, ...], issues: tuple[Issue, ...],
                  applied: tuple[Applied, ...] | None = None, rounds: dict[str, str] | None = None) -> None:
    """Every file of the inbox, then (a school's summary: ``applied`` given) whose word it rests on
    (:func:`_applied`; ``rounds``: the periods' labels by code)."""
    came = received_by_digest([f.path for f in files])  # who sent a file that came by the page or the mail
    widths = (32, engine.name_width(18, [f.department_name for f in files]), 20, 46, 10, 16, 52,
              *((34,) if came else ()))
    ws = book.sheet(sx.S_SOURCES, widths, landscape=True)
    last_col = len(widths) - 1
    row = book.title(ws, 0, last_col, sx.SOURCES_TITLE)
    book.text(ws, row - 1, 0, last_col, sx.SOURCES_RULE, "note", fit=True)
    by_file = Counter(i.file for i in issues)
    rows = ([f.name, f.department_name, sx.FILE_STATUS.get(f.status, f.status),
             _file_reason(f, by_file[f.name]), round(f.size / 1024, 1), (f.saved_at or f.modified) + VN_TIME,
             f.sha256, *([_came(came.get(f.sha256))] if came else [])] for f in files)
    _head, last = book.table(ws, row + 1, (*sx.SOURCES_HEAD, *([sx.SOURCES_RECEIVED] if came else [])), rows,
                             ["text", "text", "text", "text", "kb", "time", "small", *(["text"] if came else [])])
    if applied is not None:
        _applied(book, ws, last + 2, last_col, applied, rounds or {})


def _applied(book: Book, ws, row: int, last_col: int, applied: tuple[Applied, ...], rounds: dict[str, str]) -> None:
    """Below the files: the registration, the head's and the council's files the summary applied — whose word,
    which round, the file as kept, its fingerprint and when it was saved — so that a reader checks the figures rest
    on the decisions she expects; said when there is none."""
    book.text(ws, row, 0, last_col, dx.APPLIED_HEAD, "subtitle", fit=True)
    if not applied:
        book.text(ws, row + 1, 0, last_col, dx.APPLIED_NONE, "note", fit=True)
        return
    rows = ([dx.APPLIED_KIND.get(a.kind, a.kind), rounds.get(a.round) or dx.ROUND_WORDS.get(a.round, a.round),
             a.file, a.fingerprint, dx.saved_words(a.saved)]
            for a in applied)
    book.table(ws, row + 1, dx.APPLIED_COLUMNS, rows, ["text", "text", "text", "small", "text"], data_table=False)


def _came(came: Came | None) -> str:
    """'lan@truong.edu.vn, 12/05/2026 09:30' ("" for a file saved into the inbox by hand)."""
    if came is None:
        return ""
    when = came.date
    with contextlib.suppress(ValueError):
        when = dt.datetime.fromisoformat(came.date).strftime("%d/%m/%Y %H:%M")
    return sx.SOURCES_CAME.format(sender=came.sender or "?", date=when or "?")
