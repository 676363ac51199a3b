"""Playback of a recording or a segment for the editor: play, stop, seek, position.

A feeder thread decodes ahead (about half a second) into a queue; the PortAudio callback only copies
decoded blocks, so disk reads never happen on the audio thread.  No Qt: the editor polls
:attr:`Player.position` and :attr:`Player.playing`.
"""

from __future__ import annotations

import collections
import threading
from pathlib import Path

import numpy as np
import sounddevice as sd
import soundfile as sf

from radio_desk.audio.error_text import libsndfile_reason, portaudio_reason
from radio_desk.errors import AudioError, NotFoundError


class Player:
    def __init__(
        self, device: str | int | None = None, block_frames: int = 2048, ahead_seconds: float = 0.5
    ) -> None:
        self.device = device
        self.block_frames = block_frames
        self.ahead_seconds = ahead_seconds
        self._path: Path | None = None
        self._info: sf._SoundFileInfo | None = None
        self._seg_start = 0  # frames
        self._seg_end = 0
        self._next_read = 0  # next frame the feeder decodes
        self._played = 0  # next frame the callback outputs (absolute)
        self._blocks: collections.deque[np.ndarray] = collections.deque()
        self._produced = 0  # frames queued by the feeder (feeder writes)
        self._consumed = 0  # frames taken by the callback (callback writes)
        self._cur: np.ndarray | None = None
        self._cur_off = 0
        self._eof = False
        self._stream: sd.OutputStream | None = None
        self._feeder: threading.Thread | None = None
        self._stop_feeder = threading.Event()
        self._cond = threading.Condition()
        self.underruns = 0

    # ------------------------------------------------------------------ loading
    def load(self, path: str | Path, start: float = 0.0, end: float | None = None) -> None:
        """Choose the file and the segment ``[start, end)`` in seconds (``end=None``: to the end)."""
        self.stop()
        p = Path(path)
        if not p.exists():
            raise NotFoundError(f"Berkas rekaman '{p}' tidak ditemukan.")
        try:
            info = sf.info(str(p))
        except (sf.LibsndfileError, RuntimeError) as err:
            raise AudioError(
                f"Berkas rekaman '{p.name}' tidak bisa diputar: {libsndfile_reason(err)}."
            ) from err
        self._path, self._info = p, info
        self._seg_start = max(0, min(int(start * info.samplerate), info.frames))
        self._seg_end = (
            info.frames if end is None else max(self._seg_start, min(int(end * info.samplerate), info.frames))
        )
        self._played = self._seg_start

    @property
    def samplerate(self) -> int:
        return self._info.samplerate if self._info else 0

    @property
    def duration(self) -> float:
        return (self._seg_end - self._seg_start) / self.samplerate if self._info else 0.0

    @property
    def position(self) -> float:
        """Seconds from the start of the file."""
        return self._played / self.samplerate if self._info else 0.0

    @property
    def playing(self) -> bool:
        s = self._stream
        return bool(s is not None and s.active)

    # ------------------------------------------------------------------ transport
    def play(self) -> None:
        if self._info is None:
            raise AudioError("Belum ada rekaman yang dipilih untuk diputar.")
        if self.playing:
            return
        self._close_stream()
        if self._played >= self._seg_end:
            self._played = self._seg_start
        self._reset_queue(self._played)
        self._stop_feeder.clear()
        self._feeder = threading.Thread(target=self._feed, name="radio-desk-playback-feed", daemon=True)
        self._feeder.start()
        try:
            self._stream = sd.OutputStream(
                device=self.device,
                samplerate=self._info.samplerate,
                channels=self._info.channels,
                dtype="float32",
                blocksize=self.block_frames,
                callback=self._callback,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as err:
            self._stop_feeder.set()
            raise AudioError(
                f"Perangkat output tidak bisa dibuka untuk memutar rekaman: {portaudio_reason(err)}."
            ) from err

    def stop(self) -> None:
        """Stop (keeps the position: ``play`` resumes from here)."""
        self._close_stream()
        self._stop_feeder.set()
        with self._cond:
            self._cond.notify_all()
        if self._feeder is not None:
            self._feeder.join(2)
            self._feeder = None

    def seek(self, seconds: float) -> None:
        was_playing = self.playing
        self.stop()
        self._played = max(self._seg_start, min(int(seconds * self.samplerate), self._seg_end))
        if was_playing:
            self.play()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the segment has played out; ``False`` on timeout."""
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.playing:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def close(self) -> None:
        self.stop()

    # ------------------------------------------------------------------ internals
    def _close_stream(self) -> None:
        s, self._stream = self._stream, None
        if s is not None:
            try:
                s.abort()
                s.close()
            except sd.PortAudioError:
                pass

    def _reset_queue(self, frame: int) -> None:
        with self._cond:
            self._blocks.clear()
            self._produced = self._consumed = 0
            self._cur, self._cur_off = None, 0
            self._next_read = frame
            self._eof = False

    def _feed(self) -> None:
        ahead = int(self.ahead_seconds * self._info.samplerate)
        with sf.SoundFile(str(self._path)) as f:
            f.seek(self._next_read)
            while not self._stop_feeder.is_set():
                with self._cond:
                    while self._produced - self._consumed >= ahead and not self._stop_feeder.is_set():
                        self._cond.wait(0.1)
                n = min(self.block_frames * 4, self._seg_end - self._next_read)
                if n <= 0:
                    with self._cond:
                        self._eof = True
                    return
                x = f.read(n, dtype="float32", always_2d=True)
                if len(x) == 0:
                    with self._cond:
                        self._eof = True
                    return
                with self._cond:
                    self._blocks.append(x)
                    self._produced += len(x)
                    self._next_read += len(x)

    def _callback(self, outdata: np.ndarray, frames: int, _time, _status) -> None:
        filled = 0
        while filled < frames:
            if self._cur is None or self._cur_off >= len(self._cur):
                if not self._blocks:
                    break
                self._cur, self._cur_off = self._blocks.popleft(), 0
            n = min(frames - filled, len(self._cur) - self._cur_off)
            outdata[filled : filled + n] = self._cur[self._cur_off : self._cur_off + n]
            self._cur_off += n
            filled += n
        self._consumed += filled
        self._played += filled
        if filled < frames:
            outdata[filled:] = 0
            if self._eof and not self._blocks:
                raise sd.CallbackStop
            self.underruns += 1
        # wake the feeder without blocking the audio thread if it holds the lock right now
        if self._produced - self._consumed < self.block_frames * 8 and self._cond.acquire(blocking=False):
            self._cond.notify()
            self._cond.release()
