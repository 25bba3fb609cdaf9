"""The province's import file (docs/domain.md §4b): each written file read back the way the
province's importer reads it — first sheet only, rows 2 to its "Nhận đến dòng", columns B–E and R–U, "Ông" →
male, anything else female, a row without CANHAN/TAPTHE/HOGIADINH in R skipped — gives exactly the proposals,
with valid codes of the shipped mapping; a long list is split at the importer's limit and said; a proposal the
mapping cannot code, or a person of unknown gender, is refused by name and never written."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from tests.openxml import unaccepted_findings
from tests.province_import import importer_reads, write_import_files
from thidua_xlsx.model.commune import COLLECTIVE, PERSON, Proposal
from thidua_xlsx.read.province_import import load_mapping
from thidua_xlsx.text.province_import import HEADERS

KIM_THU, DAI_HUNG = "Trường THCS Kim Thư", "Trường Tiểu học Đại Hưng"
PROPOSALS = (
    Proposal("KT", PERSON, "GV01", "Nguyễn Thị Lan", "LDTT", "Giáo viên", KIM_THU, "Nữ"),
    Proposal("KT", PERSON, "GV02", "Trần Văn Đức", "CSTDCS", "Giáo viên, Tổ trưởng", KIM_THU, "Nam"),
    Proposal("KT", PERSON, "HT", "Đinh Tất Đắc", "CSTDCS", "Hiệu trưởng", KIM_THU, "Nam"),
    Proposal("DH", PERSON, "PHT", "Lê Thị Dung", "Giấy khen của Chủ tịch UBND xã", "Phó Hiệu trưởng", DAI_HUNG, "nữ"),
    Proposal("DH", PERSON, "GV07", "Phạm Ngọc Ánh", "Lao động tiên tiến", "Nhân viên văn thư", DAI_HUNG, "NAM"),
    Proposal("KT", COLLECTIVE, "T1", "Tổ Toán – Tin", "TTLDTT", unit=KIM_THU),
    Proposal("DH", COLLECTIVE, "DH", DAI_HUNG, "TTLDXS", unit=DAI_HUNG),
)


@pytest.fixture(scope="module")
def mapping():
    found, problems = load_mapping("mau-tdkt")
    assert list(problems) == []
    return found


def test_the_file_read_as_the_importer_reads_it_gives_exactly_the_proposals_with_valid_codes(tmp_path, mapping):
    result = write_import_files(PROPOSALS, mapping, tmp_path, "nhap-tinh")
    assert result.files == (tmp_path / "nhap-tinh.xlsx",) and result.rows == (7,)
    assert result.issues == ()
    read = importer_reads(result.files[0])
    assert read == [
        {"kind": "CANHAN", "name": "Nguyễn Thị Lan", "gender": "NU", "position": "Giáo viên", "unit": KIM_THU,
         "title": "1647933042", "category": "1660638976", "field": "0003"},
        {"kind": "CANHAN", "name": "Trần Văn Đức", "gender": "NAM", "position": "Giáo viên, Tổ trưởng", "unit": KIM_THU,
         "title": "1647933380", "category": "1660638976", "field": "0003"},
        {"kind": "CANHAN", "name": "Đinh Tất Đắc", "gender": "NAM", "position": "Hiệu trưởng", "unit": KIM_THU,
         "title": "1647933380", "category": "1686211958", "field": "0003"},
        {"kind": "CANHAN", "name": "Lê Thị Dung", "gender": "NU", "position": "Phó Hiệu trưởng", "unit": DAI_HUNG,
         "title": "1672804473", "category": "1686211958", "field": "0003"},
        {"kind": "CANHAN", "name": "Phạm Ngọc Ánh", "gender": "NAM", "position": "Nhân viên văn thư", "unit": DAI_HUNG,
         "title": "1647933042", "category": "1660638976", "field": "0003"},
        {"kind": "TAPTHE", "name": f"Tổ Toán – Tin, {KIM_THU}", "title": "1647933198", "category": "1668477403",
         "field": "0003"},
        {"kind": "TAPTHE", "name": DAI_HUNG, "title": "1647933151", "category": "1668477403", "field": "0003"},
    ]
    titles = {t.code for t in mapping.titles}
    categories = {c.code: c.kind for c in mapping.categories}
    for row in read:
        assert row["title"] in titles and categories[row["category"]] == row["kind"]
        assert row["field"] == mapping.field.code


def test_the_sheet_is_laid_out_as_the_template(tmp_path, mapping):
    path = write_import_files(PROPOSALS, mapping, tmp_path, "nhap").files[0]
    wb = load_workbook(path)
    assert wb.sheetnames == ["file nhận"]
    ws = wb.worksheets[0]
    assert tuple(ws.cell(1, col).value for col in range(1, 10)) == HEADERS
    assert [ws.cell(1, col).value for col in range(10, 18)] == [None] * 8
    assert tuple(ws.cell(1, col).value for col in range(18, 22)) == mapping.headers
    hidden = {col for dim in ws.column_dimensions.values() if dim.hidden for col in range(dim.min, dim.max + 1)}
    assert hidden == {18, 19, 20, 21}  # R–U
    assert [ws.cell(row, 1).value for row in range(2, 10)] == [1, 2, 3, 4, 5, 6, 7, None]
    assert [ws.cell(row, 2).value for row in range(2, 9)] == ["Bà", "Ông", "Ông", "Bà", "Ông", None, None]
    # F–I: the installation's own words; R–U: text cells (a code "0003" stays whole); no formula anywhere
    assert [ws.cell(4, col).value for col in range(6, 10)] == [
        "Khen thưởng cá nhân", "Chiến sĩ thi đua cơ sở", "Các cấp lãnh đạo khác", "Giáo dục - Đào tạo"]
    assert ws.cell(5, 7).value == "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã"
    assert all(ws.cell(row, col).data_type == "s" for row in range(2, 9) for col in range(18, 22))
    assert not any(isinstance(cell.value, str) and cell.value.startswith("=") for row in ws.iter_rows() for cell in row)
    assert ws.cell(2, 3).font.name == "Times New Roman"


def test_a_long_list_is_split_at_the_importers_limit_and_said(tmp_path, mapping):
    people = tuple(Proposal("KT", PERSON, f"GV{i:03}", f"Nguyễn Văn {i:03}", "LDTT", "Giáo viên", KIM_THU,
                            "Nam" if i % 2 else "Nữ") for i in range(450))
    result = write_import_files(people, mapping, tmp_path, "nhap-tinh")
    assert [p.name for p in result.files] == ["nhap-tinh_1.xlsx", "nhap-tinh_2.xlsx", "nhap-tinh_3.xlsx"]
    assert result.rows == (199, 199, 52)  # "Nhận đến dòng" 200 (the dialog's default) reads rows 2–200
    [split] = result.notes
    assert split.code == "province_import.split" and "nhap-tinh_3.xlsx: 52 dòng" in split.message
    read = [row for path in result.files for row in importer_reads(path)]
    assert [row["name"] for row in read] == [p.name for p in people]
    assert all(load_workbook(path).worksheets[0].max_row <= 200 for path in result.files)

    wider = dataclasses.replace(mapping, last_row=201)  # an installation whose dialog reads to row 201
    result = write_import_files(people, wider, tmp_path / "wider", "nhap-tinh")
    assert result.rows == (200, 200, 50)
    assert sum(len(importer_reads(path, 201)) for path in result.files) == 450


def test_an_earlier_exports_file_left_in_the_folder_is_named(tmp_path, mapping):
    (tmp_path / "nhap-tinh_3.xlsx").write_bytes(b"old")
    result = write_import_files(PROPOSALS, mapping, tmp_path, "nhap-tinh")
    [stale] = result.notes
    assert stale.code == "province_import.stale" and "nhap-tinh_3.xlsx" in stale.message
    assert (tmp_path / "nhap-tinh_3.xlsx").read_bytes() == b"old"  # never deleted


def test_a_proposal_the_mapping_cannot_code_is_refused_by_name_and_not_written(tmp_path, mapping):
    odd = (
        Proposal("KT", PERSON, "GV09", "Vũ Thị Hoa", "Kỷ niệm chương \"Vì sự nghiệp giáo dục\"", "Giáo viên", KIM_THU,
                 "Nữ"),
        Proposal("KT", PERSON, "GV10", "Hà Văn Nam", "LDTT", "Giáo viên", KIM_THU, ""),
        Proposal("KT", PERSON, "GV11", "Cao Thị Mai", "Giấy khen của Hiệu trưởng", "Giáo viên", KIM_THU, ""),
        Proposal("KT", "HOGIADINH", "X", "Hộ ông Tư", "LDTT", unit=KIM_THU),
        Proposal("KT", COLLECTIVE, "T9", " ", "TTLDTT", unit=KIM_THU),
    )
    result = write_import_files(PROPOSALS + odd, mapping, tmp_path, "nhap-tinh")
    assert result.rows == (7,)
    assert [i.code for i in result.refused] == [
        "province_import.no_title_code", "province_import.gender_unknown", "province_import.no_title_code",
        "province_import.gender_unknown", "province_import.kind_unknown", "province_import.no_name"]
    messages = [i.message for i in result.refused]
    assert "Vũ Thị Hoa (Trường THCS Kim Thư): 'Kỷ niệm chương \"Vì sự nghiệp giáo dục\"' chưa có mã" in messages[0]
    assert messages[1].startswith("Hà Văn Nam (Trường THCS Kim Thư): chưa rõ giới tính")
    assert "Giấy khen của Hiệu trưởng" in messages[2] and "Cao Thị Mai" in messages[3]
    names = [row["name"] for row in importer_reads(result.files[0])]
    assert not {"Vũ Thị Hoa", "Hà Văn Nam", "Cao Thị Mai", "Hộ ông Tư"} & set(names) and len(names) == 7


def test_a_mapping_lacking_a_category_or_the_field_refuses_the_rows_needing_it(tmp_path, mapping):
    persons_only = dataclasses.replace(mapping, categories=tuple(c for c in mapping.categories if c.kind == PERSON))
    result = write_import_files(PROPOSALS, persons_only, tmp_path, "a")
    assert result.rows == (5,) and [i.code for i in result.refused] == ["province_import.no_category"] * 2
    assert "Tổ Toán – Tin (Trường THCS Kim Thư): bảng mã" in result.refused[0].message

    no_field = dataclasses.replace(mapping, field=None)
    assert no_field.missing() == (("field", ""),)
    result = write_import_files(PROPOSALS, no_field, tmp_path / "b", "b")
    assert result.files == () and not (tmp_path / "b" / "b.xlsx").exists()
    assert [i.code for i in result.refused] == ["province_import.no_field"] * 7
    assert [i.code for i in result.notes] == ["province_import.nothing"]


def test_the_written_files_pass_the_open_xml_validator(tmp_path, mapping):
    people = PROPOSALS * 40
    result = write_import_files(people, mapping, tmp_path, "nhap-tinh")
    assert len(result.files) == 2
    for path in result.files:
        assert unaccepted_findings(path) == [], path.name


def test_the_same_proposals_give_the_same_bytes(tmp_path, mapping):
    first = write_import_files(PROPOSALS, mapping, tmp_path / "1", "x").files[0].read_bytes()
    assert write_import_files(PROPOSALS, mapping, tmp_path / "2", "x").files[0].read_bytes() == first


def test_many_files_made_on_every_core_are_the_files_made_in_one_process(tmp_path, mapping, monkeypatch):
    """From PARALLEL_FROM files each file is made by a worker process and written here in order: the
    same files, byte for byte, as made in this process."""
    from thidua_xlsx.system import pool
    from thidua_xlsx.write import province_import

    people = tuple(Proposal("KT", PERSON, f"GV{i:04}", f"Nguyễn Văn {i:04}", "LDTT", "Giáo viên", KIM_THU,
                            "Nam" if i % 2 else "Nữ") for i in range(199 * 8 + 3))
    monkeypatch.setattr(pool, "workers_for_workbooks", lambda count: 2)
    parallel = write_import_files(people, mapping, tmp_path / "parallel", "nhap-tinh")
    monkeypatch.setattr(province_import, "PARALLEL_FROM", 10_000)
    alone = write_import_files(people, mapping, tmp_path / "alone", "nhap-tinh")
    assert len(parallel.files) == 9 and parallel.rows == alone.rows
    assert [p.read_bytes() for p in parallel.files] == [p.read_bytes() for p in alone.files]


@pytest.mark.parametrize("people", [PROPOSALS, PROPOSALS * 30], ids=["seven", "two-files"])
def test_a_file_made_in_memory_is_the_file_xlsxwriter_makes_through_temporary_files(mapping, people):
    """An import file is made in memory — its rows written at once, its parts zipped once and stamped as
    xlsxwriter's temporary files date them —: byte for byte the file xlsxwriter alone makes through temporary files,
    cell by cell (what the tool wrote before)."""
    import io

    import xlsxwriter

    from thidua_xlsx.model import province_import as pi
    from thidua_xlsx.write import engine, province_import

    rows, _refused = pi.import_rows(people, mapping)
    parts = pi.batches(rows, mapping.rows_per_file)
    made = [province_import._file_bytes(mapping, part) for part in parts]
    through_files = []
    for part in parts:
        buffer = io.BytesIO()
        wb = xlsxwriter.Workbook(buffer, engine.workbook_options())
        province_import._write_file(wb, part, mapping)
        wb.close()
        through_files.append(buffer.getvalue())
    assert len(made) == len(parts) >= 1 and made == through_files
