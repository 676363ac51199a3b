"""The audit log: who did what, when and from where — every console action and login, and every status
change through the API. Admins read it at ``/console/audit``. A line never holds a caller's name or
phone, a password or a key."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from radio_desk.server.auth import Principal
from radio_desk.server.models import AuditEntry, utcnow


def record(
    session: Session,
    who: Principal | str,
    action: str,
    target: str = "",
    detail: str = "",
    address: str = "",
) -> None:
    """Write one line (committed at once, in its own transaction of ``session``)."""
    if isinstance(who, Principal):
        actor, role = who.name, str(who.role or "")
    else:
        actor, role = who, ""
    session.add(
        AuditEntry(
            at=utcnow(),
            actor=actor[:100],
            role=role[:20],
            action=action[:40],
            target=target[:100],
            detail=detail[:2000],
            address=address[:64],
        )
    )
    session.commit()


def recent(session: Session, limit: int = 200, before: int | None = None) -> list[AuditEntry]:
    q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before is not None:
        q = q.where(AuditEntry.id < before)
    return list(session.scalars(q))
