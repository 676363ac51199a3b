"""A message from Meta becomes a case of the WhatsApp line (the station account ``settings.line``).

Idempotent on Meta's message id twice over: the case's UUID is derived from it (uuid5), so the
server's intake answers a second delivery "unchanged", and ``wa_message.wa_message_id`` is unique.
The case goes through the same intake as a station's (:func:`radio_desk.server.cases.submit_cases`):
the same field checks, the feed row, status ``baru`` — so it waits in the console's verification queue.

Privacy as on the desk: the WhatsApp number is the reporter's phone and the profile name the
reporter's name; ``#anonim`` in the text makes the reporter anonymous (name, phone and voice for
Diskominfo's staff only) and ``#rahasia`` keeps the case off every public list.
"""

from __future__ import annotations

import logging
import re
import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.domain import limits
from radio_desk.domain.enums import Channel
from radio_desk.domain.phone import normalize_phone
from radio_desk.errors import RadioDeskError, ValidationError
from radio_desk.server import cases
from radio_desk.server.auth import Principal, Role
from radio_desk.server.models import Account, utcnow
from radio_desk.server.whatsapp.models import WaMessage
from radio_desk.server.whatsapp.payload import Inbound
from radio_desk.server.whatsapp.replies import UNSUPPORTED_TEXT, enqueue, ticket_text
from radio_desk.server.whatsapp.settings import WhatsAppSettings
from radio_desk.server.xmlout import printable

log = logging.getLogger("radio_desk.server.whatsapp")
CASE_NAMESPACE = uuid.UUID("5b0f3c1e-7d44-4c1b-9a55-2f0e9d3a7c21")  # uuid5(ns, wamid) = the case UUID
VOICE_PLACEHOLDER = "Pesan suara WhatsApp (transkripsi sedang dibuat)."
TAG = re.compile(r"(?<![\w#])#(anonim|rahasia)\b", re.IGNORECASE)


def privacy_tags(text: str) -> tuple[str, bool, bool]:
    """The text without its ``#anonim``/``#rahasia`` tags, and which were there."""
    found = {m.lower() for m in TAG.findall(text)}
    return re.sub(r"[ \t]{2,}", " ", TAG.sub("", text)).strip(), "anonim" in found, "rahasia" in found


def reporter_phone(wa_id: str) -> str:
    """A WhatsApp id is the number in international form without ``+``: ``6281234567890``."""
    digits = re.sub(r"\D", "", wa_id)[: limits.PHONE - 1]
    try:
        return normalize_phone("+" + digits) or "+" + digits
    except ValidationError:
        return "+" + digits  # a number from abroad: kept as WhatsApp gave it


def line_principal(session: Session, ws: WhatsAppSettings) -> Principal:
    """The station account of the WhatsApp line, made on first use (no API key: nobody logs in as it)."""
    account = session.scalar(select(Account).where(Account.name == ws.line))
    if account is None:
        session.add(Account(name=ws.line, role=Role.STATION.value, created_at=utcnow()))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
        account = session.scalar(select(Account).where(Account.name == ws.line))
    assert account is not None
    if account.role != Role.STATION.value:
        raise RadioDeskError(
            f"Akun \u201c{ws.line}\u201d (RADIO_DESK_WHATSAPP_LINE) bukan akun stasiun; pilih nama lain."
        )
    return Principal(account.id, account.name, Role.STATION)


def _intake(m: Inbound, ws: WhatsAppSettings) -> dict:
    text, anonim, rahasia = privacy_tags(printable(m.text or "")[: limits.SUMMARY])
    voice = m.kind == "audio"
    return {
        "case_uuid": str(uuid.uuid5(CASE_NAMESPACE, m.message_id)),
        "service_code": ws.service_code,
        "description": VOICE_PLACEHOLDER if voice else text or "(pesan kosong)",
        "notes": "Masuk lewat WhatsApp" + (" (pesan suara)" if voice else "") + ".",
        "channel": Channel.WHATSAPP.value,
        "caller_name": printable(m.profile_name)[: limits.CALLER_NAME].strip() or None
        if m.profile_name
        else None,
        "phone": reporter_phone(m.wa_from),
        "anonim": anonim,
        "rahasia": rahasia,
        "received_at": m.sent_at.isoformat(),
    }


def record(sm: sessionmaker[Session], ws: WhatsAppSettings, messages: list[Inbound]) -> list[int]:
    """Store the messages of one delivery; the ids of the cases made (none for a retried delivery)."""
    made: list[int] = []
    for m in messages:
        if ws.phone_number_id and m.phone_number_id and m.phone_number_id != ws.phone_number_id:
            log.warning("whatsapp: message for another phone number id ignored")
            continue
        with sm() as session:
            if session.scalar(select(WaMessage.id).where(WaMessage.wa_message_id == m.message_id)):
                continue  # Meta's retry of a delivery already stored
            request_id = None
            if m.kind in ("text", "audio"):
                result = cases.submit_cases(session, line_principal(session, ws), [_intake(m, ws)])[0]
                if result.outcome == "error":  # a misconfigured category; Meta retries while it lasts
                    raise RadioDeskError(f"Pesan WhatsApp tidak bisa menjadi aduan: {result.description}")
                request_id = result.service_request_id
            voice = m.kind == "audio"
            try:
                session.add(
                    WaMessage(
                        wa_message_id=m.message_id,
                        request_id=request_id,
                        wa_from=m.wa_from,
                        kind=m.kind if m.kind in ("text", "audio") else "other",
                        media_id=m.media_id,
                        mime_type=m.mime_type,
                        received_at=utcnow(),
                        sent_at=m.sent_at,
                        media_state="pending" if voice else "none",
                        media_attempts=0,
                        transcript_state="none",
                        transcript_attempts=0,
                        # the speech worker triages a text now, a voice note once transcribed
                        triage_state="pending" if m.kind == "text" and request_id is not None else "none",
                    )
                )
                if request_id is not None:
                    body = ticket_text(request_id, voice)
                    enqueue(session, f"ticket:{request_id}", m.wa_from, body, request_id)
                else:
                    enqueue(session, f"unsupported:{m.message_id}", m.wa_from, UNSUPPORTED_TEXT, None)
                session.commit()
            except IntegrityError:  # the same delivery, stored by a concurrent request
                session.rollback()
                continue
            if request_id is not None:
                made.append(request_id)
                log.info("whatsapp: case %s from a message of type %s", request_id, m.kind)
    return made
