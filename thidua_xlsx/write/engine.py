"""What the workbook writers share (xlsxwriter): the workbook's options and properties, the page
set-up of printed sheets, the school header and the signature blocks, row heights for wrapped
text, and page breaks that keep a block on one page.

The header and the signature blocks are laid out here — the header as a (text, style) pair a side
per row, the signatures as cells (row, first column, last column, text, style) — and written by
each writer its own way; the styles are names of :data:`PRINTED_STYLES`, which every writer's
formats include. The header's names are broken only between their groups (:func:`name_lines`, measured
in Times New Roman by :func:`text_pt`: the Word papers break them the same way), a place a name carries kept whole on
its line; a column of department names is as wide as its names need, within a cap (:func:`name_width`).

Excel quirks: a merged cell never grows to fit wrapped text, and Excel does not grow rows for
wrapped text written by a library either, so row heights are estimated here (:func:`cell_lines`).
Nothing here imports xlsxwriter: a worksheet is what the writer hands in.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import layout as ly
from thidua_xlsx.system import files
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.wording import date_line

FONT = "Times New Roman"
A4 = 9
# Nghị định 30/2020: left 30–35 mm, right 15–20 mm, top/bottom 20–25 mm (inches here).
MARGINS = {"left": 1.18, "right": 0.7, "top": 0.79, "bottom": 0.79}
FIXED_DATE = dt.datetime(2000, 1, 1)
HEADER_FILL = "#D9E1F2"
ERROR_FILL, WARNING_FILL = "#FFC7CE", "#FFEB9C"
ERROR_FONT_COLOUR = "#9C0006"
LINE_PT = 15.75  # one line of Times New Roman 12
DEFAULT_ROW_PT = 15.75  # a row of Times New Roman 12 left at its default height
A4_SHORT, A4_LONG = 595.3, 841.9  # points
# Measured with LibreOffice (which renders our PDFs, benchmarks of 60–200 width units fitted to A4): a
# column width unit prints 6.2–6.3 pt wide when it finds Times New Roman or its metric twin (Liberation
# Serif, Tinos), 7.9 pt with a wider fallback (DejaVu Serif); the footer takes 22 pt of the page. Page
# breaks are estimated with the narrower width, the least scaled-down page: whatever the font, a printed
# page then holds at least what was estimated, so a block kept together is never cut.
CHAR_PT, FOOTER_PT = 6.2, 22
PAGE_SAFETY = 0.95
ROOM_TO_SIGN = 4  # empty rows between a signature's note and the name

BASE_STYLE = {"font_name": FONT, "font_size": 12, "valign": "vcenter", "text_wrap": True}
CENTER = {"align": "center"}
PRINTED_STYLES = {  # the header, titles, table heads and signatures of every printed sheet
    "managing": {**BASE_STYLE, **CENTER},
    "school": {**BASE_STYLE, **CENTER, "bold": True},
    "motto1": {**BASE_STYLE, **CENTER, "bold": True},
    "motto2": {**BASE_STYLE, **CENTER, "bold": True, "font_size": 13, "underline": True},
    "title": {**BASE_STYLE, **CENTER, "bold": True, "font_size": 14},
    "subtitle": {**BASE_STYLE, **CENTER, "italic": True},
    "number": {**BASE_STYLE, **CENTER},
    "date": {**BASE_STYLE, **CENTER, "italic": True},
    "head": {**BASE_STYLE, **CENTER, "bold": True, "border": 1, "bg_color": HEADER_FILL},
    "sign_role": {**BASE_STYLE, **CENTER, "bold": True},
    "sign_note": {**BASE_STYLE, **CENTER, "italic": True},
    "sign_name": {**BASE_STYLE, **CENTER, "bold": True},
}

Cell = tuple[int, int, int, str, str]  # row, first column, last column, text, style
SignBlock = tuple[int, int, list]  # first column, last column, [(text, style) or None per row]


def workbook_options(**extra) -> dict:
    """xlsxwriter's options: text stays text (never a formula, a link or a number), Times New Roman 12."""
    return {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
            "default_format_properties": {"font_name": FONT, "font_size": 12}, **extra}


def set_properties(wb, title: str, school_name: str, created: dt.datetime) -> None:
    """The document's properties; ``created`` is fixed by the caller, so the same input gives the same file."""
    wb.set_properties({"title": title, "author": ly.APP_ID, "company": school_name, "created": created,
                       "comments": ly.written_by()})


def replacing(path: Path) -> AbstractContextManager[Path]:
    """A temporary path beside ``path`` to write to, renamed over ``path`` once written: whoever opens
    ``path`` finds the old file or the new one, never half of one; on a failure nothing is left
    (:func:`thidua_xlsx.system.files.replacing`)."""
    return files.replacing(path)


def meta_sheet(wb, meta: dict, password: str = "") -> None:
    """The workbook's own metadata (:func:`meta_cells` of ``meta``) in a very hidden, protected sheet, read back to
    know what the workbook is and where its values are."""
    ws = wb.add_worksheet(ly.META_SHEET)
    for row, text in enumerate(meta_cells(meta)):
        ws.write_string(row, 0, text)
    ws.protect(password)
    ws.very_hidden()


@dataclass(frozen=True)
class Streamed:
    """A value of a metadata record that is a list too long to hold at once (the commune's record of its 72,000
    lines: ~11 MB of lists, its JSON ~8 MB more): ``rows()`` makes its items anew each time it is called, and they
    are written as they are made (:func:`meta_json`)."""

    rows: Callable[[], Iterable]


META_BATCH = 1_000  # a Streamed value's items made into JSON at a time


def meta_json(meta: dict) -> Iterator[str]:
    """The canonical JSON of ``meta`` as :func:`layout.meta_cells` makes it (keys sorted, no spaces, text as it is),
    in pieces whose concatenation is that text; a :class:`Streamed` value's items made and written
    :data:`META_BATCH` at a time (a list's JSON is its items' JSON between commas)."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    yield "{"
    for n, key in enumerate(sorted(meta)):
        value = meta[key]
        yield ("," if n else "") + dumps(key) + ":"
        if not isinstance(value, Streamed):
            yield dumps(value)
            continue
        items, first = iter(value.rows()), True
        yield "["
        while batch := list(itertools.islice(items, META_BATCH)):
            yield ("" if first else ",") + dumps(batch)[1:-1]
            first = False
        yield "]"
    yield "}"


def meta_cells(meta: dict) -> Iterator[str]:
    """:func:`layout.meta_cells` of ``meta`` — our app id, then its JSON in chunks that fit a cell —, each chunk made
    as it is written (:func:`meta_json`): a province's record is never whole in memory."""
    yield ly.APP_ID
    body = ""
    for piece in meta_json(meta):
        body += piece
        while len(body) >= ly.META_CHUNK:
            yield body[:ly.META_CHUNK]
            body = body[ly.META_CHUNK:]
    if body:
        yield body


def page_setup(ws, *, landscape: bool = False, pages_down: int = 0, footer: str = "", header: str = "",
               centred: bool = False, gridlines: bool = True, widths: tuple[float, ...] = ()) -> None:
    """A4 at the decree's margins, one page wide and ``pages_down`` pages down (0: as many as needed); ``header``
    and ``footer`` in Excel's codes (&L, &C, &R; &P the page), in the top and bottom margins of every page."""
    ws.set_paper(A4)
    ws.set_landscape() if landscape else ws.set_portrait()
    ws.set_margins(**MARGINS)
    ws.fit_to_pages(1, pages_down)
    if header:
        ws.set_header(header)
    if footer:
        ws.set_footer(footer)
    if centred:
        ws.center_horizontally()
    if not gridlines:
        ws.hide_gridlines(2)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)


# --- row heights -------------------------------------------------------------------------------

# Advance widths in Times New Roman (and its metric twins), as a share of an average lowercase letter:
# capitals are half as wide again — a title in capitals wraps where the same words in lowercase do not
# (with one width for every letter, "DANH SÁCH CÔNG KHAI …" got one line's height and lost its accents).
_CAPITAL, _DIGIT, _SPACE, _OTHER = 1.55, 1.1, 0.55, 0.8
# Lowercase letters a column width unit holds: 1.12–1.2 measured (LibreOffice, Liberation Serif 12, the
# scoring form's criteria column); a little less, so that a line the estimate fills is never one too many.
LETTERS_PER_UNIT = 1.05


_WIDE = {"…": 2.2, "—": 2.2, "–": 1.1}  # an ellipsis or a dash is as wide as two letters, or one


class _Widths(dict):
    """A character → its width (:func:`text_units`), each character's found once (a letter's case, a digit…)."""

    def __missing__(self, c: str) -> float:
        width = self[c] = (_CAPITAL if c.isupper() else 1.0 if c.isalpha() else _DIGIT if c.isdigit() else
                           _SPACE if c == " " else _WIDE.get(c, _OTHER))
        return width


_CHAR_UNITS = _Widths()


def text_units(text: str) -> float:
    """``text``'s printed width, in average lowercase letters of Times New Roman (the same sum, in the same order,
    as classing each character anew: a character's width is looked up, not worked out again)."""
    try:
        return sum(map(_CHAR_UNITS.__getitem__, text))  # no __missing__ on this path: a character not met yet raises
    except KeyError:
        return sum(_CHAR_UNITS[c] for c in text)


def wrapped_lines(text: str, per_line: float) -> int:
    """Lines a wrapped text takes where ``per_line`` lowercase letters fit, wrapped word by word as the
    spreadsheet program does (a word that does not fit starts the next line: in a narrow column, a tenth
    of every line is left empty)."""
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0.0
        for word in part.split(" "):
            width = text_units(word)
            if used and used + _SPACE + width > per_line:
                lines += 1
                used = 0.0
            if width > per_line:  # a word longer than the line is cut where the line ends
                lines += math.ceil(width / per_line) - 1
                width %= per_line
            used += (_SPACE if used else 0.0) + width
    return lines


def cell_lines(value, width: float, bold: bool = False) -> int:
    """Lines a value takes in a column ``width`` characters wide (Times New Roman 12; bold letters are
    ~8 % wider). A number takes one: Excel shows a number too wide for its column as ###, never on two
    lines."""
    if type(value) in (int, float):
        return 1
    return wrapped_lines(str(value), max(1.0, (width * LETTERS_PER_UNIT - 1) / (1.08 if bold else 1.0)))


def row_height(lines: int, size: float = 12) -> float:
    """Points for ``lines`` lines of text of font ``size``, with a little room."""
    return round(LINE_PT * size / 12 * max(1, lines) + 3, 2)


# --- the header and the signatures ---------------------------------------------------------------

def halves(last_col: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """Columns 0..last_col cut in two, the right half the wider when they are odd in number."""
    split = (last_col + 1) // 2
    return (0, split - 1), (split, last_col)


# Times New Roman's advance widths (1/1000 em), as its metric twin Liberation Serif has them (fonts-liberation2's
# LiberationSerif-Regular.ttf and -Bold.ttf, hmtx over 2048 units, rounded: tests/font_metrics.py reads the font and
# checks this table), regular and bold: printable ASCII, the Vietnamese letters of their own (Ă Â Đ Ê Ô Ơ Ư), dashes,
# the ellipsis and curly quotes. A letter with a tone mark is as wide as its letter without (Ắ as Ă, ự as ư); the
# horned Ư and ư are wider than U and u. Anything else: the widest, so a line measured here never overflows.
_MEASURED = (" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
             "ĂÂĐÊÔƠƯăâđêôơư–—…“”‘’")
_WIDTHS = {
    False: dict(zip(_MEASURED, (
        250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, *(500,) * 10, 278, 278, 564,
        564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
        556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500,
        278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
        722, 722, 722, 611, 722, 722, 776, 444, 444, 500, 444, 500, 529, 542, 500, 1000, 1000, 444, 444, 333, 333))),
    True: dict(zip(_MEASURED, (
        250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, *(500,) * 10, 333, 333, 570,
        570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
        556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556,
        278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
        722, 722, 722, 667, 778, 778, 796, 500, 500, 556, 444, 500, 554, 600, 500, 1000, 1000, 500, 500, 333, 333))),
}
_WIDEST = 1000
_HORN = "\u031b"
# A cell's text is laid out in its width less a few points: measured with LibreOffice, 159 pt of Times New Roman 12
# hold on one line of a 26-unit merged cell (161 pt at CHAR_PT), 245 pt of 40 units (248 pt); a name is measured
# against the width less this, a line that fits here never wraps there.
CELL_PAD_PT = 8


def text_pt(text: str, *, size: float, bold: bool) -> float:
    """How wide ``text`` is in Times New Roman of ``size`` points, in points."""
    widths = _WIDTHS[bold]
    total = 0
    for ch in unicodedata.normalize("NFC", text):
        marks = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", marks[0] + _HORN) if _HORN in marks else marks[0]
        total += widths.get(base, widths.get(marks[0], _WIDEST))
    return total / 1000 * size


# A column of department names: as wide as its names need on one line, measured in Times (:func:`text_pt`),
# never narrower than the sheet's own width for it, never wider than this; a name too long for one line within it gets
# the narrowest width that holds it on two (never three): the table keeps its other columns' room.
NAME_COLUMN_CAP = 30


def pt_lines(text: str, room_pt: float, *, size: float = 12, bold: bool = False) -> int:
    """Lines ``text`` takes wrapped between its words in ``room_pt`` points of Times New Roman of ``size`` points (a
    word longer than the line counts the lines it is cut into)."""
    space = text_pt(" ", size=size, bold=bold)
    lines, used = 1, 0.0
    for word in text.split():
        width = text_pt(word, size=size, bold=bold)
        if used and used + space + width > room_pt:
            lines, used = lines + 1, 0.0
        if width > room_pt:
            lines += math.ceil(width / room_pt) - 1
            width %= room_pt
        used += (space if used else 0.0) + width
    return lines


def fitted_room(names, low: float, high: float, step: float, room: Callable[[float], float], *, size: float = 12,
                bold: bool = False) -> float:
    """The narrowest width from ``low`` to ``high`` (by ``step``) whose ``room`` (the points its text is laid out in)
    holds every one of ``names`` on one line, else on at most two; ``low`` when it does already, ``high`` when none
    does. Shared by the workbooks' columns (units) and the papers' (mm)."""
    found = [str(n) for n in set(names) if n]
    widths = [low, *(low + step * k for k in range(1, math.ceil((high - low) / step) + 1))]
    widths = [w for w in widths if w <= high] + ([high] if high > low else [])
    for most in (1, 2):
        for width in widths:
            if all(pt_lines(n, room(width), size=size, bold=bold) <= most for n in found):
                return width
    return max(low, high)


def name_width(base: float, names, cap: float = NAME_COLUMN_CAP, *, size: float = 12, bold: bool = False) -> float:
    """The width (column units) of a column holding ``names``: ``base`` when they each take one line in it, else the
    narrowest up to ``cap`` that holds them on one line, else on two (:func:`fitted_room`; measured in Times New Roman
    of ``size`` points, the cell's padding left)."""
    if cap <= base:
        return base
    return fitted_room(names, base, cap, 1, lambda width: width * CHAR_PT - CELL_PAD_PT, size=size, bold=bold)


def name_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text``, a name in capitals (the managing body, the school), in the lines it takes where ``fits`` says
    which lines hold, broken only between its groups (:data:`~thidua_xlsx.text.documents.HEADER_KIND_WORDS`): what
    the body is, then its place or proper name kept whole — "UBND" / "PHƯỜNG HÀ ĐÔNG", never "UBND PHƯỜNG HÀ" /
    "ĐÔNG" as a renderer breaking at the last space that fits would have it. No single word is left alone on a line
    above a group of two joined by a dash: the group is broken after its dash, the dash ending the line — "PHÒNG VĂN
    HÓA –" / "XÃ HỘI", not "PHÒNG" / "VĂN HÓA – XÃ HỘI" ("HỘI ĐỒNG" / "THI ĐUA – KHEN THƯỞNG" as it is) — unless the
    group is a place, which stays whole under its body ("UBND" / "TỈNH BÀ RỊA – VŨNG TÀU"). A place too long for one
    line is broken between its words."""
    words = text.split()

    def whole(group: list[str]) -> bool:
        return fits(" ".join(group))

    if whole(words):
        return [" ".join(words)]
    kind, name = _kind_words(words)
    parts = [name] if whole(name) else _places(name)  # the proper name, then each place after it
    if len(parts) > 2 and whole([w for part in parts[1:] for w in part]):  # its places together, where they fit
        parts = [parts[0], [w for part in parts[1:] for w in part]]
    tail: list[list[str]] = []
    for part in parts:
        tail += [part] if whole(part) else _place_broken(part, whole)
    lines: list[list[str]] = []
    for group in (*kind, *tail):
        if lines and whole(lines[-1] + group):
            lines[-1] += group
            continue
        before, after = _dash_halves(group)
        if lines and len(lines[-1]) == 1 and after and not _phrase(group, dw.HEADER_PLACE_WORDS) and \
                whole(lines[-1] + before):  # "PHÒNG" not alone; "UBND" / "TỈNH BÀ RỊA – VŨNG TÀU" as it is
            lines[-1] += before
            group = after
        lines.append(list(group))
    return [" ".join(line) for line in lines]


def _kind_words(words: list[str]) -> tuple[list[list[str]], list[str]]:
    """The groups of words saying what the body is ("UBND", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), and the words after them."""
    kind, name = [], words
    while name:
        n_kind, n_place = _phrase(name, dw.HEADER_KIND_WORDS), _phrase(name, dw.HEADER_PLACE_WORDS)
        if not n_kind or n_place >= n_kind:
            break
        kind.append(name[:n_kind])
        name = name[n_kind:]
    return kind, name


_DASHES = ("–", "-", "—")  # a dash between two words of a name: "VĂN HÓA – XÃ HỘI"


def _dash_halves(group: list[str]) -> tuple[list[str], list[str]]:
    """A group cut after a dash that stands between two of its words ("VĂN HÓA –", "XÃ HỘI"): the dash ends a line, as
    a printed name breaks; (the group, nothing) when it has none."""
    cut = next((k + 1 for k, word in enumerate(group[1:-1], start=1) if word in _DASHES), len(group))
    return group[:cut], group[cut:]


def _place_broken(part: list[str], whole: Callable[[list[str]], bool]) -> list[list[str]]:
    """A place too long for a line: the unit's word ("THÀNH PHỐ") alone, then the place kept whole if it fits,
    else word by word."""
    unit = _phrase(part, dw.HEADER_PLACE_WORDS)
    rest = part[unit:]
    return [*([part[:unit]] if unit else []), *([rest] if whole(rest) else ([w] for w in rest))]


def _places(words: list[str]) -> list[list[str]]:
    """``words`` (a name after its kind's words) cut before each place it carries: after a comma or a semicolon, and
    before a unit's word (:data:`~thidua_xlsx.text.documents.HEADER_PLACE_WORDS`) that does not open it — "NGUYỄN DU,
    XÃ TRÀNG ĐỊNH, TỈNH LẠNG SƠN" → "NGUYỄN DU,", "XÃ TRÀNG ĐỊNH,", "TỈNH LẠNG SƠN": each kept whole where it fits, so a
    place is never broken inside while it fits a line."""
    parts: list[list[str]] = []
    for k, word in enumerate(words):
        cut = k > 0 and (words[k - 1].endswith((",", ";")) or _phrase(words[k:], dw.HEADER_PLACE_WORDS) > 0)
        if cut or not parts:
            parts.append([])
        parts[-1].append(word)
    return parts


def _phrase(words: list[str], phrases: tuple[str, ...]) -> int:
    """How many of ``words`` the longest of ``phrases`` they start with takes (0: none)."""
    return max((len(p.split()) for p in phrases if words[:len(p.split())] == p.split()), default=0)


def header_rows(school, *, left_width: float, number: str = "", date: bool = False
                ) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """School (left) and national motto (right), Nghị định 30/2020: a (left, right) pair of (text, style) per row;
    a third row for the paper's number (left) or the place and date (right) when asked. The managing body and the
    school are each broken into the lines of the left half, ``left_width`` column width units, only between their
    groups (:func:`name_lines`): a row holds as many lines as its text has."""
    room = left_width * CHAR_PT - CELL_PAD_PT

    def lines(name: str, style: str) -> tuple[str, str]:
        bold = bool(PRINTED_STYLES[style].get("bold"))  # the names are in the base style's 12 points
        return "\n".join(name_lines(name.upper(), lambda line: text_pt(line, size=12, bold=bold) <= room)), style

    left = [lines(school.managing_body, "managing"), lines(school.name, "school"), (number, "number")]
    right = [(ly.MOTTO_1, "motto1"), (ly.MOTTO_2, "motto2"), (date_line(school) if date else "", "date")]
    used = 3 if (number or date) else 2
    return list(zip(left[:used], right[:used]))


def sign_block(c0: int, c1: int, roles: tuple[str, ...], note: str, name: str | None = None) -> SignBlock:
    """A signature block over columns c0..c1: the roles and the note; given a ``name``, room to sign
    and the name below it."""
    lines: list[tuple[str, str] | None] = [*((role, "sign_role") for role in roles), (note, "sign_note")]
    if name is not None:
        lines += [None] * ROOM_TO_SIGN + [(name, "sign_name")]
    return c0, c1, lines


def signature_cells(row: int, blocks: list[SignBlock], date: tuple[str, str] | None = None) -> tuple[list[Cell], int]:
    """Blocks side by side; ``date``, a (text, style), goes above the last block. Returns the cells —
    the date, then block by block, each top to bottom: sorted by row (a stable sort), they are in
    the order a row-by-row writer needs — and the next free row."""
    cells = []
    if date is not None:
        c0, c1 = blocks[-1][:2]
        cells.append((row, c0, c1, *date))
        row += 1
    for c0, c1, lines in blocks:
        cells += [(row + k, c0, c1, *line) for k, line in enumerate(lines) if line is not None]
    return cells, row + max(len(lines) for _, _, lines in blocks)


# --- page breaks ---------------------------------------------------------------------------------

MAX_PAGE_BREAKS = 1023  # manual breaks a sheet keeps (Excel's limit; xlsxwriter drops any further)


def page_room(widths: tuple[float, ...], landscape: bool) -> float:
    """Points of rows a printed page holds, estimated from the column widths (the sheet is fitted to the page width)
    and the paper, on the short side (see CHAR_PT)."""
    width_pt = (A4_LONG if landscape else A4_SHORT) - (MARGINS["left"] + MARGINS["right"]) * 72
    height_pt = (A4_SHORT if landscape else A4_LONG) - (MARGINS["top"] + MARGINS["bottom"]) * 72
    sheet_pt = sum(widths) * CHAR_PT
    return (height_pt - FOOTER_PT) / min(1.0, width_pt / sheet_pt) * PAGE_SAFETY


class Pages:
    """A sheet's printed pages filled row by row, in the order its rows are written: the rows before which a page
    ends (:attr:`breaks`). A row's height is taken from ``heights`` (a row left out: the default) and forgotten once
    the row is placed — a province's list of 72,000 is never held; ``header``: the points of the rows printed again at
    the top of every page. Once Excel's :data:`MAX_PAGE_BREAKS` are placed, the program ends the later pages."""

    def __init__(self, heights: dict[int, float], widths: tuple[float, ...], landscape: bool, header: float = 0.0):
        self.heights, self.room, self.header = heights, page_room(widths, landscape), header
        self.used, self.next_row = 0.0, 0
        self.breaks: list[int] = []

    def size(self, first: int, last: int) -> float:
        """Points of rows ``first``..``last``, none of them placed yet."""
        return sum(self.heights.get(r, DEFAULT_ROW_PT) for r in range(first, last + 1))

    def full(self, size: float) -> bool:
        """Whether ``size`` more points leave the page: a page already holding something, and a break still to place."""
        return self.used + size > self.room and self.used > self.header and len(self.breaks) < MAX_PAGE_BREAKS

    def new_page(self) -> None:
        """A page begun at the next row."""
        self.breaks.append(self.next_row)
        self.used = self.header

    def place(self, upto: int) -> None:
        """Every row above ``upto`` placed, each on the page it falls on (a page it would leave ends before it)."""
        while self.next_row < upto:
            self._add(self.heights.pop(self.next_row, DEFAULT_ROW_PT))

    def keep(self, row: int, size: float) -> None:
        """A block ``size`` points high from ``row`` (the rows above placed first) begun on a new page when it does
        not fit on this one but fits on one."""
        self.place(row)
        if self.full(size) and self.header + size <= self.room:
            self.new_page()

    def finish(self, blocks: Sequence[tuple[int, int, float]] = ()) -> list[int]:
        """The rest of the sheet placed, no block — (first row, last row, extra points) — cut across two pages (a
        block that fits nowhere whole is left as it falls); returns the breaks."""
        starts = {first: (last, extra) for first, last, extra in blocks}
        last_row = max([*self.heights, *(last for _, last, _ in blocks)], default=self.next_row - 1)
        for row in range(self.next_row, last_row + 1):
            last, extra = starts.get(row, (row, 0.0))
            if row in starts:
                self.keep(row, self.size(row, last) + extra)
            self._add(self.heights.pop(row, DEFAULT_ROW_PT) + extra)
        return self.breaks

    def _add(self, height: float) -> None:
        if self.full(height):  # a full page: broken here too, not left to the program
            self.new_page()
        self.used += height
        self.next_row += 1


def page_breaks(heights: dict[int, float], widths: tuple[float, ...], landscape: bool,
                blocks: list[tuple[int, int, float]], repeat: tuple[int, ...] = ()) -> list[int]:
    """Rows before which to break the page so that no block — (first row, last row, extra points such
    as a chart) — is cut across two printed pages: a signature with the end of its table, a title with
    its table's head, a chart. Pages are estimated from the row heights set (others at the default),
    the column widths (the sheet is fitted to the page width) and the paper (:class:`Pages`); a block that fits
    nowhere whole is left as it falls. ``repeat``: the rows printed again at the top of every page.

    Every page ends at a break placed here, full pages included: the estimate errs on the short side
    (see CHAR_PT), and a page the program filled further than estimated would move every later break."""
    header = sum(heights.get(r, DEFAULT_ROW_PT) for r in repeat)
    return Pages(dict(heights), widths, landscape, header).finish(blocks)
