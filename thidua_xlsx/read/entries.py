"""An inbox entry as every reader of an inbox sorts it out before reading (the departments' books, the period
summaries, the schools' summaries at the commune): what is no workbook to read, and what the entry records of
its file apart from its content — size, times, checksum, save time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import InboxFile, reject, skip
from thidua_xlsx.model.issues import NOTE, WARNING
from thidua_xlsx.read.containment import (
    FILE,
    GONE,
    LINK,
    MAX_FILE_BYTES,
    SPECIAL,
    TOO_LONG,
    UNREADABLE_FOLDER,
    WORKBOOK_SUFFIXES,
    InboxItem,
    left_beside,
    own_file,
    workbooks_in_archive,
)
from thidua_xlsx.read.inflating import DAMAGED_ZIP
from thidua_xlsx.system.files import sha256_of
from thidua_xlsx.system.voice import vietnam_now


def blank_entry(item: InboxItem, size: int = 0, modified: dt.datetime | None = None, sha256: str = "") -> InboxFile:
    return InboxFile(path=item.path, name=item.name, size=size, modified=modified or dt.datetime(1970, 1, 1),
                     sha256=sha256)


def with_hash(entry: InboxFile) -> InboxFile:
    """A file that is not read is hashed streaming, and only up to the workbook size limit (a 5 GB
    video in the inbox costs nothing)."""
    if entry.size > MAX_FILE_BYTES:
        return entry
    try:
        return dataclasses.replace(entry, sha256=sha256_of(entry.path))
    except OSError:
        return entry


MAX_NAMES_SHOWN = 5  # of the workbooks a ZIP file holds, in its message


def sorted_out(item: InboxItem) -> InboxFile:
    """The entry of ``item`` (its size and time), with its status when it is no workbook to read: a link,
    a lock or system file, an archive, another kind of file (the entry's reason says which); else with none."""
    if item.kind != FILE:
        code = {LINK: f"file.link_{item.detail}", SPECIAL: "file.special",
                UNREADABLE_FOLDER: {TOO_LONG: "file.folder_too_long", GONE: "file.folder_gone"}.get(
                    item.detail, "file.unreadable_folder")}[item.kind]
        return reject(blank_entry(item), code) if item.kind != LINK or item.detail != "inside" else \
            skip(blank_entry(item), code)
    entry = stat_entry(item)
    left = left_beside(item.path.name)
    if left:
        return with_hash(skip(entry, f"file.skipped_{left}"))
    own = own_file(item)  # a JSON report the README's own commands put beside the books, a record, a launcher
    if own:
        return with_hash(skip(entry, "file.own_file", NOTE, kind=(own,)))
    suffix = item.path.suffix.lower()
    if suffix == ".zip" and (inside := workbooks_in_archive(item.path)):
        return with_hash(skip(entry, "file.zip_archive", WARNING, count=len(inside),
                              names=", ".join(inside[:MAX_NAMES_SHOWN]) + (", …" if len(inside) > MAX_NAMES_SHOWN
                                                                           else "")))
    if suffix not in WORKBOOK_SUFFIXES:
        return with_hash(reject(entry, "file.not_workbook"))
    return entry


def stat_entry(item: InboxItem) -> InboxFile:
    info = item.path.lstat()
    modified = dt.datetime.fromtimestamp(info.st_mtime, dt.timezone.utc).replace(tzinfo=None)
    return blank_entry(item, info.st_size, modified)


# --- the workbook's own save time ---------------------------------------------------------------

_CORE_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_ODS_DATE = re.compile(rb"<dc:date>([^<]+)</dc:date>")
_APPLICATION = re.compile(rb"<Application>([^<]*)</Application>")
# LibreOffice writes local time: in .ods with no zone, in .xlsx wrongly marked "Z" (seen with 7.4).


def saved_at(data: bytes, suffix: str) -> dt.datetime | None:
    """The workbook's own last-saved time (set by Excel/LibreOffice/WPS on save), UTC, naive; None where it has none,
    or one no save can have been made at (:func:`possible_save`)."""
    stamp = saved_stamp(data, suffix)
    return stamp if stamp is None or possible_save(stamp) else None


#: The earliest save time taken from a workbook (before it, a computer whose clock was never set).
EARLIEST_SAVE = dt.datetime(1990, 1, 1)


def possible_save(stamp: dt.datetime) -> bool:
    """Whether a save can have been made at ``stamp`` (UTC, naive): not before :data:`EARLIEST_SAVE`, nor after a
    day from now (a PC's clock a few hours ahead, a zone mistaken) — a time in the future would make its version the
    newest against every later correction."""
    latest = vietnam_now().astimezone(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(days=1)
    return EARLIEST_SAVE <= stamp <= latest


def saved_stamp(data: bytes, suffix: str) -> dt.datetime | None:
    """The last-saved time the workbook says (UTC, naive), possible or not."""
    member, pattern = ("meta.xml", _ODS_DATE) if suffix == ".ods" else ("docProps/core.xml", _CORE_MODIFIED)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if zf.getinfo(member).file_size > 1_000_000:
                return None
            match = pattern.search(zf.read(member))
            app = _APPLICATION.search(zf.read("docProps/app.xml")) if "docProps/app.xml" in zf.namelist() else None
    except (KeyError, *DAMAGED_ZIP):
        return None
    if not match:
        return None
    text = re.sub(r"\.\d+", "", match.group(1).decode(errors="replace").strip())  # 3.10 refuses 9-digit fractions
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    local_time = stamp.tzinfo is None or (app is not None and app.group(1).startswith(b"LibreOffice"))
    try:
        if local_time:
            return stamp.replace(tzinfo=None) - ly.VIETNAM_UTC_OFFSET
        return stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
    except OverflowError:  # a time at the very start or end of the calendar
        return dt.datetime.max
