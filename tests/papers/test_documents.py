"""The papers as Word documents and PDF (Tờ trình, Biên bản họp, Biên bản kiểm phiếu, Danh sách per title,
Báo cáo thành tích, Phiếu bầu), read back the way the secretary and the commune would check them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import docx
import openxml_audit
import pytest
from docx.shared import Mm

from tests.documents import docx_rows, docx_text, docx_texts, media_boxes, page_texts, require_writer
from tests.no_office import NO_PDF, without_libreoffice
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.decide.ballots import candidates, count
from thidua_xlsx.model.council import TallyInput, VoteCount
from thidua_xlsx.model.layout import MOTTO_1, MOTTO_2
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.papers.document_set import BALLOT, LETTER, LIST, MINUTES, REPORT, TALLY
from thidua_xlsx.papers.dossiers import write_documents
from thidua_xlsx.papers.facts import Facts
from thidua_xlsx.papers.lists import paper as list_paper
from thidua_xlsx.papers.pdf import convert_pdfs
from thidua_xlsx.text import documents as dw
from thidua_xlsx.write.summary.content import rule_set_line

CSTDCS_FOLDER, LDTT_FOLDER, TTLDTT_FOLDER = "Chien-si-thi-dua-co-so", "Lao-dong-tien-tien", "Tap-the-lao-dong-tien-tien"
VOTES = {"GV01": 9, "GV02": 8}  # of 10 members; CSTĐCS needs 80 %: 8 votes
NOT_PROPOSED = ("Phạm Ngọc Ánh", "Hoàng Thị Thu Hương Giang Nguyễn Phương")  # HTNV; khiển trách
DATE_LINE = "Thử Nghiệm, ngày …… tháng …… năm ……"


def _summary(root: Path):
    folder, (t1, t2) = scoring_round(root)
    inbox = folder.folder / "inbox"
    for src, scores in ((t1, T1_SCORES), (t2, T2_SCORES)):
        fill_department(src, inbox / src.name, scores, dt.datetime(2026, 5, 12, 8, 0))
    from thidua_xlsx.service import merge_inbox

    return merge_inbox(inbox, folder), folder.campaign


def _with_tally(summary, campaign, votes: dict[str, int | None], members=10, present=9):
    on_ballot = candidates(summary.people, summary.departments, campaign.rules)
    tally = count(TallyInput(members=members, present=present, ballots_issued=present, ballots_returned=present,
                             counts=tuple(VoteCount(c.code, c.title, votes.get(c.code)) for c in on_ballot)),
                  campaign.rules)
    return dataclasses.replace(summary, tally=tally)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("documents")
    summary, campaign = _summary(root)
    summary = _with_tally(summary, campaign, VOTES)
    result = write_documents(summary, root / "ho-so")
    return {"root": root, "summary": summary, "campaign": campaign, "set": result, "folder": root / "ho-so"}


# --- reading a .docx back (tests/documents.py) ----------------------------------------------------

def _doc(made, kind: str, title: str = "") -> Path:
    every = made["set"].documents
    return next(d.path for d in every if d.kind == kind and (not title or title_name(title) in d.name))


def _all_docx(made) -> list[Path]:
    return [d.path for d in made["set"].documents if d.path.suffix == ".docx"]


def _granted(summary, title: str) -> list[str]:
    return [p.name for p in summary.people if p.granted(title)]


# --- what was written -----------------------------------------------------------------------------

def test_writes_one_dossier_per_title_under_fixed_ascii_names(made):
    folder = made["folder"]
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.docx"))
    assert files == sorted([
        f"{CSTDCS_FOLDER}/04_Danh-sach_{CSTDCS_FOLDER}.docx",
        f"{CSTDCS_FOLDER}/05_Bao-cao-thanh-tich_Nguyen-Thi-Lan.docx",
        f"{CSTDCS_FOLDER}/05_Bao-cao-thanh-tich_Tran-Van-Duc.docx",
        f"{LDTT_FOLDER}/04_Danh-sach_{LDTT_FOLDER}.docx",
        f"{TTLDTT_FOLDER}/04_Danh-sach_{TTLDTT_FOLDER}.docx",
        "01_To-trinh.docx", "02_Bien-ban-hop-binh-xet.docx", "03_Bien-ban-kiem-phieu.docx",
        f"Phieu-bau_{CSTDCS_FOLDER}.docx",
    ])
    assert all(name.isascii() and " " not in name for name in files)
    result = made["set"]
    assert [d.title for d in result.dossiers] == [title_name(t) for t in (CSTDCS, LDTT, TTLDTT)]  # named
    assert [d.collective for d in result.dossiers] == [False, False, True]
    for dossier in result.dossiers:
        assert dossier.checklist == dossier.folder / "Danh-muc-ho-so.txt" and dossier.checklist.is_file()
        kinds = [d.kind for d in dossier.documents]
        assert kinds[:4] == [LETTER, MINUTES, TALLY, LIST], dossier.title  # the shared papers come first
    cstdcs = result.dossiers[0]
    assert [d.kind for d in cstdcs.documents].count(REPORT) == 2
    assert [d.kind for d in result.shared] == [LETTER, MINUTES, TALLY, BALLOT]
    assert result.warnings == ()


def test_every_paper_has_the_decree_30_page_and_header(made):
    for path in _all_docx(made):
        d = docx.Document(str(path))
        section = d.sections[0]
        landscape = path.name.startswith("04_")
        size = (section.page_width.mm, section.page_height.mm)
        assert [round(v) for v in size] == ([297, 210] if landscape else [210, 297]), path.name
        margins = [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                         section.right_margin)]
        assert 20 <= margins[0] <= 25 and 20 <= margins[1] <= 25 and 30 <= margins[2] <= 35 and \
            15 <= margins[3] <= 20, path.name
        assert d.styles["Normal"].font.name == "Times New Roman"
        header = d.tables[0]
        assert all(border is None for border in header._tbl.xpath("./w:tblPr/w:tblBorders")), "borderless"
        left, right = header.rows[0].cells
        body, school = [p for p in left.paragraphs if p.text][:2]
        # each name broken between its groups where it does not fit the column (the council's, the school's)
        top = "HỘI ĐỒNG\nTHI ĐUA – KHEN THƯỞNG" if path.name.startswith("Phieu-bau") else "UBND XÃ THỬ NGHIỆM"
        assert body.text == top and not any(r.bold for r in body.runs), path.name
        name = "TRƯỜNG TIỂU HỌC THỬ NGHIỆM" if landscape else "TRƯỜNG TIỂU HỌC\nTHỬ NGHIỆM"
        assert school.text == name and all(r.bold for r in school.runs), path.name
        motto_1, motto_2 = [p for p in right.paragraphs if p.text][:2]
        assert (motto_1.text, motto_2.text) == (MOTTO_1, MOTTO_2)
        assert all(r.bold for r in motto_1.runs + motto_2.runs)
        assert motto_2.runs[0].font.size.pt == motto_1.runs[0].font.size.pt + 1
        assert right.width >= Mm(108), "room for the motto on one line, even in a wider fallback font"
        if not path.name.startswith("Phieu-bau"):
            date = header.rows[1].cells[1].paragraphs[0]
            assert date.text == DATE_LINE and all(r.italic for r in date.runs), path.name


def test_letter_counts_equal_the_lists_it_sends(made):
    letter = docx_text(_doc(made, LETTER))
    summary = made["summary"]
    for title, folder in ((CSTDCS, CSTDCS_FOLDER), (LDTT, LDTT_FOLDER)):
        listed = [row[1] for row in docx_rows(made["folder"] / folder / f"04_Danh-sach_{folder}.docx")]
        assert listed == _granted(summary, title)
        assert f"- {title_name(title)}: {len(listed)} cá nhân;" in letter
    units = [row[1] for row in docx_rows(made["folder"] / TTLDTT_FOLDER / f"04_Danh-sach_{TTLDTT_FOLDER}.docx")]
    assert units == ["Tổ khối 1"]
    assert "- Tập thể lao động tiên tiến: 1 tập thể (Tổ khối 1);" in letter
    for expected in ("TỜ TRÌNH", "V/v đề nghị công nhận danh hiệu thi đua năm học 2025-2026",
                     "Kính gửi: UBND xã Thử Nghiệm", "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
                     "(9/10 thành viên có mặt)", "(có danh sách kèm theo)", "Nơi nhận:", "HIỆU TRƯỞNG",
                     "Nguyễn Văn Hiệu", "mỗi trường hợp đề nghị đều đạt từ 80% tổng số thành viên"):
        assert expected in letter, expected
    paragraphs = docx.Document(str(_doc(made, LETTER))).tables[-1].rows[0].cells[0].paragraphs
    receivers = {p.text: p.runs[0] for p in paragraphs if p.text}
    assert receivers["Nơi nhận:"].bold and receivers["Nơi nhận:"].italic and receivers["Nơi nhận:"].font.size.pt == 12
    assert receivers["- Như trên;"].font.size.pt == 11


def test_the_letter_cites_the_legal_texts_and_nothing_of_the_tool(made):
    """Its căn cứ are the campaign's legal texts, in order; the tool's note of the rules it applied ("Quy định áp
    dụng (toàn quốc, …): …") is the summary's, not a căn cứ."""
    campaign = made["summary"].campaign
    applied = rule_set_line(campaign)
    assert applied, "the campaign has a rule set the tool notes"
    texts = docx_texts(_doc(made, LETTER))
    start = next(k for k, line in enumerate(texts) if line.startswith("Kính gửi:"))
    end = next(k for k, line in enumerate(texts) if line.startswith("Căn cứ kết quả bình xét"))
    assert texts[start + 1:end] == list(campaign.legal_basis)
    assert applied not in texts and not any("Quy định áp dụng" in line for line in texts)


def test_a_summary_without_periods_proposes_nothing_provisionally(made):
    """The roster's rating is the authority's: no list, letter or report of a year-end merge says "tạm"."""
    for path in _all_docx(made):
        assert (dw.NOTES["provisional"] not in docx_text(path)
                and "chờ cấp có thẩm quyền" not in docx_text(path)), path.name


def test_minutes_carry_the_ballot_result(made):
    path = _doc(made, MINUTES)
    text = docx_text(path)
    for expected in ("BIÊN BẢN HỌP BÌNH XÉT THI ĐUA – NĂM HỌC 2025-2026", "Thành viên Hội đồng có mặt: 9/10 người",
                     "cuộc họp hợp lệ", "Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở: 2 đ/c",
                     "Đề nghị công nhận danh hiệu Lao động tiên tiến: 4 đ/c",
                     "Tập thể lao động tiên tiến: 1 tập thể (Tổ khối 1)", "(8/10 phiếu); 2/2 trường hợp đạt",
                     "THƯ KÝ", "CHỦ TỌA", "Lê Thị Thư"):
        assert expected in text, expected
    assert docx_rows(path) == [["1", "Trần Văn Đức", "Tổ khối 1", "8", "80%", "Đạt"],
                               ["2", "Nguyễn Thị Lan", "Tổ khối 1", "9", "90%", "Đạt"]]


def test_tally_minutes_count_each_candidate_against_all_members(made):
    path = _doc(made, TALLY)
    text = docx_text(path)
    for expected in ("BIÊN BẢN KIỂM PHIẾU", "Tổng số thành viên Hội đồng: 10 người", "Số thành viên có mặt: 9 người",
                     "Số phiếu phát ra: 9 phiếu", "Số phiếu thu về: 9 phiếu", "TRƯỞNG BAN KIỂM PHIẾU",
                     "CÁC THÀNH VIÊN\nBAN KIỂM PHIẾU", dw.SIGN_BLANK_NAME):
        assert expected in text, expected
    assert docx_rows(path) == [["1", "Trần Văn Đức", "Tổ khối 1", "8", "80%", "≥ 8 phiếu", "Đạt"],
                               ["2", "Nguyễn Thị Lan", "Tổ khối 1", "9", "90%", "≥ 8 phiếu", "Đạt"]]
    assert "cần ít nhất 80% tổng số thành viên (8/10 phiếu)" in text


def test_lists_have_votes_short_notes_and_a_repeated_header(made):
    folder = made["folder"]
    cstdcs = folder / CSTDCS_FOLDER / f"04_Danh-sach_{CSTDCS_FOLDER}.docx"
    assert docx_rows(cstdcs) == [
        ["1", "Trần Văn Đức", "Giáo viên", "Tổ khối 1", "HTTNV", "Sáng kiến dạy đọc, cấp Trường, QĐ 12/QĐ-TH",
         "8/10 (80%)", "Có sáng kiến"],
        ["2", "Nguyễn Thị Lan", "Giáo viên", "Tổ khối 1", "HTXSNV", "", "9/10 (90%)", "HTXSNV"]]
    ldtt = {row[1]: row for row in docx_rows(folder / LDTT_FOLDER / f"04_Danh-sach_{LDTT_FOLDER}.docx")}
    assert ldtt["Lê Thị Dung"][-1] == "Nghỉ thai sản 5 tháng" and ldtt["Nguyễn Thị Lan"][-1] == "Đề nghị cả CSTĐCS"
    assert all(row[-2] == dw.NOT_VOTED for row in ldtt.values())  # LĐTT is not put to a vote by default
    assert docx_rows(folder / TTLDTT_FOLDER / f"04_Danh-sach_{TTLDTT_FOLDER}.docx") == [
        ["1", "Tổ khối 1", "3", "3", "100%", "2", "Nguyễn Thị Lan", "–", ""]]
    for path in (cstdcs, folder / TTLDTT_FOLDER / f"04_Danh-sach_{TTLDTT_FOLDER}.docx"):
        d = docx.Document(str(path))
        table = d.tables[1]
        assert [c.text for c in table.rows[0].cells][:2] == ["STT", "Họ và tên" if "Chien" in path.name else "Tập thể"]
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"), "header row repeated on each page"
        text = docx_text(path)
        assert "HIỆU TRƯỞNG" in text and "NGƯỜI LẬP BIỂU" in text and "Nguyễn Văn Hiệu" in text
    assert "Danh sách có 2 người." in docx_text(cstdcs)


def test_reports_are_prefilled_and_leave_the_rest_to_the_person(made):
    path = made["folder"] / CSTDCS_FOLDER / "05_Bao-cao-thanh-tich_Tran-Van-Duc.docx"
    text = docx_text(path)
    for expected in ("BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ CÔNG NHẬN DANH HIỆU CHIẾN SĨ THI ĐUA CƠ SỞ",
                     "Họ và tên: Trần Văn Đức", "02/01/1985", "Giới tính: Nữ",
                     "Đơn vị công tác: Tổ khối 1, Trường Tiểu học Thử Nghiệm", "Chức vụ: Giáo viên",
                     "Hoàn thành tốt nhiệm vụ (HTTNV)", "82,5 điểm, xếp loại Tốt",
                     "Sáng kiến: “Sáng kiến dạy đọc”, được công nhận cấp Trường theo Quyết định số 12/QĐ-TH",
                     "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "NGƯỜI BÁO CÁO THÀNH TÍCH", "Nguyễn Văn Hiệu"):
        assert expected in text, expected
    d = docx.Document(str(path))
    dotted = [p.text.strip() for p in d.paragraphs
              if any(t.leader is not None and "DOTS" in str(t.leader) for t in p.paragraph_format.tab_stops)]
    assert "- Quê quán:" in dotted and "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:" not in dotted
    assert len(dotted) >= 10, "room left for the person to write"
    lan = docx_text(made["folder"] / CSTDCS_FOLDER / "05_Bao-cao-thanh-tich_Nguyen-Thi-Lan.docx")
    assert "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)" in lan and "92 điểm, xếp loại Xuất sắc" in lan


def test_ballot_lists_the_candidates_and_no_voter(made):
    path = _doc(made, BALLOT, CSTDCS)
    d = docx.Document(str(path))
    ballot = d.tables[-1]
    assert tuple(c.text for c in ballot.rows[0].cells) == dw.BALLOT_HEAD
    assert docx_rows(path) == [["1", "Trần Văn Đức", "Tổ khối 1", "", ""], ["2", "Nguyễn Thị Lan", "Tổ khối 1", "", ""]]
    text = docx_text(path)
    assert "PHIẾU BẦU" in text and "ít nhất 80% tổng số thành viên" in text and "Không ghi tên người bầu" in text
    assert "Lê Thị Thư" not in text and "Nguyễn Văn Hiệu" not in text  # no name but the candidates'


def test_checklists_say_what_each_person_must_still_attach(made):
    result = made["set"]
    cstdcs = result.dossiers[0]
    assert {(a.name, a.what) for a in cstdcs.attachments} == {("Nguyễn Thị Lan", "htxsnv_certificate"),
                                                             ("Trần Văn Đức", "initiative_decision")}
    raw = cstdcs.checklist.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # Notepad on any Windows
    text = raw.decode("utf-8-sig")
    assert "../01_To-trinh.docx (../01_To-trinh.pdf)" in text or "../01_To-trinh.docx (chưa có bản PDF)" in text
    assert "Nguyễn Thị Lan (Tổ khối 1): bản sao Quyết định/Giấy chứng nhận xếp loại Hoàn thành xuất sắc" in text
    assert "QĐ 638/QĐ-BNV" in text
    assert "Trần Văn Đức (Tổ khối 1): bản sao Quyết định công nhận sáng kiến “Sáng kiến dạy đọc” cấp Trường " \
           "(số 12/QĐ-TH)" in text
    assert "05_Bao-cao-thanh-tich_Tran-Van-Duc.docx" in text
    ldtt = result.dossiers[1]
    assert ldtt.attachments == () and dw.CHECKLIST_NOTHING.strip() in ldtt.checklist.read_text("utf-8-sig")


def test_no_paper_names_a_refusal_or_anyone_not_proposed(made):
    every = [docx_text(p) for p in _all_docx(made)]
    every += [d.checklist.read_text("utf-8-sig") for d in made["set"].dossiers]
    for text in every:
        lowered = text.lower()
        assert "khiển trách" not in lowered and "không đề nghị" not in lowered and "kỷ luật" not in lowered
        assert "đủ điều kiện:" not in text  # the tool's long reasons stay in the Excel summary
        for name in NOT_PROPOSED:
            assert name not in text


def test_every_docx_passes_the_validator(made):
    validator = openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2010)
    for path in _all_docx(made):
        findings = [f"{e.error_type.value} {e.part_uri} {e.path}: {e.description[:200]}"
                    for e in validator.validate(str(path)).errors]
        assert findings == [], path.name


def test_a_failed_vote_is_shown_not_hidden(made, tmp_path):
    summary = _with_tally(made["summary"], made["campaign"], {"GV01": 9, "GV02": 6})
    result = write_documents(summary, tmp_path, pdf=False)
    assert len(result.warnings) == 1 and "Trần Văn Đức" in result.warnings[0] and "6/10" in result.warnings[0]
    listed = {row[1]: row for row in docx_rows(tmp_path / CSTDCS_FOLDER / f"04_Danh-sach_{CSTDCS_FOLDER}.docx")}
    assert listed["Trần Văn Đức"][-2:] == ["6/10 (60%)", "Có sáng kiến; Chưa đạt tỷ lệ phiếu"]
    minutes = tmp_path / "02_Bien-ban-hop-binh-xet.docx"
    assert ["1", "Trần Văn Đức", "Tổ khối 1", "6", "60%", "Không đạt"] in docx_rows(minutes)
    assert "1/2 trường hợp đạt" in docx_text(tmp_path / "02_Bien-ban-hop-binh-xet.docx")
    assert "đều đạt" not in docx_text(tmp_path / "01_To-trinh.docx")
    assert result.missing_pdfs == () and result.pdf_problem == ""  # no PDF was asked


def test_after_the_council_pass_the_papers_follow_its_word(made, tmp_path):
    """The vote drops Trần Văn Đức's CSTĐCS (6/10); the council grants Phạm Ngọc Ánh LĐTT with a note."""
    from thidua_xlsx.decide.council import apply_council
    from thidua_xlsx.model.council import CouncilEntry, CouncilInput
    from thidua_xlsx.write.summary.meta import summary_meta

    summary = dataclasses.replace(made["summary"], tally=None)
    on_ballot = candidates(summary.people, summary.departments, made["campaign"].rules)
    typed = {"GV01": 9, "GV02": 6}
    votes = TallyInput(10, 9, 9, 9, tuple(VoteCount(c.code, c.title, typed[c.code]) for c in on_ballot))
    note = "Dạy thay đồng nghiệp nghỉ ốm cả học kỳ II"
    council = CouncilInput("tong-hop.xlsx", summary_meta(summary),
                           (CouncilEntry("GV04", None, LDTT, note, "Điểm chi tiết", 9),), votes, ())
    final = apply_council(summary, council, made["campaign"])
    result = write_documents(final, tmp_path, pdf=False)
    assert result.warnings == ()
    cstdcs = docx_rows(tmp_path / CSTDCS_FOLDER / f"04_Danh-sach_{CSTDCS_FOLDER}.docx")
    assert [row[1] for row in cstdcs] == ["Nguyễn Thị Lan"]
    ldtt = {row[1]: row for row in docx_rows(tmp_path / LDTT_FOLDER / f"04_Danh-sach_{LDTT_FOLDER}.docx")}
    assert ldtt["Phạm Ngọc Ánh"][-1] == dw.NOTES["council"] and len(ldtt) == 5
    letter = docx_text(tmp_path / "01_To-trinh.docx")
    assert "- Chiến sĩ thi đua cơ sở: 1 cá nhân;" in letter and "- Lao động tiên tiến: 5 cá nhân;" in letter
    minutes = tmp_path / "02_Bien-ban-hop-binh-xet.docx"
    votes, changes = docx_rows(minutes)[:2], docx_rows(minutes)[2:]
    assert votes == [["1", "Trần Văn Đức", "Tổ khối 1", "6", "60%", "Không đạt"],
                     ["2", "Nguyễn Thị Lan", "Tổ khối 1", "9", "90%", "Đạt"]]
    assert _vote_row_heights(minutes) == [None, None]  # counted: rows as tall as their text
    assert "1/2 trường hợp đạt" in docx_text(minutes)
    assert changes == [["1", "Phạm Ngọc Ánh", "Danh hiệu đề nghị", "—", "Lao động tiên tiến"],
                       ["2", "Trần Văn Đức", "Kết quả bỏ phiếu", "Chiến sĩ thi đua cơ sở", "Không đạt"]], \
        "the council's changes are in its minutes (their notes stay in the summary's change log)"
    assert len(docx_rows(tmp_path / f"Phieu-bau_{CSTDCS_FOLDER}.docx")) == 2  # the ballot that was used
    assert not list((tmp_path / CSTDCS_FOLDER).glob("05_*Tran-Van-Duc*"))
    for path in tmp_path.rglob("*.docx"):
        assert note not in docx_text(path), path.name  # the council's reasons stay in the summary's change log


def _vote_row_heights(path: Path) -> list:
    """The least height of each numbered row of the vote table (headed "Số phiếu đồng ý"; None: as tall as its text)."""
    table = next(t for t in docx.Document(str(path)).tables if "Số phiếu đồng ý" in [c.text for c in t.rows[0].cells])
    return [row.height for row in table.rows if row.cells[0].text.strip().isdigit()]


def test_without_a_tally_the_votes_are_left_to_write_by_hand(made, tmp_path):
    summary = dataclasses.replace(made["summary"], tally=None)
    write_documents(summary, tmp_path, pdf=False)
    minutes = docx_text(tmp_path / "02_Bien-ban-hop-binh-xet.docx")
    assert "Thành viên Hội đồng có mặt: ……/…… người" in minutes and "……/2 trường hợp đạt" in minutes
    assert "Chưa kiểm" not in minutes  # each result a blank to fill at the meeting, as its votes are
    for paper in ("02_Bien-ban-hop-binh-xet.docx", "03_Bien-ban-kiem-phieu.docx"):  # room to write the counts in
        heights = _vote_row_heights(tmp_path / paper)  # Word keeps a height in twips: 8 mm to a tenth
        assert heights and all(h is not None and abs(h - Mm(8)) < Mm(0.1) for h in heights), (paper, heights)
    assert docx_rows(tmp_path / "03_Bien-ban-kiem-phieu.docx")[0] == ["1", "Trần Văn Đức", "Tổ khối 1", "……", "……",
                                                                      "≥ 80%", "……"]
    assert "Tổng số thành viên Hội đồng: …… người" in docx_text(tmp_path / "03_Bien-ban-kiem-phieu.docx")
    assert "(……/…… thành viên có mặt)" in docx_text(tmp_path / "01_To-trinh.docx")
    listed = docx_rows(tmp_path / CSTDCS_FOLDER / f"04_Danh-sach_{CSTDCS_FOLDER}.docx")
    assert [row[-2] for row in listed] == ["……/……", "……/……"]


def test_without_libreoffice_the_papers_are_written_and_the_missing_pdfs_named(made, tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)
    result = write_documents(made["summary"], tmp_path)
    written = sorted(tmp_path.rglob("*.docx"))
    assert len(written) == 9 and not list(tmp_path.rglob("*.pdf"))
    assert sorted(result.missing_pdfs) == written
    assert result.pdf_problem.startswith(NO_PDF) and all(d.pdf is None for d in result.documents)
    assert "(chưa có bản PDF)" in result.dossiers[0].checklist.read_text("utf-8-sig")


def test_two_people_of_one_name_get_two_reports(made, tmp_path):
    summary = made["summary"]
    twin = next(p for p in summary.people if p.code == "GV01")
    summary = dataclasses.replace(summary, people=(*summary.people, dataclasses.replace(twin, code="GV09")))
    result = write_documents(summary, tmp_path, pdf=False)
    reports = sorted(p.name for p in (tmp_path / CSTDCS_FOLDER).glob("05_*.docx"))
    assert reports == ["05_Bao-cao-thanh-tich_Nguyen-Thi-Lan_GV01.docx",
                       "05_Bao-cao-thanh-tich_Nguyen-Thi-Lan_GV09.docx", "05_Bao-cao-thanh-tich_Tran-Van-Duc.docx"]
    assert "- Chiến sĩ thi đua cơ sở: 3 cá nhân;" in docx_text(tmp_path / "01_To-trinh.docx")
    assert len(result.dossiers[0].attachments) == 3


# --- with LibreOffice: the PDFs ------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_pdfs_are_a4_and_say_what_the_papers_say(made):
    require_writer()
    result = made["set"]
    assert result.missing_pdfs == () and result.pdf_problem == ""
    for d in result.documents:
        if d.path.suffix != ".docx":
            continue
        assert d.pdf == d.path.with_suffix(".pdf") and d.pdf.is_file(), d.path.name
        a4 = (841.9, 595.3) if d.kind == LIST else (595.3, 841.9)
        boxes = media_boxes(d.pdf)
        assert boxes and all(abs(w - a4[0]) < 1 and abs(h - a4[1]) < 1 for w, h in boxes), d.path.name
        first = page_texts(d.pdf)[0]
        assert re.search(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*$", first, re.M), "the motto is one line"
        assert re.search(r"Độc lập - Tự do - Hạnh phúc\s*$", first, re.M)
    letter = "\n".join(page_texts(_doc(made, LETTER).with_suffix(".pdf")))
    for expected in ("Chiến sĩ thi đua cơ sở: 2 cá nhân", "Lao động tiên tiến: 4 cá nhân",
                     "Tập thể lao động tiên tiến: 1 tập thể (Tổ khối 1)", "Nguyễn Văn Hiệu"):
        assert expected in letter, expected
    minutes = " ".join("\n".join(page_texts(_doc(made, MINUTES).with_suffix(".pdf"), "-raw")).split())
    tally = " ".join("\n".join(page_texts(_doc(made, TALLY).with_suffix(".pdf"), "-raw")).split())
    for name, votes, share in (("Trần Văn Đức", "8", "80%"), ("Nguyễn Thị Lan", "9", "90%")):
        assert re.search(rf"{name} Tổ khối 1 {votes} {share} Đạt", minutes), name
        assert re.search(rf"{name} Tổ khối 1 {votes} {share} ≥ 8 phiếu Đạt", tally), name
    summary = made["summary"]
    for title, folder in ((CSTDCS, CSTDCS_FOLDER), (LDTT, LDTT_FOLDER)):
        text = "\n".join(page_texts(made["folder"] / folder / f"04_Danh-sach_{folder}.pdf"))
        assert all(name in text for name in _granted(summary, title)), title


@pytest.mark.libreoffice
def test_list_signatures_stay_on_the_page_where_the_list_ends(made, tmp_path):
    """Lists of 6 to 26 people: whatever the row the page ends at, the last name, the total and both
    signatures are on the same page, under a repeated header."""
    require_writer()
    summary = made["summary"]
    base = next(p for p in summary.people if p.code == "NV01")
    family = ("Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
    given = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nam", "Oanh", "Phúc", "Quân")
    lists = []
    for n in range(6, 27):  # each the LĐTT list write_documents makes, alone (the other papers are not printed here)
        people = tuple(dataclasses.replace(base, code=f"X{k:02d}", name=f"{family[k % 10]} Văn {given[k % 13]}")
                       for k in range(n))
        target = tmp_path / f"list-{n}.docx"  # one name per list: one LibreOffice run for all of them
        list_paper(Facts(dataclasses.replace(summary, people=people, tally=None)), LDTT).save(target)
        lists.append((n, target, people[-1].name))
    made_pdfs, problem = convert_pdfs([path for _, path, _ in lists])
    assert problem == ""
    for pdf in (made["folder"] / CSTDCS_FOLDER / f"04_Danh-sach_{CSTDCS_FOLDER}.pdf",):
        lists_real = page_texts(pdf)
        assert "Nguyễn Thị Lan" in lists_real[-1] and "Nguyễn Văn Hiệu" in lists_real[-1]
    spread = set()
    for n, path, last in lists:
        pages = page_texts(made_pdfs[path])
        spread.add(len(pages))
        end = pages[-1]
        for expected in (last, f"Danh sách có {n} người.", "HIỆU TRƯỞNG", "NGƯỜI LẬP BIỂU", "Nguyễn Văn Hiệu",
                         "Lê Thị Thư"):
            assert expected in end, (n, expected)
        assert all("STT" in page and "Họ và tên" in page for page in pages), n
    assert len(spread) >= 2, "the lists run over more than one page"


def test_the_minutes_count_what_was_voted_and_say_who_was_not(made, tmp_path):
    """After the count, a candidate whose votes were not typed (withdrawn) is "not voted on", and the cases
    passed are counted among those voted on — never a blank "……/2" when the tally knows them."""
    summary = _with_tally(dataclasses.replace(made["summary"], tally=None), made["campaign"], {"GV01": 9})
    write_documents(summary, tmp_path, pdf=False)
    minutes = tmp_path / "02_Bien-ban-hop-binh-xet.docx"
    assert docx_rows(minutes) == [["1", "Trần Văn Đức", "Tổ khối 1", "—", "—", dw.VOTE_NOT_HELD],
                                  ["2", "Nguyễn Thị Lan", "Tổ khối 1", "9", "90%", "Đạt"]]
    assert "1/1 trường hợp đạt; 1 trường hợp không đưa ra bỏ phiếu." in docx_text(minutes)


def test_papers_written_before_the_vote_say_so(made, tmp_path):
    result = write_documents(dataclasses.replace(made["summary"], tally=None), tmp_path, pdf=False)
    assert result.warnings == (dw.WARN_BEFORE_VOTE.format(titles="Chiến sĩ thi đua cơ sở"),)


def test_a_draft_year_s_checklists_say_du_thao_and_nothing_to_sign(made, tmp_path):
    """A year still running (Tháng 5/2027 not over): every paper is marked DỰ THẢO, so each hồ sơ's Danh-muc-ho-so.txt
    says DỰ THẢO with the period that keeps it one, and never asks to print, sign and stamp (docs/domain.md §4f); the
    final year's checklist still does."""
    draft = dataclasses.replace(made["summary"], draft=(("thang-5", "not_over"),))
    result = write_documents(draft, tmp_path / "ho-so", pdf=False)

    assert result.dossiers
    for dossier in result.dossiers:
        lines = dossier.checklist.read_text("utf-8-sig").splitlines()
        assert lines[3] == ("DỰ THẢO – năm học chưa xong (thang-5 chưa hết kỳ): hồ sơ để xem trước, chưa in, ký, "
                            "đóng dấu hay gửi. Khi năm học xong, chạy lại để có hồ sơ chính thức."), lines[3]
        assert "A. Văn bản đã lập sẵn (in, ký, đóng dấu; bản PDF để gửi qua mạng):" not in lines
    final = made["set"].dossiers[0].checklist.read_text("utf-8-sig").splitlines()
    assert "A. Văn bản đã lập sẵn (in, ký, đóng dấu; bản PDF để gửi qua mạng):" in final
    assert not any("DỰ THẢO" in line for line in final)
