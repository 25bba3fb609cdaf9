"""End to end: titles are codes inside and names at the edges. A title the school adds to its campaign,
which the tool does not know, goes from campaign.xlsx to the department's dropdown, the registration, the
scoring form and the summary under its own name; a title typed in another case or without accents is
recognised as the one the list offers."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import register, sheet
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.read.registrations import read_registration_summary
from thidua_xlsx.service import generate_round, merge_inbox
from thidua_xlsx.write.report_json import write_report_json
from thidua_xlsx.write.summary import write_summary

OWN = "Giáo viên tiêu biểu của trường"  # the school's own title: no code, its name is its identity


def test_a_title_the_school_adds_flows_through_under_its_name(tmp_path):
    data = campaign_dict()
    data["titles"] = {**data["titles"], "individual": ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", OWN]}
    folder = make_folder(tmp_path / "campaign", cm.from_dict(data))  # through campaign.xlsx and back
    assert folder.campaign.titles.individual == (LDTT, CSTDCS, OWN)

    typed = {"GV01": OWN.upper(), "GV02": "chien si thi dua co so", "GV03": "Lao động tiên tiến",
             "GV04": "Lao động tiên tiến", "GV05": "Lao động tiên tiến", "NV01": "Lao động tiên tiến"}
    registration = register(folder, typed, tmp_path / "dang-ky",
                            collective={"T1": "tập thể lao động tiên tiến", "T2": "Tập thể lao động tiên tiến"})
    shown = {row[1].value: row[5].value for row in load_workbook(registration)["Đăng ký"].iter_rows()
             if row[1].value in typed}
    assert (shown["GV01"], shown["GV02"]) == (OWN, "Chiến sĩ thi đua cơ sở")  # the names the lists offer
    found = read_registration_summary(registration, folder.campaign, Problems())
    assert (found.people["GV01"].title, found.people["GV02"].title, found.collective["T1"]) == (OWN, CSTDCS, "TTLDTT")

    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", registration).paths
    form = sheet(t1, ly.ScoringSheet, "GV01")
    wb = load_workbook(t1)
    assert wb[form.name][form.title_cell].value == OWN
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    summary = merge_inbox(inbox, folder)
    gv01 = next(p for p in summary.people if p.code == "GV01")
    own = next(d for d in gv01.decisions if d.title == OWN)
    assert (gv01.registered, own.pending, own.granted) == (OWN, True, False)  # left to the council, by its name

    write_summary(summary, tmp_path / "tong-hop.xlsx")
    texts = {str(c.value) for ws in load_workbook(tmp_path / "tong-hop.xlsx") for row in ws.iter_rows() for c in row
             if c.value is not None}
    assert OWN in texts and not {LDTT, CSTDCS} & texts  # names in the workbook, never codes
    write_report_json(summary, tmp_path / "bao-cao.json")
    people = {p["code"]: p for p in json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))["people"]}
    assert people["GV01"]["registered"] == OWN and people["GV02"]["registered"] == "CSTDCS"
    assert OWN in [d["title"] for d in people["GV01"]["decisions"]]
