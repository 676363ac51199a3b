"""The desk's side of the outbox: read pending items, record what the server answered, keep the cursor.

Works on the store's own tables (``outbox``, ``sync_state``, ``cases``, ``status_events``) through a
SQLAlchemy engine on the desk's SQLite file.  The rule applied when status comes back:

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

import hashlib
import json
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from radio_desk.domain import limits
from radio_desk.domain.enums import Status
from radio_desk.domain.models import utcnow
from radio_desk.store.cases import record_server_status
from radio_desk.store.models import (
    CaseRow,
    OutboxRow,
    RecordingRow,
    SegmentRow,
    SyncStateRow,
)
from radio_desk.store.store import Store
from radio_desk.sync.status_out import STATUS_KIND, StatusOutbox, feed_note, take_echo

CURSOR_KEY = "server_update_cursor"
LAST_SUCCESS_KEY = "server_last_success"
TRANSCRIPT_DUE = "transcript_due:"  # + recording id: its transcript changed and must be uploaded
TRANSCRIPT_SENT = "transcript:"  # + recording id: SHA-256 of the transcript the server has
REFUSED_RETRY_CAP = 86_400.0  # unchanged, a refused case is tried again at most daily
STATUS_NOT_A_CHANGE = "baru"  # the feed's arrival / intake-edit rows (no transition leads back to baru)


def case_payload(row: CaseRow) -> dict[str, Any]:
    """The case as the server's batch endpoint takes it (current values, not the queued snapshot)."""
    return {
        "case_uuid": str(row.id),
        "service_code": row.category or "lainnya",
        "description": row.summary or "",
        "notes": row.notes or "",
        "channel": row.channel,
        "urgency": row.urgency,
        "caller_name": row.caller_name,
        "phone": row.phone,
        "anonim": bool(row.anonim),
        "rahasia": bool(row.rahasia),
        "kecamatan_code": row.kecamatan_code,
        "desa_code": row.desa_code,
        "received_at": row.received_at.isoformat(),
        "opd": row.opd,
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


@dataclass(frozen=True)
class RefusedCase:
    """A case the server did not take, and why (Indonesian)."""

    case_id: uuid.UUID
    summary: str
    reason: str
    at: datetime | None = None

    def describe(self) -> str:
        summary = self.summary if len(self.summary) <= 40 else self.summary[:39] + "…"
        title = f" \u201c{summary}\u201d" if summary else ""
        return f"aduan {self.case_id}{title}: {self.reason}"


def render_transcript(recording_id: str, case_uuid: str, segments: list[SegmentRow]) -> bytes:
    """A recording's transcript as the JSON document uploaded to the server (stable bytes)."""
    doc = {
        "recording_id": recording_id,
        "case_uuid": case_uuid,
        "segments": [
            {
                "start": s.start_s,
                "end": s.end_s,
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
class TranscriptUpload:
    recording_id: str
    remote_id: str
    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class PendingItem:
    outbox_ids: list[int]
    case_id: uuid.UUID
    revision: int
    payload: dict[str, Any]


class SqlOutbox:
    """The sync worker's view of the desk's store.  Every call is one of the store's transactions
    (:meth:`Store.read`, or :meth:`Store.write`: BEGIN IMMEDIATE, committed at the end), so a database
    failure leaves as the store's :class:`~radio_desk.errors.StoreError`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self.statuses = StatusOutbox(store)  # the station's own status changes (sent one by one)

    def pending_count(self) -> int:
        with self.store.read() as s:
            return int(
                s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.done.is_(False))) or 0
            )

    def take_batch(self, limit: int) -> list[PendingItem]:
        """Up to ``limit`` cases due for sending; several queued changes of one case become one item."""
        now = utcnow()
        with self.store.write() as s:
            rows = s.scalars(
                select(OutboxRow)
                .where(OutboxRow.done.is_(False), OutboxRow.kind != STATUS_KIND)  # sent on their own
                .where((OutboxRow.next_attempt_at.is_(None)) | (OutboxRow.next_attempt_at <= now))
                .order_by(OutboxRow.id)
                .limit(limit * 4)
            ).all()
            ids = {r.case_id for r in rows}
            cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))} if ids else {}
            items: dict[uuid.UUID, PendingItem] = {}
            for row in rows:
                self._note_transcript(row, s)
                if row.case_id in items:
                    items[row.case_id].outbox_ids.append(row.id)
                    continue
                if len(items) >= limit:
                    continue
                case = cases.get(row.case_id)
                if case is None:  # deleted locally: nothing to send (the server keeps its copy)
                    row.done, row.sent_at, row.last_error = True, now, "kasus dihapus di desk"
                    continue
                items[row.case_id] = PendingItem([row.id], case.id, case.revision, case_payload(case))
            # the current state of a case covers all its queued changes, also those of an earlier send
            # the server refused (they wait for a retry): an edit sends the case and settles them all
            taken = {i for item in items.values() for i in item.outbox_ids}
            if items:
                for row in s.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.done.is_(False), OutboxRow.case_id.in_(list(items)))
                    .where(OutboxRow.kind != STATUS_KIND)
                    .order_by(OutboxRow.id)
                ):
                    if row.id not in taken:
                        self._note_transcript(row, s)
                        items[row.case_id].outbox_ids.append(row.id)
            return list(items.values())

    def _note_transcript(self, row: OutboxRow, s: Session) -> None:
        if row.kind == "transcript":
            rec_id = self.payload_of(row).get("recording_id")
            if rec_id:
                self.set_state(TRANSCRIPT_DUE + str(rec_id), "1", session=s)

    def record_results(
        self, items: list[PendingItem], results: list[dict[str, Any]], retry_in: float
    ) -> tuple[int, list[RefusedCase]]:
        """Mark sent items done (remember the server's id); note the refused ones on their case and
        re-queue them for later.  Returns (sent, refused)."""
        now = utcnow()
        by_uuid = {r.get("case_uuid"): r for r in results}
        ok = 0
        sent_ids: list[int] = []
        case_updates: list[dict[str, Any]] = []
        refused: list[tuple[PendingItem, str]] = []
        with self.store.write() as s:
            case_ids = [item.case_id for item in items]
            known = {
                cid: (pk, rev or 0)
                for pk, cid, rev in s.execute(
                    select(CaseRow.pk, CaseRow.id, CaseRow.synced_revision).where(CaseRow.id.in_(case_ids))
                )
            }
            for item in items:
                res = by_uuid.get(str(item.case_id), {"outcome": "error", "description": "tanpa jawaban"})
                if res.get("outcome") == "error":
                    reason = str(res.get("description", "") or "tanpa alasan")[:500]
                    refused.append((item, f"Ditolak server: {reason}"))
                    continue
                ok += 1
                sent_ids.extend(item.outbox_ids)
                if item.case_id in known:
                    pk, synced = known[item.case_id]
                    case_updates.append(
                        {"pk": pk, "remote_id": res.get("service_request_id"),
                         "synced_revision": max(synced, item.revision), "synced_at": now,
                         "sync_error": None, "sync_error_at": None}
                    )  # fmt: skip
            out = self._refuse(s, refused, retry_in, now)
            if sent_ids:  # one statement each, not one per row: batches are hundreds of cases
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(sent_ids))
                    .values(done=True, sent_at=now, last_error=None)
                )
            if case_updates:
                s.execute(update(CaseRow), case_updates)  # executemany by primary key
        return ok, out

    def refuse(self, refused: list[tuple[PendingItem, str]], retry_in: float) -> list[RefusedCase]:
        """Cases the desk cannot send as they are (too large even alone): the same as a server refusal."""
        with self.store.write() as s:
            out = self._refuse(s, refused, retry_in, utcnow())
        return out

    def _refuse(
        self, s: Session, refused: list[tuple[PendingItem, str]], retry_in: float, now: datetime
    ) -> list[RefusedCase]:
        if not refused:
            return []
        ids = [i for item, _ in refused for i in item.outbox_ids]
        rows = {r.id: r for r in s.scalars(select(OutboxRow).where(OutboxRow.id.in_(ids)))}
        for item, error in refused:
            for row in (rows[i] for i in item.outbox_ids if i in rows):
                row.attempts += 1
                row.last_error = error
                row.next_attempt_at = now + timedelta(seconds=refused_retry_delay(retry_in, row.attempts))
            s.execute(
                update(CaseRow).where(CaseRow.id == item.case_id).values(sync_error=error, sync_error_at=now)
            )
        return [
            RefusedCase(item.case_id, str(item.payload.get("description") or ""), error, now)
            for item, error in refused
        ]

    def refused_cases(self, limit: int = 20) -> list[RefusedCase]:
        """Cases whose last send was refused, newest refusal first (the partial index finds them)."""
        with self.store.read() as s:
            rows = s.execute(
                select(CaseRow.id, CaseRow.summary, CaseRow.sync_error, CaseRow.sync_error_at)
                .where(CaseRow.sync_error_at.is_not(None))
                .order_by(CaseRow.sync_error_at.desc())
                .limit(limit)
            ).all()
        return [RefusedCase(cid, summary or "", error or "", at) for cid, summary, error, at in rows]

    def refused_count(self) -> int:
        with self.store.read() as s:
            stmt = select(func.count()).select_from(CaseRow).where(CaseRow.sync_error_at.is_not(None))
            return int(s.scalar(stmt) or 0)

    def record_failure(self, items: list[PendingItem], error: str) -> None:
        """The network failed: note it; the worker's backoff (not a per-item delay) decides the retry."""
        with self.store.write() as s:
            ids = [i for item in items for i in item.outbox_ids]
            for row in s.scalars(select(OutboxRow).where(OutboxRow.id.in_(ids))):
                row.attempts += 1
                row.last_error = error[:500]

    def get_state(self, key: str) -> str | None:
        with self.store.read() as s:
            row = s.get(SyncStateRow, key)
            return row.value if row else None

    def set_state(self, key: str, value: str, session: Session | None = None) -> None:
        def _set(s: Session) -> None:
            row = s.get(SyncStateRow, key)
            if row is None:
                s.add(SyncStateRow(key=key, value=value, updated_at=utcnow()))
            else:
                row.value, row.updated_at = value, utcnow()

        if session is not None:
            _set(session)
            return
        with self.store.write() as s:
            _set(s)

    def apply_updates(self, updates: list[dict[str, Any]]) -> int:
        """Apply the server's status changes and advance the cursor in the same transaction."""
        if not updates:
            return 0
        applied = 0
        known = {st.value for st in Status}
        with self.store.write() as s:
            wanted: list[tuple[dict[str, Any], uuid.UUID]] = []
            for upd in updates:
                try:
                    wanted.append((upd, uuid.UUID(str(upd.get("case_uuid")))))
                except ValueError:
                    continue
            ids = list({cid for _, cid in wanted})
            cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))} if ids else {}
            for upd, case_id in wanted:
                case = cases.get(case_id)
                status = upd.get("external_status_code")
                if case is None or status not in known:  # not ours, or a status this desk doesn't know
                    continue
                if case.remote_id is None:
                    case.remote_id = upd.get("service_request_id")
                if status == STATUS_NOT_A_CHANGE or take_echo(s, case.id, status):
                    continue  # an arrival / intake edit, or the echo of the station's own change
                if case.status == status:
                    continue
                at = datetime.fromisoformat(str(upd["updated_datetime"]).replace("Z", "+00:00"))
                note = feed_note(upd)  # the OPD's follow-up (tindak lanjut) comes with the status
                event_note = str(upd.get("description", ""))
                if (
                    record_server_status(
                        s, case, status, at=at, note=note, event_note=event_note, touched_at=utcnow()
                    )
                    is None
                ):
                    continue
                applied += 1
            self.set_state(CURSOR_KEY, str(updates[-1]["update_id"]), session=s)
        return applied

    @staticmethod
    def payload_of(row: OutboxRow) -> dict[str, Any]:
        try:
            payload = json.loads(row.payload or "{}")
        except ValueError:
            return {}
        return payload if isinstance(payload, dict) else {}

    def recordings_to_upload(self, limit: int = 20) -> list[tuple[str, str, str]]:
        """(recording id, server id of its case, file path) of finished recordings not yet uploaded."""
        out: list[tuple[str, str, str]] = []
        with self.store.read() as s:
            rows = s.execute(
                select(RecordingRow.id, CaseRow.remote_id, RecordingRow.path)
                .join(CaseRow, CaseRow.id == RecordingRow.case_id)
                .where(CaseRow.remote_id.is_not(None))
                .where(RecordingRow.state.in_(["complete", "interrupted", "recovered"]))
            ).all()
            done = {
                k for (k,) in s.execute(select(SyncStateRow.key).where(SyncStateRow.key.like("uploaded:%")))
            }
            for rec_id, remote_id, path in rows:
                if f"uploaded:{rec_id}" not in done:
                    out.append((str(rec_id), str(remote_id), path))
                if len(out) >= limit:
                    break
        return out

    def mark_uploaded(self, recording_id: str, upload_id: str) -> None:
        self.set_state(f"uploaded:{recording_id}", upload_id)

    def transcripts_to_upload(self, limit: int = 20) -> list[TranscriptUpload]:
        """Transcripts marked due whose case the server knows; unchanged ones are cleared on the way."""
        out: list[TranscriptUpload] = []
        with self.store.write() as s:
            due = s.scalars(
                select(SyncStateRow.key).where(SyncStateRow.key.like(TRANSCRIPT_DUE + "%")).limit(limit * 4)
            ).all()
            for key in due:
                rec_key = key[len(TRANSCRIPT_DUE) :]
                try:
                    rec_id = uuid.UUID(rec_key)
                except ValueError:
                    s.delete(s.get(SyncStateRow, key))
                    continue
                row = s.execute(
                    select(CaseRow.id, CaseRow.remote_id)
                    .join(RecordingRow, RecordingRow.case_id == CaseRow.id)
                    .where(RecordingRow.id == rec_id)
                ).first()
                if row is None:  # recording gone or detached: nothing to send
                    s.delete(s.get(SyncStateRow, key))
                    continue
                case_id, remote_id = row
                if remote_id is None:
                    continue  # the case has not reached the server yet; stays due
                upload = TranscriptUpload(
                    str(rec_id), str(remote_id), f"{rec_id}.transcript.json",
                    render_transcript(str(rec_id), str(case_id), _segments(s, rec_id)),
                )  # fmt: skip
                sent = s.get(SyncStateRow, TRANSCRIPT_SENT + str(rec_id))
                if sent is not None and sent.value == upload.sha256:
                    s.delete(s.get(SyncStateRow, key))
                    continue
                out.append(upload)
                if len(out) >= limit:
                    break
        return out

    def mark_transcript_uploaded(self, upload: TranscriptUpload) -> None:
        """Remember what the server has; the "due" mark goes only if nothing changed meanwhile."""
        with self.store.write() as s:
            self.set_state(TRANSCRIPT_SENT + upload.recording_id, upload.sha256, session=s)
            case_uuid = json.loads(upload.data)["case_uuid"]
            current = render_transcript(upload.recording_id, case_uuid, _segments(s, upload.recording_id))
            due = s.get(SyncStateRow, TRANSCRIPT_DUE + upload.recording_id)
            if due is not None and current == upload.data:
                s.delete(due)


def _segments(s: Session, recording_id: str | uuid.UUID) -> list[SegmentRow]:
    rec_id = recording_id if isinstance(recording_id, uuid.UUID) else uuid.UUID(recording_id)
    stmt = (
        select(SegmentRow)
        .where(SegmentRow.recording_id == rec_id)
        .order_by(SegmentRow.start_s, SegmentRow.id)
    )
    return list(s.scalars(stmt))
