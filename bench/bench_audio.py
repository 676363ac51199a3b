"""Recorder benchmarks: CPU of a 48 kHz stereo call with the level meter, memory over a simulated
2-hour call, and the delay from the audio callback to the bytes handed to the OS (and to ``fsync``).

* ``cpu_*``: process CPU time / wall time while recording, as % of one core.
  - ``synthetic``: a thread calls the recorder's real callback path every 10 ms with 480-frame blocks
    (what PortAudio does), so the figure is Radio Desk's own cost: callback, ring, writer, meter,
    WAV writes with header update, fsync, fan-out to one live subscriber.
  - ``portaudio``: the same through real PortAudio/ALSA capture from the virtual device of
    ``tests/support/virtual_audio.py`` (needs pulseaudio; includes the ALSA/PulseAudio client work
    in our process).  An idle process over the same wall time is measured alongside as the baseline.
* ``memory_*``: 2 hours of audio fed faster than real time (throttled only to the ring's headroom),
  RSS sampled every simulated 5 minutes; one live subscriber that never reads (bounded queue).
* ``latency_*``: for every block, the time from ``feed`` (the callback) until the writer's
  ``write`` of that frame returned (bytes in the OS, visible to a reader and safe from a process
  crash); ``fsync`` runs every second, so power-cut exposure is that plus ``fsync_interval_s``.
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from bench.common import ROOT, percentile, record
from radio_desk.audio.recorder import Recorder

RATE = 48_000
BLOCK = 480  # 10 ms


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class _TimedRecorder(Recorder):
    """Notes (time, frames written) after each writer pass: the latency measurement."""

    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, **kw)
        self.writes: list[tuple[float, int]] = []

    def _write_pending(self, wp: int, now: float) -> None:
        super()._write_pending(wp, now)
        a = self._active
        if a is not None:
            self.writes.append((time.monotonic(), a.read_pos))


def _blocks(seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    x = np.stack([np.sin(2 * np.pi * 330 * t), np.sin(2 * np.pi * 550 * t)], axis=1) * 0.3 * 32767
    return x.astype(np.int16)


def _paced_blocks(src: np.ndarray, n: int, start: float) -> Iterator[np.ndarray]:
    """``n`` blocks of BLOCK frames cut from ``src`` in turn, each at its due time after ``start``
    (``time.monotonic``): the pace of a sound card at RATE."""
    for k in range(n):
        delay = start + k * BLOCK / RATE - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        off = (k * BLOCK) % (RATE - BLOCK)
        yield src[off : off + BLOCK]


def bench_synthetic_realtime(folder: Path, seconds: float = 20.0) -> dict:
    src = _blocks(1.0)
    rec = _TimedRecorder(channel_map="split", preroll_seconds=10.0, recordings_dir=folder)
    rec.open_external(RATE)
    sub = rec.fanout.subscribe(16_000, max_seconds=30)
    rec.start_recording()
    pushes: list[tuple[float, int]] = []
    t0_wall, t0_cpu = time.monotonic(), time.process_time()
    n = int(seconds * RATE / BLOCK)
    for block in _paced_blocks(src, n, t0_wall):
        rec.feed(block)
        pushes.append((time.monotonic(), rec.ring.write_pos))
    wall, cpu = time.monotonic() - t0_wall, time.process_time() - t0_cpu
    time.sleep(0.1)
    levels = rec.status().peak_dbfs
    rec.stop_recording()
    rec.close()
    del sub
    # latency: first writer pass whose position covers each pushed block
    writes = rec.writes
    lat = []
    j = 0
    for t_push, pos in pushes:
        while j < len(writes) and writes[j][1] < pos:
            j += 1
        if j < len(writes):
            lat.append(writes[j][0] - t_push)
    # the synthetic feeder itself (sleep + slicing) is part of the measured process; measure it alone
    t1_wall, t1_cpu = time.monotonic(), time.process_time()
    for _ in _paced_blocks(src, n, t1_wall):
        pass
    feeder_cpu = (time.process_time() - t1_cpu) / (time.monotonic() - t1_wall) * 100
    total = cpu / wall * 100
    return {
        "cpu_synthetic_total_pct": round(total, 2),
        "cpu_synthetic_feeder_only_pct": round(feeder_cpu, 2),
        "cpu_synthetic_recorder_pct": round(total - feeder_cpu, 2),
        "latency_p50_ms": round(percentile(lat, 0.5) * 1000, 1),
        "latency_p99_ms": round(percentile(lat, 0.99) * 1000, 1),
        "latency_max_ms": round(max(lat) * 1000, 1),
        "fsync_interval_s": rec.config.fsync_interval,
        "meter_peak_dbfs": list(levels),
        "seconds": seconds,
    }


def bench_portaudio(folder: Path, seconds: float = 20.0) -> dict | None:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from support.virtual_audio import VirtualAudio, available, known_signal
    except ImportError:
        return None
    reason = available()
    if reason:
        print(f"skipping the PortAudio CPU measurement: {reason}")
        return None
    va = VirtualAudio(Path(tempfile.mkdtemp(prefix="rd-bench-va-")))
    va.start()
    try:
        va.add_capture("rd_bench", known_signal(seconds + 20, RATE, channels=2), RATE)
        va.apply()
        # baseline: the same process idle for the same wall time
        t0_wall, t0_cpu = time.monotonic(), time.process_time()
        time.sleep(seconds / 4)
        idle = (time.process_time() - t0_cpu) / (time.monotonic() - t0_wall) * 100
        # the virtual device's own cost (ALSA file plugin + PulseAudio client): a stream whose
        # callback does nothing, same block size as the recorder's
        import sounddevice as sd

        with sd.RawInputStream(
            device="rd_bench",
            samplerate=RATE,
            channels=2,
            dtype="int16",
            blocksize=int(RATE * 0.02),
            callback=lambda *a: None,
        ):
            time.sleep(0.5)
            t0_wall, t0_cpu = time.monotonic(), time.process_time()
            time.sleep(seconds / 2)
            device_only = (time.process_time() - t0_cpu) / (time.monotonic() - t0_wall) * 100
        rec = Recorder("rd_bench", samplerate=RATE, channel_map="split", recordings_dir=folder)
        rec.open()
        time.sleep(1.0)
        rec.start_recording()
        t0_wall, t0_cpu = time.monotonic(), time.process_time()
        time.sleep(seconds)
        wall, cpu = time.monotonic() - t0_wall, time.process_time() - t0_cpu
        done = rec.stop_recording()
        rec.close()
        return {
            "cpu_portaudio_pct": round(cpu / wall * 100, 2),
            "cpu_portaudio_device_only_pct": round(device_only, 2),
            "cpu_portaudio_recorder_pct": round(cpu / wall * 100 - device_only, 2),
            "cpu_idle_process_pct": round(idle, 2),
            "portaudio_recorded_s": round(done.duration_s, 2),
        }
    finally:
        va.stop()
        shutil.rmtree(va.root, ignore_errors=True)


def bench_memory_two_hours(folder: Path, hours: float = 2.0) -> dict:
    src = _blocks(1.0)
    rec = Recorder(channel_map="split", preroll_seconds=10.0, recordings_dir=folder)
    rec.open_external(RATE)
    rec.fanout.subscribe(16_000, max_seconds=30)  # a live consumer that never reads: must stay bounded
    rec.start_recording()
    block = 4800  # 100 ms blocks: same code path, fewer Python calls
    total = int(hours * 3600 * RATE)
    samples = []
    next_sample = 0
    t0 = time.monotonic()
    fed = 0
    headroom = rec.ring.capacity // 2
    while fed < total:
        a = rec._active
        if a is not None and rec.ring.write_pos - a.read_pos > headroom:
            time.sleep(0.002)  # let the writer catch up; never overrun the ring
            continue
        off = fed % (RATE - block)
        rec.feed(src[off : off + block])
        fed += block
        if fed >= next_sample:
            samples.append((fed / RATE / 60, _rss_mb()))
            next_sample += 5 * 60 * RATE
    done = rec.stop_recording()
    elapsed = time.monotonic() - t0
    rec.close()
    size_gb = Path(done.path).stat().st_size / 1e9
    rss = [m for _, m in samples]
    first_after_warmup = rss[1] if len(rss) > 1 else rss[0]
    return {
        "memory_rss_start_mb": round(rss[0], 1),
        "memory_rss_after_5min_mb": round(first_after_warmup, 1),
        "memory_rss_end_mb": round(rss[-1], 1),
        "memory_rss_max_mb": round(max(rss), 1),
        "memory_growth_after_5min_mb": round(rss[-1] - first_after_warmup, 1),
        "memory_dropped_frames": rec.ring.dropped_frames,
        "simulated_hours": hours,
        "simulation_wall_s": round(elapsed, 1),
        "file_gb": round(size_gb, 2),
        "file_duration_h": round(done.duration_s / 3600, 3),
        "max_rss_process_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    hours = float(os.environ.get("RADIO_DESK_BENCH_AUDIO_HOURS", "2"))
    with tempfile.TemporaryDirectory(prefix="rd-bench-audio-") as tmp:
        folder = Path(tmp)
        metrics = bench_synthetic_realtime(folder / "rt")
        pa = bench_portaudio(folder / "pa")
        if pa:
            metrics.update(pa)
        shutil.rmtree(folder / "rt", ignore_errors=True)
        metrics.update(bench_memory_two_hours(folder / "mem", hours))
    record(
        "audio",
        metrics,
        {
            "cpu_synthetic_recorder_pct": "<= 3",
            "cpu_portaudio_recorder_pct": "<= 3",
            "memory_growth_after_5min_mb": "~0 (flat)",
            "latency_max_ms": "< 1000 (crash loses at most ~1 s)",
        },
    )


if __name__ == "__main__":
    main()
