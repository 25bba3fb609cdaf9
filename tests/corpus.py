"""The corpus of broken and hostile inbox entries, built in code, and its fixtures: ``base`` (the small campaign's
two departments filled and merged clean), ``hostile_inbox`` (those files plus the whole corpus, as one inbox) and
``hostile`` (that inbox merged once through the command line). All are module-scoped; the conftest.py files that use
them import them."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.filling import stamp_saved_time
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.containment import MAX_ROWS
from thidua_xlsx.service import merge_inbox

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    folder, (t1, t2) = scoring_round(root)
    filled = root / "filled"
    fill_department(t1, filled / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_department(t2, filled / t2.name, T2_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    clean = merge_inbox(filled, folder)
    return {"root": root, "folder": folder, "t1": filled / t1.name, "t2": filled / t2.name,
            "clean": {p.code: (p.final, p.proposed, p.classification) for p in clean.people}}


def zipped(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED, level: int | None = None) -> bytes:
    """A ZIP file holding ``entries`` (name → bytes), as bytes; ``level``: zlib's (None: its default)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method, compresslevel=level) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _replace_part(src: Path, part: str, change) -> bytes:
    with zipfile.ZipFile(src) as zf:
        entries = {info.filename: zf.read(info) for info in zf.infolist()}
    entries[part] = change(entries[part])
    return zipped(entries)


def meta_edit(src: Path, change) -> bytes:
    wb = load_workbook(src)
    ws = wb[ly.META_SHEET]
    column = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    for r in range(1, ws.max_row + 1):
        ws.cell(r, 1).value = None
    for r, value in enumerate(change(column), start=1):
        ws.cell(r, 1).value = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_part(src: Path) -> str:
    with zipfile.ZipFile(src) as zf:
        return sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/sheet"))[0]


def _far_cell(src: Path, ref: str) -> bytes:
    return _replace_part(src, _sheet_part(src), lambda xml: xml.replace(
        b"</sheetData>", b'<row r="%s"><c r="%s" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        % (ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode(), ref.encode())))


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
                             for n in range(1, 10)) + b"]>")
XXE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def corpus(base, names=None) -> dict[str, tuple[bytes, str, str]]:
    """name → (bytes, expected status, expected reason code), of the whole corpus or of the entries ``names`` (each
    built only when asked: a test of one entry does not build the others)."""
    made = _builders(base)
    return {name: (build(), status, reason) for name, (build, status, reason) in made.items()
            if names is None or name in names}


def _foreign() -> bytes:
    """A workbook of someone else's (a payroll)."""
    foreign = Workbook()
    foreign.active["A1"] = "Bảng lương"
    buffer = io.BytesIO()
    foreign.save(buffer)
    return buffer.getvalue()


def _half(path: Path) -> bytes:
    """``path``'s first half: a workbook cut short in transit."""
    data = path.read_bytes()
    return data[: len(data) // 2]


def _builders(base) -> dict[str, tuple[Callable[[], bytes], str, str]]:
    t1, t2 = base["t1"], base["t2"]
    return {
        "rong.xlsx": (lambda: b"", "rejected", "file.corrupt"),
        "ngau-nhien.xlsx": (lambda: os.urandom(4000), "rejected", "file.corrupt"),
        "bao-cao.pdf.xlsx": (lambda: b"%PDF-1.7\n" + os.urandom(3000), "rejected", "file.corrupt"),
        "cong-van.docx.xlsx": (lambda: zipped({"[Content_Types].xml": b"<Types/>",
                                               "word/document.xml": b"<w:document/>"}), "rejected", "file.corrupt"),
        "cat-do.xlsx": (lambda: _half(t1), "rejected", "file.corrupt"),
        "mat-khau.xlsx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000, "rejected",
                          "file.encrypted"),
        "strict.xlsx": (lambda: _replace_part(t2, "xl/workbook.xml", lambda xml: xml.replace(
            b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            b"http://purl.oclc.org/ooxml/spreadsheetml/main")), "rejected", "file.strict_or_foreign"),
        "bom-zip.xlsx": (lambda: zipped({"xl/workbook.xml": b"<workbook/>",
                                         "xl/worksheets/sheet1.xml": b"\x00" * 50_000_000}),
                         "rejected", "file.zip_bomb"),
        "billion-laughs.xlsx": (lambda: _replace_part(t2, "xl/workbook.xml", lambda xml: BILLION_LAUGHS + xml[
            xml.index(b"<workbook"):]), "rejected", "file.xml_entities"),
        "xxe.xlsx": (lambda: _replace_part(t2, _sheet_part(t2), lambda xml: XXE + xml[xml.index(b"<worksheet"):]
                                           .replace(b"<t>", b"<t>&xxe;", 1)), "rejected", "file.xml_entities"),
        "so-la.xlsx": (_foreign, "rejected", "file.not_ours"),
        "mat-meta.xlsx": (lambda: _sheet_removed(t2, ly.META_SHEET), "rejected", "file.not_ours"),
        "meta-hong.xlsx": (lambda: meta_edit(t2, lambda col: [col[0], col[1][:40]]), "rejected", "file.meta_broken"),
        "phien-ban-1.0.xlsx": (lambda: meta_edit(t2, lambda col: [col[0], "".join(c for c in col[1:] if c).replace(
            '"template_version":2', '"template_version":"1.0"')]), "rejected", "file.meta_broken"),
        "phien-ban-1a.xlsx": (lambda: meta_edit(t2, lambda col: [col[0], "".join(c for c in col[1:] if c).replace(
            '"template_version":2', '"template_version":"1a"')]), "rejected", "file.meta_broken"),
        "nam-ngoai.xlsx": (lambda: meta_edit(t2, lambda col: [col[0], re.sub(
            r'"campaign_id":"[^"]*"', '"campaign_id":"nam-hoc-truoc"', re.sub(
                r'"school_year":"[^"]*"', '"school_year":"2024-2025"', "".join(c for c in col[1:] if c)))]),
            "rejected", "file.other_campaign"),
        "long-nhau.xlsx": (lambda: meta_edit(t2, lambda col: [col[0], "[" * 30000]), "rejected", "file.meta_broken"),
        "o-xa.xlsx": (lambda: _far_cell(t2, "XFD1048576"), "rejected", "file.sheet_too_big"),
        "trieu-dong.xlsx": (lambda: _far_cell(t2, "A1000000"), "rejected", "file.sheet_too_big"),
        "gan-gioi-han.xlsx": (lambda: _older(_far_cell(t2, f"A{MAX_ROWS - 10}"), base["root"]), "superseded",
                              "file.superseded"),
        "ghi-chu.txt": (lambda: "Nhờ thầy xem giúp".encode(), "rejected", "file.not_workbook"),
    }


def _older(data: bytes, work: Path) -> bytes:
    """The same workbook saved a day earlier (so that the valid version stays the newest)."""
    path = work / "older.xlsx"
    path.write_bytes(data)
    stamp_saved_time(path, dt.datetime(2026, 5, 11, 8, 0))
    return path.read_bytes()


def _sheet_removed(src: Path, name: str) -> bytes:
    wb = load_workbook(src)
    del wb[name]
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def hostile_inbox(base):
    """The valid files plus the whole corpus, as one inbox: its entries, what each should give, its state."""
    root = base["root"]
    inbox = base["folder"].folder / "inbox"
    nested = inbox / "Thư ngày 12" / "lần 2"
    nested.mkdir(parents=True)
    for src in (base["t1"], base["t2"]):
        (inbox / src.name).write_bytes(src.read_bytes())
    expected = {}
    for name, (data, status, reason) in corpus(base).items():
        (inbox / name).write_bytes(data)
        expected[name] = (status, reason)
    # three versions of T2: two older ones in a nested folder, the newest at the top
    for n, when in enumerate((dt.datetime(2026, 5, 10), dt.datetime(2026, 5, 11)), start=1):
        older = nested / f"ban-{n}.xlsx"
        older.write_bytes(base["t2"].read_bytes())
        stamp_saved_time(older, when)
        expected[f"Thư ngày 12/lần 2/ban-{n}.xlsx"] = ("superseded", "file.superseded")
    (inbox / "chuyen-tiep.xlsx").write_bytes(base["t1"].read_bytes())  # a forwarded identical copy
    expected["chuyen-tiep.xlsx"] = ("skipped", "file.copy_of")
    nfd = unicodedata.normalize("NFD", "Tổ khối 1 – bản sửa.xlsx")
    (inbox / nfd).write_bytes(base["t1"].read_bytes()[:100])
    expected[nfd] = ("rejected", "file.corrupt")
    (inbox / "dong\nmoi.txt").write_bytes(b"x")
    expected["dong\\u000amoi.txt"] = ("rejected", "file.not_workbook")
    (inbox / "vong").symlink_to(inbox / "vong")
    expected["vong"] = ("rejected", "file.link_loop")
    (inbox / "hong-lien-ket.xlsx").symlink_to(root / "khong-co.xlsx")
    expected["hong-lien-ket.xlsx"] = ("rejected", "file.link_dangling")
    (root / "ngoai.xlsx").write_bytes(base["t1"].read_bytes())
    (inbox / "ra-ngoai.xlsx").symlink_to(root / "ngoai.xlsx")
    expected["ra-ngoai.xlsx"] = ("rejected", "file.link_outside")
    (inbox / "ong-fifo").parent.mkdir(exist_ok=True)
    os.mkfifo(inbox / "ong-fifo")
    expected["ong-fifo"] = ("rejected", "file.special")
    (inbox / "giai-nen.xlsx").mkdir()  # a folder named like a workbook is read like any folder
    (inbox / "giai-nen.xlsx" / "[Content_Types].xml").write_bytes(b"<Types/>")
    expected["giai-nen.xlsx/[Content_Types].xml"] = ("rejected", "file.not_workbook")
    video = inbox / "video-hop-to.mp4"
    with open(video, "wb") as handle:  # 5 GB, sparse: never read
        handle.truncate(5 * 1024 ** 3)
    expected["video-hop-to.mp4"] = ("rejected", "file.not_workbook")
    expected[base["t1"].name] = ("accepted", "")
    expected[base["t2"].name] = ("accepted", "")
    return {"inbox": inbox, "expected": expected, "before": snapshot(inbox)}


@pytest.fixture(scope="module")
def hostile(base, hostile_inbox):
    """:func:`hostile_inbox` merged once through the command line, in a process of its own (its peak memory)."""
    out = base["root"] / "out"
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(hostile_inbox["inbox"]), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    usage = json.loads(done.stdout.strip().splitlines()[-1])
    return {**hostile_inbox, "usage": usage, "out": out,
            "report": json.loads((out / "R.json").read_text(encoding="utf-8")), "console": done.stdout}


_CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from click.testing import CliRunner
from thidua_xlsx.cli import main

def peak_mb():
    # This process's own peak (VmHWM): Linux carries into a child's ru_maxrss the peak of the process that started it
    # (a pytest worker holding 1.2 GB after its other tests made this merge seem to need as much).
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except OSError:  # no /proc: macOS, whose ru_maxrss is in bytes
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20

out = Path(sys.argv[3]); out.mkdir()
start = time.perf_counter()
result = CliRunner().invoke(main, ["merge", sys.argv[2], "-o", str(out / "S.xlsx"), "--json", str(out / "R.json")])
print(result.output)
print(json.dumps({"exit": result.exit_code, "seconds": time.perf_counter() - start, "peak_mb": peak_mb()}))
"""


def snapshot(folder: Path) -> dict[str, tuple]:
    found = {}
    for entry in sorted(folder.rglob("*"), key=str):
        info = os.lstat(entry)
        content = b""
        if entry.is_file() and not entry.is_symlink() and info.st_size < 50_000_000:
            content = entry.read_bytes()
        found[str(entry.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns, content)
    return found


def valid_inbox(base, folder: Path) -> Path:
    """``folder`` holding the two valid departments' files, as returned."""
    folder.mkdir()
    for src in (base["t1"], base["t2"]):
        (folder / src.name).write_bytes(src.read_bytes())
    return folder


def fail_on_khoi_1(monkeypatch, failure) -> None:
    """Reading the file of Tổ khối 1 calls ``failure()`` first (which raises, dies or stalls); the
    other files are read as usual."""
    from thidua_xlsx.read import department as reader

    real = reader._read_workbook

    def read_workbook(entry, *args):
        if "khoi-1" in entry.name:
            failure()
        return real(entry, *args)
    monkeypatch.setattr(reader, "_read_workbook", read_workbook)
