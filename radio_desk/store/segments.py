"""Transcript segments of a recording: replaced wholesale by the transcriber, edited one by one in the
editor (timestamps kept, ``edited`` set so a re-transcription can ask before overwriting)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from radio_desk.domain.models import TranscriptSegment, utcnow
from radio_desk.errors import ValidationError
from radio_desk.store.convert import segment_from_row
from radio_desk.store.models import CaseChangeRow, RecordingRow, SegmentRow
from radio_desk.store.outbox import OutboxKind, enqueue
from radio_desk.store.recordings import recording_row
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store


def _check(seg: TranscriptSegment) -> None:
    if not (seg.start >= 0 and seg.end >= seg.start):
        raise ValidationError(
            f"Segmen transkrip {seg.start:.2f}–{seg.end:.2f} detik tidak valid (akhir sebelum awal).",
            field="segment",
        )


def _row_values(seg: TranscriptSegment, recording_id: uuid.UUID) -> dict[str, Any]:
    _check(seg)
    return {
        "recording_id": recording_id,
        "start_s": float(seg.start),
        "end_s": float(seg.end),
        "text": (seg.text or "").replace("\x00", ""),
        "speaker": seg.speaker,
        "engine": seg.engine or "",
        "model": seg.model or "",
        "edited": bool(seg.edited),
    }


class SegmentRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def replace_for_recording(
        self, recording_id: uuid.UUID, segments: Iterable[TranscriptSegment]
    ) -> list[TranscriptSegment]:
        """Make ``segments`` the recording's whole transcript (one transaction); returns them with ids."""
        segs = sorted(segments, key=lambda x: (x.start, x.end))
        rows_values = [_row_values(seg, recording_id) for seg in segs]
        with self._store.write() as s:
            rec = recording_row(s, recording_id)
            s.execute(delete(SegmentRow).where(SegmentRow.recording_id == recording_id))
            rows = [SegmentRow(**v) for v in rows_values]
            s.add_all(rows)
            s.flush()
            if rec.case_id is not None:
                enqueue(s, rec.case_id, OutboxKind.TRANSCRIPT, {"recording_id": str(recording_id)})
            return [segment_from_row(r) for r in rows]

    def append(
        self, recording_id: uuid.UUID, segments: Iterable[TranscriptSegment]
    ) -> list[TranscriptSegment]:
        """Add segments (live transcription as the call goes on) without touching the earlier ones."""
        rows_values = [_row_values(seg, recording_id) for seg in segments]
        with self._store.write() as s:
            recording_row(s, recording_id)
            rows = [SegmentRow(**v) for v in rows_values]
            s.add_all(rows)
            s.flush()
            return [segment_from_row(r) for r in rows]

    def list_for_recording(self, recording_id: uuid.UUID) -> list[TranscriptSegment]:
        stmt = (
            select(SegmentRow)
            .where(SegmentRow.recording_id == recording_id)
            .order_by(SegmentRow.start_s, SegmentRow.id)
        )
        with self._store.read() as s:
            return [segment_from_row(r) for r in s.scalars(stmt)]

    def list_for_case(self, case_id: uuid.UUID) -> list[TranscriptSegment]:
        """All segments of all the case's recordings, in recording then time order."""
        stmt = (
            select(SegmentRow)
            .join(RecordingRow, RecordingRow.id == SegmentRow.recording_id)
            .where(RecordingRow.case_id == case_id)
            .order_by(RecordingRow.started_at, RecordingRow.id, SegmentRow.start_s, SegmentRow.id)
        )
        with self._store.read() as s:
            return [segment_from_row(r) for r in s.scalars(stmt)]

    def text_for_case(self, case_id: uuid.UUID) -> str:
        return " ".join(seg.text.strip() for seg in self.list_for_case(case_id) if seg.text.strip())

    def update_text(self, segment_id: int, text: str, *, by: str = "") -> TranscriptSegment:
        """The editor's correction: new text, same timestamps, marked edited; in the case's history
        under ``by`` (the operator on duty)."""
        return self._edit(segment_id, by, text=(text or "").replace("\x00", ""))

    def update_speaker(self, segment_id: int, speaker: str | None, *, by: str = "") -> TranscriptSegment:
        return self._edit(segment_id, by, speaker=speaker)

    def _edit(self, segment_id: int, by: str, **values: Any) -> TranscriptSegment:
        with self._store.write() as s:
            row = get_row(s, SegmentRow, segment_id, f"Segmen transkrip #{segment_id} tidak ada.")
            changed = any(getattr(row, k) != v for k, v in values.items())
            if not changed:
                return segment_from_row(row)
            before = {k: getattr(row, k) for k in values}
            for k, v in values.items():
                setattr(row, k, v)
            row.edited = True
            rec = s.get(RecordingRow, row.recording_id)
            if rec is not None and rec.case_id is not None:
                at = utcnow()
                for k, v in values.items():  # who corrected what, beside the intake fields' history
                    if before[k] != v:
                        s.add(
                            CaseChangeRow(
                                case_id=rec.case_id, field=f"transcript_{k}", at=at, by=by,
                                old_value=f"#{segment_id} {before[k] or ''}".strip(),
                                new_value=f"#{segment_id} {v or ''}".strip(),
                            )
                        )  # fmt: skip
                enqueue(
                    s,
                    rec.case_id,
                    OutboxKind.TRANSCRIPT,
                    {"recording_id": str(rec.id), "segment_id": segment_id},
                )
            s.flush()
            return segment_from_row(row)
