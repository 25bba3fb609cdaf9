"""The commune's one rule, from the outside: files crafted as someone who knows only the commune's public outputs (or
one school's own code) would make them — a genuine file relabelled as another school, an unsealed "newer" one, one
repeating a school's people — given to the commune's ``merge`` in a second process. None of them displaces, withdraws
or holds a school's proven proposals, or makes a school count as sent."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.summary_meta import rewrite_meta
from thidua_xlsx.model.places import INBOX

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TRUC_CUONG, KIM_SON = "TH-Truc-Cuong_tong-hop-cuoi.xlsx", "THCS-Kim-Son_ca-nam.xlsx"


def _merge(folder: Path) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", str(folder / INBOX), "-o",
                           str(folder / "xa.xlsx"), "--json", str(folder / "xa.json")], capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads((folder / "xa.json").read_text("utf-8")), " ".join((done.stdout + done.stderr).split())


def _commune(tmp_path: Path) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def _lines(data: dict, school: str) -> set[tuple[str, str, str]]:
    return {(p["kind"], p["who"], p["title"]) for p in data["proposals"] if p["school"] == school}


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> dict:
    """The sample commune merged as it ships: what every crafted file must leave as it is."""
    data, _said = _merge(_commune(tmp_path_factory.mktemp("genuine")))
    return data


def _later(meta: dict) -> None:
    meta["newest_input"] = "2099-12-31T23:59:59"  # newer than anything the school sent


@pytest.mark.parametrize("how", ["unsealed", "Kim Sơn's file relabelled", "Trực Cường's seal kept, data changed"])
def test_a_crafted_newer_file_in_a_school_s_name_changes_nothing_of_its_proven_one(tmp_path, genuine, how):
    folder = _commune(tmp_path)
    crafted = folder / INBOX / "TH-Truc-Cuong_ban-moi.xlsx"
    if how == "unsealed":
        rewrite_meta(folder / INBOX / TRUC_CUONG, crafted, lambda m: (_later(m), m.update(seal="")) and None)
    elif how == "Kim Sơn's file relabelled":
        rewrite_meta(folder / INBOX / KIM_SON, crafted, lambda m: (_later(m), m.update(
            school="Trường Tiểu học Trực Cường")) and None)
    else:
        rewrite_meta(folder / INBOX / TRUC_CUONG, crafted, _later)  # its digest remade, its seal no longer matching

    data, said = _merge(folder)

    assert _lines(data, "TH-TC") == _lines(genuine, "TH-TC") and _lines(data, "THCS-KS") == _lines(genuine, "THCS-KS")
    assert data["held"] == genuine["held"] and data["report"]["counts"] == {
        **genuine["report"]["counts"], "files": genuine["report"]["counts"]["files"] + 1,
        "rejected": genuine["report"]["counts"]["rejected"] + 1, "errors": genuine["report"]["counts"]["errors"] + 1}
    status = {f["name"]: (f["status"], f["reason"]) for f in data["files"]}
    assert status[crafted.name] == ("rejected", "level_above.unproven_beside")
    assert status[TRUC_CUONG] == ("accepted", "")
    assert f"'{crafted.name}' mang tên Trường Tiểu học Trực Cường nhưng không chứng minh được do trường gửi" in said
    assert next(s for s in data["schools"] if s["code"] == "TH-TC")["sent"] is True


def test_a_file_repeating_a_school_s_people_under_a_school_that_sent_nothing_holds_none_of_theirs(tmp_path, genuine):
    """Kim Sơn's genuine file relabelled as the preschool that sent nothing: the preschool is not counted as sent, its
    crafted lines are held; Kim Sơn's genuine lines stay where they were, none held as "two schools"."""
    folder = _commune(tmp_path)
    preschool = next(s for s in genuine["schools"] if s["file"] is None)
    rewrite_meta(folder / INBOX / KIM_SON, folder / INBOX / "MN.xlsx",
                 lambda m: m.update(school=preschool["name"]) and None)

    data, _said = _merge(folder)

    assert _lines(data, "THCS-KS") == _lines(genuine, "THCS-KS")
    assert [h for h in data["held"] if h["school"] == "THCS-KS"] == [
        h for h in genuine["held"] if h["school"] == "THCS-KS"]
    entry = next(s for s in data["schools"] if s["code"] == preschool["code"])
    assert (entry["sent"], entry["origin"]) == (False, "bad_seal")
    assert data["report"]["counts"]["submitted"] == genuine["report"]["counts"]["submitted"]
    assert preschool["name"] in data["report"]["missing_departments"]
