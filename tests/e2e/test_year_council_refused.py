"""``year --council`` given a period's summary: refused for what the file is before any work."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


def test_a_period_s_summary_given_to_the_year_s_council_is_refused_before_any_work(tmp_path):
    """``year --council tong-hop_thang-9.xlsx``: the file is said for what it is (a period's, to be used with merge
    --period … --council) before the periods are read — no year's line, no warning of the year, nothing written."""
    sample = tmp_path / "sample"
    shutil.copytree(SAMPLE, sample, ignore=shutil.ignore_patterns("*.lock", "da-ghi.json"))
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "--council",
                                       str(sample / "ky" / "tong-hop_thang-9.xlsx"), "-o", str(tmp_path / "y.xlsx"),
                                       "--docs", str(tmp_path / "ho-so")])
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "'tong-hop_thang-9.xlsx' là bảng tổng hợp của kỳ Tháng 9/2026 (thang-9), không phải bảng tổng hợp cả " \
           "năm" in text
    hint = "merge <thư mục sổ của kỳ> --period thang-9 --council hieu-truong_thang-9.xlsx --force"
    assert hint in text
    assert "Cả năm: dùng bảng tổng hợp" not in text and "GV019" not in text  # the year was not read
    assert not (tmp_path / "y.xlsx").exists()
    assert not (tmp_path / "ho-so").exists()  # nor the papers' folder, asked whether it could be made (found by trying)
    # the hint works as said (found by a stranger: the period's own table given to --council is also its output)
    shutil.copy(sample / "ky" / "tong-hop_thang-9.xlsx", sample / "hieu-truong_thang-9.xlsx")
    followed = CliRunner().invoke(main, ["merge", str(sample / "inbox" / "thang-9"), "--period", "thang-9",
                                         "--council", str(sample / "hieu-truong_thang-9.xlsx"), "--force"])
    assert followed.exit_code == 0, followed.output
