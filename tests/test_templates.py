"""The locked department workbooks, read back with openpyxl: what teachers and the merge rely on.

Books are generated once per module (small campaign, the same with "Tổ nhập" + a password + a
pre-filled title, and the THCS preset), for both rounds, and every test walks all of them.
Golden snapshots: ``UPDATE_GOLDEN=1 pytest tests/test_templates.py`` rewrites tests/golden/.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from tests.conftest import campaign_dict
from tests.snapshot import snapshot, unlocked_cells
from thidua_xlsx import campaign as cm
from thidua_xlsx import layout as ly
from thidua_xlsx import templates
from thidua_xlsx import workbook_text as tx
from thidua_xlsx.reader import read_metadata

GOLDEN = Path(__file__).parent / "golden"
ROUNDS = (ly.REGISTRATION, ly.SCORING)
PASSWORD = "bí mật 123"
PREFILLED = {"GV01": templates.Registration(title="Lao động tiên tiến")}
ILLEGAL_SHEET_CHARS = set("[]:*?/\\")
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


@dataclass
class Book:
    label: str
    campaign: cm.Campaign
    round: str
    path: Path
    wb: object
    meta: dict
    prefilled: dict

    @property
    def records(self) -> dict[str, dict]:
        return {r["name"]: r for r in self.meta["payload"]["sheets"]}

    def __repr__(self) -> str:
        return f"<{self.label} {self.round} {self.path.name}>"


def small_campaign_with(**settings) -> cm.Campaign:
    data = campaign_dict()
    data["settings"] = {**data["settings"], **settings}
    return cm.from_dict(data)


VARIANTS = {
    "small": (lambda: small_campaign_with(), {}),
    "facts-password-prefill": (
        lambda: small_campaign_with(facts_source=cm.FACTS_FROM_DEPARTMENT, sheet_password=PASSWORD), PREFILLED),
    "thcs": (lambda: replace(cm.load_preset("thcs"), id="thcs-test"), {}),
}


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> list[Book]:
    found = []
    for label, (make, prefilled) in VARIANTS.items():
        campaign = make()
        for round_ in ROUNDS:
            outdir = tmp_path_factory.mktemp(f"{label}-{round_}")
            paths = templates.generate(campaign, round_, outdir, registrations=prefilled)
            assert len(paths) == len(campaign.departments)
            assert sorted(outdir.iterdir()) == sorted(paths), "no temporary files left behind"
            for path in paths:
                found.append(Book(label, campaign, round_, path, load_workbook(path), read_metadata(path), prefilled))
    return found


def by_kind(book: Book, kind: str):
    """(worksheet, record) for every record of ``kind``."""
    return [(book.wb[name], rec) for name, rec in book.records.items() if rec["kind"] == kind]


def cells_of(sqref) -> list[tuple[int, int]]:
    """(row, col) of every cell in an openpyxl MultiCellRange."""
    return [(r, c) for rng in sqref.ranges for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)]


def coordinate(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def validation_map(ws) -> dict[str, object]:
    """cell → the one data validation that applies to it (Excel honours only one per cell)."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for row, col in cells_of(dv.sqref):
            cell = coordinate(row, col)
            assert cell not in found, f"{ws.title}!{cell} has two data validations"
            found[cell] = dv
    return found


def expected_inputs(book: Book, record: dict) -> set[str]:
    """The input cells a record promises: these and only these must be unlocked."""
    kind = record["kind"]
    if kind == ly.KIND_PERSON:
        cells = {f"{record[col]}{row}" for row in record["items"].values()
                 for col in ("self_col", "dept_col", "note_col")}
        registered = book.prefilled.get(record["code"])
        if not (registered and registered.title):
            cells.add(record["title_cell"])
        if record["spare"]:
            cells |= {record["name_cell"], record["position_cell"]}
        if book.campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
            assert len(record["facts"]) == len(tx.FACT_FIELDS)
            cells |= set(record["facts"].values())
        else:
            assert not record.get("facts")
        return cells
    if kind == ly.KIND_REGISTRATION:
        cols = record["cols"]
        cells = {f"{cols[k]}{row}" for row in record["rows"].values() for k in ("title", "form", "initiative", "note")}
        cells |= {f"{cols[k]}{row}" for row in record["spare_rows"]
                  for k in ("name", "position", "title", "form", "initiative", "note")}
        return cells
    if kind == ly.KIND_COLLECTIVE:
        return {record["cell"], record["note_cell"]}
    if kind == ly.KIND_DEPARTMENT:
        return {record["collective_cell"]}
    raise AssertionError(kind)


def table_header_row(ws, record: dict) -> int:
    if record["kind"] == ly.KIND_PERSON:
        return next(c.row for c in ws["B"] if c.value == tx.SCORE_HEADERS[1] and ws[f"A{c.row}"].value == "Mã")
    return int(re.sub(r"\D", "", record["marker"]["cell"]))


def all_strings(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    yield ws, c


# --- protection and visibility ------------------------------------------------------------------


def test_every_sheet_protected_lists_hidden_meta_very_hidden(books):
    for book in books:
        states = {ws.title: ws.sheet_state for ws in book.wb.worksheets}
        assert states.pop(ly.META_SHEET) == "veryHidden", book
        assert states.pop(ly.LISTS_SHEET) == "hidden", book
        assert set(states.values()) == {"visible"}, book
        for ws in book.wb.worksheets:
            assert ws.protection.sheet is True, (book, ws.title)
            has_password = bool(ws.protection.password)
            assert has_password == bool(book.campaign.settings.sheet_password), (book, ws.title)


def test_visible_sheets_are_the_recorded_ones_plus_the_guide(books):
    for book in books:
        visible = [ws.title for ws in book.wb.worksheets if ws.sheet_state == "visible"]
        assert sorted(visible) == sorted([*book.records, ly.GUIDE_SHEET]), book
        expected = ({ly.KIND_REGISTRATION, ly.KIND_COLLECTIVE} if book.round == ly.REGISTRATION else
                    {ly.KIND_PERSON, ly.KIND_DEPARTMENT})
        assert {r["kind"] for r in book.records.values()} == expected


# --- unlocked cells -------------------------------------------------------------------------------


def test_unlocked_cells_are_exactly_the_recorded_inputs(books):
    for book in books:
        for ws in book.wb.worksheets:
            record = book.records.get(ws.title)
            expected = expected_inputs(book, record) if record else set()
            assert set(unlocked_cells(ws)) == expected, (book, ws.title)


def fill_of(cell) -> str:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else ""


def test_input_cells_are_white_and_prefilled_cells_shaded(books):
    white, shaded = templates.INPUT_FILL.lstrip("#"), templates.LOCKED_FILL.lstrip("#")
    for book in books:
        for ws in book.wb.worksheets:
            for ref in unlocked_cells(ws):
                assert fill_of(ws[ref]) == white, (book, ws.title, ref)
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            locked = [f"C{row}" for row in rec["items"].values()]
            if not rec["spare"]:
                locked += [rec["name_cell"], rec["position_cell"]]
            assert {fill_of(ws[ref]) for ref in locked} == {shaded}, (book, ws.title)


def test_person_records_match_the_rubric_rows(books):
    """Every rubric item has its row; the row shows the item's code and max (what the reader trusts)."""
    for book in books:
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            rubric = book.campaign.rubric_for(rec["role"])
            assert list(rec["items"]) == [item.code for _, item in rubric.items]
            for _, item in rubric.items:
                row = rec["items"][item.code]
                assert ws[f"A{row}"].value == item.code
                assert ws[f"C{row}"].value == item.max
                assert ws[f"A{row}"].protection.locked and ws[f"C{row}"].protection.locked


def test_roster_is_prefilled_and_locked(books):
    for book in books:
        department = book.campaign.department(book.meta["department_code"])
        members = book.campaign.members(department.code)
        if book.round == ly.REGISTRATION:
            (ws, rec), = by_kind(book, ly.KIND_REGISTRATION)
            assert sorted(rec["rows"], key=rec["rows"].get) == [p.code for p in members]
            assert len(rec["spare_rows"]) == book.campaign.settings.spare_rows
            for person in members:
                row = rec["rows"][person.code]
                assert [ws[f"{rec['cols'][k]}{row}"].value for k in ("code", "name")] == [person.code, person.name]
        else:
            people = by_kind(book, ly.KIND_PERSON)
            assert [rec["code"] for _, rec in people if not rec["spare"]] == [p.code for p in members]
            assert sum(rec["spare"] for _, rec in people) == book.campaign.settings.spare_rows
            for (ws, rec), person in zip(people, members):
                assert ws[rec["name_cell"]].value == person.name
                assert ws[rec["marker"]["cell"]].value == person.code


# --- data validation ------------------------------------------------------------------------------


def effective_bound(ws, dv, formula: str, row: int, col: int) -> float:
    """The number a validation bound means for one cell (relative references shift, as in Excel)."""
    ref = re.fullmatch(r"(\$?)([A-Z]+)(\$?)(\d+)", formula)
    if ref is None:
        return float(formula)
    col_abs, letter, row_abs, ref_row = ref.groups()
    assert col_abs == "$", f"{ws.title} {dv.sqref}: column of {formula} must be absolute"
    anchor = min(rng.min_row for rng in dv.sqref.ranges)  # relative rows count from the top of the range
    target = int(ref_row) + (0 if row_abs else row - anchor)
    return ws[f"{letter}{target}"].value


def test_score_cells_accept_0_to_item_max_and_stop_otherwise(books):
    for book in books:
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            rubric = book.campaign.rubric_for(rec["role"])
            rules = validation_map(ws)
            marked = {coordinate(r, c) for cf in ws.conditional_formatting for r, c in cells_of(cf.sqref)}
            for _, item in rubric.items:
                row = rec["items"][item.code]
                for col in (rec["self_col"], rec["dept_col"]):
                    cell = f"{col}{row}"
                    dv = rules.get(cell)
                    assert dv is not None, (book, ws.title, cell)
                    assert (dv.type, dv.operator) in (("decimal", None), ("decimal", "between"))
                    assert effective_bound(ws, dv, dv.formula1, row, 0) == 0
                    assert effective_bound(ws, dv, dv.formula2, row, 0) == item.max, (ws.title, cell)
                    assert dv.errorStyle in (None, "stop") and dv.showErrorMessage
                    assert dv.showInputMessage and dv.promptTitle and VIETNAMESE.search(dv.prompt)
                    assert dv.errorTitle and VIETNAMESE.search(dv.error)
                    assert cell in marked, f"{ws.title}!{cell}: out-of-range values are not marked red"


def test_list_validations_use_named_lists_on_the_lists_sheet(books):
    for book in books:
        lists = book.wb[ly.LISTS_SHEET]
        for ws in book.wb.worksheets:
            for dv in ws.data_validations.dataValidation:
                if dv.type != "list":
                    continue
                assert dv.errorStyle in (None, "stop") and dv.showErrorMessage, (book, ws.title, dv.sqref)
                if dv.formula1.startswith('"'):
                    assert len(dv.formula1) - 2 <= 255
                    continue
                assert dv.formula1 in book.wb.defined_names, (ws.title, dv.formula1)
                (sheet, rng), = book.wb.defined_names[dv.formula1].destinations
                assert sheet == ly.LISTS_SHEET
                values = [c.value for row in lists[rng.replace("$", "")] for c in row]
                assert values and all(values), (dv.formula1, values)
                assert dv.formula1 not in values, "the header of the list is inside the list"


def named_list(book: Book, name: str) -> list[str]:
    (_, rng), = book.wb.defined_names[name].destinations
    return [c.value for row in book.wb[ly.LISTS_SHEET][rng.replace("$", "")] for c in row]


def test_dropdowns_offer_the_campaign_titles(books):
    for book in books:
        titles = book.campaign.titles
        assert named_list(book, "DS_DanhHieuCaNhan")[:len(titles.individual)] == list(titles.individual)
        assert named_list(book, "DS_DanhHieuTapThe")[:len(titles.collective)] == list(titles.collective)
        assert named_list(book, "DS_HinhThuc") == list(titles.forms)
        assert named_list(book, "DS_XepLoaiVC") == list(cm.RATINGS)
        assert named_list(book, "DS_KyLuat") == list(cm.DISCIPLINES)
        for ws in book.wb.worksheets:
            record = book.records.get(ws.title)
            if record is None:
                continue
            rules = validation_map(ws)
            if record["kind"] == ly.KIND_REGISTRATION:
                cols = record["cols"]
                for row in [*record["rows"].values(), *record["spare_rows"]]:
                    assert rules[f"{cols['title']}{row}"].formula1 == "DS_DanhHieuCaNhan"
                    assert rules[f"{cols['form']}{row}"].formula1 == "DS_HinhThuc"
            elif record["kind"] == ly.KIND_COLLECTIVE:
                assert rules[record["cell"]].formula1 == "DS_DanhHieuTapThe"
            elif record["kind"] == ly.KIND_DEPARTMENT:
                assert rules[record["collective_cell"]].formula1 == "DS_DanhHieuTapThe"
            elif record["kind"] == ly.KIND_PERSON and record["title_cell"] in unlocked_cells(ws):
                assert rules[record["title_cell"]].formula1 == "DS_DanhHieuCaNhan"


def test_validation_texts_fit_excel_limits(books):
    for book in books:
        for ws in book.wb.worksheets:
            for dv in ws.data_validations.dataValidation:
                assert len(dv.promptTitle or "") <= 32 and len(dv.errorTitle or "") <= 32, (ws.title, dv.sqref)
                assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 255, (ws.title, dv.sqref)
    for name in dir(tx):  # every title and message constant, used or not yet
        value = getattr(tx, name)
        if isinstance(value, str) and re.fullmatch(r"V_\w+_TITLE|\w+_ERROR_TITLE", name):
            assert len(value) <= 32, name
        elif isinstance(value, str) and re.fullmatch(r"V_\w+_MESSAGE|\w+_ERROR_MESSAGE", name):
            assert len(value) <= 255, name


def test_facts_block_only_when_the_department_enters_facts(books):
    for book in books:
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
            lists_used = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
            if book.campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
                assert tx.FACTS_HEADING in texts
                rules = validation_map(ws)
                facts = rec["facts"]
                assert rules[facts["rating"]].formula1 == "DS_XepLoaiVC"
                assert rules[facts["discipline"]].formula1 == "DS_KyLuat"
                assert rules[facts["under_review"]].formula1 == "DS_CoKhong"
                assert (rules[facts["months"]].type, rules[facts["months"]].formula2) == ("decimal", "12")
                assert (rules[facts["days_off"]].type, rules[facts["days_off"]].formula2) == ("decimal", "366")
            else:
                assert tx.FACTS_HEADING not in texts
                assert not lists_used & {"DS_XepLoaiVC", "DS_KyLuat", "DS_CoKhong", "DS_CapSangKien"}


def test_registered_title_is_prefilled_and_locked(books):
    for book in books:
        if book.round != ly.SCORING or not book.prefilled:
            continue
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            title = ws[rec["title_cell"]]
            registered = book.prefilled.get(rec["code"])
            if registered:
                assert title.value == registered.title and title.protection.locked
                assert rec["title_cell"] not in validation_map(ws)
            else:
                assert title.value is None and title.protection.locked is False


def test_empty_list_gets_no_dropdown_rather_than_the_list_header(tmp_path):
    """campaign.xlsx may have no 'Hình thức khen thưởng' at all; the form cells then take free text."""
    data = campaign_dict()
    data["titles"] = {**data["titles"], "forms": []}
    path = templates.generate(cm.from_dict(data), ly.REGISTRATION, tmp_path)[0]
    wb = load_workbook(path)
    record = next(r for r in read_metadata(path)["payload"]["sheets"] if r["kind"] == ly.KIND_REGISTRATION)
    ws = wb[record["name"]]

    for name, definition in wb.defined_names.items():
        (_, rng), = definition.destinations
        first, last = rng.replace("$", "").split(":")
        assert int(re.sub(r"\D", "", first)) <= int(re.sub(r"\D", "", last)), (name, rng)
    assert "DS_HinhThuc" not in {dv.formula1 for dv in ws.data_validations.dataValidation}
    form_cells = {f"{record['cols']['form']}{row}" for row in record["rows"].values()}
    assert form_cells <= set(unlocked_cells(ws))


# --- formulas -------------------------------------------------------------------------------------


def formula(ws, cell: str) -> str:
    value = ws[cell].value
    assert isinstance(value, str) and value.startswith("="), f"{ws.title}!{cell} = {value!r} is not a formula"
    return value


def test_person_sheets_total_and_classify_by_formula(books):
    for book in books:
        if book.round != ly.SCORING:
            continue
        levels = [lv.name for lv in book.campaign.classification]
        for ws, rec in by_kind(book, ly.KIND_PERSON):
            rubric = book.campaign.rubric_for(rec["role"])
            for group in rubric.groups:
                rows = [rec["items"][i.code] for i in group.items]
                group_row = rows[0] - 1
                assert ws[f"A{group_row}"].value == group.code
                for col in (rec["self_col"], rec["dept_col"]):
                    assert f"SUM({col}{rows[0]}:{col}{rows[-1]})" in formula(ws, f"{col}{group_row}")
                    if group.kind != cm.SCORE:  # bonus and deduction capped at the group max
                        assert f"$C{group_row}" in formula(ws, f"{col}{group_row}")
            assert ws[f"B{rec['total_row']}"].value == tx.L_TOTAL
            assert ws[f"B{rec['class_row']}"].value == tx.L_CLASS
            for col in (rec["self_col"], rec["dept_col"]):
                total = formula(ws, f"{col}{rec['total_row']}")
                for group in rubric.groups:
                    sign = "-" if group.kind == cm.DEDUCTION else ""
                    assert f"{sign}{col}{rec['items'][group.items[0].code] - 1}" in total
                classify = formula(ws, f"{col}{rec['class_row']}")
                assert f"{col}{rec['total_row']}" in classify
                assert all(f'"{name}"' in classify for name in levels), classify
                assert "COUNTBLANK" in formula(ws, f"{col}{rec['missing_row']}")


def test_department_sheet_pulls_every_person_sheet(books):
    for book in books:
        if book.round != ly.SCORING:
            continue
        (ws, rec), = by_kind(book, ly.KIND_DEPARTMENT)
        people = by_kind(book, ly.KIND_PERSON)
        first = min(rec["rows"].values())
        pulled = []
        for k, (_, person) in enumerate(people):
            row = first + k
            if person["code"]:
                assert rec["rows"][person["code"]] == row
            self_total = formula(ws, f"{rec['cols']['self']}{row}")
            dept_total = formula(ws, f"{rec['cols']['dept']}{row}")
            ref = f"'{person['name']}'!"
            assert self_total == f"={ref}{person['self_col']}{person['total_row']}"
            assert dept_total == f"={ref}{person['dept_col']}{person['total_row']}"
            assert "RANK(" in formula(ws, f"{rec['cols']['rank']}{row}")
            pulled.append(person["name"])
        assert len(set(pulled)) == len(people)
        check = formula(ws, rec["check_cell"])
        assert tx.CHECK_DONE in check and tx.CHECK_MISSING_PREFIX.strip() in check


def test_check_cells_have_formula_and_a_sensible_value_before_recalculation(books):
    for book in books:
        if book.label != "small":
            continue
        cached = load_workbook(book.path, data_only=True)
        kind = ly.KIND_REGISTRATION if book.round == ly.REGISTRATION else ly.KIND_DEPARTMENT
        (ws, rec), = by_kind(book, kind)
        check = formula(ws, rec["check_cell"])
        assert "Đã đủ" in check and "Còn thiếu" in check
        members = book.campaign.members(book.meta["department_code"])
        if kind == ly.KIND_REGISTRATION:
            blank = len(members)
        else:
            blank = sum(2 * sum(1 for g in book.campaign.rubric_for(p.role).groups if g.kind == cm.SCORE
                                for _ in g.items) for p in members)
        assert cached[ws.title][rec["check_cell"]].value == f"Còn thiếu {blank} ô"


def assert_formulas_refer_to_existing_sheets(wb) -> None:
    names = set(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    for sheet in re.findall(r"'((?:[^']|'')+)'!", c.value):
                        assert sheet.replace("''", "'") in names, (ws.title, c.coordinate, c.value)


def test_formulas_refer_only_to_existing_sheets(books):
    for book in books:
        assert_formulas_refer_to_existing_sheets(book.wb)


# --- metadata ---------------------------------------------------------------------------------------


def test_metadata_round_trips_the_campaign(books):
    ids = set()
    for book in books:
        meta = book.meta
        department = book.path.name
        assert meta["app"] == ly.APP_ID
        assert meta["template_version"] == str(ly.TEMPLATE_VERSION)
        assert meta["round"] == book.round
        assert meta["campaign_id"] == book.campaign.id
        code = meta["department_code"]
        assert department == ly.output_name(book.campaign.school.school_year, book.round,
                                            book.campaign.department(code).name)
        expected = replace(book.campaign, settings=replace(book.campaign.settings, sheet_password=""))
        assert cm.from_dict(meta["payload"]["campaign"]) == expected, book
        assert meta["submission_id"]
        ids.add(meta["submission_id"])
    assert len(ids) == len(books), "submission ids must differ per department and per round"


def test_password_never_travels_in_the_workbook(books):
    for book in books:
        if book.campaign.settings.sheet_password:
            assert not [c.coordinate for _, c in all_strings(book.wb) if PASSWORD in c.value]
            assert PASSWORD not in json.dumps(book.meta, ensure_ascii=False)


# --- printing and fonts -------------------------------------------------------------------------------


def test_a4_fit_to_width_print_titles_and_frozen_headers(books):
    for book in books:
        for ws in book.wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            setup = ws.page_setup
            assert setup.paperSize == 9, (book, ws.title)
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, (book, ws.title)
            record = book.records.get(ws.title)
            if record is None or record["kind"] == ly.KIND_COLLECTIVE:
                continue
            head = table_header_row(ws, record)
            assert ws.print_title_rows == f"${head}:${head}", (book, ws.title)
            assert ws.freeze_panes and int(re.sub(r"\D", "", ws.freeze_panes)) == head + 1, (book, ws.title)


def test_printed_sheets_carry_the_national_motto(books):
    for book in books:
        for name in book.records:
            ws = book.wb[name]
            top = {c.value for row in ws.iter_rows(max_row=2) for c in row}
            assert {ly.MOTTO_1, ly.MOTTO_2, book.campaign.school.name.upper()} <= top, (book, name)
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in top


def test_times_new_roman_everywhere(books):
    for book in books:
        for ws in book.wb.worksheets:
            fonts = {c.font.name for row in ws.iter_rows() for c in row
                     if c.value is not None and not isinstance(c, MergedCell)}
            assert fonts <= {"Times New Roman"}, (book, ws.title, fonts)


# --- text and sheet names -------------------------------------------------------------------------------


def check_sheet_names(names: list[str]) -> None:
    assert all(len(n) <= 31 for n in names), [n for n in names if len(n) > 31]
    assert not [n for n in names if set(n) & ILLEGAL_SHEET_CHARS or n.startswith("'") or n.endswith("'")]
    assert len({n.casefold() for n in names}) == len(names)
    assert all(unicodedata.is_normalized("NFC", n) for n in names)


def test_every_string_is_nfc_and_sheet_names_are_legal(books):
    for book in books:
        bad = [(ws.title, c.coordinate) for ws, c in all_strings(book.wb)
               if not unicodedata.is_normalized("NFC", c.value)]
        assert bad == [], book
        check_sheet_names(book.wb.sheetnames)


def forty_people() -> cm.Campaign:
    data = campaign_dict()
    template = data["staff"][0]
    long_name = "Công Tằng Tôn Nữ Thị Minh Châu Phương"
    names = [long_name] * 20 + [long_name.upper()] * 5 + [
        "Lê Thị [Hoa]: Tư/Vấn?*\\", "O'Neil Trần Văn Tư", "'Nguyễn Văn A'", "=Trần Thị Mai", "+84 Phạm Văn Bảy",
        "Hướng dẫn", "DanhMuc", "_thidua_meta", "Tổng hợp tổ", "Người mới 1",
    ] + [f"Nguyễn Thị Ngọc Bích Thủy Tiên số {n}" for n in range(5)]
    assert len(names) == 40
    staff = [{**template, "code": f"P{n:02d}", "name": name, "department": "T1"} for n, name in enumerate(names)]
    departments = [{"code": "T1", "name": "Tổ Ngữ văn – Lịch sử – Địa lý – Giáo dục công dân – Tiếng Anh",
                    "head": long_name, "email": ""}]
    return cm.from_dict({**data, "staff": staff, "departments": departments})


def test_forty_people_with_long_and_equal_names_each_get_their_own_sheet(tmp_path):
    campaign = forty_people()
    codes = [p.code for p in campaign.staff]

    path, = templates.generate(campaign, ly.SCORING, tmp_path / "cd")
    wb = load_workbook(path)
    meta = read_metadata(path)

    check_sheet_names(wb.sheetnames)
    people = [r for r in meta["payload"]["sheets"] if r["kind"] == ly.KIND_PERSON]
    assert [r["code"] for r in people if not r["spare"]] == codes
    assert len({r["name"] for r in people}) == len(people) == 40 + campaign.settings.spare_rows
    for record, person in zip(people, campaign.staff):
        ws = wb[record["name"]]
        assert ws[record["name_cell"]].value == person.name
        assert ws[record["name_cell"]].data_type == "s", "a name that looks like a formula stays text"
    dept = next(r for r in meta["payload"]["sheets"] if r["kind"] == ly.KIND_DEPARTMENT)
    assert sorted(dept["rows"], key=dept["rows"].get) == codes
    assert_formulas_refer_to_existing_sheets(wb)

    path, = templates.generate(campaign, ly.REGISTRATION, tmp_path / "dk")
    wb = load_workbook(path)
    record = next(r for r in read_metadata(path)["payload"]["sheets"] if r["kind"] == ly.KIND_REGISTRATION)
    ws = wb[record["name"]]
    assert [ws[f"C{record['rows'][p.code]}"].value for p in campaign.staff] == [p.name for p in campaign.staff]
    assert all(ws[f"C{row}"].data_type == "s" for row in record["rows"].values())


# --- golden snapshots and determinism -----------------------------------------------------------------


def readable_snapshot(path: Path) -> dict:
    """snapshot() as plain JSON data (the meta sheet keeps its keys, not its values)."""
    return json.loads(json.dumps(snapshot(path), ensure_ascii=False, default=str))


@pytest.mark.parametrize("round_", ROUNDS)
def test_golden_snapshot(tmp_path, small_campaign, round_):
    golden = GOLDEN / f"{round_}_T1.json"
    path = templates.generate(small_campaign, round_, tmp_path)[0]
    assert read_metadata(path)["department_code"] == "T1"

    found = readable_snapshot(path)

    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert [s["name"] for s in found["sheets"]] == [s["name"] for s in expected["sheets"]]
    for got, want in zip(found["sheets"], expected["sheets"]):
        assert got == want, f"sheet {got['name']} differs from {golden.name} (UPDATE_GOLDEN=1 to accept)"
    assert found == expected


@pytest.mark.parametrize("round_", ROUNDS)
def test_same_campaign_gives_identical_files(tmp_path, small_campaign, round_):
    first = templates.generate(small_campaign, round_, tmp_path / "a")
    second = templates.generate(dataclasses.replace(small_campaign), round_, tmp_path / "b")

    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert readable_snapshot(a) == readable_snapshot(b)
        assert a.read_bytes() == b.read_bytes(), "xlsxwriter output should be byte-for-byte reproducible"
