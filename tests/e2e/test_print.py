"""Printed as they are, the papers are ready to sign (LibreOffice renders them to PDF, poppler reads
the pages back): a scoring form on at most two A4 pages without any "còn thiếu" count, and in the
summary every signature block on the same page as the end of its list — no page with a signature
alone under an empty table head."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.libreoffice import require_libreoffice
from tests.pdf_pages import pdf_pages
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import workbook as wx

pytestmark = pytest.mark.libreoffice  # every test here starts LibreOffice

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    require_libreoffice()
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import open_campaign
    from thidua_xlsx.write.summary import write_summary

    root = tmp_path_factory.mktemp("print")
    folder, _ = open_campaign(ROOT / "samples" / "campaign.xlsx")
    summary = merge_inbox(ROOT / "samples" / "inbox", folder)
    write_summary(summary, root / "tong-hop.xlsx")
    from tests.scoring_round import scoring_round

    _, (form, _t2) = scoring_round(root / "small")
    shutil.copy(form, root / "so.xlsx")
    return {"summary": pdf_pages(convert(root / "tong-hop.xlsx", "pdf", root)),
            "form": pdf_pages(convert(root / "so.xlsx", "pdf", root)), "school": folder.campaign.school}


def test_a_scoring_form_prints_on_at_most_two_pages_without_the_missing_count(printed):
    pages = printed["form"]
    starts = [n for n, page in enumerate(pages) if wx.SCORE_TITLE in page]
    assert len(starts) >= 3
    lengths = [b - a for a, b in zip(starts, starts[1:])]
    assert max(lengths) <= 2, lengths
    assert not [n for n, page in enumerate(pages) if wx.L_MISSING in page or wx.CHECK_MISSING_PREFIX in page]


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip() and not line.strip().startswith("Trang ")]


def test_no_page_of_the_summary_holds_a_signature_alone(printed):
    school = printed["school"]
    names = {school.principal, school.secretary}
    for n, page in enumerate(printed["summary"], start=1):
        lines = _lines(page)
        words = set(" ".join(lines).split())
        assert not (lines and all(any(name in line for name in names) or line.isupper() or line.startswith("(")
                                  for line in lines)), f"page {n} holds only a signature: {lines}"
        assert words, f"page {n} is empty"


def test_each_proposal_list_ends_on_the_page_of_its_signature(printed):
    pages = printed["summary"]
    for n, page in enumerate(pages):
        if "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN" not in page and n and "DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN" not in pages[n - 1]:
            continue
        if "NGƯỜI LẬP BIỂU" in page:
            before = page.split("NGƯỜI LẬP BIỂU")[0]
            assert any(line.split()[0].isdigit() for line in _lines(before) if line.split()), \
                f"page {n + 1}: the signature has no row of its list above it"
