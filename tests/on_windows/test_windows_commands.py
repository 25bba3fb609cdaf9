"""The Windows lane: the secretary's other commands run by python.org's Windows CPython under Wine
(tests/windows.py), each compared with what the same command says and writes on Linux — ``year`` on the period sample
(samples/ca-nam) with its papers; a period's ``status``, ``generate``, the council's ``year`` and ``history``; and
``generate`` for 8 departments, whose books are written by worker processes started by spawn, Windows' only way."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.filling import council_votes_all
from tests.no_office import NO_PDF
from tests.ui.pages import departments_school
from tests.windows import cells, linux, papers, run, same_cells, windows_path
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.system.pool import GENERATE_PARALLEL_FROM

pytestmark = pytest.mark.windows

YEAR = "tong-hop_ca-nam.xlsx"
META = "_thidua_meta"  # the history book's hidden sheet: each year's summary by its SHA-256 (its bytes hold its path)


def _both(installed: dict[str, str], root: Path) -> tuple[Path, Path]:
    """Two fresh copies of the period sample as shipped (without this checkout's runs): Windows', Linux's."""
    copies = []
    for machine in ("windows", "linux"):
        copies.append(shutil.copytree(Path(installed["SOURCE"]) / "samples" / "ca-nam", root / machine / "ca-nam",
                                      ignore=shutil.ignore_patterns(RUNS_RECORD, "Mo-trang-thi-dua.*")))
    return copies[0], copies[1]


FINGERPRINT = re.compile(r"(Dấu vân tay của tệp: )([0-9a-f]{12})")


def _said(ran, linux_done, windows: Path, on_linux: Path) -> tuple[list[str], list[str]]:
    """What each machine printed, line by line, its campaign folder's path and its slashes made alike, and the
    fingerprint of the summary each wrote (of its bytes, which hold its folder and its time) taken out."""
    windows_lines = ran.out.replace(windows_path(windows), "<folder>").replace("\\", "/")
    linux_lines = (linux_done.stdout + linux_done.stderr).replace(str(on_linux), "<folder>")
    return [FINGERPRINT.sub(r"\1<fingerprint>", said).splitlines() for said in (windows_lines, linux_lines)]


def _aside(lines: list[str]) -> list[str]:
    """``lines`` without the one each system says its own way: how to get LibreOffice for the PDFs."""
    return [line for line in lines if not line.startswith(NO_PDF)]


def _on_both(installed, windows: Path, on_linux: Path, args: list[str]) -> list[str]:
    """``thidua-xlsx ARGS`` typed on Windows (a path's slashes as she types them) and on Linux in the two copies:
    both end well and print the same lines; those lines. A summary's fingerprint said on Windows is that of the file
    Windows wrote."""
    ran = run(installed, ["thidua-xlsx", *(arg.replace("/", "\\") for arg in args)], cwd=windows)
    done = linux(args, cwd=on_linux)
    assert ran.code == 0 == done.returncode, (ran.out, done.stdout + done.stderr)
    windows_lines, linux_lines = _said(ran, done, windows, on_linux)
    assert _aside(windows_lines) == _aside(linux_lines)
    if "--docs" in args:  # the advice for PDFs, Windows' own
        assert f"{NO_PDF}: máy chưa cài LibreOffice; các văn bản Word vẫn đã được ghi. Tải LibreOffice bản Windows" \
            in ran.out, ran.out
    for said in FINGERPRINT.finditer(ran.out):
        assert said[2] == hashlib.sha256((windows / YEAR).read_bytes()).hexdigest()[:12], ran.out
    return windows_lines


@pytest.mark.long(30)
def test_year_on_the_period_sample_writes_the_year_summary_and_papers_linux_writes(windows_installed, tmp_path):
    windows, on_linux = _both(windows_installed, tmp_path)

    said = _on_both(windows_installed, windows, on_linux, ["year", "ky", "--docs", "ho-so", "--force"])

    assert "Đã ghi bảng tổng hợp: <folder>/tong-hop_ca-nam.xlsx (mọi vấn đề ở sheet Kiểm tra, mọi tệp ở sheet Nguồn " \
           "dữ liệu)" in said, said
    assert "Đề nghị: 37 Lao động tiên tiến, 15 Chiến sĩ thi đua cơ sở." in said
    assert "Đã ghi hồ sơ vào ho-so: 23 văn bản Word, 0 bản PDF." in said
    same_cells(windows / YEAR, on_linux / YEAR)
    written = papers(windows / "ho-so")
    assert written == papers(on_linux / "ho-so")
    assert written["01_To-trinh.docx"][:2] == ["TỜ TRÌNH", "V/v đề nghị công nhận danh hiệu thi đua năm học 2026-2027"]


@pytest.mark.long(45)
def test_a_periods_status_generate_the_councils_year_and_history_say_and_write_what_linux_does(windows_installed,
                                                                                               tmp_path):
    windows, on_linux = _both(windows_installed, tmp_path)

    status = _on_both(windows_installed, windows, on_linux, ["status", "inbox/thang-10", "--nhac"])
    assert "Tổ đã nộp: 6/6." in status and "Số người: 44 (có điểm 43, người mới 0)." in status, status
    assert "  Tổ Khoa học tự nhiên: đúng hạn (gửi ngày 31/10/2026); 1 người chưa có gì: Vũ Thị Hồng Nhung" in status

    generated = _on_both(windows_installed, windows, on_linux, [
        "generate", ".", "--round", "cham-diem", "--period", "thang-10", "--from", "tong-hop_dang-ky.xlsx", "--force"])
    assert "Đã tạo 6 sổ trong outbox/thang-10." in generated, generated
    books = sorted(p.name for p in (windows / "outbox" / "thang-10").iterdir())
    assert books == sorted(p.name for p in (on_linux / "outbox" / "thang-10").iterdir())
    assert "2026-2027_thang-10_To-Khoa-hoc-xa-hoi-Ngoai-ngu.xlsx" in books, books

    for folder in (windows, on_linux):  # the council's meeting, typed into its copy as the guide says
        council_votes_all(folder / YEAR, folder / "hoi-dong_ca-nam.xlsx", CSTDCS, 11)
    year = _on_both(windows_installed, windows, on_linux, ["year", "ky", "--council", "hoi-dong_ca-nam.xlsx",
                                                           "--force"])
    assert "Đã lưu hoi-dong/hoi-dong_ca-nam.xlsx để các lần tổng hợp sau của Cả năm (từ các kỳ) tự áp dụng lại." \
        in year, year
    history = _on_both(windows_installed, windows, on_linux, ["history", "--book", "lich-su.xlsx", YEAR])
    assert history[-4:] == ["Đã tạo sổ lịch sử lich-su.xlsx.",
                            "Năm học 2026-2027 (từ tong-hop_ca-nam.xlsx): 44 người, 52 danh hiệu, 8 sáng kiến, 6 tổ.",
                            "Đã ghi lich-su.xlsx.", "Sổ có 1 năm học: 2026-2027."], history
    windows_book, linux_book = cells(windows / "lich-su.xlsx"), cells(on_linux / "lich-su.xlsx")
    windows_meta, linux_meta = (json.loads(book.pop(META)[1][0]) for book in (windows_book, linux_book))
    assert windows_book == linux_book
    [windows_year], [linux_year] = windows_meta.pop("years"), linux_meta.pop("years")
    assert windows_meta == linux_meta
    assert windows_year.pop("sha256") == hashlib.sha256((windows / YEAR).read_bytes()).hexdigest()  # its own file's
    assert windows_year == {k: v for k, v in linux_year.items() if k != "sha256"}


@pytest.mark.long(30)
def test_generate_for_eight_departments_writes_its_books_in_workers_started_by_spawn(windows_installed, tmp_path):
    windows = departments_school(tmp_path / "windows" / "truong", GENERATE_PARALLEL_FROM)
    on_linux = departments_school(tmp_path / "linux" / "truong", GENERATE_PARALLEL_FROM)
    question = f"print(pool.workers_for_workbooks({GENERATE_PARALLEL_FROM}), pool.start_method())"
    asked = run(windows_installed, ["python", "-c", f"from thidua_xlsx.system import pool; {question}"], cwd=tmp_path)
    assert asked.out.split() == ["2", "spawn"], asked.out  # the two cores this machine gives Wine, started by spawn

    said = _on_both(windows_installed, windows, on_linux, ["generate", ".", "--round", "dang-ky"])

    assert f"Đã tạo {GENERATE_PARALLEL_FROM} sổ trong outbox/dang-ky." in said, said
    written = sorted((windows / "outbox" / "dang-ky").iterdir())
    assert [p.name for p in written] == sorted(p.name for p in (on_linux / "outbox" / "dang-ky").iterdir())
    assert len(written) == GENERATE_PARALLEL_FROM
    for book in written:  # each book as Linux's in one process wrote it, its hidden identity aside
        assert cells(book) == cells(on_linux / "outbox" / "dang-ky" / book.name)
