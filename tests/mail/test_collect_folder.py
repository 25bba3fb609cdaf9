"""``collect FOLDER_OF_SAVED_MESSAGES [CAMPAIGN]``: saved ``.eml`` files read only, their books filed by their codes; an
Outlook-style RFC 2047 file name decoded; a ``.msg``, a message of 100 MB, a broken multipart each said; the commune's
school summaries filed into its inbox, a school's summary from another address than the school's flagged."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from tests.mail.builders import ADDRESSES, fresh_campaign, held, returned_books, returned_mail, with_line
from thidua_xlsx.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEAD_T1 = ADDRESSES["T1"]
VIETNAMESE = "Tổ khối 1.xlsx"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _outlook_named(data: bytes, book: bytes) -> bytes:
    """A message whose attachment's name is an RFC 2047 word inside the quotes, as Outlook writes it."""
    message = returned_mail(HEAD_T1, [("x.xlsx", book)], message_id="<outlook@truong>")
    word = "=?utf-8?B?" + base64.b64encode(VIETNAMESE.encode()).decode() + "?="
    return message.replace(b'filename="x.xlsx"', f'filename="{word}"'.encode())


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return returned_books(tmp_path_factory.mktemp("books"))


@pytest.fixture(scope="module")
def saved(books, tmp_path_factory):
    """A folder of saved messages: the Outlook-named book, a .msg, a message of 100 MB, a multipart cut short
    (T2's book in it), a text file; collected twice."""
    root = tmp_path_factory.mktemp("saved")
    source = root / "thu-da-luu"
    source.mkdir()
    (source / "1 To khoi 1.eml").write_bytes(_outlook_named(b"", books.t1))
    (source / "2 Outlook.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    with (source / "3 video.eml").open("wb") as big:  # 100 MB: judged by its size, never read
        big.write(returned_mail(HEAD_T1, [("video.mp4", b"")], message_id="<video@truong>"))
        big.write(b"A" * (100 * 1024 * 1024))
    cut = returned_mail("anh.pham@gmail.com", [("To-van-phong.xlsx", books.t2)], message_id="<cut@truong>")
    (source / "4 cut.eml").write_bytes(cut[:cut.rindex(b"\r\n--")])  # the closing boundary lost
    (source / "5 lon.eml").write_bytes(returned_mail(HEAD_T1, [("ban-scan.pdf", b"%PDF" * (6 * 1024 * 1024))],
                                                     message_id="<lon@truong>"))  # 24 MB: past a book's bound
    (source / "ghi-chu.txt").write_text("not a message", encoding="utf-8")
    before = _digest(source)
    campaign = fresh_campaign(books, root / "campaign")
    first = run("collect", source, campaign)
    second = run("collect", source, campaign)
    return {"source": source, "campaign": campaign, "first": first, "second": second, "before": before}


def test_books_are_filed_from_saved_messages_and_the_folder_is_only_read(saved, books):
    assert saved["first"].exit_code == 0, saved["first"].output
    campaign = saved["campaign"]
    assert (campaign / "inbox" / VIETNAMESE).read_bytes() == books.t1  # the RFC 2047 name decoded
    assert (campaign / "inbox" / "To-van-phong.xlsx").read_bytes() == books.t2
    assert _digest(saved["source"]) == saved["before"]
    assert "Thư 1 To khoi 1.eml (từ lan.nguyen@truong-thu.edu.vn, 12/05/2026 09:30):" in saved["first"].output


def test_a_msg_a_huge_message_and_a_broken_multipart_are_each_said(saved):
    out = saved["first"].output
    assert "Tệp '2 Outlook.msg' là thư lưu từ Outlook (.msg): chưa đọc được dạng này" in out
    assert "[3 video.eml] Thư lớn hơn 50 MB: không tải về" in out
    assert "[4 cut.eml] Một phần của thư bị hỏng, không đọc được (CloseBoundaryNotFoundDefect)" in out
    assert "[5 lon.eml] Tệp đính kèm 'ban-scan.pdf' lớn hơn 20 MB: không mở" in out
    assert "Đã xem 4 thư (0 đã lấy từ trước), 3 tệp đính kèm: 2 sổ đã xếp" in out


def test_saved_messages_collected_again_file_nothing_twice(saved):
    assert saved["second"].exit_code == 0
    assert "Đã xem 4 thư (2 đã lấy từ trước)" in saved["second"].output
    assert sorted(p.name for p in (saved["campaign"] / "inbox").iterdir()) == sorted([VIETNAMESE, "To-van-phong.xlsx"])


def test_a_source_that_is_neither_folder_nor_mailbox_and_a_folder_that_is_no_campaign(tmp_path):
    missing = run("collect", tmp_path / "khong-co", tmp_path)
    assert missing.exit_code == 2 and "không phải thư đã lưu (.eml) hay thư mục thư đã lưu" in missing.output
    (tmp_path / "thu").mkdir()
    nowhere = run("collect", tmp_path / "thu", tmp_path)
    assert nowhere.exit_code == 1 and "không phải thư mục chiến dịch" in nowhere.output
    since = run("collect", tmp_path / "thu", tmp_path, "--since", "01/05/2026")
    assert since.exit_code == 2 and "--since chỉ dùng với hộp thư IMAP" in since.output


def _commune(root: Path, email: str) -> Path:
    """The sample commune (no inbox yet) with Trực Cường's address in the Email column of Các trường (added when the
    book was written before the column existed)."""
    folder = root / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("inbox"))
    book = openpyxl.load_workbook(folder / "cap-tren.xlsx")
    sheet = book["Các trường"]
    headers = [sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)]
    column = headers.index("Email") + 1 if "Email" in headers else sheet.max_column + 1  # samples rebuilt have it
    sheet.cell(1, column, "Email")
    for row in range(2, sheet.max_row + 1):
        if "Trực Cường" in str(sheet.cell(row, 2).value):
            sheet.cell(row, column, email)
    book.save(folder / "cap-tren.xlsx")
    return folder


def test_the_commune_files_a_schools_summary_and_flags_another_sender(tmp_path):
    summary = (SAMPLES / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx").read_bytes()
    folder = _commune(tmp_path, "thtruccuong@nd.edu.vn")
    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(returned_mail("ke.toan@gmail.com", [("Truc Cuong.xlsx", summary)],
                                                 message_id="<a@xa>"))
    result = run("collect", source, folder)
    assert result.exit_code == 0, result.output
    assert (folder / "inbox" / "Truc Cuong.xlsx").read_bytes() == summary
    assert "của Trường Tiểu học Trực Cường được gửi từ ke.toan@gmail.com, không phải địa chỉ ghi trong chiến " \
           "dịch (thtruccuong@nd.edu.vn)" in result.output
    from thidua_xlsx.text import summary as sx

    merged = run("merge", folder / "inbox", "-o", tmp_path / "tong-hop-xa.xlsx")  # the commune's sources say it too
    assert merged.exit_code == 0, merged.output
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(tmp_path / "tong-hop-xa.xlsx")[sx.S_SOURCES]
            .iter_rows()]
    head = next(r for r in rows if r[0] == sx.SOURCES_HEAD[0])
    assert {r[0]: r[head.index(sx.SOURCES_RECEIVED)] for r in rows[rows.index(head) + 1:] if r[0]} == \
        {"Truc Cuong.xlsx": "ke.toan@gmail.com, 12/05/2026 09:30"}


def test_a_commune_book_without_the_email_column_still_loads(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("inbox"))
    book = openpyxl.load_workbook(folder / "cap-tren.xlsx")  # as written before the column existed
    sheet = book["Các trường"]
    for column in range(sheet.max_column, 0, -1):
        if sheet.cell(1, column).value == "Email":
            sheet.delete_cols(column)
    book.save(folder / "cap-tren.xlsx")
    source = tmp_path / "thu"
    source.mkdir()
    summary = (SAMPLES / "cap-xa" / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx").read_bytes()
    (source / "a.eml").write_bytes(returned_mail("ke.toan@gmail.com", [("Truc Cuong.xlsx", summary)]))
    result = run("collect", source, folder)
    assert result.exit_code == 0, result.output
    assert "được gửi từ" not in result.output  # no address in the campaign: nothing to compare
    assert (folder / "inbox" / "Truc Cuong.xlsx").read_bytes() == summary


def test_a_saved_message_the_machine_will_not_read_is_said_and_the_others_collected(books, tmp_path, monkeypatch):
    from thidua_xlsx.commands.collect import open_intake
    from thidua_xlsx.mail.collect import collect_folder, collected_lines

    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(returned_mail(HEAD_T1, [(VIETNAMESE, books.t1)]))
    (source / "b.eml").write_bytes(b"locked")
    reading = Path.read_bytes

    def refusing(path: Path) -> bytes:
        if path.name == "b.eml":
            raise PermissionError(13, "Permission denied", str(path))
        return reading(path)

    monkeypatch.setattr(Path, "read_bytes", refusing)  # the machine's refusal (a file another program holds)
    done = collect_folder(source, open_intake(fresh_campaign(books, tmp_path / "campaign")))
    said, warned = collected_lines(done)
    assert "[b.eml] Tệp thư không đọc được (Permission denied)" in "\n".join(warned)
    assert done.count("filed") == 1


def test_the_summary_shows_who_sent_each_book_that_came_by_mail(saved, tmp_path):
    from thidua_xlsx.model.places import RECEIVED_FOLDER
    from thidua_xlsx.system import received
    from thidua_xlsx.text import summary as sx

    assert received.RECEIVED_FOLDER == RECEIVED_FOLDER  # the intake writes where the summary looks
    campaign = saved["campaign"]
    merged = run("merge", campaign / "inbox", "-o", tmp_path / "tong-hop.xlsx")
    assert merged.exit_code == 0, merged.output
    sheet = openpyxl.load_workbook(tmp_path / "tong-hop.xlsx")[sx.S_SOURCES]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = next(r for r in rows if r[0] == sx.SOURCES_HEAD[0])
    column = head.index(sx.SOURCES_RECEIVED)
    by_name = {r[0]: r[column] for r in rows[rows.index(head) + 1:] if r[0]}
    assert by_name[VIETNAMESE] == "lan.nguyen@truong-thu.edu.vn, 12/05/2026 09:30"
    assert by_name["To-van-phong.xlsx"] == "anh.pham@gmail.com, 12/05/2026 09:30"


def test_a_book_attached_without_a_name_is_told_by_its_type_and_filed(books, tmp_path):
    from email import policy
    from email.message import EmailMessage

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = HEAD_T1
    message["Message-ID"] = "<unnamed@truong>"
    message.set_content("sổ đây ạ")
    message.add_attachment(books.t1, maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", disposition="attachment")
    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(message.as_bytes())
    campaign = fresh_campaign(books, tmp_path / "campaign")
    result = run("collect", source, campaign)
    assert result.exit_code == 0, result.output
    assert (campaign / "inbox" / "tep-dinh-kem.xlsx").read_bytes() == books.t1


def test_one_saved_message_given_alone(books, tmp_path):
    message = tmp_path / "Tổ khối 1 gửi lại.eml"
    message.write_bytes(returned_mail(HEAD_T1, [(VIETNAMESE, books.t1)]))
    campaign = fresh_campaign(books, tmp_path / "campaign")
    result = run("collect", message, campaign)
    assert result.exit_code == 0, result.output
    assert "Thư Tổ khối 1 gửi lại.eml (từ lan.nguyen@truong-thu.edu.vn" in result.output
    assert (campaign / "inbox" / VIETNAMESE).read_bytes() == books.t1


def test_a_book_attached_twice_to_one_message_under_two_names_is_said_of_both(books, tmp_path):
    """Every attachment has its outcome: the second copy, byte for byte, is said to be already there (as the page
    and a ZIP say it), counted — never skipped as if an earlier run had settled it."""
    message = tmp_path / "hai-ban.eml"
    message.write_bytes(returned_mail(HEAD_T1, [("To khoi 1.xlsx", books.t1), ("To khoi 1 - ban sua.xlsx", books.t1)]))
    campaign = fresh_campaign(books, tmp_path / "campaign")

    result = run("collect", message, campaign)

    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "2 tệp đính kèm: 1 sổ đã xếp vào thư mục nhận sổ, 1 đã có sẵn" in said
    assert "To khoi 1 - ban sua.xlsx" in said
    assert [p.name for p in (campaign / "inbox").rglob("*.xlsx")] == ["To khoi 1.xlsx"]
    again = " ".join(run("collect", message, campaign).output.split())
    assert "0 tệp đính kèm" in again  # both settled: the next run looks at neither


def test_a_collect_while_a_merge_holds_the_campaign_waits_for_nothing_and_files_nothing(books, tmp_path):
    message = tmp_path / "a.eml"
    message.write_bytes(returned_mail(HEAD_T1, [(VIETNAMESE, books.t1)]))
    campaign = fresh_campaign(books, tmp_path / "campaign")
    with held(campaign):
        blocked = run("collect", message, campaign)
    assert blocked.exit_code == 1
    assert "merge" in blocked.output and "Lỗi nội bộ" not in blocked.output
    assert not (campaign / "inbox" / VIETNAMESE).exists()
    assert run("collect", message, campaign).exit_code == 0  # once the merge is done
    assert (campaign / "inbox" / VIETNAMESE).read_bytes() == books.t1


def test_another_campaigns_book_is_refused_with_its_reason_and_nothing_filed(books, tmp_path):
    other = (SAMPLES / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx").read_bytes()  # the sample school's book
    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(returned_mail(HEAD_T1, [("To khoi 1.xlsx", other)]))
    campaign = fresh_campaign(books, tmp_path / "campaign")
    result = run("collect", source, campaign)
    assert result.exit_code == 0, result.output
    assert "không xếp: To khoi 1.xlsx – Sổ thuộc chiến dịch khác" in result.output
    assert "1 bị từ chối" in result.output
    assert not list((campaign / "inbox").iterdir())


def test_a_message_without_a_message_id_is_known_by_its_bytes(books, tmp_path):
    from email import message_from_bytes, policy

    message = message_from_bytes(returned_mail(HEAD_T1, [(VIETNAMESE, books.t1)]), policy=policy.SMTP)
    del message["Message-ID"]
    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(message.as_bytes())
    campaign = fresh_campaign(books, tmp_path / "campaign")
    assert run("collect", source, campaign).exit_code == 0
    again = run("collect", source, campaign)
    assert again.exit_code == 0 and "Đã xem 1 thư (1 đã lấy từ trước), 0 tệp đính kèm" in again.output
    assert [p.name for p in (campaign / "inbox").iterdir()] == [VIETNAMESE]


def test_a_message_filed_from_before_its_attachments_were_recorded_is_looked_at_once_more(books, tmp_path,
                                                                                          monkeypatch):
    """A campaign collected by an earlier version (only the filed files' records in so-da-nhan/, none of what was
    settled of each message): the message whose second book failed is looked at again, its first book not filed
    again, its second filed."""
    import errno

    from thidua_xlsx.model.places import MESSAGES_FOLDER, RECEIVED_FOLDER
    from thidua_xlsx.system import files

    source = tmp_path / "thu"
    source.mkdir()
    (source / "a.eml").write_bytes(returned_mail(HEAD_T1, [(VIETNAMESE, books.t1), ("To-van-phong.xlsx", books.t2)],
                                                 message_id="<cu@truong>"))
    campaign = fresh_campaign(books, tmp_path / "campaign")
    placing = files.place_new

    def full(source_path, target, *args):
        if Path(target).name == "To-van-phong.xlsx":
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return placing(source_path, target, *args)

    with monkeypatch.context() as patch:
        patch.setattr(files, "place_new", full)
        assert run("collect", source, campaign).exit_code == 1
    shutil.rmtree(campaign / RECEIVED_FOLDER / MESSAGES_FOLDER)  # as an earlier version left it
    again = run("collect", source, campaign)
    assert again.exit_code == 0, again.output
    assert "đã xếp: To-van-phong.xlsx → inbox/To-van-phong.xlsx" in again.output and VIETNAMESE not in again.output
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == sorted([VIETNAMESE, "To-van-phong.xlsx"])


@pytest.mark.parametrize("name, line", [
    (b"From", b"<"),
    (b"From", b'"'),
    (b"From", b"a@[1.2.3.4"),
    (b"Date", b"Tue, 12 May 99999999999999999999 09:30:00 +0700"),
    (b"Date", b"Tue, 12 May 2026 09:30:00 -99999999999999999999"),
    (b"Message-ID", b"<>"),
    (b"Message-ID", b"<a@[b>"),
])
def test_a_crafted_header_line_is_read_as_it_came_and_every_book_is_filed(books, tmp_path, name, line):
    """A header line the mail parser cannot read (it reads one when first asked, and raises) stopped the whole run
    with "Lỗi nội bộ", at every run after it too: now the line is taken as it came, the message's book filed, the
    others' too."""
    source = tmp_path / "thu"
    source.mkdir()
    (source / "1.eml").write_bytes(with_line(returned_mail(HEAD_T1, [("To khoi 1.xlsx", books.t1)],
                                                            message_id="<1@x>"), name, line))
    (source / "2.eml").write_bytes(returned_mail("anh.pham@gmail.com", [("VP.xlsx", books.t2)], message_id="<2@x>"))
    campaign = fresh_campaign(books, tmp_path / "truong")

    for _run in range(2):
        done = run("collect", source, campaign)
        assert done.exit_code == 0 and "Lỗi nội bộ" not in done.output, done.output
    assert (campaign / "inbox" / "To khoi 1.xlsx").read_bytes() == books.t1
    assert (campaign / "inbox" / "VP.xlsx").read_bytes() == books.t2


def test_a_name_that_shows_other_than_it_is_or_too_long_for_the_disk_is_filed_under_a_name_said(books, tmp_path):
    """Control characters and the marks that turn a line ("ab\u202excod.xlsx" shows as "abdocx.xlsx") leave a name;
    a name of 115 Vietnamese letters (350 bytes: past the 255 of Linux and macOS) is cut, not retried for ever."""
    source = tmp_path / "thu"
    source.mkdir()
    long = "ệ" * 115 + ".xlsx"
    (source / "1.eml").write_bytes(returned_mail(HEAD_T1, [("ab\u202excod\x9b.xlsx", books.t1)], message_id="<1@x>"))
    more = [(f"\x1b]0;pwned\x07 {n}.pdf", b"%PDF") for n in range(21)]  # past the 20 looked at: named, as printable
    (source / "3.eml").write_bytes(returned_mail(HEAD_T1, more, message_id="<3@x>"))
    (source / "2.eml").write_bytes(returned_mail(HEAD_T1, [(long, books.t2)], message_id="<2@x>"))
    campaign = fresh_campaign(books, tmp_path / "truong")

    done = run("collect", source, campaign)

    assert done.exit_code == 0, done.output
    filed = {p.name: p.read_bytes() for p in (campaign / "inbox").iterdir() if p.is_file()}
    assert filed["ab_xcod_.xlsx"] == books.t1
    [cut] = [n for n in filed if n.startswith("ệ")]
    assert filed[cut] == books.t2 and len(cut.encode()) <= 200 and cut.endswith(".xlsx")
    assert not [ch for ch in done.output if ch in "\x1b\x9b\u202e"]


def test_a_book_past_the_attachments_looked_at_is_never_said_to_be_no_book_at_a_later_run(books, tmp_path):
    """Twenty photos and the department's book as the 21st: the book is not looked at (said), and a later run, which
    skips the message, says again that attachments of it were never looked at — not that it had no book."""
    source = tmp_path / "thu"
    source.mkdir()
    photos = [(f"anh-{k}.jpg", b"\xff\xd8" + bytes([k])) for k in range(20)]
    (source / "1.eml").write_bytes(returned_mail(HEAD_T1, [*photos, ("To khoi 1.xlsx", books.t1)], message_id="<a@x>"))
    campaign = fresh_campaign(books, tmp_path / "truong")

    first = run("collect", source, campaign)
    second = run("collect", source, campaign)

    assert "Thư có 21 tệp đính kèm, quá 20 tệp: chỉ xem 20 tệp đầu, không xem To khoi 1.xlsx" in first.output
    assert second.exit_code == 0 and not (campaign / "inbox" / "To khoi 1.xlsx").exists(), second.output
    assert "không có sổ nào" not in second.output
    assert "1 thư đã xem từ trước có quá 20 tệp đính kèm: các tệp sau tệp thứ 20 chưa được xem, sổ trong đó (nếu có) " \
           "chưa được xếp. Hãy nhờ người gửi gửi lại các tệp đó trong thư khác." in second.output


def test_another_message_under_a_message_id_already_collected_is_collected_too(books, tmp_path):
    """A message is known by its Message-ID: one that carries the ID of a message already collected (a mail program
    that reuses IDs, or someone who sent one first) is another message all the same — its book filed, not counted as
    taken before."""
    source = tmp_path / "thu"
    source.mkdir()
    campaign = fresh_campaign(books, tmp_path / "truong")
    (source / "1.eml").write_bytes(returned_mail(HEAD_T1, [("To khoi 1.xlsx", books.t1)], message_id="<cung@x>"))
    assert run("collect", source, campaign).exit_code == 0
    (source / "2.eml").write_bytes(returned_mail("anh.pham@gmail.com", [("VP.xlsx", books.t2)],
                                                 message_id="<cung@x>"))

    second = run("collect", source, campaign)
    third = run("collect", source, campaign)

    assert second.exit_code == 0 and (campaign / "inbox" / "VP.xlsx").read_bytes() == books.t2, second.output
    assert "(1 đã lấy từ trước)" in second.output, second.output
    assert third.exit_code == 0 and "(2 đã lấy từ trước)" in third.output, third.output
    assert sorted(p.name for p in (campaign / "inbox").iterdir() if p.is_file()) == ["To khoi 1.xlsx", "VP.xlsx"]
