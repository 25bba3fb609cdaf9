"""Vietnamese name order (docs/domain.md §6): by given name, then middle and family names.

Letters follow the Vietnamese alphabet (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư); tones are a
secondary difference in CLDR ``vi`` order: none < huyền < hỏi < ngã < sắc < nặng. Python's plain
``sorted()`` puts đ after z and compares tones first, which is wrong here.
"""

from __future__ import annotations

import functools
import unicodedata

_ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
             "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_OTHER = len(_ALPHABET)


@functools.lru_cache(maxsize=16384)  # names repeat their words (Nguyễn, Thị, Văn …) across a school
def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    primary, tones = [], []
    for char in unicodedata.normalize("NFC", word.casefold()):
        parts = unicodedata.normalize("NFD", char)
        tone = next((_TONES[m] for m in parts[1:] if m in _TONES), 0)
        letter = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        primary.append(_LETTER_RANK.get(letter, _OTHER + ord(letter[0])))
        tones.append(tone)
    return tuple(primary), tuple(tones)


def name_key(full_name: str) -> tuple:
    """Sort key for a Vietnamese full name: given name, then middle names, then family name."""
    words = full_name.split()
    if not words:
        return ((), (), (), ())
    given_primary, given_tones = _word_key(words[-1])
    rest = [_word_key(w) for w in words[1:-1]] + ([_word_key(words[0])] if len(words) > 1 else [])
    return (given_primary, given_tones, tuple(p for p, _ in rest), tuple(t for _, t in rest))


def unmarked(text: str) -> str:
    """The letters without their marks, đ as d: 'Nguyễn Đức' → 'Nguyen Duc' (other signs kept). The one folding
    behind matching (:func:`fold`), file names and a console that cannot show Vietnamese."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Case, accents and spacing folded: 'lao dong tien tien' matches 'Lao động tiên tiến'."""
    return " ".join(unmarked(text.casefold()).split())
