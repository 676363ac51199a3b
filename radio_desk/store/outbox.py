"""The sync outbox: a durable queue of "this case must reach the server" items.

Contract (see docs/store.md): the case repository queues an item in the SAME transaction that saves a
change, so a change and its outbox item exist together or not at all.  The sync engine polls
:meth:`OutboxRepository.pending`, sends, then calls :meth:`mark_sent` (or :meth:`mark_failed`, which
schedules the next attempt with exponential back-off).  Items are never merged: one change, one item;
the sync engine may send a case's current state once and mark all its pending items sent together.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from radio_desk.domain.models import utcnow
from radio_desk.store.convert import from_row
from radio_desk.store.models import OutboxRow
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store

BACKOFF_FIRST = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)


class OutboxKind(StrEnum):
    CREATE = "create"  # a new case; payload {"revision": n}
    UPDATE = "update"  # fields changed; payload {"fields": [...], "revision": n}
    STATUS = "status"  # a local status change; payload {"event_id", "from", "to", "revision"}
    TRANSCRIPT = "transcript"  # the transcript of a case's recording changed; {"recording_id"}
    DELETE = "delete"  # a case the server knows was deleted locally; {"remote_id"}


@dataclass(frozen=True)
class OutboxItem:
    id: int
    case_id: uuid.UUID
    kind: OutboxKind
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    done: bool
    sent_at: datetime | None


@dataclass(frozen=True)
class OutboxStats:
    pending: int  # not yet sent
    failing: int  # pending and failed at least once
    oldest_pending_at: datetime | None


def enqueue(
    session: Session, case_id: uuid.UUID, kind: OutboxKind, payload: dict[str, Any] | None = None
) -> None:
    """Queue an item inside the caller's transaction (used by the repositories)."""
    session.add(
        OutboxRow(
            case_id=case_id,
            kind=str(kind),
            payload=json.dumps(payload or {}, ensure_ascii=False, default=str),
            created_at=utcnow(),
            attempts=0,
            done=False,
        )
    )


def payload_of(row: OutboxRow) -> dict[str, Any]:
    """An item's payload; an unreadable one as empty (never an error in the sync's loop)."""
    try:
        payload = json.loads(row.payload or "{}")
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def item_from_row(row: OutboxRow) -> OutboxItem:
    return from_row(OutboxItem, row, kind=OutboxKind(row.kind), payload=payload_of(row), done=bool(row.done))


class OutboxRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def pending(self, limit: int = 100, *, now: datetime | None = None) -> list[OutboxItem]:
        """Items due now (never tried, or their back-off has passed), oldest first."""
        now = now or utcnow()
        stmt = (
            select(OutboxRow)
            .where(OutboxRow.done.is_(False))
            .where(or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        with self._store.read() as s:
            return [item_from_row(r) for r in s.scalars(stmt)]

    def get(self, item_id: int) -> OutboxItem:
        with self._store.read() as s:
            row = get_row(s, OutboxRow, item_id, f"Antrean kirim #{item_id} tidak ada.")
            return item_from_row(row)

    def for_case(self, case_id: uuid.UUID, *, include_done: bool = True) -> list[OutboxItem]:
        stmt = select(OutboxRow).where(OutboxRow.case_id == case_id).order_by(OutboxRow.id)
        if not include_done:
            stmt = stmt.where(OutboxRow.done.is_(False))
        with self._store.read() as s:
            return [item_from_row(r) for r in s.scalars(stmt)]

    def mark_sent(self, item_ids: int | Iterable[int], *, at: datetime | None = None) -> int:
        """Mark items delivered; returns how many were still pending."""
        ids = [item_ids] if isinstance(item_ids, int) else list(item_ids)
        if not ids:
            return 0
        with self._store.write() as s:
            result = s.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids), OutboxRow.done.is_(False))
                .values(done=True, sent_at=at or utcnow(), last_error=None)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def mark_failed(self, item_id: int, error: str, *, next_attempt_at: datetime | None = None) -> datetime:
        """Record a failed attempt; the item is due again at the returned time (30 s, 1 min, ... ≤ 1 h)."""
        with self._store.write() as s:
            row = get_row(s, OutboxRow, item_id, f"Antrean kirim #{item_id} tidak ada.")
            row.attempts += 1
            if next_attempt_at is None:
                delay = min(BACKOFF_FIRST * (2 ** min(row.attempts - 1, 16)), BACKOFF_MAX)
                next_attempt_at = utcnow() + delay
            row.next_attempt_at = next_attempt_at
            row.last_error = error[:2000]
            return next_attempt_at

    def stats(self) -> OutboxStats:
        with self._store.read() as s:
            pending, failing, oldest = s.execute(
                select(
                    func.count(OutboxRow.id),
                    func.count(OutboxRow.id).filter(OutboxRow.attempts > 0),
                    func.min(OutboxRow.created_at),
                ).where(OutboxRow.done.is_(False))
            ).one()
        return OutboxStats(int(pending), int(failing), oldest)

    def purge_sent(self, older_than: datetime) -> int:
        """Delete delivered items sent before ``older_than`` (housekeeping)."""
        with self._store.write() as s:
            result = s.execute(
                delete(OutboxRow).where(OutboxRow.done.is_(True), OutboxRow.sent_at < older_than)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]
