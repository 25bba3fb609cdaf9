"""Containment: what is in the inbox, and whether a file may be parsed at all — decided before parsing.

Every entry below the inbox is accounted for (regular files, links, special files, unreadable or
oddly named folders); links are never followed. A workbook is parsed only after cheap checks on
what it says about itself: its size (from ``stat``, before any read), its zip entries (sizes and
compression ratios), its encryption, and the extent of every sheet, read from the sheet's XML (or
the .xls cell records) by streaming — so a 5 KB file with one value in XFD1048576 is a message in
milliseconds, not a 550 GB allocation. The limits are stated in the README.

The secretary's own books — the campaign book, a summary brought back for ``--council`` or ``--from``
— go through the same checks with bounds of their own (:data:`OWN`): a province's summary has 94,000
rows, and a value typed by mistake in the last row or column of a sheet must be a message, not a
parser that asks for 512 GB and aborts.

The tool's own files found where it reads (:func:`own_file`: a JSON report ``merge --json`` wrote into ``ky/``, its
records, a lock, a temporary file, a launcher) are told before any reader sees them: never a book.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import stat
import struct
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model.commune import LEVEL_ABOVE_META_KIND  # the level above's report says it as its kind
from thidua_xlsx.model.inbox import InboxFile, reject
from thidua_xlsx.model.issues import Problems, safe_name
from thidua_xlsx.model.received import LOCK_PREFIXES, MAX_FILE_BYTES, WORKBOOK_SUFFIXES
from thidua_xlsx.read.inflating import DAMAGED_ZIP, Unzipped, inflated_part, looked_at
from thidua_xlsx.read.package_parts import (
    BOOK_PART,
    BOOK_RELS_PART,
    KEPT_WHOLE,
    layout_problem,
    read_two_ways,
    worksheet_part,
)
from thidua_xlsx.read.sheet_extent import (
    TagTooLong,
    far_cell,
    far_hint,
    first_beyond,
    leaves_places_implied,
    open_tag,
)
from thidua_xlsx.system.files import TEMPORARY, too_long
from thidua_xlsx.system.lock import LOCK_SUFFIX
from thidua_xlsx.text.ui import LAUNCHER_STEM

MAX_UNZIPPED_BYTES = 60 * 1024 * 1024
MAX_ZIP_RATIO = 200  # a normal workbook compresses ~5–20x; zip bombs ~1000x
MAX_ZIP_ENTRIES = 2000
MAX_ROWS = 5000  # our sheets have at most a few hundred rows …
MAX_COLUMNS = 64  # … and about ten columns
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
CHUNK = 1 << 20

# Entry kinds found by the scan.
FILE, LINK, SPECIAL, UNREADABLE_FOLDER = "file", "link", "special", "unreadable_folder"
TOO_LONG = "too_long"  # the detail of an unreadable folder whose path is past the system's limit
GONE = "gone"  # the detail of a folder that is not there (the inbox named wrongly, moved or removed while read)
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})  # what Finder and Explorer leave in a folder
LOCK, SYSTEM = "lock", "system"


@dataclass(frozen=True)
class InboxItem:
    path: Path
    name: str  # relative to the inbox, "/"-separated, shown safely
    kind: str
    detail: str = ""  # for a link: "dangling", "loop", "outside" or "inside"; for a folder: TOO_LONG, GONE or ""


def _why_unread(exc: OSError) -> str:
    """The detail of a folder that could not be opened: its path too long, the folder not there, else (permissions)
    ""."""
    return TOO_LONG if too_long(exc) else GONE if isinstance(exc, FileNotFoundError) else ""


def scan_inbox(inbox: Path) -> list[InboxItem]:
    """Every entry below ``inbox`` in a stable order; folders are entered (one named like a workbook,
    "To-Toan.xlsx/", too: a mail program saves a workbook sent in a folder of its name), links never followed."""
    found: list[InboxItem] = []
    root = inbox.resolve()

    def walk(folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(InboxItem(folder, _relative(folder, inbox), UNREADABLE_FOLDER, _why_unread(exc)))
            return
        for entry in entries:
            path = Path(entry.path)
            name = _relative(path, inbox)
            try:
                info = os.lstat(path)
            except OSError as exc:
                found.append(InboxItem(path, name, UNREADABLE_FOLDER, _why_unread(exc)))
                continue
            if stat.S_ISLNK(info.st_mode):
                found.append(InboxItem(path, name, LINK, _link_kind(path, root)))
            elif stat.S_ISDIR(info.st_mode):
                walk(path)
            elif stat.S_ISREG(info.st_mode):
                found.append(InboxItem(path, name, FILE))
            else:
                found.append(InboxItem(path, name, SPECIAL))

    walk(inbox)
    return found


def left_beside(name: str) -> str:
    """:data:`LOCK` for the file a spreadsheet program leaves beside a book it has open, :data:`SYSTEM` for one a
    system leaves in any folder (``Thumbs.db``, ``desktop.ini``, ``.DS_Store``), else "": never a book."""
    base = name.lower()
    return LOCK if base.startswith(LOCK_PREFIXES) else SYSTEM if base in SYSTEM_FILES else ""


def returned_book(item: InboxItem) -> bool:
    """Whether ``item`` (as :func:`scan_inbox` found it) is a returned book: a regular file of a workbook's kind, not
    one a spreadsheet program or a system left there (:func:`left_beside`). What the merge reads as a book, and what
    the page counts as received; the tool's own files (:func:`own_file`) have other kinds."""
    return item.kind == FILE and not left_beside(item.path.name) and item.path.suffix.lower() in WORKBOOK_SUFFIXES


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


# --- the tool's own files -----------------------------------------------------------------------------------------
# Kinds (codes, worded by text.messages' labels) of what the tool writes beside the books it reads.
OWN_REPORT = "own.report"  # the JSON report of merge, year or the level above (--json): schema_version, campaign
OWN_RECORD = "own.record"  # da-ghi.json, cac-lan-chay.json: {"schema": n, ("release": …,) "files"/"runs": …}
OWN_LOCK = "own.lock"  # a run's lock beside its output or in its campaign folder (system.lock)
OWN_TEMPORARY = "own.temporary"  # a file being written under its temporary name (system.files.TEMPORARY)
OWN_LAUNCHER = "own.launcher"  # the double-click files that open the page (write.launchers)
OWN_HEAD_BYTES = 8192  # of a JSON file, read to tell a report or a record of ours: its first members are in it
OWN_MEMBERS = 3  # first members of a JSON object looked at
LAUNCHER_SUFFIXES = (".bat", ".command", ".sh")


def own_file(item: InboxItem) -> str:
    """The kind of the tool's own file ``item`` (as :func:`scan_inbox` found it) is (:data:`OWN_REPORT`…), or "":
    never a book, wherever it lies. A JSON file is told by its content, never by its name alone: its first members
    (``schema_version`` then ``campaign`` or ``kind``, as write.report_json and commune.write write them;
    ``schema`` then ``files`` or ``runs``, as the records), from at most :data:`OWN_HEAD_BYTES` read without following
    a link or waiting on a special file. A lock, a temporary file, a launcher by their names, which are the tool's own
    (a temporary name ends in eight hexadecimal digits and ``.tmp``). Anything else — a JSON of another program, a
    link, a folder — is not said here to be ours."""
    if item.kind != FILE:
        return ""
    base = item.path.name
    if base.startswith(".") and base.endswith(LOCK_SUFFIX):
        return OWN_LOCK
    if TEMPORARY.fullmatch(base):
        return OWN_TEMPORARY
    if base.casefold() in {f"{LAUNCHER_STEM}{suffix}".casefold() for suffix in LAUNCHER_SUFFIXES}:
        return OWN_LAUNCHER
    if item.path.suffix.lower() == ".json":
        return _own_json(_head(item.path, OWN_HEAD_BYTES))
    return ""


def _head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the regular file at ``path``; b"" for anything else (a link or a FIFO put in its
    place since the scan: opened without following it, without waiting) or a file that cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return b""
    try:
        return os.read(handle, size) if stat.S_ISREG(os.fstat(handle).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(handle)


def _own_json(head: bytes) -> str:
    """The kind of JSON file of ours whose first bytes are ``head`` (:data:`OWN_REPORT`, :data:`OWN_RECORD`), or ""."""
    members = _first_members(head.decode("utf-8", "ignore").removeprefix("\ufeff"))
    keys = [key for key, _ in members]
    values = dict(members)

    def version(key: str) -> bool:
        value = values.get(key)
        return isinstance(value, int) and not isinstance(value, bool) and value >= 1

    if keys[:1] == ["schema_version"] and version("schema_version"):
        campaign = values.get("campaign")
        if (isinstance(campaign, dict) and {"id", "school_year"} <= campaign.keys()) or \
                values.get("kind") == LEVEL_ABOVE_META_KIND:
            return OWN_REPORT
    if keys[:1] == ["schema"] and version("schema") and (keys[1:2] in (["files"], ["runs"])
                                                         or keys[1:3] == ["release", "runs"]):  # runs since 0.8.0
        return OWN_RECORD
    return ""


def _first_members(text: str) -> list[tuple[str, object]]:
    """The first members (at most :data:`OWN_MEMBERS`) of the JSON object ``text`` begins, each (key, value); a value
    cut by the end of ``text`` is given as None, and ends the list. [] when ``text`` does not begin an object."""
    decoder = json.JSONDecoder()
    at = _skip_space(text, 0)
    if not text.startswith("{", at):
        return []
    at += 1
    found: list[tuple[str, object]] = []
    while len(found) < OWN_MEMBERS:
        try:
            key, at = decoder.raw_decode(text, _skip_space(text, at))
        except (ValueError, RecursionError):
            break
        at = _skip_space(text, at)
        if not isinstance(key, str) or not text.startswith(":", at):
            break
        try:
            value, at = decoder.raw_decode(text, _skip_space(text, at + 1))
        except (ValueError, RecursionError):  # cut by the head's end (a long list of files), or not JSON
            found.append((key, None))
            break
        found.append((key, value))
        at = _skip_space(text, at)
        if not text.startswith(",", at):
            break
        at += 1
    return found


def _skip_space(text: str, at: int) -> int:
    """Where the first character from ``at`` that is not JSON's white space is (``len(text)``: none)."""
    while at < len(text) and text[at] in " \t\n\r":
        at += 1
    return at


def workbooks_in_archive(path: Path) -> list[str]:
    """The workbooks a ZIP file holds (saved from an e-mail with several attachments), by name as shown
    safely; [] for a broken archive, one with none, or one with more entries than a workbook may have.
    Only the archive's directory is read: nothing is extracted, so no name inside can point anywhere."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                return []
            return [safe_name(info.filename) for info in infos if not info.is_dir() and
                    Path(info.filename).suffix.lower() in WORKBOOK_SUFFIXES and "__MACOSX/" not in info.filename]
    except DAMAGED_ZIP:
        return []


@dataclass(frozen=True)
class Problem:
    code: str
    params: tuple[tuple[str, object], ...] = ()


def check_workbook(path: Path, data: bytes, suffix: str, parts: dict[str, bytes] | None = None) -> Problem | None:
    """Why ``data`` (the bytes of ``path``) must not be parsed, or None. Never inflates more than the limits.

    ``parts``: given, it receives the sheet parts of an .xlsx/.xlsm inflated by the checks (those up to
    CHUNK, by part name), and the workbook part, its relationships and the style sheet, inflated whole then, for the
    reader to look at without inflating them again."""
    if data[:8] == CFB_MAGIC and suffix in (".xlsx", ".xlsm"):
        return Problem("file.encrypted")
    if suffix in (".xlsx", ".xlsm", ".ods"):
        if data[:4] != ZIP_MAGIC:
            return Problem("file.corrupt")
        return _zip_problem(data, suffix, INBOX, parts)
    if data[:8] != CFB_MAGIC:
        return Problem("file.corrupt")
    return _xls_problem(data, INBOX)


def read_own_book(book: Path, problems: Problems, unreadable: str, bounds: Bounds | None = None,
                  unzipped: Unzipped | None = None, **params) -> bytes | None:
    """The bytes of the secretary's own book ``book`` (the campaign book, a summary brought back), or
    None with the reason in ``problems``: the checks of :func:`check_workbook` to ``bounds`` (:data:`OWN`;
    :data:`SCHOOL` for a file another party sent: a school's summary, a history book), its format told from its
    content (as calamine tells it). ``unreadable`` is the caller's message for a broken, encrypted or foreign file,
    given ``params``; ``unzipped``, given, receives what the checks saw of an .xlsx. OSError: not readable."""
    bounds = bounds or OWN
    with open(book, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        data = handle.read() if size <= bounds.file_bytes else b""
    problem = Problem("file.too_big") if size > bounds.file_bytes else _own_book_problem(data, bounds, unzipped)
    if problem is None:
        return data
    if problem.code in ("file.too_big", "file.zip_bomb"):
        problems.add("book.too_big", file=book.name, size_mb=-(-size // (1024 * 1024)),
                     max_mb=bounds.file_bytes // (1024 * 1024), max_unzipped_mb=bounds.unzipped_bytes // (1024 * 1024))
    elif problem.code == "file.sheet_too_big":
        from xlsxwriter.utility import xl_rowcol_to_cell  # deferred: xlsxwriter at start-up

        found = dict(problem.params)
        part, rows, columns = found["part"], found["rows"], found["columns"]
        if not isinstance(part, str) or not isinstance(rows, int) or not isinstance(columns, int):
            raise TypeError(f"a sheet's extent is its part's name, rows and columns, not {found}")
        problems.add("book.sheet_too_big", file=book.name, sheet=sheet_names(data).get(part, part),
                     cell=xl_rowcol_to_cell(rows - 1, columns - 1), max_rows=bounds.rows, max_columns=bounds.columns)
    else:
        problems.add(unreadable, **params)
    return None


def _own_book_problem(data: bytes, bounds: Bounds, unzipped: Unzipped | None = None) -> Problem | None:
    if data[:8] == CFB_MAGIC:
        return _xls_problem(data, bounds)  # an encrypted .xlsx is one too: told there
    if data[:4] != ZIP_MAGIC:
        return Problem("file.corrupt")
    if unzipped is None:
        return _zip_problem(data, None, bounds)
    return _zip_problem(data, None, bounds, unzipped.parts, unzipped.kept, unzipped.names)


def sheet_names(data: bytes, parts: dict[str, bytes] | None = None) -> dict[str, str]:
    """Sheet part (``sheet3.xml``) → the sheet's name as its tab shows it; {} when the book does not say.
    ``parts``: the parts :func:`check_workbook` inflated, if any (else they are inflated from ``data``)."""
    try:
        if parts is not None and BOOK_RELS_PART in parts and BOOK_PART in parts:
            rels, book = parts[BOOK_RELS_PART], parts[BOOK_PART]
        else:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                rels, book = zf.read(BOOK_RELS_PART), zf.read(BOOK_PART)
    except (KeyError, *DAMAGED_ZIP):
        return {}
    return dict(_names_in(rels, book))


def sheet_parts(data: bytes, parts: dict[str, bytes]) -> dict[str, bytes]:
    """Sheet name → its XML: as :func:`check_workbook` inflated it (``parts``), or, bigger than it keeps, inflated now
    at most to its declared size (within the bounds checked: one padded past 1 MB was looked at by no check)."""
    found = {name: parts.get(f"xl/worksheets/{part}") or inflated_part(data, f"xl/worksheets/{part}")
             for part, name in sheet_names(data, parts).items()}
    return {name: xml for name, xml in found.items() if xml is not None}


@functools.lru_cache(maxsize=256)  # the workbooks of one campaign share these two parts
def _names_in(rels_xml: bytes, book_xml: bytes) -> dict[str, str]:
    """:func:`sheet_names` from the two parts that tell them, parsed once for the same bytes (the dict is kept:
    never to be changed)."""
    from defusedxml.ElementTree import ParseError, fromstring  # deferred: defusedxml at start-up

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    try:
        rels, book = fromstring(rels_xml), fromstring(book_xml)
    except (ValueError, ParseError):
        found = {}
    else:
        parts = {rel.get("Id"): part for rel in rels if (part := worksheet_part(rel.get("Target") or ""))}
        found = {parts[sheet.get(rid)]: sheet.get("name", "") for sheet in book.iter(main) if sheet.get(rid) in parts}
    return found


def _is_sheet_part(name: str) -> bool:
    return name.startswith("xl/worksheets/") and name.endswith(".xml")


def _zip_problem(data: bytes, suffix: str | None, bounds: Bounds, parts: dict[str, bytes] | None = None,
                 kept: tuple[str, ...] = KEPT_WHOLE, names_seen: list[str] | None = None) -> Problem | None:
    """``suffix`` None: the format is told from the entries (an .ods has content.xml, no xl/workbook.xml);
    ``parts``: see :func:`check_workbook`; ``kept``: the parts besides the sheets that it receives whole;
    ``names_seen``: receives every entry's name. Every part is inflated once
    (:func:`~thidua_xlsx.read.inflating.looked_at`), and at most to its declared size."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if names_seen is not None:
                names_seen.extend(info.filename for info in infos)
            entries = _entries_problem(infos, bounds)
            if entries:
                return entries
            names = {info.filename for info in infos}
            if suffix is None:
                suffix = ".ods" if "content.xml" in names and "xl/workbook.xml" not in names else ".xlsx"
            # A sheet part up to CHUNK is inflated once, here (its head checked now, its extent below); a
            # failure while inflating it is raised when its turn comes, as if it had been streamed then (a part
            # kept whole for the reader that fails is checked by its head, as any other part is).
            # A bigger one (a province's summary has 100 MB parts) is streamed again for its extent.
            ods = suffix == ".ods"
            wrong, sheets = looked_at(zf, data, lambda info: not ods and info.file_size <= CHUNK and (
                _is_sheet_part(info.filename) or (parts is not None and info.filename in kept)))
            if wrong:
                return Problem(wrong)
            if suffix == ".ods":
                return _ods_extent(zf, bounds) if "content.xml" in names else Problem("file.corrupt")
            extent = _xlsx_problem(zf, infos, names, sheets, bounds)
            if extent:
                return extent
    except DAMAGED_ZIP:
        return Problem("file.corrupt")
    if parts is not None:
        parts.update((name, xml) for name, xml in sheets.items() if isinstance(xml, bytes))
    return None


def _entries_problem(infos: list[zipfile.ZipInfo], bounds: Bounds) -> Problem | None:
    """What the zip's directory tells before any inflating: an encrypted entry, a zip bomb (too many entries, more
    bytes unzipped than ``bounds`` allow or a ratio no workbook has)."""
    if len(infos) > MAX_ZIP_ENTRIES:
        return Problem("file.zip_bomb")
    if any(info.flag_bits & 0x1 for info in infos):
        return Problem("file.encrypted")
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > bounds.unzipped_bytes or total / packed > MAX_ZIP_RATIO:
        return Problem("file.zip_bomb")
    return None


def _xlsx_problem(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], names: set[str],
                  sheets: dict[str, bytes | Exception], bounds: Bounds) -> Problem | None:
    """An .xlsx without its workbook part, or its first sheet part reaching past ``bounds``: from its bytes inflated
    already (``sheets``; a failure met inflating it raised now), else streamed again."""
    if "xl/workbook.xml" not in names:
        return Problem("file.strict_or_foreign") if any(n.startswith("xl/") for n in names) else Problem("file.corrupt")
    misplaced = layout_problem(zf, sheets)
    if misplaced:
        return Problem(misplaced)
    for info in infos:
        if _is_sheet_part(info.filename):
            inflated = sheets.get(info.filename)
            if isinstance(inflated, Exception):
                raise inflated
            pieces = (lambda: [inflated]) if inflated is not None else functools.partial(_streamed, zf, info)
            problem = _xlsx_extent(pieces, info.filename, bounds)
            if problem:
                return problem
    return None


@dataclass(frozen=True)
class Bounds:
    """How big a workbook may be before a parser is given it."""

    file_bytes: int
    unzipped_bytes: int
    rows: int  # of any sheet, counted to its furthest cell with content …
    columns: int
    far: re.Pattern  # … found by this: it matches every reference beyond them (and may match a few
    # within, which are then looked at exactly). A sheet without one is within bounds, which a plain
    # search tells ~6x faster than looking at every cell.


INBOX = Bounds(MAX_FILE_BYTES, MAX_UNZIPPED_BYTES, MAX_ROWS, MAX_COLUMNS, re.compile(
    rb'r="(?:[A-Z]{1,3}(?:\d{5,7}|[5-9]\d{3})|(?:[A-Z]{3}|[C-Z][A-Z]|B[M-Z])\d{1,7})"'))  # > 5000 rows, > BL
# The campaign book and summaries: 94,000 rows in a summary of 84,000 people (10,000 departments), 28
# columns in its widest sheet (14 + 2 per group of criteria). At the bounds calamine holds ~820 MB.
OWN = Bounds(256 * 1024 * 1024, 2 * 1024 * 1024 * 1024, 200_000, 128, re.compile(
    rb'r="(?:[A-Z]{1,3}(?:\d{7}|[2-9]\d{5})|(?:[A-Z]{3}|[E-Z][A-Z]|D[YZ])\d{1,7})"'))  # ≥ 200,000 rows, > DX
# What another party sends the secretary or the officer (a school's final summary, a history book): sized for a
# school — a school of 2,000 people writes ~4,000 rows and ~3 MB unzipped — so a small crafted file cannot make the
# reader allocate what a province's own summary may (OWN).
SCHOOL = Bounds(20 * 1024 * 1024, 80 * 1024 * 1024, 20_000, 128, re.compile(
    rb'r="(?:[A-Z]{1,3}(?:\d{6,7}|[2-9]\d{4})|(?:[A-Z]{3}|[E-Z][A-Z]|D[YZ])\d{1,7})"'))  # ≥ 20,000 rows, > DX
assert (INBOX.rows, INBOX.columns, OWN.rows, OWN.columns, SCHOOL.rows, SCHOOL.columns) == \
    (5000, 64, 200_000, 128, 20_000, 128), "the patterns spell these out (and every bound's columns go past AZ)"


def _streamed(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with zf.open(info) as handle:
        yield from iter(lambda: handle.read(CHUNK), b"")


def _xlsx_extent(pieces: Callable[[], Iterable[bytes]], member: str, bounds: Bounds) -> Problem | None:
    """The furthest row and column a sheet's XML names, told from its pieces (each up to CHUNK); where a row or a cell
    leaves its place implied, counted from every row and cell (:mod:`.sheet_extent`; ``pieces()`` read again)."""
    tail = b""
    hint = far_hint(bounds.rows)
    implied = False
    for piece in pieces():
        text = tail + piece
        if read_two_ways(text):
            return Problem("file.strict_or_foreign")
        if hint.search(text) and bounds.far.search(text) and (far := far_cell(text, bounds.rows, bounds.columns)):
            return _too_big(member, *far, bounds)
        tail, whole = open_tag(text)
        implied = implied or not whole or leaves_places_implied(text)  # a tag too long to be real: counted, refused
    try:
        beyond = first_beyond(pieces(), bounds.rows, bounds.columns) if implied else None
    except TagTooLong:
        return Problem("file.corrupt")
    return _too_big(member, *beyond, bounds) if beyond else None


def _too_big(part: str, row: int, col: int, bounds: Bounds) -> Problem:
    return Problem("file.sheet_too_big", (("part", part.rsplit("/", 1)[-1]), ("rows", row), ("columns", col),
                                          ("max_rows", bounds.rows), ("max_columns", bounds.columns)))


_ODS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _ods_extent(zf: zipfile.ZipFile, bounds: Bounds) -> Problem | None:
    """Rows and cells with content, repeats included (LibreOffice repeats empty rows freely); a cell out
    of bounds is told with its sheet's name (there is one part for all sheets)."""
    from defusedxml.ElementTree import iterparse  # deferred: defusedxml at start-up

    row_tag, cell_tag = f"{{{_ODS}}}table-row", f"{{{_ODS}}}table-cell"
    rows_repeat, cols_repeat = f"{{{_ODS}}}number-rows-repeated", f"{{{_ODS}}}number-columns-repeated"
    row = col = 0
    sheet = "content.xml"
    with zf.open("content.xml") as handle:
        for event, element in iterparse(handle, events=("start", "end")):
            if event == "start" and element.tag == f"{{{_ODS}}}table":
                row, sheet = 0, element.get(f"{{{_ODS}}}name") or "content.xml"
            elif event == "start" and element.tag == row_tag:
                col = 0
            elif event == "end" and element.tag == cell_tag:
                repeat = int(element.get(cols_repeat, "1"))
                if len(element) or element.attrib.get("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"):
                    if col + repeat > bounds.columns or row + 1 > bounds.rows:
                        return _too_big(sheet, row + 1, col + repeat, bounds)
                col += repeat
                element.clear()
            elif event == "end" and element.tag == row_tag:
                repeat = int(element.get(rows_repeat, "1"))
                if col and repeat > 1 and row + repeat > bounds.rows and _has_content(element):
                    return _too_big(sheet, row + repeat, col, bounds)
                row += repeat
                element.clear()
    return None


def _has_content(row) -> bool:
    office_type = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
    return any(len(cell) or cell.attrib.get(office_type) for cell in row)


# BIFF8 cell records: row (2 bytes), column (2 bytes) at the start of the record body.
_XLS_CELL_RECORDS = {0x00FD, 0x0203, 0x027E, 0x00BD, 0x0201, 0x00BE, 0x0006, 0x0205, 0x0204, 0x00D6}


def _xls_problem(data: bytes, bounds: Bounds) -> Problem | None:
    import olefile  # deferred: olefile at start-up

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(s).lower() for s in ole.listdir()}
            if "encryptedpackage" in streams:
                return Problem("file.encrypted")
            name = "Workbook" if ole.exists("Workbook") else "Book" if ole.exists("Book") else None
            if name is None:
                return Problem("file.corrupt")
            stream = ole.openstream(name).read()
    except (OSError, ValueError, IndexError, struct.error, EOFError):  # what olefile raises on a crafted header
        return Problem("file.corrupt")
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = int.from_bytes(stream[pos:pos + 2], "little"), int.from_bytes(stream[pos + 2:pos + 4], "little")
        if kind == 0x002F and pos + 4 < len(stream):  # FILEPASS: the workbook is encrypted
            return Problem("file.encrypted")
        if kind in _XLS_CELL_RECORDS and size >= 4:
            row = int.from_bytes(stream[pos + 4:pos + 6], "little") + 1
            col = int.from_bytes(stream[pos + 6:pos + 8], "little") + 1
            if row > bounds.rows or col > bounds.columns:
                return _too_big("Workbook", row, col, bounds)
        pos += 4 + size
    return None


def unreadable(entry: InboxFile, exc: OSError) -> InboxFile:
    """``entry`` rejected for the OSError that stopped its reading: a path past the system's limit said as such
    (never as a want of permission), else a file that may not be read or is held."""
    if too_long(exc):
        return reject(entry, "file.too_long", length=len(str(entry.path)))
    return reject(entry, "file.unreadable")
