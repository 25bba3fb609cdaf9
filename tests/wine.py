"""Test helper: the ``.bat`` files we ship and write, run by a real ``cmd`` — Wine's (Debian's ``wine``).

    from tests.wine import cmd   # and the fixture wine_env (a plugin of conftest): the session's Wine prefix

    @pytest.mark.wine
    def test_x(wine_env, tmp_path):
        ran = cmd(wine_env, tmp_path / "x.bat", answers="1\\n")
        ran.code, ran.said                   # its exit code, what the window showed

A run makes one prefix (~10 s), whichever of its processes (xdist workers) asks first while the others wait for it;
each process works in its own copy of it (its Wine programs and libraries linked, not copied: a tenth of a second)
with its own wineserver, kept running (:func:`served`) and stopped at its end; each test gets that copy without what
an installer remembered there.
``cmd`` runs the file in a pseudo-terminal (``script``), as a double-click gives it a console window: only with a
console does ``chcp 65001`` take, and ``pause`` and ``set /p`` read her keys. Two things Wine does that
Windows does not, undone here: its ``cmd`` reads a batch file's lines in the OEM code page (437) whatever ``chcp``
says — Windows reads each line in the code page of the moment, UTF-8 after ``chcp 65001`` — so what the window shows
is read back through 437; its ``where.exe`` answers "found" for anything (our files do not use it); and it expands a
``%`` again inside what ``%~dp0`` gave (a folder named "100%"), which Windows does not.

A program the ``.bat`` calls is stood in for by a shell script named ``py.exe``, ``python.exe``…: Wine runs a Unix
executable it is asked to start (:func:`stand_in`) — but without waiting for it and without its exit code, so a
stand-in proves what it was called with, not what came after; a program that fails is a Windows one
(:func:`failing`). Without Wine the tests are skipped; on CI (CI=true) they fail: `.ci/run` installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import IO

import pytest

from tests.once import once_a_session

INSTALL_HINT = "apt-get install --no-install-recommends wine wine64-preloader"
ESCAPES = re.compile(r"\x1b\[[?0-9;]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]")
#: The names of Wine's preloader, which its loader runs from its own folder: Debian's /usr/lib/wine, else ``wine``'s.
PRELOADER_NAMES = ("wine64-preloader", "wine-preloader")


def installed() -> bool:
    """Wine with its preloader, and ``script``, which gives it a console. The preloader keeps the addresses Windows
    programs need before Linux's loader can take them: without it (Debian only suggests it) one start in a few
    thousand fails ("ShellExecuteEx failed: Internal error"), and a run starts hundreds."""
    found = shutil.which("wine")
    if not found or not shutil.which("script"):
        return False
    folders = (Path("/usr/lib/wine"), Path(found).resolve().parent)
    return any((folder / name).exists() for folder in folders for name in PRELOADER_NAMES)


def require_wine() -> None:
    """Skip without Wine (:func:`installed`); on CI (CI=true) fail instead."""
    if installed():
        return
    message = f"Wine không có trên máy này – bỏ qua (cài: {INSTALL_HINT})"
    if os.environ.get("CI") == "true":
        pytest.fail(message.replace("bỏ qua", "CI cần nó"))
    pytest.skip(message)


@pytest.fixture(scope="session")
def wine_prefix(tmp_path_factory):
    """The environment of this process's Wine prefix: a copy of the run's one prefix (:func:`_made`, made by the first
    process to ask, tests/once.py), its wineserver stopped at the end."""
    require_wine()
    made = once_a_session(tmp_path_factory, "wine", _made)
    root = tmp_path_factory.mktemp("wine")
    shutil.copytree(made / "prefix", root / "prefix", symlinks=True, copy_function=_linked_or_copied)
    (root / "home").mkdir()  # where Wine writes its menus: its own (the copy's Desktop links to the made one's HOME)
    env = _environment(root / "prefix", root / "home")
    served(env)
    yield env
    subprocess.run(["wineserver", "-k"], env=env, capture_output=True, timeout=60)


def served(env: dict[str, str]) -> None:
    """A wineserver kept for ``env``'s prefix until it is stopped (``wineserver -k``): each ``wine`` then starts in a
    tenth of a second, where a server of its own and its services take one (three on two busy cores) — a machine's
    programs still end when the test stops them, the server is only kept waiting. Its services (winedevice,
    plugplay…) started here by a first command whose output goes nowhere: started by a test's command, they would
    hold its pipes open as long as the server lives, and the test would wait for their end."""
    for words in (["wineserver", "-p"], ["wine", "cmd", "/c", "exit 0"]):
        subprocess.run(words, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120, check=True)


def _made(folder: Path) -> None:
    """A Wine prefix made in ``folder`` (``wine cmd``, ~10 s), its wineserver stopped so that its registry is on disk
    and nothing runs in it. Never run in: each process copies it."""
    (folder / "home").mkdir()  # Wine links the prefix's Desktop and Documents to HOME: a throwaway one
    env = _environment(folder / "prefix", folder / "home")
    made = subprocess.run(["wine", "cmd", "/c", "exit 0"], env=env, capture_output=True, timeout=300,
                          stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    put_away(env)


def put_away(env: dict[str, str]) -> None:
    """``env``'s machine made a set of files for others to copy: its programs ended, its registry saved, then its
    wineserver gone."""
    for how in ("-k", "-w"):
        subprocess.run(["wineserver", how], env=env, capture_output=True, timeout=60)


def _environment(prefix: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "WINEPATH")}
    env.update(WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=", LC_ALL="C.UTF-8",
               HOME=str(home))
    return env


def _linked_or_copied(source: str, target: str) -> None:
    """Wine's programs and libraries (system32, syswow64, winsxs: ~600 MB that no run writes) linked; the rest (the
    registry, which its wineserver rewrites, the user's folders) copied."""
    if re.search(r"/drive_c/windows/(system32|syswow64|winsxs)/", source):
        os.link(source, target)
    else:
        shutil.copy2(source, target)


@pytest.fixture
def wine_env(wine_prefix):
    """The session's Wine prefix as a PC the program was never installed on: what the installers remember there
    (%LOCALAPPDATA%\\thidua-xlsx, the folder chosen last time…) removed before each test, whatever ran before."""
    shutil.rmtree(local_app_data(wine_prefix) / "thidua-xlsx", ignore_errors=True)
    return wine_prefix


def local_app_data(env: dict[str, str]) -> Path:
    """The prefix's %LOCALAPPDATA% (its one user's AppData\\Local), as a Unix folder."""
    return next((Path(env["WINEPREFIX"]) / "drive_c" / "users").glob("*/AppData/Local"))


def windows_path(path: Path) -> str:
    """``path`` as a Windows program under Wine sees it (drive Z: is the Unix root)."""
    return str(PureWindowsPath("Z:" + str(path.resolve()).replace("/", "\\")))


def stand_in(folder: Path, name: str, script: str = "") -> Path:
    """A program ``name`` (``py.exe``) in ``folder`` that Wine runs as a Unix shell script: it appends its arguments
    to ``name``.args (one per line, a blank line after each call), runs ``script`` (sh, "$@" its arguments) and
    succeeds (Wine gives cmd no Unix exit code: for a failure, :func:`failing`)."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    log = folder / f"{name}.args"
    program.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" '' >> '{log}'\n{script}\nexit 0\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def failing(folder: Path, name: str, env: dict[str, str]) -> Path:
    """A program ``name`` in ``folder`` that stops with an error (exit code 1): Wine's hostname.exe, which refuses
    any option. (Wine does not hand a Unix program's exit code to cmd: a :func:`stand_in` always succeeds.)"""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / name
    shutil.copyfile(Path(env["WINEPREFIX"]) / "drive_c" / "windows" / "system32" / "hostname.exe", program)
    return program


def calls(program: Path, at_least: int = 1, seconds: float = 60, until=None) -> list[list[str]]:
    """The argument lists ``program`` (a :func:`stand_in`) was called with, in order — once ``at_least`` calls are
    logged (or ``until(calls)`` holds) or ``seconds`` have passed: Wine starts a Unix program and goes on without
    waiting for it."""
    import time

    log = program.with_name(f"{program.name}.args")
    deadline = time.monotonic() + seconds
    while True:
        text = log.read_text(encoding="utf-8") if log.is_file() else ""
        found = [block.split("\n") for block in text.split("\n\n") if block]
        if (until(found) if until else len(found) >= at_least) or time.monotonic() > deadline:
            return found
        time.sleep(0.05)  # a call seen logged at most 50 ms after


@dataclass(frozen=True)
class Ran:
    code: int
    said: str  # what the window showed, lines joined by "\n"


def cmd(env: dict[str, str], bat: Path, answers: str = "", path: tuple[Path, ...] = (), powershell: bool = True,
        extra: dict[str, str] | None = None, seconds: float = 120) -> Ran:
    """Run ``bat`` in ``cmd /c`` in a console, ``answers`` typed at its questions and pauses, ``extra`` in its
    environment; ``path``: folders put before Wine's PATH; without ``powershell``, PowerShell's folder left out of it
    (Wine's PowerShell answers nothing and succeeds: a PC without PowerShell, or where it is blocked)."""
    env = {**env, **(extra or {})}
    folders = ";".join(windows_path(p) for p in path)
    name = bat.name  # run from its folder by its name, as Explorer quotes a path full of cmd syntax for cmd /c
    if not powershell:
        name = f"{bat.stem}-chay.bat"
        windows = r"C:\windows\system32;C:\windows"  # after no folder, no empty entry: Wine's cmd takes one for a
        searched = f"{folders};{windows}" if folders else windows  # folder that runs any name as nothing, and succeeds
        (bat.parent / name).write_bytes(f'@set "PATH={searched}"\r\n@call "{bat.name}"\r\n'.encode("ascii"))
    elif folders:
        env["WINEPATH"] = folders
    # SIGHUP ignored, and so by every program the console starts: one started last (a stand-in) finishes when the
    # console closes, as a program stays with its window on Windows; READY once the terminal is raw and silent
    line = (f"trap '' HUP; stty raw -echo cols 2000 rows 200; printf '{_READY_PRINTED}'; "
            f"exec wine cmd /c {_quoted(name)}")
    started = subprocess.Popen(["script", "-qec", line, "/dev/null"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, env=env, cwd=bat.parent)
    assert started.stdin is not None
    try:
        shown_first = _read(started, lambda said: _READY in said, 60)  # typed sooner, her keys would be echoed
        _type(started.stdin, answers)
        stdout = shown_first + _read(started, lambda _said: False, seconds)
        started.wait(10)
    except TimeoutError as said:
        started.kill()
        started.wait()
        raise AssertionError(f"{bat.name} still waits after the answers {answers!r}: {said}") from None
    finally:
        started.stdin.close()
        started.stdout.close()
    shown = ESCAPES.sub("", stdout.replace(_READY, b"").decode("utf-8", errors="replace"))
    try:
        shown = shown.encode("cp437").decode("utf-8")  # undo Wine's reading of the .bat in code page 437
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass  # nothing Vietnamese was read from a .bat
    return Ran(started.returncode, "\n".join(line.rstrip() for line in shown.replace("\r", "").split("\n")).strip())


# What the console prints once ``stty`` has made the terminal raw and silent, before Wine starts: an escape sequence
# no terminal shows (an OSC), taken out of what the window showed.
_READY = b"\x1b]thidua-xlsx;raw\x07"
_READY_PRINTED = "\\033]thidua-xlsx;raw\\007"


def _type(keys: IO[bytes], answers: str) -> None:
    """Her keys, typed ahead: Wine's console reads the terminal raw (Enter is a carriage return). Not followed by an
    end of input, which script would hold until they are read, then type as one more key (^D)."""
    try:
        keys.write(answers.replace("\n", "\r").encode())
        keys.flush()
    except BrokenPipeError:
        pass  # the console has already closed: nothing asked for them


def _read(started: subprocess.Popen, enough, seconds: float) -> bytes:
    """What the console prints, read straight from its pipe until ``enough(what it printed)`` or its end; neither
    within ``seconds``: TimeoutError, with what it printed."""
    import select

    assert started.stdout is not None
    pipe, said = started.stdout.fileno(), b""
    deadline = time.monotonic() + seconds
    while not enough(said):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(said.replace(_READY, b"").decode("utf-8", errors="replace"))
        if select.select([pipe], [], [], left)[0]:
            chunk = os.read(pipe, 4096)
            if not chunk:
                break
            said += chunk
    return said


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
