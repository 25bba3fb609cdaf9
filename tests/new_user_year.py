"""A new user: a THCS school scoring monthly (``init --level nd233`` in 2026-2027, the sample school as
written), its registration merged with four departments' books missing, Tháng 9 scored by all but a teacher who came
from another school (her department leaves her form blank; the head types the former school's score at the month's
pass, NĐ 233/2026 điều 15 khoản 1 điểm a) and passed by the head, Tháng 10 sent by three departments and not passed
yet, then the year's summary, JSON and papers written as a draft on 10/11/2026 — the papers a principal would sign,
to be read back against the run's JSON."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.filling import fill, layout, person_values, register, stamp_saved_time
from tests.head_pass import head_scores

TODAY = dt.date(2026, 11, 10)  # Tháng 9 and 10 over, Tháng 11 running, December to May not come
MISSING_REGISTRATION = 4  # the last four departments never send their registration book
MISSING_OCTOBER = 3  # the last three departments never send their Tháng 10 book
FORMER_SCHOOL_SCORE = 85.0  # the came-in teacher's Tháng 9 at her former school, typed by the head


@dataclass(frozen=True)
class Journey:
    root: Path
    campaign: object
    data: dict  # the year's JSON
    summary: Path  # tong-hop_ca-nam.xlsx
    docs: Path  # the papers' folder
    registered_departments: tuple[str, ...]
    october_departments: tuple[str, ...]
    output: str
    not_registering: str  # the one who chose "Không đăng ký" (in a department that sent its registration book)
    arrived: str  # came from another school in October: her Tháng 9 is the former school's, typed by the head


def on_day(monkeypatch, day: dt.date) -> None:
    """Every command run as on ``day`` in Vietnam (as tests/init_fixtures.on_day, for a module's monkeypatch)."""
    from tests.init_fixtures import on_day as patch

    patch(monkeypatch, day)


def build(root: Path, monkeypatch) -> Journey:
    from thidua_xlsx.commands.merge import merge, year
    from thidua_xlsx.model import layout as ly
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.model.requests import MergeRequest
    from thidua_xlsx.model.titles import LDTT, NOT_REGISTERED, TTLDTT
    from thidua_xlsx.service import generate_round, init_campaign
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.system.voice import Voice

    on_day(monkeypatch, TODAY)
    here = root / "truong"
    init_campaign(here, "nd233")
    folder, problems = open_campaign(here / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    campaign = folder.campaign
    codes = [d.code for d in campaign.departments]
    registered = tuple(codes[:len(codes) - MISSING_REGISTRATION])
    chooser = [p.code for p in campaign.staff if p.department == registered[-1]][-1]
    titles = {p.code: LDTT for p in campaign.staff} | {chooser: NOT_REGISTERED}
    registrations = register(folder, titles, here, collective={c: TTLDTT for c in codes},
                             skip_departments=tuple(codes[len(registered):]))
    october = tuple(codes[:len(codes) - MISSING_OCTOBER])
    arrived = [p.code for p in campaign.staff if p.department == october[0]][-1]
    (here / "ky").mkdir(exist_ok=True)
    for k, period in enumerate(campaign.periods[:2]):
        made = generate_round(folder, ly.SCORING, here / "outbox" / period.code, registrations, today=period.start,
                              period=period.code)
        inbox = here / "inbox" / period.code
        for path in made.paths:
            found = layout(path)
            if k == 1 and found.department_code not in october:
                continue
            values = {}
            for rec in found.of_kind(ly.ScoringSheet):
                if rec.person_code not in {p.code for p in campaign.staff} or (k == 0 and rec.person_code == arrived):
                    continue
                scores = _criteria(campaign.rubric_for(rec.role), 84 + k)
                values |= person_values(rec, scores, scores)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime.combine(period.end, dt.time(16, 0)))
        summary = here / "ky" / f"tong-hop_{period.code}.xlsx"
        merged = merge(MergeRequest(inbox=inbox, output=summary, period=period.code, campaign_path=here))
        assert merged.report.valid, merged.report.to_dict()
        if k == 0:  # the head's pass on Tháng 9 (NĐ 233/2026 điều 13 khoản 2)
            with tempfile.TemporaryDirectory() as work:
                headed = Path(work) / f"hieu-truong_{period.code}.xlsx"
                head_scores(summary, headed, {arrived: (FORMER_SCHOOL_SCORE, "Kết quả tại trường cũ")})
                passed = merge(MergeRequest(inbox=inbox, output=summary, period=period.code, campaign_path=here,
                                            council_path=headed, force=True))
            assert passed.report.valid and passed.council
    said: list[str] = []
    voice = Voice(say=said.append, warn=said.append)
    out = here / "tong-hop_ca-nam.xlsx"
    result = year(MergeRequest(inbox=here / "ky", output=out, json_path=here / "ca-nam.json", campaign_path=here,
                               docs_dir=here / "ho-so"), voice)
    assert result.report.valid, result.report.to_dict()
    data = json.loads((here / "ca-nam.json").read_text(encoding="utf-8"))
    return Journey(here, campaign, data, out, here / "ho-so", registered, october, "\n".join(said), chooser, arrived)


def _criteria(rubric, total: float) -> dict[str, float]:
    """Each criterion's score adding up to ``total`` (the general criteria full, the tasks sharing the rest)."""
    general, tasks = rubric.groups[0], rubric.groups[1]
    scores = {item.code: float(item.max) for item in general.items}
    rest = total - sum(scores.values())
    for item in tasks.items[:-1]:
        scores[item.code] = round(item.max * rest / tasks.max * 2) / 2
    scores[tasks.items[-1].code] = rest - sum(scores[i.code] for i in tasks.items[:-1])
    return scores


@pytest.fixture(scope="module")
def journey(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield build(tmp_path_factory.mktemp("nguoi-moi"), monkeypatch)


@pytest.fixture(scope="module")
def journey_in_word(tmp_path_factory):
    """The same year on a computer without LibreOffice (tests/no_office.py): its papers in Word alone, for a module
    that never reads a PDF."""
    from tests.no_office import without_libreoffice

    with pytest.MonkeyPatch.context() as monkeypatch:
        without_libreoffice(monkeypatch)
        yield build(tmp_path_factory.mktemp("nguoi-moi"), monkeypatch)


def sheet_lines(path: Path, name: str) -> list[str]:
    """A sheet of ours, each row's cells joined (calamine: values only)."""
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    return [" | ".join(str(v) for v in row if v not in ("", None)) for row in rows if any(v not in ("", None)
                                                                                             for v in row)]


def one_line(text: str) -> str:
    return " ".join(text.split())
