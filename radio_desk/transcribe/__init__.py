"""Speech to text: engines, models, audio loading, export.

``load_engine()`` is the one entry point the GUI, live transcription, the CLI and benchmarks use::

    engine = load_engine()                       # faster-whisper + the bundled whisper-base
    engine = load_engine("openai-whisper")       # the reference, from the same weights
    engine = load_engine(model="small")          # a model the model manager downloaded
    engine = load_engine(model="/path/to/ct2")   # a custom CTranslate2 folder
"""

from __future__ import annotations

import contextlib
import os

from radio_desk.errors import ModelError
from radio_desk.transcribe.engine import (
    LANGUAGES,
    SAMPLE_RATE,
    Engine,
    Segment,
    TranscribeOptions,
    TranscriptResult,
)

ENGINES = ("faster-whisper", "openai-whisper")

__all__ = [
    "ENGINES",
    "LANGUAGES",
    "SAMPLE_RATE",
    "Engine",
    "Segment",
    "TranscribeOptions",
    "TranscriptResult",
    "load_engine",
]


def load_engine(
    name: str = "faster-whisper",
    model: str | os.PathLike[str] | None = None,
    *,
    device: str = "auto",
    compute_type: str | None = None,
    cpu_threads: int = 0,
) -> Engine:
    """An engine ready to transcribe; ``model`` as in :func:`radio_desk.transcribe.models.resolve_model`.

    Heavy imports (CTranslate2, torch) happen here, not at package import.
    """
    from radio_desk.transcribe.models import resolve_model

    if name not in ENGINES:
        raise ModelError(f"Mesin transkripsi '{name}' tidak dikenal; pilihan: {', '.join(ENGINES)}.")
    ref = resolve_model(model, name)
    if name == "faster-whisper":
        if not ref.is_ct2:
            raise ModelError(
                f"Model '{ref.path}' adalah checkpoint openai-whisper; faster-whisper butuh folder "
                "model CTranslate2 (model.bin + config.json)."
            )
        from radio_desk.transcribe.faster import FasterWhisperEngine

        engine: Engine = FasterWhisperEngine(
            ref.path, device=device, compute_type=compute_type, cpu_threads=cpu_threads
        )
    else:
        from radio_desk.transcribe.openai_engine import OpenAIWhisperEngine

        engine = OpenAIWhisperEngine(ref.path, device=device, cpu_threads=cpu_threads, model_name=ref.label)
    with contextlib.suppress(AttributeError):
        engine.model_name = ref.label  # "whisper-base (bawaan)", "small", a folder name
    return engine
