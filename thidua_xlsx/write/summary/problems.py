"""The "Kiểm tra" sheet: every problem found in the inbox, errors first, each worded as written."""

from __future__ import annotations

from thidua_xlsx.model.issues import ERROR, WARNING
from thidua_xlsx.model.report import Report
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.summary.book import Book


def check_sheet(book: Book, report: Report) -> None:
    """The report's problems in its order (errors first) under its counts, as the console says them."""
    widths = (5, 32, 18, 7, 10, 80)
    ws = book.sheet(sx.S_CHECK, widths, landscape=True)
    issues, counts = report.issues, report.counts
    row = book.title(ws, 0, len(widths) - 1, sx.CHECK_TITLE,
                     sx.CHECK_SUBTITLE.format(errors=counts.errors, warnings=counts.warnings, notes=counts.notes))
    rows = ([n, i.file, i.sheet, i.cell, i.severity_label, i.message] for n, i in enumerate(issues, start=1))
    head, last = book.table(ws, row, sx.CHECK_HEAD, rows if issues else [[None, sx.CHECK_NONE]],
                            ["center", "text", "text", "center", "center", "text"])  # each message worded as written
    if issues:
        where = f"A{head + 2}:F{last + 1}"
        for severity, style in ((ERROR, "error"), (WARNING, "warning")):
            label = next((i.severity_label for i in issues if i.severity == severity), None)
            if label:
                ws.conditional_format(where, {"type": "formula", "criteria": f'=$E{head + 2}="{label}"',
                                              "format": book.f[style]})
