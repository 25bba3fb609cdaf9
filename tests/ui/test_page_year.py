"""The NĐ 233 year on the page: a period's head pass, the year from its periods with its own page, the
council's pass on the year, its papers, the history book from the year's final summary — every step a button, every
result found again after the page is started anew."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from tests.ui.pages import SAMPLES, TOKEN, client, text, wait_job
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


@pytest.fixture
def year(tmp_path) -> Path:
    """The sample year by periods (two months merged), without the year's summary and the tool's records."""
    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / name for name in ("ca-nam.json", "tong-hop_ca-nam.xlsx", "da-ghi.json", RUNS_RECORD)}
    shutil.copytree(shipped, tmp_path / "nam", ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    return tmp_path / "nam"


def _run(found, address: str, seconds: float = 300, **form) -> str:
    started = found.post(address, data={**CSRF, **form}, content_type="multipart/form-data")
    assert started.status_code == 303, text(started)
    state = wait_job(found, started.headers["Location"], seconds)
    page = text(found.get(started.headers["Location"]))
    assert state["state"] == "done", page
    return page


def test_the_year_has_its_own_page_with_each_period(year):
    _app, found = client(year)
    overview = found.get("/")
    assert 'href="/vong/ca-nam"' in overview.data.decode()  # the year's row leads to its page
    page = text(found.get("/vong/ca-nam"))
    assert "Bảng tổng hợp của các kỳ" in page
    assert "Tháng 9/2026 đã có điểm hiệu trưởng ky/tong-hop_thang-9.xlsx" in page  # the sample: both months passed
    assert "Tháng 10/2026 đã có điểm hiệu trưởng ky/tong-hop_thang-10.xlsx" in page
    (year / "ky" / "tong-hop_thang-10.xlsx").unlink()
    assert "Tháng 10/2026 chưa tổng hợp" in text(found.get("/vong/ca-nam"))
    crumbs = found.get("/vong/ca-nam").data.decode()
    assert '<a href="/">' in crumbs


def test_a_period_s_head_pass_then_the_year_its_council_papers_and_history_on_the_page(year, tmp_path, monkeypatch):
    from tests.filling import council_types
    from tests.head_pass import head_scores
    from tests.no_office import without_libreoffice
    from thidua_xlsx.model.titles import NO_PROPOSAL

    without_libreoffice(monkeypatch)  # its papers looked at in Word: no PDF made
    _app, found = client(year)
    headed = tmp_path / "thang-10-hieu-truong.xlsx"
    head_scores(year / "ky" / "tong-hop_thang-10.xlsx", headed, {"GV004": (88, "Hiệu trưởng chấm lại")})
    period = _run(found, "/vong/thang-10/tong-hop", council=(io.BytesIO(headed.read_bytes()), headed.name))
    assert "ky/tong-hop_thang-10.xlsx" in period
    assert "Tháng 10/2026 đã có điểm hiệu trưởng" in text(found.get("/vong/ca-nam"))

    first = _run(found, "/vong/ca-nam/tong-hop")
    assert "tong-hop_ca-nam.xlsx" in first and (year / "tong-hop_ca-nam.xlsx").is_file()
    council = tmp_path / "hoi-dong-ca-nam.xlsx"
    council_types(year / "tong-hop_ca-nam.xlsx", council, {"GV009": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
    final = _run(found, "/vong/ca-nam/tong-hop", docs="1", council=(io.BytesIO(council.read_bytes()), council.name))
    assert final.count("Hội đồng đã thay đổi 1 điều") == 2  # the changes as a list of their own, and in the log
    assert "GV009" in final and "ho-so/01_To-trinh.docx" in final and (year / "ho-so" / "01_To-trinh.docx").is_file()

    _app, again = client(year)  # the page started anew: the year's last results are still there
    page = text(again.get("/vong/ca-nam"))
    assert "Lần tổng hợp gần nhất" in page and "trang này" in page
    assert "Tải về tong-hop_ca-nam.xlsx" in page and "ho-so/01_To-trinh.docx" in page
    history = _run(again, "/lich-su")
    assert "tong-hop_ca-nam.xlsx" in history and (year / "lich-su.xlsx").is_file()


def test_a_merge_s_counts_add_up_and_its_proposals_are_the_console_s(tmp_path):
    """read = used + superseded + refused + skipped, each box listing its files; the proposals by title as the
    console (and the printed summary) say them."""
    import re

    from tests.ui.pages import school_campaign

    folder, _returned = school_campaign(tmp_path)
    shutil.rmtree(folder / "inbox")
    shutil.copytree(SAMPLES / "inbox", folder / "inbox")
    _app, found = client(folder)
    page = _run(found, "/vong/cham-diem/tong-hop")
    labels = (r"(Tệp đã đọc|Dùng|Bản cũ \(đã có bản mới hơn\)|Bị từ chối|"
              r"Bỏ qua \(bản chép, sổ chưa điền, không phải sổ\))")
    boxes = {label: int(n) for label, n in re.findall(labels + r" (\d+)", page)}
    read = boxes.pop("Tệp đã đọc")
    assert read == len(list((folder / "inbox").rglob("*.*"))) == sum(boxes.values()) and len(boxes) >= 3
    said = re.search(r"Đề nghị: (\d+) Lao động tiên tiến, (\d+) Chiến sĩ thi đua cơ sở\.", page)  # the log's line
    shown = page.split("Số liệu")[1]
    assert said and f"Đề nghị: {said[1]} Lao động tiên tiến, {said[2]} Chiến sĩ thi đua cơ sở" in shown
