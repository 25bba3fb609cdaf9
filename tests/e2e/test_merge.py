"""End to end: generate → fill (only unlocked cells) → merge; what the secretary checks in the output."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from tests.filling import sheet
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round, tree_digest
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import merge_inbox


def _expected_total(scores: dict) -> float:
    """Independent recomputation for the test rubric: cộng groups + min(5, bonus) − min(10, deductions)."""
    bonus = min(5, sum(v for k, v in scores.items() if k.startswith("III.")))
    deduction = min(10, sum(v for k, v in scores.items() if k.startswith("IV.")))
    return sum(v for k, v in scores.items() if k.split(".")[0] in ("I", "II")) + bonus - deduction


def _people(report) -> dict[str, dict]:
    return {p["code"]: p for p in report["people"]}


def test_inbox_is_byte_identical_afterwards(school):
    assert tree_digest(school["inbox"]) == school["before"]


def test_every_inbox_file_is_named_in_the_sources_sheet(school):
    ws = school["summary"]["Nguồn dữ liệu"]
    cells = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    for name in school["before"]:
        assert name in cells, name
    statuses = {f["name"]: f["status"] for f in school["report"]["files"]}
    assert statuses["mail/2025-2026_cham-diem_To-khoi-1.xlsx"] == "superseded"
    assert statuses["2025-2026_cham-diem_To-khoi-1-sua.xlsx"] == "accepted"
    assert statuses["~$lock.xlsx"] == statuses["Thumbs.db"] == "skipped"
    assert statuses["ghi-chu.txt"] == statuses["hong.xlsx"] == statuses["nham-vong.xlsx"] == "rejected"


def test_every_person_is_accounted_for(school):
    people = _people(school["report"])
    for person in school["campaign"].staff:
        assert person.code in people
    newcomers = [p for p in people.values() if p["newcomer"]]
    assert len(newcomers) == 1


def test_scores_equal_an_independent_recomputation(school):
    people = _people(school["report"])
    for code, (own, dept) in {**T1_SCORES, **T2_SCORES}.items():
        person = people[code]
        assert person["scores"]["self"] == pytest.approx(_expected_total(own)), code
        if dept:
            assert person["scores"]["department"] == pytest.approx(_expected_total(dept)), code
            assert person["scores"]["final"] == pytest.approx(_expected_total(dept))
            assert person["scores"]["source"] == "department"
        else:
            assert person["scores"]["final"] == pytest.approx(_expected_total(own))
            assert person["scores"]["source"] == "self"
    # the newest version of Tổ khối 1 was used: GV02's own scores, not the copy of GV01's
    assert people["GV02"]["scores"]["self"] == pytest.approx(_expected_total(T1_SCORES["GV02"][0]))


def _reasons(decision: dict) -> list[str]:
    return [r["code"] for r in decision["reasons"]]


def test_ranks_and_decisions_with_reasons(school):
    people = _people(school["report"])
    finals = {code: p["scores"]["final"] for code, p in people.items() if p["scores"]["final"] is not None}
    best = max(finals, key=finals.get)
    assert people[best]["rank_school"] == 1
    gv01 = people["GV01"]
    titles = {d["title"]: d for d in gv01["decisions"]}  # by code in the JSON report
    assert titles["LDTT"]["granted"] and titles["CSTDCS"]["granted"]
    assert titles["CSTDCS"]["reasons"][0]["params"]["first"]["code"] == "cstdcs.excellent"
    gv05 = {d["title"]: d for d in people["GV05"]["decisions"]}
    assert not gv05["LDTT"]["granted"]
    assert "ldtt.disciplined" in _reasons(gv05["LDTT"])
    gv04 = {d["title"]: d for d in people["GV04"]["decisions"]}
    assert _reasons(gv04["LDTT"]) == ["ldtt.rating", "basis.cite"]  # the rating, then the article applied
    assert gv04["LDTT"]["reasons"][-1]["params"]["citation"] == "Luật TĐKT 2022 điều 24"
    refused = {str(c.value) for row in school["summary"]["Không đề nghị"].iter_rows() for c in row}
    assert any("bị kỷ luật khiển trách trong năm" in text for text in refused)
    signed = {str(c.value) for row in school["summary"]["Đề nghị khen thưởng"].iter_rows() for c in row}
    assert not any("kỷ luật" in text for text in signed)  # the list attached to the Tờ trình shows no reason


def test_hyperlink_typed_as_a_name_stays_text(school):
    ws = school["summary"]["Điểm chi tiết"]
    found = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert found and all(c.data_type == "s" for c in found)


def test_summary_has_every_sheet(school):
    assert school["summary"].sheetnames == ["Tổng hợp", "Đăng ký", "Điểm chi tiết", "Xếp hạng",
                                            "Đề nghị khen "
                                            "thưởng", "Không đề nghị", "Tập thể", "Kiểm phiếu", "Biên bản", "Tờ trình",
                                            "Kiểm tra", "Nguồn dữ liệu", "_thidua_meta"]
    assert school["summary"]["_thidua_meta"].sheet_state == "veryHidden"


def test_problems_are_reported_with_file_and_message(school):
    problems = school["report"]["problems"]
    by_code = {}
    for p in problems:
        by_code.setdefault(p["code"], []).append(p)
    assert by_code["file.corrupt"][0]["file"] == "hong.xlsx"
    assert by_code["file.other_round"][0]["file"] == "nham-vong.xlsx"
    assert "file.superseded" in by_code and "person.newcomer_unregistered" in by_code
    kiem_tra = school["summary"]["Kiểm tra"]
    messages = {str(c.value) for row in kiem_tra.iter_rows() for c in row}
    assert any("nham-vong.xlsx" in m for m in messages)


def test_a_required_criterion_left_blank_in_a_column_begun_is_reported(tmp_path):
    """Unknown is never zero: the column's total is not known (not a total with the blank as 0), said with its
    cell, the titles resting on it pending; a column nobody began (the department's, here) is not a list of blanks:
    that person is scored on the other column."""
    folder, (_, t2) = scoring_round(tmp_path)
    inbox = tmp_path / "inbox"
    scores = {**T2_SCORES, "GV04": ({"I.1": 8, "I.2": 8, "II.1": 40}, {})}
    fill_department(t2, inbox / t2.name, scores, dt.datetime(2026, 5, 11, 8, 0))
    summary = merge_inbox(inbox, folder)
    blanks = [i for i in summary.issues if i.code == "value.required_blank"]
    form = sheet(t2, ly.ScoringSheet, "GV04")
    assert [(i.sheet, i.cell) for i in blanks] == [(form.name, f"{form.self_column}{dict(form.items)['II.2']}")]
    assert blanks[0].message == ("Ô điểm bắt buộc 'II.2' (tự chấm) còn trống: tổng điểm tự chấm chưa tính được "
                                 "(không tính ô trống là 0). Hãy nhờ tổ điền đủ rồi gửi lại.")
    gv04 = next(p for p in summary.people if p.code == "GV04")
    assert (gv04.final, gv04.self_score.total, gv04.classification, gv04.rank_school) == (None, None, "", None)
    (pending,) = [f for f in gv04.flags if f.code == "flag.total_pending"]
    assert pending.text == "tổng điểm tự chấm chưa tính được: D17 còn trống hoặc không đọc được (không tính là 0)"
    (ldtt,) = gv04.decisions  # rated HTNV: refused for what is known, the unknown total said beside it
    assert (ldtt.granted, ldtt.pending) == (False, False)
    assert [r.code for r in ldtt.reasons][:2] == ["ldtt.rating", "ldtt.score_pending"]
    full = tmp_path / "full-inbox"  # the same form with II.2 typed: the total is known
    fill_department(t2, full / t2.name, {**scores, "GV04": ({"I.1": 8, "I.2": 8, "II.1": 40, "II.2": 0}, {})},
                    dt.datetime(2026, 5, 11, 8, 0))
    assert next(p for p in merge_inbox(full, folder).people if p.code == "GV04").final == 56


def test_two_merges_of_one_inbox_agree(school, tmp_path):
    again = merge_inbox(school["inbox"], school["folder"])
    first = _people(school["report"])
    assert [p.code for p in again.people] == [p["code"] for p in school["report"]["people"]]
    for p in again.people:
        assert p.final == first[p.code]["scores"]["final"]
        assert p.rank_school == first[p.code]["rank_school"]


def test_existing_summary_is_not_overwritten_without_force(school):
    runner = CliRunner()
    target = school["root"] / "S.xlsx"
    before = target.read_bytes()
    result = runner.invoke(main, ["merge", str(school["inbox"]), "-o", str(target)])
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_bytes() == before
    result = runner.invoke(main, ["merge", str(school["inbox"]), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output


def test_status_writes_nothing_and_names_missing_and_problems(school, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["status", str(school["inbox"])])
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []
    assert "Tổ đã nộp: 2/2" in result.output
    assert "hong.xlsx" in result.output


def test_nothing_usable_exits_1(small_folder, tmp_path):
    inbox = small_folder.folder / "inbox"
    (inbox / "a.txt").write_text("x")
    result = CliRunner().invoke(main, ["merge", str(inbox), "-o", str(tmp_path / "S.xlsx")])
    assert result.exit_code == EXIT_UNUSABLE
    assert "Không có sổ nào dùng được" in result.output
    assert not (tmp_path / "S.xlsx").exists()
