"""Names laid out as a school prints them, measured in Times: the width table is Liberation Serif's (Times
New Roman's metric twin), a place a name carries is kept whole on its line, a registration book's header and subtitle
keep ", tỉnh Lạng Sơn" in rows as high as their lines, and a column of department names is as wide as its names need
— one line, else two, never three — within a cap, the samples' short names keeping the columns they had."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.font_metrics import LIBERATION_SERIF, advances
from tests.libreoffice import require_libreoffice
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import department_spec
from thidua_xlsx.papers.docx_engine import NAME_COLUMN_MM, name_column
from thidua_xlsx.system.office import convert
from thidua_xlsx.write import engine
from thidua_xlsx.write.department import write_issued_workbook

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BODY = "Ủy ban nhân dân xã Bắc Sơn, tỉnh Lạng Sơn"
SCHOOL = "Trường Tiểu học và Trung học cơ sở Bắc Quỳnh, xã Bắc Sơn, tỉnh Lạng Sơn"  # 71 characters
LONG_DEPARTMENT = "Tổ chuyên môn khối Một và khối Hai (Tiếng Việt, Toán)"


@pytest.mark.parametrize("bold, style", [(False, "Regular"), (True, "Bold")])
def test_the_width_table_is_liberation_serif_s(bold, style):
    path = LIBERATION_SERIF / f"LiberationSerif-{style}.ttf"
    if not path.is_file():
        pytest.skip(f"{path} is not installed (fonts-liberation2)")
    units, widths = advances(path)
    table = engine._WIDTHS[bold]
    assert {c: round(widths[c] * 1000 / units) for c in table} == table
    for word in ("Trực Cường", "Ỷ", "ượng", "Ắ", "Ờ", "đỗ"):  # a toned letter as wide as its letter: the font's own
        assert engine.text_pt(word, size=1000, bold=bold) == pytest.approx(
            sum(round(widths[c] * 1000 / units) for c in word), abs=0.01), word


@pytest.mark.parametrize("width_pt, expected", [
    (310, ["ỦY BAN NHÂN DÂN XÃ TRÀNG ĐỊNH, TỈNH LẠNG SƠN"]),
    (250, ["ỦY BAN NHÂN DÂN", "XÃ TRÀNG ĐỊNH, TỈNH LẠNG SƠN"]),  # the place whole where it fits
    (200, ["ỦY BAN NHÂN DÂN", "XÃ TRÀNG ĐỊNH, TỈNH LẠNG SƠN"]),
    (150, ["ỦY BAN NHÂN DÂN", "XÃ TRÀNG ĐỊNH,", "TỈNH LẠNG SƠN"]),  # before: "… TỈNH LẠNG" / "SƠN"
])
def test_a_place_a_name_carries_stays_whole_on_its_line(width_pt, expected):
    lines = engine.name_lines("ỦY BAN NHÂN DÂN XÃ TRÀNG ĐỊNH, TỈNH LẠNG SƠN",
                              lambda line: engine.text_pt(line, size=12, bold=False) <= width_pt)
    assert lines == expected


def test_a_department_column_is_as_wide_as_its_names_need_within_its_cap():
    short = ["Tổ khối 1", "Tổ khối 2-3", "Tổ chuyên biệt", "Tổ Văn phòng"]
    assert engine.name_width(14, short) == 14  # the samples' names: the column it had
    one = engine.name_width(14, ["Tổ Khoa học tự nhiên – Công nghệ"])
    assert 14 < one < engine.NAME_COLUMN_CAP
    assert engine.pt_lines("Tổ Khoa học tự nhiên – Công nghệ", one * engine.CHAR_PT - engine.CELL_PAD_PT) == 1
    two = engine.name_width(14, [LONG_DEPARTMENT])
    assert two <= engine.NAME_COLUMN_CAP
    assert engine.pt_lines(LONG_DEPARTMENT, two * engine.CHAR_PT - engine.CELL_PAD_PT) == 2  # two lines, not three
    assert engine.pt_lines(LONG_DEPARTMENT, 14 * engine.CHAR_PT - engine.CELL_PAD_PT) >= 3  # as it was


def test_a_paper_s_department_column_takes_two_lines_at_most_the_others_sharing_the_rest():
    widths = (14, 44, 28, 38, 26, 44, 24, 34)  # the Danh sách's columns, in proportion
    assert name_column(widths, 3, ["Tổ khối 1"], 252, cap_mm=NAME_COLUMN_MM[True]) == widths  # unchanged
    wider = name_column(widths, 3, [LONG_DEPARTMENT], 252, cap_mm=NAME_COLUMN_MM[True])
    assert sum(wider) == pytest.approx(252) and 38 < wider[3] <= NAME_COLUMN_MM[True]
    room = (wider[3] - 3.8 - 1) * 72 / 25.4
    assert engine.pt_lines(LONG_DEPARTMENT, room) == 2
    assert wider[1] / wider[2] == pytest.approx(44 / 28)  # the others keep their proportions


@pytest.fixture(scope="module")
def registration_book(tmp_path_factory):
    """A department's registration book of the sample school renamed: a name with its place, a long department."""
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _ = open_campaign(SAMPLES / "campaign.xlsx")
    c = folder.campaign
    departments = (dataclasses.replace(c.departments[0], name=LONG_DEPARTMENT), *c.departments[1:])
    c = dataclasses.replace(c, departments=departments, school=dataclasses.replace(
        c.school, name=SCHOOL, managing_body=BODY, place="Bắc Sơn"))
    path = tmp_path_factory.mktemp("dang-ky") / "dang-ky.xlsx"
    write_issued_workbook(department_spec(c, c.departments[0], ly.REGISTRATION), path)[0]
    return path


def test_the_registration_book_keeps_the_province_in_rows_as_high_as_their_lines(registration_book):
    wb = load_workbook(registration_book)
    for ws in (wb[ly.REG_PEOPLE_SHEET], wb[ly.REG_COLLECTIVE_SHEET]):
        body, school = ws["A1"].value, ws["A2"].value
        assert " ".join(body.split("\n")) == BODY.upper() and " ".join(school.split("\n")) == SCHOOL.upper()
        assert any(line.endswith("TỈNH LẠNG SƠN") for line in school.split("\n"))  # the place whole on its line
        for row, text in ((1, body), (2, school)):
            assert ws.row_dimensions[row].height >= engine.row_height(text.count("\n") + 1), (ws.title, row)
    ws = wb[ly.REG_PEOPLE_SHEET]
    subtitle_row = next(r for r in range(1, 12) if str(ws.cell(r, 1).value or "").startswith(LONG_DEPARTMENT))
    subtitle = ws.cell(subtitle_row, 1).value
    assert subtitle.endswith(SCHOOL)  # ", tỉnh Lạng Sơn" and all
    width = sum(ws.column_dimensions[chr(65 + k)].width for k in range(8))
    lines = engine.cell_lines(subtitle, width)
    assert lines == 1 or ws.row_dimensions[subtitle_row].height >= engine.row_height(lines)


def test_a_subtitle_too_long_for_one_line_gets_the_rows_of_its_lines(tmp_path):
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _ = open_campaign(SAMPLES / "campaign.xlsx")
    c = folder.campaign
    name = LONG_DEPARTMENT + " và các lớp ghép của điểm trường Nà Pàn, Khuổi Phầy, Bản Chắt"
    c = dataclasses.replace(c, departments=(dataclasses.replace(c.departments[0], name=name), *c.departments[1:]),
                            school=dataclasses.replace(c.school, name=SCHOOL, managing_body=BODY))
    path = tmp_path / "dang-ky.xlsx"
    write_issued_workbook(department_spec(c, c.departments[0], ly.REGISTRATION), path)[0]
    ws = load_workbook(path)[ly.REG_PEOPLE_SHEET]
    row = next(r for r in range(1, 12) if str(ws.cell(r, 1).value or "").startswith(name))
    assert ws.row_dimensions[row].height >= engine.row_height(2)


@pytest.mark.libreoffice
def test_libreoffice_prints_the_registration_book_s_names_whole(registration_book, tmp_path):
    require_libreoffice()
    pdf = convert(registration_book, "pdf", tmp_path)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "TỈNH LẠNG SƠN" in flat and "Bắc Quỳnh, xã Bắc Sơn, tỉnh Lạng Sơn" in flat
    assert "Tổ chuyên môn khối Một và khối Hai (Tiếng Việt, Toán)" in flat
