"""The year closed from outside: a period's summary whose data was tampered with — a score of 150, a text
where a score belongs, rows of the wrong shape — is read back value by value, each bad value said with its file ·
sheet!cell, that person's year left pending and nothing guessed (no "Lỗi nội bộ"); the unit's 25 % is the unit's
choice, typed in campaign.xlsx, never automatic. Run on a copy of the shipped sample year (samples/ca-nam)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.summary_meta import rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.text import summary as sx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"
PERIOD = "tong-hop_thang-10.xlsx"


def sample(tmp_path: Path) -> Path:
    copy = tmp_path / "sample"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    return copy


def tamper(path: Path, change) -> None:
    """The metadata of the summary at ``path`` rewritten after ``change(data)`` (what a hand in the very hidden
    sheet, or a broken copy, would leave)."""
    rewrite_meta(path, path, change)


def scores(**values):
    def change(data):
        for row in data["people"]:
            if row[0] in values:
                row[1] = values[row[0]]
    return change


def year(copy: Path, tmp_path: Path):
    tmp_path.mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["year", str(copy / "ky"), "--campaign", str(copy), "-o",
                                       str(tmp_path / "nam.xlsx"), "--json", str(tmp_path / "nam.json")])
    data = json.loads((tmp_path / "nam.json").read_text(encoding="utf-8")) if (tmp_path / "nam.json").exists() \
        else None
    return result, data


def shown_at(path: Path, cell: str) -> tuple[str, object]:
    """The person's code and the score the summary shows on the row of ``cell`` (sheet Điểm chi tiết)."""
    ws = load_workbook(path)[sx.S_DETAIL]
    head = next(r for r in ws.iter_rows() if sx.COUNCIL_HEADS["code"] in [c.value for c in r])
    code_column = next(c.column_letter for c in head if c.value == sx.COUNCIL_HEADS["code"])
    row = ws[cell].row
    return ws[f"{code_column}{row}"].value, ws[cell].value


@pytest.mark.parametrize("value, code, words", [
    (150, "year.score_out_of_range", "là 150, ngoài khoảng 0 – 100: không dùng"),
    (-3, "year.score_out_of_range", "là -3, ngoài khoảng 0 – 100: không dùng"),
    ("tám mươi", "year.score_not_number", "là 'tám mươi', không phải một số: không dùng"),
    (True, "year.score_not_number", "là 'True', không phải một số"),
])
def test_a_bad_score_in_a_periods_summary_is_said_by_its_cell_and_that_year_left_pending(tmp_path, value, code,
                                                                                          words):
    copy = sample(tmp_path)
    tamper(copy / "ky" / PERIOD, scores(GV002=value))
    result, data = year(copy, tmp_path)

    assert result.exit_code == 0, result.output
    assert "Lỗi nội bộ" not in result.output
    (problem,) = [p for p in data["problems"] if p["code"].startswith("year.score_")]
    assert (problem["code"], problem["severity"], problem["file"], problem["sheet"]) == (code, "error", PERIOD,
                                                                                         sx.S_DETAIL)
    assert shown_at(copy / "ky" / PERIOD, problem["cell"])[0] == "GV002"  # the cell of that person's score
    people = {p["code"]: p for p in data["people"]}
    assert (people["GV002"]["year"]["rating"], people["GV002"]["year"]["score"]) == (ev.PENDING, None)
    assert people["GV002"]["year"]["unreadable"] == ["thang-10"] and people["GV002"]["proposed"] == ""
    assert people["GV001"]["year"]["rating"] in ev.RATINGS  # the others rated as before
    checked = " ".join(str(c.value) for row in load_workbook(tmp_path / "nam.xlsx")[sx.S_CHECK].iter_rows()
                       for c in row if c.value)
    label = next(p["label"] for p in data["year"]["periods"] if p["code"] == "thang-10")
    assert f"Điểm kỳ {label} của {people['GV002']['name']} (GV002) {words}" in checked  # where the secretary reads it


def test_rows_of_the_wrong_shape_reject_the_file_with_its_reason(tmp_path):
    copy = sample(tmp_path)
    tamper(copy / "ky" / PERIOD, lambda data: data["people"].append(["GV999", 80]))
    result, data = year(copy, tmp_path)

    assert result.exit_code == 0, result.output
    status = {f["name"]: (f["status"], f["reason"]) for f in data["files"]}
    assert status[PERIOD] == ("rejected", "year.meta_broken")
    assert data["year"]["missing"] == ["thang-10"]  # the period is missing, its people rated on the others


def test_the_25_percent_is_the_units_choice_typed_in_campaign_xlsx(tmp_path):
    """NĐ 233/2026 điều 12 khoản 6 điểm b: the unit rated HTXSNV *decides* above 20 %, at most 25 %."""
    copy = sample(tmp_path)
    labels = {f.key: f.label for f in cb.PERIOD_FIELDS}

    def typed(values: dict) -> None:
        wb = load_workbook(copy / "campaign.xlsx")
        ws = wb[cb.PERIODS_SHEET]
        rows = {ws.cell(r, 8).value: r for r in range(1, ws.max_row + 1)}
        for key, value in values.items():
            if labels[key] not in rows:  # a sample written before the field: its row added where the writer puts it
                rows[labels[key]] = ws.max_row + 1
                ws.cell(rows[labels[key]], 8).value = labels[key]
            ws.cell(rows[labels[key]], 9).value = value
        wb.save(copy / "campaign.xlsx")

    def percent(data) -> float:
        person = next(p for p in data["people"] if any(r["code"] == "year.cap_within" for r in p["year"]["reasons"]))
        within = next(r for r in person["year"]["reasons"] if r["code"] == "year.cap_within")
        return within["params"]["cap"]["params"]["percent"]

    typed({"unit_rating": "HTXSNV"})
    _, unit_only = year(copy, tmp_path / "unit-only")
    typed({"excellent_unit_cap_percent": 25})
    _, decided = year(copy, tmp_path / "decided")

    assert percent(unit_only) == 20 and "year.cap_unit_default" in [p["code"] for p in unit_only["problems"]]
    assert percent(decided) == 25 and "year.cap_unit_default" not in [p["code"] for p in decided["problems"]]
