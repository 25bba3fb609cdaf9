"""The commune's seal starts on day one: with nothing in its inbox yet, the officer gets every school's code
— on the page and from ``status`` — each the one its merge checks that school's seal against."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from tests.ui.pages import SAMPLES, client, text
from thidua_xlsx.cli import main
from thidua_xlsx.system.commune_key import commune_key


def _opening(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "*.xlsx", "*.json", "inbox"))
    shutil.copy2(SAMPLES / "cap-xa" / "cap-tren.xlsx", folder / "cap-tren.xlsx")
    (folder / "inbox").mkdir()
    return folder


def _codes(folder) -> dict[str, str]:
    from thidua_xlsx.read.level_above_book import load_level_above_book

    campaign, _problems = load_level_above_book(folder / "cap-tren.xlsx")
    assert campaign is not None
    key, made = commune_key(folder)
    assert not made  # the sample commune's own key, copied with its folder
    return {s.name: key.school_code(s.code, campaign.school_year) for s in campaign.schools}


def test_every_school_s_code_is_said_at_the_opening(tmp_path):
    folder = _opening(tmp_path)
    codes = _codes(folder)
    assert len(codes) >= 3 and len(set(codes.values())) == len(codes)
    said = CliRunner().invoke(main, ["status", str(folder / "inbox")])
    assert "Mã xác thực của từng trường" in said.output
    for school, code in codes.items():
        assert f"  {school}: {code}" in said.output
    _app, found = client(folder)
    page = text(found.get("/"))
    assert "Mã xác thực (gửi cho trường)" in page
    assert all(f"{school} {code}" in page for school, code in codes.items())


def test_status_thu_writes_each_school_its_code_as_a_draft(tmp_path):
    from email import policy
    from email.parser import BytesParser

    folder = _opening(tmp_path)
    codes = _codes(folder)
    drafts = tmp_path / "thu-nhap"
    done = CliRunner().invoke(main, ["status", str(folder / "inbox"), "--thu", str(drafts)])
    assert done.exit_code == 1 and "Đã soạn 4 thư nháp" in done.output  # nothing received yet: 1, as status says it
    written = sorted(drafts.glob("*.eml"))
    assert len(written) == len(codes)
    bodies = [BytesParser(policy=policy.default).parsebytes(p.read_bytes()).get_body(("plain",)).get_content()
              for p in written]
    for school, code in codes.items():
        body = next(b for b in bodies if f"Kính gửi {school}," in b)
        assert code in body and "Mã xác thực do cấp trên cấp" in body  # its own code, and where to enter it
        assert all(other not in body for other in codes.values() if other != code)
