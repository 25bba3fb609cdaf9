"""One Report: the console, the "Kiểm tra" sheet, the JSON report and the exit code say the same counts."""

from __future__ import annotations

import json
from dataclasses import replace

from openpyxl import load_workbook

from tests.summaries import make_summary
from thidua_xlsx.model.inbox import ACCEPTED, REJECTED
from thidua_xlsx.model.issues import issue
from thidua_xlsx.model.report import EXIT_OK, EXIT_STRICT, EXIT_UNUSABLE, report_of
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.console import console_lines
from thidua_xlsx.write.report_json import write_report_json
from thidua_xlsx.write.summary import write_summary


def test_console_sheet_and_json_show_the_reports_counts(tmp_path):
    summary = make_summary()
    report = report_of(summary)
    n = report.counts
    assert (n.files, n.accepted, n.superseded, n.rejected, n.skipped) == (5, 2, 1, 1, 1)
    assert (n.errors, n.warnings, n.notes) == (2, 1, 1)
    lines = console_lines(summary, report, verbose=False)
    assert "Tệp: 5 (dùng 2, bản cũ 1, bị từ chối 1, bỏ qua 1)." in lines
    assert "Vấn đề: 2 lỗi, 1 cảnh báo, 1 ghi chú." in lines
    write_summary(summary, tmp_path / "tong-hop.xlsx", report)
    check = load_workbook(tmp_path / "tong-hop.xlsx")[sx.S_CHECK]
    column = [row[0] for row in check.iter_rows(values_only=True) if row[0]]
    assert sx.CHECK_SUBTITLE.format(errors=2, warnings=1, notes=1) in column
    write_report_json(summary, tmp_path / "bao-cao.json", report)
    data = json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))["report"]
    assert data["counts"]["accepted"] == 2 and data["counts"]["errors"] == 2
    assert data["valid"] is True and data["exit_code"] == EXIT_OK
    assert data["missing_departments"] == list(report.missing)


def test_the_sheet_lists_errors_first_as_the_report_orders_them(tmp_path):
    summary = make_summary()
    report = report_of(summary)
    write_summary(summary, tmp_path / "tong-hop.xlsx", report)
    check = load_workbook(tmp_path / "tong-hop.xlsx")[sx.S_CHECK]
    labels = [row[4] for row in check.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert labels == [i.severity_label for i in report.issues]
    assert [i.severity for i in report.issues] == ["error", "error", "warning", "note"]


def test_exit_code_from_the_report():
    summary = make_summary()
    assert report_of(summary).exit_code == EXIT_OK  # errors in the workbooks are reported, not fatal
    assert report_of(summary, strict=True).exit_code == EXIT_STRICT
    nothing = replace(summary, files=tuple(replace(f, status=REJECTED) for f in summary.files))
    assert not report_of(nothing).valid and report_of(nothing, strict=True).exit_code == EXIT_UNUSABLE
    clean = replace(summary, issues=(issue("file.skipped_lock", "note", file="~$x.xlsx"),))
    assert report_of(clean, strict=True).exit_code == EXIT_OK
    assert sum(f.status == ACCEPTED for f in summary.files) == report_of(summary).counts.accepted
