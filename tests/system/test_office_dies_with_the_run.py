"""LibreOffice ends with the run that started it, however the run ends: on Linux under a guard that
the parent-death signal reaches, on Windows in a kill-on-close job object; and what a run killed outright left —
its scratch folders, a LibreOffice that outlived it where nothing ended it (macOS) — is removed by the next run,
never a running run's.

Real processes: each killed run is a child Python running the real code, killed with SIGKILL (as a power cut or
the task ended would) while LibreOffice converts. There is no Windows machine here: the job object is tested by
forcing the Windows branch with a stand-in kernel32 that records what it is asked; that Windows then ends
soffice.exe and soffice.bin when the run dies only Windows can show."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from tests.system.office_runs import (
    CONVERTING,
    CONVERTING_AS_ON_MACOS,
    NEXT_RUN,
    STARTING_A_TREE,
    big_workbook,
    finish,
    gone,
    in_temp,
    office_processes,
    start,
    wait_for,
)
from thidua_xlsx.system import files, office

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and SIGSTOP are POSIX signals")


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """Written once a test session (0.4 s of CPU), only read by the runs that convert it."""
    from tests.once import once_a_session

    return once_a_session(tmp_path_factory, "lon", lambda folder: big_workbook(folder / "danh-sach.xlsx")) / \
        "danh-sach.xlsx"


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    """What the next run converts: one page, in a second of LibreOffice's time (the conversion is not the point)."""
    return big_workbook(tmp_path_factory.mktemp("nho") / "tong-hop.xlsx", rows=3)


@pytest.fixture
def runs():
    """``start`` for the test, every run it started (and all they started, found by their scratch folders' names)
    ended and its pipes closed at the end, whatever the test's outcome."""
    started: list[subprocess.Popen] = []

    def starting(script: str, *args, env: dict | None = None) -> subprocess.Popen:
        started.append(start(script, *args, env=env))
        return started[-1]

    yield starting
    import psutil

    for run in started:
        below = []
        with contextlib.suppress(psutil.Error):
            below = psutil.Process(run.pid).children(recursive=True)
        for process in [*below, *office_processes(f"thidua_office_{run.pid}-")]:
            with contextlib.suppress(psutil.Error):
                process.kill()
        run.kill()
        run.communicate(timeout=30)


def _kill(run: subprocess.Popen) -> None:
    """SIGKILL, as a power cut or the task ended: no clean-up of the run's runs."""
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)


def _close(run: subprocess.Popen) -> None:
    run.communicate(timeout=30)  # its pipes, once what held them has ended


def _profile_made(runs, small: Path, tmp_path: Path, env: dict) -> None:
    """The test's own kept profile (``in_temp``'s cache) made by a first conversion, before the run a test holds
    still: on a new profile oosplash starts soffice.bin twice — the first ends ~0.2 s later, asking for a restart —
    and a test that took the first for the one that works could hold it as it ends (seen once, in a fresh clone's
    run)."""
    code, err = finish(runs(CONVERTING, small, tmp_path / "ho-so-dau", env=env))
    assert code == 0, err


def _converting(run: subprocess.Popen) -> list:
    """The LibreOffice processes of ``run`` once soffice.bin works (by their profile: the run's scratch folder), seen
    whole in one look (:func:`_profile_made` first: one soffice.bin, never restarted) — without the children
    soffice.bin forks for a moment, which carry its command line and end on their own."""
    import psutil

    mine = f"thidua_office_{run.pid}-"

    def lasting(process) -> bool:
        with contextlib.suppress(psutil.NoSuchProcess):
            parent = process.parent()
            return parent is not None and parent.name() != "soffice.bin"
        return False

    def whole() -> list:
        tree = [p for p in office_processes(mine) if lasting(p)]
        return tree if any(p.info["name"] == "soffice.bin" for p in tree) else []

    return wait_for(whole, 90)


# --- Linux: the whole tree ends with the run ----------------------------------------------------------------

@pytest.mark.libreoffice
@linux_only
def test_libreoffice_ends_with_a_run_killed_outright_and_the_next_conversion_removes_its_folder(tmp_path, big, small,
                                                                                                runs):
    """LibreOffice held still once it works (it would otherwise end by itself: the big book's 313 pages take about a
    second on an idle machine): what ends it is the run's end, through its guard, not the conversion's."""
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    temp, env = in_temp(tmp_path)
    _profile_made(runs, small, tmp_path, env)
    run = runs(CONVERTING, big, tmp_path / "pdf", env=env)
    tree = _converting(run)
    assert {p.info["name"] for p in tree} >= {"oosplash", "soffice.bin"} and len(tree) >= 3  # and the guard
    for process in tree:
        if process.info["name"] in ("oosplash", "soffice.bin"):
            process.suspend()
    _kill(run)

    wait_for(lambda: gone(tree), 5)  # within seconds, though LibreOffice could not end by itself
    _close(run)
    assert office_processes(f"thidua_office_{run.pid}-") == []
    left = [p.name for p in temp.iterdir()]
    assert len(left) == 1 and files.OWNED_SCRATCH.fullmatch(left[0]) and left[0].startswith(f"thidua_office_{run.pid}-")

    following = runs(CONVERTING, small, tmp_path / "pdf", env=env)
    code, err = finish(following)
    assert code == 0, err
    assert (tmp_path / "pdf" / "tong-hop.pdf").exists() and not (tmp_path / "pdf" / "danh-sach.pdf").exists()
    assert list(temp.iterdir()) == []  # the killed run's folder, and the next run's own


@linux_only
def test_the_whole_tree_ends_with_the_run_even_what_soffice_started(tmp_path, runs):
    """A stand-in for soffice's tree (oosplash → soffice.bin), no LibreOffice needed: the run killed outright,
    the middle process and the worker end within seconds."""
    import psutil

    run = runs(STARTING_A_TREE, "wait")
    guard, worker = int(run.stdout.readline()), int(run.stdout.readline())
    middle = psutil.Process(worker).ppid()
    tree = [psutil.Process(pid) for pid in (guard, middle, worker)]
    assert tree[0].ppid() == run.pid and tree[1].ppid() == guard
    _kill(run)
    wait_for(lambda: gone(tree), 5)
    _close(run)


@linux_only
def test_nothing_soffice_started_outlives_it_even_orphaned(runs):
    """soffice.bin orphaned by its oosplash stays below the guard (the child subreaper) and ends with soffice."""
    import psutil

    run = runs(STARTING_A_TREE, "leave")
    int(run.stdout.readline())
    pid = int(run.stdout.readline())
    try:
        worker = [psutil.Process(pid)]
    except psutil.NoSuchProcess:  # on a loaded machine the run may end, and its guard end the tree, before this look
        worker = []
    code, err = finish(run, 30)
    assert code == 0, err
    wait_for(lambda: gone(worker), 5)


#: A stand-in for an oosplash that starts soffice.bin again (its restart on a fresh profile) at the moment the
#: guard stops the tree: a process started below it every few milliseconds, each marked by ``sys.argv[1]``.
STARTING_AGAIN_AND_AGAIN = """
import subprocess, sys, time
while True:
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", sys.argv[1]])
    time.sleep(0.003)
"""


@linux_only
def test_the_guard_stops_what_is_started_below_it_while_it_stops_the_rest(tmp_path):
    """Asked to end, the guard kills what is below it and looks again until nothing is left alive: a process started
    meanwhile (soffice.bin started again by oosplash) is never left running on its own (seen once under a loaded
    machine: a soffice.bin outlived its killed run)."""
    import psutil

    marker = str(tmp_path / "sous-le-gardien")

    def below() -> list:
        found = []
        for process in psutil.process_iter(["cmdline", "status"]):
            if marker in (process.info["cmdline"] or ()) and process.info["status"] != psutil.STATUS_ZOMBIE:
                found.append(process)
        return found

    guard = subprocess.Popen([sys.executable, "-I", "-c", office._GUARD, str(os.getpid()), office._psutil_folder(),
                              sys.executable, "-c", STARTING_AGAIN_AND_AGAIN, marker], start_new_session=True)
    try:
        wait_for(lambda: len(below()) >= 20, 30)
        guard.send_signal(signal.SIGTERM)
        assert guard.wait(timeout=30) == 128 + signal.SIGTERM
        time.sleep(0.5)  # what a missed spawner would still start meanwhile
        left = below()
    finally:
        guard.kill()
        guard.wait()
        for process in below():
            with contextlib.suppress(psutil.Error):
                process.kill()
    assert left == []


@linux_only
def test_a_guard_whose_run_ended_before_it_asked_for_the_signal_starts_nothing(tmp_path):
    """The run died between starting the guard and the guard's prctl: its parent is no longer the run."""
    marker = tmp_path / "started"
    guard = subprocess.run([sys.executable, "-I", "-c", office._GUARD, "1", office._psutil_folder(), sys.executable,
                            "-c", f"open({str(marker)!r}, 'w').close()"], capture_output=True, text=True, timeout=60,
                           check=False)
    assert guard.returncode == 128 + signal.SIGTERM, guard.stderr
    assert not marker.exists()


@linux_only
def test_on_linux_soffice_is_started_under_the_guard_in_a_session_of_its_own():
    with office._started([sys.executable, "-c", "import os; print(os.getsid(0), os.getppid())"],
                         stdout=subprocess.PIPE, text=True) as proc:
        out, _ = proc.communicate(timeout=60)
    session, parent = map(int, out.split())
    assert proc.args[:3] == [sys.executable, "-I", "-c"] and proc.args[4] == str(os.getpid())
    assert session == proc.pid == parent  # the guard leads the session; soffice is its child


@posix_only
def test_on_macos_soffice_is_started_as_it_is_in_a_session_of_its_own():
    """No guard where there is no parent-death signal (see the next run's clean-up below)."""
    with office._started([sys.executable, "-c", "import os; print(os.getsid(0))"], platform="darwin",
                         stdout=subprocess.PIPE, text=True) as proc:
        out, _ = proc.communicate(timeout=60)
    assert proc.args[0] == sys.executable and int(out) == proc.pid


# --- macOS: nothing ends LibreOffice with the run; the next run does ----------------------------------------

@pytest.mark.libreoffice
@posix_only
def test_the_next_run_stops_a_libreoffice_that_outlived_its_killed_run_and_removes_its_folder(tmp_path, big, small,
                                                                                              runs):
    """As on macOS (no death signal, no job): the killed run's soffice lives on; the next conversion stops it (its
    output folder, in the dead run's folder, is on its command line) and removes the folder. The killed run's
    LibreOffice is held still, so that the test does not race it: on an idle machine it converts the big book's
    313 pages in about a second, and would end by itself before the next run looked (5 failures in 6 runs alone)."""
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    temp, env = in_temp(tmp_path)
    _profile_made(runs, small, tmp_path, env)
    run = runs(CONVERTING_AS_ON_MACOS, big, tmp_path / "pdf", env=env)
    tree = _converting(run)
    for process in tree:
        process.suspend()
    _kill(run)
    time.sleep(1)
    assert not gone(tree)  # still there, its run dead
    _close(run)

    following = runs(CONVERTING, small, tmp_path / "pdf", env=env)
    code, err = finish(following)
    assert code == 0, err
    wait_for(lambda: gone(tree), 5)
    assert office_processes(f"thidua_office_{run.pid}-") == []
    assert list(temp.iterdir()) == [] and not (tmp_path / "pdf" / "danh-sach.pdf").exists()


# --- a running run's folders are never removed ---------------------------------------------------------------

@pytest.mark.libreoffice
@posix_only
def test_a_running_runs_folder_and_libreoffice_are_left_by_two_runs_in_a_row(tmp_path, big, small, runs):
    """A run converting (its LibreOffice held still, so that the test does not race it; its folder made old): a
    conversion and another run started meanwhile leave both; the run then ends as asked, cleaning up itself."""
    import psutil

    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    temp, env = in_temp(tmp_path)
    _profile_made(runs, small, tmp_path, env)
    running = runs(CONVERTING, big, tmp_path / "pdf", env=env)
    tree = _converting(running)
    for process in tree:
        process.suspend()
    (folder,) = temp.iterdir()
    old = time.time() - 2 * files.ABANDONED_SECONDS
    os.utime(folder, (old, old))
    try:
        for script, args in ((CONVERTING, (small, tmp_path / "pdf")), (NEXT_RUN, ())):
            code, err = finish(runs(script, *args, env=env))
            assert code == 0, err
            assert folder.is_dir() and (folder / "out").is_dir()
            assert all(p.is_running() and p.status() == psutil.STATUS_STOPPED for p in tree)
        assert (tmp_path / "pdf" / "tong-hop.pdf").exists()
    finally:
        for process in tree:
            process.resume()
    running.send_signal(signal.SIGTERM)
    code, _err = finish(running, 60)
    assert code == 128 + signal.SIGTERM
    assert gone(tree) and list(temp.iterdir()) == []


# --- the scratch folders: named by their run, removed when it no longer runs -----------------------------------

def _ended_process() -> tuple[int, int]:
    """The id and start of a process that has ended."""
    import psutil

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    started = int(psutil.Process(child.pid).create_time())
    child.wait()
    return child.pid, started


def _folder(temp: Path, name: str) -> Path:
    (temp / name / "profile" / "user").mkdir(parents=True)
    (temp / name / "profile" / "user" / "registrymodifications.xcu").write_text("<items/>", encoding="utf-8")
    return temp / name


def test_a_scratch_folder_names_its_run(tmp_path, monkeypatch):
    import tempfile

    import psutil

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with files.scratch_folder("thidua_office_") as work:
        found = files.OWNED_SCRATCH.fullmatch(Path(work).name)
        assert found and Path(work).parent == tmp_path
        assert int(found["pid"]) == os.getpid()
        assert abs(int(found["started"]) - psutil.Process().create_time()) <= 1
    assert not files.SCRATCH.fullmatch(Path(work).name)  # never taken for an old one, removed by age


def test_the_folders_of_ended_runs_are_removed_at_once_and_a_running_runs_never(tmp_path):
    import psutil

    pid, started = _ended_process()
    me = psutil.Process()
    here = int(me.create_time())
    ended = _folder(tmp_path, f"thidua_office_{pid}-{started}_k2x9abcd")  # fresh: its run is gone
    reused = _folder(tmp_path, f"thidua_papers_{os.getpid()}-{here - 3600}_a1b2c3d4")  # this id, a former process
    running = _folder(tmp_path, f"thidua_level_above_{os.getpid()}-{here}_q1w2e3r4")  # this process's
    old = time.time() - 2 * files.ABANDONED_SECONDS
    for path in (running, *running.rglob("*")):
        os.utime(path, (old, old))  # old as it may be
    others = [_folder(tmp_path, name) for name in (f"thidua_{pid}-{started}_k2x9abcd", "thidua_office_abc",
                                                   f"libreoffice_{pid}-{started}_k2x9abcd")]
    (tmp_path / f"thidua_office_{pid}-{started}_zzzzzzzz").write_text("a file, not a folder", encoding="utf-8")

    removed = files.remove_abandoned_scratch(tmp_path)

    assert sorted(removed) == sorted([ended, reused])
    assert running.exists() and all(p.exists() for p in others)


def test_a_libreoffice_that_outlived_its_run_is_stopped_before_its_folder_goes(tmp_path):
    """Where nothing ended it with its run: found by its profile option naming the dead run's folder; a process
    that only names the folder, and one whose profile is a running run's, are left."""
    import psutil

    pid, started = _ended_process()
    ended = _folder(tmp_path, f"thidua_office_{pid}-{started}_k2x9abcd")
    running = _folder(tmp_path, f"thidua_office_{os.getpid()}-{int(psutil.Process().create_time())}_q1w2e3r4")
    sleep = "import time; time.sleep(120)"

    def process(*args):
        return subprocess.Popen([sys.executable, "-c", sleep, *args])

    leftover = process(files.PROFILE_OPTION + (ended / "profile").as_uri(), "--convert-to", "pdf")
    reader = process(str(ended / "profile" / "user" / "registrymodifications.xcu"))
    working = process(files.PROFILE_OPTION + (running / "profile").as_uri())
    try:
        assert files.remove_abandoned_scratch(tmp_path) == [ended]
        assert not psutil.pid_exists(leftover.pid) or psutil.Process(leftover.pid).status() == psutil.STATUS_ZOMBIE
        assert reader.poll() is None and working.poll() is None and running.exists()
    finally:
        for child in (leftover, reader, working):
            child.kill()
            child.wait()


# --- Windows: a job object that ends soffice's tree when the run's handle closes ------------------------------

class _Kernel32:
    """A stand-in for Windows' kernel32 that records what it is asked (and answers as told)."""

    def __init__(self, calls: list, refuse: str = ""):
        self.calls, self.refuse = calls, refuse

    def CreateJobObjectW(self, security, name):  # noqa: N802 — Windows' names
        self.calls.append(("CreateJobObjectW", security, name))
        return 0 if self.refuse == "CreateJobObjectW" else 77

    def SetInformationJobObject(self, job, kind, info, size):  # noqa: N802
        limits = info._obj  # what ctypes.byref points at
        self.calls.append(("SetInformationJobObject", job, kind, limits.BasicLimitInformation.LimitFlags, size))
        return 0 if self.refuse == "SetInformationJobObject" else 1

    def OpenProcess(self, access, inherit, pid):  # noqa: N802
        self.calls.append(("OpenProcess", access, inherit, pid))
        return 88

    def AssignProcessToJobObject(self, job, process):  # noqa: N802
        self.calls.append(("AssignProcessToJobObject", job, process))
        return 0 if self.refuse == "AssignProcessToJobObject" else 1

    def CloseHandle(self, handle):  # noqa: N802
        self.calls.append(("CloseHandle", handle))
        return 1


class _Popen:
    """A stand-in for subprocess.Popen on Windows: records how it was asked to start soffice."""

    def __init__(self, calls: list, cmd, **kwargs):
        self.calls, self.args, self.pid = calls, cmd, 4242
        calls.append(("Popen", cmd, kwargs.get("creationflags"), "start_new_session" in kwargs))

    def kill(self):
        self.calls.append(("kill", self.pid))

    def wait(self, timeout=None):
        return 1


@pytest.fixture
def windows(monkeypatch):
    """Windows forced: its kernel32, its Popen and psutil's resume replaced by recorders; the calls, in order."""
    calls: list = []
    state = types.SimpleNamespace(calls=calls, refuse="", resume_fails=False)
    monkeypatch.setattr(office, "_kernel32", lambda: _Kernel32(calls, state.refuse))
    monkeypatch.setattr(office.subprocess, "Popen", lambda cmd, **kw: _Popen(calls, cmd, **kw))

    def resume(pid):
        calls.append(("resume", pid))
        if state.resume_fails:
            raise OSError("resume refused")

    monkeypatch.setattr(office, "_resume", resume)
    return state


def test_on_windows_soffice_is_started_suspended_put_in_a_kill_on_close_job_then_let_run(windows):
    with office._started(["soffice.exe", "--headless"], platform="win32", stdin=subprocess.DEVNULL) as proc:
        assert proc.args == ["soffice.exe", "--headless"]
        inside = list(windows.calls)
    suspended_in_a_group = office._CREATE_SUSPENDED | office._CREATE_NEW_PROCESS_GROUP
    assert inside == [
        ("Popen", ["soffice.exe", "--headless"], suspended_in_a_group, False),
        ("CreateJobObjectW", None, None),  # unnamed, its handle not inherited: the run holds the only one
        ("SetInformationJobObject", 77, 9, 0x2000, ctypes.sizeof(office._ExtendedLimits)),
        ("OpenProcess", 0x0100 | 0x0001, False, 4242),  # PROCESS_SET_QUOTA | PROCESS_TERMINATE
        ("AssignProcessToJobObject", 77, 88),
        ("CloseHandle", 88),
        ("resume", 4242),  # only once in the job: nothing it starts escapes it
    ]
    assert windows.calls[len(inside):] == [("CloseHandle", 77)]  # the job closed when soffice is done with
    assert (0x0004, 0x0200, 0x2000) == (office._CREATE_SUSPENDED, office._CREATE_NEW_PROCESS_GROUP,
                                        office._JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE)


def test_the_job_limits_are_laid_out_as_windows_reads_them():
    """JOBOBJECT_EXTENDED_LIMIT_INFORMATION: 144 bytes on 64-bit Windows, 112 on 32-bit; LimitFlags after two
    64-bit times."""
    expected = 144 if ctypes.sizeof(ctypes.c_void_p) == 8 else 112
    assert ctypes.sizeof(office._ExtendedLimits) == expected
    assert office._BasicLimits.LimitFlags.offset == 16


@pytest.mark.parametrize("refused, asked", [
    ("CreateJobObjectW", []),
    ("SetInformationJobObject", ["SetInformationJobObject", ("CloseHandle", 77)]),
    ("AssignProcessToJobObject", ["SetInformationJobObject", "OpenProcess", "AssignProcessToJobObject",
                                  ("CloseHandle", 88), ("CloseHandle", 77)]),
])
def test_where_windows_refuses_the_job_soffice_runs_unguarded(windows, refused, asked):
    """A Windows before 8 whose process is already in a job, say: the conversion goes on (the next run cleans
    what a killed one left); the job made is closed at once, nothing is left to close after soffice's end."""
    windows.refuse = refused
    with office._started(["soffice.exe"], platform="win32"):
        pass
    said = [call if call[0] == "CloseHandle" else call[0] for call in windows.calls]
    assert said == ["Popen", "CreateJobObjectW", *asked, "resume"]


def test_a_soffice_that_cannot_be_let_run_is_ended_and_said(windows):
    windows.resume_fails = True
    with pytest.raises(OSError, match="resume refused"), office._started(["soffice.exe"], platform="win32"):
        pytest.fail("never started")
    assert windows.calls[-3:] == [("resume", 4242), ("kill", 4242), ("CloseHandle", 77)]
