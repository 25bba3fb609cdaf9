"""A workbook's values read straight from the sheet XML the containment checks already inflated — python-calamine's
values, cell for cell, without inflating and parsing the file a second time — and its formulas with them.

Our own books come back as .xlsx whose sheets hold a few hundred plain cells: shared or inline strings, numbers,
formulas with or without their cached result. For such a book :func:`load` gives the very :class:`~.cells.Sheets`
:func:`~.cells.load_values` gives (the same sheets in the same order, each with the same ``start`` and rows; values of
the same types), built by scanning each sheet part's bytes once with regular expressions, and each sheet's formulas as
:mod:`.formulas` would index them from the same part (:func:`.formulas.around`); everything after (the extraction
by codes, the marks, the locked-content check) is the same code on both paths.

Every cell is read, not only the input cells and the locked cells the issued record names: the checks that a value
typed beside a table, in a locked cell or on a copied form is said (``locked.typed``, ``row.unknown_code``,
``sheet.form_copies_differ``…) look at every cell, and no record says what a cell not recorded held when issued.

What the scanner is not sure to read as calamine does makes it give up — :func:`load` returns None and the caller
reads the file with calamine, as before: an .xls or .ods; a part the checks did not inflate (a sheet over
:data:`~thidua_xlsx.read.containment.CHUNK`); a sheet that is not a worksheet part, two sheets of one name, a
shared-string part elsewhere than Excel puts it; a cell element of another shape (attributes in another order or
others than ``r``, ``s``, ``t``; a prefix; no address), or two for one cell; a cell type other than numbers, shared,
inline and formula strings, booleans and error values; a number not written as a plain decimal, or styled with a
format calamine reads as a date or a time; text with an ``_xHHHH_`` escape, a raw carriage return, phonetic runs, or
spaces at an end that calamine trims. Each outcome is counted in :data:`COUNTS` (``fast``, or the reason of the
fallback), which the benchmarks report.

``THIDUA_READER=fallback`` in the environment (read by :func:`forced_fallback`, at each file, so that reading
workers and command lines started from a test follow it) makes every file take calamine's path: the tests run
the hostile and tamper cases through both (tests/reader_paths.py).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import IssuedWorkbook
from thidua_xlsx.read.department.cells import Sheet, Sheets
from thidua_xlsx.read.department.formulas import DataFormulas, around, in_data

READER_VARIABLE = "THIDUA_READER"
FALLBACK = "fallback"
FAST = "fast"
COUNTS: Counter[str] = Counter()  # FAST, or the reason a file was read by calamine: this process's files

_SHEET_TARGET = re.compile(r"(?:/?xl/)?worksheets/(sheet\d+\.xml)")
_STRINGS_TARGET = ("sharedStrings.xml", "/xl/sharedStrings.xml", "xl/sharedStrings.xml")

# A cell with content, as Excel, LibreOffice, openpyxl and xlsxwriter write it: its address, style and type.
_CELL = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?: s="([0-9]{1,5})")?(?: t="([a-zA-Z]{1,9})")?>'
                   rb'(?:(<v>)([^<]*)</v>|(?!</c>)(.+?))?</c>', re.S)
# What a cell of a number, a formula string, a boolean or an error holds: a formula (kept by .formulas), its value.
_BODY = re.compile(rb'(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?(?:(<v>)([^<]*)</v>|(<v)/>)?')
_INLINE = re.compile(rb"<is>(.*)</is>", re.S)
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


def load(suffix: str, parts: dict[str, bytes], skip: tuple[str, ...] = (),
         masks: Callable[[Sheet], Masks] | None = None) -> Sheets | None:
    """Every sheet's values but those named in ``skip``, as :func:`~.cells.load_values` gives them, from ``parts``
    (what :func:`~thidua_xlsx.read.containment.check_workbook` inflated); None when calamine must read the file
    (the reason counted). ``masks(meta)``: the person cells of the book's forms (:func:`masks_of` its issued record),
    told from its very hidden sheet, read first (:func:`_like`)."""
    if forced_fallback():
        COUNTS["forced"] += 1
        return None
    try:
        if suffix not in (".xlsx", ".xlsm"):
            raise NotSure("not_xlsx")
        sheets = _load(parts, skip, masks)
    except NotSure as reason:
        COUNTS[str(reason)] += 1
        return None
    COUNTS[FAST] += 1
    return sheets


def _load(parts: dict[str, bytes], skip: tuple[str, ...], masks: Callable[[Sheet], Masks] | None) -> Sheets:
    from thidua_xlsx.read.containment import BOOK_PART, BOOK_RELS_PART, STRINGS_PART, STYLES_PART

    book, rels = parts.get(BOOK_PART), parts.get(BOOK_RELS_PART)
    if book is None or rels is None:
        raise NotSure("part_not_inflated")
    listed, strings_target = _book(book, rels)
    strings: dict[bytes, str] = {}
    if strings_target is not None:
        if strings_target not in _STRINGS_TARGET:
            raise NotSure("shared_strings_elsewhere")
        xml = parts.get(STRINGS_PART)
        if xml is None:
            raise NotSure("part_not_inflated")
        strings = _shared_strings(xml)
    styles = parts.get(STYLES_PART)
    plain = _plain_styles(styles) if styles is not None else None
    xml_of: dict[str, bytes] = {}
    for name, part in listed:
        found = parts.get(f"xl/worksheets/{part}")
        if name in skip:
            continue
        if found is None:
            raise NotSure("part_not_inflated")
        xml_of[name] = found
    read: dict[str, Sheet] = {}
    masked: Masks = {}
    meta = xml_of.get(ly.META_SHEET)
    if masks is not None and meta is not None:  # read first: it names the record, which names the forms' masks
        read[ly.META_SHEET] = _sheet(ly.META_SHEET, meta, strings, plain)[0]
        masked = masks(read[ly.META_SHEET])
    sheets = Sheets()
    bases: dict[tuple[bytes, ...], _Base | None] = {}  # by mask: the last form of it read cell by cell
    for name, xml in xml_of.items():
        if name in read:
            sheets[name] = read[name]
            continue
        mask = masked.get(name)
        base = bases.get(mask) if mask else None
        sheet = _like(name, xml, base, strings, plain) if base is not None else None
        if sheet is None:
            sheet, used, data = _sheet(name, xml, strings, plain)
            if mask:
                bases[mask] = _Base(sheet, used, data, xml, mask)
        sheets[name] = sheet
    return sheets


Masks = dict[str, tuple[bytes, ...]]  # a form's sheet, by its issued name → the addresses of its person's cells


def masks_of(issued: IssuedWorkbook) -> Masks:
    """Each form's mask, from the record of what was issued: the addresses of the cells that show whose form it is —
    its person's code, name, position and title — in the order of the sheet's XML (row by row). A form is otherwise
    the same as the other forms of its rubric until scores are typed in it (the blank forms for newcomers)."""
    found = {}
    for form in issued.layout.of_kind(ly.ScoringSheet):
        places = sorted({_place(cell) for cell in (form.marker_cell, form.name_cell, form.position_cell,
                                                   form.title_cell)})
        found[form.name] = tuple(ly.a1(row, col).encode() for row, col in places)
    return found


def _place(address: str) -> tuple[int, int]:
    letters = address.rstrip("0123456789")
    return int(address[len(letters):]) - 1, _COLUMN[letters.encode()]


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

    try:
        rel_root, book_root = fromstring(rels), fromstring(book)
    except (ValueError, ParseError):
        return "book_unreadable"
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    targets: dict[str, str] = {}
    strings = None
    for rel in rel_root:
        kind, target = rel.get("Type") or "", rel.get("Target") or ""
        if kind == kinds + "sharedStrings":
            strings = target
        targets[rel.get("Id") or ""] = target if kind == kinds + "worksheet" else ""
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    listed = []
    for sheet in book_root.iter(main):
        part = _SHEET_TARGET.fullmatch(targets.get(sheet.get(rid) or "", ""))
        if part is None:  # a chart sheet, a dialog sheet, a part elsewhere: calamine's business
            return "sheet_not_worksheet"
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
    text = raw.decode("utf-8")
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
    if code > 0x10FFFF or code in (0x0D, 0x00):
        raise NotSure("text_escape")
    return chr(code)


def _rich(body: bytes) -> str:
    """The text of a string item or an inline string: its <t> elements joined (rich text runs)."""
    if b"<rPh" in body:  # phonetic runs: not part of the value
        raise NotSure("text_escape")
    texts = _TEXT.findall(body)
    if not texts and body.strip():
        raise NotSure("cell_shape")
    return "".join(_text(t) for t in texts)


_PLAIN_ITEM = re.compile(rb'<si><t( xml:space="preserve")?>([^<]*)</t></si>|<si><t/></si>')


def _shared_strings(xml: bytes) -> dict[bytes, str]:
    """The shared strings by index as a cell's ``<v>`` writes it. Items of one plain text each (every item of our
    books) are decoded and unescaped together; items of rich text one by one."""
    start, end = xml.find(b"<sst"), xml.rfind(b"</sst>")
    if start == -1 or end == -1:
        raise NotSure("cell_shape")
    body = xml[xml.find(b">", start) + 1:end]
    count = body.count(b"<si>") + body.count(b"<si/>")
    plain = _PLAIN_ITEM.findall(body)
    if len(plain) == count and b"\x00" not in body:
        items = _text(b"\x00".join(text for _, text in plain), kept=True).split("\x00") if plain else []
        if any(not kept and text and (text[0].isspace() or text[-1].isspace())
               for (kept, _), text in zip(plain, items)):
            raise NotSure("text_spaces")  # calamine trims it
    else:
        items = [_rich(m.group(1) or b"") for m in _ITEM.finditer(body)]
        if len(items) != count:
            raise NotSure("cell_shape")
    return {str(index).encode(): text for index, text in enumerate(items)}


_PLAIN: dict[bytes, frozenset[bytes]] = {}  # a style sheet → its cell formats that show a number as a number
_PLAIN_LIMIT = 256


def _plain_styles(styles: bytes) -> frozenset[bytes]:
    found = _PLAIN.get(styles)
    if found is None:
        if len(_PLAIN) >= _PLAIN_LIMIT:
            _PLAIN.clear()
        found = _PLAIN[styles] = _plain_formats(styles)
    return found


def _plain_formats(styles: bytes) -> frozenset[bytes]:
    """The indexes into cellXfs (as a cell's ``s`` writes them) whose number format shows a number, neither a date
    nor a time: told from the letters of dates and times in the format outside quotes and escapes, a colour's name
    included (calamine reads a number in a date or time format as a date, a time or a duration)."""
    plain = set(_PLAIN_BUILTIN)
    for number, code in _NUM_FMT.findall(styles):
        plain.discard(int(number))
        if not _DATE_LETTERS.search(_FORMAT_NOISE.sub("", code.decode("utf-8", "replace"))):
            plain.add(int(number))
    start, end = styles.find(b"<cellXfs"), styles.find(b"</cellXfs>")
    if start < 0 or end < 0:
        return frozenset()
    found = set()
    for index, xf in enumerate(_XF.findall(styles, start, end)):
        number = _NUM_FMT_ID.search(xf)
        if (int(number.group(1)) if number else 0) in plain:
            found.add(str(index).encode())
    return frozenset(found)


def _column(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number - 1


_LETTERS = [chr(65 + k) for k in range(26)]
_COLUMN = {name.encode(): _column(name) for name in (*_LETTERS, *(a + b for a in _LETTERS for b in _LETTERS),
                                                    *(a + b + c for a in _LETTERS[:4] for b in _LETTERS
                                                      for c in _LETTERS))}  # A … DZZ: far past any bound
_ROW = {str(row).encode(): row - 1 for row in range(1, 20_001)}  # 0-based; an inbox book has at most MAX_ROWS


def _sheet(name: str, xml: bytes, strings: dict[bytes, str], plain: frozenset[bytes] | None
           ) -> tuple[Sheet, list[tuple[int, int]], DataFormulas | None]:
    """One sheet's values as calamine gives them — rows from its first used cell, as wide as its used range — with
    its formulas; and where its used cells are, and the formulas of its data (for :class:`_Base`). (The loop is the
    cost of a book, ~1,500 cells: the usual ones — a shared string, a plain number — told first.)"""
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    if start == -1:
        raise NotSure("cell_shape")
    if end == -1:  # <sheetData/>: no cell
        if xml.find(b"<c", start) != -1:
            raise NotSure("cell_shape")
        return Sheet(name, (0, 0), []), [], None
    found = _CELL.findall(xml, start, end)
    # every cell with content was matched (one of another shape would not be: its "</c>" would be left over), and
    # none is written with a prefix (<x:c …>…</x:c>, which calamine reads; one with a prefix and no content is empty)
    if len(found) != xml.count(b"</c>", start, end) or xml.find(b":c>", start, end) != -1:
        raise NotSure("cell_shape")
    cells: list[tuple[int, int, object]] = []
    formulas: list[tuple[int, int, bytes]] = []  # each cell holding a formula, its content from its "<f"
    add, column, at_row, number_of = cells.append, _COLUMN, _ROW, _NUMBERS.get
    try:
        for letters, row, style, kind, opened, value, body in found:
            if body or (kind and kind != b"s"):
                other = _other(kind, opened, value, body, strings, plain, style)
                if body.startswith(b"<f"):
                    formulas.append((at_row[row], column[letters], body))
                if other is not None:
                    add((at_row[row], column[letters], other))
            elif not opened:  # <c …></c>: no cell for calamine
                continue
            elif kind:
                add((at_row[row], column[letters], strings[value]))
            elif value:
                if plain is not None and (style or b"0") not in plain:
                    raise NotSure("number_format")
                number = number_of(value)
                add((at_row[row], column[letters], number if number is not None else _number(value)))
            # else an empty value: no cell for calamine
    except KeyError:  # a shared string that is not there, a cell past DZZ or row 20,000: calamine's business
        raise NotSure("cell_shape") from None
    used: list[tuple[int, int]] = []
    if not cells:
        sheet = Sheet(name, (0, 0), [])
    else:
        at_rows, at_columns, _ = zip(*cells)
        if len(set(zip(at_rows, at_columns))) != len(cells):
            raise NotSure("cell_twice")  # two elements for one cell: which one calamine keeps is its business
        r0, c0 = min(at_rows), min(at_columns)
        width = max(at_columns) - c0 + 1
        rows: list[list] = [[""] * width for _ in range(max(at_rows) - r0 + 1)]
        for r, c, held in cells:
            rows[r - r0][c - c0] = held
        sheet = Sheet(name, (r0, c0), rows)
        used = list(zip(at_rows, at_columns))
    data = in_data(formulas)
    sheet.formulas = around(xml, data, start, end) if data is not None else None  # None: indexed as before
    return sheet, used, data


class _Base:
    """A form read cell by cell, kept to read the next form of its mask as it (:func:`_like`): its sheet's data cut
    at its mask's cells, the used range without them, the formulas of its data — made when first asked (most forms
    have scores of their own: the next one is not read as it)."""

    def __init__(self, sheet: Sheet, used: list[tuple[int, int]], data: DataFormulas | None, xml: bytes,
                 mask: tuple[bytes, ...]):
        self.sheet, self.data, self.mask = sheet, data, mask
        self._used, self._xml = used, xml
        self.places = [_place(address.decode()) for address in mask]
        self._cut: tuple[list[bytes], tuple[int, int, int, int]] | None = None

    def cut(self) -> tuple[list[bytes], tuple[int, int, int, int]] | None:
        """The pieces of its sheet's data around its mask's cells, and the used range of its other cells; None when
        it cannot be a base: its data not cut so, a formula in a cell of its mask, nothing else used."""
        if self._cut is None and self._xml:
            located = _located(self._xml, self.mask)
            places = set(self.places)
            core = [place for place in self._used if place not in places]  # what every form of the mask has
            self._xml = b""
            if located is not None and self.data is not None and core and b"<f" not in b"".join(located[1]):
                rows, cols = [r for r, _ in core], [c for _, c in core]
                self._cut = located[0], (min(rows), min(cols), max(rows), max(cols))
        return self._cut


def _located(xml: bytes, mask: tuple[bytes, ...]) -> tuple[list[bytes], list[bytes]] | None:
    """The sheet's data cut at the elements of the cells of ``mask``: the pieces around them, and each element (b"":
    none for that cell); None when the data cannot be cut so (an element not closed)."""
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData>")
    if start == -1 or end == -1:
        return None
    pieces: list[bytes] = []
    elements: list[bytes] = []
    at = start
    for address in mask:
        found = xml.find(b'<c r="%s"' % address, at, end)
        if found == -1:
            elements.append(b"")
            continue
        close = xml.find(b">", found, end)
        stop = close + 1 if close != -1 and xml[close - 1] == 47 else xml.find(b"</c>", close, end) + 4  # 47: "/"
        if close == -1 or stop < close:
            return None
        pieces.append(xml[at:found])
        elements.append(xml[found:stop])
        at = stop
    pieces.append(xml[at:end])
    return pieces, elements


def _like(name: str, xml: bytes, base: _Base, strings: dict[bytes, str], plain: frozenset[bytes] | None
          ) -> Sheet | None:
    """The form ``xml`` read as ``base`` is but for the cells of their mask — when its sheet's data is ``base``'s, byte
    for byte, but for those cells' elements, so that what is not read here is what was read in ``base`` (a blank form
    for a newcomer is its first one's, its marker aside); None when it is not, or when its used range or formulas
    would not be ``base``'s (then read cell by cell)."""
    cut = base.cut()
    located = _located(xml, base.mask) if cut is not None else None
    if cut is None or located is None or located[0] != cut[0] or base.data is None:
        return None
    values: list[object] = []
    for element in located[1]:
        if element.endswith(b"/>") or not element:  # no element, or an empty one (its style alone): no value
            values.append(None)
            continue
        cell = _CELL.fullmatch(element)
        if cell is None or b"<f" in element:
            return None
        letters, row, style, kind, opened, value, body = (group or b"" for group in cell.groups())
        values.append(_value((letters, row, style, kind, opened, value, body), strings, plain))
    r0, c0, r1, c1 = cut[1]
    for (r, c), value in zip(base.places, values):
        if value is not None:
            r0, c0, r1, c1 = min(r0, r), min(c0, c), max(r1, r), max(c1, c)
    rows, (b0, d0) = base.sheet.rows, base.sheet.start
    if (r0, c0, r1, c1) != (b0, d0, b0 + len(rows) - 1, d0 + len(rows[0]) - 1):
        return None
    sheet = Sheet(name, (b0, d0), [line[:] for line in rows])
    for (r, c), value in zip(base.places, values):
        if b0 <= r <= r1 and d0 <= c <= c1:
            sheet.rows[r - b0][c - d0] = "" if value is None else value
    sheet.formulas = around(xml, base.data, xml.find(b"<sheetData"), xml.rfind(b"</sheetData>"))
    return sheet


def _value(element: tuple[bytes, ...], strings: dict[bytes, str], plain: frozenset[bytes] | None) -> object:
    """One cell's value as :func:`_sheet` reads it; None for no value."""
    letters, row, style, kind, opened, value, body = element
    try:
        if body or (kind and kind != b"s"):
            return _other(kind, opened, value, body, strings, plain, style)
        if not opened:
            return None
        if kind:
            return strings[value]
    except KeyError:
        raise NotSure("cell_shape") from None
    if not value:
        return None
    if plain is not None and (style or b"0") not in plain:
        raise NotSure("number_format")
    return _number(value)


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


def _other(kind: bytes, opened: bytes, value: bytes, body: bytes, strings: dict[bytes, str],
           plain: frozenset[bytes] | None, style: bytes) -> object:
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
        return strings[value]
    if kind in (b"", b"n"):
        if not value:  # a formula without its result: no cell for calamine
            return None
        if plain is not None and (style or b"0") not in plain:
            raise NotSure("number_format")
        return _number(value)
    if kind == b"str":
        return _text(value, kept=True)
    if kind == b"e":
        return ""  # an error value: calamine gives an empty text (.marks tells which error)
    if value in (b"0", b"1"):
        return value == b"1"
    raise NotSure("cell_shape")


_INLINE_TEXTS: dict[bytes, str] = {}  # an inline string's element → its text: a book's labels repeat on every form
_INLINE_TEXTS_LIMIT = 100_000
