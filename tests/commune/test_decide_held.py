"""The officer decides what the commune signs (commune.decide, pure): what is held apart and why, what the
officer's marks do to each line, which warnings are said again, and a byte-for-byte copy told from a newer version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tests.commune_fixtures import KEY, sealed
from thidua_xlsx.commune.decide import level_above_summary
from thidua_xlsx.model.commune import (
    ADDED,
    HELD,
    LISTED,
    MOVED,
    PERSON,
    REMOVED,
    RENAMED,
    RETITLED,
    TAKEN_OFF,
    LevelAbove,
    ListChange,
    OfficerMark,
    OfficerPass,
    Proposal,
    SchoolRef,
    SchoolSummary,
)
from thidua_xlsx.model.inbox import InboxFile

CAMPAIGN = LevelAbove("x", "Ủy ban nhân dân xã Thử", "", "Thử", "2025-2026", schools=(SchoolRef("A", "Trường A"),))
AN = Proposal("", PERSON, "GV1", "Nguyễn Văn An", "CSTDCS", votes=9, members=9, grounds="HTXSNV")
BINH = Proposal("", PERSON, "GV2", "Trần Thị Bình", "CSTDCS", votes=9, members=9, grounds="HTXSNV")
CHI = Proposal("", PERSON, "GV3", "Lê Thị Chi", "LDTT")


def _file(name: str, modified: dt.datetime = dt.datetime(2026, 6, 1)) -> InboxFile:
    return InboxFile(Path(name), name, 1, modified, "", status="skipped")


def _merge(*proposals: Proposal, council: bool = True, edited: bool = False, changes=(), marks=None, sha="1"):
    read = {"a.xlsx": sealed(SchoolSummary("a.xlsx", sha, None, "c", "Trường A", "2025-2026", council, proposals,
                                           edited=edited, changes=changes), CAMPAIGN)}
    officer = OfficerPass("xa.xlsx", {("A", p.kind, p.who, p.title): dataclasses.replace(  # made on this line, file
        m, name=m.name or p.name, fingerprint=m.fingerprint or sha) for p, m in marks.items()}) if marks else None
    return level_above_summary(CAMPAIGN, [_file("a.xlsx")], read, KEY, officer)


def _mark(agree: bool, why: str, part: str = HELD) -> OfficerMark:
    return OfficerMark(agree, why, part, "Chờ quyết định", 4, "", True)  # its line as the tool wrote it


def _codes(summary) -> list[str]:
    return [i.code for i in summary.issues]


def test_a_summary_before_its_council_holds_its_cstdcs_and_is_said_while_one_waits():
    first = _merge(AN, BINH, CHI, council=False)
    assert [h.proposal.who for h in first.held] == ["GV1", "GV2"] and [p.who for p in first.proposals] == ["GV3"]
    assert _codes(first) == ["level_above.before_council", "level_above.held", "level_above.held"]
    one = _merge(AN, BINH, CHI, council=False, marks={AN: _mark(True, "Biên bản kiểm phiếu đã nộp")})
    assert "level_above.before_council" in _codes(one) and [h.proposal.who for h in one.held] == ["GV2"]
    both = _merge(AN, BINH, CHI, council=False, marks={AN: _mark(True, "Biên bản kiểm phiếu đã nộp"),
                                                       BINH: _mark(False, "Không đủ phiếu")})
    assert "level_above.before_council" not in _codes(both) and both.held == ()
    assert [p.who for p in both.proposals] == ["GV1", "GV3"] and [p.who for p, _ in both.removed] == ["GV2"]


@pytest.mark.parametrize("mark, listed, held, said", [
    (_mark(True, "Đã kiểm tra"), ["GV1"], [], ["level_above.accepted"]),  # accepted now: said once
    (_mark(True, "Đã kiểm tra", LISTED), ["GV1"], [], []),  # accepted at a pass before: not said again
    (_mark(False, "Không đủ phiếu"), [], [], ["level_above.removed"]),
    (_mark(False, "Không đủ phiếu", TAKEN_OFF), [], [], []),  # taken off before: not said again
    (_mark(True, ""), [], ["GV1"], ["level_above.held", "level_above.accept_needs_reason"]),
    (_mark(False, ""), [], ["GV1"], ["level_above.held"]),  # left as written: waits, said once
])
def test_the_officer_s_marks_on_a_held_line(mark, listed, held, said):
    summary = _merge(AN, council=False, marks={AN: mark})
    assert [p.who for p in summary.proposals] == listed and [h.proposal.who for h in summary.held] == held
    assert [c for c in _codes(summary) if c != "level_above.before_council"] == said


def test_a_decision_made_on_another_file_of_the_school_is_asked_again_with_both_fingerprints():
    old = "a" * 64
    accepted = _merge(AN, council=False, sha="b" * 64,
                      marks={AN: dataclasses.replace(_mark(True, "Đã kiểm tra"), fingerprint=old)})
    assert accepted.proposals == () and [h.proposal.who for h in accepted.held] == ["GV1"]
    asked = next(i for i in accepted.issues if i.code == "level_above.other_file")
    assert "đã quyết định (đã nhận, lý do: Đã kiểm tra) trên một tệp khác của trường (dấu vân tay aaaaaaaaaaaa); " \
           "tệp đang dùng là bbbbbbbbbbbb, không đối chiếu được" in asked.message
    assert "aaaaaaaaaaaa" in accepted.held[0].why[-1].text and "bbbbbbbbbbbb" in accepted.held[0].why[-1].text
    removed = _merge(CHI, sha="b" * 64, marks={CHI: dataclasses.replace(_mark(False, "Sai", LISTED), fingerprint=old)})
    assert removed.removed == () and [h.proposal.who for h in removed.held] == ["GV3"]  # not listed unasked either
    same_file = _merge(AN, council=False, sha="b" * 64, marks={AN: _mark(True, "Đã kiểm tra")})
    assert [p.who for p in same_file.proposals] == ["GV1"]


def test_a_decision_made_on_another_file_that_proposed_the_same_word_for_word_is_hers_still():
    """The school sent the same again (sealed with its new code): the file she decided on, still in the inbox,
    proposed the person exactly so — her decision binds. Proposed otherwise (another ballot): asked again."""
    old, new = "a" * 64, "b" * 64
    decided_on = sealed(SchoolSummary("a-cu.xlsx", old, None, "c", "Trường A", "2025-2026", False, (AN,)), CAMPAIGN)
    now = sealed(SchoolSummary("a.xlsx", new, None, "c", "Trường A", "2025-2026", False, (AN,),
                               newest_input="2026-06-01T00:00:00"), CAMPAIGN)
    mark = dataclasses.replace(_mark(False, "Đang xem xét kỷ luật"), name=AN.name, fingerprint=old)
    officer = OfficerPass("xa.xlsx", {("A", PERSON, "GV1", "CSTDCS"): mark})
    files = [_file("a-cu.xlsx"), _file("a.xlsx")]

    same = level_above_summary(CAMPAIGN, files, {"a-cu.xlsx": decided_on, "a.xlsx": now}, KEY, officer)
    assert [(p.who, why) for p, why in same.removed] == [("GV1", "Đang xem xét kỷ luật")] and same.held == ()

    other = dataclasses.replace(now, proposals=(dataclasses.replace(AN, votes=5),))
    asked = level_above_summary(CAMPAIGN, files, {"a-cu.xlsx": decided_on, "a.xlsx": other}, KEY, officer)
    assert asked.removed == () and [h.why[-1].code for h in asked.held] == ["level_above.held_other_file"]
    assert "đã bỏ, lý do: Đang xem xét kỷ luật" in asked.held[0].why[-1].text


@pytest.mark.parametrize("mark, listed, removed, held", [
    (_mark(False, "Không đủ phiếu", TAKEN_OFF), [], ["GV1"], []),  # a removal of her earlier book: kept
    (_mark(True, "Đã kiểm tra"), [], [], [["level_above.held_before_council", "level_above.held_earlier_accept"]]),
])
def test_a_mark_of_her_book_of_an_earlier_release_keeps_a_removal_and_asks_an_acceptance_again(mark, listed, removed,
                                                                                                held):
    summary = _merge(AN, council=False, marks={AN: dataclasses.replace(mark, as_written=False, earlier=True)})
    assert [p.who for p in summary.proposals] == listed and [p.who for p, _ in summary.removed] == removed
    assert [[w.code for w in h.why] for h in summary.held] == held
    if held:
        assert "(lý do: Đã kiểm tra)" in summary.held[0].why[-1].text


def test_an_earlier_acceptance_holds_nothing_that_no_longer_waits():
    summary = _merge(CHI, marks={CHI: dataclasses.replace(_mark(True, "Đã kiểm tra"), as_written=False, earlier=True)})
    assert [p.who for p in summary.proposals] == ["GV3"] and summary.held == ()


def test_a_line_whose_name_is_not_its_key_s_decides_nothing_and_names_both():
    summary = _merge(AN, BINH, council=False, marks={AN: dataclasses.replace(_mark(False, "Không đủ phiếu"),
                                                                             name="Trần Thị Bình", as_written=False)})
    assert summary.removed == () and [h.proposal.who for h in summary.held] == ["GV1", "GV2"]
    said = next(i for i in summary.issues if i.code == "level_above.officer_name")
    assert "ghi tên 'Trần Thị Bình' nhưng phần ghi ẩn của dòng là Nguyễn Văn An (Trường A)" in said.message


AN_LDTT = dataclasses.replace(AN, title="LDTT", votes=None, members=None, grounds="")


@pytest.mark.parametrize("part, proposal", [(HELD, AN), (LISTED, AN_LDTT)], ids=["held", "listed"])
def test_a_line_that_shows_another_proposal_of_the_person_decides_nothing_and_says_both(part, proposal):
    """One person's two lines swapped (his CSTĐCS line reads LĐTT): the name is his, the line is not the one the record
    keeps there. Her word on it decides nothing — a held line stays held, a listed one is held for her again — and
    what the line shows is said beside what the record says."""
    shown = "Nguyễn Văn An – Trường A – Giáo viên – Lao động tiên tiến"
    mark = dataclasses.replace(_mark(part == HELD, "Đã kiểm tra" if part == HELD else "Không đủ phiếu", part),
                               as_written=False, shown=shown)
    summary = _merge(proposal, council=False, marks={proposal: mark})
    assert summary.removed == () and summary.accepted == () and [h.proposal.who for h in summary.held] == ["GV1"]
    said = next(i for i in summary.issues if i.code == "level_above.officer_row")
    title = "Chiến sĩ thi đua cơ sở" if proposal is AN else "Lao động tiên tiến"
    assert f"Dòng 4 của sheet Chờ quyết định ghi '{shown}' nhưng phần ghi ẩn của dòng là Nguyễn Văn An (Trường A) – " \
           f"{title}: dòng đã bị đổi chỗ" in said.message
    assert summary.held[0].why[-1].code == "level_above.held_officer_row"


def test_a_listed_line_unticked_without_a_reason_stays_and_is_said():
    summary = _merge(CHI, marks={CHI: _mark(False, "", LISTED)})
    assert [p.who for p in summary.proposals] == ["GV3"] and _codes(summary) == ["level_above.needs_reason"]
    ticked_with_a_reason = _merge(CHI, marks={CHI: _mark(True, "Đủ", LISTED)})  # nothing held: nothing to accept
    assert [p.who for p in ticked_with_a_reason.proposals] == ["GV3"] and ticked_with_a_reason.accepted == ()


def test_an_edited_list_holds_the_lines_it_changed_and_names_every_change():
    changes = (ListChange(RENAMED, "GV3", "LDTT", "Lê Thị Chi", "Lê Thị Chi Mai"),
               ListChange(ADDED, "", "", "Phạm Văn Dũng", "Lao động tiên tiến"))
    summary = _merge(AN, CHI, edited=True, changes=changes)
    assert [h.proposal.who for h in summary.held] == ["GV3"] and [p.who for p in summary.proposals] == ["GV1"]
    edited = next(i for i in summary.issues if i.code == "level_above.edited")
    assert "không khớp dữ liệu của tệp: đổi tên Lê Thị Chi thành 'Lê Thị Chi Mai' (Lao động tiên tiến); thêm 'Phạm " \
           "Văn Dũng' – Lao động tiên tiến (không có trong dữ liệu nên không xét)." in edited.message
    settled = _merge(AN, CHI, edited=True, changes=changes, marks={CHI: _mark(True, "Tên đúng theo hồ sơ")})
    edited = next(i for i in settled.issues if i.code == "level_above.edited")  # the line only the sheet has: said
    assert "đổi tên" not in edited.message and "thêm 'Phạm Văn Dũng'" in edited.message


@pytest.mark.parametrize("change, words", [
    (ListChange(REMOVED, "GV3", "LDTT", "Lê Thị Chi"),
     "bỏ Lê Thị Chi – Lao động tiên tiến khỏi danh sách (dữ liệu vẫn đề nghị)"),
    (ListChange(RETITLED, "GV3", "LDTT", "Lê Thị Chi", "Chiến sĩ thi đua cơ sở"),
     "đổi danh hiệu của Lê Thị Chi từ Lao động tiên tiến thành 'Chiến sĩ thi đua cơ sở'"),
    (ListChange(MOVED, "GV3", "LDTT", "Lê Thị Chi", "Tổ trưởng, Tổ khối 2"),
     "sửa chức vụ, tổ của Lê Thị Chi (Lao động tiên tiến) thành 'Tổ trưởng, Tổ khối 2'"),
])
def test_each_change_of_an_edited_list_is_worded_and_holds_its_line(change, words):
    summary = _merge(AN, CHI, edited=True, changes=(change,))
    assert [h.proposal.who for h in summary.held] == ["GV3"]
    assert f"không khớp dữ liệu của tệp: {words}." in next(i.message for i in summary.issues
                                                            if i.code == "level_above.edited")
    assert summary.held[0].why[0].text == f"danh sách của trường khác dữ liệu – {words}"


def test_a_list_that_disagrees_with_its_seal_alone_holds_the_whole_school():
    summary = _merge(AN, CHI, edited=True)
    assert [h.proposal.who for h in summary.held] == ["GV1", "GV3"] and summary.proposals == ()
    assert "không rõ sửa gì" in next(i for i in summary.issues if i.code == "level_above.edited").message
    nothing_proposed = _merge(edited=True)
    assert _codes(nothing_proposed) == ["level_above.edited"]


def test_a_byte_for_byte_copy_is_a_copy_not_a_newer_version():
    read = {name: sealed(SchoolSummary(name, "same", None, "c", "Trường A", "2025-2026", True, (CHI,)), CAMPAIGN)
            for name in ("a.xlsx", "a-gui-lai.xlsx")}
    files = [_file("a-gui-lai.xlsx", dt.datetime(2026, 6, 2)), _file("a.xlsx")]
    summary = level_above_summary(CAMPAIGN, files, read, KEY)
    status = {f.name: (f.status, f.reason) for f in summary.files}
    assert status == {"a.xlsx": ("accepted", ""), "a-gui-lai.xlsx": ("skipped", "level_above.copy")}
    copy = next(f for f in summary.files if f.name == "a-gui-lai.xlsx").issues[0]
    assert copy.message == "Bản sao giống hệt từng byte của 'a.xlsx' (Trường A), không phải bản mới hơn: không đọc " \
        "lại, không cần sửa."
    assert [p.who for p in summary.proposals] == ["GV3"]  # counted once
