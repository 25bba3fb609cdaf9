"""Transparency: the criteria cited with the resolution that approved them and their version; a
rubric changed after the workbooks went out is reported by version, criterion by criterion."""

from __future__ import annotations

import dataclasses
import datetime as dt

from openpyxl import load_workbook

from tests.scoring_round import T1_SCORES, fill_department, scoring_round
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.steps.workspace import CampaignFolder
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.summary import write_summary
from thidua_xlsx.write.summary.meta import summary_meta


def _changed_rubric(campaign: cm.Campaign) -> cm.Campaign:
    teacher = campaign.rubric_for("Giáo viên")
    groups = list(teacher.groups)
    skill = groups[1]
    items = [dataclasses.replace(skill.items[0], max=40), skill.items[1],
             cm.Item("II.3", "Hồ sơ chuyên môn", 10)]
    groups[1] = dataclasses.replace(skill, items=tuple(items))
    changed = dataclasses.replace(teacher, groups=tuple(groups))
    return dataclasses.replace(campaign, rubrics=tuple(changed if r.role == teacher.role else r
                                                       for r in campaign.rubrics))


def test_a_rubric_changed_after_issue_is_reported_by_version_and_criterion(tmp_path):
    folder, (t1, _t2) = scoring_round(tmp_path)
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    same = merge_inbox(inbox, folder)
    assert not [i for i in same.issues if i.code == "rubric.changed"]

    now = _changed_rubric(folder.campaign)
    summary = merge_inbox(inbox, CampaignFolder(folder.folder, now))
    changed, = [i for i in summary.issues if i.code == "rubric.changed"]
    old_version = cm.rubric_version(folder.campaign.rubric_for("Giáo viên"))
    new_version = cm.rubric_version(now.rubric_for("Giáo viên"))
    assert old_version != new_version
    text = changed.message
    assert f"phiên bản {old_version}" in text and f"phiên bản {new_version}" in text and "Tổ khối 1" in text
    assert "II.1: điểm tối đa 50 → 40" in text and "thêm II.3 'Hồ sơ chuyên môn'" in text
    assert "phát lại sổ" in text
    assert changed.to_dict()["params"]["changes"][0]["code"].startswith("rubric_change.")
    # the summary says which version it read the scores with
    assert dict(summary_meta(summary).rubric_versions)["Giáo viên"] == new_version


def test_the_summary_cites_the_resolution_and_the_rubric_versions(tmp_path):
    folder, (t1, _t2) = scoring_round(tmp_path)
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    school = dataclasses.replace(folder.campaign.school, criteria_resolution="01/NQ-HNVC",
                                 criteria_resolution_date="2025-09-15")
    campaign = dataclasses.replace(folder.campaign, school=school)
    summary = merge_inbox(inbox, CampaignFolder(folder.folder, campaign))
    target = tmp_path / "tong-hop.xlsx"
    write_summary(summary, target)
    wb = load_workbook(target)
    rubric = campaign.rubric_for("Giáo viên")
    cites = sx.CRITERIA_VERSION.format(role="Giáo viên", items=len(rubric.items), total=cm.num_text(rubric.total))
    for sheet in ("Tổng hợp", "Biên bản"):
        texts = [str(c.value) for row in wb[sheet].iter_rows() for c in row if c.value]
        cited = [t for t in texts if "Nghị quyết số 01/NQ-HNVC ngày 15/09/2025" in t]
        assert cited and cites in cited[0], sheet

    plain = merge_inbox(inbox, folder)
    write_summary(plain, tmp_path / "plain.xlsx")
    texts = [str(c.value) for row in load_workbook(tmp_path / "plain.xlsx")["Biên bản"].iter_rows() for c in row
             if c.value]
    assert any("chưa ghi số, ngày Nghị quyết Hội nghị viên chức" in t for t in texts)
