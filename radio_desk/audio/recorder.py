"""The call recorder: always listening (pre-roll), one crash-safe WAV per call, live status.

Collaborators, each in its own module:

* the input (:class:`~radio_desk.audio.backend.InputBackend`): PortAudio by default, injectable
  (:class:`~radio_desk.audio.memory_input.MemoryBackend` for the fast tests);
* the level meter (:class:`~radio_desk.audio.meter.LevelMeter`);
* the call writer (:class:`~radio_desk.audio.call_writer.CallWriter`): ring → channel mapping → WAV,
  sidecar, fsync, fan-out;
* the knobs (:class:`RecorderConfig`).

Threads
-------
* The input's callback thread: copies each block into a preallocated :class:`FrameRing` and counts
  callbacks and overflows.  Nothing else — no file I/O, no locks, no big allocations.
* The writer thread (``tick`` = 40 ms: status at 25 Hz): level meter, device watchdog, and every
  ``write_interval`` (200 ms) while a call is recorded the call writer (live transcription gets the
  same blocks); ``fsync`` every second.  Start/stop requests run *on* this thread, so all file work
  happens in one place.
* A reopen thread, only while the device is lost.

The GUI polls :meth:`Recorder.status` (an immutable snapshot swapped in by the writer) at any rate.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from radio_desk.audio.backend import InputBackend, InputStream, PortAudioBackend, StreamRequest
from radio_desk.audio.call_writer import ActiveCall, CallWriter, fmt_clock
from radio_desk.audio.devices import InputDevice
from radio_desk.audio.meter import FULL_SCALE, SILENT_DBFS, LevelMeter, dbfs
from radio_desk.audio.recorder_types import CHANNEL_MAPS, RecorderConfig, RecorderStatus
from radio_desk.audio.ring import FrameRing
from radio_desk.audio.stream import AudioFanOut
from radio_desk.domain import Recording
from radio_desk.errors import AudioError
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

__all__ = [
    "CHANNEL_MAPS",
    "FULL_SCALE",
    "SILENT_DBFS",
    "Recorder",
    "RecorderConfig",
    "RecorderStatus",
    "dbfs",
    "fmt_clock",
]


class Recorder:
    """One input device, listened to continuously; one file per call.

    ``recorder.open()`` starts listening (levels, pre-roll); ``start_recording()`` /
    ``stop_recording()`` bracket a call.  Subscribe to ``recorder.fanout`` for live audio.

    ``Recorder(device, config=RecorderConfig(...))`` or, as before, the config's fields as keywords
    (``Recorder(device, channel_map="split", preroll_seconds=2)``); ``backend`` is the input
    (default PortAudio).
    """

    def __init__(
        self,
        device: str | None = None,
        *,
        config: RecorderConfig | None = None,
        backend: InputBackend | None = None,
        on_event: Callable[[str, dict], None] | None = None,
        **settings: Any,
    ) -> None:
        unknown = set(settings) - {f.name for f in dataclasses.fields(RecorderConfig)}
        if unknown:
            raise TypeError(f"Recorder() got unknown settings: {', '.join(sorted(unknown))}")
        self.config = cfg = replace(config or RecorderConfig(), **settings)
        self.device_name = device
        self.backend: InputBackend = backend or PortAudioBackend()
        self.channel_map = cfg.channel_map
        self.capture_channels, self.file_channels = cfg.capture_channels, cfg.file_channels
        self.recordings_dir = Path(cfg.recordings_dir) if cfg.recordings_dir else app_paths().recordings
        self.on_event = on_event
        self.fanout = AudioFanOut()
        self.meter = LevelMeter(cfg.signal_threshold_dbfs)
        self.writer = CallWriter(
            self.recordings_dir, cfg.channel_map, cfg.file_channels, cfg.preroll_seconds,
            cfg.fsync_interval, self.fanout, self._emit,
        )  # fmt: skip

        self.samplerate = 0
        self.ring: FrameRing | None = None
        self._next_write = 0.0
        self._stream: InputStream | None = None
        self._stream_lock = threading.Lock()
        self._device: InputDevice | None = None
        self._device_warning: str | None = None
        # written by the audio callback only
        self._callbacks = 0
        self._overflows = 0
        self._stream_died = False
        self._external = False  # fed by feed() instead of an input stream
        # writer-thread state
        self._requests: queue.Queue[tuple[Callable[[], Any], Future]] = queue.Queue()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._writer: threading.Thread | None = None
        self._reopener: threading.Thread | None = None
        self._lost = False
        self._lost_count = 0
        self._seen_callbacks = 0
        self._last_callback_at = 0.0
        self._got_first_callback = False
        self._opened_at = 0.0
        self._free_minutes: float | None = None
        self._next_disk_check = 0.0
        self._error: str | None = None
        self._status = RecorderStatus(channel_map=cfg.channel_map)

    @property
    def preroll_seconds(self) -> float:
        return self.config.preroll_seconds

    @property
    def _active(self) -> ActiveCall | None:
        return self.writer.active

    # ------------------------------------------------------------------ public API (any thread)
    def open(self) -> Recorder:
        """Open the device and start listening (levels, pre-roll).  Raises :class:`AudioError`."""
        if self._writer is not None:
            return self
        self._open_stream(first=True)
        self._start_writer()
        return self

    def open_external(self, samplerate: int) -> Recorder:
        """Run without an input stream: the caller pushes audio with :meth:`feed` (benchmarks, demo).

        Everything after the callback — ring, writer, meter, files, fan-out — is the real thing."""
        if self._writer is not None:
            return self
        self._make_ring(samplerate)
        self._external = True
        self._opened_at = time.monotonic()
        self._start_writer()
        return self

    def feed(self, block: np.ndarray, status: Any = None) -> None:
        """Hand one int16 block ``(frames, capture_channels)`` to the callback path."""
        self._callback(block, len(block), None, status)

    def close(self) -> Recording | None:
        """Stop listening; a running recording is finished first and returned."""
        rec = None
        if self._writer is not None:
            if self._active is not None:
                rec = self.stop_recording()
            self._closing.set()
            self._wake.set()
            self._writer.join(10)
            self._writer = None
        if self._reopener is not None:
            self._reopener.join(5)  # it stops at once on _closing; must not reopen after we close
            self._reopener = None
        self._close_stream()
        self.fanout.close_all()
        self._status = replace(self._status, monitoring=False, recording=False)
        return rec

    def __enter__(self) -> Recorder:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def status(self) -> RecorderStatus:
        return self._status

    @property
    def recording(self) -> Recording | None:
        a = self._active
        return replace(a.rec) if a else None

    def start_recording(self, case_id: uuid.UUID | None = None) -> Recording:
        """Start a call's file, beginning up to ``preroll_seconds`` before now.  Returns its Recording."""
        return self.start_recording_async(case_id).result(15.0)

    def stop_recording(self) -> Recording:
        """Finish the call: everything captured until now is written, closed, synced."""
        return self.stop_recording_async().result(15.0)

    def start_recording_async(self, case_id: uuid.UUID | None = None) -> Future[Recording]:
        """Like :meth:`start_recording` without waiting (a GUI thread): the pre-roll point is the moment
        of this call; the returned future gives the Recording or raises :class:`AudioError`."""
        ring = self.ring
        at_pos = ring.write_pos if ring else 0
        return self._submit(lambda: self._start(case_id, at_pos))

    def stop_recording_async(self) -> Future[Recording]:
        """Like :meth:`stop_recording` without waiting: the call ends at the moment of this call."""
        ring = self.ring
        stop_pos = ring.write_pos if ring else 0
        return self._submit(lambda: self.writer.stop(stop_pos))

    # ------------------------------------------------------------------ audio callback
    def _callback(self, indata, frames, _time, status) -> None:  # the input's thread: keep it tiny
        if status and status.input_overflow:
            self._overflows += 1
        self.ring.push(indata, frames)
        self._callbacks += 1

    def _finished(self) -> None:  # the stream ended (error, device gone)
        self._stream_died = True

    # ------------------------------------------------------------------ device handling
    def _make_ring(self, samplerate: int) -> None:
        self.samplerate = samplerate
        cfg = self.config
        self.ring = FrameRing(
            int((cfg.preroll_seconds + cfg.headroom_seconds) * samplerate), self.capture_channels
        )
        self.writer.attach(self.ring, samplerate)

    def _open_stream(self, first: bool = False, reinit: bool = False) -> None:
        if reinit:
            self.backend.reinit()
        device, warning = self.backend.resolve(self.device_name, self.capture_channels)
        rate = int(self.config.samplerate or device.default_samplerate)
        if first:
            self._make_ring(rate)
        elif rate != self.samplerate:
            rate = self.samplerate  # the ring and the open file are at this rate; keep it
        blocksize = max(64, int(rate * self.config.block_seconds))  # fewer, larger callbacks: less CPU
        stream = self.backend.open(
            StreamRequest(device, rate, self.capture_channels, blocksize, self._callback, self._finished)
        )
        with self._stream_lock:
            self._stream = stream
        self._stream_died = False
        self._device = device
        self._device_warning = warning
        self._opened_at = time.monotonic()
        self._got_first_callback = False
        log.info("listening on %s at %d Hz (%s)", device.name, rate, self.channel_map)

    def _close_stream(self, timeout: float = 2.0) -> None:
        with self._stream_lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return

        def _abort() -> None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # a dead device may fail to close; it is dropped either way
                log.debug("closing a lost stream failed", exc_info=True)

        t = threading.Thread(target=_abort, name="radio-desk-close-stream", daemon=True)
        t.start()
        t.join(timeout)  # a driver stuck in close must not hang the recorder

    def _reopen_loop(self) -> None:
        attempt = 0
        cfg = self.config
        while self._lost and not self._closing.is_set():
            self._close_stream()
            try:
                # PortAudio sees a re-plugged device only after re-enumerating
                named_present = self.device_name is None or self.backend.present(self.device_name)
                self._open_stream(reinit=attempt > 0 or not named_present)
                self._emit(
                    "reopen_attempt",
                    {"attempt": attempt, "device": self._device.name if self._device else None},
                )
            except AudioError as err:
                log.warning("reopen failed: %s", err)
            attempt += 1
            self._closing.wait(max(cfg.reopen_interval, cfg.first_callback_grace))
            if self._callbacks != self._seen_callbacks:
                return  # audio flows again; the writer clears the lost state

    # ------------------------------------------------------------------ writer thread
    def _start_writer(self) -> None:
        self._closing.clear()
        self._writer = threading.Thread(target=self._run, name="radio-desk-writer", daemon=True)
        self._writer.start()

    def _submit(self, fn: Callable[[], Any]) -> Future:
        if self._writer is None or not self._writer.is_alive():
            raise AudioError("Perekam belum dibuka; pilih perangkat input dulu.")
        fut: Future = Future()
        self._requests.put((fn, fut))
        self._wake.set()
        return fut

    def _call(self, fn: Callable[[], Any], timeout: float = 15.0) -> Any:
        return self._submit(fn).result(timeout)

    def _run(self) -> None:
        now = time.monotonic()
        self.meter.start(now)
        self._last_callback_at = now
        while True:
            while True:
                try:
                    fn, fut = self._requests.get_nowait()
                except queue.Empty:
                    break
                try:
                    fut.set_result(fn())
                except BaseException as err:  # handed back to the caller's thread
                    fut.set_exception(err)
            try:
                self._step()
            except Exception:  # the writer must survive anything; the status tells the operator
                log.exception("recorder writer step failed")
            if self._closing.is_set():
                break
            self._wake.wait(self.config.tick)
            self._wake.clear()

    def _step(self) -> None:
        now = time.monotonic()
        wp = self.ring.write_pos
        self._watch_device(now)
        self.meter.update(self.ring, wp, self.samplerate, now)
        if self._active is not None and now >= self._next_write:
            self._next_write = now + self.config.write_interval
            self._write_pending(wp, now)
        if now >= self._next_disk_check:
            self._check_disk()
            self._next_disk_check = now + 2.0
        self._publish_status(now)

    def _write_pending(self, wp: int, now: float) -> None:
        self.writer.write_pending(wp, now)

    def _start(self, case_id: uuid.UUID | None, at_pos: int | None = None) -> Recording:
        return self.writer.start(case_id, at_pos, self._device.name if self._device else self.device_name)

    def _watch_device(self, now: float) -> None:
        if self._external:
            return
        cbs = self._callbacks
        if cbs != self._seen_callbacks:
            self._seen_callbacks = cbs
            self._last_callback_at = now
            self._got_first_callback = True
            if self._lost:
                self._lost = False
                self._event("device_restored", device=self._device.name if self._device else None)
            return
        if self._lost:
            return
        cfg = self.config
        limit = cfg.lost_after if self._got_first_callback else cfg.first_callback_grace
        since = now - (self._last_callback_at if self._got_first_callback else self._opened_at)
        if self._stream_died or since > limit:
            self._lost = True
            self._lost_count += 1
            self._event("device_lost", silent_for_s=round(since, 2))
            self._reopener = threading.Thread(target=self._reopen_loop, name="radio-desk-reopen", daemon=True)
            self._reopener.start()

    def _check_disk(self) -> None:
        try:
            self.recordings_dir.mkdir(parents=True, exist_ok=True)
            free = shutil.disk_usage(self.recordings_dir).free
        except OSError:
            self._free_minutes = None
            return
        bytes_per_min = max(self.samplerate, 1) * self.file_channels * 2 * 60
        self._free_minutes = free / bytes_per_min

    def _publish_status(self, now: float) -> None:
        a = self._active
        self._status = RecorderStatus(
            monitoring=True,
            recording=a is not None,
            device=self._device.name if self._device else None,
            device_warning=self._device_warning,
            device_lost=self._lost,
            device_lost_count=self._lost_count,
            samplerate=self.samplerate,
            channel_map=self.channel_map,
            peak_dbfs=self.meter.peak,
            rms_dbfs=self.meter.rms,
            clipping=self.meter.clipping(now),
            seconds_without_signal=self.meter.seconds_without_signal(now),
            overflow_count=self._overflows,
            dropped_frames=self.ring.dropped_frames if self.ring else 0,
            elapsed_s=(a.frames / self.samplerate) if a else 0.0,
            free_disk_minutes=None if self._free_minutes is None else round(self._free_minutes, 1),
            low_disk=self._free_minutes is not None and self._free_minutes < self.config.low_disk_minutes,
            recording_id=str(a.rec.id) if a else None,
            path=a.rec.path if a else None,
            error=(a.error if a and a.error else self._error),
            updated_at=now,
        )

    # ------------------------------------------------------------------ events
    def _event(self, name: str, **data: Any) -> None:
        self.writer.note(name, data)
        self._emit(name, data)

    def _emit(self, name: str, data: dict) -> None:
        log.info("recorder event %s %s", name, data)
        if self.on_event is not None:
            try:
                self.on_event(name, data)
            except Exception:
                log.exception("on_event handler failed")
