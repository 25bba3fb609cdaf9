"""A province's rule file with an amendment appended without ending the text it changes: two texts in force at once
for TTLĐTT (QĐ 1/2025: above 60 % of the members LĐTT; QĐ 2/2026, issued later: above 80 %). ``year`` on a copy of
the shipped sample year says it at sheet Trường's province, naming both texts, the one applied — the later, as the
law on legal texts reads — and why, applies 80 % (Tổ Năng khiếu's 4 LĐTT of 5 is not above it) and lists the conflict
on the summary's Kiểm tra."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.read.presets import preset_dir
from thidua_xlsx.steps.workspace import open_campaign

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"
PROVINCE = {"name": "Thái Bình", "texts": [
    {"key": "tb-1", "number": "1/2025/QĐ-UBND", "name": "Quy định thi đua", "short": "QĐ 1/2025",
     "issued": "2025-01-01", "in_force_from": "2025-01-10"},
    {"key": "tb-2", "number": "2/2026/QĐ-UBND", "name": "Sửa đổi quy định thi đua", "short": "QĐ 2/2026",
     "issued": "2026-03-01", "in_force_from": "2026-03-15"}],
    "rules": {"ttldtt": [{"text": "tb-1", "article": "điều 4", "min_percent": 60},  # the first, as the file began
                         {"text": "tb-2", "article": "điều 1", "min_percent": 80}]}}  # the amendment appended


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    root = tmp_path_factory.mktemp("hai-van-ban")
    data = root / "data"
    (data / "quy-tac").mkdir(parents=True)
    (data / "tinh").mkdir()
    shutil.copy(preset_dir() / "quy-tac" / "toan-quoc.json", data / "quy-tac")
    (data / "tinh" / "thai-binh.json").write_text(json.dumps(PROVINCE, ensure_ascii=False), encoding="utf-8")
    sample = root / "sample"
    shutil.copytree(SAMPLE, sample)
    opened, _ = open_campaign(sample / "campaign.xlsx")
    assert opened is not None
    school = opened.campaign.school  # the day the rules are read for: the year's
    due = dt.date.fromisoformat(school.scoring_deadline).strftime("%d/%m/%Y")
    wb = load_workbook(sample / "campaign.xlsx")
    ws = wb[cb.SCHOOL_SHEET]
    label = next(f.label for f in cb.SCHOOL_FIELDS if f.key == "province")
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)
    ws.cell(row, 2).value = "Thái Bình"
    wb.save(sample / "campaign.xlsx")
    with pytest.MonkeyPatch.context() as patch:
        from thidua_xlsx.read import rule_sets

        patch.setattr(rule_sets, "preset_dir", lambda: data)
        result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "-o",
                                           str(root / "nam.xlsx"), "--json", str(root / "nam.json")])
    assert result.exit_code == 0, result.output
    book = load_workbook(root / "nam.xlsx", read_only=True)
    yield {"stderr": result.stderr, "row": row, "due": due, "data": json.loads((root / "nam.json").read_text("utf-8")),
           "book": book}
    book.close()  # a read-only workbook holds its file open until closed


def test_year_says_both_texts_the_one_applied_and_why_at_the_province_s_cell(year):
    said = [line for line in year["stderr"].splitlines() if "cùng có hiệu lực" in line]
    assert said == [
        f"Cảnh báo: [campaign.xlsx · Trường!B{year['row']}] Tệp quy định Thái Bình: TTLĐTT có 2 văn bản cùng có hiệu "
        f"lực ngày {year['due']} (QĐ 2/2026, số 2/2026/QĐ-UBND, ban hành 01/03/2026; QĐ 1/2025, số 1/2025/QĐ-UBND, ban "
        "hành 01/01/2025); chương trình áp dụng QĐ 2/2026, văn bản ban hành sau: các văn bản của cùng một cơ quan quy "
        "định khác nhau về cùng một vấn đề thì áp dụng văn bản ban hành sau (Luật Ban hành văn bản quy phạm pháp luật "
        "số 64/2025/QH15 điều 58 khoản 3). Nếu một văn bản đã thay thế văn bản kia, hãy ghi ngày hết hiệu lực "
        "(in_force_until) cho văn bản cũ, hoặc 'amends' nếu là văn bản sửa đổi (xem workbook_templates/SCHEMA.md), "
        "rồi chạy lại."]


def test_year_applies_the_later_text_s_share(year):
    data = year["data"]
    assert data["rule_set"]["citations"]["ttldtt"] == "QĐ 2/2026 điều 1"
    nk = next(d for d in data["departments"] if d["code"] == "TO-NK")
    (decision,) = nk["decisions"]
    assert (decision["title"], decision["granted"]) == ("TTLDTT", False)  # 4 of 5: 80 %, not above 80 %
    assert decision["reasons"][0]["params"]["needed"] == 80
    assert decision["reasons"][-1]["params"]["citation"] == "QĐ 2/2026 điều 1"


def test_the_summary_lists_the_conflict_once_on_kiem_tra(year):
    ws = year["book"]["Kiểm tra"]
    lines = [" ".join(str(v) for v in row if v) for row in ws.iter_rows(values_only=True)]
    found = [line for line in lines if "cùng có hiệu lực" in line]
    assert len(found) == 1 and "chương trình áp dụng QĐ 2/2026, văn bản ban hành sau" in found[0]
