"""The ``radio-desk-server`` account/status/overdue commands, and the working-day deadline clocks."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from radio_desk.server.cli import main
from radio_desk.server.deadlines import Calendar, running_clock

WIB = ZoneInfo("Asia/Jakarta")


def test_working_days_skip_weekends_and_holidays() -> None:
    cal = Calendar(WIB)
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=WIB)
    assert cal.add_working_days(friday, 3) == datetime(2026, 11, 25, 10, 0, tzinfo=WIB)  # Mon, Tue, Wed
    before_christmas = datetime(2026, 12, 24, 9, 0, tzinfo=WIB)  # Thu; Fri 25 Dec is a holiday
    assert cal.add_working_days(before_christmas, 3).date().isoformat() == "2026-12-30"
    clock = running_clock(cal, "diteruskan", friday, datetime(2026, 11, 23, 8, 0, tzinfo=WIB))
    assert clock.stage == "tindak_lanjut" and clock.due.date().isoformat() == "2026-11-30"
    assert running_clock(cal, "selesai", friday, None) is None


def test_cli_accounts_status_and_overdue(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = ["--database", str(tmp_path / "s.sqlite3")]
    assert main(["station", "add", "radio-a", *db]) == 0
    key = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.startswith("rdk_") and " " not in key
    assert main(["station", "add", "radio-a", *db]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert main(["station", "add", "bad name!", *db]) == 2
    assert main(["user", "add", "sari", "--role", "coordinator", *db]) == 0
    capsys.readouterr()
    assert main(["station", "rotate", "radio-a", *db]) == 0
    new_key = capsys.readouterr().out.strip().splitlines()[-1]
    assert new_key != key
    assert main(["station", "revoke", "radio-a", *db]) == 0
    assert main(["station", "list", *db]) == 0
    listing = capsys.readouterr().out
    assert "radio-a" in listing and "dicabut" in listing and new_key not in listing and "sari" not in listing

    # a case posted through the app, then moved along by the status command
    from fastapi.testclient import TestClient

    from radio_desk.server.app import create_app
    from radio_desk.server.config import ServerSettings

    assert main(["station", "add", "radio-b", *db]) == 0
    key_b = capsys.readouterr().out.strip().splitlines()[-1]
    client = TestClient(create_app(ServerSettings.from_env(db[1])))
    r = client.post(
        "/api/v1/requests/batch",
        headers={"X-API-Key": key_b},
        json={
            "cases": [
                {
                    "case_uuid": "7b0e3f7c-7a43-4b47-9d0e-0d5b3c8f6a11",
                    "service_code": "air_bersih",
                    "received_at": "2026-11-02T08:00:00+07:00",
                }
            ]
        },
    )
    rid = r.json()["results"][0]["service_request_id"]
    assert main(["status", rid, "diproses", *db]) == 2  # baru -> diproses is not allowed
    assert "tidak bisa diubah" in capsys.readouterr().err
    assert main(["status", rid, "terverifikasi", "--note", "dicek", *db]) == 0
    assert main(["overdue", "--json", "--now", "2026-11-23T12:00:00+07:00", *db]) == 0
    out = capsys.readouterr().out
    groups = json.loads(out[out.index("[") :])
    assert groups[0]["opd"] == "pdam" and groups[0]["cases"][0]["service_request_id"] == rid
