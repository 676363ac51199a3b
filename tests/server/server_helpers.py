"""Helpers shared by the server tests (imported by name: test folders are not packages)."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from radio_desk.server.accounts import add_account
from radio_desk.server.app import create_app
from radio_desk.server.auth import Role
from radio_desk.server.config import ServerSettings


class Env:
    """The app, a client, and keys for two stations and the staff."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.app = create_app(settings)
        self.client = TestClient(self.app)
        with self.app.state.sessionmaker() as s:
            self.key_a = add_account(s, "stasiun-a", Role.STATION)
            self.key_b = add_account(s, "stasiun-b", Role.STATION)
            self.key_admin = add_account(s, "admin", Role.ADMIN)
            self.key_coord = add_account(s, "koordinator", Role.COORDINATOR)

    @staticmethod
    def h(key: str) -> dict[str, str]:
        return {"X-API-Key": key}

    def post_cases(self, key: str, cases: list[dict]) -> list[dict]:
        r = self.client.post("/api/v1/requests/batch", json={"cases": cases}, headers=self.h(key))
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def set_status(self, rid: str, status: str, **extra) -> dict:  # type: ignore[no-untyped-def]
        r = self.client.post(
            f"/api/v1/requests/{rid}/status", json={"status": status, **extra}, headers=self.h(self.key_admin)
        )
        assert r.status_code == 200, r.text
        return r.json()


def make_case(**over) -> dict:  # type: ignore[no-untyped-def]
    case = {
        "case_uuid": str(uuid.uuid4()),
        "service_code": "jalan",
        "description": "Jalan berlubang di depan SD Kapas, sudah dua bulan.",
        "channel": "on_air",
        "urgency": "tinggi",
        "caller_name": "Bu Sri",
        "phone": "+6281234567890",
        "kecamatan_code": "35.22.01",
        "desa_code": "35.22.01.2001",
        "received_at": "2026-11-23T08:15:00+07:00",
    }
    case.update(over)
    return case


def truncate_pg(url: str) -> None:
    """Empty a PostgreSQL test database between tests (each test starts from no stations)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "TRUNCATE audit_log, console_session, upload, request_update, service_request, account "
            "RESTART IDENTITY CASCADE"
        )
