"""Input cells of a submission → clean, typed entries plus every problem found.

Nothing in a returned workbook is trusted: who the people are and what they registered come
from the record of what was issued; numbers are re-read and range-checked against the
campaign's rubric; text is normalised (NFC, trimmed, non-breaking spaces); "9,5" is a 9.5 with
a note; choices are matched against the campaign's lists (a title by its name, kept as its code).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import NamedTuple

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import (
    DEPT,
    FORMULA_MARK,
    PERCENT_MARK,
    SELF,
    TYPED_FORMULA_MARK,
    Cell,
    CleanSubmission,
    Entry,
    InboxFile,
    ItemScores,
    ScoringForm,
    Submission,
)
from thidua_xlsx.model.issued import NEWCOMER_PREFIX, IssuedPerson, IssuedWorkbook, name_key, newcomer_code
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue, issue, reason
from thidua_xlsx.model.titles import NOT_REGISTERED, is_registered
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.legacy_text import detect_and_convert
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.messages import shortened
from thidua_xlsx.text.titles import TITLE_SHORT


def validate(entry: InboxFile, campaign: cm.Campaign) -> CleanSubmission:
    sub = entry.submission
    if sub is None:
        raise ValueError(f"{entry.name}: only a file read as a submission is validated (status {entry.status})")
    check = _Checker(entry.name, campaign)
    dept = sub.department_code
    marked = set(sub.marked)
    entries: list[Entry] = []

    def issued_entry(person: IssuedPerson, sheet: str, registered: str = "", form: str = "", initiative: str = "",
                     note: str = "", has_sheet: bool = True) -> Entry:
        return Entry(code=person.code, name=person.name, department=dept, role=person.role,
                     position=person.position, newcomer=person.newcomer, file=entry.name, sheet=sheet,
                     registered=registered, form=form, initiative=initiative, note=note, has_sheet=has_sheet,
                     marked=person.code in marked)

    for role, old, new in rubric_changes_since_issue(sub.issued, campaign):
        check.add("rubric.changed", WARNING, None, department=sub.issued.layout.department_name, role=role,
                  issued=cm.rubric_version(old), current=cm.rubric_version(new),
                  changes=tuple(reason(f"rubric_change.{c.kind}", item=c.item, before=c.before, after=c.after)
                                for c in cm.rubric_changes(old, new)))
    if sub.round == ly.REGISTRATION:
        entries += _registrations(check, campaign, sub, entry.name, issued_entry)
    else:
        entries += _scorings(check, campaign, sub, entry.name, issued_entry)
    entries += [issued_entry(p, "", registered=p.registered if sub.round == ly.SCORING else "", has_sheet=False)
                for p in sub.issued.people if p.code in set(sub.missing)]
    collective = ""
    if sub.round == ly.SCORING and sub.issued.collective:
        collective = sub.issued.collective
    if sub.collective is not None:
        typed = check.title(sub.collective, (*campaign.titles.collective, NOT_REGISTERED), wx.V_COLLECTIVE_TITLE)
        collective = typed or collective
    return CleanSubmission(entry.name, dept, tuple(entries), collective, tuple(check.issues))


def _registrations(check: _Checker, campaign: cm.Campaign, sub: Submission, file: str,
                   issued_entry: Callable[..., Entry]) -> list[Entry]:
    """The entries of a registration's rows: a person issued, or a newcomer named on a spare row."""
    dept = sub.department_code
    entries = []
    spare_n = 0
    for row in sub.registrations:
        check.person = row.person.code if row.person is not None else ""
        values = _Registration(registered=check.registered(row.title),
                               form=check.choice(row.form, campaign.titles.forms, wx.V_FORM_TITLE),
                               initiative=check.text(row.initiative), note=check.text(row.note))
        check.person = ""
        if row.person is not None:
            entries.append(issued_entry(row.person, row.title.sheet, registered=values.registered,
                                        form=values.form, initiative=values.initiative, note=values.note))
            continue
        if not check.text(row.name):
            continue
        name = check.name(row.name)
        if not check.newcomer("person.newcomer", row.name, name, dept, sub.issued.people,
                              newcomer_code(dept, spare_n + 1)):
            continue
        spare_n += 1
        entries.append(Entry(code=newcomer_code(dept, spare_n), name=name, department=dept, role="",
                             position=check.text(row.position), newcomer=True, file=file,
                             sheet=row.name.sheet, registered=values.registered, form=values.form,
                             initiative=values.initiative, note=values.note))
    return entries


def _scorings(check: _Checker, campaign: cm.Campaign, sub: Submission, file: str,
              issued_entry: Callable[..., Entry]) -> list[Entry]:
    """The entries of a scoring round's forms: a person issued, or a newcomer on a spare form used."""
    dept = sub.department_code
    entries: list[Entry] = []
    spare_n = 0
    for form in sub.forms:
        if form.spare:
            if not check.text(form.name) and not _any_score(form):
                continue  # an unused spare form
            name = check.name(form.name) if form.name else ""
            e = Entry(code=f"{NEWCOMER_PREFIX}-{dept}-P{spare_n + 1}",
                      name=name or wx.SPARE_UNNAMED.format(sheet=form.sheet), department=dept,
                      role=form.person.role, position=check.text(form.position), newcomer=True, file=file,
                      sheet=form.sheet)
            unscored = {x.code: x.sheet for x in entries if not (x.self_scores.entered or x.dept_scores.entered)} \
                if _any_score(form) else None
            if not check.newcomer("person.newcomer_unregistered", form.name, e.name, dept, sub.issued.people, e.code,
                                  unscored):
                continue
            spare_n += 1
        else:
            e = issued_entry(form.person, form.sheet, registered=form.person.registered)
        check.person = form.person.code
        entries.append(_scoring(check, campaign, form, e, asked=not sub.issued.layout.period))
        check.person = ""
    return entries


class _Registration(NamedTuple):
    """What a registration row brought, checked."""

    registered: str
    form: str
    initiative: str
    note: str


def rubric_changes_since_issue(issued: IssuedWorkbook, campaign: cm.Campaign) -> list[tuple[str, cm.Rubric, cm.Rubric]]:
    """(role, rubric as issued, rubric now) for each rubric of the workbook changed in the campaign since."""
    now = {r.role: r for r in campaign.rubrics}
    return [(old.role, old, now[old.role]) for old in issued.rubrics
            if old.role in now and cm.rubric_version(old) != cm.rubric_version(now[old.role])]


def _any_score(form: ScoringForm) -> bool:
    return any(c.self.value not in ("", None) or c.dept.value not in ("", None) for c in form.items)


def _scoring(check: _Checker, campaign: cm.Campaign, form: ScoringForm, e: Entry, asked: bool = True) -> Entry:
    """``e`` with what its form brought, checked; ``asked``: the form decides titles (the year's, not a period's), so
    the facts a title waits for are asked of it when left blank."""
    rubric = next((r for r in campaign.rubrics if r.role == form.person.role), campaign.rubrics[0])
    found = {c.code: c for c in form.items}
    self_scores: dict[str, float | None] = {}
    dept_scores: dict[str, float | None] = {}
    cells: dict[tuple[str, str], str] = {}
    invalid: set[tuple[str, str]] = set()
    for _group, item in rubric.items:
        cell = found.get(item.code)
        if cell is None:
            self_scores[item.code] = dept_scores[item.code] = None
            continue
        for column, raw, scores in ((SELF, cell.self, self_scores), (DEPT, cell.dept, dept_scores)):
            scores[item.code] = check.score(raw, item.max)
            if scores[item.code] is None:
                cells[(item.code, column)] = raw.cell
                if raw.mark or check.text(raw):  # reported: not a blank
                    invalid.add((item.code, column))
    shown_self, shown_dept = form.shown_totals
    facts = check.facts(dict(form.facts), asked and is_registered(e.registered)) if form.facts else None
    codes = rubric.item_codes
    return dataclasses.replace(e, self_scores=ItemScores(codes, map(self_scores.__getitem__, codes)),
                               dept_scores=ItemScores(codes, map(dept_scores.__getitem__, codes)), cells=cells,
                               invalid=frozenset(invalid), facts=facts,
                               shown_totals=(check.number_or_none(shown_self), check.number_or_none(shown_dept)))


class _Checker:
    def __init__(self, file: str, campaign: cm.Campaign):
        self.file, self.campaign = file, campaign
        self.issues: list[Issue] = []
        self.person = ""  # the roster code of the row or form being read: its errors name it (status's follow-up)
        self._roster: dict[tuple[str, str], cm.Person] | None = None
        self._newcomers: dict[str, str] = {}  # the names typed on its spare rows or forms so far → their codes
        self._converted: set[tuple[str, str]] = set()  # cells whose legacy text was already noted
        self._said: set[tuple[str, str]] = set()  # cells whose unknown value or hidden characters were said

    def add(self, code: str, severity: str, raw: Cell | None, **params) -> None:
        where = {"sheet": raw.sheet, "cell": raw.cell} if raw is not None else {}
        if self.person and severity == ERROR:
            params.setdefault("person", self.person)
        self.issues.append(issue(code, severity, file=self.file, **where, **params))

    def newcomer(self, code: str, raw: Cell | None, name: str, department: str, issued: tuple[IssuedPerson, ...],
                 made: str, unscored: Mapping[str, str] | None = None) -> bool:
        """A name typed on a spare row or form (``code``: what is said while it is not in the roster; ``made``: the
        newcomer's code it is given). Once the secretary has added it to sheet Nhân sự (same department, same name:
        how the merge matches it), that is said instead. The same name as someone this workbook already carries —
        a newcomer issued to it or typed on an earlier spare row or form (a row pasted twice), by name; a roster
        person it carries, through the roster — is not used at all (said): False then. ``unscored``: the forms read
        so far with no score (code → sheet), given for a spare form that has scores: its scores are then said to be
        copied onto the person's own form, never to be deleted."""
        if self._roster is None:
            self._roster = {(p.department, name_key(p.name)): p for p in self.campaign.staff}
        key = name_key(name)
        person = self._roster.get((department, key)) if name else None
        twice = ({name_key(p.name): p.code for p in issued if p.newcomer} | self._newcomers).get(key) if name else None
        if twice is None and person is not None and person.code in {p.code for p in issued}:
            twice = person.code
        if twice is not None:
            own = (unscored or {}).get(twice)
            if own is not None:
                self.add("person.newcomer_twice_scored", WARNING, raw, name=name, person=twice, own=own)
            else:
                self.add("person.newcomer_twice" if person is not None and twice == person.code else
                         "person.newcomer_twice_new", WARNING, raw, name=name, person=twice)
            return False
        self._newcomers[key] = person.code if person is not None else made
        if person is None:
            self.add(code, WARNING, raw, name=name)
        else:
            self.add(f"{code}_in_roster", NOTE, raw, name=name, person=person.code)
        return True

    def text(self, raw: Cell | None) -> str:
        if raw is None or raw.value is None or self.unknown(raw):
            return ""
        value = raw.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        legacy = detect_and_convert(value, raw.font or None)
        if legacy is not None:
            if (raw.sheet, raw.cell) not in self._converted:
                self._converted.add((raw.sheet, raw.cell))
                self.add(f"value.legacy_{legacy.encoding}", NOTE, raw, value=shortened(cm.clean_text(legacy.original)),
                         clean=shortened(cm.clean_text(legacy.text)))
            value = legacy.text
        if isinstance(value, str) and _INVISIBLE.search(value):
            visible = _INVISIBLE.sub("", value)
            if self._first_time(raw):
                self.add("value.invisible_removed", NOTE, raw, value=shortened(_escaped(cm.clean_text(value))),
                         clean=shortened(cm.clean_text(visible)))
            value = visible
        return cm.clean_text(value)

    def _first_time(self, raw: Cell) -> bool:
        """True the first time a cell's value is said (the same cell is read as text and as a score)."""
        where = (raw.sheet, raw.cell)
        if where in self._said:
            return False
        self._said.add(where)
        return True

    def unknown(self, raw: Cell) -> bool:
        """A value the file does not give (an error value, a formula saved without its result), said once:
        never read as a blank or a 0."""
        if raw.mark == FORMULA_MARK:
            if self._first_time(raw):
                self.add("value.formula_no_result", ERROR, raw)
            return True
        if raw.mark == TYPED_FORMULA_MARK:
            if self._first_time(raw):
                self.add("value.formula_typed", ERROR, raw, value=raw.value if isinstance(raw.value, (int, float))
                         else shortened(str(raw.value)))
            return True
        if raw.mark and raw.mark != PERCENT_MARK:  # an error value: "#DIV/0!", LibreOffice's "Err:502"…
            if self._first_time(raw):
                self.add("value.error_value", ERROR, raw, value=shortened(raw.mark))
            return True
        return False

    def name(self, raw: Cell) -> str:
        clean = self.text(raw)
        if isinstance(raw.value, str) and raw.value.strip() != clean and (raw.sheet, raw.cell) not in self._converted \
                and unicodedata.normalize("NFC", raw.value) != raw.value:
            self.add("value.text_normalised", NOTE, raw, value=shortened(_escaped(raw.value.strip())),
                     clean=shortened(clean))
        return clean

    def number_or_none(self, raw: Cell | None) -> float | None:
        """A cell's number, or None: not a number, or none that is finite (a total cached as 1E+999 is no total)."""
        if raw is None:
            return None
        value = raw.value
        if isinstance(value, bool):
            return None
        if isinstance(value, (int, float)) and math.isfinite(value):
            return float(value)
        return None

    def score(self, raw: Cell, maximum: float) -> float | None:
        value = raw.value
        if not raw.mark:  # the usual cells, a blank or a score in range: what the checks below give them, at once
            if value == "":
                return None
            if type(value) is float and 0 <= value <= maximum and math.isfinite(value):
                return value
        if raw.mark and self.unknown(raw):
            return None
        if value is None or (isinstance(value, str) and cm.clean_text(value) == ""):
            return None
        number, typed = self._number(raw, value, maximum)
        if number is None:
            return None
        return self._in_range(raw, number, typed, maximum)

    def _number(self, raw: Cell, value, maximum: float) -> tuple[float | None, str]:
        """The number a score's cell holds, and the text it was typed as ("" when typed as a number); None where it
        is no number (said, but for a cell of invisible characters only)."""
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):  # a datetime is a date
            self.add("value.date_in_score", ERROR, raw, value=_shown(value), max=cm.num_text(maximum))
            return None, ""
        typed = ""  # a number typed as text, as typed: read with a note once it is a valid score
        if isinstance(value, str):
            typed = self.text(raw)
            if not typed:  # nothing but invisible characters
                return None, ""
            if not _PLAIN_NUMBER.fullmatch(typed):  # "1e2", "nan", "inf", "1_0", "٩": no score is written so
                self.add("value.not_number", ERROR, raw, value=shortened(typed), max=cm.num_text(maximum))
                return None, ""
            value = float(typed.replace(",", "."))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add("value.not_number", ERROR, raw, value=_shown(value), max=cm.num_text(maximum))
            return None, ""
        return float(value), typed

    def _in_range(self, raw: Cell, value: float, typed: str, maximum: float) -> float | None:
        """``value`` as a score: not a percentage's cell, from 0 to ``maximum``; typed as text, read with a note."""
        if raw.mark == PERCENT_MARK:
            self.add("value.percent_format", ERROR, raw, value=cm.num_text(value),
                     shown=cm.num_text(round(value * 100, 6)))
            return None
        if not 0 <= value <= maximum:
            self.add("value.out_of_range", ERROR, raw, value=shortened(typed or cm.num_text(value)),
                     max=cm.num_text(maximum))
            return None
        if typed:
            self.add("value.decimal_comma", NOTE, raw, value=shortened(typed), number=cm.num_text(value))
        return value

    def choice(self, raw: Cell | None, choices: tuple[str, ...], label: str) -> str:
        text = self.text(raw)
        if not text or text in choices:
            return text
        folded = {_spelling(c): c for c in choices} | {_spelling(dw.RATING_WORDS[c]): c for c in choices
                                                         if c in dw.RATING_WORDS}  # the rating in its words
        key = _spelling(text)
        if key not in folded:  # "Cấp xã": the level said with its word
            key = key.removeprefix(_LEVEL_WORD)
        if key in folded:
            self.add("value.fuzzy_choice", NOTE, raw, value=shortened(text), choice=folded[key], field=label)
            return folded[key]
        self.add("value.bad_choice", ERROR, raw, value=shortened(text), field=label, choices=", ".join(choices))
        return ""

    def title(self, raw: Cell | None, codes: tuple[str, ...], label: str) -> str:
        """The code of the title chosen in ``raw`` among ``codes``, matched by name as :meth:`choice` does, or
        typed as its usual abbreviation ("LĐTT", "cstđcs", "T.T.L.Đ.T.T"): that title, with a note."""
        text = self.text(raw)
        abbreviated = next((c for c in codes if c in TITLE_SHORT and _letters(text) == _letters(c)), None)
        if text and abbreviated is not None:
            self.add("value.title_abbreviation", NOTE, raw, value=shortened(text), choice=title_name(abbreviated),
                     field=label)
            return abbreviated
        by_name = {title_name(c): c for c in codes}
        return by_name.get(self.choice(raw, tuple(by_name), label), "")

    def registered(self, raw: Cell) -> str:
        return self.title(raw, (*self.campaign.titles.individual, NOT_REGISTERED), wx.V_TITLE_TITLE)

    def facts(self, raws: dict[str, Cell], asked: bool = False) -> cm.Facts:
        """The facts a department typed at the head of a form; where ``asked`` (the person registered for a title the
        form decides), one LĐTT needs left blank is said at its cell, as a required score left blank is: the
        department fills it, the title waits meanwhile."""
        needed = (*_NEEDED_FACTS, *(("days_off",) if self.campaign.rules.ldtt_max_days_off is not None else ()))
        blank = [raws[key] for key in needed if asked and key in raws and not raws[key].mark
                 and raws[key].value in (None, "")]
        if blank:  # once a form, at its first blank cell: a block left wholly blank is one thing to fill
            fields = ", ".join(f"'{_FACT_LABELS[k]}'" for k in needed if raws.get(k) in blank)
            self.add("facts.blank_cell", WARNING, blank[0], fields=fields)
        numbers: dict[str, float | None] = {}
        for key in ("months", "maternity_months", "days_off"):
            raw = raws.get(key)
            high = 366 if key == "days_off" else 12
            numbers[key] = self.fact_number(raw, high) if raw is not None else None
        rating = self.choice(raws.get("rating"), cm.RATINGS, wx.V_RATING_TITLE) or None
        discipline = self.choice(raws.get("discipline"), cm.DISCIPLINES, wx.V_DISCIPLINE_TITLE) or None
        review = self.choice(raws.get("under_review"), (wx.YES, wx.NO), wx.V_REVIEW_TITLE)
        initiative = self.text(raws.get("initiative"))
        initiative_level = self.choice(raws.get("initiative_level"), cm.INITIATIVE_LEVELS, wx.V_LEVEL_TITLE)
        return cm.Facts(rating=rating, months=numbers["months"], maternity_months=numbers["maternity_months"],
                        days_off=numbers["days_off"], discipline=discipline,
                        under_review=None if not review else review == wx.YES, initiative=initiative,
                        initiative_level=initiative_level,
                        initiative_decision=self.decision_number(raws.get("initiative_decision")))

    def fact_number(self, raw: Cell, maximum: float) -> float | None:
        """A number of months or days, read as a score is and said in a fact's words: never "Điểm 13", never "chưa
        được tính điểm" of a cell that counts no points."""
        said = len(self.issues)
        value = self.score(raw, maximum)
        self.issues[said:] = [dataclasses.replace(i, code=_FACT_WORDS.get(i.code, i.code)) for i in self.issues[said:]]
        return value

    def decision_number(self, raw: Cell | None) -> str:
        """The recognising decision's number as typed; a date there (Excel turns "15/3/2026" into one) is kept as
        the decision of that day ("ngày 15/03/2026", never "2026-03-15 00:00:00" on the list sent up), its number
        asked for."""
        if raw is not None and isinstance(raw.value, (dt.date, dt.datetime)):
            day = f"{raw.value:%d/%m/%Y}"
            self.add("facts.decision_is_date", WARNING, raw, day=day)
            return wx.DECISION_OF_DAY.format(day=day)
        return self.text(raw)


# a score's messages and a fact's of the same parameters (check/validate.py: _Checker.fact_number)
_FACT_WORDS = {"value.not_number": "facts.not_number", "value.out_of_range": "facts.out_of_range",
               "value.decimal_comma": "facts.decimal_comma"}
_NEEDED_FACTS = ("rating", "months", "discipline", "under_review")  # what LĐTT waits for when blank (decide.rules)
_FACT_LABELS = {key: label for key, label, _kind in wx.FACT_FIELDS}


# Characters nobody sees: C0 and C1 controls (tab and line breaks are spaces to clean_text), bidi marks,
# embeddings, overrides and isolates (they can reverse what a line shows), zero-width characters, the
# soft hyphen and the byte-order mark. Removed from every text read, with a note.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff]")


# A score as people write it: digits, and a decimal comma or point (Python's float() also takes "1e2", "nan",
# "inf", "1_0" and other scripts' digits — none of them a score anyone types).
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)")


_LEVEL_WORD = "cap "  # "Cấp xã", "cấp trường": a sáng kiến's level said with its word, folded


def _spelling(text: str) -> str:
    """A choice as compared: folded (case, accents, spacing), a final full stop or semicolon dropped, y read as i
    ("Chiến sỹ" and "Chiến sĩ", "kỹ" and "kĩ" are one word's two spellings)."""
    return fold(text).rstrip(" .;,").replace("y", "i")


def _letters(text: str) -> str:
    """A title's abbreviation as compared: folded, without dots or spaces ("L.Đ.T.T" → "ldtt")."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _escaped(text: str) -> str:
    """``text`` with its invisible characters shown as \\uXXXX: quoted in a message, they could reverse or
    forge the line."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _shown(value) -> str:
    """A cell's value as a message quotes it: a date as a Vietnamese date, TRUE/FALSE as Excel shows them."""
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}" if value.time() != dt.time() else f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return shortened(cm.clean_text(value))
