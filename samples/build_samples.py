"""Rebuild samples/: a whole school year of Trường Tiểu học Trực Cường, from init to summary.

    python samples/build_samples.py

Steps, as the secretary and the departments would do them:
1. ``init`` the campaign (tiểu học preset, fixed campaign id so the rebuild is reproducible);
2. ``generate`` the registration round; departments fill their lists (inbox-dang-ky/);
3. ``merge`` the registrations → tong-hop-dang-ky.xlsx;
4. ``generate --from`` it for the scoring round; departments fill scores (inbox/), with the
   mishaps of a real year: one department never sends, one sends twice, one file has
   out-of-range scores and blanks, a newcomer on a spare sheet whose name was typed with
   combining marks, an Excel lock file left beside a workbook;
5. ``merge`` the scores → tong-hop.xlsx and bao-cao.json.

Only unlocked cells are written (tests/filling.py refuses locked ones), as teachers would.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.filling import fill, person_values, record, records, stamp_saved_time  # noqa: E402
from thidua_xlsx import campaign as cm  # noqa: E402
from thidua_xlsx import rules  # noqa: E402
from thidua_xlsx.service import generate_round, init_campaign, merge_inbox  # noqa: E402
from thidua_xlsx.summary import write_report_json, write_summary  # noqa: E402

CAMPAIGN_ID = "truccuong-2025-2026"
MISSING_DEPARTMENT = "TO-CB"  # never sends its scores
TWICE_DEPARTMENT = "TO-K23"  # sends a first version, then a corrected one
FAULTY_DEPARTMENT = "TO-K45"  # out-of-range scores, blanks, a score typed as text "9,5"
LOCKED_DEPARTMENT = "TO-VP"  # an Excel lock file sits beside its workbook
NEWCOMER = "Nguyễn Thị Hồng Nhung"


def main() -> None:
    for name in ("campaign", "outbox", "inbox-dang-ky", "inbox"):
        shutil.rmtree(HERE / name, ignore_errors=True)
    init_campaign(HERE / "campaign", "tieu-hoc", campaign_id=CAMPAIGN_ID)
    campaign = _load(HERE / "campaign" / "campaign.xlsx")

    registration_paths, _ = generate_round(campaign, "dang-ky", HERE / "outbox" / "dang-ky")
    for path in registration_paths:
        _fill_registration(campaign, path, HERE / "inbox-dang-ky" / path.name)
    registration = merge_inbox(HERE / "inbox-dang-ky")
    write_summary(registration, HERE / "tong-hop-dang-ky.xlsx")

    scoring_paths, problems = generate_round(campaign, "cham-diem", HERE / "outbox" / "cham-diem",
                                             HERE / "tong-hop-dang-ky.xlsx")
    assert not problems.errors, [p.render() for p in problems]
    for path in scoring_paths:
        _fill_scoring(campaign, path, HERE / "inbox")
    summary = merge_inbox(HERE / "inbox")
    write_summary(summary, HERE / "tong-hop.xlsx")
    write_report_json(summary, HERE / "bao-cao.json")
    print(f"samples rebuilt: {len(summary.files)} files in inbox/, {len(summary.people)} people")


def _load(path: Path) -> cm.Campaign:
    from thidua_xlsx.campaign_book import load_campaign_book

    campaign, problems = load_campaign_book(path)
    assert campaign is not None, [p.render() for p in problems]
    return campaign


def _registered_title(person: cm.Person) -> str:
    f = person.facts
    if f.rating == "HTXSNV" or f.initiative:
        return rules.CSTDCS
    return rules.LDTT


def _fill_registration(campaign: cm.Campaign, src: Path, dst: Path) -> None:
    recs = records(src)
    reg = record(recs, "registration")
    sheet, cols = reg["name"], reg["cols"]
    values = {}
    members = {p.code: p for p in campaign.staff}
    for n, (code, row) in enumerate(sorted(reg["rows"].items())):
        person = members[code]
        if code == "GV015":  # forgot to register: will not be considered at the end of the year
            continue
        values[(sheet, f"{cols['title']}{row}")] = _registered_title(person)
        if person.facts.initiative:
            values[(sheet, f"{cols['initiative']}{row}")] = person.facts.initiative
        if _registered_title(person) == rules.CSTDCS:
            values[(sheet, f"{cols['form']}{row}")] = "Giấy khen của Chủ tịch UBND xã"
    department = src.name
    if "khoi-2-3" in department:
        spare = reg["spare_rows"][0]
        values[(sheet, f"{cols['name']}{spare}")] = NEWCOMER
        values[(sheet, f"{cols['position']}{spare}")] = "Giáo viên"
        values[(sheet, f"{cols['title']}{spare}")] = rules.LDTT
    collective = record(recs, "collective")
    title = rules.TTLDXS if "khoi-1" in department or "khoi-2-3" in department else rules.TTLDTT
    values[(collective["name"], collective["cell"])] = title
    fill(src, dst, values)
    stamp_saved_time(dst, dt.datetime(2025, 9, 26, 8, 30))


def _scores(rubric: cm.Rubric, seed: str, level: float) -> tuple[dict, dict]:
    """Realistic self and department scores: most items near the max, the department a bit stricter."""
    rng = random.Random(seed)
    own, dept = {}, {}
    for group, item in rubric.items:
        if group.kind == cm.SCORE:
            value = round(item.max * min(1.0, rng.uniform(level - 0.08, level + 0.06)) * 2) / 2
            own[item.code] = value
            dept[item.code] = max(0.0, value - (0.5 if rng.random() < 0.25 else 0))
        elif group.kind == cm.BONUS and rng.random() < 0.3:
            own[item.code] = dept[item.code] = min(item.max, 1)
        elif group.kind == cm.DEDUCTION and rng.random() < 0.1:
            own[item.code] = dept[item.code] = min(item.max, 0.5)
    return own, dept


def _fill_scoring(campaign: cm.Campaign, src: Path, inbox: Path) -> None:
    recs = records(src)
    meta_dept = next(d for d in campaign.departments if src.name.endswith(f"_{_slug(d.name)}.xlsx"))
    if meta_dept.code == MISSING_DEPARTMENT:
        return
    values = {}
    people = [r for r in recs if r["kind"] == "person" and not r["spare"]]
    for n, rec in enumerate(people):
        rubric = campaign.rubric_for(rec["role"])
        level = 0.62 if rec["code"] == "GV012" else 0.93  # one weak year: below "Tốt"
        own, dept = _scores(rubric, rec["code"], level)
        values |= person_values(rec, own, dept)
    department = record(recs, "department")
    values[(department["name"], department["collective_cell"])] = (
        rules.TTLDXS if meta_dept.code in ("TO-K1", TWICE_DEPARTMENT) else rules.TTLDTT)

    if meta_dept.code == TWICE_DEPARTMENT:
        first = dict(values)  # the first version: department scores not yet entered for two people
        for rec in people[:2]:
            for code in rec["items"]:
                first.pop((rec["name"], f"{rec['dept_col']}{rec['items'][code]}"), None)
        older = inbox / "Thu tu email" / src.name
        fill(src, older, first)
        stamp_saved_time(older, dt.datetime(2026, 5, 12, 16, 5))
        spare = next(r for r in recs if r["kind"] == "person" and r["spare"])
        own, dept = _scores(campaign.rubric_for(spare["role"]), "newcomer", 0.9)
        values |= person_values(spare, own, dept, title=rules.LDTT, position="Giáo viên",
                                name=unicodedata.normalize("NFD", NEWCOMER))  # Unikey "Unicode tổ hợp"
        newer = inbox / src.name.replace(".xlsx", " (ban sua).xlsx")
        fill(src, newer, values)
        stamp_saved_time(newer, dt.datetime(2026, 5, 18, 9, 40))
        return
    if meta_dept.code == FAULTY_DEPARTMENT:
        first, second = people[0], people[1]
        item = next(iter(first["items"]))
        values[(first["name"], f"{first['self_col']}{first['items'][item]}")] = 25  # above the item's max
        values[(first["name"], f"{first['dept_col']}{first['items'][item]}")] = "chín"  # not a number
        for code in list(second["items"])[:3]:  # blanks in required cells
            values.pop((second["name"], f"{second['dept_col']}{second['items'][code]}"), None)
        third = people[2]
        item = list(third["items"])[1]
        values[(third["name"], f"{third['self_col']}{third['items'][item]}")] = "4,5"  # decimal comma as text
    target = inbox / src.name
    fill(src, target, values)
    stamp_saved_time(target, dt.datetime(2026, 5, 15, 10, 0))
    if meta_dept.code == LOCKED_DEPARTMENT:
        # Excel leaves "~$<name>" beside an open workbook: 165 bytes holding the user's name.
        (inbox / f"~${src.name}").write_bytes(b"\x0bThu ky HD  " + b"\x00" * 153)


def _slug(name: str) -> str:
    from thidua_xlsx.layout import ascii_slug

    return ascii_slug(name)


if __name__ == "__main__":
    main()
