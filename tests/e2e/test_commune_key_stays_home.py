"""The commune's key stays home: whatever a full commune run writes — its summaries, the JSON, the papers and their
PDFs, the province's import files, the mail drafts, the page's officer book, the runs record — carries neither the key,
nor a key derived from it, nor any school's code, nor anything the campaign id (printed in them, public) would make
them from; nor does anything else in the commune's folder but the key file, nor what the runs print and the page
shows, unless the officer asked for a code (``status --ma``). Run on the shipped commune and on one made by ``init
--level cap-xa``."""

from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
import zipfile
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.commune_fixtures import as_before_keys, holds_a_code, set_field
from tests.ui.pages import TOKEN, client, text, wait_job
from thidua_xlsx.cli import main
from thidua_xlsx.commune.read_book import load_level_above_book
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.commune_key import OFFICER_SEAL_LABEL, SCHOOL_CODE_LABEL, CommuneKey, legacy_school_code
from thidua_xlsx.model.places import COMMUNE_KEY_FILE, INBOX, LEVEL_ABOVE_BOOK, RUNS_RECORD
from thidua_xlsx.ui.security import form_token

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CSRF = {"csrf": form_token(TOKEN)}
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_+/=-]{8,}")


def _shipped(root: Path) -> Path:
    folder = root / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def _made_by_init(root: Path) -> Path:
    """A commune made by init (its own random key), its year the samples', receiving the samples' schools."""
    folder = root / "xa"
    assert CliRunner().invoke(main, ["init", str(folder), "--level", "cap-xa"]).exit_code == 0
    set_field(folder / LEVEL_ABOVE_BOOK, "Năm học", "2025-2026")
    shutil.rmtree(folder / INBOX)
    shutil.copytree(SAMPLES / "cap-xa" / INBOX, folder / INBOX)
    return folder


def _texts(data: bytes) -> list[str]:
    """What a file says, every part of it: a zip's (workbook, Word paper) parts, a PDF's text, a mail's parts and
    attachments, else its bytes."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [zf.read(name).decode("utf-8", "replace") for name in zf.namelist()]
    if data[:4] == b"%PDF":
        said = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
        return [said.decode("utf-8", "replace"), data.decode("latin-1")]
    mail = BytesParser(policy=policy.default).parsebytes(data) if b"MIME-Version" in data[:2000] else None
    if mail is not None and mail.is_multipart():
        return [data.decode("utf-8", "replace"), *(said for part in mail.walk() if not part.is_multipart()
                                                   for said in _texts(part.get_payload(decode=True) or b""))]
    return [data.decode("utf-8", "replace")]


def _full_run(folder: Path, outside: Path) -> list[str]:
    """The officer's year: ``status``, the codes asked for (``--ma``) and drafted outside the folder (``--thu``);
    merge on the page, the officer's pass on the page, then the terminal's merge with every output. What each run
    printed but the codes asked for, and what the page showed."""
    campaign, _problems = load_level_above_book(folder / LEVEL_ABOVE_BOOK)
    schools = [f"  {s.name}: " for s in campaign.schools]
    said = [CliRunner().invoke(main, ["status", str(folder / INBOX)]).output]
    asked = CliRunner().invoke(main, ["status", str(folder / INBOX), "--ma"])
    assert asked.exit_code == 0 and all(s in asked.output for s in schools), asked.output  # shown: never kept
    drafted = CliRunner().invoke(main, ["status", str(folder / INBOX), "--thu", str(outside)])
    assert drafted.exit_code == 0 and len(list(outside.glob("ma_*.eml"))) == len(schools), drafted.output
    said.append(drafted.output)
    _app, found = client(folder)
    answer = found.post("/xa/tong-hop", data=CSRF)
    assert answer.status_code == 303 and wait_job(found, answer.headers["Location"])["state"] == "done"
    said.append(found.get(answer.headers["Location"]).data.decode())  # the page's run log
    page = found.get("/").data.decode()
    n, key = re.search(r'name="dong-(\d+)" value="([^"]*)"', page).groups()
    answer = found.post("/xa/duyet", data={**CSRF, f"dong-{n}": key, f"quyet-{n}": "nhan",
                                           f"ly-do-{n}": "Đã đối chiếu với trường"})
    assert answer.status_code == 303, text(answer)
    assert wait_job(found, answer.headers["Location"])["state"] == "done"
    said += [page, found.get(answer.headers["Location"]).data.decode(), found.get("/").data.decode()]
    assert (folder / "hoi-dong" / "xa-duyet.xlsx").is_file()
    done = CliRunner().invoke(main, [
        "merge", str(folder / INBOX), "--council", str(folder / "hoi-dong" / "xa-duyet.xlsx"), "-o",
        str(folder / "duyet.xlsx"), "--json", str(folder / "duyet.json"), "--docs", str(folder / "ho-so"),
        "--xuat-tinh", str(folder / "xuat-tinh"), "--thu", str(folder / "thu"), "--pdf"])
    assert done.exit_code == 0, done.output
    return [*said, done.output]


@pytest.mark.parametrize("make", [_shipped, _made_by_init], ids=["the shipped commune", "a commune made by init"])
def test_no_output_of_a_full_commune_run_makes_a_school_s_code_or_the_officer_s_seal(tmp_path, make):
    folder = make(tmp_path)
    printed = _full_run(folder, tmp_path / "thu-ma")
    campaign, _problems = load_level_above_book(folder / LEVEL_ABOVE_BOOK)
    key, made = commune_key(folder)
    assert campaign is not None and not made
    codes = {key.school_code(s.code, campaign.school_year) for s in campaign.schools}
    secrets = {key.secret.hex(), key.secret.hex().upper(), base64.b64encode(key.secret).decode(),
               base64.b32encode(key.secret).decode(), *(key._derived(label).hex()
                                                         for label in (SCHOOL_CODE_LABEL, OFFICER_SEAL_LABEL))}
    inputs = {folder / LEVEL_ABOVE_BOOK, folder / COMMUNE_KEY_FILE}
    outputs = [p for p in folder.rglob("*") if p.is_file() and p not in inputs and INBOX not in p.relative_to(
        folder).parts]
    kinds = {p.suffix for p in outputs}
    assert {".xlsx", ".json", ".docx", ".pdf", ".eml"} <= kinds and len(outputs) >= 12, outputs
    assert (folder / "duyet.xlsx").is_file() and any((folder / "xuat-tinh").iterdir())
    assert (folder / RUNS_RECORD) in outputs and "status" in (folder / RUNS_RECORD).read_text(encoding="utf-8")
    printed_id = False
    for path in outputs:
        said = "\n".join(_texts(path.read_bytes()))
        printed_id |= campaign.id in said
        assert not [s for s in secrets if s in said], path
        assert not holds_a_code(said, codes), path
        for token in set(TOKEN_PATTERN.findall(said)):  # nothing printed keys what the commune issues
            assert not codes & {legacy_school_code(token, s.code, campaign.school_year) for s in campaign.schools}
    assert printed_id  # the campaign id is public, printed in the commune's summary and JSON: it keys nothing
    assert not codes & {legacy_school_code(campaign.id, s.code, campaign.school_year) for s in campaign.schools}
    for path in (p for p in folder.rglob("*") if p.is_file() and p != folder / COMMUNE_KEY_FILE):  # the inbox too
        assert not holds_a_code("\n".join(_texts(path.read_bytes())), codes), path
    for said in printed:  # what the runs printed and the page showed: no code unless asked for
        assert not holds_a_code(said, codes)


def test_the_key_file_is_random_the_commune_s_own_and_kept_across_init(tmp_path):
    one, two = tmp_path / "a", tmp_path / "b"
    for folder in (one, two):
        assert CliRunner().invoke(main, ["init", str(folder), "--level", "cap-xa"]).exit_code == 0
    first, second = commune_key(one)[0], commune_key(two)[0]
    assert first != second and len(first.secret) == 32
    if hasattr(__import__("os"), "geteuid"):
        assert (one / COMMUNE_KEY_FILE).stat().st_mode & 0o077 == 0  # the commune's alone
    again = CliRunner().invoke(main, ["init", str(one), "--level", "cap-xa", "--force"])
    assert again.exit_code == 0 and commune_key(one)[0] == first  # the codes issued stay valid


def test_a_commune_made_before_the_key_gets_one_at_its_first_opening_said_once(tmp_path):
    folder = _shipped(tmp_path)
    (folder / COMMUNE_KEY_FILE).unlink()  # as a release before 0.8 left the folder: no key, its book of 0.7
    as_before_keys(folder / LEVEL_ABOVE_BOOK)
    first = CliRunner().invoke(main, ["status", str(folder / INBOX)])
    said = " ".join(first.output.split())
    assert "Đã tạo khóa bí mật của đơn vị (khoa-bi-mat.txt, trong thư mục này)" in said
    assert "Cần làm: gửi riêng mỗi trường mã mới của mình" in said
    key = commune_key(folder)[0]
    assert key.school_code("TH-TC", "2025-2026") not in first.output  # a secret: said when asked (status --ma)
    assert "lệnh status --ma" in said
    again = CliRunner().invoke(main, ["status", str(folder / INBOX)])
    assert "Đã tạo khóa bí mật" not in again.output and commune_key(folder)[0] == key


def test_a_damaged_key_file_stops_the_run_and_is_never_replaced(tmp_path):
    folder = _shipped(tmp_path)
    (folder / COMMUNE_KEY_FILE).write_text("khoa=12ab\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["merge", str(folder / INBOX)])
    said = " ".join(done.output.split())
    assert done.exit_code == 1 and "Tệp khóa bí mật 'khoa-bi-mat.txt' của đơn vị không đọc được" in said
    assert "chép lại tệp này từ bản sao lưu" in said and "Lỗi nội bộ" not in said
    assert (folder / COMMUNE_KEY_FILE).read_text(encoding="utf-8") == "khoa=12ab\n"
    assert not (folder / "tong-hop-cac-truong.xlsx").exists()


def test_the_key_never_shows_in_its_own_repr():
    key = CommuneKey(bytes(range(32)))
    assert key.secret.hex() not in repr(key) and "secret" not in repr(key)
    with pytest.raises(ValueError):
        CommuneKey(b"short")



def test_the_page_never_hands_out_the_key(tmp_path):
    folder = _shipped(tmp_path)
    _app, found = client(folder)
    key = folder / COMMUNE_KEY_FILE
    # A key moved aside (still the real one), and the names Windows opens as the key itself — its trailing dots and
    # spaces dropped: on Linux each its own file, with the key's bytes.
    asked_for = ("khoa-bi-mat.hong-20261128-1000.txt", f"{COMMUNE_KEY_FILE}.", f"{COMMUNE_KEY_FILE} ",
                 f"{COMMUNE_KEY_FILE} .", "Khoa-Bi-Mat.Da-Thay-20261128-1000.TXT")
    for name in asked_for:
        (folder / name).write_bytes(key.read_bytes())
    for asked in (COMMUNE_KEY_FILE, COMMUNE_KEY_FILE.upper(), *asked_for):
        answer = found.get("/tep", query_string={"p": asked})
        assert answer.status_code == 404 and b"khoa=" not in answer.data, asked
    with found.get("/tep", query_string={"p": LEVEL_ABOVE_BOOK}) as book:  # her book, as before
        assert book.status_code == 200 and book.data[:2] == b"PK"
