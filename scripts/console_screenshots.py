"""Screenshots of the console's monitoring and search pages and the public page for docs/screenshots/.

    python scripts/console_screenshots.py --url http://127.0.0.1:8311 --user NAME --password-file FILE

drives Debian's chromium through chromedriver (Selenium), signs in through the console's own form, and
writes ``console-monitoring.png``, ``console-search.png`` and ``public-page.png``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = Path(__file__).resolve().parent.parent


def _driver(width: int, height: int) -> webdriver.Chrome:
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


def _full_page(driver: webdriver.Chrome, out: Path, width: int, max_height: int = 4000) -> None:
    height = min(max_height, driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(width, height)
    driver.save_screenshot(str(out))
    print(f"wrote {out}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:8311")
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", required=True, type=Path)
    p.add_argument("--search", default="jalan berlubang")
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    driver = _driver(1280, 900)
    try:
        driver.get(args.url + "/publik")
        _full_page(driver, args.out / "public-page.png", 1280, 2600)
        driver.set_window_size(1280, 900)
        driver.get(args.url + "/console/masuk")
        driver.find_element(By.ID, "name").send_keys(args.user)
        driver.find_element(By.ID, "password").send_keys(args.password_file.read_text().strip())
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        driver.get(args.url + "/console/monitoring")
        _full_page(driver, args.out / "console-monitoring.png", 1280, 3600)
        driver.set_window_size(1280, 900)
        driver.get(args.url + "/console/cari?q=" + args.search.replace(" ", "+"))
        _full_page(driver, args.out / "console-search.png", 1280, 2400)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
