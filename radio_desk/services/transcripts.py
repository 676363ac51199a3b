"""A recording's transcript after the call: transcribe the whole file (a split recording channel by
channel) and transcribe it again with another engine or model.  No Qt: runs on a worker.

The editor asks first when segments corrected by hand would be lost; the new segments then replace
the recording's transcript in one transaction (:func:`radio_desk.transcribe.persist.save_transcript`,
the one way the desk and the command line keep a transcript).
"""

from __future__ import annotations

from radio_desk.domain.models import Recording, TranscriptSegment
from radio_desk.store import Store
from radio_desk.transcribe.engine import Engine, Segment, TranscribeOptions
from radio_desk.transcribe.persist import save_transcript

SPLIT_SPEAKERS = ((0, "Penelepon"), (1, "Penyiar"))  # channel of a split recording → who speaks on it


def load(engine_name: str, model: str | None) -> Engine:
    from radio_desk.transcribe import load_engine

    return load_engine(engine_name, model or None)


def transcribe_file(engine: Engine, rec: Recording, options: TranscribeOptions) -> list[Segment]:
    """The whole recording, after the call; a split recording speaker by speaker."""
    from radio_desk.transcribe.audio_io import load_audio

    if rec.channel_map == "split" and rec.channels == 2:
        segs: list[Segment] = []
        for ch, who in SPLIT_SPEAKERS:
            result = engine.transcribe(load_audio(rec.path, channel=ch), options)
            segs += [
                Segment(s.start, s.end, s.text, who, s.avg_logprob, s.no_speech_prob) for s in result.segments
            ]
        return sorted(segs, key=lambda s: (s.start, s.end))
    return list(engine.transcribe(load_audio(rec.path), options).segments)


def retranscribe(
    store: Store, recording: Recording, engine: Engine, language: str | None = "id"
) -> list[TranscriptSegment]:
    """Replace the recording's transcript with ``engine``'s (the editor has confirmed lost edits)."""
    found = transcribe_file(engine, recording, TranscribeOptions(language=language))
    return save_transcript(
        store, recording.id, found, engine=engine.name, model=engine.model_name, overwrite_edits=True
    )
