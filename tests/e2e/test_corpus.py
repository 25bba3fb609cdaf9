"""No file can stop the merge: a corpus of broken and hostile inbox entries, built in code.

Each entry has a test asserting its status and message; one test merges them all together with
the department's valid files, through the command line, and checks that the valid departments
give exactly the clean results, that every entry is accounted for, and that the inbox is
untouched (names, bytes, modes, times).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.corpus import corpus, fail_on_khoi_1, snapshot, valid_inbox
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import merge_inbox


def test_the_whole_corpus_merges_with_exit_0_under_a_gigabyte(hostile):
    assert hostile["usage"]["exit"] == 0, hostile["console"]
    assert 10 < hostile["usage"]["peak_mb"] < 1024, hostile["usage"]  # its own peak: 45 MB here (tests/corpus.py)


def test_every_entry_has_its_status_and_reason(hostile):
    files = {f["name"]: (f["status"], f["reason"]) for f in hostile["report"]["files"]}
    assert files == hostile["expected"]


def test_valid_departments_give_exactly_the_clean_results(hostile, base):
    people = {p["code"]: (p["scores"]["final"], p["proposed"], p["classification"])
              for p in hostile["report"]["people"]}
    assert people == base["clean"]


def test_the_inbox_is_untouched(hostile):
    assert snapshot(hostile["inbox"]) == hostile["before"]


def test_no_local_file_and_no_live_formula_in_any_output(hostile):
    for path in hostile["out"].iterdir():
        data = path.read_bytes()
        assert b"root:x:0:0" not in data, path
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as zf:
                for part in zf.namelist():
                    assert b"root:x:0:0" not in zf.read(part), part
            wb = load_workbook(path)
            assert not [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row
                        if c.data_type == "f"], "the summary holds values only"


def test_no_console_line_can_be_forged_by_a_file_name(hostile):
    assert "dong\\u000amoi.txt" in hostile["console"]
    assert not any(line.startswith("moi.txt") for line in hostile["console"].splitlines())


def test_sources_sheet_names_the_copy_and_the_versions(hostile):
    problems = hostile["report"]["problems"]
    copy = next(p for p in problems if p["code"] == "file.copy_of")
    assert copy["params"]["original"].endswith("To-khoi-1.xlsx")
    diff = [p for p in problems if p["code"] == "file.version_diff"]
    assert diff and all(p["params"]["count"] >= 0 for p in diff)


@pytest.mark.parametrize("name", ["o-xa.xlsx", "trieu-dong.xlsx", "bom-zip.xlsx", "billion-laughs.xlsx"])
def test_each_hostile_file_alone_is_refused_with_its_message(base, tmp_path, name):
    data, status, reason = corpus(base, {name})[name]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes(data)
    summary = merge_inbox(inbox, base["folder"])
    (entry,) = summary.files
    assert (entry.status, entry.reason) == (status, reason)
    message = entry.issues[-1].message
    assert message.endswith(".") and ("Hãy" in message or "không đọc" in message)


def test_a_file_the_system_will_not_let_us_read_is_its_own_outcome(base, tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / base["t2"].name).write_bytes(base["t2"].read_bytes())
    (inbox / "khoa.xlsx").write_bytes(base["t1"].read_bytes())
    real = Path.read_bytes

    def refuse(path):
        if path.name == "khoa.xlsx":
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(Path, "read_bytes", refuse)  # the OS refusing: root cannot make chmod 000 refuse
    summary = merge_inbox(inbox, base["folder"])
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status["khoa.xlsx"] == ("rejected", "file.unreadable")
    assert status[base["t2"].name] == ("accepted", "")


def test_a_bug_while_reading_one_file_is_that_files_outcome(base, tmp_path, monkeypatch):
    inbox = valid_inbox(base, tmp_path / "inbox")

    def bug():
        raise ZeroDivisionError("a bug of ours")
    fail_on_khoi_1(monkeypatch, bug)
    summary = merge_inbox(inbox, base["folder"])
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status[base["t1"].name] == ("rejected", "file.internal_error")
    assert "ZeroDivisionError" in next(f for f in summary.files if "khoi-1" in f.name).issues[-1].message
    assert status[base["t2"].name] == ("accepted", "")


FORMULA_LIKE = ('=HYPERLINK("http://x.vn","Bấm vào")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1;2)")


def test_formula_like_text_in_every_text_field_stays_text_in_every_output(base, tmp_path):
    """Typed in each text input of a registration workbook (names, positions, titles, forms,
    initiatives, notes, the collective title and its note): the summary, the JSON and the
    feedback copy hold it as text, never as a formula."""
    from tests.filling import fill, sheet
    from thidua_xlsx.service import generate_round
    from thidua_xlsx.write.feedback import write_feedback
    from thidua_xlsx.write.report_json import write_report_json
    from thidua_xlsx.write.summary import write_summary

    path = generate_round(base["folder"], ly.REGISTRATION, tmp_path / "outbox").paths[0]
    reg, unit = sheet(path, ly.RegistrationSheet), sheet(path, ly.CollectiveSheet)
    values, typed = {}, {}
    columns = ("name_column", "position_column", "title_column", "form_column", "initiative_column", "note_column")
    for n, row in enumerate([r for _, r in reg.rows] + list(reg.spare_rows[:1])):
        for k, attribute in enumerate(columns):
            cell = f"{getattr(reg, attribute)}{row}"
            if attribute in ("name_column", "position_column") and row not in reg.spare_rows:
                continue  # locked: a teacher cannot type there
            values[(reg.name, cell)] = typed[(reg.name, cell)] = FORMULA_LIKE[(n + k) % len(FORMULA_LIKE)]
    for k, cell in enumerate((unit.cell, unit.note_cell)):
        values[(unit.name, cell)] = typed[(unit.name, cell)] = FORMULA_LIKE[k]
    inbox = tmp_path / "inbox"
    fill(path, inbox / path.name, values)
    summary = merge_inbox(inbox, base["folder"])
    assert [f.status for f in summary.files] == ["accepted"]
    out = tmp_path / "out"
    out.mkdir()
    write_summary(summary, out / "tong-hop.xlsx")
    write_report_json(summary, out / "bao-cao.json")
    copy = write_feedback(summary, out / "gop-y").written
    assert copy, "the titles typed as formulas are errors: the department gets a copy"

    wb = load_workbook(out / "tong-hop.xlsx")
    assert not [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
    texts = {c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert '=HYPERLINK("http://x.vn","Bấm vào")' in texts  # the spare row's name, listed as typed
    assert json.loads((out / "bao-cao.json").read_text(encoding="utf-8"))
    back = load_workbook(copy[0])
    for (name, cell), text in typed.items():
        assert back[name][cell].data_type == "s" and back[name][cell].value == text, (name, cell)
    feedback_sheet = back.worksheets[0]
    assert not [c.coordinate for row in feedback_sheet.iter_rows() for c in row if c.data_type == "f"]
