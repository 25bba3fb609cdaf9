"""A round per period: ``generate --period`` writes that period's workbooks (their
names, identity and subtitle show it), ``merge`` of a period's inbox gives that period's summary, and a workbook
of another period is refused by its recorded identity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, sheet, stamp_saved_time
from tests.summary_meta import read_summary_meta
from thidua_xlsx.cli import EXIT_USAGE, main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import workbook as wx

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01",
           "end": f"2025-{m:02d}-{28 if m == 9 else 30}", "deadline": f"2025-{m + 1:02d}-05"} for m in (9, 10, 11)]
SCORES = {"GV01": {"I.1": 10, "I.2": 9, "II.1": 45, "II.2": 28}, "GV02": {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25},
          "GV03": {"I.1": 10, "I.2": 10, "II.1": 40, "II.2": 20}, "GV04": {"I.1": 8, "I.2": 8, "II.1": 40, "II.2": 20},
          "GV05": {"I.1": 10, "I.2": 10, "II.1": 45, "II.2": 25}, "NV01": {"I.1": 55, "I.2": 35}}


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _filled(src: Path, dst: Path, saved: dt.datetime) -> None:
    found = layout(src)
    values = {}
    for rec in found.of_kind(ly.ScoringSheet):
        if rec.person_code in SCORES:
            values |= person_values(rec, SCORES[rec.person_code], SCORES[rec.person_code])
    fill(src, dst, values)
    stamp_saved_time(dst, saved)


@pytest.fixture(scope="module")
def months(tmp_path_factory):
    """A campaign of three monthly periods, the workbooks of Tháng 10 and Tháng 11 generated, and an inbox
    of Tháng 11's two departments with one workbook of Tháng 10 mixed in."""
    root = tmp_path_factory.mktemp("months")
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict(period_kind=cm.MONTHS, periods=MONTHS)))
    book = folder.folder / "campaign.xlsx"
    made = {}
    for period in ("thang-10", "thang-11"):
        result = _run("generate", book, "--round", "cham-diem", "--period", period)
        assert result.exit_code == 0, result.output
        made[period] = {layout(p).department_code: p for p in (folder.folder / "outbox" / period).glob("*.xlsx")}
    inbox = root / "inbox-thang-11"
    for path in made["thang-11"].values():
        _filled(path, inbox / path.name, dt.datetime(2025, 12, 2, 8, 0))
    _filled(made["thang-10"]["T1"], inbox / "to-1-gui-nham.xlsx", dt.datetime(2025, 12, 3, 8, 0))
    return {"root": root, "folder": folder, "book": book, "made": made, "inbox": inbox}


def test_each_period_gets_its_own_named_workbooks_and_outbox(months):
    departments = {d.code: d.name for d in months["folder"].campaign.departments}
    for period, paths in months["made"].items():
        assert {code: p.name for code, p in paths.items()} == {
            code: f"2025-2026_{period}_{ly.ascii_slug(name)}.xlsx" for code, name in departments.items()}
    assert months["made"]["thang-11"]["T1"].name == "2025-2026_thang-11_To-khoi-1.xlsx"


def test_the_period_is_in_the_identity_the_record_and_the_subtitle(months):
    path = months["made"]["thang-11"]["T1"]
    found = layout(path)
    assert (found.period, found.round) == ("thang-11", ly.SCORING)
    issued = {w.layout.submission_id: w for w in months["folder"].registry.all()}
    assert issued[found.submission_id].layout.period == "thang-11"
    assert found.submission_id != layout(months["made"]["thang-10"]["T1"]).submission_id
    form = sheet(found, ly.ScoringSheet, "GV01")
    shown = [c.value for row in load_workbook(path)[form.name].iter_rows(max_row=8) for c in row if c.value]
    assert wx.SCORE_SUBTITLE_PERIOD.format(period="Tháng 11/2025", year="2025-2026", role=form.role) in shown


@pytest.mark.parametrize("args, code_words", [
    ((), ["--period", "thang-9 (Tháng 9/2025)", "thang-10 (Tháng 10/2025)", "thang-11 (Tháng 11/2025)"]),
    (("--period", "thang-12"), ["'thang-12'", "thang-9 (Tháng 9/2025), thang-10"]),
])
def test_a_period_missing_or_unknown_is_said_with_the_periods(months, args, code_words, tmp_path):
    result = _run("generate", months["book"], "--round", "cham-diem", "-o", tmp_path / "out", *args)
    assert result.exit_code == EXIT_USAGE  # a wrong option: said with the periods, nothing read or written
    assert all(word in result.output for word in code_words), result.output
    assert not (tmp_path / "out").exists()


def test_a_period_in_the_registration_round_is_refused(months, tmp_path):
    result = _run("generate", months["book"], "--round", "dang-ky", "--period", "thang-11", "-o", tmp_path)
    assert result.exit_code == EXIT_USAGE and "--period chỉ dùng cho vòng cham-diem" in result.output


def test_a_campaign_without_periods_refuses_a_period(small_folder, tmp_path):
    result = _run("generate", small_folder.folder / "campaign.xlsx", "--round", "cham-diem", "--period", "thang-11",
                  "-o", tmp_path / "out")
    assert result.exit_code == EXIT_USAGE and "không chia kỳ đánh giá" in result.output
    merged = _run("merge", small_folder.folder / "inbox", "--period", "thang-11", "-o", tmp_path / "S.xlsx")
    assert merged.exit_code == EXIT_USAGE and "không chia kỳ đánh giá" in merged.output


def _merge(months, out: Path, *args):
    result = _run("merge", months["inbox"], "--campaign", months["book"], "-o", out, *args)
    assert result.exit_code == 0, result.output
    meta = read_summary_meta(out.read_bytes())
    return result.output, meta, {name: status for name, _, status in meta.inputs}


def test_merge_takes_the_period_of_most_workbooks_and_refuses_the_other(months, tmp_path):
    output, meta, statuses = _merge(months, tmp_path / "S.xlsx")
    assert ct.PERIOD_FOUND.format(period="Tháng 11/2025", code="thang-11") in output
    assert meta.period == "thang-11" and meta.departments_submitted == ("T1", "T2")
    assert statuses["to-1-gui-nham.xlsx"] == "rejected"
    book = load_workbook(tmp_path / "S.xlsx")
    said = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    refusal = [t for t in said if "Sổ này của kỳ Tháng 10/2025, thư mục đang tổng hợp kỳ Tháng 11/2025" in t]
    assert refusal and "to-1-gui-nham.xlsx" in " ".join(said)
    overview = [str(c.value) for row in book["Tổng hợp"].iter_rows(max_row=8) for c in row if c.value]
    assert any(text.startswith("Kỳ đánh giá: Tháng 11/2025 (01/11/2025 – 30/11/2025). ") for text in overview), overview


def test_merge_of_the_period_asked(months, tmp_path):
    output, meta, statuses = _merge(months, tmp_path / "S.xlsx", "--period", "thang-10")
    assert ct.PERIOD_ASKED.format(period="Tháng 10/2025", code="thang-10") in output
    assert meta.period == "thang-10" and meta.departments_submitted == ("T1",)
    assert statuses["to-1-gui-nham.xlsx"] == "accepted"
    assert {statuses[p.name] for p in months["made"]["thang-11"].values()} == {"rejected"}


def test_merge_of_an_unknown_period_lists_the_periods(months, tmp_path):
    result = _run("merge", months["inbox"], "--campaign", months["book"], "-o", tmp_path / "S.xlsx",
                  "--period", "quy-1")
    assert result.exit_code == EXIT_USAGE and "Không có kỳ 'quy-1'" in result.output
    assert "thang-11 (Tháng 11/2025)" in result.output and not (tmp_path / "S.xlsx").exists()


def test_status_and_its_reminders_follow_the_period_and_its_deadline(months, tmp_path):
    inbox = tmp_path / "inbox-thang-11"
    inbox.mkdir()
    t1 = months["made"]["thang-11"]["T1"]
    _filled(t1, inbox / t1.name, dt.datetime(2025, 12, 2, 8, 0))
    result = _run("status", inbox, "--campaign", months["book"], "--period", "thang-11", "--nhac")
    text = " ".join(result.output.split())
    assert "Tình hình nộp sổ Tháng 11/2025 (hạn nộp của kỳ 05/12/2025):" in text
    missing = next(d.name for d in months["folder"].campaign.departments if d.code != "T1")
    assert "sổ chấm điểm thi đua Tháng 11/2025 năm học 2025-2026 của tổ chưa được gửi về" in text, text
    assert "Hạn nộp: 05/12/2025" in text and missing in text


def test_a_status_of_an_unknown_period_is_a_usage_error(months):
    result = _run("status", months["inbox"], "--campaign", months["book"], "--period", "quy-1")
    assert result.exit_code == EXIT_USAGE and "Không có kỳ 'quy-1'" in result.output


# --- a period is a period: its workbook, its summary and the head's pass speak of that period ----------


def _cells(path: Path, sheet_name: str) -> list[str]:
    return [str(c.value) for row in load_workbook(path)[sheet_name].iter_rows() for c in row if c.value is not None]


def test_a_period_s_guide_gives_the_period_s_deadline_not_the_year_s(months):
    guide = " ".join(_cells(months["made"]["thang-11"]["T1"], ly.GUIDE_SHEET))
    assert "Hạn gửi: 05/12/2025." in guide and "20/05/2026" not in guide  # the year's scoring deadline is not it
    assert "kỳ đánh giá Tháng 11/2025 (01/11/2025 – 30/11/2025)" in guide
    assert "hạn gửi của kỳ 05/12/2025" in guide
    october = " ".join(_cells(months["made"]["thang-10"]["T1"], ly.GUIDE_SHEET))
    assert "Hạn gửi: 05/11/2025." in october


def test_the_department_summary_the_head_signs_names_the_period(months):
    texts = _cells(months["made"]["thang-11"]["T1"], ly.DEPARTMENT_SHEET)
    assert wx.DEPT_TITLE_PERIOD.format(period="THÁNG 11/2025") in texts
    subtitle = next(t for t in texts if t.startswith("Kỳ đánh giá:"))
    assert subtitle.startswith("Kỳ đánh giá: Tháng 11/2025 (01/11/2025 – 30/11/2025), năm học 2025-2026 – ")
    assert wx.DEPT_TITLE.format(year="2025-2026") not in texts


def test_the_period_s_dates_are_in_the_workbook_s_identity(months, tmp_path):
    import dataclasses

    from thidua_xlsx.model.issued import department_spec
    from thidua_xlsx.write.department import layout_with_json

    campaign = months["folder"].campaign
    period = campaign.periods[2]
    spec = department_spec(campaign, campaign.departments[0], ly.SCORING, period=period)
    moved = dataclasses.replace(period, deadline=dt.date(2025, 12, 10))
    assert layout_with_json(spec, [], period)[0].submission_id != layout_with_json(spec, [], moved)[0].submission_id


PERIOD_NOT_TITLED = ("Đề nghị khen thưởng", "Không đề nghị", "Tập thể", "Kiểm phiếu", "Biên bản", "Tờ trình")


def test_a_period_s_merge_decides_no_title(months, tmp_path):
    out = tmp_path / "S.xlsx"
    output, meta, _statuses = _merge(months, out, "--period", "thang-11", "--json", tmp_path / "S.json")
    assert ct.REPORT_PERIOD_NO_TITLES.format(period="Tháng 11/2025") in output
    assert "Đề nghị:" not in output
    book = load_workbook(out)
    assert not set(PERIOD_NOT_TITLED) & set(book.sheetnames), book.sheetnames
    assert {"Tổng hợp", "Điểm chi tiết", "Xếp hạng", "Kiểm tra", "Nguồn dữ liệu"} <= set(book.sheetnames)
    heads = _cells(out, "Tổng hợp")
    assert "Số LĐTT" not in heads and "Đề nghị tập thể" not in heads
    assert "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ THÁNG 11/2025 – NĂM HỌC 2025-2026" in heads
    import json

    people = json.loads((tmp_path / "S.json").read_text(encoding="utf-8"))["people"]
    scored = [p for p in people if p["scores"]["final"] is not None]
    assert scored and all(p["decisions"] == [] and p["rank_school"] for p in scored)
    assert meta.period == "thang-11"


def _head_pass(months, tmp_path, council: Path, *extra):
    return _run("merge", months["inbox"], "--campaign", months["book"], "--period", "thang-11", "--council", council,
                "-o", tmp_path / "cuoi.xlsx", "--json", tmp_path / "cuoi.json", *extra)


def test_the_head_s_pass_of_a_period_is_no_title_council(months, tmp_path):
    from tests.head_pass import head_scores

    first = tmp_path / "S.xlsx"
    _merge(months, first, "--period", "thang-11")
    detail = load_workbook(first)["Điểm chi tiết"]
    note = " ".join(str(c.value) for row in detail.iter_rows(max_row=3) for c in row if c.value)
    assert "Hiệu trưởng (cấp có thẩm quyền đánh giá) ghi điểm" in note and "không xét danh hiệu" in note
    head = next(r for r in detail.iter_rows() if "Điểm Hội đồng" in [c.value for c in r])
    assert "Quyết định Hội đồng" not in [c.value for c in head]  # a period decides no title: no column to decide
    council = tmp_path / "hd.xlsx"
    head_scores(first, council, {"GV01": (70, "Hiệu trưởng chấm lại: chưa nộp kế hoạch")})
    result = _head_pass(months, tmp_path, council)
    assert result.exit_code == 0, result.output
    text = result.output
    assert ct.COUNCIL_CHANGES_PERIOD.format(period="Tháng 11/2025", count=1) in text
    assert "Nguyễn Thị Lan (GV01): điểm đổi từ 92 thành 70 – lý do: Hiệu trưởng chấm lại: chưa nộp kế hoạch" in text
    assert "bỏ phiếu" not in text.replace(ct.REPORT_PERIOD_NO_TITLES.format(period="Tháng 11/2025"), "")
    assert "Đề nghị:" not in text
    book = load_workbook(tmp_path / "cuoi.xlsx")
    assert not set(PERIOD_NOT_TITLED) & set(book.sheetnames), book.sheetnames
    assert "Thay đổi của Hiệu trưởng" in book.sheetnames and "Thay đổi của Hội đồng" not in book.sheetnames
    detail = book["Điểm chi tiết"]
    head = next(r for r in detail.iter_rows() if "Nguồn điểm" in [c.value for c in r])
    cols = {c.value: c.column - 1 for c in head}
    lan_row = next(r for r in detail.iter_rows(values_only=True) if r[cols["Mã"]] == "GV01")
    assert (lan_row[cols["Điểm xét"]], lan_row[cols["Nguồn điểm"]]) == (70, "Hiệu trưởng chấm")
    import json

    data = json.loads((tmp_path / "cuoi.json").read_text(encoding="utf-8"))
    assert not [p for p in data["problems"] if p["code"].startswith("vote.")]
    lan = next(p for p in data["people"] if p["code"] == "GV01")
    assert (lan["scores"]["final"], lan["scores"]["source"], lan["decisions"]) == (70, "council", [])
    assert read_summary_meta((tmp_path / "cuoi.xlsx").read_bytes()).council  # the year prefers the head's pass


def test_the_head_s_pass_refuses_another_period_s_summary(months, tmp_path):
    from tests.head_pass import head_scores

    october = tmp_path / "inbox-thang-10"
    _filled(months["made"]["thang-10"]["T1"], october / "to-1.xlsx", dt.datetime(2025, 11, 2, 8, 0))
    first = tmp_path / "S10.xlsx"
    result = _run("merge", october, "--campaign", months["book"], "--period", "thang-10", "-o", first)
    assert result.exit_code == 0, result.output
    council = tmp_path / "hd-thang-10.xlsx"
    head_scores(first, council, {"GV01": (60, "Hiệu trưởng chấm")})
    result = _head_pass(months, tmp_path, council)
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert ct.COUNCIL_OTHER_PERIOD.format(file="hd-thang-10.xlsx", period="Tháng 10/2025", code="thang-10",
                                          asked="Tháng 11/2025", asked_code="thang-11") in said
    assert not (tmp_path / "cuoi.xlsx").exists() and not (tmp_path / "cuoi.json").exists()


def test_a_period_writes_no_papers_and_no_public_list(months, tmp_path):
    result = _run("merge", months["inbox"], "--campaign", months["book"], "--period", "thang-11", "-o",
                  tmp_path / "S.xlsx", "--docs", tmp_path / "ho-so", "--cong-khai", tmp_path / "cong-khai.xlsx")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    for what in (ct.DOCS_WHAT, ct.PUBLIC_WHAT):
        assert ct.NOT_FOR_A_PERIOD.format(what=what, period="Tháng 11/2025") in said
    assert not list((tmp_path / "ho-so").glob("**/*.*")) and not (tmp_path / "cong-khai.xlsx").exists()
