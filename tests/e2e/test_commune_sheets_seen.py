"""What a person sees on a school's sealed final summary is compared at the commune, not only the values cached in its
cells: a number format that shows another name, a formula whose result is not the value kept, a hidden row or column,
a row that is no line of the list, a cell beside the table, the proof columns of a line typed over, a sheet the tool
never writes — and a year made from its periods has its sheet Tập thể compared too. Each is said with its place, and
the proposal whose line it touches is held for the officer (out of Danh sách); the rest is said for the school."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from tests.ui.pages import commune_campaign
from thidua_xlsx.cli import main
from thidua_xlsx.read.containment import sheet_names

FINAL = "TH-Truc-Cuong_tong-hop-cuoi.xlsx"  # Trực Cường's sealed final summary, as the school's tool wrote it
YEAR = "THCS-Kim-Son_ca-nam.xlsx"  # Kim Sơn's year made from its periods: no proposal sheet, its lists in Tập thể
SCHOOL = "Trường Tiểu học Trực Cường"
LIST, COLLECTIVE = "Đề nghị khen thưởng", "Tập thể"
YEN = ("Trịnh Thị Hải Yến", "CSTDCS")  # on the CSTĐCS list, row 26 of sheet Đề nghị khen thưởng


def _commune(tmp_path: Path, edit=None, file: str = FINAL) -> Path:
    """The sample commune, ``file`` edited by ``edit`` (an openpyxl workbook, saved as a spreadsheet program saves
    it); Trực Cường's older version taken out, so that its final summary is the one used."""
    folder = commune_campaign(tmp_path)
    (folder / "inbox" / "TH-Truc-Cuong_tong-hop.xlsx").unlink()
    if edit is not None:
        wb = load_workbook(folder / "inbox" / file)
        edit(wb)
        wb.save(folder / "inbox" / file)
    return folder


def _merged(folder: Path) -> tuple[str, dict]:
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(folder / "xa.xlsx"), "--json",
                                       str(folder / "xa.json")])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), json.loads((folder / "xa.json").read_text("utf-8"))


def _held(data: dict, school: str = "TH-TC") -> set[tuple[str, str]]:
    return {(h["name"], h["title"]) for h in data["held"] if h["school"] == school}


def _listed(data: dict, school: str = "TH-TC") -> set[tuple[str, str]]:
    return {(p["name"], p["title"]) for p in data["proposals"] if p["school"] == school}


def _row(ws, name: str, title: str):
    return next(r for r in ws.iter_rows() if r[1].value == name and r[6].value == title)


def _department(ws, name: str):
    return next(r for r in ws.iter_rows() if r[0].value == name)


@pytest.mark.parametrize("code", [';;;"Nguyễn Văn B"', '"Nguyễn Văn B"', '@" (CSTĐ tỉnh)"'],
                         ids=["text section", "literal", "text after"])
def test_a_number_format_that_shows_another_name_is_said_and_the_line_held(tmp_path, code):
    """A custom format on the name cell can show a name (or a title) that is not the cell's: the tool writes only
    General, numbers and dates on its lists, so any other format there is a change."""
    def formatted(wb) -> None:
        _row(wb[LIST], "Trịnh Thị Hải Yến", "Chiến sĩ thi đua cơ sở")[1].number_format = code

    said, data = _merged(_commune(tmp_path, formatted))
    assert f"Danh sách đề nghị trong bảng tổng hợp của {SCHOOL} đã bị sửa tay" in said
    assert f"ô B26 ở sheet {LIST} có định dạng số chương trình không dùng" in said
    assert _held(data) == {YEN} and YEN not in _listed(data)


def _with_cell(path: Path, sheet: str, ref: str, cell_xml: str) -> None:
    """The cell ``ref`` of ``sheet`` replaced in the file's XML by ``cell_xml`` (its style kept), every other byte of
    the package as it was: a formula with the value a spreadsheet program cached for it, which openpyxl would drop."""
    data = path.read_bytes()
    part = "xl/worksheets/" + {name: part for part, name in sheet_names(data).items()}[sheet]
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == part:
                xml = content.decode("utf-8")
                old = re.search(rf'<c r="{ref}"( s="\d+")?[^>]*?(?:/>|>.*?</c>)', xml)
                assert old is not None
                content = (xml[:old.start()] + cell_xml.format(ref=ref, style=old[1] or "") + xml[old.end():]).encode()
            target.writestr(item, content)
    path.write_bytes(out.getvalue())


def test_a_formula_whose_cached_value_is_the_data_s_is_said_and_held_in_a_second_process(tmp_path):
    """The cell keeps the data's title as its cached value (what calamine reads, what the digest saw), while Excel
    shows what the formula computes when it opens the file: a higher title. Merged by the CLI in its own process."""
    folder = _commune(tmp_path)
    _with_cell(folder / "inbox" / FINAL, LIST, "G26", '<c r="{ref}"{style} t="str"><f>IF(TRUE,"Chiến sĩ thi đua '
               'cấp tỉnh")</f><v>Chiến sĩ thi đua cơ sở</v></c>')
    book = CalamineWorkbook.from_path(folder / "inbox" / FINAL)
    assert book.get_sheet_by_name(LIST).to_python(skip_empty_area=False)[25][6] == "Chiến sĩ thi đua cơ sở"

    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", str(folder / "inbox"), "-o",
                           str(folder / "xa.xlsx"), "--json", str(folder / "xa.json")],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())  # the warnings go to the error stream, the files written to the output
    assert f"ô G26 ở sheet {LIST} có công thức (chương trình không ghi công thức" in said
    data = json.loads((folder / "xa.json").read_text("utf-8"))
    assert _held(data) == {YEN} and YEN not in _listed(data)
    listed = [row for row in CalamineWorkbook.from_path(folder / "xa.xlsx").get_sheet_by_name("Danh sách").to_python()
              if "Trịnh Thị Hải Yến" in row]
    assert [row for row in listed if "Chiến sĩ thi đua cơ sở" in row] == []


def test_a_formula_that_computes_the_data_s_title_over_a_raised_cached_one_is_said_and_held(tmp_path):
    """The reverse: the value cached (what a viewer that does not compute shows) is a higher title, the formula the
    data's. Both are said: the formula, and the title the cell shows."""
    folder = _commune(tmp_path)
    _with_cell(folder / "inbox" / FINAL, COLLECTIVE, "H10", '<c r="{ref}"{style} t="str"><f>"Tập thể lao động '
               'tiên tiến"</f><v>Tập thể lao động xuất sắc</v></c>')
    said, data = _merged(folder)
    assert f"ô H10 ở sheet {COLLECTIVE} có công thức" in said
    assert "sửa đề nghị của Tổ khối 4-5 ở sheet Tập thể thành 'Tập thể lao động xuất sắc'" in said
    assert _held(data) == {("Tổ khối 4-5", "TTLDTT")}


def test_a_hidden_row_of_a_list_is_said_and_its_line_held(tmp_path):
    def hidden(wb) -> None:
        ws = wb[LIST]
        ws.row_dimensions[_row(ws, "Trịnh Thị Hải Yến", "Chiến sĩ thi đua cơ sở")[0].row].hidden = True

    said, data = _merged(_commune(tmp_path, hidden))
    assert f"dòng 26 ở sheet {LIST} bị ẩn (người đọc không thấy dòng này)" in said
    assert _held(data) == {YEN} and YEN not in _listed(data)


def test_a_hidden_column_is_said_for_the_school(tmp_path):
    """A column hidden touches every line alike: said for the school, no line held for it."""
    def hidden(wb) -> None:
        wb[LIST].column_dimensions["H"].hidden = True

    said, data = _merged(_commune(tmp_path, hidden))
    assert f"cột H ở sheet {LIST} bị ẩn" in said
    assert _held(data) == set()


def test_a_row_added_whose_stt_is_text_is_said(tmp_path):
    """A row whose STT is typed as text is no numbered line (it was not compared); the tool writes nothing else with
    a name or a title on the list: it is said, and nothing of it is decided."""
    below = []  # the row under the list's last line, left empty by the tool

    def added(wb) -> None:
        below.append(_row(wb[LIST], "Đinh Tất Đắc", "Chiến sĩ thi đua cơ sở")[0].row + 1)
        for col, value in enumerate(["7", "Nguyễn Văn B", "Giáo viên", "Tổ khối 1", "HTXSNV", "", "Chiến sĩ thi đua "
                                     "cơ sở"], start=1):
            wb[LIST].cell(below[0], col, value)

    said, data = _merged(_commune(tmp_path, added))
    assert (f"thêm dòng {below[0]} ở sheet {LIST} ('7 – Nguyễn Văn B – Giáo viên – Tổ khối 1 – HTXSNV – Chiến sĩ thi "
            "đua cơ sở') không phải dòng của danh sách") in said
    assert not {name for name, _title in _listed(data) | _held(data)} & {"Nguyễn Văn B"}
    assert _held(data) == set()


def test_a_cell_typed_beside_the_table_is_said_and_its_line_held(tmp_path):
    def beside(wb) -> None:
        ws = wb[LIST]
        ws.cell(_row(ws, "Trịnh Thị Hải Yến", "Chiến sĩ thi đua cơ sở")[0].row, 12, "Chiến sĩ thi đua cấp tỉnh")

    said, data = _merged(_commune(tmp_path, beside))
    assert f"ô L26 ở sheet {LIST} có nội dung ngoài bảng chương trình ghi" in said
    assert _held(data) == {YEN}


def test_the_proof_columns_typed_over_are_said_and_the_line_held(tmp_path):
    """What a CSTĐCS rests on (HTXSNV, a sáng kiến with its decision) is shown beside the line; typed over, it no
    longer says what the data (from which the commune decides) says."""
    def typed(wb) -> None:
        row = _row(wb[LIST], "Trần Hoàng Ngọc Phương Uyên", "Chiến sĩ thi đua cơ sở")
        row[4].value = "HTXSNV"
        row[7].value = "Sáng kiến khác, cấp Tỉnh, QĐ 99/QĐ-SGDĐT"

    said, data = _merged(_commune(tmp_path, typed))
    assert ("sửa cột minh chứng của Trần Hoàng Ngọc Phương Uyên (Chiến sĩ thi đua cơ sở) thành Xếp loại viên chức: "
            "'HTXSNV'; Sáng kiến (tên, cấp, số QĐ): 'Sáng kiến khác, cấp Tỉnh, QĐ 99/QĐ-SGDĐT' (khác dữ liệu của "
            "tệp)") in said
    assert _held(data) == {("Trần Hoàng Ngọc Phương Uyên", "CSTDCS")}


def test_a_sheet_the_tool_never_writes_is_said(tmp_path):
    def added(wb) -> None:
        wb.create_sheet("Ghi chú").cell(1, 1, "Tổ khối 4-5 đề nghị Tập thể lao động xuất sắc")

    said, data = _merged(_commune(tmp_path, added))
    assert "thêm sheet 'Ghi chú' (chương trình không ghi sheet này)" in said
    assert _held(data) == set()


def test_a_year_made_from_its_periods_has_its_tap_the_compared(tmp_path):
    """A year made from its periods seals no proposal sheet (its people are named in its Biên bản and Tờ trình); its
    sheet Tập thể is still the school's word on its departments, and is compared."""
    def raised(wb) -> None:
        _department(wb[COLLECTIVE], "Tổ Ngữ văn")[7].value = "Tập thể lao động xuất sắc"

    said, data = _merged(_commune(tmp_path, raised, YEAR))
    assert ("sửa đề nghị của Tổ Ngữ văn ở sheet Tập thể thành 'Tập thể lao động xuất sắc' (dữ liệu đề nghị Tập thể "
            "lao động tiên tiến)") in said
    assert ("Tổ Ngữ văn", "TTLDTT") in _held(data, "THCS-KS")
    assert ("Tổ Ngữ văn", "TTLDTT") not in _listed(data, "THCS-KS")


def test_the_sample_summaries_saved_again_by_a_spreadsheet_program_are_not_called_edited(tmp_path):
    """Opened and saved again without a change (openpyxl, as Excel saves: shared strings, its own styles), the
    sealed summaries show what the tool wrote: nothing is said of them beyond what the sample says already."""
    folder = _commune(tmp_path)
    for path in (folder / "inbox").glob("*.xlsx"):
        load_workbook(path).save(path)
    said, data = _merged(folder)
    assert f"Danh sách đề nghị trong bảng tổng hợp của {SCHOOL} đã bị sửa tay" not in said
    assert "Trường THCS Kim Sơn đã bị sửa tay" not in said
    assert _held(data) == set()


@pytest.mark.libreoffice
def test_the_sample_summaries_saved_again_by_libreoffice_read_as_the_files_they_were(tmp_path):
    """A secretary who opens her sealed summary in LibreOffice Calc and saves it as .xlsx, changing nothing: LibreOffice
    writes every sheet, style and number format anew, yet the commune reads each file as it read the tool's own —
    the same schools proven, the same lines listed and held, nothing said as edited."""
    from tests.libreoffice import fill

    as_written = _commune(tmp_path / "as-written")
    resaved = _commune(tmp_path / "resaved")
    for path in sorted((resaved / "inbox").glob("*.xlsx")):
        fill(path, [], [], out_xlsx=path)
    said_before, before = _merged(as_written)
    said, after = _merged(resaved)
    assert said.count("đã bị sửa tay") == said_before.count("đã bị sửa tay")  # the sample's own: Thử Nghiệm's
    for key in ("proposals", "held", "counts"):
        assert after[key] == before[key], key
    assert [(s["code"], s["origin"], s["edited"]) for s in after["schools"]] == [
        (s["code"], s["origin"], s["edited"]) for s in before["schools"]]


def _rewritten(path: Path, change) -> None:
    """Every part of the file at ``path`` put through ``change(name, bytes) -> (name, bytes)``, as a person with a zip
    tool would: a part renamed or its XML edited, the rest as it was."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            name, content = change(item.filename, source.read(item.filename))
            target.writestr(name, content)
    path.write_bytes(out.getvalue())


def _moved(path: Path, part: str, to: str, edit=lambda xml: xml) -> None:
    """``part`` moved to ``to`` (its relationship and content type following it, as Excel would find it) and
    ``edit`` applied to it: where Excel, LibreOffice and calamine read it, and the tool's checks did not look."""
    old, new = part.removeprefix("xl/"), to.removeprefix("xl/")

    def change(name: str, content: bytes) -> tuple[str, bytes]:
        if name == part:
            return to, edit(content)
        if name in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
            return name, content.replace(f'"{old}"'.encode(), f'"{new}"'.encode()).replace(
                f'"/{part}"'.encode(), f'"/{to}"'.encode())
        return name, content
    _rewritten(path, change)


def _part_of(path: Path, sheet: str) -> str:
    return "xl/worksheets/" + {name: part for part, name in sheet_names(path.read_bytes()).items()}[sheet]


@pytest.mark.parametrize("how", ["sheet with a formula", "style sheet with a format", "shared strings",
                                 "sheet with a cell far away"])
def test_a_part_moved_where_no_spreadsheet_program_puts_it_refuses_the_file_and_the_run_goes_on(tmp_path, how):
    """Found by trying: the list check looked for each sheet and the style sheet by their usual names, the extent
    check only under xl/worksheets/, while Excel and calamine follow the relationships — a sheet moved to xl/alt/ with
    a formula over a name, the style sheet moved with a format showing another name, went unsaid; the same sheet with
    one cell at XFD1048576 made calamine ask for 512 GB and the whole merge abort. calamine reads the shared strings by
    their usual name, Excel by the relationship: moved, Excel shows other names than the tool reads."""
    folder = _commune(tmp_path)
    book = folder / "inbox" / FINAL
    sheet = _part_of(book, LIST)
    if how == "sheet with a formula":
        _with_cell(book, LIST, "B26", '<c r="{ref}"{style} t="str"><f>"Nguyễn Văn B"</f><v>Trịnh Thị Hải Yến</v></c>')
        _moved(book, sheet, "xl/alt/sheet5.xml")
    elif how == "style sheet with a format":
        _moved(book, "xl/styles.xml", "xl/st/styles.xml")
    elif how == "shared strings":  # the tool writes its strings in the cells; a list of them at the usual name …
        strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{}</t></si></sst>'
        with zipfile.ZipFile(book, "a") as added:
            added.writestr("xl/sharedStrings.xml", strings.format("Trịnh Thị Hải Yến"))
            added.writestr("xl/strings.xml", strings.format("Nguyễn Văn B"))  # … and the one Excel is sent to
        rel = (b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               b'sharedStrings" Target="strings.xml"/></Relationships>')
        _rewritten(book, lambda name, xml: (name, xml.replace(b"</Relationships>", rel)
                                            if name == "xl/_rels/workbook.xml.rels" else xml))
    else:
        _moved(book, sheet, "xl/alt/sheet5.xml", lambda xml: xml.replace(
            b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))

    said, data = _merged(folder)
    assert f"Không đọc được '{FINAL}' như một bảng tổng hợp của trường" in said
    assert f"{SCHOOL} (trong sheet Các trường) chưa gửi bảng tổng hợp cuối năm" in said
    assert _listed(data) == set() and "THCS-KS" in {p["school"] for p in data["proposals"]}


@pytest.mark.libreoffice
def test_a_summary_saved_as_ods_is_read_and_every_proposal_of_it_held(tmp_path):
    """Found by trying: LibreOffice's .ods of a sealed summary read as sealed and unedited, with none of the checks of
    what a person sees (a row collapsed in content.xml hid a line, unsaid). Its data and seal are read; its lists as
    shown cannot be compared, so each of its proposals waits for the officer, and the school is told to send .xlsx."""
    from tests.libreoffice import fill

    folder = _commune(tmp_path)
    book = folder / "inbox" / FINAL
    fill(book, [], [], out_ods=book.with_suffix(".ods"))
    book.unlink()
    said, data = _merged(folder)
    assert f"Bảng tổng hợp của {SCHOOL} ('{Path(FINAL).stem}.ods') đã được lưu lại dạng khác .xlsx" in said
    held = [h for h in data["held"] if h["school"] == "TH-TC"]
    assert _listed(data) == set() and held and all(
        {"code": "level_above.held_not_xlsx", "params": {}} in h["why"] for h in held)
    assert ("Tạm giữ Lê Thị Bích Thủy (Trường Tiểu học Trực Cường) – Chiến sĩ thi đua cấp tỉnh: tệp của trường không "
            "ở dạng .xlsx: không kiểm được danh sách như người đọc thấy") in said
    assert [s["origin"] for s in data["schools"] if s["code"] == "TH-TC"] == ["sealed"]  # its seal still proves it


def test_a_conditional_format_on_a_name_is_said_and_the_line_held(tmp_path):
    """Found by trying: a conditional format on B26 whose style brings ``;;;"Nguyễn Văn Giả"`` showed that name in
    LibreOffice's print of the sealed summary, and the commune said nothing. The tool writes no conditional format on
    a list: one there is a change, its line held."""
    folder = _commune(tmp_path)
    book = folder / "inbox" / FINAL
    sheet = _part_of(book, LIST)
    styles = zipfile.ZipFile(book).read("xl/styles.xml")
    dxfs = int(re.search(rb'<dxfs count="(\d+)"', styles)[1])  # the tool's own (sheet Kiểm tra's), the new one after
    rule = (f'<conditionalFormatting sqref="B26"><cfRule type="expression" dxfId="{dxfs}" priority="1"><formula>TRUE'
            '</formula></cfRule></conditionalFormatting>').encode()
    shows = '<dxf><numFmt numFmtId="200" formatCode=";;;&quot;Nguyễn Văn Giả&quot;"/></dxf></dxfs>'.encode()

    def change(name: str, xml: bytes) -> tuple[str, bytes]:
        if name == sheet:
            assert b"<pageMargins" in xml
            return name, xml.replace(b"<pageMargins", rule + b"<pageMargins", 1)
        if name == "xl/styles.xml":
            return name, xml.replace(b"</dxfs>", shows, 1)
        return name, xml
    _rewritten(book, change)

    said, data = _merged(folder)
    assert f"ô B26 ở sheet {LIST} có định dạng có điều kiện (chương trình không dùng" in said
    assert _held(data) == {YEN} and YEN not in _listed(data)
