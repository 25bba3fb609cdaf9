"""At a province's size the commune's JSON and the province's import files' bytes are made by worker
processes while its workbook is written, then each is written in its turn — the same files, byte for byte, and the
same words, as when everything is made in this process; a failure while the workbook is written leaves neither a
JSON nor a temporary file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.commune import commands as commune

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cap-xa"


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "cap-xa"
    shutil.copytree(SAMPLE, copy, ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx", "xa.json"))
    return copy


def _merge(folder: Path, out: Path):
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(out / "xa.xlsx"), "--json",
                                       str(out / "xa.json"), "--xuat-tinh", str(out / "nhap-tinh"), "--force"])
    made = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    return result, made


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_what_workers_make_beside_the_workbook_is_what_this_process_makes(folder, tmp_path, monkeypatch, start):
    """By fork the workers inherit the summary and the import files' rows; by spawn (Windows) they are given them
    pickled, and import the package anew."""
    from thidua_xlsx.system import pool
    from thidua_xlsx.write import province_import

    monkeypatch.setattr(pool, "start_method", lambda: start)
    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 0)
    here, made_here = _merge(folder, tmp_path / "here")
    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 2)
    monkeypatch.setattr(province_import.pi, "batches", lambda rows, size: [rows[i:i + 9]
                                                                            for i in range(0, len(rows), 9)])
    aside, made_aside = _merge(folder, tmp_path / "aside")
    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 0)
    split_here, made_split_here = _merge(folder, tmp_path / "split-here")
    assert here.exit_code == aside.exit_code == split_here.exit_code == 0, aside.output
    assert {"xa.xlsx", "xa.json", "nhap-tinh/nhap-tinh.xlsx"} == set(made_here)  # no temporary file left
    assert len(made_aside) == 12 and made_aside == made_split_here  # 10 import files of 9 rows or fewer, in order
    assert made_here["xa.json"] == made_aside["xa.json"] and made_here["xa.xlsx"] == made_aside["xa.xlsx"]
    assert aside.output.replace("aside", "·") == split_here.output.replace("split-here", "·")


def test_a_workbook_that_fails_leaves_no_json_and_no_temporary_file(folder, tmp_path, monkeypatch):
    from thidua_xlsx.commune import write as written

    def fails(summary, path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 1)
    monkeypatch.setattr(written, "write_level_above_summary", fails)
    result, made = _merge(folder, tmp_path / "out")
    assert result.exit_code != 0 and made == {}


def test_workers_that_cannot_start_are_said_and_the_files_are_made_here_the_same(folder, tmp_path, monkeypatch):
    """docs/conventions.md: no silent fallback. Workers whose start fails (a real pool, broken: its initializer
    raises) are said, once, and the JSON and the import files are made here: the same bytes."""
    from tests.workers import cannot_start
    from thidua_xlsx.system import pool
    from thidua_xlsx.text import commands as ct

    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 0)
    here, made_here = _merge(folder, tmp_path / "here")
    monkeypatch.setattr(commune, "_workers_aside", lambda *args: 2)
    monkeypatch.setattr(pool, "share", cannot_start)
    broken, made_broken = _merge(folder, tmp_path / "broken")

    assert here.exit_code == broken.exit_code == 0, broken.output
    assert made_broken == made_here
    said = ct.ASIDE_WORKERS_FAILED.format(error="BrokenProcessPool")
    assert " ".join(broken.output.split()).count(said) == 1, broken.output
