"""The instructions the workbooks carry for a person (the summary's notes above its tables, the history book's guide,
the department books' Hướng dẫn) name the page's buttons, never a command line to type (page_words.names_a_command:
``merge --period … --council``, ``--json``, ``history --book``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.command_lines import names_a_command
from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import history as hx
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text import workbook as wx

SCHOOL = SimpleNamespace(secretary="Nguyễn Thị Hằng", school_year="2026-2027")


@pytest.mark.parametrize("said", [sx.DETAIL_NOTE, sx.DETAIL_NOTE_PERIOD, sx.YEAR_RULES_NOTE,
                                  *hx.GUIDE])
def test_the_summarys_and_the_history_books_notes_name_buttons(said):
    assert not names_a_command(said), said


def test_the_council_notes_name_the_box_and_the_button():
    assert "chọn tệp này ở ô \"Bảng tổng hợp Hội đồng đã ghi\" và bấm Tổng hợp" in sx.DETAIL_NOTE
    assert "ở trang của kỳ này, chọn tệp ở ô \"Bảng tổng hợp kỳ Hiệu trưởng đã chấm\"" in sx.DETAIL_NOTE_PERIOD
    assert any("bấm Ghi vào sổ lịch sử" in line for line in hx.GUIDE)


@pytest.mark.parametrize("round_", [ly.REGISTRATION, ly.SCORING])
def test_the_department_books_guide_names_no_command(round_):
    for line in wx.guide_lines(round_, "Tổ Toán", SCHOOL, "2027-06-05", "Tổ nhập"):
        assert not names_a_command(line), line
