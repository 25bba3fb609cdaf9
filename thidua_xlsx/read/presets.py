"""The campaign presets shipped per school level (workbook_templates/, installed as thidua_xlsx/presets)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Callable
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.new_year import without_year
from thidua_xlsx.model.requests import BY_MONTH, BY_QUARTER
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text.commands import FRAME_WORDS


def preset_dir() -> Path:
    package = Path(__file__).parent.parent  # thidua_xlsx/
    installed = package / "presets"
    return installed if installed.is_dir() else package.parent / "workbook_templates"


YEAR_NOTE = "year_note"  # a preset person's note on a fact of the sample's year (a leave, a discipline)


def load_preset(level: str, year: bool = True) -> cm.Campaign:
    """The preset of ``level``: a sample school in its sample year, each person with the facts of that year (sheet
    Nhân sự's rating, months, leave, discipline, sáng kiến) and the note on them (``year_note``, after the person's
    own ``notes``) — the try-it sample's and the tests' school. Without ``year``, the school as a new campaign starts
    it: who each person is, nothing the year decides (:func:`~thidua_xlsx.model.new_year.without_year`)."""
    data = json.loads((preset_dir() / f"{level}.json").read_text(encoding="utf-8"))
    for person in data["staff"]:
        note = person.pop(YEAR_NOTE, "")
        if year and note:
            person["notes"] = "; ".join(filter(None, (person.get("notes", ""), note)))
    campaign = cm.from_dict(data)
    return campaign if year else without_year(campaign)


# The NĐ 233/2026 frame a school scored by period starts from: its criteria by role (điều 10, 11), its ratings
# (điều 12) and the line of Căn cứ naming the decree, as the nd233 preset writes them for the THCS sample school.
FRAME_PRESET = "nd233"
OLD_RATING_DECREE = "90/2020/NĐ-CP"  # the line of Căn cứ the frame's line replaces
LEADERS = ("Hiệu trưởng", "Phó hiệu trưởng")  # positions scored as Viên chức quản lý whatever the level calls them
LEADER_ROLE = "Cán bộ quản lý"
PERIOD_DEADLINE_DAY = 5  # a period's books are due on the 5th of the month after it, as in the nd233 preset
YEAR_AFTER_LAST_PERIOD = 5  # days from the last period's due date to the year's (sheet Trường, Hạn nộp chấm điểm)


def school_preset(level: str, scoring: str) -> cm.Campaign:
    """The preset of ``level`` as a new campaign starts it (:func:`load_preset` without its year), scored as
    ``scoring`` says (model.requests.SCORINGS): once at the year's end, the preset as written; each month (September
    to May) or each quarter of the school year (three: September–November, December–February, March–May), in the
    frame of Nghị định 233/2026 (:func:`by_period`)."""
    campaign = load_preset(level, year=False)
    kinds = {BY_MONTH: cm.MONTHS, BY_QUARTER: cm.QUARTERS}
    return by_period(campaign, kinds[scoring]) if scoring in kinds else campaign


def by_period(campaign: cm.Campaign, kind: str) -> cm.Campaign:
    """``campaign`` scored by the periods of ``kind`` (cm.MONTHS or cm.QUARTERS) of its school year, the year's score
    their average (điều 15 khoản 1 điểm a), in the frame of the nd233 preset: its rubrics (in the level's words,
    :func:`in_level_words`), ratings, the least rating for Lao động tiên tiến, and its line of Căn cứ in place of the
    old decree's; each person's role the frame's (the school's leaders Viên chức quản lý, everyone else Viên chức);
    the year's deadline a few days after the last period's, since the year is made from every period."""
    frame = load_preset(FRAME_PRESET, year=False)
    manager, member = (r.role for r in frame.rubrics)
    staff = tuple(dataclasses.replace(p, role=manager if p.role == LEADER_ROLE or p.position in LEADERS else member)
                  for p in campaign.staff)
    decree = next(line for line in frame.legal_basis if line not in campaign.legal_basis)
    legal = tuple(decree if OLD_RATING_DECREE in line else line for line in campaign.legal_basis)
    rules = dataclasses.replace(campaign.rules, ldtt_min_classification=frame.rules.ldtt_min_classification)
    periods = school_year_periods(kind, int(campaign.school.school_year[:4]))
    year_due = (periods[-1].deadline or periods[-1].end) + dt.timedelta(days=YEAR_AFTER_LAST_PERIOD)
    return dataclasses.replace(
        campaign, rubrics=in_level_words(frame.rubrics, campaign.level), classification=frame.classification,
        gate_cap=frame.gate_cap, rules=rules, legal_basis=legal if decree in legal else (*legal, decree), staff=staff,
        period_kind=kind, periods=periods, year_formula=cm.YearFormula(),
        school=dataclasses.replace(campaign.school, scoring_deadline=year_due.isoformat()))


def in_level_words(rubrics: tuple[cm.Rubric, ...], level: str) -> tuple[cm.Rubric, ...]:
    """``rubrics`` (the NĐ 233/2026 frame's, written for a school of pupils) in the words of a school of ``level``:
    each criterion's text and hint with the level's phrases replaced (text.commands.FRAME_WORDS; a preschool's
    children are "trẻ", not "học sinh")."""
    pairs = FRAME_WORDS.get(level, ())

    def said(text: str) -> str:
        for before, after in pairs:
            text = text.replace(before, after)
        return text

    return tuple(dataclasses.replace(rubric, groups=tuple(
        dataclasses.replace(group, name=said(group.name), items=tuple(
            dataclasses.replace(item, text=said(item.text), hint=said(item.hint)) for item in group.items))
        for group in rubric.groups)) for rubric in rubrics)


def school_year_periods(kind: str, first_year: int) -> tuple[cm.Period, ...]:
    """The periods of ``kind`` of the school year that starts in September of ``first_year``: the months September
    to May ("Tháng 9/2026"), or three quarters of three months each ("Quý I (tháng 9–11/2026)"); each due on the
    5th of the month after it."""
    def month(n: int) -> tuple[int, int]:  # the n-th month of the school year (0: September), as (year, month)
        return first_year + (8 + n) // 12, (8 + n) % 12 + 1

    def span(first: int, last: int) -> tuple[dt.date, dt.date, dt.date]:
        start, (year, end_month), (due_year, due_month) = dt.date(*month(first), 1), month(last), month(last + 1)
        end = dt.date(year, end_month, 1) + dt.timedelta(days=31)
        return start, end.replace(day=1) - dt.timedelta(days=1), dt.date(due_year, due_month, PERIOD_DEADLINE_DAY)

    if kind == cm.MONTHS:
        return tuple(cm.Period(f"thang-{m}", ct.PERIOD_MONTH_LABEL.format(month=m, year=y), *span(n, n))
                     for n in range(9) for y, m in [month(n)])
    periods = []
    for q, numeral in enumerate(ct.QUARTER_NUMERALS):
        (y1, m1), (y3, m3) = month(3 * q), month(3 * q + 2)
        months = f"{m1}/{y1}–{m3}/{y3}" if y1 != y3 else f"{m1}–{m3}/{y3}"
        label = ct.PERIOD_QUARTER_LABEL.format(numeral=numeral, months=months)
        periods.append(cm.Period(f"quy-{q + 1}", label, *span(3 * q, 3 * q + 2)))
    return tuple(periods)


class DataFileError(Exception):
    """A data file's first problem: the message code and its parameters (the loader reports it and goes on)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


def read_data_file(path: Path, problems: Problems, bad_json: str, convert: Callable):
    """A data file (a rule set, a province, an import mapping) as ``convert(data, path)`` makes it, read once per
    version of the file; None with its first problem in ``problems`` (``bad_json``: the caller's message for a file
    that is no JSON or cannot be read; ``convert`` raises :class:`DataFileError` for the rest)."""
    try:
        stat = path.stat()
    except OSError as exc:
        problems.add(bad_json, file=path.name, line=0, column=0, problem=exc.strerror or str(exc))
        return None
    found = _converted(path, (stat.st_mtime, stat.st_size), bad_json, convert)
    if isinstance(found, DataFileError):
        problems.add(found.code, **found.params)
        return None
    return found


@functools.lru_cache(maxsize=64)
def _converted(path: Path, stamp: tuple[float, int], bad_json: str, convert: Callable):
    """What :func:`read_data_file` reads, once per version of the file (``stamp``: its modification time and size)."""
    data, wrong = json_data(path)
    if wrong is not None:
        return DataFileError(bad_json, file=path.name, **wrong)
    try:
        return convert(data, path)
    except DataFileError as broken:
        return broken


def json_data(path: Path) -> tuple[object, dict | None]:
    """A data file's JSON (a rule set, a province, an import mapping), or None and where it is wrong (line, column,
    problem), for the caller's own message."""
    try:
        return json.loads(path.read_text(encoding="utf-8")), None
    except json.JSONDecodeError as exc:
        return None, {"line": exc.lineno, "column": exc.colno, "problem": exc.msg}
    except (OSError, UnicodeDecodeError) as exc:
        return None, {"line": 0, "column": 0, "problem": str(exc)}
