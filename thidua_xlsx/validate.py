"""Raw cell values of a submission → clean, typed entries plus every problem found.

Nothing in a returned workbook is trusted: numbers are re-read and range-checked against the
rubric carried in the metadata, text is normalised (NFC, trimmed, non-breaking spaces), "9,5"
is a 9.5 with a note, and choices are matched against the campaign's lists.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from thidua_xlsx import campaign as cm
from thidua_xlsx import layout as ly
from thidua_xlsx.issues import ERROR, NOTE, WARNING, Issue, issue
from thidua_xlsx.reader import InboxFile, PersonSheet, Raw

SELF_LABEL, DEPT_LABEL = "Tự chấm", "Tổ chấm"


@dataclass
class Entry:
    """One person as submitted by a department, cleaned."""

    code: str
    name: str
    department: str
    role: str
    position: str
    newcomer: bool
    file: str
    sheet: str = ""
    registered: str = ""
    form: str = ""
    initiative: str = ""
    note: str = ""
    facts: cm.Facts | None = None  # None: take them from the roster
    self_scores: dict[str, float | None] = field(default_factory=dict)
    dept_scores: dict[str, float | None] = field(default_factory=dict)
    file_totals: tuple[float | None, float | None] = (None, None)
    cells: dict[tuple[str, str], str] = field(default_factory=dict)  # (item, column label) → cell
    invalid: set[tuple[str, str]] = field(default_factory=set)  # (item, column label) with a reported error
    has_sheet: bool = True


@dataclass
class CleanSubmission:
    file: str
    department: str
    entries: list[Entry]
    collective: str
    issues: list[Issue]


def validate(entry: InboxFile) -> CleanSubmission:
    sub = entry.submission
    check = _Checker(entry.name, sub.campaign)
    roster = {p.code: p for p in sub.campaign.staff}
    entries: list[Entry] = []
    if sub.round == ly.REGISTRATION:
        newcomer_n = 0
        for row in sub.registrations:
            person = roster.get(row.code)
            if person is None:
                name = check.text(row.name)
                if not name:
                    continue
                newcomer_n += 1
                e = Entry(code=f"MOI-{sub.department_code}-{newcomer_n}", name=check.name(row.name),
                          department=sub.department_code, role="", position=check.text(row.position),
                          newcomer=True, file=entry.name, sheet=row.name.sheet)
                check.add("person.newcomer", WARNING, row.name, name=e.name)
            else:
                e = Entry(code=person.code, name=person.name, department=person.department, role=person.role,
                          position=person.position, newcomer=False, file=entry.name, sheet=row.title.sheet)
            e.registered = check.registered(row.title)
            e.form = check.choice(row.form, sub.campaign.titles.forms, "Hình thức khen thưởng")
            e.initiative = check.text(row.initiative)
            e.note = check.text(row.note)
            entries.append(e)
    else:
        newcomer_n = 0
        for sheet in sub.people:
            person = roster.get(sheet.code)
            if person is None:
                if not check.text(sheet.name) and not any(v[0].value not in ("", None) or v[1].value not in ("", None)
                                                          for v in sheet.items.values()):
                    continue  # an unused spare sheet
                newcomer_n += 1
                e = Entry(code=f"MOI-{sub.department_code}-{newcomer_n}",
                          name=check.name(sheet.name) or f"(chưa ghi tên – {sheet.sheet})",
                          department=sub.department_code, role=sheet.role, position=check.text(sheet.position),
                          newcomer=True, file=entry.name, sheet=sheet.sheet)
                check.add("person.newcomer", WARNING, sheet.name, name=e.name)
            else:
                e = Entry(code=person.code, name=person.name, department=person.department, role=person.role,
                          position=person.position, newcomer=False, file=entry.name, sheet=sheet.sheet)
            _scoring(check, sub.campaign, sheet, e)
            entries.append(e)
        for code in sub.missing_sheets:
            person = roster[code]
            entries.append(Entry(code=code, name=person.name, department=person.department, role=person.role,
                                 position=person.position, newcomer=False, file=entry.name, has_sheet=False))
    collective = ""
    if sub.collective is not None:
        collective = check.choice(sub.collective, (*sub.campaign.titles.collective, ly.NOT_REGISTERED),
                                  "Danh hiệu tập thể")
    return CleanSubmission(entry.name, sub.department_code, entries, collective, check.issues)


def _scoring(check: "_Checker", campaign: cm.Campaign, sheet: PersonSheet, e: Entry) -> None:
    rubric = campaign.rubric_for(sheet.role)
    if sheet.title is not None:
        e.registered = check.registered(sheet.title)
    for group, item in rubric.items:
        raw_self, raw_dept, raw_note = sheet.items[item.code]
        for label, raw, scores in ((SELF_LABEL, raw_self, e.self_scores), (DEPT_LABEL, raw_dept, e.dept_scores)):
            scores[item.code] = check.score(raw, item.max)
            e.cells[(item.code, label)] = raw.cell
            if scores[item.code] is None and check.text(raw):
                e.invalid.add((item.code, label))
    shown_self, shown_dept = sheet.file_totals
    e.file_totals = (check.number_or_none(shown_self), check.number_or_none(shown_dept))
    if sheet.facts:
        e.facts = check.facts(sheet.facts)


class _Checker:
    def __init__(self, file: str, campaign: cm.Campaign):
        self.file, self.campaign = file, campaign
        self.issues: list[Issue] = []

    def add(self, code: str, severity: str, raw: Raw | None, **params) -> None:
        where = {"sheet": raw.sheet, "cell": raw.cell} if raw is not None else {}
        self.issues.append(issue(code, severity, file=self.file, **where, **params))

    @staticmethod
    def text(raw: Raw | None) -> str:
        if raw is None or raw.value is None:
            return ""
        value = raw.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return cm.clean_text(value)

    def name(self, raw: Raw) -> str:
        clean = self.text(raw)
        if isinstance(raw.value, str) and raw.value.strip() != clean and \
                unicodedata.normalize("NFC", raw.value) != raw.value:
            self.add("value.text_normalised", NOTE, raw, value=raw.value.strip(), clean=clean)
        return clean

    def number_or_none(self, raw: Raw) -> float | None:
        value = raw.value
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            return float(value)
        return None

    def score(self, raw: Raw, maximum: float) -> float | None:
        value = raw.value
        if value is None or (isinstance(value, str) and cm.clean_text(value) == ""):
            return None
        if isinstance(value, bool):
            self.add("value.not_number", ERROR, raw, value=value, max=cm.num_text(maximum))
            return None
        if isinstance(value, str):
            text = cm.clean_text(value)
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                self.add("value.not_number", ERROR, raw, value=text, max=cm.num_text(maximum))
                return None
            self.add("value.decimal_comma", NOTE, raw, value=text, number=cm.num_text(number))
            value = number
        if not isinstance(value, (int, float)):
            self.add("value.not_number", ERROR, raw, value=value, max=cm.num_text(maximum))
            return None
        value = float(value)
        if not 0 <= value <= maximum:
            self.add("value.out_of_range", ERROR, raw, value=cm.num_text(value), max=cm.num_text(maximum))
            return None
        return value

    def choice(self, raw: Raw, choices: tuple[str, ...], label: str) -> str:
        text = self.text(raw)
        if not text or text in choices:
            return text
        folded = {_fold(c): c for c in choices}
        if _fold(text) in folded:
            self.add("value.fuzzy_choice", NOTE, raw, value=text, choice=folded[_fold(text)], field=label)
            return folded[_fold(text)]
        self.add("value.bad_choice", ERROR, raw, value=text, field=label, choices=", ".join(choices))
        return ""

    def registered(self, raw: Raw) -> str:
        return self.choice(raw, (*self.campaign.titles.individual, ly.NOT_REGISTERED), "Danh hiệu đăng ký")

    def facts(self, raws: dict[str, Raw]) -> cm.Facts:
        values = {}
        for key in ("months", "maternity_months", "days_off"):
            raw = raws.get(key)
            high = 366 if key == "days_off" else 12
            values[key] = self.score(raw, high) if raw is not None else None
        values["rating"] = self.choice(raws["rating"], cm.RATINGS, "Xếp loại viên chức") or None
        values["discipline"] = self.choice(raws["discipline"], cm.DISCIPLINES, "Kỷ luật") or None
        review = self.choice(raws["under_review"], ("Có", "Không"), "Đang xem xét kỷ luật")
        values["under_review"] = None if not review else review == "Có"
        values["initiative"] = self.text(raws.get("initiative"))
        values["initiative_level"] = self.choice(raws["initiative_level"], cm.INITIATIVE_LEVELS, "Cấp công nhận")
        values["initiative_decision"] = self.text(raws.get("initiative_decision"))
        return cm.Facts(**values)


def _fold(text: str) -> str:
    """Case, accents and spacing folded: 'lao dong tien tien' matches 'Lao động tiên tiến'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())
