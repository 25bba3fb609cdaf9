"""Đột xuất and chuyên đề awards (sheet "Khen đột xuất" of campaign.xlsx): their own list in the summary, their own
Tờ trình, the JSON, and never counted toward the year's titles or the higher awards (NĐ 152/2025 điều 4 khoản 3)."""

from __future__ import annotations

import json

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from tests.conftest import campaign_dict
from tests.decide.conftest import SAVED, run
from tests.no_office import no_libreoffice
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.places import CAMPAIGN_FILE
from thidua_xlsx.steps.workspace import open_campaign
from thidua_xlsx.text import summary as sx

AWARDS = [
    {"who": "GV04", "kind": "Đột xuất", "achievement": "Cứu học sinh đuối nước ngày 12/3/2026",
     "form": "Giấy khen của Hiệu trưởng", "note": ""},
    {"who": "T2", "kind": "Chuyên đề", "achievement": "Dẫn đầu phong trào 'Trường học hạnh phúc'",
     "form": "Giấy khen của Hiệu trưởng", "note": "Chuyên đề học kỳ II"},
]


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    root = tmp_path_factory.mktemp("special")
    folder, (t1, t2) = scoring_round(root, special_awards=AWARDS)
    inbox = folder.folder / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED)
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)
    with no_libreoffice():  # their Tờ trình is read from its Word file
        result = run("merge", inbox, "-o", root / "S.xlsx", "--json", root / "R.json", "--docs", root / "ho-so")
    assert result.exit_code == 0, result.output
    return {"root": root, "folder": folder, "output": result.output}


def test_the_awards_come_back_from_campaign_xlsx(merged):
    assert [(a.who, a.kind, a.achievement) for a in merged["folder"].campaign.special_awards] == [
        (a["who"], a["kind"], a["achievement"]) for a in AWARDS]


def test_the_summary_lists_them_on_their_own_sheet_with_who_and_where(merged):
    ws = load_workbook(merged["root"] / "S.xlsx")[sx.S_SPECIAL]
    rows = [[c for c in row if c is not None] for row in ws.iter_rows(values_only=True)]
    gv04 = next(r for r in rows if "Phạm Ngọc Ánh" in r)
    assert gv04[:5] == [1, "Phạm Ngọc Ánh", "Tổ Văn phòng – Khối 5", "Đột xuất", AWARDS[0]["achievement"]]
    assert any("Tập thể Tổ Văn phòng – Khối 5" in r and "Chuyên đề" in r for r in rows)
    assert any("NĐ 152/2025 điều 4 khoản 3" in str(c) for r in rows for c in r)


def test_they_are_not_titles_and_travel_apart_for_the_history(merged):
    report = json.loads((merged["root"] / "R.json").read_text("utf-8"))
    assert [a["who"] for a in report["special_awards"]] == ["GV04", "T2"]
    gv04 = next(p for p in report["people"] if p["code"] == "GV04")
    assert all("Cứu học sinh" not in json.dumps(d, ensure_ascii=False) for d in gv04["decisions"])
    wb = load_workbook(merged["root"] / "S.xlsx")
    meta = ly.SummaryMeta.from_json(ly.meta_json([c.value for c in wb[ly.META_SHEET]["A"]],
                                                 ly.MAX_SUMMARY_META_CHARS))
    assert meta.special_outcomes == tuple((a["who"], a["kind"], a["achievement"], a["form"]) for a in AWARDS)
    assert all("Cứu học sinh" not in str(o) for o in meta.outcomes)


def test_their_own_to_trinh_names_each_and_says_they_do_not_count(merged):
    path = merged["root"] / "ho-so" / "To-trinh-khen-dot-xuat.docx"
    doc = Docx(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    everything = "".join(doc.element.body.itertext())  # the list's last line sits in a nested table
    assert "đề nghị khen thưởng đột xuất, chuyên đề năm học 2025-2026" in text
    assert "khen thưởng 2 trường hợp" in text and "điều 4 khoản 3" in text
    assert "Phạm Ngọc Ánh" in everything and "Trường học hạnh phúc" in everything
    assert "Danh sách có 2 trường hợp." in everything
    assert "To-trinh-khen-dot-xuat.docx" in merged["output"]
    # in no title's hồ sơ
    for checklist in (merged["root"] / "ho-so").rglob("Danh-muc-ho-so.txt"):
        assert "dot-xuat" not in checklist.read_text("utf-8")


def test_an_award_for_someone_not_on_the_roster_is_refused_by_its_cell(tmp_path):
    from openpyxl import load_workbook as load

    from tests.conftest import make_folder
    from thidua_xlsx.model import campaign as cm

    folder = make_folder(tmp_path / "c", cm.from_dict(campaign_dict(special_awards=AWARDS)))
    book = folder.folder / CAMPAIGN_FILE
    wb = load(book)
    wb["Khen đột xuất"]["A2"] = "GV99"
    wb.save(book)
    opened, problems = open_campaign(book)
    assert opened is None
    found = [p for p in problems if p.code == "campaign.special_unknown"]
    assert [(p.sheet, p.cell) for p in found] == [("Khen đột xuất", "A2")]
    assert "Mã 'GV99' không phải mã người" in found[0].message


def test_the_history_keeps_them_apart_from_the_titles(merged):
    from thidua_xlsx.read.history import read_final_summary

    found, problems = read_final_summary(merged["root"] / "S.xlsx")
    assert found is not None, [p.render() for p in problems]
    gv04 = next(p for p in found.history.people if p.person == "GV04")
    assert gv04.special == (f"Đột xuất: {AWARDS[0]['achievement']} (Giấy khen của Hiệu trưởng)",)
    assert all("Cứu học sinh" not in t for t in gv04.titles)


def test_their_papers_and_sheet_pass_the_validator(merged):
    from tests.openxml import ACCEPTED_FOR_STREAMED, unaccepted_findings

    assert unaccepted_findings(merged["root"] / "ho-so" / "To-trinh-khen-dot-xuat.docx", ()) == []
    assert unaccepted_findings(merged["root"] / "S.xlsx", ACCEPTED_FOR_STREAMED) == []
