"""The console's report lines: each warning said once, in merge as in status; each council change said as a
sentence ("Chọn khi bằng điểm Bằng điểm – chờ Hội đồng chọn → …" no more), the change log's columns unchanged."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.summaries import make_summary
from thidua_xlsx.model.council import NOT_PASSED, TIE_OPEN, CouncilChange
from thidua_xlsx.model.evaluation import NOT_RATED
from thidua_xlsx.model.issues import reason
from thidua_xlsx.model.report import report_of
from thidua_xlsx.model.titles import CSTDCS, LDTT, NO_PROPOSAL
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write.console import console_lines, council_lines
from thidua_xlsx.write.summary.council import change_sentence, change_words

LDTT_NAME, CSTDCS_NAME = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"


def _change(what, before, after, note="", **kw) -> CouncilChange:
    return CouncilChange("GV008", "Đặng Thị Thu Hà", what, before, after, note, **kw)


@pytest.mark.parametrize(("change", "sentence"), [
    (_change("tie", TIE_OPEN, LDTT), f"bằng điểm ở suất cuối – Hội đồng chọn người khác; đề nghị {LDTT_NAME}"),
    (_change("tie", TIE_OPEN, ""), "bằng điểm ở suất cuối – Hội đồng chọn người khác; không đề nghị danh hiệu"),
    (_change("tie", LDTT, CSTDCS), f"bằng điểm ở suất cuối – Hội đồng chọn {CSTDCS_NAME} (trước đó đề nghị "
                                   f"{LDTT_NAME})"),
    (_change("tie", "", LDTT), f"bằng điểm ở suất cuối – Hội đồng chọn {LDTT_NAME}"),
    (_change("score", 94.5, 88.0), "điểm đổi từ 94,5 thành 88"),
    (_change("score", None, 80.0), "chưa có điểm, được chấm 80 điểm"),
    (_change("title", LDTT, NO_PROPOSAL), f"không đề nghị {LDTT_NAME} nữa"),
    (_change("title", LDTT, ""), f"không đề nghị {LDTT_NAME} nữa"),
    (_change("title", "", LDTT), f"được đề nghị {LDTT_NAME} (trước đó không được đề nghị danh hiệu nào)"),
    (_change("title", LDTT, CSTDCS), f"đề nghị {CSTDCS_NAME} thay cho {LDTT_NAME}"),
    (_change("vote", CSTDCS, NOT_PASSED), f"bỏ phiếu {CSTDCS_NAME} không đạt"),
    (_change("rating", "HTTNV", "HTXSNV"), "xếp loại năm đổi từ HTTNV thành HTXSNV"),
    (_change("rating", NOT_RATED, "HTTNV"), "xếp loại năm đổi từ Không xếp loại thành HTTNV"),
])
def test_each_council_change_reads_as_a_sentence(change, sentence):
    assert change_sentence(change) == sentence
    said = change_sentence(change)
    assert "→" not in said and sx.CHANGES_TIE_OPEN not in said and "Chọn khi bằng điểm" not in said


def test_the_council_s_lines_say_who_what_and_why():
    changes = (_change("tie", TIE_OPEN, LDTT),
               CouncilChange("QL002", "Nguyễn Thị Hương", "tie", LDTT, CSTDCS, "Hội đồng chấm lại minh chứng"),
               CouncilChange("GV013", "Phạm Thị Thúy", "vote", CSTDCS, NOT_PASSED, "",
                             reason=reason("vote.no_quorum", present=5, members=11, needed=6)))
    summary = SimpleNamespace(council_changes=changes, period="", period_label="")
    lines = council_lines(summary)  # a stand-in: the lines read only the changes and the period
    assert lines[1] == (f"  Đặng Thị Thu Hà (GV008): bằng điểm ở suất cuối – Hội đồng chọn người khác; đề nghị "
                        f"{LDTT_NAME}")
    assert lines[2] == (f"  Nguyễn Thị Hương (QL002): bằng điểm ở suất cuối – Hội đồng chọn {CSTDCS_NAME} (trước đó "
                        f"đề nghị {LDTT_NAME}) – lý do: Hội đồng chấm lại minh chứng")
    assert lines[3].startswith(f"  Phạm Thị Thúy (GV013): bỏ phiếu {CSTDCS_NAME} không đạt – lý do: ")
    assert lines[3].endswith(changes[2].reason.text)


def test_the_change_log_keeps_its_columns():
    """The sheet and the Biên bản give the change in columns (what, before, after, why): read as a table, they stay."""
    assert change_words(_change("tie", TIE_OPEN, LDTT)) == ("Chọn khi bằng điểm", sx.CHANGES_TIE_OPEN, LDTT_NAME, "")
    assert change_words(_change("score", 94.5, 88.0, "chấm lại")) == ("Điểm", "94,5", "88", "chấm lại")
    assert change_words(_change("rating", NOT_RATED, "HTTNV"))[1] == sx.YEAR_NOT_RATED  # a code never shown


def test_merge_and_status_list_each_warning_once_said_where_it_was_found_or_with_the_report():
    summary = make_summary()
    report = report_of(summary)
    (warning,) = [i for i in report.issues if i.severity == "warning"]
    line = f"{warning.severity_label}: {warning.render()}"
    assert f"  {line}" in console_lines(summary, report, verbose=True)
    assert f"  {line}" not in console_lines(summary, report, verbose=False)  # the errors alone, when asked
    listed = console_lines(summary, report, verbose=True, said=[line])  # said already, where it was found
    assert f"  {line}" not in listed and "Vấn đề: 2 lỗi, 1 cảnh báo, 1 ghi chú." in listed  # counted all the same
