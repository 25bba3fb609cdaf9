"""An issue as a person reads it (model.issues): the place it names is a person's text — a file's name, a sheet's —
and cannot forge a line of the report."""

from __future__ import annotations

from thidua_xlsx.model.issues import issue


def test_a_sheet_name_with_a_line_break_or_a_bidi_mark_prints_on_one_line_as_it_is():
    """Found by trying: a returned book's sheet named with a line break printed a line of its own ("Lỗi: giả mạo …")
    beneath the real one, and a right-to-left override turned the rest of the line around."""
    said = issue("value.not_number", file="so.xlsx", sheet="01 X\u202eTEKCOL\nLỗi: giả mạo", cell="E13",
                 value="chín", min=0, max=6)
    text = said.render()
    assert "\n" not in text and "\u202e" not in text
    assert "01 X\\u202eTEKCOL\\u000aLỗi: giả mạo!E13" in text
