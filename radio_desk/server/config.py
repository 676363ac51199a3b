"""Server settings: one pydantic-settings model, every field from a ``RADIO_DESK_SERVER_*`` variable
(names in :data:`ENV`, the table in docs/server.md), command-line options on top."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import pydantic
from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from radio_desk.domain import limits
from radio_desk.domain.enums import Status
from radio_desk.errors import ValidationError
from radio_desk.paths import app_paths
from radio_desk.server.intake import NO_WORDS, YES_WORDS
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


# field -> environment variable (the older names kept; the policy variable has no SERVER in it)
ENV = {
    "database_url": "RADIO_DESK_SERVER_DATABASE",
    "data_dir": "RADIO_DESK_SERVER_DATA",
    "max_body_bytes": "RADIO_DESK_SERVER_MAX_BODY",
    "max_chunk_bytes": "RADIO_DESK_SERVER_MAX_CHUNK",
    "max_upload_bytes": "RADIO_DESK_SERVER_MAX_UPLOAD",
    "max_batch": "RADIO_DESK_SERVER_MAX_BATCH",
    "max_page": "RADIO_DESK_SERVER_MAX_PAGE",
    "rate_per_second": "RADIO_DESK_SERVER_RATE",
    "rate_burst": "RADIO_DESK_SERVER_BURST",
    "anon_rate_per_second": "RADIO_DESK_SERVER_ANON_RATE",
    "anon_rate_burst": "RADIO_DESK_SERVER_ANON_BURST",
    "timezone": "RADIO_DESK_SERVER_TIMEZONE",
    "public_base_url": "RADIO_DESK_SERVER_PUBLIC_URL",
    "station_transitions": "RADIO_DESK_STATION_TRANSITIONS",
    "console_idle_minutes": "RADIO_DESK_SERVER_IDLE_MINUTES",
    "login_delay_seconds": "RADIO_DESK_SERVER_LOGIN_DELAY",
    "behind_tls": "RADIO_DESK_SERVER_BEHIND_TLS",
    "smtp_host": "RADIO_DESK_SERVER_SMTP_HOST",
    "smtp_port": "RADIO_DESK_SERVER_SMTP_PORT",
    "smtp_from": "RADIO_DESK_SERVER_SMTP_FROM",
    "notify_interval_minutes": "RADIO_DESK_SERVER_NOTIFY_MINUTES",
    "open311_contact": "RADIO_DESK_SERVER_OPEN311_CONTACT",
    "open311_key_service": "RADIO_DESK_SERVER_OPEN311_KEY_SERVICE",
    "open311_endpoint_type": "RADIO_DESK_SERVER_OPEN311_TYPE",
}


def _in_words(error: Any) -> str:
    """A pydantic error about a variable, in Indonesian."""
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "int_parsing":
        return "harus bilangan bulat"
    if kind == "float_parsing":
        return "harus angka"
    if kind == "bool_parsing":
        return "harus ya atau tidak (1/0, true/false)"
    if kind in ("greater_than", "greater_than_equal", "less_than"):
        sign = {"greater_than": ">", "greater_than_equal": "≥", "less_than": "<"}[kind]
        return f"harus {sign} {next(iter(ctx.values()), '')}"
    if kind == "literal_error":
        return "harus salah satu dari " + str(ctx.get("expected", "")).replace(" or ", " atau ")
    return "tidak sah"


class ServerSettings(BaseSettings):
    """An empty variable counts as unset (except ``RADIO_DESK_STATION_TRANSITIONS``, where it means
    that stations change no status).  Fields may be changed after construction (the tests do)."""

    model_config = SettingsConfigDict(case_sensitive=True, populate_by_name=True, extra="ignore")

    database_url: str = Field(default_factory=default_database_url, validation_alias=ENV["database_url"])
    # uploaded audio and transcripts, holidays.txt
    data_dir: Path = Field(default_factory=default_data_dir, validation_alias=ENV["data_dir"])
    max_body_bytes: int = Field(limits.MAX_REQUEST_BYTES, gt=0, validation_alias=ENV["max_body_bytes"])
    max_chunk_bytes: int = Field(8 * 1024 * 1024, gt=0, validation_alias=ENV["max_chunk_bytes"])
    max_upload_bytes: int = Field(512 * 1024 * 1024, gt=0, validation_alias=ENV["max_upload_bytes"])
    max_batch: int = Field(limits.MAX_BATCH, gt=0, validation_alias=ENV["max_batch"])  # cases a batch
    max_page: int = Field(1000, gt=0, validation_alias=ENV["max_page"])  # rows in one GET listing
    # sustained requests per valid key; per client address for the rest (see limits.RateLimit)
    rate_per_second: float = Field(50.0, gt=0, validation_alias=ENV["rate_per_second"])
    rate_burst: int = Field(200, gt=0, validation_alias=ENV["rate_burst"])
    anon_rate_per_second: float = Field(5.0, gt=0, validation_alias=ENV["anon_rate_per_second"])
    anon_rate_burst: int = Field(60, gt=0, validation_alias=ENV["anon_rate_burst"])
    timezone: str = Field("Asia/Jakarta", validation_alias=ENV["timezone"])  # working days in WIB
    # behind a reverse proxy: https://lapor.example.go.id (mail links, Secure cookies, discovery)
    public_base_url: str | None = Field(None, validation_alias=ENV["public_base_url"])
    # which statuses a station may set on its own cases (regency policy; see server/permissions.py)
    station_transitions: Annotated[frozenset[Status], NoDecode] = Field(
        default_factory=lambda: parse_station_transitions(None), validation_alias=ENV["station_transitions"]
    )
    # a console session ends after this long without a request
    console_idle_minutes: int = Field(30, gt=0, validation_alias=ENV["console_idle_minutes"])
    # after 5 failed logins: this, doubling with every further failure
    login_delay_seconds: float = Field(30.0, ge=0, validation_alias=ENV["login_delay_seconds"])
    # a TLS proxy in front: console cookies are Secure even on plain http
    behind_tls: bool = Field(False, validation_alias=ENV["behind_tls"])
    smtp_host: str | None = Field(None, validation_alias=ENV["smtp_host"])  # mail to the OPDs (off without)
    smtp_port: int = Field(25, gt=0, lt=65536, validation_alias=ENV["smtp_port"])
    smtp_from: str = Field("radio-desk@localhost", validation_alias=ENV["smtp_from"])
    # >0: the server itself sends the deadline reminders this often
    notify_interval_minutes: int = Field(0, ge=0, validation_alias=ENV["notify_interval_minutes"])
    # Open311 discovery (/open311/discovery.json): who to ask, how to get a key, production or test
    open311_contact: str = Field(
        "Diskominfo kabupaten — layanan aduan Radio Desk", validation_alias=ENV["open311_contact"]
    )
    open311_key_service: str = Field(
        "Kunci API diberikan oleh admin Diskominfo (radio-desk-server station add NAMA).",
        validation_alias=ENV["open311_key_service"],
    )
    open311_endpoint_type: Literal["production", "test"] = Field(
        "production", validation_alias=ENV["open311_endpoint_type"]
    )
    # the WhatsApp line: its own block, RADIO_DESK_WHATSAPP_* (server/whatsapp/settings.py)
    whatsapp: WhatsAppSettings = Field(default_factory=WhatsAppSettings.from_env)

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any, info: ValidationInfo) -> Any:
        if value == "" and info.field_name != "station_transitions":
            field = cls.model_fields[info.field_name]
            return field.get_default(call_default_factory=True)
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _database(cls, value: Any) -> str:
        return normalize_database_url(value)

    @field_validator("station_transitions", mode="before")
    @classmethod
    def _transitions(cls, value: Any) -> frozenset[Status]:
        return parse_station_transitions(value)

    @field_validator("behind_tls", mode="before")
    @classmethod
    def _yes_no(cls, value: Any) -> Any:
        if isinstance(value, str):
            word = value.strip().lower()
            if word in YES_WORDS or word in NO_WORDS:
                return word in YES_WORDS
        return value

    @classmethod
    def from_env(cls, database: str | None = None) -> ServerSettings:
        """The settings from the environment; ``database`` (the ``--database`` option) wins over it.
        A bad variable is a :class:`ValidationError` naming it, in Indonesian."""
        try:
            return cls(database_url=database) if database else cls()
        except pydantic.ValidationError as err:
            first = err.errors()[0]
            name = str(first["loc"][0]) if first.get("loc") else "?"
            name = ENV.get(name, name)
            raise ValidationError(
                f"Variabel {name} {_in_words(first)}, bukan \u201c{str(first.get('input', ''))[:60]}\u201d.",
                field=name,
            ) from err

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"
