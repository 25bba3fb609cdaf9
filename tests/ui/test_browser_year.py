"""The NĐ 233 year and the commune officer in a real headless Chromium, every step a click: from the
campaign init writes to the registration, each period's books, its merge and the head's pass, the year's page, the
year merged, the council's workbook chosen with the papers, the history book, the page served anew with the year's
results still there, next year; at the commune, proposals held apart accepted and rejected with their reasons.
Asked for with THIDUA_UI_SHOTS=DIR, screenshots of each new page at 1366×768 and 360×740 are written there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui import browser
from tests.ui.pages import commune_campaign

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())]
PHONE = (360, 740)


def _both_sizes(driver, shots: Path | None, name: str) -> None:
    if shots is None:
        return  # no pictures asked for (conftest's shots)
    browser.shot(driver, shots, name, full=True)
    driver.set_window_size(*PHONE)
    browser.shot(driver, shots, f"{name}-360")
    driver.set_window_size(browser.WIDTH, browser.HEIGHT)


def _done(driver) -> str:
    browser.wait(driver, lambda d: d.find_element("id", "job").get_attribute("data-state") != "running", 300)
    assert driver.find_element("id", "job").get_attribute("data-state") == "done", browser.text(driver)
    return browser.text(driver)


def _drop(driver, books: list[Path]) -> None:
    """Books chosen on a round's page and sent, as she drops what the departments sent back."""
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in books))
    browser.wait(driver, lambda d: books[0].name in d.find_element(By.ID, "chosen").text)
    driver.find_element(By.ID, "send").click()
    browser.wait(driver, lambda d: d.find_elements(By.ID, "dropped"))


def _round(driver, served, key: str, click: str) -> str:
    """On the page of round ``key``, press the button ``click`` and wait for its job: the job's page's text."""
    from selenium.webdriver.common.by import By

    driver.get(f"{served.root}/vong/{key}")
    driver.find_element(By.ID, click).click()
    return _done(driver)


def test_a_period_year_from_init_to_the_papers_and_the_history_click_by_click(driver, shots, tmp_path):
    """From the campaign init writes (what the installer does) to next year's folder, every step a click: the
    registration books made, dropped back and merged; each period's books made, dropped, merged; the head's pass on
    a period; the year's page, its merge, the council's workbook with the papers, the history book; the page served
    anew with the year's results; next year. The departments fill their books as the sample's do
    (samples/build_year.py)."""
    from selenium.webdriver.common.by import By

    from samples.build_year import fill_period, registered_titles, start
    from tests.filling import council_types, registered_book
    from tests.head_pass import head_scores
    from thidua_xlsx.model.titles import NO_PROPOSAL, TTLDTT

    folder = tmp_path / "nam"
    campaign = start(folder, shift=1).campaign
    back = tmp_path / "ve"  # what the departments sent back, round by round
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        assert "Đăng ký thi đua" in browser.text(driver)
        made = _round(driver, served, "dang-ky", "generate")
        assert "outbox/dang-ky" in made, made
        books = []
        for book in sorted((folder / "outbox" / "dang-ky").glob("*.xlsx")):
            books.append(back / "dang-ky" / book.name)
            books[-1].parent.mkdir(parents=True, exist_ok=True)
            registered_book(book, books[-1], registered_titles(),
                            collective={d.code: TTLDTT for d in campaign.departments})
        driver.get(f"{served.root}/vong/dang-ky")
        _drop(driver, books)
        assert "tong-hop_dang-ky.xlsx" in _round(driver, served, "dang-ky", "merge")

        for month, period in enumerate(campaign.periods):
            made = _round(driver, served, period.code, "generate")
            assert f"outbox/{period.code}" in made, made
            books = []
            for book in sorted((folder / "outbox" / period.code).glob("*.xlsx")):
                books.append(back / period.code / book.name)
                books[-1].parent.mkdir(parents=True, exist_ok=True)
                fill_period(campaign, book, books[-1], month, period.code)
            driver.get(f"{served.root}/vong/{period.code}")
            _drop(driver, books)
            assert f"ky/tong-hop_{period.code}.xlsx" in _round(driver, served, period.code, "merge")

        last = campaign.periods[-1]
        for period in campaign.periods:  # the head passes every period (the year is final only then), the last with
            headed = tmp_path / f"hieu-truong_{period.code}.xlsx"  # a score of her own: her copy, typed into
            head_scores(folder / "ky" / f"tong-hop_{period.code}.xlsx", headed,
                        {"GV004": (88, "Hiệu trưởng chấm lại")} if period == last else {})
            driver.get(f"{served.root}/vong/{period.code}")
            driver.find_element(By.ID, "council").send_keys(str(headed))
            driver.find_element(By.ID, "merge").click()
            done = _done(driver)
            assert (folder / "hoi-dong" / f"hieu-truong_{period.code}.xlsx").is_file()  # kept: applied again later
            assert period != last or f"Hiệu trưởng chấm kỳ {last.label}: 1 thay đổi" in done

        driver.get(served.root + "/")
        driver.find_element(By.LINK_TEXT, "Cả năm (từ các kỳ)").click()  # the year's own page
        browser.wait(driver, lambda d: "Bảng tổng hợp của các kỳ" in browser.text(d))
        assert f"{last.label} đã có điểm hiệu trưởng" in browser.text(driver)
        assert "Mọi kỳ đã có lượt Hiệu trưởng duyệt" in browser.text(driver)  # the year is final, not a draft
        _both_sizes(driver, shots, "6-ca-nam")
        driver.find_element(By.ID, "merge").click()
        assert "tong-hop_ca-nam.xlsx" in _done(driver)
        _both_sizes(driver, shots, "7-ca-nam-ket-qua")

        council = tmp_path / "hoi-dong_ca-nam.xlsx"
        council_types(folder / "tong-hop_ca-nam.xlsx", council, {"GV009": (None, NO_PROPOSAL, "Chưa đủ hồ sơ")})
        driver.get(served.root + "/vong/ca-nam")
        driver.find_element(By.ID, "council").send_keys(str(council))
        driver.find_element(By.ID, "docs").click()
        driver.find_element(By.ID, "merge").click()
        final = _done(driver)
        assert "Hội đồng đã thay đổi 1 điều" in final and "ho-so/01_To-trinh.docx" in final
        assert "lich-su.xlsx" in _round(driver, served, "ca-nam", "history")
    finally:
        served.stop()
    again = browser.Served(folder)  # the page served anew: the year's last results still there; then next year
    try:
        driver.get(again.address)
        driver.get(again.root + "/vong/ca-nam")
        page = browser.text(driver)
        assert "Lần tổng hợp gần nhất" in page and "Tải về tong-hop_ca-nam.xlsx" in page
        assert "ho-so/01_To-trinh.docx" in page
        driver.get(again.root + "/")
        driver.find_element(By.ID, "next-year").click()
        browser.wait(driver, lambda d: "Mo-trang-thi-dua" in browser.text(d))
    finally:
        again.stop()
    assert [p for p in tmp_path.iterdir() if p != folder and (p / "campaign.xlsx").is_file()], "next year's folder"
    beside = [p for p in folder.rglob("*(moi*") if p.parent != folder / "hoi-dong"]  # uploads: each kept by name
    assert not beside, f"the page wrote beside its own files: {beside}"


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
