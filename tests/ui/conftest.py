"""The browser journeys' shared fixtures: one headless Chromium per test module (a fresh profile, its downloads folder
beside it) and the module's screenshots folder (copied to THIDUA_UI_SHOTS=DIR when asked)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui import browser


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    root = tmp_path_factory.mktemp("chromium")
    found = browser.chromium(root / "profile", root / "downloads")
    found.downloads = root / "downloads"
    yield found
    found.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shots")
    yield folder
    if os.environ.get("THIDUA_UI_SHOTS"):
        browser.keep(folder, Path(os.environ["THIDUA_UI_SHOTS"]))
