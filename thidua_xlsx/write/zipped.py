"""A workbook's zip as xlsxwriter's in-memory mode writes it, each part compressed once a process.

xlsxwriter gives each part to Python's :class:`zipfile.ZipFile` (deflate at zlib's default level, every part dated
1/1/1980, a seekable file: no data descriptors). Compressing was ~4 ms a department workbook, and many parts are the
same in every book of a campaign — the style sheet, the theme, a form with the same content, the lists — while
deflate gives the same bytes for the same input at the same level. So each part's deflated bytes and CRC are kept
by its content, and the zip's headers are written here as :mod:`zipfile` writes them: the same bytes
(tests/write/test_zipped.py compares them with :class:`zipfile.ZipFile`'s on parts of every size, and every
department workbook with xlsxwriter's own, tests/write/test_generate_skeleton.py).
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable

EXCEL_DATE = (1980, 1, 1, 0, 0, 0)  # xlsxwriter's in-memory parts' time: Excel's
# xlsxwriter writing to a file zips each part from a temporary file of its own, dated 31/1/1980, with that file's
# permissions (mkstemp's 0600; Windows reports 0666): a book made in memory and zipped with these is the same bytes.
FILE_PART_DATE = (1980, 1, 31, 0, 0, 0)
FILE_PART_ATTRIBUTES = (stat.S_IFREG | (0o666 if os.name == "nt" else 0o600)) << 16
# The zip format's records as zipfile packs them (its module's constants, not in its typed interface)
_CENTRAL, _CENTRAL_SIGNATURE = "<4s4B4HL2L5H2L", b"PK\001\002"
_END, _END_SIGNATURE = b"<4s4H2LH", b"PK\005\006"
_KEPT_LIMIT = 32 * 1024 * 1024  # bytes of parts kept compressed a process (then started over)
_kept: dict[bytes, tuple[int, bytes]] = {}  # a part's bytes → its CRC and deflated bytes
_kept_size = 0


def deflated(data: bytes, keep: bool = True) -> tuple[int, bytes]:
    """``data``'s CRC-32 and its deflated bytes as :mod:`zipfile` makes them (zlib's default level, raw deflate),
    made once a process for the same bytes (``keep`` False: not kept, for a part that differs in every book)."""
    global _kept_size
    found = _kept.get(data)
    if found is None:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        found = (zlib.crc32(data), compressor.compress(data) + compressor.flush())
        if not keep:
            return found
        if _kept_size + len(data) > _KEPT_LIMIT:
            _kept.clear()
            _kept_size = 0
        _kept[data] = found
        _kept_size += len(data)
    return found


def zip_bytes(parts: Iterable[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int] = EXCEL_DATE,
              attributes: int = 0o600 << 16, unique: frozenset[str] = frozenset()) -> bytes:
    """The zip of ``parts`` (name, bytes), in their order, as ``ZipFile(file, "w", ZIP_DEFLATED)`` writes it when
    each part is given by ``writestr(ZipInfo(name, date_time), data)`` (its ``compress_type`` DEFLATED, its
    ``external_attr`` ``attributes``: by default what ZipFile gives a part without permissions) and the file closed;
    the parts named in ``unique`` (those of every book its own) are compressed without being kept.
    Raises :class:`zipfile.LargeZipFile` where that ZipFile (without ZIP64) would."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in parts:
        crc, packed = deflated(data, name not in unique)
        if len(data) * 1.05 > zipfile.ZIP64_LIMIT or offset > zipfile.ZIP64_LIMIT:
            raise zipfile.LargeZipFile("Filesize would require ZIP64 extensions")
        info = zipfile.ZipInfo(name, date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.flag_bits = 0
        info.external_attr = attributes
        info.CRC, info.compress_size, info.file_size, info.header_offset = crc, len(packed), len(data), offset
        header = info.FileHeader(False)
        out += (header, packed)
        offset += len(header) + len(packed)
        central.append(_central_entry(info))
    directory = b"".join(central)
    if offset > zipfile.ZIP64_LIMIT or len(central) > zipfile.ZIP_FILECOUNT_LIMIT:
        raise zipfile.LargeZipFile("Central directory offset would require ZIP64 extensions")
    end = struct.pack(_END, _END_SIGNATURE, 0, 0, len(central), len(central),
                      len(directory), offset, 0)
    return b"".join((*out, directory, end))


def _central_entry(info: zipfile.ZipInfo) -> bytes:
    """``info``'s entry in the central directory, as ZipFile's ``close`` writes it (no ZIP64, no extra field)."""
    dt = info.date_time
    dosdate = (dt[0] - 1980) << 9 | dt[1] << 5 | dt[2]
    dostime = dt[3] << 11 | dt[4] << 5 | (dt[5] // 2)
    try:
        name, flags = info.filename.encode("ascii"), info.flag_bits
    except UnicodeEncodeError:
        name, flags = info.filename.encode("utf-8"), info.flag_bits | 0x800
    return struct.pack(_CENTRAL, _CENTRAL_SIGNATURE, info.create_version, info.create_system,
                       info.extract_version, info.reserved, flags, info.compress_type, dostime, dosdate, info.CRC,
                       info.compress_size, info.file_size, len(name), 0, 0, 0, info.internal_attr,
                       info.external_attr, info.header_offset) + name
