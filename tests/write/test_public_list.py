"""The public posting list (danh sách công khai): who is proposed for which title and until when
comments are received — names, positions, departments and titles only."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from tests.openxml import unaccepted_findings
from tests.scoring_round import T1_SCORES, T2_SCORES, fill_department, scoring_round
from thidua_xlsx.cli import main
from thidua_xlsx.model.titles import LDTT
from thidua_xlsx.model.titles import name as title_name
from thidua_xlsx.service import merge_inbox
from thidua_xlsx.write.summary import write_public_list


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    root = tmp_path_factory.mktemp("public")
    folder, (t1, t2) = scoring_round(root)
    inbox = folder.folder / "inbox"
    for src, scores in ((t1, T1_SCORES), (t2, T2_SCORES)):
        fill_department(src, inbox / src.name, scores, dt.datetime(2026, 5, 12, 8, 0))
    summary = merge_inbox(inbox, folder)
    path = root / "cong-khai.xlsx"
    write_public_list(summary, path, dt.date(2026, 5, 25), 5)
    return {"root": root, "folder": folder, "inbox": inbox, "summary": summary, "path": path}


def _texts(path) -> list[str]:
    wb = load_workbook(path)
    return [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


def test_lists_each_proposed_person_with_the_title_and_nobody_else(merged):
    texts = _texts(merged["path"])
    people = merged["summary"].people
    proposed = [p for p in people if p.proposed]
    assert proposed and len(proposed) < len(people)
    for p in people:
        assert (p.name in texts) == bool(p.proposed), p.name
    for title in {p.proposed for p in proposed}:
        assert title_name(title) in texts
    units = [d for d in merged["summary"].departments if d.proposed]
    assert all(d.name in texts for d in units)


def test_carries_no_private_field(merged):
    joined = "\n".join(_texts(merged["path"]))
    for private in ("1985-01-02", "HTXSNV", "HTTNV", "Khiển trách", "12/QĐ-TH"):
        assert private not in joined
    finals = {f"{p.final:g}" for p in merged["summary"].people if p.final is not None}
    wb = load_workbook(merged["path"])
    numbers = {f"{c.value:g}" for ws in wb for row in ws.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and c.column > 1 and c.value > 20}
    assert not numbers & finals, "no score is posted"


def test_says_until_when_comments_are_received(merged):
    window = next(t for t in _texts(merged["path"]) if "niêm yết công khai" in t)
    assert "từ ngày 25/05/2026 đến hết ngày 30/05/2026" in window
    assert "Lê Thị Thư" in window  # the secretary who receives them


def test_passes_the_validator(merged):
    assert unaccepted_findings(merged["path"]) == []  # streamed: inline strings (tests/write/test_openxml_audit.py)


@pytest.mark.libreoffice
def test_merge_writes_it_with_a_pdf_on_a4(merged, tmp_path):
    from tests.libreoffice import require_libreoffice

    require_libreoffice()
    target = tmp_path / "cong-khai.xlsx"
    result = CliRunner().invoke(main, ["merge", str(merged["inbox"]), "-o", str(tmp_path / "th.xlsx"),
                                       "--cong-khai", str(target), "--y-kien", "7", "--pdf"])
    assert result.exit_code == 0, result.output
    until = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=7)).date() + dt.timedelta(days=7)
    assert f"nhận ý kiến đến hết ngày {until:%d/%m/%Y}" in result.output
    pdf = target.with_suffix(".pdf").read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)


def test_only_for_the_scoring_round(tmp_path):
    from tests.conftest import campaign_dict, make_folder
    from tests.filling import register
    from thidua_xlsx.model import campaign as cm

    folder = make_folder(tmp_path / "c", cm.from_dict(campaign_dict()))
    register(folder, {"GV01": LDTT}, tmp_path / "dk")
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "dk" / "inbox-dang-ky"), "--campaign",
                                       str(folder.folder), "-o", str(tmp_path / "t.xlsx"), "--cong-khai",
                                       str(tmp_path / "ck.xlsx")])
    assert result.exit_code == 0 and "chỉ có ở vòng chấm điểm" in result.output
    assert not (tmp_path / "ck.xlsx").exists()


def test_the_title_in_capitals_gets_the_height_of_the_lines_it_wraps_to(merged):
    """A title in capitals is wider than the same letters in lowercase: given one line's height, its second
    line pushed the first one's accents out of the row ("DANH SACH CONG KHAI" in the PDF)."""
    ws = load_workbook(merged["path"]).active
    row = next(r for r in ws.iter_rows() if r[0].value and str(r[0].value).startswith("DANH SÁCH CÔNG KHAI"))
    title = row[0]
    span = sum(ws.column_dimensions[c].width for c in "ABCDE")
    assert len(title.value) < span * 1.15 - 1, "as many letters as one lowercase line would hold"
    assert ws.row_dimensions[title.row].height >= 2 * 14 * 1.15, "room for the two lines it prints on"
