"""What an inbox entry records of its file apart from its content: size, times, checksum, save time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.read.containment import MAX_FILE_BYTES, InboxItem
from thidua_xlsx.read.inflating import DAMAGED_ZIP
from thidua_xlsx.system.files import sha256_of


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


# --- the workbook's own save time ---------------------------------------------------------------

_CORE_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_ODS_DATE = re.compile(rb"<dc:date>([^<]+)</dc:date>")
_APPLICATION = re.compile(rb"<Application>([^<]*)</Application>")
# LibreOffice writes local time: in .ods with no zone, in .xlsx wrongly marked "Z" (seen with 7.4).


def saved_at(data: bytes, suffix: str) -> dt.datetime | None:
    """The workbook's own last-saved time (set by Excel/LibreOffice/WPS on save), UTC, naive."""
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
    if local_time:
        return stamp.replace(tzinfo=None) - ly.VIETNAM_UTC_OFFSET
    return stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
