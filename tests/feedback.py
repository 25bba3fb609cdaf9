"""The ``returned`` fixture (module-scoped): the small campaign's scoring round where T1 returns a workbook with a
word and an out-of-range score and T2 a clean one, merged, and the feedback copies written."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from tests.filling import sheet
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.write.feedback import write_feedback

SAVED = dt.datetime(2026, 5, 12, 8, 0)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def returned(tmp_path_factory):
    """T1 returns a workbook with a word and an out-of-range score; T2 a clean one."""
    root = tmp_path_factory.mktemp("feedback")
    folder, (t1, t2) = scoring_round(root)
    gv02 = sheet(t1, ly.ScoringSheet, "GV02")
    rows = dict(gv02.items)
    bad = {"word": f"{gv02.self_column}{rows['I.1']}", "range": f"{gv02.dept_column}{rows['II.1']}"}
    inbox = root / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED,
                    extra={(gv02.name, bad["word"]): "chín", (gv02.name, bad["range"]): 75})
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    before = digest(inbox)
    summary = merge_inbox(inbox, folder)
    out = root / "gop-y"
    result = write_feedback(summary, out)
    return {"root": root, "folder": folder, "inbox": inbox, "t1": t1, "gv02": gv02, "bad": bad, "before": before,
            "summary": summary, "out": out, "result": result}
