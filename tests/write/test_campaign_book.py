"""campaign.xlsx: every preset round-trips; every mistake is reported once, with its sheet and cell.

The faulty books are made the way a secretary makes them: a generated campaign.xlsx edited cell
by cell (here with openpyxl), then loaded back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from xlsxwriter.utility import xl_col_to_name

from tests.campaign_books import edit, first_item_of_first_group, load, make_book, row_of, strings
from tests.filling import run_apart, type_far_away
from tests.init_fixtures import as_init_writes, on_day
from tests.ui.pages import BOOK_FOLDER
from thidua_xlsx import service
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model.layout import ascii_slug
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.write.campaign_book import write_campaign_book

# --- presets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("level", cm.LEVELS)
def test_preset_round_trips_through_campaign_xlsx(tmp_path, level):
    path = make_book(tmp_path, level)
    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    assert campaign == as_init_writes(level, "x", vietnam_today())
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
    assert sorted(p.name for p in camp.iterdir()) == BOOK_FOLDER


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
    assert sorted(p.name for p in camp.iterdir()) == BOOK_FOLDER


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
    """NFD text, non-breaking and doubled spaces typed by the secretary come back clean (NFC); a code typed as a
    number (Excel stores 5 as 5.0) is the text she sees, "5" (docs/conventions.md: Normalise at the boundary)."""
    path = make_book(tmp_path)
    name = unicodedata.normalize("NFD", "Nguyễn\u00a0 Thị   Hồng ")

    def typed(wb):
        wb[cb.STAFF_SHEET]["B2"] = name
        wb[cb.STAFF_SHEET]["A2"] = 5.0
    edit(path, typed)

    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    assert campaign.staff[0].name == "Nguyễn Thị Hồng" and campaign.staff[0].code == "5"


def test_a_value_typed_in_the_last_cell_of_a_sheet_is_a_message_not_a_crash(tmp_path):
    """calamine holds a sheet from A1 to its furthest value: before, XFD1048576 asked for 512 GB and
    the process aborted without a word."""
    path = make_book(tmp_path)
    type_far_away(path, "Tổ")
    result = run_apart("generate", path, "--round", "dang-ky", cwd=tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert ("Sheet 'Tổ' của 'campaign.xlsx' có dữ liệu ở ô XFD1048576, quá xa (giới hạn 200000 dòng, 128 cột)"
            in result.stdout + result.stderr)
    assert "Ctrl+End" in result.stdout + result.stderr and not list((tmp_path / "outbox").glob("*.xlsx"))


@pytest.mark.parametrize("cell, refused", [("A200000", False), ("DX5", False), ("A200001", True), ("DY5", True)])
def test_a_campaign_book_may_reach_200000_rows_and_128_columns(tmp_path, cell, refused):
    """The bounds of the secretary's own books: a province's roster and summary (94,000 rows, 28
    columns at 84,000 people) fit twice over; a cell beyond is refused before any parser sees it."""
    path = make_book(tmp_path)
    edit(path, lambda wb: wb["Hướng dẫn"].__setitem__(cell, "ghi chú"))  # a sheet the campaign does not use

    campaign, problems = load(path)

    if refused:
        assert campaign is None and [(p.code, p.sheet, p.cell) for p in problems] == [
            ("book.sheet_too_big", "Hướng dẫn", cell)]
    else:
        assert campaign is not None and [p.render() for p in problems] == []


def _ods_with_far_cell(path: Path, sheet: str) -> None:
    """A one-sheet .ods as LibreOffice writes empty stretches (repeated rows and cells), with a value in
    XFD1048576."""
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    value = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:spreadsheet>'
               f'<table:table table:name="{sheet}"><table:table-row>{value}</table:table-row>'
               '<table:table-row table:number-rows-repeated="1048574"><table:table-cell/></table:table-row>'
               f'<table:table-row><table:table-cell table:number-columns-repeated="16383"/>{value}</table:table-row>'
               '</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def test_a_far_value_in_a_campaign_book_saved_as_ods_is_told_with_its_sheet(tmp_path):
    path = tmp_path / "campaign.ods"
    _ods_with_far_cell(path, "Nhân sự")

    campaign, problems = load(path)

    assert campaign is None and [(p.code, p.sheet, p.cell) for p in problems] == [
        ("book.sheet_too_big", "Nhân sự", "XFD1048576")]


BROKEN_CONTENTS = {
    "text": "không phải sổ Excel".encode(),
    "empty": b"",
    "cut-zip": None,  # the first 3,000 bytes of a real campaign.xlsx
}


@pytest.mark.parametrize("name", ["campaign.xlsx", "campaign.ods"])
@pytest.mark.parametrize("content", sorted(BROKEN_CONTENTS))
def test_a_broken_book_is_one_vietnamese_message_naming_it(tmp_path, name, content):
    data = BROKEN_CONTENTS[content]
    if data is None:
        data = make_book(tmp_path / "good").read_bytes()[:3000]
    path = tmp_path / name
    path.write_bytes(data)

    campaign, problems = load(path)

    assert campaign is None
    assert [p.code for p in problems] == ["campaign.broken"]
    assert problems[0].render().startswith(f"[{name}] Không mở được tệp chiến dịch '{name}': tệp bị hỏng")
    assert "Error" not in problems[0].message and "Exception" not in problems[0].message


def test_cli_generate_with_a_broken_campaign_ods_names_it_without_traceback(tmp_path):
    camp = tmp_path / "camp"
    make_book(camp).unlink()
    (camp / "campaign.ods").write_bytes(b"PK\x03\x04 not really a zip")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[0].startswith(
        "Lỗi: [campaign.ods] Không mở được tệp chiến dịch 'campaign.ods': tệp bị hỏng, có mật khẩu")
    assert not (tmp_path / "out").exists()


def test_types_of_other_spreadsheet_programs_are_read_as_ours(tmp_path):
    """What Excel, LibreOffice or WPS may leave in a re-saved book: a date that lost its format
    (a serial number), a real boolean, a whole number as a float, an empty string."""
    path = make_book(tmp_path)
    serial = (dt.date(1982, 3, 14) - dt.date(1899, 12, 30)).days

    def retype(wb):
        staff = wb[cb.STAFF_SHEET]
        staff["D2"] = serial  # Ngày sinh, as a bare number…
        staff["D2"].number_format = "General"  # …that lost its date format
        review = xl_col_to_name([c.key for c in cb.STAFF_COLUMNS].index("under_review"))
        staff[f"{review}2"] = True  # Đang xem xét kỷ luật, as a boolean
        staff[f"{review}3"] = False
        staff["K2"] = 11.0  # Số tháng làm việc
        staff["I2"] = ""  # Ghi chú, an empty string
        school = wb[cb.SCHOOL_SHEET]
        school[f"B{row_of(school, 'A', 'Hạn nộp đăng ký')}"] = dt.datetime(2025, 10, 3, 0, 0)

    edit(path, retype)
    campaign, problems = load(path)

    assert [p.render() for p in problems] == []
    first, second = campaign.staff[:2]
    assert first.dob == "1982-03-14"
    assert (first.facts.under_review, second.facts.under_review) == (True, False)
    assert first.facts.months == 11 and isinstance(first.facts.months, int)
    assert first.notes == ""
    assert campaign.school.registration_deadline == "2025-10-03"


def test_a_small_number_in_a_date_column_is_still_a_mistake(tmp_path):
    path = make_book(tmp_path)

    def typo(wb):
        wb[cb.STAFF_SHEET]["D2"] = 150
        wb[cb.STAFF_SHEET]["D2"].number_format = "General"

    edit(path, typo)

    campaign, problems = load(path)

    assert campaign is None
    assert [(p.code, p.cell) for p in problems] == [("campaign.bad_date", "D2")]
    assert "'150'" in problems[0].message


GARBAGE = (None, "", "  ", "mười", 150, -3, "14/03/1982", "=1+1", 0, "Tổ Ma", "Không")


def test_garbage_in_many_cells_is_reported_never_raised(tmp_path):
    """Bad input is data: whatever a secretary types, the loader answers with problems, not a crash.

    A fixed-seed scribble over the first rows of every sheet (seed 0 also over the header rows)."""
    import random

    wb = load_workbook(make_book(tmp_path, "thcs"))  # the clean book, opened once: each seed's scribble is undone
    for seed in range(24):
        rnd = random.Random(seed)
        path = tmp_path / f"campaign-{seed}.xlsx"
        clean = []
        for ws in wb.worksheets[1:]:
            for row in ws.iter_rows(min_row=1 if seed == 0 else 2, max_row=min(ws.max_row, 12)):
                for cell in row:
                    if rnd.random() < 0.15:
                        clean.append((cell, cell.value))
                        cell.value = rnd.choice(GARBAGE)
        wb.save(path)
        for cell, value in reversed(clean):
            cell.value = value

        campaign, problems = load(path)

        assert campaign is None and problems, seed
        assert all(p.file == path.name and p.sheet and p.message for p in problems), seed


# --- a book saved by LibreOffice (.ods, or .xlsx re-saved) ------------------------------------------


def varied_campaign() -> cm.Campaign:
    """The tiểu học preset with every kind of cell at least once: fractions, a yes, dates, blanks."""
    preset = dataclasses.replace(load_preset("tieu-hoc"), id="lo-round-trip")
    first = preset.staff[0]
    first = dataclasses.replace(first, facts=dataclasses.replace(
        first.facts, months=10.5, maternity_months=1.5, days_off=2.5, under_review=True))
    return dataclasses.replace(
        preset, staff=(first, *preset.staff[1:]),
        settings=dataclasses.replace(preset.settings, score_gap_tolerance=7.5, sheet_password="mk-2025"),
        rules=dataclasses.replace(preset.rules, ldtt_max_days_off=30, cstdcs_quota_percent=15.5))


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory) -> tuple[cm.Campaign, dict[str, Path]]:
    """(the campaign, {"ods": …, "xlsx": …}): our campaign.xlsx converted by a real LibreOffice."""
    from tests.libreoffice import require_libreoffice
    from thidua_xlsx.system.office import convert

    require_libreoffice()
    tmp = tmp_path_factory.mktemp("lo_campaign")
    campaign = varied_campaign()
    service.init_campaign(tmp / "ours", campaign.level, campaign=campaign)
    ours = tmp / "ours" / "campaign.xlsx"
    return campaign, {fmt: convert(ours, fmt, tmp / fmt) for fmt in ("ods", "xlsx")}


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["ods", "xlsx"])
def test_a_campaign_saved_by_libreoffice_reads_back_equal(saved_by_libreoffice, fmt):
    campaign, saved = saved_by_libreoffice
    assert saved[fmt].name == f"campaign.{fmt}"

    loaded, problems = load(saved[fmt])

    assert [p.render() for p in problems] == []
    for part in ("school", "settings", "departments", "staff", "rubrics", "rules", "classification", "gate_cap",
                 "titles", "legal_basis"):
        assert getattr(loaded, part) == getattr(campaign, part), part
    assert loaded == campaign
    assert loaded.staff[0].facts.under_review is True and loaded.staff[0].facts.months == 10.5


@pytest.mark.libreoffice
def test_generate_and_merge_find_a_campaign_saved_as_ods(saved_by_libreoffice, tmp_path):
    """The secretary chose "Save As" in LibreOffice and deleted the old campaign.xlsx."""
    import shutil

    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.steps.workspace import find_campaign

    campaign, saved = saved_by_libreoffice
    camp = tmp_path / "thidua-2025"
    (camp / "inbox").mkdir(parents=True)
    shutil.copy(saved["ods"], camp / "campaign.ods")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky"])

    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if "Cảnh báo" in line]  # the preset's sample school
    assert warning.startswith("Cảnh báo: [campaign.ods · Trường!B4] Chiến dịch này vẫn là trường mẫu")
    assert "Lỗi" not in result.output
    assert len(list((camp / "outbox" / "dang-ky").iterdir())) == len(campaign.departments)
    assert find_campaign(camp / "inbox", Problems()) == (camp / "campaign.ods").resolve()


@pytest.mark.libreoffice
def test_a_department_added_in_to_is_offered_in_nhan_su(saved_by_libreoffice, tmp_path):
    """Typed in a real LibreOffice: a new department under the last one in "Tổ", then a new person of
    that department in "Nhân sự" (accepted by the dropdown's validation, which refuses an unknown
    department), saved as .ods and read back."""
    from tests.libreoffice import fill

    campaign, _ = saved_by_libreoffice
    service.init_campaign(tmp_path / "camp", campaign.level, campaign=campaign)
    new_dept_row, new_person_row = len(campaign.departments) + 2, len(campaign.staff) + 2
    person = {"A": "GV999", "B": "Hoàng Thị Mới", "F": campaign.rubrics[0].role, "G": "Tổ Tiếng Anh"}
    report = fill(
        tmp_path / "camp" / "campaign.xlsx",
        [{"sheet": cb.DEPARTMENTS_SHEET, "cell": f"A{new_dept_row}", "value": "TO-TA"},
         {"sheet": cb.DEPARTMENTS_SHEET, "cell": f"B{new_dept_row}", "value": "Tổ Tiếng Anh"},
         {"sheet": cb.STAFF_SHEET, "cell": f"G{new_person_row + 1}", "value": "Tổ Không Có"},
         *({"sheet": cb.STAFF_SHEET, "cell": f"{col}{new_person_row}", "value": value}
           for col, value in person.items())],
        [], out_ods=tmp_path / "campaign.ods")

    status = {(f["sheet"], f["cell"]): f["status"] for f in report["fills"]}
    assert status[(cb.STAFF_SHEET, f"G{new_person_row}")] == "accepted", report["fills"]
    assert status[(cb.STAFF_SHEET, f"G{new_person_row + 1}")] == "refused", "the dropdown checks departments"
    loaded, problems = load(tmp_path / "campaign.ods")
    assert [p.render() for p in problems] == []
    assert loaded.departments[-1] == cm.Department("TO-TA", "Tổ Tiếng Anh")
    assert [p.code for p in loaded.members("TO-TA")] == ["GV999"]


# --- dropdowns follow their lists -----------------------------------------------------------------


def test_staff_dropdowns_reach_far_below_their_lists(tmp_path):
    """Department and role dropdowns of "Nhân sự" are names over "Tổ" and "Bộ tiêu chí" reaching row
    500, so rows added under the lists are offered; the fixed lists stay inline; all cover 2,000 rows."""
    import re

    campaign = load_preset("tieu-hoc")
    wb = load_workbook(make_book(tmp_path))
    ws = wb[cb.STAFF_SHEET]
    header = {c.value: c.column_letter for c in ws[1]}
    by_column = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}

    for column, sheet, letter, count in (("Tổ", "Tổ", "B", len(campaign.departments)),
                                         ("Vai trò (bộ tiêu chí)", "Bộ tiêu chí", "A", len(campaign.rubrics))):
        dv = by_column[header[column]]
        assert str(dv.sqref) == f"{header[column]}2:{header[column]}2001"
        source = wb.defined_names[dv.formula1].attr_text
        assert source.startswith("OFFSET(") and "COUNTA(" in source, source
        first, last = re.search(rf"'?{sheet}'?!\$({letter})\$(\d+):\${letter}\$(\d+)", source).group(2, 3)
        assert (int(first), int(last)) == (2, cb.LIST_ROWS) and cb.LIST_ROWS > count + 100
    assert by_column[header["Xếp loại viên chức"]].formula1 == '"' + ",".join(cm.RATINGS) + '"'
    assert str(by_column[header["Kỷ luật"]].sqref).endswith("2001")


# --- campaign.xlsx and campaign.ods in one folder -----------------------------------------------


def two_books(camp: Path, ods_newer: bool) -> None:
    """campaign.xlsx (the preset school) and campaign.ods (renamed school) in ``camp``. The .ods is
    written by xlsxwriter: the reader goes by content, not by name, which is all this test needs."""
    import os

    make_book(camp)
    renamed = dataclasses.replace(load_preset("tieu-hoc"), id="x")
    renamed = dataclasses.replace(renamed, school=dataclasses.replace(renamed.school, name="Trường Tiểu học Nam Trực"))
    write_campaign_book(renamed, camp / "campaign.ods")
    old, new = 1_700_000_000, 1_700_000_600
    os.utime(camp / "campaign.ods", (new, new) if ods_newer else (old, old))
    os.utime(camp / "campaign.xlsx", (old, old) if ods_newer else (new, new))


@pytest.mark.parametrize("ods_newer", [True, False], ids=["ods-newer", "xlsx-newer"])
def test_with_both_books_the_last_saved_is_used_and_the_secretary_is_told(tmp_path, ods_newer):
    from thidua_xlsx.steps.workspace import campaign_file, open_campaign

    camp = tmp_path / "camp"
    two_books(camp, ods_newer)
    used, other = ("campaign.ods", "campaign.xlsx") if ods_newer else ("campaign.xlsx", "campaign.ods")

    folder, problems = open_campaign(campaign_file(camp), today=dt.date(2025, 9, 10))

    assert folder.book.name == used
    assert folder.campaign.school.name == ("Trường Tiểu học Nam Trực" if ods_newer else
                                           "Trường Tiểu học Trực Cường (MẪU)")
    sample = [] if ods_newer else [("campaign.sample_school", "warning")]  # init's sample school, said after which book
    said = [(p.code, p.severity) for p in problems if p.code != "campaign.legal_past_year"]  # a later day's
    assert said == [("campaign.two_files", "warning"), *sample]
    message = problems.items[0].message
    assert message.startswith(f"Thư mục chiến dịch có hai tệp: {used} (lưu lúc ")
    assert f"và {other} (lưu lúc " in message and f"chương trình dùng {used}." in message
    assert "Hãy giữ một tệp" in message


def test_cli_generate_with_both_books_warns_and_goes_on(tmp_path, monkeypatch):
    on_day(monkeypatch, dt.date(2025, 9, 10))
    camp = tmp_path / "camp"
    two_books(camp, ods_newer=True)

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Cảnh báo: Thư mục chiến dịch có hai tệp: campaign.ods (lưu lúc ")
    assert "chương trình dùng campaign.ods" in result.stderr
    assert "Đã tạo 5 sổ" in result.stdout


def test_a_book_written_before_the_vote_settings_existed_still_opens_with_the_defaults(tmp_path):
    campaign = dataclasses.replace(load_preset("tieu-hoc"), id="cu")
    path = tmp_path / "campaign.xlsx"
    write_campaign_book(campaign, path)
    wb = load_workbook(path)
    later = {f.label for f in (*cb.SCHOOL_FIELDS, *cb.RULE_FIELDS) if f.added_later}
    for name in (cb.SCHOOL_SHEET, cb.RULES_SHEET):
        ws = wb[name]
        for row in reversed(range(1, ws.max_row + 1)):
            if ws.cell(row, 1).value in later:
                ws.delete_rows(row)
    wb.save(path)
    found, problems = load(path)
    assert not [p for p in problems if p.severity == "error"], [p.render() for p in problems]
    assert found.rules.council_quorum_percent == 66.67 and found.rules.cstdcs_vote_percent == 80
    assert found.school.criteria_resolution == ""


# --- the unit's choices of NĐ 233/2026 điều 12 khoản 6 and the periods of another school year --------------


def nd233_book(directory: Path, first_year: int = 2026, **choices) -> Path:
    """campaign.xlsx of the nd233 preset moved to the school year starting ``first_year``, ``choices`` set."""
    campaign = dataclasses.replace(cm.in_school_year(load_preset("nd233"), dt.date(first_year, 9, 1)), id="x",
                                   **choices)
    path = directory / "campaign.xlsx"
    write_campaign_book(campaign, path)
    return path


def period_field(path: Path, key: str, value) -> str:
    """Type ``value`` in the field ``key`` of sheet Kỳ đánh giá (its value column, I); returns the cell."""
    label = next(f.label for f in cb.PERIOD_FIELDS if f.key == key)

    def typed(wb):
        ws = wb[cb.PERIODS_SHEET]
        row = row_of(ws, "H", label)
        ws.cell(row, 9).value = value
        return f"I{row}"
    return edit(path, typed)


@pytest.mark.parametrize("choices", [{}, {"excellent_unit_cap_percent": 25, "unit_rating": "HTXSNV",
                                          "small_groups_together": True}])
def test_the_units_choices_round_trip_and_their_defaults_are_written_out(tmp_path, choices):
    path = nd233_book(tmp_path, **choices)
    campaign, problems = load_campaign_book(path)

    assert [p.render() for p in problems] == []
    expected = {"excellent_unit_cap_percent": None, "small_groups_together": False, **choices}
    assert {k: getattr(campaign, k) for k in expected} == expected
    ws = load_workbook(path)[cb.PERIODS_SHEET]
    shown = {ws.cell(r, 8).value: (ws.cell(r, 9).value, ws.cell(r, 10).value) for r in range(2, ws.max_row + 1)}
    together, note = shown["Nhóm từ 5 người trở xuống"]
    assert together == ("Tính chung" if choices else "Tính riêng")  # the default is written, not left blank
    assert note.startswith("Tính riêng (mặc định, NĐ 233/2026 điều 12 khoản 6 điểm a)")
    assert shown["Tỷ lệ HTXSNV đơn vị quyết định khi đơn vị HTXSNV (%)"][1].startswith(
        "Để trống: 20 % (mặc định, NĐ 233/2026 điều 12 khoản 6 điểm a)")


@pytest.mark.parametrize("value, unit, code, severity", [
    (30, "HTXSNV", "campaign.excellent_share_range", "error"),  # the decree's ceiling is 25 %
    (15, "HTXSNV", "campaign.excellent_share_range", "error"),  # below 20 % is not a choice điểm b gives
    (25, "HTTNV", "campaign.excellent_share_unit", "warning"),  # only a unit rated HTXSNV may decide it
    (25, None, "campaign.excellent_share_unit", "warning"),
])
def test_a_share_the_decree_does_not_allow_is_said_at_its_cell(tmp_path, value, unit, code, severity):
    path = nd233_book(tmp_path)
    cell = period_field(path, "excellent_unit_cap_percent", value)
    period_field(path, "unit_rating", unit)
    campaign, problems = load_campaign_book(path)

    (found,) = [p for p in problems if p.code.startswith("campaign.excellent_share")]
    assert (found.code, found.severity, found.sheet, found.cell) == (code, severity, cb.PERIODS_SHEET, cell)
    assert (campaign is None) == (severity == "error")
    assert f"= {value}" in found.message and "NĐ 233/2026 điều 12 khoản 6" in found.message


def test_periods_of_another_school_year_are_said_at_their_cell(tmp_path):
    """A campaign.xlsx copied from last year keeps last year's periods: each is said, the book still loads."""
    path = nd233_book(tmp_path)
    edit(path, lambda wb: wb[cb.SCHOOL_SHEET].cell(row_of(wb[cb.SCHOOL_SHEET], "A", "Năm học"), 2, "2027-2028"))
    campaign, problems = load_campaign_book(path)

    outside = [p for p in problems if p.code == "campaign.period_outside_year"]
    assert campaign is not None and len(outside) == 9 and {p.severity for p in outside} == {"warning"}
    assert (outside[0].sheet, outside[0].cell) == (cb.PERIODS_SHEET, "C2")
    assert outside[0].message == ("Kỳ 'thang-9' (01/09/2026 – 30/09/2026) nằm ngoài năm học 2027-2028 (01/08/2027 – "
                                  "31/07/2028): có thể còn sót từ năm trước. Hãy sửa ngày của kỳ cho đúng năm học, "
                                  "hoặc sửa Năm học ở sheet Trường.")
