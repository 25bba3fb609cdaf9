"""Title codes: the identity of a title inside the tool, its Vietnamese name only at the edges."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import titles as tt
from thidua_xlsx.model.history import BK_TINH, KNC_GD
from thidua_xlsx.model.issued import IssuedPerson, IssuedWorkbook
from thidua_xlsx.model.issues import issue, reason
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, NO_PROPOSAL, NOT_REGISTERED, TTLDTT, TTLDXS, Title
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.text.titles import TITLE_NAMES


def test_every_code_has_its_name_and_the_names_are_read_back_as_their_codes():
    codes = (LDTT, CSTDCS, CSTD_TINH, TTLDTT, TTLDXS, NOT_REGISTERED, NO_PROPOSAL, BK_TINH, KNC_GD)
    assert set(codes) == set(TITLE_NAMES)
    for code in codes:
        assert tt.code(tt.name(code)) == code and tt.code(code) == code


@pytest.mark.parametrize("typed, code", [
    ("Lao động tiên tiến", LDTT), ("lao dong tien tien", LDTT), ("LAO ĐỘNG TIÊN TIẾN", LDTT),
    ("Chiến sĩ thi đua  cấp tỉnh", CSTD_TINH), ("tập thể lao động xuất sắc", TTLDXS), ("không đăng ký", NOT_REGISTERED),
    ("Giáo viên tiêu biểu", "Giáo viên tiêu biểu"),  # a title the tool does not know: its name is its code
    ("", ""),
])
def test_a_name_typed_in_any_case_or_without_accents_is_its_code(typed, code):
    assert tt.code(typed) == code
    assert tt.name(code) == (TITLE_NAMES.get(code) or typed)


def test_the_presets_list_their_titles_by_name_and_the_campaign_holds_codes():
    for level in cm.LEVELS:
        t = load_preset(level).titles
        assert (t.individual, t.collective) == ((LDTT, CSTDCS, CSTD_TINH), (TTLDTT, TTLDXS)), level
        assert all(form.startswith(("Giấy khen", "Bằng khen")) for form in t.forms)  # forms keep their words


def test_a_title_the_school_adds_keeps_its_name():
    data = campaign_dict()
    data["titles"] = {**data["titles"], "individual": ["Lao động tiên tiến", "Giáo viên tiêu biểu"]}
    assert cm.from_dict(data).titles.individual == (LDTT, "Giáo viên tiêu biểu")


def test_a_record_of_what_was_issued_written_before_the_codes_is_read_with_codes():
    person = IssuedPerson("GV01", "Nguyễn Thị Lan", "Giáo viên", "Giáo viên", "Chiến sĩ thi đua cơ sở")
    old = {"layout": {"campaign_id": "c", "school_year": "2025-2026", "round": "cham-diem", "department_code": "T1",
                      "department_name": "Tổ khối 1", "submission_id": "x", "sheets": []},
           "people": [dataclasses.asdict(person)], "collective": "Tập thể lao động xuất sắc", "fingerprint": "f",
           "file_name": "a.xlsx", "issued_on": ["2026-05-01"]}
    issued = IssuedWorkbook.from_json(old)
    assert (issued.people[0].registered, issued.collective) == (CSTDCS, TTLDXS)
    assert IssuedWorkbook.from_json(issued.to_json()) == issued  # written with codes, read the same


def test_a_title_given_to_a_message_is_worded_by_name_and_kept_as_its_code():
    found = issue("vote.missing", name="Nguyễn Thị Lan", title=Title(CSTDCS))
    assert found.message == ("Chưa có kết quả bỏ phiếu cho Nguyễn Thị Lan (Chiến sĩ thi đua cơ sở); hãy ghi số phiếu "
                             "ở sheet Kiểm phiếu.")
    assert found.to_dict()["params"] == {"name": "Nguyễn Thị Lan", "title": "CSTDCS"}


def test_numbers_in_reasons_stay_numbers_and_are_worded_the_vietnamese_way():
    short = reason("ldtt.months_short", worked=5.5, needed=6)
    assert short.to_dict()["params"] == {"needed": 6, "worked": 5.5}
    assert short.text == "chỉ làm việc 5,5 tháng (cần từ 6)"
    assert reason("ldtt.months_short", worked=12.0, needed=6.0).text == "chỉ làm việc 12 tháng (cần từ 6)"
