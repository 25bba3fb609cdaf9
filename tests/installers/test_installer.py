"""The installer a secretary double-clicks: ``Cai-dat-thi-dua.bat`` for Windows and its twins
``Cai-dat-thi-dua.command`` (macOS) and ``cai-dat-thi-dua.sh`` (Linux), one text, beside the README.

The POSIX twin runs for real (marked ``installer``): from a copy of the checkout, with HOME, XDG_DATA_HOME and
XDG_DESKTOP_DIR inside tmp_path and THIDUA_THU_MUC. It makes its own venv and installs the tool into it with its
dependencies from the package index, as on the secretary's machine — no ``--system-site-packages``, no
``--no-deps``: what is tested is what she gets; pip's cache of whoever runs the tests is lent to it. Its runs are one
journey, since a venv and a pip install are its costly steps (seconds of CPU each) and each behaviour needs them only
once: a first install offline (nothing pip could fetch from) leaves nothing; the next, online and asked (her answers on
its input), installs, makes the campaign and the shortcut and opens the page; run again on a newer source it updates,
keeps the campaign, rewrites the one shortcut; run as on macOS (``uname`` answering Darwin) it writes the macOS
shortcut; offline, a re-run of the same source needs nothing and a newer one keeps the installed program. A Python
missing or too old, and the installer outside its folder, are said in Vietnamese.

The .bat runs under Wine's cmd where Wine can reach (tests/installers/test_installers_under_wine.py: no Python, no
PowerShell, the questions); everywhere else — pip failing or not, a Python too old, the dialog, the shortcut — its
control flow is walked by a small reader of the cmd lines it uses (goto, call, if, set, set /p, for), so that "init
only without a campaign book", "offline keeps the program" and "no pause in tests" are checked as paths through the
file, not as words in it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thidua_xlsx import __version__
from thidua_xlsx.text.ui import LAUNCHER_STEM

ROOT = Path(__file__).resolve().parents[2]
BAT = ROOT / "Cai-dat-thi-dua.bat"
COMMAND = ROOT / "Cai-dat-thi-dua.command"
SH = ROOT / "cai-dat-thi-dua.sh"
LAUNCHERS = {f"{LAUNCHER_STEM}{suffix}" for suffix in (".bat", ".command", ".sh")}
# What the installer may never print: a command for her to type.
COMMAND_LINE = re.compile(r"thidua-xlsx (?:ui|init|merge|generate|--)|-m thidua_xlsx|pip install|python3? -m|\bpy -"
                          r"|\bsudo\b|apt(?:-get)? install")
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".*_cache", "samples",
                                    "tests", "benchmarks", "out", "camp")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the POSIX twin runs on macOS and Linux")
# No network: no index, no folder of wheels, no configuration file naming one, pip's cache unused — nothing pip
# could fetch a package from (what a school without Internet gets).
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": os.devnull, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_CACHE_DIR": "1"}


# --- the POSIX twin, run ----------------------------------------------------------------------------------------------


def _checkout_copy(tmp_path: Path) -> Path:
    """The folder she downloaded: the package, its presets, pyproject.toml, the README and the installers."""
    source = tmp_path / "thidua-xlsx"
    shutil.copytree(ROOT, source, ignore=NOT_COPIED, symlinks=True)
    return source


def _pip_settings_of_the_tester() -> dict[str, str]:
    """pip's cache (and configuration file) of whoever runs the tests: HOME moves into tmp_path, pip's index and
    cache should not."""
    cache = os.environ.get("PIP_CACHE_DIR") or str(
        Path.home() / "Library" / "Caches" / "pip" if sys.platform == "darwin"
        else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip")
    settings = {"PIP_CACHE_DIR": cache}
    config = [p for p in (Path.home() / ".config" / "pip" / "pip.conf", Path.home() / ".pip" / "pip.conf")
              if p.is_file()]
    if config and "PIP_CONFIG_FILE" not in os.environ and "XDG_CONFIG_HOME" not in os.environ:
        settings["PIP_CONFIG_FILE"] = str(config[0])
    return settings


def _environment(tmp_path: Path, home: Path, folder: Path | None, path: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "VIRTUAL_ENV", "PYTHONPATH",
                        "PYTHONHOME", "PIP_USER", "PIP_REQUIRE_VIRTUALENV")}
    env.update(_pip_settings_of_the_tester())
    env.update(HOME=str(home), XDG_DATA_HOME=str(tmp_path / "data"), XDG_DESKTOP_DIR=str(tmp_path / "Màn hình nền"),
               THIDUA_KHONG_HOI="1")
    if folder is not None:
        env["THIDUA_THU_MUC"] = str(folder)
    if path is not None:
        env["PATH"] = path
    return env


def _run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(script)], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=900, cwd=env["HOME"])


def _desktop_exec(text: str) -> list[str]:
    """The argv of a desktop entry's Exec line as the Desktop Entry Specification reads it: the string value's
    escapes first (``\\\\`` a backslash), then arguments in double quotes with ``\\"`` ``\\``` ``\\$`` ``\\\\``
    escaped, and ``%%`` a percent sign."""
    value = next(line for line in text.splitlines() if line.startswith("Exec="))[len("Exec="):]
    value = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(m[1], m[0]), value)
    argv, word, quoted, escaped, started = [], "", False, False, False
    for char in value:
        if escaped:
            word, escaped = word + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started or word:
                argv.append(word)
            word, started = "", False
        else:
            word += char
    if started or word:
        argv.append(word)
    return [arg.replace("%%", "%") for arg in argv]


def _no_command_for_her(output: str) -> None:
    assert not COMMAND_LINE.search(output), output


@posix_only
@pytest.mark.installer
def test_the_posix_installer_fails_offline_then_asks_installs_opens_the_page_updates_keeps_offline_and_as_on_macos(
        tmp_path):
    """One journey through her first install and its re-runs: a venv and a pip install cost seconds each, so the
    behaviours share them — a venv made twice (the first install offline, which leaves nothing, then online), pip
    installing twice (the install, then the update); the runs as on macOS and offline on the same source need none."""
    from tests.processes import lines_until

    source = _checkout_copy(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    folder = tmp_path / "Thi đua 2026 – tổ 'A' $1 100%"  # quoted through the shortcut's Exec line
    venv = tmp_path / "data" / "thidua-xlsx" / "venv"
    tool = venv / "bin" / "thidua-xlsx"
    desktop = tmp_path / "Màn hình nền"

    # A first install offline: nothing installed, nothing left, and the next run installs anew (it does not "update").
    failed = _run(source / SH.name, {**_environment(tmp_path, home, folder), **OFFLINE})

    assert failed.returncode == 1, failed.stdout + failed.stderr
    _no_command_for_her(failed.stdout)
    assert "[3/5] Cài chương trình cho người dùng này" in failed.stdout and "Cập nhật" not in failed.stdout
    assert "Không cài được chương trình: máy không vào được mạng Internet, hoặc mạng của trường cần proxy" in \
        failed.stdout and "Cài đặt và chạy thử" in failed.stdout
    assert not re.search(r"Traceback|ERROR|error:", failed.stdout + failed.stderr)
    assert not venv.exists() and not (folder / "campaign.xlsx").exists()

    # Online, asked as she is: the level has no default (Enter, or a number not listed, asks again); how the school
    # scores takes Enter as "by month" — here 2, by quarter. Then the page of the new campaign opens in this window.
    env = {k: v for k, v in _environment(tmp_path, home, folder).items() if k != "THIDUA_KHONG_HOI"}
    started = subprocess.Popen([str(source / SH.name)], env={**env, "BROWSER": "true"}, cwd=home, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               encoding="utf-8")
    try:
        assert started.stdin is not None and started.stdout is not None
        started.stdin.write("\n7\n3\n2\n")
        started.stdin.close()
        said = "".join(lines_until(started.stdout, lambda line: "/?token=" in line, seconds=600))
    finally:
        started.terminate()
        started.wait(timeout=30)
        started.stdout.close()

    _no_command_for_her(said.replace("/?token=", ""))
    assert "[3/5] Cài chương trình cho người dùng này" in said and "Cập nhật" not in said
    assert said.count("Gõ số rồi nhấn Enter: ") == 3 and '"7" không phải một trong các số trên.' in said
    assert "3. Trường trung học cơ sở (THCS)" in said and "Gõ số rồi nhấn Enter (chỉ nhấn Enter: 1): " in said
    assert "1. Theo tháng (Nghị định 233/2026, từ năm học 2026-2027)" in said
    assert "[5/5]" in said and "Tạo chiến dịch mới" in said and "Đã tạo chiến dịch: trường THCS, chấm theo quý." in said
    assert "XONG" in said and "Trang thi đua đang mở trong trình duyệt" in said and "http://127.0.0.1:" in said
    from thidua_xlsx.read.campaign_book import load_campaign_book

    assert (folder / "campaign.xlsx").is_file()
    campaign, _ = load_campaign_book(folder / "campaign.xlsx")
    assert campaign is not None and campaign.level == "thcs" and [p.code for p in campaign.periods] == \
        ["quy-1", "quy-2", "quy-3"]
    assert (venv / "pyvenv.cfg").read_text().count("include-system-site-packages = false") == 1  # her own venv
    version = subprocess.run([str(tool), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"thidua-xlsx {__version__}"
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import thidua_xlsx; print(thidua_xlsx.__file__)"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path).stdout.strip()
    assert Path(where).is_relative_to(venv), where  # installed into the venv, not run from the checkout
    # Every file of the package and of its presets installed (a folder the build missed works in a checkout only).
    shipped = {f"thidua_xlsx/{p.relative_to(source / 'thidua_xlsx')}" for p in (source / "thidua_xlsx").rglob("*")
               if p.is_file()} | {f"thidua_xlsx/presets/{p.relative_to(source / 'workbook_templates')}"
                                  for p in (source / "workbook_templates").rglob("*") if p.is_file()}
    site = Path(where).parents[1]
    assert {f"{p.relative_to(site)}" for p in (site / "thidua_xlsx").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts} == shipped - {"thidua_xlsx/presets/SCHEMA.md"}
    assert LAUNCHERS <= {p.name for p in folder.iterdir()}
    assert f"PYTHON='{venv}/bin/python'" in (folder / f"{LAUNCHER_STEM}.sh").read_text(encoding="utf-8")

    assert [p.name for p in desktop.iterdir()] == ["thi-dua.desktop"]
    shortcut = (desktop / "thi-dua.desktop").read_text(encoding="utf-8")
    assert shortcut.startswith("[Desktop Entry]\n") and "\nName=Thi đua\n" in shortcut
    assert "\nTerminal=true\n" in shortcut and "\nType=Application\n" in shortcut
    assert _desktop_exec(shortcut) == [str(tool), "ui", str(folder)]
    assert os.access(desktop / "thi-dua.desktop", os.X_OK)
    assert (tmp_path / "data" / "applications" / "thi-dua.desktop").read_text(encoding="utf-8") == shortcut

    # Run again, on a newer source: the tool is updated; the campaign kept, its launchers renewed; one shortcut.
    mark = "# cập nhật của bài kiểm thử trình cài đặt\n"
    with (source / "thidua_xlsx" / "__init__.py").open("a", encoding="utf-8") as init:
        init.write(mark)
    book = folder / "campaign.xlsx"
    before = (book.read_bytes(), book.stat().st_mtime_ns)
    (folder / f"{LAUNCHER_STEM}.sh").unlink()

    second = _run(source / SH.name, _environment(tmp_path, home, folder))

    assert second.returncode == 0, second.stdout + second.stderr
    _no_command_for_her(second.stdout)
    assert "Cập nhật chương trình" in second.stdout and "đã có chiến dịch" in second.stdout
    assert "Tạo chiến dịch mới" not in second.stdout
    installed = Path(where).read_text(encoding="utf-8")
    assert installed.endswith(mark)  # the update reached the venv
    assert (book.read_bytes(), book.stat().st_mtime_ns) == before  # not init again
    assert LAUNCHERS <= {p.name for p in folder.iterdir()}
    assert [p.name for p in desktop.iterdir()] == ["thi-dua.desktop"]
    assert (desktop / "thi-dua.desktop").read_text(encoding="utf-8") == shortcut
    assert [p.name for p in (tmp_path / "data" / "applications").iterdir()] == ["thi-dua.desktop"]

    # As on macOS (uname answers Darwin; the .command twin), on the source installed: "Thi đua.command" on ~/Desktop
    # runs the tool's ui.
    fake = tmp_path / "as-macos"
    fake.mkdir()
    (fake / "uname").write_text("#!/bin/sh\necho Darwin\n")
    (fake / "uname").chmod(0o755)
    mac_home, mac_folder = tmp_path / "mac-home", tmp_path / "Thi đua mac 'B' $2"
    mac_home.mkdir()
    shutil.copyfile(source / SH.name, source / COMMAND.name)
    (source / COMMAND.name).chmod(0o755)
    linux_shortcut = (desktop / "thi-dua.desktop").stat().st_mtime_ns

    mac = _run(source / COMMAND.name, _environment(tmp_path, mac_home, mac_folder,
                                                  path=f"{fake}{os.pathsep}{os.environ['PATH']}"))

    assert mac.returncode == 0, mac.stdout + mac.stderr
    _no_command_for_her(mac.stdout)
    assert "đã cài đúng bản trong thư mục này: không cần cài lại" in mac.stdout
    assert (mac_folder / "campaign.xlsx").is_file()
    mac_shortcut = mac_home / "Desktop" / "Thi đua.command"
    assert [p.name for p in (mac_home / "Desktop").iterdir()] == [mac_shortcut.name]
    assert os.access(mac_shortcut, os.X_OK)
    text = mac_shortcut.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n") and 'exec "$CHUONG_TRINH" ui ' in text
    echoed = text.replace('exec "$CHUONG_TRINH" ui', 'exec printf "%s\\n" "$CHUONG_TRINH" ui')  # its argv, shown
    shown = subprocess.run(["sh", "-c", echoed, "sh"], capture_output=True, text=True, timeout=60)
    assert shown.stdout.splitlines() == [str(tool), "ui", str(mac_folder)]
    assert [p.name for p in desktop.iterdir()] == ["thi-dua.desktop"]  # the Linux desktop untouched
    assert (desktop / "thi-dua.desktop").stat().st_mtime_ns == linux_shortcut

    # Run again on the same source with no network: nothing to fetch, so nothing fetched.
    third = _run(source / SH.name, {**_environment(tmp_path, home, folder), **OFFLINE})

    assert third.returncode == 0, third.stdout + third.stderr
    assert "đã cài đúng bản trong thư mục này: không cần cài lại" in third.stdout and "Cập nhật" not in third.stdout

    # A newer source and no network: the program installed is kept and said so in Vietnamese, and the launchers and
    # the shortcut are still renewed.
    with (source / "thidua_xlsx" / "__init__.py").open("a", encoding="utf-8") as init:
        init.write("# bản mới hơn, chưa tải được\n")
    (folder / f"{LAUNCHER_STEM}.sh").unlink()
    (desktop / "thi-dua.desktop").unlink()

    offline = _run(source / SH.name, {**_environment(tmp_path, home, folder), **OFFLINE})

    assert offline.returncode == 0, offline.stdout + offline.stderr
    _no_command_for_her(offline.stdout)
    assert "Chưa cập nhật được (máy không vào được mạng Internet, hoặc mạng của trường cần proxy): vẫn dùng bản đã " \
        "cài." in offline.stdout
    assert not re.search(r"Traceback|ERROR|error:", offline.stdout + offline.stderr)  # pip's words in its log only
    assert installed.endswith(mark) and Path(where).read_text(encoding="utf-8") == installed  # kept as it was
    assert (folder / f"{LAUNCHER_STEM}.sh").is_file() and (desktop / "thi-dua.desktop").read_text() == shortcut
    assert "XONG" in offline.stdout


@posix_only
def test_no_python_is_said_in_vietnamese_with_the_way_to_install_it(tmp_path):
    empty = tmp_path / "bin"  # a PATH without any python3: the real look-up finds none
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()

    found = _run(SH, _environment(tmp_path, home, tmp_path / "Thi-dua", path=str(empty)))

    assert found.returncode == 1
    _no_command_for_her(found.stdout)
    assert "chưa có Python 3.10 trở lên" in found.stdout
    assert "https://www.python.org/downloads/" in found.stdout and "bấm đúp lại tệp cài đặt này" in found.stdout
    assert not (tmp_path / "data").exists() and not (tmp_path / "Thi-dua").exists()  # nothing done


@posix_only
def test_a_python_too_old_is_named(tmp_path):
    old = tmp_path / "bin"
    old.mkdir()
    (old / "python3").write_text("#!/bin/sh\necho 3.9\nexit 1\n")  # answers as a Python 3.9 does to the check
    (old / "python3").chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()

    found = _run(SH, _environment(tmp_path, home, tmp_path / "Thi-dua", path=str(old)))

    assert found.returncode == 1
    assert "Máy có Python 3.9, nhưng chương trình cần Python 3.10 trở lên." in found.stdout
    assert "https://www.python.org/downloads/" in found.stdout


@posix_only
def test_the_installer_away_from_its_folder_says_to_unpack_the_download(tmp_path):
    alone = tmp_path / "Downloads"
    alone.mkdir()
    shutil.copy2(SH, alone / SH.name)
    home = tmp_path / "home"
    home.mkdir()

    found = _run(alone / SH.name, _environment(tmp_path, home, tmp_path / "Thi-dua"))

    assert found.returncode == 1
    assert "giải nén" in found.stdout and not (tmp_path / "data").exists()


def test_the_posix_twins_are_one_text_executable_and_parse():
    assert COMMAND.read_bytes() == SH.read_bytes(), f"{COMMAND.name} and {SH.name} differ: copy one onto the other"
    text = SH.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/sh\n") and "\r" not in text
    if sys.platform != "win32":
        assert os.access(SH, os.X_OK) and os.access(COMMAND, os.X_OK)
        assert subprocess.run(["sh", "-n", str(SH)], capture_output=True).returncode == 0
    head = text.split("\nset -u\n", 1)[0]
    assert "THIDUA_THU_MUC=" in head and "THIDUA_KHONG_HOI=1" in head  # named at the top


# --- the .bat, read ---------------------------------------------------------------------------------------------------


def _bat_lines() -> list[str]:
    raw = BAT.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "a BOM: cmd would read it as part of the first command"
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF, as cmd reads"
    lines = raw.decode("utf-8").split("\r\n")[:-1]
    joined: list[str] = []  # a command continued on the next line by ^ is one command
    for line in lines:
        if joined and joined[-1].endswith(" ^"):
            joined[-1] = joined[-1][:-1] + line.strip()
        else:
            joined.append(line)
    return joined


def _expand(text: str, variables: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        value = variables.get(m[1], "")
        if m[2] is not None:  # %NAME:~start[,length]%
            start = int(m[2])
            value = value[start:] if m[3] is None else value[start:start + int(m[3])]
        elif m[4] is not None:  # %NAME:old=new%, old matched whatever its case
            value = re.sub(re.escape(m[4]), lambda _: m[5], value, flags=re.IGNORECASE)
        return value

    return re.sub(r'%([A-Za-z_]\w*)(?::~(-?\d+)(?:,(-?\d+))?|:([^=%]+)=([^%]*))?%', one, text)


def _walk(env: dict[str, str], exists=lambda path: False, fails=lambda command: False, answers: tuple[str, ...] = (),
          output=lambda command: None) -> tuple[list[str], int]:
    """The commands the .bat runs, in order, and its exit code: cmd's goto, call (its arguments %~1, %~2), exit /b, if
    (defined, exist, errorlevel, "a"=="b", each with not), set "NAME=value", set /p "NAME=prompt" (the next of
    ``answers``; none left: unset, as at the end of input), for %%P in (x.exe) do if not "%%~$PATH:P"=="" set
    "NAME=1" (unless ``fails("where x.exe")``), set /p NAME=<"file" and for /f … in ('command') do set
    "NAME=%%V" (NAME set to ``output("<file")``, ``output(command)``, unless None), over the process environment
    ``env``; ``exists(path)`` answers if exist, ``fails(command)`` whether a command sets errorlevel 1. A condition
    this reader does not know fails the test (the .bat changed: teach it here)."""
    lines = _bat_lines()
    labels = {line[1:].split()[0].lower(): i for i, line in enumerate(lines) if re.match(r":\w", line)}
    variables = dict(env)
    ran: list[str] = []
    stack: list[tuple[int, list[str]]] = []
    arguments: list[str] = []
    typed = list(answers)
    i, last = 0, ""

    def expand(text: str) -> str:
        text = re.sub(r"%~(\d)", lambda m: arguments[int(m[1]) - 1] if int(m[1]) <= len(arguments) else "", text)
        return _expand(text, variables)

    def holds(condition: str) -> bool:
        negate = condition.startswith("not ")
        condition = condition[4:] if negate else condition
        if m := re.fullmatch(r"defined (\w+)", condition):
            result = bool(variables.get(m[1]))
        elif m := re.fullmatch(r'exist "(.*)"', condition):
            result = exists(expand(m[1]))
        elif condition == "errorlevel 1":
            result = last == "exit /b 1" or fails(last)
        elif m := re.fullmatch(r'"(.*)"=="(.*)"', condition):
            result = expand(m[1]) == expand(m[2])
        else:
            raise AssertionError(f"the .bat walker does not know the condition: if {condition}")
        return result != negate

    for _ in range(10_000):
        line = lines[i].strip()
        i += 1
        if not line or line.startswith(":") or line.lower().startswith("rem ") or line.lower() == "rem":
            continue
        if m := re.fullmatch(r'if ((?:not )?(?:defined \w+|errorlevel \d+|exist "[^"]*"|"[^"]*"=="[^"]*")) (.+)', line):
            if not holds(m[1]):
                continue
            line = m[2]
        if m := re.fullmatch(r"goto :?(\w+)", line):
            if m[1].lower() == "eof":
                line = "exit /b 0"
            else:
                i = labels[m[1].lower()] + 1
                continue
        if m := re.fullmatch(r"call :(\w+)(.*)", line):
            stack.append((i, arguments))
            arguments = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', expand(m[2]))]
            i = labels[m[1].lower()] + 1
            continue
        if m := re.fullmatch(r"exit /b (\d+)", line):
            last = f"exit /b {m[1]}"  # the caller's "if errorlevel 1" asks whether this was exit /b 1
            if stack:
                i, arguments = stack.pop()
                continue
            return ran, int(m[1])
        if m := re.fullmatch(r'set "(\w+)=(.*)"', line):
            variables[m[1]] = expand(m[2])
        if m := re.fullmatch(r'for %%(\w) in \((\S+)\) do if not "%%~\$PATH:\1"=="" set "(\w+)=1"', line):
            if not fails(f"where {m[2]}"):  # found on the PATH unless told it is not
                variables[m[3]] = "1"
        if m := re.fullmatch(r'(?:if exist "[^"]*" )?set /p (\w+)=<"(.*)"', line):
            if (said := output("<" + expand(m[2]))) is not None:
                variables[m[1]] = said
        if m := re.fullmatch(r'set /p "(\w+)=.*"', line):
            if typed:
                variables[m[1]] = typed.pop(0)
            else:
                variables.pop(m[1], None)
        if m := re.fullmatch(r'for /f "[^"]*" %%\w in \([\'`](.*)[\'`]\) do set "(\w+)=%%\w"', line):
            if (said := output(m[1])) is not None:
                variables[m[2]] = said
        ran.append(line)
        last = line
    raise AssertionError("the .bat walker went round in circles")


def _ran(commands: list[str], pattern: str) -> list[int]:
    return [n for n, command in enumerate(commands) if re.search(pattern, command)]


PY3_CHECK, PYTHON_CHECK = r"^py -3 -c .*\(3, 10\)", r"^python -c .*\(3, 10\)"
DIALOG, PIP = r"^for /f .*powershell .*System\.Windows\.Forms\.FolderBrowserDialog", r"-m pip install --user --upgrade"
INIT, LAUNCHERS_RENEWED = r"^%PY% -m thidua_xlsx init \"%THU_MUC%\"", r"write_launchers\(Path\(sys\.argv\[1\]\)\)"
SHORTCUT, PAUSE = r"^powershell .*WScript\.Shell", r"^pause\b"
QUIET = {"THIDUA_KHONG_HOI": "1", "THIDUA_THU_MUC": r"D:\Thi-dua", "USERPROFILE": r"C:\Users\thuky"}
HOME = r"C:\Users\thuky"


def _in_the_folder(*names: str):
    """``if exist`` in the installer's folder and a campaign folder (any folder, the launcher, and ``names``)."""
    return lambda path: path.endswith(("\\", "pyproject.toml", f"{LAUNCHER_STEM}.bat", *names))


def test_the_bat_is_utf8_with_crlf_and_ascii_until_chcp_65001():
    lines = _bat_lines()
    chcp = next(n for n, line in enumerate(lines) if line.strip() == "chcp 65001 >nul")
    assert all(line.isascii() for line in lines[: chcp + 1]), "cmd reads the lines before chcp in the OEM code page"
    assert not any(line.lower().startswith("echo") for line in lines[:chcp])
    assert lines[0] == "@echo off"
    rems = [line for line in lines if line.lower().startswith("rem")]
    assert not [line for line in rems if "%" in line], "cmd expands % even in a rem line (and %~ there is an error)"
    head = "\n".join(lines[:chcp])
    assert "THIDUA_THU_MUC=" in head and "THIDUA_KHONG_HOI=1" in head  # named at the top
    assert any(not line.isascii() for line in lines[chcp + 1:])  # the Vietnamese is after it


def test_the_bat_finds_python_with_py_3_then_python_and_else_says_how_to_install_it():
    found, code = _walk(QUIET, exists=_in_the_folder(), fails=lambda command: bool(re.match(PY3_CHECK, command)))
    assert code == 0 and _ran(found, PY3_CHECK) < _ran(found, PYTHON_CHECK) < _ran(found, PIP)

    with_py, _ = _walk(QUIET, exists=_in_the_folder())
    assert _ran(with_py, PY3_CHECK) and not _ran(with_py, PYTHON_CHECK)  # py -3 answered: python not asked

    none, code = _walk(QUIET, exists=_in_the_folder(), fails=lambda command: bool(re.match(r"^py|^python", command)))
    assert code == 1 and not _ran(none, PIP) and not _ran(none, INIT)
    advice = "\n".join(command[5:] for command in none if command.startswith("echo "))
    assert "https://www.python.org/downloads/" in advice and '"Add python.exe to PATH"' in advice
    assert "ĐÁNH DẤU" in advice and "Install Now" in advice and "bấm đúp lại tệp Cai-dat-thi-dua.bat" in advice
    assert not _ran(none, PAUSE)  # THIDUA_KHONG_HOI: no pause, even when it stops

    asked, _ = _walk({"USERPROFILE": HOME}, exists=_in_the_folder(), fails=lambda c: bool(re.match(r"^py|^python", c)))
    assert _ran(asked, PAUSE) and _ran(asked, r'^start "" "https://www\.python\.org/downloads/"')


def test_the_bat_installs_its_own_folder_for_the_user_with_pip_upgrade():
    lines = _bat_lines()
    assert 'set "NGUON=%~dp0."' in lines  # "%~dp0" would end in \" : the quote escaped for the program it runs
    found, code = _walk(QUIET, exists=_in_the_folder())
    pip = [found[n] for n in _ran(found, PIP)]
    assert code == 0 and len(pip) == 1
    assert pip[0].startswith("%PY% -m pip install --user --upgrade ")
    assert pip[0].endswith(' "%NGUON%" >"%NHAT_KY%" 2>&1')  # pip's English in its log, not on her screen


def test_the_bat_asks_for_the_folder_in_a_dialog_unless_told_it():
    asked, code = _walk({"USERPROFILE": HOME}, exists=_in_the_folder(), answers=("2", ""))
    dialog = [asked[n] for n in _ran(asked, DIALOG)]
    assert code == 0 and len(dialog) == 1 and _ran(asked, DIALOG) < _ran(asked, PIP)
    assert "ShowNewFolderButton = $true" in dialog[0] and "GetFolderPath('MyDocuments')) 'Thi-dua'" in dialog[0]
    assert dialog[0].endswith('do set "THU_MUC=%%D"')
    # Closed, or not let open on a managed PC (nothing chosen): the default, said.
    assert 'set "MAC_DINH=%USERPROFILE%\\Documents\\Thi-dua"' in asked and 'set "THU_MUC=%MAC_DINH%"' in asked
    assert _ran(asked, r"^echo .*máy không cho mở hộp chọn thư mục\): dùng thư mục mặc định")
    assert _ran(asked, PAUSE)[-1] > _ran(asked, SHORTCUT)[0]  # the window waits at the end

    told, _ = _walk({"THIDUA_THU_MUC": r"D:\Thi-dua", "USERPROFILE": HOME}, exists=_in_the_folder())
    assert not _ran(told, DIALOG) and _ran(told, PAUSE)
    quiet, _ = _walk({"THIDUA_KHONG_HOI": "1", "USERPROFILE": HOME}, exists=_in_the_folder())
    assert not _ran(quiet, DIALOG) and not _ran(quiet, PAUSE)
    # At the end the page opens in a window of its own (not in tests), then this window waits to be read.
    opened = _ran(asked, r'^start "Thi đua" "%THU_MUC%\\Mo-trang-thi-dua\.bat"$')
    assert len(opened) == 1 and _ran(asked, SHORTCUT) < opened < _ran(asked, PAUSE)[-1:] and not _ran(quiet, "^start ")
    chosen, _ = _walk({"USERPROFILE": HOME}, exists=_in_the_folder(), answers=("2", ""),
                      output=lambda command: r"E:\Thi dua" if "FolderBrowserDialog" in command else None)
    assert not _ran(chosen, r"máy không cho mở hộp chọn") and _ran(chosen, INIT)


FINGERPRINT, VERSION = r"hashlib\.sha256\(\)", r"^%PY% -m thidua_xlsx --version >nul"
KEPT = "Chưa cập nhật được (máy không vào được mạng Internet, mạng của trường cần proxy"


def test_the_bat_runs_no_pip_when_this_folders_program_is_installed_already():
    def output(command: str) -> str | None:  # this folder's fingerprint; the one the last install wrote
        return "ab12" if re.search(FINGERPRINT, command) else "ab12" if command.endswith("ban-cai.txt") else None

    same, code = _walk(QUIET, exists=_in_the_folder("ban-cai.txt"), output=output)
    assert code == 0 and not _ran(same, PIP) and _ran(same, r"^echo .*không cần cài lại")
    newer, _ = _walk(QUIET, exists=_in_the_folder("ban-cai.txt"),
                     output=lambda command: "cd34" if command.endswith("ban-cai.txt") else output(command))
    assert _ran(newer, PIP) and _ran(newer, r"^echo \[3/5\] Cập nhật") and '>"%BAN_CAI%" echo %VAN_TAY%' in newer
    first, _ = _walk(QUIET, exists=_in_the_folder(), fails=lambda command: bool(re.match(VERSION, command)))
    assert _ran(first, r"^echo \[3/5\] Cài chương trình") and _ran(first, PIP)


def test_the_bat_offline_keeps_the_installed_program_and_renews_launchers_and_shortcut():
    offline, code = _walk(QUIET, exists=_in_the_folder("\\campaign.xlsx"),
                          fails=lambda command: bool(re.search(PIP, command)))
    assert code == 0, offline
    assert [c for c in offline if KEPT in c] and _ran(offline, LAUNCHERS_RENEWED) and _ran(offline, SHORTCUT)
    assert _ran(offline, r"^echo .*Chi tiết kỹ thuật cho người giúp bạn: !NHAT_KY!")

    never, code = _walk(QUIET, exists=_in_the_folder(),
                        fails=lambda command: bool(re.search(PIP, command) or re.match(VERSION, command)))
    assert code == 1 and not _ran(never, INIT) and not _ran(never, SHORTCUT)
    said = " ".join(c[5:] for c in never if c.startswith("echo "))
    assert "Không cài được chương trình: máy không vào được mạng Internet, mạng của trường cần proxy" in said
    assert "phần mềm diệt virus" in said


@pytest.mark.parametrize("answers, level, scoring", [
    (("3", ""), "thcs", "thang"),  # Enter: by month
    (("", "9", "1", "2"), "mam-non", "quy"),  # no default for the level; a number not listed asked again
    (('"4"', "3"), "thpt", "ca-nam"),  # her quotes removed
    (("5",), "cap-xa", None),  # the level above scores nothing
])
def test_the_bat_asks_the_level_and_how_the_school_scores_and_inits_that(answers, level, scoring):
    found, code = _walk({"USERPROFILE": HOME, "THIDUA_THU_MUC": r"D:\Thi-dua"}, exists=_in_the_folder(),
                        answers=answers)
    init = [found[n] for n in _ran(found, r"-m thidua_xlsx init ")]
    assert code == 0 and len(init) == 1, found
    tail = f"--level {level}" + (f" --cham-theo {scoring}" if scoring else "")
    assert _expand(init[0], {"CAP_HOC": level, "CHAM_THEO": scoring or ""}).endswith(f'init "" {tail} >nul')
    prompts = _ran(found, r'^set /p "SO=')
    assert len(prompts) == len(answers)


def test_the_bat_stops_when_no_answer_comes():
    found, code = _walk({"USERPROFILE": HOME, "THIDUA_THU_MUC": r"D:\Thi-dua"}, exists=_in_the_folder())
    assert code == 1 and not _ran(found, r"-m thidua_xlsx init ") and len(_ran(found, r'^set /p "SO=')) == 5
    assert _ran(found, r"^echo Chưa có câu trả lời nên chưa tạo chiến dịch")


@pytest.mark.parametrize("book", ["campaign.xlsx", "campaign.ods", "cap-tren.xlsx"])
def test_the_bat_runs_init_only_when_the_folder_holds_no_campaign(book):
    fresh, code = _walk(QUIET, exists=_in_the_folder())
    assert code == 0 and len(_ran(fresh, INIT)) == 1 and not _ran(fresh, LAUNCHERS_RENEWED)
    assert _ran(fresh, PIP) < _ran(fresh, INIT) < _ran(fresh, SHORTCUT)

    kept, code = _walk(QUIET, exists=_in_the_folder(f"\\{book}"))
    assert code == 0 and not _ran(kept, INIT) and _ran(kept, LAUNCHERS_RENEWED) < _ran(kept, SHORTCUT)


def test_the_bat_puts_a_thi_dua_shortcut_to_the_folders_launcher_on_the_desktop():
    found, _ = _walk(QUIET, exists=_in_the_folder())
    shortcut = [found[n] for n in _ran(found, SHORTCUT)]
    assert len(shortcut) == 1
    command = shortcut[0]
    assert "New-Object -ComObject WScript.Shell" in command and "CreateShortcut(" in command
    assert "[Environment]::GetFolderPath('Desktop')" in command  # "Desktop" whatever the language, OneDrive's too
    assert "'Thi đua.lnk'" in command and f"Join-Path $thu '{LAUNCHER_STEM}.bat'" in command
    assert "$s.TargetPath = $dich" in command and "$s.Save()" in command
    assert "Move-Item -LiteralPath $tam -Destination $lnk -Force" in command  # replaced on a re-run, never two
    assert '$env:THIDUA_THU_MUC' in command and 'set "THIDUA_THU_MUC=%THU_MUC%"' in found


def test_the_bats_powershell_survives_cmds_quoting():
    lines = BAT.read_bytes().decode("utf-8").split("\r\n")
    continued = [n for n, line in enumerate(lines) if line.endswith(" ^")]
    assert continued, "the shortcut's PowerShell is written over several lines"
    for n in continued:
        follower = lines[n + 1]
        assert follower.startswith("  \""), "a continued line starts with spaces (cmd escapes its first character)"
        assert follower.count('"') == 2, follower  # one quoted piece each: no quote inside the PowerShell
    for command in _bat_lines():
        if "powershell -" in command:
            code = command.split("-Command", 1)[1]
            assert "%" not in code.replace("%%D", ""), "cmd would expand a % inside the PowerShell"
            assert '\\"' not in code


def test_the_bat_says_everything_in_vietnamese_and_no_command_to_type():
    lines = _bat_lines()
    labels = {line[1:].split()[0].lower() for line in lines if re.match(r":\w", line)}
    jumps = {m[1].lower() for line in lines for m in re.finditer(r"(?:goto|call) :(\w+)", line)} - {"eof"}
    assert jumps <= labels, jumps - labels
    said = [line.strip()[5:] for line in lines if line.strip().lower().startswith(("echo ", "echo(", "echo."))]
    assert len(said) > 20
    for text in said:
        _no_command_for_her(text)
        assert not re.search(r"[&|<>]", text), f"cmd would read it as syntax: {text}"
        words = re.findall(r"[^\W\d_]+", text)
        if len(words) >= 4:
            assert not text.isascii(), f"not Vietnamese: {text}"
