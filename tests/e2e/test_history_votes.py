"""The history book records what people received: a title the council's ballot decides (CSTĐCS) whose count the
secretary has not typed yet is no title received — not written into lich-su.xlsx, said with the names — and once
the votes are typed and the council's pass run again, it is (next years' multi-year titles count the book)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.filling import council_types, council_votes_all, on_ballot
from thidua_xlsx.cli import main
from thidua_xlsx.model.titles import CSTDCS
from thidua_xlsx.model.titles import name as title_name

YEAR_SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _titles(book: Path) -> dict[str, str]:
    ws = load_workbook(book)["Cá nhân"]
    rows = list(ws.iter_rows(values_only=True))
    code, titles = rows[0].index("Mã"), rows[0].index("Danh hiệu")
    return {row[code]: row[titles] or "" for row in rows[1:] if row[code]}


def test_a_cstdcs_whose_vote_is_not_typed_is_not_written_into_the_history_until_it_is(tmp_path):
    folder = tmp_path / "ca-nam"
    shutil.copytree(YEAR_SAMPLE, folder)
    summary, council = folder / "tong-hop_ca-nam.xlsx", folder / "hoi-dong_ca-nam.xlsx"
    candidates = on_ballot(summary, CSTDCS)
    assert len(candidates) >= 2
    council_types(summary, council, {})  # the meeting's workbook, its votes not typed yet
    _run("year", str(folder / "ky"), "--council", str(council), "-o", str(summary), "--campaign", str(folder),
         "--force")

    said = _run("history", "--book", str(folder / "lich-su.xlsx"), str(summary))
    assert f"{len(candidates)} người được đề nghị Chiến sĩ thi đua cơ sở chưa có kết quả bỏ phiếu" in said, said
    assert "chưa ghi vào sổ lịch sử" in said
    titles = _titles(folder / "lich-su.xlsx")
    assert all(title_name(CSTDCS) not in titles[code] for code in candidates)
    assert all("Lao động tiên tiến" in titles[code] for code in candidates)  # what the council's pass settled stays

    assert council_votes_all(summary, council, CSTDCS, members=11) == candidates
    _run("year", str(folder / "ky"), "--council", str(council), "-o", str(summary), "--campaign", str(folder),
         "--force")
    said = _run("history", "--book", str(folder / "lich-su.xlsx"), str(summary))
    assert "chưa có kết quả bỏ phiếu" not in said, said
    titles = _titles(folder / "lich-su.xlsx")
    assert all(title_name(CSTDCS) in titles[code] for code in candidates)
