"""The head's pass on a period takes the two parts of her score (the general criteria, the task results — NĐ
233/2026 điều 10, 11), not only the total: a transfer-in's former school result with its parts makes part I of the
year's Phiếu print two parts that add up to the year's total; a pair that does not add up to her score is said with
its cells and her score counts alone (the Phiếu then says which period lacks the parts). Monthly and quarterly years,
the clock pinned after the year; the Phiếu read back from its .docx."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.filling import table_rows
from tests.head_pass import head_scores
from tests.head_year import CORRECTION_NOTE, NAMES, build
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import summary as sx

FORMER = "Kết quả tại trường cũ"
HEAD = {"VC02": (86.5, FORMER, 26.5, 60),  # her former school's first period, with its two parts
        "VC03": (84, FORMER, 26, 60)}  # 26 + 60 is 86, not 84: said, the total alone used
SECOND = {"VC01": (85, CORRECTION_NOTE, 28, 57),  # the head lowers 90 to 85, and gives its parts
          "VC02": (80, "", 31, 49)}  # her department's 80 again, a part above its 30: said, not used


@pytest.fixture(scope="module", params=[cm.MONTHS, cm.QUARTERS])
def year(request, tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield build(tmp_path_factory.mktemp(request.param), monkeypatch, request.param, HEAD, SECOND)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _part_one(lines: list[str]) -> tuple[float, float, float]:
    """The year's two parts and its total, as part I of a Phiếu prints them."""
    part_one = "\n".join(lines[lines.index(atx.PART_1) + 1:lines.index(atx.PART_2)])
    general = re.search(re.escape(atx.GENERAL) + r" ([\d,]+) điểm", part_one)
    tasks = re.search(re.escape(atx.TASKS) + r" ([\d,]+) điểm", part_one)
    total = re.search(r"Tổng số điểm năm: ([\d,]+)/100", part_one)
    assert general and tasks and total, part_one
    return _number(general[1]), _number(tasks[1]), _number(total[1])


@pytest.mark.parametrize("person", ["VC02", "VC01"])
def test_the_parts_the_head_gave_make_part_one_add_up_to_the_year_s_total(year, person):
    """VC02's first period is her former school's 86,5 = 26,5 + 60; VC01's second the head's 85 = 28 + 57: each
    year's two parts are printed, and they add up to the total printed — no "chưa rõ", no average beside it."""
    lines = year["pages"][NAMES[person]]
    general, tasks, total = _part_one(lines)
    assert round(general + tasks, 2) == total, lines
    page = "\n".join(lines)
    assert "chưa rõ" not in page and "chỉ có tổng điểm" not in page, page
    parts = year["people"][person]["year"]["parts"]
    assert parts["general"] is not None and parts["tasks"] is not None
    assert abs(parts["general"] + parts["tasks"] - year["people"][person]["year"]["score"]) < 0.001


def test_a_former_school_s_parts_are_hers_not_the_other_periods(year):
    """The year's general criteria of VC02: her former school's 26,5 with her 28 and 28 here — (26,5 + 28 + 28) / 3."""
    general, tasks, total = _part_one(year["pages"][NAMES["VC02"]])
    assert general == 27.5 and total == 82.16 and tasks == 54.66


def test_parts_that_do_not_add_up_to_her_score_are_said_with_their_cells_and_her_score_counts_alone(year):
    first = year["periods"][0]
    said = " ".join(year["said"][first["code"]].split())
    ws = load_workbook(year["root"] / "lan-dau" / f"tong-hop_{first['code']}.xlsx")[sx.S_DETAIL]
    head, cols = table_rows(ws, {"code": "Mã", **sx.PERIOD_COUNCIL_PARTS})
    row = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, cols["code"]).value == "VC03")
    cells = f"{ws.cell(row, cols['general']).coordinate}:{ws.cell(row, cols['tasks']).coordinate}"
    assert f"{sx.S_DETAIL}!{cells}" in said, said
    assert f"{NAMES['VC03']} (VC03): hai phần điểm ghi ở hai cột Hội đồng (tiêu chí chung 26, kết quả nhiệm vụ 60) " \
           "không cộng đúng bằng Điểm Hội đồng (84)" in said, said
    assert year["people"]["VC03"]["year"]["periods"].get(first["code"]) == 84, year["people"]["VC03"]  # alone
    lines = year["pages"][NAMES["VC03"]]
    part_one = lines[lines.index(atx.PART_1) + 1:lines.index(atx.PART_2)]
    assert part_one[:2] == [f"{atx.PART_NOT_KNOWN.format(label=label, periods=first['label'])} \t"
                            for label in (atx.GENERAL, atx.TASKS)]


def test_a_part_out_of_its_range_is_said_by_its_cell(year):
    second = year["periods"][1]["code"]
    said = " ".join(year["said"][second].split())
    ws = load_workbook(year["root"] / "lan-dau" / f"tong-hop_{second}.xlsx")[sx.S_DETAIL]
    head, cols = table_rows(ws, {"code": "Mã", **sx.PERIOD_COUNCIL_PARTS})
    row = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, cols["code"]).value == "VC02")
    assert f"{sx.S_DETAIL}!{ws.cell(row, cols['general']).coordinate}] {NAMES['VC02']} (VC02): " \
           f"{sx.PERIOD_COUNCIL_PARTS['general']} '31' không phải số từ 0 đến 30" in said, said


def test_a_summary_without_the_part_columns_takes_the_head_s_total_alone(year, tmp_path):
    """A period's summary written before the two part columns (0.8): her pass still reads her score and note."""
    first = year["periods"][0]["code"]
    older = tmp_path / "cu.xlsx"
    wb = load_workbook(year["root"] / "lan-dau" / f"tong-hop_{first}.xlsx")
    ws = wb[sx.S_DETAIL]
    _, cols = table_rows(ws, sx.PERIOD_COUNCIL_PARTS)
    ws.delete_cols(cols["general"], 2)
    wb.save(older)
    council = tmp_path / "hieu-truong.xlsx"
    head_scores(older, council, {"VC02": (86.5, FORMER)})
    result = CliRunner().invoke(main, ["merge", str(year["root"] / "inbox" / first), "--period", first, "--council",
                                       str(council), "-o", str(tmp_path / "cuoi.xlsx"), "--campaign",
                                       str(year["root"] / "campaign" / "campaign.xlsx")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"{NAMES['VC02']} (VC02): chưa có điểm, được chấm 86,5 điểm – lý do: {FORMER}" in said, said
    assert "hai phần điểm" not in said
