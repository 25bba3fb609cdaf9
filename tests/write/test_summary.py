"""The summary workbook, read back the way a secretary checks them (the JSON report: test_report_json.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import openpyxl
import pytest

from tests.summaries import FORMULA_NAME, NEWEST, REFUSED_MONTHS, T1_FILE, T1_OLD, T2_FILE, make_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.results import DepartmentResult
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.summary import write_summary
from thidua_xlsx.write.summary.council import SPARE_TALLY_ROWS

SCORING_SHEETS = ["Tổng hợp", "Đăng ký", "Điểm chi tiết", "Xếp hạng", "Đề nghị khen thưởng", "Không đề nghị", "Tập thể",
                  "Kiểm phiếu",
                  "Biên bản",
                  "Tờ trình", "Kiểm tra", "Nguồn dữ liệu"]
REGISTRATION_SHEETS = ["Tổng hợp", "Đăng ký", "Tập thể", "Kiểm tra", "Nguồn dữ liệu"]


def _rows(ws) -> list[list]:
    return [[cell.value for cell in row] for row in ws.iter_rows()]


def _texts(ws) -> list[str]:
    return [v for row in _rows(ws) for v in row if isinstance(v, str)]


def _find(ws, text: str) -> tuple[int, int]:
    """(row, column) of the first cell whose value is ``text`` (1-based)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text!r} not on {ws.title}")


def _blocks(ws) -> dict[str, list[list]]:
    """Numbered rows of a proposal sheet under each block title."""
    blocks: dict[str, list[list]] = {}
    current = None
    for row in _rows(ws):
        if isinstance(row[0], str) and (row[0].startswith("DANH SÁCH") or row[0] == sx.REFUSED_TITLE):
            current = blocks.setdefault(row[0], [])
        elif isinstance(row[0], int) and current is not None:
            current.append(row)
    return blocks


def _table(ws, header: str) -> list[dict]:
    """The data rows under the header row holding ``header``, as dicts, until the first empty row."""
    row, _ = _find(ws, header)
    heads = [c.value for c in ws[row]]
    found = []
    for values in ws.iter_rows(min_row=row + 1, values_only=True):
        if all(v is None for v in values):
            break
        found.append({h: v for h, v in zip(heads, values) if h})
    return found


@pytest.fixture(scope="module")
def scoring_book(tmp_path_factory):
    path = tmp_path_factory.mktemp("summary") / "tong-hop.xlsx"
    write_summary(make_summary(), path)
    return path


@pytest.fixture(scope="module")
def wb(scoring_book):
    return openpyxl.load_workbook(scoring_book)


def test_sheet_names_in_order_for_both_rounds(wb, tmp_path):
    assert wb.sheetnames == [*SCORING_SHEETS, ly.META_SHEET]
    path = tmp_path / "dang-ky.xlsx"
    write_summary(make_summary(ly.REGISTRATION), path)
    reg = openpyxl.load_workbook(path)
    assert reg.sheetnames == [*REGISTRATION_SHEETS, ly.META_SHEET]
    counts = _table(reg["Tổng hợp"], "Số người")
    assert [r["Tổ"] for r in counts] == ["Tổ khối 1", "Tổ Văn phòng – Khối 5", sx.SCHOOL_TOTAL]
    assert counts[-1][title_name(LDTT)] == 4 and counts[-1][title_name(CSTDCS)] == 2  # headed by name
    assert reg["Tổng hợp"]._charts
    assert not path.with_name(path.name + ".tmp").exists()


def test_text_that_looks_like_a_formula_stays_text(wb):
    for sheet in ("Đăng ký", "Điểm chi tiết", "Xếp hạng", "Đề nghị khen thưởng"):
        ws = wb[sheet]
        row, col = _find(ws, FORMULA_NAME)
        assert ws.cell(row, col).data_type == "s", sheet


def test_registration_sheet_keeps_the_headers_read_back_by_generate_from(wb):
    ws = wb["Đăng ký"]
    people = _table(ws, "Danh hiệu đăng ký")
    assert list(people[0]) == list(sx.REG_HEAD)
    by_code = {r["Mã"]: r for r in people}
    assert by_code["GV01"]["Danh hiệu đăng ký"] == "Chiến sĩ thi đua cơ sở"  # read back by name
    assert len(people) == 7
    collective = _table(ws, "Danh hiệu tập thể đăng ký")
    assert [(r["Mã tổ"], r["Tổ"], r["Danh hiệu tập thể đăng ký"]) for r in collective] == [
        ("T1", "Tổ khối 1", title_name(TTLDTT)), ("T2", "Tổ Văn phòng – Khối 5", title_name(TTLDXS))]


def test_detail_has_council_columns_and_group_subtotals(wb):
    ws = wb["Điểm chi tiết"]
    row, col = _find(ws, "Điểm Hội đồng")
    assert ws.cell(row, col).fill.fgColor.rgb.endswith("FFF2CC")
    assert ws.cell(row, col + 1).value == "Quyết định Hội đồng"
    assert ws.cell(row + 2, col).protection.locked is False
    _, group_col = _find(ws, "I. Tư tưởng chính trị, đạo đức, lối sống / Công việc")
    lan = _find(ws, "Nguyễn Thị Lan")[0]
    assert (ws.cell(lan, group_col).value, ws.cell(lan, group_col + 1).value) == (18, 17)
    assert ws.print_title_rows == f"${row}:${row + 1}"
    assert ws.auto_filter.ref and ws.freeze_panes


def test_ranking_is_by_school_rank(wb):
    ranking = _table(wb["Xếp hạng"], "Hạng toàn trường")
    assert [(r["Họ và tên"], r["Hạng trong tổ"]) for r in ranking][:2] == [("Nguyễn Thị Lan", 1), ("Đỗ Văn Anh", 1)]
    assert ranking[-1]["Hạng toàn trường"] is None  # no score, last
    unranked = [r for r in ranking if r["Hạng toàn trường"] is None]
    assert unranked and all(r["Chưa xếp hạng vì"] for r in unranked)  # why, never a bare blank row
    assert not any(r["Chưa xếp hạng vì"] for r in ranking if r["Hạng toàn trường"] is not None)


def test_proposal_lists_each_title_with_short_notes_and_refusals_apart(wb):
    ws = wb["Đề nghị khen thưởng"]
    texts = _texts(ws)
    titles = [t for t in texts if t.startswith("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU")]
    assert titles == [f"DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU {title_name(t).upper()} NĂM HỌC 2025-2026"
                      for t in (CSTDCS, LDTT)]
    blocks = _blocks(ws)
    assert [(r[1], r[6], r[9]) for r in blocks[titles[0]]] == [("Nguyễn Thị Lan", title_name(CSTDCS), None)]
    assert [(r[1], r[6], r[9]) for r in blocks[titles[1]]] == [
        (name, title_name(LDTT), None) for name in ("Trần Văn Đức", "Nguyễn Thị Lan", "Đỗ Văn Anh", FORMULA_NAME)]
    assert texts.count("HIỆU TRƯỞNG") == 2 and texts.count("Nguyễn Văn Hiệu") == 2  # each list signed
    assert sx.REFUSED_TITLE not in texts and REFUSED_MONTHS not in texts  # the reasons stay internal
    assert ws.page_setup.orientation == "landscape"
    inside = wb[sx.S_REFUSED]
    refused = {r[1]: r[9] for r in _blocks_after(inside, sx.REFUSED_TITLE)}
    assert refused["Lê Thị Dung"] == REFUSED_MONTHS
    assert refused["Trần Văn Đức"].endswith("(vẫn đề nghị Lao động tiên tiến)")
    assert "Hoàng Thị Thu Hương Giang Nguyễn Phương" not in refused  # did not register


def _blocks_after(ws, title: str) -> list[list]:
    rows = _rows(ws)
    start = next(i for i, r in enumerate(rows) if r[0] == title)
    return [r for r in rows[start:] if isinstance(r[0], int)]


def test_collective_minutes_and_letter(wb):
    collective = _table(wb["Tập thể"], "Số LĐTT")
    assert [(r["Tổ"], r["Đề nghị"]) for r in collective] == [("Tổ khối 1", title_name(TTLDTT)),
                                                            ("Tổ Văn phòng – Khối 5", None)]
    assert "không có CSTĐCS" in collective[1]["Lý do"]
    minutes = " ".join(_texts(wb["Biên bản"]))
    assert "BIÊN BẢN HỌP BÌNH XÉT THI ĐUA – NĂM HỌC 2025-2026" in minutes
    assert "danh hiệu Lao động tiên tiến gồm 4 đ/c (có danh sách kèm theo)" in minutes
    assert "danh hiệu Chiến sĩ thi đua cơ sở gồm 1 đ/c" in minutes
    assert "Tập thể lao động tiên tiến: 1 tập thể (Tổ khối 1)" in minutes
    assert "Chủ tọa: Nguyễn Văn Hiệu" in minutes and "Thư ký: Lê Thị Thư" in minutes
    letter = _texts(wb["Tờ trình"])
    assert "TỜ TRÌNH" in letter and "Kính gửi: UBND xã Thử Nghiệm" in letter
    assert "Căn cứ Kế hoạch thi đua năm học 2025-2026 của trường;" in letter
    assert "Thử Nghiệm, ngày …… tháng …… năm ……" in letter
    assert "Nơi nhận:" in letter and "- Lưu: VT, HĐTĐKT." in letter
    assert ly.MOTTO_1 in letter and "TRƯỜNG TIỂU HỌC\nTHỬ NGHIỆM" in letter  # broken between its groups only


def test_the_minutes_and_letter_sheets_list_the_titles_the_word_papers_list_never_a_0(wb):
    """The Word Biên bản and Tờ trình name each title someone is proposed for; their sheets say the same, not
    "Chiến sĩ thi đua cấp tỉnh: 0 cá nhân" beside them."""
    for sheet in ("Biên bản", "Tờ trình"):
        said = " ".join(_texts(wb[sheet]))
        assert title_name(LDTT) in said and title_name(TTLDTT) in said
        assert title_name(TTLDXS) not in said and "Chiến sĩ thi đua cấp tỉnh" not in said
        assert ": 0 " not in said and "gồm 0 " not in said


def test_minutes_and_letter_of_a_year_with_nobody_proposed_say_none(tmp_path):
    summary = make_summary()
    nobody = replace(summary, people=tuple(replace(p, decisions=()) for p in summary.people),
                     departments=tuple(replace(d, decisions=()) for d in summary.departments))
    write_summary(nobody, tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "s.xlsx", read_only=True)
    try:
        minutes, letter = _texts(wb["Biên bản"]), _texts(wb["Tờ trình"])
    finally:
        wb.close()
    assert minutes.count("- Không có đề nghị.") == 2  # the people's titles, the departments'
    assert "- (không có)" in letter and not any("cá nhân" in t and ": 0" in t for t in letter)


def test_check_sheet_lists_every_issue_errors_first(wb):
    summary = make_summary()
    listed = _table(wb["Kiểm tra"], "Mức độ")
    assert len(listed) == len(summary.issues)
    assert [r["Mức độ"] for r in listed] == ["Lỗi", "Lỗi", "Cảnh báo", "Ghi chú"]
    assert (listed[0]["Tệp"], listed[0]["Sheet"], listed[0]["Ô"]) == (T2_FILE, "01 Đỗ Văn Anh", "D12")
    assert {r["Nội dung"] for r in listed} == {i.message for i in summary.issues}
    ws = wb["Kiểm tra"]
    assert ws.auto_filter.ref and len(ws.conditional_formatting) == 1


def test_sources_sheet_lists_every_file_with_vietnamese_status(wb):
    ws = wb["Nguồn dữ liệu"]
    assert sx.SOURCES_RULE in _texts(ws)
    listed = {r["Tệp"]: r for r in _table(ws, "SHA-256")}
    assert {name: r["Trạng thái"] for name, r in listed.items()} == {
        "~$To-khoi-1.xlsx": "Bỏ qua", T1_FILE: "Được dùng", T1_OLD: "Bản cũ (đã có bản mới hơn)",
        T2_FILE: "Được dùng", "ghi-chu.docx": "Bị từ chối"}
    assert listed[T1_OLD]["Lý do"] == make_summary().files[2].issues[0].message
    assert listed[T1_FILE]["Tổ"] == "Tổ khối 1"
    assert listed[T1_FILE]["Thời gian lưu (giờ VN)"] == dt.datetime(2026, 5, 18, 10, 30)  # UTC + 7
    assert listed[T2_FILE]["Kích thước (KB)"] == 20


def test_overview_counts_and_chart(wb):
    ws = wb["Tổng hợp"]
    counts = {r["Tổ"]: r for r in _table(ws, "Số người")}
    school = counts[sx.SCHOOL_TOTAL]
    assert (school["Số người"], school["Số có điểm"], school["Số LĐTT"], school["Số CSTĐCS"]) == (7, 6, 4, 1)
    assert school["Xuất sắc"] == 2 and school["Tốt"] == 4
    assert counts["Tổ khối 1"]["Đã nộp"] == "Có"
    assert "ngày 18 tháng 05 năm 2026" in " ".join(_texts(ws))
    assert ws._charts


def test_print_setup_on_every_sheet(wb):
    for ws in (wb[name] for name in SCORING_SHEETS if name != sx.S_DETAIL):  # pages across: test_registration_sheet.py
        assert ws.page_setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.page_setup.fitToWidth in (None, 1), ws.title  # 1 is the default, left out of the file
        assert ws.page_margins.left == pytest.approx(1.18), ws.title
    for name in ("Đăng ký", "Xếp hạng", "Tập thể", "Kiểm tra", "Nguồn dữ liệu"):
        assert wb[name].print_title_rows and wb[name].freeze_panes, name
    # the overview's table fits its page: its head is not printed again above the chart alone on the next one
    assert wb["Tổng hợp"].freeze_panes and not wb["Tổng hợp"].print_title_rows


def test_the_overview_repeats_its_head_only_when_its_table_runs_over_a_page(tmp_path):
    summary = make_summary()
    many = tuple(DepartmentResult(f"K{n:02d}", f"Tổ khối {n}", 0, False) for n in range(40))
    write_summary(replace(summary, departments=summary.departments + many), tmp_path / "nhieu-to.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "nhieu-to.xlsx")["Tổng hợp"]
    head, _col = _find(ws, "Số người")
    assert ws.print_title_rows == f"${head}:${head}"


def test_the_overview_names_each_form_and_each_text_once(tmp_path):
    import datetime

    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.read.rule_sets import with_rule_set

    summary = make_summary()
    campaign = with_rule_set(summary.campaign, Problems(), datetime.date(2026, 5, 20))
    assert campaign.rule_set is not None and campaign.rule_set.texts
    write_summary(replace(summary, campaign=campaign), tmp_path / "tong-hop.xlsx")
    subtitle = next(t for t in _texts(openpyxl.load_workbook(tmp_path / "tong-hop.xlsx")["Tổng hợp"])
                    if t.startswith("Số liệu từ"))
    assert "phiên bản" not in subtitle  # a digest means nothing to the reader
    for rubric in campaign.rubrics:
        assert sx.CRITERIA_VERSION.format(role=rubric.role, items=len(rubric.items), total=cm.num_text(rubric.total)) \
            in subtitle
    for text in campaign.rule_set.texts:  # each text once, by its short name: "NĐ 152/2025 (152/2025/NĐ-CP, …" no more
        assert subtitle.count(text.short) == 1 and text.number not in subtitle, (text.short, subtitle)


def test_same_summary_gives_the_same_file(scoring_book, tmp_path):
    again = tmp_path / "again.xlsx"
    write_summary(make_summary(), again)
    assert again.read_bytes() == scoring_book.read_bytes()
    first, second = openpyxl.load_workbook(scoring_book), openpyxl.load_workbook(again)
    for name in SCORING_SHEETS:
        assert _rows(first[name]) == _rows(second[name])
    assert first.properties.created == NEWEST


def test_summary_carries_its_own_metadata_and_reads_back(scoring_book, wb):
    """The council round trip and the commune's merge read a summary back: it says what it was made of."""
    from tests.summary_meta import read_summary_meta

    assert wb[ly.META_SHEET].sheet_state == "veryHidden"
    meta = read_summary_meta(scoring_book.read_bytes())
    assert (meta.campaign_id, meta.school_year, meta.round) == ("test-campaign", "2025-2026", ly.SCORING)
    assert meta.schema_version == ly.SUMMARY_SCHEMA_VERSION
    assert [name for name, _, _ in meta.inputs] == ["~$To-khoi-1.xlsx", T1_FILE, T1_OLD, T2_FILE, "ghi-chu.docx"]
    assert all(len(sha) == 64 for _, sha, _ in meta.inputs)
    assert meta.departments_submitted == ("T1", "T2")


def test_a_value_not_known_is_written_blank_never_nan_nor_zero(tmp_path):
    """A NaN (a mean of nothing) or None in a summary's table is a blank cell: never Excel's #NUM!, never a 0 that
    reads as a score (docs/conventions.md: Values between steps)."""
    from thidua_xlsx.write.summary.book import Book, open_workbook

    wb = open_workbook(tmp_path / "x.xlsx")
    book = Book(wb, cm.School(name="Trường Tiểu học A", school_year="2025-2026", managing_body="", place="",
                              recipient=""))
    ws = book.sheet("Bảng", (10.0, 10.0, 10.0, 10.0))
    for col, value in enumerate([float("nan"), None, 0.0, 8.5]):
        book.put(ws, 0, col, value)
    wb.close()

    cells = openpyxl.load_workbook(tmp_path / "x.xlsx")["Bảng"]
    assert [cells.cell(1, col).value for col in range(1, 5)] == [None, None, 0, 8.5]


def test_the_tally_s_rows_for_candidates_added_at_the_meeting_are_one_line_high(wb):
    """The council's spare rows were measured by their wrapper's words, 66 points each: five of them spilled onto a
    page of empty boxes. A row is as high as what it holds."""
    ws = wb[sx.S_TALLY]
    rows = [row[0].row for row in ws.iter_rows() if row[0].value is None and row[3].fill.fgColor.rgb == "FFFFF2CC"]
    assert len(rows) == SPARE_TALLY_ROWS
    assert {ws.row_dimensions[r].height for r in rows} == {engine.row_height(1)}
