"""The page's smaller edges: the address with the token is sent on to a path of the page alone (never another site,
whatever a browser drops from or reads into it), a download refuses a file of more than one name (a hard link may be
a file outside the campaign folder), an upload's name Windows would read as a device is made safe, and a round's
summary is the same file on the overview and on the round's own page."""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest

from tests.ui.pages import RETURNED, TOKEN, client, school_campaign, text, wait_job
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _as_a_browser_reads(location: str) -> str:
    """A Location as a browser follows it: tabs and newlines dropped, a backslash read as a slash."""
    return re.sub(r"[\t\n\r]", "", location).replace("\\", "/")


@pytest.mark.parametrize("path", ["/%09/evil.example", "/%5C/evil.example", "/%2F/evil.example", "/%0A/evil.example",
                                  "/%20/%09/evil.example"])
def test_the_token_step_sends_the_browser_on_to_a_path_of_the_page_only(tmp_path, path):
    from thidua_xlsx.ui.app import create_app

    folder, _returned = school_campaign(tmp_path)
    found = create_app(folder, TOKEN, 0).test_client()
    answer = found.get(f"{path}?token={TOKEN}")
    assert answer.status_code == 302
    followed = _as_a_browser_reads(answer.headers["Location"])
    assert followed.startswith("/") and not followed.startswith("//"), answer.headers["Location"]


def test_a_download_refuses_a_file_with_another_name_outside(tmp_path):
    folder, _returned = school_campaign(tmp_path / "a")
    secret = tmp_path / "ngoai.txt"
    secret.write_text("not the campaign's", encoding="utf-8")
    os.link(secret, folder / "lien-ket.txt")
    _app, found = client(folder)
    refused = found.get("/tep", query_string={"p": "lien-ket.txt"})
    assert refused.status_code == 404 and "'lien-ket.txt' nằm ngoài thư mục chiến dịch" in text(refused)
    served = found.get("/tep", query_string={"p": "campaign.xlsx"})  # a file of one name: served
    assert served.status_code == 200
    served.close()


def test_an_upload_named_as_a_windows_device_is_filed_under_a_safe_name(tmp_path):
    folder, returned = school_campaign(tmp_path)
    _app, found = client(folder)
    books = [(io.BytesIO((returned / RETURNED[0]).read_bytes()), "nul .xlsx"),
             (io.BytesIO((returned / RETURNED[1]).read_bytes()), "con.ban.xlsx")]
    dropped = found.post("/vong/cham-diem/nhan", data={**CSRF, "files": books}, content_type="multipart/form-data")
    words = text(found.get(dropped.headers["Location"]))
    assert "Đã xếp: inbox/_nul .xlsx" in words and "Đã xếp: inbox/_con.ban.xlsx" in words
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == ["_con.ban.xlsx", "_nul .xlsx"]


def test_a_round_s_summary_is_the_same_file_on_every_page(tmp_path):
    folder, returned = school_campaign(tmp_path)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    _app, found = client(folder)

    def offered(path: str) -> list[str]:
        return re.findall(r"Tải về (\S+\.xlsx)", text(found.get(path)))

    assert offered("/vong/cham-diem") == []  # the round's page read before its merge
    merged = found.post("/vong/cham-diem/tong-hop", data=CSRF)
    assert wait_job(found, merged.headers["Location"])["state"] == "done"
    assert offered("/") == offered("/vong/cham-diem") == ["tong-hop_cham-diem.xlsx"]
