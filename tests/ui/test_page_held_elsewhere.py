"""Refused means nothing written, whoever holds the folder: what the page writes for a merge — the commune officer's
decisions, the school's council summary uploaded — is written only once the run holds the campaign's lock, so a press
refused because another program (a second page, a terminal, a mail collect: here a real second process) works on the
folder leaves every file as it was, and says so."""

from __future__ import annotations

import io

from tests.processes import Holder
from tests.ui.pages import SAMPLES, TOKEN, client, commune_campaign, copy_of, held_lines, officer_form, text, wait_job
from thidua_xlsx.system import lock
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}
HELD_ELSEWHERE = ("Chưa ghi gì – quyết định hay bảng của Hội đồng vừa gửi chưa được lưu (bảng không cần sửa gì). "
                  "Một lệnh thidua-xlsx khác (merge) đang chạy trên chiến dịch")


def _done(found, answer) -> None:
    assert answer.status_code == 303, text(answer)
    assert wait_job(found, answer.headers["Location"])["state"] == "done", text(found.get(answer.headers["Location"]))


def _files(folder) -> dict[str, bytes]:
    """Every file of the folder with its bytes, but the lock files (the other program's, held meanwhile)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(lock.LOCK_SUFFIX)}


def _refused_while_held(found, folder, address: str, **post) -> None:
    """``address`` posted while a second process holds the folder's lock: refused, said, and every file as it was."""
    before = _files(folder)
    with Holder(lock.folder_lock_path(folder)):  # a terminal (or another page) merging in the same folder
        refused = found.post(address, **post)
        assert refused.status_code == 409 and HELD_ELSEWHERE in text(refused)
        assert _files(folder) == before


def test_the_officer_s_decision_refused_while_another_program_holds_the_commune_writes_nothing(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    _done(found, found.post("/xa/tong-hop", data=CSRF))
    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    first = officer_form(held_lines(found), (0, "nhan", "Đã kiểm tra biên bản"))
    _refused_while_held(found, folder, "/xa/duyet", data=first)
    assert not book.exists()  # her first decision: no book made

    _done(found, found.post("/xa/duyet", data=first))
    lines = held_lines(found)
    second = officer_form(lines, (0, "bo", "Không đủ minh chứng"))
    kept = book.read_bytes()
    _refused_while_held(found, folder, "/xa/duyet", data=second)  # her book, the summary, the runs: as they were
    assert book.read_bytes() == kept and lines[0][2] in [name for _n, _key, name in held_lines(found)]

    _done(found, found.post("/xa/duyet", data=second))  # the other program done: her decision kept, the list merged
    assert book.read_bytes() != kept
    assert lines[0][2] not in [name for _n, _key, name in held_lines(found)]


def test_the_council_s_summary_uploaded_while_another_program_holds_the_school_is_not_kept(merged_built, tmp_path):
    folder, _returned = copy_of(merged_built, tmp_path)
    _app, found = client(folder)
    council = (SAMPLES / "hoi-dong.xlsx").read_bytes()

    def form() -> dict:
        return {"data": {**CSRF, "council": (io.BytesIO(council), "hoi-dong.xlsx")},
                "content_type": "multipart/form-data"}

    _refused_while_held(found, folder, "/vong/cham-diem/tong-hop", **form())  # no upload kept, no summary rewritten
    assert not (folder / "hoi-dong").exists()

    _done(found, found.post("/vong/cham-diem/tong-hop", **form()))  # the other program done: applied and kept
    assert (folder / "hoi-dong" / "hoi-dong_cham-diem.xlsx").is_file()
