"""The transcript editor's structural edits: split one segment in two, merge two neighbours.

Timestamps are never invented: a split cuts the segment's own time span at a point inside it, a
merge spans from the first start to the second end.  Both results are marked ``edited`` and the case
is queued for the server, like a text correction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from radio_desk.errors import ValidationError
from radio_desk.store.convert import segment_from_row
from radio_desk.store.models import RecordingRow, SegmentRow
from radio_desk.store.outbox import OutboxKind, enqueue
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from radio_desk.domain.models import TranscriptSegment
    from radio_desk.store.store import Store

MIN_PART_SECONDS = 0.05


def _row(s: Session, segment_id: int) -> SegmentRow:
    return get_row(s, SegmentRow, segment_id, f"Segmen transkrip #{segment_id} tidak ada.")


def _queue(s: Session, row: SegmentRow) -> None:
    rec = s.get(RecordingRow, row.recording_id)
    if rec is not None and rec.case_id is not None:
        enqueue(s, rec.case_id, OutboxKind.TRANSCRIPT, {"recording_id": str(rec.id), "segment_id": row.id})


def split_text(text: str, at: int) -> tuple[str, str]:
    """``text`` cut at character ``at``, moved back to the nearest word boundary, both parts trimmed."""
    at = max(0, min(at, len(text)))
    if 0 < at < len(text) and not text[at - 1].isspace() and not text[at].isspace():
        back = text.rfind(" ", 0, at)
        at = back if back > 0 else at
    return text[:at].strip(), text[at:].strip()


def split_segment(
    store: Store, segment_id: int, at_seconds: float, text_index: int | None = None
) -> tuple[TranscriptSegment, TranscriptSegment]:
    """Cut the segment at ``at_seconds`` (inside it); its text is cut at ``text_index`` or, when not
    given, at the same proportion of its length as the time cut."""
    with store.write() as s:
        row = _row(s, segment_id)
        if not (row.start_s + MIN_PART_SECONDS <= at_seconds <= row.end_s - MIN_PART_SECONDS):
            raise ValidationError(
                f"Titik potong {at_seconds:.2f} detik harus di dalam segmen "
                f"({row.start_s:.2f}–{row.end_s:.2f} detik).",
                field="segment",
            )
        if text_index is None:
            share = (at_seconds - row.start_s) / (row.end_s - row.start_s)
            text_index = round(len(row.text) * share)
        first, second = split_text(row.text, text_index)
        new = SegmentRow(
            recording_id=row.recording_id, start_s=at_seconds, end_s=row.end_s, text=second,
            speaker=row.speaker, engine=row.engine, model=row.model, edited=True,
        )  # fmt: skip
        row.end_s = at_seconds
        row.text = first
        row.edited = True
        s.add(new)
        s.flush()
        _queue(s, row)
        return segment_from_row(row), segment_from_row(new)


def merge_segments(store: Store, first_id: int, second_id: int) -> TranscriptSegment:
    """Join two segments of the same recording into the first one (texts joined, span from the first
    start to the later end); the second is removed."""
    with store.write() as s:
        a, b = _row(s, first_id), _row(s, second_id)
        if a.recording_id != b.recording_id:
            raise ValidationError("Hanya segmen dari rekaman yang sama yang bisa digabung.", field="segment")
        if (b.start_s, b.id) < (a.start_s, a.id):
            a, b = b, a
        a.text = " ".join(t for t in (a.text.strip(), b.text.strip()) if t)
        a.end_s = max(a.end_s, b.end_s)
        if a.speaker != b.speaker:
            a.speaker = a.speaker or b.speaker
        a.edited = True
        s.delete(b)
        s.flush()
        _queue(s, a)
        return segment_from_row(a)
