"""Messages of the deciding step no other test provoked: what the council types wrong into the summary it
met with, a meeting without quorum, a tie left open, an inbox changed since the meeting, and a CSTĐCS
refused under the "và" rule — each with what the secretary reads."""

from __future__ import annotations

import shutil

from openpyxl import load_workbook

from tests.filling import council_types, fill, person_values, sheet, table_rows
from thidua_xlsx.decide import rules
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.model import layout as ly
from thidua_xlsx.model.titles import CSTDCS, LDTT
from thidua_xlsx.service import apply_council_file, merge_inbox
from thidua_xlsx.text import summary as sx


def _council_pass(school, met, inbox=None):  # noqa: F811
    """What ``merge INBOX --council MET`` decides: (final summary, its issues by code)."""
    summary = merge_inbox(inbox or school["inbox"], school["folder"])
    final, problems = apply_council_file(summary, met)
    assert final is not None, [p.render() for p in problems]
    found: dict[str, list] = {}
    for i in final.issues:
        found.setdefault(i.code, []).append(i)
    return final, found


def _added_row(path, code: str, score) -> int:
    """A row typed by hand below the table (the sheet unprotected first): its row number."""
    wb = load_workbook(path)
    ws = wb[sx.S_DETAIL]
    ws.protection.sheet = False
    _, cols = table_rows(ws, sx.COUNCIL_HEADS)
    row = ws.max_row + 1
    ws.cell(row, cols["code"]).value = code
    ws.cell(row, cols["score"]).value = score
    wb.save(path)
    return row


def test_what_the_council_typed_wrong_is_said_at_its_cell_and_not_used(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV01": ("chín mươi", None, None), "GV04": (None, "Bằng khen", None),
                                         "GV05": (150, None, None)},
                  tally={"members": 9, "present": "bảy"}, votes={("GV01", CSTDCS): -1})
    row = _added_row(met, "GV99", 90)
    final, found = _council_pass(school, met)

    bad_score, = found["council.bad_score"]
    assert (bad_score.file, bad_score.sheet) == ("hoi-dong.xlsx", sx.S_DETAIL) and bad_score.cell
    assert bad_score.message == ("Điểm Hội đồng 'chín mươi' không phải là số; ô này không được dùng. Hãy sửa rồi "
                                 "chạy lại.")
    bad_decision, = found["council.bad_decision"]
    assert bad_decision.sheet == sx.S_DETAIL and bad_decision.cell
    assert bad_decision.message == ("Quyết định 'Bằng khen' không có trong danh sách (Lao động tiên tiến, "
                                    "Chiến sĩ thi đua cơ sở, Không đề nghị); không được dùng. Hãy chọn lại ở ô này "
                                    "một quyết định trong danh sách rồi tổng hợp lại.")
    out_of_range, = found["council.score_out_of_range"]
    assert out_of_range.message == "Điểm Hội đồng của Hoàng Thị Thu Hương Giang Nguyễn Phương là 150, ngoài khoảng " \
                                   "0 – 105; không được dùng. Hãy sửa lại ô này rồi tổng hợp lại."
    counts = found["council.bad_count"]
    assert {i.sheet for i in counts} == {sx.S_TALLY} and all(i.cell for i in counts)
    assert sorted(i.message for i in counts) == [
        "'-1' không phải số nguyên không âm; không được dùng. Hãy ghi số phiếu, số người.",
        "'bảy' không phải số nguyên không âm; không được dùng. Hãy ghi số phiếu, số người."]
    unknown, = found["council.unknown_code"]
    assert unknown.message == (f"Dòng {row} có mã 'GV99' không có trong danh sách; quyết định ở dòng đó không được "
                               "dùng. Hãy ghi lại mã của người ấy như bảng tổng hợp đã ghi (cột Mã) rồi tổng hợp lại.")
    people = {p.code: p for p in final.people}
    assert people["GV01"].final_source != "council" and people["GV05"].final < 150  # none of it was used


def test_a_summary_without_the_council_columns_is_refused(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    wb = load_workbook(school["first"])
    del wb[sx.S_DETAIL]  # the sheet the council types into, deleted
    wb.save(met)
    final, problems = apply_council_file(merge_inbox(school["inbox"], school["folder"]), met)
    assert final is None
    assert [p.message for p in problems] == [
        f"Không tìm thấy các cột 'Mã', 'Điểm Hội đồng', 'Quyết định Hội đồng', 'Ghi chú Hội đồng' trong '{met}'. Hãy "
        "dùng bảng tổng hợp do merge ghi (sheet Điểm chi tiết)."]


def test_a_title_the_person_never_registered_for_needs_a_note_and_says_so(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV03": (None, CSTDCS, None)})  # registered for LĐTT only
    final, found = _council_pass(school, met)
    needs_note, = found["council.needs_note"]
    assert needs_note.message.startswith("Hội đồng chọn 'Chiến sĩ thi đua cơ sở' cho Lê Thị Dung nhưng theo quy định "
                                         "thì không được (không đăng ký danh hiệu này).")
    assert needs_note.to_dict()["params"]["title"] == CSTDCS  # the JSON report: the title's code
    assert next(p for p in final.people if p.code == "GV03").proposed == LDTT


def test_a_meeting_without_quorum_is_said(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {}, tally={"members": 9, "present": 5}, votes={("GV01", CSTDCS): 5})
    _, found = _council_pass(school, met)
    no_quorum, = found["vote.no_quorum_meeting"]
    assert no_quorum.message == "Cuộc họp có 5/9 thành viên, cần ít nhất 6: kết quả bỏ phiếu chưa có giá trị."


def test_a_tie_for_the_last_slot_the_council_left_open_is_said_for_each(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {"GV02": (92, None, "Chấm lại hồ sơ")})  # 92 ties GV01 for one slot
    _, found = _council_pass(school, met)
    assert sorted(i.message for i in found["council.tie_open"]) == [
        f"{name} bằng điểm ở suất cuối của chỉ tiêu CSTĐCS; Hội đồng chưa chọn. Hãy chọn ở cột 'Quyết định Hội "
        "đồng' (sheet Điểm chi tiết) rồi chạy lại." for name in ("Nguyễn Thị Lan", "Trần Văn Đức")]


def test_an_inbox_changed_since_the_meeting_is_said(school, tmp_path):  # noqa: F811
    met = tmp_path / "hoi-dong.xlsx"
    council_types(school["first"], met, {})
    inbox = tmp_path / "inbox"
    shutil.copytree(school["inbox"], inbox)
    t2 = next(p for p in inbox.iterdir() if "Van-phong" in p.name)
    fill(t2, t2, person_values(sheet(t2, ly.ScoringSheet, "GV04"), {"I.1": 7}))  # resent after the meeting
    _, found = _council_pass(school, met, inbox)
    changed, = found["council.inbox_changed"]
    assert changed.file == "hoi-dong.xlsx"
    assert changed.message.startswith(f"Các sổ trong thư mục nhận về đã khác so với lúc Hội đồng họp ({t2.name}); "
                                      "kết quả được tính lại từ các sổ hiện có.")


def test_cstdcs_under_the_va_rule_names_both_missing_conditions():
    """Quy tắc: CSTĐCS needs HTXSNV "và" a recognised initiative; someone with neither is told both."""
    r = cm.Rules(cstdcs_condition="và")
    c = rules.Candidate(registered=CSTDCS, rating="HTTNV", months=12, maternity_months=0, days_off=0,
                        discipline="Không", under_review=False, initiative="", initiative_level="",
                        initiative_decision="", classification="Tốt", total=80)
    decision = rules.decide_cstdcs(c, rules.decide_ldtt(c, r, ()), r)
    assert not decision.granted
    assert decision.reason == "không HTXSNV hoặc không có sáng kiến được công nhận"
    assert [p.code for p in decision.reasons[0].params[1][1:]] == ["join.or"]
