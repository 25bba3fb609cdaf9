"""Printed as decided: what a person reads of a year says what was decided — one rounding of a score everywhere (two
decimals, cut: 89.995 is HTTNV under NĐ 233/2026 điều 12 khoản 1, "từ 90 điểm trở lên", and never printed 90), scores
stored as numbers, a period away printed as away and not counted as missing (điều 14 khoản 2), a year not rated or
not rated yet in words, never its code.

A monthly year of six people built in code (three months' summaries in memory), written as ``year`` writes it: the
sheets Xếp loại năm and Không đề nghị read back cell by cell (value and number format), the Phiếu xếp loại read back
from the .docx page by page, the reasons' and the warnings' texts."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from tests.documents import appraisal_pages
from tests.year_fixtures import MONTHS, PERIODS, period_summaries
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.council import CouncilChange
from thidua_xlsx.model.issues import issue, reason
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.papers.document_set import APPRAISAL
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS
from thidua_xlsx.write.summary import write_summary
from thidua_xlsx.write.summary.book import VN
from thidua_xlsx.write.summary.council import change_sentence

EDGE, THIRDS, AWAY, NEWCOMER, PENDING, UNRATED = "GV01", "GV02", "GV03", "NV01", "GV04", "GV05"
# code, name, department, role, the scores of the three months (None: none), what the roster says besides
STAFF = [
    (EDGE, "Nguyễn Thị Lan", "T1", "Giáo viên", (89.99, 90, 89.995), {}),  # the year 89,995: HTTNV, printed 89,99
    (THIRDS, "Trần Văn Đức", "T1", "Giáo viên", (76, 76, 77), {}),  # 76,3333…: 76,33
    (AWAY, "Lê Thị Dung", "T1", "Giáo viên", (80, None, 82),
     {"leave": cm.LEAVE_MATERNITY_WORD, "away": [PERIODS[1]], "months": 10}),  # October wholly on maternity leave
    (NEWCOMER, "Đỗ Văn Anh", "T2", "Nhân viên", (None, 80, 80), {"start": "2025-10-15", "months": 8}),
    (PENDING, "Phạm Ngọc Ánh", "T2", "Giáo viên", (85, 85, 85), {"discipline": "Khiển trách"}),  # for what: not said
    (UNRATED, "Hoàng Văn Tùng", "T2", "Giáo viên", (70, 72, None), {"months": 4, "rating": "HTTNV"}),
]
REGISTERED = {EDGE: LDTT, THIRDS: CSTDCS}  # CSTĐCS asks HTXSNV: Trần Văn Đức is on Không đề nghị, with his score
CODES = ("KHONG_XEP_LOAI", "CHUA_XEP_LOAI")


def _campaign() -> cm.Campaign:
    staff = [{"code": code, "name": name, "department": dept, "role": role, "position": role, "gender": "Nữ",
              "dob": "1985-01-02", "start": "2008-09-05", "rating": None, "months": 12, "maternity_months": 0,
              "days_off": 0, "discipline": "Không", "under_review": False, "initiative": "", "initiative_level": "",
              "initiative_decision": ""} | extra
             for code, name, dept, role, _scores, extra in STAFF]
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(id="in-nhu-da-quyet", period_kind=cm.MONTHS, periods=MONTHS, staff=staff,
                                      rules={"ldtt_min_classification": "HTTNV"}, classification=levels,
                                      gate_cap="HTNV", rubrics=[RUBRIC_GV, RUBRIC_NV]))


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("in-nhu-da-quyet")
    totals = {code: scores for code, _name, _dept, _role, scores, _extra in STAFF}
    summary = year_summary(_campaign(), [], period_summaries(totals, PERIODS, REGISTERED))
    write_summary(summary, root / "tong-hop_ca-nam.xlsx")
    papers = write_documents(summary, root / "ho-so", pdf=False)
    phieu = next(d for d in papers.shared if d.kind == APPRAISAL)
    return {"summary": summary, "book": load_workbook(root / "tong-hop_ca-nam.xlsx"), "phieu": phieu.path}


def _rows(ws, key: str = "Mã") -> tuple[dict[str, int], dict[str, tuple]]:
    """The table of a sheet: its heads' columns, and each row by the value in the ``key`` column."""
    rows = list(ws.iter_rows())
    head = next(k for k, row in enumerate(rows) if key in [c.value for c in row])
    cols = {c.value: k for k, c in enumerate(rows[head]) if c.value}
    return cols, {row[cols[key]].value: row for row in rows[head + 1:] if row[cols[key]].value}


def _year_sheet(year) -> tuple[dict[str, int], dict[str, tuple]]:
    return _rows(year["book"][sx.S_YEAR])


# --- one rounding: two decimals, cut --------------------------------------------------------------------------

@pytest.mark.parametrize(("score", "printed"), [
    (89.995, "89,99"), (89.999, "89,99"), (76.3333, "76,33"), (90.0, "90"), (85.5, "85,5"), (76.33, "76,33"),
    (0.1 + 0.2, "0,3"), (100, "100"), (80.33333333333333, "80,33"),
])
def test_a_score_is_printed_with_two_decimals_cut_never_rounded(score, printed):
    assert cm.score_text(score) == printed
    assert cm.score_value(score) == float(printed.replace(",", "."))


def test_the_year_sheet_stores_the_score_cut_as_a_number_never_90_beside_httnv(year):
    cols, rows = _year_sheet(year)
    edge = rows[EDGE]
    score = edge[cols[sx.YEAR_HEAD_LAST[1]]]
    assert score.value == 89.99 and score.number_format == VN + "General"  # shown "89,99"; before: 90
    assert edge[cols[sx.YEAR_HEAD_LAST[7]]].value == "HTTNV"
    assert edge[cols[MONTHS[2]["label"]]].value == 89.99  # a period's score too
    assert rows[THIRDS][cols[sx.YEAR_HEAD_LAST[1]]].value == 76.33


def test_the_reasons_say_the_score_as_the_sheet_shows_it(year):
    edge = year["summary"].year.ratings[EDGE]
    band = next(r for r in edge.reasons if r.code == "year.band")
    assert band.text.startswith("điểm năm 89,99, từ 70 đến dưới 90 điểm: HTTNV")
    people = {p.code: p for p in year["summary"].people}
    for code, score in ((EDGE, "89,99"), (THIRDS, "76,33")):  # the title's reason: before, 89,995 and 76,3333
        granted = next(d for d in people[code].decisions if d.title == LDTT)
        assert f"xếp loại thi đua HTTNV ({score} điểm)" in granted.reason


def test_a_number_said_back_as_typed_keeps_its_digits():
    """A score typed out of range is said as it was typed: cut, 100,001 would read "100 is not from 0 to 100"."""
    said = issue("council.score_out_of_range", name="Lan", value=100.001, max=100)
    assert "là 100,001, ngoài khoảng 0 – 100" in said.message
    assert "89,99" in reason("year.band_top", score=89.995, low=80, rating="HTXSNV", clause=1).text


def test_the_council_s_score_change_is_said_cut_on_the_console_and_its_sheet():
    change = CouncilChange(EDGE, "Nguyễn Thị Lan", "score", 89.995, 76.3333, "")
    assert change_sentence(change) == "điểm đổi từ 89,99 thành 76,33"


def test_not_proposed_stores_the_year_s_score_as_a_number(year):
    cols, rows = _rows(year["book"][sx.S_REFUSED], "Họ và tên")
    score = rows["Trần Văn Đức"][cols[sx.YEAR_SCORE_HEAD]]
    assert score.value == 76.33 and score.number_format == VN + "General"  # before: the text '76,3333'


# --- a period away is away, not missing -------------------------------------------------------------------------

def test_a_period_away_or_before_the_start_is_printed_so_and_not_counted_missing(year):
    cols, rows = _year_sheet(year)
    count = cols[sx.YEAR_HEAD_LAST[0]]
    assert rows[AWAY][cols[MONTHS[1]["label"]]].value == PERIOD_WORDS["away"] == "nghỉ"
    assert rows[AWAY][count].value == "2/2"  # before: "thiếu", "2/3"
    assert rows[NEWCOMER][cols[MONTHS[0]["label"]]].value == PERIOD_WORDS["before_start"]
    assert rows[NEWCOMER][count].value == "2/2"
    assert rows[UNRATED][cols[MONTHS[2]["label"]]].value == sx.YEAR_NO_SCORE  # a period missing is still missing
    assert rows[UNRATED][count].value == "2/3"


def test_the_year_sheet_s_legend_says_what_each_word_of_a_period_means(year):
    texts = [c.value for row in year["book"][sx.S_YEAR].iter_rows(max_row=6) for c in row if isinstance(c.value, str)]
    legend = next(t for t in texts if t.startswith("Cách tính"))
    assert 'ghi "nghỉ", không phải kỳ thiếu điểm' in legend and 'ghi "chưa vào"' in legend


# --- a year not rated, or not yet, in words ---------------------------------------------------------------------

def test_a_pending_year_is_said_in_words_and_no_code_is_in_any_sheet(year):
    cols, rows = _year_sheet(year)
    pending = rows[PENDING]
    assert pending[cols[sx.YEAR_HEAD_LAST[2]]].value == "Chưa xếp loại"
    assert pending[cols[sx.YEAR_HEAD_LAST[7]]].value == "Chưa xếp loại"
    assert rows[UNRATED][cols[sx.YEAR_HEAD_LAST[2]]].value == "Không xếp loại"
    for ws in year["book"].worksheets:
        if ws.sheet_state == "visible":
            shown = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
            assert not any(code in shown for code in CODES), ws.title


def test_the_warnings_and_reasons_word_a_year_not_rated(year):
    summary = year["summary"]
    typed = next(i for i in summary.issues if i.code == "year.rating_typed")
    assert "xếp loại tính từ các kỳ là Không xếp loại;" in typed.message
    unrated = next(p for p in summary.people if p.code == UNRATED)
    assert "tính từ các kỳ là Không xếp loại" in " ".join(f.text for f in unrated.flags)
    texts = [i.message for i in summary.issues] + [r.text for y in summary.year.ratings.values() for r in y.reasons]
    assert not any(code in text for text in texts for code in CODES)


# --- the Phiếu xếp loại -----------------------------------------------------------------------------------------

def _pages(path) -> dict[str, list[str]]:
    """Each person's page of the Phiếu (lines, table cells included), by the name on it."""
    return appraisal_pages(path)


def _name(code: str) -> str:
    return next(name for c, name, *_ in STAFF if c == code)


def test_the_phieu_prints_89_995_as_89_99_beside_httnv(year):
    page = _pages(year["phieu"])[_name(EDGE)]
    assert "Tổng số điểm năm: 89,99/100 điểm (trung bình cộng điểm của 3/3 kỳ đánh giá)." in page
    assert "Điểm từng kỳ: Tháng 9/2025: 89,99; Tháng 10/2025: 90; Tháng 11/2025: 89,99." in page
    assert not any("89,995" in line or "90/100" in line for line in page)
    text = " ".join(line for page in _pages(year["phieu"]).values() for line in page)
    assert not any(code in text for code in CODES)


def test_the_phieu_says_a_month_away_as_away_and_counts_the_person_s_months(year):
    pages = _pages(year["phieu"])
    away = pages[_name(AWAY)]
    assert "Tổng số điểm năm: 81/100 điểm (trung bình cộng điểm của 2/2 kỳ đánh giá)." in away
    assert atx.PERIODS_AWAY.format(periods=MONTHS[1]["label"]) in away
    assert not any(line.startswith("Không có điểm") for line in away)  # before: "Không có điểm …: Tháng 10/2025."
    newcomer = pages[_name(NEWCOMER)]
    assert "Tổng số điểm năm: 80/100 điểm (trung bình cộng điểm của 2/2 kỳ đánh giá)." in newcomer
    assert atx.PERIODS_BEFORE_START.format(periods=MONTHS[0]["label"]) in newcomer
    assert not any(line.startswith("Không có điểm") for line in newcomer)
    missing = pages[_name(UNRATED)]  # a month with no score is still said missing, and counted
    assert "Tổng số điểm năm: 71/100 điểm (trung bình cộng điểm của 2/3 kỳ đánh giá)." in missing
    assert atx.PERIODS_NONE.format(periods=MONTHS[2]["label"]) in missing
