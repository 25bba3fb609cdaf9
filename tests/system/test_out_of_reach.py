"""Files out of reach said as what they are: a record of issued books that is there but
damaged is no "never issued"; a path longer than the system allows is "too long", never "no permission" nor
"not found"."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.model.issues import ERROR, issue
from thidua_xlsx.model.places import ISSUED_FOLDER
from thidua_xlsx.read.registry import DamagedRecord, IssuedRegistry
from thidua_xlsx.system import files
from thidua_xlsx.system.files import fault_text

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LONG_NAME = "a" * 256  # one byte past what a name may hold on ext4, APFS, NTFS


@pytest.fixture
def records(tmp_path):
    """A copy of the sample school's so-da-phat/ (records written by generate), in a campaign folder."""
    shutil.copytree(SAMPLES / ISSUED_FOLDER, tmp_path / ISSUED_FOLDER)
    return tmp_path


def _record(campaign: Path, department: str, round_: str = "cham-diem") -> Path:
    for path in sorted((campaign / ISSUED_FOLDER).glob("*.json")):
        layout = json.loads(path.read_text(encoding="utf-8"))["layout"]
        if layout["department_name"] == department and layout["round"] == round_:
            return path
    raise AssertionError(department)


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda data: data[:300], "nội dung không đọc được, có thể tệp bị cắt cụt hoặc bị sửa"),  # a copy cut short
    (lambda data: b"", "nội dung không đọc được, có thể tệp bị cắt cụt hoặc bị sửa"),  # 0 bytes: a full disk
    (lambda data: b'{"layout": {}}', "thiếu thông tin của sổ đã phát"),  # another program's JSON
])
def test_a_damaged_record_is_said_damaged_never_not_issued(records, damage, reason):
    path = _record(records, "Tổ Văn phòng")
    path.write_bytes(damage(path.read_bytes()))
    registry = IssuedRegistry(records)
    with pytest.raises(DamagedRecord) as damaged:
        registry.get(path.stem)
    assert damaged.value.path == f"so-da-phat/{path.name}" and damaged.value.reason == reason
    rejected = issue(damaged.value.code, ERROR, file="2025-2026_cham-diem_To-Van-phong.xlsx",
                     department="Tổ Văn phòng", **damaged.value.params).render()
    assert rejected.startswith("[2025-2026_cham-diem_To-Van-phong.xlsx] Sổ (Tổ Văn phòng) đã được phát, nhưng bản "
                               f"ghi của sổ trong thư mục so-da-phat ('so-da-phat/{path.name}') bị hỏng ({reason})")
    assert f"Hãy chép lại tệp so-da-phat/{path.name} từ bản sao lưu" in rejected
    assert "tổ không cần điền lại" in rejected and "tự sao chép" not in rejected and "phát lại sổ" not in rejected
    assert registry.get("0123456789abcdef0123") is None  # no record at all: never issued
    assert len(list(registry.all())) == 9  # the others read, the damaged one passed over


def test_a_record_over_a_damaged_one_is_written_whole(records):
    path = _record(records, "Tổ khối 1")
    issued = IssuedRegistry(records).get(path.stem)
    path.write_bytes(path.read_bytes()[:100])
    IssuedRegistry(records).record(issued)
    assert IssuedRegistry(records).get(path.stem) == issued


# --- a path longer than the system allows ---------------------------------------------------------------

def _fault(code: int, path: str, winerror: int | None = None) -> OSError:
    error = OSError(code, os.strerror(code), path)
    error.winerror = winerror
    return error


def test_a_path_too_long_is_said_too_long_reading_or_writing(tmp_path):
    """Forced: ENAMETOOLONG (macOS, Linux) and Windows' own codes behind its "not found" — 206, and 3 for a
    path past MAX_PATH (260 characters) — say the path is too long and how to shorten it."""
    deep = "C:\\Users\\thu-ky\\Documents\\" + "\\".join(["Thi dua khen thuong nam hoc 2025-2026"] * 7) + "\\a.xlsx"
    assert len(deep) >= files.WINDOWS_MAX_PATH
    for fault in (_fault(errno.ENAMETOOLONG, str(tmp_path / LONG_NAME)),
                  _fault(errno.ENOENT, str(tmp_path / LONG_NAME), files.WINDOWS_PATH_TOO_LONG),
                  _fault(errno.ENOENT, deep, files.WINDOWS_PATH_NOT_FOUND)):
        assert files.too_long(fault)
        text = fault_text(fault)
        assert text.startswith("Không mở được '") and "đường dẫn quá dài so với giới hạn của hệ thống" in text
        assert "hãy chọn thư mục ngắn hơn, gần gốc ổ đĩa" in text and "quyền" not in text
        written = fault_text(files.as_write_error(fault, Path(fault.filename)))
        assert written.startswith("Không ghi được '") and "đường dẫn quá dài" in written
    missing = _fault(errno.ENOENT, "C:\\thidua\\campaign.xlsx", files.WINDOWS_PATH_NOT_FOUND)
    assert not files.too_long(missing) and "đường dẫn quá dài" not in fault_text(missing)


def test_a_real_path_past_the_limit_is_said_too_long_by_the_commands(tmp_path):
    """On this system, a name of more than 255 bytes: to write a summary to, or a history book to open."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    campaign = tmp_path / "campaign.xlsx"  # the campaign is found first (read only), then the outputs are checked
    shutil.copyfile(SAMPLES / "campaign.xlsx", campaign)
    for args, verb in ((["merge", inbox, "-o", tmp_path / f"{LONG_NAME}.xlsx", "--campaign", campaign],
                        "Không ghi được"),
                       (["history", "--book", tmp_path / f"{LONG_NAME}.xlsx", SAMPLES / "tong-hop-cuoi.xlsx"],
                        "Không mở được")):
        result = CliRunner().invoke(main, [str(a) for a in args])
        assert result.exit_code == 1, result.output
        assert f"{verb} '{tmp_path / LONG_NAME}.xlsx': đường dẫn quá dài so với giới hạn" in result.output
        assert "quyền" not in result.output and "Không tìm thấy" not in result.output

