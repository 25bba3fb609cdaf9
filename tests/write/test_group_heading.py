"""A scoring form's group headings say each group's ceiling once: the NĐ 233 frame names its groups with it
("Tiêu chí chung (… tối đa 30 điểm)"), and the form adds "(30 điểm)" only to a name that does not say it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from openpyxl import load_workbook

from tests.conftest import make_folder
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.service import generate_round
from thidua_xlsx.text.workbook import group_label


def test_a_name_that_says_its_ceiling_is_not_followed_by_it_again():
    assert group_label("cộng", "Tiêu chí chung (điều 10, tối đa 30 điểm)", "30") == \
        "Tiêu chí chung (điều 10, tối đa 30 điểm)"
    assert group_label("cộng", "Chuyên môn", "40") == "Chuyên môn (40 điểm)"
    assert group_label("thưởng", "Điểm thưởng", "5") == "Điểm thưởng (cộng tối đa 5 điểm)"
    assert group_label("cộng", "Nhóm 3 (tối đa 30 điểm)", "3") == "Nhóm 3 (tối đa 30 điểm) (3 điểm)"  # 30 is not 3


def test_the_nd233_forms_headings_say_each_ceiling_once(tmp_path):
    campaign = dataclasses.replace(cm.in_school_year(load_preset("nd233"), dt.date(2026, 9, 1)), id="nd233-tieu-de")
    folder = make_folder(tmp_path / "truong", campaign)
    period = campaign.periods[0].code
    made = generate_round(folder, ly.SCORING, tmp_path / "out", period=period, today=dt.date(2026, 9, 1))
    wb = load_workbook(sorted(made.paths)[0], read_only=True)
    try:
        headings = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
                    if isinstance(v, str) and "tối đa 30 điểm" in v]
    finally:
        wb.close()
    assert headings and all(h.count("30 điểm") == 1 for h in headings), headings
    assert not any(h.endswith("(30 điểm)") for h in headings)
