"""Provenance travels to the decision: a book collected from an address its department's row does not give
stays filed, and the merge says it at that file — on screen, in the JSON, in the "Kiểm tra" sheet — stronger when it
is the version used."""

from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.mail.builders import ADDRESSES, fresh_campaign, returned_books, returned_mail, with_line
from thidua_xlsx.cli import main
from thidua_xlsx.text import summary as sx

SPOOFER = "to.khoi1.thi.dua@gmail.com"  # not T1's head (lan.nguyen@truong-thu.edu.vn)


def test_a_book_from_an_address_its_department_does_not_have_is_said_where_it_is_used(tmp_path):
    books = returned_books(tmp_path / "books")
    folder = fresh_campaign(books, tmp_path / "truong")
    saved = tmp_path / "thu"
    saved.mkdir()
    (saved / "1.eml").write_bytes(returned_mail(SPOOFER, [("To khoi 1.xlsx", books.t1)], message_id="<1@x>"))
    (saved / "2.eml").write_bytes(returned_mail("anh.pham@gmail.com", [("VP.xlsx", books.t2)], message_id="<2@x>"))
    collected = CliRunner().invoke(main, ["collect", str(saved), str(folder)])
    assert collected.exit_code == 0, collected.output

    merged = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--json", str(tmp_path / "bao-cao.json"),
                                       "-o", str(tmp_path / "tong-hop.xlsx")])
    assert merged.exit_code == 0, merged.output
    assert f"gửi đến từ địa chỉ {SPOOFER}, không phải địa chỉ của tổ trong campaign.xlsx ({ADDRESSES['T1']})" \
        in merged.output  # on screen, at the file used
    codes = {i["code"]: i for i in json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))["problems"]}
    assert codes["file.sender_unknown_used"]["severity"] == "warning"
    assert codes["file.sender_unknown_used"]["file"] == "To khoi 1.xlsx"
    assert "file.sender_unknown" not in codes  # T2 has no address in the campaign: nothing to compare with
    shown = [str(c) for row in load_workbook(tmp_path / "tong-hop.xlsx")[sx.S_CHECK].iter_rows(
        values_only=True) for c in row if c]
    assert any(SPOOFER in c for c in shown)


def test_an_older_copy_from_an_unknown_address_is_said_too_though_not_used(tmp_path):
    """The department's head sends its book; an older copy came from an address it does not have: the merge uses the
    head's and still names the other at its file."""
    import datetime as dt

    from tests.mail.builders import fill_scores
    from tests.scoring_round import T1_SCORES

    books = returned_books(tmp_path / "books")
    issued = next(p for p in sorted((tmp_path / "books" / "outbox").glob("*.xlsx")) if "Van-phong" not in p.name)
    newer = tmp_path / "t1-moi.xlsx"
    fill_scores(issued, newer, T1_SCORES, dt.datetime(2026, 5, 14, 8, 0))
    folder = fresh_campaign(books, tmp_path / "truong")
    saved = tmp_path / "thu"
    saved.mkdir()
    (saved / "1.eml").write_bytes(returned_mail(SPOOFER, [("To khoi 1.xlsx", books.t1)], message_id="<1@x>"))
    (saved / "2.eml").write_bytes(returned_mail(ADDRESSES["T1"], [("To khoi 1 moi.xlsx", newer.read_bytes())],
                                                message_id="<2@x>"))
    assert CliRunner().invoke(main, ["collect", str(saved), str(folder)]).exit_code == 0
    merged = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--json", str(tmp_path / "bao-cao.json"),
                                       "-o", str(tmp_path / "tong-hop.xlsx")])
    assert merged.exit_code == 0, merged.output
    codes = {i["code"]: i for i in json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))["problems"]}
    assert codes["file.sender_unknown"]["file"] == "To khoi 1.xlsx" and "file.sender_unknown_used" not in codes


def test_the_department_s_address_typed_as_the_name_of_another_is_another_sender(tmp_path):
    """"lan.nguyen@truong-thu.edu.vn <to.khoi1.thi.dua@gmail.com>" is mail from the address in angle brackets — whose
    mailbox the replies reach and the mail servers check — showing the head's address as its name: never read as the
    head's."""
    books = returned_books(tmp_path / "books")
    folder = fresh_campaign(books, tmp_path / "truong")
    saved = tmp_path / "thu"
    saved.mkdir()
    mail = returned_mail(ADDRESSES["T1"], [("To khoi 1.xlsx", books.t1)], message_id="<1@x>")
    (saved / "1.eml").write_bytes(with_line(mail, b"From", f"{ADDRESSES['T1']} <{SPOOFER}>".encode()))

    collected = CliRunner().invoke(main, ["collect", str(saved), str(folder)])
    merged = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "--json", str(tmp_path / "bao-cao.json"),
                                       "-o", str(tmp_path / "tong-hop.xlsx")])

    assert collected.exit_code == 0 and merged.exit_code == 0, collected.output + merged.output
    said = " ".join(collected.output.split())
    assert f"(từ {ADDRESSES['T1']} <{SPOOFER}>" in said and "không phải địa chỉ" in said, said
    codes = {i["code"] for i in json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))["problems"]}
    assert "file.sender_unknown_used" in codes


def test_a_copy_already_filed_from_an_unknown_address_is_not_said_filed(tmp_path):
    """The same book again from an address its department does not have: nothing is filed (a byte-identical copy is
    there), and the warning says so rather than "filed all the same"."""
    books = returned_books(tmp_path / "books")
    folder = fresh_campaign(books, tmp_path / "truong")
    saved = tmp_path / "thu"
    saved.mkdir()
    (saved / "1.eml").write_bytes(returned_mail(ADDRESSES["T1"], [("To khoi 1.xlsx", books.t1)], message_id="<1@x>"))
    (saved / "2.eml").write_bytes(returned_mail(SPOOFER, [("To khoi 1 (chuyen tiep).xlsx", books.t1)],
                                                message_id="<2@x>"))

    collected = CliRunner().invoke(main, ["collect", str(saved), str(folder)])

    said = " ".join(collected.output.split())
    assert collected.exit_code == 0, said
    assert f"được gửi từ {SPOOFER}, không phải địa chỉ ghi trong chiến dịch ({ADDRESSES['T1']}); sổ giống hệt đã có " \
        "trong thư mục nhận về nên không xếp thêm" in said, said
    assert "Vẫn đã xếp" not in said
    assert len(list((folder / "inbox").rglob("*.xlsx"))) == 1


def test_a_message_naming_no_sender_is_not_the_department_s_own(tmp_path):
    """A mail without its From line (or with an empty one, and no Date either) is no mail from the department's
    address: collect and the merge say it as they say another address — a book the secretary put there by hand
    (no mail at all) says nothing."""
    books = returned_books(tmp_path / "books")
    folder = fresh_campaign(books, tmp_path / "truong")
    saved = tmp_path / "thu"
    saved.mkdir()
    mail = returned_mail(ADDRESSES["T1"], [("To khoi 1.xlsx", books.t1)], message_id="<1@x>")
    head, _, body = mail.partition(b"\r\n\r\n")
    kept = [h for h in head.split(b"\r\n") if not h.lower().startswith((b"from:", b"date:"))]
    (saved / "1.eml").write_bytes(b"\r\n".join(kept) + b"\r\n\r\n" + body)

    collected = CliRunner().invoke(main, ["collect", str(saved), str(folder)])
    assert collected.exit_code == 0, collected.output
    assert "được gửi từ (để trống – thư không ghi người gửi), không phải địa chỉ ghi trong chiến dịch" \
        in " ".join(collected.output.split())
    merged = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(tmp_path / "tong-hop.xlsx")])
    assert merged.exit_code == 0, merged.output
    assert (f"Sổ của Tổ khối 1 được dùng gửi đến từ địa chỉ (để trống – thư không ghi người gửi), không "
            f"phải địa chỉ của tổ trong campaign.xlsx ({ADDRESSES['T1']})") in " ".join(merged.output.split())
