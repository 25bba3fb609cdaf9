"""The commune officer's word bound to the person and the file it was given on, through the page and through the
CLI's commune merge: a form drawn before the list changed lands on the very person it showed or is refused with the
list redrawn; a decision on one file of a school is asked again for another file (both fingerprints shown); what she
types is kept as typed; a refused POST writes nothing; her book is sealed with the commune's key and each of its lines
checked against the name it shows."""

from __future__ import annotations

import json
import re
import threading
import zipfile
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.summary_meta import rewrite_meta
from tests.ui.pages import TOKEN, client, commune_campaign, held_lines, officer_form, text, wait_job
from thidua_xlsx.cli import main
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}
KIM_SON = "THCS-KS"  # the sample commune's school whose CSTĐCS wait for the officer (its council never met)
KIM_SON_FILE = "THCS-Kim-Son_ca-nam.xlsx"


def _done(found, answer) -> dict:
    assert answer.status_code == 303, text(answer)
    state = wait_job(found, answer.headers["Location"])
    assert state["state"] == "done", state
    return state


def _last_run(folder: Path) -> list[tuple[str, str, str]]:
    return json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))["runs"][-1]["issues"]


def _merged_world(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    _done(found, found.post("/xa/tong-hop", data=CSRF))
    return folder, found


def _cli_merge(folder: Path) -> str:
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--council",
                                       str(folder / "hoi-dong" / "xa-duyet.xlsx"), "-o", str(folder / "cli.xlsx")])
    return " ".join(result.output.split())


def test_a_form_drawn_before_the_list_changed_lands_on_the_person_it_showed_or_is_refused(tmp_path):
    folder, found = _merged_world(tmp_path)
    drawn = held_lines(found)  # tab A
    first, second, third = (name for _n, _key, name in drawn[:3])
    _done(found, found.post("/xa/duyet", data=officer_form(held_lines(found), (0, "bo", "Không đủ phiếu"))))  # tab B
    assert held_lines(found)[0][2] == second  # the list moved up by one

    _done(found, found.post("/xa/duyet", data=officer_form(drawn, (1, "bo", "Hồ sơ thiếu minh chứng"))))  # tab A
    removed = [said for _severity, code, said in _last_run(folder) if code == "level_above.removed"]
    assert len(removed) == 1 and f"] {second} (" in removed[0] and "Hồ sơ thiếu minh chứng" in removed[0]
    assert third in [name for _n, _key, name in held_lines(found)]  # the one now in its place: untouched

    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    before = book.read_bytes()
    stale = found.post("/xa/duyet", data=officer_form(drawn, (0, "nhan", "Đã kiểm tra")))  # decided in tab B since
    assert stale.status_code == 409
    assert "Danh sách đề nghị tạm giữ đã thay đổi từ khi trang này được mở" in text(stale)
    redrawn = re.findall(r'for="ly-do-\d+">Lý do – ([^<]+)</label>', stale.data.decode())
    assert first not in redrawn and second not in redrawn and third in redrawn  # the list as it is now
    assert book.read_bytes() == before


def _resent(folder: Path) -> None:
    """Kim Sơn sends its file again, not the same bytes (another fingerprint), the same data."""
    with zipfile.ZipFile(folder / "inbox" / KIM_SON_FILE, "a") as sent:
        sent.comment = b"gui lai"


def test_an_acceptance_on_one_file_of_a_school_is_asked_again_for_another_file(tmp_path):
    folder, found = _merged_world(tmp_path)
    page = found.get("/").data.decode()
    old = re.search(f'<option value="{KIM_SON}">[^<]+ – Dấu vân tay ([0-9a-f]{{12}})</option>', page)[1]
    drawn = re.search(f'name="van-tay-{KIM_SON}" value="([^"]+)"', page)[1]
    _done(found, found.post("/xa/duyet", data={**CSRF, "truong": KIM_SON, f"van-tay-{KIM_SON}": drawn,
                                                "ly-do-truong": "Đã đối chiếu dấu vân tay với hiệu trưởng"}))
    assert f'<option value="{KIM_SON}">' not in found.get("/").data.decode()

    _resent(folder)
    page = found.get("/").data.decode()
    new = re.search(f'<option value="{KIM_SON}">[^<]+ – Dấu vân tay ([0-9a-f]{{12}})</option>', page)[1]
    assert new != old
    asked = [line for line in re.findall(r'<td class="small">([^<]*)</td>', page) if old in line]
    assert len(asked) == 15 and all(new in line and "hãy quyết định lại" in line for line in asked)
    stale = found.post("/xa/duyet", data={**CSRF, "truong": KIM_SON, f"van-tay-{KIM_SON}": drawn,
                                          "ly-do-truong": "Đã đối chiếu"})  # the form drawn on the old file
    assert stale.status_code == 409 and "Danh sách đề nghị tạm giữ đã thay đổi" in text(stale)

    said = _cli_merge(folder)  # the terminal's merge with her book: the same
    assert "công chức đã quyết định (đã nhận, lý do: Đã đối chiếu dấu vân tay với hiệu trưởng) trên một tệp khác của " \
           f"trường (dấu vân tay {old}); tệp đang dùng là {new}, không đối chiếu được" in said
    assert "Tạm giữ Lê Văn Cường (Trường THCS Kim Sơn)" in said


def test_what_she_types_is_kept_as_typed(tmp_path):
    folder, found = _merged_world(tmp_path)
    lines = held_lines(found)
    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    long = found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "x" * 40_000)))
    assert long.status_code == 400
    assert f"Lý do cho {lines[0][2]} dài 40000 ký tự, quá 1000 ký tự – chưa ghi gì" in text(long)
    assert not book.exists()

    posted = found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "=1+2 chưa đủ phiếu"),
                                                       (1, "nhan", "Đã\x07 kiểm\x00 tra\u202e")))
    _done(found, posted)
    assert f"Lý do cho {lines[1][2]}: đã bỏ 3 ký tự điều khiển" in text(found.get(posted.headers["Location"]))
    held = load_workbook(book)["Chờ quyết định"]
    reasons = {row[1].value: (row[7].value, row[7].data_type) for row in held.iter_rows()}
    assert reasons[lines[0][2]] == ("=1+2 chưa đủ phiếu", "s") and reasons[lines[1][2]] == ("Đã kiểm tra", "s")
    said = {code: words for _severity, code, words in _last_run(folder)}
    assert "=1+2 chưa đủ phiếu" in said["level_above.removed"] and "Đã kiểm tra" in said["level_above.accepted"]


def test_a_decision_posted_while_a_merge_runs_is_refused_and_writes_nothing(tmp_path, monkeypatch):
    from thidua_xlsx import service

    folder, found = _merged_world(tmp_path)
    lines = held_lines(found)
    release, started = threading.Event(), threading.Event()
    real = service.run

    def slow(request, voice, door):
        started.set()
        release.wait(60)
        return real(request, voice, door)

    monkeypatch.setattr(service, "run", slow)
    running = found.post("/xa/tong-hop", data=CSRF)
    assert started.wait(10)
    busy = found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "Không đủ phiếu")))
    release.set()
    assert busy.status_code == 409 and "chờ việc đó xong rồi bấm lại" in text(busy)
    assert not (folder / "hoi-dong").exists() or not (folder / "hoi-dong" / "xa-duyet.xlsx").exists()
    _done(found, running)


def test_her_book_is_sealed_and_each_line_checked_against_its_name(tmp_path):
    folder, found = _merged_world(tmp_path)
    lines = held_lines(found)
    _done(found, found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "Không đủ phiếu"))))
    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    kept = book.read_bytes()

    def repoint(data: dict) -> None:  # the x of the first line held made to point at the second's person
        rows = data["held"]["rows"]
        rows[0][1:], rows[1][1:] = rows[1][1:], rows[0][1:]

    rewrite_meta(book, book, repoint, by_hand=True)
    refused = text(found.get("/"))
    assert ("hoi-dong/xa-duyet.xlsx không dùng được nữa (dấu của xã trong sổ không còn đúng: phần ghi ẩn bị sửa"
            in refused and "được xét như chưa có quyết định" in refused)
    said = _cli_merge(folder)
    assert "'xa-duyet.xlsx' không còn đúng dấu của xã" in said and not (folder / "cli.xlsx").exists()

    book.write_bytes(kept)  # her book as the page wrote it; the name on its first held line typed over
    wb = load_workbook(book)
    ws = wb["Chờ quyết định"]
    cell = next(r[1] for r in ws.iter_rows() if r[1].value == lines[1][2])
    cell.value = "Người Khác"
    ws.cell(cell.row, 8).value = "Không đủ phiếu"  # her reason typed on that line
    wb.save(book)
    said = _cli_merge(folder)
    assert f"ghi tên 'Người Khác' nhưng phần ghi ẩn của dòng là {lines[1][2]}" in said
    assert f"{lines[1][2]} (Trường THCS Kim Sơn) được bỏ" not in said  # decided nothing


def _sealed_as_before_the_key(book: Path, campaign_id: str) -> None:
    """``book``'s record sealed as a release before 0.8 sealed it (with the campaign id)."""
    from thidua_xlsx.model.commune import OFFICER_SEAL_FIELD, record_body
    from thidua_xlsx.model.commune_key import legacy_officer_seal_of

    def old_seal(data: dict) -> None:
        data[OFFICER_SEAL_FIELD] = legacy_officer_seal_of(campaign_id, [record_body(data)])

    rewrite_meta(book, book, old_seal, by_hand=True)


def test_her_book_sealed_before_the_commune_s_key_is_asked_again_not_called_edited(tmp_path):
    """After the update to 0.8 her book (sealed with the campaign id) decides nothing and is not called edited: the
    merge goes on, every proposal she decided is held again, and the page takes her decisions anew."""
    from thidua_xlsx.commune.read_book import load_level_above_book

    folder, found = _merged_world(tmp_path)
    lines = held_lines(found)
    _done(found, found.post("/xa/duyet", data=officer_form(lines, (0, "bo", "Không đủ phiếu"))))
    book = folder / "hoi-dong" / "xa-duyet.xlsx"
    campaign, _problems = load_level_above_book(folder / "cap-tren.xlsx")
    _sealed_as_before_the_key(book, campaign.id)
    said = _cli_merge(folder)
    assert "'xa-duyet.xlsx' được đóng dấu bằng phiên bản trước 0.8" in said and "hỏi lại" in said
    assert "không còn đúng dấu của xã" not in said and (folder / "cli.xlsx").is_file()
    assert f"{lines[0][2]} (" not in said.split("được bỏ khỏi danh sách")[0][-200:]  # her removal not applied
    page = text(found.get("/"))
    assert "không còn đúng dấu của xã" not in page and len(held_lines(found)) == len(lines)  # asked again, all of them
    _done(found, found.post("/xa/duyet", data=officer_form(held_lines(found), (0, "nhan", "Đã đối chiếu"))))
    assert "level_above.accepted" in {code for _s, code, _t in _last_run(folder)}
