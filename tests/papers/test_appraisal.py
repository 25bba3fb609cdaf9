"""The Phiếu xếp loại chất lượng viên chức (Phụ lục II, Nghị định 233/2026) of a year made from its periods: one
page per person, read back the way the secretary checks it before printing — the name, the year's score, the
rating ticked in words, the parts the tool does not know left to write by hand (never 0), one page each."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import docx
import openxml_audit
import pytest
from docx.table import Table

from tests.conftest import RUBRIC_GV, RUBRIC_NV, campaign_dict
from tests.documents import docx_pages, media_boxes, page_texts, require_writer
from tests.year_fixtures import PERIODS, REGISTERED, TOTALS, campaign, period_summaries
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.layout import MOTTO_1, MOTTO_2
from thidua_xlsx.papers import appraisal
from thidua_xlsx.papers.document_set import APPRAISAL
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text.documents import RATING_WORDS, SIGN_BLANK_NAME

FILE = "Phieu-xep-loai-chat-luong-vien-chuc"
# what each person's page must say: name, the year's score as printed, the rating ticked under III (None: none)
EXPECTED = {
    "GV01": ("Nguyễn Thị Lan", "95", "HTXSNV"),
    "GV02": ("Trần Văn Đức", "92", "HTTNV"),  # HTXSNV by the score, outside the 20 % cap
    "GV03": ("Lê Thị Dung", "80", "HTTNV"),  # one period of three; maternity leave: rated
    "GV04": ("Phạm Ngọc Ánh", "85", "HTTNV"),  # October missing: the average of two
    "GV05": ("Hoàng Văn Tùng", "85", "KHTNV"),  # khiển trách
    "GV06": ("Vũ Thị Mai", "60", "HTTNV"),  # the authority's HTTNV over the computed HTNV
    "GV07": ("Đặng Văn Hùng", "75", None),  # 4 months worked: not rated
    "GV08": ("Bùi Thị Hoa", "76", "HTTNV"),
    "GV09": ("Ngô Văn Bình", "72", "HTTNV"),
    "NV01": ("Đỗ Văn Anh", "91", "HTTNV"),  # alone in the staff group: no HTXSNV slot
    "GV10": ("Lý Thị Hạnh", "80,33", "HTTNV"),  # 80,3333…: two decimals
}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("appraisal")
    summary = year_summary(campaign(), [], period_summaries(TOTALS, PERIODS, REGISTERED))
    result = write_documents(summary, root / "ho-so")
    paper = next(d for d in result.documents if d.kind == APPRAISAL)
    return {"summary": summary, "set": result, "paper": paper, "folder": root / "ho-so"}


# --- reading the .docx back: one list of lines per page -----------------------------------------------------

def _part(lines: list[str], heading: str, end: str) -> list[str]:
    start = next(k for k, line in enumerate(lines) if line.startswith(heading))
    stop = next(k for k, line in enumerate(lines) if line.startswith(end))
    return lines[start + 1:stop]


def _ticked(lines: list[str]) -> list[str]:
    return [line.removeprefix(atx.BOX_TICKED).strip() for line in lines if line.startswith(atx.BOX_TICKED)]


def _page_of(pages: list[list[str]], name: str) -> list[str]:
    return next(lines for lines in pages if atx.NAME.format(name=name) in lines)


# --- the paper in the set -------------------------------------------------------------------------------------

def test_the_year_writes_the_form_beside_the_shared_papers_and_in_no_dossier(made):
    result, paper = made["set"], made["paper"]
    assert paper.path == made["folder"] / f"{FILE}.docx" and paper.path.is_file()
    assert paper in result.shared and paper.name == atx.DOC_NAME
    assert result.dossiers, "titles are proposed: the hồ sơ are written as well"
    for dossier in result.dossiers:  # everyone's scores: not a paper sent up with a title's hồ sơ
        assert APPRAISAL not in [d.kind for d in dossier.documents]
        assert FILE not in dossier.checklist.read_text(encoding="utf-8-sig")


def test_a_summary_without_a_year_writes_no_form(made, tmp_path):
    result = write_documents(dataclasses.replace(made["summary"], year=None), tmp_path / "ho-so", pdf=False)
    assert APPRAISAL not in [d.kind for d in result.documents]
    assert not (tmp_path / "ho-so" / f"{FILE}.docx").exists()


def test_one_page_per_person_in_the_annex_layout(made):
    path = made["paper"].path
    pages = docx_pages(path)
    people = made["summary"].people
    assert len(pages) == len(people) == len(EXPECTED)
    for lines, p in zip(pages, people):  # the roster's order
        assert lines[:3] == [MOTTO_1, MOTTO_2, ""], p.name  # the motto alone, centred, then its rule
        assert lines[3:5] == [atx.TITLE, atx.YEAR.format(year="2025-2026")]
        headings = [line for line in lines if re.match(r"[IV]+\. ", line)]
        assert headings == [atx.PART_1, atx.PART_2, atx.PART_3, atx.PART_4 + atx.FOOTNOTE_MARK], p.name
        assert lines[5:8] == [atx.NAME.format(name=p.name), atx.POSITION.format(position="Giáo viên") + " \t",
                              atx.UNIT.format(department=p.department_name, school="Trường Tiểu học Thử Nghiệm")]
        assert lines[-1] == f"{atx.FOOTNOTE_MARK} {atx.FOOTNOTE}"
    d = docx.Document(str(path))
    section = d.sections[0]
    assert [round(v.mm) for v in (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                                  section.left_margin, section.right_margin)] == [210, 297, 20, 20, 30, 15]
    assert d.styles["Normal"].font.name == "Times New Roman"
    assert not [b for b in d.iter_inner_content() if isinstance(b, Table) and len(b.columns) != 2], \
        "no school block: the only tables are the signatures"
    assert "PAGE" not in section.header._element.xml, "a person's page is not numbered in the school's pile"


def test_each_page_says_the_persons_year_and_the_rating_ticked(made):
    pages = docx_pages(made["paper"].path)
    ratings = made["summary"].year.ratings
    for code, (name, score, rating) in EXPECTED.items():
        lines = _page_of(pages, name)
        used, total = len(ratings[code].used), len(PERIODS)
        assert atx.TOTAL.format(score=score, how=atx.HOW[cm.AVERAGE].format(used=used, total=total)) in lines, name
        assert _ticked(_part(lines, atx.PART_2, atx.PART_3)) == [], "the person ticks their own rating"
        own = _part(lines, atx.PART_2, atx.PART_3)
        assert own == [f"{atx.BOX}  {RATING_WORDS[r]}" for r in cm.RATINGS], name
        authority = _part(lines, atx.PART_3, atx.PART_4)
        assert _ticked(authority) == ([RATING_WORDS[rating]] if rating else []), name
        assert sum(line.startswith((atx.BOX, atx.BOX_TICKED)) for line in authority) == 4
        signed = [line for line in lines if line in (name, "Nguyễn Văn Hiệu")]
        assert signed == [name, "Nguyễn Văn Hiệu"], "the person signs on the left, the principal on the right"


def test_the_split_of_the_score_is_left_to_write_never_zero(made):
    """Periods known by their totals alone (no parts: tests/e2e/test_appraisal_points.py has them): the general
    criteria (≤ 30) and the task results (≤ 70) say they are not known and are dotted lines to fill by hand; a period
    without a score is said, not counted as 0."""
    pages = docx_pages(made["paper"].path)
    for lines in pages:
        part = _part(lines, atx.PART_1, atx.PART_2)
        assert part[:2] == [f"{atx.GENERAL} chưa có \t", f"{atx.TASKS} chưa có \t"]  # no number: never a 0
    dung = _page_of(pages, "Lê Thị Dung")
    assert atx.PERIODS.format(scores="Tháng 9/2025: 80") in dung
    assert atx.PERIODS_NONE.format(periods="Tháng 10/2025, Tháng 11/2025") in dung
    lan = _page_of(pages, "Nguyễn Thị Lan")
    assert atx.PERIODS.format(scores="Tháng 9/2025: 95; Tháng 10/2025: 96; Tháng 11/2025: 94") in lan
    assert not any(line.startswith(atx.PERIODS_NONE.split(":")[0]) for line in lan)


def test_the_rating_ticked_says_where_it_comes_from(made):
    """Computed from the periods: provisional until the competent authority decides (NĐ 233/2026 điều 13 khoản 3);
    entered by the authority: decided, the computed one beside it where they differ; not rated: no source."""
    pages = docx_pages(made["paper"].path)

    def under_iii(name: str) -> list[str]:
        return _part(_page_of(pages, name), atx.PART_3, atx.PART_4)[4:]  # after the four boxes

    assert under_iii("Nguyễn Thị Lan") == [atx.RATED_COMPUTED]
    assert under_iii("Trần Văn Đức") == [atx.RATED_COMPUTED]  # HTTNV by the cap: computed all the same
    assert under_iii("Vũ Thị Mai") == [atx.RATED_ENTERED_DIFFERS.format(computed=RATING_WORDS["HTNV"])]
    assert not any(line.startswith("Ô đã đánh dấu") for line in under_iii("Đặng Văn Hùng"))
    summary = made["summary"]
    ratings = dict(summary.year.ratings)
    ratings["GV01"] = dataclasses.replace(ratings["GV01"], entered=True)  # the authority decided what was computed
    decided = dataclasses.replace(summary, year=dataclasses.replace(summary.year, ratings=ratings))
    path = made["folder"].parent / "quyet-dinh.docx"
    appraisal.paper(Facts(decided)).save(path)
    assert _part(_page_of(docx_pages(path), "Nguyễn Thị Lan"), atx.PART_3, atx.PART_4)[4:] == [atx.RATED_ENTERED]


def test_a_person_not_rated_has_no_box_ticked_and_the_reason(made):
    lines = _page_of(docx_pages(made["paper"].path), "Đặng Văn Hùng")
    after = _part(lines, atx.PART_3, atx.PART_4)
    assert _ticked(after) == []
    assert any(line.startswith("Không đánh dấu ô nào: chỉ làm việc 4 tháng") for line in after)


def test_remarks_are_left_to_the_authority(made):
    for lines in docx_pages(made["paper"].path):
        remarks = lines[lines.index(atx.PART_4 + atx.FOOTNOTE_MARK) + 1:][:appraisal.IV_LINES]
        assert remarks == ["\t"] * appraisal.IV_LINES


def test_the_form_passes_the_validator(made, tmp_path):
    validator = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2010)
    for path in (made["paper"].path, _worst_case(tmp_path)[0]):
        findings = [f"{e.error_type.value} {e.part_uri} {e.path}: {e.description[:200]}"
                    for e in validator.validate(str(path)).errors]
        assert findings == [], path.name


# --- the longest page: twelve months, a long name, a long unit, not rated; the principal's own page ---------

def _worst_case(folder: Path) -> tuple[Path, list[str]]:
    """A year of twelve monthly periods: the principal scored every month, a teacher with a long name three months
    of twelve (not rated; her department sent its book every month), a newcomer scored in none. The Phiếu written
    alone, as a .docx; returns it and the names in page order."""
    months = []
    for k in range(12):
        year, month = (2025, 9 + k) if k < 4 else (2026, k - 3)
        end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        months.append({"code": f"thang-{month}", "label": f"Tháng {month}/{year}", "start": f"{year}-{month:02d}-01",
                       "end": end.isoformat()})
    person = {"role": "Giáo viên", "gender": "Nữ", "dob": "1980-01-02", "start": "2005-09-05", "rating": None,
              "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False, "initiative": "",
              "initiative_level": "", "initiative_decision": ""}
    staff = [{**person, "code": "HT", "name": "Nguyễn Văn Hiệu", "department": "T1", "position": "Hiệu trưởng",
              "months": 12},
             {**person, "code": "GV", "name": "Hoàng Thị Thu Hương Giang Nguyễn Phương", "department": "T2",
              "position": "", "months": 3},
             {**person, "code": "NV", "name": "Đỗ Thị Mới", "department": "T1", "position": "Giáo viên",
              "months": 12},
             {**person, "code": "GV2", "name": "Lò Văn Pá", "department": "T2", "position": "Giáo viên",
              "months": 12}]  # the long-named department sent its book every month: the teacher's months are hers
    departments = [{"code": "T1", "name": "Tổ khối 1", "head": "", "email": ""},
                   {"code": "T2", "name": "Tổ Văn phòng – Khối 5 và các lớp ghép điểm trường Bản Xa Xa", "head": "",
                    "email": ""}]
    year = cm.from_dict(campaign_dict(period_kind=cm.MONTHS, periods=months, staff=staff, departments=departments,
                                      rubrics=[RUBRIC_GV, RUBRIC_NV]))
    totals = {"HT": tuple(88.25 + k / 2 for k in range(12)), "GV": (77.75,) * 3 + (None,) * 9, "GV2": (80,) * 12}
    summary = year_summary(year, [], period_summaries(totals, [m["code"] for m in months], {}))
    path = folder / f"{FILE}.docx"
    appraisal.paper(Facts(summary)).save(path)
    return path, [p.name for p in summary.people]


def test_the_principal_is_rated_by_the_level_above_and_unknowns_are_blank(tmp_path):
    path, names = _worst_case(tmp_path)
    pages = docx_pages(path)
    principal = _page_of(pages, "Nguyễn Văn Hiệu")
    assert principal.count("Nguyễn Văn Hiệu") == 1 and SIGN_BLANK_NAME in principal, "the authority signs by hand"
    assert atx.POSITION.format(position="Hiệu trưởng") + " \t" in principal
    assert atx.TOTAL.format(score="91", how=atx.HOW[cm.AVERAGE].format(used=12, total=12)) in principal
    teacher = _page_of(pages, "Hoàng Thị Thu Hương Giang Nguyễn Phương")
    assert atx.POSITION.format(position="").rstrip() + " \t" in teacher, "no position: a dotted line"
    assert atx.TOTAL.format(score="77,75", how=atx.HOW[cm.AVERAGE].format(used=3, total=12)) in teacher
    assert "Nguyễn Văn Hiệu" in teacher
    newcomer = _page_of(pages, "Đỗ Thị Mới")  # no period scored: no total, nothing ticked, never 0
    assert f"{atx.TOTAL_BLANK} \t" in newcomer and not any(line.startswith(atx.PERIODS[:6]) for line in newcomer)
    assert _ticked(newcomer) == [] and any(line.startswith("Không đánh dấu ô nào: chưa có điểm") for line in newcomer)


# --- with LibreOffice: the PDF ----------------------------------------------------------------------------------

def _fonts(pdf: Path) -> set[str]:
    table = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in table.splitlines()[2:] if line.strip()}


@pytest.mark.libreoffice
def test_the_pdf_has_one_a4_page_per_person_in_times(made):
    require_writer()
    paper = made["paper"]
    assert paper.pdf == paper.path.with_suffix(".pdf") and paper.pdf.is_file()
    pages = page_texts(paper.pdf)
    assert len(pages) == len(EXPECTED)
    boxes = media_boxes(paper.pdf)
    assert boxes and all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in boxes)
    fonts = _fonts(paper.pdf)
    assert fonts and all(re.match(r"(LiberationSerif|TimesNewRoman|Times)", f) for f in fonts), fonts
    for text, (name, score, rating) in zip(pages, (EXPECTED[p.code] for p in made["summary"].people)):
        assert re.search(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$", text, re.M), name
        assert f"Họ và tên: {name}" in text and f"Tổng số điểm năm: {score}/100 điểm" in text, name
        assert text.count(atx.BOX_TICKED) == (1 if rating else 0), name
        if rating:
            assert re.search(rf"{atx.BOX_TICKED}\s+{RATING_WORDS[rating]}\s*$", text, re.M), name
        assert text.count(atx.BOX) == (8 - 1 if rating else 8)
        assert re.search(r"VIÊN CHỨC TỰ XẾP LOẠI\s+CẤP CÓ THẨM QUYỀN XẾP LOẠI", text), "the signatures on the page"
        assert atx.FOOTNOTE.split("Nghị định")[0] in " ".join(text.split()), name


@pytest.mark.libreoffice
def test_the_longest_page_still_fits_on_one_sheet(tmp_path):
    require_writer()
    path, names = _worst_case(tmp_path)
    made, problem = convert_pdfs([path])
    assert problem == ""
    pages = page_texts(made[path])
    assert len(pages) == len(names), "one sheet per person, twelve periods and the longest lines included"
    for text, name in zip(pages, names):
        assert f"Họ và tên: {name}" in text and "VIÊN CHỨC TỰ XẾP LOẠI" in text, name
        assert atx.FOOTNOTE.split("Nghị định")[0] in " ".join(text.split()), name
