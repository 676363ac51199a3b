"""The WhatsApp line's tables (migrations 0004_whatsapp, 0005_whatsapp_templates_triage): inbound
messages, the reply outbox, the cursor."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from radio_desk.server.models import Base, BigId, UTCDateTime, utcnow


class WaMessage(Base):
    """One message Meta delivered; ``wa_message_id`` (Meta's ``wamid``) is unique, so a retried delivery
    finds its row and makes no second case.  A voice note carries its media and transcription state:
    ``media_state`` pending → stored (or failed), then ``transcript_state`` pending → working → done
    (or failed); both survive a restart."""

    __tablename__ = "wa_message"
    __table_args__ = (
        Index("ix_wa_message_media", "media_state", "media_next_at"),
        Index("ix_wa_message_transcript", "transcript_state"),
        Index("ix_wa_message_from", "wa_from", "sent_at"),
        Index("ix_wa_message_triage", "triage_state"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    wa_message_id: Mapped[str] = mapped_column(String(128), unique=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"), index=True)
    wa_from: Mapped[str] = mapped_column(String(32))  # the reporter's WhatsApp id (their number)
    kind: Mapped[str] = mapped_column(String(20))  # text | audio | other
    media_id: Mapped[str | None] = mapped_column(String(128))
    mime_type: Mapped[str | None] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # the reporter's time of the message (Meta's timestamp): Meta's 24-hour window runs from the last one
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    media_state: Mapped[str] = mapped_column(String(20), default="none")  # none|pending|stored|failed
    media_attempts: Mapped[int] = mapped_column(Integer, default=0)
    media_next_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    upload_id: Mapped[str | None] = mapped_column(String(32))  # the stored recording (upload table)
    # none | pending | working | done | failed
    transcript_state: Mapped[str] = mapped_column(String(20), default="none")
    transcript_attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a worker took the transcription
    error: Mapped[str | None] = mapped_column(String(300))  # the last failure, never personal data
    # none | pending | done: the speech worker's triage of the text (a voice note: of its transcript)
    triage_state: Mapped[str] = mapped_column(String(20), default="none", server_default="none")
    suggestion: Mapped[str | None] = mapped_column(Text)  # JSON: category, urgency, place codes, opd


class WaOutbox(Base):
    """A reply to a reporter: sent by the server's worker, retried with backoff until Meta takes it;
    ``dedupe`` (``ticket:<case>``, ``status:<case>:<status>``) makes each message at most once."""

    __tablename__ = "wa_outbox"
    __table_args__ = (Index("ix_wa_outbox_due", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    dedupe: Mapped[str] = mapped_column(String(200), unique=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("service_request.id"), index=True)
    wa_to: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    gave_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # Meta refused it for good
    wa_reply_id: Mapped[str | None] = mapped_column(String(128))  # Meta's id of the sent message
    error: Mapped[str | None] = mapped_column(String(300))
    # the status whose approved template is sent instead when the 24-hour window is closed, and the
    # template's parameters (JSON list: ticket number, OPD, masked follow-up — never private details)
    template: Mapped[str | None] = mapped_column(String(40))
    template_params: Mapped[str | None] = mapped_column(Text)


class WaCursor(Base):
    """How far the worker has read the update feed for status replies (one row, ``name='feed'``)."""

    __tablename__ = "wa_cursor"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
