"""What a person types into a book we wrote (a council's or the head's note, the officer's reason), kept as typed;
and a day she types at a door (collect's ``--since``, the page's *Từ ngày*), read one way for both.

OWASP's formula injection and Excel's own limits: the text in Unicode's composed form with its spaces folded; the
control characters a paste carries (and the marks that turn the direction of a line) taken out and counted, so that
what was taken is said; a line break or a tab read as a space. The writers write it as text, never as a formula."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from thidua_xlsx.model.issues import Issue, issue

_SPACES = "\t\n\r"  # control characters, but a typed line's own: read as spaces, not said
_DIRECTION = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)))


@dataclass(frozen=True)
class Typed:
    """A typed text as kept, and how many control characters were taken out of it."""

    text: str
    removed: int = 0


def typed_text(value: str) -> Typed:
    """``value`` as kept: NFC, control and direction characters out (counted), spaces folded, trimmed."""
    kept, removed = [], 0
    for ch in unicodedata.normalize("NFC", value):
        if ch in _SPACES:
            kept.append(" ")
        elif unicodedata.category(ch) == "Cc" or ch in _DIRECTION:
            removed += 1
        else:
            kept.append(ch)
    return Typed(" ".join("".join(kept).split()), removed)


# The forms of a day a secretary types: day first as Vietnam writes it (with a slash, a dash or a dot, as Excel and
# Windows show a date), or the ISO form a browser's date box and a spreadsheet's export give; the year in four digits.
DAY_FORMS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def typed_date(value: str) -> dt.date | Issue:
    """The day ``value`` names (25/11/2026, 25-11-2026, 25.11.2026, 2026-11-25; spaces around it ignored), or the
    problem saying it names none (a day or month that does not exist, a two-digit year, words) and how to type one."""
    text = value.strip()
    for form in DAY_FORMS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return issue("typed.date", value=text)
