"""The campaign: school, departments, roster, rubrics, titles and rules, as frozen values.

A campaign comes from a preset (``workbook_templates/<level>.json``) or from the secretary's
``campaign.xlsx`` (see :mod:`thidua_xlsx.write.campaign_book`), and travels inside every generated
workbook as JSON (:func:`to_dict` / :func:`from_dict`) so that the merge needs only the folder.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any

from thidua_xlsx.model.rule_set import Band, RuleSet
from thidua_xlsx.model.titles import codes as title_codes
from thidua_xlsx.text.messages.scores import GROUP_CEILING, GROUP_FLOOR

# Kinds of criteria groups (the words the secretary reads in campaign.xlsx).
SCORE = "cộng"
BONUS = "thưởng"
DEDUCTION = "trừ"
GROUP_KINDS = (SCORE, BONUS, DEDUCTION)

RATINGS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")  # Nghị định 90/2020, best first
DISCIPLINES = ("Không", "Khiển trách", "Cảnh cáo", "Cách chức", "Buộc thôi việc")  # mildest first
# What a discipline was for (NĐ 233/2026): a violation in carrying out one's duties (điều 12 khoản 4 điểm c), a
# decline in political ideology, ethics or lifestyle (điều 14 khoản 3 điểm a), or neither — the first two rate KHTNV.
# No comma inside a word: Excel's inline dropdowns are comma-separated.
DISCIPLINE_SCOPES = ("Nhiệm vụ", "Tư tưởng/đạo đức/lối sống", "Khác")
SCOPE_DUTIES, SCOPE_ETHICS, SCOPE_OTHER = DISCIPLINE_SCOPES
# Long leaves: maternity, sick (social insurance), unpaid (NĐ 233/2026 điều 14 khoản 2); a course sent (15.1.c).
LEAVE_KINDS = ("Thai sản", "Ốm đau (BHXH)", "Không lương", "Đi học/bồi dưỡng (được cử)")
LEAVE_MATERNITY_WORD, LEAVE_SICK_WORD, LEAVE_UNPAID_WORD, LEAVE_STUDY_WORD = LEAVE_KINDS
GENDERS = ("Nam", "Nữ")  # the roster's Giới tính; blank: not known
FEMALE = GENDERS[1]
INITIATIVE_LEVELS = ("Trường", "Xã", "Huyện", "Tỉnh", "Bộ", "Toàn quốc")
FACTS_FROM_ROSTER = "Danh sách"
FACTS_FROM_DEPARTMENT = "Tổ nhập"
FACTS_SOURCES = (FACTS_FROM_ROSTER, FACTS_FROM_DEPARTMENT)
CSTDCS_CONDITIONS = ("hoặc", "và")
LEVELS = ("mam-non", "tieu-hoc", "thcs", "thpt")

# The evaluation periods of Nghị định 233/2026 (điều 3 khoản 5: monthly or quarterly; semesters where a Quy chế
# says so). NO_PERIODS: one scoring round at the end of the year, as before the decree.
NO_PERIODS, MONTHS, QUARTERS, SEMESTER_PERIODS = "", "thang", "quy", "hoc-ky"

# The year's formula (điều 12 khoản 5 leaves it to the unit's Quy chế; điều 15 khoản 1 điểm a speaks of the average).
AVERAGE = "TRUNG_BINH"  # the average of the periods: the default
SEMESTERS = "HK1_2HK2"  # (HKI + 2 × HKII) / 3, the students' rule (TT 22/2021 điều 9) some schools copy: an option
WEIGHTED = "TRONG_SO"  # a weighted average, a weight per period


def iso_day(iso: str) -> datetime.date | None:
    """The day an ISO date names; None: blank, or not one."""
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def clean_text(value: object) -> str:
    """NFC, non-breaking spaces to spaces, trimmed, inner runs of spaces collapsed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(text.split())


def cell_value(value: object) -> object:
    """A cell's value as calamine gives it, made what the cell shows: empty is None, a whole number an int."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def num_text(value: object) -> str:
    """9.5 → '9,5' (Vietnamese decimal comma), 10.0 → '10'. A score is worded by :func:`score_text`."""
    return (f"{value:g}" if isinstance(value, (int, float)) else str(value)).replace(".", ",")


SCORE_STEP = Decimal("0.01")  # a score is shown to two decimals, cut


def _cut(value: float) -> Decimal:
    """``value`` cut to two decimals from the decimal it is written as (76.33 stays 76.33: no float noise); + 0 makes
    a cut -0.00 plain 0."""
    return Decimal(str(value)).quantize(SCORE_STEP, rounding=ROUND_DOWN) + 0


def score_value(value: float) -> float:
    """A score as every sheet, page and paper gives it: two decimals, cut toward zero, never rounded — NĐ 233/2026
    điều 12 khoản 1 says "từ 90 điểm trở lên": 89.995 is HTTNV and must never be shown as 90 beside it."""
    if round(value, 2) == value:  # two decimals or fewer already (most scores): as it is, without the Decimal's cost
        return float(value)
    return float(_cut(value))


def score_text(value: float) -> str:
    """A score in words, cut as :func:`score_value`: 89.995 → '89,99', 76.3333 → '76,33', 90.0 → '90', 85.5 → '85,5'."""
    return format(_cut(value).normalize(), "f").replace(".", ",")


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    max: float
    hint: str = ""


@dataclass(frozen=True)
class Group:
    code: str
    name: str
    kind: str
    max: float
    min: float | None = None
    items: tuple[Item, ...] = ()

    @functools.cached_property
    def item_codes(self) -> tuple[str, ...]:
        """Its criteria's codes, in order (once per group object, as :attr:`Rubric.item_codes`)."""
        return tuple(item.code for item in self.items)


@dataclass(frozen=True)
class Rubric:
    role: str
    total: float
    groups: tuple[Group, ...]

    @property
    def items(self) -> list[tuple[Group, Item]]:
        return [(group, item) for group in self.groups for item in group.items]

    @property
    def max_total(self) -> float:
        return self.total + sum(g.max for g in self.groups if g.kind == BONUS)

    @functools.cached_property
    def item_codes(self) -> tuple[str, ...]:
        """Every criterion's code, in order: one tuple per rubric object (as :attr:`version`), shared
        by the entries scored with it."""
        return tuple(item.code for _, item in self.items)

    @functools.cached_property
    def version(self) -> str:
        """:func:`rubric_version`, computed once per rubric object (kept in its ``__dict__``, not a field:
        equality, hashing, ``asdict`` and ``replace`` ignore it; the object is frozen, so it never goes stale)."""
        return _digest(self)


@dataclass(frozen=True, slots=True)  # one per person of the roster: no __dict__ each
class Facts:
    """What the title rules need beyond the score; None means "not known"."""

    rating: str | None = None
    months: float | None = None  # months actually worked in the year, maternity leave excluded
    maternity_months: float | None = None  # maternity leave, which counts as work
    days_off: float | None = None
    discipline: str | None = None
    under_review: bool | None = None
    initiative: str = ""
    initiative_level: str = ""
    initiative_decision: str = ""
    leave: str | None = None  # the year's long leave, a word of LEAVE_KINDS (None: none said)
    away: tuple[str, ...] = ()  # the periods (codes) wholly on that leave: periods away, not scores missing
    discipline_scope: str | None = None  # what the discipline was for, a word of DISCIPLINE_SCOPES (None: not said)
    discipline_act: str | None = None  # the act's school year ("2024-2025") or campaign_book.FORMER_UNIT; None: now
    moved_on: str | None = None  # the day she leaves for another school (ISO; :func:`moved_by`); None: she stays
    moved_to: str | None = None  # the school she moves to, as typed


@dataclass(frozen=True, slots=True)  # one per person of the roster: no __dict__ each
class Person:
    code: str
    name: str
    department: str  # department code
    role: str
    position: str = ""
    gender: str = ""
    dob: str = ""  # ISO date
    start: str = ""
    notes: str = ""
    facts: Facts = field(default_factory=Facts)


def started_by(person: Person, day: datetime.date) -> bool:
    """``person`` had started by ``day``: their start date (sheet Nhân sự, "Ngày vào ngành") is not after it — a
    period ending before a newcomer's first day is not theirs (docs/domain.md §4e). No date given: not known, theirs."""
    try:
        return datetime.date.fromisoformat(person.start[:10]) <= day if person.start else True
    except ValueError:
        return True


def moved_by(person: Person, day: datetime.date) -> bool:
    """``person`` left for another school on or before ``day`` (sheet Nhân sự, "Chuyển đi từ ngày"): a period from that
    day is not hers — the new school rates her, this one sends her results (NĐ 233/2026 điều 15 khoản 1 điểm a)."""
    return bool(person.facts.moved_on) and str(person.facts.moved_on)[:10] <= day.isoformat()


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    head: str = ""
    email: str = ""


@dataclass(frozen=True)
class School:
    name: str
    managing_body: str
    place: str
    school_year: str
    recipient: str
    recipient_email: str = ""
    principal: str = ""
    secretary: str = ""
    registration_deadline: str = ""
    scoring_deadline: str = ""
    criteria_resolution: str = ""  # the Hội nghị viên chức resolution approving the criteria: number
    criteria_resolution_date: str = ""  # and its date (ISO)
    province: str = ""  # the province whose rules apply, as named in workbook_templates/tinh/ ("": national only)
    filing_date: str = ""  # "Ngày gửi hồ sơ" (ISO): the day the rule set is picked for (model.rule_set)
    authority_code: str = ""  # the code the level above issued the school: its final summary is sealed with it


@dataclass(frozen=True)
class Settings:
    facts_source: str = FACTS_FROM_ROSTER
    score_gap_tolerance: float = 5
    spare_rows: int = 3
    sheet_password: str = ""


@dataclass(frozen=True)
class Rules:
    """Rule parameters of docs/domain.md §2; every one is a campaign setting."""

    ldtt_min_months: float = 6
    ldtt_ratings: tuple[str, ...] = ("HTXSNV", "HTTNV")
    ldtt_max_days_off: float | None = None
    ldtt_min_classification: str | None = None
    cstdcs_condition: str = "hoặc"
    cstdcs_quota_percent: float | None = None
    ttldtt_min_percent: float = 50
    ttldtt_at_least: bool = False  # False: strictly more than the percent (Luật 2022); True: "từ … trở lên"
    ttldxs_min_percent: float = 70
    council_quorum_percent: float = 66.67  # members present for a valid meeting (common practice: 2/3)
    cstdcs_vote_percent: float | None = 80  # of all members, secret ballot (Nghị định 98/2023 art. 30(7))
    ldtt_vote_percent: float | None = None  # None: not put to a vote (older practice, TT 35/2015: 70)
    ttldxs_vote_percent: float | None = None
    # Laid on at load from the campaign's rule set (model.rule_set.applied), derived, not set by the secretary:
    # equality and to_dict leave them out. citations: rule key → how a reason cites the rule applied;
    # rating_bands: a province's scale for the year's rating (empty: NĐ 233/2026's); rating_discipline: that scale's
    # article making any discipline in the year KHTNV ("": none); unanswered: the title rules no text in force
    # answers on the reference day (their decisions are left pending).
    citations: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    rating_bands: tuple[Band, ...] = field(default=(), compare=False)
    rating_discipline: str = field(default="", compare=False)
    unanswered: tuple[str, ...] = field(default=(), compare=False)

    def cite(self, rule: str) -> str:
        """How a reason cites ``rule`` (a model.rule_set key); "" when the campaign has no rule set."""
        return dict(self.citations).get(rule, "")


@dataclass(frozen=True)
class Level:
    name: str
    min: float


@dataclass(frozen=True)
class Titles:
    """The campaign's lists: titles by code (:mod:`thidua_xlsx.model.titles`), award forms by their words."""

    individual: tuple[str, ...]
    collective: tuple[str, ...]
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Period:
    """One period of the year: a month ("thang-11"), a quarter ("quy-1") or a semester ("hk1"); ``deadline``:
    the day its scoring workbooks are due (None: not set)."""

    code: str
    label: str  # as people read it: "Tháng 11/2026"
    start: datetime.date
    end: datetime.date
    deadline: datetime.date | None = None


@dataclass(frozen=True)
class YearFormula:
    """How the year's score comes from the periods': ``weights`` (period code → weight) for
    :data:`SEMESTERS` and :data:`WEIGHTED`; :data:`AVERAGE` weighs each period 1."""

    kind: str = AVERAGE
    weights: tuple[tuple[str, float], ...] = ()

    @classmethod
    def semesters(cls, first: str = "hk1", second: str = "hk2") -> YearFormula:
        return cls(SEMESTERS, ((first, 1), (second, 2)))


SPECIAL_KINDS = ("Đột xuất", "Chuyên đề")  # awards outside the year's emulation (NĐ 152/2025 điều 4 khoản 3)


@dataclass(frozen=True)
class SpecialAward:
    """A đột xuất or chuyên đề award the school proposes (sheet "Khen đột xuất" of campaign.xlsx): its own list and
    papers, never counted toward the year's titles or the higher awards (NĐ 152/2025 điều 4 khoản 3)."""

    who: str  # a staff code or a department code
    kind: str  # a SPECIAL_KINDS word
    achievement: str
    form: str = ""  # the form proposed, in the campaign's words ("Giấy khen của Hiệu trưởng")
    note: str = ""


@dataclass(frozen=True)
class Campaign:
    id: str
    level: str
    school: School
    settings: Settings
    rules: Rules
    classification: tuple[Level, ...]
    gate_cap: str
    titles: Titles
    legal_basis: tuple[str, ...]
    rubrics: tuple[Rubric, ...]
    departments: tuple[Department, ...]
    staff: tuple[Person, ...]
    period_kind: str = NO_PERIODS  # NO_PERIODS: today's single year-end round
    periods: tuple[Period, ...] = ()
    year_formula: YearFormula = YearFormula()
    unit_rating: str = ""  # the school's own rating for the year (NĐ 233/2026 điều 7), a RATINGS code; "": not known
    # The unit's choices NĐ 233/2026 điều 12 khoản 6 leaves to it: the HTXSNV share it decided for a year it is rated
    # HTXSNV (điểm b: above 20 %, at most 25 %; None: not decided, 20 %), and whether its groups of five or fewer
    # are counted together (by the letter of điểm a, each apart).
    excellent_unit_cap_percent: float | None = None
    small_groups_together: bool = False
    special_awards: tuple[SpecialAward, ...] = ()
    # The texts it follows and their dates, picked at load (read.rule_sets): derived from the school's province and
    # dates, so equality and to_dict leave it out. None: not picked (a campaign built in code).
    rule_set: RuleSet | None = field(default=None, compare=False)

    def rubric_for(self, role: str) -> Rubric:
        return next(r for r in self.rubrics if r.role == role)

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.code == code)

    def members(self, department_code: str) -> list[Person]:
        return list(self._staff_by_department.get(department_code, ()))

    @functools.cached_property
    def _staff_by_department(self) -> dict[str, tuple[Person, ...]]:
        """Indexed once per campaign (not a field: equality and ``replace`` ignore it; the campaign is
        frozen, so it never goes stale): each of 10,000 workbooks would otherwise scan 84,000 people."""
        groups: dict[str, list[Person]] = {}
        for p in self.staff:
            groups.setdefault(p.department, []).append(p)
        return {code: tuple(people) for code, people in groups.items()}


# --- plain-data conversion (metadata sheet, presets) -------------------------------------

PERIOD_FIELDS = ("period_kind", "periods", "year_formula", "unit_rating")
UNIT_CHOICES = {"excellent_unit_cap_percent": None, "small_groups_together": False}  # added later: left out at default
# laid on at load from the rule set: not carried
DERIVED_RULES = ("citations", "rating_bands", "rating_discipline", "unanswered")
ADDED_SCHOOL_FIELDS = ("province", "filing_date")  # left out while empty: the data as before them


def to_dict(campaign: Campaign) -> dict[str, Any]:
    """Plain data, dates as ISO text; a campaign without periods has no period keys (its metadata as before them).
    What the rule set lays on at load is left out (the next load picks it again)."""
    data = dataclasses.asdict(dataclasses.replace(campaign, rule_set=None))
    del data["rule_set"]
    for key in DERIVED_RULES:
        del data["rules"][key]
    for key in ADDED_SCHOOL_FIELDS:
        if not data["school"][key]:
            del data["school"][key]
    if not campaign.special_awards:  # a campaign without them: its metadata as before them
        del data["special_awards"]
    for key, default in UNIT_CHOICES.items():
        if data[key] == default:
            del data[key]
    if campaign.period_kind == NO_PERIODS and not campaign.periods:
        for key in PERIOD_FIELDS:
            del data[key]
        return data
    data["periods"] = [{k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in p.items()}
                       for p in data["periods"]]
    return data


def _period_from_dict(p: Mapping[str, Any]) -> Period:
    deadline = datetime.date.fromisoformat(p["deadline"]) if p.get("deadline") else None
    return Period(p["code"], p["label"], datetime.date.fromisoformat(p["start"]), datetime.date.fromisoformat(p["end"]),
                  deadline)


def _tuple(value: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(value) if value is not None else ()


def from_dict(data: Mapping[str, Any]) -> Campaign:
    """Inverse of :func:`to_dict`; also reads presets (which have no ``id`` and name their titles in words)."""
    rubrics = tuple(rubric_from_dict(r) for r in data["rubrics"])
    fact_names = {f.name for f in dataclasses.fields(Facts)}
    staff = []
    for p in data["staff"]:
        facts = p.get("facts") or {k: v for k, v in p.items() if k in fact_names}
        if "away" in facts:
            facts = {**facts, "away": tuple(facts["away"] or ())}
        person_fields = {k: v for k, v in p.items() if k not in fact_names and k != "facts"}
        staff.append(Person(**person_fields, facts=Facts(**facts)))
    rules = dict(data.get("rules", {}))
    rules["ldtt_ratings"] = _tuple(rules.get("ldtt_ratings", Rules.ldtt_ratings))
    titles = data["titles"]
    return Campaign(
        id=data.get("id", ""),
        level=data["level"],
        school=School(**data["school"]),
        settings=Settings(**data.get("settings", {})),
        rules=Rules(**rules),
        classification=tuple(Level(c["name"], c["min"]) for c in data["classification"]),
        gate_cap=data.get("gate_cap", ""),
        titles=Titles(title_codes(_tuple(titles["individual"])), title_codes(_tuple(titles["collective"])),
                      _tuple(titles["forms"])),
        legal_basis=_tuple(data.get("legal_basis")),
        rubrics=rubrics,
        departments=tuple(Department(**d) for d in data["departments"]),
        staff=tuple(staff),
        period_kind=data.get("period_kind", NO_PERIODS),
        periods=tuple(_period_from_dict(p) for p in data.get("periods", ())),
        year_formula=YearFormula((data.get("year_formula") or {}).get("kind", AVERAGE),
                                 tuple((code, weight) for code, weight in
                                       (data.get("year_formula") or {}).get("weights", ()))),
        unit_rating=data.get("unit_rating") or "",
        excellent_unit_cap_percent=data.get("excellent_unit_cap_percent"),
        small_groups_together=bool(data.get("small_groups_together", False)),
        special_awards=tuple(SpecialAward(**a) for a in data.get("special_awards", ())),
    )


def rubric_from_dict(r: Mapping[str, Any]) -> Rubric:
    return Rubric(role=r["role"], total=r["total"], groups=tuple(
        Group(code=g["code"], name=g["name"], kind=g["kind"], max=g["max"], min=g.get("min"),
              items=tuple(Item(i["code"], i["text"], i["max"], i.get("hint", "")) for i in g["items"]))
        for g in r["groups"]))


def rubric_version(rubric: Rubric) -> str:
    """A short digest of a rubric's content: the version a workbook was issued with, cited by the summary."""
    return rubric.version




def _digest(rubric: Rubric) -> str:
    # Keyed by repr, not by the rubric: equal rubrics (== and hash) may differ in what the digest reads
    # (10 == 10.0, 0.0 == -0.0, 1 == True), while repr tells all of these apart, as JSON does.
    return _digest_of(repr(rubric), rubric)


@functools.lru_cache(maxsize=256)  # each returned file's record holds its own copy of the rubric
def _digest_of(_shown: str, rubric: Rubric) -> str:
    body = json.dumps(dataclasses.asdict(rubric), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class RubricChange:
    item: str  # criterion (or group) code
    kind: str  # "added", "removed", "max", "text", "group"
    before: str = ""
    after: str = ""


def rubric_changes(old: Rubric, new: Rubric) -> tuple[RubricChange, ...]:
    """What changed between two versions of a rubric, criterion by criterion."""
    before = {i.code: (g, i) for g, i in old.items}
    after = {i.code: (g, i) for g, i in new.items}
    found = [RubricChange(code, "removed", before[code][1].text) for code in before if code not in after]
    for code, (group, item) in after.items():
        if code not in before:
            found.append(RubricChange(code, "added", after=item.text))
            continue
        old_group, old_item = before[code]
        if old_item.max != item.max:
            found.append(RubricChange(code, "max", num_text(old_item.max), num_text(item.max)))
        if old_item.text != item.text:
            found.append(RubricChange(code, "text", old_item.text, item.text))
    old_groups = {g.code: g for g in old.groups}
    for group in new.groups:
        previous = old_groups.get(group.code)
        if previous is not None and (previous.max, previous.min, previous.kind) != (group.max, group.min, group.kind):
            found.append(RubricChange(group.code, "group", _group_text(previous), _group_text(group)))
    if old.total != new.total:
        found.append(RubricChange("", "total", num_text(old.total), num_text(new.total)))
    return tuple(found)


def _group_text(group: Group) -> str:
    low = GROUP_FLOOR.format(min=num_text(group.min)) if group.min is not None else ""
    return GROUP_CEILING.format(kind=group.kind, max=num_text(group.max)) + low




# --- the school year of a new campaign ----------------------------------------------------------

SCHOOL_YEAR_STARTS = 8  # August: a school year opens in September, its plans are made from August


def school_year_of(day: datetime.date) -> str:
    """The school year ``day`` (a date) falls in: from 1 August of Y it is "Y-(Y+1)"."""
    start = day.year if day.month >= SCHOOL_YEAR_STARTS else day.year - 1
    return f"{start}-{start + 1}"


def school_year_days(year: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of the school year "Y-(Y+1)" (1 August to 31 July); None when ``year`` is no such
    text."""
    found = re.fullmatch(r"(\d{4})\s*-\s*(\d{4})", year or "")
    if found is None:
        return None
    first = datetime.date(int(found[1]), SCHOOL_YEAR_STARTS, 1)
    return first, datetime.date(int(found[2]), SCHOOL_YEAR_STARTS, 1) - datetime.timedelta(days=1)


def in_school_year(campaign: Campaign, day: datetime.date) -> Campaign:
    """``campaign`` (a preset) moved to the school year of ``day``: the year, the deadlines, the date
    of the criteria resolution, the filing date and the periods shifted by as many years (a preset is written
    for one year)."""
    year = school_year_of(day)
    try:
        shift = int(year[:4]) - int(campaign.school.school_year[:4])
    except ValueError:
        shift = 0
    moved = moved_years(campaign, shift)
    return dataclasses.replace(moved, school=dataclasses.replace(moved.school, school_year=year))


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year as written: "2025-2026", "Tháng 9/2025"
MOVED_SCHOOL_DATES = ("registration_deadline", "scoring_deadline", "criteria_resolution_date", "filing_date")


def moved_years(campaign: Campaign, shift: int) -> Campaign:
    """``campaign`` with its school year, the dates of sheet Trường (:data:`MOVED_SCHOOL_DATES`) and its periods (their
    dates, and every year their labels name: "Học kỳ I 2025-2026" → "Học kỳ I 2026-2027") ``shift`` years later."""

    def moved_date(date: datetime.date) -> datetime.date:
        try:
            return date.replace(year=date.year + shift)
        except ValueError:  # 29 February in a year without one
            return date.replace(year=date.year + shift, day=28)

    def moved(iso: str) -> str:
        try:
            return moved_date(datetime.date.fromisoformat(iso)).isoformat()
        except ValueError:
            return iso

    def moved_label(p: Period) -> str:
        years = range(p.start.year - 1, p.end.year + 2)  # the years of its school year; no other number
        return _YEAR.sub(lambda m: str(int(m[0]) + shift) if int(m[0]) in years else m[0], p.label)

    def moved_period(p: Period) -> Period:
        deadline = moved_date(p.deadline) if p.deadline is not None else None
        return Period(p.code, moved_label(p), moved_date(p.start), moved_date(p.end), deadline)

    year = _YEAR.sub(lambda m: str(int(m[0]) + shift), campaign.school.school_year)
    school = dataclasses.replace(campaign.school, school_year=year,
                                 **{key: moved(getattr(campaign.school, key)) for key in MOVED_SCHOOL_DATES})
    return dataclasses.replace(campaign, school=school, periods=tuple(map(moved_period, campaign.periods)))
