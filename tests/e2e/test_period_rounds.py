"""A round per period (issue 26 item 2, first slice): ``generate --period`` writes that period's workbooks (their
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
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.registrations import read_summary_meta
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import workbook as tw

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
    assert tw.SCORE_SUBTITLE_PERIOD.format(period="Tháng 11/2025", year="2025-2026", role=form.role) in shown


@pytest.mark.parametrize("args, code_words", [
    ((), ["--period", "thang-9 (Tháng 9/2025)", "thang-10 (Tháng 10/2025)", "thang-11 (Tháng 11/2025)"]),
    (("--period", "thang-12"), ["'thang-12'", "thang-9 (Tháng 9/2025), thang-10"]),
])
def test_a_period_missing_or_unknown_is_said_with_the_periods(months, args, code_words, tmp_path):
    result = _run("generate", months["book"], "--round", "cham-diem", "-o", tmp_path / "out", *args)
    assert result.exit_code == EXIT_UNUSABLE
    assert all(word in result.output for word in code_words), result.output
    assert not (tmp_path / "out").exists()


def test_a_period_in_the_registration_round_is_refused(months, tmp_path):
    result = _run("generate", months["book"], "--round", "dang-ky", "--period", "thang-11", "-o", tmp_path)
    assert result.exit_code == EXIT_UNUSABLE and "--period chỉ dùng cho vòng cham-diem" in result.output


def test_a_campaign_without_periods_refuses_a_period(small_folder, tmp_path):
    result = _run("generate", small_folder.folder / "campaign.xlsx", "--round", "cham-diem", "--period", "thang-11",
                  "-o", tmp_path / "out")
    assert result.exit_code == EXIT_UNUSABLE and "không chia kỳ đánh giá" in result.output
    merged = _run("merge", small_folder.folder / "inbox", "--period", "thang-11", "-o", tmp_path / "S.xlsx")
    assert merged.exit_code == EXIT_UNUSABLE and "không chia kỳ đánh giá" in merged.output


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
    assert any(text.startswith("Kỳ đánh giá: Tháng 11/2025. ") for text in overview), overview


def test_merge_of_the_period_asked(months, tmp_path):
    output, meta, statuses = _merge(months, tmp_path / "S.xlsx", "--period", "thang-10")
    assert ct.PERIOD_ASKED.format(period="Tháng 10/2025", code="thang-10") in output
    assert meta.period == "thang-10" and meta.departments_submitted == ("T1",)
    assert statuses["to-1-gui-nham.xlsx"] == "accepted"
    assert {statuses[p.name] for p in months["made"]["thang-11"].values()} == {"rejected"}


def test_merge_of_an_unknown_period_lists_the_periods(months, tmp_path):
    result = _run("merge", months["inbox"], "--campaign", months["book"], "-o", tmp_path / "S.xlsx",
                  "--period", "quy-1")
    assert result.exit_code == EXIT_UNUSABLE and "Không có kỳ 'quy-1'" in result.output
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
