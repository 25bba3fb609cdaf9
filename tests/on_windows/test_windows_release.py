"""The Windows release (tools/build_windows_release.py): built the same byte for byte from the same commit, pinned to
constraints.txt, and — in the Windows lane — extracted into a OneDrive-like folder with Vietnamese letters and spaces
on a Wine machine with no Python at all and the network cut, installed by its Cai-dat-thi-dua.bat, the try-it merge
and the page run on what it installed, updated by a newer build (the versions said, before → after, the campaign
kept), and removed by its Go-cai-dat-thi-dua.bat (the campaign kept)."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.once import once_a_session
from tests.windows import (
    SHIM,
    as_windows_shows,
    copy_of,
    digests,
    fetched,
    page_opened,
    python_folder,
    run,
    stopped,
    user_folder,
    windows_path,
)
from tests.wine import cmd, local_app_data, put_away, stand_in
from thidua_xlsx.text import releases as rx
from thidua_xlsx.text.releases import VERSION
from tools import windows_python
from tools.build_windows_release import build, release_name, write_zip

ROOT = Path(__file__).resolve().parents[2]
NEWER = "99.0.0"  # the version of the newer build an update installs
#: Every request of a program on the machine would go through this proxy, where nothing listens: a fetch fails.
NO_NETWORK = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}


def test_the_zip_is_the_same_bytes_from_the_same_entries_and_time_whatever_their_order(tmp_path):
    entries = {"goc/b.txt": b"b" * 100, "goc/a/tệp.txt": "chữ".encode(), "goc/c.bin": bytes(range(256))}
    write_zip(entries, tmp_path / "1.zip", 1_767_225_600)
    write_zip(dict(reversed(entries.items())), tmp_path / "2.zip", 1_767_225_600)
    write_zip(entries, tmp_path / "3.zip", 1_767_225_600 + 3600)

    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
    assert (tmp_path / "1.zip").read_bytes() != (tmp_path / "3.zip").read_bytes()  # the commit's time is in it
    with zipfile.ZipFile(tmp_path / "1.zip") as archive:
        assert archive.namelist() == sorted(entries)
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o100644}
        assert archive.read("goc/a/tệp.txt") == "chữ".encode()


def test_the_constraints_pin_every_dependency_once_within_pyproject_s_bounds():
    from packaging.requirements import Requirement

    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==") for line in lines if not line.startswith("#"))
    assert "tools/pin_constraints.py" in lines[0]
    for requirement in map(Requirement, windows_python.requirements()):
        name = requirement.name.lower().replace("_", "-")
        assert name in pins and requirement.specifier.contains(pins[name]), (requirement, pins.get(name))
    bat = (ROOT / "Cai-dat-thi-dua.bat").read_text(encoding="utf-8")
    assert '-c "%NGUON%\\constraints.txt" "%NGUON%"' in bat  # the checkout way
    assert '--no-index --find-links "%~dp0wheels" -c "%~dp0constraints.txt"' in bat  # the release
    for twin in ("cai-dat-thi-dua.sh", "Cai-dat-thi-dua.command"):
        assert '-c "$NGUON/constraints.txt"' in (ROOT / twin).read_text(encoding="utf-8")


def test_the_build_environment_is_pinned_to_the_constraints_as_the_tool_writes_it(tmp_path):
    """pip's isolated build environment reads ``[build-system] requires`` and no constraints file: hatchling and its
    dependencies are pinned there, at constraints.txt's versions, in the line tools/pin_constraints.py writes."""
    from packaging.requirements import Requirement

    from tools.pin_constraints import with_build_pins

    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.split("==") for line in lines if not line.startswith("#"))
    build = [Requirement(r) for r in windows_python.build_requirements()]
    assert [r.name for r in build][:1] == ["hatchling"]
    for requirement in build:
        assert str(requirement.specifier) == f"=={pins[requirement.name]}", requirement
        (tmp_path / f"{requirement.name.replace('-', '_')}-{pins[requirement.name]}-py3-none-any.whl").touch()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert with_build_pins(pyproject, tmp_path) == pyproject
    assert with_build_pins(pyproject.replace('"hatchling==', '"hatchling>=', 1), tmp_path) == pyproject


def _both_built(folder: Path) -> None:
    build(ROOT, folder / "this")
    build(_newer_repository(folder / "newer-source"), folder / "newer")


@pytest.fixture(scope="session")
def releases(tmp_path_factory) -> dict[str, Path]:
    """This commit's release and the next one's (:data:`NEWER`), built once a run: their zips."""
    built = once_a_session(tmp_path_factory, "windows-releases", _both_built)
    return {"this": built / "this" / f"{release_name(VERSION)}.zip",
            "newer": built / "newer" / f"{release_name(NEWER)}.zip"}


def _release_installed(folder: Path, made: Path, release: Path) -> None:
    """A copy of the run's machine with no Python, the release ``release`` extracted into a OneDrive-like folder with
    Vietnamese letters and spaces and installed by its Cai-dat-thi-dua.bat, the network cut (her answers: tiểu học, by
    month); what its window showed in ``said.txt``. Its wineserver stopped: each test copies it."""
    env = copy_of(made, folder)
    _without_python(env)
    user = user_folder(Path(env["WINEPREFIX"]))
    download = _extracted(release, user / "OneDrive" / "Tài liệu" / "Tải về thi đua")
    said = _double_click(env, download / "Cai-dat-thi-dua.bat", "2\n1\n\n")
    (folder / "said.txt").write_text(said, encoding="utf-8")
    put_away(env)


@pytest.fixture
def release_installed(windows_made, releases, tmp_path_factory, tmp_path):
    """A machine of the test's own where this commit's release was installed from its download with no Python and no
    network (:func:`_release_installed`, once a run): its environment, the download's folder and what the installer's
    window showed."""
    made = once_a_session(tmp_path_factory, "windows-release-installed",
                          lambda folder: _release_installed(folder, windows_made, releases["this"]))
    env = copy_of(made, tmp_path / "machine")
    download = user_folder(Path(env["WINEPREFIX"])) / "OneDrive" / "Tài liệu" / "Tải về thi đua" / releases["this"].stem
    yield env, download, (made / "said.txt").read_text(encoding="utf-8")
    stopped(env)


def _newer_repository(folder: Path) -> Path:
    """A repository whose one commit is this HEAD's with the version raised to :data:`NEWER` (the next release)."""
    tree = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tree)) as tar:
        tar.extractall(folder, filter="data")
    releases = folder / "thidua_xlsx" / "text" / "releases.py"
    releases.write_text(releases.read_text(encoding="utf-8").replace(f'VERSION = "{VERSION}"', f'VERSION = "{NEWER}"'),
                        encoding="utf-8")
    for words in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v"]):
        subprocess.run(["git", "-C", str(folder), *words], check=True, capture_output=True)
    return folder


def _extracted(zip_path: Path, into: Path) -> Path:
    """The release extracted into ``into``, with Wine 8's gaps closed in its Python (tests/windows.py), never the
    product's: the DLL Wine lacks, and the .pth that keeps CPython from asking WMI."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    folder = into / zip_path.stem
    shutil.copy2(fetched()["dll"], folder / "python" / "bcryptprimitives.dll")
    (folder / "python" / "Lib" / "site-packages" / "thidua-wine.pth").write_text(SHIM, encoding="ascii")
    return folder


def _without_python(env: dict[str, str]) -> None:
    """The machine as a school's PC with no Python: python.org's folder, its PATH entry and pip's settings gone."""
    user = user_folder(Path(env["WINEPREFIX"]))
    shutil.rmtree(user / "AppData" / "Local" / "Programs" / "Python")
    (user / "AppData" / "Roaming" / "pip" / "pip.ini").unlink()
    subprocess.run(["wine", "reg", "delete", r"HKCU\Environment", "/v", "Path", "/f"], env=env, capture_output=True,
                   timeout=120, stdin=subprocess.DEVNULL, check=True)


def _double_click(env: dict[str, str], bat: Path, answers: str, path: tuple[Path, ...] = ()) -> str:
    """What the window showed (as Windows shows it), the network cut; ``path``: the user's PATH (none: no Python)."""
    ran = cmd(env, bat, answers=answers, path=path, powershell=False, extra=NO_NETWORK, seconds=600)
    return "\n".join(as_windows_shows(line) for line in ran.said.splitlines())


@pytest.mark.windows
@pytest.mark.alone
@pytest.mark.long(360)  # a build, the install (once a run, shared), a merge, a page and an update on Wine
def test_the_release_installs_with_no_python_and_no_network_updates_and_uninstalls_keeping_the_campaign(
        release_installed, releases, tmp_path):
    env, download, said = release_installed  # extracted into OneDrive\Tài liệu, installed with "2\n1\n\n" typed
    first = build(ROOT, tmp_path / "dist")
    assert first.zip.name == f"{release_name(VERSION)}.zip" and first.size < 60e6
    assert (tmp_path / "dist" / f"{first.zip.name}.sha256").read_text() == f"{first.sha256}  {first.zip.name}\n"
    # the same commit, the same bytes: those installed (compared by digest: a diff of two 34 MB zips takes minutes)
    assert hashlib.sha256(releases["this"].read_bytes()).hexdigest() == first.sha256
    with zipfile.ZipFile(first.zip) as archive:  # the wheels the program runs with, none that only builds it
        shipped = {name.rpartition("/")[2] for name in archive.namelist() if "/wheels/" in name}
    assert shipped == {wheel.name for wheel in windows_python.runtime_wheels()} | {
        f"thidua_xlsx-{VERSION}-py3-none-any.whl"} and not any(name.startswith("hatchling") for name in shipped)
    user = user_folder(Path(env["WINEPREFIX"]))
    # A long account name's AppData\Local\thidua-xlsx\python\ plus the longest path the install lays: under 260.
    assert len(r"C:\Users\%s\AppData\Local\thidua-xlsx\python\%s" % ("x" * 64, first.longest)) < 260
    campaign = user / "Documents" / "Thi-dua"
    memory = local_app_data(env) / "thidua-xlsx"
    installed = memory / "python" / "python.exe"

    assert "[1/5] Dùng Python đi kèm bản tải về này: không cần cài Python, không cần mạng Internet." in said, said
    assert "[3/5] Cài chương trình từ bản tải về này (không cần mạng Internet)..." in said
    assert f"      Xong: thidua-xlsx {VERSION}" in said.splitlines(), said
    assert "      Đã tạo chiến dịch: trường tiểu học, chấm theo tháng." in said
    log = (memory / "cai-dat.log").read_text(encoding="utf-8", errors="replace")
    assert "Looking in links:" in log and "Looking in indexes" not in log and "Downloading" not in log, log
    assert "Successfully installed" in log and f"thidua-xlsx-{VERSION}" in log
    launcher = (campaign / "Mo-trang-thi-dua.bat").read_text(encoding="utf-8")
    assert r'\AppData\Local\thidua-xlsx\python\python.exe" -m thidua_xlsx ui "%~dp0."' in launcher, launcher

    # The try-it: the samples the download carries, merged by what was installed.
    shutil.copytree(download / "samples", tmp_path / "thu-mau")
    merged = run(env, [windows_path(installed), "-m", "thidua_xlsx", "merge", "thu-mau\\inbox"], cwd=tmp_path,
                 extra=NO_NETWORK)
    assert merged.code == 0 and (tmp_path / "thu-mau" / "tong-hop_cham-diem.xlsx").is_file(), merged.out
    title = page_opened(env, campaign / "Mo-trang-thi-dua.bat", stand_in(tmp_path / "trinh-duyet", "browser.exe"))
    assert title.endswith("(MẪU) – thidua-xlsx"), title  # the new campaign's sample school
    (campaign / "inbox" / "so-cua-to.xlsx").write_bytes(b"PK so cua to")  # a book a department sent meanwhile
    kept = {k: v for k, v in digests(campaign).items() if "Mo-trang" not in k}

    # The next release, extracted beside the first: an update, the versions said from what is installed.
    updated = _double_click(env, _extracted(releases["newer"], user / "Downloads") / "Cai-dat-thi-dua.bat", "\n")

    assert f"      Xong: thidua-xlsx {VERSION} → {NEWER} (những gì thay đổi: CHANGELOG.md trong thư mục này)" in \
        updated.splitlines(), updated
    assert "[4/5] Thư mục đã có chiến dịch: giữ nguyên mọi sổ" in updated
    assert {k: v for k, v in digests(campaign).items() if "Mo-trang" not in k} == kept
    version = run(env, [windows_path(installed), "-m", "thidua_xlsx", "--version"], cwd=tmp_path)
    assert version.out.strip() == f"thidua-xlsx {NEWER}", version.out
    assert not (memory / "python-cu").exists()

    gone = _double_click(env, download / "Go-cai-dat-thi-dua.bat", "c\n\n")

    assert "- Đã gỡ chương trình và Python đi kèm." in gone, gone
    assert not memory.exists()
    assert {k: v for k, v in digests(campaign).items() if "Mo-trang" not in k} == kept
    stopped(env)


@pytest.mark.windows
@pytest.mark.alone
@pytest.mark.long(200)  # an install of the release on Wine
@pytest.mark.parametrize("installed, release, said", [
    (VERSION, "newer", f"{VERSION} → {NEWER}"),  # today's install, the checkout way (README: pip install .)
    ("0.1.0", "this", f"một bản trước 0.8.0 → {VERSION}"),  # every release before 0.8.0 called itself 0.1.0
])
def test_the_release_over_a_checkout_way_install_names_the_version_it_came_from(windows_installed_alone, releases,
                                                                                 tmp_path, installed, release, said):
    env = windows_installed_alone
    releases_py = python_folder(env) / "Lib" / "site-packages" / "thidua_xlsx" / "text" / "releases.py"
    text = releases_py.read_text(encoding="utf-8").replace(f'VERSION = "{VERSION}"', f'VERSION = "{installed}"')
    releases_py.unlink()  # linked to the run's machine: this one's own file instead
    releases_py.write_text(text, encoding="utf-8")
    download = _extracted(releases[release], tmp_path / "Tải về")

    python = python_folder(env)  # on her PATH, as "Add python.exe to PATH" puts it
    updated = _double_click(env, download / "Cai-dat-thi-dua.bat", "2\n1\n\n", path=(python / "Scripts", python))

    assert "[1/5] Dùng Python đi kèm bản tải về này: không cần cài Python, không cần mạng Internet." in updated
    assert f"      Xong: thidua-xlsx {said} (những gì thay đổi: CHANGELOG.md trong thư mục này)" in \
        updated.splitlines(), updated
    if installed != VERSION:  # what changed since, for a school and a commune, what to do first: said by the program
        lines = updated.splitlines()
        heading = rx.UPDATED_INSTALLER.format(before=rx.UPDATED_BEFORE_0_8, after=VERSION)
        assert heading in lines, updated
        first = lines[lines.index(heading) + 1]
        assert first.startswith("– ") and ": " + rx.TODO in first, first


@pytest.mark.windows
@pytest.mark.alone
@pytest.mark.long(120)  # a failed update of the release on Wine (the install: once a run, shared)
def test_a_half_finished_update_leaves_the_previous_install_working_and_says_so(release_installed, releases,
                                                                                 tmp_path):
    env, _download, _said = release_installed
    installed = local_app_data(env) / "thidua-xlsx" / "python"
    newer = _extracted(releases["newer"], tmp_path / "ban-moi")
    [wheel] = (newer / "wheels").glob("thidua_xlsx-*.whl")
    wheel.write_bytes(wheel.read_bytes()[:4096])  # cut short, as a full disk or an antivirus leaves a file

    said = _double_click(env, newer / "Cai-dat-thi-dua.bat", "\n")

    assert "      Chưa cài được bản mới (ổ đĩa đầy, hoặc phần mềm diệt virus chặn một tệp): vẫn dùng bản đã cài." in \
        said.splitlines(), said
    assert f"      Xong: thidua-xlsx {VERSION}" in said.splitlines()
    version = run(env, [windows_path(installed / "python.exe"), "-m", "thidua_xlsx", "--version"], cwd=tmp_path)
    assert version.code == 0 and version.out.strip() == f"thidua-xlsx {VERSION}", version.out
    assert not installed.with_name("python-cu").exists()
