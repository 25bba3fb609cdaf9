"""The commune officer's word bound to what she decided: each of her marks holds for the proposal its line showed her
(school, person, title, the school file's fingerprint), as the commune's sealed record keeps it, never for a row's
name alone; her book is the one the commune's merge wrote for her, sealed with its key. Two held lines of one teacher
swapped in the spreadsheet decide nothing and are said; the copy the merge mails on (``--thu``), ticked by whoever
receives it, is refused by name; a record this release does not write is refused by name, never read as another
file; a book of an earlier release is asked again (docs/security.md: what the officer's seal proves).

The commune is the shipped one (samples/cap-xa/) with Trực Cường's final summary alone, sent without its seal: every
line of it waits for the officer, among them one teacher's LĐTT and her CSTĐCS. The merges that apply her marks run in
a process of their own, as her terminal runs them; the refusals in this one (tests/message_codes.py counts their
words)."""

from __future__ import annotations

import email
import json
import shutil
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.summary_meta import raw_meta, rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.commune import OFFICER_SEAL_FIELD, officer_seal
from thidua_xlsx.text import commune as lx

ROOT = Path(__file__).resolve().parents[2]
COMMUNE = ROOT / "samples" / "cap-xa"
SCHOOL = "Trường Tiểu học Trực Cường"
TEACHER = "Trịnh Thị Hải Yến"  # held for LĐTT and for CSTĐCS: two lines of the sheet Chờ quyết định
LDTT, CSTDCS = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"
ACCEPT, REMOVE = "Đã đối chiếu dấu vân tay với trường", "Chưa đủ minh chứng sáng kiến"


def merge(folder: Path, *args) -> tuple[int, str]:
    """``thidua-xlsx merge <folder>/inbox …`` in a process of its own: its exit code and what it said, on one line."""
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", str(folder / "inbox"), *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    return done.returncode, " ".join((done.stdout + done.stderr).split())


def merge_here(folder: Path, *args) -> tuple[int, str]:
    """The same merge in this process (what it says counted among the codes the suite makes: tests/message_codes.py)."""
    done = CliRunner().invoke(main, ["merge", str(folder / "inbox"), *map(str, args)])
    return done.exit_code, " ".join(done.output.split())


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    root = tmp_path_factory.mktemp("marks")
    folder = root / "cap-xa"
    shutil.copytree(COMMUNE, folder, ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx", "xa.json"))
    (folder / "inbox" / "TH-Truc-Cuong_tong-hop.xlsx").unlink()  # its final summary alone …
    final = folder / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx"
    rewrite_meta(final, final, lambda data: {**data, "seal": ""})  # … without its seal: every line of it held
    code, said = merge(folder, "-o", root / "tong-hop-xa.xlsx", "--thu", root / "thu")
    assert code == 0, said
    return {"root": root, "folder": folder, "book": root / "tong-hop-xa.xlsx"}


def _teacher_rows(ws) -> dict[str, int]:
    """Her held lines: the title each reads → its row."""
    return {row[4].value: row[0].row for row in ws.iter_rows() if (row[1].value, row[2].value) == (TEACHER, SCHOOL)}


def _marked(book: Path, target: Path, *, swapped: bool) -> dict[str, int]:
    """Her two lines (swapped first, every visible cell moved, as rows cut and pasted in Excel), then the officer's
    marks on the lines as they read: the one reading LĐTT accepted, the one reading CSTĐCS taken off. Returns the
    row of each as it reads."""
    wb = load_workbook(book)
    ws = wb[lx.S_HELD]
    rows = _teacher_rows(ws)
    assert set(rows) == {LDTT, CSTDCS}
    if swapped:
        for column in range(1, len(lx.HELD_HEAD) + 1):
            one, other = ws.cell(rows[LDTT], column), ws.cell(rows[CSTDCS], column)
            one.value, other.value = other.value, one.value
        rows = _teacher_rows(ws)
    ws.cell(rows[LDTT], 7).value, ws.cell(rows[LDTT], 8).value = "x", ACCEPT
    ws.cell(rows[CSTDCS], 8).value = REMOVE
    wb.save(target)
    return rows


def _decided(path: Path) -> dict[str, list[str]]:
    """Her titles as the merge's JSON gives them: accepted, removed, still held."""
    data = json.loads(path.read_text("utf-8"))
    who = {p["who"] for p in data["held"] + data["proposals"] if p["name"] == TEACHER and p["school"] == "TH-TC"}
    return {part: sorted(p["title"] for p in data[part] if p["who"] in who and p["school"] == "TH-TC")
            for part in ("accepted", "removed", "held")}


def test_her_marks_on_the_lines_as_written_decide_each_its_own_title(commune):
    root = commune["root"]
    _marked(commune["book"], root / "duyet.xlsx", swapped=False)
    code, said = merge(commune["folder"], "--council", root / "duyet.xlsx", "-o", root / "sau.xlsx", "--json",
                       root / "sau.json")
    assert code == 0, said
    assert _decided(root / "sau.json") == {"accepted": ["LDTT"], "removed": ["CSTDCS"], "held": []}
    assert f"{TEACHER} ({SCHOOL}) – {LDTT}: công chức nhận đề nghị tạm giữ" in said


def test_two_held_lines_of_one_teacher_swapped_decide_nothing_and_are_said(commune):
    """Her LĐTT line and her CSTĐCS line swapped, then marked as they read: the name on each is hers, but neither
    line is the one the record keeps there. Before, her x on the line reading LĐTT accepted CSTĐCS; now neither mark
    decides, both proposals still wait for her, and each line is said with what it shows and what the record says."""
    root = commune["root"]
    rows = _marked(commune["book"], root / "doi-cho.xlsx", swapped=True)
    code, said = merge(commune["folder"], "--council", root / "doi-cho.xlsx", "-o", root / "doi-cho-sau.xlsx",
                       "--json", root / "doi-cho-sau.json")
    assert code == 0, said
    assert _decided(root / "doi-cho-sau.json") == {"accepted": [], "removed": [], "held": ["CSTDCS", "LDTT"]}
    for shows, record in ((LDTT, CSTDCS), (CSTDCS, LDTT)):
        assert f"Dòng {rows[shows]} của sheet {lx.S_HELD} ghi '{TEACHER} – {SCHOOL} – " in said
        assert f" – {shows}' nhưng phần ghi ẩn của dòng là {TEACHER} ({SCHOOL}) – {record}: dòng đã bị đổi chỗ " \
               "hoặc bị sửa sau khi chương trình ghi, không quyết định gì theo dòng này" in said
    assert f"{TEACHER} ({SCHOOL}) – {CSTDCS}: công chức nhận" not in said and "được bỏ khỏi danh sách" not in said


def _attachment(folder: Path, target: Path) -> Path:
    """The commune's summary as the mail drafted by ``merge --thu`` carries it, saved as whoever receives it would."""
    [draft] = folder.glob("gui_*.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    [part] = [p for p in message.iter_attachments() if p.get_filename().endswith(".xlsx")]
    target.write_bytes(part.get_payload(decode=True))
    return target


def test_the_copy_mailed_on_shows_her_book_and_ticked_by_someone_else_decides_nothing(commune):
    """The summary attached to the mail to the level above reads as her book does, sheet by sheet; ticked by whoever
    received it and given back as the officer's pass, it is refused by name and the merge writes nothing."""
    root = commune["root"]
    sent = _attachment(root / "thu", root / "nhan-qua-thu.xlsx")
    assert sent.read_bytes() != commune["book"].read_bytes()
    mine, theirs = load_workbook(commune["book"]), load_workbook(sent)
    assert mine.sheetnames == theirs.sheetnames
    for name in mine.sheetnames[:-1]:  # the last: the very hidden record
        assert list(mine[name].values) == list(theirs[name].values), name
    assert raw_meta(sent).get("purpose") == "sent" and "held" not in raw_meta(sent)  # no line recorded
    _marked(sent, root / "danh-dau-ban-gui.xlsx", swapped=False)
    code, said = merge_here(commune["folder"], "--council", root / "danh-dau-ban-gui.xlsx", "-o",
                            root / "ban-gui-sau.xlsx")
    assert code == 1, said
    assert "'danh-dau-ban-gui.xlsx' là bản gửi đi (bản chương trình đính kèm thư gửi cấp trên), không phải sổ duyệt " \
           "của công chức – không quyết định gì theo tệp này" in said
    assert not (root / "ban-gui-sau.xlsx").exists()


def _resealed(commune, target: Path, change) -> Path:
    """Her book with its record changed by ``change`` and sealed again with the commune's key, as only a program of
    that commune could: what another release of the tool would write."""
    key, _made = commune_key(commune["folder"])

    def sealed(data: dict) -> None:
        change(data)
        data[OFFICER_SEAL_FIELD] = officer_seal(key, data)

    _marked(commune["book"], target, swapped=False)
    return rewrite_meta(target, target, sealed, by_hand=True)


def test_a_record_this_release_does_not_write_is_refused_by_name_not_read(commune):
    root = commune["root"]

    def row_as_text(data: dict) -> None:
        data["held"]["rows"][0][0] = str(data["held"]["rows"][0][0])

    _resealed(commune, root / "la.xlsx", row_as_text)
    code, said = merge_here(commune["folder"], "--council", root / "la.xlsx", "-o", root / "la-sau.xlsx")
    assert code == 1 and "Traceback" not in said, said
    assert "'la.xlsx' có phần ghi ẩn của xã mà phiên bản chương trình này không đọc được" in said
    assert not (root / "la-sau.xlsx").exists()


def test_her_book_of_an_earlier_release_keeps_her_removal_and_asks_her_acceptance_again(commune):
    """A book written before the lines' identities were sealed (no purpose, lines of six): it could be a copy mailed on
    by that release, so no acceptance of it decides — the line waits for her again, her reason shown; a removal is
    kept (it signs nothing, it is shown with its reason among the lines taken off), never silently undone."""
    root = commune["root"]

    def as_before(data: dict) -> None:
        for record in (data, data["held"]):
            record.pop("purpose", None), record.pop("shown", None)
        for lines in (data["rows"], data["removed_rows"], data["held"]["rows"]):
            for line in lines:
                del line[6:]  # row, school, kind, who, title, fingerprint

    _resealed(commune, root / "truoc.xlsx", as_before)
    code, said = merge(commune["folder"], "--council", root / "truoc.xlsx", "-o", root / "truoc-sau.xlsx", "--json",
                       root / "truoc-sau.json")
    assert code == 0, said
    assert "'truoc.xlsx' do phiên bản trước ghi" in said and "đề nghị công chức đã bỏ vẫn bỏ" in said
    assert _decided(root / "truoc-sau.json") == {"accepted": [], "removed": ["CSTDCS"], "held": ["LDTT"]}
    assert f"công chức đã nhận đề nghị này ở sổ duyệt của phiên bản trước (lý do: {ACCEPT})" in said


def test_her_book_without_the_sheet_she_marks_is_refused_by_name(commune):
    root = commune["root"]
    wb = load_workbook(commune["book"])
    wb[lx.S_HELD].title = "Chờ"
    wb.save(root / "doi-ten.xlsx")
    code, said = merge_here(commune["folder"], "--council", root / "doi-ten.xlsx", "-o", root / "doi-ten-sau.xlsx")
    assert code == 1, said
    assert f"'doi-ten.xlsx' không còn sheet '{lx.S_HELD}' chương trình đã ghi (bị xoá hoặc đổi tên)" in said


def test_two_listed_lines_of_one_teacher_moved_between_lists_decide_nothing_and_are_said(commune):
    """On sheet Danh sách a line's title is the list it stands in: Trần Văn Đức's CSTĐCS line and his LĐTT line
    swapped between the two lists, each now stands under the other's heading with the other's grounds. The officer
    takes off the line standing in the LĐTT list: it is not the line the record keeps there, so nothing is taken off;
    the proposal waits for her, and the line is said."""
    root = commune["root"]
    wb = load_workbook(commune["book"])
    ws = wb[lx.S_LISTS]
    rows = [row[0].row for row in ws.iter_rows() if row[1].value == "Trần Văn Đức"]
    assert len(rows) == 2
    first, second = rows  # CSTĐCS's list comes first (a decision's order)
    for column in range(1, len(lx.LISTS_HEAD) + 1):
        one, other = ws.cell(first, column), ws.cell(second, column)
        one.value, other.value = other.value, one.value
    ws.cell(second, 6).value, ws.cell(second, 7).value = None, REMOVE  # in the LĐTT list, as it stands now
    wb.save(root / "danh-sach.xlsx")
    code, said = merge(commune["folder"], "--council", root / "danh-sach.xlsx", "-o", root / "danh-sach-sau.xlsx",
                       "--json", root / "danh-sach-sau.json")
    assert code == 0, said
    data = json.loads((root / "danh-sach-sau.json").read_text("utf-8"))
    assert not [p for p in data["removed"] if p["school"] == "TH-TN"]
    his = [h["title"] for h in data["held"] if (h["school"], h["name"]) == ("TH-TN", "Trần Văn Đức")]
    assert his == ["LDTT"]  # held for her again; his CSTĐCS line, ticked with no reason, stays as it was
    assert f"Dòng {second} của sheet {lx.S_LISTS} ghi 'Trần Văn Đức – " in said
    assert "nhưng phần ghi ẩn của dòng là Trần Văn Đức (Trường Tiểu học Thử Nghiệm) – Lao động tiên tiến: dòng đã " \
           "bị đổi chỗ" in said


@pytest.mark.libreoffice
def test_her_book_ticked_and_saved_in_libreoffice_decides_each_line_it_shows(commune):
    """Her book typed into in a real LibreOffice (its two yellow cells of each of the teacher's held lines) and saved as
    .xlsx: every line still reads as the tool wrote it, so each mark decides its own line — what the lines show is
    read back as a spreadsheet program saves it, never taken for a swap."""
    from tests.libreoffice import fill

    root = commune["root"]
    rows = _teacher_rows(load_workbook(commune["book"])[lx.S_HELD])
    report = fill(commune["book"], [{"sheet": lx.S_HELD, "cell": f"G{rows[LDTT]}", "value": "x"},
                                    {"sheet": lx.S_HELD, "cell": f"H{rows[LDTT]}", "value": ACCEPT},
                                    {"sheet": lx.S_HELD, "cell": f"H{rows[CSTDCS]}", "value": REMOVE}],
                  [], out_xlsx=root / "lo.xlsx")
    assert {f["status"] for f in report["fills"]} == {"accepted"}, report["fills"]
    code, said = merge(commune["folder"], "--council", root / "lo.xlsx", "-o", root / "lo-sau.xlsx", "--json",
                       root / "lo-sau.json")
    assert code == 0, said
    assert _decided(root / "lo-sau.json") == {"accepted": ["LDTT"], "removed": ["CSTDCS"], "held": []}
    assert "dòng đã bị đổi chỗ" not in said


def test_her_book_with_a_seal_of_letters_outside_ascii_is_refused_not_a_fault(commune):
    """The record's seal is a cell anyone can type into: any text there is a seal that does not hold, compared as bytes
    (hmac.compare_digest refuses a str with a letter outside ASCII), never "Lỗi nội bộ"."""
    root = commune["root"]
    _marked(commune["book"], root / "dau-la.xlsx", swapped=False)
    rewrite_meta(root / "dau-la.xlsx", root / "dau-la.xlsx", lambda data: {**data, OFFICER_SEAL_FIELD: "ễ" * 64},
                 by_hand=True)
    code, said = merge_here(commune["folder"], "--council", root / "dau-la.xlsx", "-o", root / "dau-la-sau.xlsx")
    assert "Lỗi nội bộ" not in said and "Traceback" not in said, said
    assert code == 1 and not (root / "dau-la-sau.xlsx").exists(), said
    assert "'dau-la.xlsx' không còn đúng dấu của xã (phần ghi ẩn của sổ bị sửa sau khi chương trình ghi, hoặc sổ của " \
           "đơn vị khác) – không quyết định gì theo sổ này" in said
