"""A real headless Chromium driven by selenium (Debian's chromium and chromedriver, installed by .ci/run), and the
page served for it by the real server (waitress, on the loopback address) in a thread of the test process."""

from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1366, 768  # the secretary's laptop screen


def available() -> str:
    """"" when the browser can be started, else why not."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    return f"missing {', '.join(missing)} (apt-get install chromium chromium-driver)" if missing else ""


def chromium(profile: Path, downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}",
                 "--lang=vi"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_window_size(WIDTH, HEIGHT)
    downloads_into(driver, downloads)
    return driver


def downloads_into(driver, folder: Path) -> Path:
    """What the browser downloads from now on goes to ``folder`` (without asking), which is given back."""
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """``thidua-xlsx ui FOLDER --no-browser`` in a thread: its printed lines, its address, stopped by ``stop``."""

    def __init__(self, folder: Path):
        from thidua_xlsx.ui.serve import serve

        self.lines: list[str] = []
        self._ready = threading.Event()
        self._server = None

        def ready(server) -> None:
            self._server = server  # what stops it
            self._ready.set()

        self._thread = threading.Thread(target=serve, args=(folder, free_port(), False, self.lines.append, ready),
                                        daemon=True)
        self._thread.start()
        assert self._ready.wait(20), self.lines

    @property
    def address(self) -> str:
        return self.lines[0]

    @property
    def root(self) -> str:
        return self.address.split("?", 1)[0].rstrip("/")

    def stop(self) -> None:
        """The page stops answering at once (its sockets closed); its loop, which looks at them each second, ends on
        its own — not waited for: no test reads what it does after (its last line, "stopped")."""
        if self._server is not None:
            self._server()


def shot(driver, folder: Path | None, name: str, full: bool = False) -> None:
    """A screenshot of the page as the secretary sees it (``full``: the whole page's height), into ``folder`` — None
    when no picture was asked for (conftest's ``shots``)."""
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(WIDTH, max(HEIGHT, min(int(height) + 120, 4000)))
    driver.save_screenshot(str(path))
    if full:
        driver.set_window_size(WIDTH, HEIGHT)


def keep(shots: Path, into: Path) -> None:
    """Copy the journey's screenshots to ``into`` (the README's pictures), when asked."""
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(shots.glob("*.png")):
        shutil.copy2(path, into / f"ui-{path.name}")


def wait(driver, condition, seconds: float = 120):
    """``condition(driver)`` once it holds, asked again while the page reloads under the question (Chromium's
    "Node with given id does not belong to the document" is that too: the job's page replaced while read); not so
    after ``seconds``, the test fails with the page's address and words."""
    from selenium.common.exceptions import (
        NoSuchElementException,
        StaleElementReferenceException,
        TimeoutException,
        WebDriverException,
    )
    from selenium.webdriver.support.ui import WebDriverWait

    def asked(d):
        try:
            return condition(d)
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return False
            raise

    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.2,
                             ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(asked)
    except TimeoutException:
        raise AssertionError(f"not so after {seconds:g} s at {driver.current_url}: {text(driver)}") from None


def text(driver) -> str:
    """The page's words as a person reads them (spaces folded)."""
    return " ".join(driver.find_element("tag name", "body").text.split())
