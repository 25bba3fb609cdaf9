"""The page's first screen on a folder with no campaign: the two questions a secretary can answer (the school's level,
how it scores), the campaign they make (``init`` with them, as a run of the page), and what the page then says of it
— a year by periods sends the council and the papers to its Cả năm page, a year's deadline before its last period is
due is said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.ui.pages import TOKEN, client, text, wait_job
from thidua_xlsx.model import requests as rq
from thidua_xlsx.steps.workspace import open_campaign
from thidua_xlsx.text.ui import FIRST_LEVELS, FIRST_SCORINGS
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _made(found, **form) -> str:
    started = found.post("/bat-dau", data={**CSRF, **form})
    assert started.status_code == 303, text(started)
    state = wait_job(found, started.headers["Location"])
    said = text(found.get(started.headers["Location"]))
    assert state["state"] == "done", said
    return said


def test_an_empty_folder_asks_the_level_and_how_the_school_scores(tmp_path):
    _app, found = client(tmp_path)
    first = found.get("/")
    words, page = text(first), first.data.decode("utf-8")
    assert first.status_code == 200 and "Không làm được" not in words
    assert "Trường thuộc cấp học nào? Mầm non Tiểu học Trung học cơ sở Trung học phổ thông Xã/phường hoặc Sở" in words
    assert "Trường chấm điểm thi đua thế nào? Theo tháng, Nghị định 233/2026" in words
    assert 'name="cham" value="thang" checked' in page  # by month: how a school scores from 2026-2027
    assert page.count('name="cap"') == 5 and " checked" not in page.split('name="cham"')[0]  # her level: asked
    assert "thidua-xlsx" not in words.split("Trang chỉ mở")[0].replace("– thidua-xlsx", "")
    assert list(tmp_path.iterdir()) == []  # asking writes nothing


def test_the_answers_make_that_campaign_and_the_page_shows_its_year(tmp_path):
    _app, found = client(tmp_path)
    said = _made(found, cap="thcs", cham="quy")
    assert "Đã tạo chiến dịch trong thư mục này. Mở Trang chính" in said
    cf, _problems = open_campaign(tmp_path / "campaign.xlsx")
    assert cf is not None and "THCS" in cf.campaign.school.name
    assert [p.label[:6] for p in cf.campaign.periods] == ["Quý I ", "Quý II", "Quý II"]
    overview = found.get("/")
    words, page = text(overview), overview.data.decode("utf-8")
    assert "Quý I" in words and "Cả năm (từ các kỳ)" in words
    # the council and the papers of a year by periods: on its Cả năm page, the page's names in italics
    assert "Họp Hội đồng Trên trang Cả năm (từ các kỳ) : chọn bảng cả năm Hội đồng đã ghi" in words
    assert "Trên trang <em>Cả năm (từ các kỳ)</em>: đánh dấu <em>Ghi cả hồ sơ</em>" in page
    assert "vòng chấm điểm" not in words and "*" not in words


def test_a_school_scored_once_a_year_and_a_commune(tmp_path):
    school, commune = tmp_path / "truong", tmp_path / "xa"
    school.mkdir()
    commune.mkdir()
    _app, found = client(school)
    _made(found, cap="mam-non", cham="ca-nam")
    cf, _problems = open_campaign(school / "campaign.xlsx")
    assert cf is not None and not cf.campaign.periods and "Mầm non" in cf.campaign.school.name
    assert "Chấm điểm thi đua" in text(found.get("/"))
    assert "Trên trang Chấm điểm thi đua : chọn bảng tổng hợp Hội đồng đã ghi" in text(found.get("/"))
    _app, found = client(commune)
    _made(found, cap="cap-xa", cham="thang")
    assert (commune / "cap-tren.xlsx").is_file() and not (commune / "campaign.xlsx").exists()
    assert "Tổng hợp các trường" in text(found.get("/"))


def test_a_choice_missing_or_not_offered_and_a_folder_with_a_campaign_are_refused(tmp_path):
    _app, found = client(tmp_path)
    for form in ({"cham": "thang"}, {"cap": "dai-hoc", "cham": "thang"}, {"cap": "thcs", "cham": "nam"},
                 {"cap": "thcs"}):
        refused = found.post("/bat-dau", data={**CSRF, **form})
        assert refused.status_code == 400 and "Chưa chọn cấp học của trường hay cách chấm điểm" in text(refused)
    assert found.post("/bat-dau", data={"cap": "thcs", "cham": "thang"}).status_code == 403  # no form token
    assert list(tmp_path.iterdir()) == []
    _made(found, cap="tieu-hoc", cham="thang")
    before = (tmp_path / "campaign.xlsx").read_bytes()
    again = found.post("/bat-dau", data={**CSRF, "cap": "thpt", "cham": "ca-nam"})
    assert again.status_code == 400 and "đã có chiến dịch – không tạo lại" in text(again)
    assert (tmp_path / "campaign.xlsx").read_bytes() == before


def test_the_choices_are_inits_own():
    assert [code for code, _label in FIRST_SCORINGS] == list(rq.SCORINGS)
    assert {code for code, _label in FIRST_LEVELS} == {"mam-non", "tieu-hoc", "thcs", "thpt", "cap-xa"}


def _set_year_deadline(book: Path, day: dt.date) -> None:
    wb = openpyxl.load_workbook(book)
    sheet = wb["Trường"]
    row = next(r for r in sheet.iter_rows() if r[0].value and "Hạn nộp chấm điểm" in str(r[0].value))
    row[1].value = day
    wb.save(book)
    wb.close()


@pytest.mark.parametrize(("days", "said"), [(-16, True), (-1, True), (0, False), (7, False)])
def test_a_years_deadline_before_its_last_period_is_due_is_said(tmp_path, days, said):
    _app, found = client(tmp_path)
    _made(found, cap="tieu-hoc", cham="thang")
    cf, _problems = open_campaign(tmp_path / "campaign.xlsx")
    last = cf.campaign.periods[-1]
    day = last.deadline + dt.timedelta(days=days)  # before the last period's own deadline, on it, after it
    _set_year_deadline(tmp_path / "campaign.xlsx", day)
    words = text(found.get("/"))
    shown = (f"Hạn nộp chấm điểm của cả năm ({day:%d/%m/%Y}, sheet Trường) trước hạn của kỳ cuối – {last.label} "
             f"(kết thúc {last.end:%d/%m/%Y}, hạn gửi sổ {last.deadline:%d/%m/%Y})")
    assert (shown in words) is said, words


def test_the_pages_words_are_one_each():
    """The page's words and those of a person's word kept (text.decisions.PAGE_WORDS, merged into them) share no key:
    one would silently replace the other (the drop zone once promised what the kept pass's box says)."""
    import re

    from thidua_xlsx.text import ui as tu
    from thidua_xlsx.text.decisions import PAGE_WORDS

    own = set(re.findall(r'^    "(\w+)":', Path(tu.__file__).read_text(encoding="utf-8").split("WORDS = {")[1]
                         .split("WORDS |=")[0], re.M))
    assert own and not own & set(PAGE_WORDS)


def test_books_dropped_on_a_folder_without_a_campaign_are_refused_as_every_request_is(tmp_path):
    """docs/architecture.md: Doors over one service. A drop the service refuses (the folder holds no campaign to file
    the books into) gets the page's one answer to a refused request: the error page, status 400 — as a refused run
    does — and nothing is written."""
    import io

    _app, found = client(tmp_path)
    dropped = found.post("/nhan-thu-muc", data={**CSRF, "files": (io.BytesIO(b"PK"), "To-1.xlsx")},
                         content_type="multipart/form-data")
    assert dropped.status_code == 400 and "không phải thư mục chiến dịch" in text(dropped)
    assert "Không làm được" in text(dropped) and list(tmp_path.iterdir()) == []
