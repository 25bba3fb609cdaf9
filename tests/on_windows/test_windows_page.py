"""The Windows lane: the campaign's page served by python.org's Windows CPython under Wine
(``thidua-xlsx ui``, tests/windows.py), reached from this machine as her browser reaches it on hers: the address it
prints opens the campaign's page (its token taken, then the cookie), the same address without the token is refused."""

from __future__ import annotations

import http.cookiejar
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.windows import closed, stopped, windows_path

pytestmark = pytest.mark.windows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.long(40)
def test_the_page_served_on_windows_opens_with_its_token_and_refuses_without(windows_installed, tmp_path):
    campaign = shutil.copytree(Path(windows_installed["SOURCE"]) / "samples" / "ca-nam", tmp_path / "Thi đua")
    port = _free_port()
    env = {k: v for k, v in windows_installed.items() if k != "SOURCE"}
    served = subprocess.Popen(["wine", "cmd", "/c", "thidua-xlsx", "ui", windows_path(campaign), "--no-browser",
                               "--port", str(port)], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    hung = threading.Timer(180, stopped, [env])  # a server that never says its address: ended, the test fails
    hung.start()
    try:
        assert served.stdout is not None
        address = served.stdout.readline().decode("utf-8").strip()  # printed first, as she sees it in the window
        told = served.stdout.readline().decode("utf-8")
        assert re.fullmatch(rf"http://127\.0\.0\.1:{port}/[0-9a-f]{{16}}/\?token=[\w-]+", address), address
        assert f"Trang thi đua của {windows_path(campaign)} đã mở ở địa chỉ trên (chỉ máy này mở được)." in told, told

        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with _fetched(browser, address) as page:
            assert page.status == 200
            assert "<title>Trường THCS Kim Sơn – thidua-xlsx</title>" in page.read().decode("utf-8")

        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(address.split("?")[0], timeout=30).close()  # the page's path, without its token
        refused.value.close()
        assert refused.value.code == 403
    finally:
        hung.cancel()
        closed(env)  # the window closed: Wine's processes of this machine ended, its server kept
        served.wait(60)
        served.stdout.close()


def _fetched(browser, address: str, seconds: float = 60):
    """``address`` opened by ``browser``, tried again while the server is still starting to listen."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return browser.open(address, timeout=30)
        except urllib.error.HTTPError:
            raise
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
