"""One call's file: from the ring (pre-roll included) through the channel mapping into a crash-safe
WAV, its JSON sidecar, fsync every second, live blocks to the fan-out; a failed write (a full disk)
stops the file with what is kept and why.  Runs only on the recorder's writer thread."""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC
from pathlib import Path
from typing import Any

import numpy as np

from radio_desk.audio import ownership
from radio_desk.audio.meter import FULL_SCALE
from radio_desk.audio.ring import FrameRing
from radio_desk.audio.sidecar import write_sidecar
from radio_desk.audio.stream import AudioBlock, AudioFanOut
from radio_desk.audio.wavfile import fsync_file, open_crash_safe_wav, repair_wav
from radio_desk.domain import Recording, RecordingState
from radio_desk.domain.models import utcnow
from radio_desk.errors import AudioError

log = logging.getLogger(__name__)

Emit = Callable[[str, dict], None]


def fmt_clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass
class ActiveCall:
    rec: Recording
    file: Any  # soundfile.SoundFile | None once closed/failed
    read_pos: int  # next ring frame to write
    frames: int = 0  # frames in the file
    events: list[dict] = field(default_factory=list)
    error: str | None = None
    preroll_s: float = 0.0
    next_fsync: float = 0.0


class CallWriter:
    """Writes the call in progress (``active``); ``ring`` and ``samplerate`` are set once the input
    is open."""

    def __init__(
        self,
        recordings_dir: Path,
        channel_map: str,
        file_channels: int,
        preroll_seconds: float,
        fsync_interval: float,
        fanout: AudioFanOut,
        emit: Emit,
    ) -> None:
        self.recordings_dir = recordings_dir
        self.channel_map = channel_map
        self.file_channels = file_channels
        self.preroll_seconds = preroll_seconds
        self.fsync_interval = fsync_interval
        self.fanout = fanout
        self._emit = emit
        self.ring: FrameRing | None = None
        self.samplerate = 0
        self.active: ActiveCall | None = None

    def attach(self, ring: FrameRing, samplerate: int) -> None:
        self.ring, self.samplerate = ring, samplerate

    def _new_path(self, rec: Recording) -> Path:
        ts = rec.started_at.astimezone(UTC)
        folder = self.recordings_dir / f"{ts:%Y}" / f"{ts:%m}" / f"{ts:%d}"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{ts:%Y%m%dT%H%M%SZ}_{rec.id.hex[:8]}.wav"

    def start(self, case_id: uuid.UUID | None, at_pos: int | None, device: str | None) -> Recording:
        if self.active is not None:
            raise AudioError("Sudah ada panggilan yang sedang direkam; hentikan dulu.")
        ring = self.ring
        assert ring is not None
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
            device=device,
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
        a = ActiveCall(rec=rec, file=f, read_pos=start, preroll_s=(wp - start) / self.samplerate)
        a.next_fsync = time.monotonic() + self.fsync_interval
        self.active = a
        self._save_sidecar(a)
        self._emit("recording_started", {"id": str(rec.id), "path": rec.path})
        return replace(rec)

    def _map(self, chunk: np.ndarray) -> np.ndarray:
        if self.channel_map == "mix":
            return ((chunk[:, 0].astype(np.int32) + chunk[:, 1]) // 2).astype(np.int16)[:, None]
        return chunk

    def write_pending(self, wp: int, now: float) -> None:
        a, ring = self.active, self.ring
        assert a is not None and ring is not None
        if a.file is None:  # writing failed earlier: audio is no longer kept
            a.read_pos = wp
            return
        max_chunk = self.samplerate  # bound memory after a stall: at most 1 s per write
        while a.read_pos < wp:
            stop = min(wp, a.read_pos + max_chunk)
            chunk = self._map(ring.read(a.read_pos, stop))
            try:
                a.file.write(chunk)
            except (RuntimeError, OSError) as err:  # soundfile raises LibsndfileError (RuntimeError)
                self._write_failed(a, err)
                return
            start_frame = a.frames
            a.frames += len(chunk)
            a.read_pos = stop
            ring.protect_from = stop
            self.fanout.publish(
                AudioBlock(chunk.astype(np.float32) / FULL_SCALE, self.samplerate, start_frame)
            )
        if now >= a.next_fsync:
            a.next_fsync = now + self.fsync_interval
            try:
                fsync_file(a.file)
            except (RuntimeError, OSError) as err:
                self._write_failed(a, err)

    def _write_failed(self, a: ActiveCall, err: Exception) -> None:
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
        if self.ring is not None:
            self.ring.protect_from = None
        with contextlib.suppress(AudioError):
            a.frames = repair_wav(Path(a.rec.path))
        a.events.append(
            {"event": "write_failed", "at_s": round(a.frames / self.samplerate, 3), "reason": str(err)}
        )
        with contextlib.suppress(OSError):
            self._save_sidecar(a)
        self._emit("write_failed", {"id": str(a.rec.id), "message": a.error})

    def stop(self, stop_pos: int) -> Recording:
        a, ring = self.active, self.ring
        if a is None or ring is None:
            raise AudioError("Tidak ada panggilan yang sedang direkam.")
        if a.file is not None:
            self.write_pending(min(stop_pos, ring.write_pos), time.monotonic())
        if a.file is not None:
            try:
                fsync_file(a.file)
                a.file.close()
            except (RuntimeError, OSError) as err:
                self._write_failed(a, err)
            a.file = None
        ring.protect_from = None
        self.active = None
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

    def note(self, name: str, data: dict[str, Any]) -> None:
        """Keep a device event (lost, restored) in the call's sidecar, at its point in the call."""
        a = self.active
        if a is None:
            return
        a.events.append({"event": name, "at_s": round(a.frames / self.samplerate, 3), **data})
        try:
            self._save_sidecar(a)
        except OSError:
            log.warning("sidecar not updated for %s", name)

    def _save_sidecar(self, a: ActiveCall) -> None:
        write_sidecar(
            Path(a.rec.path),
            a.rec,
            preroll_s=round(a.preroll_s, 3),
            events=a.events,
            error=a.error,
        )
