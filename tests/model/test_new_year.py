"""The next school year as values (model.new_year, model.campaign.moved_years): what names a past year, what moves."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.new_year import cleared_facts, next_year, past_years_named


@pytest.mark.parametrize("line, found", [
    ("Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 của Trường Tiểu học Trực Cường năm học 2025-2026;",
     ("2025-2026", "08/9/2025")),
    ("Căn cứ Quyết định số 301/QĐ-UBND ngày 05 tháng 9 năm 2025 của UBND xã;", ("ngày 05 tháng 9 năm 2025",)),
    ("Căn cứ Hướng dẫn nhiệm vụ năm học 2024 – 2025 của Sở GD&ĐT;", ("2024 – 2025",)),  # older still
    ("Căn cứ Nghị định số 233/2026/NĐ-CP ngày 26/6/2026 của Chính phủ;", ()),  # a decree stays in force
    ("căn cứ Thông tư số 15/2025/TT-BNV ngày 01/9/2025;", ()),
    ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;", ()),
    ("Căn cứ Kế hoạch số 30/KH-THTC ngày 10/9/2026 năm học 2026-2027;", ()),  # this year's
    ("Căn cứ Kế hoạch ngày 31/7/2025 về hè;", ()),  # a day of the year before last year
    ("Căn cứ Công văn số 2025/2026-SGD ngày 31/02/2026;", ()),  # no school year, no real date
])
def test_what_names_last_school_year(line, found):
    assert past_years_named(line, "2026-2027", "2025-2026") == found


def test_without_last_year_only_a_school_year_written_out_counts():
    line = "Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 năm học 2025-2026;"
    assert past_years_named(line, "2026-2027") == ("2025-2026",)
    assert past_years_named(line, "2025-2026") == ()


def test_moved_years_moves_each_year_a_label_names_and_a_29_february():
    campaign = cm.from_dict(campaign_dict())
    leap = dataclasses.replace(
        campaign, school=dataclasses.replace(campaign.school, filing_date="2028-02-29"),
        periods=(cm.Period("hk2", "Học kỳ II 2027-2028, số 1999", dt.date(2028, 1, 1), dt.date(2028, 5, 31),
                           dt.date(2028, 2, 29)),))
    moved = cm.moved_years(leap, 1)
    assert moved.school.filing_date == "2029-02-28" and moved.periods[0].deadline == dt.date(2029, 2, 28)
    assert moved.periods[0].label == "Học kỳ II 2028-2029, số 1999"
    assert moved.school.school_year == "2026-2027"


def test_next_year_clears_the_facts_and_keeps_the_people():
    previous = cm.from_dict(campaign_dict())
    made = next_year(previous, dt.date(2026, 9, 1), "moi")
    assert made.id == "moi" and made.school.school_year == "2026-2027"
    assert [(p.code, p.start) for p in made.staff] == [(p.code, p.start) for p in previous.staff]
    assert {p.facts for p in made.staff} == {cm.Facts()}
    assert dict(cleared_facts(previous)) == {"rating": 6, "months": 6, "maternity_months": 6, "days_off": 6,
                                             "discipline": 6, "under_review": 6, "initiative": 1,
                                             "initiative_level": 1, "initiative_decision": 1}
    assert cleared_facts(made) == ()
