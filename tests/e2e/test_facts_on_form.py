"""A campaign whose departments type each person's facts at the head of the form (sheet Trường: "Tổ nhập"): a fact
left blank there waits, and the reason sends the secretary to that form — never to sheet Nhân sự, whose facts the
department's replace."""

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


def test_a_fact_left_blank_on_the_form_waits_and_its_reason_points_at_the_form(tmp_path):
    base = cm.from_dict(campaign_dict())
    campaign = dataclasses.replace(base, settings=dataclasses.replace(base.settings,
                                                                      facts_source=cm.FACTS_FROM_DEPARTMENT))
    folder = make_folder(tmp_path / "campaign", campaign)
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", register(folder, TITLES, tmp_path / "dk")).paths
    *typed_whole, forgot = forms(t1, spare=False)
    typed = {}
    for sheet in typed_whole:
        typed |= person_values(sheet, {}, facts={k: v for k, v in FACTS.items() if k in dict(sheet.facts)})
    typed |= person_values(forgot, {}, facts={k: v for k, v in FACTS.items() if k in dict(forgot.facts)
                                              and k != "rating"})  # the head forgot one person's rating
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED, extra=typed)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)

    summary = merge_inbox(inbox, folder)

    person = next(p for p in summary.people if p.sheet == forgot.name)
    ldtt = next(d for d in person.decisions if d.title == LDTT)
    assert ldtt.pending and not ldtt.granted
    assert ldtt.reasons[0].code == "facts.missing_form"
    assert "ô ở đầu phiếu của người này trong sổ của tổ còn trống hoặc ghi sai" in ldtt.reason
    assert "sheet Nhân sự" not in ldtt.reason
    said = {i.sheet: i for i in summary.issues if i.code == "facts.blank_cell"}
    assert (said[forgot.name].cell, said[forgot.name].severity) == (dict(forgot.facts)["rating"], "warning")
    assert said[forgot.name].message.startswith("Thông tin xét danh hiệu ở đầu phiếu còn trống: 'Xếp loại viên chức "
                                                "năm học'. Danh hiệu của người này chờ")
    assert not set(said) & {s.name for s in typed_whole}  # who has them all typed is not told
    untyped = forms(t2, spare=False)[0]  # Tổ 2 typed no fact at all: said once a form, every field named
    assert "'Số tháng làm việc trong năm (không kể nghỉ thai sản)', 'Hình thức kỷ luật trong năm'" in \
        said[untyped.name].message


def test_the_rating_in_its_words_and_a_level_said_with_cap_are_read_with_a_note(tmp_path):
    """"Hoàn thành xuất sắc nhiệm vụ" is HTXSNV, "Cấp xã" the level Xã: read as meant, said, never refused."""
    base = cm.from_dict(campaign_dict())
    campaign = dataclasses.replace(base, settings=dataclasses.replace(base.settings,
                                                                      facts_source=cm.FACTS_FROM_DEPARTMENT))
    folder = make_folder(tmp_path / "campaign", campaign)
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", register(folder, TITLES, tmp_path / "dk")).paths
    first = forms(t1, spare=False)[0]
    words = {**FACTS, "rating": "Hoàn thành xuất sắc nhiệm vụ", "initiative": "Dạy đọc lớp 1",
             "initiative_level": "Cấp xã", "initiative_decision": "12/QĐ-UBND"}
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED,
                    extra=person_values(first, {}, facts={k: v for k, v in words.items() if k in dict(first.facts)}))
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)

    summary = merge_inbox(inbox, folder)

    person = next(p for p in summary.people if p.sheet == first.name)
    assert (person.facts.rating, person.facts.initiative_level) == ("HTXSNV", "Xã")
    notes = {i.cell: i for i in summary.issues if i.code == "value.fuzzy_choice" and i.sheet == first.name}
    assert "được hiểu là 'HTXSNV'" in notes[dict(first.facts)["rating"]].message
    assert "được hiểu là 'Xã'" in notes[dict(first.facts)["initiative_level"]].message
    assert not [i for i in summary.issues if i.severity == "error" and i.sheet == first.name]
