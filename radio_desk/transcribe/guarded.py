"""faster-whisper's ``WhisperModel`` with two deterministic guards for temperature-0 decoding.

Radio Desk decodes at temperature 0 only (the same audio, the same text).  Stock ``transcribe()`` falls
back to sampling at 0.2 … 1.0 when a window's text is too repetitive (gzip compression ratio above 2.4)
or too improbable (average log-probability under −1); without that fallback, a window that loops keeps
its loop.  Measured on the benchmark's telephone calls (docs/asr-decoding.md, third pass): the last,
one-second window of a call wrote "berapa?" 27 times, at timestamps up to 27 s after the audio ended.

* :meth:`GuardedWhisperModel.generate_with_fallback`: a window that fails at temperature 0 is decoded
  once more at temperature 0 without the previous text (the prompt is what feeds most loops); the
  better of the two is kept (below the compression threshold first, then the higher log-probability),
  and the next window starts without previous text, as stock resets it after a high-temperature
  fallback.  Deterministic: beam search both times.
* :meth:`GuardedWhisperModel._split_segments_by_timestamps`: a segment that starts at or after the end
  of the window's audio is dropped: nothing was said there.
* :meth:`GuardedWhisperModel.transcribe` with ``vad_filter``: stock's VAD and seek loop, but a segment
  that crosses a cut between two speech chunks is placed by :func:`across_cut`: Whisper starts a segment
  where the one before it ended, in the silence (pads) at the end of the chunk before; stock then dates it
  to that chunk, minutes before the words were said (docs/asr-decoding.md, "A complaint lost at the end
  of a window").  The live loop (:mod:`radio_desk.transcribe.windows`) places segments the same way.

Windows that pass decode exactly as stock's at temperature 0; with a sampling fallback configured
(more than one temperature) stock's own fallback runs unchanged.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import decode_audio
from faster_whisper.vad import SpeechTimestampsMap, VadOptions, collect_chunks, get_speech_timestamps

log = logging.getLogger(__name__)

PROMPT_RESET = 1.0  # reported as the window's temperature after a retry: the next window is not conditioned
# A segment that begins less than this before a cut and ends after it begins after the cut (its start is
# the VAD's trailing pad, 0.4 s, plus Whisper's own slack); likewise for an end just after a cut.
CUT_SNAP_S = 1.0


def across_cut(start: float, end: float, cuts: Sequence[float]) -> tuple[float, int, float, int]:
    """A segment decoded from concatenated speech chunks: ``(start, chunk of start, end, chunk of end)``.

    ``cuts`` are the times (in the concatenated speech, ascending) at which each chunk ends.  As stock
    ``restore_speech_timestamps``, a start at a cut belongs to the chunk after it and an end at a cut to
    the one before; a start within :data:`CUT_SNAP_S` before a cut, of a segment ending after it, moves to
    the cut (the next chunk), and an end within :data:`CUT_SNAP_S` after a cut moves back to it.
    """
    last = len(cuts) - 1
    i = min(bisect.bisect_right(cuts, start), last)
    j = min(bisect.bisect_left(cuts, end), last)
    if i < j and cuts[i] - start < CUT_SNAP_S:
        start, i = cuts[i], i + 1
    if i < j and end - cuts[j - 1] < CUT_SNAP_S:
        end, j = cuts[j - 1], j - 1
    return start, i, end, j


class GuardedWhisperModel(WhisperModel):
    retries = 0  # windows decoded a second time (counted per model, for the benchmark)
    moved = 0  # segments placed after a cut rather than before it (:func:`across_cut`)

    def transcribe(self, audio, *args, **kwargs):
        """Stock ``transcribe()``; with ``vad_filter`` the VAD and the concatenation are stock's, done
        here so that segments are placed in the call by :func:`across_cut`."""
        plain = not kwargs.get("vad_filter") or kwargs.get("word_timestamps")  # words: stock's own
        if plain or kwargs.get("clip_timestamps", "0") != "0":
            return super().transcribe(audio, *args, **kwargs)
        rate = self.feature_extractor.sampling_rate
        if not isinstance(audio, np.ndarray):
            audio = decode_audio(audio, sampling_rate=rate)
        params = kwargs.pop("vad_parameters", None)
        vad = params if isinstance(params, VadOptions) else VadOptions(**(params or {}))
        chunks = get_speech_timestamps(audio, vad)
        speech = np.concatenate(collect_chunks(audio, chunks)[0])
        log.info("VAD filter removed %.3f s of audio", (audio.shape[0] - speech.shape[0]) / rate)
        segments, info = super().transcribe(speech, *args, **{**kwargs, "vad_filter": False})
        duration = audio.shape[0] / rate
        info = replace(info, duration=duration, duration_after_vad=info.duration, vad_options=vad)
        return (self._restore(segments, chunks, rate) if chunks else segments), info

    def _restore(self, segments: Iterable, chunks: list[dict], rate: int) -> Iterator:
        ts_map = SpeechTimestampsMap(chunks, rate)
        cuts = [sample / rate for sample in ts_map.chunk_end_sample]
        for segment in segments:
            start, i, end, j = across_cut(segment.start, segment.end, cuts)
            self.moved += (start, end) != (segment.start, segment.end)
            segment.start = ts_map.get_original_time(start, i)
            segment.end = ts_map.get_original_time(end, j)
            yield segment

    def generate_with_fallback(self, encoder_output, prompt, tokenizer, options):
        first = super().generate_with_fallback(encoder_output, prompt, tokenizer, options)
        if list(options.temperatures) != [0.0] or not self._failed(first, options):
            return first
        bare = prompt[prompt.index(tokenizer.sot) :] if tokenizer.sot in prompt else prompt
        if bare == prompt:
            return first
        self.retries += 1
        second = super().generate_with_fallback(
            encoder_output, bare, tokenizer, replace(options, temperatures=[0.0])
        )
        threshold = options.compression_ratio_threshold

        def rank(result) -> tuple[bool, float]:
            return (threshold is None or result[3] <= threshold, result[1])

        best = max((second, first), key=rank)
        result, avg_logprob, _, compression_ratio = best
        return result, avg_logprob, PROMPT_RESET, compression_ratio

    @staticmethod
    def _failed(decoded, options) -> bool:
        result, avg_logprob, _, compression_ratio = decoded
        low = options.log_prob_threshold is not None and avg_logprob < options.log_prob_threshold
        threshold = options.no_speech_threshold
        silent = low and threshold is not None and result.no_speech_prob > threshold
        loops = options.compression_ratio_threshold is not None and (
            compression_ratio > options.compression_ratio_threshold
        )
        return (loops or low) and not silent

    def _split_segments_by_timestamps(
        self, tokenizer, tokens, time_offset, segment_size, segment_duration, seek
    ):
        segments, seek, single_timestamp_ending = super()._split_segments_by_timestamps(
            tokenizer, tokens, time_offset, segment_size, segment_duration, seek
        )
        end = time_offset + segment_duration
        return [s for s in segments if s["start"] < end], seek, single_timestamp_ending
