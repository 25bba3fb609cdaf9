"""One run at a time: a lock file held by a real second process refuses this one, with who holds it; a lock
its process left behind is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import ROOT, Holder
from thidua_xlsx.system import lock


def test_a_lock_held_by_another_process_refuses_with_who_holds_it(tmp_path):
    path = lock.folder_lock_path(tmp_path)
    with Holder(path) as holder:
        with pytest.raises(lock.Busy) as busy:
            with lock.holding([path], "merge"):
                pass
        assert busy.value.holder.pid == holder.process.pid and busy.value.holder.host == socket.gethostname()
        assert busy.value.holder.command == "merge" and busy.value.holder.since
        holder.stop()
    assert not path.exists()  # let go of when its run ends
    with lock.holding([path], "merge"):
        assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()
    assert not path.exists()


def test_the_locks_taken_are_let_go_when_one_is_held(tmp_path):
    free, held = lock.lock_path(tmp_path / "tong-hop.xlsx"), lock.lock_path(tmp_path / "bao-cao.json")
    with Holder(held):
        with pytest.raises(lock.Busy):
            with lock.holding([free, held], "merge"):
                pass
        assert not free.exists()


def test_a_lock_is_let_go_when_the_run_fails(tmp_path):
    path = lock.lock_path(tmp_path / "tong-hop.xlsx")
    with pytest.raises(ZeroDivisionError):
        with lock.holding([path], "merge"):
            1 / 0
    assert not path.exists()


def test_a_thread_holding_its_campaign_holds_it_again_and_nothing_else_does(tmp_path, monkeypatch):
    """The page's run holds its campaign from before it writes what its command reads, and the command takes it again
    (its folder written otherwise); another thread of this process is refused as a second process is, and an output's
    lock is never taken twice (two conversions of one run never share a LibreOffice profile)."""
    import threading

    path = lock.folder_lock_path(tmp_path)
    monkeypatch.chdir(tmp_path)
    with lock.holding([path], "merge"):
        with lock.holding([lock.folder_lock_path(Path("."))], "merge"):
            assert path.exists()
        assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()  # held until the outer run ends
        refused: list[lock.Busy] = []

        def another_thread() -> None:
            try:
                with lock.holding([path], "merge"):
                    pass
            except lock.Busy as busy:
                refused.append(busy)

        other = threading.Thread(target=another_thread)
        other.start()
        other.join()
        assert [busy.holder.pid for busy in refused if busy.holder] == [os.getpid()]
    assert not path.exists()
    output = lock.lock_path(tmp_path / "tong-hop.xlsx")
    with lock.holding([output], "merge"), pytest.raises(lock.Busy), lock.holding([output], "merge"):
        pass


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def _write_lock(path: Path, pid: int, host: str) -> None:
    path.write_text(json.dumps({"pid": pid, "host": host, "command": "merge", "since": "01/06/2026 08:00:00"}))


def test_a_lock_left_by_a_process_that_died_is_taken_over(tmp_path):
    path = lock.folder_lock_path(tmp_path)
    _write_lock(path, _dead_pid(), socket.gethostname())
    with lock.holding([path], "generate"):
        assert json.loads(path.read_text(encoding="utf-8"))["command"] == "generate"


def test_a_lock_of_another_computer_is_never_judged_from_here(tmp_path):
    path = lock.folder_lock_path(tmp_path)
    _write_lock(path, _dead_pid(), "may-thu-ky-2")
    with pytest.raises(lock.Busy) as busy:
        with lock.holding([path], "merge"):
            pass
    assert busy.value.holder.host == "may-thu-ky-2" and path.exists()


STUCK = """
import sys, time
from pathlib import Path
from thidua_xlsx.system import lock

def stuck(*_args, **_kwargs):  # the lock created and held, its words not yet written
    print("created", flush=True)
    time.sleep(120)

lock.json.dumps = stuck
with lock.holding([Path(sys.argv[1])], "merge"):
    pass
"""


def test_an_empty_lock_blocks_while_its_run_lives_and_nobody_once_it_is_killed(tmp_path):
    """A real run stopped between creating its lock and writing it: while it lives the lock is its own (a
    second run is refused, with no one named); killed there, it leaves an empty lock that the next run takes at
    once — no minute to wait, no file to delete by hand."""
    path = lock.folder_lock_path(tmp_path)
    run = subprocess.Popen([sys.executable, "-c", STUCK, str(path)], cwd=ROOT, text=True, stdout=subprocess.PIPE)
    try:
        assert run.stdout.readline().strip() == "created"
        with pytest.raises(lock.Busy) as busy:
            with lock.holding([path], "merge"):
                pass
        assert busy.value.holder is None and path.read_bytes() == b""
    finally:
        run.kill()
        run.wait(timeout=60)
        run.stdout.close()
    assert path.read_bytes() == b""  # what a killed run leaves
    with lock.holding([path], "year"):
        assert json.loads(path.read_text(encoding="utf-8"))["command"] == "year"
    assert not path.exists()


def test_a_lock_cut_short_that_nothing_holds_is_taken_at_once(tmp_path):
    path = lock.folder_lock_path(tmp_path)
    path.write_text('{"pid": 41', encoding="utf-8")  # a full disk cut it short, long ago or just now
    with lock.holding([path], "merge"):
        assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows' hold is the open file, there on every file system")
def test_where_the_file_system_has_no_locks_an_unreadable_lock_waits_its_age(tmp_path, monkeypatch):
    """Some network shares refuse flock: an unreadable lock is then held while fresh (it may be a run writing
    it), stale once untouched for UNREADABLE_STALE_SECONDS."""
    import errno
    import fcntl

    def refused(*_args):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", refused)
    path = lock.folder_lock_path(tmp_path)
    path.write_bytes(b"")
    with pytest.raises(lock.Busy) as busy:
        with lock.holding([path], "merge"):
            pass
    assert busy.value.holder is None
    old = time.time() - 2 * lock.UNREADABLE_STALE_SECONDS
    os.utime(path, (old, old))
    with lock.holding([path], "merge"):
        assert json.loads(path.read_text(encoding="utf-8"))["pid"] == os.getpid()


RACER = """
import sys, time
from pathlib import Path
from thidua_xlsx.system import lock

path, start, log = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
while not start.exists():
    time.sleep(0.001)
try:
    with lock.holding([path], "merge"):
        with log.open("a") as out:
            out.write(f"in {time.monotonic()}\\n")
        time.sleep(0.5)
        with log.open("a") as out:
            out.write(f"out {time.monotonic()}\\n")
except lock.Busy:
    sys.exit(3)
"""


def test_of_runs_taking_over_one_stale_lock_at_once_one_holds_it(tmp_path):
    """Eight real runs find the same empty lock of a killed run at the same moment: one takes it over, the
    others are refused — never two holding it."""
    path, start, log = lock.folder_lock_path(tmp_path), tmp_path / "start", tmp_path / "log"
    path.write_bytes(b"")
    runs = [subprocess.Popen([sys.executable, "-c", RACER, str(path), str(start), str(log)], cwd=ROOT)
            for _ in range(8)]
    time.sleep(1.5)  # all started, waiting
    start.touch()
    codes = sorted(run.wait(timeout=60) for run in runs)
    held = [line.split()[0] for line in log.read_text().splitlines()]
    # never two at once: each run in is out before the next is in (a run the machine held back past the first's
    # release may take the lock after it, as it may when no run holds it; on an idle machine only one does)
    assert held == ["in", "out"] * codes.count(0) and codes.count(0) >= 1 and set(codes) <= {0, 3}
    assert not path.exists()


def test_lock_names_stay_short_and_distinct_for_long_names(tmp_path):
    first, second = (lock.lock_path(tmp_path / ("a" * 200 + suffix)) for suffix in ("1.xlsx", "2.xlsx"))
    assert first != second and len(first.name) < 100 + 40 and first.parent == tmp_path


def test_this_process_is_alive_and_a_finished_one_is_not():
    assert lock.process_alive(os.getpid()) and not lock.process_alive(_dead_pid())
