"""Triage suggestions for the WhatsApp line's cases, made by the speech worker (:mod:`radio_desk.server_asr`,
which runs the desk's triage engine; the server imports none of it) and stored here.

A text message is waiting for triage as soon as it is stored (``wa_message.triage_state='pending'``), a
voice note once its transcript is in.  The worker claims a job (its text: the case's summary, or the
voice note's transcript), triages it and hands back a plain dict (``category``, ``urgency``,
``kecamatan_code``, ``desa_code``, ``opd``, names for the feed).  It is kept in ``wa_message.suggestion``
and, while the case is still ``baru``, fills the fields nobody has set yet — the category while it is
the line's default (``RADIO_DESK_WHATSAPP_SERVICE_CODE``, with its OPD), the urgency while it is the
default ``sedang``, the kecamatan and desa while they are empty — with a feed row "Saran triase: …"
on the case page; the coordinator confirms or corrects it in the verification queue.  Nothing a
person set is overwritten; a case already verified keeps everything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.domain.enums import Status, Urgency
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.server.cases import _add_update
from radio_desk.server.db import lock_feed
from radio_desk.server.models import ServiceRequest, Upload, utcnow
from radio_desk.server.uploads import stored_path
from radio_desk.server.whatsapp.jobs import claim_message
from radio_desk.server.whatsapp.models import WaMessage
from radio_desk.server.whatsapp.settings import WhatsAppSettings

LEASE = timedelta(minutes=5)
BY = "triase server"
DEFAULT_URGENCY = Urgency.SEDANG.value


@dataclass(frozen=True)
class TriageJob:
    message_id: int  # wa_message.id
    request_id: int
    text: str


def _transcript_text(session: Session, settings, request_id: int) -> str:  # type: ignore[no-untyped-def]
    uid = session.scalar(
        select(Upload.id)
        .where(Upload.request_id == request_id, Upload.kind == "transcript")
        .order_by(Upload.created_at.desc())
        .limit(1)
    )
    if uid is None:
        return ""
    try:
        return str(json.loads(stored_path(settings, uid).read_text("utf-8")).get("text") or "")
    except (OSError, ValueError, AttributeError):
        return ""


def claim_triage(sm: sessionmaker[Session], settings) -> TriageJob | None:  # type: ignore[no-untyped-def]
    """The oldest message waiting for triage (now ``working`` for this caller), or None."""
    with sm() as session:
        row = claim_message(session, WaMessage.triage_state, LEASE, WaMessage.request_id.is_not(None))
        if row is None:
            return None
        if row.kind == "audio":
            text = _transcript_text(session, settings, row.request_id)
        else:
            req = session.get(ServiceRequest, row.request_id)
            text = req.description if req is not None else ""
        return TriageJob(row.id, row.request_id, text)


def _feed_text(applied: dict[str, str]) -> str:
    return "Saran triase (periksa sebelum verifikasi): " + "; ".join(f"{k} {v}" for k, v in applied.items())


def apply_suggestion(req: ServiceRequest, ws: WhatsAppSettings, s: dict[str, Any]) -> dict[str, str]:
    """Fill the fields of a ``baru`` case that nobody has set yet; what was filled (label -> value)."""
    if req.status != Status.BARU.value:
        return {}
    tax = get_taxonomy()
    applied: dict[str, str] = {}
    category = s.get("category")
    if category in tax.categories and category != req.service_code and req.service_code == ws.service_code:
        if req.opd in (None, tax.default_opd(req.service_code)):
            opd = s.get("opd")
            req.opd = opd if opd in tax.opds else tax.default_opd(category)
        req.service_code = category
        applied["kategori"] = f"{tax.category_name(category)} ({tax.opd_name(req.opd)})"
    urgency = s.get("urgency")
    if urgency in {u.value for u in Urgency} and urgency != req.urgency and req.urgency == DEFAULT_URGENCY:
        req.urgency = urgency
        applied["urgensi"] = urgency
    kec = s.get("kecamatan_code")
    if kec and req.kecamatan_code is None and req.desa_code is None:
        desa = s.get("desa_code")
        req.kecamatan_code = kec
        req.desa_code = desa if desa and desa.startswith(kec + ".") else None
        names = [s.get("desa_name") if req.desa_code else None, s.get("kecamatan_name")]
        place = ", ".join(n for n in names if n)
        applied["tempat"] = place or kec
    return applied


def finish_triage(sm: sessionmaker[Session], ws: WhatsAppSettings, job: TriageJob, s: dict[str, Any]) -> bool:
    """Store the suggestion and fill the case in; True when the case changed."""
    with sm() as session:
        msg = session.get(WaMessage, job.message_id)
        if msg is None or msg.triage_state != "working":
            return False  # handed to another worker after the lease ran out, which finished first
        msg.triage_state, msg.suggestion = "done", json.dumps(s, ensure_ascii=False)
        lock_feed(session)
        req = session.get(ServiceRequest, job.request_id, with_for_update=True)
        applied = apply_suggestion(req, ws, s) if req is not None else {}
        if req is not None and applied:
            now = utcnow()
            req.updated_datetime = now
            _add_update(session, req, _feed_text(applied), BY, now)
        session.commit()
        return bool(applied)
