"""faster-whisper's own 30-second-window decoding, run incrementally over audio that keeps growing.

``WhisperModel.transcribe()`` reads the whole file first: its VAD looks at all the audio, then the
seek loop (``generate_segments``) decodes 30-second windows one after the other, each starting where the
last complete segment of the previous one ended, conditioned on the text before it.  During a live
call the audio arrives a block at a time, so both are done here online, with the same rules:

* :class:`SpeechGate` is ``get_speech_timestamps`` + ``collect_chunks`` (same Silero model, same
  thresholds, 2 s minimum silence, 400 ms pads): audio is released as soon as it is certain to be
  inside a speech chunk (about 2.4 s behind the stream), silence never reaches the decoder;
* :class:`WindowDecoder` keeps the released speech and decodes a window as soon as the 30 seconds it
  covers are there (:meth:`WindowDecoder.step`); at the end of the call :meth:`WindowDecoder.finish`
  decodes what is left exactly as the stock loop decodes the end of a file: the last (short) window.

The stock code's per-window pieces (prompt, ``generate_with_fallback``, the split at timestamps, the
no-speech skip, the prompt reset) are faster-whisper's own methods, called as ``generate_segments``
calls them.  Two differences from a whole-file run, both small: the log-Mel floor (80 dB below the
loudest frame) uses the loudest frame *so far*; nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from radio_desk.transcribe.engine import SAMPLE_RATE, Segment, TranscribeOptions

HOP = 160  # samples per Mel frame
WINDOW_FRAMES = 3000  # Whisper's 30-second window
CONTEXT_FRAMES = 3  # STFT context kept either side of a window (n_fft / 2 = 1.25 frames)
VAD_WINDOW = 512
VAD_CONTEXT = 64


class StockVadProbabilities:
    """Silero speech probabilities computed exactly as faster-whisper does, 512 samples at a time.

    faster-whisper runs the file through the model in batches of 10 000 windows, each window with the
    64 samples before it as context, the recurrent state carried from window to window and reset to zero
    at each batch; the same windows, context and state give the same numbers online.
    """

    BATCH = 10_000

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session = get_vad_model().session
        self._h = np.zeros((1, 1, 128), np.float32)
        self._c = np.zeros((1, 1, 128), np.float32)
        self._context = np.zeros(VAD_CONTEXT, np.float32)
        self._pending = np.zeros(0, np.float32)
        self._windows = 0

    def __call__(self, audio: np.ndarray, *, final: bool = False) -> np.ndarray:
        buf = np.concatenate([self._pending, audio]) if self._pending.size else np.asarray(audio, np.float32)
        if final:  # faster-whisper pads the file up to the next multiple of 512 (a whole window if even)
            buf = np.pad(buf, (0, VAD_WINDOW - buf.size % VAD_WINDOW))
            buf[-VAD_CONTEXT:] = 0  # and zeroes the last window's context source (an in-place quirk)
        n = buf.size // VAD_WINDOW
        self._pending = np.array(buf[n * VAD_WINDOW :], np.float32)
        if n == 0:
            return np.zeros(0, np.float32)
        windows = buf[: n * VAD_WINDOW].reshape(n, VAD_WINDOW)
        contexts = np.concatenate([self._context[None, :], windows[:-1, -VAD_CONTEXT:]])
        self._context = np.array(windows[-1, -VAD_CONTEXT:], np.float32)
        batch = np.ascontiguousarray(np.concatenate([contexts, windows], axis=1), np.float32)
        out = []
        i = 0
        while i < n:
            if self._windows and self._windows % self.BATCH == 0:
                self._h, self._c = np.zeros_like(self._h), np.zeros_like(self._c)
            k = min(n - i, self.BATCH - self._windows % self.BATCH)
            probs, self._h, self._c = self._session.run(
                None, {"input": batch[i : i + k], "h": self._h, "c": self._c}
            )
            out.append(np.asarray(probs, np.float32).reshape(-1))
            i += k
            self._windows += k
        return np.concatenate(out)


@dataclass
class _Span:
    speech_start: int  # sample in the concatenated speech
    orig_start: int  # sample in the call
    length: int


class SpeechGate:
    """faster-whisper's ``vad_filter`` online: which audio of the call goes to the decoder.

    ``push`` takes the call's audio with its speech probabilities and returns the pieces certain to be
    inside a speech chunk as ``(call sample index, audio)``.  With ``enabled=False`` all audio passes.
    """

    def __init__(self, enabled: bool = True, min_silence_ms: int | None = None) -> None:
        from faster_whisper.vad import VadOptions

        o = VadOptions() if min_silence_ms is None else VadOptions(min_silence_duration_ms=min_silence_ms)
        self.enabled = enabled
        self.threshold = o.threshold
        self.neg_threshold = o.neg_threshold or max(o.threshold - 0.15, 0.01)
        self.min_silence = int(SAMPLE_RATE * o.min_silence_duration_ms / 1000)
        self.pad = int(SAMPLE_RATE * o.speech_pad_ms / 1000)
        # with a silence of at least 2 pads between chunks, stock pads never meet: each chunk is
        # [start - pad, end + pad], decided as soon as its end is
        assert self.min_silence >= 2 * self.pad
        self._audio = np.zeros(0, np.float32)
        self._base = 0  # call sample of _audio[0]
        self._windows = 0  # VAD windows seen
        self._triggered = False
        self._temp_end = 0
        self._from = 0  # call sample from which audio of the current chunk is still to be released

    @property
    def _pos(self) -> int:
        return self._windows * VAD_WINDOW

    def push(
        self, audio: np.ndarray, probs: np.ndarray, *, final: bool = False
    ) -> list[tuple[int, np.ndarray]]:
        start = self._base + self._audio.size
        self._audio = np.concatenate([self._audio, np.asarray(audio, np.float32)])
        if not self.enabled:
            out = [(start, np.asarray(audio, np.float32))] if len(audio) else []
            self._base, self._audio = self._base + self._audio.size, np.zeros(0, np.float32)
            return out
        out: list[tuple[int, np.ndarray]] = []
        for p in probs:
            w = self._pos
            self._windows += 1
            if p >= self.threshold and self._temp_end:
                self._temp_end = 0
            if p >= self.threshold and not self._triggered:
                self._triggered = True
                self._from = max(0, w - self.pad, self._from)
                continue
            if p < self.neg_threshold and self._triggered:
                if not self._temp_end:
                    self._temp_end = w
                if w - self._temp_end >= self.min_silence:
                    out += self._release(self._temp_end + self.pad)
                    self._triggered, self._temp_end = False, 0
        end = self._base + self._audio.size
        if self._triggered:
            if final:  # stock: a chunk still open at the end of the file runs to its end
                out += self._release(end)
                self._triggered = False
            else:
                out += self._release(
                    min(self._temp_end + self.pad, self._pos) if self._temp_end else self._pos
                )
        if final:
            keep = self._audio.size
        elif self._triggered:  # a pause inside the chunk may still turn out to be part of it
            keep = self._from - self._base
        else:  # the next chunk starts at most one pad before the next speech window
            keep = max(self._from, self._pos - self.pad) - self._base
        if keep > 0:
            self._audio, self._base = self._audio[keep:], self._base + keep
        return out

    def _release(self, upto: int) -> list[tuple[int, np.ndarray]]:
        end = min(upto, self._base + self._audio.size)
        if end <= self._from:
            return []
        piece = self._audio[self._from - self._base : end - self._base].copy()
        begin, self._from = self._from, end
        return [(begin, piece)]


def log_mel_unclamped(feature_extractor, audio: np.ndarray) -> np.ndarray:
    """faster-whisper's ``FeatureExtractor.__call__`` without its final floor and scaling."""
    wave = np.pad(np.asarray(audio, np.float32), (0, HOP))
    window = np.hanning(feature_extractor.n_fft + 1)[:-1].astype("float32")
    stft = feature_extractor.stft(
        wave, feature_extractor.n_fft, feature_extractor.hop_length, window=window, return_complex=True
    ).astype("complex64")
    magnitudes = np.abs(stft[..., :-1]) ** 2
    mel = feature_extractor.mel_filters @ magnitudes
    return np.log10(np.clip(mel, a_min=1e-10, a_max=None))


class WindowDecoder:
    """The stock seek loop over growing speech; finals come out window by window.

    Not thread-safe: one thread feeds it and steps it (the live transcriber's worker), holding
    ``lock`` (the engine's: the model decodes one thing at a time).
    """

    def __init__(self, model, options: TranscribeOptions, language: str) -> None:
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import TranscriptionOptions, get_suppressed_tokens

        self.model = model
        self.tokenizer = Tokenizer(
            model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
        )
        self.options = TranscriptionOptions(
            beam_size=options.beam_size,
            best_of=5,
            patience=1,
            length_penalty=1,
            repetition_penalty=1,
            no_repeat_ngram_size=0,
            log_prob_threshold=options.log_prob_threshold,
            no_speech_threshold=options.no_speech_threshold,
            compression_ratio_threshold=options.compression_ratio_threshold,
            condition_on_previous_text=options.condition_on_previous_text,
            prompt_reset_on_temperature=0.5,
            temperatures=list(options.temperature),
            initial_prompt=options.initial_prompt,
            prefix=None,
            suppress_blank=True,
            suppress_tokens=get_suppressed_tokens(self.tokenizer, [-1]),
            without_timestamps=False,
            max_initial_timestamp=1.0,
            word_timestamps=False,
            prepend_punctuations="\"'“¿([{-",
            append_punctuations="\"'.。,，!！?？:：”)]}、",
            multilingual=False,
            max_new_tokens=None,
            clip_timestamps="0",
            hallucination_silence_threshold=None,
            hotwords=options.hotwords,
        )
        self.all_tokens: list[int] = []
        if options.initial_prompt:
            self.all_tokens += self.tokenizer.encode(" " + options.initial_prompt.strip())
        self.prompt_reset_since = 0
        self.seek = 0  # frames of speech decoded
        self._audio = np.zeros(0, np.float32)
        self._base = 0  # speech sample of _audio[0]
        self._total = 0  # speech samples received
        self._spans: list[_Span] = []
        self._max_log = -np.inf
        self.finished = False

    # --- input ----------------------------------------------------------------------------------------
    def push(self, call_sample: int, speech: np.ndarray) -> None:
        """Speech released by the gate, with the call sample its first sample was recorded at."""
        if not len(speech):
            return
        last = self._spans[-1] if self._spans else None
        if last and last.orig_start + last.length == call_sample:
            last.length += len(speech)
        else:
            self._spans.append(_Span(self._total, call_sample, len(speech)))
        self._audio = np.concatenate([self._audio, np.asarray(speech, np.float32)])
        self._total += len(speech)

    @property
    def ready(self) -> bool:
        """A whole 30-second window (and its STFT context) is there to decode."""
        return not self.finished and self._total >= (self.seek + WINDOW_FRAMES + CONTEXT_FRAMES) * HOP

    @property
    def decoded_until_s(self) -> float:
        """Call time up to which the text is final."""
        return self.call_time(self.seek * HOP / SAMPLE_RATE)

    @property
    def pending_s(self) -> float:
        return max(0.0, (self._total - self.seek * HOP) / SAMPLE_RATE)

    # --- decoding -------------------------------------------------------------------------------------
    def step(self) -> list[Segment]:
        """Decode the next complete window (call only when :attr:`ready`)."""
        start = max(0, self.seek - CONTEXT_FRAMES) * HOP
        end = (self.seek + WINDOW_FRAMES + CONTEXT_FRAMES) * HOP
        mel = self._mel(start, end)
        k = self.seek - start // HOP
        return list(self._window(mel[:, k : k + WINDOW_FRAMES], WINDOW_FRAMES))

    def finish(self) -> list[Segment]:
        """The call ended: decode everything left, as the stock loop decodes a file's end."""
        out: list[Segment] = []
        if self.finished:
            return out
        self.finished = True
        content_frames = (self._total + HOP) // HOP - 1
        while self.seek < content_frames:
            start = max(0, self.seek - CONTEXT_FRAMES) * HOP
            mel = self._mel(start, self._total)
            k = self.seek - start // HOP
            size = min(WINDOW_FRAMES, content_frames - self.seek)
            out += self._window(mel[:, k : k + size], size)
        return out

    def _mel(self, start: int, end: int) -> np.ndarray:
        log_spec = log_mel_unclamped(
            self.model.feature_extractor, self._audio[start - self._base : end - self._base]
        )
        self._max_log = max(self._max_log, float(log_spec.max()))
        return (np.maximum(log_spec, self._max_log - 8.0) + 4.0) / 4.0

    def _window(self, segment: np.ndarray, segment_size: int) -> list[Segment]:
        from faster_whisper.audio import pad_or_trim

        model, tokenizer, options = self.model, self.tokenizer, self.options
        seek = self.seek
        time_offset = seek * HOP / SAMPLE_RATE
        encoder_output = model.encode(pad_or_trim(segment))
        prompt = model.get_prompt(
            tokenizer,
            self.all_tokens[self.prompt_reset_since :],
            without_timestamps=False,
            hotwords=options.hotwords,
        )
        result, avg_logprob, temperature, _ = model.generate_with_fallback(
            encoder_output, prompt, tokenizer, options
        )
        out: list[Segment] = []
        skip = options.no_speech_threshold is not None and result.no_speech_prob > options.no_speech_threshold
        if skip and options.log_prob_threshold is not None and avg_logprob > options.log_prob_threshold:
            skip = False
        if skip:
            self.seek = seek + segment_size
        else:
            segments, self.seek, _ = model._split_segments_by_timestamps(
                tokenizer=tokenizer,
                tokens=result.sequences_ids[0],
                time_offset=time_offset,
                segment_size=segment_size,
                segment_duration=segment_size * HOP / SAMPLE_RATE,
                seek=seek,
            )
            for s in segments:
                text = tokenizer.decode(s["tokens"])
                if s["start"] == s["end"] or not text.strip():
                    continue
                self.all_tokens.extend(s["tokens"])
                start, end = self._place(s["start"], s["end"])
                out.append(
                    Segment(
                        round(start, 3),
                        round(max(start, end), 3),
                        text.strip(),
                        None,
                        avg_logprob,
                        result.no_speech_prob,
                    )
                )
            if not options.condition_on_previous_text or temperature > options.prompt_reset_on_temperature:
                self.prompt_reset_since = len(self.all_tokens)
        drop = max(0, self.seek - CONTEXT_FRAMES) * HOP - self._base
        if drop > SAMPLE_RATE * 5:
            self._audio, self._base = self._audio[drop:], self._base + drop
        return out

    def _place(self, start_s: float, end_s: float) -> tuple[float, float]:
        """A segment's start and end in the call, placed across cuts as a file's (guarded.across_cut)."""
        from radio_desk.transcribe.guarded import across_cut

        if len(self._spans) > 1:
            cuts = [(span.speech_start + span.length) / SAMPLE_RATE for span in self._spans]
            start_s, _, end_s, _ = across_cut(start_s, end_s, cuts)
        return self.call_time(start_s), self.call_time(end_s, is_end=True)

    def call_time(self, speech_s: float, *, is_end: bool = False) -> float:
        """A time in the concatenated speech → the call's time (as ``restore_speech_timestamps``)."""
        sample = round(speech_s * SAMPLE_RATE)
        if not self._spans:
            return speech_s
        chosen = self._spans[0]
        for span in self._spans:
            if span.speech_start < sample or (not is_end and span.speech_start == sample):
                chosen = span
            else:
                break
        return (chosen.orig_start + min(sample - chosen.speech_start, chosen.length)) / SAMPLE_RATE
