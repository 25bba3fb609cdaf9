"""Whose word a summary rests on: the registration round's result, the head's pass on a period, the council's pass on
the year — each a file a person made, named with its round, its fingerprint and when it was saved, so that a reader
checks the papers rest on the decisions she expects (docs/spec.md §5g). And the registrations as the year reads them: a
fact of the year, from the registration round's own result, whatever the order rounds were generated or returned in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from thidua_xlsx.model.issued import Registration
from thidua_xlsx.model.issues import Reason

REGISTRATION, HEAD, COUNCIL = "registration", "head", "council"  # whose word: departments', head's, council's


@dataclass(frozen=True, slots=True)  # one or more per person: no __dict__ each
class Decision:
    """A title granted or not, with its reasons. ``pending``: the council must decide (not the tool)."""

    title: str  # a code (model.titles)
    granted: bool
    reasons: tuple[Reason, ...] = ()
    pending: bool = False
    years: tuple[str, ...] = ()  # the earlier school years a multi-year decision used (model.history)

    @property
    def reason(self) -> str:
        return "; ".join(r.text for r in self.reasons)

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {"title": self.title, "granted": self.granted, "pending": self.pending,
                 "reasons": [r.to_dict() for r in self.reasons]}
        return found | {"years": list(self.years)} if self.years else found


@dataclass(frozen=True)
class Applied:
    """A file of a person's word that a run applied: ``kind`` (:data:`REGISTRATION`, :data:`HEAD`, :data:`COUNCIL`),
    the round it belongs to (its key: ``dang-ky``, a period's code, ``ca-nam``, ``cham-diem``), the file as kept
    (relative to the campaign folder), the first 12 hex digits of its SHA-256, and when it was saved (ISO)."""

    kind: str
    round: str
    file: str
    fingerprint: str
    saved: str

    def to_row(self) -> tuple[str, str, str, str, str]:
        return self.kind, self.round, self.file, self.fingerprint, self.saved


def applied_of(rows: Iterable[object] | None) -> tuple[Applied, ...]:
    """The rows a summary's metadata keeps (:meth:`Applied.to_row`), as values; a row of the wrong shape passed over."""
    return tuple(Applied(*row) for row in rows or ()
                 if isinstance(row, (tuple, list)) and len(row) == 5 and all(isinstance(v, str) for v in row))


@dataclass(frozen=True)
class YearRegistrations:
    """The registration round's result as the year reads it: each person's registration by staff code (a newcomer
    registered by name matched to the roster), each department's collective title, and the file it came from."""

    applied: Applied
    people: Mapping[str, Registration] = field(default_factory=dict)
    collectives: Mapping[str, str] = field(default_factory=dict)
    # the departments whose registration book the round's summary used (None: not known): the others never sent one,
    # their people and the department chose nothing — never "không đăng ký"
    departments: tuple[str, ...] | None = None

    def unsent(self, department: str) -> bool:
        """Whether ``department`` never sent its registration book (as far as the round's summary says)."""
        return self.departments is not None and department not in self.departments
