"""The database tables as SQLAlchemy 2 typed declarative models.

These classes never leave :mod:`radio_desk.store`: repositories convert them to the domain
dataclasses.  The schema itself is owned by the Alembic migrations under ``migrations/versions``;
``tests/store/test_migrations.py`` checks that the migrations and these models agree.

``cases`` has an integer ``pk`` (a stable rowid: the full-text index ``case_fts`` is keyed by it and
VACUUM may renumber an implicit rowid) next to the public UUID ``id`` that every other table and the
server refer to.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from radio_desk.store.types import UTCDateTime, UUIDText


class Base(DeclarativeBase):
    pass


class StationRow(Base):
    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    regency_code: Mapped[str] = mapped_column(String(16))


class CaseRow(Base):
    __tablename__ = "cases"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(UUIDText, unique=True)
    station: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str] = mapped_column(String(16))
    caller_name: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    anonim: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))
    rahasia: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))
    kecamatan_code: Mapped[str | None] = mapped_column(String(16))
    desa_code: Mapped[str | None] = mapped_column(String(20))
    place_text: Mapped[str] = mapped_column(Text, server_default="")  # "Desa X, Kecamatan Y" for search
    category: Mapped[str | None] = mapped_column(String(40))
    urgency: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text, server_default="")
    notes: Mapped[str] = mapped_column(Text, server_default="")
    status: Mapped[str] = mapped_column(String(20))
    opd: Mapped[str | None] = mapped_column(String(40))
    duplicate_of: Mapped[uuid.UUID | None] = mapped_column(
        UUIDText, ForeignKey("cases.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # sync bookkeeping: revision grows with every local change; synced_revision is the one the server has
    revision: Mapped[int] = mapped_column(Integer, server_default=sql_text("1"))
    remote_id: Mapped[str | None] = mapped_column(String(64), unique=True)  # server's service_request_id
    synced_revision: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # why the server refused the case's last send (Indonesian); cleared when a send goes through
    sync_error: Mapped[str | None] = mapped_column(Text)
    sync_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the note of the server's current status (the OPD's follow-up, tindak lanjut), migration 0005
    status_note: Mapped[str | None] = mapped_column(Text)
    status_note_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # why the server refused the station's own status change (Indonesian); cleared when one is taken
    status_error: Mapped[str | None] = mapped_column(Text)
    status_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_cases_received_at", "received_at"),
        Index("ix_cases_status_received", "status", "received_at"),
        Index("ix_cases_category_received", "category", "received_at"),
        Index("ix_cases_kecamatan_received", "kecamatan_code", "received_at"),
        Index("ix_cases_station_received", "station", "received_at"),
        Index("ix_cases_phone", "phone"),
        Index("ix_cases_sync_refused", "sync_error_at", sqlite_where=sql_text("sync_error_at IS NOT NULL")),
    )


class RecordingRow(Base):
    __tablename__ = "recordings"

    id: Mapped[uuid.UUID] = mapped_column(UUIDText, primary_key=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDText, ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    path: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(8))
    samplerate: Mapped[int] = mapped_column(Integer)
    channels: Mapped[int] = mapped_column(Integer)
    channel_map: Mapped[str] = mapped_column(String(8))
    duration_s: Mapped[float] = mapped_column(Float, server_default=sql_text("0"))
    sha256: Mapped[str | None] = mapped_column(String(64))
    source_sha256: Mapped[str | None] = mapped_column(String(64), index=True)  # migration 0007
    state: Mapped[str] = mapped_column(String(16), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    device: Mapped[str | None] = mapped_column(Text)


class SegmentRow(Base):
    __tablename__ = "transcript_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recording_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("recordings.id", ondelete="CASCADE"))
    start_s: Mapped[float] = mapped_column(Float)
    end_s: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(16))
    engine: Mapped[str] = mapped_column(String(32), server_default="")
    model: Mapped[str] = mapped_column(String(64), server_default="")
    edited: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))

    __table_args__ = (Index("ix_segments_recording_start", "recording_id", "start_s"),)


class StatusEventRow(Base):
    __tablename__ = "status_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("cases.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text, server_default="")
    note: Mapped[str] = mapped_column(Text, server_default="")
    origin: Mapped[str] = mapped_column(String(8), server_default="local")  # local | server

    __table_args__ = (Index("ix_status_events_case_at", "case_id", "at"),)


class CaseChangeRow(Base):
    __tablename__ = "case_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("cases.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text, server_default="")

    __table_args__ = (Index("ix_case_changes_case_at", "case_id", "at"),)


class OutboxRow(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # no foreign key: a "delete" item must outlive its case
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text, server_default="{}")  # JSON object
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, server_default=sql_text("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_outbox_pending", "done", "next_attempt_at", "id"),)


class SyncStateRow(Base):
    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RundownRow(Base):
    """An "Ayo Mas Bro" dialogue segment being prepared (migration 0003)."""

    __tablename__ = "rundowns"

    id: Mapped[uuid.UUID] = mapped_column(UUIDText, primary_key=True)
    show_date: Mapped[str] = mapped_column(String(10), index=True)  # ISO date of the broadcast
    title: Mapped[str] = mapped_column(Text, server_default="")
    station: Mapped[str] = mapped_column(String(64), server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exported_by: Mapped[str] = mapped_column(Text, server_default="")


class RundownItemRow(Base):
    __tablename__ = "rundown_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rundown_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("rundowns.id", ondelete="CASCADE"))
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText, ForeignKey("cases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, server_default="")
    excerpt: Mapped[str] = mapped_column(Text, server_default="")
    recording_id: Mapped[uuid.UUID | None] = mapped_column(
        UUIDText, ForeignKey("recordings.id", ondelete="SET NULL")
    )
    clip_in: Mapped[float | None] = mapped_column(Float)
    clip_out: Mapped[float | None] = mapped_column(Float)
    opd: Mapped[str | None] = mapped_column(String(40))
    # a rahasia case goes on air only when an editor explicitly includes it: who and when
    rahasia_included_by: Mapped[str | None] = mapped_column(Text)
    rahasia_included_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_rundown_items_rundown_position", "rundown_id", "position"),)


class DiscardRow(Base):
    """A case or recording thrown away with a reason (migration 0007): the audit trail and what
    a restore needs (a snapshot of the case's rows, where its audio went)."""

    __tablename__ = "discards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "case" | "recording"
    case_id: Mapped[uuid.UUID | None] = mapped_column(UUIDText, index=True)  # no FK: the case is gone
    recording_ids: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON list of UUIDs
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[str] = mapped_column(Text, server_default="{}")  # JSON: table -> rows
    files: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON: [[original, in the trash]]
    restored_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    restored_by: Mapped[str | None] = mapped_column(Text)


class SmsMessageRow(Base):
    """An SMS read from the studio's Gammu SMSD, waiting for the operator or decided (migration 0006)."""

    __tablename__ = "sms_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    smsd_id: Mapped[str] = mapped_column(String(200), unique=True)  # the daemon's id: imported once
    files: Mapped[str] = mapped_column(Text, server_default="[]")  # JSON list of the inbox files
    sender: Mapped[str] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, server_default="")
    parts: Mapped[int] = mapped_column(Integer, server_default=sql_text("1"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText, unique=True)  # the case it becomes (no FK: later)
    state: Mapped[str] = mapped_column(String(12), server_default="waiting")
    triage: Mapped[str | None] = mapped_column(Text)  # JSON: the suggestions made at import
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by: Mapped[str] = mapped_column(Text, server_default="")
    discard_reason: Mapped[str] = mapped_column(Text, server_default="")
    reply: Mapped[bool] = mapped_column(Boolean, server_default=sql_text("0"))  # replies were on at confirm

    __table_args__ = (Index("ix_sms_messages_state_received", "state", "received_at"),)


class SmsReplyRow(Base):
    """A reply written to the SMSD outbox: at most one of each kind per case (migration 0006)."""

    __tablename__ = "sms_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(UUIDText)
    kind: Mapped[str] = mapped_column(String(12))  # saved | closed
    phone: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    file: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_sms_replies_case_kind"),)
