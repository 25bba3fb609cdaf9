"""A new campaign holds no decision of its year: ``init`` at every level — through the command line, the page's way
(the service running the request) and the library — writes sheet Nhân sự with the people as the preset has them
(who they are, their own note) and every column of the year's facts empty (xếp loại viên chức, months, leave,
discipline, sáng kiến…), no đột xuất award, no unit rating; an NĐ 233 year built on it is rated from the scores, not
from a rating typed. The presets' sample year stays for the try-it sample (samples/) and the tests that load it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.init_fixtures import on_day
from thidua_xlsx import service
from thidua_xlsx.cli import main
from thidua_xlsx.commune.read_book import load_level_above_book
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import evaluation as ev
from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.issues import NOTE
from thidua_xlsx.model.places import CAMPAIGN_FILE, LEVEL_ABOVE_BOOK
from thidua_xlsx.model.requests import LEVEL_ABOVE_LEVEL
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.read.presets import load_preset, preset_dir

ROOT = Path(__file__).resolve().parents[2]
SCHOOL_LEVELS = sorted(p.stem for p in preset_dir().glob("*.json") if p.stem != LEVEL_ABOVE_LEVEL)
DOORS = ("cli", "page", "library")
HEADERS = {c.key: c.header for c in cb.STAFF_COLUMNS}
YEAR_COLUMNS = tuple(HEADERS[key] for key in cb.FACT_KEYS)


def init(door: str, folder: Path, level: str) -> Path:
    """``init folder --level level`` through ``door``, scored once at the year's end (the preset as its data file
    writes it; nd233 is scored by month whatever is asked): the campaign book it wrote."""
    if door == "cli":
        scoring = ["--cham-theo", rq.YEAR_END] if level != "nd233" else []
        result = CliRunner().invoke(main, ["init", str(folder), "--level", level, *scoring])
        assert result.exit_code == 0, result.output
    elif door == "page":
        request = rq.InitRequest(directory=folder, level=level, scoring=rq.YEAR_END)
        assert service.run(request, door=rq.PAGE).exit_code == 0
    else:
        service.init_campaign(folder, level, scoring=rq.YEAR_END)
    return folder / CAMPAIGN_FILE


def staff_rows(book: Path) -> list[dict[str, object]]:
    """Sheet Nhân sự as written, a dict per person (header → value)."""
    wb = load_workbook(book, read_only=True)
    try:
        header, *rows = wb[cb.STAFF_SHEET].iter_rows(values_only=True)
    finally:
        wb.close()
    return [dict(zip(header, row)) for row in rows if row[0] not in (None, "")]


def preset_staff(level: str) -> list[dict]:
    """The preset's people as its data file has them (read without the program's loader)."""
    return json.loads((preset_dir() / f"{level}.json").read_text(encoding="utf-8"))["staff"]


def test_every_level_is_tried():
    assert {"mam-non", "tieu-hoc", "thcs", "thpt", "nd233"} <= set(SCHOOL_LEVELS)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("level", SCHOOL_LEVELS)
def test_init_leaves_every_fact_of_the_year_empty(tmp_path, level, door):
    book = init(door, tmp_path / "thidua", level)
    rows, raw = staff_rows(book), preset_staff(level)

    assert [r[HEADERS["code"]] for r in rows] == [p["code"] for p in raw], "everyone of the preset"
    assert set(YEAR_COLUMNS) <= set(rows[0]), "the columns are there, for the secretary to fill"
    filled = {(r[HEADERS["code"]], column): r[column] for r in rows for column in YEAR_COLUMNS
              if r[column] not in (None, "")}
    assert filled == {}, "a new campaign holds no decision of its year"
    campaign, problems = load_campaign_book(book)
    assert campaign is not None and problems.errors == []
    assert all(p.facts == cm.Facts() for p in campaign.staff)
    who = ("code", "name", "gender", "dob", "position", "role", "department", "start", "notes")
    assert [tuple(getattr(p, key) for key in who) for p in campaign.staff] == \
        [tuple(p.get(key, "") for key in who) for p in raw], "who each person is stays, with their own note"
    assert (campaign.unit_rating, campaign.special_awards) == ("", ())
    assert (campaign.school.criteria_resolution, campaign.school.criteria_resolution_date,
            campaign.school.authority_code) == ("", "", "")


@pytest.mark.parametrize("level", SCHOOL_LEVELS)
def test_the_presets_sample_year_stays_for_the_try_it_sample(level):
    """load_preset's own year (the samples' builders and the tests use it): facts, and the notes on them."""
    sample = load_preset(level)
    assert any(p.facts.rating for p in sample.staff) and any(p.facts.discipline for p in sample.staff)
    notes = {p["code"]: "; ".join(filter(None, (p.get("notes", ""), p.get("year_note", ""))))
             for p in preset_staff(level)}
    assert {p.code: p.notes for p in sample.staff} == notes


def test_the_shipped_sample_keeps_its_year():
    shipped, _ = load_campaign_book(ROOT / "samples" / CAMPAIGN_FILE)
    assert shipped is not None and any(p.facts.rating for p in shipped.staff)


def test_an_nd233_year_on_a_new_campaign_rates_from_the_scores(tmp_path, monkeypatch):
    """Everyone at 72 in every month: HTTNV from the scores for all, none typed, no "rating typed" warning (the
    preset's typed ratings once made 11 people HTXSNV at 72)."""
    on_day(monkeypatch, dt.date(2026, 11, 24))
    book = init("cli", tmp_path / "thidua", "nd233")
    campaign, problems = load_campaign_book(book)
    assert campaign is not None and problems.errors == [] and len(campaign.periods) == 9
    periods = {p.code: ev.PeriodSummary(f"tong-hop_{p.code}.xlsx", p.code, False,
                                        {s.code: ev.PeriodEntry(72.0, "department") for s in campaign.staff})
               for p in campaign.periods}

    year = year_summary(campaign, [], periods, None, campaign.periods[-1].end + dt.timedelta(days=10),
                        book=CAMPAIGN_FILE)

    ratings = year.year.ratings
    assert {(r.rating, r.computed, r.entered) for r in ratings.values()} == {("HTTNV", "HTTNV", False)}
    assert len(ratings) == len(campaign.staff)
    assert [i.code for i in year.issues if i.code == "year.rating_typed"] == []
    assert [i.code for i in year.issues if i.sheet == cb.STAFF_SHEET and i.severity != NOTE] == [], \
        "nothing of sheet Nhân sự to check: no rating, leave or discipline typed"


def test_a_commune_s_new_campaign_holds_no_deadline_of_a_year(tmp_path):
    """``init --level cap-xa``: the commune's schools, and its deadline left for the year's own call."""
    folder = tmp_path / "xa"
    result = CliRunner().invoke(main, ["init", str(folder), "--level", LEVEL_ABOVE_LEVEL])
    assert result.exit_code == 0, result.output
    above, problems = load_level_above_book(folder / LEVEL_ABOVE_BOOK)
    assert above is not None and problems.errors == []
    assert above.deadline == "" and above.schools
