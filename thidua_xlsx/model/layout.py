"""The contract between the template writer and the reader: typed, versioned layout records.

The writer records, for every sheet it writes, where it put things (a :class:`ScoringSheet`, a
:class:`RegistrationSheet`, …). Those positions are *hints* for people and tools (feedback copies,
test fillers); the reader never trusts them. It finds every sheet and row **by the code it
shows** — the person code beside "Mã số:", the criterion code in the "Mã" column, the header row
of a table — so a list sorted in Excel, a row inserted in LibreOffice or a renamed sheet never
moves a value to another person or criterion. The texts the reader looks for are the labels
below, written by the writer from the same constants.

A workbook carries only its identity and these records (:class:`WorkbookLayout`); the campaign
(rubric, roster, rules) never travels inside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from thidua_xlsx.model.summary_fields import Mistyped, Row, named_fields, typed_fields
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.text.collation import unmarked
from thidua_xlsx.text.releases import VERSION

APP_ID = "thidua-xlsx"
TEMPLATE_VERSION = 2  # 2: no campaign inside, rows and sheets found by code
META_SHEET = "_thidua_meta"  # very hidden
LISTS_SHEET = "DanhMuc"  # hidden: dropdown lists (Excel needs them on a sheet, not inline)
MAX_META_CHARS = 200_000  # a department's layout is a few kB; anything bigger is not ours
MAX_SUMMARY_META_CHARS = 20_000_000  # a summary names every inbox entry (~130 characters each): 100,000 fit
#: Metadata of ours holds an array or object for every 21 characters or more (the samples' department books: 21–22,
#: their summaries 37–118); Python makes one object of ~60 bytes of each two characters "[]": metadata of more parts
#: than one in :data:`CHARS_PER_META_PART` characters (a small one aside) is refused before it is parsed.
CHARS_PER_META_PART, META_PARTS_ALWAYS_READ = 8, 10_000

REGISTRATION = "dang-ky"
SCORING = "cham-diem"
ROUNDS = {REGISTRATION: "Đăng ký thi đua", SCORING: "Chấm điểm thi đua"}

REG_PEOPLE_SHEET = "Đăng ký cá nhân"
REG_COLLECTIVE_SHEET = "Đăng ký tập thể"
GUIDE_SHEET = "Hướng dẫn"
DEPARTMENT_SHEET = "Tổng hợp tổ"

# Our users' computers keep Vietnam time: UTC+7 all year (no daylight saving).
VIETNAM_UTC_OFFSET = dt.timedelta(hours=7)
MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

# Labels the reader searches for (written by the writer from these same constants).
FACT_VALUE_OFFSET = 3  # a fact's label spans columns A:C, its value D:F
COLLECTIVE_VALUE_OFFSET = 4  # "Danh hiệu tập thể tổ đăng ký:" spans A:D, the choice E:H
SCORING_HEADER = {"code": wx.SCORE_HEADERS[0], "text": wx.SCORE_HEADERS[1], "max": wx.SCORE_HEADERS[2],
                  "self": wx.SCORE_HEADERS[3], "dept": wx.SCORE_HEADERS[4], "note": wx.SCORE_HEADERS[5]}
REGISTRATION_HEADER = {"stt": wx.REG_HEADERS[0], "code": wx.REG_HEADERS[1], "name": wx.REG_HEADERS[2],
                       "position": wx.REG_HEADERS[3], "title": wx.REG_HEADERS[4], "form": wx.REG_HEADERS[5],
                       "initiative": wx.REG_HEADERS[6], "note": wx.REG_HEADERS[7]}
COLLECTIVE_HEADER = {"unit": wx.REG_COLLECTIVE_HEADERS[0], "title": wx.REG_COLLECTIVE_HEADERS[2],
                     "note": wx.REG_COLLECTIVE_HEADERS[3]}


@dataclass(frozen=True)
class RegistrationSheet:
    kind: ClassVar[str] = "registration"
    name: str
    header_row: int
    rows: tuple[tuple[str, int], ...]  # (person code, row) as written
    spare_rows: tuple[int, ...]
    check_cell: str
    code_column: str = "B"
    name_column: str = "C"
    position_column: str = "D"
    title_column: str = "E"
    form_column: str = "F"
    initiative_column: str = "G"
    note_column: str = "H"


@dataclass(frozen=True)
class CollectiveSheet:
    kind: ClassVar[str] = "collective"
    name: str
    header_row: int
    cell: str
    note_cell: str


@dataclass(frozen=True)
class ScoringSheet:
    """One person's scoring form. ``marker`` is what the sheet shows beside "Mã số:"."""

    kind: ClassVar[str] = "person"
    name: str
    person_code: str  # "" on a spare sheet
    marker: str  # the person code, or "Người mới 1", … on a spare sheet
    role: str
    marker_cell: str
    name_cell: str
    position_cell: str
    title_cell: str
    header_row: int
    items: tuple[tuple[str, int], ...]  # (criterion code, row) as written
    total_row: int
    facts: tuple[tuple[str, str], ...] = ()  # (fact key, cell) when the department enters the facts
    code_column: str = "A"
    max_column: str = "C"
    self_column: str = "D"
    dept_column: str = "E"
    note_column: str = "F"

    @property
    def spare(self) -> bool:
        return not self.person_code


@dataclass(frozen=True)
class DepartmentSheet:
    kind: ClassVar[str] = "department"
    name: str
    header_row: int
    rows: tuple[tuple[str, int], ...]
    collective_cell: str
    check_cell: str


SheetLayout = RegistrationSheet | CollectiveSheet | ScoringSheet | DepartmentSheet
_Sheet = TypeVar("_Sheet", bound=SheetLayout)
_SHEET_KINDS = {cls.kind: cls for cls in (RegistrationSheet, CollectiveSheet, ScoringSheet, DepartmentSheet)}


@dataclass(frozen=True)
class WorkbookLayout:
    """What a department workbook carries in its very hidden sheet: identity and sheet records."""

    campaign_id: str
    school_year: str
    round: str
    department_code: str
    department_name: str
    submission_id: str
    sheets: tuple[SheetLayout, ...]
    period: str = ""
    template_version: int = TEMPLATE_VERSION
    app: str = APP_ID

    def of_kind(self, cls: type[_Sheet]) -> list[_Sheet]:
        return [s for s in self.sheets if isinstance(s, cls)]

    def to_json(self) -> dict[str, object]:
        """The layout as JSON data, in :func:`dataclasses.asdict`'s order and types. A sheet's fields are text,
        numbers and tuples of them (immutable): taken as they are, not deep-copied by ``asdict`` (made twice a
        workbook by ``generate``: benchmarks/RESULTS.md)."""
        data: dict[str, object] = {name: getattr(self, name) for name in _IDENTITY_FIELDS}
        data["sheets"] = [{"kind": s.kind, **{name: getattr(s, name) for name in _SHEET_FIELDS[s.kind]}}
                          for s in self.sheets]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any], with_sheets: bool = True) -> WorkbookLayout:
        """Raises KeyError, TypeError or ValueError on anything that is not a layout we wrote.

        ``with_sheets=False``: the identity alone (a returned workbook's own record of its sheets is
        never used: the record of what was issued has them)."""
        sheets: list[SheetLayout] = []
        for raw in data["sheets"] if with_sheets else ():
            raw = dict(raw)
            sheet_cls = _SHEET_KINDS[raw.pop("kind")]
            fields: dict[str, Any] = {k: _frozen(v) for k, v in raw.items()}  # a layout this tool wrote, as written
            sheets.append(sheet_cls(**fields))
        identity = {f.name for f in dataclasses.fields(cls)} - {"sheets"}
        values = {k: data[k] for k in identity if k in data}
        if not all(isinstance(values.get(k, ""), str) for k in identity - {"template_version"}):
            raise TypeError("identity fields must be text")
        return cls(**values, sheets=tuple(sheets))


_IDENTITY_FIELDS = tuple(f.name for f in dataclasses.fields(WorkbookLayout) if f.name != "sheets")
_SHEET_FIELDS = {kind: tuple(f.name for f in dataclasses.fields(cls)) for kind, cls in _SHEET_KINDS.items()}

META_CHUNK = 30000  # characters of JSON per cell (Excel's cell limit is 32,767)


def meta_cells(data: Mapping[str, object]) -> list[str]:
    """Column A of a metadata sheet: our app id, then the JSON in chunks that fit a cell."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return [APP_ID, *(body[start:start + META_CHUNK] for start in range(0, len(body), META_CHUNK))]


def meta_json(column: Sequence[object], limit: int = MAX_META_CHARS) -> dict[str, Any]:
    """Inverse of :func:`meta_cells`, bounded by ``limit`` characters; raises ValueError on anything we
    did not write."""
    if not column or column[0] != APP_ID:
        raise ValueError("not our metadata")
    body = "".join(v for v in column[1:] if isinstance(v, str))
    if len(body) > limit:
        raise ValueError("metadata too large")
    if body.count("[") + body.count("{") > max(META_PARTS_ALWAYS_READ, len(body) // CHARS_PER_META_PART):
        raise ValueError("metadata of too many parts")
    try:
        data = json.loads(body)
    except RecursionError as exc:  # arrays nested past Python's depth: no metadata of ours
        raise ValueError("metadata nested too deep") from exc
    if not isinstance(data, dict):
        raise ValueError("not our metadata")
    return data


def _frozen(value: object) -> object:
    """Lists (of lists) as tuples, recursing into lists only (a record holds thousands of values,
    mostly lists of pairs: those made in one pass)."""
    if type(value) is not list:
        return value
    if value and all(type(v) is list for v in value) and not any(type(x) is list for v in value for x in v):
        return tuple(map(tuple, value))
    return tuple([_frozen(v) if type(v) is list else v for v in value])


SUMMARY_SCHEMA_VERSION = 8  # 2: the JSON report gives titles by code, reasons' numbers as numbers (same workbook);
# 3: a period's summary carries its people's results (``people``) and whether the council's pass made it;
# 4: a year's summary carries what each person and department ends the year with (``outcomes``), the history's source;
# 5: a year's summary also carries its school, each person's place and every decision, the council's votes and the
# digest of its proposal lists as shown (the level above reads them: model.commune);
# 6: a period's summary also carries each person's score in its two parts of NĐ 233/2026 (``parts``);
# 7: a summary carries its newest input's time (``newest_input``) and, when the level above issued the school a code,
# its seal (``seal``: see :func:`seal_of`) — written in three layouts under that one number (:data:`SEALED_LAYOUTS`);
# 8: a summary names the release that wrote it (``release``); its digest and seal cover every field its metadata holds
# but themselves. From 8 on the number changes whenever what is sealed changes (tests/read/test_formats.py holds it)
# in a way an older reader of that number would check or read wrongly; a change that only adds fields (8 seals its
# JSON as read, every field it holds) raises the minor number instead (:data:`SUMMARY_SCHEMA_MINOR`).
# Of 0.8's changes only the seal's rule needed 8: 7c left ``applied`` and ``draft`` out while empty, 8 seals them
# always — a 7c reader would have checked an 8 file wrongly; naming the ``release`` alone would have been a minor one.
SUMMARY_SCHEMA_MINOR = 1  # additions to format 8, written as ``schema_minor`` (absent: 0) from the first one: a
# reader of 8 with a lower minor reads such a file, its seal checked as its own, says a newer release wrote it and
# leaves what it does not know (read.own_summary); never refuses it. 1 (0.10.0): ``head_entries``
PERIOD_PARTS_SCHEMA = 6  # the first version whose period summaries carry ``parts``


@dataclass(frozen=True)
class SummaryMeta:
    """What a summary workbook carries about itself, so that it can be read back (``generate --from``,
    later the council round trip and the commune's merge of school summaries)."""

    campaign_id: str
    school_year: str
    round: str
    inputs: tuple[tuple[str, str, str], ...]  # (file name, SHA-256, status) of every inbox entry
    departments_submitted: tuple[str, ...]
    period: str = ""
    rubric_versions: tuple[tuple[str, str], ...] = ()  # (role, version) of the rubrics the scores were read with
    # A period's summary: each person's (code, final score, its source, registered title, award form, sáng kiến),
    # what the year reads (``year``); ``council``: written by the council's pass (the head's scores in it).
    people: tuple[tuple[str, float | None, str, str, str, str], ...] = ()
    # A period's summary (schema 6): each person's (code, general criteria, task results) — the final score's two
    # parts (NĐ 233/2026 điều 10, 11: ≤ 30, ≤ 70), None where not known, a person absent where neither is known:
    # part I of the year's Phiếu xếp loại.
    parts: tuple[tuple[str, float | None, float | None], ...] = ()
    # A period's summary of the head's pass (since 0.10.0, minor 1): each person whose score the head gave, (code, the
    # score it replaced — None: the department gave none, a transfer-in's former school result —, the head's note)
    head_entries: tuple[tuple[str, float | None, str], ...] = ()
    council: bool = False
    # a period's summary, and a year's since 0.8: each department's (code, collective registered)
    collectives: tuple[tuple[str, str], ...] = ()
    # A year's summary (scoring round): what each person ends the year with, for the history of later years —
    # (code, name, birth date, rating, titles granted, award form, sáng kiến, its level, its decision, discipline);
    # and each department's (code, name, titles granted). After the council's pass: the council's titles.
    outcomes: tuple[Row, ...] = ()
    department_outcomes: tuple[Row, ...] = ()
    special_outcomes: tuple[Row, ...] = ()  # the đột xuất / chuyên đề awards: (who, kind, achievement, form)
    # A year's summary (schema 5), for the level above and the analysts: the school's name; each person's (code,
    # department code, department name, position, gender, final score); every decision of a person or a department
    # (code, title, granted, pending); the council's ballot (code, title, votes, members, passed); and the digest
    # of the proposal lists as the sheet "Đề nghị khen thưởng" shows them (a list edited by hand no longer matches).
    school: str = ""
    people_info: tuple[Row, ...] = ()
    decisions: tuple[Row, ...] = ()
    department_decisions: tuple[Row, ...] = ()
    votes: tuple[Row, ...] = ()
    lists_digest: str = ""
    starts: tuple[tuple[str, str], ...] = ()  # a year's summary: each person's (code, Ngày vào ngành), for the history
    newest_input: str = ""  # ISO: when the newest workbook read was saved — which of two versions is newer (sealed)
    # Whose word it rests on: each file applied (kind, round, file, fingerprint, saved: model.decisions.Applied); a
    # year still running: (period code, why, its label) of each period not final — its papers are drafts, history
    # waits for it.
    applied: tuple[tuple[str, str, str, str, str], ...] = ()
    draft: tuple[tuple[str, str, str], ...] = ()
    digest: str = ""  # :func:`content_digest` as written: the data edited by hand since no longer matches it
    seal: str = ""  # the school's keyed seal over everything above (:func:`seal_of`); "" when it had no code
    release: str = ""  # schema 8: the release of thidua-xlsx that wrote it ("0.8.0"), named when a reader refuses it
    kind: str = "summary"
    schema_version: int = SUMMARY_SCHEMA_VERSION
    schema_minor: int = SUMMARY_SCHEMA_MINOR  # what this release added to format 8 (absent from an earlier one's: 0)
    app: str = APP_ID

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SummaryMeta:
        """The metadata ``data`` (its JSON as read) says, each field typed (model.summary_fields). ValueError when it
        is no summary's of ours; :class:`~thidua_xlsx.model.summary_fields.Mistyped` when it is, but a field is not
        what the tool writes. Of a layout this release does not know, only what its refusal names."""
        if data.get("kind") != "summary" or data.get("app") != APP_ID:
            raise ValueError("not a summary")
        version = data.get("schema_version")
        if type(version) is not int:
            raise Mistyped("schema_version")
        if not 1 <= version <= SUMMARY_SCHEMA_VERSION:
            return cls(**named_fields(data))
        return cls(**typed_fields(data))


_ILLEGAL_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")


def sheet_title(text: str, taken: set[str]) -> str:
    """A legal, unique (case-insensitively, as Excel compares) sheet name of ≤ 31 UTF-16 units.

    Excel counts UTF-16 code units, not characters: an emoji in a name takes two."""
    base = _ILLEGAL_SHEET_CHARS.sub(" ", text).strip() or "Sheet"
    base = _utf16_prefix(" ".join(base.split()), 31).rstrip()
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name = _utf16_prefix(base, 31 - len(suffix)).rstrip() + suffix
        n += 1
    taken.add(name.casefold())
    return name


def _utf16_prefix(text: str, units: int) -> str:
    """The longest prefix of ``text`` that fits in ``units`` UTF-16 code units (no half emoji)."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            return text[:index]
    return text


def written_by() -> str:
    """What a document we write says of its maker in its properties: the program and its release."""
    return f"{APP_ID} {VERSION}"


def ascii_slug(text: str) -> str:
    """'Tổ khối 4-5' → 'To-khoi-4-5' for file names a person recognises."""
    return re.sub(r"[^A-Za-z0-9]+", "-", unmarked(text)).strip("-")


def output_name(school_year: str, round_: str, department_name: str, period: str = "") -> str:
    """'2026-2027_cham-diem_To-Toan.xlsx'; a period's scoring workbook shows its period instead of the round:
    '2026-2027_thang-11_To-Toan.xlsx'."""
    return f"{school_year}_{period or round_}_{ascii_slug(department_name)}.xlsx"


def _column_letters(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS = tuple(_column_letters(c) for c in range(702))  # A … ZZ


def a1(row: int, col: int) -> str:
    """The A1 address of a 0-based (row, column): (0, 1) → "B1"."""
    return f"{column_letters(col)}{row + 1}"


def column_letters(col: int) -> str:
    """A 0-based column as Excel names it: 0 → "A", 26 → "AA"."""
    return _COLUMNS[col] if 0 <= col < 702 else _column_letters(col)


# Fields added after summaries were sealed (layout 7c): left out of that layout's digest while empty, so that a summary
# written before them still matched its own digest and seal.
UNSAID_WHEN_EMPTY = frozenset({"applied", "draft"})
SEAL_SCHEMA = 7  # the first summary layout that can carry the school's seal
# What each layout of a summary seals, by the fields its metadata holds (besides the identity and the data every
# layout has). Schema 7 was written in three layouts under one number, told apart by the fields its JSON holds:
# "7a" the seal alone (no digest; the seal over every field but itself), "7b" with the digest (digest and seal left
# out), "7c" with ``applied`` and ``draft`` (left out while empty, digest and seal left out); "8" names its release
# and seals every field but the digest and the seal. Each is checked by its own rule (:func:`sealed_content`), never
# by today's: a genuine file of an earlier release is never called forged. docs/compatibility.md says the promise.
SEALED_LAYOUTS = ("7a", "7b", "7c", "8")


def summary_layout(data: Mapping[str, object]) -> str:
    """The layout of a summary's metadata ``data`` (its JSON as read): its schema number, or for schema 7 which of its
    three layouts ("7a", "7b", "7c"); the fields it holds tell them apart."""
    version = data.get("schema_version")
    if version != SEAL_SCHEMA:
        return str(version)
    return "7a" if "digest" not in data else "7b" if "applied" not in data else "7c"


def sealed_content(data: Mapping[str, object]) -> str:
    """The digest of what a summary's metadata ``data`` (its JSON as read) seals, by its own layout's rule (see
    :data:`SEALED_LAYOUTS`): what its digest, when it has one, and its seal were made over."""
    layout = summary_layout(data)
    if layout == "7a":
        body = {**data, "seal": ""}
    elif layout == "7c":
        body = {**{k: v for k, v in data.items() if k not in UNSAID_WHEN_EMPTY or v}, "digest": "", "seal": ""}
    else:
        body = {**data, "digest": "", "seal": ""}
    return _digest(body)


def content_digest(meta: SummaryMeta) -> str:
    """SHA-256 of everything a summary's metadata says but its digest and seal, as the canonical JSON its cells
    hold: the rule of this release's layout (:func:`sealed_content` of what it writes)."""
    # its fields as they are (tuples of text and numbers: JSON writes a tuple as the list to_json would make of it;
    # not copied deep by dataclasses.asdict first, which was most of a school summary's reading at the commune)
    fields = {f.name: getattr(meta, f.name) for f in dataclasses.fields(meta)}
    return _digest({**fields, "digest": "", "seal": ""})


def _digest(body: Mapping[str, object]) -> str:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def data_edited(meta: SummaryMeta, content: str) -> bool:
    """Whether a summary's data was changed by hand since the tool wrote it: its digest no longer matches ``content``,
    what its layout seals (:func:`sealed_content`); one written before the digest has none to compare. Anyone can
    recompute an unkeyed digest: the level above's keyed seal (:func:`seal_of`) is what proves whose the data is."""
    return bool(meta.digest) and meta.digest != content


def seal_of(code: str, meta: SummaryMeta) -> str:
    """The keyed seal (HMAC-SHA-256) of ``meta``'s content with the school's ``code`` ("" without one): only who holds
    the code can make it, any change of the content breaks it. Spaces, dashes and case in the typed code aside."""
    return seal_for(code, content_digest(meta))


def sealed_with(code: str, seal: str, content: str) -> bool:
    """Whether ``seal`` is the seal of the content of digest ``content`` with ``code`` (compared in constant time)."""
    return bool(seal) and same_seal(seal, seal_for(code, content))


def same_seal(seal: str, expected: str) -> bool:
    """A seal read from a file equal to ``expected``, in constant time — compared as UTF-8 bytes:
    ``hmac.compare_digest`` raises on a str with a letter outside ASCII, which anyone can type where a file keeps its
    seal."""
    return hmac.compare_digest(seal.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


def seal_for(code: str, content: str) -> str:
    """The seal of the content of digest ``content`` with ``code``."""
    key = "".join(ch for ch in code.upper() if ch.isalnum())
    return hmac.new(key.encode("ascii", "ignore"), content.encode("ascii"), hashlib.sha256).hexdigest() if key else ""


def lists_digest(rows: Iterable[Iterable[object]]) -> str:
    """A digest of proposal lines, in any order, each cell as text, spaces aside: the same lists give the same
    digest whoever reads them (the writer from its values, the level above from the cells)."""
    lines = sorted("\t".join(" ".join(str(cell or "").split()) for cell in row) for row in rows)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]
