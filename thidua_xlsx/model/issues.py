"""Problems found in user input, kept as data (never raised) and rendered in Vietnamese."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from thidua_xlsx.model.campaign import num_text, score_text
from thidua_xlsx.model.titles import Title
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text.messages import LABELS, MESSAGES, REASONS, SEVERITY_LABELS, YEAR_STATE_WORDS

ERROR = "error"
WARNING = "warning"
NOTE = "note"


@dataclass(frozen=True, slots=True)  # one or more per person: no __dict__ each
class Issue:
    code: str
    severity: str = ERROR
    file: str = ""
    sheet: str = ""
    cell: str = ""
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        return self.message_in(MESSAGES)

    def message_in(self, words: Mapping[str, str]) -> str:
        """The message in ``words`` (a door's own wording of some codes, e.g. the page's), else the catalogue's."""
        return words.get(self.code, MESSAGES[self.code]).format(file=self.file, sheet=self.sheet, cell=self.cell,
                                                                **{k: _word(v, k) for k, v in self.params})

    @property
    def where(self) -> str:
        place = self.sheet + (f"!{self.cell}" if self.cell else "")
        return " · ".join(part for part in (self.file, place) if part)

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    def render(self, words: Mapping[str, str] | None = None) -> str:
        message = self.message_in(words) if words is not None else self.message
        return f"[{self.where}] {message}" if self.where else message

    def to_dict(self) -> dict[str, object]:
        """For the JSON report: codes and parameters, no Vietnamese wording."""
        return {"code": self.code, "severity": self.severity, "file": self.file, "sheet": self.sheet,
                "cell": self.cell, "params": {k: _plain(v) for k, v in self.params}}


@dataclass(frozen=True, slots=True)  # one or more per person: no __dict__ each
class Reason:
    """Why a decision, a status or a flag is what it is: a code with parameters, worded at the edge.

    A parameter may itself be a Reason (worded in place) or a tuple of codes (listed with their
    labels); a number is kept as a number (the JSON report gives it as one) and worded as a score is shown
    (9.5 → "9,5", 12.0 → "12", 76.3333 → "76,33": two decimals, cut); a
    :class:`~thidua_xlsx.model.titles.Title` is worded as its name; a year not rated or not rated yet in words
    ("Không xếp loại", never its code); None words as nothing.
    """

    code: str
    params: tuple[tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        return REASONS[self.code].format(**{k: _word(v, k) for k, v in self.params})

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params}}


def reason(code: str, **params: object) -> Reason:
    _check(REASONS, code, params.keys())
    return Reason(code, tuple(sorted(params.items())))


@functools.cache
def _fields(template: str) -> frozenset[str]:
    """The names a message template uses."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _check(catalogue: Mapping[str, str], code: str, given: Iterable[str], where: frozenset[str] = frozenset()) -> None:
    """A missing code or parameter raises KeyError at once (a typo fails in tests), without wording the
    message: problems and reasons are made by the hundred thousand in a province's merge."""
    template = catalogue[code]
    missing = _fields(template) - where - set(given)
    if missing:
        raise KeyError(f"{code}: {', '.join(sorted(missing))}")


class Lines(tuple[str, ...]):
    """A parameter worded as its lines joined by "; " — in the JSON report too, as one text. Its lines
    may be shared with other issues' (the cells a newer version changed repeat over a department's
    versions: a hundred versions, one copy of each line)."""

    __slots__ = ()

    def __str__(self) -> str:
        return "; ".join(self)


# The parameters that say back a number as it was found in a cell (a score typed out of range, a cell typed over):
# every digit kept, as typed — 100.001 cut would read "100 is not from 0 to 100".
_AS_TYPED = frozenset({"value", "shown"})


def _word(value: object, name: str = "") -> str:
    if value is None:
        return ""
    if type(value) is float:
        return num_text(value) if name in _AS_TYPED else score_text(value)
    if type(value) is str:
        return YEAR_STATE_WORDS.get(value, value)
    if isinstance(value, Title):
        return title_name(value)
    if isinstance(value, Lines):
        return str(value)
    if isinstance(value, Reason):
        return value.text
    if isinstance(value, tuple):
        return "; ".join(v.text for v in value) if value and isinstance(value[0], Reason) else \
            ", ".join(LABELS.get(v, str(v)) for v in value)
    return str(value)


def _plain(value: object) -> object:
    if isinstance(value, Lines):
        return str(value)
    if isinstance(value, Reason):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def issue(code: str, severity: str = ERROR, *, file: str = "", sheet: str = "", cell: str = "", **params: object
          ) -> Issue:
    """Build an Issue; the message template is checked at once so a typo fails in tests. A sheet's name is a person's
    text, escaped as a file's is (found by trying: a name with a line break printed a line of its own, "Lỗi: …")."""
    _check(MESSAGES, code, params.keys(), _WHERE)
    return Issue(code, severity, file, safe_name(sheet), cell,
                 tuple(_shared_pair(pair) for pair in sorted(params.items())))


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def safe_name(text: str) -> str:
    """A name that cannot forge a console line: control, line-breaking and bidi characters escaped."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)




def _shared_pair(pair: tuple[str, object]) -> tuple[str, object]:
    """One copy of each text or whole-number parameter: a province's problems repeat the same departments,
    files and counts (the older versions of a department name the same newer one: ~0.3 KB a version).
    Only those two exact types: 1, 1.0 and True are equal keys but not alike (True is worded "True", 1.0 is
    1.0 in the JSON report)."""
    if type(pair[1]) not in (str, int):
        return pair
    return _first_copy(pair)


@functools.lru_cache(maxsize=100_000)
def _first_copy(pair: tuple[str, object]) -> tuple[str, object]:
    """The first of the pairs equal to ``pair`` (a str or int value: see :func:`_shared_pair`)."""
    return pair


_WHERE = frozenset({"file", "sheet", "cell"})  # what every Issue's message may use besides its parameters


@dataclass
class Problems:
    """Collects issues in the order they were found."""

    items: list[Issue] = field(default_factory=list)

    def add(self, code: str, severity: str = ERROR, **where_and_params: Any) -> Issue:
        """An issue made by :func:`issue` (which types where it is and checks its parameters), kept."""
        found = issue(code, severity, **where_and_params)
        self.items.append(found)
        return found

    def extend(self, issues: Iterable[Issue]) -> None:
        self.items.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.items if i.severity == ERROR]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.items)
