"""The commune's key over its life: lost, it stops the commune with what to do instead of being silently remade; made
anew knowingly (``init --level cap-xa --khoa-moi``), the key it replaces is kept to name files sealed under it; the
sample's published key is said public; and "sau hạn" is read from the time the school's seal covers, not from the
file's own saved time, which anyone can change."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.commune_fixtures import as_before_keys, rewrite_part, school_run, set_field
from thidua_xlsx.cli import main
from thidua_xlsx.commune import system_key
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model.places import COMMUNE_KEY_FILE, INBOX, LEVEL_ABOVE_BOOK, RUNS_RECORD
from thidua_xlsx.system.voice import vietnam_today
from thidua_xlsx.text import commune as lx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _commune(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def _cli(*args) -> subprocess.CompletedProcess:
    """The program in a second process, as the officer runs it."""
    return subprocess.run([sys.executable, "-m", "thidua_xlsx", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def test_a_lost_key_stops_the_commune_with_what_to_do_and_is_never_silently_remade(tmp_path):
    folder = _commune(tmp_path)  # its book written by 0.8.0, its runs not remembered: its book alone tells
    (folder / COMMUNE_KEY_FILE).unlink()  # lost (a copy of the folder without it, a careless clean-up)

    for command in (["status", folder / INBOX], ["merge", folder / INBOX, "-o", tmp_path / "xa.xlsx"]):
        stopped = _cli(*command)
        said = " ".join((stopped.stdout + stopped.stderr).split())
        assert stopped.returncode != 0 and "Lỗi nội bộ" not in said, said
        assert "Không thấy tệp khóa bí mật 'khoa-bi-mat.txt'" in said and "chép lại tệp khoa-bi-mat.txt" in said
        assert "--khoa-moi" in said
        assert not (folder / COMMUNE_KEY_FILE).exists()  # no new key made behind her back
    assert not (tmp_path / "xa.xlsx").exists()


def test_the_run_record_alone_tells_a_folder_had_a_key(tmp_path):
    folder = _commune(tmp_path)
    as_before_keys(folder / LEVEL_ABOVE_BOOK)
    merged = _cli("merge", folder / INBOX, "-o", folder / "xa.xlsx")  # remembered in the folder's run record
    assert merged.returncode == 0, merged.stderr
    assert (folder / RUNS_RECORD).is_file()
    (folder / COMMUNE_KEY_FILE).unlink()
    stopped = _cli("status", folder / INBOX)
    assert stopped.returncode != 0 and "Không thấy tệp khóa bí mật" in stopped.stdout + stopped.stderr
    assert not (folder / COMMUNE_KEY_FILE).exists()





def test_a_new_key_made_knowingly_names_files_sealed_under_the_one_it_replaced(tmp_path):
    folder = _commune(tmp_path)
    before = commune_key(folder)[0]
    made = CliRunner().invoke(main, ["init", str(folder), "--level", "cap-xa", "--khoa-moi"])
    said = " ".join(made.output.split())
    assert made.exit_code == 0, made.output
    assert "Đã tạo khóa bí mật mới (khoa-bi-mat.txt). Cần làm: gửi lại mỗi trường mã mới" in said
    key = commune_key(folder)[0]
    assert key != before and key.previous == (before.secret,) and not key.public
    assert list(folder.glob("khoa-bi-mat.*")) == [folder / COMMUNE_KEY_FILE]  # the old key lives on inside it only

    merged = CliRunner().invoke(main, ["merge", str(folder / INBOX), "-o", str(tmp_path / "xa.xlsx"), "--json",
                                       str(tmp_path / "xa.json")])
    said = " ".join(merged.output.split())
    data = json.loads((tmp_path / "xa.json").read_text("utf-8"))
    assert {s["origin"] for s in data["schools"] if s["file"]} == {"previous_key"}  # named, not forged
    assert "có dấu theo mã do khóa trước của đơn vị cấp" in said and "giả" not in said
    assert data["proposals"] == [] and data["report"]["counts"]["submitted"] == 0  # and never trusted


def test_a_damaged_key_made_anew_is_kept_aside_and_failing_files_are_explained(tmp_path):
    folder = _commune(tmp_path)
    (folder / COMMUNE_KEY_FILE).write_text("khoa=c827aa\n", encoding="utf-8")  # cut
    stopped = CliRunner().invoke(main, ["status", str(folder / INBOX)])
    assert stopped.exit_code != 0 and "không đọc được" in stopped.output

    made = CliRunner().invoke(main, ["init", str(folder), "--level", "cap-xa", "--khoa-moi"])
    assert made.exit_code == 0, made.output
    [aside] = folder.glob("khoa-bi-mat.hong-*.txt")
    assert aside.read_text(encoding="utf-8") == "khoa=c827aa\n"  # never deleted
    merged = CliRunner().invoke(main, ["merge", str(folder / INBOX), "-o", str(tmp_path / "xa.xlsx")])
    said = " ".join(merged.output.split())
    assert merged.exit_code == 0, merged.output
    today = vietnam_today().strftime("%d/%m/%Y")
    assert f"Khóa bí mật của đơn vị được tạo lại ngày {today} mà không giữ được khóa trước" in said


@pytest.mark.parametrize("damaged, old_codes_possible", [
    (b"khoa=c827aa\nlap=moi\nngay=2026-09-01\n", False),  # made with the commune by 0.8 or later: none ever issued
    (b"khoa=c827aa\nlap=thay-khoa\nngay=2026-09-01\n", False),  # remade in place of such a key
    (b"khoa=c827aa\nlap=thay-khoa\nngay=2026-09-01\nma-cu=co\n", True),  # remade in place of an updated one's
    (b"khoa=c827aa\nlap=cap-nhat\n\xff\xfe\n", True),  # made when a folder of a release before 0.8 was opened
    (b"khoa=c827aa\n", True),  # 0.8.0's, which did not say how
    (b"\x00\xff" * 40, True),  # nothing left to tell
])
def test_a_key_remade_over_a_damaged_one_keeps_what_it_still_says_of_old_codes(tmp_path, damaged, old_codes_possible):
    """Whether a school may still seal with a code of the scheme before 0.8 decides how such a seal is named ("theo mã
    xác thực cũ" or "không rõ nguồn gốc"): a damaged key's surviving lines say it, as a readable key's would."""
    folder = _commune(tmp_path)
    (folder / COMMUNE_KEY_FILE).write_bytes(damaged)

    made = CliRunner().invoke(main, ["init", str(folder), "--level", "cap-xa", "--khoa-moi"])

    assert made.exit_code == 0, made.output
    assert commune_key(folder)[0].legacy is old_codes_possible
    assert ("ma-cu=co" in (folder / COMMUNE_KEY_FILE).read_text(encoding="utf-8").splitlines()) is old_codes_possible


def test_a_key_whose_words_an_editor_saved_in_another_encoding_is_still_the_key(tmp_path):
    folder = _commune(tmp_path)
    key = commune_key(folder)[0]
    text = (folder / COMMUNE_KEY_FILE).read_text(encoding="utf-8")
    (folder / COMMUNE_KEY_FILE).write_bytes(text.encode("cp1258", errors="replace"))  # Notepad's "ANSI"

    assert commune_key(folder)[0] == key


def test_a_commune_on_the_sample_s_published_key_is_told_at_each_run(tmp_path):
    folder = _commune(tmp_path)
    for _run in range(2):
        said = " ".join(CliRunner().invoke(main, ["status", str(folder / INBOX)]).output.split())
        assert "là khóa của bộ mẫu đi kèm chương trình: ai cũng có" in said and "--khoa-moi" in said
    fresh = tmp_path / "moi"
    assert CliRunner().invoke(main, ["init", str(fresh), "--level", "cap-xa"]).exit_code == 0
    said = CliRunner().invoke(main, ["status", str(fresh / INBOX)]).output
    assert "khóa của bộ mẫu" not in said


def test_khoa_moi_is_only_for_a_commune_folder(tmp_path):
    alone = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--khoa-moi"])
    assert alone.exit_code != 0 and "--khoa-moi chỉ dùng với --level cap-xa" in alone.output
    nowhere = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "--level", "cap-xa", "--khoa-moi"])
    assert nowhere.exit_code != 0 and "chỉ dùng trên thư mục của xã đã có" in nowhere.output
    assert not (tmp_path / "x" / COMMUNE_KEY_FILE).exists()


def test_late_is_decided_by_the_sealed_time_not_the_file_s_own(tmp_path):
    """A school that sends after the deadline and sets its file's saved time back (docProps, which Excel shows and
    anyone can edit) is still "sau hạn": the summary's time its seal covers (its newest input's, which its document
    properties show as the tool writes them) says when it was made."""
    folder = _commune(tmp_path)
    for old in (folder / INBOX).glob("TH-Truc-Cuong*"):
        old.unlink()
    target = folder / INBOX / "TH-Truc-Cuong.xlsx"
    school_run(tmp_path / "truong", target, None)  # sealed with the school's code; its books saved in May 2026
    _backdate(target, "2025-05-01T08:00:00Z")
    set_field(folder / LEVEL_ABOVE_BOOK, "Hạn các trường gửi hồ sơ", dt.datetime(2026, 1, 1))

    status = CliRunner().invoke(main, ["status", str(folder / INBOX)])
    [line] = [ln for ln in status.output.splitlines() if ln.strip().startswith("Trường Tiểu học Trực Cường:")
              and "dấu vân tay" in ln]
    assert "có dấu xác thực của trường" in line and "(sau hạn)" in line, line
    assert "01/05/2025" not in line and "/2026" in line  # the time said is the sealed one
    merged = CliRunner().invoke(main, ["merge", str(folder / INBOX), "-o", str(tmp_path / "xa.xlsx")])
    assert merged.exit_code == 0, merged.output
    [saved] = [row[3] for row in load_workbook(tmp_path / "xa.xlsx")[lx.S_SCHOOLS].iter_rows(values_only=True)
               if row[1] == "Trường Tiểu học Trực Cường"]
    assert saved.year == 2026 and saved.strftime("%d/%m/%Y") in line  # the summary's sheet says the same time


def _backdate(path: Path, when: str) -> None:
    """The workbook's own saved times (docProps/core.xml) set to ``when``, as a hand edit of the package would."""
    def backdated(text: str) -> str:
        for tag in ("dcterms:created", "dcterms:modified"):
            start = text.index(">", text.index(f"<{tag}")) + 1
            text = text[:start] + when + text[text.index(f"</{tag}>", start):]
        return text

    rewrite_part(path, "docProps/core.xml", backdated)


def test_two_programs_making_the_key_at_once_end_with_one_key_the_first_placed(tmp_path, monkeypatch):
    """Two programs open a new commune's folder at once (the page and the command line): each makes a key and places
    it with ``place_new``, which never replaces a file. The other program's key lands between this one's staging and
    its placing: this one gives its own up and uses the key in the file — one key, whole, nothing staged left."""
    folder = tmp_path / "xa"
    folder.mkdir()
    placed, theirs = system_key.place_new, []

    def the_other_program_first(staged: Path, path: Path) -> None:
        monkeypatch.setattr(system_key, "place_new", placed)
        theirs.append(system_key.make_commune_key(folder))  # the other program, all the way, before this one places
        placed(staged, path)

    monkeypatch.setattr(system_key, "place_new", the_other_program_first)

    mine = system_key.make_commune_key(folder)

    assert mine == theirs[0] == commune_key(folder)[0]
    assert [p.name for p in folder.iterdir()] == [COMMUNE_KEY_FILE]
