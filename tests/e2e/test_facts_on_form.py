"""A campaign whose departments type each person's facts at the head of the form (sheet Trường: "Tổ nhập"): a fact
left blank there waits, and the reason sends the secretary to that form — never to sheet Nhân sự, whose facts the
department's replace; what a head types another right way is read as meant, said."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.conftest import campaign_dict, make_folder
from tests.filling import forms, person_values, register
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES, fill_department
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.service import generate_round, merge_inbox

SAVED = dt.datetime(2026, 5, 10, 8, 0)
FACTS = {"rating": "HTTNV", "months": 12, "maternity_months": 0, "days_off": 0, "discipline": "Không",
         "under_review": "Không"}


def _merged(tmp_path, typed: dict[str, object], titles: dict[str, str] = TITLES):
    """Tổ 1's book with the facts of every form typed but the last one's, which gets ``typed``; Tổ 2 types none
    (``titles``: the registration): (the summary, Tổ 1's forms, Tổ 2's)."""
    base = cm.from_dict(campaign_dict())
    campaign = dataclasses.replace(base, settings=dataclasses.replace(base.settings,
                                                                      facts_source=cm.FACTS_FROM_DEPARTMENT))
    folder = make_folder(tmp_path / "campaign", campaign)
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", register(folder, titles, tmp_path / "dk")).paths
    *whole, last = forms(t1, spare=False)
    values = {}
    for sheet, facts in [*((s, FACTS) for s in whole), (last, typed)]:
        values |= person_values(sheet, {}, facts={k: v for k, v in facts.items() if k in dict(sheet.facts)})
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED, extra=values)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    return merge_inbox(inbox, folder), forms(t1, spare=False), forms(t2, spare=False)


def _said(summary, code: str) -> dict:
    return {(i.sheet, i.cell): i for i in summary.issues if i.code == code}


def test_a_fact_left_blank_on_the_form_waits_and_its_reason_points_at_the_form(tmp_path):
    summary, t1_forms, t2_forms = _merged(tmp_path, {k: v for k, v in FACTS.items() if k != "rating"})
    forgot = t1_forms[-1]  # the head forgot this person's rating

    person = next(p for p in summary.people if p.sheet == forgot.name)
    ldtt = next(d for d in person.decisions if d.title == LDTT)
    assert ldtt.pending and not ldtt.granted
    assert ldtt.reasons[0].code == "facts.missing_form"
    assert "ô ở đầu phiếu của người này trong sổ của tổ còn trống hoặc ghi sai" in ldtt.reason
    assert "sheet Nhân sự" not in ldtt.reason
    said = {sheet: i for (sheet, _cell), i in _said(summary, "facts.blank_cell").items()}
    assert (said[forgot.name].cell, said[forgot.name].severity) == (dict(forgot.facts)["rating"], "warning")
    assert said[forgot.name].message.startswith("Thông tin xét danh hiệu ở đầu phiếu còn trống: 'Xếp loại viên chức "
                                                "năm học'. Danh hiệu của người này chờ")
    assert not set(said) & {s.name for s in t1_forms[:-1]}  # who has them all typed is not told
    untyped = t2_forms[0]  # Tổ 2 typed no fact at all: said once a form, every field named
    assert "'Số tháng làm việc trong năm (không kể nghỉ thai sản)', 'Hình thức kỷ luật trong năm'" in \
        said[untyped.name].message


def test_no_fact_is_asked_of_who_registered_for_no_title(tmp_path):
    """GV03 registered "Không đăng ký": her LĐTT is decided (not considered), nothing waits for her facts."""
    summary, t1_forms, _ = _merged(tmp_path, {}, titles={**TITLES, "GV03": "Không đăng ký"})
    gv03 = t1_forms[-1]  # her facts block left blank
    assert gv03.person_code == "GV03"
    assert not [i for i in summary.issues if i.code == "facts.blank_cell" and i.sheet == gv03.name]


def test_the_rating_in_its_words_and_a_level_said_with_cap_are_read_with_a_note(tmp_path):
    """"Hoàn thành xuất sắc nhiệm vụ" is HTXSNV, "Cấp xã" the level Xã: read as meant, said, never refused."""
    summary, t1_forms, _ = _merged(tmp_path, {**FACTS, "rating": "Hoàn thành xuất sắc nhiệm vụ",
                                              "initiative": "Dạy đọc lớp 1", "initiative_level": "Cấp xã",
                                              "initiative_decision": "12/QĐ-UBND"})
    last = t1_forms[-1]

    person = next(p for p in summary.people if p.sheet == last.name)
    assert (person.facts.rating, person.facts.initiative_level) == ("HTXSNV", "Xã")
    notes = _said(summary, "value.fuzzy_choice")
    assert "được hiểu là 'HTXSNV'" in notes[(last.name, dict(last.facts)["rating"])].message
    assert "được hiểu là 'Xã'" in notes[(last.name, dict(last.facts)["initiative_level"])].message
    assert not [i for i in summary.issues if i.severity == "error" and i.sheet == last.name]


def test_a_date_typed_as_the_decision_s_number_is_that_day_s_decision_its_number_asked(tmp_path):
    """Excel turns "15/3/2026" into a date: the list sent up says "QĐ ngày 15/03/2026", never "2026-03-15"."""
    summary, t1_forms, _ = _merged(tmp_path, {**FACTS, "initiative": "Dạy đọc lớp 1", "initiative_level": "Trường",
                                              "initiative_decision": dt.datetime(2026, 3, 15)})
    last = t1_forms[-1]

    person = next(p for p in summary.people if p.sheet == last.name)
    assert person.facts.initiative_decision == "ngày 15/03/2026"
    said = _said(summary, "facts.decision_is_date")[(last.name, dict(last.facts)["initiative_decision"])]
    assert said.severity == "warning" and 'danh sách đề nghị ghi "QĐ ngày 15/03/2026"' in said.message


def test_a_month_or_day_count_typed_wrong_is_said_as_a_count_never_as_points(tmp_path):
    """Months typed "12 tháng", days off 400 (a year has 366), months "11,5" as text: said in a fact's words — the
    cell counts no points, so never "Điểm 400", never "chưa được tính điểm"."""
    summary, t1_forms, _ = _merged(tmp_path, {**FACTS, "months": "12 tháng", "days_off": 400,
                                              "maternity_months": "0,5"})
    cells = dict(t1_forms[-1].facts)
    sheet = t1_forms[-1].name
    assert _said(summary, "facts.not_number")[(sheet, cells["months"])].message == (
        "'12 tháng' không phải là số. Hãy nhập số từ 0 đến 12; ô này chưa được dùng để xét danh hiệu.")
    assert _said(summary, "facts.out_of_range")[(sheet, cells["days_off"])].message.startswith(
        "Số 400 nằm ngoài khoảng 0 – 366.")
    assert _said(summary, "facts.decimal_comma")[(sheet, cells["maternity_months"])].message == (
        "'0,5' được ghi dạng chữ; đã hiểu là 0,5. Không cần sửa.")
    assert not [i for i in summary.issues if i.sheet == sheet and i.message.startswith("Điểm")]


def test_a_form_issued_without_the_facts_block_sends_the_secretary_to_the_roster(tmp_path):
    """Books issued while the facts came from sheet Nhân sự, the setting switched to "Tổ nhập" before the merge: the
    forms have no facts block, the facts are still the roster's — and so is where the reason sends her."""
    data = campaign_dict()
    data["staff"][0]["rating"] = None  # GV01's rating not entered on sheet Nhân sự
    folder = make_folder(tmp_path / "campaign", cm.from_dict(data))
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", register(folder, TITLES, tmp_path / "dk")).paths
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    switched = dataclasses.replace(folder, campaign=dataclasses.replace(folder.campaign, settings=dataclasses.replace(
        folder.campaign.settings, facts_source=cm.FACTS_FROM_DEPARTMENT)))

    summary = merge_inbox(inbox, switched)

    gv01 = next(p for p in summary.people if p.code == "GV01")
    ldtt = next(d for d in gv01.decisions if d.title == LDTT)
    assert ldtt.reasons[0].code == "facts.missing" and "sheet Nhân sự" in ldtt.reason
