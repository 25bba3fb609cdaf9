"""Next year in one step: ``init NEW --tu OLD`` through the command line, NEW/campaign.xlsx read
back; a campaign copied by hand from last year, and one still the sample school, said when opened."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict
from tests.init_fixtures import on_day
from tests.ui.pages import INIT_FOLDER
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.service import init_campaign

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_NOTICE = "Cảnh báo: [campaign.xlsx · Trường!B4] Chiến dịch này vẫn là trường mẫu của chương trình"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def load(path: Path) -> cm.Campaign:
    campaign, problems = load_campaign_book(path)
    assert campaign is not None, [p.render() for p in problems]
    return campaign


def year_later(iso: str, years: int = 1) -> str:
    day = dt.date.fromisoformat(iso)
    return day.replace(year=day.year + years).isoformat()


def set_school(book: Path, **values) -> None:
    """Sheet Trường's fields by label, typed as a secretary types them."""
    wb = load_workbook(book)
    ws = wb["Trường"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    wb.save(book)


@pytest.fixture
def old_sample(tmp_path, monkeypatch):
    """Last year's campaign: a copy of the shipped sample (2025-2026) with its returned books; today in 2026-2027."""
    on_day(monkeypatch, dt.date(2026, 11, 24))
    old = tmp_path / "thidua-2025"
    old.mkdir()
    shutil.copy2(ROOT / "samples" / "campaign.xlsx", old / "campaign.xlsx")
    shutil.copytree(ROOT / "samples" / "inbox", old / "inbox")
    return old


# --- the sample's year carried to the next -----------------------------------------------------------------------


def test_the_sample_s_year_is_carried_to_the_next_with_its_facts_cleared(old_sample, tmp_path):
    before = (old_sample / "campaign.xlsx").read_bytes()
    listed = sorted(p.relative_to(old_sample) for p in old_sample.rglob("*"))
    new = tmp_path / "thidua-2026"

    result = run("init", new, "--tu", old_sample)

    assert result.exit_code == 0, result.output
    assert (old_sample / "campaign.xlsx").read_bytes() == before, "last year's book is only read"
    assert sorted(p.relative_to(old_sample) for p in old_sample.rglob("*")) == listed, "nothing left in it"
    assert sorted(p.name for p in new.iterdir()) == INIT_FOLDER
    old, made = load(old_sample / "campaign.xlsx"), load(new / "campaign.xlsx")
    assert made.departments == old.departments  # codes, names, heads, e-mails
    assert [(p.code, p.name, p.department, p.role, p.position, p.start) for p in made.staff] == \
        [(p.code, p.name, p.department, p.role, p.position, p.start) for p in old.staff]
    assert all(p.start for p in made.staff), "Ngày vào ngành carried"
    assert all(p.facts == cm.Facts() for p in made.staff), "the year's facts are not last year's"
    assert any(p.facts.rating for p in old.staff) and any(p.facts.initiative_decision for p in old.staff)
    assert (made.rubrics, made.titles, made.rules, made.classification, made.legal_basis, made.settings) == \
        (old.rubrics, old.titles, old.rules, old.classification, old.legal_basis, old.settings)
    assert made.school.school_year == "2026-2027" and made.school.name == old.school.name
    assert (made.school.registration_deadline, made.school.scoring_deadline) == (
        "2026-10-03", "2027-05-20") == (year_later(old.school.registration_deadline),
                                       year_later(old.school.scoring_deadline))
    assert made.id != old.id and len(made.id) == 16
    out = result.stdout
    assert f"Đã tạo {new / 'campaign.xlsx'} cho năm học 2026-2027 từ {old_sample / 'campaign.xlsx'}" in out
    assert "5 tổ (tổ trưởng, e-mail); 42 người" in out and "42 người có Ngày vào ngành" in out
    assert "Hạn nộp đăng ký 03/10/2025 → 03/10/2026; Hạn nộp chấm điểm 20/05/2026 → 20/05/2027" in out
    assert "Xếp loại viên chức, Số tháng làm việc" in out
    assert "Tên sáng kiến, Cấp công nhận, Số QĐ công nhận (8 người)" in out
    assert old.school.authority_code and not made.school.authority_code  # issued for one school year: said
    assert "Mã xác thực do cấp trên cấp (mỗi năm học một mã: xin cấp trên mã của năm học mới" in out
    assert f"Mã chiến dịch mới: {made.id}" in out
    assert "03/10/2026 là thứ Bảy" in out  # a deadline moved onto a weekend
    assert "NĐ 233/2026 điều 3 khoản 5" in out  # no periods, in a year the decree is in force from its first day
    warnings = result.stderr.splitlines()
    assert warnings[0].startswith(SAMPLE_NOTICE), "still the sample school: said"
    assert warnings[1].startswith("Cảnh báo: [campaign.xlsx · Căn cứ!A7] Dòng căn cứ 6 nhắc năm học trước "
                                  "(2025-2026, 08/9/2025): \"Căn cứ Kế hoạch số 25/KH-THTC")
    assert len(warnings) == 2, "the laws and decrees, dated last year or not, are not last year's"


def test_last_year_s_books_in_the_new_inbox_are_refused_as_another_campaign_s(old_sample, tmp_path):
    new = tmp_path / "thidua-2026"
    assert run("init", new, "--tu", old_sample).exit_code == 0
    book = next((old_sample / "inbox").glob("*To-khoi-1.xlsx"))
    shutil.copy2(book, new / "inbox" / book.name)

    result = run("status", new / "inbox")

    (line,) = [line for line in result.stdout.splitlines() if line.startswith(f"  Lỗi: [{book.name}]")]
    assert "Sổ thuộc chiến dịch khác (năm học 2025-2026)" in line and "sổ năm cũ" in line


# --- every date moved, every fact of the year cleared -------------------------------------------------------------


AWARD = cm.SpecialAward("GV01", "Đột xuất", "Cứu người đuối nước", "Giấy khen của Hiệu trưởng")
LEGAL = (
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;",
    "Căn cứ Nghị định số 233/2026/NĐ-CP ngày 26/6/2026 của Chính phủ về đánh giá, xếp loại viên chức;",
    "Căn cứ Kế hoạch số 12/KH-THTN ngày 15/9/2025 của Trường Tiểu học Thử Nghiệm về công tác thi đua;",
    "Căn cứ Hướng dẫn số 88/HD-SGDĐT của Sở GD&ĐT về nhiệm vụ năm học 2025 - 2026;",
    "Căn cứ Quyết định số 301/QĐ-UBND ngày 05 tháng 9 năm 2025 của UBND xã Thử Nghiệm;",
)
QUARTERS = (
    cm.Period("quy-1", "Quý I năm học 2025-2026", dt.date(2025, 9, 1), dt.date(2025, 11, 30), dt.date(2025, 12, 5)),
    cm.Period("quy-2", "Quý II (12/2025 – 02/2026)", dt.date(2025, 12, 1), dt.date(2026, 2, 28), dt.date(2026, 3, 5)),
    cm.Period("quy-3", "Quý III", dt.date(2026, 3, 1), dt.date(2026, 5, 31)),
)


@pytest.fixture
def old_full(tmp_path, monkeypatch):
    """Last year's campaign holding one of everything: periods by quarter with weights, a filing date, the Hội nghị
    viên chức's resolution, the unit rated HTXSNV and its 25 %, a đột xuất award, Bắc Ninh's rules."""
    on_day(monkeypatch, dt.date(2026, 9, 15))
    campaign = cm.from_dict(campaign_dict(legal_basis=list(LEGAL)))
    campaign = dataclasses.replace(
        campaign, school=dataclasses.replace(campaign.school, filing_date="2026-06-10", province="Bắc Ninh",
                                             criteria_resolution="01/NQ-HNVC", criteria_resolution_date="2025-09-20"),
        period_kind=cm.QUARTERS, periods=QUARTERS,
        year_formula=cm.YearFormula(cm.WEIGHTED, (("quy-1", 1), ("quy-2", 1), ("quy-3", 2))), unit_rating="HTXSNV",
        excellent_unit_cap_percent=25, small_groups_together=True, special_awards=(AWARD,))
    old = tmp_path / "cu"
    init_campaign(old, campaign.level, campaign=campaign)
    return old


def test_every_date_is_moved_and_every_fact_of_the_year_cleared(old_full, tmp_path):
    new = tmp_path / "moi"

    result = run("init", new, "--tu", old_full / "campaign.xlsx")

    assert result.exit_code == 0, result.output
    old, made = load(old_full / "campaign.xlsx"), load(new / "campaign.xlsx")
    school = made.school
    assert school.school_year == "2026-2027" and school.province == "Bắc Ninh"
    assert (school.registration_deadline, school.scoring_deadline, school.filing_date) == (
        "2026-09-30", "2027-05-20", "2027-06-10")
    assert (school.criteria_resolution, school.criteria_resolution_date) == ("", "")
    assert made.periods == (
        cm.Period("quy-1", "Quý I năm học 2026-2027", dt.date(2026, 9, 1), dt.date(2026, 11, 30), dt.date(2026, 12, 5)),
        cm.Period("quy-2", "Quý II (12/2026 – 02/2027)", dt.date(2026, 12, 1), dt.date(2027, 2, 28),
                  dt.date(2027, 3, 5)),
        cm.Period("quy-3", "Quý III", dt.date(2027, 3, 1), dt.date(2027, 5, 31)))
    assert (made.period_kind, made.year_formula, made.small_groups_together, made.excellent_unit_cap_percent) == (
        old.period_kind, old.year_formula, True, 25)
    assert (made.unit_rating, made.special_awards) == ("", ())
    assert all(p.facts == cm.Facts() for p in made.staff)
    assert made.legal_basis == LEGAL, "the lines are kept, the secretary updates them"
    out = result.stdout
    assert "quy định của Bắc Ninh" in out and "3 kỳ đánh giá theo quý" in out
    assert "Ngày gửi hồ sơ 10/06/2026 → 10/06/2027" in out
    assert "3 kỳ đánh giá (Quý I năm học 2025-2026 → Quý I năm học 2026-2027, …, Quý III → Quý III)" in out
    assert "Khen đột xuất (1 dòng); Xếp loại của đơn vị (HTXSNV); Nghị quyết Hội nghị viên chức thông qua tiêu chí " \
           "(01/NQ-HNVC, 20/09/2025)" in out
    assert "Hạn nộp, các kỳ đánh giá được dời đúng một năm" in out and "NĐ 233/2026 điều 3" not in out
    said = [line for line in result.stderr.splitlines() if "Dòng căn cứ" in line]
    assert [line.split("]")[0] for line in said] == ["Cảnh báo: [campaign.xlsx · Căn cứ!A4",
                                                     "Cảnh báo: [campaign.xlsx · Căn cứ!A5",
                                                     "Cảnh báo: [campaign.xlsx · Căn cứ!A6"]
    assert "(15/9/2025)" in said[0] and "(2025 - 2026)" in said[1] and "(ngày 05 tháng 9 năm 2025)" in said[2]
    share = next(line for line in result.stderr.splitlines() if "Tỷ lệ HTXSNV" in line)
    assert "chương trình dùng 20%" in share, "the unit's 25 % carried, said while the unit is not rated"
    assert not [line for line in result.stderr.splitlines() if "trường mẫu" in line]


@pytest.mark.parametrize("old_start, today, new_year", [
    (2024, dt.date(2026, 10, 1), "2026-2027"),  # two years ago: to this year, not to last year
    (2026, dt.date(2026, 10, 1), "2027-2028"),  # this year's, made early: the next
])
def test_the_new_year_is_the_later_of_the_next_and_today_s(tmp_path, monkeypatch, old_start, today, new_year):
    base = cm.from_dict(campaign_dict())
    init_campaign(tmp_path / "cu", base.level, campaign=cm.moved_years(base, old_start - 2025))
    on_day(monkeypatch, today)

    assert run("init", tmp_path / "moi", "--tu", tmp_path / "cu").exit_code == 0

    made = load(tmp_path / "moi" / "campaign.xlsx")
    shift = int(new_year[:4]) - 2025
    assert made.school.school_year == new_year
    assert made.school.scoring_deadline == year_later(base.school.scoring_deadline, shift)


# --- refused, nothing lost ----------------------------------------------------------------------------------------


def test_init_tu_never_writes_over_a_campaign(old_sample, tmp_path):
    before = (old_sample / "campaign.xlsx").read_bytes()

    same = run("init", old_sample, "--tu", old_sample, "--force")
    assert same.exit_code == 2 and "chiến dịch năm trước chỉ được đọc" in same.output
    assert (old_sample / "campaign.xlsx").read_bytes() == before

    new = tmp_path / "moi"
    new.mkdir()
    (new / "campaign.xlsx").write_bytes(b"this year's, edited")
    refused = run("init", new, "--tu", old_sample)
    assert refused.exit_code == 2 and "Đã có" in refused.output and "--force" in refused.output
    assert (new / "campaign.xlsx").read_bytes() == b"this year's, edited"
    assert run("init", new, "--tu", old_sample, "--force").exit_code == 0

    with_level = run("init", tmp_path / "khac", "--tu", old_sample, "--level", "thcs")
    assert with_level.exit_code == 2 and "hãy bỏ --level" in with_level.output
    assert not (tmp_path / "khac").exists()


def test_a_last_year_that_cannot_be_read_is_said(tmp_path, monkeypatch):
    on_day(monkeypatch, dt.date(2026, 11, 24))
    empty = tmp_path / "trong"
    empty.mkdir()
    missing = run("init", tmp_path / "moi", "--tu", empty)
    assert missing.exit_code == 1 and "Không tìm thấy tệp chiến dịch" in missing.output

    broken = tmp_path / "hong"
    broken.mkdir()
    shutil.copy2(ROOT / "samples" / "campaign.xlsx", broken / "campaign.xlsx")
    set_school(broken / "campaign.xlsx", **{"Năm học": "năm ngoái"})
    result = run("init", tmp_path / "moi", "--tu", broken)
    assert result.exit_code == 1 and "có 1 lỗi nên chưa mang sang được" in result.output
    assert not (tmp_path / "moi" / "campaign.xlsx").exists()


# --- a campaign copied by hand, a campaign still the sample: said when opened --------------------------------------


def test_a_campaign_copied_from_last_year_says_so(tmp_path, monkeypatch):
    on_day(monkeypatch, dt.date(2026, 11, 24))
    school = tmp_path / "thidua-2026"
    (school / "inbox").mkdir(parents=True)
    shutil.copy2(ROOT / "samples" / "campaign.xlsx", school / "campaign.xlsx")
    set_school(school / "campaign.xlsx", **{"Tên trường": "Trường Tiểu học Trực Cường 2",
                                            "Hiệu trưởng (Chủ tịch Hội đồng)": "Nguyễn Văn An"})

    copied = run("status", school / "inbox")

    (said,) = [line for line in copied.stderr.splitlines() if line.startswith("Cảnh báo: [campaign.xlsx")]
    assert said.startswith("Cảnh báo: [campaign.xlsx · Trường!B7] Chiến dịch là của năm học 2025-2026, hôm nay "
                           "(24/11/2026) đã là năm học 2026-2027 và không còn hạn nộp nào phía trước (hạn cuối "
                           "20/05/2026)")
    assert f"thidua-xlsx init THƯ_MỤC_MỚI --tu {school}" in said

    set_school(school / "campaign.xlsx", **{"Năm học": "2026-2027"})  # the year changed, the rest left
    changed = run("status", school / "inbox")

    said = [line.split("]")[0] + "]" for line in changed.stderr.splitlines() if line.startswith("Cảnh báo: [campaign")]
    assert said == ["Cảnh báo: [campaign.xlsx · Trường!B12]", "Cảnh báo: [campaign.xlsx · Trường!B13]",
                    "Cảnh báo: [campaign.xlsx · Căn cứ!A7]"]
    assert "Hạn nộp đăng ký (03/10/2025) trước năm học 2026-2027 (bắt đầu 01/08/2026)" in changed.stderr
    assert "Dòng căn cứ 6 nhắc năm học trước (2025-2026)" in changed.stderr

    on_day(monkeypatch, dt.date(2026, 3, 2))  # last year's book, opened during last year: nothing to say
    set_school(school / "campaign.xlsx", **{"Năm học": "2025-2026"})
    assert "Cảnh báo: [campaign.xlsx" not in run("status", school / "inbox").stderr


def test_init_makes_a_visible_sample_and_every_command_says_so_once(tmp_path):
    camp = tmp_path / "thidua"
    made = run("init", camp)
    assert made.exit_code == 0, made.output
    assert "Trường Tiểu học Trực Cường (MẪU)" in made.output
    assert "thidua-xlsx init THƯ_MỤC_MỚI --tu THƯ_MỤC_NĂM_TRƯỚC" in made.output

    generated = run("generate", camp, "--round", "dang-ky")

    assert generated.exit_code == 0, generated.output
    lines = generated.stderr.splitlines()
    assert lines[0].startswith(SAMPLE_NOTICE) and len([line for line in lines if "trường mẫu" in line]) == 1
    assert "(Trường Tiểu học Trực Cường): sổ phát cho các tổ" in lines[0]
    book = next((camp / "outbox" / "dang-ky").glob("*.xlsx"))
    cells = [c for ws in load_workbook(book).worksheets for row in ws.iter_rows(values_only=True) for c in row]
    assert any(isinstance(c, str) and "TRƯỜNG TIỂU HỌC TRỰC CƯỜNG (MẪU)" in c.upper() for c in cells), \
        "the sample is visible on the books it issues"

    set_school(camp / "campaign.xlsx", **{"Tên trường": "Trường Tiểu học Nam Trực"})
    assert "trường mẫu của chương trình" not in run("generate", camp, "--round", "dang-ky", "--force").stderr


def test_the_shipped_sample_says_it_is_the_sample_once_and_nothing_of_its_year(tmp_path, monkeypatch):
    on_day(monkeypatch, dt.date(2026, 11, 24))
    school = tmp_path / "samples"
    shutil.copytree(ROOT / "samples" / "inbox", school / "inbox")
    shutil.copy2(ROOT / "samples" / "campaign.xlsx", school / "campaign.xlsx")

    result = run("status", school / "inbox")

    said = [line for line in result.stderr.splitlines() if line.startswith("Cảnh báo: [campaign.xlsx")]
    assert len(said) == 1 and said[0].startswith(SAMPLE_NOTICE) and "(Trường Tiểu học Trực Cường)" in said[0]


def test_last_years_book_under_a_campaign_copied_by_hand_is_refused_for_its_year(tmp_path):
    """campaign.xlsx and so-da-phat/ copied by hand into this year's folder: the code still matches, but a book of
    2025-2026 is no book of 2026-2027 — refused with the true reason, never read as this year's."""
    from tests.scoring_round import T1_SCORES, fill_department, scoring_round
    from thidua_xlsx.service import merge_inbox
    from thidua_xlsx.steps.workspace import CampaignFolder

    folder, (t1, _t2) = scoring_round(tmp_path)
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, dt.datetime(2026, 5, 12, 8, 0))
    copied = dataclasses.replace(folder.campaign, school=dataclasses.replace(folder.campaign.school,
                                                                             school_year="2026-2027"))
    summary = merge_inbox(inbox, CampaignFolder(folder.folder, copied))
    refused, = summary.files
    assert (refused.status, refused.reason) == ("rejected", "file.other_year")
    text = refused.issues[0].message if refused.issues else ""
    assert "năm học 2025-2026" in text and "năm học 2026-2027" in text and "--tu" in text


SAMPLES = ROOT / "samples"
CORRECTED = "UBND xã không công nhận CSTĐCS (QĐ 12/QĐ-UBND)"


def _corrected(book: Path) -> None:
    """The secretary's correction, typed by hand after ``history`` added last year: GV017's CSTĐCS of 2025-2026 was
    not recognised by the commune."""
    wb = load_workbook(book)
    ws = wb["Cá nhân"]
    row = next(r for r in ws.iter_rows(min_row=2) if (r[0].value, r[1].value) == ("2025-2026", "GV017"))
    row[5].value, row[10].value = "Lao động tiên tiến", CORRECTED
    wb.save(book)


def _history_row(book: Path, year: str, code: str) -> tuple:
    rows = load_workbook(book)["Cá nhân"].iter_rows(values_only=True)
    return next(r for r in rows if (r[0], r[1]) == (year, code))


def test_init_tu_carries_last_year_s_history_as_she_corrected_it(tmp_path):
    """Last year is in the history book already (``history`` added it, she corrected a row since): next year's book
    carries it as it is, never re-added from the summary over her correction."""
    old, new = tmp_path / "2025-2026", tmp_path / "2026-2027"
    shutil.copytree(SAMPLES, old, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "*.lock"))
    assert run("history", "--book", old / "lich-su.xlsx", old / "tong-hop-cuoi.xlsx").exit_code == 0
    _corrected(old / "lich-su.xlsx")

    made = run("init", new, "--tu", old)

    assert made.exit_code == 0, made.output
    row = _history_row(new / "lich-su.xlsx", "2025-2026", "GV017")
    assert row[5] == "Lao động tiên tiến" and row[10] == CORRECTED
    assert (new / "lich-su.xlsx").read_bytes() == (old / "lich-su.xlsx").read_bytes()


def test_init_tu_leaves_a_history_book_already_in_the_new_folder_as_she_made_it(tmp_path):
    """A history book she put in the new folder first is hers: init --tu writes nothing over it, and says which years
    it holds (last year missing: she is told how to add it)."""
    old, new = tmp_path / "2025-2026", tmp_path / "2026-2027"
    shutil.copytree(SAMPLES, old, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "*.lock"))
    new.mkdir()
    wb = load_workbook(SAMPLES / "lich-su.xlsx")
    wb.create_sheet("Ghi chú riêng")["A1"] = "của thư ký"
    wb.save(new / "lich-su.xlsx")
    hers = (new / "lich-su.xlsx").read_bytes()

    made = run("init", new, "--tu", old)

    assert made.exit_code == 0, made.output
    assert (new / "lich-su.xlsx").read_bytes() == hers and not list(new.glob("lich-su.*.xlsx"))
    assert "chưa có kết quả năm học 2025-2026" in " ".join(made.output.split()), made.output


@pytest.mark.parametrize("wrong", ["tong-hop-cuoi.xlsx", "lich-su.xlsx", "cap-xa/cap-tren.xlsx"])
def test_init_tu_pointed_at_another_workbook_says_what_to_point_at(tmp_path, wrong):
    """Last year's final summary, its history book or the commune's book given for last year's campaign: one message
    saying it is no campaign book, never a sheet missing after another to restore."""
    made = run("init", tmp_path / "moi", "--tu", SAMPLES / wrong)

    said = " ".join(made.output.split())
    assert made.exit_code == 1, said
    assert f"'{Path(wrong).name}' không phải tệp chiến dịch: không có sheet Trường và Nhân sự" in said
    assert "Hãy chỉ tới tệp campaign.xlsx" in said and "Thiếu sheet" not in said
    assert not (tmp_path / "moi" / "campaign.xlsx").exists()


def test_init_tu_adds_last_year_again_when_the_council_met_again_since_the_book_took_it(tmp_path):
    """``history`` took last year from the final summary; the council met again and a new final summary was written
    (the runs record names it): the new year's book takes the year again from it, says so, and keeps the book it
    replaced beside."""
    old, new = tmp_path / "2025-2026", tmp_path / "2026-2027"
    shutil.copytree(SAMPLES, old, ignore=shutil.ignore_patterns("ca-nam", "cap-xa", "ho-so", "*.lock"))
    assert run("history", "--book", old / "lich-su.xlsx", old / "tong-hop-cuoi.xlsx").exit_code == 0
    taken = _history_row(old / "lich-su.xlsx", "2025-2026", "GV017")
    again = run("merge", old / "inbox", "--council", old / "hoi-dong.xlsx", "-o", old / "tong-hop-cuoi.xlsx",
                "--force")  # without the history book this time: another final summary of the same year
    assert again.exit_code == 0, again.output

    made = run("init", new, "--tu", old)

    said = " ".join(made.output.split())
    assert made.exit_code == 0, said
    assert "Năm học 2025-2026 trong sổ lịch sử được thêm từ một bảng tổng hợp trước bảng tổng hợp cuối năm hiện có " \
        "('tong-hop-cuoi.xlsx'" in said
    assert list(new.glob("lich-su.*.xlsx")), "the book it replaced, beside"
    assert _history_row(new / "lich-su.xlsx", "2025-2026", "GV017")[:6] == taken[:6]
