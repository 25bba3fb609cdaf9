"""The council round trip: the summary the council met with, read back (only its cells), the
council's word over the tool's proposal, quota ties, the vote, and the change log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.test_merge import T1_SCORES, T2_SCORES, _fill_department, scoring_round
from thidua_xlsx import layout as ly
from thidua_xlsx import rules
from thidua_xlsx import summary_text as tx
from thidua_xlsx.cli import EXIT_UNUSABLE, main

SAVED = dt.datetime(2026, 5, 12, 8, 0)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A scoring round with a CSTĐCS quota of 25 % of the LĐTT (one slot), merged once."""
    root = tmp_path_factory.mktemp("council")
    folder, (t1, t2) = scoring_round(root, rules={"ldtt_min_classification": "Tốt", "cstdcs_quota_percent": 25})
    inbox = folder.folder / "inbox"
    _fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    _fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    first = root / "tong-hop.xlsx"
    assert run("merge", inbox, "-o", first).exit_code == 0
    return {"root": root, "folder": folder, "inbox": inbox, "first": first}


def _table_rows(ws, heads: dict[str, str]) -> tuple[int, dict[str, int]]:
    for row in ws.iter_rows():
        texts = [c.value for c in row]
        if all(h in texts for h in heads.values()):
            return row[0].row, {k: texts.index(h) + 1 for k, h in heads.items()}
    raise AssertionError(f"no header {heads} in {ws.title}")


def council_types(src: Path, dst: Path, decisions: dict[str, tuple], tally: dict | None = None,
                  votes: dict[tuple[str, str], int] | None = None) -> None:
    """What the secretary types during the meeting: {code: (score, decision, note)}, the tally."""
    wb = load_workbook(src)
    ws = wb["Điểm chi tiết"]
    head, cols = _table_rows(ws, tx.COUNCIL_HEADS)
    for row in range(head + 1, ws.max_row + 1):
        code = ws.cell(row, cols["code"]).value
        if code in decisions:
            for key, value in zip(("score", "decision", "note"), decisions[code]):
                if value is not None:
                    cell = ws.cell(row, cols[key])
                    assert cell.protection.locked is False, (key, cell.coordinate)
                    cell.value = value
    sheet = wb[tx.S_TALLY]
    for row in sheet.iter_rows():
        label = row[0].value
        for key, text in tx.TALLY_FIELDS.items():
            if label == text and tally and key in tally:
                assert sheet.cell(row[0].row, 3).protection.locked is False
                sheet.cell(row[0].row, 3).value = tally[key]
    head, cols = _table_rows(sheet, tx.TALLY_HEADS)
    for row in range(head + 1, sheet.max_row + 1):
        key = (sheet.cell(row, cols["code"]).value, sheet.cell(row, cols["title"]).value)
        if votes and key in votes:
            sheet.cell(row, cols["votes"]).value = votes.pop(key)
    for (code, title), n in (votes or {}).items():  # a candidate added at the meeting, on a spare row
        row = next(r for r in range(head + 1, sheet.max_row + 1) if not sheet.cell(r, cols["code"]).value)
        for key, value in (("code", code), ("title", title), ("votes", n)):
            sheet.cell(row, cols[key]).value = value
    wb.save(dst)


def _people(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)["Điểm chi tiết"]
    head, cols = _table_rows(ws, {"code": "Mã", "final": "Điểm xét", "source": "Nguồn điểm"})
    return {ws.cell(r, cols["code"]).value: {"final": ws.cell(r, cols["final"]).value,
                                             "source": ws.cell(r, cols["source"]).value}
            for r in range(head + 2, ws.max_row + 1) if ws.cell(r, cols["code"]).value}


def _proposed(path: Path) -> dict[str, list[str]]:
    ws = load_workbook(path)["Đề nghị khen thưởng"]
    found, title = {}, None
    for row in ws.iter_rows(values_only=True):
        text = str(row[0] or "")
        if text.startswith("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU"):
            title = text
            found[title] = []
        elif text.startswith(tx.REFUSED_TITLE[:20]):
            title = None
        elif title and isinstance(row[0], int):
            found[title].append(row[1])
    return {t.split("DANH HIỆU ")[1].split(" NĂM")[0]: names for t, names in found.items()}


def _changes(path: Path) -> list[tuple]:
    ws = load_workbook(path)[tx.S_CHANGES]
    head, cols = _table_rows(ws, dict(enumerate(tx.CHANGES_HEAD)))
    return [tuple(ws.cell(r, c).value for c in (3, 4, 5, 6, 7, 8)) for r in range(head + 1, ws.max_row + 1)
            if ws.cell(r, 2).value]


def test_the_first_summary_offers_the_council_cells_and_the_ballot(school):
    wb = load_workbook(school["first"])
    ws = wb["Điểm chi tiết"]
    assert ws.protection.sheet  # only the council's cells can be typed
    head, cols = _table_rows(ws, tx.COUNCIL_HEADS)
    row = head + 2
    assert all(ws.cell(row, cols[k]).protection.locked is False for k in ("score", "decision", "note"))
    assert ws.cell(row, cols["code"]).protection.locked is not False
    tally = wb[tx.S_TALLY]
    head, cols = _table_rows(tally, tx.TALLY_HEADS)
    listed = {(tally.cell(r, cols["code"]).value, tally.cell(r, cols["title"]).value)
              for r in range(head + 1, tally.max_row + 1)}
    assert ("GV01", rules.CSTDCS) in listed  # the one CSTĐCS slot
    assert "80% tổng số thành viên" in " ".join(str(c.value) for r in tally.iter_rows() for c in r if c.value)


@pytest.fixture(scope="module")
def final(school):
    root = school["root"]
    met = root / "hoi-dong.xlsx"
    council_types(school["first"], met, {
        "GV02": (92, rules.CSTDCS, "Hội đồng chấm lại hồ sơ chuyên môn"),  # ties GV01 at 92 for one slot
        "GV03": (None, ly.COUNCIL_NONE, "Nghỉ dài ngày"),
        "GV04": (None, rules.LDTT, None),  # refused by the rules (HTNV) and no note: not used
        "GV05": (None, rules.LDTT, "Kỷ luật đã hết thời hạn"),  # against the rules, with a note: flagged
    }, tally={"members": 9, "present": 7, "ballots_issued": 7, "ballots_returned": 7},
        votes={("GV02", rules.CSTDCS): 8})
    out = root / "tong-hop-cuoi.xlsx"
    result = run("merge", school["inbox"], "--council", met, "-o", out, "--json", root / "cuoi.json")
    assert result.exit_code == 0, result.output
    return {"met": met, "out": out, "output": result.output}


def test_council_scores_replace_the_final_score(final):
    people = _people(final["out"])
    assert people["GV02"] == {"final": 92, "source": "Hội đồng"}
    assert people["GV01"]["source"] != "Hội đồng"


def test_the_councils_decisions_win_and_a_rule_broken_needs_a_note(final):
    proposed = _proposed(final["out"])
    assert proposed[rules.CSTDCS.upper()] == ["Trần Văn Đức"]  # GV02 chosen in the tie, vote passed
    ldtt = proposed[rules.LDTT.upper()]
    assert "Lê Thị Dung" not in ldtt  # GV03: the council said no
    assert "Hoàng Thị Thu Hương Giang Nguyễn Phương" in ldtt  # GV05: against the rule, with a note
    assert "Phạm Ngọc Ánh" not in ldtt  # GV04: no note, not used
    checks = " ".join(str(c.value) for r in load_workbook(final["out"])["Kiểm tra"].iter_rows() for c in r if c.value)
    assert "chỉ được ghi nhận khi có lý do" in checks and "Phạm Ngọc Ánh" in checks
    assert "Đã ghi nhận và đánh dấu" in checks and "Kỷ luật đã hết thời hạn" in checks


def test_the_change_log_says_who_what_and_why(final):
    changes = _changes(final["out"])
    by_name = {}
    for name, what, before, after, note, flag in changes:
        by_name.setdefault(name, []).append((what, before, after, note, flag))
    assert ("Điểm", "82,5", "92", "Hội đồng chấm lại hồ sơ chuyên môn", None) in by_name["Trần Văn Đức"]
    assert ("Chọn khi bằng điểm", rules.LDTT, rules.CSTDCS, "Hội đồng chấm lại hồ sơ chuyên môn", None) in \
        by_name["Trần Văn Đức"]
    assert ("Danh hiệu đề nghị", rules.LDTT, ly.COUNCIL_NONE, "Nghỉ dài ngày", None) in by_name["Lê Thị Dung"]
    what, before, after, note, flag = by_name["Hoàng Thị Thu Hương Giang Nguyễn Phương"][0]
    assert (before, after, note) == ("—", rules.LDTT, "Kỷ luật đã hết thời hạn") and flag == tx.CHANGES_AGAINST_RULE
    assert by_name["Nguyễn Thị Lan"][0][:3] == ("Chọn khi bằng điểm", tx.CHANGES_TIE_OPEN, rules.LDTT)
    assert "Phạm Ngọc Ánh" not in by_name


def test_the_vote_is_counted_against_all_members(final):
    tally = load_workbook(final["out"])[tx.S_TALLY]
    text = " ".join(str(c.value) for r in tally.iter_rows() for c in r if c.value)
    assert "đạt 8/9 phiếu (88,9%, cần ≥ 80% tổng số thành viên: 8 phiếu)" in text


def test_a_vote_below_the_threshold_keeps_only_ldtt(school, tmp_path):
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {}, tally={"members": 10, "present": 9}, votes={("GV01", rules.CSTDCS): 7})
    out = tmp_path / "cuoi.xlsx"
    assert run("merge", school["inbox"], "--council", met, "-o", out).exit_code == 0
    proposed = _proposed(out)
    assert "Nguyễn Thị Lan" not in proposed.get(rules.CSTDCS.upper(), [])
    assert "Nguyễn Thị Lan" in proposed[rules.LDTT.upper()]
    assert ("Nguyễn Thị Lan", "Kết quả bỏ phiếu", rules.CSTDCS, tx.CHANGES_NOT_PASSED) == _changes(out)[0][:4]


def test_the_final_summary_read_again_gives_the_same_result(school, final, tmp_path):
    again = tmp_path / "lan-2.xlsx"
    assert run("merge", school["inbox"], "--council", final["out"], "-o", again).exit_code == 0
    assert _people(again) == _people(final["out"]) and _proposed(again) == _proposed(final["out"])
    assert _changes(again) == _changes(final["out"])


def test_a_summary_of_another_round_or_not_ours_is_refused(school, tmp_path):
    registration = next((school["root"] / "dang-ky").glob("*.xlsx"))
    result = run("merge", school["inbox"], "--council", registration, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == EXIT_UNUSABLE and "--council cần bảng tổng hợp vòng chấm điểm" in result.output
    assert not (tmp_path / "x.xlsx").exists()
    same = run("merge", school["inbox"], "--council", school["first"], "-o", school["first"], "--force")
    assert same.exit_code == 2 and "Không ghi đè bảng tổng hợp của Hội đồng" in same.output


def test_thresholds_are_shares_of_all_members_and_need_a_valid_meeting():
    from thidua_xlsx import campaign as cm
    from thidua_xlsx.ballots import TallyInput, VoteCount, count, needed_votes

    assert [needed_votes(n, 66.67) for n in (9, 10, 15)] == [6, 7, 10]  # 2/3 typed as 66,67
    assert [needed_votes(n, 80) for n in (9, 10, 15)] == [8, 8, 12]
    vote = (VoteCount("GV01", rules.CSTDCS, 8), VoteCount("GV02", rules.CSTDCS, 7), VoteCount("NV01", rules.LDTT, 1))
    valid = count(TallyInput(members=10, present=9, counts=vote), cm.Rules())
    assert [(r.code, r.passed) for r in valid.results] == [("GV01", True), ("GV02", False)]  # LĐTT: no vote
    assert "7/10 phiếu (70%, cần ≥ 80% tổng số thành viên: 8 phiếu)" in valid.result("GV02", rules.CSTDCS).reason.text
    short = count(TallyInput(members=10, present=6, counts=vote), cm.Rules())
    assert short.quorum_met is False and {r.passed for r in short.results} == {None}
    assert "chưa đủ số thành viên (6/10 có mặt, cần 7)" in short.results[0].reason.text
    seventy = count(TallyInput(members=10, present=9, counts=vote), cm.Rules(ldtt_vote_percent=70))
    assert seventy.result("NV01", rules.LDTT).passed is False


def test_the_final_summary_passes_the_validator_and_its_json_carries_the_council(final):
    import json

    import openxml_audit

    validator = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2010)
    assert [e.description for e in validator.validate(str(final["out"])).errors] == []
    report = json.loads((final["out"].parent / "cuoi.json").read_text(encoding="utf-8"))
    council = report["council"]
    assert (council["members"], council["present"], council["quorum_met"]) == (9, 7, True)
    vote, = [v for v in council["votes"] if v["code"] == "GV02"]
    assert (vote["votes"], vote["needed"], vote["passed"], vote["reason"]["code"]) == (8, 8, True, "vote.passed")
    assert {c["code"] for c in council["changes"]} >= {"GV02", "GV03", "GV05"}
    gv05 = next(p for p in report["people"] if p["code"] == "GV05")
    assert gv05["council"] == {"score": None, "decision": rules.LDTT, "note": "Kỷ luật đã hết thời hạn"}
