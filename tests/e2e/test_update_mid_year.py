"""An update in the middle of the year loses nothing (docs/compatibility.md): the sample year by months continued
with what earlier releases' own code left in it (tests/corpus/) — September's summary at the folder's root (0.4.0)
found and moved into ky/ with a word; the head's pass kept only inside September's summary (0.5.0) carried into
hoi-dong/ the first time it is seen and applied by the merge that rewrites that summary, and by every later one; a
month as 0.2.0 left it (its campaign book, its records of the books issued, the books sent back) merged again as that
release merged it; the campaign books of 0.3.0 and 0.5.0 and the history books of 0.1.0 and 0.5.0 read as today's."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.decide.conftest import run
from tests.samples import SAMPLES, school_copy
from tests.summary_meta import read_summary_meta
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places
from thidua_xlsx.text import releases as rx

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
if not (CORPUS / "corpus.json").is_file():  # tools/build_corpus.py has not been run on this checkout yet
    pytest.skip("tests/corpus/ not built: python tools/build_corpus.py", allow_module_level=True)
HEAD_CODE, HEAD_SCORE = "GV001", 71.0  # the head's changed score in 0.5.0's pass (tools/build_corpus.py)


def _year(into: Path, passes: bool = False) -> Path:
    """The sample year copied; ``passes``: with the heads' passes kept in hoi-dong/, else none (as 0.5.0 kept them)."""
    folder = into / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", folder, ignore=shutil.ignore_patterns("cac-lan-chay.json", "Mo-trang-*"))
    if not passes:
        shutil.rmtree(folder / "hoi-dong")
    return folder


def _recorded_by_its_release(folder: Path, name: str) -> None:
    """``folder``'s record of the tool's own files (da-ghi.json, the same since 0.4.0) names the file at ``name`` as the
    earlier release that wrote it there recorded it: the next merge may replace it."""
    record = json.loads((folder / places.OUTPUTS_RECORD).read_text(encoding="utf-8"))
    record["files"].pop("ky/" + Path(name).name, None)
    record["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / places.OUTPUTS_RECORD).write_text(json.dumps(record), encoding="utf-8")


def _meta(path: Path) -> ly.SummaryMeta:
    meta = read_summary_meta(path.read_bytes())
    assert meta is not None
    return meta


def test_a_period_summary_an_earlier_release_wrote_at_the_root_is_found_and_moved(tmp_path):
    """0.4.0 merged September without the head's pass (its metadata: not passed); the pass kept in hoi-dong/ since is
    not in it, so the year says so with how to apply it; September merged again (the summary moved is the tool's own
    there: replaced, not written beside) applies it, and the year is no longer a draft for September."""
    folder = _year(tmp_path, passes=True)
    (folder / "ky" / "tong-hop_thang-9.xlsx").unlink()
    shutil.copyfile(CORPUS / "0.4.0" / "ca-nam" / "tong-hop_thang-9.xlsx", folder / "tong-hop_thang-9.xlsx")
    _recorded_by_its_release(folder, "tong-hop_thang-9.xlsx")

    result = run("year", folder / "ky", "-o", tmp_path / "ca-nam.xlsx")

    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert "đã được chuyển vào ky/tong-hop_thang-9.xlsx" in said
    assert (folder / "ky" / "tong-hop_thang-9.xlsx").is_file() and not (folder / "tong-hop_thang-9.xlsx").exists()
    assert "chưa có bảng tổng hợp" not in said
    assert "chưa áp dụng lượt duyệt của Hiệu trưởng đang giữ ở hoi-dong/hieu-truong_thang-9.xlsx" in said, said
    assert "merge inbox/thang-9 --period thang-9 --force" in said
    assert ("thang-9", "not_passed") in {(code, why) for code, why, *_ in _meta(tmp_path / "ca-nam.xlsx").draft}

    again = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "--force")
    assert again.exit_code == 0 and "(moi)" not in again.output, again.output
    result = run("year", folder / "ky", "-o", tmp_path / "ca-nam.xlsx", "--force")
    assert result.exit_code == 0 and "chưa áp dụng lượt duyệt" not in result.output, result.output
    year = _meta(tmp_path / "ca-nam.xlsx")
    assert "thang-9" not in {code for code, *_ in year.draft}


def test_the_head_s_pass_inside_an_earlier_period_summary_is_carried_and_kept_by_a_re_merge(tmp_path):
    folder = _year(tmp_path)
    old = CORPUS / "0.5.0" / "ca-nam" / "ky" / "tong-hop_thang-9.xlsx"
    before = _meta(old)
    assert before.council and not before.applied  # the pass lived only inside it
    assert dict((p[0], p[1]) for p in before.people)[HEAD_CODE] == HEAD_SCORE
    shutil.copyfile(old, folder / "ky" / "tong-hop_thang-9.xlsx")
    _recorded_by_its_release(folder, "ky/tong-hop_thang-9.xlsx")

    result = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "--force")  # a late book: again

    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    kept = folder / "hoi-dong" / "hieu-truong_thang-9.xlsx"
    assert kept.is_file() and "Lượt duyệt của Hiệu trưởng nằm trong ky/tong-hop_thang-9.xlsx" in said
    after = _meta(folder / "ky" / "tong-hop_thang-9.xlsx")
    assert dict((p[0], p[1]) for p in after.people)[HEAD_CODE] == HEAD_SCORE and "(moi)" not in said
    assert [tuple(row[:3]) for row in after.applied] == [("head", "thang-9", "hoi-dong/hieu-truong_thang-9.xlsx")]

    again = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "--force")  # and every later merge
    assert again.exit_code == 0, again.output
    assert dict((p[0], p[1]) for p in _meta(folder / "ky" / "tong-hop_thang-9.xlsx").people)[HEAD_CODE] == HEAD_SCORE


@pytest.mark.parametrize("release", ["0.3.0", "0.5.0"])
def test_the_head_s_pass_saved_as_the_readme_said_is_carried_and_the_year_reads_the_late_book(tmp_path, release):
    """0.2–0.5's READMEs kept the head's pass as its own final summary, ``-o ky/cuoi_thang-9.xlsx``, beside the
    period's summary (made so by that release's own command line, tests/corpus/<release>/ca-nam-readme/). After the
    update a late book comes in and September is merged again: the pass is found under that name, kept in hoi-dong/,
    applied — and the year then reads the re-merged September, the late book's people scored, the head's score kept."""
    folder = _year(tmp_path)
    readme = CORPUS / release / "ca-nam-readme" / "ky"
    for name in ("tong-hop_thang-9.xlsx", "cuoi_thang-9.xlsx"):
        shutil.copyfile(readme / name, folder / "ky" / name)
    _recorded_by_its_release(folder, "ky/tong-hop_thang-9.xlsx")
    passed = _meta(folder / "ky" / "cuoi_thang-9.xlsx")
    assert passed.council and dict((p[0], p[1]) for p in passed.people)[HEAD_CODE] == HEAD_SCORE

    late = next((folder / "inbox" / "thang-9").glob("*Van-phong*.xlsx"))
    load_workbook(late).save(late)  # a department's book sent again after the pass: saved now, as Excel saves it

    result = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "--force")

    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert (folder / "hoi-dong" / "hieu-truong_thang-9.xlsx").is_file()
    assert "Lượt duyệt của Hiệu trưởng nằm trong ky/cuoi_thang-9.xlsx" in said
    after = _meta(folder / "ky" / "tong-hop_thang-9.xlsx")
    assert dict((p[0], p[1]) for p in after.people)[HEAD_CODE] == HEAD_SCORE
    year = run("year", folder / "ky", "--campaign", folder, "-o", tmp_path / "nam.xlsx", "--json",
               tmp_path / "nam.json")
    assert year.exit_code in (0, 1), year.output
    used = {f["name"]: f["status"] for f in json.loads((tmp_path / "nam.json").read_text("utf-8"))["files"]}
    assert used["tong-hop_thang-9.xlsx"] == "accepted" and used["cuoi_thang-9.xlsx"] == "superseded", used


def test_a_pass_under_the_name_the_runs_record_gives_is_carried(tmp_path):
    """A head's pass written with ``-o`` under a name of her own, remembered by the runs record as the period's pass,
    is found there too when the summary of the period is merged again."""
    folder = _year(tmp_path)
    shutil.copyfile(CORPUS / "0.5.0" / "ca-nam-readme" / "ky" / "cuoi_thang-9.xlsx", folder / "ky" / "ban-duyet.xlsx")
    shutil.copyfile(CORPUS / "0.5.0" / "ca-nam-readme" / "ky" / "tong-hop_thang-9.xlsx",
                    folder / "ky" / "tong-hop_thang-9.xlsx")
    _recorded_by_its_release(folder, "ky/tong-hop_thang-9.xlsx")
    run_file = {"path": "ky/ban-duyet.xlsx", "kind": "summary", "replaced": False, "beside": ""}
    record = {"schema": 1, "release": "0.8.0", "runs": [{
        "command": "merge", "key": "thang-9", "when": "2026-10-05T08:00:00+07:00", "door": "cli", "exit_code": 0,
        "counts": {}, "issues": [], "lines": [], "files": [run_file], "council": True}]}
    (folder / places.RUNS_RECORD).write_text(json.dumps(record), encoding="utf-8")

    result = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "--force")

    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert "Lượt duyệt của Hiệu trưởng nằm trong ky/ban-duyet.xlsx" in said
    assert dict((p[0], p[1]) for p in _meta(folder / "ky" / "tong-hop_thang-9.xlsx").people)[HEAD_CODE] == HEAD_SCORE


def _sheets(path: Path, *names: str) -> dict[str, list[tuple]]:
    """The rows of the sheets ``names`` of the book at ``path`` (every sheet when none is named)."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in names or book.sheetnames}
    finally:
        book.close()


def _people(rows: list[tuple]) -> list[tuple]:
    """A sheet Điểm chi tiết's people: their groups and totals, then the score used, its source, rating and note."""
    return [row[:11] + row[-4:] for row in rows if isinstance(row[0], int)]


def test_a_month_as_0_2_0_left_it_is_merged_again_as_that_release_merged_it(tmp_path):
    """October of the year by months as 0.2.0 left it (its own code: tools/build_corpus.py): its campaign book, its
    records of the six books it issued, the six books sent back. Merged again by this release, every book is used and
    every person ranked, scored and rated as 0.2.0's own summary of the month says."""
    folder = tmp_path / "ca-nam"
    shutil.copytree(CORPUS / "0.2.0" / "ca-nam-thang-10", folder)

    result = run("merge", folder / "inbox" / "thang-10", "--period", "thang-10", "-o", tmp_path / "nay.xlsx")

    said = " ".join(result.output.split())
    assert result.exit_code == 0, said
    assert "Tệp: 6 (dùng 6, bản cũ 0, bị từ chối 0, bỏ qua 0)" in said and "Vấn đề: 0 lỗi" in said, said
    then = _sheets(folder / "ky" / "tong-hop_thang-10.xlsx", "Xếp hạng", "Điểm chi tiết")
    now = _sheets(tmp_path / "nay.xlsx", "Xếp hạng", "Điểm chi tiết")
    ranked = [row for row in now["Xếp hạng"] if isinstance(row[0], int)]
    assert len(ranked) == 43 and [row[:6] for row in now["Xếp hạng"]] == [row[:6] for row in then["Xếp hạng"]]
    assert not any(row[6] for row in ranked)  # the column of why one is not ranked (since 0.10): all are
    # each person's groups and totals, then the score used, its source and the rating (the council's columns between
    # them have grown since)
    assert _people(now["Điểm chi tiết"]) == _people(then["Điểm chi tiết"])
    # 0.2.0 kept no runs record: its campaign book says the tool wrote it, so the folder hears once what changed
    heading = rx.UPDATED.format(before=rx.UPDATED_BEFORE_0_8, after=rx.VERSION)
    assert heading in result.output.splitlines(), result.output
    again = run("merge", folder / "inbox" / "thang-10", "--period", "thang-10", "-o", tmp_path / "nay.xlsx", "--force")
    assert again.exit_code == 0 and "đã được cập nhật" not in again.output, again.output


@pytest.mark.parametrize("book", ["0.3.0/ca-nam-readme/campaign.xlsx", "0.5.0/ca-nam/campaign.xlsx"])
def test_a_campaign_book_an_earlier_release_wrote_scores_the_month_as_today_s(tmp_path, book):
    """The sample year's September merged with the campaign book 0.3.0 or 0.5.0 wrote instead of today's: the same
    books used, the same people ranked, scored and rated; only the book's own values differ (its filing deadline, a
    basis of the year before, said as such)."""
    today, earlier = _year(tmp_path / "nay", passes=True), _year(tmp_path / "truoc", passes=True)
    shutil.copyfile(CORPUS / book, earlier / "campaign.xlsx")
    for folder in (today, earlier):
        result = run("merge", folder / "inbox" / "thang-9", "--period", "thang-9", "-o", folder / "thang-9.xlsx")
        said = " ".join(result.output.split())
        assert result.exit_code == 0 and "Vấn đề: 0 lỗi" in said, said

    names = ("Xếp hạng", "Điểm chi tiết")
    assert _sheets(earlier / "thang-9.xlsx", *names) == _sheets(today / "thang-9.xlsx", *names)


@pytest.mark.parametrize("release", ["0.1.0", "0.5.0"])
def test_a_history_book_an_earlier_release_wrote_takes_the_year_as_today_s(tmp_path, release):
    """The year's final summary added to the history book 0.1.0 or 0.5.0 wrote (tools/build_corpus.py) as to the one
    today's samples ship: the same words, the same book after, sheet by sheet."""
    said, books = [], []
    for name, source in (("nay", SAMPLES / "lich-su.xlsx"), ("truoc", CORPUS / release / "lich-su.xlsx")):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copyfile(source, folder / "lich-su.xlsx")
        shutil.copyfile(SAMPLES / "tong-hop-cuoi.xlsx", folder / "tong-hop-cuoi.xlsx")
        result = run("history", "--book", folder / "lich-su.xlsx", folder / "tong-hop-cuoi.xlsx")
        assert result.exit_code == 0, result.output
        said.append(result.output.replace(str(folder), "<thư mục>"))
        books.append(_sheets(folder / "lich-su.xlsx"))

    assert "Sổ có 4 năm học" in said[0] and said[1] == said[0]
    assert books[1] == books[0]


def test_the_council_s_pass_inside_the_final_summary_0_5_0_s_readme_wrote_is_carried(tmp_path):
    """0.5.0's README had the council's pass written beside the campaign folder (``merge thidua-2025/inbox --council
    tong-hop.xlsx -o tong-hop-cuoi.xlsx``), the pass kept only inside that summary, the run remembered by its runs
    record. A late book after the update, the round merged again: the council's pass is found there, kept in
    hoi-dong/ with a word, and applied — the council's proposals those of 0.5.0's own final summary."""
    folder = school_copy(tmp_path)
    (folder / "tong-hop-cuoi.xlsx").unlink()
    final = tmp_path / "tong-hop-cuoi.xlsx"  # where the README's command, run beside the folder, wrote it
    shutil.copyfile(CORPUS / "0.5.0" / "tong-hop-cuoi.xlsx", final)
    passed = _meta(final)
    assert passed.council and not passed.applied
    run_file = {"path": str(final), "kind": "summary", "replaced": False, "beside": ""}
    record = {"schema": 1, "runs": [{  # 0.5.0 named no release in it
        "command": "merge", "key": ly.SCORING, "when": "2026-05-20T16:00:00+07:00", "door": "cli", "exit_code": 1,
        "counts": {}, "issues": [], "lines": [], "files": [run_file], "council": True}]}
    (folder / places.RUNS_RECORD).write_text(json.dumps(record), encoding="utf-8")

    result = run("merge", folder / "inbox", "--force")

    said = " ".join(result.output.split())
    assert result.exit_code in (0, 1), said
    assert f"Kết quả họp Hội đồng nằm trong {final}" in said
    assert "đã được giữ sang hoi-dong/hoi-dong_cham-diem.xlsx: lần tổng hợp này và các lần sau áp dụng lại" in said
    assert (folder / "hoi-dong" / "hoi-dong_cham-diem.xlsx").is_file()
    after = _meta(places.Places(folder).summary(ly.SCORING))
    assert [row[0] for row in after.applied] == ["council"]
    # the council's word, as 0.5.0's own final summary has it: one withdrew, one chosen on the last CSTĐCS slot
    assert "Phạm Thị Thúy (GV013): không đề nghị Lao động tiên tiến nữa – lý do: Đồng chí xin rút tại cuộc họp" in said
    titles = {code: titles for code, _name, _born, _rating, titles, *_ in after.outcomes}
    titles_then = {code: titles for code, _name, _born, _rating, titles, *_ in passed.outcomes}
    assert titles["GV013"] == titles_then["GV013"] == ()
    assert "CSTDCS" in titles["QL002"] and "CSTDCS" in titles_then["QL002"]
