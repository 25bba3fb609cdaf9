"""Collect from the mailbox on the page ("Nhận sổ từ thư"): a folder of saved messages inside the campaign folder
filed by the codes inside each book (``collect`` as a run of the page), its lines shown; a folder outside refused;
the password of a mailbox never shown in a page nor in the run's lines; a real IMAP server (Dovecot, marked
``imap``)."""

from __future__ import annotations

import os

import pytest

from tests.mail.builders import ADDRESSES, fresh_campaign, returned_books, returned_mail
from tests.ui.pages import RETURNED, SAMPLES, TOKEN, client, commune_campaign, text, wait_job
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}
SECRET = "Mk-bi-mat-7e3f9a"  # a password that must never come back
HEAD_T1 = ADDRESSES["T1"]


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return returned_books(tmp_path_factory.mktemp("books"))


@pytest.fixture(scope="module")
def collected(books, tmp_path_factory):
    """A campaign whose secretary saved the replies into thu/ (inside the campaign folder): T1's book from another
    address than its head's (with a photo), T2's book (T2 has no address), T1's registration book, a book of another
    school; collected from the page."""
    campaign = fresh_campaign(books, tmp_path_factory.mktemp("thu") / "campaign")
    saved = campaign / "thu"
    saved.mkdir()
    (saved / "1.eml").write_bytes(returned_mail("ke.toan@gmail.com", [("To khoi 1.xlsx", books.t1),
                                                                      ("anh-lop.jpg", b"\xff\xd8\xff" + b"0" * 50)],
                                                message_id="<1@truong>"))
    (saved / "2.eml").write_bytes(returned_mail(HEAD_T1, [("To-van-phong.xlsx", books.t2)],
                                                message_id="<2@truong>"))
    (saved / "3.eml").write_bytes(returned_mail(HEAD_T1, [("dang-ky.xlsx", books.t1_registration)],
                                                message_id="<3@truong>"))
    other = (SAMPLES / "inbox" / RETURNED[0]).read_bytes()
    (saved / "4.eml").write_bytes(returned_mail(HEAD_T1, [("truong-khac.xlsx", other)], message_id="<4@truong>"))
    _app, found = client(campaign)
    overview = found.get("/")
    started = found.post("/thu", data={**CSRF, "thu_muc": "thu"})
    state = wait_job(found, started.headers["Location"])
    return {"campaign": campaign, "overview": overview, "state": state,
            "result": text(found.get(started.headers["Location"])), "found": found}


def test_the_overview_has_the_form(collected):
    page = text(collected["overview"])
    assert "Nhận sổ từ thư" in page and "Thư mục thư đã lưu (.eml), trong thư mục chiến dịch" in page
    form = collected["overview"].data
    assert b'type="password"' in form and b'placeholder="dd/mm/yyyy"' in form


def test_saved_messages_in_the_campaign_folder_are_filed_by_their_codes(collected, books):
    campaign, result = collected["campaign"], collected["result"]
    assert collected["state"]["state"] == "done", result
    assert (campaign / "inbox" / "To khoi 1.xlsx").read_bytes() == books.t1
    assert (campaign / "inbox" / "To-van-phong.xlsx").read_bytes() == books.t2
    assert [p.name for p in (campaign / "inbox-dang-ky").iterdir() if p.suffix == ".xlsx"] == ["dang-ky.xlsx"]
    assert not (campaign / "inbox" / "truong-khac.xlsx").exists()
    # the run's lines: filed, not ours, refused with its reason, another sender flagged
    assert "Thư 1.eml (từ ke.toan@gmail.com, 12/05/2026 09:30): đã xếp: To khoi 1.xlsx → inbox/To khoi 1.xlsx" \
        in result
    assert "không phải sổ của chiến dịch, để nguyên trong thư: anh-lop.jpg" in result
    assert "không xếp: truong-khac.xlsx – Sổ thuộc chiến dịch khác" in result
    assert "được gửi từ ke.toan@gmail.com, không phải địa chỉ ghi trong chiến dịch (lan.nguyen@truong-thu.edu.vn)" \
        in result
    assert "Đã xem 4 thư (0 đã lấy từ trước), 5 tệp đính kèm: 3 sổ đã xếp" in result


def test_collected_again_files_nothing_twice(collected):
    found, campaign = collected["found"], collected["campaign"]
    again = found.post("/thu", data={**CSRF, "thu_muc": "thu\\"})  # as typed on Windows
    assert wait_job(found, again.headers["Location"])["state"] == "done"
    assert "Đã xem 4 thư (3 đã lấy từ trước)" in text(found.get(again.headers["Location"]))
    assert sorted(p.name for p in (campaign / "inbox").iterdir() if p.suffix == ".xlsx") == \
        ["To khoi 1.xlsx", "To-van-phong.xlsx"]


def test_a_folder_outside_the_campaign_folder_is_refused(collected, tmp_path):
    found, campaign = collected["found"], collected["campaign"]
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "1.eml").write_bytes((campaign / "thu" / "1.eml").read_bytes())
    os.symlink(outside, campaign / "lien-ket")
    before = sorted(p.relative_to(campaign).as_posix() for p in campaign.rglob("*"))
    for asked in ("../ngoai", str(outside), "/etc", "lien-ket", "thu/../../ngoai", "C:\\Users\\thu", "..\\ngoai",
                  "\\\\may-chu\\thu", "khong-co", "campaign.xlsx", "."):
        refused = found.post("/thu", data={**CSRF, "thu_muc": asked})
        assert refused.status_code == 400, asked
        assert "không phải thư mục thư đã lưu (hay tệp .eml) nằm trong thư mục chiến dịch" in text(refused), asked
    assert sorted(p.relative_to(campaign).as_posix() for p in campaign.rglob("*")) == before


def test_the_source_and_the_date_are_checked_before_anything_runs(collected):
    found = collected["found"]
    neither = found.post("/thu", data={**CSRF})
    assert neither.status_code == 400 and "Chưa chọn nơi lấy thư" in text(neither)
    both = found.post("/thu", data={**CSRF, "thu_muc": "thu", "hop_thu": "imaps://a@b/INBOX"})
    assert both.status_code == 400 and "Chưa chọn nơi lấy thư" in text(both)
    plain = found.post("/thu", data={**CSRF, "hop_thu": "http://thuky@may-chu/INBOX", "mat_khau": SECRET})
    assert plain.status_code == 400 and "không phải địa chỉ hộp thư dạng imaps://" in text(plain)
    date = found.post("/thu", data={**CSRF, "hop_thu": "imaps://thuky@may-chu/INBOX", "mat_khau": SECRET,
                                    "tu_ngay": "31/02/2026"})
    assert date.status_code == 400 and "Ngày '31/02/2026' không đọc được – chưa làm gì" in text(date)
    assert "ví dụ 25/11/2026 (cũng nhận 25-11-2026 và 2026-11-25)" in text(date)
    folder_date = found.post("/thu", data={**CSRF, "thu_muc": "thu", "tu_ngay": "01/05/2026"})
    assert folder_date.status_code == 400 and "chỉ dùng với hộp thư IMAP" in text(folder_date)
    assert all(SECRET.encode() not in r.data for r in (plain, date))
    forged = found.post("/thu", data={"thu_muc": "thu"})
    assert forged.status_code == 403


def test_the_password_is_never_shown_nor_said(collected):
    """A mailbox that does not answer: the run fails with the reason; the password is in no page, no line."""
    from tests.mail.dovecot import free_port

    found = collected["found"]
    started = found.post("/thu", data={**CSRF, "hop_thu": f"imaps://thuky@127.0.0.1:{free_port()}/INBOX",
                                       "mat_khau": SECRET, "tu_ngay": "2026-05-01"})  # a browser's date form
    assert started.status_code == 303 and SECRET.encode() not in started.data
    state = wait_job(found, started.headers["Location"])
    assert state["state"] == "failed"
    page = found.get(started.headers["Location"])
    assert "thuky@127.0.0.1/INBOX" in text(page) and "127.0.0.1" in text(page)
    for shown in (page, found.get(started.headers["Location"] + ".json"), found.get("/")):
        assert SECRET.encode() not in shown.data
    job = found.application.extensions["thidua_jobs"].get(started.headers["Location"].rsplit("/", 1)[1])
    assert job is not None and job.lines and not any(SECRET in line for line in job.lines)
    assert SECRET not in job.label and SECRET not in job.message


def test_the_commune_collects_a_schools_summary(tmp_path):
    folder = commune_campaign(tmp_path)
    name = "TH-Truc-Cuong_tong-hop-cuoi.xlsx"
    summary = (folder / "inbox" / name).read_bytes()
    (folder / "inbox" / name).unlink()
    (folder / "thu").mkdir()
    (folder / "thu" / "a.eml").write_bytes(returned_mail("ke.toan@gmail.com", [("Truc Cuong.xlsx", summary)],
                                                         message_id="<a@xa>"))
    _app, found = client(folder)
    assert "Nhận sổ từ thư" in text(found.get("/"))
    started = found.post("/thu", data={**CSRF, "thu_muc": "thu"})
    assert wait_job(found, started.headers["Location"])["state"] == "done"
    assert (folder / "inbox" / "Truc Cuong.xlsx").read_bytes() == summary
    assert "Truc Cuong.xlsx" in text(found.get(started.headers["Location"]))


@pytest.mark.imap
def test_a_mailbox_collected_from_the_page(books, dovecot, tmp_path):
    from tests.mail.dovecot import PASSWORD

    dovecot.fill("Trang", [returned_mail(HEAD_T1, [("So to 1.xlsx", books.t1)], message_id="<p1@truong>")])
    before = dovecot.state("Trang")
    campaign = fresh_campaign(books, tmp_path / "campaign")
    app, found = client(campaign)
    app.config["MAIL_CAFILE"] = dovecot.cafile
    started = found.post("/thu", data={**CSRF, "hop_thu": dovecot.url("Trang"), "mat_khau": PASSWORD,
                                       "tu_ngay": "01/05/2026"})
    state = wait_job(found, started.headers["Location"])
    page = found.get(started.headers["Location"])
    assert state["state"] == "done", text(page)
    assert (campaign / "inbox" / "So to 1.xlsx").read_bytes() == books.t1
    assert "Trang #1 (từ lan.nguyen@truong-thu.edu.vn" in text(page)
    assert PASSWORD.encode() not in page.data and dovecot.state("Trang") == before
    wrong = found.post("/thu", data={**CSRF, "hop_thu": dovecot.url("Trang"), "mat_khau": SECRET})
    assert wait_job(found, wrong.headers["Location"])["state"] == "failed"
    refused = found.get(wrong.headers["Location"])
    assert SECRET.encode() not in refused.data and "thuky" in text(refused)
