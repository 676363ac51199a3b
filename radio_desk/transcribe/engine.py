"""The speech-recognition engine contract.

An engine turns 16 kHz mono float32 audio into timed segments.  Two implement it: faster-whisper
(CTranslate2; the default) and openai-whisper (the reference; optional extra).  Everything above the
engines (live transcription, the CLI, the editor's re-run, benchmarks) speaks only this contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

SAMPLE_RATE = 16_000  # Whisper's input rate
LANGUAGES = {"id": "Indonesia", "jw": "Jawa", "auto": "Deteksi otomatis"}


@dataclass(frozen=True)
class Segment:
    start: float  # seconds from the start of the audio given to the engine
    end: float
    text: str
    speaker: str | None = None  # "Penelepon" / "Penyiar" when the input is split by channel
    avg_logprob: float | None = None
    no_speech_prob: float | None = None


PIPELINES = ("windows", "short")


@dataclass(frozen=True)
class TranscribeOptions:
    """How to decode.  ``None`` for ``vad`` / ``condition_on_previous_text`` means the choice measured
    for the language on whole calls (:mod:`radio_desk.transcribe.decoding`)."""

    language: str | None = "id"  # Whisper code: "id", "jw"; None (or "auto") detects
    beam_size: int = 5
    vad: bool | None = None  # Silero VAD: skip silence and music
    vad_min_silence_ms: int | None = None  # only silences this long are cut (stock faster-whisper: 2000)
    vad_speech_pad_ms: int | None = None  # speech is padded this much each side (stock: 400)
    initial_prompt: str | None = None  # domain vocabulary, where the benchmark shows it helps
    hotwords: str | None = None
    # No sampling fallback: the same audio gives the same text (see docs/asr-decoding.md)
    temperature: tuple[float, ...] = (0.0,)
    no_speech_threshold: float = 0.6
    log_prob_threshold: float = -1.0
    compression_ratio_threshold: float = 2.4
    condition_on_previous_text: bool | None = None
    word_timestamps: bool = False
    # "windows": Whisper's own 30-second windows and seek loop (files, the stored transcript of a call);
    # "short": one short window per utterance (the live preview on screen)
    pipeline: str = "windows"
    extra: dict[str, object] = field(default_factory=dict)  # experiments of the short pipeline only

    @property
    def whisper_language(self) -> str | None:
        return None if self.language in (None, "", "auto") else self.language


@dataclass(frozen=True)
class TranscriptResult:
    segments: list[Segment]
    language: str | None
    duration: float  # seconds of audio
    engine: str
    model: str

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())


@runtime_checkable
class Engine(Protocol):
    name: str  # "faster-whisper" | "openai-whisper"
    model_name: str  # e.g. "whisper-base (bundled)" or a folder name

    def transcribe(self, audio: np.ndarray, options: TranscribeOptions) -> TranscriptResult:
        """Transcribe 16 kHz mono float32 ``audio``. Thread-safe for one caller at a time."""
        ...
