"""A forged or edited copy is never silent at the commune: a school's final summary whose hidden data was
edited after it was written, beside that school's sealed pre-council copy, is not quietly replaced by the older copy —
the newer file is the school's, every proposal of it held for the officer, both files named."""

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
    assert {f["name"]: f["status"] for f in data["files"]}[BEFORE] == "superseded"
    named = f"có một bản mới hơn ('{FINAL}') không khớp dấu xác thực, và một bản cũ hơn có dấu ('{BEFORE}')"
    assert named in done.output
    assert not [p for p in data["proposals"] if p["school"] == "TH-TC"]  # nothing of the school decided unseen
    assert {h["school"] for h in data["held"]} >= {"TH-TC"}
