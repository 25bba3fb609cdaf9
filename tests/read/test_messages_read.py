"""Messages of the reading step no other test provoked: an inbox entry or a book brought back that is
wrong in one way, and what the secretary reads about it (the file, the sheet or cell, the words)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.corpus import fail_on_khoi_1, meta_edit, valid_inbox
from tests.filling import fill, labelled_row, sheet
from tests.summary_meta import as_written
from thidua_xlsx.cli import EXIT_UNUSABLE, main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.write.summary import write_summary


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _outcome(summary, name: str):
    """(status, reason, what the secretary reads) of the inbox entry ``name``."""
    entry = next(f for f in summary.files if f.name == name)
    return entry.status, entry.reason, entry.issues[-1].render()


# --- inbox entries that are not read -----------------------------------------------------------------

def test_a_link_to_a_workbook_of_the_inbox_is_skipped_and_the_workbook_read_once(base, tmp_path):
    inbox = valid_inbox(base, tmp_path / "inbox")
    (inbox / "loi-tat.xlsx").symlink_to(inbox / base["t1"].name)
    summary = merge_inbox(inbox, base["folder"])
    assert _outcome(summary, "loi-tat.xlsx") == (
        "skipped", "file.link_inside",
        "[loi-tat.xlsx] Lối tắt (symlink) tới một tệp trong thư mục – bỏ qua, tệp thật đã được đọc; không cần sửa.")
    assert {f.name: f.status for f in summary.files}[base["t1"].name] == "accepted"


def test_a_folder_the_system_will_not_open_is_said_and_the_others_read(base, tmp_path, monkeypatch):
    inbox = valid_inbox(base, tmp_path / "inbox")
    private = inbox / "Thư riêng"
    private.mkdir()
    (private / "so-to-3.xlsx").write_bytes(base["t1"].read_bytes())
    real = os.scandir

    def refuse(path):
        if Path(path) == private:
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(os, "scandir", refuse)  # the OS refusing: root cannot make chmod 000 refuse
    summary = merge_inbox(inbox, base["folder"])
    status, reason, said = _outcome(summary, "Thư riêng")
    assert (status, reason) == ("rejected", "file.unreadable_folder")
    assert said == ("[Thư riêng] Không mở được thư mục này (không có quyền đọc) – các tệp bên trong chưa được "
                    "đọc. Hãy cấp quyền đọc hoặc chép tệp ra ngoài.")
    assert sorted(f.status for f in summary.files) == ["accepted", "accepted", "rejected"]


def test_a_folder_gone_while_the_inbox_is_read_is_said_gone_not_refused(base, tmp_path, monkeypatch):
    inbox = valid_inbox(base, tmp_path / "inbox")
    moved = inbox / "Thư cũ"
    moved.mkdir()
    real = os.scandir

    def gone(path):
        if Path(path) == moved:
            raise FileNotFoundError(2, "No such file or directory")
        return real(path)
    monkeypatch.setattr(os, "scandir", gone)  # moved away by the mail program between the listing and its reading
    summary = merge_inbox(inbox, base["folder"])
    status, reason, said = _outcome(summary, "Thư cũ")
    assert (status, reason) == ("rejected", "file.folder_gone")
    assert said == ("[Thư cũ] Không có thư mục này (gõ sai tên, hoặc thư mục vừa bị xóa, đổi tên hay chuyển đi) – "
                    "không tệp nào bên trong được đọc. Hãy kiểm tra lại thư mục rồi chạy lại.")  # not "no permission"
    assert sorted(f.status for f in summary.files) == ["accepted", "accepted", "rejected"]


def test_a_file_too_big_for_a_workbook_is_not_read(base, tmp_path):
    inbox = valid_inbox(base, tmp_path / "inbox")
    with open(inbox / "video-hop-to.xlsx", "wb") as handle:  # 25 MB, sparse: a video renamed by mistake
        handle.truncate(25 * 1024 * 1024)
    summary = merge_inbox(inbox, base["folder"])
    assert _outcome(summary, "video-hop-to.xlsx") == (
        "rejected", "file.too_big", "[video-hop-to.xlsx] Tệp quá lớn (25 MB, giới hạn 20 MB) so với một sổ thi đua – "
                                    "không đọc. Hãy nhờ tổ gửi lại đúng sổ đã được phát.")


def test_a_file_that_needs_more_memory_than_there_is_is_its_own_outcome(base, tmp_path, monkeypatch):
    inbox = valid_inbox(base, tmp_path / "inbox")

    def out_of_memory():
        raise MemoryError
    fail_on_khoi_1(monkeypatch, out_of_memory)
    summary = merge_inbox(inbox, base["folder"])
    assert _outcome(summary, base["t1"].name) == (
        "rejected", "file.too_big_to_read", f"[{base['t1'].name}] Tệp cần quá nhiều bộ nhớ để đọc – không đọc. Hãy "
                                            "nhờ tổ gửi lại đúng sổ đã được phát.")
    assert {f.name: f.status for f in summary.files}[base["t2"].name] == "accepted"


def test_a_workbook_of_a_newer_template_asks_for_an_update(base, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    version = f'"template_version":{ly.TEMPLATE_VERSION}'
    (inbox / "so-moi.xlsx").write_bytes(meta_edit(base["t2"], lambda col: [col[0], "".join(
        c for c in col[1:] if c).replace(version, '"template_version":99')]))
    summary = merge_inbox(inbox, base["folder"])
    assert _outcome(summary, "so-moi.xlsx") == (
        "rejected", "file.newer_version", "[so-moi.xlsx] Sổ được tạo bằng phiên bản mẫu 99, mới hơn chương trình "
                                          "này. Hãy cập nhật thidua-xlsx.")


# --- sheets of a returned workbook ----------------------------------------------------------------------

def test_a_form_sheet_copied_in_the_workbook_is_said_and_read_once(base, tmp_path):
    t1 = base["t1"]
    rec = sheet(t1, ly.ScoringSheet, "GV01")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wb = load_workbook(t1)
    copy = wb.copy_worksheet(wb[rec.name])  # a teacher's "Move or Copy… → Create a copy"
    wb.save(inbox / t1.name)
    summary = merge_inbox(inbox, base["folder"])
    duplicate, = [i for i in summary.issues if i.code == "sheet.form_copy_same"]
    assert (duplicate.file, duplicate.sheet, duplicate.cell, duplicate.severity) == \
        (t1.name, copy.title, rec.marker_cell, "warning")
    assert duplicate.message == (f"Sheet '{copy.title}' chép phiếu của Nguyễn Thị Lan (GV01), giống hệt sheet "
                                 f"'{rec.name}' (sheet được dùng). Hãy xóa bản sao.")
    gv01 = next(p for p in summary.people if p.code == "GV01")
    assert gv01.final == base["clean"]["GV01"][0]  # one of the two is read, the copy counts nothing


def test_a_department_sheet_copied_in_the_workbook_is_said_and_the_first_read(base, tmp_path):
    t1 = base["t1"]
    first = sheet(t1, ly.DepartmentSheet).name
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    wb = load_workbook(t1)
    copy = wb.copy_worksheet(wb[first])
    wb.save(inbox / t1.name)
    summary = merge_inbox(inbox, base["folder"])
    duplicate, = [i for i in summary.issues if i.code == "sheet.duplicate"]
    assert (duplicate.file, duplicate.sheet) == (t1.name, copy.title)
    assert duplicate.message == (f"Sheet '{copy.title}' lặp lại một phiếu đã có (sheet '{first}'); chỉ đọc phiếu "
                                 "thứ nhất. Hãy xóa bản sao.")


def test_a_form_whose_table_header_was_typed_over_is_said_and_not_scored(base, tmp_path):
    t1 = base["t1"]
    rec = sheet(t1, ly.ScoringSheet, "GV02")
    head = labelled_row(t1, rec.name, "Mã", column="A")
    inbox = tmp_path / "inbox"
    fill(t1, inbox / t1.name, {(rec.name, f"{rec.self_column}{head}"): "Điểm"}, allow_locked=True)
    summary = merge_inbox(inbox, base["folder"])
    missing, = [i for i in summary.issues if i.code == "sheet.table_missing"]
    assert (missing.file, missing.sheet) == (t1.name, rec.name)
    assert missing.message == ("Không tìm thấy bảng tiêu chí (dòng tiêu đề Mã / Nội dung tiêu chí / Tự chấm / Tổ "
                               "chấm) trong phiếu; không đọc được điểm. Hãy nhờ tổ gửi lại phiếu đúng mẫu.")


# --- the secretary's own books: the campaign book, a summary brought back -------------------------------------

def test_a_campaign_book_far_too_big_is_refused_before_it_is_read(tmp_path):
    camp = tmp_path / "camp"
    camp.mkdir()
    with open(camp / "campaign.xlsx", "wb") as handle:  # 300 MB, sparse
        handle.truncate(300 * 1024 * 1024)
    result = run("generate", camp, "--round", "dang-ky", "-o", tmp_path / "out")
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert ("'campaign.xlsx' quá lớn (300 MB) hoặc nén bất thường so với một sổ chiến dịch hay bảng tổng hợp (giới "
            "hạn 256 MB, giải nén 2048 MB) – không đọc vì an toàn.") in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def summaries(base):
    """The registration summary the scoring round was made from, and the scoring round's summary."""
    scoring = base["root"] / "tong-hop-cham-diem.xlsx"
    write_summary(merge_inbox(base["t1"].parent, base["folder"]), scoring)
    return {"registration": base["root"] / "dang-ky" / "tong-hop-dang-ky.xlsx", "scoring": scoring}


def _generate_from(base, tmp_path, summary: Path):
    result = run("generate", base["folder"].folder, "--round", "cham-diem", "-o", tmp_path / "out", "--from", summary)
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert not (tmp_path / "out").exists()
    return result.stderr


def test_generate_from_a_broken_file_names_it(base, tmp_path):
    broken = tmp_path / "tong-hop-dang-ky.xlsx"
    broken.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    said = _generate_from(base, tmp_path, broken)
    assert f"Không đọc được bảng tổng hợp đăng ký '{broken}'. Hãy dùng tệp do 'thidua-xlsx merge' tạo từ vòng " \
           "đăng ký." in said


def test_generate_from_a_departments_workbook_is_refused(base, tmp_path):
    said = _generate_from(base, tmp_path, base["t1"])
    assert f"'{base['t1']}' không phải bảng tổng hợp do thidua-xlsx tạo (không có thông tin nhận diện)." in said


def test_generate_from_the_scoring_summary_asks_for_the_registration_one(base, tmp_path, summaries):
    said = _generate_from(base, tmp_path, summaries["scoring"])
    assert f"Bảng tổng hợp '{summaries['scoring']}' là của vòng 'cham-diem', không phải vòng đăng ký. Hãy dùng " \
           "tệp do 'thidua-xlsx merge' tạo từ thư mục sổ đăng ký." in said


def test_a_broken_file_given_for_the_council_names_it(base, tmp_path):
    broken = tmp_path / "hoi-dong.xlsx"
    broken.write_bytes(os.urandom(3000))
    result = run("merge", base["t1"].parent, "--council", broken, "-o", tmp_path / "cuoi.xlsx")
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert f"Không đọc được bảng tổng hợp '{broken}' (tệp bị hỏng, có mật khẩu hoặc không phải sổ bảng tính)." \
        in result.stderr
    assert not (tmp_path / "cuoi.xlsx").exists()


@pytest.mark.parametrize("change, words", [
    (lambda meta: meta.replace('"campaign_id":"test-campaign"', '"campaign_id":"truong-khac"'),
     "thuộc chiến dịch khác (năm học 2025-2026). Hãy dùng bảng tổng hợp vòng chấm điểm của chiến dịch này."),
    (lambda meta: meta.replace('"school_year":"2025-2026"', '"school_year":"2024-2025"'),
     "là của năm học 2024-2025, chiến dịch này là năm học 2025-2026. Hãy dùng bảng tổng hợp vòng chấm điểm năm nay."),
], ids=["other-campaign", "other-year"])
def test_the_council_summary_of_another_campaign_or_year_is_refused(base, summaries, tmp_path,
                                                                    change, words):
    """Another school's summary, or last year's, brought to this year's council pass."""
    brought = tmp_path / "hoi-dong.xlsx"
    brought.write_bytes(meta_edit(summaries["scoring"], lambda col: ly.meta_cells(as_written(json.loads(change(
        "".join(c for c in col[1:] if c)))))))  # as that campaign's (that year's) tool wrote it
    result = run("merge", base["t1"].parent, "--council", brought, "-o", tmp_path / "cuoi.xlsx")
    assert result.exit_code == EXIT_UNUSABLE, result.output
    assert f"Bảng tổng hợp '{brought}' {words}" in result.stderr
    assert not (tmp_path / "cuoi.xlsx").exists()


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _sample_school_with_an_empty_inbox(tmp_path: Path) -> tuple[Path, Path]:
    """The sample school's campaign folder, copied, and its inbox, empty."""
    import shutil

    folder = tmp_path / "truong"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("inbox*", "ca-nam", "cap-xa", "ho-so", "huong-dan*"))
    (folder / "inbox").mkdir()
    return folder, folder / "inbox"


def test_a_save_time_no_save_can_have_been_made_at_is_said_and_never_wins(tmp_path):
    """A book stamped 31/12/9999 stopped merge and status with "Lỗi nội bộ" (OverflowError); one stamped 2099 was its
    department's newest for good, against every later correction. The stamp is said and not trusted: the version
    that says a possible time is used."""
    import re
    import zipfile

    from thidua_xlsx.steps.workspace import open_campaign

    folder, inbox = _sample_school_with_an_empty_inbox(tmp_path)
    source = SAMPLES / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx"

    def stamped(name: str, when: str) -> None:
        with zipfile.ZipFile(source) as zf, zipfile.ZipFile(inbox / name, "w", zipfile.ZIP_DEFLATED) as out:
            for info in zf.infolist():
                data = zf.read(info)
                if info.filename == "docProps/core.xml":
                    data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when.encode(), data)
                out.writestr(info, data)

    stamped("To khoi 1 (9999).xlsx", "9999-12-31T23:00:00Z")
    stamped("To khoi 1 (2099).xlsx", "2099-01-01T00:00:00Z")
    stamped("To khoi 1 (sua lai).xlsx", "2026-05-25T08:00:00Z")

    summary = merge_inbox(inbox, open_campaign(folder / "campaign.xlsx")[0])

    status = {f.name: f.status for f in summary.files}
    assert status == {"To khoi 1 (9999).xlsx": "superseded", "To khoi 1 (2099).xlsx": "superseded",
                      "To khoi 1 (sua lai).xlsx": "accepted"}, status
    said = sorted(i.message for f in summary.files for i in f.issues if i.code == "file.saved_time_impossible")
    assert said == [f"Sổ ghi được lưu ngày {day} – ngày chưa đến hoặc quá xa, không thể đúng (đồng hồ máy sai, hoặc "
                    "bị sửa): không dùng ngày đó để chọn bản mới nhất của tổ, dùng thời gian của tệp. Hãy kiểm tra "
                    "đồng hồ của máy đã lưu sổ, và ngày giờ của máy này." for day in
                    ("01/01/2099", "31/12/9999")]


def test_a_total_cached_as_no_finite_number_is_no_total_and_the_json_stays_json(tmp_path):
    """A locked total whose cached result was set to 1E+999 (its formula untouched, so no locked cell changed) made
    the console say "Tổng điểm trong sổ (inf)" and the JSON report hold ``Infinity``, which JSON readers refuse."""
    import re
    import zipfile

    from tests.filling import forms
    from thidua_xlsx.read.containment import sheet_names
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.write.report_json import write_report_json

    folder, inbox = _sample_school_with_an_empty_inbox(tmp_path)
    source = SAMPLES / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx"
    form = forms(source, spare=False)[0]
    [part] = ["xl/worksheets/" + p for p, name in sheet_names(source.read_bytes()).items() if name == form.name]
    total = f"{form.self_column}{form.total_row}".encode()
    with zipfile.ZipFile(source) as zf, zipfile.ZipFile(inbox / source.name, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == part:
                data = re.sub(rb'(<c r="' + total + rb'"[^>]*>(?:<f>[^<]*</f>)?)<v>[^<]*</v>', rb"\g<1><v>1E+999</v>",
                              data)
                assert b"1E+999" in data
            out.writestr(info, data)

    summary = merge_inbox(inbox, open_campaign(folder / "campaign.xlsx")[0])
    write_report_json(summary, tmp_path / "bao-cao.json")

    def refused(constant):
        raise AssertionError(f"not JSON: {constant}")

    json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"), parse_constant=refused)
    assert not [i for f in summary.files for i in f.issues if "inf" in i.message]
