"""A person's word sticks on the page too (docs/spec.md §5g): the head's pass uploaded once is kept with its period and
applied again when Tổng hợp is pressed without choosing the file again — the page says which file, and a box drops it
on purpose; the year's page says what keeps the year a draft, and the history button asks before recording one."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from tests.filling import council_types
from tests.head_pass import head_scores
from tests.ui.pages import SAMPLES, TOKEN, client, text, wait_job
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.model.titles import NO_PROPOSAL
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


@pytest.fixture
def year(tmp_path) -> Path:
    """The sample year by periods (two months merged, neither passed by the head), without the year merged."""
    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / name for name in ("ca-nam.json", "tong-hop_ca-nam.xlsx", RUNS_RECORD)}
    shutil.copytree(shipped, tmp_path / "nam", ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    return tmp_path / "nam"


def _run(found, address: str, **form) -> str:
    started = found.post(address, data={**CSRF, **form}, content_type="multipart/form-data")
    assert started.status_code == 303, text(started)
    state = wait_job(found, started.headers["Location"], 300)
    page = text(found.get(started.headers["Location"]))
    assert state["state"] == "done", page
    return page


def _score(summary: Path, code: str):
    from tests.summary_meta import read_summary_meta

    return next(final for person, final, *_rest in read_summary_meta(summary.read_bytes()).people if person == code)


def test_the_head_s_pass_uploaded_once_is_applied_again_by_a_later_merge_until_dropped(year, tmp_path):
    _app, found = client(year)
    headed = tmp_path / "hieu-truong-cham-thang-10.xlsx"
    head_scores(year / "ky" / "tong-hop_thang-10.xlsx", headed, {"GV004": (88, "Hiệu trưởng chấm lại")})
    _run(found, "/vong/thang-10/tong-hop", council=(io.BytesIO(headed.read_bytes()), headed.name))
    kept = year / "hoi-dong" / "hieu-truong_thang-10.xlsx"
    assert kept.is_file() and not list((year / "hoi-dong" / "cu").glob("hoi-dong_tai-len*"))  # the upload moved
    page = text(found.get("/vong/thang-10"))
    assert "Lượt duyệt của Hiệu trưởng đã lưu: hoi-dong/hieu-truong_thang-10.xlsx" in page
    assert "Bỏ lượt duyệt đã lưu khi bấm Tổng hợp" in page

    late = _run(found, "/vong/thang-10/tong-hop")  # a late book came: merged again, no file chosen
    assert "Áp dụng lại lượt duyệt của Hiệu trưởng cho Tháng 10/2026" in late
    assert _score(year / "ky" / "tong-hop_thang-10.xlsx", "GV004") == 88
    assert "Tháng 10/2026 đã có điểm hiệu trưởng" in text(found.get("/vong/ca-nam"))

    dropped = _run(found, "/vong/thang-10/tong-hop", **{"bo-duyet": "1"})
    assert "Đã bỏ hoi-dong/hieu-truong_thang-10.xlsx" in dropped and not kept.exists()
    assert _score(year / "ky" / "tong-hop_thang-10.xlsx", "GV004") != 88
    assert "Lượt duyệt của Hiệu trưởng đã lưu" not in text(found.get("/vong/thang-10"))


def test_the_year_page_says_what_keeps_the_year_a_draft_and_history_asks_first(year, tmp_path):
    _app, found = client(year)
    assert "Mọi kỳ đã có lượt Hiệu trưởng duyệt" in text(found.get("/vong/ca-nam"))  # the sample: both months passed
    shutil.rmtree(year / "ky")
    (year / "ky").mkdir()
    _run(found, "/vong/thang-9/tong-hop", **{"bo-duyet": "1"})  # Tháng 9 merged again, its head's pass dropped
    page = text(found.get("/vong/ca-nam"))
    assert ("Năm học chưa xong – bảng cả năm và hồ sơ sẽ là DỰ THẢO: Tháng 9/2026 chưa có lượt Hiệu trưởng duyệt; "
            "Tháng 10/2026 chưa tổng hợp") in page
    _run(found, "/vong/ca-nam/tong-hop")
    council = tmp_path / "hoi-dong-ca-nam.xlsx"
    council_types(year / "tong-hop_ca-nam.xlsx", council, {"GV009": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
    _run(found, "/vong/ca-nam/tong-hop", council=(io.BytesIO(council.read_bytes()), council.name))
    assert (year / "hoi-dong" / "hoi-dong_ca-nam.xlsx").is_file()
    shown = text(found.get("/vong/ca-nam"))
    assert "Kết quả họp Hội đồng đã lưu: hoi-dong/hoi-dong_ca-nam.xlsx" in shown and "Ghi dù năm chưa xong" in shown
    started = found.post("/lich-su", data=CSRF)
    state = wait_job(found, started.headers["Location"], 120)
    assert "còn DỰ THẢO" in text(found.get(started.headers["Location"])) and state["state"] != "running"
    assert not (year / "lich-su.xlsx").exists()
    _run(found, "/lich-su", **{"chinh-thuc": "1"})
    assert (year / "lich-su.xlsx").is_file()


def test_a_period_s_books_made_before_the_registration_was_merged_are_said_on_its_page(year, tmp_path):
    _app, found = client(year)
    registration = year / "tong-hop_dang-ky.xlsx"
    registration.rename(tmp_path / registration.name)  # not merged yet
    made = _run(found, "/vong/thang-10/sinh", chac="1")
    assert "vòng đăng ký chưa tổng hợp" in made
    assert ("Vòng đăng ký chưa tổng hợp: sổ của 6 tổ kỳ này ghi 'Chưa đăng ký' cho mọi người. Không cần tạo lại sổ"
            in text(found.get("/vong/thang-10")))
    (tmp_path / registration.name).rename(registration)  # merged now: the year reads it, the books need no remaking
    page = text(found.get("/vong/thang-10"))
    assert ("Sổ của 6 tổ kỳ này được tạo trước khi tổng hợp đăng ký (ô Đăng ký ghi 'Chưa đăng ký'). Không cần tạo "
            "lại: cả năm lấy đăng ký từ bảng tổng hợp đăng ký tong-hop_dang-ky.xlsx.") in page
    assert "Sổ của" not in text(found.get("/vong/thang-9"))  # made with the registration: nothing to say


def test_a_head_s_file_chosen_while_another_run_is_busy_writes_nothing(year, tmp_path, monkeypatch):
    """A press refused (another run going on) is refused before any file is touched: the file chosen is not kept."""
    import threading

    from thidua_xlsx import service

    _app, found = client(year)
    release = threading.Event()
    monkeypatch.setattr(service, "run", lambda *_args, **_kw: release.wait(30))  # a run that holds the page
    first = found.post("/vong/thang-9/tong-hop", data={**CSRF}, content_type="multipart/form-data")
    assert first.status_code == 303
    before = sorted(p.relative_to(year).as_posix() for p in year.rglob("*") if p.is_file())
    headed = tmp_path / "hieu-truong-cham-thang-10.xlsx"
    head_scores(year / "ky" / "tong-hop_thang-10.xlsx", headed, {"GV004": (88, "Hiệu trưởng chấm lại")})
    busy = found.post("/vong/thang-10/tong-hop", data={**CSRF, "council": (io.BytesIO(headed.read_bytes()),
                                                                           headed.name)},
                      content_type="multipart/form-data")
    release.set()
    assert busy.status_code == 409
    assert sorted(p.relative_to(year).as_posix() for p in year.rglob("*") if p.is_file()) == before
