"""The NĐ 233 year and the commune officer in a real headless Chromium (issue 47), every step a click: a period's head
pass, the year's page, the year merged, the council's workbook chosen with the papers, the history book; the page
served anew and the year's results still there; at the commune, proposals held apart accepted and rejected with
their reasons. Screenshots of each new page at 1366×768 and 360×740 are kept with the test's (THIDUA_UI_SHOTS=DIR
copies them)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.ui import browser
from tests.ui.pages import SAMPLES, commune_campaign
from thidua_xlsx.model.places import RUNS_RECORD

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())]
PHONE = (360, 740)










def _both_sizes(driver, shots: Path, name: str) -> None:
    browser.shot(driver, shots, name, full=True)
    driver.set_window_size(*PHONE)
    browser.shot(driver, shots, f"{name}-360")
    driver.set_window_size(browser.WIDTH, browser.HEIGHT)


def _done(driver) -> str:
    browser.wait(driver, lambda d: d.find_element("id", "job").get_attribute("data-state") != "running", 300)
    assert driver.find_element("id", "job").get_attribute("data-state") == "done", browser.text(driver)
    return browser.text(driver)


def test_the_period_year_click_by_click(driver, shots, tmp_path):
    from selenium.webdriver.common.by import By

    from tests.filling import council_types
    from tests.head_pass import head_scores
    from thidua_xlsx.model.titles import NO_PROPOSAL

    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / n for n in ("ca-nam.json", "tong-hop_ca-nam.xlsx", RUNS_RECORD)}
    folder = tmp_path / "nam"
    shutil.copytree(shipped, folder, ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    headed = tmp_path / "thang-10-hieu-truong.xlsx"
    head_scores(folder / "ky" / "tong-hop_thang-10.xlsx", headed, {"GV004": (88, "Hiệu trưởng chấm lại")})
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        driver.find_element(By.LINK_TEXT, "Tháng 10/2026").click()  # the period's page: the head's pass
        browser.wait(driver, lambda d: d.find_elements(By.ID, "council"))
        driver.find_element(By.ID, "council").send_keys(str(headed))
        driver.find_element(By.ID, "merge").click()
        assert "Hiệu trưởng chấm kỳ Tháng 10/2026" in _done(driver)

        driver.get(served.root + "/")
        driver.find_element(By.LINK_TEXT, "Cả năm (từ các kỳ)").click()  # the year's own page
        browser.wait(driver, lambda d: "Bảng tổng hợp của các kỳ" in browser.text(d))
        assert "Tháng 10/2026 đã có điểm hiệu trưởng" in browser.text(driver)
        _both_sizes(driver, shots, "6-ca-nam")
        driver.find_element(By.ID, "merge").click()
        assert "tong-hop_ca-nam.xlsx" in _done(driver)
        _both_sizes(driver, shots, "7-ca-nam-ket-qua")

        council = tmp_path / "hoi-dong-ca-nam.xlsx"
        council_types(folder / "tong-hop_ca-nam.xlsx", council, {"GV009": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
        driver.get(served.root + "/vong/ca-nam")
        driver.find_element(By.ID, "council").send_keys(str(council))
        driver.find_element(By.ID, "docs").click()
        driver.find_element(By.ID, "merge").click()
        final = _done(driver)
        assert "Hội đồng đã thay đổi 1 điều" in final and "ho-so/01_To-trinh.docx" in final
        driver.get(served.root + "/vong/ca-nam")
        driver.find_element(By.ID, "history").click()
        assert "lich-su.xlsx" in _done(driver)
    finally:
        served.stop()
    again = browser.Served(folder)  # the page served anew: the year's last results still there
    try:
        driver.get(again.address)
        driver.get(again.root + "/vong/ca-nam")
        page = browser.text(driver)
        assert "Lần tổng hợp gần nhất" in page and "Tải về tong-hop_ca-nam.xlsx" in page
        assert "ho-so/01_To-trinh.docx" in page
    finally:
        again.stop()


def test_the_commune_officer_decides_held_proposals_click_by_click(driver, shots, tmp_path):
    from selenium.webdriver.common.by import By

    folder = commune_campaign(tmp_path)
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        driver.find_element(By.ID, "merge").click()
        _done(driver)
        driver.get(served.root + "/")
        browser.wait(driver, lambda d: d.find_elements(By.ID, "held"))
        before = len(driver.find_elements(By.CSS_SELECTOR, "table.held tbody tr"))
        _both_sizes(driver, shots, "8-xa-tam-giu")
        driver.find_element(By.ID, "nhan-0").click()
        driver.find_element(By.ID, "ly-do-0").send_keys("Đã kiểm tra biên bản họp")
        driver.find_element(By.ID, "bo-1").click()
        driver.find_element(By.ID, "ly-do-1").send_keys("Không đủ minh chứng")
        driver.find_element(By.ID, "officer").click()
        _done(driver)
        driver.get(served.root + "/")
        assert len(driver.find_elements(By.CSS_SELECTOR, "table.held tbody tr")) == before - 2
        assert (folder / "hoi-dong" / "xa-duyet.xlsx").is_file()
    finally:
        served.stop()
