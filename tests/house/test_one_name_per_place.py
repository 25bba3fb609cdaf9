"""One name for each place of a campaign folder, across the doors and the documents: every summary
(``tong-hop….xlsx``) and every inbox (``inbox…``) that the README, the secretary's guide, the message catalogue or
the page's templates name — and every file the samples ship — is spelled as the folder map (model/places.py) spells
it, the name the tool writes and reads by default. A name a command gives with ``-o`` is the person's own choice of
file, and may be named again by the document that gives it. The registration summary's earlier name is still read
where a school has it (tests/e2e/test_word_sticks.py, tests/ui/test_page.py), and named nowhere."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from samples import build_guide
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model import places

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
# A summary's name: tong-hop.xlsx, tong-hop_dang-ky.xlsx, tong-hop-cac-truong.xlsx, tong-hop_<mã kỳ>.xlsx…
SUMMARY = re.compile(r"tong-hop(?:[-_](?:<[^>]*>|\{[^}]*\}|[A-Za-z0-9-]+))?\.xlsx")
GIVEN = re.compile(r"-o\s+(?:\S*/)?(" + SUMMARY.pattern + ")")  # a file a command is told to write
INBOX = re.compile(r"\binbox(-[A-Za-z0-9-]+|\\+[^\s`'\",;)]*|/(?:<[^>]*>|\{[^}]*\}|[^\s`'\",;)]*))?")
PERIOD_CODE = r"(?:thang-\d{1,2}|quy-\d|hk\d)"  # the codes of sheet Kỳ đánh giá: thang-11, quy-1, hk1
PLACEHOLDER = r"(?:<[^>]*>|\{[^}]*\})"  # a name said in general: <mã kỳ>, {period_code}
ROUND_SUMMARY = re.compile(r"tong-hop_(?:" + "|".join((ly.REGISTRATION, ly.SCORING, places.YEAR_KEY, PERIOD_CODE,
                                                         PLACEHOLDER)) + r")\.xlsx")
IN_INBOX = re.compile(r"/(?:" + PERIOD_CODE + "|" + PLACEHOLDER + r"|[^/]+\.(?:xlsx|xls|ods))?/?")
MAPPED = {places.YEAR_SUMMARY, places.LEVEL_ABOVE_SUMMARY, places.README_SCORING_SUMMARY, places.README_FINAL_SUMMARY}


def _guide() -> str:
    """The guide's words as she reads them: its pages, pictures' captions and commands."""
    return "\n".join([*build_guide._texts(), *build_guide.commands(),
                      *(p.caption for p in (*build_guide.PICTURES, *build_guide.SCREENSHOTS))])


DOCUMENTS = {
    "README.md": lambda: (ROOT / "README.md").read_text(encoding="utf-8"),
    "samples/build_guide.py": _guide,
    **{path.relative_to(ROOT).as_posix(): (lambda path=path: path.read_text(encoding="utf-8"))
       for path in sorted([*(ROOT / "thidua_xlsx" / "text").rglob("*.py"),
                           *(ROOT / "thidua_xlsx" / "ui" / "templates").glob("*.html")])},
}


def wrong_names(text: str, given_in: str = "") -> list[str]:
    """The places ``text`` names that the folder map does not: a summary by another name than the map's (unless
    ``text``, or ``given_in``, gives that name with -o), an inbox spelled otherwise than ``inbox/…`` or the
    registration's."""
    given = set(GIVEN.findall(text)) | set(GIVEN.findall(given_in))
    wrong = [name for name in SUMMARY.findall(text)
             if not (ROUND_SUMMARY.fullmatch(name) or name in MAPPED or name in given)]
    for found in INBOX.finditer(text):
        rest = found.group(1) or ""
        if rest.startswith("-") and found.group(0) != places.REGISTRATION_INBOX:
            wrong.append(found.group(0))
        elif rest.startswith("\\") or (rest.startswith("/") and not IN_INBOX.fullmatch(rest)):
            wrong.append(found.group(0))
    return wrong


@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_each_document_names_the_places_as_the_folder_map(document):
    text = DOCUMENTS[document]()
    assert not wrong_names(text), f"{document} names places the folder map does not: {sorted(set(wrong_names(text)))}"
    assert places.OLD_REGISTRATION_SUMMARY not in text, f"{document} names the registration summary's old name"


def test_the_samples_ship_their_summaries_under_the_folder_maps_names():
    shipped = [p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("tong-hop*.xlsx")]
    assert "tong-hop_dang-ky.xlsx" in shipped and "ca-nam/tong-hop_dang-ky.xlsx" in shipped
    readme = DOCUMENTS["README.md"]()  # the samples' commands: a sample's file given with -o there is its name
    assert not wrong_names("\n".join(shipped), given_in=readme), shipped


def test_the_samples_records_of_the_tool_s_files_name_their_own_files_alone():
    """Each record of the tool's own files a sample ships (da-ghi.json) names files of its folder, by their place there,
    as they are: a --force on a copy of the sample replaces them, and the record names no machine's other folder (one
    a test run once wrote into it stayed there, rebuild after rebuild, until the builder made the record anew)."""
    records = sorted(SAMPLES.rglob(places.OUTPUTS_RECORD))  # the commune's too where its builder ran (not shipped)
    assert {r.relative_to(SAMPLES).as_posix() for r in records} >= {"da-ghi.json", "ca-nam/da-ghi.json"}, records
    for record in records:
        for name, digest in json.loads(record.read_text(encoding="utf-8"))["files"].items():
            path = record.parent / name
            assert not Path(name).is_absolute() and ".." not in Path(name).parts, (record, name)
            assert path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest, (record, name)


@pytest.mark.parametrize("said, wrong", [
    ("thidua-xlsx merge inbox-dang-ky -o tong-hop-dang-ky.xlsx rồi --from tong-hop-dang-ky.xlsx", []),  # -o: hers
    ("bảng tổng hợp đăng ký tong-hop-dang-ky.xlsx", ["tong-hop-dang-ky.xlsx"]),
    ("lưu vào inbox-thang-11 rồi merge inbox\\thang-10 và inbox/thang-9", ["inbox-thang-11", "inbox\\thang-10"]),
    ("inbox/, inbox/quy-1, inbox/<mã kỳ>, inbox/2025-2026_cham-diem_To-1.xlsx, inbox-dang-ky/", []),
    ("ky/tong-hop_thang-11.xlsx, tong-hop_{period_code}.xlsx, tong-hop_ca-nam.xlsx, tong-hop-cac-truong.xlsx", []),
    ("tong-hop_cuoi-nam.xlsx, inbox/thang11", ["tong-hop_cuoi-nam.xlsx", "inbox/thang11"]),
])
def test_a_name_the_map_does_not_know_is_caught(said, wrong):
    assert wrong_names(said) == wrong
