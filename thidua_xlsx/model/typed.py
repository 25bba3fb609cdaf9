"""What a person types into a book we wrote (a council's or the head's note, the officer's reason), kept as typed.

OWASP's formula injection and Excel's own limits: the text in Unicode's composed form with its spaces folded; the
control characters a paste carries (and the marks that turn the direction of a line) taken out and counted, so that
what was taken is said; a line break or a tab read as a space. The writers write it as text, never as a formula."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
