"""The history read back: lich-su.xlsx typed by hand (every bad cell said with its sheet and cell, its value
unknown, never zero; a year or a day still to come said and not counted), a broken, missing or wrong book (its
history unknown, never empty), and a folder of earlier final summaries (each entry used or named with its reason;
the folder never modified)."""

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

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TODAY = dt.date(2026, 6, 1)  # in school year 2025-2026

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
    book, history, problems = read_history_book(typed_book(tmp_path / "lich-su.xlsx"), TODAY)

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
    assert service["GV02"].unread == ("sector_start", "difficult_years", "medal_year")  # typed, not understood
    assert service["GV01"].unread == () and history.unknown == ()
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
    _book, history, problems = read_history_book(typed_book(tmp_path / "a.xlsx", skip_sheet=hx.S_SERVICE), TODAY)
    assert [(p.code, p.sheet) for p in problems if p.code == "history.sheet_missing"] == [
        ("history.sheet_missing", hx.S_SERVICE)]
    assert history.service == () and len(history.people) == 2
    assert history.unknown == (hs.SERVICE_PART,)  # not "nobody received the medal": not known
    assert "coi như chưa biết" in next(p for p in problems if p.code == "history.sheet_missing").render()

    book, history, problems = read_history_book(typed_book(tmp_path / "b.xlsx", drop_column="Năm học"), TODAY)
    assert [(p.code, p.sheet, dict(p.params)["column"]) for p in problems if p.code == "history.column_missing"] == [
        ("history.column_missing", hx.S_PEOPLE, "Năm học"), ("history.column_missing", hx.S_INITIATIVES, "Năm học"),
        ("history.column_missing", hx.S_DEPARTMENTS, "Năm học")]
    assert history.people == () and history.departments == ()  # no year: no row can be placed, said once
    assert history.unknown == (hs.PEOPLE_PART, hs.DEPARTMENTS_PART)
    assert len(history.initiatives) == 1  # its year is not required there


SAMPLE_BOOK = SAMPLES / "lich-su.xlsx"


@pytest.mark.parametrize("content", [
    b"PK\x03\x04 this is not a zip",
    b"Ho ten;Nam hoc\n",
    b"",  # 0 bytes
    SAMPLE_BOOK.read_bytes()[:len(SAMPLE_BOOK.read_bytes()) // 2],  # cut off half-way (a copy interrupted)
    SAMPLE_BOOK.read_bytes()[:-10],  # its last bytes lost
])
def test_a_broken_book_is_one_message_and_its_history_unknown_never_empty(tmp_path, content):
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(content)
    book, history, problems = read_history_book(path)
    assert book is None and history == hs.History(unknown=hs.ALL_PARTS)
    assert [p.code for p in problems] == ["history.book_broken"]
    assert problems.items[0].render().startswith("[lich-su.xlsx] Không mở được sổ lịch sử 'lich-su.xlsx'")


def _other_workbook(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "Danh sách"
    wb.create_sheet("Ghi chú")
    wb.save(path)
    return path


@pytest.mark.parametrize("make, code, said", [
    (lambda tmp: shutil.copy(SAMPLES / "campaign.xlsx", tmp / "campaign.xlsx"), "history.book_is_campaign",
     "'campaign.xlsx' là tệp chiến dịch (có sheet Trường và Nhân sự), không phải sổ lịch sử: không dùng làm lịch sử "
     "và không ghi gì vào tệp này. Hãy chỉ đúng sổ lịch sử (lich-su.xlsx); chưa có sổ thì đặt tên một tệp chưa có, "
     "chương trình sẽ tạo sổ mới."),
    (lambda tmp: crafted_summary(tmp / "tong-hop-cuoi.xlsx"), "history.book_is_summary",
     "'tong-hop-cuoi.xlsx' là bảng tổng hợp năm học 2024-2025 do thidua-xlsx ghi, không phải sổ lịch sử"),
    (lambda tmp: shutil.copy(SAMPLES / "outbox" / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx", tmp / "to.xlsx"),
     "history.book_is_department", "'to.xlsx' là sổ của tổ 'Tổ khối 1' do thidua-xlsx phát ra, không phải sổ lịch sử"),
    (lambda tmp: _other_workbook(tmp / "danh-sach.xlsx"), "history.book_is_other",
     "'danh-sach.xlsx' (các sheet: Danh sách, Ghi chú; không có sheet Cá nhân, Thâm niên, Sáng kiến hay Tập thể) "
     "không phải sổ lịch sử"),
])
def test_a_workbook_that_is_no_history_book_is_said_for_what_it_is(tmp_path, make, code, said):
    path = Path(make(tmp_path))
    book, history, problems = read_history_book(path)
    assert book is None and history == hs.History(unknown=hs.ALL_PARTS)  # nothing to write over, nothing known
    assert [p.code for p in problems] == [code]
    assert problems.items[0].message.startswith(said)


def test_a_year_or_a_day_in_the_sector_still_to_come_is_said_and_not_counted(tmp_path):
    path = typed_book(tmp_path / "lich-su.xlsx")
    wb = load_workbook(path)
    wb[hx.S_PEOPLE].append(["2026-2027", "GV01", "Nguyễn Thị Lan", None, "HTXSNV", "Chiến sĩ thi đua cơ sở"])
    wb[hx.S_DEPARTMENTS].append(["2030-2031", "T1", "Tổ khối 1", "Tập thể lao động xuất sắc"])
    wb[hx.S_SERVICE]["D2"] = dt.datetime(2026, 9, 5)  # typed 2026 for 2006
    wb[hx.S_SERVICE]["G2"] = "2025-2026"  # this school year: a medal received this year is known, not to come
    wb.save(path)

    _book, history, problems = read_history_book(path, TODAY)

    to_come = [(p.code, p.severity, p.sheet, p.cell) for p in problems if p.code.endswith("to_come")]
    assert to_come == [("history.year_to_come", "warning", hx.S_PEOPLE, "A7"),
                       ("history.day_to_come", "warning", hx.S_SERVICE, "D2"),
                       ("history.year_to_come", "warning", hx.S_DEPARTMENTS, "A4")]
    said = {p.cell: p.render() for p in problems if p.code.endswith("to_come")}
    assert said["A7"] == ("[lich-su.xlsx · Cá nhân!A7] 'Năm học' = '2026-2027' là năm học chưa tới (năm học hiện nay: "
                          "2025-2026): không tính. Hãy sửa lại năm học đã qua (dạng 2023-2024).")
    assert said["D2"] == ("[lich-su.xlsx · Thâm niên!D2] 'Ngày vào ngành' = '05/09/2026' là ngày chưa tới (hôm nay "
                          "01/06/2026): coi như chưa biết. Hãy sửa lại ngày cho đúng (dạng 05/09/2005).")
    assert {p.year for p in history.people} == {"2022-2023", "2023-2024"}  # the year to come not counted
    assert {d.year for d in history.departments} == {"2022-2023", "2023-2024"}
    gv01 = next(s for s in history.service if s.person == "GV01")
    assert (gv01.sector_start, gv01.unread, gv01.medal_year) == ("", ("sector_start",), "2025-2026")


def test_a_book_that_cannot_be_opened_is_said(tmp_path):
    folder = tmp_path / "lich-su.xlsx"
    folder.mkdir()  # not a file: the system refuses to read it, as it does a file another program locks
    book, history, problems = read_history_book(folder)
    assert book is None and [p.code for p in problems] == ["history.book_no_access"]
    assert history.unknown == hs.ALL_PARTS


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
    assert history.unknown == (hs.SERVICE_PART,)  # summaries say nothing of a Kỷ niệm chương received before
    used = {f.name for f in folder.rglob("*")} - {p.file.rsplit("/", 1)[-1] for p in problems} - {"cu"}
    assert used == set(history.sources)  # every entry accounted for


def test_a_final_summary_gives_its_year_as_the_tool_ended_it(summaries):
    found, problems = read_final_summary(summaries["2024-2025"])
    assert list(problems) == []
    assert (found.year, found.campaign_id, found.school, found.council) == (
        "2024-2025", "chien-dich-2024", "Trường Tiểu học Thử Nghiệm", True)  # passed by its council
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
