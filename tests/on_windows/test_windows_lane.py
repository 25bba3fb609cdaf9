"""The Windows lane: the secretary's commands run by python.org's Windows CPython 3.13 under Wine, installed
as the README says (``python -m pip install .`` in the folder she downloaded, tests/windows.py), compared with what the
same commands write on Linux: the README's try-it (the copy, ``merge thu-mau\\inbox``) with its papers; the console in
cp1252 and in UTF-8 (chcp 65001) with the Vietnamese intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.no_office import NO_PDF
from tests.windows import linux, papers, run, same_cells, windows_path
from tests.wine import cmd

pytestmark = pytest.mark.windows

SUMMARY = "tong-hop_cham-diem.xlsx"


def _sample_copy(installed: dict[str, str], folder: Path) -> Path:
    """The try-it's copy, made as the README's Windows lines make it (xcopy for robocopy, a stub in Wine)."""
    folder.mkdir(parents=True, exist_ok=True)
    ran = run(installed, ["xcopy", "samples", windows_path(folder / "thu-mau"), "/e", "/i", "/q"],
              cwd=Path(installed["SOURCE"]))
    assert ran.code == 0, ran.out
    return folder / "thu-mau"


@pytest.mark.long(30)
def test_the_readmes_try_it_on_windows_writes_the_summary_and_papers_linux_writes(windows_installed, tmp_path):
    copy = _sample_copy(windows_installed, tmp_path / "windows")
    ran = run(windows_installed, ["thidua-xlsx", "merge", r"thu-mau\inbox"], cwd=copy.parent)

    assert ran.code == 0, ran.out
    assert f"Đã ghi bảng tổng hợp: {windows_path(copy / SUMMARY)}" in ran.out  # Vietnamese intact through a pipe
    assert NO_PDF in ran.out
    assert "Tổ chưa nộp: Tổ chuyên biệt." in ran.out
    on_linux = tmp_path / "linux" / "thu-mau"
    shutil.copytree(Path(windows_installed["SOURCE"]) / "samples", on_linux)
    (on_linux / SUMMARY).unlink(missing_ok=True)
    done = linux(["merge", "thu-mau/inbox"], cwd=on_linux.parent)
    assert done.returncode == 0, done.stdout + done.stderr

    same_cells(copy / SUMMARY, on_linux / SUMMARY)
    assert f"Đã ghi hồ sơ vào {windows_path(copy / 'ho-so')}: 15 văn bản Word, 0 bản PDF." in ran.out
    written = papers(copy / "ho-so")
    assert written == papers(on_linux / "ho-so")
    assert written["01_To-trinh.docx"][:2] == ["TỜ TRÌNH", "V/v đề nghị công nhận danh hiệu thi đua năm học 2025-2026"]


@pytest.mark.long(15)
@pytest.mark.parametrize("page", ["1252", "65001"])
def test_the_console_shows_the_vietnamese_in_cp1252_and_utf8(windows_installed, tmp_path, page):
    copy = _sample_copy(windows_installed, tmp_path)
    bat = copy.parent / "xem.bat"
    bat.write_bytes(f"@chcp {page} >nul\r\n@thidua-xlsx status thu-mau\\inbox\r\n".encode("ascii"))

    shown = cmd(windows_installed, bat)

    assert shown.code == 0, shown.said
    assert "Tổ chuyên biệt" in shown.said, shown.said
    assert "�" not in shown.said and "?" not in shown.said.replace("?\n", "\n"), shown.said
