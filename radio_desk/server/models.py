"""The server's tables (SQLAlchemy 2 typed mappings).  Schema changes go through Alembic migrations in
``radio_desk/server/migrations/versions``; never edit the database by hand."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from radio_desk.domain.models import utcnow  # the one clock (re-exported for the server's modules)


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on both SQLite (which forgets the zone) and PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# BIGINT on PostgreSQL, INTEGER (rowid alias, autoincrement) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    pass


class Account(Base):
    """A station (posts its own cases), a staff member (admin / coordinator: reads everything) or an OPD
    officer (``opd``: the cases forwarded to the OPD ``opd``)."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # station | coordinator | admin | opd
    opd: Mapped[str | None] = mapped_column(String(40))  # the OPD code of an opd account
    email: Mapped[str | None] = mapped_column(String(200))  # where the console's mail to an OPD goes
    password_hash: Mapped[str | None] = mapped_column(String(200))  # argon2id, for the web console
    password_set_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    key_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # sha256 hex of the key
    key_prefix: Mapped[str | None] = mapped_column(String(12))  # shown in listings to tell keys apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ServiceRequest(Base):
    """One case as the server knows it; ``case_uuid`` (the desk's id) is the idempotency key."""

    __tablename__ = "service_request"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    token: Mapped[str] = mapped_column(String(32), unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    service_code: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)  # domain Status value
    status_notes: Mapped[str | None] = mapped_column(Text)
    tindak_lanjut: Mapped[str | None] = mapped_column(Text)  # the OPD's follow-up text (at selesai)
    opd: Mapped[str | None] = mapped_column(String(40), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    urgency: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None]
    long: Mapped[float | None]
    kecamatan_code: Mapped[str | None] = mapped_column(String(20))
    desa_code: Mapped[str | None] = mapped_column(String(20))
    caller_name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))
    anonim: Mapped[bool] = mapped_column(Boolean, default=False)
    rahasia: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    duplicate_of: Mapped[int | None] = mapped_column(BigId)
    requested_datetime: Mapped[datetime] = mapped_column(UTCDateTime)  # received at the studio
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)  # arrived on the server
    updated_datetime: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    forwarded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    followed_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    station: Mapped[Account] = relationship(lazy="joined", innerjoin=True)


class RequestUpdate(Base):
    """One change of a case: the rows of the ``servicerequestupdates`` feed (never edited)."""

    __tablename__ = "request_update"
    __table_args__ = (Index("ix_request_update_time", "updated_datetime"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))  # domain Status value after the change
    description: Mapped[str] = mapped_column(Text, default="")
    updated_datetime: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(100), default="")

    request: Mapped[ServiceRequest] = relationship(lazy="joined", innerjoin=True)


class Upload(Base):
    """A resumable upload of a case's audio or transcript (tus-like: create, HEAD offset, PATCH)."""

    __tablename__ = "upload"
    # a retried "create upload" for the same file returns the upload already begun
    __table_args__ = (Index("ux_upload_file", "request_id", "kind", "sha256", unique=True),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_request.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # audio | transcript
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ConsoleSession(Base):
    """A signed-in console user; the cookie holds the token, the table only its SHA-256."""

    __tablename__ = "console_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex of the cookie token
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    address: Mapped[str] = mapped_column(String(64), default="")

    account: Mapped[Account] = relationship(lazy="joined", innerjoin=True)


class AuditEntry(Base):
    """One line of the audit log: who did what, when and from where (console and API status changes)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")  # account name ("" when unknown)
    role: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(40))  # login, login_failed, logout, status, ...
    target: Mapped[str] = mapped_column(String(100), default="")  # e.g. "aduan 42"
    detail: Mapped[str] = mapped_column(Text, default="")  # never a caller's name or phone
    address: Mapped[str] = mapped_column(String(64), default="")
