"""The summary's shortcuts give what the long way gives: its metadata made JSON from its fields is the
JSON of ``to_json``; a table's row heights measured once per value are those measured each time; its cells written
without xlsxwriter's attribute lists are the bytes xlsxwriter writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.conftest import campaign_dict
from tests.summary_meta import read_summary_meta
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary.book import Book, open_workbook
from thidua_xlsx.write.summary.meta import meta_json

SAMPLE_SUMMARIES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("tong-hop*.xlsx"))


def test_the_summary_metadata_made_json_from_its_fields_is_the_json_of_to_json():
    assert SAMPLE_SUMMARIES
    for path in SAMPLE_SUMMARIES:
        meta = read_summary_meta(path.read_bytes())
        assert meta is not None, path
        assert ly.meta_cells(meta_json(meta)) == ly.meta_cells(meta.to_json())
    every_kind = ly.SummaryMeta("c", "2025-2026", ly.SCORING, (("a.xlsx", "ab", "accepted"),), ("T1",),
                                people=(("GV01", 91.5, "dept", "LDTT", "", ""), ("GV02", None, "", "", "", "")),
                                council=True, outcomes=(("GV01", "Lan", "", "HTXSNV", ("LDTT", "CSTDCS"), "", "", "",
                                                         "", ""),), votes=(("GV01", "CSTDCS", 7, 9, True),))
    assert ly.meta_cells(meta_json(every_kind)) == ly.meta_cells(every_kind.to_json())
    assert json.loads(json.dumps(meta_json(every_kind))) == json.loads(json.dumps(every_kind.to_json()))


def test_a_tables_row_heights_measured_once_per_value_are_those_measured_each_time(tmp_path):
    wb = open_workbook(tmp_path / "book.xlsx")
    book = Book(wb, cm.from_dict(campaign_dict()).school)
    values = ["Nguyễn Thị Lan", "Tổ Toán – Tin học " * 4, "dòng một\ndòng hai", "", 5, 5.0, True, 0, 0.5, None,
              dt.datetime(2026, 5, 12, 8, 0), "5", "Hoàn thành xuất sắc nhiệm vụ"]
    for _ in range(2):  # measured, then taken from what was measured
        for value in values:
            for width in (5, 8, 12.5, 26, 60):
                assert book.lines(value, width) == engine.cell_lines(value, width), (value, width)
    # a sheet with a row: xlsxwriter leaves the row file of a sheet with none (constant_memory) in the temporary folder
    wb.add_worksheet().write(0, 0, "x")
    wb.close()


def test_the_summarys_cells_are_written_as_xlsxwriter_writes_them(tmp_path):
    """The summary's workbook (Book's open_workbook: formatted numbers, texts and blanks written without xlsxwriter's
    attribute lists) against xlsxwriter's own Workbook, byte for byte, on every kind of cell and text."""
    import xlsxwriter

    texts = ["Nguyễn Thị Lan", " lề trái", "lề phải ", "a & b < c > d \"e\"", "_x0000_ và \x01\x1f", "\ufffe\uffff",
             "<r>không phải rich</r>", "dòng\nhai", "\t", "=1+1", "x" * 300]
    numbers = [0, 1, -1, 0.1, 1 / 3, 1e20, 123456789012345678, 95.5, -0.0, 2.5e-7]

    def fill(wb) -> None:
        wb.set_properties({"created": dt.datetime(2026, 5, 12, 8, 0)})
        plain, bold = wb.add_format({"border": 1}), wb.add_format({"bold": True, "num_format": "0.00"})
        ws = wb.add_worksheet("Dữ liệu")
        ws.set_row(3, 20, bold)  # a row's own format, for its cells without one
        ws.set_column(2, 2, 12, plain)
        for row in range(6):
            for col, value in enumerate([*texts, *numbers]):
                fmt = (plain, bold, None)[(row + col) % 3]
                if isinstance(value, str):
                    ws.write_string(row, col, value, fmt)
                else:
                    ws.write_number(row, col, value, fmt)
            ws.write_blank(row, 30, None, plain)
            ws.write_blank(row, 31, None, None)
            ws.write_datetime(row, 32, dt.datetime(2026, 1, 2, 3, 4), bold)
            ws.write_boolean(row, 33, True, plain)
            ws.write_formula(row, 34, "=A1+1", plain, 2)
        wb.close()

    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    fill(open_workbook(ours))
    fill(xlsxwriter.Workbook(str(theirs), engine.workbook_options(constant_memory=True)))
    assert ours.read_bytes() == theirs.read_bytes()
