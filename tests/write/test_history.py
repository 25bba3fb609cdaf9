"""lich-su.xlsx written: the empty book (sheets, headers, dropdowns, print set-up, its very hidden record, no
finding of the Open XML validator), a year added from a final summary (hand-typed rows of other years and the
secretary's own columns kept exactly, the year replaced in place, the same update twice the same book), and
saved without ever losing the previous file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.openxml import unaccepted_findings
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.history_book import PEOPLE, TABLES, SummaryYear, refusal
from thidua_xlsx.read.history import read_history_book
from thidua_xlsx.text import history as hx
from thidua_xlsx.write.history import book_bytes, new_book, save_history_book, with_year

SCHOOL = "Trường Tiểu học Thử Nghiệm"


def year_of(year: str, campaign_id: str = "chien-dich", file: str = "tong-hop.xlsx", lan: tuple = ("LDTT", "CSTDCS"),
            school: str = SCHOOL) -> SummaryYear:
    """A year as a final summary ends it: two people, a sáng kiến used for CSTĐCS, two departments."""
    people = (hs.PersonYear(year, "GV01", "Nguyễn Thị Lan", "1985-01-02", "HTXSNV", lan, (), (), "Không", "", file),
              hs.PersonYear(year, "GV02", "Trần Văn Đức", "", "HTTNV", ("LDTT",), ("Giấy khen của Hiệu trưởng",), (),
                            None, "", file))
    initiatives = (hs.Initiative("Sáng kiến dạy đọc", "GV01", "Nguyễn Thị Lan", "Trường", "12/QĐ-TH", "", year,
                                 (hs.Use(year, hs.USED_FOR_TITLE, "CSTDCS"),), file),)
    departments = (hs.DepartmentYear(year, "T1", "Tổ khối 1", ("TTLDXS",), (), file),
                   hs.DepartmentYear(year, "T2", "Tổ khối 2", (), (), file))
    return SummaryYear(file, "ab" * 32, year, campaign_id, school, True,
                       hs.History(people, (), initiatives, departments, (file,)))


def test_the_empty_book_has_its_guide_tables_dropdowns_and_print_setup(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(book_bytes(new_book(SCHOOL)))
    wb = load_workbook(path)
    assert wb.sheetnames == [hx.S_GUIDE, *(t.sheet for t in TABLES), ly.META_SHEET]
    assert wb[ly.META_SHEET].sheet_state == "veryHidden"
    assert wb[hx.S_GUIDE]["A1"].value == f"LỊCH SỬ THI ĐUA – KHEN THƯỞNG CÁC NĂM HỌC – {SCHOOL.upper()}"
    for table in TABLES:
        ws = wb[table.sheet]
        assert [c.value for c in ws[1]] == [c.header for c in table.columns]
        assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "landscape")
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0  # one page wide
        assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
        for column in table.columns:  # wide enough for the header's longest word
            letter = ly.a1(0, [c.key for c in table.columns].index(column.key))[:-1]
            assert ws.column_dimensions[letter].width >= max(len(w) for w in column.header.split()) + 1
    validations = {str(v.sqref).split(":")[0]: v.formula1 for v in wb[hx.S_PEOPLE].data_validations.dataValidation}
    assert validations == {"E2": '"HTXSNV,HTTNV,HTNV,KHTNV"',
                           "I2": '"Không,Khiển trách,Cảnh cáo,Cách chức,Buộc thôi việc"'}
    assert unaccepted_findings(path) == []


def test_a_year_added_to_an_empty_book_reads_back_as_the_summary_ended_it(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    added = year_of("2024-2025")
    written, backup = save_history_book(with_year(new_book(), added), path, dt.date(2025, 6, 1))
    assert (written, backup) == (True, None)
    book, history, problems = read_history_book(path)
    assert list(problems) == []
    assert book.meta.school == SCHOOL and [s.year for s in book.meta.years] == ["2024-2025"]
    strip = {"source": ""}
    assert [_without_source(p, strip) for p in history.people] == [_without_source(p, strip) for p in
                                                                  added.history.people]
    assert [_without_source(d, strip) for d in history.departments] == [_without_source(d, strip) for d in
                                                                       added.history.departments]
    assert [_without_source(i, strip) for i in history.initiatives] == [_without_source(i, strip) for i in
                                                                       added.history.initiatives]
    assert [(s.person, s.name, s.dob, s.sector_start) for s in history.service] == [
        ("GV01", "Nguyễn Thị Lan", "1985-01-02", ""), ("GV02", "Trần Văn Đức", "", "")]  # to be filled in
    assert unaccepted_findings(path) == []


def _without_source(value, strip):
    import dataclasses

    return dataclasses.replace(value, **strip)


def _typed_by_hand(path: Path) -> None:
    """The book the tool wrote, then the secretary's own work in Excel: a year typed by hand, her own column."""
    wb = load_workbook(path)
    ws = wb[hx.S_PEOPLE]
    ws.cell(1, ws.max_column + 1, "Ghi chú của thư ký")
    ws.append(["2022-2023", "GV01", "Nguyễn Thị Lan", dt.datetime(1985, 1, 2), "Tốt lắm", "CSTĐCS", None, None,
               None, None, "nhập tay", "xem hồ sơ 2023"])
    wb[hx.S_SERVICE]["D2"] = dt.datetime(2005, 9, 5)
    wb.save(path)


def _rows(path: Path, sheet: str) -> list[tuple]:
    return [tuple(c.value for c in row) for row in load_workbook(path)[sheet].iter_rows()]


def test_an_update_keeps_every_row_typed_by_hand_exactly_and_replaces_its_own_year_in_place(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    save_history_book(with_year(new_book(), year_of("2024-2025")), path, dt.date(2025, 6, 1))
    _typed_by_hand(path)
    typed = _rows(path, hx.S_PEOPLE)
    assert typed[-1][4] == "Tốt lắm"  # a rating the reader does not understand …

    book, _history, problems = read_history_book(path)
    assert [p.code for p in problems] == ["history.bad_choice"]
    again = year_of("2024-2025", lan=("LDTT",))  # the council's pass: GV01 without CSTĐCS
    assert refusal(book, again) is None
    written, backup = save_history_book(with_year(book, again), path, dt.date(2025, 7, 1))

    assert written and backup == tmp_path / "lich-su.2025-07-01.xlsx"
    assert _rows(backup, hx.S_PEOPLE) == typed  # the previous version, as it was
    rows = _rows(path, hx.S_PEOPLE)
    assert rows[0][-1] == "Ghi chú của thư ký" and rows[-1] == typed[-1]  # … is written back exactly
    assert [r[5] for r in rows[1:3]] == ["Lao động tiên tiến", "Lao động tiên tiến"]  # the year replaced, in place
    assert len(rows) == len(typed)
    assert _rows(path, hx.S_SERVICE)[1][3] == dt.datetime(2005, 9, 5)  # filled in by hand: kept

    book, _history, _problems = read_history_book(path)
    assert save_history_book(with_year(book, again), path, dt.date(2025, 7, 2)) == (False, None)  # the same again
    assert not (tmp_path / "lich-su.2025-07-02.xlsx").exists()


def test_adding_a_year_twice_gives_the_same_book():
    book = with_year(new_book(), year_of("2023-2024"))
    once = with_year(book, year_of("2024-2025"))
    assert with_year(once, year_of("2024-2025")) == once
    assert book_bytes(with_year(once, year_of("2024-2025"))) == book_bytes(once)
    assert once.years == ("2023-2024", "2024-2025")


@pytest.mark.parametrize("found, code", [
    (year_of("2022-2023"), "history.year_typed"),
    (year_of("2024-2025", campaign_id="chien-dich-khac", file="khac.xlsx"), "history.year_other_campaign"),
    (year_of("2025-2026", school="Trường THCS Bên Cạnh"), "history.book_other_school"),
])
def test_a_year_typed_by_hand_another_campaigns_year_and_another_school_are_refused(tmp_path, found, code):
    path = tmp_path / "lich-su.xlsx"
    save_history_book(with_year(new_book(), year_of("2024-2025")), path, dt.date(2025, 6, 1))
    _typed_by_hand(path)
    book, _history, _problems = read_history_book(path)
    assert refusal(book, found)[0] == code


def test_a_year_whose_rows_the_secretary_deleted_is_forgotten(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    save_history_book(with_year(new_book(), year_of("2024-2025")), path, dt.date(2025, 6, 1))
    wb = load_workbook(path)
    for sheet in (hx.S_PEOPLE, hx.S_DEPARTMENTS, hx.S_INITIATIVES):
        wb[sheet].delete_rows(2, 10)
    wb.save(path)
    book, history, _problems = read_history_book(path)
    assert book.meta.years == () and history.people == ()
    assert refusal(book, year_of("2024-2025", campaign_id="chien-dich-khac")) is None  # added as new


def test_backups_of_one_day_never_overwrite_each_other(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    day = dt.date(2025, 6, 1)
    save_history_book(with_year(new_book(), year_of("2022-2023")), path, day)
    first = path.read_bytes()
    save_history_book(with_year(new_book(), year_of("2023-2024")), path, day)
    second = path.read_bytes()
    save_history_book(with_year(new_book(), year_of("2024-2025")), path, day)
    assert (tmp_path / "lich-su.2025-06-01.xlsx").read_bytes() == first
    assert (tmp_path / "lich-su.2025-06-01 (2).xlsx").read_bytes() == second


def test_a_book_made_by_hand_without_the_tools_record_is_updated_keeping_its_years(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = PEOPLE.sheet
    ws.append(["Mã", "Năm học", "Họ và tên"])  # her own order, and only the columns she needed
    ws.append(["GV01", "2021-2022", "Nguyễn Thị Lan"])
    wb.save(path)
    book, _history, problems = read_history_book(path)
    assert {p.code for p in problems} == {"history.sheet_missing", "history.column_missing"}
    save_history_book(with_year(book, year_of("2024-2025")), path, dt.date(2025, 6, 1))
    rows = _rows(path, hx.S_PEOPLE)
    assert rows[0][:3] == ("Mã", "Năm học", "Họ và tên") and rows[1][:3] == ("GV01", "2021-2022", "Nguyễn Thị Lan")
    book, history, problems = read_history_book(path)
    assert list(problems) == [] and book.years == ("2021-2022", "2024-2025")
    assert [p.person for p in history.people] == ["GV01", "GV01", "GV02"]


def test_the_book_takes_the_day_in_the_sector_from_the_campaign_where_it_has_none(tmp_path):
    """The campaign's Ngày vào ngành (carried by the year's summary) fills a Thâm niên row left without one
    and each row added; a day the secretary typed stays."""
    import dataclasses

    path = tmp_path / "lich-su.xlsx"
    save_history_book(with_year(new_book(), year_of("2023-2024")), path, dt.date(2024, 6, 1))
    wb = load_workbook(path)
    wb[hx.S_SERVICE]["D3"] = dt.datetime(2012, 9, 5)  # GV02's, typed by hand
    wb.save(path)
    book, _history, _problems = read_history_book(path)
    year = year_of("2024-2025")
    newcomer = hs.PersonYear("2024-2025", "GV03", "Lê Văn Mới", "1990-03-04", "HTTNV", ("LDTT",))
    year = dataclasses.replace(year, history=dataclasses.replace(year.history, people=(*year.history.people, newcomer)),
                               starts={"GV01": "2005-09-05", "GV02": "2010-09-01", "GV03": "2014-09-01"})

    save_history_book(with_year(book, year), path, dt.date(2025, 6, 1))

    _book, history, problems = read_history_book(path)
    assert list(problems) == []
    assert [(s.person, s.sector_start) for s in history.service] == [
        ("GV01", "2005-09-05"), ("GV02", "2012-09-05"), ("GV03", "2014-09-01")]
    assert _rows(path, hx.S_SERVICE)[1][3] == dt.datetime(2005, 9, 5)  # a date, as the column shows dates
