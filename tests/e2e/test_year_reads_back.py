"""What the year reads of its periods' summaries, tried as a secretary would get it wrong: a score
typed over in a period's sheet is not used and said at its cell, a score typed in the head's column but never applied
is said, and a period whose summary was refused is not known — no year rated, no title decided on the other periods
alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.summary_meta import rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.text import summary as sx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


@pytest.fixture
def year(tmp_path):
    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("inbox", "inbox-dang-ky"))
    return folder


def _close(folder: Path):
    result = CliRunner().invoke(main, ["year", str(folder / "ky"), "-o", str(folder / "nam.xlsx"), "--json",
                                       str(folder / "nam.json")])
    return result, json.loads((folder / "nam.json").read_text(encoding="utf-8"))


def _type_into(path: Path, code: str, header: str, value) -> str:
    """``value`` typed into ``code``'s cell of column ``header`` (sheet Điểm chi tiết), as Excel would; its cell."""
    wb = load_workbook(path)
    ws = wb[sx.S_DETAIL]
    columns = None
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if columns is None and sx.COUNCIL_HEADS["code"] in values and header in values:
            columns = {v: k for k, v in enumerate(values)}
        elif columns is not None and values[columns[sx.COUNCIL_HEADS["code"]]] == code:
            row[columns[header]].value = value
            wb.save(path)
            return row[columns[header]].coordinate
    raise AssertionError(f"{code} not found")


def _person(data: dict, code: str) -> dict:
    return next(p for p in data["people"] if p["code"] == code)


def test_a_score_typed_over_is_not_used_and_said_at_its_cell(year):
    cell = _type_into(year / "ky" / "tong-hop_thang-9.xlsx", "GV007", sx.DETAIL_HEAD_LAST[5], 99)

    result, data = _close(year)

    assert _person(data, "GV007")["year"]["periods"]["thang-9"] == 79.0  # the data the tool wrote, not the 99
    [said] = [p for p in data["problems"] if p["code"] == "year.score_typed_over"]
    assert (said["sheet"], said["cell"], said["params"]["shown"]) == (sx.S_DETAIL, cell, 99)
    assert f"[tong-hop_thang-9.xlsx · {sx.S_DETAIL}!{cell}] Điểm xét của Lương Thị Dao (GV007)" in result.output
    assert "cả năm dùng 79, không dùng số sửa tay" in result.output and "--period thang-9 --council" in result.output


def test_a_score_in_the_heads_column_never_applied_is_said(year):
    cell = _type_into(year / "ky" / "tong-hop_thang-9.xlsx", "GV004", sx.COUNCIL_HEADS["score"], 60)

    result, data = _close(year)

    [said] = [p for p in data["problems"] if p["code"] == "year.council_score_unapplied"]
    assert said["cell"] == cell and said["params"]["person"] == "GV004"
    assert "ghi '60' nhưng chưa được áp dụng" in result.output
    assert _person(data, "GV004")["year"]["periods"]["thang-9"] != 60


def test_a_refused_periods_summary_leaves_every_year_pending_never_decided_on_the_other_period(year):
    path = year / "ky" / "tong-hop_thang-9.xlsx"

    def raise_a_score(data):
        code, _score, *rest = data["people"][0]
        data["people"][0] = [code, 100.0, *rest]  # edited by hand: refused

    rewrite_meta(path, path, raise_a_score, by_hand=True)

    result, report = _close(year)

    assert {p["year"]["computed"] for p in report["people"]} == {"CHUA_XEP_LOAI"}  # (a rating entered stands)
    assert report["report"]["counts"]["ldtt"] == 0 and report["report"]["counts"]["cstdcs"] == 0
    assert [p["params"]["period"] for p in report["problems"] if p["code"] == "year.period_refused"] == \
        ["Tháng 9/2026"]
    assert "year.period_missing" not in {p["code"] for p in report["problems"]}
    assert "Tháng 9/2026 bị từ chối (tong-hop_thang-9.xlsx" in result.output
    assert "Đề nghị: 0 Lao động tiên tiến, 0 Chiến sĩ thi đua cơ sở." in result.output


def test_the_history_takes_no_year_from_a_summary_no_council_has_passed(tmp_path):
    """Its titles are proposals: next year's multi-year titles would count them as received."""
    samples = SAMPLE.parent
    before = CliRunner().invoke(main, ["history", "--book", str(tmp_path / "lich-su.xlsx"),
                                       str(samples / "tong-hop.xlsx")])
    after = CliRunner().invoke(main, ["history", "--book", str(tmp_path / "lich-su.xlsx"),
                                      str(samples / "tong-hop-cuoi.xlsx")])

    assert before.exit_code == 1 and "'tong-hop.xlsx' (năm học 2025-2026) là bảng tổng hợp trước Hội đồng" in \
        before.output
    assert after.exit_code == 0 and "2025-2026" in after.output
