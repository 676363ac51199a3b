"""Discarded cases and recordings (table ``discards``): thrown away with a reason, kept, restorable.

Discarding a case removes it from every list, search, report and sync (its row goes, so nothing
needs a filter) after its rows (the case, its status events, its field changes) are written into the
discard as a snapshot; its recordings stay in ``recordings``, detached, with the paths the caller
moved their files to.  :meth:`DiscardRepository.restore` puts the rows back as they were and
re-attaches the recordings.  A case the central server already has is not discarded here: the
server keeps its copy, so the station says so with a status (Ditolak, with the reason).

The files themselves are moved by :mod:`radio_desk.services.discard`; this module only records.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, delete, select
from sqlalchemy.orm import Session

from radio_desk.domain.models import utcnow
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.store.models import Base, CaseChangeRow, CaseRow, DiscardRow, RecordingRow, StatusEventRow
from radio_desk.store.outbox import OutboxKind, enqueue
from radio_desk.store.rows import get_row
from radio_desk.store.types import UTCDateTime, UUIDText

if TYPE_CHECKING:
    from radio_desk.store.store import Store

SNAPSHOT_TABLES: tuple[type[Base], ...] = (CaseRow, StatusEventRow, CaseChangeRow)


@dataclass(frozen=True)
class Discard:
    id: int
    kind: str  # "case" | "recording"
    case_id: uuid.UUID | None
    recording_ids: list[uuid.UUID]
    at: datetime
    by: str
    reason: str
    files: list[tuple[str, str]]  # (where the file was, where it is now: the trash folder)
    summary: str  # the case's summary or caller, for a list of discards
    restored_at: datetime | None
    restored_by: str | None


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _row_dict(row: Base) -> dict[str, Any]:
    return {c.key: _plain(getattr(row, c.key)) for c in row.__table__.columns}  # type: ignore[attr-defined]


def _row_from(table: type[Base], values: dict[str, Any]) -> Base:
    out: dict[str, Any] = {}
    for col in table.__table__.columns:  # type: ignore[attr-defined]
        if col.primary_key and isinstance(col.type, Integer):
            continue  # a fresh row number: the old one may have been given to another row since
        v = values.get(col.key)
        if v is not None and isinstance(col.type, UTCDateTime):
            v = datetime.fromisoformat(v)
        elif v is not None and isinstance(col.type, UUIDText):
            v = uuid.UUID(v)
        out[col.key] = v
    return table(**out)


def _discard(row: DiscardRow) -> Discard:
    snap = json.loads(row.snapshot or "{}")
    case = (snap.get("cases") or [{}])[0]
    summary = case.get("summary") or case.get("caller_name") or ""
    return Discard(
        row.id, row.kind, row.case_id, [uuid.UUID(r) for r in json.loads(row.recording_ids or "[]")],
        row.at, row.by, row.reason, [tuple(f) for f in json.loads(row.files or "[]")], summary,
        row.restored_at, row.restored_by,
    )  # fmt: skip


def _check(by: str, reason: str) -> str:
    reason = (reason or "").replace("\x00", "").strip()
    if not reason:
        raise ValidationError("Tulis alasan membuang (mis. rekaman uji, salah tekan).", field="reason")
    if not (by or "").strip():
        raise ValidationError("Siapa yang membuang? Isi nama operator.", field="by")
    return reason


class DiscardRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def check_case(self, case_id: uuid.UUID) -> None:
        """Raise when the case may not be discarded (missing, or already at the central server)."""
        with self._store.read() as s:
            self._discardable(s, case_id)

    @staticmethod
    def _discardable(s: Session, case_id: uuid.UUID) -> CaseRow:
        row = s.scalar(select(CaseRow).where(CaseRow.id == case_id))
        if row is None:
            raise NotFoundError(f"Aduan {case_id} tidak ada (mungkin sudah dibuang).")
        if row.remote_id is not None:
            raise ValidationError(
                "Aduan ini sudah ada di server pusat, jadi tidak bisa dibuang dari meja ini: ubah statusnya "
                "ke \u201cDitolak\u201d dengan alasannya.",
                field="status",
            )
        return row

    def discard_case(
        self, case_id: uuid.UUID, *, by: str, reason: str, files: dict[uuid.UUID, tuple[str, str]],
        at: datetime | None = None,
    ) -> Discard:  # fmt: skip
        """Record the discard and remove the case; ``files``: recording id → (old path, new path)."""
        reason = _check(by, reason)
        with self._store.write() as s:
            row = self._discardable(s, case_id)
            snapshot = {
                "cases": [_row_dict(row)],
                "status_events": [
                    _row_dict(r)
                    for r in s.scalars(select(StatusEventRow).where(StatusEventRow.case_id == case_id))
                ],
                "case_changes": [
                    _row_dict(r)
                    for r in s.scalars(select(CaseChangeRow).where(CaseChangeRow.case_id == case_id))
                ],
            }
            recs = list(s.scalars(select(RecordingRow).where(RecordingRow.case_id == case_id)))
            for rec in recs:
                if rec.id in files:
                    rec.path = files[rec.id][1]
            d = DiscardRow(
                kind="case", case_id=case_id, recording_ids=json.dumps([str(r.id) for r in recs]),
                at=at or utcnow(), by=by, reason=reason, snapshot=json.dumps(snapshot),
                files=json.dumps(list(files.values())),
            )  # fmt: skip
            s.add(d)
            s.execute(delete(CaseRow).where(CaseRow.pk == row.pk))  # events, changes: cascade
            s.flush()
            return _discard(d)

    def discard_recording(
        self, recording_id: uuid.UUID, *, by: str, reason: str, files: tuple[str, str],
        at: datetime | None = None, call: dict[str, Any] | None = None,
    ) -> Discard:  # fmt: skip
        """A recording without a case (a test call, a mistaken F9): recorded, its row kept with the
        file's new path; ``call``: what the desk knew of it (kept in the snapshot)."""
        reason = _check(by, reason)
        with self._store.write() as s:
            rec = s.get(RecordingRow, recording_id)
            if rec is not None:
                if rec.case_id is not None:
                    raise ValidationError(
                        "Rekaman ini milik sebuah aduan: buang aduannya.", field="recording"
                    )
                rec.path = files[1]
            snapshot = json.dumps({"call": call or {}}, default=str)
            d = DiscardRow(
                kind="recording", case_id=None, recording_ids=json.dumps([str(recording_id)]),
                at=at or utcnow(), by=by, reason=reason, snapshot=snapshot, files=json.dumps([list(files)]),
            )  # fmt: skip
            s.add(d)
            s.flush()
            return _discard(d)

    def get(self, discard_id: int) -> Discard:
        with self._store.read() as s:
            row = get_row(s, DiscardRow, discard_id, f"Buangan nomor {discard_id} tidak ada.")
            return _discard(row)

    def list(self, *, include_restored: bool = False) -> list[Discard]:
        with self._store.read() as s:
            q = select(DiscardRow).order_by(DiscardRow.at.desc())
            if not include_restored:
                q = q.where(DiscardRow.restored_at.is_(None))
            return [_discard(r) for r in s.scalars(q)]

    def restore(self, discard_id: int, *, by: str, at: datetime | None = None) -> Discard:
        """Put a discarded case's rows back and re-attach its recordings (their files already back at
        their old paths); a discarded recording gets its path back.  The discard stays, marked."""
        with self._store.write() as s:
            d = get_row(s, DiscardRow, discard_id, f"Buangan nomor {discard_id} tidak ada.")
            if d.restored_at is not None:
                raise ValidationError("Buangan ini sudah dipulihkan.", field="discard")
            back = {new: old for old, new in json.loads(d.files or "[]")}
            if d.kind == "case":
                snap = json.loads(d.snapshot)
                if s.scalar(select(CaseRow.pk).where(CaseRow.id == d.case_id)) is not None:
                    raise ValidationError(f"Aduan {d.case_id} sudah ada lagi.", field="discard")
                for table, name in zip(
                    SNAPSHOT_TABLES, ("cases", "status_events", "case_changes"), strict=True
                ):
                    for values in snap.get(name, []):
                        s.add(_row_from(table, values))
                    s.flush()
                revision = int(snap["cases"][0].get("revision") or 1)
                enqueue(s, d.case_id, OutboxKind.CREATE, {"revision": revision})  # it was never sent
            for rid in json.loads(d.recording_ids or "[]"):
                rec = s.get(RecordingRow, uuid.UUID(rid))
                if rec is not None:
                    rec.path = back.get(rec.path, rec.path)
                    if d.kind == "case":
                        rec.case_id = d.case_id
            d.restored_at, d.restored_by = at or utcnow(), by
            s.flush()
            return _discard(d)
