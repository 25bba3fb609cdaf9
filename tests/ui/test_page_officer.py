"""The commune officer decides on the page: each proposal held apart accepted or rejected with its reason,
no workbook edited by hand; her decisions kept where she would have ticked them in Excel and used by every later merge
of the page, after a restart too."""

from __future__ import annotations

import json
import re

from openpyxl import load_workbook

from tests.ui.pages import TOKEN, client, commune_campaign, held_lines, officer_form, text, wait_job
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _held(found) -> list[str]:
    """The names of the proposals held apart, as the commune's page lists them."""
    page = found.get("/").data.decode()
    return re.findall(r'<label class="visually-hidden" for="ly-do-\d+">Lý do – ([^<]+)</label>', page)


def _merged(found, answer) -> dict:
    assert answer.status_code == 303, text(answer)
    assert wait_job(found, answer.headers["Location"])["state"] == "done"
    return found


def test_the_officer_accepts_and_rejects_held_proposals_on_the_page(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    refused = found.post("/xa/duyet", data=officer_form(held_lines(found), (0, "nhan", "Đã kiểm tra")))
    assert refused.status_code == 400 and "Hãy bấm Tổng hợp các trường trước" in text(refused)
    _merged(found, found.post("/xa/tong-hop", data=CSRF))
    held = _held(found)
    assert len(held) >= 3
    lines = held_lines(found)
    no_reason = found.post("/xa/duyet", data=officer_form(lines, (0, "nhan", " ")))
    assert no_reason.status_code == 400 and "chưa ghi lý do" in text(no_reason)
    assert not (folder / "hoi-dong" / "xa-duyet.xlsx").exists()  # nothing written for a refused decision

    _merged(found, found.post("/xa/duyet", data=officer_form(lines, (0, "nhan", "Đã kiểm tra biên bản họp"),
                                                        (1, "bo", "Không đủ minh chứng"))))
    run = json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))["runs"][-1]
    said = {code for _severity, code, _text in run["issues"]}
    assert {"level_above.accepted", "level_above.removed"} <= said and run["council"]
    kept = load_workbook(folder / "hoi-dong" / "xa-duyet.xlsx")  # hers to open and check
    typed = {str(v) for ws in kept.worksheets for row in ws.iter_rows(values_only=True) for v in row if v}
    assert {"Đã kiểm tra biên bản họp", "Không đủ minh chứng"} <= typed

    _app, again = client(folder)  # the page started anew, the commune merged again: her word still holds
    merged = again.post("/xa/tong-hop", data=CSRF)
    _merged(again, merged)
    assert _held(again) == held[2:]
    log = text(again.get(merged.headers["Location"]))  # said in the page's words: no option to type
    assert "Đọc quyết định của công chức đã lưu để áp dụng lại: hoi-dong/xa-duyet.xlsx" in log
    assert "--bo-duyet" not in log


def test_the_officer_accepts_a_whole_school_s_file_with_one_mark(tmp_path):
    """A school whose file is held whole (its origin unknown): after checking its fingerprint by phone, the officer
    accepts the school's file once, with one reason — every proposal of that school leaves the held list."""
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    _merged(found, found.post("/xa/tong-hop", data=CSRF))
    page = found.get("/").data.decode()
    schools = re.findall(r'<option value="([^"]+)">([^<]+) – Dấu vân tay [0-9a-f]{12}</option>', page)
    assert schools
    code, name = schools[0]
    drawn = re.search(f'name="van-tay-{code}" value="([^"]+)"', page)[1]
    before = text(found.get("/")).count(name)
    _merged(found, found.post("/xa/duyet", data={**CSRF, "truong": code, f"van-tay-{code}": drawn,
                                                 "ly-do-truong": "Đã đối chiếu dấu vân tay với hiệu trưởng"}))
    run = json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))["runs"][-1]
    assert "level_above.accepted" in {c for _s, c, _t in run["issues"]}
    assert f'<option value="{code}">' not in found.get("/").data.decode()  # none of that school's still held
    assert text(found.get("/")).count(name) < before


def test_nothing_chosen_or_a_proposal_no_longer_held_is_refused_and_nothing_written(tmp_path):
    from thidua_xlsx import service
    from thidua_xlsx.model.errors import Refused

    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    _merged(found, found.post("/xa/tong-hop", data=CSRF))
    nothing = found.post("/xa/duyet", data={**CSRF, "quyet-0": ""})
    assert nothing.status_code == 400 and "Chưa chọn nhận hay bỏ đề nghị nào" in text(nothing)
    try:
        service.officer_decisions(folder, {("TH-TC", "person", "GV999", "LDTT", "0" * 64): (True, "Đã kiểm tra")})
    except Refused as refused:
        assert [p.code for p in refused.problems] == ["ui.officer_stale"]
    else:
        raise AssertionError("a proposal the last summary does not hold apart was taken")
    assert not (folder / "hoi-dong" / "xa-duyet.xlsx").exists()


def test_a_school_s_address_on_the_commune_s_page_says_whose_it_is_and_does_nothing(tmp_path):
    """The school's page and the commune's open at the same port: an address kept from one (the browser's history, a
    restored tab) reaches the other. A school's page on the commune's folder says so, never an empty refusal."""
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))

    for answer in (found.get("/vong/cham-diem"), found.post("/vong/cham-diem/nhan", data=CSRF),
                   found.post("/nam-moi", data={**CSRF, "ten": "2026-2027"}), found.post("/lich-su", data=CSRF)):
        assert answer.status_code == 404, answer.status_code
        assert "Trang này là của trường" in text(answer) and "thư mục đang mở là của xã" in text(answer)
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before
