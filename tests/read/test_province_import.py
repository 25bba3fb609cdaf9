"""An installation's codes for the province's import file: the shipped mapping reads with the
codes of docs/domain.md §4b; a broken mapping file is one message naming the file and the key; another installation's
own import template (first sheet "file nhận", hidden R–U, hidden list sheets) read into a mapping, written as a
data file and loaded back, exports; what a template lacks is said, and the rows needing it are refused."""

from __future__ import annotations

import dataclasses
import json

import pytest
from openpyxl import Workbook, load_workbook

from tests.province_import import CODE_HEADERS, FIELDS, TITLES, importer_reads, template, write_import_files
from thidua_xlsx.model import province_import as pi
from thidua_xlsx.model.commune import COLLECTIVE, PERSON, Proposal
from thidua_xlsx.read.presets import preset_dir
from thidua_xlsx.read.province_import import MAPPING_DIR, load_mapping, mapping_files, read_template
from thidua_xlsx.write.province_import import write_mapping

SCHOOL = "Trường Mầm non Hoa Sen"


def test_the_shipped_mapping_reads_with_the_codes_of_the_domain_notes():
    mapping, problems = load_mapping("mau-tdkt")
    assert list(problems) == [] and mapping.missing() == ()
    assert {t.title: t.code for t in mapping.titles if t.title in ("LDTT", "CSTDCS", "TTLDTT", "TTLDXS")} == {
        "LDTT": "1647933042", "CSTDCS": "1647933380", "TTLDTT": "1647933198", "TTLDXS": "1647933151"}
    assert mapping.title_code("Giấy khen của Chủ tịch UBND cấp xã").code == "1672804473"
    assert mapping.title_code("giay khen cua chu tich ubnd xa").code == "1672804473"  # case and accents aside
    assert mapping.title_code("Giấy khen của Chủ tịch UBND phường").code == "1672804473"
    assert mapping.title_code("Giấy khen của Chủ tịch UBND Thành phố") is None  # a word too many: not guessed
    assert mapping.category(PERSON, "Giáo viên").code == "1660638976"
    assert {c.label: c.code for c in mapping.categories}["Các cấp lãnh đạo từ phó phòng trở lên"] == "1660638930"
    assert mapping.category(PERSON, "Phó trưởng phòng Văn hóa – Xã hội").code == "1660638930"
    assert mapping.category(PERSON, "Tổ trưởng chuyên môn").code == "1660638976"  # teaches: works directly
    assert mapping.category(PERSON, "PHT").label == "Các cấp lãnh đạo khác"
    assert (mapping.field.code, mapping.field.label) == ("0003", "Giáo dục - Đào tạo")
    assert (mapping.last_row, mapping.rows_per_file) == (200, 199)
    assert load_mapping("HỆ THỐNG THI ĐUA – KHEN THƯỞNG (MẪU NHẬP MAUTDKT)")[0] == mapping  # by its name too


@pytest.mark.parametrize("words", ["Giấy khen của Chủ tịch UBND xã", "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
                                   "GIẤY KHEN CỦA CHỦ TỊCH UBND CẤP "
                                   "XÃ", "Giấy  khen của Chủ tịch ủy ban nhân dân cấp "
                                                                         "xã"])
def test_an_award_forms_usual_spellings_are_the_same_words(words):
    assert pi.form_key(words) == pi.form_key("Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã")
    assert pi.form_key("Giấy khen của Giám đốc Sở Giáo dục và Đào "
                       "tạo") == pi.form_key("Giấy khen của Giám đốc Sở "
                                                                                       "GD&ĐT")


def test_every_shipped_mapping_reads_without_a_problem():
    assert mapping_files()
    for key, path in mapping_files().items():
        mapping, problems = load_mapping(key)
        assert list(problems) == [] and mapping.key == key, path.name
    assert (preset_dir() / MAPPING_DIR).is_dir()


def test_an_unknown_mapping_is_named_with_those_there_are():
    mapping, problems = load_mapping("quang-ninh")
    assert mapping is None
    [problem] = problems
    assert problem.code == "province_import.mapping_unknown" and "(có: mau-tdkt)" in problem.message


GOOD = {"name": "Tỉnh thử", "titles": [{"title": "LDTT", "code": "A1", "label": "Lao động tiên tiến"}]}


@pytest.mark.parametrize("data, code, key", [
    ("{ not json", "province_import.bad_json", None),
    ({"titles": []}, "province_import.missing_key", "name"),
    ({**GOOD, "province": "x"}, "province_import.unknown_key", "province"),
    ({**GOOD, "titles": [{"title": "LDTT", "code": 1647933042, "label": "LĐTT"}]}, "province_import.bad_value",
     "titles[0].code"),
    ({**GOOD, "titles": [{"title": "LDTT", "code": "16 47", "label": "LĐTT"}]}, "province_import.bad_value",
     "titles[0].code"),
    ({**GOOD, "titles": [{"title": "LĐTT", "code": "A1", "label": "LĐTT"}]}, "province_import.bad_value",
     "titles[0].title"),
    ({**GOOD, "titles": [{"title": "LDTT", "code": "A1", "label": "x"}, {"title": "LDTT", "code": "A2", "label": "y"}]},
     "province_import.duplicate", "titles[1].title"),
    ({**GOOD, "titles": [{"code": "A1", "label": "x"}, {"code": "A1", "label": "y"}]}, "province_import.duplicate",
     "titles[1].code"),
    ({**GOOD, "titles": [{"code": "A1", "label": "Giấy khen"}, {"code": "A2", "label": "x", "words": ["GIẤY KHEN"]}]},
     "province_import.duplicate", "titles[1]"),
    ({**GOOD, "categories": [{"code": "C1", "label": "x", "kind": "CA NHAN"}]}, "province_import.bad_value",
     "categories[0].kind"),
    ({**GOOD, "categories": [{"code": "C1", "label": "x", "default": True}]}, "province_import.missing_key",
     "categories[0].kind"),
    ({**GOOD, "categories": [{"code": "C1", "label": "x", "kind": "CANHAN", "default": "yes"}]},
     "province_import.bad_value", "categories[0].default"),
    ({**GOOD, "field": {"code": "0003"}}, "province_import.missing_key", "field.label"),
    ({**GOOD, "last_row": 1}, "province_import.bad_value", "last_row"),
    ({**GOOD, "headers": ["R", "S", "T"]}, "province_import.bad_value", "headers"),
    ({**GOOD, "kinds": [{"kind": "CANHAN", "label": "a"}, {"kind": "CANHAN", "label": "b"}]},
     "province_import.duplicate", "kinds[1].kind"),
    ([GOOD], "province_import.bad_value", "(cả tệp)"),
])
def test_a_broken_mapping_file_is_one_message_naming_the_file_and_the_key(tmp_path, data, code, key):
    path = tmp_path / "tinh-thu.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    mapping, problems = load_mapping(path)
    assert mapping is None
    [problem] = problems
    assert problem.code == code and "'tinh-thu.json'" in problem.message
    if key is not None:
        assert f"'{key}'" in problem.message


def test_a_mapping_file_that_cannot_be_opened_is_said(tmp_path):
    mapping, problems = load_mapping(tmp_path / "none.json")
    assert mapping is None and [p.code for p in problems] == ["province_import.bad_json"]


# --- another installation's own template (tests/province_import.py) ----------------------------------------


def test_another_installations_template_read_into_a_mapping_written_and_loaded_back_exports(tmp_path):
    mapping, problems = read_template(template(tmp_path / "MauTDKT-tinh-thu.xlsx"), key="tinh-thu",
                                      name="Hệ thống TĐKT tỉnh thử")
    assert list(problems) == [] and mapping.missing() == ()
    assert {t.title: t.code for t in mapping.titles if t.title} == {
        "BK_TINH": "HT-BK", "CSTDCS": "HT-CSCS", "LDTT": "HT-LDTT", "TTLDTT": "HT-TTTT", "TTLDXS": "HT-TTXS"}
    assert [t.label for t in mapping.titles if not t.title] == ["Giấy khen của Chủ tịch UBND cấp xã",
                                                                "Huân chương Lao động hạng ba"]
    assert mapping.headers == CODE_HEADERS
    assert [(c.code, c.kind, c.default, bool(c.positions)) for c in mapping.categories] == [
        ("20230001", PERSON, False, True), ("20230002", PERSON, True, False), ("20230003", PERSON, False, True),
        ("20230010", COLLECTIVE, True, False), ("20230011", "", False, False)]
    assert (mapping.field.code, mapping.field.label) == ("03", "Giáo dục - Đào tạo")  # "03" stays text
    assert mapping.kinds == (("CANHAN", "Khen thưởng cá nhân"), ("TAPTHE", "Khen thưởng tập thể"))
    assert mapping.notes == ("Đọc từ tệp mẫu 'MauTDKT-tinh-thu.xlsx' của hệ thống: 7 danh hiệu/hình thức, "
                             "5 phân loại đối tượng, 3 lĩnh vực.",)

    path = write_mapping(mapping, tmp_path / "tinh-thu.json")
    loaded, problems = load_mapping(path)
    assert list(problems) == [] and loaded == mapping
    assert json.loads(path.read_text(encoding="utf-8"))["field"] == {"code": "03", "label": "Giáo dục - Đào tạo"}

    proposals = (Proposal("HS", PERSON, "GV1", "Lò Thị Hà", "Giấy khen của Chủ tịch UBND cấp xã", "Giáo viên",
                          SCHOOL, "Nữ"),
                 Proposal("HS", PERSON, "HT", "Mai Văn Tú", "CSTDCS", "Hiệu trưởng", SCHOOL, "Nam"),
                 Proposal("HS", COLLECTIVE, "HS", SCHOOL, "TTLDXS", unit=SCHOOL))
    result = write_import_files(proposals, loaded, tmp_path / "out", "nhap")
    assert result.refused == ()
    assert [(r["name"], r["title"], r["category"], r["field"]) for r in importer_reads(result.files[0])] == [
        ("Lò Thị Hà", "HT-GKX", "20230002", "03"), ("Mai Văn Tú", "HT-CSCS", "20230003", "03"),
        (SCHOOL, "HT-TTXS", "20230010", "03")]


def test_what_a_template_lacks_is_said_and_the_rows_needing_it_are_refused(tmp_path):
    titles = [pair for pair in TITLES if pair[1] != "HT-TTXS"] + [("Lao động tiên tiến", "HT-KHAC"),
                                                                 ("Thầy thuốc Ưu tú", "HT-LDTT")]
    path = template(tmp_path / "thieu.xlsx", titles=titles, fields=FIELDS[:2], sample=False)
    mapping, problems = read_template(path)
    assert mapping.key == "thieu" and mapping.name == "thieu"
    assert [p.code for p in problems] == ["province_import.template_conflict", "province_import.template_shared_code",
                                          "province_import.template_missing", "province_import.template_missing"]
    assert "'Lao động tiên tiến' có hai mã khác nhau (HT-LDTT và HT-KHAC)" in problems.items[0].message
    assert "'Thầy thuốc Ưu tú' dùng lại mã HT-LDTT của 'Lao động tiên tiến'" in problems.items[1].message
    assert "mã danh hiệu/hình thức 'Tập thể lao động xuất sắc'" in problems.items[2].message
    assert "mã lĩnh vực hoạt động 'Giáo dục - Đào tạo'" in problems.items[3].message
    assert mapping.missing() == (("title", "TTLDXS"), ("field", ""))
    assert len(mapping.notes) == 3 and "Tập thể lao động xuất sắc" in mapping.notes[1]
    assert mapping.headers == CODE_HEADERS

    with_field = dataclasses.replace(mapping, field=pi.Field("9", "x"))
    result = write_import_files((Proposal("HS", COLLECTIVE, "HS", SCHOOL, "TTLDXS", unit=SCHOOL),
                                 Proposal("HS", PERSON, "GV", "Lò Văn An", "LDTT", "Giáo viên", SCHOOL, "Nam")),
                                with_field, tmp_path / "out", "nhap")
    assert [i.code for i in result.refused] == ["province_import.no_title_code"] and result.rows == (1,)
    assert SCHOOL in result.refused[0].message and "Tập thể lao động xuất sắc" in result.refused[0].message


def test_a_file_that_is_no_import_template_is_said(tmp_path):
    wb = Workbook()
    wb.active.title = "Danh sách"
    wb.active["A1"], wb.active["B1"] = "STT", "Họ và tên"
    wb.save(tmp_path / "khac.xlsx")
    mapping, problems = read_template(tmp_path / "khac.xlsx")
    assert mapping is None
    [problem] = problems
    assert problem.code == "province_import.template_layout"
    assert "(ô B1 cần 'Tên gọi (Ông/Bà/Chức danh)', đang là 'Họ và tên')" in problem.message

    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    assert [p.code for p in read_template(tmp_path / "hong.xlsx")[1]] == ["province_import.template_unreadable"]
    assert [p.code for p in read_template(tmp_path / "none.xlsx")[1]] == ["province_import.template_no_access"]

    empty = template(tmp_path / "trong.xlsx", titles=[], categories=[], fields=[], sample=False)
    wb_path = tmp_path / "trong2.xlsx"
    wb = load_workbook(empty)
    del wb["phan loai kt"]
    wb.save(wb_path)
    mapping, problems = read_template(wb_path)
    assert mapping is None and [p.code for p in problems] == ["province_import.template_no_codes"]
