"""Final summaries made by the tool for the history's tests: a small school's year run end to end (registration,
scoring, merge), written as ``tong-hop.xlsx`` carrying each person's and department's outcomes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tests.conftest import campaign_dict, make_folder
from tests.filling import council_types, register
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES, fill_department
from thidua_xlsx.decide.ballots import candidates
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.service import apply_council_file, generate_round, merge_inbox
from thidua_xlsx.write.summary import write_summary


def year_campaign(year: str = "2025-2026", campaign_id: str = "test-campaign", **school) -> cm.Campaign:
    data = campaign_dict(id=campaign_id)
    start = int(year[:4])
    data["school"] = {**data["school"], "school_year": year, "registration_deadline": f"{start}-09-30",
                      "scoring_deadline": f"{start + 1}-05-20", **school}
    return cm.from_dict(data)


def final_summary(work: Path, campaign: cm.Campaign, name: str = "tong-hop.xlsx", council: bool = True) -> Path:
    """The year of ``campaign`` run end to end in ``work``, passed by its council (agreeing with every proposal)
    unless ``council`` is False; the summary's path."""
    folder = make_folder(work / "campaign", campaign)
    registration = register(folder, TITLES, work / "dang-ky",
                            collective={"T1": "Tập thể lao động tiên tiến", "T2": "Tập thể lao động tiên tiến"})
    t1, t2 = generate_round(folder, ly.SCORING, work / "outbox", registration).paths
    inbox = folder.folder / "inbox"
    year = int(campaign.school.school_year[:4]) + 1
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(year, 5, 12, 8, 0))
    fill_department(t2, inbox / t2.name, T2_SCORES, dt.datetime(year, 5, 12, 8, 0))
    summary = merge_inbox(inbox, folder)
    path = work / name
    write_summary(summary, path)
    if council:  # the council met, voted for every candidate on its ballot (all its members) and changed nothing
        members = 9
        met = work / f"hoi-dong_{name}"
        council_types(path, met, {}, tally={"members": members, "present": members, "ballots_issued": members,
                                            "ballots_returned": members},
                      votes={(c.code, c.title): members for c in candidates(summary.people, summary.departments,
                                                                         campaign.rules)})
        passed, problems = apply_council_file(summary, met)
        assert passed is not None, [p.render() for p in problems]
        write_summary(passed, path)
    return path


OUTCOME = ("GV01", "Nguyễn Thị Lan", "1985-01-02", "HTXSNV", ("LDTT", "CSTDCS"), "", "", "", "", "Không")


def crafted_summary(path: Path, school: str = "Trường Tiểu học Thử Nghiệm", **meta) -> Path:
    """A workbook that says of itself what a summary's metadata says (``meta`` over a year's final summary with
    one person's outcome): for the refusals that need a summary of another kind, version or school."""
    import xlsxwriter

    from thidua_xlsx.write import engine

    fields = {"campaign_id": "test-campaign", "school_year": "2024-2025", "round": ly.SCORING, "inputs": (),
              "departments_submitted": ("T1",), "outcomes": (OUTCOME,),
              "department_outcomes": (("T1", "Tổ khối 1", ("TTLDTT",)),), **meta}
    wb = xlsxwriter.Workbook(str(path))
    engine.set_properties(wb, "Tổng hợp", school, engine.FIXED_DATE)
    wb.add_worksheet("Tổng quan").write_string(0, 0, school)
    engine.meta_sheet(wb, dataclasses.asdict(ly.SummaryMeta(**fields)))
    wb.close()
    return path
