"""The monthly year of tests/e2e/test_year.py: three months, eleven people, each person's total per month and the
titles registered; its campaign built in code, and the months' summaries as the year reads them, built in memory."""

from __future__ import annotations

from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model.titles import CSTDCS, LDTT

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01",
           "end": f"2025-{m:02d}-{30 if m in (9, 11) else 31}", "deadline": f"2025-{m + 1:02d}-05"}
          for m in (9, 10, 11)]
PERIODS = [m["code"] for m in MONTHS]
# code, name, department, role, entered rating, months worked, maternity months, discipline, sáng kiến decision
STAFF = [
    ("GV01", "Nguyễn Thị Lan", "T1", "Giáo viên", None, 12, 0, "Không", ""),
    ("GV02", "Trần Văn Đức", "T1", "Giáo viên", None, 12, 0, "Không", ""),
    ("GV03", "Lê Thị Dung", "T1", "Giáo viên", None, 2, 5, "Không", ""),
    ("GV04", "Phạm Ngọc Ánh", "T1", "Giáo viên", None, 12, 0, "Không", ""),
    ("GV05", "Hoàng Văn Tùng", "T2", "Giáo viên", None, 12, 0, "Khiển trách", ""),
    ("GV06", "Vũ Thị Mai", "T2", "Giáo viên", "HTTNV", 12, 0, "Không", ""),
    ("GV07", "Đặng Văn Hùng", "T2", "Giáo viên", None, 4, 0, "Không", ""),
    ("GV08", "Bùi Thị Hoa", "T2", "Giáo viên", None, 12, 0, "Không", ""),
    ("GV09", "Ngô Văn Bình", "T2", "Giáo viên", None, 12, 0, "Không", ""),
    ("NV01", "Đỗ Văn Anh", "T2", "Nhân viên", None, 12, 0, "Không", ""),
    ("GV10", "Lý Thị Hạnh", "T1", "Giáo viên", None, 12, 0, "Không", ""),
]
SCOPES = {"GV05": "Nhiệm vụ"}  # what the discipline was for (NĐ 233/2026 điều 12 khoản 4 điểm c): KHTNV
TOTALS = {  # each person's total per month (None: not scored that month)
    "GV01": (95, 96, 94), "GV02": (92, 91, 93), "GV03": (80, None, None), "GV04": (80, None, 90),
    "GV05": (85, 85, 85), "GV06": (60, 60, 60), "GV07": (75, 75, 75), "GV08": (75, 76, 77), "GV09": (72, 70, 74),
    "NV01": (91, 91, 91), "GV10": (80, 81, 80),  # GV10: a year of 80,3333…, printed 80,33
}
REGISTERED = {"GV01": CSTDCS, "GV02": CSTDCS, "GV03": LDTT, "GV04": LDTT, "GV06": LDTT, "GV08": CSTDCS}


def campaign() -> cm.Campaign:
    staff = [{"code": code, "name": name, "department": dept, "role": role, "position": "Giáo viên",
              "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": rating, "months": months,
              "maternity_months": maternity, "days_off": 0, "discipline": discipline, "under_review": False,
              "initiative": "", "initiative_level": "", "initiative_decision": decision,
              "discipline_scope": SCOPES.get(code)}
             for code, name, dept, role, rating, months, maternity, discipline, decision in STAFF]
    rules = {"ldtt_min_classification": "HTTNV"}
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(id="nam-hoc-theo-thang", period_kind=cm.MONTHS, periods=MONTHS, staff=staff,
                                      rules=rules, classification=levels, gate_cap="HTNV",
                                      rubrics=[RUBRIC_GV, RUBRIC_NV]))

def period_summaries(totals: dict[str, tuple], codes: list[str],
                     registered: dict[str, str]) -> dict[str, ev.PeriodSummary]:
    """The periods' summaries as the year reads them, built in memory: each person's total per period."""
    return {period: ev.PeriodSummary(f"tong-hop_{period}.xlsx", period, False,
                                     {code: ev.PeriodEntry(t[k], registered=registered.get(code, ""))
                                      for code, t in totals.items() if t[k] is not None})
            for k, period in enumerate(codes)}
