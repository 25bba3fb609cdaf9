"""``init --level LEVEL --cham-theo {thang,quy,ca-nam}``: the campaign of what a secretary knows — her school's level
and how it scores its staff — in the school year of the day it runs: by month or by quarter in the frame of Nghị định
233/2026 (its criteria by role, its ratings, its line of Căn cứ), or once at the year's end as the level's preset
writes it. ``--level nd233`` stays: THCS by month."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.init_fixtures import on_day
from tests.ui.pages import client, text
from thidua_xlsx import service
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.places import CAMPAIGN_FILE
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.read.presets import load_preset

DAY = dt.date(2026, 11, 24)  # the school year 2026-2027
LEVELS = ("mam-non", "tieu-hoc", "thcs", "thpt")
FRAME = ("Viên chức quản lý", "Viên chức")  # the rubrics of the NĐ 233 frame, by role
RATINGS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
MONTHS = ["Tháng 9/2026", "Tháng 10/2026", "Tháng 11/2026", "Tháng 12/2026", "Tháng 1/2027", "Tháng 2/2027",
          "Tháng 3/2027", "Tháng 4/2027", "Tháng 5/2027"]
QUARTERS = [("quy-1", "Quý I (tháng 9–11/2026)", dt.date(2026, 9, 1), dt.date(2026, 11, 30), dt.date(2026, 12, 5)),
            ("quy-2", "Quý II (tháng 12/2026–2/2027)", dt.date(2026, 12, 1), dt.date(2027, 2, 28), dt.date(2027, 3, 5)),
            ("quy-3", "Quý III (tháng 3–5/2027)", dt.date(2027, 3, 1), dt.date(2027, 5, 31), dt.date(2027, 6, 5))]


def init(*args: str):
    return CliRunner().invoke(main, ["init", *map(str, args)])


def first_page(folder) -> str:
    """The words of the page's first screen on campaign folder ``folder``."""
    _app, page = client(folder)
    return text(page.get("/"))


def loaded(folder) -> cm.Campaign:
    campaign, problems = load_campaign_book(folder / CAMPAIGN_FILE, DAY)
    assert campaign is not None and problems.errors == [], [p.render() for p in problems]
    return campaign


@pytest.mark.parametrize("level", LEVELS)
def test_by_month_each_level_is_the_nd233_frame_with_the_months_of_this_school_year(tmp_path, monkeypatch, level):
    on_day(monkeypatch, DAY)
    result = init(tmp_path, "--level", level, "--cham-theo", "thang")

    assert result.exit_code == 0, result.output
    assert ("Chấm theo tháng: 9 kỳ, từ Tháng 9/2026 đến Tháng 5/2027 (sheet Kỳ đánh giá); tiêu chí và xếp loại theo "
            "Nghị định 233/2026") in result.output
    campaign, preset = loaded(tmp_path), load_preset(level, year=False)
    assert campaign.level == level and campaign.school.school_year == "2026-2027"
    assert (campaign.period_kind, [p.label for p in campaign.periods]) == (cm.MONTHS, MONTHS)
    assert [(p.start, p.end, p.deadline) for p in campaign.periods][:2] == [
        (dt.date(2026, 9, 1), dt.date(2026, 9, 30), dt.date(2026, 10, 5)),
        (dt.date(2026, 10, 1), dt.date(2026, 10, 31), dt.date(2026, 11, 5))]
    assert campaign.year_formula == cm.YearFormula()  # the average of the periods
    assert tuple(r.role for r in campaign.rubrics) == FRAME
    assert [c.name for c in campaign.classification] == RATINGS and campaign.gate_cap == "HTNV"
    assert any("233/2026/NĐ-CP" in line for line in campaign.legal_basis)
    assert not any("90/2020/NĐ-CP" in line for line in campaign.legal_basis)
    # The level's school and people, each scored by the frame's rubric of their place: the head and deputies as
    # Viên chức quản lý (whatever the level called them), everyone else as Viên chức.
    assert [p.code for p in campaign.staff] == [p.code for p in preset.staff]
    assert campaign.departments == preset.departments and campaign.titles == preset.titles
    roles = {p.code: p.role for p in campaign.staff}
    assert {roles[p.code] for p in preset.staff if p.position in ("Hiệu trưởng", "Phó hiệu trưởng")} == {FRAME[0]}
    assert {roles[p.code] for p in preset.staff if p.position not in ("Hiệu trưởng", "Phó hiệu trưởng")} == {FRAME[1]}


def test_by_quarter_three_quarters_tile_september_to_may(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    result = init(tmp_path, "--level", "tieu-hoc", "--cham-theo", "quy")

    assert result.exit_code == 0, result.output
    assert "Chấm theo quý: 3 kỳ, từ Quý I (tháng 9–11/2026) đến Quý III (tháng 3–5/2027)" in result.output
    campaign = loaded(tmp_path)
    assert campaign.period_kind == cm.QUARTERS
    assert [dataclasses.astuple(p) for p in campaign.periods] == QUARTERS
    assert tuple(r.role for r in campaign.rubrics) == FRAME


def test_once_at_the_years_end_is_the_levels_preset_without_periods(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    result = init(tmp_path, "--level", "thpt", "--cham-theo", "ca-nam")

    assert result.exit_code == 0, result.output
    assert "Chấm một lần cuối năm học (không chia kỳ)." in result.output
    campaign, preset = loaded(tmp_path), load_preset("thpt", year=False)
    assert (campaign.period_kind, campaign.periods) == (cm.NO_PERIODS, ())
    assert campaign.rubrics == preset.rubrics and campaign.classification == preset.classification


def test_by_month_is_the_default_and_nd233_is_thcs_by_month(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    assert init(tmp_path / "mac-dinh", "--level", "thcs").exit_code == 0
    assert init(tmp_path / "nd233", "--level", "nd233").exit_code == 0
    assert "nd233: tên cũ của thcs --cham-theo thang" in " ".join(init("--help").output.split())

    by_default, nd233 = loaded(tmp_path / "mac-dinh"), loaded(tmp_path / "nd233")
    assert [p.label for p in by_default.periods] == MONTHS
    assert dataclasses.replace(nd233, id="") == dataclasses.replace(by_default, id="")


def test_the_page_asks_the_same_campaign_as_the_terminal(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    assert init(tmp_path / "lenh", "--level", "mam-non", "--cham-theo", "quy").exit_code == 0
    request = rq.InitRequest(directory=tmp_path / "trang", level="mam-non", scoring="quy")
    assert service.run(request, door=rq.PAGE).exit_code == 0

    by_cli, by_page = loaded(tmp_path / "lenh"), loaded(tmp_path / "trang")
    assert dataclasses.replace(by_page, id="") == dataclasses.replace(by_cli, id="")


@pytest.mark.parametrize("args, said", [
    (["--level", "cap-xa", "--cham-theo", "thang"], "--cham-theo chỉ dùng khi tạo chiến dịch của trường"),
    (["--level", "nd233", "--cham-theo", "quy"], "hãy dùng --level thcs --cham-theo quy"),
    (["--cham-theo", "nam"], "'nam' không thuộc: 'thang', 'quy', 'ca-nam'"),
])
def test_what_init_cannot_be_told_is_refused_before_anything_is_written(tmp_path, args, said):
    result = init(tmp_path / "moi", *args)
    assert result.exit_code == 2 and said in result.output, result.output
    assert not (tmp_path / "moi").exists()


def test_next_year_keeps_last_years_scoring_and_refuses_to_be_told_another(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    assert init(tmp_path / "cu", "--level", "thcs", "--cham-theo", "quy").exit_code == 0
    refused = init(tmp_path / "moi", "--tu", tmp_path / "cu", "--cham-theo", "thang")
    assert refused.exit_code == 2 and "--cham-theo chỉ dùng khi tạo chiến dịch của trường" in refused.output
    assert not (tmp_path / "moi").exists()


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("scoring", ["thang", "quy"])
def test_the_years_deadline_comes_after_the_last_periods(tmp_path, monkeypatch, level, scoring):
    """The year is made from every period: its deadline (sheet Trường, Hạn nộp chấm điểm) after the last period is
    due — 05/06 for May or for the third quarter, the year's on 10/06 — so the page says nothing of it."""
    on_day(monkeypatch, DAY)
    assert init(tmp_path, "--level", level, "--cham-theo", scoring).exit_code == 0
    sheet = load_workbook(tmp_path / CAMPAIGN_FILE)["Trường"]
    year_due = next(row[1].value for row in sheet.iter_rows() if row[0].value and "Hạn nộp chấm điểm" in row[0].value)
    assert (year_due.date(), loaded(tmp_path).periods[-1].deadline) == (dt.date(2027, 6, 10), dt.date(2027, 6, 5))
    assert "trước hạn của kỳ cuối" not in first_page(tmp_path)


def test_the_shipped_nd233_presets_year_deadline_comes_after_its_may():
    preset = load_preset("nd233")
    assert dt.date.fromisoformat(preset.school.scoring_deadline) > preset.periods[-1].deadline


@pytest.mark.parametrize("scoring", ["thang", "quy"])
def test_a_preschool_scored_by_period_says_tre_not_hoc_sinh(tmp_path, monkeypatch, scoring):
    """The NĐ 233 frame's criteria are written for pupils; a mầm non school's books say "trẻ" in them."""
    on_day(monkeypatch, DAY)
    assert init(tmp_path, "--level", "mam-non", "--cham-theo", scoring).exit_code == 0
    period = loaded(tmp_path).periods[0].code
    made = CliRunner().invoke(main, ["generate", str(tmp_path), "--round", "cham-diem", "--period", period])
    assert made.exit_code == 0, made.output

    books = [tmp_path / CAMPAIGN_FILE, *sorted((tmp_path / "outbox" / period).glob("*.xlsx"))]
    cells = [str(value) for book in books for sheet in load_workbook(book).worksheets
             for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)]
    assert not [cell for cell in cells if "học sinh" in cell.lower()]
    said = "\n".join(cells)
    assert "Tác phong, lề lối làm việc; thái độ phục vụ trẻ, cha mẹ trẻ, đồng nghiệp" in said
    assert ("Chất lượng, hiệu quả công việc: kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ và công việc được giao đạt "
            "yêu cầu") in said
    assert "Kết quả dự giờ, kiểm tra, đánh giá trẻ" in said


def test_a_school_of_pupils_keeps_the_frames_words(tmp_path, monkeypatch):
    on_day(monkeypatch, DAY)
    assert init(tmp_path, "--level", "tieu-hoc", "--cham-theo", "thang").exit_code == 0
    assert loaded(tmp_path).rubrics == load_preset("nd233", year=False).rubrics
