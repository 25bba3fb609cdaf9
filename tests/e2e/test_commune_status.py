"""``status`` at the commune: which schools have sent and which not, against the commune's own deadline (read from
cap-tren.xlsx), each file's fingerprint and origin; nothing written."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.commune.model_book import AUTHORITY_SHEET

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _commune(tmp_path: Path, deadline: dt.date) -> Path:
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", root / "inbox")
    shutil.copy(SAMPLES / "cap-xa" / "cap-tren.xlsx", root)
    shutil.copy(SAMPLES / "cap-xa" / "khoa-bi-mat.txt", root)  # its key, which issued the schools' codes
    wb = load_workbook(root / "cap-tren.xlsx")
    next(r for r in wb[AUTHORITY_SHEET].iter_rows(min_row=2) if r[0].value == "Hạn các trường gửi hồ sơ")[1].value = \
        dt.datetime.combine(deadline, dt.time())
    wb.save(root / "cap-tren.xlsx")
    return root


def test_each_school_is_said_sent_or_not_against_the_commune_s_deadline(tmp_path):
    root = _commune(tmp_path, dt.date.today() + dt.timedelta(days=10))
    before = sorted(p.name for p in root.rglob("*"))

    result = CliRunner().invoke(main, ["status", str(root / "inbox")])

    said = result.output
    assert result.exit_code == 0, said
    assert "Các trường đã gửi: 3/4 (hạn gửi " in said
    assert "Trường Mầm non Trực Cường: chưa gửi – còn 10 ngày" in said or \
        "Trường Mầm non Trực Cường: chưa gửi – còn 9 ngày" in said  # the day in Vietnam may be tomorrow's
    line = next(x for x in said.splitlines() if x.strip().startswith("Trường Tiểu học Thử Nghiệm:"))
    assert "dấu vân tay" in line and "có dấu xác thực của trường" in line and "danh sách bị sửa tay" in line
    assert "chưa qua Hội đồng" in next(x for x in said.splitlines() if x.strip().startswith("Trường THCS Kim Sơn:"))
    assert sorted(p.name for p in root.rglob("*")) == before  # nothing written


def test_a_school_that_has_not_sent_after_the_deadline_is_overdue(tmp_path):
    root = _commune(tmp_path, dt.date(2026, 6, 10))

    result = CliRunner().invoke(main, ["status", str(root / "inbox")])

    assert "Trường Mầm non Trực Cường: chưa gửi – quá hạn" in result.output and "hãy nhắc trường" in result.output


def test_a_school_s_option_is_refused_at_the_commune(tmp_path):
    root = _commune(tmp_path, dt.date(2026, 6, 10))
    result = CliRunner().invoke(main, ["status", str(root / "inbox"), "--nhac"])
    assert result.exit_code == 2 and "--nhac: chỉ dùng khi tổng hợp sổ của các tổ ở trường" in result.output
