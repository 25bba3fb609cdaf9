"""The officer decides what the commune signs: what the commune is only warned about — the CSTĐCS of
a school's summary its council never passed, a line a school changed or took off its list by hand, one teacher
proposed by two schools — is held apart, named, out of the draft Quyết định, the Tờ trình's counts and the province's
import file, until the officer accepts or removes each with a reason (``merge … --council``); a settled warning is not
said again; a byte-for-byte copy of a summary is called a copy.

The commune is the shipped one (samples/cap-xa/: Trực Cường's final summary and the one before it, Kim Sơn's year
that never met its council, Thử Nghiệm's list with a name retyped), with two more files: Trực Cường's final summary
sent twice (once with a line removed by hand, then the same file again) and a fourth school, Trực Cường B, made by
the tool from the sample school's books under another name, whose principal has the same name and birth date as
Trực Cường's (everyone else's birth date differs by a day)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as Docx
from openpyxl import load_workbook

from samples.build_samples import COMMUNE_KEY
from tests.no_office import no_libreoffice
from tests.summary_meta import rewrite_meta
from thidua_xlsx.cli import main
from thidua_xlsx.text import commune as lx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
COMMUNE = SAMPLES / "cap-xa"
SCHOOL_B = "Trường Tiểu học Trực Cường B"
TAKEN_OFF_BY_HAND = "Hồ Thị Ngọc Bích"  # her LĐTT line, cleared from Trực Cường's list after its merge
BOTH_SCHOOLS = "Đinh Tất Đắc"


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result, " ".join(result.output.split())


def _school_b(work: Path) -> Path:
    """The sample school's books merged and passed by its council as a school of another name; only its principal
    keeps his birth date."""
    for name in ("campaign.xlsx", "inbox", "so-da-phat"):
        (shutil.copytree if (SAMPLES / name).is_dir() else shutil.copy)(SAMPLES / name, work / name)
    wb = load_workbook(work / "campaign.xlsx")
    next(r for r in wb["Trường"].iter_rows() if r[0].value == "Tên trường")[1].value = SCHOOL_B
    code = next(r for r in wb["Trường"].iter_rows() if r[0].value == "Mã xác thực do cấp trên cấp")[1]
    code.value = COMMUNE_KEY.school_code("MN-TC", "2025-2026")  # the place it takes in the commune's list
    for r in wb["Nhân sự"].iter_rows(min_row=2):
        if r[1].value != BOTH_SCHOOLS and isinstance(r[3].value, dt.datetime):
            r[3].value -= dt.timedelta(days=1)
    wb.save(work / "campaign.xlsx")
    result, output = run("merge", work / "inbox", "--council", SAMPLES / "hoi-dong.xlsx", "-o", work / "cuoi.xlsx")
    assert result.exit_code == 0, output
    return work / "cuoi.xlsx"


def _clear_line(path: Path, name: str, title: str) -> None:
    """The school's secretary deletes a line of the proposal list by hand (its cells emptied)."""
    wb = load_workbook(path)
    ws = wb["Đề nghị khen thưởng"]
    row = next(r for r in ws.iter_rows() if r[1].value == name and r[6].value == title)
    for cell in row:
        cell.value = None
    wb.save(path)


def _commune(root: Path) -> Path:
    folder = root / "cap-xa"
    shutil.copytree(COMMUNE, folder, ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx", "xa.json"))
    wb = load_workbook(folder / "cap-tren.xlsx")  # the school that sent nothing gives its place to Trực Cường B
    next(r for r in wb["Các trường"].iter_rows() if r[1].value == "Trường Mầm non Trực Cường")[1].value = SCHOOL_B
    wb.save(folder / "cap-tren.xlsx")
    (root / "b").mkdir()
    shutil.copy(_school_b(root / "b"), folder / "inbox" / "TH-Truc-Cuong-B_tong-hop-cuoi.xlsx")
    final = folder / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx"
    _clear_line(final, TAKEN_OFF_BY_HAND, "Lao động tiên tiến")
    again = folder / "inbox" / "TH-Truc-Cuong_gui-lai.xlsx"
    shutil.copy(final, again)
    later = final.stat().st_mtime + 3600  # sent again an hour later, byte for byte
    os.utime(again, (later, later))
    return folder


def _merge(root: Path, folder: Path, stem: str, *council) -> dict:
    with no_libreoffice():  # the draft decision is read from its Word file
        result, output = run("merge", folder / "inbox", *council, "-o", root / f"{stem}.xlsx", "--json",
                             root / f"{stem}.json", "--docs", root / f"ho-so-{stem}", "--xuat-tinh",
                             root / f"nhap-{stem}")
    assert result.exit_code == 0, output
    return {"output": output, "data": json.loads((root / f"{stem}.json").read_text("utf-8")),
            "book": root / f"{stem}.xlsx", "papers": root / f"ho-so-{stem}", "import": root / f"nhap-{stem}"}


@pytest.fixture(scope="module")
def commune(tmp_path_factory):
    root = tmp_path_factory.mktemp("held")
    folder = _commune(root)
    return {"root": root, "folder": folder, **_merge(root, folder, "xa")}


def _held(data: dict) -> dict[tuple[str, str, str], list[str]]:
    """(school, name, title) → the codes of why it is held."""
    return {(h["school"], h["name"], h["title"]): [w["code"] for w in h["why"]] for h in data["held"]}


def _decision(papers: Path) -> dict[str, list[str]]:
    """The draft decision's Danh sách kèm theo: title's heading → its lines."""
    text = [p.text for p in Docx(str(papers / "02_Du-thao-Quyet-dinh-cong-nhan.docx")).paragraphs]
    lists: dict[str, list[str]] = {}
    current = None
    for line in text[text.index(lx.PART_PEOPLE):]:
        if line.split(". ", 1)[-1].startswith("Danh hiệu "):
            current = lists.setdefault(line.split(". ", 1)[1].removeprefix("Danh hiệu ").split(" (")[0], [])
        elif current is not None and line[:1].isdigit():
            current.append(line.split(". ", 1)[1])
    return lists


def _imported(folder: Path) -> list[tuple[str, str, str]]:
    """(name, unit, the installation's words for the title) of every row the province's importer reads."""
    rows = []
    for path in sorted(folder.glob("*.xlsx")):
        ws = load_workbook(path).worksheets[0]
        rows += [(r[2], r[4], r[6]) for r in ws.iter_rows(min_row=2, values_only=True) if r[17] in ("CANHAN", "TAPTHE")]
    return rows


def test_what_the_commune_was_only_warned_about_is_held_apart_by_name(commune):
    held = _held(commune["data"])
    kim_son = [key for key, why in held.items() if key[0] == "THCS-KS"]
    assert len(kim_son) == 15 and all(key[2] == "CSTDCS" and held[key] == ["level_above.held_before_council"]
                                      for key in kim_son)  # every CSTĐCS of the summary its council never passed
    assert held[("TH-TN", "Nguyễn Thị Lan", "CSTDCS")] == ["level_above.held_edited"]  # her name retyped
    assert held[("TH-TC", TAKEN_OFF_BY_HAND, "LDTT")] == ["level_above.held_edited"]  # taken off the list by hand
    both = {key: why for key, why in held.items() if key[1] == BOTH_SCHOOLS}
    assert set(both) == {(school, BOTH_SCHOOLS, title) for school in ("TH-TC", "MN-TC") for title in ("CSTDCS", "LDTT")}
    assert all(why == ["level_above.held_two_schools"] for why in both.values())
    assert len(held) == 15 + 1 + 1 + 4
    proposed = {(p["school"], p["name"], p["title"]) for p in commune["data"]["proposals"]}
    assert not proposed & set(held)
    assert ("TH-TN", "Trần Văn Đức", "CSTDCS") in proposed  # the rest of an edited list is what it was


def test_held_proposals_are_in_no_paper_and_no_import_row(commune):
    held = commune["data"]["held"]
    lists = _decision(commune["papers"])
    counts = {title: sum(per.values()) for title, per in commune["data"]["counts"].items()}
    assert len(lists["Chiến sĩ thi đua cơ sở"]) == counts["CSTDCS"]
    assert len(lists["Lao động tiên tiến"]) == counts["LDTT"]
    assert not [line for line in lists["Chiến sĩ thi đua cơ sở"] if line.startswith((BOTH_SCHOOLS, "Nguyễn Thị Lan,"))]
    assert not [line for line in lists["Lao động tiên tiến"] if line.startswith(BOTH_SCHOOLS)]
    assert not [line for line in lists["Lao động tiên tiến"]
                if line.startswith(TAKEN_OFF_BY_HAND) and line.endswith(", Trường Tiểu học Trực Cường")]
    assert [line for line in lists["Lao động tiên tiến"] if line.startswith(TAKEN_OFF_BY_HAND)]  # Trực Cường B's
    kim_son = [p["name"] for p in commune["data"]["proposals"] if p["school"] == "THCS-KS"]
    assert kim_son and not [line for line in lists["Chiến sĩ thi đua cơ sở"] if line.endswith(", Trường THCS Kim Sơn")]
    letter = [p.text for p in Docx(str(commune["papers"] / "01_To-trinh-cong-nhan.docx")).paragraphs]
    assert f"- Danh hiệu Chiến sĩ thi đua cơ sở: {counts['CSTDCS']} cá nhân;" in letter
    assert f"- Danh hiệu Lao động tiên tiến: {counts['LDTT']} cá nhân;" in letter
    assert any(line.startswith(f"Chưa trình {len(held)} đề nghị của Trường Tiểu học Trực Cường, Trường THCS Kim Sơn, "
                               f"Trường Tiểu học Thử Nghiệm, {SCHOOL_B} ") for line in letter)
    rows = _imported(commune["import"])
    assert len(rows) == len(commune["data"]["proposals"])
    names = {(r[0], r[1]) for r in rows}
    assert not any(n == BOTH_SCHOOLS for n, _ in names)
    lan = [r[2] for r in rows if r[:2] == ("Nguyễn Thị Lan", "Trường Tiểu học Thử Nghiệm")]
    assert len(lan) == 1 and "tiên tiến" in lan[0]  # her CSTĐCS held, her LĐTT (its line untouched) kept
    assert (TAKEN_OFF_BY_HAND, "Trường Tiểu học Trực Cường") not in names
    kim_son = [r[2] for r in rows if r[1] == "Trường THCS Kim Sơn"]
    assert kim_son and not [title for title in kim_son if "cơ sở" in title]


def test_the_summary_lists_them_on_their_own_sheet_and_the_console_names_each(commune):
    ws = load_workbook(commune["book"])[lx.S_HELD]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(rows) == len(commune["data"]["held"])
    lan = next(r for r in rows if r[1] == "Nguyễn Thị Lan")
    assert lan[2:5] == ("Trường Tiểu học Thử Nghiệm", "Giáo viên", "Chiến sĩ thi đua cơ sở")
    assert lan[5] == "danh sách của trường khác dữ liệu – đổi tên Nguyễn Thị Lan thành 'Nguyễn Thị Lan Anh' " \
                     "(Chiến sĩ thi đua cơ sở)"
    assert lan[6:] == (None, None)  # the officer's two cells, blank
    principal = [r for r in rows if r[1] == BOTH_SCHOOLS]
    assert {(r[2], r[5]) for r in principal} == {
        ("Trường Tiểu học Trực Cường", f"{SCHOOL_B} cũng đề nghị người này danh hiệu này (cùng họ tên, ngày sinh)"),
        (SCHOOL_B, "Trường Tiểu học Trực Cường cũng đề nghị người này danh hiệu này (cùng họ tên, ngày sinh)")}
    schools = load_workbook(commune["book"])[lx.S_SCHOOLS]
    held_column = next(r for r in schools.iter_rows(values_only=True) if r[0] == "STT").index("Tạm giữ")
    per_school = {r[1]: r[held_column] for r in schools.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert per_school == {"Trường Tiểu học Trực Cường": 3, "Trường THCS Kim Sơn": 15,
                          "Trường Tiểu học Thử Nghiệm": 1, SCHOOL_B: 2}
    said = commune["output"]
    assert "Tạm giữ Nguyễn Thị Lan (Trường Tiểu học Thử Nghiệm) – Chiến sĩ thi đua cơ sở: danh sách của trường khác " \
           "dữ liệu" in said
    assert f"Tạm giữ {BOTH_SCHOOLS} ({SCHOOL_B}) – Lao động tiên tiến: Trường Tiểu học Trực Cường cũng đề nghị" in said
    assert said.count("Tạm giữ ") == len(commune["data"]["held"])
    assert "21 đề nghị tạm giữ chờ công chức quyết định" in said


def test_an_edited_list_says_what_changed(commune):
    said = commune["output"]
    assert "Danh sách đề nghị trong bảng tổng hợp của Trường Tiểu học Thử Nghiệm đã bị sửa tay sau khi chương trình " \
           "ghi, không khớp dữ liệu của tệp: đổi tên Nguyễn Thị Lan thành 'Nguyễn Thị Lan Anh' (Chiến sĩ thi đua cơ " \
           "sở)." in said
    assert f"của Trường Tiểu học Trực Cường đã bị sửa tay sau khi chương trình ghi, không khớp dữ liệu của tệp: bỏ " \
           f"{TAKEN_OFF_BY_HAND} – Lao động tiên tiến khỏi danh sách (dữ liệu vẫn đề nghị); dòng chú thích '(Kèm " \
           "theo Tờ trình của Trường Tiểu học Trực Cường; 27 người)' ở sheet Đề nghị khen thưởng không khớp danh " \
           "sách bên dưới (26 dòng)." in said  # the line cleared, its list's caption not: both said
    schools = {s["code"]: s for s in commune["data"]["schools"]}
    assert schools["TH-TN"]["changes"] == [{"change": "renamed", "who": "GV01", "title": "CSTDCS",
                                            "name": "Nguyễn Thị Lan", "shown": "Nguyễn Thị Lan Anh"}]
    assert (schools["MN-TC"]["edited"], schools["MN-TC"]["changes"]) == (False, [])


def test_a_byte_identical_copy_is_called_a_copy_not_newer(commune):
    files = {f["name"]: f for f in commune["data"]["files"]}
    assert files["TH-Truc-Cuong_tong-hop-cuoi.xlsx"]["status"] == "accepted"
    assert (files["TH-Truc-Cuong_gui-lai.xlsx"]["status"], files["TH-Truc-Cuong_gui-lai.xlsx"]["reason"]) == \
        ("skipped", "level_above.copy")
    said = commune["output"]
    assert "[TH-Truc-Cuong_gui-lai.xlsx] Bản sao giống hệt từng byte của 'TH-Truc-Cuong_tong-hop-cuoi.xlsx' " \
           "(Trường Tiểu học Trực Cường), không phải bản mới hơn" in said
    assert "bản mới hơn 'TH-Truc-Cuong_gui-lai.xlsx'" not in said and said.count("gửi hai bản") == 1  # the pre-council


def _mark(src: Path, dst: Path, marks: dict[tuple[str, str, str], tuple[str | None, str | None]]) -> None:
    """The officer's two cells ("Đồng ý", the reason) of every line of (sheet, name, school) given."""
    wb = load_workbook(src)
    for (sheet, name, school), (agree, why) in marks.items():
        agree_col, school_col = (6, 2) if sheet == lx.S_HELD else (5, 3)
        rows = [r for r in wb[sheet].iter_rows() if (r[1].value, r[school_col].value) == (name, school)]
        assert rows, (sheet, name, school)
        for row in rows:
            row[agree_col].value, row[agree_col + 1].value = agree, why
    wb.save(dst)


ACCEPT_ANH = "Trường đã gửi biên bản kiểm phiếu bản giấy: 10/11 phiếu"
REMOVE_CUONG = "Chưa có kết quả bỏ phiếu"
ACCEPT_DAC = "Công tác tại Trường Tiểu học Trực Cường"
REMOVE_DAC = "Không thuộc biên chế của trường"
REMOVE_YEN = "Chưa đủ minh chứng sáng kiến"


@pytest.fixture(scope="module")
def passed(commune):
    """The officer's first pass: two of Kim Sơn's held CSTĐCS settled (one accepted, one removed), the principal kept
    at his school and removed from the other, Thử Nghiệm's retyped line ticked without a reason, a listed line
    taken off."""
    root = commune["root"]
    _mark(commune["book"], root / "duyet-1.xlsx", {
        (lx.S_HELD, "Phạm Thị Ngọc Ánh", "Trường THCS Kim Sơn"): ("x", ACCEPT_ANH),
        (lx.S_HELD, "Lê Văn Cường", "Trường THCS Kim Sơn"): (None, REMOVE_CUONG),
        (lx.S_HELD, BOTH_SCHOOLS, "Trường Tiểu học Trực Cường"): ("x", ACCEPT_DAC),
        (lx.S_HELD, BOTH_SCHOOLS, SCHOOL_B): (None, REMOVE_DAC),
        (lx.S_HELD, "Nguyễn Thị Lan", "Trường Tiểu học Thử Nghiệm"): ("x", None),
        (lx.S_LISTS, "Trịnh Thị Hải Yến", "Trường Tiểu học Trực Cường"): (None, REMOVE_YEN),
    })
    return _merge(root, commune["folder"], "xa-1", "--council", root / "duyet-1.xlsx")


def test_the_officer_accepts_or_removes_each_with_a_reason(commune, passed):
    data = passed["data"]
    names = {(p["school"], p["who"]): p["name"] for p in commune["data"]["held"] + commune["data"]["proposals"]}
    accepted = {(names[(a["school"], a["who"])], a["school"], a["title"], a["reason"]) for a in data["accepted"]}
    assert accepted == {("Phạm Thị Ngọc Ánh", "THCS-KS", "CSTDCS", ACCEPT_ANH),
                        (BOTH_SCHOOLS, "TH-TC", "CSTDCS", ACCEPT_DAC), (BOTH_SCHOOLS, "TH-TC", "LDTT", ACCEPT_DAC)}
    removed = {(names[(r["school"], r["who"])], r["school"], r["title"], r["reason"]) for r in data["removed"]}
    assert {(n, s, t, w) for n, s, t, w in removed if n != "Trịnh Thị Hải Yến"} == {
        ("Lê Văn Cường", "THCS-KS", "CSTDCS", REMOVE_CUONG),
        (BOTH_SCHOOLS, "MN-TC", "CSTDCS", REMOVE_DAC), (BOTH_SCHOOLS, "MN-TC", "LDTT", REMOVE_DAC)}
    assert ("Trịnh Thị Hải Yến", "TH-TC", "CSTDCS", REMOVE_YEN) in removed
    held = _held(data)
    assert len(held) == 21 - 6 and ("TH-TN", "Nguyễn Thị Lan", "CSTDCS") in held  # ticked, no reason: still held
    said = passed["output"]
    assert "Phạm Thị Ngọc Ánh (Trường THCS Kim Sơn) – Chiến sĩ thi đua cơ sở: công chức nhận đề nghị tạm giữ (bảng " \
           f"tổng hợp của trường chưa qua họp Hội đồng, chưa có kết quả bỏ phiếu): {ACCEPT_ANH}." in said
    assert f"Lê Văn Cường (Trường THCS Kim Sơn) được bỏ khỏi danh sách Chiến sĩ thi đua cơ sở: {REMOVE_CUONG}." in said
    assert f"[duyet-1.xlsx · {lx.S_HELD}] Dòng" in said and "(Nguyễn Thị Lan, Chiến sĩ thi đua cơ sở) có dấu Đồng ý " \
        "nhưng chưa ghi lý do – vẫn tạm giữ." in said
    lists = _decision(passed["papers"])
    cstdcs = lists["Chiến sĩ thi đua cơ sở"]
    assert f"{BOTH_SCHOOLS}, Hiệu trưởng, Trường Tiểu học Trực Cường" in cstdcs
    assert any(line.startswith("Phạm Thị Ngọc Ánh, ") for line in cstdcs)
    assert not any(line.startswith("Lê Văn Cường") for line in cstdcs)
    assert not any(line.startswith("Trịnh Thị Hải Yến") and line.endswith(" Trực Cường") for line in cstdcs)
    assert [line for line in lists["Lao động tiên tiến"] if line.startswith(BOTH_SCHOOLS)] == \
        [f"{BOTH_SCHOOLS}, Hiệu trưởng, Trường Tiểu học Trực Cường"]  # once, at his school
    rows = _imported(passed["import"])
    assert [r[1] for r in rows if r[0] == BOTH_SCHOOLS] == ["Trường Tiểu học Trực Cường"] * 2
    assert len(rows) == len(data["proposals"])
    book = load_workbook(passed["book"])
    listed = next(r for r in book[lx.S_LISTS].iter_rows(values_only=True) if r[1] == "Phạm Thị Ngọc Ánh")
    assert listed[5:] == (lx.AGREE, ACCEPT_ANH)  # accepted: listed, the officer's reason beside
    assert not [r for r in book[lx.S_HELD].iter_rows(values_only=True) if r[1] in (BOTH_SCHOOLS, "Phạm Thị Ngọc Ánh")]


def test_a_settled_warning_is_not_said_again(commune, passed):
    """The officer's next pass over the summary the first one wrote: what was settled stays settled and is not said
    again; the retyped line, accepted now, takes the warning about Thử Nghiệm's edited list with it."""
    root = commune["root"]
    _mark(passed["book"], root / "duyet-2.xlsx", {
        (lx.S_HELD, "Nguyễn Thị Lan", "Trường Tiểu học Thử Nghiệm"): ("x", "Tên đúng theo hồ sơ: Nguyễn Thị Lan")})
    second = _merge(root, commune["folder"], "xa-2", "--council", root / "duyet-2.xlsx")
    said = second["output"]
    assert BOTH_SCHOOLS not in said and "Phạm Thị Ngọc Ánh" not in said and "Lê Văn Cường" not in said
    assert "được bỏ khỏi danh sách" not in said
    assert "Trường Tiểu học Thử Nghiệm đã bị sửa tay" not in said
    assert "Nguyễn Thị Lan (Trường Tiểu học Thử Nghiệm) – Chiến sĩ thi đua cơ sở: công chức nhận đề nghị tạm giữ" \
        in said
    assert "Trường THCS Kim Sơn chưa qua họp Hội đồng" in said  # 13 of its CSTĐCS still wait
    assert f"bỏ {TAKEN_OFF_BY_HAND} – Lao động tiên tiến khỏi danh sách" in said
    assert len(second["data"]["held"]) == len(passed["data"]["held"]) - 1
    third = _merge(root, commune["folder"], "xa-3", "--council", second["book"])
    assert "công chức nhận đề nghị tạm giữ" not in third["output"] and "Nguyễn Thị Lan" not in third["output"]
    for key in ("proposals", "held", "removed", "accepted", "counts"):
        assert third["data"][key] == second["data"][key], key


def test_a_proposal_added_to_the_hidden_data_alone_is_held_and_named(commune, tmp_path):
    """The issue's forgery: in a school's summary one decision's ``false`` made ``true`` in the hidden data only (a
    title its council never passed). Its seal no longer matches: beside the school's sealed summary it stands apart,
    named, and adds nothing; alone, every line of it is held, the forged one with what changed, the school not counted
    as sent."""

    folder = tmp_path / "cap-xa"
    shutil.copytree(COMMUNE, folder, ignore=shutil.ignore_patterns("*.lock", "ho-so", "tong-hop-xa.xlsx", "xa.json"))
    path = folder / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx"

    granted = []

    def grant(meta):
        refused = next(d for d in meta["decisions"] if d[0] == "GV001" and not d[2])
        refused[2] = True
        granted.append(refused)

    rewrite_meta(path, path, grant, by_hand=True)
    [refused] = granted
    result, said = run("merge", folder / "inbox", "-o", tmp_path / "xa.xlsx", "--json", tmp_path / "xa.json")
    assert result.exit_code == 0, said
    data = json.loads((tmp_path / "xa.json").read_text("utf-8"))
    files = {f["name"]: f["status"] for f in data["files"]}
    assert files[path.name] == "rejected" and files["TH-Truc-Cuong_tong-hop.xlsx"] == "accepted"
    assert f"'{path.name}' mang tên Trường Tiểu học Trực Cường nhưng không chứng minh được do trường gửi" in said
    assert "không thay, không bớt, không thêm gì vào đề nghị của trường" in said  # the proven copy speaks
    assert not any(p["who"] == "GV001" and p["title"] == refused[1] for p in data["proposals"] + data["held"])
    (folder / "inbox" / "TH-Truc-Cuong_tong-hop.xlsx").unlink()  # the forged file alone
    result, said = run("merge", folder / "inbox", "-o", tmp_path / "xa2.xlsx", "--json", tmp_path / "xa2.json")
    assert result.exit_code == 0, said
    data = json.loads((tmp_path / "xa2.json").read_text("utf-8"))
    forged = next(h for h in data["held"] if h["who"] == "GV001" and h["title"] == refused[1])
    assert [w["code"] for w in forged["why"]] == ["level_above.held_edited", "level_above.held_origin_bad_seal"]
    assert not [p for p in data["proposals"] if p["school"] == "TH-TC"]  # nothing of it signed unless accepted
    assert not any(p["who"] == "GV001" and p["title"] == refused[1] and p["school"] == "TH-TC"
                   for p in data["proposals"])
    assert f"bỏ {forged['name']} – " in said and "khỏi danh sách (dữ liệu vẫn đề nghị)" in said
