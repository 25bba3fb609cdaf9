"""Feedback copies (merge --feedback): a department's own workbook back, problem cells marked, a
first sheet saying what to fix; still locked, still read by the merge; the inbox untouched."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.feedback import SAVED, digest
from tests.filling import fill, stamp_saved_time
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write.feedback import MARK_FILLS, write_feedback


def _results(summary) -> dict[str, tuple]:
    return {p.code: (p.final, p.classification, p.proposed) for p in summary.people}


def test_only_the_department_with_problems_gets_a_copy_and_the_inbox_is_untouched(returned):
    assert [p.name for p in returned["result"].written] == [returned["t1"].name]
    assert sorted(p.name for p in returned["out"].iterdir()) == [returned["t1"].name]
    assert digest(returned["inbox"]) == returned["before"]


def test_problem_cells_are_marked_with_fill_and_comment(returned):
    wb = load_workbook(returned["result"].written[0])
    ws = wb[returned["gv02"].name]
    for key, words in (("word", "không phải là số"), ("range", "ngoài khoảng")):
        cell = ws[returned["bad"][key]]
        assert cell.fill.fgColor.rgb == MARK_FILLS["error"], key
        assert cell.comment is not None and words in cell.comment.text, key
        assert cell.protection.locked is False  # still an input cell
    untouched = ws[f"{returned['gv02'].self_column}{dict(returned['gv02'].items)['II.1']}"]
    assert untouched.comment is None and untouched.fill.fgColor.rgb != MARK_FILLS["error"]


def test_the_first_sheet_lists_what_to_fix_with_a_link_to_each_cell(returned):
    wb = load_workbook(returned["result"].written[0])
    first = wb.worksheets[0]
    assert first.title == wx.FEEDBACK_SHEET and wb.active.title == wx.FEEDBACK_SHEET
    assert "TỔ KHỐI 1" in first["A1"].value.upper()
    rows = [r for r in first.iter_rows(min_row=6, max_col=5, values_only=True) if r[0]]
    listed = {(r[2], r[3]): (r[1], r[4]) for r in rows}
    for key in ("word", "range"):
        severity, message = listed[(returned["gv02"].name, returned["bad"][key])]
        assert severity == "Lỗi" and message
    links = {c.hyperlink.location for c in first["D"] if c.hyperlink is not None}
    assert f"'{returned['gv02'].name}'!{returned['bad']['word']}" in links
    # nothing of another department
    text = " ".join(str(v) for row in first.iter_rows(values_only=True) for v in row if v)
    assert "GV04" not in text and "Tổ khối 2" not in text


def test_the_copy_stays_locked_with_its_hidden_identity(returned):
    wb = load_workbook(returned["result"].written[0])
    assert all(ws.protection.sheet for ws in wb.worksheets)
    assert wb[ly.META_SHEET].sheet_state == "veryHidden"
    assert sum(ws.sheet_view.tabSelected for ws in wb.worksheets) == 1  # no grouped sheets


def test_the_copy_merges_like_the_file_it_came_from_and_once_fixed_wins(returned, tmp_path):
    copy = returned["result"].written[0]
    # as sent back unchanged: same people, results and problems as the original
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / copy.name).write_bytes(copy.read_bytes())
    t2 = next(p for p in returned["inbox"].iterdir() if p.name != copy.name)
    (inbox / t2.name).write_bytes(t2.read_bytes())
    again = merge_inbox(inbox, returned["folder"])
    assert _results(again) == _results(returned["summary"])
    codes = lambda s: sorted((i.code, i.sheet, i.cell) for i in s.issues if i.severity == "error")  # noqa: E731
    assert codes(again) == codes(returned["summary"])
    # fixed in the copy and sent back beside the original: the fixed copy is the version used
    fixed = tmp_path / "fixed" / copy.name
    gv02 = returned["gv02"]
    fill(copy, fixed, {(gv02.name, returned["bad"]["word"]): 9, (gv02.name, returned["bad"]["range"]): 40})
    stamp_saved_time(fixed, SAVED + dt.timedelta(days=3))
    both = tmp_path / "both"
    both.mkdir()
    for path in (*returned["inbox"].iterdir(), ):
        (both / path.name).write_bytes(path.read_bytes())
    (both / ("sua-" + copy.name)).write_bytes(fixed.read_bytes())
    merged = merge_inbox(both, returned["folder"])
    assert not [i for i in merged.issues if i.severity == "error"], [i.render() for i in merged.issues]
    gv02_result = next(p for p in merged.people if p.code == "GV02")
    assert gv02_result.self_score.total == 9 + 9 + 40 + 25


def test_a_copy_of_a_copy_clears_the_old_marks_and_gives_the_cells_their_fill_back(returned, tmp_path):
    copy = returned["result"].written[0]
    gv02 = returned["gv02"]
    original = load_workbook(returned["inbox"] / copy.name)[gv02.name][returned["bad"]["word"]].fill.fgColor.rgb
    half = tmp_path / "inbox" / copy.name
    fill(copy, half, {(gv02.name, returned["bad"]["word"]): 9})  # one of the two fixed
    stamp_saved_time(half, SAVED + dt.timedelta(days=3))
    summary = merge_inbox(half.parent, returned["folder"])
    out = tmp_path / "gop-y"
    second = write_feedback(summary, out).written[0]
    wb = load_workbook(second)
    assert wb.sheetnames.count(wx.FEEDBACK_SHEET) == 1 and wb.worksheets[0].title == wx.FEEDBACK_SHEET
    ws = wb[gv02.name]
    fixed_cell = ws[returned["bad"]["word"]]
    assert fixed_cell.comment is None and fixed_cell.fill.fgColor.rgb == original
    assert ws[returned["bad"]["range"]].fill.fgColor.rgb == MARK_FILLS["error"]
    listed = [r for r in wb.worksheets[0].iter_rows(min_row=6, max_col=5, values_only=True) if r[0]]
    assert (gv02.name, returned["bad"]["word"]) not in {(r[2], r[3]) for r in listed}


@pytest.mark.parametrize("column, typed", [("K", "nope"), ("I", "A1:XFD1048576"), ("J", "rainbow"),
                                           ("H", "Không có sheet này")])
def test_a_copy_whose_hidden_columns_were_typed_over_is_marked_again_and_stops_nothing(returned, tmp_path, column,
                                                                                     typed):
    """The copy's first sheet is protected without a password: its hidden columns (each old mark's sheet, cell, fill
    and colour) come back as the department left them. A colour typed over stopped the merge ("Lỗi nội bộ", the copy
    and the papers not written); a range of the whole sheet had openpyxl make 17 billion cells. A row not as written
    is left alone; the rest of the copy is marked as any other."""
    copy = returned["result"].written[0]
    gv02 = returned["gv02"]
    crafted = tmp_path / "inbox" / copy.name
    crafted.parent.mkdir()
    book = load_workbook(copy)
    book[wx.FEEDBACK_SHEET][f"{column}6"] = typed
    book.save(crafted)
    stamp_saved_time(crafted, SAVED + dt.timedelta(days=3))
    summary = merge_inbox(crafted.parent, returned["folder"])

    [second] = write_feedback(summary, tmp_path / "gop-y").written

    wb = load_workbook(second)
    assert wb.sheetnames.count(wx.FEEDBACK_SHEET) == 1
    assert wb[gv02.name][returned["bad"]["range"]].fill.fgColor.rgb == MARK_FILLS["error"]


def test_merge_feedback_on_the_command_line(returned, tmp_path):
    runner = CliRunner()
    campaign = str(returned["folder"].folder)
    out = tmp_path / "gop-y"
    result = runner.invoke(main, ["merge", str(returned["inbox"]), "--campaign", campaign, "-o",
                                  str(tmp_path / "th.xlsx"), "--feedback", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi 1 bản góp ý" in result.output and (out / returned["t1"].name).exists()
    # run again: the earlier feedback copy, untouched, is replaced; a file that is not the tool's own is kept
    copy = out / returned["t1"].name
    replaced = runner.invoke(main, ["merge", str(returned["inbox"]), "--campaign", campaign, "-o",
                                    str(tmp_path / "th1.xlsx"), "--feedback", str(out)])
    assert replaced.exit_code == 0 and "Giữ nguyên" not in replaced.output and sorted(out.iterdir()) == [copy]
    copy.unlink()
    copy.write_bytes(returned["t1"].read_bytes())  # the issued workbook, say
    again = runner.invoke(main, ["merge", str(returned["inbox"]), "--campaign", campaign, "-o",
                                 str(tmp_path / "th2.xlsx"), "--feedback", str(out)])
    beside = copy.with_name(copy.stem + " (moi).xlsx")
    assert again.exit_code == 0 and f"Giữ nguyên {copy}" in again.output and beside.name in again.output
    assert copy.read_bytes() == returned["t1"].read_bytes() and beside.is_file()
    inside = runner.invoke(main, ["merge", str(returned["inbox"]), "--campaign", campaign, "-o",
                                  str(tmp_path / "th3.xlsx"), "--feedback", str(returned["inbox"] / "gop-y")])
    assert inside.exit_code == 2 and "thư mục nhận về" in inside.output
    assert digest(returned["inbox"]) == returned["before"]


@pytest.mark.libreoffice
def test_an_ods_file_gets_its_copy_as_xlsx_through_libreoffice(returned, tmp_path):
    from tests.libreoffice import require_libreoffice
    from thidua_xlsx.system.office import convert

    require_libreoffice()
    inbox = tmp_path / "inbox"
    ods = convert(returned["inbox"] / returned["t1"].name, "ods", inbox, recalc=False)
    summary = merge_inbox(inbox, returned["folder"])
    assert [f.status for f in summary.files] == ["accepted"]
    result = write_feedback(summary, tmp_path / "gop-y")
    assert [p.name for p in result.written] == [ods.with_suffix(".xlsx").name] and not result.not_converted
    wb = load_workbook(result.written[0])
    assert wb.worksheets[0].title == wx.FEEDBACK_SHEET
    assert wb[returned["gv02"].name][returned["bad"]["word"]].comment is not None
    again = merge_inbox(result.written[0].parent, returned["folder"])
    assert _results(again) == _results(summary)


def test_copies_written_on_every_core_are_those_written_in_one_process(returned, tmp_path, monkeypatch):
    """From 8 copies they are written by worker processes (a province's 1,000: ~0.15 s each)."""
    from thidua_xlsx.system import pool

    copies = {}
    for workers in (0, 2):
        monkeypatch.setattr(pool, "workers_for_workbooks", lambda count, workers=workers: workers)
        result = write_feedback(returned["summary"], tmp_path / str(workers))
        assert [p.name for p in result.written] == [returned["t1"].name]
        copies[workers] = _parts(result.written[0])
    assert copies[2] == copies[0] == _parts(returned["result"].written[0])


def _parts(path: Path) -> dict[str, bytes]:
    """A copy's parts, all but the time it was saved."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def test_workers_that_cannot_start_are_said_and_the_copies_written_here_the_same(returned, tmp_path, monkeypatch):
    """docs/conventions.md: no silent fallback. Workers whose start fails (a real pool, broken: its initializer
    raises) are said by the merge, and each copy is written here: what one process writes."""
    from tests.workers import cannot_start
    from thidua_xlsx.steps.deliver import write_feedback as delivered
    from thidua_xlsx.system import pool
    from thidua_xlsx.system.voice import Voice
    from thidua_xlsx.system.written import Written
    from thidua_xlsx.text import commands as ct

    monkeypatch.setattr(pool, "workers_for_workbooks", lambda count: 2)
    monkeypatch.setattr(pool, "share", cannot_start)
    warned: list[str] = []
    delivered(returned["summary"], tmp_path / "gop-y", Written(), Voice(say=lambda _line: None, warn=warned.append))

    assert warned == [ct.FEEDBACK_WORKERS_FAILED.format(error="BrokenProcessPool")]
    assert [p.name for p in (tmp_path / "gop-y").iterdir()] == [returned["t1"].name]
    assert _parts(tmp_path / "gop-y" / returned["t1"].name) == _parts(returned["result"].written[0])


@pytest.mark.libreoffice
def test_the_list_of_what_to_fix_prints_on_a4_one_page_wide_with_its_words_whole(returned, tmp_path):
    """Printed, the "Cần sửa" sheet is one A4 landscape page wide (it was three pages, words cut), its
    head repeated, each row as tall as its wrapped message."""
    from tests.libreoffice import require_libreoffice
    from thidua_xlsx.system.office import convert

    first = load_workbook(returned["result"].written[0]).worksheets[0]
    setup = first.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
    assert first.sheet_properties.pageSetUpPr.fitToPage and first.print_title_rows == "$5:$5"
    message = next(r for r in range(6, first.max_row + 1) if first.cell(r, 5).value)
    assert first.row_dimensions[message].height >= 15
    require_libreoffice()
    alone = tmp_path / "can-sua.xlsx"
    wb = load_workbook(returned["result"].written[0])
    for ws in wb.worksheets[1:]:
        wb.remove(ws)
    wb.save(alone)
    pages = subprocess.run(["pdfinfo", str(convert(alone, "pdf", tmp_path))], capture_output=True, text=True)
    assert re.search(r"^Pages:\s+1$", pages.stdout, re.M), pages.stdout


def test_two_departments_books_of_one_name_in_two_folders_each_get_their_copy(tmp_path):
    """Mail folders often hold the same attachment's name: the copies were keyed by it, so one department's copy was
    silently never written (its errors never sent back, and it was not said to have none)."""
    import shutil

    from thidua_xlsx.steps.workspace import open_campaign

    samples = Path(__file__).resolve().parents[2] / "samples"
    folder = tmp_path / "truong"
    shutil.copytree(samples, folder, ignore=shutil.ignore_patterns("inbox*", "ca-nam", "cap-xa", "ho-so", "huong-dan*"))
    inbox = folder / "inbox"
    for sub, book in (("x", "2025-2026_cham-diem_To-khoi-4-5.xlsx"),
                      ("y", "2025-2026_cham-diem_To-khoi-2-3 (ban sua).xlsx")):
        (inbox / sub).mkdir(parents=True)
        shutil.copy2(samples / "inbox" / book, inbox / sub / "So-cham-diem.xlsx")
    summary = merge_inbox(inbox, open_campaign(folder / "campaign.xlsx")[0])

    written = write_feedback(summary, tmp_path / "gop-y").written

    titles = {p.name: load_workbook(p).worksheets[0]["A1"].value.upper() for p in written}
    assert sorted(titles) == ["So-cham-diem (2).xlsx", "So-cham-diem.xlsx"]
    assert sorted("4-5" in t for t in titles.values()) == [False, True]
    assert sorted("2-3" in t for t in titles.values()) == [False, True]


def test_a_spare_form_in_use_that_was_hidden_again_is_shown_in_the_copy(tmp_path):
    """The sample's Tổ khối 2-3 filled its spare form "Người mới 1" and hid it again: its one thing to fix is there, so
    the copy shows that sheet (the unused spare forms stay hidden, and so does the book's identity)."""
    samples = Path(__file__).resolve().parents[2] / "samples"
    copy = tmp_path / "s"
    shutil.copytree(samples, copy, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "outbox", "*.lock",
                                                                 "da-ghi.json"))
    result = CliRunner().invoke(main, ["merge", str(copy / "inbox"), "-o", str(tmp_path / "t.xlsx"),
                                       "--feedback", str(tmp_path / "gop-y")])
    assert result.exit_code == 0, result.output
    wb = load_workbook(tmp_path / "gop-y" / "2025-2026_cham-diem_To-khoi-2-3 (ban sua).xlsx")
    states = {ws.title: ws.sheet_state for ws in wb.worksheets}
    assert "Người mới 1" in {c.value for row in wb[wx.FEEDBACK_SHEET].iter_rows() for c in row}  # what to fix, there
    assert states["Người mới 1"] == "visible" and states["Người mới 2"] == "hidden"
    assert states[ly.META_SHEET] == "veryHidden"
