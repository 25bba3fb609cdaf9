"""The record of what was issued takes a scoring workbook's locked content from the cells as written
(write.department.locked) only where that is what the merge reads back: compared here, on every kind of
workbook the presets make and on odd texts, with ``read.department.locked_content`` of the written file — the way the
record was made before — and a text the merge could take for a label, or that a file may not give back as written,
sends the workbook to be read back."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx import service
from thidua_xlsx.commands import generate
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import Newcomer, Registration, department_spec, fingerprint
from thidua_xlsx.model.titles import CSTDCS, LDTT, NOT_REGISTERED
from thidua_xlsx.read.department import locked_content
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.read.registry import locked_json
from thidua_xlsx.text import workbook as wx
from thidua_xlsx.write import department as writer
from thidua_xlsx.write.department import write_issued_workbook
from thidua_xlsx.write.department.locked import LockedCells

PRESETS = ("mam-non", "tieu-hoc", "thcs", "thpt", "nd233")


def both_ways(campaign: cm.Campaign, round_: str, folder, **given) -> list[tuple[tuple[str, str] | None, tuple]]:
    """For each department's workbook: its locked content as the record takes it from the cells written — its JSON
    and fingerprint, None when it reads the workbook back —, and as read back from the file."""
    period = campaign.periods[0] if campaign.periods and round_ == ly.SCORING else None
    found = []
    for k, dept in enumerate(campaign.departments):
        spec = department_spec(campaign, dept, round_, period=period, **given)
        path = folder / f"{round_}-{k}.xlsx"
        layout, written = write_issued_workbook(spec, path, period)
        read = locked_content(path, spec.people, layout, campaign.rubrics)
        found.append((written if written is None else generate._record_of(written), read))
    return found


def assert_written_is_read(found, *, every: bool = True) -> None:
    for written, read in found:
        assert not every or written is not None, "this workbook should be recorded from what was written"
        if written is not None:
            assert json.loads(written[0]) == [list(pair) for pair in read]  # pair by pair, for a readable difference
            assert written == (locked_json(read), fingerprint(read))  # the record's very text, its fingerprint
    assert any(read for _, read in found)


def small(**settings) -> cm.Campaign:
    data = campaign_dict()
    data["settings"] = {**data["settings"], **settings}
    return cm.from_dict(data)


@pytest.mark.parametrize("level", PRESETS)
@pytest.mark.parametrize("facts", [cm.FACTS_FROM_ROSTER, cm.FACTS_FROM_DEPARTMENT])
def test_every_preset_s_forms_are_recorded_as_written(level, facts, tmp_path):
    """Every level's preset (nd233: a period's workbook, its "Tổng hợp tổ" without the collective's title), the facts
    from the roster or entered by the department, a password, spare forms."""
    campaign = load_preset(level)
    campaign = dataclasses.replace(campaign, settings=dataclasses.replace(
        campaign.settings, facts_source=facts, sheet_password="bí mật", spare_rows=2))
    assert_written_is_read(both_ways(campaign, ly.SCORING, tmp_path))


def test_the_samples_forms_are_recorded_as_written(tmp_path):
    """The campaign of samples/ (its own school, people and rubrics, as a secretary's book has them) and the year's
    campaign of samples/ca-nam/."""
    from pathlib import Path

    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.steps.workspace import open_campaign

    samples = Path(__file__).resolve().parents[2] / "samples"
    for k, book in enumerate((samples / CAMPAIGN_FILE, samples / "ca-nam" / CAMPAIGN_FILE)):
        folder, problems = open_campaign(book)
        assert folder is not None, [p.render() for p in problems]
        (tmp_path / str(k)).mkdir()
        assert_written_is_read(both_ways(folder.campaign, ly.SCORING, tmp_path / str(k)))


def test_registered_titles_newcomers_and_the_collective_s_title(tmp_path):
    """As ``generate --from`` makes them: titles shown locked, a newcomer's form under a provisional code (not locked
    on "Tổng hợp tổ"), the collective's title."""
    campaign = small(spare_rows=3)
    registrations = {"GV01": Registration(LDTT), "GV02": Registration(NOT_REGISTERED), "GV04": Registration(CSTDCS)}
    newcomers = (Newcomer("T2", "Vũ Thị Mới", "Giáo viên", Registration(LDTT)),
                 Newcomer("T1", "Lê Thị Dung", "Giáo viên", Registration(CSTDCS)))  # already in the roster
    found = both_ways(campaign, ly.SCORING, tmp_path, registrations=registrations, newcomers=newcomers,
                      collective="TTLDTT")
    assert_written_is_read(found)
    assert any(key.startswith("person|MOI-T2-1|") for key, _ in found[1][1])


def test_the_registration_round_is_read_back(tmp_path):
    found = both_ways(small(), ly.REGISTRATION, tmp_path)
    assert [written for written, _ in found] == [None, None] and all(read for _, read in found)


def odd_campaign(names=None, text="", maximum=None, school=None, level="", code="", department="", codes=()
                 ) -> cm.Campaign:
    """The small campaign with odd texts put in as they are (not cleaned on the way in, as a campaign book would
    have them): ``names`` of the first people, the first criterion's ``text`` and ``maximum``, the school's name, the
    first level's name, the first criterion's code, the first department's name, the first people's ``codes``."""
    campaign = small(spare_rows=1)
    staff = list(campaign.staff)
    for k, name in enumerate(names or ()):
        staff[k] = dataclasses.replace(staff[k], name=name, position=name[::-1])
    for k, person_code in enumerate(codes):
        staff[k] = dataclasses.replace(staff[k], code=person_code)
    rubric = campaign.rubrics[0]
    group = rubric.groups[0]
    item = dataclasses.replace(group.items[0], text=text or group.items[0].text, code=code or group.items[0].code,
                               max=group.items[0].max if maximum is None else maximum)
    rubric = dataclasses.replace(rubric, groups=(dataclasses.replace(group, items=(item, *group.items[1:])),
                                                 *rubric.groups[1:]))
    levels = campaign.classification
    if level:
        levels = (dataclasses.replace(levels[0], name=level), *levels[1:])
    departments = campaign.departments
    if department:
        departments = (dataclasses.replace(departments[0], name=department), *departments[1:])
    return dataclasses.replace(campaign, staff=tuple(staff), rubrics=(rubric, *campaign.rubrics[1:]),
                               departments=departments,
                               classification=levels,
                               school=dataclasses.replace(campaign.school, name=school or campaign.school.name))


ODD_BUT_READ_AS_WRITTEN = {
    "long texts": dict(names=["Nguyễn " * 60 + "Lan"], text="Một tiêu chí rất dài; " * 400),
    "spaces, non-breaking spaces, tabs and new lines": dict(names=["  Trần\u00a0\u00a0Văn   Đức ", "Lê\tThị\nDung"],
                                                            text=" Tiêu chí\n\n(có dòng mới) ", school="  Trường  A "),
    "decomposed letters": dict(names=["Nguye\u0302\u0303n Thi\u0323 Lan"], text="Chu\u031bo\u031bng tri\u0300nh"),
    "what looks like markup or a formula": dict(names=['=SUM(A1:A9)', 'Tom & "Jerry" <b>'], text="&amp; <x> \"q\" 'a'",
                                                level='Tốt & "giỏi" <nhất>'),
    "numbers as the file holds them": dict(maximum=0.1 + 0.2),
    "a tiny maximum": dict(maximum=1e-7),
    "a half point": dict(maximum=12.5),
    "a label's words inside a longer text": dict(names=["Họ và tên: Lan"], text="TỔNG ĐIỂM của nhóm"),
    # a form's record is its skeleton's pieces with its code put in: a code JSON escapes, braces, a code's length
    "codes JSON escapes, braces, codes of other lengths": dict(codes=['GV"01', "GV\\02", "{GV03}", "Gv-0004-dài"],
                                                              names=['Lan "Anh" \\ {0}']),
}


@pytest.mark.parametrize("odd", ODD_BUT_READ_AS_WRITTEN.values(), ids=ODD_BUT_READ_AS_WRITTEN.keys())
def test_odd_texts_and_numbers_are_recorded_as_written(odd, tmp_path):
    assert_written_is_read(both_ways(odd_campaign(**odd), ly.SCORING, tmp_path))


def test_a_form_s_cells_sorted_among_another_s_are_read_back(tmp_path):
    """A person's code that is another's with more after a bar: the first form's locked cells sort among the
    second's (its keys "person|GV|I.1|…" among "person|GV|I|…", "person|GV|I.1|text"): the record of what was written
    is not made of each form's pairs together, the workbook is read back."""
    found = both_ways(odd_campaign(codes=["GV", "GV|I.1"]), ly.SCORING, tmp_path)
    assert found[0][0] is None
    assert {"person|GV|I.1|text", "person|GV|I.1|I.1|text"} <= {key for key, _ in found[0][1]}
    assert_written_is_read(found, every=False)


READ_BACK = {  # what the merge could read elsewhere, or read differently: the workbook is read back
    "a person named as the code's label": dict(names=[wx.L_CODE]),
    "a person named as the name's label": dict(names=["", wx.L_NAME]),
    "a criterion reading as the total's label": dict(text=wx.L_TOTAL),
    "a criterion reading as the classification's label, spaced": dict(text=f"  {wx.L_CLASS} "),
    "a department named as the check's label": dict(department=wx.CHECK_LABEL),
    "a person named as a table header": dict(names=[wx.DEPT_HEADERS[6]]),
    "an escape typed as text": dict(names=["Lan _x0041_ Anh"]),
    "a control character": dict(text="Tiêu chí\x01 một"),
    "a carriage return": dict(names=["Lan\r\nAnh"]),
    "a criterion's code with spaces": dict(code=" I.1"),
    "a criterion's code a group's": dict(code="II"),
    "a criterion's code twice": dict(code="I.2"),
    "a text longer than a cell holds": dict(text="x" * 33_000),
    "a text longer than a cell holds in UTF-16 units": dict(text="\U0001f600" * 17_000),
    "a level's name calling a dynamic array function": dict(level='Tốt FILTER(A1:A2,1)'),
}


@pytest.mark.parametrize("odd", READ_BACK.values(), ids=READ_BACK.keys())
def test_what_the_merge_could_read_elsewhere_is_read_back(odd, tmp_path):
    found = both_ways(odd_campaign(**odd), ly.SCORING, tmp_path)
    assert found[0][0] is None  # the first department's workbook: its first person, its first criterion
    assert_written_is_read(found, every=False)


@pytest.mark.parametrize("odd", ["a person named as the code's label", "a criterion reading as the total's label",
                                 "a criterion reading as the classification's label, spaced",
                                 "a criterion's code with spaces", "a text longer than a cell holds",
                                 "a text longer than a cell holds in UTF-16 units"])
def test_the_check_is_needed(odd, tmp_path, monkeypatch):
    """Without the check, the cells as written would not be what the merge reads: a record made from them would call
    an untouched workbook changed (the comparison above fails on them)."""
    monkeypatch.setattr(writer, "locked_as_written", lambda book: LockedCells(
        tuple((key, value, formula) for key, (value, formula) in book.locked.items()), tuple(book.placed)))
    found = both_ways(odd_campaign(**READ_BACK[odd]), ly.SCORING, tmp_path)
    assert found[0][0] != (locked_json(found[0][1]), fingerprint(found[0][1]))


@pytest.mark.parametrize("campaign, round_", [
    (lambda: load_preset("thcs"), ly.SCORING),  # recorded from the cells as written
    (lambda: odd_campaign(**READ_BACK["a criterion reading as the total's label"]), ly.SCORING),  # read back
    (lambda: load_preset("thcs"), ly.REGISTRATION)], ids=["as written", "read back", "registration"])
def test_generate_records_the_content_the_merge_reads(campaign, round_, tmp_path):
    """End to end: the records ``generate`` writes hold what reading each workbook back gives, its formulas too —
    also where the workbook is read back from where it was staged (its name ending ``.tmp``) before it is put in
    place."""
    from tests.conftest import make_folder
    from thidua_xlsx.read.registry import IssuedRegistry

    folder = make_folder(tmp_path / "campaign", dataclasses.replace(campaign(), id="locked-test"))
    generated = service.generate_round(folder, round_, tmp_path / "outbox")
    registry = IssuedRegistry(tmp_path / "campaign")
    records = {w.file_name: w for w in registry.all()}
    assert len(records) == len(generated.paths) == len(folder.campaign.departments)
    for path in generated.paths:
        issued = records[path.name]
        read = locked_content(path, issued.people, issued.layout, folder.campaign.rubrics)
        assert registry.locked(issued) == read and issued.fingerprint == fingerprint(read)
        assert round_ == ly.REGISTRATION or any("|formula|" in key for key, _ in read)
