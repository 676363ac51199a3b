"""The desk's side of the outbox: read pending items, record what the server answered, keep the cursor.

Works on the store's own tables (``outbox``, ``sync_state``, ``cases``, ``status_events``) through a
SQLAlchemy engine on the desk's SQLite file.  The rule applied when status comes back:

* the **server owns status**: a status in the feed replaces the local one (and is logged as a status
  event with origin "server");
* the **desk owns the intake fields** (caller, place, category, urgency, text) **until the case is
  verified**; the server ignores later intake edits of a verified case and answers "kept".
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.store.models import CaseRow, OutboxRow, RecordingRow, StatusEventRow, SyncStateRow

CURSOR_KEY = "server_update_cursor"
LAST_SUCCESS_KEY = "server_last_success"


def now_utc() -> datetime:
    return datetime.now(UTC)


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


@dataclass
class PendingItem:
    outbox_ids: list[int]
    case_id: uuid.UUID
    revision: int
    payload: dict[str, Any]


class SqlOutbox:
    def __init__(self, engine: Engine) -> None:
        self.sessions = sessionmaker(engine, expire_on_commit=False)

    def pending_count(self) -> int:
        with self.sessions() as s:
            return int(
                s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.done.is_(False))) or 0
            )

    def take_batch(self, limit: int) -> list[PendingItem]:
        """Up to ``limit`` cases due for sending; several queued changes of one case become one item."""
        now = now_utc()
        with self.sessions() as s:
            rows = s.scalars(
                select(OutboxRow)
                .where(OutboxRow.done.is_(False))
                .where((OutboxRow.next_attempt_at.is_(None)) | (OutboxRow.next_attempt_at <= now))
                .order_by(OutboxRow.id)
                .limit(limit * 4)
            ).all()
            items: dict[uuid.UUID, PendingItem] = {}
            for row in rows:
                if row.case_id in items:
                    items[row.case_id].outbox_ids.append(row.id)
                    continue
                if len(items) >= limit:
                    continue
                case = s.scalar(select(CaseRow).where(CaseRow.id == row.case_id))
                if case is None:  # deleted locally: nothing to send (the server keeps its copy)
                    row.done, row.sent_at, row.last_error = True, now, "kasus dihapus di desk"
                    continue
                items[row.case_id] = PendingItem([row.id], case.id, case.revision, case_payload(case))
            s.commit()
            return list(items.values())

    def record_results(
        self, items: list[PendingItem], results: list[dict[str, Any]], retry_in: float
    ) -> tuple[int, int]:
        """Mark sent items done (remember the server's id); re-queue refused ones. Returns (ok, failed)."""
        now = now_utc()
        by_uuid = {r.get("case_uuid"): r for r in results}
        ok = failed = 0
        with self.sessions() as s:
            for item in items:
                res = by_uuid.get(str(item.case_id), {"outcome": "error", "description": "tanpa jawaban"})
                rows = s.scalars(select(OutboxRow).where(OutboxRow.id.in_(item.outbox_ids))).all()
                if res.get("outcome") == "error":
                    failed += 1
                    for row in rows:
                        row.attempts += 1
                        row.last_error = str(res.get("description", ""))[:500]
                        row.next_attempt_at = now + timedelta(seconds=retry_in)
                    continue
                ok += 1
                for row in rows:
                    row.done, row.sent_at, row.last_error = True, now, None
                case = s.scalar(select(CaseRow).where(CaseRow.id == item.case_id))
                if case is not None:
                    case.remote_id = res.get("service_request_id")
                    case.synced_revision = max(case.synced_revision or 0, item.revision)
                    case.synced_at = now
            s.commit()
        return ok, failed

    def record_failure(self, items: list[PendingItem], error: str) -> None:
        """The network failed: note it; the worker's backoff (not a per-item delay) decides the retry."""
        with self.sessions() as s:
            ids = [i for item in items for i in item.outbox_ids]
            for row in s.scalars(select(OutboxRow).where(OutboxRow.id.in_(ids))):
                row.attempts += 1
                row.last_error = error[:500]
            s.commit()

    def get_state(self, key: str) -> str | None:
        with self.sessions() as s:
            row = s.get(SyncStateRow, key)
            return row.value if row else None

    def set_state(self, key: str, value: str, session: Session | None = None) -> None:
        def _set(s: Session) -> None:
            row = s.get(SyncStateRow, key)
            if row is None:
                s.add(SyncStateRow(key=key, value=value, updated_at=now_utc()))
            else:
                row.value, row.updated_at = value, now_utc()

        if session is not None:
            _set(session)
            return
        with self.sessions() as s:
            _set(s)
            s.commit()

    def apply_updates(self, updates: list[dict[str, Any]]) -> int:
        """Apply the server's status changes and advance the cursor in the same transaction."""
        if not updates:
            return 0
        applied = 0
        with self.sessions() as s:
            for upd in updates:
                try:
                    case_id = uuid.UUID(str(upd.get("case_uuid")))
                except ValueError:
                    continue
                case = s.scalar(select(CaseRow).where(CaseRow.id == case_id))
                status = upd.get("external_status_code")
                if case is None or not status:
                    continue
                if case.remote_id is None:
                    case.remote_id = upd.get("service_request_id")
                if case.status == status:
                    continue
                at = datetime.fromisoformat(str(upd["updated_datetime"]).replace("Z", "+00:00"))
                s.add(
                    StatusEventRow(
                        case_id=case.id,
                        from_status=case.status,
                        to_status=status,
                        at=at,
                        by="server",
                        note=str(upd.get("description", ""))[:2000],
                        origin="server",
                    )
                )
                case.status = status
                case.updated_at = now_utc()
                applied += 1
            self.set_state(CURSOR_KEY, str(updates[-1]["update_id"]), session=s)
            s.commit()
        return applied

    def payload_of(self, row: OutboxRow) -> dict[str, Any]:
        return json.loads(row.payload or "{}")

    def recordings_to_upload(self, limit: int = 20) -> list[tuple[str, str, str]]:
        """(recording id, server id of its case, file path) of finished recordings not yet uploaded."""
        out: list[tuple[str, str, str]] = []
        with self.sessions() as s:
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
