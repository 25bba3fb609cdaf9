"""Part I of the Phiếu xếp loại with its two parts: which rubric gives them (the decree's frame, 30 + 70,
and nothing else), and the longest pages with them — twelve monthly periods with their parts of two decimals, or a
long name, unit and position with periods scored by the head without their parts — still one sheet per person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import RUBRIC_GV, campaign_dict
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.papers import appraisal
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.text import appraisal as atx

FRAME = {"role": "Viên chức", "total": 100, "groups": [
    {"code": "B", "name": "Kết quả thực hiện nhiệm vụ", "kind": "cộng", "max": 70,
     "items": [{"code": "B.1", "text": "Số lượng, chất lượng, tiến độ", "max": 70}]},
    {"code": "A", "name": "Tiêu chí chung", "kind": "cộng", "max": 30,
     "items": [{"code": "A.1", "text": "Chính trị, đạo đức", "max": 30}]}]}


def _rubric(data: dict) -> cm.Rubric:
    return cm.from_dict(campaign_dict(rubrics=[data], staff=[])).rubrics[0]


@pytest.mark.parametrize("groups, expected", [
    (FRAME["groups"], {ev.GENERAL: "A", ev.TASKS: "B"}),  # found by their maxima, in any order
    (RUBRIC_GV["groups"], {}),  # 20 + 80, a bonus and a deduction: in neither part
    (FRAME["groups"] + [{"code": "C", "name": "Điểm thưởng", "kind": "thưởng", "max": 5,
                         "items": [{"code": "C.1", "text": "Sáng kiến", "max": 5}]}], {}),
    ([{**FRAME["groups"][0], "max": 40}, {**FRAME["groups"][1], "max": 30},
      {"code": "D", "name": "Nhiệm vụ khác", "kind": "cộng", "max": 30,
       "items": [{"code": "D.1", "text": "Kiêm nhiệm", "max": 30}]}], {}),  # tasks in two groups
])
def test_only_the_decree_s_frame_gives_the_two_parts(groups, expected):
    rubric = _rubric({"role": "Viên chức", "total": 100, "groups": groups})
    assert ev.decree_groups(rubric) == expected
    parts = ev.decree_parts(rubric, {"A": 27.5, "B": 60, "C": 3, "D": 20})
    assert parts == (ev.Parts(27.5, 60) if expected else ev.UNKNOWN_PARTS)  # never 0 where not known


def test_blank_subtotals_stay_unknown():
    assert ev.decree_parts(_rubric(FRAME), {"A": None, "B": 60}) == ev.Parts(None, 60)
    assert not ev.Parts(None, 60).make(60) and ev.Parts(27.5, 60).make(87.5) and not ev.Parts(27.5, 60).make(88)


# --- the longest pages, printed ----------------------------------------------------------------------------------

def _months() -> list[dict]:
    months = []
    for k in range(12):
        year, month = (2025, 9 + k) if k < 4 else (2026, k - 3)
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        months.append({"code": f"thang-{month}", "label": f"Tháng {month}/{year}", "start": f"{year}-{month:02d}-01",
                       "end": end.isoformat()})
    return months


def _longest(folder: Path) -> tuple[Path, list[str]]:
    """Twelve months: one teacher scored every month with parts of two decimals, one with a long name, unit and
    position scored every month, two of them by the head (a total without its parts). The Phiếu alone, as a .docx;
    its names in order."""
    months = _months()
    person = {"role": "Viên chức", "gender": "Nữ", "dob": "1980-01-02", "start": "2005-09-05", "rating": None,
              "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False, "initiative": "",
              "initiative_level": "", "initiative_decision": "", "months": 12}
    staff = [{**person, "code": "A", "name": "Nguyễn Thị Lan", "department": "T1", "position": "Giáo viên"},
             {**person, "code": "B", "name": "Hoàng Thị Thu Hương Giang Nguyễn Phương", "department": "T2",
              "position": "Giáo viên chủ nhiệm kiêm Tổng phụ trách Đội"}]
    departments = [{"code": "T1", "name": "Tổ khối 1", "head": "", "email": ""},
                   {"code": "T2", "name": "Tổ Văn phòng – Khối 5 và các lớp ghép điểm trường Bản Xa Xa", "head": "",
                    "email": ""}]
    campaign = cm.from_dict(campaign_dict(period_kind=cm.MONTHS, periods=months, staff=staff,
                                          departments=departments, rubrics=[FRAME]))
    periods = {}
    for k, month in enumerate(months):
        a = ev.Parts(26.2 + k / 5, 62.7 - k / 7)
        people = {"A": ev.PeriodEntry(a.general + a.tasks, "department", parts=a)}
        b = ev.Parts(25.75, 55.25) if k not in (3, 7) else ev.UNKNOWN_PARTS  # December, April: the head's
        people["B"] = ev.PeriodEntry(81, "department", parts=b)
        periods[month["code"]] = ev.PeriodSummary(f"tong-hop_{month['code']}.xlsx", month["code"], False, people)
    summary = year_summary(campaign, [], periods)
    path = folder / f"{atx.FILE_APPRAISAL}.docx"
    appraisal.paper(Facts(summary)).save(path)
    return path, [p.name for p in summary.people]


@pytest.mark.libreoffice
def test_the_longest_pages_with_their_parts_still_fit_one_sheet_each(tmp_path):
    from tests.libreoffice import require_libreoffice
    from tests.pdf_pages import pdf_pages
    from thidua_xlsx.papers.pdf import convert_pdfs

    require_libreoffice()
    path, names = _longest(tmp_path)
    made, problem = convert_pdfs([path])
    assert problem == ""
    pages = pdf_pages(made[path])
    assert len(pages) == len(names) == 2, "one sheet per person, twelve periods with their parts included"
    for text, name in zip(pages, names, strict=True):
        words = " ".join(text.split())
        assert f"Họ và tên: {name}" in words and "VIÊN CHỨC TỰ XẾP LOẠI" in words, name
        assert atx.FOOTNOTE.split("Nghị định")[0] in words, name
    lan = " ".join(next(page for page in pages if "Nguyễn Thị Lan" in page).split())
    # (26,2 + … + 28,4) / 12 = 27,3 and (62,7 + … + 61,13) / 12 = 61,91: the year's as its total 89,21
    assert "(tối đa 30 điểm): 27,3 điểm" in lan and "(tối đa 70 điểm): 61,91 điểm" in lan and "89,21/100" in lan
    giang = " ".join(next(page for page in pages if "Hoàng Thị Thu Hương" in page).split())
    unknown = "chưa rõ (Tháng 12/2025, Tháng 4/2026 chỉ có tổng điểm)"  # two totals alone: the year's parts unknown
    assert f"(tối đa 30 điểm): {unknown}" in giang and f"(tối đa 70 điểm): {unknown}" in giang
    assert "Tháng 11/2025: 81; Tháng 12/2025: 81 (chỉ có tổng điểm); Tháng 1/2026: 81;" in giang
    assert "Tháng 4/2026: 81 (chỉ có tổng điểm); Tháng 5/2026: 81;" in giang
