"""What another party sends is read under a school's bounds: a small crafted file given as a school's final summary
(at the commune) or as the history book is refused with one message before a parser is given it."""

from __future__ import annotations

import functools
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.commune_fixtures import school_run
from tests.summary_meta import rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.model.places import COMMUNE_KEY_FILE
from thidua_xlsx.read.containment import OWN, SCHOOL

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _bomb(path: Path, unzipped_mb: int) -> Path:
    """A workbook a few hundred KB on disk whose one sheet inflates to ``unzipped_mb`` MB of cells in 100 rows."""
    path.write_bytes(_bomb_bytes(unzipped_mb))
    return path


@functools.cache
def _bomb_bytes(unzipped_mb: int) -> bytes:
    """The bytes of :func:`_bomb`'s workbook, deflated once a process."""
    buffer = io.BytesIO()
    row = b"".join(b'<c r="A%d" t="inlineStr"><is><t>%s</t></is></c>' % (1, b"x" * 1000) for _ in range(1000))
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + \
        b"".join(b'<row r="%d">' % (n + 1) + row.replace(b'r="A1"', b'r="A%d"' % (n + 1)) + b"</row>"
                 for n in range(unzipped_mb)) + b"</sheetData></worksheet>"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                           'package/2006/content-types"/>')
        zf.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                       '<sheets><sheet name="Đề nghị khen thưởng" sheetId="1" r:id="rId1" xmlns:r='
                                       '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                                       '</sheets></workbook>')
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def test_the_bounds_for_others_files_are_a_school_s_not_a_province_s():
    assert SCHOOL.file_bytes <= 20 * 1024 * 1024 and SCHOOL.unzipped_bytes <= 100 * 1024 * 1024
    assert SCHOOL.unzipped_bytes * 20 <= OWN.unzipped_bytes and SCHOOL.rows * 10 <= OWN.rows


def test_a_crafted_school_summary_is_refused_at_the_commune_and_the_rest_is_read(tmp_path):
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", root / "inbox")
    shutil.copy(SAMPLES / "cap-xa" / "cap-tren.xlsx", root)
    shutil.copy(SAMPLES / "cap-xa" / COMMUNE_KEY_FILE, root)  # the sample commune's key, which issued the codes
    bomb = _bomb(root / "inbox" / "TH-Truc-Cuong_ban-moi.xlsx", 100)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small on disk; 100 MB of cells once inflated

    result = CliRunner().invoke(main, ["merge", str(root / "inbox"), "-o", str(root / "xa.xlsx"), "--json",
                                       str(root / "xa.json")])

    assert result.exit_code == 0, result.output
    files = {f["name"]: f for f in json.loads((root / "xa.json").read_text("utf-8"))["files"]}
    assert (files[bomb.name]["status"], files[bomb.name]["reason"]) == ("rejected", "book.too_big")
    assert "quá lớn" in result.output and "giải nén 80 MB" in result.output
    assert files["TH-Truc-Cuong_tong-hop-cuoi.xlsx"]["status"] == "accepted"  # the real one still speaks


def test_a_crafted_history_book_is_refused_and_nothing_is_decided_from_it(tmp_path):
    root = tmp_path / "truong"
    for name in ("inbox", "so-da-phat"):
        shutil.copytree(SAMPLES / name, root / name)
    shutil.copy(SAMPLES / "campaign.xlsx", root)
    bomb = _bomb(root / "lich-su.xlsx", 100)

    result = CliRunner().invoke(main, ["merge", str(root / "inbox"), "-o", str(root / "S.xlsx"), "--json",
                                       str(root / "R.json"), "--history", str(bomb)])

    assert result.exit_code == 0, result.output
    problems = json.loads((root / "R.json").read_text("utf-8"))["problems"]
    assert [p["code"] for p in problems if p["file"] == "lich-su.xlsx"] == ["book.too_big"]


# --- origin: files in a school's name that are not the school's ---------------------------------------------------

def _commune_with(tmp_path: Path, name: str, make) -> dict:
    """The sample commune's inbox with Trực Cường's files replaced by one made by ``make(work, target)``."""
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", root / "inbox")
    shutil.copy(SAMPLES / "cap-xa" / "cap-tren.xlsx", root)
    shutil.copy(SAMPLES / "cap-xa" / COMMUNE_KEY_FILE, root)  # the sample commune's key, which issued the codes
    for old in (root / "inbox").glob("TH-Truc-Cuong*"):
        old.unlink()
    make(tmp_path / "truong", root / "inbox" / name)
    result = CliRunner().invoke(main, ["merge", str(root / "inbox"), "-o", str(root / "xa.xlsx"), "--json",
                                       str(root / "xa.json")])
    assert result.exit_code == 0, result.output
    data = json.loads((root / "xa.json").read_text("utf-8"))
    return {"output": " ".join(result.output.split()), "data": data,
            "school": next(s for s in data["schools"] if s["code"] == "TH-TC")}


def test_the_school_s_own_sealed_file_is_used_with_nothing_held_for_its_origin(tmp_path):
    found = _commune_with(tmp_path, "TH-Truc-Cuong.xlsx", lambda work, target: school_run(work, target, None))
    assert found["school"]["origin"] == "sealed" and "không rõ nguồn gốc" not in found["output"]


def test_a_file_made_without_the_code_is_of_unknown_origin_and_held(tmp_path):
    found = _commune_with(tmp_path, "TH-Truc-Cuong.xlsx", lambda work, target: school_run(work, target, ""))
    assert found["school"]["origin"] == "unsealed"
    assert "Trường Tiểu học Trực Cường không rõ nguồn gốc: tệp không có dấu xác thực" in found["output"]
    assert not [p for p in found["data"]["proposals"] if p["school"] == "TH-TC"]
    assert {h["why"][-1]["code"] for h in found["data"]["held"] if h["school"] == "TH-TC"} == {
        "level_above.held_origin_unsealed"}


def test_another_school_s_code_in_this_school_s_name_is_caught(tmp_path):
    """Someone with Kim Sơn's code (or any other) makes a summary in Trực Cường's name."""
    from samples.build_samples import COMMUNE_KEY

    other = COMMUNE_KEY.school_code("THCS-KS", "2025-2026")
    found = _commune_with(tmp_path, "TH-Truc-Cuong.xlsx", lambda work, target: school_run(work, target, other))
    assert found["school"]["origin"] == "bad_seal"
    assert "dấu xác thực không khớp mã của trường" in found["output"]
    assert not [p for p in found["data"]["proposals"] if p["school"] == "TH-TC"]


def test_a_school_still_on_last_version_s_code_is_named_with_what_to_send_not_called_forged(tmp_path):
    """Before 0.8 the commune's codes were keyed with its campaign id: a school that typed such a code seals with it.
    The commune names the old code — proving neither sender nor data, since anyone holding an old commune summary
    can make that seal — and lists the code to send it now."""
    from samples.build_samples import COMMUNE_ID, COMMUNE_KEY
    from thidua_xlsx.model.commune_key import legacy_school_code

    old = legacy_school_code(COMMUNE_ID, "TH-TC", "2025-2026")
    found = _commune_with(tmp_path, "TH-Truc-Cuong.xlsx", lambda work, target: school_run(work, target, old))
    assert found["school"]["origin"] == "old_code"
    said = found["output"]
    assert "Bảng tổng hợp của Trường Tiểu học Trực Cường có dấu theo mã xác thực cũ" in said
    assert "không chứng minh tệp do trường gửi, cũng không chứng minh dữ liệu chưa bị sửa" in said
    assert "gửi riêng trường ấy mã mới" in said and "không bị sửa" not in said
    assert "dấu xác thực không khớp" not in said
    assert "không rõ nguồn gốc" not in said.split("Trực Cường có dấu")[1][:200]
    assert {h["why"][-1]["code"] for h in found["data"]["held"] if h["school"] == "TH-TC"} == {
        "level_above.held_origin_old_code"}
    status = CliRunner().invoke(main, ["status", str(tmp_path / "xa" / "inbox")])
    new = COMMUNE_KEY.school_code("TH-TC", "2025-2026")
    assert "dấu theo mã cũ của phiên bản trước (không chứng minh được gì; gửi trường mã mới)" in status.output
    assert new not in status.output  # the code to send: a secret, shown when asked
    asked = CliRunner().invoke(main, ["status", str(tmp_path / "xa" / "inbox"), "--ma", "Tiểu học Trực Cường"])
    assert f"  Trường Tiểu học Trực Cường: {new}\n" in asked.output
    from tests.ui.pages import TOKEN, client, text
    from thidua_xlsx.ui.security import form_token

    found = client(tmp_path / "xa")[1]
    page = text(found.get("/"))  # the commune's page: why, and the button that shows the code to send
    assert "dấu theo mã cũ của phiên bản trước (không chứng minh được gì; gửi trường mã mới)" in page
    assert "Trường Tiểu học Trực Cường Xem mã" in page and new not in page
    shown = found.post("/xa/ma", data={"csrf": form_token(TOKEN), "truong": "Trường Tiểu học Trực Cường"})
    assert f"Mã xác thực của Trường Tiểu học Trực Cường năm học 2025-2026: {new}" in text(shown)


def test_a_truncated_summary_is_refused_and_counted_once(tmp_path):
    def truncated(work: Path, target: Path) -> None:
        data = (SAMPLES / "tong-hop-cuoi.xlsx").read_bytes()
        target.write_bytes(data[: len(data) // 2])

    found = _commune_with(tmp_path, "TH-Truc-Cuong.xlsx", truncated)
    [entry] = [f for f in found["data"]["files"] if f["name"] == "TH-Truc-Cuong.xlsx"]
    assert entry["status"] == "rejected" and found["school"]["file"] is None


# --- the tool's own summaries read back: data edited by hand is never used ----------------------------------------

def _hand_edited(source: Path, target: Path, change) -> Path:
    """``source`` with its hidden data changed by hand in Excel (its digest left as it was)."""
    return rewrite_meta(source, target, change, by_hand=True)


def test_a_period_summary_edited_by_hand_is_refused_by_the_year(tmp_path):
    sample = tmp_path / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", sample, ignore=shutil.ignore_patterns("inbox", "inbox-dang-ky"))
    period = sample / "ky" / "tong-hop_thang-9.xlsx"

    def raise_a_score(data):
        code, score, *rest = data["people"][0]
        data["people"][0] = [code, 100.0, *rest]

    _hand_edited(period, period, raise_a_score)

    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "-o",
                                       str(tmp_path / "nam.xlsx"), "--json", str(tmp_path / "nam.json")])

    files = {f["name"]: (f["status"], f["reason"]) for f in json.loads((tmp_path / "nam.json").read_text("utf-8"))
             ["files"]}
    assert files["tong-hop_thang-9.xlsx"] == ("rejected", "summary.data_edited"), result.output
    assert "đã bị sửa tay sau khi ghi" in result.output


def test_a_final_summary_edited_by_hand_is_refused_by_the_api_and_the_history(tmp_path):
    from thidua_xlsx.api import SummaryError, read_summary
    from thidua_xlsx.read.history import read_final_summary

    def grant(data):
        refused = next(d for d in data["decisions"] if not d[2])
        refused[2] = True

    edited = _hand_edited(SAMPLES / "tong-hop-cuoi.xlsx", tmp_path / "cuoi.xlsx", grant)

    with pytest.raises(SummaryError) as refused:
        read_summary(edited)
    assert refused.value.code == "summary.data_edited"
    year, problems = read_final_summary(edited)
    assert year is None and [p.code for p in problems] == ["summary.data_edited"]


def test_a_school_sealing_with_an_old_code_is_told_what_the_commune_will_do_before_it_sends(tmp_path):
    """The school's own merge says it: a ten-character code of a release before 0.8 seals all the same, but a commune
    of 0.8 or later proves nothing by it and holds everything."""
    from openpyxl import load_workbook

    from samples.build_samples import COMMUNE_ID
    from thidua_xlsx.model.commune_key import legacy_school_code

    work = tmp_path / "truong"
    for name in ("inbox", "so-da-phat"):
        shutil.copytree(SAMPLES / name, work / name)
    shutil.copy(SAMPLES / "campaign.xlsx", work)
    wb = load_workbook(work / "campaign.xlsx")
    next(r for r in wb["Trường"].iter_rows() if r[0].value == "Mã xác thực do cấp trên cấp")[1].value = \
        legacy_school_code(COMMUNE_ID, "TH-TC", "2025-2026")
    wb.save(work / "campaign.xlsx")

    done = CliRunner().invoke(main, ["merge", str(work / "inbox"), "--council", str(SAMPLES / "hoi-dong.xlsx"),
                                     "-o", str(work / "tong-hop-cuoi.xlsx")])

    said = " ".join(done.output.split())
    assert done.exit_code == 0, done.output
    assert "Mã xác thực ở sheet Trường là mã cũ (10 ký tự" in said and "xin xã mã mới (15 ký tự" in said
    # the commune that issued it may not have updated: what that one shows, and the remedy a secretary can pass on
    assert "xã còn dùng phiên bản trước 0.8 không đọc được tệp" in said and "ghi trường 'chưa gửi'" in said
    assert "Cai-dat-thi-dua.bat" in said and "pip install" not in said
    shutil.copy(SAMPLES / "campaign.xlsx", work)  # the sample's own code: of this release
    sealed = CliRunner().invoke(main, ["merge", str(work / "inbox"), "--council", str(SAMPLES / "hoi-dong.xlsx"),
                                       "-o", str(work / "tong-hop-cuoi.xlsx"), "--force"])
    assert sealed.exit_code == 0 and "mã cũ (10 ký tự" not in sealed.output
