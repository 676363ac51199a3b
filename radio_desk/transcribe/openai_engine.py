"""openai-whisper engine: the reference implementation (optional extra ``radio-desk[whisper]``).

It runs offline from the same weights as faster-whisper: a CTranslate2 folder is converted once
into an openai-whisper checkpoint (:mod:`radio_desk.transcribe.convert`, cached).  An original
``.pt`` checkpoint (downloaded by the model manager) is loaded as is.

openai-whisper has no voice-activity detection of its own; with ``options.vad`` we run the same
Silero VAD that faster-whisper uses, transcribe only the speech and map the timestamps back, so
silence and music do not become invented text and both engines see the same audio.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from radio_desk.errors import ModelError
from radio_desk.transcribe.engine import SAMPLE_RATE, Segment, TranscribeOptions, TranscriptResult

_INSTALL_HINT = (
    "Mesin openai-whisper belum terpasang. Pasang dengan: pip install 'radio-desk[whisper]' "
    "(butuh PyTorch), atau pakai mesin faster-whisper (bawaan)."
)


def _import_whisper() -> tuple[Any, Any]:
    try:
        import torch
        import whisper
    except ImportError as err:
        raise ModelError(_INSTALL_HINT) from err
    return whisper, torch


class OpenAIWhisperEngine:
    name = "openai-whisper"

    def __init__(
        self,
        model_path: str | Path,
        device: str = "auto",
        cpu_threads: int = 0,
        model_name: str | None = None,
    ) -> None:
        whisper, torch = _import_whisper()
        from radio_desk.transcribe.convert import alignment_heads_dump, converted_checkpoint
        from radio_desk.transcribe.models import validate_ct2_folder

        path = Path(model_path)
        self.model_path = path
        self.model_name = model_name or (path.stem if path.is_file() else path.name)
        self.device = ("cuda" if torch.cuda.is_available() else "cpu") if device == "auto" else device
        if cpu_threads > 0:
            torch.set_num_threads(cpu_threads)  # process-wide in torch
        if path.is_dir():
            checkpoint = converted_checkpoint(validate_ct2_folder(path))
        elif path.is_file():
            checkpoint = path
        else:
            raise ModelError(f"Model openai-whisper '{path}' tidak ditemukan.")
        try:
            self._model = whisper.load_model(str(checkpoint), device=self.device)
        except (RuntimeError, KeyError, ValueError, OSError, EOFError) as err:
            raise ModelError(
                f"Checkpoint '{checkpoint}' tidak dapat dimuat oleh openai-whisper: {err}"
            ) from err
        heads = None
        if path.is_dir() and (path / "config.json").is_file():
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            dims = self._model.dims
            heads = alignment_heads_dump(config, dims.n_text_layer, dims.n_text_head)
        elif path.is_file():
            heads = whisper._ALIGNMENT_HEADS.get(path.stem)
        if heads is not None:  # load_model(path) ignores them; word timestamps need the right heads
            self._model.set_alignment_heads(heads)
        self._lock = threading.Lock()

    def transcribe(self, audio: np.ndarray, options: TranscribeOptions) -> TranscriptResult:
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        duration = audio.size / SAMPLE_RATE
        empty = TranscriptResult([], options.whisper_language, duration, self.name, self.model_name)
        if audio.size == 0:
            return empty
        from radio_desk.transcribe.decoding import resolve

        options = resolve(options, options.whisper_language)
        ts_map = None
        if options.vad:
            from faster_whisper.vad import SpeechTimestampsMap, VadOptions, get_speech_timestamps

            params = options.extra.get("vad_parameters") or {
                "min_silence_duration_ms": options.vad_min_silence_ms or 2000
            }
            vad_options = params if isinstance(params, VadOptions) else VadOptions(**params)
            chunks = get_speech_timestamps(audio, vad_options)
            if not chunks:
                return empty
            audio = np.concatenate([audio[c["start"] : c["end"]] for c in chunks])
            ts_map = SpeechTimestampsMap(chunks, SAMPLE_RATE)
        beam = options.beam_size if options.beam_size > 1 else None  # None = greedy at t=0
        with self._lock:
            result = self._model.transcribe(
                audio,
                language=options.whisper_language,
                task="transcribe",
                temperature=tuple(options.temperature),
                beam_size=beam,
                best_of=5,  # faster-whisper's default for the sampling fallbacks
                compression_ratio_threshold=options.compression_ratio_threshold,
                logprob_threshold=options.log_prob_threshold,
                no_speech_threshold=options.no_speech_threshold,
                condition_on_previous_text=bool(options.condition_on_previous_text),
                # openai-whisper has no hotwords; faster-whisper feeds them as a prompt, so do the same
                initial_prompt=options.initial_prompt or options.hotwords,
                word_timestamps=options.word_timestamps,
                fp16=self.device != "cpu",
                verbose=None,
            )
        segments = []
        for s in result["segments"]:
            text = s["text"].strip()
            if not text:
                continue
            start, end = float(s["start"]), float(s["end"])
            if ts_map is not None:
                start = ts_map.get_original_time(start)
                end = ts_map.get_original_time(end, is_end=True)
            segments.append(Segment(start, end, text, None, s.get("avg_logprob"), s.get("no_speech_prob")))
        return TranscriptResult(segments, result.get("language"), duration, self.name, self.model_name)
