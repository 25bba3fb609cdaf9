"""Origin: a school's summary counts as the school's only when sealed with the code the commune issued it; any other
is held apart, named "không rõ nguồn gốc", until the officer accepts each proposal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.commune_fixtures import KEY, sealed
from thidua_xlsx.commune.decide import level_above_summary
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune import (
    BAD_SEAL,
    OLD_CODE,
    PERSON,
    PREVIOUS_KEY,
    SEALED,
    UNSEALED,
    LevelAbove,
    Proposal,
    SchoolRef,
    SchoolSummary,
)
from thidua_xlsx.model.commune_key import CommuneKey, legacy_school_code
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.report import level_above_report

CAMPAIGN = LevelAbove("bi-mat-cua-xa", "Ủy ban nhân dân xã Thử", "", "Thử", "2025-2026",
                      schools=(SchoolRef("A", "Trường A"), SchoolRef("B", "Trường B")))
CHI = Proposal("", PERSON, "GV3", "Lê Thị Chi", "LDTT")
DUNG = Proposal("", PERSON, "GV4", "Phạm Văn Dũng", "LDTT")


def _file(name: str, modified: dt.datetime = dt.datetime(2026, 6, 1)) -> InboxFile:
    return InboxFile(Path(name), name, 1, modified, "", status="skipped")


def _summary(name: str, *proposals: Proposal, newest: str = "2026-05-20T08:00:00", sha: str = "") -> SchoolSummary:
    return SchoolSummary(name, sha or name, None, "c", "Trường A", "2025-2026", True, proposals,
                         content="e" * 64, newest_input=newest)


def _held(summary) -> list[tuple[str, str]]:
    return [(h.proposal.who, h.why[0].code) for h in summary.held]


def test_the_codes_differ_by_school_by_year_and_by_commune():
    codes = {CommuneKey(bytes([n]) * 32).school_code(school, year) for n in (1, 2) for school in ("A", "B")
             for year in ("2025-2026", "2026-2027")}
    assert len(codes) == 8 and all(len(c) == 17 and c[5] == c[11] == "-" for c in codes)


def test_the_campaign_id_makes_no_code_and_no_seal():
    """The campaign id is printed in the commune's summary and JSON: nothing keyed with it is the commune's word."""
    assert KEY.school_code("A", "2025-2026") != legacy_school_code(CAMPAIGN.id, "A", "2025-2026")
    assert KEY.school_code("A", "2025-2026") != CommuneKey(CAMPAIGN.id.encode().ljust(32, b"\0")).school_code(
        "A", "2025-2026")
    assert KEY.officer_seal_of(["{}"]) != CommuneKey(CAMPAIGN.id.encode().ljust(32, b"\0")).officer_seal_of(["{}"])
    assert "secret" not in repr(KEY) and KEY.secret.hex() not in repr(KEY)


def test_a_summary_sealed_with_last_version_s_code_is_named_old_not_forged():
    """Codes of releases before 0.8 were keyed with the campaign id: such a seal proves the data unchanged since the
    school's tool sealed it, not who sent it. The school is named as holding an old code, with what to do; its
    proposals wait for the officer, as any file of unproven origin."""
    content = "e" * 64
    old = dataclasses.replace(_summary("a.xlsx", CHI), content=content, seal=ly.seal_for(
        legacy_school_code(CAMPAIGN.id, "A", "2025-2026"), content))

    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": old}, KEY)

    assert summary.schools[0].origin == OLD_CODE
    assert _held(summary) == [("GV3", "level_above.held_origin_old_code")]
    [said] = [i for i in summary.issues if i.code.startswith("level_above.origin")]
    assert said.code == "level_above.origin_old_code" and said.severity == "warning"
    assert "mã xác thực cũ" in said.message and "gửi riêng trường ấy mã mới" in said.message
    assert "không bị sửa" not in said.message  # anyone could have made that seal: it proves neither sender nor data
    assert "không chứng minh" in said.message and "chưa tính là đã gửi" in said.message
    assert not summary.schools[0].sent
    [left] = [i for i in summary.issues if i.code == "level_above.old_codes_left"]  # said at each run
    assert left.params == (("count", 1), ("schools", "Trường A"))
    edited = dataclasses.replace(old, content="f" * 64)  # the old seal over other data: not called old, but bad
    again = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": edited}, KEY)
    assert again.schools[0].origin == BAD_SEAL


def test_a_commune_made_with_keys_never_recognises_an_old_code():
    """Old codes have an end: a commune made on this release never issued one, so a file claiming one is no school's
    old habit but a seal it cannot prove: not named "mã cũ", nothing said of old codes."""
    content = "e" * 64
    old = dataclasses.replace(_summary("a.xlsx", CHI), content=content, seal=ly.seal_for(
        legacy_school_code(CAMPAIGN.id, "A", "2025-2026"), content))

    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": old}, dataclasses.replace(KEY, legacy=False))

    assert summary.schools[0].origin == BAD_SEAL and _held(summary) == [("GV3", "level_above.held_origin_bad_seal")]
    assert not [i for i in summary.issues if "old_code" in i.code]


def test_a_file_sealed_under_a_key_the_commune_replaced_is_named_so_not_forged():
    previous = CommuneKey(bytes([7]) * 32)
    key = CommuneKey(KEY.secret, legacy=False, previous=(previous.secret,), replaced_on="2026-11-20")
    before = sealed(_summary("a.xlsx", CHI), CAMPAIGN, previous)

    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": before}, key)

    assert summary.schools[0].origin == PREVIOUS_KEY and not summary.schools[0].sent
    assert _held(summary) == [("GV3", "level_above.held_origin_previous_key")]
    [said] = [i for i in summary.issues if i.code.startswith("level_above.origin")]
    assert said.code == "level_above.origin_previous_key" and "khóa trước" in said.message


def test_a_key_made_anew_without_its_predecessor_says_why_files_fail():
    key = CommuneKey(bytes([9]) * 32, legacy=False, replaced_on="2026-11-20")  # the old key lost
    before = sealed(_summary("a.xlsx", CHI), CAMPAIGN)  # sealed with the lost key's code

    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": before}, key)

    assert summary.schools[0].origin == BAD_SEAL
    [said] = [i for i in summary.issues if i.code == "level_above.key_replaced"]
    assert "20/11/2026" in said.message or "2026-11-20" in said.message


def test_a_sealed_summary_is_the_school_s():
    read = {"a.xlsx": sealed(_summary("a.xlsx", CHI), CAMPAIGN)}
    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], read, KEY)

    assert summary.held == () and [p.who for p in summary.proposals] == ["GV3"]
    assert summary.schools[0].origin == SEALED
    assert not [i for i in summary.issues if i.code.startswith("level_above.origin")]


def test_a_summary_without_a_seal_is_held_whole_and_named():
    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": _summary("a.xlsx", CHI, DUNG)}, KEY)

    assert summary.proposals == () and _held(summary) == [("GV3", "level_above.held_origin_unsealed"),
                                                          ("GV4", "level_above.held_origin_unsealed")]
    assert summary.schools[0].origin == UNSEALED
    [said] = [i for i in summary.issues if i.code == "level_above.origin_unsealed"]
    assert "Trường A không rõ nguồn gốc" in said.message and "a.xlsx"[:12] in said.message


def test_another_school_s_file_in_this_school_s_name_is_not_this_school_s():
    """School B writes a summary in A's name with its own code: the seal is B's, not A's."""
    as_b = sealed(dataclasses.replace(_summary("gia.xlsx", CHI), school="Trường B"), CAMPAIGN)
    forged = dataclasses.replace(as_b, school="Trường A")

    summary = level_above_summary(CAMPAIGN, [_file("gia.xlsx")], {"gia.xlsx": forged}, KEY)

    assert _held(summary) == [("GV3", "level_above.held_origin_bad_seal")] and summary.schools[0].origin == BAD_SEAL
    assert any(i.code == "level_above.origin_bad_seal" for i in summary.issues)


def test_data_changed_after_the_seal_breaks_it():
    real = sealed(_summary("a.xlsx", CHI), CAMPAIGN)
    edited = dataclasses.replace(real, content="f" * 64)  # the hidden data changed: its digest with it

    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": edited}, KEY)

    assert summary.schools[0].origin == BAD_SEAL and summary.proposals == ()


@pytest.mark.parametrize("how", ["unsealed", "another school's code", "the school's old code", "data changed"])
def test_an_unproven_newer_file_never_displaces_the_school_s_proven_one(how):
    """A file in A's name with a later newest input (a forgery, or a genuine file edited after its seal) stands beside
    A's proven file: every proposal of the proven file stays in the lists, nothing of the unproven one joins them,
    the school counts as sent, the unproven file is named with what to do."""
    real = sealed(_summary("a.xlsx", CHI), CAMPAIGN)
    later = _summary("a-moi.xlsx", DUNG, newest="2026-06-30T08:00:00")
    if how == "another school's code":
        later = dataclasses.replace(sealed(dataclasses.replace(later, school="Trường B"), CAMPAIGN), school="Trường A")
    elif how == "the school's old code":
        later = dataclasses.replace(later, seal=ly.seal_for(legacy_school_code(CAMPAIGN.id, "A", "2025-2026"),
                                                            later.content))
    elif how == "data changed":
        later = dataclasses.replace(sealed(later, CAMPAIGN), content="f" * 64)
    files = [_file("a.xlsx"), _file("a-moi.xlsx", dt.datetime(2026, 7, 1))]

    summary = level_above_summary(CAMPAIGN, files, {"a.xlsx": real, "a-moi.xlsx": later}, KEY)

    assert {f.name: f.status for f in summary.files} == {"a.xlsx": "accepted", "a-moi.xlsx": "rejected"}
    assert [p.who for p in summary.proposals] == ["GV3"] and summary.held == ()
    assert summary.schools[0].sent and summary.schools[0].file == "a.xlsx"
    [beside] = [i for f in summary.files for i in f.issues if i.code == "level_above.unproven_beside"]
    assert "'a-moi.xlsx'" in beside.message and "'a.xlsx'" in beside.message and "dấu vân tay" in beside.message
    assert "không thay, không bớt, không thêm" in beside.message


def test_a_school_with_only_an_unproven_file_is_not_counted_as_sent():
    summary = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": _summary("a.xlsx", CHI)}, KEY)

    assert not summary.schools[0].sent
    report = level_above_report(summary)
    assert report.counts.submitted == 0 and "Trường A" in report.missing


def test_an_unproven_file_repeating_a_proven_school_s_people_holds_none_of_theirs():
    """B's genuine file proposes Chi; a file relabelled as A (no proven file of A) repeats her: only the unproven
    line is held as "two schools", B's stays in the lists."""
    chi = dataclasses.replace(CHI, dob="1980-01-01")
    genuine = sealed(dataclasses.replace(_summary("b.xlsx", chi), school="Trường B"), CAMPAIGN)
    relabelled = dataclasses.replace(genuine, file="a.xlsx", school="Trường A", sha256="a.xlsx")
    files = [_file("b.xlsx"), _file("a.xlsx")]

    summary = level_above_summary(CAMPAIGN, files, {"b.xlsx": genuine, "a.xlsx": relabelled}, KEY)

    assert [(p.school, p.who) for p in summary.proposals] == [("B", "GV3")]
    assert [(h.proposal.school, [w.code for w in h.why]) for h in summary.held] == [
        ("A", ["level_above.held_origin_bad_seal", "level_above.held_two_schools"])]


def test_of_two_sealed_versions_the_newer_by_its_sealed_data_is_used_not_by_its_file_dates():
    older = sealed(_summary("a-2.xlsx", CHI, newest="2026-05-01T08:00:00"), CAMPAIGN)
    newer = sealed(_summary("a-1.xlsx", CHI, DUNG, newest="2026-05-20T08:00:00"), CAMPAIGN)
    files = [_file("a-2.xlsx", dt.datetime(2026, 7, 1)), _file("a-1.xlsx", dt.datetime(2026, 6, 1))]

    summary = level_above_summary(CAMPAIGN, files, {"a-2.xlsx": older, "a-1.xlsx": newer}, KEY)

    assert {f.name: f.status for f in summary.files} == {"a-1.xlsx": "accepted", "a-2.xlsx": "superseded"}
