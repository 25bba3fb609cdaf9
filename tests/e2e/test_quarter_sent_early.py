"""A quarterly THCS year (``init --level thcs --cham-theo quy``, 2026-2027) whose departments all sent their Quý I
books before the quarter ended (saved 18/11/2026, merged on 20/11/2026): the year written with its papers that day
counts them as sent — the Biên bản's "(N người của 6/6 tổ đã nộp)", in the Word paper and on the summary's sheet —
never "0 người của 0/6 tổ" (docs/domain.md: the Biên bản's "đã nộp" counts the books that came for the periods the
year covers, over or not)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.documents import docx_text
from tests.filling import fill, layout, person_values, register, stamp_saved_time
from tests.init_fixtures import on_day
from tests.new_user_year import _criteria, one_line, sheet_lines
from tests.no_office import without_libreoffice
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx

INSIDE_Q1 = dt.date(2026, 11, 20)  # Quý I (01/9 – 30/11/2026) still running


@pytest.fixture(scope="module")
def early(tmp_path_factory):
    from thidua_xlsx.commands.merge import merge, year
    from thidua_xlsx.model import layout as ly
    from thidua_xlsx.model.places import CAMPAIGN_FILE
    from thidua_xlsx.model.requests import MergeRequest
    from thidua_xlsx.model.titles import LDTT
    from thidua_xlsx.service import generate_round, init_campaign
    from thidua_xlsx.steps.workspace import open_campaign

    with pytest.MonkeyPatch.context() as monkeypatch:
        on_day(monkeypatch, INSIDE_Q1)
        without_libreoffice(monkeypatch)
        here = tmp_path_factory.mktemp("quy-som") / "truong"
        init_campaign(here, "thcs", scoring="quy")
        folder, problems = open_campaign(here / CAMPAIGN_FILE)
        assert folder is not None, [p.render() for p in problems]
        campaign = folder.campaign
        registrations = register(folder, {p.code: LDTT for p in campaign.staff}, here)
        quarter = campaign.periods[0]
        made = generate_round(folder, ly.SCORING, here / "outbox" / quarter.code, registrations,
                              today=quarter.start, period=quarter.code)
        inbox = here / "inbox" / quarter.code
        for path in made.paths:
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                if rec.person_code in {p.code for p in campaign.staff}:
                    scores = _criteria(campaign.rubric_for(rec.role), 88)
                    values |= person_values(rec, scores, scores)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime(2026, 11, 18, 16, 0))  # before the quarter's end
        (here / "ky").mkdir()
        merged = merge(MergeRequest(inbox=inbox, output=here / "ky" / f"tong-hop_{quarter.code}.xlsx",
                                    period=quarter.code, campaign_path=here))
        assert merged.report.valid, merged.report.to_dict()
        out = here / "tong-hop_ca-nam.xlsx"
        result = year(MergeRequest(inbox=here / "ky", output=out, json_path=here / "ca-nam.json", campaign_path=here,
                                   docs_dir=here / "ho-so"))
        assert result.report.valid, result.report.to_dict()
        yield {"campaign": campaign, "summary": out, "docs": here / "ho-so",
               "data": json.loads((here / "ca-nam.json").read_text(encoding="utf-8"))}


def test_every_department_that_sent_quy_i_early_counts_as_sent(early):
    departments = early["data"]["departments"]
    assert departments and all(d["submitted"] for d in departments), departments
    people, count = len(early["data"]["people"]), len(departments)
    said = dw.MINUTES_CONTENT.split("(")[-1].format(people=people, submitted=count, departments=count)
    assert said in one_line(docx_text(early["docs"] / "02_Bien-ban-hop-binh-xet.docx"))
    sheet = one_line(" ".join(sheet_lines(early["summary"], sx.S_MINUTES)))
    assert f"({people} người của {count}/{count} tổ đã nộp)" in sheet
    assert f"0 người của 0/{count} tổ" not in sheet
