"""A period is a period: its department book asks no collective title (no cell, no line of the
guide; the year's book still does), its summary has no decision column, and the head's pass of a period says what
was typed where it does not read (a decision in a summary written with that column, a score typed over Điểm xét) by
its cell — never dropped silently."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, stamp_saved_time, table_rows
from tests.head_pass import head_scores
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text import workbook as wx

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01", "end": f"2025-{m:02d}-30",
           "deadline": f"2025-{m + 1:02d}-05"} for m in (10, 11)]
SCORES = {"GV01": {"I.1": 10, "I.2": 9, "II.1": 45, "II.2": 28}, "GV02": {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25},
          "GV03": {"I.1": 10, "I.2": 10, "II.1": 40, "II.2": 20}, "GV04": {"I.1": 8, "I.2": 8, "II.1": 40, "II.2": 20},
          "GV05": {"I.1": 10, "I.2": 10, "II.1": 45, "II.2": 25}, "NV01": {"I.1": 55, "I.2": 35}}
DECISION = sx.COUNCIL_HEADS["decision"]  # "Quyết định Hội đồng"


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def period(tmp_path_factory):
    """A campaign of two months: Tháng 11's books, every form filled, and the period's summary; and the book of a
    campaign without periods (its single scoring round), for the contrast."""
    root = tmp_path_factory.mktemp("a-period")
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict(period_kind=cm.MONTHS, periods=MONTHS)))
    book = folder.folder / "campaign.xlsx"
    result = _run("generate", book, "--round", "cham-diem", "--period", "thang-11")
    assert result.exit_code == 0, result.output
    made = {layout(p).department_code: p for p in (folder.folder / "outbox" / "thang-11").glob("*.xlsx")}
    yearly = make_folder(root / "yearly", cm.from_dict(campaign_dict()))  # a campaign without periods
    year_books = root / "year-books"
    result = _run("generate", yearly.folder / "campaign.xlsx", "--round", "cham-diem", "-o", year_books)
    assert result.exit_code == 0, result.output
    inbox = root / "inbox-thang-11"
    for path in made.values():
        found = layout(path)
        values = {}
        for rec in found.of_kind(ly.ScoringSheet):
            if rec.person_code in SCORES:
                values |= person_values(rec, SCORES[rec.person_code], SCORES[rec.person_code])
        fill(path, inbox / path.name, values)
        stamp_saved_time(inbox / path.name, dt.datetime(2025, 12, 2, 8, 0))
    summary = root / "tong-hop_thang-11.xlsx"
    result = _run("merge", inbox, "--campaign", book, "--period", "thang-11", "-o", summary)
    assert result.exit_code == 0, result.output
    return {"root": root, "book": book, "made": made, "year_book": next(year_books.glob("*.xlsx")), "inbox": inbox,
            "summary": summary}


def _texts(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_a_period_s_book_asks_no_collective_title(period):
    path = period["made"]["T1"]
    wb = load_workbook(path)
    overview = wb[ly.DEPARTMENT_SHEET]
    assert wx.L_COLLECTIVE not in _texts(overview)
    assert not [v for v in overview.data_validations.dataValidation if v.formula1 == "DS_DanhHieuTapThe"]
    assert layout(path).of_kind(ly.DepartmentSheet)[0].collective_cell == ""
    guide = " ".join(_texts(wb[ly.GUIDE_SHEET]))
    assert "2. Sheet 'Tổng hợp tổ' tự lấy điểm từ các phiếu, xếp hạng trong tổ." in guide
    assert "tập thể" not in guide.replace("danh hiệu thi đua xét một lần cho cả năm", "")
    # the year's book (a campaign's single scoring round) still asks it: there the title is decided
    year = load_workbook(period["year_book"])
    assert wx.L_COLLECTIVE in _texts(year[ly.DEPARTMENT_SHEET])
    assert "chọn danh hiệu tập thể tổ đăng ký" in " ".join(_texts(year[ly.GUIDE_SHEET]))


def test_the_departments_collective_title_still_reaches_the_period_s_summary_from_the_issued_book(period):
    """The collective registered (``--from``) travels in the record of the issued book, not in a cell: the period's
    summary still hands it to the year (nothing typed: here none registered, so none)."""
    from tests.summary_meta import read_summary_meta

    meta = read_summary_meta(period["summary"].read_bytes())
    assert meta.period == "thang-11" and {code for code, _ in meta.collectives} == {"T1", "T2"}


def test_a_period_s_summary_has_no_decision_column(period):
    detail = load_workbook(period["summary"])[sx.S_DETAIL]
    head = next(r for r in detail.iter_rows() if sx.COUNCIL_HEADS["score"] in [c.value for c in r])
    shown = [c.value for c in head]
    assert DECISION not in shown and not [c for c in _texts(detail) if c == DECISION]
    # the head's columns are the score and the note, each typed in (unlocked), then the score that counts
    score, note = shown.index(sx.COUNCIL_HEADS["score"]), shown.index(sx.COUNCIL_HEADS["note"])
    assert note == score + 1 and shown[note + 1] == sx.DETAIL_HEAD_LAST[5]  # Điểm xét
    first = head[0].row + 2  # under the two header rows
    assert not detail.cell(first, score + 1).protection.locked and not detail.cell(first, note + 1).protection.locked


def _with_old_decision_column(src: Path, dst: Path, decision: dict[str, str]) -> None:
    """``src`` as a period's summary written before it lost its decision column: "Quyết định Hội đồng" between the
    head's score and note, with ``decision`` {code: text} typed in it."""
    wb = load_workbook(src)
    ws = wb[sx.S_DETAIL]
    head, cols = table_rows(ws, sx.PERIOD_COUNCIL_HEADS)
    ws.insert_cols(cols["note"])
    ws.cell(head, cols["note"]).value = DECISION
    for row in range(head + 1, ws.max_row + 1):
        code = ws.cell(row, cols["code"]).value
        if code in decision:
            ws.cell(row, cols["note"]).value = decision[code]
    wb.save(dst)


def _head_pass(period, council: Path, out: Path):
    result = _run("merge", period["inbox"], "--campaign", period["book"], "--period", "thang-11", "--council",
                  council, "-o", out, "--json", out.with_suffix(".json"))
    assert result.exit_code == 0, result.output
    return result, json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def _check_rows(path: Path) -> list[tuple]:
    ws = load_workbook(path)[sx.S_CHECK]
    return [r for r in ws.iter_rows(values_only=True) if r and r[0] not in (None, "STT")]


def test_a_decision_typed_in_a_period_s_summary_is_said_at_its_cell_and_not_used(period, tmp_path):
    council = tmp_path / "hd.xlsx"
    _with_old_decision_column(period["summary"], council, {"GV02": "Chiến sĩ thi đua cơ sở"})
    head, cols = table_rows(load_workbook(council)[sx.S_DETAIL], {"code": "Mã", "decision": DECISION})
    row = next(r for r in range(head + 1, head + 20)
               if load_workbook(council)[sx.S_DETAIL].cell(r, cols["code"]).value == "GV02")
    cell = f"{load_workbook(council)[sx.S_DETAIL].cell(row, cols['decision']).column_letter}{row}"
    result, data = _head_pass(period, council, tmp_path / "cuoi.xlsx")
    (said,) = [p for p in data["problems"] if p["code"] == "council.period_decision_not_read"]
    assert (said["severity"], said["file"], said["sheet"], said["cell"]) == ("warning", "hd.xlsx", sx.S_DETAIL, cell)
    gv02 = next(p for p in data["people"] if p["code"] == "GV02")
    assert gv02["decisions"] == [] and gv02["council"]["decision"] in ("", None)
    rows = _check_rows(tmp_path / "cuoi.xlsx")
    line = next(r for r in rows if "Quyết định Hội đồng ghi 'Chiến sĩ thi đua cơ sở'" in str(r[5]))
    assert line[1:5] == ("hd.xlsx", sx.S_DETAIL, cell, "Cảnh báo")
    assert "kỳ đánh giá không xét danh hiệu" in line[5] and "không được dùng" in line[5]
    assert f"Cảnh báo: [hd.xlsx · {sx.S_DETAIL}!{cell}] Trần Văn Đức (GV02)" in result.output  # on screen


def test_a_score_typed_over_the_score_that_counts_is_said_at_its_cell_and_the_head_s_column_is_used(period,
                                                                                                 tmp_path):
    council = tmp_path / "hd.xlsx"
    head_scores(period["summary"], council, {"GV01": (70, "Hiệu trưởng chấm lại")})
    wb = load_workbook(council)
    ws = wb[sx.S_DETAIL]
    head, cols = table_rows(ws, {"code": "Mã", "final": sx.DETAIL_HEAD_LAST[5]})
    row = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, cols["code"]).value == "GV03")
    typed = ws.cell(row, cols["final"])
    written = typed.value
    typed.value = 99  # the sheet unprotected, a score typed over the one written: no pass reads that column
    wb.save(council)
    result, data = _head_pass(period, council, tmp_path / "cuoi.xlsx")
    (said,) = [p for p in data["problems"] if p["code"] == "council.final_typed_over"]
    assert (said["cell"], said["params"]["shown"], said["params"]["person"]) == (typed.coordinate, "99", "GV03")
    people = {p["code"]: p for p in data["people"]}
    assert people["GV03"]["scores"]["final"] == written  # not 99
    assert (people["GV01"]["scores"]["final"], people["GV01"]["scores"]["source"]) == (70, "council")
    line = next(r for r in _check_rows(tmp_path / "cuoi.xlsx") if r[3] == typed.coordinate)
    assert f"cột Điểm xét ghi '99', khác điểm chương trình đã ghi ({written:g})" in line[5]
    assert "ghi vào cột Điểm Hội đồng" in line[5]
    assert f"[hd.xlsx · {sx.S_DETAIL}!{typed.coordinate}]" in result.output  # on screen, not only counted


def test_a_period_s_summary_without_its_columns_is_refused_in_a_period_s_words(period, tmp_path):
    council = tmp_path / "hd.xlsx"
    wb = load_workbook(period["summary"])
    ws = wb[sx.S_DETAIL]
    head, cols = table_rows(ws, sx.PERIOD_COUNCIL_HEADS)
    ws.cell(head, cols["score"]).value = "Điểm HT"  # the heading retyped: the head's column cannot be found
    wb.save(council)
    result = _run("merge", period["inbox"], "--campaign", period["book"], "--period", "thang-11", "--council",
                  council, "-o", tmp_path / "cuoi.xlsx")
    assert result.exit_code != 0
    text = " ".join(result.output.split())
    assert "Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Ghi chú Hội đồng'" in text
    assert "Quyết định Hội đồng" not in text and not (tmp_path / "cuoi.xlsx").exists()
