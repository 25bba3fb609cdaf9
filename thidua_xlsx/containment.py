"""Containment: what is in the inbox, and whether a file may be parsed at all — decided before parsing.

Every entry below the inbox is accounted for (regular files, links, special files, unreadable or
oddly named folders); links are never followed. A workbook is parsed only after cheap checks on
what it says about itself: its size (from ``stat``, before any read), its zip entries (sizes and
compression ratios), its encryption, and the extent of every sheet, read from the sheet's XML (or
the .xls cell records) by streaming — so a 5 KB file with one value in XFD1048576 is a message in
milliseconds, not a 550 GB allocation. The limits are stated in the README.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a department's workbook is 20–300 KB
MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
MAX_ZIP_RATIO = 200  # a normal workbook compresses ~5–20x; zip bombs ~1000x
MAX_ZIP_ENTRIES = 2000
MAX_ROWS = 5000  # our sheets have at most a few hundred rows …
MAX_COLUMNS = 64  # … and about ten columns
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1 << 20

# Entry kinds found by the scan.
FILE, LINK, SPECIAL, UNREADABLE_FOLDER, WORKBOOK_FOLDER = "file", "link", "special", "unreadable_folder", "workbook_folder"


@dataclass(frozen=True)
class InboxItem:
    path: Path
    name: str  # relative to the inbox, "/"-separated, shown safely
    kind: str
    detail: str = ""  # for a link: "dangling", "loop", "outside" or "inside"


def scan_inbox(inbox: Path) -> list[InboxItem]:
    """Every entry below ``inbox`` in a stable order; folders are entered, links never followed."""
    found: list[InboxItem] = []
    root = inbox.resolve()

    def walk(folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            found.append(InboxItem(folder, _relative(folder, inbox), UNREADABLE_FOLDER))
            return
        for entry in entries:
            path = Path(entry.path)
            name = _relative(path, inbox)
            try:
                info = os.lstat(path)
            except OSError:
                found.append(InboxItem(path, name, UNREADABLE_FOLDER))
                continue
            if stat.S_ISLNK(info.st_mode):
                found.append(InboxItem(path, name, LINK, _link_kind(path, root)))
            elif stat.S_ISDIR(info.st_mode):
                if path.suffix.lower() in WORKBOOK_SUFFIXES:
                    found.append(InboxItem(path, name, WORKBOOK_FOLDER))
                else:
                    walk(path)
            elif stat.S_ISREG(info.st_mode):
                found.append(InboxItem(path, name, FILE))
            else:
                found.append(InboxItem(path, name, SPECIAL))

    walk(inbox)
    return found


def _relative(path: Path, inbox: Path) -> str:
    return safe_name(path.relative_to(inbox).as_posix())


def _link_kind(path: Path, root: Path) -> str:
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "loop"
    except OSError as exc:
        return "loop" if exc.errno == 40 else "dangling"  # ELOOP
    return "inside" if target == root or root in target.parents else "outside"


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def safe_name(text: str) -> str:
    """A file name that cannot forge a console line: control, line-breaking and bidi characters escaped."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def sha256_of(path: Path) -> str:
    """Streaming: a non-workbook file is never read whole into memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Problem:
    code: str
    params: tuple[tuple[str, object], ...] = ()


def check_workbook(path: Path, data: bytes, suffix: str) -> Problem | None:
    """Why ``data`` (the bytes of ``path``) must not be parsed, or None. Never inflates more than the limits."""
    if data[:8] == CFB_MAGIC and suffix in (".xlsx", ".xlsm"):
        return Problem("file.encrypted")
    if suffix in (".xlsx", ".xlsm", ".ods"):
        if data[:4] != ZIP_MAGIC:
            return Problem("file.corrupt")
        return _zip_problem(data, suffix)
    if data[:8] != CFB_MAGIC:
        return Problem("file.corrupt")
    return _xls_problem(data)


def _is_sheet_part(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _zip_problem(data: bytes, suffix: str) -> Problem | None:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                return Problem("file.zip_bomb")
            if any(info.flag_bits & 0x1 for info in infos):
                return Problem("file.encrypted")
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
                return Problem("file.zip_bomb")
            names = {info.filename for info in infos}
            # Each sheet part is inflated once, here (its head checked now, its extent below); a
            # failure while inflating it is raised when its turn comes, as if it had been streamed then.
            sheets: dict[str, bytes | Exception] = {}
            for info in infos:  # Office files never declare a DTD: entities are an attack (billion laughs, XXE)
                if info.filename.endswith((".xml", ".rels")):
                    if suffix != ".ods" and _is_sheet_part(info.filename):
                        try:
                            xml = sheets[info.filename] = zf.read(info)  # at most its declared size: bounded
                            head = xml[:4096]
                        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
                            sheets[info.filename] = exc
                            with zf.open(info) as handle:
                                head = handle.read(4096)
                    else:
                        with zf.open(info) as handle:
                            head = handle.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        return Problem("file.xml_entities")
                    if info.filename == "xl/workbook.xml" and b"purl.oclc.org/ooxml" in head:
                        return Problem("file.strict_or_foreign")
            if suffix == ".ods":
                return _ods_extent(zf) if "content.xml" in names else Problem("file.corrupt")
            if "xl/workbook.xml" not in names:
                return Problem("file.strict_or_foreign") if any(n.startswith("xl/") for n in names) else \
                    Problem("file.corrupt")
            for info in infos:
                if _is_sheet_part(info.filename):
                    xml = sheets[info.filename]
                    if isinstance(xml, Exception):
                        raise xml
                    problem = _xlsx_extent(xml, info.filename)
                    if problem:
                        return problem
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
        return Problem("file.corrupt")
    return None


# A cell element with content (not self-closing): an empty styled cell far away is harmless.
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"[^>]*?(/?)>')
# Any reference beyond MAX_ROWS (5000) or MAX_COLUMNS (64, "BL"), anywhere: a sheet without one has no
# cell out of bounds, which a plain search tells ~6x faster than looking at every cell.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{1,3}(?:\d{5,7}|[5-9]\d{3})|(?:[A-Z]{3}|[C-Z][A-Z]|B[M-Z])\d{1,7})"')
assert MAX_ROWS == 5000 and MAX_COLUMNS == 64, "_FAR_REF spells these limits out"


def _xlsx_extent(xml: bytes, member: str) -> Problem | None:
    """The furthest row and column a sheet's XML names (in chunks, as when it was streamed)."""
    tail = b""
    for start in range(0, len(xml), CHUNK):
        text = tail + xml[start:start + CHUNK]
        if _FAR_REF.search(text):
            for match in _CELL_REF.finditer(text):
                if match.group(3):
                    continue
                row, col = int(match.group(2)), _column_number(match.group(1))
                if row > MAX_ROWS or col > MAX_COLUMNS:
                    return _too_big(member, row, col)
        tail = text[-200:]
    return None


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _too_big(part: str, row: int, col: int) -> Problem:
    return Problem("file.sheet_too_big", (("part", part.rsplit("/", 1)[-1]), ("rows", row), ("columns", col),
                                          ("max_rows", MAX_ROWS), ("max_columns", MAX_COLUMNS)))


_ODS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _ods_extent(zf: zipfile.ZipFile) -> Problem | None:
    """Rows and cells with content, repeats included (LibreOffice repeats empty rows freely)."""
    from defusedxml.ElementTree import iterparse

    row_tag, cell_tag = f"{{{_ODS}}}table-row", f"{{{_ODS}}}table-cell"
    rows_repeat, cols_repeat = f"{{{_ODS}}}number-rows-repeated", f"{{{_ODS}}}number-columns-repeated"
    row = col = 0
    with zf.open("content.xml") as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            if event == "start" and element.tag == f"{{{_ODS}}}table":
                row = 0
            elif event == "start" and element.tag == row_tag:
                col = 0
            elif event == "end" and element.tag == cell_tag:
                repeat = int(element.get(cols_repeat, "1"))
                if len(element) or element.attrib.get("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"):
                    if col + repeat > MAX_COLUMNS or row + 1 > MAX_ROWS:
                        return _too_big("content.xml", row + 1, col + repeat)
                col += repeat
                element.clear()
            elif event == "end" and element.tag == row_tag:
                repeat = int(element.get(rows_repeat, "1"))
                if col and repeat > 1 and row + repeat > MAX_ROWS and _has_content(element):
                    return _too_big("content.xml", row + repeat, col)
                row += repeat
                element.clear()
    return None


def _has_content(row) -> bool:
    office_type = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
    return any(len(cell) or cell.attrib.get(office_type) for cell in row)


# BIFF8 cell records: row (2 bytes), column (2 bytes) at the start of the record body.
_XLS_CELL_RECORDS = {0x00FD, 0x0203, 0x027E, 0x00BD, 0x0201, 0x00BE, 0x0006, 0x0205, 0x0204, 0x00D6}


def _xls_problem(data: bytes) -> Problem | None:
    import io

    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(s).lower() for s in ole.listdir()}
            if "encryptedpackage" in streams:
                return Problem("file.encrypted")
            name = "Workbook" if ole.exists("Workbook") else "Book" if ole.exists("Book") else None
            if name is None:
                return Problem("file.corrupt")
            stream = ole.openstream(name).read()
    except OSError:
        return Problem("file.corrupt")
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = int.from_bytes(stream[pos:pos + 2], "little"), int.from_bytes(stream[pos + 2:pos + 4], "little")
        if kind == 0x002F and pos + 4 < len(stream):  # FILEPASS: the workbook is encrypted
            return Problem("file.encrypted")
        if kind in _XLS_CELL_RECORDS and size >= 4:
            row = int.from_bytes(stream[pos + 4:pos + 6], "little") + 1
            col = int.from_bytes(stream[pos + 6:pos + 8], "little") + 1
            if row > MAX_ROWS or col > MAX_COLUMNS:
                return _too_big("Workbook", row, col)
        pos += 4 + size
    return None
