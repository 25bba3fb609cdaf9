"""``status`` and ``merge`` read one inbox as one Report: the same errors, warnings and notes counted, each
warning's line said by both — once, where it was found or with the report — and an untouched copy of a book whose
filled book is used said as a copy set aside, never as a department to remind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ISSUED = "2025-2026_cham-diem_To-khoi-1.xlsx"
COPY = f"ban phat {ISSUED}"  # the outbox's copy, dropped in the inbox beside the book Tổ khối 1 filled
RUBRIC = "Bộ tiêu chí 'Giáo viên': các nhóm điểm cộng là"  # what Hải Phòng's rule set tells of the sample's rubric


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """The sample school under Hải Phòng's rule set (a rule set's warnings: the one count's hard case), the outbox's
    copy of Tổ khối 1's book beside the book it filled."""
    root = tmp_path_factory.mktemp("one-count") / "truong"
    root.mkdir()
    shutil.copy2(SAMPLES / "campaign.xlsx", root / "campaign.xlsx")
    shutil.copytree(SAMPLES / "so-da-phat", root / "so-da-phat")
    shutil.copytree(SAMPLES / "inbox", root / "inbox")
    shutil.copy2(SAMPLES / "outbox" / "cham-diem" / ISSUED, root / "inbox" / COPY)
    book = load_workbook(root / "campaign.xlsx")
    book["Trường"]["B16"] = "Hải Phòng"  # Tỉnh/thành (quy định thi đua áp dụng)
    book.save(root / "campaign.xlsx")
    status = run("status", root / "inbox")
    merged = run("merge", root / "inbox", "-o", root / "tong-hop.xlsx", "--json", root / "bao-cao.json")
    assert status.exit_code == 0 and merged.exit_code == 0, merged.output
    return root, status.output.splitlines(), merged.output.splitlines()


def _report(lines: list[str]) -> list[str]:
    """The report as a command says it: from the campaign's first word to the last problem listed."""
    end = next(n for n, line in enumerate(lines) if line.startswith(("Tình hình nộp sổ", "Đã ghi bảng tổng hợp")))
    return lines[:end]


def test_status_and_merge_say_one_report(school):
    _root, status, merged = school
    assert _report(status) == _report(merged)
    (counted,) = [line for line in status if line.startswith("Vấn đề: ")]
    assert counted == "Vấn đề: 2 lỗi, 9 cảnh báo, 5 ghi chú."  # the sample notice and the rule set's two, in both
    assert sum(line.startswith("  Cảnh báo: ") for line in merged) == 6  # each warning's line, as status says it


def test_a_warning_said_where_it_was_found_is_not_said_again(school):
    _root, status, merged = school
    for lines in (status, merged):
        assert sum(RUBRIC in line for line in lines) == 1  # said where the decisions are made, once
        assert sum("Chiến dịch này vẫn là trường mẫu" in line for line in lines) == 1  # said when opened, once


def test_the_untouched_copy_of_a_book_in_use_is_set_aside_without_a_reminder(school):
    root, status, merged = school
    assert f"  {COPY}: để riêng – bản còn trống như khi phát; sổ đã điền của tổ ({ISSUED}) được dùng" in status
    assert not [line for line in status + merged if "Tổ khối 1 chưa điền gì" in line or "hãy nhắc các tổ" in line]
    assert "  Tổ khối 1: đúng hạn (gửi ngày 15/05/2026)" in status
    problems = json.loads((root / "bao-cao.json").read_text(encoding="utf-8"))["problems"]
    assert [(p["code"], p["severity"], p["params"]) for p in problems if p["file"] == COPY] == [
        ("file.unfilled_set_aside", "note", {"department": "Tổ khối 1", "used": ISSUED})]
    assert sum(p["code"].startswith("rule_set.") for p in problems) == 2  # the JSON lists what the screen counted
