"""A day typed at a door (collect's --since, the page's *Từ ngày*): read one way, in the forms a secretary types."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua_xlsx.model.issues import Issue
from thidua_xlsx.model.typed import typed_date

DAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("typed", ["25/11/2026", "2026-11-25", "25-11-2026", "25.11.2026", " 25/11/2026 "])
def test_the_forms_a_secretary_types_name_the_day(typed):
    assert typed_date(typed) == DAY


def test_a_day_or_month_without_its_zero_is_read():
    assert typed_date("1/5/2026") == dt.date(2026, 5, 1)


@pytest.mark.parametrize("typed", ["31/02/2026", "25/13/2026", "25/11/26", "2026/11/25", "11-25-2026", "hôm qua",
                                   ""])
def test_what_names_no_day_is_said_with_the_forms_to_type(typed):
    found = typed_date(typed)

    assert isinstance(found, Issue) and found.code == "typed.date"
    assert found.message == (f"Ngày '{typed.strip()}' không đọc được – chưa làm gì. Hãy gõ ngày/tháng/năm, năm đủ "
                             "bốn chữ số, ví dụ 25/11/2026 (cũng nhận 25-11-2026 và 2026-11-25).")
