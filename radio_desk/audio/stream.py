"""Fan-out of captured audio to live consumers (the live transcriber, meters, tests).

The recorder's writer thread publishes each block it has written; every subscriber has its own
bounded queue.  A slow subscriber loses its *oldest* blocks (and is told how many) — it can never
slow the recorder or the file, which always receive every sample.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class AudioBlock:
    frames: np.ndarray  # float32, shape (n, channels), at ``samplerate``
    samplerate: int
    start_frame: int  # position of frames[0] from the start of the recording (pre-roll included)

    @property
    def start_time(self) -> float:
        return self.start_frame / self.samplerate

    @property
    def end_time(self) -> float:
        return (self.start_frame + len(self.frames)) / self.samplerate


class AudioSubscription:
    """One consumer's queue. ``get`` blocks up to ``timeout``; ``None`` means nothing (yet) or closed."""

    def __init__(self, max_seconds: float, samplerate: int) -> None:
        self._max_frames = int(max_seconds * samplerate)
        self._blocks: deque[AudioBlock] = deque()
        self._frames = 0
        self._cond = threading.Condition()
        self._closed = False
        self.dropped_frames = 0

    def put(self, block: AudioBlock) -> None:
        with self._cond:
            self._blocks.append(block)
            self._frames += len(block.frames)
            while self._frames > self._max_frames and len(self._blocks) > 1:
                old = self._blocks.popleft()
                self._frames -= len(old.frames)
                self.dropped_frames += len(old.frames)
            self._cond.notify_all()

    def get(self, timeout: float | None = None) -> AudioBlock | None:
        with self._cond:
            if not self._blocks and not self._closed:
                self._cond.wait(timeout)
            if self._blocks:
                block = self._blocks.popleft()
                self._frames -= len(block.frames)
                return block
            return None

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        """True once the stream has ended *and* every queued block was taken."""
        with self._cond:
            return self._closed and not self._blocks


class AudioFanOut:
    def __init__(self) -> None:
        self._subs: list[AudioSubscription] = []
        self._lock = threading.Lock()

    def subscribe(self, samplerate: int, max_seconds: float = 30.0) -> AudioSubscription:
        sub = AudioSubscription(max_seconds, samplerate)
        with self._lock:
            self._subs.append(sub)
        return sub

    def unsubscribe(self, sub: AudioSubscription) -> None:
        with self._lock:
            if sub in self._subs:
                self._subs.remove(sub)
        sub.close()

    def publish(self, block: AudioBlock) -> None:
        with self._lock:
            subs = list(self._subs)
        for sub in subs:
            sub.put(block)

    def close_all(self) -> None:
        with self._lock:
            subs, self._subs = self._subs, []
        for sub in subs:
            sub.close()
