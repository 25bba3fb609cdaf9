"""Builders for the tests that start a process and read what it says (the launchers, the installers)."""

from __future__ import annotations


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
