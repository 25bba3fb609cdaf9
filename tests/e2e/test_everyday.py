"""The secretary's everyday: no lost work, no surprise, no English, no traceback."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, registration_values, sheet
from tests.samples import school_copy
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.exits import EXIT_USAGE
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.service import generate_round, merge_inbox

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("Usage:", "Options:", "Show this message", "Missing option", "Invalid value", "[default", "Error:",
           "does not exist", "Traceback", "Commands:", "INTEGER", "RANGE", "TEXT", "PATH", "FILE", "DIRECTORY")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_generate_never_replaces_a_filled_workbook_saved_in_the_outbox(small_folder, tmp_path):
    outbox = tmp_path / "inbox-dang-ky"
    first = generate_round(small_folder, ly.REGISTRATION, outbox).paths[0]
    reg = sheet(first, ly.RegistrationSheet)
    fill(first, first, registration_values(reg, {"GV01": LDTT}))  # a returned file saved over the blank one
    filled = first.read_bytes()
    result = run("generate", small_folder.folder, "--round", "dang-ky", "-o", outbox)
    assert result.exit_code == EXIT_USAGE  # refused before anything is written, as any output there without --force
    assert "sổ các tổ đã điền" in result.output and first.name in result.output
    assert "hoặc thêm --force: sổ đã điền được giữ nguyên, sổ mới ghi bên cạnh" in " ".join(result.output.split())
    assert first.read_bytes() == filled
    forced = run("generate", small_folder.folder, "--round", "dang-ky", "-o", outbox, "--force")
    assert forced.exit_code == 0, forced.output
    beside = first.with_name(first.stem + " (moi).xlsx")  # --force replaces the tool's own files only
    assert first.read_bytes() == filled and beside.is_file()
    assert f"Giữ nguyên {first}" in forced.output and f"sổ mới ghi vào {beside.name}" in forced.output
    assert sorted(p.name for p in outbox.iterdir()) == sorted([beside.name, *(p.name for p in outbox.iterdir()
                                                                               if "(moi)" not in p.name)])
    again = run("generate", small_folder.folder, "--round", "dang-ky", "-o", outbox, "--force")
    assert again.exit_code == 0 and not list(outbox.glob("*(moi 2)*")), "the workbook beside is the tool's own"


def test_generating_the_same_round_again_is_harmless(small_folder, tmp_path):
    outbox = tmp_path / "o"
    assert run("generate", small_folder.folder, "--round", "dang-ky", "-o", outbox).exit_code == 0
    before = {p.name: p.read_bytes() for p in outbox.iterdir()}
    assert run("generate", small_folder.folder, "--round", "dang-ky", "-o", outbox).exit_code == 0
    assert {p.name: p.read_bytes() for p in outbox.iterdir()} == before


def test_a_workbook_returned_blank_is_said(small_folder):
    path = generate_round(small_folder, ly.REGISTRATION, small_folder.folder / "outbox").paths[0]
    inbox = small_folder.folder / "inbox"
    (inbox / path.name).write_bytes(path.read_bytes())
    summary = merge_inbox(inbox, small_folder)
    assert [i.code for i in summary.issues if i.file == path.name] == ["file.unfilled"]


def test_merge_creates_the_output_folder_or_refuses_before_reading(small_folder, tmp_path):
    path = generate_round(small_folder, ly.REGISTRATION, small_folder.folder / "outbox").paths[0]
    inbox = small_folder.folder / "inbox"
    fill(path, inbox / path.name, registration_values(sheet(path, ly.RegistrationSheet), {"GV01": LDTT}))
    target = tmp_path / "khong" / "co" / "tong.xlsx"
    result = run("merge", inbox, "-o", target, "--json", tmp_path / "moi" / "r.json")
    assert result.exit_code == 0, result.output
    assert target.is_file() and (tmp_path / "moi" / "r.json").is_file()
    blocker = tmp_path / "la-tep"
    blocker.write_text("x")
    result = run("merge", inbox, "-o", blocker / "tong.xlsx")
    assert result.exit_code == 2
    assert "Không tạo được thư mục" in result.output and "Đang đọc" not in result.output
    assert "Traceback" not in result.output and "FileCreateError" not in result.output


def test_an_empty_inbox_is_said_as_such(small_folder):
    result = run("merge", small_folder.folder / "inbox")
    assert result.exit_code == EXIT_UNUSABLE
    assert "chưa có tệp nào" in result.output and "ở trên" not in result.output


def test_usage_errors_and_help_are_vietnamese(small_folder):
    result = run("generate", small_folder.folder)
    assert result.exit_code == 2 and "Thiếu tùy chọn '--round'" in result.output
    result = run("merge", small_folder.folder / "khong-co")
    assert result.exit_code == 2 and "Không tìm thấy" in result.output
    for args in (["--help"], ["merge", "--help"], ["generate", "--help"], ["status", "--help"], ["init", "--help"],
                 ["merge", "--bogus"], ["generate", small_folder.folder, "--round", "x"]):
        output = run(*args).output
        assert not [word for word in ENGLISH if word in output], (args, output)


def test_output_through_a_closed_pipe_ends_quietly():
    done = subprocess.run(f"'{sys.executable}' -m thidua_xlsx status samples/inbox | head -1", shell=True, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("Vòng:")
    assert "Error" not in done.stderr and "Traceback" not in done.stderr


def test_a_name_with_emoji_still_gives_every_department_its_workbook(tmp_path):
    data = campaign_dict()
    data["staff"][0]["name"] = "Nguyễn Thị Lan 🌸🌸 Hoàng Phương Thảo Nguyên"
    folder = make_folder(tmp_path / "c", cm.from_dict(data))
    paths = generate_round(folder, ly.SCORING, tmp_path / "o").paths
    assert len(paths) == 2
    names = [s.name for s in layout(paths[0]).sheets]
    assert all(len(n.encode("utf-16-le")) // 2 <= 31 for n in names), names
    assert any("🌸" in n for n in names)


# --- signals for the council ---

FULL_GV = {"I.1": 10, "I.2": 10, "II.1": 50, "II.2": 30}
FULL_NV = {"I.1": 60, "I.2": 40}


def _signals_inbox(tmp_path, t1_scores, t2_scores):
    from tests.scoring_round import fill_department, scoring_round

    folder, (t1, t2) = scoring_round(tmp_path / "school")
    inbox = tmp_path / "inbox"
    saved = dt.datetime(2026, 5, 12, 8, 0)
    fill_department(t1, inbox / t1.name, t1_scores, saved)
    fill_department(t2, inbox / t2.name, t2_scores, saved)
    return merge_inbox(inbox, folder)


def _by_code(summary) -> dict[str, list]:
    found: dict[str, list] = {}
    for i in summary.issues:
        found.setdefault(i.code, []).append(i)
    return found


def test_council_signals_are_flagged_for_the_department_concerned(tmp_path):
    t1 = {"GV01": ({"I.1": 8, "I.2": 8, "II.1": 35, "II.2": 20}, {}),  # self only: "Tổ chấm" left blank
          "GV02": ({"I.1": 8, "I.2": 7, "II.1": 30, "II.2": 20}, {}),
          "GV03": ({"I.1": 7, "I.2": 8, "II.1": 30, "II.2": 15}, {})}
    t2 = {"GV04": (FULL_GV, FULL_GV), "GV05": (FULL_GV, FULL_GV), "NV01": (FULL_NV, FULL_NV)}
    summary = _signals_inbox(tmp_path, t1, t2)
    found = _by_code(summary)
    blank, = found["department.dept_column_blank"]
    assert blank.severity == "warning" and "Tổ khối 1" in blank.message and "3 phiếu" in blank.message
    assert blank.file.endswith("To-khoi-1.xlsx")  # the department's own file: it goes into its feedback copy
    all_max, = found["signal.all_max"]
    same, = found["signal.dept_equals_self"]
    assert "Tổ Văn phòng – Khối 5" in all_max.message and "Tổ Văn phòng – Khối 5" in same.message
    assert all(i.severity == "note" and i.message.startswith("Tín hiệu") for i in (all_max, same))
    # who reviews is the list's header (the council; in a period the head): the sentence names neither
    assert all(i.message.endswith(". Xem lại nếu cần.") and "Hội đồng" not in i.message
               for i in summary.issues if i.code.startswith("signal."))
    far = {dict(i.params)["department"] for i in found["signal.average_far"]}
    assert far == {"Tổ khối 1", "Tổ Văn phòng – Khối 5"}  # 65% and 100% against a school average of 83%
    # flagged, never judged: nobody's result changes because of a signal
    assert next(p for p in summary.people if p.code == "GV04").final == 100


def test_an_ordinary_department_raises_no_signal(tmp_path):
    from tests.scoring_round import T1_SCORES, T2_SCORES

    found = _by_code(_signals_inbox(tmp_path, T1_SCORES, T2_SCORES))
    assert not [code for code in found if code.startswith("signal.") or code == "department.dept_column_blank"]


def test_one_form_whose_department_column_is_blank_where_the_others_were_scored_is_said_at_it(tmp_path):
    """Tổ khối 1 scored GV01 and GV02 and left GV03's column blank: GV03 is ranked on her own score, as the book's
    own formula does — said at her form, since a column forgotten or emptied looks like one left on purpose."""
    from tests.scoring_round import T1_SCORES, T2_SCORES

    summary = _signals_inbox(tmp_path, T1_SCORES, T2_SCORES)

    gv03 = next(p for p in summary.people if p.code == "GV03")
    said, = _by_code(summary)["person.dept_column_blank"]
    assert (said.file, said.sheet, said.severity) == (gv03.file, gv03.sheet, "warning")
    assert said.message.startswith(f"{gv03.name}: cột 'Tổ chấm' để trống cả phiếu, trong khi tổ đã chấm 2 người khác")
    assert gv03.final_source == "self"


# --- deadlines and reminders ---

def _round_with(tmp_path, t1_saved=None, t2_saved=None, t1_blank=False):
    from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round

    folder, (t1, t2) = scoring_round(tmp_path / "school")
    inbox = folder.folder / "inbox"
    if t1_blank:
        (inbox / t1.name).write_bytes(t1.read_bytes())
    elif t1_saved:
        fill_department(t1, inbox / t1.name, T1_SCORES, t1_saved)
    if t2_saved:
        fill_department(t2, inbox / t2.name, T2_SCORES, t2_saved)
    return folder, inbox


def test_status_says_on_time_late_not_sent_and_unfilled_against_the_deadline(tmp_path):
    from thidua_xlsx.decide.followup import LATE, NOT_SENT, ON_TIME, UNFILLED, follow_up

    folder, inbox = _round_with(tmp_path, t1_saved=dt.datetime(2026, 5, 12), t2_saved=dt.datetime(2026, 5, 23, 2))
    states = {f.code: (f.state, f.days_late, f.sent_on) for f in follow_up(merge_inbox(inbox, folder),
                                                                            dt.date(2026, 6, 1))}
    assert states == {"T1": (ON_TIME, 0, dt.date(2026, 5, 12)), "T2": (LATE, 3, dt.date(2026, 5, 23))}

    folder, inbox = _round_with(tmp_path / "b", t1_blank=True)
    found = {f.code: f for f in follow_up(merge_inbox(inbox, folder), dt.date(2026, 5, 25))}
    assert found["T1"].state == UNFILLED and found["T1"].filled == 0
    assert (found["T2"].state, found["T2"].days_late) == (NOT_SENT, 5)
    result = run("status", inbox, "--nhac")
    assert result.exit_code == EXIT_UNUSABLE, result.output  # a workbook as issued is no submission
    out = result.output
    assert "Tổ đã nộp: 0/2." in out and "Sổ gửi về còn trống, chưa tính là đã nộp (1 tổ): Tổ khối 1" in out
    assert "Tình hình nộp sổ (hạn nộp 20/05/2026):" in out
    assert "Tổ khối 1: đã gửi ngày" in out and "nhưng chưa điền (0/3 người có nội dung)" in out
    assert "Tổ Văn phòng – Khối 5: chưa nộp" in out
    # one reminder per department head, ready to paste
    assert "--- Tổ Văn phòng – Khối 5 – Phạm Ngọc Ánh <chưa có e-mail trong campaign.xlsx> ---" in out
    assert "Kính gửi thầy/cô Phạm Ngọc Ánh, tổ trưởng Tổ Văn phòng – Khối 5: sổ chấm điểm thi đua năm học " \
           "2025-2026 của tổ chưa được gửi về. Hạn nộp: 20/05/2026" in out
    assert "Kính gửi thầy/cô Nguyễn Thị Lan" in out and "còn trống" in out
    assert not [word for word in ENGLISH if word in out]


def test_a_nearly_blank_workbook_counts_as_not_filled_and_missing_people_are_named(tmp_path):
    from tests.scoring_round import T2_SCORES, fill_department, scoring_round
    from thidua_xlsx.decide.followup import ON_TIME, UNFILLED, follow_up

    folder, (t1, t2) = scoring_round(tmp_path / "school")
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, {}, dt.datetime(2026, 5, 12))  # only the collective title chosen
    fill_department(t2, inbox / t2.name, {k: v for k, v in T2_SCORES.items() if k != "NV01"}, dt.datetime(2026, 5, 12))
    found = {f.code: f for f in follow_up(merge_inbox(inbox, folder), dt.datetime(2026, 5, 13).date())}
    assert found["T1"].state == UNFILLED
    assert found["T2"].state == ON_TIME and found["T2"].missing == ("Đỗ Văn Anh",) and found["T2"].needs_reminder


def test_status_says_who_typed_a_wrong_entry_apart_from_who_typed_nothing(small_folder, tmp_path):
    """"Chưa có gì" is said only of who typed nothing: a title not in the list is said where it is."""
    from thidua_xlsx.decide.followup import follow_up

    t1, t2 = generate_round(small_folder, ly.REGISTRATION, tmp_path / "dang-ky").paths
    inbox = small_folder.folder / "inbox"
    reg = sheet(t1, ly.RegistrationSheet)
    title = f"{reg.title_column}{dict(reg.rows)['GV01']}"
    fill(t1, inbox / t1.name, {**registration_values(reg, {"GV02": LDTT}), (reg.name, title): "LĐ giỏi"})

    (t1_said,) = [f for f in follow_up(merge_inbox(inbox, small_folder), dt.date(2025, 9, 20)) if f.code == "T1"]
    assert (t1_said.missing, t1_said.wrong, t1_said.errors) == (
        ("Lê Thị Dung",), (("Nguyễn Thị Lan", f"{reg.name}!{title}", "LĐ giỏi"),), 1)
    out = run("status", inbox, "--nhac").output
    assert (f"còn 1 lỗi cần sửa; 1 người chưa có gì: Lê Thị Dung; 1 người ghi sai, chưa dùng được (xem lỗi ở ô): "
            f"Nguyễn Thị Lan ({reg.name}!{title}: 'LĐ giỏi')") in out
    assert f"ghi sai, cần sửa phần của: Nguyễn Thị Lan ({reg.name}!{title}: 'LĐ giỏi')" in out


def test_a_text_the_program_knows_ended_is_said_in_the_summary_not_on_every_run(tmp_path):
    """NĐ 129/2025 and NĐ 142/2025 end 01/03/2027 by the program's data: for a file filed in May 2027 the secretary
    reads it once in sheet Kiểm tra (and the JSON), counted on screen with the notes; no run prints it."""
    import json

    from openpyxl import load_workbook

    folder = make_folder(tmp_path / "c", cm.from_dict(campaign_dict(school={
        **campaign_dict()["school"], "school_year": "2026-2027", "registration_deadline": "2026-09-30",
        "scoring_deadline": "2027-05-20", "filing_date": "2027-05-10"})))
    t1, _ = generate_round(folder, ly.REGISTRATION, tmp_path / "dang-ky").paths
    inbox = folder.folder / "inbox"
    fill(t1, inbox / t1.name, registration_values(sheet(t1, ly.RegistrationSheet), {"GV01": LDTT}))

    merged = run("merge", inbox, "-o", tmp_path / "S.xlsx", "--json", tmp_path / "R.json")
    assert merged.exit_code == 0, merged.output
    assert "hết hiệu lực" not in merged.output and "0 lỗi, 1 cảnh báo, 2 ghi chú" in merged.output
    assert "hết hiệu lực" not in run("status", inbox).output
    ended = [p for p in json.loads((tmp_path / "R.json").read_text("utf-8"))["problems"]
             if p["code"] == "rule_set.ended"]
    assert [(p["severity"], p["params"]["text"]) for p in ended] == [
        ("note", "NĐ 129/2025 điều 59 (129/2025/NĐ-CP)"), ("note", "NĐ 142/2025 (142/2025/NĐ-CP)")]
    checked = [row for row in load_workbook(tmp_path / "S.xlsx")["Kiểm tra"].iter_rows(values_only=True)
               if any(isinstance(v, str) and "hết hiệu lực từ 01/03/2027" in v for v in row)]
    assert len(checked) == 2


def test_init_does_not_write_a_second_campaign_beside_a_campaign_ods(tmp_path):
    (tmp_path / "thidua").mkdir()
    (tmp_path / "thidua" / "campaign.ods").write_bytes(b"ods of the secretary")
    result = run("init", tmp_path / "thidua", "--level", "tieu-hoc")
    assert result.exit_code == 2 and "campaign.ods" in result.output
    assert not (tmp_path / "thidua" / "campaign.xlsx").exists()


def test_an_empty_inbox_is_reported_for_the_round_last_issued(small_folder, tmp_path):
    generate_round(small_folder, ly.REGISTRATION, tmp_path / "dang-ky")
    inbox = tmp_path / "trong"
    inbox.mkdir()
    result = run("status", inbox, "--campaign", small_folder.folder)
    assert result.exit_code == EXIT_UNUSABLE and "Vòng: Đăng ký thi đua" in result.output, result.output


def test_the_progress_bar_shows_on_a_terminal_and_not_in_a_log(tmp_path):
    """On a terminal the secretary sees the files counted as they are read; in a log or a pipe, nothing
    of the bar."""
    import os
    import pty

    from thidua_xlsx.text.commands import READING

    command = [sys.executable, "-m", "thidua_xlsx", "merge", str(school_copy(tmp_path) / "inbox"), "-o",
               str(tmp_path / "tong-hop.xlsx"), "--force"]
    master, terminal = pty.openpty()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal, cwd=tmp_path)
    os.close(terminal)
    shown = b""
    while True:
        try:
            piece = os.read(master, 4096)
        except OSError:  # the terminal's other end closed: the command is done
            break
        if not piece:
            break
        shown += piece
    os.close(master)
    assert child.wait(timeout=300) == 0
    assert READING in shown.decode("utf-8", "replace") and "100%" in shown.decode("utf-8", "replace")
    logged = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert logged.returncode == 0, logged.stderr
    assert READING not in logged.stderr and "%" not in logged.stderr
