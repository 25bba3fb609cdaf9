"""The service's record of runs (``cac-lan-chay.json``, :data:`thidua_xlsx.service.REMEMBERED_EMPTY`): what the page
lists as the campaign's news, whichever door ran the command — docs/development.md, "One way through the house"."""

from __future__ import annotations

from tests.samples import school_copy
from thidua_xlsx import service
from thidua_xlsx.model import requests as rq
from thidua_xlsx.system.runs import recent


def test_a_run_is_kept_when_it_wrote_a_file_and_a_merge_always_never_a_status(tmp_path):
    folder = school_copy(tmp_path)

    service.run(rq.StatusRequest(inbox=folder / "inbox"))
    assert recent(folder) == []  # a status reads only

    wrote = service.run(rq.MergeRequest(inbox=folder / "inbox", output=tmp_path / "tong-hop.xlsx"))
    missing = service.run(rq.MergeRequest(inbox=folder / "khong-co", output=tmp_path / "khong.xlsx"))

    assert wrote.files and not missing.files  # an inbox not there: nothing written, the round's news all the same
    assert [(run.command, run.exit_code, bool(run.files)) for run in recent(folder)] == [
        ("merge", 0, True), ("merge", 1, False)]
    assert recent(folder)[-1].issues[0][1:] == ("file.folder_gone", "[.] Không có thư mục này (gõ sai tên, hoặc thư "
                                                "mục vừa bị xóa, đổi tên hay chuyển đi) – không tệp nào bên trong được "
                                                "đọc. Hãy kiểm tra lại thư mục rồi chạy lại.")
