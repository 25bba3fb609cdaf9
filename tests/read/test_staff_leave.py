"""Sheet Nhân sự's columns of an untidy year: the kind of a long leave, the periods wholly on it, what a
discipline was for — written by ``init``, read back, each problem said at its cell; a book written before them still
loads, its leave and scope not said (never assumed)."""

from __future__ import annotations

from openpyxl import load_workbook

from tests.campaign_books import edit, load, make_book, row_of
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb


def _columns(ws) -> dict[str, str]:
    """Header → column letter of sheet Nhân sự."""
    return {c.value: c.column_letter for c in ws[1] if c.value}


def _set(path, code: str, **by_header) -> object:
    """Type ``by_header`` (header → value) in the row of ``code``; its row number."""
    def change(wb):
        ws = wb[cb.STAFF_SHEET]
        row = row_of(ws, "A", code)
        columns = _columns(ws)
        for header, value in by_header.items():
            ws[f"{columns[header]}{row}"] = value
        return row
    return edit(path, change)


def _person(campaign, code: str) -> cm.Person:
    return next(p for p in campaign.staff if p.code == code)


def test_init_writes_the_columns_with_their_lists_and_they_are_read_back(tmp_path):
    book = make_book(tmp_path / "c", "nd233")

    ws = load_workbook(book)[cb.STAFF_SHEET]
    columns = _columns(ws)
    assert list(columns)[list(columns).index("Kỷ luật") + 1] == cb.SCOPE_HEADER  # beside the discipline
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}
    assert lists[f"{columns[cb.LEAVE_HEADER]}2"] == \
        '"Thai sản,Ốm đau (BHXH),Không lương,Đi học/bồi dưỡng (được cử)"'
    assert lists[f"{columns[cb.SCOPE_HEADER]}2"] == '"Nhiệm vụ,Tư tưởng/đạo đức/lối sống,Khác"'
    assert {ws[f"{columns[h]}{row}"].value for h in (cb.LEAVE_HEADER, cb.AWAY_HEADER, cb.SCOPE_HEADER)
            for row in range(2, ws.max_row + 1)} == {None}, "a new campaign: the secretary enters them"
    _set(book, "GV013", **{"Kỷ luật": "Khiển trách", cb.SCOPE_HEADER: cm.SCOPE_DUTIES})
    _set(book, "NV004", **{cb.LEAVE_HEADER: cm.LEAVE_MATERNITY_WORD, "Số tháng nghỉ thai sản": 6})
    campaign, problems = load(book)
    assert problems == []
    assert _person(campaign, "GV013").facts.discipline_scope == cm.SCOPE_DUTIES
    assert _person(campaign, "NV004").facts.leave == cm.LEAVE_MATERNITY_WORD


def test_periods_away_are_read_by_code_or_name_in_the_periods_order(tmp_path):
    book = make_book(tmp_path / "c", "nd233")
    november = next(p.label for p in load(book)[0].periods if p.code == "thang-11")  # "Tháng 11/2026"
    _set(book, "GV002", **{cb.LEAVE_HEADER: "Ốm đau (BHXH)", cb.AWAY_HEADER: f"{november.upper()}; THANG-10, thang-10"})

    campaign, problems = load(book)

    assert problems == []
    facts = _person(campaign, "GV002").facts
    assert (facts.leave, facts.away) == (cm.LEAVE_SICK_WORD, ("thang-10", "thang-11"))


def test_each_problem_is_said_at_its_cell(tmp_path):
    book = make_book(tmp_path / "c", "nd233")
    columns = _columns(load_workbook(book)[cb.STAFF_SHEET])
    unknown = _set(book, "GV002", **{cb.LEAVE_HEADER: "Thai sản", cb.AWAY_HEADER: "thang-9, quy-5"})
    no_kind = _set(book, "GV003", **{cb.AWAY_HEADER: "thang-12"})
    scoped = _set(book, "GV004", **{cb.SCOPE_HEADER: "Khác"})

    campaign, problems = load(book)

    assert campaign is None  # the errors refuse the book, every one said at once
    said = {(p.code, p.cell): p for p in problems}
    assert said[("campaign.away_unknown", f"{columns[cb.AWAY_HEADER]}{unknown}")].render().endswith(
        "cột 'Kỳ nghỉ trọn kỳ (mã kỳ)' ghi 'quy-5', không phải mã hay tên kỳ nào của sheet Kỳ đánh giá. Hãy ghi mã "
        "các kỳ nghỉ trọn kỳ, cách nhau bởi dấu phẩy (các kỳ: thang-9, thang-10, thang-11, thang-12, thang-1, "
        "thang-2, thang-3, thang-4, thang-5).")
    without = said[("campaign.away_without_leave", f"{columns[cb.AWAY_HEADER]}{no_kind}")]
    assert "nghỉ trọn kỳ thang-12 nhưng chưa chọn 'Nghỉ dài ngày (loại)' (Thai sản, Ốm đau (BHXH), Không lương, " \
        "Đi học/bồi dưỡng (được cử))" in without.message
    scope = said[("campaign.scope_without_discipline", f"{columns[cb.SCOPE_HEADER]}{scoped}")]
    assert scope.severity == "warning" and "cột Kỷ luật để trống hoặc Không – không dùng" in scope.message
    assert len(problems) == 3


def test_periods_away_in_a_campaign_without_periods_are_said_and_not_used(tmp_path):
    book = make_book(tmp_path / "c", "tieu-hoc")
    code = load(book)[0].staff[1].code
    row = _set(book, code, **{cb.LEAVE_HEADER: "Không lương", cb.AWAY_HEADER: "hk1"})

    campaign, problems = load(book)

    assert [(p.code, p.severity, p.cell[1:]) for p in problems] == [("campaign.away_no_periods", "warning", str(row))]
    assert _person(campaign, code).facts.away == ()


def test_a_book_written_before_the_columns_loads_its_leave_and_scope_not_said(tmp_path):
    book = make_book(tmp_path / "c", "nd233")
    _set(book, "GV013", **{"Kỷ luật": "Khiển trách", cb.SCOPE_HEADER: cm.SCOPE_DUTIES})

    def old(wb):
        ws = wb[cb.STAFF_SHEET]
        for header in (cb.SCOPE_HEADER, cb.AWAY_HEADER, cb.LEAVE_HEADER):
            ws.delete_cols(next(c.column for c in ws[1] if c.value == header))
    edit(book, old)

    campaign, problems = load(book)

    assert problems == []
    gv013 = _person(campaign, "GV013").facts
    assert (gv013.discipline, gv013.discipline_scope, gv013.leave, gv013.away) == ("Khiển trách", None, None, ())
