"""The call recorder: always listening (pre-roll), one crash-safe WAV per call, live status.

Threads
-------
* PortAudio's callback thread: copies each block into a preallocated :class:`FrameRing` and counts
  callbacks and overflows.  Nothing else — no file I/O, no locks, no big allocations.
* The writer thread (``tick`` = 40 ms: status at 25 Hz): level meter, device watchdog, and every
  ``write_interval`` (200 ms) while a call is recorded:
  ring → channel mapping → WAV (libsndfile, header updated on every write) → ``fanout`` (live
  transcription); ``fsync`` every second.  Start/stop requests run *on* this thread, so all file work
  happens in one place.
* A reopen thread, only while the device is lost.

The GUI polls :meth:`Recorder.status` (an immutable snapshot swapped in by the writer) at any rate.
"""

from __future__ import annotations

import contextlib
import logging
import math
import queue
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from datetime import UTC
from pathlib import Path
from typing import Any

import numpy as np
import sounddevice as sd

from radio_desk.audio import ownership
from radio_desk.audio.devices import InputDevice, find_input_device, reinit_portaudio, resolve_input_device
from radio_desk.audio.error_text import portaudio_reason
from radio_desk.audio.ring import FrameRing
from radio_desk.audio.sidecar import write_sidecar
from radio_desk.audio.stream import AudioBlock, AudioFanOut
from radio_desk.audio.wavfile import fsync_file, open_crash_safe_wav, repair_wav
from radio_desk.domain import Recording, RecordingState
from radio_desk.domain.models import utcnow
from radio_desk.errors import AudioError
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

CHANNEL_MAPS = {"mono": (1, 1), "mix": (2, 1), "split": (2, 2)}  # map -> (captured, stored) channels
SILENT_DBFS = -120.0
FULL_SCALE = 32768.0


def dbfs(value: float) -> float:
    return 20 * math.log10(value / FULL_SCALE) if value > 0 else SILENT_DBFS


def fmt_clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass(frozen=True)
class RecorderStatus:
    """What the operator sees; every field is safe to read from any thread."""

    monitoring: bool = False
    recording: bool = False
    device: str | None = None
    device_warning: str | None = None  # the chosen device vanished: which one is used instead
    device_lost: bool = False
    device_lost_count: int = 0
    samplerate: int = 0
    channel_map: str = "mono"
    peak_dbfs: tuple[float, ...] = ()  # per captured channel, newest ~20-100 ms
    rms_dbfs: tuple[float, ...] = ()
    clipping: bool = False  # a sample hit full scale within the last second
    seconds_without_signal: float = 0.0
    overflow_count: int = 0  # PortAudio input overflows
    dropped_frames: int = 0  # frames the writer could not take in time (disk stalled)
    elapsed_s: float = 0.0  # length of the current recording, pre-roll included
    free_disk_minutes: float | None = None
    low_disk: bool = False
    recording_id: str | None = None
    path: str | None = None
    error: str | None = None  # a failure the operator must know about (disk full...)
    updated_at: float = 0.0  # time.monotonic() of this snapshot

    def messages(self, silence_warn_s: float = 10.0) -> list[str]:
        """Plain Indonesian warnings for the status bar, most important first."""
        out = []
        if self.error:
            out.append(self.error)
        if self.device_lost:
            out.append(
                "Perangkat input hilang (tidak ada audio lebih dari 1 detik). Rekaman sejauh ini aman; "
                "mencoba membuka ulang perangkat…"
            )
        if self.device_warning:
            out.append(self.device_warning)
        if self.low_disk and self.free_disk_minutes is not None:
            out.append(f"Ruang disk hampir habis: cukup untuk ±{int(self.free_disk_minutes)} menit rekaman.")
        if self.clipping:
            out.append("Sinyal terlalu keras (clipping) — turunkan level di mixer.")
        if self.monitoring and not self.device_lost and self.seconds_without_signal >= silence_warn_s:
            out.append(f"Tidak ada sinyal selama {int(self.seconds_without_signal)} detik — periksa mixer.")
        if self.overflow_count or self.dropped_frames:
            out.append(
                f"Input meluap {self.overflow_count} kali"
                + (
                    f", {self.dropped_frames / max(self.samplerate, 1):.1f} detik audio terlewat"
                    if self.dropped_frames
                    else ""
                )
                + "."
            )
        return out


@dataclass
class _Active:
    rec: Recording
    file: Any  # soundfile.SoundFile | None once closed/failed
    read_pos: int  # next ring frame to write
    frames: int = 0  # frames in the file
    events: list[dict] = field(default_factory=list)
    error: str | None = None
    preroll_s: float = 0.0
    next_fsync: float = 0.0


class Recorder:
    """One input device, listened to continuously; one file per call.

    ``recorder.open()`` starts listening (levels, pre-roll); ``start_recording()`` /
    ``stop_recording()`` bracket a call.  Subscribe to ``recorder.fanout`` for live audio.
    """

    def __init__(
        self,
        device: str | None = None,
        *,
        samplerate: int | None = None,
        channel_map: str = "mono",
        preroll_seconds: float = 10.0,
        recordings_dir: Path | None = None,
        headroom_seconds: float = 30.0,
        tick: float = 0.04,
        write_interval: float = 0.2,
        block_seconds: float = 0.02,
        lost_after: float = 1.0,
        first_callback_grace: float = 3.0,
        reopen_interval: float = 1.5,
        fsync_interval: float = 1.0,
        low_disk_minutes: float = 30.0,
        signal_threshold_dbfs: float = -50.0,
        on_event: Callable[[str, dict], None] | None = None,
    ) -> None:
        if channel_map not in CHANNEL_MAPS:
            raise AudioError(f"Pemetaan kanal '{channel_map}' tidak dikenal (pilih mono, mix atau split).")
        if not 0 <= preroll_seconds <= 600:
            raise AudioError(f"Pre-roll {preroll_seconds} detik tidak valid (0 sampai 600 detik).")
        self.device_name = device
        self.requested_samplerate = samplerate
        self.channel_map = channel_map
        self.capture_channels, self.file_channels = CHANNEL_MAPS[channel_map]
        self.preroll_seconds = preroll_seconds
        self.headroom_seconds = headroom_seconds
        self.recordings_dir = Path(recordings_dir) if recordings_dir else app_paths().recordings
        self.tick = tick
        self.write_interval = write_interval
        self._next_write = 0.0
        self.block_seconds = block_seconds
        self.lost_after = lost_after
        self.first_callback_grace = first_callback_grace
        self.reopen_interval = reopen_interval
        self.fsync_interval = fsync_interval
        self.low_disk_minutes = low_disk_minutes
        self.signal_threshold_dbfs = signal_threshold_dbfs
        self.on_event = on_event
        self.fanout = AudioFanOut()

        self.samplerate = 0
        self.ring: FrameRing | None = None
        self._stream: sd.RawInputStream | None = None
        self._stream_lock = threading.Lock()
        self._device: InputDevice | None = None
        self._device_warning: str | None = None
        # written by the audio callback only
        self._callbacks = 0
        self._overflows = 0
        self._stream_died = False
        self._external = False  # fed by feed() instead of a PortAudio stream
        # writer-thread state
        self._requests: queue.Queue[tuple[Callable[[], Any], Future]] = queue.Queue()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._writer: threading.Thread | None = None
        self._reopener: threading.Thread | None = None
        self._active: _Active | None = None
        self._lost = False
        self._lost_count = 0
        self._seen_callbacks = 0
        self._last_callback_at = 0.0
        self._got_first_callback = False
        self._opened_at = 0.0
        self._meter_pos = 0
        self._peak: tuple[float, ...] = ()
        self._rms: tuple[float, ...] = ()
        self._clip_until = 0.0
        self._last_signal_at = 0.0
        self._free_minutes: float | None = None
        self._next_disk_check = 0.0
        self._error: str | None = None
        self._status = RecorderStatus(channel_map=channel_map)

    # ------------------------------------------------------------------ public API (any thread)
    def open(self) -> Recorder:
        """Open the device and start listening (levels, pre-roll).  Raises :class:`AudioError`."""
        if self._writer is not None:
            return self
        self._open_stream(first=True)
        self._closing.clear()
        self._writer = threading.Thread(target=self._run, name="radio-desk-writer", daemon=True)
        self._writer.start()
        return self

    def open_external(self, samplerate: int) -> Recorder:
        """Run without PortAudio: the caller pushes audio with :meth:`feed` (benchmarks, simulations).

        Everything after the callback — ring, writer, meter, files, fan-out — is the real thing."""
        if self._writer is not None:
            return self
        self.samplerate = samplerate
        cap = int((self.preroll_seconds + self.headroom_seconds) * samplerate)
        self.ring = FrameRing(cap, self.capture_channels)
        self._external = True
        self._opened_at = time.monotonic()
        self._closing.clear()
        self._writer = threading.Thread(target=self._run, name="radio-desk-writer", daemon=True)
        self._writer.start()
        return self

    def feed(self, block: np.ndarray, status: sd.CallbackFlags | None = None) -> None:
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
        return self._submit(lambda: self._stop(stop_pos))

    # ------------------------------------------------------------------ audio callback
    def _callback(self, indata, frames, _time, status) -> None:  # PortAudio thread: keep it tiny
        if status and status.input_overflow:
            self._overflows += 1
        self.ring.push(indata, frames)
        self._callbacks += 1

    def _finished(self) -> None:  # PortAudio: the stream ended (error, device gone)
        self._stream_died = True

    # ------------------------------------------------------------------ device handling
    def _open_stream(self, first: bool = False, reinit: bool = False) -> None:
        if reinit:
            reinit_portaudio()
        device, warning = resolve_input_device(self.device_name, self.capture_channels)
        rate = int(self.requested_samplerate or device.default_samplerate)
        if first:
            self.samplerate = rate
            cap = int((self.preroll_seconds + self.headroom_seconds) * rate)
            self.ring = FrameRing(cap, self.capture_channels)
        elif rate != self.samplerate:
            rate = self.samplerate  # the ring and the open file are at this rate; keep it
        try:
            stream = sd.RawInputStream(
                device=device.index,
                samplerate=rate,
                channels=self.capture_channels,
                dtype="int16",
                blocksize=max(64, int(rate * self.block_seconds)),  # fewer, larger callbacks: less CPU
                callback=self._callback,
                finished_callback=self._finished,
            )
            stream.start()
        except (sd.PortAudioError, ValueError) as err:
            raise AudioError(
                f"Perangkat input '{device.name}' tidak bisa dibuka pada {rate} Hz: {portaudio_reason(err)}."
            ) from err
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
        while self._lost and not self._closing.is_set():
            self._close_stream()
            try:
                # PortAudio sees a re-plugged device only after re-enumerating
                named_present = self.device_name is None or find_input_device(self.device_name) is not None
                self._open_stream(reinit=attempt > 0 or not named_present)
                self._emit(
                    "reopen_attempt",
                    {"attempt": attempt, "device": self._device.name if self._device else None},
                )
            except AudioError as err:
                log.warning("reopen failed: %s", err)
            attempt += 1
            self._closing.wait(max(self.reopen_interval, self.first_callback_grace))
            if self._callbacks != self._seen_callbacks:
                return  # audio flows again; the writer clears the lost state

    # ------------------------------------------------------------------ writer thread
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
        self._last_signal_at = now
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
            self._wake.wait(self.tick)
            self._wake.clear()

    def _step(self) -> None:
        now = time.monotonic()
        ring = self.ring
        wp = ring.write_pos
        self._watch_device(now)
        self._meter(now, wp)
        if self._active is not None and now >= self._next_write:
            self._next_write = now + self.write_interval
            self._write_pending(wp, now)
        if now >= self._next_disk_check:
            self._check_disk()
            self._next_disk_check = now + 2.0
        self._publish_status(now)

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
        limit = self.lost_after if self._got_first_callback else self.first_callback_grace
        since = now - (self._last_callback_at if self._got_first_callback else self._opened_at)
        if self._stream_died or since > limit:
            self._lost = True
            self._lost_count += 1
            self._event("device_lost", silent_for_s=round(since, 2))
            self._reopener = threading.Thread(target=self._reopen_loop, name="radio-desk-reopen", daemon=True)
            self._reopener.start()

    def _meter(self, now: float, wp: int) -> None:
        new = wp - self._meter_pos
        self._meter_pos = wp
        if new <= 0:
            return
        x = self.ring.view_recent(wp, min(new, self.samplerate // 10))
        peaks, rmss = [], []
        for ch in range(x.shape[1]):  # per channel on 1-D arrays: the fewest numpy calls
            v = x[:, ch].astype(np.float32)
            peaks.append(max(float(v.max()), -float(v.min())))
            rmss.append(math.sqrt(float(v.dot(v)) / len(v)))
        self._peak = tuple(round(dbfs(p), 1) for p in peaks)
        self._rms = tuple(round(dbfs(r), 1) for r in rmss)
        if max(peaks) >= 32767.0:
            self._clip_until = now + 1.0
        if max(self._rms) > self.signal_threshold_dbfs:
            self._last_signal_at = now

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
            peak_dbfs=self._peak,
            rms_dbfs=self._rms,
            clipping=now < self._clip_until,
            seconds_without_signal=round(now - self._last_signal_at, 2),
            overflow_count=self._overflows,
            dropped_frames=self.ring.dropped_frames if self.ring else 0,
            elapsed_s=(a.frames / self.samplerate) if a else 0.0,
            free_disk_minutes=None if self._free_minutes is None else round(self._free_minutes, 1),
            low_disk=self._free_minutes is not None and self._free_minutes < self.low_disk_minutes,
            recording_id=str(a.rec.id) if a else None,
            path=a.rec.path if a else None,
            error=(a.error if a and a.error else self._error),
            updated_at=now,
        )

    # ------------------------------------------------------------------ recording (writer thread)
    def _new_path(self, rec: Recording) -> Path:
        ts = rec.started_at.astimezone(UTC)
        folder = self.recordings_dir / f"{ts:%Y}" / f"{ts:%m}" / f"{ts:%d}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{ts:%Y%m%dT%H%M%SZ}_{rec.id.hex[:8]}.wav"

    def _start(self, case_id: uuid.UUID | None, at_pos: int | None = None) -> Recording:
        if self._active is not None:
            raise AudioError("Sudah ada panggilan yang sedang direkam; hentikan dulu.")
        ring = self.ring
        wp = ring.write_pos if at_pos is None else min(at_pos, ring.write_pos)
        start = max(ring.oldest_available(), wp - int(self.preroll_seconds * self.samplerate), 0)
        ring.protect_from = start
        rec = Recording(
            case_id=case_id,
            format="wav",
            samplerate=self.samplerate,
            channels=self.file_channels,
            channel_map=self.channel_map,
            state=RecordingState.RECORDING,
            started_at=utcnow(),
            device=self._device.name if self._device else self.device_name,
        )
        path = None
        try:
            path = self._new_path(rec)
            rec.path = str(path)
            ownership.claim(path)  # before the file exists: recovery in another process keeps off it
            f = open_crash_safe_wav(path, self.samplerate, self.file_channels)
        except (OSError, RuntimeError) as err:
            ring.protect_from = None
            if path is not None:
                ownership.release(path)
            raise AudioError(f"Berkas rekaman tidak bisa dibuat di {self.recordings_dir}: {err}.") from err
        a = _Active(rec=rec, file=f, read_pos=start, preroll_s=(wp - start) / self.samplerate)
        a.next_fsync = time.monotonic() + self.fsync_interval
        self._active = a
        self._save_sidecar(a)
        self._emit("recording_started", {"id": str(rec.id), "path": rec.path})
        return replace(rec)

    def _map(self, chunk: np.ndarray) -> np.ndarray:
        if self.channel_map == "mix":
            return ((chunk[:, 0].astype(np.int32) + chunk[:, 1]) // 2).astype(np.int16)[:, None]
        return chunk

    def _write_pending(self, wp: int, now: float) -> None:
        a = self._active
        if a.file is None:  # writing failed earlier: audio is no longer kept
            a.read_pos = wp
            return
        max_chunk = self.samplerate  # bound memory after a stall: at most 1 s per write
        while a.read_pos < wp:
            stop = min(wp, a.read_pos + max_chunk)
            chunk = self._map(self.ring.read(a.read_pos, stop))
            try:
                a.file.write(chunk)
            except (RuntimeError, OSError) as err:  # soundfile raises LibsndfileError (RuntimeError)
                self._write_failed(a, err)
                return
            start_frame = a.frames
            a.frames += len(chunk)
            a.read_pos = stop
            self.ring.protect_from = stop
            self.fanout.publish(
                AudioBlock(chunk.astype(np.float32) / FULL_SCALE, self.samplerate, start_frame)
            )
        if now >= a.next_fsync:
            a.next_fsync = now + self.fsync_interval
            try:
                fsync_file(a.file)
            except (RuntimeError, OSError) as err:
                self._write_failed(a, err)

    def _write_failed(self, a: _Active, err: Exception) -> None:
        at = fmt_clock(a.frames / self.samplerate)
        # libsndfile reports ENOSPC only as "System error": look at the disk itself
        try:
            nearly_full = shutil.disk_usage(Path(a.rec.path).parent).free < 4 * self.samplerate * 4
        except OSError:
            nearly_full = False
        full = nearly_full or "space" in str(err).lower() or "too large" in str(err).lower()
        reason = "disk penuh" if full else f"gagal menulis ({err})"
        a.error = (
            f"Rekaman berhenti ditulis pada {at}: {reason}. Audio sampai {at} aman di {a.rec.path}. "
            "Kosongkan ruang disk lalu mulai rekaman baru."
        )
        log.error("recording %s: %s", a.rec.id, err)
        with contextlib.suppress(Exception):
            a.file.close()
        a.file = None
        self.ring.protect_from = None
        with contextlib.suppress(AudioError):
            a.frames = repair_wav(Path(a.rec.path))
        a.events.append(
            {"event": "write_failed", "at_s": round(a.frames / self.samplerate, 3), "reason": str(err)}
        )
        with contextlib.suppress(OSError):
            self._save_sidecar(a)
        self._emit("write_failed", {"id": str(a.rec.id), "message": a.error})

    def _stop(self, stop_pos: int) -> Recording:
        a = self._active
        if a is None:
            raise AudioError("Tidak ada panggilan yang sedang direkam.")
        if a.file is not None:
            self._write_pending(min(stop_pos, self.ring.write_pos), time.monotonic())
        if a.file is not None:
            try:
                fsync_file(a.file)
                a.file.close()
            except (RuntimeError, OSError) as err:
                self._write_failed(a, err)
            a.file = None
        self.ring.protect_from = None
        self._active = None
        interrupted = a.error is not None or any(e["event"] == "device_lost" for e in a.events)
        a.rec.state = RecordingState.INTERRUPTED if interrupted else RecordingState.COMPLETE
        a.rec.duration_s = a.frames / self.samplerate
        try:
            self._save_sidecar(a)
        except OSError as err:
            log.error("sidecar of %s not written: %s", a.rec.path, err)
        ownership.release(Path(a.rec.path))
        self.fanout.close_all()
        self._emit("recording_stopped", {"id": str(a.rec.id), "state": a.rec.state.value})
        return replace(a.rec)

    def _save_sidecar(self, a: _Active) -> None:
        write_sidecar(
            Path(a.rec.path),
            a.rec,
            preroll_s=round(a.preroll_s, 3),
            events=a.events,
            error=a.error,
        )

    def _event(self, name: str, **data: Any) -> None:
        a = self._active
        if a is not None:
            a.events.append({"event": name, "at_s": round(a.frames / self.samplerate, 3), **data})
            try:
                self._save_sidecar(a)
            except OSError:
                log.warning("sidecar not updated for %s", name)
        self._emit(name, data)

    def _emit(self, name: str, data: dict) -> None:
        log.info("recorder event %s %s", name, data)
        if self.on_event is not None:
            try:
                self.on_event(name, data)
            except Exception:
                log.exception("on_event handler failed")
