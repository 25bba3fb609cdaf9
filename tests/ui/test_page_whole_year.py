"""The page carries the whole year's files: the history book offered to the merges that decide titles and carried
into next year's folder (by both doors), the registration round's page showing who registered for what, a period's
page offering only what a period does (its scores; the titles, the council and the papers are the year's), one name
for the box that drops a kept pass, the run's log in the page's words with the counters of the same facts."""

from __future__ import annotations

import re

from click.testing import CliRunner

from tests.command_lines import names_a_command
from tests.ui.pages import client, log_lines, period_school, ran, text, year_end_school
from thidua_xlsx.cli import main


def _counted(page, label: str) -> int:
    """The number beside ``label`` in a run's *Số liệu*, as read on its page."""
    found = re.search(rf"<dt>{label}</dt><dd>(\d+)</dd>", page.data.decode("utf-8"))
    assert found is not None, (label, text(page))
    return int(found.group(1))


def _said(lines: list[str], label: str) -> int:
    return sum(line.strip().startswith(f"{label}:") for line in lines)


def test_the_registration_rounds_page_shows_who_registered_for_what(tmp_path):
    """What a secretary checks after the registration round: each department's people with the title each chose,
    and the department's own; the merge's page lists the same, never rows of empty scores and ranks."""
    _app, found = client(period_school(tmp_path))
    words = text(found.get("/vong/dang-ky"))
    assert "Ai đăng ký gì" in words
    assert "Tổ Ngữ văn Tập thể tổ Tập thể lao động tiên tiến" in words
    assert "Tổ Ngữ văn Vũ Thị Thu Hằng Chiến sĩ thi đua cơ sở" in words
    assert "xét danh hiệu" not in words.split("Tổng hợp", 1)[1].split("Tải về")[0]  # the merge's hint
    state, page, _job = ran(found, "/vong/dang-ky/tong-hop")
    assert state["state"] == "done"
    merged = text(page)
    assert "Ai đăng ký gì" in merged and "Tổ Toán – Tin Phan Thị Mai Hoa Chiến sĩ thi đua cơ sở" in merged
    assert "Hạng Họ và tên" not in merged and "Có điểm" not in merged  # nobody is scored at registration


def test_a_periods_page_offers_only_what_a_period_does(tmp_path):
    """A month is scored, rated and ranked, and its scores passed by the head (Hiệu trưởng, NĐ 233/2026 điều 13
    khoản 2): its page offers no titles, no council and no papers box (those are the year's page's), and names the
    box that drops the head's kept pass as every message names it."""
    _app, found = client(period_school(tmp_path))
    page = text(found.get("/vong/thang-9"))
    assert "xét danh hiệu và ghi bảng tổng hợp" not in page and "Hội đồng" not in page and "Ghi cả hồ sơ" not in page
    assert "Kỳ không xét danh hiệu, không có hồ sơ" in page
    assert "Bảng tổng hợp kỳ Hiệu trưởng đã chấm (nếu đã chấm)" in page
    assert "Lượt duyệt của Hiệu trưởng đã lưu" in page and "Bỏ lượt duyệt đã lưu khi bấm Tổng hợp" in page
    year = text(found.get("/vong/ca-nam"))
    assert "Ghi cả hồ sơ" in year and "xét danh hiệu" in year
    state, merged, job = ran(found, "/vong/thang-9/tong-hop")
    assert state["state"] == "done"
    log = log_lines(merged)
    said = [line for line in log if "Bỏ lượt duyệt" in line]
    assert said and all("đánh dấu ô Bỏ lượt duyệt đã lưu rồi bấm Tổng hợp" in line for line in said), log


def test_the_history_book_is_offered_to_the_merge_that_decides_titles_and_used(tmp_path):
    """The history book the page writes (lich-su.xlsx) is found in the folder and offered, ticked, on the round
    that decides titles: the merge reads it (its multi-year proposals said) — and without the tick it is not
    read; a book gone since the page was drawn is refused with what to do, nothing written."""
    folder = year_end_school(tmp_path)
    _app, found = client(folder)
    assert 'name="dung-lich-su" value="1" id="use-history" checked' in found.get("/vong/cham-diem").data.decode()
    assert 'name="dung-lich-su"' not in found.get("/vong/dang-ky").data.decode()
    state, page, _job = ran(found, "/vong/cham-diem/tong-hop", **{"dung-lich-su": "1"})
    assert state["state"] == "done"
    used = [line for line in log_lines(page) if line.startswith("Lịch sử các năm trước: lich-su.xlsx")]
    assert used and "đề nghị khen thưởng theo thành tích nhiều năm" in used[0], log_lines(page)
    _state, without, _job = ran(found, "/vong/cham-diem/tong-hop")
    assert not any("Lịch sử các năm trước" in line for line in log_lines(without))
    summary = folder / "tong-hop_cham-diem.xlsx"
    before = summary.read_bytes()
    (folder / "lich-su.xlsx").rename(folder / "lich-su-cu.xlsx")
    refused = found.post("/vong/cham-diem/tong-hop", data={"csrf": _csrf(), "dung-lich-su": "1"})
    assert refused.status_code == 400
    assert "Sổ lịch sử lich-su.xlsx không còn trong thư mục chiến dịch" in text(refused)
    assert "chưa tổng hợp" in text(refused) and summary.read_bytes() == before


def test_the_year_page_offers_the_history_book_when_the_folder_holds_one(tmp_path):
    folder = period_school(tmp_path)
    _app, found = client(folder)
    assert 'name="dung-lich-su"' not in found.get("/vong/ca-nam").data.decode()
    (folder / "lich-su.xlsx").write_bytes(_sample_history())
    assert "Dùng sổ lịch sử lich-su.xlsx" in text(found.get("/vong/ca-nam"))
    assert 'name="dung-lich-su"' not in found.get("/vong/thang-9").data.decode()


def _sample_history() -> bytes:
    from tests.ui.pages import SAMPLES

    return (SAMPLES / "lich-su.xlsx").read_bytes()


def _csrf() -> str:
    from tests.ui.pages import TOKEN
    from thidua_xlsx.ui.security import form_token

    return form_token(TOKEN)


def _years(book) -> tuple[str, ...]:
    from thidua_xlsx.read.history import read_history_book

    kept, _history, _problems = read_history_book(book)
    assert kept is not None
    return kept.years


def test_next_year_carries_the_history_book_with_the_year_just_ended(tmp_path):
    """*Sang năm học mới* makes next year's folder with the history book in it, last year's final summary added as
    its year, so next year's multi-year titles read it; last year's book is only read, and the new folder holds no
    backup of a copy. The log says it in the page's words."""
    folder = year_end_school(tmp_path)
    old = (folder / "lich-su.xlsx").read_bytes()
    _app, found = client(folder)
    state, page, _job = ran(found, "/nam-moi", ten="truong-moi")
    assert state["state"] == "done", text(page)
    new = tmp_path / "truong-moi"
    assert "2025-2026" in _years(new / "lich-su.xlsx")
    assert not list(new.glob("lich-su.*.xlsx"))
    assert (folder / "lich-su.xlsx").read_bytes() == old
    assert "../truong-moi/lich-su.xlsx" in text(page)  # among the files written, beside this folder
    log = log_lines(page)
    assert any("Sổ lịch sử lich-su.xlsx (khen thưởng nhiều năm) đã có trong thư mục mới" in line and "2025-2026"
               in line for line in log), log
    assert not any(names_a_command(line) for line in log), log


def test_the_cli_carries_the_history_book_into_next_years_folder_too(tmp_path):
    """One service step: ``init NEW --tu OLD`` in the terminal carries the book as the page's button does."""
    folder = year_end_school(tmp_path)
    done = CliRunner().invoke(main, ["init", str(tmp_path / "nam-sau"), "--tu", str(folder)])
    assert done.exit_code == 0, done.output
    assert "2025-2026" in _years(tmp_path / "nam-sau" / "lich-su.xlsx")
    assert "đã có trong thư mục mới, với các năm học" in done.output


def test_next_year_without_a_final_year_says_what_to_do_on_the_page(tmp_path):
    """A year whose summary is still before the council has nothing the history may record: next year is made, no
    empty book, and the log says why and what to do, in buttons."""
    folder = period_school(tmp_path)
    _app, found = client(folder)
    state, page, _job = ran(found, "/nam-moi", ten="nam-sau")
    assert state["state"] == "done", text(page)
    assert not (tmp_path / "nam-sau" / "lich-su.xlsx").exists()
    log = log_lines(page)
    assert any("bấm Ghi vào sổ lịch sử, rồi chép tệp lich-su.xlsx" in line for line in log), log
    assert any(line.startswith("Cảnh báo: [lich-su.xlsx]") and "trước Hội đồng" in line for line in log), log
    assert not any(names_a_command(line) for line in log), log


def test_the_log_is_in_the_pages_words_and_the_counters_count_what_it_lists(tmp_path):
    """Each run the page makes over a year (books made, the registration merged, a month merged with the head's pass
    kept, the year with its papers): its log names no option or command and no path outside the page's own (paths
    relative to the campaign folder), and its counters of errors and warnings are those the log lists."""
    folder = period_school(tmp_path)
    _app, found = client(folder)
    for address, form in (("/vong/thang-10/sinh", {"chac": "1"}), ("/vong/dang-ky/tong-hop", {}),
                          ("/vong/thang-9/tong-hop", {}), ("/vong/ca-nam/tong-hop", {"docs": "1"})):
        state, page, job = ran(found, address, **form)
        assert state["state"] == "done", text(page)
        log = log_lines(page)
        assert log, address
        assert not [line for line in log if names_a_command(line) or str(tmp_path) in line], (address, log)
        assert _said(log, "Cảnh báo") == _counted(page, "Cảnh báo"), (address, log)
        assert _said(log, "Lỗi") == _counted(page, "Lỗi"), (address, log)
        assert len(job.lines) == len(log)
    made = ran(found, "/vong/thang-10/sinh", chac="1")[1]
    assert "Sổ đã tạo" in text(made) and "Tệp đã đọc" not in text(made)  # books written, none read
    assert _counted(made, "Sổ đã tạo") == 6


def test_in_a_period_the_head_is_called_the_head(tmp_path):
    """A period's scores are passed by the head (Hiệu trưởng, NĐ 233/2026 điều 13 khoản 2), no council meets for
    it: a month merged again with a book fewer than when the head scored says the head's scoring changed under it,
    and what the head changed is "của Hiệu trưởng" — in the log, on the page and in the summary's sheet."""
    from openpyxl import load_workbook

    folder = period_school(tmp_path)
    gone = sorted((folder / "inbox" / "thang-9").glob("*.xlsx"))[0]
    gone.unlink()
    _app, found = client(folder)
    state, page, _job = ran(found, "/vong/thang-9/tong-hop")
    assert state["state"] == "done", text(page)
    words, log = text(page), log_lines(page)
    assert f"đã khác so với lúc Hiệu trưởng chấm bảng tổng hợp kỳ ({gone.name})" in words
    assert any("(sheet Thay đổi của Hiệu trưởng)" in line for line in log), log
    assert "Tín hiệu cho Hiệu trưởng khi chấm kỳ (chỉ để xem lại, không ảnh hưởng kết quả):" in log, log
    assert "Hội đồng họp" not in words and "sheet Thay đổi của Hội đồng" not in words
    book = load_workbook(folder / "ky" / "tong-hop_thang-9.xlsx", read_only=True)
    try:
        assert "Thay đổi của Hiệu trưởng" in book.sheetnames and "Thay đổi của Hội đồng" not in book.sheetnames
        said = [v for row in book["Thay đổi của Hiệu trưởng"].iter_rows(values_only=True) for v in row if v]
        assert "Lý do (Hiệu trưởng ghi)" in said and not [v for v in said if "Hội đồng" in str(v)], said
    finally:
        book.close()
