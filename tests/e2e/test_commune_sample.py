"""The shipped commune (samples/cap-xa/, issue 28's acceptance): three schools' final summaries made by the tool, one
edited by hand after its merge, one school of the list missing; the README's command run on a copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as Docx

from thidua_xlsx.cli import main
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.school_summaries import read_school_summaries

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cap-xa"


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    out = tmp_path_factory.mktemp("cap-xa")
    copy = out / "cap-xa"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx", "xa.json"))
    result = CliRunner().invoke(main, ["merge", str(copy / "inbox"), "-o", str(out / "xa.xlsx"), "--json",
                                       str(out / "xa.json"), "--docs", str(out / "ho-so")])
    assert result.exit_code == 0, result.output
    return {"out": out, "output": " ".join(result.output.split()),
            "data": json.loads((out / "xa.json").read_text("utf-8"))}


def test_the_edited_summary_and_the_missing_school_are_flagged(commune):
    said = {(p["code"], p["params"].get("school")) for p in commune["data"]["problems"]}
    assert ("level_above.edited", "Trường Tiểu học Thử Nghiệm") in said
    assert ("level_above.school_missing", "Trường Mầm non Trực Cường") in said
    assert "Danh sách đề nghị trong bảng tổng hợp của Trường Tiểu học Thử Nghiệm đã bị sửa tay" in commune["output"]


def test_the_lists_and_counts_equal_the_schools_proposals(commune):
    files, read = read_school_summaries(scan_inbox(SAMPLE / "inbox"))
    used = {f["name"] for f in commune["data"]["files"] if f["status"] == "accepted"}
    expected = sorted((s.school, p.kind, p.who, p.title) for name, s in read.items() if name in used
                      for p in s.proposals)
    codes = {s["code"]: s["name"] for s in commune["data"]["schools"]}
    listed = sorted((codes[p["school"]], p["kind"], p["who"], p["title"]) for p in commune["data"]["proposals"])
    assert listed == expected and len(listed) == 101
    counts = commune["data"]["counts"]
    assert sum(sum(per.values()) for per in counts.values()) == len(listed)


def test_the_decision_carries_the_same_counts(commune):
    counts = {title: sum(per.values()) for title, per in commune["data"]["counts"].items()}
    text = [p.text for p in Docx(commune["out"] / "ho-so" / "02_Du-thao-Quyet-dinh-cong-nhan.docx").paragraphs]
    assert f"- Danh hiệu Chiến sĩ thi đua cơ sở: {counts['CSTDCS']} cá nhân;" in text
    assert f"- Danh hiệu Lao động tiên tiến: {counts['LDTT']} cá nhân;" in text
    assert f"- Danh hiệu Tập thể lao động tiên tiến: {counts['TTLDTT']} tập thể;" in text
    lines = [t for t in text if t[:1].isdigit() and ", Trường " in t]
    assert len(lines) == counts["CSTDCS"] + counts["LDTT"] + counts["TTLDTT"]


def test_the_shipped_files_are_those_the_command_writes(commune):
    shipped = json.loads((SAMPLE / "xa.json").read_text("utf-8"))
    assert shipped == commune["data"]
