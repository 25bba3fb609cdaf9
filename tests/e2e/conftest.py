"""Fixtures shared by the e2e tests: the merged school of the small campaign, the hostile corpus, a returned
workbook (module-scoped: each test module builds its own, as when they were imported from the test modules)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.corpus import base, hostile, hostile_inbox  # noqa: F401 — module fixtures: the small campaign's corpus
from tests.feedback import returned  # noqa: F401 — a module fixture: a workbook returned with problems
from tests.filling import forms, person_values
from tests.new_user_year import journey, journey_in_word  # noqa: F401 — module fixtures: the new user's year
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round, tree_digest
from tests.waiting_year import waiting_year  # noqa: F401 — a module fixture: a draft year with people waiting
from thidua_xlsx.cli import main


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A filled scoring inbox for the small campaign, with a resubmission, a newcomer and noise."""
    root = tmp_path_factory.mktemp("school")
    folder, (t1, t2) = scoring_round(root)
    campaign = folder.campaign
    inbox = folder.folder / "inbox"
    spare = forms(t1, spare=True)[0]
    newcomer = person_values(spare, {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25},
                             name='=HYPERLINK("http://x.vn","Bấm vào")', position="Giáo viên")
    fill_department(t1, inbox / "mail" / t1.name, {**T1_SCORES, "GV02": T1_SCORES["GV01"]},
                    dt.datetime(2026, 5, 10, 8, 0))  # older version, superseded
    fill_department(t1, inbox / t1.name.replace(".xlsx", "-sua.xlsx"), T1_SCORES,
                    dt.datetime(2026, 5, 12, 8, 0), extra=newcomer)
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 11, 8, 0))
    (inbox / "~$lock.xlsx").write_bytes(b"\x0bsecretary" + b"\x00" * 40)
    (inbox / "Thumbs.db").write_bytes(b"\x00" * 10)
    (inbox / "ghi-chu.txt").write_text("không phải sổ", encoding="utf-8")
    (inbox / "hong.xlsx").write_bytes(b"PK\x03\x04 this is not a real zip")
    reg = next((root / "dang-ky" / "inbox-dang-ky").iterdir())
    (inbox / "nham-vong.xlsx").write_bytes(reg.read_bytes())  # a filled registration workbook in the scoring inbox
    before = tree_digest(inbox)
    runner = CliRunner()
    result = runner.invoke(main, ["merge", str(inbox), "-o", str(root / "S.xlsx"), "--json", str(root / "R.json")])
    assert result.exit_code == 0, result.output
    return {"root": root, "inbox": inbox, "before": before, "campaign": campaign, "folder": folder,
            "output": result.output, "summary": load_workbook(root / "S.xlsx"),
            "report": json.loads((root / "R.json").read_text("utf-8"))}
