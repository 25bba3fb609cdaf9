"""What the campaign as a whole tells (the sample school, last year's campaign copied by hand) is a coded problem at
its cell: said once on screen when the campaign is opened, and listed in the run's JSON and Kiểm tra sheet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _sample_school(tmp_path: Path) -> Path:
    for name in ("inbox", "so-da-phat"):
        shutil.copytree(SAMPLES / name, tmp_path / name)
    shutil.copy(SAMPLES / "campaign.xlsx", tmp_path)
    return tmp_path


def test_the_sample_school_is_said_once_and_listed_in_the_json_and_the_check_sheet(tmp_path):
    root = _sample_school(tmp_path)

    result = CliRunner().invoke(main, ["merge", str(root / "inbox"), "-o", str(root / "S.xlsx"), "--json",
                                       str(root / "R.json")])

    assert result.exit_code == 0, result.output
    assert result.output.count("vẫn là trường mẫu của chương trình") == 1
    [said] = [p for p in json.loads((root / "R.json").read_text("utf-8"))["problems"]
              if p["code"] == "campaign.sample_school"]
    assert (said["severity"], said["file"], said["sheet"], said["cell"]) == ("warning", "campaign.xlsx", "Trường",
                                                                            "B4")
    assert said["params"] == {"sample": "Trường Tiểu học Trực Cường"}  # codes and values; the words: the catalogue
    rows = [" ".join(str(c) for c in row if c) for row in load_workbook(root / "S.xlsx")["Kiểm tra"].iter_rows(
        values_only=True)]
    assert any("vẫn là trường mẫu của chương trình" in row and "B4" in row for row in rows)


def test_status_says_it_once_too(tmp_path):
    root = _sample_school(tmp_path)

    result = CliRunner().invoke(main, ["status", str(root / "inbox")])

    assert result.output.count("vẫn là trường mẫu của chương trình") == 1, result.output


def test_a_department_that_sent_nothing_has_no_counts_of_ratings_in_the_overview(tmp_path):
    """Tổ chuyên biệt sent no book: how many of its people are Xuất sắc, Tốt … is not known — blank, never 0."""
    root = _sample_school(tmp_path)

    result = CliRunner().invoke(main, ["merge", str(root / "inbox"), "-o", str(root / "S.xlsx")])

    assert result.exit_code == 0, result.output
    rows = list(load_workbook(root / "S.xlsx")["Tổng hợp"].iter_rows(values_only=True))
    head = next(r for r in rows if r and r[0] == "Tổ")
    row = dict(zip(head, next(r for r in rows if r and r[0] == "Tổ chuyên biệt")))
    assert (row["Đã nộp"], row["Số có điểm"], row["Điểm trung bình"]) == ("Chưa nộp", 0, None)
    assert [row[name] for name in ("Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành")] == [None] * 4
    other = dict(zip(head, next(r for r in rows if r and r[0] == "Tổ khối 1")))
    assert other["Tốt"] == 3 and other["Hoàn thành"] == 0  # a department that sent: its real 0s stay
