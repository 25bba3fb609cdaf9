"""Test helper: runs of the real code in child processes that convert with LibreOffice (or a stand-in for it),
to be killed outright, and what they leave — processes found by their command line, folders in a temporary
folder of the test's own.

    from tests.system.office_runs import CONVERTING, big_workbook, office_processes, start, wait_for

    run = start(CONVERTING, big_workbook(tmp_path / "lon.xlsx"), tmp_path / "pdf", env=env)
    wait_for(lambda: office_processes(f"thidua_office_{run.pid}-"), 60)
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")

# A run converting with LibreOffice through thidua_xlsx.system.office: argv = source, output folder.
CONVERTING = """
import sys
from pathlib import Path
from thidua_xlsx.system import office
office.convert(Path(sys.argv[1]), "pdf", Path(sys.argv[2]), timeout=300)
print("converted", flush=True)
"""

# The same run started as on macOS, where nothing ends LibreOffice with its run (no death signal, no job).
CONVERTING_AS_ON_MACOS = """
import functools, sys
from pathlib import Path
from thidua_xlsx.system import office
office._started = functools.partial(office._started, platform="darwin")
office.convert(Path(sys.argv[1]), "pdf", Path(sys.argv[2]), timeout=300)
"""

# The next run's first step: its first scratch folder, which clears what ended runs left (files.scratch_folder).
NEXT_RUN = """
from thidua_xlsx.system import files
with files.scratch_folder("thidua_test_"):
    pass
"""

# A stand-in for LibreOffice's tree (oosplash starting soffice.bin), started through office._started as the run
# starts soffice: it prints the worker's id, then waits (argv[1] "wait") or ends at once, orphaning it ("leave").
OFFICE_TREE = """
import subprocess, sys, time
worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", "soffice.bin stand-in"])
print(worker.pid, flush=True)
if sys.argv[1] == "wait":
    time.sleep(120)
"""

# A run that starts OFFICE_TREE (argv[1]: wait or leave) as it starts soffice; it prints the guard's id and the
# worker's, then waits for the tree to end.
STARTING_A_TREE = """
import subprocess, sys
from thidua_xlsx.system import office
from tests.system.office_runs import OFFICE_TREE
with office._started([sys.executable, "-c", OFFICE_TREE, sys.argv[1]], stdin=subprocess.DEVNULL) as proc:
    print(proc.pid, flush=True)
    proc.wait()
"""


def start(script: str, *args, env: dict | None = None) -> subprocess.Popen:
    """A child Python running ``script`` with ``args`` from the repository's root, its output piped."""
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, text=True, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(run: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    """Wait for ``run``; its exit code and what it wrote to stderr."""
    _out, err = run.communicate(timeout=timeout)
    return run.returncode, err


def in_temp(tmp_path: Path) -> tuple[Path, dict]:
    """A temporary folder of the test's own, and an environment that makes it the system's for a child; the child's
    cache folder is the test's own too (XDG_CACHE_HOME), so its conversions keep their LibreOffice profiles there
    (thidua_xlsx.system.office._kept): a run killed or held still here never holds, nor leaves broken, the profile
    other test processes convert on, and none of theirs makes a run here convert on a fresh profile instead."""
    temp = tmp_path / "tam"
    temp.mkdir()
    return temp, {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp),
                  "XDG_CACHE_HOME": str(tmp_path / "cache")}


def big_workbook(path: Path, rows: int = 15000) -> Path:
    """A workbook of 313 pages in PDF, which LibreOffice converts in about a second on an idle machine (a test that
    needs it still converting holds it still); with a few ``rows``, one page."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Danh sách")
    for row in range(rows):
        sheet.write_row(row, 0, [f"Nguyễn Văn {row}", "Tổ Toán", row % 100, "Hoàn thành tốt nhiệm vụ"])
    book.close()
    return path


def office_processes(marker: str) -> list:
    """The running processes (not zombies) whose command line holds ``marker`` — a scratch folder's name —, each with
    its name as it was found (``info["name"]``: LibreOffice's first soffice.bin on a new profile ends at once, asking
    for a restart). Polled every 50 ms while a test waits: every process's command line and name read, the status of
    those that match only."""
    import psutil

    found = []
    for process in psutil.process_iter(["cmdline", "name"]):
        if process.pid != os.getpid() and any(marker in part for part in process.info["cmdline"] or ()):
            with contextlib.suppress(psutil.NoSuchProcess):
                if process.status() != psutil.STATUS_ZOMBIE:
                    found.append(process)
    return found


def gone(processes) -> bool:
    """Whether every one of ``processes`` has ended (a zombie, not yet reaped by its new parent, has)."""
    import psutil

    def ended(process) -> bool:
        try:
            return process.status() == psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return True

    return all(ended(p) for p in processes)


def wait_for(check: Callable[[], T], timeout: float, step: float = 0.05) -> T:
    """``check()``'s first true answer within ``timeout`` seconds; AssertionError when none comes."""
    deadline = time.monotonic() + timeout
    while True:
        answer = check()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(step)
