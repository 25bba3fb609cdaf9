"""The record of the tool's own outputs: a file is the tool's own while its bytes are those written; anything
else is kept and the new file named beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook

from thidua_xlsx.model.places import OUTPUTS_RECORD
from thidua_xlsx.system.written import Written, beside_name, written_by
from thidua_xlsx.text.releases import VERSION


def test_a_file_is_the_tools_own_while_its_bytes_are_those_written(tmp_path):
    record = Written(tmp_path)
    target = tmp_path / "ho-so" / "01_To-trinh.docx"
    target.parent.mkdir()
    target.write_bytes(b"as written")
    record.note(target)
    assert record.replaceable(target) and record.name_for(target) == target and record.beside == []
    target.write_bytes(b"as written, then edited")
    assert not record.replaceable(target)
    assert record.name_for(target) == tmp_path / "ho-so" / "01_To-trinh (moi).docx"
    assert record.beside == [(target, tmp_path / "ho-so" / "01_To-trinh (moi).docx")]


def test_names_beside_count_up_past_files_that_are_not_the_tools(tmp_path):
    target = tmp_path / "tong-hop.xlsx"
    for path in (target, beside_name(target, 1)):
        path.write_bytes(b"someone's")
    assert Written(tmp_path).name_for(target) == tmp_path / "tong-hop (moi 2).xlsx"


def test_a_paper_keeps_its_name_only_when_its_pdf_is_the_tools_own_too(tmp_path):
    record = Written(tmp_path)
    paper = tmp_path / "01_To-trinh.docx"
    paper.write_bytes(b"paper")
    record.note(paper)
    paper.with_suffix(".pdf").write_bytes(b"signed")
    assert record.name_for(paper, (".pdf",)) == tmp_path / "01_To-trinh (moi).docx"
    assert record.beside == [(paper.with_suffix(".pdf"), tmp_path / "01_To-trinh (moi).docx")]


def test_the_record_moves_with_the_campaign_folder_and_a_damaged_one_is_empty(tmp_path):
    home = tmp_path / "thidua-2025"
    (home / "ho-so").mkdir(parents=True)
    paper = home / "ho-so" / "01_To-trinh.docx"
    paper.write_bytes(b"paper")
    record = Written(home)
    record.note(paper)
    record.save()
    moved = tmp_path / "copy" / "thidua-2025"
    shutil.copytree(home, moved)
    assert Written(moved).replaceable(moved / "ho-so" / "01_To-trinh.docx")  # kept relative to the folder
    (moved / OUTPUTS_RECORD).write_text('{"files": ', encoding="utf-8")  # cut short
    assert not Written(moved).replaceable(moved / "ho-so" / "01_To-trinh.docx")  # nothing lost: kept beside


def test_a_record_that_did_not_change_is_not_written_and_one_without_a_folder_never(tmp_path):
    Written(tmp_path).save()
    assert not (tmp_path / OUTPUTS_RECORD).exists()
    (tmp_path / "a.xlsx").write_bytes(b"x")
    free = Written()
    free.note(tmp_path / "a.xlsx")
    free.save()
    assert free.replaceable(tmp_path / "b.xlsx") and list(tmp_path.iterdir()) == [tmp_path / "a.xlsx"]


def test_only_the_tools_own_file_is_removed(tmp_path):
    record = Written(tmp_path)
    ours, theirs = tmp_path / "a.pdf", tmp_path / "b.pdf"
    ours.write_bytes(b"ours")
    record.note(ours)
    theirs.write_bytes(b"signed")
    record.remove(ours)
    record.remove(theirs)
    assert not ours.exists() and theirs.read_bytes() == b"signed"


ROOT = Path(__file__).resolve().parents[2]
SAMPLES, CORPUS = ROOT / "samples", ROOT / "tests" / "corpus"


def test_a_workbook_says_which_release_wrote_it_whoever_saved_it_since(tmp_path):
    """The release a campaign folder's book says wrote it dates a folder with no runs record (steps.updated): ours of
    today names its release, one of a release before 0.8.0 says only that the tool wrote it, a workbook another program
    wrote and a file that is no workbook say nothing."""
    strangers = tmp_path / "la.xlsx"
    Workbook().save(strangers)
    (tmp_path / "khong-phai.xlsx").write_bytes(b"PK\x03\x04 not a workbook")

    assert written_by(SAMPLES / "campaign.xlsx") == VERSION
    assert written_by(CORPUS / "0.2.0" / "ca-nam-thang-10" / "campaign.xlsx") == ""
    assert written_by(strangers) is None and written_by(tmp_path / "khong-phai.xlsx") is None
    assert written_by(tmp_path / "khong-co.xlsx") is None


def test_a_file_written_is_on_the_record_at_once_so_a_run_killed_later_leaves_it_the_tool_s_own(tmp_path):
    """The record is saved as each file is noted: a run ended from the task manager after writing its summary, before
    its last step, leaves a summary the next run still replaces with --force (not kept as someone's, a copy beside)."""
    record = Written(tmp_path)
    summary = tmp_path / "tong-hop_cham-diem.xlsx"
    summary.write_bytes(b"the summary as written")
    record.note(summary)  # ... and the run killed here: record.save() never reached

    next_run = Written(tmp_path)
    assert next_run.replaceable(summary) and next_run.name_for(summary) == summary


def test_a_run_that_fails_leaves_every_file_it_wrote_on_the_record(tmp_path):
    """Files written in quick succession are saved to the record at most twice a second; a run that then fails (a full
    disk on its next paper) still leaves every one of them on it: the next run replaces them as the tool's own."""
    record = Written(tmp_path)
    written = [tmp_path / f"van-ban-{n}.docx" for n in range(5)]
    try:
        with record.saved_on_failure():
            for path in written:
                path.write_bytes(path.name.encode())
                record.note(path)
            raise OSError(28, "No space left on device")
    except OSError:
        pass

    next_run = Written(tmp_path)
    assert all(next_run.replaceable(path) for path in written)
