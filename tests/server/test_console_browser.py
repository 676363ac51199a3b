"""The whole regency workflow in a real browser (Debian's Chromium, headless, through Selenium) against a
real ``radio-desk-server serve`` on SQLite and PostgreSQL: a station posts a case through the API → the
coordinator signs in, verifies and forwards it → the OPD officer signs in, marks it diproses, then
selesai with a note → the station's ``GET`` of the case shows the status and the note."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_helpers import make_case, truncate_pg
from test_faults import ServerProcess, add_station

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # makes tests/support importable
from support import browser

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]
PASSWORDS = {"sari": "sandi-koordinator-2026", "pu-budi": "sandi-opd-pu-2026"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    reason = browser.missing()
    if reason:
        pytest.skip(reason)
    database = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    if request.param == "postgres":
        database = request.getfixturevalue("pg_url")
    srv = ServerProcess(database, tmp_path / "home")
    srv.env["RADIO_DESK_SERVER_DATA"] = str(tmp_path / "server-data")
    try:
        yield srv
    finally:
        srv.stop()
        if request.param == "postgres":
            truncate_pg(database)


def set_password(srv: ServerProcess, name: str, password: str) -> None:
    """``radio-desk-server user password NAME`` with the password on standard input (not a terminal)."""
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk.server.cli", "user", "password", name, "--database", srv.database],
        input=password + "\n",
        env=srv.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert password not in out.stdout + out.stderr  # never echoed


@pytest.fixture
def driver(tmp_path: Path):  # type: ignore[no-untyped-def]
    d = browser.chromium(tmp_path / "chromium-profile")
    try:
        yield d
    finally:
        d.quit()


def test_station_to_coordinator_to_opd_in_a_browser(server: ServerProcess, driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    key = add_station(server, "malowopati-fm")
    server.cli("user", "add", "sari", "--role", "coordinator")
    server.cli("user", "add", "pu-budi", "--role", "opd", "--opd", "dpubmpr")
    for name, password in PASSWORDS.items():
        set_password(server, name, password)
    server.start()
    base = server.url

    # 1. the station's desk posts a case (as its sync does)
    case = make_case(description="Jalan berlubang di depan SD Kapas, sudah dua bulan.")
    r = httpx.post(base + "/api/v1/requests/batch", json={"cases": [case]}, headers={"X-API-Key": key})
    assert r.status_code == 200, r.text
    rid = r.json()["results"][0]["service_request_id"]

    # 2. the coordinator signs in: the queue lists it; verify, then forward to Dinas PU with a disposition
    browser.login(driver, base, "sari", PASSWORDS["sari"])
    assert driver.current_url.endswith("/console/antrian")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Antrian verifikasi"
    browser.follow(driver, f"#{rid}")
    assert f"Aduan #{rid}" in driver.find_element(By.TAG_NAME, "h1").text
    browser.fill(driver, "n-verify", "dicek via telepon")
    browser.submit_action(driver, "verify")
    assert driver.find_element(By.ID, "status").text == "Terverifikasi"
    Select(driver.find_element(By.ID, "opd-forward")).select_by_value("dpubmpr")
    browser.fill(driver, "n-forward", "Mohon survei lokasi minggu ini")
    browser.submit_action(driver, "forward")
    assert driver.find_element(By.ID, "status").text == "Diteruskan ke OPD"
    browser.logout(driver)
    assert "/console/masuk" in driver.current_url

    # 3. the OPD officer signs in: the inbox has the case with its clock; diproses, then selesai
    browser.login(driver, base, "pu-budi", PASSWORDS["pu-budi"])
    assert driver.current_url.endswith("/console/opd")
    inbox = driver.find_element(By.TAG_NAME, "main").text
    assert f"#{rid}" in inbox and ("sisa" in inbox or "terlambat" in inbox)
    browser.follow(driver, f"Tindak lanjuti aduan #{rid}")
    browser.fill(driver, "n-process", "Tim survei dijadwalkan Kamis")
    browser.submit_action(driver, "process")
    assert driver.find_element(By.ID, "status").text == "Diproses"
    note = "Lubang sudah ditambal aspal pada 3 Desember"
    browser.fill(driver, "n-done", note)
    browser.submit_action(driver, "done")
    assert driver.find_element(By.ID, "status").text == "Selesai"
    assert driver.find_element(By.ID, "tindak-lanjut").text == note
    history = driver.find_element(By.CSS_SELECTOR, "ol.history").text
    assert "sari" in history and "pu-budi" in history and "malowopati-fm" in history

    # 4. what the station's sync reads back: the status and the follow-up note
    got = httpx.get(f"{base}/api/v1/cases/{case['case_uuid']}", headers={"X-API-Key": key}).json()
    assert got["external_status_code"] == "selesai"
    assert got["status_notes"] == note and got["tindak_lanjut"] == note
    feed = httpx.get(base + "/open311/v2/servicerequestupdates.json", headers={"X-API-Key": key}).json()
    assert [u["external_status_code"] for u in feed] == [
        "baru",
        "terverifikasi",
        "diteruskan",
        "diproses",
        "selesai",
    ]
