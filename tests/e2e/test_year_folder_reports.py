"""The tool's own files in the year's folder are passed over, never counted as a period's summary. The
README's period commands with their JSON report (``merge inbox/thang-9 --period thang-9 --json ky/…json``) put a
report beside each summary in ``ky/``; ``year ky/ --strict`` reads the summaries, lists each report — and the
tool's records, a lock, a temporary file, the launchers, a summary's PDF — as the tool's own with a note, and exits
0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED, SKIPPED
from thidua_xlsx.system.lock import lock_path
from thidua_xlsx.write.launchers import write_launchers

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PERIODS = ("thang-9", "thang-10")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """The sample year (samples/ca-nam) run the README's way: each month merged into ky/ with its JSON report; the
    tool's other files of a campaign folder put in ky/ too (the year's own report, its records, a lock…)."""
    here = tmp_path_factory.mktemp("nam") / "ca-nam"
    shutil.copytree(SAMPLES / "ca-nam", here, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    ky = here / "ky"
    for summary in ky.glob("*.xlsx"):
        summary.unlink()  # made again below, each beside its report
    for period in PERIODS:
        merged = run("merge", here / "inbox" / period, "--period", period, "--json", ky / f"tong-hop_{period}.json")
        assert merged.exit_code == 0, merged.output
    for own in ("da-ghi.json", "cac-lan-chay.json", "ca-nam.json"):  # the records, the year's report (year --json)
        shutil.copy2(here / own, ky / own)
    shutil.copy2(SAMPLES / "bao-cao.json", ky / "bao-cao.json")  # another campaign's report: ours all the same
    shutil.copy2(SAMPLES / "cap-xa" / "xa.json", ky / "xa.json")  # the commune's
    lock_path(ky / "tong-hop_thang-9.xlsx").write_text("{}")
    (ky / "tong-hop_thang-10.xlsx.0a1b2c3d.tmp").write_bytes(b"PK\x03\x04")
    write_launchers(ky)
    (ky / "tong-hop_thang-9.pdf").write_bytes(b"%PDF-1.7\n")  # merge --pdf: the summary printed beside it
    return here


def test_the_year_over_a_folder_with_its_reports_is_clean_under_strict(school, tmp_path):
    ky = school / "ky"
    result = run("year", ky, "--campaign", school, "-o", tmp_path / "ca-nam.xlsx", "--json", tmp_path / "ca-nam.json",
                 "--strict")

    assert result.exit_code == 0, result.output
    assert "Lỗi:" not in result.output and "hãy nhờ tổ gửi lại" not in result.output
    data = json.loads((tmp_path / "ca-nam.json").read_text(encoding="utf-8"))
    files = {f["name"]: f for f in data["files"]}
    assert {name for name, f in files.items() if f["status"] == ACCEPTED} == {f"tong-hop_{p}.xlsx" for p in PERIODS}
    assert not [name for name, f in files.items() if f["status"] == REJECTED]
    own = {name: f for name, f in files.items() if f["reason"] == "year.own_file"}
    assert set(own) == {"tong-hop_thang-9.json", "tong-hop_thang-10.json", "ca-nam.json", "bao-cao.json", "xa.json",
                        "da-ghi.json", "cac-lan-chay.json", ".tong-hop_thang-9.xlsx.thidua-xlsx.lock",
                        "tong-hop_thang-10.xlsx.0a1b2c3d.tmp", "Mo-trang-thi-dua.bat", "Mo-trang-thi-dua.command",
                        "Mo-trang-thi-dua.sh", "tong-hop_thang-9.pdf"}
    assert {f["status"] for f in own.values()} == {SKIPPED} and all(f["sha256"] for f in own.values())
    said = {p["file"]: p for p in data["problems"] if p["code"] == "year.own_file"}
    assert set(said) == set(own) and {p["severity"] for p in said.values()} == {"note"}
    assert said["tong-hop_thang-9.json"]["params"] == {"kind": ["own.report"]}
    assert said["da-ghi.json"]["params"] == {"kind": ["own.record"]}
    assert data["report"]["counts"]["errors"] == 0 and data["report"]["exit_code"] == 0
    assert [p["code"] for p in data["year"]["periods"]] == list(PERIODS) and not data["year"]["missing"]


def test_the_note_names_what_the_file_is():
    from thidua_xlsx.model.issues import issue

    note = issue("year.own_file", "note", file="tong-hop_thang-9.json", kind=("own.report",))

    assert note.render() == ("[tong-hop_thang-9.json] Tệp của chính chương trình (báo cáo JSON của một lần tổng hợp, "
                             "ghi bằng --json), không phải bảng tổng hợp kỳ – bỏ qua, không cần làm gì.")


def test_a_file_that_is_not_the_tool_s_is_still_refused(school, tmp_path):
    """Told by content: a JSON of another program named as our report is no report of ours; a PDF is the tool's
    only beside the summary of its name."""
    ky = tmp_path / "ky"
    shutil.copytree(school / "ky", ky)
    (ky / "tong-hop_thang-9.json").write_text('{"ghi chú": "của tôi"}', encoding="utf-8")
    (ky / "ke-hoach.pdf").write_bytes(b"%PDF-1.7\n")  # no summary of its name beside it

    result = run("year", ky, "--campaign", school, "-o", tmp_path / "ca-nam.xlsx", "--strict")

    assert result.exit_code == 3, result.output
    assert "Lỗi: [tong-hop_thang-9.json]" in result.output and "Lỗi: [ke-hoach.pdf]" in result.output
    assert "Lỗi: [tong-hop_thang-9.pdf]" not in result.output
