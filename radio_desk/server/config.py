"""Server settings: one dataclass, filled from command-line options or ``RADIO_DESK_SERVER_*`` variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from radio_desk.domain import limits
from radio_desk.domain.enums import Status
from radio_desk.errors import ValidationError
from radio_desk.paths import app_paths
from radio_desk.server.permissions import parse_station_transitions
from radio_desk.server.whatsapp.settings import WhatsAppSettings


def default_data_dir() -> Path:
    return app_paths().data / "server"


def default_database_url() -> str:
    """The embedded SQLite file in the user's data folder (zero configuration)."""
    path = default_data_dir() / "radio-desk-server.sqlite3"
    return f"sqlite:///{path}"


def normalize_database_url(url: str | None) -> str:
    """Accept what people type: a PostgreSQL URL (psycopg 3 driver), a SQLite URL or a plain file path."""
    if not url:
        return default_database_url()
    url = url.strip()
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    if "://" in url:
        raise ValidationError(
            f"Alamat basis data \u201c{url.split('://')[0]}://…\u201d tidak didukung: "
            "pakai postgresql://… atau sqlite:///berkas.",
            field="database",
        )
    return f"sqlite:///{Path(url).expanduser().resolve()}"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as err:
        raise ValidationError(f"Variabel {name} harus bilangan bulat, bukan \u201c{value}\u201d.") from err


def _env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError as err:
        raise ValidationError(f"Variabel {name} harus angka, bukan \u201c{value}\u201d.") from err


@dataclass
class ServerSettings:
    database_url: str = field(default_factory=default_database_url)
    data_dir: Path = field(default_factory=default_data_dir)  # uploaded audio and transcripts
    max_body_bytes: int = limits.MAX_REQUEST_BYTES  # every request except upload chunks
    max_chunk_bytes: int = 8 * 1024 * 1024  # one PATCH of a resumable upload
    max_upload_bytes: int = 512 * 1024 * 1024  # a whole recording
    max_batch: int = limits.MAX_BATCH  # cases in one POST /api/v1/requests/batch
    max_page: int = 1000  # rows in one GET listing
    rate_per_second: float = 50.0  # sustained requests per key (or per IP without a key)
    rate_burst: int = 200
    anon_rate_per_second: float = 5.0
    anon_rate_burst: int = 60
    timezone: str = "Asia/Jakarta"  # working days are counted in WIB
    public_base_url: str | None = None  # behind a reverse proxy: https://lapor.example.go.id
    # which statuses a station may set on its own cases (regency policy; see server/permissions.py)
    station_transitions: frozenset[Status] = field(default_factory=lambda: parse_station_transitions(None))
    console_idle_minutes: int = 30  # a console session ends after this long without a request
    login_delay_seconds: float = 30.0  # after 5 failed logins: this, doubling with every further failure
    behind_tls: bool = False  # a TLS proxy in front: console cookies are Secure even on plain http
    smtp_host: str | None = None  # mail to the OPDs (off without a host)
    smtp_port: int = 25
    smtp_from: str = "radio-desk@localhost"
    notify_interval_minutes: int = 0  # >0: the server itself sends the deadline reminders this often
    # the WhatsApp line: its own block, RADIO_DESK_WHATSAPP_* (server/whatsapp/settings.py)
    whatsapp: WhatsAppSettings = field(default_factory=WhatsAppSettings.from_env)

    @classmethod
    def from_env(cls, database: str | None = None) -> ServerSettings:
        s = cls(database_url=normalize_database_url(database or os.environ.get("RADIO_DESK_SERVER_DATABASE")))
        data_dir = os.environ.get("RADIO_DESK_SERVER_DATA")
        if data_dir:
            s.data_dir = Path(data_dir)
        s.rate_per_second = _env_float("RADIO_DESK_SERVER_RATE", s.rate_per_second)
        s.rate_burst = _env_int("RADIO_DESK_SERVER_BURST", s.rate_burst)
        s.anon_rate_per_second = _env_float("RADIO_DESK_SERVER_ANON_RATE", s.anon_rate_per_second)
        s.anon_rate_burst = _env_int("RADIO_DESK_SERVER_ANON_BURST", s.anon_rate_burst)
        s.max_body_bytes = _env_int("RADIO_DESK_SERVER_MAX_BODY", s.max_body_bytes)
        s.public_base_url = os.environ.get("RADIO_DESK_SERVER_PUBLIC_URL") or None
        if "RADIO_DESK_STATION_TRANSITIONS" in os.environ:
            s.station_transitions = parse_station_transitions(os.environ["RADIO_DESK_STATION_TRANSITIONS"])
        s.console_idle_minutes = _env_int("RADIO_DESK_SERVER_IDLE_MINUTES", s.console_idle_minutes)
        s.login_delay_seconds = _env_float("RADIO_DESK_SERVER_LOGIN_DELAY", s.login_delay_seconds)
        s.behind_tls = os.environ.get("RADIO_DESK_SERVER_BEHIND_TLS", "").lower() in (
            "1",
            "true",
            "ya",
            "yes",
        )
        s.smtp_host = os.environ.get("RADIO_DESK_SERVER_SMTP_HOST") or None
        s.smtp_port = _env_int("RADIO_DESK_SERVER_SMTP_PORT", s.smtp_port)
        s.smtp_from = os.environ.get("RADIO_DESK_SERVER_SMTP_FROM") or s.smtp_from
        s.notify_interval_minutes = _env_int("RADIO_DESK_SERVER_NOTIFY_MINUTES", s.notify_interval_minutes)
        return s

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"
