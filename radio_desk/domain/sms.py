"""SMS received at the studio (through a Gammu SMSD) and the replies the desk may send.

An incoming message waits in the "SMS masuk" list (``waiting``) until the operator confirms it (its
case is saved: ``confirmed``) or discards it with a reason (``discarded``, kept for the record).  Each
message has its case id from the start, so the form, its autosaved draft and the saved case agree.

Replies are short and public: the ticket number when the case is saved and the follow-up when the
OPD closes it, from per-station templates.  A template may name only the fields in
``REPLY_FIELDS``: never the reporter's name, place, notes or the case's summary (a reply goes to a
phone that others may read; the details stay with the station and the OPD).
"""

from __future__ import annotations

import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from radio_desk.errors import ValidationError


class SmsState(StrEnum):
    WAITING = "waiting"
    CONFIRMED = "confirmed"
    DISCARDED = "discarded"


class ReplyKind(StrEnum):
    SAVED = "saved"  # the ticket number, when the case is saved
    CLOSED = "closed"  # the follow-up, when the OPD closes the case


@dataclass(frozen=True)
class SmsMessage:
    id: int
    smsd_id: str  # the daemon's id of the message (files backend: IN<date>_<time>_<serial>_<sender>)
    sender: str  # as the network gave it (may be a name: "TELKOMSEL")
    phone: str | None  # E.164 when the sender is an Indonesian number
    text: str
    parts: int
    received_at: datetime
    case_id: uuid.UUID
    state: SmsState
    imported_at: datetime
    triage: dict[str, Any] | None = None  # summary, urgency, category, kecamatan/desa codes, opd
    decided_at: datetime | None = None
    decided_by: str = ""
    discard_reason: str = ""
    earlier_cases: int = 0  # cases from the same number before this message (repeat reporter)


REPLY_FIELDS = {
    "tiket": "nomor tiket laporan",
    "stasiun": "nama stasiun",
    "status": "status laporan",
    "tindak_lanjut": "tindak lanjut dari OPD",
}
DEFAULT_SAVED_TEMPLATE = (
    "Terima kasih, laporan Anda sudah kami terima dengan nomor tiket {tiket}. Salam dari {stasiun}."
)
DEFAULT_CLOSED_TEMPLATE = "Laporan {tiket}: {status}. {tindak_lanjut} Terima kasih - {stasiun}."
MAX_REPLY_CHARS = 459  # three SMS parts of 153 characters


def check_template(template: str) -> str:
    """A reply template as typed, or :class:`ValidationError` naming what is wrong (Indonesian)."""
    template = template.strip()
    if not template:
        raise ValidationError("Templat balasan SMS tidak boleh kosong.", field="sms_template")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as err:
        raise ValidationError(
            "Templat balasan SMS tidak valid: kurung kurawal { } harus berpasangan.", field="sms_template"
        ) from err
    allowed = ", ".join("{" + k + "}" for k in REPLY_FIELDS)
    for name in names:
        if name not in REPLY_FIELDS:
            raise ValidationError(
                f"Templat balasan SMS memakai {{{name}}}, yang tidak boleh dikirim. Yang boleh: {allowed}.",
                field="sms_template",
            )
    return template


def render_reply(template: str, **values: str) -> str:
    """The reply's text: the template with its fields filled in, one line, at most three SMS parts."""
    fields = {k: (values.get(k) or "").strip() for k in REPLY_FIELDS}
    text = check_template(template).format(**fields)
    text = " ".join(text.split())
    if len(text) > MAX_REPLY_CHARS:
        text = text[: MAX_REPLY_CHARS - 1].rstrip() + "\u2026"
    return text


def ticket_number(station: str, case_id: uuid.UUID, remote_id: str | None) -> str:
    """The number a reporter quotes: the central server's request number once the case has one, else
    the station's own reference (station code and the start of the case id)."""
    if remote_id:
        return remote_id
    prefix = (station or "RD").upper()
    return f"{prefix}-{case_id.hex[:8].upper()}"
