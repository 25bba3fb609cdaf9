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
import functools
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly

ISSUED_FOLDER = "so-da-phat"  # in the campaign folder, beside campaign.xlsx
LOCKED_FOLDER = "o-khoa"  # in ISSUED_FOLDER: the locked content of each record
NEWCOMER_PREFIX = "MOI"


@dataclass(frozen=True)
class IssuedPerson:
    """A person as their department's workbook shows them. ``registered`` "" = not registered."""

    code: str
    name: str
    position: str
    role: str
    registered: str = ""
    newcomer: bool = False  # registered on a spare row, not (yet) in the roster: a provisional code

    @property
    def has_registered(self) -> bool:
        return bool(self.registered) and self.registered != ly.NOT_REGISTERED


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
                    collective: str = "") -> WorkbookSpec:
    """The slice of ``campaign`` for one department's workbook.

    In the scoring round each person shows the title they registered (``registrations``, by code;
    a roster person missing there is not registered). A newcomer registered on a spare row is
    matched to the roster by department and name; if the roster has no such person yet, the
    newcomer gets a form of their own under a provisional code.
    """
    members = campaign.members(department.code)
    registered_known = bool(registrations or newcomers)
    registrations = {p.code: registrations[p.code] for p in members if p.code in registrations} \
        if registrations else {}  # this department's only: the school's would be copied once per department
    by_name = {name_key(p.name): p.code for p in members}
    extra = []
    for n, newcomer in enumerate((x for x in newcomers if x.department == department.code), start=1):
        known = by_name.get(name_key(newcomer.name))
        if known is not None:
            registrations.setdefault(known, newcomer.registration)
        else:
            extra.append(IssuedPerson(newcomer_code(department.code, n), newcomer.name, newcomer.position,
                                      _newcomer_role(members, campaign), newcomer.registration.title, newcomer=True))
    scoring = round_ == ly.SCORING
    people = tuple(IssuedPerson(p.code, p.name, p.position, p.role,
                                registrations.get(p.code, Registration()).title if scoring else "")
                   for p in members) + (tuple(extra) if scoring else ())
    return WorkbookSpec(campaign.id, campaign.school, campaign.settings, campaign.classification, campaign.gate_cap,
                        campaign.titles, campaign.rubrics, department, round_, people,
                        collective=collective if scoring else "", registered_known=registered_known)


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

    def to_json(self) -> dict:
        return {"layout": self.layout.to_json(), "people": [dataclasses.asdict(p) for p in self.people],
                "collective": self.collective, "locked": [list(kv) for kv in self.locked],
                "fingerprint": self.fingerprint, "file_name": self.file_name, "issued_on": list(self.issued_on),
                "sha256": self.sha256, "rubrics": [dataclasses.asdict(r) for r in self.rubrics]}

    @classmethod
    def from_json(cls, data: dict) -> "IssuedWorkbook":
        return cls(layout=ly.WorkbookLayout.from_json(data["layout"]),
                   people=tuple(IssuedPerson(**p) for p in data["people"]), collective=data["collective"],
                   locked=tuple((k, v) for k, v in data.get("locked", ())), fingerprint=data["fingerprint"],
                   file_name=data["file_name"], issued_on=tuple(data["issued_on"]), sha256=data.get("sha256", ""),
                   rubrics=tuple(cm.rubric_from_dict(r) for r in data.get("rubrics", ())))


def _write_json(path: Path, data) -> None:
    """Compact (read for every returned file at each merge), through a temporary file and a rename.
    Records written indented by earlier versions read the same."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def fingerprint(locked: tuple[tuple[str, str], ...]) -> str:
    """A digest of locked content, in any order. Each text is preceded by its length, so that no
    two contents join into the same text (JSON did the same at twice the cost: this is computed for
    every returned file). Records written with the JSON digest still read: for them a file whose
    digest differs is compared cell by cell with the content in the record."""
    body = "".join(f"{len(key)}:{key}{len(value)}:{value}" for key, value in sorted(locked))
    return hashlib.sha256(body.encode()).hexdigest()


@functools.lru_cache(maxsize=8)  # the versions of a department come one after another in an inbox
def _parsed(path: Path, identity: tuple[int, int, int]) -> IssuedWorkbook:
    """The record in ``path``, read once for as long as its file is the same (``identity``: its inode,
    size and time — a rewritten record, as :meth:`IssuedRegistry.record` writes it, is read anew)."""
    return IssuedWorkbook.from_json(json.loads(path.read_text(encoding="utf-8")))


class IssuedRegistry:
    """The ``so-da-phat/`` folder of a campaign: one JSON file per issued workbook."""

    def __init__(self, campaign_folder: Path):
        self.folder = Path(campaign_folder) / ISSUED_FOLDER

    def _path(self, submission_id: str) -> Path | None:
        if not submission_id.isalnum():  # ids are hex digests; anything else names no file of ours
            return None
        return self.folder / f"{submission_id}.json"

    def get(self, submission_id: str) -> IssuedWorkbook | None:
        """The record, without its locked content when that is kept apart (see :meth:`locked`)."""
        path = self._path(submission_id)
        try:
            status = None if path is None else path.stat()
        except OSError:
            return None
        if status is None or not stat.S_ISREG(status.st_mode):
            return None
        return _parsed(path, (status.st_ino, status.st_size, status.st_mtime_ns))

    def locked(self, issued: IssuedWorkbook) -> tuple[tuple[str, str], ...]:
        """The locked content ``issued`` went out with: in its record (written before it was kept apart)
        or beside it; empty when neither has it (the file was removed)."""
        if issued.locked:
            return issued.locked
        path = self._path(issued.submission_id)
        if path is None:
            return ()
        try:
            data = json.loads((path.parent / LOCKED_FOLDER / path.name).read_text(encoding="utf-8"))
            return tuple((key, value) for key, value in data)
        except (OSError, ValueError, TypeError):
            return ()

    def record(self, issued: IssuedWorkbook) -> IssuedWorkbook:
        """Write the record; a re-issue of identical content adds its date to the first record."""
        previous = self.get(issued.submission_id)
        if previous is not None:
            dates = tuple(dict.fromkeys(previous.issued_on + issued.issued_on))
            issued = dataclasses.replace(issued, issued_on=dates)
        path = self._path(issued.submission_id)
        body = issued.to_json()
        (self.folder / LOCKED_FOLDER).mkdir(parents=True, exist_ok=True)
        _write_json(path.parent / LOCKED_FOLDER / path.name, body.pop("locked"))
        _write_json(path, body)  # after its locked content: a record never goes without it
        return issued

    def all(self) -> Iterator[IssuedWorkbook]:
        """Every record, one at a time: 10,000 of them held at once would take ~3.5 GB."""
        if self.folder.is_dir():
            for path in sorted(self.folder.glob("*.json")):
                yield self.get(path.stem)
