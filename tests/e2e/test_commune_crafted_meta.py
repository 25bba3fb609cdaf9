"""No file stops the commune: a school's summary whose hidden metadata holds a value of another type than the tool
writes (a seal of any characters, a list for the school's name, a number for a time, a text for a vote …) is refused
by name — "Dữ liệu ẩn của '…' bị hỏng hoặc bị sửa" — and every other school's file is merged, by ``status`` and
``merge`` run as the officer runs them and on the page. Never an internal error, never a 500."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.summary_meta import rewrite_meta
from tests.ui.pages import client, text, wait_job
from thidua_xlsx.commune.read_inbox import read_school_summary
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.places import LEVEL_ABOVE_SUMMARY
from thidua_xlsx.ui.security import form_token

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
OLDER = "TH-Truc-Cuong_tong-hop.xlsx"  # Trực Cường's version before its council: the one crafted here
GENUINE = ("TH-Thu-Nghiem_tong-hop-cuoi.xlsx", "TH-Truc-Cuong_tong-hop-cuoi.xlsx", "THCS-Kim-Son_ca-nam.xlsx")
DAMAGED = "bị hỏng hoặc bị sửa (không phải dữ liệu thidua-xlsx ghi)"


def _first_row(field: str, change):
    """A change of the first row of the table ``field``."""
    def changed(data: dict) -> None:
        data[field][0] = change(data[field][0])
    return changed


# (the file's name, what is changed in its metadata, its digest left as it was; the field its refusal names)
CRAFTED = {
    "seal-khong-ascii": (lambda d: {**d, "seal": "ễ" * 64}, "seal"),  # hmac.compare_digest: TypeError
    "seal-so": (lambda d: {**d, "seal": 12345}, "seal"),
    "ten-truong-danh-sach": (lambda d: {**d, "school": [d["school"]]}, "school"),  # fold: AttributeError
    "thoi-gian-so": (lambda d: {**d, "newest_input": 20260518}, "newest_input"),  # the versions' sort: TypeError
    "hoi-dong-so": (lambda d: {**d, "council": 7}, "council"),
    "phieu-chu": (lambda d: {**d, "votes": "abc"}, "votes"),
    "quyet-dinh-dict": (_first_row("decisions", lambda row: [{"code": row[0]}, *row[1:]]), "decisions"),
    "ten-truong-rat-dai": (lambda d: {**d, "school": d["school"] * 20_000}, "school"),  # ~500,000 characters
    "so-phieu-chu": (lambda d: {**d, "votes": [["GV001", "CSTDCS", "9", 11, True]]}, "votes"),
    "phieu-qua-so-thanh-vien": (lambda d: {**d, "votes": [["GV001", "CSTDCS", 12, 11, True]]}, "votes"),
    "so-qua-lon": (_first_row("people_info", lambda row: [*row[:5], 10**400]), "people_info"),  # float(): Overflow
}
HALF_SURROGATE = "nua-ky-tu"  # a text UTF-8 cannot write: the content's digest raised UnicodeEncodeError


def _inbox(tmp_path: Path, names=(*CRAFTED, HALF_SURROGATE)) -> Path:
    """The sample commune (its list, its key, its schools' genuine files) with a crafted copy of Trực Cường's older
    version in its inbox for each of ``names``."""
    root = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", root, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    source = root / "inbox" / OLDER
    for name in names:
        if name == HALF_SURROGATE:
            rewrite_meta(source, root / "inbox" / f"TH-Truc-Cuong_{name}.xlsx",
                         lambda d: {**d, "school": d["school"] + "\ud800"}, by_hand=True, escaped=True)
        else:
            rewrite_meta(source, root / "inbox" / f"TH-Truc-Cuong_{name}.xlsx", CRAFTED[name][0])
    return root


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "thidua_xlsx", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


@pytest.mark.parametrize("name", [*CRAFTED, HALF_SURROGATE])
def test_each_crafted_field_refuses_its_file_by_name(tmp_path, name):
    path = _inbox(tmp_path, (name,)) / "inbox" / f"TH-Truc-Cuong_{name}.xlsx"

    entry, summary = read_school_summary(InboxFile(path, path.name, path.stat().st_size, dt.datetime(2026, 6, 1), ""))

    assert summary is None and (entry.status, entry.reason) == ("rejected", "level_above.meta_damaged")
    said = entry.issues[0]
    assert said.file == path.name and DAMAGED in said.message and "gửi lại" in said.message
    assert dict(said.params)["field"] == CRAFTED.get(name, (None, "school"))[1]


@pytest.mark.long(10)  # two runs in a process of their own
def test_status_and_merge_name_every_crafted_file_and_merge_the_schools(tmp_path):
    root = _inbox(tmp_path)
    crafted = [f"TH-Truc-Cuong_{name}.xlsx" for name in (*CRAFTED, HALF_SURROGATE)]

    status = _run("status", str(root / "inbox"))
    merged = _run("merge", str(root / "inbox"), "-o", str(root / "xa.xlsx"), "--json", str(root / "xa.json"))

    for done in (status, merged):
        said = (done.stdout + done.stderr).splitlines()
        assert done.returncode == 0, "\n".join(said)
        assert not any("Lỗi nội bộ" in line for line in said)
        for name in crafted:  # each named, with what is wrong and what to do
            assert any(f"Dữ liệu ẩn của '{name}' {DAMAGED}" in line and "gửi lại" in line for line in said), name
    assert "Các trường đã gửi: 3/4" in status.stdout
    files = {f["name"]: f for f in json.loads((root / "xa.json").read_text("utf-8"))["files"]}
    assert {name: (files[name]["status"], files[name]["reason"]) for name in crafted} == {
        name: ("rejected", "level_above.meta_damaged") for name in crafted}
    assert {name: files[name]["status"] for name in GENUINE} == dict.fromkeys(GENUINE, "accepted")


def test_the_commune_page_names_the_crafted_files_and_merges_the_schools(tmp_path):
    root = _inbox(tmp_path, ("seal-khong-ascii", "ten-truong-danh-sach", "thoi-gian-so"))
    _app, found = client(root)

    assert found.get("/").status_code == 200
    answer = found.post("/xa/tong-hop", data={"csrf": form_token("t0k3n-for-the-tests")})
    assert answer.status_code == 303, text(answer)
    job = wait_job(found, answer.headers["Location"])
    page = found.get("/")

    assert job["state"] == "done" and page.status_code == 200
    said = text(page)
    for name in ("seal-khong-ascii", "ten-truong-danh-sach", "thoi-gian-so"):  # in the page's own words
        assert f"Dữ liệu ẩn của 'TH-Truc-Cuong_{name}.xlsx' bị hỏng hoặc bị sửa" in said, said
    assert "Lỗi nội bộ" not in said
    assert (root / LEVEL_ABOVE_SUMMARY).is_file()  # the schools merged
