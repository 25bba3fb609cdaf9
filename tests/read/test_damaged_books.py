"""Books damaged at random, seeded: python-calamine's reading and our checks never crash on them. Each damaged book is
read and checked as a merge's reading worker does (``parallel.read_one``); whatever the damage, it is read, or refused
with a reason of its own — never "our error" (``file.internal_error``), never an exception out of the reader."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.corpus import zipped
from thidua_xlsx.model.inbox import ACCEPTED
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.department import ReadContext
from thidua_xlsx.steps.parallel import read_one
from thidua_xlsx.steps.workspace import open_campaign

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
A_FORM = SAMPLES / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx"  # filled, saved by openpyxl: inline strings
ISSUED = sorted((SAMPLES / "outbox" / "cham-diem").glob("*.xlsx"))[0]  # as generate wrote it: shared strings
DAMAGES = 120  # a place

_PIECES = (b"<", b">", b"/", b'"', b"'", b'<c r="A1">', b"</c>", b"<row>", b"</row>", b"<v>", b"</v>", b"<f>", b"</f>",
           b" ", b"\n", b"&amp;", b"&", b"0", b"9", b"-", b".", b"e", b"<is><t>x</t></is>", b' t="s"', b' t="b"',
           b' t="e"', b' t="str"', b' s="1"', b"<!--", b"-->", b"<![CDATA[", b"]]>", b"\x00", b"\xff")


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _damaged(parts: dict[str, bytes], rng: random.Random, where: str) -> dict[str, bytes]:
    """``parts`` with one to three random changes (a byte, a cut, a piece of XML put in, a stretch repeated) in a
    sheet's data, anywhere in a sheet, or in the shared strings, styles, workbook part or its relationships."""
    parts = dict(parts)
    names = [n for n in parts if n.startswith("xl/worksheets/")] if where != "other" else \
        [n for n in ("xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")
         if n in parts]
    name = rng.choice(names)
    xml = bytearray(parts[name])
    start, end = (xml.find(b"<sheetData"), xml.rfind(b"</sheetData>") + 12) if where == "data" else (0, len(xml))
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(start, end)
        change = rng.random()
        if change < 0.3:
            xml[at:at + 1] = bytes([rng.randrange(256)])
        elif change < 0.5:
            del xml[at:at + rng.randint(1, 20)]
        elif change < 0.8:
            xml[at:at] = rng.choice(_PIECES)
        else:
            other = rng.randrange(start, end)
            xml[at:at] = xml[other:other + rng.randint(1, 60)]
    parts[name] = bytes(xml)
    return parts


@pytest.fixture(scope="module")
def context(tmp_path_factory) -> ReadContext:
    """The samples' campaign, opened from a copy (its records)."""
    copy = tmp_path_factory.mktemp("campaign")
    shutil.copy(SAMPLES / "campaign.xlsx", copy / "campaign.xlsx")
    shutil.copytree(SAMPLES / "so-da-phat", copy / "so-da-phat")
    opened, problems = open_campaign(copy / "campaign.xlsx")
    assert opened is not None, problems
    return ReadContext(opened.campaign, opened.registry)


@pytest.mark.parametrize("where", ["data", "sheet", "other"])
def test_a_book_damaged_at_random_is_read_or_refused_with_its_reason_never_our_error(where, context, tmp_path):
    rng = random.Random(f"damaged books {where}")
    books = [_parts(A_FORM.read_bytes()), _parts(ISSUED.read_bytes())]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(DAMAGES):
        damaged = _damaged(rng.choice(books), rng, where)
        (inbox / f"{n:03d}.xlsx").write_bytes(zipped(damaged, level=1))  # the XML is damaged, not the deflating
    outcomes: dict[str, int] = {}
    for item in scan_inbox(inbox):
        read = read_one(item, context)
        assert read.file.reason != "file.internal_error" and not read.error, (item.name, read.file, read.error)
        outcome = read.file.status if read.file.status == ACCEPTED else read.file.reason
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == DAMAGES and len(outcomes) >= 2, outcomes  # damages that read and that did not


def _stream_broken(data: bytes, name: str) -> bytes:
    """``data`` with eight bytes in the middle of the part ``name``'s compressed stream inverted: the zip's directory
    and the part's header intact, its deflate stream broken (zlib refuses it, or gives other bytes than its CRC)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    start = info.header_offset + 30 + int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little") \
        + int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 8]) + data[middle + 8:]


def test_a_part_whose_compressed_stream_is_broken_is_a_damaged_book_never_our_error(context, tmp_path):
    """Every deflated part of both books broken in turn where it is stored — not in its XML, in its compressed bytes
    (a transfer that damaged the file): zlib's own error is a damaged book, said as such; the styles' part, read whole
    by the checks, was "our error" before."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for book in (A_FORM, ISSUED):
        data = book.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = [i.filename for i in zf.infolist()
                     if i.compress_type == zipfile.ZIP_DEFLATED and i.compress_size > 64]
        for n, name in enumerate(names):
            (inbox / f"{book.stem[:12]}-{n:02d}.xlsx").write_bytes(_stream_broken(data, name))
    outcomes: dict[str, list[str]] = {}
    for item in scan_inbox(inbox):
        read = read_one(item, context)
        assert read.file.reason != "file.internal_error" and not read.error, (item.name, read.file, read.error)
        outcome = read.file.status if read.file.status == ACCEPTED else read.file.reason
        outcomes.setdefault(outcome, []).append(item.name)
    assert "file.corrupt" in outcomes, outcomes
