"""The double-click files init leaves in a campaign folder: one per system, each opening the page of its own folder
with the Python that ran init (or thidua-xlsx on the PATH), a file someone made of that name kept. The .bat is run by
a real cmd (Wine's) down each of its branches."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from tests.processes import lines_until
from tests.wine import calls, cmd, failing, stand_in, windows_path
from thidua_xlsx.text.commands import LAUNCHER_GONE_BAT
from thidua_xlsx.text.ui import LAUNCHER_STEM
from thidua_xlsx.write.launchers import MARKER, launcher_texts, write_launchers

BAT = f"{LAUNCHER_STEM}.bat"
PAUSED = "Press any key to continue"  # Wine's cmd's pause (Windows says it in its own language)


def test_init_writes_a_launcher_for_each_system(tmp_path):
    from thidua_xlsx.commune.commands import init_level_above
    from thidua_xlsx.service import init_campaign

    init_campaign(tmp_path / "truong", "tieu-hoc")
    init_level_above(tmp_path / "xa")
    for folder in (tmp_path / "truong", tmp_path / "xa"):
        names = sorted(p.name for p in folder.glob(f"{LAUNCHER_STEM}.*"))
        assert names == [f"{LAUNCHER_STEM}.bat", f"{LAUNCHER_STEM}.command", f"{LAUNCHER_STEM}.sh"]
        assert os.access(folder / f"{LAUNCHER_STEM}.command", os.X_OK)
        assert f"{sys.executable}" in (folder / f"{LAUNCHER_STEM}.sh").read_text(encoding="utf-8")


def test_the_windows_launcher_names_the_installed_python_and_its_own_folder():
    python = PureWindowsPath(r"C:\Users\Thư ký\AppData\Local\Programs\Python\Python312\python.exe")
    bat = launcher_texts(python)[f"{LAUNCHER_STEM}.bat"]
    assert "\r\n" in bat and "\n" not in bat.replace("\r\n", "")  # cmd.exe's lines
    assert bat.splitlines()[2] == "chcp 65001 >nul"  # the Vietnamese message read as UTF-8
    assert f'"{python}" -m thidua_xlsx ui "%~dp0."' in bat  # the folder the launcher lies in, wherever it is moved
    assert 'thidua-xlsx ui "%~dp0."' in bat  # else the tool on the PATH
    assert "pause" in bat  # a message stays on the screen
    percent = launcher_texts(PureWindowsPath(r"C:\100%\python.exe"))[f"{LAUNCHER_STEM}.bat"]
    assert r'"C:\100%%\python.exe"' in percent  # % doubled in a .bat


def test_no_bat_file_we_ship_or_write_asks_for_a_volume_s_name_which_the_windows_lane_cannot_give():
    """The lane's machines run without Wine's mount manager (tests/windows.py's ``NO_MOUNT_MANAGER``): there ``dir``
    and ``vol`` answer "Invalid function.". None of our .bat files needs them (``if exist`` and ``for`` do not)."""
    from tests.windows import ROOT

    texts = {name: (ROOT / name).read_text(encoding="utf-8") for name in ("Cai-dat-thi-dua.bat",
                                                                          "Go-cai-dat-thi-dua.bat")}
    texts[BAT] = launcher_texts(PureWindowsPath(r"C:\Python313\python.exe"))[BAT]
    command = re.compile(r"(?:^|[\s&|(@'])(dir|vol|label)(?=$|[\s>&|)'])", re.IGNORECASE)
    for name, text in texts.items():
        lines = [line for line in text.splitlines() if not line.lstrip("@ ").lower().startswith(("rem ", "::"))]
        assert len(lines) > 5 and not [line for line in lines if command.search(line)], name


def test_a_file_of_that_name_someone_made_is_kept(tmp_path):
    own = tmp_path / f"{LAUNCHER_STEM}.bat"
    own.write_text("echo của tôi\n", encoding="utf-8")
    written = write_launchers(tmp_path)
    assert own.read_text(encoding="utf-8") == "echo của tôi\n"
    assert sorted(p.name for p in written) == [f"{LAUNCHER_STEM}.command", f"{LAUNCHER_STEM}.sh"]
    assert MARKER in write_launchers(tmp_path)[0].read_text(encoding="utf-8")  # ours renewed


@pytest.mark.wine
def test_under_cmd_the_launcher_opens_the_page_with_its_python_whatever_the_folders_are_called(wine_env, tmp_path):
    # cmd syntax in the names, quoted through. (Not a % in the campaign folder's: Wine's cmd expands % again inside
    # what %~dp0 gave, which Windows does not.)
    folder = tmp_path / "Thu ky (to A) & B"
    python = stand_in(tmp_path / "Python (x86) & 3.12 100%", "python.exe")
    folder.mkdir()
    write_launchers(folder, PureWindowsPath(windows_path(python)))

    ran = cmd(wine_env, folder / BAT, answers="\n")

    assert ran.code == 0, ran.said
    assert calls(python) == [["-m", "thidua_xlsx", "ui", windows_path(folder) + "\\."]]
    assert ran.said == "" and PAUSED not in ran.said  # nothing to read: the page opens


@pytest.mark.wine
def test_under_cmd_the_launcher_waits_when_the_page_stops_with_an_error(wine_env, tmp_path):
    python = failing(tmp_path / "py", "python.exe", wine_env)
    (tmp_path / "truong").mkdir()
    write_launchers(tmp_path / "truong", PureWindowsPath(windows_path(python)))

    ran = cmd(wine_env, tmp_path / "truong" / BAT, answers="\n")

    assert ran.code == 1, ran.said
    assert ran.said.splitlines()[-1] == PAUSED + "..."  # she reads why before the window closes


@pytest.mark.wine
def test_under_cmd_with_its_python_gone_the_launcher_uses_the_tool_on_the_path_else_says_what_to_double_click(
        wine_env, tmp_path):
    gone = PureWindowsPath(windows_path(tmp_path / "da-go" / "python.exe"))
    (tmp_path / "truong").mkdir()
    write_launchers(tmp_path / "truong", gone)

    alone = cmd(wine_env, tmp_path / "truong" / BAT, answers="\n")

    assert alone.code == 1
    assert alone.said.splitlines() == [LAUNCHER_GONE_BAT, PAUSED + "..."]  # all of it, and nothing run after it
    assert "pip" not in alone.said and "Cai-dat-thi-dua.bat" in alone.said

    tool = stand_in(tmp_path / "Scripts", "thidua-xlsx.exe")
    on_path = cmd(wine_env, tmp_path / "truong" / BAT, path=(tmp_path / "Scripts",))

    assert on_path.code == 0, on_path.said
    assert calls(tool) == [["ui", windows_path(tmp_path / "truong") + "\\."]]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell launcher")
def test_the_linux_launcher_opens_the_page_of_its_folder(tmp_path):
    import shutil

    folder = tmp_path / "thi dua 'truong'"
    folder.mkdir()
    shutil.copy2(Path(__file__).resolve().parents[2] / "samples" / "campaign.xlsx", folder / "campaign.xlsx")
    write_launchers(folder)
    env = {**os.environ, "BROWSER": "true"}  # the browser "opened" by a program that does nothing
    started = subprocess.Popen([str(folder / f"{LAUNCHER_STEM}.sh")], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert started.stdout is not None
        said = lines_until(started.stdout, lambda line: str(folder) in line, seconds=60)
        first = said[0].strip() if said else ""
        assert first.startswith("http://127.0.0.1:") and "/?token=" in first, said
        assert any(str(folder) in line for line in said), said  # (the port taken said first, when it is)
    finally:
        started.terminate()
        started.communicate(timeout=20)
