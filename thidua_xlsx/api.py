"""The analysts' API: the tool's final summaries as pandas DataFrames, for a commune, a Sở or a school that
analyses its years in a notebook.

A final summary (``tong-hop-cuoi.xlsx``, or a year's ``tong-hop_ca-nam.xlsx``) carries, in its very hidden
metadata sheet, its school, its year and each person's and department's results and decisions. Only that
metadata is read (after the same containment checks as any summary brought back): the visible cells, which
anyone may have edited, are never trusted. The reading is the service's (:mod:`thidua_xlsx.steps.summaries`,
plain rows); this door makes the frames. pandas is imported here only, never when the CLI starts; install it with
``python -m pip install -c constraints.txt ".[analysis]"`` in the program's source folder (the program is not on an
index: never by its name).

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

from thidua_xlsx.text import api as ax

try:
    import pandas as pd
except ModuleNotFoundError as missing:  # pandas is an optional extra: say how to install it
    raise ModuleNotFoundError(ax.PANDAS_MISSING) from missing

from thidua_xlsx import service
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.summary_rows import (
    DECISIONS,
    DEPARTMENTS,
    PEOPLE,
    SCHOOLS,
    WHERE,
    Skipped,
    SummariesRead,
    SummaryError,
    SummaryRows,
)
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text.titles import TITLE_NAMES

# what the analysts use (SummaryError and Skipped are made in model.summary_rows, and named here as ever)
__all__ = ["SummaryFrames", "SummaryError", "Skipped", "read_summary", "read_summaries",
           "WHERE", "PEOPLE", "DECISIONS", "DEPARTMENTS", "SCHOOLS"]


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
    read: SummariesRead = service.read_rows(path, single=True)
    return _frames(read.summaries, read.skipped)


def read_summaries(paths_or_folder: str | os.PathLike | Iterable[str | os.PathLike]) -> SummaryFrames:
    """The frames of several final summaries stacked (several schools, several years): a folder (its
    sub-folders too), or a list of files and folders. A file that is not a readable final summary is skipped
    and named in ``skipped`` with its reason, never a crash; so is a second summary of one school's year (the
    council's pass first, then the one saved last), so that nobody is counted twice.

    >>> frames = read_summaries(["2024-2025/", "2025-2026/tong-hop-cuoi.xlsx"])  # doctest: +SKIP
    >>> [s.reason for s in frames.skipped]  # doctest: +SKIP
    """
    read: SummariesRead = service.read_rows(paths_or_folder)
    return _frames(read.summaries, read.skipped)


# --- the frames -----------------------------------------------------------------------------------------------


def _frames(read: tuple[SummaryRows, ...], skipped: tuple[Skipped, ...]) -> SummaryFrames:
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


def _schools(read: tuple[SummaryRows, ...], titles: pd.CategoricalDtype) -> pd.DataFrame:
    """One row per summary read: who, whether the council's pass made it, how many people and departments, and
    how many people and departments were granted each title (the summary says it: 0 is a real 0)."""
    rows = [(*f.where, bool(f.meta.council), f.edited, bool(f.meta.seal), f.fingerprint,
             len(f.people), len(f.meta.department_outcomes), *(granted[t] for t in titles.categories))
            for f, granted in ((f, _granted(f)) for f in read)]
    columns = SCHOOLS + [title_name(t) for t in titles.categories]
    counts = {column: "int64" for column in columns[len(WHERE) + 4:]}
    return _typed(pd.DataFrame(rows, columns=columns), {"council": "bool", "edited": "bool", "sealed": "bool"} | counts)


def _granted(found: SummaryRows) -> Counter:
    """How many people and departments of ``found`` were granted each title."""
    counts: Counter[str] = Counter()
    for rows, columns in ((found.decisions, DECISIONS), (found.departments, DEPARTMENTS)):
        title, granted = columns.index("title"), columns.index("granted")
        counts.update(row[title] for row in rows if row[granted])
    return counts
