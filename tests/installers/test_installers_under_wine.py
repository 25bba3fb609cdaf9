"""The .bat files we ship, run by a real cmd (Wine's, tests/wine.py) down the branches Wine can reach: the installer
on a PC without Python, and on a PC with a Python but without PowerShell (no folder dialog, no shortcut) where she
answers its questions; the uninstaller asked, and answered. Python is a stand-in that notes what it was asked to do
(Wine has no Windows Python); everything cmd itself does — reading each line, quoting, set /p, jumps — is real."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.wine import calls, cmd, local_app_data, stand_in, windows_path

ROOT = Path(__file__).resolve().parents[2]
INSTALLER, UNINSTALLER = "Cai-dat-thi-dua.bat", "Go-cai-dat-thi-dua.bat"
# What no window may show: a command for her to type, or cmd not finding one (a line it parsed otherwise).
COMMAND_LINE = re.compile(r"thidua-xlsx (?:ui|init|--)|-m thidua_xlsx|pip install|python3? -m|\bpy -|Can't recognize")

pytestmark = pytest.mark.wine


def _download(tmp_path: Path, *names: str) -> Path:
    """The folder she downloaded, as far as the .bat looks at it (pyproject.toml, thidua_xlsx\\) and the files."""
    folder = tmp_path / "thidua-xlsx-main"
    (folder / "thidua_xlsx").mkdir(parents=True)
    shutil.copy2(ROOT / "pyproject.toml", folder)
    for name in names:
        shutil.copy2(ROOT / name, folder)
    return folder


def _clean(said: str) -> None:
    assert not COMMAND_LINE.search(said), said


def test_without_python_the_installer_says_how_to_install_it_and_stops(wine_env, tmp_path):
    folder = _download(tmp_path, INSTALLER)

    ran = cmd(wine_env, folder / INSTALLER,
              extra={"THIDUA_KHONG_HOI": "1", "THIDUA_THU_MUC": windows_path(tmp_path / "Thi-dua")})

    assert ran.code == 1, ran.said
    _clean(ran.said)
    assert ran.said.splitlines()[:3] == ["CÀI ĐẶT CHƯƠNG TRÌNH THI ĐUA – KHEN THƯỞNG (thidua-xlsx)", "",
                                         "[1/5] Tìm Python 3.10 trở lên trên máy..."]
    assert '3. Ở màn hình đầu tiên của bộ cài, ĐÁNH DẤU ô "Add python.exe to PATH", rồi bấm "Install Now".' in ran.said
    assert "https://www.python.org/downloads/" in ran.said and "[2/5]" not in ran.said
    assert not (tmp_path / "Thi-dua").exists()


def test_without_powershell_the_installer_uses_the_remembered_folder_asks_the_school_and_names_the_launcher(
        wine_env, tmp_path):
    folder = _download(tmp_path, INSTALLER)
    python = stand_in(tmp_path / "Python", "py.exe")
    campaign = tmp_path / "Truong (A) & B"  # remembered from last time; the launcher stands in for init's
    campaign.mkdir()
    (campaign / "Mo-trang-thi-dua.bat").write_bytes(b"@echo off\r\n")
    memory = local_app_data(wine_env) / "thidua-xlsx"
    memory.mkdir(parents=True, exist_ok=True)
    (memory / "thu-muc.txt").write_text(windows_path(campaign) + "\n", encoding="utf-8")

    # The level: Enter alone and 9 asked again, 2 (tiểu học); how it scores: 2 (by quarter); then the last pause.
    ran = cmd(wine_env, folder / INSTALLER, answers="\n9\n2\n2\n\n", path=(python.parent,), powershell=False)

    _clean(ran.said)
    said = ran.said.splitlines()
    assert "      Không có thư mục nào được chọn (hộp thoại đã đóng, hoặc máy không cho mở hộp chọn thư mục): " \
           "dùng thư mục mặc định." in said
    assert f"      {windows_path(campaign)}" in said
    assert said.count("      Hãy gõ một trong các số trên.") == 2, ran.said  # for Enter alone, and for 9
    assert "        5. Cấp trên của các trường: UBND xã, phường hoặc Sở GD-ĐT, tổng hợp báo cáo của các trường" in said
    assert "        1. Theo tháng, Nghị định 233/2026, từ năm học 2026-2027" in said
    assert "      Đã tạo chiến dịch: trường tiểu học, chấm theo quý." in said
    def inits(found: list[list[str]]) -> list[list[str]]:
        return [c for c in found if c[:4] == ["-3", "-m", "thidua_xlsx", "init"]]

    assert inits(calls(python, until=inits)) == [
        ["-3", "-m", "thidua_xlsx", "init", windows_path(campaign), "--level", "tieu-hoc", "--cham-theo", "quy"]]
    # No PowerShell, no shortcut: said, with the file that opens the page; the window waits.
    assert 'Chưa đặt được lối tắt "Thi đua" lên màn hình nền. Chương trình đã cài xong: mở thư mục chiến dịch và bấm ' \
           "đúp" in ran.said
    assert ran.code == 1 and said[-1] == "Nhấn phím bất kỳ để đóng cửa sổ này."
    assert (memory / "thu-muc.txt").read_text(encoding="utf-8").strip() == windows_path(campaign)  # kept for next time


def _installed(wine_env, tmp_path: Path) -> dict[str, Path]:
    """What Cai-dat-thi-dua.bat leaves: its folder in LOCALAPPDATA, the shortcut on the desktop it wrote down, a
    campaign folder; and a file of hers on the desktop."""
    memory = local_app_data(wine_env) / "thidua-xlsx"
    desktop, campaign = tmp_path / "Desktop", tmp_path / "Truong"
    for folder in (memory, desktop, campaign):
        folder.mkdir(parents=True, exist_ok=True)
    (memory / "thu-muc.txt").write_text(windows_path(campaign) + "\n", encoding="utf-8")
    (memory / "man-hinh.txt").write_bytes(windows_path(desktop).encode() + b"\r\n")  # as its PowerShell writes it
    (memory / "cai-dat.log").write_text("pip\n", encoding="utf-8")
    for name in ("Thi đua.lnk", "Thi đua.cmd", "Ghi chu.txt"):
        (desktop / name).write_text("x", encoding="utf-8")
    for name in ("campaign.xlsx", "Mo-trang-thi-dua.bat"):
        (campaign / name).write_text("sổ", encoding="utf-8")
    return {"memory": memory, "desktop": desktop, "campaign": campaign}


def test_the_uninstaller_asks_first_then_removes_the_program_shortcut_and_memory_never_the_campaign(
        wine_env, tmp_path):
    folder = _download(tmp_path, UNINSTALLER)
    python = stand_in(tmp_path / "Python", "py.exe")
    made = _installed(wine_env, tmp_path)

    kept = cmd(wine_env, folder / UNINSTALLER, answers="\n\n", path=(python.parent,))

    assert kept.code == 0 and "Không gỡ gì cả." in kept.said, kept.said
    assert f"Thư mục chiến dịch dùng lần trước, được giữ nguyên: {windows_path(made['campaign'])}" in kept.said
    assert (made["memory"] / "thu-muc.txt").is_file() and len(list(made["desktop"].iterdir())) == 3

    gone = cmd(wine_env, folder / UNINSTALLER, answers="c\n\n", path=(python.parent,))

    assert gone.code == 0, gone.said
    _clean(gone.said)
    assert ["- Đã gỡ chương trình.", '- Đã xóa lối tắt "Thi đua" trên màn hình nền.',
            "- Đã xóa những gì chương trình ghi nhớ trên máy."] == [
        line for line in gone.said.splitlines() if line.startswith("- ")]
    uninstall = ["-3", "-m", "pip", "uninstall", "--yes", "--quiet", "thidua-xlsx"]
    assert uninstall in calls(python, until=lambda found: uninstall in found)
    assert not made["memory"].exists()
    assert [p.name for p in made["desktop"].iterdir()] == ["Ghi chu.txt"]  # hers stays
    assert sorted(p.name for p in made["campaign"].iterdir()) == ["Mo-trang-thi-dua.bat", "campaign.xlsx"]
