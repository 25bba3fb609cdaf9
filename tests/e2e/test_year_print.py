"""The sample year printed as it is (LibreOffice renders it to PDF, poppler reads the pages back): the
"Xếp loại năm" sheet of 44 people on a few pages, the law said once above it, each person's reason in a few words
and the year's score with two decimals; the overview's chart without an empty table head above it; and a period's
department workbook whose guide prints whole, with the period's deadline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.libreoffice import require_libreoffice
from tests.pdf_pages import pdf_pages
from thidua_xlsx.cli import main
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text import workbook as wx

pytestmark = pytest.mark.libreoffice  # every test here starts LibreOffice

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ca-nam"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_libreoffice()
    root = tmp_path_factory.mktemp("nam-in")
    sample = root / "ca-nam"  # a copy: a run records what it wrote in its campaign folder
    shutil.copytree(SAMPLE, sample, ignore=shutil.ignore_patterns("inbox", "inbox-dang-ky"))
    result = CliRunner().invoke(main, ["year", str(sample / "ky"), "--campaign", str(sample), "-o",
                                       str(root / "ca-nam.xlsx")])
    assert result.exit_code == 0, result.output
    period = _periods(sample)[0]
    made = CliRunner().invoke(main, ["generate", str(sample), "--round", "cham-diem", "--period", period.code,
                                     "--from", str(sample / "tong-hop_dang-ky.xlsx"), "-o", str(root / "so")])
    assert made.exit_code == 0, made.output
    book = sorted((root / "so").glob("*.xlsx"))[0]
    return {"year": pdf_pages(convert(root / "ca-nam.xlsx", "pdf", root)),
            "book": pdf_pages(convert(book, "pdf", root)), "period": period}


def _periods(sample: Path):
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _ = open_campaign(sample / "campaign.xlsx")
    return folder.campaign.periods


def _sheet(pages: list[str], title: str, next_title: str) -> list[str]:
    first = next(n for n, page in enumerate(pages) if title in page)
    last = next(n for n, page in enumerate(pages) if n > first and next_title in page)
    return pages[first:last]


def test_the_year_sheet_prints_the_people_on_few_pages_with_the_law_once(printed):
    pages = _sheet(printed["year"], sx.YEAR_TITLE.format(year="2026-2027"), sx.REFUSED_TITLE)  # the next sheet
    assert len(pages) <= 3, len(pages)  # 44 people (a legal paragraph each made 5 pages here, 9 for 45 in a quarter)
    text = " ".join(" ".join(pages).split())
    assert text.count("Cách tính (điều, khoản của Nghị định 233/2026/NĐ-CP") == 1
    assert text.count("trung bình cộng điểm các kỳ có điểm (điều 12 khoản 5, điều 15 khoản 1 điểm a)") == 1
    assert not [word for word in text.split() if "," in word and len(word.split(",")[-1].rstrip(");")) > 2
                and word.split(",")[-1].rstrip(");").isdigit()], "a score printed with more than two decimals"
    rows = [line for page in pages for line in page.splitlines() if " GV0" in line or " NV0" in line
            or " QL0" in line]
    assert len({line.split()[1] for line in rows if line.split()[0].isdigit()}) == 44


def test_the_overview_s_chart_has_no_empty_table_head_above_it(printed):
    pages = _sheet(printed["year"], "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA NĂM HỌC", sx.REG_TITLE.format(year="2026-2027"))
    for page in pages:
        if sx.CHART_SCORING in page:
            above = page.split(sx.CHART_SCORING)[0]
            assert "Số người" not in above and "Đã nộp" not in above, above


def test_a_period_s_guide_prints_whole_with_the_period_s_deadline(printed):
    period = printed["period"]
    guide = " ".join(next(page for page in printed["book"] if "HƯỚNG DẪN CHẤM ĐIỂM THI ĐUA" in page).split())
    assert f"Hạn gửi: {period.deadline.strftime('%d/%m/%Y')}. Gửi tệp đã điền (đính kèm email) cho thư ký Hội đồng " \
           "thi đua – khen thưởng (" in guide
    assert "rồi chấm điểm." in guide and "người chưa đăng ký thi đua thì không được xét danh hiệu." in guide
    first = " ".join(printed["book"][0].split())
    assert wx.DEPT_TITLE_PERIOD.format(period=period.label.upper()) in first
    assert f"Kỳ đánh giá: {wx.period_text(period)}" in first
