"""The final summaries read back as plain rows, for the analysts' API (:mod:`thidua_xlsx.api`, which makes the
DataFrames): no pandas here.

A final summary (``tong-hop-cuoi.xlsx``, or a year's ``tong-hop_ca-nam.xlsx``) carries, in its very hidden metadata
sheet, its school, its year and each person's and department's results and decisions. Only that metadata is read,
through the one gate for our own summaries (:mod:`thidua_xlsx.read.own_summary`, with the same containment checks as
any summary brought back): the visible cells, which anyone may have edited, are never trusted.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import Problems, issue
from thidua_xlsx.model.received import WORKBOOK_SUFFIXES
from thidua_xlsx.model.summary_fields import Row
from thidua_xlsx.model.summary_rows import Skipped, SummariesRead, SummaryError, SummaryRows
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read import own_summary as gate
from thidua_xlsx.read.containment import FILE, LINK, SCHOOL, scan_inbox
from thidua_xlsx.read.own_summary import Refusals, Wanted, open_summary
from thidua_xlsx.text import api as ax
from thidua_xlsx.text.collation import fold

FIRST_SCHEMA = 5  # the first summary layout carrying the school, each person's place and every decision
# a school's final summary, as others send it: its lists compared with its data
_WANTED = Wanted(ly.SCORING, False, oldest=FIRST_SCHEMA, bounds=SCHOOL, views=True)
_REFUSALS: Refusals = {gate.UNREADABLE: "api.unreadable", gate.NOT_OURS: "api.not_ours",
                       gate.LEVEL_ABOVE: "api.level_above", gate.SCHEMA_UNKNOWN: "summary.schema_unknown",
                       gate.DATA_EDITED: "summary.data_edited", gate.META_DAMAGED: "summary.meta_damaged",
                       gate.OTHER_ROUND: "api.registration", gate.PERIOD: "api.period", gate.OLDER: "api.older"}


def read_rows(paths_or_folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, single: bool = False
              ) -> SummariesRead:
    """The rows of the final summaries of a folder (its sub-folders too), or of a list of files and folders. A file
    that is not a readable final summary is skipped with its reason, never a crash; so is a second summary of one
    school's year (the council's pass first, then the one saved last), so that nobody is counted twice. A folder
    that is not there raises :class:`SummaryError` (a mistake to say, not nothing read).

    ``single``: ``paths_or_folder`` is one file, read as given: what stops it raises :class:`SummaryError` (missing,
    broken, not written by thidua-xlsx, a registration round, a period, older than summary schema 5), never
    skipped."""
    given = [paths_or_folder] if isinstance(paths_or_folder, (str, os.PathLike)) else list(paths_or_folder)
    if single:
        (path,) = map(Path, given)
        return SummariesRead((_read(path, path.name),))
    for place in map(Path, given):  # a folder that is not there is a mistake to say, not empty frames
        if not place.exists() and place.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise _refused("api.folder_not_found", file=str(place))
    read: list[SummaryRows] = []
    skipped: list[Skipped] = []
    for entry in given:
        for path, name in _entries(Path(entry), skipped):
            try:
                read.append(_read(path, name))
            except SummaryError as refused:
                skipped.append(Skipped.of(refused.issue))
    kept = _one_per_school_year(read, skipped)
    return SummariesRead(tuple(kept), tuple(skipped))


def _entries(path: Path, skipped: list[Skipped]) -> list[tuple[Path, str]]:
    """The workbooks to read for ``path`` as (path, name); what is not one goes to ``skipped``."""
    if not path.is_dir():
        return [(path, path.name)]
    found = []
    for item in scan_inbox(path):
        if item.kind == LINK:
            skipped.append(Skipped.of(issue("api.link", file=item.name)))
        elif item.kind != FILE or item.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            skipped.append(Skipped.of(issue("api.other_file", file=item.name)))
        else:
            found.append((item.path, item.name))
    return found


def _refused(code: str, **params: str) -> SummaryError:
    return SummaryError(issue(code, **params))


def _read(path: Path, name: str) -> SummaryRows:
    """The rows of the final summary ``path``; raises :class:`SummaryError` with the reason."""
    problems, where = Problems(), {"file": name}
    try:
        opened = open_summary(path, _WANTED, _REFUSALS, problems, **where, path=str(path))
        saved = path.stat().st_mtime
    except FileNotFoundError:
        raise _refused("api.not_found", **where) from None
    except OSError:
        raise _refused("api.unreadable", **where) from None
    if opened is None:  # broken, foreign, too big, not a final summary: the first reason
        raise SummaryError(problems.items[0])
    meta = opened.meta
    try:
        return SummaryRows(name, saved, meta, opened.edited, opened.sha256, *_rows(meta, name))
    except (TypeError, ValueError, KeyError, IndexError):  # metadata edited by hand: not what the tool wrote
        raise _refused("api.unreadable", **where) from None


def _rows(meta: ly.SummaryMeta, name: str
          ) -> tuple[tuple[str, str, str, str], tuple[Row, ...], tuple[Row, ...], tuple[Row, ...]]:
    """The first columns of every row (``name``: the file), and the people's, decisions' and departments' rows
    of ``meta`` (in the columns' order of model.summary_rows); TypeError, ValueError or KeyError on metadata the
    tool did not write."""
    where = (_text(meta.school), _text(meta.school_year), _text(meta.campaign_id), name)
    outcomes = {_text(o[0]): o for o in meta.outcomes}
    votes = {(_text(code), _text(title)): (_number(count), _number(members))
             for code, title, count, members, _passed in meta.votes}
    people: list[Row] = []
    places: dict[str, tuple[str, str, str]] = {}
    for code, department_code, department, position, gender, final in meta.people_info:
        code = _text(code)
        _, person, dob, rating, titles, form, initiative, level, decision, discipline = outcomes[code]
        places[code] = (_text(person), _text(department_code), _text(department))
        if not isinstance(titles, tuple):
            raise TypeError("titles granted: a list")
        people.append((*where, code, _text(person), _text(dob), _text(department_code), _text(department),
                       _text(position), _text(gender), _text(rating), _number(final),
                       ax.TITLES_SEPARATOR.join(title_name(_text(t)) for t in titles), _text(form),
                       _text(initiative), _text(level), _text(decision), _text(discipline)))
    decisions = [(*where, _text(code), *places[_text(code)], _text(title), title_name(_text(title)), _flag(granted),
                  _flag(pending), *votes.get((_text(code), _text(title)), (None, None)))
                 for code, title, granted, pending in meta.decisions]
    names = {_text(code): _text(department) for code, department, _titles in meta.department_outcomes}
    departments = [(*where, _text(code), names.get(_text(code), ""), _text(title), title_name(_text(title)),
                    _flag(granted), _flag(pending), *votes.get((_text(code), _text(title)), (None, None)))
                   for code, title, granted, pending in meta.department_decisions]
    return where, tuple(people), tuple(decisions), tuple(departments)


def _text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TypeError("not a text")
    return str(value)


def _number(value: object) -> float | None:
    """A number as the metadata holds it, None when unknown (a float NaN in the frames, never 0)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("not a number")
    return float(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a yes or no")
    return value


def _one_per_school_year(read: list[SummaryRows], skipped: list[Skipped]) -> list[SummaryRows]:
    """One summary per school, year and campaign: the council's pass first, then the one saved last; the
    others skipped, each naming the one used."""
    best: dict[tuple[str, str, str], SummaryRows] = {}
    for found in read:
        school, year, campaign_id, _file = found.where
        key = (fold(school), year, campaign_id)
        dropped: SummaryRows | None
        if key in best and (found.meta.council, found.saved) <= (best[key].meta.council, best[key].saved):
            dropped, used = found, best[key]
        else:
            dropped, used = best.get(key), found
            best[key] = found
        if dropped is not None:
            skipped.append(Skipped.of(issue("api.duplicate", file=dropped.file, school=school, year=year,
                                            used=used.file)))
    kept = {id(found) for found in best.values()}
    return [found for found in read if id(found) in kept]
