"""NĐ 152/2025 điều 4 khoản 6, end to end: a woman and a man tied for the last CSTĐCS slot of the quota; the
woman is proposed, the man is not, each reason citing the article; the roster's genders come from campaign.xlsx."""

from __future__ import annotations

import json

from tests.conftest import campaign_dict
from tests.decide.conftest import SAVED, run
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.model.titles import CSTDCS


def test_a_woman_and_a_man_tied_for_the_last_slot_the_woman_is_proposed(tmp_path):
    staff = [dict(p, gender="Nam") if p["code"] == "GV02" else p for p in campaign_dict()["staff"]]
    folder, (t1, t2) = scoring_round(tmp_path, staff=staff,
                                     rules={"ldtt_min_classification": "Tốt", "cstdcs_quota_percent": 25})
    inbox = folder.folder / "inbox"
    tied = {**T1_SCORES, "GV02": T1_SCORES["GV01"]}  # GV02 (a man) scored exactly as GV01 (a woman)
    fill_department(t1, inbox / t1.name, tied, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    result = run("merge", inbox, "-o", tmp_path / "S.xlsx", "--json", tmp_path / "R.json")
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads((tmp_path / "R.json").read_text("utf-8"))["people"]}

    woman = next(d for d in people["GV01"]["decisions"] if d["title"] == CSTDCS)
    man = next(d for d in people["GV02"]["decisions"] if d["title"] == CSTDCS)
    assert (woman["granted"], man["granted"], man["pending"]) == (True, False, False)
    first = {r["code"]: r["params"] for r in woman["reasons"]}["quota.women_first"]  # after the grant's own reason
    assert (first["citation"], first["tied"], first["left"]) == ("NĐ 152/2025 điều 4 khoản 6", 2, 1)
    assert man["reasons"][0]["code"] == "quota.women_first_out"
    assert man["reasons"][0]["params"]["citation"] == "NĐ 152/2025 điều 4 khoản 6"
    assert (people["GV01"]["proposed"], people["GV02"]["proposed"]) == (CSTDCS, "LDTT")
