"""A monthly THCS year (``init --level nd233``, 2026-2027) written as a draft on 10/11/2026 with people in each
state a title can be in: Tháng 9 and Tháng 10 scored by every department, except one teacher whose Tháng 10 form
came back with a required item blank (her year waits for that month); one teacher disciplined (khiển trách: she
does not meet LĐTT's condition); the facts of Nhân sự entered for the first two departments only (the others' titles
wait for them).
Shared by the tests that read every output back for "chờ" and "không đủ điều kiện"."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.campaign_books import set_staff
from tests.filling import fill, layout, person_values, register, stamp_saved_time

TODAY = dt.date(2026, 11, 10)  # Tháng 9 and Tháng 10 over, Tháng 11 running
KNOWN_DEPARTMENTS = 2  # the departments whose people's facts the secretary entered in Nhân sự


@dataclass(frozen=True)
class WaitingYear:
    root: Path
    campaign: object
    data: dict  # the year's JSON
    summary: Path  # tong-hop_ca-nam.xlsx
    docs: Path  # the papers' folder
    waiting: str  # her Tháng 10 form came back unfinished: her year waits for it
    refused: str  # disciplined (khiển trách): refused LĐTT
    unknown: str  # in a department whose facts nobody entered: waits for them


def build(root: Path, monkeypatch) -> WaitingYear:
    from tests.new_user_year import _criteria, on_day
    from tests.no_office import without_libreoffice
    from thidua_xlsx.commands.merge import merge, year
    from thidua_xlsx.model import campaign_book as cb
    from thidua_xlsx.model import layout as ly
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.model.requests import MergeRequest
    from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT
    from thidua_xlsx.service import generate_round, init_campaign
    from thidua_xlsx.steps.workspace import open_campaign

    on_day(monkeypatch, TODAY)
    without_libreoffice(monkeypatch)  # its papers read as Word: no PDF made
    here = root / "truong"
    init_campaign(here, "nd233")
    folder, problems = open_campaign(here / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    codes = [d.code for d in folder.campaign.departments]
    teachers = {c: [p.code for p in folder.campaign.staff if p.department == c and p.code.startswith("GV")]
                for c in codes}
    waiting, refused, unknown = teachers[codes[0]][-1], teachers[codes[1]][-1], teachers[codes[-2]][-1]
    for code in codes[:KNOWN_DEPARTMENTS]:
        for person in (p.code for p in folder.campaign.staff if p.department == code):
            disciplined = {"Kỷ luật": "Khiển trách", cb.SCOPE_HEADER: "Khác"} if person == refused else \
                {"Kỷ luật": "Không"}
            set_staff(here / CAMPAIGN_FILE, person, **{"Số tháng làm việc": 12, "Số ngày nghỉ": 0,
                                                       "Đang xem xét kỷ luật": "Không", **disciplined})
    folder, problems = open_campaign(here / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    campaign = folder.campaign
    titles = {p.code: LDTT for p in campaign.staff} | {waiting: CSTDCS, unknown: CSTDCS}
    registrations = register(folder, titles, here, collective={c: TTLDTT for c in codes})
    (here / "ky").mkdir(exist_ok=True)
    for k, period in enumerate(campaign.periods[:2]):
        made = generate_round(folder, ly.SCORING, here / "outbox" / period.code, registrations, today=period.start,
                              period=period.code)
        inbox = here / "inbox" / period.code
        for path in made.paths:
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                if rec.person_code not in {p.code for p in campaign.staff}:
                    continue
                scores = _criteria(campaign.rubric_for(rec.role), 92 + k)
                if k == 1 and rec.person_code == waiting:  # one required item left blank by her and her department
                    scores.pop(next(iter(scores)))
                values |= person_values(rec, scores, scores)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime.combine(period.end, dt.time(16, 0)))
        merged = merge(MergeRequest(inbox=inbox, output=here / "ky" / f"tong-hop_{period.code}.xlsx",
                                    period=period.code, campaign_path=here))
        assert merged.report.valid, merged.report.to_dict()
    out = here / "tong-hop_ca-nam.xlsx"
    result = year(MergeRequest(inbox=here / "ky", output=out, json_path=here / "ca-nam.json", campaign_path=here,
                               docs_dir=here / "ho-so"))
    assert result.report.valid, result.report.to_dict()
    data = json.loads((here / "ca-nam.json").read_text(encoding="utf-8"))
    return WaitingYear(here, campaign, data, out, here / "ho-so", waiting, refused, unknown)


@pytest.fixture(scope="module")
def waiting_year(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield build(tmp_path_factory.mktemp("cho-xet"), monkeypatch)
