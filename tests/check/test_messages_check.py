"""Messages of the checking step no other test provoked: a value typed loosely, a department gone from the
campaign, a rubric changed after the workbooks went out — and what the secretary reads about each."""

from __future__ import annotations

import dataclasses

from tests.corpus import valid_inbox
from tests.filling import fill, registration_values, sheet
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.service import generate_round, merge_inbox


def test_a_title_typed_without_accents_is_understood_and_said(small_folder, tmp_path):
    path = generate_round(small_folder, ly.REGISTRATION, tmp_path / "outbox").paths[0]
    reg = sheet(path, ly.RegistrationSheet)
    inbox = tmp_path / "inbox"
    fill(path, inbox / path.name, registration_values(reg, {"GV01": "lao dong tien tien"}))
    summary = merge_inbox(inbox, small_folder)
    understood, = [i for i in summary.issues if i.code == "value.fuzzy_choice"]
    assert (understood.severity, understood.file, understood.sheet, understood.cell) == (
        "note", path.name, reg.name, f"{reg.title_column}{dict(reg.rows)['GV01']}")
    assert understood.message == "'lao dong tien tien' được hiểu là 'Lao động tiên tiến' (Danh hiệu đăng ký). Nếu " \
        "hiểu sai, hãy sửa ô này."
    assert next(p for p in summary.people if p.code == "GV01").registered == LDTT  # kept as its code


def test_a_workbook_of_a_department_removed_from_the_campaign_is_rejected(base, tmp_path):
    campaign = base["folder"].campaign
    without_t2 = dataclasses.replace(campaign, departments=tuple(d for d in campaign.departments if d.code != "T2"),
                                     staff=tuple(p for p in campaign.staff if p.department != "T2"))
    inbox = valid_inbox(base, tmp_path / "inbox")
    summary = merge_inbox(inbox, dataclasses.replace(base["folder"], campaign=without_t2))
    entry = next(f for f in summary.files if f.name == base["t2"].name)
    assert (entry.status, entry.reason) == ("rejected", "file.unknown_department")
    assert entry.issues[-1].render() == (
        f"[{base['t2'].name}] Sổ của Tổ Văn phòng – Khối 5, tổ này không còn trong sheet Tổ của campaign.xlsx. Hãy "
        "kiểm tra lại danh sách tổ.")
    assert {p.department for p in summary.people} == {"T1"}


def test_every_kind_of_rubric_change_since_issue_is_worded(base, tmp_path):
    """A criterion removed, one reworded, a group's bounds and the rubric's total changed in campaign.xlsx
    after the scoring workbooks went out: the secretary reads each change."""
    campaign = base["folder"].campaign
    teacher = campaign.rubric_for("Giáo viên")
    first, skill, *others = teacher.groups
    first = dataclasses.replace(first, max=10, min=5, items=first.items[:1])  # I.2 removed
    skill = dataclasses.replace(skill, items=(skill.items[0], dataclasses.replace(skill.items[1],
                                                                                  text="Kết quả học sinh")))
    changed = dataclasses.replace(teacher, total=90, groups=(first, skill, *others))
    now = dataclasses.replace(campaign, rubrics=tuple(changed if r.role == teacher.role else r
                                                      for r in campaign.rubrics))
    inbox = valid_inbox(base, tmp_path / "inbox")
    summary = merge_inbox(inbox, dataclasses.replace(base["folder"], campaign=now))
    changes = [i for i in summary.issues if i.code == "rubric.changed"]
    assert changes and all(i.file for i in changes)
    text = changes[0].message
    for words in ("bỏ I.2 'Đạo đức nhà giáo'", "II.2: nội dung 'Chất lượng học sinh' → 'Kết quả học sinh'",
                  "nhóm I: cộng tối đa 20, tối thiểu 15 → cộng tối đa 10, tối thiểu 5", "tổng điểm 100 → 90"):
        assert words in text, (words, text)
    assert [c["code"] for c in changes[0].to_dict()["params"]["changes"]] == [
        "rubric_change.removed", "rubric_change.text", "rubric_change.group", "rubric_change.total"]
    assert cm.rubric_version(changed) in text
