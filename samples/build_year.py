"""Rebuild samples/ca-nam/: the evaluation year of Nghị định 233/2026 (in force from 01/07/2026) at Trường THCS Kim
Sơn, school year 2026-2027, two monthly periods (Tháng 9 and 10/2026, both over when the sample was made) then the
year.

    python samples/build_year.py

The commune's sample (build_commune.py) builds the same school's 2025-2026 year with :func:`build` into a scratch
folder, its school year being the samples' 2025-2026.

Steps, as the secretary and the departments would do them:
1. ``init --level nd233`` in samples/ca-nam/ (fixed campaign id), moved to 2026-2027 (the school's Kế hoạch of sheet
   Căn cứ too: dated 22/9/2026, for 2026-2027), its periods cut to the first two months and the ratings of sheet
   Nhân sự emptied but one (the year computes them; GV034's stays, the authority's word);
2. the registration round: everyone registers LĐTT, those rated HTXSNV last year or with a sáng kiến CSTĐCS, but
   GV017, who registers nothing; every department registers TTLĐTT (tong-hop_dang-ky.xlsx);
3. each month ``generate --period`` (with ``--from`` the registrations) and every department fills its scores
   (inbox/<period>/); GV019 is not scored in Tháng 10;
4. each month ``merge --period`` → ky/tong-hop_<period>.xlsx (the service the command runs), then the head's pass on it
   (``--council``: Tháng 10 with one score the head set), kept as hoi-dong/hieu-truong_<period>.xlsx — every month
   final, so the year is not a draft;
5. ``thidua-xlsx year ky/`` → tong-hop_ca-nam.xlsx and ca-nam.json: the year's score the average of the months,
   GV019's missing month said, the HTXSNV cap ranking nine teachers for six slots, the titles from the ratings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent / "ca-nam"
sys.path.insert(0, str(HERE.parent.parent))

from samples.build_samples import record_outputs  # noqa: E402
from tests.filling import REGISTERED_ON, fill, layout, person_values, register, stamp_saved_time  # noqa: E402
from tests.head_pass import head_scores  # noqa: E402
from thidua_xlsx.commands.merge import merge, year  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402
from thidua_xlsx.model.campaign import moved_years  # noqa: E402
from thidua_xlsx.model.places import CAMPAIGN_FILE  # noqa: E402
from thidua_xlsx.model.requests import MergeRequest  # noqa: E402
from thidua_xlsx.model.titles import CSTDCS, LDTT, NOT_REGISTERED, TTLDTT  # noqa: E402
from thidua_xlsx.read.presets import load_preset  # noqa: E402
from thidua_xlsx.service import generate_round, init_campaign  # noqa: E402
from thidua_xlsx.steps.workspace import CampaignFolder, open_campaign  # noqa: E402

CAMPAIGN_ID = "kimson-nd233-{year}"
MONTHS = 2
SHIFT = 1  # the preset's 2025-2026 moved to 2026-2027, within NĐ 233
NOT_REGISTERING = "GV017"  # chooses "Không đăng ký": Tổ KHTN has 4 of 7 LĐTT (57 %), TTLĐTT by the national rule
# (> 50 %), not by Bắc Ninh's (≥ 70 %, QĐ 86/2025 điều 4 khoản 2)
KEEP_ENTERED = "GV034"  # the authority rated KHTNV: it wins over the months' HTTNV, flagged for the council
NOT_SCORED = ("GV019", "thang-10")  # one person, one month without a score
# The year's level of those rated HTXSNV last year, best first: the first six keep HTXSNV (20 % of HTTNV in
# the staff's group), the last three are rated HTTNV by the cap.
EXCELLENT = {"GV009": 96, "GV027": 95, "GV029": 94.5, "GV016": 94, "GV031": 93, "NV001": 92.5,
             "GV001": 91.5, "GV008": 91, "GV023": 90.5, "QL001": 93.5, "QL002": 92}
LEVEL = {"HTTNV": 80, "HTNV": 62, "KHTNV": 80}
SWING = (-1, 1)  # month by month around the level: the average is the level
# The head's pass on each month (a score the head set, with the head's note); a month without one is passed as merged.
HEAD_CHANGES = {"thang-10": {"GV004": (81.5, "Hiệu trưởng chấm lại tiêu chí 2.1 theo minh chứng bổ sung")}}
PLAN = "Căn cứ Kế hoạch số"  # the school's own plan of the year (sheet Căn cứ): dated in the year it plans


def main() -> None:
    periods, people, capped = build(HERE, SHIFT)
    print(f"samples/ca-nam rebuilt: {periods} periods, {people} people, capped: {', '.join(capped)}")


def build(here: Path, shift: int, authority_code: str = "") -> tuple[int, int, list[str]]:
    """The sample year in ``here`` (emptied first), the preset's school year moved ``shift`` years, sealed with the
    level above's ``authority_code`` when given: the number of periods, of people and the codes the HTXSNV cap rated
    HTTNV."""
    folder = start(here, shift, authority_code)
    campaign = folder.campaign
    registrations = register(folder, registered_titles(), here,
                             collective={d.code: TTLDTT for d in campaign.departments},
                             saved=REGISTERED_ON.replace(year=REGISTERED_ON.year + shift))
    shutil.rmtree(here / "outbox-dang-ky")
    for k, period in enumerate(campaign.periods):
        made = generate_round(folder, ly.SCORING, here / "outbox" / period.code, registrations, today=period.start,
                              period=period.code)
        assert not made.problems.errors, [p.render() for p in made.problems]
        inbox = here / "inbox" / period.code
        for path in made.paths:
            fill_period(campaign, path, inbox / path.name, k, period.code)
        (here / "ky").mkdir(exist_ok=True)  # as the README's merge writes it (thidua-xlsx merge … --period …)
        summary = here / "ky" / f"tong-hop_{period.code}.xlsx"
        merged = merge(MergeRequest(inbox=inbox, output=summary, period=period.code, campaign_path=here))
        assert merged.report.valid, merged.report.to_dict()
        with tempfile.TemporaryDirectory() as work:  # the head's pass (NĐ 233/2026 điều 13 khoản 2): the month final
            headed = Path(work) / f"hieu-truong_{period.code}.xlsx"
            head_scores(summary, headed, HEAD_CHANGES.get(period.code, {}))
            stamp_saved_time(headed, dt.datetime.combine(period.end + dt.timedelta(days=3), dt.time(10, 0)))
            passed = merge(MergeRequest(inbox=inbox, output=summary, period=period.code, campaign_path=here,
                                        council_path=headed, force=True))
        assert passed.report.valid and passed.council, passed.report.to_dict()
    shutil.rmtree(here / "outbox")
    # the year as the README's command writes it (thidua-xlsx year ky --campaign . -o … --json …): the same service,
    # with what the campaign's opening and its rule set say, and today's date
    report = year(MergeRequest(inbox=here / "ky", output=here / "tong-hop_ca-nam.xlsx", json_path=here / "ca-nam.json",
                               campaign_path=here))
    record_outputs(here, [here / "tong-hop_dang-ky.xlsx", here / "tong-hop_ca-nam.xlsx", here / "ca-nam.json",
                          *sorted((here / "ky").glob("*.xlsx"))])
    assert report.report.valid, report.report.to_dict()
    data = json.loads((here / "ca-nam.json").read_text(encoding="utf-8"))
    return (len(data["year"]["periods"]), len(data["people"]),
            [p["code"] for p in data["people"] if p["year"] and p["year"]["capped"]])


def start(here: Path, shift: int, authority_code: str = "") -> CampaignFolder:
    """The campaign as init writes it in ``here`` (emptied first), then moved and cut as the sample's: the preset's
    school year moved ``shift`` years, its first periods, the ratings emptied but one, this year's plan."""
    shutil.rmtree(here, ignore_errors=True)
    preset = moved_years(load_preset("nd233"), shift)
    staff = tuple(replace(p, facts=replace(p.facts, rating=p.facts.rating if p.code == KEEP_ENTERED else None))
                  for p in preset.staff)
    campaign_id = CAMPAIGN_ID.format(year=preset.school.school_year)
    init_campaign(here, "nd233", campaign=replace(preset, id=campaign_id, periods=preset.periods[:MONTHS], staff=staff,
                                                  school=replace(preset.school, authority_code=authority_code),
                                                  legal_basis=this_years_plan(preset.legal_basis, shift)))
    folder, problems = open_campaign(here / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    return folder


def registered_titles() -> dict[str, str]:
    """What each person registers (by code): CSTĐCS those rated HTXSNV last year or with a sáng kiến, LĐTT the others,
    nothing for the one who does not register."""
    titles = {p.code: CSTDCS if p.code in EXCELLENT or p.facts.initiative_decision else LDTT
              for p in load_preset("nd233").staff}
    return titles | {NOT_REGISTERING: NOT_REGISTERED}


def this_years_plan(basis: tuple[str, ...], shift: int) -> tuple[str, ...]:
    """Sheet Căn cứ with the school's own plan (its "Kế hoạch" line) of the moved year: the preset's plan is dated
    and named for 2025-2026, and a Tờ trình of 2026-2027 cannot rest on last year's plan. The laws stay as cited."""
    def moved(line: str) -> str:
        return re.sub(r"\b20\d\d\b", lambda m: str(int(m[0]) + shift), line) if PLAN in line else line

    return tuple(map(moved, basis))


def fill_period(campaign, src: Path, dst: Path, month: int, period: str) -> None:
    """A department's book of a period as it fills it (the sample's scores, ``month`` the period's index)."""
    rated = {p.code: p.facts.rating for p in load_preset("nd233").staff}
    values = {}
    for rec in layout(src).of_kind(ly.ScoringSheet):
        if (rec.person_code, period) == NOT_SCORED or rec.person_code not in rated:  # a spare form stays blank
            continue
        level = EXCELLENT.get(rec.person_code) or LEVEL.get(rated.get(rec.person_code), 80)
        scores = _criteria(campaign.rubric_for(rec.role), level + SWING[month])
        values |= person_values(rec, scores, scores)
    fill(src, dst, values)
    stamp_saved_time(dst, dt.datetime.combine(campaign.periods[month].end, dt.time(16, 0)))


def _criteria(rubric, total: float) -> dict[str, float]:
    """Each criterion's score, in halves, adding up to ``total``: the general criteria near full, the tasks
    sharing the rest by their weight."""
    general, tasks = rubric.groups[0], rubric.groups[1]
    scores = {item.code: item.max - (0.5 if total < 90 else 0) for item in general.items}
    rest = total - sum(scores.values())
    for item in tasks.items[:-1]:
        scores[item.code] = round(item.max * rest / tasks.max * 2) / 2
    scores[tasks.items[-1].code] = rest - sum(scores[i.code] for i in tasks.items[:-1])
    return scores


if __name__ == "__main__":
    main()
