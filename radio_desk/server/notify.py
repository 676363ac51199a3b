"""Mail to the OPDs (optional: off unless ``smtp_host`` is set): a notice when a case is forwarded to
the OPD, and a reminder a day before its 5-working-day follow-up deadline.

The addresses are those of the OPD's accounts (``radio-desk-server user add NAME --role opd --opd CODE
--email ADDRESS``). A mail carries the case number, category, kecamatan, the disposition note and the
console link — never the caller's name or phone. Reminders are sent once per case and deadline: each is
written to the audit log (action ``pengingat``), which is what the next run checks.
``radio-desk-server notify`` runs one round (for cron); ``RADIO_DESK_SERVER_NOTIFY_MINUTES`` > 0 makes
the server run a round itself at that interval.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.domain.enums import Status
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.server import audit
from radio_desk.server.auth import Role
from radio_desk.server.config import ServerSettings
from radio_desk.server.deadlines import FOLLOW_UP_DAYS, Calendar
from radio_desk.server.models import Account, AuditEntry, ServiceRequest

log = logging.getLogger(__name__)


def opd_addresses(session: Session, opd: str | None) -> list[str]:
    if not opd:
        return []
    rows = session.scalars(
        select(Account.email).where(
            Account.role == Role.OPD.value,
            Account.opd == opd,
            Account.revoked_at.is_(None),
            Account.email.is_not(None),
        )
    )
    return sorted({r for r in rows if r})


def _link(settings: ServerSettings, req: ServiceRequest) -> str:
    base = (settings.public_base_url or "").rstrip("/")
    return f"{base}/console/aduan/{req.id}"


def _send(settings: ServerSettings, to: list[str], subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.smtp_from
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(settings.smtp_host or "localhost", settings.smtp_port, timeout=30) as smtp:
        smtp.send_message(msg)


def _mail(
    session: Session, settings: ServerSettings, req: ServiceRequest, to: list[str], subject: str, body: str,
    action: str, detail: str,
) -> bool:  # fmt: skip
    """Send one mail about ``req`` and write it to the audit log (``action``, ``detail``: what the next
    round checks); a mail that cannot be sent is logged and gives False, never an error."""
    try:
        _send(settings, to, subject, body)
    except (OSError, smtplib.SMTPException) as err:
        log.warning("%s mail for case %s not sent: %s", action, req.id, type(err).__name__)
        return False
    audit.record(session, "sistem", action, f"aduan {req.id}", detail)
    return True


def _describe(req: ServiceRequest) -> str:
    tax = get_taxonomy()
    return (
        f"Nomor aduan : {req.id}\n"
        f"Kategori    : {tax.category_name(req.service_code)}\n"
        f"Kecamatan   : {req.kecamatan_code or '-'}\n"
        f"Stasiun     : {req.station.name}\n"
        f"Urgensi     : {req.urgency}\n"
    )


def send_forwarded(sm: sessionmaker[Session], settings: ServerSettings, request_id: int) -> bool:
    """The notice of a forward (run after the response; a mail failure is logged, never raised)."""
    if not settings.smtp_host:
        return False
    with sm() as session:
        req = session.get(ServiceRequest, request_id)
        if req is None or req.status != Status.DITERUSKAN.value:
            return False
        to = opd_addresses(session, req.opd)
        if not to:
            return False
        tax = get_taxonomy()
        body = (
            f"Aduan baru diteruskan ke {tax.opd_name(req.opd)} oleh Diskominfo.\n\n{_describe(req)}"
            f"Disposisi   : {req.status_notes or '-'}\n\n"
            f"Tindak lanjuti dalam {FOLLOW_UP_DAYS} hari kerja: {_link(settings, req)}\n"
        )
        subject = f"[Radio Desk] Aduan #{req.id} diteruskan ke OPD Anda"
        return _mail(session, settings, req, to, subject, body, "surel", f"diteruskan ke {req.opd}")


def send_reminders(
    session: Session, settings: ServerSettings, cal: Calendar, now: datetime | None = None
) -> int:
    """Remind the OPDs of forwarded cases whose follow-up deadline is less than a day away; return how
    many mails went out."""
    if not settings.smtp_host:
        return 0
    now = now or datetime.now(UTC)
    tax = get_taxonomy()
    sent = 0
    rows = session.scalars(
        select(ServiceRequest).where(
            ServiceRequest.status == Status.DITERUSKAN.value, ServiceRequest.forwarded_at.is_not(None)
        )
    )
    for req in list(rows):
        due = cal.add_working_days(req.forwarded_at, FOLLOW_UP_DAYS)  # type: ignore[arg-type]
        if not (now < due <= now + timedelta(days=1)):
            continue
        marker = f"tenggat {due.isoformat()}"
        done = session.scalar(
            select(AuditEntry.id).where(
                AuditEntry.action == "pengingat",
                AuditEntry.target == f"aduan {req.id}",
                AuditEntry.detail == marker,
            )
        )
        to = opd_addresses(session, req.opd)
        if done is not None or not to:
            continue
        body = (
            f"Pengingat: tenggat tindak lanjut aduan berikut tinggal kurang dari sehari "
            f"({due.astimezone(cal.tz).strftime('%d-%m-%Y %H:%M')} WIB).\n\n{_describe(req)}\n"
            f"OPD: {tax.opd_name(req.opd)}\n{_link(settings, req)}\n"
        )
        subject = f"[Radio Desk] Pengingat tenggat aduan #{req.id}"
        if _mail(session, settings, req, to, subject, body, "pengingat", marker):
            sent += 1
    return sent
