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

Windows that pass decode exactly as stock's at temperature 0; with a sampling fallback configured
(more than one temperature) stock's own fallback runs unchanged.
"""

from __future__ import annotations

from dataclasses import replace

from faster_whisper import WhisperModel

PROMPT_RESET = 1.0  # reported as the window's temperature after a retry: the next window is not conditioned


class GuardedWhisperModel(WhisperModel):
    retries = 0  # windows decoded a second time (counted per model, for the benchmark)

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
