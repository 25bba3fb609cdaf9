"""Part I of the year's Phiếu xếp loại: the general criteria (/30) and the task results (/70), carried
from each period's scoring forms through the period's summary (its hidden metadata) into the year, each the year's
as the total is (the average of the periods it used), printed with two decimals — and "chưa có", never 0, where a
part is not known: a period scored by the head as a total, a rubric not split 30 + 70, a summary written by an
older version. What is read back is checked as the total is: a part of the wrong type, out of its range or not
adding up to the period's score is said with its cell and not used.

A real quarterly year: three quarters generated, filled by the departments, merged; the second one's head's pass;
then ``year --docs``, and the Phiếu read back from the .docx (and its PDF, where LibreOffice is installed)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from tests.conftest import RUBRIC_NV, campaign_dict, make_folder
from tests.filling import fill, layout, person_values, stamp_saved_time
from tests.head_pass import head_scores
from tests.summary_meta import read_summary_meta, rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.papers import appraisal
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.read.containment import scan_inbox
from thidua_xlsx.read.period_summaries import read_period_summaries
from thidua_xlsx.text import appraisal as atx
from thidua_xlsx.text import summary as sx

QUARTERS = [{"code": "quy-1", "label": "Quý I", "start": "2025-09-01", "end": "2025-11-30", "deadline": "2025-12-05"},
            {"code": "quy-2", "label": "Quý II", "start": "2025-12-01", "end": "2026-02-28", "deadline": "2026-03-05"},
            {"code": "quy-3", "label": "Quý III", "start": "2026-03-01", "end": "2026-05-31",
             "deadline": "2026-06-05"}]
PERIODS = [q["code"] for q in QUARTERS]
RUBRIC_VC = {  # the decree's frame: general criteria ≤ 30 (điều 10), task results ≤ 70 (điều 11)
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
STAFF = [  # code, name, department, role
    ("VC01", "Nguyễn Thị Lan", "T1", "Viên chức"),
    ("VC02", "Trần Văn Đức", "T1", "Viên chức"),
    ("VC03", "Lê Thị Dung", "T2", "Viên chức"),
    ("VC04", "Phạm Ngọc Ánh", "T2", "Viên chức"),
    ("NV01", "Đỗ Văn Anh", "T2", "Nhân viên"),
]
NAMES = {code: name for code, name, _, _ in STAFF}


def _vc(a: float, b: float, c: float, d: float) -> dict[str, float]:
    return {"I.1": a, "I.2": b, "II.1": c, "II.2": d}


# what each department typed per quarter: (self column, department column); None: that person not scored
FORMS = {
    "VC01": [(_vc(14, 13, 36, 24),) * 2, (_vc(14.5, 14, 37, 25),) * 2, (_vc(15, 11, 35, 24),) * 2],  # 87, 90,5, 85
    "VC02": [(_vc(12, 12, 30, 20),) * 2, None, (_vc(13, 13, 32, 22),) * 2],  # 74, —, 80: Quý II not scored
    "VC03": [(_vc(15, 15, 40, 28), None)] * 3,  # the self column alone: 98 each quarter, 30 + 68
    "VC04": [(_vc(12, 12, 34, 22),) * 2] * 3,  # 80 each; the head gives 70 in Quý II (a total alone)
    "NV01": [({"I.1": 55, "I.2": 35},) * 2] * 3,  # one group of 100: not the decree's 30 + 70
}
HEAD = {"VC04": (70, "Hiệu trưởng chấm lại: chưa nộp kế hoạch")}  # the head's pass of Quý II


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _campaign() -> cm.Campaign:
    person = {"position": "Giáo viên", "gender": "Nữ", "dob": "1985-01-02", "start": "2008-09-05", "rating": None,
              "months": 12, "maternity_months": 0, "days_off": 0, "discipline": "Không", "under_review": False,
              "initiative": "", "initiative_level": "", "initiative_decision": ""}
    staff = [{**person, "code": code, "name": name, "department": dept, "role": role}
             for code, name, dept, role in STAFF]
    levels = [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
              {"name": "KHTNV", "min": 0}]
    return cm.from_dict(campaign_dict(id="nam-hoc-theo-quy", period_kind=cm.QUARTERS, periods=QUARTERS, staff=staff,
                                      rules={"ldtt_min_classification": "HTTNV"}, classification=levels,
                                      gate_cap="HTNV", rubrics=[RUBRIC_VC, RUBRIC_NV]))


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """Three quarters generated, filled and merged into ``ky/`` (Quý II by the head's pass, its first summary kept
    apart), then the year with its papers."""
    root = tmp_path_factory.mktemp("quy")
    folder = make_folder(root / "campaign", _campaign())
    book = folder.folder / "campaign.xlsx"
    ky = root / "ky"
    for k, period in enumerate(PERIODS):
        result = _run("generate", book, "--round", "cham-diem", "--period", period)
        assert result.exit_code == 0, result.output
        inbox = root / "inbox" / period
        for path in (folder.folder / "outbox" / period).glob("*.xlsx"):
            values = {}
            for rec in layout(path).of_kind(ly.ScoringSheet):
                typed = FORMS.get(rec.person_code, [None] * 3)[k]
                if typed is not None:
                    values |= person_values(rec, *typed)
            fill(path, inbox / path.name, values)
            stamp_saved_time(inbox / path.name, dt.datetime.fromisoformat(QUARTERS[k]["deadline"]))
        first = (root / "lan-dau" if period == "quy-2" else ky) / f"tong-hop_{period}.xlsx"
        result = _run("merge", inbox, "--period", period, "-o", first, "--campaign", book)
        assert result.exit_code == 0, result.output
    council = root / "hieu-truong_quy-2.xlsx"
    head_scores(root / "lan-dau" / "tong-hop_quy-2.xlsx", council, HEAD)
    result = _run("merge", root / "inbox" / "quy-2", "--period", "quy-2", "--council", council, "-o",
                  ky / "cuoi_quy-2.xlsx", "--campaign", book)
    assert result.exit_code == 0, result.output
    out = root / "tong-hop_ca-nam.xlsx"
    result = _run("year", ky, "-o", out, "--json", root / "ca-nam.json", "--campaign", book, "--docs", root / "ho-so")
    assert result.exit_code == 0, result.output
    report = json.loads((root / "ca-nam.json").read_text(encoding="utf-8"))
    return {"root": root, "folder": folder, "book": book, "ky": ky, "out": out, "result": result,
            "people": {p["code"]: p for p in report["people"]}, "report": report,
            "paper": root / "ho-so" / f"{atx.FILE_APPRAISAL}.docx"}


# --- reading the Phiếu back ---------------------------------------------------------------------------------------

def _pages(path: Path) -> dict[str, list[str]]:
    """Each person's page of the Phiếu (its paragraphs' lines, the signatures' table left out), by name."""
    pages: list[list[str]] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Paragraph):
            if not pages or block.paragraph_format.page_break_before:
                pages.append([])
            pages[-1].append(block.text)
    return {line.removeprefix(atx.NAME.format(name="")): lines for lines in pages for line in lines
            if line.startswith(atx.NAME.format(name=""))}


def _part_one(lines: list[str]) -> list[str]:
    return lines[lines.index(atx.PART_1) + 1:lines.index(atx.PART_2)]


def _known(general: str, tasks: str) -> list[str]:
    return [atx.PART_KNOWN.format(label=atx.GENERAL, score=general),
            atx.PART_KNOWN.format(label=atx.TASKS, score=tasks)]


UNKNOWN = [f"{atx.PART_UNKNOWN.format(label=atx.GENERAL)} \t", f"{atx.PART_UNKNOWN.format(label=atx.TASKS)} \t"]


def _partly(*lacking: str) -> list[str]:
    """Part I's two lines of a year whose parts are not known while other periods have them: which periods lack them
    (a total alone) — never the others' average, which would not add up to the total printed."""
    return [f"{atx.PART_NOT_KNOWN.format(label=label, periods=', '.join(lacking))} \t"
            for label in (atx.GENERAL, atx.TASKS)]


def _total(score: str, used: int) -> str:
    return atx.TOTAL.format(score=score, how=atx.HOW[cm.AVERAGE].format(used=used, total=len(PERIODS)))


def _periods(*scores: tuple[str, str]) -> str:
    """The line of each period's score; a score followed by "*": that period's total alone (where others have their
    parts)."""
    return atx.PERIODS.format(scores="; ".join(
        (atx.PERIOD_SCORE_WHOLE if score.endswith("*") else atx.PERIOD_SCORE).format(label=label,
                                                                                    score=score.rstrip("*"))
        for label, score in scores))


# --- the quarters' summaries carry the parts -----------------------------------------------------------------------

def test_each_quarter_s_summary_carries_the_parts_of_the_score_that_counts(year):
    first = read_summary_meta((year["ky"] / "tong-hop_quy-1.xlsx").read_bytes())
    assert first.schema_version == ly.SUMMARY_SCHEMA_VERSION >= ly.PERIOD_PARTS_SCHEMA
    assert dict((code, (g, t)) for code, g, t in first.parts) == {
        "VC01": (27, 60), "VC02": (24, 50), "VC03": (30, 68), "VC04": (24, 56)}  # NV01: not split 30 + 70
    head = read_summary_meta((year["ky"] / "cuoi_quy-2.xlsx").read_bytes())
    assert head.council and "VC04" not in dict((code, g) for code, g, _ in head.parts)  # the head's 70: a total
    assert dict((code, (g, t)) for code, g, t in head.parts)["VC01"] == (28.5, 62)


# --- part I as the Phiếu prints it ----------------------------------------------------------------------------------

def test_part_one_prints_the_year_s_general_criteria_and_task_results(year):
    lan = _part_one(_pages(year["paper"])[NAMES["VC01"]])
    # (27 + 28,5 + 26) / 3 = 27,1667 and (60 + 62 + 59) / 3 = 60,3333: the year's as the total 87,5 is, cut once at
    # the total: 27,16 (never rounded up) and 87,5 − 27,16 = 60,34, so that the parts add up, said how
    assert lan == [*_known("27,16", "60,34"), atx.PARTS_CUT_ONCE, _total("87,5", 3),
                   _periods(("Quý I", "87"), ("Quý II", "90,5"), ("Quý III", "85"))]
    assert year["people"]["VC01"]["year"]["parts"] == {"general": 27.1667, "tasks": 60.3333}  # the JSON says the same
    assert year["people"]["VC01"]["year"]["score"] == 87.5


def test_a_quarter_without_a_score_counts_in_neither_the_total_nor_its_parts(year):
    duc = _part_one(_pages(year["paper"])[NAMES["VC02"]])
    assert duc == [*_known("25", "52"), _total("77", 2), _periods(("Quý I", "74"), ("Quý III", "80")),
                   atx.PERIODS_NONE.format(periods="Quý II")]


def test_the_parts_come_from_the_column_the_score_came_from(year):
    dung = _part_one(_pages(year["paper"])[NAMES["VC03"]])  # nothing in the department's column: the self column
    assert dung[:3] == [*_known("30", "68"), _total("98", 3)]


def test_the_head_s_score_is_a_total_alone_its_parts_said_not_known(year):
    anh = _part_one(_pages(year["paper"])[NAMES["VC04"]])
    # why, beside it: the head's 70 is a total alone
    assert anh == [*_partly("Quý II"), _total("76,66", 3),  # not (24 + 56, the other quarters') beside 76,66
                   _periods(("Quý I", "80"), ("Quý II", "70*"), ("Quý III", "80")),
                   atx.PERIOD_HEAD_CORRECTED.format(period="Quý II", before="80", score="70",
                                                    note=HEAD["VC04"][1])]  # her correction, with her reason
    assert "chuyển đến" not in anh[-1] and "trường cũ" not in anh[-1]  # she never moved: the head set her score
    assert year["people"]["VC04"]["year"]["parts"] == {"general": None, "tasks": None}  # never 0


def test_a_rubric_not_split_30_70_leaves_both_parts_to_write(year):
    anh = _part_one(_pages(year["paper"])[NAMES["NV01"]])
    assert anh == [*UNKNOWN, _total("90", 3), _periods(("Quý I", "90"), ("Quý II", "90"), ("Quý III", "90"))]


@pytest.mark.libreoffice
def test_the_pdf_prints_part_one_on_each_person_s_one_page(year):
    from tests.libreoffice import require_libreoffice
    from tests.pdf_pages import pdf_pages

    require_libreoffice()
    pages = pdf_pages(year["paper"].with_suffix(".pdf"))
    assert len(pages) == len(STAFF)
    lan = " ".join(next(page for page in pages if NAMES["VC01"] in page).split())
    assert "(tối đa 30 điểm): 27,16 điểm" in lan and "(tối đa 70 điểm): 60,34 điểm" in lan
    anh = " ".join(next(page for page in pages if NAMES["VC04"] in page).split())
    assert "(tối đa 30 điểm): chưa rõ (Quý II chỉ có tổng điểm)" in anh  # no number: never a 0, nor an average
    assert "(tối đa 70 điểm): chưa rõ (Quý II chỉ có tổng điểm)" in anh


# --- the year's council: its score is a total alone ---------------------------------------------------------------

def test_a_score_the_council_gives_the_year_leaves_its_parts_not_known(year, tmp_path):
    from tests.filling import council_types

    council = tmp_path / "hoi-dong.xlsx"
    council_types(year["out"], council, {"VC01": (95, None, "Hội đồng chấm lại theo minh chứng")})
    report = tmp_path / "cuoi.json"
    result = _run("year", year["ky"], "--council", council, "-o", tmp_path / "cuoi.xlsx", "--json", report,
                  "--campaign", year["book"])
    assert result.exit_code == 0, result.output
    people = {p["code"]: p for p in json.loads(report.read_text(encoding="utf-8"))["people"]}
    assert people["VC01"]["year"]["score"] == 95
    assert people["VC01"]["year"]["parts"] == {"general": None, "tasks": None}  # 27,16 + 60,33 is not 95
    assert people["VC02"]["year"]["parts"] == {"general": 25, "tasks": 52}  # the others as the periods make them


# --- what is read back: an older summary, a part damaged ----------------------------------------------------------

def _rewritten(source: Path, target: Path, change) -> None:
    """``source`` with its metadata as ``change`` (a function of the metadata's JSON) makes it."""
    rewrite_meta(source, target, change)


def _year_of(year, folder: Path, tmp_path: Path):
    """The year over ``folder`` as the command reads it, and its Phiếu written alone: (summary, problems, pages)."""
    from thidua_xlsx.decide.year import select_periods, year_summary

    campaign = year["folder"].campaign
    files, read = read_period_summaries(scan_inbox(folder), campaign)
    files, periods = select_periods(files, read)
    summary = year_summary(campaign, files, periods)
    path = tmp_path / f"{atx.FILE_APPRAISAL}.docx"
    appraisal.paper(Facts(summary)).save(path)
    return summary, [i for i in summary.issues if i.code.startswith("year.part")], _pages(path)


def _copy(year, tmp_path: Path) -> Path:
    folder = tmp_path / "ky"
    shutil.copytree(year["ky"], folder)
    return folder


def test_a_quarter_summed_by_an_older_version_is_read_its_parts_not_known(year, tmp_path):
    folder = _copy(year, tmp_path)
    _rewritten(year["ky"] / "tong-hop_quy-3.xlsx", folder / "tong-hop_quy-3.xlsx",
               lambda data: {k: v for k, v in data.items() if k != "parts"} | {"schema_version": 5})
    summary, said, pages = _year_of(year, folder, tmp_path)
    assert [(i.code, i.severity, i.file) for i in said] == [("year.parts_old", "note", "tong-hop_quy-3.xlsx")]
    assert "(thidua-xlsx merge --period quy-3)" in said[0].message and "không tính là 0" in said[0].message
    lan = _part_one(pages[NAMES["VC01"]])
    assert lan == [*_partly("Quý III"), _total("87,5", 3),  # the total and the rating as before
                   _periods(("Quý I", "87"), ("Quý II", "90,5"), ("Quý III", "85*"))]
    assert summary.year.ratings["VC01"].rating == year["people"]["VC01"]["year"]["rating"]


def _with_parts(parts: dict[str, list]):
    def change(data: dict) -> dict:
        return data | {"parts": [[code, *parts.get(code, (g, t))] for code, g, t in data["parts"]]}
    return change


def test_a_part_damaged_is_said_at_its_cell_and_not_used(year, tmp_path):
    folder = _copy(year, tmp_path)
    source = year["ky"] / "tong-hop_quy-1.xlsx"
    _rewritten(source, folder / "tong-hop_quy-1.xlsx", _with_parts({
        "VC01": (45, 42),  # 45 > 30 (and 45 + 42 is not 87)
        "VC02": ("hai mươi bốn", 50),  # text
        "VC03": (30, 60),  # in range, but 30 + 60 is not 98
    }))
    summary, said, pages = _year_of(year, folder, tmp_path)
    detail = load_workbook(source)[sx.S_DETAIL]
    rows = {r[1].value: r[1].row for r in detail.iter_rows() if r[1].value in NAMES}
    head = next(r for r in detail.iter_rows() if sx.DETAIL_HEAD_FIRST[1] in [c.value for c in r])
    columns = {str(c.value).split(".")[0]: c.column_letter for c in head if c.value}
    score = next(c.column_letter for c in head if c.value == sx.DETAIL_HEAD_LAST[5])
    dept = chr(ord(columns["I"]) + 1)  # the group's "Tổ chấm" column, beside its "Tự chấm"
    found = {(i.code, dict(i.params)["person"]): i for i in said}
    assert sorted(found) == [("year.part_not_number", "VC02"), ("year.part_out_of_range", "VC01"),
                             ("year.parts_not_total", "VC03")]
    out_of_range = found[("year.part_out_of_range", "VC01")]
    assert (out_of_range.severity, out_of_range.sheet, out_of_range.cell) == ("error", sx.S_DETAIL,
                                                                             f"{dept}{rows['VC01']}")
    assert "Điểm tiêu chí chung kỳ Quý I của Nguyễn Thị Lan (VC01) là 45, ngoài khoảng 0 – 30: không dùng" in \
        out_of_range.message
    text = found[("year.part_not_number", "VC02")]
    assert text.cell == f"{dept}{rows['VC02']}" and "là 'hai mươi bốn', không phải một số" in text.message
    total = found[("year.parts_not_total", "VC03")]
    assert total.cell == f"{score}{rows['VC03']}"  # the score they should add up to
    assert "là 30 + 60, không bằng tổng điểm kỳ 98" in total.message
    # not used: the year's parts of each said not known; the total, the rating as before
    for code in ("VC01", "VC02", "VC03"):  # the year's parts not known; the other periods' said as such
        general, tasks = _part_one(pages[NAMES[code]])[:2]
        assert general.startswith(atx.PART_NOT_KNOWN.format(label=atx.GENERAL, periods="Quý I")), (code, general)
        assert tasks.startswith(atx.PART_NOT_KNOWN.format(label=atx.TASKS, periods="Quý I")), (code, tasks)
        assert summary.year.ratings[code].score == year["people"][code]["year"]["score"], code
    assert ": 45" not in _part_one(pages[NAMES["VC01"]])[0]  # the part out of range is not used
    assert summary.year.ratings["VC02"].parts.general is None  # the text not taken
    assert _part_one(pages[NAMES["VC01"]])[-1] == _periods(("Quý I", "87*"), ("Quý II", "90,5"), ("Quý III", "85"))


def test_parts_of_the_wrong_shape_refuse_the_file(year, tmp_path):
    folder = _copy(year, tmp_path)
    _rewritten(year["ky"] / "tong-hop_quy-1.xlsx", folder / "tong-hop_quy-1.xlsx",
               lambda data: data | {"parts": [["VC01", 27]]})
    files, read = read_period_summaries(scan_inbox(folder), year["folder"].campaign)
    refused = {f.name: f.reason for f in files if f.name not in read}
    assert refused == {"tong-hop_quy-1.xlsx": "year.meta_broken"}
