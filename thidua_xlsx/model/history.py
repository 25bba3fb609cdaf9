"""Earlier years, as values: each person's past results and service, the departments' past titles, and the
registry of sáng kiến — what the titles above CSTĐCS rest on (docs/domain.md §4c).

The history comes from the secretary's history workbook (``lich-su.xlsx``: read by :mod:`thidua_xlsx.read.history`,
created and updated from each year's final summary by :mod:`thidua_xlsx.write.history`, filled by hand for the
years before the tool) or from a folder of earlier final summaries. :mod:`thidua_xlsx.decide.history` matches it
to the roster and decides the multi-year titles from it, citing the years it used.

A year a person has no row for is not known for that person — never "nothing that year": a rule that needs it
says "chưa đủ thông tin: năm …". A part of the history that could not be read (a broken or wrong book, a sheet
missing; a folder of summaries has no Thâm niên) is not known either (:attr:`History.unknown`): every decision
resting on it is left pending, never decided as if nothing had been received. Codes here, words in
:mod:`thidua_xlsx.text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from thidua_xlsx.model.decisions import Decision
from thidua_xlsx.model.issues import Issue, Reason

# Award forms the multi-year rules decide. They sit beside the title codes of model.titles (a form has no code
# there: the forms a campaign lists are its own words), named in text.titles.
BK_TINH = "BK_TINH"  # Bằng khen của Chủ tịch UBND tỉnh (Bắc Ninh QĐ 86/2025 điều 3 khoản 3; the same at ministries)
KNC_GD = "KNC_GD"  # Kỷ niệm chương "Vì sự nghiệp giáo dục" (TT 07/2026/TT-BGDĐT from 02/04/2026, TT 29/2023 before)

# What a sáng kiến was used for (CV 5007/BNV-TĐKT 2023: once for a title or once for a form, never both).
USED_FOR_TITLE, USED_FOR_FORM = "danh-hieu", "hinh-thuc"

# The parts of a history, one per sheet of lich-su.xlsx: what History.unknown names.
PEOPLE_PART, SERVICE_PART, INITIATIVES_PART, DEPARTMENTS_PART = "ca-nhan", "tham-nien", "sang-kien", "tap-the"
ALL_PARTS = (PEOPLE_PART, SERVICE_PART, INITIATIVES_PART, DEPARTMENTS_PART)

# How a roster person was matched to the history (decide.history.match).
MATCH_CODE, MATCH_NAME_DOB = "ma", "ten-ngay-sinh"
MATCH_CODE_AND_NAME = "ma-va-ten-ngay-sinh"  # by code, and rows under an earlier code by name and birth date


@dataclass(frozen=True, slots=True)  # one per person and year: no __dict__ each
class PersonYear:
    """One person's year as it ended: the titles and forms they were awarded (decided, not proposed), the
    rating, the discipline. ``special``: đột xuất or chuyên đề awards that year, listed but never counted
    toward higher awards (NĐ 152/2025 điều 4 khoản 3). ``source``: where the row came from, as a person reads
    it (a sheet and row of lich-su.xlsx, or a summary's file name)."""

    year: str  # the school year, "2024-2025"
    person: str  # the staff code as written that year
    name: str
    dob: str = ""  # ISO date; "" not known
    rating: str | None = None  # a campaign.RATINGS code; None: not known
    titles: tuple[str, ...] = ()  # title codes (model.titles): LDTT, CSTDCS, CSTD_TINH …
    forms: tuple[str, ...] = ()  # forms received: BK_TINH, KNC_GD, or a campaign's own words
    special: tuple[str, ...] = ()  # đột xuất / chuyên đề awards, as written
    discipline: str | None = None  # a campaign.DISCIPLINES word; None: not known
    discipline_end: str = ""  # ISO date the discipline period ends ("" none or not known)
    source: str = ""


@dataclass(frozen=True, slots=True)  # one per person: no __dict__ each
class Service:
    """A person's years in the sector (for the Kỷ niệm chương): when they entered it, the years in especially
    difficult areas (which bring the medal 5 years earlier after ≥ 5 of them), the years of discipline that
    do not count, and the year the medal was received (a medal is given once)."""

    person: str
    name: str
    dob: str = ""
    sector_start: str = ""  # ISO date; "" not known
    difficult_years: float | None = None  # None: not known
    uncounted_years: float | None = None  # disciplined time not counted; None: not known
    medal_year: str = ""  # school year the medal was received; "" not received
    source: str = ""
    unread: tuple[str, ...] = ()  # the fields typed but not understood (each said with its cell): not known


@dataclass(frozen=True, slots=True)
class Use:
    """A sáng kiến used: for a title or a form (:data:`USED_FOR_TITLE` / :data:`USED_FOR_FORM`), in a year."""

    year: str
    kind: str
    award: str  # the title code or the form (code or words)


@dataclass(frozen=True, slots=True)
class Initiative:
    """A sáng kiến of the registry kept with the history: its recognition and what it has been used for."""

    name: str
    author: str  # staff code
    author_name: str
    level: str  # a campaign.INITIATIVE_LEVELS word ("Trường" … "Toàn quốc")
    decision: str  # the recognition decision's number
    decision_date: str = ""  # ISO
    year: str = ""  # the school year it was recognised in
    used: tuple[Use, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class DepartmentYear:
    """A department's year: the collective titles and forms it was awarded."""

    year: str
    department: str  # department code
    name: str
    titles: tuple[str, ...] = ()  # TTLDTT, TTLDXS
    forms: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class History:
    """Everything known of earlier years; ``sources``: the files read (each said in the report); ``unknown``: the
    parts (:data:`ALL_PARTS`) that could not be read — not empty, unknown."""

    people: tuple[PersonYear, ...] = ()
    service: tuple[Service, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    departments: tuple[DepartmentYear, ...] = ()
    sources: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    # (school year, staff code) typed on two rows that say different things: neither row used, the year unsettled —
    # what rests on it waits until the rows are made one (read.history, decide.history_past)
    held: tuple[tuple[str, str], ...] = ()
    held_departments: tuple[tuple[str, str], ...] = ()  # the same of a department's year (sheet Tập thể)

    @property
    def years(self) -> tuple[str, ...]:
        """The school years any row speaks of, oldest first."""
        return tuple(sorted({r.year for r in self.people} | {r.year for r in self.departments}))


@dataclass(frozen=True, slots=True)
class Match:
    """How a roster person was found in the history: by code, or by name and birth date where the code
    changed (said), or both — the code's rows with those of an earlier code (said); ``codes``: the history's codes
    that are this person (several found by name alone: asked, never guessed)."""

    person: str  # roster code
    how: str  # MATCH_CODE, MATCH_NAME_DOB or MATCH_CODE_AND_NAME (the roster code first)
    codes: tuple[str, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1 and self.how == MATCH_NAME_DOB


@dataclass(frozen=True, slots=True)
class AwardedYear:
    """What a person was awarded in one earlier school year, as the history says it (the titles and forms decided,
    the đột xuất or chuyên đề awards among the forms): the Báo cáo thành tích's part III, filled from it."""

    year: str
    titles: tuple[str, ...]  # title codes
    forms: tuple[str, ...]  # codes or a campaign's own words, then the special awards as written


@dataclass(frozen=True)
class HistoryResults:
    """What the history gave this year's merge: each roster person's match, the multi-year decisions per person
    (CSTĐ cấp tỉnh, Bằng khen, Kỷ niệm chương: :class:`~thidua_xlsx.model.results.Decision` with the years
    used) and per department, and what was found on the way (a sáng kiến used twice, an ambiguous match …)."""

    matches: Mapping[str, Match]  # roster code → match (absent: not found in the history)
    people: Mapping[str, tuple[Decision, ...]]  # roster code → its decisions
    departments: Mapping[str, tuple[Decision, ...]]  # department code → its decisions
    issues: tuple[Issue, ...] = ()
    sources: tuple[str, ...] = ()
    flags: Mapping[str, tuple[Reason, ...]] = field(default_factory=dict)  # roster code → reasons for the council
    # roster code → this year's decisions (LĐTT, CSTĐCS) as the history changed them: a sáng kiến already used for an
    # award form cannot carry a CSTĐCS (CV 5007/BNV-TĐKT); a discipline whose term runs into this school year (NĐ
    # 152/2025 điều 4 khoản 4)
    withdrawn: Mapping[str, tuple[Decision, ...]] = field(default_factory=dict)
    awarded: Mapping[str, tuple[AwardedYear, ...]] = field(default_factory=dict)  # roster code → years, oldest first

    @property
    def proposed(self) -> int:
        """How many multi-year awards are proposed, of people and of departments: one count wherever it is said."""
        return sum(d.granted for ds in (*self.people.values(), *self.departments.values()) for d in ds)
