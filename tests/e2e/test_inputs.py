"""What comes in: any value in any cell, any workbook, every everyday mistake — each gives the
right result or one clear Vietnamese message, the inbox untouched, every other department's results the
same, never "Lỗi nội bộ". Workbooks are the project's own (generate), filled as a teacher fills them
(tests/filling.py) or written with openpyxl as a spreadsheet program would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.filling import forms, labelled_row, person_values, sheet
from tests.no_office import without_libreoffice
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round, tree_digest
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import STATUS_SHEET_MISSING
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.service import merge_inbox

SAVED = dt.datetime(2026, 5, 10, 8, 0)


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A scoring round out (registration merged), and the two departments' workbooks filled as clean."""
    root = tmp_path_factory.mktemp("inputs")
    folder, (t1, t2) = scoring_round(root)
    filled = root / "filled"
    fill_department(t1, filled / t1.name, T1_SCORES, SAVED)
    fill_department(t2, filled / t2.name, T2_SCORES, SAVED)
    clean = _results(merge_inbox(_copy(filled, root / "clean-inbox"), folder))
    return {"folder": folder, "t1": t1, "t2": t2, "filled": filled, "clean": clean, "root": root}


def _copy(filled: Path, inbox: Path, *skip: str) -> Path:
    inbox.mkdir(parents=True, exist_ok=True)
    for path in filled.iterdir():
        if path.name not in skip:
            shutil.copy(path, inbox / path.name)
    return inbox


def _results(summary) -> dict[str, tuple]:
    return {p.code: (p.final, p.classification, tuple((d.title, d.granted) for d in p.decisions))
            for p in summary.people}


def _t2_unchanged(summary, school) -> None:
    """The other department's people come out exactly as in the clean merge."""
    got = _results(summary)
    assert {c: v for c, v in got.items() if c in ("GV04", "GV05", "NV01")} == \
        {c: v for c, v in school["clean"].items() if c in ("GV04", "GV05", "NV01")}


def _issues(summary, code: str) -> list:
    return [i for i in summary.issues if i.code == code]


def _edit_t1(school, tmp_path, change) -> Path:
    """An inbox with T2 clean and T1's filled workbook edited by ``change(workbook, form record of GV01)``."""
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    wb = load_workbook(school["filled"] / school["t1"].name)
    change(wb, rec)
    wb.save(inbox / school["t1"].name)
    return inbox


def _cell(rec, column: str, item: str) -> str:
    return f"{getattr(rec, column + '_column')}{dict(rec.items)[item]}"


def _merge_cli(school, inbox: Path, out: Path, *extra):
    return CliRunner().invoke(main, ["merge", str(inbox), "--campaign", str(school["folder"].folder), "-o",
                                     str(out / "S.xlsx"), "--json", str(out / "R.json"), *map(str, extra)])


# --- A. cells -----------------------------------------------------------------------------------------

def test_a_date_or_a_time_in_a_score_cell_is_said_and_the_merge_goes_on(school, tmp_path):
    def change(wb, rec):
        wb[rec.name][_cell(rec, "dept", "I.1")] = dt.datetime(2026, 5, 3)  # "3/5" typed: Excel makes it a date
        wb[rec.name][_cell(rec, "self", "I.2")] = dt.time(8, 30)
    inbox = _edit_t1(school, tmp_path, change)
    before = tree_digest(inbox)

    result = _merge_cli(school, inbox, tmp_path / "out")

    assert result.exit_code == 0, result.output  # was "Lỗi nội bộ" (a date is no JSON), exit 4
    assert "Lỗi nội bộ" not in result.output
    report = json.loads((tmp_path / "out" / "R.json").read_text("utf-8"))
    dates = [p for p in report["problems"] if p["code"] == "value.date_in_score"]
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    assert sorted((p["cell"], p["params"]["value"]) for p in dates) == sorted([
        (_cell(rec, "dept", "I.1"), "03/05/2026"), (_cell(rec, "self", "I.2"), "08:30")])
    assert tree_digest(inbox) == before
    _t2_unchanged(merge_inbox(inbox, school["folder"]), school)


def test_error_values_and_formulas_without_a_result_are_unknown_not_blank_nor_zero(school, tmp_path):
    def change(wb, rec):
        wb[rec.name][_cell(rec, "dept", "I.1")] = "=1/0"  # openpyxl writes no result, as a script would
    inbox = _edit_t1(school, tmp_path, change)
    path = inbox / school["t1"].name
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    error_cell = _cell(rec, "dept", "I.2")
    _as_excel_saves_an_error(path, rec.name, error_cell, "#DIV/0!")

    summary = merge_inbox(inbox, school["folder"])

    assert [(i.cell, i.severity) for i in _issues(summary, "value.formula_no_result")] == \
        [(_cell(rec, "dept", "I.1"), "error")]
    (error,) = _issues(summary, "value.error_value")
    assert (error.cell, dict(error.params)["value"]) == (error_cell, "#DIV/0!")
    assert "không coi là trống, không tính là 0" in error.message
    assert not [i for i in _issues(summary, "value.required_blank") if i.sheet == rec.name]  # never "blank"
    lan = next(p for p in summary.people if p.code == "GV01")
    assert any(f.code == "flag.score_unknown" and error_cell in f.text for f in lan.flags)
    _t2_unchanged(summary, school)


def _as_excel_saves_an_error(path: Path, sheet_name: str, cell: str, error: str) -> None:
    """The cell as Excel saves a formula whose result is an error: t="e", the error as its value."""
    from thidua_xlsx.read.containment import sheet_names

    part = "xl/worksheets/" + next(p for p, name in sheet_names(path.read_bytes()).items() if name == sheet_name)
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    pattern = re.compile(rb'<c r="%s"([^>]*?)(?: t="n")?(?:/>|>.*?</c>)' % cell.encode(), re.S)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == part:
                data = pattern.sub(lambda m: b'<c r="%s"%s t="e"><f>I13/0</f><v>%s</v></c>'
                                   % (cell.encode(), m.group(1), error.encode()), data, count=1)
            zf.writestr(info.filename, data)


def test_a_score_formatted_as_percent_is_said_not_read_as_a_hundredth(school, tmp_path):
    def change(wb, rec):
        target = wb[rec.name][_cell(rec, "dept", "II.2")]
        target.value, target.number_format = 0.27, "0%"  # 27 typed in a percent cell: 27 %, stored 0.27
    summary = merge_inbox(_edit_t1(school, tmp_path, change), school["folder"])

    (said,) = _issues(summary, "value.percent_format")
    assert said.severity == "error" and "ô hiện 27%, giá trị thật là 0,27" in said.message
    _t2_unchanged(summary, school)


@pytest.mark.parametrize("formula", ["0+1", "C13"])
def test_a_formula_typed_in_an_input_cell_is_said_and_its_saved_result_not_taken(school, tmp_path, formula):
    """Found by trying: a score cell holding a formula with a saved result 5 that the formula does not give — Excel
    computes it again on opening and shows another score, the tool read the 5 and said nothing. Never taken now (as no
    formula's result is), said, the person's total unknown rather than made of it."""
    from thidua_xlsx.read.containment import sheet_names

    inbox = _copy(school["filled"], tmp_path / "inbox")
    path = inbox / school["t1"].name
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    cell = _cell(rec, "dept", "II.2")
    part = "xl/worksheets/" + next(p for p, name in sheet_names(path.read_bytes()).items() if name == rec.name)
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    pattern = re.compile(rb'<c r="%s"([^>]*?)(?: t="n")?(?:/>|>.*?</c>)' % cell.encode(), re.S)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            if name == part:
                data, found = pattern.subn(lambda m: b'<c r="%s"%s><f>%s</f><v>5</v></c>'
                                           % (cell.encode(), m.group(1), formula.encode()), data, count=1)
                assert found == 1
            zf.writestr(name, data)
    summary = merge_inbox(inbox, school["folder"])

    (said,) = _issues(summary, "value.formula_typed")
    assert said.cell == cell and "tệp lưu kết quả '5'" in said.message
    lan = next(p for p in summary.people if p.code == "GV01")
    assert any(f.code == "flag.score_unknown" and cell in f.text for f in lan.flags)  # unknown, not 5
    _t2_unchanged(summary, school)


def test_a_sheet_padded_past_what_the_checks_keep_is_still_looked_at(school, tmp_path):
    """Found by trying: a sheet part over 1 MB (whitespace inside sheetData is enough) was kept by no check of what
    its cells hold — the percent format, an error value, a locked formula edited went unsaid. Read whole, it is."""
    from thidua_xlsx.read.containment import CHUNK, sheet_names

    def change(wb, rec):
        target = wb[rec.name][_cell(rec, "dept", "II.2")]
        target.value, target.number_format = 0.27, "0%"
    inbox = _edit_t1(school, tmp_path, change)
    path = inbox / school["t1"].name
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    part = "xl/worksheets/" + next(p for p, name in sheet_names(path.read_bytes()).items() if name == rec.name)
    with zipfile.ZipFile(path) as zf:
        entries = [(info.filename, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data.replace(b"<sheetData>", b"<sheetData>" + b" " * (CHUNK + 1000), 1)
                        if name == part else data)
    summary = merge_inbox(inbox, school["folder"])

    (said,) = _issues(summary, "value.percent_format")
    assert "ô hiện 27%, giá trị thật là 0,27" in said.message
    _t2_unchanged(summary, school)


def test_a_workbook_whose_style_sheet_openpyxl_refuses_is_merged_and_its_feedback_said(school, tmp_path, monkeypatch):
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    path = inbox / school["t1"].name
    _refused_style_sheet(school["filled"] / school["t1"].name, path, extra_error=True)
    without_libreoffice(monkeypatch)  # the same answer on any machine

    result = _merge_cli(school, inbox, tmp_path / "out", "--feedback", tmp_path / "gop-y")

    assert result.exit_code == 0, result.output
    assert "Lỗi nội bộ" not in result.output
    assert f"Không ghi được bản góp ý cho {path.name}" in result.output
    report = json.loads((tmp_path / "out" / "R.json").read_text("utf-8"))
    assert {f["name"]: f["status"] for f in report["files"]}[path.name] == "accepted"


def _refused_style_sheet(src: Path, dst: Path, extra_error: bool = False) -> None:
    """``src`` with a font size openpyxl refuses in its style sheet (Excel and calamine read on); with
    ``extra_error``, a score typed as text so that the department gets a feedback copy."""
    wb = load_workbook(src)
    if extra_error:
        rec = forms(src, spare=False)[0]
        wb[rec.name][f"{rec.dept_column}{dict(rec.items)['I.1']}"] = "chín"
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as zf, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == "xl/styles.xml":
                data = data.replace(b'<sz val="', b'<sz val="x', 1)
            out.writestr(info.filename, data)


def test_hidden_characters_in_a_typed_name_are_removed_with_a_note(school, tmp_path):
    rec = forms(school["t1"], spare=True)[0]

    def change(wb, _):
        for (name, cell), value in person_values(rec, {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25},
                                                 name="Trần\u200b Thị\u202e Mai_x0007_", position="Giáo viên").items():
            wb[name][cell] = value
    summary = merge_inbox(_edit_t1(school, tmp_path, change), school["folder"])

    (note,) = _issues(summary, "value.invisible_removed")
    assert note.severity == "note" and dict(note.params)["clean"] == "Trần Thị Mai"
    assert "\\u202e" in note.message and "\u202e" not in note.message  # shown, never acted on
    assert [p.name for p in summary.people if p.newcomer] == ["Trần Thị Mai"]


def test_a_value_of_32767_characters_is_cut_in_its_message(school, tmp_path):
    def change(wb, rec):
        wb[rec.name][_cell(rec, "dept", "I.1")] = "x" * 32767
    summary = merge_inbox(_edit_t1(school, tmp_path, change), school["folder"])

    (said,) = _issues(summary, "value.not_number")
    assert len(said.message) < 400 and "… (32.767 ký tự)" in said.message
    assert said.message.endswith("ô này chưa được tính điểm.")  # the explanation stays in its cell


# --- B. unknown is never zero ------------------------------------------------------------------------

def test_blank_days_off_with_a_limit_and_blank_maternity_are_not_enough_information(tmp_path):
    from tests.conftest import campaign_dict

    staff = campaign_dict()["staff"]
    staff[1]["days_off"] = None  # GV02: the limit applies, the figure is blank
    staff[2]["maternity_months"] = None  # GV03: 2 months worked, maternity leave blank
    folder, (t1, t2) = scoring_round(tmp_path, staff=staff,
                                     rules={"ldtt_min_classification": "Tốt", "ldtt_max_days_off": 20})
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)

    people = {p.code: p for p in merge_inbox(inbox, folder).people}

    for code, missing in (("GV02", "số ngày nghỉ"), ("GV03", "số tháng nghỉ thai sản")):
        ldtt = people[code].decisions[0]
        assert not ldtt.granted and f"chưa đủ thông tin: {missing}" in ldtt.reason, ldtt.reason
    assert "chỉ làm việc" not in people["GV03"].decisions[0].reason  # 2 months is not the whole story


def test_a_person_with_no_scores_prints_blank_groups_and_says_why(school, tmp_path):
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    fill_department(school["t1"], inbox / school["t1"].name, {k: v for k, v in T1_SCORES.items() if k != "GV03"},
                    SAVED)

    result = _merge_cli(school, inbox, tmp_path / "out")

    assert result.exit_code == 0, result.output
    person = next(p for p in json.loads((tmp_path / "out" / "R.json").read_text("utf-8"))["people"]
                  if p["code"] == "GV03")
    assert set(person["groups"]["self"].values()) == {None} and set(person["groups"]["department"].values()) == {None}
    ws = load_workbook(tmp_path / "out" / "S.xlsx")["Điểm chi tiết"]
    row = next(r for r in ws.iter_rows(values_only=True) if "GV03" in r)
    name_at = row.index("Lê Thị Dung")
    assert row[name_at + 3:name_at + 3 + 8] == (None,) * 8  # 4 groups × (self, department): blank, never 0
    ldtt = next(d for d in person["decisions"] if d["title"] == "LDTT")  # titles by code in the JSON
    assert [r["code"] for r in ldtt["reasons"]] == ["ldtt.no_scores", "basis.cite_with_school"]  # then the căn cứ:
    # the Law's article and the school's Quy chế, whose condition the score classification is
    assert ldtt["pending"] and not ldtt["granted"]  # no form: not known, so not refused – waits for the scores
    assert "xếp loại thi đua  (" not in json.dumps(person, ensure_ascii=False)


# --- C. mistakes said as mistakes --------------------------------------------------------------------

def test_a_zip_of_workbooks_is_answered_unzip_it_into_the_inbox(school, tmp_path):
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    with zipfile.ZipFile(inbox / "Thu tu to khoi 1.zip", "w") as zf:
        zf.write(school["filled"] / school["t1"].name, f"../../{school['t1'].name}")  # a hostile name, never used
        zf.writestr("ghi-chu.txt", "x")

    summary = merge_inbox(inbox, school["folder"])

    (said,) = _issues(summary, "file.zip_archive")
    assert said.severity == "warning" and "Hãy giải nén vào thư mục nhận về" in said.message
    assert f"1 sổ bên trong (../../{school['t1'].name})" in said.message
    assert {f.name: f.status for f in summary.files}["Thu tu to khoi 1.zip"] == "skipped"
    assert not (tmp_path / school["t1"].name).exists()  # nothing extracted
    _t2_unchanged(summary, school)


def test_an_inbox_of_untouched_workbooks_says_so_and_is_no_submission(school, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(school["t1"], inbox / school["t1"].name)  # the outbox merged by mistake: as issued
    resaved = load_workbook(school["t2"])  # opened and saved again, nothing typed
    resaved.save(inbox / school["t2"].name)

    result = CliRunner().invoke(main, ["merge", str(inbox), "--campaign", str(school["folder"].folder), "-o",
                                       str(tmp_path / "S.xlsx")])

    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert "Tổ đã nộp: 0/2." in result.output
    assert "Sổ gửi về còn trống, chưa tính là đã nộp (2 tổ)" in result.output
    assert "sổ đã phát (thư mục outbox)" in result.output
    summary = merge_inbox(inbox, school["folder"])
    assert {f.name: (f.status, f.reason) for f in summary.files} == {
        school["t1"].name: ("skipped", "file.unfilled"), school["t2"].name: ("skipped", "file.nothing_filled")}
    assert not _issues(summary, "department.missing")  # said once, by the file


def test_a_folder_named_like_a_workbook_is_read_like_any_folder(school, tmp_path):
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    hidden = inbox / school["t1"].name  # "…To-khoi-1.xlsx/" holding the real workbook, as a mail program saves it
    hidden.mkdir()
    shutil.copy(school["filled"] / school["t1"].name, hidden / school["t1"].name)

    summary = merge_inbox(inbox, school["folder"])

    assert {f.name: f.status for f in summary.files}[f"{school['t1'].name}/{school['t1'].name}"] == "accepted"
    assert _results(summary) == school["clean"]


def test_lowered_thresholds_in_a_locked_classification_formula_are_reported(school, tmp_path):
    def change(wb, rec):
        ws = wb[rec.name]
        ws.protection.sheet = False  # the department head removed the protection
        row = labelled_row(school["filled"] / school["t1"].name, rec.name, "XẾP LOẠI THI ĐUA")
        ws[f"D{row}"] = ws[f"D{row}"].value.replace(">=90", ">=80").replace(">=70", ">=60")
        ws[f"E{row}"] = "Xuất sắc"  # the formula replaced by a value
    summary = merge_inbox(_edit_t1(school, tmp_path, change), school["folder"])

    said = {i.cell: i.message for i in _issues(summary, "locked.formula_changed")}
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    row = labelled_row(school["t1"], rec.name, "XẾP LOẠI THI ĐUA")
    assert set(said) == {f"D{row}", f"E{row}"}
    assert "(90 → 80, 70 → 60)" in said[f"D{row}"]
    assert "công thức đã bị thay bằng một giá trị gõ vào" in said[f"E{row}"]
    assert _results(summary) == school["clean"]  # totals and classifications computed again, never taken


def test_people_moved_or_removed_in_the_roster_after_generate_are_said(school, tmp_path):
    folder = school["folder"]
    staff = tuple(dataclasses.replace(p, department="T2") if p.code == "GV03" else p  # GV03 moved to T2
                  for p in folder.campaign.staff if p.code != "GV02")  # GV02 left the school
    later = dataclasses.replace(folder, campaign=dataclasses.replace(folder.campaign, staff=staff))

    summary = merge_inbox(_copy(school["filled"], tmp_path / "inbox"), later)

    (gone,) = _issues(summary, "person.removed")
    assert dict(gone.params)["person"] == "GV02" and "không còn trong sheet Nhân sự" in gone.message
    assert gone.file == school["t1"].name and "GV02" not in [p.code for p in summary.people]
    (move,) = _issues(summary, "person.moved")
    assert (dict(move.params)["found"], dict(move.params)["current"]) == ("Tổ khối 1", "Tổ Văn phòng – Khối 5")
    gv03 = next(p for p in summary.people if p.code == "GV03")
    assert gv03.department == "T2" and gv03.final == school["clean"]["GV03"][0]


@pytest.mark.libreoffice
def test_a_percent_typed_in_libreoffice_is_said_in_xlsx_and_ods(school, tmp_path):
    """"27%" typed in a score cell: Calc takes it (0.27, shown as a percent) despite the protection and the
    validation. (An error value it refuses — its validation checks a formula's result: errors come with a
    paste or a file written by a program.)"""
    from tests.libreoffice import fill

    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    typed = [{"sheet": rec.name, "cell": _cell(rec, "dept", "II.2"), "value": "27%"}]
    saved = {suffix: tmp_path / suffix / school["t1"].name.replace(".xlsx", suffix) for suffix in (".xlsx", ".ods")}
    report = fill(school["filled"] / school["t1"].name, typed, [], out_xlsx=saved[".xlsx"], out_ods=saved[".ods"])
    assert [f["status"] for f in report["fills"]] == ["converted"], report
    for suffix, path in saved.items():
        inbox = _copy(school["filled"], tmp_path / f"inbox{suffix}", school["t1"].name)
        shutil.copy(path, inbox / path.name)

        summary = merge_inbox(inbox, school["folder"])

        (percent,) = _issues(summary, "value.percent_format")
        assert percent.cell == _cell(rec, "dept", "II.2") and "ô hiện 27%" in percent.message, suffix
        assert not _issues(summary, "locked.formula_changed"), suffix  # Calc's own formulas are the same
        _t2_unchanged(summary, school)


# --- F. a department's workbook as people handle it ------------------------------------------------
# A form copied into a second sheet, a locked cell typed in once the sheet is unprotected, a number typed as text
# that is no score: one clear message where it is, the person concerned marked, nothing read from a guess and
# nothing counted as 0; every other person as in the clean merge.

def _merged(school, tmp_path: Path, change) -> tuple:
    """The merge of T1's workbook edited by ``change(workbook, GV01's form)`` (T2 clean), and GV01's form."""
    return merge_inbox(_edit_t1(school, tmp_path, change), school["folder"]), sheet(school["t1"], ly.ScoringSheet,
                                                                                     "GV01")


def _others_same(summary, school, *concerned: str) -> None:
    assert {c: r for c, r in _results(summary).items() if c not in concerned} == \
        {c: r for c, r in school["clean"].items() if c not in concerned}


# --- a form copied into a second sheet --------------------------------------------------------------------------

def _copy_form(wb, rec, title: str, change=None):
    """Excel's "Move or Copy… → Create a copy" of GV01's form, placed first (the sheet a reader meets first)."""
    copy = wb.copy_worksheet(wb[rec.name])
    copy.title = title
    wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 1))
    if change is not None:
        change(copy)
    return copy


def test_a_blank_copy_of_a_form_placed_first_is_said_and_the_filled_form_is_read(school, tmp_path):
    """The copy made before the form was filled: it holds nothing, so it adds nothing (it was read instead of the
    filled form, and the person's score was lost)."""
    def change(wb, rec):
        def blank(copy):
            for item, row in rec.items:
                copy[f"{rec.self_column}{row}"] = copy[f"{rec.dept_column}{row}"] = None
        _copy_form(wb, rec, "Bản sao Lan", blank)

    summary, rec = _merged(school, tmp_path, change)

    (said,) = _issues(summary, "sheet.form_copy_blank")
    assert (said.sheet, said.cell, said.severity) == ("Bản sao Lan", rec.marker_cell, "warning")
    assert said.message == ("Sheet 'Bản sao Lan' chép phiếu của Nguyễn Thị Lan (GV01) nhưng chưa điền gì; chương "
                            "trình dùng sheet '01 Nguyễn Thị Lan'. Hãy xóa bản sao.")
    _others_same(summary, school)  # GV01 too: the filled form is read


def test_two_copies_of_a_form_that_differ_leave_the_person_unscored_and_flagged_never_zero(school, tmp_path):
    """The copy changed by someone: which sheet is right is not the tool's to guess. Neither is used: GV01 has no
    score (not 0), no proposal from scores, the status and the flag say so, each sheet carries the error."""
    def change(wb, rec):
        _copy_form(wb, rec, "Lan (sửa)", lambda copy: copy.__setitem__(_cell(rec, "dept", "II.1"), 30))

    summary, rec = _merged(school, tmp_path, change)

    said = _issues(summary, "sheet.form_copies_differ")
    assert sorted((i.sheet, i.cell, i.severity) for i in said) == [
        ("01 Nguyễn Thị Lan", rec.marker_cell, "error"), ("Lan (sửa)", rec.marker_cell, "error")]
    assert said[0].message == (
        "Phiếu của Nguyễn Thị Lan (GV01) có ở 2 sheet ('Lan (sửa)', '01 Nguyễn Thị Lan') với nội dung khác nhau; "
        "chương trình không biết phiếu nào đúng nên không dùng sheet nào: người này chưa có điểm, chưa được xét "
        "(không tính là 0). Hãy nhờ tổ xóa các bản thừa, giữ một phiếu đúng rồi gửi lại.")
    assert not _issues(summary, "file.sheet_missing")  # the form is there, twice: not "deleted"
    lan = next(p for p in summary.people if p.code == "GV01")
    assert (lan.final, lan.self_score, lan.dept_score, lan.status) == (None, None, None, STATUS_SHEET_MISSING)
    assert lan.proposed != CSTDCS and lan.rank_school is None
    assert any(f.code == "flag.marked" for f in lan.flags)
    _others_same(summary, school, "GV01")


def test_a_copy_of_another_persons_form_is_not_read_as_theirs(school, tmp_path):
    """A copy of GV01's form renamed for GV02 still shows GV01's code: it is GV01's form twice (GV02's own is read)."""
    def change(wb, rec):
        _copy_form(wb, rec, "02 Trần Văn Đức (2)", lambda copy: copy.__setitem__(_cell(rec, "self", "I.1"), 1))

    summary, _ = _merged(school, tmp_path, change)

    assert {i.sheet for i in _issues(summary, "sheet.form_copies_differ")} == {"02 Trần Văn Đức (2)",
                                                                                "01 Nguyễn Thị Lan"}
    _others_same(summary, school, "GV01")


def test_a_workbook_whose_only_form_was_copied_and_changed_is_not_said_as_nothing_filled(school, tmp_path):
    """Only GV01's form filled, then copied and changed: neither copy is read, but the department did type
    something — the file is a submission with an error on the person, not "chưa điền gì"."""
    inbox = _copy(school["filled"], tmp_path / "inbox", school["t1"].name)
    rec = sheet(school["t1"], ly.ScoringSheet, "GV01")
    wb = load_workbook(school["t1"])  # as issued: nobody else filled in
    for (sheet_name, cell), value in person_values(rec, {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25}).items():
        wb[sheet_name][cell] = value
    _copy_form(wb, rec, "Lan (sửa)", lambda copy: copy.__setitem__(_cell(rec, "self", "II.1"), 30))
    wb.save(inbox / school["t1"].name)

    summary = merge_inbox(inbox, school["folder"])

    t1 = next(f for f in summary.files if f.name == school["t1"].name)
    assert (t1.status, t1.reason) == ("accepted", ""), (t1.status, t1.reason)
    assert not _issues(summary, "file.nothing_filled")
    assert {i.sheet for i in _issues(summary, "sheet.form_copies_differ")} == {"Lan (sửa)", "01 Nguyễn Thị Lan"}


# --- locked cells typed in --------------------------------------------------------------------------------------

def test_a_value_typed_in_a_locked_cell_is_said_per_cell_not_used_and_the_person_marked(school, tmp_path):
    """The sheet unprotected, a "council" score typed beside the table, a note on a group's row, a number beside the
    department's summary: none is read, each is said."""
    dept = sheet(school["t1"], ly.DepartmentSheet)

    def change(wb, rec):
        form = wb[rec.name]
        row = dict(rec.items)["II.1"]
        form[f"G{row}"] = 49
        form[f"{rec.note_column}{row - 1}"] = "nhóm II tổ chấm lại"  # the group's row: no note is issued there
        wb[dept.name][f"L{dict(dept.rows)['GV02']}"] = 99

    summary, rec = _merged(school, tmp_path, change)

    typed = _issues(summary, "locked.typed")
    row = dict(rec.items)["II.1"]
    assert sorted((i.sheet, i.cell, i.severity, dict(i.params)["value"]) for i in typed) == sorted([
        (rec.name, f"G{row}", "warning", "49"), (rec.name, f"{rec.note_column}{row - 1}", "warning",
                                                 "nhóm II tổ chấm lại"),
        (dept.name, f"L{dict(dept.rows)['GV02']}", "warning", "99")])
    assert typed[0].message.startswith("Ô khóa đã bị sửa: ") and "giá trị không được dùng" in typed[0].message
    people = {p.code: p for p in summary.people}
    for code in ("GV01", "GV02"):
        assert any(f.code == "flag.marked" for f in people[code].flags), code
    assert {c: r for c, r in _results(summary).items() if c in ("GV01", "GV02")} == \
        {c: school["clean"][c] for c in ("GV01", "GV02")}
    _others_same(summary, school)


def test_an_untouched_workbook_has_nothing_in_a_locked_cell(school):
    summary = merge_inbox(school["filled"], school["folder"])
    assert not _issues(summary, "locked.typed")


# --- a number typed as text -------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, code, value", [
    ("1e2", "value.not_number", "1e2"),  # a score is written with digits: 1e2 is no score, not a 100 (nor a 12)
    ("nan", "value.not_number", "nan"),
    ("inf", "value.not_number", "inf"),
    ("-inf", "value.not_number", "-inf"),
    ("1_0", "value.not_number", "1_0"),
    ("25", "value.out_of_range", "25"),  # text, out of range: the range error alone, never "đã hiểu là 25"
    ("9,5", "value.decimal_comma", "9,5"),  # the one case read: a note, no error
])
def test_a_number_typed_as_text_gets_one_clear_message(school, tmp_path, typed, code, value):
    def change(wb, rec):
        wb[rec.name][_cell(rec, "dept", "I.1")] = typed

    summary, rec = _merged(school, tmp_path, change)

    said = [i for i in summary.issues if i.cell == _cell(rec, "dept", "I.1") and i.sheet == rec.name]
    assert [(i.code, dict(i.params)["value"]) for i in said] == [(code, value)]
    lan = next(p for p in summary.people if p.code == "GV01")
    if code == "value.decimal_comma":
        assert said[0].severity == "note" and said[0].message == (
            "Điểm '9,5' được ghi dạng chữ; đã hiểu là 9,5. Phiếu của tổ không tính được ô có chữ: nên gõ lại thành "
            "số để tổng điểm trên phiếu khớp với bảng tổng hợp.")
        assert lan.dept_score.total == school["clean"]["GV01"][0] - 0.5
    else:
        assert said[0].severity == "error" and "chưa được tính điểm" in said[0].message
        assert any(f.code == "flag.score_unknown" for f in lan.flags)
    if code == "value.not_number":
        assert said[0].message == f"'{typed}' không phải là số. Hãy nhập số từ 0 đến 10; ô này chưa được tính điểm."
    _others_same(summary, school, "GV01")


def test_a_form_of_another_departments_workbook_pasted_in_is_said_and_the_workbook_read(school, tmp_path):
    """A form showing a code this workbook was never issued (a copy of Tổ 2's form) is said and not read; the
    workbook's own forms are (it is still this department's workbook)."""
    def change(wb, rec):
        copy = _copy_form(wb, rec, "Phiếu tổ khác")
        copy[rec.marker_cell] = "GV04"

    summary, rec = _merged(school, tmp_path, change)

    (said,) = _issues(summary, "sheet.unknown_form")
    assert (said.sheet, said.cell, dict(said.params)["marker"]) == ("Phiếu tổ khác", rec.marker_cell, "GV04")
    assert {f.name: f.status for f in summary.files}[school["t1"].name] == "accepted"
    _others_same(summary, school)


def test_a_total_typed_over_its_formula_is_said_and_the_total_computed_again(school, tmp_path):
    def change(wb, rec):
        wb[rec.name][f"{rec.dept_column}{rec.total_row}"] = 99  # the department's total, typed over its formula

    summary, rec = _merged(school, tmp_path, change)

    (said,) = _issues(summary, "value.total_mismatch")
    assert (said.sheet, said.severity) == (rec.name, "warning")
    assert said.message == (f"Tổng điểm trong sổ (99) khác tổng tính lại từ các ô điểm "
                            f"({school['clean']['GV01'][0]:g}). Dùng tổng tính lại; hãy kiểm tra sổ có bị sửa công "
                            "thức không.")
    lan = next(p for p in summary.people if p.code == "GV01")
    assert any(f.code == "flag.total_mismatch" for f in lan.flags)
    _others_same(summary, school)
