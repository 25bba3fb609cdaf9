"""A teacher who moves to another school on 01/11 in a monthly NĐ 233/2026 year, run from the command line as the
secretary runs it: sheet Nhân sự says the day she leaves and where to ("Chuyển đi từ ngày", "Chuyển đến trường").
September and October are generated, filled and merged with her; November is generated without her form, its merge
and its reminders never name her; the year neither rates her nor proposes her (the new school does: NĐ 233/2026 điều
15 khoản 1 điểm a), prints "đã chuyển" for November, not "thiếu", and writes with its papers the Phiếu kết quả the
head signs for the new school, listing her September and October."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, register, stamp_saved_time
from tests.init_fixtures import on_day
from tests.no_office import without_libreoffice
from tests.openxml import describe, findings, unaccepted_findings
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import LDTT, TTLDTT

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2026", "start": f"2026-{m:02d}-01",
           "end": f"2026-{m:02d}-{30 if m in (9, 11) else 31}", "deadline": f"2026-{m + 1:02d}-05"}
          for m in (9, 10, 11)]
MOVER, NEW_SCHOOL = "GV02", "Trường Tiểu học Hòa Bình"
# the decree's frame: general criteria 30, tasks 70 (NĐ 233/2026 điều 10, 11), so each period keeps its two parts
RUBRIC = {"role": "Giáo viên", "total": 100, "groups": [
    {"code": "I", "name": "Tiêu chí chung", "kind": "cộng", "max": 30,
     "items": [{"code": "I.1", "text": "Chính trị, đạo đức", "max": 15},
               {"code": "I.2", "text": "Kỷ luật", "max": 15}]},
    {"code": "II", "name": "Kết quả thực hiện nhiệm vụ", "kind": "cộng", "max": 70,
     "items": [{"code": "II.1", "text": "Giảng dạy", "max": 40}, {"code": "II.2", "text": "Chủ nhiệm", "max": 30}]}]}
STAFF_RUBRIC = {"role": "Nhân viên", "total": 100, "groups": [
    {"code": "I", "name": "Tiêu chí chung", "kind": "cộng", "max": 30,
     "items": [{"code": "I.1", "text": "Chính trị, đạo đức", "max": 30}]},
    {"code": "II", "name": "Kết quả thực hiện nhiệm vụ", "kind": "cộng", "max": 70,
     "items": [{"code": "II.1", "text": "Công việc", "max": 70}]}]}
SCORES = {"Giáo viên": ({"I.1": 14, "I.2": 13, "II.1": 36, "II.2": 25},  # 88 = 27 + 61
                        {"I.1": 15, "I.2": 14, "II.1": 38, "II.2": 26}),  # 93 = 29 + 64
          "Nhân viên": ({"I.1": 27, "II.1": 60}, {"I.1": 28, "II.1": 62})}
REGISTERED = {"GV01": LDTT, MOVER: LDTT, "GV03": LDTT, "GV04": LDTT, "GV05": LDTT, "NV01": LDTT}


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _campaign() -> cm.Campaign:
    school = {**campaign_dict()["school"], "school_year": "2026-2027", "registration_deadline": "2026-09-30",
              "scoring_deadline": "2026-12-10"}
    data = campaign_dict(period_kind=cm.MONTHS, periods=MONTHS, school=school, rubrics=[RUBRIC, STAFF_RUBRIC],
                         rules={"ldtt_min_classification": ""})
    for person in data["staff"]:
        person |= {"rating": None, "months": 12, "maternity_months": 0, "discipline": "Không",
                   "discipline_scope": None}
        if person["code"] == MOVER:
            person |= {"moved_on": "2026-11-01", "moved_to": NEW_SCHOOL, "months": 2}
    return cm.from_dict(data)


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    root = tmp_path_factory.mktemp("chuyen-di")
    folder = make_folder(root / "campaign", _campaign())
    book = folder.folder / "campaign.xlsx"
    registrations = register(folder, REGISTERED, root, collective={"T1": TTLDTT})  # her department's own title
    ky = root / "ky"
    found: dict = {"book": load_workbook(book, read_only=True)}
    for k, month in enumerate(MONTHS):
        period = month["code"]
        result = _run("generate", book, "--round", "cham-diem", "--period", period, "--from", registrations)
        assert result.exit_code == 0, result.output
        books = sorted((folder.folder / "outbox" / period).glob("*.xlsx"))
        found[f"forms_{period}"] = {rec.person_code for path in books for rec in layout(path).of_kind(ly.ScoringSheet)}
        inbox = root / "inbox" / period
        for path in books:
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                if rec.person_code:
                    scores = SCORES[rec.role][k % 2]
                    values |= person_values(rec, scores, scores)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime(2026, 10 + k, 3, 8, 0))
        out = ky / f"tong-hop_{period}.xlsx"
        result = _run("merge", inbox, "--campaign", book, "--period", period, "-o", out, "--json",
                      root / f"{period}.json")
        assert result.exit_code == 0, result.output
        found[period] = json.loads((root / f"{period}.json").read_text(encoding="utf-8"))
        status = _run("status", inbox, "--campaign", book, "--period", period, "--nhac")
        assert status.exit_code == 0, status.output
        found[f"status_{period}"] = status.output
    papers = root / "ho-so"
    with pytest.MonkeyPatch.context() as day:  # November still running: her November is still not hers, not 'chưa hết'
        on_day(day, dt.date(2026, 11, 20))
        without_libreoffice(day)  # its papers read as Word: no PDF made
        result = _run("year", ky, "--campaign", book, "-o", root / "nam.xlsx", "--json", root / "nam.json",
                      "--docs", papers)
    assert result.exit_code == 0, result.output
    found |= {"year": json.loads((root / "nam.json").read_text(encoding="utf-8")), "papers": papers,
              "year_book": load_workbook(root / "nam.xlsx", read_only=True), "year_output": result.output}
    result = _run("init", root / "nam-sau", "--tu", folder.folder)
    assert result.exit_code == 0, result.output
    found |= {"next_year": load_workbook(root / "nam-sau" / "campaign.xlsx", read_only=True),
              "next_output": " ".join(result.output.split()),
              "written": {"year": root / "nam.xlsx", "next_year": root / "nam-sau" / "campaign.xlsx"}}
    yield found
    for book in ("book", "year_book", "next_year"):  # a read-only workbook holds its file open until closed
        found[book].close()


def test_the_year_summary_and_next_year_s_campaign_book_pass_the_open_xml_validator(moved):
    """The year's summary is streamed like every summary (its one accepted finding: tests/write/test_openxml_audit.py);
    next year's campaign book is written by xlsxwriter like this year's: no finding at all."""
    assert unaccepted_findings(moved["written"]["year"]) == []
    assert describe(findings(moved["written"]["next_year"])) == []


def _people(data: dict) -> dict[str, dict]:
    return {p["code"]: p for p in data["people"]}


def test_the_campaign_book_has_the_two_columns_and_reads_them_back(moved):
    ws = moved["book"]["Nhân sự"]
    heads = [c.value for c in next(ws.iter_rows(max_row=1))]
    assert {"Chuyển đi từ ngày", "Chuyển đến trường"} <= set(heads)


def test_her_months_before_the_move_are_hers_and_november_asks_nobody_for_her(moved):
    assert MOVER in moved["forms_thang-9"] and MOVER in moved["forms_thang-10"]
    assert MOVER not in moved["forms_thang-11"]  # no form: nothing to fill in for her
    assert MOVER not in _people(moved["thang-11"])
    assert "Trần Văn Đức" not in moved["status_thang-11"]  # no reminder
    assert not [p for p in moved["thang-11"]["problems"] if "Trần Văn Đức" in json.dumps(p, ensure_ascii=False)]
    assert _people(moved["thang-10"])[MOVER]["scores"]["final"] == 93


def test_the_year_neither_rates_nor_proposes_her_and_says_the_law(moved):
    duc = _people(moved["year"])[MOVER]
    year = duc["year"]
    assert (year["rating"], year["after_leaving"], year["missing"], year["used"]) == (
        "KHONG_XEP_LOAI", ["thang-11"], [], ["thang-9", "thang-10"])
    said = {r["code"]: r for r in year["reasons"]}
    assert said["year.moved_away"]["params"] == {"day": "01/11/2026", "school": NEW_SCHOOL}
    (ldtt,) = [d for d in duc["decisions"] if d["title"] == LDTT]
    assert not ldtt["granted"] and not ldtt["pending"] and ldtt["reasons"][0]["code"] == "ldtt.moved_away"
    assert duc["proposed"] == ""
    assert not [p for p in moved["year"]["problems"] if p["code"] == "year.person_periods_missing"
                and p["params"]["person"] == MOVER]
    t1 = next(d for d in moved["year"]["departments"] if d["code"] == "T1")
    assert t1["members"] == 2  # she is no member of the department when its title is considered (3 on the roster)


def test_the_year_s_sheet_prints_november_as_moved_not_missing(moved):
    ws = moved["year_book"]["Xếp loại năm"]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    row = next(r for r in rows if MOVER in r)
    assert "đã chuyển" in row and "thiếu" not in row
    assert row[-1] == ("Tháng 11/2026 sau khi chuyển đi: không tính; chuyển đến Trường Tiểu học Hòa Bình từ "
                       "01/11/2026: đơn vị mới xếp loại")
    assert row[row.index("2/2") + 2] == "Không xếp loại"


def _paper_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_paper_for_the_new_school_lists_september_and_october(moved):
    (path,) = moved["papers"].glob("Phieu-ket-qua-chuyen-cong-tac_*.docx")
    assert path.name == "Phieu-ket-qua-chuyen-cong-tac_Tran-Van-Duc_GV02.docx"
    text = _paper_text(path)
    for line in ("PHIẾU KẾT QUẢ THEO DÕI, ĐÁNH GIÁ VIÊN CHỨC", f"Kính gửi: {NEW_SCHOOL}", "1. Họ và tên: Trần Văn Đức.",
                 f"3. Chuyển công tác đến {NEW_SCHOOL} từ ngày 01/11/2026; thời gian công tác tại trường trong năm "
                 "học: 01/09/2026 – 31/10/2026.", "Căn cứ điểm a khoản 1 Điều 15 Nghị định số 233/2026/NĐ-CP",
                 "Số kỳ có điểm: 2/2."):
        assert line in text, line
    doc = Document(str(path))
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "STT"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows == [["1", "Tháng 9/2026", "01/09 – 30/09/2026", "27", "61", "88", ""],
                    ["2", "Tháng 10/2026", "01/10 – 31/10/2026", "29", "64", "93", ""]]
    assert "Tháng 11/2026" not in text


def test_her_page_is_not_in_the_year_s_phieu_xep_loai(moved):
    (appraisal,) = moved["papers"].glob("Phieu-xep-loai-chat-luong-vien-chuc.docx")
    text = _paper_text(appraisal)
    assert "Trần Văn Đức" not in text and "Nguyễn Thị Lan" in text


def test_next_year_s_roster_leaves_her_out_and_says_so(moved):
    codes = [row[0] for row in moved["next_year"]["Nhân sự"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert MOVER not in codes and "GV01" in codes
    assert ("Trần Văn Đức (GV02) đã chuyển công tác đến Trường Tiểu học Hòa Bình từ 01/11/2026 (sheet Nhân sự năm học "
            "2026-2027): không đưa sang danh sách năm học mới.") in moved["next_output"]


def test_a_year_scored_once_at_its_end_neither_issues_her_form_nor_reminds_anyone_of_her(tmp_path):
    data = campaign_dict(rules={"ldtt_min_classification": ""})  # no periods: scored once, at the year's end
    for person in data["staff"]:
        if person["code"] == MOVER:
            person |= {"moved_on": "2026-01-15", "moved_to": NEW_SCHOOL}
    folder = make_folder(tmp_path / "campaign", cm.from_dict(data))
    book = folder.folder / "campaign.xlsx"
    result = _run("generate", book, "--round", "cham-diem")
    assert result.exit_code == 0, result.output
    books = sorted((folder.folder / "outbox").rglob("*.xlsx"))
    assert books and MOVER not in {rec.person_code for path in books for rec in layout(path).of_kind(ly.ScoringSheet)}
    inbox = tmp_path / "inbox"
    full = {"I.1": 10, "I.2": 9, "II.1": 45, "II.2": 26}
    for path in books:  # one form filled per department, the others left to remind
        values = {}
        for rec in layout(path).of_kind(ly.ScoringSheet):
            if rec.person_code in ("GV01", "GV04"):
                values |= person_values(rec, full, full)
        fill(path, inbox / path.name, values)
    status = _run("status", inbox, "--campaign", book, "--nhac")
    assert status.exit_code == 0, status.output
    assert "Lê Thị Dung" in status.output and "Trần Văn Đức" not in status.output


def test_tap_the_and_its_list_count_the_members_here_when_the_title_is_decided(moved):
    """The collective decision counts who is here on its day (she left on 01/11); sheet Tập thể and the
    TTLĐTT Danh sách print that decision's own numbers — the members, the LĐTT and their share — never the roster's."""
    from tests.documents import docx_rows
    from thidua_xlsx.text import summary as sx

    t1 = next(d for d in moved["year"]["departments"] if d["code"] == "T1")
    here = [p for p in moved["year"]["people"] if p["department"] == "T1" and p["code"] != MOVER]
    ldtt = sum(any(d["title"] == LDTT and d["granted"] for d in p["decisions"]) for p in here)
    rows = list(moved["year_book"][sx.S_COLLECTIVE].iter_rows(values_only=True))
    name = next(d.name for d in _campaign().departments if d.code == "T1")
    row = next(r for r in rows if r and r[0] == name)
    assert (row[1], row[2]) == (len(here), ldtt) == (2, ldtt) and abs(row[3] - ldtt / 2) < 1e-9
    listed = [r for path in moved["papers"].rglob("*Danh-sach*.docx") for r in docx_rows(path)
              if len(r) > 3 and r[1] == name]
    assert all((r[2], r[3]) == ("2", str(ldtt)) for r in listed)
    assert (t1["members"], t1["ldtt"]) == (2, ldtt)  # the JSON says the decision's own counts too


def test_the_to_trinh_and_its_ttldtt_list_count_as_the_decision_does(moved):
    """Her department's TTLĐTT is proposed on the members here when it is decided (she left on 01/11: 2 of the 3 on
    the roster, both LĐTT): the Tờ trình names it, and the Danh sách sent with it prints the decision's own members,
    LĐTT and share — the numbers of the decision's reason and of sheet Tập thể (Luật TĐKT 2022 điều 28)."""
    from tests.documents import docx_rows, docx_text
    from thidua_xlsx.text import summary as sx

    t1 = next(d for d in moved["year"]["departments"] if d["code"] == "T1")
    ttldtt = next(d for d in t1["decisions"] if d["title"] == TTLDTT)
    share = next(r["params"]["share"]["params"] for r in ttldtt["reasons"] if r["code"] == "collective.ttldtt_granted")
    assert ttldtt["granted"] and (share["members"], share["ldtt"]) == (t1["members"], t1["ldtt"]) == (2, 2), ttldtt
    name = next(d.name for d in _campaign().departments if d.code == "T1")
    letter = " ".join(docx_text(moved["papers"] / "01_To-trinh.docx").split())
    assert f"- Tập thể lao động tiên tiến: 1 tập thể ({name});" in letter, letter
    listed = [r for path in moved["papers"].rglob("*Danh-sach_Tap-the*.docx") for r in docx_rows(path)
              if len(r) > 4 and r[1] == name]
    assert [(r[2], r[3], r[4]) for r in listed] == [("2", "2", "100%")], listed
    row = next(r for r in moved["year_book"][sx.S_COLLECTIVE].iter_rows(values_only=True) if r and r[0] == name)
    assert (row[1], row[2], row[3]) == (2, 2, 1)
