"""End to end: ``thidua-xlsx history`` makes lich-su.xlsx and adds each year from the tool's own final summary —
the round trip gives back what the summary ended the year with, a second run changes nothing, hand-typed years
are kept across an update (typed in LibreOffice too), and every wrong input is one clear message — a workbook
that is not a history book picked as the book is never written over."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.history_fixtures import crafted_summary, final_summary, year_campaign
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.exits import EXIT_OK, EXIT_UNUSABLE, EXIT_USAGE
from thidua_xlsx.read.history import read_final_summary, read_history_book
from thidua_xlsx.text import history as hx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def summaries(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("years")
    return {year: final_summary(root / year, year_campaign(year, f"chien-dich-{year[:4]}"), f"tong-hop-{year}.xlsx")
            for year in ("2023-2024", "2024-2025")}


def _plain(rows):
    return [dataclasses.replace(row, source="") for row in rows]


def test_the_book_made_from_final_summaries_reads_back_as_they_ended_each_year(tmp_path, summaries):
    book = tmp_path / "lich-su.xlsx"
    done = run("history", "--book", book, *summaries.values())

    assert done.exit_code == EXIT_OK, done.output
    assert done.output.splitlines() == [
        f"Đã tạo sổ lịch sử {book}.",
        "Năm học 2023-2024 (từ tong-hop-2023-2024.xlsx): 6 người, 6 danh hiệu, 1 sáng kiến, 2 tổ.",
        "Năm học 2024-2025 (từ tong-hop-2024-2025.xlsx): 6 người, 6 danh hiệu, 1 sáng kiến, 2 tổ.",
        f"Đã ghi {book}.", "Sổ có 2 năm học: 2023-2024, 2024-2025."]
    kept, history, problems = read_history_book(book)
    assert list(problems) == []
    years = [read_final_summary(path)[0].history for path in summaries.values()]
    assert _plain(history.people) == _plain(p for h in years for p in h.people)
    assert _plain(history.departments) == _plain(d for h in years for d in h.departments)
    assert _plain(history.initiatives) == [dataclasses.replace(
        _plain(years[0].initiatives)[0], used=years[0].initiatives[0].used + years[1].initiatives[0].used)]
    assert [s.year for s in kept.meta.years] == ["2023-2024", "2024-2025"]

    again = run("history", "--book", book, summaries["2024-2025"])  # re-running is harmless
    assert again.exit_code == EXIT_OK
    assert again.output.splitlines()[-1] == f"Sổ {book} không thay đổi."
    assert "thay các dòng đã có" in again.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lich-su.xlsx"]  # no copy: nothing changed


def test_a_hand_typed_year_survives_an_update_and_the_previous_book_is_kept(tmp_path, summaries):
    book = tmp_path / "lich-su.xlsx"
    assert run("history", "--book", book).exit_code == EXIT_OK  # the empty book, for the secretary
    wb = load_workbook(book)
    wb[hx.S_PEOPLE].append(["2021-2022", "GV01", "Nguyễn Thị Lan", None, "HTXSNV", "Chiến sĩ thi đua cơ sở"])
    wb.save(book)
    typed = book.read_bytes()

    done = run("history", "--book", book, summaries["2023-2024"])

    assert done.exit_code == EXIT_OK, done.output
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("lich-su.") and p != book]
    assert len(backups) == 1 and backups[0].read_bytes() == typed
    assert f"bản trước giữ ở {backups[0]}" in done.output
    rows = [tuple(c.value for c in row)[:6] for row in load_workbook(book)[hx.S_PEOPLE].iter_rows(min_row=2)]
    assert rows[0] == ("2021-2022", "GV01", "Nguyễn Thị Lan", None, "HTXSNV", "Chiến sĩ thi đua cơ sở")
    assert {r[0] for r in rows[1:]} == {"2023-2024"}


def test_every_wrong_input_is_one_message(tmp_path, summaries):
    book = tmp_path / "lich-su.xlsx"
    run("history", "--book", book, summaries["2023-2024"])
    wb = load_workbook(book)
    wb[hx.S_PEOPLE].append(["2022-2023", "GV01", "Nguyễn Thị Lan"])
    wb.save(book)
    wrong = {
        "dang-ky.xlsx": crafted_summary(tmp_path / "dang-ky.xlsx", round=ly.REGISTRATION, outcomes=()),
        "nam-go-tay.xlsx": crafted_summary(tmp_path / "nam-go-tay.xlsx", school_year="2022-2023"),
        "chien-dich-khac.xlsx": crafted_summary(tmp_path / "chien-dich-khac.xlsx", school_year="2023-2024"),
        "truong-khac.xlsx": crafted_summary(tmp_path / "truong-khac.xlsx", school="Trường THCS Bên Cạnh"),
    }
    before = book.read_bytes()

    done = run("history", "--book", book, *wrong.values())

    assert done.exit_code == EXIT_UNUSABLE
    assert [line.split("] ", 1)[0] for line in done.output.splitlines() if line.startswith("Lỗi")] == [
        "Lỗi: [dang-ky.xlsx", "Lỗi: [lich-su.xlsx", "Lỗi: [lich-su.xlsx", "Lỗi: [lich-su.xlsx"]
    assert "Năm học 2022-2023 đã có trong sổ lịch sử do nhập tay – không thêm 'nam-go-tay.xlsx'" in done.output
    assert "đã được thêm từ 'tong-hop-2023-2024.xlsx' của một chiến dịch khác" in done.output
    assert "là bảng tổng hợp của 'Trường THCS Bên Cạnh'" in done.output
    assert book.read_bytes() == before


def test_a_book_open_in_excel_is_never_written(tmp_path, summaries):
    book = tmp_path / "lich-su.xlsx"
    run("history", "--book", book)
    (tmp_path / "~$lich-su.xlsx").write_bytes(b"\x0bsecretary")  # the owner file Excel keeps beside an open book
    before = book.read_bytes()
    done = run("history", "--book", book, summaries["2023-2024"])
    assert done.exit_code == EXIT_UNUSABLE
    assert "đang mở trong Excel hoặc LibreOffice" in done.output and book.read_bytes() == before


def test_a_broken_book_or_one_that_is_not_xlsx_is_refused(tmp_path, summaries):
    broken = tmp_path / "lich-su.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    done = run("history", "--book", broken, summaries["2023-2024"])
    assert done.exit_code == EXIT_UNUSABLE and "Không mở được sổ lịch sử" in done.output
    assert broken.read_bytes() == b"PK\x03\x04 broken"

    done = run("history", "--book", tmp_path / "lich-su.ods", summaries["2023-2024"])
    assert done.exit_code == EXIT_USAGE and "phải là tệp .xlsx" in done.output


@pytest.mark.libreoffice
def test_libreoffice_opens_the_book_and_what_it_saves_is_updated_keeping_its_rows(tmp_path, summaries):
    from tests.libreoffice import fill
    from thidua_xlsx.system import office

    book = tmp_path / "lich-su.xlsx"
    run("history", "--book", book, summaries["2024-2025"])
    saved = tmp_path / "lo" / "lich-su.xlsx"
    saved.parent.mkdir()
    typed = [{"sheet": hx.S_PEOPLE, "cell": f"{col}9", "value": value}
             for col, value in zip("ABCEF", ("2022-2023", "GV02", "Trần Văn Đức", "HTXSNV", "Chiến sĩ thi đua cơ sở"))]
    report = fill(book, typed, [], out_xlsx=saved)
    assert [entry["status"] for entry in report["fills"]] == ["accepted"] * 5, report["fills"]

    done = run("history", "--book", saved, summaries["2023-2024"])

    assert done.exit_code == EXIT_OK, done.output
    _kept, history, problems = read_history_book(saved)
    assert list(problems) == []
    assert [(p.year, p.person, p.titles) for p in history.people if p.year == "2022-2023"] == [
        ("2022-2023", "GV02", ("CSTDCS",))]
    assert {p.year for p in history.people} == {"2022-2023", "2023-2024", "2024-2025"}

    pdf = office.convert(saved, "pdf", tmp_path / "pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout if shutil.which("pdfinfo") \
        else ""
    if info:  # A4 landscape
        size = next(line for line in info.splitlines() if line.startswith("Page size"))
        assert "841.89 x 595.3" in size and "(A4)" in size, size


@pytest.mark.parametrize("wrong, said", [
    ("campaign.xlsx", "'campaign.xlsx' là tệp chiến dịch (có sheet Trường và Nhân sự), không phải sổ lịch sử: không "
                      "dùng làm lịch sử và không ghi gì vào tệp này."),
    ("tong-hop-2024-2025.xlsx", "'tong-hop-2024-2025.xlsx' là bảng tổng hợp năm học 2024-2025 do thidua-xlsx ghi, "
                                "không phải sổ lịch sử"),
])
def test_a_book_that_is_no_history_book_is_never_replaced(tmp_path, summaries, wrong, said):
    """The wrong file picked for --book (the campaign, this year's summary): refused for what it is, nothing written."""
    book = tmp_path / wrong
    shutil.copy(SAMPLES / "campaign.xlsx" if wrong == "campaign.xlsx" else summaries["2024-2025"], book)
    before = book.read_bytes()

    done = run("history", "--book", book, summaries["2023-2024"])

    assert done.exit_code == EXIT_UNUSABLE
    assert f"Lỗi: [{wrong}] {said}" in " ".join(done.output.split())
    assert book.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [wrong]  # no copy, no book


def _column(sheet, header: str) -> list:
    """The values under ``header`` of a sheet of the book, row by row."""
    rows = list(sheet.iter_rows(values_only=True))
    at = rows[0].index(header)
    return [row[at] for row in rows[1:]]


def test_the_book_records_what_the_year_decided_never_a_form_only_asked_for(tmp_path):
    """A Giấy khen asked for at registration is no award received: the year's row records no form, and the sáng kiến
    of someone granted only LĐTT stays unused, free for a later year (CV 5007/BNV-TĐKT 2023: a sáng kiến counts once,
    for what was granted); one behind a CSTĐCS granted is used for it (docs/domain.md §4c)."""
    asked = ("GV02", "Trần Văn Đức", "1986-03-04", "HTTNV", ("LDTT",), "Giấy khen của Hiệu trưởng",
             "Dạy toán bằng trò chơi", "Trường", "05/QĐ-THTN", "Không")
    granted = ("GV01", "Nguyễn Thị Lan", "1985-01-02", "HTXSNV", ("LDTT", "CSTDCS"), "Giấy khen của Hiệu trưởng",
               "Dạy đọc qua tranh", "Huyện", "12/QĐ-UBND", "Không")
    summary = crafted_summary(tmp_path / "tong-hop-2024-2025.xlsx", outcomes=(granted, asked), council=True)
    book = tmp_path / "lich-su.xlsx"

    done = run("history", "--book", book, summary)

    assert done.exit_code == EXIT_OK, done.output
    wb = load_workbook(book)
    people = wb[hx.S_PEOPLE]
    assert _column(people, hx.PEOPLE_HEADERS["code"]) == ["GV01", "GV02"]
    assert _column(people, hx.PEOPLE_HEADERS["titles"]) == ["Lao động tiên tiến, Chiến sĩ thi đua cơ sở",
                                                            "Lao động tiên tiến"]
    assert _column(people, hx.PEOPLE_HEADERS["forms"]) == [None, None]
    initiatives = wb[hx.S_INITIATIVES]
    assert _column(initiatives, hx.INITIATIVE_HEADERS["name"]) == ["Dạy đọc qua tranh", "Dạy toán bằng trò chơi"]
    assert _column(initiatives, hx.INITIATIVE_HEADERS["used_year"]) == ["2024-2025", None]
    assert _column(initiatives, hx.INITIATIVE_HEADERS["used_for"]) == ["Chiến sĩ thi đua cơ sở", None]


def test_another_school_s_summary_is_refused_by_the_school_its_data_names(tmp_path):
    """A final summary whose properties name no school (saved by a program that drops them) still names its school in
    its sealed data: the commune sample's Thử Nghiệm is refused from Trực Cường's book, the book left as it was, and
    Trực Cường's own year is then recorded."""
    book = tmp_path / "lich-su.xlsx"
    shutil.copy(SAMPLES / "lich-su.xlsx", book)
    before = book.read_bytes()
    other = SAMPLES / "cap-xa" / "inbox" / "TH-Thu-Nghiem_tong-hop-cuoi.xlsx"

    refused = run("history", "--book", book, other)

    said = " ".join(refused.output.split())
    assert refused.exit_code == EXIT_UNUSABLE, said
    assert "là bảng tổng hợp của 'Trường Tiểu học Thử Nghiệm', sổ lịch sử 'lich-su.xlsx' là của 'Trường Tiểu học " \
        "Trực Cường' – không thêm" in said
    assert book.read_bytes() == before
    assert run("history", "--book", book, SAMPLES / "tong-hop-cuoi.xlsx").exit_code == EXIT_OK


def test_a_year_typed_once_over_its_merged_rows_is_each_row_s_year(tmp_path):
    """The secretary typed 2022-2023 once and merged it down its block of rows, as a year is often kept by hand: each
    row of the block is read with that year (never "Ô 'Năm học' đang để trống"), and the updated book keeps the year
    in each row (the merge itself is not written back; the book before is kept beside)."""
    book = tmp_path / "lich-su.xlsx"
    wb = load_workbook(SAMPLES / "lich-su.xlsx")
    ws = wb["Cá nhân"]
    block = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "2022-2023"]
    for r in block[1:]:
        ws.cell(r, 1).value = None
    ws.merge_cells(start_row=block[0], start_column=1, end_row=block[-1], end_column=1)
    wb.save(book)

    kept, history, found = read_history_book(book)
    assert [p for p in found if p.code == "history.required"] == [] and kept is not None
    assert sum(row.year == "2022-2023" for row in history.people) == len(block)

    done = run("history", "--book", book, SAMPLES / "tong-hop-cuoi.xlsx")
    assert done.exit_code == EXIT_OK, done.output
    ws = load_workbook(book)["Cá nhân"]
    assert [ws.cell(r, 1).value for r in block] == ["2022-2023"] * len(block)


def test_headers_merged_down_two_rows_are_no_row_of_values(tmp_path):
    """Each header of Cá nhân merged over rows 1 and 2, as a hand-kept book often has it: row 2 is read as nothing,
    never as a row holding the headers' words."""
    book = tmp_path / "lich-su.xlsx"
    wb = load_workbook(SAMPLES / "lich-su.xlsx")
    ws = wb["Cá nhân"]
    ws.insert_rows(2)
    for column in range(1, ws.max_column + 1):
        ws.merge_cells(start_row=1, start_column=column, end_row=2, end_column=column)
    wb.save(book)

    kept, history, found = read_history_book(book)

    assert kept is not None and list(found) == []
    assert len(history.people) == len(read_history_book(SAMPLES / "lich-su.xlsx")[1].people)
