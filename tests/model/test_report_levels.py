"""One Report for every command: the commune's merge and status, and ``history``, count their run
as a school's merge does, and their exit codes come from that report alone — what the JSON says is what the
command exits with."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.model.exits import EXIT_OK, EXIT_STRICT, EXIT_UNUSABLE

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _commune(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def test_the_communes_merge_exits_with_what_its_report_says(tmp_path):
    folder = _commune(tmp_path)
    (folder / "inbox" / "hong.xlsx").write_bytes(b"PK\x03\x04 cut short")  # an error: refused, said, counted
    runs = {}
    for strict in (False, True):
        out = tmp_path / f"xa-{strict}.json"
        args = ["merge", str(folder / "inbox"), "-o", str(tmp_path / f"xa-{strict}.xlsx"), "--json", str(out)]
        result = CliRunner().invoke(main, args + (["--strict"] if strict else []))
        runs[strict] = (result.exit_code, json.loads(out.read_text(encoding="utf-8"))["report"])

    (loose, report), (strict_code, strict_report) = runs[False], runs[True]
    assert (loose, report["exit_code"], report["valid"]) == (EXIT_OK, EXIT_OK, True)
    counts = report["counts"]
    assert (counts["departments"], counts["submitted"], counts["people"]) == (4, 3, None)  # schools; people not counted
    assert (counts["files"], counts["rejected"], counts["errors"]) == (5, 1, 1)
    assert (strict_code, strict_report["exit_code"], strict_report["strict"]) == (EXIT_STRICT, EXIT_STRICT, True)


def test_a_commune_with_nothing_sent_is_unusable_by_its_report(tmp_path):
    folder = _commune(tmp_path)
    shutil.rmtree(folder / "inbox")
    (folder / "inbox").mkdir()

    assert CliRunner().invoke(main, ["status", str(folder / "inbox")]).exit_code == EXIT_UNUSABLE
    result = CliRunner().invoke(main, ["merge", str(folder / "inbox"), "-o", str(tmp_path / "xa.xlsx")])
    assert result.exit_code == EXIT_UNUSABLE and not (tmp_path / "xa.xlsx").exists()


def test_history_exits_from_its_report(tmp_path):
    wrong = CliRunner().invoke(main, ["history", "--book", str(tmp_path / "lich-su.xlsx"),
                                      str(SAMPLES / "campaign.xlsx")])
    right = CliRunner().invoke(main, ["history", "--book", str(tmp_path / "lich-su-2.xlsx"),
                                      str(SAMPLES / "tong-hop-cuoi.xlsx"), str(SAMPLES / "campaign.xlsx")])

    assert wrong.exit_code == EXIT_UNUSABLE, wrong.output  # the only summary given was refused
    assert right.exit_code == EXIT_OK, right.output  # one year added, one file refused and said
    assert "campaign.xlsx" in right.output
