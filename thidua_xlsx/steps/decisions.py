"""The files of a person's word, kept with their rounds in the campaign folder, so that every later run of the round
applies them again, whichever door runs it (docs/spec.md §5g):

- the registration round's result (``tong-hop_dang-ky.xlsx``): a fact of the year, read by the year whatever the order
  in which the periods' books were made or returned;
- the head's pass on a period and the council's on the year (or on the single scoring round): the summary it
  returned, kept as ``hoi-dong/hieu-truong_<period>.xlsx`` or ``hoi-dong/hoi-dong_<round>.xlsx`` once a merge has
  applied it, applied again by every later merge of that round until another replaces it or it is dropped on purpose
  (the one it replaces, or the one dropped, moved to ``hoi-dong/cu/`` under a name that says when — never deleted).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import decisions as dc
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.model.issued import Registration, name_key
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.received import WORKBOOK_SUFFIXES
from thidua_xlsx.read.registrations import read_registration_summary
from thidua_xlsx.system.files import replacing, sha256_of
from thidua_xlsx.system.runs import summary_of
from thidua_xlsx.system.voice import VIETNAM
from thidua_xlsx.system.written import free_name


def saved_time(path: Path) -> str:
    """When ``path`` was last saved, as the school reads its clock (ISO, to the second): the time the spreadsheet
    program wrote into the workbook on saving (the same wherever the file is copied), else the file's own time."""
    from thidua_xlsx.read.entries import saved_at  # deferred: python-calamine at start-up

    written = saved_at(path.read_bytes(), path.suffix.lower())
    when = written.replace(tzinfo=dt.timezone.utc) if written is not None else \
        dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
    return when.astimezone(VIETNAM).isoformat(timespec="seconds")


def applied(kind: str, round_key: str, path: Path, folder: Path, kept_as: Path | None = None) -> dc.Applied:
    """The record of file ``path`` applied as ``kind``'s word on round ``round_key``: named as ``kept_as`` (where it is
    kept with its round; default: where it is), relative to the campaign folder ``folder`` where it is inside it."""
    shown = kept_as or path
    try:
        name = shown.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        name = str(shown)
    return dc.Applied(kind, round_key, name, sha256_of(path)[:12], saved_time(path))


def year_registrations(folder: Path, campaign: cm.Campaign, problems: Problems) -> dc.YearRegistrations | None:
    """The registration round's result of campaign folder ``folder``, as the year reads it: each person's
    registration by staff code (a newcomer registered by name matched to the roster by department and name), each
    department's collective title. None when the round has no summary yet, or when its summary cannot be used (why
    said in ``problems``)."""
    found = summary_of(folder, ly.REGISTRATION, ly.REGISTRATION, "")
    if not found:
        return None
    path = folder / found
    summary = read_registration_summary(path, campaign, problems)
    if summary is None:
        return None
    people: dict[str, Registration] = dict(summary.people)
    arrived = {(n.department, name_key(n.name)): n.registration for n in summary.newcomers}
    for person in campaign.staff:
        registration = arrived.get((person.department, name_key(person.name)))
        if registration is not None and person.code not in people:
            people[person.code] = registration
    return dc.YearRegistrations(applied(dc.REGISTRATION, ly.REGISTRATION, path, folder), people,
                                dict(summary.collective), tuple(summary.departments_submitted))


def kind_of_round(round_key: str) -> str:
    """Whose word a round's pass is: the head's on a period, the council's on the year or the single round."""
    return dc.COUNCIL if round_key in (places.YEAR_KEY, ly.SCORING) else dc.HEAD


def kept(folder: Path, round_key: str) -> Path | None:
    """The file of the head's or the council's pass kept for round ``round_key`` of campaign folder ``folder``; None
    when none is kept."""
    at = places.Places(folder)
    found = [p for suffix in sorted(WORKBOOK_SUFFIXES)
             if (p := at.decision(kind_of_round(round_key), round_key, suffix)).is_file()]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def keep(folder: Path, round_key: str, source: Path) -> tuple[Path, Path | None]:
    """``source`` (the head's or the council's file a merge of round ``round_key`` has just applied) kept as that
    round's — a copy, ``source`` left where it is, but for an upload of the page waiting in ``hoi-dong/cu/``, moved —:
    (the kept file, the earlier one it replaces, moved to ``hoi-dong/cu/``; None when there was none). Nothing when
    ``source`` is the kept file itself, or the same bytes."""
    before = kept(folder, round_key)
    at = places.Places(folder)
    if before is not None and before.resolve() == source.resolve():
        return before, None
    if before is not None and before.suffix.lower() == source.suffix.lower() and \
            sha256_of(before) == sha256_of(source):  # the very file kept, given again: nothing to set aside
        if at.is_upload(source):
            source.unlink()  # the page's copy of it, waiting in hoi-dong/cu/: a second copy of what is kept
        return before, None
    target = at.decision(kind_of_round(round_key), round_key, source.suffix.lower())
    target.parent.mkdir(parents=True, exist_ok=True)
    moved = set_aside(folder, before) if before is not None else None
    if at.is_upload(source):
        source.replace(target)
    else:
        with replacing(target) as tmp:
            shutil.copyfile(source, tmp)
    return target, moved


def set_aside(folder: Path, path: Path) -> Path:
    """``path`` (a kept file of a round) moved to ``hoi-dong/cu/`` under its name and the time it was saved: no longer
    applied, never deleted."""
    aside = places.Places(folder).decisions_aside
    aside.mkdir(parents=True, exist_ok=True)
    stamp = saved_time(path)[:19].replace("T", "_").replace(":", "-")
    target = free_name(aside / f"{path.stem}_{stamp}{path.suffix}", lambda p: not p.exists())
    path.replace(target)
    return target
