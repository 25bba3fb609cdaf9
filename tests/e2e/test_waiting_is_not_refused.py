""""Không đủ điều kiện" only for who fails a condition, "chờ" for who waits (docs/conventions.md: Messages — a
decision that cannot be made on what is known is pending, never refused on a fact nobody entered). A draft monthly
year on 10/11/2026 (tests/waiting_year.py): a teacher whose Tháng 10 form came back unfinished, a teacher disciplined
(khiển trách), and departments whose Nhân sự facts nobody entered. Every output read back: the JSON, the year
workbook's sheets Không đề nghị, Biên bản and Tập thể, and the Word papers."""

from __future__ import annotations

from tests.documents import docx_text
from tests.new_user_year import sheet_lines
from thidua_xlsx.model.titles import LDTT, TTLDTT
from thidua_xlsx.text import summary as sx


def _person(year, code) -> dict:
    return next(p for p in year.data["people"] if p["code"] == code)


def _decision(found: dict, title: str) -> dict:
    return next(d for d in found["decisions"] if d["title"] == title)


def _row(year, code) -> str:
    name = _person(year, code)["name"]
    return next(line for line in sheet_lines(year.summary, sx.S_REFUSED) if f"| {name} |" in line)


def test_the_json_says_who_waits_as_pending_and_who_fails_as_refused(waiting_year):
    year = waiting_year
    for code in (year.waiting, year.unknown):  # a form unfinished; facts nobody entered
        ldtt = _decision(_person(year, code), LDTT)
        assert ldtt["pending"] and not ldtt["granted"], (code, ldtt)
    refused = _decision(_person(year, year.refused), LDTT)
    assert not refused["pending"] and refused["reasons"][0]["code"] == "ldtt.disciplined"
    for person in year.data["people"]:  # a CSTĐCS resting on a LĐTT that waits is never "chưa đạt LĐTT"
        if any(d["pending"] for d in person["decisions"] if d["title"] == LDTT):
            assert all(r["code"] != "cstdcs.no_ldtt" for d in person["decisions"] for r in d["reasons"]), person


def test_a_department_whose_members_facts_nobody_entered_waits_for_its_collective_title(waiting_year):
    year = waiting_year
    department = _person(year, year.unknown)["department"]
    found = next(d for d in year.data["departments"] if d["code"] == department)
    ttldtt = next(d for d in found["decisions"] if d["title"] == TTLDTT)
    assert ttldtt["pending"] and not ttldtt["granted"], ttldtt
    name = next(d.name for d in year.campaign.departments if d.code == department)
    line = next(line for line in sheet_lines(year.summary, sx.S_COLLECTIVE) if line.startswith(f"{name} |"))
    assert "chờ" in line and "cần trên" not in line, line


def test_sheet_khong_de_nghi_says_who_waits_apart_from_who_fails(waiting_year):
    year = waiting_year
    lines = sheet_lines(year.summary, sx.S_REFUSED)
    waiting = sum(1 for p in year.data["people"] if p["registered"] and not p["proposed"]
                  and next(d for d in p["decisions"] if not d["granted"])["pending"])
    assert sx.REFUSED_SUBTITLE_WAITING.format(refused=1, waiting=waiting) in lines
    for code in (year.waiting, year.unknown):
        assert "| chờ xét – " in _row(year, code), _row(year, code)
    assert "chờ xét" not in _row(year, year.refused) and "bị kỷ luật khiển trách" in _row(year, year.refused)


def test_the_bien_ban_counts_the_refused_and_the_waiting_apart(waiting_year):
    year = waiting_year
    lines = sheet_lines(year.summary, sx.S_MINUTES)
    waiting = sum(1 for p in year.data["people"] if p["registered"] not in ("", "KHONG_DANG_KY")
                  and not p["proposed"] and next(d for d in p["decisions"] if not d["granted"])["pending"])
    assert sx.MINUTES_REFUSED.format(count=1, listed="") in lines
    assert sx.MINUTES_WAITING.format(count=waiting, listed="") in lines


def test_no_paper_says_a_waiting_person_fails(waiting_year):
    year = waiting_year
    names = [_person(year, code)["name"] for code in (year.waiting, year.unknown, year.refused)]
    papers = sorted(year.docs.rglob("*.docx"))
    assert papers
    for paper in papers:
        text = docx_text(paper)
        assert "không đủ điều kiện" not in text and "chưa đạt Lao động tiên tiến" not in text, paper.name
        if paper.parent.name.startswith("Lao-dong"):  # the LĐTT list: none of the three proposed
            assert not any(name in text for name in names), paper.name


def test_a_dossier_written_before_the_vote_never_says_its_bien_ban_holds_the_vote(waiting_year):
    """A CSTĐCS is put to the council's vote and no count is typed yet: each title's Danh-muc-ho-so.txt names the
    Biên bản as one without the vote's results, and says where they go (QĐ 638/QĐ-BNV asks the minutes with them)."""
    checklists = sorted(waiting_year.docs.rglob("Danh-muc-ho-so.txt"))
    assert checklists
    for checklist in checklists:
        text = checklist.read_text(encoding="utf-8-sig")
        assert "Biên bản họp bình xét (chưa có kết quả bỏ phiếu: ghi ở sheet Kiểm phiếu" in text, checklist
        assert "(có kết quả bỏ phiếu)" not in text
