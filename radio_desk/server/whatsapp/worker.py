"""The server's WhatsApp worker: fetches voice notes from the Cloud API, turns status changes into
replies and sends the queued replies, retrying with backoff — as free-form text within Meta's 24-hour
window since the reporter's last message, as the status's approved template after it (or when Meta
answers 131047 all the same).  All state is in the database (the rows
of ``wa_message`` and ``wa_outbox``, the feed cursor), so nothing is lost when the server restarts;
a webhook only stores and wakes the worker, so Meta gets its 200 at once.

Transcription is not done here (the server loads no speech model): a stored voice note is marked
``transcript_state='pending'`` for :mod:`radio_desk.server_asr`, the speech worker beside the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.server.models import Upload, utcnow
from radio_desk.server.uploads import CONTENT_TYPES, stored_path
from radio_desk.server.whatsapp.graph import OUTSIDE_WINDOW, GraphClient, GraphError
from radio_desk.server.whatsapp.jobs import backoff, claim, due
from radio_desk.server.whatsapp.models import WaMessage, WaOutbox
from radio_desk.server.whatsapp.replies import queue_status_replies

log = logging.getLogger("radio_desk.server.whatsapp")
# tried over about 5 hours (30 s·2ⁿ, at most an hour apart); then the voice note is marked failed
# (the case stays, with its placeholder text)
MEDIA_ATTEMPTS = 10
BATCH = 20
# Meta's customer-service window (24 h after the reporter's last message), less a margin for a reply
# that waits in the queue or on the network: later, a status goes out as its template
WINDOW = timedelta(hours=24) - timedelta(minutes=10)
EXTENSIONS = {"audio/ogg": ".ogg", "audio/opus": ".opus", "audio/mpeg": ".mp3", "audio/mp4": ".m4a",
              "audio/webm": ".webm", "audio/wav": ".wav", "audio/flac": ".flac"}  # fmt: skip


@dataclass
class RoundResult:
    media: int = 0
    queued: int = 0
    sent: int = 0


def _audio_type(mime: str) -> str:
    media = mime.split(";")[0].strip().lower()
    return media if media in CONTENT_TYPES["audio"] else "application/octet-stream"


def store_recording(session: Session, settings, request_id: int, data: bytes, mime: str) -> Upload:  # type: ignore[no-untyped-def]
    """The voice note as the case's recording, like a station's finished upload."""
    ctype = _audio_type(mime)
    uid = secrets.token_hex(16)
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    stored_path(settings, uid).write_bytes(data)
    now = utcnow()
    up = Upload(
        id=uid, request_id=request_id, kind="audio",
        filename=f"whatsapp-{request_id}{EXTENSIONS.get(ctype, '.bin')}", content_type=ctype,
        length=len(data), offset=len(data), sha256=hashlib.sha256(data).hexdigest(),
        created_at=now, completed_at=now,
    )  # fmt: skip
    session.add(up)
    return up


def fetch_media(sm: sessionmaker[Session], settings, client: GraphClient) -> int:  # type: ignore[no-untyped-def]
    done = 0
    with sm() as session:
        ids = session.scalars(
            select(WaMessage.id)
            .where(WaMessage.media_state == "pending", due(WaMessage.media_next_at, utcnow()))
            .order_by(WaMessage.id)
            .limit(BATCH)
        ).all()
    for row_id in ids:
        with sm() as session:
            pending = WaMessage.media_state == "pending"
            if not claim(session, WaMessage, row_id, WaMessage.media_next_at, pending):
                continue
            msg = session.get(WaMessage, row_id)
            assert msg is not None and msg.media_id
            try:
                media = client.media(msg.media_id)
            except GraphError as err:
                msg.media_attempts += 1
                msg.error = str(err)[:300]
                # any other failure is tried again (a 4xx can be a token being rotated): a voice
                # note stays on Meta's servers for 30 days
                if not err.final and msg.media_attempts < MEDIA_ATTEMPTS:
                    msg.media_next_at = utcnow() + backoff(msg.media_attempts)
                else:
                    msg.media_state = "failed"
                log.warning("whatsapp media of case %s not fetched (%s)", msg.request_id, err)
                session.commit()
                continue
            mime = msg.mime_type or media.mime_type
            up = store_recording(session, settings, msg.request_id, media.data, mime)
            msg.upload_id, msg.media_state, msg.transcript_state = up.id, "stored", "pending"
            msg.media_next_at, msg.error = None, None
            session.commit()
            done += 1
    return done


def last_inbound(session: Session, wa_id: str) -> datetime | None:
    """When the reporter last wrote (Meta's timestamp of their message; the server's time for rows
    stored before it was kept)."""
    return session.scalar(
        select(func.max(func.coalesce(WaMessage.sent_at, WaMessage.received_at))).where(
            WaMessage.wa_from == wa_id
        )
    )


def deliver(session: Session, client: GraphClient, item: WaOutbox) -> tuple[str, str | None]:
    """Send one queued reply: text inside the window, the template outside it (or when Meta says 131047
    to the text); Meta's id of what was sent and the template's name (None: sent as text)."""
    name = client.settings.templates.get(item.template or "")
    params = json.loads(item.template_params or "[]")
    last = last_inbound(session, item.wa_to)
    if name and (last is None or utcnow() - last > WINDOW):
        return client.send_template(item.wa_to, name, params), name
    try:
        return client.send_text(item.wa_to, item.body), None
    except GraphError as err:
        if err.code != OUTSIDE_WINDOW:
            raise
        if name:
            return client.send_template(item.wa_to, name, params), name
        what = f"templat status {item.template}" if item.template else "templat"
        raise GraphError(f"{err}: di luar jendela 24 jam dan {what} tidak diatur", retry=False) from None


def send_due(sm: sessionmaker[Session], client: GraphClient) -> int:
    sent = 0
    with sm() as session:
        ids = session.scalars(
            select(WaOutbox.id)
            .where(
                WaOutbox.sent_at.is_(None),
                WaOutbox.gave_up_at.is_(None),
                due(WaOutbox.next_attempt_at, utcnow()),
            )
            .order_by(WaOutbox.id)
            .limit(BATCH)
        ).all()
    for row_id in ids:
        with sm() as session:
            if not claim(session, WaOutbox, row_id, WaOutbox.next_attempt_at, WaOutbox.sent_at.is_(None)):
                continue
            item = session.get(WaOutbox, row_id)
            assert item is not None
            try:
                reply_id, template = deliver(session, client, item)
            except GraphError as err:
                item.attempts += 1
                item.error = str(err)[:300]
                if err.retry:
                    item.next_attempt_at = utcnow() + backoff(item.attempts)
                else:
                    item.gave_up_at = utcnow()
                log.warning("whatsapp reply %s (case %s) not sent: %s", item.id, item.request_id, err)
                session.commit()
                continue
            item.sent_at, item.wa_reply_id, item.error = utcnow(), reply_id[:128] or None, None
            item.attempts += 1
            session.commit()
            if template:
                log.info("whatsapp reply %s (case %s) sent as template %s", row_id, item.request_id, template)
            sent += 1
    return sent


def run_round(sm: sessionmaker[Session], settings) -> RoundResult:  # type: ignore[no-untyped-def]
    """One pass of everything that is due (what the loop does every few seconds; tests call it)."""
    ws = settings.whatsapp
    out = RoundResult()
    with sm() as session:
        out.queued = queue_status_replies(session)
    if not ws.can_call_api:
        return out
    client = GraphClient(ws, settings.max_upload_bytes)
    try:
        out.media = fetch_media(sm, settings, client)
        out.sent = send_due(sm, client)
    finally:
        client.close()
    return out


async def worker_loop(app: FastAPI) -> None:
    settings = app.state.settings
    wake: asyncio.Event = app.state.whatsapp_wake
    while True:
        try:
            await asyncio.to_thread(run_round, app.state.sessionmaker, settings)
        except Exception:  # a broken round must not end the loop (logged, tried again next time)
            log.exception("whatsapp worker round failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), settings.whatsapp.poll_seconds)
        wake.clear()
