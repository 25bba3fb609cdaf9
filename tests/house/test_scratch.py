"""Where a test run's temporary files go (tests/scratch.py): a folder of the user's own in memory when nobody chose
and there is room; otherwise where they were."""

from __future__ import annotations

import os
import sys
import tempfile

import pytest

from tests import scratch

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="a folder's owner and mode: POSIX")


@pytest.fixture
def nobody_chose(monkeypatch):
    """No TMPDIR in the environment; TMPDIR and Python's own temporary folder as they were after the test."""
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", tempfile.tempdir)


@posix_only
def test_with_room_the_run_s_temporary_files_go_to_a_folder_only_its_user_reads(tmp_path, nobody_chose):
    shm = tmp_path / "shm"
    shm.mkdir()

    folder = scratch.in_memory(None, shm, room=0, memory=0)

    assert folder == shm / f"tests-tmp-{os.getuid()}"
    assert os.environ["TMPDIR"] == str(folder) and tempfile.gettempdir() == str(folder)
    assert folder.stat().st_mode & 0o777 == 0o711  # others pass through (Dovecot's users), nobody else lists it
    assert scratch.in_memory(None, shm, room=0, memory=0) is None  # TMPDIR is now set: chosen, kept


@posix_only
@pytest.mark.parametrize("why", ["TMPDIR", "basetemp", "no room", "no memory", "no shm", "others read", "a link"])
def test_a_choice_made_or_no_room_or_a_folder_not_safe_leaves_the_temporary_files_where_they_were(
        tmp_path, nobody_chose, monkeypatch, why):
    shm = tmp_path / "shm"
    shm.mkdir()
    folder = shm / f"tests-tmp-{os.getuid()}"
    room, memory, basetemp = 0, 0, None
    if why == "TMPDIR":
        monkeypatch.setenv("TMPDIR", str(tmp_path))
    elif why == "basetemp":
        basetemp = str(tmp_path / "base")
    elif why == "no room":
        room = sys.maxsize
    elif why == "no memory":
        memory = sys.maxsize
    elif why == "no shm":
        shm = tmp_path / "missing"
    elif why == "others read":
        folder.mkdir(mode=0o755)
        folder.chmod(0o755)
    else:
        (tmp_path / "elsewhere").mkdir()
        folder.symlink_to(tmp_path / "elsewhere")
    before = os.environ.get("TMPDIR")

    assert scratch.in_memory(basetemp, shm, room=room, memory=memory) is None

    assert os.environ.get("TMPDIR") == before
    if why == "others read":
        assert folder.stat().st_mode & 0o777 == 0o755  # not someone else's to change
