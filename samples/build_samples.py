"""Rebuild samples/: a whole school year of Trường Tiểu học Trực Cường, from init to summary.

    python samples/build_samples.py

Steps, as the secretary and the departments would do them:
1. ``init`` the campaign in samples/ itself (tiểu học preset, fixed campaign id so the rebuild is
   reproducible): samples/ is a campaign folder (campaign.xlsx, so-da-phat/, inbox/, outbox/);
2. ``generate`` the registration round; departments fill their lists (inbox-dang-ky/), one
   teacher forgets to register and a newcomer registers on a spare row;
3. ``merge`` the registrations → tong-hop_dang-ky.xlsx;
4. ``generate --from`` it for the scoring round (the newcomer gets a form of their own); departments
   fill scores (inbox/), with the mishaps of a real year: one department never sends, one sends
   twice, one file has out-of-range scores and blanks, an unregistered newcomer on a spare form
   whose name was typed with combining marks, an Excel lock file left beside a workbook;
5. ``merge`` the scores → tong-hop.xlsx and bao-cao.json;
6. the council meets with tong-hop.xlsx and the secretary types into it (hoi-dong.xlsx): two scores
   changed (one of them puts the first person outside the CSTĐCS quota level with the last one inside:
   a tie for the last slot, which the council settles), one decision overridden with its reason, the
   tally and the votes;
7. the secretary's history of the three years before the tool (lich-su.xlsx, typed by hand: titles, ratings,
   the sáng kiến used, years in the sector, the medals received) — GV017 was CSTĐCS last year (Bằng khen),
   GV024 and GV001 the two years before (both registered CSTĐ cấp tỉnh: only GV024 has a provincial sáng
   kiến), GV008 last year but not this one, GV017 and GV007 use again a sáng kiến already used (for a title,
   for a form), GV011 came this year (no history), GV018 has 27 years in the sector and no medal yet, GV010
   17 years of which 6 in especially difficult areas, GV009 reaches 20 years, Tổ khối 1 was TTLĐXS last year;
   ``merge --council hoi-dong.xlsx --history lich-su.xlsx``
   → tong-hop-cuoi.xlsx, and ``--docs`` → ho-so/ (the papers in Word, and PDF when LibreOffice is installed).

Only unlocked cells are written (tests/filling.py refuses locked ones), as teachers would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import shutil
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.filling import council_types, fill, forms, layout, person_values, sheet, stamp_saved_time  # noqa: E402
from thidua_xlsx.decide.history import with_history  # noqa: E402
from thidua_xlsx.model import campaign as cm  # noqa: E402
from thidua_xlsx.model import layout as ly  # noqa: E402
from thidua_xlsx.model.commune_key import CommuneKey  # noqa: E402
from thidua_xlsx.model.history_book import DEPARTMENTS, INITIATIVES, PEOPLE, SERVICE, HistoryBook, TableRows  # noqa: E402
from thidua_xlsx.model.places import CAMPAIGN_FILE, OUTPUTS_RECORD  # noqa: E402
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, NO_PROPOSAL, TTLDTT, TTLDXS  # noqa: E402
from thidua_xlsx.model.titles import name as title_name  # noqa: E402
from thidua_xlsx.papers.dossiers import write_documents  # noqa: E402
from thidua_xlsx.read.history import read_history_book  # noqa: E402
from thidua_xlsx.read.presets import load_preset  # noqa: E402
from thidua_xlsx.service import apply_council_file, generate_round, init_campaign, merge_inbox  # noqa: E402
from thidua_xlsx.steps.workspace import open_campaign  # noqa: E402
from thidua_xlsx.system.written import Written  # noqa: E402
from thidua_xlsx.write.history import new_book, save_history_book  # noqa: E402
from thidua_xlsx.write.report_json import write_report_json  # noqa: E402
from thidua_xlsx.write.summary import write_summary  # noqa: E402

CAMPAIGN_ID = "truccuong-2025-2026"
# The sample commune's campaign id and its key (samples/cap-xa, build_commune.py; its khoa-bi-mat.txt): the codes it
# issues its schools come from the key. A sample's key is public, as everything of a sample is; a commune's own is
# random (commune.system_key).
COMMUNE_ID = "xa-truccuong-2025-2026"
COMMUNE_KEY = CommuneKey(hashlib.sha256(b"thidua-xlsx sample commune Truc Cuong").digest())
MISSING_DEPARTMENT = "TO-CB"  # never sends its scores
TWICE_DEPARTMENT = "TO-K23"  # sends a first version, then a corrected one
FAULTY_DEPARTMENT = "TO-K45"  # out-of-range scores, blanks, a score typed as text "9,5"
LOCKED_DEPARTMENT = "TO-VP"  # an Excel lock file sits beside its workbook
NEWCOMER = "Nguyễn Thị Hồng Nhung"  # registers on a spare row, gets her own scoring form
LATE_NEWCOMER = "Trần Thị Ngọc Ánh"  # arrives after registration: scored on a spare form, not considered
# The commune gave the school a CSTĐCS quota (a setting, off in the presets: docs/domain.md §2, "CSTĐCS quota").
CSTDCS_QUOTA_PERCENT = 25
COUNCIL = {"members": 11, "present": 10, "ballots_issued": 10, "ballots_returned": 10}
PROVINCIAL = ("GV024", "GV001")  # register CSTĐ cấp tỉnh (three CSTĐCS years in a row with this one)
HISTORY_FILE = "lich-su.xlsx"
WITHDRAWN = "GV013"  # withdraws at the meeting: the council's "Không đề nghị", with the reason
FAULTY_SCORE = 88  # the council settles a score of the department whose workbook has errors


def main() -> None:
    for name in ("campaign", "outbox", "inbox-dang-ky", "inbox", "so-da-phat", "ho-so", CAMPAIGN_FILE):
        target = HERE / name
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
    preset = load_preset("tieu-hoc")
    code = COMMUNE_KEY.school_code("TH-TC", preset.school.school_year)  # the code the commune sent the school
    init_campaign(HERE, "tieu-hoc", campaign=replace(
        preset, id=CAMPAIGN_ID, rules=replace(preset.rules, cstdcs_quota_percent=CSTDCS_QUOTA_PERCENT),
        school=replace(preset.school, authority_code=code)))
    folder, problems = open_campaign(HERE / CAMPAIGN_FILE)
    assert folder is not None, [p.render() for p in problems]
    campaign = folder.campaign
    today = dt.date(2025, 9, 15)

    registration = generate_round(folder, ly.REGISTRATION, HERE / "outbox" / "dang-ky", today=today)
    for path in registration.paths:
        _fill_registration(campaign, path, HERE / "inbox-dang-ky" / path.name)
    write_summary(merge_inbox(HERE / "inbox-dang-ky", folder), HERE / "tong-hop_dang-ky.xlsx")

    scoring = generate_round(folder, ly.SCORING, HERE / "outbox" / "cham-diem", HERE / "tong-hop_dang-ky.xlsx",
                             today=dt.date(2026, 5, 4))
    assert not scoring.problems.errors, [p.render() for p in scoring.problems]
    for path in scoring.paths:
        _fill_scoring(campaign, path, HERE / "inbox")
    summary = merge_inbox(HERE / "inbox", folder)
    write_summary(summary, HERE / "tong-hop.xlsx")
    write_report_json(summary, HERE / "bao-cao.json")

    _council_meets(summary, HERE / "tong-hop.xlsx", HERE / "hoi-dong.xlsx")
    final, problems = apply_council_file(summary, HERE / "hoi-dong.xlsx")
    assert final is not None, [p.render() for p in problems]
    (HERE / HISTORY_FILE).unlink(missing_ok=True)
    save_history_book(_history_typed_by_hand(campaign), HERE / HISTORY_FILE, dt.date(2026, 5, 4))
    _book, history, problems = read_history_book(HERE / HISTORY_FILE)
    assert not problems.errors, [p.render() for p in problems]
    final = with_history(final, history)
    write_summary(final, HERE / "tong-hop-cuoi.xlsx")
    papers = write_documents(final, HERE / "ho-so")
    record_outputs(HERE, [HERE / name for name in ("tong-hop_dang-ky.xlsx", "tong-hop.xlsx", "bao-cao.json",
                                                   "tong-hop-cuoi.xlsx")] + sorted((HERE / "ho-so").rglob("*.*")))
    print(f"samples rebuilt: {len(summary.files)} files in inbox/, {len(summary.people)} people, "
          f"{len(final.council_changes)} council changes, {len(papers.documents)} papers"
          + (f" ({papers.pdf_problem})" if papers.pdf_problem else ""))


def record_outputs(folder: Path, outputs: list[Path]) -> None:
    """The tool's record of the files it wrote (da-ghi.json), shipped with the sample: tried on a copy of the sample,
    the guide's commands with ``--force`` replace these files, the tool's own, rather than write "(moi)" copies beside
    them. The files the secretary made (campaign.xlsx, hoi-dong.xlsx, lich-su.xlsx) are not in it, nor any file a
    run of the tests or by hand wrote meanwhile: the record is made anew."""
    (folder / OUTPUTS_RECORD).unlink(missing_ok=True)
    written = Written(folder)
    for path in outputs:
        written.note(path)
    written.save()


def _council_meets(summary, met: Path, typed: Path) -> None:
    """What the secretary types into the summary during the meeting (only its unlocked cells)."""
    def cstdcs(p):
        return next((d for d in p.decisions if d.title == CSTDCS), None)

    candidates = [p for p in summary.people if cstdcs(p) and p.final is not None and (
        cstdcs(p).granted or any(r.code.startswith("quota.") for r in cstdcs(p).reasons))]
    last_in = min((p for p in candidates if p.granted(CSTDCS)), key=lambda p: p.final)
    first_out = max((p for p in candidates if not p.granted(CSTDCS)), key=lambda p: p.final)
    faulty = next(p for p in summary.people if p.department == FAULTY_DEPARTMENT and p.final is not None
                  and p.code not in (first_out.code, last_in.code, WITHDRAWN))
    council_types(met, typed, {
        first_out.code: (last_in.final, CSTDCS, "Hội đồng chấm lại minh chứng tiêu chí chuyên môn"),
        faulty.code: (FAULTY_SCORE, None, "Sổ của tổ có ô sai, ô trống; Hội đồng xác định lại điểm"),
        WITHDRAWN: (None, NO_PROPOSAL, "Đồng chí xin rút tại cuộc họp"),
    }, tally=COUNCIL, votes={(p.code, CSTDCS): COUNCIL["present"] - k % 2
                              for k, p in enumerate(candidates) if p.granted(CSTDCS) or p is first_out})


def _registered_title(person: cm.Person) -> str:
    f = person.facts
    if person.code in PROVINCIAL:
        return CSTD_TINH
    if f.rating == "HTXSNV" or f.initiative:
        return CSTDCS
    return LDTT


# --- the history typed by hand (lich-su.xlsx): the three school years before the tool ----------------------------

EARLIER_YEARS = ("2022-2023", "2023-2024", "2024-2025")
CSTDCS_YEARS = {"GV001": ("2023-2024", "2024-2025"), "GV024": ("2023-2024", "2024-2025"), "GV017": ("2024-2025",),
                "GV008": ("2024-2025",)}  # GV008 loses this year's CSTĐCS at the council's tie: no Bằng khen
CAME_THIS_YEAR = ("GV011", "NV003")  # no history at all: "chưa đủ thông tin"
NO_MEDAL_YET = ("GV018", "GV010")  # 27 years in the sector; 17 of which 6 in especially difficult areas
MEDALS_UNTIL = "2004-12-31"  # those in the sector since then got the medal at 20 years (GV009, 2005: this year)
DIFFICULT_YEARS = {"GV010": 6}
SPECIAL_AWARD = ("GV008", "2022-2023", "Giấy khen đột xuất của Chủ tịch UBND xã (cứu người bị nạn)")
USED_INITIATIVES = (  # (author, date of its decision, year, used for): already used, so flagged this year
    ("GV017", dt.date(2025, 5, 20), "2024-2025", title_name(CSTDCS)),
    ("GV007", dt.date(2025, 5, 20), "2024-2025", "Giấy khen của Chủ tịch UBND xã"),
)


def _history_typed_by_hand(campaign: cm.Campaign) -> HistoryBook:
    """lich-su.xlsx as the secretary types it for the years before the tool, from the school's old lists."""
    book = new_book(campaign.school.name)
    people = {p.code: p for p in campaign.staff}

    def rows(table, values: list[dict]) -> TableRows:
        by_header = {c.key: c.header for c in table.columns}
        headers = book.tables[table.sheet].headers
        keyed = [{by_header[k]: v for k, v in row.items()} for row in values]
        return TableRows(headers, tuple(tuple(row.get(h) for h in headers) for row in keyed))

    def day(iso: str):
        return dt.date.fromisoformat(iso) if iso else None

    years = []
    for year in EARLIER_YEARS:
        for p in campaign.staff:
            if p.code in CAME_THIS_YEAR:
                continue
            cstdcs = year in CSTDCS_YEARS.get(p.code, ())
            titles = ", ".join(map(title_name, (LDTT, CSTDCS) if cstdcs else (LDTT,)))
            special = SPECIAL_AWARD[2] if (p.code, year) == SPECIAL_AWARD[:2] else None
            years.append({"year": year, "code": p.code, "name": p.name, "dob": day(p.dob),
                          "rating": "HTXSNV" if cstdcs else "HTTNV", "titles": titles, "special": special,
                          "discipline": cm.DISCIPLINES[0]})
    veterans = [p for p in campaign.staff if p.start and p.start <= MEDALS_UNTIL and p.code not in NO_MEDAL_YET]
    service = [{"code": p.code, "name": p.name, "dob": day(p.dob), "sector_start": day(p.start),
                "difficult_years": DIFFICULT_YEARS.get(p.code), "uncounted_years": 0,
                "medal_year": f"{int(p.start[:4]) + 20}-{int(p.start[:4]) + 21}" if p in veterans else None}
               for p in campaign.staff if p.code not in CAME_THIS_YEAR]
    initiatives = [{"name": f.initiative, "author": author, "author_name": people[author].name,
                    "level": f.initiative_level, "decision": f.initiative_decision, "decision_date": date, "year": year,
                    "used_year": year, "used_for": used}
                   for author, date, year, used in USED_INITIATIVES for f in (people[author].facts,)]
    departments = [{"year": year, "code": d.code, "name": d.name,
                    "titles": title_name(TTLDXS if (d.code, year) == ("TO-K1", "2024-2025") else TTLDTT)}
                   for year in EARLIER_YEARS for d in campaign.departments]
    tables = {PEOPLE.sheet: rows(PEOPLE, years), SERVICE.sheet: rows(SERVICE, service),
              INITIATIVES.sheet: rows(INITIATIVES, initiatives), DEPARTMENTS.sheet: rows(DEPARTMENTS, departments)}
    return replace(book, tables=tables)


def _fill_registration(campaign: cm.Campaign, src: Path, dst: Path) -> None:
    found = layout(src)
    reg = sheet(found, ly.RegistrationSheet)
    rows = dict(reg.rows)
    values = {}
    members = {p.code: p for p in campaign.staff}
    for code, row in sorted(rows.items()):
        person = members[code]
        if code == "GV015":  # forgot to register: will not be considered at the end of the year
            continue
        values[(reg.name, f"{reg.title_column}{row}")] = title_name(_registered_title(person))
        if person.facts.initiative:
            values[(reg.name, f"{reg.initiative_column}{row}")] = person.facts.initiative
        if _registered_title(person) == CSTDCS:
            values[(reg.name, f"{reg.form_column}{row}")] = "Giấy khen của Chủ tịch UBND xã"
        elif _registered_title(person) == CSTD_TINH:
            values[(reg.name, f"{reg.form_column}{row}")] = "Bằng khen của Chủ tịch UBND tỉnh"
    if found.department_code == TWICE_DEPARTMENT:
        spare = reg.spare_rows[0]
        values[(reg.name, f"{reg.name_column}{spare}")] = NEWCOMER
        values[(reg.name, f"{reg.position_column}{spare}")] = "Giáo viên"
        values[(reg.name, f"{reg.title_column}{spare}")] = title_name(LDTT)
    unit = sheet(found, ly.CollectiveSheet)
    title = TTLDXS if found.department_code in ("TO-K1", TWICE_DEPARTMENT) else TTLDTT
    values[(unit.name, unit.cell)] = title_name(title)
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
    found = layout(src)
    code = found.department_code
    if code == MISSING_DEPARTMENT:
        return
    values = {}
    people = forms(found, spare=False)
    for rec in people:
        rubric = campaign.rubric_for(rec.role)
        level = 0.62 if rec.person_code == "GV012" else 0.93  # one weak year: below "Tốt"
        own, dept = _scores(rubric, rec.person_code or rec.marker, level)
        values |= person_values(rec, own, dept)
    department = sheet(found, ly.DepartmentSheet)
    values[(department.name, department.collective_cell)] = title_name(
        TTLDXS if code in ("TO-K1", TWICE_DEPARTMENT) else TTLDTT)

    if code == TWICE_DEPARTMENT:
        first = dict(values)  # the first version: department scores not yet entered for two people
        for rec in people[:2]:
            for _item, row in rec.items:
                first.pop((rec.name, f"{rec.dept_column}{row}"), None)
        older = inbox / "Thu tu email" / src.name
        fill(src, older, first)
        stamp_saved_time(older, dt.datetime(2026, 5, 12, 16, 5))
        spare = forms(found, spare=True)[0]
        own, dept = _scores(campaign.rubric_for(spare.role), "newcomer", 0.9)
        values |= person_values(spare, own, dept, position="Giáo viên",
                                name=unicodedata.normalize("NFD", LATE_NEWCOMER))  # Unikey "Unicode tổ hợp"
        newer = inbox / src.name.replace(".xlsx", " (ban sua).xlsx")
        fill(src, newer, values)
        stamp_saved_time(newer, dt.datetime(2026, 5, 18, 9, 40))
        return
    if code == FAULTY_DEPARTMENT:
        first, second, third = people[0], people[1], people[2]
        row = first.items[0][1]
        values[(first.name, f"{first.self_column}{row}")] = 25  # above the item's max
        values[(first.name, f"{first.dept_column}{row}")] = "chín"  # not a number
        for _item, row in second.items[:3]:  # blanks in required cells
            values.pop((second.name, f"{second.dept_column}{row}"), None)
        values[(third.name, f"{third.self_column}{third.items[1][1]}")] = "4,5"  # decimal comma as text
    target = inbox / src.name
    fill(src, target, values)
    stamp_saved_time(target, dt.datetime(2026, 5, 15, 10, 0))
    if code == LOCKED_DEPARTMENT:
        # Excel leaves "~$<name>" beside an open workbook: 165 bytes holding the user's name.
        (inbox / f"~${src.name}").write_bytes(b"\x0bThu ky HD  " + b"\x00" * 153)


if __name__ == "__main__":
    main()
