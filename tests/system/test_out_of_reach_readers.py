"""The readers' side of files out of reach: a returned workbook whose record of issue is
damaged is said so (restore the record; the department need not fill again), never "not issued"; a folder or a
file of the inbox past the system's path limit is said too long, never "no permission"."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.model.places import ISSUED_FOLDER
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.department import ReadContext, read_file
from thidua_xlsx.steps.workspace import open_campaign
from thidua_xlsx.system import files

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _school(tmp_path: Path) -> Path:
    school = tmp_path / "truong"
    shutil.copytree(SAMPLES, school, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "huong-dan",
                                                                   "*.pdf", "*.lock"))
    return school


def test_a_workbook_whose_record_was_cut_short_is_said_issued_with_its_record_damaged(tmp_path):
    school = _school(tmp_path)
    record = next(p for p in (school / ISSUED_FOLDER).glob("*.json")
                  if '"department_name":"Tổ Văn phòng"' in p.read_text(encoding="utf-8")
                  and '"round":"cham-diem"' in p.read_text(encoding="utf-8"))
    record.write_bytes(record.read_bytes()[:300])
    result = CliRunner().invoke(main, ["merge", str(school / "inbox"), "-o", str(tmp_path / "S.xlsx")])
    assert result.exit_code == 0, result.output
    assert (f"[2025-2026_cham-diem_To-Van-phong.xlsx] Sổ (Tổ Văn phòng) đã được phát, nhưng bản ghi của sổ trong "
            f"thư mục so-da-phat ('so-da-phat/{record.name}') bị hỏng") in result.output
    assert "tổ không cần điền lại" in result.output and "tự sao chép" not in result.output


def test_a_folder_of_the_inbox_past_the_path_limit_is_said_too_long(tmp_path):
    """Real: folders nested until the path passes PATH_MAX (4,096 bytes on Linux), a workbook at the bottom."""
    school = _school(tmp_path)
    here = os.getcwd()
    os.chdir(school / "inbox")
    try:
        for _ in range(21):
            os.mkdir("thu-muc-" + "d" * 200)
            os.chdir("thu-muc-" + "d" * 200)
        shutil.copyfile(school / "inbox" / "2025-2026_cham-diem_To-khoi-1.xlsx", "ban sao.xlsx")
    finally:
        os.chdir(here)
    result = CliRunner().invoke(main, ["status", str(school / "inbox")])
    assert "Đường dẫn tới thư mục này quá dài so với giới hạn của hệ thống" in result.output
    assert "C:\\thidua\\nhan-ve" in result.output and "không có quyền đọc)" not in result.output


def test_a_workbook_windows_cannot_reach_is_said_too_long(tmp_path, monkeypatch):
    """Forced: Windows' "not found" with its code 206 when the workbook's path is past the limit."""
    school = _school(tmp_path)
    folder, _problems = open_campaign(school / "campaign.xlsx")
    item = next(i for i in scan_inbox(school / "inbox") if i.name == "2025-2026_cham-diem_To-khoi-1.xlsx")

    def unreachable(self):
        error = OSError(errno.ENOENT, "No such file or directory", str(self))
        error.winerror = files.WINDOWS_PATH_TOO_LONG
        raise error

    monkeypatch.setattr(Path, "read_bytes", unreachable)
    found = read_file(item, ReadContext(folder.campaign, folder.registry))
    assert found.reason == "file.too_long"
    assert f"dài {len(str(item.path))} ký tự, quá giới hạn của hệ thống" in found.issues[-1].render()
