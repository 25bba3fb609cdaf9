"""``collect imaps://…`` and ``imap://…`` (STARTTLS) against a real Dovecot on the loopback address (tests/conftest.py,
tests/mail/dovecot.py): the returned books filed by the codes inside them, the mailbox left as it was, nothing filed
twice, a book that failed to file taken again by the next run, the sender flagged, and each fault of the connection —
a wrong port or protocol, a server without STARTTLS, a wrong password — one Vietnamese message with what was collected
kept."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.corpus import zipped
from tests.mail.builders import ADDRESSES, fresh_campaign, returned_books, returned_mail
from tests.mail.dovecot import PASSWORD, USER, VIETNAMESE_PASSWORD, VIETNAMESE_USER, free_port
from thidua_xlsx.cli import main
from thidua_xlsx.commands.collect import open_intake
from thidua_xlsx.mail.collect import MAX_ATTACHMENTS, MAX_MESSAGE_BYTES, collect_imap, parse_mailbox

pytestmark = pytest.mark.imap

HEAD_T1 = ADDRESSES["T1"]
T1_NAME = "Tổ khối 1 – đã chấm.xlsx"  # as the head renamed it: an RFC 2231 name to decode


def run(*args, password: str = PASSWORD):
    """``thidua-xlsx ARGS`` with ``password`` typed at the prompt (a THIDUA_MAT_KHAU of the machine left out)."""
    return CliRunner().invoke(main, [str(a) for a in args], input=f"{password}\n", env={"THIDUA_MAT_KHAU": None})


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return returned_books(tmp_path_factory.mktemp("books"))


def _bad_base64(sender: str) -> bytes:
    """A message whose attachment's base64 is cut in the middle of a quantum (a malformed part)."""
    good = returned_mail(sender, [("hong.xlsx", b"PK\x03\x04" + b"x" * 300)], message_id="<hong@truong>")
    head, _, rest = good.partition(b"Content-Disposition: attachment")
    return head + b"Content-Disposition: attachment" + rest.replace(b"UEsDBHh4", b"UEsDB!!!*", 1)


@pytest.fixture(scope="module")
def collected(books, dovecot, tmp_path_factory):
    """The mailbox Nop: T1's book from its head (with a photo), T2's from an address (T2 has none), T1's registration
    book from another address, a winmail.dat, a malformed part, a ZIP holding T2's book again; collected twice."""
    messages = [
        returned_mail(HEAD_T1, [(T1_NAME, books.t1), ("anh-lop.jpg", b"\xff\xd8\xff" + b"0" * 100)],
                      message_id="<1@truong>"),
        returned_mail("Phạm Ngọc Ánh <anh.pham@gmail.com>", [("To-van-phong.xlsx", books.t2)],
                      message_id="<2@truong>"),
        returned_mail("ai.do@gmail.com", [("dang-ky-to-1.xlsx", books.t1_registration)], message_id="<3@truong>"),
        returned_mail(HEAD_T1, [("winmail.dat", b"\x78\x9f\x3e\x22" + b"\x00" * 50)], message_id="<4@truong>"),
        _bad_base64(HEAD_T1),
        returned_mail(HEAD_T1, [("ca-hai-to.zip", zipped({"To-van-phong.xlsx": books.t2}, zipfile.ZIP_STORED))],
                      message_id="<6@truong>"),
    ]
    dovecot.fill("Nop", messages)
    before = dovecot.state("Nop")
    campaign = fresh_campaign(books, tmp_path_factory.mktemp("nop") / "campaign")
    first = run("collect", dovecot.url("Nop"), campaign, "--cafile", dovecot.cafile)
    inbox_after_first = sorted(p.relative_to(campaign).as_posix() for p in (campaign / "inbox").rglob("*"))
    second = run("collect", dovecot.url("Nop"), campaign, "--cafile", dovecot.cafile)
    return {"campaign": campaign, "first": first, "second": second, "before": before,
            "after": dovecot.state("Nop"), "inbox_after_first": inbox_after_first}


def test_each_book_is_filed_into_its_inbox_by_its_codes(collected, books):
    print(collected["first"].output)
    assert collected["first"].exit_code == 0, collected["first"].output
    campaign = collected["campaign"]
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1
    assert (campaign / "inbox" / "To-van-phong.xlsx").read_bytes() == books.t2
    assert (campaign / "inbox-dang-ky" / "dang-ky-to-1.xlsx").read_bytes() == books.t1_registration
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == sorted([T1_NAME, "To-van-phong.xlsx"])
    out = collected["first"].output
    assert f"đã xếp: {T1_NAME} → inbox/{T1_NAME}" in out
    assert "đã có sẵn (giống hệt): To-van-phong.xlsx" in out  # the ZIP's copy: nothing filed twice
    assert "không phải sổ của chiến dịch, để nguyên trong thư: anh-lop.jpg" in out


def test_the_mailbox_is_left_as_it_was(collected):
    assert collected["after"] == collected["before"]
    assert all(b"\\Seen" not in flags for _, flags in collected["after"])


def test_who_sent_it_is_kept_with_the_file(collected):
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (collected["campaign"] / "so-da-nhan").glob("*.json")]
    by_path = {r["path"]: r for r in records}
    assert by_path[f"inbox/{T1_NAME}"]["sender"] == HEAD_T1
    assert by_path[f"inbox/{T1_NAME}"]["message_id"] == "<1@truong>"
    assert by_path[f"inbox/{T1_NAME}"]["date"] == "2026-05-12T09:30:00+07:00"
    assert by_path[f"inbox/{T1_NAME}"]["via"] == "thu"
    assert by_path["inbox/To-van-phong.xlsx"]["sender"] == "anh.pham@gmail.com"


def test_a_book_from_another_address_than_its_departments_is_flagged(collected):
    out = collected["first"].output
    assert "Sổ 'dang-ky-to-1.xlsx' của Tổ khối 1 được gửi từ ai.do@gmail.com, không phải địa chỉ ghi trong " \
           f"chiến dịch ({HEAD_T1}). Vẫn đã xếp" in out
    assert "được gửi từ anh.pham@gmail.com" not in out  # T2 has no address in the campaign: nothing to compare
    assert f"được gửi từ {HEAD_T1}" not in out


def test_winmail_and_a_malformed_part_are_said_and_the_rest_collected(collected):
    out = collected["first"].output
    assert "winmail.dat của Outlook (định dạng TNEF)" in out and "gửi lại sổ dưới dạng tệp đính kèm thường" in out
    assert "Một phần của thư bị hỏng, không đọc được" in out
    assert "Đã xem 6 thư (0 đã lấy từ trước), 7 tệp đính kèm: 3 sổ đã xếp vào thư mục nhận sổ, 1 đã có sẵn" in out


def test_collecting_again_files_nothing_twice(collected):
    second = collected["second"]
    assert second.exit_code == 0, second.output
    assert "Đã xem 6 thư (4 đã lấy từ trước), 0 tệp đính kèm" in second.output  # the ZIP's copy: found, settled
    assert "2 thư khác đã xem từ trước mà không có sổ nào xếp được" in second.output  # winmail.dat, malformed
    assert "đã xếp:" not in second.output and "winmail.dat" not in second.output
    campaign = collected["campaign"]
    assert sorted(p.relative_to(campaign).as_posix() for p in (campaign / "inbox").rglob("*")) == \
        collected["inbox_after_first"]


def test_thirty_attachments_twenty_looked_at_and_said(books, dovecot, tmp_path):
    dovecot.fill("Ba-muoi", [returned_mail(HEAD_T1, [(f"anh-{k}.jpg", b"\xff\xd8" + bytes([k])) for k in range(30)]
                                          + [(T1_NAME, books.t1)])])
    campaign = fresh_campaign(books, tmp_path / "campaign")
    result = run("collect", dovecot.url("Ba-muoi"), campaign, "--cafile", dovecot.cafile)
    assert result.exit_code == 0
    assert f"Thư có 31 tệp đính kèm, quá {MAX_ATTACHMENTS} tệp: chỉ xem {MAX_ATTACHMENTS} tệp đầu, không xem " \
           f"anh-20.jpg, anh-21.jpg" in result.output and "anh-29.jpg, … (+1)" in result.output
    assert not (campaign / "inbox" / T1_NAME).exists()  # the 31st: not looked at, and said so


def test_a_message_over_fifty_megabytes_is_not_downloaded(books, dovecot, tmp_path):
    """A video of 40 MB, 54 MB once encoded in the message: over the bound, as a 100 MB one is, at half the time."""
    big = returned_mail(HEAD_T1, [("video.mp4", b"\x00" * (40 * 1024 * 1024))])
    assert len(big) > MAX_MESSAGE_BYTES
    dovecot.fill("Lon", [big, returned_mail(HEAD_T1, [(T1_NAME, books.t1)])])
    campaign = fresh_campaign(books, tmp_path / "campaign")
    result = run("collect", dovecot.url("Lon"), campaign, "--cafile", dovecot.cafile)
    assert result.exit_code == 0
    assert "Thư lớn hơn 50 MB: không tải về" in result.output
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1


def test_a_wrong_password_is_said(books, dovecot, tmp_path):
    dovecot.fill("Sai", [])
    result = run("collect", dovecot.url("Sai"), fresh_campaign(books, tmp_path / "c"), "--cafile", dovecot.cafile,
                 password="khong-dung")
    assert result.exit_code == 1
    assert "Hộp thư thuky@localhost không nhận mật khẩu" in result.output
    assert "khong-dung" not in result.output


def test_a_password_typed_with_vietnamese_letters_logs_in_and_a_wrong_one_is_said(books, dovecot, tmp_path):
    """LOGIN carries ASCII only: a password with its accents goes by SASL PLAIN (UTF-8) — never "Lỗi nội bộ" showing
    one of its letters."""
    campaign = fresh_campaign(books, tmp_path / "c")
    url = dovecot.url("INBOX").replace(f"{USER}@", f"{VIETNAMESE_USER}@")

    logged_in = run("collect", url, campaign, "--cafile", dovecot.cafile, password=VIETNAMESE_PASSWORD)
    assert logged_in.exit_code == 0, logged_in.output
    assert "Đã xem 0 thư" in logged_in.output

    wrong = run("collect", url, campaign, "--cafile", dovecot.cafile, password="Mật-khẩu-sai")
    assert wrong.exit_code == 1
    assert f"Hộp thư {VIETNAMESE_USER}@localhost không nhận mật khẩu" in wrong.output
    assert "Lỗi nội bộ" not in wrong.output and "khẩu-sai" not in wrong.output and "\\u" not in wrong.output


def test_a_certificate_not_trusted_or_not_of_the_name_is_refused(books, dovecot, tmp_path):
    campaign = fresh_campaign(books, tmp_path / "c")
    untrusted = run("collect", dovecot.url("INBOX"), campaign)
    assert untrusted.exit_code == 1
    assert "Chứng chỉ của máy chủ thư localhost không hợp lệ" in untrusted.output and "--cafile" in untrusted.output
    other_name = run("collect", dovecot.url("INBOX", host="127.0.0.1"), campaign, "--cafile", dovecot.cafile)
    assert other_name.exit_code == 1
    assert "Chứng chỉ của máy chủ thư 127.0.0.1 không hợp lệ" in other_name.output


def test_a_server_down_is_said(books, tmp_path):
    port = free_port()
    result = run("collect", f"imaps://thuky@127.0.0.1:{port}/INBOX", fresh_campaign(books, tmp_path / "c"))
    assert result.exit_code == 1
    assert f"Không kết nối được máy chủ thư 127.0.0.1:{port}" in result.output
    assert "Lỗi nội bộ" not in result.output


@contextlib.contextmanager
def _listener(handle):
    """A TCP listener on the loopback address whose connections ``handle(client)`` serves, in a thread; every
    connection it accepted is closed when it ends (an unclosed socket found later by the collector would fail another
    test: warnings are errors)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()
    accepted: list[socket.socket] = []

    def serve():
        with contextlib.suppress(OSError):
            while not stop.is_set():
                client, _ = server.accept()
                accepted.append(client)
                threading.Thread(target=handle, args=(client,), daemon=True).start()

    serving = threading.Thread(target=serve, daemon=True)
    serving.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        # shutdown wakes the accept() still waiting (close alone does not on Linux); once the thread has ended, no
        # connection can be accepted after the ones closed below
        with contextlib.suppress(OSError):
            server.shutdown(socket.SHUT_RDWR)
        serving.join(timeout=10)
        server.close()
        for client in accepted:
            client.close()


def test_a_silent_server_is_a_timeout(books, tmp_path):
    held = []

    def silent(client):
        held.append(client)  # accepted, never answered

    with _listener(silent) as port:
        box = parse_mailbox(f"imaps://thuky@127.0.0.1:{port}/INBOX")
        assert box is not None
        done = collect_imap(box, PASSWORD, open_intake(fresh_campaign(books, tmp_path / "c")), timeout=1)
    assert done.stopped is not None and done.stopped.code == "mail.timeout"
    assert "không trả lời sau 1 giây" in done.stopped.render()


def _proxy(port: int, limit: int, stall: bool):
    """A TCP relay to the server at ``port`` that, past ``limit`` bytes from the server, cuts the connection
    (``stall`` False) or stops relaying and holds it open, silent (``stall`` True: a server gone slow)."""
    def relay(client):
        upstream = socket.create_connection(("127.0.0.1", port))
        sent = [0]

        def pump(source, target, counted):
            with contextlib.suppress(OSError):
                while data := source.recv(65536):
                    if counted:
                        sent[0] += len(data)
                        if sent[0] > limit:
                            if stall:
                                threading.Event().wait(30)
                            break
                    target.sendall(data)
            for end in (source, target):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                    end.close()

        threading.Thread(target=pump, args=(client, upstream, False), daemon=True).start()
        pump(upstream, client, True)

    return relay


def test_a_connection_cut_mid_download_keeps_what_was_filed(books, dovecot, tmp_path):
    big = b"\x00\x01" * (1024 * 1024)  # 2 MB, not ours: the download the cut falls in
    dovecot.fill("Dut", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)], message_id="<dut-1@truong>"),
                         returned_mail(HEAD_T1, [("anh.bin", big)], message_id="<dut-2@truong>"),
                         returned_mail("anh.pham@gmail.com", [("To-van-phong.xlsx", books.t2)],
                                       message_id="<dut-3@truong>")])
    limit = len(books.t1) * 2 + 1024 * 1024  # past the first message, inside the second
    campaign = fresh_campaign(books, tmp_path / "c")
    with _listener(_proxy(dovecot.port, limit, stall=False)) as port:
        cut = run("collect", dovecot.url("Dut", port=port), campaign, "--cafile", dovecot.cafile)
    assert cut.exit_code == 1
    assert "Kết nối với máy chủ thư bị ngắt giữa chừng" in cut.output
    assert "1 sổ đã xếp ở trên vẫn giữ nguyên" in cut.output
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == [T1_NAME]  # nothing half-written
    again = run("collect", dovecot.url("Dut"), campaign, "--cafile", dovecot.cafile)
    assert again.exit_code == 0, again.output
    assert "Đã xem 3 thư (1 đã lấy từ trước)" in again.output
    assert (campaign / "inbox" / "To-van-phong.xlsx").read_bytes() == books.t2


def test_a_mailbox_without_a_user_and_a_bad_date_are_refused(tmp_path):
    nobody = run("collect", "imap://localhost/INBOX", tmp_path)
    assert nobody.exit_code == 2 and "không phải địa chỉ hộp thư đúng dạng" in nobody.output
    assert "imaps://ten@may-chu/INBOX (cổng 993) hoặc imap://ten@may-chu/INBOX (STARTTLS, cổng 143)" in nobody.output
    result = run("collect", "imaps://thuky@localhost/INBOX", tmp_path, "--since", "1/5/26")
    assert result.exit_code == 2 and "Ngày '1/5/26' không đọc được – chưa làm gì" in result.output


def test_since_asks_the_server_for_newer_messages_only(books, dovecot, tmp_path):
    dovecot.fill("Ngay", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)])])
    campaign = fresh_campaign(books, tmp_path / "c")
    later = run("collect", dovecot.url("Ngay"), campaign, "--cafile", dovecot.cafile, "--since", "2099-01-01")
    assert later.exit_code == 0 and "Đã xem 0 thư" in later.output
    assert not Path(campaign / "inbox" / T1_NAME).exists()


def test_a_mailbox_folder_that_does_not_exist_is_said(books, dovecot, tmp_path):
    result = run("collect", dovecot.url("Khong-co"), fresh_campaign(books, tmp_path / "c"), "--cafile", dovecot.cafile)
    assert result.exit_code == 1
    assert "Không mở được thư mục 'Khong-co' trên máy chủ" in result.output


def test_a_mailbox_folder_with_a_vietnamese_name(books, dovecot, tmp_path):
    dovecot.fill("Thi &ARE-ua", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)])])  # "Thi đua" as IMAP names it
    with dovecot.client() as client:
        _, listed = client.list()
    assert any(b'"Thi &ARE-ua"' in line for line in listed if isinstance(line, bytes))
    campaign = fresh_campaign(books, tmp_path / "c")
    result = run("collect", dovecot.url("Thi%20đua"), campaign, "--cafile", dovecot.cafile)
    assert result.exit_code == 0, result.output
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1


def test_the_password_is_written_nowhere(collected):
    secret = PASSWORD.encode()
    campaign = collected["campaign"]
    assert not [p for p in campaign.rglob("*") if p.is_file() and secret in p.read_bytes()]
    assert PASSWORD not in collected["first"].output  # asked, not shown


def test_a_server_gone_silent_mid_download_is_a_timeout_and_keeps_what_was_filed(books, dovecot, tmp_path):
    big = b"\x00\x01" * (1024 * 1024)
    dovecot.fill("Cham", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)], message_id="<cham-1@truong>"),
                          returned_mail(HEAD_T1, [("anh.bin", big)], message_id="<cham-2@truong>")])
    campaign = fresh_campaign(books, tmp_path / "c")
    with _listener(_proxy(dovecot.port, len(books.t1) * 2 + 1024 * 1024, stall=True)) as port:
        box = parse_mailbox(dovecot.url("Cham", port=port))
        assert box is not None
        done = collect_imap(box, PASSWORD, open_intake(campaign), cafile=dovecot.cafile, timeout=2)
    assert done.stopped is not None and done.stopped.code == "mail.timeout", done.stopped
    assert done.count("filed") == 1 and (campaign / "inbox" / T1_NAME).read_bytes() == books.t1
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == [T1_NAME]


# --- every attachment settled; mail servers as they are ---------------------------------------------------

def test_a_book_that_failed_to_file_is_taken_again_by_the_next_run_and_nothing_twice(books, dovecot, tmp_path,
                                                                                     monkeypatch):
    """One message, two books; writing the second fails (a full disk): the first run files one and says the other
    will be taken again; the next run files the second — and never the first again; the one after has nothing to do."""
    import errno
    import os

    from thidua_xlsx.system import files

    dovecot.fill("Hai", [returned_mail(HEAD_T1, [(T1_NAME, books.t1), ("To-van-phong.xlsx", books.t2)],
                                       message_id="<hai@truong>")])
    campaign = fresh_campaign(books, tmp_path / "c")
    placing = files.place_new

    def full_for_the_second(source, target, *args):
        if Path(target).name == "To-van-phong.xlsx":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return placing(source, target, *args)

    with monkeypatch.context() as patch:
        patch.setattr(files, "place_new", full_for_the_second)
        first = run("collect", dovecot.url("Hai"), campaign, "--cafile", dovecot.cafile)
    assert first.exit_code == 1, first.output  # not all filed: said, and the exit code says so
    out = first.output
    assert f"đã xếp: {T1_NAME} → inbox/{T1_NAME}" in out
    assert "chưa xếp được, lần chạy sau sẽ lấy lại từ thư: To-van-phong.xlsx" in out
    assert "Tệp đính kèm 'To-van-phong.xlsx' chưa xếp được vào" in out and "ổ đĩa đầy" in out
    assert "Tệp vẫn còn nguyên trong thư: hãy khắc phục rồi lấy sổ từ thư lần nữa – lần sau tệp này sẽ được lấy lại" \
        in out
    assert "1 tệp đính kèm chưa xếp được vì lỗi ngoài tệp" in out
    assert "thả lại" not in out  # the page's words, not collect's
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == [T1_NAME]

    second = run("collect", dovecot.url("Hai"), campaign, "--cafile", dovecot.cafile)
    assert second.exit_code == 0, second.output
    assert "đã xếp: To-van-phong.xlsx → inbox/To-van-phong.xlsx" in second.output
    assert T1_NAME not in second.output  # settled the first time: neither filed nor looked at again
    assert "Đã xem 1 thư (0 đã lấy từ trước), 1 tệp đính kèm: 1 sổ đã xếp" in second.output
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == sorted([T1_NAME, "To-van-phong.xlsx"])
    assert (campaign / "inbox" / "To-van-phong.xlsx").read_bytes() == books.t2

    third = run("collect", dovecot.url("Hai"), campaign, "--cafile", dovecot.cafile)
    assert third.exit_code == 0 and "Đã xem 1 thư (1 đã lấy từ trước), 0 tệp đính kèm" in third.output


def test_a_run_stopped_between_two_attachments_leaves_the_second_for_the_next(books, dovecot, tmp_path, monkeypatch):
    """Ctrl+C after the first book of a message was filed: the next run files the second only."""
    from thidua_xlsx.steps.intake import Intake

    dovecot.fill("Ngat", [returned_mail(HEAD_T1, [(T1_NAME, books.t1), ("To-van-phong.xlsx", books.t2)],
                                        message_id="<ngat@truong>")])
    campaign = fresh_campaign(books, tmp_path / "c")
    box = parse_mailbox(dovecot.url("Ngat"))
    assert box is not None
    filing = Intake.file

    def interrupted(self, name, data, *args, **kwargs):
        if name == "To-van-phong.xlsx":
            raise KeyboardInterrupt
        return filing(self, name, data, *args, **kwargs)

    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(Intake, "file", interrupted)
        collect_imap(box, PASSWORD, open_intake(campaign), cafile=dovecot.cafile)
    assert sorted(p.name for p in (campaign / "inbox").iterdir()) == [T1_NAME]
    again = collect_imap(box, PASSWORD, open_intake(campaign), cafile=dovecot.cafile)
    assert [(f.name, f.outcome) for _, f in again.filed] == [("To-van-phong.xlsx", "filed")]
    assert again.known == 0 and again.stopped is None


def test_starttls_collects_as_imaps_does(books, dovecot, tmp_path):
    dovecot.fill("Starttls", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)], message_id="<stls@truong>")])
    before = dovecot.state("Starttls")
    campaign = fresh_campaign(books, tmp_path / "c")
    result = run("collect", dovecot.starttls_url("Starttls"), campaign, "--cafile", dovecot.cafile)
    assert result.exit_code == 0, result.output
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1
    assert dovecot.state("Starttls") == before


def test_starttls_verifies_the_certificate_as_imaps_does(books, dovecot, tmp_path):
    campaign = fresh_campaign(books, tmp_path / "c")
    untrusted = run("collect", dovecot.starttls_url("INBOX"), campaign)
    assert untrusted.exit_code == 1
    assert "Chứng chỉ của máy chủ thư localhost không hợp lệ" in untrusted.output and "--cafile" in untrusted.output
    other_name = run("collect", dovecot.starttls_url("INBOX", host="127.0.0.1"), campaign, "--cafile", dovecot.cafile)
    assert other_name.exit_code == 1 and "Chứng chỉ của máy chủ thư 127.0.0.1 không hợp lệ" in other_name.output


def test_imaps_pointed_at_the_plain_port_is_told_as_a_port_not_a_certificate(books, dovecot, tmp_path):
    port = dovecot.starttls_port
    result = run("collect", dovecot.url("INBOX", port=port), fresh_campaign(books, tmp_path / "c"),
                 "--cafile", dovecot.cafile)
    assert result.exit_code == 1
    assert f"Cổng {port} của máy chủ thư localhost là cổng IMAP thường (chưa mã hóa), không phải IMAPS: hãy dùng " \
           f"imap://localhost:{port} (mã hóa bằng STARTTLS) hoặc imaps://localhost:993" in result.output
    assert "--cafile" not in result.output and "Chứng chỉ" not in result.output


def test_imap_pointed_at_the_tls_port_is_told_to_use_imaps(books, dovecot, tmp_path):
    box = parse_mailbox(dovecot.starttls_url("INBOX", port=dovecot.port))
    assert box is not None and box.starttls
    done = collect_imap(box, PASSWORD, open_intake(fresh_campaign(books, tmp_path / "c")), cafile=dovecot.cafile,
                        timeout=2)
    assert done.stopped is not None and done.stopped.code == "mail.port_speaks_tls"
    assert f"hãy dùng imaps://localhost:{dovecot.port}" in done.stopped.render()


def _fake_server(greeting: bytes, heard: list[bytes]):
    """A server that sends ``greeting`` and answers CAPABILITY and LOGOUT without STARTTLS; every line it is sent is
    kept in ``heard``."""
    def serve(client):
        with contextlib.suppress(OSError):
            client.sendall(greeting)
            buffer = b""
            while data := client.recv(4096):
                buffer += data
                while b"\r\n" in buffer:
                    line, buffer = buffer.split(b"\r\n", 1)
                    heard.append(line)
                    tag, _, command = line.partition(b" ")
                    if command.upper().startswith(b"CAPABILITY"):
                        client.sendall(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                    elif command.upper().startswith(b"LOGOUT"):
                        client.sendall(b"* BYE\r\n" + tag + b" OK bye\r\n")
                    else:
                        client.sendall(tag + b" BAD no\r\n")
    return serve


def test_a_server_without_starttls_is_refused_before_the_password(books, tmp_path):
    heard: list[bytes] = []
    with _listener(_fake_server(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n", heard)) as port:
        result = run("collect", f"imap://thuky@127.0.0.1:{port}/INBOX", fresh_campaign(books, tmp_path / "c"))
    assert result.exit_code == 1
    assert f"Máy chủ thư 127.0.0.1:{port} không cho mã hóa kết nối (không có STARTTLS): mật khẩu sẽ đi qua mạng " \
           "không mã hóa, nên không gửi. Hãy dùng imaps://127.0.0.1:993" in result.output
    assert not [line for line in heard if b"LOGIN" in line.upper() or PASSWORD.encode() in line]


def test_a_port_that_speaks_no_imap_is_said_with_the_usual_ports(books, tmp_path):
    heard: list[bytes] = []
    with _listener(_fake_server(b"220 mail.truong.vn ESMTP ready\r\n", heard)) as port:
        campaign = fresh_campaign(books, tmp_path / "c")
        tls = run("collect", f"imaps://thuky@127.0.0.1:{port}/INBOX", campaign)
        plain = run("collect", f"imap://thuky@127.0.0.1:{port}/INBOX", campaign)
    for result in (tls, plain):
        assert result.exit_code == 1
        assert f"Cổng {port} của máy chủ 127.0.0.1 không phải cổng IMAP (máy chủ trả lời: 220 mail.truong.vn ESMTP " \
               "ready). Cổng IMAP thường dùng: 993 với imaps://, 143 với imap:// (STARTTLS)" in result.output, \
            result.output
        assert "b'" not in result.output


def test_a_password_in_the_address_is_refused_before_anything_connects(tmp_path):
    connections: list[socket.socket] = []
    with _listener(connections.append) as port:
        result = run("collect", f"imaps://thuky:Bi-mat-9@127.0.0.1:{port}/INBOX", tmp_path)
    assert result.exit_code == 2
    assert f"Địa chỉ hộp thư imaps://thuky@127.0.0.1:{port}/INBOX có viết kèm mật khẩu: chưa kết nối" in result.output
    assert "lịch sử lệnh" in result.output and "THIDUA_MAT_KHAU" in result.output
    assert "Bi-mat-9" not in result.output and "Mật khẩu hộp thư" not in result.output  # not asked either
    assert connections == []


def test_the_password_from_the_environment_variable_named_in_help(books, dovecot, tmp_path):
    assert "THIDUA_MAT_KHAU" in CliRunner().invoke(main, ["collect", "--help"]).output
    dovecot.fill("Bien", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)], message_id="<bien@truong>")])
    campaign = fresh_campaign(books, tmp_path / "c")
    result = CliRunner().invoke(main, ["collect", dovecot.url("Bien"), str(campaign), "--cafile", str(dovecot.cafile)],
                                env={"THIDUA_MAT_KHAU": PASSWORD})
    assert result.exit_code == 0, result.output
    assert "Mật khẩu hộp thư" not in result.output and PASSWORD not in result.output  # not asked, not shown
    assert (campaign / "inbox" / T1_NAME).read_bytes() == books.t1


def test_a_wrong_password_is_said_in_the_servers_words_as_text(books, dovecot, tmp_path):
    dovecot.fill("Sai-2", [])
    result = run("collect", dovecot.starttls_url("Sai-2"), fresh_campaign(books, tmp_path / "c"),
                 "--cafile", dovecot.cafile, password="khong-dung")
    assert result.exit_code == 1
    assert "Hộp thư thuky@localhost không nhận mật khẩu ([AUTHENTICATIONFAILED] Authentication failed.)" \
        in result.output
    assert "b'" not in result.output and 'b"' not in result.output and "khong-dung" not in result.output


def test_the_servers_words_are_text_never_pythons_bytes():
    import imaplib

    from thidua_xlsx.mail.imap import said

    assert said(imaplib.IMAP4.error(b"[AUTHENTICATIONFAILED] Sai m\xe1\xba\xadt kh\xe1\xba\xa9u.")) == \
        "[AUTHENTICATIONFAILED] Sai mật khẩu."
    assert said(imaplib.IMAP4.error("SELECT command error: BAD [b'Error in IMAP command']")) == \
        "SELECT command error: BAD [Error in IMAP command]"
    assert said([b"[NONEXISTENT] Mailbox doesn't exist: Khong-co"]) == "[NONEXISTENT] Mailbox doesn't exist: Khong-co"


def test_another_message_under_a_message_id_already_collected_is_downloaded_and_collected(books, dovecot, tmp_path):
    """The mailbox's Message-IDs are read before any message is downloaded: one already collected is not downloaded
    again, but another message under its ID (another size) is — and its book filed."""
    campaign = fresh_campaign(books, tmp_path / "campaign")
    dovecot.fill("Trung-ma", [returned_mail(HEAD_T1, [(T1_NAME, books.t1)], message_id="<cung@x>")])
    assert run("collect", dovecot.url("Trung-ma"), campaign, "--cafile", dovecot.cafile).exit_code == 0
    dovecot.fill("Trung-ma", [returned_mail("anh.pham@gmail.com", [("VP.xlsx", books.t2)], message_id="<cung@x>")])

    second = run("collect", dovecot.url("Trung-ma"), campaign, "--cafile", dovecot.cafile)
    third = run("collect", dovecot.url("Trung-ma"), campaign, "--cafile", dovecot.cafile)

    assert second.exit_code == 0 and (campaign / "inbox" / "VP.xlsx").read_bytes() == books.t2, second.output
    assert "(1 đã lấy từ trước)" in second.output and "(2 đã lấy từ trước)" in third.output, third.output
