"""The commune officer's word holds whichever door she used (docs/spec.md §5g): decisions typed on the page are applied
by the next merge and counted by the next status from the command line, said with the file they come from; her summary
ticked in Excel and given to a merge from the command line is kept where the page keeps its own, and the page then
counts and applies it; dropped only on purpose (``--bo-duyet``: moved to hoi-dong/cu/, named)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.no_office import without_libreoffice
from thidua_xlsx import service
from thidua_xlsx.cli import main
from thidua_xlsx.model import titles as tt
from thidua_xlsx.model.commune import decision_key
from thidua_xlsx.model.places import LEVEL_ABOVE_BOOK
from thidua_xlsx.text import commune as lx

COMMUNE = Path(__file__).resolve().parents[2] / "samples" / "cap-xa"
ACCEPT, REMOVE = "Đã đối chiếu biên bản kiểm phiếu", "Chưa đủ minh chứng"


def _run(*args) -> str:
    done = CliRunner().invoke(main, [str(a) for a in args])
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def _held(folder: Path) -> list:
    return list(service.commune_overview(folder, folder / LEVEL_ABOVE_BOOK).held)


@pytest.fixture
def commune(tmp_path, monkeypatch) -> Path:
    without_libreoffice(monkeypatch)
    folder = tmp_path / "cap-xa"
    shutil.copytree(COMMUNE, folder, ignore=shutil.ignore_patterns("*.lock", "ho-so", "hoi-dong", "da-ghi.json"))
    _run("merge", folder / "inbox", "--force")
    return folder


def test_decisions_made_on_the_page_are_applied_and_counted_by_the_command_line(commune):
    held = _held(commune)
    decided = {decision_key(held[0]): (True, ACCEPT), decision_key(held[1]): (False, REMOVE)}
    kept, _said = service.officer_decisions(commune, decided)
    assert kept == commune / "hoi-dong" / "xa-duyet.xlsx"

    merged = _run("merge", commune / "inbox", "--force")
    status = _run("status", commune / "inbox")

    again = lx.OFFICER_AGAIN.split("{")[0].strip()
    assert f"{again} hoi-dong/xa-duyet.xlsx" in merged and f"{again} hoi-dong/xa-duyet.xlsx" in status
    assert [h.proposal for h in _held(commune)] == [h.proposal for h in held[2:]]  # the page counts what it decided
    summary = load_workbook(commune / "tong-hop-cac-truong.xlsx")
    typed = {v for ws in summary.worksheets for row in ws.iter_rows(values_only=True) for v in row if v}
    assert {ACCEPT, REMOVE} <= typed  # the command line's merge wrote her reasons, as the page's does
    assert f"{len(held) - 2} đề nghị tạm giữ" in merged


def test_her_summary_ticked_in_excel_and_given_to_a_merge_is_kept_for_the_page_and_dropped_only_on_purpose(commune,
                                                                                                      tmp_path):
    held = _held(commune)
    book = load_workbook(commune / "tong-hop-cac-truong.xlsx")
    ws = book[lx.S_HELD]
    header = next(r for r in ws.iter_rows() if r[0].value == lx.HELD_HEAD[0])
    columns = {c.value: c.column for c in header}
    first = next(r for r in ws.iter_rows(min_row=header[0].row + 1)  # her first held line, as the sheet shows it
                 if r[1].value == held[0].proposal.name and r[2].value and tt.name(held[0].proposal.title) in
                 str(r[columns[lx.HELD_HEAD[4]] - 1].value))
    ws.cell(first[0].row, columns[lx.HELD_HEAD[-2]]).value = "x"
    ws.cell(first[0].row, columns[lx.HELD_HEAD[-1]]).value = ACCEPT
    ticked = tmp_path / "xa-da-xem.xlsx"
    book.save(ticked)

    given = _run("merge", commune / "inbox", "--council", ticked, "--force")

    assert "Đã lưu hoi-dong/xa-duyet.xlsx" in given
    assert (commune / "hoi-dong" / "xa-duyet.xlsx").read_bytes() == ticked.read_bytes()
    assert len(_held(commune)) == len(held) - 1  # the page counts her decision

    dropped = _run("merge", commune / "inbox", "--force", "--bo-duyet")

    assert "Đã bỏ hoi-dong/xa-duyet.xlsx theo yêu cầu (chuyển vào hoi-dong/cu/" in dropped
    assert not (commune / "hoi-dong" / "xa-duyet.xlsx").exists()
    assert [p.name for p in (commune / "hoi-dong" / "cu").iterdir()][0].startswith("xa-duyet_")
    assert len(_held(commune)) == len(held)


def test_a_kept_book_that_cannot_be_used_any_more_is_said_and_the_commune_goes_on(commune):
    """Her kept book damaged since (or sealed with a key renewed since): status and the merge say it cannot be used,
    with what to do, and go on without it — never a commune stopped by a file of its own folder."""
    held = _held(commune)
    kept = commune / "hoi-dong" / "xa-duyet.xlsx"
    kept.parent.mkdir(exist_ok=True)
    kept.write_bytes(b"PK\x03\x04 hong")

    status = CliRunner().invoke(main, ["status", str(commune / "inbox")])
    merged = CliRunner().invoke(main, ["merge", str(commune / "inbox"), "--force"])

    for done in (status, merged):
        said = " ".join(done.output.split())
        assert done.exit_code == 0, said
        assert ("Quyết định của công chức đã lưu ở hoi-dong/xa-duyet.xlsx không dùng được nữa (tệp bị hỏng, hoặc "
                "không phải sổ duyệt của chiến dịch năm nay)") in said
        assert "Hãy chỉ tới bảng tổng hợp" not in said  # the advice for a book given to --council
    assert f"{len(held)} đề nghị tạm giữ" in " ".join(merged.output.split())
    assert len(_held(commune)) == len(held)  # the page too


def test_a_kept_book_whose_sheet_she_renamed_says_which_sheet_and_only_the_kept_book_s_advice(commune):
    held = _held(commune)
    kept, _said = service.officer_decisions(commune, {decision_key(held[0]): (True, ACCEPT)})
    book = load_workbook(kept)
    book[lx.S_HELD].title = "Da xem"
    book.save(kept)

    said = _run("merge", commune / "inbox", "--force")

    assert f"không dùng được nữa (sổ không còn sheet '{lx.S_HELD}' chương trình đã ghi)" in said
    assert "Hãy đặt lại đúng tên sheet" not in said  # the advice for a book given to --council
    assert f"{len(held)} đề nghị tạm giữ" in said


def test_the_kept_book_given_again_sets_nothing_aside(commune):
    kept = commune / "hoi-dong" / "xa-duyet.xlsx"
    ticked = commune.parent / "xa-da-xem.xlsx"
    shutil.copy(commune / "tong-hop-cac-truong.xlsx", ticked)
    _run("merge", commune / "inbox", "--council", ticked, "--force")
    assert kept.read_bytes() == ticked.read_bytes()

    again = _run("merge", commune / "inbox", "--council", ticked, "--force")

    assert "bản trước chuyển vào" not in again and not (commune / "hoi-dong" / "cu").exists()
