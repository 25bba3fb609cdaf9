"""Builders for the tests that start a process and read what it says (the launchers, the installers), or that hold
a lock from a second process (a terminal's run, another page)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOLDER = """
import sys
from pathlib import Path
from thidua_xlsx.system.lock import holding
with holding([Path(p) for p in sys.argv[1:]], "merge"):
    print("ready", flush=True)
    sys.stdin.read()
"""


class Holder:
    """A second process holding locks (as a terminal's ``merge`` holds them) until told to stop."""

    def __init__(self, *paths: Path):
        self.process = subprocess.Popen([sys.executable, "-c", HOLDER, *map(str, paths)], cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdout.readline().strip() == "ready"

    def stop(self) -> None:
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0
        self.process.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        if self.process.poll() is None:
            self.stop()


def lines_until(stream, done, seconds: float) -> list[str]:
    """The lines ``stream`` gives until one satisfies ``done``, or until ``seconds`` pass or it ends — never blocked
    on a page that said less than expected (a reader thread hands the lines over)."""
    import queue
    import threading
    import time

    given: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [given.put(line) for line in iter(stream.readline, "")], daemon=True).start()
    lines: list[str] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = given.get(timeout=left)
        except queue.Empty:
            break
        lines.append(line)
        if done(line):
            break
    return lines
