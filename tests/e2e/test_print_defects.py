"""What was wrong on the printed pages (rendered with LibreOffice and looked at), each read back as a user
would check it:

* the names at the top left of every sheet (the managing body, the school) break only between their groups —
  "ỦY BAN NHÂN DÂN" / "PHƯỜNG HÀ ĐÔNG", never "… HÀ" / "ĐÔNG" — and each row is as high as its lines;
* campaign.xlsx's *Hướng dẫn* prints on A4 upright within the margins, its lines wrapped and whole;
* the sheets the council types into (*Điểm chi tiết*, *Xếp loại năm*) leave every row room for a title's name and a
  sentence of reason: what the council typed stays inside its row;
* the Biên bản and the Tờ trình say "(có danh sách kèm theo)" only where the list goes with them; a year made from
  its periods (no list sheet) names its people in the paragraph;
* a year's overview says which periods each department sent, never "Có" for a department missing one.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from tests.filling import council_types
from tests.libreoffice import require_libreoffice
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.issued import department_spec
from thidua_xlsx.model.titles import CSTDCS, NO_PROPOSAL
from thidua_xlsx.papers import letter, minutes
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.system.office import convert
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx
from thidua_xlsx.write import engine
from thidua_xlsx.write.campaign_book import GUIDE_WIDTH, write_campaign_book
from thidua_xlsx.write.department import write_issued_workbook
from thidua_xlsx.write.summary import write_summary
from thidua_xlsx.write.summary.tables import COUNCIL_LINES

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
YEAR_SAMPLE = SAMPLES / "ca-nam"
LONG = ("Ủy ban nhân dân phường Hà Đông", "Trường Trung học cơ sở Nguyễn Thị Minh Khai")
LONG_LINES = ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÀ ĐÔNG", "TRƯỜNG TRUNG HỌC\nCƠ SỞ\nNGUYỄN THỊ MINH KHAI")
REASONS = {"note": "Hội đồng chấm lại minh chứng tiêu chí chuyên môn", "withdrawn": "Đồng chí xin rút tại cuộc họp",
           "score": "Sổ của tổ có ô sai, ô trống; Hội đồng xác định lại điểm"}


def _open(path: Path):
    from thidua_xlsx.steps.workspace import open_campaign

    folder, problems = open_campaign(path)
    assert folder is not None, [p.render() for p in problems]
    return folder


def _renamed(folder, managing_body: str, school: str):
    c = folder.campaign
    return dataclasses.replace(folder, campaign=dataclasses.replace(c, school=dataclasses.replace(
        c.school, managing_body=managing_body, name=school)))


def _merged(folder):
    from thidua_xlsx.service import merge_inbox

    return merge_inbox(SAMPLES / "inbox", folder)


def _year(drop: tuple[str, str] | None = None):
    """The sample year (samples/ca-nam/ky), ``drop``: (department, period) whose people the period's summary lacks,
    as if the department had not sent its book."""
    from thidua_xlsx.decide.year import select_periods, year_summary
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.read.period_summaries import read_period_summaries

    campaign = _open(YEAR_SAMPLE / "campaign.xlsx").campaign
    files, read = read_period_summaries(scan_inbox(YEAR_SAMPLE / "ky"), campaign)
    files, periods = select_periods(files, read)
    if drop is not None:
        department, period = drop
        members = {p.code for p in campaign.staff if p.department == department}
        kept = periods[period]
        periods[period] = dataclasses.replace(kept, people={code: entry for code, entry in kept.people.items()
                                                            if code not in members})
    return year_summary(campaign, files, periods, campaign.unit_rating or None)


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's lines as pdftotext reads them in reading order (a table cell's lines one under the other)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: pages not read")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]]


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """The words of a page with their boxes (x min, y min, x max, y max, word), as poppler lays them out."""
    import re

    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found]


def _cells(ws) -> dict[str, object]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value not in (None, "")}


def _text(ws) -> str:
    return " ".join(str(v) for v in _cells(ws).values())


# --- 1. the header's names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("names, width, expected", [
    (("UBND phường Hà Đông", "Trường THCS Kim Sơn"), 26, ("UBND PHƯỜNG HÀ ĐÔNG", "TRƯỜNG THCS KIM SƠN")),
    (LONG, 26, LONG_LINES),
    (LONG, 45, ("ỦY BAN NHÂN DÂN PHƯỜNG HÀ ĐÔNG", "TRƯỜNG TRUNG HỌC CƠ SỞ\nNGUYỄN THỊ MINH KHAI")),
    (("UBND thành phố Hồ Chí Minh", "Trường Tiểu học Trực Cường"), 28,
     ("UBND\nTHÀNH PHỐ HỒ CHÍ MINH", "TRƯỜNG TIỂU HỌC\nTRỰC CƯỜNG")),
])
def test_the_header_breaks_a_name_only_between_its_groups(names, width, expected):
    school = cm.School(names[1], names[0], "Hà Đông", "2026-2027", "UBND phường Hà Đông")
    rows = engine.header_rows(school, left_width=width)
    assert (rows[0][0][0], rows[1][0][0]) == expected
    room = width * engine.CHAR_PT - engine.CELL_PAD_PT
    for (text, style), _ in rows:
        bold = bool(engine.PRINTED_STYLES[style].get("bold"))
        assert all(engine.text_pt(line, size=12, bold=bold) <= room for line in text.split("\n")), text


@pytest.fixture(scope="module")
def long_names(tmp_path_factory):
    """The sample school renamed to long names: its summary, and a department's scoring workbook."""
    root = tmp_path_factory.mktemp("ten-dai")
    folder = _renamed(_open(SAMPLES / "campaign.xlsx"), *LONG)
    write_summary(_merged(folder), root / "tong-hop.xlsx")
    c = folder.campaign
    write_issued_workbook(department_spec(c, c.departments[0], ly.SCORING), root / "so.xlsx")[0]
    return root


def _whole(lines: str) -> None:
    """The names' lines are the names, each place or proper name on one line."""
    body, school = (name.upper() for name in LONG)
    assert " ".join(lines.split("\n")) in (body, school), lines
    assert any("PHƯỜNG HÀ ĐÔNG" in line or "NGUYỄN THỊ MINH KHAI" in line for line in lines.split("\n")), lines


def test_every_sheet_s_header_holds_its_names_whole_in_rows_as_high_as_their_lines(long_names):
    wb = load_workbook(long_names / "tong-hop.xlsx")
    for name in (sx.S_MINUTES, sx.S_LETTER):  # the left half 26 wide: three lines for the school
        assert (wb[name]["A1"].value, wb[name]["A2"].value) == LONG_LINES, name
    for ws in (wb[sx.S_OVERVIEW], wb[sx.S_PROPOSAL], wb[sx.S_MINUTES], wb[sx.S_LETTER],
               next(ws for ws in load_workbook(long_names / "so.xlsx").worksheets if ws.sheet_state == "visible"
                    and str(ws["A1"].value).startswith("ỦY BAN"))):  # a department's first sheet with the header
        for row in (1, 2):
            lines = ws.cell(row, 1).value
            _whole(lines)
            assert ws.row_dimensions[row].height >= engine.row_height(lines.count("\n") + 1), (ws.title, row)


@pytest.mark.libreoffice
def test_libreoffice_prints_the_letter_s_names_as_written(long_names):
    require_libreoffice()
    pages = _pages(convert(long_names / "tong-hop.xlsx", "pdf", long_names))
    top = next(lines for lines in pages if sx.LETTER_TITLE in lines)[:10]
    words = set(" ".join(LONG).upper().split())
    names = [line for line in top if set(line.split()) <= words]  # the lines made of the names' words only
    assert names == "\n".join(LONG_LINES).split("\n"), top


# --- 2. campaign.xlsx's guide -------------------------------------------------------------------------------------

@pytest.mark.libreoffice
def test_the_campaign_guide_prints_on_a4_upright_within_the_margins(tmp_path):
    from thidua_xlsx.text.commands import CAMPAIGN_GUIDE

    write_campaign_book(_open(SAMPLES / "campaign.xlsx").campaign, tmp_path / "campaign.xlsx")
    ws = load_workbook(tmp_path / "campaign.xlsx")[ly.GUIDE_SHEET]
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "portrait")
    setup = ws.page_setup  # fitToWidth left out: 1, as Excel reads it
    assert ws.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth or 1, setup.fitToHeight) == (1, 0)
    assert ws.column_dimensions["A"].width <= GUIDE_WIDTH + 1
    assert ws["A1"].alignment.wrap_text and all(ws.cell(r, 1).alignment.wrap_text for r in range(3, ws.max_row + 1))
    assert all(ws.row_dimensions[r].height >= engine.row_height(2) for r in range(3, ws.max_row + 1)
               if len(str(ws.cell(r, 1).value)) > 120)  # a long line gets the rows of its lines
    require_libreoffice()
    pdf = convert(tmp_path / "campaign.xlsx", "pdf", tmp_path)
    words = _words(pdf, 1)
    right = engine.A4_SHORT - engine.MARGINS["right"] * 72
    assert max(x1 for _, _, x1, _, _ in words) <= right
    printed = " ".join(w for *_, w in words)
    assert " ".join(CAMPAIGN_GUIDE[-1].split()) in printed  # the last line is there, whole


# --- 3. the council's rows ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def council_book(tmp_path_factory):
    """The sample's summary as the council types into it at the meeting (hoi-dong.xlsx): a title with its reason,
    a withdrawal, a score; who: the second to fourth people scored (each with a row above and below)."""
    root = tmp_path_factory.mktemp("hoi-dong")
    summary = _merged(_open(SAMPLES / "campaign.xlsx"))
    write_summary(summary, root / "tong-hop.xlsx")
    first, second, third = [p.code for p in summary.people if p.final is not None][1:4]
    council_types(root / "tong-hop.xlsx", root / "hoi-dong.xlsx", {
        first: (88.5, CSTDCS, REASONS["note"]), second: (None, NO_PROPOSAL, REASONS["withdrawn"]),
        third: (80, None, REASONS["score"])})
    return root, (first, second, third)


def test_every_row_the_council_types_into_has_room_for_a_title_and_a_reason(council_book):
    root, _ = council_book
    ws = load_workbook(root / "hoi-dong.xlsx")[sx.S_DETAIL]
    codes = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 2).value or "").startswith(("GV", "NV", "QL"))]
    assert len(codes) > 30
    assert all(ws.row_dimensions[r].height >= engine.row_height(COUNCIL_LINES) for r in codes)


@pytest.mark.libreoffice
def test_what_the_council_typed_prints_inside_its_row(council_book):
    """Each typed reason lies between the codes of the rows above and below it on the printed page (a reason
    cut by its row ran into its neighbours: 18.75 points held one line)."""
    require_libreoffice()
    root, typed = council_book
    pdf = convert(root / "hoi-dong.xlsx", "pdf", root)
    # the first page of the council's columns (the sheet prints pages across: the groups' scores, then these)
    page = next(n for n, lines in enumerate(_pages(pdf), start=1) if sx.DETAIL_HEAD_LAST[4] in lines)
    words = _words(pdf, page)
    codes = sorted((y0, y1, w) for _, y0, _, y1, w in words if w.startswith(("GV", "NV", "QL")) and len(w) == 5)
    texts = [w for *_, w in words]
    for code, reason in zip(typed, REASONS.values()):
        at = next(k for k, (_, _, w) in enumerate(codes) if w == code)
        above, below = codes[at - 1][1], codes[at + 1][0]
        parts = reason.split()
        start = next(k for k in range(len(texts)) if texts[k:k + len(parts)] == parts)  # the cell's words, in order
        boxes = words[start:start + len(parts)]
        assert all(above < y0 and y1 < below for _, y0, _, y1, _ in boxes), (code, reason, above, below, boxes)


@pytest.fixture(scope="module")
def year_written(tmp_path_factory):
    root = tmp_path_factory.mktemp("nam")
    summary = _year()
    write_summary(summary, root / "ca-nam.xlsx")
    return root, summary


def test_the_year_sheet_gives_the_council_the_same_room(year_written):
    root, summary = year_written
    ws = load_workbook(root / "ca-nam.xlsx")[sx.S_YEAR]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value in {p.code for p in summary.people}]
    assert len(rows) == len(summary.people)
    assert all(ws.row_dimensions[r].height >= engine.row_height(COUNCIL_LINES) for r in rows)


# --- 4. "(có danh sách kèm theo)" ---------------------------------------------------------------------------------

def test_a_title_round_s_papers_say_the_list_is_attached_and_it_is(council_book):
    root, _ = council_book
    wb = load_workbook(root / "tong-hop.xlsx")
    assert sx.S_PROPOSAL in wb.sheetnames
    assert sx.LISTED_ATTACHED.strip() in _text(wb[sx.S_MINUTES])
    assert dw.LETTER_ATTACHED in _text(wb[sx.S_LETTER])


def test_a_year_s_minutes_and_letter_name_their_people_for_there_is_no_list_sheet(year_written):
    root, summary = year_written
    wb = load_workbook(root / "ca-nam.xlsx")
    assert sx.S_PROPOSAL not in wb.sheetnames and sx.S_REFUSED in wb.sheetnames  # the council's own list, internal
    proposed = [p.name for p in summary.people if p.proposed]
    assert proposed
    for name in (sx.S_MINUTES, sx.S_LETTER):
        text = _text(wb[name])
        assert "kèm theo)" not in text, name
        assert all(person in text for person in proposed), name


def test_the_year_s_word_papers_say_attached_only_beside_their_list_papers(year_written, tmp_path):
    _, summary = year_written
    made = write_documents(summary, tmp_path / "ho-so", pdf=False)
    lists = {d.name for d in made.documents if d.kind == "list"}
    said = [p.text for p in docx.Document(str(tmp_path / "ho-so" / f"{dw.FILE_MINUTES}.docx")).paragraphs
            if "(có danh sách kèm theo)" in p.text]
    assert said and lists
    for line in said:
        title = line.split("danh hiệu ", 1)[1].split(":", 1)[0]
        assert dw.DOC_NAMES["list"].format(title=title) in lists, line


def test_a_letter_with_nothing_proposed_attaches_no_list(tmp_path):
    summary = _merged(_open(SAMPLES / "campaign.xlsx"))
    bare = dataclasses.replace(summary, people=tuple(dataclasses.replace(p, decisions=()) for p in summary.people),
                               departments=tuple(dataclasses.replace(d, decisions=()) for d in summary.departments))
    for made, path in ((summary, tmp_path / "co.docx"), (bare, tmp_path / "khong.docx")):
        letter.paper(Facts(made)).save(path)
        minutes.paper(Facts(made)).save(tmp_path / f"bb-{path.name}")
    full = " ".join(p.text for p in docx.Document(str(tmp_path / "co.docx")).paragraphs)
    empty = " ".join(p.text for p in docx.Document(str(tmp_path / "khong.docx")).paragraphs)
    assert dw.LETTER_ATTACHED in full and dw.LETTER_FILES_LISTS.strip() in full
    assert dw.LETTER_ATTACHED not in empty and dw.LETTER_FILES_LISTS.strip() not in empty
    assert "kèm theo)" not in " ".join(p.text for p in docx.Document(str(tmp_path / "bb-khong.docx")).paragraphs)


# --- 5. the year's overview ---------------------------------------------------------------------------------------

def test_the_year_s_overview_says_which_periods_each_department_sent(tmp_path):
    campaign = _open(YEAR_SAMPLE / "campaign.xlsx").campaign
    department, period = campaign.departments[1], campaign.periods[1]
    summary = _year((department.code, period.code))
    write_summary(summary, tmp_path / "ca-nam.xlsx")
    ws = load_workbook(tmp_path / "ca-nam.xlsx")[sx.S_OVERVIEW]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == sx.OVERVIEW_HEAD_YEAR[0])
    assert ws.cell(head, 3).value == sx.OVERVIEW_HEAD_YEAR[2]
    sent = {ws.cell(r, 1).value: ws.cell(r, 3).value for r in range(head + 1, ws.max_row + 1) if ws.cell(r, 1).value}
    total = len(campaign.periods)
    assert sent[department.name] == sx.YEAR_SENT_MISSING.format(sent=total - 1, total=total, missing=period.label)
    assert all(value == sx.YEAR_SENT_ALL.format(sent=total, total=total) for name, value in sent.items()
               if name not in (department.name, sx.SCHOOL_TOTAL))
    departments = len(campaign.departments)
    assert sent[sx.SCHOOL_TOTAL] == f"{departments - 1}/{departments}"
    assert sx.YES_SUBMITTED not in sent.values()
