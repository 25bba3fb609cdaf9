"""The multi-year decisions (decide.history): each rule at its edges, the matching of the roster to the history,
and a sáng kiến counted once — asserted on the words people read and the years each decision used."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.decide import history as dh
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.history import (
    BK_TINH,
    KNC_GD,
    MATCH_CODE,
    MATCH_NAME_DOB,
    USED_FOR_FORM,
    USED_FOR_TITLE,
    DepartmentYear,
    History,
    Initiative,
    PersonYear,
    Service,
    Use,
)
from thidua_xlsx.model.issues import NOTE, WARNING
from thidua_xlsx.model.results import STATUS_SUBMITTED, Decision, DepartmentResult, PersonResult
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, TTLDTT, TTLDXS

YEAR = "2025-2026"
BK_BASIS = "(QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 3 khoản 3 điểm a)"
BK_NAME = "Bằng khen của Chủ tịch UBND tỉnh"


def roster(code="GV01", name="Nguyễn Thị Lan", dob="1985-01-02", start="") -> cm.Person:
    return cm.Person(code, name, "T1", "Giáo viên", dob=dob, start=start)


def campaign(*staff: cm.Person, condition: str = "hoặc") -> cm.Campaign:
    base = cm.from_dict(campaign_dict())
    return dataclasses.replace(base, staff=staff or (roster(),),
                               rules=dataclasses.replace(base.rules, cstdcs_condition=condition))


def result(code="GV01", name="Nguyễn Thị Lan", *, cstdcs=True, rating="HTXSNV", registered=CSTDCS, form="",
           initiative: tuple[str, str] | None = None) -> PersonResult:
    """This year's result: CSTĐCS granted or not, the rating, and a recognised sáng kiến (name, level)."""
    name_, level = initiative or ("", "")
    facts = cm.Facts(rating=rating, initiative=name_, initiative_level=level,
                     initiative_decision="15/QĐ-TH" if initiative else "")
    decisions = (Decision(LDTT, True),) + ((Decision(CSTDCS, cstdcs),) if registered != LDTT else ())
    return PersonResult(code, name, "T1", "Tổ 1", "Giáo viên", "Giáo viên", STATUS_SUBMITTED, registered=registered,
                        form=form, facts=facts, decisions=decisions)


def row(year, titles=(LDTT, CSTDCS), rating="HTXSNV", code="GV01", name="Nguyễn Thị Lan", dob="1985-01-02",
        **changes) -> PersonYear:
    return PersonYear(year, code, name, dob, rating, tuple(titles), **changes)


def decide(people, history: History, staff=None, departments=(), condition="hoặc"):
    c = campaign(*(staff or ()), condition=condition)
    matches, issues = dh.match(c.staff, history)
    found = dh.decide_history(c, people, departments, history, matches)
    return found, issues


def only(found, code="GV01", title=BK_TINH) -> Decision:
    [decision] = [d for d in found.people.get(code, ()) if d.title == title]
    return decision


def initiative(name, year, level="Trường", used=(), author="GV01") -> Initiative:
    return Initiative(name, author, "Nguyễn Thị Lan", level, "9/QĐ-TH", year=year, used=tuple(used))


# --- Bằng khen of the provincial chair ---------------------------------------------------------------------------

def test_two_consecutive_cstdcs_give_the_bang_khen_with_both_years():
    found, _ = decide([result()], History(people=(row("2024-2025"),)))
    d = only(found)
    assert d.granted and not d.pending and d.years == ("2024-2025",)
    assert d.reason == f"đủ điều kiện: 2 lần liên tục CSTĐCS (2024-2025, 2025-2026) {BK_BASIS}"


def test_one_cstdcs_is_not_enough():
    found, _ = decide([result()], History(people=(row("2024-2025", titles=(LDTT,), rating="HTTNV"),)))
    d = only(found)
    assert not d.granted and not d.pending
    assert d.reason.startswith("năm 2024-2025 không đạt CSTĐCS; năm 2024-2025 xếp loại HTTNV, không HTXSNV; cần 2 lần "
                               "liên tục CSTĐCS, hoặc liên tục từ 2 năm HTXSNV trở lên với 2 sáng kiến")


def test_a_missing_year_is_not_known_never_a_silent_no():
    found, _ = decide([result()], History(people=(row("2023-2024"),)))
    d = only(found)
    assert d.pending and not d.granted
    assert d.reason.startswith("chưa đủ thông tin: năm 2024-2025 (lịch sử chưa có kết quả năm này của người này)")


def test_a_person_with_no_history_gets_chua_du_thong_tin():
    found, _ = decide([result()], History())
    assert only(found).pending and "chưa đủ thông tin: năm 2024-2025" in only(found).reason


def test_dot_xuat_awards_never_count():
    special = row("2024-2025", titles=(LDTT,), rating="HTTNV", special=("Chiến sĩ thi đua cơ sở (chuyên đề)",))
    d = only(decide([result()], History(people=(special,)))[0])
    assert not d.granted and not d.pending
    assert ("năm 2024-2025 không đạt CSTĐCS (khen thưởng đột xuất, chuyên đề 'Chiến sĩ thi đua cơ sở (chuyên đề)' "
            "không tính để xét khen cao hơn – NĐ 152/2025 điều 4 khoản 3)") in d.reason


def test_who_is_considered_for_the_bang_khen():
    people = [result("GV01", cstdcs=False, rating="HTTNV", registered=LDTT),  # no way to it: nothing said
              result("GV02", "Trần Văn Đức", cstdcs=False, rating="HTTNV", registered=LDTT,
                     form="Bằng khen của Chủ tịch UBND Thành phố")]
    found, _ = decide(people, History(), staff=[roster(), roster("GV02", "Trần Văn Đức")])
    assert "GV01" not in found.people
    d = only(found, "GV02")
    assert not d.granted and not d.pending
    assert d.reason.startswith("năm nay không đạt CSTĐCS; năm nay không HTXSNV; cần 2 lần liên tục CSTĐCS")


@pytest.mark.parametrize("form, considered", [
    ("Bằng khen của Chủ tịch UBND tỉnh", True),
    ("bang khen cua chu tich ubnd thanh pho", True),
    ("Bằng khen của Bộ trưởng Bộ GD&ĐT", False),  # the ministry's, not the province's
    ("Giấy khen của Chủ tịch UBND tỉnh", False),
])
def test_a_registered_form_naming_the_provinces_bang_khen(form, considered):
    found, _ = decide([result(cstdcs=False, rating="HTTNV", registered=LDTT, form=form)], History())
    assert (BK_TINH in [d.title for d in found.people.get("GV01", ())]) is considered


def test_two_years_htxsnv_with_two_initiatives():
    history = History(people=(row("2024-2025", titles=(LDTT,)),),
                      initiatives=(initiative("Dạy đọc", "2024-2025"),))
    person = result(registered=LDTT, initiative=("Dạy viết", "Trường"))
    d = only(decide([person], history)[0])
    assert d.granted and d.years == ("2024-2025",)
    assert d.reason == ("đủ điều kiện: liên tục 2 năm HTXSNV (2024-2025, 2025-2026), trong thời gian đó có 2 sáng kiến "
                        f"được công nhận: 'Dạy đọc' (2024-2025); 'Dạy viết' (2025-2026) {BK_BASIS}")


def test_htxsnv_years_with_one_initiative_are_not_enough():
    history = History(people=(row("2024-2025", titles=(LDTT,)), row("2023-2024", titles=(LDTT,), rating="HTTNV")),
                      initiatives=(initiative("Dạy đọc", "2024-2025"),))
    d = only(decide([result(registered=LDTT)], history)[0])
    assert not d.granted and not d.pending and d.years == ("2024-2025",)
    assert ("liên tục 2 năm HTXSNV (2024-2025, 2025-2026) nhưng trong thời gian đó chỉ có 1 sáng kiến dùng được "
            "(cần 2)") in d.reason


def test_an_unknown_rating_leaves_the_htxsnv_run_unknown():
    history = History(people=(row("2024-2025", titles=(LDTT,), rating=None),))
    d = only(decide([result(registered=LDTT)], history)[0])
    assert d.pending and "chưa đủ thông tin: năm 2024-2025 chưa có xếp loại viên chức trong lịch sử" in d.reason


# --- CSTĐ cấp tỉnh -----------------------------------------------------------------------------------------------

THREE_YEARS = (row("2024-2025"), row("2023-2024"))


def test_three_cstdcs_and_a_provincial_initiative_give_cstd_tinh():
    history = History(people=THREE_YEARS, initiatives=(initiative("Dạy đọc", "2023-2024", level="Tỉnh"),))
    d = only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH)
    assert d.granted and d.years == ("2023-2024", "2024-2025")
    assert d.reason == ("đủ điều kiện đề nghị: 3 lần liên tục CSTĐCS (2023-2024, 2024-2025, 2025-2026) và sáng kiến "
                        "'Dạy đọc' được công nhận cấp Tỉnh năm 2023-2024 (Luật Thi đua, khen thưởng 2022 điều 22 "
                        "khoản 1)")


@pytest.mark.parametrize("initiatives", [(), (initiative("Dạy đọc", "2023-2024", level="Huyện"),)])
def test_three_cstdcs_without_a_provincial_initiative(initiatives):
    history = History(people=THREE_YEARS, initiatives=initiatives)
    d = only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH)
    assert not d.granted and not d.pending and d.years == ("2023-2024", "2024-2025")
    assert d.reason == ("chưa có sáng kiến được công nhận cấp tỉnh trở lên (trong lịch sử và năm nay); cần 3 lần liên "
                        "tục CSTĐCS tính cả năm nay và một sáng kiến được công nhận cấp tỉnh trở lên (Luật Thi đua, "
                        "khen thưởng 2022 điều 22 khoản 1)")


def test_this_years_provincial_initiative_counts():
    d = only(decide([result(registered=CSTD_TINH, initiative=("Dạy đọc", "Tỉnh"))],
                    History(people=THREE_YEARS))[0], title=CSTD_TINH)
    assert d.granted and "sáng kiến 'Dạy đọc' được công nhận cấp Tỉnh năm 2025-2026" in d.reason


def test_a_gap_year_breaks_the_run():
    history = History(people=(row("2024-2025"), row("2023-2024", titles=(LDTT,))),
                      initiatives=(initiative("Dạy đọc", "2023-2024", level="Tỉnh"),))
    d = only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH)
    assert not d.granted and not d.pending and d.years == ("2024-2025",)
    assert d.reason.startswith("năm 2023-2024 không đạt CSTĐCS; cần 3 lần liên tục")


def test_a_missing_year_in_the_middle_is_named():
    history = History(people=(row("2023-2024"),), initiatives=(initiative("Dạy đọc", "2023-2024", level="Tỉnh"),))
    d = only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH)
    assert d.pending and d.years == ("2023-2024",)
    assert d.reason.startswith("chưa đủ thông tin: năm 2024-2025 (lịch sử chưa có")


def test_without_history_the_initiative_is_not_known_either():
    d = only(decide([result(registered=CSTD_TINH)], History())[0], title=CSTD_TINH)
    assert d.pending and d.reason.startswith("chưa đủ thông tin: năm 2023-2024, 2024-2025 (lịch sử chưa có kết quả "
                                             "năm này của người này); chưa có sáng kiến")


def test_this_year_without_cstdcs():
    d = only(decide([result(registered=CSTD_TINH, cstdcs=False)], History(people=THREE_YEARS))[0], title=CSTD_TINH)
    assert not d.granted and not d.pending and d.reason.startswith("năm nay không đạt CSTĐCS")


def test_discipline_ending_mid_run():
    """The year 2023-2024 started before the discipline period ended: it does not count (NĐ 152 điều 4 khoản 4)."""
    history = History(people=(row("2024-2025"), row("2023-2024", discipline_end="2024-03-01")),
                      initiatives=(initiative("Dạy đọc", "2022-2023", level="Tỉnh"),))
    found, _ = decide([result(registered=CSTD_TINH)], history)
    cstd = only(found, title=CSTD_TINH)
    assert not cstd.granted and not cstd.pending and cstd.years == ("2024-2025",)
    assert cstd.reason.startswith("thành tích từ năm 2023-2024 trở về trước không được tính: bị kỷ luật đến 01/03/2024 "
                                  "(NĐ 152/2025 điều 4 khoản 4)")
    assert only(found).granted  # two years after it: the Bằng khen stands


def test_discipline_ended_before_the_year_started_does_not_cut():
    history = History(people=(row("2024-2025"), row("2023-2024", discipline_end="2023-08-01")),
                      initiatives=(initiative("Dạy đọc", "2022-2023", level="Tỉnh"),))
    assert only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH).granted


def test_discipline_without_an_end_date_cuts_at_its_year():
    history = History(people=(row("2024-2025", titles=(LDTT,), rating="HTTNV", discipline="Khiển trách"),))
    d = only(decide([result()], history)[0])
    assert not d.granted and not d.pending
    assert d.reason.startswith("thành tích từ năm 2024-2025 trở về trước không được tính: bị kỷ luật khiển trách năm "
                               "2024-2025, lịch sử chưa ghi ngày hết thời hạn")


# --- Kỷ niệm chương "Vì sự nghiệp giáo dục" ----------------------------------------------------------------------

def medal(start="", service: Service | None = None, rows=(), others=()) -> tuple:
    staff = [roster(start=start), *others]
    people = [result(cstdcs=False, rating="HTTNV", registered=LDTT)] + \
        [result(p.code, p.name, cstdcs=False, rating="HTTNV", registered=LDTT) for p in others]
    found, _ = decide(people, History(people=tuple(rows), service=(service,) if service else ()), staff=staff)
    decisions = [d for d in found.people.get("GV01", ()) if d.title == KNC_GD]
    return (decisions[0] if decisions else None), found


def test_twenty_years_in_the_sector_give_the_medal():
    d, _ = medal("2006-06-01")
    assert d.granted and not d.pending
    assert d.reason == ("đủ điều kiện: 20 năm công tác trong ngành (vào ngành 01/06/2006, tính đến 31/05/2026), cần từ "
                        "20 năm (TT 29/2023/TT-BGDĐT điều 8)")


def test_nineteen_years_eleven_months_are_not_twenty():
    assert medal("2006-06-02")[0] is None


def test_fifteen_years_after_five_in_especially_difficult_areas():
    d, _ = medal("2011-06-01", Service("GV01", "Nguyễn Thị Lan", difficult_years=5))
    assert d.granted
    assert ("15 năm công tác trong ngành (vào ngành 01/06/2011, tính đến 31/05/2026), cần từ 15 năm vì có 5 năm công "
            "tác ở vùng đặc biệt khó khăn (từ 5 năm)") in d.reason
    assert medal("2011-06-01", Service("GV01", "Nguyễn Thị Lan", difficult_years=4.5))[0] is None


def test_disciplined_years_are_not_counted():
    d, _ = medal("2005-03-01", Service("GV01", "Nguyễn Thị Lan", uncounted_years=1.25))
    assert d.granted and "20 năm công tác trong ngành (vào ngành 01/03/2005, tính đến 31/05/2026, đã trừ 1 " \
                         "năm 3 tháng bị kỷ luật không tính)" in d.reason
    assert medal("2005-03-01", Service("GV01", "Nguyễn Thị Lan", uncounted_years=1.5))[0] is None


def test_the_start_from_the_history_when_the_roster_has_none():
    d, _ = medal("", Service("GV01", "Nguyễn Thị Lan", sector_start="2000-09-01"), others=[roster("GV02", start="x")])
    assert d.granted and "vào ngành 01/09/2000" in d.reason


@pytest.mark.parametrize("service, rows", [
    (Service("GV01", "Nguyễn Thị Lan", medal_year="2019-2020"), ()),
    (None, (PersonYear("2019-2020", "GV01", "Nguyễn Thị Lan", forms=(KNC_GD,)),)),
])
def test_the_medal_is_given_once(service, rows):
    d, _ = medal("2000-09-01", service, rows)
    assert not d.granted and not d.pending and d.years == ("2019-2020",)
    assert d.reason == "đã được tặng năm 2019-2020: Kỷ niệm chương chỉ tặng một lần (TT 29/2023/TT-BGDĐT điều 8)"


def test_a_medal_received_needs_no_start_date():
    d, found = medal("", Service("GV01", "Nguyễn Thị Lan", medal_year="2019-2020"))
    assert not d.granted and not d.pending and d.reason.startswith("đã được tặng năm 2019-2020")
    assert not found.issues


def test_an_unknown_start_is_pending_and_counted_once():
    d, found = medal("", others=[roster("GV02", "Trần Văn Đức", start="2000-09-01"), roster("GV03", "Lê Dung")])
    assert d.pending and not d.granted
    assert d.reason.startswith("chưa đủ thông tin: ngày vào ngành (hãy nhập ở cột Ngày vào ngành")
    [note] = [i for i in found.issues if i.code == "knc.start_missing"]
    assert note.severity == NOTE and note.message.startswith("2 người chưa có ngày vào ngành")


def test_a_school_that_never_typed_start_dates_gets_one_note():
    d, found = medal("", others=[roster("GV02", "Trần Văn Đức")])
    assert d is None and not any(x.title == KNC_GD for ds in found.people.values() for x in ds)
    [note] = [i for i in found.issues if i.code == "knc.no_start_any"]
    assert "Chưa ai có ngày vào ngành" in note.message and "cho 2 người" in note.message


# --- collectives -------------------------------------------------------------------------------------------------

def department(ttldxs=True) -> DepartmentResult:
    return DepartmentResult("T1", "Tổ 1", 5, True, collective=TTLDXS,
                            decisions=(Decision(TTLDXS, ttldxs), Decision(TTLDTT, True)))


@pytest.mark.parametrize("rows, granted, pending, years, text", [
    ((DepartmentYear("2024-2025", "T1", "Tổ 1", (TTLDXS,)),), True, False, ("2024-2025",),
     "đủ điều kiện: 2 năm liên tục TTLĐXS (2024-2025, 2025-2026) (QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 3 khoản 3 "
     "điểm c)"),
    ((DepartmentYear("2024-2025", "T1", "Tổ 1", (TTLDTT,)),), False, False, (),
     "năm 2024-2025 tổ không đạt TTLĐXS; cần 2 năm liên tục TTLĐXS tính cả năm nay"),
    ((), False, True, (), "chưa đủ thông tin: năm 2024-2025 (lịch sử chưa có kết quả năm này của tổ)"),
])
def test_two_consecutive_ttldxs_give_the_collective_bang_khen(rows, granted, pending, years, text):
    found, _ = decide([], History(departments=rows), departments=[department()])
    [d] = found.departments["T1"]
    assert (d.title, d.granted, d.pending, d.years) == (BK_TINH, granted, pending, years)
    assert d.reason.startswith(text)


def test_a_department_without_ttldxs_this_year_is_not_considered():
    found, _ = decide([], History(departments=(DepartmentYear("2024-2025", "T1", "Tổ 1", (TTLDXS,)),)),
                      departments=[department(ttldxs=False)])
    assert found.departments == {}


# --- matching ----------------------------------------------------------------------------------------------------

def test_matched_by_code():
    matches, issues = dh.match([roster()], History(people=(row("2024-2025"),)))
    assert matches["GV01"].how == MATCH_CODE and matches["GV01"].codes == ("GV01",) and not issues


def test_matched_by_name_and_birth_date_is_said():
    history = History(people=(row("2024-2025", code="CU-07", name="Nguyen Thi Lan"),))  # typed without accents
    found, issues = decide([result("GV09")], history, staff=[roster("GV09")])
    assert found.matches["GV09"].how == MATCH_NAME_DOB and found.matches["GV09"].codes == ("CU-07",)
    [said] = issues
    assert said.severity == NOTE
    assert said.message == ("Nguyễn Thị Lan: mã GV09 của sheet Nhân sự không có trong lịch sử; đã ghép với mã CU-07 "
                            "của lịch sử vì trùng họ tên và ngày sinh (02/01/1985). Nếu đó không phải cùng một người, "
                            "hãy sửa mã trong lịch sử rồi chạy lại.")
    assert only(found, "GV09").granted and only(found, "GV09").years == ("2024-2025",)


def test_an_ambiguous_match_is_asked_never_guessed():
    history = History(people=(row("2024-2025", code="CU-07"), row("2024-2025", code="CU-08")))
    found, issues = decide([result("GV09")], history, staff=[roster("GV09")])
    assert found.matches["GV09"].ambiguous and found.matches["GV09"].codes == ("CU-07", "CU-08")
    [asked] = issues
    assert asked.severity == WARNING and "lịch sử có 2 người cùng họ tên và ngày sinh (mã CU-07, CU-08)" in asked.message
    d = only(found, "GV09")
    assert d.pending and not d.granted and d.years == ()
    assert d.reason.startswith("chưa đủ thông tin: lịch sử có nhiều người cùng họ tên và ngày sinh (mã CU-07, CU-08)")


@pytest.mark.parametrize("roster_dob, history_dob", [("", "1985-01-02"), ("1985-01-02", "")])
def test_a_name_without_birth_date_is_no_match(roster_dob, history_dob):
    history = History(people=(row("2024-2025", code="CU-07", dob=history_dob),))
    matches, issues = dh.match([roster("GV09", dob=roster_dob)], history)
    assert matches == {}
    [said] = issues
    assert said.severity == WARNING and said.code == "history.name_without_dob" and "(mã CU-07)" in said.message


def test_another_birth_date_is_another_person():
    matches, issues = dh.match([roster("GV09")], History(people=(row("2024-2025", code="CU-07", dob="1990-01-01"),)))
    assert matches == {} and issues == ()


# --- a sáng kiến counts once -------------------------------------------------------------------------------------

def test_a_sang_kien_used_for_a_title_cannot_serve_the_bang_khen():
    history = History(people=(row("2024-2025", titles=(LDTT, CSTDCS)), row("2023-2024", titles=(LDTT,))),
                      initiatives=(initiative("Dạy đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_TITLE, CSTDCS)]),))
    person = result(cstdcs=False, registered=LDTT, initiative=("Dạy viết", "Trường"))
    d = only(decide([person], history)[0])
    assert not d.granted and not d.pending
    assert (f"sáng kiến 'Dạy đọc' đã dùng cho danh hiệu Chiến sĩ thi đua cơ sở năm 2024-2025: không dùng cho hình "
            f"thức khen thưởng {BK_NAME} (CV 5007/BNV-TĐKT)") in d.reason


def test_a_sang_kien_never_serves_two_forms():
    history = History(people=(row("2024-2025", titles=(LDTT,)), row("2023-2024", titles=(LDTT,), rating="HTTNV")),
                      initiatives=(initiative("Dạy đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_FORM,
                                                                                    "Giấy khen của Chủ tịch UBND xã")]),))
    d = only(decide([result(registered=LDTT, initiative=("Dạy viết", "Trường"))], history)[0])
    assert not d.granted
    assert (f"sáng kiến 'Dạy đọc' đã dùng cho Giấy khen của Chủ tịch UBND xã năm 2024-2025: không dùng lại cho "
            f"{BK_NAME} (CV 5007/BNV-TĐKT)") in d.reason


def test_a_sang_kien_used_for_a_form_cannot_serve_a_title():
    history = History(people=THREE_YEARS, initiatives=(
        initiative("Dạy đọc", "2023-2024", level="Tỉnh", used=[Use("2024-2025", USED_FOR_FORM, BK_TINH)]),))
    d = only(decide([result(registered=CSTD_TINH)], history)[0], title=CSTD_TINH)
    assert not d.granted and not d.pending
    assert d.reason.startswith(f"sáng kiến 'Dạy đọc' đã dùng cho {BK_NAME} năm 2024-2025: không dùng lại cho Chiến sĩ "
                               "thi đua cấp tỉnh (CV 5007/BNV-TĐKT)")


def test_a_title_reusing_a_sang_kien_is_warned_not_refused():
    history = History(people=(row("2024-2025"),), initiatives=(
        initiative("Dạy đọc", "2023-2024", used=[Use("2023-2024", USED_FOR_TITLE, CSTDCS)]),))
    person = result(rating="HTTNV", initiative=("Dạy Đọc", "Trường"))  # CSTĐCS on the sáng kiến, named another way
    found, _ = decide([person], history)
    assert only(found).granted  # the Bằng khen rests on the two CSTĐCS, not on the sáng kiến
    [warned] = [i for i in found.issues if i.code == "initiative.reused"]
    assert warned.severity == WARNING
    assert warned.message.startswith("Sáng kiến 'Dạy đọc' của Nguyễn Thị Lan (GV01) đã dùng cho Chiến sĩ thi đua cơ sở "
                                     "năm 2023-2024, năm nay dùng lại cho Chiến sĩ thi đua cơ sở.")
    [flag] = found.flags["GV01"]
    assert flag.text == ("sáng kiến 'Dạy đọc' đã dùng cho Chiến sĩ thi đua cơ sở năm 2023-2024, năm nay dùng lại cho "
                         "Chiến sĩ thi đua cơ sở – Hội đồng xem xét (CV 5007/BNV-TĐKT)")


def test_a_cstdcs_resting_on_a_sang_kien_used_for_a_form_is_flagged():
    history = History(people=(row("2024-2025"),), initiatives=(
        initiative("Dạy đọc", "2023-2024", used=[Use("2023-2024", USED_FOR_FORM, BK_TINH)]),))
    found, _ = decide([result(rating="HTTNV", initiative=("Dạy đọc", "Trường"))], history)
    [said] = [i for i in found.issues if i.code == "initiative.form_for_title"]
    assert f"đã dùng cho {BK_NAME} năm 2023-2024, nên không dùng được cho danh hiệu Chiến sĩ thi đua cơ sở" in said.message
    assert found.flags["GV01"][0].text.endswith("không dùng được cho danh hiệu Chiến sĩ thi đua cơ sở (CV "
                                                "5007/BNV-TĐKT) – Hội đồng xem lại")


@pytest.mark.parametrize("condition, warned", [("hoặc", False), ("và", True)])
def test_an_htxsnv_cstdcs_needs_its_sang_kien_only_under_va(condition, warned):
    history = History(people=(row("2024-2025"),), initiatives=(
        initiative("Dạy đọc", "2023-2024", used=[Use("2023-2024", USED_FOR_TITLE, CSTDCS)]),))
    found, _ = decide([result(initiative=("Dạy đọc", "Trường"))], history, condition=condition)
    assert bool(found.flags) is warned


def test_history_of_this_year_is_not_read_twice():
    history = History(people=(row(YEAR, titles=(LDTT,)), row("2024-2025")))
    assert only(decide([result()], history)[0]).granted
