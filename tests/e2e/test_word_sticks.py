"""A person's word sticks through the school's year, from the command line (docs/spec.md §5g): the registration is a
fact of the year whatever the order rounds were generated in; the head's pass on a period and the council's on the year
are kept with their rounds and applied again by every later merge until dropped on purpose; a year still running is a
draft (its papers say DỰ THẢO, history waits for it unless told); each summary lists whose word it rests on."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.conftest import campaign_dict, make_folder
from tests.filling import council_types, fill, layout, person_values, register, sheet, stamp_saved_time
from tests.head_pass import head_scores
from tests.no_office import without_libreoffice
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.places import OLD_REGISTRATION_SUMMARY
from thidua_xlsx.model.titles import LDTT, NO_PROPOSAL
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text import summary as sx

MONTHS = [{"code": f"thang-{m}", "label": f"Tháng {m}/2025", "start": f"2025-{m:02d}-01",
           "end": f"2025-{m:02d}-{30 if m in (9, 11) else 31}", "deadline": f"2025-{m + 1:02d}-05"}
          for m in (9, 10)]
UNRATED = [{**p, "rating": None, "discipline": "Không"} for p in campaign_dict()["staff"]]  # rated from the periods
BANDS = {"rules": {"ldtt_min_classification": "HTTNV"}, "gate_cap": "HTNV",  # NĐ 233's bands, as the year rates
         "classification": [{"name": "HTXSNV", "min": 90}, {"name": "HTTNV", "min": 70}, {"name": "HTNV", "min": 50},
                            {"name": "KHTNV", "min": 0}]}


def _filled(book: Path, dst: Path, saved: dt.datetime) -> None:
    """A department's book of a period as it comes back: its people's scores typed (a book made before the
    registration was merged has no collective title to choose)."""
    found = layout(book)
    values = {}
    for code, (own, dept) in {**T1_SCORES, **T2_SCORES}.items():
        if code in {rec.person_code for rec in found.of_kind(ly.ScoringSheet)}:
            values |= person_values(sheet(found, ly.ScoringSheet, code), own, dept)
    fill(book, dst, values)
    stamp_saved_time(dst, saved)


def _run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def made_early(tmp_path_factory) -> dict:
    """Two months whose books were generated and returned BEFORE the registration round was merged; then the
    registration merged into the campaign folder's own summary (tong-hop_dang-ky.xlsx)."""
    root = tmp_path_factory.mktemp("early")
    folder = make_folder(root / "nam", cm.from_dict(campaign_dict(period_kind=cm.MONTHS, periods=MONTHS,
                                                                  staff=UNRATED, **BANDS)))
    here = folder.folder
    said = {}
    for period, day in (("thang-9", 3), ("thang-10", 4)):
        said[period] = _run("generate", here / "campaign.xlsx", "--round", "cham-diem", "--period", period)
        for book in sorted((here / "outbox" / period).glob("*.xlsx")):
            _filled(book, here / "inbox" / period / book.name, dt.datetime(2025, 10, day, 8))
        _run("merge", here / "inbox" / period, "--period", period)
    shutil.copy(register(folder, TITLES, root / "dang-ky",
                         collective={"T1": "Tập thể lao động tiên tiến"}), here / "tong-hop_dang-ky.xlsx")
    return {"folder": here, "said": said, "root": root}


def test_books_made_before_registration_say_so_and_the_year_still_reads_the_registration(made_early):
    here = made_early["folder"]
    assert dx.BOOKS_BEFORE_REGISTRATION in made_early["said"]["thang-9"].replace("\n", " ")
    output = _run("year", here / "ky", "--json", here / "nam.json", "--force")
    people = {p["code"]: p for p in _json(here / "nam.json")["people"]}
    assert {code: people[code]["registered"] for code in TITLES} == {
        "GV01": "CSTDCS", "GV02": "CSTDCS", "GV03": LDTT, "GV04": LDTT, "GV05": LDTT, "NV01": LDTT}
    assert "tong-hop_dang-ky.xlsx" in output and "Đăng ký thi đua của năm lấy từ bảng tổng hợp đăng ký" in output
    assert "không đăng ký" not in output.lower()
    granted = {p["code"] for p in people.values() for d in p["decisions"] if d["title"] == LDTT and d["granted"]}
    assert granted, "registered people are considered for LĐTT"
    departments = {d["code"]: d["collective_registered"] for d in _json(here / "nam.json")["departments"]}
    assert departments["T1"] == "TTLDTT"
    applied = _json(here / "nam.json")["applied"]
    assert applied[0]["kind"] == "registration" and applied[0]["file"] == "tong-hop_dang-ky.xlsx"


def test_without_the_registration_merged_the_year_warns_and_reads_the_books(made_early, tmp_path):
    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    (here / "tong-hop_dang-ky.xlsx").unlink()
    output = _run("year", here / "ky", "--json", here / "nam.json", "--force")
    assert "Chưa có bảng tổng hợp đăng ký thi đua" in output
    people = _json(here / "nam.json")["people"]
    assert all(not p["registered"] for p in people)
    assert _json(here / "nam.json")["applied"] == []


def test_the_head_s_pass_is_kept_with_its_period_applied_again_and_dropped_on_purpose(made_early, tmp_path):
    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    headed = tmp_path / "hieu-truong-cham.xlsx"
    head_scores(here / "ky" / "tong-hop_thang-9.xlsx", headed, {"GV04": (99, "Hiệu trưởng chấm lại")})
    first = _run("merge", here / "inbox" / "thang-9", "--period", "thang-9", "--council", headed, "--force",
                 "--json", tmp_path / "a.json")
    kept = here / "hoi-dong" / "hieu-truong_thang-9.xlsx"
    assert kept.is_file() and "hoi-dong/hieu-truong_thang-9.xlsx" in first
    assert _score(tmp_path / "a.json", "GV04") == 99

    same = _run("merge", here / "inbox" / "thang-9", "--period", "thang-9", "--council", headed, "--force")
    assert "bản trước chuyển vào" not in same and not (here / "hoi-dong" / "cu").exists()  # the same file: kept once

    late = _run("merge", here / "inbox" / "thang-9", "--period", "thang-9", "--force", "--json", tmp_path / "b.json")
    assert "Áp dụng lại lượt duyệt của Hiệu trưởng cho Tháng 9/2025: hoi-dong/hieu-truong_thang-9.xlsx" in late
    assert _score(tmp_path / "b.json", "GV04") == 99  # the head's word stayed
    applied = _json(tmp_path / "b.json")["applied"]
    assert [(a["kind"], a["round"], a["file"]) for a in applied] == [("head", "thang-9",
                                                                       "hoi-dong/hieu-truong_thang-9.xlsx")]
    sources = load_workbook(here / "ky" / "tong-hop_thang-9.xlsx")[sx.S_SOURCES]
    cells = [c.value for row in sources.iter_rows() for c in row if c.value]
    assert dx.APPLIED_HEAD in cells and "hoi-dong/hieu-truong_thang-9.xlsx" in cells and "Tháng 9/2025" in cells

    year = _run("year", here / "ky", "--json", tmp_path / "y.json", "--force")
    assert "Tháng 10/2025 chưa có lượt Hiệu trưởng duyệt" in year
    assert [a["kind"] for a in _json(tmp_path / "y.json")["applied"]] == ["registration", "head"]

    dropped = _run("merge", here / "inbox" / "thang-9", "--period", "thang-9", "--force", "--bo-duyet",
                   "--json", tmp_path / "c.json")
    assert "Đã bỏ hoi-dong/hieu-truong_thang-9.xlsx" in dropped and not kept.exists()
    assert [p.name for p in (here / "hoi-dong" / "cu").iterdir()][0].startswith("hieu-truong_thang-9_")
    assert _score(tmp_path / "c.json", "GV04") != 99 and _json(tmp_path / "c.json")["applied"] == []
    again = _run("merge", here / "inbox" / "thang-9", "--period", "thang-9", "--force")
    assert "Áp dụng lại" not in again  # dropped stays dropped


def test_a_new_file_and_a_drop_together_are_refused_before_any_work(made_early, tmp_path):
    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    before = (here / "ky" / "tong-hop_thang-9.xlsx").read_bytes()
    result = CliRunner().invoke(main, ["merge", str(here / "inbox" / "thang-9"), "--period", "thang-9", "--force",
                                       "--council", str(here / "ky" / "tong-hop_thang-9.xlsx"), "--bo-duyet"])
    assert result.exit_code == 2 and dx.DROP_AND_GIVE[:40] in result.output
    assert (here / "ky" / "tong-hop_thang-9.xlsx").read_bytes() == before


def test_the_council_s_year_pass_sticks_its_papers_follow_and_a_draft_waits_for_history(made_early, tmp_path,
                                                                                        monkeypatch):
    without_libreoffice(monkeypatch)  # the papers followed are their Word files
    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    _run("year", here / "ky", "--force")
    council = tmp_path / "hoi-dong-hop.xlsx"
    council_types(here / "tong-hop_ca-nam.xlsx", council, {"GV05": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
    _run("year", here / "ky", "--council", council, "--force", "--docs", here / "ho-so", "--json", tmp_path / "a.json")
    assert (here / "hoi-dong" / "hoi-dong_ca-nam.xlsx").is_file()
    assert not _granted(tmp_path / "a.json", "GV05")
    letter = (here / "ho-so" / "01_To-trinh.docx").stat().st_mtime_ns

    again = _run("year", here / "ky", "--force", "--json", tmp_path / "b.json")  # a late book: merged again
    assert "Áp dụng lại kết quả họp Hội đồng cho Cả năm (từ các kỳ): hoi-dong/hoi-dong_ca-nam.xlsx" in again
    assert not _granted(tmp_path / "b.json", "GV05")  # the council's word stayed
    assert dx.PAPERS_AGAIN.format(folder=here / "ho-so") in again.replace("\n", " ")
    assert (here / "ho-so" / "01_To-trinh.docx").stat().st_mtime_ns != letter
    from thidua_xlsx import service
    from thidua_xlsx.model import result as rs
    from thidua_xlsx.model.requests import YearRequest

    listed = service.run(YearRequest(inbox=here / "ky", force=True)).files  # what the page lists: papers as papers
    assert {f.kind for f in listed if f.path.is_relative_to(here / "ho-so")} == {rs.PAPER}

    from docx import Document

    section = Document(here / "ho-so" / "01_To-trinh.docx").sections[0]  # both months merged, none passed: a draft
    assert [p.text for p in section.first_page_header.paragraphs] == [dx.DRAFT_HEAD, dx.DRAFT_LINE.format(
        periods="Tháng 9/2025, Tháng 10/2025 chưa có lượt Hiệu trưởng duyệt")]
    assert dx.DRAFT_HEAD in [p.text for p in section.header.paragraphs]  # on every page after the first too

    refused = CliRunner().invoke(main, ["history", str(here / "tong-hop_ca-nam.xlsx")])  # nothing written
    assert refused.exit_code != 0 and "còn DỰ THẢO" in refused.output and not (here / "lich-su.xlsx").exists()
    recorded = CliRunner().invoke(main, ["history", str(here / "tong-hop_ca-nam.xlsx"), "--chinh-thuc"])
    assert recorded.exit_code == 0, recorded.output
    assert (here / "lich-su.xlsx").is_file()


def _score(path: Path, code: str):
    return next(p["scores"]["final"] for p in _json(path)["people"] if p["code"] == code)


def _granted(path: Path, code: str) -> bool:
    return any(d["granted"] for p in _json(path)["people"] if p["code"] == code for d in p["decisions"])


def test_a_council_note_pasted_with_control_characters_is_kept_as_typed_and_said(made_early, tmp_path):
    """What the council types into the summary is text kept as typed: a control character a paste carries (here
    BEL, which Excel stores as _x0007_) taken out and said at its cell; the papers and the change log still made."""
    import zipfile

    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    _run("year", here / "ky", "--force")
    typed = tmp_path / "typed.xlsx"
    council_types(here / "tong-hop_ca-nam.xlsx", typed, {"GV05": (None, NO_PROPOSAL, "Chưa đủ BELL hồ sơ")})
    council = tmp_path / "hoi-dong-hop.xlsx"
    with zipfile.ZipFile(typed) as src, zipfile.ZipFile(council, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, data.replace(b"BELL", b"_x0007_") if item.filename.endswith(".xml") else data)
    output = _run("year", here / "ky", "--council", council, "--force", "--json", tmp_path / "a.json")
    assert "Hoàng Thị Thu Hương Giang Nguyễn Phương (GV05): ghi chú có 1 ký tự điều khiển" in " ".join(output.split())
    person = next(p for p in _json(tmp_path / "a.json")["people"] if p["code"] == "GV05")
    assert person["council"]["note"] == "Chưa đủ hồ sơ"


def test_the_registration_summary_under_its_earlier_name_is_still_read_by_the_year(made_early, tmp_path):
    """A folder of an earlier version has the registration's summary as tong-hop-dang-ky.xlsx (as the README then
    named it): the year reads it, and says so, as it reads tong-hop_dang-ky.xlsx."""
    here = tmp_path / "nam"
    shutil.copytree(made_early["folder"], here)
    (here / "tong-hop_dang-ky.xlsx").rename(here / OLD_REGISTRATION_SUMMARY)
    output = _run("year", here / "ky", "--json", here / "nam.json", "--force")
    assert OLD_REGISTRATION_SUMMARY in output
    assert "Đăng ký thi đua của năm lấy từ bảng tổng hợp đăng ký" in output
    assert _json(here / "nam.json")["applied"][0]["file"] == OLD_REGISTRATION_SUMMARY


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_the_council_s_pass_given_as_the_readme_s_step_7_says_is_kept_and_applied_by_the_next_plain_merge(tmp_path,
                                                                                                         monkeypatch):
    """The README's step 7 writes the final summary elsewhere (``-o tong-hop-cuoi.xlsx``): the council's file is kept
    with the round all the same, so a merge made later (a book returned late) applies the council's word again and
    says so, instead of dropping its five changes without a word."""
    here = tmp_path / "thu-mau"
    shutil.copytree(SAMPLES, here, ignore=shutil.ignore_patterns("ca-nam", "ho-so", "*.lock", "da-ghi.json"))
    without_libreoffice(monkeypatch)  # the papers are read as Word files
    given = _run("merge", here / "inbox", "--council", here / "hoi-dong.xlsx", "--history", here / "lich-su.xlsx",
                 "-o", here / "tong-hop-cuoi.xlsx", "--docs", here / "ho-so", "--force")
    later = _run("merge", here / "inbox")

    kept = here / "hoi-dong" / "hoi-dong_cham-diem.xlsx"
    assert kept.read_bytes() == (here / "hoi-dong.xlsx").read_bytes()
    assert "Đã lưu hoi-dong/hoi-dong_cham-diem.xlsx" in " ".join(given.split())
    assert "Áp dụng lại kết quả họp Hội đồng cho" in " ".join(later.split()), later
    changed = "Hội đồng đã thay đổi 5 điều"
    assert changed in given and changed in later, later
    final, again = (load_workbook(p)[sx.S_CHANGES] for p in (here / "tong-hop-cuoi.xlsx",
                                                             here / "tong-hop_cham-diem.xlsx"))
    assert list(final.iter_rows(values_only=True)) == list(again.iter_rows(values_only=True))


def test_a_merge_refused_before_any_work_does_not_say_it_rewrote_the_papers(tmp_path, monkeypatch):
    """The sample's papers follow its summary when a merge rewrites it; a merge refused (its summary there, no
    --force) wrote nothing and says nothing of them."""
    here = tmp_path / "thu-mau"
    shutil.copytree(SAMPLES, here, ignore=shutil.ignore_patterns("ca-nam", "*.lock"))
    without_libreoffice(monkeypatch)
    first = _run("merge", here / "inbox")
    assert dx.PAPERS_AGAIN.format(folder=here / "ho-so") in first.replace("\n", " ")

    rewritten = {p: p.read_bytes() for p in (here / "ho-so").rglob("*") if p.is_file()}
    refused = CliRunner().invoke(main, ["merge", str(here / "inbox")])

    assert refused.exit_code == 2 and "--force" in refused.output
    assert "được viết lại" not in refused.output, refused.output
    assert {p: p.read_bytes() for p in (here / "ho-so").rglob("*") if p.is_file()} == rewritten
