"""Checks of a loaded campaign that warn without refusing: leftovers of another school, and what its rule set
changed or left to re-check (:func:`rule_set_warnings`).

``init`` fills campaign.xlsx with a sample school (each preset in ``workbook_templates/`` has
one: "Trường Tiểu học Trực Cường", "Trường THCS Kim Sơn", …). A secretary renames the school in
sheet "Trường" but may leave a line of sheet "Căn cứ" ("… Kế hoạch số 25/KH-THTC … của Trường
Tiểu học Trực Cường …") or an e-mail (``tokhoi1.thtruccuong@…``) of the sample school; the
proposal documents would then cite another school's plan. :func:`stale_school_warnings` finds:

* a legal-basis line naming a school ("Trường"/"trường" followed by a school level — Tiểu học,
  Mầm non, THCS, THPT, TH, PT DTNT … — and a name) whose name is not the campaign's own;
* a legal-basis line or an e-mail (recipient's, departments') containing the distinctive words
  of a preset's sample school ("Trực Cường", ``truccuong``) while the campaign's school is
  another one.

To keep false positives low: "trường" is a school only when a school level follows it ("trường
hợp", "môi trường", "Lê Trường Giang" are not); two names are the same school when their
distinctive words (the name without "Trường" and the level words, so "TH" and "Tiểu học" are
alike) agree, one continuing the other — the place a name carries after it ("…, xã Trực Cường, tỉnh Nam Định") left
aside, so that the school named with its ward and province is the school itself (a school of the same name in another
place is not told apart by it); laws, decrees, "Sở GD&ĐT" name no school; and a sample's
words are fine wherever the campaign's own school, managing body, place or recipient also has them
(a school of the same commune). A school named without a level ("Trường Nguyễn Du") is not seen.

Every other field that reaches a paper is looked at for the sample school's leftovers too:

* its words ("Trực Cường") in the Nghị quyết, a department's name, a person's position or sáng kiến — never in
  a person's name: "Nguyễn Kim Sơn" is a teacher, not the sample school "Trường THCS Kim Sơn" (the sample's
  people are told by their whole names, below);
* the mark of its own document numbers ("45/QĐ-THTC", "25/KH-THTC": THTC is the sample's) in a sáng
  kiến's decision, the Nghị quyết's number or a line of "Căn cứ";
* its people: the Hiệu trưởng or Thư ký named as the sample's, and a roster (or department heads) still
  holding several of the sample's names (one name alike may be chance; several are a roster left behind).

Each warning names the cell of campaign.xlsx it is about when the caller gives where the campaign's values are
(``cells``, read.campaign_cells), asked for only once something is found; a roster holding several of the sample's
names is the whole sheet's.

The check is pure (a campaign and the sample schools in, warnings out); :func:`sample_school_names`
is the one place that reads the presets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.campaign_book import (
    CRITERIA_SHEET,
    DEPARTMENT_COLUMNS,
    DEPARTMENTS_SHEET,
    LEGAL_SHEET,
    RULES_SHEET,
    SCHOOL_FIELDS,
    SCHOOL_SHEET,
    STAFF_COLUMNS,
    STAFF_SHEET,
)
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, Issue, issue
from thidua_xlsx.read.presets import preset_dir
from thidua_xlsx.text.collation import fold, name_key
from thidua_xlsx.text.messages import LEGAL_LINE, LEGAL_LINE_FIELD, shortened
from thidua_xlsx.text.messages.untidy import CONFLICT_BY_ORDER, CONFLICT_LATER
from thidua_xlsx.text.rule_sets import (
    DAY_SOURCES,
    DECREE_BANDS,
    FIRST_TEXT,
    INSTEAD,
    INSTEAD_SCHOOL,
    NATIONAL_FILE,
    NO_QUOTA,
    RECHECK_SAID,
    RULE_NAMES,
    RULE_WORDS,
    SHARE_ABOVE,
    SHARE_AT_LEAST,
    TEXT_OF_PROVINCE,
)

# Words of a school's level (casefolded): dropped when comparing names, so "TH" and "Tiểu học" agree.
LEVEL_WORDS = frozenset({
    "tiểu", "học", "mầm", "non", "mẫu", "giáo", "nhà", "trẻ", "trung", "cơ", "sở", "phổ", "thông", "liên",
    "cấp", "dân", "tộc", "nội", "trú", "bán", "và", "số", "th", "thcs", "thpt", "mn", "mg", "pt", "ptcs",
    "ptth", "ptdtnt", "ptdtbt", "dtnt", "dtbt", "trường",
})
# The word right after "Trường" that makes it a school: a level (not "hợp", "Sa", "Giang"…).
LEVEL_STARTS = frozenset({
    "tiểu", "mầm", "mẫu", "nhà", "trung", "phổ", "liên", "th", "thcs", "thpt", "mn", "mg", "pt", "ptcs", "ptth",
    "ptdtnt", "ptdtbt", "dtnt", "dtbt",
})
_SCHOOL_WORD = re.compile(r"(?<!\w)trường(?!\w)", re.IGNORECASE)  # also "TRƯỜNG" in a title line
_TOKEN = re.compile(r"\S+")
_EDGE = "\"'“”‘’()[]{},;:.!?…"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    """'Trực Cường' → 'truccuong': how a name is written in an e-mail address."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text.casefold() if ch.isascii() and ch.isalnum())


def _school_after(text: str) -> list[str]:
    """The words of a school name right after "Trường" in ``text`` (its level first), or [].

    Level words, then capitalised words or numbers (the name); stops at punctuation or at an
    ordinary word ("về", "năm"). [] when no school level follows."""
    words: list[str] = []
    named = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        core = token.rstrip(_EDGE)
        if not core or core[0] in _EDGE:
            break
        parts = [p for p in core.split("&") if p]
        folded = [p.casefold() for p in parts]
        if not words and (not folded or folded[0] not in LEVEL_STARTS):
            return []
        if not named and all(f in LEVEL_WORDS for f in folded):
            words.append(core)
        elif core[0].isupper() or core[0].isdigit():
            named = True
            words.append(core)
        else:
            break
        if core != token:  # punctuation after the word ends the name
            break
    return words if named else []


def distinctive(name: str) -> tuple[str, ...]:
    """The words that tell a school from another: 'Trường TH số 1 Trực Cường' → ('1', 'trực', 'cường'); the place a
    name carries after it is not among them (:func:`without_place`)."""
    return tuple(w for w in (part.casefold() for word in without_place(name).split() for part in word.split("&"))
                 if w and w not in LEVEL_WORDS)


# The words of an administrative unit (casefolded) that open the place a school's name may carry after it.
PLACE_WORDS = (("xã",), ("phường",), ("thị", "trấn"), ("thị", "xã"), ("huyện",), ("quận",), ("thành", "phố"),
               ("tp",), ("tp.",), ("tỉnh",), ("đặc", "khu"))
_PLACE_CUT = re.compile(r"\s*(?:[,;(]|\s[-–—]\s)")  # a comma, a semicolon, a bracket or a spaced dash


def without_place(name: str) -> str:
    """``name`` without the place written after it, as sheet Trường often has it ("Trường Tiểu học Trực Cường, xã
    Trực Cường, tỉnh Nam Định" → "Trường Tiểu học Trực Cường"; "Trường TH Kim Thư phường Kim Thư" → "Trường TH Kim
    Thư"): cut at the first comma, semicolon, bracket or spaced dash, then at a unit's word ("xã", "phường", "tỉnh",
    …) once a word of the name proper has come — a unit's word right after the level is the name ("Trường Mầm non
    Thị trấn Chờ")."""
    words = _PLACE_CUT.split(_nfc(name), maxsplit=1)[0].split()
    folded = [w.casefold() for w in words]
    named = False
    for k, word in enumerate(folded):
        if named and any(tuple(folded[k:k + len(unit)]) == unit for unit in PLACE_WORDS):
            return " ".join(words[:k])
        named = named or word not in LEVEL_WORDS
    return " ".join(words)


def _same_school(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a and b) and (a[:len(b)] == b or b[:len(a)] == a)


def schools_named(line: str) -> list[str]:
    """Every school named in ``line``, as written ("Trường Tiểu học Trực Cường")."""
    line = _nfc(line)
    found = []
    for match in _SCHOOL_WORD.finditer(line):
        words = _school_after(line[match.end():])
        if words:
            found.append(" ".join([match.group(), *words]))
    return found


@functools.lru_cache(maxsize=256)  # a sample's words, looked for in every field of the campaign
def _phrase(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)


def _mentions(texts: Iterable[str], words: tuple[str, ...]) -> bool:
    pattern = _phrase(words)
    return any(pattern.search(_nfc(t)) for t in texts if t)


def _in_email(email: str, folded: str) -> bool:
    """``folded`` in the address, not followed by a letter ('kimthu@', not 'kimthuy@')."""
    address = email.casefold()
    start = address.find(folded)
    while start != -1:
        end = start + len(folded)
        if end == len(address) or not address[end].isalpha():
            return True
        start = address.find(folded, start + 1)
    return False


@dataclass(frozen=True)
class SampleSchool:
    """A preset's sample school: its name, the marks of its own document numbers and its people's names."""

    name: str
    marks: frozenset[str] = frozenset()  # "THTC" of "45/QĐ-THTC"
    principal: str = ""
    secretary: str = ""
    people: frozenset[str] = frozenset()  # its roster and department heads, names cleaned


class Cells(Protocol):
    """(sheet, field key, whose: "" | a code | a line's number) → "B7": read.campaign_cells.CampaignCells, or a dict."""

    def get(self, key: tuple[str, str, str], default: str = "", /) -> str: ...


def stale_school_warnings(campaign: cm.Campaign, sample_schools: Iterable[str | SampleSchool], file: str = "",
                          cells: Callable[[], Cells] | None = None) -> tuple[Issue, ...]:
    """Warnings for the fields that still name another school or hold the sample school's leftovers (see
    the module). ``sample_schools``: the presets' sample schools (or only their names). One warning per
    line, e-mail or field, at its cell when ``cells`` (called once, only if something is found) tells it; one for
    a roster."""
    found = _stale(campaign, sample_schools, file)
    if not found or cells is None:
        return tuple(issue for issue, _ in found)
    where = cells()
    return tuple(dataclasses.replace(issue, cell=where.get(key, "")) if key else issue for issue, key in found)


# A sample school, its distinctive words as written, and them folded (see _stale).
_Sample = tuple[SampleSchool, tuple[str, ...], str]


def _stale(campaign: cm.Campaign, sample_schools: Iterable[str | SampleSchool], file: str
           ) -> list[tuple[Issue, tuple[str, str, str] | None]]:
    """:func:`stale_school_warnings`' warnings, each with the key of its cell (None: a whole sheet's)."""
    school = campaign.school
    own = distinctive(school.name)
    samples, others = _samples(school, sample_schools)
    where = dict(file=file, school=school.name)
    found: list[tuple[Issue, tuple[str, str, str] | None]] = []
    warned_lines: set[str] = set()
    for n, line in enumerate(campaign.legal_basis, start=1):
        named = [s for s in schools_named(line) if own and not _same_school(own, distinctive(s))]
        sample = next((s for s in samples if _mentions([line], s[1])), None)
        if named:
            said = issue("campaign.legal_other_school", WARNING, sheet=LEGAL_SHEET, line=line, found=named[0], **where)
        elif sample is not None:
            said = issue("campaign.legal_sample_school", WARNING, sheet=LEGAL_SHEET, line=line,
                         found=" ".join(sample[1]), sample=sample[0].name, **where)
        else:
            continue
        found.append((said, (LEGAL_SHEET, LEGAL_KEY, str(n))))
        warned_lines.add(line)
    found += _email_leftovers(campaign, samples, where)
    found += _field_leftovers(campaign, samples, others, warned_lines, where)
    return found


def _samples(school: cm.School, sample_schools: Iterable[str | SampleSchool]) -> tuple[list[_Sample], list[_Sample]]:
    """(the sample, its distinctive words as written, folded) of the samples that are not this school and whose words
    are not its own; and the same of every sample that is not this school, its commune's too: their people and
    numbers are not its own."""
    own = distinctive(school.name)
    own_texts = (school.name, school.managing_body, school.place, school.recipient)
    own_folded = [_fold(t) for t in own_texts if t]
    samples: list[_Sample] = []
    others: list[_Sample] = []
    for given in sample_schools:
        one = given if isinstance(given, SampleSchool) else SampleSchool(given)
        words = tuple(w for w in _nfc(one.name).split() if w.casefold() not in LEVEL_WORDS)
        folded = _fold(" ".join(words))
        if words and not _same_school(own, distinctive(one.name)):
            others.append((one, words, folded))
            if not _mentions(own_texts, words) and not any(folded in text for text in own_folded):
                samples.append((one, words, folded))
    return samples, others


def _email_leftovers(campaign: cm.Campaign, samples: list[_Sample],
                     where: dict[str, str]) -> list[tuple[Issue, tuple[str, str, str] | None]]:
    """An e-mail address (the recipient's, a department's) of a sample school's domain or name."""
    school = campaign.school
    emails = [(school.recipient_email, school.recipient or _label("recipient_email"), (SCHOOL_SHEET, "recipient_email",
                                                                                      ""))]
    emails += [(d.email, d.name, (DEPARTMENTS_SHEET, "email", d.code)) for d in campaign.departments]
    found: list[tuple[Issue, tuple[str, str, str] | None]] = []
    for email, owner, key in emails:
        sample = next((s for s in samples if email and _in_email(email, s[2])), None)
        if sample is not None:
            found.append((issue("campaign.email_sample_school", WARNING, sheet=key[0], email=email, owner=owner,
                                sample=sample[0].name, **where), key))
    return found


@dataclass(frozen=True)
class _Field:
    """A field of campaign.xlsx that reaches a paper: where it is (sheet, key, whose code or ""), how a warning
    names it (its label, whose it is) and its text."""

    sheet: str
    key: str
    code: str
    label: str
    whose: str
    text: str

    @property
    def at(self) -> tuple[str, str, str]:
        return self.sheet, self.key, self.code


def _fields(campaign: cm.Campaign) -> list[_Field]:
    """Every field but the legal basis, e-mails and people's names that reaches a paper (a name is told by the
    sample's whole names, never by a place word inside it)."""
    school = campaign.school
    fields = [_Field(SCHOOL_SHEET, "criteria_resolution", "", _label("criteria_resolution"), school.name,
                     school.criteria_resolution)]
    fields += [_Field(DEPARTMENTS_SHEET, "name", d.code, _column(DEPARTMENT_COLUMNS, "name"), d.name, d.name)
               for d in campaign.departments]
    for p in campaign.staff:
        fields += [_Field(STAFF_SHEET, key, p.code, _column(STAFF_COLUMNS, key), p.name, value) for key, value in (
            ("position", p.position), ("initiative", p.facts.initiative),
            ("initiative_decision", p.facts.initiative_decision))]
    return [f for f in fields if f.text]


_NUMBER_MARK = re.compile(r"\d+\s*/\s*[A-ZĐ]+(?:-[A-ZĐ0-9]+)*-([A-ZĐ0-9]+)\b")  # "45/QĐ-THTC" → THTC


def _field_leftovers(campaign: cm.Campaign, samples: list[_Sample], others: list[_Sample], warned_lines: set[str],
                     where: dict[str, str]) -> list[tuple[Issue, tuple[str, str, str] | None]]:
    """``samples``: those whose words are not this school's own (:func:`stale_school_warnings`); ``others``:
    every sample that is not this school, for its document marks and its people."""
    found: list[tuple[Issue, tuple[str, str, str] | None]] = []
    fields = _fields(campaign)
    for f in fields:
        sample = next((s for s in samples if _mentions([f.text], s[1])), None)
        if sample is not None:
            found.append((issue("campaign.field_sample_school", WARNING, sheet=f.sheet, field=f.label, owner=f.whose,
                                value=shortened(f.text), found=" ".join(sample[1]), sample=sample[0].name, **where),
                          f.at))
    numbered = [_Field(LEGAL_SHEET, LEGAL_KEY, str(n), LEGAL_LINE_FIELD, LEGAL_LINE.format(n=n), line)
                for n, line in enumerate(campaign.legal_basis, start=1) if line not in warned_lines]
    numbered += [f for f in fields if f.key in ("criteria_resolution", "initiative_decision")]
    for f in numbered:
        marks = set(_NUMBER_MARK.findall(_nfc(f.text)))
        sample = next((s for s in others if marks & s[0].marks), None)
        if sample is not None:
            found.append((issue("campaign.number_sample_school", WARNING, sheet=f.sheet, field=f.label, owner=f.whose,
                                value=shortened(f.text), mark=", ".join(sorted(marks & sample[0].marks)),
                                sample=sample[0].name, **where), f.at))
    return found + _people_leftovers(campaign, others, where)


def _people_leftovers(campaign: cm.Campaign, others: list[_Sample],
                      where: dict[str, str]) -> list[tuple[Issue, tuple[str, str, str] | None]]:
    """A sample school's principal or secretary named as this school's, and a list (heads, roster) holding several of
    a sample's people."""
    found: list[tuple[Issue, tuple[str, str, str] | None]] = []
    school = campaign.school
    for key in ("principal", "secretary"):
        name = cm.clean_text(getattr(school, key))
        sample = next((s for s in others if name and name == getattr(s[0], key)), None)
        if sample is not None:
            found.append((issue("campaign.person_sample_school", WARNING, sheet=SCHOOL_SHEET, field=_label(key),
                                value=name, sample=sample[0].name, **where), (SCHOOL_SHEET, key, "")))
    for sheet, names in ((DEPARTMENTS_SHEET, [d.head for d in campaign.departments]),
                         (STAFF_SHEET, [p.name for p in campaign.staff])):
        for other, _, _ in others:
            alike = sorted({cm.clean_text(n) for n in names} & other.people, key=name_key)
            if len(alike) >= SAMPLE_PEOPLE_ALIKE:
                found.append((issue("campaign.people_sample_school", WARNING, sheet=sheet, count=len(alike),
                                    names=", ".join(alike[:5]) + (", …" if len(alike) > 5 else ""),
                                    sample=other.name, **where), None))
    return found


SAMPLE_PEOPLE_ALIKE = 3  # names of a sample's people in a list: one or two may be chance
LEGAL_KEY = "line"  # a line of sheet Căn cứ, by its number among the lines (model.campaign_book.LEGAL_COLUMNS)


def _label(key: str) -> str:
    return next(f.label for f in SCHOOL_FIELDS if f.key == key)


def _column(columns, key: str) -> str:
    return next(c.header for c in columns if c.key == key)


@functools.lru_cache(maxsize=1)
def sample_school_names() -> tuple[SampleSchool, ...]:
    """The sample school of every preset (``workbook_templates/*.json``), read once: its name, the marks of
    its own document numbers (in its "Căn cứ" lines naming it, its sáng kiến decisions at school level) and
    its people. Two presets with the same sample school (thcs and nd233) give one, their marks and people
    together: a leftover is said once."""
    found: dict[str, SampleSchool] = {}
    for path in sorted(preset_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        school = data.get("school", {})
        name = cm.clean_text(school.get("name"))
        if not name:
            continue
        own_lines = [line for line in data.get("legal_basis", ()) if distinctive(name) and
                     any(_same_school(distinctive(s), distinctive(name)) for s in schools_named(line))]
        decisions = [p.get("initiative_decision", "") for p in data.get("staff", ())
                     if p.get("initiative_level") == cm.INITIATIVE_LEVELS[0]]
        marks = {m for text in (*own_lines, *decisions) for m in _NUMBER_MARK.findall(_nfc(text or ""))}
        people = {cm.clean_text(p.get("name")) for p in data.get("staff", ())} | \
            {cm.clean_text(d.get("head")) for d in data.get("departments", ())}
        sample = SampleSchool(name, frozenset(marks), cm.clean_text(school.get("principal")),
                              cm.clean_text(school.get("secretary")), frozenset(people - {""}))
        same = found.get(name)
        found[name] = sample if same is None else dataclasses.replace(same, marks=same.marks | sample.marks,
                                                                      people=same.people | sample.people)
    return tuple(found.values())


# --- the rule set --------------------------------------------------------------------------------------------


# What the rule set tells that is said in the summary only (its sheet Kiểm tra, its JSON), counted on screen with
# the other notes but never printed on each run: a text of the program's data ended by the filing date (the 2025
# decrees of two-level government, 01/03/2027). The secretary checks it once, where she checks the căn cứ before the
# file leaves the school; printed on every merge and every year run it was noise she could not act on. Two texts of
# a file in force at once are printed where the campaign is opened, by every command (read.rule_sets,
# rule_set.conflict_opened): listed here in the summary, not printed a second time.
SUMMARY_ONLY = frozenset({"rule_set.ended", "rule_set.conflict"})


def rule_set_warnings(campaign: cm.Campaign, file: str = "") -> list[Issue]:
    """What the campaign's rule set (model.rule_set, picked at load) tells the secretary: each value of sheet Quy
    tắc its province's floor raised (NOTE), each text whose end is a date to re-check and has passed by the
    reference date (NOTE: which texts replaced it?), each rubric whose "cộng" groups are not the province's
    point scale (WARNING: Hải Phòng QĐ 212/2025, general criteria 20 + tasks 80), each text set aside because a text
    it rests on has ended, with its data file's re-check note (WARNING), two texts of a file in force at once for one
    rule (WARNING: which one applied), and the title rules no text in force answers (ERROR: left to the council).
    The set-aside texts, the conflicts and the rubric's scale are also those of the year's rating (its own day).
    Nothing without a rule set."""
    rule_set = campaign.rule_set
    if rule_set is None:
        return []
    found = [issue("rule_set.raised", NOTE, file=file, sheet=RULES_SHEET, province=rule_set.province,
                   rule=RULE_NAMES[r.field], applied=_value_words(r.field, r.applied),
                   school=_value_words(r.field, r.school), citation=r.citation) for r in rule_set.raised]
    found += [issue("rule_set.ended", NOTE, file=file, sheet=SCHOOL_SHEET, text=f"{t.short} ({t.number})",
                    end=_day(t.in_force_until + dt.timedelta(days=1)), day=_day(rule_set.day),
                    source=DAY_SOURCES[rule_set.day_from]) for t in rule_set.ended
              if t.in_force_until is not None]  # always: a text ended has its last day
    if rule_set.unanswered:
        first = rule_set.first
        found.append(issue("rule_set.no_text", ERROR, file=file, sheet=SCHOOL_SHEET, day=_day(rule_set.day),
                           source=DAY_SOURCES[rule_set.day_from], rules=", ".join(RULE_WORDS[k] for k in
                                                                                   rule_set.unanswered),
                           first=FIRST_TEXT.format(text=f"{first.short} ({first.number})",
                                                   since=_day(first.in_force_from)) if first else ""))
    for picked, governs in rset.governing(rule_set):
        for aside in picked.set_aside:
            rules = tuple(key for key in aside.rules if key in governs)
            if rules:
                found.append(_set_aside(dataclasses.replace(aside, rules=rules), picked, rule_set.province, file))
        found += [_conflict(c, picked, file) for c in picked.conflicts if c.rule in governs]
    return found + _rubric_scales(campaign, rule_set, file)


def _rubric_scales(campaign: cm.Campaign, rule_set: rset.RuleSet, file: str) -> list[Issue]:
    """Each rubric whose "cộng" groups are not the point scale of the rule set of the year's rating (else the
    reference day's)."""
    scaled_by = rule_set.year or rule_set
    scale = scaled_by.rule(rset.RUBRIC)
    groups = scale.value("groups", ()) if scale is not None else ()
    expected = groups if isinstance(groups, tuple) else ()  # read.rule_sets made them a tuple of numbers
    found = []
    for rubric in campaign.rubrics if expected else ():
        groups = tuple(g.max for g in rubric.groups if g.kind == cm.SCORE)
        if groups != expected:
            found.append(issue("rule_set.rubric_scale", WARNING, file=file, sheet=CRITERIA_SHEET, role=rubric.role,
                               groups=" + ".join(map(cm.num_text, groups)), province=rule_set.province,
                               expected=" + ".join(map(cm.num_text, expected)), citation=scaled_by.cite(rset.RUBRIC)))
    return found


def _set_aside(aside: rset.SetAside, picked: rset.RuleSet, province: str, file: str) -> Issue:
    """A province's text not applied on ``picked``'s day, what applies instead, and the data file's own note."""
    instead = "; ".join(INSTEAD.format(rule=RULE_WORDS[key], citation=_cited(picked, key) or INSTEAD_SCHOOL)
                        for key in aside.rules)
    return issue("rule_set.set_aside", WARNING, file=file, sheet=SCHOOL_SHEET, province=province,
                 text=_text_named(aside.text, province), ended=", ".join(t.short for t in aside.ended),
                 end=_day(aside.since), day=_day(picked.day),
                 source=DAY_SOURCES[picked.day_from], rules=", ".join(RULE_WORDS[k] for k in aside.rules),
                 instead=instead, recheck=RECHECK_SAID.format(note=aside.text.recheck) if aside.text.recheck else "")


def _text_named(text: rset.LegalText, province: str) -> str:
    """A province's text named once: its short name, with its number and its province only where the short name
    does not already say them ("QĐ 212/2025/QĐ-UBND thành phố Hải Phòng", not "… (212/2025/QĐ-UBND) của Hải
    Phòng")."""
    named = text.short if text.number in text.short else f"{text.short} ({text.number})"
    if not province or fold(province) in fold(named):
        return named
    return TEXT_OF_PROVINCE.format(text=named, province=province)


def _cited(picked: rset.RuleSet, key: str) -> str:
    """How ``picked`` cites rule ``key``; the decree's own bands said with the year's rating (a bare entry of the
    national files sets none: model.evaluation.BANDS are the decree's)."""
    citation = picked.cite(key)
    entry = picked.rule(key)
    if key == rset.RATING and entry is not None and not entry.value("bands"):
        excellent, good, done = (band.min for band in ev.BANDS)
        citation += DECREE_BANDS.format(excellent=excellent, good=good, done=done)
    return citation


def _conflict(conflict: rset.Conflict, picked: rset.RuleSet, file: str) -> Issue:
    return issue("rule_set.conflict", WARNING, file=file, sheet=SCHOOL_SHEET,
                 where=conflict.province or NATIONAL_FILE, rule=RULE_WORDS[conflict.rule],
                 count=1 + len(conflict.others), day=_day(picked.day), applied=conflict.applied.short,
                 others="; ".join(t.short for t in conflict.others),
                 why=CONFLICT_BY_ORDER if conflict.by_order else CONFLICT_LATER)


def _value_words(field: str, value) -> str:
    if field == "ttldtt_min_percent":
        percent, at_least = value
        return (SHARE_AT_LEAST if at_least else SHARE_ABOVE).format(percent=cm.num_text(percent))
    if value is None:
        return NO_QUOTA
    return cm.num_text(value) + ("%" if field.endswith("percent") else "")


def _day(day) -> str:
    return day.strftime("%d/%m/%Y")
