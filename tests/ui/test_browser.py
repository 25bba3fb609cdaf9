"""The page in a real headless Chromium, as the secretary and the commune's officer use it: open the address printed,
pick four returned books (one of another round, one with errors), read what was filed and the problems, merge, read
the results, download the summary; the commune's schools and its merge. Asked for with THIDUA_UI_SHOTS=DIR,
screenshots of each page are written there (the README's pictures are in samples/huong-dan/trang/, apart from the
guide's own, which build_guide.py renders)."""

from __future__ import annotations

import os
import re

import pytest

from tests.ui import browser
from tests.ui.pages import REGISTRATION_BOOK, RETURNED, WITH_ERRORS, commune_campaign, school_campaign

FIRST_SCREEN = (840, 860)  # the window the first screen is pictured in for the guide (samples/build_guide.py)
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())]


def test_a_secretarys_round(driver, shots, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    folder, returned = school_campaign(tmp_path)
    served = browser.Served(folder)
    try:
        assert served.address.startswith("http://127.0.0.1:") and "?token=" in served.address
        driver.get(served.root + "/")  # without the token: refused
        assert "cần mã truy cập" in browser.text(driver)
        driver.get(served.address)
        assert "?token=" not in driver.current_url  # the token went to a cookie
        page = browser.text(driver)
        assert "Trường Tiểu học Trực Cường" in page and "Chấm điểm thi đua" in page
        browser.shot(driver, shots, "1-nam-hoc")

        driver.find_element(By.LINK_TEXT, "Chấm điểm thi đua").send_keys(Keys.ENTER)  # by the keyboard
        browser.wait(driver, lambda d: "Kéo các sổ" in browser.text(d))
        picked = [returned / RETURNED[0], returned / WITH_ERRORS, returned / RETURNED[2], returned / REGISTRATION_BOOK]
        driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in picked))
        browser.wait(driver, lambda d: RETURNED[0] in d.find_element(By.ID, "chosen").text)
        driver.find_element(By.ID, "send").click()
        browser.wait(driver, lambda d: d.find_elements(By.ID, "dropped"))
        page = browser.text(driver)
        assert f"{WITH_ERRORS} Đã xếp: inbox/{WITH_ERRORS}" in page
        # another round's book: filed by its codes into its own round (a copy of the one there), said, linked
        assert f"{REGISTRATION_BOOK} Đã có (giống hệt): inbox-dang-ky/{REGISTRATION_BOOK}" in page
        assert "không phải sổ Chấm điểm thi đua: đã xếp vào thư mục nhận của Đăng ký thi đua" in page
        assert driver.find_elements(By.LINK_TEXT, "Mở trang của vòng đó")
        assert "Điểm 25 nằm ngoài khoảng 0 – 6" in page  # the problem list, at its cell
        assert "01 Vũ Văn Thành!D13" in page
        assert sorted(p.name for p in (folder / "inbox").iterdir()) == sorted(p.name for p in picked[:3])
        browser.shot(driver, shots, "2-vong-cham-diem")

        driver.find_element(By.ID, "merge").click()
        browser.wait(driver, lambda d: "/viec/" in d.current_url)
        browser.wait(driver, lambda d: d.find_element(By.ID, "job").get_attribute("data-state") != "running", 120)
        page = browser.text(driver)
        assert "Xong" in page, page
        assert "Tổ chưa gửi: Tổ khối 2-3, Tổ chuyên biệt" in page
        assert "Chiến sĩ thi đua cơ sở" in page and "Lao động tiên tiến" in page
        browser.shot(driver, shots, "3-ket-qua")

        driver.find_element(By.LINK_TEXT, "tong-hop_cham-diem.xlsx").click()
        downloaded, summary = driver.downloads / "tong-hop_cham-diem.xlsx", folder / "tong-hop_cham-diem.xlsx"
        whole = summary.stat().st_size  # Chromium names the file once written; its size, to be sure
        browser.wait(driver, lambda _d: downloaded.is_file() and downloaded.stat().st_size == whole, 30)
        assert downloaded.read_bytes() == summary.read_bytes()
    finally:
        served.stop()


def test_a_communes_merge(driver, shots, tmp_path):
    from selenium.webdriver.common.by import By

    folder = commune_campaign(tmp_path)
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        page = browser.text(driver)
        assert "Ủy ban nhân dân xã Trực Cường" in page
        assert "Chưa gửi" in page.split("Xem mã – Trường Mầm non Trực Cường")[1][:40]  # its row: its button, its state
        browser.shot(driver, shots, "4-cap-xa")
        driver.find_element(By.XPATH, "//tr[td[1][.='Trường THCS Kim Sơn']]//button").click()  # Xem mã
        shown = browser.wait(driver, lambda d: d.find_elements(By.ID, "school-code"))[0].text
        assert re.fullmatch(r"Mã xác thực của Trường THCS Kim Sơn năm học 2025-2026: [A-Z0-9]{5}(-[A-Z0-9]{5}){2}",
                            shown), shown
        assert len(re.findall(r"[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}", browser.text(driver))) == 1  # that one alone
        driver.find_element(By.ID, "merge").click()
        browser.wait(driver, lambda d: "/viec/" in d.current_url)
        browser.wait(driver, lambda d: d.find_element(By.ID, "job").get_attribute("data-state") != "running", 120)
        page = browser.text(driver)
        assert "Xong" in page and "tong-hop-cac-truong.xlsx" in page, page
        browser.shot(driver, shots, "5-cap-xa-tong-hop")
    finally:
        served.stop()


def test_the_first_screen_asks_the_level_and_how_the_school_scores(driver, shots, tmp_path):
    """A folder with no campaign, as the installer leaves it or the Desktop's "Thi đua" opens it: the page asks the two
    questions (its picture opens the secretary's guide), she answers mầm non and by month, and the year is made."""
    from selenium.webdriver.common.by import By

    folder = tmp_path / "Thi-dua"
    folder.mkdir()
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        page = browser.text(driver)
        assert "Trường thuộc cấp học nào?" in page and "Trường chấm điểm thi đua thế nào?" in page
        assert "Theo tháng, Nghị định 233/2026" in page and "Theo quý" in page and "Một lần cuối năm học" in page
        driver.set_window_size(*FIRST_SCREEN)  # the guide's picture: a narrower window, its words larger on paper
        try:
            browser.shot(driver, shots, "0-bat-dau")
        finally:
            driver.set_window_size(browser.WIDTH, browser.HEIGHT)

        driver.find_element(By.CSS_SELECTOR, "input[name=cap][value=mam-non]").click()
        driver.find_element(By.ID, "first").click()  # by month: the answer already chosen
        browser.wait(driver, lambda d: d.find_element(By.ID, "job").get_attribute("data-state") != "running", 120)
        assert "Xong" in browser.text(driver)
        driver.get(served.root + "/")
        assert "Tháng 9/" in browser.text(driver) and (folder / "campaign.xlsx").is_file()
    finally:
        served.stop()


def test_another_program_listening_on_127_0_0_1_is_never_sent_the_page_s_seal(driver, tmp_path):
    """A browser sends a cookie for 127.0.0.1 to every port of it: another user's program listening there, to which
    the officer follows a link, was sent the commune page's seal and could replay it for the schools' codes. The seal
    is set for the page's own path, drawn at its start: no other port is sent it (docs/security.md)."""
    import http.server
    import threading

    served = browser.Served(commune_campaign(tmp_path))
    seen: list[tuple[str, str]] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("Cookie") or ""))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html><body><img src='/pixel.gif'><img src='/tep?p=cap-tren.xlsx'></body></html>")

        def log_message(self, *args):
            pass

    other = http.server.ThreadingHTTPServer(("127.0.0.1", browser.free_port()), Listener)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        driver.get(served.address)
        assert "Các trường" in browser.text(driver)  # her page, opened
        driver.get(f"http://127.0.0.1:{other.server_address[1]}/")  # a link she follows to another local program
        browser.wait(driver, lambda _d: len(seen) >= 3)
    finally:
        other.shutdown()
        other.server_close()
        served.stop()
    assert {path for path, _ in seen} >= {"/", "/pixel.gif", "/tep?p=cap-tren.xlsx"}
    assert [cookie for _, cookie in seen if "thidua_xlsx" in cookie] == []
