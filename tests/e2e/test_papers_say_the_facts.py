"""What a principal or a council would sign is true. A new user's year (tests/new_user_year.py: a THCS
school scoring monthly, registration with four departments' books missing, Tháng 10 with three departments' books
missing, a draft on 10/11/2026) — its papers read back (Word paragraphs and nested tables, the PDF's text, the
summary's sheets) and each count, year and state they state compared with the run's JSON."""

from __future__ import annotations

import re

import pytest

from tests.documents import docx_text, page_texts
from tests.new_user_year import one_line, sheet_lines
from thidua_xlsx.text import summary as sx
from thidua_xlsx.text.decisions import PERIOD_WORDS

SENT = re.compile(r"\((\d+) người của (\d+)/(\d+) tổ đã nộp\)")


def _sent(data: dict) -> tuple[int, int, int]:
    """What the JSON says was sent: the people of the departments that sent, those departments, all departments."""
    sent = {d["code"] for d in data["departments"] if d["submitted"]}
    return (sum(p["department"] in sent for p in data["people"]), len(sent), len(data["departments"]))


def test_the_json_says_the_departments_that_sent_every_period_over(journey):
    assert {d["code"] for d in journey.data["departments"] if d["submitted"]} == set(journey.october_departments)


def test_the_bien_ban_counts_the_departments_that_sent_in_word_pdf_and_summary(journey):
    """Three departments never sent Tháng 10: the Biên bản says 3/6, not 6/6 — its Word paper, its PDF and the
    summary's Biên bản sheet alike, each count the JSON's."""
    expected = _sent(journey.data)
    assert expected[1:] == (3, 6)
    word = docx_text(journey.docs / "02_Bien-ban-hop-binh-xet.docx")
    pdf = one_line(" ".join(page_texts(journey.docs / "02_Bien-ban-hop-binh-xet.pdf", "-raw")))
    sheet = one_line(" ".join(sheet_lines(journey.summary, sx.S_MINUTES)))
    for where, text in (("word", word), ("pdf", pdf), ("sheet", sheet)):
        found = [tuple(map(int, m)) for m in SENT.findall(one_line(text))]
        assert found == [expected], where


def test_the_tong_hop_says_each_department_s_periods_over(journey):
    lines = sheet_lines(journey.summary, sx.S_OVERVIEW)
    names = {d.code: d.name for d in journey.campaign.departments}
    for d in journey.data["departments"]:
        row = next(line for line in lines if line.startswith(names[d["code"]] + " |"))
        said = "2/2 kỳ đã hết" if d["submitted"] else "1/2 kỳ đã hết; thiếu: Tháng 10/2026"
        assert said in row, row
    total = next(line for line in lines if line.startswith(sx.SCHOOL_TOTAL))
    assert "| 3/6 |" in total


def test_the_summary_s_metadata_lists_the_departments_that_sent(journey):
    from tests.summary_meta import read_summary_meta

    meta = read_summary_meta(journey.summary.read_bytes())
    assert meta.departments_submitted == journey.october_departments


def test_last_year_s_plan_in_can_cu_is_said_at_its_cell_at_every_run(journey):
    """The sample's Căn cứ cites last year's plan (22/9/2025, 2025-2026): a fresh 2026-2027 campaign says so at its
    cell at every run, sample school or not, and the sample-school warning names sheet Căn cứ among those to edit."""
    from openpyxl import load_workbook

    basis = load_workbook(journey.root / "campaign.xlsx")["Căn cứ"]
    past = {f"A{c.row}" for c in basis["A"] if c.value and "2025-2026" in str(c.value)}
    said = [p for p in journey.data["problems"] if p["code"] == "campaign.legal_past_year"]
    assert past and {p["cell"] for p in said} == past
    assert all(p["sheet"] == "Căn cứ" and p["severity"] == "warning" for p in said)
    letter = docx_text(journey.docs / "01_To-trinh.docx")
    assert [line for line in letter.splitlines() if "2025-2026" in line]  # what the warning is about
    sample = next(p for p in journey.data["problems"] if p["code"] == "campaign.sample_school")
    assert sample["cell"] == "B4"
    assert "Căn cứ!A" in journey.output and "Căn cứ (kế hoạch" in one_line(journey.output)


def _state(period, today) -> str:
    return "over" if period.end < today else "running" if period.start <= today else "not_begun"


def test_the_year_sheet_says_which_periods_are_over_running_or_not_come(journey):
    """On 10/11/2026 Tháng 11 is running and December to May not come: their cells say so ('chưa hết kỳ', 'chưa đến
    kỳ'), 'thiếu' only for a period over and not returned (Tháng 10 of the departments that never sent it); no reason
    counts them missing."""
    from openpyxl import load_workbook

    from tests.new_user_year import TODAY

    ws = load_workbook(journey.summary)[sx.S_YEAR]
    head = next(r for r in ws.iter_rows() if "Mã" in [c.value for c in r])
    cols = {c.value: c.column for c in head}
    people = {p["code"]: p for p in journey.data["people"]}
    checked = 0
    for r in range(head[0].row + 1, ws.max_row + 1):
        code = ws.cell(r, cols["Mã"]).value
        if code not in people:
            continue
        year = people[code]["year"]
        assert not year["missing"] or set(year["missing"]) <= {"thang-10"}, code
        for period in journey.campaign.periods:
            cell = ws.cell(r, cols[period.label]).value
            state = _state(period, TODAY)
            if year["periods"].get(period.code) is not None:
                assert isinstance(cell, float | int), (code, period.label, cell)
            elif state != "over":
                assert cell == PERIOD_WORDS[state], (code, period.label, cell)
            else:
                assert cell == sx.YEAR_NO_SCORE, (code, period.label, cell)
        reason = str(ws.cell(r, cols["Lý do"]).value or "")
        assert "Tháng 11/2026" not in reason and "/9 kỳ" not in reason, reason
        checked += 1
    assert checked == len(people)
    sent = {d.code for d in journey.campaign.departments} - set(journey.october_departments)
    thieu = [ws.cell(r, cols["Mã"]).value for r in range(head[0].row + 1, ws.max_row + 1)
             if ws.cell(r, cols["Tháng 10/2026"]).value == sx.YEAR_NO_SCORE]
    assert thieu and {people[c]["department"] for c in thieu} == sent


def test_a_phieu_says_the_periods_to_come_not_missing(journey):
    from tests.documents import appraisal_pages
    from thidua_xlsx.text import appraisal as atx

    pages = appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx")
    assert pages
    later = atx.PERIODS_SPAN.format(first="Tháng 12/2026", last="Tháng 5/2027", count=6)
    for name, lines in pages.items():
        text = "\n".join(lines)
        assert atx.PERIODS_RUNNING.format(periods="Tháng 11/2026") in text, name
        assert atx.PERIODS_NOT_BEGUN.format(periods=later) in text, name
        assert "Tháng 11/2026" not in "".join(line for line in lines if line.startswith("Không có điểm")), name


def test_not_registered_is_said_only_of_who_chose_it(journey):
    """'Không đăng ký' is a choice: the one who made it is refused LĐTT for it; everyone whose department never sent
    its registration book waits for the book ('tổ chưa gửi sổ đăng ký'), the open matter of a missing Tháng 10 book
    said beside it; the year's Đăng ký sheet says which departments sent their registration book, its Tập thể sheet
    never tells them 'tổ không đăng ký'."""
    people = {p["code"]: p for p in journey.data["people"]}
    for code, p in people.items():
        ldtt = next(d for d in p["decisions"] if d["title"] == "LDTT")
        codes = [r["code"] for r in ldtt["reasons"]]
        if code == journey.not_registering:
            assert codes[0] == "ldtt.not_registered" and not ldtt["pending"]
        elif p["department"] not in journey.registered_departments:
            assert codes[0] == "ldtt.registration_unsent" and ldtt["pending"] and not ldtt["granted"], code
            assert ("ldtt.rating_pending" in codes) == (p["department"] not in journey.october_departments), code
        else:
            assert "ldtt.not_registered" not in codes and "ldtt.registration_unsent" not in codes, code
    for d in journey.data["departments"]:
        said = [r["code"] for x in d["decisions"] for r in x["reasons"]]
        assert "collective.not_registered" not in said
        if d["code"] not in journey.registered_departments:
            assert said[0] == "collective.registration_unsent" and all(x["pending"] for x in d["decisions"])
    lines = sheet_lines(journey.summary, sx.S_REGISTRATION)
    for d in journey.campaign.departments:
        row = next(line for line in lines if f"| {d.code} | {d.name} |" in line)
        sent = d.code in journey.registered_departments
        assert (sx.YES_SUBMITTED if sent else sx.NOT_SUBMITTED) in row.split(" | "), row
    collective = one_line(" ".join(sheet_lines(journey.summary, sx.S_COLLECTIVE)))
    assert "tổ không đăng ký" not in collective and "tổ chưa gửi sổ đăng ký" in collective


def test_the_parts_printed_add_up_to_the_total_printed():
    """Cut once, at the total: 27,8333 + 62,1667 = 90 prints 27,83 + 62,17 under 90 (not 62,16), and says how."""
    from thidua_xlsx.papers.appraisal import printed_parts

    assert printed_parts(27.8333, 62.1667, 90.0) == (("27,83", "62,17"), True)
    assert printed_parts(30.0, 54.5, 84.5) == (("30", "54,5"), False)  # nothing to say where each cut adds up
    assert printed_parts(None, 54.5, 84.5) == ((None, "54,5"), False)


def test_each_phieu_s_parts_add_up_to_its_total(journey):
    from decimal import Decimal

    from tests.documents import appraisal_pages
    from thidua_xlsx.text import appraisal as atx

    def number(line: str, label: str) -> Decimal:
        return Decimal(line[len(label):].split()[0].split("/")[0].replace(",", "."))

    for name, lines in appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx").items():
        general = next((line for line in lines if line.startswith(atx.GENERAL + " ")), None)
        tasks = next((line for line in lines if line.startswith(atx.TASKS + " ")), None)
        total = next((line for line in lines if line.startswith("Tổng số điểm năm: ")), None)
        if general and tasks and total and "chưa" not in general + tasks:  # "chưa có", "chưa rõ": not known
            assert number(general, atx.GENERAL + " ") + number(tasks, atx.TASKS + " ") == \
                number(total, "Tổng số điểm năm: ").quantize(Decimal("0.01")).normalize(), name


def test_the_phieu_counts_the_periods_over(journey):
    from tests.documents import appraisal_pages

    for name, lines in appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx").items():
        total = next((line for line in lines if line.startswith("Tổng số điểm năm: ")), "")
        assert "/9 kỳ" not in total, (name, total)


def test_a_pending_phieu_says_what_it_waits_for(journey):
    """Three departments never sent Tháng 10: their people's year is pending (NĐ 233/2026 điều 12 khoản 5: the year
    from the periods' results). Their Phiếu ticks nothing under III and says why — the book it waits for — never
    dots; a rated person's page ticks one box and says where the rating comes from."""
    from tests.documents import appraisal_pages
    from thidua_xlsx.text import appraisal as atx

    people = {p["name"]: p for p in journey.data["people"]}
    pending = 0
    for name, lines in appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx").items():
        part3 = lines[lines.index(atx.PART_3) + 1:lines.index(atx.PART_3) + 6]
        ticked = [line for line in part3 if line.startswith(atx.BOX_TICKED)]
        said = next((line for line in lines if line.startswith("Không đánh dấu ô nào")), None)
        if people[name]["department"] in journey.october_departments:
            assert len(ticked) == 1 and said is None, (name, part3)
            continue
        pending += 1
        assert not ticked and said is not None, (name, part3)
        assert "…" not in said and "tổ chưa nộp sổ Tháng 10/2026" in said, said
    assert pending


def test_every_sheet_of_a_draft_year_s_workbook_says_du_thao(journey):
    """The year is still running: every printed page of every sheet of its workbook says DỰ THẢO in its top margin,
    as its Word papers do — the score sheets too, not only the Biên bản and the Tờ trình."""
    from openpyxl import load_workbook

    from thidua_xlsx.text.decisions import DRAFT_HEAD

    book = load_workbook(journey.summary)
    shown = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert {sx.S_YEAR, sx.S_OVERVIEW, sx.S_COLLECTIVE} <= {ws.title for ws in shown}
    for ws in shown:
        assert DRAFT_HEAD in (ws.oddHeader.right.text or ""), ws.title


def test_a_history_year_forced_in_says_so_on_each_of_its_rows(journey, tmp_path):
    """A running year is refused by the history book; forced in (history --final) it is recorded — and each of its
    rows says in Ghi chú that it was recorded before the year ended, naming the periods not final."""
    from openpyxl import load_workbook

    from tests.filling import council_types
    from tests.new_user_year import TODAY
    from thidua_xlsx.commands.history import update_history
    from thidua_xlsx.commands.merge import year
    from thidua_xlsx.model.requests import MergeRequest
    from thidua_xlsx.text import history as hx

    met, final = tmp_path / "hoi-dong.xlsx", tmp_path / "tong-hop_ca-nam.xlsx"
    council_types(journey.summary, met, {})
    passed = year(MergeRequest(inbox=journey.root / "ky", output=final, campaign_path=journey.root, council_path=met))
    assert passed.report.valid, passed.report.to_dict()
    book = tmp_path / "lich-su.xlsx"
    refused = update_history(book, [final], TODAY)
    assert not refused.added and [p.code for p in refused.problems] == ["history.year_draft"]
    forced = update_history(book, [final], TODAY, final=True)
    assert [y.year for y in forced.added] == ["2026-2027"] and forced.added[0].draft
    wb = load_workbook(book)
    for sheet in (hx.S_PEOPLE, hx.S_DEPARTMENTS):
        rows = list(wb[sheet].values)
        note = rows[0].index("Ghi chú")
        assert len(rows) > 1
        for row in rows[1:]:
            assert row[note].startswith("Ghi khi năm học chưa xong (DỰ THẢO: "), (sheet, row)
            assert "Tháng 11/2026" in row[note], row[note]


def test_a_came_in_teacher_s_phieu_says_which_month_the_head_typed_and_which_lacks_the_parts(journey):
    """She came from another school: her Tháng 9 is the former school's, typed by the head at the month's pass (NĐ
    233/2026 điều 15 khoản 1 điểm a) — a total alone. Her Phiếu says which month the head typed, as a transfer,
    and each part, not known for the year, says which month lacks it — never her Tháng 10's parts beside a total of
    two months."""
    from tests.documents import appraisal_pages
    from tests.new_user_year import FORMER_SCHOOL_SCORE
    from thidua_xlsx.papers.facts import points
    from thidua_xlsx.text import appraisal as atx

    me = next(p for p in journey.data["people"] if p["code"] == journey.arrived)
    said = atx.PERIODS_FORMER_SCHOOL.format(periods="Tháng 9/2026")
    assert me["year"]["head_entered"] == [{"period": "thang-9", "score": FORMER_SCHOOL_SCORE, "kind": "former_school",
                                           "before": None, "note": "Kết quả tại trường cũ", "said": said}]
    lines = appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx")[me["name"]]
    text = "\n".join(lines)
    assert said in text and "hiệu trưởng nhập" in said and "trường cũ" in said, text
    assert f"Tháng 9/2026: {points(FORMER_SCHOOL_SCORE)} (chỉ có tổng điểm)" in text
    for label in (atx.GENERAL, atx.TASKS):  # not her Tháng 10's parts beside a total of two months: which lacks them
        assert atx.PART_NOT_KNOWN.format(label=label, periods="Tháng 9/2026") in text, text
    assert "Tháng 10/2026: 30 điểm" not in text and "Tháng 10/2026: 55 điểm" not in text


@pytest.mark.libreoffice
def test_the_to_trinh_s_last_page_carries_its_last_paragraph_with_the_closing_and_the_signature(journey):
    """No page of 'Kính trình…' and a signature alone: the paragraph before the closing line goes over with them, the
    closing line and the principal's name on the page that holds it (pdfinfo's count, poppler's text of each)."""
    pages = [one_line(page) for page in page_texts(journey.docs / "01_To-trinh.pdf")]
    assert 1 <= len(pages) <= 2, len(pages)
    last = pages[-1]
    assert "Kính trình" in last and journey.campaign.school.principal in last, last
    assert "Hồ sơ kèm theo gồm:" in last, last  # the last paragraph, kept with the closing line


@pytest.mark.libreoffice
def test_the_year_s_tong_hop_of_six_departments_prints_on_one_page_with_its_chart(journey, tmp_path):
    """Six departments, the school's total and the chart: one landscape page (two before, four with longer 'Kỳ đã
    nộp' words) — the department rows not grown tall by their words, the chart low enough to share the page."""
    import shutil

    from thidua_xlsx.system.office import convert

    shutil.copy(journey.summary, tmp_path / journey.summary.name)
    pages = page_texts(convert(tmp_path / journey.summary.name, "pdf", tmp_path))
    first = next(n for n, page in enumerate(pages) if "BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA NĂM HỌC" in page)
    nxt = next(n for n, page in enumerate(pages) if n > first and sx.REG_TITLE.format(year="2026-2027") in page)
    assert nxt - first == 1, [one_line(page)[:200] for page in pages[first:nxt]]
    page = one_line(pages[first])
    assert sx.CHART_SCORING in page and sx.SCHOOL_TOTAL in page
    assert all(d.name in page for d in journey.campaign.departments)


@pytest.mark.libreoffice
def test_each_phieu_holds_one_sheet_the_pending_and_the_came_in_s_too(journey):
    """The Phiếu printed: one page per person (pdfinfo's count), each opened by its person's name — the came-in
    teacher's page with its month the head typed, and the pending ones with what they wait for, included."""
    from tests.documents import appraisal_pages

    names = list(appraisal_pages(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.docx"))
    pages = page_texts(journey.docs / "Phieu-xep-loai-chat-luong-vien-chuc.pdf")
    assert len(pages) == len(names) == len(journey.data["people"]), (len(pages), len(names))
    for page, name in zip(pages, names, strict=True):
        assert f"Họ và tên: {name}" in one_line(page) and "Điều 16 Nghị định số 233/2026" in one_line(page), name
