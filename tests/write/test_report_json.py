"""The JSON report: the summary for machines, codes and parameters rather than Vietnamese words."""

from __future__ import annotations

import json

from tests.summaries import make_summary
from thidua_xlsx.model.report import REPORT_SCHEMA_VERSION
from thidua_xlsx.write.report_json import write_report_json


def test_json_report_round_trips(tmp_path):
    path = tmp_path / "report.json"
    write_report_json(make_summary(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["schema_version", "campaign", "round", "report", "files", "problems", "people",
                          "departments", "council", "period", "year", "special_awards", "history", "rule_set",
                          "applied", "draft"]
    assert data["year"] is None and data["period"] is None and data["special_awards"] == []  # a year-end round
    assert data["council"] is None  # no council pass yet
    assert data["schema_version"] == REPORT_SCHEMA_VERSION == 6
    assert data["campaign"] == {"id": "test-campaign", "school": "Trường Tiểu học Thử Nghiệm",
                                "school_year": "2025-2026"}
    assert [f["status"] for f in data["files"]] == ["skipped", "accepted", "superseded", "accepted", "rejected"]
    assert data["files"][1]["saved_at"] == "2026-05-18T03:30:00+00:00"
    lan = next(p for p in data["people"] if p["code"] == "GV01")
    assert lan["scores"] == {"self": 97.5, "department": 95.5, "final": 95.5, "source": "department"}
    assert lan["groups"]["department"]["I"] == 17
    assert (lan["registered"], lan["proposed"]) == ("CSTDCS", "CSTDCS")  # titles by code (schema 3)
    assert lan["decisions"][0]["reasons"][0]["params"]["worked"] == 12  # a number, not "12"
    assert lan["decisions"][1] == {"title": "CSTDCS", "granted": True, "pending": False, "reasons": [
        {"code": "cstdcs.granted", "params": {"first": {"code": "cstdcs.excellent", "params": {}}, "second": None}}]}
    assert "đạt LĐTT" not in path.read_text(encoding="utf-8"), "reasons travel as codes, not Vietnamese words"
    gap = next(p for p in data["problems"] if p["code"] == "person.score_gap")
    assert gap["params"]["gap"] == "7" and "message" not in gap
    t1 = data["departments"][0]
    assert (t1["collective_registered"], t1["proposed"]) == ("TTLDTT", "TTLDTT")
    assert data["departments"][1]["decisions"][0]["granted"] is False
    assert {p["code"] for p in data["problems"]} == {"file.skipped_lock", "person.score_gap", "value.out_of_range",
                                                     "file.not_workbook"}
    assert "Đức" in path.read_text(encoding="utf-8")  # not \u-escaped
