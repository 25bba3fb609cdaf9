"""The page for everyone, on any screen: every page of a secretary's and a commune officer's journey,
in a real headless Chromium at the laptop's 1366×768 and at a phone's 360×740, passes axe-core at WCAG 2.1 A and AA
with no violation, reflows at 360 px (the document never scrolls sideways: a wide table scrolls inside its own box),
and shows where the keyboard is (each control reached by Tab has an outline, of at least 3:1 against what is behind
it — a visually hidden file picker's on its label, the button she sees). Asked for with THIDUA_UI_SHOTS=DIR,
screenshots of each page at both sizes are written there to be looked at.

axe-core is fetched from the npm registry into a cache (tests/ui/axe.py, on the first use): without
it the test is skipped on a developer's machine, and fails in CI."""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from tests.ui import axe, browser
from tests.ui.pages import RETURNED, SAMPLES, WITH_ERRORS, commune_campaign, school_campaign
from thidua_xlsx.model.places import RUNS_RECORD

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(browser.available()) and not os.environ.get("CI"), reason=browser.available())]
SIZES = {"1366": (1366, 768), "360": (360, 740)}
TABS = 250  # more Tab presses than any page has controls: the walk ends when it comes round to the first again


@pytest.fixture(scope="module")
def axe_source() -> str:
    found = axe.script()
    if isinstance(found, str):
        if os.environ.get("CI"):
            pytest.fail(f"axe-core is needed in CI: {found}")
        pytest.skip(found)
    return found.read_text(encoding="utf-8")


class Audit:
    """What each page visited failed (axe's violations, a sideways scroll, a control without a visible focus)."""

    def __init__(self, driver, source: str, shots: Path | None, journey: str):
        self.driver, self.source, self.shots, self.journey = driver, source, shots, journey
        self.failures: list[str] = []
        self.visited: list[str] = []

    def page(self, name: str) -> None:
        """The page the driver shows, at each size: axe, the reflow, the focus of each control, the screenshots."""
        self.visited.append(name)
        for size, (width, height) in SIZES.items():
            _viewport(self.driver, width, height)
            self.driver.execute_script("window.scrollTo(0, 0); window.dispatchEvent(new Event('resize'))")
            where = f"{name} at {size}"
            found = axe.violations(self.driver, self.source)
            if found:
                self.failures.append(f"{where}: {len(found)} axe violation(s)\n{axe.said(found)}")
            if size == "360":
                wide = self.driver.execute_script(
                    "var d = document.documentElement; return [d.scrollWidth, d.clientWidth, window.innerWidth]")
                if wide[0] > wide[1]:
                    self.failures.append(f"{where}: the page is {wide[0]} px wide in a {wide[1]} px window "
                                         f"(scrolls sideways): {self._widest()}")
            self._shot(f"{self.journey}{len(self.visited):02d}-{name}-{size}", width, height)
            for said in _unfocused(self.driver):
                self.failures.append(f"{where}: {said}")
        _viewport(self.driver, *SIZES["1366"])

    def _widest(self) -> str:
        """The elements that reach past the window's right edge (first those outside a table's own scroll box)."""
        return self.driver.execute_script(
            "var w = document.documentElement.clientWidth, out = [], boxed = [];"
            "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
            " if (r.right <= w + 1) { return; }"
            " (e.closest('.table-scroll') ? boxed : out).push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +"
            " (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' → ' + Math.round(r.right)); });"
            "return out.concat(boxed).slice(0, 8).join(', ');")

    def _shot(self, name: str, width: int, height: int) -> None:
        """The whole page at ``width``, its full length (then the window as it was), when pictures are asked for."""
        if self.shots is None:
            return
        tall = int(self.driver.execute_script("window.scrollTo(0, 0); return document.documentElement.scrollHeight"))
        _viewport(self.driver, width, min(max(tall, height), 6000))
        self.driver.save_screenshot(str(self.shots / f"{name}.png"))
        _viewport(self.driver, width, height)

    def passed(self) -> None:
        assert not self.failures, f"{len(self.failures)} failure(s) on {', '.join(self.visited)}:\n\n" + \
            "\n\n".join(self.failures)


def _viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


# Each control the Tab key reaches, as she sees it: itself, or for a visually hidden file picker its <label for>;
# its outline (or a box-shadow ring) and the colour behind it (the first ancestor's painted background: the outline
# is drawn outside the control).
_FOCUSED = """
var el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) { return null; }
window.__tabbed = window.__tabbed || new WeakSet();
var again = window.__tabbed.has(el); window.__tabbed.add(el);
var shown = el;
if (el.type === 'file' && el.id && parseFloat(getComputedStyle(el).opacity) === 0) {
  shown = document.querySelector('label[for="' + el.id + '"]') || el;
}
var style = getComputedStyle(shown), behind = 'rgb(255, 255, 255)';
for (var up = shown.parentElement; up; up = up.parentElement) {
  var bg = getComputedStyle(up).backgroundColor;
  if (bg && bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { behind = bg; break; }
}
var r = shown.getBoundingClientRect();
return {again: again, what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.type ? '[' + el.type + ']' : '')
          + ' "' + (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"',
        shown: shown === el ? '' : shown.tagName.toLowerCase(),
        visible: el.matches(':focus-visible'),
        style: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0, color: style.outlineColor,
        shadow: style.boxShadow, behind: behind, size: [r.width, r.height]};
"""


# The walk: each Tab's answer noted by the page as the key comes up (focus has moved by then), so that the presses go in
# a few batches instead of a round trip each; how many elements could take the focus, to size a batch.
_WALK = ("window.__tabbed = new WeakSet(); window.__walk = []; window.__focused = function () {" + _FOCUSED + "};"
         "if (!window.__walking) { window.__walking = true; window.addEventListener('keyup', function (e) {"
         " if (e.key === 'Tab') { window.__walk.push(window.__focused()); } }, true); }"
         "return document.querySelectorAll('a[href], area[href], button, input, select, textarea, iframe, summary,"
         " [tabindex], [contenteditable]').length;")


def _tabbed(driver):
    """What each Tab press focused (``_FOCUSED``'s answer; None: no control), pressed from where the focus is in
    batches of more presses than it has controls, until the caller has seen the walk come round (or ``TABS``)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    batch, pressed = driver.execute_script(_WALK) + 4, 0
    while pressed < TABS:
        presses = min(batch, TABS - pressed)
        ActionChains(driver).send_keys(Keys.TAB * presses).perform()
        pressed += presses
        walk = driver.execute_script("var w = window.__walk; window.__walk = []; return w;")
        yield from walk
        if not walk:
            return  # no key came up in the page: nothing there takes the focus


def _unfocused(driver) -> list[str]:
    """Tab through the page: each control whose focus she could not see."""
    said, seen, outside = [], 0, 0
    for one in _tabbed(driver):  # from wherever the focus is, round to the first control focused again
        if one is None:
            outside += 1
            if outside > 3:
                break  # the focus left the page and stays out: a page without controls
            continue
        outside = 0
        if one["again"]:
            break  # the walk came round: every control was reached
        seen += 1
        what = one["what"] + (f" (shown by its {one['shown']})" if one["shown"] else "")
        if one["size"][0] < 2 or one["size"][1] < 2:
            said.append(f"{what}: focused but not on screen ({one['size']})")
        elif one["shadow"] != "none" and one["style"] in ("none", "hidden"):
            continue  # a ring drawn with box-shadow
        elif one["style"] in ("none", "hidden") or one["width"] < 2:
            said.append(f"{what}: no visible focus (outline {one['style']} {one['width']}px, "
                        f":focus-visible {one['visible']})")
        elif one["style"] != "auto" and _contrast(one["color"], one["behind"]) < 3:
            said.append(f"{what}: its focus outline {one['color']} on {one['behind']} is "
                        f"{_contrast(one['color'], one['behind']):.2f}:1, under 3:1")
    if not seen and driver.execute_script(
            "return document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea').length"):
        said.append("Tab reaches no control")
    return said


def _contrast(one: str, other: str) -> float:
    def luminance(color: str) -> float:
        red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", color)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _done(driver) -> None:
    browser.wait(driver, lambda d: d.find_element("id", "job").get_attribute("data-state") != "running", 300)
    assert driver.find_element("id", "job").get_attribute("data-state") == "done", browser.text(driver)


@pytest.fixture
def held_run(monkeypatch):
    """The page's runs wait for ``release`` before they start (the run in progress is looked at meanwhile)."""
    from thidua_xlsx import service

    release = threading.Event()
    run = service.run

    def waiting(*args, **kwargs):
        assert release.wait(120)
        return run(*args, **kwargs)

    monkeypatch.setattr(service, "run", waiting)
    yield release
    release.set()


def test_a_schools_pages_for_everyone(driver, axe_source, shots, held_run, tmp_path):
    from selenium.webdriver.common.by import By

    audit = Audit(driver, axe_source, shots, "a")
    folder, returned = school_campaign(tmp_path)
    served = browser.Served(folder)
    try:
        driver.get(served.root + "/")  # without the token: the page that says how to open the page
        assert "cần mã truy cập" in browser.text(driver)
        audit.page("khong-ma")
        driver.get(served.address)
        assert "Chấm điểm thi đua" in browser.text(driver)
        assert driver.execute_script(  # the page's Content-Security-Policy holds: axe runs all the same, injected
            "var s = document.createElement('script'); s.textContent = 'window.inline = 1;';"
            "document.head.appendChild(s); s.remove(); return window.inline === undefined") is True
        audit.page("truong")
        driver.get(served.root + "/vong/dang-ky")
        audit.page("vong-dang-ky")

        driver.get(served.root + "/vong/cham-diem")  # the returned books dropped through the page
        picked = [returned / name for name in RETURNED[:3]]
        driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in picked))
        driver.find_element(By.ID, "send").click()
        browser.wait(driver, lambda d: d.find_elements(By.ID, "dropped"))
        assert WITH_ERRORS in browser.text(driver) and "Điểm 25 nằm ngoài khoảng 0 – 6" in browser.text(driver)
        assert driver.find_elements(By.CSS_SELECTOR, "textarea.reminders")  # the reminders box, labelled
        audit.page("vong-cham-diem")

        driver.find_element(By.ID, "generate").click()  # books already issued: the page asks first
        browser.wait(driver, lambda d: d.find_elements(By.ID, "regenerate"))
        audit.page("sinh-lai")

        driver.get(served.root + "/vong/cham-diem")
        driver.find_element(By.ID, "merge").click()  # the run waits: its page, and the pill that says it runs
        browser.wait(driver, lambda d: "/viec/" in d.current_url)
        assert driver.find_elements(By.CSS_SELECTOR, "header .busy")
        audit.page("viec-dang-chay")
        job = driver.current_url
        driver.get(served.root + "/")
        assert driver.find_elements(By.CSS_SELECTOR, "header .busy")
        audit.page("truong-dang-chay")
        held_run.set()
        driver.get(job)
        _done(driver)
        assert "Chiến sĩ thi đua cơ sở" in browser.text(driver)
        audit.page("viec-ket-qua")
        driver.get(served.root + "/vong/cham-diem")  # the round's last run, found again
        audit.page("vong-cham-diem-sau")

        driver.get(served.root + "/vong/khong-co")  # an unknown round: her error page, with the way back
        audit.page("loi")
    finally:
        served.stop()
    audit.passed()


def test_a_period_years_pages_for_everyone(driver, axe_source, shots, tmp_path):
    shipped = SAMPLES / "ca-nam"
    left_out = {shipped / n for n in ("ca-nam.json", "tong-hop_ca-nam.xlsx", "da-ghi.json", RUNS_RECORD)}
    folder = tmp_path / "nam"
    shutil.copytree(shipped, folder, ignore=lambda where, names: [
        n for n in names if Path(where) / n in left_out or n.startswith("Mo-trang-thi-dua.")])
    audit = Audit(driver, axe_source, shots, "b")
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        audit.page("nam")
        driver.get(served.root + "/vong/ca-nam")
        assert "Bảng tổng hợp của các kỳ" in browser.text(driver)
        audit.page("ca-nam")
        driver.get(served.root + "/vong/thang-10")
        audit.page("thang-10")
    finally:
        served.stop()
    audit.passed()


def test_the_first_day_and_next_years_pages_for_everyone(driver, axe_source, shots, tmp_path):
    """A folder with no campaign: the first screen's two questions, the campaign made, its overview (a year by
    quarters); then next year made from it, its run's page (the files outside this folder named, not linked)."""
    from selenium.webdriver.common.by import By

    folder = tmp_path / "thidua-2026"
    folder.mkdir()
    audit = Audit(driver, axe_source, shots, "d")
    served = browser.Served(folder)
    try:
        driver.get(served.address)
        assert "Trường thuộc cấp học nào?" in browser.text(driver)
        audit.page("bat-dau")
        driver.find_element(By.CSS_SELECTOR, "input[name=cap][value=thcs]").click()
        driver.find_element(By.CSS_SELECTOR, "input[name=cham][value=quy]").click()
        driver.find_element(By.ID, "first").click()
        _done(driver)
        audit.page("bat-dau-xong")
        driver.get(served.root + "/")
        assert "Quý I" in browser.text(driver)
        audit.page("nam-theo-quy")
        driver.find_element(By.ID, "next-year").click()
        _done(driver)
        assert "Biểu tượng Thi đua trên màn hình nền" in browser.text(driver)
        audit.page("nam-sau")
    finally:
        served.stop()
    audit.passed()


def test_a_communes_pages_for_everyone(driver, axe_source, shots, tmp_path):
    from selenium.webdriver.common.by import By

    audit = Audit(driver, axe_source, shots, "c")
    served = browser.Served(commune_campaign(tmp_path))
    try:
        driver.get(served.address)
        assert "Ủy ban nhân dân xã Trực Cường" in browser.text(driver)
        audit.page("xa")
        driver.find_element(By.XPATH, "//tr[td[1][.='Trường THCS Kim Sơn']]//button").click()  # Xem mã
        browser.wait(driver, lambda d: d.find_elements(By.ID, "school-code"))
        audit.page("xa-ma")  # one school's code shown in its row
        driver.find_element(By.ID, "merge").click()
        _done(driver)
        audit.page("xa-ket-qua")
        driver.get(served.root + "/")
        browser.wait(driver, lambda d: d.find_elements(By.ID, "held"))  # the proposals held for the officer
        audit.page("xa-tam-giu")
    finally:
        served.stop()
    audit.passed()
