"""The secretary's own folder ``so-da-phat/``: a stray or damaged file is named with what to do and the other
records are read; a lost folder says "restore it", not "every department refill"."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.cli import main
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import LOCKED_FOLDER
from thidua_xlsx.model.places import ISSUED_FOLDER
from thidua_xlsx.read.registry import IssuedRegistry
from thidua_xlsx.service import generate_round, merge_inbox
from thidua_xlsx.system import files


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    root = tmp_path_factory.mktemp("registry")
    folder, (t1, t2) = scoring_round(root)
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 12, 9, 0))
    return {"campaign": folder.folder, "t1": t1, "t2": t2}


@pytest.fixture
def school(issued, tmp_path):
    """A copy of the campaign folder, its inbox filled, for a test to damage."""
    copy = tmp_path / "campaign"
    shutil.copytree(issued["campaign"], copy)
    return {"campaign": copy, "inbox": copy / "inbox", "records": copy / ISSUED_FOLDER, "t1": issued["t1"]}


def _record_of(school, workbook) -> str:
    """The record file of a workbook as issued (by its file name, as the record says)."""
    for path in school["records"].glob("*.json"):
        if json.loads(path.read_text(encoding="utf-8"))["file_name"] == workbook.name:
            return path.name
    raise AssertionError(workbook.name)


def _clean(result) -> None:
    assert "Lỗi nội bộ" not in result.output and "Traceback" not in result.output


def test_stray_files_are_named_and_the_records_read(school, tmp_path):
    (school["records"] / "ghi chu.json").write_text('{"ghi": "chú"}', encoding="utf-8")
    (school["records"] / "Thumbs.db").write_bytes(b"\x00" * 8)
    (school["records"] / "copy.json").mkdir()
    result = run("merge", school["inbox"], "-o", tmp_path / "S.xlsx")
    assert result.exit_code == 0, result.output
    assert "Tổ đã nộp: 2/2." in result.output
    assert "'so-da-phat/ghi chu.json' trong thư mục so-da-phat/ không phải bản ghi" in result.output
    assert "'so-da-phat/copy.json'" in result.output and "Thumbs.db" not in result.output
    _clean(result)
    again = run("generate", school["campaign"], "--round", "cham-diem", "-o", tmp_path / "outbox")
    assert again.exit_code == 0, again.output  # every record listed, the stray ones passed over


def test_a_record_cut_short_is_named_and_the_other_departments_are_read(school, tmp_path):
    name = _record_of(school, school["t1"])
    record = school["records"] / name
    record.write_bytes(record.read_bytes()[:200])  # a copy or a full disk cut it short
    result = run("merge", school["inbox"], "-o", tmp_path / "S.xlsx", "--json", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    assert f"bản ghi của sổ trong thư mục so-da-phat ('so-da-phat/{name}') bị hỏng (nội dung không đọc được" \
        in result.output
    assert f"Hãy chép lại tệp so-da-phat/{name} từ bản sao lưu" in result.output and "Tổ đã nộp: 1/2." in result.output
    problems = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["problems"]
    assert "file.record_damaged" in {p["code"] for p in problems}  # the workbook's own reason, not "not issued"
    assert "file.not_issued" not in {p["code"] for p in problems}
    _clean(result)


def test_a_record_with_its_content_missing_or_its_locked_content_damaged_is_named(school):
    name = _record_of(school, school["t1"])
    (school["records"] / name).write_text(json.dumps({"layout": {}}), encoding="utf-8")
    (school["records"] / LOCKED_FOLDER / name).write_text("[[1, 2", encoding="utf-8")
    problems = {(p.code, dict(p.params)["path"]): dict(p.params)["reason"]
                for p in IssuedRegistry(school["campaign"]).problems()}
    assert problems == {("registry.damaged", f"so-da-phat/{name}"): "thiếu thông tin của sổ đã phát",
                        ("registry.damaged", f"so-da-phat/o-khoa/{name}"): "nội dung không đọc được, có thể tệp bị "
                                                                             "cắt cụt hoặc bị sửa"}
    summary = merge_inbox(school["inbox"], _folder(school))
    assert [f.reason for f in summary.files if f.name == school["t1"].name] == ["file.record_damaged"]


def _folder(school):
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.steps.workspace import open_campaign

    return open_campaign(school["campaign"] / CAMPAIGN_FILE)[0]


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_lost_records_folder_says_restore_it_not_refill(school, tmp_path, how):
    shutil.rmtree(school["records"])
    if how == "empty":
        school["records"].mkdir()
    for command in ("merge", "status"):
        result = run(command, school["inbox"], *(["-o", tmp_path / "S.xlsx"] if command == "merge" else []))
        assert result.exit_code == 1, result.output
        state = "không còn bản ghi nào đọc được" if how == "empty" else "không còn,"
        assert f"Thư mục bản ghi sổ đã phát {school['records']} {state}" in result.output
        assert "2 sổ của chiến dịch này" in result.output and "chép lại thư mục so-da-phat/" in result.output
        assert "các tổ không cần điền lại" in result.output and "Hãy phát lại sổ" not in result.output
        assert not (tmp_path / "S.xlsx").exists()
        _clean(result)


def test_records_are_written_whole(issued, tmp_path, monkeypatch):
    from tests.conftest import campaign_dict, make_folder
    from thidua_xlsx.model import campaign as cm

    folder = make_folder(tmp_path / "c", cm.from_dict(campaign_dict()))
    real = os.replace

    def full_disk(src, dst):
        if ISSUED_FOLDER in str(dst) and LOCKED_FOLDER not in str(dst):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OSError) as caught:
        generate_round(folder, ly.REGISTRATION, tmp_path / "outbox")
    assert caught.value.errno == errno.ENOSPC
    records = folder.folder / ISSUED_FOLDER
    assert not [p for p in records.rglob("*") if p.suffix == ".tmp"] and not list(records.glob("*.json"))
    assert not [p for p in (tmp_path / "outbox").iterdir() if p.suffix == ".tmp"]
