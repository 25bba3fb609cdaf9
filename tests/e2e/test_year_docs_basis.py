"""``year --docs`` writes the Tờ trình, which opens with the lines of sheet Căn cứ (Mẫu 01, NĐ 152/2025): a line
naming another school is said by that run at its cell, on screen and in sheet Kiểm tra of the year's summary, as
``merge --docs`` and ``generate`` say it; the same year written without its papers leaves it to them. The sample
school by month (samples/ca-nam, a copy), its two months over on the pinned day."""

from __future__ import annotations

import datetime as dt
import shutil

from click.testing import CliRunner
from openpyxl import load_workbook

from tests.documents import docx_text
from tests.init_fixtures import on_day
from tests.no_office import without_libreoffice
from tests.samples import SAMPLES
from thidua_xlsx.cli import main
from thidua_xlsx.text import summary as sx

OTHER_SCHOOL = "Trường THCS Nguyễn Du"
LINE = f"Căn cứ Kế hoạch số 12/KH-THCSND ngày 10/9/2026 của {OTHER_SCHOOL} về công tác thi đua năm học 2026-2027;"


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_year_docs_says_a_can_cu_line_of_another_school_on_screen_and_in_kiem_tra(tmp_path, monkeypatch):
    on_day(monkeypatch, dt.date(2026, 11, 27))
    without_libreoffice(monkeypatch)
    folder = tmp_path / "truong"
    shutil.copytree(SAMPLES / "ca-nam", folder)
    book = folder / "campaign.xlsx"
    wb = load_workbook(book)
    basis = wb["Căn cứ"]
    basis.cell(basis.max_row + 1, 1, LINE)
    cell = f"A{basis.max_row}"
    wb.save(book)

    plain = _run("year", folder / "ky", "--campaign", folder, "-o", tmp_path / "khong-ho-so.xlsx")
    papers = _run("year", folder / "ky", "--campaign", folder, "-o", tmp_path / "ca-nam.xlsx",
                  "--docs", tmp_path / "ho-so")

    assert plain.exit_code == 0 and papers.exit_code == 0, papers.output
    assert OTHER_SCHOOL not in plain.output
    said = [line for line in papers.output.splitlines() if f"Căn cứ!{cell}]" in line and OTHER_SCHOOL in line]
    assert len(said) == 1 and said[0].strip().startswith("Cảnh báo:"), papers.output
    checks = [row for row in load_workbook(tmp_path / "ca-nam.xlsx")[sx.S_CHECK].iter_rows(values_only=True)
              if OTHER_SCHOOL in " ".join(str(v) for v in row if v)]
    assert len(checks) == 1 and "Căn cứ" in checks[0] and cell in checks[0], checks
    assert LINE in docx_text(tmp_path / "ho-so" / "01_To-trinh.docx")  # what the warning is about
