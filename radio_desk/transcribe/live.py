"""Live transcription of a call while it is recorded.

Two threads per call, neither of them the recorder's or the GUI's:

* the **reader** drains the recorder's :class:`~radio_desk.audio.stream.AudioSubscription` at once
  (so the subscription never overflows: audio is never dropped), resamples each channel to 16 kHz
  with a streaming band-limited resampler and computes Silero speech probabilities exactly as
  faster-whisper does.  Two things read them: an :class:`Endpointer` that cuts *utterances* at short
  pauses (for the screen), and a :class:`~radio_desk.transcribe.windows.SpeechGate` that releases the
  speech faster-whisper's own VAD filter would keep (for the stored transcript), with the VAD chosen
  for the call's band (:mod:`radio_desk.transcribe.band`) on its first 20 s, as a file's is;
* the **worker** owns the engine.  In order of priority: (1) a
  :class:`~radio_desk.transcribe.windows.WindowDecoder` decodes each 30-second window of speech as soon
  as it is complete — Whisper's own seek loop, the text that is stored — and sends it as *final*
  segments; (2) a finished utterance gets a quick *draft* text; (3) the utterance in progress gets a
  *partial* (greedy, short window, throttled).  Drafts and partials are only shown: one "partial"
  update carries all the text not final yet, and each final window replaces the drafts it covers, so
  no word is ever off the screen.  A slow CPU shows fewer drafts and partials, never loses audio or
  finals.

At hang-up (:meth:`LiveTranscriber.finish`) only the last window is left to decode.  Stereo-split
input: channel 1 is the caller (Penelepon), channel 2 the host (Penyiar), each with its own VAD and
decoder.  An engine without a window decoder (openai-whisper) gets the older behaviour: each finished
utterance is transcribed as final.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from radio_desk.audio.stream import AudioBlock, AudioSubscription
from radio_desk.transcribe.band import DECIDE_S, FULL, detect_band
from radio_desk.transcribe.engine import SAMPLE_RATE, Engine, Segment, TranscribeOptions
from radio_desk.transcribe.windows import SpeechGate, StockVadProbabilities, WindowDecoder

log = logging.getLogger(__name__)

SPEAKERS = ("Penelepon", "Penyiar")  # channel 1, channel 2 of a split recording
VAD_WINDOW = 512  # Silero's window at 16 kHz (32 ms)
VAD_CONTEXT = 64


@dataclass(frozen=True)
class LiveUpdate:
    kind: str  # "partial" (replaces the previous partial) or "final" (append)
    segment: Segment  # times relative to the recording start; speaker "Penelepon"/"Penyiar" when split


# the probabilities of faster-whisper's own VAD, computed online (one pass serves both readers)
StreamingVad = StockVadProbabilities


@dataclass
class Utterance:
    start: int  # 16 kHz samples from the start of the channel's audio
    end: int


class Endpointer:
    """Cuts a stream of VAD probabilities into utterances (the rules of faster-whisper's VAD, online).

    Speech starts at a window above ``threshold``; it ends after ``min_silence_s`` below
    ``threshold - 0.15``; bursts shorter than ``min_speech_s`` are ignored; ``pad_s`` of audio is kept
    on both sides; an utterance longer than ``max_utterance_s`` is cut at its quietest recent window.
    """

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        min_silence_s: float = 0.5,
        min_speech_s: float = 0.25,
        pad_s: float = 0.3,
        max_utterance_s: float = 15.0,
    ) -> None:
        self.threshold = threshold
        self.neg_threshold = max(threshold - 0.15, 0.01)
        self.min_silence = int(min_silence_s * SAMPLE_RATE)
        self.min_speech = int(min_speech_s * SAMPLE_RATE)
        self.pad = int(pad_s * SAMPLE_RATE)
        self.max_utterance = int(max_utterance_s * SAMPLE_RATE)
        self.pos = 0  # samples covered by the probabilities seen so far
        self.start: int | None = None  # first speech window of the utterance in progress
        self.last_speech = 0  # end of its last speech window
        self.silence_from: int | None = None  # start of the pause that may end it
        self._probs: list[tuple[int, float]] = []  # (window end, prob) inside the utterance

    @property
    def in_speech(self) -> bool:
        return self.start is not None

    def push(self, probs: np.ndarray) -> list[Utterance]:
        done: list[Utterance] = []
        for p in probs:
            p = float(p)
            w_start, self.pos = self.pos, self.pos + VAD_WINDOW
            if self.start is None:
                if p >= self.threshold:
                    self.start, self.last_speech, self._probs = w_start, self.pos, [(self.pos, p)]
                continue
            self._probs.append((self.pos, p))
            if p >= self.threshold:
                self.last_speech, self.silence_from = self.pos, None
            elif p < self.neg_threshold and self.silence_from is None:
                self.silence_from = w_start
            if self.silence_from is not None and self.pos - self.silence_from >= self.min_silence:
                done.extend(self._close(self.last_speech))
            elif self.pos - self.start >= self.max_utterance:
                done.extend(self._cut())
        return done

    def flush(self) -> list[Utterance]:
        """The stream ended: the utterance in progress, whatever its state."""
        if self.start is None:
            return []
        return self._close(max(self.last_speech, self.pos))

    def _close(self, end: int) -> list[Utterance]:
        start, self.start, self._probs, self.silence_from = self.start, None, [], None
        if start is None or end - start < self.min_speech:
            return []
        return [Utterance(max(0, start - self.pad), min(end + self.pad, self.pos))]

    def _cut(self) -> list[Utterance]:
        # the quietest window of the last third: most likely a breath between phrases
        recent = self._probs[len(self._probs) * 2 // 3 :] or self._probs
        cut = min(recent, key=lambda x: x[1])[0]
        start = self.start
        assert start is not None
        self.start, self.last_speech = cut, max(self.last_speech, cut)
        if self.silence_from is not None and self.silence_from < cut:
            self.silence_from = cut
        self._probs = [x for x in self._probs if x[0] > cut]
        return [Utterance(max(0, start - self.pad), cut)]


class _Channel:
    """One audio channel: its 16 kHz audio since ``base``, VAD, endpointer and speaker label."""

    def __init__(self, speaker: str | None, rate_in: int, endpointer: Endpointer) -> None:
        self.speaker = speaker
        self.rate_in = rate_in
        self.resampler = None
        if rate_in != SAMPLE_RATE:
            import av

            self.resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        self.vad = StreamingVad()
        self.ep = endpointer
        self.gate: SpeechGate | None = None
        # windowed engines: the gate (and the decoder) wait for the band, decided on the first
        # DECIDE_S seconds as the file path decides it; the audio and probabilities wait with them
        self.make_gate: Callable[[np.ndarray], tuple[str, SpeechGate]] | None = None
        self.band: str | None = None
        self.held: list[tuple[np.ndarray, np.ndarray]] = []
        self.held_samples = 0
        self.decoder: WindowDecoder | None = None
        self.speech: list[tuple[int, np.ndarray]] = []  # released by the gate, not yet in the decoder
        self.audio = np.zeros(0, np.float32)
        self.base = 0  # 16 kHz sample index of audio[0]
        self.partial_shown = False
        self.drafts: list[Segment] = []  # shown, not final yet (call times)

    @property
    def end(self) -> int:
        return self.base + self.audio.size

    def resample(self, x: np.ndarray | None) -> np.ndarray:
        if self.resampler is None:
            return np.zeros(0, np.float32) if x is None else x
        import av

        if x is None:
            frames = self.resampler.resample(None)
        else:
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(x)[None, :], format="flt", layout="mono")
            frame.sample_rate = self.rate_in
            frame.pts = None
            frames = self.resampler.resample(frame)
        out = [f.to_ndarray().reshape(-1) for f in frames]
        return np.concatenate(out).astype(np.float32, copy=False) if out else np.zeros(0, np.float32)

    def append(self, x: np.ndarray, lock: threading.Condition, *, final: bool = False) -> list[Utterance]:
        if x.size == 0 and not final:
            return []
        probs = self.vad(x, final=final)  # outside the lock: the worker may be reading the audio meanwhile
        pieces = self._gate(x, probs, final)
        with lock:
            self.audio = np.concatenate([self.audio, x])
            self.speech.extend(pieces)
            return self.ep.push(probs)

    def _gate(self, x: np.ndarray, probs: np.ndarray, final: bool) -> list[tuple[int, np.ndarray]]:
        if self.gate is None and self.make_gate is not None:
            self.held.append((x, probs))
            self.held_samples += x.size
            if self.held_samples < DECIDE_S * SAMPLE_RATE and not final:
                return []
            self.band, self.gate = self.make_gate(np.concatenate([a for a, _ in self.held]))
            held, self.held = self.held, []
            out: list[tuple[int, np.ndarray]] = []
            for k, (a, p) in enumerate(held):
                out += self.gate.push(a, p, final=final and k == len(held) - 1)
            return out
        return self.gate.push(x, probs, final=final) if self.gate is not None else []

    def slice(self, start: int, end: int) -> np.ndarray:
        return self.audio[max(0, start - self.base) : max(0, end - self.base)].copy()

    def trim(self, keep_from: int) -> None:
        """Forget audio before ``keep_from`` (nothing after it is needed any more)."""
        cut = keep_from - self.base
        if cut > SAMPLE_RATE * 5:  # in large steps: fewer copies
            self.audio = self.audio[cut:].copy()
            self.base = keep_from


class LiveTranscriber:
    """Partial and final text for one call, from the recorder's fan-out.

    ``on_update`` is called on the worker thread (the GUI relays it to its own thread).
    """

    def __init__(
        self,
        engine: Engine,
        subscription: AudioSubscription,
        *,
        options: TranscribeOptions,
        channel_map: str = "mono",
        on_update: Callable[[LiveUpdate], None] | None = None,
        partial_interval_s: float = 1.0,
        min_partial_s: float = 1.0,
        min_silence_s: float = 0.5,
        max_utterance_s: float = 15.0,
    ) -> None:
        self.engine = engine
        self.subscription = subscription
        self.options = options
        # Partials and drafts are a preview, redone every second: greedy, short windows, no fallback.
        self.partial_options = replace(options, beam_size=1, temperature=(0.0,), pipeline="short")
        # The stored text: Whisper's 30-second windows as they complete (engines that can)
        self.windowed = callable(getattr(engine, "window_decoder", None))
        self._language = options.whisper_language
        self.channel_map = channel_map
        self.on_update = on_update
        self.partial_interval_s = partial_interval_s
        self.min_partial = int(min_partial_s * SAMPLE_RATE)
        self._endpointer = lambda: Endpointer(min_silence_s=min_silence_s, max_utterance_s=max_utterance_s)
        self._channels: list[_Channel] = []
        self._t0: float | None = None  # recording time (s) of the first block
        self._next_frame: int | None = None
        self._cond = threading.Condition()
        self._queue: list[tuple[int, Utterance]] = []  # finished utterances: (channel, utterance)
        self._finals: list[Segment] = []
        self._reader_done = False
        self._cancelled = False
        self._partial_due = 0.0
        self._partial_turn = 0
        self._partial_done: dict[int, int] = {}  # channel → utterance audio end of its last partial
        self._reader: threading.Thread | None = None
        self._worker: threading.Thread | None = None
        self.error: BaseException | None = None
        self.partials_emitted = 0
        self.partials_skipped = 0
        self.drafts_skipped = 0
        self.windows_decoded = 0
        self.last_window_s = 0.0  # speech left to decode when the call ended (the longest channel)
        self.last_window_decode_s = 0.0  # and how long decoding it took

    # ------------------------------------------------------------------ public API
    def start(self) -> None:
        if self._reader is not None:
            return
        self._reader = threading.Thread(target=self._read_loop, name="radio-desk-live-reader", daemon=True)
        self._worker = threading.Thread(target=self._work_loop, name="radio-desk-live-asr", daemon=True)
        self._reader.start()
        self._worker.start()

    def finish(self, timeout: float | None = None) -> list[Segment]:
        """After the recording stopped: transcribe what is left; every final segment, in time order.

        Raises the worker's error, or :class:`TimeoutError` (after cancelling) when ``timeout`` passes
        first: the caller then transcribes the recording file instead.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        self.subscription.close()  # the recorder closes it at stop; harmless twice
        if self._reader is None:
            self.start()
        for t in (self._reader, self._worker):
            if t is not None:
                t.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        if self.error is not None:
            raise self.error
        if any(t is not None and t.is_alive() for t in (self._reader, self._worker)):
            self.cancel()  # an incomplete transcript must not pass for the whole one
            raise TimeoutError(
                f"Transkripsi langsung belum selesai setelah {timeout:.0f} detik; "
                "rekamannya akan ditranskripsi ulang dari berkas."
            )
        with self._cond:
            return sorted(self._finals, key=lambda s: (s.start, s.end))

    def cancel(self) -> None:
        """Stop at once; nothing more is transcribed or reported."""
        with self._cond:
            self._cancelled = True
            self._queue.clear()
            self._cond.notify_all()
        self.subscription.close()

    @property
    def finals(self) -> list[Segment]:
        with self._cond:
            return list(self._finals)

    # ------------------------------------------------------------------ reader thread
    def _read_loop(self) -> None:
        try:
            while not self._cancelled and self.error is None:
                block = self.subscription.get(timeout=0.1)
                if block is None:
                    if self.subscription.closed:
                        break
                    continue
                self._take(block)
            if not self._cancelled and self.error is None:
                for i, ch in enumerate(self._channels):
                    tail = ch.resample(None)
                    utts = ch.append(tail, self._cond, final=True)
                    with self._cond:
                        utts += ch.ep.flush()
                    self._enqueue(i, utts)
        except BaseException as err:  # surfaced by finish(); the recording itself is unaffected
            log.exception("live transcription reader failed")
            self.error = err
        finally:
            with self._cond:
                self._reader_done = True
                self._cond.notify_all()

    def _take(self, block: AudioBlock) -> None:
        frames = block.frames
        if not self._channels:
            self._t0 = block.start_time
            split = self.channel_map == "split" and frames.shape[1] >= 2
            speakers = SPEAKERS if split else (None,)
            self._channels = [_Channel(s, block.samplerate, self._endpointer()) for s in speakers]
            if self.windowed:
                for ch in self._channels:
                    ch.make_gate = self._gate_for
        elif self._next_frame is not None and block.start_frame > self._next_frame:
            # the subscription dropped blocks (it never should: we drain it): keep the timeline true
            gap = np.zeros((block.start_frame - self._next_frame, frames.shape[1]), np.float32)
            frames = np.concatenate([gap, frames])
            log.warning("live transcription lost %d frames of audio", len(gap))
        self._next_frame = block.start_frame + len(block.frames)
        if len(self._channels) == 2:
            signals = [frames[:, 0], frames[:, 1]]
        else:
            signals = [frames.mean(axis=1) if frames.shape[1] > 1 else frames[:, 0]]
        for i, (ch, x) in enumerate(zip(self._channels, signals, strict=True)):
            self._enqueue(i, ch.append(ch.resample(np.asarray(x, np.float32)), self._cond))
        with self._cond:
            for i in range(len(self._channels)):
                self._trim(i)
            self._cond.notify_all()  # new audio: a partial may be due

    def _gate_for(self, start: np.ndarray) -> tuple[str, SpeechGate]:
        """The band of a channel from the start of its audio, and the stored text's VAD for it: the
        file path's choice (``FasterWhisperEngine._plain``), on the same first seconds."""
        from radio_desk.transcribe.decoding import resolve

        band = detect_band(start) if self.options.vad is None else FULL
        chosen = resolve(self.options, self._language, band)
        return band, SpeechGate(enabled=bool(chosen.vad), min_silence_ms=chosen.vad_min_silence_ms)

    def _enqueue(self, channel: int, utts: list[Utterance]) -> None:
        if not utts:
            return
        with self._cond:
            self._queue.extend((channel, u) for u in utts)
            self._cond.notify_all()

    # ------------------------------------------------------------------ worker thread
    def _work_loop(self) -> None:
        try:
            while True:
                with self._cond:
                    while True:
                        if self._cancelled:
                            return
                        window = self._window_job()
                        if window is not None:
                            job: tuple = ("window", window, None)
                            break
                        if self._reader_done and self.windowed:
                            self._queue.clear()  # hung up: drafts are no use now, the last window is
                            job = ("finish", 0, None)
                            break
                        if self._queue:
                            job = ("utterance", *self._queue.pop(0))
                            break
                        if self._reader_done:
                            job = ("finish", 0, None)
                            break
                        partial = self._partial_job()
                        if partial is not None:
                            job = ("partial", *partial)
                            break
                        self._cond.wait(0.2)
                    kind, i, utt = job
                    audio = self._channels[i].slice(utt.start, utt.end) if utt is not None else None
                if kind == "window":
                    self._decode_window(i)
                elif kind == "finish":
                    self._finish_windows()
                    return
                elif kind == "utterance" and self.windowed:
                    self._draft(i, utt, audio)
                elif kind == "utterance":
                    self._final(i, utt, audio)
                else:
                    self._partial(i, utt, audio)
        except BaseException as err:
            log.exception("live transcription worker failed")
            self.error = err

    # ------------------------------------------------------------------ the stored text: 30-second windows
    def _window_job(self) -> int | None:
        """A channel with a complete window to decode (lock held); its released speech moved in."""
        if not self.windowed:
            return None
        for i, ch in enumerate(self._channels):
            if ch.speech and ch.decoder is None:
                self._make_decoder(ch)
            if ch.decoder is not None:
                for start, piece in ch.speech:
                    ch.decoder.push(start, piece)
                ch.speech.clear()
                if ch.decoder.ready:
                    return i
        return None

    def _make_decoder(self, ch: _Channel) -> None:
        language = self._language
        if language is None:  # "auto": the more likely of id / jw, from the first speech
            first = np.concatenate([p for _, p in ch.speech])
            if first.size < 5 * SAMPLE_RATE and not self._reader_done:
                return  # wait for a few seconds of speech
            detect = getattr(self.engine, "detect_language", None)
            language = detect(first) if detect is not None else "id"
            self._language = language
        ch.decoder = self.engine.window_decoder(  # type: ignore[attr-defined]
            self.options, language, band=ch.band or FULL
        )

    def _decode_window(self, i: int) -> None:
        ch = self._channels[i]
        assert ch.decoder is not None
        with self.engine.lock:  # type: ignore[attr-defined]
            segs = ch.decoder.step()
        self.windows_decoded += 1
        self._window_done(i, segs, ch.decoder.decoded_until_s)

    def _finish_windows(self) -> None:
        if not self.windowed:
            return
        for i, ch in enumerate(self._channels):
            with self._cond:
                if ch.decoder is None and ch.speech:
                    self._make_decoder(ch)
                if ch.decoder is None:
                    continue
                for start, piece in ch.speech:
                    ch.decoder.push(start, piece)
                ch.speech.clear()
            began = time.monotonic()
            self.last_window_s = max(self.last_window_s, ch.decoder.pending_s)
            with self.engine.lock:  # type: ignore[attr-defined]
                segs = ch.decoder.finish()
            self.last_window_decode_s += time.monotonic() - began
            self._window_done(i, segs, float("inf"))

    def _window_done(self, i: int, segs: list[Segment], until_s: float) -> None:
        """Final segments of channel ``i`` up to call time ``until_s``: stored, shown instead of drafts."""
        ch = self._channels[i]
        t0 = self._t0 or 0.0
        finals = [
            Segment(
                round(t0 + s.start, 3),
                round(t0 + s.end, 3),
                s.text,
                ch.speaker,
                s.avg_logprob,
                s.no_speech_prob,
            )
            for s in segs
            if s.text.strip()
        ]
        with self._cond:
            if self._cancelled:
                return
            self._finals.extend(finals)
            covered = t0 + until_s
            ch.drafts = [d for d in ch.drafts if d.end > covered]
        for seg in finals:
            self._emit(LiveUpdate("final", seg))
        self._show_pending(i)

    def _draft(self, i: int, utt: Utterance, audio: np.ndarray) -> None:
        """A finished utterance: a quick text for the screen until its window is final."""
        ch = self._channels[i]
        with self._cond:
            self._trim(i)
            self._partial_done[i] = 0
            done = (
                ch.decoder is not None
                and self._seconds(utt.end) <= (self._t0 or 0.0) + ch.decoder.decoded_until_s
            )
            behind = ch.decoder is not None and ch.decoder.ready
        if done or behind:  # already final, or the CPU is behind: finals first
            self.drafts_skipped += 1
            self._show_pending(i)
            return
        result = self.engine.transcribe(audio, self.partial_options)
        text = result.text.strip()
        with self._cond:
            if self._cancelled:
                return
            if text:
                ch.drafts.append(Segment(self._seconds(utt.start), self._seconds(utt.end), text, ch.speaker))
        self._show_pending(i)

    def _show_pending(self, i: int, partial: Segment | None = None) -> None:
        """One "partial" update with all of channel ``i``'s text that is not final yet."""
        ch = self._channels[i]
        with self._cond:
            pieces = list(ch.drafts) + ([partial] if partial is not None and partial.text else [])
            if not pieces and not ch.partial_shown:
                return
            ch.partial_shown = bool(pieces)
        if pieces:
            text = " ".join(p.text for p in pieces)
            seg = Segment(pieces[0].start, pieces[-1].end, text, ch.speaker)
        else:
            at = self._seconds(ch.end)
            seg = Segment(at, at, "", ch.speaker)
        self._emit(LiveUpdate("partial", seg))

    def _partial_job(self) -> tuple[int, Utterance] | None:
        """The utterance in progress that most needs a partial, if one is due (lock held)."""
        now = time.monotonic()
        if now < self._partial_due or not self._channels:
            return None
        n = len(self._channels)
        for k in range(n):
            i = (self._partial_turn + k) % n
            ch = self._channels[i]
            if not ch.ep.in_speech or ch.ep.start is None:
                continue
            start = max(0, ch.ep.start - ch.ep.pad)
            end = ch.end
            if end - start < self.min_partial or end - self._partial_done.get(i, 0) < self.min_partial // 2:
                continue
            self._partial_turn = i + 1
            return i, Utterance(start, end)
        return None

    def _trim(self, i: int) -> None:
        """Forget channel ``i``'s audio before anything still to be transcribed (lock held)."""
        ch = self._channels[i]
        ep = ch.ep
        keep = [u.start for c, u in self._queue if c == i]
        keep.append(ep.start - ep.pad if ep.start is not None else ep.pos - ep.pad)
        ch.trim(max(0, min(keep)))

    def _seconds(self, sample: int) -> float:
        return round((self._t0 or 0.0) + sample / SAMPLE_RATE, 3)

    def _final(self, i: int, utt: Utterance, audio: np.ndarray) -> None:
        ch = self._channels[i]
        result = self.engine.transcribe(audio, self.options)
        offset = self._seconds(utt.start)
        segs = [
            Segment(
                round(offset + s.start, 3),
                round(offset + min(s.end, audio.size / SAMPLE_RATE), 3),
                s.text.strip(),
                ch.speaker,
                s.avg_logprob,
                s.no_speech_prob,
            )
            for s in result.segments
            if s.text.strip()
        ]
        with self._cond:
            if self._cancelled:
                return
            self._finals.extend(segs)
            self._trim(i)
            self._partial_done[i] = 0
            shown, ch.partial_shown = ch.partial_shown, False
        for seg in segs:
            self._emit(LiveUpdate("final", seg))
        if shown and not segs:  # the partial turned out to be nothing: take it off the screen
            self._emit(LiveUpdate("partial", Segment(offset, offset, "", ch.speaker)))

    def _partial(self, i: int, utt: Utterance, audio: np.ndarray) -> None:
        ch = self._channels[i]
        began = time.monotonic()
        result = self.engine.transcribe(audio, self.partial_options)
        took = time.monotonic() - began
        with self._cond:
            # a partial that took long is spaced further from the next one: finals first
            self._partial_due = time.monotonic() + max(self.partial_interval_s, took)
            self._partial_done[i] = utt.end
            stale = self._cancelled or any(c == i for c, _ in self._queue)
            if stale:  # the utterance ended meanwhile: its final is coming, skip the preview
                self.partials_skipped += 1
                return
            ch.partial_shown = True
            self.partials_emitted += 1
        text = result.text.strip()
        start = self._seconds(utt.start)
        seg = Segment(start, self._seconds(utt.end), text, ch.speaker)
        if self.windowed:
            self._show_pending(i, seg)
        else:
            self._emit(LiveUpdate("partial", seg))

    def _emit(self, update: LiveUpdate) -> None:
        if self.on_update is None or self._cancelled:
            return
        with contextlib.suppress(Exception):  # a broken listener must not stop the transcript
            self.on_update(update)
