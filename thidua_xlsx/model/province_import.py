"""The province's import file, as values (docs/domain.md §4b): an installation's codes (:class:`Mapping`) and the rows
of its import layout made from the level above's proposals (:func:`import_rows`).

A provincial award system imports a list from the FIRST sheet of an .xlsx: header in row 1, data from row 2 to
the row its import dialog says ("Nhận đến dòng", 200 by default, inclusive: rows 2–200, so 199 rows a file);
A–I the words people read, hidden R–U the codes it stores: R the kind (CANHAN / TAPTHE / HOGIADINH: a row
without one is skipped silently), S the title or award form, T the category (persons: "phân loại cán bộ";
collectives: "phân loại đơn vị"), U the field (read for collectives only). It checks none of the codes, and a
blank S or T silently takes the default its dialog was left at: so every row written here has all four, taken
from the installation's mapping, and a proposal the mapping cannot code is refused by name, never guessed.
B is "Ông" or "Bà" from the roster's gender: the importer records "Ông" as male, a blank B as "Ông" (male) and
anything else as female, so a person whose gender is not known is refused rather than recorded either way.

The codes are per installation (each province's catalogue makes its own); a mapping is data
(``workbook_templates/nhap-tinh/<installation>.json``, read by :mod:`thidua_xlsx.read.province_import`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from thidua_xlsx.model import history as hs
from thidua_xlsx.model import titles as tt
from thidua_xlsx.model.commune import COLLECTIVE, PERSON, Proposal
from thidua_xlsx.model.issues import Issue, issue
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.province_import import CODE_HEADERS, KIND_LABELS, KIND_NAMES, SALUTATIONS, SAME_WORDS

HOUSEHOLD = "HOGIADINH"  # the importer's third kind; the tool proposes none
KINDS = (PERSON, COLLECTIVE)
FIRST_ROW = 2  # the importer's "Nhận từ dòng"
DEFAULT_LAST_ROW = 200  # its "Nhận đến dòng" as the dialog opens, inclusive
MAX_LAST_ROW = 100_000
CODE_COLUMN = 17  # R (0-based); R, S, T, U hold the codes
OUR_CODES = (tt.LDTT, tt.CSTDCS, tt.CSTD_TINH, tt.TTLDTT, tt.TTLDXS, hs.BK_TINH, hs.KNC_GD)
NEEDED_TITLES = (tt.LDTT, tt.CSTDCS, tt.TTLDTT, tt.TTLDXS)  # what a commune proposes upward (NĐ 129/2025 điều 59)


@dataclass(frozen=True, slots=True)
class TitleCode:
    """A title or award form of the installation's catalogue (column G, code in S): what it maps, ``title`` (a code
    of ours) or ``words`` (a campaign's own wordings of an award form), both matched case and accents aside, as is
    ``label`` (the installation's own words, written in G)."""

    code: str
    label: str
    title: str = ""
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    """A category of the catalogue (column H, code in T). ``kind`` "" : listed, never picked. A person takes the
    first category of their kind one of whose ``positions`` begins their position (first words, case and accents
    aside), else their kind's ``default``; a collective takes its kind's default."""

    code: str
    label: str
    kind: str = ""
    default: bool = False
    positions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Field:
    """The field of activity (column I, code in U): a school's proposals are all of one."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Mapping:
    """One installation's codes. ``key``: its file's name without .json; ``headers``: R–U's headers as its template
    has them; ``kinds``: (kind, F's words) pairs; ``last_row``: the last row its importer reads."""

    name: str
    key: str = ""
    source: str = ""
    last_row: int = DEFAULT_LAST_ROW
    headers: tuple[str, ...] = CODE_HEADERS
    kinds: tuple[tuple[str, str], ...] = tuple(KIND_LABELS.items())
    titles: tuple[TitleCode, ...] = ()
    categories: tuple[Category, ...] = ()
    field: Field | None = None
    notes: tuple[str, ...] = ()

    @property
    def rows_per_file(self) -> int:
        return self.last_row - FIRST_ROW + 1

    def kind_label(self, kind: str) -> str:
        return dict(self.kinds).get(kind, "")

    def title_code(self, title: str) -> TitleCode | None:
        """The entry for a proposal's ``title``: a code of ours (or a known title's words), else an award form's
        words matched against each entry's words and label."""
        by_title, by_words = _index(self)
        return by_title.get(tt.code(title)) or by_words.get(form_key(title))

    def category(self, kind: str, position: str) -> Category | None:
        words = _words(position)
        if kind == PERSON and words:
            for category in self.categories:
                if category.kind == kind and any(words[:len(p)] == p for p in map(_words, category.positions)):
                    return category
        return next((c for c in self.categories if c.kind == kind and c.default), None)

    def missing(self) -> tuple[tuple[str, str], ...]:
        """What a commune's export needs and the mapping lacks: ("title", code), ("category", kind), ("field", "")."""
        found = [("title", t) for t in NEEDED_TITLES if self.title_code(t) is None]
        found += [("category", k) for k in KINDS if not any(c.kind == k and c.default for c in self.categories)]
        return tuple(found + ([("field", "")] if self.field is None else []))


@functools.lru_cache(maxsize=16)
def _index(mapping: Mapping) -> tuple[dict[str, TitleCode], dict[str, TitleCode]]:
    by_title = {t.title: t for t in mapping.titles if t.title}
    by_words: dict[str, TitleCode] = {}
    for entry in mapping.titles:
        for text in (*entry.words, entry.label):
            by_words.setdefault(form_key(text), entry)
    return by_title, by_words


def form_key(text: str) -> str:
    """An award form's words as they are matched: case, accents and spacing aside, "Ủy ban nhân dân" as "UBND",
    "Giáo dục và Đào tạo" as "GD&ĐT", "UBND cấp xã" as "UBND xã" (text.province_import.SAME_WORDS)."""
    key = fold(text)
    for long, short in SAME_WORDS:
        key = key.replace(long, short)
    return key


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(text.replace(",", " ").replace(";", " ")).split())


# --- the rows -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row of the import file: the proposal it comes from and every cell's value but A's (its number)."""

    proposal: Proposal
    salutation: str  # B
    name: str  # C
    kind_label: str  # F
    title: TitleCode  # G, S
    category: Category  # H, T
    field: Field  # I, U

    def cells(self, number: int) -> tuple[int, str, str, str, str, str, str, str, str]:
        """A–I."""
        p = self.proposal
        return (number, self.salutation, self.name, p.position, p.unit, self.kind_label, self.title.label,
                self.category.label, self.field.label)

    def codes(self) -> tuple[str, str, str, str]:
        """R–U."""
        return self.proposal.kind, self.title.code, self.category.code, self.field.code


def import_rows(proposals: Iterable[Proposal], mapping: Mapping) -> tuple[tuple[ImportRow, ...], tuple[Issue, ...]]:
    """The rows of ``proposals`` (in their order) the mapping can code, and each proposal it cannot, by name, with
    every reason (an unknown title and an unknown gender: both said, so that both are fixed at once)."""
    rows, refused = [], []
    # each title, gender, kind and position matched once (a province's 74,000 proposals have a few dozen)
    title_code, kind_label = functools.cache(mapping.title_code), functools.cache(mapping.kind_label)
    category_of = functools.cache(lambda kind, position: mapping.category(kind, position) if kind in KINDS else None)
    salutation_of = functools.cache(lambda gender: SALUTATIONS.get(fold(gender), ""))
    for p in proposals:
        where = {"name": p.name, "unit": p.unit or p.school, "mapping": mapping.name}
        reasons = []
        if p.kind not in KINDS:
            reasons.append(issue("province_import.kind_unknown", kind=p.kind, name=p.name, unit=where["unit"]))
        if not p.name.strip():
            reasons.append(issue("province_import.no_name", unit=where["unit"], title=tt.name(p.title)))
        title = title_code(p.title)
        if title is None:
            reasons.append(issue("province_import.no_title_code", title=tt.name(p.title), **where))
        salutation = salutation_of(p.gender) if p.kind == PERSON else ""
        if p.kind == PERSON and not salutation:
            reasons.append(issue("province_import.gender_unknown", name=p.name, unit=where["unit"]))
        category = category_of(p.kind, p.position)
        if p.kind in KINDS and category is None:
            reasons.append(issue("province_import.no_category", kind=KIND_NAMES[p.kind], position=p.position, **where))
        if mapping.field is None:
            reasons.append(issue("province_import.no_field", **where))
        if reasons:
            refused += reasons
            continue
        if title is None or category is None or mapping.field is None:  # each said among the reasons above
            raise ValueError(f"{p.name}: a row with no reason against it lacks a code")
        rows.append(ImportRow(p, salutation, collective_name(p) if p.kind == COLLECTIVE else p.name.strip(),
                              kind_label(p.kind), title, category, mapping.field))
    return tuple(rows), tuple(refused)


def collective_name(p: Proposal) -> str:
    """C of a collective: its name with its unit ("Tổ Toán – Tin, Trường THCS Kim Thư"), the importer keeping no
    unit for a collective (E is not read for one); the name alone when it already says its unit."""
    name, unit = p.name.strip(), p.unit.strip()
    return f"{name}, {unit}" if unit and fold(unit) not in fold(name) else name


def batches(rows: tuple[ImportRow, ...], size: int) -> list[tuple[ImportRow, ...]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


# --- the data file's shape ------------------------------------------------------------------------------------


def to_dict(mapping: Mapping) -> dict[str, object]:
    """The mapping as its data file holds it (workbook_templates/SCHEMA.md), without its key (the file's name)."""
    data: dict[str, object] = {"name": mapping.name}
    if mapping.source:
        data["source"] = mapping.source
    data["last_row"] = mapping.last_row
    data["headers"] = list(mapping.headers)
    data["kinds"] = [{"kind": kind, "label": label} for kind, label in mapping.kinds]
    data["titles"] = [{**({"title": t.title} if t.title else {}), **({"words": list(t.words)} if t.words else {}),
                       "code": t.code, "label": t.label} for t in mapping.titles]
    data["categories"] = [{"code": c.code, "label": c.label, **({"kind": c.kind} if c.kind else {}),
                           **({"default": True} if c.default else {}),
                           **({"positions": list(c.positions)} if c.positions else {})} for c in mapping.categories]
    if mapping.field is not None:
        data["field"] = {"code": mapping.field.code, "label": mapping.field.label}
    if mapping.notes:
        data["notes"] = list(mapping.notes)
    return data
