"""What another party sends is read under a school's bounds: a small crafted file given as a school's final summary
(at the commune) or as the history book is refused with one message before a parser is given it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.read.containment import OWN, SCHOOL

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _bomb(path: Path, unzipped_mb: int) -> Path:
    """A workbook a few hundred KB on disk whose one sheet inflates to ``unzipped_mb`` MB of cells in 100 rows."""
    row = b"".join(b'<c r="A%d" t="inlineStr"><is><t>%s</t></is></c>' % (1, b"x" * 1000) for _ in range(1000))
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + \
        b"".join(b'<row r="%d">' % (n + 1) + row.replace(b'r="A1"', b'r="A%d"' % (n + 1)) + b"</row>"
                 for n in range(unzipped_mb)) + b"</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                           'package/2006/content-types"/>')
        zf.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                       '<sheets><sheet name="Đề nghị khen thưởng" sheetId="1" r:id="rId1" xmlns:r='
                                       '"http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
                                       '</sheets></workbook>')
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_the_bounds_for_others_files_are_a_school_s_not_a_province_s():
    assert SCHOOL.file_bytes <= 20 * 1024 * 1024 and SCHOOL.unzipped_bytes <= 100 * 1024 * 1024
    assert SCHOOL.unzipped_bytes * 20 <= OWN.unzipped_bytes and SCHOOL.rows * 10 <= OWN.rows


def test_a_crafted_school_summary_is_refused_at_the_commune_and_the_rest_is_read(tmp_path):
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", root / "inbox")
    shutil.copy(SAMPLES / "cap-xa" / "cap-tren.xlsx", root)
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
