"""``init NEW --tu OLD`` through the command line — the periods rolled by the calendar across a leap
February (no day in no period, none in two), and last year's plan among the Căn cứ lines to review, as the README
promises, whatever the school's name carries (its ward and province)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.init_fixtures import on_day
from tests.new_year_fixtures import DAY, gaps, monthly
from thidua_xlsx.cli import main
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.service import init_campaign

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PLAN = ("Căn cứ Kế hoạch số 25/KH-THNT ngày 08/9/2025 của Trường Tiểu học Nam Trực về tổ chức các phong trào thi "
        "đua và thực hiện công tác khen thưởng năm học 2025-2026;")  # the sixth line (Căn cứ!A7), as the sample's
WARD_NAME = "Trường Tiểu học Nam Trực, xã Nam Trực, tỉnh Ninh Bình"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def set_school(book: Path, plan: str = "", **values) -> None:
    """Sheet Trường's fields by label, typed as a secretary types them; ``plan``: the sixth line of sheet Căn cứ."""
    wb = load_workbook(book)
    for row in wb["Trường"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    if plan:
        wb["Căn cứ"]["A7"] = plan
    wb.save(book)


# --- the periods rolled by the calendar ---------------------------------------------------------------------------


@pytest.mark.parametrize("old, today, february", [
    (2026, dt.date(2027, 8, 20), dt.date(2028, 2, 29)),  # into the leap year: 29/02 in February's month
    (2027, dt.date(2028, 8, 20), dt.date(2029, 2, 28)),  # out of it: February ends on the 28th, March on the 1st
])
def test_init_tu_rolls_the_months_across_a_leap_february(tmp_path, monkeypatch, old, today, february):
    on_day(monkeypatch, today)
    previous = monthly(old)
    init_campaign(tmp_path / "cu", previous.level, campaign=previous)

    result = run("init", tmp_path / "moi", "--tu", tmp_path / "cu")

    assert result.exit_code == 0, result.output
    made, problems = load_campaign_book(tmp_path / "moi" / "campaign.xlsx", today)
    assert made is not None
    assert not [p.render() for p in problems if p.code.startswith("campaign.period")]
    feb = next(p for p in made.periods if p.code == "thang-2")
    march = next(p for p in made.periods if p.code == "thang-3")
    assert (feb.start, feb.end, march.start) == (february.replace(day=1), february, february + DAY)
    assert gaps(made.periods) == [DAY] * 8, "every day of the year in one period"
    assert made.periods[0].start == dt.date(february.year - 1, 9, 1) and made.periods[-1].end == \
        dt.date(february.year, 5, 31)


# --- last year's plan among what to review ------------------------------------------------------------------------


@pytest.fixture
def ward_school(tmp_path, monkeypatch):
    """Last year's campaign (the shipped sample, 2025-2026, made a school of its own) of a school whose name carries
    its ward and province, as a school's letterhead writes it; its plan (line 6) names the school without them."""
    on_day(monkeypatch, dt.date(2026, 9, 10))
    old = tmp_path / "thidua-2025"
    old.mkdir()
    shutil.copy2(ROOT / "samples" / "campaign.xlsx", old / "campaign.xlsx")
    set_school(old / "campaign.xlsx", PLAN, **{"Tên trường": WARD_NAME,
                                               "Hiệu trưởng (Chủ tịch Hội đồng)": "Nguyễn Văn An"})
    return old


def test_init_tu_lists_last_year_s_plan_to_review_with_its_cell(ward_school, tmp_path):
    assert "từng dòng *Căn cứ* còn nhắc năm học trước (kế hoạch" in " ".join(README.read_text("utf-8").split())

    result = run("init", tmp_path / "moi", "--tu", ward_school)

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    check = lines.index("Cần xem lại trước khi phát sổ:")
    assert "  - Sheet Căn cứ: dòng 6 (ô A7) còn nhắc năm học trước (kế hoạch, hướng dẫn của năm cũ): hãy thay bằng " \
           "văn bản của năm học 2026-2027." in lines[check:]
    (said,) = [line for line in result.stderr.splitlines() if "Dòng căn cứ" in line]
    assert said.startswith("Cảnh báo: [campaign.xlsx · Căn cứ!A7] Dòng căn cứ 6 nhắc năm học trước (2025-2026, "
                           f"08/9/2025): \"{PLAN}\"")


def test_init_tu_lists_a_line_of_last_year_whatever_school_it_names(tmp_path, monkeypatch):
    """A line naming last year, and a school that is not this one (a plan copied from a neighbour): listed by init
    --tu all the same — nothing else says it there, and it is last year's to replace."""
    on_day(monkeypatch, dt.date(2026, 9, 10))
    other = "Căn cứ Kế hoạch số 9/KH-THCSKS ngày 20/9/2025 của Trường THCS Kim Sơn năm học 2025-2026;"
    previous = monthly(2025, legal_basis=["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;", other])
    init_campaign(tmp_path / "cu", previous.level, campaign=previous)

    result = run("init", tmp_path / "moi", "--tu", tmp_path / "cu")

    assert result.exit_code == 0, result.output
    assert "  - Sheet Căn cứ: dòng 2 (ô A3) còn nhắc năm học trước" in result.stdout
    assert [line.split("]")[0] for line in result.stderr.splitlines() if "Dòng căn cứ" in line] == \
        ["Cảnh báo: [campaign.xlsx · Căn cứ!A3"]


def test_a_campaign_copied_by_hand_says_its_own_plan_though_its_name_carries_its_ward(ward_school, monkeypatch):
    """Every command opening a campaign says a line of Căn cứ naming an earlier year of its own school: "Trường Tiểu
    học Nam Trực" in the plan is the school "Trường Tiểu học Nam Trực, xã Nam Trực, …" (the words compared without
    their commas)."""
    on_day(monkeypatch, dt.date(2026, 11, 24))
    (ward_school / "inbox").mkdir()
    set_school(ward_school / "campaign.xlsx", **{"Năm học": "2026-2027"})

    result = run("status", ward_school / "inbox")

    assert "Cảnh báo: [campaign.xlsx · Căn cứ!A7] Dòng căn cứ 6 nhắc năm học trước (2025-2026)" in result.stderr
