"""Reading what comes in: files of other programs and cells that hide what they hold."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile

import pytest

from thidua_xlsx.read.department.cells import load_values
from thidua_xlsx.read.department.formulas import constants

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:gnm="http://www.gnumeric.org/odf-extension/1.0" office:version="1.2"')

# As Gnumeric 1.12 writes an .ods: indented, a line break inside a cell as <text:line-break/>, covered
# cells of a merged range, named ranges after the rows.
GNUMERIC_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>

<office:document-content {NS}>
  <office:scripts/>
  <office:body>
    <office:spreadsheet>
      <table:table table:name="Phiếu">
        <table:table-column table:number-columns-repeated="3"/>
        <table:table-row>
          <table:table-cell office:value-type="string" table:number-columns-spanned="2">
            <text:p>Đạo đức nhà giáo<text:line-break/>(Minh chứng)</text:p>
          </table:table-cell>
          <table:covered-table-cell/>
          <table:table-cell office:value-type="float" office:value="9.5">
            <text:p>9.5</text:p>
          </table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell table:formula="of:=IF([.C1]&gt;=90;&quot;Tốt&quot;;&quot;&quot;)" office:value-type="string" office:string-value="">
            <text:p/>
          </table:table-cell>
        </table:table-row>
        <table:named-expressions>
          <table:named-range table:name="Print_Area" table:cell-range-address="$'Phiếu'.$A$1:.$C$2" table:base-cell-address="$'Phiếu'.$A$1"/>
        </table:named-expressions>
      </table:table>
    </office:spreadsheet>
  </office:body>
</office:document-content>
"""


def gnumeric_ods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        zf.writestr("content.xml", GNUMERIC_CONTENT)
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest='
                    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '</manifest:manifest>')
    return buffer.getvalue()


def test_an_ods_written_by_gnumeric_is_read_though_calamine_alone_stops_at_its_indentation():
    from python_calamine import CalamineWorkbook

    data = gnumeric_ods()
    with pytest.raises(Exception):  # why it was called "corrupt": calamine 0.9 refuses the indentation
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Phiếu").to_python()

    sheet = load_values(data)["Phiếu"]

    assert sheet.text(0, 0) == "Đạo đức nhà giáo (Minh chứng)"  # the line break is a space, not nothing
    assert sheet.value(0, 2) == 9.5


@pytest.mark.parametrize("formula, found", [
    ('=IF(D23="","",IF(AND(D23>=90,D12>=15),"Xuất sắc","Tốt"))', ["", "", 90, 15, "Xuất sắc", "Tốt"]),
    ("of:=IF([.D23]=\"\";\"\";IF(AND([.D23]>=90;[.D12]>=15);\"Xuất sắc\";\"Tốt\"))".split(":", 1)[1],
     ["", "", 90, 15, "Xuất sắc", "Tốt"]),  # LibreOffice's syntax: the same constants
    ("='01 Nguyễn Thị Lan'!D23+$G$10-LOG10(2.5)", [2.5]),  # references and function names are no constants
    ('=IF(F10<>"",F10,E10)&" ô ""x"""', ["", ' ô "x"']),
])
def test_a_formula_is_compared_by_its_constants(formula, found):
    import json

    assert json.loads(constants(formula)) == found


def test_a_workbook_resaved_by_gnumeric_merges_like_the_original(tmp_path):
    """Where Gnumeric's ssconvert is installed: a filled workbook re-saved as .ods by Gnumeric is read, its
    locked cells and formulas as issued, its scores the same."""
    import datetime as dt

    from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
    from thidua_xlsx.service import merge_inbox

    ssconvert = shutil.which("ssconvert")
    if ssconvert is None:
        pytest.skip("Gnumeric (ssconvert) không có trên máy này – bỏ qua")
    folder, (t1, t2) = scoring_round(tmp_path / "school")
    filled, inbox = tmp_path / "filled", tmp_path / "inbox"
    fill_department(t1, filled / t1.name, T1_SCORES, dt.datetime(2026, 5, 10))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 10))
    clean = {p.code: p.final for p in merge_inbox(filled, folder).people if p.department == "T1"}
    ods = inbox / t1.name.replace(".xlsx", ".ods")
    subprocess.run([ssconvert, str(filled / t1.name), str(ods)], check=True, capture_output=True, timeout=120)

    summary = merge_inbox(inbox, folder)

    assert {f.name: f.status for f in summary.files}[ods.name] == "accepted"
    assert [i.render() for i in summary.issues if i.file == ods.name and i.severity == "error"] == []
    assert {p.code: p.final for p in summary.people if p.department == "T1"} == clean


def test_a_long_value_is_cut_in_a_message_and_nothing_else_of_it_changes():
    from thidua_xlsx.text.messages import shortened

    assert shortened("ngắn, gọn") == "ngắn, gọn"
    assert shortened("a, b" * 30) == "a, b" * 20 + "… (120 ký tự)"  # its commas stay commas
    assert shortened("x" * 32767).endswith("x… (32.767 ký tự)")


def test_books_of_one_size_are_copies_only_when_byte_identical_their_last_bytes_told_first(tmp_path):
    """The look-up for copies tells books of the same size apart by their last bytes (a zip's directory) before
    hashing any: a book whose beginning differs is no copy though it ends the same, one that differs only in its last
    bytes is none either, and a byte-identical one is still found, named after the first."""
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.steps.parallel import TAIL_BYTES, find_copies

    book = b"PK" + bytes(range(256)) * 64
    head_changed, tail_changed = bytearray(book), bytearray(book)
    head_changed[10] ^= 1
    tail_changed[-TAIL_BYTES // 2] ^= 1
    for name, data in (("a.xlsx", book), ("b.xlsx", bytes(head_changed)), ("c.xlsx", bytes(tail_changed)),
                       ("d.xlsx", book)):
        (tmp_path / name).write_bytes(data)
    items = scan_inbox(tmp_path)
    names = [item.name for item in items]
    assert {names[k]: (names[first], digest) for k, (first, digest) in find_copies(items).items()} == {
        "d.xlsx": ("a.xlsx", hashlib.sha256(book).hexdigest())}
