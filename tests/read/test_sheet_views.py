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


def _sheet(rows: str, cols: str = "", defaults: str = "") -> bytes:
    return (f'<worksheet {MAIN}>{defaults}{cols}<sheetData>{rows}</sheetData></worksheet>').encode()


@pytest.mark.parametrize("height", ["0E0", "-0", "0.1", "3.9", "&#48;", "-15", "NaN"])
def test_a_row_too_low_to_read_is_hidden_however_its_height_is_spelled(height):
    """Found by trying: ``0E0`` and ``-0`` are zero to the parse but were not to the quick look that skips it; a row a
    tenth of a point high shows nothing either. Each is told as hidden (with the rest of the sheet as written)."""
    row = f'<row r="7" ht="{height}" customHeight="1"><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c></row>'
    assert _view(_sheet(row), {}).hidden_rows == {6}


@pytest.mark.parametrize("height", ["4", "15", "0015.75", "12.8"])
def test_a_row_high_enough_to_read_is_as_written(height):
    row = f'<row r="7" ht="{height}" customHeight="1"><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c></row>'
    assert _view(_sheet(row), {}).hidden_rows == frozenset()


@pytest.mark.parametrize(("width", "hidden"), [("0.5", {1}), ("1e-3", {1}), ("-8", {1}), ("1", set()),
                                               ("8.43", set())])
def test_a_column_too_narrow_to_read_is_hidden(width, hidden):
    cols = f'<cols><col min="2" max="2" width="{width}" customWidth="1"/></cols>'
    row = '<row r="7"><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c></row>'
    assert _view(_sheet(row, cols), {}).hidden_columns == hidden


def test_the_sheet_s_default_size_too_small_hides_the_rows_and_columns_that_have_none_of_their_own():
    """A row without a height of its own is as high as the sheet's default, a column no ``<col>`` sizes as wide as
    its default: a default of a point hides a name as a row of a point does. A sheet's zeroHeight hides only the rows
    it does not list (Excel shows a listed row: XlsxWriter's default_row02, made by Excel, in tests/excel_books)."""
    rows = ('<row r="1" ht="15"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
            '<row r="7"><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c><c r="C7"><v>1</v></c></row>')
    cols = '<cols><col min="1" max="1" width="5" customWidth="1"/></cols>'
    view = _view(_sheet(rows, cols, '<sheetFormatPr defaultRowHeight="1" defaultColWidth="0.3"/>'), {})
    assert (view.hidden_rows, view.hidden_columns) == ({6}, {1, 2})  # A is sized: 5 characters
    seen = _view(_sheet(rows, cols, '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>'), {})
    assert (seen.hidden_rows, seen.hidden_columns) == (frozenset(), frozenset())


def test_the_cells_a_conditional_format_applies_to_are_told_where_there_is_content():
    """Found by trying: a conditional format can bring a number format (``;;;"Nguyễn Văn B"`` showed another name in
    LibreOffice) or a colour, and the tool writes none on a list. Both kinds: the sheet's own and Excel 2010's."""
    rows = ('<row r="7"><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c><c r="C7" t="inlineStr"><is><t>GV</t>'
            '</is></c></row><row r="9"><c r="B9" t="inlineStr"><is><t>Trần C</t></is></c></row>')
    own = '<conditionalFormatting sqref="B7 B8:C12"><cfRule type="expression" dxfId="0"/></conditionalFormatting>'
    x14 = ('<extLst><ext uri="{78C0D931}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
           'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:conditionalFormattings>'
           '<x14:conditionalFormatting><x14:cfRule type="expression"/><xm:sqref>$C$7</xm:sqref>'
           '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>')
    as_excel = f'<worksheet {MAIN}><sheetData>{rows}</sheetData>'
    assert _view(f"{as_excel}{own}</worksheet>".encode(), {}).conditional == {(6, 1), (8, 1)}  # not the empty B8
    assert _view(f"{as_excel}{x14}</worksheet>".encode(), {}).conditional == {(6, 2)}
    whole = own.replace('sqref="B7 B8:C12"', 'sqref="B:B"')  # not a range as Excel writes one: the whole sheet
    assert _view(f"{as_excel}{whole}</worksheet>".encode(), {}).conditional == {(6, 1), (6, 2), (8, 1)}


@pytest.mark.parametrize("attributes", [' hidden=" 1"', ' hidden="on"', ' ht="2pt" customHeight="1"'])
def test_a_row_hidden_or_sized_in_another_spelling_is_hidden(attributes):
    """Found by trying: " 1" and "on" hid a row in LibreOffice, "2pt" drew it 1.5 points high; each read as shown."""
    row = f'<row r="7"{attributes}><c r="B7" t="inlineStr"><is><t>Lê Thị B</t></is></c></row>'
    assert _view(_sheet(row), {}).hidden_rows == {6}


@pytest.mark.parametrize("style", ["031", " 1", "+1"])
def test_a_style_number_in_another_spelling_is_the_same_style(style):
    """Found by trying: s="031" carried a format showing another name, and neither the quick look nor the parse took
    it for style 31."""
    row = f'<row r="7"><c r="B7" s="{style}" t="inlineStr"><is><t>Lê Thị B</t></is></c></row>'
    assert _view(_sheet(row), {int(style): ';;;"Nguyễn Văn B"'}).formats == {(6, 1): ';;;"Nguyễn Văn B"'}
