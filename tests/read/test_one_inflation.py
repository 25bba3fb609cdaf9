"""Containment inflates each part of a workbook once, straight from its bytes (read.inflating), and looks for cells
beyond a sheet's bounds with a quicker pattern first: what it gives, refuses and says is what zipfile's reading and
the bounds' own pattern gave — on the samples' workbooks, on zips damaged or forged part by part, and at every edge
of every bound."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
import xlsxwriter

from thidua_xlsx.commune.read_inbox import read_school_summary
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.containment import FILE, INBOX, OWN, SCHOOL, Bounds, InboxItem, check_workbook, read_own_book
from thidua_xlsx.read.entries import sorted_out
from thidua_xlsx.read.inflating import Parts

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "samples").rglob("*.xlsx") if not p.name.startswith("~$"))
COMMUNE_FINAL = ROOT / "samples" / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx"


def _as_zipfile_gives(zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int | None):
    """What zipfile's own reading gives for the part (its bytes, or the kind of exception it raises)."""
    try:
        if size is None:
            return zf.read(info)
        with zf.open(info) as handle:
            return handle.read(size)
    except Exception as exc:  # noqa: BLE001 — the kind is what is compared
        return type(exc)


def _as_parts_give(parts: Parts, info: zipfile.ZipInfo, size: int | None):
    try:
        return parts.whole(info) if size is None else parts.head(info, size)
    except Exception as exc:  # noqa: BLE001
        return type(exc)


def _same_as_zipfile(data: bytes) -> int:
    """Every part of ``data`` read whole and by its head both ways, compared; how many parts."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = Parts(zf, data)
        for info in zf.infolist():
            for size in (None, 4096, 100):
                assert _as_parts_give(parts, info, size) == _as_zipfile_gives(zf, info, size), (info.filename, size)
        return len(zf.infolist())


def test_the_samples_workbooks_parts_are_zipfile_s_whole_and_by_their_heads():
    assert len(SAMPLES) >= 20
    assert sum(_same_as_zipfile(path.read_bytes()) for path in SAMPLES) > 300


def _zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, body, method in entries:
            zf.writestr(zipfile.ZipInfo(name, (2025, 5, 1, 0, 0, 0)), body, method)
    return buffer.getvalue()


BIG = b"<row>" + b"".join(b'<c r="A%d"><v>%d</v></c>' % (i, i * 7) for i in range(1, 2000)) + b"</row>"


def _forged(how: str) -> bytes:
    """A zip of a small part, a big one and a stored one, damaged or forged in one way."""
    data = bytearray(_zip([("a.xml", b"<a>small</a>", zipfile.ZIP_DEFLATED), ("b.xml", BIG, zipfile.ZIP_DEFLATED),
                           ("c.xml", BIG, zipfile.ZIP_STORED)]))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        infos = {info.filename: info for info in zf.infolist()}
    end = data.rfind(b"PK\x05\x06")
    directory = struct.unpack("<L", data[end + 16:end + 20])[0]

    def directory_entry(name: str) -> int:
        """Where the part's entry in the central directory begins (46 bytes before its name)."""
        return data.index(name.encode(), directory) - 46

    b, a, c = infos["b.xml"], infos["a.xml"], infos["c.xml"]
    if how == "crc":  # a part's CRC that is not its content's (in both headers)
        for at in (a.header_offset + 14, directory_entry("a.xml") + 16):
            data[at:at + 4] = struct.pack("<L", a.CRC ^ 1)
    elif how == "name":  # the local header names another part than the directory does
        data[a.header_offset + 30] = ord("z")
    elif how == "magic":
        data[b.header_offset:b.header_offset + 4] = b"PK\x09\x09"
    elif how == "stream":  # the deflate stream broken in its middle
        start = b.header_offset + 30 + len("b.xml")
        middle = start + b.compress_size // 2
        data[middle:middle + 8] = b"\xff" * 8
    elif how == "declared_smaller":  # the directory says a smaller size than the stream holds
        at = directory_entry("b.xml") + 24
        data[at:at + 4] = struct.pack("<L", b.file_size - 1000)
    elif how == "declared_larger":
        at = directory_entry("b.xml") + 24
        data[at:at + 4] = struct.pack("<L", b.file_size + 1000)
    elif how == "stored_short":
        at = directory_entry("c.xml") + 24
        data[at:at + 4] = struct.pack("<L", c.file_size + 10)
    elif how == "method":  # bzip2, which zipfile reads and the quick way leaves to it
        data[a.header_offset + 8:a.header_offset + 10] = struct.pack("<H", zipfile.ZIP_BZIP2)
        data[directory_entry("a.xml") + 10:directory_entry("a.xml") + 12] = struct.pack("<H", zipfile.ZIP_BZIP2)
    return bytes(data)


@pytest.mark.parametrize("how", ["crc", "name", "magic", "stream", "declared_smaller", "declared_larger",
                                 "stored_short", "method"])
def test_a_damaged_or_forged_part_is_read_or_refused_as_zipfile_does(how):
    data = _forged(how)
    try:
        zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile:
        pytest.fail("the forgery must leave a directory zipfile reads")
    assert _same_as_zipfile(data) == 3


@pytest.mark.parametrize("declared", [0, 100])
def test_no_more_than_a_part_s_declared_size_is_inflated(declared):
    """A part that says it is small and inflates to 30 MB (a zip bomb in one part) gives its declared bytes, as
    zipfile gives them, its CRC checked over them — without inflating the rest, which zipfile does."""
    import tracemalloc

    body = b"<x>" + b"\0" * 30_000_000
    data = bytearray(_zip([("x.xml", body, zipfile.ZIP_DEFLATED)]))
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<L", declared)
    data[central + 16:central + 20] = struct.pack("<L", zlib.crc32(body[:declared]))
    data = bytes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.infolist()[0]
        tracemalloc.start()
        try:
            found = Parts(zf, data).whole(info)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert found == zf.read(info) == body[:declared] and peak < 1_000_000


def _book_with(cell: str) -> bytes:
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = wb.add_worksheet("Nhân sự")
    ws.write("A1", "Mã")
    ws.write(cell, "ghi chú")
    wb.close()
    return buffer.getvalue()


def _edges(bounds: Bounds) -> list[tuple[str, bool]]:
    """Cells at a bound's edges, each with whether it is beyond it."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    last_row, last_column = bounds.rows - 1, bounds.columns - 1
    return [(xl_rowcol_to_cell(last_row, 0), False), (xl_rowcol_to_cell(last_row + 1, 0), True),
            (xl_rowcol_to_cell(0, last_column), False), (xl_rowcol_to_cell(0, last_column + 1), True),
            (xl_rowcol_to_cell(last_row, last_column), False), (xl_rowcol_to_cell(last_row + 1, 27), True),
            (xl_rowcol_to_cell(999_999, 0), True), (xl_rowcol_to_cell(5, 1000), True), ("AB7", False), ("Z9", False)]


@pytest.mark.parametrize("bounds", [INBOX, SCHOOL, OWN], ids=["inbox", "school", "own"])
def test_a_value_beyond_each_edge_of_each_bound_is_found_and_none_within(tmp_path, bounds):
    for cell, beyond in _edges(bounds):
        problems = Problems()
        path = tmp_path / "so.xlsx"
        path.write_bytes(_book_with(cell))
        data = read_own_book(path, problems, "level_above.unreadable", bounds, file=path.name)
        if beyond:
            assert data is None and [(p.code, p.sheet, p.cell) for p in problems] == [
                ("book.sheet_too_big", "Nhân sự", cell)], cell
        else:
            assert data is not None and list(problems) == [], cell
        if bounds is INBOX:
            found = check_workbook(Path("so.xlsx"), _book_with(cell), ".xlsx")
            assert (found is not None and found.code == "file.sheet_too_big") == beyond, cell


def test_a_school_final_whose_sheet_part_fails_its_crc_is_refused_as_unreadable(tmp_path):
    """What the officer sees of a school's file damaged on its way: the file refused, said unreadable — as before
    the parts were inflated the quick way."""
    data = bytearray(COMMUNE_FINAL.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/worksheets/sheet5.xml")
    end = data.rfind(b"PK\x05\x06")
    entry_at = data.index(info.filename.encode(), struct.unpack("<L", data[end + 16:end + 20])[0]) - 46
    for at in (info.header_offset + 14, entry_at + 16):  # its CRC, in both headers, no longer its content's
        data[at:at + 4] = struct.pack("<L", info.CRC ^ 0x5555)
    path = tmp_path / "TH-Truc-Cuong_tong-hop-cuoi.xlsx"
    path.write_bytes(bytes(data))
    entry = sorted_out(InboxItem(path, path.name, FILE))

    found, summary = read_school_summary(entry)

    assert summary is None and found.status == "rejected" and found.reason == "level_above.unreadable"
    intact, read = read_school_summary(sorted_out(InboxItem(COMMUNE_FINAL, COMMUNE_FINAL.name, FILE)))
    assert read is not None and len(read.proposals) > 0 and not read.macros


def _book_placed_implicitly(rows: str) -> bytes:
    """A book whose sheet's rows and cells leave out their references (r="…" is optional): ``rows`` its sheetData; a
    part of random bytes keeps it within the zip's ratio (as someone who tries adds one)."""
    import random

    base = _book_with("A1")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        + rows.encode() + b"</sheetData></worksheet>")
            new.writestr(info, data)
        noise = random.Random(7).randbytes(len(rows) // 100 + 1000)
        new.writestr(zipfile.ZipInfo("docProps/noise.bin"), noise, zipfile.ZIP_STORED)
    return out.getvalue()


#: Sheets whose rows and cells leave their references out, by how many empty rows or cells come first: each with where
#: its one value lies (row, column, from 1), as calamine places it.
IMPLIED = {
    "rows": (lambda n: "<row/>" * n + "<row><c><v>1</v></c></row>", lambda n: (n + 1, 1)),
    "cells": (lambda n: "<row>" + "<c/>" * n + "<c><v>1</v></c></row>", lambda n: (1, n + 1)),
    "after a reference": (lambda n: f'<row r="{n}"/><row>' + "<c/>" * 10 + "<c><v>1</v></c></row>",
                          lambda n: (n + 1, 11)),
    "both": (lambda n: '<row><c t="inlineStr"><is><t>x</t></is></c></row>' + "<row/>" * n + "<row>" + "<c/>" * n
             + "<c><v>1</v></c></row>", lambda n: (n + 2, n + 1)),
}


@pytest.mark.parametrize("kind", IMPLIED)
def test_a_cell_placed_by_the_rows_and_cells_before_it_is_found_where_calamine_puts_it(kind):
    """A crafted book of 50 KB naming no reference held rows × columns that made calamine ask for 524 GB (the run
    aborted, the page's server with it): each implied place is counted as calamine counts it."""
    import python_calamine

    sheet, placed = IMPLIED[kind]
    far = 5_000 if kind != "cells" else 64  # the inbox's bounds: 5,000 rows, 64 columns
    found = check_workbook(Path("so.xlsx"), _book_placed_implicitly(sheet(far)), ".xlsx")
    read = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(_book_placed_implicitly(sheet(9))))
    end = read.get_sheet_by_index(0).end

    assert found is not None and found.code == "file.sheet_too_big"
    assert (dict(found.params)["rows"], dict(found.params)["columns"]) == placed(far)
    assert end is not None and (end[0] + 1, end[1] + 1) == placed(9)  # where calamine puts it, within bounds
    assert check_workbook(Path("so.xlsx"), _book_placed_implicitly(sheet(9)), ".xlsx") is None


def test_empty_rows_and_cells_far_away_are_no_cell_beyond_the_bounds():
    sheet = "<row>" + "<c/>" * 16_383 + "</row>" + "<row/>" * 9_000
    assert check_workbook(Path("so.xlsx"), _book_placed_implicitly(sheet), ".xlsx") is None


def test_a_tag_that_never_ends_is_refused_not_searched_to_the_end_from_each_of_its_starts():
    """``<c `` 330,000 times and then a far reference: a pattern searching past each tag's end took 20 s of a page's
    thread (no time limit there); each tag now ends at its own ``>`` and the book is refused at once."""
    data = _book_placed_implicitly("<row>" + "<c " * 330_000 + 'r="ZZ9999"><v>1</v></c></row>')

    found = check_workbook(Path("so.xlsx"), data, ".xlsx")

    assert found is not None and found.code in ("file.sheet_too_big", "file.corrupt")


def _book_with_part(name: str, xml: bytes) -> bytes:
    """A book with one part more (or one replaced), and random bytes that keep it within the zip's ratio."""
    import random

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_book_with("A1"))) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in zf.infolist():
            if info.filename != name:
                new.writestr(info, zf.read(info))
        new.writestr(name, xml)
        new.writestr(zipfile.ZipInfo("docProps/noise.bin"), random.Random(7).randbytes(len(xml) // 100 + 1000),
                     zipfile.ZIP_STORED)
    return out.getvalue()


def test_what_a_crafted_file_made_the_commune_s_run_abort_or_stall_on_is_refused_as_damaged():
    """Found by trying (each stopped or stalled a whole run, the commune's or a school's): a shared strings part of
    200 bytes saying it holds 4,294,967,295 strings (calamine set room for them: 103 GB, the process aborted); a
    file with the signature of an old .xls and nothing behind it (olefile's ValueError: "Lỗi nội bộ"); one cell tag
    that never ends, repeating its reference 40,000 times (a search from it ran to the end at each: minutes)."""
    strings = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
               b'uniqueCount="4294967295"><si><t>a</t></si></sst>')
    endless = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
               b'<c r="A99999"' + b' r="A1"' * 40_000)
    found = {
        "strings": check_workbook(Path("so.xlsx"), _book_with_part("xl/sharedStrings.xml", strings), ".xlsx"),
        "old signature": check_workbook(Path("so.xls"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".xls"),
        "endless tag": check_workbook(Path("so.xlsx"), _book_with_part("xl/worksheets/sheet9.xml", endless), ".xlsx"),
    }
    assert {kind: problem.code if problem else None for kind, problem in found.items()} == dict.fromkeys(
        found, "file.corrupt")
    honest = strings.replace(b'uniqueCount="4294967295"', b'uniqueCount="1"')
    assert check_workbook(Path("so.xlsx"), _book_with_part("xl/sharedStrings.xml", honest), ".xlsx") is None


def test_metadata_nested_past_python_s_depth_is_not_ours_and_stops_nothing():
    """Arrays nested 5,000 deep in a summary's metadata (few parts enough to be parsed): json raises RecursionError,
    which no reader caught."""
    from thidua_xlsx.model import layout as ly

    with pytest.raises(ValueError, match="nested too deep"):
        ly.meta_json([ly.APP_ID, '{"a":' + "[" * 5_000])


def test_metadata_of_more_parts_than_ours_ever_holds_is_refused_before_it_is_parsed():
    """Empty arrays are two characters each and ~60 bytes each once parsed: 20 million characters of them took
    ~450 MB to be refused as no summary of ours. Every metadata the samples carry has far fewer parts."""
    from python_calamine import CalamineWorkbook

    from thidua_xlsx.model import layout as ly

    many = '{"a":[' + ",".join(["[]"] * 1_000_000) + "]}"
    with pytest.raises(ValueError, match="too many parts"):
        ly.meta_json([ly.APP_ID, many], ly.MAX_SUMMARY_META_CHARS)
    few = '{"a":[' + ",".join(["[]"] * 5_000) + "]}"  # a small metadata is parsed whatever it holds
    assert ly.meta_json([ly.APP_ID, few])["a"] == [[]] * 5_000

    ratios = {}
    for path in SAMPLES:
        book = CalamineWorkbook.from_path(str(path))
        if ly.META_SHEET in book.sheet_names:
            column = [row[0] for row in book.get_sheet_by_name(ly.META_SHEET).to_python() if row]
            body = "".join(v for v in column[1:] if isinstance(v, str))
            ratios[path.name] = len(body) / (body.count("[") + body.count("{"))
    assert len(ratios) >= 20 and min(ratios.values()) > 2 * ly.CHARS_PER_META_PART, ratios
