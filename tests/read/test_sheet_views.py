"""What a sheet shows besides its cached values (read.sheet_views): the number formats that show only the value (the
tool's own among them) against those that can show something else, and the cells, rows and columns a sheet's XML
says hold a formula or are hidden — only where there is something to see."""

from __future__ import annotations

import pytest

from thidua_xlsx.read.sheet_views import _odd_styles, _view

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _styles(code: str, built_in: int = 164) -> bytes:
    return (f'<styleSheet {MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="{code}"/></numFmts>'
            f'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="{built_in}"/></cellXfs></styleSheet>').encode()


@pytest.mark.parametrize("code", ["General", "[$-42A]General", "[$-42A]0.00", "[$-42A]0.0%", "[$-42A]0.0", "0",
                                  "#,##0.00", "@", "dd/mm/yyyy hh:mm", "d/m/yyyy", "0.00E+00",
                                  r"d\-m\-yyyy", r"dd/mm/yy\ hh:mm", "hh:mm;@"])  # the last three: as Excel writes
def test_a_format_that_shows_the_value_as_it_is_is_plain(code):
    """The tool's formats (write.summary.book's STYLES) and their like, as Excel or LibreOffice may save them again."""
    assert _odd_styles(_styles(code)) == {}


@pytest.mark.parametrize("code", [';;;"Nguyễn Văn B"', "&quot;Nguyễn Văn B&quot;", ";;;", '@" (CSTĐ tỉnh)"',
                                  "[White]General", "[>0]0;0", "0,", r"\C\S\T\Đ", "0;-0;;@", "General;General"])
def test_a_format_that_can_show_another_thing_is_told_with_its_code(code):
    """Literal text, a hidden or replaced section, a colour, a condition, a scale: the value is not what shows."""
    found = _odd_styles(_styles(code.replace('"', "&quot;")))
    assert list(found) == [1] and found[1]


def test_a_built_in_format_with_more_than_the_value_is_told_by_its_number():
    assert _odd_styles(_styles("General", built_in=7)) == {1: "#7"}  # a currency format, "$" and brackets


def test_formulas_formats_and_hidden_rows_and_columns_are_told_where_there_is_content():
    xml = (f'<worksheet {MAIN}><cols><col min="2" max="3" hidden="1"/><col min="5" max="5" width="0"/></cols>'
           '<sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" s="1"><v>3</v></c></row>'
           '<row r="2" hidden="1"><c r="C2" t="str"><f>IF(1,"X")</f><v>Y</v></c></row>'
           '<row r="3" hidden="1"><c r="A3" s="1"/></row>'  # hidden, but nothing in it
           '<row r="4" ht="0" customHeight="1"><c r="E4"><v>1</v></c></row>'
           '</sheetData></worksheet>').encode()
    view = _view(xml, {1: ";;;"})
    assert view.formulas == {(1, 2): '=IF(1,"X")'}
    assert view.formats == {(0, 1): ";;;"}  # the styled empty A3 shows nothing
    assert (view.hidden_rows, view.hidden_columns) == ({1, 3}, {1, 2, 4})
