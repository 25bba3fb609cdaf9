"""Cases the fifth table of law cases left untested, each as the secretary checks it on the year's sheet: the semester
formula ((HKI + 2 × HKII) / 3) with a semester wholly away, and the HTXSNV cap's numbers while a member's year is
pending (a discipline whose scope is not said). Years built in code, written as ``year`` writes them and read back;
the quarterly year's council and a transfer in from a school that scored by month are tests/e2e/test_untidy_quarters.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS
from thidua_xlsx.write.summary import write_summary

LEVELS = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
          {"name": "KHTNV", "min": 0}]
SEMESTERS = [{"code": "hk1", "label": "Học kỳ I", "start": "2026-09-05", "end": "2027-01-15", "deadline": ""},
             {"code": "hk2", "label": "Học kỳ II", "start": "2027-01-18", "end": "2027-05-31", "deadline": ""}]


def _person(code: str, **facts) -> dict:
    return {"code": code, "name": f"Người {code}", "department": "T1", "role": "Giáo viên", "position": "Giáo viên",
            "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": None, "months": 12,
            "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False, "initiative": "",
            "initiative_level": "", "initiative_decision": ""} | facts


def _written(campaign: cm.Campaign, totals: dict[str, tuple], tmp_path: Path):
    periods = {p.code: ev.PeriodSummary(f"tong-hop_{p.code}.xlsx", p.code, True,
                                        {code: ev.PeriodEntry(t[k]) for code, t in totals.items() if t[k] is not None})
               for k, p in enumerate(campaign.periods)}
    summary = year_summary(campaign, [], periods)
    write_summary(summary, tmp_path / "nam.xlsx")
    ws = load_workbook(tmp_path / "nam.xlsx")[sx.S_YEAR]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(k for k, row in enumerate(rows) if row[:4] == list(sx.YEAR_HEAD_FIRST))
    return summary, {row[1]: dict(zip(rows[head], row)) for row in rows[head + 1:] if row[1]}


# --- the semester formula with a semester away -------------------------------------------------------------------

def _semesters() -> cm.Campaign:
    staff = [_person("AWAY1", maternity_months=4, leave=cm.LEAVE_MATERNITY_WORD, away=["hk1"], months=6),
             _person("AWAY2", leave=cm.LEAVE_SICK_WORD, away=["hk2"], months=5),
             _person("BOTH")]
    return cm.from_dict(campaign_dict(id="hoc-ky", period_kind=cm.SEMESTER_PERIODS, periods=SEMESTERS, staff=staff,
                                      year_formula={"kind": cm.SEMESTERS, "weights": [["hk1", 1], ["hk2", 2]]},
                                      rules={"ldtt_min_classification": ""}, classification=LEVELS, gate_cap="HTNV",
                                      rubrics=[RUBRIC_GV, RUBRIC_NV]))


@pytest.fixture
def semesters(tmp_path):
    return _written(_semesters(), {"AWAY1": (None, 85), "AWAY2": (92, None), "BOTH": (80, 95)}, tmp_path)


def test_a_semester_away_weighs_nothing_the_other_is_the_year(semesters):
    summary, sheet = semesters
    ratings = summary.year.ratings
    # never (0 + 2 × 85) / 3 = 56,67 nor (92 + 0) / 3: the formula renormalised over the semester worked
    assert (ratings["AWAY1"].score, ratings["AWAY1"].rating, ratings["AWAY1"].away) == (85, "HTTNV", ("hk1",))
    assert (ratings["AWAY2"].score, ratings["AWAY2"].away) == (92, ("hk2",))  # HTXSNV by the score, capped: 3 people
    assert ratings["BOTH"].score == 90  # (80 + 2 × 95) / 3
    assert (sheet["AWAY1"]["Học kỳ I"], sheet["AWAY1"]["Học kỳ II"], sheet["AWAY1"]["Số kỳ có điểm"]) == (
        PERIOD_WORDS["away"], 85, "1/1")
    assert (sheet["AWAY2"]["Học kỳ I"], sheet["AWAY2"]["Học kỳ II"], sheet["AWAY2"]["Điểm năm"]) == (
        92, PERIOD_WORDS["away"], 92)
    assert "thiếu" not in (sheet["AWAY1"]["Học kỳ I"], sheet["AWAY2"]["Học kỳ II"])
    said = {r.code: r.text for r in ratings["AWAY1"].reasons}
    assert said["year.score_semesters"].startswith("điểm năm 85 theo công thức (điểm HKI + 2 × điểm HKII) / 3")
    assert "year.missing" not in said and "year.away" in said


# --- the cap's numbers while a member's year is pending -----------------------------------------------------------

MONTHS = [{"code": "thang-9", "label": "Tháng 9/2026", "start": "2026-09-01", "end": "2026-09-30", "deadline": ""}]
# eleven teachers reach HTTNV or better: 1 HTXSNV place (1 ≤ 20 % of the 10 HTTNV); the twelfth, at 95, waits for
# what her reprimand was for — rated by her score, she would make twelve and two places
TOTALS = {"GV01": (96,), "GV02": (93,), **{f"GV{n:02}": (80 + n,) for n in range(3, 12)}, "GV12": (95,)}


def _cap(scope: str | None) -> cm.Campaign:
    staff = [_person(code) for code in TOTALS if code != "GV12"]
    staff.append(_person("GV12", discipline="Khiển trách", discipline_scope=scope))
    return cm.from_dict(campaign_dict(id="ty-le", period_kind=cm.MONTHS, periods=MONTHS, staff=staff,
                                      rules={"ldtt_min_classification": ""}, classification=LEVELS, gate_cap="HTNV",
                                      rubrics=[RUBRIC_GV, RUBRIC_NV]))


def test_the_cap_s_numbers_say_the_pending_member_may_change_them(tmp_path):
    summary, sheet = _written(_cap(None), TOTALS, tmp_path)
    ratings = summary.year.ratings
    assert ratings["GV12"].rating == ev.PENDING
    assert (ratings["GV01"].rating, ratings["GV02"].rating, ratings["GV02"].capped) == ("HTXSNV", "HTTNV", True)
    outside = next(r for r in ratings["GV02"].reasons if r.code == "year.cap_outside").text
    assert outside == ("xếp HTTNV vì ngoài tỷ lệ HTXSNV: đứng thứ 2 theo điểm năm; nhóm Giáo viên có 11 người đạt từ "
                       "HTTNV trở lên, tối đa 1 người HTXSNV để số HTXSNV không vượt quá 20% số HTTNV, làm tròn xuống "
                       "(NĐ 233/2026 điều 12 khoản 6 điểm a)")
    for code in ("GV01", "GV02"):
        assert "1 người trong nhóm chưa xếp loại được" in next(
            r for r in ratings[code].reasons if r.code == "year.cap_pending").text
    assert sheet["GV02"]["Xếp loại năm"] == "HTTNV" and "ngoài tỷ lệ HTXSNV (thứ 2, nhóm Giáo viên có 1 suất)" in \
        sheet["GV02"]["Lý do"]


def test_once_the_pending_member_is_rated_the_numbers_are_counted_again(tmp_path):
    summary, sheet = _written(_cap(cm.SCOPE_OTHER), TOTALS, tmp_path)  # rated by her score: 95, HTXSNV
    ratings = summary.year.ratings
    assert [code for code, r in ratings.items() if r.rating == "HTXSNV"] == ["GV01", "GV12"]  # 12 reach HTTNV: 2
    assert not any(r.code == "year.cap_pending" for r in ratings["GV01"].reasons)
    assert "nhóm Giáo viên có 12 người đạt từ HTTNV trở lên, tối đa 2 người HTXSNV" in next(
        r for r in ratings["GV02"].reasons if r.code == "year.cap_outside").text
    assert "ngoài tỷ lệ HTXSNV (thứ 3, nhóm Giáo viên có 2 suất)" in sheet["GV02"]["Lý do"]
