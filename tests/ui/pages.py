"""Builders for the page's tests: the sample school's campaign copied to a temporary folder with its returned books
taken out (to be dropped on the page), the sample commune's, and a client that carries the page's token."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TOKEN = "t0k3n-for-the-tests"
# The sample school's returned scoring books (inbox/), and one of its registration books (another round).
RETURNED = ("2025-2026_cham-diem_To-khoi-1.xlsx", "2025-2026_cham-diem_To-khoi-4-5.xlsx",
            "2025-2026_cham-diem_To-Van-phong.xlsx", "2025-2026_cham-diem_To-khoi-2-3 (ban sua).xlsx")
REGISTRATION_BOOK = "2025-2026_dang-ky_To-khoi-1.xlsx"
WITH_ERRORS = "2025-2026_cham-diem_To-khoi-4-5.xlsx"  # D13: 25 of 6, E13: 'chín'
# What init leaves in a campaign folder: the book, the inboxes, the launchers that open the page and the record of
# the runs (init's the first).
INIT_FOLDER = ["Mo-trang-thi-dua.bat", "Mo-trang-thi-dua.command", "Mo-trang-thi-dua.sh", "cac-lan-chay.json",
               "campaign.xlsx", "inbox", "outbox"]
BOOK_FOLDER = [n for n in INIT_FOLDER if n != "cac-lan-chay.json"]  # init_campaign's (the library's): no run kept


def school_campaign(into: Path) -> tuple[Path, Path]:
    """The sample school's campaign (campaign.xlsx, outbox/, so-da-phat/, inbox-dang-ky/) in ``into/truong`` with an
    empty scoring inbox; its returned scoring books and a registration book in ``into/ve`` (what came back by
    e-mail). Returns (the campaign folder, the folder of returned books)."""
    folder, returned = into / "truong", into / "ve"
    folder.mkdir(parents=True)
    for name in ("campaign.xlsx",):
        shutil.copy2(SAMPLES / name, folder / name)
    for sub in ("outbox", "so-da-phat", "inbox-dang-ky"):
        shutil.copytree(SAMPLES / sub, folder / sub)
    (folder / "inbox").mkdir()
    returned.mkdir()
    for name in RETURNED:
        shutil.copy2(SAMPLES / "inbox" / name, returned / name)
    shutil.copy2(SAMPLES / "inbox-dang-ky" / REGISTRATION_BOOK, returned / REGISTRATION_BOOK)
    return folder, returned


def commune_campaign(into: Path) -> Path:
    folder = into / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def client(folder: Path, port: int = 0):
    """A Flask test client of the page of ``folder``, which has visited the address with the token once."""
    from thidua_xlsx.ui.app import create_app

    app = create_app(folder, TOKEN, port)
    found = app.test_client()
    first = found.get(f"/?token={TOKEN}")
    assert first.status_code == 302 and first.headers["Location"] == "/"
    return app, found


def text(response) -> str:
    """The words of a page as a person reads them (tags out, entities decoded, spaces folded)."""
    body = response.data.decode("utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body))).strip()


def wait_job(found, location: str, seconds: float = 120) -> dict:
    """Poll a run's JSON until it is no longer running."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        state = found.get(location + ".json").get_json()
        if state["state"] != "running" or time.monotonic() > deadline:
            return state
        time.sleep(0.2)
