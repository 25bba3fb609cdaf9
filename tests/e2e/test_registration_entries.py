"""What a department types at registration and what the secretary then reads: a title typed as its
usual abbreviation is that title, with a note; an entry that is wrong names its person, so a follow-up can say what
is wrong instead of "nothing yet"; a newcomer's warning goes once the secretary has added them to sheet Nhân sự —
in the registration round and in the scoring round."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import campaign_dict, make_folder
from tests.filling import fill, forms, layout, person_values, register, sheet
from tests.scoring_round import T1_SCORES, T2_SCORES, TITLES, fill_department
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import CSTDCS, LDTT, TTLDTT, TTLDXS
from thidua_xlsx.service import generate_round, merge_inbox

SAVED = dt.datetime(2026, 5, 10, 8, 0)
NEWCOMER = "Vũ Thị Mới"


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    root = tmp_path_factory.mktemp("entries")
    folder = make_folder(root / "campaign", cm.from_dict(campaign_dict()))
    t1, t2 = generate_round(folder, ly.REGISTRATION, root / "outbox").paths
    return {"root": root, "folder": folder, "t1": t1, "t2": t2}


def _typed(issued, tmp_path: Path, t1_titles: dict[str, str], collective: str = "", newcomer: str = "") -> Path:
    """An inbox with Tổ khối 1's registration typed as given (by person code, as typed), its collective title and a
    newcomer on the first spare row; Tổ 2 sends nothing."""
    found = layout(issued["t1"])
    reg = sheet(found, ly.RegistrationSheet)
    rows = dict(reg.rows)
    values = {(reg.name, f"{reg.title_column}{rows[code]}"): text for code, text in t1_titles.items()}
    if collective:
        unit = sheet(found, ly.CollectiveSheet)
        values[(unit.name, unit.cell)] = collective
    if newcomer:
        row = reg.spare_rows[0]
        values |= {(reg.name, f"{reg.name_column}{row}"): newcomer, (reg.name, f"{reg.position_column}{row}"):
                   "Giáo viên", (reg.name, f"{reg.title_column}{row}"): "Lao động tiên tiến"}
    inbox = tmp_path / "inbox"
    fill(issued["t1"], inbox / issued["t1"].name, values)
    return inbox


def _codes(summary, code: str) -> list:
    return [i for i in summary.issues if i.code == code]


# --- a title typed as its abbreviation ----------------------------------------------------------------------

@pytest.mark.parametrize("typed, title", [("LĐTT", LDTT), ("ldtt", LDTT), ("Ldtt", LDTT), ("L.Đ.T.T", LDTT),
                                          ("CSTĐCS", CSTDCS), ("cstdcs", CSTDCS), (" CSTĐ CS ", CSTDCS)])
def test_a_title_typed_as_its_abbreviation_is_that_title_with_a_note(issued, tmp_path, typed, title):
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": typed}), issued["folder"])

    lan = next(p for p in summary.people if p.code == "GV01")
    assert lan.registered == title
    (note,) = _codes(summary, "value.title_abbreviation")
    assert note.severity == "note" and not [i for i in summary.issues if i.severity == "error"]
    name = {LDTT: "Lao động tiên tiến", CSTDCS: "Chiến sĩ thi đua cơ sở"}[title]
    assert note.message == (f"'{typed.strip()}' là chữ viết tắt của '{name}' (Danh hiệu đăng ký); đã hiểu là "
                            f"'{name}'. Không cần sửa.")


@pytest.mark.parametrize("typed, title", [("Chiến sỹ thi đua cơ sở", CSTDCS), ("Lao động tiên tiến.", LDTT),
                                          ("chiến sỹ thi đua cơ sở;", CSTDCS)])
def test_a_title_spelled_another_right_way_is_that_title_with_a_note(issued, tmp_path, typed, title):
    """"sỹ" and "sĩ" are one word's two spellings; a full stop typed after the name is no other title."""
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": typed}), issued["folder"])

    assert next(p for p in summary.people if p.code == "GV01").registered == title
    (note,) = _codes(summary, "value.fuzzy_choice")
    assert note.severity == "note" and not [i for i in summary.issues if i.severity == "error"]


@pytest.mark.parametrize("typed, title", [("TTLĐTT", TTLDTT), ("ttldxs", TTLDXS)])
def test_a_collective_title_typed_as_its_abbreviation_is_that_title(issued, tmp_path, typed, title):
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": "LĐTT"}, collective=typed), issued["folder"])

    (department,) = [d for d in summary.departments if d.code == "T1"]
    assert department.collective == title
    assert len(_codes(summary, "value.title_abbreviation")) == 2


def test_an_abbreviation_of_a_title_the_list_does_not_offer_is_refused(issued, tmp_path):
    """A person's title typed as a collective's abbreviation is not one of the person's titles."""
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": "TTLĐTT"}), issued["folder"])

    (error,) = _codes(summary, "value.bad_choice")
    assert not _codes(summary, "value.title_abbreviation")
    assert next(p for p in summary.people if p.code == "GV01").registered == ""
    assert dict(error.params)["person"] == "GV01"


def test_a_wrong_entry_names_its_person(issued, tmp_path):
    """What is wrong on a registration row is said with its person's code (so "nothing yet" is never said of them:
    the follow-up can tell the entry typed wrong from the one left blank)."""
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": "LĐ giỏi", "GV02": "LĐTT"}), issued["folder"])

    (error,) = _codes(summary, "value.bad_choice")
    assert (error.severity, dict(error.params)["person"], dict(error.params)["value"]) == ("error", "GV01", "LĐ giỏi")
    assert error.message.startswith("'LĐ giỏi' không có trong danh sách (Danh hiệu đăng ký).")


# --- a newcomer, before and after the secretary adds them to sheet Nhân sự ---------------------------------

def _joined(folder, name: str = NEWCOMER, department: str = "T1", code: str = "GV09"):
    """The campaign with ``name`` added to sheet Nhân sự (spaces and case as a secretary may type them)."""
    person = cm.Person(code, name, department, "Giáo viên", "Giáo viên", facts=cm.Facts(
        rating="HTTNV", months=12, maternity_months=0, discipline="Không", under_review=False))
    return dataclasses.replace(folder, campaign=dataclasses.replace(folder.campaign,
                                                                    staff=folder.campaign.staff + (person,)))


def test_a_registered_newcomers_warning_goes_once_added_to_the_roster(issued, tmp_path):
    inbox = _typed(issued, tmp_path, {"GV01": "LĐTT"}, newcomer=NEWCOMER)

    before = merge_inbox(inbox, issued["folder"])
    (warned,) = _codes(before, "person.newcomer")
    assert warned.severity == "warning" and "Hãy thêm vào sheet Nhân sự" in warned.message

    after = merge_inbox(inbox, _joined(issued["folder"], name="vũ  thị   MỚI"))
    assert not _codes(after, "person.newcomer")
    (said,) = _codes(after, "person.newcomer_in_roster")
    assert (said.severity, said.sheet, said.cell) == ("note", warned.sheet, warned.cell)
    assert said.message == (f"Người mới '{NEWCOMER}' (dòng dự phòng) đã có ở sheet Nhân sự (mã GV09): đăng ký được "
                            "tính cho người này. Không cần làm gì thêm.")
    mine = [p for p in after.people if p.code == "GV09"]
    assert len(mine) == 1 and mine[0].registered == LDTT and not mine[0].newcomer


def test_a_newcomer_added_to_another_department_is_still_a_newcomer_here(issued, tmp_path):
    """The merge matches a newcomer by department and name: the warning says only what the merge does."""
    summary = merge_inbox(_typed(issued, tmp_path, {}, newcomer=NEWCOMER), _joined(issued["folder"], department="T2"))
    assert _codes(summary, "person.newcomer") and not _codes(summary, "person.newcomer_in_roster")


def test_a_spare_row_repeating_someone_of_the_workbook_is_said_unused(issued, tmp_path):
    summary = merge_inbox(_typed(issued, tmp_path, {"GV01": "LĐTT"}, newcomer="Trần Văn Đức"), issued["folder"])

    (said,) = _codes(summary, "person.newcomer_twice")
    assert said.severity == "warning" and "(mã GV02)" in said.message and "không được dùng" in said.message
    assert [p.code for p in summary.people if p.name == "Trần Văn Đức"] == ["GV02"]


def test_an_unregistered_newcomers_scoring_warning_goes_once_added_to_the_roster(tmp_path):
    folder = make_folder(tmp_path / "campaign", cm.from_dict(campaign_dict()))
    summary = register(folder, TITLES, tmp_path / "dk")
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", summary).paths
    spare = forms(t1, spare=True)[0]
    inbox = tmp_path / "inbox"
    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED, extra=person_values(
        spare, {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25}, name=NEWCOMER, position="Giáo viên"))
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)

    before = merge_inbox(inbox, folder)
    (warned,) = _codes(before, "person.newcomer_unregistered")
    assert "Hãy thêm vào sheet Nhân sự nếu đúng" in warned.message

    after = merge_inbox(inbox, _joined(folder))
    assert not _codes(after, "person.newcomer_unregistered")
    (said,) = _codes(after, "person.newcomer_unregistered_in_roster")
    assert (said.severity, said.sheet, said.cell) == ("note", spare.name, spare.name_cell)
    assert "đã có ở sheet Nhân sự (mã GV09): điểm được tính cho người này" in said.message
    (mine,) = [p for p in after.people if p.code == "GV09"]
    assert mine.final == 83 and mine.proposed == ""  # scored, not considered: no registration, no title


# --- a newcomer typed twice in one workbook: one person, said -----------------------------------------------

def test_a_newcomer_typed_on_two_spare_rows_is_one_person_the_second_row_said_unused(issued, tmp_path):
    """A spare row pasted twice (the copy in Unicode tổ hợp with a space after): one newcomer, not two people who
    would each get a form next round and count twice in the department."""
    found = layout(issued["t1"])
    reg = sheet(found, ly.RegistrationSheet)
    values = {}
    for row, name in zip(reg.spare_rows[:2], (NEWCOMER, unicodedata.normalize("NFD", NEWCOMER) + " ")):
        values |= {(reg.name, f"{reg.name_column}{row}"): name, (reg.name, f"{reg.position_column}{row}"): "Giáo viên",
                   (reg.name, f"{reg.title_column}{row}"): "Lao động tiên tiến"}
    inbox = tmp_path / "inbox"
    fill(issued["t1"], inbox / issued["t1"].name, values)

    summary = merge_inbox(inbox, issued["folder"])

    assert [p.name for p in summary.people if p.newcomer] == [NEWCOMER]
    (said,) = _codes(summary, "person.newcomer_twice_new")
    assert (said.cell, said.severity) == (f"{reg.name_column}{reg.spare_rows[1]}", "warning")
    assert f"(mã {next(p.code for p in summary.people if p.newcomer)})" in said.message
    assert "hãy nhờ tổ ghi tên phân biệt" in said.message  # not "ở sheet Nhân sự": nothing there tells them apart
    assert len(_codes(summary, "person.newcomer")) == 1


def test_a_newcomer_of_the_same_name_as_a_member_is_registered_once_the_roster_tells_them_apart(issued, tmp_path):
    """A real newcomer named as GV02 is: said, not used, until the secretary gives GV02 a distinct name in sheet Nhân
    sự, as the message asks — then registered (the roster decides who the book's members are, not their printed
    names)."""
    inbox = _typed(issued, tmp_path, {"GV01": "LĐTT"}, newcomer="Trần Văn Đức")
    assert _codes(merge_inbox(inbox, issued["folder"]), "person.newcomer_twice")
    folder = issued["folder"]
    renamed = dataclasses.replace(folder, campaign=dataclasses.replace(folder.campaign, staff=tuple(
        dataclasses.replace(p, name="Trần Văn Đức (1980)") if p.code == "GV02" else p for p in folder.campaign.staff)))

    summary = merge_inbox(inbox, renamed)

    assert not _codes(summary, "person.newcomer_twice") and _codes(summary, "person.newcomer")
    assert [p.name for p in summary.people if p.newcomer] == ["Trần Văn Đức"]


def test_a_spare_form_filled_twice_or_for_a_registered_newcomer_counts_nobody_twice(tmp_path):
    """The scoring round: a spare form filled as a copy of another, or for the newcomer registered in the spring whose
    own form the book carries — one person each: ranks and the department's head count unmoved."""
    folder = make_folder(tmp_path / "campaign", cm.from_dict(campaign_dict()))
    registered = "Đỗ Thị Xuân"
    summary = register(folder, TITLES, tmp_path / "dk", newcomers={"T1": (registered, "Giáo viên", LDTT)})
    t1, t2 = generate_round(folder, ly.SCORING, tmp_path / "outbox", summary).paths
    first, second = forms(t1, spare=True)[:2]
    scores = {"I.1": 9, "I.2": 9, "II.1": 40, "II.2": 25}
    inbox = tmp_path / "inbox"
    fill_department(t2, inbox / t2.name, T2_SCORES, SAVED)

    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED, extra={
        **person_values(first, scores, name=NEWCOMER, position="Giáo viên"),
        **person_values(second, scores, name=NEWCOMER.upper(), position="Giáo viên")})
    copied = merge_inbox(inbox, folder)

    (said,) = _codes(copied, "person.newcomer_twice_new")
    assert (said.sheet, said.cell) == (second.name, second.name_cell)
    assert [p.name for p in copied.people if p.name.casefold() == NEWCOMER.casefold()] == [NEWCOMER]

    fill_department(t1, inbox / t1.name, T1_SCORES, SAVED, extra=person_values(
        first, scores, name=registered, position="Giáo viên"))
    again = merge_inbox(inbox, folder)

    (said,) = _codes(again, "person.newcomer_twice_scored")  # her own form blank: copy the scores there
    (hers,) = [p for p in again.people if p.name == registered]
    assert f"(sheet '{hers.sheet}', mã {hers.code})" in said.message and hers.registered == LDTT
    assert f"Hãy nhờ tổ chép điểm sang sheet '{hers.sheet}'" in said.message and "xóa" not in said.message
    assert not _codes(again, "person.newcomer_unregistered")  # never "chưa đăng ký": she did
    added = merge_inbox(inbox, _joined(folder, name=registered))  # she is in sheet Nhân sự now: the same
    assert _codes(added, "person.newcomer_twice_scored") and not _codes(added, "person.newcomer_unregistered_in_roster")
