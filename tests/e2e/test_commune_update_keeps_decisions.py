"""A commune updated in the middle of its year keeps the officer's decisions (docs/compatibility.md): her list passed
by an earlier release's own command line (tests/corpus/<release>/xa: 0.7.0, before the key; 0.8.0, before the lines'
identities were sealed) — one of Trực Cường's LĐTT taken off, "Đang xem xét kỷ luật" — is given to this release's
merge. Her removal stays: re-checked against the very file she made it on, when the school sends the same again
sealed with its new code; never silently undone when the school sends something else (held, her decision shown)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.summary_meta import raw_meta, rewrite_meta
from thidua_xlsx.commune.read_book import load_level_above_book
from thidua_xlsx.commune.system_key import commune_key
from thidua_xlsx.model import layout as ly

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REASON = "Đang xem xét kỷ luật"  # tools/build_corpus.OFFICER_REMOVAL
FINAL = "TH-Truc-Cuong_tong-hop-cuoi.xlsx"


def _commune(tmp_path: Path, release: str) -> Path:
    folder = tmp_path / "xa"
    shutil.copytree(CORPUS / release / "xa", folder)
    return folder


def _merge(folder: Path, name: str = "xa") -> tuple[dict, str]:
    """This release's merge with her list passed by the earlier one, in a second process, as she runs it."""
    done = subprocess.run([sys.executable, "-m", "thidua_xlsx", "merge", str(folder / "inbox"), "--council",
                           str(folder / "tong-hop-xa-duyet.xlsx"), "-o", str(folder / f"{name}.xlsx"), "--json",
                           str(folder / f"{name}.json")], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads((folder / f"{name}.json").read_text("utf-8")), " ".join((done.stdout + done.stderr).split())


def _taken_off(folder: Path) -> tuple[str, str, str, str]:
    """The line her passed list took off (its record's removed rows): (school, kind, who, title)."""
    [line] = raw_meta(folder / "tong-hop-xa-duyet.xlsx")["removed_rows"]
    return tuple(line[1:5])


def _key(entry: dict) -> tuple[str, str, str, str]:
    return entry["school"], entry["kind"], entry["who"], entry["title"]


def _sent_again_with_the_new_code(folder: Path, name: str) -> Path:
    """Trực Cường's final summary as the school sends it again once it typed its new code: the same data, sealed with
    the code this commune's key issues it."""
    campaign, _problems = load_level_above_book(folder / "cap-tren.xlsx")
    key, _made = commune_key(folder)
    code = key.school_code("TH-TC", campaign.school_year)

    def sealed(data: dict) -> None:
        data["seal"] = ly.seal_for(code, ly.sealed_content(data))

    return rewrite_meta(folder / "inbox" / FINAL, folder / "inbox" / name, sealed)


@pytest.mark.parametrize("release", ["0.7.0", "0.8.0"])
def test_her_removal_survives_the_update_and_the_school_s_new_code(tmp_path, release):
    folder = _commune(tmp_path, release)
    removed = _taken_off(folder)

    data, said = _merge(folder)  # the first run after the update: her list of the earlier release
    assert removed not in {_key(p) for p in data["proposals"]}, said
    assert [r["reason"] for r in data["removed"] if _key(r) == removed] == [REASON]
    assert "đề nghị công chức đã bỏ vẫn bỏ" in said

    _sent_again_with_the_new_code(folder, "TH-Truc-Cuong_gui-lai.xlsx")
    again, said = _merge(folder, "xa-2")
    school = next(s for s in again["schools"] if s["code"] == "TH-TC")
    assert (school["file"], school["origin"], school["sent"]) == ("TH-Truc-Cuong_gui-lai.xlsx", "sealed", True)
    assert removed not in {_key(p) for p in again["proposals"]}  # the same content: her decision is hers still
    assert [r["reason"] for r in again["removed"] if _key(r) == removed] == [REASON]


@pytest.mark.parametrize("release", ["0.7.0", "0.8.0"])
def test_a_removal_on_a_file_no_longer_there_is_held_with_her_decision_never_undone(tmp_path, release):
    folder = _commune(tmp_path, release)
    removed = _taken_off(folder)
    _sent_again_with_the_new_code(folder, "TH-Truc-Cuong_gui-lai.xlsx")
    for old in (folder / "inbox").glob("TH-Truc-Cuong_tong-hop*"):
        old.unlink()  # the files she decided on are gone: her decision cannot be re-checked

    data, said = _merge(folder)

    assert removed not in {_key(p) for p in data["proposals"]}  # never back in the lists unseen
    [held] = [h for h in data["held"] if _key(h) == removed]
    assert [w["code"] for w in held["why"]] == ["level_above.held_other_file"]
    assert f"đã bỏ, lý do: {REASON}" in said
