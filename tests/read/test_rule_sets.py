"""The rule sets' data files and campaign.xlsx's province and "Ngày gửi hồ sơ": the texts picked by
date, a province laid on as a floor, the sunset of the 2025 decrees said, a broken province file said by file
and key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from thidua_xlsx import service
from thidua_xlsx.check.campaign import rule_set_warnings
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import campaign_book as cb
from thidua_xlsx.model import rule_set as rset
from thidua_xlsx.model.issues import Problems
from thidua_xlsx.read.campaign_book import load_campaign_book
from thidua_xlsx.read.presets import load_preset, preset_dir
from thidua_xlsx.read.rule_sets import national_source, province_names, province_source, with_rule_set
from thidua_xlsx.write.campaign_book import write_campaign_book

TODAY = dt.date(2026, 11, 24)


def book(tmp_path: Path, **school) -> Path:
    """campaign.xlsx of the THCS preset with the "Trường" fields ``school`` (by key) typed in."""
    service.init_campaign(tmp_path, "thcs", campaign_id="x")
    path = tmp_path / "campaign.xlsx"
    wb = load_workbook(path)
    ws = wb[cb.SCHOOL_SHEET]
    labels = {f.key: f.label for f in cb.SCHOOL_FIELDS}
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for key, value in school.items():
        ws.cell(rows[labels[key]], 2).value = value
    wb.save(path)
    return path


def load(path: Path):
    campaign, problems = load_campaign_book(path, today=TODAY)
    return campaign, [p.render() for p in problems]


def test_the_shipped_files_read_without_a_problem():
    problems = Problems()
    assert national_source(problems) is not None
    assert province_names() == ("Toàn quốc (mặc định)", "Bắc Ninh", "Hải Phòng")
    assert {province_source(name, problems).code for name in ("Bắc Ninh", "hai-phong", "HẢI PHÒNG")} == \
        {"bac-ninh", "hai-phong"}
    assert list(problems) == []


@pytest.mark.parametrize("filed, law, short", [
    (dt.datetime(2026, 9, 30), "luat-tdkt-2022", "Luật TĐKT 2022 điều 24"),
    (dt.datetime(2026, 11, 2), "luat-06-2026", "Luật TĐKT 2022 (sửa đổi bởi Luật 06/2026/QH16) điều 24"),
])
def test_the_rule_set_is_picked_by_the_day_the_file_is_received(tmp_path, filed, law, short):
    campaign, problems = load(book(tmp_path, filing_date=filed))

    assert problems == []
    assert (campaign.rule_set.day, campaign.rule_set.day_from) == (filed.date(), rset.FROM_FILING)
    assert [t.key for t in campaign.rule_set.texts if t.key.startswith("luat")][-1] == law
    assert campaign.rules.cite(rset.LDTT) == short
    assert "nd-233-2026" in {t.key for t in campaign.rule_set.texts}  # from 01/07/2026
    assert "nd-90-2020" not in {t.key for t in campaign.rule_set.texts}  # until 30/06/2026


def test_without_a_filing_date_the_scoring_deadline_then_today_pick_it():
    assert rset.reference_date("", "2026-05-20", TODAY) == (dt.date(2026, 5, 20), rset.FROM_SCORING_DEADLINE)
    assert rset.reference_date("", "", TODAY) == (TODAY, rset.FROM_TODAY)


@pytest.mark.parametrize("filed, ended", [(dt.datetime(2027, 2, 28), []),
                                          (dt.datetime(2027, 3, 1), ["NĐ 129/2025 điều 59", "NĐ 142/2025"])])
def test_the_2025_decrees_sunset_is_a_note_to_check_what_replaced_them(tmp_path, filed, ended):
    campaign, _ = load(book(tmp_path, filing_date=filed))
    notes = rule_set_warnings(campaign, "campaign.xlsx")

    assert [n.code for n in notes] == ["rule_set.ended"] * len(ended)
    assert all(n.severity == "note" for n in notes)
    for note, short in zip(notes, ended):
        assert f"{short} (" in note.message and "hết hiệu lực từ 01/03/2027" in note.message
        assert "Hãy kiểm tra văn bản nào thay thế" in note.message


def test_a_school_picking_bac_ninh_gets_its_floor_said(tmp_path):
    campaign, problems = load(book(tmp_path, province="Bắc Ninh", filing_date=dt.datetime(2026, 12, 1)))

    assert problems == []
    assert campaign.rule_set.province == "Bắc Ninh"
    assert (campaign.rules.ttldtt_min_percent, campaign.rules.ttldtt_at_least) == (70, True)
    assert campaign.rules.cite(rset.TTLDTT) == "QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 4 khoản 2 điểm b"
    assert [(d.month, d.day, d.article) for d in campaign.rule_set.deadlines][0] == (7, 10, "điều 6 khoản 3")
    (raised,) = rule_set_warnings(campaign)
    assert raised.code == "rule_set.raised" and "TTLĐTT: tỷ lệ LĐTT từ 70% trở lên" in raised.message
    assert "(trên 50%) thấp hơn" in raised.message


def test_a_rubric_off_hai_phongs_scale_is_warned(tmp_path):
    """Before 01/07/2026, while NĐ 90/2020 it rests on is in force: QĐ 212/2025's scale applies."""
    campaign, problems = load(book(tmp_path, province="Hải Phòng", filing_date=dt.datetime(2026, 6, 1)))

    assert problems == []
    warnings = rule_set_warnings(campaign, "campaign.xlsx")
    assert {w.code for w in warnings} == {"rule_set.rubric_scale"}
    assert "quy định thang điểm 20 + 80 (QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 4, điều 5)" in \
        warnings[0].message
    assert campaign.rules.rating_bands == (rset.Band("HTXSNV", 90, True), rset.Band("HTTNV", 80, True),
                                           rset.Band("HTNV", 50))


def test_a_national_campaign_is_warned_of_nothing(tmp_path):
    campaign, _ = load(book(tmp_path, province="Toàn quốc (mặc định)", filing_date=dt.datetime(2026, 6, 1)))
    assert campaign.rule_set.province == "" and rule_set_warnings(campaign) == []


def test_a_province_with_no_file_stops_the_campaign(tmp_path):
    campaign, problems = load(book(tmp_path, province="Atlantis"))

    assert campaign is None
    assert problems == ["[campaign.xlsx · Trường] Tỉnh/thành 'Atlantis' chưa có tệp quy định trong chương trình (có: "
                        "Toàn quốc (mặc định), Bắc Ninh, Hải Phòng). Hãy chọn trong danh sách, hoặc để trống để áp "
                        "dụng quy định chung toàn quốc; muốn thêm tỉnh, hãy thêm tệp "
                        "workbook_templates/tinh/<tên>.json (xem SCHEMA.md)."]


def test_the_campaign_book_offers_the_provinces_found(tmp_path):
    path = tmp_path / "campaign.xlsx"
    write_campaign_book(load_preset("thcs"), path, province_names())
    ws = load_workbook(path)[cb.SCHOOL_SHEET]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Tỉnh/thành (quy định thi đua áp dụng)")
    (validation,) = [v for v in ws.data_validations.dataValidation if f"B{row}" in str(v.sqref)]
    assert validation.formula1 == '"Toàn quốc (mặc định),Bắc Ninh,Hải Phòng"' and validation.errorStyle == "warning"


# --- a broken province file --------------------------------------------------------------------------------


def _folder(tmp_path: Path, province: dict | str) -> Path:
    root = tmp_path / "data"
    (root / "quy-tac").mkdir(parents=True)
    (root / "tinh").mkdir()
    shipped = preset_dir()
    (root / "quy-tac" / "toan-quoc.json").write_text((shipped / "quy-tac" / "toan-quoc.json").read_text("utf-8"),
                                                     encoding="utf-8")
    text = province if isinstance(province, str) else json.dumps(province, ensure_ascii=False)
    (root / "tinh" / "thai-binh.json").write_text(text, encoding="utf-8")
    return root


GOOD = {"name": "Thái Bình", "texts": [{"key": "tb", "number": "1/2026/QĐ-UBND", "name": "Quy định", "short": "QĐ 1",
                                        "in_force_from": "2026-01-01"}],
        "rules": {"ttldtt": [{"text": "tb", "article": "điều 1", "min_percent": 60}]}}


@pytest.mark.parametrize("content, code, where", [
    ('{"name": "Thái Bình",', "rule_set.bad_json", "dòng 1"),
    ({k: v for k, v in GOOD.items() if k != "name"}, "rule_set.missing_key", "'name'"),
    ({**GOOD, "rule": {}}, "rule_set.unknown_key", "'rule'"),
    ({**GOOD, "rules": {"ttldtt": [{"text": "tb", "article": "điều 1", "min_percent": "70%"}]}},
     "rule_set.bad_value", "'rules.ttldtt[0].min_percent'"),
    ({**GOOD, "texts": [{**GOOD["texts"][0], "in_force_from": "15/12/2025"}]}, "rule_set.bad_value",
     "'texts[0].in_force_from'"),
    ({**GOOD, "rules": {"ttldtt": [{"text": "qd-86", "article": "điều 1"}]}}, "rule_set.unknown_text",
     "'rules.ttldtt[0].text'"),
])
def test_a_broken_province_file_is_said_by_file_and_key(tmp_path, content, code, where):
    root = _folder(tmp_path, content)
    problems = Problems()
    laid = with_rule_set(campaign_of(), problems, TODAY, "campaign.xlsx", folder=root)

    assert [p.code for p in problems] == [code]
    assert "'thai-binh.json'" in problems.items[0].message and where in problems.items[0].message
    assert laid.rule_set is None


def test_a_good_province_file_added_is_a_province(tmp_path):
    root = _folder(tmp_path, GOOD)
    problems = Problems()
    laid = with_rule_set(campaign_of(), problems, TODAY, folder=root)

    assert list(problems) == [] and laid.rule_set.province == "Thái Bình"
    assert (laid.rules.ttldtt_min_percent, laid.rules.cite(rset.TTLDTT)) == (60, "QĐ 1 điều 1")


def campaign_of():
    """The THCS preset picking the province of :func:`_folder` ("thai-binh")."""
    preset = load_preset("thcs")
    return dataclasses.replace(preset, school=dataclasses.replace(preset.school, province="thai-binh"))


# --- a text resting on a text that has ended; two texts at once; a day before every text ---------------


def with_periods(province: str = "", filed: str = "", ends: dt.date = dt.date(2027, 5, 31), preset: str = "nd233"):
    """The ``preset`` campaign with one period ending ``ends``, ``province`` and ``filed`` set, its rule set laid on."""
    base = load_preset(preset)
    period = cm.Period("nam", "Cả năm", ends.replace(year=ends.year - 1, month=9, day=1), ends)
    campaign = dataclasses.replace(base, periods=(period,), period_kind=cm.MONTHS, school=dataclasses.replace(
        base.school, province=province, filing_date=filed))
    problems = Problems()
    laid = with_rule_set(campaign, problems, TODAY)
    assert list(problems) == []
    return laid


def test_hai_phongs_scale_resting_on_nd_90_is_set_aside_from_01_07_2026_with_the_files_own_note():
    campaign = with_periods("Hải Phòng", "2027-06-10")

    assert campaign.rules.rating_bands == () and campaign.rules.cite(rset.RATING) == "NĐ 233/2026 điều 12"
    assert [a.text.key for a in campaign.rule_set.set_aside] == ["hp-qd-212-2025"]
    assert "hp-qd-212-2025" not in {t.key for t in campaign.rule_set.texts}  # not named among the rules applied
    (said,) = [w for w in rule_set_warnings(campaign, "campaign.xlsx") if w.code == "rule_set.set_aside"]
    assert said.severity == "warning" and said.where == "campaign.xlsx · Trường"
    assert said.message.startswith(
        "QĐ 212/2025/QĐ-UBND thành phố Hải Phòng được ban hành theo NĐ 90/2020, NĐ "
        "48/2023, các văn bản này đã hết hiệu lực từ 01/07/2026: chương trình không áp dụng thang điểm xếp loại chất "
        "lượng viên chức, thang điểm các nhóm tiêu chí của văn bản này cho ngày 31/05/2027 (ngày kết thúc kỳ đánh giá "
        "cuối) mà áp dụng quy định chung (thang điểm xếp loại chất lượng viên chức: NĐ 233/2026 điều 12 – HTXSNV từ "
        "90, HTTNV từ 70, HTNV từ 50 điểm; thang điểm các nhóm tiêu chí: quy chế của trường).")
    assert said.message.count("212/2025/QĐ-UBND") == 1  # the text named once: no "(212/2025/QĐ-UBND) của Hải Phòng"
    assert said.message.endswith("Ghi chú của tệp quy định: QĐ 212/2025 (Hải Phòng) căn cứ NĐ 90/2020 và 48/2023; từ "
                                 "01/07/2026 NĐ 233/2026 thay thế hai nghị định này: kiểm tra lại thành phố còn áp "
                                 "dụng thang điểm này hay đã ban hành quy định mới.")
    assert not [w for w in rule_set_warnings(campaign) if w.code == "rule_set.rubric_scale"]


@pytest.mark.parametrize("province, ends, filed, bands, citation", [
    # a 2025-26 year filed after 01/07/2026 is still rated by the texts of its periods: QĐ 212/2025
    ("Hải Phòng", dt.date(2026, 5, 31), "2026-07-10", (rset.Band("HTXSNV", 90, True), rset.Band("HTTNV", 80, True),
                                                       rset.Band("HTNV", 50)),
     "QĐ 212/2025/QĐ-UBND thành phố Hải Phòng điều 6"),
    ("Hải Phòng", dt.date(2027, 5, 31), "2027-06-10", (), "NĐ 233/2026 điều 12"),
    ("", dt.date(2027, 5, 31), "2027-06-10", (), "NĐ 233/2026 điều 12"),
    ("", dt.date(2026, 5, 31), "2026-07-10", (), ""),  # before NĐ 233: no national scale in force
])
def test_the_years_bands_follow_the_day_its_last_period_ends(province, ends, filed, bands, citation):
    campaign = with_periods(province, filed, ends)

    assert campaign.rule_set.year.day == ends and campaign.rule_set.year.day_from == rset.FROM_PERIODS
    assert (campaign.rules.rating_bands, campaign.rules.cite(rset.RATING)) == (bands, citation)


def test_a_campaign_without_periods_has_its_scale_by_its_reference_day():
    preset = load_preset("thcs")  # no periods
    laid = with_rule_set(dataclasses.replace(preset, school=dataclasses.replace(
        preset.school, province="Hải Phòng", filing_date="2026-06-01")), Problems(), TODAY)
    assert laid.rule_set.year is None and laid.rules.cite(rset.RATING).startswith("QĐ 212/2025")


TWO_AT_ONCE = {"name": "Thái Bình", "texts": [
    {"key": "tb-1", "number": "1/2025/QĐ-UBND", "name": "Quy định", "short": "QĐ 1/2025",
     "in_force_from": "2025-01-01"},
    {"key": "tb-2", "number": "2/2026/QĐ-UBND", "name": "Quy định", "short": "QĐ 2/2026",
     "in_force_from": "2026-01-01"}],
    "rules": {"ttldtt": [{"text": "tb-2", "article": "điều 5", "min_percent": 65},
                         {"text": "tb-1", "article": "điều 4", "min_percent": 60}]}}


@pytest.mark.parametrize("content, applied, conflict", [
    (TWO_AT_ONCE, (65, "QĐ 2/2026 điều 5"), "Tệp quy định Thái Bình: TTLĐTT có 2 văn bản cùng có hiệu lực ngày "
                                            "22/05/2026 (QĐ 2/2026; QĐ 1/2025); chương trình áp dụng QĐ 2/2026"),
    ({**TWO_AT_ONCE, "texts": [{**TWO_AT_ONCE["texts"][0], "in_force_until": "2025-12-31"}, TWO_AT_ONCE["texts"][1]]},
     (65, "QĐ 2/2026 điều 5"), ""),  # the older text ended: one text, nothing to say
    ({**TWO_AT_ONCE, "texts": [TWO_AT_ONCE["texts"][0], {**TWO_AT_ONCE["texts"][1], "amends": ["tb-1"]}]},
     (65, "QĐ 2/2026 điều 5"), ""),  # an amending text and the text it amends: one rule
])
def test_two_texts_of_a_file_in_force_at_once_for_one_rule_are_said_with_the_one_applied(tmp_path, content, applied,
                                                                                          conflict):
    laid = with_rule_set(campaign_of(), Problems(), TODAY, folder=_folder(tmp_path, content))

    assert (laid.rules.ttldtt_min_percent, laid.rules.cite(rset.TTLDTT)) == applied
    said = [w for w in rule_set_warnings(laid, "campaign.xlsx") if w.code == "rule_set.conflict"]
    assert [w.message[:len(conflict)] for w in said] == ([conflict] if conflict else [])


def test_the_national_amending_law_and_the_law_it_amends_are_not_two_rules():
    campaign = with_periods(filed="2026-11-02")
    assert campaign.rule_set.conflicts == () and campaign.rules.cite(rset.LDTT).endswith("(sửa đổi bởi Luật "
                                                                                        "06/2026/QH16) điều 24")


def test_a_filing_date_before_every_text_is_said_and_its_titles_left_to_the_council():
    campaign = with_periods(filed="2023-05-20", ends=dt.date(2023, 5, 31))

    assert campaign.rules.unanswered == (rset.LDTT, rset.CSTDCS, rset.TTLDTT, rset.TTLDXS)
    (said,) = [w for w in rule_set_warnings(campaign, "campaign.xlsx") if w.code == "rule_set.no_text"]
    assert said.severity == "error" and said.message == (
        "Ngày xét 20/05/2023 (Ngày gửi hồ sơ) trước mọi văn bản chương trình biết cho LĐTT, CSTĐCS, TTLĐTT, TTLĐXS "
        "(sớm nhất: Luật TĐKT 2022 (06/2022/QH15), có hiệu lực từ 01/01/2024): chương trình không xét các danh hiệu "
        "này (không có căn cứ), để Hội đồng xét. Hãy kiểm tra Ngày gửi hồ sơ ở sheet Trường rồi chạy lại.")


# --- two texts in force at once, said wherever the campaign is opened ----------------------------------

OLDER_FIRST = {**TWO_AT_ONCE, "rules": {"ttldtt": list(reversed(TWO_AT_ONCE["rules"]["ttldtt"]))}}


def test_two_texts_at_once_are_said_on_opening_naming_both_the_one_applied_and_why(tmp_path):
    problems = Problems()
    laid = with_rule_set(campaign_of(), problems, TODAY, "campaign.xlsx", folder=_folder(tmp_path, OLDER_FIRST),
                         cell="B19")

    # listed second, in force later: the later text applies, whatever the file's order
    assert (laid.rules.ttldtt_min_percent, laid.rules.cite(rset.TTLDTT)) == (65, "QĐ 2/2026 điều 5")
    (said,) = [p for p in problems if p.code == "rule_set.conflict_opened"]
    assert (said.severity, said.where) == ("warning", "campaign.xlsx · Trường!B19")
    assert said.message == (
        "Tệp quy định Thái Bình: TTLĐTT có 2 văn bản cùng có hiệu lực ngày 22/05/2026 (QĐ 2/2026, số "
        "2/2026/QĐ-UBND, hiệu lực từ 01/01/2026; QĐ 1/2025, số 1/2025/QĐ-UBND, hiệu lực từ 01/01/2025); chương "
        "trình áp dụng QĐ 2/2026, văn bản ban hành sau: các văn bản của cùng một cơ quan quy định khác nhau về "
        "cùng một vấn đề thì áp dụng văn bản ban hành sau (Luật Ban hành văn bản quy phạm pháp luật số "
        "64/2025/QH15 điều 58 khoản 3). Nếu một văn bản đã thay thế văn bản kia, hãy ghi ngày hết hiệu lực "
        "(in_force_until) cho văn bản cũ, hoặc 'amends' nếu là văn bản sửa đổi (xem "
        "workbook_templates/SCHEMA.md), rồi chạy lại.")
    # the summary lists it (rule_set.conflict) without printing it a second time on the run that opened the campaign
    from thidua_xlsx.check.campaign import SUMMARY_ONLY

    assert [w.code for w in rule_set_warnings(laid) if w.code in SUMMARY_ONLY] == ["rule_set.conflict"]


SAME_DAY = {**TWO_AT_ONCE, "texts": [{**t, "in_force_from": "2026-01-01"} for t in TWO_AT_ONCE["texts"]]}


@pytest.mark.parametrize("content, applied, said", [
    (TWO_AT_ONCE, 65, ["văn bản ban hành sau"]),  # the newer listed first: applied, as the law reads
    (OLDER_FIRST, 65, ["văn bản ban hành sau"]),  # the newer listed second: applied all the same
    (SAME_DAY, 65, ["văn bản ghi trước trong tệp"]),  # the same day: the dates do not tell, the first listed
    ({**SAME_DAY, "rules": OLDER_FIRST["rules"]}, 60, ["văn bản ghi trước trong tệp"]),
    ({**TWO_AT_ONCE, "texts": [{**TWO_AT_ONCE["texts"][0], "in_force_until": "2025-12-31"}, TWO_AT_ONCE["texts"][1]]},
     65, []),  # the older ended: nothing to say
    (GOOD, 60, []),
])
def test_a_conflict_is_said_on_opening_only_where_there_is_one(tmp_path, content, applied, said):
    problems = Problems()
    laid = with_rule_set(campaign_of(), problems, TODAY, folder=_folder(tmp_path, content))

    found = [p for p in problems if p.code == "rule_set.conflict_opened"]
    assert [dict(p.params)["why"][2:len(said[0]) + 2] for p in found] == said
    assert laid.rules.ttldtt_min_percent == applied


def test_generate_says_two_texts_at_once_at_the_province_s_cell(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from thidua_xlsx.cli import main
    from thidua_xlsx.read import rule_sets

    root = _folder(tmp_path, OLDER_FIRST)
    monkeypatch.setattr(rule_sets, "preset_dir", lambda: root)
    path = book(tmp_path / "camp", province="Thái Bình")
    cell = next(f"B{r}" for r, f in enumerate(cb.SCHOOL_FIELDS, start=2) if f.key == "province")

    result = CliRunner().invoke(main, ["generate", str(path.parent), "--round", "dang-ky", "-o", str(tmp_path / "o")])

    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if "cùng có hiệu lực" in line]
    assert len(said) == 1 and said[0].startswith(f"Cảnh báo: [campaign.xlsx · Trường!{cell}] Tệp quy định Thái Bình")
    (path.parent / "inbox").mkdir(exist_ok=True)
    result = CliRunner().invoke(main, ["status", str(path.parent / "inbox")])
    said = [line for line in result.output.splitlines() if "cùng có hiệu lực" in line]
    assert len(said) == 1, result.output  # said at opening, listed in the report, not printed a second time
