"""The shipped sample year (samples/ca-nam/): three monthly periods of Trường THCS Kim Sơn
under Nghị định 233/2026, run again from a clean clone the way the README walks through it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.model.titles import CSTDCS

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"
README = Path(__file__).resolve().parents[2] / "README.md"
# the README's command of the year (section "Cả năm theo Nghị định 233/2026"): the fixture runs it on a copy
COMMAND = "thidua-xlsx year thu-mau/ca-nam/ky --campaign thu-mau/ca-nam --json thu-mau/ca-nam/ca-nam.json --force"
DATED = {"campaign.past_year", "year.period_future", "year.period_future_used"}  # said by the day of the run
CAMPAIGN_SHEETS = {"Trường", "Quy tắc", "Tổ", "Nhân sự", "Bộ tiêu chí", "Tiêu chí", "Danh hiệu", "Xếp loại", "Căn cứ",
                   "Kỳ đánh giá", "Khen đột xuất"}


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    out = tmp_path_factory.mktemp("ca-nam")
    sample = out / "ca-nam"  # the README's copy (thu-mau/ca-nam): the run records what it wrote in its campaign folder
    shutil.copytree(SAMPLE, sample)
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "--json",
                                       str(sample / "ca-nam.json"), "--force"])
    assert result.exit_code == 0, result.output
    data = json.loads((sample / "ca-nam.json").read_text(encoding="utf-8"))
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


def test_the_shipped_year_summary_says_what_the_readme_command_says(year):
    """The shipped files are what the README's command writes — the same counts, the same
    problems (the campaign's opening and its rule set included) — so the sample's Kiểm tra says what her run says.
    What only a later day adds (the year over: "a past year's campaign"; a period not over yet) is set aside, so that
    the comparison holds on any day the tests run."""
    assert COMMAND in README.read_text(encoding="utf-8")  # the command the fixture runs is the one the README gives
    shipped = json.loads((SAMPLE / "ca-nam.json").read_text(encoding="utf-8"))
    run = [p for p in year["data"]["problems"] if p["code"] not in DATED]
    assert shipped["problems"] == run
    assert {k: v for k, v in shipped["report"].items() if k != "counts"} == \
        {k: v for k, v in year["data"]["report"].items() if k != "counts"}
    counts = shipped["report"]["counts"]
    for severity, key in (("error", "errors"), ("warning", "warnings"), ("note", "notes")):
        assert counts[key] == sum(p["severity"] == severity for p in run), key
    if len(run) == len(year["data"]["problems"]):  # the day changes nothing: her screen says the shipped counts
        said = f"Vấn đề: {counts['errors']} lỗi, {counts['warnings']} cảnh báo, {counts['notes']} ghi chú."
        assert said in year["output"]
    check = load_workbook(SAMPLE / "tong-hop_ca-nam.xlsx")["Kiểm tra"]
    assert check["A2"].value.startswith(f"{counts['errors']} lỗi, {counts['warnings']} cảnh báo, "
                                        f"{counts['notes']} ghi chú")


@pytest.mark.parametrize("period", ["thang-9", "thang-10"])
def test_the_shipped_period_summaries_count_what_the_readme_s_merge_counts(period, tmp_path):
    """Each month's shipped summary (ky/) is what ``thidua-xlsx merge … --period …`` writes: its Kiểm tra counts
    the campaign's opening and rule set as her run does (a later day's notices set aside)."""
    sample = tmp_path / "sample"
    shutil.copytree(SAMPLE, sample, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    result = CliRunner().invoke(main, ["merge", str(sample / "inbox" / period), "--campaign", str(sample), "--period",
                                       period, "-o", str(tmp_path / "ky.xlsx"), "--json", str(tmp_path / "ky.json")])
    assert result.exit_code == 0, result.output
    run = [p for p in json.loads((tmp_path / "ky.json").read_text(encoding="utf-8"))["problems"]
           if p["code"] not in DATED]
    counts = [sum(p["severity"] == severity for p in run) for severity in ("error", "warning", "note")]
    shipped = load_workbook(SAMPLE / "ky" / f"tong-hop_{period}.xlsx")["Kiểm tra"]
    assert shipped["A2"].value.startswith("{} lỗi, {} cảnh báo, {} ghi chú".format(*counts))
    assert "campaign.sample_school" in {p["code"] for p in run}  # the opening's warning, in her run and in ours


def test_the_campaign_s_rows_of_the_shipped_kiem_tra_name_the_campaign_book(year):
    """A row of sheet Kiểm tra about a sheet of the campaign names its file, as the screen does
    ("[campaign.xlsx · Kỳ đánh giá]")."""
    rows = [r for r in load_workbook(SAMPLE / "tong-hop_ca-nam.xlsx")["Kiểm tra"].iter_rows(min_row=5, values_only=True)
            if r[0] is not None]
    about_the_campaign = [r for r in rows if r[2] in CAMPAIGN_SHEETS]
    assert len(about_the_campaign) >= 5 and {r[1] for r in about_the_campaign} == {"campaign.xlsx"}
    assert "[campaign.xlsx · Kỳ đánh giá]" in year["output"]


def test_the_sample_s_plan_is_this_year_s_and_so_is_its_to_trinh(year):
    """The 2026-2027 sample rests on the school's plan of 2026-2027, not last year's."""
    plan = "Căn cứ Kế hoạch số 46/KH-THCSKS ngày 22/9/2026 của Trường THCS Kim Sơn về công tác thi đua, khen thưởng " \
           "năm học 2026-2027;"
    basis = [r[0] for r in load_workbook(SAMPLE / "campaign.xlsx")["Căn cứ"].iter_rows(values_only=True) if r[0]]
    assert plan in basis and not [line for line in basis if "2025-2026" in line]
    letter = [str(v) for r in load_workbook(SAMPLE / "tong-hop_ca-nam.xlsx")["Tờ trình"].iter_rows(values_only=True)
              for v in r if v]
    assert plan in letter and not [line for line in letter if "Kế hoạch" in line and "2025" in line]
    assert "campaign.legal_past_year" not in {p["code"] for p in year["data"]["problems"]}


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


def test_a_rating_or_a_year_score_typed_over_in_the_year_s_council_sheet_is_said_at_its_cell(tmp_path):
    """The year's council types in the yellow columns of Xếp loại năm; a rating typed over Xếp
    loại năm or a score over Điểm năm (columns no pass reads) is said by its cell, on screen, and not used."""
    sample = tmp_path / "sample"
    shutil.copytree(SAMPLE, sample, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    council = tmp_path / "hoi-dong.xlsx"
    wb = load_workbook(SAMPLE / "tong-hop_ca-nam.xlsx")
    ws = wb["Xếp loại năm"]
    head = next(r for r in ws.iter_rows() if "Mã" in [c.value for c in r])
    cols = {c.value: c.column for c in head}
    rows = {ws.cell(r, cols["Mã"]).value: r for r in range(head[0].row + 1, ws.max_row + 1)}
    rating, score = ws.cell(rows["GV001"], cols["Xếp loại năm"]), ws.cell(rows["GV004"], cols["Điểm năm"])
    # as written: GV001 rated HTTNV by the cap; GV004's year with the head's 81,5 of Tháng 10 (samples/build_year.py)
    assert (rating.value, score.value) == ("HTTNV", 80.25)
    rating.value, score.value = "HTXSNV", 95
    wb.save(council)
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "--council", str(council),
                                       "-o", str(tmp_path / "y.xlsx"), "--json", str(tmp_path / "y.json")])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert f"[hoi-dong.xlsx · Xếp loại năm!{rating.coordinate}] Vũ Thị Thu Hằng (GV001): cột Xếp loại năm ghi " \
           "'HTXSNV', khác xếp loại chương trình đã ghi (HTTNV); lượt này không đọc cột đó" in text
    assert f"[hoi-dong.xlsx · Xếp loại năm!{score.coordinate}]" in text and "cột Điểm năm ghi '95'" in text
    data = json.loads((tmp_path / "y.json").read_text(encoding="utf-8"))
    people = {p["code"]: p for p in data["people"]}
    assert people["GV001"]["year"]["rating"] == "HTTNV" and people["GV004"]["scores"]["final"] == 80.25
    said = {p["code"]: p for p in data["problems"] if p["code"].endswith("_typed_over")}
    assert set(said) == {"council.rating_typed_over", "council.final_typed_over"}  # nothing else taken as typed
