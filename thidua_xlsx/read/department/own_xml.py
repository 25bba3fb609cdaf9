"""A workbook's values read straight from the sheet XML the containment checks already inflated — python-calamine's
values, cell for cell, without inflating and parsing the file a second time — and its formulas with them.

Our own books come back as .xlsx whose sheets hold a few hundred plain cells: shared or inline strings, numbers,
formulas with or without their cached result. For such a book :func:`load` gives the very :class:`~.cells.Sheets`
:func:`~.cells.load_values` gives (the same sheets in the same order, each with the same ``start`` and rows; values of
the same types), built by scanning each sheet part's bytes once — in C (:mod:`._scan`, built with the package) for the
cells, in Python for the shared strings and the rarer cells — and each sheet's formulas as
:mod:`.formulas` would index them from the same part (:func:`.formulas.around`); everything after (the extraction
by codes, the marks, the locked-content check) is the same code on both paths.

Every cell is read, not only the input cells and the locked cells the issued record names: the checks that a value
typed beside a table, in a locked cell or on a copied form is said (``locked.typed``, ``row.unknown_code``,
``sheet.form_copies_differ``…) look at every cell, and no record says what a cell not recorded held when issued.

What the scanner is not sure to read as calamine does makes it give up — :func:`load` returns None and the caller
reads the file with calamine, as before: the scanner not built (an installation without a C compiler: pip leaves the
optional extension out, setup.py); an .xls or .ods; a part the checks did not inflate (a sheet over
:data:`~thidua_xlsx.read.containment.CHUNK`); a part that is not XML as calamine reads it (text not UTF-8, a control
character, an "&" that is no reference XML knows, a tag not written or not closed as XML wants, a comment or CDATA in
a sheet's data, an extent or merged range calamine refuses, names outside their namespace); a sheet that is not a
worksheet part, two sheets of one name, a shared-string part elsewhere than Excel puts it; a cell element of another
shape (attributes in another order or others than ``r``, ``s``, ``t``; a prefix; no address; an element other than
rows and cells between them; a row left open, a cell outside a row or of another row than its row's number), or two
for one cell; a cell type other than numbers, shared, inline and formula strings, booleans and error values (an error
value calamine does not know); a number not written as a plain decimal, or styled with a format calamine reads as a
date or a time; text with an ``_xHHHH_`` escape, a raw carriage return, phonetic runs, or spaces at an end that
calamine trims. Each outcome is counted in :data:`COUNTS` (``fast``, or the reason of the fallback), which the
benchmarks report. tests/read/test_own_xml.py damages books at random and checks the rule: read here only what
calamine reads, with its values.

``THIDUA_READER=fallback`` in the environment (read by :func:`forced_fallback`, at each file, so that reading
workers and command lines started from a test follow it) makes every file take calamine's path: the tests run
the hostile and tamper cases through both (tests/reader_paths.py).
"""

from __future__ import annotations

import os
import re
from collections import Counter

from thidua_xlsx.read.department.cells import Sheet, Sheets
from thidua_xlsx.read.department.formulas import around, in_data

try:
    from thidua_xlsx.read.department import _scan  # type: ignore[attr-defined]
except ImportError:  # built where a C compiler was at hand (setup.py): every book is then calamine's
    _scan = None

READER_VARIABLE = "THIDUA_READER"
FALLBACK = "fallback"
FAST = "fast"
COUNTS: Counter[str] = Counter()  # FAST, or the reason a file was read by calamine: this process's files

_SHEET_TARGET = re.compile(r"(?:/?xl/)?worksheets/(sheet\d+\.xml)")
_STRINGS_TARGET = ("sharedStrings.xml", "/xl/sharedStrings.xml", "xl/sharedStrings.xml")

# A tag's attributes as XML writes them (white space, a name, "=", a value in quotes without "<", a tab or a line
# break), as _scan.c's tag_end reads them.
_ATTRIBUTES = rb"""(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=\s*(?:"[^"<\t\n\r]*"|'[^'<\t\n\r]*'))*\s*"""
# What a cell of a number, a formula string, a boolean or an error holds: a formula (kept by .formulas), its value.
_BODY = re.compile(rb'(?:<f' + _ATTRIBUTES + rb'(?:/>|>[^<]*</f>))?(?:(<v>)([^<]*)</v>|(<v)/>)?')
_INLINE = re.compile(rb"<is>(.*)</is>", re.S)
_T = rb"<t" + _ATTRIBUTES + rb"(?:/>|>[^<]*</t>)"
# A string item's or an inline string's content, whole: texts, or rich text runs (their run properties empty elements).
_RICH = re.compile(rb"(?:" + _T + rb"|<r>(?:<rPr>(?:<[A-Za-z]+" + _ATTRIBUTES + rb"/>)*</rPr>)?" + _T + rb"</r>)*")
_TEXT = re.compile(rb"<t\b[^>]*?(?:/>|>([^<]*)</t>)")
_ITEM = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_NUMBER = re.compile(rb"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_XF = re.compile(rb"<xf\b([^>]*)>")
_NUM_FMT = re.compile(rb'<numFmt\b[^>]*?\bnumFmtId="(\d+)"[^>]*?\bformatCode="([^"]*)"')
_NUM_FMT_ID = re.compile(rb'\bnumFmtId="(\d+)"')
# Excel's built-in number formats that show a number (not a date, a time or a duration): calamine gives a float.
_PLAIN_BUILTIN = frozenset((*range(0, 14), *range(37, 45), 48, 49))
_DATE_LETTERS = re.compile(r"[dmyhsDMYHS]")
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|_.|\*.')  # quoted text, escaped characters, spaces and fills


class NotSure(Exception):
    """The scanner may not read this as calamine does: its reason (a key of :data:`COUNTS`)."""


def forced_fallback() -> bool:
    return os.environ.get(READER_VARIABLE, "").strip().lower() == FALLBACK


def load(suffix: str, parts: dict[str, bytes], skip: tuple[str, ...] = ()) -> Sheets | None:
    """Every sheet's values but those named in ``skip``, as :func:`~.cells.load_values` gives them, from ``parts``
    (what :func:`~thidua_xlsx.read.containment.check_workbook` inflated); None when calamine must read the file
    (the reason counted)."""
    if forced_fallback():
        COUNTS["forced"] += 1
        return None
    try:
        if _scan is None:
            raise NotSure("not_compiled")
        if suffix not in (".xlsx", ".xlsm"):
            raise NotSure("not_xlsx")
        sheets = _load(parts, skip)
    except NotSure as reason:
        COUNTS[str(reason)] += 1
        return None
    COUNTS[FAST] += 1
    return sheets


def _load(parts: dict[str, bytes], skip: tuple[str, ...]) -> Sheets:
    from thidua_xlsx.read.containment import BOOK_PART, BOOK_RELS_PART, STRINGS_PART, STYLES_PART

    book, rels = parts.get(BOOK_PART), parts.get(BOOK_RELS_PART)
    if book is None or rels is None:
        raise NotSure("part_not_inflated")
    listed, strings_target = _book(book, rels)
    strings: list[str] = []
    if strings_target is not None:
        if strings_target not in _STRINGS_TARGET:
            raise NotSure("shared_strings_elsewhere")
        xml = parts.get(STRINGS_PART)
        if xml is None:
            raise NotSure("part_not_inflated")
        strings = _shared_strings(xml)
    styles = parts.get(STYLES_PART)
    plain = _plain_styles(styles) if styles is not None else None
    if plain == _NOT_PLAIN:
        raise NotSure("styles_unreadable")
    sheets = Sheets()
    for name, part in listed:
        if name in skip:
            continue
        xml = parts.get(f"xl/worksheets/{part}")
        if xml is None:
            raise NotSure("part_not_inflated")
        sheets[name] = _sheet(name, xml, strings, plain)
    return sheets


_BOOKS: dict[tuple[bytes, bytes], tuple[tuple[tuple[str, str], ...], str | None]] = {}
_BOOKS_LIMIT = 256


def _book(book: bytes, rels: bytes) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """(sheet name, its part's file name) in the book's order, and the shared strings' target (None: none), parsed
    once for the same two parts (a campaign's books share them)."""
    key = (book, rels)
    found = _BOOKS.get(key)
    if found is None:
        found = _parse_book(book, rels)
        if len(_BOOKS) >= _BOOKS_LIMIT:
            _BOOKS.clear()
        _BOOKS[key] = found
    if isinstance(found, str):
        raise NotSure(found)
    return found


def _parse_book(book: bytes, rels: bytes):
    """What :func:`_book` gives, or the reason the scanner is not sure of it (kept as the parse's result)."""
    from defusedxml.ElementTree import ParseError, fromstring

    if not (_scan.plain(book) and _scan.plain(rels)):  # what calamine may refuse, or read otherwise
        return "book_unreadable"
    try:
        rel_root, book_root = fromstring(rels), fromstring(book)
    except (ValueError, LookupError, ParseError):  # LookupError: an encoding Python does not know
        return "book_unreadable"
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    package = "{http://schemas.openxmlformats.org/package/2006/relationships}"
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    if rel_root.tag != package + "Relationships" or any(rel.tag != package + "Relationship" for rel in rel_root) \
            or book_root.tag != main + "workbook":  # names calamine may not know, or read otherwise
        return "book_unreadable"
    targets: dict[str, str] = {}
    strings = None
    for rel in rel_root:
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        if kind == kinds + "sharedStrings":
            strings = target
        targets[rel.get("Id") or ""] = target if kind == kinds + "worksheet" else ""
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    listed = []
    for sheet in book_root.iter(main + "sheet"):
        part = _SHEET_TARGET.fullmatch(targets.get(sheet.get(rid) or "", ""))
        if part is None:  # a chart sheet, a dialog sheet, a part elsewhere: calamine's business
            return "sheet_not_worksheet"
        if sheet.get("state", "visible") not in ("visible", "hidden", "veryHidden"):
            return "book_unreadable"
        listed.append((sheet.get("name", ""), part.group(1)))
    if len({part for _, part in listed}) != len(listed):
        return "sheet_not_worksheet"
    return tuple(listed), strings


def _text(raw: bytes, kept: bool = False) -> str:
    """The text of an XML text node as calamine gives it; NotSure where it may differ. calamine trims the text of a
    ``<t>`` without ``xml:space="preserve"`` (a formula's text result ``kept`` as is): text with spaces at an end
    is left to it."""
    if b"\r" in raw or b"_x" in raw:  # a raw CR (XML parsers normalise it), an _xHHHH_ escape
        raise NotSure("text_escape")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # not UTF-8: calamine says what it makes of it (an XML parser refuses it)
        raise NotSure("text_encoding") from None
    if "&" in text:
        text = _ENTITY.sub(_entity, text)
    if not kept and text and (text[0].isspace() or text[-1].isspace()):
        raise NotSure("text_spaces")
    return text


def _entity(match: re.Match) -> str:
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED[named]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    if code == 0x0D:  # a CR, which XML parsers treat apart (every other reference was checked: _scan.plain)
        raise NotSure("text_escape")
    return chr(code)


def _rich(body: bytes) -> str:
    """The text of a string item or an inline string: its <t> elements joined (rich text runs)."""
    if b"<rPh" in body:  # phonetic runs: not part of the value
        raise NotSure("text_escape")
    if _RICH.fullmatch(body) is None:  # anything else in it, or an element not closed: calamine's to read
        raise NotSure("cell_shape")
    return "".join(_text(t) for t in _TEXT.findall(body))


_PLAIN_ITEM = re.compile(rb'<si><t( xml:space="preserve")?>([^<]*)</t></si>|<si><t/></si>')
_SST = re.compile(rb"<sst" + _ATTRIBUTES + rb">")
_PLAIN_ITEMS = re.compile(rb'(?:<si><t(?: xml:space="preserve")?>[^<]*</t></si>|<si><t/></si>)*')


def _shared_strings(xml: bytes) -> list[str]:
    """The shared strings, in their order (a cell's ``<v>`` names one by its index). Items of one plain text each
    (every item of our books) are decoded and unescaped together; items of rich text one by one."""
    start, end = xml.find(b"<sst"), xml.rfind(b"</sst>")
    if start == -1 or end == -1:
        raise NotSure("cell_shape")
    if not _scan.plain(xml):  # not UTF-8, a control character, an "&" that is no reference, a tag not closed…
        raise NotSure("text_escape")
    tag = _SST.match(xml, start)
    if tag is None:
        raise NotSure("cell_shape")
    body = xml[tag.end():end]
    if _PLAIN_ITEMS.fullmatch(body) is not None:
        plain = _PLAIN_ITEM.findall(body)
        items = _text(b"\x00".join(text for _, text in plain), kept=True).split("\x00") if plain else []
        if any(not kept and text and (text[0].isspace() or text[-1].isspace())
               for (kept, _), text in zip(plain, items)):
            raise NotSure("text_spaces")  # calamine trims it
    else:
        items, at = [], 0
        for item in _ITEM.finditer(body):
            if item.start() != at:  # something between two items
                raise NotSure("cell_shape")
            items.append(_rich(item.group(1) or b""))
            at = item.end()
        if at != len(body):
            raise NotSure("cell_shape")
    return items


_PLAIN: dict[bytes, bytes] = {}  # a style sheet → one byte a cell format, non-zero: it shows a number as a number
_NOT_PLAIN = b"?"  # a style sheet that is not XML as the scanner wants it (_scan.plain): calamine's to read
_PLAIN_LIMIT = 256


def _plain_styles(styles: bytes) -> bytes:
    found = _PLAIN.get(styles)
    if found is None:
        if len(_PLAIN) >= _PLAIN_LIMIT:
            _PLAIN.clear()
        found = _PLAIN[styles] = _plain_formats(styles) if _scan.plain(styles) else _NOT_PLAIN
    return found


def _plain_formats(styles: bytes) -> bytes:
    """One byte for each cell format of cellXfs (as a cell's ``s`` names it), 1 when its number format shows a number,
    neither a date nor a time: told from the letters of dates and times in the format outside quotes and escapes, a
    colour's name included (calamine reads a number in a date or time format as a date, a time or a duration)."""
    plain = set(_PLAIN_BUILTIN)
    for number, code in _NUM_FMT.findall(styles):
        plain.discard(int(number))
        if not _DATE_LETTERS.search(_FORMAT_NOISE.sub("", code.decode("utf-8", "replace"))):
            plain.add(int(number))
    start, end = styles.find(b"<cellXfs"), styles.find(b"</cellXfs>")
    if start < 0 or end < 0:
        return b""
    found = bytearray()
    for xf in _XF.findall(styles, start, end):
        number = _NUM_FMT_ID.search(xf)
        found.append((int(number.group(1)) if number else 0) in plain)
    return bytes(found)


def _sheet(name: str, xml: bytes, strings: list[str], plain: bytes | None) -> Sheet:
    """One sheet's values as calamine gives them — rows from its first used cell, as wide as its used range — with
    its formulas. The cells are scanned and placed in C (:mod:`._scan`: ~1,800 a book, the usual ones — a shared
    string, a plain number, a formula and its number — made values there); the others (inline strings, booleans,
    shared formulas…) are read here."""
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    if start == -1:
        raise NotSure("cell_shape")
    if end == -1:  # <sheetData/>: no cell
        if not _scan.plain(xml):
            raise NotSure("cell_shape")
        return Sheet(name, (0, 0), [])
    scanned = _scan.scan(xml, start, end, strings, plain)
    if isinstance(scanned, str):
        raise NotSure(scanned)
    cells, formulas, others = scanned
    for row, col, style, kind, opened, value, body in others:
        other = _other(kind, opened, value, body, strings, plain, style)
        if other is not None:
            cells.append((row, col, other))
    placed = _scan.grid(cells)
    if placed is None:
        raise NotSure("cell_twice")  # two elements for one cell: which one calamine keeps is its business
    sheet = Sheet(name, (placed[0], placed[1]), placed[2])
    data = in_data(formulas)
    sheet.formulas = around(xml, data, start, end) if data is not None else None  # None: indexed as before
    return sheet


def _shared(strings: list[str], index: bytes) -> str:
    """The shared string a cell's ``<v>`` names, written as ``str(index)`` writes it."""
    if not index.isdigit() or (index[:1] == b"0" and index != b"0") or int(index) >= len(strings):
        raise NotSure("cell_shape")
    return strings[int(index)]


def _is_plain(plain: bytes | None, style: bytes) -> bool:
    """Whether the cell format ``style`` (b"": the first) shows a number as a number (None: no style sheet)."""
    if plain is None:
        return True
    index = style or b"0"
    return index.isdigit() and (index == b"0" or index[:1] != b"0") and int(index) < len(plain) and \
        plain[int(index)] != 0


_NUMBERS: dict[bytes, float] = {}  # a number as written → its value: the scores and maxima of a campaign repeat
_NUMBERS_LIMIT = 100_000


def _number(text: bytes) -> float:
    """A number as calamine reads it, from a plain decimal only (Python's float() takes "1_0", "nan", " 5")."""
    if _NUMBER.fullmatch(text) is None:
        raise NotSure("number_shape")
    if len(_NUMBERS) >= _NUMBERS_LIMIT:
        _NUMBERS.clear()
    value = _NUMBERS[text] = float(text)
    return value


def _other(kind: bytes, opened: bytes, value: bytes, body: bytes, strings: list[str], plain: bytes | None,
           style: bytes) -> object:
    """The value of a cell of another shape than a shared string or a plain number alone: a formula and its result,
    an inline string, a formula's text result, a boolean, an error value; None for no value (an empty element, a
    formula without its result: no cell for calamine)."""
    if not opened and not body:  # <c …></c>
        return None
    if kind == b"inlineStr":
        text = _INLINE_TEXTS.get(body)
        if text is None:
            inline = _INLINE.fullmatch(body)
            if inline is None:
                raise NotSure("cell_shape")
            if len(_INLINE_TEXTS) >= _INLINE_TEXTS_LIMIT:
                _INLINE_TEXTS.clear()
            text = _INLINE_TEXTS[body] = _rich(inline.group(1))
        return text
    if kind not in (b"", b"n", b"s", b"str", b"e", b"b"):
        raise NotSure("cell_type")
    if body:
        parsed = _BODY.fullmatch(body)
        if parsed is None:
            raise NotSure("cell_shape")
        opened, value = parsed.group(1) or b"", parsed.group(2) or b""
        if not opened and kind in (b"", b"n"):  # a formula alone, no <v>: no cell for calamine
            return None
        if not opened:
            raise NotSure("cell_shape")
    if kind == b"s":
        return _shared(strings, value)
    if kind in (b"", b"n"):
        if not value:  # a formula without its result: no cell for calamine
            return None
        if not _is_plain(plain, style):
            raise NotSure("number_format")
        return _number(value)
    if kind == b"str":
        return _text(value, kept=True)
    if kind == b"e":
        if value not in _ERRORS:  # calamine refuses a file with another
            raise NotSure("cell_shape")
        return ""  # an error value: calamine gives an empty text (.marks tells which error)
    if value in (b"0", b"1"):
        return value == b"1"
    raise NotSure("cell_shape")


_ERRORS = (b"#DIV/0!", b"#N/A", b"#NAME?", b"#NULL!", b"#NUM!", b"#REF!", b"#VALUE!")  # as calamine reads them
_INLINE_TEXTS: dict[bytes, str] = {}  # an inline string's element → its text: a book's labels repeat on every form
_INLINE_TEXTS_LIMIT = 100_000
