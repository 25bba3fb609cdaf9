"""Builders for the page's tests: the sample school's campaign copied to a temporary folder with its returned books
taken out (to be dropped on the page), or in its inbox, or merged (built once, copied for each test); the sample
commune's; and a client that carries the page's token."""

from __future__ import annotations

import re
import shutil
import threading
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


def returned_school(into: Path) -> tuple[Path, Path]:
    """:func:`school_campaign` with its returned scoring books in the scoring inbox, as a drop on the page files
    them."""
    folder, returned = school_campaign(into)
    for name in RETURNED:
        shutil.copy2(returned / name, folder / "inbox" / name)
    return folder, returned


def merged_school(into: Path) -> Path:
    """:func:`returned_school` merged by the page (``tong-hop_cham-diem.xlsx``, before the council), in
    ``into/truong``. A session builds it once and each test takes a copy (:func:`copy_of`)."""
    folder, _returned = returned_school(into)
    _app, found = client(folder)
    started = found.post("/vong/cham-diem/tong-hop", data={"csrf": _form_token()})
    assert started.status_code == 303, text(started)
    state = wait_job(found, started.headers["Location"])
    assert state["state"] == "done", text(found.get(started.headers["Location"]))
    return folder


def copy_of(built: Path, into: Path) -> tuple[Path, Path]:
    """A test's own copy of a campaign folder built once for the session (never written to), in ``into/truong``,
    and the returned books in ``into/ve``."""
    folder = into / "truong"
    shutil.copytree(built, folder)
    returned = into / "ve"
    shutil.copytree(built.parent / "ve", returned)
    return folder, returned


def commune_campaign(into: Path) -> Path:
    folder = into / "xa"
    shutil.copytree(SAMPLES / "cap-xa", folder, ignore=shutil.ignore_patterns("ho-so", "tong-hop-xa.xlsx", "*.json"))
    return folder


def departments_school(into: Path, count: int) -> Path:
    """A school's campaign of ``count`` departments (two teachers each), as ``init`` makes it, in ``into``: from 8
    (system.pool.GENERATE_PARALLEL_FROM) its books are written by worker processes."""
    from tests.conftest import campaign_dict, make_folder
    from thidua_xlsx.model import campaign as cm

    base = campaign_dict()
    teacher = next(p for p in base["staff"] if p["role"] == "Giáo viên")
    departments = [{"code": f"T{k}", "name": f"Tổ {k}", "head": f"Tổ trưởng {k}", "email": ""}
                   for k in range(1, count + 1)]
    staff = [teacher | {"code": f"GV{k:02d}{j}", "name": f"Giáo viên {j} tổ {k}", "department": f"T{k}"}
             for k in range(1, count + 1) for j in (1, 2)]
    return make_folder(into, cm.from_dict(campaign_dict(departments=departments, staff=staff))).folder


def held_lines(found) -> list[tuple[str, str, str]]:
    """Each held line of the commune page's form as drawn: (its field number, what its form carries of it, the name
    shown)."""
    page = found.get("/").data.decode()
    return re.findall(r'name="dong-(\d+)" value="([^"]*)".*?for="ly-do-\1">Lý do – ([^<]+)</label>', page, re.S)


def officer_form(lines, *chosen: tuple[int, str, str]) -> dict:
    """The officer's form posted for ``chosen`` lines of ``lines`` (each: its place in the list as drawn, nhan or bo,
    the reason), as the browser posts it."""
    data = {"csrf": _form_token()}
    for k, choice, reason in chosen:
        n, key, _name = lines[k]
        data |= {f"dong-{n}": key, f"quyet-{n}": choice, f"ly-do-{n}": reason}
    return data


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
    """Poll a run's JSON until it is no longer running; still running after ``seconds``, the test fails with the
    run's state and its page's words."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        state = found.get(location + ".json").get_json()
        if state["state"] != "running":
            return state
        if time.monotonic() > deadline:
            raise AssertionError(f"{location} still running after {seconds:g} s: {state}\n"
                                 f"{text(found.get(location))}")
        time.sleep(0.05)  # a run seen ended at most 50 ms after it ends


def _form_token() -> str:
    from thidua_xlsx.ui.security import form_token

    return form_token(TOKEN)


def held_runs(monkeypatch) -> threading.Event:
    """Every command the service runs from now on waits (up to 30 s) until the event given back is set: a run held
    while a test looks at the page of a run still going."""
    from thidua_xlsx import service

    release = threading.Event()
    real_run = service.run

    def held(request, voice, door):
        release.wait(30)
        return real_run(request, voice, door)

    monkeypatch.setattr(service, "run", held)
    return release


def period_school(into: Path) -> Path:
    """The sample school scored by month (samples/ca-nam: its registration and two months returned, merged, the
    head's pass on each kept) in ``into/truong``."""
    folder = into / "truong"
    shutil.copytree(SAMPLES / "ca-nam", folder)
    return folder


def year_end_school(into: Path) -> Path:
    """The sample school scored once at the year's end, as the samples hold it (its returned books in inbox/, its
    history book lich-su.xlsx, its final summary after the council) in ``into/truong``."""
    folder = into / "truong"
    folder.mkdir(parents=True)
    for name in ("campaign.xlsx", "lich-su.xlsx", "tong-hop-cuoi.xlsx", "tong-hop_dang-ky.xlsx", "hoi-dong.xlsx"):
        shutil.copy2(SAMPLES / name, folder / name)
    for sub in ("outbox", "so-da-phat", "inbox-dang-ky", "inbox"):
        shutil.copytree(SAMPLES / sub, folder / sub)
    return folder


def ran(found, address: str, **form) -> tuple:
    """A run started by a form of the page (``address``, ``form``), waited for: (its state, its page, the job)."""
    answer = found.post(address, data={"csrf": _form_token(), **form}, content_type="multipart/form-data")
    assert answer.status_code == 303, text(answer)
    location = answer.headers["Location"]
    state = wait_job(found, location)
    job = found.application.extensions["thidua_jobs"].get(location.rsplit("/", 1)[1])
    return state, found.get(location), job


def log_lines(page) -> list[str]:
    """The run's log as its page shows it (the lines of *Nhật ký của lần chạy*)."""
    found = re.search(r'<pre class="log">(.*?)</pre>', page.data.decode("utf-8"), re.S)
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).splitlines() if found else []
