"""The recorder's knobs (:class:`RecorderConfig`) and what it shows the operator (:class:`RecorderStatus`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from radio_desk.errors import AudioError

CHANNEL_MAPS = {"mono": (1, 1), "mix": (2, 1), "split": (2, 2)}  # map -> (captured, stored) channels


@dataclass(frozen=True)
class RecorderConfig:
    """How the recorder listens, writes and watches; every field has the studio's default."""

    samplerate: int | None = None  # None: the device's own rate
    channel_map: str = "mono"  # mono | mix (2 in, 1 stored) | split (2 in, 2 stored)
    preroll_seconds: float = 10.0  # kept before "start" (0 to 600)
    recordings_dir: Path | None = None  # default: the user's recordings folder
    headroom_seconds: float = 30.0  # ring beyond the pre-roll: how long the disk may stall
    tick: float = 0.04  # writer pass (status at 25 Hz)
    write_interval: float = 0.2  # file writes while recording
    block_seconds: float = 0.02  # input block length
    lost_after: float = 1.0  # no audio for this long: the device is lost
    first_callback_grace: float = 3.0  # a freshly opened device may take this long to start
    reopen_interval: float = 1.5
    fsync_interval: float = 1.0
    low_disk_minutes: float = 30.0
    signal_threshold_dbfs: float = -50.0  # RMS above it counts as signal

    def __post_init__(self) -> None:
        if self.channel_map not in CHANNEL_MAPS:
            raise AudioError(
                f"Pemetaan kanal '{self.channel_map}' tidak dikenal (pilih mono, mix atau split)."
            )
        if not 0 <= self.preroll_seconds <= 600:
            raise AudioError(f"Pre-roll {self.preroll_seconds} detik tidak valid (0 sampai 600 detik).")

    @property
    def capture_channels(self) -> int:
        return CHANNEL_MAPS[self.channel_map][0]

    @property
    def file_channels(self) -> int:
        return CHANNEL_MAPS[self.channel_map][1]


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
