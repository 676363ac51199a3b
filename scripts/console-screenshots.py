"""Screenshots (1366×768) of the web console's verification queue, OPD inbox and case page (and the inbox
on a 390×844 phone screen), for
docs/screenshots/, from a throwaway server on SQLite filled with invented cases.

    .venv/bin/python scripts/console-screenshots.py

Needs Debian's chromium and chromium-driver (the Makefile's APT_TEST_PACKAGES).
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "sandi-contoh-konsol-2026"

CASES = [
    (
        "jalan",
        "tinggi",
        "35.22.01",
        "Jalan berlubang di depan SD Kapas, sudah dua bulan, motor sering jatuh.",
    ),
    ("pju", "sedang", "35.22.02", "Lampu jalan mati sepanjang Jl. Veteran sejak Senin malam."),
    (
        "drainase",
        "tinggi",
        "35.22.03",
        "Selokan mampet di Desa Sukorejo, air meluap ke rumah warga saat hujan.",
    ),
    ("air_bersih", "sedang", "35.22.04", "Air PDAM keruh tiga hari di Perumahan Griya Indah."),
    ("lalu_lintas", "darurat", "35.22.05", "Kecelakaan di perempatan Pasar Kota, lampu lalu lintas mati."),
    ("jalan", "rendah", "35.22.06", "Paving gang RT 03 ambles, mohon diperbaiki sebelum musim hujan."),
    ("kesehatan", "sedang", "35.22.07", "Puskesmas pembantu tutup pada jam pelayanan pagi."),
    ("lingkungan", "sedang", "35.22.08", "Sampah menumpuk di TPS Pasar Sore, bau menyengat."),
]


def main() -> None:
    from shot_support import console_server, server_cli, server_env, server_scratch
    from support import browser

    tmp, db = server_scratch("rd-console-shots-")
    env = server_env(tmp)
    cli = server_cli(env, db)
    stations = [
        cli("station", "add", name).strip().splitlines()[-1] for name in ("malowopati-fm", "radio-jos")
    ]
    admin = cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    cli("user", "add", "sari", "--role", "coordinator")
    cli("user", "add", "pu-budi", "--role", "opd", "--opd", "dpubmpr")
    for name in ("sari", "pu-budi"):
        cli("user", "password", name, stdin=PASSWORD + "\n")
    with console_server(env, db) as base:
        ids = []
        for n, (code, urgency, kec, text) in enumerate(CASES):
            case = {
                "case_uuid": str(uuid.uuid4()), "service_code": code, "urgency": urgency, "channel": "on_air",
                "description": text, "kecamatan_code": kec, "caller_name": "Pendengar",
                "received_at": f"2026-12-0{1 + n % 3}T0{8 + n % 2}:1{n}:00+07:00",
            }  # fmt: skip
            r = httpx.post(
                base + "/api/v1/requests/batch",
                json={"cases": [case]},
                headers={"X-API-Key": stations[n % 2]},
            )
            ids.append(r.json()["results"][0]["service_request_id"])
        h = {"X-API-Key": admin}
        for rid in ids[:3]:  # three forwarded to Dinas PU, one of them already in progress
            httpx.post(f"{base}/api/v1/requests/{rid}/status", json={"status": "terverifikasi"}, headers=h)
            httpx.post(
                f"{base}/api/v1/requests/{rid}/status",
                json={"status": "diteruskan", "opd": "dpubmpr", "note": "Mohon survei lokasi minggu ini"},
                headers=h,
            )
        httpx.post(f"{base}/api/v1/requests/{ids[6]}/status", json={"status": "terverifikasi"}, headers=h)
        OUT.mkdir(parents=True, exist_ok=True)
        driver = browser.chromium(tmp / "profile", 1366, 768)
        try:
            browser.login(driver, base, "sari", PASSWORD)
            driver.save_screenshot(str(OUT / "console-antrian.png"))
            driver.get(f"{base}/console/aduan/{ids[3]}")
            driver.save_screenshot(str(OUT / "console-aduan.png"))
            browser.logout(driver)
            browser.login(driver, base, "pu-budi", PASSWORD)
            driver.save_screenshot(str(OUT / "console-opd.png"))
        finally:
            driver.quit()
        phone = browser.chromium(tmp / "profile-phone", 390, 844)  # the OPD inbox on a phone
        try:
            browser.login(phone, base, "pu-budi", PASSWORD)
            phone.save_screenshot(str(OUT / "console-opd-ponsel.png"))
        finally:
            phone.quit()
        for name in ("console-antrian.png", "console-opd.png", "console-aduan.png", "console-opd-ponsel.png"):
            print(OUT / name)


if __name__ == "__main__":
    main()
