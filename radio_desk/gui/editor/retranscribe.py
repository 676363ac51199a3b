"""Transcribe a recording again with another engine or model (no Qt: runs on a worker).

The new segments replace the recording's transcript in one transaction; the editor asks first when
segments corrected by hand would be lost.  A split recording (caller / host channels) is transcribed
channel by channel, as after a call.
"""

from __future__ import annotations

from radio_desk.domain.models import Recording, TranscriptSegment
from radio_desk.store import Store
from radio_desk.transcribe.engine import Engine, TranscribeOptions


def load(engine_name: str, model: str | None) -> Engine:
    from radio_desk.transcribe import load_engine

    return load_engine(engine_name, model or None)


def retranscribe(
    store: Store, recording: Recording, engine: Engine, language: str | None = "id"
) -> list[TranscriptSegment]:
    from radio_desk.gui.onair.transcription import transcribe_file

    found = transcribe_file(engine, recording, TranscribeOptions(language=language))
    segments = [
        TranscriptSegment(
            recording.id,
            s.start,
            s.end,
            s.text.strip(),
            speaker=s.speaker,
            engine=engine.name,
            model=engine.model_name,
        )
        for s in found
        if s.text.strip()
    ]
    return store.segments.replace_for_recording(recording.id, segments)
