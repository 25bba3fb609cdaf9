"""The multi-year decisions (decide.history): each rule at its edges, the matching of the roster to the history,
and a sáng kiến counted once — asserted on the words people read and the years each decision used; what a
history not read leaves pending; the texts each reason cites, by the school's province and reference day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.conftest import campaign_dict
from thidua_xlsx.decide import history as dh
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import history as hs
from thidua_xlsx.model.council import Tally
from thidua_xlsx.model.history import (
    BK_TINH,
    KNC_GD,
    MATCH_CODE,
    MATCH_CODE_AND_NAME,
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
from thidua_xlsx.model.issues import NOTE, WARNING, Problems, reason
from thidua_xlsx.model.results import STATUS_SUBMITTED, Decision, DepartmentResult, PersonResult, Summary, is_granted
from thidua_xlsx.model.titles import CSTD_TINH, CSTDCS, LDTT, NO_PROPOSAL, TTLDTT, TTLDXS
from thidua_xlsx.read.rule_sets import with_rule_set

YEAR = "2025-2026"
BK_BASIS = "(theo quy định của tỉnh/thành phố)"  # the test school has picked no province
KNC_BASIS = "(TT 07/2026/TT-BGDĐT; số năm theo TT 29/2023/TT-BGDĐT điều 8, chưa đối chiếu với TT 07/2026)"
BK_NAME = "Bằng khen của Chủ tịch UBND tỉnh"


def roster(code="GV01", name="Nguyễn Thị Lan", dob="1985-01-02", start="") -> cm.Person:
    return cm.Person(code, name, "T1", "Giáo viên", dob=dob, start=start)


def campaign(*staff: cm.Person, condition: str = "hoặc", province: str = "", filing: str = "") -> cm.Campaign:
    """The test school (scoring deadline 20/05/2026); a province or a filing date picks its rule set as a load does."""
    base = cm.from_dict(campaign_dict())
    found = dataclasses.replace(base, staff=staff or (roster(),),
                                school=dataclasses.replace(base.school, province=province, filing_date=filing),
                                rules=dataclasses.replace(base.rules, cstdcs_condition=condition))
    if not (province or filing):
        return found
    problems = Problems()
    found = with_rule_set(found, problems, dt.date(2026, 6, 1))
    assert list(problems) == [] and found.rule_set is not None
    return found


def result(code="GV01", name="Nguyễn Thị Lan", *, cstdcs=True, rating="HTXSNV", registered=CSTDCS, form="",
           initiative: tuple[str, str] | None = None, council="") -> PersonResult:
    """This year's result: CSTĐCS granted or not, the rating, a recognised sáng kiến (name, level), the council's
    choice."""
    name_, level = initiative or ("", "")
    facts = cm.Facts(rating=rating, initiative=name_, initiative_level=level,
                     initiative_decision="15/QĐ-TH" if initiative else "")
    cited = (reason("basis.cite", citation="Luật TĐKT 2022 điều 23"),)
    decisions = (Decision(LDTT, True),) + ((Decision(CSTDCS, cstdcs, cited),) if registered != LDTT else ())
    return PersonResult(code, name, "T1", "Tổ 1", "Giáo viên", "Giáo viên", STATUS_SUBMITTED, registered=registered,
                        form=form, facts=facts, decisions=decisions, council_decision=council)


def row(year, titles=(LDTT, CSTDCS), rating="HTXSNV", code="GV01", name="Nguyễn Thị Lan", dob="1985-01-02",
        **changes) -> PersonYear:
    return PersonYear(year, code, name, dob, rating, tuple(titles), **changes)


def decide(people, history: History, staff=None, departments=(), condition="hoặc", **school):
    c = campaign(*(staff or ()), condition=condition, **school)
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


def test_a_sang_kien_with_no_year_typed_may_be_in_the_run_the_bang_khen_waits():
    """A sáng kiến of the registry with neither its school year nor its decision's date: not known to be outside the
    HTXSNV run, so never counted out — the Bằng khen waits for its year, said."""
    history = History(people=(row("2024-2025", titles=(LDTT,)), row("2023-2024", titles=(LDTT,), rating="HTTNV")),
                      initiatives=(initiative("Dạy đọc", "2024-2025"), initiative("Dạy viết", "")))
    d = only(decide([result(registered=LDTT)], history)[0])
    assert d.pending and not d.granted
    assert "chưa rõ năm công nhận của sáng kiến Dạy viết" in d.reason and "chỉ có 1 sáng kiến" not in d.reason

    typed = History(people=history.people, initiatives=(initiative("Dạy đọc", "2024-2025"),
                                                        initiative("Dạy viết", "2022-2023")))
    assert "chỉ có 1 sáng kiến dùng được" in only(decide([result(registered=LDTT)], typed)[0]).reason


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
    assert d.reasons[0].text == ("đủ điều kiện đề nghị: 3 lần liên tục CSTĐCS (2023-2024, 2024-2025, 2025-2026) và "
                                 "sáng kiến 'Dạy đọc' được công nhận cấp Tỉnh năm 2023-2024 (Luật Thi đua, khen thưởng "
                                 "2022 điều 22 khoản 1)")


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

ROW = Service("GV01", "Nguyễn Thị Lan")  # a Thâm niên row read whole: nothing typed but the person


def medal(start="", service: Service | None = ROW, rows=(), others=(), unknown=(), **school) -> tuple:
    staff = [roster(start=start), *others]
    people = [result(cstdcs=False, rating="HTTNV", registered=LDTT)] + \
        [result(p.code, p.name, cstdcs=False, rating="HTTNV", registered=LDTT) for p in others]
    history = History(people=tuple(rows), service=(service,) if service else (), unknown=unknown)
    found, _ = decide(people, history, staff=staff, **school)
    decisions = [d for d in found.people.get("GV01", ()) if d.title == KNC_GD]
    return (decisions[0] if decisions else None), found


def test_twenty_years_in_the_sector_give_the_medal():
    d, _ = medal("2006-06-01")
    assert d.granted and not d.pending
    assert d.reason == ("đủ điều kiện: 20 năm công tác trong ngành (vào ngành 01/06/2006, tính đến 31/05/2026), cần từ "
                        f"20 năm {KNC_BASIS}")


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
    assert d.reason == f"đã được tặng năm 2019-2020: Kỷ niệm chương chỉ tặng một lần {KNC_BASIS}"


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
     f"đủ điều kiện: 2 năm liên tục TTLĐXS (2024-2025, 2025-2026) {BK_BASIS}"),
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
    assert asked.severity == WARNING
    assert "lịch sử có 2 người cùng họ tên và ngày sinh (mã CU-07, CU-08)" in asked.message
    d = only(found, "GV09")
    assert d.pending and not d.granted and d.years == ()
    assert d.reason.startswith("chưa đủ thông tin: lịch sử có nhiều người cùng họ tên và ngày sinh (mã CU-07, CU-08)")


def test_earlier_years_under_a_code_changed_since_are_read_with_the_code_s_said():
    """GV09 this year and last; the year before under CU-07 with its provincial sáng kiến, the same name and birth
    date (the code changed): CSTĐ cấp tỉnh counts the three years, and the match is said (docs/domain.md §4c: by name
    and birth date where the code changed)."""
    history = History(people=(row("2024-2025", code="GV09"), row("2023-2024", code="CU-07")),
                      initiatives=(initiative("Dạy đọc", "2023-2024", level="Tỉnh", author="CU-07"),))
    found, issues = decide([result("GV09", registered=CSTD_TINH)], history, staff=[roster("GV09")])
    assert found.matches["GV09"].how == MATCH_CODE_AND_NAME and found.matches["GV09"].codes == ("GV09", "CU-07")
    [said] = issues
    assert said.severity == NOTE and said.message.startswith(
        "Nguyễn Thị Lan (GV09): lịch sử còn có dòng dưới mã CU-07 cùng họ tên và ngày sinh (02/01/1985); đã tính là "
        "cùng một người với mã GV09.")
    d = only(found, "GV09", title=CSTD_TINH)
    assert d.granted and d.years == ("2023-2024", "2024-2025")


def test_a_year_said_otherwise_under_the_person_s_two_codes_waits_never_guessed():
    """2024-2025 under GV09 says LĐTT only, under the earlier CU-07 LĐTT and CSTĐCS: which row is right is not known,
    so the Bằng khen waits for the two rows to be made one — never a "no" from the one read first."""
    history = History(people=(row("2024-2025", code="GV09", titles=(LDTT,)), row("2024-2025", code="CU-07")))
    found, _issues = decide([result("GV09")], history, staff=[roster("GV09")])
    d = only(found, "GV09")
    assert d.pending and not d.granted
    assert d.reason.startswith("chưa xét xong: năm 2024-2025 của người này có hai dòng ghi khác nhau")


def test_a_fact_left_blank_under_one_of_the_person_s_codes_says_nothing_against_the_other():
    """2024-2025 under GV09 rated HTXSNV, the same year under the earlier CU-07 with its rating left blank: the two rows
    do not disagree (as two rows of one code would not), so the year counts."""
    history = History(people=(row("2024-2025", code="GV09"), row("2024-2025", code="CU-07", rating=None)))
    found, _issues = decide([result("GV09")], history, staff=[roster("GV09")])
    assert only(found, "GV09").granted and only(found, "GV09").years == ("2024-2025",)


def test_two_earlier_codes_of_one_name_and_birth_date_are_not_read_as_hers():
    """GV09 in the history, and two more codes of her name and birth date: which of them, if either, is hers is not
    known, so neither is read with hers (as a person found by name alone among two is asked about)."""
    history = History(people=(row("2024-2025", code="GV09"), row("2023-2024", code="CU-07"),
                              row("2023-2024", code="CU-08")))
    matches, issues = dh.match([roster("GV09")], history)
    assert matches["GV09"].how == MATCH_CODE and matches["GV09"].codes == ("GV09",) and issues == ()


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
                      initiatives=(initiative("Dạy "
                                              "đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_TITLE, CSTDCS)]),))
    person = result(cstdcs=False, registered=LDTT, initiative=("Dạy viết", "Trường"))
    d = only(decide([person], history)[0])
    assert not d.granted and not d.pending
    assert (f"sáng kiến 'Dạy đọc' đã dùng cho danh hiệu Chiến sĩ thi đua cơ sở năm 2024-2025: không dùng cho hình "
            f"thức khen thưởng {BK_NAME} (CV 5007/BNV-TĐKT)") in d.reason


def test_a_sang_kien_never_serves_two_forms():
    history = History(people=(row("2024-2025", titles=(LDTT,)), row("2023-2024", titles=(LDTT,), rating="HTTNV")),
                      initiatives=(initiative("Dạy đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_FORM,
                                                                                    "Giấy khen của Chủ tịch UBND "
                                                                                    "xã")]),))
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
    assert f"đã dùng cho {BK_NAME} năm 2023-2024, nên không dùng được cho danh hiệu Chiến sĩ thi đua cơ sở" \
        in said.message
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


# --- what a history not read leaves pending ------------------------------------------------------------

NOT_READ = History(unknown=hs.ALL_PARTS)  # a broken, truncated or wrong book: nothing of it is known
PEOPLE_NOT_READ = ("chưa đủ thông tin: năm {years} – kết quả các năm trước (sheet Cá nhân của sổ lịch sử) không đọc "
                   "được, xem sheet Kiểm tra")


@pytest.mark.parametrize("title, text", [
    (CSTD_TINH, PEOPLE_NOT_READ.format(years="2023-2024, 2024-2025") + "; chưa đủ thông tin: sáng kiến các năm trước "
     "và việc đã dùng (sheet Sáng kiến của sổ lịch sử) không đọc được, xem sheet Kiểm tra; cần 3 lần liên tục CSTĐCS "
     "tính cả năm nay và một sáng kiến được công nhận cấp tỉnh trở lên (Luật Thi đua, khen thưởng 2022 điều 22 khoản "
     "1)"),
    (BK_TINH, PEOPLE_NOT_READ.format(years="2024-2025") + "; cần 2 lần liên tục CSTĐCS, hoặc liên tục từ 2 năm HTXSNV "
     f"trở lên với 2 sáng kiến trong thời gian đó, tính cả năm nay {BK_BASIS}"),
    (KNC_GD, "chưa đủ thông tin: 35 năm 9 tháng trong ngành (vào ngành 01/09/1990, tính đến 31/05/2026) nhưng lịch sử "
     "không có sheet Thâm niên đọc được (xem sheet Kiểm tra; các bảng tổng hợp cuối năm không ghi năm nhận Kỷ niệm "
     "chương: hãy dùng sổ lịch sử): chưa biết đã được tặng chưa (Kỷ niệm chương chỉ tặng một lần) " + KNC_BASIS),
])
def test_a_history_not_read_leaves_every_multi_year_decision_pending(title, text):
    found, _ = decide([result(registered=CSTD_TINH)], NOT_READ, staff=[roster(start="1990-09-01")],
                      departments=[department()])
    d = only(found, title=title)
    assert (d.granted, d.pending, d.reason) == (False, True, text)
    [collective] = found.departments["T1"]
    assert (collective.granted, collective.pending) == (False, True)
    assert collective.reason.startswith("chưa đủ thông tin: năm 2024-2025 – kết quả các năm trước của tổ (sheet Tập "
                                        "thể của sổ lịch sử) không đọc được")


@pytest.mark.parametrize("registered, title, text", [
    # three years HTXSNV, this year's sáng kiến and the others not known
    (LDTT, BK_TINH, "năm nay không đạt CSTĐCS; chưa đủ thông tin: sáng kiến các năm trước và việc đã dùng (sheet Sáng "
                    "kiến của sổ lịch sử) không đọc được, xem sheet Kiểm tra; cần 2 lần liên tục CSTĐCS"),
    (CSTD_TINH, CSTD_TINH, "chưa đủ thông tin: sáng kiến các năm trước và việc đã dùng"),
])
def test_sang_kien_not_read_leave_what_needs_them_pending(registered, title, text):
    years = (row("2024-2025"), row("2023-2024"))
    person = result(registered=registered, cstdcs=registered != LDTT, initiative=("Dạy viết", "Trường"))
    d = only(decide([person], History(people=years, unknown=(hs.INITIATIVES_PART,)))[0], title=title)
    assert not d.granted and d.pending and d.reason.startswith(text)


# --- Kỷ niệm chương: given once, so granted only where it is known not received ----------------------------------

NO_ROW = ("sheet Thâm niên của lịch sử chưa có dòng của người này (hãy thêm: ngày vào ngành, số năm ở vùng đặc biệt "
          "khó khăn, năm nhận Kỷ niệm chương – để trống nếu chưa nhận)")


@pytest.mark.parametrize("start, service, unknown, decided, text", [
    ("2006-06-01", ROW, (), "granted", "đủ điều kiện: 20 năm công tác trong ngành (vào ngành 01/06/2006, tính đến "
                                       f"31/05/2026), cần từ 20 năm {KNC_BASIS}"),
    ("2006-06-01", None, (), "pending", "chưa đủ thông tin: 20 năm trong ngành (vào ngành 01/06/2006, tính đến "
                                        f"31/05/2026) nhưng {NO_ROW}: chưa biết đã được tặng chưa (Kỷ niệm chương chỉ "
                                        f"tặng một lần) {KNC_BASIS}"),
    # 15 years: enough after 5 years in especially difficult areas, which the missing row would say
    ("2011-06-01", None, (), "pending", "chưa đủ thông tin: 15 năm trong ngành (vào ngành 01/06/2011, tính đến "
                                        f"31/05/2026) nhưng {NO_ROW}: chưa biết đã được tặng chưa (Kỷ niệm chương chỉ "
                                        f"tặng một lần), và có thể chưa đủ số năm {KNC_BASIS}"),
    ("2011-06-02", None, (), None, ""),  # under 15 years: not even so
    ("2006-06-01", ROW, (hs.SERVICE_PART,), "pending",
     "chưa đủ thông tin: 20 năm trong ngành (vào ngành 01/06/2006, tính đến 31/05/2026) nhưng lịch sử không có sheet "
     "Thâm niên đọc được"),
    ("2006-06-01", dataclasses.replace(ROW, unread=("medal_year",)), (), "pending",
     "chưa đủ thông tin: 20 năm trong ngành (vào ngành 01/06/2006, tính đến 31/05/2026) nhưng ô 'Năm học nhận Kỷ niệm "
     "chương' của người này ở sheet Thâm niên không đọc được (xem sheet Kiểm tra): chưa biết đã được tặng chưa"),
    ("2005-03-01", dataclasses.replace(ROW, unread=("uncounted_years",)), (), "pending",
     "chưa đủ thông tin: 21 năm 3 tháng trong ngành (vào ngành 01/03/2005, tính đến 31/05/2026) nhưng ô 'Số năm không "
     "tính (kỷ luật)' của người này"),
    ("2006-06-01", None, (hs.SERVICE_PART,), "pending", "chưa đủ thông tin: 20 năm trong ngành"),
])
def test_whether_the_medal_was_received_must_be_known(start, service, unknown, decided, text):
    d, _ = medal(start, service, unknown=unknown)
    if decided is None:
        assert d is None
        return
    assert (d.granted, d.pending) == (decided == "granted", decided == "pending")
    assert d.reason.startswith(text)


def test_a_medal_received_is_known_from_the_years_when_the_thâm_niên_is_not():
    d, _ = medal("2000-09-01", None, rows=(PersonYear("2019-2020", "GV01", "Nguyễn Thị Lan", forms=(KNC_GD,)),),
                 unknown=(hs.SERVICE_PART,))
    assert (d.granted, d.pending, d.years) == (False, False, ("2019-2020",))
    assert d.reason.startswith("đã được tặng năm 2019-2020: Kỷ niệm chương chỉ tặng một lần")


def test_a_start_in_the_sector_after_the_year_is_said_and_not_known():
    d, found = medal("2030-09-01")
    assert (d.granted, d.pending) == (False, True)
    assert d.reason == ("chưa đủ thông tin: ngày vào ngành 01/09/2030 ở sheet Nhân sự là sau ngày tính (31/05/2026) – "
                        f"hãy sửa {KNC_BASIS}")
    [said] = [i for i in found.issues if i.code == "history.start_to_come"]
    assert (said.severity, said.sheet) == (WARNING, "Nhân sự")
    assert said.render() == ("[Nhân sự] Nguyễn Thị Lan (GV01): ngày vào ngành 01/09/2030 ở sheet Nhân sự là sau ngày "
                             "tính Kỷ niệm chương (31/05/2026): coi như chưa biết. Hãy sửa ngày ở cột Ngày vào ngành "
                             "rồi chạy lại.")


# --- the texts each reason cites -----------------------------------------------------------------------------------

@pytest.mark.parametrize("school, person, collective", [
    ({}, BK_BASIS, BK_BASIS),
    ({"province": "Bắc Ninh"}, "(QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 3 khoản 3 điểm a)",
     "(QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh điều 3 khoản 3 điểm c)"),
    ({"province": "Bắc Ninh", "filing": "2025-12-10"}, "(theo quy định của tỉnh/thành phố Bắc Ninh)",
     "(theo quy định của tỉnh/thành phố Bắc Ninh)"),  # QĐ 86/2025 in force from 15/12/2025
    ({"province": "Hải Phòng"}, "(theo quy định của tỉnh/thành phố Hải Phòng)",
     "(theo quy định của tỉnh/thành phố Hải Phòng)"),  # never Bắc Ninh's text for another province
])
def test_the_bang_khen_cites_the_schools_own_province(school, person, collective):
    history = History(people=(row("2024-2025"),), departments=(DepartmentYear("2024-2025", "T1", "Tổ 1", (TTLDXS,)),))
    found, _ = decide([result()], history, departments=[department()], **school)
    d = only(found)
    assert d.granted and d.reason == f"đủ điều kiện: 2 lần liên tục CSTĐCS (2024-2025, 2025-2026) {person}"
    [c] = found.departments["T1"]
    assert c.granted and c.reason == f"đủ điều kiện: 2 năm liên tục TTLĐXS (2024-2025, 2025-2026) {collective}"


@pytest.mark.parametrize("school, basis", [
    ({}, KNC_BASIS),  # the scoring deadline, 20/05/2026
    ({"filing": "2026-04-02"}, KNC_BASIS),  # TT 07/2026/TT-BGDĐT in force
    ({"filing": "2026-04-01"}, "(TT 29/2023/TT-BGDĐT điều 8)"),
])
def test_the_medal_cites_the_circular_in_force_on_the_filing_date(school, basis):
    d, _ = medal("2006-06-01", **school)
    assert d.granted and d.reason == ("đủ điều kiện: 20 năm công tác trong ngành (vào ngành 01/06/2006, tính đến "
                                      f"31/05/2026), cần từ 20 năm {basis}")


# --- one achievement, one reward; a sáng kiến spent on an award form carries no CSTĐCS -----------------------------

ONE_ACHIEVEMENT = ("cùng 3 lần liên tục CSTĐCS (2023-2024, 2024-2025, 2025-2026) được đề nghị cả Chiến sĩ thi đua cấp "
                   f"tỉnh và {BK_NAME}: không khen thưởng nhiều hình thức cho một thành tích (Luật TĐKT 2022 điều 5 "
                   "khoản 2 điểm c) – Hội đồng chọn một")


@pytest.mark.parametrize("level, cstd_granted, flagged", [
    ("Tỉnh", True, True),  # CSTĐ cấp tỉnh and the Bằng khen on the same three years
    ("Trường", False, False),  # no CSTĐ cấp tỉnh: the Bằng khen alone
])
def test_one_run_of_cstdcs_years_for_two_rewards_is_flagged_on_both(level, cstd_granted, flagged):
    history = History(people=THREE_YEARS, initiatives=(initiative("Dạy đọc", "2023-2024", level=level),))
    found, _ = decide([result(registered=CSTD_TINH)], history)
    cstd, bk = only(found, title=CSTD_TINH), only(found)
    assert (cstd.granted, bk.granted) == (cstd_granted, True)
    for d in (cstd, bk):
        assert (d.reasons[-1].text == ONE_ACHIEVEMENT) is flagged
    assert bool([i for i in found.issues if i.code == "history.one_achievement"]) is flagged
    if flagged:
        [said] = [i for i in found.issues if i.code == "history.one_achievement"]
        assert said.severity == WARNING and said.message.startswith(
            "Nguyễn Thị Lan (GV01): cùng 3 lần liên tục CSTĐCS (2023-2024, 2024-2025, 2025-2026) được đề nghị cả Chiến "
            f"sĩ thi đua cấp tỉnh và {BK_NAME}.")
        assert [f.text for f in found.flags["GV01"]] == [ONE_ACHIEVEMENT]


GIAY_KHEN = "Giấy khen của Chủ tịch UBND xã"
SPENT = ("sáng kiến 'Dạy đọc' đã dùng cho Giấy khen của Chủ tịch UBND xã năm 2024-2025: không dùng được cho danh hiệu "
         "Chiến sĩ thi đua cơ sở (CV 5007/BNV-TĐKT; Luật TĐKT 2022 điều 5 khoản 2 điểm c), và năm nay không có điều "
         "kiện khác thay cho sáng kiến – không đề nghị; Hội đồng có thể quyết định khác, ghi lý do; căn cứ Luật TĐKT "
         "2022 điều 23")


@pytest.mark.parametrize("rating, condition, council, use, kept, said, text", [
    ("HTTNV", "hoặc", "", Use("2024-2025", USED_FOR_FORM, GIAY_KHEN), False, "initiative.form_for_title", SPENT),
    ("HTXSNV", "và", "", Use("2024-2025", USED_FOR_FORM, GIAY_KHEN), False, "initiative.form_for_title", SPENT),
    ("HTXSNV", "hoặc", "", Use("2024-2025", USED_FOR_FORM, GIAY_KHEN), True, None, ""),  # HTXSNV alone is enough
    ("HTTNV", "hoặc", CSTDCS, Use("2024-2025", USED_FOR_FORM, GIAY_KHEN), True, "initiative.form_for_title_council",
     ""),  # the council chose it: its word, warned
    ("HTTNV", "hoặc", "", Use("2024-2025", USED_FOR_TITLE, CSTDCS), True, "initiative.reused", ""),  # warned only
])
def test_a_cstdcs_on_a_sang_kien_spent_on_an_award_form_is_withdrawn(rating, condition, council, use, kept, said,
                                                                     text):
    history = History(people=(row("2024-2025", titles=(LDTT,)),),
                      initiatives=(initiative("Dạy đọc", "2024-2025", used=[use]),))
    person = result(rating=rating, initiative=("Dạy đọc", "Trường"), council=council)
    found, _ = decide([person], history, condition=condition)
    assert ("GV01" not in found.withdrawn) is kept
    if not kept:
        [d] = found.withdrawn["GV01"]
        assert (d.title, d.granted, d.pending, d.reason) == (CSTDCS, False, False, text)
        assert not any(d.granted for d in found.people.get("GV01", ()))  # no Bằng khen on the CSTĐCS withdrawn
    assert [i.code for i in found.issues if i.code.startswith("initiative.")] == ([said] if said else [])


def test_the_departments_are_decided_again_without_the_withdrawn_cstdcs():
    c = campaign(roster(start="2015-09-01"))
    facts = cm.Facts(rating="HTTNV", months=12, discipline="Không", under_review=False, initiative="Dạy đọc",
                     initiative_level="Trường", initiative_decision="15/QĐ-TH")
    person = dataclasses.replace(result(rating="HTTNV", initiative=("Dạy đọc", "Trường")), facts=facts)
    unit = DepartmentResult("T1", "Tổ khối 1", 1, True, collective=TTLDXS, decisions=(Decision(TTLDXS, True),))
    summary = Summary(c, "cham-diem", (), (person,), (unit,), (), None)
    history = History(people=(row("2024-2025", titles=(LDTT,)),), service=(ROW,), initiatives=(
        initiative("Dạy đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_FORM, GIAY_KHEN)]),))

    after = dh.with_history(summary, history)

    [p] = after.people
    assert not p.granted(CSTDCS) and p.proposed == LDTT
    assert next(d for d in p.decisions if d.title == CSTDCS).reason == SPENT
    [d] = after.departments
    assert not is_granted(d.decisions, TTLDXS)  # its only CSTĐCS gone
    assert "collective.no_cstdcs" in {r.code for x in d.decisions for r in x.reasons}
    assert after.history.departments == {}  # no TTLĐXS this year: no collective Bằng khen to decide


def _quota_school(tally=None):
    """GV01 (95 points, its sáng kiến already spent on a Giấy khen) took the one CSTĐCS place of a 50 % quota of 2
    LĐTT; GV02 (90 points, HTXSNV) was kept out by the quota alone."""
    c = campaign(roster(start="2015-09-01"), roster("GV02", "Trần Văn Đức", start="2012-09-01"))
    c = dataclasses.replace(c, rules=dataclasses.replace(c.rules, cstdcs_quota_percent=50.0))
    facts = cm.Facts(rating="HTXSNV", months=12, maternity_months=0, discipline="Không", under_review=False)
    spent = dataclasses.replace(result(rating="HTTNV", initiative=("Dạy đọc", "Trường")), final=95.0,
                                facts=dataclasses.replace(facts, rating="HTTNV", initiative="Dạy đọc",
                                                          initiative_level="Trường", initiative_decision="15/QĐ-TH"))
    outside = Decision(CSTDCS, False, (reason("quota.outside", percent=50.0, slots=1),))
    waiting = dataclasses.replace(result("GV02", "Trần Văn Đức", cstdcs=False), facts=facts, final=90.0,
                                  decisions=(Decision(LDTT, True), outside))
    history = History(people=(row("2024-2025", titles=(LDTT,)),), service=(ROW,), initiatives=(
        initiative("Dạy đọc", "2024-2025", used=[Use("2024-2025", USED_FOR_FORM, GIAY_KHEN)]),))
    return Summary(c, "cham-diem", (), (spent, waiting), (), (), None, tally=tally), history


def test_a_quota_place_freed_by_a_withdrawn_cstdcs_goes_to_the_next_by_score():
    summary, history = _quota_school()

    after = dh.with_history(summary, history)

    lan, duc = after.people
    assert next(d for d in lan.decisions if d.title == CSTDCS).reason == SPENT
    cstdcs = next(d for d in duc.decisions if d.title == CSTDCS)
    assert cstdcs.granted and not cstdcs.pending and duc.proposed == CSTDCS
    assert "vào suất trong chỉ tiêu do Nguyễn Thị Lan để lại (không còn được đề nghị CSTĐCS: sáng kiến đã dùng cho " \
        "hình thức khen thưởng khác" in cstdcs.reason
    [said] = [i for i in after.issues if i.code.startswith("history.quota_freed")]
    assert (said.code, said.severity) == ("history.quota_freed", NOTE)
    assert "Trần Văn Đức được đề nghị CSTĐCS" in said.message


def test_after_the_council_voted_the_freed_place_waits_for_its_vote():
    tally = Tally(members=11, present=11, ballots_issued=11, ballots_returned=11, quorum_needed=8, quorum_met=True,
                  results=())
    summary, history = _quota_school(tally)

    after = dh.with_history(summary, history)

    cstdcs = next(d for d in after.people[1].decisions if d.title == CSTDCS)
    assert cstdcs.pending and not cstdcs.granted and "chờ Hội đồng bỏ phiếu" in cstdcs.reason
    assert [i.code for i in after.issues if i.code.startswith("history.quota_freed")] == ["history.quota_freed_vote"]


# --- a year typed twice in the history book ------------------------------------------------------------------------

def _typed_twice(path, second_titles: str):
    """A history book typed by hand: GV01's 2024-2025 on two rows, CSTĐCS on the first, ``second_titles`` on the
    second."""
    from thidua_xlsx.model.history_book import PEOPLE, HistoryBook, TableRows
    from thidua_xlsx.write.history import book_bytes, new_book

    headers = tuple(c.header for c in PEOPLE.columns)
    rows = tuple(tuple({"year": "2024-2025", "code": "GV01", "name": "Nguyễn Thị Lan", "rating": "HTXSNV",
                        "titles": titles}.get(c.key) for c in PEOPLE.columns)
                 for titles in ("Lao động tiên tiến, Chiến sĩ thi đua cơ sở", second_titles))
    empty = new_book("Trường Thử")
    path.write_bytes(book_bytes(HistoryBook(empty.meta, {**empty.tables, PEOPLE.sheet: TableRows(headers, rows)})))
    return path


def test_a_year_typed_twice_saying_different_things_holds_the_bang_khen_until_the_rows_are_one(tmp_path):
    """GV01's 2024-2025 typed twice, CSTĐCS on one row and LĐTT alone on the other: the book says it at the second
    row, neither row is used, and the Bằng khen (2 consecutive CSTĐCS) waits — pending, with the reason — instead of
    being granted on the first row."""
    from thidua_xlsx.read.history import read_history_book

    _book, history, problems = read_history_book(_typed_twice(tmp_path / "lich-su.xlsx", "Lao động tiên tiến"),
                                                 dt.date(2026, 6, 1))
    [said] = [p for p in problems if p.code.startswith("history.duplicate")]
    assert (said.code, said.sheet, said.cell) == ("history.duplicate_differs", "Cá nhân", "A3")
    assert "không dùng dòng nào" in said.render() and "Bằng khen" in said.render()
    assert history.people == () and history.held == (("2024-2025", "GV01"),)
    found, _ = decide([result()], history)
    d = only(found)
    assert d.pending and not d.granted, d.reason
    assert d.reason.startswith("chưa xét xong: năm 2024-2025 của người này có hai dòng ghi khác nhau"), d.reason


def test_a_year_typed_twice_saying_the_same_is_used_once(tmp_path):
    from thidua_xlsx.read.history import read_history_book

    _book, history, problems = read_history_book(_typed_twice(tmp_path / "lich-su.xlsx", ""), dt.date(2026, 6, 1))
    assert [p.code for p in problems if p.code.startswith("history.duplicate")] == ["history.duplicate_row"]
    assert len(history.people) == 1 and history.held == ()
    found, _ = decide([result()], history)
    assert only(found).granted


def test_a_department_s_year_typed_twice_saying_different_things_holds_its_bang_khen(tmp_path):
    """Tổ 1's 2024-2025 typed twice in sheet Tập thể, TTLĐXS on one row and TTLĐTT on the other: said at the second
    row, neither used, the collective Bằng khen (2 consecutive TTLĐXS) pending with the reason, not granted on the
    first row."""
    from thidua_xlsx.model.history_book import DEPARTMENTS, HistoryBook, TableRows
    from thidua_xlsx.read.history import read_history_book
    from thidua_xlsx.write.history import book_bytes, new_book

    headers = tuple(c.header for c in DEPARTMENTS.columns)
    rows = tuple(tuple({"year": "2024-2025", "code": "T1", "name": "Tổ 1", "titles": titles}.get(c.key)
                       for c in DEPARTMENTS.columns) for titles in ("Tập thể lao động xuất sắc", "TTLĐTT"))
    empty = new_book("Trường Thử")
    path = tmp_path / "lich-su.xlsx"
    path.write_bytes(book_bytes(HistoryBook(empty.meta, {**empty.tables, DEPARTMENTS.sheet: TableRows(headers, rows)})))
    _book, history, problems = read_history_book(path, dt.date(2026, 6, 1))
    assert [(p.code, p.sheet, p.cell) for p in problems if p.code.startswith("history.duplicate")] == [
        ("history.duplicate_differs", "Tập thể", "A3")]
    assert history.departments == () and history.held_departments == (("2024-2025", "T1"),)
    found, _ = decide([], history, departments=[department()])
    [d] = found.departments["T1"]
    assert (d.title, d.granted, d.pending) == (BK_TINH, False, True)
    assert d.reason.startswith("chưa xét xong: năm 2024-2025 của tổ có hai dòng ghi khác nhau"), d.reason


def test_the_years_awarded_list_what_was_received_never_a_none_typed_for_it():
    """The Báo cáo thành tích's part III: each earlier year with a title the tool knows or a form, as the history says
    it — "Không đề nghị" in Danh hiệu, "Không" in the forms, a word the reader did not know (said where it was read)
    are no award; this school year is not an earlier one."""
    history = History(people=(
        row("2022-2023", titles=(LDTT,), forms=("Không",)),
        row("2023-2024", titles=(NO_PROPOSAL, "Không")),
        row("2024-2025", titles=(LDTT, CSTDCS), forms=("Giấy khen của Hiệu trưởng",), special=("Khen đột xuất",)),
        row("2025-2026", titles=(LDTT,))))
    found, _ = decide([result()], history, staff=[roster()])
    assert found.awarded["GV01"] == (
        hs.AwardedYear("2022-2023", (LDTT,), ()),
        hs.AwardedYear("2024-2025", (CSTDCS, LDTT), ("Giấy khen của Hiệu trưởng", "Khen đột xuất")))
