"""The desk's side of the outbox: read pending items, record what the server answered, keep the cursor.

The queries are the store's (:class:`radio_desk.store.sync.SyncRepository`, ``store.sync``, in the
store's transactions); this module is the protocol: what a case looks like on the wire, how the
server's answers and its update feed are read.  The rule applied when status comes back:

* **status flows both ways, the server is the authority**: the station's own status changes (verify,
  forward an accident straight to the police) are sent one by one once the case has its server number
  (:mod:`radio_desk.sync.status_out`); the server checks them against the lifecycle and the regency's
  policy and may refuse or later correct them; a status in the feed replaces the local one (logged as
  a status event with origin "server", its note, the OPD's follow-up, kept as ``cases.status_note``);
* the **desk owns the intake fields** (caller, place, category, urgency, text) **until the case is
  verified**; the server ignores later intake edits of a verified case and answers "kept".

Feed rows whose status is ``baru`` (a case's arrival on the server, a station's edit before
verification) are not status changes: nothing moves a case back to ``baru``, so they never overwrite a
status the desk holds; every other feed row does.

A case the server refuses (an item-level 4xx, or a body too large even alone) is **refused**: the reason
is kept on the case (``cases.sync_error``, shown on the case page and in the status bar), the case is not
sent again until it changes (an edit queues a new item, due at once) or, in case the server's rules
changed, after 30 s·2ⁿ with jitter, at most daily.  The other cases go on.

Transcripts: a ``transcript`` outbox item (final transcript saved, segment corrected, recording
attached) marks the recording's transcript as due; once the case has its server number the transcript
is uploaded as JSON, again only when its SHA-256 differs from the last one the server took.
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass
from typing import Any

from radio_desk.domain import limits
from radio_desk.domain.enums import Status
from radio_desk.domain.models import Case, TranscriptSegment, utcnow
from radio_desk.store.store import Store
from radio_desk.store.sync import (
    TRANSCRIPT_DUE,
    TRANSCRIPT_SENT,
    FeedStatus,
    Refusal,
    RefusedCase,
    Sent,
)
from radio_desk.store.sync import DueTranscript as TranscriptUpload
from radio_desk.sync.status_out import StatusOutbox, feed_note, parse_time

__all__ = [
    "CURSOR_KEY",
    "LAST_SUCCESS_KEY",
    "PAYLOAD_TEXT_FIELDS",
    "REFUSED_RETRY_CAP",
    "STATUS_NOT_A_CHANGE",
    "TRANSCRIPT_DUE",
    "TRANSCRIPT_SENT",
    "PendingItem",
    "RefusedCase",
    "SqlOutbox",
    "TranscriptUpload",
    "case_payload",
    "refused_retry_delay",
    "render_transcript",
    "too_large_reason",
]

CURSOR_KEY = "server_update_cursor"
LAST_SUCCESS_KEY = "server_last_success"
REFUSED_RETRY_CAP = 86_400.0  # unchanged, a refused case is tried again at most daily
STATUS_NOT_A_CHANGE = "baru"  # the feed's arrival / intake-edit rows (no transition leads back to baru)


def case_payload(case: Case) -> dict[str, Any]:
    """The case as the server's batch endpoint takes it (current values, not the queued snapshot)."""
    return {
        "case_uuid": str(case.id),
        "service_code": case.category or "lainnya",
        "description": case.summary or "",
        "notes": case.notes or "",
        "channel": str(case.channel),
        "urgency": str(case.urgency),
        "caller_name": case.caller_name,
        "phone": case.phone,
        "anonim": bool(case.anonim),
        "rahasia": bool(case.rahasia),
        "kecamatan_code": case.kecamatan_code,
        "desa_code": case.desa_code,
        "received_at": case.received_at.isoformat(),
        "opd": case.opd,
    }


def refused_retry_delay(base: float, attempts: int, rng: random.Random | None = None) -> float:
    """Seconds before a refused case is tried again: base·2^(attempts-1), capped, with jitter."""
    ceiling = min(REFUSED_RETRY_CAP, base * (2 ** min(max(attempts - 1, 0), 16)))
    return (rng or random).uniform(ceiling / 2, ceiling)


# The payload's text fields as the operator knows them, with the desk's limit of each.
PAYLOAD_TEXT_FIELDS = {
    "description": ("ringkasan", limits.SUMMARY),
    "notes": ("catatan", limits.NOTES),
    "caller_name": ("nama penelepon", limits.CALLER_NAME),
    "phone": ("nomor telepon", limits.PHONE),
}


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def too_large_reason(payload: dict[str, Any], size: int, limit: int, server_said: str = "") -> str:
    """Why a case cannot be sent as one request: its size, and the fields over their limits."""
    over = [
        f"{label} {_n(len(payload[key]))} karakter (paling banyak {_n(most)})"
        for key, (label, most) in PAYLOAD_TEXT_FIELDS.items()
        if isinstance(payload.get(key), str) and len(payload[key]) > most
    ]
    text = f"Aduan terlalu besar untuk dikirim ({_n(size)} bita; batas server {_n(limit)} bita)"
    if server_said:
        text += f"; server: {server_said}"
    if over:
        text += ": " + ", ".join(over)
    return text + ". Perpendek teksnya lalu simpan lagi."


def render_transcript(recording_id: str, case_uuid: str, segments: list[TranscriptSegment]) -> bytes:
    """A recording's transcript as the JSON document uploaded to the server (stable bytes)."""
    doc = {
        "recording_id": recording_id,
        "case_uuid": case_uuid,
        "segments": [
            {
                "start": s.start,
                "end": s.end,
                "speaker": s.speaker,
                "text": s.text,
                "edited": bool(s.edited),
            }
            for s in segments
        ],
        "text": " ".join(s.text.strip() for s in segments if s.text.strip()),
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


@dataclass
class PendingItem:
    outbox_ids: list[int]
    case_id: uuid.UUID
    revision: int
    payload: dict[str, Any]


def _refusal(item: PendingItem, reason: str) -> Refusal:
    return Refusal(item.outbox_ids, item.case_id, reason, str(item.payload.get("description") or ""))


def _feed_row(update: dict[str, Any], known: set[str]) -> FeedStatus | None:
    """A feed row as the store applies it; ``None`` for one not meant for this desk (no case id, a
    status this desk does not know)."""
    try:
        case_id = uuid.UUID(str(update.get("case_uuid")))
    except ValueError:
        return None
    status = update.get("external_status_code")
    if status not in known:
        return None
    return FeedStatus(
        case_id, str(status), update.get("service_request_id"),
        parse_time(update.get("updated_datetime")) or utcnow(),
        feed_note(update),  # the OPD's follow-up (tindak lanjut) comes with the status
        str(update.get("description", "")),
        is_change=status != STATUS_NOT_A_CHANGE,
    )  # fmt: skip


class SqlOutbox:
    """The sync worker's view of the desk's store: the protocol over ``store.sync`` (every call one of
    the store's transactions, a database failure the store's :class:`~radio_desk.errors.StoreError`)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self.statuses = StatusOutbox(store)  # the station's own status changes (sent one by one)

    def pending_count(self) -> int:
        return self.store.sync.pending_count()

    def take_batch(self, limit: int) -> list[PendingItem]:
        """Up to ``limit`` cases due for sending; several queued changes of one case become one item."""
        return [
            PendingItem(due.outbox_ids, due.case.id, due.revision, case_payload(due.case))
            for due in self.store.sync.take_batch(limit)
        ]

    def record_results(
        self, items: list[PendingItem], results: list[dict[str, Any]], retry_in: float
    ) -> tuple[int, list[RefusedCase]]:
        """Mark sent items done (remember the server's id); note the refused ones on their case and
        re-queue them for later.  Returns (sent, refused)."""
        by_uuid = {r.get("case_uuid"): r for r in results}
        sent: list[Sent] = []
        refused: list[Refusal] = []
        for item in items:
            res = by_uuid.get(str(item.case_id), {"outcome": "error", "description": "tanpa jawaban"})
            if res.get("outcome") == "error":
                reason = str(res.get("description", "") or "tanpa alasan")[:500]
                refused.append(_refusal(item, f"Ditolak server: {reason}"))
            else:
                sent.append(Sent(item.outbox_ids, item.case_id, item.revision, res.get("service_request_id")))
        out = self.store.sync.record_results(sent, refused, lambda n: refused_retry_delay(retry_in, n))
        return len(sent), out

    def refuse(self, refused: list[tuple[PendingItem, str]], retry_in: float) -> list[RefusedCase]:
        """Cases the desk cannot send as they are (too large even alone): the same as a server refusal."""
        return self.store.sync.refuse(
            [_refusal(item, error) for item, error in refused], lambda n: refused_retry_delay(retry_in, n)
        )

    def refused_cases(self, limit: int = 20) -> list[RefusedCase]:
        """Cases whose last send was refused, newest refusal first."""
        return self.store.sync.refused_cases(limit)

    def refused_count(self) -> int:
        return self.store.sync.refused_count()

    def record_failure(self, items: list[PendingItem], error: str) -> None:
        """The network failed: note it; the worker's backoff (not a per-item delay) decides the retry."""
        self.store.sync.record_failure((i for item in items for i in item.outbox_ids), error)

    def get_state(self, key: str) -> str | None:
        return self.store.sync.get_state(key)

    def set_state(self, key: str, value: str) -> None:
        self.store.sync.set_state(key, value)

    def apply_updates(self, updates: list[dict[str, Any]]) -> int:
        """Apply the server's status changes and advance the cursor in the same transaction."""
        if not updates:
            return 0
        known = {st.value for st in Status}
        rows = [row for row in (_feed_row(u, known) for u in updates) if row is not None]
        return self.store.sync.apply_feed(rows, CURSOR_KEY, str(updates[-1]["update_id"]))

    def recordings_to_upload(self, limit: int = 20) -> list[tuple[str, str, str]]:
        """(recording id, server id of its case, file path) of finished recordings not yet uploaded."""
        return self.store.sync.recordings_to_upload(limit)

    def mark_uploaded(self, recording_id: str, upload_id: str) -> None:
        self.store.sync.mark_uploaded(recording_id, upload_id)

    def transcripts_to_upload(self, limit: int = 20) -> list[TranscriptUpload]:
        """Transcripts marked due whose case the server knows; unchanged ones are cleared on the way."""
        return self.store.sync.transcripts_to_upload(render_transcript, limit)

    def mark_transcript_uploaded(self, upload: TranscriptUpload) -> None:
        """Remember what the server has; the "due" mark goes only if nothing changed meanwhile."""
        self.store.sync.transcript_uploaded(
            upload.recording_id, upload.case_id, upload.data, render_transcript
        )
