"""Test helper: what a test session makes once and its processes (xdist's workers) share — the LibreOffice work a
module's tests read (tests/e2e/test_libreoffice.py, tests/system/test_office*.py), Wine's prefix (tests/wine.py)."""

from __future__ import annotations

import os
import shutil
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from thidua_xlsx.system import lock


def once_a_session(tmp_path_factory, name: str, build: Callable[[Path], None], wait: float = 900) -> Path:
    """The folder ``name``, filled by ``build(folder)`` once for the whole test session and shared by its processes
    (xdist's workers): the first to ask builds it, holding its lock; the others wait (``wait`` seconds at most), then
    find it built. The tests only read it: what a test writes goes to a folder of its own. A build that raised is not
    tried again: every process that asks fails with its traceback."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the session's temporary folder, above each worker's own
    folder, built, failed = root / name, root / f"{name}.built", root / f"{name}.failed"
    deadline = time.monotonic() + wait
    while not (built.exists() or failed.exists()):
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} was not built by another test process within {wait:g} s")
        try:
            with lock.holding([lock.lock_path(folder)], "tests"):
                if not (built.exists() or failed.exists()):
                    shutil.rmtree(folder, ignore_errors=True)  # what a process that died while building left
                    folder.mkdir()
                    try:
                        build(folder)
                    except Exception:  # said in every process that asks, not built again by each
                        failed.write_text(traceback.format_exc(), encoding="utf-8")
                    else:
                        built.touch()
        except lock.Busy:  # another process is building it
            time.sleep(0.2)
    if failed.exists():
        raise AssertionError(f"{name} was not built:\n{failed.read_text(encoding='utf-8')}")
    return folder
