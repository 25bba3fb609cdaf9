"""Messages of the secretary's books no other test provoked: campaign.xlsx held by another program or with
a setting out of bounds, and the summary's word for a person whose form sheet is missing."""

from __future__ import annotations

import builtins

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.campaign_books import edit, first_item_of_first_group, load, make_book, row_of
from tests.filling import sheet, table_rows
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read import containment
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import campaign_book
from thidua_xlsx.write.summary import write_summary


def test_a_campaign_book_held_by_another_program_is_one_message(tmp_path, monkeypatch):
    """Excel on Windows keeps the book it has open from other programs: opening it raises PermissionError."""
    camp = tmp_path / "camp"
    book = make_book(camp)

    def held(path, *args, **kwargs):
        if str(path) == str(book):
            raise PermissionError(13, "Permission denied")
        return builtins.open(path, *args, **kwargs)
    monkeypatch.setattr(containment, "open", held, raising=False)  # root cannot make chmod 000 refuse
    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert ("Không đọc được tệp chiến dịch 'campaign.xlsx' (không có quyền đọc, hoặc tệp đang bị chương trình khác "
            "giữ). Hãy đóng tệp trong Excel/LibreOffice, kiểm tra quyền đọc rồi chạy lại.") in result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def _spare_rows(wb, value):
    ws = wb[campaign_book.SCHOOL_SHEET]
    ws[f"B{row_of(ws, 'A', 'Số dòng dự phòng cho người mới')}"] = value


def test_spare_rows_not_a_whole_number_is_said_at_its_cell(tmp_path):
    path = make_book(tmp_path)
    row = edit(path, lambda wb: row_of(wb[campaign_book.SCHOOL_SHEET], "A", "Số dòng dự phòng cho người mới"))
    edit(path, lambda wb: _spare_rows(wb, "2,5"))
    campaign, problems = load(path)
    assert campaign is None
    assert [p.render() for p in problems] == [
        f"[campaign.xlsx · {campaign_book.SCHOOL_SHEET}!B{row}] 'Số dòng dự phòng cho người mới' = '2,5' không phải "
        "là số nguyên. Hãy nhập số nguyên."]


def test_spare_rows_beyond_twenty_are_refused(tmp_path):
    path = make_book(tmp_path)
    edit(path, lambda wb: _spare_rows(wb, 25))
    campaign, problems = load(path)
    assert campaign is None
    assert [(p.code, p.sheet, p.message) for p in problems] == [
        ("campaign.spare_rows", campaign_book.SCHOOL_SHEET,
         "Số dòng dự phòng 25 phải từ 0 đến 20. Hãy sửa dòng ấy trong sheet này của campaign.xlsx rồi lưu lại.")]


def test_a_group_minimum_above_its_maximum_is_said_at_its_cell(tmp_path):
    path = make_book(tmp_path)

    def above(wb):
        ws = wb[campaign_book.CRITERIA_SHEET]
        group_row, _ = first_item_of_first_group(ws)
        ws[f"F{group_row}"] = ws[f"E{group_row}"].value + 5
        return group_row, ws[f"B{group_row}"].value, ws[f"E{group_row}"].value
    row, group, maximum = edit(path, above)
    campaign, problems = load(path)
    assert campaign is None
    assert [p.render() for p in problems] == [
        f"[campaign.xlsx · {campaign_book.CRITERIA_SHEET}!F{row}] Nhóm {group}: điểm tối thiểu {maximum + 5} phải từ 0 "
        f"đến {maximum}. Hãy sửa ô này trong campaign.xlsx rồi lưu lại."]


def test_a_person_whose_form_sheet_was_deleted_is_marked_in_the_summary(base, tmp_path):
    t1 = base["t1"]
    rec = sheet(t1, ly.ScoringSheet, "GV02")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wb = load_workbook(t1)
    del wb[rec.name]
    wb.save(inbox / t1.name)
    summary = merge_inbox(inbox, base["folder"])
    write_summary(summary, tmp_path / "tong-hop.xlsx")
    ws = load_workbook(tmp_path / "tong-hop.xlsx")[sx.S_DETAIL]
    head, cols = table_rows(ws, {"code": "Mã", "name": "Họ và tên"})
    remarks = {ws.cell(r, cols["code"]).value: ws.cell(r, ws.max_column).value for r in range(head + 1, ws.max_row + 1)}
    assert remarks["GV02"] == "thiếu phiếu"
    assert "thiếu phiếu" not in (remarks["GV01"] or "")
