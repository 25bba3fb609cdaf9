"""The shipped history (samples/lich-su.xlsx: three school years before the tool, typed by hand) read by the
README's command: the multi-year decisions of Trường Tiểu học Trực Cường, each with the years it used."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.documents import docx_text
from tests.no_office import no_libreoffice
from thidua_xlsx.cli import main
from thidua_xlsx.model.history import BK_TINH, KNC_GD
from thidua_xlsx.model.titles import CSTD_TINH
from thidua_xlsx.text import documents as dw
from thidua_xlsx.text import summary as sx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("history-sample")
    copy = out / "samples"  # a copy: the run records what it wrote in the campaign folder
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns("ca-nam", "ho-so", "outbox", "*.lock", "da-ghi.json"))
    with no_libreoffice():  # the papers are read from their Word files
        result = CliRunner().invoke(main, ["merge", str(copy / "inbox"), "--council", str(copy / "hoi-dong.xlsx"),
                                           "--history", str(copy / "lich-su.xlsx"), "-o", str(out / "cuoi.xlsx"),
                                           "--json", str(out / "cuoi.json"), "--docs", str(out / "ho-so")])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "cuoi.json").read_text("utf-8"))
    people = {p["code"]: p for p in data["history"]["people"]}
    return {"output": " ".join(result.output.split()), "data": data, "out": out, "copy": copy,
            "decided": {code: {d["title"]: d for d in p["decisions"]} for code, p in people.items()},
            "people": {p["code"]: p for p in data["people"]}}


def test_two_consecutive_cstdcs_years_propose_the_bang_khen_with_both_years(sample):
    gv017 = sample["decided"]["GV017"][BK_TINH]
    assert gv017["granted"] and gv017["years"] == ["2024-2025"]
    reason = gv017["reasons"][0]
    assert reason["code"] == "bk.granted_cstdcs" and reason["params"]["years"] == ["2024-2025", "2025-2026"]


def test_three_consecutive_years_give_cstd_cap_tinh_only_with_a_provincial_sang_kien(sample):
    gv024 = next(d for d in sample["people"]["GV024"]["decisions"] if d["title"] == CSTD_TINH)
    assert gv024["granted"] and gv024["years"] == ["2023-2024", "2024-2025"]
    assert sample["people"]["GV024"]["proposed"] == CSTD_TINH  # on the list to the authority, with its own hồ sơ
    gv001 = next(d for d in sample["people"]["GV001"]["decisions"] if d["title"] == CSTD_TINH)
    assert not gv001["granted"] and not gv001["pending"] and gv001["years"] == ["2023-2024", "2024-2025"]
    assert "cstd_tinh.no_initiative" in {r["code"] for r in gv001["reasons"]}


def test_a_sang_kien_used_again_is_flagged(sample):
    problems = {p["code"]: p for p in sample["data"]["problems"] if p["code"].startswith("initiative.")}
    assert problems["initiative.reused"]["params"]["person"] == "GV017"
    assert problems["initiative.form_for_title"]["params"]["person"] == "GV007"
    assert "flag.initiative_reused" in {f["code"] for f in sample["people"]["GV017"]["flags"]}


def test_twenty_years_in_the_sector_list_the_medal_and_a_medal_is_given_once(sample):
    assert sample["decided"]["GV018"][KNC_GD]["granted"]  # 27 years, no medal yet
    assert sample["decided"]["GV010"][KNC_GD]["granted"]  # 17 years, 6 of them in especially difficult areas
    assert not sample["decided"]["QL001"][KNC_GD]["granted"]  # received in 2014-2015


def test_no_history_is_not_enough_information_never_a_silent_no(sample):
    gv011 = sample["decided"]["GV011"][BK_TINH]
    assert gv011["pending"] and not gv011["granted"]
    assert gv011["reasons"][0]["code"] == "run.missing" and gv011["reasons"][0]["params"]["years"] == ["2024-2025"]


def test_the_department_s_two_ttldxs_years_propose_its_bang_khen(sample):
    k1 = {d["code"]: d for d in sample["data"]["history"]["departments"]}["TO-K1"]["decisions"][0]
    assert (k1["title"], k1["granted"], k1["years"]) == (BK_TINH, True, ["2024-2025"])


def test_the_run_says_the_history_it_used_and_the_summary_lists_the_decisions(sample):
    assert "Lịch sử các năm trước:" in sample["output"] and "2022-2023, 2023-2024, 2024-2025" in sample["output"]
    rows = [[c for c in row if c is not None] for row in
            load_workbook(sample["out"] / "cuoi.xlsx")[sx.S_HISTORY].iter_rows(values_only=True)]
    gv017 = next(r for r in rows if "Trần Hoàng Ngọc Phương Uyên" in r)
    assert gv017[3:5] == ["Bằng khen của Chủ tịch UBND tỉnh", "Đề nghị"]
    assert "2 lần liên tục CSTĐCS (2024-2025, 2025-2026)" in gv017[-1]
    assert "theo quy định của tỉnh/thành phố" in gv017[-1]
    assert any("Trịnh Thị Hải Yến" in r and "Chưa đủ thông tin" in r for r in rows)
    # one count on the screen and on the sheet: the people's and the departments' (Tổ khối 1's Bằng khen)
    counted = re.search(r"\((\d+) đề nghị; lịch sử đọc từ", " ".join(str(c) for r in rows[:3] for c in r))[1]
    assert f"{counted} đề nghị khen thưởng theo thành tích nhiều năm" in sample["output"], sample["output"]


def test_the_shipped_final_summary_is_the_one_the_command_writes(sample):
    shipped = load_workbook(SAMPLES / "tong-hop-cuoi.xlsx")[sx.S_HISTORY]
    written = load_workbook(sample["out"] / "cuoi.xlsx")[sx.S_HISTORY]
    assert [list(r) for r in shipped.iter_rows(values_only=True)] == \
        [list(r) for r in written.iter_rows(values_only=True)]


def test_the_history_is_only_read(sample):
    assert (sample["copy"] / "lich-su.xlsx").read_bytes() == (SAMPLES / "lich-su.xlsx").read_bytes()


def test_the_papers_list_the_multi_year_awards_and_the_to_trinh_counts_them(sample):
    from docx import Document as Docx

    text = "".join(Docx(sample["out"] / "ho-so" / "04_Danh-sach_Khen-thuong-nhieu-nam.docx").element.body.itertext())
    assert "1. Bằng khen của Chủ tịch UBND tỉnh: 4 trường hợp" in text  # GV001, GV017, GV024 and Tổ khối 1
    assert "2. Kỷ niệm chương \"Vì sự nghiệp giáo dục\": 3 trường hợp" in text  # GV009, GV010, GV018
    for name in ("Trần Hoàng Ngọc Phương Uyên", "Nguyễn Thị Vân", "Tập thể Tổ khối 1"):
        assert name in text
    assert "Trịnh Thị Hải Yến" not in text  # not enough information: not proposed
    assert "Danh sách có 7 trường hợp." in text
    letter = "\n".join(p.text for p in Docx(sample["out"] / "ho-so" / "01_To-trinh.docx").paragraphs)
    assert "3. Đề nghị cấp trên khen thưởng theo thành tích nhiều năm" in letter
    assert "- Bằng khen của Chủ tịch UBND tỉnh: 4 trường hợp;" in letter
    assert "Quy định áp dụng" not in letter  # the căn cứ lists legal texts only, not the program's own note
    assert "- Chiến sĩ thi đua cấp tỉnh: 1 cá nhân;" in letter  # a title: its own hồ sơ
    assert (sample["out"] / "ho-so" / "Chien-si-thi-dua-cap-tinh").is_dir()


def test_the_new_papers_and_workbooks_pass_the_validator(sample):
    """The multi-year list, the Tờ trình naming the rules, the summary with its multi-year sheet and the history
    book: no finding but the one the streamed summary is known for (tests/write/test_openxml_audit.py)."""
    from tests.openxml import ACCEPTED_FOR_STREAMED, unaccepted_findings

    for path in (sample["out"] / "ho-so" / "04_Danh-sach_Khen-thuong-nhieu-nam.docx",
                 sample["out"] / "ho-so" / "01_To-trinh.docx"):
        assert unaccepted_findings(path, ()) == [], path.name
    assert unaccepted_findings(sample["out"] / "cuoi.xlsx", ACCEPTED_FOR_STREAMED) == []
    assert unaccepted_findings(SAMPLES / "lich-su.xlsx", ()) == []


def test_a_new_history_book_takes_each_persons_ngay_vao_nganh_from_the_campaign(sample, tmp_path):
    """`history` over the year's final summary: the Thâm niên sheet of a new book carries the campaign's
    Ngày vào ngành (the summary brings it), not an empty column to type again."""
    from thidua_xlsx.read.history import read_history_book
    from thidua_xlsx.steps.workspace import open_campaign

    book = tmp_path / "lich-su-moi.xlsx"
    result = CliRunner().invoke(main, ["history", "--book", str(book), str(sample["out"] / "cuoi.xlsx")])
    assert result.exit_code == 0, result.output
    _book, history, _problems = read_history_book(book)
    starts = {s.person: s.sector_start for s in history.service}
    folder, _problems = open_campaign(sample["copy"] / "campaign.xlsx")
    campaign = {p.code: p.start for p in folder.campaign.staff if p.start}
    assert campaign and all(starts.get(code) == day for code, day in campaign.items())


def test_the_minutes_say_who_passed_the_vote_and_is_not_on_the_list_and_in_few_words_why(sample):
    """8/8 passed the secret ballot, 6 are proposed: the Biên bản (Word and the summary's sheet) names the other two
    beside the count — GV007's sáng kiến spent on a Giấy khen (found by the history), GV008 the tie the council did
    not choose — in its own few words: no tool's reason, no council's note on a paper sent up."""
    said = ("các trường hợp đạt tỷ lệ phiếu nhưng không có trong danh sách đề nghị Chiến sĩ thi đua cơ sở: Ngô Thị "
            "Phương Thảo (sáng "
            "kiến đã dùng cho khen thưởng khác); Đặng Thị Thu Hà (theo quyết định của Hội đồng, mục 4)")
    minutes = " ".join(docx_text(sample["out"] / "ho-so" / "02_Bien-ban-hop-binh-xet.docx").split())
    assert "8/8 trường hợp đạt" in minutes and said[0].upper() + said[1:] + "." in minutes
    assert "CV 5007" not in minutes  # the tool's reason stays in the summary
    assert f"8/8 trường hợp đạt (chi tiết ở sheet Kiểm phiếu); {said}" in _sheet_text(sample, sx.S_MINUTES)


def test_the_to_trinh_sheet_asks_for_the_multi_year_awards_as_its_word_paper_does(sample):
    """The two Tờ trình of one run say the same: the Word paper's third part (4 Bằng khen, 3 Kỷ niệm chương) is a line
    of the summary's sheet too, pointing at the sheet that lists them."""
    letter = " ".join(docx_text(sample["out"] / "ho-so" / "01_To-trinh.docx").split())
    assert "- Bằng khen của Chủ tịch UBND tỉnh: 4 trường hợp;" in letter
    assert '- Kỷ niệm chương "Vì sự nghiệp giáo dục": 3 trường hợp;' in letter
    line = (f"- Khen thưởng theo thành tích nhiều năm (danh sách ở sheet {sx.S_HISTORY}): Bằng khen của Chủ tịch UBND "
            'tỉnh 4 trường hợp, Kỷ niệm chương "Vì sự nghiệp giáo dục" 3 trường hợp;')
    assert line in _sheet_text(sample, sx.S_LETTER)


def _sheet_text(sample, name: str) -> str:
    """The words of the final summary's sheet ``name``, its spaces made one."""
    book = load_workbook(sample["out"] / "cuoi.xlsx", read_only=True)
    try:
        return " ".join(" ".join(str(c) for row in book[name].iter_rows(values_only=True) for c in row if c).split())
    finally:
        book.close()


def test_the_report_of_achievements_lists_the_earlier_titles_the_history_holds(sample):
    """Mẫu 05's part III, filled from the history: Lê Thị Bích Thủy's CSTĐCS years (2023-2024, 2024-2025), each
    decision's number left to write, and a blank row for what the history does not know."""
    report = docx.Document(str(sample["out"] / "ho-so" / "Chien-si-thi-dua-co-so" /
                               "05_Bao-cao-thanh-tich_Le-Thi-Bich-Thuy.docx"))
    tables = {tuple(c.text for c in t.rows[0].cells): [[c.text for c in r.cells] for r in t.rows[1:]]
              for t in report.tables}
    assert tables[dw.REPORT_TITLES_HEAD] == [["2022-2023", "Lao động tiên tiến", ""],
                                             ["2023-2024", "Chiến sĩ thi đua cơ sở; Lao động tiên tiến", ""],
                                             ["2024-2025", "Chiến sĩ thi đua cơ sở; Lao động tiên tiến", ""],
                                             ["", "", ""]]
    assert tables[dw.REPORT_AWARDS_HEAD] == [["", "", ""]] * 3  # the history holds no form of hers


def test_the_principal_s_own_report_is_confirmed_by_the_body_above_the_school(sample):
    """Đinh Tất Đắc, the principal, is proposed CSTĐCS: his Báo cáo thành tích is not confirmed by himself (Mẫu 05:
    the unit's head confirms; for the head, the body above); a teacher's is confirmed by the principal."""
    def signers(name: str) -> str:
        folder = sample["out"] / "ho-so" / "Chien-si-thi-dua-co-so"
        report = docx.Document(str(folder / f"05_Bao-cao-thanh-tich_{name}.docx"))
        return " ".join(c.text for c in report.tables[-1].rows[0].cells)

    own = signers("Dinh-Tat-Dac")
    assert "XÁC NHẬN CỦA CẤP TRÊN\n" in own and "XÁC NHẬN CỦA HIỆU TRƯỞNG" not in own
    assert own.count("Đinh Tất Đắc") == 1  # as the one reporting
    teacher = signers("Le-Thi-Bich-Thuy")
    assert "XÁC NHẬN CỦA HIỆU TRƯỞNG" in teacher and "Đinh Tất Đắc" in teacher
