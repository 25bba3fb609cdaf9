"""The level above: the commune's campaign book (``init --level cap-xa``) and its merge of the schools'
final summaries — each school's file chosen, every file accounted for, the checks said, the lists across schools."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from samples.build_samples import COMMUNE_ID
from tests.commune_fixtures import set_field
from tests.no_office import no_libreoffice, without_libreoffice
from tests.openxml import describe, findings, unaccepted_findings
from tests.workers import cannot_start
from thidua_xlsx.cli import main
from thidua_xlsx.commune.model_book import SCHOOLS_SHEET
from thidua_xlsx.model.places import COMMUNE_KEY_FILE, LEVEL_ABOVE_BOOK
from thidua_xlsx.text import commune as lx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# Kim Sơn's 2025-2026 year, as the commune's sample receives it (samples/ca-nam itself is 2026-2027)
PRIMARY, SECONDARY = SAMPLES / "tong-hop-cuoi.xlsx", SAMPLES / "cap-xa" / "inbox" / "THCS-Kim-Son_ca-nam.xlsx"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _commune(root: Path) -> Path:
    """A commune's campaign folder as init makes it, its school year set to the samples'."""
    folder = root / "xa"
    result = run("init", folder, "--level", "cap-xa")
    assert result.exit_code == 0, result.output
    assert "3 trường mẫu" in result.output
    set_field(folder / LEVEL_ABOVE_BOOK, "Năm học", "2025-2026")
    set_field(folder / LEVEL_ABOVE_BOOK, "Mã chiến dịch (không "
                                   "sửa)", COMMUNE_ID)
    shutil.copy(SAMPLES / "cap-xa" / COMMUNE_KEY_FILE, folder)  # the key that issued the samples' codes, restored
    return folder


def _edit_a_name(src: Path, dst: Path) -> None:
    """The school's secretary changes a name on the proposal list after the merge, by hand."""
    wb = load_workbook(src)
    ws = wb["Đề nghị khen thưởng"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Lê Thị Hồng Nhung")
    cell.value = "Lê Thị Hồng Nhung (sửa)"
    wb.save(dst)


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    root = tmp_path_factory.mktemp("commune")
    folder = _commune(root)
    inbox = folder / "inbox"
    shutil.copy(SAMPLES / "tong-hop.xlsx", inbox / "TH-Truc-Cuong_truoc-hoi-dong.xlsx")  # before the council
    _edit_a_name(PRIMARY, inbox / "TH-Truc-Cuong_cuoi.xlsx")
    shutil.copy(SECONDARY, inbox / "THCS-Kim-Son.xlsx")
    (inbox / "ghi-chu.txt").write_text("danh sách gửi kèm", encoding="utf-8")
    shutil.copytree(SAMPLES / "ho-so" / "Chien-si-thi-dua-co-so", inbox / "TH-Truc-Cuong_ho-so")  # its hồ sơ too
    before = {p.relative_to(inbox): p.read_bytes() for p in inbox.rglob("*") if p.is_file()}
    with no_libreoffice():  # the decision and the Tờ trình are read from their Word files
        result = run("merge", inbox, "-o", root / "xa.xlsx", "--json", root / "xa.json", "--docs", root / "ho-so")
    assert result.exit_code == 0, result.output
    return {"root": root, "inbox": inbox, "before": before, "output": " ".join(result.output.split()),
            "data": json.loads((root / "xa.json").read_text("utf-8")), "book": load_workbook(root / "xa.xlsx")}


def test_each_school_s_newest_file_is_used_the_other_listed_with_what_changed(merged):
    files = {f["name"]: f for f in merged["data"]["files"]}
    assert files["TH-Truc-Cuong_cuoi.xlsx"]["status"] == "accepted"
    assert files["THCS-Kim-Son.xlsx"]["status"] == "accepted"
    older = files["TH-Truc-Cuong_truoc-hoi-dong.xlsx"]
    assert (older["status"], older["reason"]) == ("superseded", "level_above.superseded")
    # the council's pass, and GV007's CSTĐCS withdrawn by the history (its sáng kiến served a Giấy khen)
    assert "dùng bản mới hơn 'TH-Truc-Cuong_cuoi.xlsx' (thêm 2, bớt 3 đề nghị so với bản này)" in merged["output"]
    assert files["ghi-chu.txt"]["status"] == "skipped"  # every file accounted for
    dossier = [f for name, f in files.items() if name.startswith("TH-Truc-Cuong_ho-so/")]
    assert dossier and {(f["status"], f["reason"]) for f in dossier} == {("skipped", "level_above.dossier_file")}


def test_the_missing_school_and_the_edited_list_are_said(merged):
    codes = [p["code"] for p in merged["data"]["problems"]]
    assert "level_above.school_missing" in codes and "Trường Mầm non Trực Cường" in merged["output"]
    edited = [p for p in merged["data"]["problems"] if p["code"] == "level_above.edited"]
    assert [p["file"] for p in edited] == ["TH-Truc-Cuong_cuoi.xlsx"]
    schools = {s["code"]: s for s in merged["data"]["schools"]}
    assert (schools["TH-TC"]["edited"], schools["THCS-KS"]["edited"], schools["MN-TC"]["file"]) == (True, False, None)
    # the year's summary of Kim Sơn never met its council: said once, not per CSTĐCS
    assert codes.count("level_above.before_council") == 1
    assert {w["code"] for h in merged["data"]["held"] if h["school"] == "THCS-KS" for w in h["why"]} == \
        {"level_above.held_before_council"}  # its CSTĐCS held for that once, not for each missing ballot


def test_the_lists_and_counts_equal_the_schools_proposals(merged):
    """What the commune lists is what each school's summary proposes (read from the school's own JSON-free
    metadata, checked here against the schools' sheets "Đề nghị khen thưởng" as the tool wrote them)."""
    proposals, held = merged["data"]["proposals"], merged["data"]["held"]
    by_school = {}
    for p in proposals + held:  # the lines held apart for the officer too
        by_school.setdefault(p["school"], []).append(p)
    primary = load_workbook(PRIMARY)["Đề nghị khen thưởng"]
    listed = [row for row in primary.iter_rows(values_only=True) if isinstance(row[0], int) and row[6]]
    assert sorted((r[1], r[6]) for r in listed) == sorted(
        (p["name"], {"CSTD_TINH": "Chiến sĩ thi đua cấp tỉnh", "CSTDCS": "Chiến sĩ thi đua cơ sở",
                     "LDTT": "Lao động tiên tiến"}[p["title"]]) for p in by_school["TH-TC"] if p["kind"] == "CANHAN")
    counts = merged["data"]["counts"]
    assert sum(counts["CSTDCS"].values()) == sum(1 for p in proposals if p["title"] == "CSTDCS")
    held_here = [h["name"] for h in held if h["school"] == "TH-TC"]
    assert held_here == ["Lê Thị Hồng Nhung"]  # her line renamed by hand
    assert counts["CSTDCS"]["TH-TC"] == sum(1 for r in listed if r[6] == "Chiến sĩ thi đua cơ sở") - 1
    ws = merged["book"][lx.S_SCHOOLS]
    total = next(row for row in ws.iter_rows(values_only=True) if row[1] == lx.TOTAL)
    assert total[6] == len(held) and sum(v for v in total[7:] if v) == len(proposals)


def test_a_cstdcs_carries_its_vote_and_its_grounds(merged):
    cstdcs = [p for p in merged["data"]["proposals"] + merged["data"]["held"]
              if p["title"] == "CSTDCS" and p["school"] == "TH-TC"]
    assert cstdcs and all(p["votes"] is not None and p["members"] == 11 for p in cstdcs)
    assert all(p["grounds"] for p in cstdcs)
    nhung = next(p for p in cstdcs if p["name"] == "Lê Thị Hồng Nhung")  # the metadata, not the edited cell
    assert "HTXSNV" in nhung["grounds"] and nhung["gender"] == "Nữ" and nhung["unit"] == "Trường Tiểu học Trực Cường"


def test_the_commune_s_summary_and_a_new_commune_s_book_pass_the_open_xml_validator(merged, tmp_path):
    """The commune's summary is streamed like a school's (its one accepted finding: tests/write/test_openxml_audit.py);
    the book init makes for the officer (cap-tren.xlsx) is written by xlsxwriter: no finding at all."""
    assert unaccepted_findings(merged["root"] / "xa.xlsx") == []
    assert run("init", tmp_path / "xa", "--level", "cap-xa").exit_code == 0
    assert describe(findings(tmp_path / "xa" / LEVEL_ABOVE_BOOK)) == []


def test_the_inbox_is_only_read(merged):
    inbox = merged["inbox"]
    assert {p.relative_to(inbox): p.read_bytes() for p in inbox.rglob("*") if p.is_file()} == merged["before"]


def test_a_school_not_on_the_list_and_another_year_are_refused(tmp_path):
    folder = _commune(tmp_path)
    wb = load_workbook(folder / LEVEL_ABOVE_BOOK)
    ws = wb[SCHOOLS_SHEET]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Trường THCS Kim Sơn")
    row[1].value = "Trường THCS Kim Sơn B"
    wb.save(folder / LEVEL_ABOVE_BOOK)
    shutil.copy(SECONDARY, folder / "inbox" / "kim-son.xlsx")
    shutil.copy(PRIMARY, folder / "inbox" / "truc-cuong.xlsx")
    result = run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--json", tmp_path / "xa.json")
    assert result.exit_code == 0, result.output
    files = {f["name"]: f for f in json.loads((tmp_path / "xa.json").read_text("utf-8"))["files"]}
    assert files["kim-son.xlsx"]["reason"] == "level_above.not_listed"
    assert "'Trường THCS Kim Sơn', không có trong sheet Các trường" in " ".join(result.output.split())

    set_field(folder / LEVEL_ABOVE_BOOK, "Năm học", "2026-2027")
    result = run("merge", folder / "inbox", "-o", tmp_path / "xa2.xlsx")
    assert result.exit_code == 1  # nothing usable: nothing written
    assert "là bảng tổng hợp năm học 2025-2026 của Trường Tiểu học Trực Cường, đang xét năm học 2026-2027" in \
        " ".join(result.output.split())
    assert not (tmp_path / "xa2.xlsx").exists()


def test_a_department_workbook_or_a_period_summary_is_not_a_school_s_final_summary(tmp_path):
    folder = _commune(tmp_path)
    shutil.copy(SAMPLES / "ca-nam" / "ky" / "tong-hop_thang-9.xlsx", folder / "inbox" / "thang-9.xlsx")
    shutil.copy(next((SAMPLES / "inbox").rglob("*.xlsx")), folder / "inbox" / "so-cua-to.xlsx")
    shutil.copy(PRIMARY, folder / "inbox" / "truc-cuong.xlsx")
    result = run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--json", tmp_path / "xa.json")
    assert result.exit_code == 0, result.output
    files = {f["name"]: f for f in json.loads((tmp_path / "xa.json").read_text("utf-8"))["files"]}
    assert files["thang-9.xlsx"]["reason"] == "level_above.not_final"
    assert files["so-cua-to.xlsx"]["reason"] == "level_above.not_summary"


def test_the_decision_and_the_to_trinh_carry_the_same_counts_as_the_lists(merged):
    """What the chair decides (NĐ 129/2025 điều 59: LĐTT, CSTĐCS, TTLĐTT) is listed in the decision's Danh sách,
    each count equal to its lines; what goes up to the province (CSTĐ cấp tỉnh, TTLĐXS) is said in the Tờ trình."""
    from docx import Document as Docx

    from tests.openxml import unaccepted_findings

    counts = {title: sum(per.values()) for title, per in merged["data"]["counts"].items()}
    decision = Docx(merged["root"] / "ho-so" / "02_Du-thao-Quyet-dinh-cong-nhan.docx")
    text = [p.text for p in decision.paragraphs]
    assert f"- Danh hiệu Chiến sĩ thi đua cơ sở: {counts['CSTDCS']} cá nhân;" in text
    assert f"- Danh hiệu Lao động tiên tiến: {counts['LDTT']} cá nhân;" in text
    assert f"- Danh hiệu Tập thể lao động tiên tiến: {counts['TTLDTT']} tập thể;" in text
    assert not any("cấp tỉnh" in t or "xuất sắc" in t for t in text)  # not the commune's to decide
    listed = text[text.index("I. CÁ NHÂN"):]
    cstdcs = listed.index(f"2. Danh hiệu Lao động tiên tiến ({counts['LDTT']})") - \
        listed.index(f"1. Danh hiệu Chiến sĩ thi đua cơ sở ({counts['CSTDCS']})") - 1
    assert cstdcs == counts["CSTDCS"]  # the lines under the heading are as many as the count
    assert "1. Đinh Tất Đắc, Hiệu trưởng, Trường Tiểu học Trực Cường" in listed  # "n. Họ tên, chức vụ, đơn vị"
    letter = [p.text for p in Docx(merged["root"] / "ho-so" / "01_To-trinh-cong-nhan.docx").paragraphs]
    assert f"- Danh hiệu Chiến sĩ thi đua cơ sở: {counts['CSTDCS']} cá nhân;" in letter
    assert "- Chiến sĩ thi đua cấp tỉnh: 1 cá nhân (hồ sơ chuyển cấp tỉnh);" in letter
    assert "Chưa nhận hồ sơ có dấu xác thực của: Trường Mầm non Trực Cường." in letter
    for name in ("01_To-trinh-cong-nhan.docx", "02_Du-thao-Quyet-dinh-cong-nhan.docx"):
        assert unaccepted_findings(merged["root"] / "ho-so" / name, ()) == [], name


def test_the_officer_takes_a_line_off_with_its_reason_and_the_lists_and_papers_follow(merged, tmp_path, monkeypatch):
    """The commune's round trip (``merge … --council``): the officer unticks "Đồng ý" of a line and writes why;
    a line unticked without a reason stays, said; the final lists, counts and decision follow."""
    from docx import Document as Docx

    without_libreoffice(monkeypatch)  # the decision is read from its Word file
    met = tmp_path / "xa-da-duyet.xlsx"
    wb = load_workbook(merged["root"] / "xa.xlsx")
    ws = wb[lx.S_LISTS]
    rows = [r for r in ws.iter_rows() if r[5].value == lx.AGREE]
    taken = next(r for r in rows if r[1].value == "Trần Hoàng Ngọc Phương Uyên")
    taken[5].value, taken[6].value = None, "Chưa đủ minh chứng sáng kiến"
    kept = next(r for r in rows if r[1].value == "Đinh Tất Đắc")
    kept[5].value = ""  # unticked, no reason: kept and said
    wb.save(met)
    result = run("merge", merged["inbox"], "--council", met, "-o", tmp_path / "cuoi.xlsx", "--json",
                 tmp_path / "cuoi.json", "--docs", tmp_path / "ho-so")
    assert result.exit_code == 0, result.output
    final = json.loads((tmp_path / "cuoi.json").read_text("utf-8"))
    before = {(p["who"], p["title"]) for p in merged["data"]["proposals"]}
    after = {(p["who"], p["title"]) for p in final["proposals"]}
    uyen = next(p for p in merged["data"]["proposals"] if p["name"] == "Trần Hoàng Ngọc Phương Uyên"
                and p["title"] == "CSTDCS")
    assert before - after == {(uyen["who"], "CSTDCS")}
    assert final["removed"] == [{"school": "TH-TC", "kind": "CANHAN", "who": uyen["who"], "title": "CSTDCS",
                                 "reason": "Chưa đủ minh chứng sáng kiến"}]
    output = " ".join(result.output.split())
    assert "Trần Hoàng Ngọc Phương Uyên (Trường Tiểu học Trực Cường) được bỏ khỏi danh sách Chiến sĩ thi đua cơ sở: " \
           "Chưa đủ minh chứng sáng kiến." in output
    assert "(Đinh Tất Đắc, Chiến sĩ thi đua cơ sở) bỏ dấu Đồng ý nhưng chưa ghi lý do – vẫn giữ" in output
    cstdcs = sum(final["counts"]["CSTDCS"].values())
    assert cstdcs == sum(merged["data"]["counts"]["CSTDCS"].values()) - 1
    text = [p.text for p in Docx(tmp_path / "ho-so" / "02_Du-thao-Quyet-dinh-cong-nhan.docx").paragraphs]
    assert f"- Danh hiệu Chiến sĩ thi đua cơ sở: {cstdcs} cá nhân;" in text


def test_the_officer_s_file_of_another_campaign_is_refused(merged, tmp_path):
    other = tmp_path / "khac.xlsx"
    shutil.copy(PRIMARY, other)  # a school's summary, not the commune's
    result = run("merge", merged["inbox"], "--council", other, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 1 and not (tmp_path / "x.xlsx").exists()
    assert "không phải bảng tổng hợp cấp trên của chiến dịch này" in " ".join(result.output.split())


def test_papers_written_again_replace_the_tool_s_own_and_keep_one_someone_edited(tmp_path, monkeypatch):
    without_libreoffice(monkeypatch)  # the Word papers: the tool's own and the officer's
    folder = _commune(tmp_path)
    shutil.copy(PRIMARY, folder / "inbox" / "truc-cuong.xlsx")
    papers = tmp_path / "ho-so"
    assert run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--docs", papers).exit_code == 0
    again = run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--docs", papers, "--force")
    assert again.exit_code == 0, again.output
    assert not any("(moi)" in p.name for p in papers.iterdir())  # the tool's own papers replaced
    edited = papers / "02_Du-thao-Quyet-dinh-cong-nhan.docx"
    edited.write_bytes(edited.read_bytes() + b" ")  # saved again by the officer: not the tool's bytes any more
    third = run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--docs", papers, "--force")
    assert third.exit_code == 0, third.output
    assert (papers / "02_Du-thao-Quyet-dinh-cong-nhan (moi).docx").is_file()
    assert not (papers / "01_To-trinh-cong-nhan (moi).docx").exists()
    assert "Giữ nguyên" in third.output and "02_Du-thao-Quyet-dinh-cong-nhan" in third.output


def test_the_schools_summaries_read_on_every_core_are_those_read_in_one_process(merged, monkeypatch):
    """From PARALLEL_FROM entries the summaries are read by worker processes; every entry (a summary before its
    council, one edited by hand, a note, a school's hồ sơ) has the same outcome, in the same order, and the progress
    bar moves once per entry."""
    from thidua_xlsx.commune import read_inbox
    from thidua_xlsx.read.containment import scan_inbox

    items = scan_inbox(merged["inbox"])
    monkeypatch.setattr(read_inbox, "_workers_for", lambda count: 0)
    alone = read_inbox.read_school_summaries(items)
    monkeypatch.setattr(read_inbox, "_workers_for", lambda count: 2)
    said: list[str] = []
    assert read_inbox.read_school_summaries(items, said.append) == alone
    assert said == [item.name for item in items]
    assert len(alone[1]) == 3 and len(alone[0]) == len(items)


def test_workers_that_cannot_start_are_said_and_every_summary_is_read_here(merged, monkeypatch):
    """docs/conventions.md: no silent fallback. Workers whose start fails (a real pool, broken: its initializer
    raises) are said in the merge's report — what failed, how many files are read here instead — and every entry is
    read in this process, with the outcome one process gives."""
    from thidua_xlsx.commune import read_inbox
    from thidua_xlsx.system import pool

    monkeypatch.setattr(read_inbox, "_workers_for", lambda count: 2)
    monkeypatch.setattr(pool, "share", cannot_start)
    root = merged["root"]
    result = run("merge", merged["inbox"], "-o", root / "xa-lai.xlsx", "--json", root / "lai.json")
    assert result.exit_code == 0, result.output
    files = merged["data"]["files"]
    said = lx.LEVEL_ABOVE_MESSAGES["level_above.workers_failed"].format(error="BrokenProcessPool", count=len(files))
    assert said in " ".join(result.output.split())
    data = json.loads((root / "lai.json").read_text("utf-8"))
    assert [(f["name"], f["status"]) for f in data["files"]] == [(f["name"], f["status"]) for f in files]
    assert {"code": "level_above.workers_failed", "severity": "note", "file": "", "sheet": "", "cell": "",
            "params": {"count": len(files), "error": "BrokenProcessPool"}} in data["problems"]


def test_the_schools_sheet_gives_the_time_of_the_school_s_data_under_its_own_name(merged):
    """The school's list edited by hand was saved again (Nguồn dữ liệu: the file's time); Các trường gives the time
    of the data its seal covers, which "sau hạn" is decided from — under a name that says which it is."""
    schools = [r for r in merged["book"][lx.S_SCHOOLS].iter_rows(values_only=True)]
    head = next(r for r in schools if r and r[0] == "STT")
    assert head[3] == "Số liệu lưu lúc"
    row = next(r for r in schools if r and r[2] == "TH-Truc-Cuong_cuoi.xlsx")
    sources = list(merged["book"]["Nguồn dữ liệu"].iter_rows(values_only=True))
    columns = next(r for r in sources if r and r[0] == "Tệp")
    source = dict(zip(columns, next(r for r in sources if r and r[0] == "TH-Truc-Cuong_cuoi.xlsx")))
    assert row[3] < source["Thời gian lưu (giờ VN)"]  # the data's time, before the file's own (edited since)
