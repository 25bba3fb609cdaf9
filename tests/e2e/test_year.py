"""The year from its periods: three monthly rounds generated, filled and merged, then
``thidua-xlsx year`` over their summaries — the year's score the average of the periods, a missing period
named and never 0, the HTXSNV cap, the < 6 months rule and its leave exception, an entered rating winning,
and the rating feeding LĐTT and CSTĐCS."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import make_folder
from tests.filling import fill, layout, person_values, register, stamp_saved_time
from tests.summary_meta import rewrite_meta
from tests.year_fixtures import PERIODS, REGISTERED, TOTALS, campaign
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import CSTDCS, LDTT


def _items(role: str, total: int) -> dict[str, int]:
    """Criteria adding up to ``total``."""
    if role == "Nhân viên":
        return {"I.1": min(60, total), "I.2": total - min(60, total)}
    rest = total - 20
    return {"I.1": 10, "I.2": 10, "II.1": min(50, rest), "II.2": rest - min(50, rest)}


def _run(*args, cwd: Path | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """Registration, three monthly rounds merged into ``ky/``, then the year."""
    root = tmp_path_factory.mktemp("year")
    folder = make_folder(root / "campaign", campaign())
    book = folder.folder / "campaign.xlsx"
    registrations = register(folder, REGISTERED, root)
    summaries = root / "ky"
    for k, period in enumerate(PERIODS):
        result = _run("generate", book, "--round", "cham-diem", "--period", period, "--from", registrations)
        assert result.exit_code == 0, result.output
        inbox = root / "inbox" / period
        for path in (folder.folder / "outbox" / period).glob("*.xlsx"):
            found = layout(path)
            values = {}
            for rec in found.of_kind(ly.ScoringSheet):
                total = TOTALS.get(rec.person_code, (None,) * 3)[k]
                if total is not None:
                    scores = _items(rec.role, total)
                    values |= person_values(rec, scores, scores)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime(2025, 10 + k, 3, 8, 0))
        result = _run("merge", inbox, "--period", period, "-o", summaries / f"tong-hop_{period}.xlsx",
                      "--campaign", book)
        assert result.exit_code == 0, result.output
    out = root / "tong-hop_ca-nam.xlsx"
    result = _run("year", summaries, "-o", out, "--json", root / "ca-nam.json", "--campaign", book)
    report = json.loads((root / "ca-nam.json").read_text(encoding="utf-8"))
    return {"root": root, "folder": folder, "book": book, "ky": summaries, "out": out, "result": result,
            "report": report, "people": {p["code"]: p for p in report["people"]}}


def test_the_year_runs_and_says_its_periods(year):
    assert year["result"].exit_code == 0, year["result"].output
    assert "Cả năm: dùng bảng tổng hợp của 3/3 kỳ (Tháng 9/2025, Tháng 10/2025, Tháng 11/2025)." in \
        year["result"].output
    assert year["out"].is_file()


def _year(person: dict) -> dict:
    return person["year"]


def test_the_year_score_is_the_average_of_the_periods_with_a_score(year):
    for code, totals in TOTALS.items():
        scored = [t for t in totals if t is not None]
        assert _year(year["people"][code])["score"] == pytest.approx(sum(scored) / len(scored)), code
        shown = {p: t for p, t in _year(year["people"][code])["periods"].items() if t is not None}
        assert shown == {p: t for p, t in zip(PERIODS, totals) if t is not None}


def test_a_missing_period_is_named_and_never_counted_as_zero(year):
    ganh = _year(year["people"]["GV04"])
    assert ganh["missing"] == ["thang-10"] and ganh["score"] == 85
    codes = [r["code"] for r in ganh["reasons"]]
    assert "year.missing" in codes
    missing = next(r for r in ganh["reasons"] if r["code"] == "year.missing")
    assert missing["params"]["periods"] == ["Tháng 10/2025"]


def test_the_cap_keeps_the_first_and_rates_the_second_httnv_with_the_reason(year):
    lan, duc = _year(year["people"]["GV01"]), _year(year["people"]["GV02"])
    assert (lan["computed"], lan["capped"]) == ("HTXSNV", False)
    assert (duc["computed"], duc["rating"], duc["capped"]) == ("HTTNV", "HTTNV", True)
    assert "year.cap_outside" in [r["code"] for r in duc["reasons"]]
    # the staff's group is counted apart: one person alone has no slot (20 % of HTTNV, rounded down)
    assert _year(year["people"]["NV01"])["rating"] == "HTTNV"


def test_the_rating_feeds_the_titles(year):
    people = year["people"]
    assert people["GV01"]["proposed"] == CSTDCS  # HTXSNV by the periods: CSTĐCS
    cstdcs = next(d for d in people["GV02"]["decisions"] if d["title"] == CSTDCS)
    assert not cstdcs["granted"]  # capped to HTTNV, no sáng kiến
    assert people["GV04"]["proposed"] == LDTT


def test_under_six_months_is_not_rated_unless_on_insured_leave(year):
    hung, dung = _year(year["people"]["GV07"]), _year(year["people"]["GV03"])
    assert hung["rating"] == "KHONG_XEP_LOAI"
    assert "year.months_short" in [r["code"] for r in hung["reasons"]]
    assert dung["rating"] == "HTTNV"
    assert "year.leave_rated" in [r["code"] for r in dung["reasons"]]


def test_discipline_rates_khtnv_whatever_the_score(year):
    assert _year(year["people"]["GV05"])["rating"] == "KHTNV"


def test_the_entered_rating_wins_and_the_difference_is_flagged(year):
    mai = year["people"]["GV06"]
    assert (_year(mai)["computed"], _year(mai)["rating"], _year(mai)["entered"]) == ("HTNV", "HTTNV", True)
    assert {"code": "flag.year_rating_entered", "params": {"entered": "HTTNV", "computed": "HTNV"}} in mai["flags"]
    assert mai["proposed"] == LDTT


def test_the_year_sheet_shows_the_periods_side_by_side(year):
    from openpyxl import load_workbook

    from thidua_xlsx.text import summary as sx

    ws = load_workbook(year["out"])[sx.S_YEAR]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(k for k, row in enumerate(rows) if row[:4] == list(sx.YEAR_HEAD_FIRST))
    cols = {v: k for k, v in enumerate(rows[head]) if v}
    by_code = {row[1]: row for row in rows[head + 1:] if row[1]}
    ganh = by_code["GV04"]
    assert [ganh[cols[f"Tháng {m}/2025"]] for m in (9, 10, 11)] == [80, sx.YEAR_NO_SCORE, 90]
    assert (ganh[cols["Số kỳ có điểm"]], ganh[cols["Điểm năm"]], ganh[cols["Xếp loại năm"]]) == ("2/3", 85, "HTTNV")
    assert by_code["GV07"][cols["Xếp loại năm"]] == sx.YEAR_NOT_RATED
    assert "Điểm chi tiết" not in load_workbook(year["out"]).sheetnames


def test_the_council_round_trip_runs_on_the_year_summary(year, tmp_path):
    from tests.filling import council_types
    from thidua_xlsx.model.titles import NO_PROPOSAL

    council = tmp_path / "hoi-dong.xlsx"
    council_types(year["out"], council, {"GV04": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
    final = tmp_path / "cuoi.xlsx"
    result = _run("year", year["ky"], "--council", council, "-o", final, "--json", tmp_path / "cuoi.json",
                  "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads((tmp_path / "cuoi.json").read_text(encoding="utf-8"))["people"]}
    assert people["GV04"]["proposed"] == "" and people["GV01"]["proposed"] == CSTDCS
    assert people["GV04"]["year"]["rating"] == "HTTNV"  # the council's word is on the title, not the rating


# --- bad input: each one said, nothing lost, every file accounted for ---------------------------------------


def _folder_with(year, tmp_path, *, drop: tuple[str, ...] = (), extra: dict[str, Path] | None = None) -> Path:
    folder = tmp_path / "ky"
    folder.mkdir()
    for path in year["ky"].glob("*.xlsx"):
        if path.stem.removeprefix("tong-hop_") not in drop:
            shutil.copy2(path, folder / path.name)
    for name, source in (extra or {}).items():
        shutil.copy2(source, folder / name)
    return folder


def _year_of(year, folder: Path, tmp_path: Path, *extra_args):
    result = _run("year", folder, "-o", tmp_path / "nam.xlsx", "--json", tmp_path / "nam.json",
                  "--campaign", year["book"], *extra_args)
    data = json.loads((tmp_path / "nam.json").read_text(encoding="utf-8")) if (tmp_path / "nam.json").exists() \
        else None
    return result, data


def test_a_period_missing_is_said_and_each_person_rated_on_the_others(year, tmp_path):
    result, data = _year_of(year, _folder_with(year, tmp_path, drop=("thang-11",)), tmp_path)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "dùng bảng tổng hợp của 2/3 kỳ (Tháng 9/2025, Tháng 10/2025)" in text
    assert "Chưa có bảng tổng hợp của Tháng 11/2025" in text
    assert data["year"]["missing"] == ["thang-11"]
    lan = {p["code"]: p for p in data["people"]}["GV01"]["year"]
    assert lan["score"] == 95.5 and lan["missing"] == ["thang-11"]


def test_wrong_files_in_the_folder_are_each_refused_by_their_identity(year, tmp_path, small_folder):
    workbook = next((year["folder"].folder / "outbox" / "thang-9").glob("*.xlsx"))
    other = tmp_path / "other"
    other.mkdir()
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.write.summary import write_summary
    write_summary(merge_inbox(other, small_folder), other / "tong-hop.xlsx")  # another campaign's summary
    folder = _folder_with(year, tmp_path, extra={"so-cua-to.xlsx": workbook,
                                                 "nam-khac.xlsx": other / "tong-hop.xlsx",
                                                 "ghi-chu.txt": year["book"], "ca-nam.xlsx": year["out"]})
    result, data = _year_of(year, folder, tmp_path)
    assert result.exit_code == 0, result.output
    status = {f["name"]: (f["status"], f["reason"]) for f in data["files"]}
    assert status["so-cua-to.xlsx"] == ("rejected", "year.not_ours")
    assert status["nam-khac.xlsx"] == ("rejected", "year.other_campaign")
    assert status["ghi-chu.txt"] == ("rejected", "file.not_workbook")
    assert status["ca-nam.xlsx"] == ("rejected", "year.not_period")  # the year's own summary is no period's
    assert sorted(n for n, (s, _) in status.items() if s == "accepted") == [f"tong-hop_{p}.xlsx" for p in
                                                                           sorted(PERIODS)]
    assert data["report"]["counts"]["files"] == 7


def test_the_head_s_pass_of_a_period_wins_over_its_first_summary(year, tmp_path):
    from tests.head_pass import head_scores

    first = year["ky"] / "tong-hop_thang-10.xlsx"
    council = tmp_path / "hd-thang-10.xlsx"
    head_scores(first, council, {"GV04": (70, "Hiệu trưởng chấm")})
    folder = _folder_with(year, tmp_path)
    inbox = year["root"] / "inbox" / "thang-10"
    result = _run("merge", inbox, "--period", "thang-10", "--council", council, "-o", folder / "cuoi_thang-10.xlsx",
                  "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    result, data = _year_of(year, folder, tmp_path)
    status = {f["name"]: (f["status"], f["reason"]) for f in data["files"]}
    assert status["cuoi_thang-10.xlsx"][0] == "accepted"
    assert status["tong-hop_thang-10.xlsx"] == ("superseded", "year.period_superseded")
    ganh = {p["code"]: p for p in data["people"]}["GV04"]["year"]
    assert ganh["periods"]["thang-10"] == 70 and ganh["missing"] == [] and ganh["score"] == 80


def test_a_transfer_s_month_entered_by_the_head_is_written_where_the_year_is_read(year, tmp_path):
    """GV04 came from another school: Tháng 10 there, sent by it, typed by the head in the month's pass (NĐ 233/2026
    điều 15 khoản 1 điểm a) — the year's sheet and its JSON say where that month's score came from."""
    from openpyxl import load_workbook

    from tests.head_pass import head_scores
    from thidua_xlsx.text import summary as sx

    council = tmp_path / "hd-thang-10.xlsx"
    head_scores(year["ky"] / "tong-hop_thang-10.xlsx", council, {"GV04": (86, "Kết quả tại trường cũ")})
    folder = _folder_with(year, tmp_path)
    result = _run("merge", year["root"] / "inbox" / "thang-10", "--period", "thang-10", "--council", council, "-o",
                  folder / "cuoi_thang-10.xlsx", "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    result, data = _year_of(year, folder, tmp_path)
    assert result.exit_code == 0, result.output

    people = {p["code"]: p["year"] for p in data["people"]}
    said = "Tháng 10/2025: hiệu trưởng nhập – người chuyển đến: kết quả ở trường cũ (Điều 15 khoản 1 điểm a)."
    assert people["GV04"]["head_entered"] == [{"period": "thang-10", "score": 86, "kind": "former_school",
                                               "before": None, "note": "Kết quả tại trường cũ", "said": said}]
    assert people["GV04"]["score"] == round((80 + 86 + 90) / 3, 4)
    assert all("head_entered" not in y for code, y in people.items() if code != "GV04")  # a department's scores
    ws = load_workbook(tmp_path / "nam.xlsx")[sx.S_YEAR]
    rows = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    reason = ws.cell(rows["GV04"], ws.max_column).value
    assert reason.startswith(said.rstrip("."))  # the Phiếu's words: her department gave none, a transfer-in's month
    notes = " ".join(str(ws.cell(r, 1).value) for r in range(1, min(rows.values())))
    assert "kết quả các tháng tại trường cũ do trường cũ gửi (NĐ 233/2026 điều 15 khoản 1 điểm a)" in notes
    assert ws.cell(rows["Mã"], ws.max_column).value == "Lý do" and "được ghi ở cột Lý do" in notes  # the column named
    assert not any("hiệu trưởng nhập" in str(ws.cell(r, ws.max_column).value or "") for code, r in rows.items()
                   if code not in ("GV04", None, "Mã"))


def test_a_person_gone_from_the_roster_is_named_not_rated(year, tmp_path):
    from thidua_xlsx.service import init_campaign

    campaign = year["folder"].campaign
    left = dataclasses.replace(campaign, staff=tuple(p for p in campaign.staff if p.code != "GV09"))
    init_campaign(tmp_path / "c", left.level, campaign=left)
    result = _run("year", year["ky"], "-o", tmp_path / "nam.xlsx", "--json", tmp_path / "nam.json",
                  "--campaign", tmp_path / "c" / "campaign.xlsx")
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "nam.json").read_text(encoding="utf-8"))
    assert "GV09" not in {p["code"] for p in data["people"]}
    gone = [p for p in data["problems"] if p["code"] == "year.person_not_in_roster"]
    assert [p["params"]["person"] for p in gone] == ["GV09"]
    assert "Mã GV09 có điểm ở Tháng 9/2025, Tháng 10/2025, Tháng 11/2025 nhưng không còn trong sheet Nhân sự" in \
        " ".join(result.output.split())


def test_a_campaign_without_periods_is_sent_to_merge(small_folder, tmp_path):
    folder = tmp_path / "ky"
    folder.mkdir()
    result = _run("year", folder, "--campaign", small_folder.folder / "campaign.xlsx")
    assert result.exit_code == 1
    assert "không chia kỳ đánh giá" in " ".join(result.output.split())


def test_an_empty_folder_says_what_to_put_there_and_writes_nothing(year, tmp_path):
    from thidua_xlsx.text import commands as ct

    folder = tmp_path / "ky"
    folder.mkdir()
    result = _run("year", folder, "-o", tmp_path / "nam.xlsx", "--campaign", year["book"])
    assert result.exit_code == 1 and not (tmp_path / "nam.xlsx").exists()
    said = " ".join(result.output.split())
    assert ct.YEAR_EMPTY.format(folder=folder, periods="thang-9 (Tháng 9/2025), thang-10 (Tháng 10/2025), "
                                                       "thang-11 (Tháng 11/2025)") in said
    assert "Tổ đã nộp" not in said and "sổ các tổ gửi về" not in said


def test_the_year_says_its_periods_not_departments_submitted(year):
    output = year["result"].output
    assert "Tổ đã nộp" not in output and "Tổ chưa nộp" not in output
    assert "Đề nghị: " in output  # the titles are the year's


def test_the_school_s_own_rating_is_read_and_raises_the_cap_to_the_25_percent_it_decided(year, tmp_path):
    """NĐ 233/2026 điều 12 khoản 6 điểm b: a unit rated HTXSNV decides a share above 20 %, at most 25 % — never
    raised unless it decided."""
    from thidua_xlsx.service import init_campaign
    from thidua_xlsx.steps.workspace import open_campaign

    campaign = dataclasses.replace(year["folder"].campaign, unit_rating="HTXSNV")
    for decided, percent, clause in ((None, 20, "a"), (25, 25, "b")):
        book = tmp_path / f"c{percent}"
        init_campaign(book, "tieu-hoc", campaign=dataclasses.replace(campaign, excellent_unit_cap_percent=decided))
        folder, _ = open_campaign(book / "campaign.xlsx")
        assert folder.campaign.unit_rating == "HTXSNV"
        result = _run("year", year["ky"], "-o", book / "nam.xlsx", "--json", book / "nam.json", "--campaign", book)
        assert result.exit_code == 0, result.output
        lan = {p["code"]: p for p in json.loads((book / "nam.json").read_text(encoding="utf-8"))["people"]}["GV01"]
        counted = next(r for r in lan["year"]["reasons"] if r["code"] == "year.cap_within")["params"]["cap"]
        assert (counted["params"]["percent"], counted["params"]["clause"]) == (percent, clause), decided


def _rewritten(source: Path, target: Path, **meta) -> None:
    """``source`` with its metadata changed as ``meta`` says (what another campaign's year, an unknown period or
    an older version of the tool would have written)."""
    rewrite_meta(source, target, lambda data: {**data, **meta})


def test_summaries_of_another_year_an_unknown_period_an_older_tool_or_broken_are_refused(year, tmp_path):
    september = year["ky"] / "tong-hop_thang-9.xlsx"
    folder = _folder_with(year, tmp_path)
    _rewritten(september, folder / "nam-truoc.xlsx", school_year="2024-2025")
    _rewritten(september, folder / "thang-12.xlsx", period="thang-12")
    _rewritten(september, folder / "ban-cu.xlsx", schema_version=2, people=[])
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    result, data = _year_of(year, folder, tmp_path)
    assert result.exit_code == 0, result.output
    status = {f["name"]: (f["status"], f["reason"]) for f in data["files"]}
    assert status["nam-truoc.xlsx"] == ("rejected", "year.other_year")
    assert status["thang-12.xlsx"] == ("rejected", "year.period_unknown")
    assert status["ban-cu.xlsx"] == ("rejected", "year.no_people")
    assert status["hong.xlsx"] == ("rejected", "year.unreadable")
    assert [p["code"] for p in data["problems"] if p["file"] == "ban-cu.xlsx"] == ["year.no_people"]


# --- the council's word on the year: one rating, said where it comes from; the wrong summary refused --


def _year_sheet(book) -> dict[str, dict]:
    """The "Xếp loại năm" rows by code, each by its column heads (``book``: a path, or the workbook openpyxl loaded
    from it)."""
    from openpyxl import load_workbook

    from thidua_xlsx.text import summary as sx

    ws = (load_workbook(book) if isinstance(book, Path) else book)[sx.S_YEAR]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(k for k, row in enumerate(rows) if row[:4] == list(sx.YEAR_HEAD_FIRST))
    return {row[1]: dict(zip(rows[head], row)) for row in rows[head + 1:] if row[1]}


def test_a_council_score_rates_the_year_again_and_the_sheet_and_the_json_say_the_same(year, tmp_path):
    from tests.filling import council_types
    from thidua_xlsx.text import commands as ct
    from thidua_xlsx.text import summary as sx

    council = tmp_path / "hoi-dong.xlsx"
    council_types(year["out"], council, {"GV02": (97, None, "Hội đồng chấm lại theo minh chứng")})
    final, report = tmp_path / "cuoi.xlsx", tmp_path / "cuoi.json"
    result = _run("year", year["ky"], "--council", council, "-o", final, "--json", report, "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads(report.read_text(encoding="utf-8"))["people"]}
    sheet = _year_sheet(final)
    duc, lan = people["GV02"], people["GV01"]
    # GV02's 97 takes the group's one HTXSNV place; GV01 (95) is ranked out of it: each says so, one truth
    assert (duc["classification"], duc["year"]["rating"], duc["year"]["source"]) == ("HTXSNV", "HTXSNV", "council")
    assert (lan["classification"], lan["year"]["rating"], lan["year"]["source"]) == ("HTTNV", "HTTNV", "computed")
    for code, person in (("GV02", duc), ("GV01", lan)):
        assert sheet[code]["Xếp loại năm"] == person["year"]["rating"] == person["classification"], code
    assert sheet["GV02"]["Nguồn xếp loại"] == sx.YEAR_SOURCES["council"]
    assert sheet["GV01"]["Nguồn xếp loại"] == sx.YEAR_SOURCES["computed"]
    assert sheet["GV02"]["Lý do"].startswith(sx.YEAR_SHORT_COUNCIL.format(score="97", before="92"))
    assert sx.YEAR_SHORT_RERATED.format(before="HTXSNV") in sheet["GV01"]["Lý do"]
    assert sheet["GV06"]["Nguồn xếp loại"] == sx.YEAR_SOURCES["entered"]
    # the titles follow the rating that counts
    assert duc["proposed"] == CSTDCS and lan["proposed"] == LDTT
    # said on screen: each change, before → after, with the note typed (or the rule that moved it)
    said = result.output
    assert ct.COUNCIL_CHANGES.format(count=5) in said, said
    assert "Trần Văn Đức (GV02): điểm đổi từ 92 thành 97 – lý do: Hội đồng chấm lại theo minh chứng" in said
    assert ("Trần Văn Đức (GV02): xếp loại năm đổi từ HTTNV thành HTXSNV – lý do: Hội đồng chấm lại theo minh chứng"
            in said)
    assert ("Nguyễn Thị Lan (GV01): xếp loại năm đổi từ HTXSNV thành HTTNV – lý do: xếp HTTNV vì ngoài tỷ lệ HTXSNV"
            in said)
    assert "Nguyễn Thị Lan (GV01): đề nghị Lao động tiên tiến thay cho Chiến sĩ thi đua cơ sở" in said
    assert "Trần Văn Đức (GV02): đề nghị Chiến sĩ thi đua cơ sở thay cho Lao động tiên tiến" in said


def test_a_council_score_does_not_rate_who_the_decree_leaves_unrated(year, tmp_path):
    from tests.filling import council_types

    council = tmp_path / "hoi-dong.xlsx"
    council_types(year["out"], council, {"GV07": (95, None, "Thử"), "GV05": (95, None, "Thử")})
    final, report = tmp_path / "cuoi.xlsx", tmp_path / "cuoi.json"
    result = _run("year", year["ky"], "--council", council, "-o", final, "--json", report, "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads(report.read_text(encoding="utf-8"))["people"]}
    assert people["GV07"]["year"]["rating"] == "KHONG_XEP_LOAI"  # 4 months worked (điều 14)
    assert people["GV05"]["year"]["rating"] == "KHTNV" == people["GV05"]["classification"]  # khiển trách
    assert people["GV07"]["scores"]["final"] == 95 and people["GV07"]["year"]["score"] == 95


def test_the_year_sheet_says_the_law_once_and_each_person_briefly(year):
    from openpyxl import load_workbook

    from thidua_xlsx.text import summary as sx

    wb = load_workbook(year["out"])
    sheet = _year_sheet(wb)
    assert sheet["GV10"]["Điểm năm"] == 80.33  # the JSON keeps 80.3333; the sheet prints 2 decimals, as the Phiếu
    assert year["people"]["GV10"]["year"]["score"] == pytest.approx(80.3333)
    assert not sheet["GV08"]["Lý do"]  # nothing particular: the legend says the average and the bands
    assert sheet["GV04"]["Lý do"] == "thiếu điểm Tháng 10/2025: tính trên 2/3 kỳ"
    assert sheet["GV07"]["Lý do"].startswith("làm việc 4 tháng (chưa đủ 6): không xếp loại")
    assert sheet["GV05"]["Lý do"].startswith("kỷ luật khiển trách (nhiệm vụ): KHTNV")
    assert "ngoài tỷ lệ HTXSNV (thứ 2, nhóm Giáo viên có 1 suất): HTTNV" in sheet["GV02"]["Lý do"]
    assert all("NĐ 233/2026" not in (row["Lý do"] or "") for row in sheet.values())
    texts = [str(c.value) for row in wb[sx.S_YEAR].iter_rows(max_row=6) for c in row
             if c.value]
    rules = next(t for t in texts if t.startswith("Cách tính"))
    for words in ("trung bình cộng điểm các kỳ có điểm (điều 12 khoản 5, điều 15 khoản 1 điểm a)",
                  "HTXSNV từ 90 điểm trở lên, HTTNV từ 70 đến dưới 90 điểm, HTNV từ 50 đến dưới 70 điểm (",
                  "HTXSNV không quá 20% số HTTNV của nhóm Giáo viên", "làm việc dưới 6 tháng trong năm: không xếp "
                  "loại (điều 14 khoản 1)", "bị kỷ luật từ khiển trách trong năm vì vi phạm liên quan đến thực "
                  "hiện nhiệm vụ: KHTNV (điều 12 khoản 4 điểm c)"):
        assert rules.count(words) == 1, words


def test_the_year_council_refuses_a_period_s_summary(year, tmp_path):
    from tests.head_pass import head_scores
    from thidua_xlsx.text import commands as ct

    council = tmp_path / "hd-thang-10.xlsx"
    head_scores(year["ky"] / "tong-hop_thang-10.xlsx", council, {"GV04": (70, "Hiệu trưởng chấm")})
    result = _run("year", year["ky"], "--council", council, "-o", tmp_path / "cuoi.xlsx", "--campaign", year["book"])
    assert result.exit_code == 1 and not (tmp_path / "cuoi.xlsx").exists()
    said = " ".join(result.output.split())
    assert ct.COUNCIL_PERIOD_FOR_YEAR.format(file="hd-thang-10.xlsx", period="Tháng 10/2025", code="thang-10") in said
    assert "vote." not in said and "phiếu" not in said.replace("Kiểm phiếu", "")


def test_a_period_s_pass_refuses_the_year_s_summary(year, tmp_path):
    from thidua_xlsx.text import commands as ct

    inbox = year["root"] / "inbox" / "thang-10"
    result = _run("merge", inbox, "--period", "thang-10", "--council", year["out"], "-o", tmp_path / "cuoi.xlsx",
                  "--campaign", year["book"])
    assert result.exit_code == 1 and not (tmp_path / "cuoi.xlsx").exists()
    assert ct.COUNCIL_YEAR_FOR_PERIOD.format(file=year["out"].name, asked="Tháng 10/2025", asked_code="thang-10") in \
        " ".join(result.output.split())


def test_a_single_round_s_council_refuses_a_period_s_summary(year):
    import dataclasses

    from thidua_xlsx.model.errors import Stopped
    from thidua_xlsx.service import apply_council_file, merge_inbox
    from thidua_xlsx.text import commands as ct

    summary = merge_inbox(year["root"] / "inbox" / "thang-9", year["folder"], period="thang-9")
    with pytest.raises(Stopped) as stopped:
        apply_council_file(dataclasses.replace(summary, period=""), year["ky"] / "tong-hop_thang-9.xlsx")
    assert stopped.value.message == ct.COUNCIL_PERIOD_FOR_ROUND.format(file="tong-hop_thang-9.xlsx",
                                                                      period="Tháng 9/2025", code="thang-9")
