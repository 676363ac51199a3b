"""Keep a transcript with its recording: engine segments → the store's transcript segments."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from radio_desk.domain.models import TranscriptSegment
from radio_desk.errors import ValidationError
from radio_desk.transcribe.engine import Segment, TranscriptResult

if TYPE_CHECKING:
    from radio_desk.store.store import Store


def to_store_segments(
    recording_id: uuid.UUID, segments: Iterable[Segment], *, engine: str, model: str
) -> list[TranscriptSegment]:
    """Non-empty segments as the store keeps them (text trimmed, times never negative)."""
    out = []
    for s in segments:
        text = s.text.strip()
        if not text:
            continue
        start = max(0.0, float(s.start))
        out.append(
            TranscriptSegment(recording_id, start, max(start, float(s.end)), text, s.speaker, engine, model)
        )
    return out


def save_transcript(
    store: Store,
    recording_id: uuid.UUID,
    transcript: TranscriptResult | Iterable[Segment],
    *,
    engine: str | None = None,
    model: str | None = None,
    overwrite_edits: bool = False,
) -> list[TranscriptSegment]:
    """Make ``transcript`` the recording's transcript (one transaction); returns the stored segments.

    A transcript the editor has corrected is not overwritten unless ``overwrite_edits`` (a re-run with
    another engine or model must ask first): :class:`ValidationError` says so.
    """
    if isinstance(transcript, TranscriptResult):
        engine = engine or transcript.engine
        model = model or transcript.model
        segments: Iterable[Segment] = transcript.segments
    else:
        segments = transcript
    if not overwrite_edits and any(seg.edited for seg in store.segments.list_for_recording(recording_id)):
        raise ValidationError(
            "Transkrip rekaman ini sudah dikoreksi penyunting; transkripsi ulang akan menimpa koreksinya.",
            field="transcript",
        )
    rows = to_store_segments(recording_id, segments, engine=engine or "", model=model or "")
    return store.segments.replace_for_recording(recording_id, rows)
