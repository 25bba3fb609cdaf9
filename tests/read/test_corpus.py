"""Files written by earlier releases' own code (tests/corpus/, tools/build_corpus.py) read by this release's commune:
each school summary written since the seal existed is genuine, with the proposals that release's own commune read
from it; a tampered copy of each is caught; one from before the seal is said as such; one from a newer release is
refused with its release named and its school not listed as not sent (docs/compatibility.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.decide.conftest import run
from tests.summary_meta import rewrite_meta
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.places import COMMUNE_KEY_FILE

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
if not (CORPUS / "corpus.json").is_file():  # tools/build_corpus.py has not been run on this checkout yet
    pytest.skip("tests/corpus/ not built: python tools/build_corpus.py", allow_module_level=True)
RECORD = json.loads((CORPUS / "corpus.json").read_text(encoding="utf-8"))
SCHOOL_FILE = "truong_ca-nam.xlsx"
RELEASES = sorted({key.split("/")[0] for key in RECORD})
SEALED = [r for r in RELEASES if r >= "0.2.0"]  # since the seal existed
SCHOOL = "THCS-KS"


def _commune(folder: Path, release: str, school_file: Path, exit_code: int = 0) -> tuple[dict, str]:
    """This release's commune merge over ``release``'s commune book and ``school_file`` alone in its inbox."""
    (folder / "inbox").mkdir(parents=True)
    shutil.copyfile(CORPUS / release / "cap-tren.xlsx", folder / "cap-tren.xlsx")
    if _keyed(release):  # the commune's key, since 0.8: its book says a release with keys made it
        shutil.copyfile(CORPUS / release / "xa" / COMMUNE_KEY_FILE, folder / COMMUNE_KEY_FILE)
    shutil.copyfile(school_file, folder / "inbox" / SCHOOL_FILE)
    result = run("merge", folder / "inbox", "-o", folder / "tong-hop-xa.xlsx", "--json", folder / "xa.json")
    assert result.exit_code == exit_code, result.output
    return json.loads((folder / "xa.json").read_text(encoding="utf-8")), " ".join(result.output.split())


def _keyed(release: str) -> bool:
    """Whether that release's commune had a key (0.8 and later: its codes made from it, not the campaign id)."""
    return (CORPUS / release / "xa" / COMMUNE_KEY_FILE).is_file()


def _school(data: dict) -> dict:
    return next(s for s in data["schools"] if s["code"] == SCHOOL)


OLD_CODE_ALONE = [{"code": "level_above.held_origin_old_code"}]


def _proposals(data: dict) -> list:
    """The school's proposals listed, with those held for no reason but the earlier release's code it is sealed with
    (a code that no longer proves the sender, docs/security.md): what that release's own commune listed."""
    held = [p for p in data["held"] if [{"code": why["code"]} for why in p["why"]] == OLD_CODE_ALONE]
    return sorted([p["who"], p["title"]] for p in (*data["proposals"], *held) if p["school"] == SCHOOL)


def test_the_corpus_is_what_its_record_says():
    import hashlib

    for key, entry in RECORD.items():
        assert hashlib.sha256((CORPUS / key).read_bytes()).hexdigest() == entry["sha256"], key
    assert {"0.1.0", "0.2.0", "0.3.0", "0.6.0", "0.7.0"} <= set(RELEASES)


@pytest.mark.parametrize("release", SEALED)
def test_a_school_summary_of_each_release_since_the_seal_is_genuine_with_the_same_proposals(release, tmp_path):
    """Sealed with the code that release's commune issued (keyed with its campaign id before the commune's key, with
    the key since 0.8): its seal checked by its own layout's rule holds, so the file is the school's (since 0.8) or
    named as sealed with an old code — never called forged — and its proposals are the ones that release's commune
    read."""
    data, said = _commune(tmp_path, release, CORPUS / release / SCHOOL_FILE)
    expected = RECORD[f"{release}/{SCHOOL_FILE}"]
    assert expected["origin"] == "sealed" and _school(data)["origin"] == ("sealed" if _keyed(release) else "old_code")
    assert _proposals(data) == expected["proposals"] and expected["proposals"]
    assert "không khớp" not in said and "sửa tay" not in said
    assert ("mã xác thực cũ" in said) != _keyed(release), said


def _granted_one_more(data: dict) -> None:
    row = next(d for d in data["decisions"] if not d[2])
    row[2] = True


@pytest.mark.parametrize("release", SEALED)
def test_a_tampered_copy_of_each_is_caught(release, tmp_path):
    """A title granted in the data, its digest made again by that layout's own rule (as anyone can): only the seal,
    which needs the school's code, tells — and it does."""
    tampered = rewrite_meta(CORPUS / release / SCHOOL_FILE, tmp_path / "sua.xlsx", _granted_one_more)
    data, said = _commune(tmp_path / "xa", release, tampered)
    assert _school(data)["origin"] == "bad_seal", said


@pytest.mark.parametrize("release", SEALED)
def test_a_copy_edited_by_hand_is_caught(release, tmp_path):
    """The same change, its digest left as it was (a hand in the hidden sheet): the data no longer matches."""
    edited = rewrite_meta(CORPUS / release / SCHOOL_FILE, tmp_path / "sua.xlsx", _granted_one_more, by_hand=True)
    data, said = _commune(tmp_path / "xa", release, edited)
    assert _school(data)["origin"] == "bad_seal", said


def test_a_summary_from_before_the_seal_is_said_as_such_with_what_the_school_must_do(tmp_path):
    data, said = _commune(tmp_path, "0.1.0", CORPUS / "0.1.0" / SCHOOL_FILE)
    assert _school(data)["origin"] == "unsealed"
    codes = {p["code"] for p in data["problems"]}
    assert "level_above.before_seal" in codes, codes
    assert "trước khi có dấu xác thực" in said


def test_a_summary_from_a_newer_release_is_refused_by_name_without_the_plain_not_sent_warning(tmp_path):
    newer = rewrite_meta(CORPUS / SEALED[-1] / SCHOOL_FILE, tmp_path / "moi.xlsx",
                         lambda d: {**d, "schema_version": ly.SUMMARY_SCHEMA_VERSION + 1, "release": "9.1.0"})
    data, said = _commune(tmp_path / "xa", SEALED[-1], newer, exit_code=1)  # its only school's file: nothing usable
    problems = [p for p in data["problems"]]
    codes = [p["code"] for p in problems]
    assert "level_above.schema_newer" in codes, codes
    assert "thidua-xlsx 9.1.0" in said and "bấm đúp tệp cài đặt" in said and "pip" not in said
    assert [(f["name"], f["status"], f["reason"]) for f in data["files"]] == [
        (SCHOOL_FILE, "rejected", "level_above.schema_newer")]  # the JSON accounts for it; nothing else is written
    assert not (tmp_path / "xa" / "tong-hop-xa.xlsx").exists() and not data["report"]["valid"]
    names = {s["code"]: s["name"] for s in data["schools"]}
    missing = [p for p in problems if p["code"] == "level_above.school_missing"]
    assert not any(names[SCHOOL] in json.dumps(p, ensure_ascii=False) for p in missing), missing


def test_a_school_with_only_a_newer_release_s_file_is_not_counted_as_sent_and_said_apart_everywhere(tmp_path):
    """A file that says a newer release wrote it is not read, so its seal is not checked: anyone can make one in any
    school's name, so it never counts the school as sent (docs/security.md: an unproven file never does). Nor is the
    school "chưa gửi – quá hạn": status, the JSON and the page say the same — a newer release's file, its fingerprint,
    not checked, this commune's release to update."""
    import hashlib

    from tests.ui.pages import client, text

    newer = rewrite_meta(CORPUS / SEALED[-1] / SCHOOL_FILE, tmp_path / "moi.xlsx",
                         lambda d: {**d, "schema_version": ly.SUMMARY_SCHEMA_VERSION + 1, "release": "9.1.0"})
    folder = tmp_path / "xa"
    data, _said = _commune(folder, SEALED[-1], newer, exit_code=1)
    fingerprint = hashlib.sha256(newer.read_bytes()).hexdigest()
    assert [f["sha256"] for f in data["files"]] == [fingerprint]
    assert _school(data)["newer"] == {"file": SCHOOL_FILE, "fingerprint": fingerprint} and not _school(data)["sent"]
    assert _school(data)["name"] in data["report"]["missing_departments"]  # not sent, as far as anyone can prove
    status = run("status", folder / "inbox")
    assert "Các trường đã gửi: 0/4" in status.output, status.output
    [line] = [ln for ln in status.output.splitlines() if ln.strip().startswith(_school(data)["name"] + ":")]
    assert f"có tệp {SCHOOL_FILE} (dấu vân tay {fingerprint[:12]}) do phiên bản mới hơn ghi" in line, line
    assert "chưa tính là đã gửi" in line and "quá hạn" not in line, line
    _app, page = client(folder)
    shown = text(page.get("/"))
    assert "Có tệp của phiên bản mới hơn, chưa kiểm chứng – chưa tính là đã gửi" in shown and fingerprint[:12] in shown
    assert "Quá hạn" not in shown


def test_a_file_of_a_newer_release_that_only_added_is_read_as_this_one_reads_it(tmp_path):
    """The rule of format numbers (docs/compatibility.md): a newer release that only adds fields raises the minor
    number, not the format's. Such a file — this release's sample summary with made-up additions, sealed again with the
    school's code as that release would seal it — is read here: the school's, the same proposals, its seal checked
    over what it holds, a note that a newer release wrote it; never refused."""
    from samples.build_samples import COMMUNE_KEY
    from thidua_xlsx.model.commune import SEALED

    source = Path(__file__).resolve().parents[2] / "samples" / "cap-xa"
    code = COMMUNE_KEY.school_code("TH-TC", "2025-2026")

    def later(data: dict) -> None:
        data.update(schema_minor=ly.SUMMARY_SCHEMA_MINOR + 1, release="0.99.0",
                    ghi_chu_moi=[["GV001", "một điều bản sau mới ghi"]], tieu_chi_moi={"so": 3})
        data["seal"] = ly.seal_for(code, ly.sealed_content(data))

    folder = tmp_path / "xa"
    (folder / "inbox").mkdir(parents=True)
    for name in ("cap-tren.xlsx", COMMUNE_KEY_FILE):
        shutil.copyfile(source / name, folder / name)
    rewrite_meta(source / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx", folder / "inbox" / "moi.xlsx", later)
    shutil.copyfile(source / "inbox" / "TH-Truc-Cuong_tong-hop-cuoi.xlsx", tmp_path / "cu.xlsx")
    result = run("merge", folder / "inbox", "-o", folder / "xa.xlsx", "--json", folder / "xa.json")
    data = json.loads((folder / "xa.json").read_text("utf-8"))
    said = " ".join(result.output.split())
    school = next(s for s in data["schools"] if s["code"] == "TH-TC")
    assert (school["file"], school["origin"], school["sent"]) == ("moi.xlsx", SEALED, True), said
    assert "do thidua-xlsx 0.99.0 ghi, mới hơn bản" in said and "những gì bản mới thêm vào thì không dùng" in said

    (folder / "inbox" / "moi.xlsx").unlink()
    shutil.copyfile(tmp_path / "cu.xlsx", folder / "inbox" / "cu.xlsx")
    as_written = run("merge", folder / "inbox", "-o", folder / "xa-cu.xlsx", "--json", folder / "xa-cu.json")
    assert as_written.exit_code == result.exit_code
    before = json.loads((folder / "xa-cu.json").read_text("utf-8"))
    assert [p for p in data["proposals"] if p["school"] == "TH-TC"] == [
        p for p in before["proposals"] if p["school"] == "TH-TC"]
    tampered = rewrite_meta(tmp_path / "cu.xlsx", folder / "inbox" / "cu.xlsx",
                            lambda d: (later(d), d.update(tieu_chi_moi={"so": 4})) and None)  # an addition changed
    assert tampered.is_file()
    again = run("merge", folder / "inbox", "-o", folder / "xa-sua.xlsx", "--json", folder / "xa-sua.json")
    assert again.exit_code in (0, 1)
    changed = json.loads((folder / "xa-sua.json").read_text("utf-8"))
    assert next(s for s in changed["schools"] if s["code"] == "TH-TC")["origin"] == "bad_seal"  # sealed like the rest
