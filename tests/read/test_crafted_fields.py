"""Every field of a summary's metadata, given a value of each type the tool never writes there, is refused through
the one gate as damaged or crafted — by the commune, the history and the analysts' API alike — and nothing is ever
raised: typing is at the gate, for every reader (model.summary_fields)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from tests.summary_meta import as_written, raw_meta
from thidua_xlsx.api import SummaryError, read_summary
from thidua_xlsx.commune.read_inbox import read_school_summary
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.read.history import read_final_summary
from thidua_xlsx.text import summary as sx

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cap-xa" / "inbox" / "TH-Thu-Nghiem_tong-hop-cuoi.xlsx"

NAMES = ("campaign_id", "school_year", "round", "period", "school", "release")
DIGESTS = ("lists_digest", "digest", "seal")
TABLES = ("inputs", "rubric_versions", "people", "parts", "head_entries", "collectives", "outcomes",
          "department_outcomes", "special_outcomes", "people_info", "decisions", "department_decisions", "votes",
          "starts", "applied", "draft")
# what is never the type of each kind of field
NOT_A_NAME = (None, True, 7, 1.5, [], {}, ["x"], "x" * 1_001, "nửa\ud800")
NOT_A_TABLE = (None, True, 7, "abc", {}, ["x"], [5], [{}], [[{}]], [[[[1]]]], [["x" * 32_768]], [[2**60]],
               [[-(2**60)]], [["nửa\udc00"]], [[["nửa\ud800"]]])
WRONG = {
    **dict.fromkeys(NAMES, NOT_A_NAME),
    **dict.fromkeys(DIGESTS, (None, 12345, "ễ" * 64, "G" * 64, "A" * 64, "a" * 63, [])),
    **dict.fromkeys(TABLES, NOT_A_TABLE),
    "departments_submitted": (None, "T1", [5], [["T1"]], [None], ["x" * 32_768]),
    "newest_input": (None, 20260518, "hôm qua", "2026-13-01T00:00:00", "9" * 41, []),
    "council": (None, 1, 0, "True", [], {}),
    "schema_version": (None, True, 8.0, "8", [], {}),
    "schema_minor": (None, True, 1.0, "1", [], {}),
}


def test_every_field_of_the_metadata_is_typed():
    fields = {f.name for f in dataclasses.fields(ly.SummaryMeta)}
    assert fields - WRONG.keys() == {"kind", "app"}  # those two say whether it is ours at all


def _with_meta(path: Path, data: dict) -> Path:
    """The sample school's summary with ``data`` as its metadata, saved as ``path``: its metadata sheet's part
    written anew (the JSON in one cell, every character beyond ASCII escaped), as a crafted file would carry it."""
    cells = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{html.escape(text, quote=False)}</t></is></c></row>'
                    for n, text in enumerate((ly.APP_ID, json.dumps(data)), start=1))
    return _with_sheet(path, ly.META_SHEET, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                            f'main"><sheetData>{cells}</sheetData></worksheet>')


def _with_sheet(path: Path, sheet: str, xml: str) -> Path:
    """The sample school's summary with the part of its sheet ``sheet`` replaced by ``xml``, saved as ``path``."""
    with zipfile.ZipFile(SAMPLE) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    rid = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*r:id="(\w+)"', parts["xl/workbook.xml"].decode())[1]
    link = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*>', parts["xl/_rels/workbook.xml.rels"].decode())[0]
    target = "xl/" + re.search(r'Target="/?(?:xl/)?([^"]+)"', link)[1]  # "/xl/worksheets/…" or "worksheets/…"
    parts[target] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in parts.items():
            book.writestr(name, content)
    return path


@pytest.fixture(scope="module")
def genuine() -> dict:
    return raw_meta(SAMPLE)


def _refusals(path: Path) -> tuple[str, str, str]:
    """What the commune, the history and the API say of ``path`` ("" when one reads it)."""
    entry, summary = read_school_summary(InboxFile(path, path.name, path.stat().st_size, dt.datetime(2026, 6, 1), ""))
    year, problems = read_final_summary(path)
    try:
        read_summary(path)
        api = ""
    except SummaryError as refused:
        api = refused.code
    return ("" if summary else entry.reason), ("" if year else problems.items[0].code), api


def test_the_sample_rewritten_unchanged_is_read_by_every_reader(genuine, tmp_path):
    path = _with_meta(tmp_path / "nguyen-ban.xlsx", genuine)
    assert _refusals(path) == ("", "", "")


@pytest.mark.parametrize(("field", "value"), [(field, value) for field, values in WRONG.items() for value in values],
                         ids=lambda v: repr(v)[:20])
def test_a_field_of_another_type_is_refused_as_damaged_by_every_reader(genuine, tmp_path, field, value):
    path = _with_meta(tmp_path / "sua.xlsx", {**genuine, field: value})

    assert _refusals(path) == ("level_above.meta_damaged", "summary.meta_damaged", "summary.meta_damaged")


@pytest.mark.parametrize("field", ["campaign_id", "school_year", "round", "inputs", "departments_submitted",
                                   "schema_version"])
def test_a_field_every_layout_has_missing_is_refused_as_damaged(genuine, tmp_path, field):
    path = _with_meta(tmp_path / "thieu.xlsx", {k: v for k, v in genuine.items() if k != field})

    assert _refusals(path) == ("level_above.meta_damaged", "summary.meta_damaged", "summary.meta_damaged")


@pytest.mark.parametrize("version", [0, -1])
def test_a_format_number_no_release_writes_is_damaged_never_a_newer_release(genuine, tmp_path, version):
    path = _with_meta(tmp_path / "so-am.xlsx", {**genuine, "schema_version": version})

    assert _refusals(path) == ("level_above.meta_damaged", "summary.meta_damaged", "summary.meta_damaged")


def test_a_newer_layout_s_fields_are_not_read_but_its_school_and_release_are_named(genuine, tmp_path):
    path = _with_meta(tmp_path / "moi.xlsx", {**genuine, "schema_version": ly.SUMMARY_SCHEMA_VERSION + 1, "seal": 5,
                                              "votes": {"a": 1}, "release": "9.0.0", "school": ["?"]})
    entry, summary = read_school_summary(InboxFile(path, path.name, 1, dt.datetime(2026, 6, 1), ""))
    assert summary is None and entry.reason == "level_above.schema_newer"
    assert "thidua-xlsx 9.0.0" in entry.issues[0].message and dict(entry.issues[0].params)["school"] == ""


def test_a_text_as_a_person_typed_it_control_characters_and_all_is_read(genuine, tmp_path):
    """Calamine reads Excel's _x0001_ as the character: a name typed so is what the tool writes, never "damaged"."""
    outcomes = [[row[0], row[1] + "\x01", *row[2:]] for row in genuine["outcomes"]]
    path = _with_meta(tmp_path / "go-tay.xlsx", as_written({**genuine, "outcomes": outcomes}))
    assert _refusals(path) == ("", "", "")


@pytest.mark.parametrize("field", ["decisions", "department_decisions", "outcomes", "people_info",
                                   "department_outcomes", "collectives", "votes"])
def test_a_table_the_commune_reads_of_another_shape_is_refused_as_damaged(genuine, tmp_path, field):
    """Rows of texts, well typed, but not the tool's: a cell short (``[["x"]]``)."""
    path = _with_meta(tmp_path / "sua.xlsx", as_written({**genuine, field: [["x"]]}))
    entry, summary = read_school_summary(InboxFile(path, path.name, 1, dt.datetime(2026, 6, 1), ""))
    assert summary is None and entry.reason == "level_above.meta_damaged"


def test_a_list_sheet_calamine_cannot_read_is_refused_as_unreadable(tmp_path):
    """The metadata intact, the sheet of its proposal lists cut short, a shared string it does not hold."""
    path = _with_sheet(tmp_path / "hong.xlsx", sx.S_PROPOSAL, '<worksheet xmlns="http://schemas.openxmlformats.org/'
                       'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>99999</v></c></row><row')
    assert _refusals(path) == ("level_above.unreadable", "", "api.unreadable")  # the history reads no list
