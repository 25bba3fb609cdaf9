"""A forged or edited copy is never silent, and never speaks for a school: a school's final summary whose hidden data
was edited after it was written, beside that school's sealed pre-council copy, stands beside it, named with what to
do; the proven copy speaks (its CSTĐCS held for want of the council's ballot), nothing of the edited file is used."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.ui.pages import SAMPLES
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly

FINAL, BEFORE = "TH-Truc-Cuong_tong-hop-cuoi.xlsx", "TH-Truc-Cuong_tong-hop.xlsx"


def test_an_edited_final_summary_holds_its_school_with_both_files_named(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    book = load_workbook(folder / "inbox" / FINAL)  # the hidden data edited after the tool wrote it
    cells = (c for row in book[ly.META_SHEET].iter_rows() for c in row if isinstance(c.value, str))
    cell = next(c for c in cells if "GV0" in c.value)
    cell.value = cell.value.replace("GV0", "GV9", 1)
    book.save(folder / "inbox" / FINAL)

    done = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--json", str(tmp_path / "xa.json")])
    assert done.exit_code == 0, done.output
    data = json.loads((tmp_path / "xa.json").read_text(encoding="utf-8"))
    status = {f["name"]: f["status"] for f in data["files"]}
    assert (status[BEFORE], status[FINAL]) == ("accepted", "rejected")
    said = " ".join(done.output.split())
    assert f"'{FINAL}' mang tên Trường Tiểu học Trực Cường nhưng không chứng minh được do trường gửi" in said
    assert f"trường đã gửi '{BEFORE}' có dấu xác thực nên chương trình dùng tệp có dấu" in said
    proven = load_workbook(folder / "inbox" / BEFORE)  # what the proven copy proposes, and nothing else
    listed = {(p["who"], p["title"]) for p in data["proposals"] if p["school"] == "TH-TC"}
    held = {(h["who"], h["title"]) for h in data["held"] if h["school"] == "TH-TC"}
    assert listed and not any("GV9" in who for who, _title in listed | held)
    assert {title for _who, title in held} <= {"CSTDCS"}  # the pre-council copy: its CSTĐCS wait for the ballot
    assert proven[ly.META_SHEET] is not None
