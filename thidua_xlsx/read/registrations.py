"""Read registrations back from a registration summary (for ``generate --from``).

The summary must belong to this campaign and year and be a registration round (its very hidden
metadata says so). Its "Đăng ký" sheet is found by its header texts, not positions, so a council
that edited the list (or re-saved it in LibreOffice) still pre-fills correctly. The titles it shows
by name are read as their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import NEWCOMER_PREFIX, Newcomer, Registration
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.titles import code as title_code
from thidua_xlsx.model.titles import is_registered
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.containment import read_own_book
from thidua_xlsx.text import summary as stx

# The "Đăng ký" sheet's columns as its writer keys them (text/summary): one record, read back by key.
SHEET = stx.S_REGISTRATION
PERSON_HEADERS = {k: stx.REG_COLUMNS[k] for k in ("code", "name", "position", "department", "title", "form",
                                                  "initiative")}
COLLECTIVE_HEADERS = {k: stx.REG_COLLECTIVE_COLUMNS[k] for k in ("code", "title")}


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


def read_summary_meta(data: bytes) -> ly.SummaryMeta | None:
    """What a summary says about itself; None when ``data`` is no summary of ours. A file calamine
    cannot read raises."""
    return summary_meta_in(open_book(data))


def open_book(data: bytes):
    """The workbook calamine opens from ``data`` (its sheets are parsed when asked for)."""
    import io

    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def summary_meta_in(wb) -> ly.SummaryMeta | None:
    if ly.META_SHEET not in wb.sheet_names:
        return None
    rows = wb.get_sheet_by_name(ly.META_SHEET).to_python()
    try:
        return ly.SummaryMeta.from_json(ly.meta_json([row[0] for row in rows if row], ly.MAX_SUMMARY_META_CHARS))
    except (ValueError, TypeError):  # a department's workbook, or metadata that is not a summary's any more
        return None


def read_registration_summary(path: Path, campaign: cm.Campaign, problems: Problems) -> RegistrationSummary | None:
    """The registrations of ``path``, or None with the reason in ``problems``."""
    checked = checked_summary(path, campaign, problems, ly.REGISTRATION)
    if checked is None:
        return None
    meta, book = checked
    rows = _rows(path, book, problems)
    if rows is None:
        return None
    return _parse(rows, campaign, meta)


class _Refusals(NamedTuple):
    """What is said of a wrong summary, by the command that was given it."""

    unreadable: str
    not_ours: str
    other_campaign: str
    other_year: str
    other_round: str


PERIODS = "periods"  # the year reads its periods' summaries (scoring round, one period each)
_REFUSALS = {  # --from takes the registration round's summary, --council the scoring round's
    ly.REGISTRATION: _Refusals("campaign.from_unreadable", "from.not_ours", "from.other_campaign", "from.other_year",
                               "from.not_registration"),
    ly.SCORING: _Refusals("council.unreadable", "council.not_ours", "council.other_campaign", "council.other_year",
                          "council.not_scoring"),
    PERIODS: _Refusals("year.unreadable", "year.not_ours", "year.other_campaign", "year.other_year",
                       "year.not_period"),
}


def checked_summary(path: Path, campaign: cm.Campaign, problems: Problems, round_: str, name: str = ""):
    """The metadata and the calamine workbook of a summary of this campaign, year and round, or None with
    the reason in ``problems``. Its bytes went through containment first (:func:`containment.read_own_book`).
    ``round_``: a round, or :data:`PERIODS` (a scoring round's summary of a period); ``name``: the file as the
    messages call it (default: its name)."""
    refuse, where = _REFUSALS[round_], {"file": name or path.name, "path": str(path)}
    try:
        data = read_own_book(path, problems, refuse.unreadable, **where)
        if data is None:
            return None
        book = open_book(data)
        meta = summary_meta_in(book)
    except Exception:  # a wrong or broken file becomes one message
        problems.add(refuse.unreadable, **where)
        return None
    if meta is None:
        problems.add(refuse.not_ours, **where)
        return None
    # Every version up to ours has the workbook read here (2 changed the JSON report only); a newer one
    # was written by a newer thidua-xlsx (or its metadata edited): its layout may not be the one read here.
    if not isinstance(meta.schema_version, int) or not 1 <= meta.schema_version <= ly.SUMMARY_SCHEMA_VERSION:
        problems.add("summary.schema_unknown", **where, found=meta.schema_version, supported=ly.SUMMARY_SCHEMA_VERSION)
        return None
    if ly.data_edited(meta):  # not what the tool wrote: nothing is decided from it
        problems.add("summary.data_edited", **where)
        return None
    if meta.campaign_id != campaign.id:
        problems.add(refuse.other_campaign, **where, year=meta.school_year)
        return None
    if meta.school_year != campaign.school.school_year:
        problems.add(refuse.other_year, **where, year=meta.school_year, expected=campaign.school.school_year)
        return None
    if meta.round != (ly.SCORING if round_ == PERIODS else round_) or (round_ == PERIODS and not meta.period):
        problems.add(refuse.other_round, **where, round=meta.round)
        return None
    return meta, book


def _rows(path: Path, book, problems: Problems) -> list[list[str]] | None:
    """The registration sheet's cells as text, read with calamine (84,000 people: 12 s with openpyxl)."""
    try:
        sheet = book.get_sheet_by_name(SHEET)
        rows = [[cm.clean_text(cm.cell_value(v)) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    except Exception:  # a wrong or broken file becomes one message
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
    from thidua_xlsx.model.issued import name_key

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
