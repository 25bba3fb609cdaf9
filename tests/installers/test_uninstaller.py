"""The uninstaller a secretary double-clicks beside the installer: ``go-cai-dat-thi-dua.sh`` (Linux) and
``Go-cai-dat-thi-dua.command`` (macOS), one text, run here for real on what the installer leaves (its folder of data
with the program's venv, the remembered folder, the shortcuts); ``Go-cai-dat-thi-dua.bat`` runs under Wine's cmd
(tests/installers/test_installers_under_wine.py). It removes the program, its shortcut and what it remembers — never a
campaign folder, never a file of the shortcut's name that is not the installer's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SH, COMMAND, BAT = (ROOT / name for name in ("go-cai-dat-thi-dua.sh", "Go-cai-dat-thi-dua.command",
                                             "Go-cai-dat-thi-dua.bat"))
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the POSIX twin runs on macOS and Linux")
OURS_LINUX = "[Desktop Entry]\nName=Thi đua\nExec=thidua-xlsx ui\nX-thidua-xlsx=loi-tat\n"
OURS_MACOS = "#!/bin/sh\n# thidua-xlsx: loi tat Thi dua (ghi boi Cai-dat-thi-dua.command): mo trang\n"


def _installed(tmp_path: Path) -> dict[str, Path]:
    """What cai-dat-thi-dua.sh leaves, laid out by hand: the data folder, two shortcuts, a campaign folder."""
    data, desktop, campaign = tmp_path / "data" / "thidua-xlsx", tmp_path / "Màn hình nền", tmp_path / "Thi đua"
    (data / "venv" / "bin").mkdir(parents=True)
    (data / "venv" / "bin" / "python").write_text("#!/bin/sh\n")
    (data / "thu-muc.txt").write_text(f"{campaign}\n", encoding="utf-8")
    (data / "ban-cai.txt").write_text("ab12\n")
    for folder in (desktop, tmp_path / "data" / "applications"):
        folder.mkdir(parents=True)
        (folder / "thi-dua.desktop").write_text(OURS_LINUX, encoding="utf-8")
    campaign.mkdir()
    for name in ("campaign.xlsx", "Mo-trang-thi-dua.sh", "Mo-trang-thi-dua.bat"):
        (campaign / name).write_text("sổ", encoding="utf-8")
    (tmp_path / "home").mkdir()
    cache = tmp_path / "cache" / "thidua-xlsx" / "libreoffice" / "user"  # the papers' kept LibreOffice profile
    cache.mkdir(parents=True)
    (cache / "registrymodifications.xcu").write_text("<xml/>", encoding="utf-8")
    return {"data": data, "desktop": desktop, "campaign": campaign, "cache": tmp_path / "cache"}


def _run(script: Path, tmp_path: Path, answer: str | None, path: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DESKTOP_DIR": str(tmp_path / "Màn hình nền")}
    env.pop("THIDUA_KHONG_HOI", None)
    if answer is None:
        env["THIDUA_KHONG_HOI"] = "1"
    if path is not None:
        env["PATH"] = path
    return subprocess.run([str(script)], env=env, input=answer or "", capture_output=True, text=True, timeout=60)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@posix_only
def test_the_uninstaller_asks_first_and_enter_alone_removes_nothing(tmp_path):
    made = _installed(tmp_path)
    before = _files(tmp_path)

    kept = _run(SH, tmp_path, "\n")

    assert kept.returncode == 0 and "Không gỡ gì cả." in kept.stdout
    assert "Gõ c rồi nhấn Enter để gỡ, chỉ nhấn Enter để thôi: " in kept.stdout
    assert f"Thư mục chiến dịch dùng lần trước, được giữ nguyên: {made['campaign']}" in kept.stdout
    assert _files(tmp_path) == before


@posix_only
def test_the_uninstaller_removes_the_program_its_shortcuts_and_memory_never_a_campaign(tmp_path):
    made = _installed(tmp_path)
    campaign_before = {p.name: p.read_bytes() for p in made["campaign"].iterdir()}

    gone = _run(SH, tmp_path, "c\n")

    assert gone.returncode == 0, gone.stdout + gone.stderr
    assert "\n".join([
        "- Đã xóa những gì chương trình ghi nhớ trên máy.", "",
        "XONG. Sổ sách trong thư mục chiến dịch vẫn còn nguyên. Muốn dùng lại chương trình: bấm đúp tệp cài đặt",
        "(Cai-dat-thi-dua.command trên macOS, cai-dat-thi-dua.sh trên Linux) trong thư mục chương trình.",
        "Nhấn Enter để đóng cửa sổ này."]) in gone.stdout
    assert "- Đã gỡ chương trình." in gone.stdout and '- Đã xóa lối tắt "Thi đua" trên màn hình nền.' in gone.stdout
    assert not made["data"].exists() and _files(made["cache"]) == []  # the kept LibreOffice profile too
    assert _files(made["desktop"]) == [] and _files(tmp_path / "data" / "applications") == []
    assert {p.name: p.read_bytes() for p in made["campaign"].iterdir()} == campaign_before  # every book kept

    again = _run(SH, tmp_path, None)  # nothing left to remove: said, and nothing else touched
    assert again.returncode == 0 and "- Chương trình: không có trên máy này, không cần gỡ." in again.stdout
    assert "lối tắt" not in again.stdout.split("Giữ nguyên")[1]


@posix_only
def test_a_file_of_the_shortcuts_name_that_is_not_the_installers_is_kept(tmp_path):
    made = _installed(tmp_path)
    (made["desktop"] / "thi-dua.desktop").write_text("[Desktop Entry]\nName=Thi đua của tôi\n", encoding="utf-8")

    assert _run(SH, tmp_path, None).returncode == 0

    assert _files(made["desktop"]) == ["thi-dua.desktop"]
    assert "của tôi" in (made["desktop"] / "thi-dua.desktop").read_text(encoding="utf-8")


@posix_only
def test_as_on_macos_it_removes_the_thi_dua_command_on_the_desktop(tmp_path):
    made = _installed(tmp_path)
    fake = tmp_path / "as-macos"
    fake.mkdir()
    (fake / "uname").write_text("#!/bin/sh\necho Darwin\n")
    (fake / "uname").chmod(0o755)
    mac_desktop = tmp_path / "home" / "Desktop"
    mac_desktop.mkdir()
    (mac_desktop / "Thi đua.command").write_text(OURS_MACOS, encoding="utf-8")
    (mac_desktop / "Thi đua của tôi.command").write_text("#!/bin/sh\n", encoding="utf-8")
    mac_cache = tmp_path / "home" / "Library" / "Caches" / "thidua-xlsx" / "libreoffice"
    mac_cache.mkdir(parents=True)

    gone = _run(COMMAND, tmp_path, None, path=f"{fake}{os.pathsep}{os.environ['PATH']}")

    assert gone.returncode == 0, gone.stdout + gone.stderr
    assert _files(mac_desktop) == ["Thi đua của tôi.command"] and not made["data"].exists()
    assert _files(made["desktop"]) == ["thi-dua.desktop"]  # the Linux desktop is not macOS's
    assert not mac_cache.parent.exists() and _files(made["cache"]) != []  # macOS's cache, not XDG's


def test_the_posix_twins_are_one_text_executable_and_parse_and_the_bat_is_crlf():
    assert COMMAND.read_bytes() == SH.read_bytes(), f"{COMMAND.name} and {SH.name} differ: copy one onto the other"
    if sys.platform != "win32":
        assert os.access(SH, os.X_OK) and os.access(COMMAND, os.X_OK)
        assert subprocess.run(["sh", "-n", str(SH)], capture_output=True).returncode == 0
    raw = BAT.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode("utf-8").split("\r\n")
    chcp = lines.index("chcp 65001 >nul")
    assert all(line.isascii() for line in lines[:chcp + 1])
