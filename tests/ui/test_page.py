"""The local page through Flask's test client: the door's locks (token, host, cross-site POSTs, paths, uploads),
and a secretary's round: drop the books, read the problems, merge, read the results, download the summary."""

from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from openpyxl import load_workbook

from tests.ui.pages import (
    REGISTRATION_BOOK,
    RETURNED,
    SAMPLES,
    TOKEN,
    WITH_ERRORS,
    client,
    commune_campaign,
    copy_of,
    held_runs,
    returned_school,
    school_campaign,
    text,
    wait_job,
)
from thidua_xlsx.model.places import OLD_REGISTRATION_SUMMARY
from thidua_xlsx.ui.security import MAX_UPLOAD_FILES, form_token

CSRF = {"csrf": form_token(TOKEN)}


@pytest.fixture
def school(tmp_path):
    """The sample school with its scoring inbox empty (nothing back yet), its page's app and client."""
    folder, returned = school_campaign(tmp_path / "ui")
    app, found = client(folder)
    return folder, returned, app, found


@pytest.fixture
def filled(tmp_path):
    """The sample school with its returned scoring books in the inbox, not merged."""
    folder, returned = returned_school(tmp_path / "ui")
    app, found = client(folder)
    return folder, returned, app, found


@pytest.fixture
def merged(tmp_path, merged_built):
    """The sample school merged by the page (before the council): a copy of the session's."""
    folder, returned = copy_of(merged_built, tmp_path / "ui")
    app, found = client(folder)
    return folder, returned, app, found


def _drop(found, key: str, paths, **form):
    files = [(io.BytesIO(p.read_bytes()), p.name) for p in paths]
    return found.post(f"/vong/{key}/nhan", data={**CSRF, **form, "files": files}, content_type="multipart/form-data")


# --- the door's locks ------------------------------------------------------------------------------------------

def test_a_request_without_the_token_is_refused(school):
    folder, _returned, app, _found = school
    stranger = app.test_client()
    for path in ("/", "/vong/cham-diem", "/tep?p=campaign.xlsx"):  # /static/ is served: test_page_safety.py
        refused = stranger.get(path)
        assert refused.status_code == 403
        assert "cần mã truy cập" in text(refused)
        assert b"Tr\xc6\xb0\xe1\xbb\x9dng Ti\xe1\xbb\x83u h\xe1\xbb\x8dc" not in refused.data  # no school's data
    assert stranger.get("/?token=wrong").status_code == 403
    stranger.set_cookie("thidua_xlsx_page", "wrong")
    assert stranger.get("/").status_code == 403


def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(school):
    _folder, _returned, app, _found = school
    visitor = app.test_client()
    first = visitor.get(f"/vong/cham-diem?token={TOKEN}&nhan=x")
    assert first.status_code == 302 and first.headers["Location"] == "/vong/cham-diem?nhan=x"
    cookie = first.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert visitor.get("/").status_code == 200


def test_another_host_name_is_refused(school):
    _folder, _returned, _app, found = school
    refused = found.get("/", headers={"Host": "evil.example:8765"})
    assert refused.status_code == 403 and "evil.example" in text(refused)


def test_a_post_without_the_form_token_or_from_another_site_does_nothing(school):
    folder, _returned, _app, found = school
    before = sorted(p.name for p in folder.iterdir())
    for response in (found.post("/vong/cham-diem/tong-hop"),
                     found.post("/vong/cham-diem/tong-hop", data={"csrf": "forged"}),
                     found.post("/vong/cham-diem/tong-hop", data=CSRF, headers={"Origin": "http://evil.example"}),
                     found.post("/vong/cham-diem/nhan", data={"files": [(io.BytesIO(b"x"), "a.xlsx")]},
                                content_type="multipart/form-data")):
        assert response.status_code == 403
        assert "không đến từ chính trang" in text(response)
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing run, nothing written
    assert not list((folder / "inbox").iterdir())


def test_no_path_outside_the_campaign_folder_is_served(school, tmp_path):
    folder, _returned, _app, found = school
    secret = tmp_path / "secret.txt"
    secret.write_text("staff data")
    os.symlink(secret, folder / "link.txt")
    os.symlink(tmp_path, folder / "linked-folder")
    for asked in ("../ve/" + RETURNED[0], "../../etc/passwd", str(secret), "/etc/passwd", "link.txt",
                  "linked-folder/secret.txt", "outbox/../../ve/" + RETURNED[0], "C:\\Windows\\win.ini",
                  "outbox\\..\\campaign.xlsx", "", "outbox", "./campaign.xlsx"):
        refused = found.get("/tep", query_string={"p": asked})
        assert refused.status_code == 404, asked
        assert "nằm ngoài thư mục chiến dịch" in text(refused)
        assert b"staff data" not in refused.data
    served = found.get("/tep", query_string={"p": "campaign.xlsx"})
    assert served.status_code == 200 and served.data == (folder / "campaign.xlsx").read_bytes()
    assert "attachment" in served.headers["Content-Disposition"]
    served.close()


def test_uploads_are_bounded_in_size_and_count(school):
    folder, _returned, app, found = school
    limit = app.config["MAX_CONTENT_LENGTH"]
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024  # the same refusal as at 64 MB, with a small body
    try:
        body = (b'--B\r\nContent-Disposition: form-data; name="files"; filename="to.xlsx"\r\n\r\n' +
                b"0" * (2 * 1024 * 1024) + b"\r\n--B--\r\n")
        big = found.post("/vong/cham-diem/nhan", data=body, content_type="multipart/form-data; boundary=B",
                         headers={"X-Thidua-Form": CSRF["csrf"]})
    finally:
        app.config["MAX_CONTENT_LENGTH"] = limit
    assert big.status_code == 413 and "quá lớn" in text(big)
    none = found.post("/vong/cham-diem/nhan", data=CSRF, content_type="multipart/form-data")
    assert none.status_code == 400 and "Chưa chọn tệp nào" in text(none)
    assert not list((folder / "inbox").iterdir())


def test_too_many_files_in_one_drop_are_refused_with_the_limit(school):
    folder, _returned, app, found = school
    app.config["MAX_FORM_PARTS"] = 10 * MAX_UPLOAD_FILES  # the count refused by the page, not by the parser
    many = found.post("/vong/cham-diem/nhan", data={**CSRF, "files": [
        (io.BytesIO(b"x"), f"{n}.xlsx") for n in range(MAX_UPLOAD_FILES + 1)]}, content_type="multipart/form-data")
    assert many.status_code == 413
    assert f"Thả {MAX_UPLOAD_FILES + 1} tệp một lần" in text(many)
    assert not list((folder / "inbox").iterdir())


def test_two_hundred_small_files_are_refused_for_their_number_not_their_size(school):
    """200 small files (well under the bytes' limit) stop at the parser's count of parts: the page says the
    number of files is the limit that was hit, not the size."""
    folder, _returned, _app, found = school  # the page as made: its parser's count of parts not raised
    many = found.post("/vong/cham-diem/nhan", data={**CSRF, "files": [
        (io.BytesIO(b"x" * 2_000), f"{n}.xlsx") for n in range(200)]}, content_type="multipart/form-data")
    assert many.status_code == 413
    said = text(many)
    assert f"Thả quá {MAX_UPLOAD_FILES} tệp một lần" in said and "MB" not in said
    assert not list((folder / "inbox").iterdir())


def test_an_unknown_round_is_said(school):
    _folder, _returned, _app, found = school
    missing = found.get("/vong/khong-co")
    assert missing.status_code == 404 and "Không có vòng 'khong-co'" in text(missing)


def test_a_folder_that_is_no_campaign_yet_asks_for_one(tmp_path):
    _app, found = client(tmp_path)
    page = found.get("/")  # the first screen asks what a secretary knows (tests/ui/test_page_first_day.py)
    assert page.status_code == 200 and "Bắt đầu: tạo chiến dịch thi đua cho trường" in text(page)


# --- a secretary's round -------------------------------------------------------------------------------------

def test_the_year_at_a_glance(school):
    _folder, _returned, _app, found = school
    page = text(found.get("/"))
    assert "Trường Tiểu học Trực Cường" in page and "2025-2026" in page
    assert "Đăng ký thi đua 03/10/2025" in page and "Chấm điểm thi đua 20/05/2026" in page
    assert "đã sinh 5 sổ · đã nhận 0 tệp" in page  # the scoring round: issued, nothing back yet
    assert "06/2022/QH15" in page  # the rule set's texts
    registration = page.split("Đăng ký thi đua 03/10/2025", 1)[1].split("Chấm điểm thi đua", 1)[0]
    assert "đã nhận đủ sổ, chưa tổng hợp" in registration and "quá hạn" not in registration  # all 5 books back


def test_a_round_merged_as_the_readme_names_its_summary_is_done(tmp_path):
    """The registration summary under the name earlier READMEs gave it (tong-hop-dang-ky.xlsx, still read), the
    council's final summary as the README names it (tong-hop-cuoi.xlsx): their rounds are done, each summary offered
    for download."""
    folder, _returned = school_campaign(tmp_path)
    shutil.copy2(SAMPLES / "tong-hop_dang-ky.xlsx", folder / OLD_REGISTRATION_SUMMARY)
    shutil.copy2(SAMPLES / "tong-hop-cuoi.xlsx", folder / "tong-hop-cuoi.xlsx")
    _app, found = client(folder)
    page = text(found.get("/"))
    assert page.count("đã tổng hợp") == 3 and "quá hạn" not in page  # both rounds, and the history's step
    assert "Tải về tong-hop-dang-ky.xlsx" in page and "Tải về tong-hop-cuoi.xlsx" in page
    assert "Ghi năm học này (từ tong-hop-cuoi.xlsx) vào sổ lịch sử" in page  # the final summary the history takes


def test_a_round_drop_file_by_codes_another_round_into_its_own_then_merge(school):
    folder, returned, _app, found = school
    # the registration book renamed as a scoring one: filed by the codes inside it, never by its name
    disguised = returned / "2025-2026_cham-diem_To-chuyen-biet.xlsx"
    disguised.write_bytes((returned / REGISTRATION_BOOK).read_bytes())
    empty = returned / "rong.xlsx"
    empty.write_bytes(b"")
    dropped = _drop(found, "cham-diem", [*(returned / n for n in RETURNED), disguised, empty])
    assert dropped.status_code == 303
    page = found.get(dropped.headers["Location"])
    words = text(page)
    for name in RETURNED:
        assert f"{name} Đã xếp: inbox/{name}" in words
    # another round's book dropped here: filed by its codes into its own round (a copy of the one there), and said
    assert ("2025-2026_cham-diem_To-chuyen-biet.xlsx Đã có (giống hệt): inbox-dang-ky/" + REGISTRATION_BOOK) in words
    assert ("Đây là sổ Đăng ký thi đua của Tổ khối 1, không phải sổ Chấm điểm thi đua: đã xếp vào thư mục nhận của "
            "Đăng ký thi đua theo mã trong sổ") in words and "Mở trang của vòng đó" in words
    assert 'href="/vong/dang-ky"' in page.data.decode("utf-8")
    assert "Mỗi sổ được xếp vào vòng, kỳ của nó theo mã ghi trong sổ" in words  # what the drop zone promises
    assert "'rong.xlsx' rỗng (0 byte)" in words
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == sorted(RETURNED)
    # the problems: file · sheet!cell · what is wrong · what to do
    assert f"{WITH_ERRORS} 01 Vũ Văn Thành!D13 Điểm 25 nằm ngoài khoảng 0 – 6. Hãy sửa lại" in words
    assert "Tổ chuyên biệt Đỗ Văn Hùng Chưa gửi" in words
    # the same files again: nothing filed twice, nothing overwritten
    again = found.get(_drop(found, "cham-diem", [returned / RETURNED[0]]).headers["Location"])
    assert f"{RETURNED[0]} Đã có (giống hệt): inbox/{RETURNED[0]}" in text(again)
    assert len(list((folder / "inbox").iterdir())) == len(RETURNED)

    merged = found.post("/vong/cham-diem/tong-hop", data=CSRF)
    assert merged.status_code == 303
    state = wait_job(found, merged.headers["Location"])
    assert state["state"] == "done", state
    result = text(found.get(merged.headers["Location"]))
    assert "Xong" in result and "tong-hop_cham-diem.xlsx" in result
    assert "Tổ chưa gửi: Tổ chuyên biệt" in result
    assert "Chiến sĩ thi đua cơ sở" in result and "Lao động tiên tiến" in result
    summary = found.get("/tep", query_string={"p": "tong-hop_cham-diem.xlsx"})
    assert summary.status_code == 200 and summary.data[:2] == b"PK"
    summary.close()
    assert "đã tổng hợp" in text(found.get("/"))


def test_a_zip_and_a_picture_dropped(filled, tmp_path):
    import zipfile

    folder, returned, _app, found = filled
    bundle = tmp_path / "so-cac-to.zip"
    with zipfile.ZipFile(bundle, "w") as zf:
        zf.write(returned / RETURNED[2], RETURNED[2])
        zf.writestr("doc-truoc.txt", "Kính gửi")
    picture = tmp_path / "anh-chup.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0 not a book")
    page = text(found.get(_drop(found, "cham-diem", [bundle, picture]).headers["Location"]))
    assert f"Đã có (giống hệt): inbox/{RETURNED[2]}" in page  # inside the ZIP, filed as if sent alone: already there
    assert "doc-truoc.txt Không phải sổ của chiến dịch này" in page
    assert "anh-chup.jpg Không phải sổ của chiến dịch này" in page
    assert len(list((folder / "inbox").iterdir())) == len(RETURNED)


def test_the_history_book_takes_a_final_summary_only(merged, tmp_path):
    fresh, _returned = school_campaign(tmp_path)
    _app, before = client(fresh)
    nothing = before.post("/lich-su", data=CSRF)
    assert nothing.status_code == 400 and "Chưa có bảng tổng hợp cuối năm" in text(nothing)
    folder, _returned, _app, found = merged  # merged, without the council
    assert "Ghi năm học này (từ tong-hop_cham-diem.xlsx) vào sổ lịch sử" in text(found.get("/"))
    started = found.post("/lich-su", data=CSRF)
    assert wait_job(found, started.headers["Location"])["state"] == "failed"
    said = text(found.get(started.headers["Location"]))
    assert "là bảng tổng hợp trước Hội đồng" in said  # the history's own refusal
    assert not (folder / "lich-su.xlsx").exists()  # and no empty book made for a year it could not record


def test_a_council_file_that_is_no_workbook_is_refused_before_any_run(school):
    folder, _returned, _app, found = school
    wrong = found.post("/vong/cham-diem/tong-hop", data={**CSRF, "council": (io.BytesIO(b"x"), "bien-ban.pdf")},
                       content_type="multipart/form-data")
    assert wrong.status_code == 400 and "'bien-ban.pdf' không phải sổ Excel" in text(wrong)
    assert not (folder / "hoi-dong").exists()


@pytest.mark.libreoffice  # the papers' PDFs
def test_the_councils_summary_uploaded_and_the_papers(filled):
    from tests.ui.pages import SAMPLES

    folder, _returned, _app, found = filled
    started = found.post("/vong/cham-diem/tong-hop", data={
        **CSRF, "docs": "1", "council": (io.BytesIO((SAMPLES / "hoi-dong.xlsx").read_bytes()), "hoi-dong.xlsx")},
        content_type="multipart/form-data")
    assert wait_job(found, started.headers["Location"], 300)["state"] == "done"
    result = text(found.get(started.headers["Location"]))
    # kept with its round: every later merge of the round applies it again
    assert (folder / "hoi-dong" / "hoi-dong_cham-diem.xlsx").read_bytes() == (SAMPLES / "hoi-dong.xlsx").read_bytes()
    # what the council changed, said as the console says it
    assert "Phạm Thị Thúy (GV013): không đề nghị Lao động tiên tiến nữa" in result
    assert "ho-so/01_To-trinh.docx" in result and (folder / "ho-so" / "01_To-trinh.docx").is_file()
    added = found.post("/lich-su", data=CSRF)  # the final summary now: its year goes into the history book
    assert wait_job(found, added.headers["Location"])["state"] == "done"
    assert "Năm học 2025-2026 (từ tong-hop_cham-diem.xlsx)" in text(found.get(added.headers["Location"]))


def test_a_name_typed_as_a_script_shows_as_text(filled, tmp_path):
    from tests import filling
    from thidua_xlsx.model import layout as ly

    folder, returned, _app, found = filled
    book = returned / RETURNED[3]  # Tổ khối 2-3: its newcomer's form
    record = next(s for s in filling.forms(book, spare=True) if s.name == "Người mới 1")
    typed = tmp_path / RETURNED[3].replace("(ban sua)", "(ban sua 2)")
    filling.fill(book, typed, {(record.name, record.name_cell): "<script>alert(1)</script>"})
    assert isinstance(record, ly.ScoringSheet)
    page = found.get(_drop(found, "cham-diem", [typed]).headers["Location"])
    assert b"<script>alert(1)</script>" not in page.data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.data
    assert "'<script>alert(1)</script>'" in text(page)


def test_one_run_at_a_time(school, monkeypatch):
    from thidua_xlsx.model import requests as rq

    folder, _returned, app, found = school
    jobs = app.extensions["thidua_jobs"]
    release = held_runs(monkeypatch)
    holding = jobs.start("merge", "Tổng hợp – thử", "cham-diem", rq.MergeRequest(inbox=folder / "inbox", force=True))
    try:
        busy = found.post("/vong/cham-diem/tong-hop", data=CSRF)
        assert busy.status_code == 409
        assert "Đang chạy 'Tổng hợp – thử'" in text(busy)
        assert "Đang chạy… Tổng hợp – thử" in text(found.get("/"))
    finally:
        release.set()
    wait_job(found, f"/viec/{holding.id}")


def test_a_merge_another_program_holds_is_said_not_mixed(merged):
    from thidua_xlsx.steps import outputs as out
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _returned, _app, found = merged
    cf, _problems = open_campaign(folder / "campaign.xlsx")
    assert cf is not None
    before = (folder / "tong-hop_cham-diem.xlsx").stat().st_mtime_ns
    with out.holding(out.campaign_lock(cf, folder / "inbox"), "merge"):
        started = found.post("/vong/cham-diem/tong-hop", data=CSRF)
        state = wait_job(found, started.headers["Location"])
    assert state["state"] == "failed"
    assert "merge" in text(found.get(started.headers["Location"]))
    assert (folder / "tong-hop_cham-diem.xlsx").stat().st_mtime_ns == before


def test_generate_from_the_page(school):
    """Books already issued for the round: the page asks first, naming the departments that sent theirs back."""
    folder, _returned, _app, found = school
    asked = found.post("/vong/dang-ky/sinh", data=CSRF)
    assert asked.status_code == 200 and not list((folder / "outbox" / "dang-ky").glob("*.tmp"))
    question = text(asked)
    assert "Sinh lại sổ – Đăng ký thi đua?" in question and "Sổ của vòng này đã phát cho 5 tổ" in question
    assert "tổ đã gửi lại sổ" in question and "Tổ khối 1" in question  # its registration book came back
    started = found.post("/vong/dang-ky/sinh", data={**CSRF, "chac": "1"})
    state = wait_job(found, started.headers["Location"])
    assert state["state"] == "done", text(found.get(started.headers["Location"]))
    result = text(found.get(started.headers["Location"]))
    assert "Tệp đã ghi" in result


# --- the commune ------------------------------------------------------------------------------------------------

def test_the_communes_schools_and_merge(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    page = text(found.get("/"))
    assert "Ủy ban nhân dân xã Trực Cường" in page
    show = "Xem mã – "  # each school's code on its row's button alone: a secret (tests/e2e/test_commune_codes.py)
    assert "Trường Tiểu học Trực Cường Xem mã – Trường Tiểu học Trực Cường Đã gửi 18/05/2026 Gửi 2 bản" in page
    assert f"Trường Tiểu học Thử Nghiệm {show}Trường Tiểu học Thử Nghiệm Đã gửi" in page and "Sửa tay" in page
    assert f"Trường Mầm non Trực Cường {show}Trường Mầm non Trực Cường Chưa gửi" in page
    assert not re.search(r"[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", page)
    merged = found.post("/xa/tong-hop", data={**CSRF, "import": "1"})
    state = wait_job(found, merged.headers["Location"])
    assert state["state"] == "done", state
    result = text(found.get(merged.headers["Location"]))
    assert "tong-hop-cac-truong.xlsx" in result and "Trường chưa gửi: Trường Mầm non Trực Cường" in result
    assert (folder / "tong-hop-cac-truong.xlsx").is_file()
    imported = sorted(p.name for p in (folder / "xuat-tinh").iterdir())
    assert imported and all(f"xuat-tinh/{name}" in result for name in imported)  # each linked for download


# --- a year by periods --------------------------------------------------------------------------------------------

def test_a_year_by_periods_from_its_periods_summaries(tmp_path):
    import shutil

    from tests.ui.pages import SAMPLES

    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", folder)
    _app, found = client(folder)
    page = text(found.get("/"))
    assert "Tháng 9/2026 05/10/2026 đã tổng hợp" in page  # its summary in ky/, where the year reads them
    assert "Tải về ky/tong-hop_thang-9.xlsx" in page
    started = found.post("/vong/ca-nam/tong-hop", data=CSRF)
    assert wait_job(found, started.headers["Location"])["state"] == "done"
    result = text(found.get(started.headers["Location"]))
    assert "Tệp đã đọc 2 Dùng 2" in result
    assert "Nguyễn Thị Thanh Huyền Tổ Toán – Tin 96 HTXSNV Lao động tiên tiến, Chiến sĩ thi đua cơ sở" in result
    # the sample's year summary is the tool's own (the sample ships its record, da-ghi.json): replaced, nothing beside
    assert "(moi)" not in result and not list(folder.glob("*(moi*"))
    summary = folder / "tong-hop_ca-nam.xlsx"
    load_workbook(summary).save(summary)  # someone opened it and saved it: no longer the tool's bytes
    edited = summary.read_bytes()
    again = found.post("/vong/ca-nam/tong-hop", data=CSRF)
    assert wait_job(found, again.headers["Location"])["state"] == "done"
    assert "tong-hop_ca-nam (moi).xlsx" in text(found.get(again.headers["Location"]))  # kept, the new one beside it
    assert summary.read_bytes() == edited


@pytest.mark.libreoffice  # the papers' PDFs
def test_the_communes_papers_from_the_page(tmp_path):
    folder = commune_campaign(tmp_path)
    _app, found = client(folder)
    merged = found.post("/xa/tong-hop", data={**CSRF, "docs": "1"})
    assert wait_job(found, merged.headers["Location"], 300)["state"] == "done"
    result = text(found.get(merged.headers["Location"]))
    assert "ho-so/01_To-trinh-cong-nhan.docx" in result and "ho-so/02_Du-thao-Quyet-dinh-cong-nhan.docx" in result
    assert (folder / "ho-so" / "02_Du-thao-Quyet-dinh-cong-nhan.docx").is_file()
