"""Files written whole (a failure leaves the old file and nothing beside it) and the machine's refusals said
in Vietnamese, with what to do."""

from __future__ import annotations

import errno
import os

import pytest

from thidua_xlsx.system import console, files
from thidua_xlsx.system.files import WriteError, check_writable, fault_text, install, replacing


def _fails_with(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "tong-hop.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(WriteError) as caught:
        with replacing(target) as tmp:
            tmp.write_bytes(b"half of a new")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(target)  # the target, not the .tmp
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["tong-hop.xlsx"]


def test_a_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.json"
    monkeypatch.setattr(files.os, "replace", _fails_with(errno.EACCES))
    with pytest.raises(WriteError) as caught:
        with replacing(target) as tmp:
            tmp.write_text("{}")
    assert caught.value.errno == errno.EACCES and caught.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_leaves_nothing(tmp_path):
    with pytest.raises(KeyboardInterrupt):
        with replacing(tmp_path / "a.xlsx") as tmp:
            tmp.write_bytes(b"x")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_library_error_wrapping_an_oserror_is_said_as_the_oserror(tmp_path):
    """xlsxwriter raises FileCreateError (not an OSError) when it cannot create its file."""
    import xlsxwriter

    target = tmp_path / "khong-co" / "tong-hop.xlsx"
    with pytest.raises(WriteError) as caught:
        with replacing(target) as tmp:
            xlsxwriter.Workbook(str(tmp)).close()
    assert caught.value.errno == errno.ENOENT and caught.value.filename == str(target)


def test_two_writers_never_share_a_temporary_name(tmp_path):
    with replacing(tmp_path / "a.xlsx") as first, replacing(tmp_path / "a.xlsx") as second:
        assert first != second
        first.write_bytes(b"1")
        second.write_bytes(b"2")
    assert (tmp_path / "a.xlsx").read_bytes() in (b"1", b"2") and len(list(tmp_path.iterdir())) == 1


def test_a_file_moved_from_another_disk_is_copied_whole(tmp_path, monkeypatch):
    source, target = tmp_path / "made.pdf", tmp_path / "out" / "tong-hop.pdf"
    target.parent.mkdir()
    source.write_bytes(b"%PDF whole")
    real_replace = os.replace
    calls = []

    def across_disks(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", across_disks)
    install(source, target)
    assert target.read_bytes() == b"%PDF whole" and not source.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["tong-hop.pdf"]


def test_a_copy_cut_short_by_a_full_disk_leaves_no_partial_file_under_its_name(tmp_path, monkeypatch):
    source, target = tmp_path / "made.pdf", tmp_path / "out" / "tong-hop.pdf"
    target.parent.mkdir()
    source.write_bytes(b"%PDF whole")

    def half_copy(src, dst):
        with open(dst, "wb") as f:
            f.write(b"%PDF ha")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", _fails_with(errno.EXDEV))
    monkeypatch.setattr(files.shutil, "copyfile", half_copy)
    with pytest.raises(WriteError) as caught:
        install(source, target)
    assert caught.value.errno == errno.ENOSPC and list(target.parent.iterdir()) == []
    assert source.read_bytes() == b"%PDF whole"


# --- asked before any work ------------------------------------------------------------------------------

def test_a_name_past_the_limit_is_said_before_any_work(tmp_path):
    with pytest.raises(WriteError) as caught:
        check_writable(tmp_path / ("a" * 300 + ".xlsx"))
    assert caught.value.errno == errno.ENAMETOOLONG
    text = fault_text(caught.value)
    assert "đường dẫn quá dài" in text and "không có quyền" not in text


def test_a_folder_that_cannot_be_written_is_said_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr(files.os, "open", _fails_with(errno.EROFS))
    with pytest.raises(WriteError) as caught:
        check_writable(tmp_path / "tong-hop.xlsx")
    assert "chỉ cho đọc" in fault_text(caught.value) and list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_said_with_what_to_do(tmp_path):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError) as caught:
            check_writable(folder / "tong-hop.xlsx")
    finally:
        folder.chmod(0o755)
    assert "không có quyền" in fault_text(caught.value) and list(folder.iterdir()) == []


def test_a_writable_folder_passes_and_keeps_nothing(tmp_path):
    check_writable(tmp_path / "tong-hop.xlsx")
    check_writable(tmp_path)
    assert list(tmp_path.iterdir()) == []


# --- the machine's refusals in words --------------------------------------------------------------------

def _error(code: int, path, winerror: int | None = None) -> WriteError:
    error = WriteError(code, os.strerror(code), str(path))
    error.winerror = winerror
    return error


def test_a_full_disk_says_free_some_space(tmp_path):
    target = tmp_path / "tong-hop.xlsx"
    text = fault_text(_error(errno.ENOSPC, target))
    assert text.startswith(f"Không ghi được '{target}'") and "ổ đĩa đầy — hãy giải phóng chỗ" in text


def test_a_file_open_in_excel_says_close_it(tmp_path):
    """Windows will not replace a file Excel holds open: PermissionError, and Excel's owner file beside it."""
    target = tmp_path / "tong-hop.xlsx"
    (tmp_path / "~$tong-hop.xlsx").write_bytes(b"owner")
    assert "hãy đóng tệp tong-hop.xlsx trong Excel rồi chạy lại" in fault_text(_error(errno.EACCES, target))
    sharing = _error(errno.EACCES, tmp_path / "bao-cao.xlsx", files.WINDOWS_SHARING_VIOLATION)
    assert "hãy đóng tệp bao-cao.xlsx trong Excel" in fault_text(sharing)


def test_no_permission_and_a_read_only_disk_say_choose_another_place(tmp_path):
    text = fault_text(_error(errno.EACCES, tmp_path / "tong-hop.xlsx"))
    assert "không có quyền" in text and "chọn nơi ghi khác" in text and "đang mở trong Excel" in text
    assert "chỉ cho đọc" in fault_text(_error(errno.EROFS, tmp_path / "tong-hop.xlsx"))


def test_other_faults_keep_the_systems_words_and_a_plain_oserror_says_open(tmp_path):
    text = fault_text(OSError(errno.EIO, "Input/output error", str(tmp_path / "campaign.xlsx")))
    assert text.startswith("Không mở được") and "Input/output error" in text and "kiểm tra ổ đĩa" in text
    assert fault_text(OSError(errno.ENOSPC, "No space left on device")).startswith("Máy báo lỗi: ổ đĩa đầy")


# --- a request to end (SIGTERM) ends the run as Ctrl-C does ------------------------------------------------

def test_a_request_to_end_becomes_an_exit_only_where_nothing_else_handles_it():
    """Its effect on a real process: tests/system/test_killed_runs.py. Here: a handler someone else set is kept,
    and the default comes back after the block."""
    import signal

    with console.terminate_as_exit():
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL

    def theirs(_signum, _frame):
        pass

    signal.signal(signal.SIGTERM, theirs)
    try:
        with console.terminate_as_exit():
            assert signal.getsignal(signal.SIGTERM) is theirs
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
