"""What an .xlsx/.xlsm's style sheet says of an input cell: the format of a number (a percent?) and the font of a
text (TCVN3, VNI?), read with plain searches over the parts the containment step has already inflated, as the
formulas are (:mod:`.formulas`). calamine reads values only; openpyxl, loaded for this, cost a book ~0.1 s and its
import 0.35 s — for a note or a name typed in Latin-1 letters only ("Lê Hà"), common.

A cell's format is the ``s`` of its element (none: the workbook's first), an index into the style sheet's ``cellXfs``; a
format names its number format (``numFmtId``) and its font (``fontId``, an index into ``fonts``). What cannot be
found (no style sheet, one cut short, a cell the search does not find) is not known: the caller then reads the value
as calamine gave it."""

from __future__ import annotations

import functools
import io
import re
import zipfile
from html import unescape

from thidua_xlsx.read.package_parts import STYLES_PART

BUILTIN_PERCENT_FORMATS = {9, 10}  # "0%", "0.00%"
_LARGEST_STYLE_SHEET = 4 * 1024 * 1024  # read from the file only when the containment checks did not inflate it

_STYLE = re.compile(rb'\bs="(\d+)"')
_TYPE = re.compile(rb'\bt="([a-zA-Z]+)"')
_NUM_FMT = re.compile(rb'<numFmt\b[^>]*?\bnumFmtId="(\d+)"[^>]*?\bformatCode="([^"]*)"')
_XF = re.compile(rb"<xf\b([^>]*)>")
_NUM_FMT_ID = re.compile(rb'\bnumFmtId="(\d+)"')
_FONT_ID = re.compile(rb'\bfontId="(\d+)"')
_FONT = re.compile(rb"<font\b[^>]*?(?:/>|>(.*?)</font>)", re.S)
_FONT_NAME = re.compile(rb'<name\b[^>]*?\bval="([^"]*)"')


def style_sheet(data: bytes, parts: dict[str, bytes]) -> bytes | None:
    """The workbook's style sheet (``parts``: as the containment checks inflated it, else read from ``data``);
    None when it has none or one too large to look at."""
    styles = parts.get(STYLES_PART)
    if styles is None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if STYLES_PART not in zf.namelist() or zf.getinfo(STYLES_PART).file_size > _LARGEST_STYLE_SHEET:
                return None
            styles = zf.read(STYLES_PART)
    return styles


def cell_start(xml: bytes, address: str) -> bytes | None:
    """The attributes of the start tag of the cell at ``address`` ("E12") in one sheet's XML; None when it has no
    element (never written: it holds nothing)."""
    at = xml.find(b' r="%s"' % address.encode())
    start = xml.rfind(b"<c ", 0, at + 1) if at != -1 else -1
    end = xml.find(b">", start) if start != -1 else -1
    return xml[start + 2:end] if start != -1 and start < at < end else None


def cell_format(attributes: bytes) -> int | None:
    """The cell format a cell's start tag (:func:`cell_start`) names: its ``s``; None when it names none (the
    workbook's first format applies)."""
    style = _STYLE.search(attributes)
    return int(style.group(1)) if style else None


def is_number(attributes: bytes) -> bool:
    """Whether a cell's start tag says its value is a number (``t="n"``, or no type)."""
    kind = _TYPE.search(attributes)
    return kind is None or kind.group(1) == b"n"


_REMEMBERED = 256  # style sheets of each kind remembered in a process: a campaign's workbooks share one


@functools.lru_cache(maxsize=_REMEMBERED)
def percent_formats(styles: bytes) -> frozenset[int]:
    """The cell formats (indexes into cellXfs) that show a number as a percent."""
    percent = set(BUILTIN_PERCENT_FORMATS)
    for number, code in _NUM_FMT.findall(styles):
        if "%" in re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", unescape(code.decode("utf-8", "replace"))):
            percent.add(int(number))
    return frozenset(index for index, xf in enumerate(_cell_formats(styles))
                     if (format_id := _NUM_FMT_ID.search(xf)) and int(format_id.group(1)) in percent)


@functools.lru_cache(maxsize=_REMEMBERED)
def format_fonts(styles: bytes) -> tuple[str, ...]:
    """The name of each cell format's font, by the format's index ("" where the font has no name or is not
    listed)."""
    start, end = styles.find(b"<fonts"), styles.find(b"</fonts>")
    fonts = []
    for font in _FONT.finditer(styles, start, end) if 0 <= start < end else ():
        name = _FONT_NAME.search(font.group(1) or b"")
        fonts.append(unescape(name.group(1).decode("utf-8", "replace")) if name else "")
    names = []
    for xf in _cell_formats(styles):
        font_id = _FONT_ID.search(xf)
        index = int(font_id.group(1)) if font_id else 0
        names.append(fonts[index] if index < len(fonts) else "")
    return tuple(names)


def _cell_formats(styles: bytes) -> list[bytes]:
    """The attributes of each cell format of the style sheet's cellXfs, in order ([] when it has none)."""
    start, end = styles.find(b"<cellXfs"), styles.find(b"</cellXfs>")
    return _XF.findall(styles, start, end) if 0 <= start < end else []
