"""campaign.xlsx: every preset round-trips; every mistake is reported once, with its sheet and cell.

The faulty books are made the way a secretary makes them: a generated campaign.xlsx edited cell
by cell (here with openpyxl), then loaded back.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx import campaign as cm
from thidua_xlsx import campaign_book as cb
from thidua_xlsx import service
from thidua_xlsx.cli import main
from thidua_xlsx.layout import ascii_slug

# --- helpers ----------------------------------------------------------------------------------


def make_book(directory: Path, level: str = "tieu-hoc") -> Path:
    service.init_campaign(directory, level, campaign_id="x")
    return directory / "campaign.xlsx"


def edit(path: Path, change) -> object:
    """Open campaign.xlsx in openpyxl, let ``change(wb)`` edit it, save; returns what change returns."""
    wb = load_workbook(path)
    result = change(wb)
    wb.save(path)
    return result


def row_of(ws, column: str, value) -> int:
    """The first row whose cell in ``column`` holds ``value``."""
    for cell in ws[column]:
        if cell.value == value:
            return cell.row
    raise AssertionError(f"{value!r} not in column {column} of {ws.title}")


def first_item_of_first_group(ws) -> tuple[int, int]:
    """(group row, first item row) of the first rubric group on the "Tiêu chí" sheet."""
    group_row = next(c.row for c in ws["B"][1:] if c.value and "." not in str(c.value))
    return group_row, group_row + 1


def strings(value):
    """Every str inside a (nested) dataclass value."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)


def load(path: Path):
    campaign, problems = cb.load_campaign_book(path)
    return campaign, list(problems)


# --- presets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("level", cm.LEVELS)
def test_preset_round_trips_through_campaign_xlsx(tmp_path, level):
    path = make_book(tmp_path, level)
    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    assert campaign == dataclasses.replace(cm.load_preset(level), id="x")
    assert len(campaign.departments) >= 5
    assert 38 <= len(campaign.staff) <= 44
    assert all(campaign.members(d.code) for d in campaign.departments)
    assert all(unicodedata.is_normalized("NFC", s) for s in strings(campaign))
    wb = load_workbook(path)
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(unicodedata.is_normalized("NFC", s) for s in cells)
    assert all(unicodedata.is_normalized("NFC", name) for name in wb.sheetnames)


# --- five mistakes at once ----------------------------------------------------------------------


def _duplicate_code(wb):
    staff = wb[cb.STAFF_SHEET]
    staff["A3"] = staff["A2"].value
    return cb.STAFF_SHEET, "A3", (staff["A2"].value, "A2")


def _unknown_department(wb):
    staff = wb[cb.STAFF_SHEET]
    staff["G4"] = "Tổ Không Có"
    return cb.STAFF_SHEET, "G4", ("Tổ Không Có", staff["B4"].value)


def _group_does_not_add_up(wb):
    criteria = wb[cb.CRITERIA_SHEET]
    group_row, item_row = first_item_of_first_group(criteria)
    group_max = criteria[f"E{group_row}"].value
    criteria[f"E{item_row}"] = criteria[f"E{item_row}"].value + 1
    return cb.CRITERIA_SHEET, f"E{group_row}", (cm.num_text(group_max + 1), cm.num_text(group_max))


def _threshold_out_of_range(wb):
    wb[cb.LEVELS_SHEET]["B2"] = 150
    return cb.LEVELS_SHEET, "B2", ("150", "100")


def _blank_name(wb):
    wb[cb.STAFF_SHEET]["B6"] = None
    return cb.STAFF_SHEET, "B6", ("Họ và tên",)


# code → a mistake on a clean book; each returns (sheet, cell, words its message must contain)
FIVE_MISTAKES = {
    "campaign.duplicate": _duplicate_code,
    "campaign.unknown_department": _unknown_department,
    "campaign.group_sum": _group_does_not_add_up,
    "campaign.threshold_range": _threshold_out_of_range,
    "campaign.required": _blank_name,
}


def five_mistakes(wb) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    return {code: make(wb) for code, make in FIVE_MISTAKES.items()}


def check_problem(problem, sheet, cell, words) -> None:
    assert (problem.file, problem.sheet, problem.cell) == ("campaign.xlsx", sheet, cell), problem.render()
    for word in words:
        assert word in problem.message, (word, problem.message)
    assert f"[campaign.xlsx · {sheet}!{cell}]" in problem.render()


def test_five_mistakes_are_all_reported_in_one_load(tmp_path):
    path = make_book(tmp_path)
    expected = edit(path, five_mistakes)

    campaign, problems = load(path)

    assert campaign is None
    assert sorted(p.code for p in problems) == sorted(expected), [p.render() for p in problems]
    for problem in problems:
        check_problem(problem, *expected[problem.code])


@pytest.mark.parametrize("code", sorted(FIVE_MISTAKES))
def test_each_of_the_five_mistakes_alone_gives_one_message(tmp_path, code):
    path = make_book(tmp_path)
    sheet, cell, words = edit(path, FIVE_MISTAKES[code])

    campaign, problems = load(path)

    assert campaign is None
    assert [p.code for p in problems] == [code], [p.render() for p in problems]
    check_problem(problems[0], sheet, cell, words)


def test_cli_generate_reports_five_mistakes_without_traceback(tmp_path):
    camp = tmp_path / "camp"
    path = make_book(camp)
    edit(path, five_mistakes)
    out = tmp_path / "out"

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(out)])

    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    problem_lines = [line for line in result.stderr.splitlines() if line.startswith("Lỗi: [campaign.xlsx · ")]
    assert len(problem_lines) == 5, result.stderr
    assert not out.exists()
    assert sorted(p.name for p in camp.iterdir()) == ["campaign.xlsx", "inbox", "outbox"]


def test_cli_generate_with_a_mistake_exits_1_and_writes_nothing(tmp_path):
    """One mistake → exit 1, the problem line, then the count; no files."""
    camp = tmp_path / "camp"
    path = make_book(camp)
    edit(path, lambda wb: wb[cb.LEVELS_SHEET].__setitem__("B2", 150))
    out = tmp_path / "out"

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(out)])

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0] == ("Lỗi: [campaign.xlsx · Xếp loại!B2] Ngưỡng xếp loại 150 nằm ngoài khoảng 0 đến 100. "
                        "Hãy sửa lại ngưỡng.")
    assert "1 lỗi" in lines[-1] and len(lines) == 2
    assert not out.exists()
    assert sorted(p.name for p in camp.iterdir()) == ["campaign.xlsx", "inbox", "outbox"]


# --- single mistakes ----------------------------------------------------------------------------


def _rubric_total(wb):
    ws = wb[cb.RUBRICS_SHEET]
    row = row_of(ws, "A", "Giáo viên")
    ws[f"B{row}"] = 90
    return "campaign.rubric_sum", cb.RUBRICS_SHEET, f"B{row}", ("Giáo viên", "90", "100")


def _unknown_role(wb):
    wb[cb.STAFF_SHEET]["F2"] = "Hiệu phó kiêm nhiệm"
    return "campaign.unknown_role", cb.STAFF_SHEET, "F2", ("Hiệu phó kiêm nhiệm", "Giáo viên")


def _thresholds_not_decreasing(wb):
    ws = wb[cb.LEVELS_SHEET]
    assert ws["B2"].value == 90
    ws["B3"] = 95
    return "campaign.threshold_order", cb.LEVELS_SHEET, "B3", ("95", "90")


def _blank_rubric_total(wb):
    ws = wb[cb.RUBRICS_SHEET]
    row = row_of(ws, "A", "Giáo viên")
    ws[f"B{row}"] = None
    return "campaign.required", cb.RUBRICS_SHEET, f"B{row}", ("Tổng điểm chuẩn",)


def _blank_group_max(wb):
    ws = wb[cb.CRITERIA_SHEET]
    group_row, _ = first_item_of_first_group(ws)
    ws[f"E{group_row}"] = None
    return "campaign.required", cb.CRITERIA_SHEET, f"E{group_row}", ("Điểm tối đa",)


def _missing_column(wb):
    ws = wb[cb.STAFF_SHEET]
    assert ws["B1"].value == "Họ và tên"
    ws["B1"] = "Tên"
    return "campaign.column_missing", cb.STAFF_SHEET, None, ("Họ và tên",)


def _max_in_words(wb):
    ws = wb[cb.CRITERIA_SHEET]
    _, item_row = first_item_of_first_group(ws)
    ws[f"E{item_row}"] = "mười"
    return "campaign.bad_number", cb.CRITERIA_SHEET, f"E{item_row}", ("mười", "Điểm tối đa")


def _bad_school_year(wb):
    ws = wb[cb.SCHOOL_SHEET]
    row = row_of(ws, "A", "Năm học")
    ws[f"B{row}"] = "2025/26"
    return "campaign.school_year", cb.SCHOOL_SHEET, None, ("2025/26",)


def _bad_choice(wb):
    ws = wb[cb.STAFF_SHEET]
    ws["J2"] = "Xuất sắc"  # not a rating of Nghị định 90
    return "campaign.bad_choice", cb.STAFF_SHEET, "J2", ("Xuất sắc", "HTXSNV")


@pytest.mark.parametrize("mistake", [
    _rubric_total, _unknown_role, _thresholds_not_decreasing, _max_in_words, _bad_school_year, _bad_choice,
    _missing_column, _blank_group_max, _blank_rubric_total,
], ids=lambda f: f.__name__.strip("_"))
def test_single_mistake_gives_one_message_at_its_cell(tmp_path, mistake):
    path = make_book(tmp_path)
    code, sheet, cell, words = edit(path, mistake)

    campaign, problems = load(path)

    assert campaign is None
    assert [p.code for p in problems] == [code], [p.render() for p in problems]
    problem = problems[0]
    assert problem.sheet == sheet and problem.file == "campaign.xlsx"
    if cell is not None:
        assert problem.cell == cell
    for word in words:
        assert word in problem.message, (word, problem.message)


@pytest.mark.parametrize("sheet", [
    name for name in (cb.SCHOOL_SHEET, cb.RULES_SHEET, cb.DEPARTMENTS_SHEET, cb.STAFF_SHEET, cb.RUBRICS_SHEET,
                 cb.CRITERIA_SHEET, cb.TITLES_SHEET, cb.LEVELS_SHEET, cb.LEGAL_SHEET)
], ids=ascii_slug)
def test_missing_sheet_gives_one_message(tmp_path, sheet):
    path = make_book(tmp_path)
    edit(path, lambda wb: wb.remove(wb[sheet]))

    campaign, problems = load(path)

    assert campaign is None
    assert [(p.code, p.sheet) for p in problems] == [("campaign.sheet_missing", sheet)], \
        [p.render() for p in problems][:5]
    assert f"'{sheet}'" in problems[0].message


def test_blank_role_of_a_rubric_is_reported_not_raised(tmp_path):
    path = make_book(tmp_path)
    row = edit(path, lambda wb: _blank(wb[cb.RUBRICS_SHEET], row_of(wb[cb.RUBRICS_SHEET], "A", "Giáo viên")))

    campaign, problems = load(path)

    assert campaign is None
    assert (problems[0].code, problems[0].sheet, problems[0].cell) == ("campaign.required", cb.RUBRICS_SHEET,
                                                                       f"A{row}")


def _blank(ws, row: int) -> int:
    ws[f"A{row}"] = None
    return row


def test_date_typed_as_text_is_accepted(tmp_path):
    path = make_book(tmp_path)
    edit(path, lambda wb: wb[cb.STAFF_SHEET].__setitem__("D2", "14/03/1982"))

    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    assert campaign.staff[0].dob == "1982-03-14"


def test_text_is_cleaned_on_load(tmp_path):
    """NFD text, non-breaking and doubled spaces typed by the secretary come back clean (NFC)."""
    path = make_book(tmp_path)
    name = unicodedata.normalize("NFD", "Nguyễn\u00a0 Thị   Hồng ")
    edit(path, lambda wb: wb[cb.STAFF_SHEET].__setitem__("B2", name))

    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    assert campaign.staff[0].name == "Nguyễn Thị Hồng"


def test_unreadable_book_is_one_message(tmp_path):
    path = tmp_path / "campaign.xlsx"
    path.write_text("không phải sổ Excel", encoding="utf-8")

    campaign, problems = load(path)

    assert campaign is None
    assert [p.code for p in problems] == ["campaign.unreadable"]


GARBAGE = (None, "", "  ", "mười", 150, -3, "14/03/1982", "=1+1", 0, "Tổ Ma", "Không")


def test_garbage_in_many_cells_is_reported_never_raised(tmp_path):
    """Bad input is data: whatever a secretary types, the loader answers with problems, not a crash.

    A fixed-seed scribble over the first rows of every sheet (seed 0 also over the header rows)."""
    import random

    clean = make_book(tmp_path, "thcs").read_bytes()
    for seed in range(24):
        rnd = random.Random(seed)
        path = tmp_path / f"campaign-{seed}.xlsx"
        path.write_bytes(clean)

        def scribble(wb, seed=seed, rnd=rnd):
            for ws in wb.worksheets[1:]:
                for row in ws.iter_rows(min_row=1 if seed == 0 else 2, max_row=min(ws.max_row, 12)):
                    for cell in row:
                        if rnd.random() < 0.15:
                            cell.value = rnd.choice(GARBAGE)

        edit(path, scribble)

        campaign, problems = load(path)

        assert campaign is None and problems, seed
        assert all(p.file == path.name and p.sheet and p.message for p in problems), seed
