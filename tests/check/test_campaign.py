"""Leftovers of another school in the campaign: warned about at ``generate``, never refused.

The campaigns are the presets, renamed the way a secretary renames them in sheet "Trường"."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from thidua_xlsx import service
from thidua_xlsx.check.campaign import sample_school_names, schools_named, stale_school_warnings
from thidua_xlsx.cli import main
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.read.presets import load_preset

SAMPLE_PLAN = ("Căn cứ Kế hoạch số 25/KH-THTC ngày 08/9/2025 của Trường Tiểu học Trực Cường về tổ chức các phong "
               "trào thi đua và thực hiện công tác khen thưởng năm học 2025-2026;")


def renamed(level: str = "tieu-hoc", name: str = "Trường Tiểu học Nam Trực", commune: str | None = "Nam Trực",
            legal_basis: tuple[str, ...] | None = None, emails: str | None = "vanthu@namtruc.edu.vn") -> cm.Campaign:
    """The preset of ``level`` with its school renamed (and its commune, unless ``commune`` is None), every
    e-mail set to ``emails`` (None: the preset's e-mails kept)."""
    preset = load_preset(level)
    school = dataclasses.replace(preset.school, name=name)
    if commune is not None:
        school = dataclasses.replace(school, managing_body=f"UBND xã {commune}", place=commune,
                                     recipient=f"Ủy ban nhân dân xã {commune}")
    if emails is not None:
        school = dataclasses.replace(school, recipient_email=emails)
    departments = preset.departments if emails is None else tuple(
        dataclasses.replace(d, email=emails) for d in preset.departments)
    return dataclasses.replace(preset, school=school, departments=departments,
                               legal_basis=preset.legal_basis if legal_basis is None else legal_basis)


def warnings_for(campaign: cm.Campaign) -> list[tuple[str, str, dict]]:
    return [(w.code, w.sheet, dict(w.params)) for w in stale_school_warnings(campaign, sample_school_names(),
                                                                           "campaign.xlsx")]


# --- the pure check ----------------------------------------------------------------------------------


def test_the_sample_schools_are_those_of_the_presets():
    assert set(sample_school_names()) == {load_preset(level).school.name for level in cm.LEVELS}
    assert "Trường Tiểu học Trực Cường" in sample_school_names()


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


def test_generate_warns_about_a_legal_basis_line_of_the_sample_school_and_still_writes(tmp_path):
    camp, out = tmp_path / "camp", tmp_path / "out"
    service.init_campaign(camp, "tieu-hoc", campaign_id="x")
    _rename_school(camp / "campaign.xlsx", "Trường Tiểu học Nam Trực")
    stale_line = load_preset("tieu-hoc").legal_basis[-1]

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(out)])

    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stderr.splitlines() if "Căn cứ" in line]
    assert line.startswith("Cảnh báo: [campaign.xlsx · Căn cứ] Dòng căn cứ ")
    assert stale_line in line and "Trường Tiểu học Trực Cường" in line and "Trường Tiểu học Nam Trực" in line
    assert "hãy sửa lại ở sheet Căn cứ cho đúng trường mình" in line
    assert "Traceback" not in result.output
    assert len(list(out.iterdir())) == len(load_preset("tieu-hoc").departments)
    assert "Đã tạo 5 sổ" in result.stdout


def test_generate_of_a_clean_campaign_warns_about_nothing(tmp_path):
    camp = tmp_path / "camp"
    service.init_campaign(camp, "tieu-hoc", campaign_id="x")

    result = CliRunner().invoke(main, ["generate", str(camp), "--round", "dang-ky", "-o", str(tmp_path / "out")])

    assert result.exit_code == 0, result.output
    assert result.stderr == ""
