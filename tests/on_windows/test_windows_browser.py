"""The Windows lane: one whole period on the page served by python.org's Windows CPython under Wine
(``thidua-xlsx ui``, tests/windows.py), driven by a real headless Chromium from this machine (tests/ui/browser.py) as
the secretary drives hers: the period's department books made, one downloaded and filled as its department fills
it, the six returned books dropped on the page, merged, the period's summary downloaded and read back."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.ui import browser
from tests.windows import cells, closed, stopped, windows_path
from thidua_xlsx.model.places import ISSUED_FOLDER, RUNS_RECORD

pytestmark = [pytest.mark.windows, pytest.mark.browser,
              pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())]

PERIOD = "thang-10"
SUMMARY = f"ky/tong-hop_{PERIOD}.xlsx"
DOWNLOADED = f"2026-2027_{PERIOD}_To-Toan-Tin.xlsx"  # the book she downloads from the page (the others: by e-mail)


def _campaign(installed: dict[str, str], folder: Path) -> Path:
    """The period sample as shipped (samples/ca-nam), Tháng 9 done and Tháng 10 not started: no book of it issued
    (so-da-phat/ keeps a record of each), returned or merged, no year yet."""
    ignored = {RUNS_RECORD, PERIOD, f"tong-hop_{PERIOD}.xlsx", f"hieu-truong_{PERIOD}.xlsx", "tong-hop_ca-nam.xlsx",
               "ca-nam.json"}

    def left_out(where: str, names: list[str]) -> list[str]:
        issued = [n for n in names if Path(where).name == ISSUED_FOLDER and n.endswith(".json")
                  and f'"period":"{PERIOD}"' in (Path(where) / n).read_text(encoding="utf-8")]
        return [*issued, *(n for n in names if n in ignored or n.startswith("Mo-trang-thi-dua."))]

    return shutil.copytree(Path(installed["SOURCE"]) / "samples" / "ca-nam", folder, ignore=left_out)


def _served(env: dict[str, str], campaign: Path, cwd: Path) -> tuple[subprocess.Popen, str]:
    """``thidua-xlsx ui`` typed in a cmd window on the Windows machine, on a free loopback port: the process and the
    address it printed first."""
    served = subprocess.Popen(["wine", "cmd", "/c", "thidua-xlsx", "ui", windows_path(campaign), "--no-browser",
                               "--port", str(browser.free_port())], env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert served.stdout is not None
    hung = threading.Timer(180, stopped, [env])  # a server that never says its address: ended, the test fails
    hung.start()
    try:
        address = served.stdout.readline().decode("utf-8").strip()
    finally:
        hung.cancel()
    assert address.startswith("http://127.0.0.1:") and "/?token=" in address, address
    return served, address


def _opened(driver, address: str, seconds: float = 60) -> None:
    """The address opened, again while the server is still starting to listen (Chromium's own error page)."""
    deadline = time.monotonic() + seconds
    while True:
        driver.get(address)
        if "Kim Sơn" in browser.text(driver) or time.monotonic() > deadline:
            return
        time.sleep(0.5)


def _done(driver, seconds: float = 300) -> str:
    """The job's page once its run has ended well: its words."""
    browser.wait(driver, lambda d: "/viec/" in d.current_url, 30)
    browser.wait(driver, lambda d: d.find_element("id", "job").get_attribute("data-state") != "running", seconds)
    assert driver.find_element("id", "job").get_attribute("data-state") == "done", browser.text(driver)
    return browser.text(driver)


def _downloaded(driver, link: str, folder: Path, name: str, size: int) -> Path:
    """The file behind the link ``link`` clicked, once Chromium has it whole (``size`` bytes) in ``folder``."""
    driver.find_element("link text", link).click()
    got = folder / name
    browser.wait(driver, lambda _d: got.is_file() and got.stat().st_size == size, 60)
    return got


@pytest.mark.long(25)
def test_a_whole_period_on_the_page_served_by_windows_in_chromium(windows_installed, tmp_path):
    from selenium.webdriver.common.by import By

    from samples.build_year import fill_period
    from thidua_xlsx.steps.workspace import open_campaign

    campaign = _campaign(windows_installed, tmp_path / "Thi đua 2026-2027")
    env = {k: v for k, v in windows_installed.items() if k != "SOURCE"}
    downloads, back = tmp_path / "Tai-ve", tmp_path / "to-gui-lai"
    driver = browser.chromium(tmp_path / "chromium", downloads)
    served, address = _served(env, campaign, tmp_path)
    root = address.split("?", 1)[0].rstrip("/")
    try:
        _opened(driver, address)
        assert "Trường THCS Kim Sơn" in browser.text(driver)

        # The period's books made by the page: one for each of the six departments, in outbox/thang-10.
        driver.get(f"{root}/vong/{PERIOD}")
        driver.find_element(By.ID, "generate").click()
        made = _done(driver)
        books = sorted((campaign / "outbox" / PERIOD).glob("*.xlsx"))
        assert len(books) == 6, made
        assert f"outbox/{PERIOD}/{DOWNLOADED}" in made, made

        # One downloaded from the page (the others went by e-mail), filled as its department fills it.
        issued = campaign / "outbox" / PERIOD / DOWNLOADED
        got = _downloaded(driver, f"outbox/{PERIOD}/{DOWNLOADED}", downloads, DOWNLOADED, issued.stat().st_size)
        assert got.read_bytes() == issued.read_bytes()
        opened, problems = open_campaign(campaign / "campaign.xlsx")
        assert opened is not None, problems
        month = [p.code for p in opened.campaign.periods].index(PERIOD)
        returned = []
        for book in books:
            returned.append(back / book.name)
            fill_period(opened.campaign, got if book.name == DOWNLOADED else book, returned[-1], month, PERIOD)

        # Dropped on the period's page: each filed into the period's inbox.
        driver.get(f"{root}/vong/{PERIOD}")
        driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in returned))
        browser.wait(driver, lambda d: returned[0].name in d.find_element(By.ID, "chosen").text)
        driver.find_element(By.ID, "send").click()
        browser.wait(driver, lambda d: d.find_elements(By.ID, "dropped"))
        page = browser.text(driver)
        for book in returned:
            assert f"{book.name} Đã xếp: inbox/{PERIOD}/{book.name}" in page, page
        assert sorted(p.name for p in (campaign / "inbox" / PERIOD).iterdir()) == [p.name for p in returned]

        # Merged: what she reads on the page, then the summary downloaded and read back.
        driver.find_element(By.ID, "merge").click()
        merged = _done(driver)
        assert "Tệp đã đọc 6 Dùng 6 Người 44 Có điểm 43 Lỗi 0" in merged, merged
        assert "1 Nguyễn Thị Thanh Huyền Tổ Toán – Tin 97 HTXSNV" in merged  # scored in the book downloaded
        summary = campaign / SUMMARY
        kept = _downloaded(driver, SUMMARY, downloads, summary.name, summary.stat().st_size)
        assert kept.read_bytes() == summary.read_bytes()
        read = cells(kept)
        assert ("Toàn trường", 44, "6/6", 43, 83.5, 11, 30, 2, 0) in read["Tổng hợp"]
        assert read["Xếp hạng"][4] == (1, 1, "Nguyễn Thị Thanh Huyền", "Tổ Toán – Tin", 97, "HTXSNV", None)
        unscored = next(row for row in read["Xếp hạng"] if row[2] == "Vũ Thị Hồng Nhung")
        assert unscored[:6] == (None, None, "Vũ Thị Hồng Nhung", "Tổ Khoa học tự nhiên", None, None) and unscored[6]

        driver.get(f"{root}/vong/{PERIOD}")  # the period's page: every department sent, its summary to download
        assert len(driver.find_elements(By.CSS_SELECTOR, "table.departments tbody tr")) == 6
        assert not driver.find_elements(By.CSS_SELECTOR, "table.departments tr.dept-not_sent"), browser.text(driver)
        assert f"Tải về {SUMMARY}" in browser.text(driver)
    finally:
        driver.quit()
        closed(env)  # the window closed: Wine's processes of this machine ended, its server kept
        served.wait(60)
        assert served.stdout is not None
        served.stdout.close()
