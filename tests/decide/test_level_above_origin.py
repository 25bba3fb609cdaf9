"""Origin: a school's summary counts as the school's only when sealed with the code the commune issued it; any other
is held apart, named "không rõ nguồn gốc", until the officer accepts each proposal."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from tests.level_above_fixtures import KEY, sealed
from thidua_xlsx.decide.level_above import level_above_summary
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.commune_key import CommuneKey, legacy_school_code
from thidua_xlsx.model.inbox import InboxFile
from thidua_xlsx.model.level_above import (
    BAD_SEAL,
    OLD_CODE,
    PERSON,
    SEALED,
    UNSEALED,
    LevelAbove,
    Proposal,
    SchoolRef,
    SchoolSummary,
)

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
    assert "mã xác thực cũ" in said.message and "không bị sửa" in said.message and "gửi trường mã mới" in said.message
    assert "không khớp" not in said.message and "giả" not in said.message
    edited = dataclasses.replace(old, content="f" * 64)  # the old seal over other data: not called old, but bad
    again = level_above_summary(CAMPAIGN, [_file("a.xlsx")], {"a.xlsx": edited}, KEY)
    assert again.schools[0].origin == BAD_SEAL


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


def test_a_newer_file_that_fails_its_seal_holds_the_school_with_both_files_named():
    """A sealed older copy never quietly replaces a newer file that fails its seal (a final summary edited after it was
    written beside its sealed pre-council copy, or a forged newer one): the newer is the school's file, every proposal
    of it held for the officer, both files named; the sealed one superseded, said so."""
    real = sealed(_summary("a.xlsx", CHI), CAMPAIGN)
    forged = _summary("a-moi.xlsx", CHI, DUNG, newest="2026-06-30T08:00:00")
    files = [_file("a.xlsx"), _file("a-moi.xlsx", dt.datetime(2026, 7, 1))]

    summary = level_above_summary(CAMPAIGN, files, {"a.xlsx": real, "a-moi.xlsx": forged}, KEY)

    status = {f.name: f.status for f in summary.files}
    assert status == {"a.xlsx": "superseded", "a-moi.xlsx": "accepted"}
    assert summary.proposals == () and _held(summary) == [("GV3", "level_above.held_origin_unsealed"),
                                                          ("GV4", "level_above.held_origin_unsealed")]
    named = next(i for i in summary.issues if i.code == "level_above.newer_unsealed")
    assert "'a-moi.xlsx'" in named.message and "'a.xlsx'" in named.message and named.severity == "warning"


def test_of_two_sealed_versions_the_newer_by_its_sealed_data_is_used_not_by_its_file_dates():
    older = sealed(_summary("a-2.xlsx", CHI, newest="2026-05-01T08:00:00"), CAMPAIGN)
    newer = sealed(_summary("a-1.xlsx", CHI, DUNG, newest="2026-05-20T08:00:00"), CAMPAIGN)
    files = [_file("a-2.xlsx", dt.datetime(2026, 7, 1)), _file("a-1.xlsx", dt.datetime(2026, 6, 1))]

    summary = level_above_summary(CAMPAIGN, files, {"a-2.xlsx": older, "a-1.xlsx": newer}, KEY)

    assert {f.name: f.status for f in summary.files} == {"a-1.xlsx": "accepted", "a-2.xlsx": "superseded"}
