"""How dates, initiatives and notes are written for people: the small phrases that the summary
workbook and the Word papers both print, so that the two say the same thing.

Plain text from plain values (duck-typed: a school, a person's facts, a decision), no spreadsheet
and no document library.
"""

from __future__ import annotations

import datetime as dt

from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.workbook import DATE_LINE_BLANK


def date_line(school) -> str:
    """The place and the blank date above a signature ("Trực Cường, ngày … tháng … năm …")."""
    return f"{school.place}, {DATE_LINE_BLANK}" if school.place else DATE_LINE_BLANK


def day_text(iso: str) -> str:
    """'2025-09-15' → '15/09/2025'; anything else as it is."""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def initiative_text(facts) -> str:
    """A person's initiative, its level and the decision that recognised it, as one phrase."""
    if not facts.initiative:
        return ""
    parts = [facts.initiative]
    if facts.initiative_level:
        parts.append(sx.INITIATIVE_LEVEL.format(level=facts.initiative_level))
    if facts.initiative_decision:
        parts.append(sx.INITIATIVE_DECISION.format(decision=facts.initiative_decision))
    return ", ".join(parts)


def short_note(decision) -> str:
    """What a signed list says beside a name: only that the council decided, never the tool's reasons."""
    return sx.NOTE_COUNCIL if decision.reasons and decision.reasons[0].code.startswith("council.") else ""
