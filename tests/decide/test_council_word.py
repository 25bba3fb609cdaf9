"""The council's word applied right: a council score is the evaluation as a whole, a meeting
without quorum grants no title put to a vote, a tie choice never exceeds its slots, a higher title is
decided on its own, a department's TTLĐXS put to a vote stands only when the vote carried, and every impossible
council entry is reported by cell, never guessed."""

from __future__ import annotations

import dataclasses

import pytest
from openpyxl import load_workbook

from tests.council_sheets import change_log, proposed_titles
from tests.decide.conftest import SAVED, council_school, run
from tests.filling import council_types, table_rows
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES, fill_department, scoring_round
from thidua_xlsx.decide.council import apply_council
from thidua_xlsx.model.council import CouncilEntry, CouncilInput, TallyInput
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.summary.meta import summary_meta

BLANK_FORM = {**T1_SCORES, "GV03": ({}, {})}  # GV03's form came back without a single criterion score


@pytest.fixture(scope="module")
def blank_form(tmp_path_factory):
    """The council's school, GV03's form come back blank; merged once."""
    return council_school(tmp_path_factory.mktemp("council-word"), BLANK_FORM)


def _final(school, tmp_path, decisions, tally=None, votes=None):
    met, out = tmp_path / "hoi-dong.xlsx", tmp_path / "cuoi.xlsx"
    council_types(school["first"], met, decisions, tally=tally, votes=votes)
    result = run("merge", school["inbox"], "--council", met, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def _checks(path) -> str:
    return " ".join(str(c.value) for r in load_workbook(path)["Kiểm tra"].iter_rows() for c in r if c.value)


def _row(path, code: str) -> dict:
    ws = load_workbook(path)["Điểm chi tiết"]
    head, cols = table_rows(ws, {"code": "Mã", "final": "Điểm xét", "class": "Xếp loại"})
    r = next(r for r in range(head + 2, ws.max_row + 1) if ws.cell(r, cols["code"]).value == code)
    return {k: ws.cell(r, c).value for k, c in cols.items()}


def test_a_council_score_is_the_evaluation_as_a_whole(blank_form, tmp_path):
    out = _final(blank_form, tmp_path, {"GV03": (88, None, "Hội đồng chấm theo hồ sơ")})
    assert _row(out, "GV03")["final"] == 88
    assert _row(out, "GV03")["class"] == "Tốt", "the empty groups' minimums judge criteria, not the council's score"
    assert "Lê Thị Dung" in proposed_titles(out)[title_name(LDTT).upper()]
    whats = [(c[0], c[1], c[3]) for c in change_log(out) if c[0] == "Lê Thị Dung"]
    assert ("Lê Thị Dung", "Điểm", "88") in whats
    assert any(what == "Danh hiệu đề nghị" and after == title_name(LDTT) for _, what, after in whats)


def test_a_meeting_without_quorum_grants_no_title_put_to_a_vote(school, tmp_path):
    out = _final(school, tmp_path, {}, tally={"members": 10, "present": 6}, votes={("GV01", CSTDCS): 9})
    proposed = proposed_titles(out)
    assert "Nguyễn Thị Lan" not in proposed.get(title_name(CSTDCS).upper(), [])
    assert "Nguyễn Thị Lan" in proposed[title_name(LDTT).upper()], "LĐTT is not put to a vote"
    change = next(c for c in change_log(out) if c[0] == "Nguyễn Thị Lan")
    assert change[1:4] == ("Kết quả bỏ phiếu", title_name(CSTDCS), sx.CHANGES_NOT_PASSED)
    assert "6/10" in _checks(out)


def test_a_tie_choice_never_exceeds_the_slots(school, tmp_path):
    # GV02 scored 92 by the council ties GV01 for the one slot; the council then picks both
    out = _final(school, tmp_path, {"GV01": (None, CSTDCS, "Nhiều thành tích"),
                                    "GV02": (92, CSTDCS, "Chấm lại hồ sơ")},
                 tally={"members": 9, "present": 9}, votes={("GV01", CSTDCS): 9, ("GV02", CSTDCS): 9})
    assert proposed_titles(out).get(title_name(CSTDCS).upper(), []) == []
    checks = _checks(out)
    assert "cho 1 suất còn lại" in checks and "Nguyễn Thị Lan" in checks and "Trần Văn Đức" in checks
    assert not [c for c in change_log(out) if c[1] == "Chọn khi bằng điểm" and c[3] == title_name(CSTDCS)]


def _council(summary, entries=(), tally=TallyInput(), codes=None) -> CouncilInput:
    codes = frozenset(p.code for p in summary.people) if codes is None else codes
    return CouncilInput("hoi-dong.xlsx", summary_meta(summary), tuple(entries), tally, (), codes)


def test_a_higher_title_is_decided_on_its_own_and_keeps_the_lower_ones(tmp_path):
    folder, (t1, t2) = scoring_round(tmp_path)  # no quota: nothing is a tie
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    summary = merge_inbox(inbox, folder)
    summary = dataclasses.replace(summary, people=tuple(
        dataclasses.replace(p, registered=CSTD_TINH) if p.code == "GV01" else p for p in summary.people))
    chosen = CouncilEntry("GV01", None, CSTD_TINH, "Ba năm liền CSTĐCS, sáng kiến cấp tỉnh", "Điểm chi tiết", 9)
    final = apply_council(summary, _council(summary, [chosen]), folder.campaign)
    lan = next(p for p in final.people if p.code == "GV01")
    assert [d.title for d in lan.decisions if d.granted] == [LDTT, CSTDCS, CSTD_TINH]
    assert [(c.what, c.after) for c in final.council_changes if c.code == "GV01"] == [("title", CSTD_TINH)]
    assert not [i for i in final.issues if i.code == "council.tie_open"]


def test_a_deleted_row_is_said_and_the_tools_proposal_kept(school):
    summary = merge_inbox(school["inbox"], school["folder"])
    without = frozenset(p.code for p in summary.people) - {"GV03"}
    final = apply_council(summary, _council(summary, codes=without), school["folder"].campaign)
    missing = [i for i in final.issues if i.code == "council.row_missing"]
    assert [dict(i.params)["person"] for i in missing] == ["GV03"]
    assert "Lê Thị Dung" in missing[0].message and "giữ đề nghị của chương trình" in missing[0].message


def test_a_row_twice_and_votes_above_the_members_are_reported_by_cell(school, tmp_path):
    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.read.council import read_council

    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV04": (None, None, "Xét lại")},
                  tally={"members": 10, "present": 12}, votes={("GV01", CSTDCS): 15})
    wb = load_workbook(met)
    ws = wb["Điểm chi tiết"]
    head, cols = table_rows(ws, sx.COUNCIL_HEADS)
    row = next(r for r in range(head + 2, ws.max_row + 1) if ws.cell(r, cols["code"]).value == "GV04")
    last = ws.max_row + 1
    for col in range(1, ws.max_column + 1):  # the row pasted again below the table, another decision in it
        ws.cell(last, col).value = ws.cell(row, col).value
    ws.cell(last, cols["decision"]).value = title_name(LDTT)
    wb.save(met)
    problems = Problems()
    council = read_council(met, school["folder"].campaign, problems)
    found = {i.code: i for i in council.issues}
    assert "GV04" not in {e.code for e in council.entries}, "neither of the two rows is used"
    assert f"{row}, {last}" in found["council.duplicate_row"].message
    above = [i for i in council.issues if i.code == "council.votes_above"]
    assert {i.cell for i in above} and all(i.cell for i in above)
    assert any("Số thành viên có mặt là 12" in i.message for i in above)
    assert any("GV01 là 15" in i.message for i in above)
    assert next(c.votes for c in council.tally.counts if c.code == "GV01") is None


def test_the_summarys_minutes_carry_the_count_and_count_each_person_once(school, tmp_path):
    out = _final(school, tmp_path, {}, tally={"members": 9, "present": 8}, votes={("GV01", CSTDCS): 8})
    wb = load_workbook(out)
    minutes = [str(r[0]) for r in wb["Biên bản"].iter_rows(values_only=True) if r[0]]
    text = "\n".join(minutes)
    assert "Thành viên Hội đồng có mặt: 8/9 người; vắng: 1 người" in text and "cuộc họp hợp lệ" in text
    assert "bỏ phiếu kín: 1/1 trường hợp đạt" in text
    ldtt = next(line for line in minutes if f"danh hiệu {title_name(LDTT)} gồm" in line)
    refused = next(line for line in minutes if "không đủ điều kiện đề nghị danh hiệu nào" in line)
    def count(line: str) -> int:
        return int(line.split(" gồm " if " gồm " in line else ": ")[1].split()[0])

    registered = len(TITLES)  # everyone of the campaign registered a title
    assert count(ldtt) + count(refused) == registered, (ldtt, refused, registered)


# --- a department's TTLĐXS put to a vote ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ttldxs_voted(tmp_path_factory):
    """The sample school whose campaign puts TTLĐXS to a vote (70 % of all members, as TT 35/2015 did), merged once:
    Tổ khối 1 is proposed for it and listed on the ballot."""
    from tests.campaign_books import edit, row_of
    from tests.samples import school_copy
    from thidua_xlsx.model import campaign_book as cb

    school = school_copy(tmp_path_factory.mktemp("ttldxs-vote"))
    label = next(f.label for f in cb.RULE_FIELDS if f.key == "ttldxs_vote_percent")

    def vote_at_70(wb):
        wb[cb.RULES_SHEET][f"B{row_of(wb[cb.RULES_SHEET], 'A', label)}"] = 70
    edit(school / "campaign.xlsx", vote_at_70)
    first = school.parent / "hop-hoi-dong.xlsx"  # beside the folder: the sample's own summary is kept as it is
    merged = run("merge", school / "inbox", "-o", first)
    assert merged.exit_code == 0, merged.output
    ballot = load_workbook(first)[sx.S_TALLY]
    assert ("TO-K1", title_name(TTLDXS)) in {(r[0], r[3]) for r in ballot.iter_rows(values_only=True)}
    return {"inbox": school / "inbox", "first": first}


def _collective(path) -> dict[str, tuple[str, str]]:
    """Sheet Tập thể: each department's proposal and its reasons, by the department's name."""
    ws = load_workbook(path)[sx.S_COLLECTIVE]
    head, cols = table_rows(ws, {"name": "Tổ", "proposed": "Đề nghị", "why": "Lý do"})
    return {ws.cell(r, cols["name"]).value: (ws.cell(r, cols["proposed"]).value, ws.cell(r, cols["why"]).value)
            for r in range(head + 1, ws.max_row + 1) if ws.cell(r, cols["name"]).value}


@pytest.mark.parametrize("votes, proposed, said", [
    (7, TTLDXS, "đạt 7/9 phiếu (77,8%, cần ≥ 70% tổng số thành viên: 7 phiếu)"),
    (3, TTLDTT, "chỉ đạt 3/9 phiếu (33,3%, cần ≥ 70% tổng số thành viên: 7 phiếu)"),
])
def test_a_department_s_ttldxs_put_to_a_vote_is_kept_only_when_the_vote_carried(ttldxs_voted, tmp_path, votes,
                                                                                  proposed, said):
    """Where the campaign puts TTLĐXS to a vote (its percentage in sheet Quy tắc), the vote decides as for a person's
    title: carried, the title stands with the vote in its reasons; voted down, the department is proposed for TTLĐTT
    (Luật TĐKT 2022 điều 28), whose conditions it meets, and the change log says why."""
    met, out = tmp_path / "hoi-dong.xlsx", tmp_path / "cuoi.xlsx"
    council_types(ttldxs_voted["first"], met, {}, tally={"members": 9, "present": 9},
                  votes={("TO-K1", title_name(TTLDXS)): votes})
    result = run("merge", ttldxs_voted["inbox"], "--council", met, "-o", out)
    assert result.exit_code == 0, result.output

    shown, why = _collective(out)["Tổ khối 1"]
    assert shown == title_name(proposed) and said in why, why
    voted_down = [c for c in change_log(out) if c[0] == "Tổ khối 1"]
    if proposed == TTLDTT:
        assert voted_down[0][1:4] == ("Kết quả bỏ phiếu", title_name(TTLDXS), sx.CHANGES_NOT_PASSED), voted_down
        assert why.startswith(f"{title_name(TTLDXS)}: ") and f"\n{title_name(TTLDTT)}: đủ điều kiện" in why, why
    else:
        assert voted_down == []
