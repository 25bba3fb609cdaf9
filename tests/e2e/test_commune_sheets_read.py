"""Every sheet of a school's sealed final summary that a person reads is compared with the sealed data, at the
commune's merge (CLI) and on its page: a department's title raised on sheet "Tập thể", a list sheet hidden with an
edited copy shown in its place, a caption's count that is not its list's; and a file carrying a macro project, named
.xlsx, is said and its proposals held."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.ui.pages import TOKEN, client, commune_campaign, text, wait_job
from thidua_xlsx.cli import main
from thidua_xlsx.ui.security import form_token

FINAL = "TH-Truc-Cuong_tong-hop-cuoi.xlsx"  # Trực Cường's sealed final summary, as the school's tool wrote it
SCHOOL = "Trường Tiểu học Trực Cường"


def _commune(tmp_path: Path, edit) -> Path:
    """The sample commune with Trực Cường's final summary edited by ``edit`` (an openpyxl workbook, in place); its
    older version taken out, so that the edited file is the one used."""
    folder = commune_campaign(tmp_path)
    (folder / "inbox" / "TH-Truc-Cuong_tong-hop.xlsx").unlink()
    path = folder / "inbox" / FINAL
    if edit is not None:
        wb = load_workbook(path)
        edit(wb)
        wb.save(path)
    return folder


def _merged(folder: Path) -> tuple[str, dict]:
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(folder / "xa.xlsx"), "--json",
                                       str(folder / "xa.json")])
    return " ".join(result.output.split()), json.loads((folder / "xa.json").read_text("utf-8"))


def _held(data: dict) -> set[tuple[str, str]]:
    return {(h["name"], h["title"]) for h in data["held"] if h["school"] == "TH-TC"}


def test_the_sample_final_as_written_is_not_called_edited(tmp_path):
    said, data = _merged(_commune(tmp_path, None))
    assert f"Danh sách đề nghị trong bảng tổng hợp của {SCHOOL} đã bị sửa tay" not in said
    assert _held(data) == set()


def _raise_department(wb) -> None:
    ws = wb["Tập thể"]
    row = next(r for r in ws.iter_rows() if r[0].value == "Tổ khối 4-5")
    row[7].value = "Tập thể lao động xuất sắc"


def test_a_department_s_title_raised_on_sheet_tap_the_is_said_and_held(tmp_path):
    said, data = _merged(_commune(tmp_path, _raise_department))
    assert ("sửa đề nghị của Tổ khối 4-5 ở sheet Tập thể thành 'Tập thể lao động xuất sắc' (dữ liệu đề nghị Tập "
            "thể lao động tiên tiến)") in said
    assert _held(data) == {("Tổ khối 4-5", "TTLDTT")}


@pytest.mark.parametrize(("department", "registered", "shown", "data", "held"), [
    ("Tổ khối 4-5", "Tập thể lao động tiên tiến", "Tập thể lao động xuất sắc",
     "tổ đăng ký Tập thể lao động tiên tiến", {("Tổ khối 4-5", "TTLDTT")}),
    ("Tổ chuyên biệt", None, "Tập thể lao động tiên tiến", "tổ không đăng ký danh hiệu tập thể", set()),
], ids=["raised", "given to one that made none"])
def test_a_department_s_registration_edited_on_sheet_tap_the_is_said_and_its_proposal_held(
        tmp_path, department, registered, shown, data, held):
    """The column beside the proposal is read too: a registration raised (or given) by hand is compared with the
    registration the summary sealed; the department's proposal, if it has one, waits for the officer."""
    def register(wb) -> None:
        row = next(r for r in wb["Tập thể"].iter_rows() if r[0].value == department)
        assert row[6].value == registered  # as it registered
        row[6].value = shown

    said, found = _merged(_commune(tmp_path, register))
    assert f"sửa danh hiệu đăng ký của {department} ở sheet Tập thể thành '{shown}' (dữ liệu: {data})" in said
    assert _held(found) == held


def _copy_shown_original_hidden(wb) -> None:
    original = wb["Đề nghị khen thưởng"]
    copy = wb.copy_worksheet(original)
    copy.title = "Danh sách đề nghị"
    wb.move_sheet(copy, offset=wb.index(original) - wb.index(copy))
    original.sheet_state = "hidden"
    cell = next(c for r in copy.iter_rows() for c in r if c.value == "Lê Thị Bích Thủy")
    cell.value = "Lê Thị Bích Thuỷ Anh"


def test_a_visible_copy_beside_a_hidden_original_is_a_change_and_its_lines_are_compared(tmp_path):
    said, data = _merged(_commune(tmp_path, _copy_shown_original_hidden))
    assert "ẩn sheet 'Đề nghị khen thưởng' (người đọc không thấy danh sách chương trình ghi)" in said
    assert "thêm sheet 'Danh sách đề nghị' chép danh sách" in said
    assert "đổi tên Lê Thị Bích Thủy thành 'Lê Thị Bích Thuỷ Anh'" in said
    assert _held(data) == {("Lê Thị Bích Thủy", "CSTD_TINH")}


def _caption_over_count(wb) -> None:
    ws = wb["Đề nghị khen thưởng"]
    cell = next(c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and c.value.endswith("; 1 người)"))
    cell.value = cell.value.replace("; 1 người)", "; 2 người)")


def test_a_caption_s_count_that_is_not_its_list_s_is_said(tmp_path):
    said, _data = _merged(_commune(tmp_path, _caption_over_count))
    assert f"dòng chú thích '(Kèm theo Tờ trình của {SCHOOL}; 2 người)' ở sheet Đề nghị khen thưởng không khớp " \
           "danh sách bên dưới (1 dòng)" in said


def _rewritten(path: Path, changed: dict[str, tuple[bytes, bytes]], added: dict[str, bytes]) -> None:
    """``path``'s parts with ``changed`` ones' text replaced (part → (old, new)) and ``added`` ones put in."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename in changed:
                data = data.replace(*changed[item.filename])
            target.writestr(item, data)
        for name, data in added.items():
            target.writestr(name, data)
    path.write_bytes(out.getvalue())


def _with_macros(path: Path) -> None:
    """A macro project put into the file, its content types made macro-enabled, its name kept .xlsx."""
    _rewritten(path, {"[Content_Types].xml": (b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")},
               {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 a macro project"})


def _with_a_macro_sheet(path: Path) -> None:
    """An Excel 4.0 macro sheet (its Auto_Open runs when Excel opens the book) related to the workbook under a name of
    its own, its relationship's type written with a character reference; content types left as the tool wrote them."""
    _rewritten(path, {"xl/_rels/workbook.xml.rels": (b"</Relationships>", b'<Relationship Id="rIdM" Type="http://'
                                                     b'schemas.microsoft.com/office/2006/relationships/xl&#77;acrosheet"'
                                                     b' Target="trang.xml"/></Relationships>')},
               {"xl/trang.xml": b"<xm:macrosheet/>"})


@pytest.mark.parametrize("carrying", [_with_macros, _with_a_macro_sheet], ids=["macro-enabled", "macro-sheet"])
def test_a_file_carrying_macros_is_said_and_held_on_the_page_and_in_the_merge(tmp_path, carrying):
    folder = _commune(tmp_path, None)
    carrying(folder / "inbox" / FINAL)
    said, data = _merged(folder)
    assert f"Bảng tổng hợp của {SCHOOL} chứa macro (VBA), dù tên tệp là '{FINAL}'" in said
    proposed = {(p["name"], p["title"]) for p in data["proposals"] if p["school"] == "TH-TC"}
    assert proposed == set() and len(_held(data)) > 5

    shutil.rmtree(folder / "hoi-dong", ignore_errors=True)
    _app, found = client(folder)
    merged = found.post("/xa/tong-hop", data={"csrf": form_token(TOKEN)})
    assert wait_job(found, merged.headers["Location"])["state"] == "done"
    page = text(found.get("/"))
    assert "chứa macro (VBA)" in page and "tệp của trường chứa macro" in page


def _raise_a_department_without_a_title(wb) -> None:
    ws = wb["Tập thể"]
    row = next(r for r in ws.iter_rows() if r[0].value == "Tổ chuyên biệt")
    row[7].value = "Tập thể lao động tiên tiến"


def test_a_title_given_on_sheet_tap_the_to_a_department_the_data_proposes_nothing_for_is_said(tmp_path):
    said, _data = _merged(_commune(tmp_path, _raise_a_department_without_a_title))
    assert ("sửa đề nghị của Tổ chuyên biệt ở sheet Tập thể thành 'Tập thể lao động tiên tiến' (dữ liệu không đề "
            "nghị danh hiệu tập thể nào)") in said
