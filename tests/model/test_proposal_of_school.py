"""A proposal put under its school's code without ``dataclasses.replace`` (72,000 times at a province)
is the proposal ``dataclasses.replace`` gives, every field kept."""

from __future__ import annotations

import dataclasses

from thidua_xlsx.model.commune import COLLECTIVE, PERSON, Proposal


def test_a_proposal_of_a_school_is_what_dataclasses_replace_gives():
    proposals = [Proposal("", PERSON, "GV01", "Nguyễn Thị Lan", "CSTDCS", "Giáo viên", "Trường Kim Sơn", "Nữ",
                          "1980-02-03", 12, 15, "HTXSNV"),
                 Proposal("", COLLECTIVE, "T1", "Tổ Toán – Tin", "TTLDTT", unit="Trường Kim Sơn"),
                 Proposal("X", PERSON, "", "", "")]
    for p in proposals:
        assert p.of_school("KS") == dataclasses.replace(p, school="KS")
        assert dataclasses.astuple(p.of_school("KS"))[1:] == dataclasses.astuple(p)[1:]
