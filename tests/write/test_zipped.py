"""A workbook's zip made by :func:`thidua_xlsx.write.zipped.zip_bytes` is what :class:`zipfile.ZipFile` writes as
xlsxwriter's in-memory mode drives it: parts of every size (none, one byte, incompressible, large, repeated), in
their order, a part given twice, a name outside ASCII; and each part's compressed bytes made once a process."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from thidua_xlsx.write import zipped


def as_zipfile_writes(parts: list[tuple[str, bytes]]) -> bytes:
    """xlsxwriter 3.3's ``_store_workbook`` in its in-memory mode, into a seekable file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=False) as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zf.compression
            zf.writestr(info, data)
    return out.getvalue()


def random_parts(seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    kinds = [lambda: b"", lambda: b"x", lambda: rng.randbytes(rng.randint(1, 5000)),
             lambda: b"<row r=\"1\"><c/></row>" * rng.randint(1, 20_000),
             lambda: "Nguyễn Thị Hồng Nhung & <Tổ>".encode() * rng.randint(1, 300)]
    return [(f"xl/worksheets/sheet{k}.xml", rng.choice(kinds)()) for k in range(rng.randint(0, 12))]


@pytest.mark.parametrize("seed", range(12))
def test_zip_bytes_is_what_zipfile_writes(seed):
    parts = random_parts(seed)
    assert zipped.zip_bytes(parts) == as_zipfile_writes(parts)
    assert zipped.zip_bytes(parts) == as_zipfile_writes(parts)  # the second time from the parts kept compressed


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_part_twice_and_a_name_outside_ascii():
    parts = [("[Content_Types].xml", b"<Types/>"), ("xl/t\u1ed5.xml", b"<a/>"), ("[Content_Types].xml", b"<Types/>")]
    assert zipped.zip_bytes(parts) == as_zipfile_writes(parts)


def test_a_part_is_compressed_once(monkeypatch):
    calls = []
    real = zipped.zlib.compressobj
    monkeypatch.setattr(zipped.zlib, "compressobj", lambda *args: calls.append(args) or real(*args))
    data = random.Random(5).randbytes(3000) + b"once"
    for _ in range(3):
        zipped.zip_bytes([("a.xml", data), ("b.xml", data)])
    assert len(calls) == 1


def test_a_part_of_every_book_its_own_is_compressed_each_time_and_not_kept(monkeypatch):
    """An import file's rows (``unique``): the same zip, its part not kept; the parts every book shares kept."""
    rng = random.Random(7)
    shared, rows = rng.randbytes(2000) + b"styles", rng.randbytes(2000) + b"rows"
    parts = [("xl/styles.xml", shared), ("xl/worksheets/sheet1.xml", rows)]
    expected = as_zipfile_writes(parts)
    calls = []
    real = zipped.zlib.compressobj
    monkeypatch.setattr(zipped.zlib, "compressobj", lambda *args: calls.append(args) or real(*args))
    made = [zipped.zip_bytes(parts, unique=frozenset({"xl/worksheets/sheet1.xml"})) for _ in range(3)]
    assert made == [expected] * 3
    assert len(calls) == 4 and rows not in zipped._kept and shared in zipped._kept
