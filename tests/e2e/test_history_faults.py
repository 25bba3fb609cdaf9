"""Unknown is never "never": the shipped year merged with a history that is broken, cut short, empty,
the wrong file or without its Thâm niên sheet — one clear message each, and no Kỷ niệm chương granted again to
QL001 and NV004, whom the real book shows received it (every multi-year decision left pending, saying why)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.model.exits import EXIT_OK
from thidua_xlsx.model.history import BK_TINH, KNC_GD
from thidua_xlsx.model.titles import CSTD_TINH
from thidua_xlsx.text import history as hx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RECEIVED = ("QL001", "NV004")  # Kỷ niệm chương received in 2014-2015 and 2018-2019 (samples/lich-su.xlsx)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The sample campaign copied (a run records what it wrote in the campaign folder)."""
    out = tmp_path_factory.mktemp("history-faults") / "samples"
    shutil.copytree(SAMPLES, out, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "outbox", "*.lock",
                                                                 "da-ghi.json", "huong-dan*"))
    return out


def _without_service(path: Path) -> Path:
    wb = load_workbook(SAMPLES / "lich-su.xlsx")
    del wb[hx.S_SERVICE]
    wb.save(path)
    return path


BOOK = (SAMPLES / "lich-su.xlsx").read_bytes()
FAULTS = {  # the history given, made in the folder: the message said once
    "cut-short": (lambda folder: _written(folder / "lich-su.xlsx", BOOK[:len(BOOK) // 2]), "history.book_broken"),
    "empty": (lambda folder: _written(folder / "lich-su.xlsx", b""), "history.book_broken"),
    "campaign": (lambda folder: folder / "campaign.xlsx", "history.book_is_campaign"),
    "no-tham-nien": (lambda folder: _without_service(folder / "lich-su.xlsx"), "history.sheet_missing"),
}


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _merged(copy: Path, history: Path, out: Path) -> tuple:
    out.mkdir()
    result = CliRunner().invoke(main, ["merge", str(copy / "inbox"), "--council", str(copy / "hoi-dong.xlsx"),
                                       "--campaign", str(copy), "--history", str(history), "-o", str(out / "cuoi.xlsx"),
                                       "--json", str(out / "cuoi.json")])
    assert result.exit_code == EXIT_OK, result.output
    data = json.loads((out / "cuoi.json").read_text("utf-8"))
    decided = {p["code"]: {d["title"]: d for d in p["decisions"]} for p in data["history"]["people"]}
    return result.output, data, decided


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_broken_or_wrong_history_never_grants_the_medal_again(copy, tmp_path, fault):
    make, code = FAULTS[fault]
    folder = tmp_path / "lich-su"
    folder.mkdir()
    history = make(folder if fault != "campaign" else copy)

    output, data, decided = _merged(copy, history, tmp_path / "out")

    said = [p for p in data["problems"] if p["code"] == code]
    assert len(said) == 1 and output.count(f"Lỗi: [{history.name}") >= 1  # one message, on screen and in the report
    for person in RECEIVED:
        medal = decided[person][KNC_GD]
        assert (medal["granted"], medal["pending"]) == (False, True), medal
        assert medal["reasons"][0]["code"] == "knc.not_known"
    proposed = [(code, title) for code, ds in decided.items() for title, d in ds.items() if d["granted"]]
    if fault != "no-tham-nien":  # nothing of the book known: nothing proposed from it, everything pending
        assert proposed == []
        assert all(d["pending"] for ds in decided.values() for d in ds.values())
        assert all(d["decisions"][0]["pending"] for d in data["history"]["departments"])
        gv024 = next(d for d in next(p for p in data["people"] if p["code"] == "GV024")["decisions"]
                     if d["title"] == CSTD_TINH)
        assert (gv024["granted"], gv024["pending"]) == (False, True)
    else:  # only the Thâm niên is missing: the other awards are decided from the rest of the book
        assert {title for _code, title in proposed} == {BK_TINH, CSTD_TINH}
        assert not any(title == KNC_GD for _code, title in proposed)


def test_the_real_book_says_they_received_it(copy, tmp_path):
    _output, _data, decided = _merged(copy, copy / "lich-su.xlsx", tmp_path / "out")
    for person in RECEIVED:
        medal = decided[person][KNC_GD]
        assert (medal["granted"], medal["pending"], medal["reasons"][0]["code"]) == (False, False, "knc.received")
