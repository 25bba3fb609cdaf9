"""A workbook's parts inflated straight from its bytes, for containment: what ``zipfile.ZipFile.read`` and
``ZipFile.open(…).read(n)`` give, with the same checks — the part's local header (its signature, its name the one the
directory says), its method, its CRC-32 when the part is read to its end — without the file object zipfile makes for
each part (~15 µs, ~25 parts a workbook). A part these checks do not cover (another method than stored or deflated,
patched or strongly encrypted data, a header that does not match, a stream that ends early) is read by zipfile
itself, which then gives what it always gave or raises what it always raised.

Never more than a part's declared size is inflated (its head: at most the head's size), whatever its stream holds:
zipfile inflates a stream longer than it says to its end (up to 2 GB) before cutting it to its size — a zip bomb in
a part that says it is small. The quick way gives the same bytes, the same CRC-32 checked, without inflating the rest.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile's structFileHeader: the 30 bytes before a part's name
_LOCAL_MAGIC = b"PK\x03\x04"
_UTF8_NAME = 0x800
_UNSUPPORTED = 0x1 | 0x20 | 0x40  # encrypted (a password asked for), compressed patched data, strong encryption


HEAD = 4096  # of a part, looked at for what no Office file has

#: What reading a part of a damaged zip raises: zipfile's own faults, zlib's on a broken stream (zipfile passes it
#: on as it is), a read cut short, a method zipfile does not know. Each means the file is damaged, never our error.
DAMAGED_ZIP = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)


def looked_at(zf: zipfile.ZipFile, data: bytes, whole: Callable[[zipfile.ZipInfo], bool]
              ) -> tuple[str, dict[str, bytes | Exception]]:
    """Every XML part of ``zf`` (opened on ``data``) looked at by its head, once: what is wrong with it as a code
    ("" nothing) — a DTD or an entity (Office files never declare one: billion laughs, XXE), a workbook part of
    another dialect (strict Open XML) —, and the parts ``whole`` wants inflated whole, by name (or the exception that
    stopped the inflating; such a part is looked at by its head alone)."""
    parts = Parts(zf, data)
    found: dict[str, bytes | Exception] = {}
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        if whole(info):
            try:
                xml = found[info.filename] = parts.whole(info)  # at most its declared size
                head = xml[:HEAD]
            except DAMAGED_ZIP as exc:
                found[info.filename] = exc
                head = parts.head(info, HEAD)
        else:
            head = parts.head(info, HEAD)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            return "file.xml_entities", found
        if (info.filename == "xl/workbook.xml" or info.filename.startswith("xl/worksheets/")) and \
                b"purl.oclc.org/ooxml" in head:  # a sheet of another dialect in a transitional book: read two ways
            return "file.strict_or_foreign", found
        if _claims_more_strings(info, head):
            return "file.corrupt", found
    return "", found


# A shared strings part's head: the number of strings it says it holds, which calamine sets room for before reading
# one (a part of 200 bytes saying 4,294,967,295 asked for 103 GB and the process aborted).
_UNIQUE_COUNT = re.compile(rb'<(?:\w+:)?sst\b[^<>]*?\buniqueCount="(\d{1,20})"')
SMALLEST_STRING = 5  # bytes: "<si/>"


def _claims_more_strings(info: zipfile.ZipInfo, head: bytes) -> bool:
    """Whether a shared strings part says it holds more strings than its bytes can."""
    if not info.filename.lower().endswith("sharedstrings.xml"):
        return False
    claimed = _UNIQUE_COUNT.search(head)
    return claimed is not None and int(claimed.group(1)) > info.file_size // SMALLEST_STRING


def inflated_part(data: bytes, name: str) -> bytes | None:
    """The part ``name`` of the workbook ``data`` that the checks did not keep (bigger than they keep), at most its
    declared size; None: not there, or damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return Parts(zf, data).whole(zf.getinfo(name))
    except (KeyError, *DAMAGED_ZIP):
        return None


class Parts:
    """The parts of one zip (``zf``, opened on ``data``), inflated on demand."""

    def __init__(self, zf: zipfile.ZipFile, data: bytes) -> None:
        self.zf, self.data = zf, data

    def whole(self, info: zipfile.ZipInfo) -> bytes:
        """The part, as ``zf.read(info)`` gives it (and raises)."""
        found = self._inflated(info, info.file_size)
        return found if found is not None else self.zf.read(info)

    def head(self, info: zipfile.ZipInfo, size: int) -> bytes:
        """The part's first ``size`` bytes, as ``zf.open(info).read(size)`` gives them (and raises)."""
        if info.file_size <= size:  # read to its end: its CRC is checked, as zipfile does at the end
            return self.whole(info)
        found = self._inflated(info, size)
        if found is not None:
            return found
        with self.zf.open(info) as handle:  # a stream shorter than it says: zipfile's own account of it
            return handle.read(size)

    def _inflated(self, info: zipfile.ZipInfo, size: int) -> bytes | None:
        """The first ``size`` bytes of the part (its CRC checked when that is all of it), or None when zipfile must
        read it (see the module). zlib.error on a broken stream, as zipfile raises it."""
        start = self._start(info)
        if start is None:
            return None
        raw = memoryview(self.data)[start:start + info.compress_size]
        if len(raw) != info.compress_size:
            return None
        if info.compress_type == zipfile.ZIP_STORED:
            found = bytes(raw[:size])
        else:  # what a stream holds past ``size`` is never inflated (zipfile inflates it all, then cuts it off)
            found = zlib.decompressobj(-15).decompress(raw, size) if size else b""  # (0: no limit, to zlib)
        if len(found) != size:
            return None  # a stream that ends early: zipfile's reading tells how
        if size == info.file_size and zlib.crc32(found) != info.CRC:
            raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")
        return found

    def _start(self, info: zipfile.ZipInfo) -> int | None:
        """Where the part's data begins, after a local header that says what the directory says; None otherwise."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & _UNSUPPORTED:
            return None
        at = info.header_offset
        header = self.data[at:at + _LOCAL.size]
        if len(header) != _LOCAL.size:
            return None
        fields = _LOCAL.unpack(header)
        if fields[0] != _LOCAL_MAGIC:
            return None
        name_length, extra_length = fields[10], fields[11]
        raw_name = self.data[at + _LOCAL.size:at + _LOCAL.size + name_length]
        try:
            name = raw_name.decode("utf-8" if fields[3] & _UTF8_NAME else "cp437")
        except UnicodeDecodeError:
            return None
        if name != info.orig_filename:
            return None
        start = at + _LOCAL.size + name_length + extra_length
        end = getattr(info, "_end_offset", None)  # where the next part begins (Python 3.12 on): overlapping parts
        if end is not None and start + info.compress_size > end:  # are a zip bomb's, which zipfile refuses
            return None
        return start


@dataclass(frozen=True)
class Unzipped:
    """What containment's checks of an own book saw in its zip, for a caller that looks further
    (:func:`~thidua_xlsx.read.containment.read_own_book`): every entry's name, and the parts ``kept`` inflated whole
    by the checks (one absent from ``parts``: not in the zip, or not to be inflated); the sheet parts inflated for
    their extent are in ``parts`` too."""

    kept: tuple[str, ...]
    names: list[str] = field(default_factory=list)
    parts: dict[str, bytes] = field(default_factory=dict)
