"""Claiming work in the WhatsApp tables so that two workers (or a worker restarted mid-job) never do it
twice at once: a row is taken by an UPDATE that only succeeds while it is still due, and the lease it
sets runs out if the worker dies, so the job comes back on its own."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.orm import Session

from radio_desk.server.models import utcnow

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
