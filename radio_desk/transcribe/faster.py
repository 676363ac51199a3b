"""faster-whisper engine (CTranslate2): Radio Desk's default.

Two decodings (``TranscribeOptions.pipeline``):

* ``"windows"`` (files, the stored transcript): faster-whisper's own ``WhisperModel.transcribe()`` —
  30-second windows, its seek loop and fallbacks — with the VAD and previous-text conditioning chosen
  per language by measurement on whole calls (:mod:`radio_desk.transcribe.decoding`).  A user is never
  better off with the bare library.  Live calls run the same loop online
  (:mod:`radio_desk.transcribe.windows`).
* ``"short"`` (the live preview on screen): Silero VAD cuts speech regions; each region is encoded in a
  window just long enough for it instead of 30 s, decoded with timestamps (a piece that starts after the
  audio ended is an invented re-reading and is dropped), with Whisper's silence / loop guards per chunk.
  Cheap enough to redo every second, less accurate on whole calls.

The measurements behind both are in docs/asr-decoding.md.
"""

from __future__ import annotations

import logging
import math
import os
import re
import threading
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from radio_desk.errors import ModelError
from radio_desk.transcribe.band import FULL, detect_band
from radio_desk.transcribe.decoding import band_matters, resolve
from radio_desk.transcribe.engine import SAMPLE_RATE, Segment, TranscribeOptions, TranscriptResult

log = logging.getLogger(__name__)

# --- tuned defaults (chosen by measurement on the eval set; see the module docstring) ---------------
MAX_CHUNK_S = 30.0  # Whisper's window; longer speech is split by the VAD first
WINDOW_STEP_S = 1.0  # encoder window = chunk length + tail, rounded up to this step
WINDOW_TAIL_S = 1.0  # silence after the last word so the decoder sees the utterance end
MIN_WINDOW_S = 4.0  # shorter windows than this lose accuracy on one-word utterances
MERGE_GAP_S = 1.0  # regions closer than this are packed into one chunk (one segment of text)
BATCH_SIZE = 8
VAD_DEFAULTS = {
    "threshold": 0.5,
    "min_speech_duration_ms": 250,
    "min_silence_duration_ms": 500,
    "speech_pad_ms": 300,
}
TIMESTAMPS = True  # decode with timestamps: pieces starting after the audio ended are dropped
TIMESTAMP_SLACK_S = 0.3  # a piece must start this far before the end of the chunk's audio
TOKENS_PER_SECOND = 12  # generous bound on speech tokens; stops runaway repetition early
AUTO_LANGUAGES = ("id", "jw")  # what "auto" chooses between
# Without a prompt of its own, Indonesian is decoded as if it followed a caller's greeting: Whisper then
# writes colloquial spoken Indonesian the way it is said (id WER 0.443 → 0.420 on the eval set).  A
# domain prompt (topics, OPDs, kecamatan: radio_desk.transcribe.prompt) made it worse (0.483), as did a
# longer complaint-like one (0.439); for Javanese the greeting did not help (0.749 → 0.754), so none.
CALL_PROMPTS = {"id": "Halo, selamat pagi. Iya, saya mau tanya, Mas."}

# Whisper's training data taught it YouTube outros; on a radio call they are always invented.
_HALLUCINATIONS = {
    "terima kasih telah menonton",
    "terima kasih sudah menonton",
    "terima kasih telah menyaksikan",
    "terima kasih sudah menyaksikan",
    "jangan lupa like share dan subscribe",
    "jangan lupa subscribe",
    "sampai jumpa di video berikutnya",
    "sampai jumpa di video selanjutnya",
    "thank you for watching",
    "thanks for watching",
    "subtitle by",
    "subtitles by the amara org community",
}
_NORM = re.compile(r"[^\w\s]")


def _auto_device() -> str:
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def _compression_ratio(text: str) -> float:
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def _is_stock_hallucination(text: str) -> bool:
    norm = " ".join(_NORM.sub(" ", text.lower()).split())
    return norm in _HALLUCINATIONS


def collapse_repeats(text: str, min_words: int = 3) -> str:
    """Drop an immediately repeated run of ``min_words`` or more words ("a b c a b c" → "a b c").

    Whisper's looping failure: on a short window the decoder reads the utterance again after its end.
    A caller repeating three or more words verbatim, back to back, is far rarer than the loop.
    """
    words = text.split()
    key = [_NORM.sub("", w.lower()) for w in words]
    i = 0
    while i < len(words):
        for n in range(min_words, (len(words) - i) // 2 + 1):
            if key[i : i + n] == key[i + n : i + 2 * n]:
                del words[i + n : i + 2 * n], key[i + n : i + 2 * n]
                break
        else:
            i += 1
    return " ".join(words)


def _timed_parts(tokens: list[int], tokenizer, seconds: float) -> list[tuple[float, float, str]]:
    """Split a timestamped decoding into (start, end, text) pieces, dropping invented ones.

    Timestamps are what make short windows safe: on a window only slightly longer than the speech,
    Whisper sometimes reads the utterance a second time "after" its end.  Such a piece starts at or
    past the end of the audio, where nothing was said, so it is dropped.
    """
    begin = tokenizer.timestamp_begin
    parts: list[tuple[float, float, str]] = []
    start: float | None = None
    text: list[int] = []
    for tok in tokens:
        if tok >= begin:
            t = round((tok - begin) * 0.02, 2)
            if start is None:
                start = t
            elif text:
                parts.append((start, t, tokenizer.decode(text).strip()))
                start, text = None, []
            else:
                start = t  # two timestamps in a row: a new piece begins here
        elif tok < tokenizer.eot:
            if start is None:
                start = parts[-1][1] if parts else 0.0
            text.append(tok)
    if text and start is not None:  # cut off by the length limit: keep it, ending at the audio's end
        parts.append((start, max(start, seconds), tokenizer.decode(text).strip()))
    limit = max(seconds - TIMESTAMP_SLACK_S, 0.0)
    return [(a, min(b, seconds), t) for a, b, t in parts if t and a < limit]


@dataclass
class _Chunk:
    start: int  # samples, in the audio given to transcribe()
    end: int
    audio: np.ndarray  # the speech regions of this chunk, concatenated

    @property
    def seconds(self) -> float:
        return len(self.audio) / SAMPLE_RATE


@dataclass
class _Decoded:
    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float
    parts: list[tuple[float, float, str]] = field(default_factory=list)  # timed pieces of ``text``


class FasterWhisperEngine:
    name = "faster-whisper"

    def __init__(
        self,
        model_path: str | Path,
        device: str = "auto",
        compute_type: str | None = None,
        cpu_threads: int = 0,
    ) -> None:
        from radio_desk.transcribe.guarded import GuardedWhisperModel

        self.model_path = Path(model_path)
        self.model_name = self.model_path.name
        self.device = _auto_device() if device == "auto" else device
        self.compute_type = compute_type or ("float16" if self.device == "cuda" else "int8")
        # CTranslate2 would take every core; leave the recorder and the GUI some air on 2-core PCs.
        self.cpu_threads = cpu_threads or max(1, min(4, os.cpu_count() or 1))
        if not (self.model_path / "model.bin").is_file():
            raise ModelError(f"Folder model '{self.model_path}' tidak berisi model.bin.")
        try:
            self._model = GuardedWhisperModel(
                str(self.model_path),
                device=self.device,
                compute_type=self.compute_type,
                cpu_threads=self.cpu_threads,
            )
        except (RuntimeError, ValueError, OSError) as err:
            raise ModelError(
                f"Model '{self.model_path}' tidak dapat dimuat oleh faster-whisper: {err}"
            ) from err
        self._lock = threading.Lock()
        self._suppress: dict[str, tuple[int, ...]] = {}

    # --- public contract -------------------------------------------------------------------------------
    def transcribe(self, audio: np.ndarray, options: TranscribeOptions) -> TranscriptResult:
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        if audio.size and not np.all(np.isfinite(audio)):
            audio = np.nan_to_num(audio, nan=0.0, posinf=0.0, neginf=0.0)
        duration = audio.size / SAMPLE_RATE
        if audio.size < SAMPLE_RATE // 10:  # < 0.1 s: nothing to recognise
            return TranscriptResult([], options.whisper_language, duration, self.name, self.model_name)
        with self._lock:
            if options.pipeline == "short" and not options.word_timestamps:
                segments, language = self._tuned(audio, replace(options, vad=options.vad is not False))
            else:
                segments, language = self._plain(audio, options)
        return TranscriptResult(segments, language, duration, self.name, self.model_name)

    @property
    def lock(self) -> threading.Lock:
        """Held while the model decodes (it decodes one thing at a time)."""
        return self._lock

    def window_decoder(self, options: TranscribeOptions, language: str | None = None, band: str = FULL):
        """The stock 30-second-window loop for audio that keeps arriving (a live call); see
        :class:`radio_desk.transcribe.windows.WindowDecoder`.  Step it while holding :attr:`lock`."""
        from radio_desk.transcribe.windows import WindowDecoder

        language = language or options.whisper_language or AUTO_LANGUAGES[0]
        return WindowDecoder(self._model, resolve(options, language, band), language)

    def detect_language(self, audio: np.ndarray) -> str:
        """The more likely of Indonesian and Javanese for ``audio`` (16 kHz mono)."""
        chunks = self._chunks(np.asarray(audio, np.float32).reshape(-1), True, {})
        if not chunks:
            return AUTO_LANGUAGES[0]
        with self._lock:
            return self._detect(max(chunks, key=lambda c: c.seconds))

    # --- Whisper's 30-second windows: faster-whisper's own transcribe() ------------------------------
    def _plain(self, audio: np.ndarray, options: TranscribeOptions) -> tuple[list[Segment], str | None]:
        language = options.whisper_language
        if language is None:
            chunks = self._chunks(audio, True, {})
            language = self._detect(max(chunks, key=lambda c: c.seconds)) if chunks else AUTO_LANGUAGES[0]
        # the VAD is chosen per band (where the choice depends on it)
        band = detect_band(audio) if options.vad is None and band_matters(language, file=True) else FULL
        options = resolve(options, language, band, file=True)
        segments, info = self._model.transcribe(
            audio,
            language=language,
            beam_size=options.beam_size,
            temperature=list(options.temperature),
            vad_filter=bool(options.vad),
            vad_parameters={
                "min_silence_duration_ms": options.vad_min_silence_ms or 2000,
                "speech_pad_ms": options.vad_speech_pad_ms or 400,
            },
            initial_prompt=options.initial_prompt,
            hotwords=options.hotwords,
            no_speech_threshold=options.no_speech_threshold,
            log_prob_threshold=options.log_prob_threshold,
            compression_ratio_threshold=options.compression_ratio_threshold,
            condition_on_previous_text=bool(options.condition_on_previous_text),
            word_timestamps=options.word_timestamps,
        )
        out = [
            Segment(s.start, s.end, s.text.strip(), None, s.avg_logprob, s.no_speech_prob)
            for s in segments
            if s.text.strip()
        ]
        return out, info.language

    # --- the tuned pipeline ------------------------------------------------------------------------------
    def _tuned(self, audio: np.ndarray, options: TranscribeOptions) -> tuple[list[Segment], str | None]:
        extra = options.extra
        if extra.get("normalize", False):
            peak = float(np.max(np.abs(audio)))
            if peak > 1e-4:
                audio = audio * (0.9 / peak)
        chunks = self._chunks(audio, options.vad, extra)
        if not chunks:
            return [], options.whisper_language
        language = options.whisper_language or self._detect(max(chunks, key=lambda c: c.seconds))
        from faster_whisper.tokenizer import Tokenizer

        tokenizer = Tokenizer(self._model.hf_tokenizer, True, task="transcribe", language=language)
        prompt_text = options.initial_prompt
        if prompt_text is None and extra.get("call_prompt", False):
            prompt_text = CALL_PROMPTS.get(language)
        prompt = self._model.get_prompt(
            tokenizer,
            previous_tokens=tokenizer.encode(" " + prompt_text.strip()) if prompt_text else [],
            without_timestamps=not extra.get("timestamps", TIMESTAMPS),
            hotwords=options.hotwords,
        )
        batch_size = int(extra.get("batch_size", BATCH_SIZE))
        order = sorted(range(len(chunks)), key=lambda i: chunks[i].seconds)
        decoded: dict[int, _Decoded] = {}
        for b in range(0, len(order), batch_size):
            idx = order[b : b + batch_size]
            decoded.update(
                zip(
                    idx, self._decode_batch([chunks[i] for i in idx], prompt, tokenizer, options), strict=True
                )
            )
        segments = []
        for i, chunk in enumerate(chunks):
            d = decoded[i]
            if not d.text:
                continue
            c0, c1 = chunk.start / SAMPLE_RATE, chunk.end / SAMPLE_RATE
            parts = d.parts or [(0.0, c1 - c0, d.text)]
            for start, end, text in parts:
                s0 = round(min(c0 + start, c1), 3)
                segments.append(
                    Segment(
                        s0,
                        round(max(s0, min(c0 + end, c1)), 3),
                        text,
                        None,
                        round(d.avg_logprob, 4),
                        round(d.no_speech_prob, 4),
                    )
                )
        return segments, language

    def _chunks(self, audio: np.ndarray, vad: bool, extra: dict) -> list[_Chunk]:
        max_chunk = float(extra.get("max_chunk_s", MAX_CHUNK_S))
        if vad:
            from faster_whisper.vad import VadOptions, get_speech_timestamps

            params = {**VAD_DEFAULTS, **dict(extra.get("vad_parameters") or {})}
            params["max_speech_duration_s"] = max_chunk - WINDOW_TAIL_S
            regions = [(r["start"], r["end"]) for r in get_speech_timestamps(audio, VadOptions(**params))]
        else:
            step = int((max_chunk - WINDOW_TAIL_S) * SAMPLE_RATE)
            regions = [(s, min(s + step, len(audio))) for s in range(0, len(audio), step)]
        merge_gap = float(extra.get("merge_gap_s", MERGE_GAP_S)) * SAMPLE_RATE
        limit = (max_chunk - WINDOW_TAIL_S) * SAMPLE_RATE
        spans: list[list[int]] = []
        for start, end in regions:
            # a short pause stays inside the chunk: the decoder reads it as a phrase boundary
            if spans and start - spans[-1][1] <= merge_gap and end - spans[-1][0] <= limit:
                spans[-1][1] = end
            else:
                spans.append([start, end])
        return [_Chunk(s, e, np.ascontiguousarray(audio[s:e])) for s, e in spans if e > s]

    def _window_s(self, seconds: float, extra: dict) -> float:
        if extra.get("window") == "full":
            return MAX_CHUNK_S
        step = float(extra.get("window_step_s", WINDOW_STEP_S))
        tail = float(extra.get("window_tail_s", WINDOW_TAIL_S))
        low = float(extra.get("min_window_s", MIN_WINDOW_S))
        return min(MAX_CHUNK_S, max(low, math.ceil((seconds + tail) / step) * step))

    def _features(self, chunks: list[_Chunk], extra: dict) -> np.ndarray:
        window = max(self._window_s(c.seconds, extra) for c in chunks)
        n = int(window * SAMPLE_RATE)
        frames = int(window * 100)  # 10 ms hop
        feats = [
            self._model.feature_extractor(np.pad(c.audio[:n], (0, n - min(n, len(c.audio)))))[:, :frames]
            for c in chunks
        ]
        return np.ascontiguousarray(np.stack(feats), dtype=np.float32)

    def _detect(self, chunk: _Chunk) -> str:
        enc = self._model.encode(self._features([chunk], {}))
        probs = dict(self._model.model.detect_language(enc)[0])
        best = max(AUTO_LANGUAGES, key=lambda lang: probs.get(f"<|{lang}|>", 0.0))
        log.debug("language detection: %s", {k: probs.get(f"<|{k}|>") for k in AUTO_LANGUAGES})
        return best

    def _suppress_tokens(self, tokenizer) -> tuple[int, ...]:
        from faster_whisper.transcribe import get_suppressed_tokens

        key = tokenizer.language_code
        if key not in self._suppress:
            self._suppress[key] = tuple(get_suppressed_tokens(tokenizer, [-1]))
        return self._suppress[key]

    def _decode_batch(
        self, chunks: list[_Chunk], prompt: list[int], tokenizer, options: TranscribeOptions
    ) -> list[_Decoded]:
        import ctranslate2

        extra = options.extra
        features = self._features(chunks, extra)
        encoder_output = self._model.model.encode(ctranslate2.StorageView.from_array(features))
        window = features.shape[-1] / 100
        max_length = min(self._model.max_length, len(prompt) + int(TOKENS_PER_SECOND * window) + 16)
        timestamps = bool(extra.get("timestamps", TIMESTAMPS))
        common = {
            "max_length": max_length,
            "return_scores": True,
            "return_no_speech_prob": True,
            "suppress_blank": True,
            "suppress_tokens": list(self._suppress_tokens(tokenizer)),
            "repetition_penalty": float(extra.get("repetition_penalty", 1.0)),
            "no_repeat_ngram_size": int(extra.get("no_repeat_ngram_size", 0)),
        }
        if timestamps:
            common["max_initial_timestamp_index"] = 50  # the first words start within 1 s
        results: list[_Decoded | None] = [None] * len(chunks)
        candidates: list[list[_Decoded]] = [[] for _ in chunks]
        pending = list(range(len(chunks)))
        temperatures = options.temperature or (0.0,)
        for temperature in temperatures:
            if not pending:
                break
            if temperature > 0:
                kwargs = {"beam_size": 1, "num_hypotheses": int(extra.get("best_of", 5))}
                kwargs |= {"sampling_topk": 0, "sampling_temperature": temperature}
            else:
                kwargs = {"beam_size": options.beam_size, "patience": float(extra.get("patience", 1.0))}
            if len(pending) == len(chunks):
                enc = encoder_output
            else:  # re-decode only the chunks that failed (short windows make re-encoding cheap)
                sub = np.ascontiguousarray(features[pending])
                enc = self._model.model.encode(ctranslate2.StorageView.from_array(sub))
            outs = self._model.model.generate(enc, [prompt] * len(pending), **common, **kwargs)
            still = []
            for i, out in zip(pending, outs, strict=True):
                tokens = out.sequences_ids[0]
                avg = out.scores[0] * len(tokens) / (len(tokens) + 1)
                parts = _timed_parts(tokens, tokenizer, chunks[i].seconds) if timestamps else []
                text = " ".join(p[2] for p in parts) if timestamps else tokenizer.decode(tokens).strip()
                if extra.get("collapse_repeats", True):
                    text = collapse_repeats(text)
                    parts = [(a, b, collapse_repeats(t)) for a, b, t in parts]
                d = _Decoded(text, avg, out.no_speech_prob, _compression_ratio(text), parts)
                candidates[i].append(d)
                silent = (
                    options.no_speech_threshold is not None
                    and d.no_speech_prob > options.no_speech_threshold
                    and d.avg_logprob < options.log_prob_threshold
                )
                if silent:
                    results[i] = _Decoded("", d.avg_logprob, d.no_speech_prob, d.compression_ratio)
                    continue
                failed = d.compression_ratio > options.compression_ratio_threshold or (
                    d.avg_logprob < options.log_prob_threshold
                )
                if failed:
                    still.append(i)
                else:
                    results[i] = d
            pending = still
        for i in pending:  # every temperature failed: keep the most likely non-looping text
            ok = [c for c in candidates[i] if c.compression_ratio <= options.compression_ratio_threshold]
            best = max(ok, key=lambda c: c.avg_logprob) if ok else None
            results[i] = best or _Decoded(
                "", candidates[i][-1].avg_logprob, candidates[i][-1].no_speech_prob, 99.0
            )
        final = []
        for d in results:
            assert d is not None
            if d.text and _is_stock_hallucination(d.text):
                d = _Decoded("", d.avg_logprob, d.no_speech_prob, d.compression_ratio)
            final.append(d)
        return final
