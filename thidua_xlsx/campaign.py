"""The campaign: school, departments, roster, rubrics, titles and rules, as frozen values.

A campaign comes from a preset (``workbook_templates/<level>.json``) or from the secretary's
``campaign.xlsx`` (see :mod:`thidua_xlsx.campaign_book`), and travels inside every generated
workbook as JSON (:func:`to_dict` / :func:`from_dict`) so that the merge needs only the folder.
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# Kinds of criteria groups (the words the secretary reads in campaign.xlsx).
SCORE = "cộng"
BONUS = "thưởng"
DEDUCTION = "trừ"
GROUP_KINDS = (SCORE, BONUS, DEDUCTION)

RATINGS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")  # Nghị định 90/2020, best first
DISCIPLINES = ("Không", "Khiển trách", "Cảnh cáo", "Cách chức", "Buộc thôi việc")  # mildest first
INITIATIVE_LEVELS = ("Trường", "Xã", "Huyện", "Tỉnh", "Bộ", "Toàn quốc")
FACTS_FROM_ROSTER = "Danh sách"
FACTS_FROM_DEPARTMENT = "Tổ nhập"
FACTS_SOURCES = (FACTS_FROM_ROSTER, FACTS_FROM_DEPARTMENT)
CSTDCS_CONDITIONS = ("hoặc", "và")
LEVELS = ("mam-non", "tieu-hoc", "thcs", "thpt")


def clean_text(value) -> str:
    """NFC, non-breaking spaces to spaces, trimmed, inner runs of spaces collapsed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").replace("\u200b", "")
    return " ".join(text.split())


def num_text(value) -> str:
    """9.5 → '9,5' (Vietnamese decimal comma), 10.0 → '10'."""
    return (f"{value:g}" if isinstance(value, (int, float)) else str(value)).replace(".", ",")


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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Settings:
    facts_source: str = FACTS_FROM_ROSTER
    score_gap_tolerance: float = 5
    spare_rows: int = 3
    sheet_password: str = ""


@dataclass(frozen=True)
class Rules:
    """Rule parameters of DOMAIN.md §2; every one is a campaign setting."""

    ldtt_min_months: float = 6
    ldtt_ratings: tuple[str, ...] = ("HTXSNV", "HTTNV")
    ldtt_max_days_off: float | None = None
    ldtt_min_classification: str | None = None
    cstdcs_condition: str = "hoặc"
    cstdcs_quota_percent: float | None = None
    ttldtt_min_percent: float = 50
    ttldxs_min_percent: float = 70


@dataclass(frozen=True)
class Level:
    name: str
    min: float


@dataclass(frozen=True)
class Titles:
    individual: tuple[str, ...]
    collective: tuple[str, ...]
    forms: tuple[str, ...]


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

    def rubric_for(self, role: str) -> Rubric:
        return next(r for r in self.rubrics if r.role == role)

    def department(self, code: str) -> Department:
        return next(d for d in self.departments if d.code == code)

    def members(self, department_code: str) -> list[Person]:
        return [p for p in self.staff if p.department == department_code]


# --- plain-data conversion (metadata sheet, presets) -------------------------------------

def to_dict(campaign: Campaign) -> dict:
    return dataclasses.asdict(campaign)


def _tuple(value):
    return tuple(value) if value is not None else ()


def from_dict(data: dict) -> Campaign:
    """Inverse of :func:`to_dict`; also reads presets (which have no ``id``)."""
    rubrics = tuple(
        Rubric(
            role=r["role"],
            total=r["total"],
            groups=tuple(
                Group(
                    code=g["code"], name=g["name"], kind=g["kind"], max=g["max"], min=g.get("min"),
                    items=tuple(Item(i["code"], i["text"], i["max"], i.get("hint", "")) for i in g["items"]),
                )
                for g in r["groups"]
            ),
        )
        for r in data["rubrics"]
    )
    fact_names = {f.name for f in dataclasses.fields(Facts)}
    staff = []
    for p in data["staff"]:
        facts = p.get("facts") or {k: v for k, v in p.items() if k in fact_names}
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
        titles=Titles(_tuple(titles["individual"]), _tuple(titles["collective"]), _tuple(titles["forms"])),
        legal_basis=_tuple(data.get("legal_basis")),
        rubrics=rubrics,
        departments=tuple(Department(**d) for d in data["departments"]),
        staff=tuple(staff),
    )


def preset_dir() -> Path:
    installed = Path(__file__).parent / "presets"
    return installed if installed.is_dir() else Path(__file__).parent.parent / "workbook_templates"


def load_preset(level: str) -> Campaign:
    path = preset_dir() / f"{level}.json"
    return from_dict(json.loads(path.read_text(encoding="utf-8")))
