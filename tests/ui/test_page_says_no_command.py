"""Her words, not ours: no page of a journey shows a command line to type — each advice names the button
to press (text.page_words); the run's own log, collapsed below a result, is the program's and is left out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.command_lines import names_a_command
from tests.ui.pages import RETURNED, SAMPLES, TOKEN, client, school_campaign, text, wait_job
from thidua_xlsx.model.places import RUNS_RECORD
from thidua_xlsx.ui.security import form_token

CSRF = {"csrf": form_token(TOKEN)}


def _shown(response) -> str:
    """A page's words without the run's log (a collapsed <details> holding the program's lines), its title and its
    header (the product's name, "thidua-xlsx", is a name there, not advice)."""
    body = re.sub(r'<details><summary>[^<]*</summary><pre class="log">.*?</pre></details>|<head>.*?</head>|'
                  r'<header\b.*?</header>', " ", response.data.decode("utf-8"), flags=re.S)
    response.data = body.encode("utf-8")
    return text(response)


def _commands_in(said: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", said) if names_a_command(s)]


def test_no_page_of_a_school_s_year_names_a_command(tmp_path):
    folder, returned = school_campaign(tmp_path)  # the sample school, still marked as the sample: its notice
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    _app, found = client(folder)
    pages = [found.get("/"), found.get("/vong/cham-diem"), found.get("/vong/khong-co"), found.get("/khong-co")]
    started = found.post("/vong/cham-diem/tong-hop", data=CSRF)
    wait_job(found, started.headers["Location"])
    pages.append(found.get(started.headers["Location"]))
    for page in pages:
        assert _commands_in(_shown(page)) == [], page.request.path


def test_no_page_of_a_year_by_periods_names_a_command(tmp_path):
    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / n for n in ("ca-nam.json", "tong-hop_ca-nam.xlsx", "da-ghi.json", RUNS_RECORD)}
    shutil.copytree(shipped, tmp_path / "nam", ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    _app, found = client(tmp_path / "nam")
    for address in ("/", "/vong/ca-nam", "/vong/thang-9", "/vong/dang-ky"):
        assert _commands_in(_shown(found.get(address))) == [], address
    history = found.post("/lich-su", data=CSRF)  # no final summary yet: refused, said with the button to press
    assert _commands_in(_shown(history)) == []


def test_every_page_says_the_release_it_runs_in_its_footer(tmp_path):
    from thidua_xlsx import __version__

    folder, _returned = school_campaign(tmp_path)
    _app, found = client(folder)
    assert f"Phiên bản {__version__}" in text(found.get("/")) and __version__.count(".") == 2
