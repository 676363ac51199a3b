"""The station's own status changes on their way to the server (status flows both ways).

A status change made on the desk (the editor verifies a case, forwards an accident straight to the
police) is queued by the store as a ``status`` outbox item in the same transaction.  Once the case has
its server number the worker sends each item, oldest first, as ``POST /api/v1/requests/{remote_id}/status``
with ``{"status", "note", "opd"}``:

* **accepted** (200): the item is done, a former refusal on the case is cleared;
* **refused** (403: the regency policy does not let stations make that change; 400/409/422: the
  lifecycle refused it, e.g. Diskominfo changed the case meanwhile; 404): the item is done as refused,
  the server's Indonesian message is kept on the case (``cases.status_error``) and the server's current
  status is pulled back (a ``status_check:`` mark, cleared once read, survives a lost connection): the
  server is the authority.  A refused change is never retried and never holds back other items;
* **network fault** (no answer, 5xx, 429): the cycle stops and the worker's backoff retries it later.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Status
from radio_desk.domain.models import utcnow
from radio_desk.store.cases import record_server_status
from radio_desk.store.models import CaseRow, OutboxRow, SyncStateRow

if TYPE_CHECKING:
    from radio_desk.store.store import Store

STATUS_KIND = "status"
STATUS_CHECK = "status_check:"  # + case UUID: the server refused a change; read its status back
STATUS_ECHO = "status_echo:"  # + case UUID: JSON list of our accepted changes the feed has yet to echo
FEED_NOTE_SEPARATOR = " — "  # the update feed's description: "<status label>[: <OPD>] — <note>"


def feed_note(update: dict[str, Any]) -> str:
    """The note a server status change came with (the OPD's follow-up text), from a feed row or an
    Open311 request: ``status_notes`` (or ``note``) when the server gives it, else the part of the
    description after the status label."""
    for key in ("status_notes", "note"):
        value = update.get(key)
        if isinstance(value, str):
            return value.strip()
    text = str(update.get("description") or "")
    _, sep, tail = text.partition(FEED_NOTE_SEPARATOR)
    return tail.strip() if sep else ""


def _label(status: str) -> str:
    try:
        return Status(status).label
    except ValueError:
        return status


@dataclass(frozen=True)
class StatusChange:
    """One local status change, ready to send."""

    outbox_id: int
    case_id: uuid.UUID
    remote_id: str
    status: str
    note: str
    opd: str | None
    duplicate_of: str | None  # the server number of the original (for "duplikat")
    revision: int

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "status": self.status,
            "note": self.note,
            "opd": self.opd if self.status == Status.DITERUSKAN.value else None,
        }
        if self.status == Status.DUPLIKAT.value and self.duplicate_of and self.duplicate_of.isdigit():
            body["duplicate_of"] = int(self.duplicate_of)
        return body


@dataclass(frozen=True)
class StatusRefusal:
    case_id: uuid.UUID
    status: str
    reason: str  # as shown on the case (Indonesian, with the server's own message)


def refusal_text(status: str, server_said: str) -> str:
    return (
        f"Perubahan status ke \u201c{_label(status)}\u201d ditolak server: {server_said} "
        "Status dari server dipakai."
    )


class StatusOutbox:
    """The ``status`` items of the outbox and the cases' status bookkeeping (desk SQLite)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def due(self, limit: int = 200) -> list[StatusChange]:
        """Status items whose case the server knows, oldest first; those of a case not yet on the
        server wait (untouched) and those of a deleted case are dropped."""
        now = utcnow()
        out: list[StatusChange] = []
        with self.store.write() as s:
            rows = s.execute(
                select(OutboxRow, CaseRow.id, CaseRow.remote_id)
                .outerjoin(CaseRow, CaseRow.id == OutboxRow.case_id)
                .where(OutboxRow.done.is_(False), OutboxRow.kind == STATUS_KIND)
                .where((OutboxRow.next_attempt_at.is_(None)) | (OutboxRow.next_attempt_at <= now))
                .order_by(OutboxRow.id)
            ).all()
            for row, case_id, remote_id in rows:
                if case_id is None:  # deleted locally: nothing to send
                    row.done, row.sent_at, row.last_error = True, now, "kasus dihapus di desk"
                    continue
                if remote_id is None:
                    continue
                payload = _payload(row)
                original = payload.get("duplicate_of")
                change = StatusChange(
                    row.id, case_id, str(remote_id), str(payload.get("to") or ""),
                    str(payload.get("note") or ""), payload.get("opd") or None,
                    _remote_of(s, original), int(payload.get("revision") or 0),
                )  # fmt: skip
                out.append(change)
                if len(out) >= limit:
                    break
        return out

    def sent(self, change: StatusChange) -> None:
        """The server took the change; its row in the update feed will be the desk's own echo."""
        with self.store.write() as s:
            self._settle(s, change, None)
            expect_echo(s, change.case_id, change.status)
            s.execute(
                update(CaseRow)
                .where(CaseRow.id == change.case_id)
                .values(status_error=None, status_error_at=None)
            )

    def refused(self, change: StatusChange, server_said: str) -> StatusRefusal:
        """The server refused the change for good: note why on the case, and read its status back."""
        now = utcnow()
        reason = refusal_text(change.status, server_said[:500])
        with self.store.write() as s:
            self._settle(s, change, reason)
            s.execute(
                update(CaseRow)
                .where(CaseRow.id == change.case_id)
                .values(status_error=reason, status_error_at=now)
            )
            key = STATUS_CHECK + str(change.case_id)
            if s.get(SyncStateRow, key) is None:
                s.add(SyncStateRow(key=key, value=change.remote_id, updated_at=now))
        return StatusRefusal(change.case_id, change.status, reason)

    def failed(self, change: StatusChange, error: str) -> None:
        """No answer (network, server fault): the worker's backoff decides when to try again."""
        with self.store.write() as s:
            row = s.get(OutboxRow, change.outbox_id)
            if row is not None:
                row.attempts += 1
                row.last_error = error[:500]

    def _settle(self, s: Session, change: StatusChange, error: str | None) -> None:
        now = utcnow()
        row = s.get(OutboxRow, change.outbox_id)
        if row is not None:
            row.done, row.sent_at, row.last_error = True, now, error
            row.attempts += 1
        # the case is in step with the server once nothing else of it waits to be sent
        others = s.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.case_id == change.case_id, OutboxRow.done.is_(False))
        )
        if not others:
            s.execute(
                update(CaseRow)
                .where(CaseRow.id == change.case_id, CaseRow.synced_revision < change.revision)
                .values(synced_revision=change.revision, synced_at=now)
            )

    def to_check(self, limit: int = 50) -> list[tuple[uuid.UUID, str]]:
        """(case, server number) of cases whose status must be read back from the server."""
        with self.store.read() as s:
            rows = s.execute(
                select(SyncStateRow.key, SyncStateRow.value)
                .where(SyncStateRow.key.like(STATUS_CHECK + "%"))
                .limit(limit)
            ).all()
        out = []
        for key, remote_id in rows:
            try:
                out.append((uuid.UUID(key[len(STATUS_CHECK) :]), remote_id))
            except ValueError:
                self.checked(key[len(STATUS_CHECK) :])
        return out

    def checked(self, case_id: uuid.UUID | str) -> None:
        with self.store.write() as s:
            row = s.get(SyncStateRow, STATUS_CHECK + str(case_id))
            if row is not None:
                s.delete(row)

    def apply_server_state(self, case_id: uuid.UUID, request: dict[str, Any] | None) -> bool:
        """Take the server's current status (an Open311 request) for the case; ``None``: the server
        no longer has it.  Returns whether the desk's status changed."""
        changed = False
        with self.store.write() as s:
            case = s.scalars(select(CaseRow).where(CaseRow.id == case_id)).one_or_none()
            status = (request or {}).get("external_status_code")
            if case is not None and status in {st.value for st in Status}:
                at = _parse_time(request.get("updated_datetime")) if request else None
                note = feed_note(request or {})
                # dated now: the correction follows the refused local change in the case's history
                now = utcnow()
                event = record_server_status(s, case, status, at=now, note=note, touched_at=now)
                changed = event is not None
                case.status_note = note or None
                case.status_note_at = at if note else None
            row = s.get(SyncStateRow, STATUS_CHECK + str(case_id))
            if row is not None:
                s.delete(row)
        return changed


def _echoes(s: Session, case_id: uuid.UUID) -> tuple[SyncStateRow | None, list[str]]:
    row = s.get(SyncStateRow, STATUS_ECHO + str(case_id))
    try:
        pending = json.loads(row.value) if row is not None else []
    except ValueError:
        pending = []
    return row, [str(x) for x in pending] if isinstance(pending, list) else []


def expect_echo(s: Session, case_id: uuid.UUID, status: str) -> None:
    """Remember that the feed will bring back the desk's own accepted change (in the caller's
    transaction).  The same status twice in a row is one change answered twice (a retry)."""
    row, pending = _echoes(s, case_id)
    if pending and pending[-1] == status:
        return
    pending.append(status)
    value = json.dumps(pending[-20:])
    if row is None:
        s.add(SyncStateRow(key=STATUS_ECHO + str(case_id), value=value, updated_at=utcnow()))
    else:
        row.value, row.updated_at = value, utcnow()


def take_echo(s: Session, case_id: uuid.UUID, status: str) -> bool:
    """Whether a feed row with ``status`` is the echo of the desk's own change (then it is consumed):
    applying it would move the desk back to a status it has already left."""
    row, pending = _echoes(s, case_id)
    if not pending or pending[0] != status:
        return False
    rest = pending[1:]
    if rest:
        row.value, row.updated_at = json.dumps(rest), utcnow()  # type: ignore[union-attr]
    else:
        s.delete(row)
    return True


def _payload(row: OutboxRow) -> dict[str, Any]:
    try:
        payload = json.loads(row.payload or "{}")
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _remote_of(s: Session, case_id: object) -> str | None:
    if not case_id:
        return None
    try:
        uid = uuid.UUID(str(case_id))
    except ValueError:
        return None
    return s.scalar(select(CaseRow.remote_id).where(CaseRow.id == uid))


def _parse_time(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
