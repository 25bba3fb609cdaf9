"""A small school's Summary built in code (two departments, six people, four files, four problems), for the tests
of what is written from a Summary."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from tests.conftest import campaign_dict
from thidua_xlsx.decide.consolidate import ranks
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED, SKIPPED, SUPERSEDED, InboxFile, Submission
from thidua_xlsx.model.issued import IssuedWorkbook
from thidua_xlsx.model.issues import ERROR, NOTE, WARNING, issue, reason
from thidua_xlsx.model.results import (
    STATUS_DEPT_MISSING,
    STATUS_SUBMITTED,
    Decision,
    DepartmentResult,
    PersonResult,
    Score,
    Summary,
)
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua_xlsx.text.collation import name_key

FORMULA_NAME = '=HYPERLINK("http://x","a")'


NEWEST = dt.datetime(2026, 5, 18, 3, 30)
T1_FILE, T1_OLD, T2_FILE = "2025-2026_cham-diem_To-khoi-1.xlsx", "cu/To-khoi-1.xlsx", "To-Van-phong.xlsx"
GRANTED_LDTT = "đủ điều kiện: xếp loại viên chức HTTNV, làm việc 12 tháng, không bị kỷ luật"
REFUSED_MONTHS = "chỉ làm việc 7 tháng (cần từ 8)"


def _score(total: float, first: float) -> Score:
    return Score(total, {"I": first, "II": total - first, "III": 0, "IV": 0}, True, 6, 0)


def _person(campaign: cm.Campaign, code: str, registered: str, final: float | None, decisions, **extra) -> PersonResult:
    staff = {p.code: p for p in campaign.staff}
    base = staff.get(code)
    dept = extra.pop("department", base.department if base else "T2")
    fields = dict(code=code, name=base.name if base else "", department=dept,
                  department_name=campaign.department(dept).name, role=base.role if base else "Giáo viên",
                  position=base.position if base else "Giáo viên", status=STATUS_SUBMITTED,
                  facts=base.facts if base else cm.Facts(), registered=registered, file=T1_FILE,
                  sheet=f"01 {base.name if base else code}", final=final,
                  final_source="department" if final is not None else "",
                  self_score=_score(final + 2, 18) if final is not None else None,
                  dept_score=_score(final, 17) if final is not None else None,
                  classification="Xuất sắc" if (final or 0) >= 90 else "Tốt" if final else "",
                  decisions=tuple(decisions))
    fields.update(extra)
    return PersonResult(**fields)


def _decision(title: str, granted: bool, why) -> Decision:
    return Decision(title, granted, (why,))


def _file(name: str, status: str, department: str = "", campaign: cm.Campaign | None = None, issues=(),
          saved: dt.datetime | None = None, reason_code: str = "") -> InboxFile:
    submission = None
    if department:
        layout = ly.WorkbookLayout(campaign.id, campaign.school.school_year, ly.SCORING, department,
                                   campaign.department(department).name, "abc", ())
        submission = Submission(IssuedWorkbook(layout, (), "", (), "", name, ()))
    return InboxFile(path=Path("/inbox") / name, name=name, size=20480, modified=dt.datetime(2026, 5, 1, 8, 0),
                     sha256="ab" * 32, saved_at=saved, status=status, reason=reason_code, submission=submission,
                     issues=tuple(issues))


def make_summary(round_: str = ly.SCORING) -> Summary:
    """A small school: two departments, six people, four files, four problems."""
    c = cm.from_dict(campaign_dict(legal_basis=["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
                                                "Căn cứ Kế hoạch thi đua năm học 2025-2026 của trường;"]))
    scoring = round_ == ly.SCORING
    ldtt_ok = _decision(LDTT, True, reason("ldtt.granted", rating="HTTNV", worked=12.0, maternity=None,
                                                 classified=None))
    excellent = reason("cstdcs.granted", first=reason("cstdcs.excellent"), second=None)
    neither = reason("cstdcs.refused", first=reason("cstdcs.not_excellent"),
                     second=reason("join.and", part=reason("cstdcs.no_initiative")))
    people = [
        _person(c, "GV01", CSTDCS, 95.5, [ldtt_ok, _decision(CSTDCS, True, excellent)]),
        _person(c, "GV02", CSTDCS, 88, [ldtt_ok, _decision(CSTDCS, False, neither)]),
        _person(c, "GV03", LDTT, 80, [_decision(LDTT, False, reason("ldtt.months_short", worked=7.0,
                                                                                 needed=8))]),
        _person(c, "GV04", LDTT, None, [_decision(LDTT, False, reason("ldtt.department_missing"))],
                status=STATUS_DEPT_MISSING, file="", sheet=""),
        _person(c, "GV05", "", 75, [_decision(LDTT, False, reason("ldtt.not_registered"))]),
        _person(c, "NV01", LDTT, 91, [ldtt_ok], role="Nhân viên"),
        _person(c, "X01", LDTT, 72, [ldtt_ok], name=FORMULA_NAME, newcomer=True,
                flags=(reason("flag.newcomer"),)),
    ]
    if not scoring:
        people = [replace(p, final=None, self_score=None, dept_score=None, final_source="", classification="",
                          decisions=()) for p in people]
    people.sort(key=lambda p: ([d.code for d in c.departments].index(p.department), name_key(p.name), p.code))
    people = [replace(p, rank_school=school, rank_department=in_dept)
              for p, school, in_dept in zip(people, *ranks(people))]
    share = reason("collective.share", ldtt=2, members=4, percent="50")
    departments = [
        DepartmentResult("T1", "Tổ khối 1", 3, True, T1_FILE, TTLDTT,
                         (_decision(TTLDTT, True, reason("collective.ttldtt_granted", share=reason(
                             "collective.share", ldtt=2, members=3, percent="66,7"))),) if scoring else ()),
        DepartmentResult("T2", "Tổ Văn phòng – Khối 5", 4, True, T2_FILE, TTLDXS,
                         (_decision(TTLDXS, False, reason("collective.no_cstdcs")),
                          _decision(TTLDTT, False, reason("collective.share_not_above", share=share,
                                                                needed="50"))) if scoring else ()),
    ]
    problems = [
        issue("file.skipped_lock", NOTE, file="~$To-khoi-1.xlsx"),
        issue("person.score_gap", WARNING, file=T1_FILE, sheet="02 Trần Văn Đức", name="Trần Văn Đức",
              self_score="95", dept_score="88", gap="7", tolerance="5"),
        issue("value.out_of_range", ERROR, file=T2_FILE, sheet="01 Đỗ Văn Anh", cell="D12", value="120", max="50"),
        issue("file.not_workbook", ERROR, file="ghi-chu.docx"),
    ]
    files = [
        _file("~$To-khoi-1.xlsx", SKIPPED, issues=[problems[0]]),
        _file(T1_FILE, ACCEPTED, "T1", c, saved=NEWEST),
        _file(T1_OLD, SUPERSEDED, "T1", c, issues=[issue("file.superseded", WARNING, file=T1_OLD,
                                                         department="Tổ khối 1", newer=T1_FILE, saved="17/05/2026 "
                                                                                                      "10:30 (trong "
                                                                                                      "tệp)",
                                                         newer_saved="18/05/2026 10:30 (trong tệp)")],
              reason_code="file.superseded"),
        _file(T2_FILE, ACCEPTED, "T2", c),
        _file("ghi-chu.docx", REJECTED, issues=[problems[3]], reason_code="file.not_workbook"),
    ]
    return Summary(c, round_, tuple(files), tuple(people), tuple(departments), tuple(problems), NEWEST)
