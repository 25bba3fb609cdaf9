"""What was issued: the slice of the campaign a department workbook receives, and the record of it.

Privacy by construction: the template writer gets a :class:`WorkbookSpec` — one department, and
of its people only code, name, position, role and registered title — never the campaign's
roster. ``generate`` records each workbook it wrote as an :class:`IssuedWorkbook` in the
campaign folder (``so-da-phat/<submission id>.json``): its identity, its people, its layout and
the fingerprint of its locked content. The merge trusts that record, never the returned file.
The locked content itself (every locked label and maximum, ~85 % of a record) is kept beside it in
``so-da-phat/o-khoa/``: it is read only for a returned file whose locked content no longer has
the fingerprint, to say which cell was changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.kept import per_object
from thidua_xlsx.model.titles import code as title_code
from thidua_xlsx.model.titles import is_registered

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

LOCKED_FOLDER = "o-khoa"  # in ISSUED_FOLDER: the locked content of each record
NEWCOMER_PREFIX = "MOI"


@dataclass(frozen=True)
class IssuedPerson:
    """A person as their department's workbook shows them. ``registered``: a title code, "" = not registered."""

    code: str
    name: str
    position: str
    role: str
    registered: str = ""
    newcomer: bool = False  # registered on a spare row, not (yet) in the roster: a provisional code

    @property
    def has_registered(self) -> bool:
        return is_registered(self.registered)


@dataclass(frozen=True)
class Registration:
    """What a person registered (read from a registration summary for ``generate --from``)."""

    title: str = ""
    form: str = ""
    initiative: str = ""


@dataclass(frozen=True)
class WorkbookSpec:
    """Everything the template writer may know: no other department, no personal field."""

    campaign_id: str
    school: cm.School
    settings: cm.Settings
    classification: tuple[cm.Level, ...]
    gate_cap: str
    titles: cm.Titles
    rubrics: tuple[cm.Rubric, ...]
    department: cm.Department
    round: str
    people: tuple[IssuedPerson, ...]
    collective: str = ""  # the collective title registered (scoring round, from --from)
    registered_known: bool = False  # a registration summary was given (scoring round)
    period: str = ""  # the period's code (a campaign with periods, scoring round); "": the year's single round
    period_label: str = ""  # as the form's subtitle shows it: "Tháng 11/2026"

    def rubric_for(self, role: str) -> cm.Rubric:
        return next((r for r in self.rubrics if r.role == role), self.rubrics[0])


def newcomer_code(department_code: str, n: int) -> str:
    return f"{NEWCOMER_PREFIX}-{department_code}-{n}"


def name_key(name: str) -> str:
    """How a newcomer's name is matched to the roster: NFC, spaces collapsed, case folded."""
    return cm.clean_text(name).casefold()


@dataclass(frozen=True)
class Newcomer:
    department: str
    name: str
    position: str
    registration: Registration


def department_spec(campaign: cm.Campaign, department: cm.Department, round_: str,
                    registrations: dict[str, Registration] | None = None, newcomers: tuple[Newcomer, ...] = (),
                    collective: str = "", period: cm.Period | None = None) -> WorkbookSpec:
    """The slice of ``campaign`` for one department's workbook.

    In the scoring round each person shows the title they registered (``registrations``, by code;
    a roster person missing there is not registered). A newcomer registered on a spare row is
    matched to the roster by department and name; if the roster has no such person yet, the
    newcomer gets a form of their own under a provisional code. A period's workbook leaves out whoever started after
    the period ended (sheet Nhân sự, their start date), and whoever moved to another school by its first day (their
    "Chuyển đi từ ngày"): not of that period (docs/domain.md §4e; NĐ 233/2026 điều 15 khoản 1 điểm a) — nor, in a year
    scored once at its end, of its scoring round.
    """
    members = campaign.members(department.code)
    if period is not None:
        members = [p for p in members if cm.started_by(p, period.end) and not cm.moved_by(p, period.start)]
    elif round_ == ly.SCORING:  # a year scored once, at its end: who left during it is the new school's to score
        members = [p for p in members if not p.facts.moved_on]
    registered_known = bool(registrations or newcomers)
    registrations = {p.code: registrations[p.code] for p in members if p.code in registrations} \
        if registrations else {}  # this department's only: the school's would be copied once per department
    by_name = {name_key(p.name): p.code for p in members}
    extra: list[IssuedPerson] = []
    for n, newcomer in enumerate((x for x in newcomers if x.department == department.code), start=1):
        known = by_name.get(name_key(newcomer.name))
        if known is not None:
            registrations.setdefault(known, newcomer.registration)
        elif any(name_key(x.name) == name_key(newcomer.name) for x in extra):
            continue  # a spare row pasted twice in a summary of an earlier release: one form, not two
        else:
            extra.append(IssuedPerson(newcomer_code(department.code, n), newcomer.name, newcomer.position,
                                      _newcomer_role(members, campaign), newcomer.registration.title, newcomer=True))
    scoring = round_ == ly.SCORING
    people = tuple(IssuedPerson(p.code, p.name, p.position, p.role,
                                registrations.get(p.code, Registration()).title if scoring else "")
                   for p in members) + (tuple(extra) if scoring else ())
    return WorkbookSpec(campaign.id, campaign.school, campaign.settings, campaign.classification, campaign.gate_cap,
                        campaign.titles, campaign.rubrics, department, round_, people,
                        collective=collective if scoring else "", registered_known=registered_known,
                        period=period.code if period else "", period_label=period.label if period else "")


def _newcomer_role(members: list[cm.Person], campaign: cm.Campaign) -> str:
    """A newcomer is scored on the department's most common rubric; of two as common, the one met
    first in the roster (not whichever a set gives first: the workbook would change between runs)."""
    roles = [p.role for p in members]
    return max(dict.fromkeys(roles), key=roles.count) if roles else campaign.rubrics[0].role


# --- the record of what was issued --------------------------------------------------------------

@dataclass(frozen=True, slots=True)  # one per file of an inbox: no __dict__ each
class IssuedWorkbook:
    layout: ly.WorkbookLayout
    people: tuple[IssuedPerson, ...]
    collective: str
    locked: tuple[tuple[str, str], ...]  # (key, canonical value) of every locked cell that matters
    fingerprint: str
    file_name: str
    issued_on: tuple[str, ...]  # ISO dates: each time generate wrote it
    sha256: str = ""  # of the file as written: a returned file with this digest was never filled in
    rubrics: tuple[cm.Rubric, ...] = ()  # the rubrics it was issued with (scoring round), to tell later changes

    @property
    def submission_id(self) -> str:
        return self.layout.submission_id

    @property
    def department_code(self) -> str:
        return self.layout.department_code

    @property
    def round(self) -> str:
        return self.layout.round

    def to_json(self) -> dict[str, object]:
        return {"layout": self.layout.to_json(), "people": [dataclasses.asdict(p) for p in self.people],
                "collective": self.collective, "locked": [list(kv) for kv in self.locked],
                "fingerprint": self.fingerprint, "file_name": self.file_name, "issued_on": list(self.issued_on),
                "sha256": self.sha256, "rubrics": [as_data(r) for r in self.rubrics]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> IssuedWorkbook:
        """A record; one written before titles had codes names them in words, read as their codes."""
        return cls(layout=ly.WorkbookLayout.from_json(data["layout"]),
                   people=tuple(IssuedPerson(**{**p, "registered": title_code(p.get("registered", ""))})
                                for p in data["people"]),
                   collective=title_code(data["collective"]),
                   locked=tuple((k, v) for k, v in data.get("locked", ())), fingerprint=data["fingerprint"],
                   file_name=data["file_name"], issued_on=tuple(data["issued_on"]), sha256=data.get("sha256", ""),
                   rubrics=tuple(cm.rubric_from_dict(r) for r in data.get("rubrics", ())))


@per_object(256)  # what every department shares
def as_data(value: DataclassInstance | tuple[DataclassInstance, ...]) -> object:
    """``dataclasses.asdict`` of ``value`` — a frozen dataclass, or a tuple of them — made once for the same object:
    the campaign's rubrics go in full into every department's workbook id and record (deep-copied each time
    before: benchmarks/RESULTS.md). The data is shared: read it, never change it."""
    return tuple(map(dataclasses.asdict, value)) if isinstance(value, tuple) else dataclasses.asdict(value)


def fingerprint(locked: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """A digest of locked content — (key, canonical value) pairs in any order, or a mapping of them. Each text is
    preceded by its length, so that no two contents join into the same text (JSON did the same at twice the cost:
    this is computed for every returned file). A mapping's keys are sorted as text, not its pairs as tuples: the
    same order (its keys are unique), in two thirds of the time. Records written with the JSON digest still read:
    for them a file whose digest differs is compared cell by cell with the content in the record."""
    if isinstance(locked, Mapping):
        pieces = [f"{len(key)}:{key}{len(value)}:{value}" for key in sorted(locked) for value in (locked[key],)]
    else:
        pieces = [f"{len(key)}:{key}{len(value)}:{value}" for key, value in sorted(locked)]
    return hashlib.sha256("".join(pieces).encode()).hexdigest()
