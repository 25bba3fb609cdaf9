"""The locked department workbooks, read back with openpyxl: what teachers and the merge rely on.

Books are generated once per module through ``generate_round`` (small campaign; the same with
"Tổ nhập" + a password + a registration summary with titles, "Không đăng ký" and a newcomer; and
the THCS preset), for both rounds, and every test walks all of them.
Golden snapshots: ``UPDATE_GOLDEN=1 pytest tests/write/test_department.py`` rewrites tests/golden/.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from tests.conftest import campaign_dict, make_folder
from tests.filling import forms, item_row, layout, register, sheet
from tests.snapshot import snapshot, unlocked_cells
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import Newcomer, Registration, department_spec, newcomer_code
from thidua_xlsx.model.titles import CSTDCS, LDTT, NOT_REGISTERED, TTLDTT
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.service import generate_round
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import department as writer

GOLDEN = Path(__file__).parents[1] / "golden"
ROUNDS = (ly.REGISTRATION, ly.SCORING)
PASSWORD = "bí mật 123"
REGISTERED = {"GV01": LDTT, "GV02": NOT_REGISTERED, "GV04": CSTDCS}  # as the registration summary is read
NEWCOMER = ("T2", "Vũ Thị Mới", "Giáo viên", LDTT)  # typed on T2's first spare row
FACTS_LISTS = {"DS_XepLoaiVC", "DS_KyLuat", "DS_CoKhong", "DS_CapSangKien"}
ILLEGAL_SHEET_CHARS = set("[]:*?/\\")
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
IDENTITY = {"app", "template_version", "campaign_id", "school_year", "period", "round", "department_code",
            "department_name", "submission_id"}


@dataclass
class Book:
    label: str
    campaign: cm.Campaign
    round: str
    path: Path
    wb: object
    layout: ly.WorkbookLayout
    registered: dict = field(default_factory=dict)  # code → title the scoring forms must show
    newcomers: tuple = ()  # (department, name, position, title) registered on a spare row

    @property
    def records(self) -> dict[str, ly.SheetLayout]:
        return {s.name: s for s in self.layout.sheets}

    @property
    def department(self) -> cm.Department:
        return self.campaign.department(self.layout.department_code)

    def people(self) -> list[tuple[str, str, str]]:
        """(code, name, position) of everyone the workbook must show, in order."""
        found = [(p.code, p.name, p.position) for p in self.campaign.members(self.department.code)]
        if self.round == ly.SCORING:
            found += [(code, name, position) for code, (dept, name, position, _) in newcomer_codes(self.newcomers)
                      if dept == self.department.code]
        return found

    def __repr__(self) -> str:
        return f"<{self.label} {self.round} {self.path.name}>"


def newcomer_codes(newcomers) -> list[tuple[str, tuple]]:
    """(provisional code, newcomer) as the scoring round numbers them: 1, 2, … per department."""
    seen: dict[str, int] = {}
    found = []
    for newcomer in newcomers:
        seen[newcomer[0]] = seen.get(newcomer[0], 0) + 1
        found.append((newcomer_code(newcomer[0], seen[newcomer[0]]), newcomer))
    return found


def small_campaign_with(**settings) -> cm.Campaign:
    data = campaign_dict()
    data["settings"] = {**data["settings"], **settings}
    return cm.from_dict(data)


VARIANTS = {  # label → (campaign, titles registered by code, newcomers); titles given: generate --from
    "small": (lambda: small_campaign_with(), None, ()),
    "facts-password-registered": (
        lambda: small_campaign_with(facts_source=cm.FACTS_FROM_DEPARTMENT, sheet_password=PASSWORD), REGISTERED,
        (NEWCOMER,)),
    "thcs": (lambda: replace(load_preset("thcs"), id="thcs-test"), None, ()),
}


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> list[Book]:
    found = []
    for label, (make, titles, newcomers) in VARIANTS.items():
        base = tmp_path_factory.mktemp(label)
        folder = make_folder(base / "campaign", make())
        campaign = folder.campaign
        summary = None
        if titles is not None:
            summary = register(folder, titles, base / "work",
                               newcomers={d: (n, p, t) for d, n, p, t in newcomers})
        for round_ in ROUNDS:
            outdir = base / f"outbox-{round_}"
            generated = generate_round(folder, round_, outdir, from_summary=summary if round_ == ly.SCORING else None)
            assert not generated.problems, [p.render() for p in generated.problems]
            paths = generated.paths
            assert len(paths) == len(campaign.departments)
            assert sorted(outdir.iterdir()) == sorted(paths), "no temporary files left behind"
            shown = {}
            if round_ == ly.SCORING and titles is not None:
                shown = dict(titles) | {code: title for code, (_, _, _, title) in newcomer_codes(newcomers)}
            for path in paths:
                found.append(Book(label, campaign, round_, path, load_workbook(path), layout(path), shown,
                                  tuple(newcomers)))
    return found


def by_kind(book: Book, cls):
    """(worksheet, record) for every record of class ``cls``."""
    return [(book.wb[rec.name], rec) for rec in book.layout.sheets if isinstance(rec, cls)]


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


def expected_inputs(book: Book, record: ly.SheetLayout) -> set[str]:
    """The input cells a record promises: these and only these must be unlocked."""
    if isinstance(record, ly.ScoringSheet):
        cells = {f"{col}{row}" for _, row in record.items
                 for col in (record.self_column, record.dept_column, record.note_column)}
        # "Đăng ký:" is never an input: the registered title, or "Chưa đăng ký", shown locked
        if record.spare:
            cells |= {record.name_cell, record.position_cell}
        if book.campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT:
            assert [key for key, _ in record.facts] == [key for key, _, _ in wx.FACT_FIELDS]
            cells |= {cell for _, cell in record.facts}
        else:
            assert not record.facts
        return cells
    if isinstance(record, ly.RegistrationSheet):
        r = record
        cells = {f"{col}{row}" for _, row in r.rows
                 for col in (r.title_column, r.form_column, r.initiative_column, r.note_column)}
        cells |= {f"{col}{row}" for row in r.spare_rows
                  for col in (r.name_column, r.position_column, r.title_column, r.form_column,
                              r.initiative_column, r.note_column)}
        return cells
    if isinstance(record, ly.CollectiveSheet):
        return {record.cell, record.note_cell}
    if isinstance(record, ly.DepartmentSheet):
        return {record.collective_cell}
    raise AssertionError(record)


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
        spare = {name for name, r in book.records.items() if isinstance(r, ly.ScoringSheet) and not r.person_code}
        assert {states.pop(name) for name in spare} <= {"hidden"}, book  # blank newcomer forms, until needed
        assert set(states.values()) == {"visible"}, book
        for ws in book.wb.worksheets:
            assert ws.protection.sheet is True, (book, ws.title)
            has_password = bool(ws.protection.password)
            assert has_password == bool(book.campaign.settings.sheet_password), (book, ws.title)


def test_visible_sheets_are_the_recorded_ones_plus_the_guide(books):
    for book in books:
        visible = [ws.title for ws in book.wb.worksheets if ws.sheet_state == "visible"]
        spare = {name for name, r in book.records.items() if isinstance(r, ly.ScoringSheet) and not r.person_code}
        assert sorted(visible) == sorted([*(set(book.records) - spare), ly.GUIDE_SHEET]), book
        hidden = {ws.title for ws in book.wb.worksheets if ws.sheet_state == "hidden"}
        assert hidden - {ly.LISTS_SHEET} == spare, "a blank newcomer form is hidden until needed: never printed blank"
        expected = ({ly.RegistrationSheet, ly.CollectiveSheet} if book.round == ly.REGISTRATION else
                    {ly.ScoringSheet, ly.DepartmentSheet})
        assert {type(r) for r in book.records.values()} == expected


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
    white, shaded = writer.INPUT_FILL.lstrip("#"), writer.LOCKED_FILL.lstrip("#")
    for book in books:
        for ws in book.wb.worksheets:
            for ref in unlocked_cells(ws):
                assert fill_of(ws[ref]) == white, (book, ws.title, ref)
        for ws, rec in by_kind(book, ly.ScoringSheet):
            locked = [f"{rec.max_column}{row}" for _, row in rec.items] + [rec.title_cell]
            if not rec.spare:
                locked += [rec.name_cell, rec.position_cell]
            assert {fill_of(ws[ref]) for ref in locked} == {shaded}, (book, ws.title)


def test_person_records_match_the_rubric_rows(books):
    """Every rubric item has its row; the row shows the item's code and max (what the reader trusts)."""
    for book in books:
        for ws, rec in by_kind(book, ly.ScoringSheet):
            rubric = book.campaign.rubric_for(rec.role)
            assert rec.role == rubric.role
            assert [code for code, _ in rec.items] == [item.code for _, item in rubric.items]
            assert ws[f"{rec.code_column}{rec.header_row}"].value == ly.SCORING_HEADER["code"]
            for _, item in rubric.items:
                row = item_row(rec, item.code)
                assert ws[f"{rec.code_column}{row}"].value == item.code
                assert ws[f"{rec.max_column}{row}"].value == item.max
                assert ws[f"{rec.code_column}{row}"].protection.locked
                assert ws[f"{rec.max_column}{row}"].protection.locked


def test_roster_is_prefilled_and_locked(books):
    """Each workbook shows its own department's people (and newcomers registered there), locked."""
    for book in books:
        people = book.people()
        if book.round == ly.REGISTRATION:
            (ws, rec), = by_kind(book, ly.RegistrationSheet)
            assert [code for code, _ in sorted(rec.rows, key=lambda cr: cr[1])] == [p[0] for p in people]
            assert len(rec.spare_rows) == book.campaign.settings.spare_rows
            for code, name, position in people:
                row = dict(rec.rows)[code]
                cells = [ws[f"{col}{row}"] for col in (rec.code_column, rec.name_column, rec.position_column)]
                assert [c.value for c in cells] == [code, name, position or None]
                assert all(c.protection.locked for c in cells)
        else:
            sheets = by_kind(book, ly.ScoringSheet)
            assert [rec.person_code for _, rec in sheets if not rec.spare] == [p[0] for p in people]
            spares = [(ws, rec) for ws, rec in sheets if rec.spare]
            assert len(spares) == book.campaign.settings.spare_rows
            for (ws, rec), (code, name, position) in zip(sheets, people):
                assert rec.marker == code
                assert ws[rec.name_cell].value == name and ws[rec.name_cell].protection.locked
                assert ws[rec.marker_cell].value == code and ws[rec.marker_cell].protection.locked
                assert ws[rec.position_cell].value == (position or None)
            for k, (ws, rec) in enumerate(spares, start=1):
                newcomer = wx.SPARE_SHEET.format(n=k)
                assert rec.name == rec.marker == ws[rec.marker_cell].value == newcomer, (book, rec)
                assert ws[rec.marker_cell].protection.locked
                assert ws[rec.name_cell].value is None and ws[rec.name_cell].protection.locked is False
                assert ws[rec.position_cell].value is None and ws[rec.position_cell].protection.locked is False


def test_scoring_forms_show_the_registration_locked(books):
    """"Đăng ký:" shows the title from the registration summary, or "Chưa đăng ký"; it is never an input."""
    for book in books:
        if book.round != ly.SCORING:
            continue
        for ws, rec in by_kind(book, ly.ScoringSheet):
            title = ws[rec.title_cell]
            assert ws.cell(title.row, title.column - 1).value == wx.L_TITLE
            expected = title_name(book.registered.get(rec.person_code, "")) or wx.NOT_REGISTERED_SHOWN
            assert title.value == expected, (book, rec.name)
            assert title.protection.locked is not False, (book, rec.name)
            assert rec.title_cell not in validation_map(ws)
        if book.label == "facts-password-registered":
            shown = {rec.person_code: ws[rec.title_cell].value for ws, rec in by_kind(book, ly.ScoringSheet)}
            if book.department.code == "T1":
                assert shown == {"GV01": "Lao động tiên tiến", "GV02": "Không đăng ký",
                                 "GV03": wx.NOT_REGISTERED_SHOWN, "": wx.NOT_REGISTERED_SHOWN}
            else:
                assert shown["GV04"] == "Chiến sĩ thi đua cơ sở" and shown["GV05"] == wx.NOT_REGISTERED_SHOWN
                assert shown[newcomer_code("T2", 1)] == "Lao động tiên tiến"


def test_registration_titles_are_blank_inputs(books):
    """The registration round pre-fills no title: every person chooses."""
    for book in books:
        if book.round != ly.REGISTRATION:
            continue
        (ws, rec), = by_kind(book, ly.RegistrationSheet)
        for _, row in rec.rows:
            cell = ws[f"{rec.title_column}{row}"]
            assert cell.value is None and cell.protection.locked is False, (book, cell.coordinate)


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
        for ws, rec in by_kind(book, ly.ScoringSheet):
            rubric = book.campaign.rubric_for(rec.role)
            rules = validation_map(ws)
            marked = {coordinate(r, c) for cf in ws.conditional_formatting for r, c in cells_of(cf.sqref)}
            for _, item in rubric.items:
                row = item_row(rec, item.code)
                for col in (rec.self_column, rec.dept_column):
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
                (sheet_name, rng), = book.wb.defined_names[dv.formula1].destinations
                assert sheet_name == ly.LISTS_SHEET
                values = [c.value for row in lists[rng.replace("$", "")] for c in row]
                assert values and all(values), (dv.formula1, values)
                assert dv.formula1 not in values, "the header of the list is inside the list"


def named_list(book: Book, name: str) -> list[str]:
    (_, rng), = book.wb.defined_names[name].destinations
    return [c.value for row in book.wb[ly.LISTS_SHEET][rng.replace("$", "")] for c in row]


def department_enters_facts(book: Book) -> bool:
    return book.round == ly.SCORING and book.campaign.settings.facts_source == cm.FACTS_FROM_DEPARTMENT


def test_dropdowns_offer_the_campaign_titles(books):
    for book in books:
        titles = book.campaign.titles
        assert named_list(book, "DS_DanhHieuCaNhan") == [*map(title_name, titles.individual), "Không đăng ký"]
        assert named_list(book, "DS_DanhHieuTapThe") == [*map(title_name, titles.collective), "Không đăng ký"]
        assert named_list(book, "DS_HinhThuc") == list(titles.forms)
        if department_enters_facts(book):
            assert named_list(book, "DS_XepLoaiVC") == list(cm.RATINGS)
            assert named_list(book, "DS_KyLuat") == list(cm.DISCIPLINES)
            assert named_list(book, "DS_CoKhong") == [wx.YES, wx.NO]
            assert named_list(book, "DS_CapSangKien") == list(cm.INITIATIVE_LEVELS)
        else:  # ratings and disciplines are nobody's business in a workbook that does not ask for them
            assert not FACTS_LISTS & set(book.wb.defined_names), book
            lists = {c.value for row in book.wb[ly.LISTS_SHEET].iter_rows() for c in row}
            assert not lists & (set(cm.RATINGS) | set(cm.DISCIPLINES[1:])), book
        for ws in book.wb.worksheets:
            record = book.records.get(ws.title)
            if record is None:
                continue
            rules = validation_map(ws)
            if isinstance(record, ly.RegistrationSheet):
                for row in [*(r for _, r in record.rows), *record.spare_rows]:
                    assert rules[f"{record.title_column}{row}"].formula1 == "DS_DanhHieuCaNhan"
                    assert rules[f"{record.form_column}{row}"].formula1 == "DS_HinhThuc"
            elif isinstance(record, ly.CollectiveSheet):
                assert rules[record.cell].formula1 == "DS_DanhHieuTapThe"
            elif isinstance(record, ly.DepartmentSheet):
                assert rules[record.collective_cell].formula1 == "DS_DanhHieuTapThe"
            elif isinstance(record, ly.ScoringSheet):
                assert record.title_cell not in rules, "the registered title is shown, not chosen"


def test_validation_texts_fit_excel_limits(books):
    for book in books:
        for ws in book.wb.worksheets:
            for dv in ws.data_validations.dataValidation:
                assert len(dv.promptTitle or "") <= 32 and len(dv.errorTitle or "") <= 32, (ws.title, dv.sqref)
                assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 255, (ws.title, dv.sqref)
    for name in dir(wx):  # every title and message constant, used or not yet
        value = getattr(wx, name)
        if isinstance(value, str) and re.fullmatch(r"V_\w+_TITLE|\w+_ERROR_TITLE", name):
            assert len(value) <= 32, name
        elif isinstance(value, str) and re.fullmatch(r"V_\w+_MESSAGE|\w+_ERROR_MESSAGE", name):
            assert len(value) <= 255, name


def test_facts_block_only_when_the_department_enters_facts(books):
    for book in books:
        for ws, rec in by_kind(book, ly.ScoringSheet):
            texts = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
            lists_used = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
            if department_enters_facts(book):
                assert wx.FACTS_HEADING in texts
                rules = validation_map(ws)
                facts = dict(rec.facts)
                assert rules[facts["rating"]].formula1 == "DS_XepLoaiVC"
                assert rules[facts["discipline"]].formula1 == "DS_KyLuat"
                assert rules[facts["under_review"]].formula1 == "DS_CoKhong"
                assert rules[facts["initiative_level"]].formula1 == "DS_CapSangKien"
                assert (rules[facts["months"]].type, rules[facts["months"]].formula2) == ("decimal", "12")
                assert (rules[facts["days_off"]].type, rules[facts["days_off"]].formula2) == ("decimal", "366")
                assert all(ws[cell].value is None for cell in facts.values()), "facts are entered, never shown"
            else:
                assert wx.FACTS_HEADING not in texts
                assert not rec.facts
                assert not lists_used & FACTS_LISTS


def generate_one(campaign: cm.Campaign, round_: str, outdir: Path, department: str | None = None,
                 **spec) -> Path:
    """One department's workbook written straight from its spec (the unit under test)."""
    dept = campaign.department(department) if department else campaign.departments[0]
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / ly.output_name(campaign.school.school_year, round_, dept.name)
    written = writer.write_issued_workbook(department_spec(campaign, dept, round_, **spec), path)[0]
    assert layout(path) == written, "the layout returned is the layout the workbook carries"
    return path


def test_empty_list_gets_no_dropdown_rather_than_the_list_header(tmp_path):
    """campaign.xlsx may have no 'Hình thức khen thưởng' at all; the form cells then take free text."""
    data = campaign_dict()
    data["titles"] = {**data["titles"], "forms": []}
    path = generate_one(cm.from_dict(data), ly.REGISTRATION, tmp_path)
    wb = load_workbook(path)
    record = sheet(path, ly.RegistrationSheet)
    ws = wb[record.name]

    for name, definition in wb.defined_names.items():
        (_, rng), = definition.destinations
        first, last = rng.replace("$", "").split(":")
        assert int(re.sub(r"\D", "", first)) <= int(re.sub(r"\D", "", last)), (name, rng)
    assert "DS_HinhThuc" not in wb.defined_names
    assert "DS_HinhThuc" not in {dv.formula1 for dv in ws.data_validations.dataValidation}
    form_cells = {f"{record.form_column}{row}" for _, row in record.rows}
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
        for ws, rec in by_kind(book, ly.ScoringSheet):
            rubric = book.campaign.rubric_for(rec.role)
            class_row = rec.total_row + 1
            missing_row = next(r for r in range(class_row + 1, ws.max_row + 1) if ws[f"B{r}"].value == wx.L_MISSING)
            # the count of blank cells is not printed on the form to be signed; the form prints on ≤ 2 pages
            if rec.spare:  # no print area (LibreOffice prints a hidden sheet that has one): the count's rows hidden
                assert not ws.print_area and all(ws.row_dimensions[r].hidden for r in (missing_row - 1, missing_row))
                printed_to = missing_row - 2
            else:
                printed_to = int(re.search(r"\$(\d+)$", ws.print_area[0] if isinstance(ws.print_area, list)
                                           else ws.print_area).group(1))
            assert printed_to < missing_row and ws.page_setup.fitToHeight == 2 and ws.page_setup.fitToWidth in (None, 1)
            signature = next(r for r in range(class_row + 1, missing_row) if ws[f"A{r}"].value)
            assert signature <= printed_to, "the signatures are printed"
            for group in rubric.groups:
                rows = [item_row(rec, i.code) for i in group.items]
                group_row = rows[0] - 1
                assert ws[f"A{group_row}"].value == group.code
                for col in (rec.self_column, rec.dept_column):
                    assert f"SUM({col}{rows[0]}:{col}{rows[-1]})" in formula(ws, f"{col}{group_row}")
                    if group.kind != cm.SCORE:  # bonus and deduction capped at the group max
                        assert f"$C{group_row}" in formula(ws, f"{col}{group_row}")
            assert ws[f"B{rec.total_row}"].value == wx.L_TOTAL
            assert ws[f"B{class_row}"].value == wx.L_CLASS
            assert ws[f"B{missing_row}"].value == wx.L_MISSING
            for col in (rec.self_column, rec.dept_column):
                total = formula(ws, f"{col}{rec.total_row}")
                for group in rubric.groups:
                    sign = "-" if group.kind == cm.DEDUCTION else ""  # a group nobody scored counts as none: N()
                    assert f"{sign}N({col}{item_row(rec, group.items[0].code) - 1})" in total
                assert f'IF({col}{missing_row}+SUMPRODUCT(' in total and f'>0,"{wx.TOTAL_INCOMPLETE}"' in total
                for group in rubric.groups:  # a blank required score, or text or a number out of 0 – max: no sum
                    first, last = item_row(rec, group.items[0].code), item_row(rec, group.items[-1].code)
                    cells = f"{col}{first}:{col}{last}"
                    assert f"NOT(ISNUMBER({cells}))" in total and f"({cells}>C{first}:C{last})" in total
                classify = formula(ws, f"{col}{class_row}")
                assert f"{col}{rec.total_row}" in classify
                assert all(f'"{name}"' in classify for name in levels), classify
                missing = formula(ws, f"{col}{missing_row}")
                for group in rubric.groups:  # blanks counted only on rows showing a criterion code
                    if group.kind == cm.SCORE:
                        first, last = item_row(rec, group.items[0].code), item_row(rec, group.items[-1].code)
                        assert f'(A{first}:A{last}<>"")*({col}{first}:{col}{last}="")' in missing, missing


def test_department_sheet_pulls_every_person_sheet(books):
    for book in books:
        if book.round != ly.SCORING:
            continue
        (ws, rec), = by_kind(book, ly.DepartmentSheet)
        people = by_kind(book, ly.ScoringSheet)
        rows = dict(rec.rows)
        first = rec.header_row + 1
        assert list(rows) == [p.person_code for _, p in people if not p.spare]
        pulled = []
        for k, (_, person) in enumerate(people):
            row = first + k
            if not person.spare:
                assert rows[person.person_code] == row
            assert (ws[f"B{row}"].value or "") == person.person_code
            ref = f"'{person.name}'!"
            assert formula(ws, f"E{row}") == f"={ref}{person.self_column}{person.total_row}"
            assert formula(ws, f"F{row}") == f"={ref}{person.dept_column}{person.total_row}"
            assert "RANK(" in formula(ws, f"I{row}")
            pulled.append(person.name)
        assert len(set(pulled)) == len(people)
        check = formula(ws, rec.check_cell)
        assert wx.CHECK_DONE in check and wx.CHECK_MISSING_PREFIX.strip() in check


def test_check_cells_have_formula_and_a_sensible_value_before_recalculation(books):
    for book in books:
        if book.label != "small":
            continue
        cached = load_workbook(book.path, data_only=True)
        cls = ly.RegistrationSheet if book.round == ly.REGISTRATION else ly.DepartmentSheet
        (ws, rec), = by_kind(book, cls)
        check = formula(ws, rec.check_cell)
        assert "Đã đủ" in check and "Còn thiếu" in check
        members = book.campaign.members(book.department.code)
        if cls is ly.RegistrationSheet:
            blank = len(members)
        else:
            blank = sum(2 * sum(1 for g in book.campaign.rubric_for(p.role).groups if g.kind == cm.SCORE
                                for _ in g.items) for p in members)
        assert cached[ws.title][rec.check_cell].value == f"Còn thiếu {blank} ô"


def assert_formulas_refer_to_existing_sheets(wb) -> None:
    names = set(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    for sheet_name in re.findall(r"'((?:[^']|'')+)'!", c.value):
                        assert sheet_name.replace("''", "'") in names, (ws.title, c.coordinate, c.value)


def test_formulas_refer_only_to_existing_sheets(books):
    for book in books:
        assert_formulas_refer_to_existing_sheets(book.wb)


# --- metadata ---------------------------------------------------------------------------------------


def meta_column(book) -> list:
    """Column A of the metadata sheet of ``book`` (a path, that sheet read alone, or the workbook openpyxl loaded
    from it)."""
    if isinstance(book, Path):
        wb = load_workbook(book, read_only=True)
        try:
            return meta_column(wb)
        finally:
            wb.close()
    ws = book[ly.META_SHEET]
    assert ws.max_column == 1, "the metadata is column A only"
    return [row[0].value for row in ws.iter_rows(max_col=1)]


def meta_raw(book) -> dict:
    """The metadata JSON exactly as written in the very hidden sheet of ``book`` (a path, or its workbook)."""
    column = meta_column(book)
    assert column[0] == ly.APP_ID
    assert all(isinstance(v, str) and 0 < len(v) <= ly.META_CHUNK for v in column[1:])
    return json.loads("".join(column[1:]))


def test_metadata_holds_only_the_identity_and_the_sheet_records(books):
    ids: dict[str, set[str]] = {}
    for book in books:
        raw = meta_raw(book.wb)
        found = book.layout
        assert set(raw) == IDENTITY | {"sheets"}, sorted(set(raw) - IDENTITY)
        assert ly.WorkbookLayout.from_json(raw) == found
        assert raw["app"] == ly.APP_ID and found.template_version == ly.TEMPLATE_VERSION
        assert found.round == book.round
        assert found.campaign_id == book.campaign.id
        assert found.school_year == book.campaign.school.school_year
        assert (found.department_code, found.department_name) == (book.department.code, book.department.name)
        assert book.path.name == ly.output_name(found.school_year, book.round, found.department_name)
        assert re.fullmatch(r"[0-9a-f]{20}", found.submission_id)
        ids.setdefault(book.label, set()).add(found.submission_id)
        # every sheet record: its kind and exactly its typed fields, naming a sheet of the workbook
        for rec in raw["sheets"]:
            cls = next(c for c in (ly.RegistrationSheet, ly.CollectiveSheet, ly.ScoringSheet, ly.DepartmentSheet)
                       if c.kind == rec["kind"])
            assert set(rec) == {"kind"} | {f.name for f in dataclasses.fields(cls)}, rec["kind"]
            assert rec["name"] in book.wb.sheetnames
        # nothing about another department: no code, no name, no person of theirs
        text = json.dumps(raw, ensure_ascii=False)
        for other in book.campaign.departments:
            if other.code == book.department.code:
                continue
            assert f'"{other.code}"' not in text and other.name not in text, (book, other.code)
            for person in book.campaign.members(other.code):
                assert person.code not in text and person.name not in text, (book, person.code)
        # only codes (no names, no personal fields) of its own people, and only in the sheet records
        mine = {p[0] for p in book.people()}
        codes = {rec.person_code for rec in found.of_kind(ly.ScoringSheet) if rec.person_code}
        for rec in found.of_kind(ly.RegistrationSheet) + found.of_kind(ly.DepartmentSheet):
            codes |= {code for code, _ in rec.rows}
        assert codes <= mine, codes - mine
        assert_no_private_keys(raw)
    for label, found_ids in ids.items():  # within one campaign
        assert len(found_ids) == sum(b.label == label for b in books), \
            "submission ids must differ per department and per round"


PRIVATE_KEYS = {"dob", "gender", "start", "rating", "months", "maternity_months", "days_off", "discipline",
                "under_review", "notes", "staff", "roster", "people", "rubric", "rubrics", "campaign", "settings",
                "sheet_password", "password", "classification", "rules", "school", "titles", "payload"}


def assert_no_private_keys(value, where: str = "$") -> None:
    """No key anywhere in the metadata names a personal field or a part of the campaign."""
    if isinstance(value, dict):
        for key, inner in value.items():
            assert key not in PRIVATE_KEYS, f"{where}.{key}"
            assert_no_private_keys(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            assert_no_private_keys(inner, f"{where}[{n}]")


def test_password_never_travels_in_the_workbook(books):
    seen = False
    for book in books:
        if book.campaign.settings.sheet_password:
            seen = True
            assert not [c.coordinate for _, c in all_strings(book.wb) if PASSWORD in c.value]
            assert PASSWORD not in json.dumps(meta_raw(book.wb), ensure_ascii=False)
            assert PASSWORD not in "\n".join(xml_parts(book.path).values())
    assert seen


# --- privacy: a department's file carries that department and nothing personal ---------------------


def xml_parts(path: Path) -> dict[str, str]:
    """Every part of the .xlsx, decoded, with XML entities and character references unescaped."""
    with zipfile.ZipFile(path) as zf:
        return {name: html.unescape(zf.read(name).decode("utf-8")) for name in zf.namelist()}


SENTINEL_DOBS = ["1971-03-17", "1968-11-23", "1979-07-29", "1982-05-14", "1990-12-31", "1975-08-19"]


def sentinel_campaign(extra_per_department: int = 0) -> cm.Campaign:
    """The small campaign with a distinctive value in every private field (and, optionally, more people
    in T2 only, to show that T1's file does not depend on the size of anyone else's roster)."""
    data = campaign_dict()
    ratings = iter(["HTXSNV", "HTTNV", "HTNV", "KHTNV", "HTTNV", "HTNV"])
    disciplines = iter(["Không", "Khiển trách", "Cảnh cáo", "Cách chức", "Buộc thôi việc", "Khiển trách"])
    staff = []
    for person, dob in zip(data["staff"], SENTINEL_DOBS):
        staff.append({**person, "dob": dob, "notes": f"GHI-CHU-MAT-{person['code']}", "rating": next(ratings),
                      "discipline": next(disciplines), "under_review": person["code"] == "GV05",
                      "gender": "Nam" if person["code"] == "GV02" else "Nữ"})
    for n in range(extra_per_department):
        staff.append({**staff[3], "code": f"GVX{n:03d}", "name": f"Người Thêm Số {n:03d}", "department": "T2",
                      "dob": "1966-02-13", "notes": f"GHI-CHU-MAT-GVX{n:03d}"})
    data["staff"] = staff
    data["settings"] = {**data["settings"], "facts_source": cm.FACTS_FROM_ROSTER}
    return cm.from_dict(data)


def excel_serial(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - dt.date(1899, 12, 30)).days


def generate_both_rounds(folder, work: Path) -> list[Path]:
    summary = register(folder, {"GV01": "Lao động tiên tiến", "GV04": "Chiến sĩ thi đua cơ sở"}, work)
    paths = list(generate_round(folder, ly.REGISTRATION, work / "out-dang-ky").paths)
    generated = generate_round(folder, ly.SCORING, work / "out-cham-diem", from_summary=summary)
    assert not generated.problems, [p.render() for p in generated.problems]
    return paths + list(generated.paths)


def test_a_department_file_carries_nothing_of_other_departments_and_nothing_private(tmp_path):
    campaign = sentinel_campaign()
    folder = make_folder(tmp_path / "campaign", campaign)
    campaign = folder.campaign
    assert {p.notes for p in campaign.staff} == {f"GHI-CHU-MAT-{p.code}" for p in campaign.staff}
    assert [p.dob for p in campaign.staff] == SENTINEL_DOBS, "the sentinels survive campaign.xlsx"
    assert any(p.facts.under_review for p in campaign.staff)
    paths = generate_both_rounds(folder, tmp_path / "work")
    assert len(paths) == 2 * len(campaign.departments)

    dob_patterns = []
    for iso in SENTINEL_DOBS:
        d = dt.date.fromisoformat(iso)
        dob_patterns += [re.escape(iso), re.escape(d.strftime("%d/%m/%Y")), re.escape(f"{d.day}/{d.month}/{d.year}"),
                         rf"(?<![\d.]){excel_serial(iso)}(?![\d])"]
    forbidden_words = [*cm.RATINGS, *cm.DISCIPLINES[1:], "GHI-CHU-MAT"]
    for path in paths:
        found = layout(path)
        parts = xml_parts(path)
        assert "xl/workbook.xml" in parts and any(name.startswith("xl/worksheets/") for name in parts)
        others = [p for p in campaign.staff if p.department != found.department_code]
        mine = [p for p in campaign.staff if p.department == found.department_code]
        assert others and mine
        everything = "\n".join(parts.values())
        assert all(p.name in everything and re.search(rf"\b{re.escape(p.code)}\b", everything) for p in mine), \
            "the department's own people are there (the search finds what is there)"
        for name, text in parts.items():
            for person in others:
                assert not re.search(rf"\b{re.escape(person.code)}\b", text), (path.name, name, person.code)
                assert person.name not in text, (path.name, name, person.name)
            for pattern in dob_patterns:
                assert not re.search(pattern, text), (path.name, name, pattern)
            for word in forbidden_words:
                assert word not in text, (path.name, name, word)
        raw = meta_raw(path)
        assert set(raw) == IDENTITY | {"sheets"}
        assert_no_private_keys(raw)


def test_metadata_does_not_grow_with_the_campaign(tmp_path):
    """T1's workbook is the same whether the school has 6 people or 10 times more in other departments."""
    small = make_folder(tmp_path / "small", sentinel_campaign())
    big = make_folder(tmp_path / "big", sentinel_campaign(extra_per_department=10 * len(small.campaign.staff)))
    assert len(big.campaign.staff) >= 10 * len(small.campaign.staff)
    assert big.campaign.members("T1") == small.campaign.members("T1")
    for round_ in ROUNDS:
        first = generate_round(small, round_, tmp_path / f"small-{round_}").paths
        second = generate_round(big, round_, tmp_path / f"big-{round_}").paths
        (t1_small,) = [p for p in first if layout(p).department_code == "T1"]
        (t1_big,) = [p for p in second if layout(p).department_code == "T1"]
        a, b = meta_column(t1_small), meta_column(t1_big)
        assert len("".join(a[1:])) == len("".join(b[1:])), round_
        assert a == b, "the metadata of T1 knows nothing of T2's roster"
        assert t1_small.read_bytes() == t1_big.read_bytes(), "nor does any other part of T1's workbook"
        (t2_big,) = [p for p in second if layout(p).department_code == "T2"]
        assert len(meta_column(t2_big)) <= 3, "even a 60-person department's layout fits in a few cells"


# --- printing and fonts -------------------------------------------------------------------------------


def test_a4_fit_to_width_print_titles_and_frozen_headers(books):
    for book in books:
        for ws in book.wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            setup = ws.page_setup
            assert setup.paperSize == 9, (book, ws.title)
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            record = book.records.get(ws.title)
            pages_down = (2,) if isinstance(record, ly.ScoringSheet) else \
                (None, 1) if ws.title == ly.GUIDE_SHEET else (0,)
            assert setup.fitToWidth in (None, 1) and setup.fitToHeight in pages_down, (book, ws.title)
            if record is None or isinstance(record, ly.CollectiveSheet):
                continue
            head = record.header_row
            header = ly.SCORING_HEADER["text"] if isinstance(record, ly.ScoringSheet) else wx.REG_HEADERS[2]
            assert header in {c.value for c in ws[head]}, (book, ws.title, head)
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

    path = generate_one(campaign, ly.SCORING, tmp_path / "cd")
    wb = load_workbook(path)
    found = layout(path)

    check_sheet_names(wb.sheetnames)
    people = forms(found)
    assert [r.person_code for r in people if not r.spare] == codes
    assert len({r.name for r in people}) == len(people) == 40 + campaign.settings.spare_rows
    for record, person in zip(people, campaign.staff):
        ws = wb[record.name]
        assert ws[record.name_cell].value == person.name
        assert ws[record.name_cell].data_type == "s", "a name that looks like a formula stays text"
        assert ws[record.marker_cell].value == person.code
    spare_names = [r.name for r in forms(found, spare=True)]
    assert len(set(spare_names)) == campaign.settings.spare_rows  # "Người mới 1" is taken by a person
    dept = sheet(found, ly.DepartmentSheet)
    assert [code for code, _ in sorted(dept.rows, key=lambda cr: cr[1])] == codes
    assert_formulas_refer_to_existing_sheets(wb)

    path = generate_one(campaign, ly.REGISTRATION, tmp_path / "dk")
    wb = load_workbook(path)
    record = sheet(path, ly.RegistrationSheet)
    ws = wb[record.name]
    rows = dict(record.rows)
    assert [ws[f"{record.name_column}{rows[p.code]}"].value for p in campaign.staff] == [p.name for p in campaign.staff]
    assert all(ws[f"{record.name_column}{row}"].data_type == "s" for _, row in record.rows)


# --- golden snapshots and determinism -----------------------------------------------------------------


def readable_snapshot(path: Path) -> dict:
    """snapshot() as plain JSON data (the meta sheet as its parsed layout, submission id masked)."""
    return json.loads(json.dumps(snapshot(path), ensure_ascii=False, default=str))


@pytest.mark.parametrize("round_", ROUNDS)
def test_golden_snapshot(tmp_path, small_campaign, round_):
    golden = GOLDEN / f"{round_}_T1.json"
    path = generate_one(small_campaign, round_, tmp_path, "T1")
    assert layout(path).department_code == "T1"

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
    first = generate_round(make_folder(tmp_path / "a", small_campaign), round_, tmp_path / "a" / "out").paths
    second = generate_round(make_folder(tmp_path / "b", dataclasses.replace(small_campaign)), round_,
                            tmp_path / "b" / "out").paths

    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        if a.read_bytes() != b.read_bytes():  # where they differ, said: the layout, else the sheet
            assert layout(a) == layout(b)
            assert readable_snapshot(a) == readable_snapshot(b)
        assert a.read_bytes() == b.read_bytes(), "xlsxwriter output should be byte-for-byte reproducible"


def test_a_newcomer_is_scored_on_the_roles_of_the_roster_in_its_order_when_two_are_as_common():
    """A department of one teacher and one staff member: the newcomer's form follows the role met first
    in the roster, whatever the run (a set's order made the workbook differ between two generates)."""
    for first, second in (("GV04", "NV01"), ("NV01", "GV04")):
        data = campaign_dict()
        staff = {s["code"]: s for s in data["staff"]}
        data["staff"] = [s for s in data["staff"] if s["department"] != "T2"] + [staff[first], staff[second]]
        campaign = cm.from_dict(data)
        newcomer = Newcomer("T2", "Vũ Thị Mới", "Giáo viên", Registration("Lao động tiên tiến"))
        spec = department_spec(campaign, campaign.departments[1], ly.SCORING, newcomers=(newcomer,))
        assert (spec.people[-1].name, spec.people[-1].role) == ("Vũ Thị Mới", staff[first]["role"])


def test_submission_id_changes_with_every_campaign_input_the_writer_uses_but_the_password():
    campaign = small_campaign_with()
    spec = department_spec(campaign, campaign.departments[0], "dang-ky")
    base = writer.layout_with_json(spec, [])[0].submission_id
    assert writer.layout_with_json(spec, [])[0].submission_id == base
    changed = {
        "gate cap": replace(spec, gate_cap="Khá"),
        "titles": replace(spec, titles=replace(spec.titles, collective=(TTLDTT,))),
        "spare rows": replace(spec, settings=replace(spec.settings, spare_rows=spec.settings.spare_rows + 1)),
        "gap tolerance": replace(spec, settings=replace(spec.settings, score_gap_tolerance=9)),
    }
    for what, other in changed.items():
        assert writer.layout_with_json(other, [])[0].submission_id != base, what
    same = replace(spec, settings=replace(spec.settings, sheet_password="khác"))
    assert writer.layout_with_json(same, [])[0].submission_id == base
