"""A date where sheet Nhân sự wants text (Excel turns "15/3/2026" typed in a cell into one): written as people write
it, never "2026-03-15"; in the sáng kiến's decision number, the decision of that day, its number asked for."""

from __future__ import annotations

import datetime as dt

from tests.campaign_books import facts_of, load, make_book, set_staff


def test_a_date_typed_as_the_decision_number_is_that_day_s_decision_its_number_asked(tmp_path):
    path = make_book(tmp_path / "c")
    campaign, _ = load(path)
    code = campaign.staff[0].code
    row = set_staff(path, code, **{"Tên sáng kiến": "Dạy đọc lớp 1", "Cấp công nhận": "Trường",
                                   "Số QĐ công nhận": dt.datetime(2026, 3, 15)})

    campaign, problems = load(path)

    assert facts_of(campaign, code).initiative_decision == "ngày 15/03/2026"
    (said,) = [p for p in problems if p.code == "campaign.decision_is_date"]
    assert (said.severity, said.cell[1:]) == ("warning", str(row))
    assert 'danh sách đề nghị ghi "QĐ ngày 15/03/2026"' in said.message
