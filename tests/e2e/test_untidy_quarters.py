"""A year scored by quarter, run from the command line as the secretary runs it, on two cases no test ran: a teacher
who came on 01/11 from a school that scored by month (NĐ 233/2026 điều 15 khoản 1 điểm a: the former school sends her
September and October; the head enters her Quý I at the quarter's pass), and the year's council changing a score —
the year rated again, the HTXSNV place moving, each said on the year's sheet."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import council_types, fill, layout, person_values, register, stamp_saved_time
from tests.head_pass import head_scores
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.text import summary as sx

QUARTERS = [{"code": "quy-1", "label": "Quý I", "start": "2026-09-01", "end": "2026-11-30", "deadline": "2026-12-05"},
            {"code": "quy-2", "label": "Quý II", "start": "2026-12-01", "end": "2027-02-28", "deadline": "2027-03-05"}]
CAME = "GV03"  # from a school that scored by month: 85 in September, 91 in October; 86 here in November
FORMER = "Trường cũ chấm theo tháng: T9 85, T10 91; tại trường T11 86"
TEACHERS = {f"GV{n:02}": 90 - n for n in range(1, 8)}  # GV01 89 … GV07 83 each quarter
TEACHERS |= {"GV01": 96, "GV02": 93}
REGISTERED = {code: (CSTDCS if code in ("GV01", "GV02") else LDTT) for code in TEACHERS}


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _items(total: int) -> dict[str, int]:
    return {"I.1": 10, "I.2": 10, "II.1": min(50, total - 20), "II.2": total - 20 - min(50, total - 20)}


def _campaign() -> cm.Campaign:
    base = campaign_dict()
    person = next(p for p in base["staff"] if p["code"] == "GV01")
    staff = [{**person, "code": code, "name": f"Giáo viên {code}", "department": "T1", "rating": None, "months": 12,
              "maternity_months": 0, "discipline": "Không", "initiative_decision": ""} for code in TEACHERS]
    school = {**base["school"], "school_year": "2026-2027", "registration_deadline": "2026-09-30",
              "scoring_deadline": "2027-03-10"}
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(period_kind=cm.QUARTERS, periods=QUARTERS, school=school, staff=staff,
                                      departments=base["departments"][:1],
                                      classification=levels, gate_cap="HTNV", rules={"ldtt_min_classification": ""}))


def _year_sheet(path: Path) -> dict[str, dict]:
    ws = load_workbook(path)[sx.S_YEAR]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    head = next(k for k, row in enumerate(rows) if row[:4] == list(sx.YEAR_HEAD_FIRST))
    return {row[1]: dict(zip(rows[head], row)) for row in rows[head + 1:] if row[1]}


@pytest.fixture(scope="module")
def quarters(tmp_path_factory):
    root = tmp_path_factory.mktemp("quy")
    folder = make_folder(root / "campaign", _campaign())
    book = folder.folder / "campaign.xlsx"
    registrations = register(folder, REGISTERED, root)
    ky = root / "ky"
    for k, quarter in enumerate(QUARTERS):
        period = quarter["code"]
        result = _run("generate", book, "--round", "cham-diem", "--period", period, "--from", registrations)
        assert result.exit_code == 0, result.output
        inbox = root / "inbox" / period
        for path in (folder.folder / "outbox" / period).glob("*.xlsx"):
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                if rec.person_code in TEACHERS:  # her department scores what it saw of her: November, 86
                    total = 86 if rec.person_code == CAME and k == 0 else TEACHERS[rec.person_code]
                    values |= person_values(rec, _items(total), _items(total))
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime(2026, 12, 3, 8, 0) + dt.timedelta(days=90 * k))
        out = ky / f"tong-hop_{period}.xlsx"
        result = _run("merge", inbox, "--campaign", book, "--period", period, "-o", out)
        assert result.exit_code == 0, result.output
        # the head's pass on the quarter: her Quý I from the former school's months and hers here, (85 + 91 + 86) / 3
        head = root / f"hieu-truong_{period}.xlsx"
        head_scores(out, head, {CAME: (87.33, FORMER)} if k == 0 else {})
        result = _run("merge", inbox, "--campaign", book, "--period", period, "--council", head, "-o", out, "--force")
        assert result.exit_code == 0, result.output
    year = root / "nam.xlsx"
    result = _run("year", ky, "--campaign", book, "-o", year, "--json", root / "nam.json")
    assert result.exit_code == 0, result.output
    council = root / "hoi-dong.xlsx"
    council_types(year, council, {"GV02": (97, None, "Hội đồng chấm lại theo minh chứng")})
    final = root / "nam-cuoi.xlsx"
    result = _run("year", ky, "--campaign", book, "--council", council, "-o", final, "--json", root / "cuoi.json")
    assert result.exit_code == 0, result.output
    return {"year": _year_sheet(year), "final": _year_sheet(final), "final_output": " ".join(result.output.split()),
            "data": json.loads((root / "nam.json").read_text(encoding="utf-8")),
            "final_data": json.loads((root / "cuoi.json").read_text(encoding="utf-8"))}


def _people(data: dict) -> dict[str, dict]:
    return {p["code"]: p for p in data["people"]}


def test_the_transfer_s_quarter_is_the_head_s_score_said_where_it_came_from(quarters):
    row = quarters["year"][CAME]
    assert (row["Quý I"], row["Quý II"], row["Điểm năm"]) == (87.33, 87, 87.16)  # cut, not rounded
    # her 86 here in November made the quarter's 87,33 with her former school's months: the head's correction, said
    # in the Phiếu's words with her note
    assert f"Quý I: hiệu trưởng sửa điểm 86 thành 87,33 ở lượt duyệt của kỳ – lý do: {FORMER}" in row["Lý do"]
    came = _people(quarters["data"])[CAME]["year"]
    assert (came["used"], came["missing"], came["rating"], came["score"]) == (["quy-1", "quy-2"], [], "HTTNV", 87.165)


def test_the_year_s_council_changes_a_score_and_the_quarterly_year_is_rated_again(quarters):
    before, after = quarters["year"], quarters["final"]
    # seven teachers, all HTTNV or better: one HTXSNV place; GV01 (96) holds it, then the council's 97 for GV02
    assert (before["GV01"]["Xếp loại năm"], before["GV02"]["Xếp loại năm"]) == ("HTXSNV", "HTTNV")
    assert (after["GV02"]["Xếp loại năm"], after["GV02"]["Nguồn xếp loại"]) == ("HTXSNV", sx.YEAR_SOURCES["council"])
    assert after["GV02"]["Lý do"].startswith(sx.YEAR_SHORT_COUNCIL.format(score="97", before="93"))
    assert (after["GV01"]["Xếp loại năm"], after["GV01"]["Nguồn xếp loại"]) == ("HTTNV", sx.YEAR_SOURCES["computed"])
    assert sx.YEAR_SHORT_RERATED.format(before="HTXSNV") in after["GV01"]["Lý do"]
    people = _people(quarters["final_data"])
    assert (people["GV02"]["proposed"], people["GV01"]["proposed"]) == (CSTDCS, LDTT)
    assert "Hội đồng chấm lại theo minh chứng" in quarters["final_output"]
