"""The level above's checks (commune.decide), on summaries as read: the CSTĐCS file's proofs, a person proposed
by two schools — each held apart for the officer —; and the files that are no school's final summary
(commune.read_inbox)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from tests.commune_fixtures import KEY, sealed
from tests.summary_meta import with_schema
from thidua_xlsx.commune.decide import level_above_summary
from thidua_xlsx.commune.read_inbox import read_school_summaries
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    COLLECTIVE,
    LISTED,
    PERSON,
    LevelAbove,
    OfficerMark,
    OfficerPass,
    Proposal,
    SchoolRef,
    SchoolSummary,
)
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.read.containment import scan_inbox

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CAMPAIGN = LevelAbove("x", "Ủy ban nhân dân xã Thử", "", "Thử", "2025-2026",
                      schools=(SchoolRef("A", "Trường Tiểu học A"), SchoolRef("B", "Trường THCS B")))


def _file(name: str) -> InboxFile:
    return InboxFile(Path(name), name, 1, dt.datetime(2026, 6, 1), "", status="skipped")


def _summary(file: str, school: str, *proposals: Proposal, council: bool = True) -> SchoolSummary:
    return sealed(SchoolSummary(file, "", None, "c", school, "2025-2026", council, proposals), CAMPAIGN)


def test_a_cstdcs_without_its_vote_or_its_proof_is_held_apart_the_file_still_used():
    bare = Proposal("", PERSON, "GV1", "Nguyễn Văn An", "CSTDCS", dob="1980-01-01")
    read = {"a.xlsx": _summary("a.xlsx", "Trường Tiểu học A", bare)}
    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], read, KEY)
    said = {i.code: i.message for i in summary.issues}
    assert "Tạm giữ Nguyễn Văn An (Trường Tiểu học A) – Chiến sĩ thi đua cơ sở: hồ sơ chưa có kết quả bỏ phiếu (QĐ " \
           "638/QĐ-BNV); hồ sơ chưa có minh chứng HTXSNV hay quyết định công nhận sáng kiến." \
        in said["level_above.held"]
    assert [(h.proposal.school, h.proposal.who) for h in summary.held] == [("A", "GV1")]
    assert summary.proposals == () and summary.files[0].status == "accepted"


def test_a_person_proposed_by_two_schools_is_held_apart_at_both():
    one = Proposal("", PERSON, "GV1", "Nguyễn Văn An", "LDTT", dob="1980-01-01")
    other = Proposal("", PERSON, "T07", "Nguyễn  văn An", "LDTT", dob="1980-01-01")  # spacing and case aside
    unit = Proposal("", COLLECTIVE, "TO1", "Tổ 1", "TTLDTT")
    read = {"a.xlsx": _summary("a.xlsx", "Trường Tiểu học A", one, unit),
            "b.xlsx": _summary("b.xlsx", "TRƯỜNG THCS B", other)}
    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx"), _file("b.xlsx")], read, KEY)
    held = [i.message for i in summary.issues if i.code == "level_above.held"]
    assert held == [
        "Tạm giữ Nguyễn Văn An (Trường Tiểu học A) – Lao động tiên tiến: Trường THCS B cũng đề nghị người này danh "
        "hiệu này (cùng họ tên, ngày sinh). Chưa vào danh sách, tờ trình, dự thảo quyết định, tệp nhập của tỉnh: công "
        "chức nhận hoặc bỏ ở sheet Chờ quyết định (merge … --council).",
        "Tạm giữ Nguyễn  văn An (Trường THCS B) – Lao động tiên tiến: Trường Tiểu học A cũng đề nghị người này danh "
        "hiệu này (cùng họ tên, ngày sinh). Chưa vào danh sách, tờ trình, dự thảo quyết định, tệp nhập của tỉnh: công "
        "chức nhận hoặc bỏ ở sheet Chờ quyết định (merge … --council)."]
    assert [p.kind for p in summary.proposals] == [COLLECTIVE]  # the department alone listed


def test_a_broken_file_an_older_summary_and_a_newer_one_are_each_said(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "hong.xlsx").write_bytes(b"PK\x03\x04 not a zip")
    for name, version in (("cu.xlsx", 4), ("moi.xlsx", ly.SUMMARY_SCHEMA_VERSION + 1)):
        shutil.copy(SAMPLES / "tong-hop-cuoi.xlsx", inbox / name)
        with_schema(inbox / name, version)
    files, read = read_school_summaries(scan_inbox(inbox))
    reasons = {f.name: f.reason for f in files}
    assert reasons == {"cu.xlsx": "level_above.older", "hong.xlsx": "level_above.unreadable",
                       "moi.xlsx": "level_above.schema_newer"}
    assert read == {}
    older = next(f for f in files if f.name == "cu.xlsx").issues[0].message
    assert "được ghi bởi phiên bản cũ" in older and "cập nhật thidua-xlsx" in older


def test_an_officer_s_removal_the_schools_files_no_longer_carry_is_said_not_applied():
    one = Proposal("", PERSON, "GV1", "Nguyễn Văn An", "LDTT", dob="1980-01-01")
    mark = OfficerMark(False, "Không đủ minh chứng", LISTED, "Danh sách", 5, "Trần Văn Bình", True)
    read = {"a.xlsx": _summary("a.xlsx", "Trường Tiểu học A", one)}
    after = level_above_summary(CAMPAIGN, [_file("a.xlsx")], read, KEY,
                                OfficerPass("xa.xlsx", {("A", PERSON, "GV9", "CSTDCS"): mark}))
    assert [p.who for p in after.proposals] == ["GV1"] and after.removed == ()
    said = [i for i in after.issues if i.code == "level_above.removal_unknown"]
    assert len(said) == 1 and "Dòng GV9 – Chiến sĩ thi đua cơ sở (Trường Tiểu học A) công chức đã bỏ không còn trong " \
        "hồ sơ các trường" in said[0].message
