"""The Windows lane: what Windows itself does to the secretary's files, where Wine does it too, met by
python.org's Windows CPython under Wine (tests/windows.py) — a returned book Excel holds open (others may read it) is
read, one another program locks outright is named with what to do; the summary held open in Excel at a re-merge is
kept byte for byte and said "đang mở trong Excel", a paper held open in Word is said before anything is written; a
campaign under a OneDrive folder whose path has spaces and Vietnamese letters; a path past Windows' 260 characters;
the whole campaign or its papers made read-only (the folder's Properties, "Read-only")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.windows import EXCEL_SHARE, LOCKED, held, run, user_folder, windows_path
from thidua_xlsx.model.places import RUNS_RECORD

pytestmark = pytest.mark.windows

SUMMARY = "tong-hop_cham-diem.xlsx"
HELD, LOCKED_BOOK = "2025-2026_cham-diem_To-Van-phong.xlsx", "2025-2026_cham-diem_To-khoi-1.xlsx"


def _school(installed: dict[str, str], folder: Path) -> Path:
    """A fresh copy of the school sample as shipped (without this checkout's runs nor the other samples)."""
    samples = Path(installed["SOURCE"]) / "samples"
    return shutil.copytree(samples, folder, ignore=lambda where, names: [
        n for n in names if n in (RUNS_RECORD, "ca-nam", "cap-xa", "huong-dan", "__pycache__")
        or n.startswith("Mo-trang-thi-dua.") or n.endswith(".py")])


def _digests(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.long(25)
def test_a_book_open_in_excel_is_read_and_one_locked_outright_is_named_with_what_to_do(windows_installed, tmp_path):
    school = _school(windows_installed, tmp_path / "truong")
    inbox = school / "inbox"

    assert (inbox / f"~${HELD}").is_file()  # the sample's: Excel's owner file of the book it has open
    with held(windows_installed, inbox / HELD, EXCEL_SHARE), \
            held(windows_installed, inbox / LOCKED_BOOK, LOCKED, owner_file=False):
        ran = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)

    assert ran.code == 0, ran.out
    said = ran.out.splitlines()
    assert "Tệp: 6 (dùng 3, bản cũ 1, bị từ chối 1, bỏ qua 1)." in said, ran.out
    assert f"  {HELD}: được dùng" in said  # open in Excel: read
    assert f"  {LOCKED_BOOK}: bị từ chối – 1 vấn đề" in said
    assert (f"[{LOCKED_BOOK}] Không đọc được tệp (không có quyền đọc hoặc tệp đang bị khóa). Hãy cấp quyền đọc rồi "
            "chạy lại.") in ran.out
    assert f"Đã ghi bảng tổng hợp: {windows_path(school / SUMMARY)}" in ran.out


@pytest.mark.long(40)
def test_the_summary_or_a_paper_open_at_a_re_merge_is_kept_byte_for_byte_and_said_open(windows_installed, tmp_path):
    school = _school(windows_installed, tmp_path / "truong")
    first = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)
    assert first.code == 0, first.out
    before = (school / SUMMARY).read_bytes()

    with held(windows_installed, school / SUMMARY, EXCEL_SHARE):
        again = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)

    assert again.code == 1, again.out
    assert (f"Không ghi được '{windows_path(school / SUMMARY)}': tệp đang mở trong Excel hoặc chương trình khác — hãy "
            f"đóng tệp {SUMMARY} trong Excel rồi chạy lại.") in again.out, again.out
    assert (school / SUMMARY).read_bytes() == before
    assert not [p.name for p in school.iterdir() if p.suffix == ".tmp"]

    paper = school / "ho-so" / "01_To-trinh.docx"  # then a paper of that merge open in Word: said before any writing
    papers = _digests(school / "ho-so")
    with held(windows_installed, paper, EXCEL_SHARE):
        word = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)

    assert word.code == 1, word.out
    assert (f"Không ghi được hồ sơ vào thư mục {windows_path(paper.parent)}: tệp ho-so\\{paper.name} đang mở trong "
            "Word hoặc chương trình khác. Hãy đóng các văn bản của thư mục này") in word.out, word.out
    assert (school / SUMMARY).read_bytes() == before and _digests(school / "ho-so") == papers


@pytest.mark.long(20)
def test_a_campaign_in_onedrive_under_a_path_with_spaces_and_vietnamese_letters(windows_installed, tmp_path):
    users = user_folder(Path(windows_installed["WINEPREFIX"])).parent
    campaign = users / "Thư ký" / "OneDrive" / "Tài liệu" / "Thi đua 2026-2027"
    where = r"C:\users\Thư ký\OneDrive\Tài liệu\Thi đua 2026-2027"
    try:
        _school(windows_installed, campaign)

        ran = run(windows_installed, ["thidua-xlsx", "merge", where + r"\inbox", "--force"], cwd=tmp_path)

        assert ran.code == 0, ran.out
        assert f"Chiến dịch: {where}\\campaign.xlsx" in ran.out, ran.out
        assert f"Đã ghi bảng tổng hợp: {where}\\{SUMMARY}" in ran.out
        assert f"Đã ghi hồ sơ vào {where}\\ho-so: 15 văn bản Word, 0 bản PDF." in ran.out
        assert (campaign / SUMMARY).is_file() and (campaign / "ho-so" / "01_To-trinh.docx").is_file()
    finally:
        shutil.rmtree(users / "Thư ký", ignore_errors=True)


@pytest.mark.long(10)
@pytest.mark.xfail(strict=True, reason="Wine 8 refuses a folder past 260 characters with ERROR_MORE_DATA ('More data "
                   "available'), which Windows never gives: with long paths on it reads it, without them it says 3 or "
                   "206, which the program says as 'đường dẫn quá dài' (tests/system/test_out_of_reach.py)")
def test_a_campaign_past_windows_260_characters_is_merged(windows_installed, tmp_path):
    deep = tmp_path
    while len(windows_path(deep / "inbox" / HELD)) <= 300:
        deep = deep / "Thi đua khen thưởng của trường năm học 2026-2027"
    school = _school(windows_installed, deep / "truong")

    # Typed whole (Wine cannot start a program in a working folder past 260 characters, nor can Windows' cmd)
    ran = run(windows_installed, ["thidua-xlsx", "merge", windows_path(school / "inbox"), "--force"], cwd=tmp_path)

    assert len(windows_path(school / SUMMARY)) > 260
    if ran.code == 0:  # long paths on (LongPathsEnabled; python.org's python.exe says it can)
        assert f"Đã ghi bảng tổng hợp: {windows_path(school / SUMMARY)}" in ran.out, ran.out
        assert "Tệp: 6 (dùng 4, bản cũ 1, bị từ chối 0, bỏ qua 1)." in ran.out
    else:  # long paths off, Windows' default: said as such, nothing written
        assert "đường dẫn quá dài so với giới hạn của hệ thống" in ran.out, ran.out
        assert not (school / SUMMARY).exists()


@pytest.mark.long(25)
def test_a_campaign_or_its_papers_made_read_only_are_said_in_vietnamese_before_anything_is_written(windows_installed,
                                                                                                   tmp_path):
    """Files made read-only as a folder's Properties, "Read-only", makes them (``attrib +r /s``, which Wine keeps as the
    files' write permission, asked as Windows' read-only attribute): the whole campaign, whose summary a merge writes
    again, then only the papers' folder, whose papers it writes again — each said before anything is written, with
    what to do, every file as it was. (A folder that refuses new files, an ACL or a share, Wine cannot make for a
    root user.)"""
    school = _school(windows_installed, tmp_path / "truong")
    first = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)
    assert first.code == 0, first.out

    def read_only(*where: str) -> dict[str, bytes]:
        for sign, folder in (("-r", school), ("+r", school.joinpath(*where))):
            made = run(windows_installed, ["attrib", sign, windows_path(folder / "*"), "/s"], cwd=school)
            assert made.code == 0, made.out
        return {k: v for k, v in _digests(school).items() if k != RUNS_RECORD}

    before = read_only()
    again = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)

    assert again.code == 1, again.out
    assert (f"Không ghi được '{windows_path(school / SUMMARY)}': không có quyền (thư mục {windows_path(school)} hoặc "
            f"tệp {SUMMARY} không cho ghi)") in again.out, again.out
    assert "Tệp:" not in again.out  # said before the books are read
    assert {k: v for k, v in _digests(school).items() if k != RUNS_RECORD} == before  # nothing written

    before = read_only("ho-so")
    ran = run(windows_installed, ["thidua-xlsx", "merge", "inbox", "--force"], cwd=school)

    assert ran.code == 1, ran.out
    papers = windows_path(school / "ho-so")
    assert (f"Không ghi được hồ sơ vào thư mục {papers}: tệp ho-so\\01_To-trinh.docx chỉ cho đọc (Read-only), không "
            "thay được. Hãy đóng các văn bản của thư mục này đang mở trong Word hay trình đọc PDF; nếu thư mục được "
            "đặt chỉ đọc, bấm chuột phải vào thư mục ho-so, chọn Properties (Thuộc tính), bỏ dấu ô Read-only (Chỉ "
            "đọc), bấm OK; rồi chạy lại. Bảng tổng hợp và hồ sơ chưa được ghi lại: vẫn là bản trước.") \
        in ran.out.splitlines(), ran.out
    assert "Không mở được" not in ran.out
    assert {k: v for k, v in _digests(school).items() if k != RUNS_RECORD} == before
