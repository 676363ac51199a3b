"""The level meter: peak and RMS per channel of the newest audio, clipping and silence."""

from __future__ import annotations

import math

import numpy as np

from radio_desk.audio.ring import FrameRing

SILENT_DBFS = -120.0
FULL_SCALE = 32768.0


def dbfs(value: float) -> float:
    return 20 * math.log10(value / FULL_SCALE) if value > 0 else SILENT_DBFS


class LevelMeter:
    """Fed by the writer thread with the ring's write position; read through its fields."""

    def __init__(self, signal_threshold_dbfs: float = -50.0) -> None:
        self.signal_threshold_dbfs = signal_threshold_dbfs
        self.peak: tuple[float, ...] = ()  # dBFS per captured channel, newest ~20-100 ms
        self.rms: tuple[float, ...] = ()
        self._pos = 0
        self._clip_until = 0.0
        self._last_signal_at = 0.0

    def start(self, now: float) -> None:
        self._last_signal_at = now

    def update(self, ring: FrameRing, wp: int, samplerate: int, now: float) -> None:
        """Measure what arrived since the last call (at most the newest 100 ms)."""
        new = wp - self._pos
        self._pos = wp
        if new <= 0:
            return
        x = ring.view_recent(wp, min(new, samplerate // 10))
        peaks, rmss = [], []
        for ch in range(x.shape[1]):  # per channel on 1-D arrays: the fewest numpy calls
            v = x[:, ch].astype(np.float32)
            peaks.append(max(float(v.max()), -float(v.min())))
            rmss.append(math.sqrt(float(v.dot(v)) / len(v)))
        self.peak = tuple(round(dbfs(p), 1) for p in peaks)
        self.rms = tuple(round(dbfs(r), 1) for r in rmss)
        if max(peaks) >= 32767.0:
            self._clip_until = now + 1.0
        if max(self.rms) > self.signal_threshold_dbfs:
            self._last_signal_at = now

    def clipping(self, now: float) -> bool:
        """A sample hit full scale within the last second."""
        return now < self._clip_until

    def seconds_without_signal(self, now: float) -> float:
        return round(now - self._last_signal_at, 2)
