"""The shipped sample year (samples/ca-nam/, issue 26's acceptance): three monthly periods of Trường THCS Kim Sơn
under Nghị định 233/2026, run again from a clean clone the way the README walks through it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.model.titles import CSTDCS

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    out = tmp_path_factory.mktemp("ca-nam")
    sample = out / "sample"  # a copy: the run records what it wrote in its campaign folder, never in the repository
    shutil.copytree(SAMPLE, sample)
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "-o",
                                       str(out / "tong-hop_ca-nam.xlsx"), "--json", str(out / "ca-nam.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "ca-nam.json").read_text(encoding="utf-8"))
    return {"output": " ".join(result.output.split()), "data": data,
            "people": {p["code"]: p for p in data["people"]}}


def test_the_year_scores_are_the_average_of_the_periods(year):
    for code, person in year["people"].items():
        scores = [s for s in person["year"]["periods"].values() if s is not None]
        assert person["year"]["score"] == pytest.approx(sum(scores) / len(scores)), code


def test_a_person_missing_one_period_is_said(year):
    person = year["people"]["GV019"]["year"]
    assert person["missing"] == ["thang-10"] and person["score"] == 79.0  # thang-9 alone
    assert "year.missing" in [r["code"] for r in person["reasons"]]


def test_the_cap_demotes_exactly_the_last_three_of_nine_with_the_reason(year):
    teachers = {code: p["year"] for code, p in year["people"].items() if p["role"] == "Viên chức"}
    by_score = sorted((y["score"], code) for code, y in teachers.items() if y["computed"] == "HTXSNV" or y["capped"])
    assert len(by_score) == 9
    capped = {code for code, y in teachers.items() if y["capped"]}
    assert capped == {"GV001", "GV008", "GV023"} == {code for _, code in by_score[:3]}
    for code in capped:
        assert teachers[code]["rating"] == "HTTNV"
        assert "year.cap_outside" in [r["code"] for r in teachers[code]["reasons"]]


def test_htxsnv_by_the_periods_gives_cstdcs(year):
    gv009 = year["people"]["GV009"]
    assert gv009["year"]["rating"] == "HTXSNV" and gv009["proposed"] == CSTDCS
    granted = next(d for d in gv009["decisions"] if d["title"] == CSTDCS)
    said = json.dumps(granted["reasons"])
    assert "cstdcs.excellent" in said and "cstdcs.initiative" not in said  # by the rating alone


def test_the_shipped_year_summary_is_the_one_the_command_writes(year):
    shipped = json.loads((SAMPLE / "ca-nam.json").read_text(encoding="utf-8"))
    assert [p["year"] for p in shipped["people"]] == [p["year"] for p in year["data"]["people"]]
    assert [p["proposed"] for p in shipped["people"]] == [p["proposed"] for p in year["data"]["people"]]


def test_the_departments_registration_reaches_the_year_and_its_collective_titles(year):
    """A period's summary carries each department's collective title registered; the year decides it."""
    departments = {d["code"]: d for d in year["data"]["departments"]}
    assert {d["collective_registered"] for d in departments.values()} == {"TTLDTT"}
    khtn = departments["TO-KHTN"]["decisions"][0]
    assert (khtn["title"], khtn["granted"]) == ("TTLDTT", True)
    assert khtn["reasons"][0]["params"]["share"]["params"] == {"ldtt": 4, "members": 7, "percent": 57.1}


def test_the_bac_ninh_rules_refuse_tttldtt_at_57_percent_citing_qd_86_2025(tmp_path):
    """The same year under Bắc Ninh's rules (QĐ 86/2025/QĐ-UBND điều 4 khoản 2 điểm b: TTLĐTT from 70 % LĐTT):
    Tổ KHTN's 4 of 7 is enough nationally (> 50 %), not in Bắc Ninh; the summary names the rules applied."""
    from openpyxl import load_workbook

    sample = tmp_path / "sample"
    shutil.copytree(SAMPLE, sample, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    book = load_workbook(sample / "campaign.xlsx")
    school = book["Trường"]
    row = next(c.row for c in school["A"] if c.value == "Tỉnh/thành (quy định thi đua áp dụng)")
    school.cell(row, 2).value = "Bắc Ninh"
    book.save(sample / "campaign.xlsx")
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "-o",
                                       str(tmp_path / "bn.xlsx"), "--json", str(tmp_path / "bn.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "bn.json").read_text(encoding="utf-8"))
    khtn = {d["code"]: d for d in data["departments"]}["TO-KHTN"]["decisions"][0]
    assert (khtn["title"], khtn["granted"]) == ("TTLDTT", False)
    assert khtn["reasons"][0]["params"]["share"]["params"]["percent"] == 57.1
    assert "QĐ 86/2025" in khtn["reasons"][-1]["params"]["citation"]
    assert data["rule_set"]["province"] == "Bắc Ninh"
    raised = [p for p in data["problems"] if p["code"] == "rule_set.raised"]  # sheet Quy tắc's 50 %, raised to 70 %
    assert raised and raised[0]["severity"] == "note" and "Quy định của Bắc Ninh" in " ".join(result.output.split())
    assert "86/2025/QĐ-UBND" in {t["number"] for t in data["rule_set"]["texts"]}
    subtitle = " ".join(str(c.value) for row in load_workbook(tmp_path / "bn.xlsx")["Tổng hợp"].iter_rows(max_row=8)
                        for c in row if c.value)
    assert "Quy định áp dụng (Bắc Ninh" in subtitle and "QĐ 86/2025" in subtitle


def test_the_national_rules_grant_it_citing_the_law(year):
    khtn = {d["code"]: d for d in year["data"]["departments"]}["TO-KHTN"]["decisions"][0]
    assert khtn["granted"] and "Luật TĐKT 2022" in khtn["reasons"][-1]["params"]["citation"]
    assert year["data"]["rule_set"]["province"] == ""
