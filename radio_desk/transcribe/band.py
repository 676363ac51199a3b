"""Is a recording telephone band (300-3400 Hz, 8 kHz line) or full band?

A call through a phone line has next to no energy above 3.4 kHz, however it was resampled afterwards;
a studio microphone has a few per cent of its speech energy there.  The decoding options are chosen
per band as they are per language (:mod:`radio_desk.transcribe.decoding`), and the file path and a live
call decide it on the same audio: the first :data:`DECIDE_S` seconds of the recording.
"""

from __future__ import annotations

import numpy as np

from radio_desk.transcribe.engine import SAMPLE_RATE

DECIDE_S = 20.0  # the band is decided on this much of the start of a recording
SPLIT_HZ = 4100.0  # above what an 8 kHz line can carry (4 kHz), whatever it was resampled to
# Measured on the first 20 s of the benchmark's calls: telephone copies ≤ 1e-6, full-band calls
# 7e-4 – 1e-2 (a studio TTS corpus is the dullest); a decade of room on either side.
TELEPHONE_SHARE = 1e-4
_FRAME = 512
_HOP = 256
FULL = "full"
TELEPHONE = "telephone"


def high_band_share(audio: np.ndarray, rate: int = SAMPLE_RATE) -> float | None:
    """Share of the energy above :data:`SPLIT_HZ` in the louder half of the frames (the speech);
    ``None`` when there is no sound to judge by."""
    x = np.asarray(audio, np.float32).reshape(-1)
    if x.size < _FRAME * 4:
        return None
    frames = np.lib.stride_tricks.sliding_window_view(x, _FRAME)[::_HOP] * np.hanning(_FRAME)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    energy = power.sum(axis=1)
    loud = energy >= np.median(energy)
    spectrum = power[loud].sum(axis=0)
    total = float(spectrum.sum())
    if total < 1e-6:  # digital silence or a faint hiss only
        return None
    freqs = np.fft.rfftfreq(_FRAME, 1 / rate)
    return float(spectrum[freqs > SPLIT_HZ].sum()) / total


def detect_band(audio: np.ndarray, rate: int = SAMPLE_RATE) -> str:
    """:data:`TELEPHONE` or :data:`FULL` for the start of a recording (16 kHz mono).

    Dull sound with no speech in it (hold music, a hum) is not a telephone line: it stays :data:`FULL`,
    whose VAD keeps music out of the decoder (a telephone line is decoded without VAD)."""
    head = np.asarray(audio, np.float32).reshape(-1)[: int(DECIDE_S * rate)]
    share = high_band_share(head, rate)
    if share is None or share >= TELEPHONE_SHARE:
        return FULL
    return TELEPHONE if _has_speech(head) else FULL


def _has_speech(audio: np.ndarray) -> bool:
    """faster-whisper's own VAD (default settings) finds speech in ``audio`` (16 kHz)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    return bool(get_speech_timestamps(audio, VadOptions()))
