"""The tool's own files where it reads (read.containment.own_file) — a JSON report or record told by its
content, never by its name alone; a lock, a temporary file, a launcher by their names — and nothing else taken for
ours (a PDF beside its workbook is the year folder's own rule: tests/e2e/test_year_folder_reports.py)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from thidua_xlsx.read.containment import (
    OWN_HEAD_BYTES,
    OWN_LAUNCHER,
    OWN_LOCK,
    OWN_RECORD,
    OWN_REPORT,
    OWN_TEMPORARY,
    InboxItem,
    own_file,
    scan_inbox,
)
from thidua_xlsx.system.lock import lock_path
from thidua_xlsx.system.runs import Run, remember
from thidua_xlsx.system.written import Written

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def owned(folder: Path) -> dict[str, str]:
    return found(scan_inbox(folder))


def found(items: list[InboxItem]) -> dict[str, str]:
    return {item.name: kind for item in items if (kind := own_file(item))}


def test_the_tool_s_reports_and_records_are_told_by_their_content(tmp_path):
    shutil.copy2(SAMPLES / "bao-cao.json", tmp_path / "tong-hop_thang-9.json")  # merge --json, as the README's period
    shutil.copy2(SAMPLES / "ca-nam" / "ca-nam.json", tmp_path / "ca-nam.json")  # year --json
    shutil.copy2(SAMPLES / "cap-xa" / "xa.json", tmp_path / "xa.json")  # the commune's merge --json
    remember(tmp_path, Run("merge", "cham-diem", "2026-11-25T08:00:00+07:00", "cli", 0, {}, (), (), ()))  # runs record
    record = Written(tmp_path)  # da-ghi.json as the tool writes it, its files' list longer than the head read
    for n in range(OWN_HEAD_BYTES // 40):
        (tmp_path / f"so-{n}.txt").write_text("x")
        record.note(tmp_path / f"so-{n}.txt")
    record.save()
    for n in range(OWN_HEAD_BYTES // 40):
        (tmp_path / f"so-{n}.txt").unlink()
    assert (tmp_path / "da-ghi.json").stat().st_size > OWN_HEAD_BYTES
    shutil.copy2(SAMPLES / "bao-cao.json", tmp_path / "ten-khac.JSON")  # renamed: still ours by its content
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + (SAMPLES / "bao-cao.json").read_bytes())  # saved by Notepad

    assert owned(tmp_path) == {"tong-hop_thang-9.json": OWN_REPORT, "ca-nam.json": OWN_REPORT, "xa.json": OWN_REPORT,
                               "cac-lan-chay.json": OWN_RECORD, "da-ghi.json": OWN_RECORD,
                               "ten-khac.JSON": OWN_REPORT, "bom.json": OWN_REPORT}


@pytest.mark.parametrize("name, text", [
    ("da-ghi.json", '{"files": {}}'),  # our record's name, not its content
    ("bao-cao.json", '{"schema_version": 6, "round": "cham-diem"}'),  # no campaign
    ("bao-cao.json", '{"campaign": {"id": "x", "school_year": "2025-2026"}, "schema_version": 6}'),  # not its head
    ("bao-cao.json", '{"schema_version": "6", "campaign": {"id": "x", "school_year": "2025-2026"}}'),
    ("bao-cao.json", '{"schema_version": true, "kind": "level_above"}'),
    ("cac-lan-chay.json", '{"schema": 1, "people": []}'),
    ("mang.json", '[{"schema": 1, "runs": []}]'),
    ("sau.json", "[" * 100_000),  # nested past any parser's depth: not ours, no crash
    ("hong.json", '{"schema_version": 6, "campaign": {"id": '),  # cut
    ("rong.json", ""),
    ("nhi-phan.json", "\x00\x01PK"),
])
def test_another_program_s_json_is_not_taken_for_ours(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")

    assert owned(tmp_path) == {}


def test_locks_temporaries_and_launchers_by_their_names(tmp_path):
    (tmp_path / "tong-hop_thang-9.xlsx").write_bytes(b"PK")
    lock_path(tmp_path / "tong-hop_thang-9.xlsx").write_text("{}")  # a run writing that summary
    (tmp_path / ".thidua-xlsx.lock").write_text("{}")  # a campaign's lock
    (tmp_path / "tong-hop_thang-9.xlsx.0a1b2c3d.tmp").write_bytes(b"PK")  # a summary being written
    (tmp_path / "Mo-trang-thi-dua.bat").write_text("@echo off")
    (tmp_path / "Mo-trang-thi-dua.command").write_text("#!/bin/sh")
    (tmp_path / "Mo-trang-thi-dua.sh").write_text("#!/bin/sh")
    (tmp_path / "tong-hop_thang-9.pdf").write_bytes(b"%PDF-1.7")  # in an inbox: a department's print of its book?
    (tmp_path / "cu").mkdir()
    (tmp_path / "cu" / "Mo-trang-thi-dua.sh").mkdir()  # a folder of that name: entered, not a launcher
    (tmp_path / "ghi-chu.tmp").write_text("x")  # a person's own .tmp: not our name
    (tmp_path / "khoa.lock").write_text("x")

    assert owned(tmp_path) == {".tong-hop_thang-9.xlsx.thidua-xlsx.lock": OWN_LOCK, ".thidua-xlsx.lock": OWN_LOCK,
                               "tong-hop_thang-9.xlsx.0a1b2c3d.tmp": OWN_TEMPORARY,
                               "Mo-trang-thi-dua.bat": OWN_LAUNCHER, "Mo-trang-thi-dua.command": OWN_LAUNCHER,
                               "Mo-trang-thi-dua.sh": OWN_LAUNCHER}


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(os, "symlink"), reason="POSIX links and FIFOs")
def test_a_link_or_a_fifo_is_never_opened_for_its_content(tmp_path):
    """A link is the scan's (never followed); a FIFO put where a report was since the scan is not waited on."""
    report = tmp_path / "bao-cao.json"
    shutil.copy2(SAMPLES / "bao-cao.json", report)
    os.symlink(report, tmp_path / "lien-ket.json")
    items = scan_inbox(tmp_path)
    report.unlink()
    os.mkfifo(report)

    assert found(items) == {}


def test_the_head_read_is_bounded(tmp_path):
    big = tmp_path / "lon.json"
    with big.open("w", encoding="utf-8") as out:  # a report whose first member is 2 MB long: not read to its end
        out.write('{"schema_version": 6, "campaign": {"id": "x", "school_year": "2025-2026", "note": "')
        out.write("a" * 2_000_000 + '"}}')

    assert owned(tmp_path) == {}
    assert json.loads(big.read_text(encoding="utf-8"))["schema_version"] == 6


def test_the_tool_s_own_report_in_a_merge_s_inbox_is_passed_over_with_a_note(tmp_path):
    """``merge inbox --json inbox/bao-cao.json`` by mistake, then merge again: the report is the tool's own, said with a
    note — never an error that would fail --strict."""
    import shutil

    from click.testing import CliRunner

    from thidua_xlsx.cli import main

    samples = Path(__file__).resolve().parents[2] / "samples"
    folder = tmp_path / "truong"
    shutil.copytree(samples, folder, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "huong-dan*", "*.lock",
                                                                   "da-ghi.json", "cac-lan-chay.json"))
    shutil.copy2(samples / "bao-cao.json", folder / "inbox" / "bao-cao.json")
    done = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--strict", "-o", str(tmp_path / "t.xlsx"),
                                     "--json", str(tmp_path / "t.json")])
    import json

    assert (tmp_path / "t.json").is_file(), done.output
    found = {p["file"]: p for p in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["problems"]
             if p["code"] == "file.own_file"}
    assert found["bao-cao.json"]["severity"] == "note"
    assert done.exit_code in (0, 3)  # the sample's own errors make --strict 3; the report adds none
    statuses = {f["name"]: f for f in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["files"]}
    assert statuses["bao-cao.json"]["status"] == "skipped"
