"""Files brought into a campaign from outside (the local page's drop zone, an e-mail's attachments): each filed
into the inbox its own codes name whatever it is called, nothing overwritten, nothing filed twice, everything else
refused or left alone with its reason — and what was filed is what the merge then reads."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.corpus import zipped
from thidua_xlsx.model import layout as ly
from thidua_xlsx.read.containment import returned_book, scan_inbox
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.steps.intake import (
    FILED,
    NOT_OURS,
    RECEIVED_FOLDER,
    REFUSED,
    SAME,
    IntakeError,
    Received,
    display_name,
    open_school_intake,
)
from thidua_xlsx.system.files import place_new

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OUTBOX = SAMPLES / "outbox"


def _school(tmp_path: Path) -> Path:
    """The sample school's campaign folder, its inboxes empty: nothing has come back yet."""
    folder = tmp_path / "truong"
    # a run's locks and staged files: a test merging samples/ in place in the other worker may remove them mid-copy
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("inbox*", "ca-nam", "cap-xa", "ho-so", "huong-dan*",
                                                                   "*.lock", "*.tmp"))
    return folder


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_book_goes_into_its_rounds_inbox_by_the_codes_inside_it_whatever_its_name(tmp_path):
    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    registration = (OUTBOX / "dang-ky" / "2025-2026_dang-ky_To-khoi-1.xlsx").read_bytes()
    scoring = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()

    [first] = intake.file("So cham diem.xlsx", registration, Received("to1@truong.edu.vn", "2026-11-20T08:00:00",
                                                                      "<a@mail>", "thu"))
    [second] = intake.file("dang-ky.xlsx", scoring)  # named for the other round: the codes decide

    assert (first.outcome, first.path, first.round, first.unit) == (FILED, "inbox-dang-ky/So cham diem.xlsx",
                                                                    ly.REGISTRATION, "TO-K1")
    assert (second.outcome, second.path, second.round) == (FILED, "inbox/dang-ky.xlsx", ly.SCORING)
    assert (folder / first.path).read_bytes() == registration and (folder / second.path).read_bytes() == scoring
    records = {r["path"]: r for r in intake.received()}
    assert records[first.path]["sender"] == "to1@truong.edu.vn" and records[first.path]["message_id"] == "<a@mail>"
    assert not (folder / ".thidua-nhan").exists()  # the staging folder goes once empty


def test_the_same_bytes_twice_are_filed_once_and_another_version_never_overwrites(tmp_path):
    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    book = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-4-5.xlsx").read_bytes()
    edited = (SAMPLES / "inbox" / "2025-2026_cham-diem_To-khoi-4-5.xlsx").read_bytes()  # the same book, filled in

    [filed] = intake.file("To 4-5.xlsx", book)
    [again] = intake.file("ban khac ten.xlsx", book)
    [newer] = intake.file("To 4-5.xlsx", edited)

    assert (again.outcome, again.path) == (SAME, filed.path)
    assert (newer.outcome, newer.path) == (FILED, "inbox/To 4-5 (2).xlsx")
    assert (folder / "inbox" / "To 4-5.xlsx").read_bytes() == book  # the first version untouched
    assert sorted(p.name for p in (folder / "inbox").iterdir()) == ["To 4-5 (2).xlsx", "To 4-5.xlsx"]


def test_a_book_of_another_campaign_a_file_not_ours_and_a_broken_one_are_refused_and_nothing_is_written(tmp_path):
    folder = _school(tmp_path)
    before = _contents(folder)
    intake = open_school_intake(folder)
    other = (SAMPLES / "ca-nam" / "inbox-dang-ky" / "2026-2027_dang-ky_To-Ngu-van.xlsx").read_bytes()

    [last_year] = intake.file("To Ngu van.xlsx", other)
    [letter] = intake.file("Thư mời họp.docx", b"PK\x03\x04 a letter")
    [broken] = intake.file("To 1.xlsx", b"PK\x03\x04 truncated")
    [lock] = intake.file("~$To 1.xlsx", b"owner file")

    assert last_year.outcome == REFUSED and last_year.problem.code == "file.other_campaign"
    assert "To Ngu van.xlsx" in last_year.problem.render() and "năm học 2026-2027" in last_year.problem.render()
    assert (letter.outcome, letter.problem.code) == (NOT_OURS, "intake.not_workbook")
    assert broken.outcome == REFUSED and broken.problem.severity == "error"
    assert (lock.outcome, lock.problem.code) == (NOT_OURS, "intake.lock_file")
    assert _contents(folder) == before  # no inbox made, no record, no staging left


def test_on_a_rounds_page_a_book_of_another_round_is_filed_into_its_own_naming_both(tmp_path):
    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    registration = (OUTBOX / "dang-ky" / "2025-2026_dang-ky_To-Van-phong.xlsx").read_bytes()

    [elsewhere] = intake.file("To VP.xlsx", registration, expected=(ly.SCORING, ""))

    assert (elsewhere.outcome, elsewhere.path, elsewhere.round) == (FILED, "inbox-dang-ky/To VP.xlsx", ly.REGISTRATION)
    text = elsewhere.problem.render()
    assert "sổ Đăng ký thi đua của Tổ Văn phòng, không phải sổ Chấm điểm thi đua: đã xếp vào thư mục nhận của " \
           "Đăng ký thi đua" in text, text
    assert (folder / "inbox-dang-ky" / "To VP.xlsx").read_bytes() == registration
    assert not (folder / "inbox").exists() or not any((folder / "inbox").iterdir())


def test_a_periods_book_goes_into_that_periods_inbox(tmp_path):
    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", folder, ignore=shutil.ignore_patterns("inbox*"))
    book = sorted((SAMPLES / "ca-nam" / "inbox" / "thang-10").glob("*.xlsx"))[0]

    [filed] = open_school_intake(folder).file("tep dinh kem.xlsx", book.read_bytes())
    [again] = open_school_intake(folder).file("tep.xlsx", book.read_bytes(), expected=(ly.SCORING, "thang-9"))

    assert (filed.outcome, filed.path, filed.period) == (FILED, "inbox/thang-10/tep dinh kem.xlsx", "thang-10")
    # dropped on September's page: still October's, the copy already there said, not filed twice
    assert (again.outcome, again.path) == (SAME, "inbox/thang-10/tep dinh kem.xlsx")
    assert "Tháng 10/2026" in again.problem.render() and "Tháng 9/2026" in again.problem.render()
    assert not (folder / "inbox" / "thang-9").exists()


def test_a_zip_is_opened_each_book_filed_the_rest_left_alone_and_no_name_inside_is_a_path(tmp_path):
    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    one = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()
    two = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-2-3.xlsx").read_bytes()
    archive = zipped({"../../../evil/To 1.xlsx": one, "/abs/To 2-3.xlsx": two, "ghi chu.txt": b"hello",
                    "__MACOSX/._To 1.xlsx": b"junk"})

    found = intake.file("so cac to.zip", archive)

    assert sorted((f.outcome, f.path or f.name) for f in found) == [
        (FILED, "inbox/To 1.xlsx"), (FILED, "inbox/To 2-3.xlsx"), (NOT_OURS, "so cac to.zip/ghi chu.txt")]
    assert not (tmp_path / "evil").exists() and not any(folder.parent.glob("evil"))


def test_a_broken_a_bomb_shaped_and_an_empty_zip_are_refused_with_their_reason(tmp_path):
    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    many = zipped({f"{n}.xlsx": b"x" for n in range(201)})
    bomb = zipped({"To 1.xlsx": b"\0" * (30 * 1024 * 1024)})  # a few dozen KB that unpack to 30 MB

    assert [f.problem.code for f in intake.file("hong.zip", b"PK\x03\x04 not a zip")] == ["intake.archive_broken"]
    assert [f.problem.code for f in intake.file("nhieu.zip", many)] == ["intake.archive_too_big"]
    assert [f.problem.code for f in intake.file("bom.zip", bomb)] == ["file.too_big"]
    assert [f.outcome for f in intake.file("rong.zip", zipped({}))] == [NOT_OURS]
    assert not (folder / "inbox").exists()


def test_a_zip_broken_past_its_first_book_files_none_of_it_and_says_so(tmp_path):
    """Every book of a ZIP is read whole before any is filed: one broken further on (a byte changed in transit)
    refuses the ZIP alone, never files the books before it while saying the ZIP refused."""
    folder = _school(tmp_path)
    one = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()
    two = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-2-3.xlsx").read_bytes()
    archive = bytearray(zipped({"a/To 1.xlsx": one, "b/To 2-3.xlsx": two}, method=zipfile.ZIP_STORED))
    archive[archive.index(two) + len(two) // 2] ^= 0xFF  # the second book's bytes, its checksum now wrong

    found = open_school_intake(folder).file("gui.zip", bytes(archive))

    assert [(f.outcome, f.problem.code) for f in found] == [(REFUSED, "intake.archive_broken")]
    assert not list(folder.glob("inbox*/*")) and not (folder / RECEIVED_FOLDER).exists()


def test_a_book_under_a_lock_files_name_in_any_case_is_not_filed_as_the_merge_would_never_read_it(tmp_path):
    folder = _school(tmp_path)
    book = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()

    filed, = open_school_intake(folder).file(".~LOCK.To-khoi-1.xlsx", book)

    assert (filed.outcome, filed.problem.code) == (NOT_OURS, "intake.lock_file") and not list(folder.glob("inbox*/*"))


@pytest.mark.parametrize("received, shown", [
    ("../../etc/To 1.xlsx", "To 1.xlsx"),
    ("C:\\Users\\thu ky\\Desktop\\To 1.xlsx", "To 1.xlsx"),
    ("con.xlsx", "_con.xlsx"),
    ("To: 1?.xlsx. ", "To_ 1_.xlsx"),
    ("To\u0300an.xlsx", "Tòan.xlsx"),  # combining marks composed (NFC), as Windows shows them
    ("..xlsx", "tep.xlsx"), ("....xlsx", "tep.xlsx"),  # only dots before the suffix: a hidden file, and no name
])
def test_a_received_name_is_never_a_path_and_always_a_name_windows_accepts(received, shown):
    assert display_name(received) == shown


def test_a_book_sent_again_under_a_name_of_dots_is_filed_where_the_merge_reads_it(tmp_path):
    """Two versions both named "..xlsx": each filed under a name the merge reads as a book — the second's "(2)"
    before the suffix, never "..xlsx (2)", which no reader takes for a workbook."""
    folder = _school(tmp_path)
    book = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()
    intake = open_school_intake(folder)

    first, = intake.file("..xlsx", book)
    second, = intake.file("..xlsx", _commented(book))  # the same book saved again: other bytes, the same cells

    assert (first.outcome, Path(first.path).name) == (FILED, "tep.xlsx")
    assert (second.outcome, Path(second.path).name) == (FILED, "tep (2).xlsx")
    filed = scan_inbox(folder / Path(first.path).parent)
    assert sorted(item.path.name for item in filed if returned_book(item)) == ["tep (2).xlsx", "tep.xlsx"]


def _commented(book: bytes) -> bytes:
    """``book`` with a comment in its ZIP directory: other bytes, nothing else changed."""
    with zipfile.ZipFile(io.BytesIO(book)) as source:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in source.infolist():
                copy.writestr(info, source.read(info))
            copy.comment = b"saved again"
    return out.getvalue()


def test_a_folder_that_is_no_campaign_is_said(tmp_path):
    with pytest.raises(IntakeError) as refused:
        open_school_intake(tmp_path)
    assert [p.code for p in refused.value.problems] == ["intake.no_campaign"]
    assert "không phải thư mục chiến dịch" in str(refused.value)


def test_an_inbox_that_cannot_be_written_loses_nothing_and_says_what_to_do(tmp_path):
    folder = _school(tmp_path)
    (folder / "inbox").write_text("a file where the inbox should be", encoding="utf-8")

    [filed] = open_school_intake(folder).file("To 1.xlsx", (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx")
                                       .read_bytes())

    assert filed.outcome == REFUSED and filed.problem.code == "intake.cannot_write"
    assert "Tệp chưa được lưu" in filed.problem.render()
    assert not (folder / RECEIVED_FOLDER).exists() and not (folder / ".thidua-nhan").exists()


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_placing_a_file_never_replaces_one_on_either_system(tmp_path, platform):
    source, target = tmp_path / "moi.xlsx", tmp_path / "co-san.xlsx"
    source.write_bytes(b"new")
    target.write_bytes(b"someone's")

    with pytest.raises(FileExistsError):
        place_new(source, target, platform)
    place_new(source, tmp_path / "tu-do.xlsx", platform)

    assert target.read_bytes() == b"someone's" and (tmp_path / "tu-do.xlsx").read_bytes() == b"new"
    assert not source.exists()


def test_what_was_filed_is_what_the_merge_reads(tmp_path):
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign

    folder = _school(tmp_path)
    intake = open_school_intake(folder)
    for path in sorted((SAMPLES / "inbox").glob("*.xlsx")):
        if not path.name.startswith("~$"):
            intake.file(f"dinh-kem-{path.stem[-6:]}.xlsx", path.read_bytes())

    opened, _ = open_campaign(folder / "campaign.xlsx")
    summary = merge_inbox(folder / "inbox", opened)

    sent = {f.department_name for f in summary.files if f.submission is not None}
    assert sent == {"Tổ Văn phòng", "Tổ khối 1", "Tổ khối 2-3", "Tổ khối 4-5"}
    assert json.loads(json.dumps([r["unit"] for r in intake.received()]))  # every record readable JSON


def test_excel_s_lock_file_is_named_as_such(tmp_path):
    """A drop of a folder holding a book open in Excel brings its ``~$`` lock file: said as Excel's lock file, not as a
    file of the wrong kind, and left alone."""
    folder = _school(tmp_path)
    filed, = open_school_intake(folder).file("~$2025-2026_cham-diem_To-khoi-1.xlsx", b"\x0bhieu.truong" + b"\x00" * 150)
    assert (filed.outcome, filed.problem.code) == (NOT_OURS, "intake.lock_file")
    assert "tệp khóa Excel" in filed.problem.message and not list(folder.glob("inbox*/*"))


class _Stalling(IssuedRegistry):
    """The record of issued books, except that a worker process looking a book up takes a minute."""

    def get(self, submission_id):
        import multiprocessing
        import time

        found = super().get(submission_id)
        if found is not None and multiprocessing.parent_process() is not None:
            time.sleep(60)
        return found


def test_a_book_read_on_the_page_s_thread_keeps_the_merge_s_time_limit(tmp_path, monkeypatch):
    """The page files a dropped book in one of its threads, where no timer can stop the reader: a book that would
    keep the reader busy (here one whose record stalls, in the worker process the read now happens in) was read for
    as long as it took — the page's server busy for good, Ctrl+C and a request to end ignored. It is refused as too
    slow, as the merge refuses it, and the page goes on."""
    import threading

    from thidua_xlsx.read import department as reader
    from thidua_xlsx.service import receive
    from thidua_xlsx.steps import workspace

    monkeypatch.setattr(reader, "SECONDS_PER_FILE", 1)
    monkeypatch.setattr(workspace.CampaignFolder, "registry", property(lambda folder: _Stalling(folder.folder)))
    folder = _school(tmp_path)
    book = (OUTBOX / "cham-diem" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()
    filed: list = []

    page = threading.Thread(target=lambda: filed.extend(receive(folder, [("To khoi 1.xlsx", book)], None, "trang")))
    page.start()
    page.join(30)

    assert not page.is_alive()
    [only] = filed
    assert (only.outcome, only.problem.code if only.problem else None) == (REFUSED, "file.too_slow"), only
    assert not list((folder / "inbox").glob("*.xlsx"))
