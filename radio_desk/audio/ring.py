"""A preallocated ring of captured frames shared by the audio callback (producer) and the writer.

The PortAudio callback may not allocate much, block or touch files, so it only copies the bytes it
receives into this ring and advances ``write_pos``.  Positions are *absolute* frame counts since the
ring was created; the slot of frame ``p`` is ``p % capacity``.  One producer, one consumer; a Python
int assignment is atomic under the GIL and the bytes are copied before ``write_pos`` moves, so the
consumer never sees a position whose data is not there yet.
"""

from __future__ import annotations

import numpy as np


class FrameRing:
    def __init__(self, capacity_frames: int, channels: int, dtype: str = "int16") -> None:
        self.capacity = int(capacity_frames)
        self.channels = channels
        self.buf = np.zeros((self.capacity, channels), dtype=dtype)
        self.frame_bytes = self.buf.itemsize * channels
        self._bytes = memoryview(self.buf.reshape(-1)).cast("B")
        self.write_pos = 0  # frames ever written (producer only)
        # Frames at or after ``protect_from`` are not yet consumed: the producer drops incoming audio
        # rather than overwrite them.  ``None`` (no recording running): old frames are overwritten.
        self.protect_from: int | None = None
        self.dropped_frames = 0  # producer side: audio lost because the consumer fell behind

    # -- producer (audio callback) -----------------------------------------------------------
    def push(self, data, frames: int) -> None:
        """Copy ``frames`` interleaved frames from the buffer ``data`` (the callback's ``indata``)."""
        wp = self.write_pos
        guard = self.protect_from
        if guard is not None and wp + frames - guard > self.capacity:
            self.dropped_frames += frames
            return
        fb = self.frame_bytes
        start = wp % self.capacity
        first = min(frames, self.capacity - start)
        src = memoryview(data).cast("B")
        self._bytes[start * fb : (start + first) * fb] = src[: first * fb]
        if first < frames:
            self._bytes[: (frames - first) * fb] = src[first * fb : frames * fb]
        self.write_pos = wp + frames

    # -- consumer ----------------------------------------------------------------------------
    def oldest_available(self) -> int:
        return max(0, self.write_pos - self.capacity)

    def read(self, start: int, stop: int) -> np.ndarray:
        """A copy of frames ``[start, stop)``; they must still be in the ring."""
        n = stop - start
        if n <= 0:
            return self.buf[:0].copy()
        if start < self.write_pos - self.capacity:
            raise ValueError("frames already overwritten")
        a = start % self.capacity
        b = a + n
        if b <= self.capacity:
            return self.buf[a:b].copy()
        return np.concatenate((self.buf[a:], self.buf[: b - self.capacity]))

    def view_recent(self, stop: int, n: int) -> np.ndarray:
        """Up to the last ``n`` frames before ``stop`` without copying when they are contiguous (meters)."""
        n = min(n, stop, self.capacity)
        a = (stop - n) % self.capacity
        if a + n <= self.capacity:
            return self.buf[a : a + n]
        return np.concatenate((self.buf[a:], self.buf[: a + n - self.capacity]))
