"""What stops a command before any work is one family (model.errors): the intake's, the mailbox's, the page's port,
the locks and the page's one job at a time are its members, each with its exit code and its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua_xlsx.commands.collect import open_intake
from thidua_xlsx.mail.imap import MailFault
from thidua_xlsx.model.errors import Blocked, CommandError, Stopped
from thidua_xlsx.model.exits import EXIT_UNUSABLE
from thidua_xlsx.model.issues import ERROR, issue
from thidua_xlsx.steps.intake import IntakeError
from thidua_xlsx.system import lock
from thidua_xlsx.ui import jobs as ui_jobs
from thidua_xlsx.ui.serve import NoPort


def _intake_error(folder: Path) -> IntakeError:
    with pytest.raises(IntakeError) as refused:
        open_intake(folder)
    return refused.value


def test_each_member_is_of_the_family_with_its_exit_code_and_its_words(tmp_path):
    busy_lock = lock.Busy(tmp_path / lock.LOCK_SUFFIX, lock.Holder(4242, "may-thu-ky", "merge", "25/11/2026 08:00:00"))
    members = [
        (_intake_error(tmp_path), Stopped, f"'{tmp_path}' không phải thư mục chiến dịch"),
        (MailFault(issue("mail.timeout", ERROR, host="may-chu", port=993, seconds=30)), Stopped,
         "Máy chủ thư may-chu:993 không trả lời sau 30 giây. Hãy thử lại sau."),
        (NoPort(issue("ui.no_port", first=8765, last=8774)), Stopped,
         "Các cổng 8765–8774 đều đang bị chương trình khác dùng – không mở được trang."),
        (busy_lock, Blocked, f"Một lệnh thidua-xlsx khác (merge) đang chạy trên chiến dịch {tmp_path}: máy "
                             "may-thu-ky, tiến trình 4242, từ 25/11/2026 08:00:00."),
        (ui_jobs.Busy(issue("ui.run_busy", running="Tổng hợp – Tháng 11")), Blocked,
         "Đang chạy 'Tổng hợp – Tháng 11' trên chiến dịch này – chờ việc đó xong rồi bấm lại."),
    ]
    for error, kind, words in members:
        assert isinstance(error, kind) and isinstance(error, CommandError), type(error)
        assert error.exit_code == EXIT_UNUSABLE
        assert words in str(error), (type(error), str(error))


def test_the_members_keep_what_their_callers_read(tmp_path):
    """The problem of a mailbox, the issue of a port or of a running job, the lock's path and holder: as before."""
    said = issue("mail.timeout", ERROR, host="may-chu", port=993, seconds=30)
    assert MailFault(said).problem == said and list(MailFault(said).problems) == [said]
    port = issue("ui.no_port", first=8765, last=8774)
    assert NoPort(port).issue == port
    assert ui_jobs.Busy(issue("ui.run_busy", running="x")).issue.code == "ui.run_busy"
    held = lock.Busy(tmp_path / "a.thidua-xlsx.lock", None)
    assert held.path == tmp_path / "a.thidua-xlsx.lock" and held.holder is None
    assert [p.code for p in _intake_error(tmp_path).problems] == ["intake.no_campaign"]
