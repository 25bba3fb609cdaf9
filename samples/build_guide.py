"""Rebuild the secretary's guide, samples/huong-dan-thu-ky.pdf, from the shipped sample year.

    python samples/build_guide.py            (needs LibreOffice and poppler-utils: soffice, pdftoppm, pdftotext)

A short guide for the thư ký Hội đồng thi đua – khen thưởng, apart from the developers' README: one page per round,
the commands she really types (PowerShell on Windows), a picture of the real sheet or paper each round gives, what
to check. Every picture is rendered from the files in samples/ (run ``python samples/build_samples.py`` first when
the sample changes), so the guide shows what the tool writes today:

1. each workbook is printed to PDF by LibreOffice as it is (its own print setup: the page Excel would print), or,
   for the secretary's own books (campaign.xlsx, the council's copy of the summary), from a private copy with only
   the sheet shown, some columns hidden and the row and column headings printed, as they look on screen;
2. the page is found by a text it shows, rendered with ``pdftoppm``, cut to a region and trimmed to its content,
   and stored as a small palette PNG in samples/huong-dan/ (this script quantises; no imaging library needed);
3. the text of ``status --nhac`` is the real command's output on samples/inbox, on a fixed day after the deadline;
4. the guide is written with python-docx (Times New Roman, A4, one round a page) in a temporary folder, converted
   to PDF by LibreOffice, and checked: one page per round, each page its own heading, every command on one line,
   the fonts Times New Roman or its metric twin Liberation Serif (and the monospaced twin of Courier New);
5. samples/huong-dan/manifest.json records, for each picture, the SHA-256 of the sample files it was rendered
   from (and of the picture, the PDF, this script): tests/house/test_guide.py fails when they drift apart.
   samples/huong-dan/huong-dan-thu-ky.md is the guide's text with its pictures, for reading a change as a diff.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import warnings
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from thidua_xlsx.system.office import convert  # noqa: E402

GUIDE_DIR = HERE / "huong-dan"
PDF = HERE / "huong-dan-thu-ky.pdf"
MANIFEST = GUIDE_DIR / "manifest.json"
TEXT = GUIDE_DIR / "huong-dan-thu-ky.md"
STATUS_DAY = dt.date(2026, 5, 22)  # two days after the sample's scoring deadline (20/05/2026)
FONT = "Times New Roman"
MONO = "Courier New"
ALLOWED_FONTS = ("TimesNewRoman", "LiberationSerif", "CourierNew", "LiberationMono")


# --- the pictures -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetView:
    """A private copy of a workbook showing one sheet as on screen: its print area, columns hidden, headings."""
    sheet: str
    area: str
    hidden_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Picture:
    name: str                          # the PNG in samples/huong-dan/
    source: str                        # the sample file, relative to samples/
    marker: str                        # a text the page shows (the first page that shows it is rendered)
    region: tuple[float, float, float, float] = (0, 0, 1, 1)   # left, top, right, bottom: fractions of the page
    dpi: int = 100
    view: SheetView | None = None
    caption: str = ""
    box: tuple[int, int, int, int] | None = None  # a screenshot (a .png source): the pixels kept, header cut off


PICTURES = (
    Picture("1-truong.png", "campaign.xlsx", "Mã chiến dịch",
            view=SheetView("Trường", "A1:C21"),
            caption="campaign.xlsx, sheet Trường (bộ mẫu: Trường Tiểu học Trực Cường)"),
    Picture("1-nhan-su.png", "campaign.xlsx", "Xếp loại viên chức",
            view=SheetView("Nhân sự", "A1:N12", ("C", "D", "H", "I", "L", "M")),
            caption="campaign.xlsx, sheet Nhân sự (mười dòng đầu, một số cột)"),
    Picture("2-dang-ky.png", "outbox/dang-ky/2025-2026_dang-ky_To-khoi-1.xlsx", "DANH SÁCH ĐĂNG KÝ THI ĐUA CÁ NHÂN",
            region=(0, 0, 1, 0.72),
            caption="outbox/dang-ky/2025-2026_dang-ky_To-khoi-1.xlsx, sheet Đăng ký cá nhân (khi in)"),
    Picture("3-dang-ky-gui-ve.png", "inbox-dang-ky/2025-2026_dang-ky_To-khoi-1.xlsx",
            "DANH SÁCH ĐĂNG KÝ THI ĐUA CÁ NHÂN", region=(0, 0, 1, 0.72),
            caption="inbox-dang-ky/2025-2026_dang-ky_To-khoi-1.xlsx: sổ Tổ khối 1 gửi về, đã điền"),
    Picture("3-tong-hop-dang-ky.png", "tong-hop_dang-ky.xlsx", "BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA",
            region=(0, 0, 1, 0.72), caption="tong-hop_dang-ky.xlsx, sheet Tổng hợp"),
    Picture("4-phieu-cham-diem.png", "outbox/cham-diem/2025-2026_cham-diem_To-khoi-1.xlsx",
            "PHIẾU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA", region=(0, 0, 1, 0.40),
            caption="outbox/cham-diem/2025-2026_cham-diem_To-khoi-1.xlsx, phiếu của một người (đầu trang)"),
    Picture("5-tong-hop-to.png", "inbox/2025-2026_cham-diem_To-khoi-4-5.xlsx", "BẢNG TỔNG HỢP ĐIỂM THI ĐUA CỦA TỔ",
            region=(0, 0, 1, 0.72),
            caption="inbox/2025-2026_cham-diem_To-khoi-4-5.xlsx, sheet Tổng hợp tổ: sổ gửi về còn ô trống"),
    Picture("6-tong-hop.png", "tong-hop.xlsx", "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA", region=(0, 0, 1, 0.72),
            caption="tong-hop.xlsx, sheet Tổng hợp"),
    Picture("6-kiem-tra.png", "tong-hop.xlsx", "CÁC VẤN ĐỀ TÌM THẤY TRONG CÁC TỆP", region=(0, 0, 1, 0.52),
            caption="tong-hop.xlsx, sheet Kiểm tra (đầu trang)"),
    Picture("7-hoi-dong.png", "hoi-dong.xlsx", "Quyết định Hội",
            view=SheetView("Điểm chi tiết", "A4:AA14", tuple("EFGHIJKLMNOPQRS")),
            caption="hoi-dong.xlsx, sheet Điểm chi tiết: các cột nền vàng do Hội đồng ghi"),
    Picture("7-to-trinh.png", "ho-so/01_To-trinh.pdf", "TỜ TRÌNH", region=(0, 0, 1, 0.56), dpi=85,
            caption="ho-so/01_To-trinh.pdf"),
    Picture("7-bien-ban.png", "ho-so/02_Bien-ban-hop-binh-xet.pdf", "BIÊN BẢN", region=(0, 0, 1, 0.56), dpi=85,
            caption="ho-so/02_Bien-ban-hop-binh-xet.pdf"),
    Picture("8-danh-sach.png", "ho-so/Chien-si-thi-dua-co-so/04_Danh-sach_Chien-si-thi-dua-co-so.pdf",
            "DANH SÁCH", region=(0, 0, 1, 0.80),
            caption="ho-so/Chien-si-thi-dua-co-so/04_Danh-sach_Chien-si-thi-dua-co-so.pdf"),
    Picture("9-ky.png", "ca-nam/ky/tong-hop_thang-10.xlsx", "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ THÁNG 10/2026",
            region=(0, 0, 1, 0.75), caption="ca-nam/ky/tong-hop_thang-10.xlsx, sheet Tổng hợp của kỳ"),
    Picture("10-nhan-su.png", "ca-nam/campaign.xlsx", "Nghỉ dài ngày",
            view=SheetView("Nhân sự", "A1:R8", ("C", "D", "F", "H", "I", "J", "L", "O")),
            caption="ca-nam/campaign.xlsx, sheet Nhân sự: các cột nghỉ dài ngày, kỳ nghỉ, kỷ luật (NV004 nghỉ thai "
                    "sản)"),
    Picture("10-ca-nam.png", "ca-nam/tong-hop_ca-nam.xlsx", "ĐIỂM CÁC KỲ VÀ XẾP LOẠI CHẤT LƯỢNG VIÊN CHỨC",
            region=(0, 0, 0.62, 0.5), dpi=150,
            caption="ca-nam/tong-hop_ca-nam.xlsx, sheet Xếp loại năm (phần bên trái): điểm từng kỳ, số kỳ có điểm, "
                    "điểm năm, xếp loại"),
)
# The page's pictures are the browser tests' real screenshots (tests/ui/test_browser.py, copied to
# samples/huong-dan/trang/ with THIDUA_UI_SHOTS): cut to the page's content, its blue header line left out (it shows
# the test's temporary folder, not the secretary's).
SCREENSHOTS = (
    Picture("0-trang-bat-dau.png", "huong-dan/trang/ui-0-bat-dau.png", "", box=(10, 52, 818, 650),
            caption="Trang thi đua mở trên thư mục chưa có chiến dịch: cấp học và cách chấm điểm (ảnh chụp trang "
                    "thật)"),
    Picture("9-trang-nam-hoc.png", "huong-dan/trang/ui-1-nam-hoc.png", "", box=(49, 50, 1303, 582),
            caption="Trang chính: trường, năm học, các vòng trong năm (ảnh chụp trang thật, bộ mẫu)"),
    Picture("9-trang-vong.png", "huong-dan/trang/ui-2-vong-cham-diem.png", "", box=(49, 50, 1303, 589),
            caption="Trang của vòng Chấm điểm thi đua: ô kéo thả sổ, sau khi thả bốn tệp"),
    Picture("9-trang-ket-qua.png", "huong-dan/trang/ui-3-ket-qua.png", "", box=(49, 266, 1303, 590),
            caption="Kết quả sau khi bấm Tổng hợp (phần dưới): số liệu, tổ chưa gửi, từng người theo hạng, lý do"),
    Picture("11-trang-ca-nam.png", "huong-dan/trang/ui-6-ca-nam.png", "", box=(49, 50, 1303, 460),
            caption="Trang của cả năm (bộ mẫu ca-nam): các kỳ, hiệu trưởng đã chấm, Tổng hợp cả năm, Hội đồng, hồ sơ"),
    Picture("11-trang-ca-nam-ket-qua.png", "huong-dan/trang/ui-7-ca-nam-ket-qua.png", "", box=(49, 50, 1303, 712),
            caption="Sau khi bấm Tổng hợp cả năm (phần đầu): số tệp cộng lại đủ, số đề nghị, từng người và lý do"),
)
STATUS_SOURCES = ("campaign.xlsx", "inbox")  # what status --nhac reads (and so-da-phat/, rebuilt with them)


def render_pictures(work: Path) -> dict[str, dict]:
    """Every picture of PICTURES into GUIDE_DIR; returns name → its manifest entry."""
    pdfs: dict[tuple, Path] = {}
    entries = {}
    for picture in PICTURES:
        source = HERE / picture.source
        key = (picture.source, picture.view)
        if key not in pdfs:
            pdfs[key] = _printed(source, picture.view, work / f"pdf{len(pdfs)}")
        pdf = pdfs[key]
        page = _page_showing(pdf, picture.marker)
        width, height, rgb = _rendered(pdf, page, picture.dpi, work)
        box = _content_box(rgb, width, height, picture.region)
        png = GUIDE_DIR / picture.name
        _write_palette_png(png, *_cropped(rgb, width, box))
        entries[picture.name] = {"sources": {picture.source: _sha256(source)}, "page": page,
                                 "sha256": _sha256(png), "caption": picture.caption}
        print(f"  {png.relative_to(ROOT)}: {picture.source}, trang {page}, {png.stat().st_size // 1024} KB")
    for picture in SCREENSHOTS:
        source = HERE / picture.source
        assert picture.box is not None
        width, height, rgb = _read_png(source)
        x0, y0, x1, y1 = picture.box
        if x1 > width or y1 > height:
            raise SystemExit(f"{picture.source} is {width}×{height}: smaller than its box {picture.box}")
        header = rgb[:3]  # the page's header bar (it names the test's folder): its colour, from the corner down
        below = next((y for y in range(height) if rgb[y * width * 3:y * width * 3 + 3] != header), height)
        if y0 < below:
            raise SystemExit(f"{picture.source}: the box {picture.box} keeps the header line (rows 0–{below - 1}), "
                             "which shows the test's temporary folder: move its top down")
        for y in (y0, y1 - 1):  # a box's edge on a blank line or a table's rule, never through a line of text
            if min(rgb[(y * width + x0) * 3:(y * width + x1) * 3]) < 200:
                raise SystemExit(f"{picture.source}: the box {picture.box} cuts through text at row {y} (the page "
                                 "changed since the box was chosen): move the box's edge to a blank line")
        png = GUIDE_DIR / picture.name
        _write_palette_png(png, *_cropped(rgb, width, picture.box))
        entries[picture.name] = {"sources": {picture.source: _sha256(source)}, "box": list(picture.box),
                                 "sha256": _sha256(png), "caption": picture.caption}
        print(f"  {png.relative_to(ROOT)}: {picture.source}, {png.stat().st_size // 1024} KB")
    return entries


def _read_png(path: Path) -> tuple[int, int, bytes]:
    """An 8-bit RGB or RGBA, non-interlaced PNG (what the browser saves) as raw RGB (alpha dropped)."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path.name} is not a PNG")
    position, idat, header = 8, [], b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path.name}: only 8-bit RGB(A) non-interlaced PNGs are read here")
    step = 3 if colour == 2 else 4
    stride = width * step
    raw = zlib.decompress(b"".join(idat))
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(step, stride):
                line[i] = (line[i] + line[i - step]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - step] if i >= step else 0
                b, c = previous[i], previous[i - step] if i >= step else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line) if step == 3 else bytes(v for i, v in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, b"".join(rows)


def _printed(source: Path, view: SheetView | None, outdir: Path) -> Path:
    """The PDF LibreOffice prints of ``source`` (a PDF is itself); with ``view``, of a private copy showing it."""
    if source.suffix == ".pdf":
        return source
    if view is not None:
        source = _sheet_copy(source, view, outdir.with_name(outdir.name + "-copy"))
    return convert(source, "pdf", outdir, recalc=True, timeout=300)


def _sheet_copy(source: Path, view: SheetView, folder: Path) -> Path:
    """A copy of the workbook with only ``view.sheet`` shown, printed like the screen: headings and grid, its
    area on one landscape page width."""
    import openpyxl
    from openpyxl.worksheet.properties import PageSetupProperties

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl drops the extensions it does not know (a copy only to print)
        book = openpyxl.load_workbook(source)
    shown = book[view.sheet]
    for sheet in book.worksheets:
        if sheet is not shown and sheet.sheet_state == "visible":
            sheet.sheet_state = "hidden"
        sheet.sheet_view.tabSelected = sheet is shown
    book.active = book.worksheets.index(shown)
    _one_dimension_per_column(shown)
    for column in view.hidden_columns:
        shown.column_dimensions[column].hidden = True
    _fit_wrapped_rows(shown, view.area)
    shown.print_area = view.area
    shown.print_title_rows = None
    shown.page_setup.orientation = "landscape"
    shown.page_setup.paperSize = 9  # A4
    shown.page_setup.fitToWidth = 1
    shown.page_setup.fitToHeight = 0
    shown.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    shown.print_options.headings = True
    shown.print_options.gridLines = True
    shown.oddHeader.center.text = shown.oddFooter.center.text = None
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    book.save(copy)
    return copy


def _one_dimension_per_column(sheet) -> None:
    """openpyxl keeps neighbouring columns of one width as one record (min..max): hiding one would hide them all."""
    from copy import copy

    from openpyxl.utils import get_column_letter

    for letter, dimension in list(sheet.column_dimensions.items()):
        low, high = dimension.min, dimension.max
        if low is None or high is None or low == high:
            continue
        for index in range(low, high + 1):
            single = copy(dimension)
            single.index = get_column_letter(index)
            single.min = single.max = index
            sheet.column_dimensions[single.index] = single
        if letter != get_column_letter(low):
            del sheet.column_dimensions[letter]


def _fit_wrapped_rows(sheet, area: str) -> None:
    """Rows of wrapped text whose height nobody set: Excel makes them as tall as their text when it opens the book,
    LibreOffice keeps them one line high (the text then runs over the next row). The copy gets Excel's heights,
    estimated from the text's length and the column's width."""
    import math

    from openpyxl.utils import range_boundaries

    low_column, low_row, high_column, high_row = range_boundaries(area)
    for row in range(low_row, high_row + 1):
        dimension = sheet.row_dimensions[row]
        if dimension.height is not None or dimension.customHeight:
            continue
        lines = 1
        for column in range(low_column, high_column + 1):
            cell = sheet.cell(row, column)
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            letter = cell.column_letter
            if sheet.column_dimensions[letter].hidden:
                continue
            width = sheet.column_dimensions[letter].width or 8.43
            size = (cell.font.sz or 11) if cell.font else 11
            per_line = max(1.0, width * (1.2 if cell.font and cell.font.b else 1.35) * 11 / size)
            lines = max(lines, sum(math.ceil(max(1, len(part)) / per_line) for part in cell.value.split("\n")))
        if lines > 1:
            dimension.height = lines * 15


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, NFC, spaces collapsed."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [" ".join(unicodedata.normalize("NFC", page).split()) for page in text.split("\f")[:-1]]


def _page_showing(pdf: Path, marker: str) -> int:
    for number, text in enumerate(_pdf_pages(pdf), start=1):
        if marker in text:
            return number
    raise SystemExit(f"{pdf.name}: no page shows {marker!r}")


def _rendered(pdf: Path, page: int, dpi: int, work: Path) -> tuple[int, int, bytes]:
    """Page ``page`` of ``pdf`` as raw RGB (pdftoppm's PPM)."""
    prefix = work / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(prefix)], check=True)
    data = prefix.with_suffix(".ppm").read_bytes()
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)  # then width × height × RGB
    if header is None:
        raise SystemExit(f"pdftoppm wrote an unexpected image of {pdf.name}")
    width, height = int(header[1]), int(header[2])
    return width, height, data[header.end():header.end() + width * height * 3]


def _content_box(rgb: bytes, width: int, height: int, region: tuple[float, float, float, float],
                 pad: int = 10) -> tuple[int, int, int, int]:
    """The part of ``region`` that is not blank paper, with a little margin: (left, top, right, bottom). Where the
    page goes on below the region, the cut moves up to the nearest blank line or table rule, never through a line
    of text."""
    left, top = int(region[0] * width), int(region[1] * height)
    right, bottom = int(region[2] * width), int(region[3] * height)
    stride, ink = width * 3, 236

    def blank(y: int) -> bool:
        return min(rgb[y * stride + left * 3:y * stride + right * 3]) >= ink

    def rule(y: int) -> bool:  # a table's line: dark across half the width (a cell's fill is light)
        row = rgb[y * stride:(y + 1) * stride]
        return sum(1 for x in range(left, right) if max(row[x * 3:x * 3 + 3]) < 215) >= (right - left) // 2

    if bottom < height and not blank(bottom) and not blank(bottom - 1):
        for y in range(bottom - 1, top + (bottom - top) * 2 // 3, -1):
            if blank(y) or rule(y):
                bottom = y + rule(y)  # the rule is kept
                break
    rows = [y for y in range(top, bottom) if min(rgb[y * stride + left * 3:y * stride + right * 3]) < ink]
    if not rows:
        raise SystemExit("a picture's region is blank")
    y0, y1 = rows[0], rows[-1] + 1
    columns = [x for x in range(left, right)
               if min(min(rgb[y0 * stride + x * 3 + c:y1 * stride:stride]) for c in range(3)) < ink]
    x0, x1 = columns[0], columns[-1] + 1
    return max(left, x0 - pad), max(top, y0 - pad), min(right, x1 + pad), min(bottom, y1 + pad)


def _cropped(rgb: bytes, width: int, box: tuple[int, int, int, int]) -> tuple[int, int, list[bytes]]:
    x0, y0, x1, y1 = box
    stride = width * 3
    return x1 - x0, y1 - y0, [rgb[y * stride + x0 * 3:y * stride + x1 * 3] for y in range(y0, y1)]


def _palette(pixels: Counter, size: int = 256, exact: int = 64) -> tuple[list[bytes], dict[bytes, int]]:
    """At most ``size`` colours for ``pixels`` (colour → count): the ``exact`` commonest kept as they are (paper,
    ink, cell fills, grid), the others by median cut. Returns (palette, colour → index)."""
    ranked = [colour for colour, _ in pixels.most_common()]
    kept, rest = ranked[:exact], ranked[exact:]
    boxes = [rest] if rest else []

    def spread(box):  # (priority, channel of the widest range)
        ranges = [max(c[k] for c in box) - min(c[k] for c in box) for k in range(3)]
        channel = max(range(3), key=ranges.__getitem__)
        return ranges[channel] * sum(pixels[c] for c in box) ** 0.5, channel

    scored = [(spread(b), b) for b in boxes]
    while scored and len(scored) + len(kept) < size:
        scored.sort(key=lambda item: item[0][0])
        (priority, channel), box = scored[-1]
        if priority == 0 or len(box) < 2:
            break
        scored.pop()
        box = sorted(box, key=lambda c: c[channel])
        half, seen, cut = sum(pixels[c] for c in box) / 2, 0, 1
        for cut, colour in enumerate(box[:-1], start=1):
            seen += pixels[colour]
            if seen >= half:
                break
        scored += [(spread(part), part) for part in (box[:cut], box[cut:])]
    palette: list[bytes] = []
    index: dict[bytes, int] = {}
    for colour in kept:
        index[colour] = len(palette)
        palette.append(colour)
    for _, box in scored:
        total = sum(pixels[c] for c in box)
        mean = bytes(round(sum(c[k] * pixels[c] for c in box) / total) for k in range(3))
        for colour in box:
            index[colour] = len(palette)
        palette.append(mean)
    return palette, index


def _write_palette_png(path: Path, width: int, height: int, rows: list[bytes]) -> None:
    """``rows`` (RGB) as an 8-bit palette PNG: a page picture in a tenth of pdftoppm's size."""
    pixels = Counter(row[i:i + 3] for row in rows for i in range(0, len(row), 3))
    palette, index = _palette(pixels)
    raw = b"".join(b"\x00" + bytes(index[row[i:i + 3]] for i in range(0, len(row), 3)) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
           + chunk(b"PLTE", b"".join(palette)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    path.write_bytes(png)


# --- the console text of status --nhac ------------------------------------------------------------------------------

def status_excerpt() -> list[str]:
    """``thidua-xlsx status inbox --nhac`` on the sample, as on STATUS_DAY: the lines the page shows."""
    from unittest import mock

    from click.testing import CliRunner

    from thidua_xlsx.cli import main

    previous = Path.cwd()
    os.chdir(HERE)
    try:
        with mock.patch("thidua_xlsx.commands.status.vietnam_today", lambda: STATUS_DAY):
            result = CliRunner().invoke(main, ["status", "inbox", "--nhac"])
    finally:
        os.chdir(previous)
    if result.exit_code != 0:
        raise SystemExit(f"status --nhac failed on the sample (exit {result.exit_code}): {result.output}")
    lines = result.stdout.splitlines()

    def block(start: str, stop) -> list[str]:
        begin = next((i for i, line in enumerate(lines) if line.startswith(start)), None)
        if begin is None:
            raise SystemExit(f"status --nhac no longer prints a line starting {start!r}: update build_guide.py")
        end = next((i for i in range(begin + 1, len(lines)) if stop(lines[i])), len(lines))
        return lines[begin:end]

    summary = block("Tổ đã nộp:", lambda line: not line.startswith("Tổ chưa nộp:"))
    deadlines = block("Tình hình nộp sổ", lambda line: not line.startswith("  "))
    reminder = block("--- Tổ chuyên biệt", lambda line: not line.strip())
    return summary + ["…"] + deadlines + [""] + reminder


# --- the guide's text ---------------------------------------------------------------------------------------------
# A page: its heading, paragraphs; a paragraph is a string (**bold**, `code`), ("cmd", line) a command in a box,
# ("label", text) a small title above a box, ("pic", name, height) a picture or ("pics", name, name, height) two side
# by side (at most ``height`` cm tall), ("screen", None) the console text of status --nhac, ("check", [items]) the
# "Cần kiểm tra" list, ("steps", [items]) a numbered list.

@dataclass
class Page:
    heading: str
    body: list = field(default_factory=list)
    sample: str = ""  # the sample folder (under samples/) its commands are tried on (tests/e2e/test_guide_runs.py)


CAMPAIGN = "D:\\ThiDua\\thidua-2026"
YEAR_SAMPLE = "ca-nam"  # steps 9 and 10: the NĐ 233 year of samples/ca-nam

PAGES = [
    Page("Bước 0. Cài đặt (một lần)", [
        ("Tải tệp `thidua-xlsx-<phiên bản>-windows-x64.zip` (**không cần gõ lệnh, không cần cài Python**), chuột phải "
        "→ Extract All, rồi **bấm đúp `Cai-dat-thi-dua.bat`** trong thư mục vừa giải nén (hộp xanh SmartScreen: bấm "
        "**Thông tin thêm (More info)** rồi **Vẫn chạy (Run anyway)**). Một cửa sổ chữ hiện từng bước:"),
        ("steps", [
            ("Bản tải về có sẵn Python. Cài từ thư mục mã nguồn thì cần Python 3.10 trở lên: máy chưa có thì trang "
            "**python.org** mở ra kèm cách cài (**đánh dấu ô “Add python.exe to PATH”**)."),
            ("Hỏi **thư mục chiến dịch** (chọn hay tạo mới, ví dụ `" + CAMPAIGN + "`; đóng hộp thì dùng "
            "`Documents\\Thi-dua`)."),
            "Cài chương trình (bản tải về: không cần Internet; từ mã nguồn: vài phút, cần Internet).",
            ("Thư mục chưa có chiến dịch thì **hỏi hai câu** (gõ số rồi Enter): trường **cấp học nào**, và "
            "**chấm điểm thế nào** — theo tháng, theo quý (Nghị định 233/2026) hay một lần cuối năm học (trang "
            "sau). Rồi tạo `campaign.xlsx` đúng như thế, có trường mẫu để sửa."),
            ("Đặt lối tắt **“Thi đua”** lên màn hình nền và mở trang thi đua: từ đó bấm đúp lối tắt là trang của "
            "thư mục đó mở trong trình duyệt — làm cả năm trên trang, không gõ lệnh (trang “Làm trên trang”)."),
        ]),
        ("Có bản mới của chương trình: bấm đúp lại tệp cài đặt; sổ sách giữ nguyên. **Muốn gõ lệnh** (các bước "
        "1–10): mở thư mục chương trình bằng File Explorer, bấm vào thanh địa chỉ, gõ `powershell`, nhấn Enter, rồi:"),
        ("cmd", "py -m pip install -c constraints.txt ."),
        ("label", "Thử: lệnh sau in danh sách các lệnh của chương trình."),
        ("cmd", "thidua-xlsx --help"),
        ("PowerShell báo không nhận ra tên lệnh (“is not recognized”): gõ `py -m thidua_xlsx` thay cho tên lệnh, "
        "ví dụ `py -m thidua_xlsx --help`. **LibreOffice** (miễn phí) là tùy chọn: có nó, chương trình tự ghi bản "
        "PDF; không có thì mở tệp Excel, Word rồi Lưu thành PDF."),
        ("check", [
            ("Các tổ **không cần cài gì**: họ chỉ mở sổ nhận được bằng Excel, LibreOffice hay WPS, điền rồi gửi "
            "lại. Khi có lỗi, chương trình nói tệp nào, sheet nào, ô nào và cách sửa."),
            ("Kết quả đã có không bị ghi đè nếu không thêm `--force`; có `--force` cũng chỉ thay tệp của chính "
            "chương trình, tệp người đã sửa được giữ (bản mới ghi bên cạnh, tên có “(moi)”)."),
            ("**Thử trên bộ mẫu**: chép thư mục `samples` (một năm đã làm xong, hình trong tài liệu) ra chỗ khác, "
            "mở PowerShell ở bản chép, gõ các lệnh từ bước 2 và thêm `--force` vào lệnh `generate`, `merge`, `year`; "
            "bước 9, 10 trong thư mục `ca-nam` của bản chép."),
        ]),
    ]),
    Page("Hai câu hỏi đầu tiên: cấp học và cách chấm điểm", [
        ("Tệp cài đặt hỏi hai câu này trong cửa sổ chữ; **trang thi đua hỏi đúng hai câu đó** mỗi khi mở trên một "
        "thư mục chưa có chiến dịch (lối tắt “Thi đua” của một thư mục mới, hay năm đầu tiên). Chọn rồi bấm "
        "**Tạo chiến dịch**:"),
        ("pic", "0-trang-bat-dau.png", 9.0),
        ("steps", [
            ("**Cấp học**: mầm non, tiểu học, THCS, THPT — chương trình lấy tiêu chí, danh hiệu, trường mẫu của cấp "
            "đó (mầm non: tiêu chí nói “trẻ”); **xã/phường hoặc Sở**: cấp trên, tổng hợp bảng các trường gửi lên "
            "(bỏ qua câu thứ hai)."),
            ("**Theo tháng** (chọn sẵn; Nghị định 233/2026, cách chấm từ năm học 2026-2027): 9 kỳ, tháng 9 đến "
            "tháng 5, sổ của mỗi tháng nộp trước ngày 5 tháng sau; tiêu chí chung 30 điểm, kết quả nhiệm vụ 70 "
            "điểm; xếp loại HTXSNV, HTTNV, HTNV, KHTNV."),
            ("**Theo quý**: 3 kỳ — quý I tháng 9–11, quý II tháng 12–2, quý III tháng 3–5 — nếu Quy chế đánh giá "
            "của trường chấm theo quý; tiêu chí, xếp loại như theo tháng."),
            ("**Một lần cuối năm học**: như trước Nghị định 233/2026, một vòng chấm điểm (bước 4–8)."),
        ]),
        ("check", [
            ("Các kỳ nằm ở sheet **Kỳ đánh giá** của `campaign.xlsx`; hạn nộp của cả năm (sheet Trường) là **sau** "
            "hạn của kỳ cuối (10/6), vì bảng cả năm lấy từ mọi kỳ."),
            ("Chọn nhầm: xóa `campaign.xlsx` khi chưa phát sổ nào rồi mở lại trang; đã có chiến dịch thì trang không "
            "hỏi lại, không ghi đè."),
            ("Trường chấm theo tháng, quý làm các vòng ở bước 9, 10 (hay trên trang: “Cả năm theo kỳ”); đăng ký thi "
            "đua như bước 2, 3."),
        ]),
    ]),
    Page("Bước 1. Tạo chiến dịch (đầu năm học)", [
        ("Đã trả lời hai câu hỏi khi cài đặt hay trên trang thì chiến dịch đã có: sang phần sửa `campaign.xlsx` "
        "dưới đây. Bằng lệnh, trong PowerShell ở `D:\\ThiDua` (cấp học: `mam-non`, `tieu-hoc`, `thcs`, `thpt`; "
        "cách chấm: `thang`, `quy` hay `ca-nam`):"),
        ("cmd", "thidua-xlsx init thidua-2026 --level tieu-hoc --cham-theo thang"),
        ("Chương trình tạo `thidua-2026/` gồm `campaign.xlsx`, `inbox/` (sổ các tổ gửi về) và `outbox/` (sổ phát "
        "ra). Mở `campaign.xlsx` bằng Excel, sửa cho đúng trường mình rồi lưu: sheet **Trường** (tên trường, cơ quan "
        "quản lý, nơi nhận tờ trình, hiệu trưởng, thư ký, hạn nộp, tỉnh/thành), **Tổ** (tổ trưởng, e-mail), "
        "**Nhân sự** (mỗi người một dòng, mã không trùng; xếp loại viên chức, số tháng làm việc, nghỉ dài ngày, kỷ "
        "luật, sáng kiến có thể điền sau, trước khi tổng hợp cuối năm), **Tiêu chí**, **Danh hiệu**, **Căn cứ**. "
        "Rồi vào thư mục chiến dịch; **mọi lệnh từ bước 2 chạy ở đó**:"),
        ("cmd", "cd thidua-2026"),
        ("pic", "1-truong.png", 7.6),
        ("pic", "1-nhan-su.png", 4.6),
        ("check", [
            ("Tệp mới có sẵn trường ví dụ: sửa hết tên, e-mail, số văn bản của trường mẫu — chương trình cảnh báo "
            "nếu còn sót. Lệnh ở bước 2 báo **mọi lỗi** của campaign.xlsx một lần, mỗi lỗi kèm sheet và ô."),
            ("Sheet Nhân sự: **Nghỉ dài ngày (loại)** — Thai sản, Ốm đau (BHXH) vẫn xếp loại theo thời gian làm "
            "thực tế, Không lương; **Kỷ luật về** — Nhiệm vụ, Tư tưởng/đạo đức/lối sống (đều KHTNV) hay Khác (xếp "
            "theo điểm); **Kỳ nghỉ trọn kỳ** (mã kỳ, bước 9). Để trống ô kỷ luật khi có kỷ luật thì năm người đó chờ."),
            ("Năm sau không gõ lại: `thidua-xlsx init thidua-2027 --tu thidua-2026` mang sang trường, tổ, nhân sự, "
            "tiêu chí; dời mọi ngày sang năm học mới, xóa thông tin của năm cũ, kể các dòng Căn cứ cần xem lại."),
        ]),
    ]),
    Page("Bước 2. Phát phiếu đăng ký thi đua (tháng 9)", [
        "Trong thư mục chiến dịch (`" + CAMPAIGN + "`), dấu chấm là “thư mục chiến dịch này”:",
        ("cmd", "thidua-xlsx generate . --round dang-ky"),
        ("Mỗi tổ một sổ Excel trong `outbox/dang-ky/`, ví dụ `2026-2027_dang-ky_To-khoi-1.xlsx`. Gửi từng sổ cho "
        "tổ trưởng qua e-mail hay Zalo. Mỗi người chọn danh hiệu đăng ký, hình thức khen thưởng, ghi tên sáng kiến; "
        "tổ chọn danh hiệu tập thể ở sheet Đăng ký tập thể. Ô khóa (họ tên, chức vụ) không sửa được."),
        ("pic", "2-dang-ky.png"),
        ("check", [
            "Màn hình báo “Đã tạo 5 sổ”: số sổ bằng số tổ.",
            "**Đừng xóa thư mục** `so-da-phat/`: chương trình ghi ở đó mọi sổ đã phát để nhận ra sổ gửi về.",
            "Phát lại cho một tổ: chạy lại lệnh; sổ đã có không bị thay nếu không thêm `--force`.",
        ]),
    ]),
    Page("Bước 3. Nhận lại và tổng hợp đăng ký", [
        ("Tạo thư mục `inbox-dang-ky` trong thư mục chiến dịch và lưu vào đó mọi tệp các tổ gửi về, giữ nguyên tên "
        "(tổ gửi lại thì lưu cả hai: bản lưu sau cùng được dùng; tệp .zip thì giải nén vào đó). Rồi:"),
        ("cmd", "thidua-xlsx merge inbox-dang-ky"),
        ("Bảng tổng hợp đăng ký `tong-hop_dang-ky.xlsx` (trong thư mục chiến dịch) có các sheet Tổng hợp (từng "
        "tổ), Đăng ký (từng người), Tập thể, Kiểm tra (mọi vấn đề, kèm tệp, sheet, ô) và Nguồn dữ liệu (tệp nào "
        "được dùng, vì sao)."),
        ("pic", "3-dang-ky-gui-ve.png", 7.0),
        ("pic", "3-tong-hop-dang-ky.png", 7.0),
        ("check", [
            "Cột Đã nộp: tổ nào chưa nộp thì nhắc (bước 5, với thư mục `inbox-dang-ky`).",
            "Cột Không / chưa đăng ký: **không đăng ký thì không được xét** danh hiệu cuối năm.",
            "Sheet Kiểm tra trống lỗi trước khi sang bước 4.",
        ]),
    ]),
    Page("Bước 4. Phát phiếu chấm điểm (cuối năm học)", [
        ("Trước khi phát, cập nhật `campaign.xlsx` nếu cần (người mới ở sheet Nhân sự, hạn nộp chấm điểm ở sheet "
        "Trường). Phiếu mang sẵn danh hiệu mỗi người đã đăng ký:"),
        ("cmd", "thidua-xlsx generate . --round cham-diem --from tong-hop_dang-ky.xlsx"),
        ("Sổ ghi vào `outbox/cham-diem/`. Mỗi người một sheet (phiếu): cột Tự chấm, Tổ chấm; tổng điểm, xếp loại "
        "tự tính; ô Đăng ký đã khóa. Sheet Tổng hợp tổ xếp hạng trong tổ và báo “Còn thiếu N ô” hay “Đã đủ”. "
        "Phiếu trống Người mới 1, 2… để ẩn: chuột phải vào tên sheet → Unhide khi cần."),
        ("pic", "4-phieu-cham-diem.png", 12.5),
        ("check", [
            ("Màn hình in **danh sách cần kiểm tra**: tổ chưa gửi đăng ký, người chưa đăng ký, người mới đăng ký "
            "ở dòng dự phòng (thêm họ vào sheet Nhân sự)."),
            ("Trường chấm theo tháng, quý (Nghị định 233/2026): thêm vào lệnh `--period thang-11` (mã kỳ ở "
            "sheet Kỳ đánh giá của campaign.xlsx)."),
        ]),
    ]),
    Page("Bước 5. Theo dõi và nhắc các tổ", [
        ("Lưu sổ các tổ gửi về vào `inbox/` (thư mục con cũng được). Bất cứ lúc nào, lệnh sau cho biết tổ nào đã "
        "nộp, đúng hạn hay muộn, chưa nộp, sổ nào còn lỗi — không ghi tệp nào:"),
        ("cmd", "thidua-xlsx status inbox --nhac"),
        ("`--nhac` in sẵn **lời nhắc cho từng tổ trưởng** cần nhắc (tên, e-mail, việc còn thiếu, hạn nộp) để dán vào "
        "Zalo hay e-mail. Vòng đăng ký: thay `inbox` bằng `inbox-dang-ky`."),
        ("label", "Màn hình (bộ mẫu, chạy ngày " + STATUS_DAY.strftime("%d/%m/%Y") + ", trích):"),
        ("screen", None),
        ("pic", "5-tong-hop-to.png", 8.0),
        ("check", [
            "Sổ gửi về mà chưa điền gì (tổ gửi nhầm sổ trống) **không tính là đã nộp**.",
            "Hạn nộp lấy từ sheet Trường của `campaign.xlsx`; ngày gửi là ngày lưu ghi trong tệp.",
        ]),
    ]),
    Page("Bước 6. Tổng hợp, xếp hạng, xét danh hiệu", [
        "Hết hạn nộp (sổ nộp muộn chỉ cần lưu vào `inbox/` rồi chạy lại):",
        ("cmd", "thidua-xlsx merge inbox -o tong-hop.xlsx"),
        ("Chương trình tính lại mọi điểm, xếp hạng, xét danh hiệu theo Luật Thi đua, khen thưởng và ghi lý do từng "
        "người. Chạy lại thì thêm `--force`; thêm `--pdf` để có bản PDF (cần LibreOffice)."),
        ("label", "Trả sổ có lỗi cho tổ sửa (mỗi tổ nhận lại chính sổ của mình, ô sai tô đỏ), và in phiếu bầu:"),
        ("cmd", "thidua-xlsx merge inbox -o tong-hop.xlsx --feedback gop-y --docs ho-so-du-thao --force"),
        ("pic", "6-tong-hop.png", 8.0),
        ("pic", "6-kiem-tra.png", 8.0),
        ("check", [
            "Cột Đã nộp, Số có điểm; sheet **Kiểm tra**: mọi lỗi, cảnh báo (tệp, sheet, ô, cách sửa).",
            "Sheet Đề nghị khen thưởng, Không đề nghị (tài liệu nội bộ, không gửi đi), Nguồn dữ liệu.",
        ]),
    ]),
    Page("Bước 7. Họp Hội đồng và lập hồ sơ", [
        ("Mở `tong-hop.xlsx` bằng Excel, **Lưu thành** `hoi-dong.xlsx` (giữ bản gốc). Trong cuộc họp ghi vào các cột "
        "nền vàng của sheet Điểm chi tiết: Điểm Hội đồng, Quyết định Hội đồng (để trống là đồng ý), Ghi chú Hội "
        "đồng (lý do); sau khi bỏ phiếu ghi sheet Kiểm phiếu. Lưu lại, rồi chạy lệnh dưới. Sổ lịch sử các năm trước "
        "(`lich-su.xlsx`, bước 8) để xét Bằng khen, Kỷ niệm chương; năm chưa có sổ này thì bỏ phần "
        "`--history lich-su.xlsx` khỏi lệnh."),
        ("cmd", ("thidua-xlsx merge inbox --council hoi-dong.xlsx --history lich-su.xlsx -o tong-hop-cuoi.xlsx "
                "--docs ho-so")),
        ("pic", "7-hoi-dong.png", 7.6),
        ("pics", "7-to-trinh.png", "7-bien-ban.png", 8.6),
        ("check", [
            "Sheet Thay đổi của Hội đồng trong `tong-hop-cuoi.xlsx`: ai, trước → sau, lý do.",
            "`ho-so/`: Tờ trình, Biên bản họp, Biên bản kiểm phiếu (Word và PDF), mỗi danh hiệu một thư mục.",
        ]),
    ]),
    Page("Bước 8. Gửi cấp trên, lưu lịch sử", [
        ("Gửi UBND xã/phường (hoặc Sở GD&ĐT, theo sheet Trường): **Tờ trình** `ho-so/01_To-trinh.pdf` (ký số), "
        "Biên bản họp bình xét, Biên bản kiểm phiếu, **mỗi thư mục danh hiệu** trong `ho-so/` (Danh sách đề nghị; "
        "với CSTĐCS thêm Báo cáo thành tích người được đề nghị viết, ký), giấy tờ ghi trong `Danh-muc-ho-so.txt`, "
        "và bảng **`tong-hop-cuoi.xlsx`** (cấp trên tổng hợp các trường từ tệp này)."),
        ("pic", "8-danh-sach.png", 12.0),
        "Lưu kết quả năm nay vào sổ lịch sử, dùng cho năm sau (`--history`):",
        ("cmd", "thidua-xlsx history --book lich-su.xlsx tong-hop-cuoi.xlsx"),
        ("check", [
            ("**Đừng sửa tay** `tong-hop-cuoi.xlsx` trước khi gửi (cấp trên nhận ra danh sách sửa tay): cần sửa thì "
            "sửa `hoi-dong.xlsx` rồi chạy lại bước 7 với `--force`."),
            "Không gửi: `hoi-dong.xlsx`, sổ các tổ. Sao lưu cả thư mục chiến dịch (cả `so-da-phat/`).",
        ]),
    ]),
    Page("Bước 9. Trường chấm theo tháng, quý (Nghị định 233/2026): từng kỳ", [
        ("Từ năm học 2026-2027 trường đánh giá theo **kỳ** (tháng hay quý: sheet Kỳ đánh giá). Ví dụ là bộ mẫu "
        "`samples/ca-nam` (Trường THCS Kim Sơn, hai kỳ tháng 9, tháng 10/2026). Đăng ký như bước 2, 3; rồi **mỗi "
        "kỳ**: phát sổ của kỳ, theo dõi, tổng hợp (bảng của kỳ ghi vào `ky/`, nơi bảng cả năm đọc):"),
        ("cmd", "thidua-xlsx generate . --round cham-diem --period thang-10 --from tong-hop_dang-ky.xlsx"),
        ("cmd", "thidua-xlsx status inbox/thang-10 --nhac"),
        ("cmd", "thidua-xlsx merge inbox/thang-10 --period thang-10"),
        ("Bảng của kỳ chỉ có điểm, xếp loại và xếp hạng của kỳ: danh hiệu xét một lần, ở bảng cả năm. **Hiệu "
        "trưởng chấm kỳ**: mở `ky/tong-hop_thang-10.xlsx`, Lưu thành `hieu-truong_thang-10.xlsx`, ghi cột Điểm "
        "Hội đồng (lý do ở Ghi chú Hội đồng), lưu; rồi (`--force`: bảng của kỳ được thay bằng bảng có điểm hiệu "
        "trưởng):"),
        ("cmd", "thidua-xlsx merge inbox/thang-10 --period thang-10 --council hieu-truong_thang-10.xlsx --force"),
        ("pic", "9-ky.png", 7.5),
        ("check", [
            ("Người **nghỉ trọn một kỳ** (thai sản một quý…): ghi mã kỳ ở cột Kỳ nghỉ trọn kỳ (sheet Nhân sự), ví "
            "dụ `thang-10`: không bị nhắc, không bị báo thiếu điểm. Người vào sau khi kỳ kết thúc (Ngày vào ngành) "
            "không thuộc kỳ đó."),
            ("Phiếu còn tiêu chí trống là **chưa chấm xong** (không phải kỳ nghỉ): năm của người đó chờ tổ chấm "
            "xong. Kỳ không có điểm không tính là 0."),
            ("Người **chuyển đến** giữa năm: hiệu trưởng ghi điểm các tháng ở trường cũ (theo nhận xét của trường "
            "cũ) vào cột Điểm Hội đồng của bảng kỳ đó, ghi chú “Chuyển đến từ …”; bảng cả năm ghi rõ điểm nào do "
            "hiệu trưởng nhập."),
            ("Bảng hiệu trưởng đã chấm được **lưu cùng kỳ** (`hoi-dong/hieu-truong_thang-10.xlsx`): có sổ nộp muộn "
            "thì cứ tổng hợp lại kỳ đó, không cần đưa lại tệp — chương trình tự áp dụng lại và nói tên tệp. Muốn bỏ "
            "lượt duyệt: thêm `--bo-duyet` (tệp chuyển vào `hoi-dong/cu`, không xóa)."),
            ("Sổ kỳ tạo **trước khi tổng hợp đăng ký** ghi “Chưa đăng ký”: không cần tạo lại — bảng cả năm lấy đăng "
            "ký từ bảng tổng hợp đăng ký."),
        ]),
    ], sample=YEAR_SAMPLE),
    Page("Bước 10. Cả năm: xếp loại, Hội đồng, hồ sơ, lịch sử", [
        ("Cuối năm, từ các bảng kỳ trong `ky/`: điểm năm là trung bình các kỳ có điểm, xếp loại viên chức (tỷ lệ "
        "HTXSNV, dưới 6 tháng, nghỉ dài ngày, kỷ luật), rồi xét danh hiệu theo xếp loại đó:"),
        ("cmd", "thidua-xlsx year ky"),
        ("Bảng `tong-hop_ca-nam.xlsx` dùng cho Hội đồng như ở bước 7. Mở nó bằng Excel, Lưu thành tệp "
        "`hoi-dong_ca-nam.xlsx`; trong cuộc họp ghi các cột nền vàng của sheet Xếp loại năm và sheet Kiểm phiếu, lưu "
        "lại. Rồi chạy lệnh dưới; `--force` thay bảng cả năm bằng bảng cuối cùng theo ý kiến Hội đồng (như nút trên "
        "trang):"),
        ("cmd", "thidua-xlsx year ky --council hoi-dong_ca-nam.xlsx --docs ho-so --force"),
        ("label", "Gửi hồ sơ như bước 8, rồi lưu năm học vào sổ lịch sử:"),
        ("cmd", "thidua-xlsx history --book lich-su.xlsx tong-hop_ca-nam.xlsx"),
        ("pic", "10-ca-nam.png", 7.0),
        ("pic", "10-nhan-su.png", 3.6),
        ("check", [
            ("Cột **Nguồn xếp loại**: chương trình tính, cấp có thẩm quyền nhập (sheet Nhân sự) hay Hội đồng chấm. "
            "Danh hiệu dựa trên xếp loại chương trình tính là **“Đề nghị tạm”** cho tới khi nhập xếp loại đã "
            "quyết định ở sheet Nhân sự."),
            ("Lý do từng người dẫn đúng điều khoản: nghỉ thai sản, ốm đau (BHXH) điều 14 khoản 2; kỷ luật về nhiệm "
            "vụ điều 12 khoản 4 điểm c; về tư tưởng, đạo đức, lối sống điều 14 khoản 3 điểm a."),
            ("Xếp loại nhập ở sheet Nhân sự khác kết quả tính thì hai cái được đặt cạnh nhau và cảnh báo; Hội đồng "
            "sửa điểm năm thì cả năm được xếp lại theo đúng các quy tắc."),
            ("Còn kỳ chưa tổng hợp hay hiệu trưởng chưa duyệt thì năm là **DỰ THẢO**: hồ sơ có chữ DỰ THẢO ở đầu, "
            "sổ lịch sử chưa ghi năm đó."),
            ("Kết quả Hội đồng được lưu (`hoi-dong_ca-nam.xlsx` trong thư mục `hoi-dong`) và áp dụng lại mỗi lần "
            "tổng hợp cả năm. Sheet Nguồn dữ liệu kể các tệp đã áp dụng."),
        ]),
    ], sample=YEAR_SAMPLE),
    Page("Làm trên trang của chương trình (không cần gõ lệnh)", [
        ("Mọi bước trên cũng làm được trên **một trang web chạy ngay trên máy mình**, không cần internet, không gõ "
        "lệnh. **Bấm đúp** lối tắt “Thi đua” trên màn hình nền (bước 0) hoặc, trong thư mục chiến dịch, tệp "
        "`Mo-trang-thi-dua.bat`: một cửa sổ đen mở ra (để nguyên khi làm; đóng nó là tắt trang) và trình duyệt mở "
        "trang."),
        ("**Trang chính** là cả năm trong một bảng: mỗi vòng có hạn gửi, đã sinh bao nhiêu sổ, đã nhận bao nhiêu tệp, "
        "trễ hạn bao nhiêu ngày; nút **Mở** vào trang của vòng."),
        ("pic", "9-trang-nam-hoc.png", 5.0),
        ("**Trang của một vòng**: nút “Sinh sổ cho các tổ” (như `generate`; sổ đã phát thì trang hỏi lại trước); "
        "**kéo các sổ gửi về thả vào ô khung chấm** (hoặc “Chọn tệp…”), bấm “Nhận các tệp này”: mỗi sổ vào đúng thư "
        "mục theo mã ghi trong sổ. Nút **Tổng hợp** (như `merge`) cho kết quả."),
        ("pic", "9-trang-vong.png", 5.2),
        ("pic", "9-trang-ket-qua.png", 3.7),
        ("check", [
            "Sau họp: ở trang vòng chấm điểm chọn `hoi-dong.xlsx`, đánh dấu “Ghi cả hồ sơ”, Tổng hợp.",
            ("Kết quả lần tổng hợp gần nhất luôn ở trang của vòng, kể cả khi đóng trình duyệt hay tắt trang rồi "
            "mở lại; nút Tải về là đúng tệp lần đó đã ghi."),
            "Trình duyệt không tự mở: chép vào thanh địa chỉ dòng `http://127.0.0.1:…` cửa sổ đen in ra.",
            "Thư mục chiến dịch tạo trước khi có trang (không có tệp .bat): gõ một lần lệnh `thidua-xlsx ui` ở đó.",
        ]),
    ]),
    Page("Cả năm theo kỳ trên trang (Nghị định 233/2026)", [
        ("Ở trang chính, mỗi kỳ là một dòng (mở, sinh sổ, nhận sổ, tổng hợp như một vòng); dòng **Cả năm (từ các "
        "kỳ)** mở **trang của cả năm**:"),
        ("steps", [
            ("**Hiệu trưởng chấm kỳ**: ở trang của kỳ, chọn bảng kỳ hiệu trưởng đã ghi cột Điểm Hội đồng "
            "(`hieu-truong_thang-10.xlsx`), bấm Tổng hợp (như bước 9)."),
            ("Trang cả năm cho biết kỳ nào đã tổng hợp, hiệu trưởng đã chấm chưa; bấm **Tổng hợp cả năm** (như "
            "`year ky`): kết quả từng người, xếp loại, danh hiệu, lý do."),
            ("Sau khi họp Hội đồng: chọn **bảng cả năm Hội đồng đã ghi** (`hoi-dong_ca-nam.xlsx`), đánh dấu **Ghi "
            "cả hồ sơ**, bấm lại: trang kể những gì Hội đồng đã đổi, liệt kê tờ trình, biên bản, danh sách (Word, "
            "PDF)."),
            ("Bấm **Ghi vào sổ lịch sử**, rồi dòng **Năm học sau** ở trang chính tạo chiến dịch năm sau bên cạnh "
            "(như `init … --tu …`)."),
        ]),
        ("pic", "11-trang-ca-nam.png", 6.0),
        ("pic", "11-trang-ca-nam-ket-qua.png", 7.6),
        ("check", [
            ("Số tệp cộng lại đủ: đã đọc = dùng + bản cũ + bị từ chối + bỏ qua, mỗi ô liệt kê tệp của nó; số đề "
            "nghị theo danh hiệu như trong bảng in."),
            ("Tệp đã có người sửa không bị ghi đè: trang nói bản mới ghi bên cạnh (“(moi)”) ngay ở nút Tải về, kèm "
            "tệp cũ."),
        ]),
    ]),
    Page("Thư điện tử: thư nháp và nhận sổ (thư, Zalo, Downloads)", [
        ("Thêm `--thu` và tên một thư mục vào lệnh: chương trình **soạn sẵn thư nháp** (tệp `.eml`) vào đó, mỗi tổ "
        "một thư, kèm sổ của tổ, hạn gửi, cách làm. **Bấm đúp** một thư: Outlook mở một thư mới; xem lại rồi bấm "
        "**Gửi**. Người nhận lấy từ cột Email sheet Tổ; tổ chưa có e-mail thì chương trình **nêu tên tổ** đó."),
        ("label", "Phát sổ (bước 2, 4) kèm thư nháp cho từng tổ trưởng:"),
        ("cmd", "thidua-xlsx generate . --round cham-diem --from tong-hop_dang-ky.xlsx --thu thu-nhap"),
        ("label", "Nhắc các tổ (bước 5): mỗi tổ cần nhắc một thư, kèm bản góp ý nếu sổ còn lỗi:"),
        ("cmd", "thidua-xlsx status inbox --nhac --thu thu-nhac"),
        ("label", ("Gửi hồ sơ lên UBND (bước 7, 8): một thư gửi Nơi nhận tờ trình, kèm bảng tổng hợp cuối năm, Tờ "
                  "trình (bản chưa ký: thay bằng bản đã ký số trước khi gửi), biên bản, danh sách:")),
        ("cmd", "thidua-xlsx merge inbox --council hoi-dong.xlsx -o tong-hop-cuoi.xlsx --docs ho-so --thu thu-gui"),
        ("**Nhận sổ.** Sổ các tổ gửi về qua Zalo (Zalo PC lưu vào `Documents\\Zalo Received Files`), tải từ webmail "
        "(`Downloads`) hay chép từ USB: lệnh sau xếp mọi sổ trong thư mục đó vào đúng chỗ theo mã trong sổ, không "
        "lưu hai lần, không sửa gì trong thư mục (trên trang: “Nhận sổ từ thư mục”):"),
        ("cmd", "thidua-xlsx collect $HOME\\Downloads ."),
        ("Hoặc đọc thẳng hộp thư (IMAP, kết nối mã hóa; Gmail, Outlook.com: bật IMAP, dùng “mật khẩu ứng dụng”; máy "
        "chủ chỉ có STARTTLS, cổng 143: viết `imap://` thay cho `imaps://`):"),
        ("cmd", "thidua-xlsx collect imaps://thuky@truong.edu.vn@mail.truong.edu.vn/INBOX ."),
        ("check", [
            ("**Mật khẩu** được hỏi khi chạy (không hiện khi gõ), hoặc lấy từ biến môi trường `THIDUA_MAT_KHAU`; "
            "không được ghi lại, không viết vào địa chỉ. Hộp thư **không bị thay đổi**."),
            ("Tệp chưa xếp được vì lỗi ngoài tệp (ổ đầy, diệt virus khóa tệp, mất mạng) được lấy lại ở lần chạy sau. "
            "Sổ gửi từ **địa chỉ lạ** vẫn được xếp nhưng bị **cảnh báo** ở màn hình, sheet Kiểm tra và trên trang khi "
            "tổng hợp: hỏi lại tổ trưởng."),
            ("**Mã xác thực** UBND xã/phường gửi (thư của xã ghi sẵn mã của trường): nhập ở ô Mã xác thực do cấp trên "
            "cấp, sheet Trường; bảng tổng hợp cuối năm mang dấu xác thực, `merge` in dấu vân tay để đối chiếu."),
        ]),
    ]),
]

COVER_TITLE = "HƯỚNG DẪN NHANH CHO THƯ KÝ HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"
COVER_SUBTITLE = "Chương trình thidua-xlsx: một năm học, từng bước, trên Windows và Excel"
COVER = [
    ("Tài liệu dành cho thư ký Hội đồng thi đua – khen thưởng của trường. Mỗi trang là một bước của năm học: việc "
    "cần làm, **lệnh gõ vào PowerShell** (trong khung xám), hình sổ Excel hay văn bản mà bước đó cho ra, và những "
    "điều cần kiểm tra. Không muốn gõ lệnh: cài bằng bước 0 rồi làm cả năm trên trang (các dòng “Trang” của "
    "bảng dưới)."),
    ("Mọi hình được in từ **bộ mẫu đi kèm chương trình** (thư mục `samples/`: Trường Tiểu học Trực Cường, năm học "
    "2025-2026, 5 tổ, 44 người), nên giống những gì bạn sẽ thấy. Bộ mẫu cố ý có một tổ không nộp, một tổ gửi hai "
    "lần, một sổ có ô sai. Bước 9, 10 (chấm theo tháng, quý) dùng bộ mẫu thứ hai, thư mục `samples/ca-nam` "
    "(Trường THCS Kim Sơn, năm học 2026-2027)."),
]
OVERVIEW = [  # step, when, what
    ("0", "Một lần", "Cài đặt: bấm đúp Cai-dat-thi-dua.bat"),
    ("0", "Lần đầu", "Hai câu hỏi: cấp học, chấm theo tháng, quý hay cả năm"),
    ("1", "Đầu năm học", "Tạo chiến dịch, sửa campaign.xlsx"),
    ("2", "Tháng 9", "Phát phiếu đăng ký thi đua cho các tổ"),
    ("3", "Hết hạn đăng ký", "Nhận lại và tổng hợp đăng ký"),
    ("4", "Cuối năm học", "Phát phiếu chấm điểm"),
    ("5", "Trong hạn nộp", "Theo dõi, nhắc tổ chưa nộp"),
    ("6", "Hết hạn nộp", "Tổng hợp, xếp hạng, xét danh hiệu"),
    ("7", "Họp Hội đồng", "Ghi ý kiến Hội đồng, lập hồ sơ"),
    ("8", "Sau cuộc họp", "Gửi cấp trên, lưu lịch sử"),
    ("9", "Mỗi tháng, quý", "Nghị định 233: từng kỳ, hiệu trưởng chấm"),
    ("10", "Cuối năm học", "Nghị định 233: cả năm, Hội đồng, hồ sơ"),
    ("Trang", "Cả năm", "Làm mọi bước trên trang, không gõ lệnh"),
    ("Trang", "Năm theo kỳ", "Kỳ, cả năm, Hội đồng, lịch sử trên trang"),
    ("Thư", "Khi phát, nhắc, gửi", "Thư nháp; nhận sổ từ thư, Zalo, Downloads"),
]
CONVENTIONS = [
    "Lệnh gõ trên **một dòng** (khung xám), đúng như in, rồi nhấn Enter. Từ bước 2, PowerShell đứng ở thư mục "
    "chiến dịch, ví dụ `" + CAMPAIGN + "`: `inbox`, `tong-hop.xlsx`… là thư mục, tệp trong đó.",
    "Chương trình không bao giờ sửa sổ các tổ gửi về. Tài liệu cho người lập trình và mọi tùy chọn: README.md.",
]


def _texts() -> list[str]:
    """The guide's running text: cover, conventions, paragraphs, labels and list items."""
    texts = list(COVER) + list(CONVENTIONS)
    for page in PAGES:
        for item in page.body:
            if isinstance(item, str):
                texts.append(item)
            elif item[0] in ("steps", "check"):
                texts += item[1]
            elif item[0] == "label":
                texts.append(item[1])
    return texts


def _code_spans() -> list[str]:
    """Every `code` of the guide's running text (names, options, paths)."""
    return [" ".join(code.split()) for text in _texts() for code in re.findall(r"`(.+?)`", text)]


def commands() -> list[str]:
    """Every command line the guide shows in a box."""
    return [item[1] for page in PAGES for item in page.body if isinstance(item, tuple) and item[0] == "cmd"]


# --- the Word document ----------------------------------------------------------------------------------------------

PAGE_WIDTH_CM, PAGE_HEIGHT_CM, SIDE_MARGIN_CM = 21.0, 29.7, 1.8
TEXT_WIDTH_PT = (PAGE_WIDTH_CM - 2 * SIDE_MARGIN_CM) / 2.54 * 72
MONO_ADVANCE = 0.6  # Courier New / Liberation Mono: every glyph 0.6 em wide


def write_docx(path: Path, screen: list[str]) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    _fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(SIDE_MARGIN_CM)
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.6)
    section.header_distance, section.footer_distance = Cm(0.8), Cm(0.8)
    _footer(section)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(36)
    run = title.add_run(COVER_TITLE)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(18), RGBColor(0x1F, 0x3A, 0x68)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(24)
    run = subtitle.add_run(COVER_SUBTITLE)
    run.italic, run.font.size = True, Pt(13)
    for text in COVER:
        _text(document.add_paragraph(), text)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, ("Bước", "Khi nào", "Việc", "Trang")):
        _text(cell.paragraphs[0], f"**{text}**")
        _shade(cell, "D9E1F2")
    if len(OVERVIEW) != len(PAGES):
        raise SystemExit(f"the cover's table has {len(OVERVIEW)} rows for {len(PAGES)} pages: one row a page")
    for page_number, (step, when, what) in enumerate(OVERVIEW, start=2):
        for cell, text in zip(table.add_row().cells, (step, when, what, str(page_number))):
            _text(cell.paragraphs[0], text)
    table.autofit = False
    widths = (1.6, 4.2, 9.6, 1.6)
    for column, width in zip(table.columns, widths):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
            cell.paragraphs[0].paragraph_format.space_before = Pt(2)
    document.add_paragraph().paragraph_format.space_after = Pt(2)
    for text in CONVENTIONS:
        _text(document.add_paragraph(), text)

    for page in PAGES:
        document.add_heading(page.heading, level=1)
        for item in page.body:
            _item(document, item, screen)
    document.save(str(path))


def _item(document, item, screen: list[str]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    if isinstance(item, str):
        _text(document.add_paragraph(), item)
        return
    kind = item[0]
    if kind == "cmd":
        paragraph = document.add_paragraph(style="Lệnh")
        size = min(10.5, int(2 * (TEXT_WIDTH_PT - 16) / (MONO_ADVANCE * len(item[1]))) / 2)
        if size < 7:
            raise SystemExit(f"a command too long for one line: {item[1]}")
        paragraph.add_run(item[1]).font.size = Pt(size)
    elif kind == "label":
        paragraph = _text(document.add_paragraph(), item[1])
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(2)
    elif kind == "screen":
        for line in screen:
            paragraph = document.add_paragraph(line or " ", style="Màn hình")
    elif kind in ("steps", "check"):
        if kind == "check":
            head = _text(document.add_paragraph(), "**Cần kiểm tra**")
            head.paragraph_format.keep_with_next = True
            head.paragraph_format.space_before = Pt(6)
            head.paragraph_format.space_after = Pt(2)
        counted = _new_count(document) if kind == "steps" else None
        for text in item[1]:
            paragraph = _text(document.add_paragraph(style="List Number" if kind == "steps" else "List Bullet"), text)
            paragraph.paragraph_format.space_after = Pt(2)
            if counted is not None:
                numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                numbering.get_or_add_ilvl().val = 0
                numbering.get_or_add_numId().val = counted
    elif kind in ("pic", "pics"):
        names = [n for n in item[1:] if isinstance(n, str)]
        tallest = next((n for n in item[1:] if not isinstance(n, str)), 10.5)
        pictures = {p.name: p for p in (*PICTURES, *SCREENSHOTS)}
        if len(names) == 1:
            _picture(document.add_paragraph(), pictures[names[0]], Cm(17.2), Cm(tallest))
            caption = pictures[names[0]].caption
        else:
            table = document.add_table(rows=1, cols=len(names))
            table.autofit = False
            for column, cell, name in zip(table.columns, table.rows[0].cells, names):
                column.width = cell.width = Cm(17.2 / len(names))
                _picture(cell.paragraphs[0], pictures[name], Cm(17.2 / len(names) - 0.6), Cm(tallest))
            caption = " · ".join(pictures[n].caption for n in names)
        paragraph = document.add_paragraph(style="Chú thích hình")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Hình: " + caption)
    else:
        raise ValueError(kind)


def _new_count(document) -> int:
    """A new instance of the List Number style's numbering, starting at 1: each list of steps counts from 1 (Word
    otherwise goes on counting from the guide's previous list)."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    num = numbering.add_num(numbering.num_having_numId(style_num).abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _picture(paragraph, picture: Picture, max_width, max_height) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    width_px, height_px = struct.unpack(">II", (GUIDE_DIR / picture.name).read_bytes()[16:24])
    width = min(max_width, int(max_height * width_px / height_px))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run()
    inline = run.add_picture(str(GUIDE_DIR / picture.name), width=width)
    _picture_border(inline)


def _picture_border(inline) -> None:
    """A thin grey line round a picture, so a white page stands out from the white paper."""
    from docx.oxml import parse_xml

    sp_pr = inline._inline.graphic.graphicData.pic.spPr
    sp_pr.append(parse_xml('<a:ln xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" w="6350">'
                           '<a:solidFill><a:srgbClr val="A6A6A6"/></a:solidFill></a:ln>'))


def _text(paragraph, text: str):
    """``text`` into ``paragraph``: **bold** and `code` (set in the monospaced font)."""
    for part in re.split(r"(\*\*.+?\*\*|`.+?`)", text):
        if not part:
            continue
        if part.startswith("**"):
            inner = part[2:-2]
            for sub in re.split(r"(`.+?`)", inner):
                if sub:
                    run = paragraph.add_run(sub.strip("`"))
                    run.bold = True
                    if sub.startswith("`"):
                        _run_font(run, MONO)
        elif part.startswith("`"):
            _run_font(paragraph.add_run(part[1:-1]), MONO)
        else:
            paragraph.add_run(part)
    return paragraph


def _run_font(run, name: str) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    run.font.size = Pt(10.5)


def _style_font(style, name: str) -> None:
    """Every script of ``style`` in font ``name`` (and no theme font, which would win over it)."""
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in list(fonts.attrib):
        if attribute.endswith(("Theme", "theme")):
            del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _fonts(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        _set_fonts(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"), FONT)
    _bullets_in(document, FONT)
    normal = document.styles["Normal"]
    _style_font(normal, FONT)
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.08
    for name in ("List Bullet", "List Number", "Table Grid"):
        _style_font(document.styles[name], FONT)
    heading = document.styles["Heading 1"]
    _style_font(heading, FONT)
    heading.font.size, heading.font.bold = Pt(16), True
    heading.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
    colour = heading.element.rPr.find(qn("w:color"))
    for attribute in list(colour.attrib):
        if "theme" in attribute:
            del colour.attrib[attribute]
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_before = Pt(0)
    heading.paragraph_format.space_after = Pt(8)
    heading.paragraph_format.keep_with_next = True

    command = document.styles.add_style("Lệnh", WD_STYLE_TYPE.PARAGRAPH)
    command.base_style = normal
    _style_font(command, MONO)
    command.font.size = Pt(10.5)
    command.font.bold = True
    command.paragraph_format.space_before = Pt(4)
    command.paragraph_format.space_after = Pt(6)
    command.paragraph_format.line_spacing = 1.0
    command.paragraph_format.left_indent = command.paragraph_format.right_indent = Cm(0.1)
    command.paragraph_format.keep_together = True
    _box(command, "F2F2F2", "808080")

    screen = document.styles.add_style("Màn hình", WD_STYLE_TYPE.PARAGRAPH)
    screen.base_style = normal
    _style_font(screen, MONO)
    screen.font.size = Pt(8)
    screen.paragraph_format.space_before = screen.paragraph_format.space_after = Pt(0)
    screen.paragraph_format.line_spacing = 1.0
    screen.paragraph_format.left_indent = screen.paragraph_format.right_indent = Cm(0.1)
    _box(screen, "EEF3FA", "A6A6A6")

    caption = document.styles.add_style("Chú thích hình", WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = normal
    caption.font.size, caption.font.italic = Pt(10), True
    caption.paragraph_format.space_before = Pt(2)
    caption.paragraph_format.space_after = Pt(6)


def _set_fonts(fonts, font: str) -> None:
    """A w:rFonts element (None: nothing to do) set to ``font`` for every script, its theme fonts dropped."""
    from docx.oxml.ns import qn

    if fonts is None:
        return
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def _bullets_in(document, font: str) -> None:
    """The template's bullets are Symbol's private glyphs (LibreOffice prints them in OpenSymbol): a bullet of
    ``font`` instead, so the PDF has only the guide's fonts."""
    from docx.oxml.ns import qn

    for level in document.part.numbering_part.element.iter(qn("w:lvl")):
        kind = level.find(qn("w:numFmt"))
        if kind is None or kind.get(qn("w:val")) != "bullet":
            continue
        level.find(qn("w:lvlText")).set(qn("w:val"), "•")
        _set_fonts(level.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"), font)


def _box(style, fill: str, line: str) -> None:
    """Shading and a border round the paragraphs of ``style`` (consecutive ones share one box)."""
    from docx.oxml import parse_xml

    p_pr = style.element.get_or_add_pPr()
    sides = "".join(f'<w:{side} w:val="single" w:sz="6" w:space="3" w:color="{line}"/>'
                    for side in ("top", "left", "bottom", "right"))
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p_pr.append(parse_xml(f"<w:pBdr {namespace}>{sides}</w:pBdr>"))
    p_pr.append(parse_xml(f'<w:shd {namespace} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _shade(cell, fill: str) -> None:
    from docx.oxml import parse_xml

    cell._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="clear" '
        f'w:color="auto" w:fill="{fill}"/>'))


def _footer(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def add(text: str) -> None:
        run = paragraph.add_run(text)
        run.font.size, run.italic = Pt(9), True

    add("Hướng dẫn thư ký Hội đồng thi đua – khen thưởng (thidua-xlsx) · Trang ")
    for name in ("PAGE", "NUMPAGES"):
        paragraph._p.append(parse_xml(
            f'<w:fldSimple {namespace} w:instr="{name}"><w:r><w:rPr><w:i/><w:sz w:val="18"/></w:rPr>'
            f'<w:t>1</w:t></w:r></w:fldSimple>'))
        if name == "PAGE":
            add("/")


# --- the text beside the pictures -----------------------------------------------------------------------------------

def write_markdown(path: Path, screen: list[str]) -> None:
    """The guide's text and pictures as Markdown: a change to the guide reads as a diff."""
    pictures = {p.name: p for p in (*PICTURES, *SCREENSHOTS)}
    out = [f"# {COVER_TITLE}", "", f"*{COVER_SUBTITLE}*", "",
           "<!-- Ghi bởi samples/build_guide.py: sửa ở đó rồi chạy lại, đừng sửa tay. -->", ""]
    out += [*(p for text in COVER for p in (text, "")), "| Bước | Khi nào | Việc |", "|---|---|---|"]
    out += [f"| {step} | {when} | {what} |" for step, when, what in OVERVIEW] + [""]
    out += [p for text in CONVENTIONS for p in (text, "")]
    for page in PAGES:
        out += [f"## {page.heading}", ""]
        for item in page.body:
            if isinstance(item, str):
                out += [item, ""]
            elif item[0] == "cmd":
                out += ["```", item[1], "```", ""]
            elif item[0] == "label":
                out += [item[1], ""]
            elif item[0] == "screen":
                out += ["```text", *screen, "```", ""]
            elif item[0] == "steps":
                out += [f"{n}. {text}" for n, text in enumerate(item[1], start=1)] + [""]
            elif item[0] == "check":
                out += ["**Cần kiểm tra**", ""] + [f"- {text}" for text in item[1]] + [""]
            else:
                out += [f"![{pictures[name].caption}]({name})" for name in item[1:] if isinstance(name, str)] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


# --- checking the printed guide -------------------------------------------------------------------------------------

def check_pdf(pdf: Path) -> int:
    """One page for the cover and each round, each round's heading on its own page, every command on one line,
    only the guide's fonts. Returns the number of pages."""
    pages = _pdf_pages(pdf)
    if len(pages) != 1 + len(PAGES):
        raise SystemExit(f"the guide has {len(pages)} pages, not {1 + len(PAGES)}: a round overflows its page "
                         "(shorten its text or its pictures)")
    for number, page in enumerate(PAGES, start=2):
        if page.heading not in pages[number - 1]:
            raise SystemExit(f"page {number} does not show {page.heading!r}")
    lines = {" ".join(line.split()) for line in subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.splitlines()}
    for command in commands():
        if command not in lines:
            raise SystemExit(f"the command is not on one line of the PDF: {command}")
    running = " ".join(" ".join(pages).split())
    shown = [*_texts(), *commands()]
    split = sorted({code for code in _code_spans() if running.count(code) < sum(text.count(code) for text in shown)})
    if split:  # LibreOffice breaks a line after a hyphen: "--\nforce" would be read, and typed, wrongly (pdftotext
        # joins such a line, dropping the hyphen: the name is then found fewer times than the guide writes it)
        raise SystemExit(f"a name or option is broken across two lines (reword the paragraph): {split}")
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = {line.split()[0].split("+")[-1] for line in table.splitlines()[2:] if line.strip()}
    strange = {f for f in fonts if not f.replace("-", "").startswith(ALLOWED_FONTS)}
    if strange:
        raise SystemExit(f"the guide uses fonts other than Times New Roman / Liberation: {sorted(strange)}")
    return len(pages)


# --- the whole ------------------------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree_digests(relative: str) -> dict[str, str]:
    path = HERE / relative
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return {p.relative_to(HERE).as_posix(): _sha256(p) for p in files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preview", type=Path, help="also render the guide's pages as PNG into this folder")
    args = parser.parse_args()
    for tool in ("pdftoppm", "pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: install poppler-utils")
    GUIDE_DIR.mkdir(exist_ok=True)
    for old in GUIDE_DIR.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="thidua_guide_") as tmp:
        work = Path(tmp)
        print("Hình từ bộ mẫu:")
        entries = render_pictures(work)
        screen = status_excerpt()
        docx = work / "huong-dan-thu-ky.docx"
        write_docx(docx, screen)
        produced = convert(docx, "pdf:writer_pdf_Export", work / "pdf", recalc=False, timeout=300)
        page_count = check_pdf(produced)
        shutil.copyfile(produced, PDF)
    write_markdown(TEXT, screen)
    sources: dict[str, str] = {}
    for relative in STATUS_SOURCES:
        sources.update(_tree_digests(relative))
    manifest = {
        "about": "Ghi bởi samples/build_guide.py: mã SHA-256 của các tệp mẫu mà mỗi hình được in ra từ đó. "
                 "tests/house/test_guide.py so với các tệp hiện có; khác thì chạy lại: python samples/build_guide.py",
        "guide": {"pdf": PDF.name, "sha256": _sha256(PDF), "pages": page_count,
                  "builder_sha256": _sha256(Path(__file__))},
        "commands": commands(),
        "pictures": entries,
        "screens": {"status --nhac": {"day": STATUS_DAY.isoformat(), "sources": sources}},
    }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in GUIDE_DIR.glob("*.png"))
    print(f"Đã ghi {PDF.relative_to(ROOT)}: {page_count} trang, {PDF.stat().st_size // 1024} KB; "
          f"{len(entries)} hình, {size // 1024} KB trong {GUIDE_DIR.relative_to(ROOT)}")
    if args.preview:
        args.preview.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(PDF), str(args.preview / "trang")], check=True)
        print(f"Xem trước: {args.preview}")


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
