"""Nothing a person made is overwritten, outputs never land on an input, a fault of the machine is one
Vietnamese sentence saying what to do (never "Lỗi nội bộ"), no partial file is left, and two runs never mix. Each
situation is reproduced through the command line, the inbox checked untouched."""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.documents import docx_text
from tests.filling import council_types
from tests.no_office import NO_PDF, without_libreoffice
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round, tree_digest
from thidua_xlsx.cli import main
from thidua_xlsx.decide.ballots import candidates
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.system import files, lock

ROOT = Path(__file__).resolve().parents[2]
REPORT = "Chien-si-thi-dua-co-so/05_Bao-cao-thanh-tich_Nguyen-Thi-Lan.docx"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    folder, (t1, t2) = scoring_round(root)
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 12, 9, 0))
    return {"root": root, "folder": folder, "inbox": inbox, "before": tree_digest(inbox), "t1": t1,
            "returned": inbox / t1.name}


@pytest.fixture
def untouched(school):
    """Checks, after the test, that the inbox is byte-identical."""
    yield school
    assert tree_digest(school["inbox"]) == school["before"]


def _names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _clean(result) -> None:
    assert "Lỗi nội bộ" not in result.output and "Traceback" not in result.output and "Errno" not in result.output


# --- --force is about the tool's own files only ------------------------------------------------------------

def test_force_keeps_a_report_a_teacher_wrote_and_writes_the_new_one_beside_it(untouched, tmp_path, monkeypatch):
    import docx

    without_libreoffice(monkeypatch)  # the Word papers are the teacher's and the tool's: no PDF looked at
    docs = tmp_path / "ho-so"
    first = run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--docs", docs)
    assert first.exit_code == 0, first.output
    assert NO_PDF in first.output and not list(docs.rglob("*.pdf"))
    written = {name: (docs / name).read_bytes() for name in _names(docs)}
    report = docs / REPORT
    paper = docx.Document(str(report))
    paper.add_paragraph("Thành tích: giáo viên dạy giỏi cấp huyện; sáng kiến dạy đọc được công nhận.")
    paper.save(str(report))
    edited = report.read_bytes()
    refused = run("merge", untouched["inbox"], "-o", tmp_path / "S2.xlsx", "--docs", docs)
    assert refused.exit_code == 2 and "đã có văn bản" in refused.output and report.read_bytes() == edited

    forced = run("merge", untouched["inbox"], "-o", tmp_path / "S2.xlsx", "--docs", docs, "--force")
    assert forced.exit_code == 0, forced.output
    beside = report.with_name(report.stem + " (moi).docx")
    assert report.read_bytes() == edited and beside.is_file()
    assert f"Giữ nguyên {report}" in forced.output and f"bản mới ghi vào {beside.name}" in forced.output
    checklist = (docs / "Chien-si-thi-dua-co-so" / "Danh-muc-ho-so.txt").read_text("utf-8-sig")
    assert beside.name in checklist  # the checklist names the paper written
    assert {n for n in _names(docs) if "(moi)" not in n} == set(written)
    _clean(forced)

    again = run("merge", untouched["inbox"], "-o", tmp_path / "S3.xlsx", "--docs", docs, "--force")
    assert again.exit_code == 0 and not list(docs.rglob("*(moi 2)*")), "the paper beside is the tool's own now"
    assert report.read_bytes() == edited


def test_a_nominee_the_council_voted_down_has_no_paper_left_in_the_title_folder(untouched, tmp_path, monkeypatch):
    """The council votes one CSTĐCS nominee down: the Báo cáo thành tích the first run wrote for her is moved to
    ho-so/cu/ (never deleted) and said, so that the title's folder holds the papers of who the Tờ trình proposes
    (QĐ 638/QĐ-BNV: one Báo cáo per person proposed); the other nominee's stays."""
    without_libreoffice(monkeypatch)
    own = tmp_path / "truong"  # a copy: the council's pass given is kept with the round in its campaign folder
    shutil.copytree(untouched["folder"].folder, own)
    inbox = own / "inbox"
    docs = tmp_path / "ho-so"
    first = run("merge", inbox, "-o", tmp_path / "S.xlsx", "--docs", docs)
    assert first.exit_code == 0, first.output
    folder = docs / "Chien-si-thi-dua-co-so"
    assert sorted(p.name for p in folder.glob("05_*")) == ["05_Bao-cao-thanh-tich_Nguyen-Thi-Lan.docx",
                                                           "05_Bao-cao-thanh-tich_Tran-Van-Duc.docx"]
    summary = merge_inbox(untouched["inbox"], untouched["folder"])
    votes = {(c.code, c.title): 9 for c in candidates(summary.people, summary.departments, summary.campaign.rules)}
    votes[("GV01", CSTDCS)] = 3  # 3 of 9: voted down
    met = tmp_path / "hoi-dong.xlsx"
    council_types(tmp_path / "S.xlsx", met, {}, tally={"members": 9, "present": 9, "ballots_issued": 9,
                                                       "ballots_returned": 9}, votes=votes)

    second = run("merge", inbox, "-o", tmp_path / "S2.xlsx", "--council", met, "--docs", docs, "--force")

    assert second.exit_code == 0, second.output
    assert sorted(p.name for p in folder.glob("05_*")) == ["05_Bao-cao-thanh-tich_Tran-Van-Duc.docx"]
    aside = docs / "cu" / REPORT
    assert aside.is_file()
    assert (f"{docs / REPORT}: văn bản lần ghi trước, nay không còn trong hồ sơ đề nghị (Tờ trình lần này không đề "
            f"nghị) – đã chuyển sang {aside} (không xóa)") in " ".join(second.output.split())
    listed = (folder / "Danh-muc-ho-so.txt").read_text("utf-8-sig")
    assert "Tran-Van-Duc" in listed and "Nguyen-Thi-Lan" not in listed
    again = run("merge", inbox, "-o", tmp_path / "S3.xlsx", "--council", met, "--docs", docs, "--force")
    assert again.exit_code == 0 and "đã chuyển sang" not in again.output  # set aside once, left there
    assert aside.is_file() and not list((docs / "cu").rglob("*(moi)*"))


@pytest.mark.libreoffice
def test_a_signed_pdf_keeps_its_paper_and_both_are_written_beside(untouched, tmp_path):
    """The principal's signed scan saved over the tool's PDF: the papers written again go beside, each with its PDF."""
    from tests.documents import require_writer

    require_writer()
    docs = tmp_path / "ho-so"
    assert run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--docs", docs).exit_code == 0
    signed = docs / "01_To-trinh.pdf"
    signed.write_bytes(b"%PDF-1.7 signed by the principal")
    forced = run("merge", untouched["inbox"], "-o", tmp_path / "S2.xlsx", "--docs", docs, "--force")
    assert forced.exit_code == 0, forced.output
    assert signed.read_bytes() == b"%PDF-1.7 signed by the principal"
    assert (docs / "01_To-trinh (moi).docx").is_file() and f"Giữ nguyên {signed}" in forced.output
    assert (docs / "01_To-trinh (moi).pdf").is_file()  # the new paper's own PDF beside it, the signed one kept


def test_papers_of_an_earlier_version_or_a_lost_record_are_kept(untouched, tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)  # the Word papers only
    docs = tmp_path / "ho-so"
    docs.mkdir()
    (docs / "01_To-trinh.docx").write_bytes(b"written before the record existed")
    forced = run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--docs", docs, "--force")
    assert forced.exit_code == 0, forced.output
    assert (docs / "01_To-trinh.docx").read_bytes() == b"written before the record existed"
    assert (docs / "01_To-trinh (moi).docx").is_file()


def test_force_keeps_a_summary_the_council_typed_into_and_a_public_list_edited(untouched, tmp_path):
    summary, public = tmp_path / "tong-hop.xlsx", tmp_path / "cong-khai.xlsx"
    assert run("merge", untouched["inbox"], "-o", summary, "--cong-khai", public).exit_code == 0
    replaced = run("merge", untouched["inbox"], "-o", summary, "--cong-khai", public, "--force")
    assert replaced.exit_code == 0 and "Giữ nguyên" not in replaced.output  # the tool's own: replaced
    for path in (summary, public):
        path.write_bytes(path.read_bytes() + b"typed by the council")
    forced = run("merge", untouched["inbox"], "-o", summary, "--cong-khai", public, "--force")
    assert forced.exit_code == 0, forced.output
    for path in (summary, public):
        assert path.read_bytes().endswith(b"typed by the council")
        assert path.with_name(path.stem + " (moi).xlsx").is_file() and f"Giữ nguyên {path}" in forced.output
    assert "Đã ghi bảng tổng hợp: " + str(summary.with_name("tong-hop (moi).xlsx")) in forced.output


def test_an_existing_pdf_is_never_overwritten_without_force(untouched, tmp_path):
    summary = tmp_path / "tong-hop.xlsx"
    (tmp_path / "tong-hop.pdf").write_bytes(b"%PDF signed")
    result = run("merge", untouched["inbox"], "-o", summary, "--pdf")
    assert result.exit_code == 2 and "tong-hop.pdf" in result.output and "--force" in result.output
    assert _names(tmp_path) == ["tong-hop.pdf"] and "Tệp:" not in result.output  # refused before reading


# --- outputs never on an input, never two on one path ------------------------------------------------------

@pytest.mark.parametrize("case", ["in_inbox", "returned", "json_in_inbox", "public_in_inbox", "feedback_in_inbox",
                                  "json_is_output", "pdfs_clash", "docs_is_feedback", "json_is_council",
                                  "output_is_campaign", "output_in_records", "output_is_record"])
def test_an_output_on_an_input_or_on_another_output_is_refused_before_any_work(untouched, tmp_path, case):
    inbox, campaign = untouched["inbox"], untouched["folder"].folder
    council = tmp_path / "hoi-dong.xlsx"
    council.write_bytes(b"the council's summary")
    args, said = {
        "in_inbox": (["-o", inbox / "tong-hop.xlsx"], "nằm trong thư mục nhận về"),
        "returned": (["-o", untouched["returned"], "--force"], "nằm trong thư mục nhận về"),
        "json_in_inbox": (["-o", tmp_path / "S.xlsx", "--json", inbox / "r.json"], "--json"),
        "public_in_inbox": (["-o", tmp_path / "S.xlsx", "--cong-khai", inbox / "sub" / "p.xlsx"], "--cong-khai"),
        "feedback_in_inbox": (["-o", tmp_path / "S.xlsx", "--feedback", inbox / "gop-y"], "Thư mục góp ý"),
        "json_is_output": (["-o", tmp_path / "S.xlsx", "--json", tmp_path / "S.xlsx"], "-o và --json cùng ghi"),
        "pdfs_clash": (["-o", tmp_path / "S.xlsx", "--cong-khai", tmp_path / "S.ods", "--pdf"],
                       "bản PDF của -o và bản PDF của --cong-khai cùng ghi"),
        "docs_is_feedback": (["-o", tmp_path / "S.xlsx", "--feedback", tmp_path / "d", "--docs", tmp_path / "d"],
                             "--feedback và --docs cùng ghi"),
        "json_is_council": (["-o", tmp_path / "S.xlsx", "--json", council, "--council", council, "--force"],
                            "bảng tổng hợp Hội đồng đã họp"),
        "output_is_campaign": (["-o", campaign / "campaign.xlsx", "--force"], "là sổ chiến dịch"),
        "output_in_records": (["-o", campaign / "so-da-phat" / "x.xlsx"], "nơi giữ bản ghi sổ đã phát"),
        "output_is_record": (["-o", tmp_path / "S.xlsx", "--json", campaign / "da-ghi.json", "--force"],
                             "bản ghi của chương trình"),
    }[case]
    before_campaign = tree_digest(campaign / "so-da-phat") | {"book": (campaign / "campaign.xlsx").read_bytes()}
    result = run("merge", inbox, *args)
    assert result.exit_code == 2, result.output
    assert said in result.output and "Tệp:" not in result.output, result.output  # nothing was read
    assert _names(tmp_path) == ["hoi-dong.xlsx"] and council.read_bytes() == b"the council's summary"
    assert tree_digest(campaign / "so-da-phat") | {"book": (campaign / "campaign.xlsx").read_bytes()} == \
        before_campaign


def test_each_output_of_a_merge_is_checked_once_and_its_files_sorted_by_it(untouched, tmp_path, monkeypatch):
    """One plan of what a merge writes: each output checked once (the summary's own place joins it once the round is
    read), and each file the run wrote listed as what it is."""
    from thidua_xlsx import service
    from thidua_xlsx.model import result as rs
    from thidua_xlsx.model.requests import MergeRequest
    from thidua_xlsx.steps import outputs as out

    without_libreoffice(monkeypatch)
    checked: list[str] = []
    real = out._check
    monkeypatch.setattr(out, "_check", lambda new, *rest: (checked.extend(o.option for o in new), real(new, *rest)))
    folder = tmp_path / "nam"
    shutil.copytree(untouched["folder"].folder, folder, ignore=shutil.ignore_patterns("inbox"))
    result = service.run(MergeRequest(inbox=untouched["inbox"], campaign_path=folder / "campaign.xlsx",
                                      json_path=tmp_path / "r.json", docs_dir=tmp_path / "ho-so", force=True))
    assert sorted(checked) == ["docs", "json", "output"]
    kinds = {f.path.relative_to(tmp_path).parts[0]: f.kind for f in result.files if f.path.is_relative_to(tmp_path)}
    assert (kinds["r.json"], kinds["ho-so"]) == (rs.JSON, rs.PAPER)
    assert [f.kind for f in result.files if f.path.suffix == ".xlsx" and f.path.parent == folder] == [rs.SUMMARY]


# --- the machine's refusals: one sentence, what to do, exit 1, no partial file ---------------------------

def _failing_replace(monkeypatch, code: int, suffix: str, winerror: int | None = None):
    """os.replace failing for targets ending in ``suffix`` (as a full disk or Excel on Windows would)."""
    real = os.replace

    def replace(src, dst):
        if str(dst).endswith(suffix):
            error = OSError(code, os.strerror(code), str(src), None, str(dst))
            error.winerror = winerror
            raise error
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)


def test_a_full_disk_while_writing_the_summary_is_said_and_leaves_nothing(untouched, tmp_path, monkeypatch):
    _failing_replace(monkeypatch, errno.ENOSPC, "tong-hop.xlsx")
    result = run("merge", untouched["inbox"], "-o", tmp_path / "tong-hop.xlsx")
    assert result.exit_code == 1, result.output
    assert f"Không ghi được '{tmp_path / 'tong-hop.xlsx'}': ổ đĩa đầy — hãy giải phóng chỗ" in result.output
    assert _names(tmp_path) == [] and not list(tmp_path.glob(".*"))  # no .tmp, no lock left
    _clean(result)


def test_a_full_disk_while_writing_the_json_keeps_the_summary_whole(untouched, tmp_path, monkeypatch):
    _failing_replace(monkeypatch, errno.ENOSPC, "r.json")
    result = run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--json", tmp_path / "r.json")
    assert result.exit_code == 1 and "ổ đĩa đầy" in result.output and "r.json" in result.output
    assert _names(tmp_path) == ["S.xlsx"]
    _clean(result)


def test_the_summary_open_in_excel_says_close_it(untouched, tmp_path, monkeypatch):
    """Windows refuses to replace a file Excel holds open; Excel keeps its owner file ~$name beside it."""
    summary = tmp_path / "tong-hop.xlsx"
    assert run("merge", untouched["inbox"], "-o", summary).exit_code == 0
    before = summary.read_bytes()
    (tmp_path / "~$tong-hop.xlsx").write_bytes(b"Excel's owner file")
    _failing_replace(monkeypatch, errno.EACCES, "tong-hop.xlsx")
    result = run("merge", untouched["inbox"], "-o", summary, "--force")
    assert result.exit_code == 1, result.output
    assert "hãy đóng tệp tong-hop.xlsx trong Excel rồi chạy lại" in result.output
    assert summary.read_bytes() == before and _names(tmp_path) == ["tong-hop.xlsx", "~$tong-hop.xlsx"]
    _clean(result)


def test_a_sharing_violation_on_windows_says_close_the_file(untouched, tmp_path, monkeypatch):
    _failing_replace(monkeypatch, errno.EACCES, "bao-cao.json", winerror=files.WINDOWS_SHARING_VIOLATION)
    result = run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--json", tmp_path / "bao-cao.json")
    assert result.exit_code == 1 and "hãy đóng tệp bao-cao.json trong Excel" in result.output
    _clean(result)


def test_a_read_only_folder_is_said_before_any_work(untouched, tmp_path, monkeypatch):
    real_open = os.open

    def read_only(path, flags, *args):
        if flags & os.O_CREAT and str(path).startswith(str(tmp_path)):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(files.os, "open", read_only)
    result = run("merge", untouched["inbox"], "-o", tmp_path / "tong-hop.xlsx")
    assert result.exit_code == 1 and "chỉ cho đọc" in result.output and "Tệp:" not in result.output
    assert _names(tmp_path) == []
    _clean(result)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_folder_without_write_permission_is_said_before_any_work(untouched, tmp_path):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("merge", untouched["inbox"], "-o", folder / "tong-hop.xlsx")
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 1 and "không có quyền" in result.output and "Tệp:" not in result.output
    _clean(result)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders")
def test_papers_folder_without_write_permission_is_said_before_any_work(untouched, tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)
    docs, summary = tmp_path / "ho-so", tmp_path / "S.xlsx"
    assert run("merge", untouched["inbox"], "-o", summary, "--docs", docs).exit_code == 0
    before = tree_digest(tmp_path)
    own = docs / "Chien-si-thi-dua-co-so"
    own.chmod(0o555)  # its papers cannot be replaced: the folder refuses
    try:
        result = run("merge", untouched["inbox"], "-o", summary, "--docs", docs, "--force")
    finally:
        own.chmod(0o755)
    assert result.exit_code == 1, result.output
    assert (f"Không ghi được hồ sơ vào thư mục {docs}: thư mục ho-so/Chien-si-thi-dua-co-so không cho ghi tệp mới "
            "(không có quyền).") in result.output
    assert "bỏ dấu ô Read-only (Chỉ đọc)" in result.output and "Tệp:" not in result.output  # said before reading
    assert tree_digest(tmp_path) == before
    _clean(result)


def test_a_path_past_the_systems_limit_is_said_as_such(untouched, tmp_path):
    result = run("merge", untouched["inbox"], "-o", tmp_path / ("tong-hop-" * 40 + ".xlsx"))
    assert result.exit_code == 1 and "đường dẫn quá dài" in result.output
    assert "không có quyền" not in result.output and _names(tmp_path) == []
    _clean(result)


def test_an_outbox_path_past_the_systems_limit_is_said_as_such(school, tmp_path):
    result = run("generate", school["folder"].folder, "--round", "cham-diem", "-o", tmp_path / ("dot-1-" * 50))
    assert result.exit_code == 1 and "đường dẫn quá dài" in result.output and "File name too long" not in result.output
    _clean(result)


def test_a_full_disk_while_writing_the_papers_leaves_the_earlier_ones_whole(untouched, tmp_path, monkeypatch):
    from thidua_xlsx.papers import docx_engine

    without_libreoffice(monkeypatch)  # the Word papers saved aside show it: a PDF moves in only with its paper
    docs = tmp_path / "ho-so"
    assert run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx", "--docs", docs).exit_code == 0
    before = tree_digest(docs)
    real_save, saved = docx_engine.Paper.save, []

    def save(paper, path):
        saved.append(path)
        if len(saved) == 4:
            Path(path).write_bytes(b"half a paper")
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(paper, path)

    monkeypatch.setattr(docx_engine.Paper, "save", save)
    result = run("merge", untouched["inbox"], "-o", tmp_path / "S2.xlsx", "--docs", docs, "--force")
    assert result.exit_code == 1 and "ổ đĩa đầy" in result.output, result.output
    assert tree_digest(docs) == before  # papers are made aside and moved in only once all are made
    _clean(result)


def test_feedback_copies_are_written_whole(school, tmp_path, monkeypatch):
    from tests.filling import sheet
    from thidua_xlsx.model import layout as ly

    inbox = tmp_path / "inbox"
    gv02 = sheet(school["t1"], ly.ScoringSheet, "GV02")
    fill_department(school["t1"], inbox / school["t1"].name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0),
                    extra={(gv02.name, f"{gv02.self_column}{dict(gv02.items)['I.1']}"): "chín"})
    _failing_replace(monkeypatch, errno.ENOSPC, school["t1"].name)
    out = tmp_path / "gop-y"
    result = run("merge", inbox, "--campaign", school["folder"].folder, "-o", tmp_path / "S.xlsx", "--feedback", out)
    assert result.exit_code == 1 and "ổ đĩa đầy" in result.output and list(out.iterdir()) == []
    _clean(result)


def test_a_full_disk_during_generate_leaves_the_outbox_as_it_was(school, tmp_path, monkeypatch):
    from thidua_xlsx.write import department as writer

    outbox = tmp_path / "outbox"
    assert run("generate", school["folder"].folder, "--round", "cham-diem", "-o", outbox).exit_code == 0
    before = tree_digest(outbox)
    real, made = writer.write_issued_workbook, []

    def write(spec, path, period=None):
        made.append(path)
        if len(made) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(spec, path, period)

    monkeypatch.setattr(writer, "write_issued_workbook", write)
    result = run("generate", school["folder"].folder, "--round", "cham-diem", "-o", outbox, "--force")
    assert result.exit_code == 1 and "ổ đĩa đầy" in result.output, result.output
    assert tree_digest(outbox) == before and not list(outbox.glob(".*"))  # no staged workbook, no lock
    _clean(result)


def test_a_full_disk_during_init_leaves_no_half_campaign(tmp_path, monkeypatch):
    from thidua_xlsx.write import campaign_book

    def half_book(_campaign, path, *_provinces):
        Path(path).write_bytes(b"PK half a book")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(campaign_book, "_write_book", half_book)
    result = run("init", tmp_path / "thidua")
    assert result.exit_code == 1 and "ổ đĩa đầy" in result.output and "campaign.xlsx" in result.output
    assert _names(tmp_path / "thidua") == [] and not list((tmp_path / "thidua").glob(".*"))
    _clean(result)


# --- one run at a time: a second real process --------------------------------------------------------------

HOLD = """
import sys
from pathlib import Path
from thidua_xlsx.system.lock import holding
with holding([Path(sys.argv[1])], sys.argv[2]):
    print("ready", flush=True)
    sys.stdin.read()
"""


def _command(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua_xlsx", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def holder():
    """Starts a second process holding a lock (``hold(path, command)``) until the test ends."""
    started = []

    def hold(path: Path, command: str = "merge") -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), command], cwd=ROOT, text=True,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        started.append(process)
        assert process.stdout.readline().strip() == "ready"
        return process

    yield hold
    for process in started:
        process.stdin.close()
        process.wait(timeout=60)
        process.stdout.close()


def test_a_second_merge_on_the_campaign_is_refused_while_the_first_runs(untouched, tmp_path, holder):
    running = holder(lock.folder_lock_path(untouched["folder"].folder))
    done = _command("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx")
    assert done.returncode == 1, done.stderr
    assert "Một lệnh thidua-xlsx khác (merge) đang chạy trên chiến dịch" in done.stderr
    assert f"tiến trình {running.pid}" in done.stderr and "Hãy đợi lệnh đó xong rồi chạy lại" in done.stderr
    assert _names(tmp_path) == [] and "Lỗi nội bộ" not in done.stderr


def test_a_second_generate_on_the_campaign_is_refused(school, tmp_path, holder):
    holder(lock.folder_lock_path(school["folder"].folder), "generate")
    done = _command("generate", school["folder"].folder, "--round", "cham-diem", "-o", tmp_path / "outbox")
    assert done.returncode == 1 and "(generate) đang chạy trên chiến dịch" in done.stderr, done.stderr
    assert not list((tmp_path / "outbox").glob("*.xlsx"))


def test_two_merges_into_the_same_output_are_refused(untouched, tmp_path, holder):
    """Another campaign's merge writes the same summary: the output's own lock refuses this one."""
    summary = tmp_path / "tong-hop.xlsx"
    holder(lock.lock_path(summary))
    done = _command("merge", untouched["inbox"], "-o", summary)
    assert done.returncode == 1 and f"đang chạy trên '{summary}'" in done.stderr, done.stderr
    assert not summary.exists()


def test_a_lock_left_by_a_killed_run_does_not_stop_the_next(untouched, tmp_path):
    killed = subprocess.Popen([sys.executable, "-c", HOLD, str(lock.folder_lock_path(untouched["folder"].folder)),
                               "merge"], cwd=ROOT, text=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert killed.stdout.readline().strip() == "ready"
    killed.kill()  # the window closed: the lock stays behind
    killed.wait(timeout=60)
    killed.stdin.close()
    killed.stdout.close()
    assert lock.folder_lock_path(untouched["folder"].folder).exists()
    result = run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx")
    assert result.exit_code == 0, result.output
    assert not lock.folder_lock_path(untouched["folder"].folder).exists()


def test_a_merge_leaves_no_lock_behind(untouched, tmp_path):
    assert run("merge", untouched["inbox"], "-o", tmp_path / "S.xlsx").exit_code == 0
    assert not list(untouched["folder"].folder.glob(".*lock")) and not list(tmp_path.glob(".*lock"))


def test_a_copy_of_the_campaign_under_another_name_still_refuses_concurrent_outputs(school, tmp_path, holder):
    copy = tmp_path / "copy"
    shutil.copytree(school["folder"].folder, copy)
    summary = tmp_path / "S.xlsx"
    holder(lock.lock_path(summary))
    result = run("merge", copy / "inbox", "-o", summary)
    assert result.exit_code == 1 and "đang chạy" in result.output and not summary.exists()


def test_a_can_cu_line_of_another_school_is_said_by_the_run_that_writes_the_to_trinh(tmp_path, monkeypatch):
    """Sheet Căn cứ still cites another school's 2025-2026 plan: the Tờ trình opens with it (Mẫu 01, NĐ 152/2025), so
    the run that writes the papers says it at its cell, on screen and in sheet Kiểm tra, as generate does; a merge
    writing no paper leaves it to generate."""
    from openpyxl import load_workbook

    from thidua_xlsx.text import summary as sx

    without_libreoffice(monkeypatch)
    folder, (t1, t2) = scoring_round(tmp_path / "school")
    book = folder.folder / "campaign.xlsx"
    wb = load_workbook(book)
    basis = wb["Căn cứ"]
    line = "Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 của Trường Tiểu học Trực Cường năm học 2025-2026;"
    basis.cell(basis.max_row + 1, 1, line)
    cell = f"A{basis.max_row}"
    wb.save(book)
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 12, 9, 0))

    plain = run("merge", inbox, "-o", tmp_path / "S.xlsx")
    papers = run("merge", inbox, "-o", tmp_path / "S2.xlsx", "--docs", tmp_path / "ho-so")

    assert plain.exit_code == 0 and papers.exit_code == 0, papers.output
    assert "Trực Cường" not in plain.output
    said = [n for n in papers.output.splitlines() if f"Căn cứ!{cell}]" in n and "Trường Tiểu học Trực Cường" in n]
    assert len(said) == 1, papers.output
    checks = [row for row in load_workbook(tmp_path / "S2.xlsx")[sx.S_CHECK].iter_rows(values_only=True)
              if "Trường Tiểu học Trực Cường" in " ".join(str(v) for v in row if v)]
    assert len(checks) == 1 and "Căn cứ" in checks[0] and cell in checks[0], checks
    assert line in docx_text(tmp_path / "ho-so" / "01_To-trinh.docx")  # what the warning is about
