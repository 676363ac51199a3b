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

The queries are the store's (``store.sync``, :mod:`radio_desk.store.sync`); this module is the protocol.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from radio_desk.domain.enums import Status, label_of
from radio_desk.store.sync import STATUS_CHECK, STATUS_ECHO, STATUS_KIND, DueStatus, expect_echo, take_echo

if TYPE_CHECKING:
    from radio_desk.store.store import Store

__all__ = [
    "STATUS_CHECK",
    "STATUS_ECHO",
    "STATUS_KIND",
    "StatusChange",
    "StatusOutbox",
    "StatusRefusal",
    "expect_echo",
    "feed_note",
    "parse_time",
    "refusal_text",
    "take_echo",
]

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


def parse_time(value: object) -> datetime | None:
    """A server time (ISO 8601, ``Z`` for UTC); ``None`` when missing or unreadable."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


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
        f"Perubahan status ke \u201c{label_of(Status, status)}\u201d ditolak server: {server_said} "
        "Status dari server dipakai."
    )


def _change(d: DueStatus) -> StatusChange:
    p = d.item.payload
    return StatusChange(
        d.item.id, d.item.case_id, d.remote_id, str(p.get("to") or ""), str(p.get("note") or ""),
        p.get("opd") or None, d.duplicate_remote_id, int(p.get("revision") or 0),
    )  # fmt: skip


class StatusOutbox:
    """The ``status`` items of the outbox and the cases' status bookkeeping (over ``store.sync``)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def due(self, limit: int = 200) -> list[StatusChange]:
        """Status items whose case the server knows, oldest first; those of a case not yet on the
        server wait (untouched) and those of a deleted case are dropped."""
        return [_change(d) for d in self.store.sync.status_due(limit)]

    def sent(self, change: StatusChange) -> None:
        """The server took the change; its row in the update feed will be the desk's own echo."""
        self.store.sync.status_sent(change.outbox_id, change.case_id, change.status, change.revision)

    def refused(self, change: StatusChange, server_said: str) -> StatusRefusal:
        """The server refused the change for good: note why on the case, and read its status back."""
        reason = refusal_text(change.status, server_said[:500])
        self.store.sync.status_refused(
            change.outbox_id, change.case_id, change.remote_id, change.revision, reason
        )
        return StatusRefusal(change.case_id, change.status, reason)

    def failed(self, change: StatusChange, error: str) -> None:
        """No answer (network, server fault): the worker's backoff decides when to try again."""
        self.store.sync.status_failed(change.outbox_id, error)

    def to_check(self, limit: int = 50) -> list[tuple[uuid.UUID, str]]:
        """(case, server number) of cases whose status must be read back from the server."""
        return self.store.sync.status_to_check(limit)

    def checked(self, case_id: uuid.UUID | str) -> None:
        self.store.sync.status_checked(case_id)

    def apply_server_state(self, case_id: uuid.UUID, request: dict[str, Any] | None) -> bool:
        """Take the server's current status (an Open311 request) for the case; ``None``: the server
        no longer has it.  Returns whether the desk's status changed."""
        status = (request or {}).get("external_status_code")
        known = status if status in {st.value for st in Status} else None
        at = parse_time(request.get("updated_datetime")) if request else None
        return self.store.sync.apply_server_state(case_id, known, feed_note(request or {}), at)
