"""An installation's codes for the province's import file: its mapping file read (:func:`load_mapping`;
``workbook_templates/nhap-tinh/<installation>.json``, installed with the presets), or its own import template
read for them (:func:`read_template`). Each gives a :class:`~thidua_xlsx.model.province_import.Mapping` and its
problems: a broken file is one message naming the file and the key, never a traceback. The format is in
workbook_templates/SCHEMA.md.

An installation's template (the importer's "MauTDKT.xlsx") is read like any input, through containment and
python-calamine. Its codes are found where such a template keeps them: on its first sheet, rows whose visible
F/G/H/I words stand beside codes in R/S/T/U; and on its list sheets (hidden or not), a name in one column and its
code in the next, one catalogue a sheet, told apart by what it holds (CANHAN/TAPTHE; a title the tool knows; the
category of people working directly; the field "Giáo dục - Đào tạo"). Every title and category read is kept
(a campaign's own award form is then matched by the installation's own words); what a commune's export needs
and the template lacks is said, and the rows needing it are refused at export, never guessed.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import province_import as pi
from thidua_xlsx.model import titles as tt
from thidua_xlsx.model.issues import WARNING, Problems
from thidua_xlsx.model.layout import ascii_slug
from thidua_xlsx.read.campaign_book import open_grids
from thidua_xlsx.read.presets import DataFileError, preset_dir, read_data_file
from thidua_xlsx.text import province_import as px
from thidua_xlsx.text.collation import fold
from thidua_xlsx.text.titles import TITLE_NAMES

MAPPING_DIR = "nhap-tinh"
TOP_KEYS = {"name", "source", "last_row", "headers", "kinds", "titles", "categories", "field", "notes"}
TITLE_KEYS, CATEGORY_KEYS = {"title", "words", "code", "label"}, {"code", "label", "kind", "default", "positions"}
_CODE = re.compile(r"[0-9A-Za-z_.\-]{1,40}")


# --- the mapping files ----------------------------------------------------------------------------------------


def mapping_files(folder: Path | None = None) -> dict[str, Path]:
    """Each shipped mapping by its key (file name without .json)."""
    folder = folder or preset_dir() / MAPPING_DIR
    return {path.stem: path for path in sorted(folder.glob("*.json"))}


def load_mapping(name_or_path: str | Path, folder: Path | None = None) -> tuple[pi.Mapping | None, Problems]:
    """The mapping named ``name_or_path`` — a shipped one by its key or its ``name`` (case and accents aside), or a
    .json file anywhere — or None with the problem said."""
    problems = Problems()
    given = Path(name_or_path)
    if given.suffix.lower() == ".json" or given.is_file():
        return _read(given, problems), problems
    files = mapping_files(folder)
    wanted = ascii_slug(str(name_or_path)).lower()
    path = next((p for key, p in files.items() if key.lower() == wanted), None)
    for candidate in files.values() if path is None else ():
        found = _read(candidate, Problems())
        if found is not None and ascii_slug(found.name).lower() == wanted:
            path = candidate
    if path is None:
        problems.add("province_import.mapping_unknown", value=str(name_or_path), choices=", ".join(files) or "—")
        return None, problems
    return _read(path, problems), problems


def _read(path: Path, problems: Problems) -> pi.Mapping | None:
    return read_data_file(path, problems, "province_import.bad_json", _converted)


def _converted(data, path: Path) -> pi.Mapping:
    return _mapping(data, path.name, path.stem)


def _mapping(data, file: str, key: str) -> pi.Mapping:
    v = _object(data, file, "", TOP_KEYS, required=("name", "titles"))
    last_row = v.get("last_row", pi.DEFAULT_LAST_ROW)
    if isinstance(last_row, bool) or not isinstance(last_row, int) or not pi.FIRST_ROW <= last_row <= pi.MAX_LAST_ROW:
        raise DataFileError("province_import.bad_value", file=file, key="last_row", value=_shown(last_row),
                      expected=px.EXPECTED["last_row"])
    headers = tuple(_string(h, file, f"headers[{i}]") for i, h in enumerate(_list(v.get("headers", list(
        px.CODE_HEADERS)), file, "headers")))
    if len(headers) != 4:
        raise DataFileError("province_import.bad_value", file=file, key="headers", value=_shown(v["headers"]),
                      expected=px.EXPECTED["headers"])
    kinds = []
    for i, entry in enumerate(_list(v.get("kinds", []), file, "kinds")):
        e = _object(entry, file, f"kinds[{i}]", {"kind", "label"}, required=("kind", "label"))
        kinds.append((_kind(e["kind"], file, f"kinds[{i}].kind"), _string(e["label"], file, f"kinds[{i}].label")))
    _unique([k for k, _ in kinds], file, "kinds[{}].kind")
    titles = tuple(_title(t, file, f"titles[{i}]") for i, t in enumerate(_list(v["titles"], file, "titles")))
    _unique([t.title for t in titles], file, "titles[{}].title")
    _unique([t.code for t in titles], file, "titles[{}].code")
    _unique([[pi.form_key(w) for w in (*t.words, t.label)] for t in titles], file, "titles[{}]")
    categories = tuple(_category(c, file, f"categories[{i}]")
                       for i, c in enumerate(_list(v.get("categories", []), file, "categories")))
    _unique([c.code for c in categories], file, "categories[{}].code")
    field = None
    if "field" in v:
        f = _object(v["field"], file, "field", {"code", "label"}, required=("code", "label"))
        field = pi.Field(_code(f["code"], file, "field.code"), _string(f["label"], file, "field.label"))
    notes = tuple(_string(n, file, f"notes[{i}]") for i, n in enumerate(_list(v.get("notes", []), file, "notes")))
    return pi.Mapping(_string(v["name"], file, "name"), key, cm.clean_text(v.get("source")), last_row, headers,
                      tuple(kinds) or tuple(px.KIND_LABELS.items()), titles, categories, field, notes)


def _title(value, file: str, where: str) -> pi.TitleCode:
    v = _object(value, file, where, TITLE_KEYS, required=("code", "label"))
    title = ""
    if "title" in v:
        title = v["title"] if isinstance(v["title"], str) else ""
        if title not in pi.OUR_CODES:
            raise DataFileError("province_import.bad_value", file=file, key=f"{where}.title", value=_shown(v["title"]),
                          expected=px.EXPECTED["title"])
    words = tuple(_string(w, file, f"{where}.words[{i}]")
                  for i, w in enumerate(_list(v.get("words", []), file, f"{where}.words")))
    return pi.TitleCode(_code(v["code"], file, f"{where}.code"), _string(v["label"], file, f"{where}.label"),
                        title, words)


def _category(value, file: str, where: str) -> pi.Category:
    v = _object(value, file, where, CATEGORY_KEYS, required=("code", "label"))
    kind = _kind(v["kind"], file, f"{where}.kind") if "kind" in v else ""
    default = v.get("default", False)
    if not isinstance(default, bool):
        raise DataFileError("province_import.bad_value", file=file, key=f"{where}.default", value=_shown(default),
                      expected=px.EXPECTED["bool"])
    positions = tuple(_string(p, file, f"{where}.positions[{i}]")
                      for i, p in enumerate(_list(v.get("positions", []), file, f"{where}.positions")))
    if (default or positions) and not kind:
        raise DataFileError("province_import.missing_key", file=file, key=f"{where}.kind")
    return pi.Category(_code(v["code"], file, f"{where}.code"), _string(v["label"], file, f"{where}.label"), kind,
                       default, positions)


def _unique(values: list, file: str, where: str) -> None:
    """Each value once (a list: its items in no other list): else the second place named."""
    seen: dict[str, int] = {}
    for i, value in enumerate(values):
        for item in value if isinstance(value, list) else [value]:
            if item == "":
                continue
            if seen.get(item, i) != i:
                raise DataFileError("province_import.duplicate", file=file, key=where.format(i), value=item,
                              first=where.format(seen[item]))
            seen[item] = i


def _object(value, file: str, where: str, known: set[str], required=()) -> dict:
    if not isinstance(value, dict):
        raise DataFileError("province_import.bad_value", file=file, key=where or px.EXPECTED["whole_file"],
                      value=_shown(value), expected=px.EXPECTED["object"])
    for key in value:
        if key not in known:
            raise DataFileError("province_import.unknown_key", file=file, key=_join(where, key),
                          known=", ".join(sorted(known)))
    for key in required:
        if key not in value:
            raise DataFileError("province_import.missing_key", file=file, key=_join(where, key))
    return value


def _list(value, file: str, where: str) -> list:
    if not isinstance(value, list):
        raise DataFileError("province_import.bad_value", file=file, key=where, value=_shown(value),
                      expected=px.EXPECTED["list"])
    return value


def _string(value, file: str, where: str) -> str:
    if not isinstance(value, str) or not cm.clean_text(value):
        raise DataFileError("province_import.bad_value", file=file, key=where, value=_shown(value),
                      expected=px.EXPECTED["text"])
    return cm.clean_text(value)


def _code(value, file: str, where: str) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise DataFileError("province_import.bad_value", file=file, key=where, value=_shown(value),
                      expected=px.EXPECTED["code"])
    return value


def _kind(value, file: str, where: str) -> str:
    if value not in pi.KINDS:
        raise DataFileError("province_import.bad_value", file=file, key=where, value=_shown(value),
                      expected=px.EXPECTED["kind"])
    return value


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)[:60]


# --- an installation's own template ---------------------------------------------------------------------------

_TITLE_WORDS = {pi.form_key(text): code for code in pi.OUR_CODES
                for text in (TITLE_NAMES[code], *px.TITLE_WORDS.get(code, ()))}
_LEADERS = {fold(label): positions for label, positions in px.LEADER_CATEGORIES.items()}
_KNOWN_CATEGORIES = {fold(px.DIRECT_CATEGORY), fold(px.COLLECTIVE_CATEGORY), *_LEADERS}
KIND, TITLE, CATEGORY, FIELD = "kind", "title", "category", "field"  # the four catalogues (F/R, G/S, H/T, I/U)


def read_template(path: Path, key: str = "", name: str = "") -> tuple[pi.Mapping | None, Problems]:
    """The codes of the installation whose import template is ``path``, as a mapping named ``name`` (by default
    the template's file name) — None when the file is no such template — and what it lacks, as warnings."""
    path, problems = Path(path), Problems()
    file = path.name
    grids = open_grids(path, problems, "province_import.template_unreadable", "province_import.template_no_access")
    if grids is None:
        return None, problems
    sheets = list(grids.items())
    if not sheets or not _import_layout(sheets[0][0], sheets[0][1], file, problems):
        return None, problems
    first = sheets[0][1]
    headers = tuple(cm.clean_text(first.value(0, pi.CODE_COLUMN + i)) or px.CODE_HEADERS[i] for i in range(4))
    catalogues: dict[str, list[tuple[str, str, str]]] = {KIND: [], TITLE: [], CATEGORY: [], FIELD: []}
    laid_out = [(sheet, grid) for i, (sheet, grid) in enumerate(sheets)
                if i == 0 or _import_layout(sheet, grid, file, Problems())]
    for sheet, grid in sheets:  # the catalogues first: a sample row's code that differs from them is the one said
        if (sheet, grid) not in laid_out:
            pairs = _list_pairs(grid)
            catalogue = _catalogue_of(pairs)
            if catalogue:
                catalogues[catalogue] += [(words, code, sheet) for words, code in pairs]
    for sheet, grid in laid_out:
        for catalogue, words, code in _import_rows(grid):
            catalogues[catalogue].append((words, code, sheet))
    if not any(catalogues.values()):
        problems.add("province_import.template_no_codes", file=file)
        return None, problems
    return _from_catalogues(catalogues, headers, key or ascii_slug(path.stem).lower(), name or path.stem, file,
                            problems), problems


def _import_layout(sheet: str, grid, file: str, problems: Problems) -> bool:
    """Row 1 heads A–I as the importer's template does (spacing, case and accents aside)."""
    for col, expected in enumerate(px.HEADERS):
        value = cm.clean_text(grid.value(0, col))
        if fold(value) != fold(expected):
            problems.add("province_import.template_layout", file=file, sheet=sheet, cell=f"{'ABCDEFGHI'[col]}1",
                         expected=expected, value=value)
            return False
    return True


def _import_rows(grid):
    """(catalogue, words, code) of every row below the header whose F/G/H/I words stand beside R/S/T/U codes."""
    for row in range(1, grid.height):
        values = grid.values(row, [5, 6, 7, 8, *range(pi.CODE_COLUMN, pi.CODE_COLUMN + 4)])
        for catalogue, words, code in zip((KIND, TITLE, CATEGORY, FIELD), values[:4], values[4:]):
            words, code = cm.clean_text(words), _code_text(code)
            if words and code:
                yield catalogue, words, code


def _list_pairs(grid) -> list[tuple[str, str]]:
    """A list sheet's (name, code) rows: each row's first cell with content and the one to its right; the first
    row is a header when its code cell starts with "Mã", "code" or "id"."""
    pairs = []
    for row in range(grid.height):
        line = grid.values(row, list(range(grid.width)))
        col = next((c for c, v in enumerate(line) if cm.clean_text(v)), None)
        if col is None or col + 1 >= len(line):
            continue
        words, code = cm.clean_text(line[col]), _code_text(line[col + 1])
        if row == 0 and fold(cm.clean_text(line[col + 1])).startswith(px.CODE_HEADER_WORDS):
            continue
        if words and code:
            pairs.append((words, code))
    return pairs


def _catalogue_of(pairs: list[tuple[str, str]]) -> str:
    folded = {fold(words) for words, _ in pairs}
    if any(code in (*pi.KINDS, pi.HOUSEHOLD) for _, code in pairs):
        return KIND
    if {pi.form_key(words) for words, _ in pairs} & set(_TITLE_WORDS):
        return TITLE
    if folded & _KNOWN_CATEGORIES:
        return CATEGORY
    if fold(px.EDUCATION_FIELD) in folded:
        return FIELD
    return ""


def _code_text(value) -> str:
    """A code as text: a whole number as its digits (a code the template stores as a number), else the text when
    it looks like a code (an error value such as #N/A, or words, does not)."""
    value = cm.cell_value(value) if value is not None else None
    if isinstance(value, bool) or value is None:
        return ""
    text = str(value) if isinstance(value, int) else cm.clean_text(value) if isinstance(value, str) else ""
    return text if _CODE.fullmatch(text) else ""


def _from_catalogues(catalogues, headers, key: str, name: str, file: str, problems: Problems) -> pi.Mapping:
    kinds = {code: words for words, code, _ in reversed(catalogues[KIND]) if code in pi.KINDS}
    titles = _distinct(catalogues[TITLE], file, problems, pi.form_key)
    categories = _distinct(catalogues[CATEGORY], file, problems)
    taken: set[str] = set()
    title_codes = []
    for words, code in titles:
        ours = _TITLE_WORDS.get(pi.form_key(words), "")
        ours = "" if ours in taken else ours
        taken.add(ours)
        title_codes.append(pi.TitleCode(code, words, ours))
    fields = {fold(words): pi.Field(code, words) for words, code in _distinct(catalogues[FIELD], file, problems)}
    mapping = pi.Mapping(
        name, key, file, pi.DEFAULT_LAST_ROW, headers,
        tuple((kind, kinds.get(kind, label)) for kind, label in px.KIND_LABELS.items()), tuple(title_codes),
        tuple(_recognised_category(words, code) for words, code in categories), fields.get(fold(px.EDUCATION_FIELD)))
    notes = [px.TEMPLATE_NOTE.format(file=file, titles=len(titles), categories=len(categories), fields=len(fields))]
    for what, value in mapping.missing():
        worded = _what(what, value)
        problems.add("province_import.template_missing", WARNING, file=file, what=worded)
        notes.append(px.TEMPLATE_MISSING_NOTE.format(what=worded))
    return dataclasses.replace(mapping, notes=tuple(notes))


def _distinct(found: list[tuple[str, str, str]], file: str, problems: Problems, key=fold) -> list[tuple[str, str]]:
    """Each name once (compared by ``key``) and each code once, the first kept; a second code for a name, or a code
    used again, said."""
    by_words: dict[str, str] = {}
    by_code: dict[str, str] = {}
    kept = []
    for words, code, sheet in found:
        first = by_words.get(key(words))
        if first is not None:
            if first != code:
                problems.add("province_import.template_conflict", WARNING, file=file, sheet=sheet, value=words,
                             first=first, second=code)
            continue
        if code in by_code:
            problems.add("province_import.template_shared_code", WARNING, file=file, sheet=sheet, value=words,
                         shared=code, first=by_code[code])
            continue
        by_words[key(words)], by_code[code] = code, words
        kept.append((words, code))
    return kept


def _recognised_category(words: str, code: str) -> pi.Category:
    folded = fold(words)
    if folded == fold(px.DIRECT_CATEGORY):
        return pi.Category(code, words, pi.KINDS[0], default=True)
    if folded == fold(px.COLLECTIVE_CATEGORY):
        return pi.Category(code, words, pi.KINDS[1], default=True)
    if folded in _LEADERS:
        return pi.Category(code, words, pi.KINDS[0], positions=_LEADERS[folded])
    return pi.Category(code, words)


def _what(what: str, value: str) -> str:
    return px.WHAT[what].format(title=tt.name(value), kind=px.KIND_NAMES.get(value, value),
                                field=px.EDUCATION_FIELD)
