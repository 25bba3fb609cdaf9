"""Leftovers of another school in the campaign: warned about at ``generate``, never refused.

The campaigns are the presets, renamed the way a secretary renames them in sheet "Trường"."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from xlsxwriter.utility import xl_col_to_name

from thidua_xlsx import service
from thidua_xlsx.check.campaign import sample_school_names, schools_named, stale_school_warnings, without_place
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model.campaign_book import STAFF_COLUMNS
from thidua_xlsx.read.presets import load_preset

SAMPLE_PLAN = ("Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 của Trường Tiểu học Trực Cường về tổ chức các phong "
               "trào thi đua và thực hiện công tác khen thưởng năm học 2025-2026;")


def renamed(level: str = "tieu-hoc", name: str = "Trường Tiểu học Nam Trực", commune: str | None = "Nam Trực",
            legal_basis: tuple[str, ...] | None = None, emails: str | None = "vanthu@namtruc.edu.vn",
            people: bool = True) -> cm.Campaign:
    """The preset of ``level`` with its school renamed (and its commune, unless ``commune`` is None), every
    e-mail set to ``emails`` (None: the preset's e-mails kept) and, with ``people``, its own people: a
    Hiệu trưởng, a Thư ký, a roster and its department heads, and its decision numbers (the school's mark)."""
    preset = load_preset(level)
    school = dataclasses.replace(preset.school, name=name)
    if commune is not None:
        school = dataclasses.replace(school, managing_body=f"UBND xã {commune}", place=commune,
                                     recipient=f"Ủy ban nhân dân xã {commune}")
    if emails is not None:
        school = dataclasses.replace(school, recipient_email=emails)
    departments, staff = preset.departments, preset.staff
    if emails is not None:
        departments = tuple(dataclasses.replace(d, email=emails) for d in departments)
    if people:
        school = dataclasses.replace(school, principal="Vũ Minh Khôi", secretary="Tạ Thị Ngân")
        own = {p.name: f"Giáo viên Số {n}" for n, p in enumerate(staff, start=1)}
        staff = tuple(dataclasses.replace(p, name=own[p.name], facts=dataclasses.replace(
            p.facts, initiative=p.facts.initiative.replace(preset.school.name, name),
            initiative_decision=p.facts.initiative_decision.split("-")[0] + "-THNT"
            if p.facts.initiative_level == "Trường" else p.facts.initiative_decision)) for p in staff)
        departments = tuple(dataclasses.replace(d, head=own.get(d.head, "Giáo viên Số 1")) for d in departments)
    return dataclasses.replace(preset, school=school, departments=departments, staff=staff,
                               legal_basis=preset.legal_basis if legal_basis is None else legal_basis)


def warnings_for(campaign: cm.Campaign) -> list[tuple[str, str, dict]]:
    return [(w.code, w.sheet, dict(w.params)) for w in stale_school_warnings(campaign, sample_school_names(),
                                                                           "campaign.xlsx")]


# --- the pure check ----------------------------------------------------------------------------------


def test_the_sample_schools_are_those_of_the_presets():
    samples = {s.name: s for s in sample_school_names()}
    assert set(samples) == {load_preset(level).school.name for level in cm.LEVELS}
    sample = samples["Trường Tiểu học Trực Cường"]
    assert sample.marks == {"THTC"} and sample.principal == "Đinh Tất Đắc" and "Lê Thị Hồng Nhung" in sample.people


@pytest.mark.parametrize("level", cm.LEVELS)
def test_a_preset_as_it_comes_raises_nothing(level):
    assert warnings_for(load_preset(level)) == []


@pytest.mark.parametrize("level", cm.LEVELS)
def test_a_school_renamed_everywhere_raises_nothing(level):
    campaign = renamed(level, legal_basis=load_preset(level).legal_basis[:-1] + (
        "Căn cứ Kế hoạch số 12/KH-THNT ngày 10/9/2025 của Trường Tiểu học Nam Trực về công tác thi đua;",))

    assert warnings_for(campaign) == []


LINES = [  # (a line of the legal basis of "Trường Tiểu học Nam Trực", managed by UBND xã Nam Trực; code, found)
    (SAMPLE_PLAN, "campaign.legal_other_school", "Trường Tiểu học Trực Cường"),
    ("Căn cứ Kế hoạch số 3/KH ngày 1/9/2025 của Trường THCS Kim Sơn;", "campaign.legal_other_school",
     "Trường THCS Kim Sơn"),
    ("Căn cứ Kế hoạch liên tịch với trường PT DTNT THCS và THPT Mai Châu;", "campaign.legal_other_school",
     "trường PT DTNT THCS và THPT Mai Châu"),
    ("Căn cứ Kế hoạch số 9/KH của Trường Tiểu học Hòa Bình (năm trước);", "campaign.legal_other_school",
     "Trường Tiểu học Hòa Bình"),
    ("CĂN CỨ KẾ HOẠCH CỦA TRƯỜNG TIỂU HỌC TRỰC CƯỜNG;", "campaign.legal_other_school",
     "TRƯỜNG TIỂU HỌC TRỰC CƯỜNG"),
    ("Căn cứ Công văn số 15/UBND ngày 2/9/2025 của UBND xã Trực Cường;", "campaign.legal_sample_school", "Trực Cường"),
    ("Căn cứ Kế hoạch số 12/KH-THNT của Trường Tiểu học Nam Trực;", None, None),
    ("Căn cứ Kế hoạch số 12/KH-THNT của trường TH Nam Trực;", None, None),
    ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;", None, None),
    ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;", None, None),
    ("Căn cứ Hướng dẫn số 1234/SGDĐT-TĐKT của Sở GD&ĐT tỉnh Ninh Bình;", None, None),
    ("Căn cứ Quyết định số 5/QĐ-UBND của UBND xã Nam Trực;", None, None),
    ("Căn cứ trường hợp đặc biệt do Hội đồng xét trong môi trường Tiểu học an toàn;", None, None),
    ("Căn cứ ý kiến của ông Lê Trường Giang, Chủ tịch UBND xã Nam Trực;", None, None),
]


@pytest.mark.parametrize("line, code, found", LINES, ids=[f"line{i}" for i in range(len(LINES))])
def test_a_legal_basis_line_naming_another_school_is_warned(line, code, found):
    warnings = warnings_for(renamed(legal_basis=(line,)))

    if code is None:
        assert warnings == []
        return
    assert [(c, sheet) for c, sheet, _ in warnings] == [(code, "Căn cứ")]
    params = warnings[0][2]
    assert (params["line"], params["found"], params["school"]) == (line, found, "Trường Tiểu học Nam Trực")


def test_the_warning_says_where_what_and_what_to_do_in_vietnamese():
    (warning,) = stale_school_warnings(renamed(legal_basis=(SAMPLE_PLAN,)), sample_school_names(), "campaign.xlsx")

    assert warning.severity_label == "Cảnh báo"
    assert warning.render() == (
        f'[campaign.xlsx · Căn cứ] Dòng căn cứ "{SAMPLE_PLAN}" nhắc tới Trường Tiểu học Trực Cường, không phải '
        "trường của chiến dịch (Trường Tiểu học Nam Trực, sheet Trường). Nếu dòng này còn sót từ trường mẫu hoặc "
        "trường khác, hãy sửa lại ở sheet Căn cứ cho đúng trường mình (tên trường, số và ngày văn bản).")


def test_emails_of_the_sample_school_are_warned_with_their_sheet_and_owner():
    campaign = renamed(legal_basis=(), emails=None)  # the preset's: vhxh.truccuong@…, tokhoi1.thtruccuong@…

    warnings = warnings_for(campaign)

    assert [(code, sheet, params["owner"]) for code, sheet, params in warnings] == [
        ("campaign.email_sample_school", "Trường", "Ủy ban nhân dân xã Nam Trực"),
        *(("campaign.email_sample_school", "Tổ", d.name) for d in campaign.departments)]
    assert warnings[1][2]["email"] == "tokhoi1.thtruccuong@ninhbinh.edu.vn"
    assert warnings[1][2]["sample"] == "Trường Tiểu học Trực Cường"


@pytest.mark.parametrize("email, warned", [
    ("mnkimthu@hanoiedu.vn", True),  # the mầm non sample, Kim Thư
    ("kimthuy.nguyen@gmail.com", False),  # a person named Kim Thúy, not Kim Thư
    ("totoan.dtntmaichau@phutho.edu.vn", True),
    ("tokhoi1.thnamtruc@ninhbinh.edu.vn", False),
])
def test_an_email_is_warned_only_for_a_sample_school_word(email, warned):
    warnings = warnings_for(renamed(legal_basis=(), emails=email))

    assert bool(warnings) is warned
    assert all(params["email"] == email for _, _, params in warnings)


def test_a_school_of_the_sample_commune_may_keep_the_commune_in_its_lines_and_emails():
    """A THCS of xã Trực Cường: 'UBND xã Trực Cường' and 'thcstruccuong@' are its own, not the sample's."""
    campaign = renamed(name="Trường THCS Lý Thường Kiệt", commune="Trực Cường", emails="thcslykiet.truccuong@nd.vn",
                       legal_basis=("Căn cứ Công văn số 15/UBND của UBND xã Trực Cường;",))

    assert warnings_for(campaign) == []


# The school's own name as sheet Trường often has it: with its ward (or commune) and its province after it.
WITH_PLACE = ("Trường Tiểu học Nam Trực, xã Nam Trực, tỉnh Nam Định",
              "Trường Tiểu học Nam Trực - xã Nam Trực - tỉnh Nam Định",
              "Trường Tiểu học Nam Trực xã Nam Trực tỉnh Nam Định")


@pytest.mark.parametrize("name", WITH_PLACE)
@pytest.mark.parametrize("line", [
    "Căn cứ Kế hoạch số 12/KH-THNT ngày 10/9/2025 của Trường Tiểu học Nam Trực về công tác thi đua;",
    "Căn cứ Kế hoạch số 12/KH-THNT của Trường Tiểu học Nam Trực, xã Nam Trực, tỉnh Nam Định;",
    "Căn cứ Kế hoạch số 12/KH-THNT của Trường TH Nam Trực Xã Nam Trực;",
])
def test_the_school_named_with_its_ward_and_province_is_the_school_itself(name, line):
    campaign = renamed(name=name, legal_basis=(line,), emails="tokhoi1.thnamtruc.namdinh@namdinh.edu.vn")

    assert warnings_for(campaign) == []


@pytest.mark.parametrize("name", WITH_PLACE)
def test_another_school_is_still_warned_when_the_school_s_name_carries_its_place(name):
    lines = (SAMPLE_PLAN, "Căn cứ Kế hoạch số 3/KH của Trường THCS Kim Sơn, xã Kim Sơn, tỉnh Ninh Bình;")
    campaign = renamed(name=name, legal_basis=lines, emails=None)  # the preset's e-mails: tokhoi1.thtruccuong@…

    found = [(code, params.get("found", params.get("email"))) for code, _, params in warnings_for(campaign)]
    assert found[:3] == [("campaign.legal_other_school", "Trường Tiểu học Trực Cường"),
                         ("campaign.legal_other_school", "Trường THCS Kim Sơn"),
                         ("campaign.email_sample_school", "vhxh.truccuong@ninhbinh.gov.vn")]


def test_the_sample_s_own_school_named_with_its_place_keeps_its_own_plan_and_people():
    """The real Trường Tiểu học Trực Cường, its place after its name: its plan, numbers and people are its own."""
    preset = load_preset("tieu-hoc")
    school = dataclasses.replace(preset.school, name="Trường Tiểu học Trực Cường, xã Trực Cường, tỉnh Nam Định")

    assert warnings_for(dataclasses.replace(preset, school=school)) == []


def test_a_name_s_place_is_cut_after_its_name_proper_never_inside_it():
    assert [without_place(n) for n in (
        "Trường Tiểu học Trực Cường, xã Trực Cường, tỉnh Nam Định", "Trường TH Kim Thư phường Kim Thư",
        "Trường THCS Lê Lợi – Quận Hoàn Kiếm", "Trường Mầm non Thị trấn Chờ", "Trường TH số 1 Trực Cường")] == [
        "Trường Tiểu học Trực Cường", "Trường TH Kim Thư", "Trường THCS Lê Lợi", "Trường Mầm non Thị trấn Chờ",
        "Trường TH số 1 Trực Cường"]


def test_only_the_school_level_makes_trường_a_school():
    assert schools_named("Căn cứ trường hợp đặc biệt; UBND xã Trường Sơn; ông Lê Trường Giang") == []
    assert schools_named("của Trường TH&THCS Xuân Lộc, huyện") == ["Trường TH&THCS Xuân Lộc"]
    assert schools_named("của trường Tiểu học số 1 Trực Cường về") == ["trường Tiểu học số 1 Trực Cường"]


# --- at generate -------------------------------------------------------------------------------------


def _rename_school(book, name: str) -> None:
    wb = load_workbook(book)
    ws = wb["Trường"]
    row = next(c.row for c in ws["A"] if c.value == "Tên trường")
    ws[f"B{row}"] = name
    wb.save(book)


def _type_sample_initiatives(book, level: str) -> None:
    """The sample year's sáng kiến (name, level, decision) typed into Nhân sự, each in its person's row, as by a
    secretary copying them from the try-it sample: ``init`` leaves them empty."""
    keys = ("initiative", "initiative_level", "initiative_decision")
    wb = load_workbook(book)
    ws = wb["Nhân sự"]
    columns = {c.value: c.column_letter for c in ws[1]}
    headers = {c.key: c.header for c in STAFF_COLUMNS}
    rows = {c.value: c.row for c in ws["A"]}
    for person in (p for p in load_preset(level).staff if p.facts.initiative_decision):
        for key in keys:
            ws[f"{columns[headers[key]]}{rows[person.code]}"] = getattr(person.facts, key)
    wb.save(book)


def test_generate_warns_about_a_legal_basis_line_of_the_sample_school_and_still_writes(tmp_path):
    camp, out = tmp_path / "camp", tmp_path / "out"
    service.init_campaign(camp, "tieu-hoc", campaign_id="x")
    _rename_school(camp / "campaign.xlsx", "Trường Tiểu học Nam Trực")
    stale_line = load_preset("tieu-hoc").legal_basis[-1]

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(out)])

    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stderr.splitlines() if "Căn cứ" in line]
    assert line.startswith("Cảnh báo: [campaign.xlsx · Căn cứ") and "] Dòng căn cứ " in line
    assert stale_line in line and "Trường Tiểu học Trực Cường" in line and "Trường Tiểu học Nam Trực" in line
    assert "hãy sửa lại ở sheet Căn cứ cho đúng trường mình" in line
    assert "Traceback" not in result.output
    assert len(list(out.iterdir())) == len(load_preset("tieu-hoc").departments)
    assert "Đã tạo 5 sổ" in result.stdout


def test_generate_of_a_clean_campaign_warns_about_nothing(tmp_path):
    """The sample as ``init`` writes it is said once to be the sample (workspace.campaign_notices), not a leftover of
    itself field by field."""
    camp = tmp_path / "camp"
    service.init_campaign(camp, "tieu-hoc", campaign_id="x")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    said, *basis = result.stderr.splitlines()
    assert said.startswith("Cảnh báo: [campaign.xlsx · Trường!B4] Chiến dịch này vẫn là trường mẫu")
    # and, a later school year than the sample's plan, each line of Căn cứ naming an earlier one
    assert all(line.startswith("Cảnh báo: [campaign.xlsx · Căn cứ!A") for line in basis)


# --- leftovers in every other field that reaches a paper ---------------------------------


def _one_left(change):
    """A campaign renamed everywhere, then ``change(campaign)`` putting one leftover back."""
    return change(renamed(legal_basis=()))


def _staff(campaign, k: int, **facts):
    staff = list(campaign.staff)
    staff[k] = dataclasses.replace(staff[k], facts=dataclasses.replace(staff[k].facts, **facts))
    return dataclasses.replace(campaign, staff=tuple(staff))


def _school(campaign, **fields):
    return dataclasses.replace(campaign, school=dataclasses.replace(campaign.school, **fields))


LEFTOVERS = [  # (what is left of the sample school, the warning: code, sheet, a parameter and its value)
    (lambda c: _school(c, principal="Đinh Tất Đắc"), "campaign.person_sample_school", "Trường", "value",
     "Đinh Tất Đắc"),
    (lambda c: _school(c, secretary="Đặng Thị Thu Hà"), "campaign.person_sample_school", "Trường", "field",
     "Thư ký Hội đồng"),
    (lambda c: _school(c, criteria_resolution="02/NQ-THTC"), "campaign.number_sample_school", "Trường", "mark",
     "THTC"),
    (lambda c: _staff(c, 3, initiative_decision="45/QĐ-THTC"), "campaign.number_sample_school", "Nhân sự", "value",
     "45/QĐ-THTC"),
    (lambda c: dataclasses.replace(c, legal_basis=("Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 về thi đua;",)),
     "campaign.number_sample_school", "Căn cứ", "owner", "dòng 1"),
    (lambda c: _staff(c, 2, initiative="Dạy đọc cho học sinh lớp 1 ở Trực Cường"), "campaign.field_sample_school",
     "Nhân sự", "found", "Trực Cường"),
    (lambda c: dataclasses.replace(c, staff=load_preset("tieu-hoc").staff), "campaign.people_sample_school",
     "Nhân sự", "count", 42),
    (lambda c: dataclasses.replace(c, departments=load_preset("tieu-hoc").departments),
     "campaign.people_sample_school", "Tổ", "count", 5),
]


@pytest.mark.parametrize("change, code, sheet, key, value", LEFTOVERS, ids=[f"left{i}" for i in range(len(LEFTOVERS))])
def test_a_leftover_of_the_sample_school_in_a_field_that_reaches_a_paper_is_warned(change, code, sheet, key, value):
    warnings = [params for c, where, params in warnings_for(_one_left(change)) if (c, where) == (code, sheet)]

    assert warnings, warnings_for(_one_left(change))
    assert warnings[0][key] == value
    assert warnings[0]["sample"] == "Trường Tiểu học Trực Cường"


def test_one_name_alike_a_sample_persons_is_chance_not_a_leftover():
    campaign = renamed(legal_basis=())
    staff = list(campaign.staff)
    staff[0] = dataclasses.replace(staff[0], name="Nguyễn Thị Hương")  # a name of the sample roster, and common
    assert warnings_for(dataclasses.replace(campaign, staff=tuple(staff))) == []


def test_generate_says_every_leftover_of_a_campaign_renamed_in_sheet_truong_only(tmp_path):
    camp = tmp_path / "camp"
    service.init_campaign(camp, "tieu-hoc", campaign_id="x")
    _rename_school(camp / "campaign.xlsx", "Trường Tiểu học Nam Trực")
    _type_sample_initiatives(camp / "campaign.xlsx", "tieu-hoc")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "Hiệu trưởng (Chủ tịch Hội đồng) 'Đinh Tất Đắc' trùng với người của trường mẫu" in said
    assert "'45/QĐ-THTC' (Số QĐ công nhận, Lê Thị Hồng Nhung) có ký hiệu văn bản 'THTC' của trường mẫu" in said
    assert "42 người ở sheet Nhân sự trùng tên với danh sách mẫu của Trường Tiểu học Trực Cường" in said


# --- a real name is no leftover; each warning at its cell --------------------------------------------


def test_a_person_named_like_the_sample_schools_place_is_no_leftover():
    """"Nguyễn Kim Sơn" teaches at a real school; "Trường THCS Kim Sơn" is the THCS sample. A name is told by the
    sample's whole names (its principal, its roster), never by a place word inside it."""
    campaign = renamed("thcs", name="Trường THCS Nam Trực", legal_basis=())
    staff = list(campaign.staff)
    staff[4] = dataclasses.replace(staff[4], name="Nguyễn Kim Sơn")
    departments = (dataclasses.replace(campaign.departments[0], head="Trần Kim Sơn"), *campaign.departments[1:])
    campaign = _school(dataclasses.replace(campaign, staff=tuple(staff), departments=departments),
                       principal="Lê Kim Sơn", secretary="Hà Kim Sơn")

    assert warnings_for(campaign) == []


def test_the_same_sample_school_of_two_presets_is_said_once():
    """thcs and nd233 ship the same sample school: its leftover roster is one warning, not two."""
    samples = [s for s in sample_school_names() if s.name == "Trường THCS Kim Sơn"]
    assert len(samples) == 1
    campaign = dataclasses.replace(renamed("thcs", name="Trường THCS Nam Trực", legal_basis=()),
                                   staff=load_preset("thcs").staff)
    rosters = [params for code, _, params in warnings_for(campaign) if code == "campaign.people_sample_school"]
    assert [(r["count"], r["sample"]) for r in rosters] == [(44, "Trường THCS Kim Sơn")]


def _book_with_leftovers(tmp_path):
    """campaign.xlsx of the primary preset, its school renamed, a blank row left in Nhân sự above the 10th person
    (the cells move: a cell counted from the layout would be wrong) and a sample's sáng kiến typed back for her."""
    from tests.conftest import make_folder

    campaign = renamed(legal_basis=("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;", SAMPLE_PLAN))
    campaign = _staff(campaign, 9, initiative="Dạy đọc cho học sinh lớp 1 ở Trực Cường")
    folder = make_folder(tmp_path / "camp", dataclasses.replace(campaign, id="x"))
    wb = load_workbook(folder.book)
    wb["Nhân sự"].insert_rows(11)
    wb.save(folder.book)
    from thidua_xlsx.steps.workspace import open_campaign

    folder, _ = open_campaign(folder.book)
    return folder


def test_each_leftover_is_said_at_its_cell_of_campaign_xlsx(tmp_path):
    from thidua_xlsx.read.campaign_cells import campaign_cells

    folder = _book_with_leftovers(tmp_path)
    asked = []

    def cells():
        asked.append(1)
        return campaign_cells(folder.book)

    warnings = stale_school_warnings(folder.campaign, sample_school_names(), "campaign.xlsx", cells=cells)

    wb = load_workbook(folder.book)
    column = {c.value: c.column_letter for c in wb["Nhân sự"][1]}["Tên sáng kiến"]
    row = next(c.row for c in wb["Nhân sự"]["A"] if c.value == folder.campaign.staff[9].code)
    assert row == 12  # below the blank row
    assert [(w.code, w.sheet, w.cell) for w in warnings] == [
        ("campaign.legal_other_school", "Căn cứ", "A3"),
        ("campaign.field_sample_school", "Nhân sự", f"{column}{row}")]
    assert warnings[1].render().startswith(f"[campaign.xlsx · Nhân sự!{column}{row}] 'Dạy đọc cho học sinh lớp 1 ở "
                                           "Trực Cường' (Tên sáng kiến, ")
    assert asked == [1]  # read once, and only because something was found
    assert stale_school_warnings(renamed(legal_basis=()), sample_school_names(), cells=cells) == ()
    assert asked == [1]


def test_generate_names_the_cell_of_each_leftover_and_leaves_a_real_name_alone(tmp_path):
    camp = tmp_path / "camp"
    service.init_campaign(camp, "thcs", campaign_id="x")
    _rename_school(camp / "campaign.xlsx", "Trường THCS Nam Trực")
    _type_sample_initiatives(camp / "campaign.xlsx", "thcs")
    wb = load_workbook(camp / "campaign.xlsx")
    wb["Nhân "
       "sự"]["B3"] = "Nguyễn Kim Sơn"  # a real teacher of the school: the sample's place in her name is no leftover
    wb.save(camp / "campaign.xlsx")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    said = result.stderr.splitlines()
    assert not [line for line in said if "'Nguyễn Kim Sơn' (Họ và tên" in line]
    assert [line for line in said if line.startswith("Cảnh báo: [campaign.xlsx · Căn cứ!A")]
    assert [line for line in said if line.startswith("Cảnh báo: [campaign.xlsx · Trường!B") and "Hiệu trưởng" in line]
    decisions = [line for line in said if "'52/QĐ-THCSKS' (Số QĐ công nhận" in line]
    column = xl_col_to_name([c.key for c in STAFF_COLUMNS].index("initiative_decision"))
    assert decisions and all(line.startswith(f"Cảnh báo: [campaign.xlsx · Nhân sự!{column}") for line in decisions)
    assert len([line for line in said if "người ở sheet Nhân sự trùng tên" in line]) == 1  # thcs and nd233: once
