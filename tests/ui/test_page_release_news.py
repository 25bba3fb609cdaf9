"""The page says once, as a notice on its first screen, what changed for her since the release that last ran in the
folder (a school's or a commune's); the next visit no longer does, nor does the terminal."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from tests.command_lines import names_a_command
from tests.decide.conftest import run
from tests.ui.pages import client, text
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.text import releases as rx


@pytest.mark.parametrize("level, whom", [("thcs", rx.SCHOOL), ("cap-xa", rx.COMMUNE)])
def test_the_first_screen_after_an_update_says_what_changed_once(tmp_path, level, whom):
    folder = tmp_path / "thu-muc"
    assert run("init", folder, "--level", level).exit_code == 0
    record = json.loads((folder / RUNS_RECORD).read_text(encoding="utf-8"))
    (folder / RUNS_RECORD).write_text(json.dumps({**record, "release": "0.7.9"}), encoding="utf-8")

    _app, found = client(folder)
    first = found.get("/")
    words, page = text(first), first.data.decode("utf-8")
    assert first.status_code == 200 and 'id="updated"' in page, words
    assert rx.UPDATED_PAGE.format(before="0.7.9", after=rx.VERSION) in words
    notice = re.search(r'<section[^>]*id="updated".*?</section>', page, flags=re.S)
    assert notice is not None and not names_a_command(unescape(re.sub(r"<[^>]+>", " ", notice.group(0))))
    version, todo = next((v, line) for v, lines in rx.CHANGES for who, line in lines
                         if who == whom and line.startswith(rx.TODO))
    assert rx.UPDATED_LINE.format(version=version, line=todo) in words
    assert words.index(todo) < words.index(next(line for _v, lines in rx.CHANGES for who, line in lines
                                                if who == rx.BOTH))  # what she must do, first

    assert 'id="updated"' not in found.get("/").data.decode("utf-8")
    assert "đã được cập nhật" not in run("status", folder / "inbox").output
