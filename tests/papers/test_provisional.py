"""Computed is not decided (docs/domain.md §4d; NĐ 233/2026 điều 13 khoản 3, điều 15 khoản 3): in a year made from its
periods, a title resting on the rating the tool computed — not yet the competent authority's — is proposed
provisionally, and every paper that carries it says so: the list's note (explained under the list), the Tờ
trình's and the Biên bản's sentence with the count, the Báo cáo thành tích's rating line, the multi-year list's
Bằng khen. A rating the authority entered is decided: nothing is said of it."""

from __future__ import annotations

import dataclasses

import pytest

from tests.documents import docx_rows, docx_text
from tests.year_fixtures import PERIODS, REGISTERED, TOTALS, campaign, period_summaries
from thidua_xlsx.decide.year import year_summary
from thidua_xlsx.model.history import BK_TINH, KNC_GD, HistoryResults
from thidua_xlsx.model.results import Decision
from thidua_xlsx.model.titles import TTLDTT
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.text import documents as dw

NOTE = dw.NOTES["provisional"]
CSTDCS_LIST = "Chien-si-thi-dua-co-so/04_Danh-sach_Chien-si-thi-dua-co-so.docx"
LDTT_LIST = "Lao-dong-tien-tien/04_Danh-sach_Lao-dong-tien-tien.docx"
TTLDTT_LIST = "Tap-the-lao-dong-tien-tien/04_Danh-sach_Tap-the-lao-dong-tien-tien.docx"
AWARDS_LIST = "04_Danh-sach_Khen-thuong-nhieu-nam.docx"


def _year():
    """The year of tests/e2e/test_year.py, Tổ khối 1 (T1) registered TTLĐTT; GV06's HTTNV entered by the authority,
    everyone else's computed."""
    periods = {code: dataclasses.replace(p, collectives={"T1": TTLDTT})
               for code, p in period_summaries(TOTALS, PERIODS, REGISTERED).items()}
    return year_summary(campaign(), [], periods)


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    root = tmp_path_factory.mktemp("provisional")
    summary = _year()
    history = HistoryResults({}, {"GV01": (Decision(BK_TINH, True), Decision(KNC_GD, True)),
                                  "GV06": (Decision(BK_TINH, True),)}, {"T1": (Decision(BK_TINH, True),)})
    write_documents(dataclasses.replace(summary, history=history), root / "ho-so", pdf=False)
    return {"summary": summary, "folder": root / "ho-so", "root": root}


def test_each_list_notes_the_proposals_on_a_computed_rating_and_says_what_the_note_means(papers):
    folder = papers["folder"]
    assert [(row[1], row[-1]) for row in docx_rows(folder / CSTDCS_LIST)] == [("Nguyễn Thị Lan", f"HTXSNV; {NOTE}")]
    ldtt = {row[1]: row[-1] for row in docx_rows(folder / LDTT_LIST)}
    assert ldtt.pop("Vũ Thị Mai") == "", "the authority's rating: decided, nothing to say"
    assert ldtt and all(note.endswith(NOTE) for note in ldtt.values()), ldtt
    assert ldtt["Lê Thị Dung"] == f"Nghỉ thai sản 5 tháng; {NOTE}"
    assert [(row[1], row[-1]) for row in docx_rows(folder / TTLDTT_LIST)] == [("Tổ khối 1", NOTE)], \
        "its LĐTT members' ratings are computed"
    for path in (CSTDCS_LIST, LDTT_LIST, TTLDTT_LIST):
        assert dw.LIST_PROVISIONAL.strip() in docx_text(folder / path), path


def test_the_letter_and_the_minutes_count_the_provisional_proposals(papers):
    """Five people (GV01 on two lists, counted once; GV06 decided) and Tổ khối 1."""
    sentence = dw.provisional_sentence(5, 1, "2025-2026", dw.PROVISIONAL_MARKED)
    assert "Có 5 cá nhân và 1 tập thể (ghi “Đề nghị tạm”" in sentence
    for paper in ("01_To-trinh.docx", "02_Bien-ban-hop-binh-xet.docx"):
        assert sentence in docx_text(papers["folder"] / paper).split("\n"), paper


def test_the_report_says_its_rating_is_not_decided_yet(papers):
    text = docx_text(papers["folder"] / "Chien-si-thi-dua-co-so/05_Bao-cao-thanh-tich_Nguyen-Thi-Lan.docx")
    assert dw.REPORT_RATING_PROVISIONAL.format(year="2025-2026", words="Hoàn thành xuất sắc nhiệm vụ",
                                               rating="HTXSNV") in text
    assert "- Kết quả chấm điểm thi đua năm học 2025-2026: 95 điểm" in text


def test_the_multi_year_bang_khen_on_a_computed_rating_is_provisional_the_medal_is_not(papers):
    rows = [(row[1], row[-1]) for row in docx_rows(papers["folder"] / AWARDS_LIST)]
    assert rows == [("Nguyễn Thị Lan", NOTE), ("Vũ Thị Mai", ""), ("Tập thể Tổ khối 1", NOTE),
                    ("Nguyễn Thị Lan", "")], "Bằng khen: GV01 computed, GV06 decided, T1; then the Kỷ niệm chương"
    assert dw.LIST_PROVISIONAL.strip() in docx_text(papers["folder"] / AWARDS_LIST)


def test_ratings_the_authority_entered_make_nothing_provisional(papers):
    summary = papers["summary"]
    decided = {code: dataclasses.replace(r, entered=True) for code, r in summary.year.ratings.items()}
    folder = papers["root"] / "da-quyet-dinh"
    write_documents(dataclasses.replace(summary, year=dataclasses.replace(summary.year, ratings=decided)), folder,
                    pdf=False)
    for path in folder.rglob("*.docx"):
        text = docx_text(path)
        assert NOTE not in text and "tạm" not in text and "chờ cấp có thẩm quyền" not in text, path.name
