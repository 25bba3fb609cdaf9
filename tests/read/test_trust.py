"""The campaign decides, a workbook only answers: each way a returned file used to fool the merge.

Every case starts from the same issued workbooks of the small campaign, filled as a department
would, then edited as a careless or hostile user would. The departments a file does not target
must give exactly the clean results; the targeted one gets one clear Vietnamese message.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import (
    fill,
    forms,
    item_row,
    layout,
    person_values,
    register,
    registration_values,
    run_apart,
    sheet,
    stamp_saved_time,
    type_far_away,
)
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES, fill_department, scoring_round
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import CSTDCS, LDTT, NOT_REGISTERED
from thidua_xlsx.service import generate_round, merge_inbox
from thidua_xlsx.text import workbook as wx

SAVED = dt.datetime(2026, 5, 12, 8, 0)
LATER = dt.datetime(2026, 5, 20, 8, 0)


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """The scoring round of the small campaign, issued, and a clean inbox's results to compare with."""
    root = tmp_path_factory.mktemp("trust")
    folder, (t1, t2) = scoring_round(root)
    filled = root / "filled"
    fill_department(t1, filled / t1.name, T1_SCORES, SAVED)
    fill_department(t2, filled / t2.name, T2_SCORES, SAVED)
    clean = merge_inbox(filled, folder)
    assert not [i for i in clean.issues if i.severity == "error"], [i.render() for i in clean.issues]
    return {"root": root, "folder": folder, "t1": t1, "t2": t2, "filled": filled, "clean": _results(clean)}


def _results(summary) -> dict[str, tuple]:
    return {p.code: (p.department, p.final, p.classification, p.rank_school, p.proposed, p.registered)
            for p in summary.people}


def _inbox(issued, tmp_path, *extra: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in (*sorted(issued["filled"].iterdir()), *extra):
        (inbox / path.name).write_bytes(path.read_bytes())
    return inbox


def _codes(summary) -> dict[str, list]:
    found: dict[str, list] = {}
    for i in summary.issues:
        found.setdefault(i.code, []).append(i)
    return found


def _edit_meta(src: Path, dst: Path, change) -> None:
    """Rewrite the very hidden metadata as a user with openpyxl or a hex editor could."""
    wb = load_workbook(src)
    ws = wb[ly.META_SHEET]
    body = "".join(ws.cell(r, 1).value for r in range(2, ws.max_row + 1))
    data = json.loads(body)
    change(data)
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 1).value = None
    ws.cell(2, 1).value = json.dumps(data, ensure_ascii=False)
    dst.parent.mkdir(parents=True, exist_ok=True)
    wb.save(dst)
    stamp_saved_time(dst, LATER)


def _same_except(results: dict, clean: dict, departments: set[str]) -> None:
    """Other departments' people keep their scores, classifications and titles (school ranks may move)."""
    for code, values in clean.items():
        if values[0] not in departments:
            assert results[code][:3] + results[code][4:] == values[:3] + values[4:], code


# --- a returned file's metadata no longer decides anything ----------------------------------------

def test_a_file_claiming_another_department_does_not_supersede_it(issued, tmp_path):
    forged = tmp_path / "forged" / "To-khoi-1-that.xlsx"
    t2_filled = issued["filled"] / issued["t2"].name

    def claim_t1(data):
        data["department_code"], data["department_name"] = "T1", "Tổ khối 1"
    _edit_meta(t2_filled, forged, claim_t1)
    summary = merge_inbox(_inbox(issued, tmp_path, forged), issued["folder"])
    assert _results(summary) == issued["clean"]
    assert [i.file for i in _codes(summary)["file.meta_edited"]] == [forged.name]
    files = {f.name: f for f in summary.files}
    assert files[issued["t1"].name].status == "accepted"
    assert files[forged.name].submission.department_code == "T2"  # what was issued, not what it says


def test_a_file_given_another_departments_id_is_rejected(issued, tmp_path):
    t1_id = layout(issued["t1"]).submission_id
    forged = tmp_path / "forged" / "T2-as-T1.xlsx"

    def take_t1_id(data):
        data["submission_id"], data["department_code"] = t1_id, "T1"
    _edit_meta(issued["filled"] / issued["t2"].name, forged, take_t1_id)
    summary = merge_inbox(_inbox(issued, tmp_path, forged), issued["folder"])
    assert _results(summary) == issued["clean"]
    rejected = {f.name: f for f in summary.files}[forged.name]
    assert rejected.status == "rejected" and rejected.reason == "file.identity_mismatch"
    assert "Tổ khối 1" in rejected.issues[-1].message


def test_thresholds_and_rubric_smuggled_into_the_metadata_change_nothing(issued, tmp_path):
    forged = tmp_path / "forged" / issued["t2"].name
    lenient = {"classification": [{"name": "Xuất sắc", "min": 0}], "rubrics": [{"role": "Giáo viên", "total": 200}],
               "rules": {"ldtt_min_months": 0}, "school_year": "2024-2025"}
    _edit_meta(issued["filled"] / issued["t2"].name, forged, lambda data: data.update(lenient))
    inbox = tmp_path / "inbox"
    for path in (issued["filled"] / issued["t1"].name, forged):
        (inbox / path.name).parent.mkdir(exist_ok=True)
        (inbox / path.name).write_bytes(path.read_bytes())
    summary = merge_inbox(inbox, issued["folder"])
    assert _results(summary) == issued["clean"]
    assert summary.campaign.school.school_year == "2025-2026"
    assert len(_codes(summary)["file.meta_edited"]) == 1


def test_an_edited_max_point_does_not_let_a_score_through(issued, tmp_path):
    t2 = issued["t2"]
    rec = sheet(t2, ly.ScoringSheet, "GV04")
    row = item_row(rec, "I.1")
    tampered = tmp_path / "t" / t2.name
    fill_department(t2, tampered, {**T2_SCORES, "GV04": ({**T2_SCORES["GV04"][0], "I.1": 45},
                                                         {**T2_SCORES["GV04"][1], "I.1": 45})}, LATER)
    fill(tampered, tampered, {(rec.name, f"C{row}"): 50}, allow_locked=True)
    inbox = _inbox(issued, tmp_path)
    (inbox / t2.name).write_bytes(tampered.read_bytes())
    summary = merge_inbox(inbox, issued["folder"])
    codes = _codes(summary)
    changed = [i for i in codes["locked.changed"] if i.cell == f"C{row}"]
    assert changed and "'10'" in changed[0].message and "'50'" in changed[0].message
    assert {(i.cell, i.severity) for i in codes["value.out_of_range"]} == {(f"D{row}", "error"), (f"E{row}", "error")}
    gv04 = next(p for p in summary.people if p.code == "GV04")
    assert gv04.final is None  # the 45 is no score and the 8 it replaced is not known: no total, never one without it
    assert any(f.code == "flag.marked" for f in gv04.flags)
    assert any(f.code == "flag.total_pending" and f"E{row}" in f.text for f in gv04.flags)
    _same_except(_results(summary), issued["clean"], {"T2"})


def test_files_of_another_campaign_are_rejected_whatever_their_number(issued, tmp_path):
    """Six of last year's workbooks do not outvote three of this year's."""
    last_year = make_folder(tmp_path / "2024", cm.from_dict(campaign_dict(
        id="last-year", school={**campaign_dict()["school"], "school_year": "2024-2025"})))
    old = generate_round(last_year, ly.SCORING, tmp_path / "old-outbox").paths
    inbox = _inbox(issued, tmp_path)
    for n in range(3):
        for path in old:
            (inbox / f"cu-{n}-{path.name}").write_bytes(path.read_bytes())
            stamp_saved_time(inbox / f"cu-{n}-{path.name}", LATER + dt.timedelta(days=n))  # not byte-identical
    summary = merge_inbox(inbox, issued["folder"])
    assert _results(summary) == issued["clean"]
    assert summary.campaign.school.school_year == "2025-2026"
    rejected = [f for f in summary.files if f.name.startswith("cu-")]
    assert len(rejected) == 6 and {f.reason for f in rejected} == {"file.other_campaign"}
    assert "2024-2025" in rejected[0].issues[-1].message


def test_a_workbook_this_campaign_never_issued_is_rejected(issued, tmp_path):
    """A copy made with the same campaign id elsewhere (or an edited one) is not in so-da-phat/."""
    campaign = issued["folder"].campaign
    campaign = dataclasses.replace(campaign, staff=tuple(dataclasses.replace(p, position="Tổ phó")
                                                         for p in campaign.staff))
    stranger = make_folder(tmp_path / "copy", campaign)
    path = generate_round(stranger, ly.REGISTRATION, tmp_path / "copy-outbox").paths[0]
    inbox = _inbox(issued, tmp_path, path)
    summary = merge_inbox(inbox, issued["folder"], ly.SCORING)
    entry = {f.name: f for f in summary.files}[path.name]
    assert entry.status == "rejected" and entry.reason == "file.not_issued"


# --- read by code, not by position -------------------------------------------------------------------

def _move_rows(path: Path, sheet_name: str, order: list[int]) -> None:
    """Rewrite rows so that row order[k] holds what row k held (a sort done in Excel, values only)."""
    wb = load_workbook(path)
    ws = wb[sheet_name]
    ws.protection.sheet = False
    rows = sorted(order)
    values = {r: [c.value for c in ws[r]] for r in rows}
    for target, source in zip(rows, order):
        for col, value in enumerate(values[source], start=1):
            ws.cell(target, col).value = value
    wb.save(path)


def test_a_sorted_registration_list_keeps_each_persons_title(issued, tmp_path):
    folder = issued["folder"]
    path = generate_round(folder, ly.REGISTRATION, tmp_path / "dk").paths[0]
    reg = sheet(path, ly.RegistrationSheet)
    filled = tmp_path / "inbox" / path.name
    fill(path, filled, registration_values(reg, {"GV01": CSTDCS, "GV02": LDTT, "GV03": NOT_REGISTERED}))
    _move_rows(filled, reg.name, [row for _, row in reversed(reg.rows)])  # sorted Z→A
    summary = merge_inbox(tmp_path / "inbox", folder)
    got = {p.code: p.registered for p in summary.people if p.department == "T1"}
    assert got == {"GV01": CSTDCS, "GV02": LDTT, "GV03": NOT_REGISTERED}
    assert not [i for i in summary.issues if i.severity == "error"]


def test_inserted_and_reordered_criteria_rows_keep_their_scores(issued, tmp_path):
    t1 = issued["t1"]
    rec = sheet(t1, ly.ScoringSheet, "GV01")
    edited = tmp_path / "inbox" / t1.name
    edited.parent.mkdir()
    (edited).write_bytes((issued["filled"] / t1.name).read_bytes())
    wb = load_workbook(edited)
    ws = wb[rec.name]
    ws.protection.sheet = False
    ws.insert_rows(item_row(rec, "II.1"))  # a blank row in the middle of the table …
    ws.insert_rows(2, 2)  # … and two at the top
    ws.title = "Phiếu của Lan"  # renamed
    wb.move_sheet(ws, offset=3)  # and moved
    wb.save(edited)
    (tmp_path / "inbox" / issued["t2"].name).write_bytes((issued["filled"] / issued["t2"].name).read_bytes())
    summary = merge_inbox(tmp_path / "inbox", issued["folder"])
    assert _results(summary) == issued["clean"]
    assert not [i for i in summary.issues if i.severity == "error"], [i.render() for i in summary.issues]


def test_a_retyped_header_of_the_department_sheet_is_read_at_its_issued_columns(issued, tmp_path):
    """Found by typing (mypy): "Họ và tên" and "Chức vụ" retyped on the unprotected department sheet made the reader
    fail on the whole file ("Lỗi của chương trình", the department's scores lost); the columns are those issued."""
    t1 = issued["t1"]
    dept = sheet(t1, ly.DepartmentSheet)
    edited = tmp_path / "inbox" / t1.name
    edited.parent.mkdir()
    edited.write_bytes((issued["filled"] / t1.name).read_bytes())
    wb = load_workbook(edited)
    ws = wb[dept.name]
    ws.protection.sheet = False
    renamed = {wx.DEPT_HEADERS[2]: "Họ tên", wx.DEPT_HEADERS[3]: "Chức danh"}
    cells = [c for row in ws.iter_rows(max_row=dept.header_row + 1) for c in row if c.value in renamed]
    assert len(cells) == 2
    for c in cells:
        c.value = renamed[c.value]
    name_col = next(c.column for c in cells if c.value == "Họ tên")
    first_row = dept.rows[0][1] + 1
    ws.cell(first_row, name_col).value = "Người Khác"  # a locked name changed on the same sheet: still seen
    wb.save(edited)
    (tmp_path / "inbox" / issued["t2"].name).write_bytes((issued["filled"] / issued["t2"].name).read_bytes())
    summary = merge_inbox(tmp_path / "inbox", issued["folder"])
    assert {f.name: f.status for f in summary.files}[t1.name] == "accepted"
    assert "file.internal_error" not in _codes(summary)
    assert _results(summary) == issued["clean"]
    changed = _codes(summary)["locked.changed"]
    assert [(i.sheet, dict(i.params)["found"]) for i in changed] == [(dept.name, "Người Khác")]


def _unlocked_form(issued, tmp_path, code: str):
    """T1's filled workbook copied into the inbox, opened with the form of ``code`` unprotected (as a
    department head who removed the protection would edit it): (its record, path, workbook, sheet)."""
    t1 = issued["t1"]
    rec = sheet(t1, ly.ScoringSheet, code)
    edited = tmp_path / "inbox" / t1.name
    edited.parent.mkdir()
    edited.write_bytes((issued["filled"] / t1.name).read_bytes())
    wb = load_workbook(edited)
    ws = wb[rec.name]
    ws.protection.sheet = False
    return rec, edited, wb, ws


def test_a_score_on_a_row_without_code_is_reported_not_given_to_a_neighbour(issued, tmp_path):
    rec, edited, wb, ws = _unlocked_form(issued, tmp_path, "GV02")
    row = item_row(rec, "I.2")
    ws.insert_rows(row)
    ws[f"D{row}"] = 7
    wb.save(edited)
    (tmp_path / "inbox" / issued["t2"].name).write_bytes((issued["filled"] / issued["t2"].name).read_bytes())
    summary = merge_inbox(tmp_path / "inbox", issued["folder"])
    reported = _codes(summary)["row.no_code"]
    assert [(i.sheet, i.cell) for i in reported] == [(rec.name, f"D{row}")]
    gv02 = next(p for p in summary.people if p.code == "GV02")
    assert gv02.final == issued["clean"]["GV02"][1]
    assert any(f.code == "flag.marked" for f in gv02.flags)


# --- no registration, no title ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    """GV03 never registered; Tổ Văn phòng (T2) sent no registration at all."""
    root = tmp_path_factory.mktemp("gate")
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict()))
    titles = {code: title for code, title in TITLES.items() if code != "GV03"}
    summary = register(folder, titles, root / "dk", skip_departments=("T2",),
                       newcomers={"T1": ("Vũ Thị Mới", "Giáo viên", LDTT)})
    result = CliRunner().invoke(main, ["generate", str(folder.folder), "--round", "cham-diem", "-o",
                                       str(root / "outbox"), "--from", str(summary)])
    assert result.exit_code == 0, result.output
    paths = sorted((root / "outbox").iterdir())
    return {"root": root, "folder": folder, "summary": summary, "output": result.output,
            "t1": next(p for p in paths if "khoi-1" in p.name), "t2": next(p for p in paths if "Van-phong" in p.name)}


def test_generate_from_prints_the_checklist(gate):
    out = gate["output"]
    assert "Tổ chưa gửi đăng ký" in out and "Tổ Văn phòng – Khối 5" in out
    assert "Chưa đăng ký thi đua" in out and "Lê Thị Dung (Tổ khối 1)" in out
    assert "Vũ Thị Mới (Tổ khối 1, Lao động tiên tiến)" in out


def test_the_form_shows_the_registration_locked(gate):
    wb = load_workbook(gate["t1"])
    for code, shown in (("GV01", "Chiến sĩ thi đua cơ sở"), ("GV03", wx.NOT_REGISTERED_SHOWN)):
        rec = sheet(gate["t1"], ly.ScoringSheet, code)
        cell = wb[rec.name][rec.title_cell]
        assert cell.value == shown and cell.protection.locked is not False
    newcomer = next(r for r in forms(gate["t1"], spare=False) if r.person_code.startswith("MOI-"))
    assert wb[newcomer.name][newcomer.name_cell].value == "Vũ Thị Mới"
    assert wb[newcomer.name][newcomer.title_cell].value == "Lao động tiên tiến"


def test_a_title_typed_by_someone_not_registered_is_reported_and_not_considered(gate, tmp_path):
    t1, t2 = gate["t1"], gate["t2"]
    rec = sheet(t1, ly.ScoringSheet, "GV03")
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill(inbox / t1.name, inbox / t1.name, {(rec.name, rec.title_cell): LDTT}, allow_locked=True)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    summary = merge_inbox(inbox, gate["folder"])
    typed = _codes(summary)["person.title_typed"]
    assert [(i.sheet, i.cell) for i in typed] == [(rec.name, rec.title_cell)]
    assert "Lê Thị Dung" in typed[0].message and "không được xét" in typed[0].message
    people = {p.code: p for p in summary.people}
    assert people["GV03"].proposed == "" and people["GV03"].decisions[0].reasons[0].code == "ldtt.not_registered"
    # the department that sent no registration: nobody proposed, whatever they scored
    assert [p.proposed for p in summary.people if p.department == "T2"] == ["", "", ""]
    assert people["GV01"].proposed == CSTDCS


def test_a_registered_newcomer_is_counted_once_after_joining_the_roster(gate, tmp_path):
    t1, t2 = gate["t1"], gate["t2"]
    newcomer = next(r for r in forms(t1, spare=False) if r.person_code.startswith("MOI-"))
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED,
                    extra=person_values(newcomer, {"I.1": 10, "I.2": 10, "II.1": 45, "II.2": 25}))
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    before = merge_inbox(inbox, gate["folder"])
    assert [p.name for p in before.people if p.newcomer] == ["Vũ Thị Mới"]
    joined = dataclasses.replace(gate["folder"].campaign, staff=gate["folder"].campaign.staff + (cm.Person(
        "GV09", "Vũ  Thị Mới", "T1", "Giáo viên", "Giáo viên",
        facts=cm.Facts(rating="HTTNV", months=9, discipline="Không", under_review=False)),))
    after = merge_inbox(inbox, dataclasses.replace(gate["folder"], campaign=joined))
    mine = [p for p in after.people if "Mới" in p.name]
    assert len(mine) == 1 and mine[0].code == "GV09" and not mine[0].newcomer
    assert mine[0].final == 90 and mine[0].proposed == LDTT
    assert any(f.code == "flag.newcomer_matched" for f in mine[0].flags)


def test_generate_from_refuses_a_summary_with_a_value_in_its_last_cell_saying_where(gate, tmp_path):
    """A slip while checking the registrations made ``generate --from`` abort (calamine asked for 512 GB)."""
    from thidua_xlsx.read.registrations import SHEET

    typed = tmp_path / "tong-hop-dang-ky.xlsx"
    shutil.copy(gate["summary"], typed)
    type_far_away(typed, SHEET)
    result = run_apart("generate", gate["folder"].folder, "--round", "cham-diem", "-o", tmp_path / "out",
                       "--from", typed, cwd=tmp_path)
    assert result.returncode == EXIT_UNUSABLE, result.stderr[-2000:]
    assert f"Sheet '{SHEET}' của 'tong-hop-dang-ky.xlsx' có dữ liệu ở ô XFD1048576" in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


def test_generate_from_refuses_a_summary_of_another_campaign_or_year(gate, tmp_path):
    other = make_folder(tmp_path / "other", cm.from_dict(campaign_dict(id="other-campaign")))
    foreign = register(other, TITLES, tmp_path / "other-dk")
    result = CliRunner().invoke(main, ["generate", str(gate["folder"].folder), "--round", "cham-diem", "-o",
                                       str(tmp_path / "out"), "--from", str(foreign)])
    assert result.exit_code == EXIT_UNUSABLE
    assert "chiến dịch khác" in result.output and not (tmp_path / "out").exists()
    next_year = dataclasses.replace(gate["folder"].campaign, school=dataclasses.replace(
        gate["folder"].campaign.school, school_year="2026-2027"))
    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.read.registrations import read_registration_summary

    problems = Problems()
    assert read_registration_summary(gate["summary"], next_year, problems) is None
    assert problems.items[0].code == "from.other_year" and "2025-2026" in problems.items[0].message


# --- the campaign's facts of today, and people who moved --------------------------------------------

def test_title_facts_entered_after_the_workbooks_went_out_are_used(issued, tmp_path):
    campaign = issued["folder"].campaign
    staff = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, rating="HTXSNV")) if p.code == "GV04" else p
                  for p in campaign.staff)
    later = dataclasses.replace(issued["folder"], campaign=dataclasses.replace(campaign, staff=staff))
    summary = merge_inbox(_inbox(issued, tmp_path), later)
    gv04 = next(p for p in summary.people if p.code == "GV04")
    assert issued["clean"]["GV04"][4] == "" and gv04.proposed == LDTT


def test_a_person_moved_to_another_department_appears_once(issued, tmp_path):
    campaign = issued["folder"].campaign
    staff = tuple(dataclasses.replace(p, department="T2") if p.code == "GV02" else p for p in campaign.staff)
    moved = dataclasses.replace(issued["folder"], campaign=dataclasses.replace(campaign, staff=staff))
    summary = merge_inbox(_inbox(issued, tmp_path), moved)
    codes = [p.code for p in summary.people]
    assert sorted(codes) == sorted(set(codes)) and "GV02" in codes
    gv02 = next(p for p in summary.people if p.code == "GV02")
    assert gv02.department == "T2" and gv02.final == issued["clean"]["GV02"][1]
    assert any(f.code == "flag.moved" for f in gv02.flags)


def test_unknown_facts_say_so_in_the_decision(issued, tmp_path):
    campaign = issued["folder"].campaign
    staff = tuple(dataclasses.replace(p, facts=dataclasses.replace(p.facts, discipline=None, under_review=None))
                  if p.code == "GV01" else p for p in campaign.staff)
    blank = dataclasses.replace(issued["folder"], campaign=dataclasses.replace(campaign, staff=staff))
    summary = merge_inbox(_inbox(issued, tmp_path), blank)
    gv01 = next(p for p in summary.people if p.code == "GV01")
    assert gv01.proposed == ""
    assert gv01.decisions[0].reason.startswith("chưa đủ thông tin: kỷ luật, đang xem xét kỷ luật")


# --- re-issue, and where the campaign is found ---------------------------------------------------------

def test_a_reissued_department_is_recorded_and_both_issues_read(issued, tmp_path):
    folder = make_folder(tmp_path / "c", issued["folder"].campaign)
    first = generate_round(folder, ly.REGISTRATION, tmp_path / "o1").paths[0]
    changed = dataclasses.replace(folder.campaign, staff=tuple(
        dataclasses.replace(p, position="Tổ trưởng") if p.code == "GV01" else p for p in folder.campaign.staff))
    second = generate_round(dataclasses.replace(folder, campaign=changed), ly.REGISTRATION, tmp_path / "o2").paths[0]
    assert layout(first).submission_id != layout(second).submission_id
    assert len(list((folder.folder / "so-da-phat").glob("*.json"))) == 3
    inbox = tmp_path / "inbox"
    reg1, reg2 = sheet(first, ly.RegistrationSheet), sheet(second, ly.RegistrationSheet)
    fill(first, inbox / "ban-1.xlsx", registration_values(reg1, {"GV01": LDTT}))
    stamp_saved_time(inbox / "ban-1.xlsx", SAVED)
    fill(second, inbox / "ban-2.xlsx", registration_values(reg2, {"GV01": CSTDCS}))
    stamp_saved_time(inbox / "ban-2.xlsx", LATER)
    summary = merge_inbox(inbox, dataclasses.replace(folder, campaign=changed))
    assert {f.name: f.status for f in summary.files} == {"ban-1.xlsx": "superseded", "ban-2.xlsx": "accepted"}
    assert next(p for p in summary.people if p.code == "GV01").registered == CSTDCS


def test_merge_finds_the_campaign_holding_or_beside_the_inbox_and_says_where_it_looked(issued, tmp_path):
    inbox = issued["folder"].folder / "inbox"
    nested = inbox / "dot-2"
    nested.mkdir(parents=True, exist_ok=True)
    for path in issued["filled"].iterdir():
        (nested / path.name).write_bytes(path.read_bytes())
    runner = CliRunner()
    result = runner.invoke(main, ["status", str(nested)])
    assert result.exit_code == 0, result.output
    assert "Tổ đã nộp: 2/2" in result.output
    beside = issued["folder"].folder.parent / "nhan-ve"
    beside.mkdir(exist_ok=True)
    for path in issued["filled"].iterdir():
        (beside / path.name).write_bytes(path.read_bytes())
    assert runner.invoke(main, ["status", str(beside)]).exit_code == 0
    lost = tmp_path / "a" / "b" / "c" / "d" / "inbox"
    lost.mkdir(parents=True)
    result = runner.invoke(main, ["status", str(lost)])
    assert result.exit_code == EXIT_UNUSABLE
    assert "Không tìm thấy chiến dịch" in result.output and "--campaign" in result.output
    assert str(lost / "campaign.xlsx") in result.output and "Traceback" not in result.output


def test_a_workbook_of_the_first_version_is_refused_with_what_to_do(issued, tmp_path):
    """Version 1 carried the whole campaign in key/value rows; nothing in it can be trusted any more."""
    old = tmp_path / "old" / "2025-2026_cham-diem_To-khoi-1.xlsx"
    wb = load_workbook(issued["filled"] / issued["t1"].name)
    ws = wb[ly.META_SHEET]
    for r in range(1, ws.max_row + 1):
        ws.cell(r, 1).value = None
    for r, (key, value) in enumerate((("app", "thidua-xlsx"), ("template_version", "1"),
                                      ("payload_001", '{"campaign": {}, "sheets": []}')), start=1):
        ws.cell(r, 1).value, ws.cell(r, 2).value = key, value
    old.parent.mkdir()
    wb.save(old)
    summary = merge_inbox(old.parent, issued["folder"])
    entry = summary.files[0]
    assert entry.status == "rejected" and entry.reason == "file.old_template"
    assert "phát lại sổ mới" in entry.issues[-1].message


def test_a_deleted_registration_row_is_said_not_silently_dropped(issued, tmp_path):
    folder = issued["folder"]
    path = generate_round(folder, ly.REGISTRATION, tmp_path / "dk").paths[0]
    reg = sheet(path, ly.RegistrationSheet)
    filled = tmp_path / "inbox" / path.name
    fill(path, filled, registration_values(reg, {"GV01": CSTDCS, "GV02": LDTT, "GV03": LDTT}))
    wb = load_workbook(filled)
    ws = wb[reg.name]
    ws.protection.sheet = False
    ws.delete_rows(dict(reg.rows)["GV02"])
    wb.save(filled)
    summary = merge_inbox(tmp_path / "inbox", folder)
    got = {p.code: (p.registered, p.status) for p in summary.people if p.department == "T1"}
    assert got == {"GV01": (CSTDCS, "submitted"), "GV02": ("", "sheet_missing"), "GV03": (LDTT, "submitted")}
    missing = _codes(summary)["row.person_missing"]
    assert len(missing) == 1 and "Trần Văn Đức" in missing[0].message


def test_codes_edited_or_repeated_in_rows_are_reported_by_cell(issued, tmp_path):
    """A criterion code overwritten with a stranger's, and a row copied with its code: reported, not read."""
    rec, edited, wb, ws = _unlocked_form(issued, tmp_path, "GV01")
    last = ws.max_row + 1
    for col in "ABCDEF":  # a copy of row II.1 pasted at the end, with another score
        ws[f"{col}{last}"] = ws[f"{col}{item_row(rec, 'II.1')}"].value
    ws[f"D{last}"] = 50
    ws[f"A{item_row(rec, 'II.2')}"] = "X.9"
    wb.save(edited)
    (tmp_path / "inbox" / issued["t2"].name).write_bytes((issued["filled"] / issued["t2"].name).read_bytes())
    summary = merge_inbox(tmp_path / "inbox", issued["folder"])
    codes = _codes(summary)
    assert [(i.cell, "'X.9'" in i.message) for i in codes["row.unknown_code"]] == [
        (f"D{item_row(rec, 'II.2')}", True), (f"E{item_row(rec, 'II.2')}", True)]
    assert [i.cell for i in codes["row.duplicate_code"]] == [f"D{last}", f"E{last}"]
    assert "II.2" in codes["row.missing_code"][0].message
    gv01 = next(p for p in summary.people if p.code == "GV01")
    assert (gv01.self_score.total, gv01.final) == (None, None)  # II.2 not found: its score is unknown, not 0
    assert any(f.code == "flag.total_pending" and "II.2" in f.text for f in gv01.flags)
    _same_except(_results(summary), issued["clean"], {"T1"})


def _copied_campaign(issued, tmp_path):
    """The issued campaign folder copied, so that a test may remove parts of its record."""
    copy = tmp_path / "campaign"
    shutil.copytree(issued["folder"].folder, copy)
    return dataclasses.replace(issued["folder"], folder=copy)


def _edited_label(issued, tmp_path):
    """T2's filled workbook with a criterion's locked text changed: (file, sheet name, cell)."""
    t2 = issued["t2"]
    rec = sheet(t2, ly.ScoringSheet, "GV04")
    cell = f"B{item_row(rec, 'I.1')}"
    edited = tmp_path / "edited" / t2.name
    fill(issued["filled"] / t2.name, edited, {(rec.name, cell): "Tiêu chí đã bị sửa"}, allow_locked=True)
    stamp_saved_time(edited, LATER)
    return edited, rec.name, cell


def test_the_locked_content_is_kept_beside_the_record_and_read_for_a_changed_file_only(issued, tmp_path):
    folder = _copied_campaign(issued, tmp_path)
    registry = folder.registry
    record = registry.folder / f"{layout(issued['t2']).submission_id}.json"
    assert "locked" not in json.loads(record.read_text(encoding="utf-8"))
    apart = json.loads((registry.folder / "o-khoa" / record.name).read_text(encoding="utf-8"))
    assert len(apart) > 50 and all(len(pair) == 2 for pair in apart)
    assert sorted(p.stem for p in registry.folder.glob("*.json")) == [r.submission_id for r in registry.all()]

    edited, sheet_name, cell = _edited_label(issued, tmp_path)
    inbox = _inbox(issued, tmp_path)
    (inbox / edited.name).write_bytes(edited.read_bytes())
    changed = _codes(merge_inbox(inbox, folder))["locked.changed"]
    assert [(i.sheet, i.cell) for i in changed] == [(sheet_name, cell)]
    assert "Tiêu chí đã bị sửa" in changed[0].message

    for path in (registry.folder / "o-khoa").iterdir():  # the locked content removed by hand
        path.unlink()
    summary = merge_inbox(inbox, folder)
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status[edited.name] == ("rejected", "file.locked_record_missing")
    assert status[issued["t1"].name] == ("accepted", "")  # unchanged: told by the fingerprint alone
    message = _codes(summary)["file.locked_record_missing"][0].message
    assert "so-da-phat/o-khoa" in message and "generate" in message


def test_a_record_written_with_its_locked_content_inside_still_tells_the_changed_cell(issued, tmp_path):
    """Records of campaigns issued before the locked content was kept apart read as they did."""
    folder = _copied_campaign(issued, tmp_path)
    side = folder.registry.folder / "o-khoa"
    for record in folder.registry.folder.glob("*.json"):
        data = json.loads(record.read_text(encoding="utf-8"))
        data["locked"] = json.loads((side / record.name).read_text(encoding="utf-8"))
        record.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(side)
    edited, sheet_name, cell = _edited_label(issued, tmp_path)
    inbox = _inbox(issued, tmp_path)
    (inbox / edited.name).write_bytes(edited.read_bytes())
    summary = merge_inbox(inbox, folder)
    assert [(i.sheet, i.cell) for i in _codes(summary)["locked.changed"]] == [(sheet_name, cell)]
    _same_except(_results(summary), issued["clean"], {"T2"})
