"""What the reporter is told, in Indonesian: the ticket number, then each status the case reaches.

Never the case's private details: no name, no phone, no summary or note — only the number, the
status, the OPD it went to and, at ``selesai``, the follow-up as the public page shows it (numbers
masked, the reporter's name removed; left out altogether for a rahasia case).  The status messages
come from the update feed (:func:`queue_status_replies`), so a change made in the console, through the
API or on the command line reaches the reporter alike.

Each status message also carries the parameters of its approved template (:func:`template_params`),
sent instead when Meta's 24-hour window is closed: the same details and no more.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Status
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.server.models import RequestUpdate, ServiceRequest, utcnow
from radio_desk.server.public import follow_up_text
from radio_desk.server.whatsapp.models import WaCursor, WaMessage, WaOutbox

FEED_CURSOR = "feed"
SCAN_BATCH = 500


def ticket_text(request_id: int, voice: bool) -> str:
    what = "Pesan suara Anda" if voice else "Aduan Anda"
    return (
        f"Terima kasih. {what} sudah kami terima dengan nomor tiket {request_id}. "
        "Petugas Diskominfo akan memeriksanya dalam 3 hari kerja; kabar berikutnya kami kirim ke "
        "nomor ini. Simpan nomor tiket untuk menanyakan perkembangannya."
    )


UNSUPPORTED_TEXT = (
    "Maaf, saat ini kami hanya menerima pesan teks dan pesan suara. Silakan tulis aduan Anda atau "
    "kirim pesan suara. Tambahkan #anonim bila identitas Anda ingin dirahasiakan, #rahasia bila "
    "aduannya tidak boleh dipublikasikan."
)


def _opd_name(code: str | None) -> str:
    opd = get_taxonomy().opds.get(code or "")
    return opd.name if opd else "perangkat daerah terkait"


def status_text(req: ServiceRequest, status: str) -> str | None:
    """The message for ``status`` of ``req`` (None: no message for that status)."""
    n = req.id
    match Status(status):
        case Status.TERVERIFIKASI:
            return f"Aduan nomor {n} sudah diverifikasi oleh Diskominfo dan segera diteruskan."
        case Status.DITERUSKAN:
            return (
                f"Aduan nomor {n} sudah diteruskan ke {_opd_name(req.opd)} untuk ditindaklanjuti "
                "(paling lambat 5 hari kerja)."
            )
        case Status.DIPROSES:
            return f"Aduan nomor {n} sedang ditangani oleh {_opd_name(req.opd)}."
        case Status.SELESAI:
            text = f"Aduan nomor {n} sudah selesai ditangani oleh {_opd_name(req.opd)}."
            follow = "" if req.rahasia else follow_up_text(req.tindak_lanjut, req.caller_name).strip()
            text += f"\nTindak lanjut: {follow}" if follow else ""
            return text + "\nTerima kasih atas laporan Anda."
        case Status.DUPLIKAT:
            return f"Aduan nomor {n} sama dengan aduan yang sudah kami terima; keduanya ditangani bersama."
        case Status.BUKAN_WEWENANG:
            return (
                f"Aduan nomor {n} bukan wewenang Pemerintah Kabupaten, sehingga tidak dapat kami "
                "tindaklanjuti. Terima kasih atas laporan Anda."
            )
        case Status.DITOLAK:
            return f"Aduan nomor {n} tidak dapat kami proses. Silakan kirim aduan baru bila perlu."
        case _:
            return None


def _param(text: str, limit: int = 900) -> str:
    """A template parameter as Meta takes it: no newline or tab, no run of spaces, never empty."""
    one_line = re.sub(r"\s+", " ", text).strip()
    return (one_line[: limit - 1] + "\u2026" if len(one_line) > limit else one_line) or "-"


def template_params(req: ServiceRequest, status: str) -> list[str]:
    """The body parameters of ``status``'s template: {{1}} the ticket number, then {{2}} the OPD
    (diteruskan, diproses, selesai) and {{3}} the masked follow-up (selesai; "-" for none or rahasia)."""
    params = [str(req.id)]
    if status in (Status.DITERUSKAN.value, Status.DIPROSES.value, Status.SELESAI.value):
        params.append(_param(_opd_name(req.opd)))
    if status == Status.SELESAI.value:
        params.append(_param("" if req.rahasia else follow_up_text(req.tindak_lanjut, req.caller_name)))
    return params


def enqueue(
    session: Session,
    dedupe: str,
    to: str,
    body: str,
    request_id: int | None,
    template: tuple[str, list[str]] | None = None,
) -> bool:
    """Queue a message once (``dedupe``), with the status and parameters of its template if it has one;
    False when it was queued before.  The caller commits."""
    if session.scalar(select(WaOutbox.id).where(WaOutbox.dedupe == dedupe)) is not None:
        return False
    session.add(
        WaOutbox(
            dedupe=dedupe, request_id=request_id, wa_to=to, body=body, created_at=utcnow(),
            template=template[0] if template else None,
            template_params=json.dumps(template[1], ensure_ascii=False) if template else None,
        )
    )  # fmt: skip
    return True


def _locked_cursor(session: Session) -> WaCursor:
    """The feed cursor, locked until commit (PostgreSQL: two servers' workers read the feed in turn;
    SQLite writers are serialised already); made on first use, also when two workers start at once."""
    cursor = session.get(WaCursor, FEED_CURSOR, with_for_update=True)
    if cursor is None:
        session.add(WaCursor(name=FEED_CURSOR, value=0))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
        cursor = session.get(WaCursor, FEED_CURSOR, with_for_update=True, populate_existing=True)
    assert cursor is not None
    return cursor


def queue_status_replies(session: Session) -> int:
    """Read the update feed past the cursor and queue a message for each WhatsApp case whose status
    changed (the latest change of a case in one read; each status once per case).  Commits."""
    cursor = _locked_cursor(session)
    rows = session.execute(
        select(RequestUpdate.id, RequestUpdate.request_id, RequestUpdate.status)
        .where(RequestUpdate.id > cursor.value)
        .order_by(RequestUpdate.id)
        .limit(SCAN_BATCH)
    ).all()
    if not rows:
        session.commit()
        return 0
    latest = {row.request_id: row.status for row in rows}
    reporters = dict(
        session.execute(
            select(WaMessage.request_id, WaMessage.wa_from)
            .where(WaMessage.request_id.in_(latest))
            .order_by(WaMessage.id.desc())
        ).all()
    )
    queued = 0
    for request_id, status in latest.items():
        to = reporters.get(request_id)
        if to is None or status == Status.BARU.value:
            continue
        req = session.get(ServiceRequest, request_id)
        body = status_text(req, status) if req is not None else None
        template = (status, template_params(req, status)) if body and req is not None else None
        if body and enqueue(session, f"status:{request_id}:{status}", to, body, request_id, template):
            queued += 1
    cursor.value = rows[-1].id
    session.commit()
    return queued
