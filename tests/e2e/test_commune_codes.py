"""A school's code is a secret like the commune's key (whoever holds it seals a summary in that school's name, which
the commune then trusts): the seal starts on day one, so the officer gets each code when she asks for it — ``status
--ma [TRƯỜNG]`` on the screen, the page's *Xem mã* on one school's row, drafts written outside the commune's folder
for her eyes only — and nothing the folder keeps (the runs record, the outputs' record, the page's run log) or the
report people paste (``status``, the page's table) holds one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from email import policy
from email.parser import BytesParser

from click.testing import CliRunner

from tests.commune_fixtures import holds_a_code
from tests.ui.pages import SAMPLES, TOKEN, client, text
from thidua_xlsx.cli import main
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _opening(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "*.xlsx", "*.json", "inbox"))
    shutil.copy2(SAMPLES / "cap-xa" / "cap-tren.xlsx", folder / "cap-tren.xlsx")
    (folder / "inbox").mkdir()
    return folder


def _codes(folder) -> dict[str, str]:
    """{school's name: its code}, made from the commune's key as its merge makes them."""
    from thidua_xlsx.commune.read_book import load_level_above_book

    campaign, _problems = load_level_above_book(folder / "cap-tren.xlsx")
    assert campaign is not None
    key, made = commune_key(folder)
    assert not made  # the sample commune's own key, copied with its folder
    return {s.name: key.school_code(s.code, campaign.school_year) for s in campaign.schools}


def _cli(*args: str) -> subprocess.CompletedProcess:
    """The command run by a second process, as the officer runs it."""
    return subprocess.run([sys.executable, "-m", "thidua_xlsx", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def test_status_says_no_code_but_how_to_see_one(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    assert len(codes) >= 3 and len(set(codes.values())) == len(codes)
    said = CliRunner().invoke(main, ["status", str(folder / "inbox")])
    assert not holds_a_code(said.output, codes.values())
    assert "Mã xác thực của các trường là bí mật như khóa của xã nên không in trong báo cáo này" in said.output
    assert f'status {folder / "inbox"} --ma "Tên trường"' in said.output and "nút Xem mã" in said.output


def test_status_ma_shows_the_school_asked_alone_and_every_school_when_none_is_named(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    for asked in ("Trường THCS Kim Sơn", "truong thcs kim son", "THCS-KS", "Kim Sơn"):  # its name folded, its code
        said = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma", asked])
        assert said.exit_code == 0, said.output
        assert holds_a_code(said.output, codes.values()) == [codes["Trường THCS Kim Sơn"]], asked
        assert f"  Trường THCS Kim Sơn: {codes['Trường THCS Kim Sơn']}" in said.output
        assert "bí mật như khóa của xã: gửi riêng mỗi trường mã của mình" in said.output
    every = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma"])
    assert every.exit_code == 0 and all(f"  {school}: {code}" in every.output for school, code in codes.items())


def test_a_school_not_in_the_list_is_refused_with_the_schools_to_choose_from(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    unknown = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma", "Trường Tiểu học Hải Minh"])
    said = " ".join(unknown.output.split())
    assert unknown.exit_code == 2 and not holds_a_code(said, codes.values())
    assert '--ma "Trường Tiểu học Hải Minh": không có trường này trong danh sách của xã' in said
    assert "Các trường: " + ", ".join(codes) in said
    several = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma", "Trực Cường"])
    said = " ".join(several.output.split())
    assert several.exit_code == 2 and not holds_a_code(said, codes.values())
    assert "nhiều trường có tên chứa chữ này: Trường Tiểu học Trực Cường, Trường Mầm non Trực Cường" in said


def test_a_school_s_folder_has_no_codes_to_show(tmp_path):
    from tests.ui.pages import returned_school

    folder, _returned = returned_school(tmp_path)
    done = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma"])
    assert done.exit_code == 2 and "--ma chỉ dùng ở thư mục của xã" in " ".join(done.output.split())


def test_status_thu_drafts_each_school_its_code_outside_the_folder_for_the_officer_alone(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    drafts = tmp_path / "thu-ma"
    done = _cli("status", str(folder / "inbox"), "--thu", str(drafts))
    assert done.returncode == 1, done.stderr  # nothing received yet: 1, as status says it
    assert "Đã soạn 4 thư nháp" in done.stdout and not holds_a_code(done.stdout + done.stderr, codes.values())
    assert "gửi xong hãy xóa các tệp ma_*.eml" in " ".join(done.stderr.split())
    written = sorted(drafts.glob("*.eml"))
    assert len(written) == len(codes)
    bodies = [BytesParser(policy=policy.default).parsebytes(p.read_bytes()).get_body(("plain",)).get_content()
              for p in written]
    for school, code in codes.items():
        body = next(b for b in bodies if f"Kính gửi {school}," in b)
        assert code in body and "Mã xác thực do cấp trên cấp" in body  # its own code, and where to enter it
        assert holds_a_code(body, codes.values()) == [code]
    if os.name == "posix":  # hers alone, where the system has modes
        assert all(p.stat().st_mode & 0o077 == 0 for p in [drafts, *written])
    one = tmp_path / "thu-mot-truong"
    asked = _cli("status", str(folder / "inbox"), "--ma", "Trường Tiểu học Thử Nghiệm", "--thu", str(one))
    assert asked.returncode == 0, asked.stderr
    assert [p.name for p in one.iterdir()] == ["ma_Truong-Tieu-hoc-Thu-Nghiem.eml"]


def test_code_drafts_are_refused_inside_the_commune_s_folder(tmp_path):
    folder = _opening(tmp_path)
    for inside in (folder / "thu", folder / "ho-so" / "thu"):
        done = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--thu", str(inside)])
        said = " ".join(done.output.split())
        assert done.exit_code == 2 and "không soạn trong thư mục của xã" in said and "Chưa soạn gì" in said
        assert f'--thu "{tmp_path.resolve() / "xa-thu-ma"}"' in said  # a folder beside it, offered
        assert not inside.exists()
    assert not (folder / RUNS_RECORD).exists()


def test_the_runs_record_remembers_the_code_runs_without_their_codes(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    runs = [("--ma", "Trường THCS Kim Sơn", "--thu", str(tmp_path / "mot")), ("--thu", str(tmp_path / "tat-ca")),
            ("--ma",), ("--ma", "--thu", str(tmp_path / "lai"))]
    for args in runs:
        done = _cli("status", str(folder / "inbox"), *args)
        assert done.returncode in (0, 1), done.stderr
    record = (folder / RUNS_RECORD).read_text(encoding="utf-8")
    assert record.count('"command": "status"') == 3  # each run that wrote its drafts, remembered
    assert "Đã soạn 4 thư nháp" in record and "Đã soạn 1 thư nháp" in record
    assert not holds_a_code(record, codes.values())
    every_file = "".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*")
                         if p.is_file() and p.name != "khoa-bi-mat.txt")
    assert not holds_a_code(every_file, codes.values())


def test_a_record_of_0_8_0_that_kept_the_codes_forgets_them_at_the_first_run_after_the_update(tmp_path):
    """0.8.0 remembered ``status``'s every line, the codes among them: the first run of this release rewrites the
    record without any line holding a code, and keeps the rest."""
    import json

    folder = _opening(tmp_path)
    codes = _codes(folder)
    lines = ["Các trường đã gửi: 0/4 (hạn gửi 30/06/2026).", *(f"  {name}: {code}" for name, code in codes.items()),
             "  Trường Tiểu học Trực Cường: ABCDE-FGH23 – trường còn dùng mã cũ: hãy gửi trường mã mới này"]
    run = {"command": "status", "key": "xa", "when": "2026-09-01T08:00:00+07:00", "door": "cli", "exit_code": 0,
           "counts": {}, "issues": [["warning", "x", "Trường A: KLMNO-PQRST-UVWXY"]], "lines": lines, "files": []}
    (folder / RUNS_RECORD).write_text(json.dumps({"schema": 1, "release": "0.8.0", "runs": [run]}), encoding="utf-8")

    done = _cli("status", str(folder / "inbox"))

    assert done.returncode in (0, 1), done.stderr
    record = (folder / RUNS_RECORD).read_text(encoding="utf-8")
    assert not holds_a_code(record, codes.values()) and "ABCDE-FGH23" not in record and "KLMNO" not in record
    assert "Các trường đã gửi: 0/4 (hạn gửi 30/06/2026)." in record  # the rest of the run remembered


def test_the_page_shows_no_code_until_asked_then_that_school_s_alone(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    _app, found = client(folder)
    page = found.get("/")
    assert page.status_code == 200 and not holds_a_code(page.data.decode(), codes.values())
    assert "bấm Xem mã ở dòng của một trường" in text(page)
    assert text(page).count("Xem mã – ") == len(codes)  # a button on each school's row
    shown = found.post("/xa/ma", data={**CSRF, "truong": "Trường Tiểu học Thử Nghiệm"})
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    assert holds_a_code(shown.data.decode(), codes.values()) == [codes["Trường Tiểu học Thử Nghiệm"]]
    said = text(shown)
    assert f"Mã xác thực của Trường Tiểu học Thử Nghiệm năm học 2025-2026: {codes['Trường Tiểu học Thử Nghiệm']}" \
        in said and "Bí mật như khóa của xã: chỉ gửi riêng cho trường này" in said
    assert not holds_a_code(found.get("/").data.decode(), codes.values())  # gone once the page is opened again
    unknown = found.post("/xa/ma", data={**CSRF, "truong": "Trường Tiểu học Hải Minh"})
    assert unknown.status_code == 404 and "Không có trường 'Trường Tiểu học Hải Minh'" in text(unknown)
    assert not holds_a_code(unknown.data.decode(), codes.values())
    for forged in ({"truong": "Trường Tiểu học Thử Nghiệm"}, {**CSRF, "truong": ""}):  # no form token; no school
        refused = found.post("/xa/ma", data=forged)
        assert refused.status_code in (403, 404) and not holds_a_code(refused.data.decode(), codes.values())


def test_a_commune_whose_book_cannot_be_read_shows_no_code(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    (folder / "cap-tren.xlsx").write_bytes(b"not a workbook")
    done = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--ma"])
    assert done.exit_code == 1 and "cap-tren.xlsx" in done.output and not holds_a_code(done.output, codes.values())
