"""The Windows lane: the .bat files we ship, end to end on python.org's Windows CPython under Wine
(tests/windows.py), on a PC where nothing was installed yet: Cai-dat-thi-dua.bat installs the program for this user
(pip --user from the wheelhouse), asks its two questions and writes the campaign; run again it installs nothing; run
with a changed program it updates it, the campaign byte-identical; Go-cai-dat-thi-dua.bat removes the program and
leaves every campaign byte-identical. Wine's PowerShell is a stub: the lane runs them as on a PC without PowerShell
(no folder dialog: the default folder; no Desktop shortcut, which the lane cannot show), with python.org's Python on
the PATH and no ``py`` launcher; then with the ``py`` launcher only (python.org's installer's defaults: "Add
python.exe to PATH" not ticked; tests/windows.py's ``py.exe``), where the launcher the installer writes opens the new
campaign's page, and so does that of a campaign folder brought from another PC (its Python not on this one).

The first install (pip building the program from the folder and installing it with every dependency, ~40 s of CPU
under Wine) is made once a run (:func:`_bat_installed`) and each test starts from a copy of that machine: the journey
goes on from it (run again, updated, removed), the ``py`` launcher's test runs the installer there again with only
``py`` to find Python by."""

from __future__ import annotations

import shutil
from pathlib import Path, PureWindowsPath

import pytest

from tests.once import once_a_session
from tests.windows import (
    ROOT,
    as_windows_shows,
    copy_of,
    digests,
    page_opened,
    python_folder,
    run,
    stopped,
    user_folder,
    with_py_launcher_only,
)
from tests.wine import cmd, local_app_data, put_away, stand_in
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.text.releases import VERSION
from thidua_xlsx.write.launchers import write_launchers

pytestmark = pytest.mark.windows

INSTALLER, UNINSTALLER = "Cai-dat-thi-dua.bat", "Go-cai-dat-thi-dua.bat"


def _download(tmp_path: Path) -> Path:
    """The folder she downloaded and extracted: the checkout as shipped."""
    folder = tmp_path / "Downloads" / "thidua-xlsx-main"
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", "*.egg-info", "build", "thu-mau", ".mypy_cache", ".ruff_cache",
        ".pytest_cache", "tests", "benchmarks"))
    return folder


def _double_click(env, bat: Path, answers: str, on_path: bool = True) -> str:
    """What the window showed, each line as Windows shows it: Wine's cmd reads the .bat's lines in code page 437 and
    what a ``for /f`` reads from a program in the ANSI one (1252), whatever chcp says; each undone line by line.
    ``on_path``: python.org's Python on the PATH ("Add python.exe to PATH" ticked)."""
    python = python_folder(env)
    ran = cmd(env, bat, answers=answers, path=(python / "Scripts", python) if on_path else (), powershell=False,
              seconds=600)
    return "\n".join(as_windows_shows(line) for line in ran.said.splitlines())


def _bat_installed(folder: Path, made: Path) -> None:
    """A copy of the run's machine where Cai-dat-thi-dua.bat, double-clicked in the downloaded folder, installed the
    program (Python on the PATH; her answers: 2, tiểu học; 1, by month): what its window showed in ``said.txt``.
    Each test copies it."""
    env = copy_of(made, folder)
    said = _double_click(env, _download(folder) / INSTALLER, "2\n1\n\n")
    (folder / "said.txt").write_text(said, encoding="utf-8")
    put_away(env)


@pytest.fixture
def bat_installed(windows_made, tmp_path_factory, tmp_path):
    """A machine of the test's own where the installer made its first install from the download
    (:func:`_bat_installed`, once a run): its environment, the test's copy of the download (the same files: the
    installer sees the folder it installed from) and what the first install's window showed."""
    made = once_a_session(tmp_path_factory, "windows-bat-installed",
                          lambda folder: _bat_installed(folder, windows_made))
    env = copy_of(made, tmp_path / "machine")
    yield env, _download(tmp_path), (made / "said.txt").read_text(encoding="utf-8")
    stopped(env)


@pytest.mark.long(110)  # two pip runs on Wine (update, uninstall); the first install, once a run, shared
def test_the_installer_installs_asks_writes_the_campaign_updates_and_the_uninstaller_keeps_it(bat_installed,
                                                                                               tmp_path):
    env, download, said = bat_installed  # the first install: 2 (tiểu học), 1 (by month), then the last pause
    campaign = user_folder(Path(env["WINEPREFIX"])) / "Documents" / "Thi-dua"  # the default folder, no dialog

    assert "[3/5] Cài chương trình cho người dùng này (lần đầu mất vài phút, cần mạng Internet)..." in said, said
    assert f"      Xong: thidua-xlsx {VERSION}" in said.splitlines(), said
    assert "      Đã tạo chiến dịch: trường tiểu học, chấm theo tháng." in said
    assert 'Chưa đặt được lối tắt "Thi đua" lên màn hình nền.' in said  # no PowerShell: said, with what to click
    assert (campaign / "campaign.xlsx").is_file() and (campaign / "Mo-trang-thi-dua.bat").is_file()
    launcher = (campaign / "Mo-trang-thi-dua.bat").read_text(encoding="utf-8")
    assert r'\AppData\Local\Programs\Python\Python313\python.exe" -m thidua_xlsx ui "%~dp0."' in launcher, launcher
    memory = local_app_data(env) / "thidua-xlsx"
    assert (memory / "ban-cai.txt").is_file() and (memory / "cai-dat.log").is_file()
    version = run(env, ["python", "-m", "thidua_xlsx", "--version"], cwd=tmp_path)
    assert version.code == 0 and version.out.strip() == f"thidua-xlsx {VERSION}", version.out
    user_site = next((Path(env["WINEPREFIX"]) / "drive_c" / "users").glob("*/AppData/Roaming/Python/Python313"))
    assert list(user_site.glob("site-packages/thidua_xlsx/__init__.py"))  # pip --user, as the .bat says
    (campaign / "inbox" / "so-cua-to.xlsx").write_bytes(b"PK so cua to")  # a book a department sent meanwhile
    kept = digests(campaign)

    again = _double_click(env, download / INSTALLER, "\n")

    assert "[3/5] Chương trình đã cài đúng bản trong thư mục này: không cần cài lại." in again, again
    assert "[4/5] Thư mục đã có chiến dịch: giữ nguyên mọi sổ" in again
    assert digests(campaign) == {**kept, **{k: v for k, v in digests(campaign).items() if "Mo-trang" in k}}

    # A new version downloaded over the old one: an update, the campaign untouched.
    (download / "thidua_xlsx" / "__init__.py").write_text(
        (download / "thidua_xlsx" / "__init__.py").read_text(encoding="utf-8") + "\n# ban moi\n", encoding="utf-8")
    updated = _double_click(env, download / INSTALLER, "\n")

    assert "[3/5] Cập nhật chương trình từ thư mục này (cần mạng Internet)..." in updated, updated
    assert f"      Xong: thidua-xlsx {VERSION}" in updated.splitlines()
    assert "# ban moi" in next(user_site.glob("site-packages/thidua_xlsx/__init__.py")).read_text(encoding="utf-8")
    assert digests(campaign) == {**kept, **{k: v for k, v in digests(campaign).items() if "Mo-trang" in k}}
    other = tmp_path / "Truong cu"  # another campaign of hers, elsewhere
    shutil.copytree(campaign, other)
    both = (digests(campaign), digests(other))

    gone = _double_click(env, download / UNINSTALLER, "c\n\n")

    assert "- Đã gỡ chương trình." in gone, gone
    assert "- Đã xóa những gì chương trình ghi nhớ trên máy." in gone
    assert (digests(campaign), digests(other)) == both
    assert not memory.exists()
    assert run(env, ["python", "-m", "thidua_xlsx", "--version"], cwd=tmp_path).code != 0


@pytest.mark.long(40)  # the installer and two pages on Wine; the install, once a run, shared
def test_with_the_py_launcher_only_the_installer_finds_python_and_every_campaigns_launcher_opens_its_page(
        bat_installed, tmp_path):
    """python.org's installer with its defaults: ``py`` and no ``python`` in a cmd window — here Python installed
    again with its defaults on a PC where the program was installed, the campaign folder since moved away. The
    installer finds Python through ``py -3`` and, through it, the program this download installed; the launcher it
    writes opens the new campaign's page; so does the launcher of another campaign folder, last year's brought from
    the old PC on a USB stick (its launcher names the old PC's Python). Installing through ``py -3`` is the same pip
    line as through ``python`` (the journey's), the launcher passing it on as typed."""
    env, download, _said = bat_installed
    with_py_launcher_only(env)
    assert run(env, ["python", "--version"], cwd=tmp_path).code != 0  # no python in a cmd window: py only
    campaign = user_folder(Path(env["WINEPREFIX"])) / "Documents" / "Thi-dua"
    shutil.rmtree(campaign)

    # The level: 3 (THCS); how it scores: 1 (by month); then the pause of the last message.
    said = _double_click(env, download / INSTALLER, "3\n1\n\n", on_path=False)

    assert "[1/5] Tìm Python 3.10 trở lên trên máy..." in said and "      Có Python 3.13.2." in said, said
    assert "[3/5] Chương trình đã cài đúng bản trong thư mục này: không cần cài lại." in said, said
    assert f"      Xong: thidua-xlsx {VERSION}" in said.splitlines(), said
    assert "      Đã tạo chiến dịch: trường THCS, chấm theo tháng." in said
    launcher = (campaign / "Mo-trang-thi-dua.bat").read_text(encoding="utf-8")
    assert r'\AppData\Local\Programs\Python\Python313\python.exe" -m thidua_xlsx ui "%~dp0."' in launcher, launcher
    browser = stand_in(tmp_path / "trinh-duyet", "trinh-duyet.exe")

    assert page_opened(env, campaign / "Mo-trang-thi-dua.bat", browser) == "Trường THCS Kim Sơn (MẪU) – thidua-xlsx"

    last_year = shutil.copytree(ROOT / "samples", tmp_path / "USB" / "Thi dua 2025-2026", ignore=lambda where, names: [
        n for n in names if n in ("ca-nam", "cap-xa", "huong-dan", "__pycache__", RUNS_RECORD) or n.endswith(".py")])
    write_launchers(last_year, PureWindowsPath(r"C:\Users\May cu\AppData\Local\Programs\Python\Python312\python.exe"))
    (browser.with_name(browser.name + ".args")).unlink()

    assert page_opened(env, last_year / "Mo-trang-thi-dua.bat", browser) == \
        "Trường Tiểu học Trực Cường – thidua-xlsx"
