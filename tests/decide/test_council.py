"""The council round trip: the summary the council met with, read back (only its cells), the
council's word over the tool's proposal, quota ties, the vote, and the change log."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.council_sheets import change_log, proposed_titles
from tests.decide.conftest import run
from tests.filling import council_types, run_apart, table_rows, type_far_away
from tests.no_office import without_libreoffice
from tests.openxml import unaccepted_findings
from thidua_xlsx.cli import EXIT_UNUSABLE
from thidua_xlsx.decide.ballots import candidates
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.decisions import Decision
from thidua_xlsx.model.results import PersonResult
from thidua_xlsx.model.titles import CSTDCS, LDTT, NO_PROPOSAL
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx


def _people(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)["Điểm chi tiết"]
    head, cols = table_rows(ws, {"code": "Mã", "final": "Điểm xét", "source": "Nguồn điểm"})
    return {ws.cell(r, cols["code"]).value: {"final": ws.cell(r, cols["final"]).value,
                                             "source": ws.cell(r, cols["source"]).value}
            for r in range(head + 2, ws.max_row + 1) if ws.cell(r, cols["code"]).value}


def test_the_first_summary_offers_the_council_cells_and_the_ballot(school):
    wb = load_workbook(school["first"])
    ws = wb["Điểm chi tiết"]
    assert ws.protection.sheet  # only the council's cells can be typed
    head, cols = table_rows(ws, sx.COUNCIL_HEADS)
    row = head + 2
    assert all(ws.cell(row, cols[k]).protection.locked is False for k in ("score", "decision", "note"))
    assert ws.cell(row, cols["code"]).protection.locked is not False
    tally = wb[sx.S_TALLY]
    head, cols = table_rows(tally, sx.TALLY_HEADS)
    listed = {(tally.cell(r, cols["code"]).value, tally.cell(r, cols["title"]).value)
              for r in range(head + 1, tally.max_row + 1)}
    assert ("GV01", "Chiến sĩ thi đua cơ sở") in listed  # the one CSTĐCS slot, by name
    assert "80% tổng số thành viên" in " ".join(str(c.value) for r in tally.iter_rows() for c in r if c.value)


def test_the_councils_choices_are_read_as_title_codes_in_any_case_or_accents(school, tmp_path):
    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.read.council import read_council

    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV01": (None, "chien si thi dua co so", "Xét lại"),
                                         "GV03": (None, "KHÔNG ĐỀ NGHỊ", "Nghỉ dài ngày"),
                                         "GV04": (None, "Lao động tiên tiến", "Có minh chứng")},
                  votes={("GV01", "chiến sĩ thi đua cơ sở"): 8})  # typed on a spare row of the tally
    problems = Problems()
    council = read_council(met, school["folder"].campaign, problems)
    assert not problems.items and not council.issues
    assert {e.code: e.decision for e in council.entries} == {"GV01": CSTDCS, "GV03": NO_PROPOSAL, "GV04": LDTT}
    assert ("GV01", CSTDCS, 8) in {(c.code, c.title, c.votes) for c in council.tally.counts}


@pytest.fixture(scope="module")
def final(school):
    root = school["root"]
    met = root / "hoi-dong.xlsx"
    council_types(school["first"], met, {
        "GV02": (92, CSTDCS, "Hội đồng chấm lại hồ sơ chuyên môn"),  # ties GV01 at 92 for one slot
        "GV03": (None, NO_PROPOSAL, "Nghỉ dài ngày"),
        "GV04": (None, LDTT, None),  # refused by the rules (HTNV) and no note: not used
        "GV05": (None, LDTT, "Kỷ luật đã hết thời hạn"),  # against the rules, with a note: flagged
    }, tally={"members": 9, "present": 7, "ballots_issued": 9,
              "ballots_returned": 8},  # 2 absent, 1 of them voted in writing
        votes={("GV02", CSTDCS): 8})
    out = root / "tong-hop-cuoi.xlsx"
    result = run("merge", school["inbox"], "--council", met, "-o", out, "--json", root / "cuoi.json",
                 "--docs", root / "ho-so")
    assert result.exit_code == 0, result.output
    return {"met": met, "out": out, "output": result.output, "papers": root / "ho-so"}


def test_council_scores_replace_the_final_score(final):
    people = _people(final["out"])
    assert people["GV02"] == {"final": 92, "source": "Hội đồng"}
    assert people["GV01"]["source"] != "Hội đồng"


def test_the_councils_decisions_win_and_a_rule_broken_needs_a_note(final):
    proposed = proposed_titles(final["out"])
    assert proposed[title_name(CSTDCS).upper()] == ["Trần Văn Đức"]  # GV02 chosen in the tie, vote passed
    ldtt = proposed[title_name(LDTT).upper()]
    assert "Lê Thị Dung" not in ldtt  # GV03: the council said no
    assert "Hoàng Thị Thu Hương Giang Nguyễn Phương" in ldtt  # GV05: against the rule, with a note
    assert "Phạm Ngọc Ánh" not in ldtt  # GV04: no note, not used
    checks = " ".join(str(c.value) for r in load_workbook(final["out"])["Kiểm tra"].iter_rows() for c in r if c.value)
    assert "chỉ được ghi nhận khi có lý do" in checks and "Phạm Ngọc Ánh" in checks
    assert "Đã ghi nhận và đánh dấu" in checks and "Kỷ luật đã hết thời hạn" in checks


def test_the_change_log_says_who_what_and_why(final):
    changes = change_log(final["out"])
    by_name = {}
    for name, what, before, after, note, flag in changes:
        by_name.setdefault(name, []).append((what, before, after, note, flag))
    assert ("Điểm", "82,5", "92", "Hội đồng chấm lại hồ sơ chuyên môn", None) in by_name["Trần Văn Đức"]
    ldtt, cstdcs = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"  # the titles by name, as the sheet shows them
    assert ("Chọn khi bằng điểm", ldtt, cstdcs, "Hội đồng chấm lại hồ sơ chuyên môn", None) in \
        by_name["Trần Văn Đức"]
    assert ("Danh hiệu đề nghị", ldtt, "Không đề nghị", "Nghỉ dài ngày", None) in by_name["Lê Thị Dung"]
    what, before, after, note, flag = by_name["Hoàng Thị Thu Hương Giang Nguyễn Phương"][0]
    assert (before, after, note) == ("—", ldtt, "Kỷ luật đã hết thời hạn") and flag == sx.CHANGES_AGAINST_RULE
    assert by_name["Nguyễn Thị Lan"][0][:3] == ("Chọn khi bằng điểm", sx.CHANGES_TIE_OPEN, ldtt)
    assert "Phạm Ngọc Ánh" not in by_name


def test_the_vote_is_counted_against_all_members(final):
    tally = load_workbook(final["out"])[sx.S_TALLY]
    text = " ".join(str(c.value) for r in tally.iter_rows() for c in r if c.value)
    assert "đạt 8/9 phiếu (88,9%, cần ≥ 80% tổng số thành viên: 8 phiếu)" in text


def test_a_vote_below_the_threshold_keeps_only_ldtt(school, tmp_path):
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {}, tally={"members": 10, "present": 9}, votes={("GV01", CSTDCS): 7})
    out = tmp_path / "cuoi.xlsx"
    assert run("merge", school["inbox"], "--council", met, "-o", out).exit_code == 0
    proposed = proposed_titles(out)
    assert "Nguyễn Thị Lan" not in proposed.get(title_name(CSTDCS).upper(), [])
    assert "Nguyễn Thị Lan" in proposed[title_name(LDTT).upper()]
    assert ("Nguyễn Thị Lan", "Kết quả bỏ phiếu", title_name(CSTDCS), sx.CHANGES_NOT_PASSED) == change_log(out)[0][:4]


def test_the_final_summary_read_again_gives_the_same_result(school, final, tmp_path):
    again = tmp_path / "lan-2.xlsx"
    assert run("merge", school["inbox"], "--council", final["out"], "-o", again).exit_code == 0
    assert _people(again) == _people(final["out"]) and proposed_titles(again) == proposed_titles(final["out"])
    assert change_log(again) == change_log(final["out"])


def test_a_summary_of_another_round_or_not_ours_is_refused(school, tmp_path):
    registration = next((school["root"] / "dang-ky").glob("*.xlsx"))
    result = run("merge", school["inbox"], "--council", registration, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == EXIT_UNUSABLE and "--council cần bảng tổng hợp vòng chấm điểm" in result.output
    assert not (tmp_path / "x.xlsx").exists()
    workbook = next(school["inbox"].glob("*.xlsx"))  # a department's workbook: no summary's metadata
    result = run("merge", school["inbox"], "--council", workbook, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == EXIT_UNUSABLE and "không phải bảng tổng hợp do thidua-xlsx tạo" in result.output
    assert "vòng chấm điểm" in result.output and "vòng đăng ký" not in result.output
    same = run("merge", school["inbox"], "--council", school["first"], "-o", school["first"], "--force")
    assert same.exit_code == 2 and "Không ghi đè bảng tổng hợp của Hội đồng" in same.output


def test_a_value_typed_in_the_last_cell_of_the_councils_summary_is_a_message_not_a_crash(school, tmp_path):
    """The council types into the summary during the meeting; one slip far away made the council pass
    abort (calamine asked for 512 GB). It is refused, saying where, before any parser sees it."""
    typed = tmp_path / "hoi-dong.xlsx"
    typed.write_bytes(school["first"].read_bytes())
    type_far_away(typed, sx.S_DETAIL)
    result = run_apart("merge", school["inbox"], "--council", typed, "-o", tmp_path / "x.xlsx", cwd=tmp_path)
    assert result.returncode == EXIT_UNUSABLE, result.stderr[-2000:]
    assert f"Sheet '{sx.S_DETAIL}' của 'hoi-dong.xlsx' có dữ liệu ở ô XFD1048576" in result.stdout + result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_thresholds_are_shares_of_all_members_and_need_a_valid_meeting():
    from thidua_xlsx.decide.ballots import count, needed_votes
    from thidua_xlsx.model import campaign as cm
    from thidua_xlsx.model.council import TallyInput, VoteCount

    assert [needed_votes(n, 66.67) for n in (9, 10, 15)] == [6, 7, 10]  # 2/3 typed as 66,67
    assert [needed_votes(n, 80) for n in (9, 10, 15)] == [8, 8, 12]
    vote = (VoteCount("GV01", CSTDCS, 8), VoteCount("GV02", CSTDCS, 7), VoteCount("NV01", LDTT, 1))
    valid = count(TallyInput(members=10, present=9, counts=vote), cm.Rules())
    assert [(r.code, r.passed) for r in valid.results] == [("GV01", True), ("GV02", False)]  # LĐTT: no vote
    assert "7/10 phiếu (70%, cần ≥ 80% tổng số thành viên: 8 phiếu)" in valid.result("GV02", CSTDCS).reason.text
    short = count(TallyInput(members=10, present=6, counts=vote), cm.Rules())
    assert short.quorum_met is False and {r.passed for r in short.results} == {None}
    assert "chưa đủ số thành viên (6/10 có mặt, cần 7)" in short.results[0].reason.text
    seventy = count(TallyInput(members=10, present=9, counts=vote), cm.Rules(ldtt_vote_percent=70))
    assert seventy.result("NV01", LDTT).passed is False


def test_the_final_summary_passes_the_validator_and_its_json_carries_the_council(final):
    import json

    assert unaccepted_findings(final["out"]) == []  # streamed: inline strings (tests/write/test_openxml_audit.py)
    report = json.loads((final["out"].parent / "cuoi.json").read_text(encoding="utf-8"))
    council = report["council"]
    assert (council["members"], council["present"], council["quorum_met"]) == (9, 7, True)
    vote, = [v for v in council["votes"] if v["code"] == "GV02"]
    assert (vote["votes"], vote["needed"], vote["passed"], vote["reason"]["code"]) == (8, 8, True, "vote.passed")
    assert (vote["title"], vote["reason"]["params"]["share"], vote["reason"]["params"]["percent"]) == (
        "CSTDCS", 88.9, 80)  # a title by its code, numbers as numbers (the sheet says "88,9%")
    assert {c["code"] for c in council["changes"]} >= {"GV02", "GV03", "GV05"}
    gv05 = next(p for p in report["people"] if p["code"] == "GV05")
    assert gv05["council"] == {"score": None, "decision": "LDTT", "note": "Kỷ luật đã hết thời hạn"}  # a code


def test_the_papers_of_the_council_pass_carry_its_final_lists(final):
    """merge --council --docs: the Tờ trình counts and each title's list equal the final summary's lists."""
    from tests.documents import docx_rows, docx_text

    papers = final["papers"]
    assert f"Đã ghi hồ sơ vào {papers}" in final["output"]
    assert "Chiến sĩ thi đua cơ sở: Chien-si-thi-dua-co-so/ – 2 văn bản riêng và 3 văn bản dùng chung" \
        in final["output"]
    letter = docx_text(papers / "01_To-trinh.docx")
    proposed = proposed_titles(final["out"])
    for title, folder in ((CSTDCS, "Chien-si-thi-dua-co-so"), (LDTT, "Lao-dong-tien-tien")):
        listed = [row[1] for row in docx_rows(papers / folder / f"04_Danh-sach_{folder}.docx")]
        assert sorted(listed) == sorted(proposed[title_name(title).upper()]), title
        assert f"- {title_name(title)}: {len(listed)} cá nhân;" in letter
    assert (papers / "Chien-si-thi-dua-co-so" / "05_Bao-cao-thanh-tich_Tran-Van-Duc.docx").is_file()
    minutes = docx_text(papers / "02_Bien-ban-hop-binh-xet.docx")
    assert "Thành viên Hội đồng có mặt: 7/9 người" in minutes
    assert [row[1:4] for row in docx_rows(papers / "03_Bien-ban-kiem-phieu.docx")][0] == ["Trần Văn Đức", "Tổ khối 1",
                                                                                          "8"]


@pytest.mark.libreoffice
def test_each_paper_of_the_council_pass_has_its_pdf(final):
    from tests.documents import require_writer

    require_writer()
    made = sorted(p.relative_to(final["papers"]) for p in final["papers"].rglob("*.docx"))
    assert made and all((final["papers"] / p).with_suffix(".pdf").is_file() for p in made)
    assert "0 bản PDF" not in final["output"]


def test_papers_are_not_written_over_or_into_the_inbox(school, final, tmp_path):
    again = run("merge", school["inbox"], "--council", final["met"], "-o", tmp_path / "x.xlsx", "--docs",
                final["papers"])
    assert again.exit_code == 2 and "đã có văn bản" in again.output and "--force" in again.output
    assert not (tmp_path / "x.xlsx").exists()  # refused before any work
    inside = run("merge", school["inbox"], "-o", tmp_path / "y.xlsx", "--docs", school["inbox"] / "ho-so")
    assert inside.exit_code == 2 and "nằm trong thư mục nhận về" in inside.output
    assert not (school["inbox"] / "ho-so").exists()


def test_the_shipped_sample_council_pass_gives_the_final_summary_and_its_papers(tmp_path, monkeypatch):
    """The README's council step on samples/: two scores changed, one decision overridden, a quota tie
    settled; the Tờ trình counts equal the final lists, each list is its title's proposals (their Word files)."""
    from tests.documents import docx_rows, docx_text

    without_libreoffice(monkeypatch)
    shipped = Path(__file__).resolve().parents[2] / "samples"
    samples = tmp_path / "samples"  # a copy: the run records what it wrote in its campaign folder, never the shipped
    shutil.copytree(shipped, samples, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "huong-dan", "ho-so"))
    out, papers, report = tmp_path / "tong-hop-cuoi.xlsx", tmp_path / "ho-so", tmp_path / "bao-cao.json"
    result = run("merge", samples / "inbox", "--council", samples / "hoi-dong.xlsx", "-o", out, "--docs", papers,
                 "--json", report)
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads(report.read_text(encoding="utf-8"))["people"]}
    # judged twice (the merge, then the council's pass): still flagged once as not registered
    assert [f["code"] for f in people["GV015"]["flags"]] == ["flag.not_registered"]
    assert [f["code"] for f in people["MOI-TO-K23-P1"]["flags"]] == ["flag.newcomer", "flag.not_registered"]
    what = [change[1] for change in change_log(out)]
    assert (what.count("Điểm"), what.count("Danh hiệu đề nghị"), what.count("Chọn khi bằng điểm")) == (2, 1, 2)
    assert change_log(out) == change_log(samples / "tong-hop-cuoi.xlsx")  # the shipped final summary is current
    proposed = proposed_titles(out)
    letter = docx_text(papers / "01_To-trinh.docx")
    for title, folder in ((CSTDCS, "Chien-si-thi-dua-co-so"), (LDTT, "Lao-dong-tien-tien")):
        listed = [row[1] for row in docx_rows(papers / folder / f"04_Danh-sach_{folder}.docx")]
        assert sorted(listed) == sorted(proposed[title_name(title).upper()]) and listed, title
        assert f"- {title_name(title)}: {len(listed)} cá nhân;" in letter
    assert len(list((papers / "Chien-si-thi-dua-co-so").glob("05_Bao-cao-thanh-tich_*.docx"))) == \
        len(proposed[title_name(CSTDCS).upper()])


def test_the_papers_say_which_font_their_pdfs_are_set_in(final):
    """Times New Roman's metric twin said as used, or the fallback warned with how to install the twin —
    whichever this machine has (both cases are forced in tests/e2e/test_libreoffice.py)."""
    assert "Phông chữ của bản PDF: " in final["output"] or "thay cho Times New Roman" in final["output"]


# --- the council's year score given to the periods ----------------------------------------------------


@pytest.mark.parametrize("formula", ["average", "semesters", "weighted"])
def test_the_council_s_year_score_is_the_year_s_whatever_the_formula(formula):
    import datetime as dt

    from thidua_xlsx.decide.council import with_year_scores
    from thidua_xlsx.decide.evaluation import rate_year
    from thidua_xlsx.model import evaluation as ev

    periods = (ev.Period("hk1", "Học kỳ I", dt.date(2026, 9, 1), dt.date(2027, 1, 15)),
               ev.Period("hk2", "Học kỳ II", dt.date(2027, 1, 16), dt.date(2027, 5, 31)))
    summaries = {"hk1": ev.PeriodSummary("a.xlsx", "hk1", False, {"A": ev.PeriodEntry(80, registered=LDTT),
                                                                   "B": ev.PeriodEntry(70)}),
                 "hk2": ev.PeriodSummary("b.xlsx", "hk2", False,
                                         {"A": ev.PeriodEntry(None), "B": ev.PeriodEntry(None)})}
    given = with_year_scores(summaries, {"A": 93.5, "C": 61})
    assert given["hk1"].people["A"] == ev.PeriodEntry(93.5, registered=LDTT)  # what else the period says is kept
    assert given["hk2"].people["A"].final is None  # a period without a score stays without one: never 0
    assert given["hk1"].people["B"] == summaries["hk1"].people["B"]  # the others untouched
    assert [given[p].people["C"].final for p in ("hk1", "hk2")] == [61, 61]  # no period score: every period
    rules = ev.YearRules(formula={"average": ev.YearFormula(), "semesters": ev.YearFormula.semesters(),
                                  "weighted": ev.YearFormula(ev.WEIGHTED, (("hk1", 1), ("hk2", 3)))}[formula])
    scores = [ev.PeriodScores(code, {p: s.people[code].final for p, s in given.items() if code in s.people})
              for code in ("A", "C")]
    rated = {r.person: r for r in rate_year(periods, scores, rules=rules)}
    assert (rated["A"].score, rated["A"].used, rated["A"].missing) == (93.5, ("hk1",), ("hk2",))
    assert rated["C"].score == 61


def test_a_pending_title_is_on_the_council_s_ballot_and_a_refused_one_is_not():
    """docs/domain.md §4f: waiting is not failing — a CSTĐCS left to the council (a fact nobody entered, a quota tie)
    is put to its vote like one proposed; one refused on what is known is not."""
    def person(code: str, decision: Decision) -> PersonResult:
        return PersonResult(code, code, "TO1", "Tổ Toán", "GV", "Giáo viên", "ok", decisions=(decision,))

    people = [person("GV1", Decision(CSTDCS, False, pending=True)), person("GV2", Decision(CSTDCS, True)),
              person("GV3", Decision(CSTDCS, False)), person("GV4", Decision(LDTT, True))]

    assert [(c.code, c.title) for c in candidates(people, [], cm.Rules())] == [("GV1", CSTDCS), ("GV2", CSTDCS)]
