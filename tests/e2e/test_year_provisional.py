"""The year's workbook says what its proposals rest on: its Biên bản and Tờ trình sheets carry the
sentence on the proposals resting on a rating not yet decided, counted once as the screen and the Word papers count
them, and the people registered but not proposed are named with their reasons and their year's score."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


def _sheet_text(ws) -> list[str]:
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def test_the_years_papers_count_the_provisional_proposals_as_the_screen_does(tmp_path):
    folder = tmp_path / "ca-nam"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("inbox", "inbox-dang-ky"))
    result = CliRunner().invoke(main, ["year", str(folder / "ky"), "-o", str(folder / "nam.xlsx"), "--json",
                                       str(folder / "nam.json")])
    data = json.loads((folder / "nam.json").read_text(encoding="utf-8"))
    [said] = [p for p in data["problems"] if p["code"] == "year.provisional"]
    people, units = said["params"]["count"], said["params"]["units"]
    assert f"{people} người và {units} tập thể" in result.output

    wb = load_workbook(folder / "nam.xlsx")
    sentence = dw.provisional_sentence(people, units, "2026-2027")
    for sheet in (sx.S_MINUTES, sx.S_LETTER):
        assert sentence in _sheet_text(wb[sheet]), sheet

    refused = wb[sx.S_REFUSED]
    rows = [[c.value for c in row] for row in refused.iter_rows()]
    head = next(r for r in rows if r and r[0] == "STT")
    assert head[5] == sx.YEAR_SCORE_HEAD
    nam = next(r for r in rows if r[1] == "Đoàn Văn Nam")
    assert nam[5] == 80 and "KHTNV" in nam[-1]  # the year's score (a number), and why he is not proposed
