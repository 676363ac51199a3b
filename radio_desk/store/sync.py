"""The sync's queries: what the desk must send, what the server answered, the cursor and the marks.

Every call is one of the store's transactions (:meth:`Store.read`, or :meth:`Store.write`: BEGIN
IMMEDIATE, committed at the end), so a database failure leaves as the store's
:class:`~radio_desk.errors.StoreError`.  Cases leave as :class:`~radio_desk.domain.Case` (the one
mapper, :mod:`radio_desk.store.convert`); a status the server sets is applied by
:func:`radio_desk.store.cases.record_server_status`, the one place for it.  What goes over the wire
(payloads, transcript documents, the rules for reading the feed) is :mod:`radio_desk.sync`'s: it
hands the store plain values and, for transcripts, the function that renders one.

Marks kept in ``sync_state`` (key prefix + id):

* ``transcript_due:`` + recording: its transcript changed and must be uploaded;
* ``transcript:`` + recording: SHA-256 of the transcript the server has;
* ``uploaded:`` + recording: the server's upload id of its audio;
* ``status_check:`` + case: the server refused a status change; read its status back;
* ``status_echo:`` + case: JSON list of the desk's accepted changes the feed has yet to echo.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from radio_desk.domain.models import Case, TranscriptSegment, utcnow
from radio_desk.store.cases import record_server_status
from radio_desk.store.convert import case_from_row, segment_from_row
from radio_desk.store.models import CaseRow, OutboxRow, RecordingRow, SegmentRow, SyncStateRow
from radio_desk.store.outbox import OutboxItem, OutboxKind, item_from_row, payload_of
from radio_desk.store.stations import put_state

if TYPE_CHECKING:
    from radio_desk.store.store import Store

TRANSCRIPT_DUE = "transcript_due:"
TRANSCRIPT_SENT = "transcript:"
UPLOADED = "uploaded:"
STATUS_CHECK = "status_check:"
STATUS_ECHO = "status_echo:"
STATUS_KIND = OutboxKind.STATUS.value  # sent one by one, not in the case batches
DELETED_LOCALLY = "kasus dihapus di desk"
UPLOADABLE_STATES = ("complete", "interrupted", "recovered")

Render = Callable[[str, str, list[TranscriptSegment]], bytes]  # (recording id, case id, segments)
RetryDelay = Callable[[int], float]  # attempts so far -> seconds until the next try


@dataclass
class DueCase:
    """A case to send: its current state covers all its queued changes (``outbox_ids``)."""

    outbox_ids: list[int]
    case: Case
    revision: int


@dataclass(frozen=True)
class Sent:
    outbox_ids: list[int]
    case_id: uuid.UUID
    revision: int
    remote_id: str | None


@dataclass(frozen=True)
class Refusal:
    outbox_ids: list[int]
    case_id: uuid.UUID
    reason: str  # Indonesian, kept on the case
    summary: str = ""


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


@dataclass(frozen=True)
class FeedStatus:
    """One row of the server's update feed, read by the sync."""

    case_id: uuid.UUID
    status: str
    remote_id: str | None
    at: datetime
    note: str  # the OPD's follow-up, becomes the case's status note
    event_note: str  # the feed row's description, kept on the status event
    is_change: bool = True  # False: an arrival or intake edit on the server (only the remote id counts)


@dataclass(frozen=True)
class DueStatus:
    """A ``status`` outbox item whose case the server knows (``remote_id``)."""

    item: OutboxItem
    remote_id: str
    duplicate_remote_id: str | None  # the server number of the original, for "duplikat"


@dataclass
class DueTranscript:
    recording_id: str
    case_id: str
    remote_id: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def filename(self) -> str:
        return f"{self.recording_id}.transcript.json"


def _drop_state(s: Session, key: str) -> None:
    row = s.get(SyncStateRow, key)
    if row is not None:
        s.delete(row)


def _due_now(now: datetime):  # type: ignore[no-untyped-def]
    return (OutboxRow.next_attempt_at.is_(None)) | (OutboxRow.next_attempt_at <= now)


def recording_segments(s: Session, recording_id: str | uuid.UUID) -> list[TranscriptSegment]:
    rec_id = recording_id if isinstance(recording_id, uuid.UUID) else uuid.UUID(recording_id)
    stmt = (
        select(SegmentRow)
        .where(SegmentRow.recording_id == rec_id)
        .order_by(SegmentRow.start_s, SegmentRow.id)
    )
    return [segment_from_row(r) for r in s.scalars(stmt)]


class SyncRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- cases -----------------------------------------------------------------------------------
    def pending_count(self) -> int:
        with self._store.read() as s:
            stmt = select(func.count()).select_from(OutboxRow).where(OutboxRow.done.is_(False))
            return int(s.scalar(stmt) or 0)

    def take_batch(self, limit: int) -> list[DueCase]:
        """Up to ``limit`` cases due for sending; several queued changes of one case become one item.
        A transcript item marks its recording's transcript as due on the way."""
        now = utcnow()
        with self._store.write() as s:
            rows = s.scalars(
                select(OutboxRow)
                .where(OutboxRow.done.is_(False), OutboxRow.kind != STATUS_KIND)
                .where(_due_now(now))
                .order_by(OutboxRow.id)
                .limit(limit * 4)
            ).all()
            ids = {r.case_id for r in rows}
            cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))} if ids else {}
            items: dict[uuid.UUID, DueCase] = {}
            for row in rows:
                _note_transcript(s, row)
                if row.case_id in items:
                    items[row.case_id].outbox_ids.append(row.id)
                    continue
                if len(items) >= limit:
                    continue
                case = cases.get(row.case_id)
                if case is None:  # deleted locally: nothing to send (the server keeps its copy)
                    row.done, row.sent_at, row.last_error = True, now, DELETED_LOCALLY
                    continue
                items[row.case_id] = DueCase([row.id], case_from_row(case), case.revision)
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
                        _note_transcript(s, row)
                        items[row.case_id].outbox_ids.append(row.id)
            return list(items.values())

    def record_results(
        self, sent: list[Sent], refused: list[Refusal], retry_delay: RetryDelay
    ) -> list[RefusedCase]:
        """Mark sent items done and remember the server's id; note the refused ones on their case and
        put them off by ``retry_delay``; one transaction."""
        now = utcnow()
        with self._store.write() as s:
            known = {
                cid: (pk, rev or 0)
                for pk, cid, rev in s.execute(
                    select(CaseRow.pk, CaseRow.id, CaseRow.synced_revision).where(
                        CaseRow.id.in_([item.case_id for item in sent])
                    )
                )
            }
            case_updates = [
                {"pk": known[item.case_id][0], "remote_id": item.remote_id,
                 "synced_revision": max(known[item.case_id][1], item.revision), "synced_at": now,
                 "sync_error": None, "sync_error_at": None}
                for item in sent
                if item.case_id in known
            ]  # fmt: skip
            out = _refuse(s, refused, retry_delay, now)
            sent_ids = [i for item in sent for i in item.outbox_ids]
            if sent_ids:  # one statement each, not one per row: batches are hundreds of cases
                s.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_(sent_ids))
                    .values(done=True, sent_at=now, last_error=None)
                )
            if case_updates:
                s.execute(update(CaseRow), case_updates)  # executemany by primary key
        return out

    def refuse(self, refused: list[Refusal], retry_delay: RetryDelay) -> list[RefusedCase]:
        with self._store.write() as s:
            return _refuse(s, refused, retry_delay, utcnow())

    def refused_cases(self, limit: int = 20) -> list[RefusedCase]:
        """Cases whose last send was refused, newest refusal first (the partial index finds them)."""
        with self._store.read() as s:
            rows = s.execute(
                select(CaseRow.id, CaseRow.summary, CaseRow.sync_error, CaseRow.sync_error_at)
                .where(CaseRow.sync_error_at.is_not(None))
                .order_by(CaseRow.sync_error_at.desc())
                .limit(limit)
            ).all()
        return [RefusedCase(cid, summary or "", error or "", at) for cid, summary, error, at in rows]

    def refused_count(self) -> int:
        with self._store.read() as s:
            stmt = select(func.count()).select_from(CaseRow).where(CaseRow.sync_error_at.is_not(None))
            return int(s.scalar(stmt) or 0)

    def record_failure(self, outbox_ids: Iterable[int], error: str) -> None:
        """No answer: count the attempt and keep the error (the worker's backoff decides the retry)."""
        with self._store.write() as s:
            for row in s.scalars(select(OutboxRow).where(OutboxRow.id.in_(list(outbox_ids)))):
                row.attempts += 1
                row.last_error = error[:500]

    # -- state and the update feed ---------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        return self._store.sync_state.get(key)

    def set_state(self, key: str, value: str) -> None:
        self._store.sync_state.set(key, value)

    def apply_feed(self, rows: list[FeedStatus], cursor_key: str, cursor: str) -> int:
        """Apply the server's status changes and advance the cursor in the same transaction.  A row
        that only echoes the desk's own accepted change is consumed, not applied.  Returns how many
        cases changed status."""
        applied = 0
        with self._store.write() as s:
            ids = list({r.case_id for r in rows})
            cases = {c.id: c for c in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))} if ids else {}
            for feed in rows:
                case = cases.get(feed.case_id)
                if case is None:  # not ours
                    continue
                if case.remote_id is None:
                    case.remote_id = feed.remote_id
                if not feed.is_change or take_echo(s, case.id, feed.status):
                    continue
                if case.status == feed.status:
                    continue
                event = record_server_status(
                    s, case, feed.status, at=feed.at, note=feed.note, event_note=feed.event_note,
                    touched_at=utcnow(),
                )  # fmt: skip
                applied += event is not None
            put_state(s, cursor_key, cursor)
        return applied

    # -- recordings and transcripts ----------------------------------------------------------------
    def recordings_to_upload(self, limit: int = 20) -> list[tuple[str, str, str]]:
        """(recording id, server id of its case, file path) of finished recordings not yet uploaded."""
        out: list[tuple[str, str, str]] = []
        with self._store.read() as s:
            rows = s.execute(
                select(RecordingRow.id, CaseRow.remote_id, RecordingRow.path)
                .join(CaseRow, CaseRow.id == RecordingRow.case_id)
                .where(CaseRow.remote_id.is_not(None))
                .where(RecordingRow.state.in_(UPLOADABLE_STATES))
            ).all()
            done = {
                k for (k,) in s.execute(select(SyncStateRow.key).where(SyncStateRow.key.like(UPLOADED + "%")))
            }
            for rec_id, remote_id, path in rows:
                if f"{UPLOADED}{rec_id}" not in done:
                    out.append((str(rec_id), str(remote_id), path))
                if len(out) >= limit:
                    break
        return out

    def mark_uploaded(self, recording_id: str, upload_id: str) -> None:
        self.set_state(UPLOADED + recording_id, upload_id)

    def transcripts_to_upload(self, render: Render, limit: int = 20) -> list[DueTranscript]:
        """Transcripts marked due whose case the server knows, rendered by ``render``; those the server
        already has (same SHA-256) are cleared on the way, those of a case not yet on the server wait."""
        out: list[DueTranscript] = []
        with self._store.write() as s:
            due = s.scalars(
                select(SyncStateRow.key).where(SyncStateRow.key.like(TRANSCRIPT_DUE + "%")).limit(limit * 4)
            ).all()
            for key in due:
                try:
                    rec_id = uuid.UUID(key[len(TRANSCRIPT_DUE) :])
                except ValueError:
                    _drop_state(s, key)
                    continue
                row = s.execute(
                    select(CaseRow.id, CaseRow.remote_id)
                    .join(RecordingRow, RecordingRow.case_id == CaseRow.id)
                    .where(RecordingRow.id == rec_id)
                ).first()
                if row is None:  # recording gone or detached: nothing to send
                    _drop_state(s, key)
                    continue
                case_id, remote_id = row
                if remote_id is None:
                    continue  # the case has not reached the server yet; stays due
                data = render(str(rec_id), str(case_id), recording_segments(s, rec_id))
                upload = DueTranscript(str(rec_id), str(case_id), str(remote_id), data)
                sent = s.get(SyncStateRow, TRANSCRIPT_SENT + str(rec_id))
                if sent is not None and sent.value == upload.sha256:
                    _drop_state(s, key)
                    continue
                out.append(upload)
                if len(out) >= limit:
                    break
        return out

    def transcript_uploaded(self, recording_id: str, case_id: str, data: bytes, render: Render) -> None:
        """Remember what the server has; the "due" mark goes only if nothing changed meanwhile."""
        with self._store.write() as s:
            put_state(s, TRANSCRIPT_SENT + recording_id, hashlib.sha256(data).hexdigest())
            if render(recording_id, case_id, recording_segments(s, recording_id)) == data:
                _drop_state(s, TRANSCRIPT_DUE + recording_id)

    # -- the station's own status changes ----------------------------------------------------------
    def status_due(self, limit: int = 200) -> list[DueStatus]:
        """Status items whose case the server knows, oldest first; those of a case not yet on the
        server wait (untouched) and those of a deleted case are dropped."""
        now = utcnow()
        out: list[DueStatus] = []
        with self._store.write() as s:
            rows = s.execute(
                select(OutboxRow, CaseRow.id, CaseRow.remote_id)
                .outerjoin(CaseRow, CaseRow.id == OutboxRow.case_id)
                .where(OutboxRow.done.is_(False), OutboxRow.kind == STATUS_KIND)
                .where(_due_now(now))
                .order_by(OutboxRow.id)
            ).all()
            for row, case_id, remote_id in rows:
                if case_id is None:  # deleted locally: nothing to send
                    row.done, row.sent_at, row.last_error = True, now, DELETED_LOCALLY
                    continue
                if remote_id is None:
                    continue
                item = item_from_row(row)
                original = _remote_of(s, item.payload.get("duplicate_of"))
                out.append(DueStatus(item, str(remote_id), original))
                if len(out) >= limit:
                    break
        return out

    def status_sent(self, outbox_id: int, case_id: uuid.UUID, status: str, revision: int) -> None:
        """The server took the change; its row in the update feed will be the desk's own echo."""
        with self._store.write() as s:
            _settle(s, outbox_id, case_id, revision, None)
            expect_echo(s, case_id, status)
            s.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(status_error=None, status_error_at=None)
            )

    def status_refused(
        self, outbox_id: int, case_id: uuid.UUID, remote_id: str, revision: int, reason: str
    ) -> None:
        """The server refused the change for good: ``reason`` goes on the case, and its status is to be
        read back (a ``status_check:`` mark that survives a lost connection)."""
        now = utcnow()
        with self._store.write() as s:
            _settle(s, outbox_id, case_id, revision, reason)
            s.execute(
                update(CaseRow).where(CaseRow.id == case_id).values(status_error=reason, status_error_at=now)
            )
            if s.get(SyncStateRow, STATUS_CHECK + str(case_id)) is None:
                s.add(SyncStateRow(key=STATUS_CHECK + str(case_id), value=remote_id, updated_at=now))

    def status_failed(self, outbox_id: int, error: str) -> None:
        self.record_failure([outbox_id], error)

    def status_to_check(self, limit: int = 50) -> list[tuple[uuid.UUID, str]]:
        """(case, server number) of cases whose status must be read back from the server."""
        with self._store.write() as s:
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
                    _drop_state(s, key)
        return out

    def status_checked(self, case_id: uuid.UUID | str) -> None:
        with self._store.write() as s:
            _drop_state(s, STATUS_CHECK + str(case_id))

    def apply_server_state(
        self, case_id: uuid.UUID, status: str | None, note: str, note_at: datetime | None
    ) -> bool:
        """Take the server's current status for the case (``None``: the server does not have it or
        gave a status this desk does not know) and clear its read-back mark.  Dated now: the correction
        follows the refused local change in the case's history.  Returns whether the status changed."""
        changed = False
        with self._store.write() as s:
            case = s.scalars(select(CaseRow).where(CaseRow.id == case_id)).one_or_none()
            if case is not None and status is not None:
                now = utcnow()
                changed = record_server_status(s, case, status, at=now, note=note, touched_at=now) is not None
                case.status_note = note or None
                case.status_note_at = note_at if note else None
            _drop_state(s, STATUS_CHECK + str(case_id))
        return changed


# -- inside a transaction ------------------------------------------------------------------------------
def _note_transcript(s: Session, row: OutboxRow) -> None:
    if row.kind == OutboxKind.TRANSCRIPT.value:
        rec_id = payload_of(row).get("recording_id")
        if rec_id:
            put_state(s, TRANSCRIPT_DUE + str(rec_id), "1")


def _refuse(s: Session, refused: list[Refusal], retry_delay: RetryDelay, now: datetime) -> list[RefusedCase]:
    if not refused:
        return []
    ids = [i for item in refused for i in item.outbox_ids]
    rows = {r.id: r for r in s.scalars(select(OutboxRow).where(OutboxRow.id.in_(ids)))}
    for item in refused:
        for row in (rows[i] for i in item.outbox_ids if i in rows):
            row.attempts += 1
            row.last_error = item.reason
            row.next_attempt_at = now + timedelta(seconds=retry_delay(row.attempts))
        s.execute(
            update(CaseRow)
            .where(CaseRow.id == item.case_id)
            .values(sync_error=item.reason, sync_error_at=now)
        )
    return [RefusedCase(item.case_id, item.summary, item.reason, now) for item in refused]


def _settle(s: Session, outbox_id: int, case_id: uuid.UUID, revision: int, error: str | None) -> None:
    now = utcnow()
    row = s.get(OutboxRow, outbox_id)
    if row is not None:
        row.done, row.sent_at, row.last_error = True, now, error
        row.attempts += 1
    # the case is in step with the server once nothing else of it waits to be sent
    others = s.scalar(
        select(func.count())
        .select_from(OutboxRow)
        .where(OutboxRow.case_id == case_id, OutboxRow.done.is_(False))
    )
    if not others:
        s.execute(
            update(CaseRow)
            .where(CaseRow.id == case_id, CaseRow.synced_revision < revision)
            .values(synced_revision=revision, synced_at=now)
        )


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
    _, pending = _echoes(s, case_id)
    if pending and pending[-1] == status:
        return
    put_state(s, STATUS_ECHO + str(case_id), json.dumps([*pending, status][-20:]))


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


def _remote_of(s: Session, case_id: object) -> str | None:
    if not case_id:
        return None
    try:
        uid = uuid.UUID(str(case_id))
    except ValueError:
        return None
    return s.scalar(select(CaseRow.remote_id).where(CaseRow.id == uid))
