"""The page's tests' shared fixtures: the sample school merged by the page, built once per session (each test copies
it: tests/ui/pages.py); for the browser journeys, one headless Chromium per test module (a fresh profile, its
downloads folder beside it) and the module's screenshots folder (copied to THIDUA_UI_SHOTS=DIR when asked)."""

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
