"""The department workbooks made with skeletons (forms placed from a skeleton, parts compressed once a
process) are the bytes xlsxwriter writes alone (``THIDUA_WRITER=xlsxwriter``): every part of every book of every
preset, both rounds, each period of a campaign with periods, the samples' campaigns, odd people; and the record of
what was issued is the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import filecmp
import io
import zipfile
from pathlib import Path

import pytest

from thidua_xlsx.commands import generate
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import Newcomer, Registration, department_spec
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.write import department as writer
from thidua_xlsx.write.department import skeleton

ROOT = Path(__file__).resolve().parents[2]
LEVELS = ("mam-non", "tieu-hoc", "thcs", "thpt", "nd233")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def written_both_ways(spec, period, folder: Path, monkeypatch) -> int:
    """``spec``'s workbook written with skeletons and by xlsxwriter alone, compared part by part (a difference said
    where), then byte for byte, with the layouts and the locked cells as written; returns how many forms were
    placed from a skeleton."""
    before = skeleton.made["skeleton"]
    monkeypatch.delenv(skeleton.WRITER_VARIABLE, raising=False)
    ours = writer.write_issued_workbook(spec, folder / "ours.xlsx", period)
    placed = skeleton.made["skeleton"] - before
    monkeypatch.setenv(skeleton.WRITER_VARIABLE, "xlsxwriter")
    theirs = writer.write_issued_workbook(spec, folder / "theirs.xlsx", period)
    assert skeleton.made["skeleton"] - before == placed  # xlsxwriter alone placed none
    monkeypatch.delenv(skeleton.WRITER_VARIABLE)
    mine, its = (folder / "ours.xlsx").read_bytes(), (folder / "theirs.xlsx").read_bytes()
    if mine != its:  # the first part that differs, said
        my_parts, its_parts = parts(mine), parts(its)
        assert list(my_parts) == list(its_parts)
        for name, data in its_parts.items():
            assert my_parts[name] == data, f"{spec.department.code} {spec.round}: {name}"
    assert mine == its
    assert ours[0] == theirs[0]  # the layouts
    if theirs[1] is None:
        assert ours[1] is None
    else:  # the same locked cells (the forms' placed with their skeleton's), and the same record made of them
        assert ours[1] is not None and not theirs[1].placed
        mine_cells, its_cells = list(ours[1].items()), list(theirs[1].items())
        assert sorted(mine_cells) == sorted(its_cells) and len({key for key, _, _ in mine_cells}) == len(mine_cells)
        assert generate._record_of(ours[1]) == generate._record_of(theirs[1])
    return placed


def every_book(campaign: cm.Campaign, folder: Path, monkeypatch) -> int:
    """Every department's workbook of both rounds (the scoring round with titles registered, a newcomer and the
    collective's title) written both ways; forms placed. Where the campaign has periods: every department's books
    of the first and the last period (a year apart), the first department's of each period (the periods' books
    differ only by the period's label and dates)."""
    placed = 0
    registered = dict(registrations={p.code: Registration(LDTT) for p in campaign.staff[::2]}, collective="TTLDTT",
                      newcomers=(Newcomer(campaign.departments[0].code, "Vũ Thị Mới", "Giáo viên",
                                          Registration(LDTT)),))
    periods = campaign.periods or (None,)
    rounds = [(ly.REGISTRATION, None, {})] + [(ly.SCORING, period, given) for period in periods
                                               for given in ({}, registered)]
    for round_, period, given in rounds:
        every = period in (None, periods[0], periods[-1])
        for dept in campaign.departments if every else campaign.departments[:1]:
            placed += written_both_ways(department_spec(campaign, dept, round_, period=period, **given), period,
                                        folder, monkeypatch)
    return placed


@pytest.mark.parametrize("level", LEVELS)
def test_every_book_of_every_preset(level, tmp_path, monkeypatch):
    campaign = load_preset(level)
    assert every_book(campaign, tmp_path, monkeypatch) >= 2 * len(campaign.staff)  # the forms were placed


def test_every_book_of_the_tests_own_campaign(tmp_path, monkeypatch):
    """The campaign the hostile and tamper tests make their books from (tests/conftest.py: its own rubrics, no
    preset's): written both ways, the same bytes — so those tests, run on the skeletons' books, hold for
    xlsxwriter's too."""
    from tests.conftest import campaign_dict

    assert every_book(cm.from_dict(campaign_dict()), tmp_path, monkeypatch) > 0


@pytest.mark.parametrize("book", ["samples/campaign.xlsx", "samples/ca-nam/campaign.xlsx"])
def test_every_book_of_the_samples(book, tmp_path, monkeypatch):
    from thidua_xlsx.read.campaign_book import load_campaign_book

    campaign, _ = load_campaign_book(ROOT / book, dt.date(2026, 9, 1))
    assert campaign is not None
    assert every_book(campaign, tmp_path, monkeypatch) > 0


def odd_people(campaign: cm.Campaign, people: list[tuple[str, str]], spare_rows: int | None = None) -> cm.Campaign:
    """``campaign`` whose first department has ``people`` (name, position), each of the first person's role."""
    first = campaign.departments[0]
    template = campaign.members(first.code)[0]
    staff = [p for p in campaign.staff if p.department != first.code]
    staff += [dataclasses.replace(template, code=f"X{k:03d}", name=name, position=position)
              for k, (name, position) in enumerate(people)]
    settings = campaign.settings if spare_rows is None else dataclasses.replace(campaign.settings,
                                                                                  spare_rows=spare_rows)
    return dataclasses.replace(campaign, staff=tuple(staff), settings=settings)


LONG = "Nguyễn Thị Phương Thảo Hoàng Lê Vũ Trần Đặng Bùi Đỗ Hồ Ngô Dương Lý"
ODD = {
    "nobody": [],
    "nobody, no spare form": ([], 0),
    "one person": [("Lê Văn Một", "Giáo viên")],
    "long Vietnamese names": [(LONG, "Tổ trưởng chuyên môn kiêm Phó Hiệu trưởng phụ trách"), (LONG + " Hai", "")],
    "XML's characters": [('Tom & "Jerry" <b>it\'s</b>', "A & B < C > D"), ("&amp; &lt;", "'\"'")],
    "control characters": [("Ngọc\x01Anh\x1f _x0041_", "Lan\r\nAnh\t"), ("\x00", "\x0b")],
    "a leading '='": [("=SUM(A1:A2)", "=1+1"), ("=HYPERLINK(\"x\")", "@x")],
    "same texts": [("Giáo viên", "Giáo viên"), ("Họ và tên:", "Mã số:"), ("Giáo viên", "Giáo viên")],
    "blank name and position": [("", ""), ("Có tên", "")],
    "a mark of ours": [(skeleton.SENTINELS["name"], skeleton.SENTINELS["position"]), ("\ue000", "\ue001")],
    "very long text": [("Dài " * 6000, "x" * 16_384), ("y" * 40_000, "Giáo viên")],
}


@pytest.mark.parametrize("people", ODD.values(), ids=ODD.keys())
def test_odd_people(people, tmp_path, monkeypatch):
    people, spare = people if isinstance(people, tuple) else (people, None)
    campaign = odd_people(load_preset("thcs"), people, spare)
    dept = campaign.departments[0]
    for round_ in (ly.REGISTRATION, ly.SCORING):
        registered = {"registrations": {"X000": Registration(LDTT)}} if round_ == ly.SCORING else {}
        written_both_ways(department_spec(campaign, dept, round_, **registered), None, tmp_path, monkeypatch)


def test_a_text_xlsxwriter_may_cut_is_written_by_it(tmp_path, monkeypatch):
    campaign = odd_people(load_preset("thcs"), [("y" * 40_000, "Giáo viên"), ("Ngắn", "Giáo viên")])
    before = skeleton.made.copy()
    placed = written_both_ways(department_spec(campaign, campaign.departments[0], ly.SCORING), None, tmp_path,
                               monkeypatch)
    assert skeleton.made["a text xlsxwriter may cut"] - before["a text xlsxwriter may cut"] == 1
    assert placed == 1 + campaign.settings.spare_rows


def test_a_value_inside_another_text_is_written_by_xlsxwriter(tmp_path, monkeypatch):
    """Where a form holds a person's value inside another text (here each locked text recorded in brackets), its
    skeleton could not hold it: each form is written cell by cell, counted, and the bytes are xlsxwriter's."""
    from thidua_xlsx.write.department.book import DepartmentBook

    lock = DepartmentBook.lock
    monkeypatch.setattr(DepartmentBook, "lock", lambda book, key, value: lock(
        book, key, f"[{value}]" if isinstance(value, str) else value))
    monkeypatch.setattr(skeleton, "_skeletons", {})  # made anew
    campaign = load_preset("thpt")
    before = skeleton.made.copy()
    placed = written_both_ways(department_spec(campaign, campaign.departments[0], ly.SCORING), None, tmp_path,
                               monkeypatch)
    assert placed == 0
    assert skeleton.made["a value inside another text"] - before["a value inside another text"] \
        == len(campaign.members(campaign.departments[0].code)) + campaign.settings.spare_rows


def test_a_title_shown_otherwise_is_written_by_xlsxwriter(tmp_path, monkeypatch):
    from thidua_xlsx.write.department import scoring

    shown = scoring.shown_title
    monkeypatch.setattr(scoring, "shown_title", lambda person: f"[{shown(person)}]")
    monkeypatch.setattr(skeleton, "_skeletons", {})
    campaign = load_preset("thpt")
    before = skeleton.made.copy()
    assert written_both_ways(department_spec(campaign, campaign.departments[0], ly.SCORING), None, tmp_path,
                             monkeypatch) == 0
    assert skeleton.made["a title shown otherwise"] > before["a title shown otherwise"]


def test_the_record_of_what_was_issued_is_the_same(tmp_path, monkeypatch):
    """``generate`` (both rounds, in worker processes) with skeletons and by xlsxwriter alone: the same books and
    the same files in ``so-da-phat/``."""
    from thidua_xlsx.service import generate_round, init_campaign
    from thidua_xlsx.steps.workspace import CampaignFolder

    campaign = load_preset("tieu-hoc")
    folders = {}
    for way in ("skeleton", "xlsxwriter"):
        if way == "xlsxwriter":
            monkeypatch.setenv(skeleton.WRITER_VARIABLE, "xlsxwriter")
        folder = folders[way] = tmp_path / way
        init_campaign(folder, campaign.level, campaign=campaign)
        for round_ in (ly.REGISTRATION, ly.SCORING):
            done = generate_round(CampaignFolder(folder, campaign), round_, folder / round_, today=dt.date(2026, 9, 1))
            assert not done.problems.errors and done.paths
    for part in ("so-da-phat", ly.REGISTRATION, ly.SCORING):
        names = sorted(p.relative_to(folders["skeleton"]) for p in (folders["skeleton"] / part).rglob("*")
                       if p.is_file())
        assert names == sorted(p.relative_to(folders["xlsxwriter"]) for p in (folders["xlsxwriter"] / part).rglob("*")
                               if p.is_file())
        assert names
        for name in names:
            assert filecmp.cmp(folders["skeleton"] / name, folders["xlsxwriter"] / name, shallow=False), name


def test_a_kind_of_form_is_made_once_for_every_department(tmp_path, monkeypatch):
    """Departments with their own heads, e-mails and collective titles share their forms' skeletons: each kind is
    made once a process, not once a department."""
    campaign = load_preset("tieu-hoc")
    departments = tuple(dataclasses.replace(d, head=f"Trưởng {k}", email=f"to{k}@example.vn")
                        for k, d in enumerate(campaign.departments))
    campaign = dataclasses.replace(campaign, departments=departments)
    monkeypatch.setattr(skeleton, "_skeletons", {})
    made, real = [], skeleton.Forms._made
    monkeypatch.setattr(skeleton.Forms, "_made", lambda forms, person, values: made.append(
        (person.role, bool(person.code))) or real(forms, person, values))
    for k, dept in enumerate(campaign.departments):
        spec = department_spec(campaign, dept, ly.SCORING, collective=f"Tập thể {k}")
        writer.write_issued_workbook(spec, tmp_path / f"{k}.xlsx")
    assert made and len(made) == len(set(made)) <= 2 * len({p.role for p in campaign.staff})  # a person's, a spare
