"""The program runs on the secretary's Windows computer as on macOS and Linux.

There is no Windows machine here: the Windows code paths are taken by forcing them (the platform given to
:func:`find_soffice`, a fake Program Files tree and registry answer, a stand-in for Windows' kernel32), the
output is checked through the encodings a Windows console or redirection has (cp1252, cp1258), and the
source is read for any POSIX-only call reached outside a platform branch.
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import python_sources
from tests.samples import school_copy
from tests.system.office_runs import wait_for
from thidua_xlsx.system import console, files, lock, office, office_found

PACKAGE = Path(__file__).resolve().parents[2] / "thidua_xlsx"
SAMPLES = PACKAGE.parent / "samples"


# --- no POSIX-only (or Windows-only) call outside a platform branch ---------------------------------

POSIX_ONLY = {("os", "killpg"), ("os", "fork"), ("os", "setsid"), ("os", "getpgid"), ("os", "getuid"),
              ("signal", "SIGKILL"), ("signal", "SIGALRM"), ("signal", "setitimer"), ("signal", "ITIMER_REAL"),
              ("signal", "alarm"), ("ctypes", "windll")}
POSIX_ONLY_MODULES = {"fcntl", "termios", "pwd", "grp", "resource", "winreg", "msvcrt"}
# Our own tests on the platform, each a function whose answer comes from one (checked below).
PLATFORM_PREDICATES = {"interrupts_in_process"}


def _mentions_platform(test: ast.AST) -> bool:
    """A test on the platform: ``sys.platform``, ``os.name`` or ``hasattr(module, "…")``."""
    for node in ast.walk(test):
        if isinstance(node, ast.Attribute) and (node.attr, getattr(node.value, "id", "")) in (
                ("platform", "sys"), ("name", "os")):
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "hasattr":
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in \
                PLATFORM_PREDICATES:
            return True
    return False


def _returns(body: list[ast.stmt]) -> bool:
    return bool(body) and isinstance(body[-1], (ast.Return, ast.Raise))


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether ``node`` is reached only on a platform that has it: inside an ``if``/conditional expression on
    the platform, or after an ``if <platform test>: return`` earlier in the same block."""
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, (ast.If, ast.IfExp)) and child is not parent.test and _mentions_platform(parent.test):
            return True
        for field in ("body", "orelse", "finalbody"):
            block = getattr(parent, field, None)
            if isinstance(block, list) and child in block:
                before = block[:block.index(child)]
                if any(isinstance(s, ast.If) and _mentions_platform(s.test) and _returns(s.body) for s in before):
                    return True
        child, parent = parent, parents.get(parent)
    return False


def _unguarded_calls(source: str) -> list[tuple[int, str]]:
    tree = python_sources.tree(source)
    parents = {child: parent for parent in python_sources.nodes(source) for child in ast.iter_child_nodes(parent)}
    found = []
    for node in ast.walk(tree):
        what = None
        if isinstance(node, ast.Attribute) and (getattr(node.value, "id", ""), node.attr) in POSIX_ONLY:
            what = f"{node.value.id}.{node.attr}"  # type: ignore[attr-defined]
        elif isinstance(node, ast.Import):
            what = next((a.name for a in node.names if a.name.split(".")[0] in POSIX_ONLY_MODULES), None)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_ONLY_MODULES:
            what = node.module
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("/proc"):
            what = node.value
        if what and not _guarded(node, parents):
            found.append((node.lineno, node.col_offset, what))
    return [(line, what) for line, _, what in sorted(found)]


def test_no_platform_only_call_is_reached_outside_a_platform_branch():
    unguarded = {str(path.relative_to(PACKAGE)): calls for path in sorted(PACKAGE.rglob("*.py"))
                 if (calls := _unguarded_calls(path.read_text(encoding="utf-8")))}
    assert unguarded == {}


def test_our_platform_predicates_test_the_platform():
    tree = ast.parse((PACKAGE / "system" / "pool.py").read_text(encoding="utf-8"))
    defined = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    for name in PLATFORM_PREDICATES:
        assert any(_mentions_platform(node) for node in ast.walk(defined[name]) if isinstance(node, ast.expr)), name


def test_the_check_finds_what_it_looks_for():
    """The check above fails on the calls it is about, and lets them pass in a branch."""
    bad = "import os, signal\nos.killpg(1, signal.SIGKILL)\nimport fcntl\nopen('/proc/1/stat')\n"
    assert [what for _, what in _unguarded_calls(bad)] == ["os.killpg", "signal.SIGKILL", "fcntl", "/proc/1/stat"]
    good = ("import os, signal, sys\n"
            "if sys.platform != 'win32':\n    os.killpg(1, signal.SIGKILL)\n"
            "def f():\n    if not hasattr(signal, 'setitimer'):\n        return\n    "
            "signal.setitimer(signal.ITIMER_REAL, 1)\n"
            "n = os.getuid() if os.name == 'posix' else 0\n")
    assert _unguarded_calls(good) == []


# --- LibreOffice found where its installers put it --------------------------------------------------

def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"MZ")
    path.chmod(0o755)
    return path


def test_libreoffice_is_found_in_program_files_on_windows(tmp_path):
    """Not on PATH (the Windows installer never puts it there): 64-bit Program Files, then 32-bit."""
    x86 = _program(tmp_path / "Program Files (x86)" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "Program Files"),
               "ProgramFiles(x86)": str(tmp_path / "Program Files (x86)")}
    assert office.find_soffice("win32", environ, registry=list) == str(x86)
    x64 = _program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    assert office.find_soffice("win32", environ, registry=list) == str(x64)


def test_the_newest_of_several_libreoffice_folders_is_taken(tmp_path):
    for version in ("LibreOffice 7", "LibreOffice 24.8"):
        _program(tmp_path / "PF" / version / "program" / "soffice.exe")
    found = office.find_soffice("win32", {"PATH": "", "ProgramFiles": str(tmp_path / "PF")}, registry=list)
    assert found == str(tmp_path / "PF" / "LibreOffice 7" / "program" / "soffice.exe")  # "7" sorts after "24.8"…
    assert Path(found).is_file()


def test_the_folder_the_windows_installer_recorded_in_the_registry_comes_first(tmp_path):
    """A LibreOffice installed on drive D: (the registry's InstallPath), one more in Program Files."""
    recorded = _program(tmp_path / "D" / "Apps" / "LibreOffice" / "program" / "soffice.exe")
    _program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": "", "ProgramFiles": str(tmp_path / "Program Files")}
    assert office.find_soffice("win32", environ, registry=lambda: [str(recorded.parent)]) == str(recorded)
    gone = str(tmp_path / "uninstalled" / "program")  # a key left behind by an uninstalled version
    assert office.find_soffice("win32", environ, registry=lambda: [gone]) == \
        str(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")


def test_an_environment_variable_names_libreoffice_anywhere(tmp_path):
    portable = _program(tmp_path / "USB" / "LibreOfficePortable" / "App" / "libreoffice" / "program" / "soffice.exe")
    environ = {"PATH": "", office.SOFFICE_VARIABLE: f'"{portable.parent.parent}"'}  # the folder, quoted as copied
    assert office.find_soffice("win32", environ, registry=list) == str(portable)
    environ[office.SOFFICE_VARIABLE] = str(portable)
    assert office.find_soffice("win32", environ, registry=list) == str(portable)


def test_path_comes_before_the_installers_places(tmp_path):
    on_path = _program(tmp_path / "bin" / "soffice")
    _program(tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe")
    environ = {"PATH": str(tmp_path / "bin"), "ProgramFiles": str(tmp_path / "PF")}
    assert office.find_soffice("win32", environ, registry=list) == str(on_path)


def test_nothing_found_is_none_and_the_advice_is_the_systems_own(tmp_path):
    assert office.find_soffice("win32", {"PATH": "", "ProgramFiles": str(tmp_path)}, registry=list) is None
    windows, macos, linux = (office.install_advice(p) for p in ("win32", "darwin", "linux"))
    assert ".msi" in windows and "Program Files" in windows and "apt-get" not in windows
    assert office.SOFFICE_VARIABLE in windows and "soffice.exe" in windows
    assert "Applications" in macos and ".dmg" in macos and "apt-get" not in macos
    assert "apt-get" in linux


def test_the_macos_application_bundle_is_found(tmp_path, monkeypatch):
    bundle = _program(tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    monkeypatch.setattr(office_found, "_MACOS_PLACES", (str(bundle).replace(str(tmp_path), "~"),))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert office.find_soffice("darwin", {"PATH": ""}) == str(bundle)


def test_a_missing_libreoffice_is_said_in_the_secretarys_words(tmp_path, monkeypatch):
    """merge --pdf with no LibreOffice anywhere: the summary is written, the message says how to install it
    on this system and how to make the PDF from Excel's own menus."""
    from click.testing import CliRunner

    from thidua_xlsx.cli import main

    monkeypatch.setattr(office_found, "_LINUX_PLACES", ())
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv(office.SOFFICE_VARIABLE, raising=False)
    sample = school_copy(tmp_path)
    out = tmp_path / "tong-hop.xlsx"
    result = CliRunner().invoke(main, ["merge", str(sample / "inbox"), "--campaign", str(sample), "-o", str(out),
                                       "--pdf"])
    assert result.exit_code == 0 and out.exists() and not out.with_suffix(".pdf").exists()
    assert "chưa có LibreOffice" in result.output and "Tệp → Xuất" in result.output
    assert office.install_advice() in result.output


# --- LibreOffice stopped with its whole process tree ------------------------------------------------

STUBBORN = """
import signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as soffice while it starts up
if len(sys.argv) > 1:
    child = subprocess.Popen([sys.executable, __file__])
    print(child.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.long(4)
def test_a_process_tree_that_ignores_the_request_to_end_is_stopped(tmp_path):
    import psutil

    script = tmp_path / "stubborn.py"
    script.write_text(STUBBORN, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), "parent"], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    started = time.monotonic()
    office.stop_tree(parent.pid, grace=0.5)  # each level asked, then killed half a second later (3 s in a run)
    parent.wait(timeout=10)
    assert not psutil.pid_exists(child) or psutil.Process(child).status() == psutil.STATUS_ZOMBIE
    assert time.monotonic() - started < 2 * 0.5 + 5
    parent.stdout.close()


LEAVES_A_ZOMBIE = """
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c", "pass"])  # ends, never collected: a zombie below this process
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no zombies on Windows")
def test_a_process_that_ended_and_waits_to_be_collected_is_not_waited_for(tmp_path):
    """soffice, having converted, leaves the gpg helpers it started as zombies: stopping its tree does not wait
    the whole grace and more for them (they go when their parent does)."""
    import psutil

    parent = subprocess.Popen([sys.executable, "-c", LEAVES_A_ZOMBIE])
    wait_for(lambda: [p for p in psutil.Process(parent.pid).children() if p.status() == psutil.STATUS_ZOMBIE], 30)
    started = time.monotonic()
    office.stop_tree(parent.pid, grace=2)
    parent.wait(timeout=10)
    assert time.monotonic() - started < 1.5


@pytest.mark.libreoffice
def test_a_libreoffice_that_overruns_is_stopped_and_said(tmp_path):
    """A real soffice given too little time: the conversion fails with a message, no soffice is left."""
    import psutil

    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    src = tmp_path / "so.xlsx"
    src.write_bytes((SAMPLES / "tong-hop.xlsx").read_bytes())
    before = set(psutil.Process().children(recursive=True))  # the soffice kept for this process's fills, if any
    with pytest.raises(office.OfficeError, match="không chuyển xong so.xlsx"):
        office.convert(src, "pdf", tmp_path / "out", timeout=0.3)
    left = [p for p in set(psutil.Process().children(recursive=True)) - before
            if "soffice" in p.name() or "oosplash" in p.name()]
    assert left == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- files: temporary folders, lock files ----------------------------------------------------------

def test_a_temporary_folder_held_by_another_program_never_fails_finished_work(tmp_path, monkeypatch):
    """As on Windows when an antivirus scans a file just made: the file cannot be removed (a sharing
    violation); the work stands, the folder is left to the system's cleaner."""
    import shutil

    real_unlink = os.unlink

    def held(path, *args, **kwargs):
        if str(path).endswith("ho-so.pdf"):
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(path))
        return real_unlink(path, *args, **kwargs)

    with files.scratch_folder("thidua_test_") as work:
        (Path(work) / "ho-so.pdf").write_bytes(b"%PDF")
        monkeypatch.setattr(os, "unlink", held)
    monkeypatch.undo()
    assert (Path(work) / "ho-so.pdf").exists()  # left behind, and no error raised
    shutil.rmtree(work)


def test_every_temporary_folder_is_a_scratch_folder():
    """One way to make a temporary folder: the one that never fails finished work (above)."""
    makers = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
              if "TemporaryDirectory(" in p.read_text(encoding="utf-8") or "mkdtemp(" in p.read_text(encoding="utf-8")]
    assert makers == ["system/files.py"]


def test_a_lock_file_is_hidden_in_windows_explorer(tmp_path, monkeypatch):
    """Forced Windows: the lock is given the hidden attribute once written (a stand-in for kernel32 records it;
    that Explorer then hides it only Windows can show)."""
    import ctypes
    import types

    made = []
    kernel32 = types.SimpleNamespace(SetFileAttributesW=lambda path, flags: made.append((path, flags)) or 1)
    monkeypatch.setattr(lock.sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    target = tmp_path / "tong-hop.xlsx"
    with lock.holding([lock.lock_path(target)], "merge"):
        assert made == [(str(lock.lock_path(target)), lock.FILE_ATTRIBUTE_HIDDEN)]
        assert json.loads(lock.lock_path(target).read_text(encoding="utf-8"))["command"] == "merge"
    assert not lock.lock_path(target).exists()


# --- output: UTF-8 whatever the console or redirection ----------------------------------------------

def test_letters_without_their_marks_for_a_console_that_cannot_show_them():
    assert console.unaccented("Tổng hợp – Đề nghị: Nguyễn Thị Ỳ") == "Tong hop - De nghi: Nguyen Thi Y"
    stream = io.TextIOWrapper(io.BytesIO(), encoding=console.unmarked_encoding("cp1258"))
    stream.write("Đã ghi bảng tổng hợp: tỷ lệ 25 %")
    stream.flush()
    assert stream.buffer.getvalue() == b"Da ghi bang tong hop: ty le 25 %"  # cp1258 has Đ: folded all the same


def test_a_redirected_output_is_made_utf8_and_a_terminal_is_left_as_it_is():
    redirected = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    console.speak_whole([redirected])
    assert redirected.encoding == "utf-8"
    redirected.write("Tổ khối 1: đã nộp")
    redirected.flush()
    assert redirected.buffer.getvalue().decode("utf-8") == "Tổ khối 1: đã nộp"


def _cli(args: list[str], encoding: str, cwd: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    with open(out, "wb") as stdout:
        return subprocess.run([sys.executable, "-m", "thidua_xlsx", *args], stdout=stdout, stderr=subprocess.PIPE,
                              env=env, cwd=cwd, timeout=300)


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_merge_redirected_to_a_file_in_a_windows_encoding_is_whole(tmp_path, encoding):
    """`thidua-xlsx merge … > log.txt` where Python's locale encoding is a Windows code page (a .bat, the Task
    Scheduler): exit 0, every output written, the log in UTF-8 with its Vietnamese."""
    from openpyxl import load_workbook

    log, sample = tmp_path / "log.txt", school_copy(tmp_path)
    done = _cli(["merge", str(sample / "inbox"), "--campaign", str(sample), "-o", str(tmp_path / "tong-hop.xlsx"),
                 "--json", str(tmp_path / "bao-cao.json")], encoding, tmp_path, log)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = log.read_bytes().decode("utf-8")
    assert "Đã ghi bảng tổng hợp" in text or "tong-hop.xlsx" in text
    assert "Lỗi nội bộ" not in text + done.stderr.decode("utf-8")
    ours = json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))
    shipped = json.loads((SAMPLES / "bao-cao.json").read_text(encoding="utf-8"))
    assert len(ours["people"]) == len(shipped["people"]) > 30
    assert load_workbook(tmp_path / "tong-hop.xlsx").sheetnames == \
        load_workbook(SAMPLES / "tong-hop.xlsx").sheetnames


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258"])
def test_status_reminders_redirected_to_a_file_keep_their_vietnamese(tmp_path, encoding):
    nudges, sample = tmp_path / "nhac.txt", school_copy(tmp_path)
    done = _cli(["status", str(sample / "inbox"), "--campaign", str(sample), "--nhac"], encoding, tmp_path, nudges)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = nudges.read_text(encoding="utf-8")
    assert "Trường Tiểu học Trực Cường" in text and "Tổ chuyên biệt" in text and "Trân trọng cảm ơn" in text


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal stands for the old console")
def test_an_old_console_that_cannot_show_vietnamese_gets_readable_letters(tmp_path):
    """A terminal whose encoding has no Vietnamese (an old cmd window's code page): no crash, the words
    without their marks."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    sample = school_copy(tmp_path)
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "status", str(sample / "inbox"), "--campaign",
                           str(sample)], stdout=follower, stderr=follower, env=env, cwd=tmp_path, timeout=120)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0, shown
    text = shown.decode("ascii")  # wholly without marks, though cp1252 could show ì and ú
    assert "Tinh hinh nop so" in text and "To khoi 1: dung han" in text


# --- where the outputs land -------------------------------------------------------------------------

def test_outputs_land_in_the_campaign_folder_wherever_the_command_is_typed(tmp_path, monkeypatch):
    """Typed from the program's folder (or a double-clicked launcher's): the summary goes into the campaign
    folder, the history book beside the summary it is made from; nothing lands where the command was typed."""
    import shutil

    from click.testing import CliRunner

    from thidua_xlsx.cli import main

    campaign = tmp_path / "thidua-2025"
    campaign.mkdir()
    for name in ("campaign.xlsx", "so-da-phat", "inbox"):
        (shutil.copytree if (SAMPLES / name).is_dir() else shutil.copy2)(SAMPLES / name, campaign / name)
    program = tmp_path / "thidua-xlsx"
    program.mkdir()
    monkeypatch.chdir(program)
    result = CliRunner().invoke(main, ["merge", str(campaign / "inbox")])
    assert result.exit_code == 0, result.output
    summary = campaign / "tong-hop_cham-diem.xlsx"
    assert summary.is_file() and str(summary) in result.output
    shutil.copy2(SAMPLES / "hoi-dong.xlsx", campaign)  # the council met: the history takes its final summary
    final = campaign / "tong-hop-cuoi.xlsx"
    result = CliRunner().invoke(main, ["merge", str(campaign / "inbox"), "--council", str(campaign / "hoi-dong.xlsx"),
                                       "-o", str(final)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["history", str(final)])
    assert result.exit_code == 0, result.output
    assert (campaign / "lich-su.xlsx").is_file()
    assert list(program.iterdir()) == []
