"""The level above's outputs are as safe as the school's: the import file or the code mapping the officer edited is
kept, the new one beside it; a mapping that cannot be used, ``--ma-tinh`` alone, or a summary where an import file
goes are refused before any work (exit 2, nothing written); a missing cap-tren.xlsx is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.province_import import template as province_template
from thidua_xlsx.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _commune(tmp_path: Path) -> Path:
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa" / "inbox", root / "inbox")
    shutil.copy(SAMPLES / "cap-xa" / "cap-tren.xlsx", root)
    shutil.copy(SAMPLES / "cap-xa" / "khoa-bi-mat.txt", root)  # its key, which issued the schools' codes
    return root


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result, " ".join(result.output.split())


def test_an_import_file_the_officer_edited_is_kept_and_the_new_one_written_beside(tmp_path):
    root = _commune(tmp_path)
    first, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--xuat-tinh", root / "tinh")
    assert first.exit_code == 0, said
    made = root / "tinh" / "nhap-tinh.xlsx"
    wb = load_workbook(made)
    wb.active["A2"] = "sửa tay"
    wb.save(made)
    edited = made.read_bytes()

    again, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--xuat-tinh", root / "tinh", "--force")

    assert again.exit_code == 0, said
    assert made.read_bytes() == edited  # the officer's file untouched
    beside = sorted(p.name for p in (root / "tinh").glob("nhap-tinh*.xlsx"))
    assert len(beside) == 2 and "Giữ nguyên" in said


def test_a_reviewed_code_mapping_is_kept_on_a_rerun(tmp_path):
    root = _commune(tmp_path)
    template = province_template(tmp_path / "MauTDKT.xlsx")  # another province's system's own import template
    assert run("merge", root / "inbox", "-o", root / "xa.xlsx", "--xuat-tinh", root / "tinh", "--ma-tinh",
               template)[0].exit_code == 0
    mapping = root / "tinh" / "MauTDKT.json"
    reviewed = json.loads(mapping.read_text("utf-8"))
    reviewed["name"] = "Bộ mã đã soát"
    mapping.write_text(json.dumps(reviewed, ensure_ascii=False), encoding="utf-8")

    result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--xuat-tinh", root / "tinh", "--ma-tinh",
                       template, "--force")

    assert result.exit_code == 0, said
    assert json.loads(mapping.read_text("utf-8"))["name"] == "Bộ mã đã soát"


def test_a_mapping_that_cannot_be_read_is_refused_before_anything_is_written(tmp_path):
    root = _commune(tmp_path)
    for mapping in ("khong-co-bo-ma", tmp_path / "hong.json"):
        (tmp_path / "hong.json").write_text("{not json", encoding="utf-8")
        result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--xuat-tinh", root / "tinh",
                           "--ma-tinh", mapping)
        assert result.exit_code == 2, said
        assert "Không đọc được bộ mã" in said and "chưa ghi gì" in said
        assert not (root / "xa.xlsx").exists() and not (root / "tinh").exists()


def test_a_mapping_without_the_import_folder_is_refused(tmp_path):
    root = _commune(tmp_path)
    result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--ma-tinh", "mau-tdkt")
    assert result.exit_code == 2 and "--ma-tinh mau-tdkt chỉ dùng cùng --xuat-tinh" in said
    assert not (root / "xa.xlsx").exists()


def test_the_summary_where_the_import_file_goes_is_refused(tmp_path):
    root = _commune(tmp_path)
    result, said = run("merge", root / "inbox", "-o", root / "tinh" / "nhap-tinh.xlsx", "--xuat-tinh", root / "tinh")
    assert result.exit_code == 2 and "sẽ bị tệp nhập của tỉnh ghi đè" in said
    assert not (root / "tinh").exists()


def test_a_commune_without_its_cap_tren_book_is_told_how_to_make_one(tmp_path):
    root = _commune(tmp_path)
    (root / "cap-tren.xlsx").unlink()
    result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx")
    assert result.exit_code != 0 and "cap-tren.xlsx" in said and "--level cap-xa" in said


# --- one report: every option honoured at the commune or refused --------------------------------------------------

def test_a_school_s_option_given_at_the_commune_is_refused_not_ignored(tmp_path):
    root = _commune(tmp_path)
    for option in (["--cong-khai", root / "ck.xlsx"], ["--feedback", root / "fb"], ["--period", "thang-9"],
                   ["--round", "cham-diem"], ["--history", SAMPLES / "lich-su.xlsx"]):
        result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", *option)
        assert result.exit_code == 2, (option, said)
        assert f"{option[0]}: chỉ dùng khi tổng hợp sổ của các tổ ở trường" in said
        assert not (root / "xa.xlsx").exists()


def test_strict_at_the_commune_ends_with_the_strict_code_when_a_file_is_refused(tmp_path):
    root = _commune(tmp_path)
    (root / "inbox" / "hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")

    lenient, _ = run("merge", root / "inbox", "-o", root / "a.xlsx")
    strict, said = run("merge", root / "inbox", "-o", root / "b.xlsx", "--strict")

    assert lenient.exit_code == 0 and strict.exit_code == 3, said
    assert "--strict: có" in said and (root / "b.xlsx").is_file()


@pytest.mark.libreoffice
def test_pdf_at_the_commune_writes_the_summary_s_pdf(tmp_path):
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    root = _commune(tmp_path)
    result, said = run("merge", root / "inbox", "-o", root / "xa.xlsx", "--pdf")
    assert result.exit_code == 0, said
    assert (root / "xa.pdf").read_bytes().startswith(b"%PDF")
