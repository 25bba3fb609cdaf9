"""The Biên bản's line after the vote's count: who passed the secret ballot and is not on the list, with a few words
of why — a tie still open is said as one, never as "ngoài số lượng" (one of the tied is within the quota)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.summaries import make_summary
from thidua_xlsx.model.council import Tally, VoteResult
from thidua_xlsx.model.issues import reason
from thidua_xlsx.model.results import Decision
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.write.summary.content import passed_not_proposed_text


@pytest.mark.parametrize("why, said", [
    (reason("quota.tie", score=90.0, tied=2, left=1, percent=15, slots=1, detail=None),
     "bằng điểm ở suất cuối, chờ Hội đồng chọn"),
    (reason("quota.outside", percent=15, slots=1), "ngoài số lượng theo tỷ lệ của danh hiệu"),
    (reason("council.tie_not_chosen"), "theo quyết định của Hội đồng, mục 4"),
    (reason("cstdcs.no_ldtt"), "xem bảng tổng hợp"),
])
def test_who_passed_and_is_not_proposed_is_said_in_the_minutes_words(why, said):
    summary = make_summary()
    gv02 = next(p for p in summary.people if p.code == "GV02")
    passed = VoteResult("GV02", CSTDCS, 9, 8, True, reason("vote.passed", votes=9, members=10, needed=8, percent=80,
                                                            share=90.0))
    tally = Tally(10, 10, 10, 10, 7, True, (passed,))
    people = tuple(replace(p, decisions=(Decision(CSTDCS, False, (why,), pending=why.code == "quota.tie"),))
                   if p is gv02 else p for p in summary.people)

    text = passed_not_proposed_text(replace(summary, people=people, tally=tally), CSTDCS)

    assert text == ("các trường hợp đạt tỷ lệ phiếu nhưng không có trong danh sách đề nghị Chiến sĩ thi đua cơ sở: "
                    f"{gv02.name} ({said})")
