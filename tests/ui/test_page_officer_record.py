"""The officer's book kept by the page (hoi-dong/xa-duyet.xlsx) as an earlier release wrote it — before each line's
identity was sealed, when a copy mailed on read as her book: after the update its decisions are asked again, not
applied and not called edited; the page takes them anew and keeps them in a book of this release."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.summary_meta import rewrite_meta
from tests.ui.pages import TOKEN, client, commune_campaign, held_lines, officer_form, text, wait_job
from thidua_xlsx.cli import main
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.commune import OFFICER_SEAL_FIELD, officer_seal
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _done(found, answer) -> None:
    assert answer.status_code == 303, text(answer)
    assert wait_job(found, answer.headers["Location"])["state"] == "done"


def _as_an_earlier_release_wrote_it(book: Path, folder: Path) -> None:
    """``book``'s record without the lines' identities and its purpose, sealed by the commune's key, as the release
    before wrote every commune summary."""
    key, _made = commune_key(folder)

    def earlier(data: dict) -> None:
        for record in (data, data["held"]):
            record.pop("purpose", None), record.pop("shown", None)
        for lines in (data["rows"], data["removed_rows"], data["held"]["rows"]):
            for line in lines:
                del line[6:]
        data[OFFICER_SEAL_FIELD] = officer_seal(key, data)

    rewrite_meta(book, book, earlier, by_hand=True)


def test_her_book_of_an_earlier_release_keeps_her_removal_asks_the_rest_then_is_taken_anew(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    _done(found, found.post("/xa/tong-hop", data=CSRF))
    lines = held_lines(found)
    _done(found, found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "Không đủ phiếu"))))
    assert len(held_lines(found)) == len(lines) - 1
    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    _as_an_earlier_release_wrote_it(book, folder)

    said = " ".join(CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--council", str(book), "-o",
                                              str(folder / "cli.xlsx")]).output.split())
    assert "'xa-duyet.xlsx' do phiên bản trước ghi" in said and "đề nghị công chức đã bỏ vẫn bỏ" in said
    assert "không còn đúng dấu của xã" not in said and (folder / "cli.xlsx").is_file()
    page = text(found.get("/"))
    assert "'xa-duyet.xlsx' do phiên bản trước ghi" in page  # her removal kept, never silently undone
    assert len(held_lines(found)) == len(lines) - 1
    _done(found, found.post("/xa/duyet", data=officer_form(held_lines(found), (0, "nhan", "Đã đối chiếu"))))
    issues = json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))["runs"][-1]["issues"]
    assert "level_above.accepted" in {code for _severity, code, _words in issues}
    assert len(held_lines(found)) == len(lines) - 2
