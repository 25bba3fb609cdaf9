"""The history read back: lich-su.xlsx typed by hand (every bad cell said with its sheet and cell, its value
unknown, never zero), a broken or missing book, and a folder of earlier final summaries (each entry used or
named with its reason; the folder never modified)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.history_fixtures import crafted_summary, final_summary, year_campaign
from thidua_xlsx.model import history as hs
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.history_book import TABLES
from thidua_xlsx.read.history import read_final_summary, read_history_book, read_summary_folder
from thidua_xlsx.text import history as hx
from thidua_xlsx.write.history import book_bytes, new_book

PEOPLE = [  # as the secretary types them for the years before the tool, some of them wrong
    ("2022-2023", "GV01", "Nguyễn Thị Lan", dt.datetime(1985, 1, 2), "HTXSNV", "Lao động tiên tiến, CSTĐCS",
     "Giấy khen của Hiệu trưởng", "", "Không", None),
    ("2023 - 2024", "GV01", "Nguyễn Thị Lan", "02/01/1985", "htxsnv", "lao dong tien tien; chien si thi dua co so",
     "", "Khen chuyên đề An toàn giao thông", "", None),
    ("2023", "GV02", "Trần Văn Đức", "1985-13-40", "Tốt", "Giáo viên giỏi", "", "", "Khiển trách", "31/12/2023"),
    ("2023-2024", None, "Không mã", None, None, None, None, None, None, None),
    ("2023-2024", "gv01", "Nguyễn Thị Lan", None, None, None, None, None, None, None),  # the same person-year again
]
SERVICE = [("GV01", "Nguyễn Thị Lan", None, dt.datetime(2005, 9, 5), 6, 0, None),
           ("GV02", "Trần Văn Đức", None, "không nhớ", "-3", "1,5", "2024")]
INITIATIVES = [
    ("Sáng kiến dạy đọc", "GV01", "Nguyễn Thị Lan", "Tỉnh", "12/QĐ-SGD", dt.datetime(2023, 5, 4), "2022-2023",
     "2022-2023", "Chiến sĩ thi đua cơ sở"),
    ("sáng kiến dạy ĐỌC", "GV01", "Nguyễn Thị Lan", "Tỉnh", "12/QĐ-SGD", None, "2022-2023", "2023-2024",
     "Bằng khen của Chủ tịch UBND tỉnh"),
    ("Sáng kiến dạy đọc", "GV01", "Nguyễn Thị Lan", "Trường", "99/QĐ-TH", None, None, None, None),
]
DEPARTMENTS = [("2022-2023", "T1", "Tổ khối 1", "Tập thể lao động xuất sắc", ""),
               ("2023-2024", "T1", "Tổ khối 1", "TTLĐTT", "Giấy khen của Chủ tịch UBND xã; Bằng khen")]


def typed_book(path: Path, skip_sheet: str = "", drop_column: str = "") -> Path:
    """A history book typed in Excel: the tool's headers, the rows above, one sheet or column left out."""
    wb = Workbook()
    wb.active.title = hx.S_GUIDE
    for table, rows in zip(TABLES, (PEOPLE, SERVICE, INITIATIVES, DEPARTMENTS)):
        if table.sheet == skip_sheet:
            continue
        ws = wb.create_sheet(table.sheet)
        headers = [c.header for c in table.columns if c.header != drop_column]
        ws.append(headers)
        for row in rows:
            values = dict(zip([c.header for c in table.columns], row))
            ws.append([values.get(h) for h in headers])
    wb.save(path)
    return path


def _issues(problems) -> dict[tuple[str, str], str]:
    return {(p.sheet, p.cell): p.code for p in problems}


def test_a_book_typed_by_hand_is_read_with_every_bad_cell_said_and_its_value_unknown(tmp_path):
    book, history, problems = read_history_book(typed_book(tmp_path / "lich-su.xlsx"))

    found = _issues(problems)
    assert found == {
        (hx.S_PEOPLE, "A4"): "history.bad_year", (hx.S_PEOPLE, "D4"): "history.bad_date",
        (hx.S_PEOPLE, "E4"): "history.bad_choice", (hx.S_PEOPLE, "F4"): "history.unknown_title",
        (hx.S_PEOPLE, "B5"): "history.required", (hx.S_PEOPLE, "A6"): "history.duplicate_row",
        (hx.S_SERVICE, "D3"): "history.bad_date", (hx.S_SERVICE, "E3"): "history.bad_number",
        (hx.S_SERVICE, "G3"): "history.bad_year",
        (hx.S_INITIATIVES, "A4"): "history.initiative_differs",
    }
    assert next(p for p in problems if p.code == "history.unknown_title").severity == "warning"
    assert [p.render() for p in problems if p.cell == "E4"] == [
        "[lich-su.xlsx · Cá nhân!E4] 'Xếp loại viên chức' = 'Tốt' không thuộc danh mục: coi như chưa biết. Hãy chọn "
        "một trong: HTXSNV, HTTNV, HTNV, KHTNV."]
    assert book.meta.years == () and book.years == ("2022-2023", "2023-2024")  # typed by hand, every year
    gv01 = [p for p in history.people if p.person == "GV01"]
    assert [(p.year, p.dob, p.rating, p.titles, p.forms, p.special) for p in gv01] == [
        ("2022-2023", "1985-01-02", "HTXSNV", ("LDTT", "CSTDCS"), ("Giấy khen của Hiệu trưởng",), ()),
        ("2023-2024", "1985-01-02", "HTXSNV", ("LDTT", "CSTDCS"), (), ("Khen chuyên đề An toàn giao thông",))]
    assert [p.person for p in history.people] == ["GV01", "GV01"]  # GV02's year unreadable: the row is not placed
    assert gv01[0].source == "lich-su.xlsx · Cá nhân, dòng 2"
    service = {s.person: s for s in history.service}
    assert (service["GV01"].sector_start, service["GV01"].difficult_years, service["GV01"].uncounted_years) == \
        ("2005-09-05", 6, 0)
    assert (service["GV02"].sector_start, service["GV02"].difficult_years, service["GV02"].uncounted_years,
            service["GV02"].medal_year) == ("", None, 1.5, "")  # unknown, never 0
    (initiative,) = history.initiatives
    assert (initiative.level, initiative.decision, initiative.decision_date) == ("Tỉnh", "12/QĐ-SGD", "2023-05-04")
    assert initiative.used == (hs.Use("2022-2023", hs.USED_FOR_TITLE, "CSTDCS"),
                               hs.Use("2023-2024", hs.USED_FOR_FORM, "Bằng khen của Chủ tịch UBND tỉnh"))
    assert [(d.year, d.titles, d.forms) for d in history.departments] == [
        ("2022-2023", ("TTLDXS",), ()), ("2023-2024", ("TTLDTT",), ("Giấy khen của Chủ tịch UBND xã", "Bằng khen"))]


def test_a_school_year_whose_years_do_not_follow_on_is_said(tmp_path):
    path = typed_book(tmp_path / "lich-su.xlsx")
    wb = load_workbook(path)
    wb[hx.S_PEOPLE]["A2"] = "2022-2024"
    wb.save(path)
    _book, history, problems = read_history_book(path)
    assert _issues(problems)[(hx.S_PEOPLE, "A2")] == "history.bad_year"
    assert [p.year for p in history.people] == ["2023-2024"]


def test_a_missing_sheet_or_column_is_said_and_the_rest_is_read(tmp_path):
    _book, history, problems = read_history_book(typed_book(tmp_path / "a.xlsx", skip_sheet=hx.S_SERVICE))
    assert [(p.code, p.sheet) for p in problems if p.code == "history.sheet_missing"] == [
        ("history.sheet_missing", hx.S_SERVICE)]
    assert history.service == () and len(history.people) == 2

    book, history, problems = read_history_book(typed_book(tmp_path / "b.xlsx", drop_column="Năm học"))
    assert [(p.code, p.sheet, dict(p.params)["column"]) for p in problems if p.code == "history.column_missing"] == [
        ("history.column_missing", hx.S_PEOPLE, "Năm học"), ("history.column_missing", hx.S_INITIATIVES, "Năm học"),
        ("history.column_missing", hx.S_DEPARTMENTS, "Năm học")]
    assert history.people == () and history.departments == ()  # no year: no row can be placed, said once
    assert len(history.initiatives) == 1  # its year is not required there


@pytest.mark.parametrize("content, code", [
    (b"PK\x03\x04 this is not a zip", "history.book_broken"),
    (b"Ho ten;Nam hoc\n", "history.book_broken"),
])
def test_a_broken_book_is_one_message_never_a_crash(tmp_path, content, code):
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(content)
    book, history, problems = read_history_book(path)
    assert book is None and history == hs.History()
    assert [p.code for p in problems] == [code]
    assert "lich-su.xlsx" in problems.items[0].render()


def test_a_book_that_cannot_be_opened_is_said(tmp_path):
    folder = tmp_path / "lich-su.xlsx"
    folder.mkdir()  # not a file: the system refuses to read it, as it does a file another program locks
    book, _history, problems = read_history_book(folder)
    assert book is None and [p.code for p in problems] == ["history.book_no_access"]


def test_the_book_the_tool_writes_reads_back_empty_and_clean(tmp_path):
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(book_bytes(new_book("Trường Tiểu học Thử Nghiệm")))
    book, history, problems = read_history_book(path)
    assert list(problems) == [] and history == hs.History(sources=("lich-su.xlsx",))
    assert book.meta.school == "Trường Tiểu học Thử Nghiệm"


# --- the earlier years' final summaries -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def summaries(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("summaries")
    made = {year: final_summary(root / year, year_campaign(year, f"chien-dich-{year[:4]}"), f"tong-hop-{year}.xlsx")
            for year in ("2023-2024", "2024-2025")}
    return made


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "link"
            for p in sorted(folder.rglob("*"))}


def test_a_folder_of_summaries_gives_each_year_and_names_every_file_it_does_not_use(tmp_path, summaries):
    folder = tmp_path / "cac-nam"
    (folder / "cu").mkdir(parents=True)
    for year, path in summaries.items():
        shutil.copy(path, folder / path.name)
    crafted_summary(folder / "dang-ky.xlsx", round=ly.REGISTRATION, outcomes=())
    crafted_summary(folder / "thang-9.xlsx", period="thang-9", outcomes=())
    crafted_summary(folder / "cu" / "phien-ban-cu.xlsx", school_year="2021-2022", schema_version=3, outcomes=())
    crafted_summary(folder / "moi-hon.xlsx", school_year="2021-2022", schema_version=ly.SUMMARY_SCHEMA_VERSION + 1)
    crafted_summary(folder / "truong-khac.xlsx", school="Trường Tiểu học Bên Cạnh", school_year="2020-2021")
    crafted_summary(folder / "nam-nay.xlsx", school_year="2025-2026")
    crafted_summary(folder / "hoi-dong-2024.xlsx", school_year="2024-2025", council=True)
    shutil.copy(Path(__file__).parent.parent.parent / "samples" / "campaign.xlsx", folder / "campaign.xlsx")
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 broken")
    (folder / "ghi-chu.txt").write_text("các năm trước", encoding="utf-8")
    os.symlink(folder / "ghi-chu.txt", folder / "loi-tat.xlsx")
    before = _digest(folder)

    history, problems = read_summary_folder(folder, current_year="2025-2026")

    assert _digest(folder) == before  # read only
    assert {p.file: p.code for p in problems} == {
        "dang-ky.xlsx": "history.summary_registration", "thang-9.xlsx": "history.summary_period",
        "cu/phien-ban-cu.xlsx": "history.summary_no_outcomes", "moi-hon.xlsx": "summary.schema_unknown",
        "truong-khac.xlsx": "history.summary_other_school", "nam-nay.xlsx": "history.summary_not_earlier",
        "tong-hop-2024-2025.xlsx": "history.summary_duplicate_year", "campaign.xlsx": "history.summary_not_ours",
        "hong.xlsx": "history.summary_unreadable", "ghi-chu.txt": "history.summary_other_file",
        "loi-tat.xlsx": "history.summary_link"}
    duplicate = next(p for p in problems if p.code == "history.summary_duplicate_year")
    assert dict(duplicate.params)["used"] == "hoi-dong-2024.xlsx"  # the council's pass wins
    assert history.sources == ("tong-hop-2023-2024.xlsx", "hoi-dong-2024.xlsx")
    assert history.years == ("2023-2024", "2024-2025")
    used = {f.name for f in folder.rglob("*")} - {p.file.rsplit("/", 1)[-1] for p in problems} - {"cu"}
    assert used == set(history.sources)  # every entry accounted for


def test_a_final_summary_gives_its_year_as_the_tool_ended_it(summaries):
    found, problems = read_final_summary(summaries["2024-2025"])
    assert list(problems) == []
    assert (found.year, found.campaign_id, found.school, found.council) == (
        "2024-2025", "chien-dich-2024", "Trường Tiểu học Thử Nghiệm", False)
    people = {p.person: p for p in found.history.people}
    assert people["GV01"].titles == ("LDTT", "CSTDCS") and people["GV01"].rating == "HTXSNV"
    assert people["GV05"].discipline == "Khiển trách" and people["GV05"].titles == ()
    (initiative,) = found.history.initiatives
    assert (initiative.author, initiative.decision, initiative.used) == (
        "GV02", "12/QĐ-TH", (hs.Use("2024-2025", hs.USED_FOR_TITLE, "CSTDCS"),))
    assert {d.department: d.titles for d in found.history.departments} == {"T1": ("TTLDTT",), "T2": ()}


def test_summaries_of_several_schools_keep_the_one_most_of_them_name(tmp_path):
    for year in ("2021-2022", "2022-2023"):
        crafted_summary(tmp_path / f"{year}.xlsx", school_year=year)
    crafted_summary(tmp_path / "khac.xlsx", school="TRƯỜNG TIỂU HỌC BÊN CẠNH", school_year="2020-2021")
    history, problems = read_summary_folder(tmp_path)
    assert [(p.file, p.code) for p in problems] == [("khac.xlsx", "history.summary_other_school")]
    assert history.years == ("2021-2022", "2022-2023")


def test_a_summary_whose_outcomes_were_edited_is_not_read(tmp_path):
    path = crafted_summary(tmp_path / "sua.xlsx", outcomes=(("GV01", "Lan"),))
    found, problems = read_final_summary(path)
    assert found is None and [p.code for p in problems] == ["history.summary_unreadable"]
