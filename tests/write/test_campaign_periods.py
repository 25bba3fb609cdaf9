"""campaign.xlsx's evaluation periods (NĐ 233/2026): sheet "Kỳ đánh giá" round-trips, every
mistake in it is one message at its cell, the nd233 preset loads and generates, and a book without the sheet
reads as today's single year-end round."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.init_fixtures import as_init_writes
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.write.campaign_book import write_campaign_book

QUARTERS = (
    ev.Period("quy-1", "Quý I", dt.date(2026, 9, 1), dt.date(2026, 11, 30), dt.date(2026, 12, 5)),
    ev.Period("quy-2", "Quý II", dt.date(2026, 12, 1), dt.date(2027, 2, 28), dt.date(2027, 3, 5)),
    ev.Period("quy-3", "Quý III", dt.date(2027, 3, 1), dt.date(2027, 5, 31)),
)


def with_periods(tmp_path: Path, kind=cm.QUARTERS, periods=QUARTERS, formula=ev.YearFormula()) -> Path:
    preset = load_preset("tieu-hoc")  # its quarters are 2026-2027's: the campaign's year too
    campaign = dataclasses.replace(preset, id="x", period_kind=kind, periods=periods, year_formula=formula,
                                   school=dataclasses.replace(preset.school, school_year="2026-2027"))
    path = tmp_path / "campaign.xlsx"
    write_campaign_book(campaign, path)
    return path


def edit(path: Path, change) -> None:
    wb = load_workbook(path)
    change(wb[cb.PERIODS_SHEET])
    wb.save(path)


def problems_of(path: Path) -> list[tuple[str, str, str]]:
    """(code, severity, cell) of every problem of sheet Kỳ đánh giá."""
    _, problems = load_campaign_book(path)
    return [(p.code, p.severity, p.cell) for p in problems if p.sheet == cb.PERIODS_SHEET]


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("formula", [ev.YearFormula(),
                                     ev.YearFormula(ev.WEIGHTED, (("quy-1", 1), ("quy-2", 1.5), ("quy-3", 2)))])
def test_periods_round_trip(tmp_path, formula):
    campaign, problems = load_campaign_book(with_periods(tmp_path, formula=formula))
    assert [p.render() for p in problems] == []
    assert (campaign.period_kind, campaign.periods, campaign.year_formula) == (cm.QUARTERS, QUARTERS, formula)


def test_semesters_formula_round_trips(tmp_path):
    semesters = (ev.Period("hk1", "Học kỳ I", dt.date(2026, 9, 1), dt.date(2027, 1, 15), dt.date(2027, 1, 20)),
                 ev.Period("hk2", "Học kỳ II", dt.date(2027, 1, 16), dt.date(2027, 5, 31), dt.date(2027, 6, 5)))
    path = with_periods(tmp_path, cm.SEMESTER_PERIODS, semesters, ev.YearFormula.semesters())
    campaign, problems = load_campaign_book(path)
    assert list(problems) == []
    assert campaign.periods == semesters and campaign.year_formula == ev.YearFormula.semesters("hk1", "hk2")


def test_periods_travel_in_the_campaign_json(tmp_path):
    campaign, _ = load_campaign_book(with_periods(tmp_path))
    data = cm.to_dict(campaign)
    assert data["periods"][0]["start"] == "2026-09-01" and data["periods"][2]["deadline"] is None
    assert cm.from_dict(data) == campaign


def test_a_campaign_without_periods_is_written_and_carried_as_before(tmp_path):
    path = with_periods(tmp_path, cm.NO_PERIODS, ())
    ws = load_workbook(path)[cb.PERIODS_SHEET]
    assert [c.value for c in ws[1]][:6] == [c.header for c in cb.PERIOD_COLUMNS] and ws.max_row == 6
    assert ws["I2"].value == "Không" and ws["I3"].value == "Trung bình các kỳ"
    assert ws["H4"].value == "Xếp loại của đơn vị" and ws["I4"].value is None  # not known yet
    campaign, problems = load_campaign_book(path)
    assert list(problems) == [] and (campaign.period_kind, campaign.periods) == (cm.NO_PERIODS, ())
    assert not set(cm.PERIOD_FIELDS) & set(cm.to_dict(campaign))  # the workbooks' metadata as before periods


def test_an_older_book_without_the_sheet_reads_as_no_periods(tmp_path):
    path = with_periods(tmp_path)
    wb = load_workbook(path)
    del wb[cb.PERIODS_SHEET]
    wb.save(path)
    campaign, problems = load_campaign_book(path)
    assert list(problems) == []
    assert (campaign.period_kind, campaign.periods, campaign.year_formula) == (cm.NO_PERIODS, (), ev.YearFormula())


def test_a_preset_moved_to_another_year_moves_its_periods():
    preset = load_preset("nd233")
    moved = cm.in_school_year(preset, dt.date(2026, 11, 24))
    assert moved.periods[0] == ev.Period("thang-9", "Tháng 9/2026", dt.date(2026, 9, 1), dt.date(2026, 9, 30),
                                         dt.date(2026, 10, 5))
    assert moved.periods[-1].label == "Tháng 5/2027" and moved.periods[-1].end == dt.date(2027, 5, 31)


# --- each mistake, one message at its cell --------------------------------------------------


def _set(cells: dict):
    def change(ws):
        for cell, value in cells.items():
            ws[cell] = value
    return change


@pytest.mark.parametrize("cells, expected", [
    ({"C2": "ngày mai"}, ("campaign.bad_date", "error", "C2")),
    ({"D3": dt.datetime(2026, 11, 1)}, ("campaign.period_end_before_start", "error", "D3")),
    ({"C3": dt.datetime(2026, 11, 20)}, ("campaign.period_overlap", "error", "C3")),
    ({"E2": dt.datetime(2026, 11, 25)}, ("campaign.period_deadline_early", "warning", "E2")),
    ({"A3": "quy-1"}, ("campaign.duplicate", "error", "A3")),
    ({"I2": "Không"}, ("campaign.periods_without_kind", "error", "I2")),
    ({"I3": "(HKI + 2×HKII)/3"}, ("campaign.period_semesters_count", "error", "I3")),
    ({"F2": -1}, ("campaign.period_weight_range", "error", "F2")),
])
def test_each_mistake_is_one_message_at_its_cell(tmp_path, cells, expected):
    path = with_periods(tmp_path)
    edit(path, _set(cells))
    assert problems_of(path) == [expected]


def test_a_weight_missing_for_a_period_is_said(tmp_path):
    path = with_periods(tmp_path, formula=ev.YearFormula(ev.WEIGHTED, (("quy-1", 1), ("quy-2", 1), ("quy-3", 2))))
    edit(path, _set({"F4": None}))
    assert problems_of(path) == [("campaign.period_weight_missing", "error", "F4")]


def test_a_kind_without_periods_is_said(tmp_path):
    path = with_periods(tmp_path, cm.NO_PERIODS, ())
    edit(path, _set({"I2": "Tháng"}))
    assert problems_of(path) == [("campaign.periods_none_listed", "error", "I2")]


def test_a_deadline_before_the_end_still_loads(tmp_path):
    path = with_periods(tmp_path)
    edit(path, _set({"E2": dt.datetime(2026, 11, 25)}))
    campaign, problems = load_campaign_book(path)
    assert campaign is not None and "quy-1" in problems.items[0].render()


# --- the nd233 preset -----------------------------------------------------------------------


def test_the_nd233_preset_has_the_decree_s_shape():
    preset = load_preset("nd233")
    assert {r.role for r in preset.rubrics} == {"Viên chức quản lý", "Viên chức"}
    for rubric in preset.rubrics:
        general, tasks = rubric.groups
        assert (rubric.total, general.max, tasks.max) == (100, 30, 70)
        assert "điều 10" in general.name and "điều 11" in tasks.name
    assert [(lv.name, lv.min) for lv in preset.classification] == [("HTXSNV", 90), ("HTTNV", 70), ("HTNV", 50),
                                                                  ("KHTNV", 0)]
    assert preset.period_kind == cm.MONTHS and len(preset.periods) == 9
    assert [p.start.month for p in preset.periods] == [9, 10, 11, 12, 1, 2, 3, 4, 5]
    assert {p.role for p in preset.staff} == {"Viên chức quản lý", "Viên chức"}


def test_init_nd233_then_generate_scoring(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path), "--level", "nd233"])
    assert result.exit_code == 0, result.output
    campaign, problems = load_campaign_book(tmp_path / "campaign.xlsx")
    assert problems.errors == []
    assert campaign == as_init_writes("nd233", campaign.id, vietnam_today())
    period = campaign.periods[2].code  # a campaign with periods: a scoring round is a period's
    result = runner.invoke(main, ["generate", str(tmp_path), "--round", "cham-diem", "--period", period])
    assert result.exit_code == 0, result.output
    books = sorted((tmp_path / "outbox" / period).glob("*.xlsx"))
    assert len(books) == len(campaign.departments)
    office = next(b for b in books if "Van-phong" in b.name)  # the principal (a leader) and the office staff
    wb = load_workbook(office)
    leader = campaign.rubric_for("Viên chức quản lý")
    staff = campaign.rubric_for("Viên chức")
    codes = {ws.title: {row[0] for row in ws.iter_rows(values_only=True) if row} for ws in wb.worksheets}
    assert any("II.6" in found for found in codes.values())  # the leaders' form
    assert any("II.3" in found and "II.4" not in found for found in codes.values() if "I.1" in found)  # staff's
    assert len(leader.groups[1].items) == 6 and len(staff.groups[1].items) == 3
