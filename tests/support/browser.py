"""Debian's Chromium through Selenium, headless, for the console's browser tests and screenshots.

The browser and its driver are the system packages ``chromium`` and ``chromium-driver`` (the Makefile's
APT_TEST_PACKAGES); Selenium is told where both are, so it never tries to download a browser.
"""

from __future__ import annotations

import shutil
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--no-first-run",
)


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(path) is None:
            return f"{path} not installed (apt-get install chromium chromium-driver)"
    return None


def chromium(user_data_dir: Path, width: int = 1366, height: int = 768):  # type: ignore[no-untyped-def]
    """A fresh headless Chromium (its own profile in ``user_data_dir``) at ``width`` × ``height``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={user_data_dir}")
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument("--lang=id")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    return driver


def click_and_wait(driver, element, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Click what loads a new page, and wait until the old page is gone (a click does not wait)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    # mid-navigation chromedriver may answer "Node with given id does not belong to the document"
    # (an unknown error, not a stale element): ask again until the old page is really gone
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.staleness_of(old)
    )
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def follow(driver, link_text: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    click_and_wait(driver, driver.find_element(By.LINK_TEXT, link_text))


def fill(driver, element_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def login(driver, base_url: str, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    driver.get(base_url + "/console/masuk")
    fill(driver, "name", name)
    fill(driver, "password", password)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/console/masuk'] button"))


def logout(driver) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/console/keluar'] button"))


def submit_action(driver, action_id: str) -> None:  # type: ignore[no-untyped-def]
    """Press the button of one action form of the case page (``f-<action_id>``)."""
    from selenium.webdriver.common.by import By

    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"#f-{action_id} button[type=submit]"))
