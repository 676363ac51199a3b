"""Cases with real audio for the editor and rundown tests: a WAV written with numpy + soundfile (a
tone per transcript segment, silence between), a recording row pointing at it and its segments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from radio_desk.domain import Case, Recording, RecordingState, TranscriptSegment, Urgency
from radio_desk.store import Store

RATE = 16_000


def write_tone_wav(path: Path, seconds: float, rate: int = RATE, seed: int = 0) -> Path:
    """A mono 16-bit WAV of ``seconds``: 1-second tones at changing pitch with short gaps."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    pitch = 180 + 60 * np.floor(t) % 240
    audio = 0.3 * np.sin(2 * np.pi * pitch * t) * (t % 1.0 < 0.8) + 0.01 * rng.standard_normal(len(t))
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(path), audio.astype(np.float32), rate, subtype="PCM_16")
    return path


@dataclass
class AudioCase:
    case: Case
    recording: Recording
    segments: list[TranscriptSegment]


def add_audio_case(
    store: Store,
    folder: Path,
    texts: list[str],
    *,
    seconds_per_segment: float = 4.0,
    desa: str = "35.22.01.2001",
    category: str = "jalan",
    caller: str = "Pak Slamet",
    anonim: bool = False,
    rahasia: bool = False,
    summary: str = "Jalan berlubang di depan balai desa",
    opd: str | None = None,
) -> AudioCase:
    case = store.cases.create(
        Case(
            station="demo-fm", caller_name=caller, phone="081234567890", anonim=anonim, rahasia=rahasia,
            desa_code=desa, category=category, urgency=Urgency.TINGGI, summary=summary, opd=opd,
        )
    )  # fmt: skip
    seconds = seconds_per_segment * len(texts)
    wav = write_tone_wav(folder / f"{case.id}.wav", seconds)
    rec = store.recordings.add(
        Recording(case_id=case.id, path=str(wav), samplerate=RATE, state=RecordingState.COMPLETE,
                  duration_s=seconds, started_at=case.received_at)
    )  # fmt: skip
    segs = store.segments.replace_for_recording(
        rec.id,
        [
            TranscriptSegment(rec.id, i * seconds_per_segment, (i + 1) * seconds_per_segment - 0.2, t,
                              speaker="Penelepon", engine="test")
            for i, t in enumerate(texts)
        ],
    )  # fmt: skip
    return AudioCase(case, rec, segs)
