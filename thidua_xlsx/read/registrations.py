"""Read registrations back from a registration summary (for ``generate --from``).

The summary must belong to this campaign and year and be a registration round (its very hidden
metadata says so). Its "Đăng ký" sheet is found by its header texts, not positions, so a council
that edited the list (or re-saved it in LibreOffice) still pre-fills correctly. The titles it shows
by name are read as their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import NEWCOMER_PREFIX, Newcomer, Registration, name_key
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.titles import code as title_code
from thidua_xlsx.model.titles import is_registered
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read import own_summary as gate
from thidua_xlsx.read.own_summary import Opened, Refusals, Wanted, open_summary
from thidua_xlsx.text import summary as sx

# The "Đăng ký" sheet's columns as its writer keys them (text/summary): one record, read back by key.
SHEET = sx.S_REGISTRATION
PERSON_HEADERS = {k: sx.REG_COLUMNS[k] for k in ("code", "name", "position", "department", "title", "form",
                                                  "initiative")}
COLLECTIVE_HEADERS = {k: sx.REG_COLLECTIVE_COLUMNS[k] for k in ("code", "title")}


@dataclass(frozen=True)
class RegistrationSummary:
    people: dict[str, Registration]  # roster code → what they registered
    newcomers: tuple[Newcomer, ...]
    collective: dict[str, str]  # department code → collective title (a code)
    departments_submitted: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """What ``generate --from`` tells the secretary before the scoring round goes out."""

    not_registered: tuple[tuple[str, str], ...]  # (department name, person name)
    newcomers: tuple[tuple[str, str, str], ...]  # (department name, name, title's name) not yet in the roster
    departments_missing: tuple[str, ...]  # sent no registration


def read_registration_summary(path: Path, campaign: cm.Campaign, problems: Problems) -> RegistrationSummary | None:
    """The registrations of ``path``, or None with the reason in ``problems``."""
    opened = checked_summary(path, campaign, problems, ly.REGISTRATION)
    if opened is None:
        return None
    rows = _rows(path, opened.book, problems)
    if rows is None:
        return None
    return _parse(rows, campaign, opened.meta)


PERIODS = "periods"  # the year reads its periods' summaries (scoring round, one period each)
# What is said of a wrong summary, by the command that was given it: --from takes the registration round's summary,
# --council the scoring round's, the year its periods'.
_REFUSALS: dict[str, Refusals] = {
    ly.REGISTRATION: {gate.UNREADABLE: "campaign.from_unreadable", gate.NOT_OURS: "from.not_ours",
                      gate.OTHER_CAMPAIGN: "from.other_campaign", gate.OTHER_YEAR: "from.other_year",
                      gate.OTHER_ROUND: "from.not_registration"},
    ly.SCORING: {gate.UNREADABLE: "council.unreadable", gate.NOT_OURS: "council.not_ours",
                 gate.OTHER_CAMPAIGN: "council.other_campaign", gate.OTHER_YEAR: "council.other_year",
                 gate.OTHER_ROUND: "council.not_scoring"},
    PERIODS: {gate.UNREADABLE: "year.unreadable", gate.NOT_OURS: "year.not_ours",
              gate.OTHER_CAMPAIGN: "year.other_campaign", gate.OTHER_YEAR: "year.other_year",
              gate.OTHER_ROUND: "year.not_period", gate.NOT_PERIOD: "year.not_period"},
}
_EVERY_COMMAND = {gate.SCHEMA_UNKNOWN: "summary.schema_unknown", gate.DATA_EDITED: "summary.data_edited",
                  gate.META_DAMAGED: "summary.meta_damaged"}


def checked_summary(path: Path, campaign: cm.Campaign, problems: Problems, round_: str, name: str = ""
                    ) -> Opened | None:
    """A summary of this campaign, year and round through the gate (:mod:`.own_summary`), or None with the reason
    in ``problems``. ``round_``: a round, or :data:`PERIODS` (a scoring round's summary of a period); ``name``: the
    file as the messages call it (default: its name)."""
    refusals, where = {**_EVERY_COMMAND, **_REFUSALS[round_]}, {"file": name or path.name, "path": str(path)}
    wanted = Wanted(ly.SCORING, True, campaign) if round_ == PERIODS else Wanted(round_, None, campaign)
    try:
        return open_summary(path, wanted, refusals, problems, **where)
    except OSError:  # not readable at all: the command's own words for a file it cannot use
        problems.add(refusals[gate.UNREADABLE], **where)
        return None


def _rows(path: Path, book, problems: Problems) -> list[list[str]] | None:
    """The registration sheet's cells as text, read with calamine (84,000 people: 12 s with openpyxl)."""
    try:
        sheet = book.get_sheet_by_name(SHEET)
        rows = [[cm.clean_text(cm.cell_value(v)) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    except gate.calamine_error():  # a wrong or broken file (its sheet missing, its XML cut) becomes one message
        problems.add("campaign.from_unreadable", file=path.name, path=str(path))
        return None
    return rows


def _parse(rows: list[list[str]], campaign: cm.Campaign, meta: ly.SummaryMeta) -> RegistrationSummary:
    by_name = {d.name: d.code for d in campaign.departments}
    people: dict[str, Registration] = {}
    newcomers: list[Newcomer] = []
    collective: dict[str, str] = {}
    columns, kind = None, None
    for row in rows:
        if _has(row, PERSON_HEADERS):
            columns, kind = {k: row.index(h) for k, h in PERSON_HEADERS.items()}, "person"
            continue
        if _has(row, COLLECTIVE_HEADERS):
            columns, kind = {k: row.index(h) for k, h in COLLECTIVE_HEADERS.items()}, "collective"
            continue
        if columns is None or not any(row):
            continue
        get = {k: (row[i] if i < len(row) else "") for k, i in columns.items()}
        if not get["code"]:
            continue
        if kind == "collective":
            collective[get["code"]] = title_code(get["title"])
            continue
        registration = Registration(title_code(get["title"]), get["form"], get["initiative"])
        if get["code"].startswith(NEWCOMER_PREFIX + "-"):
            department = by_name.get(get["department"], "")
            if department and get["name"]:
                newcomers.append(Newcomer(department, get["name"], get["position"], registration))
        else:
            people[get["code"]] = registration
    return RegistrationSummary(people, tuple(newcomers), collective, meta.departments_submitted)


def _has(row: list[str], headers: dict[str, str]) -> bool:
    return all(h in row for h in headers.values())


def checklist(campaign: cm.Campaign, found: RegistrationSummary) -> Checklist:
    names = {d.code: d.name for d in campaign.departments}
    submitted = set(found.departments_submitted)
    missing = tuple(d.name for d in campaign.departments if d.code not in submitted)
    roster = [(p, (p.department, name_key(p.name))) for p in campaign.staff]  # each name keyed once: 84,000
    roster_names = {key for _, key in roster}
    newcomers = tuple((names.get(n.department, n.department), n.name, title_name(n.registration.title))
                      for n in found.newcomers if (n.department, name_key(n.name)) not in roster_names)
    arrived = {(n.department, name_key(n.name)) for n in found.newcomers}
    matched = {code for code, reg in found.people.items() if is_registered(reg.title)}
    matched |= {p.code for p, key in roster if key in arrived}
    not_registered = tuple((names[p.department], p.name) for p in campaign.staff
                           if p.code not in matched and p.department in submitted)
    return Checklist(not_registered, newcomers, missing)
