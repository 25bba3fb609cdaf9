"""One gate for every summary of ours that comes back: the council's pass, the year's periods, the
history, the commune and the analysts' API refuse the same faults in the same order, each in its own words; the
commune alone reads a summary edited by hand, flagged for its officer. No reader of our summaries opens one outside
the gate."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from tests import python_sources
from tests.summary_meta import rewrite_meta
from thidua_xlsx.api import SummaryError, read_summary
from thidua_xlsx.commune.read_inbox import read_school_summary
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.history import read_final_summary
from thidua_xlsx.read.registrations import PERIODS, checked_summary
from thidua_xlsx.steps.workspace import open_campaign

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PACKAGE = SAMPLES.parent / "thidua_xlsx"


def _rewrite(source: Path, target: Path, change, recompute: bool) -> Path:
    """``source`` with its hidden data changed as a hand in Excel would (``recompute``: and its unkeyed digest made
    again, as another version of the tool would have written it)."""
    return rewrite_meta(source, target, change, by_hand=not recompute)


def _school_campaign():
    folder, _ = open_campaign(SAMPLES / "campaign.xlsx")
    return folder.campaign


def _year_campaign():
    folder, _ = open_campaign(SAMPLES / "ca-nam" / "campaign.xlsx")
    return folder.campaign


def _council(path: Path) -> list[str]:
    problems = Problems()
    return [] if checked_summary(path, _school_campaign(), problems, ly.SCORING) else [p.code for p in problems]


def _year(path: Path) -> list[str]:
    problems = Problems()
    return [] if checked_summary(path, _year_campaign(), problems, PERIODS) else [p.code for p in problems]


def _history(path: Path) -> list[str]:
    year, problems = read_final_summary(path)
    return [] if year else [p.code for p in problems]


def _api(path: Path) -> list[str]:
    try:
        read_summary(path)
    except SummaryError as refused:
        return [refused.code]
    return []


def _commune(path: Path) -> list[str]:
    import datetime as dt

    entry = InboxFile(path, path.name, path.stat().st_size, dt.datetime(2026, 6, 1), "")
    entry, summary = read_school_summary(entry)
    return [] if summary is not None else [entry.reason]


def test_a_summary_of_a_newer_version_is_refused_by_every_reader_in_its_words(tmp_path):
    newer = _rewrite(SAMPLES / "tong-hop-cuoi.xlsx", tmp_path / "moi.xlsx",
                     lambda d: d.update(schema_version=ly.SUMMARY_SCHEMA_VERSION + 1), recompute=True)

    assert [_council(newer), _history(newer), _api(newer), _commune(newer)] == [
        ["summary.schema_unknown"], ["summary.schema_unknown"], ["summary.schema_unknown"],
        ["level_above.schema_newer"]]


def test_data_edited_by_hand_is_refused_where_it_would_decide_and_flagged_at_the_commune(tmp_path):
    def grant(data):
        refused = next(d for d in data["decisions"] if not d[2])
        refused[2] = True

    edited = _rewrite(SAMPLES / "tong-hop-cuoi.xlsx", tmp_path / "sua.xlsx", grant, recompute=False)

    assert [_council(edited), _history(edited), _api(edited)] == [["summary.data_edited"]] * 3
    import datetime as dt

    entry, summary = read_school_summary(InboxFile(edited, edited.name, 1, dt.datetime(2026, 6, 1), ""))
    assert summary is not None and summary.edited  # read, flagged: the officer sees it and decides


def test_a_periods_summary_is_told_apart_by_every_reader_that_wants_the_year(tmp_path):
    period = SAMPLES / "ca-nam" / "ky" / "tong-hop_thang-9.xlsx"

    assert [_history(period), _api(period), _commune(period), _year(period)] == [
        ["history.summary_period"], ["api.period"], ["level_above.not_final"], []]


def test_the_years_reader_refuses_the_years_own_summary_and_another_campaigns(tmp_path):
    year = SAMPLES / "ca-nam" / "tong-hop_ca-nam.xlsx"
    other = shutil.copy(SAMPLES / "tong-hop.xlsx", tmp_path / "truong-khac.xlsx")

    assert [_year(year), _year(Path(other))] == [["year.not_period"], ["year.other_campaign"]]


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 cut short", b"not a workbook at all"])
def test_a_broken_file_is_one_refusal_for_every_reader(tmp_path, content):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(content)

    assert [_council(broken), _year(broken), _history(broken), _api(broken), _commune(broken)] == [
        ["council.unreadable"], ["year.unreadable"], ["history.summary_unreadable"], ["api.unreadable"],
        ["level_above.unreadable"]]


def test_no_reader_opens_a_summary_outside_the_gate():
    """The summary's metadata is read in read/own_summary.py only (the writer makes it, the department reader reads
    the workbooks' own, the history book and the commune's own summary have theirs)."""
    openers = {"summary_record_in"}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "own_summary.py":
            continue
        for node in python_sources.nodes(path.read_text(encoding="utf-8")):
            called = node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else \
                node.func.id if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) else ""
            if called in openers or (called == "from_json" and "SummaryMeta" in ast.unparse(node.func)
                                     and "write" not in path.parts):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {called}")
    assert found == []
