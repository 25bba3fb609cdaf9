"""One count of provisional proposals in a run: the year's council withdraws a proposal resting on a
computed rating; the screen, the JSON, the workbook's Biên bản and Tờ trình and the Word papers then all say the
count as the council left it — never the count from before its pass."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.documents import docx_text
from tests.filling import council_types
from tests.no_office import without_libreoffice
from thidua_xlsx.cli import main
from thidua_xlsx.model.titles import NO_PROPOSAL
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"
ON_SCREEN = re.compile(r"(\d+) người và (\d+) tập thể \(tổ có người ấy trong số Lao động tiên tiến\)")


def _year(folder: Path, json_path: Path, *args) -> tuple[str, dict]:
    result = CliRunner().invoke(main, ["year", str(folder / "ky"), "--campaign", str(folder), "--json",
                                       str(json_path), *map(str, args)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), json.loads(json_path.read_text(encoding="utf-8"))


def _counted(data: dict) -> tuple[int, int]:
    [said] = [p for p in data["problems"] if p["code"] == "year.provisional"]
    return said["params"]["count"], said["params"]["units"]


def test_the_screen_and_the_papers_say_the_count_the_council_left(tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)  # the papers' sentence is read from their Word files
    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("inbox", "inbox-dang-ky", "*.lock", "da-ghi.json"))
    (folder / "out").mkdir()
    _, before = _year(folder, folder / "out" / "nam.json", "-o", folder / "out" / "nam.xlsx")
    people, units = _counted(before)
    council = folder / "out" / "hoi-dong.xlsx"
    council_types(folder / "out" / "nam.xlsx", council, {"GV009": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})

    output, after = _year(folder, folder / "out" / "cuoi.json", "-o", folder / "out" / "cuoi.xlsx", "--council",
                          council, "--docs", folder / "out" / "ho-so")

    final = _counted(after)
    assert final == (people - 1, units) or final == (people - 1, units - 1)  # GV009's proposal withdrawn
    assert [tuple(map(int, m)) for m in ON_SCREEN.findall(output)] == [final]  # once, the council's count
    sentence = dw.provisional_sentence(*final, "2026-2027")
    book = load_workbook(folder / "out" / "cuoi.xlsx")
    for sheet in (sx.S_MINUTES, sx.S_LETTER):
        assert sentence in [str(c.value) for row in book[sheet].iter_rows() for c in row if c.value], sheet
    papered = dw.provisional_sentence(*final, "2026-2027", dw.PROVISIONAL_MARKED)
    for paper in ("01_To-trinh.docx", "02_Bien-ban-hop-binh-xet.docx"):
        assert papered in docx_text(folder / "out" / "ho-so" / paper).split("\n"), paper
