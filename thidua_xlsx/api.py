"""The analysts' API: the tool's final summaries as pandas DataFrames, for a commune, a Sở or a school that
analyses its years in a notebook.

A final summary (``tong-hop-cuoi.xlsx``, or a year's ``tong-hop_ca-nam.xlsx``) carries, in its very hidden
metadata sheet, its school, its year and each person's and department's results and decisions. Only that
metadata is read (after the same containment checks as any summary brought back): the visible cells, which
anyone may have edited, are never trusted. pandas is imported here only, never when the CLI starts; install
it with ``pip install 'thidua-xlsx[analysis]'``.

In a notebook::

    from thidua_xlsx.api import read_summaries

    frames = read_summaries("tong-hop/")  # a folder of the schools' final summaries, any years
    frames.skipped                        # the files not read, each with its reason in Vietnamese
    granted = frames.decisions[frames.decisions.granted]
    granted.pivot_table(index=["school_year", "school"], columns="title_name", values="code",
                        aggfunc="count", observed=True)            # titles granted per school and year
    frames.people.groupby(["school_year", "gender"], observed=True).final_score.mean()

Frames (one row per …): ``people`` — person of a summary; ``decisions`` — person and decision (a title
decided, granted or not); ``departments`` — department and decision; ``schools`` — summary read. Every frame
starts with ``school``, ``school_year``, ``campaign_id`` and ``file``, so frames of several schools and years
stack and join (on those and ``code``). Titles are categories of codes (``title``) and of names
(``title_name``); ``granted`` and ``pending`` are booleans; numbers are floats, NaN when not known (never 0);
a blank rating, gender or discipline is NaN.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from thidua_xlsx.text import api as ax

try:
    import pandas as pd
except ModuleNotFoundError as missing:  # pandas is an optional extra: say how to install it
    raise ModuleNotFoundError(ax.PANDAS_MISSING) from missing

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import Issue, Problems, issue
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read import own_summary as gate
from thidua_xlsx.read.containment import FILE, LINK, SCHOOL, WORKBOOK_SUFFIXES, scan_inbox
from thidua_xlsx.read.own_summary import Refusals, Wanted, open_summary
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.titles import TITLE_NAMES

FIRST_SCHEMA = 5  # the first summary layout carrying the school, each person's place and every decision
# a school's final summary, as others send it: its lists compared with its data
_WANTED = Wanted(ly.SCORING, False, oldest=FIRST_SCHEMA, bounds=SCHOOL, views=True)
_REFUSALS: Refusals = {gate.UNREADABLE: "api.unreadable", gate.NOT_OURS: "api.not_ours",
                       gate.LEVEL_ABOVE: "api.level_above", gate.SCHEMA_UNKNOWN: "summary.schema_unknown",
                       gate.DATA_EDITED: "summary.data_edited", gate.OTHER_ROUND: "api.registration",
                       gate.PERIOD: "api.period", gate.OLDER: "api.older"}

WHERE = ["school", "school_year", "campaign_id", "file"]
PEOPLE = WHERE + ["code", "name", "birth_date", "department_code", "department", "position", "gender", "rating",
                  "final_score", "titles", "award_form", "initiative", "initiative_level", "initiative_decision",
                  "discipline"]
DECISIONS = WHERE + ["code", "name", "department_code", "department", "title", "title_name", "granted", "pending",
                     "votes", "council_members"]
DEPARTMENTS = WHERE + ["department_code", "department", "title", "title_name", "granted", "pending", "votes",
                       "council_members"]
# council: the council's pass made it (False: a pre-council summary); edited: its proposal lists were changed by hand
# after the tool wrote them (the shown lists and the data disagree); sealed: it carries the keyed seal of a code the
# level above issued (which only the level above can check); fingerprint: the file's SHA-256
SCHOOLS = WHERE + ["council", "edited", "sealed", "fingerprint", "people", "departments"]  # then one per title


class SummaryError(ValueError):
    """A file that is not a final summary the API can read: ``str(error)`` says why and what to do, in
    Vietnamese; ``issue`` is the same as data (its ``code``, e.g. ``"api.older"``, and parameters)."""

    def __init__(self, found: Issue):
        super().__init__(found.message)
        self.issue = found

    @property
    def code(self) -> str:
        return self.issue.code

    @property
    def file(self) -> str:
        return self.issue.file


@dataclass(frozen=True)
class Skipped:
    """A file :func:`read_summaries` did not read: its name, why (in Vietnamese) and the reason's code."""

    file: str
    reason: str
    code: str


@dataclass(frozen=True, eq=False)  # frames compare cell by cell (pandas.testing), not as a whole
class SummaryFrames:
    """The DataFrames of one or more final summaries (columns: the module's docstring, and ``PEOPLE``,
    ``DECISIONS``, ``DEPARTMENTS``, ``SCHOOLS``) and the files skipped."""

    people: pd.DataFrame
    decisions: pd.DataFrame
    departments: pd.DataFrame
    schools: pd.DataFrame
    skipped: tuple[Skipped, ...] = ()


def read_summary(path: str | os.PathLike) -> SummaryFrames:
    """The frames of one final summary. Raises :class:`SummaryError` when ``path`` is not one the API reads
    (missing, broken, not written by thidua-xlsx, a registration round, a period, written by a version older
    than summary schema 5) — never empty frames in silence.

    >>> frames = read_summary("samples/tong-hop-cuoi.xlsx")  # doctest: +SKIP
    >>> frames.decisions.groupby("title_name", observed=True).granted.sum()  # doctest: +SKIP
    """
    path = Path(path)
    return _frames([_read(path, path.name)], ())


def read_summaries(paths_or_folder: str | os.PathLike | Iterable[str | os.PathLike]) -> SummaryFrames:
    """The frames of several final summaries stacked (several schools, several years): a folder (its
    sub-folders too), or a list of files and folders. A file that is not a readable final summary is skipped
    and named in ``skipped`` with its reason, never a crash; so is a second summary of one school's year (the
    council's pass first, then the one saved last), so that nobody is counted twice.

    >>> frames = read_summaries(["2024-2025/", "2025-2026/tong-hop-cuoi.xlsx"])  # doctest: +SKIP
    >>> [s.reason for s in frames.skipped]  # doctest: +SKIP
    """
    given = [paths_or_folder] if isinstance(paths_or_folder, (str, os.PathLike)) else list(paths_or_folder)
    for place in map(Path, given):  # a folder that is not there is a mistake to say, not empty frames
        if not place.exists() and place.suffix.lower() not in WORKBOOK_SUFFIXES:
            raise _refused("api.folder_not_found", file=str(place))
    read: list[_Summary] = []
    skipped: list[Skipped] = []
    for entry in given:
        for path, name in _entries(Path(entry), skipped):
            try:
                read.append(_read(path, name))
            except SummaryError as refused:
                skipped.append(_skipped(refused.issue))
    kept = _one_per_school_year(read, skipped)
    return _frames(kept, tuple(skipped))


# --- reading one summary --------------------------------------------------------------------------------------


class _Summary(NamedTuple):
    """One summary read: where it came from and its rows, frame by frame (lists of tuples in the columns'
    order)."""

    file: str
    saved: float
    meta: ly.SummaryMeta
    edited: bool  # the lists shown no longer say what the data says (read.school_lists)
    fingerprint: str  # SHA-256 of the file
    where: tuple[str, str, str, str]  # school, school year, campaign id, file: the first columns of every row
    people: list[tuple]
    decisions: list[tuple]
    departments: list[tuple]


def _entries(path: Path, skipped: list[Skipped]) -> list[tuple[Path, str]]:
    """The workbooks to read for ``path`` as (path, name); what is not one goes to ``skipped``."""
    if not path.is_dir():
        return [(path, path.name)]
    found = []
    for item in scan_inbox(path):
        if item.kind == LINK:
            skipped.append(_skipped(issue("api.link", file=item.name)))
        elif item.kind != FILE or item.path.suffix.lower() not in WORKBOOK_SUFFIXES:
            skipped.append(_skipped(issue("api.other_file", file=item.name)))
        else:
            found.append((item.path, item.name))
    return found


def _skipped(found: Issue) -> Skipped:
    return Skipped(found.file, found.message, found.code)


def _refused(code: str, **params) -> SummaryError:
    return SummaryError(issue(code, **params))


def _read(path: Path, name: str) -> _Summary:
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
        return _Summary(name, saved, meta, opened.edited, opened.sha256, *_rows(meta, name))
    except (TypeError, ValueError, KeyError, IndexError):  # metadata edited by hand: not what the tool wrote
        raise _refused("api.unreadable", **where) from None


def _rows(meta: ly.SummaryMeta, name: str) -> tuple[tuple, list[tuple], list[tuple], list[tuple]]:
    """The first columns of every row (``name``: the file), and the people's, decisions' and departments' rows
    of ``meta``; TypeError, ValueError or KeyError on metadata the tool did not write."""
    where = (_text(meta.school), _text(meta.school_year), _text(meta.campaign_id), name)
    outcomes = {_text(o[0]): o for o in meta.outcomes}
    votes = {(_text(code), _text(title)): (_number(count), _number(members))
             for code, title, count, members, _passed in meta.votes}
    people, places = [], {}
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
    return where, people, decisions, departments


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise TypeError("not a text")
    return str(value)


def _number(value) -> float | None:
    """A number as the metadata holds it, None when unknown (a float NaN in the frames, never 0)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("not a number")
    return float(value)


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not a yes or no")
    return value


def _one_per_school_year(read: list[_Summary], skipped: list[Skipped]) -> list[_Summary]:
    """One summary per school, year and campaign: the council's pass first, then the one saved last; the
    others skipped, each naming the one used."""
    best: dict[tuple, _Summary] = {}
    for found in read:
        school, year, campaign_id, _file = found.where
        key = (fold(school), year, campaign_id)
        dropped: _Summary | None
        if key in best and (found.meta.council, found.saved) <= (best[key].meta.council, best[key].saved):
            dropped, used = found, best[key]
        else:
            dropped, used = best.get(key), found
            best[key] = found
        if dropped is not None:
            skipped.append(_skipped(issue("api.duplicate", file=dropped.file, school=school, year=year,
                                          used=used.file)))
    kept = {id(found) for found in best.values()}
    return [found for found in read if id(found) in kept]


# --- the frames -----------------------------------------------------------------------------------------------


def _frames(read: list[_Summary], skipped: tuple[Skipped, ...]) -> SummaryFrames:
    people = pd.DataFrame([row for found in read for row in found.people], columns=PEOPLE)
    decisions = pd.DataFrame([row for found in read for row in found.decisions], columns=DECISIONS)
    departments = pd.DataFrame([row for found in read for row in found.departments], columns=DEPARTMENTS)
    titles = _titles(decisions, departments)
    people = _typed(people, {
        "birth_date": pd.to_datetime(people.birth_date.where(people.birth_date != ""), format="ISO8601",
                                     errors="coerce"),
        "department_code": "category", "department": "category", "position": "category",
        "gender": _categories(people.gender, cm.GENDERS),
        "rating": _categories(people.rating, tuple(reversed(cm.RATINGS)), ordered=True),  # KHTNV < … < HTXSNV
        "initiative_level": _categories(people.initiative_level, cm.INITIATIVE_LEVELS, ordered=True),
        "discipline": _categories(people.discipline, cm.DISCIPLINES, ordered=True),
        "final_score": "float64"})
    decided = {"title": titles, "title_name": pd.CategoricalDtype([title_name(t) for t in titles.categories]),
               "granted": "bool", "pending": "bool", "votes": "float64", "council_members": "float64",
               "department_code": "category", "department": "category"}
    decisions = _typed(decisions, decided)
    departments = _typed(departments, decided)
    return SummaryFrames(people, decisions, departments, _schools(read, titles), skipped)


def _typed(frame: pd.DataFrame, types: dict) -> pd.DataFrame:
    """``frame`` with the columns every frame shares as categories and text, and ``types`` (a dtype, or the
    column already converted)."""
    types = {column: "category" for column in WHERE} | types
    for column in frame.columns:
        kind = types.get(column, "string")
        frame[column] = kind if isinstance(kind, pd.Series) else frame[column].astype(kind)
    return frame


def _categories(values: pd.Series, known: tuple[str, ...], ordered: bool = False) -> pd.Series:
    """``values`` as a category of the known values in their order, then any other found (never dropped); a
    blank is NaN: not known."""
    others = [v for v in dict.fromkeys(values) if v and v not in known]
    return values.where(values != "").astype(pd.CategoricalDtype([*known, *others], ordered=ordered))


def _titles(*frames: pd.DataFrame) -> pd.CategoricalDtype:
    """The titles decided, in the catalogue's order, then any title a school added, as first found."""
    found = dict.fromkeys(t for frame in frames for t in frame.title)
    return pd.CategoricalDtype([*(t for t in TITLE_NAMES if t in found), *(t for t in found if t not in TITLE_NAMES)])


def _schools(read: list[_Summary], titles: pd.CategoricalDtype) -> pd.DataFrame:
    """One row per summary read: who, whether the council's pass made it, how many people and departments, and
    how many people and departments were granted each title (the summary says it: 0 is a real 0)."""
    rows = [(*f.where, bool(f.meta.council), f.edited, bool(f.meta.seal), f.fingerprint,
             len(f.people), len(f.meta.department_outcomes), *(granted[t] for t in titles.categories))
            for f, granted in ((f, _granted(f)) for f in read)]
    columns = SCHOOLS + [title_name(t) for t in titles.categories]
    counts = {column: "int64" for column in columns[len(WHERE) + 4:]}
    return _typed(pd.DataFrame(rows, columns=columns), {"council": "bool", "edited": "bool", "sealed": "bool"} | counts)


def _granted(found: _Summary) -> Counter:
    """How many people and departments of ``found`` were granted each title."""
    counts: Counter[str] = Counter()
    for rows, columns in ((found.decisions, DECISIONS), (found.departments, DEPARTMENTS)):
        title, granted = columns.index("title"), columns.index("granted")
        counts.update(row[title] for row in rows if row[granted])
    return counts
