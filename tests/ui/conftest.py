"""The page's tests' shared fixtures: the sample school merged by the page, built once per session (each test copies
it: tests/ui/pages.py); for the browser journeys, one headless Chromium per session (per xdist worker), handed to each
test as new — no cookie of an earlier page, the laptop's window, a downloads folder of its own — and, when
THIDUA_UI_SHOTS=DIR asks for the pictures, each module's screenshots folder (copied there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui import browser, pages


@pytest.fixture(scope="session")
def merged_built(tmp_path_factory) -> Path:
    """The sample school merged by the page, once per session (per xdist worker): never written to; a test takes its
    own copy (``pages.copy_of``)."""
    return pages.merged_school(tmp_path_factory.mktemp("merged"))


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """The session's headless Chromium (a fresh profile): started once, ~1 s; each test takes it through ``driver``."""
    root = tmp_path_factory.mktemp("chromium")
    found = browser.chromium(root / "profile", root / "downloads")
    yield found
    found.quit()


@pytest.fixture
def driver(chromium, tmp_path_factory):
    """The session's Chromium as a browser opened for this test: its cookies cleared (a page of another test, on
    another port of the same address, set them), the window at the laptop's size, downloads into a folder of the
    test's (``driver.downloads``); left on a blank page, so that nothing of the test's page runs on."""
    chromium.execute_cdp_cmd("Network.clearBrowserCookies", {})
    chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    chromium.set_window_size(browser.WIDTH, browser.HEIGHT)
    chromium.downloads = browser.downloads_into(chromium, tmp_path_factory.mktemp("downloads"))
    yield chromium
    chromium.get("about:blank")


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """The module's screenshots folder, copied at its end to THIDUA_UI_SHOTS=DIR (the README's pictures, to be looked
    at); not asked, None: no picture is taken (a fifth of a second of Chromium's each, that nobody would see)."""
    asked = os.environ.get("THIDUA_UI_SHOTS")
    if not asked:
        yield None
        return
    folder = tmp_path_factory.mktemp("shots")
    yield folder
    browser.keep(folder, Path(asked))
