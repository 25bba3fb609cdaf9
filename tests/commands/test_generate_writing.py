"""What ``generate`` does faster makes the same bytes as what it replaces: the department workbooks'
cells written without xlsxwriter's attribute lists (compared, file for file, with xlsxwriter's own Workbook), and a
layout and a spec made JSON without ``dataclasses.asdict``'s deep copies (compared with it)."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import Newcomer, Registration, as_data, department_spec
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.read.presets import load_preset
from thidua_xlsx.write import department as writer


def odd_small() -> cm.Campaign:
    """The small campaign with texts xlsxwriter escapes (markup, control characters, an escape typed as text, a
    carriage return) and numbers written to 16 digits."""
    campaign = cm.from_dict(campaign_dict())
    staff = list(campaign.staff)
    staff[0] = dataclasses.replace(staff[0], name='Tom & "Jerry" <b>\x01 _x0041_', position="Lan\r\nAnh ")
    rubric = campaign.rubrics[0]
    group = rubric.groups[0]
    item = dataclasses.replace(group.items[0], max=0.1 + 0.2, text="=SUM(A1) & <x>\ufffe")
    rubric = dataclasses.replace(rubric, groups=(dataclasses.replace(group, items=(item, *group.items[1:])),
                                                 *rubric.groups[1:]))
    levels = (dataclasses.replace(campaign.classification[0], name='Tốt & "giỏi" <nhất>'), *campaign.classification[1:])
    return dataclasses.replace(campaign, staff=tuple(staff), rubrics=(rubric, *campaign.rubrics[1:]),
                               classification=levels)


def facts_entered(level: str) -> cm.Campaign:
    """A preset whose departments enter the facts: each form has conditional formats before its criteria."""
    campaign = load_preset(level)
    return dataclasses.replace(campaign, settings=dataclasses.replace(campaign.settings,
                                                                      facts_source=cm.FACTS_FROM_DEPARTMENT))


CAMPAIGNS = {"small, odd texts": odd_small, "thcs, facts entered": lambda: facts_entered("thcs"),
             **{level: (lambda level=level: load_preset(level)) for level in ("tieu-hoc", "thpt", "nd233")}}


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.mark.parametrize("make", CAMPAIGNS.values(), ids=CAMPAIGNS.keys())
@pytest.mark.parametrize("round_", [ly.REGISTRATION, ly.SCORING])
def test_the_cells_are_written_as_xlsxwriter_writes_them(make, round_, tmp_path, monkeypatch):
    """Against xlsxwriter's own Workbook, each form written cell by cell (nothing given again: .repeat); ours without
    skeletons (THIDUA_WRITER=xlsxwriter: tests/write/test_generate_skeleton.py compares them with this way)."""
    import xlsxwriter

    from thidua_xlsx.write.department import repeat, scoring, skeleton

    monkeypatch.setenv(skeleton.WRITER_VARIABLE, "xlsxwriter")

    given_again, real_give = [], repeat.Written.give

    def give(written, wb, ws):
        given_again.append(ws.name)
        real_give(written, wb, ws)

    monkeypatch.setattr(repeat.Written, "give", give)

    campaign = make()
    period = campaign.periods[0] if campaign.periods and round_ == ly.SCORING else None
    given = dict(registrations={campaign.staff[0].code: Registration(LDTT)}, collective="TTLDTT",
                 newcomers=(Newcomer(campaign.departments[0].code, "Vũ Thị Mới", "Giáo viên", Registration(LDTT)),)) \
        if round_ == ly.SCORING else {}
    for k, dept in enumerate(campaign.departments[:2]):
        spec = department_spec(campaign, dept, round_, period=period, **given)
        ours = tmp_path / f"ours-{k}.xlsx"
        writer.write_issued_workbook(spec, ours, period)[0]
        with monkeypatch.context() as patched:
            patched.setattr(writer, "_workbook_class", lambda: xlsxwriter.Workbook)
            patched.setattr(scoring, "once_a_workbook", lambda _book, _ws, _what, _start, write, _key="": write()[0])
            writer.write_issued_workbook(spec, tmp_path / f"theirs-{k}.xlsx", period)[0]
        theirs = (tmp_path / f"theirs-{k}.xlsx").read_bytes()
        assert parts(ours.read_bytes()) == parts(theirs)  # part by part first: a difference said where
        assert ours.read_bytes() == theirs
    assert bool(given_again) == (round_ == ly.SCORING)  # the forms' rows were given again


def test_a_layout_s_json_is_what_asdict_made(tmp_path):
    """Every kind of sheet's record (registration, collective, form with and without facts, "Tổng hợp tổ"), and a
    layout read back from its JSON (tuples made of lists)."""
    campaign = cm.from_dict(campaign_dict())
    facts = dataclasses.replace(campaign, settings=dataclasses.replace(campaign.settings,
                                                                      facts_source=cm.FACTS_FROM_DEPARTMENT))
    for k, (made, round_) in enumerate([(campaign, ly.REGISTRATION), (campaign, ly.SCORING), (facts, ly.SCORING)]):
        spec = department_spec(made, made.departments[1], round_)
        layout = writer.write_issued_workbook(spec, tmp_path / f"{k}.xlsx")[0]
        for one in (layout, ly.WorkbookLayout.from_json(json.loads(json.dumps(layout.to_json())))):
            before = {f.name: getattr(one, f.name) for f in dataclasses.fields(one) if f.name != "sheets"}
            before["sheets"] = [{"kind": s.kind, **dataclasses.asdict(s)} for s in one.sheets]
            assert one.to_json() == before
            assert list(one.to_json()) == list(before)  # the same order: records are written unsorted
            assert [list(s) for s in one.to_json()["sheets"]] == [list(s) for s in before["sheets"]]
            assert json.dumps(one.to_json(), ensure_ascii=False) == json.dumps(before, ensure_ascii=False)


def test_shared_data_is_asdict_s_and_made_once():
    campaign = load_preset("thcs")
    for value in (campaign.rubrics, campaign.rubrics[0], campaign.classification, campaign.school):
        expected = tuple(map(dataclasses.asdict, value)) if isinstance(value, tuple) else dataclasses.asdict(value)
        assert as_data(value) == expected
        assert json.dumps(as_data(value), ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
        assert as_data(value) is as_data(value)
    equal = dataclasses.replace(campaign.rubrics[0])  # an equal rubric, another object: its own data
    assert as_data(equal) == as_data(campaign.rubrics[0]) and as_data(equal) is not as_data(campaign.rubrics[0])


@pytest.mark.parametrize("make", CAMPAIGNS.values(), ids=CAMPAIGNS.keys())
def test_the_submission_id_is_what_asdict_made(make, tmp_path):
    """The id digests the spec as ``dataclasses.asdict`` gave it (the rubrics and levels are made data once)."""
    import hashlib

    campaign = make()
    period = campaign.periods[0] if campaign.periods else None
    for round_ in (ly.REGISTRATION, ly.SCORING):
        spec = department_spec(campaign, campaign.departments[0], round_, period=period if round_ == ly.SCORING
                               else None)
        used = period if spec.period else None
        layout = writer.write_issued_workbook(spec, tmp_path / f"{round_}.xlsx", used)[0]
        unsecret = dataclasses.replace(writer._titles_named(spec),
                                       settings=dataclasses.replace(spec.settings, sheet_password=""))
        given = dataclasses.asdict(unsecret)
        if not spec.period:
            del given["period"], given["period_label"]
        else:
            given["period_dates"] = dataclasses.asdict(used)
        unnamed = dataclasses.replace(layout, submission_id="")
        content = json.dumps([unnamed.to_json(), given], ensure_ascii=False, sort_keys=True, default=str)
        assert layout.submission_id == hashlib.sha256(content.encode()).hexdigest()[:20]


def test_rows_that_reach_outside_their_block_are_written_again(tmp_path):
    """What wrote outside its rows (a cell below them) is never given again: each sheet writes it itself."""
    from types import SimpleNamespace

    from thidua_xlsx.write.department.repeat import once_a_workbook

    wb = writer._workbook_class()(str(tmp_path / "x.xlsx"))
    book = SimpleNamespace(wb=wb, repeated={}, locked={})
    calls = []

    def block(ws, outside: bool):
        def write():
            calls.append(ws.name)
            ws.write_string(0, 0, "inside")
            if outside:
                ws.write_string(5, 0, "outside")
            return None, 2
        return write

    for outside in (False, True):
        sheets = [wb.add_worksheet() for _ in range(3)]
        calls.clear()
        for ws in sheets:
            once_a_workbook(book, ws, ("block", outside), 0, block(ws, outside))
        assert calls == ([sheets[0].name] if not outside else [ws.name for ws in sheets])
        assert all(ws.table[0][0] == sheets[0].table[0][0] for ws in sheets)
    wb.close()


@pytest.mark.parametrize(("owned", "collector_on"), [(True, True), (True, False), (False, True)])
def test_generate_pauses_the_collector_only_in_a_process_of_its_own(owned, collector_on, tmp_path, monkeypatch):
    """In a process of its own (the CLI's, a worker: system.pool.own_process) each book is written with Python's
    cyclic garbage collector paused (~10 % of generate's CPU: benchmarks/RESULTS.md): after generate it is on again
    (off where it was off), and no book's sheets are left in memory. In any other (the page's server, an analyst's
    program) it is never touched: another thread of the process sees it on throughout."""
    import gc
    import threading

    from xlsxwriter.worksheet import Worksheet

    from tests.conftest import make_folder
    from thidua_xlsx import service
    from thidua_xlsx.system import pool

    def sheets_alive() -> int:
        return sum(isinstance(o, Worksheet) for o in gc.get_objects())

    monkeypatch.setattr(pool, "_OWNED", owned)
    folder = make_folder(tmp_path / "campaign", cm.from_dict(campaign_dict()))
    before = sheets_alive()
    seen, done = set(), threading.Event()

    def watch() -> None:
        while not done.wait(0.0005):
            seen.add(gc.isenabled())

    watcher = threading.Thread(target=watch)
    if not collector_on:
        gc.disable()
    paused: list[bool] = []  # each pause, as generate asks for it (the watcher may not run while it lasts)
    pause = gc.disable
    monkeypatch.setattr(gc, "disable", lambda: (paused.append(True), pause())[1])
    watcher.start()
    try:
        generated = service.generate_round(folder, ly.SCORING, tmp_path / "outbox")
        assert gc.isenabled() is collector_on
    finally:
        done.set()
        watcher.join()
        gc.enable()
    assert len(generated.paths) == 2 and not generated.problems.errors
    assert bool(paused) == (owned and collector_on)  # (the watcher alone was flaky: on a loaded machine it saw no
    if not (owned and collector_on):  # pause) — never touched: another thread sees it as it was throughout
        assert seen == ({False} if not collector_on else {True})
    if not (owned and collector_on):  # what the books left in cycles (their sheets and workbook) waits for one
        gc.collect()
    assert sheets_alive() <= before
