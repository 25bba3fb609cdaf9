"""A school year of three months where lives are untidy, run as the secretary runs it: a teacher on
maternity leave for October and November (sheet Nhân sự: the kind of leave, the periods away; her department scores
her November all the same), a newcomer added in October after
September was merged, an October form whose department left one task criterion blank, a reprimand whose scope was
never said. Each month generated, filled, merged (September again with the head's pass), then the year."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, layout, person_values, stamp_saved_time
from tests.head_pass import head_scores
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import layout as ly

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01",
           "end": f"2025-{m:02d}-{30 if m in (9, 11) else 31}", "deadline": f"2025-{m + 1:02d}-05"}
          for m in (9, 10, 11)]
FULL: dict[str, dict[str, object]] = {"Giáo viên": {"I.1": 10, "I.2": 9, "II.1": 45, "II.2": 26},
                                      "Nhân viên": {"I.1": 55, "I.2": 35}}
AWAY, UNFINISHED, NEWCOMER, REPRIMANDED = "GV03", "GV01", "NV02", "GV05"
NEWCOMER_ROW = {"Mã": NEWCOMER, "Họ và tên": "Trịnh Văn Mới", "Giới tính": "Nam", "Chức vụ": "Nhân viên",
                "Vai trò (bộ tiêu chí)": "Nhân viên", "Tổ": "Tổ Văn phòng – Khối 5", "Ngày vào ngành": "15/10/2025",
                "Số tháng làm việc": 8, "Số tháng nghỉ thai sản": 0, "Kỷ luật": "Không",
                "Đang xem xét kỷ luật": "Không"}


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _campaign() -> cm.Campaign:
    data = campaign_dict(period_kind=cm.MONTHS, periods=MONTHS, rules={"ldtt_min_classification": "Tốt"})
    for person in data["staff"]:
        person["rating"] = None  # the year computes them
        if person["code"] == AWAY:
            person |= {"leave": cm.LEAVE_MATERNITY_WORD, "away": [MONTHS[1]["code"], MONTHS[2]["code"]]}
    return cm.from_dict(data)


def _month(folder, book: Path, root: Path, k: int, blank: dict[str, set[str]]) -> Path:
    """Month ``k`` generated and filled (``blank``: a person → the criteria their department left blank; a person
    with every criterion blank is not filled at all), saved on its last day: its inbox."""
    period = MONTHS[k]["code"]
    result = _run("generate", book, "--round", "cham-diem", "--period", period)
    assert result.exit_code == 0, result.output
    inbox = root / f"inbox-{period}"
    for path in (folder.folder / "outbox" / period).glob("*.xlsx"):
        values: dict[tuple[str, str], object] = {}
        for rec in layout(path).of_kind(ly.ScoringSheet):
            scores = FULL.get(rec.role, {})
            if not rec.person_code or set(scores) <= blank.get(rec.person_code, set()):
                continue
            dept = {code: v for code, v in scores.items() if code not in blank.get(rec.person_code, set())}
            values |= person_values(rec, scores, dept)
        fill(path, inbox / path.name, values)
        stamp_saved_time(inbox / path.name, dt.datetime.fromisoformat(MONTHS[k]["end"]) + dt.timedelta(hours=16))
    return inbox


def _merged(inbox: Path, book: Path, out: Path, period: str, *extra) -> tuple[str, dict]:
    result = _run("merge", inbox, "--campaign", book, "--period", period, "-o", out, "--json", out.with_suffix(".json"),
                  *extra)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def _add_newcomer(book: Path) -> None:
    wb = load_workbook(book)
    ws = wb[cb.STAFF_SHEET]
    columns = {c.value: c.column for c in ws[1] if c.value}
    row = ws.max_row + 1
    for header, value in NEWCOMER_ROW.items():
        ws.cell(row, columns[header], value)
    wb.save(book)


@pytest.fixture(scope="module")
def untidy(tmp_path_factory):
    root = tmp_path_factory.mktemp("untidy")
    folder = make_folder(root / "campaign", _campaign())
    book = folder.folder / "campaign.xlsx"
    ky = root / "ky"
    ky.mkdir()
    found: dict = {"root": root, "book": book}
    september = _month(folder, book, root, 0, {})
    _merged(september, book, ky / "tong-hop_thang-9.xlsx", "thang-9")
    _add_newcomer(book)  # in October, after September's summary
    head_scores(ky / "tong-hop_thang-9.xlsx", root / "hieu-truong_thang-9.xlsx", {"GV02": (88, "Hiệu trưởng chấm")})
    found["september"] = _merged(september, book, ky / "tong-hop_thang-9.xlsx", "thang-9", "--council",
                                 root / "hieu-truong_thang-9.xlsx", "--force")
    october = _month(folder, book, root, 1, {AWAY: set(FULL["Giáo viên"]), UNFINISHED: {"II.2"}})
    found["october"] = _merged(october, book, ky / "tong-hop_thang-10.xlsx", "thang-10")
    status = _run("status", october, "--campaign", book, "--period", "thang-10", "--nhac")
    assert status.exit_code == 0, status.output
    found["status"] = " ".join(status.output.split())
    november = _month(folder, book, root, 2, {})  # her department scores her all the same
    found["november"] = _merged(november, book, ky / "tong-hop_thang-11.xlsx", "thang-11")
    result = _run("year", ky, "--campaign", book, "-o", root / "nam.xlsx", "--json", root / "nam.json")
    assert result.exit_code == 0, result.output
    found["year"] = json.loads((root / "nam.json").read_text(encoding="utf-8"))
    found["year_output"] = " ".join(result.output.split())
    return found


def _people(data: dict) -> dict[str, dict]:
    return {p["code"]: p for p in data["people"]}


def _problems(data: dict, code: str) -> list[dict]:
    return [p for p in data["problems"] if p["code"] == code]


# --- 5. the newcomer is not of the month before his start -------------------------------------------------------

def test_the_newcomer_is_not_of_september_nor_asked_about_on_the_head_s_pass(untidy):
    output, data = untidy["september"]
    assert NEWCOMER not in _people(data)
    assert not _problems(data, "council.row_missing") and "dòng bị xóa?" not in output
    assert not [p for p in _problems(data, "person.no_scores") if "Trịnh Văn Mới" in json.dumps(p, ensure_ascii=False)]
    assert _people(data)["GV02"]["scores"]["final"] == 88  # the head's pass itself went through


def test_the_newcomer_is_of_october_from_his_start(untidy):
    assert _people(untidy["october"][1])[NEWCOMER]["scores"]["final"] == 90


# --- 3. a whole month away -------------------------------------------------------------------------------------

def test_the_month_away_asks_nobody_for_her_score(untidy):
    _output, data = untidy["october"]
    dung = _people(data)[AWAY]
    assert dung["scores"]["final"] is None
    assert [f["code"] for f in dung["flags"]] == ["flag.away"]
    assert not [p for p in _problems(data, "person.no_scores") if p["params"]["name"] == dung["name"]]
    assert dung["name"] not in untidy["status"]  # no reminder to fill her part


# --- 4. an unfinished form -------------------------------------------------------------------------------------

def test_one_blank_task_criterion_leaves_the_fully_filled_general_subtotal(untidy):
    lan = _people(untidy["october"][1])[UNFINISHED]
    assert lan["scores"]["final"] is None
    assert lan["groups"]["department"]["I"] == 19  # group I filled: its subtotal stands
    assert lan["groups"]["department"]["II"] is None  # group II has the blank: not known, never a partial sum


def test_the_year_waits_for_the_unfinished_form_and_says_so(untidy):
    data = untidy["year"]
    lan = _people(data)[UNFINISHED]
    assert (lan["year"]["rating"], lan["year"]["unfinished"], lan["year"]["missing"]) == (
        "CHUA_XEP_LOAI", ["thang-10"], [])
    [told] = _problems(data, "year.person_unfinished")
    assert told["params"]["person"] == UNFINISHED
    assert "phiếu chấm Tháng 10/2025 chưa chấm xong" in untidy["year_output"]
    assert "flag.year_unfinished" in [f["code"] for f in lan["flags"]]  # the titles wait too (tests/decide)


# --- the year over the untidy months ---------------------------------------------------------------------------

def test_a_score_for_a_month_marked_away_is_said_where_it_came_in(untidy):
    output, data = untidy["november"]
    [told] = _problems(data, "person.away_scored")
    assert told["params"]["name"] == _people(data)[AWAY]["name"] and "ghi nghỉ trọn kỳ Tháng 11/2025" in output


def test_the_year_rates_her_on_the_months_she_worked(untidy):
    dung = _people(untidy["year"])[AWAY]["year"]
    assert (dung["away"], dung["missing"], dung["used"]) == (["thang-10", "thang-11"], [], ["thang-9"])
    assert dung["rating"] in ("HTXSNV", "HTTNV")
    assert [r["code"] for r in dung["reasons"] if r["code"].startswith("year.away")] == ["year.away",
                                                                                       "year.away_scored"]
    assert not [p for p in _problems(untidy["year"], "year.person_periods_missing") if p["params"]["person"] == AWAY]


def test_the_newcomer_s_year_starts_with_him(untidy):
    moi = _people(untidy["year"])[NEWCOMER]["year"]
    assert (moi["before_start"], moi["missing"], moi["used"]) == (["thang-9"], [], ["thang-10", "thang-11"])


def test_a_reprimand_of_unknown_scope_is_said_not_assumed(untidy):
    giang = _people(untidy["year"])[REPRIMANDED]["year"]
    assert giang["rating"] == "CHUA_XEP_LOAI"
    [told] = _problems(untidy["year"], "year.discipline_scope_missing")
    assert told["params"]["person"] == REPRIMANDED and "cột 'Kỷ luật về' để trống" in untidy["year_output"]
