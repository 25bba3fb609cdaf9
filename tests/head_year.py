"""A small year scored on the decree's frame (general criteria ≤ 30, task results ≤ 70), monthly or quarterly, whose
head's pass on a period gives three kinds of score: a correction of the department's, a transfer-in's former school
result with its two parts, and one as a total alone. Built through the CLI as a school would, the clock pinned after
the year; read back from the Phiếu xếp loại (.docx)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import campaign_dict, make_folder
from tests.documents import appraisal_pages
from tests.filling import fill, layout, person_values, stamp_saved_time
from tests.head_pass import head_scores
from tests.init_fixtures import on_day
from tests.no_office import without_libreoffice
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.text import appraisal as atx

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2026", "start": f"2026-{m:02d}-01",
           "end": f"2026-{m:02d}-{30 if m in (9, 11) else 31}", "deadline": f"2026-{m + 1:02d}-05"}
          for m in (9, 10, 11)]
QUARTERS = [{"code": "quy-1", "label": "Quý I", "start": "2026-09-01", "end": "2026-11-30", "deadline": "2026-12-05"},
            {"code": "quy-2", "label": "Quý II", "start": "2026-12-01", "end": "2027-02-28", "deadline": "2027-03-05"},
            {"code": "quy-3", "label": "Quý III", "start": "2027-03-01", "end": "2027-05-31",
             "deadline": "2027-06-05"}]
AFTER = {cm.MONTHS: dt.date(2026, 12, 10), cm.QUARTERS: dt.date(2027, 6, 10)}  # the year over, each period passed
RUBRIC = {
    "role": "Viên chức", "total": 100,
    "groups": [
        {"code": "I", "name": "Tiêu chí chung", "kind": "cộng", "max": 30,
         "items": [{"code": "I.1", "text": "Chính trị, đạo đức, lối sống", "max": 15},
                   {"code": "I.2", "text": "Tác phong, lề lối làm việc", "max": 15}]},
        {"code": "II", "name": "Kết quả thực hiện nhiệm vụ", "kind": "cộng", "max": 70,
         "items": [{"code": "II.1", "text": "Số lượng, tiến độ", "max": 40},
                   {"code": "II.2", "text": "Chất lượng", "max": 30}]},
    ],
}
STAFF = [("VC01", "Nguyễn Thị Hiền", "T1"),  # 90 each period (28 + 62); the head lowers the second to 85
         ("VC02", "Trần Văn Tới", "T1"),  # came in: the first period blank here, the head types her former school's
         ("VC03", "Lê Thị Sang", "T2"),  # came in too: the former school's first period as a total alone
         ("VC04", "Phạm Văn Tổ", "T2")]  # 85 each period: T2's book is sent in each period
NAMES = {code: name for code, name, _ in STAFF}
DEPARTMENT_SCORES = {"VC01": (90, 90, 90), "VC02": (None, 80, 80), "VC03": (None, 84, 84), "VC04": (85, 85, 85)}
CORRECTION_NOTE = "Chưa nộp kế hoạch chủ nhiệm đúng hạn"


def _typed(total: float) -> dict[str, float]:
    """Criteria adding up to ``total``: 28 for the general criteria, the rest for the tasks."""
    return {"I.1": 14, "I.2": 14, "II.1": 40, "II.2": total - 68}


def _run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def build(root: Path, monkeypatch, kind: str, head: dict[str, tuple], second: dict[str, tuple]) -> dict:
    """The year of ``kind`` (cm.MONTHS, cm.QUARTERS) with the head's pass on its first period typing ``head`` and on
    its second ``second`` ({code: (score, note, *parts)}: tests/head_pass.head_scores), then ``year --docs``: the
    Phiếu's pages by name, the year's JSON, what each period's pass said on screen, and the year's workbook."""
    periods = MONTHS if kind == cm.MONTHS else QUARTERS
    on_day(monkeypatch, AFTER[kind])
    without_libreoffice(monkeypatch)  # the Phiếu read as Word: no PDF made
    person = {"position": "Giáo viên", "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": None,
              "months": 12, "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False,
              "initiative": "", "initiative_level": "", "initiative_decision": "", "role": "Viên chức"}
    staff = [{**person, "code": code, "name": name, "department": dept} for code, name, dept in STAFF]
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict(
        id=f"head-{kind}", period_kind=kind, periods=periods, staff=staff, classification=levels,
        gate_cap="HTNV", rules={"ldtt_min_classification": "HTTNV"}, rubrics=[RUBRIC])))
    book, ky = folder.folder / "campaign.xlsx", root / "ky"
    said: dict[str, str] = {}
    for k, period in enumerate(p["code"] for p in periods):
        _run("generate", book, "--round", "cham-diem", "--period", period)
        inbox = root / "inbox" / period
        for path in (folder.folder / "outbox" / period).glob("*.xlsx"):
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                total = DEPARTMENT_SCORES.get(rec.person_code, (None,) * 3)[k]
                if total is not None:
                    values |= person_values(rec, _typed(total), _typed(total))
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime.fromisoformat(periods[k]["deadline"]))
        first = root / "lan-dau" / f"tong-hop_{period}.xlsx"
        _run("merge", inbox, "--period", period, "-o", first, "--campaign", book)
        typed = (head, second, {})[k]
        council = root / f"hieu-truong_{period}.xlsx"
        head_scores(first, council, typed)
        said[period] = _run("merge", inbox, "--period", period, "--council", council, "-o",
                            ky / f"cuoi_{period}.xlsx", "--campaign", book).output
    _run("year", ky, "-o", root / "ca-nam.xlsx", "--json", root / "ca-nam.json", "--campaign", book, "--docs",
         root / "ho-so")
    report = json.loads((root / "ca-nam.json").read_text(encoding="utf-8"))
    return {"pages": appraisal_pages(root / "ho-so" / f"{atx.FILE_APPRAISAL}.docx"), "periods": periods,
            "people": {p["code"]: p for p in report["people"]}, "said": said, "root": root,
            "year": root / "ca-nam.xlsx"}
