"""Test helper: where a run's temporary files go when nobody chose (no TMPDIR, no --basetemp) — a folder of this user
in Linux's memory-backed /dev/shm, when it and the machine's memory have room for a run (a run holds ~1 GB there at
its peak, Wine's prefix most of it). On a disk with a journal, the tests' ~30,000 files and the books written and
deleted cost a run time: the whole suite 273 → 258 s, its system time 66 → 50 s (paired, README)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

IN_MEMORY = Path("/dev/shm")
ROOM = 3 * 2**30  # free in /dev/shm
MEMORY = 4 * 2**30  # and available in the machine


def in_memory(basetemp: str | None, shm: Path = IN_MEMORY, room: int = ROOM, memory: int = MEMORY) -> Path | None:
    """TMPDIR set to a folder of ours in ``shm`` for this process and the ones it starts (xdist's workers, the
    commands, LibreOffice, Dovecot, Wine): their temporary files and pytest's ``tmp_path``; the folder given back.
    None, and nothing changed, when someone chose (TMPDIR, ``basetemp``), on a system without ``shm`` or
    ``os.getuid``, short of room, or when a folder of that name is not ours or others can read it."""
    import psutil

    if os.environ.get("TMPDIR") or basetemp or not hasattr(os, "getuid") or not shm.is_dir():
        return None
    try:
        if shutil.disk_usage(shm).free < room or psutil.virtual_memory().available < memory:
            return None
        # Not named after the tool: a page or message that shows a path must not seem to name the command. Others
        # may pass through it (0711, as a home folder), not list it: Dovecot's own users read their folder inside.
        folder = shm / f"tests-tmp-{os.getuid()}"
        folder.mkdir(mode=0o711, exist_ok=True)
        found = folder.lstat()
        if folder.is_symlink() or found.st_uid != os.getuid() or found.st_mode & 0o066:
            return None
        folder.chmod(0o711)
    except OSError:
        return None
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # asked again: the folder above
    return folder
