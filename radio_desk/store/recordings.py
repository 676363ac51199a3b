"""Recordings: the audio files of calls, their state (crash recovery looks for ``recording``) and the
case they belong to."""

from __future__ import annotations

import dataclasses
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from radio_desk.domain.enums import RecordingState
from radio_desk.domain.models import Recording
from radio_desk.errors import ValidationError
from radio_desk.store.convert import recording_from_row
from radio_desk.store.models import CaseRow, RecordingRow
from radio_desk.store.outbox import OutboxKind, enqueue
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store

_UPDATABLE = frozenset(
    {"state", "duration_s", "sha256", "path", "format", "samplerate", "channels", "channel_map", "device"}
)


def _values(rec: Recording) -> dict[str, Any]:
    try:
        state = RecordingState(rec.state)
    except ValueError:
        raise ValidationError(
            f"Status rekaman \u201c{rec.state}\u201d tidak dikenal.", field="state"
        ) from None
    if rec.started_at.tzinfo is None:
        raise ValidationError("Waktu mulai rekaman tidak memuat zona waktu.", field="started_at")
    if rec.duration_s < 0:
        raise ValidationError("Durasi rekaman tidak boleh negatif.", field="duration_s")
    values = {f.name: getattr(rec, f.name) for f in dataclasses.fields(Recording)}
    values["state"] = state.value
    return values


def recording_row(s: Any, recording_id: uuid.UUID) -> RecordingRow:
    """The recording's row in the caller's session; NotFoundError (Indonesian) when there is none."""
    return get_row(s, RecordingRow, recording_id, f"Rekaman {recording_id} tidak ada.")


class RecordingRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, recording: Recording) -> Recording:
        values = _values(recording)
        with self._store.write() as s:
            if recording.case_id is not None:
                self._check_case(s, recording.case_id)
            if s.get(RecordingRow, recording.id) is not None:
                raise ValidationError(f"Rekaman {recording.id} sudah terdaftar.", field="id")
            s.add(RecordingRow(**values))
        return recording

    def save(self, recording: Recording) -> Recording:
        """Insert the recording, or bring its row up to date (state, duration, path, format, checksum...).

        The recorder and start-up recovery call this more than once for the same call.  A ``case_id`` on
        ``recording`` attaches it (the case must exist); ``None`` leaves an existing link alone."""
        values = _values(recording)
        with self._store.write() as s:
            if recording.case_id is not None:
                self._check_case(s, recording.case_id)
            row = s.get(RecordingRow, recording.id)
            if row is None:
                s.add(RecordingRow(**values))
                return recording
            old_case = row.case_id
            for name in _UPDATABLE | {"started_at"}:
                setattr(row, name, values[name])
            if recording.case_id is not None and recording.case_id != old_case:
                row.case_id = recording.case_id
                s.flush()
                for cid in {old_case, recording.case_id} - {None}:
                    enqueue(s, cid, OutboxKind.TRANSCRIPT, {"recording_id": str(recording.id)})  # type: ignore[arg-type]
            s.flush()
            return recording_from_row(row)

    def get(self, recording_id: uuid.UUID) -> Recording:
        with self._store.read() as s:
            return recording_from_row(recording_row(s, recording_id))

    def find(self, recording_id: uuid.UUID) -> Recording | None:
        with self._store.read() as s:
            row = s.get(RecordingRow, recording_id)
            return recording_from_row(row) if row else None

    def find_by_content(self, sha256: str) -> Recording | None:
        """The first recording made from a file with this SHA-256 (an import: the file as it came;
        or a recording whose stored file has it), oldest first."""
        with self._store.read() as s:
            row = s.scalar(
                select(RecordingRow)
                .where((RecordingRow.source_sha256 == sha256) | (RecordingRow.sha256 == sha256))
                .order_by(RecordingRow.started_at)
                .limit(1)
            )
            return recording_from_row(row) if row else None

    def update(self, recording_id: uuid.UUID, **changes: Any) -> Recording:
        """Change state, duration_s, sha256, path, ... e.g. ``update(id, state=RecordingState.COMPLETE,
        duration_s=93.4, sha256=digest)``."""
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValidationError(f"Kolom rekaman tidak bisa diubah: {', '.join(sorted(unknown))}.")
        with self._store.write() as s:
            row = recording_row(s, recording_id)
            values = _values(dataclasses.replace(recording_from_row(row), **changes))
            for name in changes:
                setattr(row, name, values[name])
            s.flush()
            return recording_from_row(row)

    def attach(self, recording_id: uuid.UUID, case_id: uuid.UUID | None) -> Recording:
        """Link the recording to a case (or detach it with ``None``); the case's transcript in the
        search index follows, and the case is queued for the server if it has a transcript."""
        with self._store.write() as s:
            row = recording_row(s, recording_id)
            if case_id is not None:
                self._check_case(s, case_id)
            old = row.case_id
            row.case_id = case_id
            s.flush()
            for cid in {old, case_id} - {None}:
                enqueue(s, cid, OutboxKind.TRANSCRIPT, {"recording_id": str(recording_id)})  # type: ignore[arg-type]
            return recording_from_row(row)

    def list_by_state(self, *states: RecordingState) -> list[Recording]:
        stmt = select(RecordingRow).where(RecordingRow.state.in_([RecordingState(s).value for s in states]))
        with self._store.read() as s:
            return [recording_from_row(r) for r in s.scalars(stmt.order_by(RecordingRow.started_at))]

    def for_case(self, case_id: uuid.UUID) -> list[Recording]:
        stmt = select(RecordingRow).where(RecordingRow.case_id == case_id).order_by(RecordingRow.started_at)
        with self._store.read() as s:
            return [recording_from_row(r) for r in s.scalars(stmt)]

    def unattached(self, limit: int = 100) -> list[Recording]:
        stmt = (
            select(RecordingRow)
            .where(RecordingRow.case_id.is_(None))
            .order_by(RecordingRow.started_at.desc())
            .limit(limit)
        )
        with self._store.read() as s:
            return [recording_from_row(r) for r in s.scalars(stmt)]

    def delete(self, recording_id: uuid.UUID) -> None:
        """Forget a recording and its transcript (the audio file itself is the caller's business)."""
        with self._store.write() as s:
            s.delete(recording_row(s, recording_id))

    @staticmethod
    def _check_case(s: Any, case_id: uuid.UUID) -> None:
        if s.scalar(select(CaseRow.pk).where(CaseRow.id == case_id)) is None:
            raise ValidationError(f"Aduan {case_id} untuk rekaman ini tidak ada.", field="case_id")
