"""Where a workbook's parts are: the only places the tool reads them from, and the only places a file may put them.

Excel, LibreOffice and WPS find a part by following relationships (``_rels/.rels`` to the workbook, its
``workbook.xml.rels`` to each sheet, the style sheet and the shared strings), resolving each target as a URI
(relative or absolute, ``..``, ``%``-escapes, any letter case). calamine takes some targets as they are written and
looks the style sheet and the shared strings up by their usual names; the tool's own checks (a sheet's extent, what a
person sees of it: read.sheet_views) look at the usual names. A file whose parts are anywhere else would show a person
one thing and the reader another — a sheet moved out of ``xl/worksheets/`` escaped the extent check and made calamine
ask for 512 GB —, so such a file is refused before any reader sees it. Every spreadsheet program writes the usual
places (the corpus of Excel, LibreOffice, WPS-like and Gnumeric books reads as before: tests/read/test_corpus.py);
re-saving such a file in Excel puts its parts back.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Mapping

PACKAGE_RELS, BOOK_PART, BOOK_RELS_PART = "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
STYLES_PART, STRINGS_PART = "xl/styles.xml", "xl/sharedStrings.xml"
CONTENT_TYPES = "[Content_Types].xml"  # what the package's parts are: a macro-enabled workbook says so here
KEPT_WHOLE = (BOOK_PART, BOOK_RELS_PART, STYLES_PART)  # inflated whole by the checks when the reader wants the parts
MAX_RELS_BYTES = 1 << 20  # a workbook's relationships (and its workbook part) are a few hundred bytes a sheet
FOREIGN = "file.strict_or_foreign"  # its words: a program the tool does not know wrote it; saved by Excel, it reads

_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
_NAME = r"[A-Za-z0-9_-]+\.xml"  # no dot, slash, backslash or escape: one spelling, one part
# A relationship's kind (its Type's last segment) → its target, as every spreadsheet program writes it (relative to
# xl/, or absolute): the only targets these kinds may have.
_TARGETS = {
    "worksheet": re.compile(rf"(?:/xl/)?worksheets/({_NAME})"),
    "chartsheet": re.compile(rf"(?:/xl/)?chartsheets/({_NAME})"),
    "dialogsheet": re.compile(rf"(?:/xl/)?dialogsheets/({_NAME})"),
    "styles": re.compile(r"(?:/xl/)?(styles\.xml)"),
    "sharedStrings": re.compile(r"(?:/xl/)?(sharedStrings\.xml)"),
}
_BOOK_TARGET = re.compile(r"/?xl/workbook\.xml")
_ONE_EACH = {"styles": STYLES_PART, "sharedStrings": STRINGS_PART}  # at most one of each, at its usual name


# What no spreadsheet program writes in a sheet, and readers take apart differently (found by trying): a comment, a
# processing instruction or CDATA inside a value (calamine reads around it, LibreOffice through it), a cell holding
# both a value and an inline text (calamine reads the text, LibreOffice the value), a cell's element under a prefix
# (calamine goes by its local name, Excel and LibreOffice by its namespace).
_TWO_WAYS = re.compile(rb"<!--|<!\[CDATA\[|<\?(?!xml[\s?])|(?:</v>|<v\s*/>)\s*<is[\s>]"
                       rb"|</?[A-Za-z_][\w.-]*:(?:c|v|is|t|row)[\s>/]")


def read_two_ways(xml: bytes) -> bool:
    """Whether a piece of a sheet's XML holds something readers take apart differently (see above)."""
    return _TWO_WAYS.search(xml) is not None


def worksheet_part(target: str) -> str | None:
    """The sheet part (``sheet3.xml``, under ``xl/worksheets/``) a worksheet relationship's ``target`` names, or None
    when it names another place (which :func:`layout_problem` refuses)."""
    found = _TARGETS["worksheet"].fullmatch(target)
    return found.group(1) if found else None


def layout_problem(zf: zipfile.ZipFile, kept: Mapping[str, bytes | Exception]) -> str:
    """What is wrong with where the parts of the workbook ``zf`` are, as a problem's code ("" nothing); ``kept``: its
    parts inflated already, by name. A damaged part raises as zipfile does."""
    entries = [info.filename for info in zf.infolist()]
    if len({name.casefold() for name in entries}) < len(entries):  # one part twice, or under two spellings
        return FOREIGN
    try:
        package, book = (relationships(zf, kept, rels) for rels in (PACKAGE_RELS, BOOK_RELS_PART))
        sheets = [sheet.get("name") or "" for sheet in part_root(zf, kept, BOOK_PART).iter(_SHEET)]
    except LookupError:
        return FOREIGN
    except ValueError:  # not XML
        return "file.corrupt"
    if len({unicodedata.normalize("NFC", name).casefold() for name in sheets}) < len(sheets):
        return FOREIGN  # two sheets of one name (Excel refuses it): a reader takes the first, a person sees another
    books = [target for _, kind, target in package if kind == "officeDocument"]
    if len(books) != 1 or not _BOOK_TARGET.fullmatch(books[0]):
        return FOREIGN
    return "" if _in_place(book, set(entries)) else FOREIGN


Relationship = tuple[str | None, str, str]  # its id, its kind (its Type's last segment), its target


def relationships(zf: zipfile.ZipFile, kept: Mapping[str, bytes | Exception], name: str) -> list[Relationship]:
    """The relationships the part ``name`` holds (see :func:`part_root`)."""
    return [(r.get("Id"), (r.get("Type") or "").rsplit("/", 1)[-1], r.get("Target") or "")
            for r in part_root(zf, kept, name).iter(_RELATIONSHIP)]


def part_root(zf: zipfile.ZipFile, kept: Mapping[str, bytes | Exception], name: str):
    """The part ``name`` parsed; LookupError: no such part (or one too big to be one), ValueError: not XML."""
    from defusedxml.ElementTree import ParseError, fromstring  # deferred: defusedxml at start-up

    xml = kept.get(name)
    if not isinstance(xml, bytes):
        info = zf.getinfo(name)  # KeyError: not there
        if info.file_size > MAX_RELS_BYTES:
            raise LookupError(name)
        xml = zf.read(info)
    try:
        return fromstring(xml)
    except ParseError as exc:
        raise ValueError(name) from exc


def _in_place(book: list[Relationship], names: set[str]) -> bool:
    """Whether the workbook's relationships (``book``) send every reader to the same parts: one target per id, the
    style sheet and shared strings each named once where they are, every sheet where spreadsheet programs put it."""
    ids = [rel_id for rel_id, _, _ in book]
    if len(set(ids)) < len(ids):  # one id, two targets: the first for one reader, the last for another
        return False
    if any(sum(k == kind for _, k, _ in book) != (usual in names) for kind, usual in _ONE_EACH.items()):
        return False
    return all(place.fullmatch(target) and _resolved(target) in names
               for _, kind, target in book if (place := _TARGETS.get(kind)) is not None)


def _resolved(target: str) -> str:
    return target[1:] if target.startswith("/") else "xl/" + target
