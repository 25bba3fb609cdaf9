"""Title codes: a title's identity inside the tool. Its Vietnamese name lives in :mod:`thidua_xlsx.text.titles`.

Coded are the titles the law defines and the tool knows (Luật Thi đua, khen thưởng 06/2022/QH15 art.
22–27): LĐTT, CSTĐCS, CSTĐ cấp tỉnh, TTLĐTT and TTLĐXS; and the two choices of a title column that are
no title: :data:`NOT_REGISTERED` (a person or a department registers for none) and :data:`NO_PROPOSAL`
(the council's "no title"). Decisions, registered titles, proposals, the council's choices, the rules
and the JSON report carry codes. The edges translate: :func:`code` when campaign.xlsx, a preset, a
department's choice or a summary is read (case, accents and spacing aside, as the readers compare
choices), :func:`name` in every writer.

A title a school adds to its campaign that the tool does not know keeps its own name as its identity:
its code is its name as written, and it is shown as written.

The award forms (Giấy khen, Bằng khen …) have no code, by choice: no rule decides them, each province
names its own authorities (UBND tỉnh, UBND Thành phố …), and a form is only carried from a department's
choice to the summary; they stay the campaign's words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.titles import TITLE_NAMES

LDTT = "LDTT"  # Lao động tiên tiến
CSTDCS = "CSTDCS"  # Chiến sĩ thi đua cơ sở
CSTD_TINH = "CSTD_TINH"  # Chiến sĩ thi đua cấp tỉnh
TTLDTT = "TTLDTT"  # Tập thể lao động tiên tiến
TTLDXS = "TTLDXS"  # Tập thể lao động xuất sắc
INDIVIDUAL_ORDER = (CSTD_TINH, CSTDCS, LDTT)  # highest first, as the lists are read
NOT_REGISTERED = "KHONG_DANG_KY"  # registered for no title (blank: nothing chosen)
NO_PROPOSAL = "KHONG_DE_NGHI"  # the council's decision: no title

_BY_FOLDED = {fold(text): c for c, n in TITLE_NAMES.items() for text in (n, c)}


def name(code: str) -> str:
    """The Vietnamese name of ``code``; a title the tool does not know is its own name."""
    return TITLE_NAMES.get(code, code)


@functools.lru_cache(maxsize=1024)  # a summary read back names a title per person
def code(text: str) -> str:
    """The code of the title named ``text`` (or given by its code), case, accents and spacing aside; a title
    the tool does not know: ``text`` itself, which the caller has cleaned."""
    return _BY_FOLDED.get(fold(text), text) if text else ""


def codes(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(code(t) for t in texts)


def is_registered(title: str) -> bool:
    """A title chosen: neither blank nor "Không đăng ký"."""
    return bool(title) and title != NOT_REGISTERED


class Title(str):
    """A title code given to a message as a parameter: worded as its name, the code in the JSON report."""

    __slots__ = ()
