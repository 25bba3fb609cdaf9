"""A school's proposal list as its sheet shows it against its data (read.school_lists.compare): each difference named
by the change a person would describe — a line added or removed, a name, a title or a place changed."""

from __future__ import annotations

import pytest

from thidua_xlsx.model.commune import ADDED, MOVED, REMOVED, RENAMED, RETITLED, ListChange
from thidua_xlsx.read.school_lists import compare

LAN = ("GV01", "CSTDCS", ("Nguyễn Thị Lan", "Giáo viên", "Tổ khối 1", "Chiến sĩ thi đua cơ sở"))
LAN_LDTT = ("GV01", "LDTT", ("Nguyễn Thị Lan", "Giáo viên", "Tổ khối 1", "Lao động tiên tiến"))
DUC = ("GV02", "LDTT", ("Trần Văn Đức", "Giáo viên", "Tổ khối 1", "Lao động tiên tiến"))
DATA = [LAN, LAN_LDTT, DUC]
SHOWN = [line for _, _, line in DATA]


@pytest.mark.parametrize("shown, expected", [
    (SHOWN, ()),
    (SHOWN[::-1], ()),  # sorted in Excel: the same lists
    (SHOWN[:2], (ListChange(REMOVED, "GV02", "LDTT", "Trần Văn Đức"),)),
    ([*SHOWN, ("Lê Văn Nam", "Giáo viên", "Tổ khối 1", "Lao động tiên tiến")],
     (ListChange(ADDED, "", "", "Lê Văn Nam", "Lao động tiên tiến"),)),
    ([SHOWN[0], SHOWN[1], ("Trần Văn Đức Anh", "Giáo viên", "Tổ khối 1", "Lao động tiên tiến")],
     (ListChange(RENAMED, "GV02", "LDTT", "Trần Văn Đức", "Trần Văn Đức Anh"),)),
    ([SHOWN[0], SHOWN[1], ("Trần Văn Đức", "Giáo viên", "Tổ khối 1", "Chiến sĩ thi đua cơ sở")],
     (ListChange(RETITLED, "GV02", "LDTT", "Trần Văn Đức", "Chiến sĩ thi đua cơ sở"),)),
    ([SHOWN[0], SHOWN[1], ("Trần Văn Đức", "Tổ trưởng", "Tổ khối 2", "Lao động tiên tiến")],
     (ListChange(MOVED, "GV02", "LDTT", "Trần Văn Đức", "Tổ trưởng, Tổ khối 2"),)),
    # her CSTĐCS line made a second LĐTT line: her title changed, not Đức's name
    ([SHOWN[1], SHOWN[1], SHOWN[2]], (ListChange(RETITLED, "GV01", "CSTDCS", "Nguyễn Thị Lan", "Lao động tiên tiến"),)),
])
def test_each_difference_is_named(shown, expected):
    assert compare(DATA, shown) == expected


def test_a_title_given_in_the_hidden_data_alone_shows_as_a_line_the_list_lacks():
    forged = ("GV02", "CSTDCS", ("Trần Văn Đức", "Giáo viên", "Tổ khối 1", "Chiến sĩ thi đua cơ sở"))
    assert compare([*DATA, forged], SHOWN) == (ListChange(REMOVED, "GV02", "CSTDCS", "Trần Văn Đức"),)
