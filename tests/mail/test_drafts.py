"""``--thu DIR``: the e-mail drafts of generate, status --nhac, merge --feedback / --docs, parsed back with
the standard library as a mail program reads them: recipient, subject, body (round, period, deadline), the attachment's
bytes; Vietnamese headers and names encoded as RFC 2047 / 2231; a department without an address listed; nothing
overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.mail.builders import T1_SCORES, attachments_of, body_of, fill_scores, read_eml, registered
from tests.no_office import no_libreoffice
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.write.drafts import UNSENT_HEADER

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
VIETNAMESE_RETURN = "Tổ khối 1 – bản đã chấm.xlsx"  # a returned file renamed by its head: its feedback copy's name


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """The scoring books generated with drafts; T1's returned (under a Vietnamese name, a score above its maximum), T2's
    not; merged with feedback copies, the papers and drafts; status --nhac with drafts."""
    root = tmp_path_factory.mktemp("drafts")
    folder, summary = registered(root)
    outbox, drafts = root / "outbox", root / "thu-phat"
    generated = run("generate", folder.folder, "--round", "cham-diem", "--from", summary, "-o", outbox,
                    "--thu", drafts)
    assert generated.exit_code == 0, generated.output
    inbox = folder.folder / "inbox"
    t1 = next(outbox.glob("*To-khoi-1.xlsx"))
    wrong = {**T1_SCORES, "GV02": ({**T1_SCORES["GV02"][0], "I.1": 15}, T1_SCORES["GV02"][1])}  # 15 > 10: to fix
    fill_scores(t1, inbox / VIETNAMESE_RETURN, wrong, dt.datetime(2026, 5, 12, 8, 0))
    with no_libreoffice():  # the papers as .docx only: no LibreOffice in these tests
        merged = run("merge", inbox, "-o", root / "tong-hop.xlsx", "--feedback", root / "gop-y", "--docs",
                     root / "ho-so", "--thu", root / "thu-tong-hop")
    nudged = run("status", inbox, "--nhac", "--thu", root / "thu-nhac")
    return {"root": root, "folder": folder, "outbox": outbox, "drafts": drafts, "generated": generated,
            "merged": merged, "nudged": nudged, "inbox": inbox}


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, (pattern, [p.name for p in folder.iterdir()])
    return found[0]


def test_generate_writes_one_unsent_draft_per_department_with_its_book(school):
    drafts = sorted(school["drafts"].glob("*.eml"))
    assert len(drafts) == 2
    message = read_eml(_one(school["drafts"], "cham-diem_To-khoi-1.eml"))
    assert message[UNSENT_HEADER] == "1"
    assert message["To"].addresses[0].addr_spec == "lan.nguyen@truong-thu.edu.vn"
    assert message["To"].addresses[0].display_name == "Nguyễn Thị Lan"
    assert message["Subject"] == "[Thi đua 2025-2026] Sổ chấm điểm thi đua – Tổ khối 1 (hạn 20/05/2026)"
    body = body_of(message)
    assert "Kính gửi thầy/cô Nguyễn Thị Lan, tổ trưởng Tổ khối 1" in body
    assert "Hạn gửi lại: 20/05/2026." in body
    assert "Tự chấm" in body and "Lê Thị Thư" in body
    book = _one(school["outbox"], "*To-khoi-1.xlsx")
    assert attachments_of(message) == {book.name: book.read_bytes()}
    assert message.get("From") is None  # the mail program sends from the account it is opened in


def test_headers_are_encoded_words_and_lines_end_in_crlf(school):
    raw = _one(school["drafts"], "cham-diem_To-khoi-1.eml").read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()  # no raw UTF-8 in a header: RFC 2047 words
    assert b"Subject: [Thi =?utf-8?" in head and b"To: =?utf-8?b?" in head
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF (policy.SMTP)


def test_a_draft_is_dated_by_vietnam_s_clock_whatever_the_computer_s_zone(school):
    """The Date a mail program shows is the school's time (UTC+7, docs/conventions.md: one clock), not the zone the
    computer happens to be set to (the test machines run in UTC)."""
    sent = read_eml(_one(school["drafts"], "cham-diem_To-khoi-1.eml"))["Date"].datetime
    assert sent.utcoffset() == dt.timedelta(hours=7)


def test_a_department_without_an_address_gets_its_draft_and_is_listed(school):
    message = read_eml(_one(school["drafts"], "cham-diem_To-Van-phong-Khoi-5.eml"))
    assert message.get("To") is None
    assert "Tổ Văn phòng – Khối 5" in message["Subject"]
    assert attachments_of(message).keys() == {_one(school["outbox"], "*To-Van-phong-Khoi-5.xlsx").name}
    out = school["generated"].output
    assert "Chưa có địa chỉ e-mail của Tổ Văn phòng – Khối 5" in out and "campaign.xlsx, sheet Tổ, cột Email" in out
    assert "Đã soạn 2 thư nháp (.eml)" in out


def test_merge_drafts_the_feedback_copy_under_its_vietnamese_name(school):
    assert school["merged"].exit_code == 0, school["merged"].output
    message = read_eml(_one(school["root"] / "thu-tong-hop", "gop-y_*.eml"))
    assert message["To"].addresses[0].addr_spec == "lan.nguyen@truong-thu.edu.vn"
    assert message["Subject"] == "[Thi đua 2025-2026] Góp ý sổ chấm điểm thi đua – Tổ khối 1"
    assert "trước 20/05/2026" in body_of(message)
    copy = school["root"] / "gop-y" / VIETNAMESE_RETURN
    assert attachments_of(message) == {VIETNAMESE_RETURN: copy.read_bytes()}
    raw = _one(school["root"] / "thu-tong-hop", "gop-y_*.eml").read_bytes()
    assert b"filename*0*=utf-8''T%E1%BB%95%20kh%E1%BB%91i%201" in raw  # RFC 2231 (continued), as mail programs read it


def _names_as_written(message) -> list[tuple[str, str, str]]:
    """(Content-Type's name as written, decoded as RFC 2047; Content-Disposition's filename, decoded as RFC 2231;
    the content type) of each attachment — read with the standard library as Outlook and Thunderbird read them."""
    from email.header import decode_header, make_header

    found = []
    for part in message.iter_attachments():  # the header as written (the parser's params decode the words already)
        written = next(str(v) for k, v in part.raw_items() if k.lower() == "content-type")
        quoted = written.split('name="', 1)[1].rsplit('"', 1)[0]
        assert "name*" not in written and (quoted.isascii() and "=?" not in quoted or quoted.startswith("=?utf-8?"))
        found.append((str(make_header(decode_header(quoted))), part.get_filename(), part.get_content_type()))
    return found


def test_a_vietnamese_attachment_name_is_given_both_ways_for_outlook(school):
    """Outlook over IMAP/POP reads only Content-Type's name="=?utf-8?…?=" (RFC 2047); the others read RFC 2231's
    filename*: both are written, both decode to the Vietnamese name, the Content-Type stays whole."""
    path = _one(school["root"] / "thu-tong-hop", "gop-y_*.eml")
    message = read_eml(path)
    assert _names_as_written(message) == [(VIETNAMESE_RETURN, VIETNAMESE_RETURN,
                                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [part] = message.iter_attachments()
    assert part.get_param("name") == VIETNAMESE_RETURN  # the standard library's own reading of the name
    assert b"filename*" in path.read_bytes() and b'name="=?utf-8?b?' in path.read_bytes()


def test_a_long_name_and_a_name_windows_cannot_hold(tmp_path):
    from thidua_xlsx.system.written import Written
    from thidua_xlsx.write.drafts import Draft, attachment_name, write_drafts

    long_name = "Tổ khối 1 – bản đã chấm lại lần thứ hai sau khi họp tổ, có ý kiến của hiệu trưởng.xlsx"
    files = []
    for name in (long_name, "CON.xlsx", "Tổ: Toán? .xlsx."):
        (tmp_path / "src").mkdir(exist_ok=True)
        files.append(tmp_path / "src" / name)
        files[-1].write_bytes(name.encode())
    write_drafts([Draft("a", "Tổ", "a@truong.vn", "A", "Sổ", "b", tuple(files))], tmp_path / "thu", Written())
    raw = (tmp_path / "thu" / "a.eml").read_bytes()
    assert max(len(line) for line in raw.split(b"\r\n")) < 998  # RFC 5322's limit of a line
    message = read_eml(tmp_path / "thu" / "a.eml")
    assert [(n, f) for n, f, _ in _names_as_written(message)] == [
        (long_name, long_name), ("_CON.xlsx", "_CON.xlsx"), ("Tổ_ Toán_.xlsx", "Tổ_ Toán_.xlsx")]
    assert attachments_of(message)["_CON.xlsx"] == b"CON.xlsx"
    assert [attachment_name(n) for n in ("nul", "aux.tar.gz", "LPT1 .txt", "bao cao. ", "...", "a<b>|c*.xlsx")] == \
        ["_nul", "_aux.tar.gz", "_LPT1.txt", "bao cao", "tep", "a_b__c_.xlsx"]


def test_merge_with_docs_drafts_the_summary_and_papers_to_the_managing_authority(school):
    message = read_eml(_one(school["root"] / "thu-tong-hop", "gui_*.eml"))
    assert message["To"].addresses[0].addr_spec == "vhxh@example.vn"
    assert message["Subject"] == "[Thi đua 2025-2026] Trường Tiểu học Thử Nghiệm gửi hồ sơ thi đua – khen " \
                                 "thưởng năm học 2025-2026"
    attached = attachments_of(message)
    summary = school["root"] / "tong-hop.xlsx"
    assert attached[summary.name] == summary.read_bytes()
    docs = school["root"] / "ho-so"
    sent = [docs / "01_To-trinh.docx", docs / "02_Bien-ban-hop-binh-xet.docx", docs / "03_Bien-ban-kiem-phieu.docx",
            *sorted(docs.glob("*/04_Danh-sach_*.docx"))]  # no LibreOffice here: the Word files, no PDF
    assert len(sent) > 3 and {k: v for k, v in attached.items() if k != summary.name} == \
        {p.name: p.read_bytes() for p in sent}
    assert not any(name.startswith(("Phieu-bau", "05_Bao-cao")) for name in attached)  # a blank ballot, a report
    body = body_of(message)
    assert "Kính gửi: UBND xã Thử Nghiệm" in body and "Tờ trình đính kèm là bản chưa ký" in body


def test_status_drafts_one_reminder_per_department_to_remind(school):
    assert school["nudged"].exit_code == 0, school["nudged"].output
    folder = school["root"] / "thu-nhac"
    t2 = read_eml(_one(folder, "nhac_To-Van-phong-Khoi-5.eml"))
    assert t2.get("To") is None
    assert t2["Subject"] == "[Thi đua 2025-2026] Nhắc sổ chấm điểm thi đua – Tổ Văn phòng – Khối 5 (hạn 20/05/2026)"
    assert "chưa được gửi về" in body_of(t2)
    assert not attachments_of(t2)
    assert "Chưa có địa chỉ e-mail của Tổ Văn phòng – Khối 5" in school["nudged"].output


def test_a_reminder_that_speaks_of_the_feedback_copy_carries_it(school):
    """T1's book has an error: its reminder says to see the feedback copy, and the copy is attached — the file the
    merge's --feedback writes, under the returned file's Vietnamese name, given both ways."""
    t1 = read_eml(_one(school["root"] / "thu-nhac", "nhac_To-khoi-1.eml"))
    body = body_of(t1)
    assert f"còn 1 lỗi cần sửa (xem bản góp ý đính kèm thư này, tệp {VIETNAMESE_RETURN}" in body
    attached = attachments_of(t1)
    assert list(attached) == [VIETNAMESE_RETURN]
    import io

    import openpyxl

    copy = openpyxl.load_workbook(io.BytesIO(attached[VIETNAMESE_RETURN]))
    assert copy.sheetnames[0] == openpyxl.load_workbook(school["root"] / "gop-y" / VIETNAMESE_RETURN).sheetnames[0]
    assert _names_as_written(t1)[0][:2] == (VIETNAMESE_RETURN, VIETNAMESE_RETURN)


def test_a_reminder_without_a_copy_does_not_speak_of_one(school):
    from thidua_xlsx.decide.followup import follow_up
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.system.voice import vietnam_today
    from thidua_xlsx.write.drafts import reminder_drafts

    opened, _ = open_campaign(school["folder"].folder / "campaign.xlsx")
    summary = merge_inbox(school["inbox"], opened)
    followups = follow_up(summary, vietnam_today())
    [t1] = [d for d in reminder_drafts(summary, followups, {}) if d.label == "Tổ khối 1"]  # no copy could be made
    assert "còn 1 lỗi cần sửa trong tệp " + VIETNAMESE_RETURN in t1.body
    assert "góp ý" not in t1.body and t1.attachments == ()


def test_status_thu_needs_nhac_and_never_writes_in_the_inbox(school):
    assert run("status", school["inbox"], "--thu", school["root"] / "x").exit_code == 2
    refused = run("status", school["inbox"], "--nhac", "--thu", school["inbox"] / "thu")
    assert refused.exit_code == 2 and "không được nằm trong thư mục nhận sổ" in refused.output
    assert not (school["inbox"] / "thu").exists()


def test_a_draft_never_overwrites_a_file_it_did_not_write(school, tmp_path):
    drafts = tmp_path / "thu-nhac"  # her own folder of drafts, not the one the other tests read
    drafts.mkdir()
    mine = drafts / "nhac_To-Van-phong-Khoi-5.eml"
    mine.write_bytes(b"Subject: the secretary's own note\r\n\r\nkept\r\n")
    again = run("status", school["inbox"], "--nhac", "--thu", drafts)
    assert again.exit_code == 0, again.output
    assert mine.read_bytes() == b"Subject: the secretary's own note\r\n\r\nkept\r\n"
    beside = drafts / "nhac_To-Van-phong-Khoi-5 (moi).eml"
    assert "Nhắc sổ" in read_eml(beside)["Subject"]
    third = run("status", school["inbox"], "--nhac", "--thu", drafts)  # its own draft, unchanged: replaced
    assert third.exit_code == 0 and not (drafts / "nhac_To-Van-phong-Khoi-5 (moi 2).eml").exists()


def _commune(root: Path, email: str) -> Path:
    """The sample commune with its schools' summaries, the level above's address typed in sheet Đơn vị."""
    import shutil

    import openpyxl

    folder = root / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("*.tmp"))
    book = openpyxl.load_workbook(folder / "cap-tren.xlsx")
    sheet = book["Đơn vị"]
    rows = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Email nơi nhận hồ sơ (cấp trên)"]
    row = rows[0] if rows else sheet.max_row + 1  # a book written before the field: its row added as a person would
    sheet.cell(row, 1, "Email nơi nhận hồ sơ (cấp trên)")
    sheet.cell(row, 2, email)
    book.save(folder / "cap-tren.xlsx")
    return folder


def test_the_communes_merge_drafts_its_file_to_the_level_above(tmp_path):
    folder = _commune(tmp_path, "tdkt@ninhbinh.gov.vn")
    result = run("merge", folder / "inbox", "-o", tmp_path / "tong-hop-xa.xlsx", "--thu", tmp_path / "thu")
    assert result.exit_code == 0, result.output
    message = read_eml(_one(tmp_path / "thu", "gui_*.eml"))
    assert message["To"].addresses[0].addr_spec == "tdkt@ninhbinh.gov.vn"
    assert message["Subject"] == "[Thi đua 2025-2026] Ủy ban nhân dân xã Trực Cường gửi kết quả tổng hợp thi đua – " \
                                 "khen thưởng năm học 2025-2026"
    [(name, data)] = attachments_of(message).items()
    assert name == "tong-hop-xa.xlsx"  # a copy sent on (commune.read_officer refuses it as the officer's book) …
    sent, mine = _sheets(data), _sheets((tmp_path / "tong-hop-xa.xlsx").read_bytes())
    assert sent.keys() == mine.keys() and all(sent[name] == mine[name] for name in sent if name != ly.META_SHEET)
    assert "Nguyễn Thị Thu Trang" in body_of(message)


def _sheets(data: bytes) -> dict[str, list]:
    """Each sheet of a workbook's bytes: its rows of values."""
    import io

    import openpyxl

    return {ws.title: list(ws.values) for ws in openpyxl.load_workbook(io.BytesIO(data)).worksheets}


def test_a_communes_book_without_the_level_aboves_address_lists_it(tmp_path):
    import shutil

    import openpyxl

    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("*.tmp"))
    book = openpyxl.load_workbook(folder / "cap-tren.xlsx")  # as written before the field existed: no row for it
    sheet = book["Đơn vị"]
    for row in range(sheet.max_row, 0, -1):
        if sheet.cell(row, 1).value == "Email nơi nhận hồ sơ (cấp trên)":
            sheet.delete_rows(row)
    book.save(folder / "cap-tren.xlsx")
    result = run("merge", folder / "inbox", "-o", tmp_path / "tong-hop-xa.xlsx", "--thu", tmp_path / "thu")
    assert result.exit_code == 0, result.output
    assert read_eml(_one(tmp_path / "thu", "gui_*.eml")).get("To") is None
    assert "Chưa có địa chỉ e-mail của cơ quan cấp trên" in result.output
    assert "ghi vào cap-tren.xlsx, sheet Đơn vị, ô Email nơi nhận hồ sơ (cấp trên)" in result.output


def test_merge_with_thu_and_nothing_to_send_says_so(school, tmp_path):
    result = run("merge", school["inbox"], "-o", tmp_path / "S.xlsx", "--thu", tmp_path / "thu")
    assert result.exit_code == 0, result.output
    assert "lần tổng hợp này không có gì để gửi qua thư" in result.output
    assert not list((tmp_path / "thu").glob("*.eml"))


def test_a_periods_books_are_drafted_with_the_period_and_its_own_deadline(tmp_path):
    from tests.conftest import campaign_dict, make_folder
    from thidua_xlsx.model import campaign as cm

    months = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01",
               "end": f"2025-{m:02d}-28", "deadline": f"2025-{m + 1:02d}-05"} for m in (9, 10)]
    data = campaign_dict(period_kind=cm.MONTHS, periods=months)
    data["departments"] = [dict(d, email=f"{d['code'].lower()}@truong-thu.edu.vn") for d in data["departments"]]
    folder = make_folder(tmp_path / "campaign", cm.from_dict(data))
    result = run("generate", folder.folder, "--round", "cham-diem", "--period", "thang-10", "--thu", tmp_path / "thu")
    assert result.exit_code == 0, result.output
    message = read_eml(_one(tmp_path / "thu", "thang-10_To-khoi-1.eml"))
    assert message["To"].addresses[0].addr_spec == "t1@truong-thu.edu.vn"
    assert message["Subject"] == "[Thi đua 2025-2026] Sổ chấm điểm thi đua Tháng 10/2025 – Tổ khối 1 (hạn 05/11/2025)"
    assert "sổ chấm điểm thi đua Tháng 10/2025 năm học 2025-2026" in body_of(message)
    assert "Hạn gửi lại: 05/11/2025." in body_of(message)
    book = _one(folder.folder / "outbox" / "thang-10", "*To-khoi-1.xlsx")
    assert attachments_of(message) == {book.name: book.read_bytes()}
    assert "Chưa có địa chỉ" not in result.output


def test_an_address_typed_wrong_or_several_in_one_cell_and_a_line_break_in_a_name(tmp_path):
    from thidua_xlsx.system.voice import Voice
    from thidua_xlsx.system.written import Written
    from thidua_xlsx.write.drafts import Draft, say_drafted, write_drafts

    warned: list[str] = []
    drafts = [Draft("a", "Tổ Toán", "toan@truong.vn; pho.toan@truong.vn", "Lê\nHoa", "Sổ\r\nBcc: x@evil.vn", "b"),
              Draft("b", "Tổ Văn", "lan nguyen@truong", "Lan", "Sổ", "b")]
    done = say_drafted(write_drafts(drafts, tmp_path, Written()), tmp_path, Voice(warn=warned.append))
    both = read_eml(tmp_path / "a.eml")
    assert [a.addr_spec for a in both["To"].addresses] == ["toan@truong.vn", "pho.toan@truong.vn"]
    assert both["To"].addresses[0].display_name == "Lê Hoa"
    assert both["Subject"] == "Sổ Bcc: x@evil.vn" and both.get("Bcc") is None  # one line: no header slipped in
    assert read_eml(tmp_path / "b.eml").get("To") is None
    assert done.bad_address == ("Tổ Văn (lan nguyen@truong)",)
    assert any("Địa chỉ e-mail của Tổ Văn (lan nguyen@truong) không đúng dạng" in w for w in warned)


def test_the_papers_sent_up_are_the_pdfs_where_there_are_some(tmp_path):
    from thidua_xlsx.write.drafts import papers_to_send

    docs = tmp_path / "ho-so"
    (docs / "Lao-dong-tien-tien").mkdir(parents=True)
    for name in ("01_To-trinh.docx", "01_To-trinh.pdf", "02_Bien-ban-hop-binh-xet.docx", "Phieu-bau_X.docx",
                 "Lao-dong-tien-tien/04_Danh-sach_Lao-dong-tien-tien.docx",
                 "Lao-dong-tien-tien/04_Danh-sach_Lao-dong-tien-tien.pdf",
                 "Lao-dong-tien-tien/05_Bao-cao-thanh-tich_A.docx", "ghi-chu.docx"):
        (docs / name).write_bytes(b"x")
    assert [p.relative_to(docs).as_posix() for p in papers_to_send(docs)] == [
        "01_To-trinh.pdf", "02_Bien-ban-hop-binh-xet.docx", "Lao-dong-tien-tien/04_Danh-sach_Lao-dong-tien-tien.pdf"]
