"""What the head's pass on a period gave is said on the Phiếu xếp loại as what it was: a
score the head lowered is a correction, printed with the score it replaced and her reason — never "người chuyển
đến" —, and a transfer-in's month at her former school is said as a transfer. Monthly and quarterly years, the clock
pinned after the year; the Phiếu read back from its .docx."""

from __future__ import annotations

import pytest

from tests.head_year import CORRECTION_NOTE, NAMES, build
from thidua_xlsx.model import campaign as cm
from thidua_xlsx.text import appraisal as atx

HEAD = {"VC02": (86, "Kết quả tại trường cũ")}  # the first period: a transfer-in's former school result
SECOND = {"VC01": (85, CORRECTION_NOTE)}  # the second: the head lowers 90 to 85


@pytest.fixture(scope="module", params=[cm.MONTHS, cm.QUARTERS])
def year(request, tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield build(tmp_path_factory.mktemp(request.param), monkeypatch, request.param, HEAD, SECOND)


def test_a_score_the_head_lowered_is_said_as_her_correction_with_her_reason(year):
    page = "\n".join(year["pages"][NAMES["VC01"]])
    second = year["periods"][1]["label"]
    said = atx.PERIOD_HEAD_CORRECTED.format(period=second, before="90", score="85", note=CORRECTION_NOTE)
    assert said in page, page
    assert f"{second}: hiệu trưởng sửa điểm 90 thành 85" in page and CORRECTION_NOTE in page
    assert "chuyển đến" not in page and "trường cũ" not in page  # she never moved


def test_a_transfer_in_s_month_typed_by_the_head_is_said_as_a_transfer(year):
    page = "\n".join(year["pages"][NAMES["VC02"]])
    first = year["periods"][0]["label"]
    assert atx.PERIODS_FORMER_SCHOOL.format(periods=first) in page, page
    assert "người chuyển đến: kết quả ở trường cũ (Điều 15 khoản 1 điểm a)" in page
    assert "sửa điểm" not in page  # nothing of hers was corrected


def test_a_part_only_a_total_came_for_is_said_not_known_with_the_period_that_lacks_it(year):
    """The former school's first period came as a total alone: the year's two parts are not known, and part I names
    that period — not the other periods' parts averaged beside a total over all three."""
    lines = year["pages"][NAMES["VC02"]]
    first = year["periods"][0]["label"]
    part_one = lines[lines.index(atx.PART_1) + 1:lines.index(atx.PART_2)]
    assert part_one[:2] == [f"{atx.PART_NOT_KNOWN.format(label=label, periods=first)} \t"
                            for label in (atx.GENERAL, atx.TASKS)]
    assert "chưa rõ" in part_one[0] and not any("trung bình" in line for line in part_one[:2])
    assert year["people"]["VC02"]["year"]["parts"] == {"general": None, "tasks": None}  # never 0


def _reason(year, person: str) -> str:
    """The person's Lý do cell of the year's sheet."""
    from openpyxl import load_workbook

    from thidua_xlsx.text import summary as sx

    ws = load_workbook(year["year"])[sx.S_YEAR]
    heads = next(row for row in ws.iter_rows(values_only=True) if "Lý do" in row)
    row = next(row for row in ws.iter_rows(values_only=True) if len(row) > 1 and row[1] == person)
    return str(row[heads.index("Lý do")])


def test_the_year_s_json_and_sheet_say_the_head_s_score_in_the_phieu_s_words(year):
    """One value printed everywhere: the JSON's head_entered gives why (a correction with the score it replaced and
    her note; a transfer-in's former school result), with the Phiếu's own line, which the year's sheet says in its
    Lý do."""
    first, second = (p["code"] for p in year["periods"][:2])
    corrected = year["people"]["VC01"]["year"]["head_entered"]
    assert [{k: e[k] for k in ("period", "score", "kind", "before", "note")} for e in corrected] == [
        {"period": second, "score": 85, "kind": "corrected", "before": 90, "note": CORRECTION_NOTE}]
    moved = year["people"]["VC02"]["year"]["head_entered"]
    assert [{k: e[k] for k in ("period", "score", "kind", "before", "note")} for e in moved] == [
        {"period": first, "score": 86, "kind": "former_school", "before": None, "note": "Kết quả tại trường cũ"}]
    for person, (entry,) in (("VC01", corrected), ("VC02", moved)):
        page = "\n".join(year["pages"][NAMES[person]])
        assert entry["said"] in page, (entry["said"], page)
        assert entry["said"].rstrip(".") in _reason(year, person)
    assert "sửa điểm 90 thành 85" in corrected[0]["said"] and CORRECTION_NOTE in _reason(year, "VC01")
    assert "chuyển đến" not in _reason(year, "VC01") and "trường cũ" in _reason(year, "VC02")
