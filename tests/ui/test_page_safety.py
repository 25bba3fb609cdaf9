"""The page's safety and its refusals (item 4): the cookie carries a visit's seal, not the token; the
browser is opened on a local redirect file, never with the token on its command line; folder names Windows cannot
hold are refused; the refused page says how to get in again (styled, no link back to itself); an unknown address, a
button's address and an unexpected error answer in Vietnamese with the way back."""

from __future__ import annotations

import os
import re
import stat
import threading
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from tests.ui import browser
from tests.ui.browser import free_port
from tests.ui.pages import TOKEN, client, school_campaign, text
from thidua_xlsx.ui.security import form_token, plain_name

COOKIE = "thidua_xlsx_page"  # the test client's page: port 0


@pytest.fixture
def school(tmp_path) -> Path:
    folder, _returned = school_campaign(tmp_path / "safety")
    return folder


def _cookie(response) -> str:
    found = re.search(rf"{COOKIE}=([^;]*)", response.headers["Set-Cookie"])
    assert found, response.headers["Set-Cookie"]
    return found.group(1)


class _Serving:
    """``thidua-xlsx ui FOLDER`` (the browser opened: ``webbrowser.open`` recorded, not run) in a thread."""

    def __init__(self, folder: Path, monkeypatch):
        import webbrowser

        from thidua_xlsx.ui.serve import serve

        self.asked: list[str] = []
        self.lines: list[str] = []
        self._stops: list = []
        opened, listening = threading.Event(), threading.Event()

        def record(url, *args, **kwargs):  # the browser's command line would carry this address
            self.asked.append(url)
            opened.set()
            return True

        def ready(stop) -> None:
            self._stops.append(stop)
            listening.set()

        monkeypatch.setattr(webbrowser, "open", record)
        self.thread = threading.Thread(target=serve, args=(folder, free_port(), True, self.lines.append, ready),
                                       daemon=True)
        self.thread.start()
        assert listening.wait(20) and opened.wait(20), self.lines

    def stop(self) -> None:
        if self._stops:
            self._stops[0]()
        self.thread.join(10)
        assert not self.thread.is_alive()


# --- the cookie: a visit's seal, not the token ------------------------------------------------------------------

def test_the_cookie_is_a_seal_of_the_visit_not_the_token_and_opens_the_page(school):
    from thidua_xlsx.ui.app import create_app

    app = create_app(school, TOKEN)
    first, second = app.test_client(), app.test_client()
    given = first.get(f"/?token={TOKEN}")
    assert given.status_code == 302 and given.headers["Location"] == "/"
    header = given.headers["Set-Cookie"]
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
    value = _cookie(given)
    assert TOKEN not in value and value != form_token(TOKEN)
    assert first.get("/").status_code == 200  # the seal opens the page

    again = second.get(f"/?token={TOKEN}")  # the address printed still opens it (another browser, a new tab)
    assert again.status_code == 302 and _cookie(again) != value  # each visit its own seal
    assert second.get("/").status_code == 200


def test_a_forged_or_an_earlier_servers_cookie_is_refused(school):
    from thidua_xlsx.ui.app import create_app

    earlier = create_app(school, TOKEN).test_client()
    stale = _cookie(earlier.get(f"/?token={TOKEN}"))  # the same token, another server's secret
    app = create_app(school, TOKEN)
    visit = _cookie(app.test_client().get(f"/?token={TOKEN}"))
    forged = (TOKEN, form_token(TOKEN), stale, visit.split(".")[0] + ".", "." + visit.split(".")[1],
              visit.split(".")[0] + "x." + visit.split(".")[1], visit + "0", "", "ạ.ộ")
    for value in forged:
        stranger = app.test_client()
        stranger.set_cookie(COOKIE, value)
        refused = stranger.get("/")
        assert refused.status_code == 403, value
        assert "cần mã truy cập" in text(refused)
    holder = app.test_client()
    holder.set_cookie(COOKIE, visit)
    assert holder.get("/").status_code == 200
    assert holder.get("/?token=wrong").status_code == 403  # a wrong token in the address: refused, seal or not


def test_the_seal_is_sent_for_the_page_s_own_path_alone_and_taken_nowhere_else(school):
    """A browser sends a cookie for 127.0.0.1 to every port of it: the page lives under a path drawn at its start and
    its seal is set for that path, so another program listening on 127.0.0.1 is never sent it; a request outside the
    path is refused, a seal replayed there too (docs/security.md)."""
    from thidua_xlsx.ui.app import create_app

    prefix = "/0123456789abcdef"
    app = create_app(school, TOKEN, 0, prefix)
    visitor = app.test_client()
    given = visitor.get(f"{prefix}/vong/cham-diem?token={TOKEN}")
    assert given.status_code == 302 and given.headers["Location"] == f"{prefix}/vong/cham-diem"
    assert f"Path={prefix}/" in given.headers["Set-Cookie"]
    assert visitor.get(f"{prefix}/vong/cham-diem").status_code == 200
    seal = _cookie(given)
    for outside in ("/", "/vong/cham-diem", "/tep?p=campaign.xlsx", f"{prefix}x/", "/0123456789abcdeg/"):
        replayed = app.test_client()
        replayed.set_cookie(COOKIE, seal, path="/")
        assert replayed.get(outside).status_code == 403, outside
        assert replayed.get(f"{outside}?token={TOKEN}").status_code == 403, outside  # no seal is given there either
    style = app.test_client().get("/static/style.css")  # the refused page's style, nothing else
    assert style.status_code == 200
    style.close()


def test_the_address_opened_from_the_redirect_file_gets_its_seal_through_a_page_of_the_site(school):
    """From the redirect file (file://: another site to the browser) a redirect would carry that site on, and the
    SameSite=Strict seal would not come with the page it leads to (headless Chromium: refused): a page of ours sends
    the browser on instead, a navigation of this site."""
    from thidua_xlsx.ui.app import create_app

    app = create_app(school, TOKEN)
    visitor = app.test_client()
    bounced = visitor.get(f"/vong/cham-diem?token={TOKEN}&nhan=x", headers={"Sec-Fetch-Site": "cross-site"})
    body = bounced.data.decode("utf-8")
    assert bounced.status_code == 200 and "Location" not in bounced.headers
    assert '<meta http-equiv="refresh" content="0;url=/vong/cham-diem?nhan=x">' in body and TOKEN not in body
    assert "SameSite=Strict" in bounced.headers["Set-Cookie"] and TOKEN not in _cookie(bounced)
    assert visitor.get("/vong/cham-diem?nhan=x", headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200
    typed = app.test_client().get(f"/?token={TOKEN}", headers={"Sec-Fetch-Site": "none"})  # typed, pasted
    assert typed.status_code == 302 and typed.headers["Location"] == "/"
    elsewhere = app.test_client().get(f"/?token={TOKEN}", environ_overrides={"PATH_INFO": "//evil.example/x"})
    assert elsewhere.status_code == 302 and elsewhere.headers["Location"] == "/evil.example/x"  # not another site's


# --- the browser opened on a redirect file ----------------------------------------------------------------------

def test_the_browser_is_opened_on_a_private_redirect_file_gone_when_the_page_stops(school, tmp_path, monkeypatch):
    import http.client

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    served = _Serving(school, monkeypatch)
    try:
        address = served.lines[0]
        token = address.split("?token=", 1)[1]
        assert address.startswith("http://127.0.0.1:") and token  # the first line: the address, for her to copy
        assert len(served.asked) == 1 and served.asked[0].startswith("file://") and token not in served.asked[0]
        redirect = Path(url2pathname(urlsplit(served.asked[0]).path))
        assert redirect.parent == runtime and redirect.suffix == ".html"
        held = redirect.read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0;url={address}">' in held and f'href="{address}"' in held
        assert "Đang mở trang thi đua" in held
        if os.name == "posix":
            assert stat.S_IMODE(redirect.stat().st_mode) & 0o077 == 0  # hers alone
        assert not any("Hãy mở địa chỉ trên bằng trình duyệt" in line for line in served.lines)  # opened

        # the address the file holds is the page's: the token taken, a seal given
        connection = http.client.HTTPConnection("127.0.0.1", int(urlsplit(address).port or 0), timeout=10)
        try:
            connection.request("GET", urlsplit(address).path + "?token=" + token)  # the page's own path
            answer = connection.getresponse()
            assert answer.status == 302 and token not in (answer.getheader("Set-Cookie") or "x")
            answer.read()
        finally:
            connection.close()
    finally:
        served.stop()
    assert not redirect.exists()  # gone with the page
    assert not list(runtime.iterdir())


def test_a_visit_still_connected_when_the_page_stops_is_closed_by_it(school, tmp_path, monkeypatch):
    """A browser keeps its connection open between pages: when the page stops, its end of that connection closes too
    (left to the garbage collector, it was an unclosed socket's warning in a later test of the same process)."""
    import http.client

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    served = _Serving(school, monkeypatch)
    connection = http.client.HTTPConnection("127.0.0.1", int(urlsplit(served.lines[0]).port or 0), timeout=10)
    try:
        connection.request("GET", "/static/style.css")  # kept alive: HTTP/1.1
        answer = connection.getresponse()
        assert answer.status == 200 and not answer.will_close
        answer.read()
        served.stop()
        assert connection.sock is not None and connection.sock.recv(1) == b""  # closed by the page, not waiting
    finally:
        connection.close()


def test_no_browser_leaves_no_redirect_file_and_says_to_open_the_address(tmp_path, monkeypatch):
    import webbrowser

    from thidua_xlsx.ui.serve import open_browser_on

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    asked: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: asked.append(url) or False)
    assert open_browser_on("http://127.0.0.1:1/?token=abc") is None
    assert len(asked) == 1 and "abc" not in asked[0]
    assert not list(tmp_path.iterdir())


# --- folder names Windows cannot hold ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "CON", "con", "Con", "nul.txt", "NUL.tar.gz", "con .txt", "PRN", "aux", "AUX.", "COM1", "com9", "com1.",
    "LPT1", "LPT9 ", "lpt5.docx", "COM\u00b9", "conin$", "CONOUT$",  # Windows' devices, whatever follows
    "truong.", "truong ", " truong", ".", "..", "a/b", "a\\b", "C:", "a:b", "a*b", "a?b", 'a"b', "a<b", "a>b",
    "a|b", "a\x00b", "a\tb", "", "x" * 121, "ữ" * 86,  # 86 × 3 bytes: more than a POSIX name holds
])
def test_names_windows_cannot_hold_are_refused(name):
    assert not plain_name(name)  # the same rules on every system: the folder travels to Windows


@pytest.mark.parametrize("name", ["truong-2026-2027", "Trường 2026-2027", "console", "nul-2026", "com10",
                                  "LPT", "auxiliary.txt", "con-truong", "x" * 120, "ữ" * 85])
def test_plain_names_are_accepted(name):
    assert plain_name(name)


def test_the_page_refuses_a_device_name_for_next_year(school):
    _app, found = client(school)
    before = sorted(p.name for p in school.parent.iterdir())
    refused = found.post("/nam-moi", data={"csrf": form_token(TOKEN), "ten": "con"})
    assert refused.status_code == 400 and "'con' không dùng được" in text(refused)
    assert sorted(p.name for p in school.parent.iterdir()) == before  # nothing made


# --- the refused page, the static files, the unknown address ----------------------------------------------------

def test_the_packages_style_and_script_are_served_without_the_token_on_this_address_only(school):
    from thidua_xlsx.ui.app import create_app

    stranger = create_app(school, TOKEN).test_client()
    for name in ("style.css", "page.js"):
        served = stranger.get(f"/static/{name}")
        assert served.status_code == 200 and served.data, name
        served.close()
        foreign = stranger.get(f"/static/{name}", headers={"Host": "evil.example"})
        assert foreign.status_code == 403, name
    for asked in ("/static/none.css", "/static/../app.py", "/static/%2e%2e/app.py", "/static/"):
        refused = stranger.get(asked)  # nothing else there without the token (not even Flask's own 404)
        assert refused.status_code == 403 and "cần mã truy cập" in text(refused), asked


def test_the_page_without_its_token_says_how_to_get_in_again_styled_and_linking_nowhere(school):
    from thidua_xlsx.ui.app import create_app

    stranger = create_app(school, TOKEN).test_client()
    for path in ("/", "/vong/cham-diem", "/viec/x"):
        refused = stranger.get(path)
        body = refused.data.decode("utf-8")
        words = text(refused)
        assert refused.status_code == 403
        assert '<html lang="vi">' in body and "Không làm được" in words and "cần mã truy cập" in words
        assert "Bấm đúp tệp Mo-trang-thi-dua trong thư mục chiến dịch" in words
        assert "chép địa chỉ ở dòng đầu tiên của cửa sổ" in words
        assert '<link rel="stylesheet" href="/static/style.css">' in body
        style = stranger.get("/static/style.css")
        assert style.status_code == 200  # the style it links is there
        style.close()
        assert "<a " not in body and "href=\"/\"" not in body and "Quay lại" not in words  # no link that loops
        assert form_token(TOKEN) not in body and "data-csrf" not in body  # nothing derived from the token
        assert str(school) not in body


def test_another_address_is_refused_without_the_form_token(school):
    _app, found = client(school)
    refused = found.get("/", headers={"Host": "evil.example:8765"})
    assert refused.status_code == 403 and "evil.example" in text(refused)
    assert form_token(TOKEN) not in refused.data.decode("utf-8")  # a rebinding page reads it: nothing to take


def test_an_unknown_address_answers_in_vietnamese_with_the_way_back(school):
    _app, found = client(school)
    for path in ("/khong-co", "/viec/khong-co", "/vong/cham-diem/nhan/them"):
        missing = found.get(path)
        assert missing.status_code == 404, path
        words = text(missing)
        assert f"Không có trang nào ở địa chỉ '{path}'" in words and "Not Found" not in words
        assert '<a href="/">Quay lại</a>' in missing.data.decode("utf-8")
        assert '<link rel="stylesheet" href="/static/style.css">' in missing.data.decode("utf-8")


def test_a_buttons_address_opened_as_a_page_answers_in_vietnamese(school):
    _app, found = client(school)
    for path in ("/nam-moi", "/lich-su", "/thu"):
        wrong = found.get(path)
        assert wrong.status_code == 405, path
        assert "là của một nút bấm trong trang" in text(wrong) and "Method Not Allowed" not in text(wrong)
        assert '<a href="/">Quay lại</a>' in wrong.data.decode("utf-8")


def test_an_unexpected_error_answers_in_vietnamese_with_the_way_back(school, caplog):
    from thidua_xlsx.ui.app import create_app

    app = create_app(school, TOKEN)

    def broken():
        raise RuntimeError("a fault of ours")

    app.add_url_rule("/hong", "broken", broken)
    found = app.test_client()
    found.get(f"/?token={TOKEN}")
    failed = found.get("/hong")
    assert failed.status_code == 500
    assert "Trang gặp lỗi chưa lường trước" in text(failed) and "Internal Server Error" not in text(failed)
    assert '<a href="/">Quay lại</a>' in failed.data.decode("utf-8")
    assert "a fault of ours" not in text(failed)  # logged on the black window, not shown
    assert any("a fault of ours" in record.getMessage() or record.exc_info for record in caplog.records)


@pytest.mark.browser
@pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())
def test_in_chromium_the_redirect_file_opens_the_page_and_the_refused_page_is_styled(school, driver, tmp_path,
                                                                                    monkeypatch):
    import time

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    served = _Serving(school, monkeypatch)
    root = served.lines[0].split("?", 1)[0].rstrip("/")
    try:
        driver.get(root + "/vong/cham-diem")  # without the token
        words = " ".join(driver.find_element("tag name", "body").text.split())
        assert "cần mã truy cập" in words and "Bấm đúp tệp Mo-trang-thi-dua" in words
        assert not driver.find_elements("tag name", "a")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and driver.find_element("css selector", "header.top").value_of_css_property(
                "background-color") != "rgba(11, 92, 173, 1)":
            time.sleep(0.2)
        header = driver.find_element("css selector", "header.top")
        assert header.value_of_css_property("background-color") == "rgba(11, 92, 173, 1)"  # the page's style

        driver.get(served.asked[0])  # what the browser was asked to open: the redirect file
        deadline = time.monotonic() + 20
        while "Trường Tiểu học Trực Cường" not in driver.title and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "Trường Tiểu học Trực Cường" in driver.title, driver.title  # in, with the seal: not refused
        assert driver.current_url == root + "/"  # the token gone from the address
    finally:
        served.stop()
    assert not list(tmp_path.glob("thidua-xlsx-*.html"))
