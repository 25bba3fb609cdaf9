"""Next year's campaign from the school's overview (``init NEW --tu THIS`` as a run of the page): the new folder made
beside the campaign folder with next year's campaign.xlsx, the run's lines, how to open the new page; a name that is
no plain folder name (``../``, an absolute path, a drive) or a folder that exists refused, nothing made."""

from __future__ import annotations

import datetime as dt
import re
import sys
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from tests.ui.pages import TOKEN, client, school_campaign, text, wait_job
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


@pytest.fixture
def school(tmp_path):
    """The sample school's folder in a folder of its own (where next year's is made beside it), and its page."""
    root = tmp_path / "nam-moi"
    folder, _returned = school_campaign(root)
    app, found = client(folder)
    return root, folder, found


def _entries(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def test_the_overview_offers_next_year_beside_this_folder(school):
    _root, _folder, found = school
    page = found.get("/")
    assert "Sang năm học mới" in text(page)
    assert b'name="ten" value="truong-2026-2027"' in page.data  # the folder's name with the next school year


def test_a_name_that_is_no_plain_folder_name_is_refused_and_nothing_made(school, tmp_path):
    root, folder, found = school
    before = _entries(root)
    for name in ("../ngoai", "../../tmp/x", str(tmp_path / "tuyet-doi"), "/tmp/x", "C:\\Truong\\2026",
                 "con/chau", "..", ".", "", "a\\b"):
        refused = found.post("/nam-moi", data={**CSRF, "ten": name})
        assert refused.status_code == 400, name
        assert "không dùng được: chỉ gõ một tên thư mục" in text(refused), name
        assert "chưa tạo gì" in text(refused) and "truong-2026-2027" in text(refused)
    assert _entries(root) == before
    assert not (tmp_path / "tuyet-doi").exists() and not (root.parent / "ngoai").exists()


def test_an_existing_folder_is_refused(school):
    root, _folder, found = school
    (root / "da-co").mkdir()
    (root / "da-co" / "ghi-chu.txt").write_text("của cô thư ký", encoding="utf-8")
    refused = found.post("/nam-moi", data={**CSRF, "ten": "da-co"})
    assert refused.status_code == 400
    assert f"Đã có thư mục {root / 'da-co'}" in text(refused) and "chưa tạo gì" in text(refused)
    assert _entries(root / "da-co") == ["ghi-chu.txt"]
    assert (root / "da-co" / "ghi-chu.txt").read_text(encoding="utf-8") == "của cô thư ký"


def test_a_post_without_the_form_token_makes_nothing(school):
    root, _folder, found = school
    refused = found.post("/nam-moi", data={"ten": "truong-2026-2027"})
    assert refused.status_code == 403 and not (root / "truong-2026-2027").exists()


def test_next_year_is_made_beside_with_the_next_years_campaign(school):
    root, folder, found = school
    before = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    started = found.post("/nam-moi", data={**CSRF, "ten": "truong-2026-2027"})
    assert started.status_code == 303
    state = wait_job(found, started.headers["Location"])
    result = text(found.get(started.headers["Location"]))
    assert state["state"] == "done", result
    new = root / "truong-2026-2027"
    book = openpyxl.load_workbook(new / "campaign.xlsx", read_only=True)
    try:
        school_year = next(str(v) for row in book["Trường"].iter_rows(values_only=True) for v in row
                           if v and str(v).startswith("2026-2027"))
    finally:
        book.close()
    assert school_year == "2026-2027"
    assert (new / "Mo-trang-thi-dua.bat").is_file() and (new / "inbox").is_dir()
    # the run's lines: what was made, carried, cleared; how to open the new year's page
    assert "Đã tạo ../truong-2026-2027/campaign.xlsx cho năm học 2026-2027" in result  # relative to this folder
    assert "Mang sang: Trường Tiểu học Trực Cường" in result
    assert "Đã xóa thông tin xét của năm học 2025-2026" in result
    from thidua_xlsx.steps.workspace import open_campaign

    cf, _problems = open_campaign(new / "campaign.xlsx")
    assert cf is not None and f"Mã chiến dịch mới: {cf.campaign.id}" in result
    launcher = {"win32": ".bat", "darwin": ".command"}.get(sys.platform, ".sh")  # the page runs on her computer
    assert f"bấm đúp tệp Mo-trang-thi-dua{launcher} trong thư mục {new}" in result
    assert "thidua-xlsx ui" not in result.split("Nhật ký của lần chạy")[0]  # her way in: the double-click
    # the desktop's icon still opens this year: said, with what to do (the installer asks the folder again)
    installer = {"win32": "Cai-dat-thi-dua.bat", "darwin": "Cai-dat-thi-dua.command"}.get(sys.platform,
                                                                                          "cai-dat-thi-dua.sh")
    assert (f"Biểu tượng Thi đua trên màn hình nền vẫn mở trang của năm học cũ ({folder}). Để biểu tượng mở năm "
            f"học mới: bấm đúp lại tệp cài đặt {installer}") in result and f"chọn {new}" in result
    page = found.get(started.headers["Location"]).data.decode("utf-8")
    assert "<em>Thi đua</em>" in page and "*" not in result.split("Nhật ký của lần chạy")[0]
    # the files written are named; each link of the page leads somewhere (none to a file outside this folder)
    assert "../truong-2026-2027/campaign.xlsx" in result
    links = re.findall(r'href="(/tep\?[^"]+)"', page)
    assert all(found.get(unescape(link)).status_code == 200 for link in links), links
    assert "Số liệu" not in result and "Tệp đã đọc" not in result  # init reads no file: no counter of files
    # last year's folder is only read
    assert {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before
    again = found.post("/nam-moi", data={**CSRF, "ten": "truong-2026-2027"})
    assert again.status_code == 400 and "Đã có thư mục" in text(again)


@pytest.mark.parametrize(("name", "year", "offered"), [
    ("thidua-2026", "2026-2027", "thidua-2027-2028"),  # a year named alone: the new school year, not one added
    ("thidua-2027", "2026-2027", "thidua-2027-2028"),  # named by the year's end
    ("thidua-2026", "2025-2026", "thidua-2026-2027"),
    ("thidua-2026-2027", "2026-2027", "thidua-2027-2028"),
    ("truong-2025-2026", "2025-2026", "truong-2026-2027"),
    ("truong", "2026-2027", "truong-2027-2028"),
    ("truong-c2-1999", "2026-2027", "truong-c2-1999-2027-2028"),  # a number that is not this campaign's year: kept
    ("Thi-dua", "2026-2027", "Thi-dua-2027-2028"),  # the installer's default folder
])
def test_next_years_folder_is_named_from_its_school_year(monkeypatch, name, year, offered):
    from thidua_xlsx.steps import overview

    monkeypatch.setattr(overview, "vietnam_today", lambda: dt.date(2026, 11, 25))
    cf = SimpleNamespace(folder=Path("/truong") / name,
                         campaign=SimpleNamespace(school=SimpleNamespace(school_year=year)))
    assert overview.next_year_name(cf) == offered
