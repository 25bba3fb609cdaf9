"""The council's school, shared by the council's tests (each module merges its own)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.cli import main

SAVED = dt.datetime(2026, 5, 12, 8, 0)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def council_school(root, t1_scores: dict = T1_SCORES) -> dict:
    """A scoring round with a CSTĐCS quota of 25 % of the LĐTT (one slot), T1 scored ``t1_scores``, merged once."""
    folder, (t1, t2) = scoring_round(root, rules={"ldtt_min_classification": "Tốt", "cstdcs_quota_percent": 25})
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, t1_scores, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    first = root / "tong-hop.xlsx"
    assert run("merge", inbox, "-o", first).exit_code == 0
    return {"root": root, "folder": folder, "inbox": inbox, "first": first}


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    return council_school(tmp_path_factory.mktemp("council"))
