"""The building blocks of every paper, in Nghị định 30/2020 form: the page, the national header, paragraphs,
dotted lines to write on, bordered tables, signature blocks (:class:`Paper`)."""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Mm, Pt

from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.papers.docx_xml import (
    alignment,
    cant_split,
    cell_frame,
    draft_mark,
    drop_template_extras,
    keep_styles,
    page_numbers,
    qn,
    repeat_as_header,
    rule_format,
    run,
    size_mark,
)
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text.decisions import DRAFT_HEAD, DRAFT_LINE
from thidua_xlsx.text.releases import VERSION
from thidua_xlsx.text.wording import date_line
from thidua_xlsx.write.engine import FONT, fitted_room, name_lines, text_pt

# Nghị định 30/2020, Phụ lục I: A4; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT, TABLE_PT, HEADER_PT, TITLE_PT = 13, 12, 12, 14
RECEIVERS_HEAD_PT, RECEIVERS_PT = 12, 11
SIGN_SPACE_LINES = 4  # blank lines left to sign in
# The national motto's column: wide enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in bold 12 on one line even
# where Times New Roman is missing and LibreOffice falls back on a wider serif (DejaVu Serif); the school's
# block takes the rest of the line (57 mm upright: "UBND PHƯỜNG HÀ ĐÔNG" on one line; a longer name is broken
# between its groups, :func:`header_lines`, the column widened for a name of three lines or more up to what the motto
# needs in Times: :func:`header_layout`).
HEADER_RIGHT_MM = {False: 108, True: 140}  # portrait, landscape (the motto: 88.3 mm in Times, 103.4 mm in DejaVu)
CELL_MARGINS_MM = 3.8  # a table cell's own margins, left and right (python-docx's template: 1.9 mm each)


@dataclass(frozen=True)
class Sign:
    roles: tuple[str, ...]
    note: str
    name: str
    extra: str = ""  # a second name line (a board's members)


@dataclass(frozen=True)
class Receivers:
    head: str
    lines: tuple[str, ...]


def numbered(rows: list[list[str]]) -> list[list[str]]:
    return [[str(n), *row] for n, row in enumerate(rows, start=1)]


class Issuer(Protocol):
    """What a paper's header and properties read of who issues it: a school's :class:`Facts`, or the office
    above (commune.papers)."""

    @property
    def school(self) -> cm.School: ...

    @property
    def created(self) -> dt.datetime: ...

    @property
    def draft(self) -> str: ...  # what keeps the year a draft, in words ("": the papers are final)


class Paper:
    """One document: A4, Nghị định 30/2020 margins, Times New Roman, built paragraph by paragraph."""

    def __init__(self, s: Issuer, name: str, heading: str, *, landscape: bool = False, number: str = "",
                 date: bool = True, council: bool = False):
        """A paper called ``name`` (its properties), opened with the header block and its ``heading``."""
        self.s = s
        self.doc = doc = docx.Document(io.BytesIO(_template()))
        section = doc.sections[0]
        width, height = PAGE_MM
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        section.header_distance = section.footer_distance = Mm(10)
        self.landscape = landscape
        self.width_mm = (height if landscape else width) - MARGINS_MM["left"] - MARGINS_MM["right"]
        props = doc.core_properties
        props.title, props.subject = name, s.school.name
        props.author = props.last_modified_by = ly.APP_ID
        props.comments, props.keywords, props.category = ly.written_by(), "", ""
        props.version = VERSION  # the release that wrote it (docs/compatibility.md)
        props.language = "vi-VN"
        props.revision = 1
        created = s.created.replace(microsecond=0)
        props.created = props.modified = created
        page_numbers(section)
        if s.draft:  # a year still running: every page says so, in the top margin (the body keeps its pages)
            draft_mark(section, DRAFT_HEAD, DRAFT_LINE.format(periods=s.draft))
        self._header(number=number, date=date, council=council)
        self.centered(heading, bold=True, size=TITLE_PT, space_before=18)

    # --- blocks ---

    def _header(self, *, number: str, date: bool, council: bool) -> None:
        """The managing body and the school (left), the national motto (right); then the number (left)
        and the date line (right). A borderless table, as Word documents of schools have it."""
        school = self.s.school
        top = (dw.BALLOT_COUNCIL if council else school.managing_body).upper()
        dated = date_line(self.s.school) if date else ""
        left, size = header_layout(top, school.name.upper(), self.width_mm, self.landscape, dated)
        rows = 2 if (number or date) else 1
        table = grid(self.doc, rows, (left, self.width_mm - left))
        cell_l, cell_r = table.rows[0].cells
        room = left - CELL_MARGINS_MM - 0.5  # half a millimetre to spare: the renderer's rounding
        cell_text(cell_l, "\n".join(header_lines(top, room, size=HEADER_PT, bold=False)), size=HEADER_PT, first=True)
        cell_text(cell_l, "\n".join(header_lines(school.name.upper(), room, size=size, bold=True)),
                  size=size, bold=True)
        _header_rule(cell_l, left, left / 3)
        cell_text(cell_r, ly.MOTTO_1, size=HEADER_PT, bold=True, first=True)
        cell_text(cell_r, ly.MOTTO_2, size=HEADER_PT + 1, bold=True)
        _header_rule(cell_r, self.width_mm - left, 62)
        if rows == 2:
            cell_l, cell_r = table.rows[1].cells
            cell_text(cell_l, number, size=BODY_PT, first=True, space_before=6)
            p = cell_text(cell_r, dated, size=BODY_PT, italic=True, first=True, space_before=6)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def centered(self, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
                 space_before: float = 0, space_after: float = 0):
        return self.para(text, bold=bold, italic=italic, size=size, indent=False, align="center",
                         space_before=space_before, space_after=space_after)

    def para(self, text: str, *, bold: bool = False, italic: bool = False, size: float = BODY_PT,
             indent: bool = True, align: str = "justify", space_before: float = 0, space_after: float = 6,
             keep: bool | None = None):
        """A paragraph of text; a bold one (a heading) is kept with what follows unless ``keep`` says no."""
        p = self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = alignment(align)
        fmt.space_before, fmt.space_after = Pt(space_before), Pt(space_after)
        if indent:
            fmt.first_line_indent = Cm(1)
        if keep or (keep is None and bold and text):
            fmt.keep_with_next = True
        if text:
            run(p, text, size=size, bold=bold, italic=italic)
        return p

    def dotted(self, label: str, *, lines: int = 1, space_before: float = 0) -> None:
        """``label`` then a dotted line to the right margin, and ``lines - 1`` more dotted lines: room to write."""
        for k in range(lines):
            p = self.doc.add_paragraph()
            fmt = p.paragraph_format
            fmt.space_before = Pt(space_before if k == 0 else 0)
            fmt.space_after = Pt(6)
            fmt.tab_stops.add_tab_stop(Mm(self.width_mm) - 1, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            text = f"{label} \t" if label and k == 0 else "\t"
            run(p, text, size=BODY_PT)

    def pair(self, first: str, second: str, *, blank_first: bool, blank_second: bool) -> None:
        """Two fields on one line ("Sinh ngày …   Giới tính: …"), dotted where blank."""
        p = self.doc.add_paragraph()
        p.paragraph_format.space_after = Pt(6)
        stops = p.paragraph_format.tab_stops
        middle = Mm(self.width_mm * 0.62)
        stops.add_tab_stop(middle, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS if blank_first else WD_TAB_LEADER.SPACES)
        stops.add_tab_stop(Mm(self.width_mm) - 1, WD_TAB_ALIGNMENT.RIGHT,
                           WD_TAB_LEADER.DOTS if blank_second else WD_TAB_LEADER.SPACES)
        run(p, f"{first}\t{second} \t", size=BODY_PT)

    def table(self, heads, rows, widths_mm, *, aligns: str, size: float = TABLE_PT, keep_end: bool = False,
              row_height_mm: float | None = None, blank_height_mm: float | None = None):
        """A bordered table, its header row repeated on every page, no row split across pages.
        ``keep_end``: the last rows stay with what follows (the signature block)."""
        widths_mm = _fit(widths_mm, self.width_mm)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(heads))
        fill_table(self.doc, table, [heads, *rows], widths_mm, aligns=aligns, size=size, header=True,
                   row_height_mm=row_height_mm, blank_height_mm=blank_height_mm)
        if keep_end:
            for row in table.rows[-2:]:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        return table

    def list_table(self, heads, rows, widths_mm, *, aligns: str, total: str, left: Sign, right: Sign) -> None:
        """The table of a Danh sách, ended by one row that is never split across pages and holds the
        list's last line, its total and the signatures: the signatures always stand on the page where
        the list ends, in Word and in LibreOffice alike. (LibreOffice keeps a table with the paragraph
        after it only while the table has not yet run onto a second page: "keep with next" on the last
        rows is not enough for a list of more than a page.)"""
        widths_mm = _fit(widths_mm, self.width_mm)
        table = self.doc.add_table(rows=len(rows), cols=len(heads))  # header and all but the last line
        fill_table(self.doc, table, [heads, *rows[:-1]], widths_mm, aligns=aligns, size=TABLE_PT, header=True)
        end = table.add_row()
        cant_split(end)
        cell = end.cells[0].merge(end.cells[-1])
        cell_frame(cell)
        last = cell.add_table(1, len(heads))
        fill_table(self.doc, last, [rows[-1]], widths_mm, aligns=aligns, size=TABLE_PT, header=False)
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)  # the empty paragraph a new cell starts with
        note = cell.paragraphs[-1]  # the paragraph python-docx put after the nested table
        note.paragraph_format.space_before = note.paragraph_format.space_after = Mm(2)
        run(note, total, size=BODY_PT, italic=True)
        signs = cell.add_table(1, 2)
        for col in signs.columns:
            col.width = Mm(self.width_mm / 2)
        for sign_cell in signs.rows[0].cells:
            sign_cell.width = Mm(self.width_mm / 2)
        sign_blocks(signs.rows[0].cells, (left, right), (self.width_mm / 2,) * 2)

    def signatures(self, left, right: Sign, *, shares: tuple[float, float] = (0.5, 0.5), keep: bool = False
                   ) -> None:
        """Two blocks side by side (a borderless table): the left one a signature or "Nơi nhận", the right
        one the signature that binds. ``keep``: kept on one page with what precedes it."""
        spacer = self.para("", space_after=0, keep=keep)
        spacer.paragraph_format.first_line_indent = None
        widths_mm = tuple(self.width_mm * share for share in shares)
        table = grid(self.doc, 1, widths_mm)
        cell_l, cell_r = table.rows[0].cells
        cant_split(table.rows[0])
        if isinstance(left, Sign):
            sign_blocks((cell_l, cell_r), (left, right), widths_mm)
        if isinstance(left, Receivers):
            sign_blocks((cell_r,), (right,), widths_mm[1:])
            cell_text(cell_l, left.head, size=RECEIVERS_HEAD_PT, bold=True, italic=True, first=True, align="left")
            for line in left.lines:
                cell_text(cell_l, line, size=RECEIVERS_PT, align="left")
        if keep:
            for cell in (cell_l, cell_r):
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
                    p.paragraph_format.keep_together = True

    def name_widths(self, widths_mm, col: int, names) -> tuple[float, ...]:
        """``widths_mm`` with column ``col`` (of department names) as wide as its longest name needs on one line
        (:func:`name_column`, up to :data:`NAME_COLUMN_MM` of the page's way)."""
        return name_column(widths_mm, col, names, self.width_mm, cap_mm=NAME_COLUMN_MM[self.landscape])

    def rule_paragraph(self, length_mm: float) -> None:
        """A short centred rule under a document's subject line (Nghị định 30/2020)."""
        p = self.doc.add_paragraph()
        rule_format(p, (self.width_mm - length_mm) / 2)

    def save(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        self.doc.save(str(tmp))
        os.replace(tmp, path)


@functools.cache
def _template() -> bytes:
    """python-docx's template as every paper starts from it, made once a process: its extras dropped, only the styles
    the papers use (:func:`~thidua_xlsx.papers.docx_xml.keep_styles`), the body in Times New Roman 13 pt, single
    spaced, no space around paragraphs."""
    doc = docx.Document()
    drop_template_extras(doc)
    keep_styles(doc, PAPER_STYLES)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    made = io.BytesIO()
    doc.save(made)
    return made.getvalue()


# The styles the papers name: the tables' grid, and the page header's paragraphs (python-docx's own header part).
PAPER_STYLES = ("Normal", "TableGrid", "Header")


# --- pieces ---

def grid(doc, rows: int, widths_mm: tuple[float, ...]):
    """A borderless table of fixed column widths, centred (the header block, the signature blocks)."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))  # no style: no borders
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    return table


def fill_table(doc, table, rows, widths_mm, *, aligns: str, size: float, header: bool,
               row_height_mm: float | None = None, blank_height_mm: float | None = None) -> None:
    """Borders, widths and text of a table's rows; the first is the header row when ``header``."""
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)
    for r, (row, values) in enumerate(zip(table.rows, rows)):
        head = header and r == 0
        cant_split(row)
        if head:
            repeat_as_header(row)
        height = None if head else row_height_mm
        if not head and blank_height_mm and not any(values):
            height = blank_height_mm
        if height:
            row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
        for c, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = Mm(widths_mm[c])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            p.paragraph_format.alignment = alignment("center" if head else
                                                     {"c": "center", "r": "right"}.get(aligns[c], "left"))
            if value:
                run(p, value, size=size, bold=head)
            else:
                size_mark(p, size)


def cell_text(cell, text: str, *, size: float, bold: bool = False, italic: bool = False, first: bool = False,
              align: str = "center", space_before: float = 0):
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.paragraph_format.alignment = alignment(align)
    p.paragraph_format.space_before = Pt(space_before)
    if text:
        run(p, text, size=size, bold=bold, italic=italic)
    else:
        size_mark(p, size)
    return p


def sign_blocks(cells, signs: tuple[Sign, ...], widths_mm: tuple[float, ...]) -> None:
    """Signature blocks side by side, one a cell of ``widths_mm``: each title in the lines it takes in its column
    (:func:`role_lines`), a shorter one given the difference as more room to sign, so every block's name — or dotted
    line to write it on — stands on the same line as the others'."""
    titles = [[line for role in sign.roles for line in role_lines(role, width)]
              for sign, width in zip(signs, widths_mm)]
    tallest = max(map(len, titles))
    for cell, sign, title in zip(cells, signs, titles):
        sign_block(cell, sign, title, SIGN_SPACE_LINES + tallest - len(title))


def sign_block(cell, sign: Sign, title: list[str], space_lines: int) -> None:
    """The title's lines, the note, ``space_lines`` of room to sign and the name, centred in ``cell``."""
    for k, line in enumerate(title):
        cell_text(cell, line, size=BODY_PT, bold=True, first=k == 0)
    cell_text(cell, sign.note, size=BODY_PT, italic=True)
    for _ in range(space_lines):
        cell_text(cell, "", size=BODY_PT)
    cell_text(cell, sign.name or dw.SIGN_BLANK_NAME, size=BODY_PT, bold=True)
    if sign.extra:
        for _ in range(2):
            cell_text(cell, "", size=BODY_PT)
        cell_text(cell, sign.extra, size=BODY_PT, bold=True)


def role_lines(role: str, width_mm: float) -> list[str]:
    """A signer's title (bold capitals) in the lines it takes in a cell ``width_mm`` wide: one where it fits, else the
    fewest lines of even length — "CÁC THÀNH VIÊN" / "BAN KIỂM PHIẾU", never a last word alone as a renderer's
    wrap leaves it ("CÁC THÀNH VIÊN BAN KIỂM" / "PHIẾU"). Written as lines, every renderer breaks it alike."""
    words = role.split()
    room = width_mm - CELL_MARGINS_MM - 0.5  # half a millimetre to spare: the renderer's rounding

    def widest(lines: list[list[str]]) -> float:
        return max(text_pt(" ".join(line), size=BODY_PT, bold=True) for line in lines) * 25.4 / 72

    for count in range(1, len(words) + 1):
        evenest = min(([words[a:b] for a, b in itertools.pairwise((0, *cuts, len(words)))]
                       for cuts in itertools.combinations(range(1, len(words)), count - 1)), key=widest)
        if widest(evenest) <= room:
            return [" ".join(line) for line in evenest]
    return words or [role]  # a word a line where even that does not fit; an empty title as it is


def _header_rule(cell, cell_mm: float, length_mm: float) -> None:
    p = cell.add_paragraph()
    rule_format(p, max(0.0, (cell_mm - CELL_MARGINS_MM - length_mm) / 2))


def header_lines(text: str, width_mm: float, *, size: float, bold: bool) -> list[str]:
    """``text``, a name in capitals (the managing body, the school), in the lines it takes in ``width_mm``, broken
    only between its groups (:func:`~thidua_xlsx.write.engine.name_lines`, as the workbooks' headers are)."""
    return name_lines(text, lambda line: text_pt(line, size=size, bold=bold) * 25.4 / 72 <= width_mm)


# A table's column of department names: as wide as its longest name on one line, up to this (upright,
# landscape): a longer name takes two lines, never three, and the other columns keep their room.
NAME_COLUMN_MM = {False: 58, True: 62}


def name_column(widths_mm, col: int, names, total_mm: float, *, cap_mm: float, size: float = TABLE_PT
                ) -> tuple[float, ...]:
    """``widths_mm`` (in proportion, as :meth:`Paper.table` scales them to ``total_mm``) with column ``col`` as wide
    as ``names`` need in Times New Roman of ``size`` points with the cell's margins — one line each, else two — up to
    ``cap_mm`` (:func:`~thidua_xlsx.write.engine.fitted_room`); the other columns share the rest in their proportions.
    As given when the column holds them already."""
    fitted = _fit(widths_mm, total_mm)
    want = fitted_room(names, fitted[col], max(fitted[col], cap_mm), 1,
                       lambda mm: (mm - CELL_MARGINS_MM - 1) * 72 / 25.4, size=size)
    if want <= fitted[col]:
        return tuple(widths_mm)
    rest = (total_mm - want) / (total_mm - fitted[col])
    return tuple(want if k == col else w * rest for k, w in enumerate(fitted))


# The school's name in the header: at most this many lines at the header's size, the left column widened
# for it (the motto's column keeps what the motto and the date line need in Times: MOTTO_ROOM_MM), else
# HEADER_MOST_LINES + 1 lines, else a size smaller (never below HEADER_SMALLEST_PT): a long name printed as a school
# prints it, broken between words only. Nghị định 30/2020 gives the names 12–13 points; 11 only where three lines
# of 12 cannot hold a name.
HEADER_MOST_LINES = 2
HEADER_SMALLEST_PT = 11
MOTTO_ROOM_MM = CELL_MARGINS_MM + 1  # beside the motto's (or the date line's) own width: a millimetre to spare


def header_layout(top: str, school: str, width_mm: float, landscape: bool, dated: str = "") -> tuple[float, float]:
    """(the left column's width in mm, the school's name's size in points) of a paper's header: the usual column when
    the managing body ``top`` and the ``school`` (capitals) each take at most :data:`HEADER_MOST_LINES` lines in it;
    else the narrowest wider column (millimetre by millimetre, up to what the motto and the date line ``dated`` leave
    beside them) where they do; else three lines in the widest, at the header's size, then at a size smaller."""
    usual = width_mm - HEADER_RIGHT_MM[landscape]
    right = max(text_pt(ly.MOTTO_1, size=HEADER_PT, bold=True),
                text_pt(ly.MOTTO_2, size=HEADER_PT + 1, bold=True),
                text_pt(dated, size=BODY_PT, bold=False)) * 25.4 / 72 + MOTTO_ROOM_MM
    widest = max(usual, width_mm - right)
    candidates = [usual, *range(math.ceil(usual), math.floor(widest) + 1)]

    def lines(text: str, left: float, size: float, bold: bool) -> int:
        return len(header_lines(text, left - CELL_MARGINS_MM - 0.5, size=size, bold=bold))

    for most, sizes in ((HEADER_MOST_LINES, (HEADER_PT,)),
                        (HEADER_MOST_LINES + 1, tuple(range(HEADER_PT, HEADER_SMALLEST_PT - 1, -1)))):
        for size in sizes:
            for left in candidates:
                if lines(top, left, HEADER_PT, False) <= most and lines(school, left, size, True) <= most:
                    return left, size
    return widest, HEADER_SMALLEST_PT


def _fit(widths_mm, total_mm: float) -> tuple[float, ...]:
    scale = total_mm / sum(widths_mm)
    return tuple(w * scale for w in widths_mm)
