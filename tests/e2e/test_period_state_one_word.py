"""One state of a period, one word, everywhere: the new user's monthly year closed on 10/11/2026
(tests/new_user_year.py: Tháng 9 passed, Tháng 10 merged with three departments' books missing, Tháng 11 running,
Tháng 12 – Tháng 5 not begun). Every output of the run — the DỰ THẢO line of every Word paper (python-docx, the first
page's header), the year workbook's cells and note, the Phiếu, the JSON — says each period's state in the one word of
text.decisions.PERIOD_WORDS, from the one value model.evaluation.YearResults.period_of."""

from __future__ import annotations

import docx

from tests.new_user_year import TODAY, one_line, sheet_lines
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS

RUNNING = "Tháng 11/2026 " + PERIOD_WORDS["running"]
NOT_BEGUN = "6 kỳ (Tháng 12/2026 – Tháng 5/2027) " + PERIOD_WORDS["not_begun"]


def _state(period) -> str:
    """The period's state on the pinned day, reckoned here from its dates (its last day still running)."""
    return ev.PERIOD_OVER if period.end < TODAY else ev.PERIOD_RUNNING if period.start <= TODAY else ev.PERIOD_NOT_BEGUN


def _draft_line(path) -> str:
    """What the first page's header of a Word paper says under DỰ THẢO."""
    section = docx.Document(str(path)).sections[0]
    return one_line(" ".join(p.text for p in section.first_page_header.paragraphs))


def test_the_json_says_each_period_s_state_as_the_day_makes_it(journey_in_word):
    states = {p["code"]: p["state"] for p in journey_in_word.data["year"]["periods"]}
    assert states == {p.code: _state(p) for p in journey_in_word.campaign.periods}
    assert {d["period"]: d["why"] for d in journey_in_word.data["draft"]} == {
        "thang-10": "not_passed", "thang-11": ev.PERIOD_RUNNING,
        **{p.code: ev.PERIOD_NOT_BEGUN for p in journey_in_word.campaign.periods[3:]}}
    for person in journey_in_word.data["people"]:
        for period in journey_in_word.campaign.periods[2:]:  # nobody's book could come yet: running or not begun
            assert person["year"]["states"][period.code] == _state(period), person["code"]


def test_every_paper_s_draft_line_says_november_running_and_december_to_may_not_begun(journey_in_word):
    papers = sorted(journey_in_word.docs.rglob("*.docx"))
    assert len(papers) >= 3  # the Tờ trình, the Biên bản, the Phiếu
    for paper in papers:
        line = _draft_line(paper)
        assert RUNNING in line and NOT_BEGUN in line, (paper.name, line)
        assert "Tháng 5/2027) chưa hết kỳ" not in line and "Tháng 12/2026 chưa hết kỳ" not in line


def test_the_year_workbook_prints_each_cell_from_the_json_s_state(journey_in_word):
    from openpyxl import load_workbook

    ws = load_workbook(journey_in_word.summary)[sx.S_YEAR]
    head = next(r for r in ws.iter_rows() if "Mã" in [c.value for c in r])
    cols = {c.value: c.column for c in head}
    people = {p["code"]: p for p in journey_in_word.data["people"]}
    for r in range(head[0].row + 1, ws.max_row + 1):
        code = ws.cell(r, cols["Mã"]).value
        if code not in people:
            continue
        for period in journey_in_word.campaign.periods:
            state, cell = people[code]["year"]["states"][period.code], ws.cell(r, cols[period.label]).value
            assert (isinstance(cell, float | int) if state == ev.SCORED else cell == PERIOD_WORDS[state]), \
                (code, period.label, state, cell)


def test_the_year_workbook_s_note_names_every_period_it_has_no_summary_for(journey_in_word):
    note = next(line for line in sheet_lines(journey_in_word.summary, sx.S_YEAR) if "Đã có bảng tổng hợp" in line)
    assert "Đã có bảng tổng hợp của 2/9 kỳ" in note
    assert f"kỳ chưa có: {RUNNING}; {NOT_BEGUN}" in note and "kỳ chưa có: không" not in note


def test_the_phieu_says_the_same_words(journey_in_word):
    from tests.documents import appraisal_pages
    from thidua_xlsx.text import appraisal as atx

    for name, lines in appraisal_pages(journey_in_word.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx").items():
        text = "\n".join(lines)
        assert atx.PERIODS_RUNNING.format(periods="Tháng 11/2026") in text, name
        assert atx.PERIODS_RUNNING.startswith(PERIOD_WORDS["running"].capitalize())
        assert atx.PERIODS_NOT_BEGUN.startswith(PERIOD_WORDS["not_begun"].capitalize())


def test_the_year_workbook_s_note_says_what_each_person_s_count_of_periods_is_of(journey_in_word):
    """"2/9" summaries beside a person's "2/2": the note says the person's count is of the periods come for them
    (the year's score averages the periods that have results, NĐ 233/2026 điều 12 khoản 5), so the two never read as
    a contradiction."""
    lines = sheet_lines(journey_in_word.summary, sx.S_YEAR)
    note = next(line for line in lines if "Đã có bảng tổng hợp" in line)
    assert "Đã có bảng tổng hợp của 2/9 kỳ" in note
    assert "Cột Số kỳ có điểm đếm trên các kỳ đã đến của từng người" in note
    assert any(" | 2/2 | " in line for line in lines)
