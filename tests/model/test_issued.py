"""What a department's workbook is issued with (model.issued.department_spec): a newcomer a registration summary of
an earlier release lists twice (a spare row pasted twice, before the merge told them apart) gets one form."""

from __future__ import annotations

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import Newcomer, Registration, department_spec
from thidua_xlsx.model.titles import LDTT


def test_a_newcomer_listed_twice_gets_one_form():
    campaign = cm.from_dict(campaign_dict())
    twice = (Newcomer("T2", "Vũ Thị Mới", "Giáo viên", Registration(LDTT)),
             Newcomer("T2", "vũ thị  mới ", "Giáo viên", Registration(LDTT)),
             Newcomer("T2", "Đỗ Văn Khác", "Nhân viên", Registration(LDTT)))

    spec = department_spec(campaign, campaign.departments[1], ly.SCORING, newcomers=twice)

    assert [p.name for p in spec.people if p.newcomer] == ["Vũ Thị Mới", "Đỗ Văn Khác"]
