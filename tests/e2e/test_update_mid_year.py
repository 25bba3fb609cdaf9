"""An update in the middle of the year loses nothing (docs/compatibility.md): the sample year by months continued
with what earlier releases' own code left in it (tests/corpus/) — September's summary at the folder's root (0.4.0)
found and moved into ky/ with a word; the head's pass kept only inside September's summary (0.5.0) carried into
hoi-dong/ the first time it is seen and applied by the merge that rewrites that summary, and by every later one."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.decide.conftest import run
from tests.samples import SAMPLES
from tests.summary_meta import read_summary_meta
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places

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
