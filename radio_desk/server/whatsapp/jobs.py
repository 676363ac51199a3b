"""Claiming work in the WhatsApp tables so that two workers (or a worker restarted mid-job) never do it
twice at once: a row is taken by an UPDATE that only succeeds while it is still due, and the lease it
sets runs out if the worker dies, so the job comes back on its own."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from radio_desk.server.models import utcnow
from radio_desk.server.whatsapp.models import WaMessage

LEASE = timedelta(minutes=5)


def backoff(attempts: int, base: float = 30.0, cap: float = 3600.0) -> timedelta:
    """30 s·2ⁿ with full jitter, at most an hour."""
    return timedelta(seconds=random.uniform(base / 2, min(cap, base * 2 ** max(attempts - 1, 0))))


def due(column, now: datetime):  # type: ignore[no-untyped-def]
    return or_(column.is_(None), column <= now)


def claim(session: Session, model, row_id: int, next_column, *conditions, lease: timedelta = LEASE) -> bool:  # type: ignore[no-untyped-def]
    """Move ``next_column`` of the row ``lease`` ahead if the row is due; True when this caller has it."""
    now = utcnow()
    result = session.execute(
        update(model)
        .where(and_(model.id == row_id, due(next_column, now), *conditions))
        .values({next_column.key: now + lease})
    )
    session.commit()
    return result.rowcount == 1  # type: ignore[attr-defined]


def waiting_job(state: InstrumentedAttribute[str], now: datetime, lease: timedelta) -> ColumnElement[bool]:
    """The messages whose job in ``state`` (``transcript_state``, ``triage_state``) a worker may take:
    pending, or working for a worker whose ``lease`` has run out since it claimed them (killed, restarted)."""
    return or_(state == "pending", and_(state == "working", WaMessage.claimed_at < now - lease))


def claim_message(
    session: Session, state: InstrumentedAttribute[str], lease: timedelta, *conditions: Any, **values: Any
) -> Row[Any] | None:
    """Take the oldest message (meeting ``conditions``) whose job in ``state`` is waiting: mark it
    working for this caller (and set ``values``), committed; its id, request_id, kind and upload_id, or
    None when no job waits (or every one went to another worker meanwhile)."""
    now = utcnow()
    for row in session.execute(
        select(WaMessage.id, WaMessage.request_id, WaMessage.kind, WaMessage.upload_id)
        .where(waiting_job(state, now, lease), *conditions)
        .order_by(WaMessage.id)
        .limit(10)
    ).all():
        taken = session.execute(
            update(WaMessage)
            .where(WaMessage.id == row.id, waiting_job(state, now, lease))
            .values({state.key: "working", "claimed_at": now, **values})
        )
        session.commit()
        if taken.rowcount == 1:  # type: ignore[attr-defined]
            return row
    return None
