"""The voice notes waiting for a transcript, for the speech worker (:mod:`radio_desk.server_asr`).

The server itself loads no speech model; this module only hands out jobs and stores what comes back:
the transcript as the case's ``transcript`` upload (JSON ``{"text", "segments", "engine", "model"}``,
what the console shows under the recording) and, while the case is still ``baru`` and its summary is the
placeholder, the text as its summary (with a feed row).  A job a worker took and never finished (killed,
machine restarted) is handed out again once its lease has run out.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from radio_desk.domain import limits
from radio_desk.domain.enums import Status
from radio_desk.server.cases import _add_update
from radio_desk.server.db import lock_feed
from radio_desk.server.models import ServiceRequest, Upload, utcnow
from radio_desk.server.uploads import stored_path
from radio_desk.server.whatsapp.inbound import VOICE_PLACEHOLDER
from radio_desk.server.whatsapp.jobs import claim_message
from radio_desk.server.whatsapp.models import WaMessage

LEASE = timedelta(minutes=30)
ATTEMPTS = 3
BY = "transkripsi server"


@dataclass(frozen=True)
class Job:
    message_id: int  # wa_message.id
    request_id: int
    audio: Path


def claim_job(sm: sessionmaker[Session], settings) -> Job | None:  # type: ignore[no-untyped-def]
    """The oldest voice note waiting (now marked ``working`` for this caller), or None."""
    with sm() as session:
        attempts = WaMessage.transcript_attempts + 1
        row = claim_message(session, WaMessage.transcript_state, LEASE, transcript_attempts=attempts)
        return None if row is None else Job(row.id, row.request_id, stored_path(settings, row.upload_id))


def _store_transcript(session: Session, settings, request_id: int, doc: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    data = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    uid = secrets.token_hex(16)
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    stored_path(settings, uid).write_bytes(data)
    now = utcnow()
    session.add(
        Upload(
            id=uid, request_id=request_id, kind="transcript", filename=f"whatsapp-{request_id}.json",
            content_type="application/json", length=len(data), offset=len(data),
            sha256=hashlib.sha256(data).hexdigest(), created_at=now, completed_at=now,
        )
    )  # fmt: skip


def finish_job(  # type: ignore[no-untyped-def]
    sm: sessionmaker[Session], settings, job: Job, text: str, segments: list[dict], engine: str, model: str
) -> None:
    text = text.strip()
    with sm() as session:
        msg = session.get(WaMessage, job.message_id)
        if msg is None or msg.transcript_state != "working":
            return  # handed to another worker after the lease ran out, which finished first
        doc = {"text": text, "segments": segments, "engine": engine, "model": model, "language": "id"}
        _store_transcript(session, settings, job.request_id, doc)
        msg.transcript_state, msg.error = "done", None
        msg.triage_state = "pending" if msg.triage_state == "none" else msg.triage_state
        req = session.get(ServiceRequest, job.request_id)
        if req is not None and req.status == Status.BARU.value and req.description == VOICE_PLACEHOLDER:
            now = utcnow()
            req.description = (text or "(pesan suara tanpa ucapan yang terdengar)")[: limits.SUMMARY]
            req.updated_datetime = now
            lock_feed(session)
            _add_update(session, req, "Transkrip pesan suara WhatsApp ditambahkan.", BY, now)
        session.commit()


def fail_job(sm: sessionmaker[Session], job: Job, error: str) -> None:
    """A failed attempt: tried again up to :data:`ATTEMPTS` times, then ``failed`` (the recording stays)."""
    with sm() as session:
        msg = session.get(WaMessage, job.message_id)
        if msg is None:
            return
        msg.transcript_state = "pending" if msg.transcript_attempts < ATTEMPTS else "failed"
        msg.error = error[:300]
        session.commit()
